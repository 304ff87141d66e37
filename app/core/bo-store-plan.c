/* bo-store-plan.c — applying the allocator's plans and the promise dates
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The decisions are made by the pure modules (bo-allocation, bo-promise);
 * this file loads their input from the database and writes their output back.
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "backorders/bo-promise.h"
#include "bo-store-private.h"

#define OPEN_DEMAND_SQL \
  "SELECT l.id, l.order_id, l.product_id, o.placed_at, " \
  "  coalesce (o.priority, c.tier), coalesce (o.ship_complete, c.ship_complete), " \
  "  l.ordered - l.allocated - l.shipped - l.cancelled, l.promised_date, l.peg_po_line_id " \
  "FROM order_lines l JOIN orders o ON o.id = l.order_id " \
  "  JOIN customers c ON c.id = o.customer_id "

/* Drop-ship lines wait for their supplier, never for the shop's stock. */
static const char *product_demands_sql =
  OPEN_DEMAND_SQL "WHERE l.product_id = ?1 AND l.ordered > l.allocated + l.shipped + l.cancelled "
  "  AND l.drop_ship = 0";
static const char *order_demands_sql =
  OPEN_DEMAND_SQL "WHERE l.order_id = ?1 AND l.ordered > l.allocated + l.shipped + l.cancelled "
  "  AND l.drop_ship = 0";

/* What the pure modules get, plus what is needed to write their answers back. */
typedef struct
{
  GArray     *demands;     /* BoDemand */
  GArray     *promised;    /* guint32, current promise per demand */
  GArray     *pegged;      /* gint64, current pegged PO line per demand */
  GHashTable *lines;       /* line id set */
  GHashTable *products;    /* product id → free supply (gint64 *) */
  GHashTable *skus;        /* product id → SKU */
  GHashTable *sc_orders;   /* ship-complete order ids already expanded */
  GArray     *product_queue;
  /* For previews: lines that are not in the database yet, found by the
   * queries as if they were, and units granted in memory, taken off the
   * open quantity the database reports. */
  const BoDemand *extra;
  guint           n_extra;
  GHashTable     *granted;  /* line id → gint64 *, or NULL */
} DemandSet;

static void
demand_set_init (DemandSet *set)
{
  set->demands = g_array_new (FALSE, FALSE, sizeof (BoDemand));
  set->promised = g_array_new (FALSE, FALSE, sizeof (guint32));
  set->pegged = g_array_new (FALSE, FALSE, sizeof (gint64));
  set->lines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  set->products = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  set->skus = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  set->sc_orders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  set->product_queue = g_array_new (FALSE, FALSE, sizeof (gint64));
  set->extra = NULL;
  set->n_extra = 0;
  set->granted = NULL;
}

static void
demand_set_clear (DemandSet *set)
{
  g_clear_pointer (&set->demands, g_array_unref);
  g_clear_pointer (&set->promised, g_array_unref);
  g_clear_pointer (&set->pegged, g_array_unref);
  g_clear_pointer (&set->lines, g_hash_table_unref);
  g_clear_pointer (&set->products, g_hash_table_unref);
  g_clear_pointer (&set->skus, g_hash_table_unref);
  g_clear_pointer (&set->sc_orders, g_hash_table_unref);
  g_clear_pointer (&set->product_queue, g_array_unref);
}

static const char *
sku_of (gint64   product_id,
        gpointer user_data)
{
  DemandSet *set = user_data;

  return g_hash_table_lookup (set->skus, &product_id);
}

/* Registers a product and reads its free supply and SKU. Returns the supply,
 * or -1 on error. */
static gint64
add_product (BoStore    *self,
             DemandSet  *set,
             gint64      product_id,
             GError    **error)
{
  gint64 *free_supply = g_hash_table_lookup (set->products, &product_id);
  sqlite3_stmt *stmt;
  int rc;

  if (free_supply != NULL)
    return *free_supply;

  stmt = _bo_store_prepare (self, "SELECT on_hand - allocated, sku FROM products WHERE id = ?",
                            error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, product_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                     _("There is no product with id %" PRId64), product_id);
      else
        _bo_store_set_error (self, rc, error);
      return -1;
    }
  free_supply = g_new (gint64, 1);
  *free_supply = sqlite3_column_int64 (stmt, 0);
  g_hash_table_insert (set->products, g_memdup2 (&product_id, sizeof product_id), free_supply);
  g_hash_table_insert (set->skus, g_memdup2 (&product_id, sizeof product_id),
                       _bo_store_column_dup (stmt, 1));
  sqlite3_reset (stmt);
  g_array_append_val (set->product_queue, product_id);
  return *free_supply;
}

/* Runs a demand query (by product or by order) and adds the rows not seen yet.
 * Ship-complete orders bring their other products in, so that supply arriving
 * for one product re-examines the whole order. */
static void
add_demand (DemandSet      *set,
            BoDemand        d,
            guint32         promised,
            gint64          pegged,
            GArray         *sc_found)
{
  if (g_hash_table_contains (set->lines, &d.line_id))
    return;
  if (set->granted != NULL)
    {
      const gint64 *granted = g_hash_table_lookup (set->granted, &d.line_id);

      /* Covered in memory: the query would not have found it. */
      if (granted != NULL && (d.open -= *granted) <= 0)
        return;
    }
  g_array_append_val (set->demands, d);
  g_array_append_val (set->promised, promised);
  g_array_append_val (set->pegged, pegged);
  g_hash_table_add (set->lines, g_memdup2 (&d.line_id, sizeof d.line_id));
  if (d.ship_complete && !g_hash_table_contains (set->sc_orders, &d.order_id))
    {
      g_hash_table_add (set->sc_orders, g_memdup2 (&d.order_id, sizeof d.order_id));
      g_array_append_val (sc_found, d.order_id);
    }
}

static gboolean
add_demands (BoStore     *self,
             DemandSet   *set,
             const char  *sql,
             gint64       key,
             GArray      *sc_found,
             GError     **error)
{
  sqlite3_stmt *stmt = _bo_store_prepare (self, sql, error);
  gboolean by_product = sql == product_demands_sql;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoDemand d;

      d.line_id = sqlite3_column_int64 (stmt, 0);
      d.order_id = sqlite3_column_int64 (stmt, 1);
      d.product_id = sqlite3_column_int64 (stmt, 2);
      d.placed_at = sqlite3_column_int64 (stmt, 3);
      d.tier = sqlite3_column_int (stmt, 4);
      d.ship_complete = sqlite3_column_int (stmt, 5);
      d.open = sqlite3_column_int64 (stmt, 6);
      add_demand (set, d, _bo_column_date (stmt, 7), sqlite3_column_int64 (stmt, 8), sc_found);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _bo_store_set_error (self, rc, error);

  for (guint i = 0; i < set->n_extra; i++)
    if ((by_product ? set->extra[i].product_id : set->extra[i].order_id) == key)
      add_demand (set, set->extra[i], 0, 0, sc_found);
  return TRUE;
}

/* Loads the open demand of @product_ids and everything ship-complete orders
 * tie to them. With @only_with_supply, products without free stock are not
 * loaded (nothing can be allocated from them), except the lines of
 * ship-complete orders, which the allocator needs to see whole. */
static gboolean
load_demand_set (BoStore    *self,
                 DemandSet  *set,
                 GArray     *product_ids,
                 gboolean    only_with_supply,
                 GError    **error)
{
  g_autoptr(GArray) sc_found = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint next_product = 0;

  for (guint i = 0; i < product_ids->len; i++)
    if (add_product (self, set, g_array_index (product_ids, gint64, i), error) < 0)
      return FALSE;

  while (next_product < set->product_queue->len || sc_found->len > 0)
    {
      while (next_product < set->product_queue->len)
        {
          gint64 product_id = g_array_index (set->product_queue, gint64, next_product++);
          gint64 *free_supply = g_hash_table_lookup (set->products, &product_id);

          if (only_with_supply && *free_supply <= 0)
            continue;
          if (!add_demands (self, set, product_demands_sql, product_id, sc_found, error))
            return FALSE;
        }
      while (sc_found->len > 0)
        {
          gint64 order_id = g_array_index (sc_found, gint64, sc_found->len - 1);
          guint first = set->demands->len;

          g_array_set_size (sc_found, sc_found->len - 1);
          if (!add_demands (self, set, order_demands_sql, order_id, sc_found, error))
            return FALSE;
          for (guint i = first; i < set->demands->len; i++)
            if (add_product (self, set, g_array_index (set->demands, BoDemand, i).product_id,
                             error) < 0)
              return FALSE;
        }
    }
  return TRUE;
}

static GArray *
demand_set_supplies (DemandSet *set)
{
  GArray *supplies = g_array_new (FALSE, FALSE, sizeof (BoSupply));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, set->products);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      BoSupply s = { *(gint64 *) key, MAX (*(gint64 *) value, 0) };
      g_array_append_val (supplies, s);
    }
  return supplies;
}

/* ---- results -------------------------------------------------------------- */

static void
change_clear (gpointer data)
{
  BoAllocationChange *c = data;

  g_free (c->order_number);
  g_free (c->customer_name);
  g_free (c->sku);
  g_free (c->reason);
}

static void
ready_clear (gpointer data)
{
  BoReadyOrder *r = data;

  g_free (r->number);
  g_free (r->customer_name);
}

BoAllocationResult *
_bo_allocation_result_new (void)
{
  BoAllocationResult *result = g_new0 (BoAllocationResult, 1);

  result->changes = g_array_new (FALSE, TRUE, sizeof (BoAllocationChange));
  g_array_set_clear_func (result->changes, change_clear);
  result->ready = g_array_new (FALSE, TRUE, sizeof (BoReadyOrder));
  g_array_set_clear_func (result->ready, ready_clear);
  result->received = g_array_new (FALSE, TRUE, sizeof (BoQuantity));
  return result;
}

void
bo_allocation_result_free (BoAllocationResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->changes, g_array_unref);
  g_clear_pointer (&result->ready, g_array_unref);
  g_clear_pointer (&result->received, g_array_unref);
  g_free (result);
}

static void
promise_change_clear (gpointer data)
{
  BoPromiseChange *c = data;

  g_free (c->order_number);
  g_free (c->customer_name);
  g_free (c->customer_email);
  g_free (c->sku);
}

static GArray *
promise_changes_new (void)
{
  GArray *moved = g_array_new (FALSE, TRUE, sizeof (BoPromiseChange));

  g_array_set_clear_func (moved, promise_change_clear);
  return moved;
}

void
bo_promise_changes_free (GArray *moved)
{
  if (moved != NULL)
    g_array_unref (moved);
}

static gboolean
describe_line (BoStore     *self,
               gint64       line_id,
               char       **order_number,
               char       **customer_name,
               char       **customer_email,
               char       **sku,
               GError     **error)
{
  sqlite3_stmt *stmt = _bo_store_prepare (self,
                                          "SELECT o.number, c.name, c.email, p.sku "
                                          "FROM order_lines l JOIN orders o ON o.id = l.order_id "
                                          "JOIN customers c ON c.id = o.customer_id "
                                          "JOIN products p ON p.id = l.product_id WHERE l.id = ?",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *order_number = _bo_store_column_dup (stmt, 0);
      *customer_name = _bo_store_column_dup (stmt, 1);
      if (customer_email != NULL)
        *customer_email = _bo_store_column_dup (stmt, 2);
      *sku = _bo_store_column_dup (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _bo_store_set_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
  return TRUE;
}

/* Writes a line's new allocation, its reason, and what follows from it:
 * the product's totals, the backlog history, and no promise once covered. */
static gboolean
write_allocation (BoStore     *self,
                  gint64       line_id,
                  gint64       product_id,
                  gint64          delta,
                  const BoReason *reason,
                  gboolean        new_line,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _bo_store_prepare (self,
                            "UPDATE order_lines SET allocated = allocated + ?2, reason_kind = ?3, "
                            "  reason_args = ?4, reason = ?5, "
                            "  promised_date = CASE WHEN ordered = allocated + ?2 + shipped + cancelled "
                            "    THEN NULL ELSE promised_date END, "
                            "  peg_po_line_id = CASE WHEN ordered = allocated + ?2 + shipped + cancelled "
                            "    THEN NULL ELSE peg_po_line_id END "
                            "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  sqlite3_bind_int64 (stmt, 2, delta);
  _bo_store_bind_reason (stmt, 3, reason);
  if (!_bo_store_step_done (self, stmt, error))
    return FALSE;
  if (delta == 0)
    return TRUE;

  stmt = _bo_store_prepare (self, "UPDATE products SET allocated = allocated + ?2 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int64 (stmt, 2, delta);
  if (!_bo_store_step_done (self, stmt, error))
    return FALSE;

  /* A line being placed has no backlog yet: placement books what is left. */
  return new_line || _bo_store_backlog_move (self, line_id, -delta, error);
}

/* The allocator's plan for a loaded demand set, by the shop's policy: the
 * one computation behind placing, receiving and their previews. */
static BoPlan *
plan_demand_set (BoStore   *self,
                 DemandSet *set)
{
  g_autoptr(GArray) supplies = demand_set_supplies (set);

  return bo_allocate (bo_store_get_policy (self), (const BoSupply *) supplies->data, supplies->len,
                      (const BoDemand *) set->demands->data, set->demands->len);
}

/* Products other than the ones asked about may have moved: the promise
 * refresh that follows covers them too. */
static void
add_granted_products (const BoPlan *plan,
                      GArray       *product_ids)
{
  for (gsize i = 0; i < bo_plan_get_n_grants (plan); i++)
    {
      const BoGrant *g = bo_plan_get_grant (plan, i);
      gboolean known = FALSE;

      if (g->granted == 0)
        continue;
      for (guint j = 0; !known && j < product_ids->len; j++)
        known = g_array_index (product_ids, gint64, j) == g->product_id;
      if (!known)
        g_array_append_val (product_ids, g->product_id);
    }
}

/**
 * _bo_store_allocate:
 * @product_ids: products whose supply or demand changed; grows by the
 *   products that ship-complete orders took stock of, so that the caller's
 *   promise refresh covers them too
 * @result: collects the changes
 * @new_lines: (nullable): the ids of the lines being placed in this
 *   transaction (keys; the values are not used)
 *
 * Gives free stock of @product_ids to waiting lines by the shop's policy.
 * Existing allocations are never taken away.
 */
gboolean
_bo_store_allocate (BoStore            *self,
                    GArray             *product_ids,
                    BoAllocationResult *result,
                    GHashTable         *new_lines,
                    GError            **error)
{
  DemandSet set;
  g_autoptr(BoPlan) plan = NULL;
  gboolean ok = TRUE;

  demand_set_init (&set);
  if (!load_demand_set (self, &set, product_ids, TRUE, error))
    {
      demand_set_clear (&set);
      return FALSE;
    }
  if (set.demands->len == 0)
    {
      demand_set_clear (&set);
      return TRUE;
    }

  plan = plan_demand_set (self, &set);

  for (gsize i = 0; ok && i < bo_plan_get_n_grants (plan); i++)
    {
      const BoGrant *g = bo_plan_get_grant (plan, i);
      gboolean is_new = new_lines != NULL && g_hash_table_contains (new_lines, &g->line_id);
      g_auto(BoReason) reason = BO_REASON_INIT;

      /* Lines that got nothing keep their earlier reason, unless they are new
       * or held by their order: then the merchant needs to see why. */
      if (g->granted == 0 && !is_new && g->reason != BO_REASON_HELD_SHIP_COMPLETE)
        continue;

      bo_reason_from_grant (&reason, g, sku_of, &set);
      ok = write_allocation (self, g->line_id, g->product_id, g->granted, &reason, is_new, error);
      if (ok && g->granted > 0 && result != NULL)
        {
          BoAllocationChange c = { 0 };

          c.line_id = g->line_id;
          c.order_id = g->order_id;
          c.before = 0;
          c.after = g->granted;
          c.reason = bo_reason_describe (&reason);
          ok = describe_line (self, g->line_id, &c.order_number, &c.customer_name, NULL, &c.sku,
                              error);
          g_array_append_val (result->changes, c);
          if (ok)
            {
              /* before/after are the line's whole allocation. */
              gint64 now_allocated = 0;
              ok = _bo_store_query_int (self, "SELECT allocated FROM order_lines WHERE id = ?",
                                        g->line_id, &now_allocated, error);
              g_array_index (result->changes, BoAllocationChange, result->changes->len - 1).after =
                now_allocated;
              g_array_index (result->changes, BoAllocationChange, result->changes->len - 1).before =
                now_allocated - g->granted;
            }
        }
    }

  if (ok)
    add_granted_products (plan, product_ids);
  demand_set_clear (&set);
  return ok;
}

/* Orders that got stock in @result become its ready list: complete when
 * nothing of theirs is still backordered. With @pending, the changes are not
 * written yet (a preview), so the stock they grant is counted as given. */
static gboolean
ready_orders (BoStore            *self,
              BoAllocationResult *result,
              gboolean            pending,
              GError            **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < result->changes->len; i++)
    {
      const BoAllocationChange *c = &g_array_index (result->changes, BoAllocationChange, i);
      BoReadyOrder r = { 0 };
      gint64 open = 0;

      if (c->after <= c->before || g_hash_table_contains (seen, &c->order_id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&c->order_id, sizeof c->order_id));
      if (!_bo_store_query_int (self,
                                "SELECT coalesce (sum (ordered - allocated - shipped - cancelled), 0) "
                                "FROM order_lines WHERE order_id = ? AND drop_ship = 0",
                                c->order_id, &open, error))
        return FALSE;
      for (guint j = 0; pending && j < result->changes->len; j++)
        {
          const BoAllocationChange *o = &g_array_index (result->changes, BoAllocationChange, j);

          if (o->order_id == c->order_id)
            open -= o->after - o->before;
        }
      r.order_id = c->order_id;
      r.number = g_strdup (c->order_number);
      r.customer_name = g_strdup (c->customer_name);
      r.complete = open == 0;
      g_array_append_val (result->ready, r);
    }
  return TRUE;
}

/* The ready list of changes already written. */
gboolean
_bo_store_collect_ready (BoStore            *self,
                         BoAllocationResult *result,
                         GError            **error)
{
  return ready_orders (self, result, FALSE, error);
}

/* ---- promise dates -------------------------------------------------------- */

static gboolean
load_arrivals (BoStore    *self,
               GHashTable *products,
               GArray     *arrivals,
               GError    **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, products);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      sqlite3_stmt *stmt = _bo_store_prepare (self,
                                              "SELECT pl.id, pl.ordered - pl.received, pl.eta "
                                              "FROM po_lines pl JOIN purchase_orders po "
                                              "  ON po.id = pl.po_id "
                                              "WHERE pl.product_id = ? AND pl.cancelled = 0 "
                                              "  AND pl.eta IS NOT NULL AND pl.received < pl.ordered "
                                              "  AND pl.order_line_id IS NULL "
                                              "  AND po.status NOT IN ('cancelled', 'received')",
                                              error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          BoArrival a;

          a.po_line_id = sqlite3_column_int64 (stmt, 0);
          a.product_id = *(gint64 *) key;
          a.quantity = sqlite3_column_int64 (stmt, 1);
          a.eta = _bo_column_date (stmt, 2);
          if (a.eta != 0)
            g_array_append_val (arrivals, a);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return _bo_store_set_error (self, rc, error);
    }
  return TRUE;
}

/* Pegs a loaded demand set to the incoming purchase orders: the one
 * computation behind every promise date and its preview. */
static BoPromise *
promise_demand_set (BoStore    *self,
                    DemandSet  *set,
                    GError    **error)
{
  g_autoptr(GArray) arrivals = g_array_new (FALSE, FALSE, sizeof (BoArrival));

  if (!load_arrivals (self, set->products, arrivals, error))
    return NULL;
  self->promise_computations++;
  return bo_promise_compute (bo_store_get_policy (self),
                             (const BoDemand *) set->demands->data, set->demands->len,
                             (const BoArrival *) arrivals->data, arrivals->len,
                             bo_store_get_handling_days (self));
}

static gboolean
write_promises (BoStore    *self,
                DemandSet  *set,
                GArray     *moved,
                GError    **error)
{
  g_autofree BoPromise *promises = NULL;

  if (set->demands->len == 0)
    return TRUE;
  if ((promises = promise_demand_set (self, set, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < set->demands->len; i++)
    {
      const BoPromise *p = &promises[i];
      guint32 before = g_array_index (set->promised, guint32, i);
      gint64 pegged = g_array_index (set->pegged, gint64, i);
      sqlite3_stmt *stmt;

      if (before == p->promised && pegged == p->po_line_id)
        continue;
      stmt = _bo_store_prepare (self,
                                "UPDATE order_lines SET promised_date = ?2, peg_po_line_id = ?3, "
                                "  first_promised_date = coalesce (first_promised_date, ?2) "
                                "WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->line_id);
      _bo_bind_date (stmt, 2, p->promised);
      if (p->po_line_id != 0)
        sqlite3_bind_int64 (stmt, 3, p->po_line_id);
      if (!_bo_store_step_done (self, stmt, error))
        return FALSE;

      if (moved != NULL && before != p->promised)
        {
          BoPromiseChange c = { 0 };

          c.line_id = p->line_id;
          c.order_id = p->order_id;
          c.before = before;
          c.after = p->promised;
          if (!describe_line (self, p->line_id, &c.order_number, &c.customer_name,
                              &c.customer_email, &c.sku, error))
            return FALSE;
          g_array_append_val (moved, c);
        }
    }
  return TRUE;
}

/**
 * _bo_store_refresh_promises_for:
 * @product_ids: products whose backorders or incoming supply changed
 * @moved: (nullable): collects #BoPromiseChange for lines whose date moved
 *
 * Pegs the backorders of @product_ids (and of the products their
 * ship-complete orders tie to them) to incoming purchase orders again.
 */
gboolean
_bo_store_refresh_promises_for (BoStore  *self,
                                GArray   *product_ids,
                                GArray   *moved,
                                GError  **error)
{
  DemandSet set;
  gboolean ok;

  demand_set_init (&set);
  ok = load_demand_set (self, &set, product_ids, FALSE, error) &&
       write_promises (self, &set, moved, error);
  demand_set_clear (&set);
  return ok;
}

/**
 * _bo_store_preview_allocation:
 * @demands: lines of an order being previewed, with ids above any in the
 *   database, as placing would give them
 * @out: (out caller-allocates) (array length=n_demands): what each line gets
 *
 * What placing @demands would do to them, read-only: the same demand set,
 * plan and pegging as _bo_store_allocate() and
 * _bo_store_refresh_promises_for() make for an order placed, with the new
 * lines held in memory instead of written.
 */
gboolean
_bo_store_preview_allocation (BoStore            *self,
                              const BoDemand     *demands,
                              guint               n_demands,
                              BoPlacementPreview *out,
                              GError            **error)
{
  g_autoptr(GArray) product_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) granted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         g_free);
  g_autoptr(BoPlan) plan = NULL;
  g_autofree BoPromise *promises = NULL;
  gboolean backordered = FALSE;
  DemandSet set;

  memset (out, 0, n_demands * sizeof *out);
  if (n_demands == 0)
    return TRUE;
  for (guint i = 0; i < n_demands; i++)
    g_array_append_val (product_ids, demands[i].product_id);

  /* Allocation, as placing runs it. */
  demand_set_init (&set);
  set.extra = demands;
  set.n_extra = n_demands;
  if (!load_demand_set (self, &set, product_ids, TRUE, error))
    {
      demand_set_clear (&set);
      return FALSE;
    }
  if (set.demands->len > 0)
    {
      plan = plan_demand_set (self, &set);
      for (gsize i = 0; i < bo_plan_get_n_grants (plan); i++)
        {
          const BoGrant *g = bo_plan_get_grant (plan, i);

          if (g->granted > 0)
            g_hash_table_insert (granted, g_memdup2 (&g->line_id, sizeof g->line_id),
                                 g_memdup2 (&g->granted, sizeof g->granted));
          for (guint j = 0; j < n_demands; j++)
            if (demands[j].line_id == g->line_id)
              {
                out[j].granted = g->granted;
                out[j].reason = bo_grant_describe (g, sku_of, &set);
              }
        }
      add_granted_products (plan, product_ids);
    }
  demand_set_clear (&set);

  /* Placing pegs backorders only when it leaves some. */
  for (guint j = 0; j < n_demands; j++)
    backordered |= out[j].granted < demands[j].open;
  if (!backordered)
    return TRUE;

  /* Pegging, over the demand as it stands once allocation is written. */
  demand_set_init (&set);
  set.extra = demands;
  set.n_extra = n_demands;
  set.granted = granted;
  if (!load_demand_set (self, &set, product_ids, FALSE, error) ||
      (set.demands->len > 0 && (promises = promise_demand_set (self, &set, error)) == NULL))
    {
      demand_set_clear (&set);
      return FALSE;
    }
  for (guint i = 0; i < set.demands->len; i++)
    for (guint j = 0; j < n_demands; j++)
      if (demands[j].line_id == promises[i].line_id)
        out[j].promised = promises[i].promised;
  demand_set_clear (&set);
  return TRUE;
}

static GArray *
products_with_backorders (BoStore  *self,
                          GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _bo_store_prepare (self, "SELECT id FROM products WHERE backordered > 0",
                                          error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * bo_store_refresh_promises:
 * @moved: (out) (optional): #BoPromiseChange for every line whose date moved
 *
 * Recomputes every promise date, for instance after the handling days changed.
 */
gboolean
bo_store_refresh_promises (BoStore  *self,
                           GArray  **moved,
                           GError  **error)
{
  g_autoptr(GArray) changes = promise_changes_new ();
  g_autoptr(GArray) ids = NULL;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (ids = products_with_backorders (self, error)) != NULL &&
       _bo_store_refresh_promises_for (self, ids, changes, error);
  if (!_bo_store_finish (self, ok, TRUE, error))
    return FALSE;
  if (moved != NULL)
    *moved = g_steal_pointer (&changes);
  return TRUE;
}

GArray *
_bo_promise_changes_new (void)
{
  return promise_changes_new ();
}

/* ---- re-plan -------------------------------------------------------------- */

struct _BoReplan
{
  BoPolicy            policy;
  BoAllocationResult *result;
  GArray             *products;     /* gint64, the product of each change */
  GArray             *reasons;      /* BoReason, the reason of each change, as stored */
  gint64              snapshot[2];  /* the state of the shop it was computed from */
  guint               computations;
};

/* Plans all unshipped stock again from scratch, reading only; the caller
 * holds a transaction, so that every read sees the same shop. */
static gboolean
compute_replan (BoStore   *self,
                BoReplan  *replan,
                GError   **error)
{
  static const char *demands_sql =
    "WITH packed AS (SELECT sl.line_id, sum (sl.quantity) AS qty FROM shipment_lines sl "
    "  JOIN shipments s ON s.id = sl.shipment_id WHERE s.shipped_at IS NULL GROUP BY sl.line_id) "
    "SELECT l.id, l.order_id, l.product_id, o.placed_at, "
    "  coalesce (o.priority, c.tier), coalesce (o.ship_complete, c.ship_complete), "
    "  l.ordered - l.shipped - l.cancelled - coalesce (pk.qty, 0), l.allocated, "
    "  coalesce (pk.qty, 0) "
    "FROM order_lines l JOIN orders o ON o.id = l.order_id "
    "  JOIN customers c ON c.id = o.customer_id LEFT JOIN packed pk ON pk.line_id = l.id "
    "WHERE (l.ordered > l.allocated + l.shipped + l.cancelled OR l.allocated > 0) "
    "  AND l.drop_ship = 0";
  static const char *supplies_sql =
    "WITH packed AS (SELECT l.product_id, sum (sl.quantity) AS qty FROM shipment_lines sl "
    "  JOIN shipments s ON s.id = sl.shipment_id JOIN order_lines l ON l.id = sl.line_id "
    "  WHERE s.shipped_at IS NULL GROUP BY l.product_id) "
    "SELECT p.id, p.on_hand - coalesce (pk.qty, 0), p.sku FROM products p "
    "  LEFT JOIN packed pk ON pk.product_id = p.id "
    "WHERE p.allocated > 0 OR p.backordered > 0";
  g_autoptr(BoAllocationResult) res = _bo_allocation_result_new ();
  g_autoptr(GArray) demands = g_array_new (FALSE, FALSE, sizeof (BoDemand));
  g_autoptr(GArray) current = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) packed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) supplies = g_array_new (FALSE, FALSE, sizeof (BoSupply));
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) reasons = g_array_new (FALSE, TRUE, sizeof (BoReason));
  g_autoptr(BoPlan) plan = NULL;
  DemandSet names;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_array_set_clear_func (reasons, (GDestroyNotify) bo_reason_clear);
  /* Before the first read: a commit after it only makes the plan look stale. */
  _bo_store_snapshot (self, replan->snapshot);
  demand_set_init (&names);

  ok = (stmt = _bo_store_prepare (self, supplies_sql, error)) != NULL;
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoSupply s = { sqlite3_column_int64 (stmt, 0), MAX (sqlite3_column_int64 (stmt, 1), 0) };

      g_array_append_val (supplies, s);
      g_hash_table_insert (names.skus, g_memdup2 (&s.product_id, sizeof s.product_id),
                           _bo_store_column_dup (stmt, 2));
    }
  if (ok)
    {
      sqlite3_reset (stmt);
      ok = rc == SQLITE_DONE || _bo_store_set_error (self, rc, error);
    }

  if (ok)
    ok = (stmt = _bo_store_prepare (self, demands_sql, error)) != NULL;
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoDemand d;
      gint64 allocated = sqlite3_column_int64 (stmt, 7);
      gint64 in_shipment = sqlite3_column_int64 (stmt, 8);

      d.line_id = sqlite3_column_int64 (stmt, 0);
      d.order_id = sqlite3_column_int64 (stmt, 1);
      d.product_id = sqlite3_column_int64 (stmt, 2);
      d.placed_at = sqlite3_column_int64 (stmt, 3);
      d.tier = sqlite3_column_int (stmt, 4);
      d.ship_complete = sqlite3_column_int (stmt, 5);
      d.open = sqlite3_column_int64 (stmt, 6);
      if (d.open <= 0)
        continue;
      g_array_append_val (demands, d);
      g_array_append_val (current, allocated);
      g_array_append_val (packed, in_shipment);
    }
  if (ok)
    {
      sqlite3_reset (stmt);
      ok = rc == SQLITE_DONE || _bo_store_set_error (self, rc, error);
    }

  if (ok)
    plan = bo_allocate (replan->policy, (const BoSupply *) supplies->data, supplies->len,
                        (const BoDemand *) demands->data, demands->len);

  for (guint i = 0; ok && i < demands->len; i++)
    {
      const BoGrant *g = bo_plan_get_grant (plan, i);
      gint64 before = g_array_index (current, gint64, i);
      gint64 after = g_array_index (packed, gint64, i) + g->granted;
      BoAllocationChange c = { 0 };
      BoReason reason = BO_REASON_INIT;

      if (before == after)
        continue;
      c.line_id = g->line_id;
      c.order_id = g->order_id;
      c.before = before;
      c.after = after;
      bo_reason_from_grant (&reason, g, sku_of, &names);
      c.reason = bo_reason_describe (&reason);
      g_array_append_val (reasons, reason);
      ok = describe_line (self, g->line_id, &c.order_number, &c.customer_name, NULL, &c.sku, error);
      g_array_append_val (res->changes, c);
      g_array_append_val (touched, g->product_id);
    }
  if (ok)
    ok = ready_orders (self, res, TRUE, error);
  demand_set_clear (&names);
  if (!ok)
    return FALSE;

  g_clear_pointer (&replan->result, bo_allocation_result_free);
  g_clear_pointer (&replan->products, g_array_unref);
  g_clear_pointer (&replan->reasons, g_array_unref);
  replan->result = g_steal_pointer (&res);
  replan->products = g_steal_pointer (&touched);
  replan->reasons = g_steal_pointer (&reasons);
  replan->computations++;
  return TRUE;
}

/**
 * bo_store_plan_replan:
 * @policy: the policy to plan with
 *
 * Works out what planning all unshipped stock again from scratch with
 * @policy would move, reading only. Units packed in a shipment that is not
 * shipped yet stay where they are. Keep the plan to apply exactly it with
 * bo_store_apply_replan().
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
BoReplan *
bo_store_plan_replan (BoStore   *self,
                      BoPolicy   policy,
                      GError   **error)
{
  g_autoptr(BoReplan) replan = g_new0 (BoReplan, 1);
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  replan->policy = policy;
  if (!_bo_store_begin_read (self, error))
    return NULL;
  ok = compute_replan (self, replan, error);
  if (!_bo_store_finish (self, ok, FALSE, error))
    return NULL;
  return g_steal_pointer (&replan);
}

/**
 * bo_store_apply_replan:
 * @plan: a plan from bo_store_plan_replan()
 * @result: (out) (optional): every line whose allocation moved; the plan
 *   hands its result over and has none afterwards
 *
 * Applies @plan and makes its policy the shop's policy, in one transaction.
 * When the shop changed since the plan was computed (another program, or
 * another operation of this one), the plan is computed again first, inside
 * the same transaction, so that what is applied always fits the shop.
 */
gboolean
bo_store_apply_replan (BoStore             *self,
                       BoReplan            *plan,
                       BoAllocationResult **result,
                       GError             **error)
{
  gint64 now[2];
  gboolean ok = TRUE;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (!_bo_store_begin (self, error))
    return FALSE;
  _bo_store_snapshot (self, now);
  if (plan->result == NULL || now[0] != plan->snapshot[0] || now[1] != plan->snapshot[1])
    ok = compute_replan (self, plan, error);

  /* Take before giving, so that no product is ever over-allocated, not even
   * between two statements. */
  for (int pass = 0; ok && pass < 2; pass++)
    for (guint i = 0; ok && i < plan->result->changes->len; i++)
      {
        const BoAllocationChange *c = &g_array_index (plan->result->changes, BoAllocationChange, i);
        gint64 delta = c->after - c->before;

        if ((pass == 0) != (delta < 0))
          continue;
        ok = write_allocation (self, c->line_id, g_array_index (plan->products, gint64, i), delta,
                               &g_array_index (plan->reasons, BoReason, i), FALSE, error);
      }

  /* The policy is saved without its own promise refresh: the one below
   * covers it. */
  if (ok)
    {
      g_autoptr(GArray) ids = products_with_backorders (self, error);

      ok = ids != NULL &&
           _bo_store_put_setting (self, "allocation-policy", bo_policy_to_string (plan->policy),
                                  error) &&
           _bo_store_refresh_promises_for (self, ids, NULL, error);
    }
  if (ok)
    {
      gint64 args[] = { plan->result->changes->len };

      ok = _bo_store_log_event_args (self, "replanned", bo_policy_to_string (plan->policy), args,
                                     G_N_ELEMENTS (args), NULL, error);
    }
  if (!_bo_store_finish (self, ok, TRUE, error))
    return FALSE;
  if (result != NULL)
    *result = g_steal_pointer (&plan->result);
  else
    g_clear_pointer (&plan->result, bo_allocation_result_free);
  return TRUE;
}

BoPolicy
bo_replan_get_policy (const BoReplan *plan)
{
  g_return_val_if_fail (plan != NULL, BO_POLICY_FIFO);
  return plan->policy;
}

/**
 * bo_replan_get_result:
 *
 * Returns: (transfer none) (nullable): what the plan moves, %NULL once applied
 */
const BoAllocationResult *
bo_replan_get_result (const BoReplan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->result;
}

/**
 * bo_replan_get_computations:
 *
 * Returns: how many times the plan was worked out: 1 for a preview, 2 when
 *   applying found the shop changed and computed it again
 */
guint
bo_replan_get_computations (const BoReplan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->computations;
}

void
bo_replan_free (BoReplan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->result, bo_allocation_result_free);
  g_clear_pointer (&plan->products, g_array_unref);
  g_clear_pointer (&plan->reasons, g_array_unref);
  g_free (plan);
}

/**
 * bo_store_replan:
 * @policy: the policy to plan with
 * @apply: %FALSE for a preview that writes nothing; %TRUE to apply the plan
 *   and make @policy the shop's policy
 * @result: (out) (optional): every line whose allocation moves
 *
 * Plans all unshipped stock again from scratch, and applies it when asked:
 * bo_store_plan_replan(), then bo_store_apply_replan() of that same plan.
 */
gboolean
bo_store_replan (BoStore             *self,
                 BoPolicy             policy,
                 gboolean             apply,
                 BoAllocationResult **result,
                 GError             **error)
{
  g_autoptr(BoReplan) plan = NULL;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if ((plan = bo_store_plan_replan (self, policy, error)) == NULL)
    return FALSE;
  if (apply)
    return bo_store_apply_replan (self, plan, result, error);
  if (result != NULL)
    *result = g_steal_pointer (&plan->result);
  return TRUE;
}
