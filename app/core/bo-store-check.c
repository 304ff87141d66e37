/* bo-store-check.c — the invariant checker: stock and line arithmetic
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "bo-store-private.h"

typedef struct
{
  const char *what;   /* message for one broken row: a subject and two numbers */
  const char *sql;
} Invariant;

/* Each query returns the rows that break the rule, as (subject, number, number)
 * in the order its message names them. */
static const Invariant invariants[] = {
  { N_("%s: on hand is %" PRId64 " but its stock movements add up to %" PRId64),
    "SELECT p.sku, p.on_hand, coalesce (m.total, 0) FROM products p "
    "LEFT JOIN (SELECT product_id, sum (delta) AS total FROM stock_movements GROUP BY product_id) m "
    "  ON m.product_id = p.id WHERE p.on_hand <> coalesce (m.total, 0)" },
  { N_("%s: %" PRId64 " units are counted as allocated, but its order lines hold %"
       PRId64),
    "SELECT p.sku, p.allocated, coalesce (l.total, 0) FROM products p "
    "LEFT JOIN (SELECT product_id, sum (allocated) AS total FROM order_lines GROUP BY product_id) l "
    "  ON l.product_id = p.id WHERE p.allocated <> coalesce (l.total, 0)" },
  { N_("%s: %" PRId64 " units are allocated but only %" PRId64 " are on hand"),
    "SELECT sku, allocated, on_hand FROM products WHERE allocated > on_hand OR on_hand < 0" },
  { N_("%s: %" PRId64 " units are counted as backordered, but its open lines hold %"
       PRId64),
    "SELECT p.sku, p.backordered, coalesce (l.total, 0) FROM products p "
    "LEFT JOIN (SELECT product_id, sum (ordered - allocated - shipped - cancelled) AS total "
    "  FROM order_lines WHERE ordered > allocated + shipped + cancelled AND drop_ship = 0 "
    "  GROUP BY product_id) l "
    "  ON l.product_id = p.id WHERE p.backordered <> coalesce (l.total, 0)" },
  { N_("Order %s: a line has allocated + shipped + cancelled = %" PRId64
       ", more than the %" PRId64 " ordered, or a negative quantity"),
    "SELECT o.number, l.allocated + l.shipped + l.cancelled, l.ordered FROM order_lines l "
    "JOIN orders o ON o.id = l.order_id "
    "WHERE l.allocated + l.shipped + l.cancelled > l.ordered OR l.allocated < 0 OR l.shipped < 0 "
    "   OR l.cancelled < 0 OR l.backordered_at_placement > l.ordered" },
  { N_("Order %s: a line counts %" PRId64 " shipped, but its shipments carried %"
       PRId64),
    "SELECT o.number, l.shipped, coalesce (s.total, 0) FROM order_lines l "
    "JOIN orders o ON o.id = l.order_id "
    "LEFT JOIN (SELECT sl.line_id, sum (sl.quantity) AS total FROM shipment_lines sl "
    "  JOIN shipments s ON s.id = sl.shipment_id WHERE s.shipped_at IS NOT NULL "
    "  GROUP BY sl.line_id) s ON s.line_id = l.id WHERE l.shipped <> coalesce (s.total, 0)" },
  { N_("Order %s: a line has %" PRId64 " units packed but only %" PRId64
       " allocated"),
    "SELECT o.number, s.total, l.allocated FROM order_lines l JOIN orders o ON o.id = l.order_id "
    "JOIN (SELECT sl.line_id, sum (sl.quantity) AS total FROM shipment_lines sl "
    "  JOIN shipments s ON s.id = sl.shipment_id WHERE s.shipped_at IS NULL "
    "  GROUP BY sl.line_id) s ON s.line_id = l.id WHERE s.total > l.allocated" },
  { N_("%s: shipments took %" PRId64 " units off the shelf but its lines shipped %"
       PRId64),
    "SELECT p.sku, coalesce (-m.total, 0), coalesce (l.total, 0) FROM products p "
    "LEFT JOIN (SELECT product_id, sum (shipped) AS total FROM order_lines WHERE drop_ship = 0 "
    "  GROUP BY product_id) l ON l.product_id = p.id "
    "LEFT JOIN (SELECT product_id, sum (delta) AS total FROM stock_movements "
    "  WHERE reason = 'shipment' GROUP BY product_id) m ON m.product_id = p.id "
    "WHERE coalesce (l.total, 0) <> coalesce (-m.total, 0)" },
  { N_("%s: receipts added %" PRId64 " units but purchase orders received %"
       PRId64),
    "SELECT p.sku, coalesce (m.total, 0), coalesce (r.total, 0) FROM products p "
    "LEFT JOIN (SELECT product_id, sum (received) AS total FROM po_lines "
    "  WHERE order_line_id IS NULL GROUP BY product_id) r "
    "  ON r.product_id = p.id "
    "LEFT JOIN (SELECT product_id, sum (delta) AS total FROM stock_movements "
    "  WHERE reason = 'receipt' GROUP BY product_id) m ON m.product_id = p.id "
    "WHERE coalesce (r.total, 0) <> coalesce (m.total, 0)" },
  { N_("Order %s: the backlog history holds %" PRId64 " units for a line that has %"
       PRId64 " backordered"),
    "SELECT o.number, coalesce (b.total, 0), "
    "  CASE WHEN l.drop_ship = 1 THEN 0 ELSE l.ordered - l.allocated - l.shipped - l.cancelled END "
    "FROM order_lines l JOIN orders o ON o.id = l.order_id "
    "LEFT JOIN (SELECT line_id, sum (units) AS total FROM backlog_movements GROUP BY line_id) b "
    "  ON b.line_id = l.id "
    "WHERE CASE WHEN l.drop_ship = 1 THEN 0 ELSE l.ordered - l.allocated - l.shipped - l.cancelled END "
    "  <> coalesce (b.total, 0)" },
  { N_("Order %s: its placement counts say %" PRId64 " but its lines say %"
       PRId64),
    "SELECT o.number, o.line_count * 1000000 + o.bo_lines, t.lines * 1000000 + t.bo_lines "
    "FROM orders o JOIN (SELECT order_id, count (*) AS lines, "
    "  sum (backordered_at_placement > 0) AS bo_lines, sum (ordered) AS units, "
    "  sum (backordered_at_placement) AS bo_units FROM order_lines GROUP BY order_id) t "
    "  ON t.order_id = o.id "
    "WHERE t.lines <> o.line_count OR t.bo_lines <> o.bo_lines OR t.units <> o.unit_count "
    "   OR t.bo_units <> o.bo_units" },
  { N_("Day %s: the placement counts say %" PRId64 " orders but %" PRId64
       " orders were placed"),
    "SELECT coalesce (d.day, o.placed_date), coalesce (d.orders, 0), coalesce (o.orders, 0) "
    "FROM (SELECT placed_date, count (*) AS orders, sum (bo_lines > 0) AS bo_orders, "
    "        sum (line_count) AS lines, sum (bo_lines) AS bo_lines, sum (unit_count) AS units, "
    "        sum (bo_units) AS bo_units FROM orders GROUP BY placed_date) o "
    "  FULL JOIN placement_days d ON d.day = o.placed_date "
    "WHERE d.day IS NULL OR o.placed_date IS NULL OR d.orders <> o.orders "
    "   OR d.bo_orders <> o.bo_orders OR d.lines <> o.lines OR d.bo_lines <> o.bo_lines "
    "   OR d.units <> o.units OR d.bo_units <> o.bo_units" },
  { N_("Purchase order %s: a line has %" PRId64 " received of %" PRId64
       " ordered"),
    "SELECT po.number, pl.received, pl.ordered FROM po_lines pl "
    "JOIN purchase_orders po ON po.id = pl.po_id WHERE pl.received > pl.ordered OR pl.received < 0" },
  { N_("Purchase order %s: its status does not match its lines (%" PRId64
       " outstanding, %" PRId64 " received)"),
    "SELECT po.number, sum (pl.ordered - pl.received), sum (pl.received) FROM purchase_orders po "
    "JOIN po_lines pl ON pl.po_id = po.id GROUP BY po.id "
    "HAVING (po.status = 'received' AND sum (pl.ordered - pl.received) > 0) "
    "    OR (po.status IN ('draft', 'sent') AND sum (pl.received) > 0) "
    "    OR (po.status = 'partial' AND sum (pl.received) = 0)" },

  /* Drop-ship lines: the supplier ships them, the shop's stock never does. */
  { N_("Order %s: a drop-ship line has %" PRId64 " units allocated and %"
       PRId64 " backordered at placement; it should have none"),
    "SELECT o.number, l.allocated, l.backordered_at_placement FROM order_lines l "
    "JOIN orders o ON o.id = l.order_id "
    "WHERE l.drop_ship = 1 AND (l.allocated > 0 OR l.backordered_at_placement > 0)" },
  { N_("Order %s: a drop-ship line has %" PRId64 " units still to come, but its "
       "purchase-order line %" PRId64),
    "SELECT o.number, l.ordered - l.shipped - l.cancelled, coalesce (pl.ordered - pl.received, 0) "
    "FROM order_lines l JOIN orders o ON o.id = l.order_id "
    "LEFT JOIN po_lines pl ON pl.order_line_id = l.id "
    "WHERE l.drop_ship = 1 "
    "  AND l.ordered - l.shipped - l.cancelled <> coalesce (pl.ordered - pl.received, 0)" },
  { N_("Order %s: a drop-ship line counts %" PRId64 " shipped, but its supplier shipped %"
       PRId64),
    "SELECT o.number, l.shipped, coalesce (pl.received, 0) "
    "FROM order_lines l JOIN orders o ON o.id = l.order_id "
    "LEFT JOIN po_lines pl ON pl.order_line_id = l.id "
    "WHERE l.drop_ship = 1 AND l.shipped <> coalesce (pl.received, 0)" },
  { N_("Purchase order %s: %" PRId64 " of its lines are not linked the way its kind "
       "needs (drop-ship: %" PRId64 ")"),
    "SELECT po.number, count (*), po.drop_ship FROM po_lines pl "
    "JOIN purchase_orders po ON po.id = pl.po_id LEFT JOIN order_lines l ON l.id = pl.order_line_id "
    "WHERE (po.drop_ship = 1) <> (pl.order_line_id IS NOT NULL) "
    "   OR (pl.order_line_id IS NOT NULL "
    "       AND (l.drop_ship IS NOT 1 OR l.product_id <> pl.product_id)) "
    "GROUP BY po.id" },
  { N_("Order %s: a shipment carries %" PRId64 " units of a line shipped the other way "
       "(drop-ship: %" PRId64 ")"),
    "SELECT o.number, sl.quantity, l.drop_ship FROM shipments s "
    "JOIN shipment_lines sl ON sl.shipment_id = s.id JOIN order_lines l ON l.id = sl.line_id "
    "JOIN orders o ON o.id = s.order_id WHERE (s.po_id IS NOT NULL) <> (l.drop_ship = 1)" },

  /* Cancellations are kept one by one: refunds have a date. */
  { N_("Order %s: a line counts %" PRId64 " cancelled, but its cancellations add up to %"
       PRId64),
    "SELECT o.number, l.cancelled, coalesce (c.quantity, 0) FROM order_lines l "
    "JOIN orders o ON o.id = l.order_id "
    "LEFT JOIN (SELECT line_id, sum (quantity) AS quantity FROM cancellations GROUP BY line_id) c "
    "  ON c.line_id = l.id WHERE l.cancelled <> coalesce (c.quantity, 0)" },
  { N_("Order %s: a line counts %" PRId64 " refunded, but its cancellations refunded %"
       PRId64),
    "SELECT o.number, l.refunded, coalesce (c.refund, 0) FROM order_lines l "
    "JOIN orders o ON o.id = l.order_id "
    "LEFT JOIN (SELECT line_id, sum (refund) AS refund FROM cancellations GROUP BY line_id) c "
    "  ON c.line_id = l.id WHERE l.refunded <> coalesce (c.refund, 0)" },

  /* Goodwill is for customers who waited. */
  { N_("Order %s: %" PRId64 " goodwill gestures were recorded, but it had %"
       PRId64 " backordered lines"),
    "SELECT o.number, count (*), o.bo_lines FROM goodwill g JOIN orders o ON o.id = g.order_id "
    "WHERE o.bo_lines = 0 GROUP BY o.id" },
};

/**
 * bo_store_check:
 * @problems: (out) (optional): one sentence per broken rule and row
 *
 * Verifies stock and line arithmetic: on hand equals the sum of its
 * movements, allocations and backorders add up, nothing is allocated beyond
 * what is on hand, shipments, receipts and the backlog history agree;
 * drop-ship lines take no stock and agree with the purchase-order lines
 * that ship them; cancellations add up to what the lines cancelled and
 * refunded; goodwill went to orders that were backordered.
 *
 * Returns: %TRUE when every rule holds; %FALSE with @error set
 *   (%BO_ERROR_INCONSISTENT when a rule is broken)
 */
gboolean
bo_store_check (BoStore    *self,
                GPtrArray **problems,
                GError    **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  gint64 foreign_key_errors = 0;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (invariants); i++)
    {
      sqlite3_stmt *stmt = _bo_store_prepare (self, invariants[i].sql, error);
      guint rows = 0;
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && rows++ < 20)
        {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          g_ptr_array_add (found, g_strdup_printf (_(invariants[i].what),
                                                   (const char *) sqlite3_column_text (stmt, 0),
                                                   (gint64) sqlite3_column_int64 (stmt, 1),
                                                   (gint64) sqlite3_column_int64 (stmt, 2)));
#pragma GCC diagnostic pop
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return _bo_store_set_error (self, rc, error);
    }

  if (!_bo_store_query_int (self, "SELECT count (*) FROM pragma_foreign_key_check", 0,
                            &foreign_key_errors, error))
    return FALSE;
  if (foreign_key_errors > 0)
    g_ptr_array_add (found, g_strdup_printf (_("%" PRId64 " rows point to rows that do "
                                               "not exist"), foreign_key_errors));

  if (problems != NULL)
    *problems = g_ptr_array_ref (found);
  if (found->len > 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INCONSISTENT,
                   g_dngettext (GETTEXT_PACKAGE, "%u rule of the database is broken",
                                "%u rules of the database are broken", found->len),
                   found->len);
      return FALSE;
    }
  return TRUE;
}
