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
  assert_failed (&backlog, "The backlog value is larger than 92,233,720,368,547,758.07");
  assert_failed (&revenue, "is larger than 92,233,720,368,547,758.07");
  assert_failed (&customers, "The value of a customer’s backorders is larger than "
                             "92,233,720,368,547,758.07");
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
  g_auto(Result) receive = { 0 };
  g_auto(Result) huge_order = { 0 };
  g_auto(Result) huge_po = { 0 };
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

  /* Stock that arrives cannot pass the limit either. */
  RUN_OK (f, "product", "add", "--sku", "FULL", "--name", "Full", "--stock", "999999999");
  RUN_OK (f, "supplier", "add", "--name", "Acme");
  RUN_OK (f, "po", "add", "--supplier", "Acme", "--eta", "2099-01-01", "--line", "FULL:5");
  RUN (f, &receive, "po", "receive", "PO-0001");
  assert_failed (&receive, "more than 1,000,000,000 units");
  RUN_OK (f, "check");

  /* One order worth more than 64 bits is refused where it enters. */
  RUN (f, &huge_order, "order", "add", "--customer", "Ms A",
       "--line", "A:1000000000@9000000.00", "--line", "A:1000000000@9000000.00",
       "--line", "A:1000000000@9000000.00", "--line", "A:1000000000@9000000.00",
       "--line", "A:1000000000@9000000.00", "--line", "A:1000000000@9000000.00",
       "--line", "A:1000000000@9000000.00", "--line", "A:1000000000@9000000.00",
       "--line", "A:1000000000@9000000.00", "--line", "A:1000000000@9000000.00",
       "--line", "A:1000000000@9000000.00");
  assert_failed (&huge_order, "The order would be worth more than 92,233,720,368,547,758.07");
  RUN (f, &huge_po, "po", "add", "--supplier", "Acme",
       "--line", "A:1000000000@9000000.00", "--line", "A:1000000000@9000000.00",
       "--line", "A:1000000000@9000000.00", "--line", "A:1000000000@9000000.00",
       "--line", "A:1000000000@9000000.00", "--line", "A:1000000000@9000000.00",
       "--line", "A:1000000000@9000000.00", "--line", "A:1000000000@9000000.00",
       "--line", "A:1000000000@9000000.00", "--line", "A:1000000000@9000000.00",
       "--line", "A:1000000000@9000000.00");
  assert_failed (&huge_po, "The purchase order would be worth more than");

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
  g_auto(Result) note = { 0 };
  g_auto(Result) number = { 0 };
  g_auto(Result) shop_name = { 0 };
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

  /* Notes, order numbers and settings too; a message repeating a bad value
   * shows the escape instead of sending it to the terminal. */
  RUN (f, &note, "product", "adjust", "A", "--by", "1", "--note", "\033[2J");
  assert_failed (&note, "The note holds a control character");
  RUN (f, &number, "order", "add", "--customer", "Ms A", "--number", "1\0332", "--line", "A:1");
  assert_failed (&number, "The order number holds a control character");
  RUN (f, &shop_name, "settings", "set", "shop-name", "Shop\033[31m");
  assert_failed (&shop_name, "“Shop\\x1B[31m”");
  g_assert_null (strchr (shop_name.err, '\033'));

  /* The address keeps its line break, and the table shows it on one line. */
  RUN (f, &list, "customer", "list");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "Main St 1, Berlin"));
  g_assert_cmpuint (count_lines (list.out), ==, 2);
}

/* An import shows every value beyond the limits by row and column, before
 * anything is written. */
static void
test_import_limits (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_auto(Result) import = { 0 };
  g_autoptr(JsonNode) products = NULL;

  if (skip_without_cli ())
    return;
  one_product_shop (f);
  csv = g_build_filename (f->dir, "products.csv", NULL);
  g_assert_true (g_file_set_contents (csv,
                                      "sku,name,price,stock\n"
                                      "A1,Anvil,99999999.99,5\n"
                                      "B 2,Bolt,1.00,2\n"
                                      "C3,Cog\033[31m,1.00,3\n"
                                      "D@4,Dog,1.00,3\n", -1, NULL));
  RUN (f, &import, "import", "csv", "--kind", "products", csv);
  assert_failed (&import, "4 problems in the file block the import");
  g_assert_nonnull (strstr (import.out, "Row 2, column “price”: “99999999.99” is more than the "
                                        "largest amount, 9,999,999.99"));
  g_assert_nonnull (strstr (import.out, "Row 3, column “sku”: the SKU “B 2” holds a space"));
  g_assert_nonnull (strstr (import.out, "Row 4, column “name”: the value holds a control "
                                        "character (U+001B)"));
  g_assert_nonnull (strstr (import.out, "Row 5, column “sku”: the SKU “D@4” holds “@”"));
  products = RUN_JSON (f, "product", "list");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (products)), ==, 1);
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
  ADD ("/cli-limits/import-limits", test_import_limits);
  ADD ("/cli-limits/ranges", test_ranges);

#undef ADD

  return g_test_run ();
}
