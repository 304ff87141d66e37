/* bo-chart-card.h — a chart with its title, its formula, a table of its numbers and export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-chart.h"
#include "bo-chart-widget.h"

G_BEGIN_DECLS

#define BO_TYPE_CHART_CARD (bo_chart_card_get_type ())
G_DECLARE_FINAL_TYPE (BoChartCard, bo_chart_card, BO, CHART_CARD, GtkWidget)

GtkWidget     *bo_chart_card_new            (void);
void           bo_chart_card_set_chart      (BoChartCard    *self,
                                             BoChart        *chart);
BoChart       *bo_chart_card_get_chart      (BoChartCard    *self);
BoChartWidget *bo_chart_card_get_chart_widget (BoChartCard  *self);
gboolean       bo_chart_card_get_show_table (BoChartCard    *self);
void           bo_chart_card_set_show_table (BoChartCard    *self,
                                             gboolean        show_table);
const char    *bo_chart_card_get_table_text (BoChartCard    *self,
                                             guint           row,
                                             guint           column);
gboolean       bo_chart_card_export         (BoChartCard    *self,
                                             const char     *path,
                                             BoChartFormat   format,
                                             GError        **error);

G_END_DECLS
