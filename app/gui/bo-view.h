/* bo-view.h — one page of the main window, showing one part of the shop
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_VIEW (bo_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (BoView, bo_view, BO, VIEW, GtkWidget)

/**
 * BoViewClass:
 * @reload: read the shop again (the store changed or was replaced)
 * @focus_search: show and focus the view's search entry, if it has one
 * @show_filter: show only the rows of a named filter ("ready", "overdue"…);
 *   returns %FALSE for a filter the view does not have
 */
struct _BoViewClass
{
  GtkWidgetClass parent_class;

  void     (*reload)       (BoView     *self);
  gboolean (*focus_search) (BoView     *self);
  gboolean (*show_filter)  (BoView     *self,
                            const char *filter);
};

BoStore    *bo_view_get_store     (BoView     *self);
void        bo_view_set_store     (BoView     *self,
                                   BoStore    *store);
void        bo_view_reload        (BoView     *self);
gboolean    bo_view_focus_search  (BoView     *self);
gboolean    bo_view_show_filter   (BoView     *self,
                                   const char *filter);
void        bo_view_show_error    (BoView     *self,
                                   const char *what,
                                   GError     *error);
void        bo_view_show_toast    (BoView     *self,
                                   AdwToast   *toast);
GtkWindow  *bo_view_get_window    (BoView     *self);

G_END_DECLS
