/* bo-store-restore.c — restoring a backup, and a second connection for workers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <inttypes.h>

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
    other->now = self->now;
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

/* Opens @path read-only, if it is a whole shop this version can use. */
static sqlite3 *
open_backup (const char  *path,
             GError     **error)
{
  g_autofree char *check = NULL;
  sqlite3 *db = NULL;
  gint64 app_id = 0, version = 0, tables = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND, _("There is no file “%s”"), path);
      return NULL;
    }
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
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

/**
 * bo_store_restore:
 * @source: a backup written by bo_store_backup()
 * @safety_copy: (out) (optional): where the shop as it was before is kept
 *
 * Replaces the whole shop with a backup, through SQLite's online backup, in
 * the open store: the file is checked to be a Backorders shop of this or an
 * older schema (which is upgraded), and the shop as it was is first copied
 * beside the database as `PATH.before-restore`.
 */
gboolean
bo_store_restore (BoStore     *self,
                  const char  *source,
                  char       **safety_copy,
                  GError     **error)
{
  g_autofree char *copy = NULL;
  sqlite3_backup *backup;
  sqlite3 *from;
  gint64 version = 0;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (self->tx_depth == 0, FALSE);

  if ((from = open_backup (source, error)) == NULL)
    return FALSE;

  copy = g_strconcat (self->path, ".before-restore", NULL);
  g_unlink (copy);
  if (!bo_store_backup (self, copy, error))
    {
      g_prefix_error (error, _("Nothing was restored: the copy of the shop failed: "));
      sqlite3_close (from);
      return FALSE;
    }

  backup = sqlite3_backup_init (self->db, "main", from, "main");
  if (backup == NULL)
    rc = sqlite3_errcode (self->db);
  else
    {
      rc = sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_close (from);
  if (rc != SQLITE_OK)
    {
      _bo_store_set_error (self, rc, error);
      g_prefix_error (error, _("Restoring “%s” failed; the shop is as it was: "), source);
      return FALSE;
    }

  /* A backup of an older version: opening the file once more upgrades it,
   * as opening does for any shop (with a copy before the upgrade). */
  if (query_int (self->db, "PRAGMA user_version", &version) && version < BO_STORE_SCHEMA_VERSION)
    {
      g_autoptr(BoStore) upgraded = bo_store_open (self->path, error);

      if (upgraded == NULL)
        return FALSE;
    }
  if (!_bo_store_log_event (self, "restored", source, copy, error))
    return FALSE;
  g_signal_emit_by_name (self, "changed");
  if (safety_copy != NULL)
    *safety_copy = g_steal_pointer (&copy);
  return TRUE;
}
