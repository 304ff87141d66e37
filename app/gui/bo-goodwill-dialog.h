/* bo-goodwill-dialog.h — recording a goodwill discount or voucher for a waiting customer
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_GOODWILL_DIALOG (bo_goodwill_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BoGoodwillDialog, bo_goodwill_dialog, BO, GOODWILL_DIALOG, AdwWindow)

GtkWindow *bo_goodwill_dialog_new (GtkWindow *parent,
                                   BoStore   *store,
                                   gint64     order_id);

G_END_DECLS
