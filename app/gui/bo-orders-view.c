/* bo-orders-view.c — the orders view
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-orders-view"

#include "config.h"

#include "bo-orders-view.h"

struct _BoOrdersView
{
  BoView parent_instance;
};

G_DEFINE_FINAL_TYPE (BoOrdersView, bo_orders_view, BO_TYPE_VIEW)

static void
bo_orders_view_class_init (BoOrdersViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-orders-view.ui");
}

static void
bo_orders_view_init (BoOrdersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
