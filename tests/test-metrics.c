/* test-metrics.c — tests of the numbers: pure formulas, hand-worked shop, recomputation
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-metrics"
#include "config.h"
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include "backorders/bo-error.h"
#include "backorders/bo-metrics.h"
#include "backorders/bo-store.h"

/* ---- helpers ------------------------------------------------------------------ */

static guint32
jday (gint y,
      gint m,
      gint d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

/* Noon, local time: far from any day boundary whatever the time zone does. */
static gint64
noon (gint y,
      gint m,
      gint d)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (y, m, d, 12, 0, 0);

  return g_date_time_to_unix (dt);
}

static guint32
local_day_of (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_seconds);

  return jday (g_date_time_get_year (dt), g_date_time_get_month (dt),
               g_date_time_get_day_of_month (dt));
}

static BoDayCounts
day_counts (guint32 day,
            gint64  orders,
            gint64  bo_orders,
            gint64  lines,
            gint64  bo_lines,
            gint64  units,
            gint64  bo_units)
{
  return (BoDayCounts) { day, orders, bo_orders, lines, bo_lines, units, bo_units };
}

static void
assert_counts (const BoDayCounts *c,
               gint64             orders,
               gint64             bo_orders,
               gint64             lines,
               gint64             bo_lines,
               gint64             units,
               gint64             bo_units)
{
  g_assert_cmpint (c->orders, ==, orders);
  g_assert_cmpint (c->bo_orders, ==, bo_orders);
  g_assert_cmpint (c->lines, ==, lines);
  g_assert_cmpint (c->bo_lines, ==, bo_lines);
  g_assert_cmpint (c->units, ==, units);
  g_assert_cmpint (c->bo_units, ==, bo_units);
}

static void
assert_point (const BoRatePoint *p,
              BoPeriod           period,
              gint               year,
              gint               index,
              guint32            first_day)
{
  g_assert_cmpint (p->period, ==, period);
  g_assert_cmpint (p->year, ==, year);
  g_assert_cmpint (p->index, ==, index);
  g_assert_cmpuint (p->first_day, ==, first_day);
  g_assert_cmpuint (p->counts.day, ==, first_day);
}

static void
assert_rates (const BoRatePoint *p,
              double             order_rate,
              double             line_rate,
              double             unit_rate)
{
  g_assert_cmpfloat_with_epsilon (p->order_rate, order_rate, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->line_rate, line_rate, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->unit_rate, unit_rate, 1e-9);
}

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

typedef struct
{
  char    *dir;
  BoStore *store;
} Shop;

static void
shop_open (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  shop->dir = g_dir_make_tmp ("bo-metrics-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (shop->dir, "shop.db", NULL);
  shop->store = bo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (shop->store);
}

static void
shop_close (Shop *shop)
{
  g_clear_object (&shop->store);
  remove_tree (shop->dir);
  g_clear_pointer (&shop->dir, g_free);
}

static gint64
add_product (BoStore    *store,
             const char *sku,
             gint64      price,
             gint64      on_hand)
{
  g_autoptr(BoProduct) product = bo_product_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  product->sku = g_strdup (sku);
  product->name = g_strdup_printf ("Product %s", sku);
  product->price = price;
  product->cost = price / 2;
  product->on_hand = on_hand;
  ok = bo_store_save_product (store, product, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return product->id;
}

static gint64
add_customer (BoStore    *store,
              const char *name)
{
  g_autoptr(BoCustomer) customer = bo_customer_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  customer->name = g_strdup (name);
  customer->email = g_strdup_printf ("%s@example.com", name);
  ok = bo_store_save_customer (store, customer, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return customer->id;
}

static gint64
add_supplier (BoStore    *store,
              const char *name)
{
  g_autoptr(BoSupplier) supplier = bo_supplier_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  supplier->name = g_strdup (name);
  ok = bo_store_save_supplier (store, supplier, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return supplier->id;
}

/* Places an order of (sku, quantity) pairs ending with NULL. */
static gint64
place_order (BoStore    *store,
             gint64      customer_id,
             const char *sku,
             ...)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;
  va_list args;

  draft->customer_id = customer_id;
  va_start (args, sku);
  for (const char *s = sku; s != NULL; s = va_arg (args, const char *))
    bo_order_draft_add_line (draft, s, va_arg (args, gint64), -1);
  va_end (args);
  ok = bo_store_place_order (store, draft, FALSE, &outcome, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return outcome->order_id;
}

static gint64
line_of (BoStore    *store,
         gint64      order_id,
         const char *sku)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoOrder) order = bo_store_get_order (store, order_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < order->lines->len; i++)
    {
      const BoOrderLine *line = g_ptr_array_index (order->lines, i);
      if (g_str_equal (line->sku, sku))
        return line->id;
    }
  g_assert_not_reached ();
}

/* The promise dates of an order's line of @sku. */
static void
line_promise (BoStore    *store,
              gint64      order_id,
              const char *sku,
              guint32    *promised,
              guint32    *first_promised)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoOrder) order = bo_store_get_order (store, order_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < order->lines->len; i++)
    {
      const BoOrderLine *line = g_ptr_array_index (order->lines, i);

      if (g_str_equal (line->sku, sku))
        {
          *promised = line->promised;
          *first_promised = line->first_promised;
          return;
        }
    }
  g_assert_not_reached ();
}

static gint64
create_po (BoStore *store,
           gint64   supplier_id,
           guint32  eta,
           gint64   product_id,
           gint64   quantity,
           gint64  *po_line_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoPurchaseOrder) po = NULL;
  BoQuantity q = { product_id, quantity };
  gint64 po_id = 0;
  gboolean ok;

  ok = bo_store_create_po (store, supplier_id, eta, &q, NULL, 1, &po_id, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  po = bo_store_get_po (store, po_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (po->lines->len, ==, 1);
  *po_line_id = ((BoPoLine *) g_ptr_array_index (po->lines, 0))->id;
  return po_id;
}

static void
receive (BoStore *store,
         gint64   po_id,
         gint64   po_line_id,
         gint64   quantity)
{
  g_autoptr(GError) error = NULL;
  BoQuantity q = { po_line_id, quantity };
  gboolean ok;

  ok = bo_store_receive_po (store, po_id, &q, quantity > 0 ? 1 : 0, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
ship (BoStore *store,
      gint64   order_id,
      gint64   line_id,
      gint64   quantity)
{
  g_autoptr(GError) error = NULL;
  BoQuantity q = { line_id, quantity };
  gint64 shipment_id = 0;
  gboolean ok;

  ok = bo_store_create_shipment (store, order_id, &q, line_id > 0 ? 1 : 0, &shipment_id, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = bo_store_mark_shipped (store, shipment_id, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
assert_consistent (BoStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (!bo_store_check (store, &problems, &error))
    for (guint i = 0; problems != NULL && i < problems->len; i++)
      g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_no_error (error);
}

/* ---- (a) pure formulas ------------------------------------------------------------- */

static void
test_period_strings (void)
{
  BoPeriod period = BO_PERIOD_YEAR;
  gint year = 0, index = -1;
  struct
  {
    BoPeriod    period;
    gint        year;
    gint        index;
    const char *label;
  } labels[] = {
    { BO_PERIOD_MONTH, 2026, 11, "2026-11" },
    { BO_PERIOD_MONTH, 2026, 3, "2026-03" },
    { BO_PERIOD_MONTH, 999, 1, "0999-01" },
    { BO_PERIOD_QUARTER, 2026, 4, "2026 Q4" },
    { BO_PERIOD_QUARTER, 2025, 1, "2025 Q1" },
    { BO_PERIOD_YEAR, 2026, 0, "2026" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *label = bo_period_label (labels[i].period, labels[i].year, labels[i].index);
      g_assert_cmpstr (label, ==, labels[i].label);
    }

  g_assert_cmpstr (bo_period_to_string (BO_PERIOD_MONTH), ==, "month");
  g_assert_cmpstr (bo_period_to_string (BO_PERIOD_QUARTER), ==, "quarter");
  g_assert_cmpstr (bo_period_to_string (BO_PERIOD_YEAR), ==, "year");
  g_assert_true (bo_period_from_string ("quarter", &period));
  g_assert_cmpint (period, ==, BO_PERIOD_QUARTER);
  g_assert_false (bo_period_from_string ("week", &period));
  g_assert_false (bo_period_from_string (NULL, &period));
  g_assert_cmpint (period, ==, BO_PERIOD_QUARTER);

  bo_period_of_day (BO_PERIOD_MONTH, jday (2024, 2, 29), &year, &index);
  g_assert_cmpint (year, ==, 2024);
  g_assert_cmpint (index, ==, 2);
  bo_period_of_day (BO_PERIOD_QUARTER, jday (2024, 3, 31), &year, &index);
  g_assert_cmpint (index, ==, 1);
  bo_period_of_day (BO_PERIOD_QUARTER, jday (2024, 4, 1), &year, &index);
  g_assert_cmpint (index, ==, 2);
  bo_period_of_day (BO_PERIOD_QUARTER, jday (2024, 12, 31), &year, &index);
  g_assert_cmpint (year, ==, 2024);
  g_assert_cmpint (index, ==, 4);
  bo_period_of_day (BO_PERIOD_YEAR, jday (2025, 1, 1), &year, &index);
  g_assert_cmpint (year, ==, 2025);
  g_assert_cmpint (index, ==, 0);
}

static void
test_rate_series_month (void)
{
  /* In no particular order; the first and last are outside the range. */
  const BoDayCounts days[] = {
    day_counts (jday (2024, 3, 1), 3, 0, 5, 0, 9, 0),
    day_counts (jday (2023, 12, 31), 50, 50, 50, 50, 50, 50),
    day_counts (jday (2024, 1, 31), 1, 1, 2, 1, 6, 2),
    day_counts (jday (2024, 1, 1), 2, 1, 4, 1, 10, 3),
    day_counts (jday (2024, 3, 31), 1, 0, 1, 0, 1, 0),
    day_counts (jday (2024, 4, 1), 70, 70, 70, 70, 70, 70),
  };
  g_autoptr(GArray) series = bo_metrics_rate_series (days, G_N_ELEMENTS (days), BO_PERIOD_MONTH,
                                                     jday (2024, 1, 1), jday (2024, 3, 31));
  const BoRatePoint *p;

  g_assert_cmpuint (series->len, ==, 3);

  p = &g_array_index (series, BoRatePoint, 0);
  assert_point (p, BO_PERIOD_MONTH, 2024, 1, jday (2024, 1, 1));
  assert_counts (&p->counts, 3, 2, 6, 2, 16, 5);
  assert_rates (p, 200.0 / 3, 100.0 / 3, 5 * 100.0 / 16);

  /* February had no orders: present, with zeros. */
  p = &g_array_index (series, BoRatePoint, 1);
  assert_point (p, BO_PERIOD_MONTH, 2024, 2, jday (2024, 2, 1));
  assert_counts (&p->counts, 0, 0, 0, 0, 0, 0);
  assert_rates (p, 0, 0, 0);

  /* March: orders, none backordered: 0 %. */
  p = &g_array_index (series, BoRatePoint, 2);
  assert_point (p, BO_PERIOD_MONTH, 2024, 3, jday (2024, 3, 1));
  assert_counts (&p->counts, 4, 0, 6, 0, 10, 0);
  assert_rates (p, 0, 0, 0);
}

static void
test_rate_series_quarter (void)
{
  /* The range starts and ends inside a quarter: days of those quarters that
   * fall outside the range do not count. */
  const BoDayCounts days[] = {
    day_counts (jday (2023, 11, 14), 9, 9, 9, 9, 9, 9),
    day_counts (jday (2023, 11, 15), 2, 2, 3, 3, 7, 7),
    day_counts (jday (2023, 12, 31), 1, 1, 1, 1, 3, 3),
    day_counts (jday (2024, 2, 10), 4, 1, 8, 1, 20, 5),
    day_counts (jday (2024, 5, 10), 2, 1, 2, 1, 4, 1),
    day_counts (jday (2024, 5, 11), 8, 8, 8, 8, 8, 8),
    day_counts (jday (2024, 6, 30), 8, 8, 8, 8, 8, 8),
  };
  g_autoptr(GArray) series = bo_metrics_rate_series (days, G_N_ELEMENTS (days), BO_PERIOD_QUARTER,
                                                     jday (2023, 11, 15), jday (2024, 5, 10));
  const BoRatePoint *p;

  g_assert_cmpuint (series->len, ==, 3);

  /* Q4 2023: every order backordered, 100 %. */
  p = &g_array_index (series, BoRatePoint, 0);
  assert_point (p, BO_PERIOD_QUARTER, 2023, 4, jday (2023, 10, 1));
  assert_counts (&p->counts, 3, 3, 4, 4, 10, 10);
  assert_rates (p, 100, 100, 100);

  p = &g_array_index (series, BoRatePoint, 1);
  assert_point (p, BO_PERIOD_QUARTER, 2024, 1, jday (2024, 1, 1));
  assert_counts (&p->counts, 4, 1, 8, 1, 20, 5);
  assert_rates (p, 25, 12.5, 25);

  p = &g_array_index (series, BoRatePoint, 2);
  assert_point (p, BO_PERIOD_QUARTER, 2024, 2, jday (2024, 4, 1));
  assert_counts (&p->counts, 2, 1, 2, 1, 4, 1);
  assert_rates (p, 50, 50, 25);
}

static void
test_rate_series_year (void)
{
  const BoDayCounts days[] = {
    day_counts (jday (2022, 6, 1), 5, 1, 10, 2, 20, 2),
    day_counts (jday (2024, 2, 29), 1, 0, 1, 0, 1, 0),
    day_counts (jday (2022, 12, 31), 5, 4, 10, 6, 20, 10),
    day_counts (jday (2024, 3, 1), 1, 1, 1, 1, 1, 1),
  };
  g_autoptr(GArray) series = bo_metrics_rate_series (days, G_N_ELEMENTS (days), BO_PERIOD_YEAR,
                                                     jday (2022, 6, 1), jday (2024, 2, 29));
  g_autoptr(GArray) single = NULL;
  g_autoptr(GArray) empty = NULL;
  const BoRatePoint *p;

  g_assert_cmpuint (series->len, ==, 3);
  p = &g_array_index (series, BoRatePoint, 0);
  assert_point (p, BO_PERIOD_YEAR, 2022, 0, jday (2022, 1, 1));
  assert_counts (&p->counts, 10, 5, 20, 8, 40, 12);
  assert_rates (p, 50, 40, 30);
  p = &g_array_index (series, BoRatePoint, 1);
  assert_point (p, BO_PERIOD_YEAR, 2023, 0, jday (2023, 1, 1));
  assert_counts (&p->counts, 0, 0, 0, 0, 0, 0);
  assert_rates (p, 0, 0, 0);
  p = &g_array_index (series, BoRatePoint, 2);
  assert_point (p, BO_PERIOD_YEAR, 2024, 0, jday (2024, 1, 1));
  assert_counts (&p->counts, 1, 0, 1, 0, 1, 0);

  /* A one-day range: one period, that day only. */
  single = bo_metrics_rate_series (days, G_N_ELEMENTS (days), BO_PERIOD_MONTH,
                                   jday (2024, 3, 1), jday (2024, 3, 1));
  g_assert_cmpuint (single->len, ==, 1);
  p = &g_array_index (single, BoRatePoint, 0);
  assert_point (p, BO_PERIOD_MONTH, 2024, 3, jday (2024, 3, 1));
  assert_counts (&p->counts, 1, 1, 1, 1, 1, 1);
  assert_rates (p, 100, 100, 100);

  /* No days at all: the skeleton with zeros, across a year boundary. */
  empty = bo_metrics_rate_series (NULL, 0, BO_PERIOD_MONTH, jday (2023, 11, 30), jday (2024, 2, 1));
  g_assert_cmpuint (empty->len, ==, 4);
  assert_point (&g_array_index (empty, BoRatePoint, 0), BO_PERIOD_MONTH, 2023, 11,
                jday (2023, 11, 1));
  assert_point (&g_array_index (empty, BoRatePoint, 1), BO_PERIOD_MONTH, 2023, 12,
                jday (2023, 12, 1));
  assert_point (&g_array_index (empty, BoRatePoint, 2), BO_PERIOD_MONTH, 2024, 1,
                jday (2024, 1, 1));
  assert_point (&g_array_index (empty, BoRatePoint, 3), BO_PERIOD_MONTH, 2024, 2,
                jday (2024, 2, 1));
  for (guint i = 0; i < empty->len; i++)
    assert_counts (&g_array_index (empty, BoRatePoint, i).counts, 0, 0, 0, 0, 0, 0);
}

static void
test_percent (void)
{
  g_assert_cmpfloat (bo_metrics_percent (0, 0), ==, 0.0);
  g_assert_cmpfloat (bo_metrics_percent (5, 0), ==, 0.0);
  g_assert_cmpfloat (bo_metrics_percent (0, 7), ==, 0.0);
  g_assert_cmpfloat (bo_metrics_percent (7, 7), ==, 100.0);
  g_assert_cmpfloat_with_epsilon (bo_metrics_percent (1, 3), 100.0 / 3, 1e-12);
}

static void
test_age_buckets (void)
{
  const struct
  {
    gint64      age;
    BoAgeBucket bucket;
  } cases[] = {
    { 0, BO_AGE_0_7 },       { 1, BO_AGE_0_7 },       { 7, BO_AGE_0_7 },
    { 8, BO_AGE_8_14 },      { 14, BO_AGE_8_14 },     { 15, BO_AGE_15_30 },
    { 30, BO_AGE_15_30 },    { 31, BO_AGE_31_PLUS },  { 365, BO_AGE_31_PLUS },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (bo_metrics_age_bucket (cases[i].age), ==, cases[i].bucket);
  for (guint b = 0; b < BO_AGE_N_BUCKETS; b++)
    {
      const char *label = bo_metrics_age_bucket_label (b);
      g_assert_nonnull (label);
      g_assert_cmpuint (strlen (label), >, 0);
    }
  g_assert_cmpstr (bo_metrics_age_bucket_label (BO_AGE_8_14), ==, "8–14 days");
}

static void
test_supplier_formulas (void)
{
  BoSupplierCounts counts = { 1, (char *) "Acme", 4, 3, 5, 1 };
  BoSupplierCounts none = { 2, (char *) "Bolt", 0, 0, 0, 0 };
  BoSupplierCounts late = { 3, (char *) "Cargo", 3, 0, 10, 3 };

  g_assert_cmpfloat_with_epsilon (bo_metrics_supplier_on_time (&counts), 75.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (bo_metrics_supplier_avg_days_late (&counts), 1.25, 1e-12);
  g_assert_cmpfloat (bo_metrics_supplier_on_time (&none), ==, 0.0);
  g_assert_cmpfloat (bo_metrics_supplier_avg_days_late (&none), ==, 0.0);
  g_assert_cmpfloat (bo_metrics_supplier_on_time (&late), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (bo_metrics_supplier_avg_days_late (&late), 10.0 / 3, 1e-12);

  for (BoMetric m = BO_METRIC_ORDER_RATE; m <= BO_METRIC_CUSTOMER_ON_TIME; m++)
    g_assert_nonnull (bo_metrics_formula (m));
}

/* ---- (b) a tiny shop, worked by hand ---------------------------------------------- */

/* The story, in 2025 (handling days: 1; every event at noon):
 *
 *   01-10  O1 (Ada):  MUG 4, CAP 2          both from stock
 *   02-05  O2 (Bea):  MUG 8, TEE 3          MUG 6 + 2 backordered, TEE 3 backordered
 *   02-06  PO1 Acme: TEE 5, ETA 02-20       O2 TEE promised 02-21
 *          PO2 Bolt: MUG 2, ETA 02-28       O2 MUG promised 03-01
 *   02-18  PO1 received (2 days early)      O2 TEE allocated
 *   02-19  O2 ships TEE 3                   before its promise: on time
 *   03-05  PO2 received (5 days late)       O2 MUG allocated
 *   03-06  O2 ships MUG 8                   after its promise 03-01: late
 *   03-20  O3 (Ada):  CAP 3                 from stock; CAP is now all allocated
 *   (no orders from April to June)
 *   07-15  O4 (Bea):  TEE 4                 2 from stock, 2 backordered
 *   07-20  O4 cancelled in full             still counts as a backordered order
 *   08-01  O5 (Ada):  CAP 1                 backordered
 *   08-02  PO3 Acme: CAP 10, ETA 08-20      O5 promised 08-21
 *   08-10  PO3: 4 received                  O5 allocated; PO3 line not fully received
 *   08-11  O5 ships                         on time
 *   10-01  O6 (Bea):  MUG 5, TEE 1          MUG 5 backordered, TEE from stock
 *   10-25  O7 (Ada):  TEE 3                 1 from stock, 2 backordered
 *   11-05  O8 (Bea):  CAP 2, MUG 1          CAP from stock, MUG backordered
 *   11-12  O9 (Ada):  MUG 2                 backordered
 *   today: 11-15
 */
typedef struct
{
  Shop    shop;
  gint64  mug, tee, cap;
  gint64  acme, bolt, cargo;
} TinyShop;

static void
set_day (BoStore *store,
         gint     m,
         gint     d)
{
  bo_store_set_now (store, noon (2025, m, d));
}

static void
build_tiny_shop (TinyShop *t)
{
  BoStore *store;
  g_autoptr(GError) error = NULL;
  guint32 promised = 0, first_promised = 0;
  gint64 ada, bea, o2, o4, o5, po1, po2, po3, po1_line, po2_line, po3_line;
  gboolean ok;

  shop_open (&t->shop);
  store = t->shop.store;
  set_day (store, 1, 2);
  t->mug = add_product (store, "MUG", 1000, 10);
  t->tee = add_product (store, "TEE", 2000, 0);
  t->cap = add_product (store, "CAP", 500, 5);
  t->acme = add_supplier (store, "Acme");
  t->bolt = add_supplier (store, "bolt");
  t->cargo = add_supplier (store, "Cargo");
  ada = add_customer (store, "ada");
  bea = add_customer (store, "bea");

  set_day (store, 1, 10);
  place_order (store, ada, "MUG", (gint64) 4, "CAP", (gint64) 2, NULL);
  set_day (store, 2, 5);
  o2 = place_order (store, bea, "MUG", (gint64) 8, "TEE", (gint64) 3, NULL);
  set_day (store, 2, 6);
  po1 = create_po (store, t->acme, jday (2025, 2, 20), t->tee, 5, &po1_line);
  po2 = create_po (store, t->bolt, jday (2025, 2, 28), t->mug, 2, &po2_line);
  line_promise (store, o2, "TEE", &promised, &first_promised);
  g_assert_cmpuint (promised, ==, jday (2025, 2, 21));
  g_assert_cmpuint (first_promised, ==, jday (2025, 2, 21));
  line_promise (store, o2, "MUG", &promised, &first_promised);
  g_assert_cmpuint (promised, ==, jday (2025, 3, 1));
  g_assert_cmpuint (first_promised, ==, jday (2025, 3, 1));

  set_day (store, 2, 18);
  receive (store, po1, 0, 0);
  set_day (store, 2, 19);
  ship (store, o2, line_of (store, o2, "TEE"), 3);
  set_day (store, 3, 5);
  receive (store, po2, po2_line, 2);
  set_day (store, 3, 6);
  ship (store, o2, 0, 0);
  set_day (store, 3, 20);
  place_order (store, ada, "CAP", (gint64) 3, NULL);

  set_day (store, 7, 15);
  o4 = place_order (store, bea, "TEE", (gint64) 4, NULL);
  set_day (store, 7, 20);
  ok = bo_store_cancel_line (store, line_of (store, o4, "TEE"), 4, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  set_day (store, 8, 1);
  o5 = place_order (store, ada, "CAP", (gint64) 1, NULL);
  set_day (store, 8, 2);
  po3 = create_po (store, t->acme, jday (2025, 8, 20), t->cap, 10, &po3_line);
  line_promise (store, o5, "CAP", &promised, &first_promised);
  g_assert_cmpuint (promised, ==, jday (2025, 8, 21));
  set_day (store, 8, 10);
  receive (store, po3, po3_line, 4);
  set_day (store, 8, 11);
  ship (store, o5, 0, 0);

  set_day (store, 10, 1);
  place_order (store, bea, "MUG", (gint64) 5, "TEE", (gint64) 1, NULL);
  set_day (store, 10, 25);
  place_order (store, ada, "TEE", (gint64) 3, NULL);
  set_day (store, 11, 5);
  place_order (store, bea, "CAP", (gint64) 2, "MUG", (gint64) 1, NULL);
  set_day (store, 11, 12);
  place_order (store, ada, "MUG", (gint64) 2, NULL);
  set_day (store, 11, 15);

  assert_consistent (store);
}

static void
test_store_rates (void)
{
  TinyShop t = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) quarters = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GArray) edges = NULL;
  const BoRatePoint *p;

  build_tiny_shop (&t);

  days = bo_store_day_counts (t.shop.store, jday (2025, 1, 1), jday (2025, 11, 15), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 9);
  g_assert_cmpuint (g_array_index (days, BoDayCounts, 0).day, ==, jday (2025, 1, 10));
  assert_counts (&g_array_index (days, BoDayCounts, 0), 1, 0, 2, 0, 6, 0);
  g_assert_cmpuint (g_array_index (days, BoDayCounts, 1).day, ==, jday (2025, 2, 5));
  assert_counts (&g_array_index (days, BoDayCounts, 1), 1, 1, 2, 2, 11, 5);
  /* The cancelled order keeps its placement counts. */
  g_assert_cmpuint (g_array_index (days, BoDayCounts, 3).day, ==, jday (2025, 7, 15));
  assert_counts (&g_array_index (days, BoDayCounts, 3), 1, 1, 1, 1, 4, 2);
  g_assert_cmpuint (g_array_index (days, BoDayCounts, 8).day, ==, jday (2025, 11, 12));

  quarters = bo_metrics_rate_series ((const BoDayCounts *) days->data, days->len,
                                     BO_PERIOD_QUARTER, jday (2025, 1, 1), jday (2025, 11, 15));
  g_assert_cmpuint (quarters->len, ==, 4);
  p = &g_array_index (quarters, BoRatePoint, 0);
  assert_point (p, BO_PERIOD_QUARTER, 2025, 1, jday (2025, 1, 1));
  assert_counts (&p->counts, 3, 1, 5, 2, 20, 5);
  assert_rates (p, 100.0 / 3, 40, 25);
  p = &g_array_index (quarters, BoRatePoint, 1);
  assert_point (p, BO_PERIOD_QUARTER, 2025, 2, jday (2025, 4, 1));
  assert_counts (&p->counts, 0, 0, 0, 0, 0, 0);
  assert_rates (p, 0, 0, 0);
  p = &g_array_index (quarters, BoRatePoint, 2);
  assert_point (p, BO_PERIOD_QUARTER, 2025, 3, jday (2025, 7, 1));
  assert_counts (&p->counts, 2, 2, 2, 2, 5, 3);
  assert_rates (p, 100, 100, 60);
  p = &g_array_index (quarters, BoRatePoint, 3);
  assert_point (p, BO_PERIOD_QUARTER, 2025, 4, jday (2025, 10, 1));
  assert_counts (&p->counts, 4, 4, 6, 4, 14, 10);
  assert_rates (p, 100, 400.0 / 6, 1000.0 / 14);

  months = bo_metrics_rate_series ((const BoDayCounts *) days->data, days->len, BO_PERIOD_MONTH,
                                   jday (2025, 1, 1), jday (2025, 11, 15));
  g_assert_cmpuint (months->len, ==, 11);
  assert_rates (&g_array_index (months, BoRatePoint, 0), 0, 0, 0);
  assert_rates (&g_array_index (months, BoRatePoint, 1), 100, 100, 500.0 / 11);
  assert_rates (&g_array_index (months, BoRatePoint, 2), 0, 0, 0);
  assert_counts (&g_array_index (months, BoRatePoint, 2).counts, 1, 0, 1, 0, 3, 0);
  assert_counts (&g_array_index (months, BoRatePoint, 5).counts, 0, 0, 0, 0, 0, 0);
  assert_counts (&g_array_index (months, BoRatePoint, 10).counts, 2, 2, 3, 2, 5, 3);

  years = bo_metrics_rate_series ((const BoDayCounts *) days->data, days->len, BO_PERIOD_YEAR,
                                  jday (2025, 1, 1), jday (2025, 11, 15));
  g_assert_cmpuint (years->len, ==, 1);
  p = &g_array_index (years, BoRatePoint, 0);
  assert_counts (&p->counts, 9, 7, 13, 8, 39, 18);
  assert_rates (p, 700.0 / 9, 800.0 / 13, 1800.0 / 39);

  /* Both ends of the range count. */
  edges = bo_store_day_counts (t.shop.store, jday (2025, 2, 5), jday (2025, 3, 20), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (edges->len, ==, 2);
  g_assert_cmpuint (g_array_index (edges, BoDayCounts, 0).day, ==, jday (2025, 2, 5));
  g_assert_cmpuint (g_array_index (edges, BoDayCounts, 1).day, ==, jday (2025, 3, 20));
  g_clear_pointer (&edges, g_array_unref);
  edges = bo_store_day_counts (t.shop.store, jday (2025, 2, 6), jday (2025, 3, 19), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (edges->len, ==, 0);

  shop_close (&t.shop);
}

static void
test_store_fill_backlog_aging (void)
{
  TinyShop t = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 full = -1, lines = -1, units = -1, value = -1;
  gint64 age_lines[BO_AGE_N_BUCKETS], age_units[BO_AGE_N_BUCKETS];
  gboolean ok;

  build_tiny_shop (&t);

  ok = bo_store_fill_rate (t.shop.store, jday (2025, 1, 1), jday (2025, 12, 31), &full, &lines,
                           &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (full, ==, 5);
  g_assert_cmpint (lines, ==, 13);

  ok = bo_store_fill_rate (t.shop.store, jday (2025, 1, 1), jday (2025, 3, 31), &full, &lines,
                           &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (full, ==, 3);
  g_assert_cmpint (lines, ==, 5);

  ok = bo_store_fill_rate (t.shop.store, jday (2025, 4, 1), jday (2025, 6, 30), &full, &lines,
                           &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (full, ==, 0);
  g_assert_cmpint (lines, ==, 0);

  /* Open: O6 MUG 5 × 10.00, O7 TEE 2 × 20.00, O8 MUG 1, O9 MUG 2. */
  ok = bo_store_backlog (t.shop.store, &lines, &units, &value, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (lines, ==, 4);
  g_assert_cmpint (units, ==, 10);
  g_assert_cmpint (value, ==, 12000);

  /* Ages on 11-15: O6 45 days, O7 21, O8 10, O9 3. */
  ok = bo_store_aging (t.shop.store, age_lines, age_units, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (age_lines[BO_AGE_0_7], ==, 1);
  g_assert_cmpint (age_units[BO_AGE_0_7], ==, 2);
  g_assert_cmpint (age_lines[BO_AGE_8_14], ==, 1);
  g_assert_cmpint (age_units[BO_AGE_8_14], ==, 1);
  g_assert_cmpint (age_lines[BO_AGE_15_30], ==, 1);
  g_assert_cmpint (age_units[BO_AGE_15_30], ==, 2);
  g_assert_cmpint (age_lines[BO_AGE_31_PLUS], ==, 1);
  g_assert_cmpint (age_units[BO_AGE_31_PLUS], ==, 5);

  /* A week later every open backorder is older. */
  bo_store_set_now (t.shop.store, noon (2025, 11, 22));
  ok = bo_store_aging (t.shop.store, age_lines, age_units, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (age_lines[BO_AGE_0_7], ==, 0);
  g_assert_cmpint (age_lines[BO_AGE_8_14], ==, 1);
  g_assert_cmpint (age_units[BO_AGE_8_14], ==, 2);
  g_assert_cmpint (age_lines[BO_AGE_15_30], ==, 2);
  g_assert_cmpint (age_units[BO_AGE_15_30], ==, 3);
  g_assert_cmpint (age_lines[BO_AGE_31_PLUS], ==, 1);

  shop_close (&t.shop);
}

static void
test_store_backlog_history (void)
{
  TinyShop t = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GArray) quarters = NULL;
  /* Open backordered units at the end of each month of 2025 up to 11-15. */
  const gint64 units[] = { 0, 2, 0, 0, 0, 0, 0, 0, 0, 7, 10 };
  const gint64 values[] = { 0, 2000, 0, 0, 0, 0, 0, 0, 0, 9000, 12000 };

  build_tiny_shop (&t);

  months = bo_store_backlog_history (t.shop.store, BO_PERIOD_MONTH, jday (2025, 1, 1),
                                     jday (2025, 11, 15), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, G_N_ELEMENTS (units));
  for (guint i = 0; i < months->len; i++)
    {
      const BoBacklogPoint *p = &g_array_index (months, BoBacklogPoint, i);

      g_assert_cmpint (p->year, ==, 2025);
      g_assert_cmpint (p->index, ==, (gint) i + 1);
      g_assert_cmpuint (p->first_day, ==, jday (2025, i + 1, 1));
      g_assert_cmpint (p->units, ==, units[i]);
      g_assert_cmpint (p->value, ==, values[i]);
    }

  quarters = bo_store_backlog_history (t.shop.store, BO_PERIOD_QUARTER, jday (2025, 1, 1),
                                       jday (2025, 11, 15), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quarters->len, ==, 4);
  g_assert_cmpint (g_array_index (quarters, BoBacklogPoint, 0).units, ==, 0);
  g_assert_cmpint (g_array_index (quarters, BoBacklogPoint, 2).units, ==, 0);
  g_assert_cmpint (g_array_index (quarters, BoBacklogPoint, 3).units, ==, 10);
  g_assert_cmpint (g_array_index (quarters, BoBacklogPoint, 3).value, ==, 12000);

  /* A range that starts mid-February still carries January's history, and
   * one that ends in October ignores what came after. */
  g_clear_pointer (&months, g_array_unref);
  months = bo_store_backlog_history (t.shop.store, BO_PERIOD_MONTH, jday (2025, 2, 10),
                                     jday (2025, 10, 31), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 9);
  g_assert_cmpint (g_array_index (months, BoBacklogPoint, 0).index, ==, 2);
  g_assert_cmpint (g_array_index (months, BoBacklogPoint, 0).units, ==, 2);
  g_assert_cmpint (g_array_index (months, BoBacklogPoint, 8).units, ==, 7);
  g_assert_cmpint (g_array_index (months, BoBacklogPoint, 8).value, ==, 9000);

  shop_close (&t.shop);
}

static BoSupplierCounts
find_counts (GArray *counts,
             gint64  supplier_id)
{
  BoSupplierCounts none = { 0 };

  for (guint i = 0; i < counts->len; i++)
    if (g_array_index (counts, BoSupplierCounts, i).supplier_id == supplier_id)
      return g_array_index (counts, BoSupplierCounts, i);
  g_test_fail_printf ("no counts for supplier %" G_GINT64_FORMAT, supplier_id);
  return none;
}

static void
test_store_on_time (void)
{
  TinyShop t = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = NULL;
  BoSupplierCounts c;
  gint64 on_time = -1, shipped = -1;
  gboolean ok;

  build_tiny_shop (&t);

  counts = bo_store_supplier_counts (t.shop.store, &error);
  g_assert_no_error (error);
  /* Every supplier, by name whatever its case; Cargo never delivered. */
  g_assert_cmpuint (counts->len, ==, 3);
  g_assert_cmpstr (g_array_index (counts, BoSupplierCounts, 0).name, ==, "Acme");
  g_assert_cmpstr (g_array_index (counts, BoSupplierCounts, 1).name, ==, "bolt");
  g_assert_cmpstr (g_array_index (counts, BoSupplierCounts, 2).name, ==, "Cargo");

  /* Acme: PO1 two days early; PO3 only partly received, so it is left out. */
  c = find_counts (counts, t.acme);
  g_assert_cmpint (c.supplier_id, ==, t.acme);
  g_assert_cmpint (c.received_lines, ==, 1);
  g_assert_cmpint (c.on_time_lines, ==, 1);
  g_assert_cmpint (c.days_late, ==, 0);
  g_assert_cmpint (c.late_lines, ==, 0);
  g_assert_cmpfloat (bo_metrics_supplier_on_time (&c), ==, 100.0);
  g_assert_cmpfloat (bo_metrics_supplier_avg_days_late (&c), ==, 0.0);

  c = find_counts (counts, t.bolt);
  g_assert_cmpint (c.received_lines, ==, 1);
  g_assert_cmpint (c.on_time_lines, ==, 0);
  g_assert_cmpint (c.days_late, ==, 5);
  g_assert_cmpint (c.late_lines, ==, 1);
  g_assert_cmpfloat (bo_metrics_supplier_on_time (&c), ==, 0.0);
  g_assert_cmpfloat (bo_metrics_supplier_avg_days_late (&c), ==, 5.0);

  c = find_counts (counts, t.cargo);
  g_assert_cmpint (c.received_lines, ==, 0);
  g_assert_cmpint (c.days_late, ==, 0);

  /* Backordered lines shipped: O2 TEE (on time), O2 MUG (late), O5 CAP (on
   * time). O4 was cancelled, not shipped. */
  ok = bo_store_customer_on_time (t.shop.store, &on_time, &shipped, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (shipped, ==, 3);
  g_assert_cmpint (on_time, ==, 2);

  shop_close (&t.shop);
}

/* ---- (c) the sample shop, recomputed with plain loops ------------------------------- */

typedef struct
{
  guint32 today;
  guint32 first_day;
  GHashTable *days;       /* day → BoDayCounts * */
  gint64 lines, full_lines;
  gint64 backlog_lines, backlog_units, backlog_value;
  gint64 age_lines[BO_AGE_N_BUCKETS], age_units[BO_AGE_N_BUCKETS];
  gint64 shipped_lines, on_time_lines, undecided_lines;
} Recount;

static BoDayCounts *
recount_day (Recount *r,
             guint32  day)
{
  BoDayCounts *c = g_hash_table_lookup (r->days, GUINT_TO_POINTER (day));

  if (c == NULL)
    {
      c = g_new0 (BoDayCounts, 1);
      c->day = day;
      g_hash_table_insert (r->days, GUINT_TO_POINTER (day), c);
    }
  return c;
}

/* The last day a line left in a shipment, 0 when it never did. */
static guint32
last_shipped_day (GPtrArray *shipments,
                  gint64     line_id)
{
  guint32 last = 0;

  for (guint i = 0; i < shipments->len; i++)
    {
      const BoShipment *s = g_ptr_array_index (shipments, i);

      if (s->shipped_at == 0)
        continue;
      for (guint j = 0; j < s->lines->len; j++)
        if (g_array_index (s->lines, BoShipmentLine, j).line_id == line_id)
          last = MAX (last, local_day_of (s->shipped_at));
    }
  return last;
}

static void
recount_orders (BoStore *store,
                Recount *r)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orders = bo_store_list_orders (store, BO_ORDER_FILTER_ALL, NULL, NULL, 0, 0,
                                                      &error);

  g_assert_no_error (error);
  g_assert_cmpuint (orders->len, >, 100);
  for (guint i = 0; i < orders->len; i++)
    {
      const BoOrderSummary *s = g_ptr_array_index (orders, i);
      g_autoptr(BoOrder) order = bo_store_get_order (store, s->order_id, &error);
      g_autoptr(GPtrArray) shipments = NULL;
      guint32 day = local_day_of (s->placed_at);
      BoDayCounts *c = recount_day (r, day);
      gboolean backordered = FALSE;

      g_assert_no_error (error);
      c->orders++;
      for (guint j = 0; j < order->lines->len; j++)
        {
          const BoOrderLine *l = g_ptr_array_index (order->lines, j);

          c->lines++;
          c->units += l->ordered;
          r->lines++;
          if (l->backordered_at_placement > 0)
            {
              backordered = TRUE;
              c->bo_lines++;
              c->bo_units += l->backordered_at_placement;
            }
          else
            r->full_lines++;

          if (l->backordered > 0)
            {
              BoAgeBucket b = bo_metrics_age_bucket ((gint64) r->today - day);

              r->backlog_lines++;
              r->backlog_units += l->backordered;
              r->backlog_value += l->backordered * l->unit_price;
              r->age_lines[b]++;
              r->age_units[b] += l->backordered;
            }

          /* Customer on time: backordered lines that are done and shipped.
           * When units were also cancelled, the day the line was done may be
           * the cancellation's, which the public records do not give. */
          if (l->backordered_at_placement > 0 && l->shipped > 0 &&
              l->shipped + l->cancelled == l->ordered)
            {
              guint32 last;

              if (shipments == NULL)
                {
                  shipments = bo_store_list_shipments (store, order->id, &error);
                  g_assert_no_error (error);
                }
              last = last_shipped_day (shipments, l->id);
              g_assert_cmpuint (last, >, 0);
              r->shipped_lines++;
              if (l->first_promised == 0 || last > l->first_promised)
                continue;
              if (l->cancelled == 0)
                r->on_time_lines++;
              else
                r->undecided_lines++;
            }
        }
      if (backordered)
        c->bo_orders++;
    }
}

static gint
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 x = ((const BoDayCounts *) a)->day, y = ((const BoDayCounts *) b)->day;

  return x < y ? -1 : x > y;
}

static void
compare_series (GArray    *mine_days,
                GArray    *store_days,
                BoPeriod   period,
                guint32    from,
                guint32    to)
{
  g_autoptr(GArray) theirs = bo_metrics_rate_series ((const BoDayCounts *) store_days->data,
                                                     store_days->len, period, from, to);
  g_autoptr(GHashTable) mine = g_hash_table_new_full (g_int_hash, g_int_equal, g_free, g_free);
  guint expected_points = 0;
  gint last_key = G_MININT;

  /* Bucket my own way: calendar fields of each day. */
  for (guint i = 0; i < mine_days->len; i++)
    {
      const BoDayCounts *d = &g_array_index (mine_days, BoDayCounts, i);
      GDate date;
      gint key;
      BoDayCounts *sum;

      if (d->day < from || d->day > to)
        continue;
      g_date_clear (&date, 1);
      g_date_set_julian (&date, d->day);
      key = g_date_get_year (&date) * 100 +
            (period == BO_PERIOD_MONTH     ? (gint) g_date_get_month (&date)
             : period == BO_PERIOD_QUARTER ? ((gint) g_date_get_month (&date) + 2) / 3
                                           : 0);
      sum = g_hash_table_lookup (mine, &key);
      if (sum == NULL)
        {
          sum = g_new0 (BoDayCounts, 1);
          g_hash_table_insert (mine, g_memdup2 (&key, sizeof key), sum);
        }
      sum->orders += d->orders;
      sum->bo_orders += d->bo_orders;
      sum->lines += d->lines;
      sum->bo_lines += d->bo_lines;
      sum->units += d->units;
      sum->bo_units += d->bo_units;
    }

  for (guint32 day = from; day <= to; day++)
    {
      GDate date;
      gint key;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);
      key = g_date_get_year (&date) * 100 +
            (period == BO_PERIOD_MONTH     ? (gint) g_date_get_month (&date)
             : period == BO_PERIOD_QUARTER ? ((gint) g_date_get_month (&date) + 2) / 3
                                           : 0);
      if (key != last_key)
        expected_points++;
      last_key = key;
    }
  g_assert_cmpuint (theirs->len, ==, expected_points);

  for (guint i = 0; i < theirs->len; i++)
    {
      const BoRatePoint *p = &g_array_index (theirs, BoRatePoint, i);
      gint key = p->year * 100 + p->index;
      BoDayCounts zero = { 0 };
      const BoDayCounts *sum = g_hash_table_lookup (mine, &key);

      if (sum == NULL)
        sum = &zero;
      assert_counts (&p->counts, sum->orders, sum->bo_orders, sum->lines, sum->bo_lines,
                     sum->units, sum->bo_units);
      assert_rates (p, sum->orders > 0 ? 100.0 * sum->bo_orders / sum->orders : 0,
                    sum->lines > 0 ? 100.0 * sum->bo_lines / sum->lines : 0,
                    sum->units > 0 ? 100.0 * sum->bo_units / sum->units : 0);
      g_hash_table_remove (mine, &key);
    }
  /* Every day with orders fell in some period. */
  g_assert_cmpuint (g_hash_table_size (mine), ==, 0);
}

static void
compare_suppliers (BoStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = bo_store_supplier_counts (store, &error);
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GPtrArray) pos = NULL;
  g_autoptr(GHashTable) mine = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  gint64 all_received = 0;

  g_assert_no_error (error);
  suppliers = bo_store_list_suppliers (store, &error);
  g_assert_no_error (error);
  pos = bo_store_list_pos (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pos->len, >, 0);

  g_assert_cmpuint (counts->len, ==, suppliers->len);
  for (guint i = 0; i < suppliers->len; i++)
    {
      const BoSupplier *s = g_ptr_array_index (suppliers, i);
      BoSupplierCounts *c = g_new0 (BoSupplierCounts, 1);

      c->supplier_id = s->id;
      g_hash_table_insert (mine, &c->supplier_id, c);
      g_assert_cmpint (g_array_index (counts, BoSupplierCounts, i).supplier_id, ==, s->id);
      g_assert_cmpstr (g_array_index (counts, BoSupplierCounts, i).name, ==, s->name);
    }

  for (guint i = 0; i < pos->len; i++)
    {
      const BoPurchaseOrder *po = g_ptr_array_index (pos, i);
      BoSupplierCounts *c = g_hash_table_lookup (mine, &po->supplier_id);

      g_assert_nonnull (c);
      for (guint j = 0; j < po->lines->len; j++)
        {
          const BoPoLine *l = g_ptr_array_index (po->lines, j);

          if (l->fully_received == 0 || l->eta == 0)
            continue;
          g_assert_cmpint (l->received, ==, l->ordered);
          c->received_lines++;
          if (l->fully_received <= l->eta)
            c->on_time_lines++;
          else
            {
              c->late_lines++;
              c->days_late += l->fully_received - l->eta;
            }
        }
    }

  for (guint i = 0; i < counts->len; i++)
    {
      const BoSupplierCounts *theirs = &g_array_index (counts, BoSupplierCounts, i);
      const BoSupplierCounts *c = g_hash_table_lookup (mine, &theirs->supplier_id);

      g_test_message ("supplier %s: %" G_GINT64_FORMAT " lines received, %.1f %% on time, "
                      "%.2f days late on average", theirs->name, theirs->received_lines,
                      bo_metrics_supplier_on_time (theirs),
                      bo_metrics_supplier_avg_days_late (theirs));
      g_assert_cmpint (theirs->received_lines, ==, c->received_lines);
      g_assert_cmpint (theirs->on_time_lines, ==, c->on_time_lines);
      g_assert_cmpint (theirs->late_lines, ==, c->late_lines);
      g_assert_cmpint (theirs->days_late, ==, c->days_late);
      all_received += c->received_lines;
    }
  g_assert_cmpint (all_received, >, 0);
}

static void
test_demo_recomputed (void)
{
  Shop shop = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) store_days = NULL;
  g_autoptr(GArray) mine_days = g_array_new (FALSE, FALSE, sizeof (BoDayCounts));
  Recount r = { 0 };
  gint64 full = 0, lines = 0, units = 0, value = 0, on_time = 0, shipped = 0;
  gint64 age_lines[BO_AGE_N_BUCKETS], age_units[BO_AGE_N_BUCKETS];
  GHashTableIter iter;
  gpointer value_ptr;
  gboolean ok;

  shop_open (&shop);
  ok = bo_store_generate_demo (shop.store, BO_DEMO_SMALL, 7, jday (2025, 6, 30), &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  assert_consistent (shop.store);
  /* The evening of the sample shop's last day, after its last order. */
  {
    g_autoptr(GDateTime) evening = g_date_time_new_local (2025, 6, 30, 20, 0, 0);
    bo_store_set_now (shop.store, g_date_time_to_unix (evening));
  }

  r.today = bo_store_get_today (shop.store);
  g_assert_cmpuint (r.today, ==, jday (2025, 6, 30));
  r.days = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  recount_orders (shop.store, &r);

  g_hash_table_iter_init (&iter, r.days);
  while (g_hash_table_iter_next (&iter, NULL, &value_ptr))
    g_array_append_val (mine_days, *(BoDayCounts *) value_ptr);
  g_array_sort (mine_days, compare_days);
  r.first_day = g_array_index (mine_days, BoDayCounts, 0).day;
  g_test_message ("sample shop: %u days with orders from %u to %u", mine_days->len, r.first_day,
                  r.today);

  /* Day by day, exactly. */
  store_days = bo_store_day_counts (shop.store, r.first_day, r.today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (store_days->len, ==, mine_days->len);
  for (guint i = 0; i < store_days->len; i++)
    {
      const BoDayCounts *theirs = &g_array_index (store_days, BoDayCounts, i);
      const BoDayCounts *c = &g_array_index (mine_days, BoDayCounts, i);

      g_assert_cmpuint (theirs->day, ==, c->day);
      assert_counts (theirs, c->orders, c->bo_orders, c->lines, c->bo_lines, c->units,
                     c->bo_units);
    }

  for (BoPeriod period = BO_PERIOD_MONTH; period <= BO_PERIOD_YEAR; period++)
    {
      g_autoptr(GArray) history = NULL;
      const BoBacklogPoint *last;

      compare_series (mine_days, store_days, period, r.first_day, r.today);
      /* A range that starts and ends inside periods. */
      compare_series (mine_days, store_days, period, r.first_day + 40, r.today - 17);

      history = bo_store_backlog_history (shop.store, period, r.first_day, r.today, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (history->len, >, 0);
      for (guint i = 0; i < history->len; i++)
        {
          g_assert_cmpint (g_array_index (history, BoBacklogPoint, i).units, >=, 0);
          g_assert_cmpint (g_array_index (history, BoBacklogPoint, i).value, >=, 0);
        }
      last = &g_array_index (history, BoBacklogPoint, history->len - 1);
      g_assert_cmpint (last->units, ==, r.backlog_units);
      g_assert_cmpint (last->value, ==, r.backlog_value);
    }

  ok = bo_store_fill_rate (shop.store, r.first_day, r.today, &full, &lines, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (lines, ==, r.lines);
  g_assert_cmpint (full, ==, r.full_lines);
  g_assert_cmpint (full, <, lines);

  ok = bo_store_backlog (shop.store, &lines, &units, &value, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (lines, ==, r.backlog_lines);
  g_assert_cmpint (units, ==, r.backlog_units);
  g_assert_cmpint (value, ==, r.backlog_value);
  g_assert_cmpint (units, >, 0);

  ok = bo_store_aging (shop.store, age_lines, age_units, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  for (guint b = 0; b < BO_AGE_N_BUCKETS; b++)
    {
      g_assert_cmpint (age_lines[b], ==, r.age_lines[b]);
      g_assert_cmpint (age_units[b], ==, r.age_units[b]);
    }

  compare_suppliers (shop.store);

  ok = bo_store_customer_on_time (shop.store, &on_time, &shipped, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_test_message ("customer on time: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT
                  " (%" G_GINT64_FORMAT " partly cancelled lines undecided)",
                  on_time, shipped, r.undecided_lines);
  g_assert_cmpint (shipped, ==, r.shipped_lines);
  g_assert_cmpint (shipped, >, 0);
  g_assert_cmpint (on_time, >=, r.on_time_lines);
  g_assert_cmpint (on_time, <=, r.on_time_lines + r.undecided_lines);

  g_hash_table_unref (r.days);
  shop_close (&shop);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/metrics/period-strings", test_period_strings);
  g_test_add_func ("/metrics/rate-series/month", test_rate_series_month);
  g_test_add_func ("/metrics/rate-series/quarter", test_rate_series_quarter);
  g_test_add_func ("/metrics/rate-series/year", test_rate_series_year);
  g_test_add_func ("/metrics/percent", test_percent);
  g_test_add_func ("/metrics/age-buckets", test_age_buckets);
  g_test_add_func ("/metrics/supplier-formulas", test_supplier_formulas);
  g_test_add_func ("/metrics/store/rates", test_store_rates);
  g_test_add_func ("/metrics/store/fill-backlog-aging", test_store_fill_backlog_aging);
  g_test_add_func ("/metrics/store/backlog-history", test_store_backlog_history);
  g_test_add_func ("/metrics/store/on-time", test_store_on_time);
  g_test_add_func ("/metrics/demo/recomputed", test_demo_recomputed);

  return g_test_run ();
}
