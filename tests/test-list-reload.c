/* test-list-reload.c — a new sort or search of a long list reads one screenful, not the list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every list view of the window, on a shop whose lists are many pages long:
 * for every sortable column, both ways, and for a search typed and cleared,
 * the list is reloaded with a row selected, the keyboard focus in the list
 * and the list scrolled down. The paged model counts the rows it reads;
 * GTK once read the whole list on each reload, looking for the selected and
 * focused rows among the new ones.
 */
#include "config.h"

#include "bo-column-sorter.h"
#include "bo-gui-test.h"
#include "bo-paged-model.h"
#include "bo-view.h"
#include "bo-window.h"

/* GtkListView keeps up to 200 rows around what is shown, which the model
 * reads in pages of 100 rows: 3 pages, and the focused row's page. A new
 * sort or search reads again the pages shown before it, and then shows the
 * first rows: a few screenfuls at most, however long the list (the old
 * reload read all of it, twice). */
#define MAX_ROWS_PER_RELOAD (10 * bo_paged_model_get_page_size ())
/* Lists at least this many pages long make a walk over the list obvious. */
#define MIN_PAGES 10

static const char *const list_views[] = {
  "orders", "backorders", "products", "purchase-orders", "suppliers", "customers",
};

typedef struct
{
  char          *dir;
  BoStore       *store;
  BoWindow      *window;
} Shop;

static Shop shop;

static void
add_suppliers (BoStore *store,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BoSupplier) s = bo_supplier_new ();
      g_autoptr(GError) error = NULL;

      s->name = g_strdup_printf ("Supplier %04u", (i * 7919) % n);
      s->lead_days = 1 + i % 30;
      g_assert_true (bo_store_save_supplier (store, s, &error));
      g_assert_no_error (error);
    }
}

static GtkColumnView *
view_columns (const char *name)
{
  GtkWidget *view = bo_window_get_view (shop.window, name);
  GtkWidget *columns = bo_gui_test_find (view, GTK_TYPE_COLUMN_VIEW, NULL);

  g_assert_nonnull (columns);
  return GTK_COLUMN_VIEW (columns);
}

/* The paged model under the column view's selection. */
static BoPagedModel *
paged_model (GtkColumnView *columns)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (columns);
  GListModel *model;

  if (GTK_IS_SINGLE_SELECTION (selection))
    model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
  else
    model = gtk_multi_selection_get_model (GTK_MULTI_SELECTION (selection));
  g_assert_true (BO_IS_PAGED_MODEL (model));
  return BO_PAGED_MODEL (model);
}

static GtkAdjustment *
vadjustment (GtkColumnView *columns)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (columns), GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scrolled);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

/* What a merchant has before sorting: a row selected, the focus on a row,
 * the list scrolled away from the top. */
static void
select_focus_and_scroll (GtkColumnView *columns)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (columns);
  GtkAdjustment *adjustment = vadjustment (columns);

  gtk_selection_model_select_item (selection, 3, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (columns));
  bo_gui_test_iterate (30);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 3);
  bo_gui_test_iterate (30);
}

/* Rows read while @columns reloads in the way @reload does, until the
 * new rows are drawn. */
typedef void (*ReloadFunc) (GtkColumnView *columns,
                            gpointer       data);

static guint
rows_read (GtkColumnView *columns,
            ReloadFunc     reload,
            gpointer       data,
            guint          wait_ms)
{
  BoPagedModel *model = paged_model (columns);
  guint before;

  select_focus_and_scroll (columns);
  before = bo_paged_model_get_n_fetched (model);
  reload (columns, data);
  bo_gui_test_iterate (wait_ms);
  return bo_paged_model_get_n_fetched (model) - before;
}

typedef struct
{
  GtkColumnViewColumn *column;
  GtkSortType          direction;
} SortBy;

static void
sort_by (GtkColumnView *columns,
         gpointer       data)
{
  SortBy *by = data;

  gtk_column_view_sort_by_column (columns, by->column, by->direction);
}

static void
type_search (GtkColumnView *columns,
             gpointer       data)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (columns), BO_TYPE_VIEW);
  GtkWidget *entry = bo_gui_test_find (view, GTK_TYPE_SEARCH_ENTRY, NULL);

  g_assert_nonnull (entry);
  bo_gui_test_set_text (entry, data);
}

static void
test_reload_reads_a_screenful (gconstpointer data)
{
  const char *name = data;
  GtkColumnView *columns;
  GListModel *list_columns;
  guint n_items, page = bo_paged_model_get_page_size (), sorted = 0;

  bo_window_show_view (shop.window, name);
  /* Purchase orders: received ones too, as the list is long only with them. */
  bo_view_show_filter (BO_VIEW (bo_window_get_view (shop.window, name)), "all");
  bo_gui_test_iterate (200);
  columns = view_columns (name);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (paged_model (columns)));
  g_test_message ("%s: %u rows", name, n_items);
  g_assert_cmpuint (n_items, >=, MIN_PAGES * page);

  list_columns = gtk_column_view_get_columns (columns);
  for (guint i = 0; i < g_list_model_get_n_items (list_columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list_columns, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (column);

      if (!BO_IS_COLUMN_SORTER (sorter))
        continue;
      for (int direction = GTK_SORT_ASCENDING; direction <= GTK_SORT_DESCENDING; direction++)
        {
          SortBy by = { column, direction };
          guint rows = rows_read (columns, sort_by, &by, 100);

          g_test_message ("%s by %s%s: %u rows read", name,
                          direction == GTK_SORT_DESCENDING ? "-" : "",
                          bo_column_sorter_get_key (BO_COLUMN_SORTER (sorter)), rows);
          g_assert_cmpuint (rows, >=, 1);
          g_assert_cmpuint (rows, <=, MAX_ROWS_PER_RELOAD);
        }
      sorted++;
    }
  g_assert_cmpuint (sorted, >=, 1);

  /* A search, then back to the whole list. */
  g_assert_cmpuint (rows_read (columns, type_search, (gpointer) "a", 400), <=, MAX_ROWS_PER_RELOAD);
  g_assert_cmpuint (rows_read (columns, type_search, (gpointer) "", 400), <=, MAX_ROWS_PER_RELOAD);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paged_model (columns))), ==, n_items);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  GDate date;
  int status;

  if (!bo_gui_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  shop.store = bo_gui_test_open_store (&shop.dir, FALSE);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 26, 11, 2026);
  g_assert_true (bo_store_generate_demo (shop.store, BO_DEMO_MEDIUM, 5,
                                         g_date_get_julian (&date), &error));
  g_assert_no_error (error);
  add_suppliers (shop.store, MIN_PAGES * bo_paged_model_get_page_size ());
  shop.window = bo_window_new (NULL, shop.store);
  gtk_window_set_default_size (GTK_WINDOW (shop.window), 1180, 760);
  gtk_window_present (GTK_WINDOW (shop.window));
  bo_gui_test_iterate (200);

  for (guint i = 0; i < G_N_ELEMENTS (list_views); i++)
    {
      g_autofree char *path = g_strdup_printf ("/list-reload/%s", list_views[i]);
      g_test_add_data_func (path, list_views[i], test_reload_reads_a_screenful);
    }
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (shop.window));
  g_clear_object (&shop.store);
  bo_gui_test_remove_dir (shop.dir);
  return status;
}
