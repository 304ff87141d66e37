/* test-cli-planning.c — backorders-cli suggest, availability, goodwill, drop-ship and revenue, end to end
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-planning"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bo-cli-test.h"

/* Each test gets a fresh folder; the binary comes from $BO_CLI, set by the
 * build. XDG_DATA_HOME points into the folder, away from the user's shop. */

















/* An ISO date @days from today (local time, as the CLI counts). */
static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* A mug that sold one a day for the last 30 days from 5 in stock, from a
 * supplier that takes a week. */
static void
mug_shop (Fixture *f)
{
  RUN_OK (f, "init");
  RUN_OK (f, "settings", "set", "handling-days", "0");
  RUN_OK (f, "product", "add", "--sku", "MUG", "--name", "Blue mug", "--stock", "5", "--price",
          "12.50");
  RUN_OK (f, "supplier", "add", "--name", "Mugs Ltd", "--lead-days", "7");
  RUN_OK (f, "supplier", "link", "--supplier", "Mugs Ltd", "--sku", "MUG", "--preferred");
  RUN_OK (f, "customer", "add", "--name", "Ann", "--address", "1 Rose Lane");
  for (int day = -30; day < 0; day++)
    {
      g_autofree char *date = day_from_today (day);

      RUN_OK (f, "order", "add", "--customer", "Ann", "--date", date, "--line", "MUG:1");
    }
}

/* ---- suggest --------------------------------------------------------------------- */

static void
test_suggest (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) applied = NULL;
  g_autoptr(JsonNode) product = NULL;
  g_autoptr(JsonNode) ordered = NULL;
  g_autoptr(JsonNode) pos = NULL;
  g_auto(Result) text = { 0 };
  g_auto(Result) bad_level = { 0 };
  g_auto(Result) bad_window = { 0 };
  g_auto(Result) no_supplier = { 0 };
  g_auto(Result) both = { 0 };
  JsonObject *mug;

  if (skip_without_cli ())
    return;
  mug_shop (f);

  /* 25 backordered: far below any reorder point. */
  list = RUN_JSON (f, "suggest", "--window", "30");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (list), "window"), ==, 30);
  mug = find_by (json_object_get_array_member (json_node_get_object (list), "products"), "sku",
                 "MUG");
  g_assert_nonnull (mug);
  g_assert_cmpint (json_object_get_int_member (mug, "suggested_reorder_point"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (mug, "suggested_reorder_qty"), ==, 30);
  g_assert_cmpint (json_object_get_int_member (mug, "position"), ==, -25);
  /* Up to 1 × (7 + 30) from −25. */
  g_assert_cmpint (json_object_get_int_member (mug, "order_qty"), ==, 62);
  g_assert_true (json_object_get_boolean_member (mug, "needs_reorder"));
  g_assert_cmpstr (json_object_get_string_member (mug, "supplier"), ==, "Mugs Ltd");
  g_assert_nonnull (strstr (json_object_get_string_member (mug, "why"), "1.0 a day"));

  RUN (f, &text, "suggest", "--window", "30", "--service-level", "99");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "MUG"));
  g_assert_nonnull (strstr (text.out, "99 % service level"));

  applied = RUN_JSON (f, "suggest", "--window", "30", "--apply", "MUG");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (applied), "reorder_point"),
                   ==, 7);
  product = RUN_JSON (f, "product", "show", "MUG");
  {
    g_autofree char *json = json_to_string (product, FALSE);
    g_assert_nonnull (strstr (json, "\"reorder_point\":7"));
  }

  ordered = RUN_JSON (f, "suggest", "--window", "30", "--order", "MUG");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (ordered), "quantity"), ==, 62);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (ordered), "supplier"), ==,
                   "Mugs Ltd");
  pos = RUN_JSON (f, "po", "list");
  {
    g_autofree char *json = json_to_string (pos, FALSE);
    g_assert_nonnull (strstr (json, json_object_get_string_member (json_node_get_object (ordered),
                                                                   "po")));
  }

  RUN (f, &bad_level, "suggest", "--service-level", "120");
  assert_usage (&bad_level, "--service-level");
  RUN (f, &bad_window, "suggest", "--window", "0");
  assert_usage (&bad_window, "--window");
  RUN (f, &no_supplier, "suggest", "--order", "MUG", "--supplier", "Nobody");
  assert_failed (&no_supplier, "Nobody");
  RUN (f, &both, "suggest", "--order", "MUG", "--apply", "MUG");
  assert_usage (&both, "--apply");
}

/* ---- export availability ------------------------------------------------------------ */

static void
test_export_availability (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "inventory.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_auto(Result) woocommerce = { 0 };
  g_auto(Result) csv = { 0 };
  g_auto(Result) bad = { 0 };
  g_auto(Result) missing = { 0 };

  if (skip_without_cli ())
    return;
  RUN_OK (f, "init");
  RUN_OK (f, "product", "add", "--sku", "TEA", "--name", "Green tea", "--stock", "10", "--price",
          "4");
  RUN_OK (f, "product", "add", "--sku", "GONE", "--name", "Old cup", "--stock", "0", "--price",
          "4", "--backorder-policy", "deny");

  written = RUN_JSON (f, "export", "availability", "--format", "shopify", "-o", path,
                      "--location", "Warehouse");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (written), "format"), ==,
                   "shopify");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "Handle,Title,Option1 Name,"));
  g_assert_nonnull (strstr (contents, "\r\ntea,Green tea,Title,Default Title,,,,,TEA,,,Warehouse,"
                                      "0,0,0,10,10\r\n"));

  RUN (f, &woocommerce, "export", "availability", "--format", "woocommerce");
  g_assert_cmpint (woocommerce.status, ==, 0);
  g_assert_true (g_str_has_prefix (woocommerce.out, "ID,SKU,In stock?,Stock,Backorders allowed?"));
  g_assert_nonnull (strstr (woocommerce.out, "\r\n,GONE,0,0,0,0,,,Out of stock\r\n"));

  RUN (f, &csv, "export", "availability", "--format", "csv");
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_nonnull (strstr (csv.out, "\r\nTEA,Green tea,10,10,10,0,,0,,In stock\r\n"));

  RUN (f, &bad, "export", "availability", "--format", "excel");
  assert_usage (&bad, "excel");
  RUN (f, &missing, "export", "availability");
  assert_usage (&missing, "--format");
}

/* ---- goodwill ------------------------------------------------------------------------ */

static void
test_goodwill (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonNode) listed = NULL;
  g_auto(Result) recorded = { 0 };
  g_auto(Result) both = { 0 };
  g_auto(Result) neither_with_note = { 0 };
  g_auto(Result) never = { 0 };
  g_auto(Result) message = { 0 };
  g_auto(Result) report = { 0 };
  JsonArray *rows;

  if (skip_without_cli ())
    return;
  RUN_OK (f, "init");
  RUN_OK (f, "product", "add", "--sku", "MUG", "--name", "Blue mug", "--stock", "1", "--price",
          "10");
  RUN_OK (f, "customer", "add", "--name", "Ann");
  RUN_OK (f, "order", "add", "--customer", "Ann", "--number", "1001", "--line", "MUG:3");
  RUN_OK (f, "order", "add", "--customer", "Ann", "--number", "1002", "--line", "MUG:1");

  RUN (f, &recorded, "order", "goodwill", "1001", "--amount", "5", "--voucher", "SORRY5",
       "--note", "Sorry for the wait");
  g_assert_cmpint (recorded.status, ==, 0);
  g_assert_nonnull (strstr (recorded.out, "5.00 EUR"));
  RUN_OK (f, "order", "goodwill", "1001", "--percent", "10");

  listed = RUN_JSON (f, "order", "goodwill", "1001");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (listed), "total_minor"), ==, 800);
  rows = json_object_get_array_member (json_node_get_object (listed), "goodwill");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0),
                                                  "voucher"), ==, "SORRY5");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, 1), "amount_minor"),
                   ==, 300);

  RUN (f, &message, "order", "message", "1001");
  g_assert_cmpint (message.status, ==, 0);
  g_assert_nonnull (strstr (message.out, "voucher code SORRY5, worth 5.00 EUR — Sorry for the wait"));

  RUN (f, &report, "--json", "report", "revenue", "--by", "year");
  g_assert_cmpint (report.status, ==, 0);
  g_assert_nonnull (strstr (report.out, "\"total_goodwill_minor\" : 800"));

  RUN (f, &both, "order", "goodwill", "1001", "--amount", "5", "--percent", "10");
  assert_usage (&both, "--percent");
  RUN (f, &neither_with_note, "order", "goodwill", "1001", "--note", "hm");
  assert_usage (&neither_with_note, "--note");
  /* Goodwill is for customers who waited: an order filled at once takes none. */
  RUN_OK (f, "product", "adjust", "MUG", "--by", "10");
  RUN_OK (f, "order", "add", "--customer", "Ann", "--number", "1004", "--line", "MUG:1");
  RUN (f, &never, "order", "goodwill", "1004", "--amount", "1");
  assert_failed (&never, "never backordered");
}

/* ---- drop-ship ------------------------------------------------------------------------ */

static void
test_confirm_drop_ship (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) pos = NULL;
  g_autoptr(JsonNode) confirmed = NULL;
  g_autoptr(JsonNode) order = NULL;
  g_autoptr(JsonNode) backorders = NULL;
  g_auto(Result) placed = { 0 };
  g_auto(Result) receive = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) no_supplier = { 0 };
  g_auto(Result) check = { 0 };
  JsonObject *po, *line;
  const char *number;

  if (skip_without_cli ())
    return;
  RUN_OK (f, "init");
  RUN_OK (f, "product", "add", "--sku", "LAMP", "--name", "Desk lamp", "--price", "80",
          "--drop-ship");
  RUN_OK (f, "product", "add", "--sku", "VASE", "--name", "Vase", "--price", "20", "--drop-ship");
  RUN_OK (f, "supplier", "add", "--name", "Lamps Ltd", "--lead-days", "4");
  RUN_OK (f, "supplier", "link", "--supplier", "Lamps Ltd", "--sku", "LAMP", "--preferred");
  RUN_OK (f, "customer", "add", "--name", "Ann", "--address", "1 Rose Lane");

  RUN (f, &no_supplier, "order", "add", "--customer", "Ann", "--line", "VASE:1");
  assert_failed (&no_supplier, "no supplier");

  RUN (f, &placed, "order", "add", "--customer", "Ann", "--number", "1001", "--line", "LAMP:2");
  g_assert_cmpint (placed.status, ==, 0);
  backorders = RUN_JSON (f, "order", "list", "--backordered");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (backorders)), ==, 0);

  pos = RUN_JSON (f, "po", "list");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (pos)), ==, 1);
  po = json_array_get_object_element (json_node_get_array (pos), 0);
  number = json_object_get_string_member (po, "number");

  RUN (f, &receive, "po", "receive", number);
  assert_failed (&receive, "confirm that the supplier shipped it");

  confirmed = RUN_JSON (f, "po", "confirm-drop-ship", number);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (confirmed), "status"), ==,
                   "received");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (confirmed), "units"), ==, 2);

  order = RUN_JSON (f, "order", "show", "1001");
  line = json_array_get_object_element (json_object_get_array_member (json_node_get_object (order),
                                                                      "lines"), 0);
  g_assert_cmpint (json_object_get_int_member (line, "shipped"), ==, 2);

  RUN (f, &again, "po", "confirm-drop-ship", number);
  assert_failed (&again, number);
  RUN (f, &check, "check");
  g_assert_cmpint (check.status, ==, 0);
}

/* ---- report revenue ------------------------------------------------------------------ */

static void
test_report_revenue (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) report = NULL;
  g_auto(Result) text = { 0 };
  g_auto(Result) bad = { 0 };
  g_auto(Result) missing = { 0 };
  JsonArray *periods;
  JsonObject *last;

  if (skip_without_cli ())
    return;
  RUN_OK (f, "init");
  RUN_OK (f, "product", "add", "--sku", "MUG", "--name", "Blue mug", "--stock", "2", "--price",
          "10");
  RUN_OK (f, "customer", "add", "--name", "Ann");
  RUN_OK (f, "order", "add", "--customer", "Ann", "--number", "1001", "--line", "MUG:5");
  RUN_OK (f, "ship", "1001");

  report = RUN_JSON (f, "report", "revenue", "--by", "month");
  periods = json_object_get_array_member (json_node_get_object (report), "periods");
  g_assert_cmpuint (json_array_get_length (periods), ==, 12);
  last = json_array_get_object_element (periods, 11);
  /* Two shipped are revenue; three waiting are the backlog. */
  g_assert_cmpint (json_object_get_int_member (last, "revenue_minor"), ==, 2000);
  g_assert_cmpint (json_object_get_int_member (last, "units_shipped"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (last, "backlog_minor"), ==, 3000);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (report), "total_revenue_minor"), ==,
                   2000);

  RUN (f, &text, "report", "revenue", "--by", "quarter");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Recognised 20.00 EUR"));

  RUN (f, &bad, "report", "revenue", "--by", "week");
  assert_usage (&bad, "week");
  RUN (f, &missing, "report", "revenue");
  assert_usage (&missing, "--by");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli-planning/suggest", test_suggest);
  ADD ("/cli-planning/export-availability", test_export_availability);
  ADD ("/cli-planning/goodwill", test_goodwill);
  ADD ("/cli-planning/confirm-drop-ship", test_confirm_drop_ship);
  ADD ("/cli-planning/report-revenue", test_report_revenue);

#undef ADD

  return g_test_run ();
}
