/* bo-metrics.h — the numbers: pure formulas over counts the store provides
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BoPeriod:
 * @BO_PERIOD_MONTH: calendar month
 * @BO_PERIOD_QUARTER: calendar quarter
 * @BO_PERIOD_YEAR: calendar year
 */
typedef enum
{
  BO_PERIOD_MONTH,
  BO_PERIOD_QUARTER,
  BO_PERIOD_YEAR,
} BoPeriod;

/**
 * BoDayCounts:
 * @day: local calendar day, as a Julian day number
 * @orders: orders placed that day
 * @bo_orders: of those, orders with a line that had backordered_at_placement > 0
 * @lines: order lines placed that day
 * @bo_lines: of those, lines with backordered_at_placement > 0
 * @units: units ordered that day
 * @bo_units: units backordered at placement that day
 *
 * Placement counts for one day, as the store aggregates them.
 */
typedef struct
{
  guint32 day;
  gint64  orders;
  gint64  bo_orders;
  gint64  lines;
  gint64  bo_lines;
  gint64  units;
  gint64  bo_units;
} BoDayCounts;

/**
 * BoRatePoint:
 * @period: the period
 * @year: calendar year
 * @index: month 1–12, quarter 1–4, or 0 for a year
 * @first_day: first day of the period (Julian)
 * @counts: summed counts of the period (@counts.day is @first_day)
 * @order_rate: backordered orders ÷ orders × 100 (0 when no orders)
 * @line_rate: backordered lines ÷ lines × 100
 * @unit_rate: backordered units ÷ units × 100
 */
typedef struct
{
  BoPeriod    period;
  gint        year;
  gint        index;
  guint32     first_day;
  BoDayCounts counts;
  double      order_rate;
  double      line_rate;
  double      unit_rate;
} BoRatePoint;

/**
 * BoAgeBucket:
 * Backorder age buckets of DESIGN.md section 3.
 */
typedef enum
{
  BO_AGE_0_7,
  BO_AGE_8_14,
  BO_AGE_15_30,
  BO_AGE_31_PLUS,
  BO_AGE_N_BUCKETS
} BoAgeBucket;

/**
 * BoSupplierCounts:
 * @supplier_id: the supplier
 * @name: its name (owned by whoever fills the array)
 * @received_lines: purchase-order lines fully received
 * @on_time_lines: of those, fully received on or before their ETA
 * @days_late: sum over fully received lines of max(0, received day − ETA)
 * @late_lines: fully received lines that came after their ETA
 */
typedef struct
{
  gint64 supplier_id;
  char  *name;
  gint64 received_lines;
  gint64 on_time_lines;
  gint64 days_late;
  gint64 late_lines;
} BoSupplierCounts;

/**
 * BoBacklogPoint:
 * @year: calendar year
 * @index: month 1–12, quarter 1–4, or 0 for a year
 * @first_day: first day of the period (Julian)
 * @units: open backordered units at the end of the period
 * @value: their value at line price, minor units
 */
typedef struct
{
  gint    year;
  gint    index;
  guint32 first_day;
  gint64  units;
  gint64  value;
} BoBacklogPoint;

/**
 * BoMetric:
 * The metrics whose formula is shown to the merchant.
 */
typedef enum
{
  BO_METRIC_ORDER_RATE,
  BO_METRIC_LINE_RATE,
  BO_METRIC_UNIT_RATE,
  BO_METRIC_FILL_RATE,
  BO_METRIC_BACKLOG,
  BO_METRIC_AGE,
  BO_METRIC_SUPPLIER_ON_TIME,
  BO_METRIC_SUPPLIER_DAYS_LATE,
  BO_METRIC_CUSTOMER_ON_TIME,
} BoMetric;

const char *bo_period_to_string        (BoPeriod           period);
gboolean    bo_period_from_string      (const char        *text,
                                        BoPeriod          *period);
char       *bo_period_label            (BoPeriod           period,
                                        gint               year,
                                        gint               index);
void        bo_period_of_day           (BoPeriod           period,
                                        guint32            day,
                                        gint              *year,
                                        gint              *index);

GArray     *bo_metrics_rate_series     (const BoDayCounts *days,
                                        gsize              n_days,
                                        BoPeriod           period,
                                        guint32            from_day,
                                        guint32            to_day);
double      bo_metrics_percent         (gint64             part,
                                        gint64             whole);
BoAgeBucket bo_metrics_age_bucket      (gint64             age_days);
const char *bo_metrics_age_bucket_label (BoAgeBucket       bucket);
double      bo_metrics_supplier_on_time (const BoSupplierCounts *counts);
double      bo_metrics_supplier_avg_days_late (const BoSupplierCounts *counts);
const char *bo_metrics_formula         (BoMetric           metric);

G_END_DECLS
