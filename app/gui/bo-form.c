/* bo-form.c — checking form fields as the merchant types, and saying why
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialogs check every field on each keystroke: a bad value gets the
 * "error" style and a sentence under its group naming the field and the
 * problem, and the dialog keeps its confirming action disabled. A required
 * field that is still empty and untouched is not marked: a fresh form
 * should not open covered in red.
 */
#define G_LOG_DOMAIN "bo-form"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

#include <backorders/bo-money.h>

#include "bo-form.h"
#include "bo-format.h"

#define TOUCHED_KEY "bo-form-touched"

static gboolean
starts_negative (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  return *text == '-' || g_str_has_prefix (text, "−");
}

/**
 * bo_form_touch:
 *
 * Remembers that the merchant edited @field, so that an empty value is now
 * reported.
 */
void
bo_form_touch (GtkWidget *field)
{
  g_object_set_data (G_OBJECT (field), TOUCHED_KEY, GINT_TO_POINTER (TRUE));
}

gboolean
bo_form_is_touched (GtkWidget *field)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (field), TOUCHED_KEY));
}

/**
 * bo_form_reset:
 * @text: (nullable): the text to put in @field, an editable
 *
 * Puts @text in @field as if the form had just opened: not yet touched.
 */
void
bo_form_reset (GtkWidget  *field,
               const char *text)
{
  g_return_if_fail (GTK_IS_EDITABLE (field));

  gtk_editable_set_text (GTK_EDITABLE (field), text != NULL ? text : "");
  g_object_set_data (G_OBJECT (field), TOUCHED_KEY, NULL);
}

/**
 * bo_form_show_reason:
 * @field: the row or entry checked
 * @label: the label that explains the problem
 * @reason: (nullable): what is wrong, or %NULL when the value is good
 *
 * Marks @field and shows @reason in @label, prefixed with the row's title.
 * An empty field the merchant has not edited yet is not marked.
 *
 * Returns: %TRUE when @reason is %NULL
 */
gboolean
bo_form_show_reason (GtkWidget  *field,
                     GtkLabel   *label,
                     const char *reason)
{
  gboolean shown = reason != NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (field), FALSE);
  g_return_val_if_fail (GTK_IS_LABEL (label), FALSE);

  /* Kept, shown or not, for bo_form_explain_disabled(). */
  g_object_set_data_full (G_OBJECT (field), "bo-form-reason", g_strdup (reason), g_free);
  if (shown && GTK_IS_EDITABLE (field) && *gtk_editable_get_text (GTK_EDITABLE (field)) == '\0' &&
      !bo_form_is_touched (field))
    shown = FALSE;

  if (shown)
    {
      g_autofree char *text = NULL;

      if (ADW_IS_PREFERENCES_ROW (field))
        /* Translators: a form field's name, then what is wrong with its value */
        text = g_strdup_printf (C_("form reason", "%s: %s"),
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field)),
                                reason);
      else
        text = g_strdup (reason);
      gtk_widget_add_css_class (field, "error");
      gtk_label_set_text (label, text);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_label_set_text (label, "");
    }
  gtk_widget_set_visible (GTK_WIDGET (label), shown);
  return reason == NULL;
}

/**
 * bo_form_money_text:
 * @currency: (nullable): the shop's currency, for its number of decimals
 *
 * Returns: (transfer full): @minor_units as the merchant would type them:
 *   no grouping, no currency, the locale's decimal point ("1234.50")
 */
char *
bo_form_money_text (gint64      minor_units,
                    const char *currency)
{
  return bo_money_format (minor_units, currency, BO_MONEY_ENTRY);
}

/**
 * bo_form_check_text:
 *
 * Returns: (transfer full) (nullable): why @text cannot be used, or %NULL
 */
char *
bo_form_check_text (const char *text,
                    gboolean    required,
                    guint       max_chars,
                    const char *empty_reason)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped == '\0')
    return required ? g_strdup (empty_reason) : NULL;
  if (g_utf8_strlen (text, -1) > (glong) max_chars)
    return g_strdup_printf (ngettext ("too long: at most %u character",
                                      "too long: at most %u characters", max_chars), max_chars);
  /* Multi-line fields (address, notes) keep their line breaks; a one-line
   * entry cannot hold one. Anything else is an escape or a NUL pasted in. */
  if (bo_text_find_control (text, BO_TEXT_MULTILINE) != 0)
    return g_strdup (_("holds a control character (such as a terminal escape); remove it"));
  return NULL;
}

/**
 * bo_form_check_money:
 * @minor_units: (out): the amount, when good
 *
 * Returns: (transfer full) (nullable): why @text is not an amount, or %NULL
 */
char *
bo_form_check_money (const char *text,
                     const char *currency,
                     gboolean    required,
                     const char *empty_reason,
                     gint64     *minor_units)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *example = NULL;

  *minor_units = 0;
  if (*stripped == '\0')
    return required ? g_strdup (empty_reason) : NULL;
  if (starts_negative (stripped))
    return g_strdup (_("cannot be negative"));
  if (bo_parse_money (stripped, currency, minor_units))
    {
      g_autofree char *max = NULL;

      if (*minor_units <= BO_MONEY_MAX)
        return NULL;
      max = bo_form_money_text (BO_MONEY_MAX, currency);
      return g_strdup_printf (_("at most %s"), max);
    }
  example = bo_form_money_text (bo_currency_exponent (currency) == 0
                                   ? 1250 : bo_money_from_major (12.5, currency),
                                 currency);
  /* Translators: the second %s is an example amount such as 12.50 */
  return g_strdup_printf (_("“%s” is not an amount; write it like %s"), stripped, example);
}

/**
 * bo_form_is_too_large:
 *
 * Returns: whether @text is written as a whole number (digits only) that no
 *   quantity field takes: it is too large, not "not a number".
 */
gboolean
bo_form_is_too_large (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  gint64 quantity;

  if (*stripped == '+')
    memmove (stripped, stripped + 1, strlen (stripped));
  return *stripped != '\0' && strspn (stripped, "0123456789") == strlen (stripped) &&
         !bo_parse_quantity (stripped, &quantity);
}

/**
 * bo_form_quantity_limit:
 *
 * Returns: the largest quantity any field takes, as the locale writes it
 *   (the string stays valid)
 */
const char *
bo_form_quantity_limit (void)
{
  static char *limit;

  if (limit == NULL)
    limit = bo_format_quantity (1000000000);
  return limit;
}

/**
 * bo_form_check_quantity:
 * @quantity: (out): the number, when good
 *
 * Returns: (transfer full) (nullable): why @text is not a whole number
 *   between @min and @max, or %NULL
 */
char *
bo_form_check_quantity (const char *text,
                        gint64      min,
                        gint64      max,
                        const char *empty_reason,
                        gint64     *quantity)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  *quantity = 0;
  if (*stripped == '\0')
    return g_strdup (empty_reason);
  if (starts_negative (stripped))
    return g_strdup (_("cannot be negative"));
  if (!bo_parse_quantity (stripped, quantity))
    {
      g_autofree char *high = bo_format_quantity (max);

      if (bo_form_is_too_large (stripped))
        return g_strdup_printf (_("“%s” is too large: at most %s"), stripped, high);
      return g_strdup_printf (_("“%s” is not a whole number"), stripped);
    }
  if (*quantity < min || *quantity > max)
    {
      g_autofree char *low = bo_format_quantity (min);
      g_autofree char *high = bo_format_quantity (max);

      return g_strdup_printf (_("must be between %s and %s"), low, high);
    }
  return NULL;
}

/**
 * bo_form_check_email:
 *
 * Returns: (transfer full) (nullable): why @text is not an email address,
 *   or %NULL when it is one or is empty
 */
char *
bo_form_check_email (const char *text)
{
  const char *at;

  if (text == NULL || *text == '\0')
    return NULL;
  at = strchr (text, '@');
  if (strpbrk (text, " \t\r\n<>") != NULL)
    return g_strdup (_("an email address has no spaces"));
  if (at == NULL || at == text || at[1] == '\0')
    return g_strdup (_("an email address looks like name@example.com"));
  if (g_utf8_strlen (text, -1) > 320)
    return g_strdup (_("too long for an email address"));
  return NULL;
}

/**
 * bo_form_get_text:
 *
 * Returns: (transfer full): the whole text of @view
 */
char *
bo_form_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * bo_form_show_error:
 * @what: what failed, e.g. "Could not save the product"
 *
 * Tells the merchant, over @parent, why the store refused.
 */
void
bo_form_show_error (GtkWindow    *parent,
                    const char   *what,
                    const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, what, error != NULL ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
wrapping_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_list_item_set_child (item, label);
}

static void
wrapping_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       string != NULL ? gtk_string_object_get_string (string) : "");
}

/**
 * bo_form_wrap_choices:
 *
 * A combo row of strings shows its whole choice, on two lines if needed,
 * instead of cutting it short beside a long title (German and French
 * choices are long).
 */
void
bo_form_wrap_choices (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_signal_connect (factory, "setup", G_CALLBACK (wrapping_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (wrapping_bind_cb), NULL);
  adw_combo_row_set_factory (row, factory);
}

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (data);
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *message,
                     const char       *response,
                     GtkWindow        *dialog)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  g_object_set_data (G_OBJECT (dialog), "bo-form-discarded", GINT_TO_POINTER (TRUE));
  /* The question closes itself after answering: the form goes after it. */
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (dialog), g_object_unref);
}

/**
 * bo_form_close_or_ask:
 * @dialog: a form about to close (from its close-request)
 * @unsaved: whether something typed would be lost
 * @heading: what would be lost, as a question ("Discard the New Order?")
 *
 * Esc, Cancel or the window's close button on a form with typed content asks
 * first: Keep Editing (the default) or Discard.
 *
 * Returns: %TRUE to stop the closing (the question is asked)
 */
gboolean
bo_form_close_or_ask (GtkWindow  *dialog,
                      gboolean    unsaved,
                      const char *heading)
{
  AdwMessageDialog *message;

  g_return_val_if_fail (GTK_IS_WINDOW (dialog), FALSE);

  if (!unsaved || g_object_get_data (G_OBJECT (dialog), "bo-form-discarded") != NULL)
    return FALSE;
  message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (dialog, heading,
                                                        _("What you typed is lost when the "
                                                          "window closes.")));
  adw_message_dialog_add_responses (message, "keep", _("_Keep Editing"), "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (message, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (message, "keep");
  adw_message_dialog_set_close_response (message, "keep");
  g_signal_connect_object (message, "response", G_CALLBACK (discard_response_cb), dialog, 0);
  gtk_window_present (GTK_WINDOW (message));
  return TRUE;
}

/**
 * bo_form_explain_disabled:
 * @button: a form's Save (or Place…) button
 * @...: the form's fields checked with bo_form_show_reason(), in order,
 *   then %NULL
 *
 * A greyed-out button says why: its tooltip (and accessible description)
 * names the first field that is empty or wrong, also before the merchant
 * has touched it ("Can’t save yet: Name: required").
 */
void
bo_form_explain_disabled (GtkWidget *button,
                          ...)
{
  g_autofree char *why = NULL;
  va_list fields;
  GtkWidget *field;

  g_return_if_fail (GTK_IS_WIDGET (button));

  va_start (fields, button);
  while (why == NULL && (field = va_arg (fields, GtkWidget *)) != NULL)
    {
      const char *reason = g_object_get_data (G_OBJECT (field), "bo-form-reason");

      if (reason == NULL)
        continue;
      if (ADW_IS_PREFERENCES_ROW (field))
        /* Translators: why a Save button is greyed out: a field's name, then what is wrong */
        why = g_strdup_printf (_("Can’t save yet: %s: %s"),
                               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field)), reason);
      else
        why = g_strdup_printf (_("Can’t save yet: %s"), reason);
    }
  va_end (fields);
  gtk_widget_set_tooltip_text (button, why);
  if (why != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    why, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
entry_row_title_cb (AdwPreferencesRow *row,
                    GParamSpec        *pspec,
                    GtkAccessible     *text)
{
  gtk_accessible_update_property (text, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (row), -1);
}

/**
 * bo_form_name_entry_rows:
 * @root: a dialog, or any widget holding entry rows
 *
 * Names the text field of every #AdwEntryRow under @root by the row's
 * title. libadwaita 1.2 labels the row but not the text inside it, which
 * is what takes the focus: a screen reader would announce a nameless field.
 */
void
bo_form_name_entry_rows (GtkWidget *root)
{
  if (ADW_IS_ENTRY_ROW (root))
    {
      GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (root));

      if (text != NULL)
        {
          entry_row_title_cb (ADW_PREFERENCES_ROW (root), NULL, GTK_ACCESSIBLE (text));
          g_signal_connect_object (root, "notify::title", G_CALLBACK (entry_row_title_cb), text, 0);
        }
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bo_form_name_entry_rows (child);
}
