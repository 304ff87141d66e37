/* bo-po-dialog.h — placeholder
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_PO_DIALOG (bo_po_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BoPoDialog, bo_po_dialog, BO, PO_DIALOG, AdwWindow)

G_END_DECLS
