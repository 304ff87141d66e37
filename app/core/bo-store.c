/* bo-store.c — opening, migrating and the shared plumbing of the shop database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <sys/statvfs.h>

#include "backorders/bo-output-file.h"
#include "bo-store-private.h"
#include "backorders/bo-money.h"
#include "backorders/bo-period.h"
#include "bo-store-schema.sql.h"

/* "BoOr": marks a SQLite file as a Backorders shop. */
#define BO_APPLICATION_ID 0x426f4f72

G_DEFINE_FINAL_TYPE (BoStore, bo_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  STOCK_RECEIVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_STATIC_ASSERT (G_N_ELEMENTS (bo_store_migrations) == BO_STORE_SCHEMA_VERSION);

static const char *const setting_keys[] = {
  "allocation-policy",
  "handling-days",
  "supplier-choice",
  "currency",
  "shop-name",
  NULL
};

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
bo_store_finalize (GObject *object)
{
  BoStore *self = BO_STORE (object);

  g_clear_pointer (&self->monitors, g_ptr_array_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  if (self->path != NULL)
    bo_output_file_unprotect_shop (self->path);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (bo_store_parent_class)->finalize (object);
}

static void
bo_store_class_init (BoStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bo_store_finalize;

  /**
   * BoStore::changed:
   *
   * The shop changed: this store committed a change, or (once
   * bo_store_watch() was called) another program did.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * BoStore::stock-received:
   * @po_number: the purchase order received
   * @result: (type gpointer): the #BoAllocationResult of the receipt
   *
   * A receipt was committed through this store; @result tells who got the
   * stock and which orders can ship now.
   */
  signals[STOCK_RECEIVED] = g_signal_new ("stock-received", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                          G_TYPE_STRING, G_TYPE_POINTER);
}

static void
bo_store_init (BoStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

/* ---- errors and statements ----------------------------------------------- */

static gboolean
disk_is_full (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statvfs fs;

  return statvfs (dir, &fs) == 0 && fs.f_bavail == 0;
}

gboolean
_bo_store_set_read_only_error (BoStore  *self,
                               GError  **error)
{
  g_set_error (error, BO_ERROR, BO_ERROR_DATABASE,
               _("The shop “%s” is read-only (the file or its folder cannot be written); "
                 "it can be looked at, but nothing can be changed"), self->path);
  return FALSE;
}

gboolean
_bo_store_set_error (BoStore  *self,
                     int       rc,
                     GError  **error)
{
  const char *message = sqlite3_errmsg (self->db);

  /* SQLite's sum() stops at 64 bits with "integer overflow", and a product
   * beyond 64 bits turns into a REAL that a STRICT INTEGER column refuses;
   * both mean some amount is far beyond the limits, which we say in ours. */
  if ((rc & 0xff) == SQLITE_ERROR && g_strcmp0 (message, "integer overflow") == 0)
    {
      bo_money_set_overflow (error, _("A total of quantities or amounts"));
      return FALSE;
    }
  if (rc == SQLITE_CONSTRAINT_DATATYPE)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("A number is too large to be stored: quantities go up to 1,000,000,000 "
                     "and amounts up to 9,999,999.99 (the database said: %s)"),
                   message);
      return FALSE;
    }

  /* A full disk shows up as an I/O error on some writes (the WAL index,
   * a sync) rather than as SQLITE_FULL. */
  if ((rc & 0xff) == SQLITE_IOERR && disk_is_full (self->path))
    rc = SQLITE_FULL;
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, BO_ERROR, BO_ERROR_BUSY,
                   _("The database “%s” is locked by another program; try again when it is done"),
                   self->path);
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, BO_ERROR, BO_ERROR_DATABASE,
                   _("“%s” is not a Backorders database or is damaged (%s)"),
                   self->path, message);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The change breaks a rule of the database (%s)"), message);
      break;
    case SQLITE_FULL:
      g_set_error (error, BO_ERROR, BO_ERROR_DATABASE,
                   _("Cannot write the database “%s”: the disk is full; the change was not "
                     "saved"), self->path);
      break;
    case SQLITE_READONLY:
      _bo_store_set_read_only_error (self, error);
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, BO_ERROR, BO_ERROR_DATABASE,
                   _("Cannot write the database “%s” (%s)"), self->path, message);
      break;
    default:
      g_set_error (error, BO_ERROR, BO_ERROR_DATABASE,
                   _("Database error in “%s”: %s"), self->path, message);
      break;
    }
  return FALSE;
}

sqlite3_stmt *
_bo_store_prepare (BoStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (self->read_delay > 0)
    g_usleep (self->read_delay * G_TIME_SPAN_MILLISECOND);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_bo_store_exec (BoStore     *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _bo_store_set_error (self, rc, error);
  return TRUE;
}

gboolean
_bo_store_step_done (BoStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _bo_store_set_error (self, rc, error);
  return TRUE;
}

gboolean
_bo_store_query_int (BoStore     *self,
                     const char  *sql,
                     gint64       arg,
                     gint64      *out,
                     GError     **error)
{
  sqlite3_stmt *stmt = _bo_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, arg);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *out = 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _bo_store_set_error (self, rc, error);
  return TRUE;
}

char *
_bo_store_column_dup (sqlite3_stmt *stmt,
                      int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

/* Composes a list query with the ORDER BY clause of a sort key ("name", or
 * "-name" for descending; NULL for the first key). The text is interned, so
 * the statement cache, which is keyed by address, works for it too. */
const char *
_bo_store_sorted_sql (const char       *format,
                      const BoSortKey  *keys,
                      const char       *sort,
                      GError          **error)
{
  gboolean descending = sort != NULL && sort[0] == '-';
  const char *name = sort == NULL ? keys[0].key : sort + (descending ? 1 : 0);
  g_autofree char *sql = NULL;

  for (const BoSortKey *k = keys; k->key != NULL; k++)
    {
      if (!g_str_equal (k->key, name))
        continue;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      /* The clause may appear twice (an inner page query and its outer). */
      sql = g_strdup_printf (format, descending ? k->descending : k->ascending,
                             descending ? k->descending : k->ascending);
#pragma GCC diagnostic pop
      return g_intern_string (sql);
    }
  g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("Cannot sort by “%s”"), name);
  return NULL;
}

/**
 * _bo_store_like_pattern:
 * @search: (nullable): what the user typed
 *
 * Returns: (transfer full) (nullable): a LIKE pattern finding @search
 *   anywhere (with \ as the escape of % and _), or %NULL for no search
 */
char *
_bo_store_like_pattern (const char *search)
{
  GString *pattern;

  if (search == NULL || *search == '\0')
    return NULL;
  pattern = g_string_new ("%");
  for (const char *c = search; *c != '\0'; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *c);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* Runs a count query whose ?1 is the search pattern (NULL: no search). */
gint64
_bo_store_count_search (BoStore     *self,
                        const char  *sql,
                        const char  *search,
                        GError     **error)
{
  g_autofree char *pattern = _bo_store_like_pattern (search);
  sqlite3_stmt *stmt = _bo_store_prepare (self, sql, error);
  gint64 count = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _bo_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return count;
}

/* ---- transactions -------------------------------------------------------- */

gboolean
_bo_store_begin (BoStore  *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  if (self->read_only)
    return _bo_store_set_read_only_error (self, error);
  if (self->tx_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT bo_%u", self->tx_depth);
  if (!_bo_store_exec (self, sql, error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

/* A preview reads in one transaction, so that it sees one state of the shop,
 * but a deferred one: it never takes the write lock, and works on a shop
 * that cannot be written. */
gboolean
_bo_store_begin_read (BoStore  *self,
                      GError  **error)
{
  g_autofree char *sql = NULL;

  if (self->tx_depth == 0)
    sql = g_strdup ("BEGIN DEFERRED");
  else
    sql = g_strdup_printf ("SAVEPOINT bo_%u", self->tx_depth);
  if (!_bo_store_exec (self, sql, error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

void
_bo_store_snapshot (BoStore *self,
                    gint64   snapshot[2])
{
  snapshot[0] = bo_store_get_data_version (self);
  snapshot[1] = sqlite3_total_changes64 (self->db);
}

gboolean
_bo_store_commit (BoStore  *self,
                  GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (self->tx_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE bo_%u", self->tx_depth - 1);
  if (!_bo_store_exec (self, sql, error))
    {
      _bo_store_rollback (self);
      return FALSE;
    }
  self->tx_depth--;
  if (self->tx_depth == 0)
    g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

void
_bo_store_rollback (BoStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (self->tx_depth > 0);

  if (self->tx_depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO bo_%u; RELEASE bo_%u",
                           self->tx_depth - 1, self->tx_depth - 1);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->tx_depth--;
}

/* Ends an operation: commits when it went well and is meant to stay,
 * rolls back otherwise (a failure, or a preview). */
gboolean
_bo_store_finish (BoStore  *self,
                  gboolean  ok,
                  gboolean  keep,
                  GError  **error)
{
  if (ok && keep)
    return _bo_store_commit (self, error);
  _bo_store_rollback (self);
  return ok;
}

/* ---- dates --------------------------------------------------------------- */

guint32
_bo_date_from_iso (const char *text)
{
  return bo_date_parse_iso (text);
}

char *
_bo_date_to_iso (guint32 julian)
{
  return bo_date_format_iso (julian);
}

guint32
_bo_day_of_instant (gint64 unix_seconds)
{
  return bo_date_from_unix_local (unix_seconds);
}

guint32
_bo_column_date (sqlite3_stmt *stmt,
                 int           column)
{
  return _bo_date_from_iso ((const char *) sqlite3_column_text (stmt, column));
}

gboolean
_bo_bind_date (sqlite3_stmt *stmt,
               int           index,
               guint32       julian)
{
  char *iso = _bo_date_to_iso (julian);

  if (iso == NULL)
    return sqlite3_bind_null (stmt, index) == SQLITE_OK;
  return sqlite3_bind_text (stmt, index, iso, -1, g_free) == SQLITE_OK;
}

/* ---- opening and migrating ----------------------------------------------- */

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0 && errno == EEXIST)
    return TRUE;
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, BO_ERROR, BO_ERROR_DATABASE, _("Cannot create the database “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
pragma_int (BoStore     *self,
            const char  *sql,
            gint64      *value,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    return _bo_store_set_error (self, rc, error);
  return TRUE;
}

static gboolean
backup_before_migration (BoStore  *self,
                         gint64    version,
                         GError  **error)
{
  g_autofree char *copy = g_strdup_printf ("%s.v%" PRId64 ".bak", self->path, version);

  if (!_bo_store_backup_to (self, copy, BO_OUTPUT_FILE_SHOP_COPY, error))
    {
      g_prefix_error (error, _("No upgrade was made: the copy before the upgrade failed: "));
      return FALSE;
    }
  g_debug ("Copied %s to %s before upgrading from version %" PRId64,
           self->path, copy, version);
  return TRUE;
}

static gboolean
migrate (BoStore          *self,
         BoStoreOpenFlags  flags,
         GError          **error)
{
  gboolean fresh;
  gint64 version = 0;
  gint64 app_id = 0;
  gint64 tables = 0;

  if (!pragma_int (self, "PRAGMA user_version", &version, error) ||
      !pragma_int (self, "PRAGMA application_id", &app_id, error) ||
      !pragma_int (self, "SELECT count(*) FROM sqlite_schema", &tables, error))
    return FALSE;

  if (app_id != BO_APPLICATION_ID && (app_id != 0 || tables > 0))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_DATABASE,
                   _("“%s” is an SQLite database of another program, not a Backorders shop"),
                   self->path);
      return FALSE;
    }
  if (version > BO_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_DATABASE,
                   _("“%s” was written by a newer version of Backorders (schema %" PRId64
                     "); this version knows schema %d"),
                   self->path, version, BO_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (version == BO_STORE_SCHEMA_VERSION)
    return TRUE;
  if (self->read_only)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_DATABASE,
                   _("The shop “%s” is read-only and needs an upgrade from schema %" PRId64
                     " to %d, which writes to it"), self->path, version, BO_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (version > 0 && (flags & BO_STORE_OPEN_NO_UPGRADE_COPY) == 0 &&
      !backup_before_migration (self, version, error))
    return FALSE;

  /* A new shop is built in one transaction: a failure (a full disk) leaves
   * no half-built schema behind. An upgrade commits version by version. */
  fresh = version == 0;
  if (fresh && !_bo_store_begin (self, error))
    return FALSE;
  for (; version < BO_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *set_version = NULL;

      if (!fresh && !_bo_store_begin (self, error))
        return FALSE;
      set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %"
                                     PRId64, BO_APPLICATION_ID, version + 1);
      if (!_bo_store_exec (self, bo_store_migrations[version], error) ||
          (version + 1 == 5 && !fresh && !_bo_store_upgrade_reasons (self, error)) ||
          !_bo_store_exec (self, set_version, error))
        {
          _bo_store_rollback (self);
          if (fresh)
            g_prefix_error (error, _("Creating the shop failed: "));
          else
            g_prefix_error (error, _("Upgrading the database to schema %" PRId64 " failed: "),
                            version + 1);
          return FALSE;
        }
      if (!fresh && !_bo_store_commit (self, error))
        return FALSE;
    }
  if (fresh && !_bo_store_commit (self, error))
    {
      g_prefix_error (error, _("Creating the shop failed: "));
      return FALSE;
    }
  return TRUE;
}

/* The SQL that brings a shop from schema @version to @version + 1. */
const char *
_bo_store_migration (guint version)
{
  g_return_val_if_fail (version < BO_STORE_SCHEMA_VERSION, NULL);
  return bo_store_migrations[version];
}

static guint
busy_timeout_default (void)
{
  /* Tests shorten the wait for a locked database. */
  const char *env = g_getenv ("BACKORDERS_BUSY_TIMEOUT_MS");
  guint64 value;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 0, 600000, &value, NULL))
    return value;
  return 5000;
}

/* Whether this process may write @path and create files beside it (the
 * journal, the WAL); a read-only file, folder or mount may still be read. */
static gboolean
can_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* The effective ids decide what this process may write. */
  return faccessat (AT_FDCWD, path, W_OK, AT_EACCESS) == 0 &&
         faccessat (AT_FDCWD, dir, W_OK, AT_EACCESS) == 0;
}

/* Opens a shop that cannot be written. Without changes waiting in a -wal
 * file, the file alone is the shop: it is opened as immutable, so that
 * reading creates no -wal or -shm file beside it (files that a later
 * writer could not use). With changes waiting, SQLite reads them through
 * the -shm file, which it creates when the folder allows. */
static int
open_read_only (BoStore *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  GStatBuf st;
  int rc;

  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, "SELECT count (*) FROM sqlite_schema", NULL, NULL, NULL);
      return rc;
    }
  escaped = g_uri_escape_string (self->path, "/", FALSE);
  uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  return sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
}

/* Removes a shop that this open created, with its journal files. */
static void
remove_created (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal", NULL };

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

BoStore *
_bo_store_open_full (const char        *path,
                     BoStoreOpenFlags   flags,
                     GError           **error)
{
  g_autoptr(BoStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean created;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("Cannot open the database “%s”: the folder “%s” does not exist"), path, dir);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("Cannot open the database “%s”: it is a folder"), path);
      return NULL;
    }
  created = !g_file_test (path, G_FILE_TEST_EXISTS);
  if (!create_private_file (path, error))
    return NULL;

  self = g_object_new (BO_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  bo_output_file_protect_shop (path);
  self->read_only = !created && !can_write (path);
  if (self->read_only)
    rc = open_read_only (self);
  else
    rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK && self->read_only)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_DATABASE,
                   _("The shop “%s” is read-only and cannot be read as it is: its last changes "
                     "are still in “%s-wal”, which only a program allowed to write there can "
                     "apply"), path, path);
      return NULL;
    }
  if (rc != SQLITE_OK)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 0);
  sqlite3_busy_timeout (self->db, busy_timeout_default ());

  /* SQLite-specific set-up lives here and in the schema only. */
  if (!_bo_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      (!self->read_only &&
       (!_bo_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
        !_bo_store_exec (self, "PRAGMA synchronous = NORMAL", error))) ||
      !migrate (self, flags, error))
    {
      /* Creating a shop is all or nothing: no half-built file stays. */
      if (created)
        {
          g_clear_object (&self);
          remove_created (path);
        }
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * bo_store_open:
 * @path: the database file; created (readable by its owner only) when missing
 * @error: return location for a #GError
 *
 * Opens a shop, creating or upgrading its schema. Before an upgrade, a copy of
 * the file is written beside it as `PATH.vN.bak`. A shop that cannot be
 * written (a read-only file, folder or mount) is opened for reading: every
 * change is then refused with a message saying so.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
BoStore *
bo_store_open (const char  *path,
               GError     **error)
{
  return _bo_store_open_full (path, BO_STORE_OPEN_NONE, error);
}

/**
 * bo_store_is_read_only:
 *
 * Returns: %TRUE when the shop was opened for reading only
 */
gboolean
bo_store_is_read_only (BoStore *self)
{
  g_return_val_if_fail (BO_IS_STORE (self), FALSE);
  return self->read_only;
}

const char *
bo_store_get_path (BoStore *self)
{
  g_return_val_if_fail (BO_IS_STORE (self), NULL);
  return self->path;
}

/**
 * bo_store_set_now:
 * @now: Unix seconds to use as "now", or 0 for the real clock
 *
 * Fixes the store's clock, for tests and for sample shops built for a given day.
 */
void
bo_store_set_now (BoStore *self,
                  gint64   now)
{
  g_return_if_fail (BO_IS_STORE (self));
  self->now = now;
}

/**
 * bo_store_set_read_delay:
 * @milliseconds: how long each statement waits before it runs; 0 for none
 *
 * Makes the shop as slow as one on a slow disk or a far server, for tests
 * that check the window stays responsive while it reads. Connections made
 * with bo_store_open_another() are as slow.
 */
void
bo_store_set_read_delay (BoStore *self,
                         guint    milliseconds)
{
  g_return_if_fail (BO_IS_STORE (self));
  self->read_delay = milliseconds;
}

/**
 * bo_store_end_reads:
 *
 * Ends the reads left open: a statement stepped to a row and not reset
 * keeps its snapshot of the shop, and a connection kept for reading would
 * not see the changes written since through another.
 */
void
bo_store_end_reads (BoStore *self)
{
  sqlite3_stmt *stmt = NULL;

  g_return_if_fail (BO_IS_STORE (self));
  while ((stmt = sqlite3_next_stmt (self->db, stmt)) != NULL)
    if (sqlite3_stmt_busy (stmt))
      sqlite3_reset (stmt);
}

gint64
bo_store_get_now (BoStore *self)
{
  g_return_val_if_fail (BO_IS_STORE (self), 0);
  return self->now != 0 ? self->now : g_get_real_time () / G_USEC_PER_SEC;
}

guint32
bo_store_get_today (BoStore *self)
{
  return _bo_day_of_instant (bo_store_get_now (self));
}

void
bo_store_set_busy_timeout (BoStore *self,
                           guint    milliseconds)
{
  g_return_if_fail (BO_IS_STORE (self));
  sqlite3_busy_timeout (self->db, milliseconds);
}

/**
 * bo_store_get_data_version:
 *
 * Returns: a number that changes when another connection commits a change
 */
gint64
bo_store_get_data_version (BoStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (BO_IS_STORE (self), 0);
  pragma_int (self, "PRAGMA data_version", &version, NULL);
  return version;
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 BoStore           *self)
{
  gint64 version;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CHANGED &&
      event != G_FILE_MONITOR_EVENT_CREATED)
    return;
  /* data_version moves only for commits of other connections. */
  version = bo_store_get_data_version (self);
  if (version == self->data_version)
    return;
  self->data_version = version;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * bo_store_watch:
 *
 * Follows changes that other programs (backorders-cli, a second window)
 * commit to the same file: #BoStore::changed is emitted for them too.
 */
void
bo_store_watch (BoStore *self)
{
  g_return_if_fail (BO_IS_STORE (self));

  if (self->monitors != NULL)
    return;
  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  self->data_version = bo_store_get_data_version (self);
  /* In WAL mode a commit writes the -wal file; a checkpoint the file itself. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = i == 0 ? g_strdup (self->path) : g_strconcat (self->path, "-wal", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);

      if (monitor == NULL)
        continue;
      g_file_monitor_set_rate_limit (monitor, 200);
      g_signal_connect_object (monitor, "changed", G_CALLBACK (file_changed_cb), self, 0);
      g_ptr_array_add (self->monitors, monitor);
    }
}

gboolean
_bo_store_backup_to (BoStore            *self,
                     const char         *destination,
                     BoOutputFileFlags   flags,
                     GError            **error)
{
  g_autoptr(BoOutputFile) out = NULL;
  const char *temp;
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int rc;

  /* A backup is private, written beside its name and renamed when whole. */
  out = bo_output_file_new (destination, flags | BO_OUTPUT_FILE_PRIVATE, error);
  if (out == NULL)
    return FALSE;
  if ((temp = bo_output_file_get_temp_path (out, error)) == NULL)
    return FALSE;
  rc = sqlite3_open_v2 (temp, &target, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (target);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          else
            rc = sqlite3_errcode (target) != SQLITE_OK ? sqlite3_errcode (target) : rc;
        }
    }
  /* A backup is one self-contained file: it leaves WAL mode, so that no
   * -wal file is needed, or created, beside it when it is read. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (target, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      int system_errno = target != NULL ? sqlite3_system_errno (target) : 0;

      if ((rc & 0xff) == SQLITE_FULL || system_errno == ENOSPC)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     _("Cannot write the copy “%s”: the disk is full; nothing was written"),
                     destination);
      else if (system_errno == EFBIG)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     _("Cannot write the copy “%s”: it would be larger than the largest file "
                       "size allowed here; nothing was written"), destination);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the copy “%s”: %s"),
                     destination, target != NULL ? sqlite3_errmsg (target) : sqlite3_errstr (rc));
      sqlite3_close (target);
      return FALSE;
    }
  sqlite3_close (target);
  return bo_output_file_commit (out, error);
}

/**
 * bo_store_backup:
 * @destination: file to write; replaced when it exists (whatever it is)
 *
 * Copies the whole shop with SQLite's online backup, consistent even while
 * the shop is in use. The copy is readable by its owner only; it is written
 * under a temporary name and renamed when complete, and never over the shop
 * or its companion files.
 */
gboolean
bo_store_backup (BoStore     *self,
                 const char  *destination,
                 GError     **error)
{
  g_return_val_if_fail (BO_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  return _bo_store_backup_to (self, destination, BO_OUTPUT_FILE_NONE, error);
}

/* ---- settings ------------------------------------------------------------ */

const char * const *
bo_store_setting_keys (void)
{
  return setting_keys;
}

char *
bo_store_get_setting (BoStore    *self,
                      const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  stmt = _bo_store_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = _bo_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static gboolean
validate_setting (const char  *key,
                  const char  *value,
                  GError     **error)
{
  guint64 number;

  if (g_str_equal (key, "allocation-policy"))
    {
      BoPolicy policy;
      if (!bo_policy_from_string (value, &policy))
        goto invalid;
    }
  else if (g_str_equal (key, "handling-days"))
    {
      if (!g_ascii_string_to_unsigned (value, 10, 0, 60, &number, NULL))
        goto invalid;
    }
  else if (g_str_equal (key, "supplier-choice"))
    {
      BoSupplierChoice choice;
      if (!bo_supplier_choice_from_string (value, &choice))
        goto invalid;
    }
  else if (g_str_equal (key, "currency"))
    {
      if (strlen (value) != 3 || !g_ascii_isupper (value[0]) || !g_ascii_isupper (value[1]) ||
          !g_ascii_isupper (value[2]))
        goto invalid;
    }
  else if (g_str_equal (key, "shop-name"))
    {
      if (strlen (value) > 200 || !g_utf8_validate (value, -1, NULL) ||
          bo_text_find_control (value, BO_TEXT_LINE) != 0)
        goto invalid;
    }
  else
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("Unknown setting “%s”"), key);
      return FALSE;
    }
  return TRUE;

invalid:
  if (g_str_equal (key, "allocation-policy"))
    g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                 _("Invalid value “%s” for %s: expected fifo, fair-share or pro-rata"), value, key);
  else if (g_str_equal (key, "handling-days"))
    g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                 _("Invalid value “%s” for %s: expected a whole number of days from 0 to 60"),
                 value, key);
  else if (g_str_equal (key, "supplier-choice"))
    g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                 _("Invalid value “%s” for %s: expected cheapest or fastest"), value, key);
  else if (g_str_equal (key, "currency"))
    g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                 _("Invalid value “%s” for %s: expected a three-letter ISO 4217 code such as EUR"),
                 value, key);
  else
    g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("Invalid value “%s” for %s"), value, key);
  return FALSE;
}

/* Writes a setting and its event inside the caller's transaction, and
 * nothing that follows from it (the caller refreshes what depends on it). */
gboolean
_bo_store_put_setting (BoStore     *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  sqlite3_stmt *stmt = _bo_store_prepare (self,
                                          "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                          "ON CONFLICT (key) DO UPDATE SET value = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return _bo_store_step_done (self, stmt, error) &&
         _bo_store_log_event (self, "setting", key, value, error);
}

/**
 * _bo_store_check_amount:
 *
 * bo_check_amount_in() with the shop's currency, which is read only when
 * the message needs it.
 */
gboolean
_bo_store_check_amount (BoStore     *self,
                        gint64       value,
                        const char  *field,
                        GError     **error)
{
  g_autofree char *currency = NULL;

  if (bo_check_amount (value, field, NULL))
    return TRUE;
  currency = bo_store_get_setting (self, "currency");
  return bo_check_amount_in (value, currency, field, error);
}

/* The shop keeps amounts as whole numbers of the currency's minor units:
 * 800000 is 8,000.00 EUR but 800,000 JPY. Moving to a currency with another
 * number of decimals would silently change every price, cost and total, and
 * converting them would round (EUR to JPY drops cents) or overflow the
 * limits (JPY to KWD multiplies by 1000); so it is refused while the shop
 * holds any amount. */
static gboolean
check_currency_change (BoStore     *self,
                       const char  *value,
                       GError     **error)
{
  g_autofree char *current = bo_store_get_setting (self, "currency");
  guint before = bo_currency_exponent (current);
  guint after = bo_currency_exponent (value);
  gint64 amounts = 0;

  if (before == after)
    return TRUE;
  if (!_bo_store_query_int (self,
                            "SELECT EXISTS (SELECT 1 FROM products WHERE price > 0 OR cost > 0)"
                            " OR EXISTS (SELECT 1 FROM product_suppliers WHERE cost > 0)"
                            " OR EXISTS (SELECT 1 FROM order_lines"
                            "            WHERE unit_price > 0 OR refunded > 0)"
                            " OR EXISTS (SELECT 1 FROM po_lines WHERE cost > 0)"
                            " OR EXISTS (SELECT 1 FROM goodwill)",
                            0, &amounts, error))
    return FALSE;
  if (!amounts)
    return TRUE;
  g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
               /* TRANSLATORS: the numbers are how many decimals the currencies have,
                * e.g. "… from EUR (2 decimals) to JPY (0 decimals) …" */
               _("The currency cannot change from %s (%u decimals) to %s (%u decimals): "
                 "the shop’s prices, costs and orders are stored in units of %s and would "
                 "all change value. Choose a currency with %u decimals, or start a new "
                 "shop for %s."),
               current != NULL ? current : "", before, value, after,
               current != NULL ? current : "", before, value);
  return FALSE;
}

/**
 * bo_store_set_setting:
 * @key: one of bo_store_setting_keys()
 *
 * Sets a business setting; invalid values are refused with a message naming
 * the key and what it expects. Changing the handling days or the allocation
 * policy moves the promise dates in the same transaction. The currency
 * cannot change to one with another number of decimals once the shop holds
 * amounts (%BO_ERROR_REFUSED).
 */
gboolean
bo_store_set_setting (BoStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (!validate_setting (key, value, error))
    return FALSE;
  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (!g_str_equal (key, "currency") || check_currency_change (self, value, error)) &&
       _bo_store_put_setting (self, key, value, error);
  /* Promise dates follow the handling days and the policy that pegs them. */
  if (ok && (g_str_equal (key, "handling-days") || g_str_equal (key, "allocation-policy")))
    ok = bo_store_refresh_promises (self, NULL, error);
  return _bo_store_finish (self, ok, TRUE, error);
}

/**
 * bo_store_validate_setting:
 *
 * Checks a value without saving it, for forms that validate as you type.
 *
 * Returns: %TRUE when bo_store_set_setting() would accept @value for @key
 */
gboolean
bo_store_validate_setting (const char  *key,
                           const char  *value,
                           GError     **error)
{
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);
  return validate_setting (key, value, error);
}

BoPolicy
bo_store_get_policy (BoStore *self)
{
  g_autofree char *value = bo_store_get_setting (self, "allocation-policy");
  BoPolicy policy = BO_POLICY_FIFO;

  if (value != NULL)
    bo_policy_from_string (value, &policy);
  return policy;
}

guint
bo_store_get_handling_days (BoStore *self)
{
  g_autofree char *value = bo_store_get_setting (self, "handling-days");
  guint64 days = 0;

  if (value != NULL)
    g_ascii_string_to_unsigned (value, 10, 0, 60, &days, NULL);
  return days;
}

void
_bo_store_emit_stock_received (BoStore                  *self,
                               const char               *po_number,
                               const BoAllocationResult *result)
{
  g_signal_emit (self, signals[STOCK_RECEIVED], 0, po_number, result);
}

/* ---- shared write helpers ------------------------------------------------- */

/* The next free number of a numbered document, and its counter. */
static char *
choose_number (BoStore     *self,
               const char  *key,
               guint64     *counter,
               GError     **error)
{
  static const char *select_sql = "SELECT value FROM settings WHERE key = ?";
  static const char *order_taken = "SELECT 1 FROM orders WHERE number = ?";
  static const char *po_taken = "SELECT 1 FROM purchase_orders WHERE number = ?";
  gboolean is_po = g_str_equal (key, "next-po-number");
  sqlite3_stmt *stmt;
  guint64 next = 1;
  char *number = NULL;

  if ((stmt = _bo_store_prepare (self, select_sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_ascii_string_to_unsigned ((const char *) sqlite3_column_text (stmt, 0), 10, 1,
                                G_MAXINT64, &next, NULL);
  sqlite3_reset (stmt);

  /* Skip numbers already taken by imported or hand-numbered documents. */
  for (;;)
    {
      gint64 taken = 0;

      g_free (number);
      number = is_po ? g_strdup_printf ("PO-%04" PRIu64, next)
                     : g_strdup_printf ("%" PRIu64, next);
      if ((stmt = _bo_store_prepare (self, is_po ? po_taken : order_taken, error)) == NULL)
        {
          g_free (number);
          return NULL;
        }
      sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
      taken = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!taken)
        break;
      next++;
    }
  *counter = next;
  return number;
}

/* The number the next document would get, without using it up. */
char *
_bo_store_peek_number (BoStore     *self,
                       const char  *key,
                       GError     **error)
{
  guint64 next;

  return choose_number (self, key, &next, error);
}

char *
_bo_store_next_number (BoStore     *self,
                       const char  *key,
                       GError     **error)
{
  static const char *update_sql = "UPDATE settings SET value = ?2 WHERE key = ?1";
  guint64 next = 1;
  sqlite3_stmt *stmt;
  char *number;

  if ((number = choose_number (self, key, &next, error)) == NULL)
    return NULL;
  if ((stmt = _bo_store_prepare (self, update_sql, error)) == NULL)
    {
      g_free (number);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (gint64) next + 1);
  if (!_bo_store_step_done (self, stmt, error))
    g_clear_pointer (&number, g_free);
  return number;
}

gboolean
_bo_store_log_event (BoStore     *self,
                     const char  *kind,
                     const char  *subject,
                     const char  *detail,
                     GError     **error)
{
  sqlite3_stmt *stmt = _bo_store_prepare (self,
                                          "INSERT INTO events (at, kind, subject, detail) "
                                          "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bo_store_get_now (self));
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, subject, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, detail != NULL ? detail : "", -1, SQLITE_STATIC);
  return _bo_store_step_done (self, stmt, error);
}

gboolean
_bo_store_move_stock (BoStore     *self,
                      gint64       product_id,
                      gint64       delta,
                      const char  *reason,
                      const char  *reference,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  if (delta == 0)
    return TRUE;
  /* Every way stock arrives (receipts, adjustments, returns) keeps it
   * within the limit that keeps stock values inside 64 bits. */
  if (delta > 0)
    {
      gint64 on_hand = 0;

      if (!_bo_store_query_int (self, "SELECT on_hand FROM products WHERE id = ?", product_id,
                                &on_hand, error))
        return FALSE;
      if (delta > BO_QUANTITY_MAX - on_hand)
        {
          g_autofree char *limit = bo_quantity_format_plain (BO_QUANTITY_MAX);

          g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                       _("This would bring the stock of a product to more than %s units, "
                         "the most Backorders keeps (%" PRId64 " on hand, %" PRId64 " more)"),
                       limit, on_hand, delta);
          return FALSE;
        }
    }
  stmt = _bo_store_prepare (self, "UPDATE products SET on_hand = on_hand + ?2 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int64 (stmt, 2, delta);
  if (!_bo_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _bo_store_prepare (self,
                            "INSERT INTO stock_movements (at, product_id, delta, reason, reference) "
                            "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bo_store_get_now (self));
  sqlite3_bind_int64 (stmt, 2, product_id);
  sqlite3_bind_int64 (stmt, 3, delta);
  sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, reference != NULL ? reference : "", -1, SQLITE_STATIC);
  return _bo_store_step_done (self, stmt, error);
}

/* Records a change of a line's open backordered quantity: the product's
 * running total and the backlog history move together. */
gboolean
_bo_store_backlog_move (BoStore  *self,
                        gint64    line_id,
                        gint64    units,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  if (units == 0)
    return TRUE;
  stmt = _bo_store_prepare (self,
                            "UPDATE products SET backordered = backordered + ?2 "
                            "WHERE id = (SELECT product_id FROM order_lines WHERE id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  sqlite3_bind_int64 (stmt, 2, units);
  if (!_bo_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _bo_store_prepare (self,
                            "INSERT INTO backlog_movements (day, line_id, units, value) "
                            "SELECT ?1, id, ?3, ?3 * unit_price FROM order_lines WHERE id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  _bo_bind_date (stmt, 1, bo_store_get_today (self));
  sqlite3_bind_int64 (stmt, 2, line_id);
  sqlite3_bind_int64 (stmt, 3, units);
  return _bo_store_step_done (self, stmt, error);
}
