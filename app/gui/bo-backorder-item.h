/* bo-backorder-item.h — a backordered order line as a row of a list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "backorders/bo-records.h"

G_BEGIN_DECLS

#define BO_TYPE_BACKORDER_ITEM (bo_backorder_item_get_type ())
G_DECLARE_FINAL_TYPE (BoBackorderItem, bo_backorder_item, BO, BACKORDER_ITEM, GObject)

BoBackorderItem      *bo_backorder_item_new         (BoOrderSummary  *summary,
                                                     const char      *currency,
                                                     guint32          today);
const BoOrderSummary *bo_backorder_item_get_summary (BoBackorderItem *self);
guint                 bo_backorder_item_get_age     (BoBackorderItem *self);

G_END_DECLS
