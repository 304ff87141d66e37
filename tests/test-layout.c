/* test-layout.c — every view and dialog fits, in German and French, down to half a laptop screen
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The language comes from LANGUAGE (meson runs this program once per
 * language, with the catalogues of the build). Each view and dialog is drawn
 * at its default size and at 683 px wide (half a 1366 px screen); a label cut
 * short that was not meant to be, a widget outside its parent or a list whose
 * columns run off the window fails the test. At 360 px the sidebar folds away
 * and every list can still be reached and read.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

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
#include "bo-reorder-item.h"
#include "bo-reorder-order-dialog.h"
#include "bo-reorder-view.h"
#include "bo-supplier-dialog.h"
#include "bo-window.h"

#define HALF_LAPTOP 683
#define PHONE 360

static const char *views[] = { "dashboard", "orders", "backorders", "products",
                               "purchase-orders", "suppliers", "customers", "reorder" };

typedef struct
{
  char      *dir;
  BoStore   *store;
  BoWindow  *window;
  GString   *problems;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = bo_gui_test_open_store (&f->dir, TRUE);
  f->window = bo_window_new (NULL, f->store);
  f->problems = g_string_new (NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  bo_gui_test_remove_dir (f->dir);
  g_free (f->dir);
  g_string_free (f->problems, TRUE);
}

static void
collect (Fixture    *f,
         GtkWidget  *root,
         const char *what,
         int         width)
{
  g_autofree char *found = bo_gui_test_layout_problems (root);

  /* A busy machine may not have settled yet (lists fit their columns one at
   * a time, a frame each): look again a little later before failing. */
  for (guint tries = 0; *found != '\0' && tries < 3; tries++)
    {
      bo_gui_test_iterate (500);
      g_free (found);
      found = bo_gui_test_layout_problems (root);
    }
  if (*found != '\0')
    g_string_append_printf (f->problems, "— %s at %d px:\n%s", what, width, found);
}

static void
assert_no_problems (Fixture *f)
{
  if (f->problems->len > 0)
    {
      g_printerr ("%s", f->problems->str);
      g_test_fail_printf ("%s: layout problems", g_getenv ("LANGUAGE"));
    }
}

/* Resizes a presented window as a window manager would, and lets it settle. */
static void
resize (GtkWindow *window,
        int        width,
        int        height)
{
  gtk_window_set_default_size (window, width, height);
  gtk_widget_queue_resize (GTK_WIDGET (window));
  bo_gui_test_iterate (150);
}

static void
check_width (Fixture    *f,
             GtkWidget  *window,
             const char *what,
             int         width)
{
  int min;

  gtk_widget_measure (gtk_window_get_child (GTK_WINDOW (window)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min, NULL, NULL, NULL);
  if (min > width)
    g_string_append_printf (f->problems, "— %s needs %d px, more than %d\n", what, min, width);
  if (gtk_widget_get_width (window) > width + 1)
    g_string_append_printf (f->problems, "— %s is %d px wide, asked for %d\n", what,
                            gtk_widget_get_width (window), width);
}

/* Hiding columns must leave a list worth reading. */
static void
check_columns (Fixture    *f,
               GtkWidget  *view,
               const char *what,
               int         width,
               guint       at_least)
{
  GtkWidget *list = bo_gui_test_find (view, GTK_TYPE_COLUMN_VIEW, NULL);
  GListModel *columns;
  guint shown = 0, n;

  if (list == NULL || !gtk_widget_get_mapped (list))
    return;
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (list));
  n = g_list_model_get_n_items (columns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      shown += gtk_column_view_column_get_visible (column);
    }
  if (shown < MIN (at_least, n))
    g_string_append_printf (f->problems, "— %s at %d px shows %u of %u columns\n", what, width,
                            shown, n);
}

static void
test_views (Fixture       *f,
            gconstpointer  data)
{
  const int widths[] = { 1180, HALF_LAPTOP };

  gtk_window_set_default_size (GTK_WINDOW (f->window), widths[0], 760);
  gtk_window_present (GTK_WINDOW (f->window));
  bo_gui_test_iterate (100);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      resize (GTK_WINDOW (f->window), widths[w], 760);
      check_width (f, GTK_WIDGET (f->window), "the window", widths[w]);
      for (guint i = 0; i < G_N_ELEMENTS (views); i++)
        {
          bo_window_show_view (f->window, views[i]);
          bo_gui_test_iterate (400);
          collect (f, GTK_WIDGET (f->window), views[i], widths[w]);
          check_columns (f, bo_window_get_view (f->window, views[i]), views[i], widths[w],
                         w == 0 ? 6 : 3);
        }
    }
  assert_no_problems (f);
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (data));
}

/* At 360 px the sidebar and the view take turns; each list is reachable from
 * the sidebar, shows rows and has a way back. */
static void
test_phone_width (Fixture       *f,
                  gconstpointer  data)
{
  AdwLeaflet *leaflet;

  gtk_window_set_default_size (GTK_WINDOW (f->window), PHONE, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  bo_gui_test_iterate (200);
  check_width (f, GTK_WIDGET (f->window), "the window", PHONE);
  leaflet = ADW_LEAFLET (bo_gui_test_find (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET, "leaflet"));
  g_assert_nonnull (leaflet);
  g_assert_true (bo_gui_test_wait_for (is_folded, leaflet, 2000));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *view;
      GtkWidget *list;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-sidebar", NULL));
      bo_gui_test_iterate (400);
      g_assert_cmpstr (gtk_buildable_get_buildable_id (GTK_BUILDABLE (adw_leaflet_get_visible_child (leaflet))), ==,
                       "sidebar_box");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s",
                                                 views[i]));
      bo_gui_test_iterate (400);
      view = bo_window_get_view (f->window, views[i]);
      g_assert_true (gtk_widget_get_mapped (view));
      list = bo_gui_test_find (view, GTK_TYPE_COLUMN_VIEW, NULL);
      if (list != NULL && gtk_widget_get_mapped (list))
        g_assert_cmpuint (bo_gui_test_n_rows (GTK_COLUMN_VIEW (list)), >, 0);
      collect (f, GTK_WIDGET (f->window), views[i], PHONE);
      check_columns (f, view, views[i], PHONE, 2);
    }
  assert_no_problems (f);
}

static void
check_dialog (Fixture    *f,
              GtkWindow  *dialog)
{
  const char *name = G_OBJECT_TYPE_NAME (dialog);
  int width, height;

  gtk_window_present (dialog);
  bo_gui_test_iterate (300);
  gtk_window_get_default_size (dialog, &width, &height);
  collect (f, GTK_WIDGET (dialog), name, gtk_widget_get_width (GTK_WIDGET (dialog)));
  if (gtk_widget_get_width (GTK_WIDGET (dialog)) > HALF_LAPTOP)
    {
      resize (dialog, HALF_LAPTOP, height);
      check_width (f, GTK_WIDGET (dialog), name, HALF_LAPTOP);
      collect (f, GTK_WIDGET (dialog), name, HALF_LAPTOP);
    }
  gtk_window_destroy (dialog);
  bo_gui_test_iterate (20);
}

static void
test_dialogs (Fixture       *f,
              gconstpointer  data)
{
  GtkWindow *parent = GTK_WINDOW (f->window);
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GPtrArray) pos = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(BoReorderItem) reorder = NULL;
  GListModel *reorders;
  gint64 order_id, po_id;

  gtk_window_present (parent);
  bo_gui_test_iterate (100);
  orders = bo_store_list_orders (f->store, BO_ORDER_FILTER_BACKORDERED, NULL, NULL, 0, 1, NULL);
  pos = bo_store_list_po_summaries (f->store, TRUE, NULL, NULL, 0, 1, NULL);
  products = bo_store_list_products (f->store, NULL, "-backordered", 0, 1, NULL);
  customers = bo_store_list_customers (f->store, NULL, NULL, 0, 1, NULL);
  suppliers = bo_store_list_suppliers (f->store, NULL);
  g_assert_cmpuint (orders->len, ==, 1);
  g_assert_cmpuint (pos->len, ==, 1);
  order_id = ((BoOrderSummary *) g_ptr_array_index (orders, 0))->order_id;
  po_id = ((BoPoSummary *) g_ptr_array_index (pos, 0))->id;

  check_dialog (f, bo_product_dialog_new (parent, f->store, 0));
  check_dialog (f, bo_product_dialog_new (parent, f->store,
                                          ((BoProduct *) g_ptr_array_index (products, 0))->id));
  check_dialog (f, bo_supplier_dialog_new (parent, f->store, 0));
  check_dialog (f, bo_supplier_dialog_new (parent, f->store,
                                           ((BoSupplier *) g_ptr_array_index (suppliers, 0))->id));
  check_dialog (f, bo_customer_dialog_new (parent, f->store, 0));
  check_dialog (f, bo_customer_dialog_new (parent, f->store,
                                           ((BoCustomer *) g_ptr_array_index (customers, 0))->id));
  check_dialog (f, bo_new_order_dialog_new (parent, f->store));
  check_dialog (f, bo_order_dialog_new (parent, f->store, order_id));
  check_dialog (f, bo_goodwill_dialog_new (parent, f->store, order_id));
  check_dialog (f, bo_po_dialog_new (parent, f->store, 0));
  check_dialog (f, bo_po_dialog_new (parent, f->store, po_id));
  check_dialog (f, bo_receive_dialog_new (parent, f->store, po_id));
  check_dialog (f, bo_preferences_dialog_new (parent, f->store));
  check_dialog (f, bo_import_dialog_new (parent, f->store));
  check_dialog (f, bo_availability_dialog_new (parent, f->store));

  bo_window_show_view (f->window, "reorder");
  bo_gui_test_iterate (300);
  reorders = bo_reorder_view_get_model (BO_REORDER_VIEW (bo_window_get_view (f->window, "reorder")));
  g_assert_cmpuint (g_list_model_get_n_items (reorders), >, 0);
  reorder = g_list_model_get_item (reorders, 0);
  check_dialog (f, bo_reorder_order_dialog_new (parent, f->store,
                                                bo_reorder_item_get_suggestion (reorder)));
  assert_no_problems (f);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *locale_dir = NULL;

  if (g_getenv ("LANGUAGE") == NULL)
    g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  if (!bo_gui_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add ("/layout/views", Fixture, NULL, fixture_set_up, test_views, fixture_tear_down);
  g_test_add ("/layout/dialogs", Fixture, NULL, fixture_set_up, test_dialogs, fixture_tear_down);
  g_test_add ("/layout/phone-width", Fixture, NULL, fixture_set_up, test_phone_width,
              fixture_tear_down);
  return g_test_run ();
}
