/* test-cli-edit.c — backorders-cli changes products, suppliers and customers as the window does
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <backorders/bo-store.h>
#include <sqlite3.h>

#include "bo-cli-test.h"

/* The kinds of the shop's events, oldest first, read through the store. */
static char *
event_kinds (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoStore) store = bo_store_open (f->db, &error);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GString) kinds = g_string_new (NULL);

  g_assert_no_error (error);
  events = bo_store_list_events (store, 1000, &error);
  g_assert_no_error (error);
  for (guint i = events->len; i > 0; i--)
    {
      const BoEvent *event = g_ptr_array_index (events, i - 1);

      g_string_append_printf (kinds, "%s ", event->kind);
    }
  return g_string_free (g_steal_pointer (&kinds), FALSE);
}

static void
shop (Fixture *f)
{
  RUN_OK (f, "init");
  RUN_OK (f, "product", "add", "--sku", "MUG", "--name", "Mug", "--price", "10");
  RUN_OK (f, "supplier", "add", "--name", "Acme", "--lead-days", "5");
  RUN_OK (f, "customer", "add", "--name", "Ann", "--email", "ann@example.com");
}

static void
test_product_update (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) updated = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) discontinued = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) nothing = { 0 };
  g_auto(Result) escape = { 0 };
  g_auto(Result) price = { 0 };
  g_auto(Result) unknown = { 0 };
  JsonObject *record;

  if (skip_without_cli ())
    return;
  shop (f);
  before = event_kinds (f);

  updated = RUN_JSON (f, "product", "update", "MUG", "--name", "Big mug", "--price", "15.50",
                      "--cost", "4", "--reorder-point", "3", "--reorder-qty", "12",
                      "--backorder-policy", "deny", "--location", "A-1");
  record = json_node_get_object (updated);
  g_assert_cmpstr (json_object_get_string_member (record, "name"), ==, "Big mug");
  g_assert_cmpint (json_object_get_int_member (record, "price_minor"), ==, 1550);

  shown = RUN_JSON (f, "product", "show", "MUG");
  record = json_node_get_object (shown);
  g_assert_cmpstr (json_object_get_string_member (record, "name"), ==, "Big mug");
  g_assert_cmpint (json_object_get_int_member (record, "price_minor"), ==, 1550);
  g_assert_cmpint (json_object_get_int_member (record, "cost_minor"), ==, 400);
  g_assert_cmpint (json_object_get_int_member (record, "reorder_point"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (record, "reorder_qty"), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (record, "backorder_policy"), ==, "deny");
  g_assert_cmpstr (json_object_get_string_member (record, "location"), ==, "A-1");
  g_assert_false (json_object_get_boolean_member (record, "discontinued"));

  discontinued = RUN_JSON (f, "product", "discontinue", "MUG");
  g_assert_true (json_object_get_boolean_member (json_node_get_object (discontinued),
                                                 "discontinued"));

  /* The window's history: one "product-changed" per change. */
  after = event_kinds (f);
  g_assert_true (g_str_has_prefix (after, before));
  g_assert_cmpstr (after + strlen (before), ==, "product-changed product-changed ");

  /* The window's checks, and nothing written when refused. */
  RUN (f, &nothing, "product", "update", "MUG");
  assert_usage (&nothing, "nothing to change");
  RUN (f, &escape, "product", "update", "MUG", "--name", "Mug\033[2J");
  assert_failed (&escape, "The product name holds a control character");
  RUN (f, &price, "product", "update", "MUG", "--price", "10000000");
  assert_usage (&price, "9,999,999.99");
  RUN (f, &unknown, "product", "update", "CUP", "--name", "Cup");
  assert_failed (&unknown, "CUP");
  {
    g_autofree char *again = event_kinds (f);

    g_assert_cmpstr (again, ==, after);
  }
}

/* A SKU saved before SKUs lost spaces stays usable: its product can be
 * changed, and renamed; a new SKU follows the rule. */
static void
test_product_with_old_sku (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(JsonNode) updated = NULL;
  g_auto(Result) rename = { 0 };
  sqlite3 *db = NULL;

  if (skip_without_cli ())
    return;
  shop (f);
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE products SET sku = 'OLD MUG' WHERE sku = 'MUG'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  updated = RUN_JSON (f, "product", "update", "OLD MUG", "--price", "11");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (updated), "price_minor"),
                   ==, 1100);
  RUN (f, &rename, "product", "add", "--sku", "NEW MUG", "--name", "New");
  assert_failed (&rename, "holds a space");
}

static void
test_supplier_update_and_unlink (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(JsonNode) updated = NULL;
  g_autoptr(JsonNode) linked = NULL;
  g_autoptr(JsonNode) unlinked = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) again = { 0 };
  g_auto(Result) lead = { 0 };
  JsonObject *record;

  if (skip_without_cli ())
    return;
  shop (f);

  updated = RUN_JSON (f, "supplier", "update", "Acme", "--name", "Acme Ltd", "--lead-days", "9",
                      "--email", "po@acme.example");
  record = json_node_get_object (updated);
  g_assert_cmpstr (json_object_get_string_member (record, "name"), ==, "Acme Ltd");
  g_assert_cmpint (json_object_get_int_member (record, "lead_days"), ==, 9);
  g_assert_cmpstr (json_object_get_string_member (record, "email"), ==, "po@acme.example");
  RUN (f, &lead, "supplier", "update", "Acme Ltd", "--lead-days", "366");
  assert_usage (&lead, "from 0 to 365");

  RUN_OK (f, "supplier", "link", "--supplier", "Acme Ltd", "--sku", "MUG");
  linked = RUN_JSON (f, "product", "show", "MUG");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (linked), "suppliers")), ==, 1);
  before = event_kinds (f);

  unlinked = RUN_JSON (f, "supplier", "unlink", "--supplier", "Acme Ltd", "--sku", "MUG");
  g_assert_false (json_object_get_boolean_member (json_node_get_object (unlinked), "linked"));
  g_clear_pointer (&linked, json_node_unref);
  linked = RUN_JSON (f, "product", "show", "MUG");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (linked), "suppliers")), ==, 0);
  after = event_kinds (f);
  g_assert_cmpstr (after + strlen (before), ==, "supplier-unlinked ");

  RUN (f, &again, "supplier", "unlink", "--supplier", "Acme Ltd", "--sku", "MUG");
  assert_failed (&again, "is not linked to");
}

static void
test_customer_update (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) updated = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_auto(Result) email = { 0 };
  g_auto(Result) both = { 0 };
  g_auto(Result) tier = { 0 };
  JsonObject *record;

  if (skip_without_cli ())
    return;
  shop (f);

  updated = RUN_JSON (f, "customer", "update", "Ann", "--tier", "3", "--ship-complete",
                      "--address", "Main St 1\nBerlin");
  record = json_node_get_object (updated);
  g_assert_cmpint (json_object_get_int_member (record, "tier"), ==, 3);
  g_assert_true (json_object_get_boolean_member (record, "ship_complete"));
  g_assert_cmpstr (json_object_get_string_member (record, "address"), ==, "Main St 1\nBerlin");
  g_assert_cmpstr (json_object_get_string_member (record, "email"), ==, "ann@example.com");

  g_clear_pointer (&updated, json_node_unref);
  updated = RUN_JSON (f, "customer", "update", "Ann", "--no-ship-complete", "--name", "Ann B");
  g_assert_false (json_object_get_boolean_member (json_node_get_object (updated),
                                                  "ship_complete"));
  listed = RUN_JSON (f, "customer", "list");
  g_assert_nonnull (find_by (json_node_get_array (listed), "name", "Ann B"));

  RUN (f, &email, "customer", "update", "Ann B", "--email", "not an address");
  assert_failed (&email, "is not an email address");
  RUN (f, &both, "customer", "update", "Ann B", "--ship-complete", "--no-ship-complete");
  assert_usage (&both, "contradict");
  RUN (f, &tier, "customer", "update", "Ann B", "--tier", "12");
  assert_usage (&tier, "from 0 to 9");
}

static void
test_help_lists_them (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Result) help = { 0 };

  if (skip_without_cli ())
    return;
  RUN (f, &help, "--help");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "product update"));
  g_assert_nonnull (strstr (help.out, "product discontinue"));
  g_assert_nonnull (strstr (help.out, "supplier update"));
  g_assert_nonnull (strstr (help.out, "supplier unlink"));
  g_assert_nonnull (strstr (help.out, "customer update"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli-edit/product-update", test_product_update);
  ADD ("/cli-edit/product-with-old-sku", test_product_with_old_sku);
  ADD ("/cli-edit/supplier-update-and-unlink", test_supplier_update_and_unlink);
  ADD ("/cli-edit/customer-update", test_customer_update);
  ADD ("/cli-edit/help-lists-them", test_help_lists_them);

#undef ADD

  return g_test_run ();
}
