/* bo-receive-dialog.c — book arriving stock and see who gets it before committing
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As the merchant counts what arrived, the dialog asks the store what the
 * receipt would do (a preview that keeps nothing) and shows it: which order
 * lines get stock and why, and which orders can ship afterwards. "Receive"
 * then does exactly that.
 */
#define G_LOG_DOMAIN "bo-receive-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-format.h"
#include "bo-receive-dialog.h"
#include "bo-window.h"

struct _BoReceiveDialog
{
  AdwWindow           parent_instance;

  /* template widgets */
  AdwWindowTitle     *window_title;
  GtkListBox         *lines_list;
  GtkLabel           *quantity_error;
  GtkListBox         *plan_list;
  GtkLabel           *plan_placeholder;
  GtkListBox         *ready_list;

  /* owned */
  BoStore            *store;
  gint64              po_id;
  BoPurchaseOrder    *po;
  GPtrArray          *spins;        /* GtkSpinButton per outstanding line, in po->lines order */
  GArray             *quantities;   /* BoQuantity: the receipt as typed */
  BoAllocationResult *preview;
  gboolean            valid;        /* every quantity possible, and some above zero */
};

G_DEFINE_FINAL_TYPE (BoReceiveDialog, bo_receive_dialog, ADW_TYPE_WINDOW)

/* ---- helpers ---------------------------------------------------------------- */

static void
bo_receive_dialog_update_actions (BoReceiveDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "receive.commit",
                                 self->valid && self->preview != NULL);
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
text_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static char *
order_title (const char *number,
             const char *customer)
{
  /* Translators: an order number and its customer */
  return g_strdup_printf (_("%s · %s"), number, customer != NULL ? customer : "");
}

static void
show_preview (BoReceiveDialog *self)
{
  clear_list (self->plan_list);
  clear_list (self->ready_list);
  if (self->preview == NULL)
    return;

  for (guint i = 0; i < self->preview->changes->len; i++)
    {
      const BoAllocationChange *change = &g_array_index (self->preview->changes,
                                                         BoAllocationChange, i);
      g_autofree char *title = order_title (change->order_number, change->customer_name);
      g_autofree char *before = bo_format_quantity (change->before);
      g_autofree char *after = bo_format_quantity (change->after);
      g_autofree char *subtitle = NULL;

      /* Translators: SKU: units allocated before → after; why */
      subtitle = g_strdup_printf (_("%s: %s → %s allocated; %s"), change->sku, before, after,
                                  change->reason != NULL ? change->reason : "");
      gtk_list_box_append (self->plan_list, text_row_new (title, subtitle));
    }
  for (guint i = 0; i < self->preview->ready->len; i++)
    {
      const BoReadyOrder *ready = &g_array_index (self->preview->ready, BoReadyOrder, i);
      g_autofree char *title = order_title (ready->number, ready->customer_name);

      gtk_list_box_append (self->ready_list,
                           text_row_new (title, ready->complete ? _("Can ship complete")
                                                                : _("Can ship in part")));
    }
}

/* Reads the quantities as typed, says what is wrong with them, and asks the
 * store what receiving them would do. */
static void
update_preview (BoReceiveDialog *self)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 total = 0;
  guint spin = 0;

  g_clear_pointer (&self->preview, bo_allocation_result_free);
  g_array_set_size (self->quantities, 0);
  for (guint i = 0; self->po != NULL && i < self->po->lines->len; i++)
    {
      const BoPoLine *line = g_ptr_array_index (self->po->lines, i);
      gint64 open = line->ordered - line->received;
      GtkWidget *button;
      BoQuantity quantity = { line->id, 0 };

      if (open <= 0)
        continue;
      button = g_ptr_array_index (self->spins, spin++);
      if (!bo_parse_quantity (gtk_editable_get_text (GTK_EDITABLE (button)), &quantity.quantity) ||
          quantity.quantity > open)
        {
          g_autofree char *outstanding = bo_format_quantity (open);

          gtk_widget_add_css_class (button, "error");
          g_ptr_array_add (reasons,
                           /* Translators: SKU, units outstanding */
                           g_strdup_printf (_("%s: enter a whole number from 0 to %s, the units "
                                              "outstanding"), line->sku, outstanding));
          continue;
        }
      gtk_widget_remove_css_class (button, "error");
      total += quantity.quantity;
      if (quantity.quantity > 0)
        g_array_append_val (self->quantities, quantity);
    }

  self->valid = reasons->len == 0 && total > 0;
  g_ptr_array_add (reasons, NULL);
  text = g_strjoinv ("\n", (char **) reasons->pdata);
  gtk_label_set_text (self->quantity_error, text);
  gtk_widget_set_visible (GTK_WIDGET (self->quantity_error), *text != '\0');

  if (!self->valid)
    {
      gtk_label_set_text (self->plan_placeholder,
                          *text != '\0' ? _("Correct the quantities to see who gets the stock.")
                                        : _("Enter the units that arrived to see who gets them."));
    }
  else if (!bo_store_receive_po (self->store, self->po_id,
                                 (const BoQuantity *) (gpointer) self->quantities->data,
                                 self->quantities->len, TRUE, &self->preview, &error))
    {
      gtk_label_set_text (self->quantity_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->quantity_error), TRUE);
      gtk_label_set_text (self->plan_placeholder, _("The store cannot work out this receipt."));
    }
  else
    gtk_label_set_text (self->plan_placeholder,
                        _("No order is waiting for these products: the stock goes on the "
                          "shelf."));
  show_preview (self);
  bo_receive_dialog_update_actions (self);
}

static void
quantity_changed_cb (BoReceiveDialog *self)
{
  update_preview (self);
}

static GtkWidget *
line_row_new (BoReceiveDialog *self,
              const BoPoLine  *line)
{
  gint64 open = line->ordered - line->received;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, (double) open, 1);
  g_autofree char *title = NULL;
  g_autofree char *outstanding = bo_format_quantity (open);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  /* Translators: a product's SKU and name */
  title = g_strdup_printf (_("%s — %s"), line->sku, line->product_name);
  /* Translators: units still to come on a purchase-order line */
  subtitle = g_strdup_printf (_("%s outstanding"), outstanding);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), (double) open);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_name (spin, line->sku);
  /* Translators: accessible name of the quantity field of a line; %s is a SKU */
  label = g_strdup_printf (_("Units of %s received"), line->sku);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (spin, "changed", G_CALLBACK (quantity_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_ptr_array_add (self->spins, spin);
  return row;
}

static void
load (BoReceiveDialog *self)
{
  g_autoptr(GError) error = NULL;

  self->po = bo_store_get_po (self->store, self->po_id, &error);
  if (self->po == NULL)
    {
      gtk_label_set_text (self->quantity_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->quantity_error), TRUE);
      return;
    }
  adw_window_title_set_subtitle (self->window_title, self->po->number);
  for (guint i = 0; i < self->po->lines->len; i++)
    {
      const BoPoLine *line = g_ptr_array_index (self->po->lines, i);

      if (line->ordered > line->received)
        gtk_list_box_append (self->lines_list, line_row_new (self, line));
    }
}

static BoWindow *
main_window (BoReceiveDialog *self)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (self));

  while (window != NULL && !BO_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  return window != NULL ? BO_WINDOW (window) : NULL;
}

/* ---- actions ---------------------------------------------------------------- */

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BoReceiveDialog *self = BO_RECEIVE_DIALOG (widget);
  g_autoptr(BoAllocationResult) result = NULL;
  g_autoptr(GError) error = NULL;
  BoWindow *window;

  if (!bo_store_receive_po (self->store, self->po_id,
                            (const BoQuantity *) (gpointer) self->quantities->data,
                            self->quantities->len, FALSE, &result, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("Could not receive the stock"),
                                                  error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  window = main_window (self);
  if (window != NULL)
    {
      AdwToast *toast;

      if (result->ready->len > 0)
        toast = adw_toast_new_format (ngettext ("%u order can ship now",
                                                "%u orders can ship now", result->ready->len),
                                      result->ready->len);
      else
        toast = adw_toast_new (_("Stock received; no order was waiting for it"));
      bo_window_add_toast (window, toast);
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- GObject ---------------------------------------------------------------- */

static void
bo_receive_dialog_dispose (GObject *object)
{
  BoReceiveDialog *self = BO_RECEIVE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_RECEIVE_DIALOG);
  g_clear_pointer (&self->spins, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bo_receive_dialog_parent_class)->dispose (object);
}

static void
bo_receive_dialog_finalize (GObject *object)
{
  BoReceiveDialog *self = BO_RECEIVE_DIALOG (object);

  g_clear_pointer (&self->po, bo_purchase_order_free);
  g_clear_pointer (&self->preview, bo_allocation_result_free);
  g_clear_pointer (&self->quantities, g_array_unref);

  G_OBJECT_CLASS (bo_receive_dialog_parent_class)->finalize (object);
}

static void
bo_receive_dialog_class_init (BoReceiveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bo_receive_dialog_dispose;
  object_class->finalize = bo_receive_dialog_finalize;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/backorders/Backorders/bo-receive-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BoReceiveDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BoReceiveDialog, lines_list);
  gtk_widget_class_bind_template_child (widget_class, BoReceiveDialog, quantity_error);
  gtk_widget_class_bind_template_child (widget_class, BoReceiveDialog, plan_list);
  gtk_widget_class_bind_template_child (widget_class, BoReceiveDialog, plan_placeholder);
  gtk_widget_class_bind_template_child (widget_class, BoReceiveDialog, ready_list);

  gtk_widget_class_install_action (widget_class, "receive.commit", NULL, commit_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bo_receive_dialog_init (BoReceiveDialog *self)
{
  self->spins = g_ptr_array_new ();
  self->quantities = g_array_new (FALSE, FALSE, sizeof (BoQuantity));

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bo_receive_dialog_new:
 * @parent: (nullable): the window to stay above; the toast after receiving
 *   goes to the main window it belongs to
 * @po_id: the purchase order whose stock arrived
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
GtkWindow *
bo_receive_dialog_new (GtkWindow *parent,
                       BoStore   *store,
                       gint64     po_id)
{
  BoReceiveDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  self = g_object_new (BO_TYPE_RECEIVE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->po_id = po_id;
  load (self);
  update_preview (self);
  return GTK_WINDOW (self);
}

/**
 * bo_receive_dialog_get_spin_button:
 *
 * Returns: (transfer none) (nullable): the quantity field of @sku's line
 */
GtkSpinButton *
bo_receive_dialog_get_spin_button (BoReceiveDialog *self,
                                   const char      *sku)
{
  g_return_val_if_fail (BO_IS_RECEIVE_DIALOG (self), NULL);

  for (guint i = 0; i < self->spins->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (self->spins, i)), sku) == 0)
      return g_ptr_array_index (self->spins, i);
  return NULL;
}

/**
 * bo_receive_dialog_get_preview:
 *
 * Returns: (transfer none) (nullable): what receiving the quantities shown
 *   would do, or %NULL while they are not valid
 */
const BoAllocationResult *
bo_receive_dialog_get_preview (BoReceiveDialog *self)
{
  g_return_val_if_fail (BO_IS_RECEIVE_DIALOG (self), NULL);
  return self->preview;
}
