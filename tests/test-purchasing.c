/* test-purchasing.c — receiving, ordering shortages and moving expected dates in the real widgets
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bo-backorder-item.h"
#include "bo-backorders-view.h"
#include "bo-gui-test.h"
#include "bo-supplier-dialog.h"
#include "bo-order-dialog.h"
#include "bo-po-dialog.h"
#include "bo-purchase-orders-view.h"
#include "bo-receive-dialog.h"
#include "bo-window.h"

/* The hand-made shop: no blue mugs on the shelf, Ann and Ben waiting for
 * them, and a purchase order sent to the supplier. */
typedef struct
{
  char     *dir;
  BoStore  *store;
  BoWindow *window;
  gint64    mug;
  gint64    supplier;
  gint64    ann_order;
  gint64    ben_order;
  gint64    po;
} Shop;

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

/* 2026-11-26 12:00 local time, plus some days. */
static gint64
noon (int days_from_today)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (2026, 11, 26, 12, 0, 0);

  return g_date_time_to_unix (dt) + (gint64) days_from_today * 86400;
}

static gint64
place (BoStore    *store,
       const char *customer_name,
       int         days_ago,
       gint64      mugs)
{
  g_autoptr(BoCustomer) customer = bo_customer_new ();
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;

  customer->name = g_strdup (customer_name);
  g_assert_true (bo_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
  draft->customer_id = customer->id;
  draft->placed_at = noon (-days_ago);
  bo_order_draft_add_line (draft, "MUG-BLU", mugs, -1);
  g_assert_true (bo_store_place_order (store, draft, FALSE, &outcome, &error));
  g_assert_no_error (error);
  return outcome->order_id;
}

/* Ann ordered @ann mugs three days ago, Ben @ben two days ago; the sent
 * purchase order brings @incoming on @eta. */
static void
shop_open (Shop    *shop,
           gint64   ann,
           gint64   ben,
           gint64   incoming,
           guint32  eta)
{
  g_autoptr(BoProduct) mug = bo_product_new ();
  g_autoptr(BoSupplier) supplier = bo_supplier_new ();
  g_autoptr(GError) error = NULL;
  BoProductSupplier link = { 0 };
  BoQuantity line;

  shop->store = bo_gui_test_open_store (&shop->dir, FALSE);
  bo_store_set_now (shop->store, noon (0));

  mug->sku = g_strdup ("MUG-BLU");
  mug->name = g_strdup ("Blue Mug");
  mug->price = 1200;
  mug->cost = 500;
  mug->backorder_policy = BO_BACKORDER_ALLOW;
  g_assert_true (bo_store_save_product (shop->store, mug, &error));
  g_assert_no_error (error);
  shop->mug = mug->id;

  supplier->name = g_strdup ("Nordic Ceramics");
  supplier->lead_days = 10;
  g_assert_true (bo_store_save_supplier (shop->store, supplier, &error));
  g_assert_no_error (error);
  shop->supplier = supplier->id;
  link.product_id = shop->mug;
  link.supplier_id = shop->supplier;
  link.cost = 400;
  link.lead_days = -1;
  link.min_order_qty = 1;
  link.preferred = TRUE;
  g_assert_true (bo_store_link_supplier (shop->store, &link, &error));
  g_assert_no_error (error);

  shop->ann_order = place (shop->store, "Ann Archer", 3, ann);
  shop->ben_order = place (shop->store, "Ben Baker", 2, ben);

  line.line_id = shop->mug;
  line.quantity = incoming;
  g_assert_true (bo_store_create_po (shop->store, shop->supplier, eta, &line, NULL, 1, &shop->po,
                                     &error));
  g_assert_no_error (error);
  g_assert_true (bo_store_set_po_status (shop->store, shop->po, BO_PO_SENT, &error));
  g_assert_no_error (error);

  shop->window = bo_window_new (NULL, shop->store);
  gtk_window_present (GTK_WINDOW (shop->window));
  bo_gui_test_iterate (50);
}

static void
close_dialogs (void)
{
  GtkWindow *dialog;

  while ((dialog = bo_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
}

static void
shop_close (Shop *shop)
{
  close_dialogs ();
  gtk_window_destroy (GTK_WINDOW (shop->window));
  bo_gui_test_iterate (20);
  g_clear_object (&shop->store);
  bo_gui_test_remove_dir (shop->dir);
  g_free (shop->dir);
}

static const BoOrderLine *
mug_line (BoStore *store,
          gint64   order_id,
          BoOrder **keep)
{
  g_autoptr(GError) error = NULL;

  *keep = bo_store_get_order (store, order_id, &error);
  g_assert_no_error (error);
  return g_ptr_array_index ((*keep)->lines, 0);
}

static gint64
allocated (BoStore *store,
           gint64   order_id)
{
  g_autoptr(BoOrder) order = NULL;

  return mug_line (store, order_id, &order)->allocated;
}

static guint32
promised (BoStore *store,
          gint64   order_id)
{
  g_autoptr(BoOrder) order = NULL;

  return mug_line (store, order_id, &order)->promised;
}

static char *
order_number (BoStore *store,
              gint64   order_id)
{
  g_autoptr(BoOrder) order = bo_store_get_order (store, order_id, NULL);

  return g_strdup (order->number);
}

static BoPoStatus
po_status (BoStore *store,
           gint64   po_id)
{
  g_autoptr(BoPurchaseOrder) po = bo_store_get_po (store, po_id, NULL);

  return po->status;
}

static BoBackordersView *
backorders_view (Shop *shop)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shop->window), "win.show-view", "s",
                                             "backorders"));
  bo_gui_test_iterate (20);
  return BO_BACKORDERS_VIEW (bo_window_get_view (shop->window, "backorders"));
}

/* Clicks a filter chip of the backorders view. */
static GListModel *
show_filter (BoBackordersView *view,
             const char       *filter)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "backorders.filter", "s", filter));
  bo_gui_test_iterate (10);
  return bo_backorders_view_get_model (view);
}

/* Whether the list shows a line of the order numbered @number. */
static gboolean
lists_order (GListModel *model,
             const char *number)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BoBackorderItem) item = g_list_model_get_item (model, i);
      g_autofree char *shown = NULL;

      g_object_get (item, "number", &shown, NULL);
      if (g_strcmp0 (shown, number) == 0)
        return TRUE;
    }
  return FALSE;
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
  bo_gui_test_iterate (20);
}

/* ---- receiving -------------------------------------------------------------- */

static void
test_receive_everything (void)
{
  Shop shop = { 0 };
  g_autofree char *ann = NULL;
  g_autofree char *ben = NULL;
  BoBackordersView *view;
  GListModel *model;
  GtkWindow *dialog;
  const BoAllocationResult *preview;
  g_autoptr(BoProduct) mug = NULL;

  /* The supplier said 24 November: both promises have passed. */
  shop_open (&shop, 3, 2, 5, julian (2026, 11, 24));
  ann = order_number (shop.store, shop.ann_order);
  ben = order_number (shop.store, shop.ben_order);

  view = backorders_view (&shop);
  model = show_filter (view, "overdue");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (lists_order (model, ann) && lists_order (model, ben));
  model = show_filter (view, "ready");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  dialog = bo_receive_dialog_new (GTK_WINDOW (shop.window), shop.store, shop.po);
  gtk_window_present (dialog);
  bo_gui_test_iterate (50);

  /* The preview says who gets what, in order of placement, and why... */
  preview = bo_receive_dialog_get_preview (BO_RECEIVE_DIALOG (dialog));
  g_assert_nonnull (preview);
  g_assert_cmpuint (preview->changes->len, ==, 2);
  g_assert_cmpuint (preview->ready->len, ==, 2);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), ann));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), ben));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog),
                                            "MUG-BLU: 0 → 3 allocated; first come, first served: "
                                            "place 1 of 2 in line"));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog),
                                            "MUG-BLU: 0 → 2 allocated; first come, first served: "
                                            "place 2 of 2 in line"));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "Can ship complete"));

  /* ...and nothing has happened yet. */
  g_assert_cmpint (allocated (shop.store, shop.ann_order), ==, 0);
  g_assert_cmpint (allocated (shop.store, shop.ben_order), ==, 0);
  g_assert_cmpint (po_status (shop.store, shop.po), ==, BO_PO_SENT);
  mug = bo_store_get_product (shop.store, shop.mug, NULL);
  g_assert_cmpint (mug->on_hand, ==, 0);

  click (find_button (GTK_WIDGET (dialog), "Receive"));
  g_assert_null (bo_gui_test_find_window (BO_TYPE_RECEIVE_DIALOG));

  g_assert_cmpint (allocated (shop.store, shop.ann_order), ==, 3);
  g_assert_cmpint (allocated (shop.store, shop.ben_order), ==, 2);
  g_assert_cmpint (po_status (shop.store, shop.po), ==, BO_PO_RECEIVED);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (shop.window), "2 orders can ship now"));

  /* Both lines are ready to ship now, neither is overdue or waiting. */
  model = show_filter (view, "ready");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (lists_order (model, ann) && lists_order (model, ben));
  model = show_filter (view, "overdue");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  model = show_filter (view, "awaiting-po");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  model = show_filter (view, "all");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  shop_close (&shop);
}

static void
test_receive_part (void)
{
  Shop shop = { 0 };
  GtkWindow *dialog;
  GtkSpinButton *spin;
  GtkWidget *receive;
  const BoAllocationResult *preview;
  g_autofree char *ben = NULL;

  shop_open (&shop, 3, 2, 5, julian (2026, 12, 3));
  ben = order_number (shop.store, shop.ben_order);

  dialog = bo_receive_dialog_new (GTK_WINDOW (shop.window), shop.store, shop.po);
  gtk_window_present (dialog);
  bo_gui_test_iterate (50);
  spin = bo_receive_dialog_get_spin_button (BO_RECEIVE_DIALOG (dialog), "MUG-BLU");
  g_assert_nonnull (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 5);
  receive = find_button (GTK_WIDGET (dialog), "Receive");

  /* More than is outstanding cannot arrive: flagged, and nothing to commit. */
  bo_gui_test_set_text (GTK_WIDGET (spin), "9");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (spin), "error"));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "MUG-BLU: enter a whole number"));
  g_assert_false (gtk_widget_is_sensitive (receive));
  g_assert_null (bo_receive_dialog_get_preview (BO_RECEIVE_DIALOG (dialog)));

  /* Nothing at all: nothing to receive. */
  gtk_spin_button_set_value (spin, 0);
  bo_gui_test_iterate (20);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (spin), "error"));
  g_assert_false (gtk_widget_is_sensitive (receive));

  /* Four of five: first come, first served gives Ann her three and Ben one. */
  gtk_spin_button_set_value (spin, 4);
  bo_gui_test_iterate (20);
  preview = bo_receive_dialog_get_preview (BO_RECEIVE_DIALOG (dialog));
  g_assert_nonnull (preview);
  g_assert_cmpuint (preview->ready->len, ==, 2);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "MUG-BLU: 0 → 1 allocated"));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "Can ship in part"));
  g_assert_cmpint (allocated (shop.store, shop.ann_order), ==, 0);

  click (receive);
  g_assert_cmpint (allocated (shop.store, shop.ann_order), ==, 3);
  g_assert_cmpint (allocated (shop.store, shop.ben_order), ==, 1);
  g_assert_cmpint (po_status (shop.store, shop.po), ==, BO_PO_PARTIAL);

  /* The rest can be received later: one unit is still outstanding. */
  dialog = bo_receive_dialog_new (GTK_WINDOW (shop.window), shop.store, shop.po);
  gtk_window_present (dialog);
  bo_gui_test_iterate (20);
  spin = bo_receive_dialog_get_spin_button (BO_RECEIVE_DIALOG (dialog), "MUG-BLU");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 1);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), ben));
  gtk_window_destroy (dialog);

  shop_close (&shop);
}

/* ---- ordering shortages ----------------------------------------------------- */

static void
test_order_shortages (void)
{
  Shop shop = { 0 };
  g_autofree char *ben = NULL;
  g_autoptr(GPtrArray) pos = NULL;
  BoBackordersView *view;
  GListModel *model;
  GtkWidget *button;
  GtkWindow *message, *order_dialog;
  GtkSelectionModel *selection;
  GListModel *pos_shown;
  const BoPurchaseOrder *draft = NULL;

  /* Seven mugs wanted, five coming: Ben's line needs a purchase order. */
  shop_open (&shop, 3, 4, 5, julian (2026, 12, 3));
  ben = order_number (shop.store, shop.ben_order);
  view = backorders_view (&shop);
  button = find_button (GTK_WIDGET (view), "Order All Shortages");

  model = show_filter (view, "awaiting-po");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (lists_order (model, ben));

  /* Activating the row opens Ben's order. */
  g_signal_emit_by_name (bo_gui_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL), "activate",
                         0);
  bo_gui_test_iterate (50);
  order_dialog = bo_gui_test_find_window (BO_TYPE_ORDER_DIALOG);
  g_assert_nonnull (order_dialog);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (order_dialog), ben));
  gtk_window_destroy (order_dialog);

  /* Selecting the line makes the button order for it only, and say so. */
  selection = bo_backorders_view_get_selection (view);
  g_assert_true (gtk_selection_model_select_item (selection, 0, TRUE));
  bo_gui_test_iterate (10);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Order Shortages for 1 Line");
  click (button);

  /* A draft to the linked supplier for the two mugs nothing covers. */
  pos = bo_store_list_pos (shop.store, TRUE, NULL);
  g_assert_cmpuint (pos->len, ==, 2);
  for (guint i = 0; i < pos->len; i++)
    if (((BoPurchaseOrder *) g_ptr_array_index (pos, i))->status == BO_PO_DRAFT)
      draft = g_ptr_array_index (pos, i);
  g_assert_nonnull (draft);
  g_assert_cmpint (draft->supplier_id, ==, shop.supplier);
  g_assert_cmpuint (draft->lines->len, ==, 1);
  g_assert_cmpint (((BoPoLine *) g_ptr_array_index (draft->lines, 0))->product_id, ==, shop.mug);
  g_assert_cmpint (((BoPoLine *) g_ptr_array_index (draft->lines, 0))->ordered, ==, 2);
  g_assert_cmpint (((BoPoLine *) g_ptr_array_index (draft->lines, 0))->cost, ==, 400);
  g_assert_null (bo_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));

  /* The toast says so and shows the purchase orders. */
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (shop.window), "Drafted 1 purchase order"));
  click (find_button (GTK_WIDGET (shop.window), "Show"));
  g_assert_cmpstr (bo_window_get_view_name (shop.window), ==, "purchase-orders");
  pos_shown = bo_purchase_orders_view_get_model (
    BO_PURCHASE_ORDERS_VIEW (bo_window_get_view (shop.window, "purchase-orders")));
  g_assert_cmpuint (g_list_model_get_n_items (pos_shown), ==, 2);

  /* Everything is on order now: ordering all shortages again says why
   * nothing was drafted. */
  view = backorders_view (&shop);
  selection = bo_backorders_view_get_selection (view);
  gtk_selection_model_unselect_all (selection);
  bo_gui_test_iterate (10);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Order All Shortages");
  click (button);
  message = bo_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==,
                   "Nothing to Order");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)),
                            "MUG-BLU: open purchase orders cover every backorder already"));
  g_assert_cmpint (bo_store_count_pos (shop.store, TRUE, NULL, NULL), ==, 2);

  shop_close (&shop);
}

/* ---- purchase-order dialog -------------------------------------------------- */

static void
test_new_purchase_order (void)
{
  Shop shop = { 0 };
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autofree char *ben = NULL;
  BoBackordersView *view;
  GtkWindow *dialog;
  GtkWidget *sku, *quantity, *eta, *create, *suggestion;
  gint64 po_id;

  shop_open (&shop, 3, 4, 5, julian (2026, 12, 3));
  ben = order_number (shop.store, shop.ben_order);
  view = backorders_view (&shop);
  g_assert_true (lists_order (show_filter (view, "awaiting-po"), ben));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shop.window), "win.show-view", "s",
                                             "purchase-orders"));
  bo_gui_test_iterate (20);
  g_assert_true (gtk_widget_activate_action (bo_window_get_view (shop.window, "purchase-orders"),
                                             "purchase-orders.new", NULL));
  bo_gui_test_iterate (50);
  dialog = bo_gui_test_find_window (BO_TYPE_PO_DIALOG);
  g_assert_nonnull (dialog);
  create = find_button (GTK_WIDGET (dialog), "Create");
  g_assert_false (gtk_widget_is_sensitive (create));

  /* Typing part of a SKU suggests the product; picking it fills the SKU. */
  sku = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "SKU");
  quantity = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Quantity");
  eta = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Expected date");
  bo_gui_test_set_text (sku, "mug");
  g_assert_true (gtk_widget_has_css_class (sku, "error"));
  suggestion = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "MUG-BLU");
  g_assert_nonnull (suggestion);
  g_signal_emit_by_name (suggestion, "activate");
  bo_gui_test_iterate (20);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sku)), ==, "MUG-BLU");
  g_assert_false (gtk_widget_has_css_class (sku, "error"));
  g_assert_null (bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "MUG-BLU"));

  /* A quantity of none is refused as typed. */
  bo_gui_test_set_text (quantity, "0");
  g_assert_true (gtk_widget_has_css_class (quantity, "error"));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "The quantity must be"));
  g_assert_false (gtk_widget_is_sensitive (create));
  bo_gui_test_set_text (quantity, "2");
  g_assert_true (gtk_widget_is_sensitive (create));

  /* Added by mistake twice: the extra line can be removed. */
  click (find_button (GTK_WIDGET (dialog), "Add Line"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sku)), ==, "");
  g_assert_nonnull (bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                      "MUG-BLU — Blue Mug"));
  bo_gui_test_set_text (sku, "MUG-BLU");
  bo_gui_test_set_text (quantity, "7");
  click (find_button (GTK_WIDGET (dialog), "Add Line"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "po.remove-line", "u", 1));
  bo_gui_test_iterate (20);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "2 units at the supplier’s cost"));
  g_assert_null (bo_gui_test_find_label (GTK_WIDGET (dialog), "7 units"));

  /* So is a date that is not one. */
  bo_gui_test_set_text (eta, "next Tuesday");
  g_assert_true (gtk_widget_has_css_class (eta, "error"));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "“next Tuesday” is not a date"));
  g_assert_false (gtk_widget_is_sensitive (create));
  bo_gui_test_set_text (eta, "2026-12-10");
  g_assert_false (gtk_widget_has_css_class (eta, "error"));

  click (create);
  po_id = bo_po_dialog_get_po_id (BO_PO_DIALOG (dialog));
  g_assert_cmpint (po_id, !=, 0);
  po = bo_store_get_po (shop.store, po_id, NULL);
  g_assert_cmpint (po->supplier_id, ==, shop.supplier);
  g_assert_cmpint (po->status, ==, BO_PO_DRAFT);
  g_assert_cmpuint (po->lines->len, ==, 1);
  g_assert_cmpint (((BoPoLine *) g_ptr_array_index (po->lines, 0))->ordered, ==, 2);
  /* No cost given: the supplier's. */
  g_assert_cmpint (((BoPoLine *) g_ptr_array_index (po->lines, 0))->cost, ==, 400);
  g_assert_cmpuint (po->eta, ==, julian (2026, 12, 10));

  /* Ben has a date now (plus a handling day), so he waits no longer for a
   * purchase order. */
  g_assert_cmpuint (promised (shop.store, shop.ben_order), ==, julian (2026, 12, 11));
  view = backorders_view (&shop);
  g_assert_false (lists_order (show_filter (view, "awaiting-po"), ben));

  /* The dialog now shows the draft; it can be sent. */
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), po->number));
  click (find_button (GTK_WIDGET (dialog), "Mark Sent"));
  g_assert_cmpint (po_status (shop.store, po_id), ==, BO_PO_SENT);
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (dialog), "Mark Sent")));

  gtk_window_destroy (dialog);
  shop_close (&shop);
}

static void
test_set_expected_date (void)
{
  Shop shop = { 0 };
  g_autofree char *ann = NULL;
  g_autofree char *ben = NULL;
  GtkWindow *dialog, *message;
  GtkWidget *eta, *set, *reason;
  const char *body;

  /* Three mugs for Ann, two for Ben: the purchase order covers both. */
  shop_open (&shop, 3, 2, 5, julian (2026, 12, 3));
  ann = order_number (shop.store, shop.ann_order);
  ben = order_number (shop.store, shop.ben_order);
  g_assert_cmpuint (promised (shop.store, shop.ann_order), ==, julian (2026, 12, 4));

  dialog = bo_po_dialog_new (GTK_WINDOW (shop.window), shop.store, shop.po);
  gtk_window_present (dialog);
  bo_gui_test_iterate (50);
  eta = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Expected date");
  set = find_button (GTK_WIDGET (dialog), "Set Expected Date");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (eta)), ==, "2026-12-03");
  /* Unchanged: nothing to set. */
  g_assert_false (gtk_widget_is_sensitive (set));

  /* Text that is no date: the button stays off and the reason shows. */
  bo_gui_test_set_text (eta, "2026-13-45");
  g_assert_false (gtk_widget_is_sensitive (set));
  g_assert_true (gtk_widget_has_css_class (eta, "error"));
  reason = bo_gui_test_find_label (GTK_WIDGET (dialog), "“2026-13-45” is not a date");
  g_assert_nonnull (reason);
  g_assert_true (gtk_widget_get_mapped (reason));
  /* Enter does nothing with it either. */
  g_signal_emit_by_name (eta, "entry-activated");
  bo_gui_test_iterate (20);
  g_assert_cmpuint (promised (shop.store, shop.ann_order), ==, julian (2026, 12, 4));
  g_assert_null (bo_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));

  /* The date can be picked in a calendar too: it is written into the field. */
  {
    GtkWidget *button = bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_MENU_BUTTON, "Choose the Date");
    GtkWidget *calendar = bo_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_CALENDAR, NULL);
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 12, 17, 12, 0, 0);

    g_assert_nonnull (button);
    g_assert_nonnull (calendar);
    bo_gui_test_set_text (eta, "2026-12-03");
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    bo_gui_test_iterate (50);
    g_assert_true (gtk_widget_get_mapped (calendar));
    {
      g_autoptr(GDateTime) shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
      g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 3);
    }
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    bo_gui_test_iterate (50);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (eta)), ==, "2026-12-17");
    g_assert_false (gtk_widget_get_mapped (calendar));
    g_assert_true (gtk_widget_is_sensitive (set));
  }

  /* The supplier slips a week. */
  bo_gui_test_set_text (eta, "2026-12-10");
  /* The line at the foot stays, emptied: nothing moves. */
  g_assert_null (bo_gui_test_find_label (GTK_WIDGET (dialog), "is not a date"));
  click (set);
  g_assert_cmpuint (promised (shop.store, shop.ann_order), ==, julian (2026, 12, 11));
  g_assert_cmpuint (promised (shop.store, shop.ben_order), ==, julian (2026, 12, 11));

  /* The merchant sees whom to tell. */
  message = bo_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==,
                   "Promised Dates Moved");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message));
  g_assert_nonnull (strstr (body, ann));
  g_assert_nonnull (strstr (body, "Ann Archer"));
  g_assert_nonnull (strstr (body, ben));
  g_assert_nonnull (strstr (body, "Ben Baker"));
  g_assert_nonnull (strstr (body, "→"));
  g_assert_false (gtk_widget_is_sensitive (set));

  close_dialogs ();
  gtk_window_destroy (dialog);
  shop_close (&shop);
}

static void
test_cancel_with_undo (void)
{
  Shop shop = { 0 };
  GtkWindow *dialog;
  GtkWidget *cancel, *undo, *toast;

  shop_open (&shop, 3, 2, 5, julian (2026, 12, 3));
  dialog = bo_po_dialog_new (GTK_WINDOW (shop.window), shop.store, shop.po);
  gtk_window_present (dialog);
  bo_gui_test_iterate (50);
  cancel = find_button (GTK_WIDGET (dialog), "Cancel Purchase Order");

  /* Undo: the purchase order stays as it was. */
  click (cancel);
  g_assert_false (gtk_widget_is_sensitive (cancel));
  g_assert_cmpint (po_status (shop.store, shop.po), ==, BO_PO_SENT);
  undo = find_button (GTK_WIDGET (dialog), "Undo");
  /* Clicked once the toast has slid in, as the merchant sees it. */
  toast = gtk_widget_get_ancestor (undo, g_type_from_name ("AdwToastWidget"));
  g_assert_nonnull (toast);
  g_assert_true (bo_gui_test_wait_for (bo_gui_test_toast_slid_in, toast, 10000));
  click (undo);
  bo_gui_test_iterate (300);
  g_assert_cmpint (po_status (shop.store, shop.po), ==, BO_PO_SENT);
  g_assert_cmpuint (promised (shop.store, shop.ann_order), ==, julian (2026, 12, 4));
  g_assert_true (gtk_widget_is_sensitive (cancel));

  /* No undo: closing the dialog cancels it, and the promises go. */
  click (cancel);
  g_assert_cmpint (po_status (shop.store, shop.po), ==, BO_PO_SENT);
  gtk_window_close (dialog);
  bo_gui_test_iterate (50);
  g_assert_cmpint (po_status (shop.store, shop.po), ==, BO_PO_CANCELLED);
  g_assert_cmpuint (promised (shop.store, shop.ann_order), ==, 0);

  shop_close (&shop);
}

static const char *
selected_supplier_name (GtkWindow *dialog)
{
  AdwComboRow *row = ADW_COMBO_ROW (bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                      "supplier_row"));
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* A line whose cost nobody knows is not bought for nothing unnoticed; the
 * typed purchase order is not thrown away by Esc without asking. */
static void
test_new_po_needs_a_cost (void)
{
  Shop shop = { 0 };
  g_autoptr(BoProduct) pin = bo_product_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *sku, *quantity, *cost, *create;

  shop_open (&shop, 3, 4, 5, julian (2026, 12, 3));
  pin->sku = g_strdup ("PIN-RED");
  pin->name = g_strdup ("Red Pin");
  pin->price = 300;
  g_assert_true (bo_store_save_product (shop.store, pin, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shop.window), "win.show-view", "s",
                                             "purchase-orders"));
  bo_gui_test_iterate (20);
  g_assert_true (gtk_widget_activate_action (bo_window_get_view (shop.window, "purchase-orders"),
                                             "purchase-orders.new", NULL));
  bo_gui_test_iterate (50);
  dialog = bo_gui_test_find_window (BO_TYPE_PO_DIALOG);
  g_assert_nonnull (dialog);
  create = find_button (GTK_WIDGET (dialog), "Create");
  sku = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "SKU");
  quantity = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Quantity");
  cost = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "cost_row");
  g_assert_nonnull (cost);

  bo_gui_test_set_text (sku, "PIN-RED");
  bo_gui_test_set_text (quantity, "10");
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog),
                                            "Enter the unit cost: neither the supplier nor the "
                                            "product has a cost for PIN-RED"));
  g_assert_false (gtk_widget_is_sensitive (create));
  bo_gui_test_set_text (cost, "1.20");
  g_assert_null (bo_gui_test_find_label (GTK_WIDGET (dialog), "Enter the unit cost"));
  g_assert_true (gtk_widget_is_sensitive (create));

  /* A quantity no count holds says so. */
  bo_gui_test_set_text (quantity, "99999999999999999999");
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog),
                                            "The quantity “99999999999999999999” is too large"));
  bo_gui_test_set_text (quantity, "10");

  /* A supplier not in the shop yet is added from here; the line typed stays. */
  {
    GtkWindow *supplier_dialog;
    GtkWidget *name;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "po.new-supplier", NULL));
    bo_gui_test_iterate (50);
    supplier_dialog = bo_gui_test_find_window (BO_TYPE_SUPPLIER_DIALOG);
    g_assert_nonnull (supplier_dialog);
    name = bo_gui_test_find (GTK_WIDGET (supplier_dialog), ADW_TYPE_ENTRY_ROW, "Name");
    bo_gui_test_set_text (name, "Pins Unlimited");
    g_signal_emit_by_name (bo_gui_test_find (GTK_WIDGET (supplier_dialog), GTK_TYPE_BUTTON, "Save"),
                           "clicked");
    bo_gui_test_iterate (100);
    g_assert_null (bo_gui_test_find_window (BO_TYPE_SUPPLIER_DIALOG));
    g_assert_cmpstr (selected_supplier_name (dialog), ==, "Pins Unlimited");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sku)), ==, "PIN-RED");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quantity)), ==, "10");
  }

  bo_gui_test_check_discard (dialog, "Discard the New Purchase Order?");
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
  g_test_add_func ("/purchasing/receive-everything", test_receive_everything);
  g_test_add_func ("/purchasing/receive-part", test_receive_part);
  g_test_add_func ("/purchasing/order-shortages", test_order_shortages);
  g_test_add_func ("/purchasing/new-purchase-order", test_new_purchase_order);
  g_test_add_func ("/purchasing/set-expected-date", test_set_expected_date);
  g_test_add_func ("/purchasing/cancel-with-undo", test_cancel_with_undo);
  g_test_add_func ("/purchasing/new-needs-a-cost", test_new_po_needs_a_cost);
  return g_test_run ();
}
