/* test-tell-customer.c — the order dialog's pick list and customer message actions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bo-gui-test.h"
#include "bo-order-dialog.h"

typedef struct
{
  char    *text;
  gboolean done;
} ClipboardRead;

static void
read_text_cb (GObject      *clipboard,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

/* Ann ordered 3 mugs with 1 on the shelf: 1 ships, 2 follow with the
 * purchase order due on 4 December. */
static gint64
backordered_order (BoStore    *store,
                   const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoProduct) mug = bo_product_new ();
  g_autoptr(BoSupplier) supplier = bo_supplier_new ();
  g_autoptr(BoCustomer) ann = bo_customer_new ();
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  BoQuantity line;
  GDate eta;

  mug->sku = g_strdup ("MUG-BLU");
  mug->name = g_strdup ("Blue Mug");
  mug->on_hand = 1;
  mug->price = 1200;
  g_assert_true (bo_store_save_product (store, mug, &error));
  supplier->name = g_strdup ("Nordic Ceramics");
  g_assert_true (bo_store_save_supplier (store, supplier, &error));
  ann->name = g_strdup ("Ann Adams");
  ann->email = g_strdup (email);
  g_assert_true (bo_store_save_customer (store, ann, &error));
  draft->customer_id = ann->id;
  bo_order_draft_add_line (draft, "MUG-BLU", 3, -1);
  g_assert_true (bo_store_place_order (store, draft, FALSE, &outcome, &error));
  g_date_clear (&eta, 1);
  g_date_set_dmy (&eta, 4, 12, 2026);
  line.line_id = mug->id;
  line.quantity = 10;
  g_assert_true (bo_store_create_po (store, supplier->id, g_date_get_julian (&eta), &line, NULL, 1,
                                     NULL, &error));
  g_assert_no_error (error);
  return outcome->order_id;
}

static void
test_copy_message (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, FALSE);
  gint64 order = backordered_order (store, "ann@example.com");
  GtkWindow *dialog = bo_order_dialog_new (NULL, store, order);
  ClipboardRead read = { 0 };

  gtk_window_present (dialog);
  bo_gui_test_iterate (100);

  /* One mug is allocated: there is something to pick; Ann has an address. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "order.copy-message", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL, read_text_cb,
                                 &read);
  g_assert_true (bo_gui_test_wait_for (read_done, &read, 20000));
  g_assert_nonnull (read.text);
  g_assert_nonnull (strstr (read.text, "Your order 1001"));
  g_assert_nonnull (strstr (read.text, "Hello Ann Adams,"));
  g_assert_nonnull (strstr (read.text, "Still to come"));
  /* 4 December + 1 handling day. */
  g_assert_nonnull (strstr (read.text, "5 December 2026"));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "Message copied"));

  g_free (read.text);
  gtk_window_destroy (dialog);
  g_clear_object (&store);
  bo_gui_test_remove_dir (dir);
}

/* Without an email address there is nobody to write to: the action is off. */
static void
test_email_needs_address (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, FALSE);
  gint64 order = backordered_order (store, "");
  GtkWindow *dialog = bo_order_dialog_new (NULL, store, order);

  GtkWidget *header = NULL;
  GtkWidget *email = gtk_button_new_with_label ("email");
  GtkWidget *print = gtk_button_new_with_label ("print");

  /* Buttons on the actions show their enabled state as sensitivity. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (email), "order.email-customer");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "order.print-picklist");
  header = bo_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_HEADER_BAR, NULL);
  g_assert_nonnull (header);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), email);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), print);
  gtk_window_present (dialog);
  bo_gui_test_iterate (100);
  g_assert_false (gtk_widget_get_sensitive (email));
  g_assert_true (gtk_widget_get_sensitive (print));

  gtk_window_destroy (dialog);
  g_clear_object (&store);
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
  g_test_add_func ("/order-dialog/copy-message", test_copy_message);
  g_test_add_func ("/order-dialog/email-needs-address", test_email_needs_address);
  return g_test_run ();
}
