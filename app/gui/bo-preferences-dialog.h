/* bo-preferences-dialog.h — the shop's settings, with a preview before a re-plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_PREFERENCES_DIALOG (bo_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BoPreferencesDialog, bo_preferences_dialog, BO, PREFERENCES_DIALOG,
                      AdwPreferencesWindow)

GtkWindow *bo_preferences_dialog_new                (GtkWindow           *parent,
                                                     BoStore             *store);
gboolean   bo_preferences_dialog_is_previewing      (BoPreferencesDialog *self);

G_END_DECLS
