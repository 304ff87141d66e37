/* bo-new-order-dialog.c — typing in an order, seeing what each line will get
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merchant picks the customer (suggested from a few matches, never from
 * the whole customer list), sets the order's options and types lines; each
 * line says at once what placing the order would do with it (see
 * bo-new-order-dialog-lines.c). Placing is one call to the store.
 */
#define G_LOG_DOMAIN "bo-new-order-dialog"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "backorders/bo-error.h"
#include "bo-customer-dialog.h"
#include "bo-form.h"
#include "bo-new-order-dialog-private.h"
#include "bo-window.h"

G_DEFINE_FINAL_TYPE (BoNewOrderDialog, bo_new_order_dialog, ADW_TYPE_WINDOW)

#define SUGGESTION_LIMIT 8

/* ---- helpers ---------------------------------------------------------------- */

/* The customer row says what is wrong with the name typed (@reason, marked
 * in the row) or how to finish it (@hint, shown at the foot, not an error). */
static void
show_customer_problem (BoNewOrderDialog *self,
                       const char       *reason,
                       const char       *hint)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->customer_row));

  g_free (self->customer_hint);
  self->customer_hint = g_strdup (hint);
  if (reason == NULL && hint == NULL && self->customer == NULL && *text == '\0')
    reason = _("required");
  bo_form_show_reason (GTK_WIDGET (self->customer_row), NULL, reason);
  _bo_new_order_dialog_update_actions (self);
}

static gboolean
lines_are_valid (BoNewOrderDialog *self)
{
  guint complete = 0;

  for (guint i = 0; i < self->lines->len; i++)
    {
      const BoNewOrderLine *line = g_ptr_array_index (self->lines, i);

      if (line->blank)
        continue;
      if (line->problem || line->refused)
        return FALSE;
      complete++;
    }
  return complete > 0;
}

/* Neither the customer nor the number holds the order back: say what does,
 * at the foot, as bo_form_explain_disabled() does for the fields. */
static void
show_lines_status (BoNewOrderDialog *self)
{
  const char *text = NULL;
  gboolean complete = FALSE;

  if (self->customer_hint != NULL)
    text = self->customer_hint;
  for (guint i = 0; text == NULL && i < self->lines->len; i++)
    {
      const BoNewOrderLine *line = g_ptr_array_index (self->lines, i);

      if (line->blank)
        continue;
      if (line->problem || line->refused)
        text = _("A line holds the order back: see what it says under it");
      else
        complete = TRUE;
    }
  if (text == NULL && !complete)
    text = _("Add a line with a SKU and a quantity to place the order");
  if (text == NULL)
    return;
  gtk_label_set_text (self->status_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
}

static gboolean
can_place (BoNewOrderDialog *self)
{
  return self->store != NULL && self->customer != NULL && self->number_ok && self->preview_ok &&
         self->preview_source == 0 && lines_are_valid (self);
}

void
_bo_new_order_dialog_update_actions (BoNewOrderDialog *self)
{
  gboolean placeable = can_place (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.place", placeable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.remove-line", self->lines->len > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.add-line", self->store != NULL);
  bo_form_explain_disabled (self->place_button, self->customer_row, self->number_row, NULL);
  if (!placeable && *gtk_label_get_text (self->status_label) == '\0')
    show_lines_status (self);
}

/* What the group says about the chosen customer. */
static void
show_customer (BoNewOrderDialog *self)
{
  const BoCustomer *c = self->customer;
  g_autofree char *details = NULL;
  g_autofree char *tier = NULL;

  if (c == NULL)
    {
      adw_preferences_group_set_description (self->customer_group, NULL);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->priority_row),
                                  _("Higher tiers are served first when stock is short"));
      return;
    }
  if (c->email != NULL && *c->email != '\0')
    details = g_strdup_printf (_("%s · tier %d · %s"), c->email, c->tier,
                               c->ship_complete ? _("ships complete") : _("takes partial shipments"));
  else
    details = g_strdup_printf (_("Tier %d · %s"), c->tier,
                               c->ship_complete ? _("ships complete") : _("takes partial shipments"));
  adw_preferences_group_set_description (self->customer_group, details);
  tier = g_strdup_printf (_("The customer’s tier is %d; higher tiers are served first"), c->tier);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->priority_row), tier);
}

static void
set_customer (BoNewOrderDialog *self,
              BoCustomer       *customer)
{
  g_clear_pointer (&self->customer, bo_customer_free);
  self->customer = customer;
  if (customer != NULL && !self->ship_complete_chosen)
    {
      self->setting_fields = TRUE;
      gtk_switch_set_active (self->ship_complete_switch, customer->ship_complete);
      self->setting_fields = FALSE;
    }
  show_customer (self);
  _bo_new_order_dialog_queue_preview (self);
}

/* What tells a customer from another of the same name: the email address,
 * the city (the address's last line) and the customer number. */
static char *
customer_details (const BoCustomer *c)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (c->email != NULL && *c->email != '\0')
    g_ptr_array_add (parts, g_strdup (c->email));
  if (c->address != NULL && *c->address != '\0')
    {
      g_auto(GStrv) lines = g_strsplit (c->address, "\n", -1);

      for (guint i = g_strv_length (lines); i > 0; i--)
        if (*g_strstrip (lines[i - 1]) != '\0')
          {
            g_ptr_array_add (parts, g_strdup (lines[i - 1]));
            break;
          }
    }
  g_ptr_array_add (parts, g_strdup_printf (_("customer no. %" PRId64), c->id));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* Returns: the number of suggestions */
static guint
update_customer_suggestions (BoNewOrderDialog *self,
                             const char       *text)
{
  g_autoptr(GPtrArray) customers = NULL;

  bo_suggestion_popover_remove_all (self->customer_suggestions);
  if (*text != '\0' && self->customer == NULL)
    customers = bo_store_list_customers (self->store, text, "name", 0, SUGGESTION_LIMIT, NULL);
  for (guint i = 0; customers != NULL && i < customers->len; i++)
    {
      const BoCustomer *c = g_ptr_array_index (customers, i);
      g_autofree char *details = customer_details (c);

      bo_suggestion_popover_append (self->customer_suggestions, c->id, c->name, c->name, details);
    }
  bo_suggestion_popover_update (self->customer_suggestions);
  return bo_suggestion_popover_get_n_items (self->customer_suggestions);
}

/* ---- callbacks -------------------------------------------------------------- */

static void
customer_changed_cb (BoNewOrderDialog *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  BoCustomer *customer = NULL;

  if (self->store == NULL || self->setting_fields)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->customer_row))));
  if (*text != '\0')
    customer = bo_store_find_customer (self->store, text, &error);
  set_customer (self, customer);
  if (update_customer_suggestions (self, text) > 0 &&
      g_error_matches (error, BO_ERROR, BO_ERROR_NOT_FOUND))
    {
      /* Half a name is not wrong yet: the suggestions finish it. */
      show_customer_problem (self, NULL,
                             _("Choose one of the suggested customers, or type a whole name or "
                               "email"));
    }
  else if (customer == NULL && error != NULL && bo_suggestion_popover_get_n_items (self->customer_suggestions) > 1)
    {
      g_autofree char *hint = NULL;

      /* Same name, several customers: the suggestions tell them apart. */
      hint = g_strdup_printf (_("Several customers are called “%s”: choose one of the "
                                "suggestions, listed with their email, city and number"), text);
      show_customer_problem (self, NULL, hint);
    }
  else if (*text != '\0' && customer == NULL)
    show_customer_problem (self, error->message, NULL);
  else
    show_customer_problem (self, NULL, NULL);
}

static void
customer_picked_cb (BoNewOrderDialog *self,
                    gint64            id,
                    const char       *value)
{
  g_autoptr(GError) error = NULL;
  BoCustomer *customer = bo_store_get_customer (self->store, id, &error);

  if (customer == NULL)
    {
      show_customer_problem (self, error->message, NULL);
      return;
    }
  /* Two customers may share a name: the one picked is the one meant. */
  self->setting_fields = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->customer_row), customer->name);
  gtk_editable_set_position (GTK_EDITABLE (self->customer_row), -1);
  self->setting_fields = FALSE;
  set_customer (self, customer);
  show_customer_problem (self, NULL, NULL);
}

static void
customer_saved_cb (BoNewOrderDialog *self,
                   gint64            customer_id)
{
  customer_picked_cb (self, customer_id, NULL);
}

/* A customer who is not in the shop yet is added from here: the order typed
 * so far stays as it is, and the new customer is the one it is for. */
static void
new_customer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BoNewOrderDialog *self = BO_NEW_ORDER_DIALOG (widget);
  GtkWindow *dialog;

  if (self->store == NULL)
    return;
  dialog = bo_customer_dialog_new (GTK_WINDOW (self), self->store, 0);
  if (self->customer == NULL)
    bo_customer_dialog_set_typed (BO_CUSTOMER_DIALOG (dialog),
                                  gtk_editable_get_text (GTK_EDITABLE (self->customer_row)));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (customer_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
number_changed_cb (BoNewOrderDialog *self)
{
  if (self->store == NULL)
    return;
  _bo_new_order_dialog_queue_preview (self);
}

static void
ship_complete_toggled_cb (BoNewOrderDialog *self)
{
  if (self->store == NULL || self->setting_fields)
    return;
  self->ship_complete_chosen = TRUE;
  _bo_new_order_dialog_queue_preview (self);
}

static void
priority_changed_cb (BoNewOrderDialog *self)
{
  if (self->store == NULL)
    return;
  _bo_new_order_dialog_queue_preview (self);
}

static void
store_changed_cb (BoNewOrderDialog *self)
{
  _bo_new_order_dialog_check_lines (self);
  _bo_new_order_dialog_queue_preview (self);
}

/* ---- actions ---------------------------------------------------------------- */

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BoNewOrderLine *line = _bo_new_order_dialog_add_line (BO_NEW_ORDER_DIALOG (widget));

  gtk_widget_grab_focus (GTK_WIDGET (line->sku_entry));
}

static void
remove_line_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _bo_new_order_dialog_remove_line (BO_NEW_ORDER_DIALOG (widget), g_variant_get_uint32 (parameter));
}

static void
place_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BoNewOrderDialog *self = BO_NEW_ORDER_DIALOG (widget);
  g_autoptr(BoOrderDraft) draft = NULL;
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWindow *parent;

  if (self->preview_source != 0)
    _bo_new_order_dialog_run_preview (self);
  if (!can_place (self))
    return;

  draft = _bo_new_order_dialog_make_draft (self, TRUE);
  if (!bo_store_place_order (self->store, draft, FALSE, &outcome, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Place the Order"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  title = g_strdup_printf (_("Order %s placed"), outcome->number);
  if (BO_IS_WINDOW (parent))
    bo_window_add_toast (BO_WINDOW (parent), adw_toast_new (title));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- GObject ---------------------------------------------------------------- */

/* Something typed that closing would throw away. */
static gboolean
has_typed_content (BoNewOrderDialog *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->customer_row)) != '\0' ||
      *gtk_editable_get_text (GTK_EDITABLE (self->number_row)) != '\0')
    return TRUE;
  for (guint i = 0; self->lines != NULL && i < self->lines->len; i++)
    {
      BoNewOrderLine *line = g_ptr_array_index (self->lines, i);

      if (*gtk_editable_get_text (line->sku_entry) != '\0')
        return TRUE;
    }
  return FALSE;
}

static gboolean
bo_new_order_dialog_close_request (GtkWindow *window)
{
  BoNewOrderDialog *self = BO_NEW_ORDER_DIALOG (window);

  if (bo_form_close_or_ask (window, has_typed_content (self), _("Discard the New Order?")))
    return TRUE;
  return GTK_WINDOW_CLASS (bo_new_order_dialog_parent_class)->close_request (window);
}

static void
bo_new_order_dialog_dispose (GObject *object)
{
  BoNewOrderDialog *self = BO_NEW_ORDER_DIALOG (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_NEW_ORDER_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->customer, bo_customer_free);
  g_clear_pointer (&self->customer_hint, g_free);

  G_OBJECT_CLASS (bo_new_order_dialog_parent_class)->dispose (object);
}

static void
bo_new_order_dialog_class_init (BoNewOrderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bo_new_order_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = bo_new_order_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-new-order-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BoNewOrderDialog, customer_group);
  gtk_widget_class_bind_template_child (widget_class, BoNewOrderDialog, customer_row);
  gtk_widget_class_bind_template_child (widget_class, BoNewOrderDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, BoNewOrderDialog, place_button);
  gtk_widget_class_bind_template_child (widget_class, BoNewOrderDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, BoNewOrderDialog, ship_complete_switch);
  gtk_widget_class_bind_template_child (widget_class, BoNewOrderDialog, priority_row);
  gtk_widget_class_bind_template_child (widget_class, BoNewOrderDialog, lines_group);
  gtk_widget_class_bind_template_callback (widget_class, customer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, ship_complete_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, priority_changed_cb);

  gtk_widget_class_install_action (widget_class, "order.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "order.remove-line", "u", remove_line_action);
  gtk_widget_class_install_action (widget_class, "order.place", NULL, place_action);
  gtk_widget_class_install_action (widget_class, "order.new-customer", NULL, new_customer_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "order.place", NULL);
}

static void
bo_new_order_dialog_init (BoNewOrderDialog *self)
{
  self->lines = g_ptr_array_new_with_free_func (_bo_new_order_line_free);
  self->number_ok = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  bo_form_set_status_label (self->place_button, self->status_label);
  bo_form_wrap_choices (self->priority_row);
  bo_form_name_entry_rows (GTK_WIDGET (self));

  self->customer_suggestions = bo_suggestion_popover_new (GTK_WIDGET (self->customer_row));
  g_signal_connect_swapped (self->customer_suggestions, "picked", G_CALLBACK (customer_picked_cb),
                            self);
}

/* ---- public ----------------------------------------------------------------- */

/**
 * bo_new_order_dialog_new:
 * @parent: (nullable): the main window
 *
 * Returns: (transfer none): a new modal window for entering an order
 */
GtkWindow *
bo_new_order_dialog_new (GtkWindow *parent,
                         BoStore   *store)
{
  BoNewOrderDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  self = g_object_new (BO_TYPE_NEW_ORDER_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  _bo_new_order_dialog_add_line (self);
  show_customer_problem (self, NULL, NULL);
  return GTK_WINDOW (self);
}

static BoNewOrderLine *
get_line (BoNewOrderDialog *self,
          guint             index)
{
  g_return_val_if_fail (BO_IS_NEW_ORDER_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);
  return g_ptr_array_index (self->lines, index);
}

guint
bo_new_order_dialog_get_n_lines (BoNewOrderDialog *self)
{
  g_return_val_if_fail (BO_IS_NEW_ORDER_DIALOG (self), 0);
  return self->lines->len;
}

/**
 * bo_new_order_dialog_get_sku_entry:
 *
 * Returns: (transfer none): the SKU entry of line @index (from 0)
 */
GtkEditable *
bo_new_order_dialog_get_sku_entry (BoNewOrderDialog *self,
                                   guint             index)
{
  BoNewOrderLine *line = get_line (self, index);
  return line != NULL ? line->sku_entry : NULL;
}

/**
 * bo_new_order_dialog_get_quantity_entry:
 *
 * Returns: (transfer none): the quantity entry of line @index
 */
GtkEditable *
bo_new_order_dialog_get_quantity_entry (BoNewOrderDialog *self,
                                        guint             index)
{
  BoNewOrderLine *line = get_line (self, index);
  return line != NULL ? line->quantity_entry : NULL;
}

/**
 * bo_new_order_dialog_get_line_outcome_label:
 *
 * Returns: (transfer none): what line @index would get, or why the store
 *   refuses it
 */
GtkLabel *
bo_new_order_dialog_get_line_outcome_label (BoNewOrderDialog *self,
                                            guint             index)
{
  BoNewOrderLine *line = get_line (self, index);
  return line != NULL ? line->outcome_label : NULL;
}

/**
 * bo_new_order_dialog_get_line_problem_label:
 *
 * Returns: (transfer none): why a field of line @index is invalid
 */
GtkLabel *
bo_new_order_dialog_get_line_problem_label (BoNewOrderDialog *self,
                                            guint             index)
{
  BoNewOrderLine *line = get_line (self, index);
  return line != NULL ? line->problem_label : NULL;
}
