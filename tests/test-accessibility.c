/* test-accessibility.c — every interactive widget has an accessible name
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Walks every main view and every dialog on the sample shop. A widget a
 * screen-reader user can act on must be named: by its own visible label, by
 * the accessible label property, or by a labelled-by relation (which
 * libadwaita's rows set for what they hold).
 */
#include "config.h"

#include "bo-availability-dialog.h"
#include "bo-customer-dialog.h"
#include "bo-goodwill-dialog.h"
#include "bo-gui-test.h"
#include "bo-import-dialog.h"
#include "bo-new-order-dialog.h"
#include "bo-order-dialog.h"
#include "bo-po-dialog.h"
#include "bo-preferences-dialog.h"
#include "bo-product-dialog.h"
#include "bo-receive-dialog.h"
#include "bo-reorder-order-dialog.h"
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

/* Widgets a user operates directly. The parts of a composite widget (the
 * text inside an entry, a spin button or a search entry) take their name
 * from the whole, which is checked instead. Nothing else is exempt: not the
 * cells of column views, not the buttons of rows, not the text field of an
 * entry row (which libadwaita 1.2 leaves unnamed; bo_form_name_entry_rows()
 * names it). */
static gboolean
is_interactive (GtkWidget *widget)
{
  /* What is on screen: hidden stack pages and closed revealers are not. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_MENU_BUTTON (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) ||
      GTK_IS_DROP_DOWN (widget) || GTK_IS_COLUMN_VIEW (widget) || GTK_IS_SWITCH (widget) ||
      GTK_IS_CHECK_BUTTON (widget) || GTK_IS_TEXT_VIEW (widget) || GTK_IS_BUTTON (widget))
    return TRUE;
  if (GTK_IS_LIST_BOX_ROW (widget))
    return gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget));
  if (GTK_IS_ENTRY (widget) || GTK_IS_TEXT (widget))
    return !inside (widget, GTK_TYPE_ENTRY) && !inside (widget, GTK_TYPE_SPIN_BUTTON) &&
           !inside (widget, GTK_TYPE_SEARCH_ENTRY);
  return FALSE;
}

static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed)
{
  if (is_interactive (widget) && !named (widget))
    g_ptr_array_add (unnamed, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

/* Lists the unnamed widgets under @root; returns how many. */
static guint
report_unnamed (GtkWidget  *root,
                const char *where)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new ();

  collect_unnamed (root, unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (unnamed, i);
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (w));
      GtkWidget *parent = gtk_widget_get_parent (w);

      g_test_message ("%s: %s%s%s (in %s) has no accessible name", where, G_OBJECT_TYPE_NAME (w),
                      id != NULL ? " " : "", id != NULL ? id : "",
                      parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "nothing");
    }
  return unnamed->len;
}

static gboolean
import_page_is_preview (gpointer data)
{
  return g_strcmp0 (bo_import_dialog_get_page (data), "preview") == 0 &&
         bo_import_dialog_get_plan (data) != NULL;
}

/* Every dialog, shown on its own, then destroyed. */
static guint
check_dialog (GtkWindow *dialog)
{
  guint unnamed;

  gtk_window_present (dialog);
  bo_gui_test_iterate (80);
  unnamed = report_unnamed (GTK_WIDGET (dialog), G_OBJECT_TYPE_NAME (dialog));
  gtk_window_destroy (dialog);
  return unnamed;
}

static void
test_views_and_dialogs (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, TRUE);
  BoWindow *window = bo_window_new (NULL, store);
  const char *views[] = { "dashboard", "orders", "backorders", "products", "purchase-orders",
                          "suppliers", "customers", "reorder" };
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GPtrArray) pos = NULL;
  g_autoptr(GPtrArray) reorders = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_build_filename (dir, "artikel.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  GtkWindow *import;
  gint64 order_id;
  gint64 po_id;
  guint unnamed = 0;

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      bo_window_show_view (window, views[i]);
      bo_gui_test_iterate (80);
      g_assert_cmpstr (bo_window_get_view_name (window), ==, views[i]);
      unnamed += report_unnamed (GTK_WIDGET (window), views[i]);
    }

  orders = bo_store_list_orders (store, BO_ORDER_FILTER_BACKORDERED, NULL, NULL, 0, 1, NULL);
  pos = bo_store_list_po_summaries (store, TRUE, NULL, NULL, 0, 1, NULL);
  reorders = bo_store_suggest_reorders (store, 90, 0.95, 30, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orders->len, ==, 1);
  g_assert_cmpuint (pos->len, ==, 1);
  g_assert_cmpuint (reorders->len, >, 0);
  order_id = ((BoOrderSummary *) g_ptr_array_index (orders, 0))->order_id;
  po_id = ((BoPoSummary *) g_ptr_array_index (pos, 0))->id;

  /* The thirteen dialogs: products new and existing, then every other one. */
  unnamed += check_dialog (bo_product_dialog_new (GTK_WINDOW (window), store, 0));
  unnamed += check_dialog (bo_product_dialog_new (GTK_WINDOW (window), store, 1));
  unnamed += check_dialog (bo_supplier_dialog_new (GTK_WINDOW (window), store, 0));
  unnamed += check_dialog (bo_customer_dialog_new (GTK_WINDOW (window), store, 0));
  unnamed += check_dialog (bo_new_order_dialog_new (GTK_WINDOW (window), store));
  unnamed += check_dialog (bo_order_dialog_new (GTK_WINDOW (window), store, order_id));
  unnamed += check_dialog (bo_goodwill_dialog_new (GTK_WINDOW (window), store, order_id));
  unnamed += check_dialog (bo_po_dialog_new (GTK_WINDOW (window), store, po_id));
  unnamed += check_dialog (bo_receive_dialog_new (GTK_WINDOW (window), store, po_id));
  unnamed += check_dialog (bo_preferences_dialog_new (GTK_WINDOW (window), store));
  unnamed += check_dialog (bo_availability_dialog_new (GTK_WINDOW (window), store));
  unnamed += check_dialog (bo_reorder_order_dialog_new (GTK_WINDOW (window), store,
                                                        g_ptr_array_index (reorders, 0)));

  /* The import dialog's first page, then its preview with the mapping
   * step of a column it does not know. */
  import = bo_import_dialog_new (GTK_WINDOW (window), store);
  gtk_window_present (import);
  bo_gui_test_iterate (80);
  unnamed += report_unnamed (GTK_WIDGET (import), "BoImportDialog (choose)");
  g_assert_true (g_file_set_contents (csv, "Artikelnummer,Name,Stock\nA-1,Apple,5\n", -1, NULL));
  bo_import_dialog_set_file (BO_IMPORT_DIALOG (import), file);
  g_assert_true (bo_gui_test_wait_for (import_page_is_preview, import, 20000));
  bo_import_dialog_set_format (BO_IMPORT_DIALOG (import), BO_IMPORT_CSV_PRODUCTS);
  g_assert_true (bo_gui_test_wait_for (import_page_is_preview, import, 20000));
  bo_gui_test_iterate (80);
  g_assert_nonnull (bo_gui_test_find (GTK_WIDGET (import), ADW_TYPE_COMBO_ROW, "Artikelnummer"));
  unnamed += report_unnamed (GTK_WIDGET (import), "BoImportDialog (preview)");
  gtk_window_destroy (import);

  g_assert_cmpuint (unnamed, ==, 0);
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
