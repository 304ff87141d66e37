/* bo-store-planning.c — reorder suggestions from the order history
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history is read here; the arithmetic is bo-forecast's. Demand is the
 * units customers ordered (cancelled ones too: a customer who tired of
 * waiting still wanted it), by the local day the order was placed. The
 * window is the given number of days that end yesterday: today is not over.
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "bo-store-private.h"
#include "backorders/bo-money.h"

#define BO_MAX_WINDOW   3660
#define BO_MAX_COVER    3660

void
bo_reorder_suggestion_free (BoReorderSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->sku);
  g_free (suggestion->name);
  g_free (suggestion->supplier_name);
  g_clear_pointer (&suggestion->forecast, bo_forecast_free);
  g_free (suggestion);
}

/**
 * bo_store_daily_demand:
 * @product_id: the product
 * @from_day: first day (Julian), inclusive
 * @to_day: last day (Julian), inclusive
 *
 * Returns: (transfer full) (element-type gint64): units ordered of the
 *   product on each day of the range, by the day its orders were placed;
 *   %NULL on error
 */
GArray *
bo_store_daily_demand (BoStore  *self,
                       gint64    product_id,
                       guint32   from_day,
                       guint32   to_day,
                       GError  **error)
{
  g_autoptr(GArray) days = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  if (from_day == 0 || to_day < from_day || to_day - from_day >= BO_MAX_WINDOW * 10)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("Invalid range of days"));
      return NULL;
    }
  days = g_array_sized_new (FALSE, TRUE, sizeof (gint64), to_day - from_day + 1);
  g_array_set_size (days, to_day - from_day + 1);

  stmt = _bo_store_prepare (self,
                            "SELECT o.placed_date, sum (l.ordered) FROM orders o "
                            "JOIN order_lines l ON l.order_id = o.id "
                            "WHERE l.product_id = ?1 AND o.placed_date BETWEEN ?2 AND ?3 "
                            "GROUP BY o.placed_date", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);
  _bo_bind_date (stmt, 2, from_day);
  _bo_bind_date (stmt, 3, to_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint32 day = _bo_column_date (stmt, 0);

      if (day >= from_day && day <= to_day)
        g_array_index (days, gint64, day - from_day) = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&days);
}

/* ---- the whole catalogue at once -------------------------------------------------- */

/* Units per product and day in a range, for every product at once. */
typedef struct
{
  guint32     from_day;
  guint       n_days;
  GHashTable *series;     /* product id → gint64[n_days] */
  GHashTable *last_year;  /* product id → units in the same month last year */
  guint       last_year_days;
} History;

static void
history_clear (History *h)
{
  g_clear_pointer (&h->series, g_hash_table_unref);
  g_clear_pointer (&h->last_year, g_hash_table_unref);
}

static gboolean
load_history (BoStore  *self,
              History  *h,
              gint64    product_id,
              guint     window_days,
              GError  **error)
{
  /* ?4: one product, or 0 for all */
  static const char *window_sql =
    "SELECT l.product_id, o.placed_date, sum (l.ordered) FROM orders o "
    "JOIN order_lines l ON l.order_id = o.id "
    "WHERE o.placed_date BETWEEN ?1 AND ?2 AND (?3 = 0 OR l.product_id = ?3) "
    "GROUP BY l.product_id, o.placed_date";
  static const char *month_sql =
    "SELECT l.product_id, sum (l.ordered) FROM orders o "
    "JOIN order_lines l ON l.order_id = o.id "
    "WHERE o.placed_date BETWEEN ?1 AND ?2 AND (?3 = 0 OR l.product_id = ?3) "
    "GROUP BY l.product_id";
  guint32 today = bo_store_get_today (self);
  GDate first, last;
  sqlite3_stmt *stmt;
  int rc;

  h->from_day = today - window_days;
  h->n_days = window_days;
  h->series = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  h->last_year = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if ((stmt = _bo_store_prepare (self, window_sql, error)) == NULL)
    return FALSE;
  _bo_bind_date (stmt, 1, h->from_day);
  _bo_bind_date (stmt, 2, today - 1);
  sqlite3_bind_int64 (stmt, 3, product_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint32 day = _bo_column_date (stmt, 1);
      gint64 *series = g_hash_table_lookup (h->series, &id);

      if (day < h->from_day || day >= today)
        continue;
      if (series == NULL)
        {
          series = g_new0 (gint64, h->n_days);
          g_hash_table_insert (h->series, g_memdup2 (&id, sizeof id), series);
        }
      series[day - h->from_day] = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _bo_store_set_error (self, rc, error);

  /* This calendar month, a year ago. */
  g_date_clear (&first, 1);
  g_date_set_julian (&first, today);
  g_date_set_day (&first, 1);
  g_date_subtract_years (&first, 1);
  last = first;
  g_date_add_months (&last, 1);
  g_date_subtract_days (&last, 1);
  h->last_year_days = g_date_get_day (&last);

  if ((stmt = _bo_store_prepare (self, month_sql, error)) == NULL)
    return FALSE;
  _bo_bind_date (stmt, 1, g_date_get_julian (&first));
  _bo_bind_date (stmt, 2, g_date_get_julian (&last));
  sqlite3_bind_int64 (stmt, 3, product_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 units = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (h->last_year, g_memdup2 (&id, sizeof id),
                           g_memdup2 (&units, sizeof units));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _bo_store_set_error (self, rc, error);
  return TRUE;
}

/* Products with their stock position and the supplier an order would go to:
 * the preferred link, else the cheapest or the fastest by the shop's
 * setting, ties by name (as "Order shortages" chooses). ?1: one product, or
 * 0 for every stocked one. */
#define SUGGEST_SQL(order) \
  "WITH chosen AS (" \
  "  SELECT ps.product_id, ps.supplier_id, s.name, coalesce (ps.lead_days, s.lead_days) AS lead, " \
  "    ps.min_order_qty, row_number () OVER (PARTITION BY ps.product_id ORDER BY " order ") AS rank " \
  "  FROM product_suppliers ps JOIN suppliers s ON s.id = ps.supplier_id " \
  "    JOIN products p ON p.id = ps.product_id WHERE ?1 = 0 OR ps.product_id = ?1), " \
  /* What BO_STORE_OPEN_PO_UNITS_SQL counts, summed once for all products. */ \
  "on_order AS (" \
  "  SELECT pl.product_id, sum (pl.ordered - pl.received) AS units FROM po_lines pl " \
  "    JOIN purchase_orders po ON po.id = pl.po_id " \
  "  WHERE pl.cancelled = 0 AND pl.order_line_id IS NULL " \
  "    AND po.status IN ('draft', 'sent', 'partial') AND (?1 = 0 OR pl.product_id = ?1) " \
  "  GROUP BY pl.product_id) " \
  "SELECT p.id, p.sku, p.name, p.on_hand, p.allocated, p.backordered, " \
  "  coalesce (oo.units, 0), p.reorder_point, p.reorder_qty, " \
  "  c.supplier_id, c.name, c.lead, c.min_order_qty " \
  "FROM products p LEFT JOIN chosen c ON c.product_id = p.id AND c.rank = 1 " \
  "  LEFT JOIN on_order oo ON oo.product_id = p.id " \
  "WHERE (?1 = 0 AND p.discontinued = 0 AND p.drop_ship = 0) OR p.id = ?1 " \
  "ORDER BY p.sku"

static const char *suggest_cheapest_sql =
  SUGGEST_SQL ("ps.preferred DESC, coalesce (ps.cost, p.cost), "
               "coalesce (ps.lead_days, s.lead_days), s.name");
static const char *suggest_fastest_sql =
  SUGGEST_SQL ("ps.preferred DESC, coalesce (ps.lead_days, s.lead_days), "
               "coalesce (ps.cost, p.cost), s.name");

static gboolean
check_options (guint    window_days,
               double   service_level,
               guint    cover_days,
               GError **error)
{
  if (window_days < 1 || window_days > BO_MAX_WINDOW)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The window must be from 1 to %d days, not %u"), BO_MAX_WINDOW, window_days);
      return FALSE;
    }
  if (cover_days > BO_MAX_COVER)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The days of cover must be from 0 to %d, not %u"), BO_MAX_COVER, cover_days);
      return FALSE;
    }
  return bo_forecast_check_service_level (service_level, error);
}

static GPtrArray *
suggest (BoStore  *self,
         gint64    product_id,
         guint     window_days,
         double    service_level,
         guint     cover_days,
         gboolean  needs_reorder_only,
         GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_reorder_suggestion_free);
  g_autofree char *choice_setting = bo_store_get_setting (self, "supplier-choice");
  g_autofree gint64 *zeros = NULL;
  BoSupplierChoice choice = BO_SUPPLIER_CHEAPEST;
  History history = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  if (!check_options (window_days, service_level, cover_days, error))
    return NULL;
  zeros = g_new0 (gint64, window_days);
  if (!load_history (self, &history, product_id, window_days, error))
    {
      history_clear (&history);
      return NULL;
    }

  bo_supplier_choice_from_string (choice_setting, &choice);
  stmt = _bo_store_prepare (self, choice == BO_SUPPLIER_FASTEST ? suggest_fastest_sql
                                                                : suggest_cheapest_sql, error);
  if (stmt == NULL)
    {
      history_clear (&history);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, product_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(BoReorderSuggestion) s = g_new0 (BoReorderSuggestion, 1);
      BoForecastInput input = { 0 };
      const gint64 *series;
      const gint64 *last_year;

      s->product_id = sqlite3_column_int64 (stmt, 0);
      s->sku = _bo_store_column_dup (stmt, 1);
      s->name = _bo_store_column_dup (stmt, 2);
      s->on_hand = sqlite3_column_int64 (stmt, 3);
      s->allocated = sqlite3_column_int64 (stmt, 4);
      s->backordered = sqlite3_column_int64 (stmt, 5);
      s->incoming = sqlite3_column_int64 (stmt, 6);
      s->reorder_point = sqlite3_column_int64 (stmt, 7);
      s->reorder_qty = sqlite3_column_int64 (stmt, 8);
      s->supplier_id = sqlite3_column_int64 (stmt, 9);
      s->supplier_name = _bo_store_column_dup (stmt, 10);
      s->lead_days = s->supplier_id != 0 ? sqlite3_column_int (stmt, 11) : -1;
      s->min_order_qty = s->supplier_id != 0 ? MAX (sqlite3_column_int64 (stmt, 12), 1) : 1;
      s->promised = s->allocated + s->backordered;
      s->position = s->on_hand - s->allocated + s->incoming - s->backordered;

      series = g_hash_table_lookup (history.series, &s->product_id);
      last_year = g_hash_table_lookup (history.last_year, &s->product_id);
      input.daily = series != NULL ? series : zeros;
      input.n_days = window_days;
      input.last_year_units = last_year != NULL ? *last_year : 0;
      input.last_year_days = history.last_year_days;
      input.service_level = service_level;
      input.lead_days = s->lead_days;
      input.cover_days = cover_days;
      input.min_order_qty = s->min_order_qty;
      input.position = s->position;
      s->forecast = bo_forecast_compute (&input);

      /* The same rule as bo_store_list_low_stock(); a product without a
       * reorder point is measured against the suggested one. */
      if (s->reorder_point > 0)
        s->needs_reorder = s->position <= s->reorder_point;
      else
        s->needs_reorder = s->forecast->has_suggestion &&
                           s->position <= s->forecast->reorder_point;
      if (needs_reorder_only && !s->needs_reorder)
        continue;
      g_ptr_array_add (rows, g_steal_pointer (&s));
    }
  sqlite3_reset (stmt);
  history_clear (&history);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * bo_store_suggest_reorders:
 * @window_days: days of history, ending yesterday (default
 *   %BO_FORECAST_DEFAULT_WINDOW)
 * @service_level: as a fraction (default %BO_FORECAST_DEFAULT_SERVICE_LEVEL)
 * @cover_days: days of demand an order covers (default
 *   %BO_FORECAST_DEFAULT_COVER)
 * @needs_reorder_only: only the products that need ordering: the "Needs
 *   reorder" list
 *
 * A suggestion for every stocked product (not discontinued, not drop-ship),
 * by SKU.
 *
 * Returns: (transfer full) (element-type BoReorderSuggestion): %NULL on error
 */
GPtrArray *
bo_store_suggest_reorders (BoStore  *self,
                           guint     window_days,
                           double    service_level,
                           guint     cover_days,
                           gboolean  needs_reorder_only,
                           GError  **error)
{
  g_return_val_if_fail (BO_IS_STORE (self), NULL);
  return suggest (self, 0, window_days, service_level, cover_days, needs_reorder_only, error);
}

/**
 * bo_store_suggest_reorder:
 *
 * The suggestion for one product (see bo_store_suggest_reorders()).
 *
 * Returns: (transfer full): %NULL with %BO_ERROR_NOT_FOUND when there is no
 *   such product
 */
BoReorderSuggestion *
bo_store_suggest_reorder (BoStore  *self,
                          gint64    product_id,
                          guint     window_days,
                          double    service_level,
                          guint     cover_days,
                          GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);
  g_return_val_if_fail (product_id > 0, NULL);

  rows = suggest (self, product_id, window_days, service_level, cover_days, FALSE, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                   _("There is no product with id %" PRId64), product_id);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/* ---- acting on a suggestion --------------------------------------------------------- */

/**
 * bo_store_set_reorder_levels:
 * @reorder_point: order when the projected stock falls to this
 * @reorder_qty: at least this much per order
 *
 * Sets a product's reorder point and quantity, for instance to a suggestion.
 */
gboolean
bo_store_set_reorder_levels (BoStore  *self,
                             gint64    product_id,
                             gint64    reorder_point,
                             gint64    reorder_qty,
                             GError  **error)
{
  g_autoptr(BoProduct) product = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (reorder_point < 0 || reorder_point > BO_QUANTITY_MAX || reorder_qty < 0 ||
      reorder_qty > BO_QUANTITY_MAX)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The reorder point and quantity must be whole numbers from 0 to %"
                     PRId64), BO_QUANTITY_MAX);
      return FALSE;
    }
  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (product = bo_store_get_product (self, product_id, error)) != NULL &&
       (stmt = _bo_store_prepare (self, "UPDATE products SET reorder_point = ?2, reorder_qty = ?3 "
                                  "WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, product_id);
      sqlite3_bind_int64 (stmt, 2, reorder_point);
      sqlite3_bind_int64 (stmt, 3, reorder_qty);
      ok = _bo_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      gint64 args[] = { reorder_point, product->reorder_point, reorder_qty, product->reorder_qty };

      ok = _bo_store_log_event_args (self, "reorder-levels", product->sku, args,
                                     G_N_ELEMENTS (args), NULL, error);
    }
  return _bo_store_finish (self, ok, TRUE, error);
}

/**
 * bo_store_order_for_reorder:
 * @supplier_id: the supplier to order from
 * @quantity: units to order
 * @po_id: (out) (optional): the draft purchase order written to
 *
 * Adds @quantity of a product to the supplier's open draft purchase order
 * (the product's line on it, or a new line at the supplier's cost), or to a
 * new draft.
 */
gboolean
bo_store_order_for_reorder (BoStore  *self,
                            gint64    product_id,
                            gint64    supplier_id,
                            gint64    quantity,
                            gint64   *po_id,
                            GError  **error)
{
  g_autoptr(BoProduct) product = NULL;
  g_autoptr(BoSupplier) supplier = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (product = bo_store_get_product (self, product_id, error)) != NULL &&
       (supplier = bo_store_get_supplier (self, supplier_id, error)) != NULL;
  if (ok && product->drop_ship)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                   _("%s is shipped by its supplier: it is ordered with each customer’s order, "
                     "not for stock"), product->sku);
      ok = FALSE;
    }
  ok = ok && _bo_store_add_to_draft (self, supplier_id, product_id, quantity, &id, error);
  if (ok)
    {
      g_autoptr(BoPurchaseOrder) po = bo_store_get_po (self, id, error);

      ok = po != NULL;
      if (ok)
        {
          gint64 args[] = { quantity };
          const char *texts[] = { product->sku, po->number, NULL };

          ok = _bo_store_log_event_args (self, "reorder-ordered", supplier->name, args,
                                         G_N_ELEMENTS (args), texts, error);
        }
    }
  if (!_bo_store_finish (self, ok, TRUE, error))
    return FALSE;
  if (po_id != NULL)
    *po_id = id;
  return TRUE;
}
