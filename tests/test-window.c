/* test-window.c — the main window: views, actions, empty shop, external changes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bo-application.h"
#include "bo-gui-test.h"
#include "bo-picklist-print.h"
#include "bo-products-view.h"
#include "bo-window.h"

static void
test_switch_every_view (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, TRUE);
  BoWindow *window = bo_window_new (NULL, store);
  const char *names[] = { "dashboard", "orders", "backorders", "products", "purchase-orders",
                          "suppliers", "customers" };

  gtk_window_present (GTK_WINDOW (window));
  bo_gui_test_iterate (50);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                                 names[i]));
      bo_gui_test_iterate (20);
      g_assert_cmpstr (bo_window_get_view_name (window), ==, names[i]);
      g_assert_true (gtk_widget_get_mapped (bo_window_get_view (window, names[i])));
    }

  /* Ctrl+4 shows the products: the sample shop's 36 products are listed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "products"));
  g_assert_cmpuint (g_list_model_get_n_items (bo_products_view_get_model (
                      BO_PRODUCTS_VIEW (bo_window_get_view (window, "products")))), ==, 36);

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

static void
test_products_search_and_sort (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, TRUE);
  BoWindow *window = bo_window_new (NULL, store);
  GtkWidget *view, *entry;
  GtkColumnView *columns;
  GListModel *model;
  GtkColumnViewColumn *price_column = NULL;
  g_autoptr(GListModel) column_list = NULL;
  g_autofree char *first_sku = NULL;

  gtk_window_present (GTK_WINDOW (window));
  bo_window_show_view (window, "products");
  bo_gui_test_iterate (50);
  view = bo_window_get_view (window, "products");
  model = bo_products_view_get_model (BO_PRODUCTS_VIEW (view));

  /* Ctrl+F focuses the search entry; typing filters in the store. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  entry = bo_gui_test_find (view, GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (entry);
  bo_gui_test_set_text (entry, "Mug");
  bo_gui_test_iterate (250);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  bo_gui_test_set_text (entry, "");
  bo_gui_test_iterate (250);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 36);

  /* Sorting by price, descending, is done by the store. */
  columns = GTK_COLUMN_VIEW (bo_gui_test_find (view, GTK_TYPE_COLUMN_VIEW, NULL));
  column_list = g_object_ref (gtk_column_view_get_columns (columns));
  for (guint i = 0; i < g_list_model_get_n_items (column_list); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (column_list, i);
      if (g_str_equal (gtk_column_view_column_get_title (column), "Price"))
        price_column = column;
    }
  g_assert_nonnull (price_column);
  gtk_column_view_sort_by_column (columns, price_column, GTK_SORT_DESCENDING);
  bo_gui_test_iterate (20);
  {
    g_autoptr(GObject) first = g_list_model_get_item (model, 0);
    g_autoptr(GObject) last = g_list_model_get_item (model, 35);
    g_autofree char *first_price = NULL, *last_price = NULL;
    gint64 hi, lo;

    g_object_get (first, "price", &first_price, NULL);
    g_object_get (last, "price", &last_price, NULL);
    hi = g_ascii_strtoll (first_price, NULL, 10);
    lo = g_ascii_strtoll (last_price, NULL, 10);
    g_assert_cmpint (hi, >=, lo);
    g_assert_cmpint (hi, >, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* The empty shop's page is gone, its cross-fade over. */
static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_empty_shop_offers_sample (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, FALSE);
  g_autoptr(GSettings) settings = bo_application_get_settings ();
  BoWindow *window;
  GtkWidget *button;

  /* A first start, as a new user's: the views seen by the tests before
   * this one are forgotten. */
  g_assert_nonnull (settings);
  g_settings_reset (settings, "last-view");
  window = bo_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  bo_gui_test_iterate (50);
  button = bo_gui_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Open Sample Shop");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));

  g_signal_emit_by_name (button, "clicked");
  g_assert_true (bo_gui_test_wait_for (is_unmapped, button, 2000));
  /* The sample shop opens on its dashboard, and only the dashboard shows. */
  g_assert_cmpstr (bo_window_get_view_name (window), ==, "dashboard");
  g_assert_true (gtk_widget_get_mapped (bo_window_get_view (window, "dashboard")));
  g_assert_false (gtk_widget_get_mapped (bo_window_get_view (window, "orders")));
  g_assert_cmpint (bo_store_count_products (store, NULL, NULL), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

/* A merchant who starts empty sees, in each view, how to begin; nothing
 * speaks of purchase orders "received or cancelled" that never existed. */
static void
test_empty_shop_views (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, FALSE);
  BoWindow *window = bo_window_new (NULL, store);
  const char *views[] = { "orders", "backorders", "products", "purchase-orders", "suppliers",
                          "customers", "reorder" };
  GtkWidget *page;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  bo_gui_test_iterate (50);
  bo_gui_test_start_empty_shop (GTK_WIDGET (window));
  {
    g_autofree char *shop_name = bo_store_get_setting (store, "shop-name");
    g_autofree char *currency = bo_store_get_setting (store, "currency");

    g_assert_cmpstr (shop_name, ==, "Corner Shop");
    g_assert_cmpstr (currency, ==, "USD");
  }
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *view;

      bo_window_show_view (window, views[i]);
      bo_gui_test_iterate (300);
      view = bo_window_get_view (window, views[i]);
      page = bo_gui_test_find (view, ADW_TYPE_STATUS_PAGE, NULL);
      g_assert_nonnull (page);
      if (!bo_gui_test_wait_for (is_mapped, page, 2000))
        g_error ("%s shows no empty state (list shown: %s)", views[i],
                 gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (page))));
      g_assert_null (bo_gui_test_find_label (view, "has been received or cancelled"));
    }

  bo_window_show_view (window, "products");
  bo_gui_test_iterate (300);
  page = bo_gui_test_find (bo_window_get_view (window, "products"), ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "No Products");
  g_assert_true (gtk_widget_get_mapped (bo_gui_test_find (page, GTK_TYPE_BUTTON,
                                                          "Add a Product")));

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

/* A change written by another program (here: a second connection, as
 * backorders-cli would) shows up without a restart. */
static gboolean
has_n_products (gpointer data)
{
  return g_list_model_get_n_items (data) == 37;
}

static void
test_follows_external_changes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, TRUE);
  g_autoptr(BoStore) other = NULL;
  g_autoptr(BoProduct) product = bo_product_new ();
  g_autoptr(GError) error = NULL;
  BoWindow *window;
  GListModel *model;

  bo_store_watch (store);
  window = bo_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  bo_window_show_view (window, "products");
  bo_gui_test_iterate (50);
  model = bo_products_view_get_model (BO_PRODUCTS_VIEW (bo_window_get_view (window, "products")));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 36);

  other = bo_store_open (bo_store_get_path (store), &error);
  g_assert_no_error (error);
  product->sku = g_strdup ("NEW-1");
  product->name = g_strdup ("Brand new");
  g_assert_true (bo_store_save_product (other, product, &error));
  g_assert_true (bo_gui_test_wait_for (has_n_products, model, 5000));

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

/* The print dialog proposes what was used last in this session ("Print to
 * File", its folder) and a file named after the pick list, not output.pdf. */
static void
test_print_settings_kept (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, TRUE);
  g_autoptr(GError) error = NULL;
  BoPicklist *picklist = bo_picklist_new_batch (store, NULL, 0, &error);
  g_autofree char *title = NULL;
  g_autofree char *expected_name = NULL;
  g_autoptr(GtkPrintSettings) last = gtk_print_settings_new ();
  g_autoptr(GtkPrintSettings) first = NULL;
  g_autoptr(GtkPrintSettings) next = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (picklist);
  title = bo_picklist_get_title (picklist);
  g_assert_true (g_str_has_prefix (title, "Batch pick list for "));

  first = _bo_picklist_print_settings_for (picklist);
  expected_name = g_strdup_printf ("%s.pdf", title);
  {
    g_autoptr(GFile) file = g_file_new_for_uri (gtk_print_settings_get (first,
                                                                        GTK_PRINT_SETTINGS_OUTPUT_URI));
    g_autofree char *basename = g_file_get_basename (file);
    g_assert_cmpstr (basename, ==, expected_name);
  }

  /* The last print went to a file in /tmp/prints: the next proposes the same. */
  gtk_print_settings_set_printer (last, "Print to File");
  gtk_print_settings_set (last, GTK_PRINT_SETTINGS_OUTPUT_URI, "file:///tmp/prints/output.pdf");
  _bo_picklist_print_remember (last);
  next = _bo_picklist_print_settings_for (picklist);
  g_assert_cmpstr (gtk_print_settings_get_printer (next), ==, "Print to File");
  {
    g_autoptr(GFile) file = g_file_new_for_uri (gtk_print_settings_get (next,
                                                                        GTK_PRINT_SETTINGS_OUTPUT_URI));
    g_autofree char *path = g_file_get_path (file);
    g_autofree char *wanted = g_build_filename ("/tmp/prints", expected_name, NULL);
    g_assert_cmpstr (path, ==, wanted);
  }
  _bo_picklist_print_remember (NULL);
  bo_picklist_free (picklist);
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
  g_test_add_func ("/window/switch-every-view", test_switch_every_view);
  g_test_add_func ("/window/products-search-and-sort", test_products_search_and_sort);
  g_test_add_func ("/window/empty-shop-offers-sample", test_empty_shop_offers_sample);
  g_test_add_func ("/window/follows-external-changes", test_follows_external_changes);
  g_test_add_func ("/window/empty-shop-views", test_empty_shop_views);
  g_test_add_func ("/window/print-settings-kept", test_print_settings_kept);
  return g_test_run ();
}
