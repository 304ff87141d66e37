/* bo-export.h — CSV files for spreadsheets and suppliers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "bo-store.h"

G_BEGIN_DECLS

/**
 * BoExportKind:
 * @BO_EXPORT_BACKORDERS: every open backordered line, oldest first
 * @BO_EXPORT_CUSTOMERS: every customer, with their backorder status and
 *   promise dates
 */
typedef enum
{
  BO_EXPORT_BACKORDERS,
  BO_EXPORT_CUSTOMERS,
} BoExportKind;

gboolean   bo_export_write                   (BoStore        *store,
                                              BoExportKind    kind,
                                              GOutputStream  *stream,
                                              GCancellable   *cancellable,
                                              GError        **error);
gboolean   bo_export_write_file              (BoStore        *store,
                                              BoExportKind    kind,
                                              GFile          *file,
                                              GCancellable   *cancellable,
                                              GError        **error);
gboolean   bo_export_purchase_orders         (BoStore        *store,
                                              gint64          supplier_id,
                                              GOutputStream  *stream,
                                              GCancellable   *cancellable,
                                              GError        **error);
GPtrArray *bo_export_purchase_orders_to_folder (BoStore      *store,
                                              GFile          *folder,
                                              GCancellable   *cancellable,
                                              GError        **error);

G_END_DECLS
