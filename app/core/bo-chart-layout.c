/* bo-chart-layout.c — where everything of a chart goes: axes with round ticks, bars, legend, hits
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A layout is computed once per chart and size; drawing and hit-testing
 * read it. Categories sit in equal bands, so the category under a point is
 * one division away (O(1)).
 */
#define G_LOG_DOMAIN "bo-chart"

#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "bo-chart-private.h"

/* Round steps: 1, 2, 2.5 and 5 times a power of ten. */
static const double nice_steps[] = { 1.0, 2.0, 2.5, 5.0, 10.0 };

/* ---- text --------------------------------------------------------------------- */

PangoLayout *
_bo_chart_text_layout (const BoChartLayout *layout,
                       const char          *text,
                       gboolean             small)
{
  PangoLayout *text_layout = pango_layout_new (layout->context);

  if (small)
    pango_layout_set_font_description (text_layout, layout->label_font);
  pango_layout_set_text (text_layout, text, -1);
  return text_layout;
}

void
_bo_chart_text_size (PangoLayout *text,
                     double      *width,
                     double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (text, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

gboolean
_bo_chart_is_vertical (const BoChartLayout *layout)
{
  return layout->chart->orientation == BO_CHART_VERTICAL;
}

static double
line_height (const BoChartLayout *layout)
{
  g_autoptr(PangoLayout) text = _bo_chart_text_layout (layout, "0", TRUE);
  double height;

  _bo_chart_text_size (text, NULL, &height);
  return height;
}

/* ---- scales --------------------------------------------------------------------- */

static gboolean
pick_step (double    raw,
           gboolean  integer,
           double   *step)
{
  double magnitude = pow (10, floor (log10 (raw)));

  for (guint i = 0; i < G_N_ELEMENTS (nice_steps); i++)
    {
      double candidate = nice_steps[i] * magnitude;

      if (integer && (candidate < 1.0 || fabs (candidate - round (candidate)) > 1e-9))
        continue;
      if (candidate >= raw * (1 - 1e-9))
        {
          *step = candidate;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * bo_chart_nice_scale:
 * @max: the largest value to show, > 0
 * @target_steps: about how many steps the axis should have
 * @integer: steps must be whole numbers (counts)
 * @top: (out): the axis' end, a whole number of steps, ≥ @max
 * @step: (out): 1, 2, 2.5 or 5 × 10ⁿ
 * @n_steps: (out): @top ÷ @step
 */
void
bo_chart_nice_scale (double    max,
                     guint     target_steps,
                     gboolean  integer,
                     double   *top,
                     double   *step,
                     guint    *n_steps)
{
  double raw;

  if (!(max > 0) || !isfinite (max))
    max = 1.0;
  target_steps = MAX (target_steps, 1);
  raw = max / target_steps;
  if (!pick_step (raw, integer, step) && !pick_step (raw * 10, integer, step))
    *step = integer ? MAX (1.0, ceil (raw)) : raw;
  *n_steps = MAX (1, (guint) ceil (max / *step - 1e-9));
  *top = *n_steps * *step;
}

/* The second value axis shares the first one's grid lines: same number of
 * steps, its own round step. */
static void
nice_scale_for_steps (double    max,
                      guint     n_steps,
                      gboolean  integer,
                      double   *top,
                      double   *step)
{
  double raw;

  if (!(max > 0) || !isfinite (max))
    max = 1.0;
  raw = max / n_steps;
  if (!pick_step (raw, integer, step) && !pick_step (raw * 10, integer, step))
    *step = integer ? MAX (1.0, ceil (raw)) : raw;
  *top = n_steps * *step;
}

/* An axis of all zeros still has a sensible range. */
static double
axis_floor (BoChartUnit unit)
{
  switch (unit)
    {
    case BO_CHART_UNIT_PERCENT:
      return 10.0;
    case BO_CHART_UNIT_MONEY:
      return 100.0;
    case BO_CHART_UNIT_COUNT:
    case BO_CHART_UNIT_DAYS:
    default:
      return 5.0;
    }
}

static double
axis_max (const BoChart *chart,
          guint          axis,
          BoChartUnit   *unit)
{
  guint n = bo_chart_get_n_categories (chart);
  double max = 0.0;

  for (guint s = 0; s < chart->series->len; s++)
    {
      const BoChartSeries *series = bo_chart_get_series (chart, s);

      if (series->axis != axis)
        continue;
      *unit = series->unit;
      for (guint i = 0; i < n; i++)
        {
          const BoChartPoint *point = &g_array_index (series->points, BoChartPoint, i);
          if (point->defined)
            max = MAX (max, point->value);
        }
    }
  return max > 0 ? max : axis_floor (*unit);
}

static double
tick_label_extent (const BoChartLayout *layout,
                   guint                axis,
                   BoChartUnit          unit,
                   gboolean             horizontal_extent)
{
  const BoChartAxis *a = &layout->axes[axis];
  double extent = 0;

  for (guint t = 0; t <= a->n_steps; t++)
    {
      g_autofree char *text = bo_chart_format_tick (layout->chart, unit, t * a->step, a->step);
      g_autoptr(PangoLayout) label = _bo_chart_text_layout (layout, text, TRUE);
      double w, h;

      _bo_chart_text_size (label, &w, &h);
      extent = MAX (extent, horizontal_extent ? w : h);
    }
  return extent;
}

static gboolean
unit_is_integer (BoChartUnit unit)
{
  return unit == BO_CHART_UNIT_COUNT;
}

static void
compute_scales (BoChartLayout *layout,
                double         length,
                double         spacing)
{
  const BoChart *chart = layout->chart;
  BoChartUnit units[2] = { BO_CHART_UNIT_COUNT, BO_CHART_UNIT_COUNT };
  double max[2];
  guint target = (guint) CLAMP (length / spacing, 2, 6);

  for (guint a = 0; a < 2; a++)
    {
      layout->axes[a].used = FALSE;
      for (guint s = 0; s < chart->series->len; s++)
        if (bo_chart_get_series (chart, s)->axis == a)
          layout->axes[a].used = TRUE;
      max[a] = layout->axes[a].used ? axis_max (chart, a, &units[a]) : 0;
    }
  if (!layout->axes[0].used)
    {
      /* Everything is on the right axis: move it left. */
      layout->axes[0] = layout->axes[1];
      max[0] = max[1];
      units[0] = units[1];
      layout->axes[1].used = FALSE;
    }

  bo_chart_nice_scale (max[0], target, unit_is_integer (units[0]), &layout->axes[0].top,
                       &layout->axes[0].step, &layout->axes[0].n_steps);
  if (layout->axes[1].used)
    {
      layout->axes[1].n_steps = layout->axes[0].n_steps;
      nice_scale_for_steps (max[1], layout->axes[1].n_steps, unit_is_integer (units[1]),
                            &layout->axes[1].top, &layout->axes[1].step);
    }
  for (guint a = 0; a < 2; a++)
    if (layout->axes[a].used)
      layout->axes[a].label_extent =
        tick_label_extent (layout, a, units[a], _bo_chart_is_vertical (layout));
}

/* ---- categories ----------------------------------------------------------------- */

/* The widest and tallest category label, as written (line breaks kept). */
static void
category_label_size (const BoChartLayout *layout,
                     double              *width,
                     double              *height,
                     gboolean            *has_breaks)
{
  guint n = bo_chart_get_n_categories (layout->chart);

  *width = *height = 0;
  *has_breaks = FALSE;
  for (guint i = 0; i < n; i++)
    {
      const BoChartPoint *point = bo_chart_get_point (layout->chart, 0, i);
      g_autoptr(PangoLayout) label = _bo_chart_text_layout (layout, point->tick_label, TRUE);
      double w, h;

      if (strchr (point->tick_label, '\n') != NULL)
        *has_breaks = TRUE;

      _bo_chart_text_size (label, &w, &h);
      *width = MAX (*width, w);
      *height = MAX (*height, h);
    }
}

static void
compute_bars (BoChartLayout *layout)
{
  const BoChart *chart = layout->chart;
  double gap = 2.0, max_bar;

  layout->n_bar_series = 0;
  for (guint s = 0; s < chart->series->len; s++)
    {
      if (bo_chart_get_series (chart, s)->mark == BO_CHART_BARS)
        layout->bar_slot[s] = (gint) layout->n_bar_series++;
      else
        layout->bar_slot[s] = -1;
    }
  if (layout->n_bar_series == 0)
    return;
  max_bar = _bo_chart_is_vertical (layout) ? BO_CHART_MAX_BAR : BO_CHART_MAX_HBAR;
  layout->group_width = MIN (layout->band * 0.7,
                             max_bar * layout->n_bar_series + gap * (layout->n_bar_series - 1));
  layout->bar_width = MAX (1.0, (layout->group_width - gap * (layout->n_bar_series - 1))
                                  / layout->n_bar_series);
}

static void
compute_legend (BoChartLayout *layout)
{
  const BoChart *chart = layout->chart;
  double x = layout->plot_x + layout->plot_width;

  for (gint s = (gint) chart->series->len - 1; s >= 0; s--)
    {
      const char *text = bo_chart_get_series (chart, s)->name;
      g_autoptr(PangoLayout) name = _bo_chart_text_layout (layout, text, TRUE);
      double w;

      _bo_chart_text_size (name, &w, NULL);
      x -= w + BO_CHART_LEGEND_SWATCH + 6;
      layout->legend_x[s] = x;
      x -= BO_CHART_LEGEND_GAP;
    }
  /* Too wide to end at the plot's right edge: start at its left edge. */
  if (chart->series->len > 0 && layout->legend_x[0] < layout->plot_x)
    {
      double shift = layout->plot_x - layout->legend_x[0];

      for (guint s = 0; s < chart->series->len; s++)
        layout->legend_x[s] += shift;
    }
}

static void
compute_vertical (BoChartLayout *layout)
{
  double label_h = line_height (layout);
  double cat_w, cat_h, left, right, bottom, top;
  gboolean has_breaks;
  guint n = layout->n_categories;

  category_label_size (layout, &cat_w, &cat_h, &has_breaks);
  /* Names wider than their share of the width wrap onto a second line;
   * periods (which break lines themselves) are thinned out instead. */
  layout->wrap_labels = !has_breaks && cat_w + 6 > (layout->width - 80) / n;
  if (layout->wrap_labels)
    cat_h = MAX (cat_h, 2 * label_h);
  layout->category_extent = cat_h;

  /* Above the plot: the legend, or room for the value written over the
   * highlighted bar. */
  top = layout->legend ? layout->legend_height + BO_CHART_PAD : label_h + 4;
  bottom = cat_h + BO_CHART_TICK_GAP + 2;
  layout->plot_y = top;
  layout->plot_height = MAX (10.0, layout->height - top - bottom);
  compute_scales (layout, layout->plot_height, 48.0);

  left = layout->axes[0].label_extent + BO_CHART_TICK_GAP + 2;
  right = layout->axes[1].used ? layout->axes[1].label_extent + BO_CHART_TICK_GAP + 2
                                : BO_CHART_PAD;
  layout->plot_x = left;
  layout->plot_width = MAX (10.0, layout->width - left - right);
  layout->band = layout->plot_width / n;

  /* Show every k-th category label when they would touch; always the
   * last (the latest period). */
  layout->label_stride = 1;
  if (!layout->wrap_labels && cat_w + 6 > layout->band)
    layout->label_stride = (guint) ceil ((cat_w + 6) / layout->band);
  else if (layout->wrap_labels && layout->band < 40)
    layout->label_stride = (guint) ceil (40 / layout->band);
}

static void
compute_horizontal (BoChartLayout *layout)
{
  double label_h = line_height (layout);
  double cat_w, cat_h, top, bottom;
  gboolean has_breaks;
  guint n = layout->n_categories;

  category_label_size (layout, &cat_w, &cat_h, &has_breaks);
  layout->category_extent = MIN (cat_w, layout->width * 0.4);
  layout->label_stride = 1;

  top = layout->legend ? layout->legend_height + BO_CHART_PAD : BO_CHART_PAD / 2;
  bottom = label_h + BO_CHART_TICK_GAP + 2;
  layout->plot_x = layout->category_extent + BO_CHART_TICK_GAP + 2;
  layout->plot_width = MAX (10.0, layout->width - layout->plot_x - BO_CHART_PAD * 2);
  compute_scales (layout, layout->plot_width, 90.0);
  /* The last tick label is centred on the plot's right edge. */
  layout->plot_width = MAX (10.0, layout->plot_width - layout->axes[0].label_extent / 2
                                    + BO_CHART_PAD);

  layout->plot_y = top;
  layout->plot_height = MAX (10.0, layout->height - top - bottom);
  layout->band = layout->plot_height / n;
}

/**
 * bo_chart_layout_new:
 * @chart: the chart
 * @context: the Pango context text is measured (and later drawn) with; its
 *   font is the base font, axis labels are a little smaller
 * @width: the whole chart's width, in device units
 * @height: its height
 *
 * Returns: (transfer full): the layout
 */
BoChartLayout *
bo_chart_layout_new (BoChart      *chart,
                     PangoContext *context,
                     double        width,
                     double        height)
{
  BoChartLayout *layout;
  const PangoFontDescription *base;
  gint size;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  layout = g_new0 (BoChartLayout, 1);
  layout->chart = bo_chart_ref (chart);
  layout->context = g_object_ref (context);
  layout->width = MAX (width, 1.0);
  layout->height = MAX (height, 1.0);

  base = pango_context_get_font_description (context);
  layout->label_font = base != NULL ? pango_font_description_copy (base)
                                    : pango_font_description_from_string ("Sans 10");
  size = pango_font_description_get_size (layout->label_font);
  if (size <= 0)
    size = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (layout->label_font))
    pango_font_description_set_absolute_size (layout->label_font, size * BO_CHART_LABEL_SCALE);
  else
    pango_font_description_set_size (layout->label_font, (gint) (size * BO_CHART_LABEL_SCALE));

  layout->n_categories = bo_chart_get_n_categories (chart);
  layout->empty = layout->n_categories == 0 || bo_chart_is_empty (chart);
  if (layout->empty)
    {
      layout->plot_width = layout->width;
      layout->plot_height = layout->height;
      return layout;
    }

  layout->legend = chart->series->len > 1;
  layout->legend_height = layout->legend ? MAX (line_height (layout), BO_CHART_LEGEND_SWATCH) : 0;
  layout->legend_y = 0;

  if (_bo_chart_is_vertical (layout))
    compute_vertical (layout);
  else
    compute_horizontal (layout);
  compute_bars (layout);
  if (layout->legend)
    compute_legend (layout);
  return layout;
}

void
bo_chart_layout_free (BoChartLayout *layout)
{
  if (layout == NULL)
    return;
  bo_chart_unref (layout->chart);
  g_object_unref (layout->context);
  pango_font_description_free (layout->label_font);
  g_free (layout);
}

/**
 * bo_chart_layout_get_chart:
 *
 * Returns: (transfer none): the chart laid out
 */
BoChart *
bo_chart_layout_get_chart (const BoChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return layout->chart;
}

void
bo_chart_layout_get_size (const BoChartLayout *layout,
                          double              *width,
                          double              *height)
{
  g_return_if_fail (layout != NULL);

  *width = layout->width;
  *height = layout->height;
}

void
bo_chart_layout_get_plot (const BoChartLayout *layout,
                          BoChartRect         *plot)
{
  g_return_if_fail (layout != NULL);

  plot->x = layout->plot_x;
  plot->y = layout->plot_y;
  plot->width = layout->plot_width;
  plot->height = layout->plot_height;
}

/**
 * bo_chart_layout_get_n_ticks:
 *
 * Returns: the number of ticks of a value axis (0, step, …, top), or 0
 *   when the axis is not used
 */
guint
bo_chart_layout_get_n_ticks (const BoChartLayout *layout,
                             guint                axis)
{
  g_return_val_if_fail (layout != NULL && axis <= 1, 0);

  if (layout->empty || !layout->axes[axis].used)
    return 0;
  return layout->axes[axis].n_steps + 1;
}

double
bo_chart_layout_get_tick (const BoChartLayout *layout,
                          guint                axis,
                          guint                tick)
{
  g_return_val_if_fail (layout != NULL && axis <= 1, 0);

  return tick * layout->axes[axis].step;
}

/**
 * bo_chart_layout_value_to_position:
 *
 * Returns: where @value falls on a value axis: a y coordinate on a
 *   vertical chart, an x coordinate on a horizontal one (values past the
 *   axis' top are clamped to it)
 */
double
bo_chart_layout_value_to_position (const BoChartLayout *layout,
                                   guint                axis,
                                   double               value)
{
  const BoChartAxis *a;
  double fraction;

  g_return_val_if_fail (layout != NULL && axis <= 1, 0);

  a = &layout->axes[layout->axes[axis].used ? axis : 0];
  fraction = a->top > 0 ? CLAMP (value / a->top, 0.0, 1.0) : 0.0;
  if (_bo_chart_is_vertical (layout))
    return layout->plot_y + layout->plot_height * (1.0 - fraction);
  return layout->plot_x + layout->plot_width * fraction;
}

/**
 * bo_chart_layout_category_center:
 *
 * Returns: the middle of a category's band along the category axis
 */
double
bo_chart_layout_category_center (const BoChartLayout *layout,
                                 guint                index)
{
  g_return_val_if_fail (layout != NULL, 0);

  if (_bo_chart_is_vertical (layout))
    return layout->plot_x + (index + 0.5) * layout->band;
  return layout->plot_y + (index + 0.5) * layout->band;
}

static guint
series_axis (const BoChartLayout *layout,
             guint                series)
{
  guint axis = bo_chart_get_series (layout->chart, series)->axis;

  return layout->axes[axis].used ? axis : 0;
}

/**
 * bo_chart_layout_get_mark:
 * @rect: (out): a bar's rectangle, or a small square around a line's point
 *
 * Returns: %FALSE when the point has no mark (a gap, or an empty chart)
 */
gboolean
bo_chart_layout_get_mark (const BoChartLayout *layout,
                          guint                series,
                          guint                index,
                          BoChartRect         *rect)
{
  const BoChartPoint *point;
  double center, value_pos, base_pos;
  guint axis;

  g_return_val_if_fail (layout != NULL, FALSE);

  if (layout->empty || series >= layout->chart->series->len || index >= layout->n_categories)
    return FALSE;
  point = bo_chart_get_point (layout->chart, series, index);
  if (!point->defined)
    return FALSE;

  axis = series_axis (layout, series);
  center = bo_chart_layout_category_center (layout, index);
  value_pos = bo_chart_layout_value_to_position (layout, axis, point->value);
  base_pos = bo_chart_layout_value_to_position (layout, axis, 0);

  if (layout->bar_slot[series] < 0)
    {
      double x = _bo_chart_is_vertical (layout) ? center : value_pos;
      double y = _bo_chart_is_vertical (layout) ? value_pos : center;

      rect->x = x - 4;
      rect->y = y - 4;
      rect->width = rect->height = 8;
      return TRUE;
    }

  {
    double start = center - layout->group_width / 2
                   + layout->bar_slot[series] * (layout->bar_width + 2.0);

    if (_bo_chart_is_vertical (layout))
      {
        rect->x = start;
        rect->width = layout->bar_width;
        rect->y = value_pos;
        rect->height = base_pos - value_pos;
      }
    else
      {
        rect->y = start;
        rect->height = layout->bar_width;
        rect->x = base_pos;
        rect->width = value_pos - base_pos;
      }
  }
  return TRUE;
}

/**
 * bo_chart_layout_hit:
 * @series: (out): the series under (@x, @y)
 * @index: (out): the category under (@x, @y)
 *
 * Finds the point under the pointer: the category is the band the pointer
 * is in (one division); within it, a line's point when the pointer is
 * close to it, else the bar whose slot the pointer is over.
 *
 * Returns: %FALSE outside the plot's bands, or on an empty chart
 */
gboolean
bo_chart_layout_hit (const BoChartLayout *layout,
                     double               x,
                     double               y,
                     guint               *series,
                     guint               *index)
{
  const BoChart *chart;
  gboolean vertical;
  double along, across, offset, group_start, best = G_MAXDOUBLE;
  gint found = -1;
  guint i;

  g_return_val_if_fail (layout != NULL, FALSE);

  if (layout->empty)
    return FALSE;
  chart = layout->chart;
  vertical = _bo_chart_is_vertical (layout);
  along = vertical ? x - layout->plot_x : y - layout->plot_y;
  across = vertical ? y : x;
  if (along < 0 || along >= layout->band * layout->n_categories)
    return FALSE;
  if (vertical ? (y < 0 || y > layout->plot_y + layout->plot_height + layout->category_extent + 8)
               : (x < 0 || x > layout->plot_x + layout->plot_width + BO_CHART_PAD))
    return FALSE;
  i = MIN ((guint) (along / layout->band), layout->n_categories - 1);

  /* A line's point within reach wins. */
  for (guint s = 0; s < chart->series->len; s++)
    {
      const BoChartPoint *point = bo_chart_get_point (chart, s, i);
      double distance;

      if (layout->bar_slot[s] >= 0 || !point->defined)
        continue;
      distance = fabs (across - bo_chart_layout_value_to_position (layout, series_axis (layout, s),
                                                                   point->value));
      if (distance <= 10.0 && distance < best)
        {
          best = distance;
          found = (gint) s;
        }
    }

  if (found < 0 && layout->n_bar_series > 0)
    {
      gint slot;

      group_start = (i + 0.5) * layout->band - layout->group_width / 2;
      offset = along - group_start;
      slot = (gint) floor (offset / (layout->bar_width + 2.0));
      slot = CLAMP (slot, 0, (gint) layout->n_bar_series - 1);
      for (guint s = 0; s < chart->series->len; s++)
        if (layout->bar_slot[s] == slot)
          found = (gint) s;
    }

  /* Lines only: the nearest one. */
  for (guint s = 0; found < 0 && s < chart->series->len; s++)
    {
      const BoChartPoint *point = bo_chart_get_point (chart, s, i);
      double distance = point->defined
                          ? fabs (across - bo_chart_layout_value_to_position (
                                             layout, series_axis (layout, s), point->value))
                          : G_MAXDOUBLE / 2;

      if (distance < best)
        {
          best = distance;
          found = (gint) s;
        }
    }
  if (found < 0)
    found = 0;

  *series = (guint) found;
  *index = i;
  return TRUE;
}
