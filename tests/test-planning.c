/* test-planning.c — the window's planning: Needs Reorder, availability export, goodwill, drop-ship
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bo-availability-dialog.h"
#include "bo-format.h"
#include "bo-goodwill-dialog.h"
#include "bo-gui-test.h"
#include "bo-order-dialog.h"
#include "bo-po-dialog.h"
#include "bo-reorder-item.h"
#include "bo-reorder-order-dialog.h"
#include "bo-reorder-view.h"
#include "bo-window.h"

typedef struct
{
  char     *dir;
  BoStore  *store;
  BoWindow *window;
} Shop;

static void
shop_open (Shop     *shop,
           gboolean  sample)
{
  g_autoptr(GDateTime) evening = g_date_time_new_local (2026, 11, 26, 20, 0, 0);

  shop->store = bo_gui_test_open_store (&shop->dir, sample);
  /* The sample shop's last day, after its last order. */
  bo_store_set_now (shop->store, g_date_time_to_unix (evening));
  shop->window = bo_window_new (NULL, shop->store);
  gtk_window_present (GTK_WINDOW (shop->window));
  bo_gui_test_iterate (50);
}

static void
shop_close (Shop *shop)
{
  gtk_window_destroy (GTK_WINDOW (shop->window));
  bo_gui_test_iterate (20);
  g_clear_object (&shop->store);
  bo_gui_test_remove_dir (shop->dir);
  g_free (shop->dir);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button = bo_gui_test_find (root, GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  return button;
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  bo_gui_test_iterate (30);
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row = bo_gui_test_find (root, ADW_TYPE_PREFERENCES_ROW, title);

  g_assert_nonnull (row);
  return row;
}

/* ---- accessible names ----------------------------------------------------------- */

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

/* Every button, spin button and list a user acts on is named, by its label
 * or an accessible label (rows name what they hold). */
static void
assert_all_named (GtkWidget *widget)
{
  gboolean in_row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW) != NULL;
  gboolean inner = gtk_widget_get_ancestor (widget, GTK_TYPE_SPIN_BUTTON) != NULL ||
                   gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW) != NULL ||
                   gtk_widget_get_ancestor (widget, GTK_TYPE_MENU_BUTTON) != NULL ||
                   gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) != NULL ||
                   gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) != NULL;

  if (gtk_widget_get_mapped (widget) && !in_row && !inner &&
      (GTK_IS_BUTTON (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_COLUMN_VIEW (widget)))
    {
      GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
      gboolean named = gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
                       gtk_test_accessible_has_relation (accessible,
                                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
                       (GTK_IS_BUTTON (widget) && has_visible_text (widget));

      if (!named)
        g_error ("%s %s has no accessible name", G_OBJECT_TYPE_NAME (widget),
                 gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_all_named (child);
}

/* ---- Needs Reorder ------------------------------------------------------------- */

static BoReorderView *
show_reorder (Shop *shop)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shop->window), "win.show-view", "s",
                                             "reorder"));
  bo_gui_test_iterate (50);
  g_assert_cmpstr (bo_window_get_view_name (shop->window), ==, "reorder");
  return BO_REORDER_VIEW (bo_window_get_view (shop->window, "reorder"));
}

/* The first row whose suggestion differs from the product's levels. */
static const BoReorderSuggestion *
row_to_apply (BoReorderView *view)
{
  GListModel *model = bo_reorder_view_get_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BoReorderItem) item = g_list_model_get_item (model, i);
      const BoReorderSuggestion *s = bo_reorder_item_get_suggestion (item);

      if (s->forecast->has_suggestion && s->supplier_id != 0 &&
          (s->forecast->reorder_point != s->reorder_point ||
           s->forecast->reorder_qty != s->reorder_qty))
        return s;
    }
  return NULL;
}

/* Ctrl+8 shows the view: a shortcut of the window's class. */
static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *view)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GVariant *args = gtk_shortcut_get_arguments (shortcut);

          if (g_str_equal (text, trigger) && args != NULL &&
              g_variant_is_of_type (args, G_VARIANT_TYPE_STRING) &&
              g_str_equal (g_variant_get_string (args, NULL), view))
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_reorder_view (void)
{
  Shop shop = { 0 };
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BoProduct) after = NULL;
  g_autofree char *sku = NULL;
  const BoReorderSuggestion *s;
  BoReorderView *view;
  GtkWidget *apply, *order;
  gint64 point, quantity;

  shop_open (&shop, TRUE);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (shop.window), "Needs Reorder"));
  g_assert_true (has_shortcut (GTK_WIDGET (shop.window), "<Control>8", "reorder"));
  view = show_reorder (&shop);
  assert_all_named (GTK_WIDGET (view));

  /* The store's "Needs reorder" list, row for row. */
  expected = bo_store_suggest_reorders (shop.store, 90, 0.95, 30, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (bo_reorder_view_get_model (view)), ==, expected->len);
  g_assert_cmpuint (bo_gui_test_n_rows (GTK_COLUMN_VIEW (bo_gui_test_find (GTK_WIDGET (view),
                                                                           GTK_TYPE_COLUMN_VIEW,
                                                                           NULL))),
                    ==, expected->len);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (view),
                                            ((BoReorderSuggestion *) g_ptr_array_index (expected,
                                                                                        0))->sku));

  /* Nothing selected: nothing to apply or order. */
  apply = find_button (GTK_WIDGET (view), "Apply Suggestion");
  order = find_button (GTK_WIDGET (view), "Order…");
  g_assert_false (gtk_widget_is_sensitive (apply));
  g_assert_false (gtk_widget_is_sensitive (order));

  s = row_to_apply (view);
  g_assert_nonnull (s);
  sku = g_strdup (s->sku);
  point = s->forecast->reorder_point;
  quantity = s->forecast->reorder_qty;
  bo_reorder_view_select_sku (view, sku);
  bo_gui_test_iterate (20);
  click (apply);

  after = bo_store_find_product (shop.store, sku, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->reorder_point, ==, point);
  g_assert_cmpint (after->reorder_qty, ==, quantity);

  /* A service level changed in the view reads the history again. */
  {
    GtkSpinButton *level = GTK_SPIN_BUTTON (bo_gui_test_find (GTK_WIDGET (view),
                                                              GTK_TYPE_SPIN_BUTTON, "level_spin"));
    g_autoptr(GPtrArray) higher = NULL;

    gtk_spin_button_set_value (level, 99);
    bo_gui_test_iterate (50);
    higher = bo_store_suggest_reorders (shop.store, 90, 0.99, 30, TRUE, &error);
    g_assert_cmpuint (g_list_model_get_n_items (bo_reorder_view_get_model (view)), ==, higher->len);
  }
  shop_close (&shop);
}

static gint64
units_on_drafts (BoStore *store,
                 gint64   supplier_id,
                 gint64   product_id)
{
  g_autoptr(GPtrArray) pos = bo_store_list_pos (store, TRUE, NULL);
  gint64 units = 0;

  for (guint i = 0; i < pos->len; i++)
    {
      BoPurchaseOrder *po = g_ptr_array_index (pos, i);

      if (po->status != BO_PO_DRAFT || po->supplier_id != supplier_id || po->drop_ship)
        continue;
      for (guint j = 0; j < po->lines->len; j++)
        {
          BoPoLine *line = g_ptr_array_index (po->lines, j);

          if (line->product_id == product_id)
            units += line->ordered;
        }
    }
  return units;
}

static void
test_reorder_order (void)
{
  Shop shop = { 0 };
  g_autofree char *sku = NULL;
  g_autofree char *suggested = NULL;
  const BoReorderSuggestion *s;
  BoReorderView *view;
  GtkWindow *dialog;
  GtkWidget *quantity, *add;
  gint64 supplier_id, product_id, before;

  shop_open (&shop, TRUE);
  view = show_reorder (&shop);
  s = row_to_apply (view);
  g_assert_nonnull (s);
  sku = g_strdup (s->sku);
  supplier_id = s->supplier_id;
  product_id = s->product_id;
  suggested = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (s->forecast->order_qty, s->min_order_qty));
  before = units_on_drafts (shop.store, supplier_id, product_id);
  bo_reorder_view_select_sku (view, sku);
  bo_gui_test_iterate (20);
  click (find_button (GTK_WIDGET (view), "Order…"));

  dialog = bo_gui_test_find_window (BO_TYPE_REORDER_ORDER_DIALOG);
  g_assert_nonnull (dialog);
  assert_all_named (GTK_WIDGET (dialog));
  quantity = find_row (GTK_WIDGET (dialog), "Units to Order");
  add = find_button (GTK_WIDGET (dialog), "Add to Draft");
  /* The suggestion comes first. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quantity)), ==, suggested);
  g_assert_true (gtk_widget_is_sensitive (add));

  /* A bad quantity is marked as it is typed, and cannot be ordered. */
  bo_gui_test_set_text (quantity, "a dozen");
  g_assert_false (gtk_widget_is_sensitive (add));
  g_assert_true (gtk_widget_has_css_class (quantity, "error"));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "is not a whole number"));
  bo_gui_test_set_text (quantity, "12");
  g_assert_false (gtk_widget_has_css_class (quantity, "error"));
  click (add);

  g_assert_null (bo_gui_test_find_window (BO_TYPE_REORDER_ORDER_DIALOG));
  g_assert_cmpint (units_on_drafts (shop.store, supplier_id, product_id), ==, before + 12);
  shop_close (&shop);
}

/* ---- availability for the storefront ------------------------------------------ */

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

static char *
read_file (GFile *file)
{
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static void
test_export_availability (void)
{
  Shop shop = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) shopify = NULL;
  g_autoptr(GFile) csv = NULL;
  g_autofree char *shopify_text = NULL;
  g_autofree char *csv_text = NULL;
  g_autofree char *path = NULL;
  GtkWidget *menu_button, *location, *export;
  GtkWindow *dialog;

  shop_open (&shop, TRUE);
  menu_button = bo_gui_test_find (GTK_WIDGET (shop.window), GTK_TYPE_MENU_BUTTON, "Main Menu");
  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                                  "win.export-availability"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shop.window), "win.export-availability",
                                             NULL));
  bo_gui_test_iterate (30);
  dialog = bo_gui_test_find_window (BO_TYPE_AVAILABILITY_DIALOG);
  g_assert_nonnull (dialog);
  assert_all_named (GTK_WIDGET (dialog));
  g_assert_cmpint (bo_availability_dialog_get_format (BO_AVAILABILITY_DIALOG (dialog)), ==,
                   BO_AVAILABILITY_FORMAT_SHOPIFY);
  location = find_row (GTK_WIDGET (dialog), "Shopify Location");
  export = find_button (GTK_WIDGET (dialog), "Export…");
  g_assert_true (gtk_widget_get_visible (location));

  /* Shopify needs a location. */
  bo_gui_test_set_text (location, "");
  g_assert_false (gtk_widget_is_sensitive (export));
  g_assert_true (gtk_widget_has_css_class (location, "error"));
  bo_gui_test_set_text (location, "Warehouse");
  g_assert_true (gtk_widget_is_sensitive (export));

  /* What the file chooser's answer does. */
  path = g_build_filename (shop.dir, "inventory.csv", NULL);
  shopify = g_file_new_for_path (path);
  g_assert_true (bo_availability_dialog_export (BO_AVAILABILITY_DIALOG (dialog), shopify, &error));
  g_assert_no_error (error);
  bo_gui_test_iterate (30);
  g_assert_null (bo_gui_test_find_window (BO_TYPE_AVAILABILITY_DIALOG));
  shopify_text = read_file (shopify);
  g_assert_true (g_str_has_prefix (shopify_text, "Handle,Title,Option1 Name,Option1 Value,"));
  g_assert_nonnull (strstr (shopify_text, ",Warehouse,"));

  /* A spreadsheet takes no location. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shop.window), "win.export-availability",
                                             NULL));
  bo_gui_test_iterate (30);
  dialog = bo_gui_test_find_window (BO_TYPE_AVAILABILITY_DIALOG);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "Format")), 2);
  bo_gui_test_iterate (20);
  g_assert_false (gtk_widget_get_visible (find_row (GTK_WIDGET (dialog), "Shopify Location")));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "spreadsheet"));
  g_free (path);
  path = g_build_filename (shop.dir, "availability.csv", NULL);
  csv = g_file_new_for_path (path);
  g_assert_true (bo_availability_dialog_export (BO_AVAILABILITY_DIALOG (dialog), csv, &error));
  g_assert_no_error (error);
  csv_text = read_file (csv);
  g_assert_true (g_str_has_prefix (csv_text, "\xef\xbb\xbfSKU,Name,On hand,Available now,"));
  g_assert_nonnull (strstr (csv_text, "In stock"));
  shop_close (&shop);
}

/* ---- goodwill -------------------------------------------------------------------- */

static gint64
order_where (BoStore  *store,
             gboolean  backordered)
{
  g_autoptr(GPtrArray) orders = bo_store_list_orders (store, BO_ORDER_FILTER_ALL, NULL, NULL, 0, 0,
                                                      NULL);

  for (guint i = 0; i < orders->len; i++)
    {
      const BoOrderSummary *summary = g_ptr_array_index (orders, i);
      g_autoptr(BoOrder) order = bo_store_get_order (store, summary->order_id, NULL);
      gboolean was = FALSE;

      for (guint j = 0; j < order->lines->len; j++)
        was |= ((BoOrderLine *) g_ptr_array_index (order->lines, j))->backordered_at_placement > 0;
      if (was == backordered && order->goodwill->len == 0)
        return order->id;
    }
  g_error ("the sample shop has no such order");
}

static void
test_goodwill (void)
{
  Shop shop = { 0 };
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(BoOrder) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *money = NULL;
  g_autofree char *title = NULL;
  GtkWindow *order_dialog, *dialog, *plain;
  GtkWidget *value, *voucher, *record, *group;
  gint64 value_of_order = 0;

  shop_open (&shop, TRUE);
  order = bo_store_get_order (shop.store, order_where (shop.store, TRUE), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < order->lines->len; i++)
    {
      const BoOrderLine *line = g_ptr_array_index (order->lines, i);

      value_of_order += (line->ordered - line->cancelled) * line->unit_price;
    }

  order_dialog = bo_order_dialog_new (GTK_WINDOW (shop.window), shop.store, order->id);
  gtk_window_present (order_dialog);
  bo_gui_test_iterate (50);
  g_assert_nonnull (bo_gui_test_find (GTK_WIDGET (order_dialog), ADW_TYPE_PREFERENCES_ROW,
                                      "None given yet"));
  click (find_button (GTK_WIDGET (order_dialog), "Goodwill…"));

  dialog = bo_gui_test_find_window (BO_TYPE_GOODWILL_DIALOG);
  g_assert_nonnull (dialog);
  assert_all_named (GTK_WIDGET (dialog));
  value = find_row (GTK_WIDGET (dialog), "Amount");
  voucher = find_row (GTK_WIDGET (dialog), "Voucher Code (optional)");
  record = find_button (GTK_WIDGET (dialog), "Record");
  g_assert_false (gtk_widget_is_sensitive (record));

  bo_gui_test_set_text (value, "five");
  g_assert_false (gtk_widget_is_sensitive (record));
  g_assert_true (gtk_widget_has_css_class (value, "error"));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "is not an amount"));
  bo_gui_test_set_text (value, "5");
  g_assert_true (gtk_widget_is_sensitive (record));
  bo_gui_test_set_text (voucher, "SORRY 5");
  g_assert_false (gtk_widget_is_sensitive (record));
  g_assert_true (gtk_widget_has_css_class (voucher, "error"));
  bo_gui_test_set_text (voucher, "SORRY5");
  click (record);
  g_assert_null (bo_gui_test_find_window (BO_TYPE_GOODWILL_DIALOG));

  after = bo_store_get_order (shop.store, order->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->goodwill->len, ==, 1);
  g_assert_cmpint (((BoGoodwill *) g_ptr_array_index (after->goodwill, 0))->amount, ==, 500);
  g_assert_cmpstr (((BoGoodwill *) g_ptr_array_index (after->goodwill, 0))->voucher, ==, "SORRY5");
  /* The order shows it. */
  money = bo_format_money (500, "EUR");
  title = g_strdup_printf ("Voucher SORRY5 worth %s", money);
  bo_gui_test_iterate (30);
  g_assert_nonnull (bo_gui_test_find (GTK_WIDGET (order_dialog), ADW_TYPE_PREFERENCES_ROW, title));

  /* A percentage of the order. */
  click (find_button (GTK_WIDGET (order_dialog), "Goodwill…"));
  dialog = bo_gui_test_find_window (BO_TYPE_GOODWILL_DIALOG);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "Given As")), 1);
  bo_gui_test_iterate (20);
  value = find_row (GTK_WIDGET (dialog), "Percent Off");
  bo_gui_test_set_text (value, "150");
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (dialog), "Record")));
  bo_gui_test_set_text (value, "10");
  click (find_button (GTK_WIDGET (dialog), "Record"));
  g_clear_pointer (&after, bo_order_free);
  after = bo_store_get_order (shop.store, order->id, &error);
  g_assert_cmpuint (after->goodwill->len, ==, 2);
  g_assert_cmpint (((BoGoodwill *) g_ptr_array_index (after->goodwill, 1))->amount, ==,
                   (value_of_order * 1000 + 5000) / 10000);
  gtk_window_destroy (order_dialog);

  /* An order that never waited takes no goodwill. */
  plain = bo_order_dialog_new (GTK_WINDOW (shop.window), shop.store,
                               order_where (shop.store, FALSE));
  gtk_window_present (plain);
  bo_gui_test_iterate (50);
  group = bo_gui_test_find (GTK_WIDGET (plain), ADW_TYPE_PREFERENCES_GROUP, "goodwill_group");
  g_assert_nonnull (group);
  g_assert_false (gtk_widget_get_visible (group));
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (plain), "Goodwill…")));
  gtk_window_destroy (plain);
  shop_close (&shop);
}

/* ---- drop-ship ------------------------------------------------------------------- */

static void
test_drop_ship_po (void)
{
  Shop shop = { 0 };
  g_autoptr(BoSupplier) supplier = bo_supplier_new ();
  g_autoptr(BoProduct) lamp = bo_product_new ();
  g_autoptr(BoProductSupplier) link = bo_product_supplier_new ();
  g_autoptr(BoCustomer) customer = bo_customer_new ();
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GPtrArray) pos = NULL;
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *shipped;

  shop_open (&shop, FALSE);
  supplier->name = g_strdup ("Lamps Ltd");
  g_assert_true (bo_store_save_supplier (shop.store, supplier, &error));
  lamp->sku = g_strdup ("LAMP");
  lamp->name = g_strdup ("Desk lamp");
  lamp->price = 8000;
  lamp->drop_ship = TRUE;
  g_assert_true (bo_store_save_product (shop.store, lamp, &error));
  link->product_id = lamp->id;
  link->supplier_id = supplier->id;
  link->preferred = TRUE;
  g_assert_true (bo_store_link_supplier (shop.store, link, &error));
  customer->name = g_strdup ("Ann");
  customer->address = g_strdup ("1 Rose Lane\nLeeds");
  g_assert_true (bo_store_save_customer (shop.store, customer, &error));
  draft->customer_id = customer->id;
  bo_order_draft_add_line (draft, "LAMP", 2, -1);
  g_assert_true (bo_store_place_order (shop.store, draft, FALSE, &outcome, &error));
  g_assert_no_error (error);
  pos = bo_store_list_pos (shop.store, TRUE, &error);
  g_assert_cmpuint (pos->len, ==, 1);

  dialog = bo_po_dialog_new (GTK_WINDOW (shop.window), shop.store,
                             ((BoPurchaseOrder *) g_ptr_array_index (pos, 0))->id);
  gtk_window_present (dialog);
  bo_gui_test_iterate (50);
  assert_all_named (GTK_WIDGET (dialog));
  /* It ships to the customer, and is not received here. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (GTK_WIDGET (dialog),
                                                                          "Drop-Ship To"))),
                   ==, "Ann\n1 Rose Lane\nLeeds");
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (dialog), "Receive…")));
  shipped = find_button (GTK_WIDGET (dialog), "Supplier Shipped");
  g_assert_true (gtk_widget_get_visible (shipped));
  click (shipped);

  po = bo_store_get_po (shop.store, ((BoPurchaseOrder *) g_ptr_array_index (pos, 0))->id, &error);
  g_assert_cmpint (po->status, ==, BO_PO_RECEIVED);
  order = bo_store_get_order (shop.store, outcome->order_id, &error);
  g_assert_cmpint (((BoOrderLine *) g_ptr_array_index (order->lines, 0))->shipped, ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (GTK_WIDGET (dialog),
                                                                          "Status"))),
                   ==, bo_po_status_label (BO_PO_RECEIVED));
  g_assert_false (gtk_widget_is_sensitive (shipped));
  gtk_window_destroy (dialog);
  shop_close (&shop);
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

  g_test_add_func ("/planning/reorder-view", test_reorder_view);
  g_test_add_func ("/planning/reorder-order", test_reorder_order);
  g_test_add_func ("/planning/export-availability", test_export_availability);
  g_test_add_func ("/planning/goodwill", test_goodwill);
  g_test_add_func ("/planning/drop-ship-po", test_drop_ship_po);

  return g_test_run ();
}
