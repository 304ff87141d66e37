/* bo-store-availability.c — per SKU, what a storefront's product page needs
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new order waits behind every backorder already taken: it ships when
 * free stock covers it, else from the day the incoming purchase orders,
 * taken by expected date, have covered everything promised before it (plus
 * the handling days). A drop-ship product ships after its supplier's lead
 * time.
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "backorders/bo-availability.h"
#include "backorders/bo-promise.h"
#include "bo-store-private.h"

typedef struct
{
  guint32 eta;
  gint64  quantity;
} Arrival;

void
bo_availability_free (BoAvailability *availability)
{
  if (availability == NULL)
    return;
  g_free (availability->sku);
  g_free (availability->name);
  g_free (availability->external_ref);
  g_free (availability->sentence);
  g_free (availability);
}

/* product id → GArray of Arrival, by expected date */
static GHashTable *
load_arrivals (BoStore  *self,
               GError  **error)
{
  g_autoptr(GHashTable) arrivals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          (GDestroyNotify) g_array_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _bo_store_prepare (self,
                            "SELECT pl.product_id, pl.eta, sum (pl.ordered - pl.received) "
                            "FROM po_lines pl JOIN purchase_orders po ON po.id = pl.po_id "
                            "WHERE pl.cancelled = 0 AND pl.eta IS NOT NULL "
                            "  AND pl.received < pl.ordered AND pl.order_line_id IS NULL "
                            "  AND po.status NOT IN ('cancelled', 'received') "
                            "GROUP BY pl.product_id, pl.eta ORDER BY pl.product_id, pl.eta", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Arrival a = { _bo_column_date (stmt, 1), sqlite3_column_int64 (stmt, 2) };
      GArray *list = g_hash_table_lookup (arrivals, &id);

      if (a.eta == 0)
        continue;
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (Arrival));
          g_hash_table_insert (arrivals, g_memdup2 (&id, sizeof id), list);
        }
      g_array_append_val (list, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&arrivals);
}

static gboolean
decide (BoStore        *self,
        BoAvailability *a,
        gint64          backordered,
        GArray         *arrivals,
        guint32         today,
        guint           handling_days,
        GError        **error)
{
  if (arrivals != NULL && arrivals->len > 0)
    {
      a->next_expected = g_array_index (arrivals, Arrival, 0).eta;
      a->next_quantity = g_array_index (arrivals, Arrival, 0).quantity;
    }

  if (a->drop_ship)
    {
      gint64 supplier_id = 0;
      gint lead_days = 0;

      if (!_bo_store_drop_ship_supplier (self, a->product_id, &supplier_id, &lead_days, error))
        return FALSE;
      if (supplier_id != 0 && !a->discontinued)
        {
          a->state = BO_AVAILABILITY_SHIPS_FROM;
          a->ships_from = today + MAX (lead_days, 0);
        }
      else
        a->state = BO_AVAILABILITY_OUT_OF_STOCK;
      return TRUE;
    }
  if (a->available > 0)
    {
      a->state = BO_AVAILABILITY_IN_STOCK;
      return TRUE;
    }
  if (a->discontinued || a->backorder_policy == BO_BACKORDER_DENY)
    {
      a->state = BO_AVAILABILITY_OUT_OF_STOCK;
      return TRUE;
    }

  /* The first arrival that leaves a unit once every backorder is served. */
  {
    gint64 covered = a->available;

    for (guint i = 0; arrivals != NULL && i < arrivals->len; i++)
      {
        const Arrival *arrival = &g_array_index (arrivals, Arrival, i);

        covered += arrival->quantity;
        if (covered > backordered)
          {
            a->ships_from = MAX (arrival->eta, today) + handling_days;
            break;
          }
      }
  }
  if (a->ships_from != 0)
    a->state = BO_AVAILABILITY_SHIPS_FROM;
  else if (a->backorder_policy == BO_BACKORDER_ALLOW)
    a->state = BO_AVAILABILITY_BACKORDER;
  else
    a->state = BO_AVAILABILITY_OUT_OF_STOCK;
  return TRUE;
}

/**
 * bo_store_list_availability:
 *
 * Every product's availability, by SKU: on hand, free to sell now,
 * available to promise, the next expected arrival, the day an order placed
 * now would ship, and the sentence for its product page.
 *
 * Returns: (transfer full) (element-type BoAvailability): %NULL on error
 */
GPtrArray *
bo_store_list_availability (BoStore  *self,
                            GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_availability_free);
  g_autoptr(GHashTable) arrivals = NULL;
  guint32 today;
  guint handling_days;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  today = bo_store_get_today (self);
  handling_days = bo_store_get_handling_days (self);
  if ((arrivals = load_arrivals (self, error)) == NULL)
    return NULL;

  stmt = _bo_store_prepare (self,
                            "SELECT p.id, p.sku, p.name, p.external_ref, p.price, p.on_hand, "
                            "  p.allocated, p.backordered, p.backorder_policy, p.drop_ship, "
                            "  p.discontinued "
                            "FROM products p ORDER BY p.sku", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(BoAvailability) a = g_new0 (BoAvailability, 1);
      GArray *list;
      gint64 backordered;

      a->product_id = sqlite3_column_int64 (stmt, 0);
      a->sku = _bo_store_column_dup (stmt, 1);
      a->name = _bo_store_column_dup (stmt, 2);
      a->external_ref = _bo_store_column_dup (stmt, 3);
      a->price = sqlite3_column_int64 (stmt, 4);
      a->on_hand = sqlite3_column_int64 (stmt, 5);
      a->allocated = sqlite3_column_int64 (stmt, 6);
      backordered = sqlite3_column_int64 (stmt, 7);
      bo_backorder_policy_from_string ((const char *) sqlite3_column_text (stmt, 8),
                                       &a->backorder_policy);
      a->drop_ship = sqlite3_column_int (stmt, 9);
      a->discontinued = sqlite3_column_int (stmt, 10);
      a->available = MAX (a->on_hand - a->allocated, 0);

      list = g_hash_table_lookup (arrivals, &a->product_id);
      for (guint i = 0; list != NULL && i < list->len; i++)
        a->incoming += g_array_index (list, Arrival, i).quantity;
      a->atp = bo_available_to_promise (a->on_hand, a->allocated, backordered, a->incoming);
      if (!decide (self, a, backordered, list, today, handling_days, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      a->sentence = bo_availability_sentence (a->state, a->ships_from);
      g_ptr_array_add (rows, g_steal_pointer (&a));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}
