/* bo-backorders-view.h — every open backordered line, across orders
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-view.h"

G_BEGIN_DECLS

#define BO_TYPE_BACKORDERS_VIEW (bo_backorders_view_get_type ())
G_DECLARE_FINAL_TYPE (BoBackordersView, bo_backorders_view, BO, BACKORDERS_VIEW, BoView)

GListModel        *bo_backorders_view_get_model     (BoBackordersView *self);
GtkSelectionModel *bo_backorders_view_get_selection (BoBackordersView *self);
void               bo_backorders_view_set_filter    (BoBackordersView *self,
                                                     BoOrderFilter     filter);
BoOrderFilter      bo_backorders_view_get_filter    (BoBackordersView *self);

void               _bo_order_shortages              (BoView           *view,
                                                     const gint64     *line_ids,
                                                     gsize             n_line_ids,
                                                     gboolean          offer_show);

G_END_DECLS
