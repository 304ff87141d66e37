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

/* How long the main thread waits for a read before it goes on: half a
 * frame, so that a quick read (a small shop) shows at once, without a
 * flash of empty rows or fields. */
static guint read_wait_ms = 8;

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

/**
 * bo_reader_set_read_wait:
 * @milliseconds: how long the main thread waits for a read
 *
 * How long a read is waited for before the window goes on without it;
 * tests that look at what was read as soon as they asked wait longer.
 */
void
bo_reader_set_read_wait (guint milliseconds)
{
  read_wait_ms = milliseconds;
}

guint
bo_reader_get_read_wait (void)
{
  return read_wait_ms;
}

typedef struct
{
  GWeakRef        owner;   /* the task holds no reference: see read_done_cb() */
  BoReader       *reader;
  gint64          now;
  BoReadFunc      read;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
  BoReadDoneFunc  done;

  GMutex          mutex;   /* guards what follows */
  GCond           cond;
  gboolean        finished;
  gboolean        taken;   /* given to done() already */
  gpointer        result;
  GError         *error;
} Read;

static void
read_clear (gpointer data)
{
  Read *read = data;

  if (read->result != NULL && read->result_free != NULL)
    read->result_free (read->result);
  if (read->data_free != NULL)
    read->data_free (read->data);
  g_clear_error (&read->error);
  g_clear_pointer (&read->reader, bo_reader_unref);
  g_weak_ref_clear (&read->owner);
  g_mutex_clear (&read->mutex);
  g_cond_clear (&read->cond);
}

static void
read_unref (gpointer read)
{
  g_atomic_rc_box_release_full (read, read_clear);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Read *read = task_data;
  GError *error = NULL;
  gpointer result = NULL;

  if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      result = read->read (bo_reader_lock (read->reader, read->now), read->data, &error);
      bo_reader_unlock (read->reader);
    }
  g_mutex_lock (&read->mutex);
  read->result = result;
  read->error = error;
  read->finished = TRUE;
  g_cond_signal (&read->cond);
  g_mutex_unlock (&read->mutex);
  g_task_return_boolean (task, TRUE);
}

/* Whether @read is for done() now: once, and not once cancelled. */
static gboolean
take (Read         *read,
      GCancellable *cancellable)
{
  gboolean taken;

  g_mutex_lock (&read->mutex);
  taken = read->taken;
  read->taken = read->finished;
  g_mutex_unlock (&read->mutex);
  return read->finished && !taken && !g_cancellable_is_cancelled (cancellable);
}

/* On the main thread. The task has no source object: a worker may drop
 * the task's last reference, and a widget must not be finalized there. */
static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Read *read = g_task_get_task_data (G_TASK (result));
  g_autoptr(GObject) owner = g_weak_ref_get (&read->owner);

  if (owner != NULL && take (read, g_task_get_cancellable (G_TASK (result))))
    read->done (owner, read->result, read->error);
}

/**
 * bo_reader_read:
 * @now: the window's clock (bo_store_get_now())
 * @owner: a #GObject; @done is not called once it is gone
 * @cancellable: (nullable): drops the read; @done is not called then
 * @read: reads in a worker thread, from the store it is given only
 * @data: (transfer full): for @read
 * @data_free: (nullable): frees @data
 * @result_free: (nullable): frees what @read returns, after @done
 * @done: takes what was read, on the main thread
 *
 * Reads on the reader's connection in a worker thread. A read done within
 * bo_reader_get_read_wait() is given to @done before this returns; a
 * slower one later, while the window goes on.
 */
void
bo_reader_read (BoReader       *reader,
                gint64          now,
                gpointer        owner,
                GCancellable   *cancellable,
                BoReadFunc      read,
                gpointer        data,
                GDestroyNotify  data_free,
                GDestroyNotify  result_free,
                BoReadDoneFunc  done)
{
  Read *job = g_atomic_rc_box_new0 (Read);
  g_autoptr(GTask) task = NULL;
  gint64 deadline = g_get_monotonic_time () + read_wait_ms * G_TIME_SPAN_MILLISECOND;

  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  g_weak_ref_init (&job->owner, owner);
  job->reader = bo_reader_ref (reader);
  job->now = now;
  job->read = read;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->done = done;

  task = g_task_new (NULL, cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, bo_reader_read);
  g_task_set_task_data (task, g_atomic_rc_box_acquire (job), read_unref);
  g_task_run_in_thread (task, read_thread);

  g_mutex_lock (&job->mutex);
  while (!job->finished)
    if (!g_cond_wait_until (&job->cond, &job->mutex, deadline))
      break;
  g_mutex_unlock (&job->mutex);
  if (take (job, cancellable))
    done (owner, job->result, job->error);
  read_unref (job);
}
