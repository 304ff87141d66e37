/* test-cli-currency.c — backorders-cli: amounts with the shop currency's own decimals
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bo-cli-test.h"

static void
shop_in (Fixture    *f,
         const char *currency)
{
  RUN_OK (f, "init");
  RUN_OK (f, "settings", "set", "currency", currency);
  RUN_OK (f, "customer", "add", "--name", "Ms A", "--address", "Main St 1\nBerlin");
}

static gint64
product_price (Fixture    *f,
               const char *sku)
{
  g_autoptr(JsonNode) root = RUN_JSON (f, "product", "list");
  JsonObject *product = find_by (json_node_get_array (root), "sku", sku);

  g_assert_nonnull (product);
  return json_object_get_int_member (product, "price_minor");
}

/* A yen shop: whole yen everywhere, and --json in minor units, which are yen. */
static void
test_yen (Fixture       *f,
          gconstpointer  data)
{
  g_auto(Result) list = { 0 };
  g_auto(Result) orders = { 0 };
  g_auto(Result) backlog = { 0 };
  g_auto(Result) half = { 0 };
  g_auto(Result) line = { 0 };
  g_autoptr(JsonNode) json_orders = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *exported = NULL;

  if (skip_without_cli ())
    return;
  shop_in (f, "JPY");
  RUN_OK (f, "product", "add", "--sku", "MUG", "--name", "Mug", "--price", "8000", "--stock",
          "1");
  RUN_OK (f, "order", "add", "--customer", "Ms A", "--line", "MUG:3@7500");

  RUN (f, &list, "product", "list");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "8000 JPY"));
  g_assert_null (strstr (list.out, "8000.00"));
  g_assert_cmpint (product_price (f, "MUG"), ==, 8000);

  RUN (f, &orders, "order", "list");
  g_assert_nonnull (strstr (orders.out, "15000 JPY"));
  json_orders = RUN_JSON (f, "order", "list");
  g_assert_cmpint (json_object_get_int_member (
                     json_array_get_object_element (json_node_get_array (json_orders), 0),
                     "value_minor"), ==, 15000);
  RUN (f, &backlog, "report", "backlog");
  g_assert_nonnull (strstr (backlog.out, "15000 JPY"));

  csv = g_build_filename (f->dir, "backorders.csv", NULL);
  RUN_OK (f, "export", "backorders", "-o", csv);
  g_assert_true (g_file_get_contents (csv, &exported, NULL, NULL));
  g_assert_nonnull (strstr (exported, ",2,15000,"));

  /* Half a yen does not exist. */
  RUN (f, &half, "product", "add", "--sku", "B", "--name", "B", "--price", "8000.5");
  assert_usage (&half, "expected a whole amount like 1250 (no sign, no decimals)");
  RUN (f, &line, "order", "add", "--customer", "Ms A", "--line", "MUG:1@10.00");
  assert_usage (&line, "the amount after @ must be a whole amount");
}

/* A dinar shop: three decimals, read with a dot. */
static void
test_dinar (Fixture       *f,
            gconstpointer  data)
{
  g_auto(Result) list = { 0 };
  g_auto(Result) comma = { 0 };
  g_auto(Result) four = { 0 };

  if (skip_without_cli ())
    return;
  shop_in (f, "KWD");
  RUN_OK (f, "product", "add", "--sku", "OIL", "--name", "Oil", "--price", "1.234");
  RUN_OK (f, "product", "add", "--sku", "GAS", "--name", "Gas", "--price", "2.5");
  g_assert_cmpint (product_price (f, "OIL"), ==, 1234);
  g_assert_cmpint (product_price (f, "GAS"), ==, 2500);
  RUN (f, &list, "product", "list");
  g_assert_nonnull (strstr (list.out, "1.234 KWD"));
  g_assert_nonnull (strstr (list.out, "2.500 KWD"));

  /* The command line reads a dot only, and no more decimals than the currency has. */
  RUN (f, &comma, "product", "add", "--sku", "X", "--name", "X", "--price", "1,234");
  assert_usage (&comma, "at most 3 decimals");
  RUN (f, &four, "product", "add", "--sku", "X", "--name", "X", "--price", "1.2345");
  assert_usage (&four, "at most 3 decimals");
}

/* An import into a yen shop reads whole yen, and zeros after the point. */
static void
test_import_yen (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Result) bad = { 0 };
  g_autofree char *good = g_build_filename (f->dir, "good.csv", NULL);
  g_autofree char *wrong = g_build_filename (f->dir, "wrong.csv", NULL);

  if (skip_without_cli ())
    return;
  shop_in (f, "JPY");
  g_assert_true (g_file_set_contents (good, "SKU,Name,Price,Stock\n"
                                            "Y1,Yen one,8000,1\n"
                                            "Y2,Yen two,\"9000,00\",1\n", -1, NULL));
  g_assert_true (g_file_set_contents (wrong, "SKU,Name,Price,Stock\nY3,Bad,8000.50,1\n", -1,
                                      NULL));
  RUN_OK (f, "import", "csv", good, "--kind", "products");
  g_assert_cmpint (product_price (f, "Y1"), ==, 8000);
  g_assert_cmpint (product_price (f, "Y2"), ==, 9000);
  RUN (f, &bad, "import", "csv", wrong, "--kind", "products");
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.out, "“8000.50” is not an amount; write it like 1250"));
}

/* The stored numbers are minor units: a shop with prices keeps a currency
 * of the same decimals. */
static void
test_change_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Result) refused = { 0 };
  g_auto(Result) shown = { 0 };

  if (skip_without_cli ())
    return;
  shop_in (f, "EUR");
  RUN_OK (f, "product", "add", "--sku", "MUG", "--name", "Mug", "--price", "12.50");
  RUN (f, &refused, "settings", "set", "currency", "JPY");
  assert_failed (&refused, "The currency cannot change from EUR (2 decimals) to JPY");
  RUN (f, &shown, "product", "list");
  g_assert_nonnull (strstr (shown.out, "12.50 EUR"));
  RUN_OK (f, "settings", "set", "currency", "USD");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/currency/yen", Fixture, NULL, fixture_set_up, test_yen, fixture_tear_down);
  g_test_add ("/cli/currency/dinar", Fixture, NULL, fixture_set_up, test_dinar,
              fixture_tear_down);
  g_test_add ("/cli/currency/import-yen", Fixture, NULL, fixture_set_up, test_import_yen,
              fixture_tear_down);
  g_test_add ("/cli/currency/change-refused", Fixture, NULL, fixture_set_up,
              test_change_refused, fixture_tear_down);
  return g_test_run ();
}
