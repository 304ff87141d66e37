/* bo-chart-series.c — the data of each chart: named series of points built from the metrics
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart is plain data: categories, values and the counts behind each
 * value in words. The store and bo-metrics compute; this file only names
 * and labels, so that the renderer, the tables and the tooltips all say
 * the same thing.
 */
#define G_LOG_DOMAIN "bo-chart"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>

#include "bo-chart-private.h"
#include "backorders/bo-money.h"
#include "backorders/bo-period.h"

/* How many periods a chart covers by default. */
#define DEFAULT_MONTHS   12
#define DEFAULT_QUARTERS 8
#define DEFAULT_YEARS    5

G_DEFINE_BOXED_TYPE (BoChart, bo_chart, bo_chart_ref, bo_chart_unref)

static const char *const kind_names[] = { "rate", "backlog", "aging", "suppliers", "top-products" };
static const char *const measure_names[] = { "orders", "lines", "units" };

/* ---- numbers in the locale's way ------------------------------------------ */

static void
locale_separators (const char **point,
                   const char **thousands)
{
  struct lconv *lc = localeconv ();

  *point = lc->decimal_point != NULL && *lc->decimal_point ? lc->decimal_point : ".";
  *thousands = lc->thousands_sep != NULL ? lc->thousands_sep : "";
}

static void
append_grouped (GString *out,
                guint64  value)
{
  const char *point, *thousands;
  char digits[32];
  gsize n;

  locale_separators (&point, &thousands);
  n = g_snprintf (digits, sizeof digits, "%" PRIu64, value);
  for (gsize i = 0; i < n; i++)
    {
      g_string_append_c (out, digits[i]);
      if (*thousands != '\0' && (n - i - 1) > 0 && (n - i - 1) % 3 == 0)
        g_string_append (out, thousands);
    }
}

char *
_bo_chart_format_quantity (gint64 quantity)
{
  GString *out = g_string_new (quantity < 0 ? "−" : "");

  append_grouped (out, quantity < 0 ? (guint64) -quantity : (guint64) quantity);
  return g_string_free (out, FALSE);
}

char *
_bo_chart_format_money (gint64      minor,
                        const char *currency)
{
  return bo_money_format (minor, currency, BO_MONEY_DISPLAY);
}

/* A non-negative number with @decimals decimals, grouped, with the
 * locale's decimal point. */
char *
_bo_chart_format_decimal (double value,
                          guint  decimals)
{
  const char *point, *thousands;
  double scale = pow (10, decimals);
  guint64 scaled = (guint64) llround (fabs (value) * scale);
  GString *out = g_string_new (value < 0 && scaled > 0 ? "−" : "");

  locale_separators (&point, &thousands);
  append_grouped (out, scaled / (guint64) scale);
  if (decimals > 0)
    g_string_append_printf (out, "%s%0*" PRIu64, point, (int) decimals,
                            scaled % (guint64) scale);
  return g_string_free (out, FALSE);
}

static char *
format_percent (double percent)
{
  g_autofree char *number = _bo_chart_format_decimal (percent, 1);

  /* TRANSLATORS: a percentage, e.g. "12.5 %" */
  return g_strdup_printf (_("%s %%"), number);
}

/* ---- the chart ------------------------------------------------------------- */

static void
point_clear (gpointer data)
{
  BoChartPoint *point = data;

  g_free (point->label);
  g_free (point->tick_label);
  g_free (point->detail);
}

static void
series_free (gpointer data)
{
  BoChartSeries *series = data;

  g_free (series->name);
  g_array_unref (series->points);
  g_free (series);
}

/**
 * bo_chart_new:
 * @title: the chart's title
 * @caption: (nullable): what its numbers mean
 *
 * Returns: (transfer full): an empty chart; add series with
 *   bo_chart_add_series()
 */
BoChart *
bo_chart_new (BoChartKind  kind,
              const char  *title,
              const char  *caption)
{
  BoChart *chart = g_new0 (BoChart, 1);

  chart->ref_count = 1;
  chart->kind = kind;
  chart->orientation = BO_CHART_VERTICAL;
  chart->title = g_strdup (title);
  chart->caption = g_strdup (caption != NULL ? caption : "");
  chart->category_title = g_strdup (_("Period"));
  chart->empty_text = g_strdup (_("No data for this period yet"));
  chart->currency = g_strdup ("");
  chart->series = g_ptr_array_new_with_free_func (series_free);
  return chart;
}

BoChart *
bo_chart_ref (BoChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  g_atomic_int_inc (&chart->ref_count);
  return chart;
}

void
bo_chart_unref (BoChart *chart)
{
  g_return_if_fail (chart != NULL);

  if (!g_atomic_int_dec_and_test (&chart->ref_count))
    return;
  g_free (chart->title);
  g_free (chart->caption);
  g_free (chart->category_title);
  g_free (chart->empty_text);
  g_free (chart->currency);
  g_ptr_array_unref (chart->series);
  g_free (chart);
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/**
 * bo_chart_add_series:
 * @axis: 0 or 1 (see #BoChartSeries)
 *
 * Returns: (transfer none): the new series, owned by @chart
 */
BoChartSeries *
bo_chart_add_series (BoChart     *chart,
                     const char  *name,
                     BoChartUnit  unit,
                     BoChartMark  mark,
                     guint        axis)
{
  BoChartSeries *series;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (chart->series->len < BO_CHART_MAX_SERIES, NULL);
  g_return_val_if_fail (axis <= 1, NULL);

  series = g_new0 (BoChartSeries, 1);
  series->name = g_strdup (name);
  series->unit = unit;
  series->mark = mark;
  series->axis = axis;
  series->points = g_array_new (FALSE, TRUE, sizeof (BoChartPoint));
  g_array_set_clear_func (series->points, point_clear);
  g_ptr_array_add (chart->series, series);
  return series;
}

static void
add_point (BoChartSeries *series,
           const char    *label,
           const char    *tick_label,
           double         value,
           gboolean       defined,
           const char    *detail)
{
  BoChartPoint point;

  point.label = g_strdup (label);
  point.tick_label = g_strdup (tick_label != NULL ? tick_label : label);
  point.value = defined && isfinite (value) ? MAX (value, 0.0) : 0.0;
  point.defined = defined;
  point.detail = g_strdup (detail);
  g_array_append_val (series->points, point);
}

/**
 * bo_chart_series_add_point:
 * @tick_label: (nullable): the axis label, %NULL for @label
 * @value: a value ≥ 0
 * @detail: (nullable): the counts behind @value, in words
 */
void
bo_chart_series_add_point (BoChartSeries *series,
                           const char    *label,
                           const char    *tick_label,
                           double         value,
                           const char    *detail)
{
  g_return_if_fail (series != NULL && label != NULL);

  add_point (series, label, tick_label, value, TRUE, detail);
}

/**
 * bo_chart_series_add_gap:
 *
 * Adds a category where the series has nothing to measure (no mark);
 * @detail says why.
 */
void
bo_chart_series_add_gap (BoChartSeries *series,
                         const char    *label,
                         const char    *tick_label,
                         const char    *detail)
{
  g_return_if_fail (series != NULL && label != NULL);

  add_point (series, label, tick_label, 0.0, FALSE, detail);
}

guint
bo_chart_get_n_series (const BoChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->series->len;
}

/**
 * bo_chart_get_n_categories:
 *
 * Returns: the number of points of the shortest series
 */
guint
bo_chart_get_n_categories (const BoChart *chart)
{
  guint n = G_MAXUINT;

  g_return_val_if_fail (chart != NULL, 0);

  for (guint s = 0; s < chart->series->len; s++)
    n = MIN (n, ((BoChartSeries *) g_ptr_array_index (chart->series, s))->points->len);
  return chart->series->len > 0 ? n : 0;
}

const BoChartSeries *
bo_chart_get_series (const BoChart *chart,
                     guint          series)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (series < chart->series->len, NULL);

  return g_ptr_array_index (chart->series, series);
}

const BoChartPoint *
bo_chart_get_point (const BoChart *chart,
                    guint          series,
                    guint          index)
{
  const BoChartSeries *s = bo_chart_get_series (chart, series);

  g_return_val_if_fail (s != NULL, NULL);
  g_return_val_if_fail (index < s->points->len, NULL);

  return &g_array_index (s->points, BoChartPoint, index);
}

/**
 * bo_chart_is_empty:
 *
 * Returns: %TRUE when no series has a single defined point: the chart
 *   shows its empty state
 */
gboolean
bo_chart_is_empty (const BoChart *chart)
{
  guint n = bo_chart_get_n_categories (chart);

  for (guint s = 0; s < chart->series->len; s++)
    for (guint i = 0; i < n; i++)
      if (bo_chart_get_point (chart, s, i)->defined)
        return FALSE;
  return TRUE;
}

/**
 * bo_chart_format_value:
 *
 * Returns: (transfer full): @value as a tooltip or a table says it in full:
 *   "12.5 %", "1,204 units", "1,234.50 EUR", "2.5 days"
 */
char *
bo_chart_format_value (const BoChart *chart,
                       guint          series,
                       double         value)
{
  const BoChartSeries *s = bo_chart_get_series (chart, series);

  g_return_val_if_fail (s != NULL, NULL);

  switch (s->unit)
    {
    case BO_CHART_UNIT_PERCENT:
      return format_percent (value);
    case BO_CHART_UNIT_MONEY:
      return _bo_chart_format_money (bo_money_from_major (value, chart->currency),
                                     chart->currency);
    case BO_CHART_UNIT_DAYS:
      {
        g_autofree char *number = _bo_chart_format_decimal (value, 1);

        /* TRANSLATORS: an average number of days, e.g. "2.5 days" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days",
                                             value == 1.0 ? 1 : 2),
                                number);
      }
    case BO_CHART_UNIT_COUNT:
    default:
      return _bo_chart_format_quantity (llround (value));
    }
}

/**
 * bo_chart_format_tick:
 * @step: the distance between ticks, which decides the decimals
 *
 * Returns: (transfer full): a short axis label: "20 %", "1,500", "2.5"
 */
char *
bo_chart_format_tick (const BoChart *chart,
                      BoChartUnit    unit,
                      double         value,
                      double         step)
{
  guint decimals = 0;

  /* As many decimals as the step needs: 2.5 → 1, 0.25 → 2. */
  while (decimals < 3
         && fabs (step * pow (10, decimals) - round (step * pow (10, decimals))) > 1e-6)
    decimals++;
  if (unit == BO_CHART_UNIT_PERCENT)
    {
      g_autofree char *number = _bo_chart_format_decimal (value, decimals);

      return g_strdup_printf (_("%s %%"), number);
    }
  return _bo_chart_format_decimal (value, decimals);
}

/**
 * bo_chart_describe_point:
 *
 * Returns: (transfer full): one point in words, for tooltips and screen
 *   readers: "2026 Q3: 12.5 % (25 of 200 orders)"
 */
char *
bo_chart_describe_point (const BoChart *chart,
                         guint          series,
                         guint          index)
{
  const BoChartPoint *point = bo_chart_get_point (chart, series, index);
  g_autofree char *value = NULL;
  g_autofree char *subject = NULL;

  g_return_val_if_fail (point != NULL, NULL);

  /* A bare count needs the series' name to say what it counts. */
  if (chart->series->len > 1 || bo_chart_get_series (chart, series)->unit == BO_CHART_UNIT_COUNT)
    /* TRANSLATORS: a category and a series, e.g. "Acme — On-time rate" */
    subject = g_strdup_printf (_("%s — %s"), point->label,
                               bo_chart_get_series (chart, series)->name);
  else
    subject = g_strdup (point->label);

  if (!point->defined)
    /* TRANSLATORS: a category with nothing to measure, e.g. "2026-02: no orders" */
    return g_strdup_printf (_("%s: %s"), subject, point->detail != NULL ? point->detail : "—");
  value = bo_chart_format_value (chart, series, point->value);
  if (point->detail == NULL || *point->detail == '\0')
    return g_strdup_printf (_("%s: %s"), subject, value);
  /* TRANSLATORS: category, value, and the counts behind it, e.g.
   * "2026 Q3: 12.5 % (25 of 200 orders)" */
  return g_strdup_printf (_("%s: %s (%s)"), subject, value, point->detail);
}

/* ---- names ----------------------------------------------------------------- */

const char *
bo_chart_kind_to_string (BoChartKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

gboolean
bo_chart_kind_from_string (const char  *text,
                           BoChartKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (text, kind_names[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
bo_chart_measure_to_string (BoChartMeasure measure)
{
  g_return_val_if_fail (measure < G_N_ELEMENTS (measure_names), NULL);

  return measure_names[measure];
}

gboolean
bo_chart_measure_from_string (const char     *text,
                              BoChartMeasure *measure)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (measure_names); i++)
    if (g_str_equal (text, measure_names[i]))
      {
        *measure = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * bo_chart_default_range:
 * @today: the last day to show
 * @from: (out): the first day of the first period shown: the last 12
 *   months, 8 quarters or 5 years, the current one included
 * @to: (out): @today
 */
void
bo_chart_default_range (guint32   today,
                        BoPeriod  period,
                        guint32  *from,
                        guint32  *to)
{
  guint n_periods = period == BO_PERIOD_MONTH     ? DEFAULT_MONTHS
                    : period == BO_PERIOD_QUARTER ? DEFAULT_QUARTERS
                                                  : DEFAULT_YEARS;

  *from = bo_period_range_back (period, today, n_periods);
  *to = today;
}

/* ---- periods ---------------------------------------------------------------- */

/* The axis label of a period: a month's short name or a quarter, with the
 * year under the first period and under each January or Q1. */
static char *
period_tick_label (BoPeriod period,
                   gint     year,
                   gint     index,
                   gboolean first)
{
  gboolean with_year = first || index == 1;

  switch (period)
    {
    case BO_PERIOD_MONTH:
      {
        GDate date;
        char name[64];

        g_date_clear (&date, 1);
        g_date_set_dmy (&date, 1, (GDateMonth) index, (GDateYear) year);
        if (g_date_strftime (name, sizeof name, "%b", &date) == 0)
          g_snprintf (name, sizeof name, "%02d", index);
        return with_year ? g_strdup_printf ("%s\n%04d", name, year) : g_strdup (name);
      }
    case BO_PERIOD_QUARTER:
      /* TRANSLATORS: a quarter on a chart's axis, e.g. "Q3"; the year may
       * follow on the next line */
      return with_year ? g_strdup_printf (_("Q%d\n%04d"), index, year)
                       : g_strdup_printf (_("Q%d"), index);
    case BO_PERIOD_YEAR:
    default:
      return g_strdup_printf ("%04d", year);
    }
}

/* ---- rate ------------------------------------------------------------------- */

static const char *
rate_title (BoChartMeasure measure)
{
  switch (measure)
    {
    case BO_CHART_MEASURE_LINES:
      return _("Line Backorder Rate");
    case BO_CHART_MEASURE_UNITS:
      return _("Unit Backorder Rate");
    case BO_CHART_MEASURE_ORDERS:
    default:
      return _("Backorder Rate");
    }
}

static BoMetric
rate_metric (BoChartMeasure measure)
{
  return measure == BO_CHART_MEASURE_LINES   ? BO_METRIC_LINE_RATE
         : measure == BO_CHART_MEASURE_UNITS ? BO_METRIC_UNIT_RATE
                                             : BO_METRIC_ORDER_RATE;
}

static char *
rate_detail (BoChartMeasure measure,
             gint64         part,
             gint64         whole)
{
  g_autofree char *part_text = _bo_chart_format_quantity (part);
  g_autofree char *whole_text = _bo_chart_format_quantity (whole);

  switch (measure)
    {
    case BO_CHART_MEASURE_LINES:
      /* TRANSLATORS: "25 of 200 lines" backordered at placement */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s line", "%s of %s lines",
                                           whole),
                              part_text, whole_text);
    case BO_CHART_MEASURE_UNITS:
      /* TRANSLATORS: "25 of 200 units" backordered at placement */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s unit", "%s of %s units",
                                           whole),
                              part_text, whole_text);
    case BO_CHART_MEASURE_ORDERS:
    default:
      /* TRANSLATORS: "25 of 200 orders" backordered */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s order", "%s of %s orders",
                                           whole),
                              part_text, whole_text);
    }
}

/**
 * bo_chart_new_rate_from_counts:
 * @days: (array length=n_days): placement counts per day
 *
 * The backorder rate per period of [@from_day, @to_day], on orders, lines
 * or units; a period without orders is a gap ("no orders").
 *
 * Returns: (transfer full): the chart
 */
BoChart *
bo_chart_new_rate_from_counts (const BoDayCounts *days,
                               gsize              n_days,
                               BoPeriod           period,
                               BoChartMeasure     measure,
                               guint32            from_day,
                               guint32            to_day)
{
  g_autoptr(GArray) points = bo_metrics_rate_series (days, n_days, period, from_day, to_day);
  BoChart *chart = bo_chart_new (BO_CHART_RATE, rate_title (measure),
                                 bo_metrics_formula (rate_metric (measure)));
  BoChartSeries *series;

  series = bo_chart_add_series (chart, rate_title (measure), BO_CHART_UNIT_PERCENT, BO_CHART_BARS,
                                0);
  for (guint i = 0; i < points->len; i++)
    {
      const BoRatePoint *p = &g_array_index (points, BoRatePoint, i);
      g_autofree char *label = bo_period_label (period, p->year, p->index);
      g_autofree char *tick = period_tick_label (period, p->year, p->index, i == 0);
      g_autofree char *detail = NULL;
      gint64 part, whole;
      double rate;

      switch (measure)
        {
        case BO_CHART_MEASURE_LINES:
          part = p->counts.bo_lines, whole = p->counts.lines, rate = p->line_rate;
          break;
        case BO_CHART_MEASURE_UNITS:
          part = p->counts.bo_units, whole = p->counts.units, rate = p->unit_rate;
          break;
        case BO_CHART_MEASURE_ORDERS:
        default:
          part = p->counts.bo_orders, whole = p->counts.orders, rate = p->order_rate;
          break;
        }
      if (p->counts.orders == 0)
        {
          bo_chart_series_add_gap (series, label, tick, _("no orders"));
          continue;
        }
      detail = rate_detail (measure, part, whole);
      bo_chart_series_add_point (series, label, tick, rate, detail);
    }
  return chart;
}

/**
 * bo_chart_new_rate:
 *
 * Returns: (transfer full) (nullable): the backorder rate chart; %NULL on
 *   error
 */
BoChart *
bo_chart_new_rate (BoStore         *store,
                   BoPeriod         period,
                   BoChartMeasure   measure,
                   guint32          from_day,
                   guint32          to_day,
                   GError         **error)
{
  g_autoptr(GArray) days = NULL;

  g_return_val_if_fail (BO_IS_STORE (store), NULL);
  g_return_val_if_fail (from_day > 0 && from_day <= to_day, NULL);

  days = bo_store_day_counts (store, from_day, to_day, error);
  if (days == NULL)
    return NULL;
  return bo_chart_new_rate_from_counts ((const BoDayCounts *) (gpointer) days->data, days->len,
                                        period, measure, from_day, to_day);
}

/* ---- backlog ---------------------------------------------------------------- */

/**
 * bo_chart_new_backlog:
 *
 * Open backordered units (bars) and their value (a line, right axis) at
 * the end of each period; the current period shows today's backlog.
 *
 * Returns: (transfer full) (nullable): the chart; %NULL on error
 */
BoChart *
bo_chart_new_backlog (BoStore   *store,
                      BoPeriod   period,
                      guint32    from_day,
                      guint32    to_day,
                      GError   **error)
{
  g_autoptr(GArray) history = NULL;
  g_autoptr(BoChart) chart = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *currency = NULL;
  BoChartSeries *units, *value;
  gboolean empty = TRUE;

  g_return_val_if_fail (BO_IS_STORE (store), NULL);
  g_return_val_if_fail (from_day > 0 && from_day <= to_day, NULL);

  history = bo_store_backlog_history (store, period, from_day, to_day, error);
  if (history == NULL)
    return NULL;

  caption = g_strdup_printf ("%s. %s", bo_metrics_formula (BO_METRIC_BACKLOG),
                             _("Each period shows the backlog at its end; the current one, "
                               "today’s."));
  chart = bo_chart_new (BO_CHART_BACKLOG, _("Backlog Over Time"), caption);
  currency = bo_store_get_setting (store, "currency");
  set_string (&chart->currency, currency != NULL ? currency : "");
  units = bo_chart_add_series (chart, _("Backordered units"), BO_CHART_UNIT_COUNT, BO_CHART_BARS,
                               0);
  {
    /* TRANSLATORS: a chart's legend: the value of the backlog, in the
     * shop's currency, e.g. "Value (EUR)" */
    g_autofree char *name = *chart->currency != '\0'
                              ? g_strdup_printf (_("Value (%s)"), chart->currency)
                              : g_strdup (_("Value"));

    value = bo_chart_add_series (chart, name, BO_CHART_UNIT_MONEY, BO_CHART_LINE, 1);
  }
  set_string (&chart->empty_text, _("No backorders in this period"));
  /* A backlog that stayed at zero is a chart of nothing: say so instead. */
  for (guint i = 0; i < history->len; i++)
    empty = empty && g_array_index (history, BoBacklogPoint, i).units == 0;
  for (guint i = 0; i < history->len && !empty; i++)
    {
      const BoBacklogPoint *p = &g_array_index (history, BoBacklogPoint, i);
      g_autofree char *label = bo_period_label (period, p->year, p->index);
      g_autofree char *tick = period_tick_label (period, p->year, p->index, i == 0);
      g_autofree char *money = _bo_chart_format_money (p->value, chart->currency);
      g_autofree char *count = _bo_chart_format_quantity (p->units);
      g_autofree char *units_detail = NULL, *value_detail = NULL;

      /* TRANSLATORS: the value of a period's backlog, e.g. "worth 1,234.50 EUR" */
      units_detail = g_strdup_printf (_("worth %s"), money);
      /* TRANSLATORS: the units a backlog value is for, e.g. "for 120 units" */
      value_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "for %s unit", "for %s units",
                                                   p->units),
                                      count);
      bo_chart_series_add_point (units, label, tick, (double) p->units, units_detail);
      bo_chart_series_add_point (value, label, tick, bo_money_to_major (p->value, chart->currency),
                                 value_detail);
    }
  return g_steal_pointer (&chart);
}

/* ---- aging ------------------------------------------------------------------ */

/**
 * bo_chart_new_aging:
 *
 * Open backordered units per age bucket; empty when nothing is open.
 *
 * Returns: (transfer full) (nullable): the chart; %NULL on error
 */
BoChart *
bo_chart_new_aging (BoStore  *store,
                    GError  **error)
{
  gint64 lines[BO_AGE_N_BUCKETS], units[BO_AGE_N_BUCKETS];
  gint64 total = 0;
  BoChartSeries *series;
  BoChart *chart;

  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  if (!bo_store_aging (store, lines, units, error))
    return NULL;

  chart = bo_chart_new (BO_CHART_AGING, _("Backorder Age"), bo_metrics_formula (BO_METRIC_AGE));
  set_string (&chart->category_title, _("Age"));
  set_string (&chart->empty_text, _("No open backorders"));
  series = bo_chart_add_series (chart, _("Backordered units"), BO_CHART_UNIT_COUNT, BO_CHART_BARS,
                                0);
  for (guint b = 0; b < BO_AGE_N_BUCKETS; b++)
    total += units[b];
  if (total == 0)
    return chart;
  for (guint b = 0; b < BO_AGE_N_BUCKETS; b++)
    {
      g_autofree char *count = _bo_chart_format_quantity (lines[b]);
      g_autofree char *detail = NULL;

      /* TRANSLATORS: the order lines some backordered units are in, e.g.
       * "in 5 order lines" */
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %s order line",
                                             "in %s order lines", lines[b]),
                                count);
      bo_chart_series_add_point (series, bo_metrics_age_bucket_label (b), NULL, (double) units[b],
                                 detail);
    }
  return chart;
}

/* ---- suppliers -------------------------------------------------------------- */

/**
 * bo_chart_new_suppliers:
 *
 * On-time rate (left axis) and average days late (right axis) of each
 * supplier with at least one purchase-order line received in full.
 *
 * Returns: (transfer full) (nullable): the chart; %NULL on error
 */
BoChart *
bo_chart_new_suppliers (BoStore  *store,
                        GError  **error)
{
  g_autoptr(GArray) counts = NULL;
  g_autofree char *caption = NULL;
  BoChartSeries *on_time, *late;
  BoChart *chart;

  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  counts = bo_store_supplier_counts (store, error);
  if (counts == NULL)
    return NULL;

  caption = g_strdup_printf ("%s\n%s", bo_metrics_formula (BO_METRIC_SUPPLIER_ON_TIME),
                             bo_metrics_formula (BO_METRIC_SUPPLIER_DAYS_LATE));
  chart = bo_chart_new (BO_CHART_SUPPLIERS, _("Supplier Punctuality"), caption);
  set_string (&chart->category_title, _("Supplier"));
  set_string (&chart->empty_text, _("No purchase-order line has been received in full yet"));
  on_time = bo_chart_add_series (chart, _("On-time rate"), BO_CHART_UNIT_PERCENT, BO_CHART_BARS, 0);
  late = bo_chart_add_series (chart, _("Average days late"), BO_CHART_UNIT_DAYS, BO_CHART_BARS, 1);
  for (guint i = 0; i < counts->len; i++)
    {
      const BoSupplierCounts *c = &g_array_index (counts, BoSupplierCounts, i);
      g_autofree char *on_time_text = NULL, *received_text = NULL, *days_text = NULL;
      g_autofree char *on_time_detail = NULL, *late_detail = NULL;

      if (c->received_lines == 0)
        continue;
      on_time_text = _bo_chart_format_quantity (c->on_time_lines);
      received_text = _bo_chart_format_quantity (c->received_lines);
      days_text = _bo_chart_format_quantity (c->days_late);
      /* TRANSLATORS: "8 of 10 lines on time" (purchase-order lines received in full) */
      on_time_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s line on time",
                                                     "%s of %s lines on time", c->received_lines),
                                        on_time_text, received_text);
      /* TRANSLATORS: the days a supplier's lines came late, added up: "25 days late in all" */
      late_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day late in all",
                                                  "%s days late in all", c->days_late),
                                     days_text);
      bo_chart_series_add_point (on_time, c->name, NULL, bo_metrics_supplier_on_time (c),
                                 on_time_detail);
      bo_chart_series_add_point (late, c->name, NULL, bo_metrics_supplier_avg_days_late (c),
                                 late_detail);
    }
  return chart;
}

/* ---- top products ----------------------------------------------------------- */

/**
 * bo_chart_new_top_products:
 * @limit: how many products at most
 *
 * The products with the most open backordered units, most first, as
 * horizontal bars; each point's detail gives the value and the lines.
 *
 * Returns: (transfer full) (nullable): the chart; %NULL on error
 */
BoChart *
bo_chart_new_top_products (BoStore  *store,
                           guint     limit,
                           GError  **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autofree char *currency = NULL;
  BoChartSeries *series;
  BoChart *chart;

  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  rows = bo_store_top_backordered_products (store, limit, error);
  if (rows == NULL)
    return NULL;

  chart = bo_chart_new (BO_CHART_TOP_PRODUCTS, _("Most Backordered Products"),
                        _("Open backordered units of each product (ordered − allocated − "
                          "shipped − cancelled, over its open order lines), and their value at "
                          "the line price"));
  chart->orientation = BO_CHART_HORIZONTAL;
  currency = bo_store_get_setting (store, "currency");
  set_string (&chart->currency, currency != NULL ? currency : "");
  set_string (&chart->category_title, _("Product"));
  set_string (&chart->empty_text, _("No open backorders"));
  series = bo_chart_add_series (chart, _("Backordered units"), BO_CHART_UNIT_COUNT, BO_CHART_BARS,
                                0);
  for (guint i = 0; i < rows->len; i++)
    {
      const BoProductBacklog *row = &g_array_index (rows, BoProductBacklog, i);
      g_autofree char *money = _bo_chart_format_money (row->value, chart->currency);
      g_autofree char *lines = _bo_chart_format_quantity (row->lines);
      g_autofree char *label = NULL, *detail = NULL;

      /* TRANSLATORS: a product's name and SKU, e.g. "Blue Mug (MUG-BLU)" */
      label = g_strdup_printf (_("%s (%s)"), row->name, row->sku);
      /* TRANSLATORS: "worth 150.00 EUR in 3 order lines" */
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "worth %s in %s order line",
                                             "worth %s in %s order lines", row->lines),
                                money, lines);
      bo_chart_series_add_point (series, label, row->name, (double) row->units, detail);
    }
  return chart;
}
