/* test-cli-reasons.c — a line's reason is shown in the reader's language
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bo-cli-test.h"

/* The reason of the line of @sku in `order show @number`, read in @language. */
static char *
reason_in (Fixture    *f,
           const char *language,
           const char *number,
           const char *sku)
{
  RunOptions options = { .language = language };
  g_auto(Result) result = { 0 };
  g_autoptr(JsonNode) shown = NULL;
  JsonObject *line;

  RUN_WITH (f, NULL, &options, &result, "--json", "order", "show", number);
  g_assert_cmpint (result.status, ==, 0);
  shown = parse_json (result.out);
  line = find_by (json_object_get_array_member (json_node_get_object (shown), "lines"), "sku",
                  sku);
  g_assert_nonnull (line);
  return g_strdup (json_object_get_string_member (line, "reason"));
}

/* Lines placed while the shop is used in English read in German and in
 * French afterwards: the reasons are stored as data, not as sentences. */
static void
test_placed_in_english_read_in_german (Fixture       *f,
                                       gconstpointer  data)
{
  g_auto(Result) table = { 0 };
  RunOptions german = { .language = "de" };

  if (skip_without_cli ())
    return;
  RUN_OK (f, "init");
  RUN_OK (f, "product", "add", "--sku", "MUG-BLU", "--name", "Blue mug", "--stock", "1",
          "--price", "12.50");
  RUN_OK (f, "customer", "add", "--name", "Ms A");
  RUN_OK (f, "customer", "add", "--name", "Mr B");
  RUN_OK (f, "order", "add", "--customer", "Ms A", "--number", "1001", "--line", "MUG-BLU:3");
  RUN_OK (f, "order", "add", "--customer", "Mr B", "--number", "1002", "--line", "MUG-BLU:1");

  {
    g_autofree char *first = reason_in (f, NULL, "1001", "MUG-BLU");
    g_autofree char *second = reason_in (f, NULL, "1002", "MUG-BLU");

    g_assert_cmpstr (first, ==, "first come, first served: the only line waiting");
    g_assert_cmpstr (second, ==, "no free stock");
  }
  {
    g_autofree char *first = reason_in (f, "de", "1001", "MUG-BLU");
    g_autofree char *second = reason_in (f, "de", "1002", "MUG-BLU");

    g_assert_cmpstr (first, ==, "nach Eingang: die einzige wartende Position");
    g_assert_cmpstr (second, ==, "kein freier Bestand");
  }
  {
    g_autofree char *second = reason_in (f, "fr", "1002", "MUG-BLU");

    g_assert_cmpstr (second, ==, "aucun stock libre");
  }

  /* The table says the same. */
  RUN_WITH (f, NULL, &german, &table, "order", "show", "1002");
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "kein freier Bestand"));
  g_assert_null (strstr (table.out, "no free stock"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-reasons/placed-in-english-read-in-german", Fixture, NULL, fixture_set_up,
              test_placed_in_english_read_in_german, fixture_tear_down);

  return g_test_run ();
}
