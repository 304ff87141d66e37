/* bo-store-export.c — what the exports read that no list gives
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bo-store-private.h"
#include "backorders/bo-money.h"

void
bo_customer_backorders_free (BoCustomerBackorders *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->email);
  g_free (row);
}

/**
 * bo_store_list_customer_backorders:
 *
 * Every customer with their open backorders: lines, units, value, how many
 * lines wait for a purchase order or are overdue, how many have stock
 * waiting to ship, and the earliest and latest promise dates. Customers
 * without any open line are listed too, with zeros.
 *
 * Returns: (transfer full) (element-type BoCustomerBackorders): the rows, by
 *   name
 */
GPtrArray *
bo_store_list_customer_backorders (BoStore  *self,
                                   GError  **error)
{
  static const char *sql =
    "WITH open_lines AS ("
    "  SELECT o.customer_id, l.order_id, "
    "    l.ordered - l.allocated - l.shipped - l.cancelled AS open, "
    "    l.unit_price, l.promised_date, l.allocated "
    "  FROM order_lines l JOIN orders o ON o.id = l.order_id "
    "  WHERE l.ordered > l.allocated + l.shipped + l.cancelled OR l.allocated > 0) "
    "SELECT c.id, c.name, c.email, "
    "  count (DISTINCT CASE WHEN b.open > 0 THEN b.order_id END), "
    "  coalesce (sum (b.open > 0), 0), coalesce (sum (b.open), 0), "
    "  coalesce (sum (b.open * b.unit_price), 0), "
    "  coalesce (sum (b.open > 0 AND b.promised_date IS NULL), 0), "
    "  coalesce (sum (b.open > 0 AND b.promised_date < ?1), 0), "
    "  coalesce (sum (b.allocated > 0), 0), "
    "  min (CASE WHEN b.open > 0 THEN b.promised_date END), "
    "  max (CASE WHEN b.open > 0 THEN b.promised_date END) "
    "FROM customers c LEFT JOIN open_lines b ON b.customer_id = c.id "
    "GROUP BY c.id ORDER BY c.name COLLATE NOCASE, c.id";
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  if ((stmt = _bo_store_prepare (self, sql, error)) == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_customer_backorders_free);
  _bo_bind_date (stmt, 1, bo_store_get_today (self));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoCustomerBackorders *row = g_new0 (BoCustomerBackorders, 1);

      row->customer_id = sqlite3_column_int64 (stmt, 0);
      row->name = _bo_store_column_dup (stmt, 1);
      row->email = _bo_store_column_dup (stmt, 2);
      row->orders = sqlite3_column_int64 (stmt, 3);
      row->lines = sqlite3_column_int64 (stmt, 4);
      row->units = sqlite3_column_int64 (stmt, 5);
      row->value = sqlite3_column_int64 (stmt, 6);
      row->unpromised_lines = sqlite3_column_int64 (stmt, 7);
      row->overdue_lines = sqlite3_column_int64 (stmt, 8);
      row->ready_lines = sqlite3_column_int64 (stmt, 9);
      row->first_promised = _bo_column_date (stmt, 10);
      row->last_promised = _bo_column_date (stmt, 11);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      bo_money_name_overflow (error, _("The value of a customer’s backorders"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}
