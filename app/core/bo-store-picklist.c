/* bo-store-picklist.c — reading what a pick list picks: shipments and their lines
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "bo-store-private.h"

/* ---- shipments ------------------------------------------------------------- */

static void
shipment_line_clear (gpointer data)
{
  BoShipmentLine *line = data;

  g_free (line->sku);
  g_free (line->product_name);
  g_free (line->location);
}

/**
 * bo_store_get_shipment:
 * @shipment_id: the shipment
 *
 * Returns: (transfer full): the shipment and its lines, or %NULL with
 *   %BO_ERROR_NOT_FOUND when there is no such shipment
 */
BoShipment *
bo_store_get_shipment (BoStore  *self,
                       gint64    shipment_id,
                       GError  **error)
{
  g_autoptr(BoShipment) shipment = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  stmt = _bo_store_prepare (self, "SELECT order_id, created_at, shipped_at FROM shipments "
                            "WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, shipment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      shipment = g_new0 (BoShipment, 1);
      shipment->id = shipment_id;
      shipment->order_id = sqlite3_column_int64 (stmt, 0);
      shipment->created_at = sqlite3_column_int64 (stmt, 1);
      shipment->shipped_at = sqlite3_column_int64 (stmt, 2);
      shipment->lines = g_array_new (FALSE, TRUE, sizeof (BoShipmentLine));
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                   _("There is no shipment %" PRId64), shipment_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }

  stmt = _bo_store_prepare (self,
                            "SELECT sl.line_id, l.product_id, p.sku, p.name, p.location, "
                            "  sl.quantity "
                            "FROM shipment_lines sl JOIN order_lines l ON l.id = sl.line_id "
                            "  JOIN products p ON p.id = l.product_id "
                            "WHERE sl.shipment_id = ? ORDER BY p.location, p.sku, sl.line_id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, shipment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoShipmentLine line;

      line.line_id = sqlite3_column_int64 (stmt, 0);
      line.product_id = sqlite3_column_int64 (stmt, 1);
      line.sku = _bo_store_column_dup (stmt, 2);
      line.product_name = _bo_store_column_dup (stmt, 3);
      line.location = _bo_store_column_dup (stmt, 4);
      line.quantity = sqlite3_column_int64 (stmt, 5);
      g_array_append_val (shipment->lines, line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_array_set_clear_func (shipment->lines, shipment_line_clear);
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&shipment);
}

/* ---- pick lines -------------------------------------------------------------- */

/* Every source selects the same columns from an order line l of order o and
 * product p, with the units to pick as "pick"; the outer query keeps the
 * lines worth printing. Standard SQL throughout. */
#define PICK_COLUMNS \
  "o.id AS order_id, o.number, o.placed_at, l.id AS line_id, p.id AS product_id, p.sku, " \
  "p.name, p.location, l.ordered, " \
  "l.ordered - l.allocated - l.shipped - l.cancelled AS backordered, l.promised_date"

#define PICK_FROM \
  "FROM order_lines l JOIN orders o ON o.id = l.order_id " \
  "  JOIN products p ON p.id = l.product_id "

#define PICK_SELECT(pick, where, keep) \
  "SELECT order_id, number, placed_at, line_id, product_id, sku, name, location, pick, " \
  "  ordered, backordered, promised_date " \
  "FROM (SELECT " PICK_COLUMNS ", " pick " AS pick " PICK_FROM \
  "      WHERE p.drop_ship = 0 AND " where ") AS picks " \
  "WHERE " keep " ORDER BY placed_at, order_id, line_id"

/* Units of a line that open (not yet shipped) shipments pack. */
#define PACKED_SQL \
  "coalesce ((SELECT sum (sl.quantity) FROM shipment_lines sl " \
  "  JOIN shipments s ON s.id = sl.shipment_id " \
  "  WHERE sl.line_id = l.id AND s.shipped_at IS NULL), 0)"

#define KEEP_FOR_ONE_ORDER "(pick > 0 OR backordered > 0)"

static const char *const pick_sql[] = {
  [BO_PICK_SHIPMENT] =
    PICK_SELECT ("coalesce ((SELECT sl.quantity FROM shipment_lines sl "
                 "  WHERE sl.shipment_id = ?1 AND sl.line_id = l.id), 0)",
                 "l.order_id = (SELECT order_id FROM shipments WHERE id = ?1)",
                 KEEP_FOR_ONE_ORDER),
  [BO_PICK_OPEN_SHIPMENTS] =
    PICK_SELECT (PACKED_SQL, "l.order_id = ?1", KEEP_FOR_ONE_ORDER),
  [BO_PICK_UNPACKED] =
    PICK_SELECT ("l.allocated - " PACKED_SQL, "l.order_id = ?1", KEEP_FOR_ONE_ORDER),
  [BO_PICK_ALLOCATED] =
    PICK_SELECT ("l.allocated", "l.allocated > 0 AND l.order_id = ?1", "pick > 0"),
};

/* Every order at once has its own text: "?1 = 0 OR ..." would keep the
 * planner from the index of allocated lines. */
static const char *const pick_all_allocated_sql =
  PICK_SELECT ("l.allocated", "l.allocated > 0", "pick > 0");

static void
pick_line_clear (gpointer data)
{
  BoPickLine *line = data;

  g_free (line->order_number);
  g_free (line->sku);
  g_free (line->product_name);
  g_free (line->location);
}

/**
 * bo_store_list_pick_lines:
 * @source: what to pick
 * @id: the shipment or order that @source names; for %BO_PICK_ALLOCATED,
 *   0 for every order
 *
 * Reads the order lines a pick list shows, in order of service (placed,
 * order, line); the caller sorts them by bin for the picker's walk.
 *
 * Returns: (transfer full) (element-type BoPickLine): the lines, possibly
 *   none; %NULL on a database error
 */
GArray *
bo_store_list_pick_lines (BoStore       *self,
                          BoPickSource   source,
                          gint64         id,
                          GError       **error)
{
  g_autoptr(GArray) lines = NULL;
  const char *sql;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);
  g_return_val_if_fail (source <= BO_PICK_ALLOCATED, NULL);

  if (source == BO_PICK_ALLOCATED && id == 0)
    sql = pick_all_allocated_sql;
  else
    sql = pick_sql[source];

  stmt = _bo_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);

  lines = g_array_new (FALSE, TRUE, sizeof (BoPickLine));
  g_array_set_clear_func (lines, pick_line_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoPickLine line;

      line.order_id = sqlite3_column_int64 (stmt, 0);
      line.order_number = _bo_store_column_dup (stmt, 1);
      line.placed_at = sqlite3_column_int64 (stmt, 2);
      line.line_id = sqlite3_column_int64 (stmt, 3);
      line.product_id = sqlite3_column_int64 (stmt, 4);
      line.sku = _bo_store_column_dup (stmt, 5);
      line.product_name = _bo_store_column_dup (stmt, 6);
      line.location = _bo_store_column_dup (stmt, 7);
      line.quantity = sqlite3_column_int64 (stmt, 8);
      line.ordered = sqlite3_column_int64 (stmt, 9);
      line.backordered = sqlite3_column_int64 (stmt, 10);
      line.promised = line.backordered > 0 ? _bo_column_date (stmt, 11) : 0;
      g_array_append_val (lines, line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&lines);
}
