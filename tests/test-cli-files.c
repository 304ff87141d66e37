/* test-cli-files.c — what backorders-cli writes never lands on the shop, and never half
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports, pick lists, charts and backups refused over the shop however it
 * is spelled; restores refused before anything is replaced; a full disk
 * (a file size limit, which fails writes the way a full disk does) leaving
 * every file as it was; read-only shops that can still be read.
 */
#define G_LOG_DOMAIN "test-cli-files"

#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "bo-cli-test.h"

static char *
checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("(missing)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static char *
in_dir (Fixture    *f,
        const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* Files a failed write could leave behind: temporary names start with a dot. */
static guint
count_hidden (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.')
      {
        g_test_message ("left behind: %s", name);
        n++;
      }
  return n;
}

static void
assert_refused_unchanged (Fixture      *f,
                          const Result *result,
                          const char   *sum)
{
  g_autofree char *now = checksum (f->db);

  assert_failed (result, "shop");
  g_assert_cmpstr (now, ==, sum);
  g_assert_cmpuint (count_hidden (f->dir), ==, 0);
}

static void
test_never_the_shop (Fixture       *f,
                     gconstpointer  data)
{
  static const char *const spellings[] = {
    "shop.db", "./shop.db", "sub/../shop.db", "link.db", "shop.db-wal", "shop.db-shm",
    "shop.db-journal", "shop.db.v2.bak", "shop.db.before-restore", "to-wal.csv", NULL
  };
  const RunOptions here = { .cwd = f->dir };
  g_autofree char *sub = in_dir (f, "sub");
  g_autofree char *link = in_dir (f, "link.db");
  g_autofree char *to_wal = in_dir (f, "to-wal.csv");
  g_autofree char *chart = in_dir (f, "chart.png");
  g_autofree char *pos = in_dir (f, "pos");
  g_autofree char *po_link = NULL;
  g_autofree char *sum = NULL;

  if (skip_without_cli ())
    return;
  RUN_OK (f, "demo");
  sum = checksum (f->db);
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (symlink ("shop.db", link), ==, 0);
  /* A link to a companion that does not exist yet. */
  g_assert_cmpint (symlink ("shop.db-wal", to_wal), ==, 0);
  g_assert_cmpint (symlink ("shop.db", chart), ==, 0);

  for (guint i = 0; spellings[i] != NULL; i++)
    {
      g_auto(Result) backorders = { 0 };
      g_auto(Result) customers = { 0 };

      RUN_WITH (f, "shop.db", &here, &backorders, "export", "backorders", "-o", spellings[i]);
      assert_refused_unchanged (f, &backorders, sum);
      RUN_WITH (f, "shop.db", &here, &customers, "export", "customers", "-o", spellings[i]);
      assert_refused_unchanged (f, &customers, sum);
    }

  {
    g_auto(Result) absolute = { 0 };
    g_auto(Result) picklist = { 0 };
    g_auto(Result) drawn = { 0 };
    g_auto(Result) availability = { 0 };
    g_auto(Result) backup = { 0 };
    g_auto(Result) backup_forced = { 0 };
    g_auto(Result) purchase_orders = { 0 };

    RUN (f, &absolute, "export", "backorders", "-o", f->db);
    assert_refused_unchanged (f, &absolute, sum);
    RUN_WITH (f, "shop.db", &here, &picklist, "picklist", "--ready", "-o", "./shop.db");
    assert_refused_unchanged (f, &picklist, sum);
    RUN_WITH (f, "shop.db", &here, &drawn, "chart", "rate", "-o", "chart.png");
    assert_refused_unchanged (f, &drawn, sum);
    RUN_WITH (f, "shop.db", &here, &availability, "export", "availability", "--format", "csv",
              "-o", "sub/../shop.db");
    assert_refused_unchanged (f, &availability, sum);
    RUN_WITH (f, "shop.db", &here, &backup, "backup", "link.db");
    assert_refused_unchanged (f, &backup, sum);
    RUN_WITH (f, "shop.db", &here, &backup_forced, "backup", "--force", "./shop.db");
    assert_refused_unchanged (f, &backup_forced, sum);

    /* A supplier's file name that leads to the shop. */
    g_assert_cmpint (g_mkdir (pos, 0755), ==, 0);
    po_link = g_build_filename (pos, "purchase-orders-cotton-co.csv", NULL);
    g_assert_cmpint (symlink ("../shop.db", po_link), ==, 0);
    RUN (f, &purchase_orders, "export", "purchase-orders", "-o", pos);
    assert_refused_unchanged (f, &purchase_orders, sum);
  }
  RUN_OK (f, "check");
}

/* A write that fails half-way (the file size limit makes write() fail as
 * a full disk does) leaves the earlier file and no temporary file. */
static void
test_failed_write_keeps_old_file (Fixture       *f,
                                  gconstpointer  data)
{
  const RunOptions small = { .file_size_limit = 100 * 1000 };
  g_autofree char *kept = in_dir (f, "kept.db");
  g_autofree char *sum = NULL;
  g_autofree char *shop_sum = NULL;
  g_autofree char *after = NULL;
  g_autofree char *shop_after = NULL;
  g_auto(Result) backup = { 0 };

  if (skip_without_cli ())
    return;
  RUN_OK (f, "demo");
  g_assert_true (g_file_set_contents (kept, "an earlier backup\n", -1, NULL));
  sum = checksum (kept);
  shop_sum = checksum (f->db);

  /* The shop is several hundred kilobytes: its copy cannot be written. */
  RUN_WITH (f, NULL, &small, &backup, "backup", "--force", kept);
  assert_failed (&backup, "kept.db");
  g_assert_null (strstr (backup.err, "cannot use the database"));
  after = checksum (kept);
  g_assert_cmpstr (after, ==, sum);
  shop_after = checksum (f->db);
  g_assert_cmpstr (shop_after, ==, shop_sum);
  g_assert_cmpuint (count_hidden (f->dir), ==, 0);

  /* An export (a chart of some 60 kB) over an earlier one, and a new one. */
  {
    const RunOptions tight = { .file_size_limit = 40 * 1024 };
    g_autofree char *chart = in_dir (f, "rate.svg");
    g_autofree char *fresh = in_dir (f, "fresh.svg");
    g_autofree char *chart_sum = NULL;
    g_autofree char *chart_after = NULL;
    g_auto(Result) over = { 0 };
    g_auto(Result) anew = { 0 };

    g_assert_true (g_file_set_contents (chart, "<svg>the earlier chart</svg>\n", -1, NULL));
    chart_sum = checksum (chart);
    RUN_WITH (f, NULL, &tight, &over, "chart", "rate", "-o", chart);
    assert_failed (&over, "rate.svg");
    chart_after = checksum (chart);
    g_assert_cmpstr (chart_after, ==, chart_sum);
    RUN_WITH (f, NULL, &tight, &anew, "chart", "rate", "-o", fresh);
    assert_failed (&anew, "fresh.svg");
    g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (count_hidden (f->dir), ==, 0);
  }
}

/* Creating a shop is all or nothing: a write failing part-way leaves no
 * half-built shop and no empty safety copy. */
static void
test_init_all_or_nothing (Fixture       *f,
                          gconstpointer  data)
{
  const RunOptions small = { .file_size_limit = 45 * 1000 };
  g_autoptr(GDir) dir = NULL;
  g_auto(Result) init = { 0 };

  if (skip_without_cli ())
    return;
  RUN_WITH (f, NULL, &small, &init, "init");
  assert_failed (&init, "shop.db");

  dir = g_dir_open (f->dir, 0, NULL);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    {
      g_test_message ("left behind: %s", name);
      g_assert_false (g_str_has_prefix (name, "shop.db"));
    }
  /* Given room, the same command makes the shop. */
  RUN_OK (f, "init");
  RUN_OK (f, "check");
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_backup_files (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *open_file = in_dir (f, "open.db");
  g_autofree char *text = in_dir (f, "notes.txt");
  g_autofree char *missing = in_dir (f, "no-such-folder/backup.db");
  g_auto(Result) nowhere = { 0 };
  g_auto(Result) replaced = { 0 };
  g_autoptr(JsonNode) restored = NULL;

  if (skip_without_cli ())
    return;
  RUN_OK (f, "demo");

  /* Always readable by the owner only, also over a file others could read. */
  g_assert_true (g_file_set_contents (open_file, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (open_file, 0644), ==, 0);
  RUN_OK (f, "backup", "--force", open_file);
  g_assert_cmpuint (file_mode (open_file), ==, 0600);

  /* --force over a file that is no database simply replaces it. */
  g_assert_true (g_file_set_contents (text, "not a database\n", -1, NULL));
  RUN (f, &replaced, "backup", "--force", text);
  g_assert_cmpint (replaced.status, ==, 0);
  g_assert_cmpuint (file_mode (text), ==, 0600);
  restored = RUN_JSON (f, "restore", text);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (restored), "restored"),
                   ==, text);

  /* A problem with the backup names the backup, not the shop. */
  RUN (f, &nowhere, "backup", missing);
  assert_failed (&nowhere, "no-such-folder");
  g_assert_null (strstr (nowhere.err, "cannot use the database"));
}

static void
test_purchase_order_folder (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *folder = in_dir (f, "new-folder");
  g_autofree char *named = g_strconcat (folder, G_DIR_SEPARATOR_S, NULL);
  g_autofree char *deep = in_dir (f, "missing/new-folder/");
  g_autoptr(JsonNode) written = NULL;
  g_auto(Result) refused = { 0 };
  JsonArray *files;

  if (skip_without_cli ())
    return;
  RUN_OK (f, "demo");

  /* The folder the user named is made when its parent exists. */
  written = RUN_JSON (f, "export", "purchase-orders", "-o", named);
  files = json_object_get_array_member (json_node_get_object (written), "files");
  g_assert_cmpuint (json_array_get_length (files), >, 0);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (json_array_get_string_element (files, 0), G_FILE_TEST_IS_REGULAR));

  /* Two missing levels: said, and nothing is made. */
  RUN (f, &refused, "export", "purchase-orders", "-o", deep);
  assert_failed (&refused, "does not exist");
  g_assert_false (g_file_test (deep, G_FILE_TEST_EXISTS));
}

static void
test_restore_validates_first (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *partial = in_dir (f, "partial.db");
  g_autofree char *old_partial = in_dir (f, "old-partial.db");
  g_autofree char *empty = in_dir (f, "empty.db");
  g_autofree char *good = in_dir (f, "good.db");
  g_autofree char *broken = in_dir (f, "broken.db");
  g_autofree char *before = g_strconcat (f->db, ".before-restore", NULL);
  g_autofree char *sum = NULL;
  g_autofree char *broken_sum = NULL;
  g_auto(Result) missing_tables = { 0 };
  g_auto(Result) older = { 0 };
  g_auto(Result) nothing = { 0 };
  g_auto(Result) inconsistent = { 0 };
  g_auto(Result) forced = { 0 };
  g_auto(Result) check = { 0 };
  const char *candidates[][2] = {
    { partial, "PRAGMA application_id = 1114591090; PRAGMA user_version = 3; CREATE TABLE x (y);" },
    { old_partial, "PRAGMA application_id = 1114591090; PRAGMA user_version = 1; CREATE TABLE x (y);" },
  };

  if (skip_without_cli ())
    return;
  RUN_OK (f, "demo");
  RUN_OK (f, "backup", good);

  /* Shop files that are shops in name only, made with SQLite directly. */
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    run_sql (candidates[i][0], candidates[i][1]);
  sum = checksum (f->db);

  RUN (f, &missing_tables, "restore", partial);
  assert_failed (&missing_tables, "is missing");
  g_assert_null (strstr (missing_tables.err, "no such table"));
  RUN (f, &older, "restore", old_partial);
  assert_failed (&older, "is missing");
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  RUN (f, &nothing, "restore", empty);
  assert_failed (&nothing, "is empty");
  {
    g_autofree char *now = checksum (f->db);

    g_assert_cmpstr (now, ==, sum);
  }
  /* Nothing was replaced, so there was nothing to keep a copy of. */
  g_assert_false (g_file_test (before, G_FILE_TEST_EXISTS));

  /* A whole backup that breaks the invariant checker's rules. */
  RUN_OK (f, "product", "add", "--sku", "LATER", "--name", "Added later");
  {
    g_autofree char *copy = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (good, &copy, &length, NULL));
    g_assert_true (g_file_set_contents (broken, copy, length, NULL));
    run_sql (broken, "UPDATE products SET on_hand = on_hand + 5 WHERE id = 1");
  }
  broken_sum = checksum (broken);
  g_free (sum);
  sum = checksum (f->db);
  RUN (f, &inconsistent, "restore", broken);
  assert_failed (&inconsistent, "on hand");
  g_assert_nonnull (strstr (inconsistent.err, "--force"));
  {
    g_autofree char *now = checksum (f->db);
    g_autofree char *candidate = checksum (broken);

    g_assert_cmpstr (now, ==, sum);
    /* The candidate itself is only read. */
    g_assert_cmpstr (candidate, ==, broken_sum);
  }

  /* --force takes it, and says what is wrong. */
  RUN (f, &forced, "restore", "--force", broken);
  g_assert_cmpint (forced.status, ==, 0);
  g_assert_nonnull (strstr (forced.err, "warning"));
  g_assert_nonnull (strstr (forced.err, "on hand"));
  RUN (f, &check, "check");
  g_assert_cmpint (check.status, ==, 1);
  g_assert_true (g_file_test (before, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_hidden (f->dir), ==, 0);
}

static void
test_folders_named_as_files (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *folder = in_dir (f, "a-folder");
  g_auto(Result) import = { 0 };
  g_auto(Result) restore = { 0 };
  g_auto(Result) export = { 0 };

  if (skip_without_cli ())
    return;
  RUN_OK (f, "demo");
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  RUN (f, &import, "import", "csv", "--kind", "products", folder);
  assert_failed (&import, "is a folder");
  RUN (f, &restore, "restore", folder);
  assert_failed (&restore, "is a folder");
  RUN (f, &export, "export", "backorders", "-o", folder);
  assert_failed (&export, "is a folder");
}

/* A shop on a read-only file, in a read-only folder or a writable one, can
 * still be read, and reading leaves no file beside it; changing it says why
 * it cannot. As root, the program runs as "nobody", for whom modes apply. */
static void
test_read_only_shop (Fixture       *f,
                     gconstpointer  data)
{
  static const char *const reading[][3] = {
    { "order", "list", NULL },
    { "product", "list", NULL },
    { "report", "backlog", NULL },
    { "check", NULL, NULL },
  };
  static const guint folder_modes[] = { 0555, 0777 };
  const RunOptions visitor = { .unprivileged = TRUE };
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->db, "-shm", NULL);
  g_autofree char *sum = NULL;

  if (skip_without_cli ())
    return;
  RUN_OK (f, "demo");
  sum = checksum (f->db);
  g_assert_cmpint (g_chmod (f->db, 0444), ==, 0);

  for (guint m = 0; m < G_N_ELEMENTS (folder_modes); m++)
    {
      g_auto(Result) change = { 0 };

      g_assert_cmpint (g_chmod (f->dir, folder_modes[m]), ==, 0);
      for (guint i = 0; i < G_N_ELEMENTS (reading); i++)
        {
          g_auto(Result) read = { 0 };

          if (reading[i][1] != NULL)
            RUN_WITH (f, NULL, &visitor, &read, reading[i][0], reading[i][1]);
          else
            RUN_WITH (f, NULL, &visitor, &read, reading[i][0]);
          g_assert_cmpint (read.status, ==, 0);
          g_assert_cmpstr (read.err, ==, "");
        }
      RUN_WITH (f, NULL, &visitor, &change, "settings", "set", "handling-days", "3");
      assert_failed (&change, "read-only");
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
    }

  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (f->db, 0600), ==, 0);
  {
    g_autofree char *now = checksum (f->db);

    g_assert_cmpstr (now, ==, sum);
  }
  /* Writable again, the shop takes changes as before. */
  RUN_OK (f, "settings", "set", "handling-days", "3");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/files/never-the-shop", test_never_the_shop);
  ADD ("/cli/files/failed-write-keeps-old-file", test_failed_write_keeps_old_file);
  ADD ("/cli/files/init-all-or-nothing", test_init_all_or_nothing);
  ADD ("/cli/files/backup", test_backup_files);
  ADD ("/cli/files/purchase-order-folder", test_purchase_order_folder);
  ADD ("/cli/files/restore-validates-first", test_restore_validates_first);
  ADD ("/cli/files/folders-named-as-files", test_folders_named_as_files);
  ADD ("/cli/files/read-only-shop", test_read_only_shop);

  return g_test_run ();
}
