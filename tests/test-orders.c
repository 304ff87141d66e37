/* test-orders.c — the orders view, the new-order dialog and the order dialog
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "bo-customer-dialog.h"
#include "bo-format.h"
#include "bo-gui-test.h"
#include "bo-new-order-dialog.h"
#include "bo-order-dialog.h"
#include "bo-order-item.h"
#include "bo-orders-view.h"
#include "bo-suggestion-popover.h"
#include "bo-window.h"

/* ---- a small hand-made shop --------------------------------------------------- */

typedef struct
{
  char     *dir;
  BoStore  *store;
  BoWindow *window;
} Shop;

static gint64
noon (void)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (2026, 11, 26, 12, 0, 0);
  return g_date_time_to_unix (dt);
}

static guint32
julian (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static gint64
add_product (BoStore           *store,
             const char        *sku,
             gint64             stock,
             gint64             price,
             BoBackorderPolicy  policy)
{
  g_autoptr(BoProduct) p = bo_product_new ();
  g_autoptr(GError) error = NULL;

  p->sku = g_strdup (sku);
  p->name = g_strdup_printf ("Product %s", sku);
  p->on_hand = stock;
  p->price = price;
  p->cost = price / 2;
  p->backorder_policy = policy;
  g_assert_true (bo_store_save_product (store, p, &error));
  g_assert_no_error (error);
  return p->id;
}

static gint64
add_customer (BoStore    *store,
              const char *name,
              const char *email)
{
  g_autoptr(BoCustomer) c = bo_customer_new ();
  g_autoptr(GError) error = NULL;

  c->name = g_strdup (name);
  c->email = g_strdup (email);
  g_assert_true (bo_store_save_customer (store, c, &error));
  g_assert_no_error (error);
  return c->id;
}

/* MUG: 2 on hand, 5 arriving on 2026-12-10, 2 handling days → promised
 * 2026-12-12. PIN: 1 on hand, no backorders. CAP: none, nothing incoming. */
static void
shop_open (Shop     *shop,
           gboolean  sample)
{
  g_autoptr(GError) error = NULL;

  shop->store = bo_gui_test_open_store (&shop->dir, sample);
  if (!sample)
    {
      g_autoptr(BoSupplier) supplier = bo_supplier_new ();
      BoQuantity q;

      bo_store_set_now (shop->store, noon ());
      g_assert_true (bo_store_set_setting (shop->store, "handling-days", "2", &error));
      g_assert_true (bo_store_set_setting (shop->store, "currency", "EUR", &error));
      q.line_id = add_product (shop->store, "MUG", 2, 1000, BO_BACKORDER_ALLOW);
      q.quantity = 5;
      add_product (shop->store, "PIN", 1, 250, BO_BACKORDER_DENY);
      add_product (shop->store, "CAP", 0, 1500, BO_BACKORDER_ALLOW);
      add_customer (shop->store, "Ms A", "a@example.com");
      add_customer (shop->store, "Mr B", "b@example.com");
      supplier->name = g_strdup ("Kiln Brothers");
      g_assert_true (bo_store_save_supplier (shop->store, supplier, &error));
      g_assert_true (bo_store_create_po (shop->store, supplier->id, julian (2026, 12, 10), &q, NULL,
                                         1, NULL, &error));
      g_assert_no_error (error);
    }
  shop->window = bo_window_new (NULL, shop->store);
  gtk_window_present (GTK_WINDOW (shop->window));
  bo_window_show_view (shop->window, "orders");
  bo_gui_test_iterate (50);
}

static void
shop_close (Shop *shop)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (shop->window));
  bo_gui_test_iterate (20);
  g_assert_true (bo_store_check (shop->store, &problems, &error));
  g_assert_no_error (error);
  g_clear_object (&shop->store);
  bo_gui_test_remove_dir (shop->dir);
  g_free (shop->dir);
}

static BoOrdersView *
orders_view (Shop *shop)
{
  return BO_ORDERS_VIEW (bo_window_get_view (shop->window, "orders"));
}

/* ---- helpers ------------------------------------------------------------------ */

static BoNewOrderDialog *
open_new_order (Shop *shop)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (orders_view (shop)), "orders.new", NULL));
  bo_gui_test_iterate (50);
  dialog = bo_gui_test_find_window (BO_TYPE_NEW_ORDER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (shop->window));
  return BO_NEW_ORDER_DIALOG (dialog);
}

/* Typing pauses long enough for the live preview to run. */
static void
type (GtkWidget  *editable,
      const char *text)
{
  bo_gui_test_set_text (editable, text);
  bo_gui_test_iterate (250);
}

static GtkWidget *
place_button (BoNewOrderDialog *dialog)
{
  GtkWidget *button = bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Place Order");

  g_assert_nonnull (button);
  return button;
}

static const char *
outcome (BoNewOrderDialog *dialog,
         guint             line)
{
  return gtk_label_get_text (bo_new_order_dialog_get_line_outcome_label (dialog, line));
}

static const char *
problem (BoNewOrderDialog *dialog,
         guint             line)
{
  GtkLabel *label = bo_new_order_dialog_get_line_problem_label (dialog, line);

  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : "";
}

static void
fill_line (BoNewOrderDialog *dialog,
           guint             line,
           const char       *sku,
           const char       *quantity)
{
  type (GTK_WIDGET (bo_new_order_dialog_get_sku_entry (dialog, line)), sku);
  type (GTK_WIDGET (bo_new_order_dialog_get_quantity_entry (dialog, line)), quantity);
}

static char *
first_number (GListModel *model)
{
  g_autoptr(BoOrderItem) item = g_list_model_get_item (model, 0);

  g_assert_nonnull (item);
  return g_strdup (bo_order_item_get_number (item));
}

static const char *
cell_text (GtkWidget  *dialog,
           const char *name)
{
  GtkWidget *label = bo_gui_test_find (dialog, GTK_TYPE_LABEL, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
is_sensitive (GtkWidget  *root,
              GType       type,
              const char *name)
{
  GtkWidget *widget = bo_gui_test_find (root, type, name);

  g_assert_nonnull (widget);
  return gtk_widget_is_sensitive (widget);
}

/* ---- the new-order dialog ------------------------------------------------------- */

static void
test_place_order_with_live_outcome (void)
{
  Shop shop = { 0 };
  BoNewOrderDialog *dialog;
  GListModel *model;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(BoProduct) mug = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *toast = NULL;
  guint before;

  shop_open (&shop, FALSE);
  model = bo_orders_view_get_model (orders_view (&shop));
  before = g_list_model_get_n_items (model);
  g_assert_cmpuint (before, ==, 0);

  dialog = open_new_order (&shop);
  g_assert_false (gtk_widget_is_sensitive (place_button (dialog)));

  /* A customer, then a line: the label says what placing would do. */
  type (bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "customer_row"), "Ms A");
  fill_line (dialog, 0, "MUG", "3");
  g_assert_cmpstr (outcome (dialog, 0), ==, "2 ship now, 1 backordered, expected 12/12/26");
  g_assert_cmpstr (problem (dialog, 0), ==, "");
  g_assert_true (gtk_widget_is_sensitive (place_button (dialog)));

  /* The label follows the quantity as it is typed. */
  type (GTK_WIDGET (bo_new_order_dialog_get_quantity_entry (dialog, 0)), "2");
  g_assert_cmpstr (outcome (dialog, 0), ==, "2 ship now");
  type (GTK_WIDGET (bo_new_order_dialog_get_quantity_entry (dialog, 0)), "3");

  /* A second line of a product with nothing coming needs a purchase order. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.add-line", NULL));
  g_assert_cmpuint (bo_new_order_dialog_get_n_lines (dialog), ==, 2);
  fill_line (dialog, 1, "CAP", "1");
  g_assert_cmpstr (outcome (dialog, 1), ==, "1 backordered, needs a purchase order");
  g_assert_cmpstr (outcome (dialog, 0), ==, "2 ship now, 1 backordered, expected 12/12/26");

  /* Nothing was written while previewing. */
  g_assert_cmpint (bo_store_count_orders (shop.store, BO_ORDER_FILTER_ALL, NULL, NULL), ==, 0);
  mug = bo_store_find_product (shop.store, "MUG", &error);
  g_assert_cmpint (mug->allocated, ==, 0);

  g_signal_emit_by_name (place_button (dialog), "clicked");
  bo_gui_test_iterate (50);
  g_assert_null (bo_gui_test_find_window (BO_TYPE_NEW_ORDER_DIALOG));

  /* The list shows it first; the store has it as previewed. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before + 1);
  number = first_number (model);
  order = bo_store_find_order (shop.store, number, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (order->customer_name, ==, "Ms A");
  g_assert_cmpuint (order->lines->len, ==, 2);
  {
    const BoOrderLine *line = g_ptr_array_index (order->lines, 0);

    g_assert_cmpstr (line->sku, ==, "MUG");
    g_assert_cmpint (line->ordered, ==, 3);
    g_assert_cmpint (line->allocated, ==, 2);
    g_assert_cmpint (line->backordered, ==, 1);
    g_assert_cmpuint (line->promised, ==, julian (2026, 12, 12));
  }
  toast = g_strdup_printf ("Order %s placed", number);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (shop.window), toast));

  shop_close (&shop);
}

static void
test_invalid_quantity (void)
{
  const char *bad[] = { "0", "abc", "-2", "1.5", "" };
  Shop shop = { 0 };
  BoNewOrderDialog *dialog;
  GtkWidget *quantity;

  shop_open (&shop, FALSE);
  dialog = open_new_order (&shop);
  type (bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "customer_row"), "a@example.com");
  fill_line (dialog, 0, "MUG", "1");
  g_assert_cmpstr (outcome (dialog, 0), ==, "1 ships now");
  g_assert_true (gtk_widget_is_sensitive (place_button (dialog)));

  quantity = GTK_WIDGET (bo_new_order_dialog_get_quantity_entry (dialog, 0));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      type (quantity, bad[i]);
      g_assert_true (gtk_widget_has_css_class (quantity, "error"));
      if (*bad[i] != '\0')
        {
          g_autofree char *reason = g_strdup_printf (
            "The quantity must be a whole number of 1 or more, not “%s”", bad[i]);
          g_assert_cmpstr (problem (dialog, 0), ==, reason);
        }
      else
        g_assert_cmpstr (problem (dialog, 0), ==, "Enter the quantity");
      g_assert_cmpstr (outcome (dialog, 0), ==, "");
      g_assert_false (gtk_widget_is_sensitive (place_button (dialog)));
      /* The action itself refuses too. */
      gtk_widget_activate_action (GTK_WIDGET (dialog), "order.place", NULL);
      bo_gui_test_iterate (20);
      g_assert_cmpint (bo_store_count_orders (shop.store, BO_ORDER_FILTER_ALL, NULL, NULL), ==, 0);
    }

  type (quantity, "2");
  g_assert_false (gtk_widget_has_css_class (quantity, "error"));
  g_assert_cmpstr (problem (dialog, 0), ==, "");
  g_assert_cmpstr (outcome (dialog, 0), ==, "2 ship now");
  g_assert_true (gtk_widget_is_sensitive (place_button (dialog)));

  /* An unknown SKU, and then no customer, disable placing as well. */
  type (GTK_WIDGET (bo_new_order_dialog_get_sku_entry (dialog, 0)), "NOPE");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (bo_new_order_dialog_get_sku_entry (dialog, 0)),
                                           "error"));
  g_assert_nonnull (strstr (problem (dialog, 0), "NOPE"));
  g_assert_false (gtk_widget_is_sensitive (place_button (dialog)));
  type (GTK_WIDGET (bo_new_order_dialog_get_sku_entry (dialog, 0)), "MUG");
  g_assert_true (gtk_widget_is_sensitive (place_button (dialog)));
  type (bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "customer_row"), "Nobody");
  g_assert_false (gtk_widget_is_sensitive (place_button (dialog)));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "There is no customer “Nobody”"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  bo_gui_test_iterate (20);
  g_assert_cmpint (bo_store_count_orders (shop.store, BO_ORDER_FILTER_ALL, NULL, NULL), ==, 0);
  shop_close (&shop);
}

/* Esc on a new order with something typed asks before throwing it away;
 * an untouched one just closes. */
static void
test_close_asks_before_discarding (void)
{
  Shop shop = { 0 };
  BoNewOrderDialog *dialog;

  shop_open (&shop, FALSE);
  dialog = open_new_order (&shop);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  bo_gui_test_iterate (50);
  g_assert_null (dialog);
  g_assert_null (bo_gui_test_find_message ("Discard the New Order?"));

  dialog = open_new_order (&shop);
  fill_line (dialog, 0, "MUG", "3");
  bo_gui_test_check_discard (GTK_WINDOW (dialog), "Discard the New Order?");
  g_assert_cmpint (bo_store_count_orders (shop.store, BO_ORDER_FILTER_ALL, NULL, NULL), ==, 0);
  shop_close (&shop);
}

/* The preview reads only: while another program holds the shop's write lock
 * the dialog still says what each line gets, and every refused line at once,
 * each in its own line. */
static void
test_preview_while_another_program_writes (void)
{
  Shop shop = { 0 };
  BoNewOrderDialog *dialog;
  sqlite3 *other = NULL;

  shop_open (&shop, FALSE);
  dialog = open_new_order (&shop);
  type (bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "customer_row"), "Mr B");

  g_assert_cmpint (sqlite3_open (bo_store_get_path (shop.store), &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; UPDATE products SET name = 'Held' "
                                 "WHERE sku = 'CAP'", NULL, NULL, NULL), ==, SQLITE_OK);

  fill_line (dialog, 0, "PIN", "4");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.add-line", NULL));
  fill_line (dialog, 1, "MUG", "3");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.add-line", NULL));
  fill_line (dialog, 2, "PIN", "2");
  g_assert_cmpstr (outcome (dialog, 0), ==,
                   "Refused: PIN does not take backorders (4 ordered, 1 can ship now)");
  g_assert_cmpstr (outcome (dialog, 1), ==, "2 ship now, 1 backordered, expected 12/12/26");
  g_assert_cmpstr (outcome (dialog, 2), ==,
                   "Refused: PIN does not take backorders (2 ordered, 0 can ship now)");
  g_assert_false (gtk_widget_is_sensitive (place_button (dialog)));

  /* Fixing the lines makes the order placeable, still during the write. */
  type (GTK_WIDGET (bo_new_order_dialog_get_quantity_entry (dialog, 0)), "1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.remove-line", "u", 3));
  bo_gui_test_iterate (250);
  g_assert_cmpstr (outcome (dialog, 0), ==, "1 ships now");
  g_assert_true (gtk_widget_is_sensitive (place_button (dialog)));

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  gtk_window_destroy (GTK_WINDOW (dialog));
  bo_gui_test_iterate (20);
  g_assert_cmpint (bo_store_count_orders (shop.store, BO_ORDER_FILTER_ALL, NULL, NULL), ==, 0);
  shop_close (&shop);
}

/* A quantity longer than any count says so, and what the limit is. */
static void
test_quantity_too_large (void)
{
  Shop shop = { 0 };
  BoNewOrderDialog *dialog;

  shop_open (&shop, FALSE);
  dialog = open_new_order (&shop);
  fill_line (dialog, 0, "MUG", "99999999999999999999");
  g_assert_cmpstr (problem (dialog, 0), ==,
                   "The quantity “99999999999999999999” is too large: at most 1000000000");
  gtk_window_destroy (GTK_WINDOW (dialog));
  shop_close (&shop);
}

static void
test_refused_line (void)
{
  Shop shop = { 0 };
  BoNewOrderDialog *dialog;
  GtkLabel *refusal;

  shop_open (&shop, FALSE);
  dialog = open_new_order (&shop);
  type (bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "customer_row"), "Mr B");

  /* The refused line is the second one; the first still says what it gets. */
  fill_line (dialog, 0, "MUG", "1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.add-line", NULL));
  fill_line (dialog, 1, "PIN", "3");
  refusal = bo_new_order_dialog_get_line_outcome_label (dialog, 1);
  g_assert_cmpstr (gtk_label_get_text (refusal), ==,
                   "Refused: PIN does not take backorders (3 ordered, 1 can ship now)");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (refusal), "error"));
  g_assert_cmpstr (outcome (dialog, 0), ==, "1 ships now");
  g_assert_false (gtk_widget_is_sensitive (place_button (dialog)));

  /* Asking only for what is there is accepted. */
  type (GTK_WIDGET (bo_new_order_dialog_get_quantity_entry (dialog, 1)), "1");
  g_assert_cmpstr (outcome (dialog, 1), ==, "1 ships now");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (refusal), "error"));
  g_assert_true (gtk_widget_is_sensitive (place_button (dialog)));

  /* Removing a line goes through its action; the last line stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.remove-line", "u", 2));
  bo_gui_test_iterate (250);
  g_assert_cmpuint (bo_new_order_dialog_get_n_lines (dialog), ==, 1);
  g_assert_true (gtk_widget_is_sensitive (place_button (dialog)));
  g_assert_false (is_sensitive (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Remove Line"));

  /* Cancel asks first (lines are typed), then closes without placing anything. */
  g_signal_emit_by_name (bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Cancel"), "clicked");
  bo_gui_test_iterate (20);
  g_assert_nonnull (bo_gui_test_find_message ("Discard the New Order?"));
  adw_message_dialog_response (bo_gui_test_find_message ("Discard the New Order?"), "discard");
  bo_gui_test_iterate (20);
  g_assert_null (bo_gui_test_find_window (BO_TYPE_NEW_ORDER_DIALOG));
  g_assert_cmpint (bo_store_count_orders (shop.store, BO_ORDER_FILTER_ALL, NULL, NULL), ==, 0);
  shop_close (&shop);
}

/* A product of the sample shop with a unit free to ship. */
static const char *
free_sku (Shop *shop)
{
  static char sku[64];
  g_autoptr(GPtrArray) products = bo_store_list_products (shop->store, NULL, "sku", 0, 0, NULL);

  for (guint i = 0; i < products->len; i++)
    {
      const BoProduct *p = g_ptr_array_index (products, i);

      if (p->on_hand - p->allocated >= 1 && !p->discontinued)
        {
          g_strlcpy (sku, p->sku, sizeof sku);
          return sku;
        }
    }
  g_assert_not_reached ();
}

static void
test_customer_suggestions (void)
{
  Shop shop = { 0 };
  g_autoptr(GPtrArray) customers = NULL;
  g_autofree char *start = NULL;
  const char *name;
  g_autofree char *prefix = NULL;
  const char *sku;
  BoNewOrderDialog *dialog;
  GtkWidget *row, *popover, *suggestion, *entry;

  shop_open (&shop, TRUE);
  customers = bo_store_list_customers (shop.store, NULL, "name", 0, 1, NULL);
  name = ((BoCustomer *) g_ptr_array_index (customers, 0))->name;
  start = g_utf8_substring (name, 0, 4);

  dialog = open_new_order (&shop);
  row = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "customer_row");
  gtk_widget_grab_focus (row);
  type (row, start);
  g_assert_false (gtk_widget_is_sensitive (place_button (dialog)));
  /* Part of a name is a hint, not an error. */
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  popover = bo_gui_test_find (row, BO_TYPE_SUGGESTION_POPOVER, NULL);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_cmpuint (bo_suggestion_popover_get_n_items (BO_SUGGESTION_POPOVER (popover)), >, 0);
  g_assert_cmpuint (bo_suggestion_popover_get_n_items (BO_SUGGESTION_POPOVER (popover)), <=, 8);
  suggestion = bo_gui_test_find (popover, GTK_TYPE_LIST_BOX_ROW, name);
  g_assert_nonnull (suggestion);
  g_signal_emit_by_name (gtk_widget_get_parent (suggestion), "row-activated", suggestion);
  bo_gui_test_iterate (250);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, name);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_widget_get_visible (popover));

  /* The SKU is picked from suggestions too; the quantity is next. */
  sku = free_sku (&shop);
  prefix = g_strndup (sku, strcspn (sku, "-") + 1);
  entry = GTK_WIDGET (bo_new_order_dialog_get_sku_entry (dialog, 0));
  gtk_widget_grab_focus (entry);
  type (entry, prefix);
  popover = bo_gui_test_find (entry, BO_TYPE_SUGGESTION_POPOVER, NULL);
  g_assert_true (gtk_widget_get_visible (popover));
  suggestion = bo_gui_test_find (popover, GTK_TYPE_LIST_BOX_ROW, sku);
  g_assert_nonnull (suggestion);
  g_signal_emit_by_name (gtk_widget_get_parent (suggestion), "row-activated", suggestion);
  bo_gui_test_iterate (250);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, sku);
  g_assert_false (gtk_widget_get_visible (popover));
  type (GTK_WIDGET (bo_new_order_dialog_get_quantity_entry (dialog, 0)), "1");
  g_assert_cmpstr (outcome (dialog, 0), ==, "1 ships now");
  g_assert_true (gtk_widget_is_sensitive (place_button (dialog)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  shop_close (&shop);
}

/* ---- the orders view ------------------------------------------------------------ */

static gint64
add_named_customer (BoStore    *store,
                    const char *name,
                    const char *address)
{
  g_autoptr(BoCustomer) customer = bo_customer_new ();
  g_autoptr(GError) error = NULL;

  customer->name = g_strdup (name);
  customer->address = g_strdup (address);
  g_assert_true (bo_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
  return customer->id;
}

/* Two customers of one name and no email: the order form lists both, told
 * apart by city and number, and the one picked is the one the order is for. */
static void
test_same_named_customers (void)
{
  Shop shop = { 0 };
  BoNewOrderDialog *dialog;
  GtkWidget *row, *popover, *paris, *suggestion;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  gint64 second;

  shop_open (&shop, TRUE);
  add_named_customer (shop.store, "Sam Twin", "1 Road\nBerlin");
  second = add_named_customer (shop.store, "Sam Twin", "2 Lane\nParis");

  dialog = open_new_order (&shop);
  row = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "customer_row");
  gtk_widget_grab_focus (row);
  type (row, "Sam Twin");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog),
                                            "Several customers are called “Sam Twin”"));
  popover = bo_gui_test_find (row, BO_TYPE_SUGGESTION_POPOVER, NULL);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_cmpuint (bo_suggestion_popover_get_n_items (BO_SUGGESTION_POPOVER (popover)), ==, 2);
  g_assert_nonnull (bo_gui_test_find_label (popover, "Berlin"));
  paris = bo_gui_test_find_label (popover, "Paris");
  g_assert_nonnull (paris);
  suggestion = gtk_widget_get_ancestor (paris, GTK_TYPE_LIST_BOX_ROW);
  g_signal_emit_by_name (gtk_widget_get_parent (suggestion), "row-activated", suggestion);
  bo_gui_test_iterate (250);

  fill_line (dialog, 0, free_sku (&shop), "1");
  g_assert_true (gtk_widget_is_sensitive (place_button (dialog)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.place", NULL));
  bo_gui_test_iterate (100);
  orders = bo_store_list_orders (shop.store, BO_ORDER_FILTER_ALL, "Sam Twin", NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orders->len, ==, 1);
  order = bo_store_get_order (shop.store, ((BoOrderSummary *) g_ptr_array_index (orders, 0))->order_id,
                              &error);
  g_assert_cmpint (order->customer_id, ==, second);
  shop_close (&shop);
}

/* A customer not in the shop yet is added from the order form; what was
 * typed stays, and the order is for the new customer. */
static void
test_new_customer_inline (void)
{
  Shop shop = { 0 };
  BoNewOrderDialog *dialog;
  GtkWindow *customer_dialog;
  GtkWidget *row, *name, *save;
  g_autoptr(BoCustomer) created = NULL;
  const char *sku;

  shop_open (&shop, TRUE);
  dialog = open_new_order (&shop);
  sku = free_sku (&shop);
  fill_line (dialog, 0, sku, "1");
  row = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "customer_row");
  type (row, "Zed Newcomer");
  g_assert_false (gtk_widget_is_sensitive (place_button (dialog)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.new-customer", NULL));
  bo_gui_test_iterate (50);
  customer_dialog = bo_gui_test_find_window (BO_TYPE_CUSTOMER_DIALOG);
  g_assert_nonnull (customer_dialog);
  g_assert_true (gtk_window_get_transient_for (customer_dialog) == GTK_WINDOW (dialog));
  name = bo_gui_test_find (GTK_WIDGET (customer_dialog), ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Zed Newcomer");
  save = bo_gui_test_find (GTK_WIDGET (customer_dialog), GTK_TYPE_BUTTON, "Save");
  g_signal_emit_by_name (save, "clicked");
  bo_gui_test_iterate (250);
  g_assert_null (bo_gui_test_find_window (BO_TYPE_CUSTOMER_DIALOG));

  created = bo_store_find_customer (shop.store, "Zed Newcomer", NULL);
  g_assert_nonnull (created);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Zed Newcomer");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (bo_new_order_dialog_get_sku_entry (dialog, 0)), ==, sku);
  g_assert_true (gtk_widget_is_sensitive (place_button (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  shop_close (&shop);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The model holds exactly these orders (numbers in ascending order, joined
 * by spaces), whatever the list's sort. */
static void
assert_numbers (GListModel *model,
                const char *expected)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BoOrderItem) item = g_list_model_get_item (model, i);

      g_ptr_array_add (numbers, g_strdup (bo_order_item_get_number (item)));
    }
  g_ptr_array_sort (numbers, compare_strings);
  g_ptr_array_add (numbers, NULL);
  joined = g_strjoinv (" ", (char **) numbers->pdata);
  g_assert_cmpstr (joined, ==, expected);
}

static void
test_filter_and_search (void)
{
  Shop shop = { 0 };
  GListModel *model;
  GtkWidget *view, *entry;

  /* The expected orders were read from the sample shop (seed 11, history to
   * 26 Nov 2026) by hand, with plain SQL on its order lines: 600 orders; open
   * units (ordered > allocated + shipped + cancelled) in 1592 (Wendy Jensen),
   * 1594 (Emma Larsen) and 1597 (Grace Adams); allocated units in 1598, 1599
   * and 1600; 8 orders of Grace Garcia, whose 1599 is her latest. */
  shop_open (&shop, TRUE);
  view = GTK_WIDGET (orders_view (&shop));
  model = bo_orders_view_get_model (BO_ORDERS_VIEW (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 600);

  g_assert_true (gtk_widget_activate_action (view, "orders.filter", "s", "backordered"));
  assert_numbers (model, "1592 1594 1597");
  g_assert_true (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (bo_gui_test_find (view, GTK_TYPE_TOGGLE_BUTTON, "filter_backordered"))));
  g_assert_false (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (bo_gui_test_find (view, GTK_TYPE_TOGGLE_BUTTON, "filter_all"))));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BoOrderItem) item = g_list_model_get_item (model, i);
      g_autofree char *status = NULL;
      g_autofree char *promised = NULL;

      g_assert_cmpint (bo_order_item_get_summary (item)->backordered, >, 0);
      g_object_get (item, "status", &status, "promised", &promised, NULL);
      g_assert_true (g_str_equal (status, "Backordered") || g_str_equal (status, "Ready to ship"));
      g_assert_cmpstr (promised, !=, "");
    }

  g_signal_emit_by_name (bo_gui_test_find (view, GTK_TYPE_TOGGLE_BUTTON, "filter_ready"), "clicked");
  bo_gui_test_iterate (20);
  assert_numbers (model, "1598 1599 1600");

  /* Search by customer, then by order number. */
  g_assert_true (gtk_widget_activate_action (view, "orders.filter", "s", "all"));
  entry = bo_gui_test_find (view, GTK_TYPE_SEARCH_ENTRY, NULL);
  bo_gui_test_set_text (entry, "Grace Garcia");
  bo_gui_test_iterate (250);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BoOrderItem) item = g_list_model_get_item (model, i);
      g_autofree char *shown = NULL;

      g_object_get (item, "customer", &shown, NULL);
      g_assert_cmpstr (shown, ==, "Grace Garcia");
    }
  bo_gui_test_set_text (entry, "1599");
  bo_gui_test_iterate (250);
  assert_numbers (model, "1599");
  bo_gui_test_set_text (entry, "no such order");
  bo_gui_test_iterate (250);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_nonnull (bo_gui_test_find_label (view, "No order number or customer matches"));

  shop_close (&shop);
}

/* ---- the order dialog ------------------------------------------------------------ */

/* Opens an order the way the merchant does: its row in the list. */
static BoOrderDialog *
activate_order_row (Shop       *shop,
                    const char *number)
{
  GtkWidget *view = GTK_WIDGET (orders_view (shop));
  GListModel *model = bo_orders_view_get_model (BO_ORDERS_VIEW (view));
  GtkWidget *columns = bo_gui_test_find (view, GTK_TYPE_COLUMN_VIEW, NULL);
  GtkWindow *dialog;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BoOrderItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (bo_order_item_get_number (item), number) == 0)
        {
          g_signal_emit_by_name (columns, "activate", i);
          break;
        }
    }
  bo_gui_test_iterate (50);
  dialog = bo_gui_test_find_window (BO_TYPE_ORDER_DIALOG);
  g_assert_nonnull (dialog);
  return BO_ORDER_DIALOG (dialog);
}

static gint64
place_for (BoStore    *store,
           gint64      customer_id,
           const char *sku,
           gint64      quantity,
           const char *sku2,
           gint64      quantity2)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;

  draft->customer_id = customer_id;
  bo_order_draft_add_line (draft, sku, quantity, -1);
  if (sku2 != NULL)
    bo_order_draft_add_line (draft, sku2, quantity2, -1);
  g_assert_true (bo_store_place_order (store, draft, FALSE, &outcome, &error));
  g_assert_no_error (error);
  return outcome->order_id;
}

static gint64
place (Shop       *shop,
       const char *customer,
       const char *sku,
       gint64      quantity)
{
  g_autoptr(BoCustomer) c = bo_store_find_customer (shop->store, customer, NULL);

  return place_for (shop->store, c->id, sku, quantity, NULL, 0);
}

static const BoOrderLine *
find_line (const BoOrder *order,
           const char    *sku)
{
  for (guint i = 0; i < order->lines->len; i++)
    if (g_str_equal (((BoOrderLine *) g_ptr_array_index (order->lines, i))->sku, sku))
      return g_ptr_array_index (order->lines, i);
  g_assert_not_reached ();
}

static GtkEventController *
find_scroll_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        return controller;
    }
  return NULL;
}

/* On a laptop-sized dialog, Create Shipment brings the Pack button into
 * view, and the wheel over the lines table scrolls the page. */
static void
test_pack_button_in_view (void)
{
  Shop shop = { 0 };
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  BoOrderDialog *dialog;
  GtkWidget *page, *lines, *pack;
  GtkAdjustment *vadjustment;
  GtkEventController *scroll;
  graphene_rect_t bounds;
  gboolean handled = FALSE;
  gint64 order_id;

  shop_open (&shop, TRUE);
  add_product (shop.store, "TEST-LAMP", 5, 2500, BO_BACKORDER_ALLOW);
  add_product (shop.store, "TEST-VASE", 4, 1800, BO_BACKORDER_ALLOW);
  customers = bo_store_list_customers (shop.store, NULL, "name", 0, 1, NULL);
  order_id = place_for (shop.store, ((BoCustomer *) g_ptr_array_index (customers, 0))->id,
                        "TEST-LAMP", 3, "TEST-VASE", 2);
  order = bo_store_get_order (shop.store, order_id, &error);
  dialog = activate_order_row (&shop, order->number);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 600, 420);
  bo_gui_test_iterate (200);

  page = bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW, "page_scroller");
  lines = bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW, "lines_scroller");
  g_assert_nonnull (page);
  g_assert_nonnull (lines);
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.create-shipment", NULL));
  bo_gui_test_iterate (300);
  pack = bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Pack Shipment");
  g_assert_nonnull (pack);
  g_assert_true (gtk_widget_compute_bounds (pack, page, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (page));

  /* Back to the top; the wheel over the lines moves the page down. */
  gtk_adjustment_set_value (vadjustment, 0);
  scroll = find_scroll_controller (lines);
  g_assert_nonnull (scroll);
  g_signal_emit_by_name (scroll, "scroll", 0.0, 3.0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  shop_close (&shop);
}

static void
test_ship_part_of_an_order (void)
{
  Shop shop = { 0 };
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(BoProduct) lamp = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GPtrArray) shipments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *row_name = NULL;
  BoOrderDialog *dialog;
  GtkWidget *spin, *row;
  const BoShipment *shipment;
  AdwToast *toast;
  gint64 order_id;

  /* An order of the sample shop's first customer, fully allocated. */
  shop_open (&shop, TRUE);
  add_product (shop.store, "TEST-LAMP", 5, 2500, BO_BACKORDER_ALLOW);
  add_product (shop.store, "TEST-VASE", 1, 1800, BO_BACKORDER_ALLOW);
  customers = bo_store_list_customers (shop.store, NULL, "name", 0, 1, NULL);
  order_id = place_for (shop.store, ((BoCustomer *) g_ptr_array_index (customers, 0))->id,
                        "TEST-LAMP", 3, "TEST-VASE", 1);
  order = bo_store_get_order (shop.store, order_id, &error);
  g_assert_cmpint (find_line (order, "TEST-LAMP")->allocated, ==, 3);

  dialog = activate_order_row (&shop, order->number);
  g_assert_cmpint (bo_order_dialog_get_order_id (dialog), ==, order_id);
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (bo_gui_test_find (
                     GTK_WIDGET (dialog), ADW_TYPE_WINDOW_TITLE, NULL))), ==,
                   gtk_window_get_title (GTK_WINDOW (dialog)));
  g_assert_cmpstr (cell_text (GTK_WIDGET (dialog), "allocated-0"), ==, "3");
  g_assert_cmpstr (cell_text (GTK_WIDGET (dialog), "shipped-0"), ==, "0");
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "Nothing has been packed yet"));

  /* Pack one lamp and no vase: the form offers what is allocated. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.create-shipment", NULL));
  bo_gui_test_iterate (20);
  spin = bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, "pack-TEST-LAMP");
  g_assert_nonnull (spin);
  g_assert_true (gtk_widget_get_mapped (spin));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1);
  spin = bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, "pack-TEST-VASE");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 0);
  g_assert_true (is_sensitive (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Pack Shipment"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.shipment-confirm", NULL));
  bo_gui_test_iterate (20);
  g_assert_null (bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, "pack-TEST-LAMP"));

  shipments = bo_store_list_shipments (shop.store, order_id, &error);
  g_assert_cmpuint (shipments->len, ==, 1);
  shipment = g_ptr_array_index (shipments, 0);
  g_assert_cmpint (shipment->shipped_at, ==, 0);
  g_assert_cmpuint (shipment->lines->len, ==, 1);
  g_assert_cmpstr (g_array_index (shipment->lines, BoShipmentLine, 0).sku, ==, "TEST-LAMP");
  g_assert_cmpint (g_array_index (shipment->lines, BoShipmentLine, 0).quantity, ==, 1);
  row_name = g_strdup_printf ("shipment-%" G_GINT64_FORMAT, shipment->id);
  row = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, row_name);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "not shipped"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "1 × TEST-LAMP"));
  g_assert_true (is_sensitive (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Mark Shipped"));

  /* Shipping it takes the lamp off the shelf. */
  g_signal_emit_by_name (bo_gui_test_find (row, GTK_TYPE_BUTTON, "Mark Shipped"), "clicked");
  bo_gui_test_iterate (20);
  g_clear_pointer (&order, bo_order_free);
  order = bo_store_get_order (shop.store, order_id, &error);
  g_assert_cmpint (find_line (order, "TEST-LAMP")->shipped, ==, 1);
  g_assert_cmpint (find_line (order, "TEST-LAMP")->allocated, ==, 2);
  lamp = bo_store_find_product (shop.store, "TEST-LAMP", &error);
  g_assert_cmpint (lamp->on_hand, ==, 4);
  g_assert_cmpint (lamp->allocated, ==, 2);

  g_assert_cmpstr (cell_text (GTK_WIDGET (dialog), "shipped-0"), ==, "1");
  g_assert_cmpstr (cell_text (GTK_WIDGET (dialog), "allocated-0"), ==, "2");

  /* Undo puts the lamp back on the shelf and the shipment back to packed,
   * as an operation of the store with its history; then ship it again. */
  toast = bo_order_dialog_get_undo_toast (dialog);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "order.unmark-shipped");
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (dialog),
                                                     adw_toast_get_action_name (toast),
                                                     adw_toast_get_action_target_value (toast)));
  bo_gui_test_iterate (20);
  g_clear_pointer (&order, bo_order_free);
  order = bo_store_get_order (shop.store, order_id, &error);
  g_assert_cmpint (find_line (order, "TEST-LAMP")->shipped, ==, 0);
  g_assert_cmpint (find_line (order, "TEST-LAMP")->allocated, ==, 3);
  g_clear_pointer (&lamp, bo_product_free);
  lamp = bo_store_find_product (shop.store, "TEST-LAMP", &error);
  g_assert_cmpint (lamp->on_hand, ==, 5);
  g_assert_cmpint (lamp->allocated, ==, 3);
  g_clear_pointer (&shipments, g_ptr_array_unref);
  shipments = bo_store_list_shipments (shop.store, order_id, &error);
  g_assert_cmpint (((BoShipment *) g_ptr_array_index (shipments, 0))->shipped_at, ==, 0);
  g_assert_cmpstr (cell_text (GTK_WIDGET (dialog), "shipped-0"), ==, "0");
  {
    g_autoptr(GPtrArray) moves = bo_store_list_movements (shop.store, lamp->id, &error);
    g_autoptr(GPtrArray) events = bo_store_list_events (shop.store, 5, &error);
    gboolean undone = FALSE, logged = FALSE;

    for (guint i = 0; i < moves->len; i++)
      {
        const BoMovement *m = g_ptr_array_index (moves, i);

        undone |= g_strcmp0 (m->reason, "shipment") == 0 && m->delta == 1;
      }
    for (guint i = 0; i < events->len; i++)
      {
        const BoEvent *e = g_ptr_array_index (events, i);

        logged |= g_strcmp0 (e->kind, "shipment-unshipped") == 0;
      }
    g_assert_true (undone);
    g_assert_true (logged);
  }
  {
    g_autoptr(GPtrArray) problems = NULL;

    g_assert_true (bo_store_check (shop.store, &problems, &error));
    g_assert_cmpuint (problems->len, ==, 0);
  }
  row = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, row_name);
  g_signal_emit_by_name (bo_gui_test_find (row, GTK_TYPE_BUTTON, "Mark Shipped"), "clicked");
  bo_gui_test_iterate (20);
  g_assert_cmpstr (cell_text (GTK_WIDGET (dialog), "shipped-0"), ==, "1");

  row = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, row_name);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ", shipped "));
  g_assert_null (bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Mark Shipped"));

  /* Ship the rest: nothing is left open, so every action is off. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.create-shipment", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.shipment-confirm", NULL));
  bo_gui_test_iterate (20);
  g_clear_pointer (&shipments, g_ptr_array_unref);
  shipments = bo_store_list_shipments (shop.store, order_id, &error);
  g_assert_cmpuint (shipments->len, ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.mark-shipped", "x",
                                             ((BoShipment *) g_ptr_array_index (shipments, 1))->id));
  bo_gui_test_iterate (20);
  g_clear_pointer (&order, bo_order_free);
  order = bo_store_get_order (shop.store, order_id, &error);
  g_assert_cmpint (find_line (order, "TEST-LAMP")->shipped, ==, 3);
  g_assert_cmpint (find_line (order, "TEST-VASE")->shipped, ==, 1);
  g_assert_cmpstr (cell_text (GTK_WIDGET (dialog), "shipped-0"), ==, "3");
  g_assert_false (is_sensitive (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Create Shipment…"));
  g_assert_false (is_sensitive (GTK_WIDGET (dialog), GTK_TYPE_MENU_BUTTON, "priority_button"));
  g_assert_null (bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Cancel Quantity…"));
  g_assert_null (bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Mark Shipped"));

  gtk_window_close (GTK_WINDOW (dialog));
  shop_close (&shop);
}

static const BoOrderLine *
read_line (BoStore  *store,
           gint64    order_id,
           BoOrder **keep)
{
  g_clear_pointer (keep, bo_order_free);
  *keep = bo_store_get_order (store, order_id, NULL);
  return g_ptr_array_index ((*keep)->lines, 0);
}

static void
test_cancel_with_undo (void)
{
  Shop shop = { 0 };
  g_autoptr(BoOrder) order = NULL;
  const BoOrderLine *line;
  BoOrderDialog *dialog;
  GtkSpinButton *spin;
  GtkLabel *refund;
  gint64 order_id, line_id;

  shop_open (&shop, FALSE);
  order_id = place (&shop, "Ms A", "MUG", 3);
  line = read_line (shop.store, order_id, &order);
  line_id = line->id;
  g_assert_cmpint (line->allocated, ==, 2);
  g_assert_cmpint (line->backordered, ==, 1);

  dialog = activate_order_row (&shop, order->number);
  g_assert_cmpstr (cell_text (GTK_WIDGET (dialog), "promised-0"), ==, "12/12/26");
  g_assert_cmpstr (cell_text (GTK_WIDGET (dialog), "backordered-0"), ==, "1");

  /* The refund follows the quantity before anything is cancelled. */
  g_signal_emit_by_name (bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Cancel Quantity…"),
                         "clicked");
  bo_gui_test_iterate (20);
  spin = GTK_SPIN_BUTTON (bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, "cancel_spin"));
  refund = GTK_LABEL (bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "refund_label"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (spin)));
  g_assert_cmpstr (gtk_label_get_text (refund), ==, "10.00 EUR");
  gtk_spin_button_set_value (spin, 2);
  g_assert_cmpstr (gtk_label_get_text (refund), ==, "20.00 EUR");
  gtk_spin_button_set_value (spin, 9);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (refund), ==, "30.00 EUR");
  gtk_spin_button_set_value (spin, 2);

  /* Confirming only offers Undo; Undo leaves the store as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.cancel-confirm", NULL));
  bo_gui_test_iterate (20);
  g_assert_nonnull (bo_order_dialog_get_undo_toast (dialog));
  g_assert_cmpstr (adw_toast_get_title (bo_order_dialog_get_undo_toast (dialog)), ==,
                   "2 × MUG cancelled, refund 20.00 EUR");
  line = read_line (shop.store, order_id, &order);
  g_assert_cmpint (line->cancelled, ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.undo", NULL));
  bo_gui_test_iterate (20);
  g_assert_null (bo_order_dialog_get_undo_toast (dialog));
  line = read_line (shop.store, order_id, &order);
  g_assert_cmpint (line->cancelled, ==, 0);
  g_assert_cmpint (line->allocated, ==, 2);
  g_assert_cmpint (line->refunded, ==, 0);
  g_assert_cmpstr (cell_text (GTK_WIDGET (dialog), "cancelled-0"), ==, "0");

  /* Letting the toast go cancels: backordered units first, then allocated. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.cancel-quantity", "x",
                                             line_id));
  gtk_spin_button_set_value (spin, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.cancel-confirm", NULL));
  bo_gui_test_iterate (20);
  adw_toast_dismiss (bo_order_dialog_get_undo_toast (dialog));
  bo_gui_test_iterate (20);
  line = read_line (shop.store, order_id, &order);
  g_assert_cmpint (line->cancelled, ==, 2);
  g_assert_cmpint (line->refunded, ==, 2000);
  g_assert_cmpint (line->backordered, ==, 0);
  g_assert_cmpint (line->allocated, ==, 1);
  g_assert_cmpstr (cell_text (GTK_WIDGET (dialog), "cancelled-0"), ==, "2");
  g_assert_cmpstr (cell_text (GTK_WIDGET (dialog), "allocated-0"), ==, "1");

  /* A cancellation still waiting when the window closes happens then. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.cancel-quantity", "x",
                                             line_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.cancel-confirm", NULL));
  bo_gui_test_iterate (20);
  line = read_line (shop.store, order_id, &order);
  g_assert_cmpint (line->cancelled, ==, 2);
  gtk_window_close (GTK_WINDOW (dialog));
  bo_gui_test_iterate (20);
  g_assert_null (bo_gui_test_find_window (BO_TYPE_ORDER_DIALOG));
  line = read_line (shop.store, order_id, &order);
  g_assert_cmpint (line->cancelled, ==, 3);
  g_assert_cmpint (line->refunded, ==, 3000);

  shop_close (&shop);
}

static void
test_cancel_shipment_and_priority (void)
{
  Shop shop = { 0 };
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GPtrArray) shipments = NULL;
  g_autoptr(GError) error = NULL;
  BoOrderDialog *dialog;
  gint64 order_id, shipment_id;

  shop_open (&shop, FALSE);
  order_id = place (&shop, "Mr B", "MUG", 2);
  g_assert_true (bo_store_create_shipment (shop.store, order_id, NULL, 0, &shipment_id, &error));
  dialog = BO_ORDER_DIALOG (bo_order_dialog_new (GTK_WINDOW (shop.window), shop.store, order_id));
  gtk_window_present (GTK_WINDOW (dialog));
  bo_gui_test_iterate (50);

  /* Everything is packed: no new shipment, the shipment can go or be undone. */
  g_assert_false (is_sensitive (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Create Shipment…"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.cancel-shipment", "x",
                                             shipment_id));
  bo_gui_test_iterate (20);
  shipments = bo_store_list_shipments (shop.store, order_id, &error);
  g_assert_cmpuint (shipments->len, ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.undo", NULL));
  bo_gui_test_iterate (20);
  g_clear_pointer (&shipments, g_ptr_array_unref);
  shipments = bo_store_list_shipments (shop.store, order_id, &error);
  g_assert_cmpuint (shipments->len, ==, 1);
  g_assert_true (is_sensitive (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Mark Shipped"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.cancel-shipment", "x",
                                             shipment_id));
  bo_gui_test_iterate (20);
  adw_toast_dismiss (bo_order_dialog_get_undo_toast (dialog));
  bo_gui_test_iterate (20);
  g_clear_pointer (&shipments, g_ptr_array_unref);
  shipments = bo_store_list_shipments (shop.store, order_id, &error);
  g_assert_cmpuint (shipments->len, ==, 0);
  g_assert_true (is_sensitive (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Create Shipment…"));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "Nothing has been packed yet"));

  /* Priority: a tier on the order, then back to the customer's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.set-priority", "i", 7));
  bo_gui_test_iterate (20);
  order = bo_store_get_order (shop.store, order_id, &error);
  g_assert_cmpint (order->priority_override, ==, 7);
  g_assert_nonnull (bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "priority_row"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (bo_gui_test_find (
                     GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "priority_row"))), ==,
                   "7, set on this order");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.set-priority", "i", -1));
  bo_gui_test_iterate (20);
  g_clear_pointer (&order, bo_order_free);
  order = bo_store_get_order (shop.store, order_id, &error);
  g_assert_cmpint (order->priority_override, ==, -1);

  gtk_window_close (GTK_WINDOW (dialog));
  shop_close (&shop);
}

/* An order that can ship only in part says so; orders and their lines
 * show what they are worth, in the list and in the order dialog. */
static void
test_status_and_totals (void)
{
  Shop shop = { 0 };
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *thirty = NULL, *ten = NULL;
  GListModel *model;
  BoOrderDialog *dialog;
  gint64 partly_id, ready_id;
  guint found = 0;

  shop_open (&shop, FALSE);
  partly_id = place (&shop, "Ms A", "MUG", 3);    /* 2 allocated, 1 backordered */
  ready_id = place (&shop, "Mr B", "PIN", 1);     /* allocated in full */
  bo_gui_test_iterate (50);
  thirty = bo_format_money (3000, "EUR");
  ten = bo_format_money (1000, "EUR");

  model = bo_orders_view_get_model (BO_ORDERS_VIEW (bo_window_get_view (shop.window, "orders")));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BoOrderItem) item = g_list_model_get_item (model, i);
      g_autofree char *status = NULL, *total = NULL;

      g_object_get (item, "status", &status, "total", &total, NULL);
      if (bo_order_item_get_order_id (item) == partly_id)
        {
          g_assert_cmpstr (status, ==, "Partly ready");
          g_assert_cmpstr (total, ==, thirty);
          found++;
        }
      else if (bo_order_item_get_order_id (item) == ready_id)
        {
          g_autofree char *pin = bo_format_money (250, "EUR");

          g_assert_cmpstr (status, ==, "Ready to ship");
          g_assert_cmpstr (total, ==, pin);
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 2);

  order = bo_store_get_order (shop.store, partly_id, &error);
  dialog = activate_order_row (&shop, order->number);
  g_assert_cmpstr (cell_text (GTK_WIDGET (dialog), "value-0"), ==, thirty);
  g_assert_cmpstr (cell_text (GTK_WIDGET (dialog), "total-0"), ==, thirty);

  /* Cancelled units are worth nothing to the shop. */
  g_assert_true (bo_store_cancel_line (shop.store, order->lines->len > 0 ?
                                       ((BoOrderLine *) g_ptr_array_index (order->lines, 0))->id : 0,
                                       2, -1, NULL, &error));
  g_assert_no_error (error);
  bo_gui_test_iterate (50);
  g_assert_cmpstr (cell_text (GTK_WIDGET (dialog), "total-0"), ==, ten);

  gtk_window_destroy (GTK_WINDOW (dialog));
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
  g_test_add_func ("/orders/new/live-outcome", test_place_order_with_live_outcome);
  g_test_add_func ("/orders/new/invalid-quantity", test_invalid_quantity);
  g_test_add_func ("/orders/new/refused-line", test_refused_line);
  g_test_add_func ("/orders/new/close-asks", test_close_asks_before_discarding);
  g_test_add_func ("/orders/new/quantity-too-large", test_quantity_too_large);
  g_test_add_func ("/orders/new/preview-while-another-program-writes",
                   test_preview_while_another_program_writes);
  g_test_add_func ("/orders/new/customer-suggestions", test_customer_suggestions);
  g_test_add_func ("/orders/new/same-named-customers", test_same_named_customers);
  g_test_add_func ("/orders/new/new-customer-inline", test_new_customer_inline);
  g_test_add_func ("/orders/view/filter-and-search", test_filter_and_search);
  g_test_add_func ("/orders/view/status-and-totals", test_status_and_totals);
  g_test_add_func ("/orders/dialog/ship-part", test_ship_part_of_an_order);
  g_test_add_func ("/orders/dialog/pack-button-in-view", test_pack_button_in_view);
  g_test_add_func ("/orders/dialog/cancel-with-undo", test_cancel_with_undo);
  g_test_add_func ("/orders/dialog/cancel-shipment-and-priority", test_cancel_shipment_and_priority);
  return g_test_run ();
}
