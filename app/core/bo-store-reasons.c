/* bo-store-reasons.c — lines' reasons and events' details, kept as data
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reason is written as its kind and numbers (bo-reason.h) and read back
 * as a sentence in the reader's language. Versions before schema 5 stored
 * English sentences; the upgrade reads them back into kinds here, and keeps
 * what it does not recognise (a sentence in another language) as written.
 */
#define G_LOG_DOMAIN "bo-store"
#include "config.h"

#include "bo-store-private.h"
#include "backorders/bo-reason.h"

/* Binds @reason to three parameters of @stmt, from @first: kind, numbers, text. */
void
_bo_store_bind_reason (sqlite3_stmt   *stmt,
                       int             first,
                       const BoReason *reason)
{
  sqlite3_bind_text (stmt, first, bo_reason_kind_to_string (reason->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 1, bo_reason_args_to_string (reason), -1, g_free);
  sqlite3_bind_text (stmt, first + 2, reason->text != NULL ? reason->text : "", -1,
                     SQLITE_TRANSIENT);
}

/* The sentence of the reason in three columns of @stmt, from @first: kind,
 * numbers, text. */
char *
_bo_store_column_reason (sqlite3_stmt *stmt,
                         int           first)
{
  return bo_reason_describe_stored ((const char *) sqlite3_column_text (stmt, first),
                                    (const char *) sqlite3_column_text (stmt, first + 1),
                                    (const char *) sqlite3_column_text (stmt, first + 2));
}

/* Like _bo_store_log_event(), for an event whose detail is made when it is
 * read (bo_event_describe()): @args are its numbers, @texts (nullable,
 * NULL-terminated) its text arguments. */
gboolean
_bo_store_log_event_args (BoStore             *self,
                          const char          *kind,
                          const char          *subject,
                          const gint64        *args,
                          guint                n_args,
                          const char * const  *texts,
                          GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (n_args > 0, FALSE);

  stmt = _bo_store_prepare (self, "INSERT INTO events (at, kind, subject, detail, args) "
                            "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bo_store_get_now (self));
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, subject != NULL ? subject : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, texts != NULL ? g_strjoinv (BO_EVENT_TEXT_SEPARATOR, (char **) texts)
                                            : g_strdup (""), -1, g_free);
  sqlite3_bind_text (stmt, 5, bo_args_to_string (args, n_args), -1, g_free);
  return _bo_store_step_done (self, stmt, error);
}

/* The sentences that lines kept, read back into kinds. Each distinct
 * sentence is read once; one that is not recognised stays, shown as it was
 * written. */
static gboolean
upgrade_line_reasons (BoStore  *self,
                      GError  **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_strfreev);
  sqlite3_stmt *read = NULL;
  sqlite3_stmt *write = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT id, reason FROM order_lines WHERE reason <> ''",
                           -1, &read, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (self->db, "UPDATE order_lines SET reason_kind = ?2, "
                             "  reason_args = ?3, reason = ?4 WHERE id = ?1", -1, &write, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      const char *sentence = (const char *) sqlite3_column_text (read, 1);
      char **stored = g_hash_table_lookup (known, sentence);

      if (stored == NULL)
        {
          g_auto(BoReason) reason = BO_REASON_INIT;

          if (!bo_reason_parse_english (sentence, &reason))
            stored = g_new0 (char *, 1);
          else
            {
              stored = g_new0 (char *, 4);
              stored[0] = g_strdup (bo_reason_kind_to_string (reason.kind));
              stored[1] = bo_reason_args_to_string (&reason);
              stored[2] = g_strdup (reason.text != NULL ? reason.text : "");
            }
          g_hash_table_insert (known, g_strdup (sentence), stored);
        }
      rc = SQLITE_OK;
      if (stored[0] == NULL)
        continue;

      sqlite3_bind_int64 (write, 1, sqlite3_column_int64 (read, 0));
      sqlite3_bind_text (write, 2, stored[0], -1, SQLITE_STATIC);
      sqlite3_bind_text (write, 3, stored[1], -1, SQLITE_STATIC);
      sqlite3_bind_text (write, 4, stored[2], -1, SQLITE_STATIC);
      rc = sqlite3_step (write);
      sqlite3_reset (write);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (read);
  sqlite3_finalize (write);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    return _bo_store_set_error (self, rc, error);
  return TRUE;
}

/* The details that events kept, read back into numbers and texts; one that
 * is not recognised stays without numbers, shown as it was written. */
static gboolean
upgrade_event_details (BoStore  *self,
                       GError  **error)
{
  sqlite3_stmt *read = NULL;
  sqlite3_stmt *write = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT id, kind, detail FROM events WHERE detail <> ''",
                           -1, &read, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (self->db, "UPDATE events SET args = ?2, detail = ?3 WHERE id = ?1",
                             -1, &write, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      g_autofree char *args = NULL;
      g_autofree char *texts = NULL;

      rc = SQLITE_OK;
      if (!bo_event_parse_english ((const char *) sqlite3_column_text (read, 1),
                                   (const char *) sqlite3_column_text (read, 2), &args, &texts))
        continue;
      sqlite3_bind_int64 (write, 1, sqlite3_column_int64 (read, 0));
      sqlite3_bind_text (write, 2, args, -1, SQLITE_STATIC);
      sqlite3_bind_text (write, 3, texts, -1, SQLITE_STATIC);
      rc = sqlite3_step (write);
      sqlite3_reset (write);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (read);
  sqlite3_finalize (write);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    return _bo_store_set_error (self, rc, error);
  return TRUE;
}

/* The upgrade to schema 5, after its SQL (bo-store-schema.sql.h). */
gboolean
_bo_store_upgrade_reasons (BoStore  *self,
                           GError  **error)
{
  return upgrade_line_reasons (self, error) && upgrade_event_details (self, error);
}
