/* bo-store-dropship.c — drop-ship lines: purchase orders the supplier ships to the customer
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An order line for a drop-ship product never waits for the shop's stock:
 * placing it drafts (or adds to) a drop-ship purchase order to the product's
 * supplier, carrying the customer's name and address; the line is promised
 * for the supplier's lead time. When the supplier confirms that it shipped,
 * the lines count as shipped, by a shipment that moves no stock.
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bo-store-private.h"

/**
 * _bo_store_drop_ship_supplier:
 * @supplier_id: (out): the supplier that ships the product, 0 when none is linked
 * @lead_days: (out) (optional): its lead time for the product
 *
 * The preferred supplier, else the one "Order shortages" would choose.
 */
gboolean
_bo_store_drop_ship_supplier (BoStore  *self,
                              gint64    product_id,
                              gint64   *supplier_id,
                              gint     *lead_days,
                              GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  id = _bo_store_choose_supplier (self, product_id, error);
  if (id < 0)
    return FALSE;
  *supplier_id = id;
  if (lead_days == NULL || id == 0)
    return TRUE;

  stmt = _bo_store_prepare (self,
                            "SELECT coalesce (ps.lead_days, s.lead_days) FROM product_suppliers ps "
                            "JOIN suppliers s ON s.id = ps.supplier_id "
                            "WHERE ps.product_id = ?1 AND ps.supplier_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  *lead_days = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _bo_store_set_error (self, rc, error);
  return TRUE;
}

/**
 * _bo_store_drop_ship_terms:
 * @eta: (out): when the supplier delivers: its lead time, counted from today
 * @reason: (out caller-allocates): what the order line says about it, as
 *   stored; clear it with bo_reason_clear()
 *
 * What a drop-ship line of @product_id is promised, for placing it and for
 * its preview alike. The product must have a supplier.
 */
gboolean
_bo_store_drop_ship_terms (BoStore  *self,
                           gint64    product_id,
                           guint32  *eta,
                           BoReason *reason,
                           GError  **error)
{
  g_autofree char *supplier_name = NULL;
  gint64 supplier_id = 0;
  gint lead_days = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (!_bo_store_drop_ship_supplier (self, product_id, &supplier_id, &lead_days, error))
    return FALSE;
  stmt = _bo_store_prepare (self, "SELECT name FROM suppliers WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, supplier_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    supplier_name = _bo_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _bo_store_set_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);

  *eta = bo_store_get_today (self) + MAX (lead_days, 0);
  memset (reason, 0, sizeof *reason);
  reason->kind = BO_REASON_DROP_SHIP;
  reason->text = g_steal_pointer (&supplier_name);
  return TRUE;
}

/* The open draft drop-ship purchase order to @supplier_id for @ship_to, or a
 * new one. Orders going to the same address share one. */
static gint64
drop_ship_draft (BoStore     *self,
                 gint64       supplier_id,
                 const char  *ship_to,
                 GError     **error)
{
  g_autofree char *number = NULL;
  g_autofree char *notes = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = _bo_store_prepare (self,
                            "SELECT id FROM purchase_orders WHERE drop_ship = 1 AND status = 'draft' "
                            "  AND supplier_id = ?1 AND ship_to = ?2 ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, supplier_id);
  sqlite3_bind_text (stmt, 2, ship_to, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return 0;
    }
  if (id != 0)
    return id;

  if ((number = _bo_store_next_number (self, "next-po-number", error)) == NULL)
    return 0;
  /* The address is in the notes too, which every view and export of a
   * purchase order shows. */
  notes = g_strdup_printf (_("Ship straight to:\n%s"), ship_to);
  stmt = _bo_store_prepare (self,
                            "INSERT INTO purchase_orders (number, supplier_id, created_at, notes, "
                            "  drop_ship, ship_to) VALUES (?, ?, ?, ?, 1, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, supplier_id);
  sqlite3_bind_int64 (stmt, 3, bo_store_get_now (self));
  sqlite3_bind_text (stmt, 4, notes, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, ship_to, -1, SQLITE_STATIC);
  if (!_bo_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);
  if (!_bo_store_log_event_args (self, "po-created", number, (gint64[]) { 1 }, 1, NULL, error))
    return 0;
  return id;
}

/**
 * _bo_store_drop_ship_line:
 * @line_id: a drop-ship order line just placed
 *
 * Puts the line on a drop-ship purchase order to its supplier and promises
 * it for the supplier's lead time, counted from today.
 */
gboolean
_bo_store_drop_ship_line (BoStore  *self,
                          gint64    line_id,
                          GError  **error)
{
  g_autofree char *number = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *address = NULL;
  g_autofree char *sku = NULL;
  g_autofree char *supplier_name = NULL;
  g_autofree char *ship_to = NULL;
  g_auto(BoReason) reason = BO_REASON_INIT;
  g_autofree char *po_number = NULL;
  gint64 product_id = 0, ordered = 0, supplier_id = 0, po_id, po_line_id, cost = 0;
  gint lead_days = 0;
  guint32 eta;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _bo_store_prepare (self,
                            "SELECT l.product_id, l.ordered, o.number, c.name, c.address, p.sku "
                            "FROM order_lines l JOIN orders o ON o.id = l.order_id "
                            "  JOIN customers c ON c.id = o.customer_id "
                            "  JOIN products p ON p.id = l.product_id WHERE l.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      product_id = sqlite3_column_int64 (stmt, 0);
      ordered = sqlite3_column_int64 (stmt, 1);
      number = _bo_store_column_dup (stmt, 2);
      customer = _bo_store_column_dup (stmt, 3);
      address = _bo_store_column_dup (stmt, 4);
      sku = _bo_store_column_dup (stmt, 5);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _bo_store_set_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);

  if (!_bo_store_drop_ship_supplier (self, product_id, &supplier_id, &lead_days, error))
    return FALSE;
  if (supplier_id == 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                   _("%s is shipped by its supplier, but no supplier is linked to it; link one "
                     "first"), sku);
      return FALSE;
    }

  address = g_strstrip (address);
  ship_to = *address != '\0' ? g_strdup_printf ("%s\n%s", customer, address) : g_strdup (customer);
  if ((po_id = drop_ship_draft (self, supplier_id, ship_to, error)) == 0)
    return FALSE;

  stmt = _bo_store_prepare (self,
                            "SELECT coalesce (ps.cost, p.cost), s.name, po.number "
                            "FROM products p JOIN suppliers s ON s.id = ?2 "
                            "  JOIN purchase_orders po ON po.id = ?3 "
                            "  LEFT JOIN product_suppliers ps ON ps.product_id = p.id "
                            "    AND ps.supplier_id = s.id "
                            "WHERE p.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int64 (stmt, 2, supplier_id);
  sqlite3_bind_int64 (stmt, 3, po_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      cost = sqlite3_column_int64 (stmt, 0);
      supplier_name = _bo_store_column_dup (stmt, 1);
      po_number = _bo_store_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _bo_store_set_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);

  if (!_bo_store_drop_ship_terms (self, product_id, &eta, &reason, error))
    return FALSE;
  stmt = _bo_store_prepare (self,
                            "INSERT INTO po_lines (po_id, product_id, ordered, cost, eta, "
                            "  order_line_id) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, po_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  sqlite3_bind_int64 (stmt, 3, ordered);
  sqlite3_bind_int64 (stmt, 4, cost);
  _bo_bind_date (stmt, 5, eta);
  sqlite3_bind_int64 (stmt, 6, line_id);
  if (!_bo_store_step_done (self, stmt, error))
    return FALSE;
  po_line_id = sqlite3_last_insert_rowid (self->db);
  stmt = _bo_store_prepare (self,
                            "UPDATE order_lines SET promised_date = ?2, "
                            "  first_promised_date = coalesce (first_promised_date, ?2), "
                            "  peg_po_line_id = ?3, reason_kind = ?4, reason_args = ?5, "
                            "  reason = ?6 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  _bo_bind_date (stmt, 2, eta);
  sqlite3_bind_int64 (stmt, 3, po_line_id);
  _bo_store_bind_reason (stmt, 4, &reason);
  if (!_bo_store_step_done (self, stmt, error))
    return FALSE;

  {
    gint64 args[] = { ordered };
    const char *texts[] = { sku, po_number, NULL };

    return _bo_store_log_event_args (self, "drop-ship", number, args, G_N_ELEMENTS (args), texts,
                                     error);
  }
}

/**
 * _bo_store_drop_ship_cancelled:
 * @quantity: units of the line just cancelled
 *
 * Takes cancelled units of a drop-ship line off its purchase order; a line
 * cancelled in full leaves it, and a purchase order left without lines is
 * cancelled.
 */
gboolean
_bo_store_drop_ship_cancelled (BoStore  *self,
                               gint64    line_id,
                               gint64    quantity,
                               GError  **error)
{
  g_autofree char *po_number = NULL;
  gint64 po_line_id = 0, po_id = 0, ordered = 0, received = 0, left = 0;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _bo_store_prepare (self,
                            "SELECT pl.id, pl.po_id, pl.ordered, pl.received, po.number "
                            "FROM po_lines pl JOIN purchase_orders po ON po.id = pl.po_id "
                            "WHERE pl.order_line_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      po_line_id = sqlite3_column_int64 (stmt, 0);
      po_id = sqlite3_column_int64 (stmt, 1);
      ordered = sqlite3_column_int64 (stmt, 2);
      received = sqlite3_column_int64 (stmt, 3);
      po_number = _bo_store_column_dup (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _bo_store_set_error (self, rc, error);

  /* A line cancelled in full has been unpegged already: nothing points to
   * its purchase-order line any more. */
  if (ordered - quantity > received)
    {
      stmt = _bo_store_prepare (self, "UPDATE po_lines SET ordered = ordered - ?2 WHERE id = ?1",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 2, quantity);
    }
  else if ((stmt = _bo_store_prepare (self, "DELETE FROM po_lines WHERE id = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, po_line_id);
  if (!_bo_store_step_done (self, stmt, error))
    return FALSE;

  if (!_bo_store_query_int (self, "SELECT count (*) FROM po_lines WHERE po_id = ?", po_id, &left,
                            error))
    return FALSE;
  if (left == 0)
    {
      stmt = _bo_store_prepare (self, "UPDATE purchase_orders SET status = 'cancelled' "
                                "WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, po_id);
      if (!_bo_store_step_done (self, stmt, error) ||
          !_bo_store_log_event_args (self, "po-cancelled", po_number, (gint64[]) { 1 }, 1, NULL,
                                     error))
        return FALSE;
    }
  {
    gint64 args[] = { quantity };

    return _bo_store_log_event_args (self, "po-line-reduced", po_number, args,
                                     G_N_ELEMENTS (args), NULL, error);
  }
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

/**
 * _bo_store_drop_ship_eta:
 * @eta: the supplier's new date, 0 for unknown
 * @moved: (nullable): collects #BoPromiseChange
 *
 * The supplier's date of a drop-ship purchase order is its customers'
 * promise: the open lines it ships move with it.
 */
gboolean
_bo_store_drop_ship_eta (BoStore  *self,
                         gint64    po_id,
                         guint32   eta,
                         GArray   *moved,
                         GError  **error)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, TRUE, sizeof (BoPromiseChange));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (changes, promise_change_clear);
  stmt = _bo_store_prepare (self,
                            "SELECT l.id, l.order_id, o.number, c.name, c.email, p.sku, "
                            "  l.promised_date "
                            "FROM po_lines pl JOIN order_lines l ON l.id = pl.order_line_id "
                            "  JOIN orders o ON o.id = l.order_id "
                            "  JOIN customers c ON c.id = o.customer_id "
                            "  JOIN products p ON p.id = l.product_id "
                            "WHERE pl.po_id = ? AND l.ordered > l.shipped + l.cancelled "
                            "ORDER BY l.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, po_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoPromiseChange c = { 0 };

      c.before = _bo_column_date (stmt, 6);
      c.after = eta;
      if (c.before == c.after)
        continue;
      c.line_id = sqlite3_column_int64 (stmt, 0);
      c.order_id = sqlite3_column_int64 (stmt, 1);
      c.order_number = _bo_store_column_dup (stmt, 2);
      c.customer_name = _bo_store_column_dup (stmt, 3);
      c.customer_email = _bo_store_column_dup (stmt, 4);
      c.sku = _bo_store_column_dup (stmt, 5);
      g_array_append_val (changes, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _bo_store_set_error (self, rc, error);

  for (guint i = 0; i < changes->len; i++)
    {
      BoPromiseChange *c = &g_array_index (changes, BoPromiseChange, i);

      stmt = _bo_store_prepare (self,
                                "UPDATE order_lines SET promised_date = ?2, "
                                "  first_promised_date = coalesce (first_promised_date, ?2) "
                                "WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, c->line_id);
      _bo_bind_date (stmt, 2, eta);
      if (!_bo_store_step_done (self, stmt, error))
        return FALSE;
      if (moved != NULL)
        {
          g_array_append_val (moved, *c);
          /* The copy owns the strings now. */
          memset (c, 0, sizeof *c);
        }
    }
  return TRUE;
}

/**
 * bo_store_confirm_drop_ship:
 * @po_id: a drop-ship purchase order
 *
 * The supplier shipped a drop-ship purchase order to its customers: every
 * line it carries counts as shipped, each order by a shipment that moves no
 * stock, and the purchase order is received (for the supplier's on-time
 * rate, on the day the supplier confirmed, against its expected date).
 */
gboolean
bo_store_confirm_drop_ship (BoStore  *self,
                            gint64    po_id,
                            GError  **error)
{
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(GHashTable) shipments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           g_free);
  guint32 today = bo_store_get_today (self);
  gint64 now = bo_store_get_now (self);
  gint64 units = 0;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (po = bo_store_get_po (self, po_id, error)) != NULL;
  if (ok && !po->drop_ship)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                   _("Purchase order %s is not a drop-ship order: receive it instead"), po->number);
      ok = FALSE;
    }
  else if (ok && (po->status == BO_PO_RECEIVED || po->status == BO_PO_CANCELLED))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED, _("Purchase order %s is %s"), po->number,
                   bo_po_status_label (po->status));
      ok = FALSE;
    }

  for (guint i = 0; ok && i < po->lines->len; i++)
    {
      const BoPoLine *line = g_ptr_array_index (po->lines, i);
      gint64 quantity = line->ordered - line->received;
      gint64 order_id = 0;
      gint64 *shipment_id;

      if (quantity <= 0 || line->order_line_id == 0)
        continue;
      ok = _bo_store_query_int (self, "SELECT order_id FROM order_lines WHERE id = ?",
                                line->order_line_id, &order_id, error);
      if (!ok)
        break;
      shipment_id = g_hash_table_lookup (shipments, &order_id);
      if (shipment_id == NULL)
        {
          ok = (stmt = _bo_store_prepare (self, "INSERT INTO shipments (order_id, created_at, "
                                          "  shipped_at, po_id) VALUES (?1, ?2, ?2, ?3)",
                                          error)) != NULL;
          if (!ok)
            break;
          sqlite3_bind_int64 (stmt, 1, order_id);
          sqlite3_bind_int64 (stmt, 2, now);
          sqlite3_bind_int64 (stmt, 3, po_id);
          if (!(ok = _bo_store_step_done (self, stmt, error)))
            break;
          shipment_id = g_new (gint64, 1);
          *shipment_id = sqlite3_last_insert_rowid (self->db);
          g_hash_table_insert (shipments, g_memdup2 (&order_id, sizeof order_id), shipment_id);
        }

      ok = (stmt = _bo_store_prepare (self, "INSERT INTO shipment_lines (shipment_id, line_id, "
                                      "quantity) VALUES (?, ?, ?)", error)) != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, *shipment_id);
          sqlite3_bind_int64 (stmt, 2, line->order_line_id);
          sqlite3_bind_int64 (stmt, 3, quantity);
          ok = _bo_store_step_done (self, stmt, error);
        }
      /* Shipped: the line waits for nothing any more, like any closed line. */
      if (ok)
        ok = (stmt = _bo_store_prepare (self,
                                        "UPDATE order_lines SET shipped = shipped + ?2, "
                                        "  completed_date = CASE WHEN shipped + ?2 + cancelled "
                                        "    = ordered THEN ?3 ELSE completed_date END, "
                                        "  promised_date = CASE WHEN shipped + ?2 + cancelled "
                                        "    = ordered THEN NULL ELSE promised_date END, "
                                        "  peg_po_line_id = CASE WHEN shipped + ?2 + cancelled "
                                        "    = ordered THEN NULL ELSE peg_po_line_id END "
                                        "WHERE id = ?1 AND drop_ship = 1", error)) != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, line->order_line_id);
          sqlite3_bind_int64 (stmt, 2, quantity);
          _bo_bind_date (stmt, 3, today);
          ok = _bo_store_step_done (self, stmt, error);
        }
      if (ok)
        ok = (stmt = _bo_store_prepare (self,
                                        "UPDATE po_lines SET received = ordered, "
                                        "  fully_received_date = ?2, "
                                        "  days_late = CASE WHEN eta IS NOT NULL THEN ?3 END "
                                        "WHERE id = ?1", error)) != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, line->id);
          _bo_bind_date (stmt, 2, today);
          sqlite3_bind_int64 (stmt, 3, line->eta != 0 && today > line->eta ? today - line->eta : 0);
          ok = _bo_store_step_done (self, stmt, error);
        }
      units += quantity;
    }

  if (ok && units == 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED, _("Nothing is outstanding on %s"),
                   po->number);
      ok = FALSE;
    }
  if (ok)
    ok = (stmt = _bo_store_prepare (self,
                                    "UPDATE purchase_orders SET status = 'received', "
                                    "  shipped_at = ?2, sent_at = coalesce (sent_at, ?2) "
                                    "WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, po_id);
      sqlite3_bind_int64 (stmt, 2, now);
      ok = _bo_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      gint64 args[] = { units, g_hash_table_size (shipments) };

      ok = _bo_store_log_event_args (self, "drop-ship-shipped", po->number, args,
                                     G_N_ELEMENTS (args), NULL, error);
    }
  return _bo_store_finish (self, ok, TRUE, error);
}
