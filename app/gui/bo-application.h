/* bo-application.h — the Backorders application: one window per shop
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_APPLICATION (bo_application_get_type ())
G_DECLARE_FINAL_TYPE (BoApplication, bo_application, BO, APPLICATION, AdwApplication)

BoApplication *bo_application_new           (void);
BoStore       *bo_application_get_store     (BoApplication *self);
GSettings     *bo_application_get_settings  (void);
char          *bo_application_default_path  (void);

G_END_DECLS
