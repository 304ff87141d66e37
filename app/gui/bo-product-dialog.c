/* bo-product-dialog.c — add or edit a product, its stock and its suppliers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The product's own fields are saved together by the Save button. Stock
 * adjustments and supplier links are operations of their own, done at once
 * (bo-product-dialog-stock.c, bo-product-dialog-suppliers.c): they need an
 * existing product, and the store records each of them.
 */
#define G_LOG_DOMAIN "bo-product-dialog"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include <backorders/bo-money.h>

#include "bo-form.h"
#include "bo-product-dialog-private.h"

G_DEFINE_FINAL_TYPE (BoProductDialog, bo_product_dialog, ADW_TYPE_WINDOW)

/* Positions in policy_row, in the order the merchant reads them. */
static const BoBackorderPolicy policy_by_position[] = {
  BO_BACKORDER_ALLOW,
  BO_BACKORDER_ALLOW_IF_INCOMING,
  BO_BACKORDER_DENY,
};

/* ---- helpers ---------------------------------------------------------------- */

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static guint
policy_position (BoBackorderPolicy policy)
{
  for (guint i = 0; i < G_N_ELEMENTS (policy_by_position); i++)
    if (policy_by_position[i] == policy)
      return i;
  return 0;
}

static char *
check_sku (BoProductDialog *self,
           const char      *sku)
{
  g_autoptr(BoProduct) other = NULL;
  char *reason;
  gunichar forbidden;

  if ((reason = bo_form_check_text (sku, TRUE, 100, _("required"))) != NULL)
    return reason;
  other = bo_store_find_product (self->store, sku, NULL);
  if (other != NULL && other->id != self->product_id)
    return g_strdup_printf (_("already used by “%s”"), other->name);
  /* The same rule as the store's, so that `--line SKU:QTY@PRICE` can name
   * it; like the store, a product keeps a SKU it had before the rule. */
  forbidden = other == NULL ? bo_sku_find_forbidden (sku) : 0;
  if (forbidden != 0 && g_unichar_isspace (forbidden))
    return g_strdup (_("cannot hold spaces"));
  if (forbidden != 0)
    return g_strdup_printf (_("cannot hold “%c”"), (int) forbidden);
  return NULL;
}

/* Checks the product's own fields; fills @product when given. */
static gboolean
validate_form (BoProductDialog *self,
               BoProduct       *product)
{
  g_autofree char *sku_reason = check_sku (self, row_text (self->sku_row));
  g_autofree char *name_reason = bo_form_check_text (row_text (self->name_row), TRUE, 500,
                                                     _("required"));
  g_autofree char *location_reason = bo_form_check_text (row_text (self->location_row), FALSE, 100,
                                                         NULL);
  g_autofree char *price_reason = NULL;
  g_autofree char *cost_reason = NULL;
  g_autofree char *stock_reason = NULL;
  g_autofree char *point_reason = NULL;
  g_autofree char *qty_reason = NULL;
  gint64 price, cost, stock = 0, point, qty;
  gboolean valid = TRUE;

  price_reason = bo_form_check_money (row_text (self->price_row), self->currency, TRUE,
                                      _("required"), &price);
  cost_reason = bo_form_check_money (row_text (self->cost_row), self->currency, FALSE, NULL,
                                     &cost);
  if (self->product_id == 0)
    stock_reason = bo_form_check_quantity (row_text (self->initial_stock_row), 0, BO_QUANTITY_MAX,
                                           _("required"), &stock);
  point_reason = bo_form_check_quantity (row_text (self->reorder_point_row), 0, BO_QUANTITY_MAX,
                                         _("required"), &point);
  qty_reason = bo_form_check_quantity (row_text (self->reorder_qty_row), 0, BO_QUANTITY_MAX,
                                       _("required"), &qty);

  valid &= bo_form_show_reason (GTK_WIDGET (self->sku_row), self->sku_error, sku_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->name_row), self->name_error, name_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->price_row), self->price_error, price_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->cost_row), self->cost_error, cost_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->location_row), self->location_error,
                                location_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->initial_stock_row), self->initial_stock_error,
                                stock_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->reorder_point_row), self->reorder_point_error,
                                point_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->reorder_qty_row), self->reorder_qty_error,
                                qty_reason);

  if (valid && product != NULL)
    {
      guint position = adw_combo_row_get_selected (self->policy_row);

      g_free (product->sku);
      product->sku = g_strdup (row_text (self->sku_row));
      g_free (product->name);
      product->name = g_strstrip (g_strdup (row_text (self->name_row)));
      g_free (product->location);
      product->location = g_strstrip (g_strdup (row_text (self->location_row)));
      product->price = price;
      product->cost = cost;
      if (self->product_id == 0)
        product->on_hand = stock;
      product->reorder_point = point;
      product->reorder_qty = qty;
      position = MIN (position, G_N_ELEMENTS (policy_by_position) - 1);
      product->backorder_policy = policy_by_position[position];
      product->drop_ship = gtk_switch_get_active (self->drop_ship_switch);
      product->discontinued = gtk_switch_get_active (self->discontinued_switch);
    }
  return valid;
}

static void
validate (BoProductDialog *self)
{
  self->form_valid = validate_form (self, NULL);
  self->adjust_valid = _bo_product_dialog_validate_adjust (self);
  self->link_valid = _bo_product_dialog_validate_link (self);
  _bo_product_dialog_update_actions (self);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
show_product (BoProductDialog *self,
              const BoProduct *product)
{
  g_autofree char *price = bo_form_money_text (product->price, self->currency);
  g_autofree char *cost = bo_form_money_text (product->cost, self->currency);
  g_autofree char *point = g_strdup_printf ("%" PRId64, product->reorder_point);
  g_autofree char *qty = g_strdup_printf ("%" PRId64, product->reorder_qty);

  self->loading = TRUE;
  set_row_text (self->sku_row, product->sku);
  set_row_text (self->name_row, product->name);
  set_row_text (self->price_row, self->product_id != 0 ? price : "");
  set_row_text (self->cost_row, cost);
  set_row_text (self->location_row, product->location);
  set_row_text (self->reorder_point_row, point);
  set_row_text (self->reorder_qty_row, qty);
  set_row_text (self->initial_stock_row, "0");
  adw_combo_row_set_selected (self->policy_row, policy_position (product->backorder_policy));
  gtk_switch_set_active (self->drop_ship_switch, product->drop_ship);
  gtk_switch_set_active (self->discontinued_switch, product->discontinued);
  self->loading = FALSE;
}

/* ---- callbacks -------------------------------------------------------------- */

static void
field_changed_cb (BoProductDialog *self,
                  GtkWidget       *field)
{
  if (self->loading)
    return;
  if (GTK_IS_EDITABLE (field))
    bo_form_touch (field);
  validate (self);
}

static void
store_changed_cb (BoStore         *store,
                  BoProductDialog *self)
{
  /* Another part of the window, or another program, changed the shop: the
   * read-only figures and lists follow; what the merchant typed stays. */
  if (self->product_id != 0)
    {
      BoProduct *fresh = bo_store_get_product (self->store, self->product_id, NULL);

      if (fresh != NULL)
        {
          g_clear_pointer (&self->product, bo_product_free);
          self->product = fresh;
        }
    }
  _bo_product_dialog_show_stock (self);
  _bo_product_dialog_show_suppliers (self);
  validate (self);
}

/* ---- actions ---------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BoProductDialog *self = BO_PRODUCT_DIALOG (widget);
  g_autoptr(BoProduct) product = self->product != NULL ? bo_product_copy (self->product)
                                                       : bo_product_new ();
  g_autoptr(GError) error = NULL;

  /* Another program may have taken the SKU since the last keystroke. */
  validate (self);
  if (!self->form_valid || !validate_form (self, product))
    return;
  if (!bo_store_save_product (self->store, product, &error))
    {
      bo_form_show_error (GTK_WINDOW (self),
                          self->product_id == 0 ? _("Could not add the product")
                                                : _("Could not save the product"),
                          error);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- GObject ---------------------------------------------------------------- */

static gboolean
bo_product_dialog_close_request (GtkWindow *window)
{
  /* Removals still showing their Undo toast happen now. */
  _bo_product_dialog_commit_unlinks (BO_PRODUCT_DIALOG (window), TRUE);
  return GTK_WINDOW_CLASS (bo_product_dialog_parent_class)->close_request (window);
}

static void
bo_product_dialog_dispose (GObject *object)
{
  BoProductDialog *self = BO_PRODUCT_DIALOG (object);

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      _bo_product_dialog_commit_unlinks (self, FALSE);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_PRODUCT_DIALOG);
  g_clear_pointer (&self->link_rows, g_ptr_array_unref);
  g_clear_pointer (&self->movement_rows, g_ptr_array_unref);
  g_clear_object (&self->toast);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bo_product_dialog_parent_class)->dispose (object);
}

static void
bo_product_dialog_finalize (GObject *object)
{
  BoProductDialog *self = BO_PRODUCT_DIALOG (object);

  g_clear_pointer (&self->product, bo_product_free);
  g_clear_pointer (&self->supplier_ids, g_array_unref);
  g_clear_pointer (&self->pending_unlinks, g_ptr_array_unref);
  g_free (self->currency);

  G_OBJECT_CLASS (bo_product_dialog_parent_class)->finalize (object);
}

static void
bo_product_dialog_class_init (BoProductDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bo_product_dialog_dispose;
  object_class->finalize = bo_product_dialog_finalize;
  window_class->close_request = bo_product_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-product-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, sku_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, price_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, cost_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, price_currency);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, cost_currency);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, sku_error);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, price_error);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, cost_error);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, location_error);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, policy_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, reorder_point_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, reorder_qty_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, reorder_point_error);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, reorder_qty_error);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, drop_ship_switch);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, discontinued_switch);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, stock_group);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, initial_stock_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, initial_stock_error);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, on_hand_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, allocated_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, backordered_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, incoming_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, on_hand_label);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, allocated_label);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, backordered_label);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, incoming_label);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, adjust_group);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, delta_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, delta_error);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, note_error);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, history_group);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, movements_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, suppliers_group);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, link_group);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, link_supplier_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, link_sku_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, link_cost_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, link_lead_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, link_moq_row);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, link_preferred_switch);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, link_supplier_error);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, link_sku_error);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, link_cost_error);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, link_lead_error);
  gtk_widget_class_bind_template_child (widget_class, BoProductDialog, link_moq_error);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "product.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  _bo_product_dialog_stock_class_init (widget_class);
  _bo_product_dialog_suppliers_class_init (widget_class);
}

static void
bo_product_dialog_init (BoProductDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bo_form_name_entry_rows (GTK_WIDGET (self));

  self->link_rows = g_ptr_array_new ();
  self->movement_rows = g_ptr_array_new ();
  self->supplier_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* ---- internal --------------------------------------------------------------- */

/* Sets the enabled state of every action of the dialog. */
void
_bo_product_dialog_update_actions (BoProductDialog *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean existing = self->product_id != 0;
  gboolean adjusting = gtk_widget_get_visible (GTK_WIDGET (self->adjust_group));
  gboolean linking = gtk_widget_get_visible (GTK_WIDGET (self->link_group));

  gtk_widget_action_set_enabled (widget, "product.save", self->form_valid);
  bo_form_explain_disabled (GTK_WIDGET (self->save_button), self->sku_row, self->name_row,
                            self->price_row, self->cost_row, self->location_row,
                            self->initial_stock_row, self->reorder_point_row,
                            self->reorder_qty_row, NULL);
  gtk_widget_action_set_enabled (widget, "product.show-adjust", existing && !adjusting);
  gtk_widget_action_set_enabled (widget, "product.hide-adjust", adjusting);
  gtk_widget_action_set_enabled (widget, "product.adjust-stock",
                                 existing && adjusting && self->adjust_valid);
  gtk_widget_action_set_enabled (widget, "product.show-link", existing && !linking);
  gtk_widget_action_set_enabled (widget, "product.hide-link", linking);
  gtk_widget_action_set_enabled (widget, "product.link-supplier",
                                 existing && linking && self->link_valid);
  gtk_widget_action_set_enabled (widget, "product.remove-supplier", existing);
  gtk_widget_action_set_enabled (widget, "product.undo-remove-supplier",
                                 self->pending_unlinks != NULL && self->pending_unlinks->len > 0);
}

/* Shows @toast (transfer full) at once: the one before goes away, and
 * a removal waiting for Undo happens then. */
void
_bo_product_dialog_add_toast (BoProductDialog *self,
                              AdwToast        *toast)
{
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_set_object (&self->toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- public ----------------------------------------------------------------- */

/**
 * bo_product_dialog_new:
 * @parent: (nullable): the main window
 * @product_id: the product to edit, or 0 for a new one
 *
 * Returns: (transfer none): the dialog, not yet shown; it destroys itself
 *   when closed
 */
GtkWindow *
bo_product_dialog_new (GtkWindow *parent,
                       BoStore   *store,
                       gint64     product_id)
{
  BoProductDialog *self;
  g_autoptr(BoProduct) fresh = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  self = g_object_new (BO_TYPE_PRODUCT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  self->currency = bo_store_get_setting (store, "currency");
  gtk_label_set_text (self->price_currency, self->currency != NULL ? self->currency : "");
  gtk_label_set_text (self->cost_currency, self->currency != NULL ? self->currency : "");

  if (product_id != 0 && (self->product = bo_store_get_product (store, product_id, &error)) == NULL)
    {
      /* No such product (any more): offer a new one rather than an empty
       * edit, and say why. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      _bo_product_dialog_add_toast (self, adw_toast_new (escaped));
      product_id = 0;
    }
  self->product_id = product_id;
  if (self->product != NULL)
    {
      adw_window_title_set_title (self->window_title, _("Edit Product"));
      adw_window_title_set_subtitle (self->window_title, self->product->sku);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Product"));
      show_product (self, self->product);
    }
  else
    {
      fresh = bo_product_new ();
      adw_window_title_set_title (self->window_title, _("New Product"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Product"));
      show_product (self, fresh);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->initial_stock_row), product_id == 0);

  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  _bo_product_dialog_show_stock (self);
  _bo_product_dialog_show_suppliers (self);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (product_id == 0 ? self->sku_row : self->name_row));
  return GTK_WINDOW (self);
}
