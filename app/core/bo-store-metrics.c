/* bo-store-metrics.c — the counts behind the numbers, straight from SQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store sums; bo-metrics turns sums into rates and periods.
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bo-store-private.h"
#include "backorders/bo-money.h"

/**
 * bo_store_day_counts:
 * @from_day: first day (Julian), inclusive
 * @to_day: last day (Julian), inclusive
 *
 * Returns: (transfer full) (element-type BoDayCounts): placement counts per
 *   day that had orders, oldest first; %NULL on error
 */
GArray *
bo_store_day_counts (BoStore  *self,
                     guint32   from_day,
                     guint32   to_day,
                     GError  **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (BoDayCounts));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  stmt = _bo_store_prepare (self,
                            "SELECT day, orders, bo_orders, lines, bo_lines, units, bo_units "
                            "FROM placement_days WHERE day BETWEEN ?1 AND ?2 ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  _bo_bind_date (stmt, 1, from_day);
  _bo_bind_date (stmt, 2, to_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoDayCounts d;

      d.day = _bo_column_date (stmt, 0);
      d.orders = sqlite3_column_int64 (stmt, 1);
      d.bo_orders = sqlite3_column_int64 (stmt, 2);
      d.lines = sqlite3_column_int64 (stmt, 3);
      d.bo_lines = sqlite3_column_int64 (stmt, 4);
      d.units = sqlite3_column_int64 (stmt, 5);
      d.bo_units = sqlite3_column_int64 (stmt, 6);
      g_array_append_val (days, d);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&days);
}

/**
 * bo_store_fill_rate:
 * @full_lines: (out): lines placed in the range fully allocated at placement
 * @lines: (out): lines placed in the range
 */
gboolean
bo_store_fill_rate (BoStore  *self,
                    guint32   from_day,
                    guint32   to_day,
                    gint64   *full_lines,
                    gint64   *lines,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  stmt = _bo_store_prepare (self,
                            "SELECT coalesce (sum (lines - bo_lines), 0), coalesce (sum (lines), 0) "
                            "FROM placement_days WHERE day BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return FALSE;
  _bo_bind_date (stmt, 1, from_day);
  _bo_bind_date (stmt, 2, to_day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *full_lines = sqlite3_column_int64 (stmt, 0);
      *lines = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _bo_store_set_error (self, rc, error);
      bo_money_name_overflow (error, _("The backlog value"));
      return FALSE;
    }
  return TRUE;
}

/**
 * bo_store_backlog:
 * @lines: (out) (optional): lines with open backordered units
 * @units: (out) (optional): open backordered units
 * @value: (out) (optional): their value at line price
 */
gboolean
bo_store_backlog (BoStore  *self,
                  gint64   *lines,
                  gint64   *units,
                  gint64   *value,
                  GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  stmt = _bo_store_prepare (self,
                            "SELECT count (*), "
                            "  coalesce (sum (ordered - allocated - shipped - cancelled), 0), "
                            "  coalesce (sum ((ordered - allocated - shipped - cancelled) "
                            "                 * unit_price), 0) "
                            "FROM order_lines WHERE ordered > allocated + shipped + cancelled "
                            "  AND drop_ship = 0",
                            error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (lines != NULL)
        *lines = sqlite3_column_int64 (stmt, 0);
      if (units != NULL)
        *units = sqlite3_column_int64 (stmt, 1);
      if (value != NULL)
        *value = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _bo_store_set_error (self, rc, error);
      bo_money_name_overflow (error, _("The backlog value"));
      return FALSE;
    }
  return TRUE;
}

/**
 * bo_store_backlog_history:
 *
 * The backlog at the end of each period of the range (at @to_day for the
 * last one), rebuilt from the history of backordered quantities.
 *
 * Returns: (transfer full) (element-type BoBacklogPoint): oldest first
 */
GArray *
bo_store_backlog_history (BoStore   *self,
                          BoPeriod   period,
                          guint32    from_day,
                          guint32    to_day,
                          GError   **error)
{
  g_autoptr(GArray) points = NULL;
  g_autoptr(GArray) series = NULL;
  sqlite3_stmt *stmt;
  gint64 units = 0, value = 0;
  guint slot = 0;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);
  g_return_val_if_fail (from_day > 0 && from_day <= to_day, NULL);

  /* The period skeleton comes from the rate series with no counts. */
  series = bo_metrics_rate_series (NULL, 0, period, from_day, to_day);
  points = g_array_sized_new (FALSE, TRUE, sizeof (BoBacklogPoint), series->len);
  for (guint i = 0; i < series->len; i++)
    {
      const BoRatePoint *r = &g_array_index (series, BoRatePoint, i);
      BoBacklogPoint p = { r->year, r->index, r->first_day, 0, 0 };
      g_array_append_val (points, p);
    }

  stmt = _bo_store_prepare (self,
                            "SELECT day, sum (units), sum (value) FROM backlog_movements "
                            "WHERE day <= ?1 GROUP BY day ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  _bo_bind_date (stmt, 1, to_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint32 day = _bo_column_date (stmt, 0);

      /* Close the periods that end before this day. */
      while (slot + 1 < points->len &&
             g_array_index (points, BoBacklogPoint, slot + 1).first_day <= day)
        {
          g_array_index (points, BoBacklogPoint, slot).units = units;
          g_array_index (points, BoBacklogPoint, slot).value = value;
          slot++;
        }
      if (!bo_money_add_checked (&units, sqlite3_column_int64 (stmt, 1),
                                 _("The backlog in units"), error) ||
          !bo_money_add_checked (&value, sqlite3_column_int64 (stmt, 2),
                                 _("The backlog value"), error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      bo_money_name_overflow (error, _("The backlog value"));
      return NULL;
    }
  for (; slot < points->len; slot++)
    {
      g_array_index (points, BoBacklogPoint, slot).units = units;
      g_array_index (points, BoBacklogPoint, slot).value = value;
    }
  return g_steal_pointer (&points);
}

/**
 * bo_store_aging:
 * @lines: (out) (array fixed-size=4): lines with open backorders per age bucket
 * @units: (out) (array fixed-size=4): their open backordered units
 */
gboolean
bo_store_aging (BoStore  *self,
                gint64    lines[BO_AGE_N_BUCKETS],
                gint64    units[BO_AGE_N_BUCKETS],
                GError  **error)
{
  guint32 today = bo_store_get_today (self);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  for (guint i = 0; i < BO_AGE_N_BUCKETS; i++)
    lines[i] = units[i] = 0;
  stmt = _bo_store_prepare (self,
                            "SELECT o.placed_date, count (*), "
                            "  sum (l.ordered - l.allocated - l.shipped - l.cancelled) "
                            "FROM order_lines l JOIN orders o ON o.id = l.order_id "
                            "WHERE l.ordered > l.allocated + l.shipped + l.cancelled "
                            "  AND l.drop_ship = 0 "
                            "GROUP BY o.placed_date", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint32 day = _bo_column_date (stmt, 0);
      BoAgeBucket bucket = bo_metrics_age_bucket ((gint64) today - day);

      lines[bucket] += sqlite3_column_int64 (stmt, 1);
      units[bucket] += sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _bo_store_set_error (self, rc, error);
  return TRUE;
}

static void
supplier_counts_clear (gpointer data)
{
  g_free (((BoSupplierCounts *) data)->name);
}

/**
 * bo_store_supplier_counts:
 *
 * Returns: (transfer full) (element-type BoSupplierCounts): one entry per
 *   supplier, by name
 */
GArray *
bo_store_supplier_counts (BoStore  *self,
                          GError  **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (BoSupplierCounts));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  g_array_set_clear_func (counts, supplier_counts_clear);
  stmt = _bo_store_prepare (self,
                            "SELECT s.id, s.name, coalesce (t.received, 0), coalesce (t.on_time, 0), "
                            "  coalesce (t.days_late, 0), coalesce (t.late, 0) "
                            "FROM suppliers s LEFT JOIN "
                            "  (SELECT po.supplier_id, count (*) AS received, "
                            "     sum (pl.days_late = 0) AS on_time, sum (pl.days_late) AS days_late, "
                            "     sum (pl.days_late > 0) AS late "
                            "   FROM po_lines pl JOIN purchase_orders po ON po.id = pl.po_id "
                            "   WHERE pl.days_late IS NOT NULL GROUP BY po.supplier_id) t "
                            "  ON t.supplier_id = s.id "
                            "ORDER BY s.name COLLATE NOCASE, s.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoSupplierCounts c;

      c.supplier_id = sqlite3_column_int64 (stmt, 0);
      c.name = _bo_store_column_dup (stmt, 1);
      c.received_lines = sqlite3_column_int64 (stmt, 2);
      c.on_time_lines = sqlite3_column_int64 (stmt, 3);
      c.days_late = sqlite3_column_int64 (stmt, 4);
      c.late_lines = sqlite3_column_int64 (stmt, 5);
      g_array_append_val (counts, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

/**
 * bo_store_customer_on_time:
 * @on_time: (out): backordered lines shipped in full on or before their first
 *   promised date
 * @shipped: (out): backordered lines shipped in full
 */
gboolean
bo_store_customer_on_time (BoStore  *self,
                           gint64   *on_time,
                           gint64   *shipped,
                           GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  stmt = _bo_store_prepare (self,
                            "SELECT coalesce (sum (first_promised_date IS NOT NULL "
                            "                      AND completed_date <= first_promised_date), 0), "
                            "  count (*) "
                            "FROM order_lines INDEXED BY order_lines_was_backordered "
                            "WHERE backordered_at_placement > 0 AND shipped > 0 "
                            "  AND completed_date IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *on_time = sqlite3_column_int64 (stmt, 0);
      *shipped = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _bo_store_set_error (self, rc, error);
      bo_money_name_overflow (error, _("The backlog value"));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
bo_store_list_events (BoStore  *self,
                      guint     limit,
                      GError  **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_event_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  stmt = _bo_store_prepare (self, "SELECT id, at, kind, subject, detail, args FROM events "
                            "ORDER BY id DESC LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoEvent *e = g_new0 (BoEvent, 1);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = sqlite3_column_int64 (stmt, 1);
      e->kind = _bo_store_column_dup (stmt, 2);
      e->subject = _bo_store_column_dup (stmt, 3);
      /* In the reader's language: the detail is made now. */
      e->detail = bo_event_describe (e->kind, (const char *) sqlite3_column_text (stmt, 5),
                                     (const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (events, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&events);
}
