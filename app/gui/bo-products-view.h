/* bo-products-view.h — the product list: stock, allocation, backorders
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-view.h"

G_BEGIN_DECLS

#define BO_TYPE_PRODUCTS_VIEW (bo_products_view_get_type ())
G_DECLARE_FINAL_TYPE (BoProductsView, bo_products_view, BO, PRODUCTS_VIEW, BoView)

GListModel *bo_products_view_get_model (BoProductsView *self);

G_END_DECLS
