/* bo-import-private.h — what the importer's pieces share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bo-import.c         the formats' table, BoImporter (threads, progress)
 * bo-import-plan.c    BoImportPlan, and adding records to it: duplicates,
 *                     create / update / unchanged against the shop
 * bo-import-table.c   columns by meaning, rows, values and their problems
 * bo-import-*.c       one file per platform: what its rows mean
 */
#pragma once

#include "backorders/bo-csv.h"
#include "backorders/bo-error.h"
#include "backorders/bo-import.h"

G_BEGIN_DECLS

/* The meanings a column can have. Each format reads some of them. */
typedef enum
{
  BO_FIELD_NONE,
  /* catalogue */
  BO_FIELD_SKU,
  BO_FIELD_NAME,
  BO_FIELD_PRICE,
  BO_FIELD_COST,
  BO_FIELD_STOCK,
  BO_FIELD_REORDER_POINT,
  BO_FIELD_REORDER_QTY,
  BO_FIELD_BACKORDER_POLICY,
  BO_FIELD_LOCATION,
  BO_FIELD_SUPPLIER,
  BO_FIELD_SUPPLIER_SKU,
  BO_FIELD_DISCONTINUED,
  BO_FIELD_EXTERNAL_REF,
  /* customers and suppliers */
  BO_FIELD_EMAIL,
  BO_FIELD_ADDRESS,
  BO_FIELD_CITY,
  BO_FIELD_ZIP,
  BO_FIELD_PROVINCE,
  BO_FIELD_COUNTRY,
  BO_FIELD_TIER,
  BO_FIELD_SHIP_COMPLETE,
  BO_FIELD_LEAD_DAYS,
  BO_FIELD_NOTES,
  /* orders */
  BO_FIELD_ORDER_NUMBER,
  BO_FIELD_CUSTOMER,
  BO_FIELD_CUSTOMER_EMAIL,
  BO_FIELD_PLACED_AT,
  BO_FIELD_QUANTITY,
  BO_FIELD_UNIT_PRICE,
  BO_FIELD_SHIPPED,
  BO_FIELD_LINE_NAME,
  /* shop platforms */
  BO_FIELD_ID,
  BO_FIELD_HANDLE,
  BO_FIELD_OPTION1,
  BO_FIELD_OPTION2,
  BO_FIELD_OPTION3,
  BO_FIELD_STATUS,
  BO_FIELD_GIFT_CARD,
  BO_FIELD_TRACKER,
  BO_FIELD_REQUIRES_SHIPPING,
  BO_FIELD_SHOP_LOCATION,
  BO_FIELD_ON_HAND_NEW,
  BO_FIELD_AVAILABLE,
  BO_FIELD_COMMITTED,
  BO_FIELD_INCOMING,
  BO_FIELD_UNAVAILABLE,
  BO_FIELD_FINANCIAL_STATUS,
  BO_FIELD_FULFILLMENT,
  BO_FIELD_LINE_FULFILLMENT,
  BO_FIELD_FULFILLED_AT,
  BO_FIELD_CANCELLED_AT,
  BO_FIELD_BILLING_NAME,
  BO_FIELD_SHIPPING_NAME,
  BO_FIELD_SHIPPING_ADDRESS2,
  BO_FIELD_TYPE,
  BO_FIELD_PARENT,
  BO_FIELD_IN_STOCK,
  BO_FIELD_ATTRIBUTE1,
  BO_FIELD_ATTRIBUTE2,
  BO_FIELD_ATTRIBUTE3,
  BO_N_FIELDS,
} BoField;

typedef enum
{
  BO_NEED_OPTIONAL,
  BO_NEED_WANTED,     /* missing: a warning */
  BO_NEED_REQUIRED,   /* missing: an error */
} BoNeed;

/* A column a format reads, and the headers that mean it, written the way
 * _bo_import_normalise_header() writes them. */
typedef struct
{
  BoField            field;
  BoNeed             need;
  const char *const *headers;
} BoColumnSpec;

typedef struct _BoImportContext BoImportContext;

typedef struct
{
  BoImportFormat      format;
  const char         *name;
  const char         *label;
  const BoColumnSpec *columns;
  guint               n_columns;
  const char *const  *ignored;   /* headers it knows and does not use */
  gboolean          (*read) (BoImportContext  *ctx,
                             GError          **error);
} BoFormatSpec;

extern const BoFormatSpec _bo_import_shopify_products;
extern const BoFormatSpec _bo_import_shopify_inventory;
extern const BoFormatSpec _bo_import_shopify_orders;
extern const BoFormatSpec _bo_import_woocommerce_products;
extern const BoFormatSpec _bo_import_csv_products;
extern const BoFormatSpec _bo_import_csv_customers;
extern const BoFormatSpec _bo_import_csv_suppliers;
extern const BoFormatSpec _bo_import_csv_orders;

const BoFormatSpec *_bo_import_format_spec    (BoImportFormat  format);
const char         *_bo_field_key             (BoField         field);
const char         *_bo_field_label           (BoField         field);
BoField             _bo_field_from_key        (const char     *key);

/* Reading a file for a plan. */
struct _BoImportContext
{
  /* borrowed */
  BoStore            *store;
  const BoFormatSpec *spec;
  GCancellable       *cancellable;
  BoProgressFunc      progress;
  gpointer            progress_data;

  /* owned */
  char               *currency;      /* the shop's: an amount's decimals */
  BoImportPlan       *plan;
  BoCsvReader        *reader;
  char              **header;
  GHashTable         *mapping;       /* normalised header → BoField + 1 */

  goffset             size;          /* of the input, for progress; -1: unknown */
  int                 columns[BO_N_FIELDS];
  guint64             row;           /* the current row */
  gboolean            failed;        /* the file cannot be read further */

  /* The shop as it is, loaded when first needed. */
  GPtrArray          *products;      /* BoProduct */
  GHashTable         *product_skus;  /* SKU → BoProduct */
  GHashTable         *product_refs;  /* external ref → BoProduct */
  GHashTable         *product_names; /* folded name → BoProduct, or the context when ambiguous */
  GPtrArray          *customers;     /* BoCustomer */
  GHashTable         *customer_keys; /* "ref:", "email:", "name:" + folded → BoCustomer */
  GPtrArray          *suppliers;     /* BoSupplier */
  GHashTable         *supplier_names;/* folded name → BoSupplier */

  /* What the plan holds already. */
  GHashTable         *batch_skus;    /* SKU → row */
  GHashTable         *batch_refs;    /* product ref → row */
  GHashTable         *batch_customers; /* customer key → index + 1 */
  GHashTable         *batch_suppliers; /* folded name → TRUE */
  GHashTable         *batch_orders;  /* order ref → row */
  GHashTable         *batch_numbers; /* order number → row */
};

/* bo-import-plan.c */
BoImportPlan *_bo_import_plan_new             (BoImportFormat     format,
                                               const char        *source);
BoImportBatch *_bo_import_plan_batch          (BoImportPlan      *plan);
void          _bo_import_plan_add_column      (BoImportPlan      *plan,
                                               guint              index,
                                               const char        *header,
                                               BoField            field,
                                               BoImportColumnState state);
void          _bo_import_plan_add_problem     (BoImportPlan      *plan,
                                               BoImportSeverity   severity,
                                               guint64            row,
                                               guint              column,
                                               const char        *column_name,
                                               char              *message);
void          _bo_import_plan_add_item        (BoImportPlan      *plan,
                                               BoImportRecord     record,
                                               BoImportAction     action,
                                               guint64            row,
                                               const char        *key,
                                               const char        *label,
                                               char              *detail);
void          _bo_import_plan_set_n_rows      (BoImportPlan      *plan,
                                               guint64            n_rows);

void          _bo_import_context_init         (BoImportContext   *ctx,
                                               BoStore           *store,
                                               const BoFormatSpec *spec,
                                               const char        *source);
void          _bo_import_context_clear        (BoImportContext   *ctx);

gboolean      _bo_import_load_products        (BoImportContext   *ctx,
                                               GError           **error);
gboolean      _bo_import_load_customers       (BoImportContext   *ctx,
                                               GError           **error);
gboolean      _bo_import_load_suppliers       (BoImportContext   *ctx,
                                               GError           **error);
const BoProduct *_bo_import_find_product      (BoImportContext   *ctx,
                                               const char        *sku,
                                               const char        *external_ref);
const BoProduct *_bo_import_find_product_by_name (BoImportContext *ctx,
                                               const char        *name,
                                               gboolean          *ambiguous);

void          _bo_import_add_product          (BoImportContext   *ctx,
                                               BoImportProduct   *product);
guint         _bo_import_add_customer         (BoImportContext   *ctx,
                                               BoImportCustomer  *customer);
void          _bo_import_add_supplier         (BoImportContext   *ctx,
                                               BoImportSupplier  *supplier);
void          _bo_import_add_order            (BoImportContext   *ctx,
                                               BoImportOrder     *order,
                                               const char        *customer_label);
void          _bo_import_skip                 (BoImportContext   *ctx,
                                               BoImportRecord     record,
                                               guint64            row,
                                               const char        *key,
                                               const char        *label,
                                               const char        *reason);

/* bo-import-table.c */
gboolean      _bo_import_read_header          (BoImportContext   *ctx,
                                               GError           **error);
gboolean      _bo_import_next_row             (BoImportContext   *ctx,
                                               GError           **error);
gboolean      _bo_import_has                  (BoImportContext   *ctx,
                                               BoField            field);
const char   *_bo_import_get                  (BoImportContext   *ctx,
                                               BoField            field);
char         *_bo_import_dup                  (BoImportContext   *ctx,
                                               BoField            field);
gboolean      _bo_import_get_money            (BoImportContext   *ctx,
                                               BoField            field,
                                               gint64            *value);
gboolean      _bo_import_get_count            (BoImportContext   *ctx,
                                               BoField            field,
                                               gint64             max,
                                               gint64            *value);
gboolean      _bo_import_get_signed           (BoImportContext   *ctx,
                                               BoField            field,
                                               gint64            *value);
gboolean      _bo_import_get_bool             (BoImportContext   *ctx,
                                               BoField            field,
                                               int               *value);
gboolean      _bo_import_get_policy           (BoImportContext   *ctx,
                                               BoField            field,
                                               int               *value);
gboolean      _bo_import_get_time             (BoImportContext   *ctx,
                                               BoField            field,
                                               gint64            *value);
void          _bo_import_problem              (BoImportContext   *ctx,
                                               BoImportSeverity   severity,
                                               BoField            field,
                                               const char        *format,
                                               ...) G_GNUC_PRINTF (4, 5);
void          _bo_import_row_problem          (BoImportContext   *ctx,
                                               BoImportSeverity   severity,
                                               guint64            row,
                                               const char        *format,
                                               ...) G_GNUC_PRINTF (4, 5);

/* Values, without a context (the fuzz targets call them too). */
char         *_bo_import_normalise_header     (const char        *header);
char         *_bo_import_slug                 (const char        *text);
char         *_bo_import_fold                 (const char        *text);
gboolean      _bo_import_parse_money          (const char        *text,
                                               const char        *currency,
                                               gint64            *minor);
gboolean      _bo_import_parse_integer        (const char        *text,
                                               gint64            *value);
gboolean      _bo_import_parse_bool           (const char        *text,
                                               int               *value);
gboolean      _bo_import_parse_policy         (const char        *text,
                                               int               *value);
gboolean      _bo_import_parse_time           (const char        *text,
                                               gint64            *unix_seconds);
gboolean      _bo_import_check_sku            (const char        *sku,
                                               const char       **why);

G_END_DECLS
