/* bo-order-dialog-goodwill.c — goodwill given on the order, and giving more
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A customer who waited for a backorder may be given a discount or a
 * voucher; the order shows what was given, and "Goodwill…" gives more.
 */
#define G_LOG_DOMAIN "bo-order-dialog"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "bo-format.h"
#include "bo-goodwill-dialog.h"
#include "bo-order-dialog-private.h"

/* Goodwill is for orders that kept their customer waiting. */
static gboolean
was_backordered (BoOrderDialog *self)
{
  for (guint i = 0; self->order != NULL && i < self->order->lines->len; i++)
    if (((BoOrderLine *) g_ptr_array_index (self->order->lines, i))->backordered_at_placement > 0)
      return TRUE;
  return FALSE;
}

static char *
goodwill_title (BoOrderDialog    *self,
                const BoGoodwill *g)
{
  g_autofree char *money = bo_format_money (g->amount, self->currency);
  g_autofree char *percent = g->percent > 0 ? bo_format_percent (g->percent / 100.0) : NULL;
  gboolean voucher = g->voucher != NULL && *g->voucher != '\0';

  if (voucher && percent != NULL)
    /* Translators: a voucher code, a percentage and what it came to */
    return g_strdup_printf (_("Voucher %s: %s off (%s)"), g->voucher, percent, money);
  if (voucher)
    /* Translators: a voucher code and what it is worth */
    return g_strdup_printf (_("Voucher %s worth %s"), g->voucher, money);
  if (percent != NULL)
    /* Translators: a percentage and what it came to */
    return g_strdup_printf (_("%s off (%s)"), percent, money);
  /* Translators: an amount of money */
  return g_strdup_printf (_("%s off"), money);
}

void
_bo_order_dialog_fill_goodwill (BoOrderDialog *self)
{
  GPtrArray *goodwill = self->order != NULL ? self->order->goodwill : NULL;

  for (guint i = 0; i < self->goodwill_rows->len; i++)
    adw_preferences_group_remove (self->goodwill_group, g_ptr_array_index (self->goodwill_rows, i));
  g_ptr_array_set_size (self->goodwill_rows, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->goodwill_group),
                          was_backordered (self) || (goodwill != NULL && goodwill->len > 0));
  if (goodwill == NULL || goodwill->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("None given yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->goodwill_group, row);
      g_ptr_array_add (self->goodwill_rows, row);
      return;
    }
  for (guint i = 0; i < goodwill->len; i++)
    {
      const BoGoodwill *g = g_ptr_array_index (goodwill, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = goodwill_title (self, g);
      g_autofree char *when = bo_format_instant (g->at);
      g_autofree char *subtitle = NULL;
      g_autofree char *name = g_strdup_printf ("goodwill-%" PRId64, g->id);

      if (g->note != NULL && *g->note != '\0')
        /* Translators: when goodwill was given, then the merchant's note */
        subtitle = g_strdup_printf (_("%s — %s"), when, g->note);
      else
        subtitle = g_steal_pointer (&when);
      gtk_widget_set_name (row, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (self->goodwill_group, row);
      g_ptr_array_add (self->goodwill_rows, row);
    }
}

void
_bo_order_dialog_update_goodwill_actions (BoOrderDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.goodwill", was_backordered (self));
}

static void
goodwill_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (widget);

  gtk_window_present (bo_goodwill_dialog_new (GTK_WINDOW (self), self->store, self->order_id));
}

void
_bo_order_dialog_install_goodwill_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "order.goodwill", NULL, goodwill_action);
}
