/* bo-column-sorter.c — sortable columns whose sorting the store does
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A column view sorts by clicking headers, but our lists are paged from the
 * database and must be sorted there. Each column gets a BoColumnSorter that
 * names its sort key; it never really compares rows. To learn which column
 * the user chose, the column view's own sorter is asked to compare two probe
 * objects: the first column sorter it consults is the primary one, and the
 * sign of the answer tells the direction. (GTK 4.8 has no public accessor for
 * the primary sort column.)
 */
#define G_LOG_DOMAIN "bo-column-sorter"

#include "config.h"

#include "bo-column-sorter.h"

struct _BoColumnSorter
{
  GtkSorter  parent_instance;

  char      *key;
};

G_DEFINE_FINAL_TYPE (BoColumnSorter, bo_column_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Set while probing: the first column sorter consulted. */
static BoColumnSorter *probe_hit;
static GObject *probe_first;

static GtkOrdering
bo_column_sorter_compare (GtkSorter *sorter,
                          gpointer   item1,
                          gpointer   item2)
{
  if (probe_first != NULL && (item1 == probe_first || item2 == probe_first))
    {
      if (probe_hit == NULL)
        probe_hit = BO_COLUMN_SORTER (sorter);
      return item1 == probe_first ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
    }
  return GTK_ORDERING_EQUAL;
}

static GtkSorterOrder
bo_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
bo_column_sorter_finalize (GObject *object)
{
  g_free (BO_COLUMN_SORTER (object)->key);
  G_OBJECT_CLASS (bo_column_sorter_parent_class)->finalize (object);
}

static void
bo_column_sorter_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, BO_COLUMN_SORTER (object)->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_column_sorter_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BoColumnSorter *self = BO_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_free (self->key);
      self->key = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_column_sorter_class_init (BoColumnSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->finalize = bo_column_sorter_finalize;
  object_class->get_property = bo_column_sorter_get_property;
  object_class->set_property = bo_column_sorter_set_property;
  sorter_class->compare = bo_column_sorter_compare;
  sorter_class->get_order = bo_column_sorter_get_order;

  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL,
                                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bo_column_sorter_init (BoColumnSorter *self)
{
}

const char *
bo_column_sorter_get_key (BoColumnSorter *self)
{
  g_return_val_if_fail (BO_IS_COLUMN_SORTER (self), NULL);
  return self->key;
}

/**
 * bo_column_view_get_sort:
 *
 * Returns: (transfer full) (nullable): the sort key of the primary sort
 *   column, prefixed with "-" when descending; %NULL when unsorted
 */
char *
bo_column_view_get_sort (GtkColumnView *view)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (view);
  g_autoptr(GObject) first = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) second = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering ordering;
  BoColumnSorter *hit;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  probe_first = first;
  probe_hit = NULL;
  ordering = gtk_sorter_compare (sorter, first, second);
  hit = probe_hit;
  probe_first = NULL;
  probe_hit = NULL;

  if (hit == NULL || hit->key == NULL)
    return NULL;
  return g_strconcat (ordering == GTK_ORDERING_LARGER ? "-" : "", hit->key, NULL);
}

/**
 * bo_column_view_set_sort:
 * @sort: (nullable): a sort key, "-" first for descending
 *
 * Shows @sort in the column headers, as if the user had clicked there.
 */
void
bo_column_view_set_sort (GtkColumnView *view,
                         const char    *sort)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  gboolean descending = sort != NULL && sort[0] == '-';
  const char *key = descending ? sort + 1 : sort;

  if (key == NULL)
    {
      gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (column);

      if (BO_IS_COLUMN_SORTER (sorter) && g_strcmp0 (BO_COLUMN_SORTER (sorter)->key, key) == 0)
        {
          gtk_column_view_sort_by_column (view, column,
                                          descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
          return;
        }
    }
}

/* Enter or Space on a focused column header: sort by that column, or turn
 * the order round if it sorts by it already, as a click does. */
static gboolean
sort_by_header_cb (GtkWidget *title,
                   GVariant  *args,
                   gpointer   user_data)
{
  GtkColumnViewColumn *column = user_data;
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_widget_get_ancestor (title, GTK_TYPE_COLUMN_VIEW));
  BoColumnSorter *sorter = BO_COLUMN_SORTER (gtk_column_view_column_get_sorter (column));
  g_autofree char *sort = bo_column_view_get_sort (view);
  gboolean ascending = sort != NULL && g_strcmp0 (sort, sorter->key) == 0;

  gtk_column_view_sort_by_column (view, column,
                                  ascending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  return TRUE;
}

static GtkWidget *
find_child (GtkWidget  *parent,
            const char *css_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (parent); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), css_name) == 0)
      return child;
  return NULL;
}

/* GTK 4.8's header buttons refuse gtk_widget_grab_focus(); the window can
 * still be told where the focus is. */
static gboolean
focus_title (GtkWidget *title)
{
  gtk_root_set_focus (gtk_widget_get_root (title), title);
  return gtk_widget_has_focus (title);
}

/* From one header to the next or the previous one that takes the focus. */
static gboolean
move_between_headers_cb (GtkWidget *title,
                         GVariant  *args,
                         gpointer   user_data)
{
  gboolean forward = g_variant_get_boolean (args);

  for (GtkWidget *other = forward ? gtk_widget_get_next_sibling (title)
                                  : gtk_widget_get_prev_sibling (title);
       other != NULL;
       other = forward ? gtk_widget_get_next_sibling (other) : gtk_widget_get_prev_sibling (other))
    if (gtk_widget_get_focusable (other) && gtk_widget_get_visible (other))
      return focus_title (other);
  return TRUE;
}

/* Tab from a header goes on into the rows. */
static gboolean
header_to_rows_cb (GtkWidget *title,
                   GVariant  *args,
                   gpointer   user_data)
{
  GtkWidget *view = gtk_widget_get_ancestor (title, GTK_TYPE_COLUMN_VIEW);
  GtkWidget *rows = find_child (view, "listview");

  return rows != NULL && gtk_widget_child_focus (rows, GTK_DIR_TAB_FORWARD);
}

/* Shift+Tab from the rows comes back to the headers: GTK 4.8's header row
 * never passes the focus on to its buttons itself. */
static gboolean
rows_to_header_cb (GtkWidget *view,
                   GVariant  *args,
                   gpointer   user_data)
{
  GtkWidget *header = find_child (view, "header");
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (view));

  if (header == NULL || focus == NULL || gtk_widget_is_ancestor (focus, header))
    return FALSE;
  for (GtkWidget *title = gtk_widget_get_first_child (header); title != NULL;
       title = gtk_widget_get_next_sibling (title))
    if (gtk_widget_get_focusable (title) && gtk_widget_get_visible (title))
      return focus_title (title);
  return FALSE;
}

static void
add_shortcut (GtkEventController *controller,
              const char         *trigger,
              GtkShortcutFunc     callback,
              gpointer            data,
              GVariant           *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                            gtk_callback_action_new (callback, data, NULL));

  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
}

/**
 * bo_column_view_set_headers_focusable:
 *
 * Lets the headers of the sortable columns take the keyboard focus, as GTK
 * 4.8's column headers answer only the pointer: Shift+Tab from the rows
 * reaches them, Left and Right move between them, Enter or Space sorts as
 * a click does, Tab goes back to the rows.
 */
void
bo_column_view_set_headers_focusable (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  GtkWidget *header, *title;
  GtkEventController *keys;
  guint i = 0;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  /* The header row holds one title button per column, in column order. */
  header = find_child (GTK_WIDGET (view), "header");
  if (header == NULL)
    return;
  for (title = gtk_widget_get_first_child (header);
       title != NULL && i < g_list_model_get_n_items (columns);
       title = gtk_widget_get_next_sibling (title), i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (!BO_IS_COLUMN_SORTER (gtk_column_view_column_get_sorter (column)))
        continue;
      gtk_widget_set_focusable (title, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_column_view_column_get_title (column), -1);
      keys = gtk_shortcut_controller_new ();
      add_shortcut (keys, "Return|KP_Enter|space", sort_by_header_cb, column, NULL);
      add_shortcut (keys, "Right", move_between_headers_cb, NULL, g_variant_new_boolean (TRUE));
      add_shortcut (keys, "Left", move_between_headers_cb, NULL, g_variant_new_boolean (FALSE));
      add_shortcut (keys, "Tab|KP_Tab", header_to_rows_cb, NULL, NULL);
      gtk_widget_add_controller (title, keys);
    }
  keys = gtk_shortcut_controller_new ();
  add_shortcut (keys, "<Shift>Tab|<Shift>ISO_Left_Tab", rows_to_header_cb, NULL, NULL);
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
}
