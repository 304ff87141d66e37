/* bo-order-dialog-actions.c — what the merchant does with an order
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Packing and shipping, cancelling units and shipments, changing the
 * priority: each is one store call. The destructive ones (cancelling) wait
 * behind an Undo toast and reach the store only when the toast goes away
 * without Undo, or when the window closes; marking a shipment shipped
 * happens at once, and its Undo is the store's reverse operation.
 */
#define G_LOG_DOMAIN "bo-order-dialog"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "bo-format.h"
#include "bo-order-dialog-private.h"

/* ---- undo ------------------------------------------------------------------- */

static void
toast_dismissed_cb (AdwToast      *toast,
                    BoOrderDialog *self)
{
  if (self->pending.toast != toast)
    return;
  /* It is going away already: it needs no dismissing. */
  self->pending.toast = NULL;
  _bo_order_dialog_commit_pending (self);
}

void
_bo_order_dialog_commit_pending (BoOrderDialog *self)
{
  BoPending pending = self->pending;
  g_autoptr(GError) error = NULL;
  const char *what = NULL;
  gboolean ok = TRUE;

  if (pending.kind == BO_PENDING_NONE)
    return;
  self->pending = (BoPending) { BO_PENDING_NONE, 0, 0, NULL };
  if (pending.toast != NULL)
    adw_toast_dismiss (pending.toast);

  switch (pending.kind)
    {
    case BO_PENDING_CANCEL_LINE:
      ok = bo_store_cancel_line (self->store, pending.id, pending.quantity, -1, NULL, &error);
      what = _("Could Not Cancel the Units");
      break;
    case BO_PENDING_CANCEL_SHIPMENT:
      ok = bo_store_cancel_shipment (self->store, pending.id, &error);
      what = _("Could Not Cancel the Shipment");
      break;
    case BO_PENDING_NONE:
    default:
      break;
    }
  if (!ok)
    {
      _bo_order_dialog_show_error (self, what, error);
      if (self->changed_id != 0)
        _bo_order_dialog_reload (self);
    }
}

/* Offers Undo for a change that happens when the toast goes away. */
static void
start_pending (BoOrderDialog *self,
               BoPendingKind  kind,
               gint64         id,
               gint64         quantity,
               const char    *title)
{
  AdwToast *toast;

  /* One change waits at a time; the one before happens now. */
  _bo_order_dialog_commit_pending (self);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "order.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  self->pending = (BoPending) { kind, id, quantity, toast };
  _bo_order_dialog_show_toast (self, toast);
  _bo_order_dialog_reload (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (widget);
  AdwToast *toast = self->pending.toast;

  if (self->pending.kind == BO_PENDING_NONE)
    return;
  self->pending = (BoPending) { BO_PENDING_NONE, 0, 0, NULL };
  if (toast != NULL)
    adw_toast_dismiss (toast);
  _bo_order_dialog_reload (self);
}

/* ---- cancelling units ------------------------------------------------------- */

static void
hide_cancel_form (BoOrderDialog *self)
{
  self->cancel_line_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_group), FALSE);
}

void
_bo_order_dialog_update_refund (BoOrderDialog *self)
{
  const BoOrderLine *line = _bo_order_dialog_find_line (self, self->cancel_line_id);
  g_autofree char *refund = NULL;
  g_autofree char *price = NULL;
  g_autofree char *units = NULL;
  g_autofree char *subtitle = NULL;
  gint64 quantity;

  if (line == NULL)
    return;
  quantity = gtk_spin_button_get_value_as_int (self->cancel_spin);
  refund = bo_format_money (quantity * line->unit_price, self->currency);
  price = bo_format_money (line->unit_price, self->currency);
  units = bo_format_quantity (quantity);
  gtk_label_set_text (self->refund_label, refund);
  /* Translators: units × unit price */
  subtitle = g_strdup_printf (_("%s × %s"), units, price);
  adw_action_row_set_subtitle (self->refund_row, subtitle);
  _bo_order_dialog_update_actions (self);
}

static void
refresh_cancel_form (BoOrderDialog *self)
{
  const BoOrderLine *line = _bo_order_dialog_find_line (self, self->cancel_line_id);
  g_autofree char *title = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *backordered = NULL;
  g_autofree char *free_units = NULL;
  gint64 max;

  if (line == NULL || (max = _bo_order_dialog_cancellable (self, line)) <= 0)
    {
      hide_cancel_form (self);
      return;
    }
  title = g_strdup_printf (_("Cancel Units of %s"), line->sku);
  adw_preferences_group_set_title (self->cancel_group, title);
  backordered = bo_format_quantity (MAX (line->backordered, 0));
  free_units = bo_format_quantity (max - MAX (line->backordered, 0));
  limit = g_strdup_printf (_("%s backordered, %s allocated and not packed"), backordered, free_units);
  adw_action_row_set_subtitle (self->cancel_quantity_row, limit);
  gtk_spin_button_set_range (self->cancel_spin, 1, (double) max);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_group), TRUE);
  _bo_order_dialog_update_refund (self);
}

static void
cancel_quantity_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (widget);

  self->cancel_line_id = g_variant_get_int64 (parameter);
  gtk_spin_button_set_value (self->cancel_spin, 1);
  refresh_cancel_form (self);
  if (self->cancel_line_id != 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->cancel_spin));
  _bo_order_dialog_update_actions (self);
}

static void
cancel_confirm_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (widget);
  const BoOrderLine *line = _bo_order_dialog_find_line (self, self->cancel_line_id);
  g_autofree char *units = NULL;
  g_autofree char *refund = NULL;
  g_autofree char *title = NULL;
  gint64 quantity, line_id;

  if (line == NULL)
    return;
  gtk_spin_button_update (self->cancel_spin);
  quantity = gtk_spin_button_get_value_as_int (self->cancel_spin);
  if (quantity < 1 || quantity > _bo_order_dialog_cancellable (self, line))
    return;
  line_id = line->id;
  units = bo_format_quantity (quantity);
  refund = bo_format_money (quantity * line->unit_price, self->currency);
  /* Translators: units × SKU cancelled, refund amount */
  title = g_strdup_printf (_("%s × %s cancelled, refund %s"), units, line->sku, refund);
  hide_cancel_form (self);
  start_pending (self, BO_PENDING_CANCEL_LINE, line_id, quantity, title);
}

static void
cancel_dismiss_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (widget);

  hide_cancel_form (self);
  _bo_order_dialog_update_actions (self);
}

/* ---- shipments -------------------------------------------------------------- */

void
_bo_order_dialog_clear_pack_form (BoOrderDialog *self)
{
  for (guint i = 0; i < self->pack_rows->len; i++)
    adw_preferences_group_remove (self->pack_group, g_ptr_array_index (self->pack_rows, i));
  g_ptr_array_set_size (self->pack_rows, 0);
  g_array_set_size (self->pack_spins, 0);
  if (self->pack_group != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->pack_group), FALSE);
}

static void
pack_spin_changed_cb (BoOrderDialog *self)
{
  _bo_order_dialog_update_actions (self);
}

/* One row per line with allocated units not packed yet; @previous keeps
 * what the merchant chose when the form is rebuilt. */
static void
build_pack_form (BoOrderDialog *self,
                 GHashTable    *previous)
{
  _bo_order_dialog_clear_pack_form (self);
  for (guint i = 0; self->order != NULL && i < self->order->lines->len; i++)
    {
      const BoOrderLine *line = g_ptr_array_index (self->order->lines, i);
      gint64 ready = line->allocated - _bo_order_dialog_packed (self, line->id);
      g_autofree char *count = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *a11y = NULL;
      g_autofree char *name = NULL;
      gpointer chosen = NULL;
      GtkWidget *row, *spin;
      BoPackSpin pack;

      if (ready <= 0)
        continue;
      count = bo_format_quantity (ready);
      /* Translators: product name, units that can be packed */
      subtitle = g_strdup_printf (_("%s, %s ready to pack"), line->product_name, count);
      a11y = g_strdup_printf (_("Units of %s to pack"), line->sku);
      name = g_strdup_printf ("pack-%s", line->sku);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->sku);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      spin = gtk_spin_button_new_with_range (0, (double) ready, 1);
      gtk_widget_set_name (spin, name);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      if (previous != NULL && g_hash_table_lookup_extended (previous, &line->id, NULL, &chosen))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), (double) GPOINTER_TO_INT (chosen));
      else
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), (double) ready);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (pack_spin_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->pack_group, row);
      g_ptr_array_add (self->pack_rows, row);

      pack.line_id = line->id;
      pack.spin = GTK_SPIN_BUTTON (spin);
      g_array_append_val (self->pack_spins, pack);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->pack_group), self->pack_spins->len > 0);
}

void
_bo_order_dialog_refresh_forms (BoOrderDialog *self)
{
  if (self->cancel_line_id != 0)
    refresh_cancel_form (self);
  if (self->pack_spins->len > 0)
    {
      g_autoptr(GHashTable) previous = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                              NULL);

      for (guint i = 0; i < self->pack_spins->len; i++)
        {
          const BoPackSpin *pack = &g_array_index (self->pack_spins, BoPackSpin, i);
          g_hash_table_insert (previous, g_memdup2 (&pack->line_id, sizeof pack->line_id),
                               GINT_TO_POINTER (gtk_spin_button_get_value_as_int (pack->spin)));
        }
      build_pack_form (self, previous);
    }
}

static void
create_shipment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (widget);

  build_pack_form (self, NULL);
  if (self->pack_spins->len > 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (g_array_index (self->pack_spins, BoPackSpin, 0).spin));
      /* The form opens below the lines: bring it, Pack button included, into view. */
      _bo_order_dialog_scroll_into_view (self, GTK_WIDGET (self->pack_group));
    }
  _bo_order_dialog_update_actions (self);
}

static void
shipment_confirm_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (widget);
  g_autoptr(GArray) quantities = g_array_new (FALSE, FALSE, sizeof (BoQuantity));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 shipment_id = 0;

  for (guint i = 0; i < self->pack_spins->len; i++)
    {
      const BoPackSpin *pack = &g_array_index (self->pack_spins, BoPackSpin, i);
      BoQuantity q = { pack->line_id, 0 };

      gtk_spin_button_update (pack->spin);
      q.quantity = gtk_spin_button_get_value_as_int (pack->spin);
      if (q.quantity > 0)
        g_array_append_val (quantities, q);
    }
  if (quantities->len == 0)
    return;
  _bo_order_dialog_clear_pack_form (self);
  if (!bo_store_create_shipment (self->store, self->order_id, (const BoQuantity *) quantities->data,
                                 quantities->len, &shipment_id, &error))
    {
      _bo_order_dialog_show_error (self, _("Could Not Pack the Shipment"), error);
      _bo_order_dialog_update_actions (self);
      return;
    }
  title = g_strdup_printf (_("Shipment %" PRId64 " packed"), shipment_id);
  _bo_order_dialog_show_toast (self, adw_toast_new (title));
}

static void
shipment_dismiss_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (widget);

  _bo_order_dialog_clear_pack_form (self);
  _bo_order_dialog_update_actions (self);
}

static void
mark_shipped_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (widget);
  gint64 shipment_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!bo_store_mark_shipped (self->store, shipment_id, &error))
    {
      _bo_order_dialog_show_error (self, _("Could Not Mark the Shipment Shipped"), error);
      return;
    }
  /* Unlike a cancellation, shipping happens at once (the parcel is on its
   * way); Undo is an operation of its own that puts the units back. */
  title = g_strdup_printf (_("Shipment %" PRId64 " shipped"), shipment_id);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "order.unmark-shipped");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (shipment_id));
  g_set_weak_pointer (&self->shipped_toast, toast);
  _bo_order_dialog_show_toast (self, toast);
}

static void
unmark_shipped_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (widget);
  gint64 shipment_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->shipped_toast != NULL)
    adw_toast_dismiss (self->shipped_toast);
  if (!bo_store_unmark_shipped (self->store, shipment_id, &error))
    {
      _bo_order_dialog_show_error (self, _("Could Not Undo the Shipment"), error);
      return;
    }
  title = g_strdup_printf (_("Shipment %" PRId64 " is packed again; its units are back on the shelf"),
                           shipment_id);
  _bo_order_dialog_show_toast (self, adw_toast_new (title));
}

static void
cancel_shipment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (widget);
  gint64 shipment_id = g_variant_get_int64 (parameter);
  g_autofree char *title = NULL;

  title = g_strdup_printf (_("Shipment %" PRId64 " cancelled; its units stay allocated"),
                           shipment_id);
  start_pending (self, BO_PENDING_CANCEL_SHIPMENT, shipment_id, 0, title);
}

/* ---- priority --------------------------------------------------------------- */

static void
set_priority_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!bo_store_set_order_priority (self->store, self->order_id, g_variant_get_int32 (parameter),
                                    NULL, &error))
    _bo_order_dialog_show_error (self, _("Could Not Change the Priority"), error);
}

/* ---- class ------------------------------------------------------------------ */

void
_bo_order_dialog_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "order.create-shipment", NULL,
                                   create_shipment_action);
  gtk_widget_class_install_action (widget_class, "order.shipment-confirm", NULL,
                                   shipment_confirm_action);
  gtk_widget_class_install_action (widget_class, "order.shipment-dismiss", NULL,
                                   shipment_dismiss_action);
  gtk_widget_class_install_action (widget_class, "order.mark-shipped", "x", mark_shipped_action);
  gtk_widget_class_install_action (widget_class, "order.unmark-shipped", "x", unmark_shipped_action);
  gtk_widget_class_install_action (widget_class, "order.cancel-shipment", "x",
                                   cancel_shipment_action);
  gtk_widget_class_install_action (widget_class, "order.cancel-quantity", "x",
                                   cancel_quantity_action);
  gtk_widget_class_install_action (widget_class, "order.cancel-confirm", NULL,
                                   cancel_confirm_action);
  gtk_widget_class_install_action (widget_class, "order.cancel-dismiss", NULL,
                                   cancel_dismiss_action);
  gtk_widget_class_install_action (widget_class, "order.set-priority", "i", set_priority_action);
  gtk_widget_class_install_action (widget_class, "order.undo", NULL, undo_action);
}
