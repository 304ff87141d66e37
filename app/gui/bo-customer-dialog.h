/* bo-customer-dialog.h — add or edit a customer
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_CUSTOMER_DIALOG (bo_customer_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BoCustomerDialog, bo_customer_dialog, BO, CUSTOMER_DIALOG, AdwWindow)

GtkWindow *bo_customer_dialog_new      (GtkWindow        *parent,
                                        BoStore          *store,
                                        gint64            customer_id);
void       bo_customer_dialog_set_typed (BoCustomerDialog *self,
                                        const char       *name_or_email);

G_END_DECLS
