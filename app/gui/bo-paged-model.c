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

#include <string.h>

#define PAGE_SIZE 100
#define MAX_PAGES 12
/* Offscreen rows told of a reload per idle step: each step relabels a few
 * dozen rows, well within a frame. */
#define NOTIFY_BATCH 40

struct _BoPagedModel
{
  GObject      parent_instance;

  /* borrowed */
  BoCountFunc  count;
  BoFetchFunc  fetch;
  gpointer     user_data;

  /* owned */
  GType        item_type;
  GHashTable  *pages;      /* page number → GPtrArray of items */
  GQueue       recent;     /* page numbers, most recently used first */
  GError      *error;
  guint        n_items;
  guint        n_fetched;  /* rows read since the model was made */
  guint        shown_first;  /* the rows on screen, told of a reload first */
  guint        shown_count;
  GPtrArray   *unnotified;   /* refilled items held offscreen, told in an idle */
  guint        notify_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BoPagedModel, bo_paged_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
      g_autoptr(GError) error = NULL;

      items = self->fetch (self->user_data, page * PAGE_SIZE, PAGE_SIZE, &error);
      if (items == NULL)
        {
          /* Keep the list whole; the view shows the error from the model. */
          g_debug ("Reading rows failed: %s", error->message);
          g_clear_error (&self->error);
          self->error = g_steal_pointer (&error);
          return g_object_new (self->item_type, NULL);
        }
      self->n_fetched += items->len;
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
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
 * @count: counts the rows
 * @fetch: reads a page of rows
 * @user_data: (nullable): for @count and @fetch; must outlive the model
 *
 * Returns: (transfer full): an empty model; call bo_paged_model_reload()
 */
BoPagedModel *
bo_paged_model_new (GType        item_type,
                    BoCountFunc  count,
                    BoFetchFunc  fetch,
                    gpointer     user_data)
{
  BoPagedModel *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (count != NULL && fetch != NULL, NULL);

  self = g_object_new (BO_TYPE_PAGED_MODEL, NULL);
  self->item_type = item_type;
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

/* Reads again every page whose rows are shown, into the same items, one
 * read for each run of adjacent pages (a sort the store cannot take from an
 * index then sorts once, not once a page). Returns FALSE when a page could
 * not be read. */
static gboolean
refill_pages (BoPagedModel *self,
              GError      **error)
{
  g_autoptr(GArray) held = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint page = GPOINTER_TO_UINT (key);

      if (!page_is_held (value) || page * PAGE_SIZE >= self->n_items)
        {
          g_queue_remove (&self->recent, key);
          g_hash_table_iter_remove (&iter);
        }
      else
        g_array_append_val (held, page);
    }
  g_array_sort (held, compare_pages);

  for (guint first = 0, last; first < held->len; first = last + 1)
    {
      guint start = g_array_index (held, guint, first);
      g_autoptr(GPtrArray) fresh = NULL;

      for (last = first; last + 1 < held->len; last++)
        if (g_array_index (held, guint, last + 1) != g_array_index (held, guint, last) + 1)
          break;
      fresh = self->fetch (self->user_data, start * PAGE_SIZE, (last - first + 1) * PAGE_SIZE,
                           error);
      if (fresh == NULL)
        return FALSE;
      self->n_fetched += fresh->len;
      for (guint p = first; p <= last; p++)
        {
          guint page = g_array_index (held, guint, p);
          GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
          guint from = (page - start) * PAGE_SIZE;
          guint n = fresh->len > from ? MIN (fresh->len - from, PAGE_SIZE) : 0;

          for (guint i = 0; i < n; i++)
            {
              GObject *row = g_ptr_array_index (fresh, from + i);

              if (i < items->len)
                refill_item (self, g_ptr_array_index (items, i), row, page * PAGE_SIZE + i);
              else
                g_ptr_array_add (items, g_object_ref (row));
            }
          if (items->len > n)
            g_ptr_array_set_size (items, n);
        }
    }
  return TRUE;
}

/**
 * bo_paged_model_reload:
 *
 * Counts the rows again and reads again the rows that are shown, for a new
 * search, sort or filter, or after the shop changed. Other pages are
 * forgotten.
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
  g_autoptr(GError) error = NULL;
  guint old = self->n_items;
  gint64 count;

  g_return_if_fail (BO_IS_PAGED_MODEL (self));

  g_clear_error (&self->error);
  count = self->count (self->user_data, &error);
  if (count < 0)
    {
      self->error = g_steal_pointer (&error);
      count = 0;
    }
  self->n_items = (guint) MIN (count, G_MAXUINT);

  if (!refill_pages (self, &error))
    {
      /* Start from nothing: every row goes, then the new ones come, which
       * GTK does not search either. */
      g_debug ("Reading rows again failed: %s", error->message);
      self->error = g_steal_pointer (&error);
      g_hash_table_remove_all (self->pages);
      g_queue_clear (&self->recent);
      self->n_items = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
      self->n_items = (guint) MIN (count, G_MAXUINT);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
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
void
bo_paged_model_set_shown (BoPagedModel *self,
                          guint         first,
                          guint         n)
{
  g_return_if_fail (BO_IS_PAGED_MODEL (self));
  self->shown_first = first;
  self->shown_count = n;
}
