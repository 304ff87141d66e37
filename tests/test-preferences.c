/* test-preferences.c — the dashboard's cards and the preferences with their re-plan preview
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bo-application.h"
#include "bo-dashboard-view.h"
#include "bo-format.h"
#include "bo-gui-test.h"
#include "bo-preferences-dialog.h"
#include "bo-window.h"

/* ---- a hand-made shop ----------------------------------------------------------- */

static gint64
at_noon (int year,
         int month,
         int day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, 12, 0, 0);
  return g_date_time_to_unix (dt);
}

static guint32
julian (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static gint64
add_product (BoStore    *store,
             const char *sku,
             gint64      stock)
{
  g_autoptr(BoProduct) p = bo_product_new ();
  g_autoptr(GError) error = NULL;

  p->sku = g_strdup (sku);
  p->name = g_strdup_printf ("Product %s", sku);
  p->on_hand = stock;
  p->price = 1200;
  p->cost = 600;
  p->backorder_policy = BO_BACKORDER_ALLOW;
  g_assert_true (bo_store_save_product (store, p, &error));
  g_assert_no_error (error);
  return p->id;
}

static gint64
add_customer (BoStore    *store,
              const char *name)
{
  g_autoptr(BoCustomer) c = bo_customer_new ();
  g_autoptr(GError) error = NULL;

  c->name = g_strdup (name);
  g_assert_true (bo_store_save_customer (store, c, &error));
  g_assert_no_error (error);
  return c->id;
}

static gint64
add_supplier (BoStore    *store,
              const char *name)
{
  g_autoptr(BoSupplier) s = bo_supplier_new ();
  g_autoptr(GError) error = NULL;

  s->name = g_strdup (name);
  s->lead_days = 10;
  g_assert_true (bo_store_save_supplier (store, s, &error));
  g_assert_no_error (error);
  return s->id;
}

static gint64
place (BoStore    *store,
       const char *customer,
       gint64      placed_at,
       const char *sku,
       gint64      quantity)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;

  draft->customer_id = add_customer (store, customer);
  draft->placed_at = placed_at;
  bo_order_draft_add_line (draft, sku, quantity, -1);
  g_assert_true (bo_store_place_order (store, draft, FALSE, &outcome, &error));
  g_assert_no_error (error);
  return outcome->order_id;
}

static gint64
order_po (BoStore *store,
          gint64   supplier,
          guint32  eta,
          gint64   product,
          gint64   quantity)
{
  BoQuantity q = { product, quantity };
  g_autoptr(GError) error = NULL;
  gint64 po = 0;

  g_assert_true (bo_store_create_po (store, supplier, eta, &q, NULL, 1, &po, &error));
  g_assert_no_error (error);
  return po;
}

static BoOrderLine *
first_line (BoOrder *order)
{
  g_assert_cmpuint (order->lines->len, >, 0);
  return g_ptr_array_index (order->lines, 0);
}

static gint64
allocated (BoStore *store,
           gint64   order_id)
{
  g_autoptr(BoOrder) order = bo_store_get_order (store, order_id, NULL);

  g_assert_nonnull (order);
  return first_line (order)->allocated;
}

static guint32
promised (BoStore *store,
          gint64   order_id)
{
  g_autoptr(BoOrder) order = bo_store_get_order (store, order_id, NULL);

  g_assert_nonnull (order);
  return first_line (order)->promised;
}

static char *
setting (BoStore    *store,
         const char *key)
{
  return bo_store_get_setting (store, key);
}

/* DESIGN.md's worked example, allocated FIFO: 3 units arrive for Ms A (3),
 * then Ms B (1), then Ms C (1); A gets all three. */
typedef struct
{
  gint64 a, b, c;
  gint64 mug;
  gint64 supplier;
} WorkedExample;

static void
worked_example (BoStore       *store,
                WorkedExample *ex)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoAllocationResult) result = NULL;
  gint64 po;

  bo_store_set_now (store, at_noon (2026, 11, 26));
  ex->mug = add_product (store, "MUG-BLU", 0);
  ex->supplier = add_supplier (store, "Nordic Ceramics");
  ex->a = place (store, "Ms A", at_noon (2026, 11, 23), "MUG-BLU", 3);
  ex->b = place (store, "Ms B", at_noon (2026, 11, 24), "MUG-BLU", 1);
  ex->c = place (store, "Ms C", at_noon (2026, 11, 25), "MUG-BLU", 1);
  po = order_po (store, ex->supplier, julian (2026, 12, 1), ex->mug, 3);
  g_assert_true (bo_store_receive_po (store, po, NULL, 0, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (allocated (store, ex->a), ==, 3);
  g_assert_cmpint (allocated (store, ex->b), ==, 0);
  g_assert_cmpint (allocated (store, ex->c), ==, 0);
}

/* ---- widgets ------------------------------------------------------------------- */

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static BoWindow *
open_window (BoStore *store)
{
  BoWindow *window = bo_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  bo_window_show_view (window, "dashboard");
  bo_gui_test_iterate (50);
  return window;
}

static BoPreferencesDialog *
open_preferences (BoWindow *window,
                  BoStore  *store)
{
  GtkWindow *dialog = bo_preferences_dialog_new (GTK_WINDOW (window), store);

  gtk_window_present (dialog);
  g_assert_true (bo_gui_test_wait_for (is_mapped, dialog, 2000));
  bo_gui_test_iterate (50);
  return BO_PREFERENCES_DIALOG (dialog);
}

static guint
position_of (AdwComboRow *row,
             const char  *label)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
      if (g_str_equal (gtk_string_object_get_string (item), label))
        return i;
    }
  g_assert_not_reached ();
}

static const char *
selected_label (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = bo_gui_test_find (root, GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  bo_gui_test_iterate (20);
}

/* Escape as the window's shortcut controllers would handle it: every
 * shortcut bound to the key, in order, until one handles it. */
static gboolean
press_escape (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

/* ---- dashboard ----------------------------------------------------------------- */

static void
assert_card (BoDashboardView *view,
             const char      *card,
             const char      *expected)
{
  g_assert_cmpstr (bo_dashboard_view_get_card_value (view, card), ==, expected);
}

static void
assert_card_count (BoDashboardView *view,
                   const char      *card,
                   gint64           expected)
{
  g_autofree char *text = bo_format_quantity (expected);

  g_assert_cmpint (expected, >=, 0);
  assert_card (view, card, text);
}

static void
test_dashboard_numbers (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL, *units_text = NULL, *value_text = NULL;
  g_autofree char *fill_text = NULL, *rate_text = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) series = NULL;
  BoWindow *window;
  BoDashboardView *view;
  gint64 lines, units, value, full, placed;
  guint32 today = julian (2026, 11, 26);

  bo_store_set_now (store, at_noon (2026, 11, 26));
  window = open_window (store);
  view = BO_DASHBOARD_VIEW (bo_window_get_view (window, "dashboard"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  /* The cards show what the store counts. */
  g_assert_true (bo_store_backlog (store, &lines, &units, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (units, >, 0);
  currency = setting (store, "currency");
  units_text = bo_format_quantity (units);
  value_text = bo_format_money (value, currency);
  assert_card (view, "backlog-units", units_text);
  assert_card (view, "backlog-value", value_text);
  assert_card_count (view, "ready", bo_store_count_orders (store, BO_ORDER_FILTER_READY, NULL,
                                                           NULL));
  assert_card_count (view, "awaiting-po",
                     bo_store_count_backorders (store, BO_ORDER_FILTER_AWAITING_PO, NULL, NULL));
  assert_card_count (view, "overdue-pos", bo_store_count_overdue_pos (store, NULL));

  /* Revenue on delivery: what shipped this quarter, at line prices. */
  {
    g_autoptr(GArray) revenue = bo_store_revenue_history (store, BO_PERIOD_QUARTER,
                                                          julian (2026, 10, 1), today, &error);
    g_autofree char *revenue_text = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (revenue->len, ==, 1);
    g_assert_cmpint (g_array_index (revenue, BoRevenuePoint, 0).revenue, >, 0);
    revenue_text = bo_format_money (g_array_index (revenue, BoRevenuePoint, 0).revenue, currency);
    assert_card (view, "revenue", revenue_text);
  }

  /* Rates of this quarter (Q4 2026), the backorder rate against Q3. */
  g_assert_true (bo_store_fill_rate (store, julian (2026, 10, 1), today, &full, &placed, &error));
  g_assert_cmpint (placed, >, 0);
  fill_text = bo_format_percent (bo_metrics_percent (full, placed));
  assert_card (view, "fill-rate", fill_text);
  days = bo_store_day_counts (store, julian (2026, 7, 1), today, &error);
  g_assert_no_error (error);
  series = bo_metrics_rate_series ((BoDayCounts *) (gpointer) days->data, days->len,
                                   BO_PERIOD_QUARTER, julian (2026, 7, 1), today);
  g_assert_cmpuint (series->len, ==, 2);
  rate_text = bo_format_percent (g_array_index (series, BoRatePoint, 1).order_rate);
  assert_card (view, "order-rate", rate_text);
  {
    const char *detail = bo_dashboard_view_get_card_detail (view, "order-rate");
    double change = g_array_index (series, BoRatePoint, 1).order_rate -
                    g_array_index (series, BoRatePoint, 0).order_rate;
    g_autofree char *points = g_strdup_printf ("%.1f pts from 2026 Q3", ABS (change));

    g_assert_nonnull (strstr (detail, "2026 Q3"));
    if (g_str_has_prefix (points, "0.0"))
      g_assert_true (g_str_has_prefix (detail, "No change"));
    else
      {
        g_assert_true (g_str_has_prefix (detail, change > 0 ? "↑ " : "↓ "));
        g_assert_nonnull (strstr (detail, points));
      }
  }
  /* The formula is one hover away. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (bo_dashboard_view_get_card (view, "order-rate")),
                   ==, bo_metrics_formula (BO_METRIC_ORDER_RATE));

  /* Each card opens the list behind it. */
  {
    const struct { const char *card, *view; } targets[] = {
      { "backlog-units", "backorders" },
      { "backlog-value", "backorders" },
      { "ready", "orders" },
      { "awaiting-po", "backorders" },
      { "overdue-pos", "purchase-orders" },
      { "order-rate", "orders" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
      {
        GtkWidget *card = bo_dashboard_view_get_card (view, targets[i].card);

        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                                   "dashboard"));
        bo_gui_test_iterate (20);
        g_assert_true (gtk_widget_get_mapped (card));
        g_signal_emit_by_name (card, "clicked");
        bo_gui_test_iterate (20);
        g_assert_cmpstr (bo_window_get_view_name (window), ==, targets[i].view);
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

static gint64
first_backorder (BoStore *store,
                 gint64  *backordered)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = bo_store_list_backorders (store, BO_ORDER_FILTER_BACKORDERED, NULL,
                                                        NULL, 0, 1, &error);
  const BoOrderSummary *row;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->backordered, >, 0);
  *backordered = row->backordered;
  return row->line_id;
}

/* The dashboard reads the store after its next frame: a change shows within
 * a few frames, not within the call that made it. */
typedef struct
{
  GtkWidget  *root;
  const char *id;     /* the label's id, or NULL for any label */
  const char *text;
} LabelShows;

static gboolean
label_shows (gpointer data)
{
  LabelShows *wait = data;
  GtkWidget *label;

  if (wait->id == NULL)
    return bo_gui_test_find_label (wait->root, wait->text) != NULL;
  label = bo_gui_test_find (wait->root, GTK_TYPE_LABEL, wait->id);
  return label != NULL && g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), wait->text) == 0;
}

static void
test_dashboard_follows_store (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, TRUE);
  g_autoptr(GError) error = NULL;
  BoWindow *window;
  BoDashboardView *view;
  gint64 units, after, line_id, quantity;

  bo_store_set_now (store, at_noon (2026, 11, 26));
  window = open_window (store);
  view = BO_DASHBOARD_VIEW (bo_window_get_view (window, "dashboard"));
  g_assert_true (bo_store_backlog (store, NULL, &units, NULL, &error));

  /* A customer cancels a backordered line: the backlog drops at once. */
  line_id = first_backorder (store, &quantity);
  g_assert_true (bo_store_cancel_line (store, line_id, quantity, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bo_store_backlog (store, NULL, &after, NULL, &error));
  g_assert_cmpint (after, ==, units - quantity);
  {
    g_autofree char *text = bo_format_quantity (after);
    LabelShows wait = { GTK_WIDGET (view), NULL, text };

    /* What is on screen, not only what the view would say. */
    g_assert_true (bo_gui_test_wait_for (label_shows, &wait, 2000));
    assert_card (view, "backlog-units", text);
  }

  /* A change made while the dashboard is hidden shows when it comes back. */
  bo_window_show_view (window, "orders");
  bo_gui_test_iterate (20);
  add_product (store, "NEW-0", 0);
  place (store, "Ms D", at_noon (2026, 11, 26), "NEW-0", 4);
  bo_window_show_view (window, "dashboard");
  bo_gui_test_iterate (20);
  {
    g_autofree char *text = bo_format_quantity (after + 4);
    LabelShows wait = { GTK_WIDGET (view), "backlog_units_value", text };

    g_assert_true (bo_gui_test_wait_for (label_shows, &wait, 2000));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

/* ---- preferences ----------------------------------------------------------------- */

static gboolean
is_previewing (gpointer data)
{
  return bo_preferences_dialog_is_previewing (data);
}

/* Each preview row reads "number · customer" over "SKU: before → after — reason". */
static void
assert_preview_row (GtkListBox *list,
                    guint       index,
                    const char *customer,
                    const char *move)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
  const char *subtitle;

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), customer));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_true (g_str_has_prefix (subtitle, "MUG-BLU: "));
  g_assert_nonnull (strstr (subtitle, move));
}

/* Another desk writes while the preview is shown: Apply works the plan out
 * again and applies what fits the shop now, not the stale list. */
static void
test_replan_apply_after_another_write (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, FALSE);
  g_autoptr(BoStore) other = NULL;
  g_autoptr(BoProduct) mug = NULL;
  g_autoptr(GError) error = NULL;
  WorkedExample ex;
  BoWindow *window;
  BoPreferencesDialog *prefs;
  AdwComboRow *policy_row;

  worked_example (store, &ex);
  window = open_window (store);
  prefs = open_preferences (window, store);
  policy_row = ADW_COMBO_ROW (bo_gui_test_find (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW,
                                                "Allocation Policy"));
  adw_combo_row_set_selected (policy_row,
                              position_of (policy_row, bo_policy_label (BO_POLICY_FAIR_SHARE)));
  g_assert_true (bo_gui_test_wait_for (is_previewing, prefs, 2000));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (prefs), "3 lines would move"));

  /* Two more mugs arrive at another desk: B and C get theirs, by FIFO. */
  other = bo_store_open (bo_store_get_path (store), &error);
  g_assert_no_error (error);
  mug = bo_store_find_product (other, "MUG-BLU", &error);
  g_assert_no_error (error);
  g_assert_true (bo_store_adjust_stock (other, mug->id, 2, "count", NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&other);

  /* Fair share of 5 among 3, 1 and 1 moves nothing now. */
  click (GTK_WIDGET (prefs), "Apply");
  g_assert_false (bo_preferences_dialog_is_previewing (prefs));
  g_assert_cmpint (allocated (store, ex.a), ==, 3);
  g_assert_cmpint (allocated (store, ex.b), ==, 1);
  g_assert_cmpint (allocated (store, ex.c), ==, 1);
  g_assert_cmpint (bo_store_get_policy (store), ==, BO_POLICY_FAIR_SHARE);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (prefs), "0 lines re-planned"));
  g_assert_true (bo_store_check (store, NULL, NULL));
  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_iterate (20);
}

static void
test_replan_preview (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, FALSE);
  WorkedExample ex;
  BoWindow *window;
  BoPreferencesDialog *prefs;
  AdwComboRow *policy_row;
  GtkListBox *list;
  guint fair;

  worked_example (store, &ex);
  window = open_window (store);
  prefs = open_preferences (window, store);
  policy_row = ADW_COMBO_ROW (bo_gui_test_find (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW,
                                                "Allocation Policy"));
  g_assert_nonnull (policy_row);
  g_assert_cmpstr (selected_label (policy_row), ==, bo_policy_label (BO_POLICY_FIFO));
  g_assert_false (bo_preferences_dialog_is_previewing (prefs));

  /* Picking fair share shows what would move and changes nothing yet. */
  fair = position_of (policy_row, bo_policy_label (BO_POLICY_FAIR_SHARE));
  adw_combo_row_set_selected (policy_row, fair);
  g_assert_true (bo_gui_test_wait_for (is_previewing, prefs, 2000));
  list = GTK_LIST_BOX (bo_gui_test_find (GTK_WIDGET (prefs), GTK_TYPE_LIST_BOX, "replan_list"));
  g_assert_nonnull (list);
  g_assert_true (bo_gui_test_wait_for (is_mapped, list, 2000));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (prefs), "3 lines would move"));
  assert_preview_row (list, 0, "Ms A", "3 → 1");
  assert_preview_row (list, 1, "Ms B", "0 → 1");
  assert_preview_row (list, 2, "Ms C", "0 → 1");
  g_assert_null (gtk_list_box_get_row_at_index (list, 3));
  g_assert_cmpint (allocated (store, ex.a), ==, 3);
  g_assert_cmpint (allocated (store, ex.b), ==, 0);
  g_assert_cmpint (bo_store_get_policy (store), ==, BO_POLICY_FIFO);

  /* Cancel: the store keeps FIFO and so does the row. */
  click (GTK_WIDGET (prefs), "Cancel");
  g_assert_false (bo_preferences_dialog_is_previewing (prefs));
  g_assert_true (bo_gui_test_wait_for (is_unmapped, list, 2000));
  g_assert_cmpstr (selected_label (policy_row), ==, bo_policy_label (BO_POLICY_FIFO));
  g_assert_cmpint (bo_store_get_policy (store), ==, BO_POLICY_FIFO);
  g_assert_cmpint (allocated (store, ex.a), ==, 3);

  /* Again, and Escape cancels the preview (and leaves the window open). */
  adw_combo_row_set_selected (policy_row, fair);
  g_assert_true (bo_gui_test_wait_for (is_previewing, prefs, 2000));
  g_assert_true (bo_gui_test_wait_for (is_mapped, list, 2000));
  g_assert_true (press_escape (GTK_WIDGET (prefs)));
  g_assert_false (bo_preferences_dialog_is_previewing (prefs));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (prefs)));
  g_assert_cmpstr (selected_label (policy_row), ==, bo_policy_label (BO_POLICY_FIFO));
  g_assert_true (bo_gui_test_wait_for (is_unmapped, list, 2000));

  /* Once more, and Apply: the stock is shared and the policy saved. */
  adw_combo_row_set_selected (policy_row, fair);
  g_assert_true (bo_gui_test_wait_for (is_previewing, prefs, 2000));
  g_assert_true (bo_gui_test_wait_for (is_mapped, list, 2000));
  click (GTK_WIDGET (prefs), "Apply");
  g_assert_false (bo_preferences_dialog_is_previewing (prefs));
  g_assert_cmpint (allocated (store, ex.a), ==, 1);
  g_assert_cmpint (allocated (store, ex.b), ==, 1);
  g_assert_cmpint (allocated (store, ex.c), ==, 1);
  g_assert_cmpint (bo_store_get_policy (store), ==, BO_POLICY_FAIR_SHARE);
  g_assert_cmpstr (selected_label (policy_row), ==, bo_policy_label (BO_POLICY_FAIR_SHARE));
  g_assert_true (bo_gui_test_wait_for (is_unmapped, list, 2000));
  g_assert_true (bo_store_check (store, NULL, NULL));

  /* Without a preview, Escape closes the window. */
  g_object_ref (prefs);
  g_assert_true (press_escape (GTK_WIDGET (prefs)));
  bo_gui_test_iterate (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (prefs)));
  g_object_unref (prefs);

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

/* A shop with prices keeps a currency with the same decimals: the refusal
 * shows under the row, and nothing changes. */
static void
test_currency_change_refused (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, TRUE);
  g_autofree char *value = NULL;
  BoWindow *window = open_window (store);
  BoPreferencesDialog *prefs = open_preferences (window, store);
  GtkWidget *currency, *reason;

  currency = bo_gui_test_find (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, "Currency");
  g_assert_nonnull (currency);
  bo_gui_test_set_text (currency, "JPY");
  g_assert_false (gtk_widget_has_css_class (currency, "error"));
  g_signal_emit_by_name (currency, "apply");
  bo_gui_test_iterate (20);
  value = setting (store, "currency");
  g_assert_cmpstr (value, ==, "EUR");
  g_assert_true (gtk_widget_has_css_class (currency, "error"));
  reason = bo_gui_test_find_label (GTK_WIDGET (prefs),
                                   "The currency cannot change from EUR (2 decimals) to JPY");
  g_assert_nonnull (reason);
  g_assert_true (gtk_widget_get_mapped (reason));

  /* The same decimals are fine. */
  bo_gui_test_set_text (currency, "CHF");
  g_signal_emit_by_name (currency, "apply");
  g_clear_pointer (&value, g_free);
  value = setting (store, "currency");
  g_assert_cmpstr (value, ==, "CHF");

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

/* From Now On: the new policy is kept, today's allocations stay where they are. */
static void
test_policy_from_now_on (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, FALSE);
  WorkedExample ex;
  BoWindow *window;
  BoPreferencesDialog *prefs;
  AdwComboRow *policy_row;
  GtkListBox *list;

  worked_example (store, &ex);
  window = open_window (store);
  prefs = open_preferences (window, store);
  policy_row = ADW_COMBO_ROW (bo_gui_test_find (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW,
                                                "Allocation Policy"));
  adw_combo_row_set_selected (policy_row, position_of (policy_row,
                                                       bo_policy_label (BO_POLICY_FAIR_SHARE)));
  g_assert_true (bo_gui_test_wait_for (is_previewing, prefs, 2000));
  list = GTK_LIST_BOX (bo_gui_test_find (GTK_WIDGET (prefs), GTK_TYPE_LIST_BOX, "replan_list"));
  g_assert_true (bo_gui_test_wait_for (is_mapped, list, 2000));

  click (GTK_WIDGET (prefs), "From Now On");
  g_assert_false (bo_preferences_dialog_is_previewing (prefs));
  g_assert_cmpint (bo_store_get_policy (store), ==, BO_POLICY_FAIR_SHARE);
  g_assert_cmpstr (selected_label (policy_row), ==, bo_policy_label (BO_POLICY_FAIR_SHARE));
  g_assert_cmpint (allocated (store, ex.a), ==, 3);
  g_assert_cmpint (allocated (store, ex.b), ==, 0);
  g_assert_cmpint (allocated (store, ex.c), ==, 0);
  g_assert_true (bo_gui_test_wait_for (is_unmapped, list, 2000));
  g_assert_true (bo_store_check (store, NULL, NULL));

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

static gboolean
arrivals_off (gpointer data)
{
  return !g_settings_get_boolean (data, "notify-arrivals");
}

static void
test_shop_settings (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, FALSE);
  g_autoptr(GSettings) settings = bo_application_get_settings ();
  g_autofree char *value = NULL;
  BoWindow *window;
  BoPreferencesDialog *prefs;
  GtkWidget *currency, *shop_name, *reason, *policy_row, *supplier_row, *arrivals;

  window = open_window (store);
  prefs = open_preferences (window, store);

  /* The currency is checked as it is typed and not saved while wrong. */
  currency = bo_gui_test_find (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, "Currency");
  g_assert_nonnull (currency);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (currency)), ==, "EUR");
  g_assert_false (gtk_widget_has_css_class (currency, "error"));
  bo_gui_test_set_text (currency, "euro");
  g_assert_true (gtk_widget_has_css_class (currency, "error"));
  reason = bo_gui_test_find_label (GTK_WIDGET (prefs), "three capital letters");
  g_assert_nonnull (reason);
  g_assert_true (gtk_widget_get_mapped (reason));
  g_signal_emit_by_name (currency, "apply");
  value = setting (store, "currency");
  g_assert_cmpstr (value, ==, "EUR");
  g_clear_pointer (&value, g_free);

  bo_gui_test_set_text (currency, "USD");
  g_assert_false (gtk_widget_has_css_class (currency, "error"));
  g_assert_false (gtk_widget_get_visible (reason));
  g_signal_emit_by_name (currency, "apply");
  value = setting (store, "currency");
  g_assert_cmpstr (value, ==, "USD");
  g_clear_pointer (&value, g_free);

  /* A policy under which nothing would move is saved without a preview. */
  policy_row = bo_gui_test_find (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "Allocation Policy");
  adw_combo_row_set_selected (ADW_COMBO_ROW (policy_row),
                              position_of (ADW_COMBO_ROW (policy_row),
                                           bo_policy_label (BO_POLICY_PRO_RATA)));
  bo_gui_test_iterate (20);
  g_assert_false (bo_preferences_dialog_is_previewing (prefs));
  g_assert_cmpint (bo_store_get_policy (store), ==, BO_POLICY_PRO_RATA);

  supplier_row = bo_gui_test_find (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "Supplier Choice");
  g_assert_cmpstr (selected_label (ADW_COMBO_ROW (supplier_row)), ==, "Cheapest");
  adw_combo_row_set_selected (ADW_COMBO_ROW (supplier_row),
                              position_of (ADW_COMBO_ROW (supplier_row), "Fastest"));
  value = setting (store, "supplier-choice");
  g_assert_cmpstr (value, ==, "fastest");
  g_clear_pointer (&value, g_free);

  /* Notification switches are user settings, not shop data. */
  g_assert_nonnull (settings);
  arrivals = bo_gui_test_find (GTK_WIDGET (prefs), GTK_TYPE_SWITCH, "notify_arrivals_switch");
  g_assert_nonnull (arrivals);
  g_assert_true (gtk_widget_get_mapped (arrivals));
  g_assert_true (g_settings_get_boolean (settings, "notify-arrivals"));
  /* The switch animates before it flips. */
  gtk_widget_activate (arrivals);
  g_assert_true (bo_gui_test_wait_for (arrivals_off, settings, 2000));
  g_settings_reset (settings, "notify-arrivals");

  /* A shop name typed but not applied is kept when the window closes. */
  shop_name = bo_gui_test_find (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, "Shop Name");
  bo_gui_test_set_text (shop_name, "Corner Shop & Co");
  g_object_ref (prefs);
  gtk_window_close (GTK_WINDOW (prefs));
  bo_gui_test_iterate (20);
  value = setting (store, "shop-name");
  g_assert_cmpstr (value, ==, "Corner Shop & Co");
  g_clear_pointer (&value, g_free);
  g_object_unref (prefs);

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

static void
test_handling_days (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, FALSE);
  g_autofree char *value = NULL;
  BoWindow *window;
  BoPreferencesDialog *prefs;
  GtkWidget *spin;
  gint64 mug, order;

  bo_store_set_now (store, at_noon (2026, 11, 26));
  mug = add_product (store, "MUG-BLU", 0);
  order = place (store, "Ms A", at_noon (2026, 11, 25), "MUG-BLU", 2);
  order_po (store, add_supplier (store, "Nordic Ceramics"), julian (2026, 12, 10), mug, 5);
  g_assert_true (bo_store_refresh_promises (store, NULL, NULL));
  /* The arrival on 10 December plus the default handling day. */
  g_assert_cmpuint (promised (store, order), ==, julian (2026, 12, 11));

  window = open_window (store);
  prefs = open_preferences (window, store);
  spin = bo_gui_test_find (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON, "handling_spin");
  g_assert_nonnull (spin);
  g_assert_true (gtk_widget_get_mapped (spin));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 3);
  bo_gui_test_iterate (20);
  value = setting (store, "handling-days");
  g_assert_cmpstr (value, ==, "3");
  g_assert_cmpuint (promised (store, order), ==, julian (2026, 12, 13));

  /* A change from elsewhere shows in the open window. */
  g_assert_true (bo_store_set_setting (store, "handling-days", "5", NULL));
  bo_gui_test_iterate (20);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 5);

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

/* app.preferences (Ctrl+,) opens the preferences of the shop in the active window. */
static void
test_application_action (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, FALSE);
  g_autoptr(BoApplication) app = bo_application_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *prefs;
  BoWindow *window;

  /* A private instance: no other running Backorders is asked. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = bo_window_new (ADW_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  bo_gui_test_iterate (50);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  bo_gui_test_iterate (50);
  prefs = bo_gui_test_find_window (BO_TYPE_PREFERENCES_DIALOG);
  g_assert_nonnull (prefs);
  g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (prefs));

  gtk_window_destroy (prefs);
  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_iterate (20);
  bo_gui_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!bo_gui_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  g_test_add_func ("/dashboard/numbers", test_dashboard_numbers);
  g_test_add_func ("/dashboard/follows-store", test_dashboard_follows_store);
  g_test_add_func ("/preferences/replan-preview", test_replan_preview);
  g_test_add_func ("/preferences/policy-from-now-on", test_policy_from_now_on);
  g_test_add_func ("/preferences/replan-apply-after-another-write",
                   test_replan_apply_after_another_write);
  g_test_add_func ("/preferences/shop-settings", test_shop_settings);
  g_test_add_func ("/preferences/currency-change-refused", test_currency_change_refused);
  g_test_add_func ("/preferences/handling-days", test_handling_days);
  g_test_add_func ("/preferences/application-action", test_application_action);
  return g_test_run ();
}
