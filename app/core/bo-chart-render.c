/* bo-chart-render.c — drawing a laid-out chart on any cairo context, and export to PNG, SVG, PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same code draws in the window (a GTK widget hands over the cairo
 * context of its snapshot) and into files; colours come in as a palette so
 * that light and dark styles both work.
 */
#define G_LOG_DOMAIN "bo-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "backorders/bo-error.h"
#include "backorders/bo-output-file.h"
#include "bo-chart-private.h"

#define EXPORT_FONT   "Cantarell, DejaVu Sans, Sans 10"
#define EXPORT_MARGIN 20.0
#define BAR_RADIUS    3.0

/* ---- colours ---------------------------------------------------------------- */

static BoChartColor
rgba (guint  hex,
      double alpha)
{
  BoChartColor c = { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                     (hex & 0xff) / 255.0, alpha };
  return c;
}

/**
 * bo_chart_palette_init:
 * @dark: the dark style
 *
 * Fills @palette with the GNOME palette's colours for the light or dark
 * style, on the background of a card.
 */
void
bo_chart_palette_init (BoChartPalette *palette,
                       gboolean        dark)
{
  g_return_if_fail (palette != NULL);

  if (dark)
    {
      palette->background = rgba (0x303030, 1.0);
      palette->text = rgba (0xffffff, 1.0);
      palette->dim_text = rgba (0xffffff, 0.6);
      palette->grid = rgba (0xffffff, 0.1);
      palette->axis = rgba (0xffffff, 0.4);
      palette->series[0] = rgba (0x62a0ea, 1.0);  /* blue 2 */
      palette->series[1] = rgba (0xffa348, 1.0);  /* orange 2 */
      palette->series[2] = rgba (0x57e389, 1.0);  /* green 2 */
      palette->series[3] = rgba (0xc061cb, 1.0);  /* purple 2 */
      palette->highlight = rgba (0x78aeed, 1.0);  /* the dark accent */
    }
  else
    {
      palette->background = rgba (0xffffff, 1.0);
      palette->text = rgba (0x000000, 0.8);
      palette->dim_text = rgba (0x000000, 0.55);
      palette->grid = rgba (0x000000, 0.08);
      palette->axis = rgba (0x000000, 0.35);
      palette->series[0] = rgba (0x3584e4, 1.0);  /* blue 3 */
      palette->series[1] = rgba (0xe66100, 1.0);  /* orange 5 */
      palette->series[2] = rgba (0x26a269, 1.0);  /* green 5 */
      palette->series[3] = rgba (0x9141ac, 1.0);  /* purple 3 */
      palette->highlight = rgba (0x1c71d8, 1.0);  /* the light accent */
    }
}

static void
set_colour (cairo_t            *cr,
            const BoChartColor *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

/* @colour mixed with white (@amount > 0) or black (< 0). */
static BoChartColor
tint (const BoChartColor *colour,
      double              amount)
{
  BoChartColor c = *colour;
  double target = amount > 0 ? 1.0 : 0.0;

  amount = fabs (amount);
  c.red += (target - c.red) * amount;
  c.green += (target - c.green) * amount;
  c.blue += (target - c.blue) * amount;
  return c;
}

/* ---- pieces ------------------------------------------------------------------- */

static void
show_text (cairo_t            *cr,
           PangoLayout        *text,
           double              x,
           double              y,
           const BoChartColor *colour)
{
  cairo_save (cr);
  set_colour (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text);
  cairo_restore (cr);
}

/* Crisp one-pixel lines: on the pixel grid's centres. */
static double
snap (double coordinate)
{
  return floor (coordinate) + 0.5;
}

static guint
series_axis (const BoChartLayout *layout,
             guint                series)
{
  guint axis = bo_chart_get_series (layout->chart, series)->axis;

  return layout->axes[axis].used ? axis : 0;
}

static BoChartUnit
axis_unit (const BoChartLayout *layout,
           guint                axis)
{
  for (guint s = 0; s < layout->chart->series->len; s++)
    if (series_axis (layout, s) == axis)
      return bo_chart_get_series (layout->chart, s)->unit;
  return BO_CHART_UNIT_COUNT;
}

/* With two value axes, each one's labels take the colour of its series. */
static const BoChartColor *
axis_label_colour (const BoChartLayout  *layout,
                   const BoChartPalette *palette,
                   guint                 axis)
{
  if (!layout->axes[1].used)
    return &palette->dim_text;
  for (guint s = 0; s < layout->chart->series->len; s++)
    if (series_axis (layout, s) == axis)
      return &palette->series[s];
  return &palette->dim_text;
}

static void
draw_empty (const BoChartLayout  *layout,
            cairo_t              *cr,
            const BoChartPalette *palette)
{
  g_autoptr(PangoLayout) text = _bo_chart_text_layout (layout, layout->chart->empty_text, FALSE);
  double w, h;

  pango_layout_set_width (text, (int) (MAX (layout->width - 2 * BO_CHART_PAD, 1) * PANGO_SCALE));
  pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
  _bo_chart_text_size (text, NULL, &h);
  w = MAX (layout->width - 2 * BO_CHART_PAD, 1);
  show_text (cr, text, (layout->width - w) / 2, (layout->height - h) / 2, &palette->dim_text);
}

static void
draw_grid (const BoChartLayout  *layout,
           cairo_t              *cr,
           const BoChartPalette *palette)
{
  gboolean vertical = _bo_chart_is_vertical (layout);
  guint n_ticks = bo_chart_layout_get_n_ticks (layout, 0);

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  for (guint t = 0; t < n_ticks; t++)
    {
      double value = bo_chart_layout_get_tick (layout, 0, t);
      double pos = snap (bo_chart_layout_value_to_position (layout, 0, value));

      set_colour (cr, t == 0 ? &palette->axis : &palette->grid);
      if (vertical)
        {
          cairo_move_to (cr, layout->plot_x, pos);
          cairo_line_to (cr, layout->plot_x + layout->plot_width, pos);
        }
      else
        {
          cairo_move_to (cr, pos, layout->plot_y);
          cairo_line_to (cr, pos, layout->plot_y + layout->plot_height);
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_value_labels (const BoChartLayout  *layout,
                   cairo_t              *cr,
                   const BoChartPalette *palette)
{
  gboolean vertical = _bo_chart_is_vertical (layout);

  for (guint a = 0; a < 2; a++)
    {
      BoChartUnit unit = axis_unit (layout, a);
      const BoChartColor *colour = axis_label_colour (layout, palette, a);
      guint n_ticks = bo_chart_layout_get_n_ticks (layout, a);

      for (guint t = 0; t < n_ticks; t++)
        {
          double value = bo_chart_layout_get_tick (layout, a, t);
          double pos = bo_chart_layout_value_to_position (layout, a, value);
          g_autofree char *label = bo_chart_format_tick (layout->chart, unit, value,
                                                         layout->axes[a].step);
          g_autoptr(PangoLayout) text = _bo_chart_text_layout (layout, label, TRUE);
          double w, h, x, y;

          _bo_chart_text_size (text, &w, &h);
          if (vertical)
            {
              x = a == 0 ? layout->plot_x - BO_CHART_TICK_GAP - w
                         : layout->plot_x + layout->plot_width + BO_CHART_TICK_GAP;
              y = pos - h / 2;
            }
          else
            {
              x = pos - w / 2;
              y = layout->plot_y + layout->plot_height + BO_CHART_TICK_GAP;
            }
          show_text (cr, text, x, y, colour);
        }
    }
}

static void
draw_category_labels (const BoChartLayout  *layout,
                      cairo_t              *cr,
                      const BoChartPalette *palette)
{
  gboolean vertical = _bo_chart_is_vertical (layout);
  guint n = layout->n_categories;

  for (guint i = 0; i < n; i++)
    {
      const BoChartPoint *point;
      g_autoptr(PangoLayout) text = NULL;
      double center = bo_chart_layout_category_center (layout, i);
      double w, h;

      if ((n - 1 - i) % layout->label_stride != 0)
        continue;
      point = bo_chart_get_point (layout->chart, 0, i);
      text = _bo_chart_text_layout (layout, point->tick_label, TRUE);
      if (vertical)
        {
          pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
          if (layout->wrap_labels)
            {
              double room = MAX (layout->band * layout->label_stride - 4, 8);

              pango_layout_set_width (text, (int) (room * PANGO_SCALE));
              pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
              pango_layout_set_height (text, -2);
              pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
              show_text (cr, text, center - room / 2,
                         layout->plot_y + layout->plot_height + BO_CHART_TICK_GAP,
                         &palette->dim_text);
              continue;
            }
          _bo_chart_text_size (text, &w, &h);
          show_text (cr, text, center - w / 2,
                     layout->plot_y + layout->plot_height + BO_CHART_TICK_GAP, &palette->dim_text);
        }
      else
        {
          pango_layout_set_width (text, (int) (MAX (layout->category_extent, 8) * PANGO_SCALE));
          pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
          pango_layout_set_alignment (text, PANGO_ALIGN_RIGHT);
          _bo_chart_text_size (text, &w, &h);
          show_text (cr, text, layout->plot_x - BO_CHART_TICK_GAP - layout->category_extent,
                     center - h / 2, &palette->text);
        }
    }
}

static void
draw_legend (const BoChartLayout  *layout,
             cairo_t              *cr,
             const BoChartPalette *palette)
{
  const BoChart *chart = layout->chart;
  double middle = layout->legend_y + layout->legend_height / 2;

  for (guint s = 0; s < chart->series->len; s++)
    {
      const BoChartSeries *series = bo_chart_get_series (chart, s);
      g_autoptr(PangoLayout) text = _bo_chart_text_layout (layout, series->name, TRUE);
      double x = layout->legend_x[s], h;

      cairo_save (cr);
      set_colour (cr, &palette->series[s]);
      if (series->mark == BO_CHART_LINE)
        {
          cairo_set_line_width (cr, 2.0);
          cairo_move_to (cr, x, middle);
          cairo_line_to (cr, x + BO_CHART_LEGEND_SWATCH, middle);
          cairo_stroke (cr);
          cairo_arc (cr, x + BO_CHART_LEGEND_SWATCH / 2, middle, 3.0, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      else
        {
          cairo_rectangle (cr, x, middle - BO_CHART_LEGEND_SWATCH / 2, BO_CHART_LEGEND_SWATCH,
                           BO_CHART_LEGEND_SWATCH);
          cairo_fill (cr);
        }
      cairo_restore (cr);
      _bo_chart_text_size (text, NULL, &h);
      show_text (cr, text, x + BO_CHART_LEGEND_SWATCH + 6, middle - h / 2, &palette->text);
    }
}

/* A bar with its far corners rounded. */
static void
bar_path (cairo_t           *cr,
          const BoChartRect *r,
          gboolean           vertical)
{
  double radius = MIN (BAR_RADIUS, MIN (r->width, r->height) / 2);

  if (radius < 0.5)
    {
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      return;
    }
  cairo_new_sub_path (cr);
  if (vertical)
    {
      cairo_move_to (cr, r->x, r->y + r->height);
      cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 1.5 * G_PI);
      cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, 1.5 * G_PI, 2 * G_PI);
      cairo_line_to (cr, r->x + r->width, r->y + r->height);
    }
  else
    {
      cairo_move_to (cr, r->x, r->y);
      cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, 1.5 * G_PI, 2 * G_PI);
      cairo_arc (cr, r->x + r->width - radius, r->y + r->height - radius, radius, 0, 0.5 * G_PI);
      cairo_line_to (cr, r->x, r->y + r->height);
    }
  cairo_close_path (cr);
}

static void
draw_bars (const BoChartLayout  *layout,
           cairo_t              *cr,
           const BoChartPalette *palette,
           guint                 series)
{
  gboolean vertical = _bo_chart_is_vertical (layout);

  cairo_save (cr);
  set_colour (cr, &palette->series[series]);
  for (guint i = 0; i < layout->n_categories; i++)
    {
      BoChartRect r;

      if (bo_chart_layout_get_mark (layout, series, i, &r) &&
          (vertical ? r.height : r.width) > 0.01)
        bar_path (cr, &r, vertical);
    }
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
mark_center (const BoChartRect *r,
             double            *x,
             double            *y)
{
  *x = r->x + r->width / 2;
  *y = r->y + r->height / 2;
}

static void
draw_line (const BoChartLayout  *layout,
           cairo_t              *cr,
           const BoChartPalette *palette,
           guint                 series)
{
  gboolean drawing = FALSE;

  cairo_save (cr);
  set_colour (cr, &palette->series[series]);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < layout->n_categories; i++)
    {
      BoChartRect r;
      double x, y;

      /* A gap breaks the line. */
      if (!bo_chart_layout_get_mark (layout, series, i, &r))
        {
          drawing = FALSE;
          continue;
        }
      mark_center (&r, &x, &y);
      if (drawing)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      drawing = TRUE;
    }
  cairo_stroke (cr);
  for (guint i = 0; i < layout->n_categories; i++)
    {
      BoChartRect r;
      double x, y;

      if (!bo_chart_layout_get_mark (layout, series, i, &r))
        continue;
      mark_center (&r, &x, &y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, 3.0, 0, 2 * G_PI);
    }
  cairo_fill (cr);
  cairo_restore (cr);
}

/**
 * bo_chart_render:
 * @layers: which parts to draw
 *
 * Draws @layout's chart on @cr with its top left corner at the origin of
 * the user space.
 */
void
bo_chart_render (const BoChartLayout  *layout,
                 cairo_t              *cr,
                 const BoChartPalette *palette,
                 BoChartLayers         layers)
{
  const BoChart *chart;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);

  chart = layout->chart;
  cairo_save (cr);
  if ((layers & BO_CHART_LAYER_BACKGROUND) && palette->background.alpha > 0)
    {
      set_colour (cr, &palette->background);
      cairo_rectangle (cr, 0, 0, layout->width, layout->height);
      cairo_fill (cr);
    }
  if (layout->empty)
    {
      if (layers & BO_CHART_LAYER_AXES)
        draw_empty (layout, cr, palette);
      cairo_restore (cr);
      return;
    }
  if (layers & BO_CHART_LAYER_AXES)
    {
      draw_grid (layout, cr, palette);
      draw_value_labels (layout, cr, palette);
      draw_category_labels (layout, cr, palette);
      if (layout->legend)
        draw_legend (layout, cr, palette);
    }
  if (layers & BO_CHART_LAYER_MARKS)
    {
      /* Bars first, lines over them. */
      for (guint s = 0; s < chart->series->len; s++)
        if (layout->bar_slot[s] >= 0)
          draw_bars (layout, cr, palette, s);
      for (guint s = 0; s < chart->series->len; s++)
        if (layout->bar_slot[s] < 0)
          draw_line (layout, cr, palette, s);
    }
  cairo_restore (cr);
}

/* The value of the highlighted mark, written beside it. */
static void
draw_callout (const BoChartLayout  *layout,
              cairo_t              *cr,
              const BoChartPalette *palette,
              guint                 series,
              guint                 index,
              const BoChartRect    *mark)
{
  const BoChartPoint *point = bo_chart_get_point (layout->chart, series, index);
  g_autofree char *value = bo_chart_format_value (layout->chart, series, point->value);
  g_autoptr(PangoLayout) text = _bo_chart_text_layout (layout, value, TRUE);
  PangoAttrList *attrs = pango_attr_list_new ();
  double w, h, x, y;

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (text, attrs);
  pango_attr_list_unref (attrs);
  _bo_chart_text_size (text, &w, &h);

  if (_bo_chart_is_vertical (layout))
    {
      x = mark->x + mark->width / 2 - w / 2;
      y = mark->y - h - 2;
      if (y < 0)
        y = mark->y + 2;
      x = CLAMP (x, 0, MAX (layout->width - w, 0));
    }
  else
    {
      x = mark->x + mark->width + 4;
      y = mark->y + mark->height / 2 - h / 2;
      if (x + w > layout->width)
        x = mark->x + mark->width - w - 4;
    }
  /* A backing so that the number stays readable over grid lines. */
  cairo_save (cr);
  set_colour (cr, &palette->background);
  if (palette->background.alpha <= 0)
    cairo_set_source_rgba (cr, 0, 0, 0, 0);
  cairo_rectangle (cr, x - 2, y, w + 4, h);
  cairo_fill (cr);
  cairo_restore (cr);
  show_text (cr, text, x, y, &palette->text);
}

/**
 * bo_chart_render_highlight:
 * @series: the highlighted point's series
 * @index: its category
 * @focus_ring: also draw the keyboard focus ring
 *
 * Draws the highlight of one point over a chart drawn by
 * bo_chart_render(): its category's band, the mark in a lighter colour,
 * its value beside it.
 */
void
bo_chart_render_highlight (const BoChartLayout  *layout,
                           cairo_t              *cr,
                           const BoChartPalette *palette,
                           guint                 series,
                           guint                 index,
                           gboolean              focus_ring)
{
  gboolean vertical;
  BoChartRect mark;
  BoChartColor lighter;
  double center;

  g_return_if_fail (layout != NULL && cr != NULL && palette != NULL);

  if (layout->empty || series >= layout->chart->series->len || index >= layout->n_categories)
    return;
  vertical = _bo_chart_is_vertical (layout);
  center = bo_chart_layout_category_center (layout, index);

  cairo_save (cr);
  /* The category's band, faintly. */
  set_colour (cr, &palette->grid);
  if (vertical)
    cairo_rectangle (cr, center - layout->band / 2, layout->plot_y, layout->band,
                     layout->plot_height);
  else
    cairo_rectangle (cr, layout->plot_x, center - layout->band / 2, layout->plot_width,
                     layout->band);
  cairo_fill (cr);

  if (!bo_chart_layout_get_mark (layout, series, index, &mark))
    {
      /* A gap: the band alone shows where the focus is. */
      if (focus_ring)
        {
          set_colour (cr, &palette->highlight);
          cairo_set_line_width (cr, 2.0);
          if (vertical)
            cairo_rectangle (cr, center - layout->band / 2 + 1, layout->plot_y + 1,
                             layout->band - 2, layout->plot_height - 2);
          else
            cairo_rectangle (cr, layout->plot_x + 1, center - layout->band / 2 + 1,
                             layout->plot_width - 2, layout->band - 2);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
      return;
    }

  lighter = tint (&palette->series[series], palette->text.red > 0.5 ? 0.25 : -0.15);
  if (layout->bar_slot[series] >= 0)
    {
      set_colour (cr, &lighter);
      if ((vertical ? mark.height : mark.width) > 0.01)
        {
          bar_path (cr, &mark, vertical);
          cairo_fill (cr);
        }
      if (focus_ring)
        {
          BoChartRect ring = { mark.x - 2, mark.y - 2, mark.width + 4, mark.height + 4 };

          if (vertical && ring.height < 4)
            ring.y = mark.y - 4, ring.height = 6;
          set_colour (cr, &palette->highlight);
          cairo_set_line_width (cr, 2.0);
          cairo_rectangle (cr, ring.x, ring.y, ring.width, ring.height);
          cairo_stroke (cr);
        }
    }
  else
    {
      double x, y;

      mark_center (&mark, &x, &y);
      set_colour (cr, &palette->series[series]);
      cairo_arc (cr, x, y, 5.0, 0, 2 * G_PI);
      cairo_fill (cr);
      set_colour (cr, focus_ring ? &palette->highlight : &lighter);
      cairo_set_line_width (cr, 2.0);
      cairo_arc (cr, x, y, 8.0, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  draw_callout (layout, cr, palette, series, index, &mark);
  cairo_restore (cr);
}

/* ---- export ------------------------------------------------------------------ */

/**
 * bo_chart_format_from_path:
 * @format: (out): PNG, SVG or PDF, from the file name's extension
 *
 * Returns: %FALSE for any other extension
 */
gboolean
bo_chart_format_from_path (const char    *path,
                           BoChartFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = BO_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = BO_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = BO_CHART_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The whole document: title, chart, and the formula under it. */
static void
draw_document (BoChart              *chart,
               cairo_t              *cr,
               const BoChartPalette *palette,
               double                width,
               double                height,
               double                resolution)
{
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (EXPORT_FONT);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) caption = NULL;
  g_autoptr(BoChartLayout) layout = NULL;
  PangoAttrList *attrs;
  double inner = MAX (width - 2 * EXPORT_MARGIN, 1);
  double title_h, caption_h, top, chart_h;

  pango_cairo_context_set_resolution (context, resolution);
  pango_context_set_font_description (context, font);

  if (palette->background.alpha > 0)
    {
      set_colour (cr, &palette->background);
      cairo_paint (cr);
    }

  title = pango_layout_new (context);
  pango_layout_set_text (title, chart->title, -1);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (1.2));
  pango_layout_set_attributes (title, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (title, (int) (inner * PANGO_SCALE));
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  _bo_chart_text_size (title, NULL, &title_h);

  caption = pango_layout_new (context);
  pango_layout_set_text (caption, chart->caption, -1);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  pango_layout_set_attributes (caption, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (caption, (int) (inner * PANGO_SCALE));
  pango_layout_set_wrap (caption, PANGO_WRAP_WORD_CHAR);
  _bo_chart_text_size (caption, NULL, &caption_h);

  show_text (cr, title, EXPORT_MARGIN, EXPORT_MARGIN, &palette->text);
  top = EXPORT_MARGIN + title_h + 12;
  chart_h = MAX (height - top - caption_h - 12 - EXPORT_MARGIN, 20);
  show_text (cr, caption, EXPORT_MARGIN, top + chart_h + 12, &palette->dim_text);

  layout = bo_chart_layout_new (chart, context, inner, chart_h);
  cairo_save (cr);
  cairo_translate (cr, EXPORT_MARGIN, top);
  bo_chart_render (layout, cr, palette, BO_CHART_LAYER_AXES | BO_CHART_LAYER_MARKS);
  cairo_restore (cr);
  g_object_unref (context);
}

/**
 * bo_chart_export:
 * @palette: (nullable): the colours, %NULL for the light style on white
 * @path: the file to write; it is replaced only once the picture is whole
 * @width: pixels for PNG, points for SVG and PDF
 * @height: the same
 *
 * Writes the chart with its title above and its formula below.
 */
gboolean
bo_chart_export (BoChart               *chart,
                 const BoChartPalette  *palette,
                 const char            *path,
                 BoChartFormat          format,
                 double                 width,
                 double                 height,
                 GError               **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  BoChartPalette light;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width >= 1 && height >= 1, FALSE);

  if (palette == NULL)
    {
      bo_chart_palette_init (&light, FALSE);
      palette = &light;
    }

  switch (format)
    {
    case BO_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes_cb, bytes, width, height);
      break;
    case BO_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, chart->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Backorders");
      break;
    case BO_CHART_FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width),
                                            (int) ceil (height));
      break;
    }

  cr = cairo_create (surface);
  /* Vector formats are in points: 10 pt text is 10 units high. */
  draw_document (chart, cr, palette, width, height, format == BO_CHART_FORMAT_PNG ? 96.0 : 72.0);
  if (format == BO_CHART_FORMAT_PDF)
    cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == BO_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("Cannot draw the chart “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return bo_output_file_write_bytes (path, BO_OUTPUT_FILE_NONE, bytes->data, bytes->len, error);
}
