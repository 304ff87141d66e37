/* test-files.c — written files never land on the shop and are never half; a full disk is named
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "backorders/bo-error.h"
#include "backorders/bo-output-file.h"
#include "backorders/bo-store.h"
#include "bo-store-private.h"
#include "bo-store-schema.sql.h"

typedef struct
{
  char    *dir;
  char    *path;
  char    *cwd;
  BoStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("bo-files-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "shop.db", NULL);
  f->store = bo_store_open (f->path, &error);
  g_assert_no_error (error);
  /* Relative spellings are relative to the shop's folder. */
  f->cwd = g_get_current_dir ();
  g_assert_cmpint (g_chdir (f->dir), ==, 0);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpint (g_chdir (f->cwd), ==, 0);
  g_clear_object (&f->store);
  remove_dir (f->dir);
  g_free (f->cwd);
  g_free (f->dir);
  g_free (f->path);
}

static guint
count_hidden (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += name[0] == '.';
  return n;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strdup ("(missing)");
  return contents;
}

/* Binary files compare by a checksum of every byte. */
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
test_refuses_the_shop (Fixture       *f,
                       gconstpointer  data)
{
  static const char *const refused[] = {
    "shop.db", "./shop.db", "sub/../shop.db", "link.db", "shop.db-wal", "shop.db-shm",
    "shop.db-journal", "shop.db.v1.bak", "shop.db.v12.bak", "shop.db.before-restore",
    "to-shm.csv", "sub/link-up.db", NULL
  };
  static const char *const allowed[] = {
    "shop.db.csv", "shop.db.vx.bak", "shop.db-walnut", "shop", "sub/shop.db", NULL
  };
  g_autofree char *sub = g_build_filename (f->dir, "sub", NULL);
  g_autofree char *before = checksum (f->path);

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (symlink ("shop.db", "link.db"), ==, 0);
  g_assert_cmpint (symlink ("shop.db-shm", "to-shm.csv"), ==, 0);
  g_assert_cmpint (symlink ("../shop.db", "sub/link-up.db"), ==, 0);

  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("refused: %s", refused[i]);
      g_assert_false (bo_output_file_write_bytes (refused[i], BO_OUTPUT_FILE_NONE, "x", 1,
                                                  &error));
      g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, f->path));
    }
  /* A hard link is the same file under another name. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (link ("shop.db", "hard.db"), ==, 0);
    g_assert_false (bo_output_file_write_bytes ("hard.db", BO_OUTPUT_FILE_NONE, "x", 1, &error));
    g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
    g_unlink ("hard.db");
  }
  {
    g_autofree char *after = checksum (f->path);

    g_assert_cmpstr (after, ==, before);
  }
  for (guint i = 0; allowed[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("allowed: %s", allowed[i]);
      g_assert_true (bo_output_file_write_bytes (allowed[i], BO_OUTPUT_FILE_NONE, "x", 1,
                                                 &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (count_hidden (f->dir), ==, 0);

  /* Once the shop is closed, its name is an ordinary file name again. */
  g_clear_object (&f->store);
  g_assert_true (bo_output_file_check_target ("other.db-wal", NULL));
}

static gboolean
fail_half_way (GOutputStream *stream,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  if (!g_output_stream_write_all (stream, "half of the ", 12, NULL, cancellable, error))
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
  return FALSE;
}

static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) too_big = NULL;
  g_autofree char *after = NULL;
  g_autofree char *big = g_malloc0 (256 * 1024);
  struct rlimit saved, limit;
  void (*old_handler) (int);

  g_assert_true (g_file_set_contents ("export.csv", "the earlier export\n", -1, NULL));

  /* A writer that fails part-way: the disk is full. */
  g_assert_false (bo_output_file_write ("export.csv", BO_OUTPUT_FILE_NONE, fail_half_way, NULL,
                                        NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  g_assert_nonnull (strstr (error->message, "export.csv"));
  after = read_file ("export.csv");
  g_assert_cmpstr (after, ==, "the earlier export\n");
  g_assert_cmpuint (count_hidden (f->dir), ==, 0);

  /* A real write that the system refuses part-way (a file size limit). */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  /* Only the soft limit: it can be raised again. */
  limit.rlim_cur = 64 * 1024;
  limit.rlim_max = saved.rlim_max;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (bo_output_file_write_bytes ("export.csv", BO_OUTPUT_FILE_NONE, big,
                                              256 * 1024, &too_big));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);
  g_assert_nonnull (too_big);
  g_assert_nonnull (strstr (too_big->message, "export.csv"));
  g_free (after);
  after = read_file ("export.csv");
  g_assert_cmpstr (after, ==, "the earlier export\n");
  g_assert_cmpuint (count_hidden (f->dir), ==, 0);
}

static guint
count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static gboolean
count_while_writing (GOutputStream *stream,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  *(guint *) data = count_entries (".");
  return g_output_stream_write_all (stream, "content\n", 8, NULL, cancellable, error);
}

/* While an export is written, nothing of it is in the folder: a process
 * killed then leaves no partial file (on file systems with O_TMPFILE). */
static void
test_unnamed_while_writing (Fixture       *f,
                            gconstpointer  data)
{
  guint before = count_entries (".");
  guint during = G_MAXUINT;
  g_autofree char *written = NULL;
  int probe = g_open (".", O_TMPFILE | O_WRONLY, 0600);

  if (probe < 0)
    {
      g_test_skip ("this file system has no unnamed files (O_TMPFILE)");
      return;
    }
  close (probe);
  g_assert_true (bo_output_file_write ("while.csv", BO_OUTPUT_FILE_NONE, count_while_writing,
                                       &during, NULL, NULL));
  g_assert_cmpuint (during, ==, before);
  g_assert_cmpuint (count_entries ("."), ==, before + 1);
  written = read_file ("while.csv");
  g_assert_cmpstr (written, ==, "content\n");
}

static void
make_old_file (const char *path)
{
  struct timeval old[2] = { { time (NULL) - 3600, 0 }, { time (NULL) - 3600, 0 } };

  g_assert_true (g_file_set_contents (path, "partial", -1, NULL));
  g_assert_cmpint (utimes (path, old), ==, 0);
}

/* What killed writers left behind goes at the next write; what a live
 * writer holds stays. */
static void
test_sweep_stale (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = g_build_filename (f->dir, "good.db", NULL);
  int held;

  make_old_file (".swept.csv.Ab12Cd");
  make_old_file (".swept.csv.Ab12Cd-journal");
  make_old_file (".swept.csv.in-use");
  make_old_file (".swept.csv.EfGh34");
  held = g_open (".swept.csv.EfGh34", O_RDONLY, 0);
  g_assert_cmpint (flock (held, LOCK_EX), ==, 0);
  g_assert_true (g_file_set_contents (".swept.csv.Ij56Kl", "fresh", -1, NULL));

  g_assert_true (bo_output_file_write_bytes ("swept.csv", BO_OUTPUT_FILE_NONE, "x", 1, NULL));
  g_assert_false (g_file_test (".swept.csv.Ab12Cd", G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (".swept.csv.Ab12Cd-journal", G_FILE_TEST_EXISTS));
  /* Not a name of ours, locked by a writer, or too recent. */
  g_assert_true (g_file_test (".swept.csv.in-use", G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (".swept.csv.EfGh34", G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (".swept.csv.Ij56Kl", G_FILE_TEST_EXISTS));
  close (held);

  /* The checked copy of a killed restore. */
  make_old_file (".shop.db.restore-Mn78Op");
  make_old_file (".shop.db.restore-Mn78Op-wal");
  g_assert_true (bo_store_backup (f->store, good, &error));
  g_assert_true (bo_store_restore (f->store, good, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (".shop.db.restore-Mn78Op", G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (".shop.db.restore-Mn78Op-wal", G_FILE_TEST_EXISTS));
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_modes_and_folders (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) missing = NULL;
  g_autoptr(GError) folder = NULL;
  mode_t mask = umask (022);

  /* A new file gets the usual mode; a replaced file keeps its own. */
  g_assert_true (bo_output_file_write_bytes ("new.csv", BO_OUTPUT_FILE_NONE, "a", 1, NULL));
  g_assert_cmpuint (mode_of ("new.csv"), ==, 0644);
  g_assert_cmpint (g_chmod ("new.csv", 0640), ==, 0);
  g_assert_true (bo_output_file_write_bytes ("new.csv", BO_OUTPUT_FILE_NONE, "b", 1, NULL));
  g_assert_cmpuint (mode_of ("new.csv"), ==, 0640);
  /* A private file is private, whatever it replaces. */
  g_assert_true (bo_output_file_write_bytes ("new.csv", BO_OUTPUT_FILE_PRIVATE, "c", 1, NULL));
  g_assert_cmpuint (mode_of ("new.csv"), ==, 0600);
  /* A link is followed: the file it leads to is replaced, the link stays. */
  g_assert_cmpint (symlink ("new.csv", "via-link.csv"), ==, 0);
  g_assert_true (bo_output_file_write_bytes ("via-link.csv", BO_OUTPUT_FILE_NONE, "d", 1, NULL));
  g_assert_true (g_file_test ("via-link.csv", G_FILE_TEST_IS_SYMLINK));
  {
    g_autofree char *through = read_file ("new.csv");

    g_assert_cmpstr (through, ==, "d");
  }
  umask (mask);

  /* One missing folder is made when asked; two are not. */
  g_assert_false (bo_output_file_write_bytes ("a/b/c.csv", BO_OUTPUT_FILE_MAKE_FOLDER, "x", 1,
                                              &missing));
  g_assert_error (missing, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (missing->message, "does not exist"));
  g_assert_false (g_file_test ("a", G_FILE_TEST_EXISTS));
  g_assert_true (bo_output_file_write_bytes ("a/c.csv", BO_OUTPUT_FILE_MAKE_FOLDER, "x", 1,
                                             NULL));
  g_assert_false (bo_output_file_write_bytes ("a", BO_OUTPUT_FILE_NONE, "x", 1, &folder));
  g_assert_error (folder, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

/* SQLite's "database or disk is full" reaches the user as a full disk. */
static void
test_disk_full_message (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 pages = 0;
  gboolean ok = TRUE;

  /* The connection may not grow the file: the next page is "the disk full". */
  g_assert_true (_bo_store_query_int (f->store, "PRAGMA page_count", 0, &pages, NULL));
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);

    g_assert_true (_bo_store_exec (f->store, sql, NULL));
  }
  for (guint i = 0; ok && i < 1000; i++)
    {
      g_autoptr(BoProduct) product = bo_product_new ();

      product->sku = g_strdup_printf ("SKU-%u", i);
      product->name = g_strnfill (200, 'n');
      ok = bo_store_save_product (f->store, product, &error);
    }
  g_assert_false (ok);
  g_assert_error (error, BO_ERROR, BO_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  g_assert_null (strstr (error->message, "I/O"));
}

/* A read-only shop reads, and says so when asked to change. */
static void
test_read_only_store (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoStore) store = NULL;
  g_autoptr(BoProduct) product = bo_product_new ();
  g_autoptr(GPtrArray) problems = NULL;

  uid_t uid = geteuid ();
  gid_t gid = getegid ();

  g_clear_object (&f->store);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  /* File modes do not bind root: root looks at the shop as "nobody". */
  if (uid == 0)
    g_assert_true (setegid (65534) == 0 && seteuid (65534) == 0);
  store = bo_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (bo_store_is_read_only (store));
  g_assert_true (bo_store_check (store, &problems, &error));
  product->sku = g_strdup ("NEW");
  product->name = g_strdup ("New");
  g_assert_false (bo_store_save_product (store, product, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_object (&store);
  if (uid == 0)
    g_assert_true (seteuid (uid) == 0 && setegid (gid) == 0);
  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (f->path, 0600), ==, 0);
}

static void
make_candidate (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A refused restore leaves the shop byte for byte as it was. */
static void
test_restore_refusals (Fixture       *f,
                       gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *sql;
    const char *needle;
  } candidates[] = {
    { "no-tables.db", "PRAGMA application_id = 1114591090; PRAGMA user_version = 3; "
                      "CREATE TABLE x (y);", "table" },
    { "old-no-tables.db", "PRAGMA application_id = 1114591090; PRAGMA user_version = 1; "
                          "CREATE TABLE x (y);", "table" },
    { "no-column.db", NULL, "column" },
    { "no-index.db", NULL, "customers_email" },
    { "other.db", "CREATE TABLE x (y);", "another program" },
    { "empty.db", "", "empty" },
  };
  g_autoptr(BoProduct) product = bo_product_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *good = g_build_filename (f->dir, "good.db", NULL);
  g_autofree char *safety = g_strconcat (f->path, ".before-restore", NULL);

  product->sku = g_strdup ("KEEP");
  product->name = g_strdup ("Kept");
  product->on_hand = 3;
  g_assert_true (bo_store_save_product (f->store, product, &error));
  g_assert_true (bo_store_backup (f->store, good, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr(GError) refused = NULL;
      g_autofree char *after = NULL;

      if (g_str_equal (candidates[i].name, "empty.db"))
        g_assert_true (g_file_set_contents (candidates[i].name, "", 0, NULL));
      else if (candidates[i].sql != NULL)
        make_candidate (candidates[i].name, candidates[i].sql);
      else
        {
          g_autofree char *copy = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (good, &copy, &length, NULL));
          g_assert_true (g_file_set_contents (candidates[i].name, copy, length, NULL));
          make_candidate (candidates[i].name,
                          g_str_equal (candidates[i].name, "no-column.db")
                          ? "ALTER TABLE products DROP COLUMN location"
                          : "DROP INDEX customers_email");
        }
      g_clear_object (&f->store);
      before = (g_free (before), checksum (f->path));
      f->store = bo_store_open (f->path, &error);
      g_assert_no_error (error);

      g_test_message ("candidate %s", candidates[i].name);
      g_assert_false (bo_store_restore (f->store, candidates[i].name, NULL, &refused));
      g_assert_nonnull (refused);
      g_test_message ("%s", refused->message);
      g_assert_nonnull (strstr (refused->message, candidates[i].needle));
      g_assert_null (strstr (refused->message, "no such"));
      g_clear_object (&f->store);
      after = checksum (f->path);
      g_assert_cmpstr (after, ==, before);
      g_assert_false (g_file_test (safety, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_hidden (f->dir), ==, 0);
      f->store = bo_store_open (f->path, &error);
      g_assert_no_error (error);
    }

  /* The good backup goes in, and says so in the history. */
  g_assert_true (bo_store_restore (f->store, good, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) events = bo_store_list_events (f->store, 1, &error);

    const BoEvent *event;

    g_assert_no_error (error);
    g_assert_cmpuint (events->len, ==, 1);
    event = g_ptr_array_index (events, 0);
    g_assert_cmpstr (event->kind, ==, "restored");
  }
  g_assert_true (g_file_test (safety, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (mode_of (safety), ==, 0600);
  g_assert_cmpuint (count_hidden (f->dir), ==, 0);
}

/* The copy made before an upgrade is whole or absent: a write failing
 * part-way (a file size limit, as a full disk) leaves no empty or partial
 * PATH.v1.bak, and the shop not upgraded. */
static void
test_upgrade_copy_all_or_nothing (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoStore) upgraded = NULL;
  struct rlimit saved, limit;
  void (*old_handler) (int);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open ("old.db", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, bo_store_migrations[0], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA application_id = 1114591090; PRAGMA user_version = 1;"
                                 "WITH RECURSIVE n (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
                                 "  WHERE x < 3000) "
                                 "INSERT INTO settings (key, value) "
                                 "  SELECT 'filler-' || x, hex (randomblob (100)) FROM n",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit.rlim_cur = 100 * 1000;
  limit.rlim_max = saved.rlim_max;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  upgraded = bo_store_open ("old.db", &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_null (upgraded);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "old.db.v1.bak"));
  g_assert_false (g_file_test ("old.db.v1.bak", G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_hidden (f->dir), ==, 0);
  /* Not upgraded, nothing lost (opening switched it to WAL, nothing more). */
  g_assert_cmpint (sqlite3_open ("old.db", &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                         " count (*) FROM settings", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), >=, 3000);
    sqlite3_finalize (stmt);
  }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

  ADD ("/files/refuses-the-shop", test_refuses_the_shop);
  ADD ("/files/all-or-nothing", test_all_or_nothing);
  ADD ("/files/modes-and-folders", test_modes_and_folders);
  ADD ("/files/unnamed-while-writing", test_unnamed_while_writing);
  ADD ("/files/sweep-stale", test_sweep_stale);
  ADD ("/files/disk-full-message", test_disk_full_message);
  ADD ("/files/read-only-store", test_read_only_store);
  ADD ("/files/restore-refusals", test_restore_refusals);
  ADD ("/files/upgrade-copy-all-or-nothing", test_upgrade_copy_all_or_nothing);

  return g_test_run ();
}
