/* bo-chart-card.c — a chart with its title, its formula, a table of its numbers and export
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Extra controls (a period switch…) go into the header from a .ui file as
 * <child type="controls">.
 */
#define G_LOG_DOMAIN "bo-chart-card"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-chart-card.h"
#include "bo-view.h"
#include "bo-wrap-box.h"

/* Exported pictures: pixels for PNG, points for SVG and PDF. */
#define EXPORT_PNG_WIDTH     1200
#define EXPORT_PNG_HEIGHT    675
#define EXPORT_VECTOR_WIDTH  720
#define EXPORT_VECTOR_HEIGHT 405

struct _BoChartCard
{
  GtkWidget      parent_instance;

  /* template widgets */
  GtkWidget     *frame;
  GtkLabel      *title_label;
  BoWrapBox     *controls;
  GtkStack      *stack;
  BoChartWidget *chart_widget;
  GtkGrid       *table;
  GtkLabel      *caption_label;

  /* owned */
  BoChart       *chart;
  gboolean       show_table;
  gboolean       table_stale;
};

static void bo_chart_card_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BoChartCard, bo_chart_card, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      bo_chart_card_buildable_init))

enum
{
  PROP_0,
  PROP_CHART,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

static const char *const format_extensions[] = { "png", "svg", "pdf" };

/* ---- helpers ------------------------------------------------------------------ */

static void
bo_chart_card_update_actions (BoChartCard *self)
{
  gboolean has_chart = self->chart != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart-card.export", has_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart-card.show-table", has_chart);
}

/* A table cell; @max_chars 0 keeps it on one line (numbers). */
static GtkWidget *
cell_new (const char *text,
          float       xalign,
          int         max_chars,
          const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  if (max_chars > 0)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars);
    }
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

/* The same numbers as the chart, one row per category: the category, each
 * series' value, and the counts behind them. */
static void
rebuild_table (BoChartCard *self)
{
  GtkWidget *child, *details_header;
  guint n_series, n;

  self->table_stale = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  if (self->chart == NULL)
    return;

  n_series = bo_chart_get_n_series (self->chart);
  n = bo_chart_is_empty (self->chart) ? 0 : bo_chart_get_n_categories (self->chart);
  gtk_grid_attach (self->table, cell_new (self->chart->category_title, 0, 16, "heading"),
                   0, 0, 1, 1);
  for (guint s = 0; s < n_series; s++)
    gtk_grid_attach (self->table,
                     cell_new (bo_chart_get_series (self->chart, s)->name, 1, 10, "heading"),
                     1 + s, 0, 1, 1);
  details_header = cell_new (C_("chart table column", "Details"), 0, 40, "heading");
  gtk_widget_set_hexpand (details_header, TRUE);
  gtk_grid_attach (self->table, details_header, 1 + n_series, 0, 1, 1);

  if (n == 0)
    {
      GtkWidget *empty = cell_new (self->chart->empty_text, 0, 40, "dim-label");

      gtk_grid_attach (self->table, empty, 0, 1, 2 + n_series, 1);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) details = g_string_new (NULL);
      const char *label = bo_chart_get_point (self->chart, 0, i)->label;

      gtk_grid_attach (self->table, cell_new (label, 0, 16, NULL), 0, 1 + i, 1, 1);
      for (guint s = 0; s < n_series; s++)
        {
          const BoChartPoint *point = bo_chart_get_point (self->chart, s, i);
          g_autofree char *value = point->defined
                                     ? bo_chart_format_value (self->chart, s, point->value)
                                     : g_strdup ("—");
          GtkWidget *cell = cell_new (value, 1, 0, "numeric");

          gtk_grid_attach (self->table, cell, 1 + s, 1 + i, 1, 1);
          if (point->detail != NULL && *point->detail != '\0')
            {
              if (details->len > 0)
                g_string_append (details, "; ");
              g_string_append (details, point->detail);
            }
        }
      gtk_grid_attach (self->table, cell_new (details->str, 0, 40, "dim-label"), 1 + n_series,
                       1 + i, 1, 1);
    }
}

static void
update_view (BoChartCard *self)
{
  if (self->show_table && self->table_stale)
    rebuild_table (self);
  gtk_stack_set_visible_child_name (self->stack, self->show_table ? "table" : "chart");
}

static BoChartFormat
format_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_extensions); i++)
    if (g_str_equal (name, format_extensions[i]))
      return i;
  return BO_CHART_FORMAT_PNG;
}

static void
show_error (BoChartCard *self,
            GError      *error)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), BO_TYPE_VIEW);

  if (view != NULL)
    bo_view_show_error (BO_VIEW (view), _("The chart could not be saved"), error);
  else
    g_warning ("The chart could not be saved: %s", error->message);
}

/* ---- callbacks ------------------------------------------------------------------ */

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    BoChartCard     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  BoChartFormat format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "bo-format"));

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      if (!bo_chart_card_export (self, path, format, &error))
        show_error (self, error);
      else
        {
          GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), BO_TYPE_VIEW);
          g_autofree char *name = g_file_get_basename (file);
          /* TRANSLATORS: a toast after a chart was written to a file */
          g_autofree char *title = g_strdup_printf (_("Chart saved as “%s”"), name);

          if (view != NULL)
            bo_view_show_toast (BO_VIEW (view), adw_toast_new (title));
        }
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

/* ---- actions ------------------------------------------------------------------ */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BoChartCard *self = BO_CHART_CARD (widget);
  BoChartFormat format = format_from_name (g_variant_get_string (parameter, NULL));
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->chart == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Chart"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  switch (format)
    {
    case BO_CHART_FORMAT_SVG:
      gtk_file_filter_set_name (filter, _("SVG images"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
      break;
    case BO_CHART_FORMAT_PDF:
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      break;
    case BO_CHART_FORMAT_PNG:
    default:
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      break;
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strdup_printf ("%s.%s", self->chart->title, format_extensions[format]);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "bo-format", GUINT_TO_POINTER (format));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- buildable -------------------------------------------------------------------- */

static void
bo_chart_card_add_child (GtkBuildable *buildable,
                         GtkBuilder   *builder,
                         GObject      *child,
                         const char   *type)
{
  BoChartCard *self = BO_CHART_CARD (buildable);

  if (g_strcmp0 (type, "controls") == 0 && GTK_IS_WIDGET (child))
    {
      bo_wrap_box_append (self->controls, GTK_WIDGET (child));
      gtk_widget_set_visible (GTK_WIDGET (self->controls), TRUE);
    }
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
bo_chart_card_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = bo_chart_card_add_child;
}

/* ---- overrides -------------------------------------------------------------------- */

static void
bo_chart_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BoChartCard *self = BO_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_boxed (value, self->chart);
      break;
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_chart_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BoChartCard *self = BO_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_CHART:
      bo_chart_card_set_chart (self, g_value_get_boxed (value));
      break;
    case PROP_SHOW_TABLE:
      bo_chart_card_set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_chart_card_dispose (GObject *object)
{
  BoChartCard *self = BO_CHART_CARD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_CHART_CARD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->chart, bo_chart_unref);

  G_OBJECT_CLASS (bo_chart_card_parent_class)->dispose (object);
}

static void
bo_chart_card_class_init (BoChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bo_chart_card_get_property;
  object_class->set_property = bo_chart_card_set_property;
  object_class->dispose = bo_chart_card_dispose;

  properties[PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, NULL, BO_TYPE_CHART,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BO_TYPE_CHART_WIDGET);
  g_type_ensure (BO_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-chart-card.ui");
  gtk_widget_class_bind_template_child (widget_class, BoChartCard, frame);
  gtk_widget_class_bind_template_child (widget_class, BoChartCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, BoChartCard, controls);
  gtk_widget_class_bind_template_child (widget_class, BoChartCard, stack);
  gtk_widget_class_bind_template_child (widget_class, BoChartCard, chart_widget);
  gtk_widget_class_bind_template_child (widget_class, BoChartCard, table);
  gtk_widget_class_bind_template_child (widget_class, BoChartCard, caption_label);

  gtk_widget_class_install_property_action (widget_class, "chart-card.show-table", "show-table");
  gtk_widget_class_install_action (widget_class, "chart-card.export", "s", export_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bo_chart_card_init (BoChartCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->table_stale = TRUE;
  bo_chart_card_update_actions (self);
}

/* ---- public ------------------------------------------------------------------------ */

GtkWidget *
bo_chart_card_new (void)
{
  return g_object_new (BO_TYPE_CHART_CARD, NULL);
}

/**
 * bo_chart_card_set_chart:
 * @chart: (nullable): the chart
 *
 * Shows @chart, its title and its formula; the table follows.
 */
void
bo_chart_card_set_chart (BoChartCard *self,
                         BoChart     *chart)
{
  g_return_if_fail (BO_IS_CHART_CARD (self));

  if (self->chart == chart)
    return;
  g_clear_pointer (&self->chart, bo_chart_unref);
  if (chart != NULL)
    self->chart = bo_chart_ref (chart);

  gtk_label_set_label (self->title_label, chart != NULL ? chart->title : "");
  gtk_label_set_label (self->caption_label, chart != NULL ? chart->caption : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chart != NULL ? chart->title : "", -1);
  bo_chart_widget_set_chart (self->chart_widget, chart);
  self->table_stale = TRUE;
  update_view (self);
  bo_chart_card_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/**
 * bo_chart_card_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
BoChart *
bo_chart_card_get_chart (BoChartCard *self)
{
  g_return_val_if_fail (BO_IS_CHART_CARD (self), NULL);

  return self->chart;
}

/**
 * bo_chart_card_get_chart_widget:
 *
 * Returns: (transfer none): the chart's widget
 */
BoChartWidget *
bo_chart_card_get_chart_widget (BoChartCard *self)
{
  g_return_val_if_fail (BO_IS_CHART_CARD (self), NULL);

  return self->chart_widget;
}

gboolean
bo_chart_card_get_show_table (BoChartCard *self)
{
  g_return_val_if_fail (BO_IS_CHART_CARD (self), FALSE);

  return self->show_table;
}

/**
 * bo_chart_card_set_show_table:
 *
 * Shows the chart's numbers as a table instead of the chart.
 */
void
bo_chart_card_set_show_table (BoChartCard *self,
                              gboolean     show_table)
{
  g_return_if_fail (BO_IS_CHART_CARD (self));

  show_table = !!show_table;
  if (self->show_table == show_table)
    return;
  self->show_table = show_table;
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

/**
 * bo_chart_card_get_table_text:
 * @row: 0 for the headers, 1 + i for category i
 * @column: 0 for the category, 1 + s for series s, then the details
 *
 * Returns: (nullable): what the table shows there, once it was shown
 */
const char *
bo_chart_card_get_table_text (BoChartCard *self,
                              guint        row,
                              guint        column)
{
  GtkWidget *cell;

  g_return_val_if_fail (BO_IS_CHART_CARD (self), NULL);

  if (self->table_stale)
    return NULL;
  cell = gtk_grid_get_child_at (self->table, column, row);
  return GTK_IS_LABEL (cell) ? gtk_label_get_label (GTK_LABEL (cell)) : NULL;
}

/**
 * bo_chart_card_export:
 * @path: the file to write
 *
 * Writes the chart with its title and formula, in the light style.
 */
gboolean
bo_chart_card_export (BoChartCard    *self,
                      const char     *path,
                      BoChartFormat   format,
                      GError        **error)
{
  gboolean png = format == BO_CHART_FORMAT_PNG;

  g_return_val_if_fail (BO_IS_CHART_CARD (self), FALSE);
  g_return_val_if_fail (self->chart != NULL, FALSE);

  return bo_chart_export (self->chart, NULL, path, format,
                          png ? EXPORT_PNG_WIDTH : EXPORT_VECTOR_WIDTH,
                          png ? EXPORT_PNG_HEIGHT : EXPORT_VECTOR_HEIGHT, error);
}
