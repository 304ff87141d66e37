/* test-import-dialog.c — the import dialog and the window's export, backup and restore
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "backorders/bo-records.h"
#include "bo-gui-test.h"
#include "bo-import-dialog.h"
#include "bo-window-private.h"

static GFile *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static gboolean
page_is (gpointer data)
{
  BoImportDialog *dialog = data;

  return g_strcmp0 (bo_import_dialog_get_page (dialog), "preview") == 0 &&
         bo_import_dialog_get_plan (dialog) != NULL;
}

static gboolean
page_is_choose (gpointer data)
{
  return g_strcmp0 (bo_import_dialog_get_page (data), "choose") == 0;
}

static gboolean
no_import_dialog (gpointer data)
{
  return bo_gui_test_find_window (BO_TYPE_IMPORT_DIALOG) == NULL;
}

/* Opens the dialog through the window's action, as the menu item does. */
static BoImportDialog *
open_dialog (BoWindow *window)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  bo_gui_test_iterate (20);
  dialog = bo_gui_test_find_window (BO_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_cmpstr (bo_import_dialog_get_page (BO_IMPORT_DIALOG (dialog)), ==, "choose");
  return BO_IMPORT_DIALOG (dialog);
}

static void
plan_file (BoImportDialog *dialog,
           GFile          *file)
{
  bo_import_dialog_set_file (dialog, file);
  g_assert_true (bo_gui_test_wait_for (page_is, dialog, 20000));
  bo_gui_test_iterate (20);
}

static const char *
row_subtitle (GtkWidget  *root,
              const char *title)
{
  GtkWidget *row = bo_gui_test_find (root, ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static gboolean
import_enabled (BoImportDialog *dialog)
{
  GtkWidget *button = bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Import");

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static void
test_preview_problems_import_twice (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, FALSE);
  BoWindow *window = bo_window_new (NULL, store);
  g_autoptr(GFile) bad = write_file (dir, "bad.csv",
                                     "SKU,Name,Price,Stock\n"
                                     "MUG-1,Blue mug,12.50,4\n"
                                     "MUG-2,Red mug,12.50,2\n"
                                     "MUG-3,Green mug,12.50,lots\n"
                                     "MUG-4,Black mug,9.00,0\n");
  g_autoptr(GFile) good = write_file (dir, "good.csv",
                                      "SKU,Name,Price,Stock\n"
                                      "MUG-1,Blue mug,12.50,4\n"
                                      "MUG-2,Red mug,12.50,2\n"
                                      "MUG-3,Green mug,12.50,7\n");
  g_autoptr(BoProduct) product = NULL;
  BoImportDialog *dialog;
  GtkWidget *problem;

  gtk_window_present (GTK_WINDOW (window));
  bo_gui_test_iterate (50);

  /* The welcome page of the empty shop offers the import too. */
  g_assert_nonnull (bo_gui_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON,
                                      "Import from Shopify or WooCommerce"));

  dialog = open_dialog (window);
  g_assert_false (import_enabled (dialog));

  /* A bad stock value: a problem with its row and column, and no import. */
  plan_file (dialog, bad);
  g_assert_cmpint (bo_import_dialog_get_format (dialog), ==, BO_IMPORT_CSV_PRODUCTS);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (
                       bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR, NULL))), ==, 1.0);
  problem = bo_gui_test_find_label (GTK_WIDGET (dialog), "Row 4, column “Stock”: ");
  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_is_drawable (problem));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "must be fixed"));
  g_assert_false (import_enabled (dialog));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "MUG-1 — Blue mug"));

  /* The fixed file: 3 to create, no problem, Import writes them. */
  plan_file (dialog, good);
  g_assert_cmpstr (row_subtitle (GTK_WIDGET (dialog), "Products"), ==,
                   "3 to create, 0 to update, 0 unchanged, 0 skipped");
  g_assert_null (bo_gui_test_find_label (GTK_WIDGET (dialog), "Row 4, column"));
  g_assert_true (import_enabled (dialog));
  g_assert_cmpint (bo_store_count_products (store, NULL, NULL), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  g_assert_true (bo_gui_test_wait_for (no_import_dialog, NULL, 20000));
  bo_gui_test_iterate (50);
  g_assert_cmpint (bo_store_count_products (store, NULL, NULL), ==, 3);
  product = bo_store_find_product (store, "MUG-3", NULL);
  g_assert_nonnull (product);
  g_assert_cmpint (product->on_hand, ==, 7);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (window), "Imported 3 products"));

  /* The same file again: nothing to change, nothing to import. */
  dialog = open_dialog (window);
  plan_file (dialog, good);
  g_assert_cmpstr (row_subtitle (GTK_WIDGET (dialog), "Products"), ==,
                   "0 to create, 0 to update, 3 unchanged, 0 skipped");
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "Nothing to change"));
  g_assert_false (import_enabled (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

/* A file whose every record is skipped is not "all there already". */
static void
test_preview_all_skipped (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, FALSE);
  BoWindow *window = bo_window_new (NULL, store);
  g_autoptr(GFile) orders = write_file (dir, "orders.csv",
                                        "Order,Customer,SKU,Quantity\n"
                                        "1001,Ann,NOPE,1\n"
                                        "1002,Bob,NADA,2\n");
  BoImportDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  bo_gui_test_iterate (50);
  dialog = open_dialog (window);
  plan_file (dialog, orders);
  g_assert_cmpstr (row_subtitle (GTK_WIDGET (dialog), "Orders"), ==,
                   "0 to create, 0 to update, 0 unchanged, 2 skipped");
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog),
                                            "Nothing can be imported: all 2 records are skipped"));
  g_assert_null (bo_gui_test_find_label (GTK_WIDGET (dialog), "Nothing to change"));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "Row 2, column “SKU”: "));
  g_assert_false (import_enabled (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

static void
test_cancel_planning (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, FALSE);
  BoWindow *window = bo_window_new (NULL, store);
  g_autoptr(GString) csv = g_string_new ("SKU,Name,Price,Stock\n");
  g_autoptr(GFile) file = NULL;
  BoImportDialog *dialog;

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (csv, "SKU-%05u,Product %u,%u.99,%u\n", i, i, i % 90 + 1, i % 7);
  file = write_file (dir, "large.csv", csv->str);

  gtk_window_present (GTK_WINDOW (window));
  bo_gui_test_iterate (50);
  dialog = open_dialog (window);

  bo_import_dialog_set_file (dialog, file);
  bo_gui_test_iterate (5);
  g_assert_cmpstr (bo_import_dialog_get_page (dialog), ==, "working");
  g_assert_true (gtk_widget_is_drawable (bo_gui_test_find (GTK_WIDGET (dialog),
                                                           GTK_TYPE_PROGRESS_BAR, NULL)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.stop", NULL));
  g_assert_true (bo_gui_test_wait_for (page_is_choose, dialog, 20000));
  bo_gui_test_iterate (20);
  g_assert_null (bo_import_dialog_get_plan (dialog));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "Stopped reading the file"));
  g_assert_false (import_enabled (dialog));
  g_assert_cmpint (bo_store_count_products (store, NULL, NULL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

static void
test_mapping_unknown_header (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, FALSE);
  BoWindow *window = bo_window_new (NULL, store);
  g_autoptr(GFile) file = write_file (dir, "artikel.csv",
                                      "Artikelnummer,Name,Stock\n"
                                      "A-1,Apple,5\n"
                                      "A-2,Pear,6\n");
  g_autofree BoImportFieldInfo *fields = NULL;
  guint n_fields, sku_index = 0;
  BoImportDialog *dialog;
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (window));
  bo_gui_test_iterate (50);
  dialog = open_dialog (window);
  plan_file (dialog, file);
  if (bo_import_dialog_get_format (dialog) != BO_IMPORT_CSV_PRODUCTS)
    {
      bo_import_dialog_set_format (dialog, BO_IMPORT_CSV_PRODUCTS);
      g_assert_true (bo_gui_test_wait_for (page_is, dialog, 20000));
      bo_gui_test_iterate (20);
    }

  /* The mapping step: the unknown column, with the format's fields. */
  row = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Artikelnummer");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_drawable (row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  g_assert_false (import_enabled (dialog));

  fields = bo_import_format_get_fields (BO_IMPORT_CSV_PRODUCTS, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "sku"))
      sku_index = i + 1;
  g_assert_cmpuint (sku_index, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))), ==,
                    n_fields + 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), sku_index);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.replan", NULL));
  g_assert_true (bo_gui_test_wait_for (page_is, dialog, 20000));
  bo_gui_test_iterate (20);

  /* Read again with the meaning given: the row stays, to change it. */
  row = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Artikelnummer");
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, sku_index);
  g_assert_cmpstr (row_subtitle (GTK_WIDGET (dialog), "Products"), ==,
                   "2 to create, 0 to update, 0 unchanged, 0 skipped");
  g_assert_true (import_enabled (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  g_assert_true (bo_gui_test_wait_for (no_import_dialog, NULL, 20000));
  bo_gui_test_iterate (50);
  g_assert_cmpint (bo_store_count_products (store, NULL, NULL), ==, 2);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (window), "Imported 2 products"));

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

static gboolean
gone (gpointer widget)
{
  return gtk_widget_get_parent (widget) == NULL;
}

/* The overlay shows one toast at a time: close the shown one, as its
 * close button does, once it has slid in (as the merchant sees it), and
 * wait until it has gone, so that the next one can be seen. */
static void
dismiss_toast (BoWindow *window)
{
  GtkWidget *found = bo_gui_test_find (GTK_WIDGET (window), g_type_from_name ("AdwToastWidget"),
                                       NULL);
  g_autoptr(GtkWidget) toast = found != NULL ? g_object_ref (found) : NULL;

  if (toast == NULL)
    return;
  g_assert_true (bo_gui_test_wait_for (bo_gui_test_toast_slid_in, toast, 20000));
  for (GtkWidget *child = gtk_widget_get_first_child (toast); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) &&
        g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "window-close-symbolic") == 0)
      g_signal_emit_by_name (child, "clicked");
  g_assert_true (bo_gui_test_wait_for (gone, toast, 20000));
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_backup_restore_export (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, TRUE);
  BoWindow *window = bo_window_new (NULL, store);
  g_autofree char *backup_path = g_build_filename (dir, "backup.backorders", NULL);
  g_autofree char *export_path = g_build_filename (dir, "backorders.csv", NULL);
  g_autofree char *folder_path = g_build_filename (dir, "purchase-orders", NULL);
  g_autofree char *customers_path = g_build_filename (dir, "customers.csv", NULL);
  g_autoptr(GFile) customers = g_file_new_for_path (customers_path);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(GFile) export = g_file_new_for_path (export_path);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  gint64 products = bo_store_count_products (store, NULL, NULL);
  GtkWindow *confirm;

  gtk_window_present (GTK_WINDOW (window));
  bo_gui_test_iterate (50);

  /* Exports, through the menu's actions. */
  _bo_window_set_next_file (window, export);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-backorders", NULL));
  bo_gui_test_iterate (20);
  g_assert_true (g_file_get_contents (export_path, &contents, NULL, NULL));
  g_assert_cmpuint (strlen (contents), >, 0);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (window), "Saved as backorders.csv"));
  dismiss_toast (window);
  _bo_window_set_next_file (window, customers);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-customers", NULL));
  bo_gui_test_iterate (20);
  g_assert_true (g_file_test (customers_path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (window), "Saved as customers.csv"));
  dismiss_toast (window);
  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  _bo_window_set_next_file (window, folder);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-purchase-orders",
                                             NULL));
  bo_gui_test_iterate (20);
  g_assert_cmpuint (count_files (folder_path), >, 0);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (window), "one per supplier"));
  dismiss_toast (window);

  /* Back up, change the shop, restore: the change is gone. */
  _bo_window_set_next_file (window, backup);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.backup", NULL));
  bo_gui_test_iterate (20);
  g_assert_true (g_file_test (backup_path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (window), "Shop backed up to"));
  dismiss_toast (window);

  name = bo_store_get_setting (store, "shop-name");
  g_assert_true (bo_store_set_setting (store, "shop-name", "Changed After the Backup", &error));
  g_assert_no_error (error);
  bo_gui_test_iterate (50);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (window), "Changed After the Backup"));

  /* Restoring asks first; cancelling changes nothing. */
  _bo_window_set_next_file (window, backup);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore", NULL));
  bo_gui_test_iterate (20);
  confirm = bo_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (confirm),
                                                               "restore"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  g_signal_emit_by_name (bo_gui_test_find (GTK_WIDGET (confirm), GTK_TYPE_BUTTON, "Cancel"),
                         "clicked");
  bo_gui_test_iterate (50);
  g_assert_null (bo_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  {
    g_autofree char *still = bo_store_get_setting (store, "shop-name");
    g_assert_cmpstr (still, ==, "Changed After the Backup");
  }

  _bo_window_set_next_file (window, backup);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore", NULL));
  bo_gui_test_iterate (20);
  confirm = bo_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  g_signal_emit_by_name (bo_gui_test_find (GTK_WIDGET (confirm), GTK_TYPE_BUTTON, "Replace Shop"),
                         "clicked");
  bo_gui_test_iterate (100);
  g_assert_null (bo_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  {
    g_autofree char *restored = bo_store_get_setting (store, "shop-name");
    g_assert_cmpstr (restored, ==, name);
  }
  g_assert_cmpint (bo_store_count_products (store, NULL, NULL), ==, products);
  g_assert_null (bo_gui_test_find_label (GTK_WIDGET (window), "Changed After the Backup"));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (window), "Shop restored from"));

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

/* Every file the window writes goes through the same guard as the command
 * line: the shop, however it is named, is refused with a message, and stays
 * byte for byte as it was. */
static void
test_never_the_shop (void)
{
  static const char *const actions[] = {
    "win.export-backorders", "win.export-customers", "win.backup",
  };
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, TRUE);
  BoWindow *window = bo_window_new (NULL, store);
  g_autofree char *link_path = g_build_filename (dir, "looks-like-an-export.csv", NULL);
  g_autofree char *sub_path = g_build_filename (dir, "sub", NULL);
  g_autofree char *around = g_build_filename (dir, "sub", "..", "shop.db", NULL);
  g_autofree char *before = NULL;
  gsize before_length = 0;

  g_assert_cmpint (symlink (bo_store_get_path (store), link_path), ==, 0);
  g_assert_cmpint (g_mkdir (sub_path, 0700), ==, 0);
  gtk_window_present (GTK_WINDOW (window));
  bo_gui_test_iterate (50);
  g_assert_true (g_file_get_contents (bo_store_get_path (store), &before, &before_length, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    for (guint spelling = 0; spelling < 2; spelling++)
      {
        g_autoptr(GFile) target = g_file_new_for_path (spelling == 0 ? link_path : around);
        g_autofree char *after = NULL;
        gsize after_length = 0;
        GtkWindow *message;

        _bo_window_set_next_file (window, target);
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), actions[i], NULL));
        bo_gui_test_iterate (20);
        message = bo_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
        g_assert_nonnull (message);
        g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)),
                                  "itself"));
        gtk_window_destroy (message);
        bo_gui_test_iterate (20);
        g_assert_true (g_file_get_contents (bo_store_get_path (store), &after, &after_length,
                                            NULL));
        g_assert_cmpmem (after, after_length, before, before_length);
      }

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

/* A whole backup that breaks a rule of a shop: the window says what is
 * wrong and restores it only when the merchant says so. */
static void
test_restore_anyway (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, TRUE);
  BoWindow *window = bo_window_new (NULL, store);
  g_autofree char *broken_path = g_build_filename (dir, "broken.backorders", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  sqlite3 *db = NULL;

  g_assert_true (bo_store_backup (store, broken_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (broken_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE products SET on_hand = on_hand + 5 "
                                     "WHERE id = (SELECT min (id) FROM products);"
                                     "UPDATE settings SET value = 'Broken Backup' "
                                     "WHERE key = 'shop-name'", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_true (bo_store_set_setting (store, "shop-name", "Before", &error));

  gtk_window_present (GTK_WINDOW (window));
  bo_gui_test_iterate (50);
  for (guint take = 0; take < 2; take++)
    {
      _bo_window_set_next_file (window, broken);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore", NULL));
      bo_gui_test_iterate (20);
      dialog = bo_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
      g_signal_emit_by_name (bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                               "Replace Shop"), "clicked");
      bo_gui_test_iterate (100);

      /* What the check found, and a choice. */
      dialog = bo_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
      g_assert_nonnull (dialog);
      g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                "on hand"));
      g_assert_null (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                             "--force"));
      g_signal_emit_by_name (bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                               take == 0 ? "Cancel" : "Restore Anyway"),
                             "clicked");
      bo_gui_test_iterate (100);
      {
        g_autofree char *name = bo_store_get_setting (store, "shop-name");

        g_assert_cmpstr (name, ==, take == 0 ? "Before" : "Broken Backup");
      }
    }
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (window), "Shop restored from"));

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

  g_test_add_func ("/import-dialog/preview-problems-import-twice",
                   test_preview_problems_import_twice);
  g_test_add_func ("/import-dialog/preview-all-skipped", test_preview_all_skipped);
  g_test_add_func ("/import-dialog/cancel-planning", test_cancel_planning);
  g_test_add_func ("/import-dialog/mapping-unknown-header", test_mapping_unknown_header);
  g_test_add_func ("/import-dialog/backup-restore-export", test_backup_restore_export);
  g_test_add_func ("/import-dialog/never-the-shop", test_never_the_shop);
  g_test_add_func ("/import-dialog/restore-anyway", test_restore_anyway);
  return g_test_run ();
}
