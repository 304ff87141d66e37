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

#define REASON_KEY "bo-form-reason"
#define SHOWN_KEY  "bo-form-shown"
#define MARK_KEY   "bo-form-mark"
#define STATUS_KEY "bo-form-status"

/* The text that takes the focus in @field, which a screen reader announces
 * with its description: an entry row's inner text, or @field itself. */
static GtkAccessible *
focus_target (GtkWidget *field)
{
  if (ADW_IS_ENTRY_ROW (field) && gtk_editable_get_delegate (GTK_EDITABLE (field)) != NULL)
    return GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (field)));
  return GTK_ACCESSIBLE (field);
}

static void
describe (GtkWidget  *field,
          const char *text)
{
  GtkAccessible *targets[] = { GTK_ACCESSIBLE (field), focus_target (field) };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (text != NULL)
      gtk_accessible_update_property (targets[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    else
      gtk_accessible_reset_property (targets[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The warning sign at the end of a row with a bad value. It is always there
 * and only turns visible, so that neither the row's text nor its other
 * suffixes (a currency) move when a value turns bad or good. */
static GtkWidget *
ensure_mark (GtkWidget *row)
{
  GtkWidget *mark = g_object_get_data (G_OBJECT (row), MARK_KEY);

  if (mark != NULL)
    return mark;
  mark = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (mark, "error");
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  gtk_widget_set_opacity (mark, 0);
  gtk_widget_set_can_target (mark, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), mark);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
  g_object_set_data (G_OBJECT (row), MARK_KEY, mark);
  return mark;
}

/* The name a sentence about @field starts with: a row's title, or else the
 * title of the group a text view sits in ("Address"). */
static const char *
field_title (GtkWidget *field)
{
  GtkWidget *group;

  if (ADW_IS_PREFERENCES_ROW (field))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field));
  group = gtk_widget_get_ancestor (field, ADW_TYPE_PREFERENCES_GROUP);
  if (group != NULL)
    return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));
  return NULL;
}

/**
 * bo_form_show_reason:
 * @field: the row or entry checked
 * @label: (nullable): the label under the group that explains the problem,
 *   or %NULL to explain it in the field itself and in the form's status line
 * @reason: (nullable): what is wrong, or %NULL when the value is good
 *
 * Marks @field and says what is wrong, prefixed with the row's title: in
 * @label, or, without one, in a warning sign at the end of a row (its
 * tooltip) and in the status line of bo_form_set_status_label(); a text
 * view is named by the title of its group. Either
 * way the field's accessible description carries the sentence. Without a
 * label the row does not grow: nothing below it moves under the pointer when
 * a value turns bad or good.
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
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (field), FALSE);
  g_return_val_if_fail (label == NULL || GTK_IS_LABEL (label), FALSE);

  /* Kept, shown or not, for bo_form_explain_disabled(). */
  g_object_set_data_full (G_OBJECT (field), REASON_KEY, g_strdup (reason), g_free);
  if (shown && GTK_IS_EDITABLE (field) && *gtk_editable_get_text (GTK_EDITABLE (field)) == '\0' &&
      !bo_form_is_touched (field))
    shown = FALSE;
  g_object_set_data (G_OBJECT (field), SHOWN_KEY, GINT_TO_POINTER (shown));

  if (shown && (ADW_IS_PREFERENCES_ROW (field) || (label == NULL && field_title (field) != NULL)))
    /* Translators: a form field's name, then what is wrong with its value */
    text = g_strdup_printf (C_("form reason", "%s: %s"), field_title (field), reason);
  else if (shown)
    text = g_strdup (reason);

  if (shown)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
  describe (field, text);

  if (label != NULL)
    {
      gtk_label_set_text (label, text != NULL ? text : "");
      gtk_widget_set_visible (GTK_WIDGET (label), shown);
    }
  else if (ADW_IS_ENTRY_ROW (field) || ADW_IS_ACTION_ROW (field))
    {
      GtkWidget *mark = ensure_mark (field);

      gtk_widget_set_opacity (mark, shown ? 1 : 0);
      gtk_widget_set_can_target (mark, shown);
      gtk_widget_set_tooltip_text (mark, text);
    }
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

/* An empty label takes no height: give @label @n_lines lines' worth, so
 * that a sentence appearing in it moves nothing. */
static void
keep_lines (GtkLabel *label,
            int       n_lines)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  if (g_object_get_data (G_OBJECT (label), "bo-form-lines") != NULL)
    return;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (label), "Xg");
  pango_layout_get_pixel_size (layout, NULL, &height);
  gtk_widget_set_size_request (GTK_WIDGET (label), -1, n_lines * height);
  g_object_set_data (G_OBJECT (label), "bo-form-lines", GINT_TO_POINTER (n_lines));
}

/**
 * bo_form_set_status_label:
 * @button: a form's Save (or Place…) button
 * @label: a line at the foot of the form, always shown
 *
 * From now on bo_form_explain_disabled() also writes in @label why @button
 * is greyed out: the first bad value the form marks, or else the first
 * required field still empty ("Fill in “SKU” to save"). The label keeps
 * its line when there is nothing to say, so the form does not move.
 */
void
bo_form_set_status_label (GtkWidget *button,
                          GtkLabel  *label)
{
  g_return_if_fail (GTK_IS_WIDGET (button));
  g_return_if_fail (GTK_IS_LABEL (label));

  g_object_set_data_full (G_OBJECT (button), STATUS_KEY, g_object_ref (label), g_object_unref);
  keep_lines (label, 1);
}

/* What the status line says: a marked field's reason (an error), else the
 * first empty required field (a hint). */
static void
update_status (GtkLabel  *status,
               GtkWidget *marked,
               GtkWidget *empty)
{
  g_autofree char *text = NULL;

  if (marked != NULL && field_title (marked) != NULL)
    text = g_strdup_printf (C_("form reason", "%s: %s"), field_title (marked),
                            (const char *) g_object_get_data (G_OBJECT (marked), REASON_KEY));
  else if (marked != NULL)
    text = g_strdup (g_object_get_data (G_OBJECT (marked), REASON_KEY));
  else if (empty != NULL && field_title (empty) != NULL)
    /* Translators: shown under a form whose Save button is greyed out; %s is
     * the name of an empty field, such as SKU */
    text = g_strdup_printf (_("Fill in “%s” to save"), field_title (empty));
  else if (empty != NULL)
    text = g_strdup_printf (_("Can’t save yet: %s"),
                            (const char *) g_object_get_data (G_OBJECT (empty), REASON_KEY));

  if (g_strcmp0 (gtk_label_get_text (status), text != NULL ? text : "") == 0)
    return;
  gtk_label_set_text (status, text != NULL ? text : "");
  if (marked != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (status), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (status), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (status), "error");
      gtk_widget_add_css_class (GTK_WIDGET (status), "dim-label");
    }
}

/**
 * bo_form_show_first_reason:
 * @label: a line kept in a small form (a group with its own button)
 * @...: the form's fields checked with bo_form_show_reason() and no label,
 *   in order, then %NULL
 *
 * Writes in @label the first bad value the fields show, or nothing. The
 * label keeps two lines whether empty or not, so the form does not move
 * when a value turns bad or good.
 */
void
bo_form_show_first_reason (GtkLabel *label,
                           ...)
{
  GtkWidget *marked = NULL;
  va_list fields;
  GtkWidget *field;

  g_return_if_fail (GTK_IS_LABEL (label));

  /* Two lines hold a sentence in German beside a narrow form; a longer
   * one is cut short, and the row's tooltip and description hold it all. */
  if (g_object_get_data (G_OBJECT (label), "bo-form-lines") == NULL)
    {
      gtk_label_set_lines (label, 2);
      gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
    }
  keep_lines (label, 2);
  va_start (fields, label);
  while (marked == NULL && (field = va_arg (fields, GtkWidget *)) != NULL)
    if (g_object_get_data (G_OBJECT (field), SHOWN_KEY) != NULL)
      marked = field;
  va_end (fields);
  update_status (label, marked, NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                               *gtk_label_get_text (label) != '\0' ? gtk_label_get_text (label) : NULL);
}

/**
 * bo_form_explain_disabled:
 * @button: a form's Save (or Place…) button
 * @...: the form's fields checked with bo_form_show_reason(), in order,
 *   then %NULL
 *
 * A greyed-out button says why: its tooltip (and accessible description)
 * names the first field that is empty or wrong, also before the merchant
 * has touched it ("Can’t save yet: Name: required"), and so does the
 * status line of bo_form_set_status_label(), if any.
 */
void
bo_form_explain_disabled (GtkWidget *button,
                          ...)
{
  g_autofree char *why = NULL;
  GtkLabel *status;
  GtkWidget *marked = NULL, *empty = NULL;
  va_list fields;
  GtkWidget *field;

  g_return_if_fail (GTK_IS_WIDGET (button));

  va_start (fields, button);
  while ((field = va_arg (fields, GtkWidget *)) != NULL)
    {
      const char *reason = g_object_get_data (G_OBJECT (field), REASON_KEY);

      if (reason == NULL)
        continue;
      if (marked == NULL && g_object_get_data (G_OBJECT (field), SHOWN_KEY) != NULL)
        marked = field;
      else if (empty == NULL)
        empty = field;
      if (why != NULL)
        continue;
      if (field_title (field) != NULL)
        /* Translators: why a Save button is greyed out: a field's name, then what is wrong */
        why = g_strdup_printf (_("Can’t save yet: %s: %s"), field_title (field), reason);
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

  status = g_object_get_data (G_OBJECT (button), STATUS_KEY);
  if (status != NULL)
    update_status (status, marked, empty);
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
