/* bo-reorder-order-dialog.h — adding a suggested quantity to a draft purchase order
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_REORDER_ORDER_DIALOG (bo_reorder_order_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BoReorderOrderDialog, bo_reorder_order_dialog, BO, REORDER_ORDER_DIALOG,
                      AdwWindow)

GtkWindow *bo_reorder_order_dialog_new (GtkWindow                 *parent,
                                        BoStore                   *store,
                                        const BoReorderSuggestion *suggestion);

G_END_DECLS
