/* bo-reorder-view.h — products that need reordering, with suggestions from their sales
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-view.h"

G_BEGIN_DECLS

#define BO_TYPE_REORDER_VIEW (bo_reorder_view_get_type ())
G_DECLARE_FINAL_TYPE (BoReorderView, bo_reorder_view, BO, REORDER_VIEW, BoView)

GListModel *bo_reorder_view_get_model     (BoReorderView *self);
void        bo_reorder_view_select_sku    (BoReorderView *self,
                                           const char    *sku);

G_END_DECLS
