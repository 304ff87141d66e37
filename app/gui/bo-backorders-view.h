/* bo-backorders-view.h — the backorders view
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-view.h"

G_BEGIN_DECLS

#define BO_TYPE_BACKORDERS_VIEW (bo_backorders_view_get_type ())
G_DECLARE_FINAL_TYPE (BoBackordersView, bo_backorders_view, BO, BACKORDERS_VIEW, BoView)

G_END_DECLS
