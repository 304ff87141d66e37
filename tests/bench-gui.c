/* bench-gui.c — the window's budgets: start, sorting and searching, scrolling memory, the dashboard
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by `make bench` (see the README). It measures, in the same run on the
 * same machine:
 *  - start to first frame of Backorders on the large shop, against an empty
 *    GTK window (each in a fresh process, median of several starts);
 *  - every sortable column of every list view, both ways, and a search typed
 *    and cleared, on the large shop: from the click (or the search) until
 *    the new rows are on screen, and the longest single step of the main
 *    thread meanwhile;
 *  - memory after scrolling the whole order list page by page, the large
 *    shop against the small sample shop, each in a fresh process;
 *  - the whole dashboard on the large shop: from a reload (what a change in
 *    the shop triggers) until every chart has been drawn and the frame is on
 *    screen (median of several).
 *
 * It exits with status 1 when a budget is missed.
 *
 * `bench-gui --dashboard LARGE.db` measures the dashboard alone,
 * `bench-gui --lists LARGE.db` the sorting and searching alone.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bo-application.h"
#include "bo-chart-widget.h"
#include "bo-column-sorter.h"
#include "bo-dashboard-view.h"
#include "bo-orders-view.h"
#include "bo-paged-model.h"
#include "bo-view.h"
#include "bo-window.h"

#define DASHBOARD_RUNS 9
#define LIST_RUNS 3
#define REDRAW_BUDGET_MS 100.0
#define STEP_BUDGET_MS 16.0

static gint64 started_at;

static gint64
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  return line != NULL ? g_ascii_strtoll (line + 6, NULL, 10) : 0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  /* The first frame is on screen: report and leave. */
  g_print ("%" G_GINT64_FORMAT "\n", (g_get_monotonic_time () - started_at) / 1000);
  fflush (stdout);
  _exit (0);
}

static void
window_mapped_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

/* Child modes: one start, printing milliseconds to the first frame. */
static int
run_start (const char *mode,
           const char *database)
{
  GtkWidget *window;

  gtk_init ();
  adw_init ();
  if (g_str_equal (mode, "empty"))
    {
      window = gtk_window_new ();
      gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello"));
    }
  else
    {
      g_autoptr(GError) error = NULL;
      BoStore *store = bo_store_open (database, &error);

      if (store == NULL)
        g_error ("%s", error->message);
      window = GTK_WIDGET (bo_window_new (NULL, store));
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_start (const char *self,
              const char *mode,
              const char *database,
              guint       runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      const char *argv[] = { self, "--start", mode, database, NULL };
      gint64 begin = g_get_monotonic_time ();
      double ms;

      /* The child prints its own figure; the parent's clock includes the
       * process start, which is what a merchant waits for. */
      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL,
                         &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - begin) / 1000.0;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
scroll_painted_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* Scrolls the order list from top to bottom a page of rows (what the list
 * reads at once) a frame, so that every row is read and bound to a row of
 * the view once, and reports the resident memory at the end and the
 * slowest step. Runs in a process of its own, so that one shop's memory
 * does not count for the other. */
static int
run_scroll (const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoStore) store = NULL;
  BoWindow *window;
  GtkWidget *view, *columns, *scrolled;
  GtkAdjustment *adjustment;
  GdkFrameClock *clock;
  double worst_step_ms = 0, row_height, value = 0;
  gboolean painted = FALSE;
  guint rows, steps = 0;

  gtk_init ();
  adw_init ();
  store = bo_store_open (database, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  window = bo_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  gtk_window_present (GTK_WINDOW (window));
  bo_window_show_view (window, "orders");
  iterate (300);
  view = bo_window_get_view (window, "orders");
  columns = find_widget (view, GTK_TYPE_COLUMN_VIEW);
  scrolled = columns != NULL ? gtk_widget_get_ancestor (columns, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  if (scrolled == NULL)
    g_error ("The orders view has no scrolled column view");
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  rows = g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (columns))));
  row_height = gtk_adjustment_get_upper (adjustment) / MAX (rows, 1);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (scroll_painted_cb), &painted);
  while (value < gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
    {
      gint64 begin = g_get_monotonic_time ();

      value += row_height * bo_paged_model_get_page_size ();
      painted = FALSE;
      gtk_adjustment_set_value (adjustment, value);
      while (!painted)
        {
          gint64 before = g_get_monotonic_time ();

          if (g_main_context_iteration (NULL, FALSE))
            worst_step_ms = MAX (worst_step_ms, (g_get_monotonic_time () - before) / 1000.0);
          if (g_get_monotonic_time () - begin > 10 * G_USEC_PER_SEC)
            g_error ("No frame was drawn while scrolling");
        }
      steps++;
    }
  g_print ("%u %" G_GINT64_FORMAT " %.1f %u\n", rows, rss_kib (), worst_step_ms, steps);
  fflush (stdout);
  _exit (0);
}

static void
scroll_orders (const char *self,
               const char *database,
               gint64     *rss_after,
               guint      *rows,
               double     *worst_step_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { self, "--scroll", database, NULL };
  guint steps;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL,
                     &error))
    g_error ("%s", error->message);
  if (sscanf (out, "%u %" G_GINT64_FORMAT " %lf %u", rows, rss_after, worst_step_ms, &steps) != 4)
    g_error ("The scrolling run printed “%s”", out);
}

/* ---- sorting and searching ------------------------------------------------------- */

static const char *const list_views[] = {
  "orders", "backorders", "products", "purchase-orders", "suppliers", "customers",
};

typedef struct
{
  gboolean painted;
} Paint;

static void
list_painted_cb (GdkFrameClock *clock,
                 Paint         *paint)
{
  paint->painted = TRUE;
}

typedef struct
{
  double   redraw_ms;
  double   step_ms;
} Figure;

/* The paged model under a column view's selection. */
static BoPagedModel *
paged_model (GtkColumnView *columns)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (columns);

  if (GTK_IS_SINGLE_SELECTION (selection))
    return BO_PAGED_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)));
  return BO_PAGED_MODEL (gtk_multi_selection_get_model (GTK_MULTI_SELECTION (selection)));
}

/* Runs @change (a sort or a search, done in one step as a click would) and
 * the main loop until the frame after the new rows came has been painted
 * (they are read in a worker thread; a frame painted while @model is still
 * reading does not count). Each main-loop iteration is one step of the
 * main thread. */
static Figure
time_change (BoWindow     *window,
             BoPagedModel *model,
             void        (*change) (gpointer data),
             gpointer      data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  Paint paint = { FALSE };
  Figure figure = { 0 };
  gint64 begin, step, end;
  gulong handler;

  iterate (50);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (list_painted_cb), &paint);
  begin = g_get_monotonic_time ();
  change (data);
  step = g_get_monotonic_time ();
  figure.step_ms = (step - begin) / 1000.0;
  end = begin + 10 * G_USEC_PER_SEC;
  while ((!paint.painted || bo_paged_model_get_loading (model)) && g_get_monotonic_time () < end)
    {
      gint64 before = g_get_monotonic_time ();

      if (bo_paged_model_get_loading (model))
        paint.painted = FALSE;
      if (g_main_context_iteration (NULL, FALSE))
        figure.step_ms = MAX (figure.step_ms, (g_get_monotonic_time () - before) / 1000.0);
    }
  figure.redraw_ms = (g_get_monotonic_time () - begin) / 1000.0;
  g_signal_handler_disconnect (clock, handler);
  if (!paint.painted)
    g_error ("No frame was drawn after a change of the list");

  /* The rows kept offscreen learn of the change in idle steps after that
   * frame: they count for the longest step too. */
  end = g_get_monotonic_time () + 200 * 1000;
  while (g_get_monotonic_time () < end)
    {
      gint64 before = g_get_monotonic_time ();

      if (g_main_context_iteration (NULL, FALSE))
        figure.step_ms = MAX (figure.step_ms, (g_get_monotonic_time () - before) / 1000.0);
    }
  return figure;
}

typedef struct
{
  GtkColumnView       *columns;
  GtkColumnViewColumn *column;
  GtkSortType          direction;
} SortBy;

static void
sort_by (gpointer data)
{
  SortBy *by = data;

  gtk_column_view_sort_by_column (by->columns, by->column, by->direction);
}

typedef struct
{
  GtkSearchEntry *entry;
  const char     *text;
} Search;

static void
search (gpointer data)
{
  Search *search = data;

  gtk_editable_set_text (GTK_EDITABLE (search->entry), search->text);
}

/* The median of LIST_RUNS runs, redraw and longest step each. */
static Figure
median_figure (const Figure *runs)
{
  double redraw[LIST_RUNS], step[LIST_RUNS];
  Figure median;

  for (guint r = 0; r < LIST_RUNS; r++)
    {
      redraw[r] = runs[r].redraw_ms;
      step[r] = runs[r].step_ms;
    }
  qsort (redraw, LIST_RUNS, sizeof (double), compare_doubles);
  qsort (step, LIST_RUNS, sizeof (double), compare_doubles);
  median.redraw_ms = redraw[LIST_RUNS / 2];
  median.step_ms = step[LIST_RUNS / 2];
  return median;
}

static gboolean
report (const char   *view,
        const char   *what,
        const Figure *figure)
{
  gboolean ok = figure->redraw_ms <= REDRAW_BUDGET_MS && figure->step_ms <= STEP_BUDGET_MS;

  g_print ("  %-16s %-20s %7.1f ms %7.1f ms%s\n", view, what, figure->redraw_ms, figure->step_ms,
           ok ? "" : "  over budget");
  return ok;
}

/* Every sortable column of every list view, both ways, then a search typed
 * and cleared. Returns whether every figure kept to its budgets. */
static gboolean
time_lists (const char *database,
            double     *worst_redraw_ms,
            double     *worst_step_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoStore) store = bo_store_open (database, &error);
  gboolean ok = TRUE;
  BoWindow *window;

  if (store == NULL)
    g_error ("%s", error->message);
  window = bo_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  gtk_window_present (GTK_WINDOW (window));
  *worst_redraw_ms = *worst_step_ms = 0;

  g_print ("Sorting and searching, large shop, median of %u (budgets: %.0f ms to redraw, "
           "%.0f ms a step)\n", LIST_RUNS, REDRAW_BUDGET_MS, STEP_BUDGET_MS);
  g_print ("  %-16s %-20s %10s %10s\n", "list", "by", "redraw", "longest step");
  for (guint v = 0; v < G_N_ELEMENTS (list_views); v++)
    {
      GtkWidget *view, *entry;
      GtkColumnView *columns;
      GListModel *list_columns;
      Search typed;
      Figure figure;

      bo_window_show_view (window, list_views[v]);
      view = bo_window_get_view (window, list_views[v]);
      bo_view_show_filter (BO_VIEW (view), "all");
      iterate (500);
      columns = GTK_COLUMN_VIEW (find_widget (view, GTK_TYPE_COLUMN_VIEW));
      list_columns = gtk_column_view_get_columns (columns);
      for (guint i = 0; i < g_list_model_get_n_items (list_columns); i++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list_columns, i);
          GtkSorter *sorter = gtk_column_view_column_get_sorter (column);
          Figure runs[2][LIST_RUNS];

          if (!BO_IS_COLUMN_SORTER (sorter))
            continue;
          /* Ascending, descending, and again: each change is a reload. */
          for (guint r = 0; r < LIST_RUNS; r++)
            for (int direction = GTK_SORT_ASCENDING; direction <= GTK_SORT_DESCENDING; direction++)
              {
                SortBy by = { columns, column, direction };

                runs[direction][r] = time_change (window, paged_model (columns), sort_by, &by);
              }
          for (int direction = GTK_SORT_ASCENDING; direction <= GTK_SORT_DESCENDING; direction++)
            {
              g_autofree char *what = g_strdup_printf ("%s%s", bo_column_sorter_get_key (
                                                         BO_COLUMN_SORTER (sorter)),
                                                       direction == GTK_SORT_DESCENDING ? ", reversed" : "");

              figure = median_figure (runs[direction]);
              ok &= report (list_views[v], what, &figure);
              *worst_redraw_ms = MAX (*worst_redraw_ms, figure.redraw_ms);
              *worst_step_ms = MAX (*worst_step_ms, figure.step_ms);
            }
        }

      /* The search entry waits for a pause in the typing; measured is what
       * follows the pause. */
      entry = find_widget (view, GTK_TYPE_SEARCH_ENTRY);
      if (entry == NULL)
        continue;
      gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);
      {
        Figure typed_runs[LIST_RUNS], cleared_runs[LIST_RUNS];

        for (guint r = 0; r < LIST_RUNS; r++)
          {
            typed = (Search) { GTK_SEARCH_ENTRY (entry), "an" };
            typed_runs[r] = time_change (window, paged_model (columns), search, &typed);
            typed.text = "";
            cleared_runs[r] = time_change (window, paged_model (columns), search, &typed);
          }
        figure = median_figure (typed_runs);
        ok &= report (list_views[v], "search “an”", &figure);
        *worst_redraw_ms = MAX (*worst_redraw_ms, figure.redraw_ms);
        *worst_step_ms = MAX (*worst_step_ms, figure.step_ms);
        figure = median_figure (cleared_runs);
        ok &= report (list_views[v], "search cleared", &figure);
        *worst_redraw_ms = MAX (*worst_redraw_ms, figure.redraw_ms);
        *worst_step_ms = MAX (*worst_step_ms, figure.step_ms);
      }
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return ok;
}

/* ---- the dashboard ---------------------------------------------------------- */

static const char *const chart_ids[] = { "rate", "backlog", "aging", "suppliers", "top-products" };

typedef struct
{
  BoChartWidget *charts[G_N_ELEMENTS (chart_ids)];
  guint          draws[G_N_ELEMENTS (chart_ids)];
  gboolean       painted;
} DashboardRun;

static gboolean
all_drawn (DashboardRun *run)
{
  for (guint i = 0; i < G_N_ELEMENTS (chart_ids); i++)
    if (bo_chart_widget_get_draw_count (run->charts[i]) == run->draws[i])
      return FALSE;
  return TRUE;
}

static void
dashboard_painted_cb (GdkFrameClock *clock,
                      DashboardRun  *run)
{
  if (all_drawn (run))
    run->painted = TRUE;
}

/* From bo_view_reload() (the store changed) until all five charts have
 * been drawn again and that frame has been painted. */
static void
time_dashboard (const char *database,
                guint       runs,
                double     *median_ms,
                double     *compute_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoStore) store = bo_store_open (database, &error);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) computes = g_array_new (FALSE, FALSE, sizeof (double));
  DashboardRun run = { 0 };
  GdkFrameClock *clock;
  BoWindow *window;
  GtkWidget *view;
  gulong handler;

  if (store == NULL)
    g_error ("%s", error->message);
  window = bo_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  bo_window_show_view (window, "dashboard");
  iterate (500);
  view = bo_window_get_view (window, "dashboard");
  for (guint i = 0; i < G_N_ELEMENTS (chart_ids); i++)
    run.charts[i] = bo_chart_card_get_chart_widget (
      bo_dashboard_view_get_chart_card (BO_DASHBOARD_VIEW (view), chart_ids[i]));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (dashboard_painted_cb), &run);

  for (guint r = 0; r < runs; r++)
    {
      gint64 begin, computed, end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      double ms;

      for (guint i = 0; i < G_N_ELEMENTS (chart_ids); i++)
        run.draws[i] = bo_chart_widget_get_draw_count (run.charts[i]);
      run.painted = FALSE;
      begin = g_get_monotonic_time ();
      bo_view_reload (BO_VIEW (view));
      computed = g_get_monotonic_time ();
      while (!run.painted && g_get_monotonic_time () < end)
        g_main_context_iteration (NULL, TRUE);
      if (!run.painted)
        g_error ("The dashboard's charts were not drawn");
      ms = (g_get_monotonic_time () - begin) / 1000.0;
      g_array_append_val (times, ms);
      ms = (computed - begin) / 1000.0;
      g_array_append_val (computes, ms);
      iterate (50);
    }
  g_signal_handler_disconnect (clock, handler);
  g_array_sort (times, compare_doubles);
  g_array_sort (computes, compare_doubles);
  *median_ms = g_array_index (times, double, times->len / 2);
  *compute_ms = g_array_index (computes, double, computes->len / 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
print_dashboard (double median_ms,
                 double compute_ms)
{
  g_print ("Dashboard, large shop, reload to drawn:       %7.1f ms (median of %u; budget 150)\n",
           median_ms, DASHBOARD_RUNS);
  g_print ("  of which the cards on the main thread:      %7.1f ms (the charts read in a thread)\n",
           compute_ms);
}

int
main (int   argc,
      char *argv[])
{
  const char *large, *small;
  double empty_ms, window_ms, worst_small, worst_large, dashboard_ms, compute_ms;
  double worst_redraw, worst_list_step;
  gboolean lists_ok, ok;
  gint64 rss_small, rss_large;
  guint rows_small, rows_large;
  guint runs = 5;

  started_at = g_get_monotonic_time ();
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (argc == 4 && g_str_equal (argv[1], "--start"))
    return run_start (argv[2], argv[3]);
  if (argc == 3 && g_str_equal (argv[1], "--scroll"))
    return run_scroll (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--lists"))
    {
      gtk_init ();
      adw_init ();
      return time_lists (argv[2], &worst_redraw, &worst_list_step) ? 0 : 1;
    }
  if (argc == 3 && g_str_equal (argv[1], "--dashboard"))
    {
      gtk_init ();
      adw_init ();
      time_dashboard (argv[2], DASHBOARD_RUNS, &dashboard_ms, &compute_ms);
      print_dashboard (dashboard_ms, compute_ms);
      return 0;
    }
  if (argc < 3)
    {
      g_printerr ("Usage: %s LARGE.db SMALL.db\n       %s --lists LARGE.db\n"
                  "       %s --dashboard LARGE.db\n", argv[0], argv[0], argv[0]);
      return 2;
    }
  large = argv[1];
  small = argv[2];

  empty_ms = median_start (argv[0], "empty", large, runs);
  window_ms = median_start (argv[0], "window", large, runs);

  scroll_orders (argv[0], small, &rss_small, &rows_small, &worst_small);
  scroll_orders (argv[0], large, &rss_large, &rows_large, &worst_large);

  gtk_init ();
  adw_init ();
  lists_ok = time_lists (large, &worst_redraw, &worst_list_step);
  time_dashboard (large, DASHBOARD_RUNS, &dashboard_ms, &compute_ms);

  g_print ("Start to first frame, empty GTK window:      %7.1f ms (median of %u)\n", empty_ms, runs);
  g_print ("Start to first frame, Backorders, large shop: %7.1f ms (median of %u)\n", window_ms, runs);
  g_print ("Ratio:                                        %7.2f   (budget 1.5)\n", window_ms / empty_ms);
  g_print ("Memory after scrolling %6u orders page by page (small): %7.1f MB\n", rows_small,
           rss_small / 1024.0);
  g_print ("Memory after scrolling %6u orders page by page (large): %7.1f MB (+%.1f MB)\n",
           rows_large, rss_large / 1024.0, (rss_large - rss_small) / 1024.0);
  g_print ("Slowest scroll step: small %.1f ms, large %.1f ms\n", worst_small, worst_large);
  g_print ("Sorting and searching: slowest redraw %.1f ms (budget %.0f), longest step %.1f ms "
           "(budget %.0f)\n", worst_redraw, REDRAW_BUDGET_MS, worst_list_step, STEP_BUDGET_MS);
  print_dashboard (dashboard_ms, compute_ms);

  ok = lists_ok && window_ms / empty_ms <= 1.5 && dashboard_ms <= 150;
  if (!ok)
    g_print ("A budget was missed.\n");
  return ok ? 0 : 1;
}
