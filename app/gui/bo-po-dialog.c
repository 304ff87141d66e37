/* bo-po-dialog.c — start a purchase order, or follow one through to receipt
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One dialog for both ends of a purchase order's life. A new one gets a
 * supplier, an expected date and lines, then "Create". An existing one
 * shows where it stands and offers what its status allows: add lines, move
 * the expected date (and see whose promises moved with it), mark it sent,
 * receive it, or cancel it with a chance to undo. The line form lives in
 * bo-po-dialog-lines.c.
 */
#define G_LOG_DOMAIN "bo-po-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-form.h"
#include "bo-supplier-dialog.h"
#include "bo-format.h"
#include "bo-po-dialog-private.h"
#include "bo-receive-dialog.h"
#include "bo-toast.h"

G_DEFINE_FINAL_TYPE (BoPoDialog, bo_po_dialog, ADW_TYPE_WINDOW)

/* ---- helpers ---------------------------------------------------------------- */

gboolean
_bo_po_dialog_is_open (BoPoDialog *self)
{
  return self->po != NULL && (self->po->status == BO_PO_DRAFT || self->po->status == BO_PO_SENT ||
                              self->po->status == BO_PO_PARTIAL);
}

static gint64
outstanding (BoPoDialog *self)
{
  gint64 total = 0;

  for (guint i = 0; self->po != NULL && i < self->po->lines->len; i++)
    {
      const BoPoLine *line = g_ptr_array_index (self->po->lines, i);
      total += line->ordered - line->received;
    }
  return total;
}

/* The expected date of what is still to come: the one "Set Expected Date"
 * changes. */
static guint32
current_eta (BoPoDialog *self)
{
  guint32 eta = 0;

  for (guint i = 0; self->po != NULL && i < self->po->lines->len; i++)
    {
      const BoPoLine *line = g_ptr_array_index (self->po->lines, i);

      if (line->received < line->ordered && line->eta != 0 && (eta == 0 || line->eta < eta))
        eta = line->eta;
    }
  return eta;
}

static gint64
selected_supplier (BoPoDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->supplier_row);

  if (self->supplier_ids == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= self->supplier_ids->len)
    return 0;
  return g_array_index (self->supplier_ids, gint64, selected);
}

/* The supplier of the purchase order shown, or of the one being written. */
gint64
_bo_po_dialog_get_supplier_id (BoPoDialog *self)
{
  return self->po != NULL ? self->po->supplier_id : selected_supplier (self);
}

void
_bo_po_dialog_update_actions (BoPoDialog *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean is_new = self->po_id == 0;
  gboolean open = _bo_po_dialog_is_open (self) && !self->cancel_pending;
  gboolean form_ok = self->line_empty || self->line_valid;
  gboolean drop_ship = self->po != NULL && self->po->drop_ship;

  gboolean can_create = is_new && selected_supplier (self) != 0 && self->eta_valid &&
                        form_ok && (self->draft->len > 0 || self->line_valid);

  gtk_widget_action_set_enabled (widget, "po.create", can_create);
  gtk_widget_action_set_enabled (widget, "po.add-line",
                                 self->line_valid && (is_new || open) && !drop_ship);
  gtk_widget_action_set_enabled (widget, "po.new-supplier", is_new);
  gtk_widget_action_set_enabled (widget, "po.remove-line", is_new);
  gtk_widget_action_set_enabled (widget, "po.set-eta",
                                 !is_new && open && self->eta_valid &&
                                 self->eta != current_eta (self));
  gtk_widget_action_set_enabled (widget, "po.mark-sent",
                                 !is_new && open && self->po->status == BO_PO_DRAFT);
  /* A drop-ship order is never received here, and its customers wait for it:
   * the supplier ships it, or its order lines are cancelled. */
  gtk_widget_action_set_enabled (widget, "po.cancel", !is_new && open && !drop_ship);
  gtk_widget_action_set_enabled (widget, "po.undo-cancel", self->cancel_pending);
  gtk_widget_action_set_enabled (widget, "po.receive",
                                 !is_new && open && !drop_ship && outstanding (self) > 0);
  gtk_widget_action_set_enabled (widget, "po.supplier-shipped",
                                 !is_new && open && drop_ship && outstanding (self) > 0);
  _bo_po_dialog_explain_disabled (self, is_new, can_create);
}

/* Shows @toast (transfer full). A toast never comes over another one, nor
 * waits behind one (bo-toast.c): the one before goes away, and a
 * cancellation waiting for its Undo happens. */
static void
add_toast (BoPoDialog *self,
           AdwToast   *toast)
{
  if (self->toast != NULL)
    bo_toast_dismiss (self->toast);
  g_set_object (&self->toast, toast);
  bo_toast_show (self->toast_overlay, toast);
}

void
_bo_po_dialog_show_toast (BoPoDialog *self,
                          const char *title)
{
  add_toast (self, adw_toast_new (title));
}

void
_bo_po_dialog_show_error (BoPoDialog   *self,
                          const char   *heading,
                          const GError *error)
{
  GtkWindow *parent = GTK_WINDOW (self);
  GtkWidget *dialog;

  /* While the dialog goes away, tell the window underneath. */
  if (self->closing || !gtk_widget_get_visible (GTK_WIDGET (self)) ||
      gtk_widget_in_destruction (GTK_WIDGET (self)))
    parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  dialog = adw_message_dialog_new (parent, heading, error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_eta_text (BoPoDialog *self,
              guint32     eta)
{
  g_autofree char *iso = NULL;

  if (eta != 0)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, eta);
      iso = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                             g_date_get_day (&date));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->eta_row), iso != NULL ? iso : "");
}

static void
validate_eta (BoPoDialog *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->eta_row));
  g_autofree char *text = g_strstrip (g_strdup (typed));

  self->eta = *text != '\0' ? bo_parse_date (text) : 0;
  self->eta_valid = *text == '\0' || self->eta != 0;
  if (self->eta_valid)
    bo_form_show_reason (GTK_WIDGET (self->eta_row), NULL, NULL);
  else
    {
      guint32 example = bo_store_get_today (self->store) + 14;
      g_autofree char *local = bo_format_date (example);
      GDate date;
      g_autofree char *reason = NULL;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, example);
      reason = g_strdup_printf (_("“%s” is not a date: write it as %04u-%02u-%02u or as %s"), text,
                                g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), local);
      bo_form_show_reason (GTK_WIDGET (self->eta_row), NULL, reason);
    }

  /* Say which day was understood: 03/04 is not the same day everywhere. */
  if (self->eta_valid && self->eta != 0)
    {
      GDate date;
      char buffer[128];
      g_autofree char *description = NULL;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, self->eta);
      if (g_date_strftime (buffer, sizeof buffer, "%A %x", &date) == 0)
        buffer[0] = '\0';
      /* Translators: %s is a weekday and a date */
      description = g_strdup_printf (_("Expected on %s."), buffer);
      adw_preferences_group_set_description (self->eta_group, description);
    }
  else
    adw_preferences_group_set_description (self->eta_group,
                                           _("Leave the date empty while the supplier has not "
                                             "given one."));
  _bo_po_dialog_update_actions (self);
}

static void
load_suppliers (BoPoDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suppliers = bo_store_list_suppliers (self->store, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->supplier_ids, g_array_unref);
  self->supplier_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (suppliers == NULL)
    {
      adw_preferences_group_set_description (self->supplier_group, error->message);
      return;
    }
  for (guint i = 0; i < suppliers->len; i++)
    {
      const BoSupplier *supplier = g_ptr_array_index (suppliers, i);

      gtk_string_list_append (names, supplier->name);
      g_array_append_val (self->supplier_ids, supplier->id);
    }
  adw_combo_row_set_model (self->supplier_row, G_LIST_MODEL (names));
  if (suppliers->len == 0)
    adw_preferences_group_set_description (self->supplier_group,
                                           _("There is no supplier yet: add one with the "
                                             "button beside Supplier."));
  else
    adw_preferences_group_set_description (self->supplier_group, NULL);
}

static gboolean
load_po (BoPoDialog *self)
{
  g_autoptr(GError) error = NULL;
  BoPurchaseOrder *po = bo_store_get_po (self->store, self->po_id, &error);

  if (po == NULL)
    {
      _bo_po_dialog_show_toast (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->po, bo_purchase_order_free);
  self->po = po;
  return TRUE;
}

/* What is shown depends on whether the purchase order exists yet. */
static void
show_po (BoPoDialog *self)
{
  gboolean is_new = self->po_id == 0;
  gboolean open = _bo_po_dialog_is_open (self);
  gboolean drop_ship = self->po != NULL && self->po->drop_ship;

  gtk_widget_set_visible (self->info_group, !is_new);
  gtk_widget_set_visible (GTK_WIDGET (self->supplier_group), is_new);
  gtk_widget_set_visible (self->set_eta_button, !is_new);
  gtk_widget_set_visible (self->create_button, is_new);
  gtk_widget_set_visible (self->receive_button, !is_new && !drop_ship);
  gtk_widget_set_visible (self->supplier_shipped_button, !is_new && drop_ship);
  gtk_widget_set_visible (self->actions_group, !is_new);
  gtk_widget_set_visible (self->add_group, (is_new || open) && !drop_ship);
  gtk_widget_set_visible (GTK_WIDGET (self->ship_to_row), !is_new && drop_ship);
  gtk_button_set_label (self->close_button, is_new ? _("_Cancel") : _("_Close"));
  gtk_editable_set_editable (GTK_EDITABLE (self->eta_row), is_new || open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->eta_calendar_button), is_new || open);

  if (is_new)
    {
      adw_window_title_set_title (self->window_title, _("New Purchase Order"));
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
  else if (self->po != NULL)
    {
      g_autofree char *created = bo_format_instant (self->po->created_at);

      adw_window_title_set_title (self->window_title, self->po->number);
      adw_window_title_set_subtitle (self->window_title, self->po->supplier_name);
      adw_action_row_set_subtitle (self->supplier_info_row, self->po->supplier_name);
      adw_action_row_set_subtitle (self->status_row, bo_po_status_label (self->po->status));
      adw_action_row_set_subtitle (self->created_row, created);
      adw_action_row_set_subtitle (self->ship_to_row, self->po->ship_to);
    }
  _bo_po_dialog_show_lines (self);
  _bo_po_dialog_update_actions (self);
}

static void
commit_cancel (BoPoDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->cancel_pending)
    return;
  self->cancel_pending = FALSE;
  if (!bo_store_set_po_status (self->store, self->po_id, BO_PO_CANCELLED, &error))
    _bo_po_dialog_show_error (self, _("Could not cancel the purchase order"), error);
  else if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    _bo_po_dialog_update_actions (self);
}

static void
show_moved (BoPoDialog *self,
            GArray     *moved)
{
  g_autoptr(GString) body = NULL;
  g_autoptr(GHashTable) orders = NULL;
  GtkWidget *dialog;

  if (moved == NULL || moved->len == 0)
    {
      _bo_po_dialog_show_toast (self, _("Expected date saved; no promised date moved"));
      return;
    }

  orders = g_hash_table_new (g_int64_hash, g_int64_equal);
  body = g_string_new (NULL);
  for (guint i = 0; i < moved->len; i++)
    {
      BoPromiseChange *change = &g_array_index (moved, BoPromiseChange, i);
      g_autofree char *before = change->before != 0 ? bo_format_date (change->before)
                                                    : g_strdup (_("no date"));
      g_autofree char *after = change->after != 0 ? bo_format_date (change->after)
                                                  : g_strdup (_("needs purchase order"));

      g_hash_table_add (orders, &change->order_id);
      if (body->len > 0)
        g_string_append_c (body, '\n');
      /* Translators: order number, customer, SKU: old promised date → new one */
      g_string_append_printf (body, _("%s, %s, %s: %s → %s"), change->order_number,
                              change->customer_name, change->sku, before, after);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Promised Dates Moved"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s",
                                  ngettext ("Let this customer know the new date:",
                                            "Let these customers know the new dates:",
                                            g_hash_table_size (orders)),
                                  body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- callbacks -------------------------------------------------------------- */

static void
store_changed_cb (BoPoDialog *self)
{
  if (self->po_id != 0 && load_po (self))
    show_po (self);
}

static void
supplier_selected_cb (BoPoDialog *self)
{
  _bo_po_dialog_update_actions (self);
}

static void
eta_changed_cb (BoPoDialog *self)
{
  validate_eta (self);
}

/* The calendar opens on the date typed, else on today. */
static void
eta_popover_show_cb (BoPoDialog *self)
{
  guint32 julian = self->eta != 0 ? self->eta : bo_store_get_today (self->store);
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                               g_date_get_day (&date), 12, 0, 0);
  self->showing_eta = TRUE;
  gtk_calendar_select_day (self->eta_calendar, day);
  self->showing_eta = FALSE;
}

/* A day picked is written into the field, as if typed. */
static void
eta_day_selected_cb (BoPoDialog *self)
{
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (self->showing_eta)
    return;
  day = gtk_calendar_get_date (self->eta_calendar);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  set_eta_text (self, g_date_get_julian (&date));
  gtk_menu_button_popdown (self->eta_calendar_button);
}

static void
eta_activated_cb (BoPoDialog *self)
{
  if (self->po_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "po.set-eta", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "po.create", NULL);
}

static void
cancel_toast_dismissed_cb (BoPoDialog *self)
{
  commit_cancel (self);
}

/* ---- actions ---------------------------------------------------------------- */

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BoPoDialog *self = BO_PO_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) quantities = g_array_new (FALSE, FALSE, sizeof (BoQuantity));
  g_autoptr(GArray) costs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *message = NULL;
  gint64 po_id = 0;

  /* A line typed but not added yet is meant to be on the order too. */
  if (self->line_valid)
    _bo_po_dialog_add_line (self);
  for (guint i = 0; i < self->draft->len; i++)
    {
      const BoPoDraftLine *line = &g_array_index (self->draft, BoPoDraftLine, i);
      /* For creating, the quantity's line_id carries the product id. */
      BoQuantity quantity = { line->product_id, line->quantity };

      g_array_append_val (quantities, quantity);
      g_array_append_val (costs, line->cost);
    }
  if (!bo_store_create_po (self->store, selected_supplier (self), self->eta,
                           (const BoQuantity *) (gpointer) quantities->data,
                           (const gint64 *) (gpointer) costs->data, quantities->len, &po_id,
                           &error))
    {
      _bo_po_dialog_show_error (self, _("Could not create the purchase order"), error);
      return;
    }

  g_array_set_size (self->draft, 0);
  self->po_id = po_id;
  if (load_po (self))
    {
      message = g_strdup_printf (_("Purchase order %s created"), self->po->number);
      _bo_po_dialog_show_toast (self, message);
    }
  set_eta_text (self, current_eta (self));
  show_po (self);
}

static void
supplier_saved_cb (BoPoDialog *self,
                   gint64      supplier_id)
{
  load_suppliers (self);
  for (guint i = 0; i < self->supplier_ids->len; i++)
    if (g_array_index (self->supplier_ids, gint64, i) == supplier_id)
      adw_combo_row_set_selected (self->supplier_row, i);
  _bo_po_dialog_update_actions (self);
}

/* A supplier not in the shop yet is added from here; the lines typed stay. */
static void
new_supplier_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BoPoDialog *self = BO_PO_DIALOG (widget);
  GtkWindow *dialog = bo_supplier_dialog_new (GTK_WINDOW (self), self->store, 0);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (supplier_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _bo_po_dialog_add_line (BO_PO_DIALOG (widget));
}

static void
remove_line_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _bo_po_dialog_remove_draft_line (BO_PO_DIALOG (widget), g_variant_get_uint32 (parameter));
}

static void
set_eta_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BoPoDialog *self = BO_PO_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  GArray *moved = NULL;

  if (!bo_store_set_po_eta (self->store, self->po_id, self->eta, &moved, &error))
    {
      _bo_po_dialog_show_error (self, _("Could not change the expected date"), error);
      return;
    }
  set_eta_text (self, self->eta);
  show_moved (self, moved);
  bo_promise_changes_free (moved);
}

static void
mark_sent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BoPoDialog *self = BO_PO_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!bo_store_set_po_status (self->store, self->po_id, BO_PO_SENT, &error))
    _bo_po_dialog_show_error (self, _("Could not mark the purchase order sent"), error);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BoPoDialog *self = BO_PO_DIALOG (widget);
  AdwToast *toast;

  /* Nothing happens in the store until the toast goes away without Undo. */
  self->cancel_pending = TRUE;
  toast = adw_toast_new_format (_("Purchase order %s will be cancelled"), self->po->number);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "po.undo-cancel");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (cancel_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  add_toast (self, toast);
  _bo_po_dialog_update_actions (self);
}

static void
undo_cancel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BoPoDialog *self = BO_PO_DIALOG (widget);

  self->cancel_pending = FALSE;
  _bo_po_dialog_update_actions (self);
}

/* The supplier shipped a drop-ship order straight to its customers. */
static void
supplier_shipped_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BoPoDialog *self = BO_PO_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *number = g_strdup (self->po->number);
  g_autofree char *title = NULL;

  if (!bo_store_confirm_drop_ship (self->store, self->po_id, &error))
    {
      _bo_po_dialog_show_error (self, _("Could not record the supplier’s shipment"), error);
      return;
    }
  /* Translators: a purchase-order number */
  title = g_strdup_printf (_("%s shipped by the supplier: its order lines count as shipped"),
                           number);
  _bo_po_dialog_show_toast (self, title);
}

static void
receive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BoPoDialog *self = BO_PO_DIALOG (widget);
  GtkWindow *dialog = bo_receive_dialog_new (GTK_WINDOW (self), self->store, self->po_id);

  gtk_window_present (dialog);
}

/* ---- GObject ---------------------------------------------------------------- */

static gboolean
bo_po_dialog_close_request (GtkWindow *window)
{
  BoPoDialog *self = BO_PO_DIALOG (window);
  /* Once created, a purchase order is saved as it is edited; before, the
   * lines and what is typed live in this window only. */
  gboolean unsaved = self->po_id == 0 &&
                     (self->draft->len > 0 ||
                      *gtk_editable_get_text (GTK_EDITABLE (self->sku_row)) != '\0' ||
                      *gtk_editable_get_text (GTK_EDITABLE (self->quantity_row)) != '\0' ||
                      *gtk_editable_get_text (GTK_EDITABLE (self->cost_row)) != '\0');

  if (bo_form_close_or_ask (window, unsaved, _("Discard the New Purchase Order?")))
    return TRUE;
  self->closing = TRUE;
  commit_cancel (self);
  return GTK_WINDOW_CLASS (bo_po_dialog_parent_class)->close_request (window);
}

static void
bo_po_dialog_dispose (GObject *object)
{
  BoPoDialog *self = BO_PO_DIALOG (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  commit_cancel (self);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_object (&self->toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_PO_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->po, bo_purchase_order_free);
  g_clear_pointer (&self->line_product, bo_product_free);

  G_OBJECT_CLASS (bo_po_dialog_parent_class)->dispose (object);
}

static void
bo_po_dialog_finalize (GObject *object)
{
  BoPoDialog *self = BO_PO_DIALOG (object);

  g_clear_pointer (&self->supplier_ids, g_array_unref);
  g_clear_pointer (&self->draft, g_array_unref);
  g_free (self->currency);

  G_OBJECT_CLASS (bo_po_dialog_parent_class)->finalize (object);
}

static void
bo_po_dialog_class_init (BoPoDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bo_po_dialog_dispose;
  object_class->finalize = bo_po_dialog_finalize;
  window_class->close_request = bo_po_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-po-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, receive_button);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, supplier_shipped_button);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, info_group);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, supplier_info_row);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, created_row);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, ship_to_row);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, supplier_group);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, supplier_row);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, eta_group);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, eta_row);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, set_eta_button);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, lines_list);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, add_group);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, add_list);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, sku_row);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, quantity_row);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, cost_row);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, actions_group);
  gtk_widget_class_bind_template_callback (widget_class, eta_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, eta_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, eta_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, eta_day_selected_cb);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, eta_calendar_button);
  gtk_widget_class_bind_template_child (widget_class, BoPoDialog, eta_calendar);
  gtk_widget_class_bind_template_callback_full (widget_class, "sku_changed_cb",
                                                G_CALLBACK (_bo_po_dialog_sku_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "line_changed_cb",
                                                G_CALLBACK (_bo_po_dialog_line_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "line_activated_cb",
                                                G_CALLBACK (_bo_po_dialog_line_activated_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "suggestion_activated_cb",
                                                G_CALLBACK (_bo_po_dialog_suggestion_activated_cb));

  gtk_widget_class_install_action (widget_class, "po.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "po.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "po.remove-line", "u", remove_line_action);
  gtk_widget_class_install_action (widget_class, "po.set-eta", NULL, set_eta_action);
  gtk_widget_class_install_action (widget_class, "po.mark-sent", NULL, mark_sent_action);
  gtk_widget_class_install_action (widget_class, "po.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "po.undo-cancel", NULL, undo_cancel_action);
  gtk_widget_class_install_action (widget_class, "po.receive", NULL, receive_action);
  gtk_widget_class_install_action (widget_class, "po.supplier-shipped", NULL,
                                   supplier_shipped_action);

  gtk_widget_class_install_action (widget_class, "po.new-supplier", NULL, new_supplier_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bo_po_dialog_init (BoPoDialog *self)
{
  self->draft = g_array_new (FALSE, TRUE, sizeof (BoPoDraftLine));
  g_array_set_clear_func (self->draft, (GDestroyNotify) _bo_po_draft_line_clear);
  self->suggestions = g_ptr_array_new ();
  self->eta_valid = TRUE;
  self->line_empty = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  bo_form_set_status_label (self->create_button, self->status_label);
  bo_form_set_status_label (self->set_eta_button, self->status_label);
  bo_form_name_entry_rows (GTK_WIDGET (self));

  g_signal_connect_swapped (self->supplier_row, "notify::selected",
                            G_CALLBACK (supplier_selected_cb), self);
}

/**
 * bo_po_dialog_new:
 * @parent: (nullable): the window to stay above
 * @po_id: the purchase order to show, or 0 to start a new one
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
GtkWindow *
bo_po_dialog_new (GtkWindow *parent,
                  BoStore   *store,
                  gint64     po_id)
{
  BoPoDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  self = g_object_new (BO_TYPE_PO_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->currency = bo_store_get_setting (store, "currency");
  self->po_id = po_id;
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);

  if (po_id == 0)
    load_suppliers (self);
  else if (load_po (self))
    set_eta_text (self, current_eta (self));
  validate_eta (self);
  _bo_po_dialog_validate_line (self);
  show_po (self);
  return GTK_WINDOW (self);
}

/**
 * bo_po_dialog_get_po_id:
 *
 * Returns: the purchase order shown, or 0 while a new one is not created
 */
gint64
bo_po_dialog_get_po_id (BoPoDialog *self)
{
  g_return_val_if_fail (BO_IS_PO_DIALOG (self), 0);
  return self->po_id;
}
