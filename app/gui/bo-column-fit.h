/* bo-column-fit.h — a list shows the columns that fit, and hides the least important first
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bo_column_fit_attach (GtkColumnView *view,
                           const char    *importance);

G_END_DECLS
