/* bo-order-dialog.h — one order: its lines, promises and shipments
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_ORDER_DIALOG (bo_order_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BoOrderDialog, bo_order_dialog, BO, ORDER_DIALOG, AdwWindow)

GtkWindow *bo_order_dialog_new       (GtkWindow     *parent,
                                      BoStore       *store,
                                      gint64         order_id);
gint64     bo_order_dialog_get_order_id (BoOrderDialog *self);
AdwToast  *bo_order_dialog_get_undo_toast (BoOrderDialog *self);

G_END_DECLS
