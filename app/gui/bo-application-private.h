/* bo-application-private.h — what the pieces of BoApplication share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-application.h"
#include "bo-window.h"

G_BEGIN_DECLS

BoWindow *_bo_application_get_window          (BoApplication *self);
void      _bo_application_install_shop_actions (BoApplication *self);
void      _bo_application_watch_store          (BoApplication *self,
                                                BoStore       *store);

G_END_DECLS
