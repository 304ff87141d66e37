/* bo-suppliers-view.c — the suppliers view
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-suppliers-view"

#include "config.h"

#include "bo-suppliers-view.h"

struct _BoSuppliersView
{
  BoView parent_instance;
};

G_DEFINE_FINAL_TYPE (BoSuppliersView, bo_suppliers_view, BO_TYPE_VIEW)

static void
bo_suppliers_view_class_init (BoSuppliersViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-suppliers-view.ui");
}

static void
bo_suppliers_view_init (BoSuppliersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
