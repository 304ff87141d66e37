/* bo-picklist.c — the content of pick lists: one shipment, or a batch of orders
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a pick list's quantities come from:
 *
 * - a shipment: the units it packs (bo_store_create_shipment());
 * - an order: the units its open shipment packs; with several open
 *   shipments, what they pack together (one walk through the shelves); with
 *   none, the units allocated to it now — the shipment that "ship" would
 *   create;
 * - a batch: every allocated unit not shipped yet of the chosen orders, or
 *   of every order, whether a shipment packs it already or not.
 *
 * A shipment's list also shows the lines with nothing to pick now that are
 * still backordered, so that the parcel says what follows. Drop-ship
 * products never appear: the supplier sends them.
 */
#define G_LOG_DOMAIN "bo-picklist"

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n-lib.h>

#include "backorders/bo-error.h"
#include "bo-picklist-private.h"

/* A batch row lists at most this many orders; a SKU that more orders want
 * continues on the next row, so that no row outgrows a page. */
#define MAX_ORDERS_PER_ROW 30

/* ---- rows ---------------------------------------------------------------- */

static void
picklist_order_clear (gpointer data)
{
  BoPicklistOrder *order = data;

  g_free (order->number);
}

static void
row_free (gpointer data)
{
  BoPicklistRow *row = data;

  g_free (row->location);
  g_free (row->sku);
  g_free (row->product_name);
  g_clear_pointer (&row->orders, g_array_unref);
  g_free (row);
}

static BoPicklistRow *
row_new (const BoPickLine *line)
{
  BoPicklistRow *row = g_new0 (BoPicklistRow, 1);

  row->location = g_strdup (line->location != NULL ? line->location : "");
  row->sku = g_strdup (line->sku);
  row->product_name = g_strdup (line->product_name);
  return row;
}

/* Walking order: by bin, where "A-2" comes before "A-10", rows without a bin
 * last; then by SKU. The sort is stable, so equal rows keep the order of
 * service they came in. */
typedef struct
{
  gboolean    later;   /* sorts after every row without it */
  gboolean    no_bin;
  char       *bin_key;
  char       *sku_key;
  gpointer    item;
} SortEntry;

static void
sort_entry_clear (gpointer data)
{
  SortEntry *entry = data;

  g_free (entry->bin_key);
  g_free (entry->sku_key);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *x = a;
  const SortEntry *y = b;
  int cmp;

  if (x->later != y->later)
    return x->later ? 1 : -1;
  if (x->no_bin != y->no_bin)
    return x->no_bin ? 1 : -1;
  cmp = strcmp (x->bin_key, y->bin_key);
  if (cmp != 0)
    return cmp;
  return strcmp (x->sku_key, y->sku_key);
}

static void
sort_entry_set (SortEntry  *entry,
                const char *location,
                const char *sku,
                gboolean    later,
                gpointer    item)
{
  entry->later = later;
  entry->no_bin = location == NULL || *location == '\0';
  entry->bin_key = g_utf8_collate_key_for_filename (location != NULL ? location : "", -1);
  entry->sku_key = g_utf8_collate_key_for_filename (sku != NULL ? sku : "", -1);
  entry->item = item;
}

/* ---- building ------------------------------------------------------------ */

static BoPicklist *
picklist_new (BoStore        *store,
              BoPicklistKind  kind)
{
  BoPicklist *picklist = g_new0 (BoPicklist, 1);

  picklist->kind = kind;
  picklist->shop_name = bo_store_get_setting (store, "shop-name");
  if (picklist->shop_name == NULL)
    picklist->shop_name = g_strdup ("");
  picklist->currency = bo_store_get_setting (store, "currency");
  if (picklist->currency == NULL)
    picklist->currency = g_strdup ("");
  picklist->date = bo_store_get_today (store);
  picklist->rows = g_ptr_array_new_with_free_func (row_free);
  return picklist;
}

static gboolean
check_something_to_pick (BoPicklist     *picklist,
                         const BoOrder  *order,
                         GError        **error)
{
  if (bo_picklist_get_units (picklist) > 0)
    return TRUE;
  if (order != NULL)
    g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                 _("Nothing to pick for order %s: no units from the shop’s shelves are "
                   "allocated and waiting to ship"), order->number);
  else
    g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                 _("Nothing to pick: no order has units from the shop’s shelves allocated "
                   "and waiting to ship"));
  return FALSE;
}

/* One order's shipment: a row per order line, in walking order, the rows
 * with nothing to pick now at the end. */
static BoPicklist *
shipment_picklist (BoStore        *store,
                   const BoOrder  *order,
                   GArray         *lines,
                   GError        **error)
{
  g_autoptr(BoPicklist) picklist = picklist_new (store, BO_PICKLIST_SHIPMENT);
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, TRUE, sizeof (SortEntry), lines->len);

  picklist->order_number = g_strdup (order->number);
  picklist->customer_name = g_strdup (order->customer_name);
  picklist->ship_to = g_strstrip (g_strdup (order->customer_address != NULL
                                              ? order->customer_address : ""));
  picklist->n_orders = 1;

  g_array_set_clear_func (entries, sort_entry_clear);
  for (guint i = 0; i < lines->len; i++)
    {
      const BoPickLine *line = &g_array_index (lines, BoPickLine, i);
      BoPicklistRow *row = row_new (line);
      SortEntry entry;

      row->pick = line->quantity;
      row->ordered = line->ordered;
      row->backordered = line->backordered;
      row->promised = line->promised;
      sort_entry_set (&entry, row->location, row->sku, row->pick == 0, row);
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (picklist->rows, g_array_index (entries, SortEntry, i).item);

  if (!check_something_to_pick (picklist, order, error))
    return NULL;
  return g_steal_pointer (&picklist);
}

/**
 * bo_picklist_new_for_shipment:
 * @shipment_id: an open shipment (not marked shipped yet)
 *
 * Returns: (transfer full): the pick list of the units the shipment packs,
 *   or %NULL: %BO_ERROR_NOT_FOUND, or %BO_ERROR_REFUSED when the shipment
 *   has left or has nothing to pick
 */
BoPicklist *
bo_picklist_new_for_shipment (BoStore  *store,
                              gint64    shipment_id,
                              GError  **error)
{
  g_autoptr(BoShipment) shipment = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GArray) lines = NULL;
  BoPicklist *picklist;

  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  shipment = bo_store_get_shipment (store, shipment_id, error);
  if (shipment == NULL)
    return NULL;
  if (shipment->shipped_at != 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                   _("Shipment %" PRId64 " has been shipped already; "
                     "there is nothing left to pick"), shipment_id);
      return NULL;
    }
  order = bo_store_get_order (store, shipment->order_id, error);
  if (order == NULL)
    return NULL;
  lines = bo_store_list_pick_lines (store, BO_PICK_SHIPMENT, shipment_id, error);
  if (lines == NULL)
    return NULL;

  picklist = shipment_picklist (store, order, lines, error);
  if (picklist != NULL)
    {
      picklist->shipment_id = shipment_id;
      picklist->n_shipments = 1;
    }
  return picklist;
}

/**
 * bo_picklist_new_for_order:
 * @order_id: the order
 *
 * The pick list of an order's next parcel: what its open shipment packs
 * (several open shipments are picked together), or, when no shipment is
 * open, every unit allocated to the order now.
 *
 * Returns: (transfer full): the pick list, or %NULL: %BO_ERROR_NOT_FOUND,
 *   or %BO_ERROR_REFUSED when there is nothing to pick
 */
BoPicklist *
bo_picklist_new_for_order (BoStore  *store,
                           gint64    order_id,
                           GError  **error)
{
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GPtrArray) shipments = NULL;
  g_autoptr(GArray) lines = NULL;
  BoPicklist *picklist;
  gint64 open_id = 0;
  guint n_open = 0;

  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  order = bo_store_get_order (store, order_id, error);
  if (order == NULL)
    return NULL;
  shipments = bo_store_list_shipments (store, order_id, error);
  if (shipments == NULL)
    return NULL;
  for (guint i = 0; i < shipments->len; i++)
    {
      const BoShipment *shipment = g_ptr_array_index (shipments, i);

      if (shipment->shipped_at == 0)
        {
          open_id = shipment->id;
          n_open++;
        }
    }

  if (n_open == 1)
    lines = bo_store_list_pick_lines (store, BO_PICK_SHIPMENT, open_id, error);
  else if (n_open > 1)
    lines = bo_store_list_pick_lines (store, BO_PICK_OPEN_SHIPMENTS, order_id, error);
  else
    lines = bo_store_list_pick_lines (store, BO_PICK_UNPACKED, order_id, error);
  if (lines == NULL)
    return NULL;

  picklist = shipment_picklist (store, order, lines, error);
  if (picklist != NULL)
    {
      picklist->shipment_id = n_open == 1 ? open_id : 0;
      picklist->n_shipments = n_open;
    }
  return picklist;
}

static int
compare_service (gconstpointer a,
                 gconstpointer b)
{
  const BoPickLine *x = *(const BoPickLine * const *) a;
  const BoPickLine *y = *(const BoPickLine * const *) b;

  if (x->placed_at != y->placed_at)
    return x->placed_at < y->placed_at ? -1 : 1;
  if (x->order_id != y->order_id)
    return x->order_id < y->order_id ? -1 : 1;
  return (x->line_id > y->line_id) - (x->line_id < y->line_id);
}

/* Adds @line's units to the row of its SKU, starting a new row for a new
 * SKU or when the row lists enough orders already. */
static BoPicklistRow *
add_to_batch_row (BoPicklist       *picklist,
                  BoPicklistRow    *row,
                  const BoPickLine *line)
{
  BoPicklistOrder *last = NULL;
  gboolean same_sku = row != NULL && g_strcmp0 (row->sku, line->sku) == 0;

  if (same_sku && row->orders->len > 0)
    last = &g_array_index (row->orders, BoPicklistOrder, row->orders->len - 1);
  if (last != NULL && g_strcmp0 (last->number, line->order_number) == 0)
    {
      last->quantity += line->quantity;
      row->pick += line->quantity;
      return row;
    }
  if (!same_sku || row->orders->len >= MAX_ORDERS_PER_ROW)
    {
      BoPicklistRow *next = row_new (line);

      next->orders = g_array_new (FALSE, TRUE, sizeof (BoPicklistOrder));
      g_array_set_clear_func (next->orders, picklist_order_clear);
      next->continued = same_sku;
      g_ptr_array_add (picklist->rows, next);
      row = next;
    }
  g_array_append_vals (row->orders,
                       &(BoPicklistOrder) { g_strdup (line->order_number), line->quantity }, 1);
  row->pick += line->quantity;
  return row;
}

/**
 * bo_picklist_new_batch:
 * @order_ids: (array length=n_order_ids) (nullable): the orders to pick
 *   for; %NULL and 0 for every order with allocated units not shipped yet
 * @n_order_ids: how many
 *
 * A wave pick list: every allocated unit not shipped yet of these orders,
 * one row per bin and SKU with the orders each quantity is for. Orders with
 * nothing allocated are left out.
 *
 * Returns: (transfer full): the pick list, or %NULL: %BO_ERROR_REFUSED when
 *   there is nothing to pick
 */
BoPicklist *
bo_picklist_new_batch (BoStore       *store,
                       const gint64  *order_ids,
                       gsize          n_order_ids,
                       GError       **error)
{
  g_autoptr(BoPicklist) picklist = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) service = g_ptr_array_new ();
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (SortEntry));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) orders = g_hash_table_new (g_int64_hash, g_int64_equal);
  BoPicklistRow *row = NULL;

  g_return_val_if_fail (BO_IS_STORE (store), NULL);
  g_return_val_if_fail (order_ids != NULL || n_order_ids == 0, NULL);

  if (n_order_ids == 0)
    {
      GArray *lines = bo_store_list_pick_lines (store, BO_PICK_ALLOCATED, 0, error);

      if (lines == NULL)
        return NULL;
      g_ptr_array_add (all, lines);
    }
  for (gsize i = 0; i < n_order_ids; i++)
    {
      GArray *lines;

      if (!g_hash_table_add (seen, (gpointer) &order_ids[i]))
        continue;
      lines = bo_store_list_pick_lines (store, BO_PICK_ALLOCATED, order_ids[i], error);
      if (lines == NULL)
        return NULL;
      g_ptr_array_add (all, lines);
    }

  /* Order of service first, so that each row lists its orders in the order
   * the allocator served them; the stable sort by bin keeps it. */
  for (guint i = 0; i < all->len; i++)
    {
      GArray *lines = g_ptr_array_index (all, i);

      for (guint j = 0; j < lines->len; j++)
        g_ptr_array_add (service, &g_array_index (lines, BoPickLine, j));
    }
  g_ptr_array_sort (service, compare_service);

  g_array_set_clear_func (entries, sort_entry_clear);
  for (guint i = 0; i < service->len; i++)
    {
      BoPickLine *line = g_ptr_array_index (service, i);
      SortEntry entry;

      sort_entry_set (&entry, line->location, line->sku, FALSE, line);
      g_array_append_val (entries, entry);
      g_hash_table_add (orders, &line->order_id);
    }
  g_array_sort (entries, compare_entries);

  picklist = picklist_new (store, BO_PICKLIST_BATCH);
  for (guint i = 0; i < entries->len; i++)
    row = add_to_batch_row (picklist, row, g_array_index (entries, SortEntry, i).item);
  picklist->n_orders = g_hash_table_size (orders);

  if (!check_something_to_pick (picklist, NULL, error))
    return NULL;
  return g_steal_pointer (&picklist);
}

void
bo_picklist_free (BoPicklist *picklist)
{
  if (picklist == NULL)
    return;
  g_free (picklist->shop_name);
  g_free (picklist->currency);
  g_free (picklist->order_number);
  g_free (picklist->customer_name);
  g_free (picklist->ship_to);
  g_clear_pointer (&picklist->rows, g_ptr_array_unref);
  g_clear_pointer (&picklist->pages, _bo_picklist_pages_free);
  g_free (picklist);
}

/* ---- questions ----------------------------------------------------------- */

/**
 * bo_picklist_get_units:
 *
 * Returns: the units to pick, over every row
 */
gint64
bo_picklist_get_units (const BoPicklist *picklist)
{
  gint64 units = 0;

  g_return_val_if_fail (picklist != NULL, 0);

  for (guint i = 0; i < picklist->rows->len; i++)
    units += ((const BoPicklistRow *) g_ptr_array_index (picklist->rows, i))->pick;
  return units;
}

/**
 * bo_picklist_has_backorders:
 *
 * Returns: whether units of the order stay backordered after this shipment
 *   (the list then says that they will follow); always %FALSE for a batch
 */
gboolean
bo_picklist_has_backorders (const BoPicklist *picklist)
{
  g_return_val_if_fail (picklist != NULL, FALSE);

  if (picklist->kind != BO_PICKLIST_SHIPMENT)
    return FALSE;
  for (guint i = 0; i < picklist->rows->len; i++)
    if (((const BoPicklistRow *) g_ptr_array_index (picklist->rows, i))->backordered > 0)
      return TRUE;
  return FALSE;
}

/**
 * bo_picklist_get_title:
 *
 * Returns: (transfer full): a title for the document, its print job or its
 *   file: "Pick list for order 1001", "Batch pick list for 12 orders"
 */
char *
bo_picklist_get_title (const BoPicklist *picklist)
{
  g_return_val_if_fail (picklist != NULL, NULL);

  if (picklist->kind == BO_PICKLIST_SHIPMENT)
    return g_strdup_printf (_("Pick list for order %s"), picklist->order_number);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Batch pick list for %u order",
                                       "Batch pick list for %u orders", picklist->n_orders),
                          picklist->n_orders);
}

/**
 * bo_picklist_format_date:
 * @julian: a Julian day, or 0
 *
 * Returns: (transfer full): the day written out ("26 November 2026"), or ""
 *   for 0
 */
char *
bo_picklist_format_date (guint32 julian)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (julian == 0 || !g_date_valid_julian (julian))
    return g_strdup ("");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  /* Translators: a date written out on pick lists and in messages to
   * customers; see g_date_time_format() for the codes */
  return g_date_time_format (dt, _("%-d %B %Y"));
}
