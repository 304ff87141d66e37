/* bo-order-item.h — an order as a row of a list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "backorders/bo-records.h"

G_BEGIN_DECLS

#define BO_TYPE_ORDER_ITEM (bo_order_item_get_type ())
G_DECLARE_FINAL_TYPE (BoOrderItem, bo_order_item, BO, ORDER_ITEM, GObject)

BoOrderItem          *bo_order_item_new          (BoOrderSummary *summary,
                                                  const char     *currency);
const BoOrderSummary *bo_order_item_get_summary  (BoOrderItem    *self);
gint64                bo_order_item_get_order_id (BoOrderItem    *self);
const char           *bo_order_item_get_number   (BoOrderItem    *self);

G_END_DECLS
