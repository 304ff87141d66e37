/* bo-po-dialog-lines.c — the lines of the purchase-order dialog and its line form
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form finds the product by SKU (suggesting up to eight as the merchant
 * types), checks quantity and cost as they are typed, and either adds the
 * line to a new purchase order's draft or straight to an open one. A bad
 * value is marked in its row, and the line at the dialog's foot says what
 * holds Create back.
 */
#define G_LOG_DOMAIN "bo-po-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-form.h"
#include "bo-format.h"
#include "bo-po-dialog-private.h"
#include <backorders/bo-money.h>

#define N_SUGGESTIONS 8

void
_bo_po_draft_line_clear (BoPoDraftLine *line)
{
  g_clear_pointer (&line->sku, g_free);
  g_clear_pointer (&line->name, g_free);
}

/* ---- the lines -------------------------------------------------------------- */

static char *
line_title (const char *sku,
            const char *name)
{
  /* Translators: a product's SKU and name */
  return g_strdup_printf (_("%s — %s"), sku, name != NULL ? name : "");
}

static GtkWidget *
draft_row_new (BoPoDialog          *self,
               const BoPoDraftLine *line,
               guint                index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = line_title (line->sku, line->name);
  g_autofree char *quantity = bo_format_quantity (line->quantity);
  g_autofree char *cost = line->cost >= 0 ? bo_format_money (line->cost, self->currency) : NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = NULL;

  if (cost != NULL)
    /* Translators: units to order, unit cost */
    subtitle = g_strdup_printf (_("%s units at %s each"), quantity, cost);
  else
    /* Translators: units to order */
    subtitle = g_strdup_printf (_("%s units at the supplier’s cost"), quantity);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  remove_label = g_strdup_printf (_("Remove %s"), line->sku);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Line"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "po.remove-line");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_uint32 (index));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static GtkWidget *
po_line_row_new (BoPoDialog     *self,
                 const BoPoLine *line)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = line_title (line->sku, line->product_name);
  g_autofree char *ordered = bo_format_quantity (line->ordered);
  g_autofree char *received = bo_format_quantity (line->received);
  g_autofree char *open = bo_format_quantity (line->ordered - line->received);
  g_autofree char *cost = bo_format_money (line->cost, self->currency);
  g_autofree char *eta = NULL;
  g_autofree char *subtitle = NULL;

  if (line->received >= line->ordered)
    {
      g_autofree char *on = bo_format_date (line->fully_received);
      /* Translators: the line's date of full receipt */
      eta = g_strdup_printf (_("received on %s"), on);
    }
  else if (line->eta != 0)
    {
      g_autofree char *on = bo_format_date (line->eta);
      /* Translators: the line's expected date */
      eta = g_strdup_printf (_("expected %s"), on);
    }
  else
    eta = g_strdup (_("expected date not known"));

  /* Translators: units ordered, received, still outstanding; unit cost; expected date */
  subtitle = g_strdup_printf (_("Ordered %s · received %s · outstanding %s · %s each · %s"),
                              ordered, received, open, cost, eta);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

void
_bo_po_dialog_show_lines (BoPoDialog *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->lines_list, 0)) != NULL)
    gtk_list_box_remove (self->lines_list, GTK_WIDGET (row));

  if (self->po_id == 0)
    {
      for (guint i = 0; i < self->draft->len; i++)
        {
          const BoPoDraftLine *line = &g_array_index (self->draft, BoPoDraftLine, i);
          gtk_list_box_append (self->lines_list, draft_row_new (self, line, i));
        }
    }
  else if (self->po != NULL)
    {
      for (guint i = 0; i < self->po->lines->len; i++)
        gtk_list_box_append (self->lines_list,
                             po_line_row_new (self, g_ptr_array_index (self->po->lines, i)));
    }
}

void
_bo_po_dialog_remove_draft_line (BoPoDialog *self,
                                 guint       index)
{
  if (index >= self->draft->len)
    return;
  g_array_remove_index (self->draft, index);
  _bo_po_dialog_show_lines (self);
  _bo_po_dialog_update_actions (self);
}

/* ---- the form --------------------------------------------------------------- */

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
clear_suggestions (BoPoDialog *self)
{
  for (guint i = 0; i < self->suggestions->len; i++)
    gtk_list_box_remove (self->add_list, g_ptr_array_index (self->suggestions, i));
  g_ptr_array_set_size (self->suggestions, 0);
}

/* What an empty unit cost stands for: the supplier's cost, else the product's. */
static gint64
known_cost (BoPoDialog      *self,
            const BoProduct *product)
{
  g_autoptr(GPtrArray) links = bo_store_list_product_suppliers (self->store, product->id, NULL);
  gint64 supplier_id = _bo_po_dialog_get_supplier_id (self);

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const BoProductSupplier *link = g_ptr_array_index (links, i);

      if (link->supplier_id == supplier_id && link->cost >= 0)
        return link->cost;
    }
  return product->cost;
}

/* Up to eight products whose SKU or name holds the text, right under the
 * SKU entry; none once the text is a SKU. */
static void
update_suggestions (BoPoDialog *self,
                    const char *text)
{
  g_autoptr(GPtrArray) products = NULL;

  clear_suggestions (self);
  if (*text == '\0')
    return;
  products = bo_store_list_products (self->store, text, "sku", 0, N_SUGGESTIONS, NULL);
  if (products == NULL)
    return;
  for (guint i = 0; i < products->len; i++)
    if (g_ascii_strcasecmp (((BoProduct *) g_ptr_array_index (products, i))->sku, text) == 0)
      return;
  for (guint i = 0; i < products->len; i++)
    {
      const BoProduct *product = g_ptr_array_index (products, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), product->sku);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), product->name);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Use this product"));
      gtk_widget_add_css_class (row, "suggestion");
      g_object_set_data_full (G_OBJECT (row), "bo-sku", g_strdup (product->sku), g_free);
      gtk_list_box_insert (self->add_list, row, 1 + i);
      g_ptr_array_add (self->suggestions, row);
    }
}

/* The foot says what holds Create back, as the other forms do for Save: a
 * bad value, else the first field to fill in, else the supplier. An open
 * purchase order has only its date to set. */
void
_bo_po_dialog_explain_disabled (BoPoDialog *self,
                                gboolean    is_new,
                                gboolean    can_create)
{
  if (!is_new)
    {
      bo_form_explain_disabled (self->set_eta_button, self->eta_row, NULL);
      return;
    }
  bo_form_explain_disabled (self->create_button, self->eta_row, self->sku_row,
                            self->quantity_row, self->cost_row, NULL);
  if (!can_create && *gtk_label_get_text (self->status_label) == '\0' &&
      _bo_po_dialog_get_supplier_id (self) == 0)
    {
      gtk_label_set_text (self->status_label,
                          _("Choose the supplier to create the purchase order"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
}

void
_bo_po_dialog_validate_line (BoPoDialog *self)
{
  g_autofree char *sku = row_text (self->sku_row);
  g_autofree char *quantity = row_text (self->quantity_row);
  g_autofree char *cost = row_text (self->cost_row);
  g_autofree char *sku_reason = NULL;
  g_autofree char *quantity_reason = NULL;
  g_autofree char *cost_reason = NULL;
  g_autoptr(GError) error = NULL;
  gboolean quantity_ok, cost_ok;

  if (self->store == NULL)
    return;

  self->line_empty = *sku == '\0' && *quantity == '\0' && *cost == '\0';

  g_clear_pointer (&self->line_product, bo_product_free);
  if (*sku != '\0')
    {
      self->line_product = bo_store_find_product (self->store, sku, &error);
      if (self->line_product == NULL && self->suggestions->len > 0)
        sku_reason = g_strdup_printf (_("No product has the SKU “%s”: pick one of "
                                        "the suggestions"), sku);
      else if (self->line_product == NULL)
        sku_reason = g_strdup (error->message);
    }
  else if (self->line_empty && self->po_id == 0 && self->draft->len == 0)
    /* Not shown while untouched: it names the field at the foot. */
    sku_reason = g_strdup (_("required"));

  quantity_ok = bo_parse_quantity (quantity, &self->line_quantity) && self->line_quantity > 0;
  if (*quantity != '\0' && !quantity_ok && bo_form_is_too_large (quantity))
    quantity_reason = g_strdup_printf (_("The quantity “%s” is too large: at most %s"),
                                       quantity, bo_form_quantity_limit ());
  else if (*quantity != '\0' && !quantity_ok)
    quantity_reason = g_strdup (_("The quantity must be a whole number of at least 1"));
  else if (*quantity == '\0' && !self->line_empty)
    quantity_reason = g_strdup (_("required"));

  self->line_cost = -1;
  cost_ok = *cost == '\0' || bo_parse_money (cost, self->currency, &self->line_cost);
  if (!cost_ok)
    {
      g_autofree char *example = bo_form_money_text (bo_money_from_major (4.5, self->currency),
                                                     self->currency);
      cost_reason = g_strdup_printf (_("Write the unit cost as an amount, like %s, "
                                       "or leave it empty for the supplier’s cost"),
                                     example);
    }
  if (cost_ok && self->line_cost > BO_MONEY_MAX)
    {
      g_autoptr(GError) range = NULL;

      /* The store's own limit and sentence, before the merchant saves. */
      bo_check_amount_in (self->line_cost, self->currency, _("The unit cost"), &range);
      g_free (cost_reason);
      cost_reason = g_strdup (range->message);
      cost_ok = FALSE;
    }
  /* Left empty, the cost is the supplier's, else the product's: with neither
   * the line would be bought for nothing, unnoticed. */
  if (cost_ok && *cost == '\0' && self->line_product != NULL &&
      known_cost (self, self->line_product) <= 0)
    {
      cost_ok = FALSE;
      cost_reason = g_strdup_printf (_("Enter the unit cost: neither the supplier nor "
                                       "the product has a cost for %s"),
                                     self->line_product->sku);
      /* The field is empty, yet this is a problem to show, not a hint. */
      bo_form_touch (GTK_WIDGET (self->cost_row));
    }

  self->line_valid = self->line_product != NULL && quantity_ok && cost_ok;

  /* Each sentence in its row: nothing below the line moves when it shows. */
  bo_form_show_reason (GTK_WIDGET (self->sku_row), NULL, sku_reason);
  bo_form_show_reason (GTK_WIDGET (self->quantity_row), NULL, quantity_reason);
  bo_form_show_reason (GTK_WIDGET (self->cost_row), NULL, cost_reason);
  _bo_po_dialog_update_actions (self);
}

void
_bo_po_dialog_clear_line (BoPoDialog *self)
{
  bo_form_reset (GTK_WIDGET (self->sku_row), NULL);
  bo_form_reset (GTK_WIDGET (self->quantity_row), NULL);
  bo_form_reset (GTK_WIDGET (self->cost_row), NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->sku_row));
}

/**
 * _bo_po_dialog_add_line:
 *
 * Puts the line of the form on the draft of a new purchase order, or on the
 * open purchase order shown.
 */
void
_bo_po_dialog_add_line (BoPoDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->line_valid)
    return;
  if (self->po_id == 0)
    {
      BoPoDraftLine line = {
        .product_id = self->line_product->id,
        .sku = g_strdup (self->line_product->sku),
        .name = g_strdup (self->line_product->name),
        .quantity = self->line_quantity,
        .cost = self->line_cost,
      };

      g_array_append_val (self->draft, line);
      _bo_po_dialog_show_lines (self);
    }
  else if (!bo_store_add_po_line (self->store, self->po_id, self->line_product->id,
                                  self->line_quantity, self->line_cost, &error))
    {
      _bo_po_dialog_show_error (self, _("Could not add the line"), error);
      return;
    }
  _bo_po_dialog_clear_line (self);
}

/* ---- callbacks -------------------------------------------------------------- */

void
_bo_po_dialog_sku_changed_cb (BoPoDialog *self)
{
  g_autofree char *sku = row_text (self->sku_row);

  if (self->store == NULL)
    return;
  update_suggestions (self, sku);
  _bo_po_dialog_validate_line (self);
}

void
_bo_po_dialog_line_changed_cb (BoPoDialog *self)
{
  _bo_po_dialog_validate_line (self);
}

void
_bo_po_dialog_line_activated_cb (BoPoDialog *self)
{
  if (self->line_valid && (self->po_id == 0 || _bo_po_dialog_is_open (self)))
    _bo_po_dialog_add_line (self);
}

void
_bo_po_dialog_suggestion_activated_cb (BoPoDialog    *self,
                                       GtkListBoxRow *row)
{
  const char *sku = g_object_get_data (G_OBJECT (row), "bo-sku");

  if (sku == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->sku_row), sku);
  gtk_widget_grab_focus (GTK_WIDGET (self->quantity_row));
}
