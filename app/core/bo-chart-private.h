/* bo-chart-private.h — what the chart's data, layout and drawing pieces share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "backorders/bo-chart.h"

G_BEGIN_DECLS

/* Spacing, in device units (pixels on screen, points in PDF and SVG). */
#define BO_CHART_PAD          8.0
#define BO_CHART_TICK_GAP     6.0   /* between a tick label and the plot */
#define BO_CHART_LEGEND_SWATCH 10.0
#define BO_CHART_LEGEND_GAP   16.0  /* between legend entries */
#define BO_CHART_MAX_BAR      64.0  /* a bar never gets wider than this */
#define BO_CHART_MAX_HBAR     28.0  /* nor a horizontal bar thicker */
#define BO_CHART_LABEL_SCALE  0.85  /* axis labels, relative to the font */

typedef struct
{
  gboolean used;
  double   top;        /* the value at the far end of the axis */
  double   step;       /* between ticks */
  guint    n_steps;    /* ticks are 0, step, …, n_steps × step */
  double   label_extent; /* the widest tick label */
} BoChartAxis;

struct _BoChartLayout
{
  /* owned */
  BoChart              *chart;
  PangoContext         *context;
  PangoFontDescription *label_font;

  double       width;
  double       height;
  gboolean     empty;

  /* the plot area, inside the axes */
  double       plot_x;
  double       plot_y;
  double       plot_width;
  double       plot_height;

  BoChartAxis  axes[2];

  /* categories: band i spans [start + i·band, start + (i + 1)·band) along
   * the category axis (x when vertical, y when horizontal) */
  guint        n_categories;
  double       band;
  guint        label_stride;     /* every how many categories a label shows */
  gboolean     wrap_labels;      /* names wrap within their band */
  double       category_extent;  /* room for category labels */

  /* bars of one category sit side by side in a group */
  guint        n_bar_series;
  gint         bar_slot[BO_CHART_MAX_SERIES];  /* -1 for a line series */
  double       group_width;
  double       bar_width;

  /* legend, above the plot, right-aligned; only with several series */
  gboolean     legend;
  double       legend_y;
  double       legend_x[BO_CHART_MAX_SERIES];
  double       legend_height;
};

PangoLayout *_bo_chart_text_layout (const BoChartLayout *layout,
                                    const char          *text,
                                    gboolean             small);
void         _bo_chart_text_size   (PangoLayout         *text,
                                    double              *width,
                                    double              *height);
gboolean     _bo_chart_is_vertical (const BoChartLayout *layout);

char        *_bo_chart_format_quantity (gint64           quantity);
char        *_bo_chart_format_money    (gint64           minor,
                                        const char      *currency);
char        *_bo_chart_format_decimal  (double           value,
                                        guint            decimals);

G_END_DECLS
