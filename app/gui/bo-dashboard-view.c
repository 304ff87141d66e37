/* bo-dashboard-view.c — the shop at a glance: cards that open the lists behind them, and charts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-dashboard-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bo-dashboard-view-private.h"
#include "bo-format.h"
#include "bo-reader.h"

#include <backorders/bo-period.h>

G_DEFINE_FINAL_TYPE (BoDashboardView, bo_dashboard_view, BO_TYPE_VIEW)

enum
{
  PROP_0,
  PROP_PERIOD,
  PROP_MEASURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The public id of each card and the ids of its widgets in the template. */
typedef struct
{
  const char *id;
  const char *card;
  const char *title;
  const char *value;
  const char *detail;
} CardInfo;

static const CardInfo card_infos[N_CARDS] = {
  { "backlog-units", "backlog_units_card", "backlog_units_title", "backlog_units_value",
    "backlog_units_detail" },
  { "backlog-value", "backlog_value_card", "backlog_value_title", "backlog_value_value",
    "backlog_value_detail" },
  { "order-rate", "order_rate_card", "order_rate_title", "order_rate_value", "order_rate_detail" },
  { "fill-rate", "fill_rate_card", "fill_rate_title", "fill_rate_value", "fill_rate_detail" },
  { "ready", "ready_card", "ready_title", "ready_value", "ready_detail" },
  { "awaiting-po", "awaiting_po_card", "awaiting_po_title", "awaiting_po_value",
    "awaiting_po_detail" },
  { "overdue-pos", "overdue_pos_card", "overdue_pos_title", "overdue_pos_value",
    "overdue_pos_detail" },
  { "customer-on-time", "customer_on_time_card", "customer_on_time_title",
    "customer_on_time_value", "customer_on_time_detail" },
  { "revenue", "revenue_card", "revenue_title", "revenue_value", "revenue_detail" },
};

/* Each chart's card in the template. */
static const char *const chart_cards[N_CHARTS] = {
  "rate_card", "backlog_card", "aging_card", "suppliers_card", "top_products_card",
};

/* Shown in place of a number the store could not give. */
#define NO_VALUE "—"

/* ---- helpers ---------------------------------------------------------------- */

static gint
card_index (const char *card_id)
{
  for (guint i = 0; i < N_CARDS; i++)
    if (g_strcmp0 (card_infos[i].id, card_id) == 0)
      return i;
  return -1;
}

/* Sets a card's number and caption; screen readers hear the title, the
 * number and the caption as the button's name. */
static void
set_card (BoDashboardView *self,
          Card             card,
          const char      *value,
          const char      *detail)
{
  g_autofree char *name = NULL;

  gtk_label_set_label (self->values[card], value);
  gtk_label_set_label (self->details[card], detail);
  /* TRANSLATORS: accessible name of a dashboard card: title, number, caption */
  name = g_strdup_printf (C_("dashboard card", "%s: %s, %s"),
                          gtk_label_get_label (self->titles[card]), value, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cards[card]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
set_card_count (BoDashboardView *self,
                Card             card,
                gint64           count,
                const char      *detail)
{
  g_autofree char *value = bo_format_quantity (count);

  set_card (self, card, value, detail);
}

static void
set_card_error (BoDashboardView *self,
                Card             card,
                GError         **error,
                GError         **first_error)
{
  set_card (self, card, NO_VALUE, _("Not available"));
  if (*first_error == NULL)
    *first_error = g_steal_pointer (error);
  g_clear_error (error);
}


/* "2.1" for a change of 2.14 percentage points, in the locale's digits. */
static char *
format_points (double points)
{
  return g_strdup_printf ("%.1f", fabs (points));
}

/* ---- the cards -------------------------------------------------------------- */

static void
load_backlog (BoDashboardView *self,
              BoStore         *store,
              const char      *currency,
              GError         **first_error)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *units_text = NULL, *lines_text = NULL, *value_text = NULL;
  g_autofree char *detail = NULL;
  gint64 lines = 0, units = 0, value = 0;

  if (!bo_store_backlog (store, &lines, &units, &value, &error))
    {
      set_card_error (self, CARD_BACKLOG_UNITS, &error, first_error);
      set_card (self, CARD_BACKLOG_VALUE, NO_VALUE, _("Not available"));
      return;
    }
  units_text = bo_format_quantity (units);
  lines_text = bo_format_quantity (lines);
  detail = g_strdup_printf (ngettext ("waiting in %s order line", "waiting in %s order lines",
                                      lines), lines_text);
  set_card (self, CARD_BACKLOG_UNITS, units_text, detail);

  value_text = bo_format_money (value, currency);
  set_card (self, CARD_BACKLOG_VALUE, value_text, _("at the prices of the order lines"));
}

static void
load_order_rate (BoDashboardView *self,
                 BoStore         *store,
                 guint32          today,
                 GError         **first_error)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) series = NULL;
  g_autofree char *value = NULL, *detail = NULL, *previous_label = NULL;
  const BoRatePoint *previous, *current;
  gint year, quarter, previous_year, previous_quarter;
  guint32 from_day;

  bo_period_of_day (BO_PERIOD_QUARTER, today, &year, &quarter);
  from_day = bo_period_shift (BO_PERIOD_QUARTER, today, -1);
  bo_period_of_day (BO_PERIOD_QUARTER, from_day, &previous_year, &previous_quarter);

  days = bo_store_day_counts (store, from_day, today, &error);
  if (days == NULL)
    {
      set_card_error (self, CARD_ORDER_RATE, &error, first_error);
      return;
    }
  series = bo_metrics_rate_series ((const BoDayCounts *) (gpointer) days->data, days->len,
                                   BO_PERIOD_QUARTER, from_day, today);
  g_return_if_fail (series->len == 2);
  previous = &g_array_index (series, BoRatePoint, 0);
  current = &g_array_index (series, BoRatePoint, 1);
  previous_label = bo_period_label (BO_PERIOD_QUARTER, previous_year, previous_quarter);

  gtk_widget_remove_css_class (GTK_WIDGET (self->details[CARD_ORDER_RATE]), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->details[CARD_ORDER_RATE]), "success");
  if (current->counts.orders == 0)
    {
      set_card (self, CARD_ORDER_RATE, NO_VALUE, _("No orders this quarter yet"));
      return;
    }
  value = bo_format_percent (current->order_rate);
  if (previous->counts.orders == 0)
    {
      /* TRANSLATORS: %s is a quarter, e.g. "2026 Q3" */
      detail = g_strdup_printf (_("No orders in %s to compare with"), previous_label);
    }
  else
    {
      double change = current->order_rate - previous->order_rate;
      g_autofree char *points = format_points (change);

      if (fabs (change) < 0.05)
        /* TRANSLATORS: %s is a quarter, e.g. "2026 Q3" */
        detail = g_strdup_printf (_("No change from %s"), previous_label);
      else if (change > 0)
        {
          /* TRANSLATORS: the backorder rate rose by %s percentage points since
           * the quarter %s, e.g. "↑ 2.1 pts from 2026 Q3" */
          detail = g_strdup_printf (_("↑ %s pts from %s"), points, previous_label);
          gtk_widget_add_css_class (GTK_WIDGET (self->details[CARD_ORDER_RATE]), "warning");
        }
      else
        {
          /* TRANSLATORS: the backorder rate fell by %s percentage points since
           * the quarter %s, e.g. "↓ 2.1 pts from 2026 Q3" */
          detail = g_strdup_printf (_("↓ %s pts from %s"), points, previous_label);
          gtk_widget_add_css_class (GTK_WIDGET (self->details[CARD_ORDER_RATE]), "success");
        }
    }
  set_card (self, CARD_ORDER_RATE, value, detail);
}

static void
load_fill_rate (BoDashboardView *self,
                BoStore         *store,
                guint32          today,
                GError         **first_error)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL, *detail = NULL, *full_text = NULL, *lines_text = NULL;
  gint64 full = 0, lines = 0;
  gint year, quarter;

  bo_period_of_day (BO_PERIOD_QUARTER, today, &year, &quarter);
  if (!bo_store_fill_rate (store, bo_period_start (BO_PERIOD_QUARTER, year, quarter), today, &full, &lines,
                           &error))
    {
      set_card_error (self, CARD_FILL_RATE, &error, first_error);
      return;
    }
  if (lines == 0)
    {
      set_card (self, CARD_FILL_RATE, NO_VALUE, _("No orders this quarter yet"));
      return;
    }
  value = bo_format_percent (bo_metrics_percent (full, lines));
  full_text = bo_format_quantity (full);
  lines_text = bo_format_quantity (lines);
  /* TRANSLATORS: "120 of 137 lines filled at once this quarter" */
  detail = g_strdup_printf (ngettext ("%s of %s line filled at once this quarter",
                                      "%s of %s lines filled at once this quarter", lines),
                            full_text, lines_text);
  set_card (self, CARD_FILL_RATE, value, detail);
}

static void
load_counts (BoDashboardView *self,
             BoStore         *store,
             GError         **first_error)
{
  g_autoptr(GError) error = NULL;
  gint64 count;

  count = bo_store_count_orders (store, BO_ORDER_FILTER_READY, NULL, &error);
  if (count < 0)
    set_card_error (self, CARD_READY, &error, first_error);
  else
    set_card_count (self, CARD_READY, count,
                    ngettext ("order has stock allocated to ship",
                              "orders have stock allocated to ship", count));

  count = bo_store_count_backorders (store, BO_ORDER_FILTER_AWAITING_PO, NULL, &error);
  if (count < 0)
    set_card_error (self, CARD_AWAITING_PO, &error, first_error);
  else
    set_card_count (self, CARD_AWAITING_PO, count,
                    ngettext ("backordered line has no incoming purchase order",
                              "backordered lines have no incoming purchase order", count));

  count = bo_store_count_overdue_pos (store, &error);
  if (count < 0)
    set_card_error (self, CARD_OVERDUE_POS, &error, first_error);
  else
    set_card_count (self, CARD_OVERDUE_POS, count,
                    ngettext ("purchase order is past its delivery date",
                              "purchase orders are past their delivery date", count));
}

static void
show_customer_on_time (BoDashboardView *self,
                       gint64           on_time,
                       gint64           shipped)
{
  g_autofree char *value = NULL, *detail = NULL, *on_time_text = NULL, *shipped_text = NULL;

  if (shipped == 0)
    {
      set_card (self, CARD_CUSTOMER_ON_TIME, NO_VALUE, _("No backordered line has shipped yet"));
      return;
    }
  value = bo_format_percent (bo_metrics_percent (on_time, shipped));
  on_time_text = bo_format_quantity (on_time);
  shipped_text = bo_format_quantity (shipped);
  /* TRANSLATORS: "48 of 52 backordered lines shipped by the promised date" */
  detail = g_strdup_printf (ngettext ("%s of %s backordered line shipped by the promised date",
                                      "%s of %s backordered lines shipped by the promised date",
                                      shipped),
                            on_time_text, shipped_text);
  set_card (self, CARD_CUSTOMER_ON_TIME, value, detail);
}

/* Revenue is recognised on delivery: the value shipped this quarter, beside
 * the refunds of cancellations and the backlog still to deliver. */
static void
show_revenue (BoDashboardView *self,
              GArray          *points,
              const char      *currency)
{
  g_autofree char *value = NULL, *refunds = NULL, *backlog = NULL, *detail = NULL;
  const BoRevenuePoint *p;

  if (points->len == 0)
    {
      set_card (self, CARD_REVENUE, NO_VALUE, _("Nothing delivered this quarter yet"));
      return;
    }
  p = &g_array_index (points, BoRevenuePoint, points->len - 1);
  value = bo_format_money (p->revenue, currency);
  refunds = bo_format_money (p->refunds, currency);
  backlog = bo_format_money (p->backlog, currency);
  /* TRANSLATORS: "refunds 12.00 EUR · still to deliver 839.20 EUR" */
  detail = g_strdup_printf (_("refunds %s · still to deliver %s"), refunds, backlog);
  set_card (self, CARD_REVENUE, value, detail);
}

/* The cards whose reads take longer than a frame on a large shop (the
 * revenue of the quarter about 55 ms, the on-time share about 10 ms on
 * 200,000 orders): read together, in a worker when the shop has a second
 * connection. */
typedef struct
{
  guint32  today;
  char    *currency;
} SlowCardsJob;

typedef struct
{
  char    *currency;
  gint64   on_time;
  gint64   shipped;
  GError  *on_time_error;
  GArray  *points;          /* BoRevenuePoint */
  GError  *revenue_error;
} SlowCards;

static void
slow_cards_job_free (gpointer data)
{
  SlowCardsJob *job = data;

  g_free (job->currency);
  g_free (job);
}

static void
slow_cards_free (gpointer data)
{
  SlowCards *cards = data;

  g_free (cards->currency);
  g_clear_error (&cards->on_time_error);
  g_clear_error (&cards->revenue_error);
  g_clear_pointer (&cards->points, g_array_unref);
  g_free (cards);
}

static gpointer
read_slow_cards (BoStore  *store,
                 gpointer  data,
                 GError  **error)
{
  SlowCardsJob *job = data;
  SlowCards *cards = g_new0 (SlowCards, 1);
  gint year, quarter;

  cards->currency = g_strdup (job->currency);
  /* On failure, the error says so. */
  bo_store_customer_on_time (store, &cards->on_time, &cards->shipped, &cards->on_time_error);
  bo_period_of_day (BO_PERIOD_QUARTER, job->today, &year, &quarter);
  cards->points = bo_store_revenue_history (store, BO_PERIOD_QUARTER,
                                            bo_period_start (BO_PERIOD_QUARTER, year, quarter),
                                            job->today,
                                            &cards->revenue_error);
  return cards;
}

static void
show_slow_cards (gpointer      owner,
                 gpointer      result,
                 const GError *error)
{
  BoDashboardView *self = owner;
  SlowCards *cards = result;
  g_autoptr(GError) first_error = NULL;

  if (cards->on_time_error != NULL)
    set_card_error (self, CARD_CUSTOMER_ON_TIME, &cards->on_time_error, &first_error);
  else
    show_customer_on_time (self, cards->on_time, cards->shipped);
  if (cards->points == NULL)
    set_card_error (self, CARD_REVENUE, &cards->revenue_error, &first_error);
  else
    show_revenue (self, cards->points, cards->currency);
  if (first_error != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could not read the shop’s numbers: %s"),
                                                first_error->message);
      bo_view_show_toast (BO_VIEW (self), adw_toast_new (title));
    }
}

static void
load_slow_cards (BoDashboardView *self,
                 BoStore         *store,
                 guint32          today,
                 const char      *currency)
{
  g_autoptr(BoReader) reader = bo_reader_get_for (store);
  SlowCardsJob *job = g_new0 (SlowCardsJob, 1);

  job->today = today;
  job->currency = g_strdup (currency);
  g_cancellable_cancel (self->cards_cancellable);
  g_clear_object (&self->cards_cancellable);
  if (reader == NULL)
    {
      SlowCards *cards = read_slow_cards (store, job, NULL);

      show_slow_cards (self, cards, NULL);
      slow_cards_free (cards);
      slow_cards_job_free (job);
      return;
    }
  self->cards_cancellable = g_cancellable_new ();
  bo_reader_read (reader, bo_store_get_now (store), self, self->cards_cancellable, read_slow_cards,
                  job, slow_cards_job_free, slow_cards_free, show_slow_cards);
}

static void
refresh (BoDashboardView *self)
{
  BoStore *store = bo_view_get_store (BO_VIEW (self));
  g_autoptr(GError) first_error = NULL;
  g_autofree char *currency = NULL;
  guint32 today;

  self->stale = FALSE;
  if (store == NULL)
    return;
  self->shown = TRUE;

  /* The charts are read in a thread: start them first, so that they read
   * while the cards do. */
  _bo_dashboard_view_load_charts (self);

  today = bo_store_get_today (store);
  currency = bo_store_get_setting (store, "currency");
  load_backlog (self, store, currency, &first_error);
  load_order_rate (self, store, today, &first_error);
  load_fill_rate (self, store, today, &first_error);
  load_counts (self, store, &first_error);
  load_slow_cards (self, store, today, currency);

  if (first_error != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could not read the shop’s numbers: %s"),
                                                first_error->message);
      bo_view_show_toast (BO_VIEW (self), adw_toast_new (title));
    }
}

/* ---- overrides -------------------------------------------------------------- */

static void
bo_dashboard_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BoDashboardView *self = BO_DASHBOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_set_string (value, bo_period_to_string (self->period));
      break;
    case PROP_MEASURE:
      g_value_set_string (value, bo_chart_measure_to_string (self->measure));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_dashboard_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BoDashboardView *self = BO_DASHBOARD_VIEW (object);
  BoPeriod period;
  BoChartMeasure measure;

  switch (prop_id)
    {
    case PROP_PERIOD:
      if (bo_period_from_string (g_value_get_string (value), &period) && period != self->period)
        {
          self->period = period;
          _bo_dashboard_view_reload_rate_chart (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_MEASURE:
      if (bo_chart_measure_from_string (g_value_get_string (value), &measure) &&
          measure != self->measure)
        {
          self->measure = measure;
          _bo_dashboard_view_reload_rate_chart (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Reading the numbers costs a few queries: a hidden dashboard waits until
 * it is shown again. */
static void schedule_refresh (BoDashboardView *self);

static void
bo_dashboard_view_reload (BoView *view)
{
  BoDashboardView *self = BO_DASHBOARD_VIEW (view);

  self->stale = TRUE;
  /* Once shown, a change is read at once; before, after the first frame. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      if (self->shown)
        refresh (self);
      else
        schedule_refresh (self);
    }
}

static gboolean
refresh_idle_cb (gpointer data)
{
  BoDashboardView *self = data;

  self->refresh_idle = 0;
  if (self->stale && gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock   *clock,
                BoDashboardView *self)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  self->waiting_for_frame = FALSE;
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_LOW, refresh_idle_cb, self, NULL);
}

/* The dashboard is the first view: the window shows its first frame with
 * the cards empty, and the numbers come right after that frame is painted. */
static void
schedule_refresh (BoDashboardView *self)
{
  GdkFrameClock *clock;

  if (self->refresh_idle != 0 || self->waiting_for_frame)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock != NULL)
    {
      self->waiting_for_frame = TRUE;
      g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), self, 0);
    }
  else
    self->refresh_idle = g_idle_add_full (G_PRIORITY_LOW, refresh_idle_cb, self, NULL);
}

/* The base class reads the shop when a stale view is mapped: that goes
 * through bo_dashboard_view_reload, which waits for the first frame. */
static void
bo_dashboard_view_map (GtkWidget *widget)
{
  BoDashboardView *self = BO_DASHBOARD_VIEW (widget);

  GTK_WIDGET_CLASS (bo_dashboard_view_parent_class)->map (widget);
  if (self->stale)
    schedule_refresh (self);
}

static void
bo_dashboard_view_dispose (GObject *object)
{
  g_clear_handle_id (&BO_DASHBOARD_VIEW (object)->refresh_idle, g_source_remove);
  _bo_dashboard_view_dispose_charts (BO_DASHBOARD_VIEW (object));
  g_cancellable_cancel (BO_DASHBOARD_VIEW (object)->cards_cancellable);
  g_clear_object (&BO_DASHBOARD_VIEW (object)->cards_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), BO_TYPE_DASHBOARD_VIEW);

  G_OBJECT_CLASS (bo_dashboard_view_parent_class)->dispose (object);
}

static void
bo_dashboard_view_class_init (BoDashboardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BoViewClass *view_class = BO_VIEW_CLASS (klass);

  object_class->get_property = bo_dashboard_view_get_property;
  object_class->set_property = bo_dashboard_view_set_property;
  object_class->dispose = bo_dashboard_view_dispose;
  widget_class->map = bo_dashboard_view_map;
  view_class->reload = bo_dashboard_view_reload;

  /* "month", "quarter" or "year": the rate chart's periods. */
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL, "month",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "orders", "lines" or "units": what the rate chart counts. */
  properties[PROP_MEASURE] =
    g_param_spec_string ("measure", NULL, NULL, "orders",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "dashboard.period", "period");
  gtk_widget_class_install_property_action (widget_class, "dashboard.measure", "measure");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-dashboard-view.ui");
  for (guint i = 0; i < N_CARDS; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, card_infos[i].card, FALSE,
                                                 G_STRUCT_OFFSET (BoDashboardView, cards) +
                                                 i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, card_infos[i].title, FALSE,
                                                 G_STRUCT_OFFSET (BoDashboardView, titles) +
                                                 i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, card_infos[i].value, FALSE,
                                                 G_STRUCT_OFFSET (BoDashboardView, values) +
                                                 i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, card_infos[i].detail, FALSE,
                                                 G_STRUCT_OFFSET (BoDashboardView, details) +
                                                 i * sizeof (gpointer));
    }
  g_type_ensure (BO_TYPE_CHART_CARD);
  for (guint i = 0; i < N_CHARTS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, chart_cards[i], FALSE,
                                               G_STRUCT_OFFSET (BoDashboardView, charts) +
                                               i * sizeof (gpointer));
}

static void
bo_dashboard_view_init (BoDashboardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Each rate says how it is computed. */
  gtk_widget_set_tooltip_text (self->cards[CARD_BACKLOG_UNITS],
                               bo_metrics_formula (BO_METRIC_BACKLOG));
  gtk_widget_set_tooltip_text (self->cards[CARD_BACKLOG_VALUE],
                               bo_metrics_formula (BO_METRIC_BACKLOG));
  gtk_widget_set_tooltip_text (self->cards[CARD_ORDER_RATE],
                               bo_metrics_formula (BO_METRIC_ORDER_RATE));
  gtk_widget_set_tooltip_text (self->cards[CARD_FILL_RATE],
                               bo_metrics_formula (BO_METRIC_FILL_RATE));
  gtk_widget_set_tooltip_text (self->cards[CARD_CUSTOMER_ON_TIME],
                               bo_metrics_formula (BO_METRIC_CUSTOMER_ON_TIME));
  self->stale = TRUE;
  self->period = BO_PERIOD_MONTH;
  self->measure = BO_CHART_MEASURE_ORDERS;
}

/* ---- public ----------------------------------------------------------------- */

/**
 * bo_dashboard_view_get_card:
 * @card_id: "backlog-units", "backlog-value", "order-rate", "fill-rate",
 *   "ready", "awaiting-po", "overdue-pos" or "customer-on-time"
 *
 * Returns: (transfer none) (nullable): the card's button, which opens the
 *   list behind the number
 */
GtkWidget *
bo_dashboard_view_get_card (BoDashboardView *self,
                            const char      *card_id)
{
  gint i;

  g_return_val_if_fail (BO_IS_DASHBOARD_VIEW (self), NULL);

  i = card_index (card_id);
  return i >= 0 ? self->cards[i] : NULL;
}

/**
 * bo_dashboard_view_get_card_value:
 *
 * Returns: (nullable): the number a card shows, read again first if the
 *   shop changed while the dashboard was hidden
 */
const char *
bo_dashboard_view_get_card_value (BoDashboardView *self,
                                  const char      *card_id)
{
  gint i;

  g_return_val_if_fail (BO_IS_DASHBOARD_VIEW (self), NULL);

  i = card_index (card_id);
  if (i < 0)
    return NULL;
  if (self->stale)
    refresh (self);
  return gtk_label_get_label (self->values[i]);
}

/**
 * bo_dashboard_view_get_card_detail:
 *
 * Returns: (nullable): the caption under a card's number
 */
const char *
bo_dashboard_view_get_card_detail (BoDashboardView *self,
                                   const char      *card_id)
{
  gint i;

  g_return_val_if_fail (BO_IS_DASHBOARD_VIEW (self), NULL);

  i = card_index (card_id);
  if (i < 0)
    return NULL;
  if (self->stale)
    refresh (self);
  return gtk_label_get_label (self->details[i]);
}

/**
 * bo_dashboard_view_get_chart_card:
 * @chart_id: "rate", "backlog", "aging", "suppliers" or "top-products"
 *
 * Returns: (transfer none) (nullable): the chart's card; if the shop changed
 *   while the dashboard was hidden, its chart is being read again (see
 *   bo_dashboard_view_get_charts_loading())
 */
BoChartCard *
bo_dashboard_view_get_chart_card (BoDashboardView *self,
                                  const char      *chart_id)
{
  g_return_val_if_fail (BO_IS_DASHBOARD_VIEW (self), NULL);

  for (guint i = 0; i < N_CHARTS; i++)
    if (g_strcmp0 (_bo_dashboard_view_chart_ids[i], chart_id) == 0)
      {
        if (self->stale)
          refresh (self);
        return self->charts[i];
      }
  return NULL;
}

/**
 * bo_dashboard_view_get_charts_loading:
 *
 * Returns: whether the charts are being read again (in a thread), or
 *   will be as soon as a frame is painted
 */
gboolean
bo_dashboard_view_get_charts_loading (BoDashboardView *self)
{
  g_return_val_if_fail (BO_IS_DASHBOARD_VIEW (self), FALSE);

  return self->charts_loading || self->waiting_for_frame || self->refresh_idle != 0;
}
