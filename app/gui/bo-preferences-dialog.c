/* bo-preferences-dialog.c — placeholder
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bo-preferences-dialog.h"

struct _BoPreferencesDialog
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (BoPreferencesDialog, bo_preferences_dialog, ADW_TYPE_WINDOW)

static void
bo_preferences_dialog_class_init (BoPreferencesDialogClass *klass)
{
}

static void
bo_preferences_dialog_init (BoPreferencesDialog *self)
{
}
