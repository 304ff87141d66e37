/* bo-store-purchasing.c — purchase orders: drafting, ETAs, receiving
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bo-store-private.h"
#include "backorders/bo-money.h"


/* ---- reading ---------------------------------------------------------------- */

static BoPurchaseOrder *
read_po (BoStore     *self,
         const char  *sql,
         gint64       id,
         const char  *number,
         GError     **error)
{
  g_autoptr(BoPurchaseOrder) po = NULL;
  sqlite3_stmt *stmt = _bo_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (number != NULL)
    sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      po = g_new0 (BoPurchaseOrder, 1);
      po->id = sqlite3_column_int64 (stmt, 0);
      po->number = _bo_store_column_dup (stmt, 1);
      po->supplier_id = sqlite3_column_int64 (stmt, 2);
      po->supplier_name = _bo_store_column_dup (stmt, 3);
      bo_po_status_from_string ((const char *) sqlite3_column_text (stmt, 4), &po->status);
      po->created_at = sqlite3_column_int64 (stmt, 5);
      po->notes = _bo_store_column_dup (stmt, 6);
      po->drop_ship = sqlite3_column_int (stmt, 7);
      po->ship_to = _bo_store_column_dup (stmt, 8);
      po->shipped_at = sqlite3_column_int64 (stmt, 9);
      po->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_po_line_free);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      if (number != NULL)
        g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND, _("There is no purchase order “%s”"),
                     number);
      else
        g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                     _("There is no purchase order with id %" PRId64), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }

  stmt = _bo_store_prepare (self,
                            "SELECT pl.id, pl.product_id, p.sku, p.name, pl.ordered, pl.received, "
                            "  pl.cost, pl.eta, pl.fully_received_date, pl.order_line_id "
                            "FROM po_lines pl JOIN products p ON p.id = pl.product_id "
                            "WHERE pl.po_id = ? ORDER BY pl.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, po->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoPoLine *l = g_new0 (BoPoLine, 1);

      l->id = sqlite3_column_int64 (stmt, 0);
      l->po_id = po->id;
      l->product_id = sqlite3_column_int64 (stmt, 1);
      l->sku = _bo_store_column_dup (stmt, 2);
      l->product_name = _bo_store_column_dup (stmt, 3);
      l->ordered = sqlite3_column_int64 (stmt, 4);
      l->received = sqlite3_column_int64 (stmt, 5);
      l->cost = sqlite3_column_int64 (stmt, 6);
      l->eta = _bo_column_date (stmt, 7);
      l->fully_received = _bo_column_date (stmt, 8);
      l->order_line_id = sqlite3_column_int64 (stmt, 9);
      /* The order's date is the earliest of what is still to come. */
      if (l->eta != 0 && l->received < l->ordered && (po->eta == 0 || l->eta < po->eta))
        po->eta = l->eta;
      g_ptr_array_add (po->lines, l);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&po);
}

#define PO_HEADER_SQL \
  "SELECT po.id, po.number, po.supplier_id, s.name, po.status, po.created_at, po.notes, " \
  "  po.drop_ship, po.ship_to, po.shipped_at " \
  "FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id "

BoPurchaseOrder *
bo_store_get_po (BoStore  *self,
                 gint64    id,
                 GError  **error)
{
  g_return_val_if_fail (BO_IS_STORE (self), NULL);
  return read_po (self, PO_HEADER_SQL "WHERE po.id = ?", id, NULL, error);
}

BoPurchaseOrder *
bo_store_find_po (BoStore     *self,
                  const char  *number,
                  GError     **error)
{
  g_return_val_if_fail (BO_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  return read_po (self, PO_HEADER_SQL "WHERE po.number = ? COLLATE NOCASE", 0, number, error);
}

GPtrArray *
bo_store_list_pos (BoStore   *self,
                   gboolean   open_only,
                   GError   **error)
{
  g_autoptr(GPtrArray) pos = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_purchase_order_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  stmt = _bo_store_prepare (self,
                            "SELECT id FROM purchase_orders "
                            "WHERE ?1 = 0 OR status IN ('draft', 'sent', 'partial') "
                            "ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, open_only ? 1 : 0);
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
  for (guint i = 0; i < ids->len; i++)
    {
      BoPurchaseOrder *po = bo_store_get_po (self, g_array_index (ids, gint64, i), error);

      if (po == NULL)
        return NULL;
      g_ptr_array_add (pos, po);
    }
  return g_steal_pointer (&pos);
}

#define PO_LIST_WHERE_SQL \
  "WHERE (?1 = 0 OR po.status IN ('draft', 'sent', 'partial')) " \
  "  AND (?2 IS NULL OR po.number LIKE ?2 ESCAPE '\\' OR s.name LIKE ?2 ESCAPE '\\') "

/* The earliest arrival still awaited. */
#define PO_ETA_SQL \
  "(SELECT min (eta) FROM po_lines WHERE po_id = po.id AND received < ordered AND cancelled = 0)"

static const BoSortKey po_sort_keys[] = {
  { "created", "po.id DESC", "po.id" },
  { "supplier", "s.name COLLATE NOCASE, po.id DESC", "s.name COLLATE NOCASE DESC, po.id DESC" },
  { "status", "po.status, po.id DESC", "po.status DESC, po.id DESC" },
  { "eta", PO_ETA_SQL " IS NULL, " PO_ETA_SQL ", po.id",
    PO_ETA_SQL " IS NULL, " PO_ETA_SQL " DESC, po.id" },
  { NULL }
};

/**
 * bo_store_list_po_summaries:
 * @open_only: only drafts, sent and partly received purchase orders
 * @search: (nullable): text in the number or supplier name
 * @sort: (nullable): created (newest first), supplier, status or eta; a
 *   leading "-" reverses
 * @limit: rows to return, 0 for all
 *
 * Returns: (transfer full) (element-type BoPoSummary): one row per purchase order
 */
GPtrArray *
bo_store_list_po_summaries (BoStore     *self,
                            gboolean     open_only,
                            const char  *search,
                            const char  *sort,
                            guint        offset,
                            guint        limit,
                            GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_po_summary_free);
  g_autofree char *pattern = _bo_store_like_pattern (search);
  g_autofree char *today = _bo_date_to_iso (bo_store_get_today (self));
  sqlite3_stmt *stmt;
  const char *sql;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  /* The page's purchase orders first, then only those get their lines
   * summed: summing every purchase order's lines to sort them cost a
   * frame and more. */
  sql = _bo_store_sorted_sql ("SELECT po.id, po.number, s.name, po.status, po.created_at, "
                              "  " PO_ETA_SQL ", "
                              "  (SELECT sum (ordered) FROM po_lines WHERE po_id = po.id), "
                              "  (SELECT sum (received) FROM po_lines WHERE po_id = po.id), "
                              "  (SELECT sum (ordered * cost) FROM po_lines WHERE po_id = po.id), "
                              "  po.drop_ship "
                              "FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id "
                              "WHERE po.id IN (SELECT po.id FROM purchase_orders po "
                              "                JOIN suppliers s ON s.id = po.supplier_id "
                              PO_LIST_WHERE_SQL
                              "                ORDER BY %s LIMIT ?3 OFFSET ?4) "
                              "ORDER BY %s", po_sort_keys, sort, error);
  if (sql == NULL || (stmt = _bo_store_prepare (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, open_only ? 1 : 0);
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 4, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoPoSummary *row = g_new0 (BoPoSummary, 1);
      const char *eta = (const char *) sqlite3_column_text (stmt, 5);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->number = _bo_store_column_dup (stmt, 1);
      row->supplier_name = _bo_store_column_dup (stmt, 2);
      bo_po_status_from_string ((const char *) sqlite3_column_text (stmt, 3), &row->status);
      row->created_at = sqlite3_column_int64 (stmt, 4);
      row->eta = _bo_date_from_iso (eta);
      row->ordered = sqlite3_column_int64 (stmt, 6);
      row->received = sqlite3_column_int64 (stmt, 7);
      row->value = sqlite3_column_int64 (stmt, 8);
      row->drop_ship = sqlite3_column_int (stmt, 9);
      row->overdue = eta != NULL && today != NULL && strcmp (eta, today) < 0 &&
                     row->status != BO_PO_DRAFT && row->status != BO_PO_CANCELLED;
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gint64
bo_store_count_pos (BoStore     *self,
                    gboolean     open_only,
                    const char  *search,
                    GError     **error)
{
  g_autofree char *pattern = _bo_store_like_pattern (search);
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), -1);

  stmt = _bo_store_prepare (self,
                            "SELECT count (*) FROM purchase_orders po "
                            "JOIN suppliers s ON s.id = po.supplier_id " PO_LIST_WHERE_SQL, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int (stmt, 1, open_only ? 1 : 0);
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _bo_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return count;
}

/**
 * bo_store_count_overdue_pos:
 *
 * Returns: purchase orders that were sent and have an outstanding line whose
 *   ETA has passed, or -1 on error
 */
gint64
bo_store_count_overdue_pos (BoStore  *self,
                            GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), -1);

  stmt = _bo_store_prepare (self,
                            "SELECT count (DISTINCT po.id) FROM purchase_orders po "
                            "JOIN po_lines pl ON pl.po_id = po.id "
                            "WHERE po.status IN ('sent', 'partial') AND pl.cancelled = 0 "
                            "  AND pl.received < pl.ordered AND pl.eta < ?1", error);
  if (stmt == NULL)
    return -1;
  _bo_bind_date (stmt, 1, bo_store_get_today (self));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _bo_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return count;
}

/* ---- writing ---------------------------------------------------------------- */

static gboolean
check_po_open (const BoPurchaseOrder  *po,
               GError                **error)
{
  if (po->status == BO_PO_RECEIVED || po->status == BO_PO_CANCELLED)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED, _("Purchase order %s is %s"), po->number,
                   bo_po_status_label (po->status));
      return FALSE;
    }
  return TRUE;
}

/* The cost of a product from a supplier: the link's, else the product's. */
static gboolean
supplier_cost (BoStore  *self,
               gint64    product_id,
               gint64    supplier_id,
               gint64   *cost,
               GError  **error)
{
  sqlite3_stmt *stmt = _bo_store_prepare (self,
                                          "SELECT coalesce (ps.cost, p.cost) FROM products p "
                                          "LEFT JOIN product_suppliers ps ON ps.product_id = p.id "
                                          "  AND ps.supplier_id = ?2 WHERE p.id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int64 (stmt, 2, supplier_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *cost = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                   _("There is no product with id %" PRId64), product_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _bo_store_set_error (self, rc, error);
  return TRUE;
}

static gboolean
insert_po_line (BoStore  *self,
                gint64    po_id,
                gint64    product_id,
                gint64    quantity,
                gint64    cost,
                guint32   eta,
                GError  **error)
{
  sqlite3_stmt *stmt;

  if (quantity <= 0 || quantity > BO_QUANTITY_MAX)
    {
      g_autoptr(BoProduct) product = bo_store_get_product (self, product_id, NULL);
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("%s: the quantity must be a whole number from 1 to %" PRId64
                     ", not %" PRId64),
                   product != NULL ? product->sku : "?", BO_QUANTITY_MAX, quantity);
      return FALSE;
    }
  if (cost != -1 && !_bo_store_check_amount (self, cost, _("The cost"), error))
    return FALSE;
  stmt = _bo_store_prepare (self,
                            "INSERT INTO po_lines (po_id, product_id, ordered, cost, eta) "
                            "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, po_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  sqlite3_bind_int64 (stmt, 3, quantity);
  sqlite3_bind_int64 (stmt, 4, cost);
  _bo_bind_date (stmt, 5, eta);
  if (!_bo_store_step_done (self, stmt, error))
    return FALSE;

  /* The purchase order's value must stay countable, or every list that
   * shows it fails; the caller's transaction takes the line back. */
  {
    g_autoptr(GError) local_error = NULL;
    gint64 value = 0;

    if (_bo_store_query_int (self, "SELECT sum (ordered * cost) FROM po_lines WHERE po_id = ?",
                             po_id, &value, &local_error))
      return TRUE;
    if (g_error_matches (local_error, BO_ERROR, BO_ERROR_OVERFLOW))
      {
        g_autofree char *limit = bo_money_format_plain (G_MAXINT64);

        g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                     _("The purchase order would be worth more than %s, more than Backorders "
                       "can count; check its quantities and costs"),
                     limit);
      }
    else
      g_propagate_error (error, g_steal_pointer (&local_error));
    return FALSE;
  }
}

static gint64
insert_po (BoStore  *self,
           gint64    supplier_id,
           GError  **error)
{
  g_autofree char *number = _bo_store_next_number (self, "next-po-number", error);
  sqlite3_stmt *stmt;
  gint64 id;

  if (number == NULL)
    return 0;
  stmt = _bo_store_prepare (self, "INSERT INTO purchase_orders (number, supplier_id, created_at) "
                            "VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, supplier_id);
  sqlite3_bind_int64 (stmt, 3, bo_store_get_now (self));
  if (!_bo_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);
  if (!_bo_store_log_event (self, "po-created", number, NULL, error))
    return 0;
  return id;
}

/**
 * bo_store_create_po:
 * @eta: expected arrival (Julian day), or 0 when the supplier has not said
 * @quantities: (array length=n_lines): product id (in line_id) and quantity
 * @costs: (array length=n_lines) (nullable): unit costs, -1 for the supplier's
 * @po_id: (out) (optional): the new purchase order
 */
gboolean
bo_store_create_po (BoStore           *self,
                    gint64             supplier_id,
                    guint32            eta,
                    const BoQuantity  *quantities,
                    const gint64      *costs,
                    gsize              n_lines,
                    gint64            *po_id,
                    GError           **error)
{
  g_autoptr(BoSupplier) supplier = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (n_lines == 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("The purchase order has no lines"));
      return FALSE;
    }
  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (supplier = bo_store_get_supplier (self, supplier_id, error)) != NULL &&
       (id = insert_po (self, supplier_id, error)) != 0;
  for (gsize i = 0; ok && i < n_lines; i++)
    {
      gint64 cost = costs != NULL ? costs[i] : -1;

      if (cost < 0)
        ok = supplier_cost (self, quantities[i].line_id, supplier_id, &cost, error);
      ok = ok && insert_po_line (self, id, quantities[i].line_id, quantities[i].quantity, cost, eta,
                                 error);
      g_array_append_val (ids, quantities[i].line_id);
    }
  if (ok && eta != 0)
    ok = _bo_store_refresh_promises_for (self, ids, NULL, error);
  if (!_bo_store_finish (self, ok, TRUE, error))
    return FALSE;
  if (po_id != NULL)
    *po_id = id;
  return TRUE;
}

gboolean
bo_store_add_po_line (BoStore  *self,
                      gint64    po_id,
                      gint64    product_id,
                      gint64    quantity,
                      gint64    cost,
                      GError  **error)
{
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (po = bo_store_get_po (self, po_id, error)) != NULL && check_po_open (po, error);
  if (ok && po->drop_ship)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                   _("Purchase order %s ships a customer’s order: its lines come from that order"),
                   po->number);
      ok = FALSE;
    }
  if (ok && cost < 0)
    ok = supplier_cost (self, product_id, po->supplier_id, &cost, error);
  ok = ok && insert_po_line (self, po_id, product_id, quantity, cost, po->eta, error);
  g_array_append_val (ids, product_id);
  if (ok && po->eta != 0)
    ok = _bo_store_refresh_promises_for (self, ids, NULL, error);
  return _bo_store_finish (self, ok, TRUE, error);
}

/* The supplier to order a product from: the preferred link, else the
 * cheapest or the fastest by the shop's setting (ties by name). */
gint64
_bo_store_choose_supplier (BoStore  *self,
                           gint64    product_id,
                           GError  **error)
{
  static const char *cheapest_sql =
    "SELECT ps.supplier_id FROM product_suppliers ps JOIN suppliers s ON s.id = ps.supplier_id "
    "  JOIN products p ON p.id = ps.product_id WHERE ps.product_id = ? "
    "ORDER BY ps.preferred DESC, coalesce (ps.cost, p.cost), "
    "  coalesce (ps.lead_days, s.lead_days), s.name LIMIT 1";
  static const char *fastest_sql =
    "SELECT ps.supplier_id FROM product_suppliers ps JOIN suppliers s ON s.id = ps.supplier_id "
    "  JOIN products p ON p.id = ps.product_id WHERE ps.product_id = ? "
    "ORDER BY ps.preferred DESC, coalesce (ps.lead_days, s.lead_days), "
    "  coalesce (ps.cost, p.cost), s.name LIMIT 1";
  g_autofree char *setting = bo_store_get_setting (self, "supplier-choice");
  BoSupplierChoice choice = BO_SUPPLIER_CHEAPEST;
  gint64 supplier_id = 0;

  bo_supplier_choice_from_string (setting, &choice);
  if (!_bo_store_query_int (self, choice == BO_SUPPLIER_FASTEST ? fastest_sql : cheapest_sql,
                            product_id, &supplier_id, error))
    return -1;
  return supplier_id;
}

#define OPEN_PO_UNITS_SQL BO_STORE_OPEN_PO_UNITS_SQL

/* What to order of a product: the backorders no open purchase order covers
 * yet, and — for a product with a reorder point or quantity — enough to get
 * its projected stock (free + coming − backordered) above the reorder point,
 * at least the reorder quantity. 0 when nothing is needed. */
static gint64
quantity_to_order (gint64 backordered,
                   gint64 on_order,
                   gint64 free_stock,
                   gint64 reorder_point,
                   gint64 reorder_qty)
{
  gint64 shortage = backordered - on_order;
  gint64 projected = free_stock + on_order - backordered;
  gint64 quantity = MAX (shortage, 0);

  if ((reorder_point > 0 || reorder_qty > 0) && projected <= reorder_point)
    quantity = MAX (MAX (quantity, reorder_point + 1 - projected), reorder_qty);
  return quantity;
}

/**
 * bo_store_list_low_stock:
 *
 * Products at or below their reorder point: their projected stock (free +
 * coming on open purchase orders − backordered) is at most the reorder point.
 * Discontinued products and products without a reorder point are left out.
 *
 * Returns: (transfer full) (element-type BoProduct): by SKU, or %NULL on error
 */
GPtrArray *
bo_store_list_low_stock (BoStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_product_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  stmt = _bo_store_prepare (self,
                            "SELECT p.id FROM products p "
                            "WHERE p.reorder_point > 0 AND p.discontinued = 0 AND p.drop_ship = 0 "
                            "  AND p.on_hand - p.allocated + " OPEN_PO_UNITS_SQL " - p.backordered "
                            "      <= p.reorder_point "
                            "ORDER BY p.sku", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      BoProduct *product = bo_store_get_product (self, GPOINTER_TO_SIZE (g_ptr_array_index (ids, i)),
                                                 error);
      if (product == NULL)
        return NULL;
      g_ptr_array_add (products, product);
    }
  return g_steal_pointer (&products);
}

/**
 * bo_store_draft_pos:
 * @line_ids: (array length=n_line_ids) (nullable): backordered order lines to
 *   order for; %NULL for every product with backorders
 * @po_ids: (out) (optional): the draft purchase orders written to
 * @skipped: (out) (optional): one sentence per product that was not ordered
 *
 * "Order shortages": for each product, the backordered units that no open
 * purchase order covers yet — and, for products with a reorder point, what
 * brings them back above it, at least the reorder quantity — rounded up to the
 * supplier's minimum, go on a draft purchase order to the chosen supplier,
 * added to that supplier's open draft when there is one. With no @line_ids,
 * every product with backorders or at its reorder point is looked at.
 */
gboolean
bo_store_draft_pos (BoStore       *self,
                    const gint64  *line_ids,
                    gsize          n_line_ids,
                    GArray       **po_ids,
                    GPtrArray    **skipped,
                    GError       **error)
{
  static const char *shortage_sql =
    "SELECT p.sku, p.backordered, " OPEN_PO_UNITS_SQL ", p.on_hand - p.allocated, "
    "  p.reorder_point, p.reorder_qty "
    "FROM products p WHERE p.id = ?";
  g_autoptr(GArray) products = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) written = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (!_bo_store_begin (self, error))
    return FALSE;

  ok = TRUE;
  if (line_ids == NULL)
    {
      ok = (stmt = _bo_store_prepare (self, "SELECT id FROM products p WHERE p.backordered > 0 "
                                      "OR (p.reorder_point > 0 AND p.discontinued = 0 "
                                      "    AND p.drop_ship = 0 "
                                      "    AND p.on_hand - p.allocated + " OPEN_PO_UNITS_SQL
                                      "        - p.backordered <= p.reorder_point) "
                                      "ORDER BY p.sku", error)) != NULL;
      while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (products, id);
        }
      if (ok)
        {
          sqlite3_reset (stmt);
          ok = rc == SQLITE_DONE || _bo_store_set_error (self, rc, error);
        }
    }
  for (gsize i = 0; ok && line_ids != NULL && i < n_line_ids; i++)
    {
      gint64 product_id = 0;

      ok = _bo_store_query_int (self, "SELECT product_id FROM order_lines WHERE id = ?",
                                line_ids[i], &product_id, error);
      if (ok && product_id == 0)
        {
          g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                       _("There is no order line %" PRId64), line_ids[i]);
          ok = FALSE;
        }
      if (ok && !g_hash_table_contains (seen, &product_id))
        {
          g_hash_table_add (seen, g_memdup2 (&product_id, sizeof product_id));
          g_array_append_val (products, product_id);
        }
    }

  for (guint i = 0; ok && i < products->len; i++)
    {
      gint64 product_id = g_array_index (products, gint64, i);
      g_autofree char *sku = NULL;
      gint64 needed = 0, supplier_id, min_qty = 1, cost = 0, quantity;
      gint64 *draft_id;

      ok = (stmt = _bo_store_prepare (self, shortage_sql, error)) != NULL;
      if (!ok)
        break;
      sqlite3_bind_int64 (stmt, 1, product_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          sku = _bo_store_column_dup (stmt, 0);
          needed = quantity_to_order (sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                                      sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 4),
                                      sqlite3_column_int64 (stmt, 5));
        }
      sqlite3_reset (stmt);
      if (needed <= 0)
        {
          g_ptr_array_add (notes, g_strdup_printf (_("%s: open purchase orders cover every "
                                                     "backorder already"), sku));
          continue;
        }
      supplier_id = _bo_store_choose_supplier (self, product_id, error);
      if (supplier_id < 0)
        {
          ok = FALSE;
          break;
        }
      if (supplier_id == 0)
        {
          g_ptr_array_add (notes, g_strdup_printf (_("%s: no supplier is linked to this product"),
                                                   sku));
          continue;
        }
      ok = (stmt = _bo_store_prepare (self, "SELECT min_order_qty FROM product_suppliers "
                                      "WHERE product_id = ?1 AND supplier_id = ?2", error)) != NULL;
      if (!ok)
        break;
      sqlite3_bind_int64 (stmt, 1, product_id);
      sqlite3_bind_int64 (stmt, 2, supplier_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        min_qty = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      quantity = MAX (needed, min_qty);

      draft_id = g_hash_table_lookup (drafts, &supplier_id);
      if (draft_id == NULL)
        {
          gint64 id = 0;

          ok = _bo_store_query_int (self, "SELECT id FROM purchase_orders WHERE supplier_id = ? "
                                    "AND status = 'draft' AND drop_ship = 0 "
                                    "ORDER BY id DESC LIMIT 1", supplier_id, &id, error);
          if (ok && id == 0)
            ok = (id = insert_po (self, supplier_id, error)) != 0;
          if (!ok)
            break;
          draft_id = g_memdup2 (&id, sizeof id);
          g_hash_table_insert (drafts, g_memdup2 (&supplier_id, sizeof supplier_id), draft_id);
          g_array_append_val (written, id);
        }

      /* Add to the product's line on that draft, or start one. */
      ok = (stmt = _bo_store_prepare (self, "UPDATE po_lines SET ordered = ordered + ?3 "
                                      "WHERE po_id = ?1 AND product_id = ?2", error)) != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, *draft_id);
          sqlite3_bind_int64 (stmt, 2, product_id);
          sqlite3_bind_int64 (stmt, 3, quantity);
          ok = _bo_store_step_done (self, stmt, error);
        }
      if (ok && sqlite3_changes (self->db) == 0)
        {
          gint64 eta = 0;

          /* A new line comes with the rest of the draft, if it has a date. */
          ok = (stmt = _bo_store_prepare (self, "SELECT min (eta) FROM po_lines WHERE po_id = ? "
                                          "AND received < ordered AND cancelled = 0",
                                          error)) != NULL;
          if (ok)
            {
              sqlite3_bind_int64 (stmt, 1, *draft_id);
              if (sqlite3_step (stmt) == SQLITE_ROW)
                eta = _bo_column_date (stmt, 0);
              sqlite3_reset (stmt);
            }
          ok = ok && supplier_cost (self, product_id, supplier_id, &cost, error) &&
               insert_po_line (self, *draft_id, product_id, quantity, cost, eta, error);
        }
    }

  /* A draft may already have an expected date: more units on it move promises. */
  if (ok)
    ok = _bo_store_refresh_promises_for (self, products, NULL, error);
  if (ok)
    {
      gint64 args[] = { written->len };

      ok = _bo_store_log_event_args (self, "po-drafted", "", args, G_N_ELEMENTS (args), NULL,
                                     error);
    }
  if (!_bo_store_finish (self, ok, TRUE, error))
    return FALSE;
  if (po_ids != NULL)
    *po_ids = g_steal_pointer (&written);
  if (skipped != NULL)
    *skipped = g_steal_pointer (&notes);
  return TRUE;
}

static GArray *
po_product_ids (BoPurchaseOrder *po)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < po->lines->len; i++)
    g_array_append_val (ids, ((BoPoLine *) g_ptr_array_index (po->lines, i))->product_id);
  return ids;
}

/**
 * bo_store_set_po_eta:
 * @eta: the supplier's expected arrival (Julian day), or 0 for unknown
 * @moved: (out) (optional): #BoPromiseChange for every order line whose
 *   promise date moved with it
 */
gboolean
bo_store_set_po_eta (BoStore  *self,
                     gint64    po_id,
                     guint32   eta,
                     GArray  **moved,
                     GError  **error)
{
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) changes = _bo_promise_changes_new ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (eta != 0 && !g_date_valid_julian (eta))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("Invalid expected date"));
      return FALSE;
    }
  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (po = bo_store_get_po (self, po_id, error)) != NULL && check_po_open (po, error) &&
       (stmt = _bo_store_prepare (self, "UPDATE po_lines SET eta = ?2 "
                                  "WHERE po_id = ?1 AND received < ordered", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, po_id);
      _bo_bind_date (stmt, 2, eta);
      ok = _bo_store_step_done (self, stmt, error);
    }
  /* A drop-ship purchase order is its customers' promise itself. */
  if (ok && po->drop_ship)
    ok = _bo_store_drop_ship_eta (self, po_id, eta, changes, error);
  else if (ok)
    {
      ids = po_product_ids (po);
      ok = _bo_store_refresh_promises_for (self, ids, changes, error);
    }
  if (ok)
    {
      g_autofree char *iso = _bo_date_to_iso (eta);
      ok = _bo_store_log_event (self, "po-eta", po->number, iso, error);
    }
  if (!_bo_store_finish (self, ok, TRUE, error))
    return FALSE;
  if (moved != NULL)
    *moved = g_steal_pointer (&changes);
  return TRUE;
}

/**
 * bo_store_set_po_status:
 * @status: %BO_PO_SENT (from draft) or %BO_PO_CANCELLED (what is outstanding
 *   stops counting as incoming). Partial and received follow from receipts.
 */
gboolean
bo_store_set_po_status (BoStore     *self,
                        gint64       po_id,
                        BoPoStatus   status,
                        GError     **error)
{
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (status != BO_PO_SENT && status != BO_PO_CANCELLED)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("A purchase order becomes partly received or received by receiving it"));
      return FALSE;
    }
  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (po = bo_store_get_po (self, po_id, error)) != NULL && check_po_open (po, error);
  if (ok && status == BO_PO_CANCELLED && po->drop_ship)
    {
      gint64 open = 0;

      ok = _bo_store_query_int (self,
                                "SELECT count (*) FROM po_lines pl "
                                "JOIN order_lines l ON l.id = pl.order_line_id "
                                "WHERE pl.po_id = ? AND l.ordered > l.shipped + l.cancelled",
                                po_id, &open, error);
      if (ok && open > 0)
        {
          g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                       _("Purchase order %s ships customers’ orders directly: cancel those "
                         "order lines instead"), po->number);
          ok = FALSE;
        }
    }
  if (ok && status == BO_PO_SENT && po->status != BO_PO_DRAFT)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED, _("Purchase order %s has been sent already"),
                   po->number);
      ok = FALSE;
    }
  if (ok)
    ok = (stmt = _bo_store_prepare (self,
                                    "UPDATE purchase_orders SET status = ?2, "
                                    "  sent_at = CASE WHEN ?2 = 'sent' THEN ?3 ELSE sent_at END "
                                    "WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, po_id);
      sqlite3_bind_text (stmt, 2, bo_po_status_to_string (status), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, bo_store_get_now (self));
      ok = _bo_store_step_done (self, stmt, error);
    }
  if (ok && status == BO_PO_CANCELLED)
    {
      ids = po_product_ids (po);
      ok = _bo_store_refresh_promises_for (self, ids, NULL, error);
    }
  if (ok)
    ok = _bo_store_log_event (self, status == BO_PO_SENT ? "po-sent" : "po-cancelled", po->number,
                              NULL, error);
  return _bo_store_finish (self, ok, TRUE, error);
}

/**
 * bo_store_receive_po:
 * @quantities: (array length=n_quantities): purchase-order line id and units
 *   received; with none, everything outstanding
 * @preview: %TRUE to work out the allocation plan without keeping anything
 * @result: (out) (optional): who gets the stock and why, and which orders
 *   can ship now
 *
 * Books arriving stock (partial receipts allowed) and gives it to the waiting
 * orders by the shop's policy.
 */
gboolean
bo_store_receive_po (BoStore             *self,
                     gint64               po_id,
                     const BoQuantity    *quantities,
                     gsize                n_quantities,
                     gboolean             preview,
                     BoAllocationResult **result,
                     GError             **error)
{
  g_autoptr(BoAllocationResult) res = _bo_allocation_result_new ();
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint32 today = bo_store_get_today (self);
  gint64 total = 0;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (po = bo_store_get_po (self, po_id, error)) != NULL && check_po_open (po, error);
  if (ok && po->drop_ship)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                   _("Purchase order %s is shipped by the supplier straight to the customer: "
                     "nothing arrives here; confirm that the supplier shipped it instead"),
                   po->number);
      ok = FALSE;
    }

  for (gsize j = 0; ok && j < n_quantities; j++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < po->lines->len; i++)
        found |= ((BoPoLine *) g_ptr_array_index (po->lines, i))->id == quantities[j].line_id;
      if (!found)
        {
          g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                       _("Purchase order %s has no line %" PRId64), po->number,
                       quantities[j].line_id);
          ok = FALSE;
        }
    }

  for (guint i = 0; ok && i < po->lines->len; i++)
    {
      const BoPoLine *line = g_ptr_array_index (po->lines, i);
      gint64 outstanding = line->ordered - line->received;
      gint64 quantity = n_quantities == 0 ? outstanding : 0;
      BoQuantity received;

      for (gsize j = 0; j < n_quantities; j++)
        if (quantities[j].line_id == line->id)
          quantity += quantities[j].quantity;
      if (quantity == 0)
        continue;
      if (quantity < 0 || quantity > outstanding)
        {
          g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                       _("%s on %s: %" PRId64 " are outstanding; cannot receive %"
                         PRId64), line->sku, po->number, outstanding, quantity);
          ok = FALSE;
          break;
        }
      ok = (stmt = _bo_store_prepare (self,
                                      "UPDATE po_lines SET received = received + ?2, "
                                      "  fully_received_date = CASE WHEN received + ?2 = ordered "
                                      "    THEN ?3 ELSE NULL END, "
                                      "  days_late = CASE WHEN received + ?2 = ordered "
                                      "    AND eta IS NOT NULL THEN ?4 ELSE NULL END "
                                      "WHERE id = ?1", error)) != NULL;
      if (!ok)
        break;
      sqlite3_bind_int64 (stmt, 1, line->id);
      sqlite3_bind_int64 (stmt, 2, quantity);
      _bo_bind_date (stmt, 3, today);
      sqlite3_bind_int64 (stmt, 4, line->eta != 0 && today > line->eta ? today - line->eta : 0);
      ok = _bo_store_step_done (self, stmt, error) &&
           _bo_store_move_stock (self, line->product_id, quantity, "receipt", po->number, error);
      received.line_id = line->product_id;
      received.quantity = quantity;
      g_array_append_val (res->received, received);
      g_array_append_val (ids, line->product_id);
      total += quantity;
    }
  if (ok && total == 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED, _("Nothing is outstanding on %s"),
                   po->number);
      ok = FALSE;
    }
  if (ok)
    ok = (stmt = _bo_store_prepare (self,
                                    "UPDATE purchase_orders SET status = CASE WHEN EXISTS "
                                    "  (SELECT 1 FROM po_lines WHERE po_id = ?1 "
                                    "   AND received < ordered AND cancelled = 0) "
                                    "  THEN 'partial' ELSE 'received' END WHERE id = ?1",
                                    error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, po_id);
      ok = _bo_store_step_done (self, stmt, error);
    }
  ok = ok && _bo_store_allocate (self, ids, res, NULL, error) &&
       _bo_store_refresh_promises_for (self, ids, NULL, error) &&
       _bo_store_collect_ready (self, res, error);
  if (ok)
    {
      gint64 args[] = { total, res->ready->len };

      ok = _bo_store_log_event_args (self, "po-received", po->number, args, G_N_ELEMENTS (args),
                                     NULL, error);
    }
  if (!_bo_store_finish (self, ok, !preview, error))
    return FALSE;
  if (!preview && self->tx_depth == 0)
    _bo_store_emit_stock_received (self, po->number, res);
  if (result != NULL)
    *result = g_steal_pointer (&res);
  return TRUE;
}

/**
 * _bo_store_add_to_draft:
 * @po_id: (out) (optional): the draft written to
 *
 * Adds @quantity of a product to the supplier's open draft (not a drop-ship
 * one), or to a new draft: to the product's line on it, or to a new line at
 * the supplier's cost. Runs in the caller's transaction; a draft may have an
 * expected date already, so promises are refreshed.
 */
gboolean
_bo_store_add_to_draft (BoStore  *self,
                        gint64    supplier_id,
                        gint64    product_id,
                        gint64    quantity,
                        gint64   *po_id,
                        GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 id = 0, cost = 0;
  guint32 eta = 0;

  if (quantity <= 0 || quantity > BO_QUANTITY_MAX)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The quantity to order must be a whole number from 1 to %" PRId64
                     ", not %" PRId64), BO_QUANTITY_MAX, quantity);
      return FALSE;
    }
  if (!_bo_store_query_int (self, "SELECT id FROM purchase_orders WHERE supplier_id = ? "
                            "AND status = 'draft' AND drop_ship = 0 ORDER BY id DESC LIMIT 1",
                            supplier_id, &id, error))
    return FALSE;
  if (id == 0 && (id = insert_po (self, supplier_id, error)) == 0)
    return FALSE;

  stmt = _bo_store_prepare (self, "UPDATE po_lines SET ordered = ordered + ?3 "
                            "WHERE id = (SELECT min (id) FROM po_lines WHERE po_id = ?1 "
                            "  AND product_id = ?2 AND cancelled = 0)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  sqlite3_bind_int64 (stmt, 3, quantity);
  if (!_bo_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      /* A new line shares the draft's expected date, if it has one. */
      stmt = _bo_store_prepare (self, "SELECT min (eta) FROM po_lines WHERE po_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        eta = _bo_column_date (stmt, 0);
      sqlite3_reset (stmt);
      if (!supplier_cost (self, product_id, supplier_id, &cost, error) ||
          !insert_po_line (self, id, product_id, quantity, cost, eta, error))
        return FALSE;
    }
  g_array_append_val (ids, product_id);
  if (!_bo_store_refresh_promises_for (self, ids, NULL, error))
    return FALSE;
  if (po_id != NULL)
    *po_id = id;
  return TRUE;
}
