/* bo-reader.c — a second connection to the shop, for reading in worker threads
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list page or a dialog's contents read on the main thread holds up the
 * window for as long as the query takes, which on a large shop is longer
 * than a frame. They are read in worker threads instead, on a connection
 * of their own (a #BoStore is used by one thread at a time; SQLite's WAL
 * lets it read while the window's connection writes). The window's lists
 * and dialogs share one such connection per shop, taking turns through its
 * lock; a database in memory has none, and is read on the main thread.
 */
#define G_LOG_DOMAIN "bo-reader"

#include "config.h"

#include "bo-reader.h"

struct _BoReader
{
  BoStore *store;
  GMutex   lock;
};

static void
reader_clear (gpointer data)
{
  BoReader *reader = data;

  g_clear_object (&reader->store);
  g_mutex_clear (&reader->lock);
}

/**
 * bo_reader_get_for:
 *
 * Returns: (transfer full) (nullable): the reading connection shared by
 *   the window's users of @store, or %NULL when @store cannot have a second
 *   connection (it is in memory, or opening one failed)
 */
BoReader *
bo_reader_get_for (BoStore *store)
{
  static GQuark quark;
  const char *path;
  BoReader *reader;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  if (quark == 0)
    quark = g_quark_from_static_string ("bo-reader");
  reader = g_object_get_qdata (G_OBJECT (store), quark);
  if (reader != NULL)
    return bo_reader_ref (reader);

  path = bo_store_get_path (store);
  if (path == NULL || *path == '\0' || g_str_equal (path, ":memory:"))
    return NULL;
  reader = g_rc_box_new0 (BoReader);
  g_mutex_init (&reader->lock);
  reader->store = bo_store_open_another (store, &error);
  if (reader->store == NULL)
    {
      g_debug ("Reading on the window's connection: %s", error->message);
      g_rc_box_release_full (reader, reader_clear);
      return NULL;
    }
  g_object_set_qdata_full (G_OBJECT (store), quark, reader, (GDestroyNotify) bo_reader_unref);
  return bo_reader_ref (reader);
}

BoReader *
bo_reader_ref (BoReader *reader)
{
  return g_rc_box_acquire (reader);
}

void
bo_reader_unref (BoReader *reader)
{
  g_rc_box_release_full (reader, reader_clear);
}

/**
 * bo_reader_lock:
 * @now: the window's clock (bo_store_get_now()), which the reads follow
 *
 * Waits for the connection to be free, in a worker thread.
 *
 * Returns: (transfer none): the connection, until bo_reader_unlock()
 */
BoStore *
bo_reader_lock (BoReader *reader,
                gint64    now)
{
  g_mutex_lock (&reader->lock);
  bo_store_set_now (reader->store, now);
  return reader->store;
}

void
bo_reader_unlock (BoReader *reader)
{
  bo_store_end_reads (reader->store);
  g_mutex_unlock (&reader->lock);
}
