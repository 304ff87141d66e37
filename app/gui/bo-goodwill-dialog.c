/* bo-goodwill-dialog.c — recording a goodwill discount or voucher for a waiting customer
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-goodwill-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <backorders/bo-money.h>

#include "bo-form.h"
#include "bo-format.h"
#include "bo-goodwill-dialog.h"

#define MAX_VOUCHER 100
#define MAX_NOTE    1000

typedef enum
{
  KIND_AMOUNT,
  KIND_PERCENT,
} Kind;

struct _BoGoodwillDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *goodwill_group;
  AdwComboRow         *kind_row;
  AdwEntryRow         *value_row;
  AdwEntryRow         *voucher_row;
  AdwEntryRow         *note_row;
  GtkLabel            *error_label;

  /* owned */
  BoStore             *store;
  char                *currency;    /* the shop's, for amounts */
  gint64               order_id;
  gint64               amount;      /* minor units, for an amount */
  gint                 percent;     /* hundredths of a percent, for a percentage */
  gboolean             valid;
};

G_DEFINE_FINAL_TYPE (BoGoodwillDialog, bo_goodwill_dialog, ADW_TYPE_WINDOW)

static Kind
kind (BoGoodwillDialog *self)
{
  return adw_combo_row_get_selected (self->kind_row) == KIND_PERCENT ? KIND_PERCENT : KIND_AMOUNT;
}

/* "10", "12.5" or "12,5 %": hundredths of a percent, from 0.01 to 100. */
static char *
check_percent (const char *text,
               gint        *percent)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  gint64 hundredths = 0;

  *percent = 0;
  if (*stripped == '\0')
    return g_strdup (_("how much off, in percent?"));
  if (g_str_has_suffix (stripped, "%"))
    {
      stripped[strlen (stripped) - 1] = '\0';
      g_strchomp (stripped);
    }
  /* Hundredths of a percent read as an amount with two decimals. */
  if (!bo_parse_money (stripped, NULL, &hundredths))
    return g_strdup_printf (_("“%s” is not a percentage"), stripped);
  if (hundredths < 1 || hundredths > 10000)
    return g_strdup (_("must be more than 0 and at most 100"));
  *percent = (gint) hundredths;
  return NULL;
}

static char *
check_voucher (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *reason = bo_form_check_text (stripped, FALSE, MAX_VOUCHER, NULL);

  if (reason != NULL)
    return reason;
  for (const char *c = stripped; *c != '\0'; c = g_utf8_next_char (c))
    if (g_unichar_isspace (g_utf8_get_char (c)))
      return g_strdup (_("a code has no spaces"));
  return NULL;
}

static void
validate (BoGoodwillDialog *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->value_row), GTK_WIDGET (self->voucher_row), GTK_WIDGET (self->note_row)
  };
  char *reasons[G_N_ELEMENTS (fields)] = { NULL };
  gboolean shown = FALSE;

  if (kind (self) == KIND_PERCENT)
    reasons[0] = check_percent (gtk_editable_get_text (GTK_EDITABLE (self->value_row)),
                                &self->percent);
  else
    {
      reasons[0] = bo_form_check_money (gtk_editable_get_text (GTK_EDITABLE (self->value_row)),
                                        self->currency, TRUE, _("how much off?"), &self->amount);
      if (reasons[0] == NULL && self->amount == 0)
        reasons[0] = g_strdup (_("must be more than nothing"));
    }
  reasons[1] = check_voucher (gtk_editable_get_text (GTK_EDITABLE (self->voucher_row)));
  reasons[2] = bo_form_check_text (gtk_editable_get_text (GTK_EDITABLE (self->note_row)), FALSE,
                                   MAX_NOTE, NULL);

  /* One reason at a time under the group: the first field the merchant
   * has typed in that is wrong. */
  self->valid = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gboolean typed = bo_form_is_touched (fields[i]) ||
                       *gtk_editable_get_text (GTK_EDITABLE (fields[i])) != '\0';

      self->valid &= reasons[i] == NULL;
      if (reasons[i] == NULL || !typed || shown)
        gtk_widget_remove_css_class (fields[i], "error");
      else
        shown = !bo_form_show_reason (fields[i], self->error_label, reasons[i]);
      g_free (reasons[i]);
    }
  if (!shown)
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goodwill.record", self->valid);
}

static void
kind_changed_cb (BoGoodwillDialog *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row),
                                 kind (self) == KIND_PERCENT ? _("Percent Off")
                                                             : _("Amount"));
  validate (self);
}

static void
field_changed_cb (BoGoodwillDialog *self,
                  GtkEditable      *editable)
{
  bo_form_touch (GTK_WIDGET (editable));
  validate (self);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BoGoodwillDialog *self = BO_GOODWILL_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  gboolean percent;

  validate (self);
  if (!self->valid)
    return;
  percent = kind (self) == KIND_PERCENT;
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  if (!bo_store_add_goodwill (self->store, self->order_id, percent ? 0 : self->amount,
                              percent ? self->percent : 0,
                              gtk_editable_get_text (GTK_EDITABLE (self->voucher_row)), note, NULL,
                              &error))
    {
      bo_form_show_error (GTK_WINDOW (self), _("Could not record the goodwill"), error);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
bo_goodwill_dialog_dispose (GObject *object)
{
  BoGoodwillDialog *self = BO_GOODWILL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_GOODWILL_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (bo_goodwill_dialog_parent_class)->dispose (object);
}

static void
bo_goodwill_dialog_class_init (BoGoodwillDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bo_goodwill_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/"
                                               "bo-goodwill-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BoGoodwillDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BoGoodwillDialog, goodwill_group);
  gtk_widget_class_bind_template_child (widget_class, BoGoodwillDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BoGoodwillDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, BoGoodwillDialog, voucher_row);
  gtk_widget_class_bind_template_child (widget_class, BoGoodwillDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, BoGoodwillDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "goodwill.record", NULL, record_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bo_goodwill_dialog_init (BoGoodwillDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bo_form_name_entry_rows (GTK_WIDGET (self));
  validate (self);
}

/**
 * bo_goodwill_dialog_new:
 * @parent: (nullable): the order's window
 * @order_id: an order that was backordered
 *
 * Returns: (transfer none): a new dialog
 */
GtkWindow *
bo_goodwill_dialog_new (GtkWindow *parent,
                        BoStore   *store,
                        gint64     order_id)
{
  BoGoodwillDialog *self;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  self = g_object_new (BO_TYPE_GOODWILL_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->currency = bo_store_get_setting (store, "currency");
  self->order_id = order_id;

  order = bo_store_get_order (store, order_id, &error);
  if (order != NULL)
    {
      g_autofree char *currency = bo_store_get_setting (store, "currency");
      g_autofree char *subtitle = NULL;
      g_autoptr(GError) overflow = NULL;
      gint64 value = 0, given = 0;

      for (guint i = 0; i < order->lines->len && overflow == NULL; i++)
        {
          const BoOrderLine *line = g_ptr_array_index (order->lines, i);
          gint64 line_value;

          if (!bo_money_mul (line->ordered - line->cancelled, line->unit_price, &line_value) ||
              !bo_money_add (value, line_value, &value))
            bo_money_set_overflow (&overflow, _("The order’s value"));
        }
      for (guint i = 0; i < order->goodwill->len && overflow == NULL; i++)
        if (!bo_money_add (given, ((BoGoodwill *) g_ptr_array_index (order->goodwill, i))->amount,
                           &given))
          bo_money_set_overflow (&overflow, _("The goodwill given on this order"));
      /* Translators: an order number and its customer */
      subtitle = g_strdup_printf (_("Order %s, %s"), order->number, order->customer_name);
      adw_window_title_set_subtitle (self->window_title, subtitle);
      if (overflow != NULL)
        adw_preferences_group_set_description (self->goodwill_group, overflow->message);
      else
        {
          g_autofree char *worth = bo_format_money (value, currency);
          g_autofree char *already = bo_format_money (given, currency);
          g_autofree char *description = NULL;

          /* Translators: the order's value, then the goodwill given on it already */
          description = g_strdup_printf (_("The order is worth %s; %s was given already. It shows "
                                           "in the order, in the customer’s update message and in "
                                           "the numbers."), worth, already);
          adw_preferences_group_set_description (self->goodwill_group, description);
        }
    }
  else
    adw_preferences_group_set_description (self->goodwill_group, error->message);
  return GTK_WINDOW (self);
}
