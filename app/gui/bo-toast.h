/* bo-toast.h — showing toasts so that libadwaita 1.2 can dismiss them safely
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void bo_toast_show    (AdwToastOverlay *overlay,
                       AdwToast        *toast);
void bo_toast_dismiss (AdwToast        *toast);

G_END_DECLS
