/* bo-store-orders.c — placing orders, shipping them, cancelling lines
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "backorders/bo-promise.h"
#include "bo-store-private.h"
#include "backorders/bo-money.h"

#define BO_MAX_ORDER_LINES 1000

/* ---- drafts and outcomes --------------------------------------------------- */

static void
line_draft_clear (gpointer data)
{
  g_free (((BoLineDraft *) data)->sku);
}

BoOrderDraft *
bo_order_draft_new (void)
{
  BoOrderDraft *draft = g_new0 (BoOrderDraft, 1);

  draft->ship_complete = -1;
  draft->priority = -1;
  draft->lines = g_array_new (FALSE, TRUE, sizeof (BoLineDraft));
  g_array_set_clear_func (draft->lines, line_draft_clear);
  return draft;
}

void
bo_order_draft_add_line (BoOrderDraft *draft,
                         const char   *sku,
                         gint64        quantity,
                         gint64        unit_price)
{
  BoLineDraft line = { g_strdup (sku), quantity, unit_price };

  g_return_if_fail (draft != NULL);
  g_array_append_val (draft->lines, line);
}

void
bo_order_draft_free (BoOrderDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->number);
  g_free (draft->external_ref);
  g_free (draft->notes);
  g_clear_pointer (&draft->lines, g_array_unref);
  g_free (draft);
}

static void
line_outcome_clear (gpointer data)
{
  BoLineOutcome *line = data;

  g_free (line->sku);
  g_free (line->reason);
  g_free (line->refusal);
}

/* For bo-store-preview.c, which builds outcomes too. */
void
_bo_line_outcome_clear (gpointer data)
{
  line_outcome_clear (data);
}

void
bo_order_outcome_free (BoOrderOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_free (outcome->number);
  g_free (outcome->problem);
  g_clear_pointer (&outcome->lines, g_array_unref);
  g_free (outcome);
}

/* ---- placing ---------------------------------------------------------------- */

void
_bo_placed_line_clear (gpointer data)
{
  g_free (((BoPlacedLine *) data)->sku);
  g_free (((BoPlacedLine *) data)->refusal);
}

/* What an order number typed by the merchant must be. */
gboolean
_bo_check_order_number (const char  *number,
                        GError     **error)
{
  if (*number == '\0' || g_utf8_strlen (number, -1) > 50 || !g_utf8_validate (number, -1, NULL))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The order number must be 1 to 50 characters"));
      return FALSE;
    }
  return bo_check_text (number, _("The order number"), TRUE, 50, BO_TEXT_LINE, error);
}

/**
 * _bo_store_validate_draft:
 * @placed: receives a #BoPlacedLine per line of @draft
 * @collect: %TRUE to note a line that cannot be placed in its
 *   #BoPlacedLine.refusal and go on (a preview), %FALSE to fail on it
 *
 * Checks a draft and reads what placing needs of each line's product.
 */
gboolean
_bo_store_validate_draft (BoStore            *self,
                          const BoOrderDraft *draft,
                          GArray             *placed,
                          gboolean            collect,
                          GError            **error)
{
  g_autoptr(BoCustomer) customer = NULL;
  gint64 order_value = 0;

  if ((customer = bo_store_get_customer (self, draft->customer_id, error)) == NULL)
    return FALSE;
  if (draft->lines == NULL || draft->lines->len == 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("The order has no lines"));
      return FALSE;
    }
  if (draft->lines->len > BO_MAX_ORDER_LINES)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("The order has more than %d lines"),
                   BO_MAX_ORDER_LINES);
      return FALSE;
    }
  if ((draft->number != NULL && !_bo_check_order_number (draft->number, error)) ||
      !bo_check_text (draft->notes, _("The order’s notes"), FALSE, 10000, BO_TEXT_MULTILINE,
                      error))
    return FALSE;
  if (draft->priority < -1 || draft->priority > 9)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The priority tier must be between 0 and 9, not %d"), draft->priority);
      return FALSE;
    }

  for (guint i = 0; i < draft->lines->len; i++)
    {
      const BoLineDraft *d = &g_array_index (draft->lines, BoLineDraft, i);
      g_autoptr(BoProduct) product = NULL;
      g_autoptr(GError) local_error = NULL;
      BoPlacedLine line = { 0 };

      if (d->sku == NULL || *d->sku == '\0')
        {
          g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("Line %u has no SKU"), i + 1);
          return FALSE;
        }
      if (d->quantity <= 0 || d->quantity > BO_QUANTITY_MAX)
        {
          g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                       _("Line %u (%s): the quantity must be a whole number from 1 to %" PRId64
                         ", not %" PRId64), i + 1, d->sku, BO_QUANTITY_MAX, d->quantity);
          return FALSE;
        }
      if (d->unit_price != -1 && !_bo_store_check_amount (self, d->unit_price, _("The price"),
                                                               &local_error))
        {
          g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("Line %u (%s): %s"), i + 1,
                       d->sku, local_error->message);
          return FALSE;
        }
      product = bo_store_find_product (self, d->sku, &local_error);
      if (product == NULL)
        {
          g_set_error (error, BO_ERROR, local_error->code, _("Line %u: %s"), i + 1,
                       local_error->message);
          return FALSE;
        }
      line.product_id = product->id;
      line.quantity = d->quantity;
      line.open = d->quantity;
      line.price = d->unit_price >= 0 ? d->unit_price : product->price;
      if (!bo_money_add_line (&order_value, line.quantity, line.price, error))
        return FALSE;
      line.policy = product->backorder_policy;
      line.discontinued = product->discontinued;
      line.drop_ship = product->drop_ship;
      /* A drop-ship line becomes a purchase order: it needs a supplier. */
      if (product->drop_ship)
        {
          gint64 supplier_id = 0;

          if (!_bo_store_drop_ship_supplier (self, product->id, &supplier_id, NULL, error))
            return FALSE;
          if (supplier_id == 0)
            {
              g_autoptr(GError) refused = NULL;

              g_set_error (&refused, BO_ERROR, BO_ERROR_REFUSED,
                           _("Line %u: %s is shipped by its supplier, but no supplier is linked "
                             "to it; link one first"), i + 1, product->sku);
              if (!collect)
                {
                  g_propagate_error (error, g_steal_pointer (&refused));
                  return FALSE;
                }
              line.refusal = g_strdup (refused->message);
            }
        }
      line.free_before = product->on_hand - product->allocated;
      line.atp = bo_available_to_promise (product->on_hand, product->allocated,
                                          product->backordered, product->incoming);
      /* Owned by @placed from here on. */
      line.sku = g_strdup (product->sku);
      g_array_append_val (placed, line);
    }
  return TRUE;
}

/* Whether a value of a unique column is taken already. */
static gboolean
is_taken (BoStore     *self,
          const char  *sql,
          const char  *value)
{
  sqlite3_stmt *stmt = _bo_store_prepare (self, sql, NULL);
  gboolean taken;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return taken;
}

/**
 * _bo_placed_line_refusal:
 * @backordered: what allocation left uncovered of the line
 *
 * The backorder policy of each product, applied to what allocation left
 * uncovered; placing and its preview both ask here. Lines of one product in
 * one order count together: with allow-if-incoming the order's whole
 * quantity of it must be promisable.
 *
 * Returns: (nullable): why the line is refused, or %NULL when it is accepted
 */
char *
_bo_placed_line_refusal (GArray *placed,
                         guint   index,
                         gint64  backordered)
{
  const BoPlacedLine *line = &g_array_index (placed, BoPlacedLine, index);
  gint64 wanted = 0;
  guint first = index;

  if (backordered == 0)
    return NULL;

  /* What the order wants of this product in all, whichever of its lines the
   * allocation left short; in a group of orders, only this line's order,
   * whose lines lie together. */
  while (first > 0 && g_array_index (placed, BoPlacedLine, first - 1).order == line->order)
    first--;
  for (guint i = first; i < placed->len; i++)
    {
      const BoPlacedLine *other = &g_array_index (placed, BoPlacedLine, i);

      if (other->order != line->order)
        break;
      if (other->product_id == line->product_id)
        wanted += other->open;
    }

  if (line->discontinued)
    return g_strdup_printf (_("Refused: %s is discontinued and takes no backorders (%" PRId64
                              " ordered, %" PRId64 " can ship now)"),
                            line->sku, line->quantity, line->open - backordered);
  if (line->policy == BO_BACKORDER_DENY)
    return g_strdup_printf (_("Refused: %s does not take backorders (%" PRId64 " ordered, %"
                              PRId64 " can ship now)"),
                            line->sku, line->quantity, line->open - backordered);
  if (line->policy == BO_BACKORDER_ALLOW_IF_INCOMING && wanted > line->atp)
    return g_strdup_printf (_("Refused: %s can promise only %" PRId64 " (stock and incoming "
                              "purchase orders, less what is already promised); %" PRId64
                              " ordered"),
                            line->sku, MAX (line->atp, 0), wanted);
  return NULL;
}

/**
 * _bo_store_order_identity:
 * @take: %TRUE to use up the next order number, %FALSE to only look at it
 * @number: (out): the number the order gets
 *
 * The order's number and reference, which must not be taken already.
 */
gboolean
_bo_store_order_identity (BoStore            *self,
                          const BoOrderDraft *draft,
                          gboolean            take,
                          char              **number,
                          GError            **error)
{
  g_autofree char *chosen = NULL;

  if (draft->number != NULL)
    {
      if (is_taken (self, "SELECT 1 FROM orders WHERE number = ?", draft->number))
        {
          g_set_error (error, BO_ERROR, BO_ERROR_CONFLICT,
                       _("There is already an order number “%s”"), draft->number);
          return FALSE;
        }
      chosen = g_strdup (draft->number);
    }
  else if ((chosen = take ? _bo_store_next_number (self, "next-order-number", error)
                          : _bo_store_peek_number (self, "next-order-number", error)) == NULL)
    return FALSE;
  if (draft->external_ref != NULL && *draft->external_ref != '\0' &&
      is_taken (self, "SELECT 1 FROM orders WHERE external_ref = ?", draft->external_ref))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_CONFLICT,
                   _("An order with the reference “%s” exists already"), draft->external_ref);
      return FALSE;
    }
  *number = g_steal_pointer (&chosen);
  return TRUE;
}

static gboolean
insert_order_row (BoStore            *self,
                  const BoOrderDraft *draft,
                  const char         *number,
                  gint64              placed_at,
                  gint64             *order_id,
                  GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = _bo_store_prepare (self,
                            "INSERT INTO orders (number, customer_id, placed_at, placed_date, "
                            "  ship_complete, priority, external_ref, notes) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, draft->customer_id);
  sqlite3_bind_int64 (stmt, 3, placed_at);
  _bo_bind_date (stmt, 4, _bo_day_of_instant (placed_at));
  if (draft->ship_complete >= 0)
    sqlite3_bind_int (stmt, 5, draft->ship_complete ? 1 : 0);
  if (draft->priority >= 0)
    sqlite3_bind_int (stmt, 6, draft->priority);
  if (draft->external_ref != NULL && *draft->external_ref != '\0')
    sqlite3_bind_text (stmt, 7, draft->external_ref, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, draft->notes != NULL ? draft->notes : "", -1, SQLITE_STATIC);
  if (!_bo_store_step_done (self, stmt, error))
    return FALSE;
  *order_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Inserts the lines of an order; returns the units it has in all, or -1. */
static gint64
insert_lines (BoStore  *self,
              gint64    order_id,
              GArray   *placed,
              GError  **error)
{
  gint64 units = 0;

  for (guint i = 0; i < placed->len; i++)
    {
      BoPlacedLine *line = &g_array_index (placed, BoPlacedLine, i);
      sqlite3_stmt *stmt;

      stmt = _bo_store_prepare (self,
                                "INSERT INTO order_lines (order_id, product_id, ordered, unit_price, "
                                "  drop_ship) VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return -1;
      sqlite3_bind_int64 (stmt, 1, order_id);
      sqlite3_bind_int64 (stmt, 2, line->product_id);
      sqlite3_bind_int64 (stmt, 3, line->quantity);
      sqlite3_bind_int64 (stmt, 4, line->price);
      sqlite3_bind_int (stmt, 5, line->drop_ship ? 1 : 0);
      if (!_bo_store_step_done (self, stmt, error))
        return -1;
      line->line_id = sqlite3_last_insert_rowid (self->db);
      units += line->quantity;
    }
  return units;
}

/* What each line of the order placed got, read back once promises are set. */
static gboolean
read_outcome (BoStore         *self,
              gint64           order_id,
              const char      *number,
              GArray          *placed,
              BoOrderOutcome **outcome,
              GError         **error)
{
  BoOrderOutcome *out = g_new0 (BoOrderOutcome, 1);

  out->order_id = order_id;
  out->number = g_strdup (number);
  out->lines = g_array_new (FALSE, TRUE, sizeof (BoLineOutcome));
  g_array_set_clear_func (out->lines, line_outcome_clear);
  *outcome = out;

  for (guint i = 0; i < placed->len; i++)
    {
      BoPlacedLine *line = &g_array_index (placed, BoPlacedLine, i);
      BoLineOutcome lo = { 0 };
      sqlite3_stmt *stmt;
      int rc;

      stmt = _bo_store_prepare (self, "SELECT allocated, promised_date, reason_kind, "
                                "  reason_args, reason FROM order_lines WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, line->line_id);
      rc = sqlite3_step (stmt);
      lo.line_id = line->line_id;
      lo.product_id = line->product_id;
      lo.sku = g_strdup (line->sku);
      lo.ordered = line->quantity;
      lo.allocated = sqlite3_column_int64 (stmt, 0);
      lo.backordered = line->drop_ship ? 0 : lo.ordered - lo.allocated;
      lo.drop_ship = line->drop_ship;
      lo.promised = _bo_column_date (stmt, 1);
      lo.reason = _bo_store_column_reason (stmt, 2);
      sqlite3_reset (stmt);
      g_array_append_val (out->lines, lo);
      if (rc != SQLITE_ROW)
        return _bo_store_set_error (self, rc, error);
    }
  return TRUE;
}

/* Places an order inside the caller's transaction: a group of one order for
 * the placement bookkeeping, whose backorder policies refuse. */
gboolean
_bo_store_place_order_tx (BoStore            *self,
                          const BoOrderDraft *draft,
                          BoOrderOutcome    **outcome,
                          GError            **error)
{
  g_auto(BoPlacementGroup) group;
  g_autofree char *number = NULL;
  BoPlacedOrder order = { 0 };
  GArray *placed;

  _bo_placement_group_init (&group);
  placed = group.lines;
  order.placed_at = draft->placed_at > 0 ? draft->placed_at : bo_store_get_now (self);
  if (!_bo_store_validate_draft (self, draft, placed, FALSE, error) ||
      !_bo_store_order_identity (self, draft, TRUE, &number, error) ||
      !insert_order_row (self, draft, number, order.placed_at, &order.order_id, error) ||
      (order.units = insert_lines (self, order.order_id, placed, error)) < 0)
    return FALSE;
  order.line_count = placed->len;
  g_array_append_val (group.orders, order);

  if (!_bo_store_place_group (self, &group, error))
    return FALSE;
  /* The supplier ships these: a drop-ship purchase order is drafted instead. */
  for (guint i = 0; i < placed->len; i++)
    if (g_array_index (placed, BoPlacedLine, i).drop_ship &&
        !_bo_store_drop_ship_line (self, g_array_index (placed, BoPlacedLine, i).line_id, error))
      return FALSE;
  if (group.bo_lines > 0 && !_bo_store_refresh_promises_for (self, group.product_ids, NULL, error))
    return FALSE;
  if (outcome != NULL &&
      !read_outcome (self, order.order_id, number, placed, outcome, error))
    return FALSE;

  {
    gint64 args[] = { placed->len, order.units, group.bo_units };

    return _bo_store_log_event_args (self, "order-placed", number, args, G_N_ELEMENTS (args), NULL,
                                     error);
  }
}

/**
 * bo_store_place_order:
 * @draft: the order
 * @preview: %TRUE to work out what would happen, reading only (see
 *   bo_store_preview_order()); it fails where placing would
 * @outcome: (out) (optional): what each line got
 *
 * Places an order: each line is allocated from free stock by the shop's
 * policy, the rest is backordered where the product's backorder policy accepts
 * it. When a line is refused, nothing is written and @error says which and why.
 */
gboolean
bo_store_place_order (BoStore             *self,
                      const BoOrderDraft  *draft,
                      gboolean             preview,
                      BoOrderOutcome     **outcome,
                      GError             **error)
{
  g_autoptr(BoOrderOutcome) out = NULL;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  /* A preview reads only, and fails where placing would. */
  if (preview)
    {
      g_autoptr(GError) refused = NULL;

      if (!_bo_store_preview_order (self, draft, &out, &refused, error))
        return FALSE;
      if (refused != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&refused));
          return FALSE;
        }
      if (outcome != NULL)
        *outcome = g_steal_pointer (&out);
      return TRUE;
    }

  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = _bo_store_place_order_tx (self, draft, &out, error);
  if (!_bo_store_finish (self, ok, TRUE, error))
    return FALSE;
  if (outcome != NULL)
    *outcome = g_steal_pointer (&out);
  return TRUE;
}

/* ---- reading orders ---------------------------------------------------------- */

static BoOrder *
read_order (BoStore     *self,
            const char  *sql,
            gint64       id,
            const char  *number,
            GError     **error)
{
  g_autoptr(BoOrder) order = NULL;
  sqlite3_stmt *stmt = _bo_store_prepare (self, sql, error);
  gboolean any_unpromised = FALSE;
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
      order = g_new0 (BoOrder, 1);
      order->id = sqlite3_column_int64 (stmt, 0);
      order->number = _bo_store_column_dup (stmt, 1);
      order->customer_id = sqlite3_column_int64 (stmt, 2);
      order->customer_name = _bo_store_column_dup (stmt, 3);
      order->customer_email = _bo_store_column_dup (stmt, 4);
      order->customer_address = _bo_store_column_dup (stmt, 5);
      order->placed_at = sqlite3_column_int64 (stmt, 6);
      order->priority_override = sqlite3_column_type (stmt, 7) == SQLITE_NULL
                                   ? -1 : sqlite3_column_int (stmt, 7);
      order->tier = sqlite3_column_int (stmt, 8);
      order->ship_complete_override = sqlite3_column_type (stmt, 9) == SQLITE_NULL
                                        ? -1 : sqlite3_column_int (stmt, 9);
      order->ship_complete = sqlite3_column_int (stmt, 10);
      order->external_ref = _bo_store_column_dup (stmt, 11);
      order->notes = _bo_store_column_dup (stmt, 12);
      order->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_order_line_free);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      if (number != NULL)
        g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND, _("There is no order “%s”"), number);
      else
        g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                     _("There is no order with id %" PRId64), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }

  stmt = _bo_store_prepare (self,
                            "SELECT l.id, l.product_id, p.sku, p.name, l.ordered, l.allocated, "
                            "  l.shipped, l.cancelled, l.backordered_at_placement, l.unit_price, "
                            "  l.refunded, l.promised_date, l.first_promised_date, po.number, "
                            "  l.drop_ship, l.reason_kind, l.reason_args, l.reason "
                            "FROM order_lines l JOIN products p ON p.id = l.product_id "
                            "  LEFT JOIN po_lines pl ON pl.id = l.peg_po_line_id "
                            "  LEFT JOIN purchase_orders po ON po.id = pl.po_id "
                            "WHERE l.order_id = ? ORDER BY l.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, order->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoOrderLine *l = g_new0 (BoOrderLine, 1);

      l->id = sqlite3_column_int64 (stmt, 0);
      l->order_id = order->id;
      l->product_id = sqlite3_column_int64 (stmt, 1);
      l->sku = _bo_store_column_dup (stmt, 2);
      l->product_name = _bo_store_column_dup (stmt, 3);
      l->ordered = sqlite3_column_int64 (stmt, 4);
      l->allocated = sqlite3_column_int64 (stmt, 5);
      l->shipped = sqlite3_column_int64 (stmt, 6);
      l->cancelled = sqlite3_column_int64 (stmt, 7);
      l->backordered = l->ordered - l->allocated - l->shipped - l->cancelled;
      l->backordered_at_placement = sqlite3_column_int64 (stmt, 8);
      l->unit_price = sqlite3_column_int64 (stmt, 9);
      l->refunded = sqlite3_column_int64 (stmt, 10);
      l->promised = _bo_column_date (stmt, 11);
      l->first_promised = _bo_column_date (stmt, 12);
      l->waiting_po = _bo_store_column_dup (stmt, 13);
      l->drop_ship = sqlite3_column_int (stmt, 14);
      l->reason = _bo_store_column_reason (stmt, 15);
      if (l->backordered > 0)
        {
          if (l->promised == 0)
            any_unpromised = TRUE;
          order->promised = MAX (order->promised, l->promised);
        }
      g_ptr_array_add (order->lines, l);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  /* The order is complete when its last backordered unit comes. */
  if (any_unpromised)
    order->promised = 0;
  if ((order->goodwill = _bo_store_list_goodwill (self, order->id, error)) == NULL)
    return NULL;
  return g_steal_pointer (&order);
}

#define ORDER_HEADER_SQL \
  "SELECT o.id, o.number, o.customer_id, c.name, c.email, c.address, o.placed_at, " \
  "  o.priority, coalesce (o.priority, c.tier), o.ship_complete, " \
  "  coalesce (o.ship_complete, c.ship_complete), o.external_ref, o.notes " \
  "FROM orders o JOIN customers c ON c.id = o.customer_id "

BoOrder *
bo_store_get_order (BoStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_return_val_if_fail (BO_IS_STORE (self), NULL);
  return read_order (self, ORDER_HEADER_SQL "WHERE o.id = ?", id, NULL, error);
}

BoOrder *
bo_store_find_order (BoStore     *self,
                     const char  *number,
                     GError     **error)
{
  g_return_val_if_fail (BO_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  return read_order (self, ORDER_HEADER_SQL "WHERE o.number = ?", 0, number, error);
}

/* Filters of order lists, as conditions on the order o. ?1 is the search
 * pattern, ?4 today. */
/* Order lists: one condition per filter on the order o, so that each can
 * use its index; ?1 is the search pattern, ?4 today. The customer is joined
 * only when the sort needs it: paging deep into 200,000 orders then walks
 * one covering index. */
#define OPEN_LINE "ordered > allocated + shipped + cancelled AND drop_ship = 0"
static const char *const order_conditions[] = {
  [BO_ORDER_FILTER_ALL] = "1",
  [BO_ORDER_FILTER_BACKORDERED] =
    "o.id IN (SELECT order_id FROM order_lines WHERE " OPEN_LINE ")",
  [BO_ORDER_FILTER_READY] = "o.id IN (SELECT order_id FROM order_lines WHERE allocated > 0)",
  [BO_ORDER_FILTER_AWAITING_PO] =
    "o.id IN (SELECT order_id FROM order_lines WHERE " OPEN_LINE " AND promised_date IS NULL)",
  [BO_ORDER_FILTER_OVERDUE] =
    "o.id IN (SELECT order_id FROM order_lines WHERE " OPEN_LINE " AND promised_date < ?4)",
};
#undef OPEN_LINE

/* The search condition only when searching: a condition on a bound NULL
 * still keeps SQLite from walking the indexes in the sort's order. The
 * customers matching the search are found once, not once per order. */
static const char *
orders_where (BoOrderFilter filter,
              gboolean      joined,
              gboolean      searching)
{
  g_autofree char *where = NULL;

  where = g_strdup_printf ("%s WHERE %s AND %s ",
                           joined ? "JOIN customers c ON c.id = o.customer_id" : "",
                           searching ? "(o.number LIKE ?1 ESCAPE '\\' OR o.customer_id IN "
                                       " (SELECT id FROM customers WHERE name LIKE ?1 ESCAPE '\\'))"
                                     : "1",
                           order_conditions[filter]);
  return g_intern_string (where);
}

static const BoSortKey order_sort_keys[] = {
  { "placed", "o.placed_at DESC, o.id DESC", "o.placed_at, o.id" },
  { "number", "length (o.number), o.number", "length (o.number) DESC, o.number DESC" },
  /* By customer id between name and date, so that the customers' index
   * and then each one's orders give the order without a sort. */
  { "customer", "c.name COLLATE NOCASE, c.id, o.placed_at DESC, o.id DESC",
    "c.name COLLATE NOCASE DESC, c.id DESC, o.placed_at DESC, o.id DESC" },
  { NULL }
};

/**
 * bo_store_list_orders:
 * @search: (nullable): text in the order number or customer name
 * @sort: (nullable): placed (newest first), number or customer; a leading
 *   "-" reverses
 * @limit: rows to return, 0 for all
 */
GPtrArray *
bo_store_list_orders (BoStore        *self,
                      BoOrderFilter   filter,
                      const char     *search,
                      const char     *sort,
                      guint           offset,
                      guint           limit,
                      GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_order_summary_free);
  g_autofree char *pattern = _bo_store_like_pattern (search);
  sqlite3_stmt *stmt;
  const char *sql;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  g_return_val_if_fail (filter <= BO_ORDER_FILTER_OVERDUE, NULL);

  /* The page's order ids first, then only those orders get their lines summed. */
#define LINES_OF_O(expr) "(SELECT " expr " FROM order_lines WHERE order_id = o.id)"
#define OPEN "ordered > allocated + shipped + cancelled"
  {
    gboolean joined = sort != NULL && strstr (sort, "customer") != NULL;
    g_autofree char *format =
      g_strdup_printf ("SELECT o.id, o.number, c.name, o.placed_at, "
                       LINES_OF_O ("sum (ordered)") ", "
                       LINES_OF_O ("sum (allocated)") ", "
                       LINES_OF_O ("sum (shipped)") ", "
                       LINES_OF_O ("sum (cancelled)") ", "
                       LINES_OF_O ("sum (CASE WHEN drop_ship = 0 THEN "
                                   "ordered - allocated - shipped - cancelled END)") ", "
                       LINES_OF_O ("sum (CASE WHEN drop_ship = 0 THEN "
                                   "(ordered - allocated - shipped - cancelled) "
                                   "* unit_price END)") ", "
                       LINES_OF_O ("max (CASE WHEN " OPEN " THEN promised_date END)") ", "
                       LINES_OF_O ("sum (" OPEN " AND promised_date IS NULL)") ", "
                       LINES_OF_O ("sum ((ordered - cancelled) * unit_price)") " "
                       "FROM orders o JOIN customers c ON c.id = o.customer_id "
                       "WHERE o.id IN (SELECT o.id FROM orders o %s"
                       "               ORDER BY %%s LIMIT ?2 OFFSET ?3) "
                       "ORDER BY %%s", orders_where (filter, joined, pattern != NULL));

    sql = _bo_store_sorted_sql (g_intern_string (format), order_sort_keys, sort, error);
  }
#undef OPEN
#undef LINES_OF_O
  if (sql == NULL || (stmt = _bo_store_prepare (self, sql, error)) == NULL)
    return NULL;
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 3, offset);
  _bo_bind_date (stmt, 4, bo_store_get_today (self));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoOrderSummary *s = g_new0 (BoOrderSummary, 1);

      s->order_id = sqlite3_column_int64 (stmt, 0);
      s->number = _bo_store_column_dup (stmt, 1);
      s->customer_name = _bo_store_column_dup (stmt, 2);
      s->placed_at = sqlite3_column_int64 (stmt, 3);
      s->ordered = sqlite3_column_int64 (stmt, 4);
      s->allocated = sqlite3_column_int64 (stmt, 5);
      s->shipped = sqlite3_column_int64 (stmt, 6);
      s->cancelled = sqlite3_column_int64 (stmt, 7);
      s->backordered = sqlite3_column_int64 (stmt, 8);
      s->value = sqlite3_column_int64 (stmt, 9);
      s->promised = sqlite3_column_int64 (stmt, 11) > 0 ? 0 : _bo_column_date (stmt, 10);
      s->ready = s->allocated > 0;
      s->total = sqlite3_column_int64 (stmt, 12);
      g_ptr_array_add (rows, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      bo_money_name_overflow (error, _("The backordered value of an order"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gint64
bo_store_count_orders (BoStore        *self,
                       BoOrderFilter   filter,
                       const char     *search,
                       GError        **error)
{
  g_autofree char *pattern = _bo_store_like_pattern (search);
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), -1);

  g_return_val_if_fail (filter <= BO_ORDER_FILTER_OVERDUE, -1);

  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM orders o %s",
                                            orders_where (filter, FALSE, pattern != NULL));
    stmt = _bo_store_prepare (self, g_intern_string (sql), error);
  }
  if (stmt == NULL)
    return -1;
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
  _bo_bind_date (stmt, 4, bo_store_get_today (self));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _bo_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return count;
}

/**
 * bo_store_list_backorders:
 * @filter: %BO_ORDER_FILTER_ALL or _BACKORDERED: every open backordered line;
 *   _READY: lines that were backordered and have stock allocated now;
 *   _AWAITING_PO: open backorders no incoming purchase order covers;
 *   _OVERDUE: open backorders whose promise date has passed
 *
 * Lines, oldest first.
 */
/* Backorder lists, one query per filter so that the open-lines index serves
 * them. ?1 is the search pattern, ?4 today. */
#define BACKORDER_SEARCH_SQL \
  "(?1 IS NULL OR o.number LIKE ?1 ESCAPE '\\' OR c.name LIKE ?1 ESCAPE '\\' " \
  " OR p.sku LIKE ?1 ESCAPE '\\') "
/* Drop-ship lines wait for their supplier: they are not backorders. */
#define OPEN_LINE_SQL "l.ordered > l.allocated + l.shipped + l.cancelled AND l.drop_ship = 0 "
#define BACKORDER_FILTERS(prefix, suffix) \
  {                                                                                     \
    [BO_ORDER_FILTER_ALL] = prefix "WHERE " OPEN_LINE_SQL "AND " BACKORDER_SEARCH_SQL suffix, \
    [BO_ORDER_FILTER_BACKORDERED] =                                                     \
      prefix "WHERE " OPEN_LINE_SQL "AND " BACKORDER_SEARCH_SQL suffix,                 \
    [BO_ORDER_FILTER_READY] = prefix "WHERE l.allocated > 0 AND l.backordered_at_placement > 0 " \
                              "AND " BACKORDER_SEARCH_SQL suffix,                      \
    [BO_ORDER_FILTER_AWAITING_PO] = prefix "WHERE " OPEN_LINE_SQL                       \
                                    "AND l.promised_date IS NULL AND " BACKORDER_SEARCH_SQL suffix, \
    [BO_ORDER_FILTER_OVERDUE] = prefix "WHERE " OPEN_LINE_SQL                           \
                                "AND l.promised_date < ?4 AND " BACKORDER_SEARCH_SQL suffix, \
  }
#define BACKORDER_FROM_SQL \
  "FROM order_lines l JOIN orders o ON o.id = l.order_id " \
  "  JOIN customers c ON c.id = o.customer_id JOIN products p ON p.id = l.product_id "

static const char *const backorder_list_sql[] = BACKORDER_FILTERS (
  "SELECT o.id, l.id, o.number, c.name, o.placed_at, p.sku, p.name, "
  "  l.ordered, l.allocated, l.shipped, l.cancelled, l.unit_price, "
  "  l.promised_date, po.number "
  BACKORDER_FROM_SQL
  "  LEFT JOIN po_lines pl ON pl.id = l.peg_po_line_id "
  "  LEFT JOIN purchase_orders po ON po.id = pl.po_id ",
  "ORDER BY %s LIMIT ?2 OFFSET ?3");

static const char *const backorder_count_sql[] = BACKORDER_FILTERS (
  "SELECT count (*) " BACKORDER_FROM_SQL, "");

static const BoSortKey backorder_sort_keys[] = {
  { "placed", "o.placed_at, l.id", "o.placed_at DESC, l.id DESC" },
  { "customer", "c.name COLLATE NOCASE, o.placed_at", "c.name COLLATE NOCASE DESC, o.placed_at" },
  { "sku", "p.sku, o.placed_at", "p.sku DESC, o.placed_at" },
  { "backordered", "l.ordered - l.allocated - l.shipped - l.cancelled, o.placed_at",
    "l.ordered - l.allocated - l.shipped - l.cancelled DESC, o.placed_at" },
  { "promised", "l.promised_date IS NULL, l.promised_date, o.placed_at",
    "l.promised_date IS NULL, l.promised_date DESC, o.placed_at" },
  { NULL }
};

GPtrArray *
bo_store_list_backorders (BoStore        *self,
                          BoOrderFilter   filter,
                          const char     *search,
                          const char     *sort,
                          guint           offset,
                          guint           limit,
                          GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_order_summary_free);
  g_autofree char *pattern = _bo_store_like_pattern (search);
  sqlite3_stmt *stmt;
  const char *sql;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);
  g_return_val_if_fail (filter <= BO_ORDER_FILTER_OVERDUE, NULL);

  sql = _bo_store_sorted_sql (backorder_list_sql[filter], backorder_sort_keys, sort, error);
  if (sql == NULL || (stmt = _bo_store_prepare (self, sql, error)) == NULL)
    return NULL;
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 3, offset);
  _bo_bind_date (stmt, 4, bo_store_get_today (self));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoOrderSummary *s = g_new0 (BoOrderSummary, 1);

      s->order_id = sqlite3_column_int64 (stmt, 0);
      s->line_id = sqlite3_column_int64 (stmt, 1);
      s->number = _bo_store_column_dup (stmt, 2);
      s->customer_name = _bo_store_column_dup (stmt, 3);
      s->placed_at = sqlite3_column_int64 (stmt, 4);
      s->sku = _bo_store_column_dup (stmt, 5);
      s->product_name = _bo_store_column_dup (stmt, 6);
      s->ordered = sqlite3_column_int64 (stmt, 7);
      s->allocated = sqlite3_column_int64 (stmt, 8);
      s->shipped = sqlite3_column_int64 (stmt, 9);
      s->cancelled = sqlite3_column_int64 (stmt, 10);
      s->backordered = s->ordered - s->allocated - s->shipped - s->cancelled;
      s->value = s->backordered * sqlite3_column_int64 (stmt, 11);
      s->promised = _bo_column_date (stmt, 12);
      s->waiting_po = _bo_store_column_dup (stmt, 13);
      s->ready = s->allocated > 0;
      g_ptr_array_add (rows, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      bo_money_name_overflow (error, _("The backordered value of an order"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gint64
bo_store_count_backorders (BoStore        *self,
                           BoOrderFilter   filter,
                           const char     *search,
                           GError        **error)
{
  g_autofree char *pattern = _bo_store_like_pattern (search);
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), -1);
  g_return_val_if_fail (filter <= BO_ORDER_FILTER_OVERDUE, -1);

  stmt = _bo_store_prepare (self, backorder_count_sql[filter], error);
  if (stmt == NULL)
    return -1;
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
  _bo_bind_date (stmt, 4, bo_store_get_today (self));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _bo_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return count;
}

static GArray *
order_product_ids (BoStore  *self,
                   gint64    order_id,
                   GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _bo_store_prepare (self, "SELECT DISTINCT product_id FROM order_lines "
                                          "WHERE order_id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, order_id);
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
 * bo_store_set_order_priority:
 * @priority: tier 0–9, or -1 to follow the customer's tier again
 *
 * Changes an order's place in the queue for stock still to come. What it has
 * been allocated stays; free stock is offered again at once.
 */
gboolean
bo_store_set_order_priority (BoStore             *self,
                             gint64               order_id,
                             gint                 priority,
                             BoAllocationResult **result,
                             GError             **error)
{
  g_autoptr(BoAllocationResult) res = _bo_allocation_result_new ();
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (priority < -1 || priority > 9)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The priority tier must be between 0 and 9, not %d"), priority);
      return FALSE;
    }
  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (order = bo_store_get_order (self, order_id, error)) != NULL &&
       (stmt = _bo_store_prepare (self, "UPDATE orders SET priority = ?2 WHERE id = ?1",
                                  error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, order_id);
      if (priority >= 0)
        sqlite3_bind_int (stmt, 2, priority);
      ok = _bo_store_step_done (self, stmt, error);
    }
  ok = ok && (ids = order_product_ids (self, order_id, error)) != NULL &&
       _bo_store_allocate (self, ids, res, NULL, error) &&
       _bo_store_refresh_promises_for (self, ids, NULL, error) &&
       _bo_store_collect_ready (self, res, error);
  if (ok)
    {
      g_autofree char *detail = g_strdup_printf ("%d", priority);
      ok = _bo_store_log_event (self, "order-priority", order->number, detail, error);
    }
  if (!_bo_store_finish (self, ok, TRUE, error))
    return FALSE;
  if (result != NULL)
    *result = g_steal_pointer (&res);
  return TRUE;
}

/* ---- shipments ----------------------------------------------------------------- */

static const char *packed_sql =
  "SELECT coalesce (sum (sl.quantity), 0) FROM shipment_lines sl "
  "JOIN shipments s ON s.id = sl.shipment_id WHERE sl.line_id = ? AND s.shipped_at IS NULL";

/**
 * bo_store_create_shipment:
 * @quantities: (array length=n_quantities): order line id and units to pack;
 *   with none, everything allocated and not yet packed
 * @shipment_id: (out) (optional): the new shipment
 *
 * Packs allocated units into a shipment (a partial shipment when the order is
 * not complete). Stock leaves the shelf when the shipment is marked shipped.
 */
gboolean
bo_store_create_shipment (BoStore           *self,
                          gint64             order_id,
                          const BoQuantity  *quantities,
                          gsize              n_quantities,
                          gint64            *shipment_id,
                          GError           **error)
{
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GArray) pack = g_array_new (FALSE, FALSE, sizeof (BoQuantity));
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (order = bo_store_get_order (self, order_id, error)) != NULL;

  for (guint i = 0; ok && i < order->lines->len; i++)
    {
      const BoOrderLine *line = g_ptr_array_index (order->lines, i);
      BoQuantity q = { line->id, 0 };
      gint64 packed = 0;
      gboolean asked = n_quantities == 0;

      for (gsize j = 0; j < n_quantities; j++)
        if (quantities[j].line_id == line->id)
          {
            q.quantity += quantities[j].quantity;
            asked = TRUE;
            if (quantities[j].quantity <= 0)
              {
                g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                             _("%s: the quantity to ship must be at least 1"), line->sku);
                ok = FALSE;
              }
          }
      if (!ok || !asked)
        continue;
      ok = _bo_store_query_int (self, packed_sql, line->id, &packed, error);
      if (!ok)
        break;
      if (n_quantities == 0)
        q.quantity = line->allocated - packed;
      else if (q.quantity > line->allocated - packed)
        {
          g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                       _("%s: only %" PRId64 " allocated units are ready to pack; %"
                         PRId64 " asked"),
                       line->sku, line->allocated - packed, q.quantity);
          ok = FALSE;
        }
      if (ok && q.quantity > 0)
        g_array_append_val (pack, q);
    }
  for (gsize j = 0; ok && j < n_quantities; j++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < order->lines->len; i++)
        found |= ((BoOrderLine *) g_ptr_array_index (order->lines, i))->id == quantities[j].line_id;
      if (!found)
        {
          g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                       _("Order %s has no line %" PRId64), order->number,
                       quantities[j].line_id);
          ok = FALSE;
        }
    }
  if (ok && pack->len == 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                   _("Order %s has nothing allocated that is not packed already"), order->number);
      ok = FALSE;
    }

  if (ok)
    ok = (stmt = _bo_store_prepare (self, "INSERT INTO shipments (order_id, created_at) "
                                    "VALUES (?, ?)", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, order_id);
      sqlite3_bind_int64 (stmt, 2, bo_store_get_now (self));
      ok = _bo_store_step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (self->db);
    }
  for (guint i = 0; ok && i < pack->len; i++)
    {
      const BoQuantity *q = &g_array_index (pack, BoQuantity, i);

      ok = (stmt = _bo_store_prepare (self, "INSERT INTO shipment_lines (shipment_id, line_id, "
                                      "quantity) VALUES (?, ?, ?)", error)) != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, q->line_id);
          sqlite3_bind_int64 (stmt, 3, q->quantity);
          ok = _bo_store_step_done (self, stmt, error);
        }
    }
  if (ok)
    {
      g_autofree char *detail = g_strdup_printf ("%" PRId64, id);
      ok = _bo_store_log_event (self, "shipment-created", order->number, detail, error);
    }
  if (!_bo_store_finish (self, ok, TRUE, error))
    return FALSE;
  if (shipment_id != NULL)
    *shipment_id = id;
  return TRUE;
}

/**
 * bo_store_mark_shipped:
 *
 * The shipment left: its units leave the shelf and count as shipped.
 */
gboolean
bo_store_mark_shipped (BoStore  *self,
                       gint64    shipment_id,
                       GError  **error)
{
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (stmt = _bo_store_prepare (self, "SELECT o.number, s.shipped_at FROM shipments s "
                                  "JOIN orders o ON o.id = s.order_id WHERE s.id = ?",
                                  error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, shipment_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        {
          g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                       _("Shipment %" PRId64 " has been shipped already"), shipment_id);
          ok = FALSE;
        }
      else if (rc == SQLITE_ROW)
        number = _bo_store_column_dup (stmt, 0);
      else if (rc == SQLITE_DONE)
        {
          g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                       _("There is no shipment %" PRId64), shipment_id);
          ok = FALSE;
        }
      else
        ok = _bo_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
    }

  /* Allocation first, then stock: allocated never exceeds on hand. */
  if (ok)
    ok = (stmt = _bo_store_prepare (self,
                                    "UPDATE order_lines SET "
                                    "  allocated = allocated - sl.quantity, "
                                    "  shipped = shipped + sl.quantity, "
                                    "  completed_date = CASE WHEN shipped + sl.quantity + cancelled "
                                    "    = ordered THEN ?2 ELSE completed_date END "
                                    "FROM shipment_lines sl "
                                    "WHERE sl.shipment_id = ?1 AND sl.line_id = order_lines.id",
                                    error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, shipment_id);
      _bo_bind_date (stmt, 2, bo_store_get_today (self));
      ok = _bo_store_step_done (self, stmt, error);
    }
  if (ok)
    ok = (stmt = _bo_store_prepare (self,
                                    "SELECT l.product_id, sum (sl.quantity) FROM shipment_lines sl "
                                    "JOIN order_lines l ON l.id = sl.line_id "
                                    "WHERE sl.shipment_id = ? GROUP BY l.product_id", error)) != NULL;
  if (ok)
    {
      g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (BoQuantity));

      sqlite3_bind_int64 (stmt, 1, shipment_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          BoQuantity q = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
          g_array_append_val (moves, q);
        }
      sqlite3_reset (stmt);
      ok = rc == SQLITE_DONE || _bo_store_set_error (self, rc, error);
      for (guint i = 0; ok && i < moves->len; i++)
        {
          const BoQuantity *q = &g_array_index (moves, BoQuantity, i);

          ok = (stmt = _bo_store_prepare (self, "UPDATE products SET allocated = allocated - ?2 "
                                          "WHERE id = ?1", error)) != NULL;
          if (ok)
            {
              sqlite3_bind_int64 (stmt, 1, q->line_id);
              sqlite3_bind_int64 (stmt, 2, q->quantity);
              ok = _bo_store_step_done (self, stmt, error) &&
                   _bo_store_move_stock (self, q->line_id, -q->quantity, "shipment", number, error);
            }
        }
    }
  if (ok)
    ok = (stmt = _bo_store_prepare (self, "UPDATE shipments SET shipped_at = ?2 WHERE id = ?1",
                                    error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, shipment_id);
      sqlite3_bind_int64 (stmt, 2, bo_store_get_now (self));
      ok = _bo_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      g_autofree char *detail = g_strdup_printf ("%" PRId64, shipment_id);
      ok = _bo_store_log_event (self, "shipment-shipped", number, detail, error);
    }
  return _bo_store_finish (self, ok, TRUE, error);
}

/**
 * bo_store_unmark_shipped:
 * @shipment_id: a shipment marked shipped
 *
 * Undoes bo_store_mark_shipped(): the shipment is packed again, its units
 * are allocated to their lines again and back on the shelf (for each
 * product a "shipment" stock movement into stock, the reverse of the one
 * out), and the event history says so. Refused for a shipment that is not shipped, or that left with a
 * drop-ship purchase order.
 */
gboolean
bo_store_unmark_shipped (BoStore  *self,
                         gint64    shipment_id,
                         GError  **error)
{
  g_autofree char *number = NULL;
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (BoQuantity));
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (stmt = _bo_store_prepare (self, "SELECT o.number, s.shipped_at, s.po_id FROM shipments s "
                                  "JOIN orders o ON o.id = s.order_id WHERE s.id = ?",
                                  error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, shipment_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && (sqlite3_column_type (stmt, 1) == SQLITE_NULL ||
                               sqlite3_column_type (stmt, 2) != SQLITE_NULL))
        {
          g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                       _("Shipment %" PRId64 " has not left the shelf: there is nothing to undo"),
                       shipment_id);
          ok = FALSE;
        }
      else if (rc == SQLITE_ROW)
        number = _bo_store_column_dup (stmt, 0);
      else if (rc == SQLITE_DONE)
        {
          g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                       _("There is no shipment %" PRId64), shipment_id);
          ok = FALSE;
        }
      else
        ok = _bo_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
    }

  /* Stock back on the shelf first, then allocated: allocated never exceeds
   * on hand. */
  if (ok)
    ok = (stmt = _bo_store_prepare (self,
                                    "SELECT l.product_id, sum (sl.quantity) FROM shipment_lines sl "
                                    "JOIN order_lines l ON l.id = sl.line_id "
                                    "WHERE sl.shipment_id = ? GROUP BY l.product_id", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, shipment_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          BoQuantity q = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
          g_array_append_val (moves, q);
        }
      sqlite3_reset (stmt);
      ok = rc == SQLITE_DONE || _bo_store_set_error (self, rc, error);
    }
  for (guint i = 0; ok && i < moves->len; i++)
    {
      const BoQuantity *q = &g_array_index (moves, BoQuantity, i);

      ok = _bo_store_move_stock (self, q->line_id, q->quantity, "shipment", number, error) &&
           (stmt = _bo_store_prepare (self, "UPDATE products SET allocated = allocated + ?2 "
                                      "WHERE id = ?1", error)) != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, q->line_id);
          sqlite3_bind_int64 (stmt, 2, q->quantity);
          ok = _bo_store_step_done (self, stmt, error);
        }
    }
  if (ok)
    ok = (stmt = _bo_store_prepare (self,
                                    "UPDATE order_lines SET "
                                    "  allocated = allocated + sl.quantity, "
                                    "  shipped = shipped - sl.quantity, "
                                    "  completed_date = NULL "
                                    "FROM shipment_lines sl "
                                    "WHERE sl.shipment_id = ?1 AND sl.line_id = order_lines.id",
                                    error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, shipment_id);
      ok = _bo_store_step_done (self, stmt, error);
    }
  if (ok)
    ok = (stmt = _bo_store_prepare (self, "UPDATE shipments SET shipped_at = NULL WHERE id = ?1",
                                    error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, shipment_id);
      ok = _bo_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      g_autofree char *detail = g_strdup_printf ("%" PRId64, shipment_id);
      ok = _bo_store_log_event (self, "shipment-unshipped", number, detail, error);
    }
  return _bo_store_finish (self, ok, TRUE, error);
}

/**
 * bo_store_ship:
 * @quantities: (array length=n_quantities): as for bo_store_create_shipment()
 * @shipment_id: (out) (optional): the shipment
 *
 * Packs and ships in one step, for a merchant who ships at the counter: the
 * shipment is created and marked shipped in one transaction.
 */
gboolean
bo_store_ship (BoStore           *self,
               gint64             order_id,
               const BoQuantity  *quantities,
               gsize              n_quantities,
               gint64            *shipment_id,
               GError           **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = bo_store_create_shipment (self, order_id, quantities, n_quantities, &id, error) &&
       bo_store_mark_shipped (self, id, error);
  if (!_bo_store_finish (self, ok, TRUE, error))
    return FALSE;
  if (shipment_id != NULL)
    *shipment_id = id;
  return TRUE;
}

/**
 * bo_store_cancel_shipment:
 *
 * Unpacks a shipment that has not left: its units stay allocated to the order.
 */
gboolean
bo_store_cancel_shipment (BoStore  *self,
                          gint64    shipment_id,
                          GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (stmt = _bo_store_prepare (self, "DELETE FROM shipments WHERE id = ? AND shipped_at IS NULL",
                                  error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, shipment_id);
      ok = _bo_store_step_done (self, stmt, error);
    }
  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                   _("Shipment %" PRId64 " does not exist or has left already"), shipment_id);
      ok = FALSE;
    }
  if (ok)
    {
      g_autofree char *subject = g_strdup_printf ("%" PRId64, shipment_id);
      ok = _bo_store_log_event (self, "shipment-cancelled", subject, NULL, error);
    }
  return _bo_store_finish (self, ok, TRUE, error);
}

GPtrArray *
bo_store_list_shipments (BoStore  *self,
                         gint64    order_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) shipments = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_shipment_free);
  sqlite3_stmt *stmt;
  BoShipment *current = NULL;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  stmt = _bo_store_prepare (self,
                            "SELECT s.id, s.created_at, s.shipped_at, sl.line_id, l.product_id, "
                            "  p.sku, p.name, p.location, sl.quantity "
                            "FROM shipments s JOIN shipment_lines sl ON sl.shipment_id = s.id "
                            "  JOIN order_lines l ON l.id = sl.line_id "
                            "  JOIN products p ON p.id = l.product_id "
                            "WHERE s.order_id = ? ORDER BY s.id, p.location, p.sku", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, order_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoShipmentLine line;
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (current == NULL || current->id != id)
        {
          current = g_new0 (BoShipment, 1);
          current->id = id;
          current->order_id = order_id;
          current->created_at = sqlite3_column_int64 (stmt, 1);
          current->shipped_at = sqlite3_column_int64 (stmt, 2);
          current->lines = g_array_new (FALSE, TRUE, sizeof (BoShipmentLine));
          g_ptr_array_add (shipments, current);
        }
      line.line_id = sqlite3_column_int64 (stmt, 3);
      line.product_id = sqlite3_column_int64 (stmt, 4);
      line.sku = _bo_store_column_dup (stmt, 5);
      line.product_name = _bo_store_column_dup (stmt, 6);
      line.location = _bo_store_column_dup (stmt, 7);
      line.quantity = sqlite3_column_int64 (stmt, 8);
      g_array_append_val (current->lines, line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&shipments);
}

/* ---- cancelling ------------------------------------------------------------------ */

/**
 * bo_store_cancel_line:
 * @quantity: units to cancel
 * @refund: amount refunded, or -1 for the units' price
 * @result: (out) (optional): where the freed stock went
 *
 * Cancels units of a line: still-backordered units first, then allocated
 * ones; shipped units cannot be cancelled (that is a return). Freed stock
 * goes to the next in line.
 */
gboolean
bo_store_cancel_line (BoStore             *self,
                      gint64               line_id,
                      gint64               quantity,
                      gint64               refund,
                      BoAllocationResult **result,
                      GError             **error)
{
  g_autoptr(BoAllocationResult) res = _bo_allocation_result_new ();
  g_autoptr(GArray) ids = NULL;
  g_autofree char *sku = NULL;
  g_autofree char *number = NULL;
  gint64 product_id = 0, ordered = 0, allocated = 0, shipped = 0, cancelled = 0, price = 0;
  gint64 packed = 0, from_backorder, from_allocation;
  gboolean drop_ship = FALSE;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if (quantity <= 0 || quantity > BO_QUANTITY_MAX)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The quantity to cancel must be at least 1, not %" PRId64), quantity);
      return FALSE;
    }
  if (refund != -1 && !_bo_store_check_amount (self, refund, _("The refund"), error))
    return FALSE;
  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (stmt = _bo_store_prepare (self,
                                  "SELECT l.product_id, l.ordered, l.allocated, l.shipped, "
                                  "  l.cancelled, l.unit_price, p.sku, o.number, l.drop_ship "
                                  "FROM order_lines l JOIN products p ON p.id = l.product_id "
                                  "  JOIN orders o ON o.id = l.order_id WHERE l.id = ?",
                                  error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, line_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          product_id = sqlite3_column_int64 (stmt, 0);
          ordered = sqlite3_column_int64 (stmt, 1);
          allocated = sqlite3_column_int64 (stmt, 2);
          shipped = sqlite3_column_int64 (stmt, 3);
          cancelled = sqlite3_column_int64 (stmt, 4);
          price = sqlite3_column_int64 (stmt, 5);
          sku = _bo_store_column_dup (stmt, 6);
          number = _bo_store_column_dup (stmt, 7);
          drop_ship = sqlite3_column_int (stmt, 8);
        }
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                       _("There is no order line %" PRId64), line_id);
          ok = FALSE;
        }
      else if (rc != SQLITE_ROW)
        ok = _bo_store_set_error (self, rc, error);
    }
  if (ok)
    ok = _bo_store_query_int (self, packed_sql, line_id, &packed, error);

  from_backorder = MIN (quantity, ordered - allocated - shipped - cancelled);
  from_allocation = quantity - from_backorder;
  if (ok && quantity > ordered - shipped - cancelled)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                   _("Order %s, %s: only %" PRId64 " units can be cancelled (%"
                     PRId64 " shipped units are a return, not a cancellation)"),
                   number, sku, ordered - shipped - cancelled, shipped);
      ok = FALSE;
    }
  else if (ok && from_allocation > allocated - packed)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                   _("Order %s, %s: %" PRId64 " units are packed in a shipment; "
                     "cancel that shipment first"), number, sku, packed);
      ok = FALSE;
    }

  if (refund < 0)
    refund = quantity * price;
  if (ok)
    ok = (stmt = _bo_store_prepare (self,
                                    "UPDATE order_lines SET cancelled = cancelled + ?2, "
                                    "  allocated = allocated - ?3, refunded = refunded + ?4, "
                                    "  completed_date = CASE WHEN shipped + cancelled + ?2 = ordered "
                                    "    THEN ?5 ELSE completed_date END, "
                                    "  promised_date = CASE WHEN ordered = allocated - ?3 + shipped "
                                    "    + cancelled + ?2 THEN NULL ELSE promised_date END, "
                                    "  peg_po_line_id = CASE WHEN ordered = allocated - ?3 + shipped "
                                    "    + cancelled + ?2 THEN NULL ELSE peg_po_line_id END "
                                    "WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, line_id);
      sqlite3_bind_int64 (stmt, 2, quantity);
      sqlite3_bind_int64 (stmt, 3, from_allocation);
      sqlite3_bind_int64 (stmt, 4, refund);
      _bo_bind_date (stmt, 5, bo_store_get_today (self));
      ok = _bo_store_step_done (self, stmt, error) &&
           (drop_ship || _bo_store_backlog_move (self, line_id, -from_backorder, error)) &&
           _bo_store_record_cancellation (self, line_id, quantity, refund, error);
    }
  /* What the supplier no longer has to ship comes off its purchase order. */
  if (ok && drop_ship)
    ok = _bo_store_drop_ship_cancelled (self, line_id, quantity, error);
  if (ok && from_allocation > 0)
    ok = (stmt = _bo_store_prepare (self, "UPDATE products SET allocated = allocated - ?2 "
                                    "WHERE id = ?1", error)) != NULL;
  if (ok && from_allocation > 0)
    {
      sqlite3_bind_int64 (stmt, 1, product_id);
      sqlite3_bind_int64 (stmt, 2, from_allocation);
      ok = _bo_store_step_done (self, stmt, error);
    }
  /* Freed stock goes to the next in line; and an order that needs less now
   * (a ship-complete one held for these units) may be covered by free stock. */
  if (ok)
    {
      gint64 order_id = 0;

      ok = _bo_store_query_int (self, "SELECT order_id FROM order_lines WHERE id = ?", line_id,
                                &order_id, error) &&
           (ids = order_product_ids (self, order_id, error)) != NULL &&
           _bo_store_allocate (self, ids, res, NULL, error) &&
           _bo_store_refresh_promises_for (self, ids, NULL, error) &&
           _bo_store_collect_ready (self, res, error);
    }
  if (ok)
    {
      gint64 args[] = { quantity, refund };
      const char *texts[] = { sku, NULL };

      ok = _bo_store_log_event_args (self, "line-cancelled", number, args, G_N_ELEMENTS (args),
                                     texts, error);
    }
  if (!_bo_store_finish (self, ok, TRUE, error))
    return FALSE;
  if (result != NULL)
    *result = g_steal_pointer (&res);
  return TRUE;
}
