/* bo-purchase-orders-view.c — the purchase-orders view
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-purchase-orders-view"

#include "config.h"

#include "bo-purchase-orders-view.h"

struct _BoPurchaseOrdersView
{
  BoView parent_instance;
};

G_DEFINE_FINAL_TYPE (BoPurchaseOrdersView, bo_purchase_orders_view, BO_TYPE_VIEW)

static void
bo_purchase_orders_view_class_init (BoPurchaseOrdersViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-purchase-orders-view.ui");
}

static void
bo_purchase_orders_view_init (BoPurchaseOrdersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
