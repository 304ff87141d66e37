/* bo-customer-item.h — a customer as a row of a list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "backorders/bo-records.h"

G_BEGIN_DECLS

#define BO_TYPE_CUSTOMER_ITEM (bo_customer_item_get_type ())
G_DECLARE_FINAL_TYPE (BoCustomerItem, bo_customer_item, BO, CUSTOMER_ITEM, GObject)

BoCustomerItem   *bo_customer_item_new          (BoCustomer     *customer);
const BoCustomer *bo_customer_item_get_customer (BoCustomerItem *self);

G_END_DECLS
