/* test-forecast.c — reorder suggestions on generated histories with known answers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-forecast"

#include <math.h>
#include <string.h>

#include <backorders/bo-error.h>
#include <backorders/bo-forecast.h>

#define WINDOW 90

/* Φ⁻¹ at a few points, to 16 digits (from the exact quantile function). */
static void
test_inverse_normal (void)
{
  static const struct { double p, z; } known[] = {
    { 0.5, 0.0 },
    { 0.95, 1.6448536269514715 },
    { 0.975, 1.959963984540054 },
    { 0.99, 2.3263478740408408 },
    { 0.001, -3.090232306167813 },    /* the lower tail */
    { 0.999, 3.090232306167813 },     /* the upper tail */
    { 0.02, -2.053748910631823 },     /* just inside the tail */
    { 1e-10, -6.361340902404056 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    g_assert_cmpfloat_with_epsilon (bo_forecast_inverse_normal (known[i].p), known[i].z,
                                    1e-12 * MAX (1.0, fabs (known[i].z)));
  /* Symmetric about one half. */
  for (double p = 0.01; p < 0.5; p += 0.01)
    g_assert_cmpfloat_with_epsilon (bo_forecast_inverse_normal (p),
                                    -bo_forecast_inverse_normal (1 - p), 1e-12);
  g_assert_true (isnan (bo_forecast_inverse_normal (0)));
  g_assert_true (isnan (bo_forecast_inverse_normal (1)));
  g_assert_true (isnan (bo_forecast_inverse_normal (-0.5)));
  g_assert_true (isnan (bo_forecast_inverse_normal (NAN)));
}

static void
test_service_level (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bo_forecast_check_service_level (0.95, &error));
  g_assert_no_error (error);
  g_assert_true (bo_forecast_check_service_level (0.5, &error));
  g_assert_true (bo_forecast_check_service_level (0.999, &error));
  g_assert_false (bo_forecast_check_service_level (1.0, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "100"));
  g_clear_error (&error);
  g_assert_false (bo_forecast_check_service_level (0.3, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
}

static void
test_stats (void)
{
  static const gint64 four[] = { 1, 2, 3, 4 };
  static const gint64 one[] = { 7 };
  BoDemandStats stats;

  bo_demand_stats_compute (four, G_N_ELEMENTS (four), &stats);
  g_assert_cmpuint (stats.n_days, ==, 4);
  g_assert_cmpint (stats.total, ==, 10);
  g_assert_cmpfloat_with_epsilon (stats.mean, 2.5, 1e-12);
  /* The sample standard deviation: √(5/3). */
  g_assert_cmpfloat_with_epsilon (stats.sd, sqrt (5.0 / 3.0), 1e-12);

  bo_demand_stats_compute (one, 1, &stats);
  g_assert_cmpfloat (stats.mean, ==, 7);
  g_assert_cmpfloat (stats.sd, ==, 0);

  bo_demand_stats_compute (NULL, 0, &stats);
  g_assert_cmpint (stats.total, ==, 0);
  g_assert_cmpfloat (stats.mean, ==, 0);
}

static BoForecastInput
input_for (const gint64 *daily,
           gint          lead_days)
{
  BoForecastInput input = { 0 };

  input.daily = daily;
  input.n_days = WINDOW;
  input.last_year_days = 31;
  input.service_level = 0.95;
  input.lead_days = lead_days;
  input.cover_days = 30;
  input.min_order_qty = 1;
  return input;
}

/* Two a day, every day: no variability, so no safety stock, and the reorder
 * point is exactly the demand over the lead time. */
static void
test_constant_demand (void)
{
  gint64 daily[WINDOW];
  BoForecastInput input;
  g_autoptr(BoForecast) f = NULL;
  g_autoptr(BoForecast) with_moq = NULL;
  g_autoptr(BoForecast) above = NULL;

  for (guint i = 0; i < WINDOW; i++)
    daily[i] = 2;
  input = input_for (daily, 7);
  input.position = 10;
  f = bo_forecast_compute (&input);

  g_assert_true (f->has_suggestion);
  g_assert_cmpfloat_with_epsilon (f->stats.mean, 2.0, 1e-12);
  g_assert_cmpfloat (f->stats.sd, ==, 0);
  g_assert_cmpfloat (f->safety_stock, ==, 0);
  g_assert_cmpint (f->reorder_point, ==, 14);
  g_assert_cmpint (f->reorder_qty, ==, 60);
  /* Up to 2 × (7 + 30) = 74 from a position of 10. */
  g_assert_cmpint (f->order_qty, ==, 64);
  g_assert_false (f->seasonal);
  g_assert_nonnull (strstr (f->why, "2.0 a day"));
  g_assert_nonnull (strstr (f->why, "7 days’ lead time"));
  g_assert_nonnull (strstr (f->why, "14 expected + 0 safety stock"));
  g_assert_nonnull (strstr (f->why, "95 % service level"));

  /* The supplier sells by the hundred: orders are at least that. */
  input.min_order_qty = 100;
  with_moq = bo_forecast_compute (&input);
  g_assert_cmpint (with_moq->reorder_point, ==, 14);
  g_assert_cmpint (with_moq->reorder_qty, ==, 100);
  g_assert_cmpint (with_moq->order_qty, ==, 100);

  /* Enough coming already: nothing to order now. */
  input.position = 74;
  above = bo_forecast_compute (&input);
  g_assert_cmpint (above->order_qty, ==, 0);
}

/* 1, 2, …, 90 a day: mean 45.5, sample standard deviation √(90·91/12). */
static void
test_trend (void)
{
  gint64 daily[WINDOW];
  BoForecastInput input;
  g_autoptr(BoForecast) f = NULL;
  g_autoptr(BoForecast) higher = NULL;

  for (guint i = 0; i < WINDOW; i++)
    daily[i] = i + 1;
  input = input_for (daily, 7);
  f = bo_forecast_compute (&input);

  g_assert_true (f->has_suggestion);
  g_assert_cmpfloat_with_epsilon (f->stats.mean, 45.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (f->stats.sd, sqrt (90.0 * 91.0 / 12.0), 1e-9);
  g_assert_cmpfloat_with_epsilon (f->z, 1.6448536269514715, 1e-12);
  /* 45.5 × 7 + 1.64485 × 26.1247 × √7 = 432.19 → 433 */
  g_assert_cmpfloat_with_epsilon (f->safety_stock, 113.6913974403553, 1e-6);
  g_assert_cmpint (f->reorder_point, ==, 433);
  g_assert_cmpint (f->reorder_qty, ==, 1365);
  /* Up to 45.5 × 37 + 113.69 = 1797.19 from nothing. */
  g_assert_cmpint (f->order_qty, ==, 1798);

  /* A higher service level keeps more safety stock. */
  input.service_level = 0.99;
  higher = bo_forecast_compute (&input);
  g_assert_cmpint (higher->reorder_point, ==, (gint64) ceil (45.5 * 7 + 2.3263478740408408 *
                                                              sqrt (90.0 * 91.0 / 12.0) * sqrt (7)));
  g_assert_cmpint (higher->reorder_point, >, f->reorder_point);
}

/* One a day lately; this month last year sold three a day. */
static void
test_seasonal_peak (void)
{
  gint64 daily[WINDOW];
  BoForecastInput input;
  g_autoptr(BoForecast) peak = NULL;
  g_autoptr(BoForecast) boundary = NULL;
  g_autoptr(BoForecast) ordinary = NULL;

  for (guint i = 0; i < WINDOW; i++)
    daily[i] = 1;
  input = input_for (daily, 10);
  input.last_year_units = 93;
  peak = bo_forecast_compute (&input);
  g_assert_true (peak->has_suggestion);
  g_assert_true (peak->seasonal);
  g_assert_cmpfloat_with_epsilon (peak->seasonal_ratio, 3.0, 1e-12);
  g_assert_cmpint (peak->reorder_point, ==, 10);
  g_assert_nonnull (strstr (peak->why, "Seasonal"));
  g_assert_nonnull (strstr (peak->why, "3.0 a day"));
  g_assert_nonnull (strstr (peak->why, "3.0×"));

  /* Exactly twice the recent rate is a peak… */
  input.last_year_units = 62;
  boundary = bo_forecast_compute (&input);
  g_assert_true (boundary->seasonal);

  /* …a little more than usual is not. */
  input.last_year_units = 40;
  ordinary = bo_forecast_compute (&input);
  g_assert_false (ordinary->seasonal);
  g_assert_null (strstr (ordinary->why, "Seasonal"));
}

/* No orders in the window: no suggestion, and the reason says so. A product
 * that sold only last year at this time is still flagged. */
static void
test_no_history (void)
{
  gint64 daily[WINDOW] = { 0 };
  BoForecastInput input = input_for (daily, 7);
  g_autoptr(BoForecast) f = NULL;
  g_autoptr(BoForecast) stray = NULL;
  g_autoptr(BoForecast) season = NULL;

  f = bo_forecast_compute (&input);
  g_assert_false (f->has_suggestion);
  g_assert_cmpint (f->reorder_point, ==, 0);
  g_assert_cmpint (f->order_qty, ==, 0);
  g_assert_false (f->seasonal);
  g_assert_cmpstr (f->why, ==, "No orders in the last 90 days: nothing to base a suggestion on.");

  /* Fewer units than make a season. */
  input.last_year_units = BO_FORECAST_SEASONAL_MIN_UNITS - 1;
  stray = bo_forecast_compute (&input);
  g_assert_false (stray->seasonal);

  input.last_year_units = 31;
  season = bo_forecast_compute (&input);
  g_assert_false (season->has_suggestion);
  g_assert_true (season->seasonal);
  g_assert_nonnull (strstr (season->why, "No orders in the last 90 days"));
  g_assert_nonnull (strstr (season->why, "Seasonal: this month last year sold 1.0 a day."));
}

static void
test_no_supplier (void)
{
  gint64 daily[WINDOW];
  BoForecastInput input;
  g_autoptr(BoForecast) f = NULL;

  for (guint i = 0; i < WINDOW; i++)
    daily[i] = 3;
  input = input_for (daily, -1);
  f = bo_forecast_compute (&input);
  g_assert_false (f->has_suggestion);
  g_assert_cmpfloat_with_epsilon (f->stats.mean, 3.0, 1e-12);
  g_assert_nonnull (strstr (f->why, "No supplier"));
}

/* Rounding up must not turn an exact answer into one more. */
static void
test_exact_rounding (void)
{
  gint64 daily[WINDOW];
  BoForecastInput input;
  g_autoptr(BoForecast) f = NULL;

  /* 0.1 a day is not exact in binary: 0.1 × 30 must still be 3. */
  for (guint i = 0; i < WINDOW; i++)
    daily[i] = i % 10 == 0;
  input = input_for (daily, 30);
  f = bo_forecast_compute (&input);
  g_assert_cmpfloat_with_epsilon (f->stats.mean, 0.1, 1e-12);
  g_assert_cmpint (f->reorder_qty, ==, 3);
  g_assert_cmpint (f->reorder_point, ==, (gint64) ceil (3 + f->safety_stock - 1e-9));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/forecast/inverse-normal", test_inverse_normal);
  g_test_add_func ("/forecast/service-level", test_service_level);
  g_test_add_func ("/forecast/stats", test_stats);
  g_test_add_func ("/forecast/constant-demand", test_constant_demand);
  g_test_add_func ("/forecast/trend", test_trend);
  g_test_add_func ("/forecast/seasonal-peak", test_seasonal_peak);
  g_test_add_func ("/forecast/no-history", test_no_history);
  g_test_add_func ("/forecast/no-supplier", test_no_supplier);
  g_test_add_func ("/forecast/exact-rounding", test_exact_rounding);

  return g_test_run ();
}
