/* bo-product-dialog-suppliers.c — the product dialog's suppliers: links, adding, removing
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Removing a link is destructive, so it waits: the row disappears and a
 * toast offers Undo; the store forgets the link only when the toast goes
 * away without Undo, or when the dialog closes.
 */
#define G_LOG_DOMAIN "bo-product-dialog"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include <backorders/bo-money.h>

#include "bo-form.h"
#include "bo-format.h"
#include "bo-product-dialog-private.h"

typedef struct
{
  BoProductDialog *self;          /* borrowed */
  gint64           supplier_id;
  char            *supplier_name;
  AdwToast        *toast;
  gulong           dismissed_id;
  gboolean         undone;
} PendingUnlink;

/* ---- helpers ---------------------------------------------------------------- */

static void
pending_unlink_free (gpointer data)
{
  PendingUnlink *pending = data;

  if (pending->toast != NULL)
    g_clear_signal_handler (&pending->dismissed_id, pending->toast);
  g_clear_object (&pending->toast);
  g_free (pending->supplier_name);
  g_free (pending);
}

static PendingUnlink *
find_pending (BoProductDialog *self,
              gint64           supplier_id)
{
  for (guint i = 0; self->pending_unlinks != NULL && i < self->pending_unlinks->len; i++)
    {
      PendingUnlink *pending = g_ptr_array_index (self->pending_unlinks, i);

      if (pending->supplier_id == supplier_id && !pending->undone)
        return pending;
    }
  return NULL;
}

static char *
link_details (BoProductDialog         *self,
              const BoProductSupplier *link)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *moq = bo_format_quantity (link->min_order_qty);

  if (link->supplier_sku != NULL && *link->supplier_sku != '\0')
    g_ptr_array_add (parts, g_strdup_printf (_("Their SKU %s"), link->supplier_sku));
  if (link->cost >= 0)
    {
      g_autofree char *cost = bo_format_money (link->cost, self->currency);
      g_ptr_array_add (parts, g_strdup_printf (_("Cost %s"), cost));
    }
  else
    g_ptr_array_add (parts, g_strdup (_("Product’s cost")));
  if (link->lead_days >= 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d day lead time", "%d days lead time",
                                                       link->lead_days), link->lead_days));
  else
    g_ptr_array_add (parts, g_strdup (_("Supplier’s lead time")));
  g_ptr_array_add (parts, g_strdup_printf (_("Minimum order %s"), moq));
  g_ptr_array_add (parts, NULL);
  /* Translators: separates the details of a supplier link */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static GtkWidget *
link_row_new (BoProductDialog         *self,
              const BoProductSupplier *link)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *details = link_details (self, link);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), link->supplier_name);
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), link->supplier_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  if (link->preferred)
    {
      GtkWidget *badge = gtk_label_new (_("Preferred"));

      gtk_widget_add_css_class (badge, "accent");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Supplier"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "product.remove-supplier");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (link->supplier_id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_widget_set_name (row, link->supplier_name);
  return row;
}

static void
show_links (BoProductDialog *self)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  guint shown = 0;

  for (guint i = 0; i < self->link_rows->len; i++)
    adw_preferences_group_remove (self->suppliers_group, g_ptr_array_index (self->link_rows, i));
  g_ptr_array_set_size (self->link_rows, 0);

  gtk_widget_set_visible (adw_preferences_group_get_header_suffix (self->suppliers_group),
                          self->product_id != 0);
  if (self->product_id == 0)
    {
      adw_preferences_group_set_description (
        self->suppliers_group, _("Save the product first; then link the suppliers that sell it."));
      return;
    }
  links = bo_store_list_product_suppliers (self->store, self->product_id, &error);
  if (links == NULL)
    {
      adw_preferences_group_set_description (self->suppliers_group, error->message);
      return;
    }
  for (guint i = 0; i < links->len; i++)
    {
      const BoProductSupplier *link = g_ptr_array_index (links, i);
      GtkWidget *row;

      if (find_pending (self, link->supplier_id) != NULL)
        continue;
      row = link_row_new (self, link);
      adw_preferences_group_add (self->suppliers_group, row);
      g_ptr_array_add (self->link_rows, row);
      shown++;
    }
  adw_preferences_group_set_description (self->suppliers_group,
                                         shown == 0 ? _("No supplier is linked yet. A linked "
                                                        "supplier gives purchase orders their cost "
                                                        "and lead time.")
                                                    : NULL);
}

/* Fills the supplier choice of the link form, keeping what was chosen. */
static void
show_supplier_choice (BoProductDialog *self)
{
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint position = adw_combo_row_get_selected (self->link_supplier_row);
  gint64 chosen = position < self->supplier_ids->len
                    ? g_array_index (self->supplier_ids, gint64, position) : 0;
  guint select = GTK_INVALID_LIST_POSITION;

  g_array_set_size (self->supplier_ids, 0);
  suppliers = bo_store_list_suppliers (self->store, NULL);
  for (guint i = 0; suppliers != NULL && i < suppliers->len; i++)
    {
      const BoSupplier *supplier = g_ptr_array_index (suppliers, i);

      gtk_string_list_append (names, supplier->name);
      g_array_append_val (self->supplier_ids, supplier->id);
      if (supplier->id == chosen)
        select = i;
    }
  self->loading = TRUE;
  adw_combo_row_set_model (self->link_supplier_row, G_LIST_MODEL (names));
  if (select != GTK_INVALID_LIST_POSITION || self->supplier_ids->len == 0)
    adw_combo_row_set_selected (self->link_supplier_row, select);
  self->loading = FALSE;
}

static void
clear_link_form (BoProductDialog *self)
{
  self->loading = TRUE;
  bo_form_reset (GTK_WIDGET (self->link_sku_row), NULL);
  bo_form_reset (GTK_WIDGET (self->link_cost_row), NULL);
  bo_form_reset (GTK_WIDGET (self->link_lead_row), NULL);
  bo_form_reset (GTK_WIDGET (self->link_moq_row), "1");
  gtk_switch_set_active (self->link_preferred_switch, FALSE);
  self->loading = FALSE;
}

static void
refresh (BoProductDialog *self)
{
  show_links (self);
  self->link_valid = _bo_product_dialog_validate_link (self);
  _bo_product_dialog_update_actions (self);
}

static gboolean
unlink_now (BoProductDialog *self,
            gint64           supplier_id,
            GError         **error)
{
  return bo_store_unlink_supplier (self->store, self->product_id, supplier_id, error);
}

/* ---- callbacks -------------------------------------------------------------- */

static void
unlink_dismissed_cb (AdwToast      *toast,
                     PendingUnlink *pending)
{
  BoProductDialog *self = pending->self;
  gint64 supplier_id = pending->supplier_id;
  gboolean undone = pending->undone;
  g_autoptr(GError) error = NULL;

  g_ptr_array_remove (self->pending_unlinks, pending);
  if (!undone && !unlink_now (self, supplier_id, &error))
    bo_form_show_error (GTK_WINDOW (self), _("Could not remove the supplier"), error);
  refresh (self);
}

static gboolean
dismiss_idle_cb (gpointer data)
{
  adw_toast_dismiss (ADW_TOAST (data));
  return G_SOURCE_REMOVE;
}

/* ---- actions ---------------------------------------------------------------- */

static void
show_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BoProductDialog *self = BO_PRODUCT_DIALOG (widget);

  clear_link_form (self);
  gtk_widget_set_visible (GTK_WIDGET (self->link_group), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->link_supplier_row));
  refresh (self);
}

static void
hide_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BoProductDialog *self = BO_PRODUCT_DIALOG (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->link_group), FALSE);
  clear_link_form (self);
  refresh (self);
}

static void
link_supplier_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BoProductDialog *self = BO_PRODUCT_DIALOG (widget);
  g_autoptr(BoProductSupplier) link = bo_product_supplier_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  GtkStringObject *item;

  if (self->product_id == 0 || !_bo_product_dialog_validate_link (self))
    return;
  link->product_id = self->product_id;
  /* The form was checked just above: these parse. */
  link->supplier_id = g_array_index (self->supplier_ids, gint64,
                                     adw_combo_row_get_selected (self->link_supplier_row));
  link->supplier_sku = g_strstrip (g_strdup (gtk_editable_get_text (
                                     GTK_EDITABLE (self->link_sku_row))));
  g_free (bo_form_check_money (gtk_editable_get_text (GTK_EDITABLE (self->link_cost_row)),
                               self->currency, FALSE, NULL, &link->cost));
  if (*gtk_editable_get_text (GTK_EDITABLE (self->link_cost_row)) == '\0')
    link->cost = -1;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->link_lead_row)) == '\0')
    link->lead_days = -1;
  else
    {
      gint64 days;

      g_free (bo_form_check_quantity (gtk_editable_get_text (GTK_EDITABLE (self->link_lead_row)),
                                      0, 365, NULL, &days));
      link->lead_days = (gint) days;
    }
  g_free (bo_form_check_quantity (gtk_editable_get_text (GTK_EDITABLE (self->link_moq_row)), 1,
                                  BO_QUANTITY_MAX, NULL, &link->min_order_qty));
  link->preferred = gtk_switch_get_active (self->link_preferred_switch);

  if (!bo_store_link_supplier (self->store, link, &error))
    {
      bo_form_show_error (GTK_WINDOW (self), _("Could not link the supplier"), error);
      return;
    }
  item = adw_combo_row_get_selected_item (self->link_supplier_row);
  escaped = g_markup_escape_text (item != NULL ? gtk_string_object_get_string (item) : "", -1);
  title = g_strdup_printf (_("%s linked"), escaped);
  gtk_widget_set_visible (GTK_WIDGET (self->link_group), FALSE);
  clear_link_form (self);
  refresh (self);
  _bo_product_dialog_add_toast (self, adw_toast_new (title));
}

static void
remove_supplier_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BoProductDialog *self = BO_PRODUCT_DIALOG (widget);
  gint64 supplier_id = g_variant_get_int64 (parameter);
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  PendingUnlink *pending;

  if (self->product_id == 0 || find_pending (self, supplier_id) != NULL)
    return;
  pending = g_new0 (PendingUnlink, 1);
  pending->self = self;
  pending->supplier_id = supplier_id;
  links = bo_store_list_product_suppliers (self->store, self->product_id, NULL);
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const BoProductSupplier *link = g_ptr_array_index (links, i);

      if (link->supplier_id == supplier_id)
        pending->supplier_name = g_strdup (link->supplier_name);
    }
  escaped = g_markup_escape_text (pending->supplier_name != NULL ? pending->supplier_name : "", -1);
  title = g_strdup_printf (_("%s removed"), escaped);
  pending->toast = adw_toast_new (title);
  adw_toast_set_button_label (pending->toast, _("_Undo"));
  adw_toast_set_action_name (pending->toast, "product.undo-remove-supplier");
  adw_toast_set_action_target_value (pending->toast, g_variant_new_int64 (supplier_id));
  pending->dismissed_id = g_signal_connect (pending->toast, "dismissed",
                                            G_CALLBACK (unlink_dismissed_cb), pending);
  g_ptr_array_add (self->pending_unlinks, pending);

  _bo_product_dialog_add_toast (self, g_object_ref (pending->toast));
  refresh (self);
}

static void
undo_remove_supplier_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  BoProductDialog *self = BO_PRODUCT_DIALOG (widget);
  PendingUnlink *pending = find_pending (self, g_variant_get_int64 (parameter));

  if (pending == NULL)
    return;
  pending->undone = TRUE;
  refresh (self);
  /* The toast's own button dismisses it too; from elsewhere (a shortcut),
   * it must go. Later, so as not to pull it away under its own click. */
  g_idle_add_full (G_PRIORITY_DEFAULT, dismiss_idle_cb, g_object_ref (pending->toast),
                   g_object_unref);
}

/* ---- internal --------------------------------------------------------------- */

void
_bo_product_dialog_suppliers_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "product.show-link", NULL, show_link_action);
  gtk_widget_class_install_action (widget_class, "product.hide-link", NULL, hide_link_action);
  gtk_widget_class_install_action (widget_class, "product.link-supplier", NULL,
                                   link_supplier_action);
  gtk_widget_class_install_action (widget_class, "product.remove-supplier", "x",
                                   remove_supplier_action);
  gtk_widget_class_install_action (widget_class, "product.undo-remove-supplier", "x",
                                   undo_remove_supplier_action);
}

/* Shows the product's links, and the suppliers the form can link. */
void
_bo_product_dialog_show_suppliers (BoProductDialog *self)
{
  if (self->pending_unlinks == NULL)
    self->pending_unlinks = g_ptr_array_new_with_free_func (pending_unlink_free);
  show_links (self);
  show_supplier_choice (self);
}

/* Checks the link form. */
gboolean
_bo_product_dialog_validate_link (BoProductDialog *self)
{
  guint position = adw_combo_row_get_selected (self->link_supplier_row);
  const char *supplier_reason = NULL;
  g_autofree char *sku_reason = NULL;
  g_autofree char *cost_reason = NULL;
  g_autofree char *lead_reason = NULL;
  g_autofree char *moq_reason = NULL;
  const char *lead = gtk_editable_get_text (GTK_EDITABLE (self->link_lead_row));
  gint64 value;
  gboolean valid = TRUE;

  if (self->supplier_ids->len == 0)
    supplier_reason = _("there is no supplier yet; add one in the Suppliers view");
  else if (position >= self->supplier_ids->len)
    supplier_reason = _("required");
  sku_reason = bo_form_check_text (gtk_editable_get_text (GTK_EDITABLE (self->link_sku_row)), FALSE,
                                   100, NULL);
  cost_reason = bo_form_check_money (gtk_editable_get_text (GTK_EDITABLE (self->link_cost_row)),
                                     self->currency, FALSE, NULL, &value);
  if (*lead != '\0')
    lead_reason = bo_form_check_quantity (lead, 0, 365, NULL, &value);
  moq_reason = bo_form_check_quantity (gtk_editable_get_text (GTK_EDITABLE (self->link_moq_row)), 1,
                                       BO_QUANTITY_MAX, _("required"), &value);

  valid &= bo_form_show_reason (GTK_WIDGET (self->link_supplier_row), self->link_supplier_error,
                                supplier_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->link_sku_row), self->link_sku_error, sku_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->link_cost_row), self->link_cost_error,
                                cost_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->link_lead_row), self->link_lead_error,
                                lead_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->link_moq_row), self->link_moq_error, moq_reason);
  return valid;
}

/**
 * _bo_product_dialog_commit_unlinks:
 * @report: tell the merchant when the store refuses (the dialog still shows)
 *
 * Removes now the links whose Undo toast is still showing.
 */
void
_bo_product_dialog_commit_unlinks (BoProductDialog *self,
                                   gboolean         report)
{
  g_autoptr(GPtrArray) pending = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->pending_unlinks == NULL || self->pending_unlinks->len == 0)
    return;
  /* Take them all first: each removal notifies the store's listeners. */
  pending = g_steal_pointer (&self->pending_unlinks);
  self->pending_unlinks = g_ptr_array_new_with_free_func (pending_unlink_free);
  for (guint i = 0; i < pending->len; i++)
    {
      PendingUnlink *p = g_ptr_array_index (pending, i);
      g_autoptr(GError) error = NULL;

      g_clear_signal_handler (&p->dismissed_id, p->toast);
      if (p->undone || unlink_now (self, p->supplier_id, &error))
        continue;
      if (report)
        bo_form_show_error (parent != NULL ? parent : GTK_WINDOW (self),
                            _("Could not remove the supplier"), error);
      else
        g_debug ("Could not remove supplier %" PRId64 ": %s", p->supplier_id,
                 error->message);
    }
}
