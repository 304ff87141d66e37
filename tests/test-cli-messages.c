/* test-cli-messages.c — backorders-cli says what happened: skipped imports,
 * shortages without a supplier, bad encodings, money in JSON
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bo-cli-test.h"
#include "bo-test-data.h"

/* Real exports into a shop without their products: every record is
 * skipped, which is a failure, said with the reasons and never as
 * "Nothing to change". */
static void
test_import_all_skipped (Fixture       *f,
                         gconstpointer  data)
{
  g_auto(Result) orders = { 0 };
  g_auto(Result) inventory = { 0 };

  if (skip_without_cli ())
    return;
  BO_TEST_SHARED_FILE_OR_SKIP (orders_csv, "shopify_orders/forezia_orders_export.csv");
  BO_TEST_SHARED_FILE_OR_SKIP (inventory_csv,
                               "shopify_inventory/abhilasha12345_inventory_export_1.csv");
  RUN_OK (f, "init");

  RUN (f, &orders, "import", "shopify-orders", orders_csv);
  assert_failed (&orders, "nothing was imported: all 19 records in the file were skipped");
  g_assert_null (strstr (orders.out, "Nothing to change"));
  g_assert_nonnull (strstr (orders.out, "19 records skipped, by reason:"));
  g_assert_nonnull (strstr (orders.out, "13 × “…” is not in the shop"));
  g_assert_nonnull (strstr (orders.out, "6 × nothing to ship"));

  RUN (f, &inventory, "import", "shopify-inventory", inventory_csv);
  assert_failed (&inventory, "all 67 records in the file were skipped");
  g_assert_null (strstr (inventory.out, "Nothing to change"));
  g_assert_nonnull (strstr (inventory.out, "67 × not in the shop"));
}

/* A file that cannot be read says why, also without --kind. */
static void
test_import_unreadable_header (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *nul = g_build_filename (f->dir, "nul.csv", NULL);
  g_autofree char *wide = g_build_filename (f->dir, "wide.csv", NULL);
  g_autoptr(GString) header = g_string_new ("sku");
  g_auto(Result) binary = { 0 };
  g_auto(Result) columns = { 0 };

  if (skip_without_cli ())
    return;
  RUN_OK (f, "init");
  g_assert_true (g_file_set_contents (nul, "sku,name\nA,\0x\n", 14, NULL));
  for (int i = 0; i < 5000; i++)
    g_string_append_printf (header, ",c%d", i);
  g_string_append_c (header, '\n');
  g_assert_true (g_file_set_contents (wide, header->str, -1, NULL));

  RUN (f, &binary, "import", "csv", nul);
  assert_failed (&binary, "NUL byte");
  g_assert_null (strstr (binary.err, "give --kind"));
  RUN (f, &columns, "import", "csv", wide);
  assert_failed (&columns, "more than 4096 columns");
  g_assert_null (strstr (columns.err, "give --kind"));
}

/* With no supplier linked, "po draft" says so first. */
static void
test_po_draft_without_supplier (Fixture       *f,
                                gconstpointer  data)
{
  g_auto(Result) draft = { 0 };

  if (skip_without_cli ())
    return;
  RUN_OK (f, "init");
  RUN_OK (f, "product", "add", "--sku", "MUG", "--name", "Mug");
  RUN_OK (f, "customer", "add", "--name", "Ann");
  RUN_OK (f, "order", "add", "--customer", "Ann", "--line", "MUG:2");

  RUN (f, &draft, "po", "draft");
  g_assert_cmpint (draft.status, ==, 0);
  g_assert_true (g_str_has_prefix (draft.out, "No purchase orders drafted: 1 shortage cannot be "
                                              "ordered"));
  g_assert_null (strstr (draft.out, "every backorder is covered"));
  g_assert_nonnull (strstr (draft.out, "MUG: no supplier is linked"));
}

/* A value that is not UTF-8 is refused naming its option. */
static void
test_non_utf8_option (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Result) separate = { 0 };
  g_auto(Result) joined = { 0 };

  if (skip_without_cli ())
    return;
  RUN_OK (f, "init");
  RUN (f, &separate, "product", "add", "--sku", "A\xff", "--name", "x");
  assert_usage (&separate, "invalid value for --sku: it is not UTF-8 text");
  RUN (f, &joined, "customer", "add", "--name=B\xfe");
  assert_usage (&joined, "invalid value for --name");
}

/* Money in minor units is always named *_minor. */
static const char *const money_words[] = {
  "revenue", "backlog", "refunds", "goodwill", "amount", "total", "price", "cost", "refund",
  "total_revenue", "total_refunds", "total_goodwill", NULL
};

static void
assert_money_named (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        assert_money_named (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *m = members; m != NULL; m = m->next)
        {
          JsonNode *member = json_object_get_member (object, m->data);

          if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_INT64)
            g_assert_false (g_strv_contains (money_words, m->data));
          assert_money_named (member);
        }
    }
}

static void
test_json_money_names (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) revenue = NULL;
  g_autoptr(JsonNode) goodwill = NULL;
  g_autoptr(JsonNode) backlog = NULL;
  g_autoptr(JsonNode) order = NULL;
  g_autoptr(JsonNode) product = NULL;
  JsonArray *periods;
  JsonObject *last;

  if (skip_without_cli ())
    return;
  RUN_OK (f, "init");
  RUN_OK (f, "product", "add", "--sku", "MUG", "--name", "Mug", "--stock", "2", "--price", "10");
  RUN_OK (f, "customer", "add", "--name", "Ann");
  RUN_OK (f, "order", "add", "--customer", "Ann", "--number", "1001", "--line", "MUG:3");
  RUN_OK (f, "ship", "1001");
  RUN_OK (f, "order", "goodwill", "1001", "--amount", "2");

  revenue = RUN_JSON (f, "report", "revenue", "--by", "year");
  goodwill = RUN_JSON (f, "order", "goodwill", "1001");
  backlog = RUN_JSON (f, "report", "backlog");
  order = RUN_JSON (f, "order", "show", "1001");
  product = RUN_JSON (f, "product", "show", "MUG");
  assert_money_named (revenue);
  assert_money_named (goodwill);
  assert_money_named (backlog);
  assert_money_named (order);
  assert_money_named (product);

  periods = json_object_get_array_member (json_node_get_object (revenue), "periods");
  last = json_array_get_object_element (periods, json_array_get_length (periods) - 1);
  g_assert_cmpint (json_object_get_int_member (last, "revenue_minor"), ==, 2000);
  g_assert_cmpint (json_object_get_int_member (last, "backlog_minor"), ==, 1000);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (goodwill), "total_minor"),
                   ==, 200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli-messages/import-all-skipped", test_import_all_skipped);
  ADD ("/cli-messages/import-unreadable-header", test_import_unreadable_header);
  ADD ("/cli-messages/po-draft-without-supplier", test_po_draft_without_supplier);
  ADD ("/cli-messages/non-utf8-option", test_non_utf8_option);
  ADD ("/cli-messages/json-money-names", test_json_money_names);

#undef ADD

  return g_test_run ();
}
