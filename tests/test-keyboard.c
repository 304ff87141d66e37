/* test-keyboard.c — the window without a mouse: column headers, Ctrl+N, Tab out of the sidebar
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys are pressed through the shortcuts the widgets hold, as GTK does when
 * the key comes: the test finds the shortcut a key triggers on a widget and
 * runs its action there.
 */
#include "config.h"

#include "bo-column-sorter.h"
#include "bo-customer-dialog.h"
#include "bo-gui-test.h"
#include "bo-new-order-dialog.h"
#include "bo-po-dialog.h"
#include "bo-product-dialog.h"
#include "bo-supplier-dialog.h"
#include "bo-window.h"

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, modifiers) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, modifiers);
  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

/* Presses @accel on @widget; returns whether a shortcut of the widget took it. */
static gboolean
press (GtkWidget  *widget,
       const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GdkModifierType modifiers;
  guint keyval;

  g_assert_true (gtk_accelerator_parse (accel, &keyval, &modifiers));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* The header button of @title's column: the child of the header row that
 * holds its label. */
static GtkWidget *
header_button (GtkColumnView *columns,
               const char    *title)
{
  GtkWidget *label = NULL, *header = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (columns)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "header") == 0)
      header = child;
  g_assert_nonnull (header);
  label = bo_gui_test_find_label (header, title);
  g_assert_nonnull (label);
  while (gtk_widget_get_parent (label) != header)
    label = gtk_widget_get_parent (label);
  return label;
}

static void
test_column_headers (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, TRUE);
  BoWindow *window = bo_window_new (NULL, store);
  GtkColumnView *columns;
  GtkWidget *customer, *focus;
  g_autofree char *ascending = NULL, *descending = NULL;

  gtk_window_present (GTK_WINDOW (window));
  bo_window_show_view (window, "orders");
  /* Long enough for the list to fit its columns to the window (it hides
   * those it has no room for, one a frame). */
  bo_gui_test_iterate (400);
  columns = GTK_COLUMN_VIEW (bo_gui_test_find (bo_window_get_view (window, "orders"),
                                               GTK_TYPE_COLUMN_VIEW, NULL));
  customer = header_button (columns, "Customer");

  /* From the rows, Shift+Tab reaches the headers; Right moves to the next. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (columns), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_false (gtk_widget_get_parent (focus) == gtk_widget_get_parent (customer));
  g_assert_true (press (GTK_WIDGET (columns), "<Shift>Tab"));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_parent (focus) == gtk_widget_get_parent (customer));
  g_assert_true (gtk_widget_get_focusable (customer));
  while (focus != customer)
    {
      g_assert_true (press (focus, "Right"));
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) != focus);
      focus = gtk_root_get_focus (GTK_ROOT (window));
    }

  /* Enter sorts by the column, Space again turns the order round. */
  g_assert_true (press (customer, "Return"));
  bo_gui_test_iterate (50);
  ascending = bo_column_view_get_sort (columns);
  g_assert_cmpstr (ascending, ==, "customer");
  g_assert_true (press (customer, "space"));
  bo_gui_test_iterate (50);
  descending = bo_column_view_get_sort (columns);
  g_assert_cmpstr (descending, ==, "-customer");

  /* Tab goes back into the rows. */
  g_assert_true (press (customer, "Tab"));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (columns)));
  g_assert_false (gtk_widget_get_parent (focus) == gtk_widget_get_parent (customer));

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

static void
test_ctrl_n (void)
{
  struct { const char *view; GType (*dialog) (void); } cases[] = {
    { "orders", bo_new_order_dialog_get_type },
    { "dashboard", bo_new_order_dialog_get_type },
    { "products", bo_product_dialog_get_type },
    { "purchase-orders", bo_po_dialog_get_type },
    { "suppliers", bo_supplier_dialog_get_type },
    { "customers", bo_customer_dialog_get_type },
  };
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, TRUE);
  BoWindow *window = bo_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWindow *dialog;

      bo_window_show_view (window, cases[i].view);
      bo_gui_test_iterate (50);
      g_assert_null (bo_gui_test_find_window (cases[i].dialog ()));
      g_assert_true (press (GTK_WIDGET (window), "<Control>n"));
      bo_gui_test_iterate (50);
      dialog = bo_gui_test_find_window (cases[i].dialog ());
      g_assert_nonnull (dialog);
      gtk_window_destroy (dialog);
      bo_gui_test_iterate (20);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

static void
test_tab_leaves_sidebar (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, TRUE);
  BoWindow *window = bo_window_new (NULL, store);
  GtkWidget *sidebar, *row, *focus;

  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  gtk_window_present (GTK_WINDOW (window));
  bo_window_show_view (window, "orders");
  bo_gui_test_iterate (100);
  sidebar = bo_gui_test_find (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "sidebar");
  g_assert_nonnull (sidebar);
  row = gtk_widget_get_first_child (sidebar);
  g_assert_true (gtk_widget_grab_focus (row));

  /* Tab: out of the sidebar at once, into the view's side of the window. */
  g_assert_true (press (sidebar, "Tab"));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, sidebar));

  /* Shift+Tab from the sidebar: out of it too, to the sidebar's header. */
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_next_sibling (row)));
  g_assert_true (press (sidebar, "<Shift>Tab"));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, sidebar));
  g_assert_true (GTK_IS_WIDGET (gtk_widget_get_ancestor (focus, ADW_TYPE_HEADER_BAR)));

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!bo_gui_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  g_test_add_func ("/keyboard/column-headers", test_column_headers);
  g_test_add_func ("/keyboard/ctrl-n", test_ctrl_n);
  g_test_add_func ("/keyboard/tab-leaves-sidebar", test_tab_leaves_sidebar);
  return g_test_run ();
}
