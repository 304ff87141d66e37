/* bo-store-catalog.c — products, suppliers, customers and stock adjustments
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bo-store-private.h"
#include "backorders/bo-money.h"

/* ---- validation ---------------------------------------------------------- */

/* @new_sku: whether the SKU is being given now; a SKU saved before the rule
 * against spaces, ':' and '@' stays usable, so that its product can still
 * be edited (renaming it is what the rule asks). */
static gboolean
validate_product (BoStore          *self,
                  const BoProduct  *p,
                  gboolean          new_sku,
                  GError          **error)
{
  if ((new_sku ? !bo_check_sku (p->sku, error)
               : !bo_check_text (p->sku, _("The SKU"), TRUE, 100, BO_TEXT_LINE, error)) ||
      !bo_check_text (p->name, _("The product name"), TRUE, 500, BO_TEXT_LINE, error) ||
      !bo_check_text (p->location, _("The bin location"), FALSE, 100, BO_TEXT_LINE, error) ||
      !_bo_store_check_amount (self, p->price, _("The price"), error) ||
      !_bo_store_check_amount (self, p->cost, _("The cost"), error) ||
      !bo_check_quantity (p->on_hand, 0, _("The stock"), error) ||
      !bo_check_quantity (p->reorder_point, 0, _("The reorder point"), error) ||
      !bo_check_quantity (p->reorder_qty, 0, _("The reorder quantity"), error))
    return FALSE;
  if (p->backorder_policy > BO_BACKORDER_ALLOW_IF_INCOMING)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("Unknown backorder policy"));
      return FALSE;
    }
  return TRUE;
}

/* ---- products ------------------------------------------------------------ */

#define PRODUCT_COLUMNS \
  "p.id, p.sku, p.name, p.price, p.cost, p.on_hand, p.allocated, p.backordered, " \
  "(SELECT coalesce (sum (pl.ordered - pl.received), 0) FROM po_lines pl " \
  "   JOIN purchase_orders po ON po.id = pl.po_id " \
  "   WHERE pl.product_id = p.id AND pl.cancelled = 0 AND pl.eta IS NOT NULL " \
  "     AND pl.order_line_id IS NULL " \
  "     AND pl.received < pl.ordered AND po.status NOT IN ('cancelled', 'received')), " \
  "p.location, p.reorder_point, p.reorder_qty, p.backorder_policy, p.drop_ship, " \
  "p.discontinued, p.external_ref "

static BoProduct *
read_product (sqlite3_stmt *stmt)
{
  BoProduct *p = bo_product_new ();

  p->id = sqlite3_column_int64 (stmt, 0);
  p->sku = _bo_store_column_dup (stmt, 1);
  p->name = _bo_store_column_dup (stmt, 2);
  p->price = sqlite3_column_int64 (stmt, 3);
  p->cost = sqlite3_column_int64 (stmt, 4);
  p->on_hand = sqlite3_column_int64 (stmt, 5);
  p->allocated = sqlite3_column_int64 (stmt, 6);
  p->backordered = sqlite3_column_int64 (stmt, 7);
  p->incoming = sqlite3_column_int64 (stmt, 8);
  p->location = _bo_store_column_dup (stmt, 9);
  p->reorder_point = sqlite3_column_int64 (stmt, 10);
  p->reorder_qty = sqlite3_column_int64 (stmt, 11);
  bo_backorder_policy_from_string ((const char *) sqlite3_column_text (stmt, 12),
                                   &p->backorder_policy);
  p->drop_ship = sqlite3_column_int (stmt, 13);
  p->discontinued = sqlite3_column_int (stmt, 14);
  p->external_ref = _bo_store_column_dup (stmt, 15);
  return p;
}

gint64
_bo_store_incoming (BoStore  *self,
                    gint64    product_id,
                    GError  **error)
{
  gint64 incoming = 0;

  _bo_store_query_int (self,
                       "SELECT coalesce (sum (pl.ordered - pl.received), 0) FROM po_lines pl "
                       "JOIN purchase_orders po ON po.id = pl.po_id "
                       "WHERE pl.product_id = ? AND pl.cancelled = 0 AND pl.eta IS NOT NULL "
                       "  AND pl.received < pl.ordered AND pl.order_line_id IS NULL "
                       "  AND po.status NOT IN ('cancelled', 'received')",
                       product_id, &incoming, error);
  return incoming;
}

/**
 * bo_store_save_product:
 * @product: the product; with id 0 it is created and its id set. Stock given
 *   to a new product is booked as its initial stock; later changes of stock go
 *   through bo_store_adjust_stock().
 */
gboolean
bo_store_save_product (BoStore    *self,
                       BoProduct  *product,
                       GError    **error)
{
  static const char *insert_sql =
    "INSERT INTO products (sku, name, price, cost, location, reorder_point, reorder_qty, "
    "  backorder_policy, drop_ship, discontinued, external_ref, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
  static const char *update_sql =
    "UPDATE products SET sku = ?1, name = ?2, price = ?3, cost = ?4, location = ?5, "
    "  reorder_point = ?6, reorder_qty = ?7, backorder_policy = ?8, drop_ship = ?9, "
    "  discontinued = ?10, external_ref = ?11 WHERE id = ?13";
  g_autoptr(BoProduct) existing = NULL;
  sqlite3_stmt *stmt;
  gboolean creating;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);
  g_return_val_if_fail (product != NULL, FALSE);

  creating = product->id == 0;
  existing = bo_store_find_product (self, product->sku, NULL);
  if (!validate_product (self, product, existing == NULL || existing->id != product->id, error))
    return FALSE;
  if (existing != NULL && existing->id != product->id)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_CONFLICT,
                   _("The SKU “%s” is already used by “%s”"), product->sku, existing->name);
      return FALSE;
    }

  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (stmt = _bo_store_prepare (self, creating ? insert_sql : update_sql, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, product->sku, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, product->name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, product->price);
      sqlite3_bind_int64 (stmt, 4, product->cost);
      sqlite3_bind_text (stmt, 5, product->location != NULL ? product->location : "", -1,
                         SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, product->reorder_point);
      sqlite3_bind_int64 (stmt, 7, product->reorder_qty);
      sqlite3_bind_text (stmt, 8, bo_backorder_policy_to_string (product->backorder_policy), -1,
                         SQLITE_STATIC);
      sqlite3_bind_int (stmt, 9, product->drop_ship ? 1 : 0);
      sqlite3_bind_int (stmt, 10, product->discontinued ? 1 : 0);
      if (product->external_ref != NULL && *product->external_ref != '\0')
        sqlite3_bind_text (stmt, 11, product->external_ref, -1, SQLITE_STATIC);
      if (creating)
        sqlite3_bind_int64 (stmt, 12, bo_store_get_now (self));
      else
        sqlite3_bind_int64 (stmt, 13, product->id);
      ok = _bo_store_step_done (self, stmt, error);
    }
  if (ok && creating)
    {
      product->id = sqlite3_last_insert_rowid (self->db);
      ok = _bo_store_move_stock (self, product->id, product->on_hand, "initial", NULL, error);
    }
  else if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND, _("There is no product with id %" PRId64),
                   product->id);
      ok = FALSE;
    }
  if (ok)
    ok = _bo_store_log_event (self, creating ? "product-created" : "product-changed",
                              product->sku, product->name, error);
  if (!_bo_store_finish (self, ok, TRUE, error))
    {
      if (creating)
        product->id = 0;
      return FALSE;
    }
  return TRUE;
}

static BoProduct *
get_product_where (BoStore     *self,
                   const char  *sql,
                   gint64       id,
                   const char  *sku,
                   GError     **error)
{
  sqlite3_stmt *stmt = _bo_store_prepare (self, sql, error);
  BoProduct *product = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (sku != NULL)
    sqlite3_bind_text (stmt, 1, sku, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    product = read_product (stmt);
  else if (rc != SQLITE_DONE)
    _bo_store_set_error (self, rc, error);
  else if (sku != NULL)
    g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND, _("There is no product with SKU “%s”"), sku);
  else
    g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                 _("There is no product with id %" PRId64), id);
  sqlite3_reset (stmt);
  return product;
}

BoProduct *
bo_store_get_product (BoStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (BO_IS_STORE (self), NULL);
  return get_product_where (self, "SELECT " PRODUCT_COLUMNS "FROM products p WHERE p.id = ?",
                            id, NULL, error);
}

BoProduct *
bo_store_find_product (BoStore     *self,
                       const char  *sku,
                       GError     **error)
{
  g_return_val_if_fail (BO_IS_STORE (self), NULL);
  g_return_val_if_fail (sku != NULL, NULL);
  return get_product_where (self, "SELECT " PRODUCT_COLUMNS "FROM products p WHERE p.sku = ?",
                            0, sku, error);
}

static const BoSortKey product_sort_keys[] = {
  { "sku", "p.sku", "p.sku DESC" },
  { "name", "p.name COLLATE NOCASE, p.sku", "p.name COLLATE NOCASE DESC, p.sku DESC" },
  { "on-hand", "p.on_hand, p.sku", "p.on_hand DESC, p.sku" },
  { "available", "p.on_hand - p.allocated, p.sku", "p.on_hand - p.allocated DESC, p.sku" },
  { "backordered", "p.backordered, p.sku", "p.backordered DESC, p.sku" },
  { "price", "p.price, p.sku", "p.price DESC, p.sku" },
  { "location", "p.location, p.sku", "p.location DESC, p.sku" },
  { NULL }
};

/**
 * bo_store_list_products:
 * @search: (nullable): text in the SKU or name
 * @sort: (nullable): sku, name, on-hand, available, backordered, price or
 *   location; a leading "-" sorts descending
 * @limit: rows to return, 0 for all
 */
GPtrArray *
bo_store_list_products (BoStore     *self,
                        const char  *search,
                        const char  *sort,
                        guint        offset,
                        guint        limit,
                        GError     **error)
{
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_product_free);
  g_autofree char *pattern = _bo_store_like_pattern (search);
  sqlite3_stmt *stmt;
  int rc;

  const char *sql;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  sql = _bo_store_sorted_sql ("SELECT " PRODUCT_COLUMNS "FROM products p "
                              "WHERE ?1 IS NULL OR p.sku LIKE ?1 ESCAPE '\\' "
                              "   OR p.name LIKE ?1 ESCAPE '\\' "
                              "ORDER BY %s LIMIT ?2 OFFSET ?3", product_sort_keys, sort, error);
  if (sql == NULL || (stmt = _bo_store_prepare (self, sql, error)) == NULL)
    return NULL;
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 3, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (products, read_product (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&products);
}

gint64
bo_store_count_products (BoStore     *self,
                         const char  *search,
                         GError     **error)
{
  g_return_val_if_fail (BO_IS_STORE (self), -1);

  return _bo_store_count_search (self,
                                 "SELECT count (*) FROM products p "
                                 "WHERE ?1 IS NULL OR p.sku LIKE ?1 ESCAPE '\\' "
                                 "   OR p.name LIKE ?1 ESCAPE '\\'", search, error);
}

/**
 * bo_store_adjust_stock:
 * @delta: units to add (positive) or remove (negative)
 * @note: why, kept with the movement
 * @result: (out) (optional): the allocation that arriving stock caused
 *
 * Corrects the stock on hand. Stock allocated to orders cannot be removed
 * this way; added stock goes to waiting orders at once.
 */
gboolean
bo_store_adjust_stock (BoStore             *self,
                       gint64               product_id,
                       gint64               delta,
                       const char          *note,
                       BoAllocationResult **result,
                       GError             **error)
{
  g_autoptr(BoProduct) product = NULL;
  g_autoptr(BoAllocationResult) res = _bo_allocation_result_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (delta == 0 || delta > BO_QUANTITY_MAX || delta < -BO_QUANTITY_MAX)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("A stock adjustment must be a whole number of units from -1,000,000,000 "
                     "to 1,000,000,000 other than 0, not %" PRId64),
                   delta);
      return FALSE;
    }
  if (!bo_check_text (note, _("The note"), FALSE, 500, BO_TEXT_LINE, error))
    return FALSE;
  if (!_bo_store_begin (self, error))
    return FALSE;
  product = bo_store_get_product (self, product_id, error);
  ok = product != NULL;
  if (ok && product->on_hand + delta > BO_QUANTITY_MAX)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                   _("%s would have %" PRId64 " on hand; stock is limited to "
                     "1,000,000,000 units"),
                   product->sku, product->on_hand + delta);
      ok = FALSE;
    }
  if (ok && product->on_hand + delta < product->allocated)
    {
      if (product->on_hand + delta < 0)
        g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                     _("%s has only %" PRId64 " on hand; cannot remove %" PRId64),
                     product->sku, product->on_hand, -delta);
      else
        g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                     _("%s: %" PRId64 " of the %" PRId64 " units on hand are "
                       "allocated to orders; cancel or ship them before removing stock"),
                     product->sku, product->allocated, product->on_hand);
      ok = FALSE;
    }
  if (ok)
    ok = _bo_store_move_stock (self, product_id, delta, "adjustment", note, error);
  if (ok && delta > 0)
    {
      g_array_append_val (ids, product_id);
      ok = _bo_store_allocate (self, ids, res, NULL, error) &&
           _bo_store_refresh_promises_for (self, ids, NULL, error) &&
           _bo_store_collect_ready (self, res, error);
    }
  if (ok)
    {
      g_autofree char *detail = g_strdup_printf ("%+" PRId64 " %s", delta,
                                                 note != NULL ? note : "");
      ok = _bo_store_log_event (self, "stock-adjusted", product->sku, detail, error);
    }
  if (!_bo_store_finish (self, ok, TRUE, error))
    return FALSE;
  if (result != NULL)
    *result = g_steal_pointer (&res);
  return TRUE;
}

GPtrArray *
bo_store_list_movements (BoStore  *self,
                         gint64    product_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) movements = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_movement_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  stmt = _bo_store_prepare (self,
                            "SELECT m.id, m.at, m.product_id, p.sku, m.delta, m.reason, m.reference "
                            "FROM stock_movements m JOIN products p ON p.id = m.product_id "
                            "WHERE m.product_id = ? ORDER BY m.at DESC, m.id DESC LIMIT 500",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoMovement *m = g_new0 (BoMovement, 1);

      m->id = sqlite3_column_int64 (stmt, 0);
      m->at = sqlite3_column_int64 (stmt, 1);
      m->product_id = sqlite3_column_int64 (stmt, 2);
      m->sku = _bo_store_column_dup (stmt, 3);
      m->delta = sqlite3_column_int64 (stmt, 4);
      m->reason = _bo_store_column_dup (stmt, 5);
      m->reference = _bo_store_column_dup (stmt, 6);
      g_ptr_array_add (movements, m);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&movements);
}

/* ---- suppliers ----------------------------------------------------------- */

static BoSupplier *
read_supplier (sqlite3_stmt *stmt)
{
  BoSupplier *s = bo_supplier_new ();

  s->id = sqlite3_column_int64 (stmt, 0);
  s->name = _bo_store_column_dup (stmt, 1);
  s->email = _bo_store_column_dup (stmt, 2);
  s->lead_days = sqlite3_column_int (stmt, 3);
  s->notes = _bo_store_column_dup (stmt, 4);
  return s;
}

gboolean
bo_store_save_supplier (BoStore     *self,
                        BoSupplier  *supplier,
                        GError     **error)
{
  static const char *insert_sql =
    "INSERT INTO suppliers (name, email, lead_days, notes, created_at) VALUES (?1, ?2, ?3, ?4, ?5)";
  static const char *update_sql =
    "UPDATE suppliers SET name = ?1, email = ?2, lead_days = ?3, notes = ?4 WHERE id = ?6";
  g_autoptr(BoSupplier) existing = NULL;
  gboolean creating;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);
  g_return_val_if_fail (supplier != NULL, FALSE);

  if (!bo_check_text (supplier->name, _("The supplier name"), TRUE, 200, BO_TEXT_LINE, error) ||
      !bo_check_text (supplier->email, _("The email address"), FALSE, 320, BO_TEXT_LINE, error) ||
      !bo_check_text (supplier->notes, _("The notes"), FALSE, 10000, BO_TEXT_MULTILINE, error))
    return FALSE;
  if (supplier->lead_days < 0 || supplier->lead_days > 365)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The lead time must be between 0 and 365 days, not %d"), supplier->lead_days);
      return FALSE;
    }
  existing = bo_store_find_supplier (self, supplier->name, NULL);
  if (existing != NULL && existing->id != supplier->id)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_CONFLICT, _("There is already a supplier called “%s”"),
                   supplier->name);
      return FALSE;
    }

  creating = supplier->id == 0;
  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (stmt = _bo_store_prepare (self, creating ? insert_sql : update_sql, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, supplier->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, supplier->email != NULL ? supplier->email : "", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, supplier->lead_days);
      sqlite3_bind_text (stmt, 4, supplier->notes != NULL ? supplier->notes : "", -1, SQLITE_STATIC);
      if (creating)
        sqlite3_bind_int64 (stmt, 5, bo_store_get_now (self));
      else
        sqlite3_bind_int64 (stmt, 6, supplier->id);
      ok = _bo_store_step_done (self, stmt, error);
    }
  if (ok && creating)
    supplier->id = sqlite3_last_insert_rowid (self->db);
  if (ok)
    ok = _bo_store_log_event (self, creating ? "supplier-created" : "supplier-changed",
                              supplier->name, NULL, error);
  if (!_bo_store_finish (self, ok, TRUE, error))
    {
      if (creating)
        supplier->id = 0;
      return FALSE;
    }
  return TRUE;
}

static BoSupplier *
get_supplier_where (BoStore     *self,
                    const char  *sql,
                    gint64       id,
                    const char  *name,
                    GError     **error)
{
  sqlite3_stmt *stmt = _bo_store_prepare (self, sql, error);
  BoSupplier *supplier = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (name != NULL)
    sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    supplier = read_supplier (stmt);
  else if (rc != SQLITE_DONE)
    _bo_store_set_error (self, rc, error);
  else if (name != NULL)
    g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND, _("There is no supplier called “%s”"), name);
  else
    g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                 _("There is no supplier with id %" PRId64), id);
  sqlite3_reset (stmt);
  return supplier;
}

BoSupplier *
bo_store_get_supplier (BoStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (BO_IS_STORE (self), NULL);
  return get_supplier_where (self, "SELECT id, name, email, lead_days, notes FROM suppliers "
                             "WHERE id = ?", id, NULL, error);
}

BoSupplier *
bo_store_find_supplier (BoStore     *self,
                        const char  *name,
                        GError     **error)
{
  g_return_val_if_fail (BO_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return get_supplier_where (self, "SELECT id, name, email, lead_days, notes FROM suppliers "
                             "WHERE name = ? COLLATE NOCASE", 0, name, error);
}

GPtrArray *
bo_store_list_suppliers (BoStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) suppliers = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_supplier_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  stmt = _bo_store_prepare (self, "SELECT id, name, email, lead_days, notes FROM suppliers "
                            "ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (suppliers, read_supplier (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&suppliers);
}

#define SUPPLIER_PAGE_FROM \
  "FROM suppliers s LEFT JOIN " \
  "  (SELECT po.supplier_id, count (*) AS received, sum (pl.days_late = 0) AS on_time, " \
  "     sum (pl.days_late) AS days_late, sum (pl.days_late > 0) AS late " \
  "   FROM po_lines pl JOIN purchase_orders po ON po.id = pl.po_id " \
  "   WHERE pl.days_late IS NOT NULL GROUP BY po.supplier_id) t ON t.supplier_id = s.id " \
  "WHERE ?1 IS NULL OR s.name LIKE ?1 ESCAPE '\\' OR s.email LIKE ?1 ESCAPE '\\' "

/* Suppliers never delivered to come after every rate. */
#define ON_TIME_SQL "CASE WHEN t.received > 0 THEN 1.0 * t.on_time / t.received ELSE -1 END"
#define DAYS_LATE_SQL "CASE WHEN t.received > 0 THEN 1.0 * t.days_late / t.received ELSE -1 END"

static const BoSortKey supplier_sort_keys[] = {
  { "name", "s.name COLLATE NOCASE, s.id", "s.name COLLATE NOCASE DESC, s.id DESC" },
  { "email", "s.email COLLATE NOCASE, s.name COLLATE NOCASE",
    "s.email COLLATE NOCASE DESC, s.name COLLATE NOCASE" },
  { "lead-days", "s.lead_days, s.name COLLATE NOCASE", "s.lead_days DESC, s.name COLLATE NOCASE" },
  { "on-time", ON_TIME_SQL ", s.name COLLATE NOCASE", ON_TIME_SQL " DESC, s.name COLLATE NOCASE" },
  { "days-late", DAYS_LATE_SQL ", s.name COLLATE NOCASE",
    DAYS_LATE_SQL " DESC, s.name COLLATE NOCASE" },
  { NULL }
};

/**
 * bo_store_list_suppliers_page:
 * @search: (nullable): text in the name or email address
 * @sort: (nullable): name, email, lead-days, on-time or days-late; a leading
 *   "-" sorts descending
 * @limit: rows to return, 0 for all
 * @counts: (out) (optional) (element-type BoSupplierCounts): each returned
 *   supplier's delivery record, in the same order
 *
 * Returns: (transfer full) (element-type BoSupplier): a page of suppliers
 */
GPtrArray *
bo_store_list_suppliers_page (BoStore     *self,
                              const char  *search,
                              const char  *sort,
                              guint        offset,
                              guint        limit,
                              GArray     **counts,
                              GError     **error)
{
  g_autoptr(GPtrArray) suppliers = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_supplier_free);
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (BoSupplierCounts));
  g_autofree char *pattern = _bo_store_like_pattern (search);
  sqlite3_stmt *stmt;
  const char *sql;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  sql = _bo_store_sorted_sql ("SELECT s.id, s.name, s.email, s.lead_days, s.notes, "
                              "  coalesce (t.received, 0), coalesce (t.on_time, 0), "
                              "  coalesce (t.days_late, 0), coalesce (t.late, 0) "
                              SUPPLIER_PAGE_FROM
                              "ORDER BY %s LIMIT ?2 OFFSET ?3", supplier_sort_keys, sort, error);
  if (sql == NULL || (stmt = _bo_store_prepare (self, sql, error)) == NULL)
    return NULL;
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 3, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoSupplier *supplier = read_supplier (stmt);
      BoSupplierCounts c = { supplier->id, NULL, sqlite3_column_int64 (stmt, 5),
                             sqlite3_column_int64 (stmt, 6), sqlite3_column_int64 (stmt, 7),
                             sqlite3_column_int64 (stmt, 8) };

      g_ptr_array_add (suppliers, supplier);
      g_array_append_val (records, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  if (counts != NULL)
    *counts = g_steal_pointer (&records);
  return g_steal_pointer (&suppliers);
}

gint64
bo_store_count_suppliers (BoStore     *self,
                          const char  *search,
                          GError     **error)
{
  g_return_val_if_fail (BO_IS_STORE (self), -1);

  return _bo_store_count_search (self,
                                 "SELECT count (*) FROM suppliers s "
                                 "WHERE ?1 IS NULL OR s.name LIKE ?1 ESCAPE '\\' "
                                 "   OR s.email LIKE ?1 ESCAPE '\\'", search, error);
}

/**
 * bo_store_link_supplier:
 * @link: the link; creates it or replaces the existing one of the same pair.
 *   A preferred link makes the product's other links not preferred.
 */
gboolean
bo_store_link_supplier (BoStore                 *self,
                        const BoProductSupplier *link,
                        GError                 **error)
{
  g_autoptr(BoProduct) product = NULL;
  g_autoptr(BoSupplier) supplier = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);
  g_return_val_if_fail (link != NULL, FALSE);

  if ((product = bo_store_get_product (self, link->product_id, error)) == NULL ||
      (supplier = bo_store_get_supplier (self, link->supplier_id, error)) == NULL)
    return FALSE;
  if (!bo_check_text (link->supplier_sku, _("The supplier’s SKU"), FALSE, 100, BO_TEXT_LINE,
                      error) ||
      (link->cost >= 0 && !_bo_store_check_amount (self, link->cost, _("The cost"), error)) ||
      !bo_check_quantity (link->min_order_qty, 1, _("The minimum order quantity"), error))
    return FALSE;
  if (link->min_order_qty < 1)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The minimum order quantity must be at least 1"));
      return FALSE;
    }
  if (link->lead_days > 365)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The lead time must be between 0 and 365 days, not %d"), link->lead_days);
      return FALSE;
    }

  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = TRUE;
  if (link->preferred)
    {
      ok = (stmt = _bo_store_prepare (self, "UPDATE product_suppliers SET preferred = 0 "
                                      "WHERE product_id = ?", error)) != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, link->product_id);
          ok = _bo_store_step_done (self, stmt, error);
        }
    }
  if (ok)
    ok = (stmt = _bo_store_prepare (self,
                                    "INSERT OR REPLACE INTO product_suppliers (product_id, "
                                    "  supplier_id, supplier_sku, cost, lead_days, min_order_qty, "
                                    "  preferred) VALUES (?, ?, ?, ?, ?, ?, ?)", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, link->product_id);
      sqlite3_bind_int64 (stmt, 2, link->supplier_id);
      sqlite3_bind_text (stmt, 3, link->supplier_sku != NULL ? link->supplier_sku : "", -1,
                         SQLITE_STATIC);
      if (link->cost >= 0)
        sqlite3_bind_int64 (stmt, 4, link->cost);
      if (link->lead_days >= 0)
        sqlite3_bind_int (stmt, 5, link->lead_days);
      sqlite3_bind_int64 (stmt, 6, link->min_order_qty);
      sqlite3_bind_int (stmt, 7, link->preferred ? 1 : 0);
      ok = _bo_store_step_done (self, stmt, error);
    }
  if (ok)
    ok = _bo_store_log_event (self, "supplier-linked", product->sku, supplier->name, error);
  return _bo_store_finish (self, ok, TRUE, error);
}

gboolean
bo_store_unlink_supplier (BoStore  *self,
                          gint64    product_id,
                          gint64    supplier_id,
                          GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (stmt = _bo_store_prepare (self, "DELETE FROM product_suppliers "
                                  "WHERE product_id = ? AND supplier_id = ?", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, product_id);
      sqlite3_bind_int64 (stmt, 2, supplier_id);
      ok = _bo_store_step_done (self, stmt, error);
    }
  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND, _("The product has no such supplier"));
      ok = FALSE;
    }
  if (ok)
    {
      g_autofree char *subject = g_strdup_printf ("%" PRId64, product_id);
      ok = _bo_store_log_event (self, "supplier-unlinked", subject, NULL, error);
    }
  return _bo_store_finish (self, ok, TRUE, error);
}

GPtrArray *
bo_store_list_product_suppliers (BoStore  *self,
                                 gint64    product_id,
                                 GError  **error)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_product_supplier_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  stmt = _bo_store_prepare (self,
                            "SELECT ps.product_id, ps.supplier_id, s.name, ps.supplier_sku, "
                            "  ps.cost, ps.lead_days, ps.min_order_qty, ps.preferred "
                            "FROM product_suppliers ps JOIN suppliers s ON s.id = ps.supplier_id "
                            "WHERE ps.product_id = ? ORDER BY ps.preferred DESC, s.name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoProductSupplier *link = bo_product_supplier_new ();

      link->product_id = sqlite3_column_int64 (stmt, 0);
      link->supplier_id = sqlite3_column_int64 (stmt, 1);
      link->supplier_name = _bo_store_column_dup (stmt, 2);
      link->supplier_sku = _bo_store_column_dup (stmt, 3);
      link->cost = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 4);
      link->lead_days = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 5);
      link->min_order_qty = sqlite3_column_int64 (stmt, 6);
      link->preferred = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (links, link);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&links);
}

/* ---- customers ----------------------------------------------------------- */

#define CUSTOMER_COLUMNS "id, name, email, address, tier, ship_complete, external_ref "

static BoCustomer *
read_customer (sqlite3_stmt *stmt)
{
  BoCustomer *c = bo_customer_new ();

  c->id = sqlite3_column_int64 (stmt, 0);
  c->name = _bo_store_column_dup (stmt, 1);
  c->email = _bo_store_column_dup (stmt, 2);
  c->address = _bo_store_column_dup (stmt, 3);
  c->tier = sqlite3_column_int (stmt, 4);
  c->ship_complete = sqlite3_column_int (stmt, 5);
  c->external_ref = _bo_store_column_dup (stmt, 6);
  return c;
}

gboolean
bo_store_save_customer (BoStore     *self,
                        BoCustomer  *customer,
                        GError     **error)
{
  static const char *insert_sql =
    "INSERT INTO customers (name, email, address, tier, ship_complete, external_ref, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  static const char *update_sql =
    "UPDATE customers SET name = ?1, email = ?2, address = ?3, tier = ?4, ship_complete = ?5, "
    "  external_ref = ?6 WHERE id = ?8";
  gboolean creating;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);
  g_return_val_if_fail (customer != NULL, FALSE);

  if (!bo_check_text (customer->name, _("The customer name"), TRUE, 200, BO_TEXT_LINE, error) ||
      !bo_check_text (customer->email, _("The email address"), FALSE, 320, BO_TEXT_LINE, error) ||
      !bo_check_text (customer->address, _("The address"), FALSE, 2000, BO_TEXT_MULTILINE,
                      error))
    return FALSE;
  if (customer->email != NULL && *customer->email != '\0' &&
      (strchr (customer->email, '@') == NULL || strpbrk (customer->email, " \t\r\n<>") != NULL))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("“%s” is not an email address"),
                   customer->email);
      return FALSE;
    }
  if (customer->tier < 0 || customer->tier > 9)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The priority tier must be between 0 and 9, not %d"), customer->tier);
      return FALSE;
    }

  creating = customer->id == 0;
  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (stmt = _bo_store_prepare (self, creating ? insert_sql : update_sql, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, customer->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, customer->email != NULL ? customer->email : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, customer->address != NULL ? customer->address : "", -1,
                         SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, customer->tier);
      sqlite3_bind_int (stmt, 5, customer->ship_complete ? 1 : 0);
      if (customer->external_ref != NULL && *customer->external_ref != '\0')
        sqlite3_bind_text (stmt, 6, customer->external_ref, -1, SQLITE_STATIC);
      if (creating)
        sqlite3_bind_int64 (stmt, 7, bo_store_get_now (self));
      else
        sqlite3_bind_int64 (stmt, 8, customer->id);
      ok = _bo_store_step_done (self, stmt, error);
    }
  if (ok && creating)
    customer->id = sqlite3_last_insert_rowid (self->db);
  if (ok)
    ok = _bo_store_log_event (self, creating ? "customer-created" : "customer-changed",
                              customer->name, NULL, error);
  if (!_bo_store_finish (self, ok, TRUE, error))
    {
      if (creating)
        customer->id = 0;
      return FALSE;
    }
  return TRUE;
}

BoCustomer *
bo_store_get_customer (BoStore  *self,
                       gint64    id,
                       GError  **error)
{
  sqlite3_stmt *stmt;
  BoCustomer *customer = NULL;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  stmt = _bo_store_prepare (self, "SELECT " CUSTOMER_COLUMNS "FROM customers WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    customer = read_customer (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                 _("There is no customer with id %" PRId64), id);
  else
    _bo_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return customer;
}

/**
 * bo_store_find_customer:
 * @name_or_email: an email address, or a name
 *
 * Finds a customer by email address, else by name. Two customers of the same
 * name make the name ambiguous: the error asks for the email address.
 */
BoCustomer *
bo_store_find_customer (BoStore     *self,
                        const char  *name_or_email,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  BoCustomer *customer = NULL;
  guint found = 0;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);
  g_return_val_if_fail (name_or_email != NULL, NULL);

  stmt = _bo_store_prepare (self,
                            "SELECT " CUSTOMER_COLUMNS "FROM customers "
                            "WHERE (?1 LIKE '%@%' AND email = ?1 COLLATE NOCASE) "
                            "   OR (?1 NOT LIKE '%@%' AND name = ?1 COLLATE NOCASE) "
                            "ORDER BY id LIMIT 2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name_or_email, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (found++ == 0)
        customer = read_customer (stmt);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bo_customer_free (customer);
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  if (found == 0)
    g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND, _("There is no customer “%s”"), name_or_email);
  else if (found > 1)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("Several customers are called “%s”; give the email address instead"),
                   name_or_email);
      g_clear_pointer (&customer, bo_customer_free);
    }
  return customer;
}

static const BoSortKey customer_sort_keys[] = {
  { "name", "name COLLATE NOCASE, id", "name COLLATE NOCASE DESC, id DESC" },
  { "email", "email COLLATE NOCASE, id", "email COLLATE NOCASE DESC, id DESC" },
  { "tier", "tier, name COLLATE NOCASE", "tier DESC, name COLLATE NOCASE" },
  { NULL }
};

/**
 * bo_store_list_customers:
 * @search: (nullable): text in the name or email address
 * @sort: (nullable): name, email or tier; a leading "-" sorts descending
 * @limit: rows to return, 0 for all
 */
gint64
bo_store_count_customers (BoStore     *self,
                          const char  *search,
                          GError     **error)
{
  g_return_val_if_fail (BO_IS_STORE (self), -1);

  return _bo_store_count_search (self,
                                 "SELECT count (*) FROM customers "
                                 "WHERE ?1 IS NULL OR name LIKE ?1 ESCAPE '\\' "
                                 "   OR email LIKE ?1 ESCAPE '\\'", search, error);
}

GPtrArray *
bo_store_list_customers (BoStore     *self,
                         const char  *search,
                         const char  *sort,
                         guint        offset,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_customer_free);
  g_autofree char *pattern = _bo_store_like_pattern (search);
  sqlite3_stmt *stmt;
  int rc;

  const char *sql;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  sql = _bo_store_sorted_sql ("SELECT " CUSTOMER_COLUMNS "FROM customers "
                              "WHERE ?1 IS NULL OR name LIKE ?1 ESCAPE '\\' "
                              "   OR email LIKE ?1 ESCAPE '\\' "
                              "ORDER BY %s LIMIT ?2 OFFSET ?3", customer_sort_keys, sort, error);
  if (sql == NULL || (stmt = _bo_store_prepare (self, sql, error)) == NULL)
    return NULL;
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 3, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (customers, read_customer (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&customers);
}
