/* bo-import.h — reading shop platforms' export files into a plan, then applying it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "bo-store.h"

G_BEGIN_DECLS

/**
 * BoImportFormat:
 * @BO_IMPORT_SHOPIFY_PRODUCTS: Shopify's products export, older
 *   (`Variant SKU`, `Variant Inventory Qty`…) or newer (`SKU`,
 *   `Inventory quantity`…) headers
 * @BO_IMPORT_SHOPIFY_INVENTORY: Shopify's inventory export (`On hand`,
 *   `Committed`, `Available`, `Incoming`, one row per location)
 * @BO_IMPORT_SHOPIFY_ORDERS: Shopify's orders export (one row per line item)
 * @BO_IMPORT_WOOCOMMERCE_PRODUCTS: WooCommerce's products export, also with
 *   translated headers
 * @BO_IMPORT_CSV_PRODUCTS: any CSV of products
 * @BO_IMPORT_CSV_CUSTOMERS: any CSV of customers
 * @BO_IMPORT_CSV_SUPPLIERS: any CSV of suppliers
 * @BO_IMPORT_CSV_ORDERS: any CSV of orders, one row per order line
 */
typedef enum
{
  BO_IMPORT_SHOPIFY_PRODUCTS,
  BO_IMPORT_SHOPIFY_INVENTORY,
  BO_IMPORT_SHOPIFY_ORDERS,
  BO_IMPORT_WOOCOMMERCE_PRODUCTS,
  BO_IMPORT_CSV_PRODUCTS,
  BO_IMPORT_CSV_CUSTOMERS,
  BO_IMPORT_CSV_SUPPLIERS,
  BO_IMPORT_CSV_ORDERS,
  BO_IMPORT_N_FORMATS,
} BoImportFormat;

/**
 * BoImportAction:
 * What applying the plan does with one record.
 */
typedef enum
{
  BO_IMPORT_CREATE,
  BO_IMPORT_UPDATE,
  BO_IMPORT_UNCHANGED,
  BO_IMPORT_SKIP,
  BO_IMPORT_N_ACTIONS,
} BoImportAction;

/**
 * BoImportSeverity:
 * @BO_IMPORT_WARNING: the import can go ahead; the merchant should know
 *   (a row skipped, a value taken in a particular way)
 * @BO_IMPORT_ERROR: the import cannot be applied until the file is fixed
 */
typedef enum
{
  BO_IMPORT_WARNING,
  BO_IMPORT_ERROR,
} BoImportSeverity;

/**
 * BoImportColumnState:
 * @BO_IMPORT_COLUMN_RECOGNISED: its header names a known field
 * @BO_IMPORT_COLUMN_MAPPED: the caller's mapping gave it its field
 * @BO_IMPORT_COLUMN_IGNORED: known, but not used by Backorders (or the
 *   mapping said to ignore it)
 * @BO_IMPORT_COLUMN_UNKNOWN: the header means nothing to this format;
 *   a mapping can give it a field
 */
typedef enum
{
  BO_IMPORT_COLUMN_RECOGNISED,
  BO_IMPORT_COLUMN_MAPPED,
  BO_IMPORT_COLUMN_IGNORED,
  BO_IMPORT_COLUMN_UNKNOWN,
} BoImportColumnState;

/**
 * BoImportProblem:
 * @row: the row of the file (the header is row 1), 0 for the file as a whole
 * @column: the column, from 1; 0 for the row as a whole
 * @column_name: (nullable): the column's header
 */
typedef struct
{
  BoImportSeverity severity;
  guint64          row;
  guint            column;
  char            *column_name;
  char            *message;
} BoImportProblem;

/**
 * BoImportItem:
 * A record of the plan.
 * @key: what identifies it: SKU, email address, order number, supplier name
 * @label: (nullable): its name
 * @detail: (nullable): what changes, or why it is skipped
 */
typedef struct
{
  BoImportRecord record;
  BoImportAction action;
  guint64        row;
  char          *key;
  char          *label;
  char          *detail;
} BoImportItem;

/**
 * BoImportColumn:
 * A column of the file and the field it gives.
 * @field: (nullable): the field's key, as bo_import_format_get_fields()
 *   names it, or %NULL
 */
typedef struct
{
  guint                index;
  char                *header;
  const char          *field;
  BoImportColumnState  state;
} BoImportColumn;

/**
 * BoImportFieldInfo:
 * A field a format reads. @key is what a mapping names (`sku`, `stock`…).
 */
typedef struct
{
  const char *key;
  const char *label;
  gboolean    required;
} BoImportFieldInfo;

const char              *bo_import_format_to_string   (BoImportFormat          format);
gboolean                 bo_import_format_from_string (const char             *text,
                                                       BoImportFormat         *format);
const char              *bo_import_format_label       (BoImportFormat          format);
BoImportFieldInfo       *bo_import_format_get_fields  (BoImportFormat          format,
                                                       guint                  *n_fields);
gboolean                 bo_import_guess_format       (const char * const     *header,
                                                       gboolean                generic_only,
                                                       BoImportFormat         *format);
const char              *bo_import_action_label       (BoImportAction          action);
const char              *bo_import_record_label       (BoImportRecord          record);

#define BO_TYPE_IMPORT_PLAN (bo_import_plan_get_type ())
G_DECLARE_FINAL_TYPE (BoImportPlan, bo_import_plan, BO, IMPORT_PLAN, GObject)

BoImportFormat         bo_import_plan_get_format      (BoImportPlan      *plan);
const char            *bo_import_plan_get_source      (BoImportPlan      *plan);
guint64                bo_import_plan_get_n_rows      (BoImportPlan      *plan);
guint                  bo_import_plan_get_n_columns   (BoImportPlan      *plan);
const BoImportColumn  *bo_import_plan_get_column      (BoImportPlan      *plan,
                                                       guint              index);
guint                  bo_import_plan_get_n_items     (BoImportPlan      *plan);
const BoImportItem    *bo_import_plan_get_item        (BoImportPlan      *plan,
                                                       guint              index);
guint                  bo_import_plan_get_n_problems  (BoImportPlan      *plan);
const BoImportProblem *bo_import_plan_get_problem     (BoImportPlan      *plan,
                                                       guint              index);
guint                  bo_import_plan_count           (BoImportPlan      *plan,
                                                       BoImportRecord     record,
                                                       BoImportAction     action);
guint                  bo_import_plan_count_problems  (BoImportPlan      *plan,
                                                       BoImportSeverity   severity);
gboolean               bo_import_plan_can_apply       (BoImportPlan      *plan);
gboolean               bo_import_plan_has_changes     (BoImportPlan      *plan);
const BoImportBatch   *bo_import_plan_get_batch       (BoImportPlan      *plan);

#define BO_TYPE_IMPORTER (bo_importer_get_type ())
G_DECLARE_FINAL_TYPE (BoImporter, bo_importer, BO, IMPORTER, GObject)

BoImporter     *bo_importer_new              (BoStore              *store,
                                              BoImportFormat        format);
BoStore        *bo_importer_get_store        (BoImporter           *importer);
BoImportFormat  bo_importer_get_format       (BoImporter           *importer);
gboolean        bo_importer_set_mapping      (BoImporter           *importer,
                                              const char           *header,
                                              const char           *field,
                                              GError              **error);
void            bo_importer_clear_mapping    (BoImporter           *importer);
double          bo_importer_get_fraction     (BoImporter           *importer);

BoImportPlan   *bo_importer_plan             (BoImporter           *importer,
                                              GInputStream         *stream,
                                              goffset               size,
                                              const char           *source,
                                              GCancellable         *cancellable,
                                              GError              **error);
BoImportPlan   *bo_importer_plan_file        (BoImporter           *importer,
                                              GFile                *file,
                                              GCancellable         *cancellable,
                                              GError              **error);
void            bo_importer_plan_file_async  (BoImporter           *importer,
                                              GFile                *file,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
BoImportPlan   *bo_importer_plan_file_finish (BoImporter           *importer,
                                              GAsyncResult         *result,
                                              GError              **error);
gboolean        bo_importer_apply            (BoImporter           *importer,
                                              BoImportPlan         *plan,
                                              GCancellable         *cancellable,
                                              BoImportOutcome     **outcome,
                                              GError              **error);
void            bo_importer_apply_async      (BoImporter           *importer,
                                              BoImportPlan         *plan,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean        bo_importer_apply_finish     (BoImporter           *importer,
                                              GAsyncResult         *result,
                                              BoImportOutcome     **outcome,
                                              GError              **error);

G_END_DECLS
