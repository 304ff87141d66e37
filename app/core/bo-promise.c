/* bo-promise.c — promise dates by pegging backorders to incoming purchase orders
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-promise"
#include "config.h"
#include "backorders/bo-promise.h"

#include <stdlib.h>

/* The future is simulated with the allocator itself: each arrival, in ETA
 * order, is allocated by bo_allocate() to the backorders of its product that
 * earlier arrivals left uncovered. Backorders are grouped by product once,
 * in order of service, and each product keeps its still-uncovered lines as a
 * window [head, end) of that grouping, so an arrival looks only at the lines
 * of its own product that still wait.
 */

#define CMP(a, b) ((a) < (b) ? -1 : (a) > (b) ? 1 : 0)

typedef struct
{
  gint64 product_id;
  guint  head;               /* still-uncovered lines: by_product[head .. end) */
  guint  end;
} Product;

static gint
compare_backorders (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  const BoDemand *backorders = data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;
  const BoDemand *x = &backorders[ia];
  const BoDemand *y = &backorders[ib];

  /* By product, then in order of service. */
  if (x->product_id != y->product_id)
    return CMP (x->product_id, y->product_id);
  if (x->tier != y->tier)
    return x->tier > y->tier ? -1 : 1;
  if (x->placed_at != y->placed_at)
    return CMP (x->placed_at, y->placed_at);
  if (x->order_id != y->order_id)
    return CMP (x->order_id, y->order_id);
  if (x->line_id != y->line_id)
    return CMP (x->line_id, y->line_id);
  return CMP (ia, ib);
}

static gint
compare_arrivals (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const BoArrival *arrivals = data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;
  const BoArrival *x = &arrivals[ia];
  const BoArrival *y = &arrivals[ib];

  if (x->eta != y->eta)
    return CMP (x->eta, y->eta);
  if (x->po_line_id != y->po_line_id)
    return CMP (x->po_line_id, y->po_line_id);
  if (x->product_id != y->product_id)
    return CMP (x->product_id, y->product_id);
  return CMP (ia, ib);
}

static gint
compare_by_order (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const BoDemand *backorders = data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;

  if (backorders[ia].order_id != backorders[ib].order_id)
    return CMP (backorders[ia].order_id, backorders[ib].order_id);
  return CMP (ia, ib);
}

static int
compare_int64 (const void *a,
               const void *b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return CMP (x, y);
}

static Product *
find_product (Product *products,
              guint    n_products,
              gint64   product_id)
{
  guint lo = 0, hi = n_products;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (products[mid].product_id < product_id)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo < n_products && products[lo].product_id == product_id ? &products[lo] : NULL;
}

static guint32
promise_date (guint32 eta,
              guint   handling_days)
{
  guint64 date = (guint64) eta + handling_days;

  return date > G_MAXUINT32 ? G_MAXUINT32 : (guint32) date;
}

/* Gives one arrival to the uncovered lines of its product. */
static void
peg_arrival (BoPolicy         policy,
             const BoDemand  *backorders,
             guint           *by_product,
             Product         *product,
             gint64          *uncovered,
             BoDemand        *scratch,
             const BoArrival *arrival,
             guint            handling_days,
             BoPromise       *promises)
{
  g_autoptr (BoPlan) plan = NULL;
  BoSupply supply = { arrival->product_id, arrival->quantity };
  guint n_lines = product->end - product->head;
  guint kept;

  /* Under FIFO only the lines the arrival can reach get anything, so the
   * allocator needs to see no more than those.
   */
  if (policy == BO_POLICY_FIFO)
    {
      gint64 reach = 0;

      n_lines = 0;
      while (product->head + n_lines < product->end)
        {
          gint64 open = uncovered[by_product[product->head + n_lines++]];

          if (open >= arrival->quantity - reach)
            break;
          reach += open;
        }
    }

  for (guint j = 0; j < n_lines; j++)
    {
      guint i = by_product[product->head + j];

      scratch[j] = backorders[i];
      scratch[j].open = uncovered[i];
      /* Ship-complete orders are settled after the simulation. */
      scratch[j].ship_complete = FALSE;
    }

  plan = bo_allocate (policy, &supply, 1, scratch, n_lines);
  g_return_if_fail (plan != NULL);

  for (guint j = 0; j < n_lines; j++)
    {
      gint64 granted = bo_plan_get_grant (plan, j)->granted;
      guint i = by_product[product->head + j];

      if (granted == 0)
        continue;

      uncovered[i] -= granted;
      promises[i].covered += granted;
      promises[i].po_line_id = arrival->po_line_id;
      if (uncovered[i] == 0)
        promises[i].promised = promise_date (arrival->eta, handling_days);
    }

  /* Drop the completed lines, keeping the others in order of service and
   * packed against the untouched rest of the window.
   */
  kept = product->head + n_lines;
  for (guint j = n_lines; j-- > 0;)
    {
      guint i = by_product[product->head + j];

      if (uncovered[i] > 0)
        by_product[--kept] = i;
    }
  product->head = kept;
}

/* Every line of a ship-complete order ships with the last one. */
static void
settle_ship_complete (const BoDemand *backorders,
                      gsize           n_backorders,
                      BoPromise      *promises)
{
  g_autofree gint64 *order_ids = NULL;
  g_autofree guint *lines = NULL;
  guint n_orders = 0, n_lines = 0;

  for (gsize i = 0; i < n_backorders; i++)
    if (backorders[i].ship_complete)
      n_orders++;

  if (n_orders == 0)
    return;

  order_ids = g_new (gint64, n_orders);
  n_orders = 0;
  for (gsize i = 0; i < n_backorders; i++)
    if (backorders[i].ship_complete)
      order_ids[n_orders++] = backorders[i].order_id;
  qsort (order_ids, n_orders, sizeof (gint64), compare_int64);

  /* As in the allocator, one flagged line makes the whole order ship complete. */
  lines = g_new (guint, n_backorders);
  for (gsize i = 0; i < n_backorders; i++)
    if (backorders[i].ship_complete
        || bsearch (&backorders[i].order_id, order_ids, n_orders, sizeof (gint64),
                    compare_int64) != NULL)
      lines[n_lines++] = i;
  g_qsort_with_data (lines, n_lines, sizeof (guint), compare_by_order, (gpointer) backorders);

  for (guint start = 0, end; start < n_lines; start = end)
    {
      guint32 latest = 0;
      gboolean dated = TRUE;

      for (end = start;
           end < n_lines && backorders[lines[end]].order_id == backorders[lines[start]].order_id;
           end++)
        {
          guint32 promised = promises[lines[end]].promised;

          dated = dated && promised != 0;
          latest = MAX (latest, promised);
        }

      for (guint j = start; j < end; j++)
        promises[lines[j]].promised = dated ? latest : 0;
    }
}

/**
 * bo_promise_compute:
 * @policy: the shop's allocation policy
 * @backorders: (array length=n_backorders): backordered lines; each @open is
 *   the backordered quantity that stock does not cover yet
 * @n_backorders: length of @backorders
 * @arrivals: (array length=n_arrivals): incoming purchase-order lines, in any order
 * @n_arrivals: length of @arrivals
 * @handling_days: calendar days from arrival to shipping
 *
 * Pegs backorders to arrivals (DESIGN.md section 2, "Promise dates"): the
 * arrivals are taken in ETA order (ties by purchase-order line id) and each is
 * allocated by @policy to the demand earlier arrivals left uncovered. A line
 * is promised the ETA of the arrival that completes it plus @handling_days.
 * Every line of a ship-complete order gets the latest date of its lines, or
 * none when one of them has none. Arrival quantity nobody waits for is unused.
 *
 * Returns: (transfer full) (array length=n_backorders): one promise per
 *   backorder, in the order of @backorders; free with g_free(). %NULL when
 *   @n_backorders is 0 or an argument is invalid.
 */
BoPromise *
bo_promise_compute (BoPolicy         policy,
                    const BoDemand  *backorders,
                    gsize            n_backorders,
                    const BoArrival *arrivals,
                    gsize            n_arrivals,
                    guint            handling_days)
{
  g_autofree BoPromise *promises = NULL;
  g_autofree guint *by_product = NULL;
  g_autofree guint *by_eta = NULL;
  g_autofree gint64 *uncovered = NULL;
  g_autofree Product *products = NULL;
  g_autofree BoDemand *scratch = NULL;
  guint n_products = 0;

  g_return_val_if_fail (backorders != NULL || n_backorders == 0, NULL);
  g_return_val_if_fail (arrivals != NULL || n_arrivals == 0, NULL);
  g_return_val_if_fail (n_backorders <= G_MAXINT && n_arrivals <= G_MAXINT, NULL);

  for (gsize i = 0; i < n_backorders; i++)
    g_return_val_if_fail (backorders[i].open > 0, NULL);
  for (gsize a = 0; a < n_arrivals; a++)
    g_return_val_if_fail (arrivals[a].quantity > 0 && arrivals[a].eta > 0, NULL);

  if (n_backorders == 0)
    return NULL;

  promises = g_new0 (BoPromise, n_backorders);
  uncovered = g_new (gint64, n_backorders);
  by_product = g_new (guint, n_backorders);
  for (gsize i = 0; i < n_backorders; i++)
    {
      promises[i].line_id = backorders[i].line_id;
      promises[i].order_id = backorders[i].order_id;
      promises[i].product_id = backorders[i].product_id;
      uncovered[i] = backorders[i].open;
      by_product[i] = i;
    }
  g_qsort_with_data (by_product, n_backorders, sizeof (guint), compare_backorders,
                     (gpointer) backorders);

  products = g_new (Product, n_backorders);
  for (guint j = 0; j < n_backorders; j++)
    {
      gint64 product_id = backorders[by_product[j]].product_id;

      if (n_products == 0 || products[n_products - 1].product_id != product_id)
        products[n_products++] = (Product) { product_id, j, j };
      products[n_products - 1].end = j + 1;
    }

  by_eta = g_new (guint, MAX (n_arrivals, 1));
  for (gsize a = 0; a < n_arrivals; a++)
    by_eta[a] = a;
  g_qsort_with_data (by_eta, n_arrivals, sizeof (guint), compare_arrivals, (gpointer) arrivals);

  scratch = g_new (BoDemand, n_backorders);
  for (gsize a = 0; a < n_arrivals; a++)
    {
      const BoArrival *arrival = &arrivals[by_eta[a]];
      Product *product = find_product (products, n_products, arrival->product_id);

      if (product != NULL && product->head < product->end)
        peg_arrival (policy, backorders, by_product, product, uncovered, scratch, arrival,
                     handling_days, promises);
    }

  settle_ship_complete (backorders, n_backorders, promises);

  return g_steal_pointer (&promises);
}

/**
 * bo_available_to_promise:
 * @on_hand: units on the shelf
 * @allocated: units on hand already given to lines
 * @backordered: units promised to lines but not covered by stock
 * @incoming: outstanding units of purchase-order lines with an ETA
 *
 * What a new order may still take under the allow-if-incoming backorder
 * policy: on hand plus incoming minus everything already promised.
 *
 * Returns: the available-to-promise quantity; negative when more is promised
 *   than will be there
 */
gint64
bo_available_to_promise (gint64 on_hand,
                         gint64 allocated,
                         gint64 backordered,
                         gint64 incoming)
{
  return on_hand + incoming - allocated - backordered;
}
