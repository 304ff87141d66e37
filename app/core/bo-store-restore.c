/* bo-store-restore.c — restoring a backup, and a second connection for workers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <unistd.h>

#include <sys/file.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bo-store-private.h"

/**
 * bo_store_open_another:
 *
 * Opens a second connection to the same shop, with the same clock, for a
 * worker thread: a #BoStore is used by one thread at a time, and SQLite's
 * WAL lets the window read while the worker writes.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
BoStore *
bo_store_open_another (BoStore  *self,
                       GError  **error)
{
  BoStore *other;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  other = bo_store_open (self->path, error);
  if (other != NULL)
    {
      other->now = self->now;
      other->read_delay = self->read_delay;
    }
  return other;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Opens @path read-only, if it is a shop file this version can use. */
static sqlite3 *
open_backup (const char  *path,
             GError     **error)
{
  g_autofree char *check = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  gint64 app_id = 0, version = 0, tables = 0;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND, _("There is no file “%s”"), path);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("“%s” is a folder, not a Backorders backup"), path);
      return NULL;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("“%s” is empty: it is not a Backorders backup"), path);
      return NULL;
    }
  /* Without a -wal file beside it, a backup is read as immutable: SQLite then
   * creates no -shm or -wal file next to the user's file. */
  wal = g_strconcat (path, "-wal", NULL);
  if (!g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

      uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
    }
  if (sqlite3_open_v2 (uri != NULL ? uri : path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                       NULL) != SQLITE_OK ||
      !query_int (db, "SELECT count (*) FROM sqlite_schema", &tables))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("“%s” is not a Backorders backup: it is not an SQLite database"), path);
      sqlite3_close (db);
      return NULL;
    }
  query_int (db, "PRAGMA application_id", &app_id);
  query_int (db, "PRAGMA user_version", &version);
  if (app_id != BO_STORE_APPLICATION_ID || version < 1)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("“%s” is an SQLite database of another program, not a Backorders backup"),
                   path);
      sqlite3_close (db);
      return NULL;
    }
  if (version > BO_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("“%s” was written by a newer version of Backorders (schema %" PRId64
                     "); this version knows schema %d"), path, version, BO_STORE_SCHEMA_VERSION);
      sqlite3_close (db);
      return NULL;
    }
  check = query_text (db, "PRAGMA quick_check");
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The backup “%s” is damaged (%s)"), path, check != NULL ? check : "?");
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/* Copies the whole of @from into the database @to, in one transaction. */
static int
copy_database (sqlite3 *to,
               sqlite3 *from)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  int rc;

  if (backup == NULL)
    return sqlite3_errcode (to);
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc == SQLITE_DONE)
    return SQLITE_OK;
  return sqlite3_errcode (to) != SQLITE_OK ? sqlite3_errcode (to) : rc;
}

/* The objects every shop of this version has: a database built from the
 * migrations is the reference, so the check never lags behind the schema. */
static sqlite3 *
reference_schema (gint64 version)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return NULL;
    }
  for (gint64 i = 0; i < version; i++)
    if (sqlite3_exec (db, _bo_store_migration (i), NULL, NULL, NULL) != SQLITE_OK)
      {
        g_critical ("The schema does not build: %s", sqlite3_errmsg (db));
        sqlite3_close (db);
        return NULL;
      }
  return db;
}

static gboolean
has_row (sqlite3    *db,
         const char *sql,
         const char *a,
         const char *b)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
      if (b != NULL)
        sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* Whether @db has every table, column, index and trigger of the current
 * schema; the first thing missing is named in @error. */
static gboolean
check_schema (sqlite3     *db,
              gint64       version,
              const char  *source,
              GError     **error)
{
  static const char *objects_sql =
    "SELECT type, name, tbl_name FROM sqlite_schema "
    "WHERE name NOT LIKE 'sqlite_%' ORDER BY type = 'table' DESC, name";
  sqlite3 *reference = reference_schema (version);
  sqlite3_stmt *objects = NULL;
  gboolean ok = TRUE;

  if (reference == NULL)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_DATABASE, _("Cannot build the shop's schema"));
      return FALSE;
    }
  sqlite3_prepare_v2 (reference, objects_sql, -1, &objects, NULL);
  while (ok && sqlite3_step (objects) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (objects, 0);
      const char *name = (const char *) sqlite3_column_text (objects, 1);

      if (!has_row (db, "SELECT 1 FROM sqlite_schema WHERE type = ?2 AND name = ?1", name, type))
        {
          ok = FALSE;
          if (g_str_equal (type, "table"))
            g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                         _("“%s” is not a whole Backorders shop: the table “%s” is missing"),
                         source, name);
          else if (g_str_equal (type, "index"))
            g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                         _("“%s” is not a whole Backorders shop: the index “%s” is missing"),
                         source, name);
          else if (g_str_equal (type, "trigger"))
            g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                         _("“%s” is not a whole Backorders shop: the trigger “%s” is missing"),
                         source, name);
          else
            g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                         _("“%s” is not a whole Backorders shop: the view “%s” is missing"),
                         source, name);
          break;
        }
      if (!g_str_equal (type, "table"))
        continue;

      {
        sqlite3_stmt *columns = NULL;

        sqlite3_prepare_v2 (reference, "SELECT name FROM pragma_table_info (?1)", -1, &columns,
                            NULL);
        sqlite3_bind_text (columns, 1, name, -1, SQLITE_TRANSIENT);
        while (ok && sqlite3_step (columns) == SQLITE_ROW)
          {
            const char *column = (const char *) sqlite3_column_text (columns, 0);

            if (!has_row (db, "SELECT 1 FROM pragma_table_info (?1) WHERE name = ?2", name, column))
              {
                ok = FALSE;
                g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                             _("“%s” is not a whole Backorders shop: the table “%s” has no "
                               "column “%s”"), source, name, column);
              }
          }
        sqlite3_finalize (columns);
      }
    }
  sqlite3_finalize (objects);
  sqlite3_close (reference);
  return ok;
}

static void
remove_scratch (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal", NULL };

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

/* Makes a checked copy of @source beside the shop, at the current schema,
 * with the restore already recorded in it; NULL with @error set when the
 * candidate is not a whole, consistent shop. */
static BoStore *
prepare_candidate (BoStore            *self,
                   const char         *source,
                   const char         *scratch,
                   BoStoreRestoreFlags flags,
                   const char         *safety_copy,
                   GPtrArray         **problems,
                   GError            **error)
{
  g_autoptr(BoStore) candidate = NULL;
  g_autoptr(GPtrArray) checked = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) check_error = NULL;
  sqlite3 *from;
  sqlite3 *copy = NULL;
  gint64 page_size = 0, shop_page_size = 0, version = 0;
  int rc;

  if ((from = open_backup (source, error)) == NULL)
    return NULL;

  /* The candidate is copied, so that upgrading and checking it never write
   * to the user's file, and so that a WAL shop can take its pages. */
  rc = sqlite3_open_v2 (scratch, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = copy_database (copy, from);
  sqlite3_close (from);
  query_int (self->db, "PRAGMA page_size", &shop_page_size);
  if (rc == SQLITE_OK && query_int (copy, "PRAGMA page_size", &page_size) &&
      page_size != shop_page_size)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA page_size = %" PRId64 "; VACUUM",
                                              shop_page_size);
      rc = sqlite3_exec (copy, sql, NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_FULL || sqlite3_system_errno (copy) == ENOSPC)
        g_set_error (error, BO_ERROR, BO_ERROR_DATABASE,
                     _("Nothing was restored: the disk is full (a checked copy of “%s” is made "
                       "beside the shop “%s” first)"), source, self->path);
      else
        g_set_error (error, BO_ERROR, BO_ERROR_DATABASE,
                     _("Nothing was restored: cannot copy “%s” beside the shop “%s”: %s"),
                     source, self->path, sqlite3_errmsg (copy));
      sqlite3_close (copy);
      return NULL;
    }
  sqlite3_close (copy);

  /* Checked at its own version first, so that an upgrade does not stumble
   * over what is missing; then upgraded the way opening upgrades any shop,
   * and checked against the current schema. */
  rc = sqlite3_open_v2 (scratch, &copy, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK || !query_int (copy, "PRAGMA user_version", &version))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_DATABASE,
                   _("Nothing was restored: cannot read the copy of “%s”: %s"), source,
                   sqlite3_errmsg (copy));
      sqlite3_close (copy);
      return NULL;
    }
  if (!check_schema (copy, version, source, error))
    {
      sqlite3_close (copy);
      g_prefix_error (error, _("Nothing was restored: "));
      return NULL;
    }
  sqlite3_close (copy);
  candidate = _bo_store_open_full (scratch, BO_STORE_OPEN_NO_UPGRADE_COPY, error);
  if (candidate == NULL)
    {
      g_prefix_error (error, _("Nothing was restored from “%s”: "), source);
      return NULL;
    }
  candidate->now = self->now;
  if (!check_schema (candidate->db, BO_STORE_SCHEMA_VERSION, source, error))
    {
      g_prefix_error (error, _("Nothing was restored: "));
      return NULL;
    }

  if (!bo_store_check (candidate, &checked, &check_error) &&
      !g_error_matches (check_error, BO_ERROR, BO_ERROR_INCONSISTENT))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&check_error),
                                  _("Nothing was restored from “%s”: "), source);
      return NULL;
    }
  if (checked != NULL)
    found = g_ptr_array_ref (checked);
  else
    found = g_ptr_array_new_with_free_func (g_free);
  if (problems != NULL)
    *problems = g_ptr_array_ref (found);
  if (found->len > 0 && (flags & BO_STORE_RESTORE_FORCE) == 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < MIN (found->len, 3); i++)
        g_string_append_printf (list, "%s%s", i > 0 ? "; " : "",
                                (const char *) g_ptr_array_index (found, i));
      if (found->len > 3)
        g_string_append (list, "; …");
      g_set_error (error, BO_ERROR, BO_ERROR_INCONSISTENT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Nothing was restored: the backup “%s” breaks %u rule of a "
                                "shop (%s)",
                                "Nothing was restored: the backup “%s” breaks %u rules of a "
                                "shop (%s)", found->len),
                   source, found->len, list->str);
      return NULL;
    }

  if (!_bo_store_begin (candidate, error))
    return NULL;
  if (!_bo_store_finish (candidate,
                         _bo_store_log_event (candidate, "restored", source, safety_copy, error),
                         TRUE, error))
    return NULL;
  return g_steal_pointer (&candidate);
}

/**
 * bo_store_restore_full:
 * @source: a backup written by bo_store_backup()
 * @flags: %BO_STORE_RESTORE_FORCE to accept a backup that breaks the
 *   invariant checker's rules
 * @safety_copy: (out) (optional): where the shop as it was before is kept
 * @problems: (out) (optional) (element-type utf8): the rules the backup
 *   breaks, when it was restored anyway
 *
 * Replaces the whole shop with a backup. Nothing is replaced until the
 * candidate has passed every check: it is copied beside the shop, upgraded
 * when it is older, compared with every table, column, index and trigger of
 * the current schema, and run through the invariant checker. The shop as it
 * was is then copied to `PATH.before-restore`, and the checked copy replaces
 * the shop's content in one transaction: a crash leaves either shop, whole.
 */
gboolean
bo_store_restore_full (BoStore             *self,
                       const char          *source,
                       BoStoreRestoreFlags  flags,
                       char               **safety_copy,
                       GPtrArray          **problems,
                       GError             **error)
{
  g_autoptr(BoStore) candidate = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  int fd;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (self->tx_depth == 0, FALSE);

  if (self->read_only)
    return _bo_store_set_read_only_error (self, error);

  copy = g_strconcat (self->path, ".before-restore", NULL);
  dir = g_path_get_dirname (self->path);
  base = g_path_get_basename (self->path);
  prefix = g_strdup_printf (".%s.restore-", base);
  bo_output_file_sweep_stale (dir, prefix);
  scratch = g_strdup_printf ("%s" G_DIR_SEPARATOR_S "%sXXXXXX", dir, prefix);
  if ((fd = g_mkstemp_full (scratch, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      int saved = errno;

      g_set_error (error, BO_ERROR, BO_ERROR_DATABASE,
                   _("Nothing was restored: cannot make a copy in the folder “%s”: %s"), dir,
                   saved == ENOSPC ? _("the disk is full") : g_strerror (saved));
      return FALSE;
    }
  /* Locked while it is ours: a restore killed now leaves it to the next
   * restore's sweep. */
  flock (fd, LOCK_EX);

  candidate = prepare_candidate (self, source, scratch, flags, copy, problems, error);
  if (candidate == NULL)
    {
      remove_scratch (scratch);
      close (fd);
      return FALSE;
    }

  if (!_bo_store_backup_to (self, copy, BO_OUTPUT_FILE_SHOP_COPY, error))
    {
      g_prefix_error (error, _("Nothing was restored: the copy of the shop failed: "));
      g_clear_object (&candidate);
      remove_scratch (scratch);
      close (fd);
      return FALSE;
    }

  /* One write transaction on the shop: other connections (a window, a
   * worker) see the restored shop at their next read, and a crash rolls it
   * back. */
  rc = copy_database (self->db, candidate->db);
  g_clear_object (&candidate);
  remove_scratch (scratch);
  close (fd);
  if (rc != SQLITE_OK)
    {
      _bo_store_set_error (self, rc, error);
      g_prefix_error (error, _("Restoring “%s” failed; the shop is as it was: "), source);
      return FALSE;
    }

  g_signal_emit_by_name (self, "changed");
  if (safety_copy != NULL)
    *safety_copy = g_steal_pointer (&copy);
  return TRUE;
}

/**
 * bo_store_restore:
 * @source: a backup written by bo_store_backup()
 * @safety_copy: (out) (optional): where the shop as it was before is kept
 *
 * bo_store_restore_full() without force: a backup that breaks a rule of a
 * shop is refused, and the shop stays byte for byte as it was.
 */
gboolean
bo_store_restore (BoStore     *self,
                  const char  *source,
                  char       **safety_copy,
                  GError     **error)
{
  return bo_store_restore_full (self, source, BO_STORE_RESTORE_NONE, safety_copy, NULL, error);
}
