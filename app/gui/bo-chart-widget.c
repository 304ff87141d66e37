/* bo-chart-widget.c — a chart on screen: cached drawing, hover, keyboard focus, screen readers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core's renderer draws the chart; this widget keeps what it drew (axes,
 * grid, labels, legend, marks) as one render node until the chart, the size
 * or the style changes, and on hover or focus draws only the highlight of
 * one point over it. The point under the pointer comes from the layout's
 * hit-test, which is one division.
 */
#define G_LOG_DOMAIN "bo-chart-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-chart-widget.h"

struct _BoChartWidget
{
  GtkWidget       parent_instance;

  /* owned */
  BoChart        *chart;
  BoChartLayout  *layout;       /* for the current size; NULL when stale */
  GskRenderNode  *static_node;  /* everything but the highlight; NULL when stale */
  BoChartPalette  palette;
  char           *announcement;
  guint           draw_count;

  /* the highlighted point, from the pointer or the keyboard */
  gboolean        has_selection;
  guint           series;
  guint           index;
  gboolean        keyboard;     /* moved by keys: draw the focus ring */
};

G_DEFINE_FINAL_TYPE (BoChartWidget, bo_chart_widget, GTK_TYPE_WIDGET)

#define CHART_HEIGHT 260

enum
{
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- caches ------------------------------------------------------------------ */

static void
invalidate_drawing (BoChartWidget *self)
{
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
invalidate_layout (BoChartWidget *self)
{
  g_clear_pointer (&self->layout, bo_chart_layout_free);
  invalidate_drawing (self);
}

static gboolean
ensure_layout (BoChartWidget *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->chart == NULL || width <= 0 || height <= 0)
    return FALSE;
  if (self->layout == NULL)
    self->layout = bo_chart_layout_new (self->chart,
                                        gtk_widget_get_pango_context (GTK_WIDGET (self)),
                                        width, height);
  return TRUE;
}

/* The GNOME palette of the current style; the background is the card's,
 * behind the value written over a highlighted mark. */
static void
update_palette (BoChartWidget *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style);

  bo_chart_palette_init (&self->palette, dark);
  if (dark)
    self->palette.background = (BoChartColor) { 0x36 / 255.0, 0x36 / 255.0, 0x36 / 255.0, 1.0 };
  if (adw_style_manager_get_high_contrast (style))
    {
      self->palette.dim_text = self->palette.text;
      self->palette.grid.alpha = 0.3;
      self->palette.axis = self->palette.text;
    }
}

static void
style_changed_cb (BoChartWidget *self)
{
  update_palette (self);
  invalidate_drawing (self);
}

/* ---- the highlighted point --------------------------------------------------- */

static guint
n_categories (BoChartWidget *self)
{
  return self->chart != NULL && !bo_chart_is_empty (self->chart)
           ? bo_chart_get_n_categories (self->chart)
           : 0;
}

static void
update_accessible (BoChartWidget *self)
{
  g_autofree char *label = NULL;
  const char *title = self->chart != NULL ? self->chart->title : _("Chart");
  const char *description;

  if (self->announcement != NULL)
    {
      /* TRANSLATORS: a chart's title and the point the keyboard is on */
      label = g_strdup_printf (_("%s: %s"), title, self->announcement);
      description = self->announcement;
    }
  else
    {
      label = g_strdup (title);
      if (n_categories (self) > 0)
        description = _("Use the arrow keys to read each value");
      else
        description = self->chart != NULL ? self->chart->empty_text : "";
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
select_point (BoChartWidget *self,
              guint          series,
              guint          index,
              gboolean       keyboard)
{
  g_autofree char *text = NULL;

  /* The pointer moving within the same bar changes nothing; a key always
   * says where it is, even at the end of the chart. */
  if (!keyboard && !self->keyboard && self->has_selection && self->series == series &&
      self->index == index)
    return;
  self->has_selection = TRUE;
  self->series = series;
  self->index = index;
  self->keyboard = keyboard;

  text = bo_chart_describe_point (self->chart, series, index);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
  if (keyboard)
    {
      /* GTK 4.8 has no live regions: screen readers hear the focused
       * widget's new name. */
      g_free (self->announcement);
      self->announcement = g_steal_pointer (&text);
      update_accessible (self);
    }
  else if (self->announcement != NULL)
    {
      g_clear_pointer (&self->announcement, g_free);
      update_accessible (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
clear_selection (BoChartWidget *self)
{
  if (!self->has_selection)
    return;
  self->has_selection = FALSE;
  self->keyboard = FALSE;
  g_clear_pointer (&self->announcement, g_free);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- callbacks ----------------------------------------------------------------- */

static void
motion_cb (BoChartWidget            *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  guint series, index;

  if (!ensure_layout (self))
    return;
  if (bo_chart_layout_hit (self->layout, x, y, &series, &index))
    select_point (self, series, index, FALSE);
  else if (!self->keyboard)
    clear_selection (self);
}

static void
leave_cb (BoChartWidget            *self,
          GtkEventControllerMotion *controller)
{
  /* The keyboard's point stays. */
  if (!self->keyboard || !gtk_widget_has_focus (GTK_WIDGET (self)))
    clear_selection (self);
}

static void
pressed_cb (BoChartWidget   *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  guint series, index;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (ensure_layout (self) && bo_chart_layout_hit (self->layout, x, y, &series, &index))
    select_point (self, series, index, TRUE);
}

static void
focus_enter_cb (BoChartWidget           *self,
                GtkEventControllerFocus *controller)
{
  if (n_categories (self) == 0)
    return;
  if (self->has_selection)
    select_point (self, self->series, self->index, TRUE);
  else
    select_point (self, 0, n_categories (self) - 1, TRUE);
}

static void
focus_leave_cb (BoChartWidget           *self,
                GtkEventControllerFocus *controller)
{
  clear_selection (self);
}

/* ---- actions -------------------------------------------------------------------- */

/* Arrow keys: along the categories and across the series; on a chart
 * with horizontal bars, up and down go along the categories. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BoChartWidget *self = BO_CHART_WIDGET (widget);
  guint n = n_categories (self);
  gint dx, dy, along, across, index, series;

  if (n == 0)
    return;
  g_variant_get (parameter, "(ii)", &dx, &dy);
  if (self->chart->orientation == BO_CHART_HORIZONTAL)
    along = dy, across = dx;
  else
    along = dx, across = dy;
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL && dx != 0)
    {
      if (self->chart->orientation == BO_CHART_HORIZONTAL)
        across = -across;
      else
        along = -along;
    }

  if (!self->has_selection)
    {
      select_point (self, 0, along < 0 ? n - 1 : 0, TRUE);
      return;
    }
  index = CLAMP ((gint) self->index + along, 0, (gint) n - 1);
  series = CLAMP ((gint) self->series + across, 0, (gint) bo_chart_get_n_series (self->chart) - 1);
  select_point (self, series, index, TRUE);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BoChartWidget *self = BO_CHART_WIDGET (widget);
  guint n = n_categories (self);

  if (n == 0)
    return;
  select_point (self, self->has_selection ? self->series : 0,
                g_str_equal (action_name, "chart.first") ? 0 : n - 1, TRUE);
}

/* ---- overrides -------------------------------------------------------------------- */

static void
bo_chart_widget_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  BoChartWidget *self = BO_CHART_WIDGET (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 320;
    }
  else
    {
      /* Horizontal bars want room for each name. A scrolled dashboard
       * hands out minimum heights, so the minimum is the size wanted. */
      guint n = self->chart != NULL && self->chart->orientation == BO_CHART_HORIZONTAL
                  ? bo_chart_get_n_categories (self->chart)
                  : 0;

      *minimum = *natural = MAX (CHART_HEIGHT, (int) n * 24 + 40);
    }
}

static void
bo_chart_widget_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  BoChartWidget *self = BO_CHART_WIDGET (widget);
  double old_width = 0, old_height = 0;

  if (self->layout != NULL)
    bo_chart_layout_get_size (self->layout, &old_width, &old_height);
  if ((int) old_width != width || (int) old_height != height)
    invalidate_layout (self);
}

static void
bo_chart_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  BoChartWidget *self = BO_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);

  if (!ensure_layout (self))
    return;
  if (self->static_node == NULL)
    {
      cairo_t *cr;

      self->static_node = gsk_cairo_node_new (&bounds);
      cr = gsk_cairo_node_get_draw_context (self->static_node);
      bo_chart_render (self->layout, cr, &self->palette,
                       BO_CHART_LAYER_AXES | BO_CHART_LAYER_MARKS);
      cairo_destroy (cr);
      self->draw_count++;
    }
  gtk_snapshot_append_node (snapshot, self->static_node);

  if (self->has_selection)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

      bo_chart_render_highlight (self->layout, cr, &self->palette, self->series, self->index,
                                 self->keyboard && gtk_widget_has_focus (widget));
      cairo_destroy (cr);
    }
}

/* Fonts and resolution come from the settings. */
static void
bo_chart_widget_system_setting_changed (GtkWidget        *widget,
                                        GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (bo_chart_widget_parent_class)->system_setting_changed (widget, setting);
  invalidate_layout (BO_CHART_WIDGET (widget));
}

static void
bo_chart_widget_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BoChartWidget *self = BO_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_boxed (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_chart_widget_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BoChartWidget *self = BO_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CHART:
      bo_chart_widget_set_chart (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_chart_widget_finalize (GObject *object)
{
  BoChartWidget *self = BO_CHART_WIDGET (object);

  g_clear_pointer (&self->layout, bo_chart_layout_free);
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  g_clear_pointer (&self->chart, bo_chart_unref);
  g_clear_pointer (&self->announcement, g_free);

  G_OBJECT_CLASS (bo_chart_widget_parent_class)->finalize (object);
}

static void
bo_chart_widget_class_init (BoChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const struct { guint key; gint dx, dy; } moves[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, 1, 0 }, { GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, 0, -1 }, { GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_Down, 0, 1 }, { GDK_KEY_KP_Down, 0, 1 },
  };

  object_class->get_property = bo_chart_widget_get_property;
  object_class->set_property = bo_chart_widget_set_property;
  object_class->finalize = bo_chart_widget_finalize;
  widget_class->measure = bo_chart_widget_measure;
  widget_class->size_allocate = bo_chart_widget_size_allocate;
  widget_class->snapshot = bo_chart_widget_snapshot;
  widget_class->system_setting_changed = bo_chart_widget_system_setting_changed;

  properties[PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, NULL, BO_TYPE_CHART,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "chart.move", "(ii)", move_action);
  gtk_widget_class_install_action (widget_class, "chart.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "chart.last", NULL, first_action);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding_action (widget_class, moves[i].key, 0, "chart.move", "(ii)",
                                         moves[i].dx, moves[i].dy);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "chart.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "chart.last", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
bo_chart_widget_init (BoChartWidget *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  update_palette (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  update_accessible (self);
}

/* ---- public ------------------------------------------------------------------------ */

GtkWidget *
bo_chart_widget_new (void)
{
  return g_object_new (BO_TYPE_CHART_WIDGET, NULL);
}

/**
 * bo_chart_widget_set_chart:
 * @chart: (nullable): the chart to show
 *
 * Shows @chart. The highlighted point stays where it was when the new chart
 * has it (a reload after a change in the shop), and goes otherwise.
 */
void
bo_chart_widget_set_chart (BoChartWidget *self,
                           BoChart       *chart)
{
  guint old_n;

  g_return_if_fail (BO_IS_CHART_WIDGET (self));

  if (self->chart == chart)
    return;
  old_n = self->chart != NULL ? bo_chart_get_n_categories (self->chart) : 0;
  g_clear_pointer (&self->chart, bo_chart_unref);
  if (chart != NULL)
    self->chart = bo_chart_ref (chart);
  invalidate_layout (self);
  if (self->chart == NULL || self->chart->orientation == BO_CHART_HORIZONTAL ||
      old_n != bo_chart_get_n_categories (self->chart))
    gtk_widget_queue_resize (GTK_WIDGET (self));

  if (self->has_selection &&
      (self->index >= n_categories (self) || self->series >= bo_chart_get_n_series (self->chart)))
    clear_selection (self);
  else if (self->has_selection)
    {
      gboolean keyboard = self->keyboard;

      /* Same place, new numbers. */
      self->has_selection = FALSE;
      self->keyboard = FALSE;
      select_point (self, self->series, self->index, keyboard);
    }
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/**
 * bo_chart_widget_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
BoChart *
bo_chart_widget_get_chart (BoChartWidget *self)
{
  g_return_val_if_fail (BO_IS_CHART_WIDGET (self), NULL);

  return self->chart;
}

/**
 * bo_chart_widget_get_selected:
 * @series: (out) (optional): the highlighted point's series
 * @index: (out) (optional): its category
 *
 * Returns: whether a point is highlighted (under the pointer, or reached
 *   with the keyboard)
 */
gboolean
bo_chart_widget_get_selected (BoChartWidget *self,
                              guint         *series,
                              guint         *index)
{
  g_return_val_if_fail (BO_IS_CHART_WIDGET (self), FALSE);

  if (series != NULL)
    *series = self->series;
  if (index != NULL)
    *index = self->index;
  return self->has_selection;
}

/**
 * bo_chart_widget_get_mark_center:
 * @x: (out): in widget coordinates
 * @y: (out): in widget coordinates
 *
 * Returns: %FALSE when the point has no mark or the widget has no size yet
 */
gboolean
bo_chart_widget_get_mark_center (BoChartWidget *self,
                                 guint          series,
                                 guint          index,
                                 double        *x,
                                 double        *y)
{
  BoChartRect rect;

  g_return_val_if_fail (BO_IS_CHART_WIDGET (self), FALSE);

  if (!ensure_layout (self) || !bo_chart_layout_get_mark (self->layout, series, index, &rect))
    return FALSE;
  *x = rect.x + rect.width / 2;
  *y = rect.y + rect.height / 2;
  return TRUE;
}

/**
 * bo_chart_widget_get_announcement:
 *
 * Returns: (nullable): what screen readers were last told about the point
 *   reached with the keyboard
 */
const char *
bo_chart_widget_get_announcement (BoChartWidget *self)
{
  g_return_val_if_fail (BO_IS_CHART_WIDGET (self), NULL);

  return self->announcement;
}

/**
 * bo_chart_widget_get_palette:
 *
 * Copies the colours the chart is drawn with, for the current style.
 */
void
bo_chart_widget_get_palette (BoChartWidget  *self,
                             BoChartPalette *palette)
{
  g_return_if_fail (BO_IS_CHART_WIDGET (self));

  *palette = self->palette;
}

/**
 * bo_chart_widget_get_draw_count:
 *
 * Returns: how many times the chart itself (not the highlight) was drawn:
 *   hovering must not add to it
 */
guint
bo_chart_widget_get_draw_count (BoChartWidget *self)
{
  g_return_val_if_fail (BO_IS_CHART_WIDGET (self), 0);

  return self->draw_count;
}
