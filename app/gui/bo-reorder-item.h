/* bo-reorder-item.h — a reorder suggestion as a row of a list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_REORDER_ITEM (bo_reorder_item_get_type ())
G_DECLARE_FINAL_TYPE (BoReorderItem, bo_reorder_item, BO, REORDER_ITEM, GObject)

BoReorderItem             *bo_reorder_item_new            (BoReorderSuggestion *suggestion);
const BoReorderSuggestion *bo_reorder_item_get_suggestion (BoReorderItem       *self);

G_END_DECLS
