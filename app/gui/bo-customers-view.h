/* bo-customers-view.h — the customers: contact, priority tier, shipping preference
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-view.h"

G_BEGIN_DECLS

#define BO_TYPE_CUSTOMERS_VIEW (bo_customers_view_get_type ())
G_DECLARE_FINAL_TYPE (BoCustomersView, bo_customers_view, BO, CUSTOMERS_VIEW, BoView)

GListModel *bo_customers_view_get_model (BoCustomersView *self);

G_END_DECLS
