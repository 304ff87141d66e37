/* bo-application-notify.c — desktop notifications and the actions they open
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application watches its shop: a committed receipt that lets waiting
 * orders ship, products falling to their reorder point, and (once, at start)
 * overdue purchase orders raise a notification. Its buttons are application
 * actions, so they work from the window's process and, over D-Bus, from
 * backorders-cli or the notification portal — starting Backorders if needed.
 */
#define G_LOG_DOMAIN "bo-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-application-private.h"
#include "bo-notifier.h"
#include "bo-view.h"

typedef struct
{
  BoNotifier *notifier;
  GSettings  *settings;
  GHashTable *low;        /* SKUs already reported low, until they recover */
} NotifyState;

static void
notify_state_free (gpointer data)
{
  NotifyState *state = data;

  g_clear_object (&state->notifier);
  g_clear_object (&state->settings);
  g_clear_pointer (&state->low, g_hash_table_unref);
  g_free (state);
}

static NotifyState *
notify_state (BoApplication *self)
{
  NotifyState *state = g_object_get_data (G_OBJECT (self), "bo-notify-state");

  if (state == NULL)
    {
      state = g_new0 (NotifyState, 1);
      state->notifier = bo_notifier_new (G_ACTION_GROUP (self));
      state->low = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      state->settings = bo_application_get_settings ();
      g_object_set_data_full (G_OBJECT (self), "bo-notify-state", state, notify_state_free);
    }
  return state;
}

static gboolean
enabled (NotifyState *state,
         const char  *key)
{
  return state->settings == NULL || g_settings_get_boolean (state->settings, key);
}

/* ---- what raises notifications ------------------------------------------------ */

static void
stock_received_cb (BoStore                  *store,
                   const char               *po_number,
                   const BoAllocationResult *result,
                   BoApplication            *self)
{
  NotifyState *state = notify_state (self);

  bo_notifier_set_enabled (state->notifier, BO_NOTIFY_ARRIVALS, enabled (state, "notify-arrivals"));
  bo_notifier_stock_received (state->notifier, store, po_number, result);
}

/* After every change: products newly at their reorder point, in one
 * notification. A product is named again only after it recovered. */
static void
store_changed_cb (BoStore       *store,
                  BoApplication *self)
{
  NotifyState *state = notify_state (self);
  g_autoptr(GPtrArray) low = bo_store_list_low_stock (store, NULL);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  g_autoptr(GHashTable) now = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  if (low == NULL)
    return;
  for (guint i = 0; i < low->len; i++)
    {
      BoProduct *product = g_ptr_array_index (low, i);

      g_hash_table_add (now, product->sku);
      if (!g_hash_table_contains (state->low, product->sku))
        {
          g_ptr_array_add (fresh, product);
          g_hash_table_add (state->low, g_strdup (product->sku));
        }
    }
  g_hash_table_iter_init (&iter, state->low);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (now, key))
      g_hash_table_iter_remove (&iter);

  bo_notifier_set_enabled (state->notifier, BO_NOTIFY_REORDER, enabled (state, "notify-reorder"));
  bo_notifier_low_stock (state->notifier, fresh);
}

/**
 * _bo_application_watch_store:
 *
 * Starts the notifications for @store: overdue purchase orders now, the
 * rest as the shop changes.
 */
void
_bo_application_watch_store (BoApplication *self,
                             BoStore       *store)
{
  NotifyState *state = notify_state (self);
  g_autoptr(GPtrArray) low = bo_store_list_low_stock (store, NULL);

  /* What is low already at start is known; only news is announced. */
  for (guint i = 0; low != NULL && i < low->len; i++)
    g_hash_table_add (state->low, g_strdup (((BoProduct *) g_ptr_array_index (low, i))->sku));

  g_signal_connect_object (store, "stock-received", G_CALLBACK (stock_received_cb), self, 0);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, 0);

  bo_notifier_set_enabled (state->notifier, BO_NOTIFY_OVERDUE, enabled (state, "notify-overdue"));
  bo_notifier_overdue (state->notifier, bo_store_count_overdue_pos (store, NULL));
}

/* ---- the actions behind the buttons -------------------------------------------- */

/* Actions may arrive before any window (the application was started for
 * them over D-Bus): open the shop first. */
static BoWindow *
ensure_window (BoApplication *self)
{
  BoWindow *window = _bo_application_get_window (self);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = _bo_application_get_window (self);
    }
  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
show (BoWindow   *window,
      const char *view_name,
      const char *filter)
{
  GtkWidget *view;

  if (window == NULL)
    return;
  bo_window_show_view (window, view_name);
  view = bo_window_get_view (window, view_name);
  if (filter != NULL && BO_IS_VIEW (view))
    bo_view_show_filter (BO_VIEW (view), filter);
}

static void
show_orders_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  const char *filter = parameter != NULL ? g_variant_get_string (parameter, NULL) : "ready";

  /* Orders that can ship now are the backordered lines that got stock. */
  show (ensure_window (user_data), "backorders", filter);
}

static void
show_purchase_orders_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  show (ensure_window (user_data), "purchase-orders", "open");
}

static void
order_shortages_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  BoWindow *window = ensure_window (user_data);
  g_autoptr(GArray) po_ids = NULL;
  g_autoptr(GError) error = NULL;
  BoStore *store;

  if (window == NULL || (store = bo_window_get_store (window)) == NULL)
    return;
  if (!bo_store_draft_pos (store, NULL, 0, &po_ids, NULL, &error))
    {
      bo_window_show_error (window, error);
      return;
    }
  show (window, "purchase-orders", "open");
  bo_window_add_toast (window, adw_toast_new_format (
    g_dngettext (GETTEXT_PACKAGE, "Drafted %u purchase order", "Drafted %u purchase orders",
                 po_ids->len), po_ids->len));
}

static void
print_picklists_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  BoWindow *window = ensure_window (user_data);
  gsize n_ids = 0;
  const gint64 *ids = NULL;

  if (parameter != NULL)
    ids = g_variant_get_fixed_array (parameter, &n_ids, sizeof (gint64));

  /* The orders the notification named, not every order ready by now. */
  if (window != NULL)
    bo_window_print_picklists (window, ids, n_ids);
}

static const GActionEntry shop_actions[] = {
  { "show-orders", show_orders_action, "s" },
  { "show-purchase-orders", show_purchase_orders_action },
  { "order-shortages", order_shortages_action },
  { "print-picklists", print_picklists_action, "ax" },
};

void
_bo_application_install_shop_actions (BoApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), shop_actions, G_N_ELEMENTS (shop_actions),
                                   self);
}
