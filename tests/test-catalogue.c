/* test-catalogue.c — products, suppliers and customers through their dialogs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bo-customer-dialog.h"
#include "bo-customers-view.h"
#include "bo-gui-test.h"
#include "bo-orders-view.h"
#include "bo-product-dialog.h"
#include "bo-products-view.h"
#include "bo-supplier-dialog.h"
#include "bo-suppliers-view.h"
#include "bo-window.h"

typedef struct
{
  char     *dir;
  BoStore  *store;
  BoWindow *window;
} Fixture;

/* ---- helpers ---------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = bo_gui_test_open_store (&f->dir, TRUE);
  f->window = bo_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  bo_gui_test_iterate (50);
}

static void
close_dialogs (void)
{
  GType types[] = { BO_TYPE_PRODUCT_DIALOG, BO_TYPE_SUPPLIER_DIALOG, BO_TYPE_CUSTOMER_DIALOG,
                    ADW_TYPE_MESSAGE_DIALOG };
  GtkWindow *window;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    while ((window = bo_gui_test_find_window (types[i])) != NULL)
      gtk_window_destroy (window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_dialogs ();
  gtk_window_destroy (GTK_WINDOW (f->window));
  bo_gui_test_iterate (20);
  g_clear_object (&f->store);
  bo_gui_test_remove_dir (f->dir);
  g_free (f->dir);
}

static GtkWidget *
show_view (Fixture    *f,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", name));
  bo_gui_test_iterate (20);
  return bo_window_get_view (f->window, name);
}

static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *name)
{
  GtkWidget *widget = bo_gui_test_find (root, type, name);

  if (widget == NULL)
    g_error ("No %s “%s” found", g_type_name (type), name);
  return widget;
}

static void
type_in (GtkWidget  *root,
         const char *row_title,
         const char *text)
{
  bo_gui_test_set_text (find (root, ADW_TYPE_ENTRY_ROW, row_title), text);
}

static gboolean
can_click (GtkWidget  *root,
           const char *label)
{
  return gtk_widget_is_sensitive (find (root, GTK_TYPE_BUTTON, label));
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = find (root, GTK_TYPE_BUTTON, label);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  bo_gui_test_iterate (30);
}

/* The reason shown for a bad field: a visible label with the "error" class. */
static GtkWidget *
find_reason (GtkWidget  *root,
             const char *text)
{
  GtkWidget *label = bo_gui_test_find_label (root, text);

  if (label == NULL || !gtk_widget_get_visible (label) ||
      !gtk_widget_has_css_class (label, "error"))
    return NULL;
  return label;
}

static gboolean
row_marked (GtkWidget  *root,
            const char *row_title)
{
  return gtk_widget_has_css_class (find (root, ADW_TYPE_PREFERENCES_ROW, row_title), "error");
}

static GObject *
find_item (GListModel *model,
           const char *property,
           const char *value)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *text = NULL;

      g_object_get (item, property, &text, NULL);
      if (g_strcmp0 (text, value) == 0)
        return g_steal_pointer (&item);
    }
  return NULL;
}

static guint
position_of (GListModel *model,
             const char *property,
             const char *value)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *text = NULL;

      g_object_get (item, property, &text, NULL);
      if (g_strcmp0 (text, value) == 0)
        return i;
    }
  g_error ("No row with %s “%s”", property, value);
  return 0;
}

static guint
combo_position (AdwComboRow *row,
                const char  *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
      if (g_str_equal (gtk_string_object_get_string (item), text))
        return i;
    }
  g_error ("No choice “%s”", text);
  return 0;
}

/* Picks @text in the combo row titled @title, as a click in its list would. */
static void
choose (GtkWidget  *root,
        const char *title,
        const char *text)
{
  AdwComboRow *row = ADW_COMBO_ROW (find (root, ADW_TYPE_COMBO_ROW, title));

  adw_combo_row_set_selected (row, combo_position (row, text));
  bo_gui_test_iterate (20);
}

/* The toast showing @text, as its widget; not one that is going away. */
static GtkWidget *
find_toast (GtkWidget  *root,
            const char *text)
{
  if (root == NULL)
    return NULL;
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), "AdwToastWidget") &&
      gtk_widget_get_can_target (root) && bo_gui_test_find_label (root, text) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Closes the toast with its own close button, as the merchant would. */
static void
close_toast (GtkWidget *toast)
{
  GtkWidget *close = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (toast); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && gtk_widget_get_visible (child) &&
        g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "window-close-symbolic") == 0)
      close = child;
  g_assert_nonnull (close);
  g_signal_emit_by_name (close, "clicked");
  bo_gui_test_iterate (30);
}

static GtkWidget *
open_new (Fixture    *f,
          const char *view_name,
          const char *action,
          GType       dialog_type)
{
  GtkWidget *view = show_view (f, view_name);
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (view, action, NULL));
  bo_gui_test_iterate (30);
  dialog = bo_gui_test_find_window (dialog_type);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (dialog));
  return GTK_WIDGET (dialog);
}

static GtkWidget *
open_product (Fixture *f,
              gint64   product_id)
{
  GtkWindow *dialog = bo_product_dialog_new (GTK_WINDOW (f->window), f->store, product_id);

  gtk_window_present (dialog);
  bo_gui_test_iterate (30);
  return GTK_WIDGET (dialog);
}

static BoProduct *
most_backordered_product (BoStore *store)
{
  g_autoptr(GPtrArray) products = bo_store_list_products (store, NULL, "-backordered", 0, 1, NULL);

  g_assert_nonnull (products);
  g_assert_cmpuint (products->len, ==, 1);
  return bo_product_copy (g_ptr_array_index (products, 0));
}

static BoProductSupplier *
find_link (BoStore    *store,
           gint64      product_id,
           const char *supplier_name,
           guint      *n_preferred)
{
  g_autoptr(GPtrArray) links = bo_store_list_product_suppliers (store, product_id, NULL);
  BoProductSupplier *found = NULL;

  g_assert_nonnull (links);
  if (n_preferred != NULL)
    *n_preferred = 0;
  for (guint i = 0; i < links->len; i++)
    {
      BoProductSupplier *link = g_ptr_array_index (links, i);

      if (n_preferred != NULL && link->preferred)
        (*n_preferred)++;
      if (g_str_equal (link->supplier_name, supplier_name))
        found = g_steal_pointer (&links->pdata[i]);
    }
  return found;
}

/* ---- products --------------------------------------------------------------- */

static void
test_add_product (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *dialog = open_new (f, "products", "products.new", BO_TYPE_PRODUCT_DIALOG);
  GListModel *model = bo_products_view_get_model (BO_PRODUCTS_VIEW (bo_window_get_view (f->window,
                                                                                     "products")));
  g_autoptr(BoProduct) product = NULL;
  g_autoptr(GObject) item = NULL;
  g_autofree char *on_hand = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 36);
  /* A fresh form is not valid yet, but not covered in red either. */
  g_assert_false (can_click (dialog, "Save"));
  g_assert_false (row_marked (dialog, "SKU"));

  type_in (dialog, "SKU", "TEA-GRN-100");
  type_in (dialog, "Name", "Green Tea, 100 g");
  type_in (dialog, "Price", "4.50");
  type_in (dialog, "Cost", "1.2");
  type_in (dialog, "Bin Location", "A-3");
  type_in (dialog, "Initial Stock", "12");
  type_in (dialog, "Reorder Point", "5");
  type_in (dialog, "Reorder Quantity", "20");
  choose (dialog, "When Out of Stock", "Only when a purchase order is coming");
  gtk_switch_set_active (GTK_SWITCH (find (dialog, GTK_TYPE_SWITCH, "discontinued_switch")), FALSE);
  bo_gui_test_iterate (20);
  g_assert_true (can_click (dialog, "Save"));
  click (dialog, "Save");
  g_assert_null (bo_gui_test_find_window (BO_TYPE_PRODUCT_DIALOG));

  product = bo_store_find_product (f->store, "TEA-GRN-100", NULL);
  g_assert_nonnull (product);
  g_assert_cmpstr (product->name, ==, "Green Tea, 100 g");
  g_assert_cmpint (product->price, ==, 450);
  g_assert_cmpint (product->cost, ==, 120);
  g_assert_cmpint (product->on_hand, ==, 12);
  g_assert_cmpstr (product->location, ==, "A-3");
  g_assert_cmpint (product->reorder_point, ==, 5);
  g_assert_cmpint (product->reorder_qty, ==, 20);
  g_assert_cmpint (product->backorder_policy, ==, BO_BACKORDER_ALLOW_IF_INCOMING);
  g_assert_false (product->drop_ship);

  /* The products view shows the new row at once. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 37);
  item = find_item (model, "sku", "TEA-GRN-100");
  g_assert_nonnull (item);
  g_object_get (item, "on-hand", &on_hand, NULL);
  g_assert_cmpstr (on_hand, ==, "12");
}

static void
test_invalid_price (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *dialog = open_new (f, "products", "products.new", BO_TYPE_PRODUCT_DIALOG);

  type_in (dialog, "SKU", "X-1");
  type_in (dialog, "Name", "Something");
  type_in (dialog, "Price", "12.5.0");
  g_assert_true (row_marked (dialog, "Price"));
  g_assert_nonnull (find_reason (dialog, "Price: “12.5.0” is not an amount"));
  g_assert_false (can_click (dialog, "Save"));

  type_in (dialog, "Price", "-3");
  g_assert_true (row_marked (dialog, "Price"));
  g_assert_nonnull (find_reason (dialog, "Price: cannot be negative"));
  g_assert_false (can_click (dialog, "Save"));

  /* Save stays disabled through the action too. */
  g_assert_true (gtk_widget_activate_action (dialog, "product.save", NULL));
  bo_gui_test_iterate (20);
  g_assert_nonnull (bo_gui_test_find_window (BO_TYPE_PRODUCT_DIALOG));
  g_assert_null (bo_store_find_product (f->store, "X-1", NULL));

  type_in (dialog, "Price", "12.50");
  g_assert_false (row_marked (dialog, "Price"));
  g_assert_null (find_reason (dialog, "Price:"));
  g_assert_true (can_click (dialog, "Save"));

  /* Other fields say why too. */
  type_in (dialog, "Reorder Point", "2.5");
  g_assert_nonnull (find_reason (dialog, "Reorder Point: “2.5” is not a whole number"));
  g_assert_false (can_click (dialog, "Save"));
  type_in (dialog, "Reorder Point", "2");
  type_in (dialog, "Name", "");
  g_assert_nonnull (find_reason (dialog, "Name: required"));
  g_assert_false (can_click (dialog, "Save"));

  /* The limits and the text rules are the core's, as on the command line. */
  type_in (dialog, "Name", "Red \033[31mmug");
  g_assert_nonnull (find_reason (dialog, "Name: holds a control character"));
  g_assert_false (can_click (dialog, "Save"));
  type_in (dialog, "Name", "Something");
  type_in (dialog, "Price", "10000000");
  g_assert_nonnull (find_reason (dialog, "Price: at most 9999999.99"));
  g_assert_false (can_click (dialog, "Save"));
  type_in (dialog, "Price", "9999999.99");
  g_assert_true (can_click (dialog, "Save"));
}

static void
test_duplicate_sku (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) products = bo_store_list_products (f->store, NULL, "sku", 0, 1, NULL);
  const BoProduct *existing = g_ptr_array_index (products, 0);
  GtkWidget *dialog = open_new (f, "products", "products.new", BO_TYPE_PRODUCT_DIALOG);
  g_autofree char *expected = g_strdup_printf ("SKU: already used by “%s”", existing->name);
  g_autofree char *spaced = g_strconcat (" ", existing->sku, NULL);

  type_in (dialog, "Name", "Copy");
  type_in (dialog, "Price", "1");
  type_in (dialog, "SKU", existing->sku);
  g_assert_true (row_marked (dialog, "SKU"));
  g_assert_nonnull (find_reason (dialog, expected));
  g_assert_false (can_click (dialog, "Save"));

  type_in (dialog, "SKU", spaced);
  g_assert_nonnull (find_reason (dialog, "SKU: cannot hold spaces"));
  g_assert_false (can_click (dialog, "Save"));

  /* The core's rule: what `--line SKU:QTY@PRICE` uses cannot be in a SKU. */
  type_in (dialog, "SKU", "COPY:1");
  g_assert_nonnull (find_reason (dialog, "SKU: cannot hold “:”"));
  g_assert_false (can_click (dialog, "Save"));
  type_in (dialog, "SKU", "COPY@1");
  g_assert_nonnull (find_reason (dialog, "SKU: cannot hold “@”"));
  g_assert_false (can_click (dialog, "Save"));

  type_in (dialog, "SKU", "COPY-1");
  g_assert_false (row_marked (dialog, "SKU"));
  g_assert_true (can_click (dialog, "Save"));

  /* Editing a product keeps its own SKU valid. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = open_product (f, existing->id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (dialog, ADW_TYPE_ENTRY_ROW, "SKU"))),
                   ==, existing->sku);
  g_assert_false (row_marked (dialog, "SKU"));
  g_assert_true (can_click (dialog, "Save"));
}

static void
test_edit_product (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *view = show_view (f, "products");
  GListModel *model = bo_products_view_get_model (BO_PRODUCTS_VIEW (view));
  g_autoptr(GObject) first = g_list_model_get_item (model, 0);
  g_autoptr(BoProduct) before = NULL;
  g_autoptr(BoProduct) after = NULL;
  g_autoptr(GObject) item = NULL;
  g_autofree char *sku = NULL;
  g_autofree char *policy = NULL;
  GtkWidget *dialog;

  g_object_get (first, "sku", &sku, NULL);
  before = bo_store_find_product (f->store, sku, NULL);
  g_assert_cmpint (before->backorder_policy, !=, BO_BACKORDER_DENY);

  /* Activating the row opens the product. */
  g_signal_emit_by_name (find (view, GTK_TYPE_COLUMN_VIEW, NULL), "activate", 0);
  bo_gui_test_iterate (30);
  dialog = GTK_WIDGET (bo_gui_test_find_window (BO_TYPE_PRODUCT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (dialog, ADW_TYPE_ENTRY_ROW, "Name"))),
                   ==, before->name);
  g_assert_false (gtk_widget_get_visible (find (dialog, ADW_TYPE_ENTRY_ROW, "Initial Stock")));

  type_in (dialog, "Name", "Renamed Product");
  choose (dialog, "When Out of Stock", "Never backorder");
  bo_gui_test_iterate (20);
  click (dialog, "Save");
  g_assert_null (bo_gui_test_find_window (BO_TYPE_PRODUCT_DIALOG));

  after = bo_store_get_product (f->store, before->id, NULL);
  g_assert_cmpstr (after->name, ==, "Renamed Product");
  g_assert_cmpint (after->backorder_policy, ==, BO_BACKORDER_DENY);
  g_assert_cmpstr (after->sku, ==, before->sku);
  g_assert_cmpint (after->price, ==, before->price);
  g_assert_cmpint (after->on_hand, ==, before->on_hand);

  item = find_item (model, "sku", sku);
  g_assert_nonnull (item);
  g_object_get (item, "policy", &policy, NULL);
  g_assert_cmpstr (policy, ==, "No backorders");
}

static void
test_adjust_stock (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BoProduct) before = most_backordered_product (f->store);
  g_autoptr(BoProduct) after = NULL;
  g_autofree char *delta = g_strdup_printf ("+%" G_GINT64_FORMAT, before->backordered);
  g_autofree char *on_hand = g_strdup_printf ("%" G_GINT64_FORMAT, before->on_hand);
  g_autofree char *new_on_hand = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  before->on_hand + before->backordered);
  g_autoptr(GPtrArray) movements = NULL;
  const BoMovement *newest;
  GtkWidget *dialog, *group;
  GtkWindow *message;

  g_assert_cmpint (before->backordered, >, 0);
  dialog = open_product (f, before->id);
  g_assert_nonnull (bo_gui_test_find_label (find (dialog, ADW_TYPE_ACTION_ROW, "On Hand"),
                                            on_hand));

  group = find (dialog, ADW_TYPE_PREFERENCES_GROUP, "adjust_group");
  g_assert_false (gtk_widget_get_visible (group));
  click (dialog, "Adjust Stock…");
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_false (can_click (dialog, "Adjust Stock"));

  /* The store refuses to remove more than there is, and says so. */
  type_in (dialog, "Change in Units", "-100000");
  type_in (dialog, "Reason", "Count");
  click (dialog, "Adjust Stock");
  message = bo_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==,
                   "Could not adjust the stock");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)),
                            "cannot remove 100000"));
  gtk_window_destroy (message);
  after = bo_store_get_product (f->store, before->id, NULL);
  g_assert_cmpint (after->on_hand, ==, before->on_hand);
  g_clear_pointer (&after, bo_product_free);
  g_assert_true (gtk_widget_get_visible (group));

  type_in (dialog, "Change in Units", "lots");
  g_assert_nonnull (find_reason (dialog, "Change in Units: “lots” is not a whole number"));
  type_in (dialog, "Change in Units", "0");
  g_assert_nonnull (find_reason (dialog, "Change in Units: cannot be zero"));
  type_in (dialog, "Change in Units", delta);
  type_in (dialog, "Reason", "Found a carton in the back room");
  g_assert_true (can_click (dialog, "Adjust Stock"));
  click (dialog, "Adjust Stock");

  /* Done at once: the waiting orders got the stock. */
  after = bo_store_get_product (f->store, before->id, NULL);
  g_assert_cmpint (after->on_hand, ==, before->on_hand + before->backordered);
  g_assert_cmpint (after->allocated, >, before->allocated);
  g_assert_cmpint (after->backordered, <, before->backordered);
  movements = bo_store_list_movements (f->store, before->id, NULL);
  newest = g_ptr_array_index (movements, 0);
  g_assert_cmpint (newest->delta, ==, before->backordered);
  g_assert_cmpstr (newest->reference, ==, "Found a carton in the back room");

  /* The dialog shows the new figures, says which orders can ship, and
   * lists the movement. */
  g_assert_false (gtk_widget_get_visible (group));
  g_assert_nonnull (bo_gui_test_find_label (find (dialog, ADW_TYPE_ACTION_ROW, "On Hand"),
                                            new_on_hand));
  g_assert_nonnull (find_toast (dialog, "can ship now"));
  g_assert_nonnull (find (dialog, ADW_TYPE_ACTION_ROW,
                          "Adjustment — Found a carton in the back room"));
}

/* ---- suppliers -------------------------------------------------------------- */

static void
test_supplier_and_link (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *dialog = open_new (f, "suppliers", "suppliers.new", BO_TYPE_SUPPLIER_DIALOG);
  GtkWidget *view = bo_window_get_view (f->window, "suppliers");
  GListModel *suppliers = bo_suppliers_view_get_model (BO_SUPPLIERS_VIEW (view));
  g_autoptr(BoSupplier) supplier = NULL;
  g_autoptr(BoProduct) product = most_backordered_product (f->store);
  g_autoptr(BoProductSupplier) link = NULL;
  g_autoptr(GObject) item = NULL;
  g_autofree char *lead = NULL;
  GtkWidget *row, *toast;
  guint n_suppliers = g_list_model_get_n_items (suppliers);
  guint n_preferred;

  g_assert_cmpuint (n_suppliers, >, 0);
  type_in (dialog, "Name", "Tea Traders");
  type_in (dialog, "Email Address", "orders at tea");
  g_assert_nonnull (find_reason (dialog, "Email Address: an email address has no spaces"));
  g_assert_false (can_click (dialog, "Save"));
  type_in (dialog, "Email Address", "orders@tea.example");
  type_in (dialog, "Usual Lead Time in Days", "400");
  g_assert_nonnull (find_reason (dialog, "Usual Lead Time in Days: must be between 0 and 365"));
  g_assert_false (can_click (dialog, "Save"));
  type_in (dialog, "Usual Lead Time in Days", "9");
  click (dialog, "Save");
  g_assert_null (bo_gui_test_find_window (BO_TYPE_SUPPLIER_DIALOG));

  supplier = bo_store_find_supplier (f->store, "Tea Traders", NULL);
  g_assert_nonnull (supplier);
  g_assert_cmpstr (supplier->email, ==, "orders@tea.example");
  g_assert_cmpint (supplier->lead_days, ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (suppliers), ==, n_suppliers + 1);
  bo_gui_test_set_text (find (view, GTK_TYPE_SEARCH_ENTRY, NULL), "tea trad");
  bo_gui_test_iterate (250);
  g_assert_cmpuint (g_list_model_get_n_items (suppliers), ==, 1);
  item = g_list_model_get_item (suppliers, 0);
  g_object_get (item, "lead-time", &lead, NULL);
  g_assert_cmpstr (lead, ==, "9 days");

  /* The name is taken now. */
  dialog = open_new (f, "suppliers", "suppliers.new", BO_TYPE_SUPPLIER_DIALOG);
  type_in (dialog, "Name", "tea traders");
  g_assert_nonnull (find_reason (dialog, "Name: another supplier has this name"));
  g_assert_false (can_click (dialog, "Save"));
  gtk_widget_activate_action (dialog, "window.close", NULL);
  bo_gui_test_iterate (20);

  /* Link it to a product, as the preferred supplier. */
  dialog = open_product (f, product->id);
  g_assert_null (bo_gui_test_find (dialog, ADW_TYPE_ACTION_ROW, "Tea Traders"));
  click (dialog, "Add Supplier…");
  choose (dialog, "Supplier", "Tea Traders");
  type_in (dialog, "Supplier’s SKU", "TT-77");
  type_in (dialog, "Supplier’s Cost", "2,10");
  g_assert_nonnull (find_reason (dialog, "Supplier’s Cost: “2,10” is not an amount"));
  g_assert_false (can_click (dialog, "Link Supplier"));
  type_in (dialog, "Supplier’s Cost", "2.10");
  type_in (dialog, "Minimum Order Quantity", "0");
  g_assert_nonnull (find_reason (dialog, "Minimum Order Quantity: must be between 1 and"));
  type_in (dialog, "Minimum Order Quantity", "6");
  gtk_switch_set_active (GTK_SWITCH (find (dialog, GTK_TYPE_SWITCH, "link_preferred_switch")),
                         TRUE);
  bo_gui_test_iterate (20);
  click (dialog, "Link Supplier");

  link = find_link (f->store, product->id, "Tea Traders", &n_preferred);
  g_assert_nonnull (link);
  g_assert_true (link->preferred);
  g_assert_cmpuint (n_preferred, ==, 1);
  g_assert_cmpstr (link->supplier_sku, ==, "TT-77");
  g_assert_cmpint (link->cost, ==, 210);
  g_assert_cmpint (link->lead_days, ==, -1);
  g_assert_cmpint (link->min_order_qty, ==, 6);
  g_clear_pointer (&link, bo_product_supplier_free);
  row = find (dialog, ADW_TYPE_ACTION_ROW, "Tea Traders");
  g_assert_nonnull (bo_gui_test_find_label (row, "Preferred"));

  /* Remove it, then Undo: the store never changes. */
  click (row, NULL);
  g_assert_null (bo_gui_test_find (dialog, ADW_TYPE_ACTION_ROW, "Tea Traders"));
  toast = find_toast (dialog, "Tea Traders removed");
  g_assert_nonnull (toast);
  link = find_link (f->store, product->id, "Tea Traders", NULL);
  g_assert_nonnull (link);
  g_clear_pointer (&link, bo_product_supplier_free);
  click (toast, "Undo");
  bo_gui_test_iterate (100);
  link = find_link (f->store, product->id, "Tea Traders", NULL);
  g_assert_nonnull (link);
  g_clear_pointer (&link, bo_product_supplier_free);
  row = find (dialog, ADW_TYPE_ACTION_ROW, "Tea Traders");

  /* Remove it and let the toast go: now the link is gone. */
  click (row, NULL);
  toast = find_toast (dialog, "Tea Traders removed");
  g_assert_nonnull (toast);
  close_toast (toast);
  link = find_link (f->store, product->id, "Tea Traders", NULL);
  g_assert_null (link);
  g_assert_null (bo_gui_test_find (dialog, ADW_TYPE_ACTION_ROW, "Tea Traders"));

  /* Closed, the dialog goes away whole. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  bo_gui_test_iterate (50);
  g_assert_null (dialog);
}

static void
test_unlink_on_close (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BoProduct) product = most_backordered_product (f->store);
  g_autoptr(GPtrArray) links = bo_store_list_product_suppliers (f->store, product->id, NULL);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  g_assert_cmpuint (links->len, >, 0);
  name = g_strdup (((BoProductSupplier *) g_ptr_array_index (links, 0))->supplier_name);
  dialog = open_product (f, product->id);
  click (find (dialog, ADW_TYPE_ACTION_ROW, name), NULL);
  g_assert_nonnull (find_toast (dialog, "removed"));
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  bo_gui_test_iterate (30);
  g_assert_null (bo_gui_test_find_window (BO_TYPE_PRODUCT_DIALOG));
  g_assert_null (find_link (f->store, product->id, name, NULL));
}

/* ---- customers -------------------------------------------------------------- */

static void
test_add_customer (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *dialog = open_new (f, "customers", "customers.new", BO_TYPE_CUSTOMER_DIALOG);
  GtkWidget *view = bo_window_get_view (f->window, "customers");
  GListModel *model = bo_customers_view_get_model (BO_CUSTOMERS_VIEW (view));
  g_autoptr(BoCustomer) customer = NULL;
  g_autoptr(GObject) item = NULL;
  g_autofree char *tier = NULL;
  g_autofree char *ship_complete = NULL;
  GtkTextView *address;
  guint n_customers = g_list_model_get_n_items (model);

  g_assert_cmpuint (n_customers, >, 0);
  type_in (dialog, "Name", "Ada Lovelace");
  type_in (dialog, "Email Address", "ada.example.com");
  g_assert_nonnull (find_reason (dialog, "Email Address: an email address looks like"));
  g_assert_false (can_click (dialog, "Save"));
  type_in (dialog, "Email Address", "ada@example.com");
  address = GTK_TEXT_VIEW (find (dialog, GTK_TYPE_TEXT_VIEW, NULL));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (address), "12 Engine Row\nLondon", -1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (dialog, GTK_TYPE_SPIN_BUTTON, NULL)), 2);
  gtk_switch_set_active (GTK_SWITCH (find (dialog, GTK_TYPE_SWITCH, "ship_complete_switch")), TRUE);
  bo_gui_test_iterate (20);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  click (dialog, "Save");
  g_assert_null (dialog);
  g_assert_null (bo_gui_test_find_window (BO_TYPE_CUSTOMER_DIALOG));

  customer = bo_store_find_customer (f->store, "ada@example.com", NULL);
  g_assert_nonnull (customer);
  g_assert_cmpstr (customer->name, ==, "Ada Lovelace");
  g_assert_cmpstr (customer->address, ==, "12 Engine Row\nLondon");
  g_assert_cmpint (customer->tier, ==, 2);
  g_assert_true (customer->ship_complete);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_customers + 1);
  bo_gui_test_set_text (find (view, GTK_TYPE_SEARCH_ENTRY, NULL), "Lovelace");
  bo_gui_test_iterate (250);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  item = g_list_model_get_item (model, 0);
  g_object_get (item, "tier", &tier, "ship-complete", &ship_complete, NULL);
  g_assert_cmpstr (tier, ==, "2");
  g_assert_cmpstr (ship_complete, ==, "Yes");

  /* Activating the row opens the customer as saved. */
  g_signal_emit_by_name (find (view, GTK_TYPE_COLUMN_VIEW, NULL), "activate",
                         position_of (model, "name", "Ada Lovelace"));
  bo_gui_test_iterate (30);
  dialog = GTK_WIDGET (bo_gui_test_find_window (BO_TYPE_CUSTOMER_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (dialog, ADW_TYPE_ENTRY_ROW, "Name"))),
                   ==, "Ada Lovelace");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (
                     GTK_SPIN_BUTTON (find (dialog, GTK_TYPE_SPIN_BUTTON, NULL))), ==, 2);
  g_assert_true (gtk_switch_get_active (
                   GTK_SWITCH (find (dialog, GTK_TYPE_SWITCH, "ship_complete_switch"))));
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
}

/* A yen shop: whole yen in the lists and the form, and no half yen. */
static void
test_yen_shop (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, FALSE);
  g_autoptr(BoProduct) mug = bo_product_new ();
  g_autoptr(BoProduct) saved = NULL;
  g_autoptr(BoCustomer) customer = bo_customer_new ();
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GObject) item = NULL;
  g_autoptr(GObject) order = NULL;
  g_autofree char *total = NULL;
  g_autofree char *waiting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *price = NULL;
  Fixture f = { NULL, store, NULL };
  GtkWidget *dialog;
  GListModel *model;

  g_assert_true (bo_store_set_setting (store, "currency", "JPY", &error));
  g_assert_no_error (error);
  mug->sku = g_strdup ("MUG");
  mug->name = g_strdup ("Mug");
  mug->price = 8000;
  g_assert_true (bo_store_save_product (store, mug, &error));
  g_assert_no_error (error);
  customer->name = g_strdup ("Ms A");
  g_assert_true (bo_store_save_customer (store, customer, &error));
  draft->customer_id = customer->id;
  bo_order_draft_add_line (draft, "MUG", 3, -1);
  g_assert_true (bo_store_place_order (store, draft, FALSE, &outcome, &error));
  g_assert_no_error (error);
  f.window = bo_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (f.window));
  bo_gui_test_iterate (50);

  show_view (&f, "products");
  model = bo_products_view_get_model (BO_PRODUCTS_VIEW (bo_window_get_view (f.window,
                                                                            "products")));
  item = find_item (model, "sku", "MUG");
  g_assert_nonnull (item);
  g_object_get (item, "price", &price, NULL);
  g_assert_cmpstr (price, ==, "8000 JPY");

  show_view (&f, "orders");
  model = bo_orders_view_get_model (BO_ORDERS_VIEW (bo_window_get_view (f.window, "orders")));
  order = find_item (model, "customer", "Ms A");
  g_assert_nonnull (order);
  g_object_get (order, "total", &total, "value", &waiting, NULL);
  g_assert_cmpstr (total, ==, "24000 JPY");
  g_assert_cmpstr (waiting, ==, "24000 JPY");

  /* The form shows what the merchant would type, and refuses half a yen. */
  dialog = open_product (&f, mug->id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (dialog, ADW_TYPE_ENTRY_ROW,
                                                              "Price"))), ==, "8000");
  gtk_window_destroy (GTK_WINDOW (dialog));
  bo_gui_test_iterate (20);
  dialog = open_new (&f, "products", "products.new", BO_TYPE_PRODUCT_DIALOG);
  type_in (dialog, "SKU", "TEA");
  type_in (dialog, "Name", "Tea");
  type_in (dialog, "Price", "450.5");
  bo_gui_test_iterate (20);
  g_assert_false (can_click (dialog, "Save"));
  g_assert_true (row_marked (dialog, "Price"));
  g_assert_nonnull (find_reason (dialog, "“450.5” is not an amount; write it like 1250"));
  type_in (dialog, "Price", "450");
  bo_gui_test_iterate (20);
  click (dialog, "Save");
  saved = bo_store_find_product (store, "TEA", NULL);
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->price, ==, 450);

  close_dialogs ();
  gtk_window_destroy (GTK_WINDOW (f.window));
  bo_gui_test_iterate (20);
  g_clear_object (&store);
  bo_gui_test_remove_dir (dir);
}

/* A greyed-out Save says which field holds it back, before anything is
 * typed; a second customer of the same name is saved only when meant. */
static void
test_save_says_why_and_duplicate_name (Fixture       *f,
                                       gconstpointer  data)
{
  GtkWidget *dialog = open_new (f, "customers", "customers.new", BO_TYPE_CUSTOMER_DIALOG);
  g_autoptr(GPtrArray) first = bo_store_list_customers (f->store, NULL, "name", 0, 1, NULL);
  const char *name = ((BoCustomer *) g_ptr_array_index (first, 0))->name;
  GtkWidget *save = find (dialog, GTK_TYPE_BUTTON, "Save");
  AdwMessageDialog *message;
  g_autofree char *heading = g_strdup_printf ("Another Customer Is Called “%s”", name);

  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (save), ==, "Can’t save yet: Name: required");
  type_in (dialog, "Name", name);
  g_assert_true (gtk_widget_is_sensitive (save));
  g_assert_null (gtk_widget_get_tooltip_text (save));

  /* Saving the same name warns, and Keep Editing saves nothing. */
  click (dialog, "Save");
  message = bo_gui_test_find_message (heading);
  g_assert_nonnull (message);
  adw_message_dialog_response (message, "cancel");
  bo_gui_test_iterate (30);
  g_assert_nonnull (bo_gui_test_find_window (BO_TYPE_CUSTOMER_DIALOG));
  g_assert_cmpint (bo_store_count_customers (f->store, name, NULL), ==, 1);

  /* Save Anyway: two customers of that name. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  click (dialog, "Save");
  message = bo_gui_test_find_message (heading);
  g_assert_nonnull (message);
  adw_message_dialog_response (message, "save");
  bo_gui_test_iterate (50);
  g_assert_null (dialog);
  g_assert_cmpint (bo_store_count_customers (f->store, name, NULL), ==, 2);
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
#define ADD(path, func) \
  g_test_add ("/catalogue/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add-product", test_add_product);
  ADD ("invalid-price", test_invalid_price);
  ADD ("duplicate-sku", test_duplicate_sku);
  ADD ("edit-product", test_edit_product);
  ADD ("adjust-stock", test_adjust_stock);
  ADD ("supplier-and-link", test_supplier_and_link);
  ADD ("unlink-on-close", test_unlink_on_close);
  ADD ("add-customer", test_add_customer);
  ADD ("save-says-why-and-duplicate-name", test_save_says_why_and_duplicate_name);
#undef ADD
  g_test_add_func ("/catalogue/yen-shop", test_yen_shop);
  return g_test_run ();
}
