/* bo-column-sorter.h — sortable columns whose sorting the store does
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BO_TYPE_COLUMN_SORTER (bo_column_sorter_get_type ())
G_DECLARE_FINAL_TYPE (BoColumnSorter, bo_column_sorter, BO, COLUMN_SORTER, GtkSorter)

const char *bo_column_sorter_get_key     (BoColumnSorter *self);
char       *bo_column_view_get_sort      (GtkColumnView  *view);
void        bo_column_view_set_sort      (GtkColumnView  *view,
                                          const char     *sort);
void        bo_column_view_set_headers_focusable (GtkColumnView *view);

G_END_DECLS
