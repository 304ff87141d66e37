/* bo-chart.h — charts of the numbers: data series, layout, cairo drawing and export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>
#include "bo-metrics.h"
#include "bo-store.h"

G_BEGIN_DECLS

/**
 * BoChartKind:
 * @BO_CHART_RATE: backorder rate per period (orders, lines or units)
 * @BO_CHART_BACKLOG: open backordered units and their value at the end of
 *   each period
 * @BO_CHART_AGING: open backordered units per age bucket
 * @BO_CHART_SUPPLIERS: on-time rate and average days late per supplier
 * @BO_CHART_TOP_PRODUCTS: the products with the most open backordered units
 * @BO_CHART_CUSTOM: a chart built point by point
 */
typedef enum
{
  BO_CHART_RATE,
  BO_CHART_BACKLOG,
  BO_CHART_AGING,
  BO_CHART_SUPPLIERS,
  BO_CHART_TOP_PRODUCTS,
  BO_CHART_CUSTOM,
} BoChartKind;

/**
 * BoChartMeasure:
 * What a backorder rate counts: orders, lines or units.
 */
typedef enum
{
  BO_CHART_MEASURE_ORDERS,
  BO_CHART_MEASURE_LINES,
  BO_CHART_MEASURE_UNITS,
} BoChartMeasure;

/**
 * BoChartUnit:
 * @BO_CHART_UNIT_PERCENT: a rate in percent
 * @BO_CHART_UNIT_COUNT: a whole number of things
 * @BO_CHART_UNIT_MONEY: money, in major units of the chart's currency
 * @BO_CHART_UNIT_DAYS: a number of days, possibly fractional
 */
typedef enum
{
  BO_CHART_UNIT_PERCENT,
  BO_CHART_UNIT_COUNT,
  BO_CHART_UNIT_MONEY,
  BO_CHART_UNIT_DAYS,
} BoChartUnit;

/**
 * BoChartMark:
 * @BO_CHART_BARS: one bar per category (bar series of a chart sit side by side)
 * @BO_CHART_LINE: points joined by a line
 */
typedef enum
{
  BO_CHART_BARS,
  BO_CHART_LINE,
} BoChartMark;

/**
 * BoChartOrientation:
 * @BO_CHART_VERTICAL: categories along the bottom, values upwards
 * @BO_CHART_HORIZONTAL: categories down the left side (long names), values
 *   to the right; bars only
 */
typedef enum
{
  BO_CHART_VERTICAL,
  BO_CHART_HORIZONTAL,
} BoChartOrientation;

typedef enum
{
  BO_CHART_FORMAT_PNG,
  BO_CHART_FORMAT_SVG,
  BO_CHART_FORMAT_PDF,
} BoChartFormat;

/**
 * BoChartPoint:
 * @label: the category in full ("2026 Q3", a supplier's name), for
 *   tooltips and tables
 * @tick_label: what the category axis shows; may hold a line break
 * @value: the number, in the series' unit
 * @defined: %FALSE when there is nothing to measure (a period without any
 *   order has no rate): no mark is drawn
 * @detail: the counts behind the number ("25 of 200 orders"), or %NULL
 */
typedef struct
{
  char     *label;
  char     *tick_label;
  double    value;
  gboolean  defined;
  char     *detail;
} BoChartPoint;

/**
 * BoChartSeries:
 * @name: what the series measures, for the legend and table headers
 * @unit: how its values read
 * @mark: bars or a line
 * @axis: 0 for the value axis on the left (or bottom), 1 for the one on the
 *   right
 * @points: (element-type BoChartPoint): one point per category
 */
typedef struct
{
  char        *name;
  BoChartUnit  unit;
  BoChartMark  mark;
  guint        axis;
  GArray      *points;
} BoChartSeries;

/**
 * BoChart:
 * @kind: what the chart shows
 * @orientation: which way the bars go
 * @title: the chart's title
 * @caption: the exact formula of its numbers (DESIGN.md section 3)
 * @category_title: the header of the categories' column in a table
 * @empty_text: what an empty chart says
 * @currency: the shop's currency, for money series
 * @series: (element-type BoChartSeries): at most %BO_CHART_MAX_SERIES
 *   series, all with the same categories
 *
 * Everything a renderer, a table or a tooltip needs; it does not read the
 * store. Reference counted, immutable once built.
 */
typedef struct
{
  BoChartKind         kind;
  BoChartOrientation  orientation;
  char               *title;
  char               *caption;
  char               *category_title;
  char               *empty_text;
  char               *currency;
  GPtrArray          *series;

  /*< private >*/
  gint                ref_count;
} BoChart;

#define BO_CHART_MAX_SERIES 4

/* The number of top products the dashboard and the CLI show. */
#define BO_CHART_TOP_PRODUCTS_LIMIT 10

#define BO_TYPE_CHART (bo_chart_get_type ())

/* Data (bo-chart-series.c) */

GType          bo_chart_get_type             (void) G_GNUC_CONST;
BoChart       *bo_chart_new                  (BoChartKind          kind,
                                              const char          *title,
                                              const char          *caption);
BoChart       *bo_chart_ref                  (BoChart             *chart);
void           bo_chart_unref                (BoChart             *chart);
BoChartSeries *bo_chart_add_series           (BoChart             *chart,
                                              const char          *name,
                                              BoChartUnit          unit,
                                              BoChartMark          mark,
                                              guint                axis);
void           bo_chart_series_add_point     (BoChartSeries       *series,
                                              const char          *label,
                                              const char          *tick_label,
                                              double               value,
                                              const char          *detail);
void           bo_chart_series_add_gap       (BoChartSeries       *series,
                                              const char          *label,
                                              const char          *tick_label,
                                              const char          *detail);
guint          bo_chart_get_n_series         (const BoChart       *chart);
guint          bo_chart_get_n_categories     (const BoChart       *chart);
const BoChartSeries *bo_chart_get_series     (const BoChart       *chart,
                                              guint                series);
const BoChartPoint  *bo_chart_get_point      (const BoChart       *chart,
                                              guint                series,
                                              guint                index);
gboolean       bo_chart_is_empty             (const BoChart       *chart);
char          *bo_chart_format_value         (const BoChart       *chart,
                                              guint                series,
                                              double               value);
char          *bo_chart_format_tick          (const BoChart       *chart,
                                              BoChartUnit          unit,
                                              double               value,
                                              double               step);
char          *bo_chart_describe_point       (const BoChart       *chart,
                                              guint                series,
                                              guint                index);

const char    *bo_chart_kind_to_string       (BoChartKind          kind);
gboolean       bo_chart_kind_from_string     (const char          *text,
                                              BoChartKind         *kind);
const char    *bo_chart_measure_to_string    (BoChartMeasure       measure);
gboolean       bo_chart_measure_from_string  (const char          *text,
                                              BoChartMeasure      *measure);
void           bo_chart_default_range        (guint32              today,
                                              BoPeriod             period,
                                              guint32             *from,
                                              guint32             *to);

BoChart       *bo_chart_new_rate_from_counts (const BoDayCounts   *days,
                                              gsize                n_days,
                                              BoPeriod             period,
                                              BoChartMeasure       measure,
                                              guint32              from_day,
                                              guint32              to_day);
BoChart       *bo_chart_new_rate             (BoStore             *store,
                                              BoPeriod             period,
                                              BoChartMeasure       measure,
                                              guint32              from_day,
                                              guint32              to_day,
                                              GError             **error);
BoChart       *bo_chart_new_backlog          (BoStore             *store,
                                              BoPeriod             period,
                                              guint32              from_day,
                                              guint32              to_day,
                                              GError             **error);
BoChart       *bo_chart_new_aging            (BoStore             *store,
                                              GError             **error);
BoChart       *bo_chart_new_suppliers        (BoStore             *store,
                                              GError             **error);
BoChart       *bo_chart_new_top_products     (BoStore             *store,
                                              guint                limit,
                                              GError             **error);

/* Layout (bo-chart-layout.c) */

typedef struct _BoChartLayout BoChartLayout;

/**
 * BoChartRect:
 * A rectangle in the chart's coordinates (device units of the target).
 */
typedef struct
{
  double x, y, width, height;
} BoChartRect;

void           bo_chart_nice_scale           (double               max,
                                              guint                target_steps,
                                              gboolean             integer,
                                              double              *top,
                                              double              *step,
                                              guint               *n_steps);
BoChartLayout *bo_chart_layout_new           (BoChart             *chart,
                                              PangoContext        *context,
                                              double               width,
                                              double               height);
void           bo_chart_layout_free          (BoChartLayout       *layout);
BoChart       *bo_chart_layout_get_chart     (const BoChartLayout *layout);
void           bo_chart_layout_get_size      (const BoChartLayout *layout,
                                              double              *width,
                                              double              *height);
void           bo_chart_layout_get_plot      (const BoChartLayout *layout,
                                              BoChartRect         *plot);
guint          bo_chart_layout_get_n_ticks   (const BoChartLayout *layout,
                                              guint                axis);
double         bo_chart_layout_get_tick      (const BoChartLayout *layout,
                                              guint                axis,
                                              guint                tick);
double         bo_chart_layout_value_to_position (const BoChartLayout *layout,
                                              guint                axis,
                                              double               value);
double         bo_chart_layout_category_center (const BoChartLayout *layout,
                                              guint                index);
gboolean       bo_chart_layout_get_mark      (const BoChartLayout *layout,
                                              guint                series,
                                              guint                index,
                                              BoChartRect         *rect);
gboolean       bo_chart_layout_hit           (const BoChartLayout *layout,
                                              double               x,
                                              double               y,
                                              guint               *series,
                                              guint               *index);

/* Drawing and export (bo-chart-render.c) */

typedef struct
{
  double red, green, blue, alpha;
} BoChartColor;

/**
 * BoChartPalette:
 * @background: behind everything; alpha 0 draws none (a widget's own
 *   background shows)
 * @text: titles and legend
 * @dim_text: axis labels and the empty state
 * @grid: grid lines
 * @axis: the zero line
 * @series: one colour per series
 * @highlight: the ring around the focused mark
 */
typedef struct
{
  BoChartColor background;
  BoChartColor text;
  BoChartColor dim_text;
  BoChartColor grid;
  BoChartColor axis;
  BoChartColor series[BO_CHART_MAX_SERIES];
  BoChartColor highlight;
} BoChartPalette;

/**
 * BoChartLayers:
 * @BO_CHART_LAYER_BACKGROUND: the palette's background
 * @BO_CHART_LAYER_AXES: grid, axes, tick and category labels, legend, or
 *   the empty state
 * @BO_CHART_LAYER_MARKS: bars and lines
 *
 * The static parts of a chart, which a widget draws once and keeps; the
 * highlight of one mark is drawn apart by bo_chart_render_highlight().
 */
typedef enum
{
  BO_CHART_LAYER_BACKGROUND = 1 << 0,
  BO_CHART_LAYER_AXES       = 1 << 1,
  BO_CHART_LAYER_MARKS      = 1 << 2,
  BO_CHART_LAYER_ALL        = 0x7,
} BoChartLayers;

void           bo_chart_palette_init         (BoChartPalette      *palette,
                                              gboolean             dark);
void           bo_chart_render               (const BoChartLayout *layout,
                                              cairo_t             *cr,
                                              const BoChartPalette *palette,
                                              BoChartLayers        layers);
void           bo_chart_render_highlight     (const BoChartLayout *layout,
                                              cairo_t             *cr,
                                              const BoChartPalette *palette,
                                              guint                series,
                                              guint                index,
                                              gboolean             focus_ring);
gboolean       bo_chart_format_from_path     (const char          *path,
                                              BoChartFormat       *format);
gboolean       bo_chart_export               (BoChart             *chart,
                                              const BoChartPalette *palette,
                                              const char          *path,
                                              BoChartFormat        format,
                                              double               width,
                                              double               height,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoChart, bo_chart_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoChartLayout, bo_chart_layout_free)

G_END_DECLS
