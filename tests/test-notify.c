/* test-notify.c — desktop notifications against a fake notification server
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A private session bus (GTestDBus) with a small org.freedesktop.Notifications
 * server of our own, running in its own thread on its own connection, that
 * records every Notify call and can press a notification's buttons.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libnotify/notify.h>

#include "backorders/bo-picklist.h"
#include "bo-notifier.h"

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "  </interface>"
  "</node>";

typedef struct
{
  guint  id;
  char  *summary;
  char  *body;
  GStrv  actions;
} NotifyCall;

typedef struct
{
  GThread         *thread;
  GMainContext    *context;
  GMainLoop       *loop;
  GDBusConnection *connection;
  GMutex           lock;
  GCond            cond;
  GPtrArray       *calls;
  gboolean         owned;
  gboolean         failed;
  guint            next_id;
} FakeServer;

static void
notify_call_free (gpointer data)
{
  NotifyCall *c = data;

  g_free (c->summary);
  g_free (c->body);
  g_strfreev (c->actions);
  g_free (c);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *path,
                const char            *interface,
                const char            *method,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  FakeServer *server = user_data;

  if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "fake", "tests", "1", "1.2"));
  else if (g_str_equal (method, "CloseNotification"))
    g_dbus_method_invocation_return_value (invocation, NULL);
  else if (g_str_equal (method, "Notify"))
    {
      NotifyCall *call = g_new0 (NotifyCall, 1);
      const char *summary, *body;
      g_autofree const char **actions = NULL;

      g_variant_get (parameters, "(&su&s&s&s^a&s@a{sv}i)", NULL, NULL, NULL, &summary, &body,
                     &actions, NULL, NULL);
      call->summary = g_strdup (summary);
      call->body = g_strdup (body);
      call->actions = g_strdupv ((char **) actions);
      g_mutex_lock (&server->lock);
      call->id = ++server->next_id;
      g_ptr_array_add (server->calls, call);
      g_cond_broadcast (&server->cond);
      g_mutex_unlock (&server->lock);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", call->id));
    }
}

static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL };

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  FakeServer *server = user_data;

  g_mutex_lock (&server->lock);
  server->owned = TRUE;
  g_cond_broadcast (&server->cond);
  g_mutex_unlock (&server->lock);
}

static void
name_lost_cb (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  FakeServer *server = user_data;

  g_mutex_lock (&server->lock);
  server->failed = !server->owned;
  g_cond_broadcast (&server->cond);
  g_mutex_unlock (&server->lock);
}

static gpointer
server_thread (gpointer data)
{
  FakeServer *server = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection_xml, NULL);
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  guint owner;

  g_main_context_push_thread_default (server->context);
  /* A private connection: the test's own bus connection stays free to go. */
  server->connection = g_dbus_connection_new_for_address_sync (
    address, G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
               G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION, NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (server->connection, "/org/freedesktop/Notifications",
                                     info->interfaces[0], &vtable, server, NULL, &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (server->connection, "org.freedesktop.Notifications",
                                        G_BUS_NAME_OWNER_FLAGS_NONE, name_acquired_cb, name_lost_cb,
                                        server, NULL);
  g_main_loop_run (server->loop);
  g_bus_unown_name (owner);
  g_dbus_connection_close_sync (server->connection, NULL, NULL);
  g_clear_object (&server->connection);
  g_main_context_pop_thread_default (server->context);
  return NULL;
}

static FakeServer *
fake_server_start (void)
{
  FakeServer *server = g_new0 (FakeServer, 1);

  g_mutex_init (&server->lock);
  g_cond_init (&server->cond);
  server->calls = g_ptr_array_new_with_free_func (notify_call_free);
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);
  server->thread = g_thread_new ("fake-notifications", server_thread, server);

  /* Wait until the name is ours, or the bus might start a real daemon. */
  g_mutex_lock (&server->lock);
  while (!server->owned && !server->failed)
    g_cond_wait (&server->cond, &server->lock);
  g_mutex_unlock (&server->lock);
  g_assert_true (server->owned);
  return server;
}

static void
fake_server_stop (FakeServer *server)
{
  g_main_loop_quit (server->loop);
  g_thread_join (server->thread);
  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
  g_ptr_array_unref (server->calls);
  g_mutex_clear (&server->lock);
  g_cond_clear (&server->cond);
  g_free (server);
}

static guint
fake_server_n_calls (FakeServer *server)
{
  guint n;

  g_mutex_lock (&server->lock);
  n = server->calls->len;
  g_mutex_unlock (&server->lock);
  return n;
}

/* The user presses a button of the last notification. */
static void
fake_server_press (FakeServer *server,
                   const char *action)
{
  NotifyCall *last;

  g_mutex_lock (&server->lock);
  last = g_ptr_array_index (server->calls, server->calls->len - 1);
  g_dbus_connection_emit_signal (server->connection, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", last->id, action), NULL);
  g_mutex_unlock (&server->lock);
}

static void
iterate_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* ---- a shop where 12 mugs let 4 waiting orders ship ------------------------- */

static BoStore *
shop_with_receipt (char               **dir,
                   BoAllocationResult **result)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(BoProduct) mug = bo_product_new ();
  g_autoptr(BoProduct) tee = bo_product_new ();
  g_autoptr(BoSupplier) supplier = bo_supplier_new ();
  g_autoptr(BoCustomer) customer = bo_customer_new ();
  BoStore *store;
  BoQuantity line;
  gint64 po = 0;

  *dir = g_dir_make_tmp ("bo-notify-XXXXXX", NULL);
  path = g_build_filename (*dir, "shop.db", NULL);
  store = bo_store_open (path, &error);
  g_assert_no_error (error);
  mug->sku = g_strdup ("MUG-BLU");
  mug->name = g_strdup ("Blue Mug");
  tee->sku = g_strdup ("TEE-RED");
  tee->name = g_strdup ("Red T-Shirt");
  g_assert_true (bo_store_save_product (store, mug, &error));
  g_assert_true (bo_store_save_product (store, tee, &error));
  supplier->name = g_strdup ("Nordic Ceramics");
  g_assert_true (bo_store_save_supplier (store, supplier, &error));
  customer->name = g_strdup ("Ann");
  g_assert_true (bo_store_save_customer (store, customer, &error));

  /* Three orders of mugs only, one of a mug and a shirt (that one ships partly). */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();

      draft->customer_id = customer->id;
      bo_order_draft_add_line (draft, "MUG-BLU", 3, -1);
      if (i == 3)
        bo_order_draft_add_line (draft, "TEE-RED", 1, -1);
      g_assert_true (bo_store_place_order (store, draft, FALSE, NULL, &error));
      g_assert_no_error (error);
    }
  line.line_id = mug->id;
  line.quantity = 12;
  g_assert_true (bo_store_create_po (store, supplier->id, 0, &line, NULL, 1, &po, &error));
  g_assert_true (bo_store_receive_po (store, po, NULL, 0, FALSE, result, &error));
  g_assert_no_error (error);
  return store;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (dir);
}

typedef struct
{
  FakeServer *server;
  guint       wanted;
  char       *activated;
  char       *target;
} Waiter;

static gboolean
has_calls (gpointer data)
{
  Waiter *w = data;
  return fake_server_n_calls (w->server) >= w->wanted;
}

static gboolean
was_activated (gpointer data)
{
  return ((Waiter *) data)->activated != NULL;
}

static void
activate_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  Waiter *w = user_data;

  g_free (w->activated);
  w->activated = g_strdup (g_action_get_name (G_ACTION (action)));
  g_free (w->target);
  if (parameter == NULL)
    w->target = NULL;
  else if (g_variant_is_of_type (parameter, G_VARIANT_TYPE_STRING))
    w->target = g_variant_dup_string (parameter, NULL);
  else
    w->target = g_variant_print (parameter, FALSE);
}

static void
test_receipt_notification (void)
{
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autofree char *dir = NULL;
  g_autoptr(BoAllocationResult) result = NULL;
  g_autoptr(BoStore) store = NULL;
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(BoNotifier) notifier = NULL;
  g_autoptr(GSimpleAction) show_orders = g_simple_action_new ("show-orders", G_VARIANT_TYPE_STRING);
  g_autoptr(GSimpleAction) print = g_simple_action_new ("print-picklists", G_VARIANT_TYPE ("ax"));
  Waiter w = { 0 };
  NotifyCall *call;

  g_test_dbus_up (bus);
  w.server = fake_server_start ();
  store = shop_with_receipt (&dir, &result);
  g_assert_cmpuint (result->ready->len, ==, 4);

  g_signal_connect (show_orders, "activate", G_CALLBACK (activate_cb), &w);
  g_signal_connect (print, "activate", G_CALLBACK (activate_cb), &w);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (show_orders));
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (print));
  notifier = bo_notifier_new (G_ACTION_GROUP (actions));

  g_assert_true (bo_notifier_stock_received (notifier, store, "PO-0001", result));
  w.wanted = 1;
  iterate_until (has_calls, &w);
  g_assert_cmpuint (fake_server_n_calls (w.server), ==, 1);
  call = g_ptr_array_index (w.server->calls, 0);
  g_assert_cmpstr (call->summary, ==, "12 × Blue Mug arrived");
  g_assert_cmpstr (call->body, ==, "4 waiting orders can ship now (3 complete, 1 partly)");
  g_assert_cmpuint (g_strv_length (call->actions), ==, 4);
  g_assert_cmpstr (call->actions[0], ==, "app.print-picklists");
  g_assert_cmpstr (call->actions[1], ==, "Print Pick Lists");
  g_assert_cmpstr (call->actions[2], ==, "app.show-orders");
  g_assert_cmpstr (call->actions[3], ==, "Show Orders");

  /* Pressing "Show Orders" runs the application's action. */
  fake_server_press (w.server, "app.show-orders");
  iterate_until (was_activated, &w);
  g_assert_cmpstr (w.activated, ==, "show-orders");
  g_assert_cmpstr (w.target, ==, "ready");

  /* "Print Pick Lists" names the orders of this notification, and their
   * batch pick list holds exactly them. */
  g_clear_pointer (&w.activated, g_free);
  fake_server_press (w.server, "app.print-picklists");
  iterate_until (was_activated, &w);
  g_assert_cmpstr (w.activated, ==, "print-picklists");
  {
    g_autoptr(GVariant) ids = g_variant_parse (G_VARIANT_TYPE ("ax"), w.target, NULL, NULL, NULL);
    g_autoptr(BoPicklist) picklist = NULL;
    g_autoptr(GError) error = NULL;
    gsize n_ids = 0;
    const gint64 *id = g_variant_get_fixed_array (ids, &n_ids, sizeof (gint64));

    g_assert_cmpuint (n_ids, ==, result->ready->len);
    for (guint i = 0; i < n_ids; i++)
      g_assert_cmpint (id[i], ==, g_array_index (result->ready, BoReadyOrder, i).order_id);
    picklist = bo_picklist_new_batch (store, id, n_ids, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (picklist->n_orders, ==, n_ids);
  }

  /* Turned off in Preferences: nothing is sent. */
  bo_notifier_set_enabled (notifier, BO_NOTIFY_ARRIVALS, FALSE);
  g_assert_false (bo_notifier_stock_received (notifier, store, "PO-0001", result));
  g_usleep (100000);
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (fake_server_n_calls (w.server), ==, 1);

  g_clear_object (&notifier);
  notify_uninit ();
  fake_server_stop (w.server);
  g_free (w.activated);
  g_free (w.target);
  g_clear_object (&store);
  remove_dir (dir);
  g_test_dbus_down (bus);
}

static void
test_low_stock_and_overdue (void)
{
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(BoNotifier) notifier = NULL;
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_product_free);
  const char *skus[] = { "MUG-BLU", "TEE-RED", "CAP-BLK", "PIN-YLW", "SOCK-GRN" };
  Waiter w = { 0 };
  NotifyCall *call;

  g_test_dbus_up (bus);
  w.server = fake_server_start ();
  notifier = bo_notifier_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (skus); i++)
    {
      BoProduct *p = bo_product_new ();
      p->sku = g_strdup (skus[i]);
      p->name = g_strdup_printf ("Product %u", i + 1);
      g_ptr_array_add (products, p);
    }

  /* One notification for all five, naming three and counting the rest. */
  g_assert_true (bo_notifier_low_stock (notifier, products));
  w.wanted = 1;
  iterate_until (has_calls, &w);
  call = g_ptr_array_index (w.server->calls, 0);
  g_assert_cmpstr (call->summary, ==, "5 products are low on stock");
  g_assert_cmpstr (call->body, ==,
                   "Product 1 (MUG-BLU), Product 2 (TEE-RED), Product 3 (CAP-BLK) and 2 more");
  g_assert_cmpstr (call->actions[0], ==, "app.order-shortages");

  g_assert_false (bo_notifier_overdue (notifier, 0));
  g_assert_true (bo_notifier_overdue (notifier, 2));
  w.wanted = 2;
  iterate_until (has_calls, &w);
  call = g_ptr_array_index (w.server->calls, 1);
  g_assert_cmpstr (call->summary, ==, "2 purchase orders are overdue");
  g_assert_cmpstr (call->actions[0], ==, "app.show-purchase-orders");

  g_clear_object (&notifier);
  notify_uninit ();
  fake_server_stop (w.server);
  g_test_dbus_down (bus);
}

/* Without a notification service: no notification, no error, no warning. */
static void
test_no_service (void)
{
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autofree char *dir = NULL;
  g_autoptr(BoAllocationResult) result = NULL;
  g_autoptr(BoStore) store = NULL;
  g_autoptr(BoNotifier) notifier = NULL;

  g_test_dbus_up (bus);
  store = shop_with_receipt (&dir, &result);
  notifier = bo_notifier_new (NULL);
  g_assert_false (bo_notifier_stock_received (notifier, store, "PO-0001", result));
  g_assert_cmpuint (bo_notifier_get_n_open (notifier), ==, 0);

  g_clear_object (&notifier);
  notify_uninit ();
  g_clear_object (&store);
  remove_dir (dir);
  g_test_dbus_down (bus);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/notify/receipt", test_receipt_notification);
  g_test_add_func ("/notify/low-stock-and-overdue", test_low_stock_and_overdue);
  g_test_add_func ("/notify/no-service", test_no_service);
  return g_test_run ();
}
