/* bo-dashboard-view.h — the shop at a glance: cards that open the lists behind them, and charts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-chart-card.h"
#include "bo-view.h"

G_BEGIN_DECLS

#define BO_TYPE_DASHBOARD_VIEW (bo_dashboard_view_get_type ())
G_DECLARE_FINAL_TYPE (BoDashboardView, bo_dashboard_view, BO, DASHBOARD_VIEW, BoView)

GtkWidget  *bo_dashboard_view_get_card         (BoDashboardView *self,
                                                const char      *card_id);
const char *bo_dashboard_view_get_card_value   (BoDashboardView *self,
                                                const char      *card_id);
const char *bo_dashboard_view_get_card_detail  (BoDashboardView *self,
                                                const char      *card_id);
BoChartCard *bo_dashboard_view_get_chart_card  (BoDashboardView *self,
                                                const char      *chart_id);
gboolean    bo_dashboard_view_get_charts_loading (BoDashboardView *self);

G_END_DECLS
