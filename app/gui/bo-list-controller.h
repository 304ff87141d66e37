/* bo-list-controller.h — ties a column view to a paged, searchable, sortable list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

/**
 * BoListFetchFunc:
 * Returns: (transfer full): up to @limit items (GObjects) from @offset
 */
typedef GPtrArray *(*BoListFetchFunc) (BoStore     *store,
                                       const char  *search,
                                       const char  *sort,
                                       gint         filter,
                                       guint        offset,
                                       guint        limit,
                                       GError     **error);
typedef gint64     (*BoListCountFunc) (BoStore     *store,
                                       const char  *search,
                                       gint         filter,
                                       GError     **error);

#define BO_TYPE_LIST_CONTROLLER (bo_list_controller_get_type ())
G_DECLARE_FINAL_TYPE (BoListController, bo_list_controller, BO, LIST_CONTROLLER, GObject)

BoListController *bo_list_controller_new        (const char       *name,
                                                 GtkColumnView    *view,
                                                 GtkEditable      *search_entry,
                                                 GType             item_type,
                                                 BoListCountFunc   count,
                                                 BoListFetchFunc   fetch,
                                                 gboolean          multiple);
void              bo_list_controller_set_store  (BoListController *self,
                                                 BoStore          *store);
void              bo_list_controller_set_filter (BoListController *self,
                                                 gint              filter);
gint              bo_list_controller_get_filter (BoListController *self);
void              bo_list_controller_reload     (BoListController *self);
GListModel       *bo_list_controller_get_model  (BoListController *self);
GtkSelectionModel *bo_list_controller_get_selection (BoListController *self);
GPtrArray        *bo_list_controller_get_selected (BoListController *self);
const char       *bo_list_controller_get_sort   (BoListController *self);

G_END_DECLS
