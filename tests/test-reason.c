/* test-reason.c — reasons as data: sentences of every kind, the sentences of
 * earlier versions read back, and the upgrade of a schema-3 shop
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "backorders/bo-reason.h"
#include "backorders/bo-store.h"
#include "bo-store-schema.sql.h"

typedef struct
{
  BoReasonKind kind;
  gint64       args[BO_REASON_N_ARGS];
  const char  *text;
  const char  *sentence;
} Case;

/* Every kind, and every form of sentence each kind has, in English. */
static const Case cases[] = {
  { BO_REASON_NO_STOCK, { 0 }, NULL, "no free stock" },
  { BO_REASON_FIFO, { 0, 0 }, NULL, "first come, first served" },
  { BO_REASON_FIFO, { 1, 1 }, NULL, "first come, first served: the only line waiting" },
  { BO_REASON_FIFO, { 2, 5 }, NULL, "first come, first served: place 2 of 5 in line" },
  { BO_REASON_FAIR_SHARE, { 1, 1 }, NULL, "fair share: a unit in the only round" },
  { BO_REASON_FAIR_SHARE, { 3, 3 }, NULL, "fair share: a unit in each of 3 rounds" },
  { BO_REASON_FAIR_SHARE, { 1, 4 }, NULL, "fair share: a unit in round 1 of 4" },
  { BO_REASON_FAIR_SHARE, { 2, 4 }, NULL, "fair share: a unit in rounds 1 to 2 of 4" },
  { BO_REASON_PRO_RATA, { 0, 0, 0, 0 }, NULL, "pro rata" },
  { BO_REASON_PRO_RATA, { 1, 1, 1, 1 }, NULL,
    "pro rata: enough free stock for every waiting line" },
  { BO_REASON_PRO_RATA, { 3, 3, 5, 2 }, NULL,
    "pro rata: 3 × 3 ÷ 5 = 1.8 of the free stock, plus 1 left over" },
  { BO_REASON_PRO_RATA, { 3, 1, 5, 0 }, NULL, "pro rata: 3 × 1 ÷ 5 = 0.6 of the free stock" },
  { BO_REASON_PRO_RATA, { 7, 4, 12, 2 }, NULL, "pro rata: 7 × 4 ÷ 12 = 2.33 of the free stock" },
  { BO_REASON_SHIP_COMPLETE, { 1 }, NULL, "ship-complete order: its only line covered" },
  { BO_REASON_SHIP_COMPLETE, { 3 }, NULL, "ship-complete order: all 3 lines covered" },
  { BO_REASON_HELD_SHIP_COMPLETE, { 2, 7 }, "MUG-BLU",
    "held: ship-complete order needs 2 more × MUG-BLU" },
  { BO_REASON_DROP_SHIP, { 0 }, "Mugs Ltd", "drop-ship: Mugs Ltd ships it to the customer" },
  { BO_REASON_TEXT, { 0 }, "kein freier Bestand", "kein freier Bestand" },
  { BO_REASON_TEXT, { 0 }, "", "" },
};

static void
test_every_kind (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      BoReason reason = { c->kind, { c->args[0], c->args[1], c->args[2], c->args[3] },
                          (char *) c->text };
      g_autofree char *sentence = bo_reason_describe (&reason);
      g_autofree char *args = bo_reason_args_to_string (&reason);
      g_autofree char *stored = NULL;

      g_assert_cmpstr (sentence, ==, c->sentence);

      /* Stored and read back, it says the same. */
      stored = bo_reason_describe_stored (bo_reason_kind_to_string (c->kind), args, c->text);
      g_assert_cmpstr (stored, ==, c->sentence);
    }

  /* A held order without the SKU names the product by its id. */
  {
    BoReason held = { BO_REASON_HELD_SHIP_COMPLETE, { 2, 7 }, NULL };
    g_autofree char *sentence = bo_reason_describe (&held);

    g_assert_cmpstr (sentence, ==, "held: ship-complete order needs 2 more × product 7");
  }
}

/* The sentences stored before schema 5 are read back into the kind that
 * makes the same sentence again; any other text stays as written. */
static void
test_english_read_back (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_auto(BoReason) reason = BO_REASON_INIT;
      g_autofree char *again = NULL;
      gboolean known = bo_reason_parse_english (c->sentence, &reason);

      g_assert_true (known == (c->kind != BO_REASON_TEXT));
      g_assert_cmpint (reason.kind, ==, c->kind);
      again = bo_reason_describe (&reason);
      g_assert_cmpstr (again, ==, c->sentence);
    }

  {
    const char *others[] = {
      "nach Eingang: Platz 2 von 5 in der Warteschlange",
      "first come, first served: place 02 of 5 in line",
      "first come, first served: place 2 of 5 in line ",
      "pro rata: 3 × 3 ÷ 5 = 1.7 of the free stock",
      "fair share: a unit in each of many rounds",
      "drop-ship:  ships it to the customer",
      "a note typed in by hand",
    };

    for (guint i = 0; i < G_N_ELEMENTS (others); i++)
      {
        g_auto(BoReason) reason = BO_REASON_INIT;

        g_assert_false (bo_reason_parse_english (others[i], &reason));
        g_assert_cmpint (reason.kind, ==, BO_REASON_TEXT);
        g_assert_cmpstr (reason.text, ==, others[i]);
      }
  }
}

static void
test_stored_form (void)
{
  gint64 args[3];
  guint n = 0;
  g_auto(BoReason) reason = BO_REASON_INIT;
  g_autofree char *unknown = NULL;
  g_autofree char *text = bo_args_to_string ((const gint64[]) { 4, -1, 0 }, 3);

  g_assert_cmpstr (text, ==, "4 -1 0");
  g_assert_true (bo_args_parse (text, args, 3, &n));
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (args[0], ==, 4);
  g_assert_cmpint (args[1], ==, -1);
  g_assert_true (bo_args_parse ("", args, 3, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (bo_args_parse ("1,2", args, 3, NULL));
  g_assert_false (bo_args_parse ("1 2 3 4", args, 3, NULL));
  g_assert_false (bo_args_parse ("x", args, 3, NULL));
  g_assert_false (bo_args_parse ("1  2", args, 3, NULL));

  /* A kind of a later version, or numbers that do not fit the kind, show
   * the text argument rather than a wrong sentence. */
  g_assert_false (bo_reason_load (&reason, "lottery", "1", "won"));
  g_assert_cmpint (reason.kind, ==, BO_REASON_TEXT);
  unknown = bo_reason_describe (&reason);
  g_assert_cmpstr (unknown, ==, "won");
  bo_reason_clear (&reason);
  g_assert_false (bo_reason_load (&reason, "fifo", "1 2 3", ""));
  bo_reason_clear (&reason);
  g_assert_true (bo_reason_load (&reason, "fifo", "1 2", ""));
}

static void
test_events (void)
{
  static const struct
  {
    const char *kind;
    const char *args;
    const char *detail;
    const char *sentence;
  } events[] = {
    { "order-placed", "2 5 3", "", "2 lines, 5 units, 3 backordered" },
    { "line-cancelled", "2 2500", "MUG-BLU", "2 × MUG-BLU cancelled, refund 2500" },
    { "po-created", "1", "", "drop-ship" },
    { "po-cancelled", "1", "", "its customer cancelled" },
    { "po-line-reduced", "2", "", "2 units fewer: the customer cancelled" },
    { "drop-ship-shipped", "4 2", "", "4 units shipped to 2 customers by the supplier" },
    { "drop-ship", "3", "MUG-BLU" BO_EVENT_TEXT_SEPARATOR "PO-0001", "3 × MUG-BLU on PO-0001" },
    { "reorder-ordered", "3", "MUG-BLU" BO_EVENT_TEXT_SEPARATOR "PO-0002",
      "3 × MUG-BLU on PO-0002" },
    { "replanned", "4", "", "4 lines moved" },
    { "reorder-levels", "5 2 10 0", "", "reorder point 5 (was 2), quantity 10 (was 0)" },
    { "po-drafted", "2", "", "2 purchase orders" },
    { "po-received", "12 4", "", "12 units received, 4 orders can ship" },
    { "imported", "1 2 3 4 5", "",
      "1 products created, 2 updated; 3 customers created; 4 orders imported, "
      "5 lines backordered" },
    /* Without numbers: as written (earlier versions, names, numbers). */
    { "order-placed", "", "1 lines, 1 units, 0 backordered", "1 lines, 1 units, 0 backordered" },
    { "stock-adjusted", "", "+3 count", "+3 count" },
    { "later-kind", "1", "a" BO_EVENT_TEXT_SEPARATOR "b", "a b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autofree char *sentence = bo_event_describe (events[i].kind, events[i].args,
                                                     events[i].detail);
      g_autofree char *args = NULL;
      g_autofree char *texts = NULL;
      gboolean known;

      g_assert_cmpstr (sentence, ==, events[i].sentence);

      /* As an earlier version stored it, the sentence is read back into
       * the same numbers and texts. */
      known = bo_event_parse_english (events[i].kind, sentence, &args, &texts);
      if (*events[i].args == '\0' && g_str_equal (events[i].kind, "order-placed"))
        {
          /* Written by an earlier version: now with its numbers. */
          g_assert_true (known);
          g_assert_cmpstr (args, ==, "1 1 0");
          continue;
        }
      if (*events[i].args == '\0' || g_str_equal (events[i].kind, "later-kind"))
        {
          g_assert_false (known);
          continue;
        }
      g_assert_true (known);
      g_assert_cmpstr (args, ==, events[i].args);
      g_assert_cmpstr (texts, ==, events[i].detail);
    }

  /* A detail in another language stays as it is. */
  {
    g_autofree char *args = NULL;
    g_autofree char *texts = NULL;

    g_assert_false (bo_event_parse_english ("order-placed", "2 Positionen, 5 Einheiten, 3 im "
                                            "Rückstand", &args, &texts));
    g_assert_null (args);
  }
}

/* ---- the upgrade from schema 3 ----------------------------------------------- */

static gint64
count (const char *path,
       const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static const BoOrderLine *
line_of (const BoOrder *order,
         const char    *sku)
{
  for (guint i = 0; i < order->lines->len; i++)
    {
      const BoOrderLine *line = g_ptr_array_index (order->lines, i);

      if (g_str_equal (line->sku, sku))
        return line;
    }
  g_assert_not_reached ();
}

/* The reasons of order 1001 as `backorders-cli order show` gives them in
 * @language, SKU → reason. */
static GHashTable *
reasons_in (const char *path,
            const char *language)
{
  g_autofree char *catalogues = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  const char *argv[] = { BO_CLI_PATH, "--database", path, "--json", "order", "show", "1001",
                         NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  GHashTable *reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *lines;
  int status = -1;

  envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "BACKORDERS_LOCALEDIR", catalogues, TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  lines = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "lines");
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);

      g_hash_table_insert (reasons, g_strdup (json_object_get_string_member (line, "sku")),
                           g_strdup (json_object_get_string_member (line, "reason")));
    }
  return reasons;
}

/* A shop written by schema version 3 upgrades: the copy is taken, the
 * English reasons it stored become kinds and read the same in English and
 * in the reader's language afterwards, a reason in another language and
 * the events' details stay as they were written. */
static void
test_upgrade_from_v3 (void)
{
  static const struct
  {
    const char *sku;
    const char *reason;
    const char *kind;
    const char *german;
  } lines[] = {
    { "A", "first come, first served: place 2 of 3 in line", "fifo",
      "nach Eingang: Platz 2 von 3 in der Warteschlange" },
    { "B", "no free stock", "no-stock", "kein freier Bestand" },
    { "C", "pro rata: 3 × 3 ÷ 5 = 1.8 of the free stock, plus 1 left over", "pro-rata", NULL },
    { "D", "held: ship-complete order needs 2 more × B", "held-ship-complete", NULL },
    { "E", "drop-ship: Mugs Ltd ships it to the customer", "drop-ship",
      "Streckengeschäft: Mugs Ltd versendet es an den Kunden" },
    { "F", "nach Eingang", "text", "nach Eingang" },
    { "G", "", "text", "" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bo-reason-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shop.db", NULL);
  g_autofree char *copy = g_strconcat (path, ".v3.bak", NULL);
  g_autoptr(BoStore) store = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GHashTable) german = NULL;
  g_autoptr(GHashTable) english = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint v = 0; v < 3; v++)
    g_assert_cmpint (sqlite3_exec (db, bo_store_migrations[v], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA application_id = 1114591090; PRAGMA user_version = 3;"
                                 "INSERT INTO customers (id, name, created_at) VALUES (1, 'Ann', 0);"
                                 "INSERT INTO orders (id, number, customer_id, placed_at, placed_date, "
                                 "  line_count, unit_count, bo_lines, bo_units) "
                                 "  VALUES (1, '1001', 1, 0, '2026-09-20', 7, 7, 7, 7);"
                                 "INSERT INTO events (at, kind, subject, detail) VALUES "
                                 "  (0, 'order-placed', '1001', '7 lines, 7 units, 7 backordered'),"
                                 "  (1, 'line-cancelled', '1001', '1 × A cancelled, refund 100'),"
                                 "  (2, 'order-placed', '1002', '7 Positionen'),"
                                 "  (3, 'stock-adjusted', 'A', '+3 count');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      char *sql =
        sqlite3_mprintf ("INSERT INTO products (id, sku, name, price, on_hand, allocated, "
                         "  backordered, created_at) VALUES (%u, %Q, %Q, 100, 0, 0, 1, 0);"
                         "INSERT INTO order_lines (order_id, product_id, ordered, "
                         "  backordered_at_placement, unit_price, reason) "
                         "  VALUES (1, %u, 1, 1, 100, %Q);",
                         i + 1, lines[i].sku, lines[i].sku, i + 1, lines[i].reason);

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_free (sql);
    }
  sqlite3_close (db);

  store = bo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (count (copy, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (count (path, "PRAGMA user_version"), ==, BO_STORE_SCHEMA_VERSION);

  order = bo_store_find_order (store, "1001", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT count (*) FROM order_lines l JOIN products p "
                         "ON p.id = l.product_id WHERE p.sku = '%s' AND l.reason_kind = '%s'",
                         lines[i].sku, lines[i].kind);

      /* What the line said, it says still. */
      g_assert_cmpstr (line_of (order, lines[i].sku)->reason, ==, lines[i].reason);
      g_assert_cmpint (count (path, sql), ==, 1);
    }
  /* The events say what they said; the English ones have their numbers. */
  events = bo_store_list_events (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 4);
  g_assert_cmpstr (((BoEvent *) g_ptr_array_index (events, 3))->detail, ==,
                   "7 lines, 7 units, 7 backordered");
  g_assert_cmpstr (((BoEvent *) g_ptr_array_index (events, 2))->detail, ==,
                   "1 × A cancelled, refund 100");
  g_assert_cmpstr (((BoEvent *) g_ptr_array_index (events, 1))->detail, ==, "7 Positionen");
  g_assert_cmpstr (((BoEvent *) g_ptr_array_index (events, 0))->detail, ==, "+3 count");
  g_assert_cmpint (count (path, "SELECT count (*) FROM events WHERE args = '7 7 7'"), ==, 1);
  g_assert_cmpint (count (path, "SELECT count (*) FROM events WHERE args = '1 100' "
                                "AND detail = 'A'"), ==, 1);
  g_assert_cmpint (count (path, "SELECT count (*) FROM events WHERE args = ''"), ==, 2);
  g_clear_object (&store);

  /* Read in German, the kinds are German; the text of old is as it was. */
  german = reasons_in (path, "de");
  english = reasons_in (path, "C");
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_assert_cmpstr (g_hash_table_lookup (english, lines[i].sku), ==, lines[i].reason);
      if (lines[i].german != NULL)
        g_assert_cmpstr (g_hash_table_lookup (german, lines[i].sku), ==, lines[i].german);
      else
        g_assert_cmpstr (g_hash_table_lookup (german, lines[i].sku), !=, lines[i].reason);
    }

  {
    g_autoptr(GDir) entries = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (entries)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reason/every-kind", test_every_kind);
  g_test_add_func ("/reason/english-read-back", test_english_read_back);
  g_test_add_func ("/reason/stored-form", test_stored_form);
  g_test_add_func ("/reason/events", test_events);
  g_test_add_func ("/reason/upgrade-from-v3", test_upgrade_from_v3);

  return g_test_run ();
}
