/* bo-gui-test.c — driving real widgets in tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
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

/* ---- layout ------------------------------------------------------------------ */

static char *
describe (GtkWidget *widget)
{
  g_autoptr(GString) path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL && !GTK_IS_NATIVE (w); w = gtk_widget_get_parent (w))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (w));

      if (id != NULL || w == widget || GTK_IS_ROOT (gtk_widget_get_parent (w)))
        {
          g_string_prepend (path, id != NULL ? id : G_OBJECT_TYPE_NAME (w));
          g_string_prepend (path, "/");
        }
    }
  return g_string_free (g_steal_pointer (&path), FALSE);
}

/* A label may be cut short only where the whole text is one hover away (a
 * tooltip on it or on its cell), or where libadwaita means it to be (a
 * window title). */
static gboolean
full_text_reachable (GtkWidget *label)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));
  guint depth = 0;

  for (GtkWidget *w = label; w != NULL && depth < 4; w = gtk_widget_get_parent (w), depth++)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (w);

      if (ADW_IS_WINDOW_TITLE (w))
        return TRUE;
      if (tooltip != NULL && strstr (tooltip, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
check_label (GtkWidget *widget,
             GString   *problems)
{
  GtkLabel *label = GTK_LABEL (widget);
  const char *text = gtk_label_get_text (label);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout *layout;
  PangoRectangle ink, logical;

  if (text == NULL || *text == '\0')
    return;
  /* The text as laid out for the label's allocation: wider or taller than
   * the label is cut off, whatever CSS boxes surround it. */
  layout = gtk_label_get_layout (label);
  if (pango_layout_is_ellipsized (layout))
    {
      if (!full_text_reachable (widget))
        {
          g_autofree char *where = describe (widget);
          g_string_append_printf (problems, "label \"%s\" is ellipsized (%d px) at %s\n", text,
                                  width, where);
        }
      return;
    }
  pango_layout_get_pixel_extents (layout, &ink, &logical);
  if (logical.width > width + 1)
    {
      g_autofree char *where = describe (widget);
      g_string_append_printf (problems, "label \"%s\" is clipped: %d px of %d at %s\n", text, width,
                              logical.width, where);
    }
  else if (logical.height > height + 1)
    {
      g_autofree char *where = describe (widget);
      g_string_append_printf (problems, "label \"%s\" is cut at the bottom: %d px of %d at %s\n",
                              text, height, logical.height, where);
    }
}

/* Children of a scrollable widget are meant to lie outside it. */
static gboolean
scrolls_its_children (GtkWidget *widget)
{
  return GTK_IS_SCROLLABLE (widget) || GTK_IS_SCROLLED_WINDOW (widget);
}

/* Set BO_LAYOUT_DEBUG=N to see which widgets ask for more than N px. */
static void
dump_wide (GtkWidget *widget,
           int        threshold,
           int        depth)
{
  int min;

  if (!gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min < threshold)
    return;
  g_printerr ("%*s%s %s min %d\n", depth, "", G_OBJECT_TYPE_NAME (widget),
              gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) ?: "", min);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    dump_wide (child, threshold, depth + 1);
}

static void
check_tree (GtkWidget *widget,
            GString   *problems)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_child_visible (widget))
    return;
  if (GTK_IS_NATIVE (widget) && !GTK_IS_ROOT (widget))
    return; /* a popover: checked when it is open, as its own window */
  if (GTK_IS_SCROLLBAR (widget))
    return; /* its slider overhangs by design */
  if (parent != NULL && !GTK_IS_ROOT (widget) && !scrolls_its_children (parent))
    {
      graphene_rect_t bounds;
      int pw = gtk_widget_get_width (parent);
      int ph = gtk_widget_get_height (parent);

      if (gtk_widget_compute_bounds (widget, parent, &bounds) &&
          (bounds.origin.x < -1 || bounds.origin.y < -1 ||
           bounds.origin.x + bounds.size.width > pw + 1 ||
           bounds.origin.y + bounds.size.height > ph + 1))
        {
          g_autofree char *where = describe (widget);
          g_string_append_printf (problems,
                                  "%s (%g,%g %g×%g) exceeds its parent %s (%d×%d)\n",
                                  where, bounds.origin.x, bounds.origin.y, bounds.size.width,
                                  bounds.size.height, G_OBJECT_TYPE_NAME (parent), pw, ph);
        }
    }
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget));
      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget));

      /* A list read sideways is a list not read: columns must fit. */
      if (GTK_IS_COLUMN_VIEW (child) &&
          gtk_adjustment_get_upper (h) > gtk_adjustment_get_page_size (h) + 1)
        {
          g_autofree char *where = describe (child);
          g_string_append_printf (problems, "columns of %s run off: %g px in %g\n", where,
                                  gtk_adjustment_get_upper (h), gtk_adjustment_get_page_size (h));
        }
    }
  if (GTK_IS_LABEL (widget))
    check_label (widget, problems);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_tree (child, problems);
}

/**
 * bo_gui_test_layout_problems:
 *
 * Walks the drawn widgets under @root: labels cut short that were not meant
 * to be, widgets outside their parent, lists whose columns run off.
 *
 * Returns: (transfer full): one line per problem, empty when none
 */
char *
bo_gui_test_layout_problems (GtkWidget *root)
{
  GString *problems = g_string_new (NULL);

  if (g_getenv ("BO_LAYOUT_DEBUG") != NULL)
    dump_wide (root, atoi (g_getenv ("BO_LAYOUT_DEBUG")), 0);
  check_tree (root, problems);
  return g_string_free (problems, FALSE);
}

/**
 * bo_gui_test_find_message:
 *
 * Returns: (transfer none) (nullable): an open message dialog whose heading
 *   is @heading
 */
AdwMessageDialog *
bo_gui_test_find_message (const char *heading)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Closing a form with typed content asks first; Keep Editing keeps it open,
 * Discard closes it. */
void
bo_gui_test_check_discard (GtkWindow  *dialog,
                           const char *heading)
{
  AdwMessageDialog *message;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  /* Esc is bound to window.close, as is Cancel. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  bo_gui_test_iterate (50);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  message = bo_gui_test_find_message (heading);
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_default_response (message), ==, "keep");
  adw_message_dialog_response (message, "keep");
  bo_gui_test_iterate (50);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_window_close (dialog);
  bo_gui_test_iterate (50);
  message = bo_gui_test_find_message (heading);
  g_assert_nonnull (message);
  adw_message_dialog_response (message, "discard");
  bo_gui_test_iterate (50);
  g_assert_null (dialog);
}

/* Starts an empty shop as a merchant does: the window asks the shop's name
 * and currency first. */
void
bo_gui_test_start_empty_shop (GtkWidget *window)
{
  AdwMessageDialog *message;
  GtkWidget *name, *currency;

  g_assert_true (gtk_widget_activate_action (window, "win.start-empty", NULL));
  bo_gui_test_iterate (20);
  message = bo_gui_test_find_message ("Name Your Shop");
  g_assert_nonnull (message);
  g_assert_false (adw_message_dialog_get_response_enabled (message, "start"));
  name = bo_gui_test_find (GTK_WIDGET (message), ADW_TYPE_ENTRY_ROW, "Shop Name");
  currency = bo_gui_test_find (GTK_WIDGET (message), ADW_TYPE_ENTRY_ROW,
                               "Currency (three letters, such as EUR or USD)");
  g_assert_nonnull (name);
  g_assert_nonnull (currency);
  bo_gui_test_set_text (name, "Corner Shop");
  bo_gui_test_set_text (currency, "usd");
  g_assert_false (adw_message_dialog_get_response_enabled (message, "start"));
  bo_gui_test_set_text (currency, "USD");
  g_assert_true (adw_message_dialog_get_response_enabled (message, "start"));
  adw_message_dialog_response (message, "start");
  bo_gui_test_iterate (50);
}

/**
 * bo_gui_test_toast_slid_in:
 * @toast_widget: the AdwToastWidget of a toast
 *
 * Whether the toast has slid in whole, as the merchant sees it before
 * clicking it: its margin box ends at the overlay's bottom edge. (A toast
 * closed while it slides in can crash libadwaita 1.2; see app/gui/bo-toast.c.)
 * Usable with bo_gui_test_wait_for().
 */
gboolean
bo_gui_test_toast_slid_in (gpointer toast_widget)
{
  GtkWidget *toast = toast_widget;
  GtkWidget *overlay = gtk_widget_get_parent (toast);
  graphene_rect_t bounds;
  GtkBorder margin;
  int height;

  if (overlay == NULL || !gtk_widget_compute_bounds (toast, overlay, &bounds))
    return FALSE;
  gtk_widget_measure (toast, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  gtk_style_context_get_margin (gtk_widget_get_style_context (toast), &margin);
  return fabsf (bounds.origin.y - margin.top + height - gtk_widget_get_height (overlay)) < 0.001f;
}
