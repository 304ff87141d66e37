/* bo-supplier-item.h — a supplier as a row of a list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "backorders/bo-metrics.h"
#include "backorders/bo-records.h"

G_BEGIN_DECLS

#define BO_TYPE_SUPPLIER_ITEM (bo_supplier_item_get_type ())
G_DECLARE_FINAL_TYPE (BoSupplierItem, bo_supplier_item, BO, SUPPLIER_ITEM, GObject)

BoSupplierItem         *bo_supplier_item_new          (BoSupplier             *supplier,
                                                       const BoSupplierCounts *counts);
const BoSupplier       *bo_supplier_item_get_supplier (BoSupplierItem         *self);
const BoSupplierCounts *bo_supplier_item_get_counts   (BoSupplierItem         *self);

G_END_DECLS
