/* bo-paged-model.c — a list model that reads rows from the store a page at a time
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like Sysprof's documents, the model knows how many rows there are and
 * builds items only when asked for them: a million order lines scroll like a
 * hundred, and only the pages near what is shown stay in memory.
 */
#define G_LOG_DOMAIN "bo-paged-model"

#include "config.h"

#include "bo-paged-model.h"
#include "bo-reader.h"

#include <string.h>

#define PAGE_SIZE 100
#define MAX_PAGES 12
/* Offscreen rows told of a reload per idle step: each step relabels a few
 * dozen rows, well within a frame. */
#define NOTIFY_BATCH 40

/* What a reload reads (a search, sort and filter, and the connection),
 * shared by its reads in whatever thread ends last. */
typedef struct
{
  gpointer       data;
  GDestroyNotify free;
} Query;

static void
query_clear (gpointer box)
{
  Query *query = box;

  if (query->free != NULL)
    query->free (query->data);
}

static void
query_unref (Query *query)
{
  g_atomic_rc_box_release_full (query, query_clear);
}

struct _BoPagedModel
{
  GObject        parent_instance;

  /* borrowed */
  BoQueryFunc    query;
  BoCountFunc    count;
  BoFetchFunc    fetch;
  gpointer       user_data;

  /* owned */
  GType          item_type;
  GDestroyNotify query_free;
  gboolean       threaded;
  GHashTable    *pages;      /* page number → GPtrArray of items */
  GQueue         recent;     /* page numbers, most recently used first */
  GError        *error;
  guint          n_items;
  guint          n_fetched;  /* rows read since the model was made */
  guint          shown_first;  /* the rows on screen, told of a reload first */
  guint          shown_count;
  GPtrArray     *unnotified;   /* refilled items held offscreen, told in an idle */
  guint          notify_id;

  /* Reads in worker threads: each reload starts a generation, whose reads
   * share a snapshot of what to read and a cancellable; the results of an
   * older generation are dropped. */
  guint          generation;
  Query         *current_query;
  GCancellable  *cancellable;
  guint          n_pending;  /* reads running or queued, of any generation */
};

/* One read: the count and some runs of pages for a reload, or one page
 * asked for by the view. Made on the main thread, run in a worker, its
 * results applied on the main thread. */
typedef struct
{
  GWeakRef       model;      /* the task holds no reference: see job_done_cb() */
  guint          generation;
  gboolean       reload;     /* count, and refill the held pages */
  GArray        *runs;       /* guint pairs: first page, number of pages */
  Query         *query;
  BoCountFunc    count;
  BoFetchFunc    fetch;

  GMutex         mutex;      /* guards what follows */
  GCond          cond;
  gboolean       done;
  gboolean       taken;      /* applied already, while the main thread waited */
  gint64         n;
  GPtrArray     *fresh;      /* one GPtrArray of items per run */
  GError        *error;
} Job;

static void list_model_iface_init (GListModelInterface *iface);
static Job *start_job (BoPagedModel *self, gboolean reload, GArray *runs);
static void apply_job (BoPagedModel *self, Job *job);

G_DEFINE_FINAL_TYPE_WITH_CODE (BoPagedModel, bo_paged_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark
loading_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("bo-paged-model-loading");
  return quark;
}

static GType
get_item_type (GListModel *model)
{
  return BO_PAGED_MODEL (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  return BO_PAGED_MODEL (model)->n_items;
}

/* Whether anyone besides this model holds a row of @items: a row widget of
 * the view, or the selection. */
static gboolean
page_is_held (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    if (G_OBJECT (g_ptr_array_index (items, i))->ref_count > 1)
      return TRUE;
  return FALSE;
}

static void
touch_page (BoPagedModel *self,
            guint         page)
{
  GList *link = g_queue_find (&self->recent, GUINT_TO_POINTER (page));

  if (link != NULL)
    g_queue_unlink (&self->recent, link), g_list_free_1 (link);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));

  /* Forget the least recently used pages, but never one whose rows are
   * shown: a reload refreshes exactly the rows this model still holds. */
  link = self->recent.tail;
  while (self->recent.length > MAX_PAGES && link != NULL)
    {
      GList *previous = link->prev;
      guint old = GPOINTER_TO_UINT (link->data);

      if (!page_is_held (g_hash_table_lookup (self->pages, GUINT_TO_POINTER (old))))
        {
          g_hash_table_remove (self->pages, GUINT_TO_POINTER (old));
          g_queue_delete_link (&self->recent, link);
        }
      link = previous;
    }
}

/* A page of rows not read yet: empty items marked as loading, which the
 * page's read fills in place. */
static GPtrArray *
placeholder_page (BoPagedModel *self,
                  guint         page)
{
  guint n = MIN (PAGE_SIZE, self->n_items - page * PAGE_SIZE);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_object_new (self->item_type, NULL);

      g_object_set_qdata (item, loading_quark (), GINT_TO_POINTER (TRUE));
      g_ptr_array_add (items, item);
    }
  return items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BoPagedModel *self = BO_PAGED_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint));
      guint one = 1;

      items = placeholder_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
      g_array_append_val (runs, page);
      g_array_append_val (runs, one);
      touch_page (self, page);
      start_job (self, FALSE, runs);
      items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
      if (items == NULL || position >= self->n_items)
        return g_object_new (self->item_type, NULL);
    }
  touch_page (self, page);

  if (position % PAGE_SIZE >= items->len)
    return g_object_new (self->item_type, NULL);
  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
bo_paged_model_finalize (GObject *object)
{
  BoPagedModel *self = BO_PAGED_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->current_query, query_unref);
  g_clear_handle_id (&self->notify_id, g_source_remove);
  g_clear_pointer (&self->unnotified, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->recent);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (bo_paged_model_parent_class)->finalize (object);
}

static void
bo_paged_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BoPagedModel *self = BO_PAGED_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->n_pending > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_paged_model_class_init (BoPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bo_paged_model_finalize;
  object_class->get_property = bo_paged_model_get_property;

  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * BoPagedModel:loading:
   *
   * Whether rows are being read: the count of a reload, or pages of rows
   * shown as loading meanwhile.
   */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                   G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bo_paged_model_init (BoPagedModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->unnotified = g_ptr_array_new_with_free_func (g_object_unref);
  g_queue_init (&self->recent);
}

/**
 * bo_paged_model_new:
 * @item_type: the #GObject type of the items @fetch returns
 * @query: takes, on the main thread, what a reload is to read
 * @query_free: frees what @query returns
 * @count: counts the rows of a query
 * @fetch: reads a page of rows of a query
 * @user_data: (nullable): for @query; must outlive the model
 *
 * With bo_paged_model_set_threaded(), @count and @fetch run in worker
 * threads, on what @query returned: they must read nothing else.
 *
 * Returns: (transfer full): an empty model; call bo_paged_model_reload()
 */
BoPagedModel *
bo_paged_model_new (GType          item_type,
                    BoQueryFunc    query,
                    GDestroyNotify query_free,
                    BoCountFunc    count,
                    BoFetchFunc    fetch,
                    gpointer       user_data)
{
  BoPagedModel *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (query != NULL && count != NULL && fetch != NULL, NULL);

  self = g_object_new (BO_TYPE_PAGED_MODEL, NULL);
  self->item_type = item_type;
  self->query = query;
  self->query_free = query_free;
  self->count = count;
  self->fetch = fetch;
  self->user_data = user_data;
  return self;
}

static void
notify_all (GObject *item)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (item), &n_pspecs);
  g_object_freeze_notify (item);
  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i]->flags & G_PARAM_READABLE)
      g_object_notify_by_pspec (item, pspecs[i]);
  g_object_thaw_notify (item);
}

static gboolean
notify_offscreen_cb (gpointer user_data)
{
  BoPagedModel *self = user_data;
  guint n = MIN (self->unnotified->len, NOTIFY_BATCH);

  for (guint i = 0; i < n; i++)
    notify_all (g_ptr_array_index (self->unnotified, i));
  g_ptr_array_remove_range (self->unnotified, 0, n);
  if (self->unnotified->len > 0)
    return G_SOURCE_CONTINUE;
  self->notify_id = 0;
  return G_SOURCE_REMOVE;
}

/* Gives @item (at @position) what @fresh holds, and tells whoever shows
 * @item: at once for the rows on screen, in idle steps after the next frame
 * for the rows the view keeps offscreen, so that relabelling 200 rows does
 * not hold up one frame. The items are plain values (their fields own their
 * data and point nowhere back), so swapping the fields of two items of one
 * type swaps what they are. */
static void
refill_item (BoPagedModel *self,
             GObject      *item,
             GObject      *fresh,
             guint         position)
{
  GTypeQuery query;
  gsize size;
  g_autofree guint8 *swap = NULL;

  g_type_query (G_OBJECT_TYPE (item), &query);
  size = query.instance_size - sizeof (GObject);
  swap = g_malloc (size);
  memcpy (swap, (guint8 *) item + sizeof (GObject), size);
  memcpy ((guint8 *) item + sizeof (GObject), (guint8 *) fresh + sizeof (GObject), size);
  memcpy ((guint8 *) fresh + sizeof (GObject), swap, size);

  /* Only a row someone shows needs telling. */
  if (item->ref_count == 1)
    return;
  if (self->shown_count == 0 ||
      (position >= self->shown_first && position - self->shown_first < self->shown_count))
    {
      notify_all (item);
      return;
    }
  g_ptr_array_add (self->unnotified, g_object_ref (item));
  if (self->notify_id == 0)
    self->notify_id = g_idle_add (notify_offscreen_cb, self);
}

static gint
compare_pages (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->runs, g_array_unref);
  g_clear_pointer (&job->fresh, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_clear_pointer (&job->query, query_unref);
  g_weak_ref_clear (&job->model);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
}

static void
job_unref (Job *job)
{
  g_atomic_rc_box_release_full (job, job_free);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_unref)

/* Reads what @job asks for, in a worker thread or, without one, on the
 * main thread. A run of adjacent pages is one read: a sort the store
 * cannot take from an index then sorts once, not once a page. */
static void
run_job (Job          *job,
         GCancellable *cancellable)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GError *error = NULL;
  gint64 n = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    goto out;
  if (job->reload && (n = job->count (job->query->data, &error)) < 0)
    goto out;
  for (guint r = 0; r + 1 < job->runs->len; r += 2)
    {
      guint first = g_array_index (job->runs, guint, r);
      guint n_pages = g_array_index (job->runs, guint, r + 1);
      GPtrArray *items;

      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        goto out;
      items = job->fetch (job->query->data, first * PAGE_SIZE, n_pages * PAGE_SIZE, &error);
      if (items == NULL)
        goto out;
      g_ptr_array_add (fresh, items);
    }

out:
  g_mutex_lock (&job->mutex);
  job->n = n;
  job->error = error;
  job->fresh = g_steal_pointer (&fresh);
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  run_job (task_data, cancellable);
  g_task_return_boolean (task, TRUE);
}

/* On the main thread. The task has no source object, and the query (which
 * holds the shop) goes here: a worker may drop the task's last reference,
 * and the model or the shop must not be finalized in a worker. */
static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(BoPagedModel) self = g_weak_ref_get (&job->model);
  gboolean taken;

  g_clear_pointer (&job->query, query_unref);
  if (self == NULL)
    return;

  g_mutex_lock (&job->mutex);
  taken = job->taken;
  job->taken = TRUE;
  g_mutex_unlock (&job->mutex);
  if (!taken)
    apply_job (self, job);
}

/* Takes what reloads and page reads from now on read. */
static void
set_query (BoPagedModel *self)
{
  Query *query = g_atomic_rc_box_new0 (Query);

  query->data = self->query (self->user_data);
  query->free = self->query_free;
  g_clear_pointer (&self->current_query, query_unref);
  self->current_query = query;
}

static void
set_pending (BoPagedModel *self,
             gint          change)
{
  gboolean was = self->n_pending > 0;

  self->n_pending += change;
  if (was != (self->n_pending > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Starts a read of @runs (and a count, for a @reload) under the current
 * query. On its own, it is waited for a moment: a quick read shows its
 * rows at once; a slow one shows them when it is done, and the window
 * goes on meanwhile. Returns the job, or NULL once applied. */
static Job *
start_job (BoPagedModel *self,
           gboolean      reload,
           GArray       *runs)
{
  g_autoptr(Job) job = g_atomic_rc_box_new0 (Job);
  g_autoptr(GTask) task = NULL;
  gboolean alone = self->n_pending == 0, taken = FALSE;

  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  g_weak_ref_init (&job->model, self);
  job->generation = self->generation;
  job->reload = reload;
  job->runs = g_array_ref (runs);
  job->count = self->count;
  job->fetch = self->fetch;
  if (self->current_query == NULL)
    set_query (self);
  job->query = g_atomic_rc_box_acquire (self->current_query);
  set_pending (self, +1);

  if (!self->threaded)
    {
      run_job (job, NULL);
      job->taken = TRUE;
      apply_job (self, job);
      return NULL;
    }

  task = g_task_new (NULL, self->cancellable, job_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, g_atomic_rc_box_acquire (job), (GDestroyNotify) job_unref);
  g_task_run_in_thread (task, job_thread);

  /* Behind another read, this one would wait for it too. */
  if (alone && bo_reader_get_read_wait () > 0)
    {
      gint64 deadline = g_get_monotonic_time () + bo_reader_get_read_wait () * G_TIME_SPAN_MILLISECOND;

      g_mutex_lock (&job->mutex);
      while (!job->done)
        if (!g_cond_wait_until (&job->cond, &job->mutex, deadline))
          break;
      taken = job->done;
      job->taken = job->taken || taken;
      g_mutex_unlock (&job->mutex);
    }
  if (taken)
    {
      apply_job (self, job);
      return NULL;
    }
  return job;
}

/* Gives the items of @page the rows of @fresh from @from on, and leaves
 * the page as long as what was read. Returns how many rows it holds. */
static guint
fill_page (BoPagedModel *self,
           guint         page,
           GPtrArray    *items,
           GPtrArray    *fresh,
           guint         from)
{
  guint n = fresh->len > from ? MIN (fresh->len - from, PAGE_SIZE) : 0;

  for (guint i = 0; i < n; i++)
    {
      GObject *row = g_ptr_array_index (fresh, from + i);

      if (i < items->len)
        {
          GObject *item = g_ptr_array_index (items, i);

          g_object_set_qdata (item, loading_quark (), NULL);
          refill_item (self, item, row, page * PAGE_SIZE + i);
        }
      else
        g_ptr_array_add (items, g_object_ref (row));
    }
  if (items->len > n)
    g_ptr_array_set_size (items, n);
  return n;
}

/* A page read for the view: its rows replace the loading ones in place.
 * Rows that did not come (the list grew shorter meanwhile) stay empty until
 * the reload that the change brings. */
static void
apply_page (BoPagedModel *self,
            Job          *job)
{
  guint page = g_array_index (job->runs, guint, 0);
  GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  GPtrArray *fresh;
  guint n;

  if (items == NULL)
    return;
  if (job->error != NULL)
    {
      g_debug ("Reading rows failed: %s", job->error->message);
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&job->error);
      for (guint i = 0; i < items->len; i++)
        g_object_set_qdata (g_ptr_array_index (items, i), loading_quark (), NULL);
      return;
    }
  fresh = g_ptr_array_index (job->fresh, 0);
  self->n_fetched += fresh->len;
  n = MIN (fresh->len, items->len);
  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_ptr_array_index (items, i);

      g_object_set_qdata (item, loading_quark (), NULL);
      refill_item (self, item, g_ptr_array_index (fresh, i), page * PAGE_SIZE + i);
    }
  for (guint i = n; i < items->len; i++)
    g_object_set_qdata (g_ptr_array_index (items, i), loading_quark (), NULL);
}

/* A reload's count and the pages the view holds: the held items take the
 * rows of their positions, and only rows added or removed at the end are
 * announced (see bo_paged_model_reload()). */
static void
apply_reload (BoPagedModel *self,
              Job          *job)
{
  guint old = self->n_items;
  gint64 count = job->error == NULL ? job->n : 0;

  g_clear_error (&self->error);
  self->n_items = (guint) MIN (count, G_MAXUINT);
  if (job->error == NULL)
    for (guint r = 0; r + 1 < job->runs->len; r += 2)
      {
        guint first = g_array_index (job->runs, guint, r);
        guint n_pages = g_array_index (job->runs, guint, r + 1);
        GPtrArray *fresh = g_ptr_array_index (job->fresh, r / 2);

        self->n_fetched += fresh->len;
        for (guint p = first; p < first + n_pages; p++)
          {
            GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (p));

            if (items == NULL && p * PAGE_SIZE < self->n_items)
              {
                /* A page read ahead, for the rows about to be shown. */
                items = g_ptr_array_new_with_free_func (g_object_unref);
                g_hash_table_insert (self->pages, GUINT_TO_POINTER (p), items);
                touch_page (self, p);
              }
            if (items != NULL && fill_page (self, p, items, fresh, (p - first) * PAGE_SIZE) == 0)
              {
                g_queue_remove (&self->recent, GUINT_TO_POINTER (p));
                g_hash_table_remove (self->pages, GUINT_TO_POINTER (p));
              }
          }
      }

  if (job->error != NULL)
    {
      /* Start from nothing: every row goes, then the new ones come, which
       * GTK does not search either. */
      g_debug ("Reading rows again failed: %s", job->error->message);
      self->error = g_steal_pointer (&job->error);
      g_hash_table_remove_all (self->pages);
      g_queue_clear (&self->recent);
      self->n_items = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
    }
  else if (self->n_items < old)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, old - self->n_items, 0);
  else if (self->n_items > old)
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, self->n_items - old);
  else
    /* Same length: tell those who watch the list that it was read again. */
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, 0);
  if (old != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* On the main thread, with what @job read: nothing if a newer reload came
 * since, whose reads replace it. */
static void
apply_job (BoPagedModel *self,
           Job          *job)
{

  /* Done before the rows are told: the view asks for rows at once. */
  set_pending (self, -1);
  if (job->generation == self->generation)
    {
      if (job->reload)
        apply_reload (self, job);
      else
        apply_page (self, job);
    }
}

/**
 * bo_paged_model_reload:
 *
 * Counts the rows again and reads again the rows that are shown, for a new
 * search, sort or filter, or after the shop changed. Other pages are
 * forgotten. With bo_paged_model_set_threaded(), this happens in a worker
 * thread, and cancels the reads of the reloads before it: the rows shown
 * stay until the new ones come, and pages asked for meanwhile are read
 * under the new query.
 *
 * The rows that stay are not announced as changed: each shown item takes
 * the new row of its position and notifies its properties, and only rows
 * added or removed at the end are announced. Announcing the whole list as
 * replaced, items-changed (0, old, new), makes GTK 4.8 read all of it:
 * GtkListItemManager, when a row it follows (the top of the scrolled area,
 * the focused or the selected row) lies in the removed range, calls
 * get_item() for every added position looking for that row's object, and
 * GtkSingleSelection and GtkMultiSelection look for their selected items
 * the same way; new objects are never found, so the search ran to the end
 * of 200,000 orders. It would also build every row widget of the view anew,
 * where refilling the items only changes their labels.
 */
void
bo_paged_model_reload (BoPagedModel *self)
{
  g_autoptr(GArray) held = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (BO_IS_PAGED_MODEL (self));

  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_query (self);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!page_is_held (value))
        {
          g_queue_remove (&self->recent, key);
          g_hash_table_iter_remove (&iter);
        }
      else
        {
          guint page = GPOINTER_TO_UINT (key);
          g_array_append_val (held, page);
        }
    }
  /* The rows on screen after the reload are read with it, held or not:
   * without this, a list that was empty would need a second read. */
  for (guint page = self->shown_first / PAGE_SIZE;
       page <= (self->shown_first + MAX (self->shown_count, 1) - 1) / PAGE_SIZE; page++)
    if (!g_hash_table_contains (self->pages, GUINT_TO_POINTER (page)))
      g_array_append_val (held, page);
  g_array_sort (held, compare_pages);
  for (guint first = 0, last; first < held->len; first = last + 1)
    {
      guint start = g_array_index (held, guint, first), n_pages;

      for (last = first; last + 1 < held->len; last++)
        if (g_array_index (held, guint, last + 1) != g_array_index (held, guint, last) + 1)
          break;
      n_pages = last - first + 1;
      g_array_append_val (runs, start);
      g_array_append_val (runs, n_pages);
    }
  start_job (self, TRUE, runs);
}

/**
 * bo_paged_model_get_n_cached:
 *
 * Returns: how many items are held in memory now
 */
guint
bo_paged_model_get_n_cached (BoPagedModel *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (BO_IS_PAGED_MODEL (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((GPtrArray *) value)->len;
  return n;
}

/**
 * bo_paged_model_get_error:
 *
 * Returns: (nullable): why the last count or page could not be read
 */
const GError *
bo_paged_model_get_error (BoPagedModel *self)
{
  g_return_val_if_fail (BO_IS_PAGED_MODEL (self), NULL);
  return self->error;
}

/**
 * bo_paged_model_get_n_fetched:
 *
 * Returns: how many rows the model has read from the store since it was
 *   made; a reload that reads more than a screenful shows here
 */
guint
bo_paged_model_get_n_fetched (BoPagedModel *self)
{
  g_return_val_if_fail (BO_IS_PAGED_MODEL (self), 0);
  return self->n_fetched;
}

/**
 * bo_paged_model_get_page_size:
 *
 * Returns: how many rows one read brings
 */
guint
bo_paged_model_get_page_size (void)
{
  return PAGE_SIZE;
}

/**
 * bo_paged_model_set_shown:
 * @first: the first row on screen
 * @n: how many rows the screen holds; 0 when unknown
 *
 * Tells the model which rows are on screen: a reload tells them of their
 * new contents at once, and the rows held offscreen in idle steps.
 */
/**
 * bo_paged_model_set_threaded:
 * @threaded: whether the query's rows can be read in worker threads
 *
 * Reads the count and the pages in worker threads from now on.
 */
void
bo_paged_model_set_threaded (BoPagedModel *self,
                             gboolean      threaded)
{
  g_return_if_fail (BO_IS_PAGED_MODEL (self));
  self->threaded = threaded;
}

/**
 * bo_paged_model_get_loading:
 *
 * Returns: whether rows are being read
 */
gboolean
bo_paged_model_get_loading (BoPagedModel *self)
{
  g_return_val_if_fail (BO_IS_PAGED_MODEL (self), FALSE);
  return self->n_pending > 0;
}

/**
 * bo_paged_model_item_is_loading:
 * @item: an item of a #BoPagedModel
 *
 * Returns: whether @item stands for a row not read yet
 */
gboolean
bo_paged_model_item_is_loading (gpointer item)
{
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);
  return g_object_get_qdata (item, loading_quark ()) != NULL;
}

void
bo_paged_model_set_shown (BoPagedModel *self,
                          guint         first,
                          guint         n)
{
  g_return_if_fail (BO_IS_PAGED_MODEL (self));
  self->shown_first = first;
  self->shown_count = n;
}
