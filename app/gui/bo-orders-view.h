/* bo-orders-view.h — the order list: what shipped, what waits, what is promised
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-view.h"

G_BEGIN_DECLS

#define BO_TYPE_ORDERS_VIEW (bo_orders_view_get_type ())
G_DECLARE_FINAL_TYPE (BoOrdersView, bo_orders_view, BO, ORDERS_VIEW, BoView)

GListModel *bo_orders_view_get_model (BoOrdersView *self);

G_END_DECLS
