/* bo-store-charts.c — the counts behind the dashboard's charts that the metrics lack
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include "bo-store-private.h"

static void
product_backlog_clear (gpointer data)
{
  BoProductBacklog *row = data;

  g_free (row->sku);
  g_free (row->name);
}

/**
 * bo_store_top_backordered_products:
 * @limit: how many products at most
 *
 * The products with the most open backordered units (ordered − allocated −
 * shipped − cancelled, summed over their open lines), with the value of
 * those units at line price. Ties go to the larger value, then the SKU.
 *
 * Returns: (transfer full) (element-type BoProductBacklog): most backordered
 *   first; %NULL on error
 */
GArray *
bo_store_top_backordered_products (BoStore  *self,
                                   guint     limit,
                                   GError  **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (BoProductBacklog));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  g_array_set_clear_func (rows, product_backlog_clear);
  /* The WHERE clause is the one of the order_lines_open partial index, so
   * only open lines are read. */
  stmt = _bo_store_prepare (self,
                            "SELECT p.id, p.sku, p.name, t.lines, t.units, t.value "
                            "FROM (SELECT product_id, count (*) AS lines, "
                            "        sum (ordered - allocated - shipped - cancelled) AS units, "
                            "        sum ((ordered - allocated - shipped - cancelled) "
                            "             * unit_price) AS value "
                            "      FROM order_lines "
                            "      WHERE ordered > allocated + shipped + cancelled "
                            "      GROUP BY product_id) t "
                            "JOIN products p ON p.id = t.product_id "
                            "ORDER BY t.units DESC, t.value DESC, p.sku "
                            "LIMIT ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoProductBacklog row;

      row.product_id = sqlite3_column_int64 (stmt, 0);
      row.sku = _bo_store_column_dup (stmt, 1);
      row.name = _bo_store_column_dup (stmt, 2);
      row.lines = sqlite3_column_int64 (stmt, 3);
      row.units = sqlite3_column_int64 (stmt, 4);
      row.value = sqlite3_column_int64 (stmt, 5);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}
