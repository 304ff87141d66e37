/* test-property.c — thousands of random shop operations, every rule checked after each
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BO_SEED=N replays a run; BO_STEPS=N changes its length (default 3000);
 * BO_TRACE=1 prints every step; BO_KEEP=1 keeps the databases.
 */
#define G_LOG_DOMAIN "test-property"
#include "config.h"
#include <glib.h>
#include <glib/gstdio.h>
#include "backorders/bo-error.h"
#include "backorders/bo-store.h"

#define N_PRODUCTS  8
#define N_CUSTOMERS 10
#define N_SUPPLIERS 3

typedef struct
{
  const char       *sku;
  gint64            price;
  gint64            on_hand;
  BoBackorderPolicy policy;
  gint64            reorder_qty;
} ProductSpec;

static const ProductSpec product_specs[N_PRODUCTS] = {
  { "MUG", 1200, 20, BO_BACKORDER_ALLOW, 0 },
  { "TEE", 1900, 10, BO_BACKORDER_ALLOW, 10 },
  { "CAP", 1500, 15, BO_BACKORDER_DENY, 0 },
  { "PIN", 300, 5, BO_BACKORDER_DENY, 0 },
  { "BAG", 2500, 8, BO_BACKORDER_ALLOW_IF_INCOMING, 0 },
  { "HAT", 2200, 0, BO_BACKORDER_ALLOW_IF_INCOMING, 0 },
  { "SOCK", 600, 0, BO_BACKORDER_ALLOW, 0 },
  { "NOTE", 800, 30, BO_BACKORDER_ALLOW, 5 },
};

static const gint customer_tiers[N_CUSTOMERS] = { 0, 0, 0, 1, 0, 2, 0, 1, 0, 0 };
static const gboolean customer_sc[N_CUSTOMERS] = { 0, 0, 1, 0, 0, 0, 1, 0, 0, 0 };

typedef enum
{
  OP_PLACE,
  OP_PREVIEW,
  OP_SHIP,
  OP_MARK_SHIPPED,
  OP_CANCEL_SHIPMENT,
  OP_CANCEL_LINE,
  OP_CREATE_PO,
  OP_SET_ETA,
  OP_RECEIVE,
  OP_ADJUST,
  OP_POLICY,
  OP_REPLAN,
  OP_DRAFT_POS,
  OP_PRIORITY,
  OP_CANCEL_PO,
  OP_HANDLING,
  N_OPS
} Op;

typedef struct
{
  gint64 shipment_id;
  gint64 order_id;
} Shipment;

typedef struct
{
  gint64  backordered_at_placement;
  guint32 first_promised;
} LineHistory;

typedef struct
{
  gint64   placed_at;
  gint     tier;
  gboolean ship_complete;
} OrderInfo;

typedef struct
{
  guint32     seed;
  guint       step;
  const char *op;
  GString    *detail;
  GRand      *rand;
  char       *dir;
  BoStore    *store;
  gint64      products[N_PRODUCTS];
  gint64      customers[N_CUSTOMERS];
  gint64      suppliers[N_SUPPLIERS];
  GArray     *open_orders;   /* gint64: orders that may still have units to ship or cancel */
  GHashTable *orders;        /* order id → OrderInfo */
  GArray     *pending;       /* Shipment: created, maybe not shipped yet */
  GArray     *touched;       /* gint64: orders to check after this step */
  GHashTable *allocations;   /* line id → Allocation: the test's own book */
  GHashTable *history;       /* line id → LineHistory: what must never change */
  gint64      check_time;    /* µs spent in bo_store_check () */
  guint32     first_day;
  guint       ok[N_OPS];
  guint       refused[N_OPS];
} Shop;

/* ---- reporting ------------------------------------------------------------------ */

static void
shop_report (Shop *shop)
{
  g_test_message ("FAILED at step %u, seed %u, operation %s: %s", shop->step, shop->seed,
                  shop->op != NULL ? shop->op : "-", shop->detail->str);
  g_test_message ("replay with: BO_SEED=%u BO_STEPS=%u; the database is left in %s",
                  shop->seed, shop->step + 1, shop->dir);
}

#define check_true(shop, expr)                                                              \
  G_STMT_START                                                                              \
  {                                                                                         \
    if (G_UNLIKELY (!(expr)))                                                               \
      {                                                                                     \
        shop_report (shop);                                                                 \
        g_assertion_message_expr (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, #expr);      \
      }                                                                                     \
  }                                                                                         \
  G_STMT_END

#define check_cmpint(shop, a, cmp, b)                                                       \
  G_STMT_START                                                                              \
  {                                                                                         \
    gint64 check_a_ = (a), check_b_ = (b);                                                  \
    if (G_UNLIKELY (!(check_a_ cmp check_b_)))                                              \
      shop_report (shop);                                                                   \
    g_assert_cmpint (check_a_, cmp, check_b_);                                              \
  }                                                                                         \
  G_STMT_END

#define check_no_error(shop, error)                                                         \
  G_STMT_START                                                                              \
  {                                                                                         \
    if (G_UNLIKELY ((error) != NULL))                                                       \
      shop_report (shop);                                                                   \
    g_assert_no_error (error);                                                              \
  }                                                                                         \
  G_STMT_END

static void
detail (Shop       *shop,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static void
detail (Shop       *shop,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (shop->detail, format, args);
  va_end (args);
}

static gint
rand_range (Shop *shop,
            gint  begin,
            gint  end)
{
  return g_rand_int_range (shop->rand, begin, end);
}

static gboolean
chance (Shop *shop,
        gint  percent)
{
  return g_rand_int_range (shop->rand, 0, 100) < percent;
}

static void
touch (Shop   *shop,
       gint64  order_id)
{
  g_array_append_val (shop->touched, order_id);
}

static guint
product_index (Shop   *shop,
               gint64  product_id)
{
  for (guint i = 0; i < N_PRODUCTS; i++)
    if (shop->products[i] == product_id)
      return i;
  check_true (shop, !"a product of the shop");
  return 0;
}

static guint
sku_index (Shop       *shop,
           const char *sku)
{
  for (guint i = 0; i < N_PRODUCTS; i++)
    if (g_str_equal (product_specs[i].sku, sku))
      return i;
  check_true (shop, !"a SKU of the shop");
  return 0;
}

static OrderInfo *
order_info (Shop   *shop,
            gint64  order_id)
{
  OrderInfo *info = g_hash_table_lookup (shop->orders, &order_id);

  check_true (shop, info != NULL);
  return info;
}

/* ---- fingerprints: what a refused operation must leave as it was ---------------- */

typedef struct
{
  gint64 on_hand[N_PRODUCTS];
  gint64 allocated[N_PRODUCTS];
  gint64 backordered[N_PRODUCTS];
  gint64 incoming[N_PRODUCTS];
  gint64 backlog_lines, backlog_units, backlog_value;
  gint64 orders;
  gint64 last_event;
  char  *next_order;
  char  *next_po;
  char  *policy;
} Fingerprint;

static void
fingerprint_take (Shop        *shop,
                  Fingerprint *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = bo_store_list_products (shop->store, NULL, NULL, 0, 0, &error);
  g_autoptr(GPtrArray) events = NULL;

  check_no_error (shop, error);
  check_cmpint (shop, products->len, ==, N_PRODUCTS);
  for (guint i = 0; i < products->len; i++)
    {
      const BoProduct *p = g_ptr_array_index (products, i);
      guint k = product_index (shop, p->id);

      f->on_hand[k] = p->on_hand;
      f->allocated[k] = p->allocated;
      f->backordered[k] = p->backordered;
      f->incoming[k] = p->incoming;
    }
  bo_store_backlog (shop->store, &f->backlog_lines, &f->backlog_units, &f->backlog_value, &error);
  check_no_error (shop, error);
  f->orders = bo_store_count_orders (shop->store, BO_ORDER_FILTER_ALL, NULL, &error);
  check_no_error (shop, error);
  events = bo_store_list_events (shop->store, 1, &error);
  check_no_error (shop, error);
  f->last_event = events->len > 0 ? ((BoEvent *) g_ptr_array_index (events, 0))->id : 0;
  f->next_order = bo_store_get_setting (shop->store, "next-order-number");
  f->next_po = bo_store_get_setting (shop->store, "next-po-number");
  f->policy = bo_store_get_setting (shop->store, "allocation-policy");
}

static void
fingerprint_clear (Fingerprint *f)
{
  g_clear_pointer (&f->next_order, g_free);
  g_clear_pointer (&f->next_po, g_free);
  g_clear_pointer (&f->policy, g_free);
}

static void
check_unchanged (Shop              *shop,
                 const Fingerprint *before)
{
  Fingerprint after = { 0 };

  fingerprint_take (shop, &after);
  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      check_cmpint (shop, after.on_hand[i], ==, before->on_hand[i]);
      check_cmpint (shop, after.allocated[i], ==, before->allocated[i]);
      check_cmpint (shop, after.backordered[i], ==, before->backordered[i]);
      check_cmpint (shop, after.incoming[i], ==, before->incoming[i]);
    }
  check_cmpint (shop, after.backlog_lines, ==, before->backlog_lines);
  check_cmpint (shop, after.backlog_units, ==, before->backlog_units);
  check_cmpint (shop, after.backlog_value, ==, before->backlog_value);
  check_cmpint (shop, after.orders, ==, before->orders);
  check_cmpint (shop, after.last_event, ==, before->last_event);
  check_true (shop, g_strcmp0 (after.next_order, before->next_order) == 0);
  check_true (shop, g_strcmp0 (after.next_po, before->next_po) == 0);
  check_true (shop, g_strcmp0 (after.policy, before->policy) == 0);
  fingerprint_clear (&after);
}

/* A refusal is fine, as long as it is a refusal and nothing moved. */
static void
check_refused (Shop              *shop,
               Op                 op,
               const GError      *error,
               const Fingerprint *before)
{
  check_true (shop, error != NULL);
  if (!g_error_matches (error, BO_ERROR, BO_ERROR_REFUSED) &&
      !g_error_matches (error, BO_ERROR, BO_ERROR_INVALID))
    {
      shop_report (shop);
      g_assert_no_error (error);
    }
  detail (shop, " → refused: %s", error->message);
  check_unchanged (shop, before);
  shop->refused[op]++;
}

static BoOrder *get_order (Shop   *shop,
                           gint64  order_id);

/* ---- allocations: existing ones are never taken away, except by a re-plan -------- */

/* The test keeps its own book of every allocated line. An operation may move
 * only the allocations it is expected to move (or reports in its result);
 * the products' totals tell when anything else moved. */
typedef struct
{
  gint64 order_id;
  guint  product;
  gint64 allocated;
} Allocation;

static gint64
allocation_of (Shop   *shop,
               gint64  line_id)
{
  Allocation *a = g_hash_table_lookup (shop->allocations, &line_id);

  return a != NULL ? a->allocated : 0;
}

static void
book_allocation (GHashTable *book,
                 gint64      line_id,
                 gint64      order_id,
                 guint       product,
                 gint64      allocated)
{
  Allocation a = { order_id, product, allocated };

  g_hash_table_insert (book, g_memdup2 (&line_id, sizeof line_id), g_memdup2 (&a, sizeof a));
}

static GHashTable *
expected_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/* Who gets new stock follows the order of service: no line of a higher tier
 * waits for a product that a lower tier just got, and under FIFO no earlier
 * line of the same tier does either. Held ship-complete orders wait by rule. */
typedef struct
{
  gint64 line_id;
  gint64 order_id;
  guint  product;
} Gain;

static gboolean
served_before (gint64 placed_a,
               gint64 order_a,
               gint64 line_a,
               gint64 placed_b,
               gint64 order_b,
               gint64 line_b)
{
  if (placed_a != placed_b)
    return placed_a < placed_b;
  if (order_a != order_b)
    return order_a < order_b;
  return line_a < line_b;
}

static void
check_service_order (Shop   *shop,
                     GArray *gains)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  BoPolicy policy;

  if (gains->len == 0)
    return;
  waiting = bo_store_list_backorders (shop->store, BO_ORDER_FILTER_ALL, NULL, NULL, 0, 0, &error);
  check_no_error (shop, error);
  policy = bo_store_get_policy (shop->store);
  for (guint i = 0; i < gains->len; i++)
    {
      const Gain *g = &g_array_index (gains, Gain, i);
      const OrderInfo *gi = order_info (shop, g->order_id);

      for (guint j = 0; j < waiting->len; j++)
        {
          const BoOrderSummary *w = g_ptr_array_index (waiting, j);
          const OrderInfo *wi = order_info (shop, w->order_id);
          gboolean ahead;

          if (sku_index (shop, w->sku) != g->product || wi->ship_complete)
            continue;
          ahead = wi->tier > gi->tier ||
                  (policy == BO_POLICY_FIFO && wi->tier == gi->tier &&
                   served_before (w->placed_at, w->order_id, w->line_id, gi->placed_at,
                                  g->order_id, g->line_id));
          if (ahead)
            {
              detail (shop, " [line %" G_GINT64_FORMAT " of order %s (tier %d) waits for %"
                      G_GINT64_FORMAT " × %s, but line %" G_GINT64_FORMAT " (tier %d) got stock]",
                      w->line_id, w->number, wi->tier, w->backordered, w->sku, g->line_id,
                      gi->tier);
              check_true (shop, !"stock went past a line that comes first");
            }
        }
    }
}

/* What an allocation result reports must be what happened, and each change
 * must give, never take. */
static GHashTable *
expected_from_result (Shop                     *shop,
                      const BoAllocationResult *result,
                      gboolean                  only_growth)
{
  GHashTable *expected = expected_new ();
  g_autoptr(GArray) gains = g_array_new (FALSE, FALSE, sizeof (Gain));

  for (guint i = 0; result != NULL && i < result->changes->len; i++)
    {
      const BoAllocationChange *c = &g_array_index (result->changes, BoAllocationChange, i);

      check_cmpint (shop, c->before, ==, allocation_of (shop, c->line_id));
      if (only_growth)
        check_cmpint (shop, c->after, >, c->before);
      check_true (shop, !g_hash_table_contains (expected, &c->line_id));
      book_allocation (expected, c->line_id, c->order_id, sku_index (shop, c->sku), c->after);
      touch (shop, c->order_id);
    }
  for (guint i = 0; result != NULL && i < result->ready->len; i++)
    {
      const BoReadyOrder *r = &g_array_index (result->ready, BoReadyOrder, i);
      gboolean found = FALSE;

      g_autoptr(BoOrder) order = NULL;
      gint64 open = 0;

      for (guint j = 0; j < result->changes->len; j++)
        found |= g_array_index (result->changes, BoAllocationChange, j).order_id == r->order_id;
      check_true (shop, found);
      /* Complete: nothing of the order is still backordered. */
      order = get_order (shop, r->order_id);
      for (guint j = 0; j < order->lines->len; j++)
        open += ((BoOrderLine *) g_ptr_array_index (order->lines, j))->backordered;
      check_cmpint (shop, r->complete, ==, open == 0);
    }
  for (guint i = 0; result != NULL && i < result->changes->len; i++)
    {
      const BoAllocationChange *c = &g_array_index (result->changes, BoAllocationChange, i);
      Gain g = { c->line_id, c->order_id, sku_index (shop, c->sku) };

      if (c->after > c->before)
        g_array_append_val (gains, g);
    }
  check_service_order (shop, gains);
  return expected;
}

/* Reads every order and compares its lines with the book; with @resync, the
 * book follows the database afterwards. */
static void
check_book (Shop     *shop,
            gboolean  resync)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orders = bo_store_list_orders (shop->store, BO_ORDER_FILTER_READY, NULL,
                                                      NULL, 0, 0, &error);
  g_autoptr(GHashTable) actual = expected_new ();
  GHashTableIter iter;
  gpointer key, value;
  gboolean same = TRUE;

  check_no_error (shop, error);
  for (guint i = 0; i < orders->len; i++)
    {
      const BoOrderSummary *s = g_ptr_array_index (orders, i);
      g_autoptr(BoOrder) order = get_order (shop, s->order_id);

      for (guint j = 0; j < order->lines->len; j++)
        {
          const BoOrderLine *l = g_ptr_array_index (order->lines, j);

          if (l->allocated > 0)
            book_allocation (actual, l->id, order->id, product_index (shop, l->product_id),
                             l->allocated);
        }
    }
  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (allocation_of (shop, *(gint64 *) key) != ((Allocation *) value)->allocated)
      {
        detail (shop, " [line %" G_GINT64_FORMAT " of order %" G_GINT64_FORMAT ": allocated %"
                G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT "]", *(gint64 *) key,
                ((Allocation *) value)->order_id, ((Allocation *) value)->allocated,
                allocation_of (shop, *(gint64 *) key));
        same = FALSE;
      }
  g_hash_table_iter_init (&iter, shop->allocations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (actual, key))
      {
        detail (shop, " [line %" G_GINT64_FORMAT " of order %" G_GINT64_FORMAT
                ": allocated 0, expected %" G_GINT64_FORMAT "]", *(gint64 *) key,
                ((Allocation *) value)->order_id, ((Allocation *) value)->allocated);
        same = FALSE;
      }
  check_true (shop, same);
  if (resync)
    {
      g_hash_table_unref (shop->allocations);
      shop->allocations = g_steal_pointer (&actual);
    }
}

/* Books the expected moves, then checks that nothing else moved: the lines
 * of the orders concerned one by one, every other line through the products'
 * totals. */
static void
check_allocations (Shop       *shop,
                   GHashTable *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GHashTable) orders = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 booked[N_PRODUCTS] = { 0 };
  gboolean totals_agree = TRUE;
  GHashTableIter iter;
  gpointer key, value;

  if (expected != NULL)
    {
      g_hash_table_iter_init (&iter, expected);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Allocation *a = value;

          g_hash_table_add (orders, &a->order_id);
          if (a->allocated > 0)
            book_allocation (shop->allocations, *(gint64 *) key, a->order_id, a->product,
                             a->allocated);
          else
            g_hash_table_remove (shop->allocations, key);
        }
    }

  g_hash_table_iter_init (&iter, orders);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(BoOrder) order = get_order (shop, *(gint64 *) key);

      for (guint i = 0; i < order->lines->len; i++)
        {
          const BoOrderLine *l = g_ptr_array_index (order->lines, i);

          if (l->allocated != allocation_of (shop, l->id))
            detail (shop, " [order %s line %" G_GINT64_FORMAT " %s: allocated %" G_GINT64_FORMAT
                    ", expected %" G_GINT64_FORMAT "]", order->number, l->id, l->sku,
                    l->allocated, allocation_of (shop, l->id));
          check_cmpint (shop, l->allocated, ==, allocation_of (shop, l->id));
        }
    }

  g_hash_table_iter_init (&iter, shop->allocations);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    booked[((Allocation *) value)->product] += ((Allocation *) value)->allocated;
  products = bo_store_list_products (shop->store, NULL, NULL, 0, 0, &error);
  check_no_error (shop, error);
  for (guint i = 0; i < products->len; i++)
    {
      const BoProduct *p = g_ptr_array_index (products, i);
      guint k = product_index (shop, p->id);

      if (p->allocated != booked[k])
        {
          detail (shop, " [%s: %" G_GINT64_FORMAT " allocated, expected %" G_GINT64_FORMAT "]",
                  p->sku, p->allocated, booked[k]);
          totals_agree = FALSE;
        }
    }
  /* Something moved that should not have: find which lines. */
  if (!totals_agree)
    check_book (shop, FALSE);
  check_true (shop, totals_agree);
}

/* ---- reading -------------------------------------------------------------------- */

static BoOrder *
get_order (Shop   *shop,
           gint64  order_id)
{
  g_autoptr(GError) error = NULL;
  BoOrder *order = bo_store_get_order (shop->store, order_id, &error);

  check_no_error (shop, error);
  return order;
}

static const BoOrderLine *
find_line (const BoOrder *order,
           gint64         line_id)
{
  for (guint i = 0; i < order->lines->len; i++)
    if (((const BoOrderLine *) g_ptr_array_index (order->lines, i))->id == line_id)
      return g_ptr_array_index (order->lines, i);
  return NULL;
}

/* Units of a line packed in shipments that have not left. */
static gint64
packed_of (GPtrArray *shipments,
           gint64     line_id)
{
  gint64 packed = 0;

  for (guint i = 0; i < shipments->len; i++)
    {
      const BoShipment *s = g_ptr_array_index (shipments, i);

      for (guint j = 0; s->shipped_at == 0 && j < s->lines->len; j++)
        if (g_array_index (s->lines, BoShipmentLine, j).line_id == line_id)
          packed += g_array_index (s->lines, BoShipmentLine, j).quantity;
    }
  return packed;
}

static GPtrArray *
list_shipments (Shop   *shop,
                gint64  order_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *shipments = bo_store_list_shipments (shop->store, order_id, &error);

  check_no_error (shop, error);
  return shipments;
}

static gboolean
order_is_open (const BoOrder *order)
{
  for (guint i = 0; i < order->lines->len; i++)
    {
      const BoOrderLine *l = g_ptr_array_index (order->lines, i);
      if (l->ordered > l->shipped + l->cancelled)
        return TRUE;
    }
  return FALSE;
}

/* A random order that still has units to ship or cancel, or NULL. */
static BoOrder *
pick_open_order (Shop *shop)
{
  for (guint tries = 0; tries < 8 && shop->open_orders->len > 0; tries++)
    {
      guint k = rand_range (shop, 0, shop->open_orders->len);
      BoOrder *order = get_order (shop, g_array_index (shop->open_orders, gint64, k));

      if (order_is_open (order))
        return order;
      bo_order_free (order);
      g_array_remove_index_fast (shop->open_orders, k);
    }
  return NULL;
}

static BoPurchaseOrder *
pick_po (Shop     *shop,
         gboolean  open_only)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pos = bo_store_list_pos (shop->store, open_only, &error);

  check_no_error (shop, error);
  if (pos->len == 0)
    return NULL;
  return g_ptr_array_steal_index (pos, rand_range (shop, 0, pos->len));
}

/* ---- domain rules of single orders --------------------------------------------------- */

static void
check_order_lines (Shop          *shop,
                   const BoOrder *order)
{
  for (guint i = 0; i < order->lines->len; i++)
    {
      const BoOrderLine *l = g_ptr_array_index (order->lines, i);
      gsize mark = shop->detail->len;

      detail (shop, " {order %s line %" G_GINT64_FORMAT " %s: ordered %" G_GINT64_FORMAT
              " allocated %" G_GINT64_FORMAT " shipped %" G_GINT64_FORMAT " cancelled %"
              G_GINT64_FORMAT " promised %u waiting %s}", order->number, l->id, l->sku,
              l->ordered, l->allocated, l->shipped, l->cancelled, l->promised,
              l->waiting_po != NULL ? l->waiting_po : "-");
      check_cmpint (shop, l->ordered, >, 0);
      check_cmpint (shop, l->allocated, >=, 0);
      check_cmpint (shop, l->shipped, >=, 0);
      check_cmpint (shop, l->cancelled, >=, 0);
      check_cmpint (shop, l->allocated + l->shipped + l->cancelled, <=, l->ordered);
      check_cmpint (shop, l->backordered, ==,
                    l->ordered - l->allocated - l->shipped - l->cancelled);
      check_cmpint (shop, l->backordered_at_placement, >=, 0);
      check_cmpint (shop, l->backordered_at_placement, <=, l->ordered);
      /* Cancellations here always refund the units' price. */
      check_cmpint (shop, l->refunded, ==, l->cancelled * l->unit_price);
      if (l->promised != 0)
        check_cmpint (shop, l->first_promised, !=, 0);
      /* Fixed once known: what placement could not allocate, the first promise. */
      {
        LineHistory *h = g_hash_table_lookup (shop->history, &l->id);

        check_true (shop, h != NULL);
        check_cmpint (shop, l->backordered_at_placement, ==, h->backordered_at_placement);
        if (h->first_promised != 0)
          check_cmpint (shop, l->first_promised, ==, h->first_promised);
        h->first_promised = l->first_promised;
      }
      /* A line with nothing backordered waits for nothing. */
      if (l->backordered == 0)
        {
          check_cmpint (shop, l->promised, ==, 0);
          check_true (shop, l->waiting_po == NULL);
        }
      g_string_truncate (shop->detail, mark);
    }
}

/* ---- operations -------------------------------------------------------------------- */

static void
op_place (Shop     *shop,
          gboolean  keep)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) preview = NULL;
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GError) preview_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BoOrder) order = NULL;
  Fingerprint before = { 0 };
  gint64 need[N_PRODUCTS] = { 0 };
  gint64 granted[N_PRODUCTS] = { 0 };
  gint64 backordered[N_PRODUCTS] = { 0 };
  guint line_product[4];
  guint customer = rand_range (shop, 0, N_CUSTOMERS);
  guint n_lines = chance (shop, 55) ? 1 : chance (shop, 70) ? 2 : rand_range (shop, 3, 5);
  gboolean with_preview = !keep || chance (shop, 25);
  gboolean preview_ok = FALSE;
  gboolean sc, ok, all_free = TRUE, any_granted = FALSE, all_granted = TRUE;
  gint tier;
  Op op = keep ? OP_PLACE : OP_PREVIEW;

  shop->op = keep ? "place order" : "preview order";
  draft->customer_id = shop->customers[customer];
  if (chance (shop, 15))
    draft->ship_complete = chance (shop, 75) ? 1 : 0;
  if (chance (shop, 15))
    draft->priority = rand_range (shop, 0, 4);
  sc = draft->ship_complete >= 0 ? draft->ship_complete : customer_sc[customer];
  tier = draft->priority >= 0 ? draft->priority : customer_tiers[customer];
  detail (shop, "customer %u (tier %d%s)", customer, tier, sc ? ", ship complete" : "");
  for (guint i = 0; i < n_lines; i++)
    {
      guint p = i > 0 && chance (shop, 10) ? line_product[i - 1]
                                            : (guint) rand_range (shop, 0, N_PRODUCTS);
      gint64 quantity = chance (shop, 85) ? rand_range (shop, 1, 5) : rand_range (shop, 5, 13);
      gint64 price = chance (shop, 10) ? rand_range (shop, 0, 5000) : -1;

      line_product[i] = p;
      need[p] += quantity;
      bo_order_draft_add_line (draft, product_specs[p].sku, quantity, price);
      detail (shop, ", %s × %" G_GINT64_FORMAT, product_specs[p].sku, quantity);
    }

  fingerprint_take (shop, &before);
  for (guint p = 0; p < N_PRODUCTS; p++)
    {
      if (need[p] > 0)
        detail (shop, " [%s free %" G_GINT64_FORMAT "]", product_specs[p].sku,
                before.on_hand[p] - before.allocated[p]);
      if (need[p] > before.on_hand[p] - before.allocated[p])
        all_free = FALSE;
    }

  if (with_preview)
    {
      preview_ok = bo_store_place_order (shop->store, draft, TRUE, &preview, &preview_error);
      if (!preview_ok)
        {
          check_true (shop, g_error_matches (preview_error, BO_ERROR, BO_ERROR_REFUSED));
          detail (shop, " → preview refused: %s", preview_error->message);
        }
      check_unchanged (shop, &before);
      if (preview_ok)
        check_cmpint (shop, preview->order_id, ==, 0);
      if (!keep)
        {
          check_allocations (shop, NULL);
          if (preview_ok)
            shop->ok[op]++;
          else
            shop->refused[op]++;
          fingerprint_clear (&before);
          return;
        }
    }

  ok = bo_store_place_order (shop->store, draft, FALSE, &outcome, &error);
  if (with_preview)
    check_cmpint (shop, ok, ==, preview_ok);
  if (!ok)
    {
      gboolean restrictive = FALSE, short_somewhere = FALSE;

      check_refused (shop, op, error, &before);
      check_true (shop, g_error_matches (error, BO_ERROR, BO_ERROR_REFUSED));
      /* Only a shortage of a product that limits backorders refuses an order. */
      for (guint p = 0; p < N_PRODUCTS; p++)
        if (need[p] > 0)
          {
            restrictive |= product_specs[p].policy != BO_BACKORDER_ALLOW;
            short_somewhere |= need[p] > before.on_hand[p] - before.allocated[p];
          }
      check_true (shop, restrictive);
      check_true (shop, short_somewhere);
      check_allocations (shop, NULL);
      fingerprint_clear (&before);
      return;
    }

  shop->ok[op]++;
  detail (shop, " → order %s", outcome->number);
  check_cmpint (shop, outcome->order_id, >, 0);
  check_cmpint (shop, outcome->lines->len, ==, n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      const BoLineOutcome *lo = &g_array_index (outcome->lines, BoLineOutcome, i);
      const BoLineDraft *d = &g_array_index (draft->lines, BoLineDraft, i);
      guint p = line_product[i];

      detail (shop, " [%s: %" G_GINT64_FORMAT " allocated, %" G_GINT64_FORMAT " backordered]",
              lo->sku, lo->allocated, lo->backordered);
      check_true (shop, g_str_equal (lo->sku, d->sku));
      check_cmpint (shop, lo->ordered, ==, d->quantity);
      check_cmpint (shop, lo->allocated, >=, 0);
      check_cmpint (shop, lo->backordered, >=, 0);
      check_cmpint (shop, lo->allocated + lo->backordered, ==, lo->ordered);
      granted[p] += lo->allocated;
      backordered[p] += lo->backordered;
      any_granted |= lo->allocated > 0;
      all_granted &= lo->backordered == 0;
      if (preview != NULL)
        {
          const BoLineOutcome *po = &g_array_index (preview->lines, BoLineOutcome, i);

          check_cmpint (shop, po->allocated, ==, lo->allocated);
          check_cmpint (shop, po->backordered, ==, lo->backordered);
          check_cmpint (shop, po->promised, ==, lo->promised);
        }
    }
  if (preview != NULL)
    check_true (shop, g_str_equal (preview->number, outcome->number));

  for (guint p = 0; p < N_PRODUCTS; p++)
    {
      gint64 free_stock = before.on_hand[p] - before.allocated[p];

      if (need[p] == 0)
        continue;
      check_cmpint (shop, granted[p], <=, free_stock);
      /* Deny never backorders; allow-if-incoming only what stock and
       * incoming purchase orders can still cover, for all lines of the product. */
      if (product_specs[p].policy == BO_BACKORDER_DENY)
        check_cmpint (shop, backordered[p], ==, 0);
      if (product_specs[p].policy == BO_BACKORDER_ALLOW_IF_INCOMING && backordered[p] > 0)
        check_cmpint (shop, need[p], <=, before.on_hand[p] + before.incoming[p] -
                                         before.allocated[p] - before.backordered[p]);
      /* Free stock goes to the new order when nobody else can take it. */
      if (!sc && need[p] <= free_stock)
        check_cmpint (shop, granted[p], ==, need[p]);
    }
  /* Ship complete: all or nothing. */
  if (sc)
    {
      check_true (shop, all_granted || !any_granted);
      if (all_free)
        check_true (shop, all_granted);
    }

  order = get_order (shop, outcome->order_id);
  check_true (shop, g_str_equal (order->number, outcome->number));
  check_cmpint (shop, order->tier, ==, tier);
  check_cmpint (shop, order->ship_complete, ==, sc);
  check_cmpint (shop, order->lines->len, ==, n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      const BoLineOutcome *lo = &g_array_index (outcome->lines, BoLineOutcome, i);
      const BoOrderLine *l = g_ptr_array_index (order->lines, i);
      const BoLineDraft *d = &g_array_index (draft->lines, BoLineDraft, i);

      check_cmpint (shop, l->id, ==, lo->line_id);
      check_cmpint (shop, l->allocated, ==, lo->allocated);
      check_cmpint (shop, l->backordered_at_placement, ==, lo->backordered);
      check_cmpint (shop, l->promised, ==, lo->promised);
      check_cmpint (shop, l->unit_price, ==,
                    d->unit_price >= 0 ? d->unit_price : product_specs[line_product[i]].price);
    }

  for (guint i = 0; i < n_lines; i++)
    {
      const BoLineOutcome *lo = &g_array_index (outcome->lines, BoLineOutcome, i);
      LineHistory h = { lo->backordered, 0 };

      g_hash_table_insert (shop->history, g_memdup2 (&lo->line_id, sizeof lo->line_id),
                           g_memdup2 (&h, sizeof h));
    }
  g_array_append_val (shop->open_orders, outcome->order_id);
  {
    OrderInfo info = { order->placed_at, tier, sc };

    g_hash_table_insert (shop->orders, g_memdup2 (&outcome->order_id, sizeof (gint64)),
                         g_memdup2 (&info, sizeof info));
  }
  {
    g_autoptr(GArray) gains = g_array_new (FALSE, FALSE, sizeof (Gain));

    for (guint i = 0; i < n_lines; i++)
      {
        const BoLineOutcome *lo = &g_array_index (outcome->lines, BoLineOutcome, i);
        Gain g = { lo->line_id, outcome->order_id, line_product[i] };

        if (lo->allocated > 0)
          g_array_append_val (gains, g);
      }
    check_service_order (shop, gains);
  }
  touch (shop, outcome->order_id);
  {
    g_autoptr(GHashTable) expected = expected_new ();

    /* The new lines take stock; nobody else's allocation moves. */
    for (guint i = 0; i < n_lines; i++)
      {
        const BoLineOutcome *lo = &g_array_index (outcome->lines, BoLineOutcome, i);
        book_allocation (expected, lo->line_id, outcome->order_id, line_product[i], lo->allocated);
      }
    check_allocations (shop, expected);
  }
  fingerprint_clear (&before);
}

static void
op_mark_shipped (Shop     *shop,
                 Shipment  shipment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shipments = list_shipments (shop, shipment.order_id);
  g_autoptr(BoOrder) order = get_order (shop, shipment.order_id);
  g_autoptr(BoOrder) after = NULL;
  g_autoptr(GHashTable) expected = expected_new ();
  const BoShipment *s = NULL;
  Fingerprint before = { 0 };
  gint64 leaving[N_PRODUCTS] = { 0 };
  gboolean ok;

  shop->op = "mark shipped";
  detail (shop, " / mark shipment %" G_GINT64_FORMAT " of order %s shipped", shipment.shipment_id,
          order->number);
  for (guint i = 0; i < shipments->len; i++)
    if (((BoShipment *) g_ptr_array_index (shipments, i))->id == shipment.shipment_id)
      s = g_ptr_array_index (shipments, i);

  fingerprint_take (shop, &before);
  ok = bo_store_mark_shipped (shop->store, shipment.shipment_id, &error);
  if (s == NULL || s->shipped_at != 0)
    {
      /* Cancelled, or gone already. */
      check_true (shop, !ok);
      if (s == NULL)
        {
          check_true (shop, g_error_matches (error, BO_ERROR, BO_ERROR_NOT_FOUND));
          check_unchanged (shop, &before);
          shop->refused[OP_MARK_SHIPPED]++;
        }
      else
        check_refused (shop, OP_MARK_SHIPPED, error, &before);
      check_allocations (shop, NULL);
      fingerprint_clear (&before);
      return;
    }
  check_no_error (shop, error);
  check_true (shop, ok);
  shop->ok[OP_MARK_SHIPPED]++;

  after = get_order (shop, shipment.order_id);
  for (guint j = 0; j < s->lines->len; j++)
    {
      const BoShipmentLine *sl = &g_array_index (s->lines, BoShipmentLine, j);
      const BoOrderLine *was = find_line (order, sl->line_id);
      const BoOrderLine *now = find_line (after, sl->line_id);

      check_true (shop, was != NULL && now != NULL);
      check_cmpint (shop, now->shipped, ==, was->shipped + sl->quantity);
      check_cmpint (shop, now->allocated, ==, was->allocated - sl->quantity);
      check_cmpint (shop, now->cancelled, ==, was->cancelled);
      book_allocation (expected, sl->line_id, shipment.order_id,
                       product_index (shop, sl->product_id), was->allocated - sl->quantity);
      leaving[product_index (shop, sl->product_id)] += sl->quantity;
    }
  {
    Fingerprint now = { 0 };

    fingerprint_take (shop, &now);
    for (guint p = 0; p < N_PRODUCTS; p++)
      {
        check_cmpint (shop, now.on_hand[p], ==, before.on_hand[p] - leaving[p]);
        check_cmpint (shop, now.allocated[p], ==, before.allocated[p] - leaving[p]);
        check_cmpint (shop, now.backordered[p], ==, before.backordered[p]);
      }
    fingerprint_clear (&now);
  }
  touch (shop, shipment.order_id);
  check_allocations (shop, expected);
  fingerprint_clear (&before);
}

static void
op_ship (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ready = bo_store_list_orders (shop->store, BO_ORDER_FILTER_READY, NULL,
                                                     NULL, 0, 0, &error);
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GPtrArray) shipments = NULL;
  g_autoptr(GPtrArray) shipments_after = NULL;
  g_autoptr(GArray) quantities = g_array_new (FALSE, FALSE, sizeof (BoQuantity));
  const BoOrderSummary *summary;
  Fingerprint before = { 0 };
  gboolean everything = chance (shop, 30);
  gboolean expect_refusal = FALSE;
  gint64 packable = 0, shipment_id = 0;
  const BoShipment *created = NULL;
  gboolean ok;

  shop->op = "create shipment";
  check_no_error (shop, error);
  if (ready->len == 0)
    {
      detail (shop, "nothing to ship");
      return;
    }
  summary = g_ptr_array_index (ready, rand_range (shop, 0, ready->len));
  order = get_order (shop, summary->order_id);
  shipments = list_shipments (shop, order->id);
  detail (shop, "order %s", order->number);

  for (guint i = 0; i < order->lines->len; i++)
    {
      const BoOrderLine *l = g_ptr_array_index (order->lines, i);
      gint64 available = l->allocated - packed_of (shipments, l->id);
      BoQuantity q = { l->id, 0 };

      packable += available;
      if (everything || !chance (shop, 60))
        continue;
      if (available > 0)
        q.quantity = rand_range (shop, 1, available + 1);
      if (chance (shop, 8) || available == 0)
        q.quantity = available + 1;
      expect_refusal |= q.quantity > available;
      g_array_append_val (quantities, q);
      detail (shop, ", %s × %" G_GINT64_FORMAT " (of %" G_GINT64_FORMAT ")", l->sku, q.quantity,
              available);
    }
  if (!everything && quantities->len == 0)
    everything = TRUE;
  if (everything)
    {
      detail (shop, ", everything ready (%" G_GINT64_FORMAT ")", packable);
      expect_refusal = packable == 0;
    }

  fingerprint_take (shop, &before);
  ok = bo_store_create_shipment (shop->store, order->id,
                                 everything ? NULL : (const BoQuantity *) quantities->data,
                                 everything ? 0 : quantities->len, &shipment_id, &error);
  if (expect_refusal)
    {
      check_true (shop, !ok);
      check_refused (shop, OP_SHIP, error, &before);
      check_allocations (shop, NULL);
      fingerprint_clear (&before);
      return;
    }
  check_no_error (shop, error);
  check_true (shop, ok);
  shop->ok[OP_SHIP]++;
  detail (shop, " → shipment %" G_GINT64_FORMAT, shipment_id);

  /* Packed as asked; nothing allocated moves until it leaves. */
  shipments_after = list_shipments (shop, order->id);
  for (guint i = 0; i < shipments_after->len; i++)
    if (((BoShipment *) g_ptr_array_index (shipments_after, i))->id == shipment_id)
      created = g_ptr_array_index (shipments_after, i);
  check_true (shop, created != NULL);
  check_cmpint (shop, created->shipped_at, ==, 0);
  for (guint i = 0; i < order->lines->len; i++)
    {
      const BoOrderLine *l = g_ptr_array_index (order->lines, i);
      gint64 asked = 0, packed_now = 0;

      if (everything)
        asked = l->allocated - packed_of (shipments, l->id);
      for (guint j = 0; j < quantities->len; j++)
        if (g_array_index (quantities, BoQuantity, j).line_id == l->id)
          asked += g_array_index (quantities, BoQuantity, j).quantity;
      for (guint j = 0; j < created->lines->len; j++)
        if (g_array_index (created->lines, BoShipmentLine, j).line_id == l->id)
          packed_now += g_array_index (created->lines, BoShipmentLine, j).quantity;
      check_cmpint (shop, packed_now, ==, asked);
    }
  touch (shop, order->id);
  check_allocations (shop, NULL);
  fingerprint_clear (&before);

  {
    Shipment s = { shipment_id, order->id };

    if (chance (shop, 70))
      op_mark_shipped (shop, s);
    else
      g_array_append_val (shop->pending, s);
  }
}

static void
op_ship_pending (Shop *shop)
{
  Shipment s;
  guint k;

  shop->op = "mark shipped";
  if (shop->pending->len == 0)
    {
      detail (shop, "no shipment waiting");
      return;
    }
  k = rand_range (shop, 0, shop->pending->len);
  s = g_array_index (shop->pending, Shipment, k);
  /* Sometimes try it twice: the second time is refused. */
  if (!chance (shop, 10))
    g_array_remove_index_fast (shop->pending, k);
  op_mark_shipped (shop, s);
}

static void
op_cancel_shipment (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shipments = NULL;
  g_autoptr(GPtrArray) shipments_after = NULL;
  const BoShipment *s = NULL;
  Fingerprint before = { 0 };
  Shipment pending;
  guint k;
  gboolean ok;

  shop->op = "cancel shipment";
  if (shop->pending->len == 0)
    {
      detail (shop, "no shipment waiting");
      return;
    }
  k = rand_range (shop, 0, shop->pending->len);
  pending = g_array_index (shop->pending, Shipment, k);
  g_array_remove_index_fast (shop->pending, k);
  detail (shop, "shipment %" G_GINT64_FORMAT, pending.shipment_id);
  shipments = list_shipments (shop, pending.order_id);
  for (guint i = 0; i < shipments->len; i++)
    if (((BoShipment *) g_ptr_array_index (shipments, i))->id == pending.shipment_id)
      s = g_ptr_array_index (shipments, i);

  fingerprint_take (shop, &before);
  ok = bo_store_cancel_shipment (shop->store, pending.shipment_id, &error);
  if (s == NULL || s->shipped_at != 0)
    {
      check_true (shop, !ok);
      check_refused (shop, OP_CANCEL_SHIPMENT, error, &before);
    }
  else
    {
      check_no_error (shop, error);
      check_true (shop, ok);
      shop->ok[OP_CANCEL_SHIPMENT]++;
      shipments_after = list_shipments (shop, pending.order_id);
      for (guint i = 0; i < shipments_after->len; i++)
        check_cmpint (shop, ((BoShipment *) g_ptr_array_index (shipments_after, i))->id, !=,
                      pending.shipment_id);
      /* The units stay allocated to the order. */
      {
        Fingerprint now = { 0 };

        fingerprint_take (shop, &now);
        for (guint p = 0; p < N_PRODUCTS; p++)
          {
            check_cmpint (shop, now.on_hand[p], ==, before.on_hand[p]);
            check_cmpint (shop, now.allocated[p], ==, before.allocated[p]);
          }
        fingerprint_clear (&now);
      }
    }
  touch (shop, pending.order_id);
  check_allocations (shop, NULL);
  fingerprint_clear (&before);
}

static void
op_cancel_line (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoOrder) order = pick_open_order (shop);
  g_autoptr(BoOrder) after = NULL;
  g_autoptr(GPtrArray) shipments = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(BoAllocationResult) result = NULL;
  const BoOrderLine *l, *now;
  Fingerprint before = { 0 };
  gint64 remaining, packed, quantity, from_backorder, from_allocation, regained = 0;
  gboolean expect_refusal, ok;

  shop->op = "cancel line";
  if (order == NULL)
    {
      detail (shop, "no open order");
      return;
    }
  l = g_ptr_array_index (order->lines, rand_range (shop, 0, order->lines->len));
  shipments = list_shipments (shop, order->id);
  packed = packed_of (shipments, l->id);
  remaining = l->ordered - l->shipped - l->cancelled;
  if (remaining > 0 && chance (shop, 80))
    quantity = rand_range (shop, 1, remaining + 1);
  else if (remaining > 0 && chance (shop, 50))
    quantity = remaining;
  else
    quantity = remaining + rand_range (shop, 1, 4);
  from_backorder = MIN (quantity, l->backordered);
  from_allocation = quantity - from_backorder;
  expect_refusal = quantity > remaining || from_allocation > l->allocated - packed;
  detail (shop, "order %s, line %" G_GINT64_FORMAT " %s (ordered %" G_GINT64_FORMAT
          ", allocated %" G_GINT64_FORMAT ", packed %" G_GINT64_FORMAT ", shipped %"
          G_GINT64_FORMAT ", cancelled %" G_GINT64_FORMAT ", backordered %" G_GINT64_FORMAT
          "): cancel %" G_GINT64_FORMAT, order->number, l->id, l->sku, l->ordered, l->allocated,
          packed, l->shipped, l->cancelled, l->backordered, quantity);

  fingerprint_take (shop, &before);
  ok = bo_store_cancel_line (shop->store, l->id, quantity, -1, &result, &error);
  if (expect_refusal)
    {
      check_true (shop, !ok);
      check_refused (shop, OP_CANCEL_LINE, error, &before);
      check_allocations (shop, NULL);
      fingerprint_clear (&before);
      return;
    }
  check_no_error (shop, error);
  check_true (shop, ok);
  shop->ok[OP_CANCEL_LINE]++;

  /* Backordered units go first, then allocated ones; shipped ones never.
   * What the cancellation freed (or, for a held ship-complete order, what it
   * no longer needs) may then be allocated again, this line included: the
   * result says so. */
  for (guint i = 0; i < result->changes->len; i++)
    {
      const BoAllocationChange *c = &g_array_index (result->changes, BoAllocationChange, i);

      if (c->line_id == l->id)
        {
          check_cmpint (shop, c->before, ==, l->allocated - from_allocation);
          regained = c->after - c->before;
        }
    }
  after = get_order (shop, order->id);
  now = find_line (after, l->id);
  check_true (shop, now != NULL);
  check_cmpint (shop, now->cancelled, ==, l->cancelled + quantity);
  check_cmpint (shop, now->shipped, ==, l->shipped);
  check_cmpint (shop, now->allocated, ==, l->allocated - from_allocation + regained);
  check_cmpint (shop, now->backordered, ==, l->backordered - from_backorder - regained);
  check_cmpint (shop, now->refunded, ==, l->refunded + quantity * l->unit_price);

  /* The book follows the cancellation first; then the result must account
   * for every other move. */
  if (l->allocated - from_allocation > 0)
    book_allocation (shop->allocations, l->id, order->id, product_index (shop, l->product_id),
                     l->allocated - from_allocation);
  else
    g_hash_table_remove (shop->allocations, &l->id);
  expected = expected_from_result (shop, result, TRUE);
  touch (shop, order->id);
  check_allocations (shop, expected);
  fingerprint_clear (&before);
}

static guint32
random_eta (Shop *shop)
{
  guint32 today = bo_store_get_today (shop->store);

  if (chance (shop, 10))
    return 0;
  if (chance (shop, 5))
    return today - rand_range (shop, 1, 5);
  return today + rand_range (shop, 0, 30);
}

static void
op_send_po (Shop   *shop,
            gint64  po_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) moved = NULL;
  guint32 eta = bo_store_get_today (shop->store) + rand_range (shop, 1, 20);
  gboolean ok;

  detail (shop, " / send PO %" G_GINT64_FORMAT " with ETA +%u days", po_id,
          eta - bo_store_get_today (shop->store));
  ok = bo_store_set_po_status (shop->store, po_id, BO_PO_SENT, &error);
  check_no_error (shop, error);
  check_true (shop, ok);
  ok = bo_store_set_po_eta (shop->store, po_id, eta, &moved, &error);
  check_no_error (shop, error);
  check_true (shop, ok);
  check_allocations (shop, NULL);
}

/* One more line on an open purchase order: it arrives with the order's ETA. */
static void
op_add_po_line (Shop            *shop,
                BoPurchaseOrder *po)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoPurchaseOrder) after = NULL;
  Fingerprint before = { 0 }, now = { 0 };
  guint p = rand_range (shop, 0, N_PRODUCTS);
  gint64 quantity = rand_range (shop, 1, 15);
  guint32 eta = 0;
  const BoPoLine *added;
  gboolean ok;

  /* The order's expected date: the earliest of the lines still to come. */
  for (guint i = 0; i < po->lines->len; i++)
    {
      const BoPoLine *l = g_ptr_array_index (po->lines, i);

      if (l->received < l->ordered && l->eta != 0 && (eta == 0 || l->eta < eta))
        eta = l->eta;
    }
  shop->op = "add purchase-order line";
  detail (shop, "%s (%s, ETA %u): %s × %" G_GINT64_FORMAT, po->number,
          bo_po_status_to_string (po->status), eta, product_specs[p].sku, quantity);
  fingerprint_take (shop, &before);
  ok = bo_store_add_po_line (shop->store, po->id, shop->products[p], quantity, -1, &error);
  check_no_error (shop, error);
  check_true (shop, ok);
  after = bo_store_get_po (shop->store, po->id, &error);
  check_no_error (shop, error);
  check_cmpint (shop, after->lines->len, ==, po->lines->len + 1);
  added = g_ptr_array_index (after->lines, after->lines->len - 1);
  check_cmpint (shop, added->product_id, ==, shop->products[p]);
  check_cmpint (shop, added->ordered, ==, quantity);
  check_cmpint (shop, added->eta, ==, eta);
  fingerprint_take (shop, &now);
  check_cmpint (shop, now.incoming[p], ==, before.incoming[p] + (eta != 0 ? quantity : 0));
  check_allocations (shop, NULL);
  fingerprint_clear (&before);
  fingerprint_clear (&now);
}

static void
op_create_po (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoPurchaseOrder) po = NULL;
  Fingerprint before = { 0 }, now = { 0 };
  BoQuantity lines[3];
  gint64 added[N_PRODUCTS] = { 0 };
  guint supplier = rand_range (shop, 0, N_SUPPLIERS);
  guint n = rand_range (shop, 1, 4);
  guint first = rand_range (shop, 0, N_PRODUCTS);
  guint32 eta = random_eta (shop);
  gint64 po_id = 0;
  gboolean ok;

  if (chance (shop, 20))
    {
      g_autoptr(BoPurchaseOrder) open = pick_po (shop, TRUE);

      if (open != NULL)
        {
          op_add_po_line (shop, open);
          shop->ok[OP_CREATE_PO]++;
          return;
        }
    }
  shop->op = "create purchase order";
  detail (shop, "supplier %u, ETA %u (today %u)", supplier, eta, bo_store_get_today (shop->store));
  for (guint i = 0; i < n; i++)
    {
      guint p = (first + i * 3) % N_PRODUCTS;

      lines[i].line_id = shop->products[p];
      lines[i].quantity = rand_range (shop, 1, 21);
      if (eta != 0)
        added[p] += lines[i].quantity;
      detail (shop, ", %s × %" G_GINT64_FORMAT, product_specs[p].sku, lines[i].quantity);
    }

  fingerprint_take (shop, &before);
  ok = bo_store_create_po (shop->store, shop->suppliers[supplier], eta, lines, NULL, n, &po_id,
                           &error);
  check_no_error (shop, error);
  check_true (shop, ok);
  shop->ok[OP_CREATE_PO]++;
  fingerprint_take (shop, &now);
  for (guint p = 0; p < N_PRODUCTS; p++)
    check_cmpint (shop, now.incoming[p], ==, before.incoming[p] + added[p]);
  po = bo_store_get_po (shop->store, po_id, &error);
  check_no_error (shop, error);
  check_cmpint (shop, po->status, ==, BO_PO_DRAFT);
  check_cmpint (shop, po->lines->len, ==, n);
  check_allocations (shop, NULL);
  fingerprint_clear (&before);
  fingerprint_clear (&now);
  if (chance (shop, 50))
    op_send_po (shop, po_id);
}

static void
check_moved (Shop   *shop,
             GArray *moved)
{
  for (guint i = 0; moved != NULL && i < moved->len; i++)
    {
      const BoPromiseChange *c = &g_array_index (moved, BoPromiseChange, i);
      g_autoptr(BoOrder) order = get_order (shop, c->order_id);
      const BoOrderLine *l = find_line (order, c->line_id);

      check_true (shop, l != NULL);
      check_cmpint (shop, c->before, !=, c->after);
      check_cmpint (shop, l->promised, ==, c->after);
      touch (shop, c->order_id);
    }
}

static void
op_set_eta (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoPurchaseOrder) po = pick_po (shop, !chance (shop, 10));
  g_autoptr(BoPurchaseOrder) after = NULL;
  g_autoptr(GArray) moved = NULL;
  Fingerprint before = { 0 };
  guint32 eta = random_eta (shop);
  gboolean ok;

  shop->op = "set ETA";
  if (po == NULL)
    {
      detail (shop, "no purchase order");
      return;
    }
  detail (shop, "%s (%s): ETA %u", po->number, bo_po_status_to_string (po->status), eta);
  fingerprint_take (shop, &before);
  ok = bo_store_set_po_eta (shop->store, po->id, eta, &moved, &error);
  if (po->status == BO_PO_RECEIVED || po->status == BO_PO_CANCELLED)
    {
      check_true (shop, !ok);
      check_refused (shop, OP_SET_ETA, error, &before);
    }
  else
    {
      check_no_error (shop, error);
      check_true (shop, ok);
      shop->ok[OP_SET_ETA]++;
      after = bo_store_get_po (shop->store, po->id, &error);
      check_no_error (shop, error);
      for (guint i = 0; i < after->lines->len; i++)
        {
          const BoPoLine *l = g_ptr_array_index (after->lines, i);
          if (l->received < l->ordered)
            check_cmpint (shop, l->eta, ==, eta);
        }
      check_moved (shop, moved);
    }
  check_allocations (shop, NULL);
  fingerprint_clear (&before);
}

static void
compare_results (Shop                     *shop,
                 const BoAllocationResult *a,
                 const BoAllocationResult *b)
{
  check_cmpint (shop, a->changes->len, ==, b->changes->len);
  for (guint i = 0; i < a->changes->len; i++)
    {
      const BoAllocationChange *x = &g_array_index (a->changes, BoAllocationChange, i);
      const BoAllocationChange *y = &g_array_index (b->changes, BoAllocationChange, i);

      check_cmpint (shop, x->line_id, ==, y->line_id);
      check_cmpint (shop, x->before, ==, y->before);
      check_cmpint (shop, x->after, ==, y->after);
    }
  check_cmpint (shop, a->ready->len, ==, b->ready->len);
  for (guint i = 0; i < a->ready->len; i++)
    {
      check_cmpint (shop, g_array_index (a->ready, BoReadyOrder, i).order_id, ==,
                    g_array_index (b->ready, BoReadyOrder, i).order_id);
      check_cmpint (shop, g_array_index (a->ready, BoReadyOrder, i).complete, ==,
                    g_array_index (b->ready, BoReadyOrder, i).complete);
    }
}

static void
op_receive (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) preview_error = NULL;
  g_autoptr(BoPurchaseOrder) po = pick_po (shop, !chance (shop, 10));
  g_autoptr(BoPurchaseOrder) after = NULL;
  g_autoptr(GArray) quantities = g_array_new (FALSE, FALSE, sizeof (BoQuantity));
  g_autoptr(BoAllocationResult) preview = NULL;
  g_autoptr(BoAllocationResult) result = NULL;
  g_autoptr(GHashTable) expected = NULL;
  Fingerprint before = { 0 }, now = { 0 };
  gint64 arriving[N_PRODUCTS] = { 0 };
  gint64 total = 0;
  gboolean everything = chance (shop, 40);
  gboolean with_preview = chance (shop, 25);
  gboolean expect_refusal = FALSE, any_open = FALSE, ok, preview_ok = FALSE;
  guint32 today = bo_store_get_today (shop->store);

  shop->op = "receive";
  if (po == NULL)
    {
      detail (shop, "no purchase order");
      return;
    }
  detail (shop, "%s (%s)", po->number, bo_po_status_to_string (po->status));
  for (guint i = 0; i < po->lines->len; i++)
    {
      const BoPoLine *l = g_ptr_array_index (po->lines, i);
      gint64 outstanding = l->ordered - l->received;
      BoQuantity q = { l->id, 0 };

      if (everything)
        {
          arriving[product_index (shop, l->product_id)] += outstanding;
          total += outstanding;
          continue;
        }
      if (!chance (shop, 60))
        continue;
      if (outstanding > 0)
        q.quantity = rand_range (shop, 1, outstanding + 1);
      if (chance (shop, 6))
        q.quantity = outstanding + 1;
      if (q.quantity > outstanding)
        expect_refusal = TRUE;
      arriving[product_index (shop, l->product_id)] += q.quantity;
      total += q.quantity;
      g_array_append_val (quantities, q);
      detail (shop, ", %s × %" G_GINT64_FORMAT " (of %" G_GINT64_FORMAT ")", l->sku, q.quantity,
              outstanding);
    }
  if (!everything && quantities->len == 0)
    {
      /* No quantities means everything outstanding. */
      everything = TRUE;
      for (guint i = 0; i < po->lines->len; i++)
        {
          const BoPoLine *l = g_ptr_array_index (po->lines, i);

          arriving[product_index (shop, l->product_id)] += l->ordered - l->received;
          total += l->ordered - l->received;
        }
    }
  if (everything)
    detail (shop, ", everything outstanding");
  if (po->status == BO_PO_RECEIVED || po->status == BO_PO_CANCELLED || total == 0)
    expect_refusal = TRUE;
  detail (shop, "%s", with_preview ? ", with a preview" : "");

  fingerprint_take (shop, &before);
  if (with_preview)
    {
      preview_ok = bo_store_receive_po (shop->store, po->id,
                                        (const BoQuantity *) quantities->data, quantities->len,
                                        TRUE, &preview, &preview_error);
      check_cmpint (shop, preview_ok, ==, !expect_refusal);
      check_unchanged (shop, &before);
      check_allocations (shop, NULL);
    }
  ok = bo_store_receive_po (shop->store, po->id, (const BoQuantity *) quantities->data,
                            quantities->len, FALSE, &result, &error);
  if (expect_refusal)
    {
      check_true (shop, !ok);
      check_refused (shop, OP_RECEIVE, error, &before);
      check_allocations (shop, NULL);
      fingerprint_clear (&before);
      return;
    }
  check_no_error (shop, error);
  check_true (shop, ok);
  shop->ok[OP_RECEIVE]++;
  detail (shop, " → %u lines got stock", result->changes->len);

  fingerprint_take (shop, &now);
  for (guint p = 0; p < N_PRODUCTS; p++)
    check_cmpint (shop, now.on_hand[p], ==, before.on_hand[p] + arriving[p]);
  fingerprint_clear (&now);
  {
    gint64 reported[N_PRODUCTS] = { 0 };

    for (guint i = 0; i < result->received->len; i++)
      {
        const BoQuantity *r = &g_array_index (result->received, BoQuantity, i);
        reported[product_index (shop, r->line_id)] += r->quantity;
      }
    for (guint p = 0; p < N_PRODUCTS; p++)
      check_cmpint (shop, reported[p], ==, arriving[p]);
  }

  after = bo_store_get_po (shop->store, po->id, &error);
  check_no_error (shop, error);
  for (guint i = 0; i < after->lines->len; i++)
    {
      const BoPoLine *was = g_ptr_array_index (po->lines, i);
      const BoPoLine *l = g_ptr_array_index (after->lines, i);
      gint64 got = everything ? was->ordered - was->received : 0;

      for (guint j = 0; j < quantities->len; j++)
        if (g_array_index (quantities, BoQuantity, j).line_id == l->id)
          got += g_array_index (quantities, BoQuantity, j).quantity;
      check_cmpint (shop, l->received, ==, was->received + got);
      any_open |= l->received < l->ordered;
      if (l->received == l->ordered && got > 0)
        check_cmpint (shop, l->fully_received, ==, today);
      if (l->received < l->ordered)
        check_cmpint (shop, l->fully_received, ==, 0);
    }
  check_cmpint (shop, after->status, ==, any_open ? BO_PO_PARTIAL : BO_PO_RECEIVED);

  if (with_preview)
    compare_results (shop, preview, result);
  /* A receipt only gives: no allocation shrinks. */
  expected = expected_from_result (shop, result, TRUE);
  check_allocations (shop, expected);
  fingerprint_clear (&before);
}

static void
op_adjust (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoAllocationResult) result = NULL;
  g_autoptr(GHashTable) expected = NULL;
  Fingerprint before = { 0 }, now = { 0 };
  guint p = rand_range (shop, 0, N_PRODUCTS);
  gint64 delta = chance (shop, 60) ? rand_range (shop, 1, 11) : -rand_range (shop, 1, 7);
  gboolean ok;

  shop->op = "adjust stock";
  fingerprint_take (shop, &before);
  detail (shop, "%s %+" G_GINT64_FORMAT " (on hand %" G_GINT64_FORMAT ", allocated %"
          G_GINT64_FORMAT ")", product_specs[p].sku, delta, before.on_hand[p], before.allocated[p]);
  ok = bo_store_adjust_stock (shop->store, shop->products[p], delta, "count", &result, &error);
  if (before.on_hand[p] + delta < before.allocated[p])
    {
      check_true (shop, !ok);
      check_refused (shop, OP_ADJUST, error, &before);
      check_allocations (shop, NULL);
      fingerprint_clear (&before);
      return;
    }
  check_no_error (shop, error);
  check_true (shop, ok);
  shop->ok[OP_ADJUST]++;
  fingerprint_take (shop, &now);
  check_cmpint (shop, now.on_hand[p], ==, before.on_hand[p] + delta);
  fingerprint_clear (&now);
  expected = expected_from_result (shop, result, TRUE);
  if (delta < 0)
    check_cmpint (shop, g_hash_table_size (expected), ==, 0);
  check_allocations (shop, expected);
  fingerprint_clear (&before);
}

static void
op_policy (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) moved = NULL;
  BoPolicy policy = rand_range (shop, 0, 3);
  gboolean ok;

  shop->op = "set policy";
  detail (shop, "%s", bo_policy_to_string (policy));
  ok = bo_store_set_setting (shop->store, "allocation-policy", bo_policy_to_string (policy),
                             &error);
  check_no_error (shop, error);
  check_true (shop, ok);
  check_cmpint (shop, bo_store_get_policy (shop->store), ==, policy);
  /* Pegging follows the policy; like the handling days, the setting alone
   * leaves promise dates as they were. */
  ok = bo_store_refresh_promises (shop->store, &moved, &error);
  check_no_error (shop, error);
  check_true (shop, ok);
  check_moved (shop, moved);
  shop->ok[OP_POLICY]++;
  check_allocations (shop, NULL);
}

static void
op_replan (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoAllocationResult) preview = NULL;
  g_autoptr(BoAllocationResult) applied = NULL;
  g_autoptr(BoAllocationResult) again = NULL;
  g_autoptr(GHashTable) expected = expected_new ();
  Fingerprint before = { 0 };
  BoPolicy policy = rand_range (shop, 0, 3);
  gboolean apply = chance (shop, 50);
  gboolean ok;

  shop->op = "replan";
  detail (shop, "%s, %s", bo_policy_to_string (policy), apply ? "applied" : "preview");
  fingerprint_take (shop, &before);
  ok = bo_store_replan (shop->store, policy, FALSE, &preview, &error);
  check_no_error (shop, error);
  check_true (shop, ok);
  check_unchanged (shop, &before);
  check_allocations (shop, NULL);
  fingerprint_clear (&before);
  shop->ok[OP_REPLAN]++;
  detail (shop, " → %u lines move", preview->changes->len);
  for (guint i = 0; i < preview->changes->len; i++)
    {
      const BoAllocationChange *c = &g_array_index (preview->changes, BoAllocationChange, i);

      check_cmpint (shop, c->before, ==, allocation_of (shop, c->line_id));
      check_cmpint (shop, c->before, !=, c->after);
      check_cmpint (shop, c->after, >=, 0);
      book_allocation (expected, c->line_id, c->order_id, sku_index (shop, c->sku), c->after);
      touch (shop, c->order_id);
    }
  if (!apply)
    return;

  ok = bo_store_replan (shop->store, policy, TRUE, &applied, &error);
  check_no_error (shop, error);
  check_true (shop, ok);
  compare_results (shop, preview, applied);
  check_allocations (shop, expected);
  check_cmpint (shop, bo_store_get_policy (shop->store), ==, policy);

  /* Planning again from the plan moves nothing. */
  ok = bo_store_replan (shop->store, policy, FALSE, &again, &error);
  check_no_error (shop, error);
  check_true (shop, ok);
  for (guint i = 0; i < again->changes->len; i++)
    {
      const BoAllocationChange *c = &g_array_index (again->changes, BoAllocationChange, i);
      detail (shop, " [again: line %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT
              "]", c->line_id, c->before, c->after);
    }
  check_cmpint (shop, again->changes->len, ==, 0);

  /* Units packed in a shipment stay where they are. */
  for (guint i = 0; i < shop->pending->len; i++)
    {
      Shipment s = g_array_index (shop->pending, Shipment, i);
      g_autoptr(BoOrder) order = get_order (shop, s.order_id);
      g_autoptr(GPtrArray) shipments = list_shipments (shop, s.order_id);

      for (guint j = 0; j < order->lines->len; j++)
        {
          const BoOrderLine *l = g_ptr_array_index (order->lines, j);
          check_cmpint (shop, l->allocated, >=, packed_of (shipments, l->id));
        }
    }
}

/* Every product with backorders and a supplier is covered by open purchase orders. */
static void
check_shortages_ordered (Shop         *shop,
                         const gint64 *products,
                         guint         n_products)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pos = bo_store_list_pos (shop->store, TRUE, &error);
  Fingerprint now = { 0 };
  gint64 ordered[N_PRODUCTS] = { 0 };

  check_no_error (shop, error);
  for (guint i = 0; i < pos->len; i++)
    {
      const BoPurchaseOrder *po = g_ptr_array_index (pos, i);

      for (guint j = 0; j < po->lines->len; j++)
        {
          const BoPoLine *l = g_ptr_array_index (po->lines, j);
          ordered[product_index (shop, l->product_id)] += l->ordered - l->received;
        }
    }
  fingerprint_take (shop, &now);
  for (guint i = 0; i < n_products; i++)
    {
      guint p = product_index (shop, products[i]);

      /* NOTE has no supplier: nothing can be drafted for it. */
      if (g_str_equal (product_specs[p].sku, "NOTE"))
        continue;
      detail (shop, " [%s: %" G_GINT64_FORMAT " backordered, %" G_GINT64_FORMAT " on order]",
              product_specs[p].sku, now.backordered[p], ordered[p]);
      check_cmpint (shop, ordered[p], >=, now.backordered[p]);
    }
  fingerprint_clear (&now);
}

static void
op_draft_pos (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) po_ids = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GPtrArray) backorders = NULL;
  g_autoptr(GArray) line_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) product_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean all = chance (shop, 50);
  gboolean ok;

  shop->op = "order shortages";
  backorders = bo_store_list_backorders (shop->store, BO_ORDER_FILTER_ALL, NULL, NULL, 0, 0,
                                         &error);
  check_no_error (shop, error);
  if (!all && backorders->len > 0)
    for (guint i = 0, n = rand_range (shop, 1, 4); i < n; i++)
      {
        const BoOrderSummary *s = g_ptr_array_index (backorders,
                                                     rand_range (shop, 0, backorders->len));
        g_autoptr(BoProduct) product = bo_store_find_product (shop->store, s->sku, &error);

        check_no_error (shop, error);
        g_array_append_val (line_ids, s->line_id);
        g_array_append_val (product_ids, product->id);
      }
  all |= line_ids->len == 0;
  detail (shop, "%s", all ? "every product" : "some lines");
  if (all)
    for (guint p = 0; p < N_PRODUCTS; p++)
      g_array_append_val (product_ids, shop->products[p]);

  ok = bo_store_draft_pos (shop->store, all ? NULL : (const gint64 *) line_ids->data,
                           all ? 0 : line_ids->len, &po_ids, &skipped, &error);
  check_no_error (shop, error);
  check_true (shop, ok);
  shop->ok[OP_DRAFT_POS]++;
  detail (shop, " → %u drafts", po_ids->len);
  check_shortages_ordered (shop, (const gint64 *) product_ids->data, product_ids->len);
  check_allocations (shop, NULL);
  for (guint i = 0; i < po_ids->len; i++)
    if (chance (shop, 60))
      op_send_po (shop, g_array_index (po_ids, gint64, i));
}

static void
op_priority (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoOrder) order = pick_open_order (shop);
  g_autoptr(BoOrder) after = NULL;
  g_autoptr(BoAllocationResult) result = NULL;
  g_autoptr(GHashTable) expected = NULL;
  gint priority = rand_range (shop, -1, 4);
  gboolean ok;

  shop->op = "set priority";
  if (order == NULL)
    {
      detail (shop, "no open order");
      return;
    }
  detail (shop, "order %s: %d", order->number, priority);
  ok = bo_store_set_order_priority (shop->store, order->id, priority, &result, &error);
  check_no_error (shop, error);
  check_true (shop, ok);
  shop->ok[OP_PRIORITY]++;
  after = get_order (shop, order->id);
  check_cmpint (shop, after->priority_override, ==, priority);
  order_info (shop, order->id)->tier = after->tier;
  if (priority >= 0)
    check_cmpint (shop, after->tier, ==, priority);
  expected = expected_from_result (shop, result, TRUE);
  touch (shop, order->id);
  check_allocations (shop, expected);
}

static void
op_cancel_po (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoPurchaseOrder) po = pick_po (shop, TRUE);
  Fingerprint before = { 0 }, now = { 0 };
  gint64 gone[N_PRODUCTS] = { 0 };
  gboolean ok;

  shop->op = "cancel purchase order";
  if (po == NULL)
    {
      detail (shop, "no open purchase order");
      return;
    }
  detail (shop, "%s", po->number);
  for (guint i = 0; i < po->lines->len; i++)
    {
      const BoPoLine *l = g_ptr_array_index (po->lines, i);
      if (l->eta != 0)
        gone[product_index (shop, l->product_id)] += l->ordered - l->received;
    }
  fingerprint_take (shop, &before);
  ok = bo_store_set_po_status (shop->store, po->id, BO_PO_CANCELLED, &error);
  check_no_error (shop, error);
  check_true (shop, ok);
  shop->ok[OP_CANCEL_PO]++;
  fingerprint_take (shop, &now);
  for (guint p = 0; p < N_PRODUCTS; p++)
    check_cmpint (shop, now.incoming[p], ==, before.incoming[p] - gone[p]);
  check_allocations (shop, NULL);
  fingerprint_clear (&before);
  fingerprint_clear (&now);
}

static void
op_handling (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) moved = NULL;
  g_autofree char *days = g_strdup_printf ("%d", rand_range (shop, 0, 4));
  gboolean ok;

  shop->op = "handling days";
  detail (shop, "%s", days);
  ok = bo_store_set_setting (shop->store, "handling-days", days, &error);
  check_no_error (shop, error);
  check_true (shop, ok);
  ok = bo_store_refresh_promises (shop->store, &moved, &error);
  check_no_error (shop, error);
  check_true (shop, ok);
  shop->ok[OP_HANDLING]++;
  check_moved (shop, moved);
  check_allocations (shop, NULL);
}

/* ---- after every step ---------------------------------------------------------------- */

/* Free stock and waiting demand never sit side by side, except for
 * ship-complete orders that some product still cannot cover in full. */
static void
check_waiting (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backorders = bo_store_list_backorders (shop->store, BO_ORDER_FILTER_ALL,
                                                              NULL, NULL, 0, 0, &error);
  g_autoptr(GHashTable) sc_open = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         g_free);
  Fingerprint now = { 0 };
  gint64 units = 0, value = 0, lines = 0, backlog_units = 0;
  GHashTableIter iter;
  gpointer key, open_ptr;

  check_no_error (shop, error);
  fingerprint_take (shop, &now);
  for (guint i = 0; i < backorders->len; i++)
    {
      const BoOrderSummary *s = g_ptr_array_index (backorders, i);
      guint p = sku_index (shop, s->sku);

      check_cmpint (shop, s->backordered, >, 0);
      units += s->backordered;
      value += s->value;
      lines++;
      if (order_info (shop, s->order_id)->ship_complete)
        {
          gint64 *open = g_hash_table_lookup (sc_open, &s->order_id);

          if (open == NULL)
            {
              open = g_new0 (gint64, N_PRODUCTS);
              g_hash_table_insert (sc_open, g_memdup2 (&s->order_id, sizeof s->order_id), open);
            }
          open[p] += s->backordered;
        }
      else if (now.on_hand[p] > now.allocated[p])
        {
          detail (shop, " [order %s waits for %" G_GINT64_FORMAT " × %s while %" G_GINT64_FORMAT
                  " are free]", s->number, s->backordered, s->sku,
                  now.on_hand[p] - now.allocated[p]);
          check_true (shop, !"a line waits while its stock is free");
        }
    }

  g_hash_table_iter_init (&iter, sc_open);
  while (g_hash_table_iter_next (&iter, &key, &open_ptr))
    {
      const gint64 *open = open_ptr;
      gboolean held = FALSE;

      for (guint p = 0; p < N_PRODUCTS; p++)
        held |= open[p] > now.on_hand[p] - now.allocated[p];
      if (!held)
        {
          g_autoptr(BoOrder) order = get_order (shop, *(gint64 *) key);

          detail (shop, " [ship-complete order %s waits, but free stock covers it:", order->number);
          for (guint p = 0; p < N_PRODUCTS; p++)
            if (open[p] > 0)
              detail (shop, " %s %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " free",
                      product_specs[p].sku, open[p], now.on_hand[p] - now.allocated[p]);
          detail (shop, "]");
          check_true (shop, !"a ship-complete order that stock covers is held");
        }
    }

  for (guint p = 0; p < N_PRODUCTS; p++)
    backlog_units += now.backordered[p];
  check_cmpint (shop, now.backlog_lines, ==, lines);
  check_cmpint (shop, now.backlog_units, ==, units);
  check_cmpint (shop, now.backlog_units, ==, backlog_units);
  check_cmpint (shop, now.backlog_value, ==, value);
  fingerprint_clear (&now);
}

/* The other numbers, recounted from what the store lists: backorder age,
 * supplier punctuality, backordered lines shipped. */
static void
check_numbers (Shop  *shop,
               gint64 shipped_lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) waiting = bo_store_list_backorders (shop->store, BO_ORDER_FILTER_ALL, NULL,
                                                           NULL, 0, 0, &error);
  g_autoptr(GPtrArray) pos = NULL;
  g_autoptr(GArray) counts = NULL;
  gint64 age_lines[BO_AGE_N_BUCKETS] = { 0 }, age_units[BO_AGE_N_BUCKETS] = { 0 };
  gint64 their_lines[BO_AGE_N_BUCKETS], their_units[BO_AGE_N_BUCKETS];
  gint64 on_time = 0, shipped = 0;
  guint32 today = bo_store_get_today (shop->store);

  check_no_error (shop, error);
  for (guint i = 0; i < waiting->len; i++)
    {
      const BoOrderSummary *w = g_ptr_array_index (waiting, i);
      g_autoptr(GDateTime) placed = g_date_time_new_from_unix_local (w->placed_at);
      GDate day;
      BoAgeBucket b;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (placed), g_date_time_get_month (placed),
                      g_date_time_get_year (placed));
      b = bo_metrics_age_bucket ((gint64) today - g_date_get_julian (&day));
      age_lines[b]++;
      age_units[b] += w->backordered;
    }
  check_true (shop, bo_store_aging (shop->store, their_lines, their_units, &error));
  check_no_error (shop, error);
  for (guint b = 0; b < BO_AGE_N_BUCKETS; b++)
    {
      check_cmpint (shop, their_lines[b], ==, age_lines[b]);
      check_cmpint (shop, their_units[b], ==, age_units[b]);
    }

  pos = bo_store_list_pos (shop->store, FALSE, &error);
  check_no_error (shop, error);
  counts = bo_store_supplier_counts (shop->store, &error);
  check_no_error (shop, error);
  check_cmpint (shop, counts->len, ==, N_SUPPLIERS);
  for (guint k = 0; k < counts->len; k++)
    {
      const BoSupplierCounts *c = &g_array_index (counts, BoSupplierCounts, k);
      gint64 received = 0, in_time = 0, days_late = 0, late = 0;

      for (guint i = 0; i < pos->len; i++)
        {
          const BoPurchaseOrder *po = g_ptr_array_index (pos, i);

          for (guint j = 0; po->supplier_id == c->supplier_id && j < po->lines->len; j++)
            {
              const BoPoLine *l = g_ptr_array_index (po->lines, j);

              if (l->fully_received == 0 || l->eta == 0)
                continue;
              received++;
              in_time += l->fully_received <= l->eta;
              late += l->fully_received > l->eta;
              days_late += l->fully_received > l->eta ? l->fully_received - l->eta : 0;
            }
        }
      detail (shop, " [supplier %s]", c->name);
      check_cmpint (shop, c->received_lines, ==, received);
      check_cmpint (shop, c->on_time_lines, ==, in_time);
      check_cmpint (shop, c->late_lines, ==, late);
      check_cmpint (shop, c->days_late, ==, days_late);
    }

  check_true (shop, bo_store_customer_on_time (shop->store, &on_time, &shipped, &error));
  check_no_error (shop, error);
  check_cmpint (shop, shipped, ==, shipped_lines);
  check_cmpint (shop, on_time, <=, shipped);
}

/* Every order, line by line, against the products' totals. */
static void
check_everything (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orders = bo_store_list_orders (shop->store, BO_ORDER_FILTER_ALL, NULL,
                                                      NULL, 0, 0, &error);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) history = NULL;
  gint64 allocated[N_PRODUCTS] = { 0 }, backordered[N_PRODUCTS] = { 0 };
  BoDayCounts placed = { 0 }, counted = { 0 };
  guint32 today = bo_store_get_today (shop->store);
  gint64 shipped_lines = 0;
  Fingerprint now = { 0 };

  check_no_error (shop, error);
  g_array_set_size (shop->open_orders, 0);
  for (guint i = 0; i < orders->len; i++)
    {
      const BoOrderSummary *s = g_ptr_array_index (orders, i);
      g_autoptr(BoOrder) order = get_order (shop, s->order_id);
      gsize mark = shop->detail->len;

      gboolean was_backordered = FALSE;

      check_order_lines (shop, order);
      g_string_truncate (shop->detail, mark);
      for (guint j = 0; j < order->lines->len; j++)
        {
          const BoOrderLine *l = g_ptr_array_index (order->lines, j);
          guint p = product_index (shop, l->product_id);

          allocated[p] += l->allocated;
          backordered[p] += l->backordered;
          placed.lines++;
          placed.units += l->ordered;
          placed.bo_lines += l->backordered_at_placement > 0;
          placed.bo_units += l->backordered_at_placement;
          was_backordered |= l->backordered_at_placement > 0;
          shipped_lines += l->backordered_at_placement > 0 && l->shipped > 0 &&
                           l->shipped + l->cancelled == l->ordered;
        }
      placed.orders++;
      placed.bo_orders += was_backordered;
      if (order_is_open (order))
        g_array_append_val (shop->open_orders, order->id);
    }
  fingerprint_take (shop, &now);
  for (guint p = 0; p < N_PRODUCTS; p++)
    {
      check_cmpint (shop, now.allocated[p], ==, allocated[p]);
      check_cmpint (shop, now.backordered[p], ==, backordered[p]);
    }
  check_cmpint (shop, now.orders, ==, orders->len);

  /* The numbers agree with the orders: placement counts, and the backlog
   * history ends where the backlog is. */
  days = bo_store_day_counts (shop->store, shop->first_day, today, &error);
  check_no_error (shop, error);
  for (guint i = 0; i < days->len; i++)
    {
      const BoDayCounts *d = &g_array_index (days, BoDayCounts, i);

      counted.orders += d->orders;
      counted.bo_orders += d->bo_orders;
      counted.lines += d->lines;
      counted.bo_lines += d->bo_lines;
      counted.units += d->units;
      counted.bo_units += d->bo_units;
    }
  check_cmpint (shop, counted.orders, ==, placed.orders);
  check_cmpint (shop, counted.bo_orders, ==, placed.bo_orders);
  check_cmpint (shop, counted.lines, ==, placed.lines);
  check_cmpint (shop, counted.bo_lines, ==, placed.bo_lines);
  check_cmpint (shop, counted.units, ==, placed.units);
  check_cmpint (shop, counted.bo_units, ==, placed.bo_units);
  history = bo_store_backlog_history (shop->store, BO_PERIOD_MONTH, shop->first_day, today, &error);
  check_no_error (shop, error);
  check_cmpint (shop, g_array_index (history, BoBacklogPoint, history->len - 1).units, ==,
                now.backlog_units);
  check_cmpint (shop, g_array_index (history, BoBacklogPoint, history->len - 1).value, ==,
                now.backlog_value);
  fingerprint_clear (&now);
  check_book (shop, TRUE);
  check_numbers (shop, shipped_lines);
}

static void
check_step (Shop     *shop,
            gboolean  everything)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) products = NULL;
  gint64 started = g_get_monotonic_time ();
  gboolean consistent = bo_store_check (shop->store, &problems, &error);

  shop->check_time += g_get_monotonic_time () - started;
  if (!consistent)
    {
      shop_report (shop);
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
      g_assert_no_error (error);
    }

  products = bo_store_list_products (shop->store, NULL, NULL, 0, 0, &error);
  check_no_error (shop, error);
  for (guint i = 0; i < products->len; i++)
    {
      const BoProduct *p = g_ptr_array_index (products, i);

      check_cmpint (shop, p->allocated, >=, 0);
      check_cmpint (shop, p->allocated, <=, p->on_hand);
      check_cmpint (shop, p->backordered, >=, 0);
      check_cmpint (shop, p->incoming, >=, 0);
    }

  for (guint i = 0; i < shop->touched->len; i++)
    {
      g_autoptr(BoOrder) order = get_order (shop, g_array_index (shop->touched, gint64, i));
      gsize mark = shop->detail->len;

      check_order_lines (shop, order);
      g_string_truncate (shop->detail, mark);
    }
  g_array_set_size (shop->touched, 0);

  /* Every operation keeps the promise dates current: computing them all
   * again moves none. */
  {
    g_autoptr(GArray) moved = NULL;
    gboolean ok = bo_store_refresh_promises (shop->store, &moved, &error);

    check_no_error (shop, error);
    check_true (shop, ok);
    for (guint i = 0; i < moved->len; i++)
      {
        const BoPromiseChange *c = &g_array_index (moved, BoPromiseChange, i);
        detail (shop, " [order %s line %" G_GINT64_FORMAT " %s: promised %u, should be %u]",
                c->order_number, c->line_id, c->sku, c->before, c->after);
      }
    check_cmpint (shop, moved->len, ==, 0);
  }

  check_waiting (shop);
  if (everything)
    check_everything (shop);
}

/* ---- the shop -------------------------------------------------------------------------- */

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static void
link_supplier (Shop    *shop,
               guint    supplier,
               guint    product,
               gboolean preferred,
               gint64   cost,
               gint64   min_order_qty)
{
  g_autoptr(BoProductSupplier) link = bo_product_supplier_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  link->product_id = shop->products[product];
  link->supplier_id = shop->suppliers[supplier];
  link->preferred = preferred;
  link->cost = cost;
  link->min_order_qty = min_order_qty;
  ok = bo_store_link_supplier (shop->store, link, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
shop_build (Shop    *shop,
            guint32  seed,
            guint    first_step)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_local (2025, 3, 3, 9, 0, 0);
  static const char *const supplier_names[N_SUPPLIERS] = { "Acme", "Bolt", "Cargo" };

  shop->seed = seed;
  /* Each shop of a run has its own stream, so that a shorter replay of the
   * run makes the same moves. */
  shop->rand = g_rand_new_with_seed (seed + first_step);
  shop->step = first_step;
  shop->detail = g_string_new (NULL);
  shop->open_orders = g_array_new (FALSE, FALSE, sizeof (gint64));
  shop->orders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  shop->pending = g_array_new (FALSE, FALSE, sizeof (Shipment));
  shop->touched = g_array_new (FALSE, FALSE, sizeof (gint64));
  shop->allocations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  shop->history = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  shop->dir = g_dir_make_tmp ("bo-property-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (shop->dir, "shop.db", NULL);
  shop->store = bo_store_open (path, &error);
  g_assert_no_error (error);
  bo_store_set_now (shop->store, g_date_time_to_unix (start));
  shop->first_day = bo_store_get_today (shop->store);

  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      g_autoptr(BoProduct) product = bo_product_new ();

      product->sku = g_strdup (product_specs[i].sku);
      product->name = g_strdup_printf ("Product %s", product_specs[i].sku);
      product->price = product_specs[i].price;
      product->cost = product_specs[i].price / 2;
      product->on_hand = product_specs[i].on_hand;
      product->backorder_policy = product_specs[i].policy;
      product->reorder_qty = product_specs[i].reorder_qty;
      g_assert_true (bo_store_save_product (shop->store, product, &error));
      g_assert_no_error (error);
      shop->products[i] = product->id;
    }
  for (guint i = 0; i < N_SUPPLIERS; i++)
    {
      g_autoptr(BoSupplier) supplier = bo_supplier_new ();

      supplier->name = g_strdup (supplier_names[i]);
      supplier->lead_days = 5 + 4 * i;
      g_assert_true (bo_store_save_supplier (shop->store, supplier, &error));
      g_assert_no_error (error);
      shop->suppliers[i] = supplier->id;
    }
  /* Acme: MUG (preferred), TEE, BAG, HAT. Bolt: TEE (preferred, at least 5),
   * CAP, PIN, HAT, SOCK. Cargo supplies nothing by link. NOTE has no supplier. */
  link_supplier (shop, 0, 0, TRUE, -1, 1);
  link_supplier (shop, 0, 1, FALSE, 800, 1);
  link_supplier (shop, 0, 4, FALSE, -1, 1);
  link_supplier (shop, 0, 5, FALSE, 1000, 1);
  link_supplier (shop, 1, 1, TRUE, 900, 5);
  link_supplier (shop, 1, 2, FALSE, -1, 1);
  link_supplier (shop, 1, 3, FALSE, -1, 10);
  link_supplier (shop, 1, 5, FALSE, 1100, 1);
  link_supplier (shop, 1, 6, FALSE, -1, 1);
  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autoptr(BoCustomer) customer = bo_customer_new ();

      customer->name = g_strdup_printf ("Customer %u", i);
      customer->email = g_strdup_printf ("customer%u@example.com", i);
      customer->tier = customer_tiers[i];
      customer->ship_complete = customer_sc[i];
      g_assert_true (bo_store_save_customer (shop->store, customer, &error));
      g_assert_no_error (error);
      shop->customers[i] = customer->id;
    }
}

static void
shop_free (Shop *shop)
{
  g_clear_object (&shop->store);
  if (g_getenv ("BO_KEEP") != NULL)
    g_test_message ("database kept in %s", shop->dir);
  else
    remove_tree (shop->dir);
  g_free (shop->dir);
  g_rand_free (shop->rand);
  g_string_free (shop->detail, TRUE);
  g_array_unref (shop->open_orders);
  g_hash_table_unref (shop->orders);
  g_array_unref (shop->pending);
  g_array_unref (shop->touched);
  g_hash_table_unref (shop->allocations);
  g_hash_table_unref (shop->history);
}

static const struct
{
  Op          op;
  const char *name;
  guint       weight;
} op_table[] = {
  { OP_PLACE, "place order", 26 },
  { OP_PREVIEW, "preview order", 4 },
  { OP_SHIP, "create shipment", 14 },
  { OP_MARK_SHIPPED, "mark shipped", 4 },
  { OP_CANCEL_SHIPMENT, "cancel shipment", 2 },
  { OP_CANCEL_LINE, "cancel line", 8 },
  { OP_CREATE_PO, "create purchase order", 6 },
  { OP_SET_ETA, "set ETA", 4 },
  { OP_RECEIVE, "receive", 9 },
  { OP_ADJUST, "adjust stock", 8 },
  { OP_POLICY, "set policy", 2 },
  { OP_REPLAN, "replan", 4 },
  { OP_DRAFT_POS, "order shortages", 3 },
  { OP_PRIORITY, "set priority", 3 },
  { OP_CANCEL_PO, "cancel purchase order", 1 },
  { OP_HANDLING, "handling days", 1 },
};

static void
run_op (Shop *shop,
        Op    op)
{
  switch (op)
    {
    case OP_PLACE: op_place (shop, TRUE); break;
    case OP_PREVIEW: op_place (shop, FALSE); break;
    case OP_SHIP: op_ship (shop); break;
    case OP_MARK_SHIPPED: op_ship_pending (shop); break;
    case OP_CANCEL_SHIPMENT: op_cancel_shipment (shop); break;
    case OP_CANCEL_LINE: op_cancel_line (shop); break;
    case OP_CREATE_PO: op_create_po (shop); break;
    case OP_SET_ETA: op_set_eta (shop); break;
    case OP_RECEIVE: op_receive (shop); break;
    case OP_ADJUST: op_adjust (shop); break;
    case OP_POLICY: op_policy (shop); break;
    case OP_REPLAN: op_replan (shop); break;
    case OP_DRAFT_POS: op_draft_pos (shop); break;
    case OP_PRIORITY: op_priority (shop); break;
    case OP_CANCEL_PO: op_cancel_po (shop); break;
    case OP_HANDLING: op_handling (shop); break;
    case N_OPS:
    default: g_assert_not_reached ();
    }
}

/* ---- the smallest shops that show what random runs found ------------------------------- */

typedef struct
{
  char    *dir;
  BoStore *store;
  gint64   customer;
  gint64   sc_customer;
  gint64   supplier;
} Mini;

static void
mini_open (Mini *m)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_local (2025, 3, 3, 9, 0, 0);
  g_autoptr(BoCustomer) customer = bo_customer_new ();
  g_autoptr(BoCustomer) sc_customer = bo_customer_new ();
  g_autoptr(BoSupplier) supplier = bo_supplier_new ();
  g_autofree char *path = NULL;

  m->dir = g_dir_make_tmp ("bo-property-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (m->dir, "shop.db", NULL);
  m->store = bo_store_open (path, &error);
  g_assert_no_error (error);
  bo_store_set_now (m->store, g_date_time_to_unix (start));
  customer->name = g_strdup ("Ada");
  g_assert_true (bo_store_save_customer (m->store, customer, &error));
  sc_customer->name = g_strdup ("Bea");
  sc_customer->ship_complete = TRUE;
  g_assert_true (bo_store_save_customer (m->store, sc_customer, &error));
  supplier->name = g_strdup ("Acme");
  g_assert_true (bo_store_save_supplier (m->store, supplier, &error));
  g_assert_no_error (error);
  m->customer = customer->id;
  m->sc_customer = sc_customer->id;
  m->supplier = supplier->id;
}

static void
mini_close (Mini *m)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bo_store_check (m->store, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&m->store);
  remove_tree (m->dir);
  g_free (m->dir);
}

static gint64
mini_product (Mini              *m,
              const char        *sku,
              gint64             on_hand,
              BoBackorderPolicy  policy)
{
  g_autoptr(BoProduct) product = bo_product_new ();
  g_autoptr(BoProductSupplier) link = bo_product_supplier_new ();
  g_autoptr(GError) error = NULL;

  product->sku = g_strdup (sku);
  product->name = g_strdup (sku);
  product->price = 1000;
  product->on_hand = on_hand;
  product->backorder_policy = policy;
  g_assert_true (bo_store_save_product (m->store, product, &error));
  g_assert_no_error (error);
  link->product_id = product->id;
  link->supplier_id = m->supplier;
  link->preferred = TRUE;
  g_assert_true (bo_store_link_supplier (m->store, link, &error));
  g_assert_no_error (error);
  return product->id;
}

/* Places (sku, quantity) pairs ending with NULL; returns the first line's id. */
static gint64
mini_order (Mini       *m,
            gint64      customer,
            const char *sku,
            ...)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  draft->customer_id = customer;
  va_start (args, sku);
  for (const char *s = sku; s != NULL; s = va_arg (args, const char *))
    bo_order_draft_add_line (draft, s, va_arg (args, gint64), -1);
  va_end (args);
  g_assert_true (bo_store_place_order (m->store, draft, FALSE, &outcome, &error));
  g_assert_no_error (error);
  return g_array_index (outcome->lines, BoLineOutcome, 0).line_id;
}

static BoOrderLine *
mini_line (Mini   *m,
           gint64  line_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orders = bo_store_list_orders (m->store, BO_ORDER_FILTER_ALL, NULL, NULL, 0,
                                                      0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < orders->len; i++)
    {
      const BoOrderSummary *s = g_ptr_array_index (orders, i);
      g_autoptr(BoOrder) order = bo_store_get_order (m->store, s->order_id, &error);

      g_assert_no_error (error);
      for (guint j = 0; j < order->lines->len; j++)
        if (((BoOrderLine *) g_ptr_array_index (order->lines, j))->id == line_id)
          return g_ptr_array_steal_index (order->lines, j);
    }
  g_assert_not_reached ();
}

static gint64
mini_po (Mini    *m,
         gint64   product_id,
         gint64   quantity,
         guint32  eta)
{
  g_autoptr(GError) error = NULL;
  BoQuantity line = { product_id, quantity };
  gint64 po_id = 0;

  g_assert_true (bo_store_create_po (m->store, m->supplier, eta, &line, NULL, 1, &po_id, &error));
  g_assert_no_error (error);
  return po_id;
}

/* Allow-if-incoming counts every line of the product in the order: with 2
 * free and nothing incoming, 2 + 1 units cannot all be promised, whichever
 * line the policy leaves short. */
static void
test_case_atp_all_lines (void)
{
  Mini m = { 0 };
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(GError) error = NULL;

  mini_open (&m);
  mini_product (&m, "BAG", 2, BO_BACKORDER_ALLOW_IF_INCOMING);
  g_assert_true (bo_store_set_setting (m.store, "allocation-policy", "fair-share", &error));
  g_assert_no_error (error);
  draft->customer_id = m.customer;
  bo_order_draft_add_line (draft, "BAG", 2, -1);
  bo_order_draft_add_line (draft, "BAG", 1, -1);
  g_assert_false (bo_store_place_order (m.store, draft, FALSE, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  mini_close (&m);
}

/* A re-plan preview says which orders would be complete, as applying it does. */
static void
test_case_replan_preview_ready (void)
{
  Mini m = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BoAllocationResult) preview = NULL;
  g_autoptr(BoAllocationResult) applied = NULL;

  mini_open (&m);
  mini_product (&m, "MUG", 3, BO_BACKORDER_ALLOW);
  mini_order (&m, m.customer, "MUG", (gint64) 3, NULL);
  mini_order (&m, m.customer, "MUG", (gint64) 1, NULL);
  /* FIFO gave 3 to the first order; fair share gives 2 and 1, and the second
   * order is then complete. */
  g_assert_true (bo_store_replan (m.store, BO_POLICY_FAIR_SHARE, FALSE, &preview, &error));
  g_assert_no_error (error);
  g_assert_true (bo_store_replan (m.store, BO_POLICY_FAIR_SHARE, TRUE, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (applied->ready->len, ==, 1);
  g_assert_true (g_array_index (applied->ready, BoReadyOrder, 0).complete);
  g_assert_cmpuint (preview->ready->len, ==, 1);
  g_assert_true (g_array_index (preview->ready, BoReadyOrder, 0).complete);
  mini_close (&m);
}

/* A line cancelled in full no longer waits for the purchase order it was
 * pegged to. */
static void
test_case_cancelled_line_waits_for_nothing (void)
{
  Mini m = { 0 };
  g_autoptr(GError) error = NULL;
  BoOrderLine *line;
  gint64 product, line_id;

  mini_open (&m);
  product = mini_product (&m, "TEE", 0, BO_BACKORDER_ALLOW);
  line_id = mini_order (&m, m.customer, "TEE", (gint64) 2, NULL);
  mini_po (&m, product, 5, bo_store_get_today (m.store) + 10);
  line = mini_line (&m, line_id);
  g_assert_nonnull (line->waiting_po);
  g_assert_cmpuint (line->promised, !=, 0);
  bo_order_line_free (line);

  g_assert_true (bo_store_cancel_line (m.store, line_id, 2, -1, NULL, &error));
  g_assert_no_error (error);
  line = mini_line (&m, line_id);
  g_assert_cmpint (line->backordered, ==, 0);
  g_assert_cmpuint (line->promised, ==, 0);
  g_assert_null (line->waiting_po);
  bo_order_line_free (line);
  mini_close (&m);
}

/* A ship-complete order held for 2 missing units gets the free stock once the
 * customer cancels what could not be covered. */
static void
test_case_ship_complete_after_cancel (void)
{
  Mini m = { 0 };
  g_autoptr(GError) error = NULL;
  BoOrderLine *line;
  gint64 line_id;

  mini_open (&m);
  mini_product (&m, "TEE", 10, BO_BACKORDER_ALLOW);
  line_id = mini_order (&m, m.sc_customer, "TEE", (gint64) 12, NULL);
  line = mini_line (&m, line_id);
  g_assert_cmpint (line->allocated, ==, 0);
  bo_order_line_free (line);

  g_assert_true (bo_store_cancel_line (m.store, line_id, 10, -1, NULL, &error));
  g_assert_no_error (error);
  line = mini_line (&m, line_id);
  g_assert_cmpint (line->allocated, ==, 2);
  g_assert_cmpint (line->backordered, ==, 0);
  bo_order_line_free (line);
  mini_close (&m);
}

/* When a ship-complete order takes stock of a second product, the promise
 * dates of that product's other backorders move too. */
static void
test_case_promises_after_ship_complete_fill (void)
{
  Mini m = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) moved = NULL;
  BoOrderLine *line;
  guint32 eta;
  gint64 sock, bag, waiting;

  mini_open (&m);
  eta = bo_store_get_today (m.store) + 20;
  sock = mini_product (&m, "SOCK", 0, BO_BACKORDER_ALLOW);
  bag = mini_product (&m, "BAG", 6, BO_BACKORDER_ALLOW);
  /* First in line: SOCK 1 + BAG 4, held for the SOCK. Then BAG 8, held too:
   * only 6 are free. */
  mini_order (&m, m.sc_customer, "SOCK", (gint64) 1, "BAG", (gint64) 4, NULL);
  waiting = mini_order (&m, m.sc_customer, "BAG", (gint64) 8, NULL);
  mini_po (&m, sock, 1, eta);
  mini_po (&m, bag, 10, eta);
  /* 10 incoming BAG: 4 for the first order, 6 of 8 for the second. */
  line = mini_line (&m, waiting);
  g_assert_cmpuint (line->promised, ==, 0);
  bo_order_line_free (line);

  /* The SOCK comes: the first order takes its SOCK and 4 BAG from the shelf,
   * and the 10 incoming BAG now complete the second order. */
  g_assert_true (bo_store_adjust_stock (m.store, sock, 1, "found", NULL, &error));
  g_assert_no_error (error);
  line = mini_line (&m, waiting);
  g_assert_cmpuint (line->promised, ==, eta + bo_store_get_handling_days (m.store));
  bo_order_line_free (line);

  g_assert_true (bo_store_refresh_promises (m.store, &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (moved->len, ==, 0);
  mini_close (&m);
}

/* "Order shortages" that adds to a draft with an ETA moves the promises. */
static void
test_case_promises_after_order_shortages (void)
{
  Mini m = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) po_ids = NULL;
  BoOrderLine *line;
  guint32 eta;
  gint64 tee, line_id;

  mini_open (&m);
  eta = bo_store_get_today (m.store) + 9;
  tee = mini_product (&m, "TEE", 0, BO_BACKORDER_ALLOW);
  line_id = mini_order (&m, m.customer, "TEE", (gint64) 5, NULL);
  /* A draft to the supplier, with an ETA already, for 2 of the 5. */
  mini_po (&m, tee, 2, eta);
  line = mini_line (&m, line_id);
  g_assert_cmpuint (line->promised, ==, 0);
  bo_order_line_free (line);

  g_assert_true (bo_store_draft_pos (m.store, NULL, 0, &po_ids, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (po_ids->len, ==, 1);
  line = mini_line (&m, line_id);
  g_assert_cmpuint (line->promised, ==, eta + bo_store_get_handling_days (m.store));
  bo_order_line_free (line);
  mini_close (&m);
}

/* A line added to a partly received purchase order arrives with the order's
 * current ETA, not the date of a line that came long ago. */
static void
test_case_added_po_line_eta (void)
{
  Mini m = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BoPurchaseOrder) po = NULL;
  BoQuantity lines[2], first;
  guint32 today;
  gint64 mug, tee, po_id = 0;

  mini_open (&m);
  today = bo_store_get_today (m.store);
  mug = mini_product (&m, "MUG", 0, BO_BACKORDER_ALLOW);
  tee = mini_product (&m, "TEE", 0, BO_BACKORDER_ALLOW);
  lines[0] = (BoQuantity) { mug, 5 };
  lines[1] = (BoQuantity) { tee, 5 };
  g_assert_true (bo_store_create_po (m.store, m.supplier, today + 3, lines, NULL, 2, &po_id,
                                     &error));
  g_assert_no_error (error);
  po = bo_store_get_po (m.store, po_id, &error);
  g_assert_no_error (error);
  first = (BoQuantity) { ((BoPoLine *) g_ptr_array_index (po->lines, 0))->id, 5 };
  g_clear_pointer (&po, bo_purchase_order_free);
  /* The MUG came; the supplier now says the rest comes in a month. */
  g_assert_true (bo_store_receive_po (m.store, po_id, &first, 1, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bo_store_set_po_eta (m.store, po_id, today + 30, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (bo_store_add_po_line (m.store, po_id, mug, 7, -1, &error));
  g_assert_no_error (error);
  po = bo_store_get_po (m.store, po_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (po->lines->len, ==, 3);
  g_assert_cmpuint (((BoPoLine *) g_ptr_array_index (po->lines, 1))->eta, ==, today + 30);
  g_assert_cmpuint (((BoPoLine *) g_ptr_array_index (po->lines, 2))->eta, ==, today + 30);
  mini_close (&m);
}

static guint64
env_number (const char *name,
            guint64     fallback,
            guint64     max)
{
  const char *text = g_getenv (name);
  guint64 value;
  g_autoptr(GError) error = NULL;

  if (text == NULL || *text == '\0')
    return fallback;
  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &value, &error))
    g_error ("%s: %s", name, error->message);
  return value;
}

/* A run is a series of shops, each a fresh database: the invariant checker
 * reads whole tables, and a shop that grows without end would make the later
 * steps ever slower without reaching new states. */
#define STEPS_PER_SHOP 1000

static void
test_random_operations (void)
{
  guint32 seed = env_number ("BO_SEED", g_random_int (), G_MAXUINT32);
  guint n_steps = env_number ("BO_STEPS", 3000, G_MAXUINT);
  guint total_weight = 0;
  guint ok[N_OPS] = { 0 }, refused[N_OPS] = { 0 };
  gint64 started = g_get_monotonic_time (), check_time = 0;
  gboolean trace = g_getenv ("BO_TRACE") != NULL;

  g_test_message ("seed: %u", seed);
  g_test_message ("steps: %u (replay with BO_SEED=%u BO_STEPS=%u)", n_steps, seed, n_steps);
  for (guint i = 0; i < G_N_ELEMENTS (op_table); i++)
    total_weight += op_table[i].weight;

  for (guint first = 0; first < n_steps; first += STEPS_PER_SHOP)
    {
      Shop shop = { 0 };
      guint last = MIN (n_steps, first + STEPS_PER_SHOP);

      shop_build (&shop, seed, first);
      for (; shop.step < last; shop.step++)
        {
          gint64 now = bo_store_get_now (shop.store);
          guint roll;
          Op op = OP_PLACE;

          /* Time passes: a few hours between steps, so ETAs come and go. */
          bo_store_set_now (shop.store, now + g_rand_int_range (shop.rand, 0, 4 * 3600));
          roll = g_rand_int_range (shop.rand, 0, total_weight);
          for (guint i = 0; i < G_N_ELEMENTS (op_table); i++)
            {
              if (roll < op_table[i].weight)
                {
                  op = op_table[i].op;
                  break;
                }
              roll -= op_table[i].weight;
            }
          g_string_truncate (shop.detail, 0);
          shop.op = op_table[op].name;
          run_op (&shop, op);
          shop.op = op_table[op].name;
          if (trace)
            g_test_message ("step %u: %s: %s", shop.step, shop.op, shop.detail->str);
          check_step (&shop, shop.step % 100 == 99 || shop.step + 1 == last);
        }
      for (guint i = 0; i < N_OPS; i++)
        {
          ok[i] += shop.ok[i];
          refused[i] += shop.refused[i];
        }
      check_time += shop.check_time;
      shop_free (&shop);
    }

  g_test_message ("%u steps in %.1f s, %.1f s of it in the invariant checker", n_steps,
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC,
                  check_time / (double) G_USEC_PER_SEC);
  for (guint i = 0; i < N_OPS; i++)
    g_test_message ("%-22s %5u done, %4u refused", op_table[i].name, ok[i], refused[i]);

  /* A long run that never got somewhere proves little. */
  if (n_steps >= 1000)
    {
      for (guint i = 0; i < N_OPS; i++)
        g_assert_cmpuint (ok[i], >, 0);
      g_assert_cmpuint (refused[OP_PLACE], >, 0);
      g_assert_cmpuint (refused[OP_CANCEL_LINE], >, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/property/random-operations", test_random_operations);
  g_test_add_func ("/property/case/allow-if-incoming-counts-all-lines", test_case_atp_all_lines);
  g_test_add_func ("/property/case/replan-preview-ready", test_case_replan_preview_ready);
  g_test_add_func ("/property/case/cancelled-line-waits-for-nothing",
                   test_case_cancelled_line_waits_for_nothing);
  g_test_add_func ("/property/case/ship-complete-after-cancel",
                   test_case_ship_complete_after_cancel);
  g_test_add_func ("/property/case/promises-after-ship-complete-fill",
                   test_case_promises_after_ship_complete_fill);
  g_test_add_func ("/property/case/promises-after-order-shortages",
                   test_case_promises_after_order_shortages);
  g_test_add_func ("/property/case/added-po-line-eta", test_case_added_po_line_eta);

  return g_test_run ();
}
