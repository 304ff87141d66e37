/* bo-store-preview.c — what placing an order would do, without writing
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preview reads the shop in one deferred transaction and runs the same
 * validation, allocation, pegging and backorder-policy rules as placing
 * (bo-store-orders.c, bo-store-plan.c), with the order's lines held in
 * memory. It takes no write lock, so it may run on every pause in typing
 * while another program writes, and it reports every refused line at once.
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bo-store-private.h"

/* Ids above any the database can hold yet: the new order and its lines come
 * last in the order of service among equals, as the rows placing inserts do. */
#define PREVIEW_ORDER_ID (G_MAXINT64 / 2)

static void
placement_previews_free (BoPlacementPreview *previews,
                         guint               n)
{
  for (guint i = 0; i < n; i++)
    g_free (previews[i].reason);
  g_free (previews);
}

/* Builds the outcome; @refused receives the error placing would stop with:
 * a line validation refuses, else the order's number or reference, else the
 * first line its product's backorder policy refuses. */
static gboolean
preview_tx (BoStore             *self,
            const BoOrderDraft  *draft,
            BoOrderOutcome     **outcome,
            GError             **refused,
            GError             **error)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, TRUE, sizeof (BoPlacedLine));
  g_autoptr(GArray) demands = g_array_new (FALSE, FALSE, sizeof (BoDemand));
  g_autoptr(BoCustomer) customer = NULL;
  g_autoptr(BoOrderOutcome) out = g_new0 (BoOrderOutcome, 1);
  g_autoptr(GError) identity_error = NULL;
  g_autoptr(GError) number_error = NULL;
  BoPlacementPreview *previews;
  gint64 placed_at = draft->placed_at > 0 ? draft->placed_at : bo_store_get_now (self);
  gint tier;
  gboolean ship_complete, ok = TRUE;
  BoOrderDraft lines_only = *draft;

  /* The number is the order's, not a line's: a bad one is the outcome's
   * problem, and the lines are still shown. */
  lines_only.number = NULL;
  g_array_set_clear_func (placed, _bo_placed_line_clear);
  if (!_bo_store_validate_draft (self, &lines_only, placed, TRUE, error) ||
      (customer = bo_store_get_customer (self, draft->customer_id, error)) == NULL)
    return FALSE;
  if (draft->number != NULL && !_bo_check_order_number (draft->number, &number_error))
    out->problem = g_strdup (number_error->message);
  else if (!_bo_store_order_identity (self, draft, FALSE, &out->number, &identity_error))
    {
      if (!g_error_matches (identity_error, BO_ERROR, BO_ERROR_CONFLICT))
        {
          g_propagate_error (error, g_steal_pointer (&identity_error));
          return FALSE;
        }
      out->problem = g_strdup (identity_error->message);
    }

  /* The order's tier and ship-complete flag, as the demand query reads them. */
  tier = draft->priority >= 0 ? draft->priority : customer->tier;
  ship_complete = draft->ship_complete >= 0 ? draft->ship_complete != 0 : customer->ship_complete;
  for (guint i = 0; i < placed->len; i++)
    {
      const BoPlacedLine *line = &g_array_index (placed, BoPlacedLine, i);
      BoDemand d = { 0 };

      if (line->drop_ship)
        continue;
      d.line_id = PREVIEW_ORDER_ID + 1 + i;
      d.order_id = PREVIEW_ORDER_ID;
      d.product_id = line->product_id;
      d.placed_at = placed_at;
      d.tier = tier;
      d.ship_complete = ship_complete;
      d.open = line->quantity;
      g_array_append_val (demands, d);
    }
  previews = g_new0 (BoPlacementPreview, MAX (demands->len, 1));
  if (!_bo_store_preview_allocation (self, (const BoDemand *) demands->data, demands->len,
                                     previews, error))
    {
      placement_previews_free (previews, demands->len);
      return FALSE;
    }

  out->lines = g_array_new (FALSE, TRUE, sizeof (BoLineOutcome));
  g_array_set_clear_func (out->lines, _bo_line_outcome_clear);
  for (guint i = 0, d = 0; ok && i < placed->len; i++)
    {
      BoPlacedLine *line = &g_array_index (placed, BoPlacedLine, i);
      BoLineOutcome lo = { 0 };

      lo.product_id = line->product_id;
      lo.sku = g_strdup (line->sku);
      lo.ordered = line->quantity;
      lo.drop_ship = line->drop_ship;
      lo.refusal = g_steal_pointer (&line->refusal);
      if (line->drop_ship)
        {
          g_auto(BoReason) reason = BO_REASON_INIT;

          if (lo.refusal == NULL)
            ok = _bo_store_drop_ship_terms (self, line->product_id, &lo.promised, &reason,
                                            error);
          if (ok && lo.refusal == NULL)
            lo.reason = bo_reason_describe (&reason);
        }
      else
        {
          BoPlacementPreview *p = &previews[d++];

          lo.allocated = p->granted;
          lo.backordered = line->quantity - p->granted;
          lo.promised = lo.backordered > 0 ? p->promised : 0;
          lo.reason = p->reason != NULL ? g_steal_pointer (&p->reason)
                    : g_strdup (lo.backordered > 0 ? _("no free stock") : "");
          lo.refusal = _bo_placed_line_refusal (placed, i, lo.backordered);
        }
      g_array_append_val (out->lines, lo);
    }
  placement_previews_free (previews, demands->len);
  if (!ok)
    return FALSE;

  /* The error placing would stop at, in the order it checks. */
  if (number_error != NULL)
    *refused = g_steal_pointer (&number_error);
  for (guint i = 0; i < placed->len && *refused == NULL; i++)
    if (g_array_index (placed, BoPlacedLine, i).drop_ship &&
        g_array_index (out->lines, BoLineOutcome, i).refusal != NULL)
      g_set_error_literal (refused, BO_ERROR, BO_ERROR_REFUSED,
                           g_array_index (out->lines, BoLineOutcome, i).refusal);
  if (*refused == NULL && identity_error != NULL)
    *refused = g_steal_pointer (&identity_error);
  for (guint i = 0; i < placed->len && *refused == NULL; i++)
    if (g_array_index (out->lines, BoLineOutcome, i).refusal != NULL)
      g_set_error_literal (refused, BO_ERROR, BO_ERROR_REFUSED,
                           g_array_index (out->lines, BoLineOutcome, i).refusal);

  *outcome = g_steal_pointer (&out);
  return TRUE;
}

gboolean
_bo_store_preview_order (BoStore             *self,
                         const BoOrderDraft  *draft,
                         BoOrderOutcome     **outcome,
                         GError             **refused,
                         GError             **error)
{
  g_autoptr(BoOrderOutcome) out = NULL;
  g_autoptr(GError) first = NULL;
  gboolean ok;

  if (!_bo_store_begin_read (self, error))
    return FALSE;
  ok = preview_tx (self, draft, &out, &first, error);
  if (!_bo_store_finish (self, ok, FALSE, error))
    return FALSE;
  if (refused != NULL)
    *refused = g_steal_pointer (&first);
  *outcome = g_steal_pointer (&out);
  return TRUE;
}

/**
 * bo_store_preview_order:
 * @draft: the order
 * @outcome: (out): what each line would get
 *
 * Works out what placing @draft would do, reading only: it takes no write
 * lock and leaves the shop untouched. Unlike placing, which stops at the
 * first refused line, every line says whether it would be refused and why
 * (#BoLineOutcome.refusal), and #BoOrderOutcome.problem says when the
 * order's number or reference is taken. The other lines show what they
 * would get with the order as it is.
 *
 * Returns: %FALSE when the draft cannot be previewed at all (no lines, an
 *   unknown SKU or customer, an unreadable shop), with @error set
 */
gboolean
bo_store_preview_order (BoStore             *self,
                        const BoOrderDraft  *draft,
                        BoOrderOutcome     **outcome,
                        GError             **error)
{
  g_return_val_if_fail (BO_IS_STORE (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);
  g_return_val_if_fail (outcome != NULL, FALSE);

  return _bo_store_preview_order (self, draft, outcome, NULL, error);
}
