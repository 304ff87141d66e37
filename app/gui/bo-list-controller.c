/* bo-list-controller.c — ties a column view to a paged, searchable, sortable list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every list view of the window works the same way: the store pages rows in
 * the order of the clicked column, filtered by the search text. This object
 * is that wiring, so that views only say which rows and which columns.
 */
#define G_LOG_DOMAIN "bo-list-controller"

#include "config.h"

#include "bo-application.h"
#include "bo-column-sorter.h"
#include "bo-list-controller.h"
#include "bo-paged-model.h"
#include "bo-reader.h"

struct _BoListController
{
  GObject            parent_instance;

  /* borrowed */
  GtkColumnView     *view;
  GtkEditable       *search_entry;
  BoListCountFunc    count;
  BoListFetchFunc    fetch;

  /* owned */
  char              *name;
  BoStore           *store;
  BoReader          *reader;   /* a second connection, for reading in threads */
  BoPagedModel      *model;
  GtkSelectionModel *selection;
  GSettings         *settings;
  char              *sort;
  gint               filter;
  gboolean           restoring;
};

G_DEFINE_FINAL_TYPE (BoListController, bo_list_controller, G_TYPE_OBJECT)

/* What one reload reads, taken on the main thread and read in a worker
 * when the shop has a second connection. */
typedef struct
{
  BoStore         *store;   /* the window's, read when there is no reader */
  BoReader        *reader;
  char            *search;
  char            *sort;
  gint             filter;
  gint64           now;
  BoListCountFunc  count;
  BoListFetchFunc  fetch;
} Query;

static void
query_free (gpointer data)
{
  Query *query = data;

  g_clear_object (&query->store);
  g_clear_pointer (&query->reader, bo_reader_unref);
  g_free (query->search);
  g_free (query->sort);
  g_free (query);
}

static gpointer
take_query (gpointer user_data)
{
  BoListController *self = user_data;
  Query *query = g_new0 (Query, 1);

  if (self->store != NULL)
    {
      query->store = g_object_ref (self->store);
      query->now = bo_store_get_now (self->store);
    }
  if (self->reader != NULL)
    query->reader = bo_reader_ref (self->reader);
  query->search = self->search_entry != NULL ? g_strdup (gtk_editable_get_text (self->search_entry))
                                             : NULL;
  query->sort = g_strdup (self->sort);
  query->filter = self->filter;
  query->count = self->count;
  query->fetch = self->fetch;
  return query;
}

static BoStore *
lock_store (Query *query)
{
  return query->reader != NULL ? bo_reader_lock (query->reader, query->now) : query->store;
}

static void
unlock_store (Query *query)
{
  if (query->reader != NULL)
    bo_reader_unlock (query->reader);
}

static gint64
count_rows (gpointer   data,
            GError   **error)
{
  Query *query = data;
  gint64 n;

  if (query->store == NULL)
    return 0;
  n = query->count (lock_store (query), query->search, query->filter, error);
  unlock_store (query);
  return n;
}

static GPtrArray *
fetch_rows (gpointer   data,
            guint      offset,
            guint      limit,
            GError   **error)
{
  Query *query = data;
  GPtrArray *rows;

  if (query->store == NULL)
    return g_ptr_array_new ();
  rows = query->fetch (lock_store (query), query->search, query->sort, query->filter, offset,
                       limit, error);
  unlock_store (query);
  return rows;
}

/* Tells assistive technologies that the list is being read, while the
 * rows not read yet show empty. */
static void
loading_changed_cb (BoPagedModel     *model,
                    GParamSpec       *pspec,
                    BoListController *self)
{
  if (self->view != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_STATE_BUSY,
                                 bo_paged_model_get_loading (model), -1);
}

/* A new sort, search or filter shows its first rows. Scrolling before the
 * reload lets the view let go of the rows further down, so that only the
 * first ones are read again. */
static void
scroll_to_top (BoListController *self)
{
  GtkWidget *scrolled;

  if (self->view == NULL)
    return;
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->view), GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    gtk_adjustment_set_value (
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
}

/* Which rows are on screen, from the scrolled window: the list view sizes
 * its rows alike, so the adjustment's height over the rows gives a row's. */
static void
set_shown (BoListController *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  double row;

  scrolled = self->view != NULL ? gtk_widget_get_ancestor (GTK_WIDGET (self->view),
                                                           GTK_TYPE_SCROLLED_WINDOW) : NULL;
  if (scrolled == NULL || n_items == 0)
    {
      bo_paged_model_set_shown (self->model, 0, 0);
      return;
    }
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  row = gtk_adjustment_get_upper (adjustment) / n_items;
  if (row <= 0)
    {
      bo_paged_model_set_shown (self->model, 0, 0);
      return;
    }
  /* A row more on either side, for the header and rounding. */
  bo_paged_model_set_shown (self->model,
                            (guint) MAX (gtk_adjustment_get_value (adjustment) / row - 1, 0),
                            (guint) (gtk_adjustment_get_page_size (adjustment) / row) + 3);
}

static void
save_sort (BoListController *self)
{
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *name, *sort;

  if (self->settings == NULL)
    return;
  old = g_settings_get_value (self->settings, "list-sort");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &name, &sort))
    if (!g_str_equal (name, self->name))
      g_variant_builder_add (&builder, "{ss}", name, sort);
  if (self->sort != NULL)
    g_variant_builder_add (&builder, "{ss}", self->name, self->sort);
  g_settings_set_value (self->settings, "list-sort", g_variant_builder_end (&builder));
}

static void
sorter_changed_cb (GtkSorter        *sorter,
                   GtkSorterChange   change,
                   BoListController *self)
{
  if (self->restoring)
    return;
  g_free (self->sort);
  self->sort = bo_column_view_get_sort (self->view);
  save_sort (self);
  scroll_to_top (self);
  bo_list_controller_reload (self);
}

static void
search_changed_cb (GtkEditable      *entry,
                   BoListController *self)
{
  scroll_to_top (self);
  bo_list_controller_reload (self);
}

static void
bo_list_controller_dispose (GObject *object)
{
  BoListController *self = BO_LIST_CONTROLLER (object);

  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->view), self);
      g_clear_weak_pointer (&self->view);
    }
  if (self->search_entry != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->search_entry, self);
      g_clear_weak_pointer (&self->search_entry);
    }
  g_clear_object (&self->selection);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_pointer (&self->reader, bo_reader_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bo_list_controller_parent_class)->dispose (object);
}

static void
bo_list_controller_finalize (GObject *object)
{
  BoListController *self = BO_LIST_CONTROLLER (object);

  g_free (self->name);
  g_free (self->sort);

  G_OBJECT_CLASS (bo_list_controller_parent_class)->finalize (object);
}

static void
bo_list_controller_class_init (BoListControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bo_list_controller_dispose;
  object_class->finalize = bo_list_controller_finalize;
}

static void
bo_list_controller_init (BoListController *self)
{
}

/**
 * bo_list_controller_new:
 * @name: the list's name, under which its sort order is remembered
 * @view: the column view; its columns have #BoColumnSorter sorters
 * @search_entry: (nullable): the entry whose text searches the list
 * @item_type: the type of the items @fetch returns
 * @multiple: allow selecting several rows
 *
 * Returns: (transfer full): the controller; it sets the view's model
 */
BoListController *
bo_list_controller_new (const char      *name,
                        GtkColumnView   *view,
                        GtkEditable     *search_entry,
                        GType            item_type,
                        BoListCountFunc  count,
                        BoListFetchFunc  fetch,
                        gboolean         multiple)
{
  BoListController *self;
  g_autoptr(GVariant) sorts = NULL;
  g_autoptr(GListModel) shown = NULL;
  const char *saved = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  self = g_object_new (BO_TYPE_LIST_CONTROLLER, NULL);
  self->name = g_strdup (name);
  self->count = count;
  self->fetch = fetch;
  g_set_weak_pointer (&self->view, view);
  self->model = bo_paged_model_new (item_type, take_query, query_free, count_rows, fetch_rows,
                                    self);
  g_signal_connect (self->model, "notify::loading", G_CALLBACK (loading_changed_cb), self);
  shown = g_object_ref (G_LIST_MODEL (self->model));
  if (multiple)
    self->selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (g_steal_pointer (&shown)));
  else
    {
      GtkSingleSelection *single = gtk_single_selection_new (g_steal_pointer (&shown));
      gtk_single_selection_set_autoselect (single, FALSE);
      gtk_single_selection_set_can_unselect (single, TRUE);
      self->selection = GTK_SELECTION_MODEL (single);
    }
  gtk_column_view_set_model (view, self->selection);

  self->settings = bo_application_get_settings ();
  if (self->settings != NULL)
    {
      sorts = g_settings_get_value (self->settings, "list-sort");
      g_variant_lookup (sorts, name, "&s", &saved);
    }
  self->restoring = TRUE;
  bo_column_view_set_sort (view, saved);
  self->restoring = FALSE;
  self->sort = bo_column_view_get_sort (view);
  g_signal_connect (gtk_column_view_get_sorter (view), "changed", G_CALLBACK (sorter_changed_cb),
                    self);
  bo_column_view_set_headers_focusable (view);

  if (search_entry != NULL)
    {
      g_set_weak_pointer (&self->search_entry, search_entry);
      g_signal_connect (search_entry, GTK_IS_SEARCH_ENTRY (search_entry) ? "search-changed" : "changed",
                        G_CALLBACK (search_changed_cb), self);
    }
  return self;
}

void
bo_list_controller_set_store (BoListController *self,
                              BoStore          *store)
{
  g_return_if_fail (BO_IS_LIST_CONTROLLER (self));

  if (g_set_object (&self->store, store))
    {
      g_clear_pointer (&self->reader, bo_reader_unref);
      if (store != NULL)
        self->reader = bo_reader_get_for (store);
      bo_paged_model_set_threaded (self->model, self->reader != NULL);
    }
  bo_list_controller_reload (self);
}

void
bo_list_controller_set_filter (BoListController *self,
                               gint              filter)
{
  g_return_if_fail (BO_IS_LIST_CONTROLLER (self));

  if (self->filter == filter)
    return;
  self->filter = filter;
  scroll_to_top (self);
  bo_list_controller_reload (self);
}

gint
bo_list_controller_get_filter (BoListController *self)
{
  g_return_val_if_fail (BO_IS_LIST_CONTROLLER (self), 0);
  return self->filter;
}

void
bo_list_controller_reload (BoListController *self)
{
  g_return_if_fail (BO_IS_LIST_CONTROLLER (self));

  /* A reload keeps the shown rows' places, not their orders or lines: a
   * selection kept by position could point at another order afterwards. */
  gtk_selection_model_unselect_all (self->selection);
  set_shown (self);
  bo_paged_model_reload (self->model);
}

/**
 * bo_list_controller_get_model:
 *
 * Returns: (transfer none): the paged model of rows
 */
GListModel *
bo_list_controller_get_model (BoListController *self)
{
  g_return_val_if_fail (BO_IS_LIST_CONTROLLER (self), NULL);
  return G_LIST_MODEL (self->model);
}

/**
 * bo_list_controller_get_selection:
 *
 * Returns: (transfer none): the selection model the view shows
 */
GtkSelectionModel *
bo_list_controller_get_selection (BoListController *self)
{
  g_return_val_if_fail (BO_IS_LIST_CONTROLLER (self), NULL);
  return self->selection;
}

/**
 * bo_list_controller_get_selected:
 *
 * Returns: (transfer full) (element-type GObject): the selected items
 */
GPtrArray *
bo_list_controller_get_selected (BoListController *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (BO_IS_LIST_CONTROLLER (self), items);

  selected = gtk_selection_model_get_selection (self->selection);
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->model), position));
  return items;
}

const char *
bo_list_controller_get_sort (BoListController *self)
{
  g_return_val_if_fail (BO_IS_LIST_CONTROLLER (self), NULL);
  return self->sort;
}
