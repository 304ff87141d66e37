/* bo-suppliers-view.h — the suppliers: contact, lead time, delivery record
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-view.h"

G_BEGIN_DECLS

#define BO_TYPE_SUPPLIERS_VIEW (bo_suppliers_view_get_type ())
G_DECLARE_FINAL_TYPE (BoSuppliersView, bo_suppliers_view, BO, SUPPLIERS_VIEW, BoView)

GListModel *bo_suppliers_view_get_model (BoSuppliersView *self);

G_END_DECLS
