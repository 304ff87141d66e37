/* bo-backorders-view.c — the backorders view
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-backorders-view"

#include "config.h"

#include "bo-backorders-view.h"

struct _BoBackordersView
{
  BoView parent_instance;
};

G_DEFINE_FINAL_TYPE (BoBackordersView, bo_backorders_view, BO_TYPE_VIEW)

static void
bo_backorders_view_class_init (BoBackordersViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-backorders-view.ui");
}

static void
bo_backorders_view_init (BoBackordersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
