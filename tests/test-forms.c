/* test-forms.c — forms say why Save is greyed out, and errors do not move them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bo-customer-dialog.h"
#include "bo-gui-test.h"
#include "bo-new-order-dialog.h"
#include "bo-po-dialog.h"
#include "bo-product-dialog.h"
#include "bo-supplier-dialog.h"
#include "bo-window.h"

typedef struct
{
  char     *dir;
  BoStore  *store;
  BoWindow *window;
} Fixture;

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
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GType types[] = { BO_TYPE_PRODUCT_DIALOG, BO_TYPE_SUPPLIER_DIALOG, BO_TYPE_CUSTOMER_DIALOG,
                    BO_TYPE_NEW_ORDER_DIALOG, BO_TYPE_PO_DIALOG };
  GtkWindow *window;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    while ((window = bo_gui_test_find_window (types[i])) != NULL)
      gtk_window_destroy (window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  bo_gui_test_iterate (20);
  g_clear_object (&f->store);
  bo_gui_test_remove_dir (f->dir);
  g_free (f->dir);
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

static GtkWidget *
open_new (Fixture    *f,
          const char *view_name,
          const char *action,
          GType       dialog_type)
{
  GtkWidget *view;
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s",
                                             view_name));
  bo_gui_test_iterate (20);
  view = bo_window_get_view (f->window, view_name);
  g_assert_true (gtk_widget_activate_action (view, action, NULL));
  bo_gui_test_iterate (50);
  dialog = bo_gui_test_find_window (dialog_type);
  g_assert_nonnull (dialog);
  return GTK_WIDGET (dialog);
}

static void
type_in (GtkWidget  *dialog,
         const char *row_title,
         const char *text)
{
  bo_gui_test_set_text (find (dialog, ADW_TYPE_ENTRY_ROW, row_title), text);
  /* Let the dialog lay itself out again, as the next frame would. */
  bo_gui_test_iterate (30);
}

/* Where @widget's top edge is, in @dialog's coordinates. */
static double
top_of (GtkWidget *dialog,
        GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, dialog, &bounds));
  return bounds.origin.y;
}

/* A label that is drawn (mapped, not empty) and shows @text. */
static GtkWidget *
shown_label (GtkWidget  *root,
             const char *text)
{
  GtkWidget *label = bo_gui_test_find_label (root, text);

  return label != NULL && gtk_widget_get_mapped (label) ? label : NULL;
}

/* The warning sign at the end of a row. */
static GtkWidget *
find_mark (GtkWidget *root)
{
  if (GTK_IS_IMAGE (root) &&
      g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (root)), "dialog-warning-symbolic") == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mark (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
can_save (GtkWidget *dialog)
{
  return gtk_widget_is_sensitive (find (dialog, GTK_TYPE_BUTTON, "Save"));
}

/* An error line appears for a bad value, and nothing under the pointer moves:
 * not the rows of the groups below, not the ones below in the same group. */
static void
test_error_keeps_place (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *dialog = open_new (f, "products", "products.new", BO_TYPE_PRODUCT_DIALOG);
  const char *below[] = { "Bin Location", "Initial Stock", "Reorder Point", "Reorder Quantity" };
  double tops[G_N_ELEMENTS (below)];
  GtkWidget *reason;

  type_in (dialog, "SKU", "X-1");
  type_in (dialog, "Name", "Something");
  for (guint i = 0; i < G_N_ELEMENTS (below); i++)
    tops[i] = top_of (dialog, find (dialog, ADW_TYPE_PREFERENCES_ROW, below[i]));

  type_in (dialog, "Price", "12.5.0");
  reason = shown_label (dialog, "Price: “12.5.0” is not an amount");
  g_assert_nonnull (reason);
  g_assert_true (gtk_widget_has_css_class (reason, "error"));
  g_assert_true (gtk_widget_has_css_class (find (dialog, ADW_TYPE_ENTRY_ROW, "Price"), "error"));
  g_assert_false (can_save (dialog));
  for (guint i = 0; i < G_N_ELEMENTS (below); i++)
    g_assert_cmpfloat_with_epsilon (top_of (dialog, find (dialog, ADW_TYPE_PREFERENCES_ROW,
                                                          below[i])), tops[i], 0.5);

  /* Two bad values at once, then none: still nothing moves. */
  type_in (dialog, "Reorder Point", "lots");
  g_assert_true (gtk_widget_has_css_class (find (dialog, ADW_TYPE_ENTRY_ROW, "Reorder Point"),
                                           "error"));
  for (guint i = 0; i < G_N_ELEMENTS (below); i++)
    g_assert_cmpfloat_with_epsilon (top_of (dialog, find (dialog, ADW_TYPE_PREFERENCES_ROW,
                                                          below[i])), tops[i], 0.5);
  type_in (dialog, "Reorder Point", "2");
  type_in (dialog, "Price", "12.50");
  g_assert_null (shown_label (dialog, "Price:"));
  g_assert_true (can_save (dialog));
  for (guint i = 0; i < G_N_ELEMENTS (below); i++)
    g_assert_cmpfloat_with_epsilon (top_of (dialog, find (dialog, ADW_TYPE_PREFERENCES_ROW,
                                                          below[i])), tops[i], 0.5);
}

/* The bad value's sentence is also on the row itself, for the pointer. */
static void
test_error_on_row (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *dialog = open_new (f, "suppliers", "suppliers.new", BO_TYPE_SUPPLIER_DIALOG);
  GtkWidget *row = find (dialog, ADW_TYPE_ENTRY_ROW, "Email Address");
  GtkWidget *mark = find_mark (row);

  type_in (dialog, "Name", "Tea Traders");
  g_assert_null (mark != NULL ? gtk_widget_get_tooltip_text (mark) : NULL);
  type_in (dialog, "Email Address", "orders at tea");
  mark = find_mark (row);
  g_assert_nonnull (mark);
  g_assert_cmpfloat (gtk_widget_get_opacity (mark), ==, 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (mark), ==,
                   "Email Address: an email address has no spaces");
  type_in (dialog, "Email Address", "orders@tea.example");
  g_assert_cmpfloat (gtk_widget_get_opacity (mark), ==, 0);
  g_assert_null (gtk_widget_get_tooltip_text (mark));
}

/* A greyed-out Save says in words, at the foot of the form, which field to
 * fill in, and follows the merchant's typing. */
static void
test_save_reason_follows (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *dialog = open_new (f, "products", "products.new", BO_TYPE_PRODUCT_DIALOG);
  GtkWidget *save = find (dialog, GTK_TYPE_BUTTON, "Save");
  GtkWidget *status;

  g_assert_false (can_save (dialog));
  status = shown_label (dialog, "Fill in “SKU” to save");
  g_assert_nonnull (status);
  /* Below the form, where it is read after the fields. */
  g_assert_cmpfloat (top_of (dialog, status), >,
                     top_of (dialog, find (dialog, ADW_TYPE_ENTRY_ROW, "SKU")));
  g_assert_cmpfloat (top_of (dialog, status), >, top_of (dialog, save));

  type_in (dialog, "SKU", "X-1");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "Fill in “Name” to save");
  type_in (dialog, "Name", "Something");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "Fill in “Price” to save");
  g_assert_false (gtk_widget_has_css_class (status, "error"));

  /* A bad value is said before an empty field. */
  type_in (dialog, "Price", "-3");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "Price: cannot be negative");
  g_assert_true (gtk_widget_has_css_class (status, "error"));

  type_in (dialog, "Price", "3");
  g_assert_true (can_save (dialog));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "");

  /* Emptied again: the field is named again. */
  type_in (dialog, "SKU", "");
  g_assert_false (can_save (dialog));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "SKU: required");
}

static void
test_save_reason_customer_supplier (Fixture       *f,
                                    gconstpointer  data)
{
  GType types[] = { BO_TYPE_CUSTOMER_DIALOG, BO_TYPE_SUPPLIER_DIALOG };
  const char *views[] = { "customers", "suppliers" };
  const char *actions[] = { "customers.new", "suppliers.new" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *dialog = open_new (f, views[i], actions[i], types[i]);
      GtkWidget *status = shown_label (dialog, "Fill in “Name” to save");

      g_assert_nonnull (status);
      g_assert_false (can_save (dialog));
      type_in (dialog, "Name", "Zebra Corner Shop");
      g_assert_true (can_save (dialog));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "");
      gtk_window_destroy (GTK_WINDOW (dialog));
      bo_gui_test_iterate (20);
    }
}

/* A text view's problem is named by its group's title, at the foot, and the
 * groups below stay where they are. */
static void
test_text_view_error (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *dialog = open_new (f, "customers", "customers.new", BO_TYPE_CUSTOMER_DIALOG);
  GtkWidget *address = find (dialog, GTK_TYPE_TEXT_VIEW, "address_view");
  GtkWidget *tier = find (dialog, ADW_TYPE_PREFERENCES_ROW, "Priority Tier");
  GtkWidget *status;
  double top;

  type_in (dialog, "Name", "Zebra Corner Shop");
  top = top_of (dialog, tier);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (address)),
                            "1 Main St\033[31m", -1);
  bo_gui_test_iterate (30);
  g_assert_false (can_save (dialog));
  g_assert_true (gtk_widget_has_css_class (address, "error"));
  status = shown_label (dialog, "Address: holds a control character");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  g_assert_cmpfloat_with_epsilon (top_of (dialog, tier), top, 0.5);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (address)), "1 Main St", -1);
  bo_gui_test_iterate (30);
  g_assert_true (can_save (dialog));
  g_assert_false (gtk_widget_has_css_class (address, "error"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "");
  g_assert_cmpfloat_with_epsilon (top_of (dialog, tier), top, 0.5);
}

/* The small forms inside the product dialog (adjusting the stock, linking a
 * supplier) keep a line for their problem: nothing below them moves. */
static void
test_subform_keeps_place (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) products = bo_store_list_products (f->store, NULL, "sku", 0, 1, NULL);
  const BoProduct *product = g_ptr_array_index (products, 0);
  GtkWindow *window = bo_product_dialog_new (GTK_WINDOW (f->window), f->store, product->id);
  GtkWidget *dialog = GTK_WIDGET (window);
  GtkWidget *below, *button, *reason;
  double below_top, button_top;

  gtk_window_present (window);
  bo_gui_test_iterate (50);
  g_signal_emit_by_name (find (dialog, GTK_TYPE_BUTTON, "Adjust Stock…"), "clicked");
  bo_gui_test_iterate (50);
  below = find (dialog, ADW_TYPE_PREFERENCES_ROW, "Reorder Point");
  button = find (dialog, GTK_TYPE_BUTTON, "Adjust Stock");
  type_in (dialog, "Reason", "Count");
  below_top = top_of (dialog, below);
  button_top = top_of (dialog, button);

  type_in (dialog, "Change in Units", "lots");
  reason = shown_label (dialog, "Change in Units: “lots” is not a whole number");
  g_assert_nonnull (reason);
  g_assert_true (gtk_widget_has_css_class (reason, "error"));
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_cmpfloat_with_epsilon (top_of (dialog, below), below_top, 0.5);
  g_assert_cmpfloat_with_epsilon (top_of (dialog, button), button_top, 0.5);

  type_in (dialog, "Change in Units", "5");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (reason)), ==, "");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpfloat_with_epsilon (top_of (dialog, below), below_top, 0.5);
  g_assert_cmpfloat_with_epsilon (top_of (dialog, button), button_top, 0.5);
}

/* Typing into the order form, then waiting for its live preview. */
static void
type_and_wait (GtkWidget  *editable,
               const char *text)
{
  bo_gui_test_set_text (editable, text);
  bo_gui_test_iterate (250);
}

static void
assert_same_tops (GtkWidget        *dialog,
                  GtkWidget *const *widgets,
                  const double     *tops,
                  guint             n)
{
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (top_of (dialog, widgets[i]), tops[i], 0.5);
}

/* New Order: the foot names what holds Place Order back as the fields are
 * filled, and a bad order number is marked in its row without moving the
 * rows and lines below it. */
static void
test_new_order_keeps_place (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) customers = bo_store_list_customers (f->store, NULL, "name", 0, 1, NULL);
  g_autoptr(GPtrArray) products = bo_store_list_products (f->store, NULL, "sku", 0, 1, NULL);
  const BoCustomer *customer = g_ptr_array_index (customers, 0);
  const BoProduct *product = g_ptr_array_index (products, 0);
  GtkWidget *dialog = open_new (f, "orders", "orders.new", BO_TYPE_NEW_ORDER_DIALOG);
  BoNewOrderDialog *order = BO_NEW_ORDER_DIALOG (dialog);
  GtkWidget *place = find (dialog, GTK_TYPE_BUTTON, "Place Order");
  GtkWidget *number = find (dialog, ADW_TYPE_ENTRY_ROW, "number_row");
  GtkWidget *below[3];
  double tops[G_N_ELEMENTS (below)];
  g_autofree char *long_number = g_strnfill (60, '7');
  GtkWidget *status, *mark;

  g_assert_false (gtk_widget_is_sensitive (place));
  status = shown_label (dialog, "Fill in “Name or email” to save");
  g_assert_nonnull (status);
  g_assert_cmpfloat (top_of (dialog, status), >, top_of (dialog, number));

  type_and_wait (find (dialog, ADW_TYPE_ENTRY_ROW, "customer_row"),
                 customer->email != NULL && *customer->email != '\0' ? customer->email
                                                                      : customer->name);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==,
                   "Add a line with a SKU and a quantity to place the order");
  g_assert_false (gtk_widget_is_sensitive (place));
  type_and_wait (GTK_WIDGET (bo_new_order_dialog_get_sku_entry (order, 0)), product->sku);
  type_and_wait (GTK_WIDGET (bo_new_order_dialog_get_quantity_entry (order, 0)), "1");
  g_assert_true (gtk_widget_is_sensitive (place));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "");

  below[0] = find (dialog, ADW_TYPE_PREFERENCES_ROW, "Ship Complete");
  below[1] = find (dialog, ADW_TYPE_PREFERENCES_ROW, "Priority Tier");
  below[2] = GTK_WIDGET (bo_new_order_dialog_get_sku_entry (order, 0));
  for (guint i = 0; i < G_N_ELEMENTS (below); i++)
    tops[i] = top_of (dialog, below[i]);

  /* A number the shop cannot take: marked in its row, named at the foot. */
  type_and_wait (number, long_number);
  g_assert_false (gtk_widget_is_sensitive (place));
  g_assert_true (gtk_widget_has_css_class (number, "error"));
  mark = find_mark (number);
  g_assert_nonnull (mark);
  g_assert_cmpfloat (gtk_widget_get_opacity (mark), ==, 1);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (mark),
                            "The order number must be 1 to 50 characters"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (status)),
                            "The order number must be 1 to 50 characters"));
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  assert_same_tops (dialog, below, tops, G_N_ELEMENTS (below));

  type_and_wait (number, "");
  g_assert_false (gtk_widget_has_css_class (number, "error"));
  g_assert_cmpfloat (gtk_widget_get_opacity (mark), ==, 0);
  g_assert_true (gtk_widget_is_sensitive (place));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "");
  assert_same_tops (dialog, below, tops, G_N_ELEMENTS (below));

  /* A wrong line holds the order back: the foot points at the lines. */
  type_and_wait (GTK_WIDGET (bo_new_order_dialog_get_quantity_entry (order, 0)), "none");
  g_assert_false (gtk_widget_is_sensitive (place));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==,
                   "A line holds the order back: see what it says under it");
  type_and_wait (GTK_WIDGET (bo_new_order_dialog_get_quantity_entry (order, 0)), "1");
  g_assert_true (gtk_widget_is_sensitive (place));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "");
  g_assert_cmpfloat (gtk_widget_get_opacity (mark), ==, 0);
  assert_same_tops (dialog, below, tops, G_N_ELEMENTS (below));
}

/* New Purchase Order: a date that is none is marked in its row and named at
 * the foot, the line's rows below stay put, and the foot follows the fields
 * to fill in before Create works. */
static void
test_new_po_keeps_place (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) products = bo_store_list_products (f->store, NULL, "sku", 0, 1, NULL);
  const BoProduct *product = g_ptr_array_index (products, 0);
  GtkWidget *dialog = open_new (f, "purchase-orders", "purchase-orders.new", BO_TYPE_PO_DIALOG);
  GtkWidget *create = find (dialog, GTK_TYPE_BUTTON, "Create");
  GtkWidget *eta = find (dialog, ADW_TYPE_ENTRY_ROW, "Expected date");
  GtkWidget *below[3];
  double tops[G_N_ELEMENTS (below)];
  GtkWidget *status, *mark;

  g_assert_false (gtk_widget_is_sensitive (create));
  status = shown_label (dialog, "Fill in “SKU” to save");
  g_assert_nonnull (status);
  below[0] = find (dialog, ADW_TYPE_ENTRY_ROW, "SKU");
  below[1] = find (dialog, ADW_TYPE_ENTRY_ROW, "Quantity");
  below[2] = find (dialog, ADW_TYPE_ENTRY_ROW, "cost_row");
  g_assert_cmpfloat (top_of (dialog, status), >, top_of (dialog, below[2]));
  for (guint i = 0; i < G_N_ELEMENTS (below); i++)
    tops[i] = top_of (dialog, below[i]);

  type_in (dialog, "Expected date", "next Tuesday");
  g_assert_true (gtk_widget_has_css_class (eta, "error"));
  mark = find_mark (eta);
  g_assert_nonnull (mark);
  g_assert_cmpfloat (gtk_widget_get_opacity (mark), ==, 1);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (mark), "“next Tuesday” is not a date"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (status)),
                            "“next Tuesday” is not a date"));
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  assert_same_tops (dialog, below, tops, G_N_ELEMENTS (below));

  type_in (dialog, "Expected date", "");
  g_assert_false (gtk_widget_has_css_class (eta, "error"));
  g_assert_cmpfloat (gtk_widget_get_opacity (mark), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "Fill in “SKU” to save");
  g_assert_false (gtk_widget_has_css_class (status, "error"));
  assert_same_tops (dialog, below, tops, G_N_ELEMENTS (below));

  type_in (dialog, "SKU", product->sku);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "Fill in “Quantity” to save");
  type_in (dialog, "Quantity", "lots");
  g_assert_true (gtk_widget_has_css_class (below[1], "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (status)), "Quantity: "));
  type_in (dialog, "Quantity", "5");
  bo_gui_test_set_text (below[2], "2.00");
  bo_gui_test_iterate (30);
  g_assert_true (gtk_widget_is_sensitive (create));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "");
  assert_same_tops (dialog, below, tops, G_N_ELEMENTS (below));
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
  g_test_add ("/forms/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("error-keeps-place", test_error_keeps_place);
  ADD ("error-on-row", test_error_on_row);
  ADD ("save-reason-follows", test_save_reason_follows);
  ADD ("save-reason-customer-supplier", test_save_reason_customer_supplier);
  ADD ("text-view-error", test_text_view_error);
  ADD ("subform-keeps-place", test_subform_keeps_place);
  ADD ("new-order-keeps-place", test_new_order_keeps_place);
  ADD ("new-po-keeps-place", test_new_po_keeps_place);
#undef ADD
  return g_test_run ();
}
