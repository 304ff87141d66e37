/* bo-customer-dialog.c — add or edit a customer
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-customer-dialog"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "backorders/bo-error.h"

#include "bo-customer-dialog.h"
#include "bo-form.h"

struct _BoCustomerDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *email_row;
  GtkTextView    *address_view;
  GtkSpinButton  *tier_spin;
  GtkSwitch      *ship_complete_switch;
  GtkLabel       *name_error;
  GtkLabel       *email_error;
  GtkLabel       *address_error;

  /* owned */
  BoStore        *store;
  BoCustomer     *customer;     /* as read, or a new one */
  gboolean        loading;
  gboolean        valid;
  gboolean        duplicate_ok;  /* the merchant wants a second customer of that name */
};

G_DEFINE_FINAL_TYPE (BoCustomerDialog, bo_customer_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- helpers ---------------------------------------------------------------- */

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
update_actions (BoCustomerDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.save", self->valid);
  bo_form_explain_disabled (self->save_button, self->name_row, self->email_row, self->address_view, NULL);
}

/* Checks every field; fills @customer when given and all are good. */
static gboolean
validate (BoCustomerDialog *self,
          BoCustomer       *customer)
{
  g_autofree char *address = bo_form_get_text (self->address_view);
  g_autofree char *name_reason = bo_form_check_text (row_text (self->name_row), TRUE, 200,
                                                     _("required"));
  g_autofree char *email_reason = bo_form_check_email (row_text (self->email_row));
  g_autofree char *address_reason = bo_form_check_text (address, FALSE, 2000, NULL);
  gboolean valid = TRUE;

  valid &= bo_form_show_reason (GTK_WIDGET (self->name_row), self->name_error, name_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->email_row), self->email_error, email_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->address_view), self->address_error,
                                address_reason);

  if (valid && customer != NULL)
    {
      g_free (customer->name);
      customer->name = g_strstrip (g_strdup (row_text (self->name_row)));
      g_free (customer->email);
      customer->email = g_strstrip (g_strdup (row_text (self->email_row)));
      g_free (customer->address);
      customer->address = g_strstrip (g_steal_pointer (&address));
      customer->tier = gtk_spin_button_get_value_as_int (self->tier_spin);
      customer->ship_complete = gtk_switch_get_active (self->ship_complete_switch);
    }
  self->valid = valid;
  update_actions (self);
  return valid;
}

/* ---- callbacks -------------------------------------------------------------- */

static void
field_changed_cb (BoCustomerDialog *self,
                  GtkWidget        *field)
{
  if (self->loading)
    return;
  bo_form_touch (field);
  validate (self, NULL);
}

static void
text_changed_cb (BoCustomerDialog *self)
{
  if (!self->loading)
    validate (self, NULL);
}

/* ---- actions ---------------------------------------------------------------- */

/* Whether another customer already has @name: orders for that name then
 * need the email address or the customer number to tell them apart. */
static gboolean
name_is_taken (BoCustomerDialog *self,
               const char       *name)
{
  g_autoptr(BoCustomer) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  if (*stripped == '\0' || strchr (stripped, '@') != NULL)
    return FALSE;
  other = bo_store_find_customer (self->store, stripped, &error);
  if (other != NULL)
    return other->id != self->customer->id;
  /* Several have it already. */
  return !g_error_matches (error, BO_ERROR, BO_ERROR_NOT_FOUND);
}

static gboolean
save_idle_cb (gpointer data)
{
  gtk_widget_activate_action (data, "customer.save", NULL);
  return G_SOURCE_REMOVE;
}

static void
duplicate_response_cb (AdwMessageDialog *message,
                       const char       *response,
                       BoCustomerDialog *self)
{
  if (g_strcmp0 (response, "save") != 0)
    return;
  self->duplicate_ok = TRUE;
  /* Saving closes this window: after the question has closed itself. */
  g_idle_add_full (G_PRIORITY_DEFAULT, save_idle_cb, g_object_ref (self), g_object_unref);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BoCustomerDialog *self = BO_CUSTOMER_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  BoCustomer edited = *self->customer;
  gboolean valid;

  /* A typed but not yet committed tier counts. */
  gtk_spin_button_update (self->tier_spin);
  /* Work on a shallow copy whose strings are our own, so that a refusal
   * leaves self->customer as read. */
  edited.name = edited.email = edited.address = NULL;
  edited.external_ref = g_strdup (self->customer->external_ref);
  valid = validate (self, &edited);
  if (valid && !self->duplicate_ok && name_is_taken (self, edited.name))
    {
      g_autofree char *heading = g_strdup_printf (_("Another Customer Is Called “%s”"),
                                                  edited.name);
      AdwMessageDialog *message = ADW_MESSAGE_DIALOG (
        adw_message_dialog_new (GTK_WINDOW (self), heading,
                                _("Both are kept apart by their email address, city and customer "
                                  "number; an order form lists them side by side. Save a second "
                                  "customer of that name?")));

      adw_message_dialog_add_responses (message, "cancel", _("_Keep Editing"), "save",
                                        _("_Save Anyway"), NULL);
      adw_message_dialog_set_default_response (message, "cancel");
      adw_message_dialog_set_close_response (message, "cancel");
      g_signal_connect_object (message, "response", G_CALLBACK (duplicate_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (message));
    }
  else if (valid)
    {
      if (bo_store_save_customer (self->store, &edited, &error))
        {
          g_signal_emit (self, signals[SAVED], 0, edited.id);
          gtk_window_close (GTK_WINDOW (self));
        }
      else
        bo_form_show_error (GTK_WINDOW (self),
                            self->customer->id == 0 ? _("Could not add the customer")
                                                    : _("Could not save the customer"),
                            error);
    }
  g_free (edited.name);
  g_free (edited.email);
  g_free (edited.address);
  g_free (edited.external_ref);
}

/* ---- GObject ---------------------------------------------------------------- */

static void
bo_customer_dialog_dispose (GObject *object)
{
  BoCustomerDialog *self = BO_CUSTOMER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_CUSTOMER_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bo_customer_dialog_parent_class)->dispose (object);
}

static void
bo_customer_dialog_finalize (GObject *object)
{
  BoCustomerDialog *self = BO_CUSTOMER_DIALOG (object);

  g_clear_pointer (&self->customer, bo_customer_free);

  G_OBJECT_CLASS (bo_customer_dialog_parent_class)->finalize (object);
}

static void
bo_customer_dialog_class_init (BoCustomerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bo_customer_dialog_dispose;
  object_class->finalize = bo_customer_dialog_finalize;

  /**
   * BoCustomerDialog::saved:
   * @customer_id: the customer as saved
   *
   * The customer was saved (a form that opened this one picks it).
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-customer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BoCustomerDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BoCustomerDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BoCustomerDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BoCustomerDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, BoCustomerDialog, address_view);
  gtk_widget_class_bind_template_child (widget_class, BoCustomerDialog, tier_spin);
  gtk_widget_class_bind_template_child (widget_class, BoCustomerDialog, ship_complete_switch);
  gtk_widget_class_bind_template_child (widget_class, BoCustomerDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, BoCustomerDialog, email_error);
  gtk_widget_class_bind_template_child (widget_class, BoCustomerDialog, address_error);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);

  gtk_widget_class_install_action (widget_class, "customer.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bo_customer_dialog_init (BoCustomerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bo_form_name_entry_rows (GTK_WIDGET (self));
}

/* ---- public ----------------------------------------------------------------- */

/**
 * bo_customer_dialog_new:
 * @parent: (nullable): the main window
 * @customer_id: the customer to edit, or 0 for a new one
 *
 * Returns: (transfer none): the dialog, not yet shown; it destroys itself
 *   when closed
 */
GtkWindow *
bo_customer_dialog_new (GtkWindow *parent,
                        BoStore   *store,
                        gint64     customer_id)
{
  BoCustomerDialog *self;
  g_autoptr(GError) error = NULL;
  const char *title;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  self = g_object_new (BO_TYPE_CUSTOMER_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  if (customer_id != 0 &&
      (self->customer = bo_store_get_customer (store, customer_id, &error)) == NULL)
    g_debug ("Customer %" PRId64 " is gone: %s", customer_id, error->message);
  if (self->customer == NULL)
    self->customer = bo_customer_new ();

  title = self->customer->id != 0 ? _("Edit Customer") : _("New Customer");
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  self->loading = TRUE;
  set_row_text (self->name_row, self->customer->name);
  set_row_text (self->email_row, self->customer->email);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->address_view),
                            self->customer->address != NULL ? self->customer->address : "", -1);
  gtk_spin_button_set_value (self->tier_spin, self->customer->tier);
  gtk_switch_set_active (self->ship_complete_switch, self->customer->ship_complete);
  self->loading = FALSE;

  validate (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WINDOW (self);
}

/**
 * bo_customer_dialog_set_typed:
 *
 * Starts a new customer from what was typed in another form: an email
 * address goes into the email field, anything else into the name.
 */
void
bo_customer_dialog_set_typed (BoCustomerDialog *self,
                              const char       *name_or_email)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name_or_email != NULL ? name_or_email : ""));

  g_return_if_fail (BO_IS_CUSTOMER_DIALOG (self));

  if (strchr (stripped, '@') != NULL)
    set_row_text (self->email_row, stripped);
  else
    set_row_text (self->name_row, stripped);
}
