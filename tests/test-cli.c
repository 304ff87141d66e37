/* test-cli.c — backorders-cli end to end: exit codes, messages and JSON
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bo-cli-test.h"
#include "bo-test-skip.h"

/* The observable state of the shop, to prove a refused command wrote nothing. */
static char *
snapshot (Fixture *f)
{
  g_auto(Result) products = { 0 };
  g_auto(Result) orders = { 0 };
  g_auto(Result) pos = { 0 };

  RUN (f, &products, "--json", "product", "list");
  RUN (f, &orders, "--json", "order", "list");
  RUN (f, &pos, "--json", "po", "list");
  g_assert_cmpint (products.status, ==, 0);
  g_assert_cmpint (orders.status, ==, 0);
  g_assert_cmpint (pos.status, ==, 0);
  return g_strconcat (products.out, orders.out, pos.out, NULL);
}

static void
small_shop (Fixture *f)
{
  RUN_OK (f, "init");
  RUN_OK (f, "settings", "set", "handling-days", "0");
  RUN_OK (f, "product", "add", "--sku", "MUG-BLU", "--name", "Blue mug", "--stock", "2",
          "--price", "12.50");
  RUN_OK (f, "product", "add", "--sku", "TEA-GRN", "--name", "Green tea", "--stock", "10",
          "--price", "4");
  RUN_OK (f, "customer", "add", "--name", "Ms A", "--email", "a@example.com");
}

/* ---- the whole flow -------------------------------------------------------- */

static void
test_flow (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) placed = NULL;
  g_autoptr(JsonNode) po = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) ready = NULL;
  g_autoptr(JsonNode) backlog = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) received = NULL;
  g_auto(Result) show = { 0 };
  g_auto(Result) receive = { 0 };
  g_auto(Result) check = { 0 };
  g_auto(Result) report = { 0 };
  JsonObject *line;
  const char *po_number;

  if (skip_without_cli ())
    return;

  small_shop (f);
  RUN_OK (f, "supplier", "add", "--name", "Mugs Ltd", "--lead-days", "7", "--email",
          "orders@mugs.example");
  RUN_OK (f, "supplier", "link", "--supplier", "Mugs Ltd", "--sku", "MUG-BLU", "--cost", "5",
          "--preferred");

  /* 5 mugs wanted, 2 on hand: 3 backordered, no purchase order yet. */
  placed = RUN_JSON (f, "order", "add", "--customer", "Ms A", "--number", "1001", "--line",
                     "MUG-BLU:5", "--line", "TEA-GRN:1");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (placed), "number"), ==,
                   "1001");
  line = find_by (json_object_get_array_member (json_node_get_object (placed), "lines"), "sku",
                  "MUG-BLU");
  g_assert_nonnull (line);
  g_assert_cmpint (json_object_get_int_member (line, "ordered"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (line, "allocated"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (line, "backordered"), ==, 3);
  g_assert_true (json_object_get_null_member (line, "promised"));

  RUN (f, &show, "order", "show", "1001");
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "needs purchase order"));

  backlog = RUN_JSON (f, "report", "backlog");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (backlog), "units"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (backlog), "value_minor"), ==,
                   3 * 1250);

  po = RUN_JSON (f, "po", "add", "--supplier", "Mugs Ltd", "--eta", "2030-01-15", "--line",
                 "MUG-BLU:3");
  po_number = json_object_get_string_member (json_node_get_object (po), "number");
  g_assert_nonnull (po_number);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (po), "eta"), ==,
                   "2030-01-15");

  /* The incoming purchase order gives the backordered line its date. */
  shown = RUN_JSON (f, "order", "show", "1001");
  line = find_by (json_object_get_array_member (json_node_get_object (shown), "lines"), "sku",
                  "MUG-BLU");
  g_assert_nonnull (line);
  g_assert_cmpstr (json_object_get_string_member (line, "promised"), ==, "2030-01-15");

  RUN (f, &receive, "po", "receive", po_number);
  g_assert_cmpint (receive.status, ==, 0);
  g_assert_nonnull (strstr (receive.out, "1001"));

  ready = RUN_JSON (f, "order", "list", "--ready");
  g_assert_nonnull (find_by (json_node_get_array (ready), "number", "1001"));

  RUN_OK (f, "ship", "1001");

  after = RUN_JSON (f, "order", "show", "1001");
  line = find_by (json_object_get_array_member (json_node_get_object (after), "lines"), "sku",
                  "MUG-BLU");
  g_assert_cmpint (json_object_get_int_member (line, "shipped"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (line, "backordered"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (after), "shipments")), ==, 1);

  g_clear_pointer (&backlog, json_node_unref);
  backlog = RUN_JSON (f, "report", "backlog");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (backlog), "lines"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (backlog), "units"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (backlog), "value_minor"), ==,
                   0);

  /* Text reports show their formula under the table. */
  RUN (f, &report, "report", "backlog");
  g_assert_cmpint (report.status, ==, 0);
  g_assert_nonnull (strstr (report.out, "Formula: "));

  received = RUN_JSON (f, "po", "show", po_number);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (received), "status"), ==,
                   "received");

  RUN (f, &check, "check");
  g_assert_cmpint (check.status, ==, 0);
  g_assert_cmpstr (check.err, ==, "");
}

/* ---- JSON everywhere ------------------------------------------------------- */

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  static const char * const commands[][3] = {
    { "product", "list", NULL },
    { "supplier", "list", NULL },
    { "customer", "list", NULL },
    { "order", "list", NULL },
    { "po", "list", NULL },
    { "settings", "show", NULL },
    { "report", "backlog", NULL },
    { "report", "aging", NULL },
    { "report", "fill-rate", NULL },
    { "report", "suppliers", NULL },
    { "report", "customers", NULL },
    { "replan", NULL, NULL },
    { "check", NULL, NULL },
  };
  g_autoptr(JsonNode) products = NULL;
  g_autoptr(JsonNode) rate = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_auto(Result) late = { 0 };
  JsonObject *mug;

  if (skip_without_cli ())
    return;

  small_shop (f);

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(JsonNode) node = NULL;

      if (commands[i][1] == NULL)
        node = RUN_JSON (f, commands[i][0]);
      else
        node = RUN_JSON (f, commands[i][0], commands[i][1]);
      g_assert_nonnull (node);
    }

  products = RUN_JSON (f, "product", "list");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (products)), ==, 2);
  mug = find_by (json_node_get_array (products), "sku", "MUG-BLU");
  g_assert_nonnull (mug);
  g_assert_cmpint (json_object_get_int_member (mug, "on_hand"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (mug, "price_minor"), ==, 1250);

  rate = RUN_JSON (f, "report", "rate", "--by", "quarter", "--from", "2025-01-01", "--to",
                   "2025-12-31");
  g_assert_cmpuint (json_array_get_length (
                      json_object_get_array_member (json_node_get_object (rate), "periods")),
                    ==, 4);

  /* --json also works after the command. */
  RUN (f, &late, "product", "list", "--json");
  g_assert_cmpint (late.status, ==, 0);
  after = parse_json (late.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (after));
}

/* ---- refusals and bad input ------------------------------------------------ */

static void
test_unknown_sku (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) result = { 0 };

  if (skip_without_cli ())
    return;

  small_shop (f);
  before = snapshot (f);
  RUN (f, &result, "order", "add", "--customer", "Ms A", "--line", "MUG-BLU:1", "--line",
       "NO-SUCH-SKU:1");
  assert_failed (&result, "NO-SUCH-SKU");
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_quantity (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) negative = { 0 };
  g_auto(Result) word = { 0 };
  g_auto(Result) zero = { 0 };
  g_auto(Result) stock = { 0 };

  if (skip_without_cli ())
    return;

  small_shop (f);
  before = snapshot (f);

  RUN (f, &negative, "order", "add", "--customer", "Ms A", "--line", "MUG-BLU:-1");
  assert_usage (&negative, "MUG-BLU:-1");
  RUN (f, &word, "order", "add", "--customer", "Ms A", "--line", "MUG-BLU:two");
  assert_usage (&word, "MUG-BLU:two");
  RUN (f, &zero, "order", "add", "--customer", "Ms A", "--line", "MUG-BLU:0");
  assert_usage (&zero, "MUG-BLU:0");
  RUN (f, &stock, "product", "add", "--sku", "X", "--name", "X", "--stock", "lots");
  assert_usage (&stock, "--stock");

  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_money (Fixture       *f,
                gconstpointer  data)
{
  static const char * const amounts[] = { "12.5.0", "-1", "1.234", "abc", "", "12." };

  if (skip_without_cli ())
    return;

  RUN_OK (f, "init");
  for (gsize i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_auto(Result) result = { 0 };

      RUN (f, &result, "product", "add", "--sku", "X", "--name", "X", "--price", amounts[i]);
      assert_usage (&result, "--price");
      g_assert_nonnull (strstr (result.err, amounts[i]));
    }
}

static void
test_bad_date (Fixture       *f,
               gconstpointer  data)
{
  g_auto(Result) eta = { 0 };
  g_auto(Result) placed = { 0 };
  g_auto(Result) positional = { 0 };

  if (skip_without_cli ())
    return;

  small_shop (f);
  RUN_OK (f, "supplier", "add", "--name", "Mugs Ltd");

  RUN (f, &eta, "po", "add", "--supplier", "Mugs Ltd", "--eta", "2026-13-01", "--line",
       "MUG-BLU:3");
  assert_usage (&eta, "invalid date “2026-13-01” for --eta: expected YYYY-MM-DD");
  RUN (f, &placed, "order", "add", "--customer", "Ms A", "--date", "yesterday", "--line",
       "MUG-BLU:1");
  assert_usage (&placed, "yesterday");
  RUN (f, &positional, "po", "eta", "PO-1", "2026-02-30");
  assert_usage (&positional, "2026-02-30");
}

static void
test_missing_directory (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->dir, "no-such-folder", NULL);
  g_autofree char *db = g_build_filename (dir, "shop.db", NULL);
  g_auto(Result) init = { 0 };
  g_auto(Result) list = { 0 };

  if (skip_without_cli ())
    return;

  RUN_DB (f, db, &init, "init");
  g_assert_cmpint (init.status, >=, 1);
  g_assert_cmpint (init.status, <=, 2);
  g_assert_nonnull (strstr (init.err, dir));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  RUN_DB (f, db, &list, "product", "list");
  g_assert_cmpint (list.status, >=, 1);
  g_assert_nonnull (strstr (list.err, dir));
}

static void
test_default_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *expected = g_build_filename (f->dir, "backorders", "shop.db", NULL);
  g_auto(Result) init = { 0 };

  if (skip_without_cli ())
    return;

  /* XDG_DATA_HOME is the fixture folder: the default lands inside it. */
  RUN_DB (f, "", &init, "init");
  g_assert_cmpint (init.status, ==, 0);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

static void
test_no_database_yet (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  if (skip_without_cli ())
    return;

  /* Only init and demo create a shop; a typo in --database does not. */
  RUN (f, &result, "product", "list");
  assert_failed (&result, f->db);
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static gboolean
sqlite3_can_write (Fixture *f)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  launcher = launcher_new (f, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  process = g_subprocess_launcher_spawn (launcher, &error, "sqlite3", f->db,
                                         "BEGIN IMMEDIATE; ROLLBACK;", NULL);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  return g_subprocess_get_if_exited (process) && g_subprocess_get_exit_status (process) == 0;
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) result = { 0 };
  gboolean locked = FALSE;

  if (skip_without_cli ())
    return;
  if (sqlite3 == NULL)
    {
      bo_test_skip_missing ("the sqlite3 program (package sqlite3) is not installed");
      return;
    }

  small_shop (f);
  before = snapshot (f);

  /* Another writer: the sqlite3 shell holds an exclusive transaction for as
   * long as its input stays open. */
  launcher = launcher_new (f, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  holder = g_subprocess_launcher_spawn (launcher, &error, sqlite3, "-cmd", "BEGIN EXCLUSIVE;",
                                        f->db, NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < 200 && !locked; i++)
    {
      locked = !sqlite3_can_write (f);
      if (!locked)
        g_usleep (25 * 1000);
    }
  g_assert_true (locked);

  RUN (f, &result, "product", "add", "--sku", "NEW", "--name", "New thing");
  assert_failed (&result, "locked");

  g_output_stream_close (g_subprocess_get_stdin_pipe (holder), NULL, NULL);
  g_subprocess_wait (holder, NULL, &error);
  g_assert_no_error (error);

  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  g_auto(Result) result = { 0 };
  g_auto(Result) write = { 0 };

  if (skip_without_cli ())
    return;

  for (guint i = 0; i < 8192; i++)
    g_string_append_c (text, (char) g_rand_int_range (rand, 'a', 'z' + 1));
  g_file_set_contents (f->db, text->str, text->len, &error);
  g_assert_no_error (error);

  RUN (f, &result, "product", "list");
  assert_failed (&result, f->db);
  RUN (f, &write, "init");
  assert_failed (&write, f->db);
}

static void
test_deny_policy (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) orders = NULL;
  g_auto(Result) result = { 0 };

  if (skip_without_cli ())
    return;

  small_shop (f);
  RUN_OK (f, "product", "add", "--sku", "RARE", "--name", "Rare print", "--stock", "1",
          "--backorder-policy", "deny");
  before = snapshot (f);

  RUN (f, &result, "order", "add", "--customer", "Ms A", "--line", "TEA-GRN:1", "--line",
       "RARE:2");
  assert_failed (&result, "RARE");

  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
  orders = RUN_JSON (f, "order", "list");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (orders)), ==, 0);
}

static void
test_preview_writes_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) preview = NULL;

  if (skip_without_cli ())
    return;

  small_shop (f);
  before = snapshot (f);
  preview = RUN_JSON (f, "order", "add", "--customer", "Ms A", "--line", "MUG-BLU:3",
                      "--preview");
  g_assert_true (json_object_get_boolean_member (json_node_get_object (preview), "preview"));
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

/* ---- commands and options -------------------------------------------------- */

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_auto(Result) unknown = { 0 };
  g_auto(Result) unknown_sub = { 0 };
  g_auto(Result) bad_option = { 0 };
  g_auto(Result) missing = { 0 };
  g_auto(Result) none = { 0 };
  g_auto(Result) extra = { 0 };

  if (skip_without_cli ())
    return;

  RUN_OK (f, "init");

  RUN (f, &unknown, "frobnicate");
  assert_usage (&unknown, "frobnicate");
  RUN (f, &unknown_sub, "product", "frobnicate");
  assert_usage (&unknown_sub, "frobnicate");
  RUN (f, &bad_option, "product", "list", "--frobnicate");
  assert_usage (&bad_option, "--frobnicate");
  RUN (f, &missing, "product", "add", "--name", "No SKU");
  assert_usage (&missing, "--sku");
  RUN_DB (f, "", &none, "--json");
  assert_usage (&none, NULL);
  RUN (f, &extra, "product", "show", "A", "B");
  assert_usage (&extra, "B");
}

static void
test_help_and_version (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Result) help = { 0 };
  g_auto(Result) command_help = { 0 };
  g_auto(Result) group_help = { 0 };
  g_auto(Result) version = { 0 };

  if (skip_without_cli ())
    return;

  RUN_DB (f, "", &help, "--help");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "order add"));
  g_assert_nonnull (strstr (help.out, "--database"));

  RUN_DB (f, "", &command_help, "order", "add", "--help");
  g_assert_cmpint (command_help.status, ==, 0);
  g_assert_nonnull (strstr (command_help.out, "--line"));
  g_assert_nonnull (strstr (command_help.out, "--preview"));

  RUN_DB (f, "", &group_help, "po", "--help");
  g_assert_cmpint (group_help.status, ==, 0);
  g_assert_nonnull (strstr (group_help.out, "po receive"));

  RUN_DB (f, "", &version, "--version");
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "backorders-cli "));

  /* Nothing was created by asking for help. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_cancel_and_adjust (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) placed = NULL;
  g_autoptr(JsonNode) cancelled = NULL;
  g_autoptr(JsonNode) adjusted = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_auto(Result) two_lines = { 0 };
  JsonObject *line;

  if (skip_without_cli ())
    return;

  small_shop (f);
  RUN_OK (f, "customer", "add", "--name", "Mr B");
  placed = RUN_JSON (f, "order", "add", "--customer", "Ms A", "--number", "2001", "--line",
                     "MUG-BLU:4");
  RUN_OK (f, "order", "add", "--customer", "Mr B", "--number", "2002", "--line", "MUG-BLU:1");

  RUN (f, &two_lines, "cancel", "2001", "--line", "MUG-BLU:1", "--line", "MUG-BLU:1");
  assert_usage (&two_lines, "--line");

  /* Cancelling takes the backordered units first, and refunds them. */
  cancelled = RUN_JSON (f, "cancel", "2001", "--line", "MUG-BLU:2", "--refund", "25");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (cancelled), "cancelled"), ==,
                   2);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (cancelled), "refund_minor"),
                   ==, 2500);
  shown = RUN_JSON (f, "order", "show", "2001");
  line = find_by (json_object_get_array_member (json_node_get_object (shown), "lines"), "sku",
                  "MUG-BLU");
  g_assert_cmpint (json_object_get_int_member (line, "cancelled"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (line, "allocated"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (line, "backordered"), ==, 0);

  /* New stock goes to the order still waiting. */
  adjusted = RUN_JSON (f, "product", "adjust", "MUG-BLU", "--by", "1", "--note", "found one");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (adjusted), "on_hand"), ==, 3);
  g_assert_nonnull (find_by (json_object_get_array_member (json_node_get_object (adjusted),
                                                           "ready"),
                             "order", "2002"));

  RUN_OK (f, "check");
}

static void
test_purchasing (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) drafted = NULL;
  g_autoptr(JsonNode) open = NULL;
  g_autoptr(JsonNode) sent = NULL;
  g_autoptr(JsonNode) moved = NULL;
  g_autoptr(JsonNode) preview = NULL;
  g_autoptr(JsonNode) partial = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) extra = NULL;
  g_autoptr(JsonNode) cancelled = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *number = NULL;
  g_autofree char *extra_number = NULL;
  JsonArray *created;
  JsonObject *change;
  JsonObject *line;

  if (skip_without_cli ())
    return;

  small_shop (f);
  RUN_OK (f, "supplier", "add", "--name", "Mugs Ltd", "--lead-days", "10");
  RUN_OK (f, "supplier", "link", "--supplier", "Mugs Ltd", "--sku", "MUG-BLU", "--preferred");
  RUN_OK (f, "order", "add", "--customer", "Ms A", "--number", "1001", "--line", "MUG-BLU:5");

  /* The shortage of 3 becomes one draft purchase order. */
  drafted = RUN_JSON (f, "po", "draft");
  created = json_object_get_array_member (json_node_get_object (drafted), "created");
  g_assert_cmpuint (json_array_get_length (created), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (created, 0),
                                                  "supplier"),
                   ==, "Mugs Ltd");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (created, 0),
                                                  "status"),
                   ==, "draft");
  number = g_strdup (json_object_get_string_member (json_array_get_object_element (created, 0),
                                                    "number"));

  open = RUN_JSON (f, "po", "list", "--open");
  g_assert_nonnull (find_by (json_node_get_array (open), "number", number));

  RUN_OK (f, "po", "send", number);
  sent = RUN_JSON (f, "po", "show", number);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (sent), "status"), ==,
                   "sent");

  /* A new ETA moves the promise of the waiting order. */
  moved = RUN_JSON (f, "po", "eta", number, "2030-02-01");
  change = find_by (json_object_get_array_member (json_node_get_object (moved), "moved"), "order",
                    "1001");
  g_assert_nonnull (change);
  g_assert_cmpstr (json_object_get_string_member (change, "after"), ==, "2030-02-01");

  /* A preview of the receipt changes nothing. */
  before = snapshot (f);
  preview = RUN_JSON (f, "po", "receive", number, "--line", "MUG-BLU:1", "--preview");
  g_assert_true (json_object_get_boolean_member (json_node_get_object (preview), "preview"));
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);

  partial = RUN_JSON (f, "po", "receive", number, "--line", "MUG-BLU:1");
  g_assert_nonnull (find_by (json_object_get_array_member (json_node_get_object (partial),
                                                          "received"),
                             "sku", "MUG-BLU"));

  /* Ship part of what is allocated. */
  RUN_OK (f, "ship", "1001", "--line", "MUG-BLU:2");
  shown = RUN_JSON (f, "order", "show", "1001");
  line = find_by (json_object_get_array_member (json_node_get_object (shown), "lines"), "sku",
                  "MUG-BLU");
  g_assert_cmpint (json_object_get_int_member (line, "shipped"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (line, "allocated"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (line, "backordered"), ==, 2);

  /* Another purchase order, cancelled before anything arrives. */
  extra = RUN_JSON (f, "po", "add", "--supplier", "Mugs Ltd", "--line", "TEA-GRN:2@1.50");
  extra_number = g_strdup (json_object_get_string_member (json_node_get_object (extra),
                                                          "number"));
  g_assert_true (json_object_get_null_member (json_node_get_object (extra), "eta"));
  RUN_OK (f, "po", "cancel", extra_number);
  cancelled = RUN_JSON (f, "po", "show", extra_number);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (cancelled), "status"), ==,
                   "cancelled");

  RUN_OK (f, "check");
}

static void
test_settings_and_replan (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) settings = NULL;
  g_autoptr(JsonNode) replan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) unknown_key = { 0 };
  g_auto(Result) bad_value = { 0 };
  g_auto(Result) bad_policy = { 0 };

  if (skip_without_cli ())
    return;

  small_shop (f);
  RUN_OK (f, "customer", "add", "--name", "Mr B");
  RUN_OK (f, "order", "add", "--customer", "Ms A", "--line", "MUG-BLU:2");
  RUN_OK (f, "order", "add", "--customer", "Mr B", "--line", "MUG-BLU:2");

  RUN (f, &unknown_key, "settings", "set", "colour", "blue");
  assert_usage (&unknown_key, "colour");
  RUN (f, &bad_value, "settings", "set", "allocation-policy", "lottery");
  assert_failed (&bad_value, "lottery");

  RUN_OK (f, "settings", "set", "currency", "USD");
  settings = RUN_JSON (f, "settings", "show");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (settings), "currency"),
                   ==, "USD");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (settings),
                                                  "handling-days"),
                   ==, "0");

  /* A preview shows the move and makes none: FIFO gave Ms A both mugs,
   * fair share would give each customer one. */
  before = snapshot (f);
  replan = RUN_JSON (f, "replan", "--policy", "fair-share");
  g_assert_false (json_object_get_boolean_member (json_node_get_object (replan), "applied"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (replan), "changes")), ==, 2);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);

  RUN (f, &bad_policy, "replan", "--policy", "lottery");
  assert_usage (&bad_policy, "lottery");

  RUN_OK (f, "replan", "--policy", "fair-share", "--apply");
  g_clear_pointer (&after, g_free);
  after = snapshot (f);
  g_assert_cmpstr (before, !=, after);
  RUN_OK (f, "check");
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) rate = NULL;
  g_autoptr(JsonNode) orders = NULL;
  g_autoptr(JsonNode) aging = NULL;
  g_auto(Result) scale = { 0 };
  g_auto(Result) text = { 0 };

  if (skip_without_cli ())
    return;

  RUN (f, &scale, "demo", "--scale", "huge");
  assert_usage (&scale, "huge");

  RUN_OK (f, "demo", "--seed", "7", "--today", "2026-03-01");
  RUN_OK (f, "check");

  rate = RUN_JSON (f, "report", "rate", "--by", "month");
  g_assert_cmpuint (json_array_get_length (
                      json_object_get_array_member (json_node_get_object (rate), "periods")),
                    ==, 12);
  orders = RUN_JSON (f, "order", "list", "--backordered", "--limit", "3");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (orders)), <=, 3);
  aging = RUN_JSON (f, "report", "aging");
  g_assert_cmpuint (json_array_get_length (
                      json_object_get_array_member (json_node_get_object (aging), "buckets")),
                    ==, 4);

  RUN (f, &text, "report", "rate", "--by", "year", "--from", "2025-01-01", "--to", "2026-03-01");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Formula: "));
}

/* bench --scale small, as CI runs it: every figure against a budget scaled
 * to the small shop, and the exit status follows the budgets. (The figures
 * themselves depend on the machine and on the sanitizers: this checks the
 * verdict, the benchmark run checks the speed.) */
static void
test_bench (Fixture       *f,
            gconstpointer  data)
{
  static const struct
  {
    const char *id;
    double      budget;
  } expected[] = {
    { "generate", 0.5 }, { "allocate-fifo", 5.0 }, { "allocate-fair-share", 5.0 },
    { "allocate-pro-rata", 5.0 }, { "replan", 5.0 }, { "metrics", 5.0 },
    { "preview-order", 5.0 },
  };
  g_autoptr(JsonNode) root = NULL;
  g_auto(Result) scale = { 0 };
  g_auto(Result) bench = { 0 };
  JsonArray *results;
  gboolean all_pass = TRUE;

  if (skip_without_cli ())
    return;

  RUN (f, &scale, "bench", "--scale", "huge");
  assert_usage (&scale, "huge");

  RUN (f, &bench, "--json", "bench", "--scale", "small", "--runs", "5");
  root = parse_json (bench.out);
  results = json_object_get_array_member (json_node_get_object (root), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *row = find_by (results, "id", expected[i].id);
      double measured, budget;
      gboolean pass;

      g_assert_nonnull (row);
      measured = json_object_get_double_member (row, "measured");
      budget = json_object_get_double_member (row, "budget");
      pass = json_object_get_boolean_member (row, "pass");
      g_assert_cmpfloat (budget, ==, expected[i].budget);
      g_assert_cmpfloat (measured, >, 0);
      g_assert_cmpint (pass, ==, measured < budget);
      all_pass &= pass;
    }
  if (all_pass)
    g_assert_cmpint (bench.status, ==, 0);
  else
    assert_failed (&bench, "over");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/flow", test_flow);
  ADD ("/cli/json", test_json);
  ADD ("/cli/unknown-sku", test_unknown_sku);
  ADD ("/cli/bad-quantity", test_bad_quantity);
  ADD ("/cli/bad-money", test_bad_money);
  ADD ("/cli/bad-date", test_bad_date);
  ADD ("/cli/missing-directory", test_missing_directory);
  ADD ("/cli/default-database", test_default_database);
  ADD ("/cli/no-database-yet", test_no_database_yet);
  ADD ("/cli/locked", test_locked);
  ADD ("/cli/not-a-database", test_not_a_database);
  ADD ("/cli/deny-policy", test_deny_policy);
  ADD ("/cli/preview-writes-nothing", test_preview_writes_nothing);
  ADD ("/cli/usage", test_usage);
  ADD ("/cli/help-and-version", test_help_and_version);
  ADD ("/cli/cancel-and-adjust", test_cancel_and_adjust);
  ADD ("/cli/purchasing", test_purchasing);
  ADD ("/cli/settings-and-replan", test_settings_and_replan);
  ADD ("/cli/demo", test_demo);
  ADD ("/cli/bench", test_bench);

#undef ADD

  return g_test_run ();
}
