/* bo-gui-test.c — driving real widgets in tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bo-gui-test.h"
#include "bo-reader.h"

/**
 * bo_gui_test_init:
 *
 * Initialises GTK and libadwaita with the test's settings. Without a display
 * the whole program is skipped (TAP "1..0 # SKIP"), except in CI
 * (CI=true), which always gives the tests one (tests/with-display).
 *
 * Returns: %FALSE when there is no display
 */
gboolean
bo_gui_test_init (int    *argc,
                  char ***argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_error ("CI=true, and GTK cannot open a display: run the test under tests/with-display");
      return FALSE;
    }
  adw_init ();
  /* Tests look at a list's rows as soon as it is reloaded: the rows are
   * read in a worker all the same, and waited for (test-responsive checks
   * the window while reads are slow). */
  bo_reader_set_read_wait (10 * 1000);
  return TRUE;
}

BoStore *
bo_gui_test_open_store (char     **dir,
                        gboolean   sample)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  BoStore *store;
  GDate date;

  *dir = g_dir_make_tmp ("bo-gui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "shop.db", NULL);
  store = bo_store_open (path, &error);
  g_assert_no_error (error);
  if (sample)
    {
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 26, 11, 2026);
      g_assert_true (bo_store_generate_demo (store, BO_DEMO_SMALL, 11, g_date_get_julian (&date),
                                             &error));
      g_assert_no_error (error);
    }
  return store;
}

void
bo_gui_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (dir);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a while, so that widgets map, draw and settle. */
void
bo_gui_test_iterate (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
bo_gui_test_wait_for (gboolean (*condition) (gpointer data),
                      gpointer   data,
                      guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static const char *
accessible_label (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "bo-test-label");
}

static gboolean
matches (GtkWidget  *widget,
         GType       type,
         const char *name_or_label)
{
  const char *text = NULL;

  if (type != G_TYPE_INVALID && !g_type_is_a (G_OBJECT_TYPE (widget), type))
    return FALSE;
  if (name_or_label == NULL)
    return TRUE;
  if (g_strcmp0 (gtk_widget_get_name (widget), name_or_label) == 0 ||
      g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), name_or_label) == 0 ||
      g_strcmp0 (accessible_label (widget), name_or_label) == 0)
    return TRUE;
  if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_LABEL (widget))
    text = gtk_label_get_label (GTK_LABEL (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (text != NULL)
    {
      g_autofree char *plain = g_strdup (text);
      char *underline;

      /* Mnemonics do not count. */
      while ((underline = strchr (plain, '_')) != NULL)
        memmove (underline, underline + 1, strlen (underline));
      if (g_str_equal (plain, name_or_label))
        return TRUE;
    }
  if (GTK_IS_WIDGET (widget) && gtk_widget_get_tooltip_text (widget) != NULL &&
      g_str_equal (gtk_widget_get_tooltip_text (widget), name_or_label))
    return TRUE;
  return FALSE;
}

/**
 * bo_gui_test_find:
 * @type: the widget type wanted, or %G_TYPE_INVALID for any
 * @name_or_label: (nullable): the widget's name, builder id, label,
 *   row title or tooltip
 *
 * Returns: (transfer none) (nullable): the first such widget under @root,
 *   depth first
 */
GtkWidget *
bo_gui_test_find (GtkWidget  *root,
                  GType       type,
                  const char *name_or_label)
{
  if (root == NULL)
    return NULL;
  if (matches (root, type, name_or_label))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bo_gui_test_find (child, type, name_or_label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * bo_gui_test_find_label:
 *
 * Returns: (transfer none) (nullable): a label under @root whose text
 *   contains @text
 */
GtkWidget *
bo_gui_test_find_label (GtkWidget  *root,
                        const char *text)
{
  if (root == NULL)
    return NULL;
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bo_gui_test_find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * bo_gui_test_find_window:
 *
 * Returns: (transfer none) (nullable): an open toplevel of @type
 */
GtkWindow *
bo_gui_test_find_window (GType type)
{
  g_autoptr(GListModel) toplevels = NULL;
  GtkWindow *found = NULL;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; found == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }
  return found;
}

/* Types into an entry or entry row as a user would: the text changes and
 * the change signals run. */
void
bo_gui_test_set_text (GtkWidget  *editable,
                      const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (editable));
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  bo_gui_test_iterate (20);
}

guint
bo_gui_test_n_rows (GtkColumnView *view)
{
  GtkSelectionModel *model = gtk_column_view_get_model (view);

  return model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}
