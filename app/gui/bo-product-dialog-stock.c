/* bo-product-dialog-stock.c — the product dialog's stock: figures, adjustments, history
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An adjustment is its own operation, done at once: added stock goes to the
 * waiting orders straight away, and the merchant learns which can ship.
 */
#define G_LOG_DOMAIN "bo-product-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bo-form.h"
#include "bo-format.h"
#include "bo-product-dialog-private.h"

#define N_MOVEMENTS_SHOWN 10
#define N_READY_NAMED     3

/* ---- helpers ---------------------------------------------------------------- */

/* A change of stock as typed: "5", "+5", "-2" or "−2". */
static char *
check_delta (const char *text,
             gint64     *delta)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *digits = stripped;
  gint64 units = 0;
  gint sign = 1;

  *delta = 0;
  if (*stripped == '\0')
    return g_strdup (_("required"));
  if (*digits == '+')
    digits++;
  else if (*digits == '-')
    sign = -1, digits++;
  else if (g_str_has_prefix (digits, "−"))
    sign = -1, digits += strlen ("−");
  if (bo_form_is_too_large (digits))
    return g_strdup_printf (_("“%s” is too large: at most %s"), stripped, bo_form_quantity_limit ());
  if (!bo_parse_quantity (digits, &units))
    return g_strdup_printf (_("“%s” is not a whole number; write 5 to add units or -2 to "
                              "remove them"), stripped);
  if (units == 0)
    return g_strdup (_("cannot be zero"));
  *delta = sign * units;
  return NULL;
}

static const char *
movement_label (const char *reason,
                gint64      delta)
{
  if (g_strcmp0 (reason, "initial") == 0)
    return _("Initial stock");
  if (g_strcmp0 (reason, "adjustment") == 0)
    return _("Adjustment");
  /* A shipment into stock is a shipment marked shipped and then undone. */
  if (g_strcmp0 (reason, "shipment") == 0)
    return delta > 0 ? _("Shipment undone") : _("Shipped");
  if (g_strcmp0 (reason, "receipt") == 0)
    return _("Received");
  return reason != NULL ? reason : "";
}

static GtkWidget *
movement_row_new (const BoMovement *movement)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *when = bo_format_instant (movement->at);
  g_autofree char *units = bo_format_quantity (movement->delta);
  g_autofree char *signed_units = movement->delta > 0 ? g_strconcat ("+", units, NULL)
                                                      : g_strdup (units);
  GtkWidget *label = gtk_label_new (signed_units);

  if (movement->reference != NULL && *movement->reference != '\0')
    /* Translators: kind of stock movement — its reference (order, purchase order or note) */
    title = g_strdup_printf (C_("stock movement", "%s — %s"),
                             movement_label (movement->reason, movement->delta),
                             movement->reference);
  else
    title = g_strdup (movement_label (movement->reason, movement->delta));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, movement->delta < 0 ? "dim-label" : "success");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
show_movements (BoProductDialog *self)
{
  g_autoptr(GPtrArray) movements = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  guint shown;

  for (guint i = 0; i < self->movement_rows->len; i++)
    adw_expander_row_remove (self->movements_row, g_ptr_array_index (self->movement_rows, i));
  g_ptr_array_set_size (self->movement_rows, 0);

  if (self->product_id == 0)
    return;
  movements = bo_store_list_movements (self->store, self->product_id, &error);
  if (movements == NULL)
    {
      adw_expander_row_set_subtitle (self->movements_row, error->message);
      return;
    }
  shown = MIN (movements->len, N_MOVEMENTS_SHOWN);
  for (guint i = 0; i < shown; i++)
    {
      GtkWidget *row = movement_row_new (g_ptr_array_index (movements, i));

      adw_expander_row_add_row (self->movements_row, row);
      g_ptr_array_add (self->movement_rows, row);
    }
  if (movements->len == 0)
    subtitle = g_strdup (_("No stock has moved yet"));
  else if (movements->len > shown)
    subtitle = g_strdup_printf (ngettext ("The newest %u", "The newest %u", shown), shown);
  else
    subtitle = g_strdup_printf (ngettext ("%u movement", "%u movements", shown), shown);
  adw_expander_row_set_subtitle (self->movements_row, subtitle);
  adw_expander_row_set_enable_expansion (self->movements_row, movements->len > 0);
}

static void
set_figure (GtkLabel *label,
            gint64    value)
{
  g_autofree char *text = bo_format_quantity (value);

  gtk_label_set_text (label, text);
}

/* Which orders the adjustment let ship, in a sentence for a toast. */
static char *
ready_summary (BoProductDialog          *self,
               const BoAllocationResult *result)
{
  GArray *ready = result != NULL ? result->ready : NULL;
  g_autofree char *on_hand = bo_format_quantity (self->product != NULL ? self->product->on_hand
                                                                      : 0);
  g_autoptr(GString) numbers = NULL;
  guint n = ready != NULL ? ready->len : 0;

  if (n == 0)
    return g_strdup_printf (_("Stock adjusted: %s on hand"), on_hand);
  numbers = g_string_new (NULL);
  for (guint i = 0; i < MIN (n, N_READY_NAMED); i++)
    {
      const BoReadyOrder *order = &g_array_index (ready, BoReadyOrder, i);

      if (i > 0)
        g_string_append (numbers, _(", "));
      g_string_append (numbers, order->number);
    }
  if (n > N_READY_NAMED)
    /* Translators: follows a list of order numbers */
    g_string_append_printf (numbers, ngettext (" and %u more", " and %u more", n - N_READY_NAMED),
                            n - N_READY_NAMED);
  /* Translators: %s is a list of order numbers */
  return g_strdup_printf (ngettext ("Stock adjusted: %u order can ship now (%s)",
                                    "Stock adjusted: %u orders can ship now (%s)", n),
                          n, numbers->str);
}

static void
clear_adjustment (BoProductDialog *self)
{
  self->loading = TRUE;
  bo_form_reset (GTK_WIDGET (self->delta_row), NULL);
  bo_form_reset (GTK_WIDGET (self->note_row), NULL);
  self->loading = FALSE;
}

/* ---- actions ---------------------------------------------------------------- */

static void
show_adjust_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BoProductDialog *self = BO_PRODUCT_DIALOG (widget);

  clear_adjustment (self);
  gtk_widget_set_visible (GTK_WIDGET (self->adjust_group), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->delta_row));
  self->adjust_valid = _bo_product_dialog_validate_adjust (self);
  _bo_product_dialog_update_actions (self);
}

static void
hide_adjust_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BoProductDialog *self = BO_PRODUCT_DIALOG (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->adjust_group), FALSE);
  clear_adjustment (self);
  self->adjust_valid = _bo_product_dialog_validate_adjust (self);
  _bo_product_dialog_update_actions (self);
}

static void
adjust_stock_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BoProductDialog *self = BO_PRODUCT_DIALOG (widget);
  g_autoptr(BoAllocationResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *note = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;
  gint64 delta;

  if (self->product_id == 0 || (reason = check_delta (
        gtk_editable_get_text (GTK_EDITABLE (self->delta_row)), &delta)) != NULL)
    return;
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  if (!bo_store_adjust_stock (self->store, self->product_id, delta, note, &result, &error))
    {
      bo_form_show_error (GTK_WINDOW (self), _("Could not adjust the stock"), error);
      return;
    }
  /* The store's change notice has already refreshed the figures. */
  gtk_widget_set_visible (GTK_WIDGET (self->adjust_group), FALSE);
  clear_adjustment (self);
  self->adjust_valid = _bo_product_dialog_validate_adjust (self);
  _bo_product_dialog_update_actions (self);

  summary = ready_summary (self, result);
  /* Toast titles are markup; order numbers come from shop platforms. */
  escaped = g_markup_escape_text (summary, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, result != NULL && result->ready->len > 0 ? 10 : 5);
  _bo_product_dialog_add_toast (self, toast);
}

/* ---- internal --------------------------------------------------------------- */

void
_bo_product_dialog_stock_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "product.show-adjust", NULL, show_adjust_action);
  gtk_widget_class_install_action (widget_class, "product.hide-adjust", NULL, hide_adjust_action);
  gtk_widget_class_install_action (widget_class, "product.adjust-stock", NULL, adjust_stock_action);
}

/* Shows the stock figures of an existing product, or the initial stock field
 * of a new one, and the recent movements. */
void
_bo_product_dialog_show_stock (BoProductDialog *self)
{
  gboolean existing = self->product_id != 0 && self->product != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->on_hand_row), existing);
  gtk_widget_set_visible (GTK_WIDGET (self->allocated_row), existing);
  gtk_widget_set_visible (GTK_WIDGET (self->backordered_row), existing);
  gtk_widget_set_visible (GTK_WIDGET (self->incoming_row), existing);
  gtk_widget_set_visible (adw_preferences_group_get_header_suffix (self->stock_group), existing);
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), existing);
  if (existing)
    {
      set_figure (self->on_hand_label, self->product->on_hand);
      set_figure (self->allocated_label, self->product->allocated);
      set_figure (self->backordered_label, self->product->backordered);
      set_figure (self->incoming_label, self->product->incoming);
      if (self->product->backordered > 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->backordered_label), "backordered");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->backordered_label), "backordered");
    }
  show_movements (self);
}

/* Checks the adjustment fields. */
gboolean
_bo_product_dialog_validate_adjust (BoProductDialog *self)
{
  const char *delta_text = gtk_editable_get_text (GTK_EDITABLE (self->delta_row));
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  gint64 delta;
  g_autofree char *delta_reason = check_delta (delta_text, &delta);
  g_autofree char *note_reason = bo_form_check_text (note, TRUE, 200,
                                                     _("say why, e.g. “stock count”"));
  gboolean valid = TRUE;

  valid &= bo_form_show_reason (GTK_WIDGET (self->delta_row), self->delta_error, delta_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->note_row), self->note_error, note_reason);
  return valid;
}
