/* bo-product-item.h — a product as a row of a list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "backorders/bo-records.h"

G_BEGIN_DECLS

#define BO_TYPE_PRODUCT_ITEM (bo_product_item_get_type ())
G_DECLARE_FINAL_TYPE (BoProductItem, bo_product_item, BO, PRODUCT_ITEM, GObject)

BoProductItem   *bo_product_item_new         (BoProduct     *product,
                                              const char    *currency);
const BoProduct *bo_product_item_get_product (BoProductItem *self);

G_END_DECLS
