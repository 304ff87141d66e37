/* bo-notifier.c — desktop notifications: stock arrived, low stock, overdue purchase orders
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libnotify 0.8 talks to the notification portal inside a Flatpak sandbox and
 * to org.freedesktop.Notifications outside it. A notification's buttons are
 * application actions ("app.show-orders"): in the window they are activated
 * directly; from backorders-cli they are activated over D-Bus, which starts
 * Backorders when it is not running. Without a notification service nothing
 * is shown and nothing complains.
 */
#define G_LOG_DOMAIN "bo-notifier"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "bo-notifier.h"

struct _BoNotifier
{
  GObject       parent_instance;

  /* owned */
  GActionGroup *actions;
  GPtrArray    *open;                 /* NotifyNotification, until closed */
  gboolean      enabled[BO_NOTIFY_N_KINDS];
  gboolean      initialised;
};

G_DEFINE_FINAL_TYPE (BoNotifier, bo_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_OPEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bo_notifier_dispose (GObject *object)
{
  BoNotifier *self = BO_NOTIFIER (object);

  g_clear_pointer (&self->open, g_ptr_array_unref);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (bo_notifier_parent_class)->dispose (object);
}

static void
bo_notifier_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_N_OPEN:
      g_value_set_uint (value, bo_notifier_get_n_open (BO_NOTIFIER (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_notifier_class_init (BoNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bo_notifier_dispose;
  object_class->get_property = bo_notifier_get_property;

  /**
   * BoNotifier:n-open:
   *
   * Notifications shown and not closed yet.
   */
  properties[PROP_N_OPEN] = g_param_spec_uint ("n-open", NULL, NULL, 0, G_MAXUINT, 0,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bo_notifier_init (BoNotifier *self)
{
  self->open = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < BO_NOTIFY_N_KINDS; i++)
    self->enabled[i] = TRUE;
}

/**
 * bo_notifier_new:
 * @actions: (nullable): where "show-orders", "print-picklists",
 *   "order-shortages" and "show-purchase-orders" live (the application); with
 *   %NULL they are activated on the running (or started) application over D-Bus
 */
BoNotifier *
bo_notifier_new (GActionGroup *actions)
{
  BoNotifier *self = g_object_new (BO_TYPE_NOTIFIER, NULL);

  if (actions != NULL)
    self->actions = g_object_ref (actions);
  return self;
}

void
bo_notifier_set_enabled (BoNotifier   *self,
                         BoNotifyKind  kind,
                         gboolean      enabled)
{
  g_return_if_fail (BO_IS_NOTIFIER (self));
  g_return_if_fail (kind < BO_NOTIFY_N_KINDS);
  self->enabled[kind] = enabled;
}

/**
 * bo_notifier_get_n_open:
 *
 * Returns: notifications shown and not closed yet
 */
guint
bo_notifier_get_n_open (BoNotifier *self)
{
  g_return_val_if_fail (BO_IS_NOTIFIER (self), 0);
  return self->open->len;
}

/* ---- actions ---------------------------------------------------------------- */

typedef struct
{
  BoNotifier *self;
  char       *action;   /* application action, without "app." */
  GVariant   *target;
} ActionData;

static void
action_data_free (gpointer data)
{
  ActionData *a = data;

  g_free (a->action);
  g_clear_pointer (&a->target, g_variant_unref);
  g_free (a);
}

static void
activate_over_dbus (const char *action,
                    GVariant   *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *path = NULL;
  GVariantBuilder parameters;

  if (bus == NULL)
    {
      g_debug ("No session bus for the notification's action: %s", error->message);
      return;
    }
  path = g_strconcat ("/", APP_ID, NULL);
  g_strdelimit (path, ".", '/');
  g_variant_builder_init (&parameters, G_VARIANT_TYPE ("av"));
  if (target != NULL)
    g_variant_builder_add (&parameters, "v", target);
  /* The bus starts Backorders when it is not running (D-Bus activation). */
  reply = g_dbus_connection_call_sync (bus, APP_ID, path, "org.freedesktop.Application",
                                       "ActivateAction",
                                       g_variant_new ("(sava{sv})", action, &parameters, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 30000, NULL, &error);
  if (reply == NULL)
    g_debug ("Could not run %s in Backorders: %s", action, error->message);
}

static void
action_cb (NotifyNotification *notification,
           char               *action_key,
           gpointer            user_data)
{
  ActionData *a = user_data;

  if (a->self->actions != NULL)
    g_action_group_activate_action (a->self->actions, a->action, a->target);
  else
    activate_over_dbus (a->action, a->target);
}

static void
closed_cb (NotifyNotification *notification,
           BoNotifier         *self)
{
  if (g_ptr_array_remove (self->open, notification))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN]);
}

static void
add_action (BoNotifier         *self,
            NotifyNotification *notification,
            const char         *action,
            const char         *label,
            GVariant           *target)
{
  ActionData *a = g_new0 (ActionData, 1);
  g_autofree char *key = g_strconcat ("app.", action, NULL);

  a->self = self;
  a->action = g_strdup (action);
  a->target = target != NULL ? g_variant_ref_sink (target) : NULL;
  notify_notification_add_action (notification, key, label, action_cb, a, action_data_free);
}

/* Shows @notification; quietly does nothing without a notification service. */
static gboolean
show (BoNotifier         *self,
      NotifyNotification *notification)
{
  g_autoptr(GError) error = NULL;

  if (!self->initialised)
    {
      if (!notify_is_initted () && !notify_init (_("Backorders")))
        return FALSE;
      self->initialised = TRUE;
    }
  notify_notification_set_hint_string (notification, "desktop-entry", APP_ID);
  notify_notification_set_app_name (notification, _("Backorders"));
  if (!notify_notification_show (notification, &error))
    {
      g_debug ("No notification was shown: %s", error->message);
      return FALSE;
    }
  g_signal_connect_object (notification, "closed", G_CALLBACK (closed_cb), self, 0);
  g_ptr_array_add (self->open, g_object_ref (notification));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN]);
  return TRUE;
}

static gboolean
show_and_release (BoNotifier         *self,
                  NotifyNotification *notification)
{
  gboolean shown = show (self, notification);

  g_object_unref (notification);
  return shown;
}

/* ---- the notifications ---------------------------------------------------- */

/**
 * bo_notifier_stock_received:
 * @po_number: the purchase order received
 * @result: the receipt's allocation result
 *
 * One notification per receipt that lets waiting orders ship: "12 × Blue Mug
 * arrived" — "4 waiting orders can ship now (3 complete, 1 partly)", with
 * "Print Pick Lists" (of those orders: the action's target is their ids)
 * and "Show Orders".
 *
 * Returns: whether a notification was shown
 */
gboolean
bo_notifier_stock_received (BoNotifier               *self,
                            BoStore                  *store,
                            const char               *po_number,
                            const BoAllocationResult *result)
{
  NotifyNotification *notification;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  guint complete = 0, partly;
  gint64 units = 0;

  g_return_val_if_fail (BO_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (!self->enabled[BO_NOTIFY_ARRIVALS] || result->ready->len == 0)
    return FALSE;

  for (guint i = 0; i < result->received->len; i++)
    units += g_array_index (result->received, BoQuantity, i).quantity;
  if (result->received->len == 1)
    {
      g_autoptr(BoProduct) product =
        bo_store_get_product (store, g_array_index (result->received, BoQuantity, 0).line_id, NULL);
      /* TRANSLATORS: "12 × Blue Mug arrived" */
      summary = g_strdup_printf (_("%" PRId64 " × %s arrived"), units,
                                 product != NULL ? product->name : po_number);
    }
  else
    /* TRANSLATORS: "40 units of 3 products arrived (PO-0012)" */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%" PRId64 " units of %u product arrived (%s)",
                                            "%" PRId64 " units of %u products arrived (%s)",
                                            result->received->len),
                               units, result->received->len, po_number);

  for (guint i = 0; i < result->ready->len; i++)
    complete += g_array_index (result->ready, BoReadyOrder, i).complete;
  partly = result->ready->len - complete;
  if (partly == 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u waiting order can ship now, complete",
                                         "%u waiting orders can ship now, all complete",
                                         result->ready->len), result->ready->len);
  else
    /* TRANSLATORS: "4 waiting orders can ship now (3 complete, 1 partly)" */
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u waiting order can ship now (%u complete, %u partly)",
                                         "%u waiting orders can ship now (%u complete, %u partly)",
                                         result->ready->len),
                            result->ready->len, complete, partly);

  notification = notify_notification_new (summary, body, APP_ID);
  notify_notification_set_category (notification, "transfer.complete");
  /* Exactly the orders this notification counts: not others ready before. */
  {
    GVariantBuilder ids;

    g_variant_builder_init (&ids, G_VARIANT_TYPE ("ax"));
    for (guint i = 0; i < result->ready->len; i++)
      g_variant_builder_add (&ids, "x", g_array_index (result->ready, BoReadyOrder, i).order_id);
    add_action (self, notification, "print-picklists", _("Print Pick Lists"),
                g_variant_builder_end (&ids));
  }
  add_action (self, notification, "show-orders", _("Show Orders"), g_variant_new_string ("ready"));
  return show_and_release (self, notification);
}

/**
 * bo_notifier_low_stock:
 * @products: (element-type BoProduct): products at or below their reorder point
 *
 * One notification naming them all, with "Order Shortages".
 */
gboolean
bo_notifier_low_stock (BoNotifier *self,
                       GPtrArray  *products)
{
  NotifyNotification *notification;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *summary = NULL;
  const guint shown = 3;

  g_return_val_if_fail (BO_IS_NOTIFIER (self), FALSE);

  if (!self->enabled[BO_NOTIFY_REORDER] || products == NULL || products->len == 0)
    return FALSE;

  for (guint i = 0; i < MIN (products->len, shown); i++)
    {
      const BoProduct *p = g_ptr_array_index (products, i);
      if (i > 0)
        g_string_append (names, i + 1 == products->len ? _(" and ") : ", ");
      g_string_append_printf (names, "%s (%s)", p->name, p->sku);
    }
  if (products->len > shown)
    g_string_append_printf (names, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more",
                                                products->len - shown), products->len - shown);

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product is low on stock",
                                          "%u products are low on stock", products->len),
                             products->len);
  notification = notify_notification_new (summary, names->str, APP_ID);
  add_action (self, notification, "order-shortages", _("Order Shortages"), NULL);
  return show_and_release (self, notification);
}

/**
 * bo_notifier_overdue:
 * @n_overdue: purchase orders whose ETA has passed
 *
 * Shown once when the application starts.
 */
gboolean
bo_notifier_overdue (BoNotifier *self,
                     gint64      n_overdue)
{
  NotifyNotification *notification;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (BO_IS_NOTIFIER (self), FALSE);

  if (!self->enabled[BO_NOTIFY_OVERDUE] || n_overdue <= 0)
    return FALSE;
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " purchase order is overdue",
                                          "%" PRId64 " purchase orders are overdue",
                                          n_overdue), n_overdue);
  notification = notify_notification_new (summary,
                                          _("Their expected date has passed and they have not "
                                            "arrived. Ask the suppliers for a new date."),
                                          APP_ID);
  add_action (self, notification, "show-purchase-orders", _("Show Purchase Orders"), NULL);
  return show_and_release (self, notification);
}
