/* bo-po-dialog.h — start a purchase order, or follow one through to receipt
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_PO_DIALOG (bo_po_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BoPoDialog, bo_po_dialog, BO, PO_DIALOG, AdwWindow)

GtkWindow *bo_po_dialog_new       (GtkWindow  *parent,
                                   BoStore    *store,
                                   gint64      po_id);
gint64     bo_po_dialog_get_po_id (BoPoDialog *self);

G_END_DECLS
