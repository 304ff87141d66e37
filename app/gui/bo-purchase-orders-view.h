/* bo-purchase-orders-view.h — the purchase orders: open, late, received
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-view.h"

G_BEGIN_DECLS

#define BO_TYPE_PURCHASE_ORDERS_VIEW (bo_purchase_orders_view_get_type ())
G_DECLARE_FINAL_TYPE (BoPurchaseOrdersView, bo_purchase_orders_view, BO, PURCHASE_ORDERS_VIEW,
                      BoView)

GListModel *bo_purchase_orders_view_get_model (BoPurchaseOrdersView *self);

G_END_DECLS
