/* bo-paged-model.h — a list model that reads rows from the store a page at a time
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * BoQueryFunc:
 * Returns: (transfer full): what to read (search, sort, connection), taken
 *   on the main thread and read perhaps in another
 */
typedef gpointer   (*BoQueryFunc) (gpointer   user_data);
/**
 * BoCountFunc:
 * Returns: the number of rows of @query, or -1 with @error set
 */
typedef gint64     (*BoCountFunc) (gpointer   query,
                                   GError   **error);
/**
 * BoFetchFunc:
 * Returns: (transfer full): up to @limit items from @offset, or %NULL with @error set
 */
typedef GPtrArray *(*BoFetchFunc) (gpointer   query,
                                   guint      offset,
                                   guint      limit,
                                   GError   **error);

#define BO_TYPE_PAGED_MODEL (bo_paged_model_get_type ())
G_DECLARE_FINAL_TYPE (BoPagedModel, bo_paged_model, BO, PAGED_MODEL, GObject)

BoPagedModel *bo_paged_model_new           (GType          item_type,
                                            BoQueryFunc    query,
                                            GDestroyNotify query_free,
                                            BoCountFunc    count,
                                            BoFetchFunc    fetch,
                                            gpointer       user_data);
void          bo_paged_model_set_threaded  (BoPagedModel  *self,
                                            gboolean       threaded);
gboolean      bo_paged_model_get_loading   (BoPagedModel  *self);
gboolean      bo_paged_model_item_is_loading (gpointer     item);
void          bo_paged_model_reload        (BoPagedModel  *self);
guint         bo_paged_model_get_n_cached  (BoPagedModel  *self);
guint         bo_paged_model_get_n_fetched (BoPagedModel  *self);
guint         bo_paged_model_get_page_size (void);
void          bo_paged_model_set_shown     (BoPagedModel  *self,
                                            guint          first,
                                            guint          n);
const GError *bo_paged_model_get_error     (BoPagedModel  *self);

G_END_DECLS
