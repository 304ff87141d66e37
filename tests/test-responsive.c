/* test-responsive.c — the window keeps drawing while a slow shop is read
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shop is made slow (every statement waits, as on a slow disk or a far
 * server) and a timeout ticks every 10 ms while the Orders list is sorted
 * and searched and an order is opened: no gap between two ticks may be
 * much longer than a frame, so no read may run on the main thread. The
 * rows still arrive, in the new order, and a sort overtaken by another
 * never shows.
 */
#include "config.h"

#include <string.h>

#include "bo-column-sorter.h"
#include "bo-gui-test.h"
#include "bo-order-dialog.h"
#include "bo-order-item.h"
#include "bo-paged-model.h"
#include "bo-reader.h"
#include "bo-view.h"
#include "bo-window.h"

/* Each statement waits this long: one read on the main thread stalls the
 * window for twice the gap allowed below (a reload is two reads). */
#define READ_DELAY_MS 800
/* Ticks every 10 ms. A sort's longest gap is 15-55 ms on a calm machine;
 * on one loaded with other builds (load average 10 on 2 cores), a frame
 * relabelling the rows took up to 190 ms, reads or not: the bound allows
 * that, and no read. */
#define MAX_GAP_MS (READ_DELAY_MS / 2)
#define WAIT_MS (60 * 1000)

typedef struct
{
  char     *dir;
  BoStore  *store;
  BoWindow *window;
  gint64    last_tick;
  gint64    max_gap;
  guint     tick_id;
} Shop;

static Shop shop;

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  shop.max_gap = MAX (shop.max_gap, now - shop.last_tick);
  shop.last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
start_ticking (void)
{
  shop.last_tick = g_get_monotonic_time ();
  shop.max_gap = 0;
  shop.tick_id = g_timeout_add (10, tick_cb, NULL);
}

/* The longest gap between ticks since start_ticking(), in milliseconds. */
static gint64
stop_ticking (void)
{
  g_clear_handle_id (&shop.tick_id, g_source_remove);
  tick_cb (NULL);
  return shop.max_gap / 1000;
}

/* Every statement of the window's connection and of the reading one
 * waits from now on. */
static void
slow_down (guint milliseconds)
{
  g_autoptr(BoReader) reader = bo_reader_get_for (shop.store);
  BoStore *other;

  g_assert_nonnull (reader);
  other = bo_reader_lock (reader, bo_store_get_now (shop.store));
  bo_store_set_read_delay (other, milliseconds);
  bo_reader_unlock (reader);
  bo_store_set_read_delay (shop.store, milliseconds);
}

static GtkColumnView *
orders_columns (void)
{
  GtkWidget *view = bo_window_get_view (shop.window, "orders");
  GtkWidget *columns = bo_gui_test_find (view, GTK_TYPE_COLUMN_VIEW, NULL);

  g_assert_nonnull (columns);
  return GTK_COLUMN_VIEW (columns);
}

static BoPagedModel *
paged_model (GtkColumnView *columns)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (columns);
  GListModel *model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));

  g_assert_true (BO_IS_PAGED_MODEL (model));
  return BO_PAGED_MODEL (model);
}

static GtkColumnViewColumn *
column_for (GtkColumnView *columns,
            const char    *key)
{
  GListModel *list = gtk_column_view_get_columns (columns);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (column);

      if (BO_IS_COLUMN_SORTER (sorter) &&
          g_strcmp0 (bo_column_sorter_get_key (BO_COLUMN_SORTER (sorter)), key) == 0)
        return column;
    }
  g_assert_not_reached ();
}

static gboolean
settled (gpointer data)
{
  BoPagedModel *model = data;
  g_autoptr(GObject) first = NULL;

  if (bo_paged_model_get_loading (model))
    return FALSE;
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  return first == NULL || !bo_paged_model_item_is_loading (first);
}

static guint64
number_at (GListModel *model,
           guint       position)
{
  g_autoptr(BoOrderItem) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  g_assert_false (bo_paged_model_item_is_loading (item));
  return g_ascii_strtoull (bo_order_item_get_number (item), NULL, 10);
}

/* The first rows are in order of number, upwards or downwards. */
static void
assert_by_number (GListModel *model,
                  gboolean    descending)
{
  guint n = MIN (g_list_model_get_n_items (model), 20);

  g_assert_cmpuint (n, >, 1);
  for (guint i = 0; i + 1 < n; i++)
    if (descending)
      g_assert_cmpuint (number_at (model, i), >, number_at (model, i + 1));
    else
      g_assert_cmpuint (number_at (model, i), <, number_at (model, i + 1));
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n)
{
  (*n)++;
}

static gboolean
changed_and_settled (gpointer data)
{
  return *(guint *) data > 0 && settled (paged_model (orders_columns ()));
}

static void
test_sort_and_search (void)
{
  GtkColumnView *columns = orders_columns ();
  BoPagedModel *model = paged_model (columns);
  GtkColumnViewColumn *number = column_for (columns, "number");
  GtkColumnViewColumn *placed = column_for (columns, "placed");
  GtkWidget *entry = bo_gui_test_find (bo_window_get_view (shop.window, "orders"),
                                       GTK_TYPE_SEARCH_ENTRY, NULL);
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (model)), changes = 0;
  gulong handler;
  gint64 gap;

  g_assert_cmpuint (n_all, >, 100);
  /* The window has drawn its first frames (the first ones build every
   * widget and take long whatever the reads). */
  g_assert_true (bo_gui_test_wait_for (settled, model, WAIT_MS));
  bo_gui_test_iterate (1000);
  slow_down (READ_DELAY_MS);

  /* A sort: the rows come in a worker while the window goes on. */
  start_ticking ();
  gtk_column_view_sort_by_column (columns, number, GTK_SORT_ASCENDING);
  g_assert_true (bo_paged_model_get_loading (model));
  g_assert_true (bo_gui_test_wait_for (settled, model, WAIT_MS));
  gap = stop_ticking ();
  g_test_message ("sort by number: longest gap %" G_GINT64_FORMAT " ms", gap);
  g_assert_cmpint (gap, <=, MAX_GAP_MS);
  assert_by_number (G_LIST_MODEL (model), FALSE);

  /* A sort overtaken by another before its rows came: only the last one
   * is told to the view. */
  handler = g_signal_connect (model, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  start_ticking ();
  gtk_column_view_sort_by_column (columns, placed, GTK_SORT_ASCENDING);
  gtk_column_view_sort_by_column (columns, number, GTK_SORT_DESCENDING);
  g_assert_true (bo_gui_test_wait_for (settled, model, WAIT_MS));
  /* Whatever the overtaken read still brings is dropped. */
  bo_gui_test_iterate (3 * READ_DELAY_MS);
  gap = stop_ticking ();
  g_test_message ("overtaken sort: longest gap %" G_GINT64_FORMAT " ms", gap);
  g_assert_cmpint (gap, <=, MAX_GAP_MS);
  g_assert_cmpuint (changes, ==, 1);
  g_signal_handler_disconnect (model, handler);
  assert_by_number (G_LIST_MODEL (model), TRUE);

  /* A search typed and cleared (the entry waits for a typing pause). It
   * leaves more than a screenful of rows: a list shrinking to a few rows
   * and growing back makes GTK drop and build row widgets, which on a
   * loaded machine takes long whatever the reads. */
  handler = g_signal_connect (model, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  changes = 0;
  start_ticking ();
  bo_gui_test_set_text (entry, "12");
  g_assert_true (bo_gui_test_wait_for (changed_and_settled, &changes, WAIT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <, n_all);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                              number_at (G_LIST_MODEL (model), i));
      g_autoptr(BoOrderItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_true (strstr (text, "12") != NULL ||
                     strstr (bo_order_item_get_summary (item)->customer_name, "12") != NULL);
    }
  gap = stop_ticking ();
  g_test_message ("search typed: longest gap %" G_GINT64_FORMAT " ms", gap);
  g_assert_cmpint (gap, <=, MAX_GAP_MS);
  start_ticking ();
  changes = 0;
  bo_gui_test_set_text (entry, "");
  g_assert_true (bo_gui_test_wait_for (changed_and_settled, &changes, WAIT_MS));
  g_signal_handler_disconnect (model, handler);
  gap = stop_ticking ();
  g_test_message ("search cleared: longest gap %" G_GINT64_FORMAT " ms", gap);
  g_assert_cmpint (gap, <=, MAX_GAP_MS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_all);

  slow_down (0);
}

static gboolean
order_shown (gpointer data)
{
  GtkWindow *dialog = bo_gui_test_find_window (BO_TYPE_ORDER_DIALOG);

  return dialog != NULL && bo_order_dialog_get_order_id (BO_ORDER_DIALOG (dialog)) != 0 &&
         bo_gui_test_find_label (GTK_WIDGET (dialog), data) != NULL;
}

static void
test_open_order (void)
{
  GtkColumnView *columns = orders_columns ();
  BoPagedModel *model = paged_model (columns);
  g_autoptr(BoOrderItem) item = NULL;
  g_autofree char *customer = NULL;
  GtkWindow *dialog;
  gint64 gap;

  g_assert_true (bo_gui_test_wait_for (settled, model, WAIT_MS));
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  customer = g_strdup (bo_order_item_get_summary (item)->customer_name);
  slow_down (READ_DELAY_MS);

  start_ticking ();
  g_signal_emit_by_name (columns, "activate", 0);
  g_assert_true (bo_gui_test_wait_for (order_shown, customer, WAIT_MS));
  gap = stop_ticking ();
  g_test_message ("opening an order: longest gap %" G_GINT64_FORMAT " ms", gap);
  g_assert_cmpint (gap, <=, MAX_GAP_MS);

  slow_down (0);
  dialog = bo_gui_test_find_window (BO_TYPE_ORDER_DIALOG);
  g_assert_cmpint (bo_order_dialog_get_order_id (BO_ORDER_DIALOG (dialog)), ==,
                   bo_order_item_get_order_id (item));
  gtk_window_destroy (dialog);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!bo_gui_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  /* What the window waits for a read before showing rows as loading. */
  bo_reader_set_read_wait (8);
  shop.store = bo_gui_test_open_store (&shop.dir, TRUE);
  shop.window = bo_window_new (NULL, shop.store);
  gtk_window_set_default_size (GTK_WINDOW (shop.window), 1180, 760);
  gtk_window_present (GTK_WINDOW (shop.window));
  bo_window_show_view (shop.window, "orders");
  bo_gui_test_iterate (300);

  g_test_add_func ("/responsive/sort-and-search", test_sort_and_search);
  g_test_add_func ("/responsive/open-order", test_open_order);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (shop.window));
  g_clear_object (&shop.store);
  bo_gui_test_remove_dir (shop.dir);
  return status;
}
