/* bo-customers-view.c — the customers view
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-customers-view"

#include "config.h"

#include "bo-customers-view.h"

struct _BoCustomersView
{
  BoView parent_instance;
};

G_DEFINE_FINAL_TYPE (BoCustomersView, bo_customers_view, BO_TYPE_VIEW)

static void
bo_customers_view_class_init (BoCustomersViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-customers-view.ui");
}

static void
bo_customers_view_init (BoCustomersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
