/* bo-dashboard-view.c — the dashboard view
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-dashboard-view"

#include "config.h"

#include "bo-dashboard-view.h"

struct _BoDashboardView
{
  BoView parent_instance;
};

G_DEFINE_FINAL_TYPE (BoDashboardView, bo_dashboard_view, BO_TYPE_VIEW)

static void
bo_dashboard_view_class_init (BoDashboardViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-dashboard-view.ui");
}

static void
bo_dashboard_view_init (BoDashboardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
