/* test-dashboard.c — the dashboard's charts: the store's numbers, switches, hover, keys, tables
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bo-chart-card.h"
#include "bo-chart-widget.h"
#include "bo-dashboard-view.h"
#include "bo-gui-test.h"
#include "bo-window.h"

/* ---- helpers ------------------------------------------------------------------ */

static guint32
julian (gint y,
        gint m,
        gint d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static gint64
at_noon (gint y,
         gint m,
         gint d)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (y, m, d, 12, 0, 0);

  return g_date_time_to_unix (dt);
}

/* Read and shown: the first reading waits for the first frame, which a loaded
 * machine may paint after the fixture's first iterations; "not loading" alone
 * would then be true before the reading has even begun. */
static gboolean
charts_loaded (gpointer data)
{
  static const char *const ids[] = { "rate", "backlog", "aging", "suppliers", "top-products" };

  if (bo_dashboard_view_get_charts_loading (data))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      BoChartCard *c = bo_dashboard_view_get_chart_card (data, ids[i]);

      if (c == NULL || bo_chart_card_get_chart (c) == NULL)
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char            *dir;
  BoStore         *store;
  BoWindow        *window;
  BoDashboardView *view;
  const char      *expect_sku;   /* test_follows_store: what the chart should come to show */
  gint64           expect_units;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gboolean sample = GPOINTER_TO_INT (data) == 0;

  f->store = bo_gui_test_open_store (&f->dir, sample);
  bo_store_set_now (f->store, at_noon (2026, 11, 26));
  f->window = bo_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  /* An empty shop first offers a sample; the merchant starts empty. */
  if (!sample)
    bo_gui_test_start_empty_shop (GTK_WIDGET (f->window));
  bo_window_show_view (f->window, "dashboard");
  bo_gui_test_iterate (100);
  f->view = BO_DASHBOARD_VIEW (bo_window_get_view (f->window, "dashboard"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  g_assert_true (bo_gui_test_wait_for (charts_loaded, f->view, 5000));
  bo_gui_test_iterate (20);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  bo_gui_test_iterate (20);
  g_clear_object (&f->store);
  bo_gui_test_remove_dir (f->dir);
  g_free (f->dir);
}

static BoChartCard *
card (Fixture    *f,
      const char *id)
{
  BoChartCard *c = bo_dashboard_view_get_chart_card (f->view, id);

  g_assert_nonnull (c);
  return c;
}

static BoChartWidget *
chart_widget (Fixture    *f,
              const char *id)
{
  return bo_chart_card_get_chart_widget (card (f, id));
}

/* The chart on screen, not only what the view holds. */
static BoChart *
shown_chart (Fixture    *f,
             const char *id)
{
  BoChart *chart = bo_chart_widget_get_chart (chart_widget (f, id));

  g_assert_nonnull (chart);
  g_assert_true (chart == bo_chart_card_get_chart (card (f, id)));
  return chart;
}

static void
assert_value (BoChart *chart,
              guint    series,
              guint    index,
              double   expected)
{
  const BoChartPoint *point = bo_chart_get_point (chart, series, index);

  g_assert_true (point->defined);
  g_assert_cmpfloat_with_epsilon (point->value, expected, 1e-9);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

/* ---- the numbers ------------------------------------------------------------------ */

static void
test_rate_numbers (Fixture       *f,
                   gconstpointer  data)
{
  guint32 today = julian (2026, 11, 26);
  BoChart *chart = shown_chart (f, "rate");
  guint32 from, to;

  /* The last 12 months of the sample shop (seed 11), counted by hand with
   * plain SQL on its orders and order lines: orders placed in each month,
   * and those with a line backordered at placement. */
  static const struct
  {
    const char *label;
    gint64      orders;
    gint64      backordered;
  } expected[] = {
    { "2025-12", 46, 13 }, { "2026-01", 47, 13 }, { "2026-02", 43, 3 },
    { "2026-03", 47, 13 }, { "2026-04", 43, 13 }, { "2026-05", 46, 12 },
    { "2026-06", 45, 15 }, { "2026-07", 48, 10 }, { "2026-08", 45, 12 },
    { "2026-09", 44, 10 }, { "2026-10", 45, 14 }, { "2026-11", 40, 9 },
  };

  bo_chart_default_range (today, BO_PERIOD_MONTH, &from, &to);
  g_assert_cmpuint (from, ==, julian (2025, 12, 1));
  g_assert_cmpuint (to, ==, today);
  g_assert_cmpuint (bo_chart_get_n_categories (chart), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const BoChartPoint *point = bo_chart_get_point (chart, 0, i);

      g_assert_cmpstr (point->label, ==, expected[i].label);
      assert_value (chart, 0, i, 100.0 * expected[i].backordered / expected[i].orders);
    }

  /* The card says what it measures and how. */
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (card (f, "rate")), "Backorder Rate"));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (card (f, "rate")),
                                            bo_metrics_formula (BO_METRIC_ORDER_RATE)));
}

static void
test_other_numbers (Fixture       *f,
                    gconstpointer  data)
{
  guint32 today = julian (2026, 11, 26);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) history = NULL;
  g_autoptr(GArray) suppliers = NULL;
  g_autoptr(GArray) top = NULL;
  gint64 lines[BO_AGE_N_BUCKETS], units[BO_AGE_N_BUCKETS], backlog_units, backlog_value;
  BoChart *chart;
  guint32 from, to;
  guint n = 0;

  /* Backlog: units and value at the end of each month; today's last. */
  chart = shown_chart (f, "backlog");
  bo_chart_default_range (today, BO_PERIOD_MONTH, &from, &to);
  history = bo_store_backlog_history (f->store, BO_PERIOD_MONTH, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bo_chart_get_n_categories (chart), ==, history->len);
  for (guint i = 0; i < history->len; i++)
    {
      const BoBacklogPoint *p = &g_array_index (history, BoBacklogPoint, i);

      assert_value (chart, 0, i, p->units);
      assert_value (chart, 1, i, p->value / 100.0);
    }
  g_assert_true (bo_store_backlog (f->store, NULL, &backlog_units, &backlog_value, &error));
  assert_value (chart, 0, history->len - 1, backlog_units);
  assert_value (chart, 1, history->len - 1, backlog_value / 100.0);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (card (f, "backlog")),
                                            bo_metrics_formula (BO_METRIC_BACKLOG)));

  /* Age buckets. */
  chart = shown_chart (f, "aging");
  g_assert_true (bo_store_aging (f->store, lines, units, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bo_chart_get_n_categories (chart), ==, BO_AGE_N_BUCKETS);
  for (guint b = 0; b < BO_AGE_N_BUCKETS; b++)
    {
      assert_value (chart, 0, b, units[b]);
      g_assert_cmpstr (bo_chart_get_point (chart, 0, b)->label, ==,
                       bo_metrics_age_bucket_label (b));
    }

  /* Suppliers with a fully received line: on-time rate and days late. */
  chart = shown_chart (f, "suppliers");
  suppliers = bo_store_supplier_counts (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < suppliers->len; i++)
    {
      const BoSupplierCounts *c = &g_array_index (suppliers, BoSupplierCounts, i);

      if (c->received_lines == 0)
        continue;
      g_assert_cmpstr (bo_chart_get_point (chart, 0, n)->label, ==, c->name);
      assert_value (chart, 0, n, bo_metrics_supplier_on_time (c));
      assert_value (chart, 1, n, bo_metrics_supplier_avg_days_late (c));
      n++;
    }
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (bo_chart_get_n_categories (chart), ==, n);

  /* The most backordered products, most first. */
  chart = shown_chart (f, "top-products");
  top = bo_store_top_backordered_products (f->store, BO_CHART_TOP_PRODUCTS_LIMIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (top->len, >, 0);
  g_assert_cmpuint (bo_chart_get_n_categories (chart), ==, top->len);
  for (guint i = 0; i < top->len; i++)
    {
      const BoProductBacklog *row = &g_array_index (top, BoProductBacklog, i);

      assert_value (chart, 0, i, row->units);
      g_assert_nonnull (strstr (bo_chart_get_point (chart, 0, i)->label, row->sku));
      if (i > 0)
        g_assert_cmpint (row->units, <=, g_array_index (top, BoProductBacklog, i - 1).units);
    }
}

static gint64
top_product_units (BoChart    *chart,
                   const char *sku)
{
  gint64 total = 0;

  for (guint i = 0; i < bo_chart_get_n_categories (chart); i++)
    if (strstr (bo_chart_get_point (chart, 0, i)->label, sku) != NULL)
      total += (gint64) bo_chart_get_point (chart, 0, i)->value;
  return total;
}

static gboolean
top_product_shows (gpointer data)
{
  Fixture *f = data;
  BoChart *chart;

  if (!charts_loaded (f->view))
    return FALSE;
  chart = bo_chart_card_get_chart (bo_dashboard_view_get_chart_card (f->view, "top-products"));
  return top_product_units (chart, f->expect_sku) == f->expect_units;
}

/* A change in the shop shows in the charts at once. */
static void
test_follows_store (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) top = bo_store_top_backordered_products (f->store, 1, &error);
  const BoProductBacklog *first = &g_array_index (top, BoProductBacklog, 0);
  g_autoptr(GPtrArray) rows = NULL;
  gint64 line_id = 0, open = 0, total = 0;
  BoChart *chart;

  g_assert_no_error (error);
  rows = bo_store_list_backorders (f->store, BO_ORDER_FILTER_BACKORDERED, first->sku, NULL, 0, 100,
                                   &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const BoOrderSummary *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->sku, first->sku) == 0 && row->backordered > 0 && line_id == 0)
        {
          line_id = row->line_id;
          open = row->backordered;
        }
    }
  g_assert_cmpint (line_id, >, 0);
  g_assert_true (bo_store_cancel_line (f->store, line_id, open, 0, NULL, &error));
  g_assert_no_error (error);
  /* The charts are read again in a thread, once the change has been noticed:
   * wait for the chart to show it, then check what it shows. */
  f->expect_sku = first->sku;
  f->expect_units = first->units - open;
  bo_gui_test_iterate (20);
  g_assert_true (bo_gui_test_wait_for (top_product_shows, f, 5000));

  chart = shown_chart (f, "top-products");
  total = top_product_units (chart, first->sku);
  g_assert_cmpint (total, ==, first->units - open);
}

/* ---- switches ---------------------------------------------------------------------- */

static void
test_period_and_measure (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *quarter = bo_gui_test_find (GTK_WIDGET (f->view), GTK_TYPE_TOGGLE_BUTTON,
                                         "period_quarter");
  GtkWidget *month = bo_gui_test_find (GTK_WIDGET (f->view), GTK_TYPE_TOGGLE_BUTTON,
                                       "period_month");
  guint32 today = julian (2026, 11, 26);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) quarters = NULL;
  BoChart *chart;
  guint32 from, to;

  g_assert_nonnull (quarter);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (month)));
  g_assert_cmpuint (bo_chart_get_n_categories (shown_chart (f, "rate")), ==, 12);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "dashboard.period", "s",
                                             "quarter"));
  bo_gui_test_iterate (20);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (quarter)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (month)));
  chart = shown_chart (f, "rate");
  g_assert_cmpuint (bo_chart_get_n_categories (chart), ==, 8);
  g_assert_cmpstr (bo_chart_get_point (chart, 0, 7)->label, ==, "2026 Q4");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "dashboard.period", "s",
                                             "year"));
  bo_gui_test_iterate (20);
  chart = shown_chart (f, "rate");
  g_assert_cmpuint (bo_chart_get_n_categories (chart), ==, 5);
  g_assert_cmpstr (bo_chart_get_point (chart, 0, 4)->label, ==, "2026");

  /* Lines instead of orders, by quarter: the store's line rates. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "dashboard.period", "s",
                                             "quarter"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "dashboard.measure", "s",
                                             "lines"));
  bo_gui_test_iterate (20);
  chart = shown_chart (f, "rate");
  g_assert_cmpstr (chart->title, ==, "Line Backorder Rate");
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (card (f, "rate")),
                                            bo_metrics_formula (BO_METRIC_LINE_RATE)));
  bo_chart_default_range (today, BO_PERIOD_QUARTER, &from, &to);
  days = bo_store_day_counts (f->store, from, to, &error);
  g_assert_no_error (error);
  quarters = bo_metrics_rate_series ((const BoDayCounts *) (gpointer) days->data, days->len,
                                     BO_PERIOD_QUARTER, from, to);
  g_assert_cmpuint (quarters->len, ==, 8);
  for (guint i = 0; i < quarters->len; i++)
    if (g_array_index (quarters, BoRatePoint, i).counts.orders > 0)
      assert_value (chart, 0, i, g_array_index (quarters, BoRatePoint, i).line_rate);
}

/* ---- hover and keyboard ------------------------------------------------------------ */

static void
test_hover (Fixture       *f,
            gconstpointer  data)
{
  BoChartWidget *widget = chart_widget (f, "rate");
  BoChart *chart = shown_chart (f, "rate");
  GtkEventController *motion = find_controller (GTK_WIDGET (widget),
                                                GTK_TYPE_EVENT_CONTROLLER_MOTION);
  guint draws, series, index, target = G_MAXUINT, next = G_MAXUINT;
  double x, y;

  g_assert_nonnull (motion);
  /* Two months with orders, so with bars. */
  for (guint i = 0; i < bo_chart_get_n_categories (chart) && next == G_MAXUINT; i++)
    if (bo_chart_get_point (chart, 0, i)->defined)
      {
        if (target == G_MAXUINT)
          target = i;
        else
          next = i;
      }
  g_assert_cmpuint (next, !=, G_MAXUINT);
  g_assert_true (bo_chart_widget_get_mark_center (widget, 0, target, &x, &y));
  bo_gui_test_iterate (50);
  draws = bo_chart_widget_get_draw_count (widget);
  g_assert_cmpuint (draws, >, 0);

  /* Over a bar: it is highlighted, and the tooltip gives value and period. */
  g_signal_emit_by_name (motion, "motion", x, y);
  bo_gui_test_iterate (50);
  g_assert_true (bo_chart_widget_get_selected (widget, &series, &index));
  g_assert_cmpuint (series, ==, 0);
  g_assert_cmpuint (index, ==, target);
  {
    g_autofree char *expected = bo_chart_describe_point (chart, 0, target);

    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (widget)), ==, expected);
    g_assert_true (g_str_has_prefix (expected, bo_chart_get_point (chart, 0, target)->label));
    g_assert_nonnull (strstr (expected, " %"));
    g_assert_nonnull (strstr (expected, " orders)"));
  }

  /* Another bar; the chart itself is not drawn again, only the highlight. */
  g_assert_true (bo_chart_widget_get_mark_center (widget, 0, next, &x, &y));
  g_signal_emit_by_name (motion, "motion", x, y);
  bo_gui_test_iterate (50);
  g_assert_true (bo_chart_widget_get_selected (widget, NULL, &index));
  g_assert_cmpuint (index, ==, next);
  g_assert_cmpuint (bo_chart_widget_get_draw_count (widget), ==, draws);

  /* Leaving clears it. */
  g_signal_emit_by_name (motion, "leave");
  bo_gui_test_iterate (20);
  g_assert_false (bo_chart_widget_get_selected (widget, NULL, NULL));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (widget)));
}

static void
assert_accessible_label (BoChartWidget *widget,
                         const char    *expected)
{
  char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                      GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  if (problem != NULL)
    g_error ("accessible label: %s", problem);
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  BoChartWidget *widget = chart_widget (f, "rate");
  BoChart *chart = shown_chart (f, "rate");
  guint n = bo_chart_get_n_categories (chart);
  guint index;

  /* Focus lands on the latest period and says it. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (widget)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (widget)));
  bo_gui_test_iterate (20);
  g_assert_true (bo_chart_widget_get_selected (widget, NULL, &index));
  g_assert_cmpuint (index, ==, n - 1);
  {
    g_autofree char *expected = bo_chart_describe_point (chart, 0, n - 1);
    g_autofree char *label = g_strdup_printf ("%s: %s", chart->title, expected);

    g_assert_cmpstr (bo_chart_widget_get_announcement (widget), ==, expected);
    assert_accessible_label (widget, label);
  }

  /* Left arrow: the month before, announced. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), "chart.move", "(ii)", -1, 0));
  bo_gui_test_iterate (20);
  g_assert_true (bo_chart_widget_get_selected (widget, NULL, &index));
  g_assert_cmpuint (index, ==, n - 2);
  {
    g_autofree char *expected = bo_chart_describe_point (chart, 0, n - 2);
    g_autofree char *label = g_strdup_printf ("%s: %s", chart->title, expected);

    g_assert_cmpstr (bo_chart_widget_get_announcement (widget), ==, expected);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (widget)), ==, expected);
    assert_accessible_label (widget, label);
  }

  /* Home, then Left stays at the first; End goes to the last. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), "chart.first", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), "chart.move", "(ii)", -1, 0));
  g_assert_true (bo_chart_widget_get_selected (widget, NULL, &index));
  g_assert_cmpuint (index, ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), "chart.last", NULL));
  g_assert_true (bo_chart_widget_get_selected (widget, NULL, &index));
  g_assert_cmpuint (index, ==, n - 1);

  /* Down moves to the next series on the backlog chart (value line). */
  {
    BoChartWidget *backlog = chart_widget (f, "backlog");
    guint series;

    g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (backlog)));
    bo_gui_test_iterate (20);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (backlog), "chart.move", "(ii)", 0, 1));
    g_assert_true (bo_chart_widget_get_selected (backlog, &series, NULL));
    g_assert_cmpuint (series, ==, 1);
    g_assert_nonnull (strstr (bo_chart_widget_get_announcement (backlog), "Value"));
  }
}

/* ---- table and export ----------------------------------------------------------- */

static void
test_table (Fixture       *f,
            gconstpointer  data)
{
  BoChartCard *rate = card (f, "rate");
  BoChart *chart = shown_chart (f, "rate");
  GtkWidget *button = bo_gui_test_find (GTK_WIDGET (rate), GTK_TYPE_TOGGLE_BUTTON,
                                        "Show as Table");
  GtkWidget *stack = bo_gui_test_find (GTK_WIDGET (rate), GTK_TYPE_STACK, "stack");

  g_assert_nonnull (button);
  g_assert_false (bo_chart_card_get_show_table (rate));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rate), "chart-card.show-table", NULL));
  bo_gui_test_iterate (20);
  g_assert_true (bo_chart_card_get_show_table (rate));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "table");

  g_assert_cmpstr (bo_chart_card_get_table_text (rate, 0, 0), ==, "Period");
  g_assert_cmpstr (bo_chart_card_get_table_text (rate, 0, 1), ==, "Backorder Rate");
  for (guint i = 0; i < bo_chart_get_n_categories (chart); i++)
    {
      const BoChartPoint *point = bo_chart_get_point (chart, 0, i);
      g_autofree char *value = point->defined ? bo_chart_format_value (chart, 0, point->value)
                                              : g_strdup ("—");

      g_assert_cmpstr (bo_chart_card_get_table_text (rate, 1 + i, 0), ==, point->label);
      g_assert_cmpstr (bo_chart_card_get_table_text (rate, 1 + i, 1), ==, value);
      g_assert_cmpstr (bo_chart_card_get_table_text (rate, 1 + i, 2), ==, point->detail);
    }
  g_assert_null (bo_chart_card_get_table_text (rate, 1 + bo_chart_get_n_categories (chart), 0));

  /* Another period: the table follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "dashboard.period", "s",
                                             "year"));
  bo_gui_test_iterate (20);
  chart = shown_chart (f, "rate");
  g_assert_cmpstr (bo_chart_card_get_table_text (rate, 5, 0), ==, "2026");
  g_assert_null (bo_chart_card_get_table_text (rate, 6, 0));

  /* Two series: a column each. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card (f, "suppliers")),
                                             "chart-card.show-table", NULL));
  bo_gui_test_iterate (20);
  chart = shown_chart (f, "suppliers");
  {
    double value = bo_chart_get_point (chart, 1, 0)->value;
    g_autofree char *days = bo_chart_format_value (chart, 1, value);

    g_assert_cmpstr (bo_chart_card_get_table_text (card (f, "suppliers"), 0, 2), ==,
                     "Average days late");
    g_assert_cmpstr (bo_chart_card_get_table_text (card (f, "suppliers"), 1, 2), ==, days);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rate), "chart-card.show-table", NULL));
  bo_gui_test_iterate (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "chart");
}

static void
assert_magic (const char *path,
              const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, strlen (magic));
  g_assert_true (memcmp (contents, magic, strlen (magic)) == 0);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "rate.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "aging.svg", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "top.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_is_sensitive (bo_gui_test_find (GTK_WIDGET (card (f, "rate")),
                                                            GTK_TYPE_MENU_BUTTON, "Export Chart")));
  g_assert_true (bo_chart_card_export (card (f, "rate"), png, BO_CHART_FORMAT_PNG, &error));
  g_assert_no_error (error);
  assert_magic (png, "\x89PNG");
  g_assert_true (bo_chart_card_export (card (f, "aging"), svg, BO_CHART_FORMAT_SVG, &error));
  g_assert_no_error (error);
  assert_magic (svg, "<?xml");
  g_assert_true (bo_chart_card_export (card (f, "top-products"), pdf, BO_CHART_FORMAT_PDF,
                                       &error));
  g_assert_no_error (error);
  assert_magic (pdf, "%PDF-");
}

/* ---- styles and an empty shop -------------------------------------------------- */

static void
test_dark_style (Fixture       *f,
                 gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  BoChartWidget *widget = chart_widget (f, "rate");
  BoChartPalette palette;
  guint draws;

  bo_gui_test_iterate (50);
  bo_chart_widget_get_palette (widget, &palette);
  g_assert_cmpfloat (palette.text.red, <, 0.5);
  draws = bo_chart_widget_get_draw_count (widget);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  bo_gui_test_iterate (100);
  bo_chart_widget_get_palette (widget, &palette);
  g_assert_cmpfloat (palette.text.red, >, 0.5);
  g_assert_cmpuint (bo_chart_widget_get_draw_count (widget), >, draws);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  bo_gui_test_iterate (50);
  bo_chart_widget_get_palette (widget, &palette);
  g_assert_cmpfloat (palette.text.red, <, 0.5);
}

static void
test_empty_shop (Fixture       *f,
                 gconstpointer  data)
{
  const char *ids[] = { "rate", "backlog", "aging", "suppliers", "top-products" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      BoChartWidget *widget = chart_widget (f, ids[i]);
      BoChart *chart = shown_chart (f, ids[i]);
      guint index;

      /* Nothing to show, and saying so; keys and hover do no harm. */
      g_assert_true (bo_chart_is_empty (chart));
      g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (widget)));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), "chart.move", "(ii)", 1, 0));
      if (bo_chart_is_empty (chart))
        g_assert_false (bo_chart_widget_get_selected (widget, NULL, &index));
      g_signal_emit_by_name (find_controller (GTK_WIDGET (widget),
                                              GTK_TYPE_EVENT_CONTROLLER_MOTION),
                             "motion", 100.0, 100.0);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card (f, ids[i])),
                                                 "chart-card.show-table", NULL));
      bo_gui_test_iterate (20);
      if (bo_chart_is_empty (chart))
        g_assert_cmpstr (bo_chart_card_get_table_text (card (f, ids[i]), 1, 0), ==,
                         chart->empty_text);
    }
  g_assert_cmpstr (shown_chart (f, "aging")->empty_text, ==, "No open backorders");
}

int
main (int   argc,
      char *argv[])
{
  /* The test accessibility backend keeps what screen readers would be
   * told, so that the tests can read it back. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!bo_gui_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
#define ADD(path, func, sample) \
  g_test_add ((path), Fixture, GINT_TO_POINTER (sample), fixture_set_up, (func), fixture_tear_down)
  ADD ("/dashboard/charts/rate-numbers", test_rate_numbers, 0);
  ADD ("/dashboard/charts/other-numbers", test_other_numbers, 0);
  ADD ("/dashboard/charts/follows-store", test_follows_store, 0);
  ADD ("/dashboard/charts/period-and-measure", test_period_and_measure, 0);
  ADD ("/dashboard/charts/hover", test_hover, 0);
  ADD ("/dashboard/charts/keyboard", test_keyboard, 0);
  ADD ("/dashboard/charts/table", test_table, 0);
  ADD ("/dashboard/charts/export", test_export, 0);
  ADD ("/dashboard/charts/dark-style", test_dark_style, 0);
  ADD ("/dashboard/charts/empty-shop", test_empty_shop, 1);
#undef ADD
  return g_test_run ();
}
