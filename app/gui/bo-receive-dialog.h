/* bo-receive-dialog.h — book arriving stock and see who gets it before committing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_RECEIVE_DIALOG (bo_receive_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BoReceiveDialog, bo_receive_dialog, BO, RECEIVE_DIALOG, AdwWindow)

GtkWindow                *bo_receive_dialog_new             (GtkWindow       *parent,
                                                             BoStore         *store,
                                                             gint64           po_id);
GtkSpinButton            *bo_receive_dialog_get_spin_button (BoReceiveDialog *self,
                                                             const char      *sku);
const BoAllocationResult *bo_receive_dialog_get_preview     (BoReceiveDialog *self);

G_END_DECLS
