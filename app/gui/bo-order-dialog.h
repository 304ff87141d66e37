/* bo-order-dialog.h — placeholder
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_ORDER_DIALOG (bo_order_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BoOrderDialog, bo_order_dialog, BO, ORDER_DIALOG, AdwWindow)

G_END_DECLS
