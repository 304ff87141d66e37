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

#define PAGE_SIZE 100
#define MAX_PAGES 12

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
  guint        n_fetched;  /* pages read since the model was made */
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

static void
touch_page (BoPagedModel *self,
            guint         page)
{
  GList *link = g_queue_find (&self->recent, GUINT_TO_POINTER (page));

  if (link != NULL)
    g_queue_unlink (&self->recent, link), g_list_free_1 (link);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
  while (self->recent.length > MAX_PAGES)
    {
      guint old = GPOINTER_TO_UINT (g_queue_pop_tail (&self->recent));
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (old));
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

      self->n_fetched++;
      items = self->fetch (self->user_data, page * PAGE_SIZE, PAGE_SIZE, &error);
      if (items == NULL)
        {
          /* Keep the list whole; the view shows the error from the model. */
          g_debug ("Reading rows failed: %s", error->message);
          g_clear_error (&self->error);
          self->error = g_steal_pointer (&error);
          return g_object_new (self->item_type, NULL);
        }
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

/**
 * bo_paged_model_reload:
 *
 * Forgets every page and counts the rows again, for a new search, sort or
 * filter, or after the shop changed.
 */
void
bo_paged_model_reload (BoPagedModel *self)
{
  g_autoptr(GError) error = NULL;
  guint old = self->n_items;
  gint64 count;

  g_return_if_fail (BO_IS_PAGED_MODEL (self));

  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
  g_clear_error (&self->error);
  count = self->count (self->user_data, &error);
  if (count < 0)
    {
      self->error = g_steal_pointer (&error);
      count = 0;
    }
  self->n_items = (guint) MIN (count, G_MAXUINT);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
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
 * Returns: how many pages the model has read from the store since it was
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
