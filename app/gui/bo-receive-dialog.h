/* bo-receive-dialog.h — placeholder
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_RECEIVE_DIALOG (bo_receive_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BoReceiveDialog, bo_receive_dialog, BO, RECEIVE_DIALOG, AdwWindow)

G_END_DECLS
