/* test-cli-picklist.c — backorders-cli picklist and order message, end to end
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-picklist"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bo-cli-test.h"

#include "backorders/bo-store.h"

/* Each test gets a fresh folder; the binary comes from $BO_CLI, set by the
 * build. XDG_DATA_HOME points into the test folder, away from real data.
 * Open shipments have no command of their own, so the test makes them
 * through the store. */






static gboolean
have_poppler (void)
{
  g_autofree char *text = g_find_program_in_path ("pdftotext");
  g_autofree char *info = g_find_program_in_path ("pdfinfo");

  return text != NULL && info != NULL;
}












static char *
pdf_text (const char *path)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              "pdftotext", "-layout", path, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return out;
}

static gboolean
has_line (const char *text,
          const char *pattern)
{
  return g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0);
}

/* Two blue mugs for five wanted, tea enough, a drop-ship lamp. */
static void
small_shop (Fixture *f)
{
  RUN_OK (f, "init");
  RUN_OK (f, "settings", "set", "shop-name", "Hilltop Ceramics");
  RUN_OK (f, "product", "add", "--sku", "MUG-BLU", "--name", "Blue mug", "--stock", "2",
          "--price", "12.50", "--location", "A-2");
  RUN_OK (f, "product", "add", "--sku", "TEA-GRN", "--name", "Green tea", "--stock", "10",
          "--price", "4", "--location", "A-10");
  RUN_OK (f, "product", "add", "--sku", "LAMP-DS", "--name", "Desk lamp", "--stock", "5",
          "--price", "30", "--location", "Z-1", "--drop-ship");
  RUN_OK (f, "supplier", "add", "--name", "Lamps Ltd");
  RUN_OK (f, "supplier", "link", "--supplier", "Lamps Ltd", "--sku", "LAMP-DS", "--preferred");
  RUN_OK (f, "customer", "add", "--name", "Ada Lovelace", "--email", "ada@example.com",
          "--address", "12 Marsh Lane\nLondon N1 7AB");
  RUN_OK (f, "customer", "add", "--name", "Grace Hopper");
  RUN_OK (f, "order", "add", "--customer", "Ada Lovelace", "--number", "1001", "--line",
          "MUG-BLU:5", "--line", "TEA-GRN:1", "--line", "LAMP-DS:1");
}

static JsonObject *
row_for (JsonObject *picklist,
         const char *sku)
{
  JsonArray *rows = json_object_get_array_member (picklist, "rows");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_strcmp0 (json_object_get_string_member (row, "sku"), sku) == 0)
        return row;
    }
  return NULL;
}

/* ---- picklist -------------------------------------------------------------- */

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *json_path = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_auto(Result) result = { 0 };
  JsonObject *picklist, *mug;

  if (skip_without_cli ())
    return;
  small_shop (f);
  path = g_build_filename (f->dir, "1001.pdf", NULL);

  RUN (f, &result, "picklist", "--order", "1001", "-o", path);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_nonnull (strstr (result.out, "Pick list for order 1001: 3 units to pick, 1 page"));
  g_assert_nonnull (strstr (result.out, "Backordered items will follow."));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  json_path = g_build_filename (f->dir, "1001-json.pdf", NULL);
  node = RUN_JSON (f, "picklist", "--order", "1001", "--output", json_path);
  picklist = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (picklist, "kind"), ==, "shipment");
  g_assert_cmpstr (json_object_get_string_member (picklist, "order"), ==, "1001");
  g_assert_cmpint (json_object_get_int_member (picklist, "pages"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (picklist, "units"), ==, 3);
  g_assert_true (json_object_get_boolean_member (picklist, "backorders_follow"));
  g_assert_true (json_object_get_null_member (picklist, "shipment"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (picklist, "rows")), ==, 2);
  g_assert_null (row_for (picklist, "LAMP-DS"));
  mug = row_for (picklist, "MUG-BLU");
  g_assert_nonnull (mug);
  g_assert_cmpstr (json_object_get_string_member (mug, "bin"), ==, "A-2");
  g_assert_cmpint (json_object_get_int_member (mug, "pick"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (mug, "ordered"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (mug, "backordered"), ==, 3);
  g_assert_true (json_object_get_null_member (mug, "promised"));

  if (have_poppler ())
    {
      g_autofree char *text = pdf_text (path);

      g_assert_true (has_line (text, "^\\s*A-2\\s+MUG-BLU\\s+Blue mug\\s+2\\s+5\\s+3"));
      g_assert_true (has_line (text, "^\\s*A-10\\s+TEA-GRN\\s+Green tea\\s+1\\s+1\\s+–"));
      g_assert_nonnull (strstr (text, "Hilltop Ceramics"));
      g_assert_nonnull (strstr (text, "London N1 7AB"));
      g_assert_nonnull (strstr (text, "Page 1 of 1"));
    }
}

static void
test_shipment (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BoStore) store = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  g_auto(Result) shipped = { 0 };
  g_auto(Result) missing = { 0 };
  BoQuantity mugs = { 0, 1 };
  gint64 shipment = 0;

  if (skip_without_cli ())
    return;
  small_shop (f);

  /* Pack one of the two mugs. */
  store = bo_store_open (f->db, &error);
  g_assert_no_error (error);
  order = bo_store_find_order (store, "1001", &error);
  g_assert_no_error (error);
  mugs.line_id = ((BoOrderLine *) g_ptr_array_index (order->lines, 0))->id;
  g_assert_true (bo_store_create_shipment (store, order->id, &mugs, 1, &shipment, &error));
  g_assert_no_error (error);

  path = g_build_filename (f->dir, "shipment.pdf", NULL);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, shipment);
  node = RUN_JSON (f, "picklist", "--shipment", id, "-o", path);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "shipment"), ==,
                   shipment);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "units"), ==, 1);

  /* Once it has left, there is nothing to pick. */
  g_assert_true (bo_store_mark_shipped (store, shipment, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  RUN (f, &shipped, "picklist", "--shipment", id, "-o", path);
  assert_failed (&shipped, "shipped already");
  RUN (f, &missing, "picklist", "--shipment", "4711", "-o", path);
  assert_failed (&missing, "4711");
}

static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) ready = NULL;
  g_autoptr(JsonNode) chosen = NULL;
  g_autofree char *path = NULL;
  JsonObject *tea;
  JsonArray *orders;

  if (skip_without_cli ())
    return;
  small_shop (f);
  RUN_OK (f, "order", "add", "--customer", "Grace Hopper", "--number", "1002", "--line",
          "TEA-GRN:3", "--line", "LAMP-DS:2");
  path = g_build_filename (f->dir, "wave.pdf", NULL);

  ready = RUN_JSON (f, "picklist", "--ready", "-o", path);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (ready), "kind"), ==,
                   "batch");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (ready), "orders"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (ready), "units"), ==, 6);
  g_assert_null (row_for (json_node_get_object (ready), "LAMP-DS"));
  tea = row_for (json_node_get_object (ready), "TEA-GRN");
  g_assert_nonnull (tea);
  g_assert_cmpint (json_object_get_int_member (tea, "pick"), ==, 4);
  orders = json_object_get_array_member (tea, "orders");
  g_assert_cmpuint (json_array_get_length (orders), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (orders, 0),
                                                  "number"), ==, "1001");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (orders, 1),
                                               "quantity"), ==, 3);

  if (have_poppler ())
    {
      g_autofree char *text = pdf_text (path);

      g_assert_nonnull (strstr (text, "Batch pick list"));
      g_assert_true (has_line (text, "A-10\\s+TEA-GRN\\s+Green tea\\s+4\\s+1001 × 1, 1002 × 3"));
    }

  /* Several --order: a batch of those orders only. */
  chosen = RUN_JSON (f, "picklist", "--order", "1002", "--order", "1001", "-o", path);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (chosen), "kind"), ==,
                   "batch");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (chosen), "orders"), ==, 2);
}

static void
test_paper (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GSubprocess) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  if (skip_without_cli ())
    return;
  small_shop (f);
  path = g_build_filename (f->dir, "letter.pdf", NULL);
  RUN_OK (f, "picklist", "--order", "1001", "--paper", "letter", "-o", path);
  if (!have_poppler ())
    return;
  info = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "pdfinfo", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (info, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "612 x 792"));
}

static void
test_bad_arguments (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *nowhere = NULL;
  g_auto(Result) none = { 0 };
  g_auto(Result) two = { 0 };
  g_auto(Result) no_output = { 0 };
  g_auto(Result) bad_id = { 0 };
  g_auto(Result) bad_paper = { 0 };
  g_auto(Result) unknown = { 0 };
  g_auto(Result) nothing = { 0 };
  g_auto(Result) unwritable = { 0 };

  if (skip_without_cli ())
    return;
  small_shop (f);
  RUN_OK (f, "product", "add", "--sku", "PEN-RED", "--name", "Red pen");
  RUN_OK (f, "order", "add", "--customer", "Grace Hopper", "--number", "1003", "--line",
          "PEN-RED:1");
  path = g_build_filename (f->dir, "x.pdf", NULL);
  nowhere = g_build_filename (f->dir, "no", "such", "folder.pdf", NULL);

  RUN (f, &none, "picklist", "-o", path);
  assert_usage (&none, "exactly one");
  RUN (f, &two, "picklist", "--ready", "--order", "1001", "-o", path);
  assert_usage (&two, "exactly one");
  RUN (f, &no_output, "picklist", "--ready");
  assert_usage (&no_output, "--output");
  RUN (f, &bad_id, "picklist", "--shipment", "first", "-o", path);
  assert_usage (&bad_id, "--shipment");
  RUN (f, &bad_paper, "picklist", "--ready", "--paper", "a5", "-o", path);
  assert_usage (&bad_paper, "a5");
  RUN (f, &unknown, "picklist", "--order", "999", "-o", path);
  assert_failed (&unknown, "999");
  RUN (f, &nothing, "picklist", "--order", "1003", "-o", path);
  assert_failed (&nothing, "Nothing to pick");
  RUN (f, &unwritable, "picklist", "--order", "1001", "-o", nowhere);
  assert_failed (&unwritable, "folder.pdf");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* ---- order message ----------------------------------------------------------- */

static void
test_message (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_auto(Result) text = { 0 };
  g_auto(Result) mailto = { 0 };
  g_auto(Result) unknown = { 0 };
  g_autofree char *body = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *message;
  const char *query;
  char *end;

  if (skip_without_cli ())
    return;
  small_shop (f);
  RUN_OK (f, "ship", "1001");

  RUN (f, &text, "order", "message", "1001");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "To: Ada Lovelace <ada@example.com>\n"
                                             "Subject: Your order 1001 from Hilltop Ceramics: "
                                             "an update\n\nHello Ada Lovelace,\n"));
  g_assert_nonnull (strstr (text.out, "Shipped already:\n  • Blue mug (MUG-BLU) × 2\n"));
  g_assert_nonnull (strstr (text.out, "  • Blue mug (MUG-BLU) × 3: we will tell you the date "
                                      "as soon as we have it\n"));
  g_assert_true (g_str_has_suffix (text.out, "Kind regards,\nHilltop Ceramics\n"));

  node = RUN_JSON (f, "order", "message", "1001");
  message = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (message, "email"), ==, "ada@example.com");
  g_assert_nonnull (strstr (text.out, json_object_get_string_member (message, "body")));

  /* The link carries the same message. */
  RUN (f, &mailto, "order", "message", "1001", "--mailto");
  g_assert_cmpint (mailto.status, ==, 0);
  g_assert_true (g_str_has_prefix (mailto.out,
                                   "mailto:ada@example.com?subject=Your%20order%201001"));
  end = strchr (mailto.out, '\n');
  g_assert_nonnull (end);
  g_assert_cmpstr (end, ==, "\n");
  *end = '\0';
  g_assert_cmpstr (mailto.out, ==, json_object_get_string_member (message, "mailto"));
  query = strstr (mailto.out, "&body=");
  g_assert_nonnull (query);
  body = g_uri_unescape_string (query + strlen ("&body="), NULL);
  /* Line ends travel as CRLF (RFC 6068). */
  lines = g_strsplit (json_object_get_string_member (message, "body"), "\n", -1);
  expected = g_strjoinv ("\r\n", lines);
  g_assert_cmpstr (body, ==, expected);

  RUN (f, &unknown, "order", "message", "999");
  assert_failed (&unknown, "999");
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_auto(Result) all = { 0 };
  g_auto(Result) picklist = { 0 };

  if (skip_without_cli ())
    return;
  RUN (f, &all, "--help");
  g_assert_cmpint (all.status, ==, 0);
  g_assert_nonnull (strstr (all.out, "  picklist "));
  g_assert_nonnull (strstr (all.out, "  order message "));
  RUN (f, &picklist, "picklist", "--help");
  g_assert_cmpint (picklist.status, ==, 0);
  g_assert_nonnull (strstr (picklist.out, "--shipment=ID"));
  g_assert_nonnull (strstr (picklist.out, "--ready"));
  g_assert_nonnull (strstr (picklist.out, "-o, --output=FILE.pdf"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/picklist/order", test_order);
  ADD ("/cli/picklist/shipment", test_shipment);
  ADD ("/cli/picklist/batch", test_batch);
  ADD ("/cli/picklist/paper", test_paper);
  ADD ("/cli/picklist/bad-arguments", test_bad_arguments);
  ADD ("/cli/order-message", test_message);
  ADD ("/cli/picklist/help", test_help);

#undef ADD

  return g_test_run ();
}
