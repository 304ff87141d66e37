/* bo-order-dialog-customer.c — the order's pick list and the customer's update
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Print or export the pick list of what is allocated (or packed), and tell
 * the customer what shipped and what follows: by email through a mailto:
 * link (the OpenURI portal in a sandbox) or by copying the message.
 */
#define G_LOG_DOMAIN "bo-order-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "backorders/bo-message.h"
#include "backorders/bo-picklist.h"
#include "bo-order-dialog-private.h"
#include "bo-picklist-print.h"

static BoPicklist *
order_picklist (BoOrderDialog *self)
{
  g_autoptr(GError) error = NULL;
  BoPicklist *picklist = bo_picklist_new_for_order (self->store, self->order_id, &error);

  if (picklist == NULL)
    _bo_order_dialog_show_error (self, _("There is no pick list for this order"), error);
  return picklist;
}

static void
print_picklist_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (widget);
  BoPicklist *picklist = order_picklist (self);

  if (picklist != NULL)
    bo_picklist_print (GTK_WINDOW (self), picklist);
}

static void
export_picklist_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (widget);
  BoPicklist *picklist = order_picklist (self);

  if (picklist != NULL)
    bo_picklist_export_pdf (GTK_WINDOW (self), picklist);
}

/**
 * _bo_order_dialog_customer_message:
 *
 * Returns: (transfer full) (nullable): the update for the customer, subject
 *   and body in one text, or %NULL with the reason shown
 */
char *
_bo_order_dialog_customer_message (BoOrderDialog  *self,
                                   char          **subject,
                                   char          **body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *s = NULL;
  g_autofree char *b = NULL;

  if (!bo_message_for_order (self->store, self->order_id, &s, &b, &error))
    {
      _bo_order_dialog_show_error (self, _("No message could be written for this order"), error);
      return NULL;
    }
  if (subject != NULL)
    *subject = g_strdup (s);
  if (body != NULL)
    *body = g_strdup (b);
  return g_strdup_printf ("%s\n\n%s", s, b);
}

static void
email_customer_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (widget);
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = _bo_order_dialog_customer_message (self, &subject, &body);
  g_autofree char *uri = NULL;

  if (text == NULL || self->order == NULL)
    return;
  uri = bo_message_mailto_uri (self->order->customer_email, subject, body);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
copy_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (widget);
  g_autofree char *text = _bo_order_dialog_customer_message (self, NULL, NULL);

  if (text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  _bo_order_dialog_show_toast (self, adw_toast_new (_("Message copied")));
}

/* Enabled states of these actions, from what the order holds now. */
void
_bo_order_dialog_update_customer_actions (BoOrderDialog *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean to_pick = FALSE;
  gboolean has_email = self->order != NULL && self->order->customer_email != NULL &&
                       *self->order->customer_email != '\0';

  for (guint i = 0; self->order != NULL && i < self->order->lines->len; i++)
    to_pick |= ((const BoOrderLine *) g_ptr_array_index (self->order->lines, i))->allocated > 0;

  gtk_widget_action_set_enabled (widget, "order.print-picklist", to_pick);
  gtk_widget_action_set_enabled (widget, "order.export-picklist", to_pick);
  gtk_widget_action_set_enabled (widget, "order.email-customer", self->order != NULL && has_email);
  gtk_widget_action_set_enabled (widget, "order.copy-message", self->order != NULL);
}

void
_bo_order_dialog_install_customer_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "order.print-picklist", NULL,
                                   print_picklist_action);
  gtk_widget_class_install_action (widget_class, "order.export-picklist", NULL,
                                   export_picklist_action);
  gtk_widget_class_install_action (widget_class, "order.email-customer", NULL,
                                   email_customer_action);
  gtk_widget_class_install_action (widget_class, "order.copy-message", NULL, copy_message_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "order.print-picklist", NULL);
}
