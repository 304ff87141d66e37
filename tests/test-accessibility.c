/* test-accessibility.c — every interactive widget has an accessible name
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Walks every main view and every dialog on the sample shop. A widget a
 * screen-reader user can act on must be named: by its own visible label, by
 * the accessible label property, or by a labelled-by relation (which
 * libadwaita's rows set for what they hold).
 */
#include "config.h"

#include "bo-customer-dialog.h"
#include "bo-gui-test.h"
#include "bo-new-order-dialog.h"
#include "bo-order-dialog.h"
#include "bo-po-dialog.h"
#include "bo-preferences-dialog.h"
#include "bo-product-dialog.h"
#include "bo-receive-dialog.h"
#include "bo-supplier-dialog.h"
#include "bo-window.h"

static gboolean
has_visible_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_visible_text (child))
      return TRUE;
  return FALSE;
}

static gboolean
inside (GtkWidget *widget,
        GType      type)
{
  return gtk_widget_get_ancestor (widget, type) != NULL;
}

/* Buttons are named by the text they show; a text field's placeholder or
 * contents are not its name. */
static gboolean
named (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  gboolean field = GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget) ||
                   GTK_IS_DROP_DOWN (widget) || GTK_IS_COLUMN_VIEW (widget);

  return gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
         (!field && has_visible_text (widget));
}

/* Widgets a user operates directly. Parts of composite widgets (the entry
 * inside a spin button, the buttons of a column header, the text of an
 * entry row) take their name from the whole and are not checked alone. */
static gboolean
is_interactive (GtkWidget *widget)
{
  /* What is on screen: hidden stack pages and closed revealers are not. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (inside (widget, ADW_TYPE_ENTRY_ROW) || inside (widget, GTK_TYPE_COLUMN_VIEW) ||
      inside (widget, GTK_TYPE_SHORTCUTS_WINDOW))
    return FALSE;
  if (GTK_IS_MENU_BUTTON (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) ||
      GTK_IS_DROP_DOWN (widget) || GTK_IS_COLUMN_VIEW (widget) || GTK_IS_SWITCH (widget) ||
      GTK_IS_CHECK_BUTTON (widget) || GTK_IS_TEXT_VIEW (widget))
    return TRUE;
  if (GTK_IS_BUTTON (widget))
    return !inside (widget, GTK_TYPE_MENU_BUTTON) && !inside (widget, GTK_TYPE_SPIN_BUTTON) &&
           !inside (widget, GTK_TYPE_DROP_DOWN) && !inside (widget, ADW_TYPE_COMBO_ROW) &&
           !inside (widget, GTK_TYPE_WINDOW_CONTROLS);
  if (GTK_IS_ENTRY (widget))
    return !inside (widget, GTK_TYPE_SPIN_BUTTON) && !inside (widget, GTK_TYPE_SEARCH_ENTRY);
  return FALSE;
}

/* Switches and spin buttons in a row are named by the row's title. */
static gboolean
named_by_row (GtkWidget *widget)
{
  return (GTK_IS_SWITCH (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) ||
          GTK_IS_DROP_DOWN (widget) || GTK_IS_BUTTON (widget) || GTK_IS_TEXT_VIEW (widget)) &&
         inside (widget, ADW_TYPE_PREFERENCES_ROW);
}

static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed)
{
  if (is_interactive (widget) && !named (widget) && !named_by_row (widget))
    g_ptr_array_add (unnamed, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

static void
assert_all_named (GtkWidget  *root,
                  const char *where)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new ();

  collect_unnamed (root, unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (unnamed, i);
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (w));

      g_test_message ("%s: %s%s%s has no accessible name", where, G_OBJECT_TYPE_NAME (w),
                      id != NULL ? " " : "", id != NULL ? id : "");
    }
  g_assert_cmpuint (unnamed->len, ==, 0);
}

static void
test_views_and_dialogs (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, TRUE);
  BoWindow *window = bo_window_new (NULL, store);
  const char *views[] = { "dashboard", "orders", "backorders", "products", "purchase-orders",
                          "suppliers", "customers" };
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GPtrArray) pos = NULL;
  GtkWindow *dialogs[9];
  guint n = 0;

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      bo_window_show_view (window, views[i]);
      bo_gui_test_iterate (80);
      assert_all_named (GTK_WIDGET (window), views[i]);
    }

  orders = bo_store_list_orders (store, BO_ORDER_FILTER_BACKORDERED, NULL, NULL, 0, 1, NULL);
  pos = bo_store_list_po_summaries (store, TRUE, NULL, NULL, 0, 1, NULL);
  g_assert_cmpuint (orders->len, ==, 1);
  g_assert_cmpuint (pos->len, ==, 1);

  dialogs[n++] = bo_product_dialog_new (GTK_WINDOW (window), store, 0);
  dialogs[n++] = bo_product_dialog_new (GTK_WINDOW (window), store, 1);
  dialogs[n++] = bo_supplier_dialog_new (GTK_WINDOW (window), store, 0);
  dialogs[n++] = bo_customer_dialog_new (GTK_WINDOW (window), store, 0);
  dialogs[n++] = bo_new_order_dialog_new (GTK_WINDOW (window), store);
  dialogs[n++] = bo_order_dialog_new (GTK_WINDOW (window), store,
                                      ((BoOrderSummary *) g_ptr_array_index (orders, 0))->order_id);
  dialogs[n++] = bo_po_dialog_new (GTK_WINDOW (window), store,
                                   ((BoPoSummary *) g_ptr_array_index (pos, 0))->id);
  dialogs[n++] = bo_receive_dialog_new (GTK_WINDOW (window), store,
                                        ((BoPoSummary *) g_ptr_array_index (pos, 0))->id);
  dialogs[n++] = bo_preferences_dialog_new (GTK_WINDOW (window), store);

  for (guint i = 0; i < n; i++)
    {
      gtk_window_present (dialogs[i]);
      bo_gui_test_iterate (80);
      assert_all_named (GTK_WIDGET (dialogs[i]), G_OBJECT_TYPE_NAME (dialogs[i]));
      gtk_window_destroy (dialogs[i]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* The test accessibility backend records names and relations. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!bo_gui_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  g_test_add_func ("/accessibility/views-and-dialogs", test_views_and_dialogs);
  return g_test_run ();
}
