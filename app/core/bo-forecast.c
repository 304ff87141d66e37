/* bo-forecast.c — reorder points and quantities from a daily demand series
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No I/O: the store reads the history, this module does the arithmetic.
 *
 * Demand over the lead time is taken as normal with mean μ·L and standard
 * deviation σ·√L (μ, σ: the window's daily mean and standard deviation; L:
 * the lead time in days). Ordering when the projected stock falls to
 *
 *     reorder point = μ·L + z·σ·√L
 *
 * runs out during a lead time with probability 1 − service level, z being
 * the standard normal quantile of the service level.
 */
#define G_LOG_DOMAIN "bo-forecast"

#include "config.h"

#include <inttypes.h>

#include <math.h>

#include <glib/gi18n-lib.h>

#include "backorders/bo-error.h"
#include "backorders/bo-forecast.h"

/* Rounding up what is a whole number but for the last bits of a double. */
#define EPSILON 1e-9

/**
 * bo_demand_stats_compute:
 * @daily: (array length=n_days): units per day
 * @stats: (out): mean and sample standard deviation
 */
void
bo_demand_stats_compute (const gint64  *daily,
                         gsize          n_days,
                         BoDemandStats *stats)
{
  double sum_sq = 0;

  g_return_if_fail (stats != NULL);
  g_return_if_fail (daily != NULL || n_days == 0);

  stats->n_days = n_days;
  stats->total = 0;
  stats->mean = 0;
  stats->sd = 0;
  if (n_days == 0)
    return;
  for (gsize i = 0; i < n_days; i++)
    stats->total += daily[i];
  stats->mean = (double) stats->total / n_days;
  if (n_days < 2)
    return;
  /* Two passes: the naive sum of squares loses precision on large counts. */
  for (gsize i = 0; i < n_days; i++)
    sum_sq += (daily[i] - stats->mean) * (daily[i] - stats->mean);
  stats->sd = sqrt (sum_sq / (n_days - 1));
}

/**
 * bo_forecast_inverse_normal:
 * @p: a probability, 0 < @p < 1
 *
 * The quantile function of the standard normal distribution: Acklam's
 * rational approximation (relative error below 1.15 × 10⁻⁹), refined by one
 * step of Halley's method with erfc(), which brings it to full double
 * precision.
 *
 * Returns: z such that P(Z ≤ z) = @p; NAN outside (0, 1)
 */
double
bo_forecast_inverse_normal (double p)
{
  static const double a[] = { -3.969683028665376e+01, 2.209460984245205e+02,
                              -2.759285104469687e+02, 1.383577518672690e+02,
                              -3.066479806614716e+01, 2.506628277459239e+00 };
  static const double b[] = { -5.447609879822406e+01, 1.615858368580409e+02,
                              -1.556989798598866e+02, 6.680131188771972e+01,
                              -1.328068155288572e+01 };
  static const double c[] = { -7.784894002430293e-03, -3.223964580411365e-01,
                              -2.400758277161838e+00, -2.549732539343734e+00,
                              4.374664141464968e+00, 2.938163982698783e+00 };
  static const double d[] = { 7.784695709041462e-03, 3.224671290700398e-01,
                              2.445134137142996e+00, 3.754408661907416e+00 };
  const double p_low = 0.02425;
  double q, r, x, e, u;

  if (!(p > 0 && p < 1))
    return NAN;

  if (p < p_low || p > 1 - p_low)
    {
      /* The tails. */
      q = sqrt (-2 * log (p < p_low ? p : 1 - p));
      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
          ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
      if (p > 1 - p_low)
        x = -x;
    }
  else
    {
      q = p - 0.5;
      r = q * q;
      x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
          (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

  e = 0.5 * erfc (-x / G_SQRT2) - p;
  u = e * sqrt (2 * G_PI) * exp (x * x / 2);
  return x - u / (1 + x * u / 2);
}

/**
 * bo_forecast_check_service_level:
 * @service_level: a fraction, 0.95 for 95 %
 *
 * Returns: %TRUE when suggestions can be made for @service_level; else
 *   %FALSE with %BO_ERROR_INVALID
 */
gboolean
bo_forecast_check_service_level (double   service_level,
                                 GError **error)
{
  if (service_level >= BO_FORECAST_MIN_SERVICE_LEVEL - EPSILON &&
      service_level <= BO_FORECAST_MAX_SERVICE_LEVEL + EPSILON)
    return TRUE;
  g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
               _("The service level must be between %g %% and %g %%, not %g %%"),
               BO_FORECAST_MIN_SERVICE_LEVEL * 100, BO_FORECAST_MAX_SERVICE_LEVEL * 100,
               service_level * 100);
  return FALSE;
}

static gint64
round_up (double value)
{
  if (value <= EPSILON)
    return 0;
  return (gint64) ceil (value - EPSILON);
}

static void
append_seasonal (GString          *why,
                 const BoForecast *f,
                 double            last_year_rate)
{
  g_autofree char *rate = g_strdup_printf ("%.1f", last_year_rate);

  if (why->len > 0)
    g_string_append (why, " ");
  if (f->stats.mean > 0)
    {
      g_autofree char *ratio = g_strdup_printf ("%.1f", f->seasonal_ratio);

      /* Translators: units per day, then how many times the recent rate */
      g_string_append_printf (why, _("Seasonal: this month last year sold %s a day, %s× the "
                                     "recent rate."), rate, ratio);
    }
  else
    /* Translators: units per day */
    g_string_append_printf (why, _("Seasonal: this month last year sold %s a day."), rate);
}

/**
 * bo_forecast_compute:
 * @input: the history and the supplier's terms
 *
 * Suggests a reorder point and quantities from the window's demand (see the
 * fields of #BoForecast), and flags a seasonal peak.
 *
 * Returns: (transfer full): the suggestion and why
 */
BoForecast *
bo_forecast_compute (const BoForecastInput *input)
{
  g_autoptr(BoForecast) f = g_new0 (BoForecast, 1);
  g_autoptr(GString) why = g_string_new (NULL);
  double last_year_rate = 0, lead, target;
  gint64 moq;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (input->daily != NULL || input->n_days == 0, NULL);

  bo_demand_stats_compute (input->daily, input->n_days, &f->stats);
  f->z = bo_forecast_inverse_normal (CLAMP (input->service_level, BO_FORECAST_MIN_SERVICE_LEVEL,
                                            BO_FORECAST_MAX_SERVICE_LEVEL));
  moq = MAX (input->min_order_qty, 1);

  if (input->last_year_days > 0)
    {
      last_year_rate = (double) input->last_year_units / input->last_year_days;
      if (f->stats.mean > 0)
        f->seasonal_ratio = last_year_rate / f->stats.mean;
      f->seasonal = input->last_year_units >= BO_FORECAST_SEASONAL_MIN_UNITS &&
                    (f->stats.mean <= 0 ||
                     last_year_rate >= BO_FORECAST_SEASONAL_FACTOR * f->stats.mean - EPSILON);
    }

  if (f->stats.total <= 0)
    {
      g_string_append_printf (why, g_dngettext (GETTEXT_PACKAGE,
                                                "No orders in the last %u day: nothing to base "
                                                "a suggestion on.",
                                                "No orders in the last %u days: nothing to base "
                                                "a suggestion on.", input->n_days),
                              (guint) input->n_days);
      if (f->seasonal)
        append_seasonal (why, f, last_year_rate);
      f->why = g_string_free (g_steal_pointer (&why), FALSE);
      return g_steal_pointer (&f);
    }
  if (input->lead_days < 0)
    {
      g_string_append (why, _("No supplier is linked, so the lead time is unknown."));
      if (f->seasonal)
        append_seasonal (why, f, last_year_rate);
      f->why = g_string_free (g_steal_pointer (&why), FALSE);
      return g_steal_pointer (&f);
    }

  lead = input->lead_days;
  f->has_suggestion = TRUE;
  f->safety_stock = f->z * f->stats.sd * sqrt (lead);
  f->reorder_point = round_up (f->stats.mean * lead + f->safety_stock);
  f->reorder_qty = MAX (round_up (f->stats.mean * input->cover_days), moq);
  target = f->stats.mean * (lead + input->cover_days) + f->safety_stock;
  if (target - input->position > EPSILON)
    f->order_qty = MAX (round_up (target - input->position), moq);

  {
    g_autofree char *mean = g_strdup_printf ("%.1f", f->stats.mean);
    g_autofree char *sd = g_strdup_printf ("%.1f", f->stats.sd);
    g_autofree char *level = g_strdup_printf ("%g", input->service_level * 100);
    g_autofree char *lead_time = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%d day’s lead time",
                                                               "%d days’ lead time",
                                                               input->lead_days),
                                                  input->lead_days);
    gint64 expected = round_up (f->stats.mean * lead);

    /* Translators: "Sells 2.0 a day (± 0.5) over 90 days; 7 days' lead time: 14
     * expected + 3 safety stock for a 95 % service level." */
    g_string_append_printf (why, _("Sells %s a day (± %s) over %u days; %s: %" PRId64
                                   " expected + %" PRId64 " safety stock for a %s %% "
                                   "service level."),
                            mean, sd, (guint) input->n_days, lead_time, expected,
                            f->reorder_point - expected, level);
  }
  if (f->seasonal)
    append_seasonal (why, f, last_year_rate);
  f->why = g_string_free (g_steal_pointer (&why), FALSE);
  return g_steal_pointer (&f);
}

void
bo_forecast_free (BoForecast *forecast)
{
  if (forecast == NULL)
    return;
  g_free (forecast->why);
  g_free (forecast);
}
