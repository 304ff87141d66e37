/* bo-import-dialog.h — importing a shop platform's export file, with a preview
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-import.h"
#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_IMPORT_DIALOG (bo_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BoImportDialog, bo_import_dialog, BO, IMPORT_DIALOG, AdwWindow)

GtkWindow      *bo_import_dialog_new         (GtkWindow       *parent,
                                              BoStore         *store);
void            bo_import_dialog_set_file    (BoImportDialog  *self,
                                              GFile           *file);
BoImportFormat  bo_import_dialog_get_format  (BoImportDialog  *self);
void            bo_import_dialog_set_format  (BoImportDialog  *self,
                                              BoImportFormat   format);
BoImportPlan   *bo_import_dialog_get_plan    (BoImportDialog  *self);
const char     *bo_import_dialog_get_page    (BoImportDialog  *self);

G_END_DECLS
