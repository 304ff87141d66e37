/* bo-availability-dialog.h — exporting each SKU's availability for the storefront
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-availability.h"

G_BEGIN_DECLS

#define BO_TYPE_AVAILABILITY_DIALOG (bo_availability_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BoAvailabilityDialog, bo_availability_dialog, BO, AVAILABILITY_DIALOG,
                      AdwWindow)

GtkWindow           *bo_availability_dialog_new        (GtkWindow            *parent,
                                                        BoStore              *store);
BoAvailabilityFormat bo_availability_dialog_get_format (BoAvailabilityDialog *self);
gboolean             bo_availability_dialog_export     (BoAvailabilityDialog *self,
                                                        GFile                *file,
                                                        GError              **error);

G_END_DECLS
