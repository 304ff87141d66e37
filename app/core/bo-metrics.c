/* bo-metrics.c — the numbers of DESIGN.md section 3, as pure formulas
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-metrics"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "backorders/bo-metrics.h"
#include "backorders/bo-period.h"

static const char *const period_names[] = { "month", "quarter", "year" };

const char *
bo_period_to_string (BoPeriod period)
{
  g_return_val_if_fail (period <= BO_PERIOD_YEAR, NULL);
  return period_names[period];
}

gboolean
bo_period_from_string (const char *text,
                       BoPeriod   *period)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (period_names); i++)
    if (g_str_equal (text, period_names[i]))
      {
        *period = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * bo_period_label:
 *
 * Returns: (transfer full): "2026-11", "2026 Q4" or "2026"
 */
char *
bo_period_label (BoPeriod period,
                 gint     year,
                 gint     index)
{
  switch (period)
    {
    case BO_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", year, index);
    case BO_PERIOD_QUARTER:
      /* TRANSLATORS: a calendar quarter, e.g. "2026 Q4" */
      return g_strdup_printf (_("%04d Q%d"), year, index);
    case BO_PERIOD_YEAR:
    default:
      return g_strdup_printf ("%04d", year);
    }
}

/**
 * bo_period_of_day:
 * @day: a Julian day
 * @year: (out): its calendar year
 * @index: (out): its month (1–12), quarter (1–4), or 0 for a year
 */
void
bo_period_of_day (BoPeriod  period,
                  guint32   day,
                  gint     *year,
                  gint     *index)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  *year = g_date_get_year (&date);
  switch (period)
    {
    case BO_PERIOD_MONTH:
      *index = g_date_get_month (&date);
      break;
    case BO_PERIOD_QUARTER:
      *index = (g_date_get_month (&date) - 1) / 3 + 1;
      break;
    case BO_PERIOD_YEAR:
    default:
      *index = 0;
      break;
    }
}

/* Periods numbered consecutively, so that a day finds its slot in O(1). */
static gint
period_key (BoPeriod period,
            gint     year,
            gint     index)
{
  switch (period)
    {
    case BO_PERIOD_MONTH:
      return year * 12 + index - 1;
    case BO_PERIOD_QUARTER:
      return year * 4 + index - 1;
    case BO_PERIOD_YEAR:
    default:
      return year;
    }
}


double
bo_metrics_percent (gint64 part,
                    gint64 whole)
{
  return whole > 0 ? (double) part * 100.0 / (double) whole : 0.0;
}

/**
 * bo_metrics_rate_series:
 * @days: (array length=n_days): placement counts per day, in any order
 * @from_day: first day of the range (Julian)
 * @to_day: last day of the range (Julian), inclusive
 *
 * Backorder rates per calendar period: every period that touches the range
 * has a point, empty ones with zero counts and rates. Days outside the range
 * are ignored.
 *
 * Returns: (transfer full) (element-type BoRatePoint): the series, oldest first
 */
GArray *
bo_metrics_rate_series (const BoDayCounts *days,
                        gsize              n_days,
                        BoPeriod           period,
                        guint32            from_day,
                        guint32            to_day)
{
  GArray *series = g_array_new (FALSE, TRUE, sizeof (BoRatePoint));
  gint year, index, first_key, last_key;

  g_return_val_if_fail (from_day > 0 && from_day <= to_day, series);

  bo_period_of_day (period, from_day, &year, &index);
  first_key = period_key (period, year, index);
  bo_period_of_day (period, to_day, &year, &index);
  last_key = period_key (period, year, index);

  g_array_set_size (series, last_key - first_key + 1);
  for (gint key = first_key; key <= last_key; key++)
    {
      BoRatePoint *p = &g_array_index (series, BoRatePoint, key - first_key);

      p->period = period;
      switch (period)
        {
        case BO_PERIOD_MONTH:
          p->year = key / 12;
          p->index = key % 12 + 1;
          break;
        case BO_PERIOD_QUARTER:
          p->year = key / 4;
          p->index = key % 4 + 1;
          break;
        case BO_PERIOD_YEAR:
        default:
          p->year = key;
          p->index = 0;
          break;
        }
      p->first_day = bo_period_start (period, p->year, p->index);
      p->counts.day = p->first_day;
    }

  for (gsize i = 0; i < n_days; i++)
    {
      const BoDayCounts *d = &days[i];
      BoRatePoint *p;

      if (d->day < from_day || d->day > to_day)
        continue;
      bo_period_of_day (period, d->day, &year, &index);
      p = &g_array_index (series, BoRatePoint, period_key (period, year, index) - first_key);
      p->counts.orders += d->orders;
      p->counts.bo_orders += d->bo_orders;
      p->counts.lines += d->lines;
      p->counts.bo_lines += d->bo_lines;
      p->counts.units += d->units;
      p->counts.bo_units += d->bo_units;
    }

  for (guint i = 0; i < series->len; i++)
    {
      BoRatePoint *p = &g_array_index (series, BoRatePoint, i);

      p->order_rate = bo_metrics_percent (p->counts.bo_orders, p->counts.orders);
      p->line_rate = bo_metrics_percent (p->counts.bo_lines, p->counts.lines);
      p->unit_rate = bo_metrics_percent (p->counts.bo_units, p->counts.units);
    }
  return series;
}

BoAgeBucket
bo_metrics_age_bucket (gint64 age_days)
{
  if (age_days <= 7)
    return BO_AGE_0_7;
  if (age_days <= 14)
    return BO_AGE_8_14;
  if (age_days <= 30)
    return BO_AGE_15_30;
  return BO_AGE_31_PLUS;
}

const char *
bo_metrics_age_bucket_label (BoAgeBucket bucket)
{
  switch (bucket)
    {
    case BO_AGE_0_7:
      return _("0–7 days");
    case BO_AGE_8_14:
      return _("8–14 days");
    case BO_AGE_15_30:
      return _("15–30 days");
    case BO_AGE_31_PLUS:
      return _("31 days or more");
    case BO_AGE_N_BUCKETS:
    default:
      g_return_val_if_reached (NULL);
    }
}

double
bo_metrics_supplier_on_time (const BoSupplierCounts *counts)
{
  return bo_metrics_percent (counts->on_time_lines, counts->received_lines);
}

double
bo_metrics_supplier_avg_days_late (const BoSupplierCounts *counts)
{
  return counts->received_lines > 0 ? (double) counts->days_late / counts->received_lines : 0.0;
}

/**
 * bo_metrics_formula:
 *
 * Returns: the metric's exact definition, in words, for captions
 */
const char *
bo_metrics_formula (BoMetric metric)
{
  switch (metric)
    {
    case BO_METRIC_ORDER_RATE:
      return _("Backorder rate = orders placed in the period with a line that could not be "
               "allocated in full at placement ÷ orders placed in the period × 100 "
               "(cancelled orders count)");
    case BO_METRIC_LINE_RATE:
      return _("Line backorder rate = lines placed in the period that could not be allocated in "
               "full at placement ÷ lines placed in the period × 100");
    case BO_METRIC_UNIT_RATE:
      return _("Unit backorder rate = units backordered at placement in the period ÷ units "
               "ordered in the period × 100");
    case BO_METRIC_FILL_RATE:
      return _("First-time fill rate = lines fully allocated at placement ÷ lines placed × 100");
    case BO_METRIC_BACKLOG:
      return _("Backlog = open backordered units now (ordered − allocated − shipped − cancelled), "
               "and their value at the line price");
    case BO_METRIC_AGE:
      return _("Backorder age = today − order date, for lines with open backordered units");
    case BO_METRIC_SUPPLIER_ON_TIME:
      return _("Supplier on-time rate = purchase-order lines fully received on or before their "
               "ETA ÷ purchase-order lines fully received × 100 (lines without an ETA are left "
               "out)");
    case BO_METRIC_SUPPLIER_DAYS_LATE:
      return _("Average days late = sum of days each fully received line came after its ETA "
               "(0 when on time) ÷ lines fully received");
    case BO_METRIC_CUSTOMER_ON_TIME:
      return _("Customer on-time rate = backordered lines shipped on or before their first "
               "promised date ÷ backordered lines shipped × 100 (a line never given a date is "
               "not on time)");
    default:
      g_return_val_if_reached (NULL);
    }
}
