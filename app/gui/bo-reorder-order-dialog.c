/* bo-reorder-order-dialog.c — adding a suggested quantity to a draft purchase order
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-reorder-order-dialog"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "bo-form.h"
#include "bo-format.h"
#include "bo-reorder-order-dialog.h"
#include "bo-window.h"

#define MAX_QUANTITY G_GINT64_CONSTANT (1000000000)

struct _BoReorderOrderDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *order_group;
  AdwComboRow         *supplier_row;
  AdwEntryRow         *quantity_row;
  GtkLabel            *quantity_error;

  /* owned */
  BoStore             *store;
  gint64               product_id;
  char                *sku;
  GArray              *supplier_ids;   /* gint64, as listed in supplier_row */
  gint64               quantity;
  gboolean             quantity_valid;
};

G_DEFINE_FINAL_TYPE (BoReorderOrderDialog, bo_reorder_order_dialog, ADW_TYPE_WINDOW)

static gint64
selected_supplier (BoReorderOrderDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->supplier_row);

  if (self->supplier_ids == NULL || selected >= self->supplier_ids->len)
    return 0;
  return g_array_index (self->supplier_ids, gint64, selected);
}

static void
validate (BoReorderOrderDialog *self)
{
  g_autofree char *reason = NULL;

  reason = bo_form_check_quantity (gtk_editable_get_text (GTK_EDITABLE (self->quantity_row)), 1,
                                   MAX_QUANTITY, _("how many units to order?"), &self->quantity);
  /* An untouched empty field is not marked, but is not good either. */
  bo_form_show_reason (GTK_WIDGET (self->quantity_row), self->quantity_error, reason);
  self->quantity_valid = reason == NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reorder-order.confirm",
                                 self->quantity_valid && selected_supplier (self) != 0);
}

static void
field_changed_cb (BoReorderOrderDialog *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self->quantity_row)) ||
      *gtk_editable_get_text (GTK_EDITABLE (self->quantity_row)) != '\0')
    bo_form_touch (GTK_WIDGET (self->quantity_row));
  validate (self);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BoReorderOrderDialog *self = BO_REORDER_ORDER_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(BoPurchaseOrder) po = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 po_id = 0;

  validate (self);
  if (!self->quantity_valid || selected_supplier (self) == 0)
    return;
  if (!bo_store_order_for_reorder (self->store, self->product_id, selected_supplier (self),
                                   self->quantity, &po_id, &error) ||
      (po = bo_store_get_po (self->store, po_id, &error)) == NULL)
    {
      bo_form_show_error (GTK_WINDOW (self), _("Could not add to a purchase order"), error);
      return;
    }
  if (BO_IS_WINDOW (parent))
    {
      g_autofree char *units = bo_format_quantity (self->quantity);
      /* Translators: units, a SKU, a purchase-order number */
      AdwToast *toast = adw_toast_new_format (_("%s × %s added to draft %s"), units, self->sku,
                                              po->number);

      bo_window_add_toast (BO_WINDOW (parent), toast);
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
bo_reorder_order_dialog_dispose (GObject *object)
{
  BoReorderOrderDialog *self = BO_REORDER_ORDER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_REORDER_ORDER_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->sku, g_free);
  g_clear_pointer (&self->supplier_ids, g_array_unref);

  G_OBJECT_CLASS (bo_reorder_order_dialog_parent_class)->dispose (object);
}

static void
bo_reorder_order_dialog_class_init (BoReorderOrderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bo_reorder_order_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/"
                                               "bo-reorder-order-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BoReorderOrderDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BoReorderOrderDialog, order_group);
  gtk_widget_class_bind_template_child (widget_class, BoReorderOrderDialog, supplier_row);
  gtk_widget_class_bind_template_child (widget_class, BoReorderOrderDialog, quantity_row);
  gtk_widget_class_bind_template_child (widget_class, BoReorderOrderDialog, quantity_error);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "reorder-order.confirm", NULL, confirm_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bo_reorder_order_dialog_init (BoReorderOrderDialog *self)
{
  self->supplier_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  bo_form_name_entry_rows (GTK_WIDGET (self));
}

/**
 * bo_reorder_order_dialog_new:
 * @parent: (nullable): the main window
 * @suggestion: the product's suggestion: its supplier and quantity come first
 *
 * Returns: (transfer none): a new dialog
 */
GtkWindow *
bo_reorder_order_dialog_new (GtkWindow                 *parent,
                             BoStore                   *store,
                             const BoReorderSuggestion *suggestion)
{
  BoReorderOrderDialog *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *quantity = NULL;
  guint selected = 0;
  gint64 units;

  g_return_val_if_fail (BO_IS_STORE (store), NULL);
  g_return_val_if_fail (suggestion != NULL, NULL);

  self = g_object_new (BO_TYPE_REORDER_ORDER_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->product_id = suggestion->product_id;
  self->sku = g_strdup (suggestion->sku);

  adw_window_title_set_subtitle (self->window_title, suggestion->sku);
  adw_preferences_group_set_title (self->order_group, suggestion->name);
  adw_preferences_group_set_description (self->order_group, suggestion->forecast->why);

  suppliers = bo_store_list_suppliers (store, &error);
  for (guint i = 0; suppliers != NULL && i < suppliers->len; i++)
    {
      const BoSupplier *supplier = g_ptr_array_index (suppliers, i);

      if (supplier->id == suggestion->supplier_id)
        selected = i;
      gtk_string_list_append (names, supplier->name);
      g_array_append_val (self->supplier_ids, supplier->id);
    }
  adw_combo_row_set_model (self->supplier_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->supplier_row, selected);
  if (suppliers == NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->supplier_row), error->message);
  else if (suppliers->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->supplier_row),
                                 _("There is no supplier yet: add one under Suppliers first."));

  /* The suggested quantity, else the supplier's minimum. */
  units = suggestion->forecast->order_qty > 0 ? suggestion->forecast->order_qty
                                              : suggestion->min_order_qty;
  quantity = g_strdup_printf ("%" PRId64, MAX (units, 1));
  gtk_editable_set_text (GTK_EDITABLE (self->quantity_row), quantity);
  validate (self);
  return GTK_WINDOW (self);
}
