/* bo-chart-widget.h — a chart on screen: cached drawing, hover, keyboard focus, screen readers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-chart.h"

G_BEGIN_DECLS

#define BO_TYPE_CHART_WIDGET (bo_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (BoChartWidget, bo_chart_widget, BO, CHART_WIDGET, GtkWidget)

GtkWidget  *bo_chart_widget_new              (void);
void        bo_chart_widget_set_chart        (BoChartWidget  *self,
                                              BoChart        *chart);
BoChart    *bo_chart_widget_get_chart        (BoChartWidget  *self);
gboolean    bo_chart_widget_get_selected     (BoChartWidget  *self,
                                              guint          *series,
                                              guint          *index);
gboolean    bo_chart_widget_get_mark_center  (BoChartWidget  *self,
                                              guint           series,
                                              guint           index,
                                              double         *x,
                                              double         *y);
const char *bo_chart_widget_get_announcement (BoChartWidget  *self);
void        bo_chart_widget_get_palette      (BoChartWidget  *self,
                                              BoChartPalette *palette);
guint       bo_chart_widget_get_draw_count   (BoChartWidget  *self);

G_END_DECLS
