/* bo-window.h — the main window: a sidebar of views over one shop
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_WINDOW (bo_window_get_type ())
G_DECLARE_FINAL_TYPE (BoWindow, bo_window, BO, WINDOW, AdwApplicationWindow)

BoWindow   *bo_window_new            (AdwApplication *application,
                                      BoStore        *store);
BoStore    *bo_window_get_store      (BoWindow       *self);
void        bo_window_show_error     (BoWindow       *self,
                                      const GError   *error);
void        bo_window_show_view      (BoWindow       *self,
                                      const char     *name);
const char *bo_window_get_view_name  (BoWindow       *self);
GtkWidget  *bo_window_get_view       (BoWindow       *self,
                                      const char     *name);
void        bo_window_add_toast      (BoWindow       *self,
                                      AdwToast       *toast);
void        bo_window_print_picklists (BoWindow      *self,
                                      const gint64   *order_ids,
                                      gsize           n_order_ids);

G_END_DECLS
