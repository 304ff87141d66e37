/* bo-reset-model.c — hands a list model's changes to GTK's views so that a reload does not walk the list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A paged model reloads by announcing that every row changed:
 * items-changed (0, old, new). GTK 4.8 answers that announcement by reading
 * the whole new list. GtkListItemManager (under GtkColumnView and
 * GtkListView) follows a few rows — the one at the top of the scrolled area,
 * the focused one, the selected one — and when such a row lies in the
 * removed range it calls get_item() for every added position, looking for
 * the same object among the new rows; GtkSingleSelection looks for its
 * selected item the same way, GtkMultiSelection for each selected one.
 * A reload builds new objects, so the search never succeeds and runs to the
 * end: 200,000 orders read page by page on the main thread.
 *
 * Neither walks when nothing is added in the same change, nor when nothing
 * is removed. So this model, between the paged model and the selection,
 * passes a replacement of the whole list on as two changes: every row
 * removed, then every row added. The view starts again at the top, as it
 * should after a new sort or search, and reads one screenful. Views that
 * watch the paged model itself still see one change.
 */
#define G_LOG_DOMAIN "bo-reset-model"

#include "config.h"

#include "bo-reset-model.h"

struct _BoResetModel
{
  GObject     parent_instance;

  /* owned */
  GListModel *model;
  guint       n_items;   /* what this model shows, which lags the model inside a change */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BoResetModel, bo_reset_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (BO_RESET_MODEL (model)->model);
}

static guint
get_n_items (GListModel *model)
{
  return BO_RESET_MODEL (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BoResetModel *self = BO_RESET_MODEL (model);

  if (position >= self->n_items)
    return NULL;
  return g_list_model_get_item (self->model, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  BoResetModel *self)
{
  guint n_items = g_list_model_get_n_items (model);

  /* Rows replaced by others: nothing can be found again among the new
   * ones, so do not let GTK look. One row replaced by one keeps its meaning
   * (GTK reads that row, nothing more). */
  if (removed > 0 && added > 0 && (removed > 1 || added > 1))
    {
      self->n_items -= removed;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, 0);
      self->n_items = n_items;
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
      return;
    }
  self->n_items = n_items;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
bo_reset_model_dispose (GObject *object)
{
  BoResetModel *self = BO_RESET_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (bo_reset_model_parent_class)->dispose (object);
}

static void
bo_reset_model_class_init (BoResetModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bo_reset_model_dispose;
}

static void
bo_reset_model_init (BoResetModel *self)
{
}

/**
 * bo_reset_model_new:
 * @model: the model whose rows to show
 *
 * Returns: (transfer full): a model showing the rows of @model
 */
BoResetModel *
bo_reset_model_new (GListModel *model)
{
  BoResetModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (BO_TYPE_RESET_MODEL, NULL);
  self->model = g_object_ref (model);
  self->n_items = g_list_model_get_n_items (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), self);
  return self;
}

/**
 * bo_reset_model_get_model:
 *
 * Returns: (transfer none): the model whose rows are shown
 */
GListModel *
bo_reset_model_get_model (BoResetModel *self)
{
  g_return_val_if_fail (BO_IS_RESET_MODEL (self), NULL);
  return self->model;
}
