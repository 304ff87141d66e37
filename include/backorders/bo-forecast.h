/* bo-forecast.h — reorder suggestions from sales history: the pure forecasting module
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Defaults of a suggestion. */
#define BO_FORECAST_DEFAULT_WINDOW        90
#define BO_FORECAST_DEFAULT_SERVICE_LEVEL 0.95
#define BO_FORECAST_DEFAULT_COVER         30

/* A product is flagged seasonal when the same calendar month last year sold
 * at least BO_FORECAST_SEASONAL_FACTOR times the window's daily average
 * (per day of that month), and at least BO_FORECAST_SEASONAL_MIN_UNITS
 * units in all, so that one stray order does not make a season. */
#define BO_FORECAST_SEASONAL_FACTOR    2.0
#define BO_FORECAST_SEASONAL_MIN_UNITS 5

/* The service levels a suggestion accepts, as fractions. */
#define BO_FORECAST_MIN_SERVICE_LEVEL 0.5
#define BO_FORECAST_MAX_SERVICE_LEVEL 0.999

/**
 * BoDemandStats:
 * @n_days: days in the series
 * @total: units over all of them
 * @mean: average units per day
 * @sd: sample standard deviation of the daily units (0 for fewer than 2 days)
 *
 * Statistics of a daily demand series.
 */
typedef struct
{
  guint  n_days;
  gint64 total;
  double mean;
  double sd;
} BoDemandStats;

/**
 * BoForecastInput:
 * @daily: units ordered on each day of the window, oldest first
 * @n_days: days in the window
 * @last_year_units: units ordered in the same calendar month a year ago
 * @last_year_days: days in that month (0: no such history)
 * @service_level: the chance of not running out during a lead time, from
 *   %BO_FORECAST_MIN_SERVICE_LEVEL to %BO_FORECAST_MAX_SERVICE_LEVEL
 * @lead_days: the supplier's lead time in days, -1 when no supplier is known
 * @cover_days: how many days of demand an order should cover
 * @min_order_qty: the supplier's minimum order quantity (>= 1)
 * @position: projected stock: free + on open purchase orders − backordered
 */
typedef struct
{
  const gint64 *daily;
  gsize         n_days;
  gint64        last_year_units;
  guint         last_year_days;
  double        service_level;
  gint          lead_days;
  guint         cover_days;
  gint64        min_order_qty;
  gint64        position;
} BoForecastInput;

/**
 * BoForecast:
 * @stats: the window's demand statistics
 * @z: the standard normal quantile of the service level
 * @safety_stock: z × sd × √lead, in units
 * @has_suggestion: %FALSE when there is nothing to base one on (no orders in
 *   the window, or no supplier); @why says which
 * @reorder_point: mean × lead + safety stock, rounded up
 * @reorder_qty: what covers @cover_days of demand, at least the minimum
 *   order quantity
 * @order_qty: what to order now to bring the projected stock up to the
 *   reorder point plus the cover (0 when it is there already), at least the
 *   minimum order quantity
 * @seasonal: the same month last year was a peak (see
 *   %BO_FORECAST_SEASONAL_FACTOR)
 * @seasonal_ratio: that month's daily rate ÷ the window's (0 without demand)
 * @why: a sentence for the merchant
 */
typedef struct
{
  BoDemandStats stats;
  double        z;
  double        safety_stock;
  gboolean      has_suggestion;
  gint64        reorder_point;
  gint64        reorder_qty;
  gint64        order_qty;
  gboolean      seasonal;
  double        seasonal_ratio;
  char         *why;
} BoForecast;

void        bo_demand_stats_compute   (const gint64          *daily,
                                       gsize                  n_days,
                                       BoDemandStats         *stats);
double      bo_forecast_inverse_normal (double                p);
gboolean    bo_forecast_check_service_level (double           service_level,
                                       GError               **error);
BoForecast *bo_forecast_compute       (const BoForecastInput *input);
void        bo_forecast_free          (BoForecast            *forecast);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoForecast, bo_forecast_free)

G_END_DECLS
