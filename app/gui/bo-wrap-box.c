/* bo-wrap-box.c — a row of widgets that wraps onto more lines when narrow
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Toolbars are such rows: at full width everything sits on one line; on half
 * a laptop screen or a phone the buttons move to a second line instead of
 * widening the window or being cut. Each child takes its natural width (or
 * the whole line when that is less); children that expand share what is left
 * of their line. GTK 4.8 has no wrapping box (GtkFlowBox makes every child a
 * selectable cell of one size).
 */
#define G_LOG_DOMAIN "bo-wrap-box"

#include "config.h"

#include "bo-wrap-box.h"

struct _BoWrapBox
{
  GtkWidget  parent_instance;

  int        spacing;
  int        row_spacing;
};

G_DEFINE_FINAL_TYPE (BoWrapBox, bo_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_ROW_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The width @child takes on a line @width wide. */
static int
child_width (GtkWidget *child,
             int        width)
{
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return MAX (min, MIN (nat, width));
}

/* Lays the children out on lines @width wide; allocates them when @allocate,
 * and returns the height used. */
static int
layout (BoWrapBox *self,
        int        width,
        gboolean   allocate)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self));
  int y = 0;

  while (first != NULL)
    {
      GtkWidget *end = first;
      GtkWidget *child;
      int used = 0, n = 0, n_expand = 0, height = 0, x = 0, extra, shown = 0;

      /* Which children fit on this line: at least one. */
      for (child = first; child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int w;

          if (!gtk_widget_should_layout (child))
            {
              end = gtk_widget_get_next_sibling (child);
              continue;
            }
          w = child_width (child, width);
          if (n > 0 && used + self->spacing + w > width)
            break;
          used += (n > 0 ? self->spacing : 0) + w;
          n++;
          if (gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL))
            n_expand++;
          end = gtk_widget_get_next_sibling (child);
        }
      extra = MAX (width - used, 0);
      for (child = first; child != end; child = gtk_widget_get_next_sibling (child))
        {
          int min_h, nat_h;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width (child, width), &min_h,
                              &nat_h, NULL, NULL);
          height = MAX (height, nat_h);
        }
      for (child = first; allocate && child != end; child = gtk_widget_get_next_sibling (child))
        {
          int w;

          if (!gtk_widget_should_layout (child))
            continue;
          w = child_width (child, width);
          if (n_expand > 0 && gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL))
            {
              w += extra / n_expand + (shown == 0 ? extra % n_expand : 0);
              shown++;
            }
          if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
            gtk_widget_size_allocate (child, &(GtkAllocation) { width - x - w, y, w, height }, -1);
          else
            gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, w, height }, -1);
          x += w + self->spacing;
        }
      y += height;
      first = end;
      if (first != NULL)
        y += self->row_spacing;
    }
  return y;
}

static void
bo_wrap_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  BoWrapBox *self = BO_WRAP_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0, n = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int cmin, cnat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &cmin, &cnat, NULL, NULL);
          min = MAX (min, cmin);
          nat += (n++ > 0 ? self->spacing : 0) + cnat;
        }
      *minimum = min;
      *natural = MAX (min, nat);
    }
  else
    {
      int width = for_size, ignored;

      if (width < 0)
        bo_wrap_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &ignored, &width, NULL, NULL);
      *minimum = *natural = layout (self, width, FALSE);
    }
}

static void
bo_wrap_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  layout (BO_WRAP_BOX (widget), width, TRUE);
}

static GtkSizeRequestMode
bo_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
bo_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bo_wrap_box_parent_class)->dispose (object);
}

static void
bo_wrap_box_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BoWrapBox *self = BO_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_wrap_box_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BoWrapBox *self = BO_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      self->spacing = g_value_get_int (value);
      break;
    case PROP_ROW_SPACING:
      self->row_spacing = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
bo_wrap_box_class_init (BoWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bo_wrap_box_dispose;
  object_class->get_property = bo_wrap_box_get_property;
  object_class->set_property = bo_wrap_box_set_property;
  widget_class->measure = bo_wrap_box_measure;
  widget_class->size_allocate = bo_wrap_box_size_allocate;
  widget_class->get_request_mode = bo_wrap_box_get_request_mode;

  properties[PROP_SPACING] = g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 6,
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_SPACING] = g_param_spec_int ("row-spacing", NULL, NULL, 0, G_MAXINT, 6,
                                                   G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "box");
}

static void
bo_wrap_box_init (BoWrapBox *self)
{
  self->spacing = 6;
  self->row_spacing = 6;
}

GtkWidget *
bo_wrap_box_new (void)
{
  return g_object_new (BO_TYPE_WRAP_BOX, NULL);
}

void
bo_wrap_box_append (BoWrapBox *self,
                    GtkWidget *child)
{
  g_return_if_fail (BO_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  gtk_widget_set_parent (child, GTK_WIDGET (self));
}
