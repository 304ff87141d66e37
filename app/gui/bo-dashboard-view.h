/* bo-dashboard-view.h — the dashboard view
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-view.h"

G_BEGIN_DECLS

#define BO_TYPE_DASHBOARD_VIEW (bo_dashboard_view_get_type ())
G_DECLARE_FINAL_TYPE (BoDashboardView, bo_dashboard_view, BO, DASHBOARD_VIEW, BoView)

G_END_DECLS
