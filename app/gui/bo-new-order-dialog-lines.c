/* bo-new-order-dialog-lines.c — the lines of a new order and their live outcome
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change to the draft asks the store what placing it would do
 * (bo_store_preview_order, which reads only), a moment after the typing
 * stops: one preview per pause, which says for each line what it gets or
 * why it would be refused.
 */
#define G_LOG_DOMAIN "bo-new-order-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "backorders/bo-error.h"
#include "bo-form.h"
#include "bo-format.h"
#include "bo-new-order-dialog-private.h"

/* How long typing must pause before the draft is previewed. */
#define PREVIEW_DELAY_MS 100

#define SUGGESTION_LIMIT 8

/* ---- helpers ---------------------------------------------------------------- */

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
set_outcome (BoNewOrderLine *line,
             const char     *text,
             const char     *style,
             const char     *tooltip)
{
  gtk_widget_remove_css_class (GTK_WIDGET (line->outcome_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (line->outcome_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (line->outcome_label), "dim-label");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (line->outcome_label), style);
  set_label (line->outcome_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (line->outcome_label),
                               tooltip != NULL && *tooltip != '\0' ? tooltip : NULL);
}

/* "2 ship now, 1 backordered, expected 12/12/26" */
static char *
outcome_text (const BoLineOutcome *outcome)
{
  g_autofree char *now = bo_format_quantity (outcome->allocated);
  g_autofree char *later = bo_format_quantity (outcome->backordered);
  g_autofree char *date = bo_format_date (outcome->promised);
  gulong n = (gulong) MIN (outcome->allocated, G_MAXLONG);

  if (outcome->backordered <= 0)
    /* Translators: %s is a number of units */
    return g_strdup_printf (ngettext ("%s ships now", "%s ship now", n), now);
  if (outcome->allocated <= 0)
    {
      if (outcome->promised != 0)
        /* Translators: units backordered, then the date they are expected */
        return g_strdup_printf (_("%s backordered, expected %s"), later, date);
      return g_strdup_printf (_("%s backordered, needs a purchase order"), later);
    }
  if (outcome->promised != 0)
    /* Translators: units shipping now, units backordered, the date they are expected */
    return g_strdup_printf (ngettext ("%s ships now, %s backordered, expected %s",
                                      "%s ship now, %s backordered, expected %s", n),
                            now, later, date);
  return g_strdup_printf (ngettext ("%s ships now, %s backordered, needs a purchase order",
                                    "%s ship now, %s backordered, needs a purchase order", n),
                          now, later);
}

static void
update_accessible_names (BoNewOrderDialog *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      BoNewOrderLine *line = g_ptr_array_index (self->lines, i);
      g_autofree char *sku = g_strdup_printf (_("SKU, line %u"), i + 1);
      g_autofree char *quantity = g_strdup_printf (_("Quantity, line %u"), i + 1);
      g_autofree char *remove = g_strdup_printf (_("Remove line %u"), i + 1);
      g_autofree char *title = g_strdup_printf (_("Line %u"), i + 1);

      gtk_accessible_update_property (GTK_ACCESSIBLE (line->sku_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, sku, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (line->quantity_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, quantity, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (line->remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line->row), title);
    }
}

/* Checks what can be checked without the store's rules: a product with that
 * SKU exists, and the quantity is a whole number of at least 1. */
static void
check_line (BoNewOrderLine *line)
{
  BoNewOrderDialog *self = line->dialog;
  g_autofree char *sku = g_strstrip (g_strdup (gtk_editable_get_text (line->sku_entry)));
  g_autofree char *quantity = g_strstrip (g_strdup (gtk_editable_get_text (line->quantity_entry)));
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(BoProduct) product = NULL;
  g_autoptr(GError) error = NULL;
  gint64 q = 0;

  line->blank = *sku == '\0';
  line->product_id = 0;
  line->quantity = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (line->sku_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (line->quantity_entry), "error");
  set_label (line->product_label, NULL);

  if (!line->blank)
    {
      product = bo_store_find_product (self->store, sku, &error);
      if (product != NULL)
        {
          line->product_id = product->id;
          set_label (line->product_label, product->name);
        }
      else
        {
          gtk_widget_add_css_class (GTK_WIDGET (line->sku_entry), "error");
          g_string_append (problems, error->message);
        }
    }

  if (bo_parse_quantity (quantity, &q) && q >= 1)
    line->quantity = q;
  else if (!line->blank)
    {
      gtk_widget_add_css_class (GTK_WIDGET (line->quantity_entry), "error");
      if (problems->len > 0)
        g_string_append_c (problems, '\n');
      if (*quantity == '\0')
        g_string_append (problems, _("Enter the quantity"));
      else if (bo_form_is_too_large (quantity))
        g_string_append_printf (problems, _("The quantity “%s” is too large: at most %s"),
                                quantity, bo_form_quantity_limit ());
      else
        g_string_append_printf (problems,
                                _("The quantity must be a whole number of 1 or more, not “%s”"),
                                quantity);
    }

  line->problem = problems->len > 0;
  set_label (line->problem_label, problems->str);
  if (line->problem || line->blank)
    set_outcome (line, NULL, NULL, NULL);
}

static void
update_sku_suggestions (BoNewOrderLine *line)
{
  BoNewOrderDialog *self = line->dialog;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (line->sku_entry)));
  g_autoptr(GPtrArray) products = NULL;

  bo_suggestion_popover_remove_all (line->suggestions);
  if (*text != '\0')
    products = bo_store_list_products (self->store, text, "sku", 0, SUGGESTION_LIMIT, NULL);
  for (guint i = 0; products != NULL && i < products->len; i++)
    {
      const BoProduct *p = g_ptr_array_index (products, i);

      /* The SKU typed in full needs no suggestion. */
      if (products->len == 1 && g_ascii_strcasecmp (p->sku, text) == 0)
        break;
      bo_suggestion_popover_append (line->suggestions, p->id, p->sku, p->sku, p->name);
    }
  bo_suggestion_popover_update (line->suggestions);
}

static gboolean
usable (const BoNewOrderLine *line)
{
  return !line->blank && !line->problem && line->product_id != 0 && line->quantity > 0;
}

static BoOrderDraft *
draft_for (BoNewOrderDialog *self,
           GPtrArray        *lines,
           guint             n_lines,
           gboolean          with_number)
{
  BoOrderDraft *draft = bo_order_draft_new ();
  const char *number = gtk_editable_get_text (GTK_EDITABLE (self->number_row));
  guint priority = adw_combo_row_get_selected (self->priority_row);

  draft->customer_id = self->customer != NULL ? self->customer->id : 0;
  if (with_number && number != NULL && *number != '\0')
    draft->number = g_strstrip (g_strdup (number));
  if (self->ship_complete_chosen || self->customer == NULL)
    draft->ship_complete = gtk_switch_get_active (self->ship_complete_switch) ? 1 : 0;
  else
    draft->ship_complete = -1;
  draft->priority = priority == GTK_INVALID_LIST_POSITION || priority == 0 ? -1 : (gint) priority - 1;
  for (guint i = 0; i < n_lines; i++)
    {
      const BoNewOrderLine *line = g_ptr_array_index (lines, i);
      g_autofree char *sku = g_strstrip (g_strdup (gtk_editable_get_text (line->sku_entry)));

      bo_order_draft_add_line (draft, sku, line->quantity, -1);
    }
  return draft;
}

/* ---- callbacks -------------------------------------------------------------- */

static gboolean
preview_timeout_cb (gpointer data)
{
  BoNewOrderDialog *self = data;

  self->preview_source = 0;
  _bo_new_order_dialog_run_preview (self);
  return G_SOURCE_REMOVE;
}

static void
sku_changed_cb (BoNewOrderLine *line)
{
  check_line (line);
  if (!line->picking)
    update_sku_suggestions (line);
  _bo_new_order_dialog_queue_preview (line->dialog);
}

static void
sku_picked_cb (BoNewOrderLine *line,
               gint64          id,
               const char     *value)
{
  line->picking = TRUE;
  gtk_editable_set_text (line->sku_entry, value);
  gtk_editable_set_position (line->sku_entry, -1);
  line->picking = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (line->quantity_entry));
}

static void
quantity_changed_cb (BoNewOrderLine *line)
{
  check_line (line);
  _bo_new_order_dialog_queue_preview (line->dialog);
}

static gboolean
release_row_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* ---- line rows -------------------------------------------------------------- */

void
_bo_new_order_line_free (gpointer data)
{
  BoNewOrderLine *line = data;

  /* The widgets may outlive the line for a moment while they are destroyed. */
  g_signal_handlers_disconnect_by_data (line->sku_entry, line);
  g_signal_handlers_disconnect_by_data (line->quantity_entry, line);
  g_signal_handlers_disconnect_by_data (line->suggestions, line);
  g_object_unref (line->row);
  g_free (line);
}

static GtkLabel *
line_label (GtkWidget  *box,
            const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_visible (label, FALSE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

BoNewOrderLine *
_bo_new_order_dialog_add_line (BoNewOrderDialog *self)
{
  BoNewOrderLine *line = g_new0 (BoNewOrderLine, 1);
  GtkWidget *box, *fields, *sku, *quantity, *remove;

  line->dialog = self;
  line->serial = ++self->next_serial;

  line->row = g_object_ref_sink (g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                               "activatable", FALSE,
                                               "selectable", FALSE,
                                               NULL));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  fields = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  sku = gtk_entry_new ();
  gtk_widget_set_hexpand (sku, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (sku), _("SKU"));
  gtk_widget_set_name (sku, "sku");
  quantity = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (quantity), 6);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (quantity), 8);
  gtk_editable_set_alignment (GTK_EDITABLE (quantity), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (quantity), GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_placeholder_text (GTK_ENTRY (quantity), _("Quantity"));
  gtk_editable_set_text (GTK_EDITABLE (quantity), "1");
  gtk_widget_set_name (quantity, "quantity");
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Line"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "order.remove-line");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove),
                                          g_variant_new_uint32 (line->serial));
  gtk_box_append (GTK_BOX (fields), sku);
  gtk_box_append (GTK_BOX (fields), quantity);
  gtk_box_append (GTK_BOX (fields), remove);
  gtk_box_append (GTK_BOX (box), fields);

  line->sku_entry = GTK_EDITABLE (sku);
  line->quantity_entry = GTK_EDITABLE (quantity);
  line->remove_button = remove;
  line->product_label = line_label (box, "dim-label");
  line->problem_label = line_label (box, "error");
  line->outcome_label = line_label (box, NULL);
  gtk_widget_set_name (GTK_WIDGET (line->problem_label), "problem");
  gtk_widget_set_name (GTK_WIDGET (line->outcome_label), "outcome");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (line->row), box);

  line->suggestions = bo_suggestion_popover_new (sku);
  g_signal_connect_swapped (sku, "changed", G_CALLBACK (sku_changed_cb), line);
  g_signal_connect_swapped (quantity, "changed", G_CALLBACK (quantity_changed_cb), line);
  g_signal_connect_swapped (line->suggestions, "picked", G_CALLBACK (sku_picked_cb), line);

  adw_preferences_group_add (self->lines_group, line->row);
  g_ptr_array_add (self->lines, line);
  update_accessible_names (self);
  check_line (line);
  _bo_new_order_dialog_queue_preview (self);
  return line;
}

void
_bo_new_order_dialog_remove_line (BoNewOrderDialog *self,
                                  guint             serial)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      BoNewOrderLine *line = g_ptr_array_index (self->lines, i);

      if (line->serial != serial)
        continue;
      /* The row's own remove button is still handling its click: the row
       * lives on until the main loop is idle. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, release_row_cb, g_object_ref (line->row),
                       g_object_unref);
      adw_preferences_group_remove (self->lines_group, line->row);
      g_ptr_array_remove_index (self->lines, i);
      update_accessible_names (self);
      _bo_new_order_dialog_queue_preview (self);
      return;
    }
}

/* The shop changed under the dialog: a SKU may exist now, or not any more. */
void
_bo_new_order_dialog_check_lines (BoNewOrderDialog *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    check_line (g_ptr_array_index (self->lines, i));
}

/* ---- preview ---------------------------------------------------------------- */

void
_bo_new_order_dialog_queue_preview (BoNewOrderDialog *self)
{
  /* Until the store has seen the new draft, it cannot be placed. */
  self->preview_ok = FALSE;
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
  _bo_new_order_dialog_update_actions (self);
}

void
_bo_new_order_dialog_run_preview (BoNewOrderDialog *self)
{
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BoOrderDraft) draft = NULL;
  g_autoptr(BoOrderOutcome) outcome = NULL;
  gboolean refused = FALSE;

  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_ok = FALSE;
  self->number_ok = TRUE;
  bo_form_show_reason (GTK_WIDGET (self->number_row), NULL, NULL);

  for (guint i = 0; i < self->lines->len; i++)
    {
      BoNewOrderLine *line = g_ptr_array_index (self->lines, i);

      line->refused = FALSE;
      if (usable (line))
        g_ptr_array_add (active, line);
      if (self->customer == NULL && usable (line))
        set_outcome (line, _("Choose the customer to see what this line gets"), "dim-label", NULL);
    }
  if (self->customer == NULL || active->len == 0)
    {
      _bo_new_order_dialog_update_actions (self);
      return;
    }

  /* One read-only preview of the whole draft: it says which lines would be
   * refused and why, and whether the number is free. */
  draft = draft_for (self, active, active->len, TRUE);
  if (!bo_store_preview_order (self->store, draft, &outcome, &error))
    {
      /* The shop itself failed (busy, unreadable, changed meanwhile): no
       * line is to blame. */
      for (guint i = 0; i < active->len; i++)
        set_outcome (g_ptr_array_index (active, i), error->message, "error", NULL);
      refused = TRUE;
    }
  for (guint i = 0; outcome != NULL && i < active->len && i < outcome->lines->len; i++)
    {
      const BoLineOutcome *o = &g_array_index (outcome->lines, BoLineOutcome, i);
      BoNewOrderLine *line = g_ptr_array_index (active, i);
      g_autofree char *text = NULL;

      if (o->refusal != NULL)
        {
          line->refused = TRUE;
          refused = TRUE;
          set_outcome (line, o->refusal, "error", NULL);
          continue;
        }
      text = outcome_text (o);
      set_outcome (line, text, o->backordered > 0 ? "warning" : NULL, o->reason);
    }
  if (outcome != NULL && outcome->problem != NULL)
    {
      self->number_ok = FALSE;
      bo_form_show_reason (GTK_WIDGET (self->number_row), NULL, outcome->problem);
    }

  self->preview_ok = !refused && active->len > 0;
  _bo_new_order_dialog_update_actions (self);
}

/**
 * _bo_new_order_dialog_make_draft:
 *
 * Returns: (transfer full): the order as typed, from every complete line
 */
BoOrderDraft *
_bo_new_order_dialog_make_draft (BoNewOrderDialog *self,
                                 gboolean          with_number)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();

  for (guint i = 0; i < self->lines->len; i++)
    if (usable (g_ptr_array_index (self->lines, i)))
      g_ptr_array_add (lines, g_ptr_array_index (self->lines, i));
  return draft_for (self, lines, lines->len, with_number);
}
