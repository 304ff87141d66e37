/* bo-product-dialog.h — add or edit a product, its stock and its suppliers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_PRODUCT_DIALOG (bo_product_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BoProductDialog, bo_product_dialog, BO, PRODUCT_DIALOG, AdwWindow)

GtkWindow *bo_product_dialog_new (GtkWindow *parent,
                                  BoStore   *store,
                                  gint64     product_id);

G_END_DECLS
