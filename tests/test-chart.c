/* test-chart.c — charts: round ticks, bars where the data says, hit-testing, export, CLI
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-chart"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "backorders/bo-chart.h"
#include "backorders/bo-error.h"
#include "backorders/bo-store.h"

#define WIDTH  480
#define HEIGHT 300

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

static BoDayCounts
counts (guint32 day,
        gint64  orders,
        gint64  bo_orders)
{
  return (BoDayCounts) { day, orders, bo_orders, orders, bo_orders, orders * 2, bo_orders * 2 };
}

/* A palette whose colours the pixel checks tell apart: pure blue bars, and
 * nothing else blue. */
static void
test_palette (BoChartPalette *palette)
{
  bo_chart_palette_init (palette, FALSE);
  palette->background = (BoChartColor) { 1, 1, 1, 1 };
  palette->text = palette->dim_text = (BoChartColor) { 0, 0, 0, 1 };
  palette->grid = (BoChartColor) { 0.85, 0.85, 0.85, 1 };
  palette->axis = (BoChartColor) { 0.5, 0.5, 0.5, 1 };
  palette->series[0] = (BoChartColor) { 0, 0, 1, 1 };
  palette->series[1] = (BoChartColor) { 1, 0, 0, 1 };
  palette->series[2] = (BoChartColor) { 0, 0.6, 0, 1 };
}

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
  BoChartLayout   *layout;
} Drawing;

static void
draw (Drawing *d,
      BoChart *chart)
{
  BoChartPalette palette;

  test_palette (&palette);
  d->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  d->cr = cairo_create (d->surface);
  d->context = pango_cairo_create_context (d->cr);
  d->layout = bo_chart_layout_new (chart, d->context, WIDTH, HEIGHT);
  bo_chart_render (d->layout, d->cr, &palette, BO_CHART_LAYER_ALL);
  cairo_surface_flush (d->surface);
}

static void
drawing_clear (Drawing *d)
{
  g_clear_pointer (&d->layout, bo_chart_layout_free);
  g_clear_object (&d->context);
  g_clear_pointer (&d->cr, cairo_destroy);
  g_clear_pointer (&d->surface, cairo_surface_destroy);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Drawing, drawing_clear)

static void
pixel (Drawing *d,
       double   x,
       double   y,
       guint   *r,
       guint   *g,
       guint   *b)
{
  int stride = cairo_image_surface_get_stride (d->surface);
  const guint8 *data = cairo_image_surface_get_data (d->surface);
  int ix = (int) floor (x), iy = (int) floor (y);
  guint32 value;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (ix, <, WIDTH);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (iy, <, HEIGHT);
  value = *(const guint32 *) (gconstpointer) (data + iy * stride + ix * 4);
  *r = (value >> 16) & 0xff;
  *g = (value >> 8) & 0xff;
  *b = value & 0xff;
}

static gboolean
is_blue (Drawing *d,
         double   x,
         double   y)
{
  guint r, g, b;

  pixel (d, x, y, &r, &g, &b);
  return b > 200 && r < 60 && g < 60;
}

static gboolean
is_dark (Drawing *d,
         double   x,
         double   y)
{
  guint r, g, b;

  pixel (d, x, y, &r, &g, &b);
  return r < 128 && g < 128 && b < 128;
}

static guint
count_blue (Drawing *d,
            double   x0,
            double   y0,
            double   x1,
            double   y1)
{
  guint n = 0;

  for (double y = MAX (y0, 0); y < MIN (y1, HEIGHT); y++)
    for (double x = MAX (x0, 0); x < MIN (x1, WIDTH); x++)
      n += is_blue (d, x, y);
  return n;
}

/* 2026: January every order backordered (100 %), February none (0 %),
 * March half, April no orders at all. */
static BoChart *
four_months (void)
{
  BoDayCounts days[] = {
    counts (jday (2026, 1, 10), 4, 4),
    counts (jday (2026, 2, 3), 3, 0),
    counts (jday (2026, 3, 5), 2, 1),
    counts (jday (2026, 3, 20), 2, 1),
  };

  return bo_chart_new_rate_from_counts (days, G_N_ELEMENTS (days), BO_PERIOD_MONTH,
                                        BO_CHART_MEASURE_ORDERS, jday (2026, 1, 1),
                                        jday (2026, 4, 30));
}

static gboolean
is_round (double step)
{
  double magnitude = pow (10, floor (log10 (step)));
  double mantissa = step / magnitude;

  return fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 2.5) < 1e-9
         || fabs (mantissa - 5) < 1e-9;
}

/* ---- ticks ------------------------------------------------------------------------ */

static void
test_nice_scale (void)
{
  const double maxima[] = { 0.3, 1, 3, 7, 9.99, 12.5, 17, 40, 96, 100, 101, 333, 1234, 98765,
                            1e6 + 1 };
  double top, step;
  guint n;

  bo_chart_nice_scale (100, 5, FALSE, &top, &step, &n);
  g_assert_cmpfloat (top, ==, 100);
  g_assert_cmpfloat (step, ==, 20);
  g_assert_cmpuint (n, ==, 5);

  bo_chart_nice_scale (12.5, 5, FALSE, &top, &step, &n);
  g_assert_cmpfloat (step, ==, 2.5);
  g_assert_cmpfloat (top, ==, 12.5);

  bo_chart_nice_scale (7, 5, TRUE, &top, &step, &n);
  g_assert_cmpfloat (step, ==, 2);
  g_assert_cmpfloat (top, ==, 8);

  /* Counts never step by a fraction. */
  bo_chart_nice_scale (1, 5, TRUE, &top, &step, &n);
  g_assert_cmpfloat (step, ==, 1);
  g_assert_cmpfloat (top, ==, 1);
  bo_chart_nice_scale (12, 5, TRUE, &top, &step, &n);
  g_assert_cmpfloat (step, ==, 5);

  for (guint i = 0; i < G_N_ELEMENTS (maxima); i++)
    for (guint target = 2; target <= 6; target++)
      for (guint integer = 0; integer <= 1; integer++)
        {
          bo_chart_nice_scale (maxima[i], target, integer, &top, &step, &n);
          g_assert_true (is_round (step));
          if (integer)
            g_assert_cmpfloat (step, ==, round (step));
          g_assert_cmpfloat (top, >=, maxima[i]);
          g_assert_cmpfloat (top - step, <, maxima[i]);
          g_assert_cmpfloat_with_epsilon (top, n * step, 1e-9);
          g_assert_cmpuint (n, <=, 2 * target + 1);
        }
}

static void
test_tick_labels (void)
{
  g_autoptr(BoChart) chart = four_months ();
  g_autofree char *percent = bo_chart_format_tick (chart, BO_CHART_UNIT_PERCENT, 20, 20);
  g_autofree char *fraction = bo_chart_format_tick (chart, BO_CHART_UNIT_PERCENT, 7.5, 2.5);
  g_autofree char *big = bo_chart_format_tick (chart, BO_CHART_UNIT_COUNT, 1500, 500);

  g_assert_cmpstr (percent, ==, "20 %");
  g_assert_cmpstr (fraction, ==, "7.5 %");
  g_assert_cmpstr (big, ==, "1500");
}

/* ---- drawing -------------------------------------------------------------------- */

static void
test_render_bars (void)
{
  g_autoptr(BoChart) chart = four_months ();
  g_auto(Drawing) d = { 0 };
  BoChartRect plot, bar;
  double top_y, base_y, half_y, x;
  guint n_ticks;

  g_assert_cmpuint (bo_chart_get_n_categories (chart), ==, 4);
  draw (&d, chart);
  bo_chart_layout_get_plot (d.layout, &plot);

  /* The axis ends at 100 %, a round tick. */
  n_ticks = bo_chart_layout_get_n_ticks (d.layout, 0);
  g_assert_cmpuint (n_ticks, >=, 3);
  g_assert_cmpfloat (bo_chart_layout_get_tick (d.layout, 0, n_ticks - 1), ==, 100);
  for (guint t = 1; t < n_ticks; t++)
    g_assert_true (is_round (bo_chart_layout_get_tick (d.layout, 0, 1)));
  top_y = bo_chart_layout_value_to_position (d.layout, 0, 100);
  base_y = bo_chart_layout_value_to_position (d.layout, 0, 0);
  half_y = bo_chart_layout_value_to_position (d.layout, 0, 50);
  g_assert_cmpfloat_with_epsilon (top_y, plot.y, 1e-9);
  g_assert_cmpfloat_with_epsilon (base_y, plot.y + plot.height, 1e-9);

  /* January, 100 %: the bar reaches the top tick and no further. */
  g_assert_true (bo_chart_layout_get_mark (d.layout, 0, 0, &bar));
  g_assert_cmpfloat_with_epsilon (bar.y, top_y, 1e-9);
  g_assert_cmpfloat_with_epsilon (bar.y + bar.height, base_y, 1e-9);
  x = bar.x + bar.width / 2;
  g_assert_cmpfloat_with_epsilon (x, bo_chart_layout_category_center (d.layout, 0), 1e-9);
  g_assert_true (is_blue (&d, x, top_y + 4));
  g_assert_true (is_blue (&d, x, (top_y + base_y) / 2));
  g_assert_true (is_blue (&d, x, base_y - 2));
  g_assert_false (is_blue (&d, x, top_y - 3));

  /* February, 0 %: nothing blue above the axis in its band. */
  x = bo_chart_layout_category_center (d.layout, 1);
  g_assert_cmpuint (count_blue (&d, x - 20, 0, x + 20, base_y - 1), ==, 0);

  /* March, 50 %: up to the middle. */
  g_assert_true (bo_chart_layout_get_mark (d.layout, 0, 2, &bar));
  x = bar.x + bar.width / 2;
  g_assert_cmpfloat_with_epsilon (bar.y, half_y, 1e-9);
  g_assert_true (is_blue (&d, x, half_y + 3));
  g_assert_false (is_blue (&d, x, half_y - 3));

  /* April had no orders: no mark at all. */
  g_assert_false (bo_chart_layout_get_mark (d.layout, 0, 3, &bar));
  x = bo_chart_layout_category_center (d.layout, 3);
  g_assert_cmpuint (count_blue (&d, x - 20, 0, x + 20, HEIGHT), ==, 0);

  /* Between two bars: the background. */
  x = plot.x + plot.width / 4;
  g_assert_false (is_blue (&d, x, base_y - 4));

  /* Labels are drawn under the plot. */
  {
    gboolean ink = FALSE;

    for (double y = base_y + 2; y < HEIGHT && !ink; y++)
      for (double lx = plot.x; lx < plot.x + plot.width / 4 && !ink; lx++)
        ink = is_dark (&d, lx, y);
    g_assert_true (ink);
  }
}

static void
test_render_empty (void)
{
  g_autoptr(BoChart) chart = bo_chart_new (BO_CHART_CUSTOM, "Nothing", "");
  g_autoptr(BoChart) gaps = NULL;
  g_auto(Drawing) d = { 0 };
  g_auto(Drawing) g = { 0 };
  guint series, index, dark = 0;
  BoDayCounts none[] = { counts (jday (2025, 1, 1), 5, 5) };

  bo_chart_add_series (chart, "Series", BO_CHART_UNIT_COUNT, BO_CHART_BARS, 0);
  g_assert_true (bo_chart_is_empty (chart));
  draw (&d, chart);
  g_assert_cmpuint (bo_chart_layout_get_n_ticks (d.layout, 0), ==, 0);
  g_assert_false (bo_chart_layout_hit (d.layout, WIDTH / 2, HEIGHT / 2, &series, &index));
  g_assert_cmpuint (count_blue (&d, 0, 0, WIDTH, HEIGHT), ==, 0);
  /* "No data for this period yet", in the middle. */
  for (double y = HEIGHT / 2 - 12; y < HEIGHT / 2 + 12; y++)
    for (double x = WIDTH / 4; x < WIDTH * 3 / 4; x++)
      dark += is_dark (&d, x, y);
  g_assert_cmpuint (dark, >, 20);
  g_assert_cmpstr (chart->empty_text, ==, "No data for this period yet");

  /* A year of months without orders (the one order is outside the range)
   * is empty too. */
  gaps = bo_chart_new_rate_from_counts (none, 1, BO_PERIOD_MONTH, BO_CHART_MEASURE_UNITS,
                                        jday (2026, 1, 1), jday (2026, 12, 31));
  g_assert_cmpuint (bo_chart_get_n_categories (gaps), ==, 12);
  g_assert_true (bo_chart_is_empty (gaps));
  draw (&g, gaps);
  g_assert_cmpuint (count_blue (&g, 0, 0, WIDTH, HEIGHT), ==, 0);
}

static void
test_render_single_point (void)
{
  BoDayCounts days[] = { counts (jday (2026, 7, 14), 8, 2) };
  g_autoptr(BoChart) chart = bo_chart_new_rate_from_counts (days, 1, BO_PERIOD_QUARTER,
                                                            BO_CHART_MEASURE_LINES,
                                                            jday (2026, 7, 1), jday (2026, 9, 30));
  g_auto(Drawing) d = { 0 };
  g_autofree char *text = NULL;
  BoChartRect bar;
  guint series, index, n_ticks;

  g_assert_cmpuint (bo_chart_get_n_categories (chart), ==, 1);
  draw (&d, chart);
  g_assert_true (bo_chart_layout_get_mark (d.layout, 0, 0, &bar));
  g_assert_true (is_blue (&d, bar.x + bar.width / 2, bar.y + bar.height / 2));
  g_assert_cmpfloat (bar.width, <=, 64.0);
  n_ticks = bo_chart_layout_get_n_ticks (d.layout, 0);
  g_assert_cmpfloat (bo_chart_layout_get_tick (d.layout, 0, n_ticks - 1), >=, 25);
  g_assert_true (bo_chart_layout_hit (d.layout, bar.x + 1, bar.y + 1, &series, &index));
  g_assert_cmpuint (index, ==, 0);

  text = bo_chart_describe_point (chart, 0, 0);
  g_assert_cmpstr (text, ==, "2026 Q3: 25.0 % (2 of 8 lines)");
}

static void
test_describe (void)
{
  g_autoptr(BoChart) chart = four_months ();
  g_autofree char *full = bo_chart_describe_point (chart, 0, 0);
  g_autofree char *half = bo_chart_describe_point (chart, 0, 2);
  g_autofree char *gap = bo_chart_describe_point (chart, 0, 3);

  g_assert_cmpstr (chart->title, ==, "Backorder Rate");
  g_assert_cmpstr (chart->caption, ==, bo_metrics_formula (BO_METRIC_ORDER_RATE));
  g_assert_cmpstr (full, ==, "2026-01: 100.0 % (4 of 4 orders)");
  g_assert_cmpstr (half, ==, "2026-03: 50.0 % (2 of 4 orders)");
  g_assert_cmpstr (gap, ==, "2026-04: no orders");
  /* The year shows under the first month only (and under a January). */
  g_assert_nonnull (strchr (bo_chart_get_point (chart, 0, 0)->tick_label, '\n'));
  g_assert_null (strchr (bo_chart_get_point (chart, 0, 1)->tick_label, '\n'));
}

/* ---- hit-testing ---------------------------------------------------------------- */

static BoChart *
grouped_chart (void)
{
  BoChart *chart = bo_chart_new (BO_CHART_CUSTOM, "Grouped", "");
  BoChartSeries *a = bo_chart_add_series (chart, "Rate", BO_CHART_UNIT_PERCENT, BO_CHART_BARS, 0);
  BoChartSeries *b = bo_chart_add_series (chart, "Days", BO_CHART_UNIT_DAYS, BO_CHART_BARS, 1);
  BoChartSeries *c = bo_chart_add_series (chart, "Trend", BO_CHART_UNIT_DAYS, BO_CHART_LINE, 1);

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *label = g_strdup_printf ("S%u", i);

      bo_chart_series_add_point (a, label, NULL, 10.0 * (i + 1), NULL);
      bo_chart_series_add_point (b, label, NULL, 0.5 * (6 - i), NULL);
      bo_chart_series_add_point (c, label, NULL, 7.0, NULL);
    }
  return chart;
}

static void
test_hit (void)
{
  g_autoptr(BoChart) chart = grouped_chart ();
  g_auto(Drawing) d = { 0 };
  BoChartRect plot, r;
  guint series, index;

  draw (&d, chart);
  bo_chart_layout_get_plot (d.layout, &plot);

  /* Two axes share their grid lines, each with round steps. */
  g_assert_cmpuint (bo_chart_layout_get_n_ticks (d.layout, 0), ==,
                    bo_chart_layout_get_n_ticks (d.layout, 1));
  g_assert_true (is_round (bo_chart_layout_get_tick (d.layout, 1, 1)));
  g_assert_cmpfloat (bo_chart_layout_get_tick (d.layout, 1,
                                               bo_chart_layout_get_n_ticks (d.layout, 1) - 1),
                     >=, 7.0);

  for (guint i = 0; i < 6; i++)
    for (guint s = 0; s < 2; s++)
      {
        /* Low in a bar, away from the line. */
        g_assert_true (bo_chart_layout_get_mark (d.layout, s, i, &r));
        g_assert_true (bo_chart_layout_hit (d.layout, r.x + r.width / 2, r.y + r.height - 1,
                                            &series, &index));
        g_assert_cmpuint (index, ==, i);
        if (fabs (r.y + r.height - 1 - bo_chart_layout_value_to_position (d.layout, 1, 7.0)) > 12)
          g_assert_cmpuint (series, ==, s);
      }

  /* On the line's point: the line. */
  g_assert_true (bo_chart_layout_get_mark (d.layout, 2, 3, &r));
  g_assert_true (bo_chart_layout_hit (d.layout, r.x + r.width / 2, r.y + r.height / 2, &series,
                                      &index));
  g_assert_cmpuint (series, ==, 2);
  g_assert_cmpuint (index, ==, 3);

  /* The band decides the category, anywhere in it. */
  g_assert_true (bo_chart_layout_hit (d.layout, plot.x + 0.5, plot.y + plot.height - 1, &series,
                                      &index));
  g_assert_cmpuint (index, ==, 0);
  g_assert_true (bo_chart_layout_hit (d.layout, plot.x + plot.width - 0.5, plot.y + plot.height - 1,
                                      &series, &index));
  g_assert_cmpuint (index, ==, 5);

  /* Outside the bands: nothing. */
  g_assert_false (bo_chart_layout_hit (d.layout, plot.x - 2, plot.y + 10, &series, &index));
  g_assert_false (bo_chart_layout_hit (d.layout, plot.x + plot.width + 1, plot.y + 10, &series,
                                       &index));
}

static void
test_hit_horizontal (void)
{
  g_autoptr(BoChart) chart = bo_chart_new (BO_CHART_TOP_PRODUCTS, "Top", "");
  BoChartSeries *s = bo_chart_add_series (chart, "Units", BO_CHART_UNIT_COUNT, BO_CHART_BARS, 0);
  g_auto(Drawing) d = { 0 };
  BoChartRect r, plot;
  guint series, index;

  chart->orientation = BO_CHART_HORIZONTAL;
  bo_chart_series_add_point (s, "A very long product name that will not fit", NULL, 40, NULL);
  bo_chart_series_add_point (s, "Mug", NULL, 12, NULL);
  bo_chart_series_add_point (s, "Cap", NULL, 0, NULL);
  draw (&d, chart);
  bo_chart_layout_get_plot (d.layout, &plot);

  /* Long names are cut, not drawn over the bars. */
  g_assert_cmpfloat (plot.x, <=, WIDTH * 0.4 + 20);
  g_assert_true (bo_chart_layout_get_mark (d.layout, 0, 1, &r));
  g_assert_cmpfloat_with_epsilon (r.x, plot.x, 1e-9);
  g_assert_true (is_blue (&d, r.x + r.width - 3, r.y + r.height / 2));
  g_assert_false (is_blue (&d, r.x + r.width + 3, r.y + r.height / 2));
  g_assert_true (bo_chart_layout_hit (d.layout, r.x + 2, r.y + r.height / 2, &series, &index));
  g_assert_cmpuint (index, ==, 1);
  g_assert_true (bo_chart_layout_hit (d.layout, plot.x + 5, plot.y + plot.height - 1, &series,
                                      &index));
  g_assert_cmpuint (index, ==, 2);
  g_assert_false (bo_chart_layout_hit (d.layout, plot.x + 5, plot.y + plot.height + 1, &series,
                                       &index));
}

/* ---- export ------------------------------------------------------------------------ */

static void
assert_magic (const char *path,
              const char *magic,
              gsize       offset)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, offset + strlen (magic));
  g_assert_true (memcmp (contents + offset, magic, strlen (magic)) == 0);
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

static void
test_export (void)
{
  g_autoptr(BoChart) chart = four_months ();
  g_autoptr(BoChart) empty = bo_chart_new (BO_CHART_CUSTOM, "Empty", "");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-chart-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "rate.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "rate.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "rate.PDF", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "rate.png", NULL);
  g_autofree char *empty_png = g_build_filename (dir, "empty.png", NULL);
  g_autofree char *svg_text = NULL;
  BoChartFormat format;

  g_assert_no_error (error);
  g_assert_true (bo_chart_format_from_path (png, &format));
  g_assert_cmpint (format, ==, BO_CHART_FORMAT_PNG);
  g_assert_true (bo_chart_format_from_path (pdf, &format));
  g_assert_cmpint (format, ==, BO_CHART_FORMAT_PDF);
  g_assert_false (bo_chart_format_from_path ("rate.gif", &format));

  g_assert_true (bo_chart_export (chart, NULL, png, BO_CHART_FORMAT_PNG, 640, 360, &error));
  g_assert_no_error (error);
  assert_magic (png, "\x89PNG\r\n\x1a\n", 0);
  g_assert_true (bo_chart_export (chart, NULL, svg, BO_CHART_FORMAT_SVG, 640, 360, &error));
  g_assert_no_error (error);
  g_file_get_contents (svg, &svg_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (svg_text, "<svg"));
  g_assert_true (bo_chart_export (chart, NULL, pdf, BO_CHART_FORMAT_PDF, 640, 360, &error));
  g_assert_no_error (error);
  assert_magic (pdf, "%PDF-", 0);
  g_assert_true (bo_chart_export (empty, NULL, empty_png, BO_CHART_FORMAT_PNG, 300, 200, &error));
  g_assert_no_error (error);

  /* A folder that does not exist: an error, no crash. */
  g_assert_false (bo_chart_export (chart, NULL, bad, BO_CHART_FORMAT_PNG, 640, 360, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  remove_tree (dir);
}

/* ---- from the store ---------------------------------------------------------------- */

static gint64
add_product (BoStore    *store,
             const char *sku,
             gint64      price,
             gint64      on_hand)
{
  g_autoptr(BoProduct) product = bo_product_new ();
  g_autoptr(GError) error = NULL;

  product->sku = g_strdup (sku);
  product->name = g_strdup_printf ("Product %s", sku);
  product->price = price;
  product->on_hand = on_hand;
  g_assert_true (bo_store_save_product (store, product, &error));
  g_assert_no_error (error);
  return product->id;
}

static gint64
place (BoStore    *store,
       gint64      customer_id,
       const char *sku,
       gint64      quantity,
       gint64     *line_id)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GError) error = NULL;

  draft->customer_id = customer_id;
  bo_order_draft_add_line (draft, sku, quantity, -1);
  g_assert_true (bo_store_place_order (store, draft, FALSE, &outcome, &error));
  g_assert_no_error (error);
  order = bo_store_get_order (store, outcome->order_id, &error);
  g_assert_no_error (error);
  *line_id = ((BoOrderLine *) g_ptr_array_index (order->lines, 0))->id;
  return outcome->order_id;
}

/* A, 10.00 with nothing on hand: ordered 3, then 2, all backordered (5
 * units, 2 lines, 50.00). B, 5.00 with 2 on hand: ordered 5, 3 backordered,
 * then 1 of those cancelled (2 units, 1 line, 10.00). C, 1 on hand: ordered
 * 1, allocated, nothing backordered. */
static void
test_store_top_products (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-chart-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "shop.db", NULL);
  g_autoptr(BoStore) store = bo_store_open (path, &error);
  g_autoptr(BoCustomer) customer = bo_customer_new ();
  g_autoptr(GArray) top = NULL;
  g_autoptr(GArray) first = NULL;
  g_autoptr(BoChart) chart = NULL;
  g_autoptr(BoChart) aging = NULL;
  g_autoptr(BoChart) suppliers = NULL;
  const BoProductBacklog *row;
  gint64 line, b_line;
  double units = 0;

  g_assert_no_error (error);
  customer->name = g_strdup ("Ada");
  g_assert_true (bo_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
  add_product (store, "A", 1000, 0);
  add_product (store, "B", 500, 2);
  add_product (store, "C", 700, 1);
  place (store, customer->id, "A", 3, &line);
  place (store, customer->id, "B", 5, &b_line);
  place (store, customer->id, "C", 1, &line);
  place (store, customer->id, "A", 2, &line);
  g_assert_true (bo_store_cancel_line (store, b_line, 1, 0, NULL, &error));
  g_assert_no_error (error);

  top = bo_store_top_backordered_products (store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (top->len, ==, 2);
  row = &g_array_index (top, BoProductBacklog, 0);
  g_assert_cmpstr (row->sku, ==, "A");
  g_assert_cmpstr (row->name, ==, "Product A");
  g_assert_cmpint (row->lines, ==, 2);
  g_assert_cmpint (row->units, ==, 5);
  g_assert_cmpint (row->value, ==, 5000);
  row = &g_array_index (top, BoProductBacklog, 1);
  g_assert_cmpstr (row->sku, ==, "B");
  g_assert_cmpint (row->lines, ==, 1);
  g_assert_cmpint (row->units, ==, 2);
  g_assert_cmpint (row->value, ==, 1000);

  first = bo_store_top_backordered_products (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpstr (g_array_index (first, BoProductBacklog, 0).sku, ==, "A");

  /* The chart says the same. */
  chart = bo_chart_new_top_products (store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpint (chart->orientation, ==, BO_CHART_HORIZONTAL);
  g_assert_cmpuint (bo_chart_get_n_categories (chart), ==, 2);
  g_assert_cmpfloat (bo_chart_get_point (chart, 0, 0)->value, ==, 5);
  g_assert_cmpfloat (bo_chart_get_point (chart, 0, 1)->value, ==, 2);
  g_assert_cmpstr (bo_chart_get_point (chart, 0, 0)->label, ==, "Product A (A)");
  g_assert_nonnull (strstr (bo_chart_get_point (chart, 0, 0)->detail, "50.00"));

  /* Everything was placed today: all 7 open units are 0–7 days old. */
  aging = bo_chart_new_aging (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bo_chart_get_n_categories (aging), ==, BO_AGE_N_BUCKETS);
  for (guint i = 0; i < BO_AGE_N_BUCKETS; i++)
    units += bo_chart_get_point (aging, 0, i)->value;
  g_assert_cmpfloat (units, ==, 7);
  g_assert_cmpfloat (bo_chart_get_point (aging, 0, 0)->value, ==, 7);

  /* No purchase order received yet: the supplier chart is empty. */
  suppliers = bo_chart_new_suppliers (store, &error);
  g_assert_no_error (error);
  g_assert_true (bo_chart_is_empty (suppliers));

  g_clear_object (&store);
  remove_tree (dir);
}

/* ---- backorders-cli chart ------------------------------------------------------ */

static int
run_cli (const char  *dir,
         char       **out,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("BO_CLI"));
  va_start (args, out);
  for (const char *arg = va_arg (args, const char *); arg != NULL;
       arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_test_message ("stderr: %s", err);
  return g_subprocess_get_exit_status (process);
}

static void
test_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  const struct { const char *kind, *file, *magic; } charts[] = {
    { "rate", "rate.png", "\x89PNG" },
    { "backlog", "backlog.svg", "<?xml" },
    { "aging", "aging.pdf", "%PDF-" },
    { "suppliers", "suppliers.png", "\x89PNG" },
    { "top-products", "top.pdf", "%PDF-" },
  };

  if (g_getenv ("BO_CLI") == NULL)
    {
      g_test_skip ("BO_CLI is not set; the build sets it to the backorders-cli binary");
      return;
    }
  dir = g_dir_make_tmp ("test-chart-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "shop.db", NULL);
  g_assert_cmpint (run_cli (dir, NULL, "--database", db, "demo", "--scale", "small", NULL), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autofree char *file = g_build_filename (dir, charts[i].file, NULL);
      g_autofree char *out = NULL;

      g_assert_cmpint (run_cli (dir, &out, "--database", db, "chart", charts[i].kind, "-o", file,
                                NULL), ==, 0);
      g_assert_nonnull (strstr (out, file));
      assert_magic (file, charts[i].magic, 0);
    }

  /* Periods, measures and sizes. */
  {
    g_autofree char *file = g_build_filename (dir, "quarters.png", NULL);
    g_autofree char *out = NULL;

    g_assert_cmpint (run_cli (dir, &out, "--database", db, "--json", "chart", "rate", "--by",
                              "quarter", "--measure", "units", "--width", "400", "--height",
                              "300", "-o", file, NULL), ==, 0);
    assert_magic (file, "\x89PNG", 0);
    g_assert_nonnull (strstr (out, "\"chart\" : \"rate\""));
    g_assert_nonnull (strstr (out, "Unit Backorder Rate"));
  }

  /* Usage errors: exit 2, nothing written. */
  {
    g_autofree char *gif = g_build_filename (dir, "rate.gif", NULL);
    g_autofree char *png = g_build_filename (dir, "x.png", NULL);

    g_assert_cmpint (run_cli (dir, NULL, "--database", db, "chart", "rate", "-o", gif, NULL), ==,
                     2);
    g_assert_false (g_file_test (gif, G_FILE_TEST_EXISTS));
    g_assert_cmpint (run_cli (dir, NULL, "--database", db, "chart", "aging", "--by", "month",
                              "-o", png, NULL), ==, 2);
    g_assert_cmpint (run_cli (dir, NULL, "--database", db, "chart", "rate", "--measure", "boxes",
                              "-o", png, NULL), ==, 2);
    g_assert_cmpint (run_cli (dir, NULL, "--database", db, "chart", "rate", "--width", "5", "-o",
                              png, NULL), ==, 2);
    g_assert_cmpint (run_cli (dir, NULL, "--database", db, "chart", "rate", NULL), ==, 2);
    g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  }

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/nice-scale", test_nice_scale);
  g_test_add_func ("/chart/tick-labels", test_tick_labels);
  g_test_add_func ("/chart/render/bars", test_render_bars);
  g_test_add_func ("/chart/render/empty", test_render_empty);
  g_test_add_func ("/chart/render/single-point", test_render_single_point);
  g_test_add_func ("/chart/describe", test_describe);
  g_test_add_func ("/chart/hit", test_hit);
  g_test_add_func ("/chart/hit-horizontal", test_hit_horizontal);
  g_test_add_func ("/chart/export", test_export);
  g_test_add_func ("/chart/store/top-products", test_store_top_products);
  g_test_add_func ("/chart/cli", test_cli);
  return g_test_run ();
}
