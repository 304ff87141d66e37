/* test-cli-limits.c — backorders-cli: limits of quantities, amounts and text
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bo-cli-test.h"

static void
one_product_shop (Fixture *f)
{
  RUN_OK (f, "init");
  RUN_OK (f, "product", "add", "--sku", "A", "--name", "Anvil");
  RUN_OK (f, "customer", "add", "--name", "Ms A", "--address", "Main St 1\nBerlin");
}

/* Eleven lines at the limits add up past 64 bits: every total says so in
 * words instead of SQLite's "integer overflow". */
static void
test_totals_overflow (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Result) backlog = { 0 };
  g_auto(Result) revenue = { 0 };
  g_auto(Result) customers = { 0 };
  g_autofree char *csv = NULL;

  if (skip_without_cli ())
    return;
  one_product_shop (f);
  for (int i = 0; i < 11; i++)
    RUN_OK (f, "order", "add", "--customer", "Ms A", "--line", "A:1000000000@9000000.00");

  csv = g_build_filename (f->dir, "customers.csv", NULL);
  RUN (f, &backlog, "report", "backlog");
  RUN (f, &revenue, "report", "revenue", "--by", "month");
  RUN (f, &customers, "export", "customers", "-o", csv);
  assert_failed (&backlog, "larger than 92,233,720,368,547,758.07");
  assert_failed (&revenue, "larger than 92,233,720,368,547,758.07");
  assert_failed (&customers, "larger than 92,233,720,368,547,758.07");
  g_assert_null (strstr (backlog.err, "integer overflow"));
  g_assert_null (strstr (revenue.err, "integer overflow"));
  g_assert_null (strstr (customers.err, "integer overflow"));
}

/* Amounts and quantities above the documented maximums are refused where
 * they enter, naming the limit; SQLite's own text never shows. */
static void
test_maximums (Fixture       *f,
               gconstpointer  data)
{
  g_auto(Result) line_price = { 0 };
  g_auto(Result) line_quantity = { 0 };
  g_auto(Result) price = { 0 };
  g_auto(Result) stock = { 0 };
  g_auto(Result) by = { 0 };
  g_autoptr(JsonNode) orders = NULL;

  if (skip_without_cli ())
    return;
  one_product_shop (f);

  RUN (f, &line_price, "order", "add", "--customer", "Ms A", "--line",
       "A:1000000000@99999999.99");
  assert_usage (&line_price, "9,999,999.99");
  g_assert_null (strstr (line_price.err, "REAL"));
  RUN (f, &line_quantity, "order", "add", "--customer", "Ms A", "--line", "A:1000000001");
  assert_usage (&line_quantity, "1,000,000,000");
  RUN (f, &price, "product", "add", "--sku", "B", "--name", "B", "--price", "10000000");
  assert_usage (&price, "9,999,999.99");
  RUN (f, &stock, "product", "add", "--sku", "B", "--name", "B", "--stock", "1000000001");
  assert_usage (&stock, "from 0 to 1,000,000,000");
  RUN (f, &by, "product", "adjust", "A", "--by", "-1000000001");
  assert_usage (&by, "from -1,000,000,000 to 1,000,000,000");

  /* The largest line is accepted, and its value is right. */
  RUN_OK (f, "order", "add", "--customer", "Ms A", "--line", "A:1000000000@9999999.99");
  orders = RUN_JSON (f, "order", "list");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (orders)), ==, 1);
}

/* Text fields refuse control characters; SKUs refuse what --line uses. */
static void
test_text_and_skus (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Result) escape = { 0 };
  g_auto(Result) newline = { 0 };
  g_auto(Result) spaced = { 0 };
  g_auto(Result) colon = { 0 };
  g_auto(Result) at = { 0 };
  g_auto(Result) customer = { 0 };
  g_auto(Result) list = { 0 };

  if (skip_without_cli ())
    return;
  one_product_shop (f);

  RUN (f, &escape, "product", "add", "--sku", "B", "--name", "Red \033[31mmug");
  assert_failed (&escape, "The product name holds a control character");
  RUN (f, &newline, "supplier", "add", "--name", "Acme\nLtd");
  assert_failed (&newline, "The supplier name holds a line break");
  RUN (f, &spaced, "product", "add", "--sku", "A B", "--name", "x");
  assert_failed (&spaced, "holds a space");
  RUN (f, &colon, "product", "add", "--sku", "AB:C", "--name", "x");
  assert_failed (&colon, "“:”");
  RUN (f, &at, "product", "add", "--sku", "C@D", "--name", "x");
  assert_failed (&at, "“@”");
  RUN (f, &customer, "customer", "add", "--name", "Mr B", "--address", "Road \033]0;x\007");
  assert_failed (&customer, "The address holds a control character");

  /* The address keeps its line break, and the table shows it on one line. */
  RUN (f, &list, "customer", "list");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "Main St 1, Berlin"));
  g_assert_cmpuint (count_lines (list.out), ==, 2);
}

/* Range messages state the real range. */
static void
test_ranges (Fixture       *f,
             gconstpointer  data)
{
  g_auto(Result) window = { 0 };
  g_auto(Result) tier = { 0 };
  g_auto(Result) lead = { 0 };

  if (skip_without_cli ())
    return;
  one_product_shop (f);
  RUN (f, &window, "suggest", "--window", "4800");
  assert_usage (&window, "from 1 to 3,660");
  RUN (f, &tier, "customer", "add", "--name", "Mr C", "--tier", "10");
  assert_usage (&tier, "from 0 to 9");
  RUN (f, &lead, "supplier", "add", "--name", "Acme", "--lead-days", "400");
  assert_usage (&lead, "from 0 to 365");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli-limits/totals-overflow", test_totals_overflow);
  ADD ("/cli-limits/maximums", test_maximums);
  ADD ("/cli-limits/text-and-skus", test_text_and_skus);
  ADD ("/cli-limits/ranges", test_ranges);

#undef ADD

  return g_test_run ();
}
