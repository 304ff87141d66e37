/* bo-wrap-box.h — a row of widgets that wraps onto more lines when narrow
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BO_TYPE_WRAP_BOX (bo_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (BoWrapBox, bo_wrap_box, BO, WRAP_BOX, GtkWidget)

GtkWidget *bo_wrap_box_new    (void);
void       bo_wrap_box_append (BoWrapBox *self,
                               GtkWidget *child);

G_END_DECLS
