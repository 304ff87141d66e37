/* bo-supplier-dialog.h — add or edit a supplier
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_SUPPLIER_DIALOG (bo_supplier_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BoSupplierDialog, bo_supplier_dialog, BO, SUPPLIER_DIALOG, AdwWindow)

GtkWindow *bo_supplier_dialog_new      (GtkWindow        *parent,
                                        BoStore          *store,
                                        gint64            supplier_id);
void       bo_supplier_dialog_set_name (BoSupplierDialog *self,
                                        const char       *name);

G_END_DECLS
