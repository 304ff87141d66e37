/* bo-window-private.h — what the main window's split files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-window.h"

G_BEGIN_DECLS

void  _bo_window_class_init_files  (GtkWidgetClass *widget_class);
void  _bo_window_set_next_file     (BoWindow       *self,
                                    GFile          *file);

G_END_DECLS
