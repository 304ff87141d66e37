/* bo-dashboard-view-private.h — what the dashboard's cards and charts share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-chart-card.h"
#include "bo-dashboard-view.h"

G_BEGIN_DECLS

typedef enum
{
  CARD_BACKLOG_UNITS,
  CARD_BACKLOG_VALUE,
  CARD_ORDER_RATE,
  CARD_FILL_RATE,
  CARD_READY,
  CARD_AWAITING_PO,
  CARD_OVERDUE_POS,
  CARD_CUSTOMER_ON_TIME,
  CARD_REVENUE,
  N_CARDS
} Card;

typedef enum
{
  CHART_RATE,
  CHART_BACKLOG,
  CHART_AGING,
  CHART_SUPPLIERS,
  CHART_TOP_PRODUCTS,
  N_CHARTS
} Chart;

struct _BoDashboardView
{
  BoView          parent_instance;

  /* template widgets */
  GtkWidget      *cards[N_CARDS];
  GtkLabel       *titles[N_CARDS];
  GtkLabel       *values[N_CARDS];
  GtkLabel       *details[N_CARDS];
  BoChartCard    *charts[N_CHARTS];

  /* owned */
  gboolean        stale;
  guint           refresh_idle;   /* the first reading, after the first frame */
  gboolean        waiting_for_frame;
  gboolean        shown;          /* read at least once while shown */
  BoPeriod        period;          /* of the rate chart */
  BoChartMeasure  measure;         /* of the rate chart */

  /* the charts are read on a second connection, in a thread */
  BoStore        *chart_store;
  BoStore        *chart_store_for; /* the view's store it reads */
  GCancellable   *charts_cancellable;
  gboolean        charts_loading;
  gboolean        charts_pending;  /* the shop changed while they loaded */
  GCancellable   *cards_cancellable; /* the slow cards' read, in a worker */
};

extern const char *const _bo_dashboard_view_chart_ids[N_CHARTS];

void _bo_dashboard_view_load_charts       (BoDashboardView *self);
void _bo_dashboard_view_reload_rate_chart (BoDashboardView *self);
void _bo_dashboard_view_dispose_charts    (BoDashboardView *self);

G_END_DECLS
