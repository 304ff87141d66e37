/* bo-store-import.c — writing an import in one transaction
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer (bo-import*.c) reads a file into a batch of records without
 * writing anything; this file writes the batch: suppliers, products and
 * customers upserted, then the orders placed as one group. The orders are
 * inserted first and allocated once, all together, by the shop's policy,
 * so that imported orders compete for stock in their order of service and
 * not in the order of the file. Units the shop platform shipped already
 * become a shipment that left before the import: the stock count of the
 * export is the count after those shipments, so each shipped unit is booked
 * in (reason "import") and out again (reason "shipment"), which keeps on
 * hand equal to the sum of the movements.
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bo-store-private.h"
#include "backorders/bo-money.h"

#define BO_MAX_ORDER_LINES 1000

/* ---- records ---------------------------------------------------------------- */

static void
set_text (char       **field,
          const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

BoImportBatch *
bo_import_batch_new (void)
{
  BoImportBatch *batch = g_new0 (BoImportBatch, 1);

  batch->suppliers = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_import_supplier_free);
  batch->products = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_import_product_free);
  batch->customers = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_import_customer_free);
  batch->orders = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_import_order_free);
  return batch;
}

void
bo_import_batch_free (BoImportBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->source);
  g_ptr_array_unref (batch->suppliers);
  g_ptr_array_unref (batch->products);
  g_ptr_array_unref (batch->customers);
  g_ptr_array_unref (batch->orders);
  g_free (batch);
}

BoImportProduct *
bo_import_product_new (void)
{
  BoImportProduct *p = g_new0 (BoImportProduct, 1);

  p->price = p->cost = p->on_hand = p->reorder_point = p->reorder_qty = -1;
  p->backorder_policy = -1;
  p->discontinued = -1;
  return p;
}

void
bo_import_product_free (BoImportProduct *p)
{
  if (p == NULL)
    return;
  g_free (p->sku);
  g_free (p->external_ref);
  g_free (p->name);
  g_free (p->location);
  g_free (p->supplier);
  g_free (p->supplier_sku);
  g_free (p);
}

BoImportCustomer *
bo_import_customer_new (void)
{
  BoImportCustomer *c = g_new0 (BoImportCustomer, 1);

  c->tier = -1;
  c->ship_complete = -1;
  return c;
}

void
bo_import_customer_free (BoImportCustomer *c)
{
  if (c == NULL)
    return;
  g_free (c->external_ref);
  g_free (c->name);
  g_free (c->email);
  g_free (c->address);
  g_free (c);
}

BoImportSupplier *
bo_import_supplier_new (void)
{
  BoImportSupplier *s = g_new0 (BoImportSupplier, 1);

  s->lead_days = -1;
  return s;
}

void
bo_import_supplier_free (BoImportSupplier *s)
{
  if (s == NULL)
    return;
  g_free (s->name);
  g_free (s->email);
  g_free (s->notes);
  g_free (s);
}

static void
import_line_clear (gpointer data)
{
  g_free (((BoImportLine *) data)->sku);
}

BoImportOrder *
bo_import_order_new (void)
{
  BoImportOrder *o = g_new0 (BoImportOrder, 1);

  o->lines = g_array_new (FALSE, TRUE, sizeof (BoImportLine));
  g_array_set_clear_func (o->lines, import_line_clear);
  return o;
}

void
bo_import_order_add_line (BoImportOrder *order,
                          guint64        row,
                          const char    *sku,
                          gint64         quantity,
                          gint64         unit_price,
                          gint64         shipped)
{
  BoImportLine line = { row, g_strdup (sku), quantity, unit_price, shipped };

  g_return_if_fail (order != NULL);
  g_array_append_val (order->lines, line);
}

void
bo_import_order_free (BoImportOrder *o)
{
  if (o == NULL)
    return;
  g_free (o->external_ref);
  g_free (o->number);
  g_free (o->notes);
  g_array_unref (o->lines);
  g_free (o);
}

void
bo_import_outcome_free (BoImportOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_clear_pointer (&outcome->notes, g_ptr_array_unref);
  g_free (outcome);
}

/* ---- what would change ------------------------------------------------------ */


static void
add_change (GString    *changes,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static void
add_change (GString    *changes,
            const char *format,
            ...)
{
  va_list args;

  if (changes->len > 0)
    g_string_append (changes, "; ");
  va_start (args, format);
  g_string_append_vprintf (changes, format, args);
  va_end (args);
}

static gboolean
text_differs (const char *existing,
              const char *incoming)
{
  return incoming != NULL && g_strcmp0 (existing != NULL ? existing : "", incoming) != 0;
}

static void
add_money_change (GString    *changes,
                  const char *currency,
                  const char *what,
                  gint64      before,
                  gint64      after)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (after < 0 || after == before)
    return;
  a = bo_money_format (before, currency, BO_MONEY_DATA);
  b = bo_money_format (after, currency, BO_MONEY_DATA);
  add_change (changes, "%s %s → %s", what, a, b);
}

static void
add_count_change (GString    *changes,
                  const char *what,
                  gint64      before,
                  gint64      after)
{
  if (after < 0 || after == before)
    return;
  add_change (changes, "%s %" PRId64 " → %" PRId64, what, before, after);
}

/**
 * bo_import_product_changes:
 *
 * Returns: (transfer full) (nullable): what importing @incoming changes in
 *   @existing, as a sentence ("price 10.00 → 12.00; stock 3 → 5"), or %NULL
 *   when it changes nothing
 */
char *
bo_import_product_changes (const BoProduct       *existing,
                           const char            *currency,
                           const BoImportProduct *in)
{
  g_autoptr(GString) changes = g_string_new (NULL);

  g_return_val_if_fail (existing != NULL && in != NULL, NULL);

  if (text_differs (existing->sku, in->sku))
    add_change (changes, _("SKU %s → %s"), existing->sku, in->sku);
  if (text_differs (existing->name, in->name))
    add_change (changes, _("name “%s” → “%s”"), existing->name, in->name);
  add_money_change (changes, currency, _("price"), existing->price, in->price);
  add_money_change (changes, currency, _("cost"), existing->cost, in->cost);
  add_count_change (changes, _("stock"), existing->on_hand, in->on_hand);
  add_count_change (changes, _("reorder point"), existing->reorder_point, in->reorder_point);
  add_count_change (changes, _("reorder quantity"), existing->reorder_qty, in->reorder_qty);
  if (in->backorder_policy >= 0 &&
      (BoBackorderPolicy) in->backorder_policy != existing->backorder_policy)
    add_change (changes, _("backorders %s → %s"),
                bo_backorder_policy_to_string (existing->backorder_policy),
                bo_backorder_policy_to_string (in->backorder_policy));
  if (in->discontinued >= 0 && !in->discontinued != !existing->discontinued)
    add_change (changes, in->discontinued ? _("discontinued") : _("no longer discontinued"));
  if (text_differs (existing->location, in->location))
    add_change (changes, _("location “%s” → “%s”"), existing->location ? existing->location : "",
                in->location);
  if (text_differs (existing->external_ref, in->external_ref))
    add_change (changes, _("reference %s"), in->external_ref);

  return changes->len > 0 ? g_string_free (g_steal_pointer (&changes), FALSE) : NULL;
}

/**
 * bo_import_customer_changes:
 *
 * Returns: (transfer full) (nullable): as bo_import_product_changes()
 */
char *
bo_import_customer_changes (const BoCustomer       *existing,
                            const BoImportCustomer *in)
{
  g_autoptr(GString) changes = g_string_new (NULL);

  g_return_val_if_fail (existing != NULL && in != NULL, NULL);

  if (in->create_only)
    return NULL;
  if (text_differs (existing->name, in->name))
    add_change (changes, _("name “%s” → “%s”"), existing->name, in->name);
  if (text_differs (existing->email, in->email))
    add_change (changes, _("email %s"), in->email);
  if (text_differs (existing->address, in->address))
    add_change (changes, _("address"));
  add_count_change (changes, _("tier"), existing->tier, in->tier);
  if (in->ship_complete >= 0 && !in->ship_complete != !existing->ship_complete)
    add_change (changes, in->ship_complete ? _("ships complete") : _("ships partially"));
  if (text_differs (existing->external_ref, in->external_ref))
    add_change (changes, _("reference %s"), in->external_ref);

  return changes->len > 0 ? g_string_free (g_steal_pointer (&changes), FALSE) : NULL;
}

/**
 * bo_import_supplier_changes:
 *
 * Returns: (transfer full) (nullable): as bo_import_product_changes()
 */
char *
bo_import_supplier_changes (const BoSupplier       *existing,
                            const BoImportSupplier *in)
{
  g_autoptr(GString) changes = g_string_new (NULL);

  g_return_val_if_fail (existing != NULL && in != NULL, NULL);

  if (text_differs (existing->email, in->email))
    add_change (changes, _("email %s"), in->email);
  add_count_change (changes, _("lead time"), existing->lead_days, in->lead_days);
  if (text_differs (existing->notes, in->notes))
    add_change (changes, _("notes"));

  return changes->len > 0 ? g_string_free (g_steal_pointer (&changes), FALSE) : NULL;
}

/* ---- lookups ------------------------------------------------------------------- */

/**
 * bo_store_find_product_by_ref:
 * @external_ref: a reference in the shop platform
 *
 * Returns: (transfer full) (nullable): the product, or %NULL with @error set
 *   (%BO_ERROR_NOT_FOUND when no product has the reference)
 */
BoProduct *
bo_store_find_product_by_ref (BoStore     *self,
                              const char  *external_ref,
                              GError     **error)
{
  gint64 id = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);
  g_return_val_if_fail (external_ref != NULL, NULL);

  stmt = _bo_store_prepare (self, "SELECT id FROM products WHERE external_ref = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, external_ref, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                   _("There is no product with the reference “%s”"), external_ref);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return bo_store_get_product (self, id, error);
}

/**
 * bo_store_find_order_id:
 * @external_ref: (nullable): a reference in the shop platform
 * @number: (nullable): an order number
 *
 * Returns: the id of the order with @external_ref, else of the order
 *   numbered @number; 0 when there is none; -1 with @error set on failure
 */
gint64
bo_store_find_order_id (BoStore     *self,
                        const char  *external_ref,
                        const char  *number,
                        GError     **error)
{
  const char *sql[] = { "SELECT id FROM orders WHERE external_ref = ?",
                        "SELECT id FROM orders WHERE number = ?" };
  const char *keys[] = { external_ref, number };

  g_return_val_if_fail (BO_IS_STORE (self), -1);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      sqlite3_stmt *stmt;
      gint64 id = 0;
      int rc;

      if (keys[i] == NULL || *keys[i] == '\0')
        continue;
      if ((stmt = _bo_store_prepare (self, sql[i], error)) == NULL)
        return -1;
      sqlite3_bind_text (stmt, 1, keys[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _bo_store_set_error (self, rc, error);
          return -1;
        }
      if (id > 0)
        return id;
    }
  return 0;
}

/* ---- applying ------------------------------------------------------------------- */

typedef struct
{
  gint64            id;
  gint64            price;
  BoBackorderPolicy policy;
  gboolean          discontinued;
} ProductInfo;

typedef struct
{
  BoStore             *self;
  char                *currency;       /* the shop's, for amounts in notes */
  const BoImportBatch *batch;
  GCancellable        *cancellable;
  BoProgressFunc       progress;
  gpointer             user_data;
  double               done;
  double               total;
  double               reported;
  BoImportOutcome     *outcome;

  GArray              *customer_ids;   /* gint64, per batch customer */
  GHashTable          *products;       /* SKU → ProductInfo */
  GHashTable          *stock_grew;     /* product id set, in group.product_ids */
  BoPlacementGroup     group;          /* the new orders, placed together */
  GHashTable          *customer_keys;  /* "email:" / "name:" + lower case → id; -1: two have it */
  GHashTable          *shipped;        /* product id → units shipped before the import */
  GArray              *shipped_order;  /* product ids of @shipped, in the order met */
} Apply;

static void
apply_clear (Apply *a)
{
  g_clear_pointer (&a->currency, g_free);
  g_clear_pointer (&a->customer_ids, g_array_unref);
  g_clear_pointer (&a->products, g_hash_table_unref);
  g_clear_pointer (&a->stock_grew, g_hash_table_unref);
  _bo_placement_group_clear (&a->group);
  g_clear_pointer (&a->customer_keys, g_hash_table_unref);
  g_clear_pointer (&a->shipped, g_hash_table_unref);
  g_clear_pointer (&a->shipped_order, g_array_unref);
}

static gboolean
step (Apply   *a,
      double   amount,
      GError **error)
{
  a->done += amount;
  if (a->progress != NULL && a->total > 0 &&
      (a->done - a->reported >= a->total / 200 || a->done >= a->total))
    {
      a->reported = a->done;
      a->progress (MIN (a->done / a->total, 1.0), a->user_data);
    }
  return !g_cancellable_set_error_if_cancelled (a->cancellable, error);
}

/* Stock of the product grew: its waiting lines are allocated with the group. */
static void
stock_grew (Apply  *a,
            gint64  product_id)
{
  if (g_hash_table_contains (a->stock_grew, &product_id))
    return;
  g_hash_table_add (a->stock_grew, g_memdup2 (&product_id, sizeof product_id));
  g_array_append_val (a->group.product_ids, product_id);
}

static gboolean
row_error (GError  **error,
           guint64   row)
{
  if (row > 0)
    g_prefix_error (error, _("Row %" PRIu64 ": "), row);
  return FALSE;
}

static gboolean
apply_suppliers (Apply   *a,
                 GError **error)
{
  for (guint i = 0; i < a->batch->suppliers->len; i++)
    {
      const BoImportSupplier *in = g_ptr_array_index (a->batch->suppliers, i);
      g_autoptr(BoSupplier) existing = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *changes = NULL;

      existing = bo_store_find_supplier (a->self, in->name != NULL ? in->name : "", &local_error);
      if (existing == NULL && !g_error_matches (local_error, BO_ERROR, BO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return row_error (error, in->row);
        }
      if (existing == NULL)
        {
          g_autoptr(BoSupplier) s = bo_supplier_new ();

          s->name = g_strdup (in->name);
          s->email = g_strdup (in->email);
          s->notes = g_strdup (in->notes);
          if (in->lead_days >= 0)
            s->lead_days = in->lead_days;
          if (!bo_store_save_supplier (a->self, s, error))
            return row_error (error, in->row);
          a->outcome->created[BO_IMPORT_RECORD_SUPPLIER]++;
        }
      else if ((changes = bo_import_supplier_changes (existing, in)) != NULL)
        {
          if (in->email != NULL)
            set_text (&existing->email, in->email);
          if (in->notes != NULL)
            set_text (&existing->notes, in->notes);
          if (in->lead_days >= 0)
            existing->lead_days = in->lead_days;
          if (!bo_store_save_supplier (a->self, existing, error))
            return row_error (error, in->row);
          a->outcome->updated[BO_IMPORT_RECORD_SUPPLIER]++;
        }
      else
        a->outcome->unchanged[BO_IMPORT_RECORD_SUPPLIER]++;
      if (!step (a, 1, error))
        return FALSE;
    }
  return TRUE;
}

/* Links a product to its supplier unless the link is there already.
 * Returns whether it changed anything, or -1 on failure. */
static int
link_supplier (Apply                  *a,
               gint64                  product_id,
               const BoImportProduct  *in,
               GError                **error)
{
  g_autoptr(BoSupplier) supplier = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(BoProductSupplier) link = NULL;
  gboolean any_preferred = FALSE;

  if (in->supplier == NULL || *in->supplier == '\0')
    return 0;
  supplier = bo_store_find_supplier (a->self, in->supplier, NULL);
  if (supplier == NULL)
    {
      supplier = bo_supplier_new ();
      supplier->name = g_strdup (in->supplier);
      if (!bo_store_save_supplier (a->self, supplier, error))
        return -1;
      a->outcome->created[BO_IMPORT_RECORD_SUPPLIER]++;
    }
  if ((links = bo_store_list_product_suppliers (a->self, product_id, error)) == NULL)
    return -1;
  for (guint i = 0; i < links->len; i++)
    {
      BoProductSupplier *l = g_ptr_array_index (links, i);

      any_preferred |= l->preferred;
      if (l->supplier_id == supplier->id &&
          (in->supplier_sku == NULL || g_strcmp0 (l->supplier_sku, in->supplier_sku) == 0))
        return 0;
    }
  link = bo_product_supplier_new ();
  link->product_id = product_id;
  link->supplier_id = supplier->id;
  link->supplier_sku = g_strdup (in->supplier_sku);
  link->preferred = !any_preferred;
  return bo_store_link_supplier (a->self, link, error) ? 1 : -1;
}

static gboolean
create_product (Apply                  *a,
                const BoImportProduct  *in,
                GError                **error)
{
  g_autoptr(BoProduct) p = bo_product_new ();

  if (in->name == NULL)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("The new product %s has no name"),
                   in->sku);
      return FALSE;
    }
  p->sku = g_strdup (in->sku);
  p->name = g_strdup (in->name);
  p->external_ref = g_strdup (in->external_ref);
  p->location = g_strdup (in->location);
  p->price = MAX (in->price, 0);
  p->cost = MAX (in->cost, 0);
  p->on_hand = MAX (in->on_hand, 0);
  p->reorder_point = MAX (in->reorder_point, 0);
  p->reorder_qty = MAX (in->reorder_qty, 0);
  if (in->backorder_policy >= 0)
    p->backorder_policy = in->backorder_policy;
  p->discontinued = in->discontinued > 0;
  if (!bo_store_save_product (a->self, p, error) || link_supplier (a, p->id, in, error) < 0)
    return FALSE;
  a->outcome->created[BO_IMPORT_RECORD_PRODUCT]++;
  return TRUE;
}

static gboolean
update_product (Apply                  *a,
                BoProduct              *existing,
                const BoImportProduct  *in,
                GError                **error)
{
  g_autofree char *changes = bo_import_product_changes (existing, a->currency, in);
  g_autofree char *other = NULL;
  BoImportProduct without_stock = *in;
  gint64 delta = in->on_hand >= 0 ? in->on_hand - existing->on_hand : 0;
  int linked;

  /* Stock moves by a movement; the rest is saved as the product. */
  without_stock.on_hand = -1;
  other = bo_import_product_changes (existing, a->currency, &without_stock);

  if (delta < 0 && in->on_hand < existing->allocated)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                   _("%s: the file gives %" PRId64 " on hand, but %" PRId64
                     " units are allocated to orders; ship or cancel them first"),
                   existing->sku, in->on_hand, existing->allocated);
      return FALSE;
    }
  if (other != NULL)
    {
      g_autoptr(BoProduct) merged = bo_product_copy (existing);

      if (in->sku != NULL)
        set_text (&merged->sku, in->sku);
      if (in->name != NULL)
        set_text (&merged->name, in->name);
      if (in->location != NULL)
        set_text (&merged->location, in->location);
      if (in->external_ref != NULL)
        set_text (&merged->external_ref, in->external_ref);
      if (in->price >= 0)
        merged->price = in->price;
      if (in->cost >= 0)
        merged->cost = in->cost;
      if (in->reorder_point >= 0)
        merged->reorder_point = in->reorder_point;
      if (in->reorder_qty >= 0)
        merged->reorder_qty = in->reorder_qty;
      if (in->backorder_policy >= 0)
        merged->backorder_policy = in->backorder_policy;
      if (in->discontinued >= 0)
        merged->discontinued = in->discontinued;
      if (!bo_store_save_product (a->self, merged, error))
        return FALSE;
    }
  if (delta != 0)
    {
      if (!_bo_store_move_stock (a->self, existing->id, delta, "import", a->batch->source, error))
        return FALSE;
      if (delta > 0)
        stock_grew (a, existing->id);
    }
  if ((linked = link_supplier (a, existing->id, in, error)) < 0)
    return FALSE;
  if (changes != NULL || linked > 0)
    a->outcome->updated[BO_IMPORT_RECORD_PRODUCT]++;
  else
    a->outcome->unchanged[BO_IMPORT_RECORD_PRODUCT]++;
  return TRUE;
}

static gboolean
apply_products (Apply   *a,
                GError **error)
{
  for (guint i = 0; i < a->batch->products->len; i++)
    {
      const BoImportProduct *in = g_ptr_array_index (a->batch->products, i);
      g_autoptr(BoProduct) existing = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean ok;

      if (in->sku == NULL || *in->sku == '\0')
        {
          g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("A product has no SKU"));
          return row_error (error, in->row);
        }
      if (in->external_ref != NULL)
        existing = bo_store_find_product_by_ref (a->self, in->external_ref, &local_error);
      if (existing == NULL && local_error != NULL &&
          !g_error_matches (local_error, BO_ERROR, BO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return row_error (error, in->row);
        }
      g_clear_error (&local_error);
      if (existing == NULL)
        existing = bo_store_find_product (a->self, in->sku, &local_error);
      if (existing == NULL && !g_error_matches (local_error, BO_ERROR, BO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return row_error (error, in->row);
        }

      ok = existing == NULL ? create_product (a, in, error)
                            : update_product (a, existing, in, error);
      if (!ok)
        return row_error (error, in->row);
      if (!step (a, 1, error))
        return FALSE;
    }
  return TRUE;
}

/* Customers by email and by name, as bo_store_find_customer() finds them
 * (ASCII case folded, as SQLite's NOCASE), loaded once: one query per
 * customer would scan the table each time, the email index being case
 * sensitive. */
static void
index_customer (Apply      *a,
                const char *prefix,
                const char *value,
                gint64      id)
{
  g_autofree char *lower = NULL;
  char *key;
  gpointer earlier;

  if (value == NULL || *value == '\0')
    return;
  lower = g_ascii_strdown (value, -1);
  key = g_strconcat (prefix, lower, NULL);
  if (g_hash_table_lookup_extended (a->customer_keys, key, NULL, &earlier) &&
      *(gint64 *) earlier != id)
    id = -1;
  g_hash_table_insert (a->customer_keys, key, g_memdup2 (&id, sizeof id));
}

static gboolean
load_customer_keys (Apply   *a,
                    GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (a->customer_keys != NULL)
    return TRUE;
  a->customer_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stmt = _bo_store_prepare (a->self, "SELECT id, email, name FROM customers", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      index_customer (a, "email:", (const char *) sqlite3_column_text (stmt, 1), id);
      index_customer (a, "name:", (const char *) sqlite3_column_text (stmt, 2), id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _bo_store_set_error (a->self, rc, error);
  return TRUE;
}

/* The customer an import row means, or NULL. An ambiguous name goes to
 * @error. */
static BoCustomer *
find_customer (Apply                   *a,
               const BoImportCustomer  *in,
               GError                 **error)
{
  g_autofree char *lower = NULL;
  g_autofree char *key = NULL;
  const char *by;
  const gint64 *id;
  sqlite3_stmt *stmt;

  if (in->external_ref != NULL)
    {
      gint64 found = 0;
      int rc;

      if ((stmt = _bo_store_prepare (a->self, "SELECT id FROM customers WHERE external_ref = ?",
                                     error)) == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, in->external_ref, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        found = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _bo_store_set_error (a->self, rc, error);
          return NULL;
        }
      if (found > 0)
        return bo_store_get_customer (a->self, found, error);
    }
  if (!load_customer_keys (a, error))
    return NULL;
  by = in->email != NULL && *in->email != '\0' ? in->email : in->name;
  if (by == NULL)
    return NULL;
  lower = g_ascii_strdown (by, -1);
  key = g_strconcat (by == in->email ? "email:" : "name:", lower, NULL);
  if ((id = g_hash_table_lookup (a->customer_keys, key)) == NULL)
    return NULL;
  if (*id < 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("Several customers are called “%s”; give the email address instead"), by);
      return NULL;
    }
  return bo_store_get_customer (a->self, *id, error);
}

static gboolean
apply_customers (Apply   *a,
                 GError **error)
{
  for (guint i = 0; i < a->batch->customers->len; i++)
    {
      const BoImportCustomer *in = g_ptr_array_index (a->batch->customers, i);
      g_autoptr(BoCustomer) existing = NULL;
      g_autofree char *changes = NULL;
      GError *local_error = NULL;
      gint64 id;

      existing = find_customer (a, in, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return row_error (error, in->row);
        }
      if (existing == NULL)
        {
          g_autoptr(BoCustomer) c = bo_customer_new ();

          c->name = g_strdup (in->name != NULL ? in->name : in->email);
          c->email = g_strdup (in->email);
          c->address = g_strdup (in->address);
          c->external_ref = g_strdup (in->external_ref);
          c->tier = MAX (in->tier, 0);
          c->ship_complete = in->ship_complete > 0;
          if (!bo_store_save_customer (a->self, c, error))
            return row_error (error, in->row);
          id = c->id;
          index_customer (a, "email:", c->email, id);
          index_customer (a, "name:", c->name, id);
          a->outcome->created[BO_IMPORT_RECORD_CUSTOMER]++;
        }
      else if ((changes = bo_import_customer_changes (existing, in)) != NULL)
        {
          if (in->name != NULL)
            set_text (&existing->name, in->name);
          if (in->email != NULL)
            set_text (&existing->email, in->email);
          if (in->address != NULL)
            set_text (&existing->address, in->address);
          if (in->external_ref != NULL)
            set_text (&existing->external_ref, in->external_ref);
          if (in->tier >= 0)
            existing->tier = in->tier;
          if (in->ship_complete >= 0)
            existing->ship_complete = in->ship_complete;
          if (!bo_store_save_customer (a->self, existing, error))
            return row_error (error, in->row);
          id = existing->id;
          index_customer (a, "email:", existing->email, id);
          index_customer (a, "name:", existing->name, id);
          a->outcome->updated[BO_IMPORT_RECORD_CUSTOMER]++;
        }
      else
        {
          id = existing->id;
          a->outcome->unchanged[BO_IMPORT_RECORD_CUSTOMER]++;
        }
      g_array_append_val (a->customer_ids, id);
      if (!step (a, 1, error))
        return FALSE;
    }
  return TRUE;
}

static const ProductInfo *
lookup_product (Apply       *a,
                const char  *sku,
                GError     **error)
{
  ProductInfo *info = g_hash_table_lookup (a->products, sku);
  sqlite3_stmt *stmt;
  int rc;

  if (info != NULL)
    return info;
  stmt = _bo_store_prepare (a->self, "SELECT id, price, backorder_policy, discontinued "
                            "FROM products WHERE sku = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sku, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      info = g_new0 (ProductInfo, 1);
      info->id = sqlite3_column_int64 (stmt, 0);
      info->price = sqlite3_column_int64 (stmt, 1);
      bo_backorder_policy_from_string ((const char *) sqlite3_column_text (stmt, 2), &info->policy);
      info->discontinued = sqlite3_column_int (stmt, 3);
      g_hash_table_insert (a->products, g_strdup (sku), info);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND, _("There is no product with SKU “%s”"), sku);
  else if (rc != SQLITE_ROW)
    _bo_store_set_error (a->self, rc, error);
  return info;
}

static gboolean
validate_line (const BoImportLine  *line,
               const char         *currency,
               GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (line->sku == NULL || *line->sku == '\0')
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("An order line has no SKU"));
      return FALSE;
    }
  if (line->quantity <= 0 || line->quantity > BO_QUANTITY_MAX)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("%s: the quantity must be a whole number from 1 to %" PRId64
                     ", not %" PRId64), line->sku, BO_QUANTITY_MAX, line->quantity);
      return FALSE;
    }
  if (line->shipped < 0 || line->shipped > line->quantity)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("%s: %" PRId64 " units shipped of %" PRId64 " ordered"),
                   line->sku, line->shipped, line->quantity);
      return FALSE;
    }
  if (line->unit_price != -1 && !bo_check_amount_in (line->unit_price, currency, _("The price"),
                                                            &local_error))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("%s: %s"), line->sku,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
add_shipped (Apply  *a,
             gint64  product_id,
             gint64  units)
{
  gint64 *total = g_hash_table_lookup (a->shipped, &product_id);

  if (total == NULL)
    {
      total = g_new0 (gint64, 1);
      g_hash_table_insert (a->shipped, g_memdup2 (&product_id, sizeof product_id), total);
      g_array_append_val (a->shipped_order, product_id);
    }
  *total += units;
}

/* The stock movements of the units shipped before the import: in and out
 * again, per product, for the whole import. Each order's shipment says
 * which units left. */
static gboolean
book_shipped (Apply   *a,
              GError **error)
{
  for (guint i = 0; i < a->shipped_order->len; i++)
    {
      gint64 product_id = g_array_index (a->shipped_order, gint64, i);
      gint64 units = *(gint64 *) g_hash_table_lookup (a->shipped, &product_id);

      if (!_bo_store_move_stock (a->self, product_id, units, "import", a->batch->source, error) ||
          !_bo_store_move_stock (a->self, product_id, -units, "shipment", a->batch->source, error))
        return FALSE;
    }
  return TRUE;
}

/* Inserts one order with its lines; shipped units leave in one shipment. */
static gboolean
insert_order (Apply                *a,
              const BoImportOrder  *in,
              GError              **error)
{
  g_autofree char *number = NULL;
  BoPlacedOrder placed = { 0 };
  gint64 shipment_id = 0;
  gint64 order_value = 0;
  gint64 shipped_at;
  sqlite3_stmt *stmt;

  if (in->lines->len == 0 || in->lines->len > BO_MAX_ORDER_LINES)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("An order needs 1 to %d lines, not %u"), BO_MAX_ORDER_LINES, in->lines->len);
      return FALSE;
    }
  if (in->customer >= a->customer_ids->len)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("The order has no customer"));
      return FALSE;
    }
  if (in->number != NULL)
    {
      if (*in->number == '\0' || g_utf8_strlen (in->number, -1) > 50)
        {
          g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                       _("The order number must be 1 to 50 characters"));
          return FALSE;
        }
      if (bo_store_find_order_id (a->self, NULL, in->number, error) != 0)
        {
          if (error == NULL || *error == NULL)
            g_set_error (error, BO_ERROR, BO_ERROR_CONFLICT,
                         _("There is already an order “%s” from somewhere else"), in->number);
          return FALSE;
        }
      number = g_strdup (in->number);
    }
  else if ((number = _bo_store_next_number (a->self, "next-order-number", error)) == NULL)
    return FALSE;

  placed.placed_at = in->placed_at > 0 ? in->placed_at : bo_store_get_now (a->self);
  shipped_at = in->shipped_at > 0 ? in->shipped_at : placed.placed_at;
  stmt = _bo_store_prepare (a->self,
                            "INSERT INTO orders (number, customer_id, placed_at, placed_date, "
                            "  external_ref, notes) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_array_index (a->customer_ids, gint64, in->customer));
  sqlite3_bind_int64 (stmt, 3, placed.placed_at);
  _bo_bind_date (stmt, 4, _bo_day_of_instant (placed.placed_at));
  if (in->external_ref != NULL && *in->external_ref != '\0')
    sqlite3_bind_text (stmt, 5, in->external_ref, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, in->notes != NULL ? in->notes : "", -1, SQLITE_STATIC);
  if (!_bo_store_step_done (a->self, stmt, error))
    return FALSE;
  placed.order_id = sqlite3_last_insert_rowid (a->self->db);

  for (guint i = 0; i < in->lines->len; i++)
    {
      const BoImportLine *line = &g_array_index (in->lines, BoImportLine, i);
      const ProductInfo *product;
      BoPlacedLine new_line = { 0 };
      gint64 line_id;

      if (!validate_line (line, a->currency, error) || (product = lookup_product (a, line->sku, error)) == NULL)
        return row_error (error, line->row);
      if (!bo_money_add_line (&order_value, line->quantity,
                              line->unit_price >= 0 ? line->unit_price : product->price, error))
        return row_error (error, line->row);

      stmt = _bo_store_prepare (a->self,
                                "INSERT INTO order_lines (order_id, product_id, ordered, shipped, "
                                "  unit_price, completed_date) VALUES (?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, placed.order_id);
      sqlite3_bind_int64 (stmt, 2, product->id);
      sqlite3_bind_int64 (stmt, 3, line->quantity);
      sqlite3_bind_int64 (stmt, 4, line->shipped);
      sqlite3_bind_int64 (stmt, 5, line->unit_price >= 0 ? line->unit_price : product->price);
      if (line->shipped == line->quantity)
        _bo_bind_date (stmt, 6, _bo_day_of_instant (shipped_at));
      if (!_bo_store_step_done (a->self, stmt, error))
        return FALSE;
      line_id = sqlite3_last_insert_rowid (a->self->db);
      placed.line_count++;
      placed.units += line->quantity;

      if (line->shipped > 0)
        {
          if (shipment_id == 0)
            {
              stmt = _bo_store_prepare (a->self, "INSERT INTO shipments (order_id, created_at, "
                                        "shipped_at) VALUES (?1, ?2, ?2)", error);
              if (stmt == NULL)
                return FALSE;
              sqlite3_bind_int64 (stmt, 1, placed.order_id);
              sqlite3_bind_int64 (stmt, 2, shipped_at);
              if (!_bo_store_step_done (a->self, stmt, error))
                return FALSE;
              shipment_id = sqlite3_last_insert_rowid (a->self->db);
            }
          stmt = _bo_store_prepare (a->self, "INSERT INTO shipment_lines (shipment_id, line_id, "
                                    "quantity) VALUES (?, ?, ?)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, shipment_id);
          sqlite3_bind_int64 (stmt, 2, line_id);
          sqlite3_bind_int64 (stmt, 3, line->shipped);
          if (!_bo_store_step_done (a->self, stmt, error))
            return FALSE;
          add_shipped (a, product->id, line->shipped);
          a->outcome->lines_shipped++;
        }
      /* Placed with the group, whatever shipped before waits for nothing. */
      new_line.line_id = line_id;
      new_line.product_id = product->id;
      new_line.sku = g_strdup (line->sku);
      new_line.quantity = line->quantity;
      new_line.open = line->quantity - line->shipped;
      new_line.price = line->unit_price >= 0 ? line->unit_price : product->price;
      new_line.policy = product->policy;
      new_line.discontinued = product->discontinued;
      new_line.order = a->group.orders->len;
      g_array_append_val (a->group.lines, new_line);
    }
  g_array_append_val (a->group.orders, placed);
  a->outcome->created[BO_IMPORT_RECORD_ORDER]++;
  return TRUE;
}

static gboolean
apply_orders (Apply   *a,
              GError **error)
{
  for (guint i = 0; i < a->batch->orders->len; i++)
    {
      const BoImportOrder *in = g_ptr_array_index (a->batch->orders, i);
      gint64 known = in->external_ref != NULL
                       ? bo_store_find_order_id (a->self, in->external_ref, NULL, error) : 0;

      if (known < 0)
        return FALSE;
      if (known > 0)
        a->outcome->unchanged[BO_IMPORT_RECORD_ORDER]++;
      else if (!insert_order (a, in, error))
        return row_error (error, in->row);
      if (!step (a, in->lines->len, error))
        return FALSE;
    }
  if (a->group.orders->len == 0 && a->group.product_ids->len == 0)
    return TRUE;

  /* The shop platform accepted these orders: a backorder policy notes what
   * it would have refused, and the group is placed all the same. */
  a->group.accept_refused = TRUE;
  a->group.notes = a->outcome->notes;
  if (!book_shipped (a, error) ||
      !_bo_store_place_group (a->self, &a->group, error) ||
      !_bo_store_refresh_promises_for (a->self, a->group.product_ids, NULL, error))
    return FALSE;

  for (guint i = 0; i < a->group.lines->len; i++)
    {
      const BoPlacedLine *line = &g_array_index (a->group.lines, BoPlacedLine, i);

      if (line->open == 0)
        continue;
      if (line->backordered == 0)
        a->outcome->lines_allocated++;
      else
        {
          a->outcome->lines_backordered++;
          a->outcome->units_backordered += line->backordered;
        }
    }
  return step (a, 0.5 * a->group.lines->len, error);
}

static gboolean
anything_changed (const BoImportOutcome *outcome)
{
  for (guint i = 0; i < BO_IMPORT_N_RECORDS; i++)
    if (outcome->created[i] > 0 || outcome->updated[i] > 0)
      return TRUE;
  return FALSE;
}

/**
 * bo_store_apply_import:
 * @batch: what to write
 * @cancellable: (nullable): cancels the import; nothing is then written
 * @progress: (nullable) (scope call): reports progress, in this thread
 * @outcome: (out) (optional): what was written
 *
 * Writes an import in one transaction, or nothing: suppliers, products and
 * customers are created or updated, orders whose reference is known already
 * are left alone, and the new orders are placed as one group: inserted, then
 * allocated together by the shop's policy. Orders the shop platform accepted
 * are imported whatever the products' backorder policies say; @outcome's
 * notes name the products concerned. Importing the same batch twice writes
 * nothing the second time.
 */
gboolean
bo_store_apply_import (BoStore              *self,
                       const BoImportBatch  *batch,
                       GCancellable         *cancellable,
                       BoProgressFunc        progress,
                       gpointer              user_data,
                       BoImportOutcome     **outcome,
                       GError              **error)
{
  g_autoptr(BoImportOutcome) out = g_new0 (BoImportOutcome, 1);
  Apply a = { 0 };
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);

  out->notes = g_ptr_array_new_with_free_func (g_free);
  a.self = self;
  a.currency = bo_store_get_setting (self, "currency");
  a.batch = batch;
  a.cancellable = cancellable;
  a.progress = progress;
  a.user_data = user_data;
  a.outcome = out;
  a.customer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  a.products = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  a.stock_grew = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  _bo_placement_group_init (&a.group);
  a.shipped = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  a.shipped_order = g_array_new (FALSE, FALSE, sizeof (gint64));
  a.total = batch->suppliers->len + batch->products->len + batch->customers->len;
  for (guint i = 0; i < batch->orders->len; i++)
    a.total += 1.5 * ((BoImportOrder *) g_ptr_array_index (batch->orders, i))->lines->len;

  if (!_bo_store_begin (self, error))
    {
      apply_clear (&a);
      return FALSE;
    }
  ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       apply_suppliers (&a, error) &&
       apply_products (&a, error) &&
       apply_customers (&a, error) &&
       apply_orders (&a, error);
  if (ok && anything_changed (out))
    {
      gint64 args[] = { out->created[BO_IMPORT_RECORD_PRODUCT],
                        out->updated[BO_IMPORT_RECORD_PRODUCT],
                        out->created[BO_IMPORT_RECORD_CUSTOMER],
                        out->created[BO_IMPORT_RECORD_ORDER], out->lines_backordered };

      /* The detail is made when it is read: bo_event_describe(). */
      ok = _bo_store_log_event_args (self, "imported",
                                     batch->source != NULL ? batch->source : "", args,
                                     G_N_ELEMENTS (args), NULL, error);
    }
  /* A last look: a cancellation during the last step still undoes it all. */
  if (ok)
    ok = !g_cancellable_set_error_if_cancelled (cancellable, error);
  apply_clear (&a);
  /* Nothing changed: nothing to commit, and no "changed" signal either. */
  if (!_bo_store_finish (self, ok, anything_changed (out), error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, user_data);
  if (outcome != NULL)
    *outcome = g_steal_pointer (&out);
  return TRUE;
}
