/* test-cli-import.c — backorders-cli import, export, backup and restore, end to end
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-import"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bo-cli-test.h"

#include "bo-test-data.h"

/* Each test gets a fresh folder; the binary comes from $BO_CLI, set by the
 * build. XDG_DATA_HOME points into the folder, away from the user's shop. */














static JsonObject *
run_json_status (Fixture            *f,
          const char * const *args,
          int                 status)
{
  g_auto(Result) result = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "--json");
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  run_with_database (f, NULL, &result, (const char * const *) argv->pdata);
  g_assert_cmpint (result.status, ==, status);
  json_parser_load_from_data (parser, result.out, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

#define RUN_JSON_STATUS(f, status, ...) \
  run_json_status ((f), (const char * const[]) { __VA_ARGS__, NULL }, (status))

static gint64
count_of (JsonObject *root,
          const char *record,
          const char *action)
{
  JsonObject *counts = json_object_get_object_member (root, "counts");

  return json_object_get_int_member (json_object_get_object_member (counts, record), action);
}

/* The observable state of the shop, to prove that a command wrote nothing. */
static char *
snapshot (Fixture *f)
{
  const char *lists[][2] = { { "product", "list" }, { "order", "list" }, { "customer", "list" } };
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_auto(Result) result = { 0 };

      RUN (f, &result, "--json", lists[i][0], lists[i][1]);
      g_assert_cmpint (result.status, ==, 0);
      g_string_append (all, result.out);
    }
  return g_string_free (all, FALSE);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static const char products_csv[] =
  "SKU,Name,Price,Stock,Backorders\n"
  "MUG-BLU,Blue mug,12.50,3,allow\n"
  "MUG-RED,Red mug,12.50,0,deny\n";

/* A Shopify orders export: #1001 shipped, #1002 partly, #1003 not at all;
 * the second rows of an order carry only the line-item columns, and a line
 * item without a SKU is found by its name. */
static const char shopify_orders_csv[] =
  "Name,Email,Financial Status,Fulfillment Status,Fulfilled at,Created at,Lineitem quantity,"
  "Lineitem name,Lineitem price,Lineitem sku,Lineitem requires shipping,"
  "Lineitem fulfillment status,Billing Name,Id\n"
  "#1001,ann@example.com,paid,fulfilled,2026-11-02 10:00:00 +0100,2026-11-01 09:00:00 +0100,"
  "1,Blue mug,12.50,MUG-BLU,true,fulfilled,Ann Adams,9001\n"
  "#1002,bob@example.com,paid,partial,,2026-11-03 09:00:00 +0100,2,Blue mug,12.50,,true,"
  "fulfilled,Bob Brown,9002\n"
  "#1002,bob@example.com,,,,2026-11-03 09:00:00 +0100,3,Blue mug,12.50,MUG-BLU,true,pending,,\n"
  "#1002,bob@example.com,,,,2026-11-03 09:00:00 +0100,1,Gift Card,10.00,,false,pending,,\n"
  "#1003,cara@example.com,paid,unfulfilled,,2026-11-04 09:00:00 +0100,1,Red mug,12.50,"
  "MUG-RED,true,pending,Cara Clark,9003\n";

static void
test_import_products (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonObject) dry = NULL;
  g_autoptr(JsonObject) done = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_auto(Result) text = { 0 };

  if (skip_without_cli ())
    return;
  RUN_OK (f, "init");
  path = write_file (f, "products.csv", products_csv);

  /* A dry run shows the preview and writes nothing. */
  before = snapshot (f);
  dry = RUN_JSON_STATUS (f, 0, "import", "csv", path, "--dry-run");
  g_assert_cmpint (count_of (dry, "products", "create"), ==, 2);
  g_assert_false (json_object_get_boolean_member (dry, "applied"));
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);

  done = RUN_JSON_STATUS (f, 0, "import", "csv", path, "--kind", "products");
  g_assert_true (json_object_get_boolean_member (done, "applied"));
  g_assert_cmpint (json_object_get_int_member (
                     json_object_get_object_member (
                       json_object_get_object_member (done, "outcome"), "created"), "products"),
                   ==, 2);

  /* Twice: nothing to change. */
  g_free (before);
  before = snapshot (f);
  again = RUN_JSON_STATUS (f, 0, "import", "csv", path);
  g_assert_cmpint (count_of (again, "products", "unchanged"), ==, 2);
  g_assert_false (json_object_get_boolean_member (again, "applied"));
  RUN (f, &text, "import", "csv", path);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Nothing to change"));
  g_free (after);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
  RUN_OK (f, "check");
}

static void
test_import_problems (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *bad = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_auto(Result) result = { 0 };
  g_auto(Result) usage = { 0 };
  g_auto(Result) kind = { 0 };
  g_auto(Result) mapped = { 0 };
  g_auto(Result) missing = { 0 };
  JsonArray *problems;

  if (skip_without_cli ())
    return;
  RUN_OK (f, "init");
  bad = write_file (f, "bad.csv", "SKU,Name,Stock\nA,Apple,3\nB,Banana,-2\nA,Again,1\n");
  before = snapshot (f);

  /* Problems by row and column on stdout, one line on stderr, exit 1. */
  RUN (f, &result, "import", "csv", bad, "--kind", "products");
  assert_failed (&result, "2 problems");
  g_assert_nonnull (strstr (result.out, "Row 3, column “Stock”"));
  g_assert_nonnull (strstr (result.out, "Row 4: the SKU “A” is in row 2 already"));
  root = RUN_JSON_STATUS (f, 1, "import", "csv", bad, "--kind", "products");
  problems = json_object_get_array_member (root, "problems");
  g_assert_cmpuint (json_array_get_length (problems), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (problems, 0), "row"),
                   ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (problems, 0),
                                               "column"), ==, 3);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);

  /* Mapping: a field the format does not have is a usage error. */
  RUN (f, &usage, "import", "csv", bad, "--kind", "products", "--map", "Stock=colour");
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_nonnull (strstr (usage.err, "colour"));

  /* A header no kind recognises: --kind is needed, and then --map. */
  unknown = write_file (f, "unknown.csv", "Code,Label,Count\nA,Apple,3\n");
  RUN (f, &kind, "import", "csv", unknown);
  g_assert_cmpint (kind.status, ==, 2);
  g_assert_nonnull (strstr (kind.err, "--kind"));
  RUN (f, &missing, "import", "csv", unknown, "--kind", "products");
  assert_failed (&missing, NULL);
  g_assert_nonnull (strstr (missing.out, "“Code”"));
  RUN (f, &mapped, "import", "csv", unknown, "--kind", "products", "--map", "Code=sku", "--map",
       "Label=name", "--map", "Count=stock");
  g_assert_cmpint (mapped.status, ==, 0);
  g_assert_nonnull (strstr (mapped.out, "1 created"));
}

static void
test_import_shopify_orders (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *products = NULL;
  g_autofree char *orders = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_auto(Result) show = { 0 };
  JsonObject *outcome;

  if (skip_without_cli ())
    return;
  RUN_OK (f, "init");
  products = write_file (f, "products.csv", products_csv);
  orders = write_file (f, "orders_export.csv", shopify_orders_csv);
  RUN_OK (f, "import", "csv", products);

  root = RUN_JSON_STATUS (f, 0, "import", "shopify-orders", orders);
  g_assert_cmpint (count_of (root, "orders", "create"), ==, 3);
  g_assert_cmpint (count_of (root, "customers", "create"), ==, 3);
  outcome = json_object_get_object_member (root, "outcome");
  /* #1001's mug and #1002's first two left before; #1002's other three and
   * #1003's red mug wait: 3 blue mugs on hand go to #1002, the red one has
   * no stock and takes no backorders, but Shopify accepted the order. */
  g_assert_cmpint (json_object_get_int_member (outcome, "lines_shipped"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (outcome, "lines_allocated"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (outcome, "lines_backordered"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (outcome, "notes")), ==, 1);

  RUN (f, &show, "order", "show", "#1002");
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Bob Brown"));

  again = RUN_JSON_STATUS (f, 0, "import", "shopify-orders", orders);
  g_assert_cmpint (count_of (again, "orders", "unchanged"), ==, 3);
  g_assert_false (json_object_get_boolean_member (again, "applied"));
  RUN_OK (f, "check");
}

/* The real exports import with the counts of test-import.c. */
static void
test_import_real_files (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonObject) shopify = NULL;
  g_autoptr(JsonObject) woo = NULL;
  g_autofree char *apparel = bo_test_shared_file ("shopify_product_csvs/apparel.csv");
  g_autofree char *gopoma =
    bo_test_shared_file ("woocommerce/gopoma_wc-product-export-28-7-2024.csv");

  if (skip_without_cli ())
    return;
  if (apparel == NULL || gopoma == NULL)
    {
      bo_test_skip_missing ("../shared/data is not there (set BO_SHARED_DATA)");
      return;
    }
  RUN_OK (f, "init");
  /* 22 variants, none with a SKU. */
  shopify = RUN_JSON_STATUS (f, 0, "import", "shopify-products", apparel);
  g_assert_cmpint (count_of (shopify, "products", "create"), ==, 22);
  /* 102 simple products and variations; 22 variable, grouped and external
   * ones skipped. The file starts with a byte-order mark. */
  woo = RUN_JSON_STATUS (f, 0, "import", "woocommerce-products", gopoma);
  g_assert_cmpint (count_of (woo, "products", "create"), ==, 102);
  g_assert_cmpint (count_of (woo, "products", "skip"), ==, 22);
  RUN_OK (f, "check");
}

static char *
read_text (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *products = NULL;
  g_autofree char *customers = NULL;
  g_autofree char *backorders = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "pos", NULL);
  g_autofree char *po_file = g_build_filename (folder, "purchase-orders-nordic-ceramics.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) written = NULL;
  g_auto(Result) out = { 0 };
  g_auto(Result) no_folder = { 0 };

  if (skip_without_cli ())
    return;
  RUN_OK (f, "init");
  products = write_file (f, "products.csv", products_csv);
  RUN_OK (f, "import", "csv", products);
  RUN_OK (f, "customer", "add", "--name", "=1+1", "--email", "formula@example.com");
  RUN_OK (f, "order", "add", "--customer", "formula@example.com", "--line", "MUG-BLU:5");
  RUN_OK (f, "supplier", "add", "--name", "Nordic Ceramics");
  RUN_OK (f, "po", "add", "--supplier", "Nordic Ceramics", "--eta", "2099-12-20", "--line",
          "MUG-BLU:10");

  /* Open backorders: a BOM, a header, and the name a spreadsheet would run
   * as a formula made text. */
  backorders = g_build_filename (f->dir, "backorders.csv", NULL);
  RUN_OK (f, "export", "backorders", "-o", backorders);
  text = read_text (backorders);
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbfOrder,Placed,Customer,SKU"));
  g_assert_nonnull (strstr (text, ",\"'=1+1\",MUG-BLU,Blue mug,5,3,0,2,25.00,2099-12-21,"
                            "PO-0001\r\n"));

  /* To standard output as well. */
  RUN (f, &out, "export", "customers");
  g_assert_cmpint (out.status, ==, 0);
  g_assert_nonnull (strstr (out.out, "\"'=1+1\",formula@example.com,promised,1,1,2,25.00"));

  /* One file per supplier, into an existing folder. */
  /* A folder that does not exist yet is made (its parent exists). */
  RUN (f, &no_folder, "export", "purchase-orders", "-o", folder);
  g_assert_cmpint (no_folder.status, ==, 0);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  written = RUN_JSON_STATUS (f, 0, "export", "purchase-orders", "-o", folder);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (written, "files")), ==, 1);
  g_free (text);
  text = read_text (po_file);
  g_assert_nonnull (strstr (text, "PO-0001,"));
  g_assert_nonnull (strstr (text, ",MUG-BLU,Blue mug,10,"));

  customers = g_build_filename (f->dir, "customers.csv", NULL);
  RUN_OK (f, "export", "customers", "-o", customers);
  g_assert_true (g_file_test (customers, G_FILE_TEST_IS_REGULAR));
}

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *products = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *elsewhere = g_build_filename (f->dir, "new-machine.db", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *now = NULL;
  g_autofree char *junk = NULL;
  g_auto(Result) twice = { 0 };
  g_auto(Result) not_backup = { 0 };
  g_auto(Result) not_there = { 0 };
  g_auto(Result) restored = { 0 };
  g_auto(Result) show = { 0 };
  g_auto(Result) fresh = { 0 };
  g_auto(Result) fresh_list = { 0 };

  if (skip_without_cli ())
    return;
  RUN_OK (f, "init");
  products = write_file (f, "products.csv", products_csv);
  RUN_OK (f, "import", "csv", products);
  RUN_OK (f, "backup", backup);
  saved = snapshot (f);

  /* A backup does not overwrite a file unless told to. */
  RUN (f, &twice, "backup", backup);
  assert_failed (&twice, "--force");
  RUN_OK (f, "backup", backup, "--force");

  RUN_OK (f, "product", "add", "--sku", "LATER", "--name", "Added later");
  RUN (f, &restored, "restore", backup);
  g_assert_cmpint (restored.status, ==, 0);
  g_assert_nonnull (strstr (restored.out, "before-restore"));
  now = snapshot (f);
  g_assert_cmpstr (saved, ==, now);
  RUN (f, &show, "product", "show", "LATER");
  assert_failed (&show, "LATER");
  RUN_OK (f, "check");

  /* What is not a backup is refused, and the shop stays as it is. */
  junk = write_file (f, "junk.db", "SQLite format 3? no, just text\n");
  RUN (f, &not_backup, "restore", junk);
  assert_failed (&not_backup, "not a Backorders backup");
  RUN (f, &not_there, "restore", "/nonexistent/backup.db");
  assert_failed (&not_there, "no file");
  g_free (now);
  now = snapshot (f);
  g_assert_cmpstr (saved, ==, now);

  /* A new machine: the shop is created from the backup. */
  RUN_DB (f, elsewhere, &fresh, "restore", backup);
  g_assert_cmpint (fresh.status, ==, 0);
  RUN_DB (f, elsewhere, &fresh_list, "product", "list");
  g_assert_nonnull (strstr (fresh_list.out, "MUG-RED"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/import/products", test_import_products);
  ADD ("/cli/import/problems", test_import_problems);
  ADD ("/cli/import/shopify-orders", test_import_shopify_orders);
  ADD ("/cli/import/real-files", test_import_real_files);
  ADD ("/cli/export", test_export);
  ADD ("/cli/backup-restore", test_backup_restore);

  return g_test_run ();
}
