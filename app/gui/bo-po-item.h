/* bo-po-item.h — a purchase order as a row of a list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "backorders/bo-records.h"

G_BEGIN_DECLS

#define BO_TYPE_PO_ITEM (bo_po_item_get_type ())
G_DECLARE_FINAL_TYPE (BoPoItem, bo_po_item, BO, PO_ITEM, GObject)

BoPoItem          *bo_po_item_new         (BoPoSummary *summary,
                                           const char  *currency);
const BoPoSummary *bo_po_item_get_summary (BoPoItem    *self);

G_END_DECLS
