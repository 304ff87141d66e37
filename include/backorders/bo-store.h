/* bo-store.h — the shop database: the only code that speaks SQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "bo-allocation.h"
#include "bo-metrics.h"
#include "bo-records.h"

G_BEGIN_DECLS

#define BO_STORE_SCHEMA_VERSION 5

#define BO_TYPE_STORE (bo_store_get_type ())
G_DECLARE_FINAL_TYPE (BoStore, bo_store, BO, STORE, GObject)

/* ---- order placement ---------------------------------------------------- */

/**
 * BoLineDraft:
 * @sku: the product's SKU
 * @quantity: units ordered, > 0
 * @unit_price: price per unit in minor units, or -1 for the product's price
 */
typedef struct
{
  char  *sku;
  gint64 quantity;
  gint64 unit_price;
} BoLineDraft;

/**
 * BoOrderDraft:
 * @customer_id: the customer
 * @number: order number, or %NULL to take the next free one
 * @placed_at: Unix seconds, or 0 for now
 * @ship_complete: 1/0 to set it on the order, -1 for the customer's preference
 * @priority: tier override, or -1 for the customer's tier
 * @external_ref: reference in the shop platform, or %NULL
 * @notes: free text, or %NULL
 * @lines: array of #BoLineDraft
 */
typedef struct
{
  gint64  customer_id;
  char   *number;
  gint64  placed_at;
  gint    ship_complete;
  gint    priority;
  char   *external_ref;
  char   *notes;
  GArray *lines;
} BoOrderDraft;

/**
 * BoLineOutcome:
 * What placing a line did (or would do, for a preview).
 */
typedef struct
{
  gint64  line_id;
  gint64  product_id;
  char   *sku;
  gint64  ordered;
  gint64  allocated;
  gint64  backordered;
  guint32 promised;     /* 0: no incoming purchase order covers it */
  char   *reason;
  gboolean drop_ship;   /* the supplier ships it (never backordered), by @promised */
  char   *refusal;      /* preview: why placing would refuse this line, or %NULL */
} BoLineOutcome;

typedef struct
{
  gint64  order_id;
  char   *number;
  GArray *lines;        /* BoLineOutcome */
  char   *problem;      /* preview: why the order as a whole would be refused
                         * (its number or reference is taken), or %NULL */
} BoOrderOutcome;

/* ---- receipts, re-plans, drafts ------------------------------------------ */

/**
 * BoQuantity:
 * A quantity for one line (order line, shipment line or purchase-order line).
 */
typedef struct
{
  gint64 line_id;
  gint64 quantity;
} BoQuantity;

/**
 * BoAllocationChange:
 * One line's allocation before and after an operation or a re-plan.
 */
typedef struct
{
  gint64 line_id;
  gint64 order_id;
  char  *order_number;
  char  *customer_name;
  char  *sku;
  gint64 before;
  gint64 after;
  char  *reason;
} BoAllocationChange;

/**
 * BoReadyOrder:
 * An order that received stock and can ship now.
 */
typedef struct
{
  gint64   order_id;
  char    *number;
  char    *customer_name;
  gboolean complete;    /* everything still open is allocated */
} BoReadyOrder;

/**
 * BoAllocationResult:
 * @changes: #BoAllocationChange for every line whose allocation changed
 * @ready: #BoReadyOrder for every order that got stock
 * @received: for receipts, #BoQuantity per product id (line_id holds the product id)
 */
typedef struct
{
  GArray *changes;
  GArray *ready;
  GArray *received;
} BoAllocationResult;

/**
 * BoReplan:
 * A re-plan worked out for a preview: what it would move, and the state of
 * the shop it was computed from, so that applying it later applies exactly
 * what was shown (or computes it again when the shop changed meanwhile).
 */
typedef struct _BoReplan BoReplan;

/**
 * BoPromiseChange:
 * A line whose promise date moved.
 */
typedef struct
{
  gint64  line_id;
  gint64  order_id;
  char   *order_number;
  char   *customer_name;
  char   *customer_email;
  char   *sku;
  guint32 before;
  guint32 after;
} BoPromiseChange;

typedef enum
{
  BO_ORDER_FILTER_ALL,
  BO_ORDER_FILTER_BACKORDERED,   /* with open backordered units */
  BO_ORDER_FILTER_READY,         /* with allocated units not yet shipped */
  BO_ORDER_FILTER_AWAITING_PO,   /* backordered, no incoming PO covers it */
  BO_ORDER_FILTER_OVERDUE,       /* backordered, promise date passed */
} BoOrderFilter;

typedef enum
{
  BO_DEMO_SMALL,
  BO_DEMO_LARGE,
  BO_DEMO_MEDIUM,   /* a few thousand of everything: long lists, built in a second */
} BoDemoScale;

/* ---- opening ------------------------------------------------------------- */

BoStore    *bo_store_open                (const char         *path,
                                          GError            **error);
const char *bo_store_get_path            (BoStore            *store);
void        bo_store_set_now             (BoStore            *store,
                                          gint64              now);
gint64      bo_store_get_now             (BoStore            *store);
void        bo_store_set_read_delay      (BoStore            *store,
                                          guint               milliseconds);
void        bo_store_end_reads           (BoStore            *store);
guint32     bo_store_get_today           (BoStore            *store);
void        bo_store_set_busy_timeout    (BoStore            *store,
                                          guint               milliseconds);
gint64      bo_store_get_data_version    (BoStore            *store);
void        bo_store_watch               (BoStore            *store);
gboolean    bo_store_backup              (BoStore            *store,
                                          const char         *destination,
                                          GError            **error);
gboolean    bo_store_is_read_only        (BoStore            *store);

/* ---- settings ------------------------------------------------------------ */

char       *bo_store_get_setting         (BoStore            *store,
                                          const char         *key);
gboolean    bo_store_set_setting         (BoStore            *store,
                                          const char         *key,
                                          const char         *value,
                                          GError            **error);
gboolean    bo_store_validate_setting    (const char         *key,
                                          const char         *value,
                                          GError            **error);
const char * const *bo_store_setting_keys (void);
BoPolicy    bo_store_get_policy          (BoStore            *store);
guint       bo_store_get_handling_days   (BoStore            *store);

/* ---- catalogue ----------------------------------------------------------- */

gboolean    bo_store_save_product        (BoStore            *store,
                                          BoProduct          *product,
                                          GError            **error);
BoProduct  *bo_store_get_product         (BoStore            *store,
                                          gint64              id,
                                          GError            **error);
BoProduct  *bo_store_find_product        (BoStore            *store,
                                          const char         *sku,
                                          GError            **error);
GPtrArray  *bo_store_list_products       (BoStore            *store,
                                          const char         *search,
                                          const char         *sort,
                                          guint               offset,
                                          guint               limit,
                                          GError            **error);
gint64      bo_store_count_products      (BoStore            *store,
                                          const char         *search,
                                          GError            **error);
gboolean    bo_store_adjust_stock        (BoStore            *store,
                                          gint64              product_id,
                                          gint64              delta,
                                          const char         *note,
                                          BoAllocationResult **result,
                                          GError            **error);
GPtrArray  *bo_store_list_movements      (BoStore            *store,
                                          gint64              product_id,
                                          GError            **error);

gboolean    bo_store_save_supplier       (BoStore            *store,
                                          BoSupplier         *supplier,
                                          GError            **error);
BoSupplier *bo_store_get_supplier        (BoStore            *store,
                                          gint64              id,
                                          GError            **error);
BoSupplier *bo_store_find_supplier       (BoStore            *store,
                                          const char         *name,
                                          GError            **error);
GPtrArray  *bo_store_list_suppliers      (BoStore            *store,
                                          GError            **error);
GPtrArray  *bo_store_list_suppliers_page (BoStore            *store,
                                          const char         *search,
                                          const char         *sort,
                                          guint               offset,
                                          guint               limit,
                                          GArray            **counts,
                                          GError            **error);
gint64      bo_store_count_suppliers     (BoStore            *store,
                                          const char         *search,
                                          GError            **error);
gboolean    bo_store_link_supplier       (BoStore            *store,
                                          const BoProductSupplier *link,
                                          GError            **error);
gboolean    bo_store_unlink_supplier     (BoStore            *store,
                                          gint64              product_id,
                                          gint64              supplier_id,
                                          GError            **error);
GPtrArray  *bo_store_list_product_suppliers (BoStore         *store,
                                          gint64              product_id,
                                          GError            **error);

gboolean    bo_store_save_customer       (BoStore            *store,
                                          BoCustomer         *customer,
                                          GError            **error);
BoCustomer *bo_store_get_customer        (BoStore            *store,
                                          gint64              id,
                                          GError            **error);
BoCustomer *bo_store_find_customer       (BoStore            *store,
                                          const char         *name_or_email,
                                          GError            **error);
GPtrArray  *bo_store_list_customers      (BoStore            *store,
                                          const char         *search,
                                          const char         *sort,
                                          guint               offset,
                                          guint               limit,
                                          GError            **error);
gint64      bo_store_count_customers     (BoStore            *store,
                                          const char         *search,
                                          GError            **error);

/* ---- orders -------------------------------------------------------------- */

BoOrderDraft   *bo_order_draft_new       (void);
void            bo_order_draft_add_line  (BoOrderDraft       *draft,
                                          const char         *sku,
                                          gint64              quantity,
                                          gint64              unit_price);
void            bo_order_draft_free      (BoOrderDraft       *draft);
void            bo_order_outcome_free    (BoOrderOutcome     *outcome);

gboolean    bo_store_place_order         (BoStore            *store,
                                          const BoOrderDraft *draft,
                                          gboolean            preview,
                                          BoOrderOutcome    **outcome,
                                          GError            **error);
gboolean    bo_store_preview_order       (BoStore            *store,
                                          const BoOrderDraft *draft,
                                          BoOrderOutcome    **outcome,
                                          GError            **error);
BoOrder    *bo_store_get_order           (BoStore            *store,
                                          gint64              id,
                                          GError            **error);
BoOrder    *bo_store_find_order          (BoStore            *store,
                                          const char         *number,
                                          GError            **error);
GPtrArray  *bo_store_list_orders         (BoStore            *store,
                                          BoOrderFilter       filter,
                                          const char         *search,
                                          const char         *sort,
                                          guint               offset,
                                          guint               limit,
                                          GError            **error);
gint64      bo_store_count_orders        (BoStore            *store,
                                          BoOrderFilter       filter,
                                          const char         *search,
                                          GError            **error);
GPtrArray  *bo_store_list_backorders     (BoStore            *store,
                                          BoOrderFilter       filter,
                                          const char         *search,
                                          const char         *sort,
                                          guint               offset,
                                          guint               limit,
                                          GError            **error);
gint64      bo_store_count_backorders    (BoStore            *store,
                                          BoOrderFilter       filter,
                                          const char         *search,
                                          GError            **error);
gboolean    bo_store_set_order_priority  (BoStore            *store,
                                          gint64              order_id,
                                          gint                priority,
                                          BoAllocationResult **result,
                                          GError            **error);

gboolean    bo_store_create_shipment     (BoStore            *store,
                                          gint64              order_id,
                                          const BoQuantity   *quantities,
                                          gsize               n_quantities,
                                          gint64             *shipment_id,
                                          GError            **error);
gboolean    bo_store_mark_shipped        (BoStore            *store,
                                          gint64              shipment_id,
                                          GError            **error);
gboolean    bo_store_unmark_shipped      (BoStore            *store,
                                          gint64              shipment_id,
                                          GError            **error);
gboolean    bo_store_ship                (BoStore            *store,
                                          gint64              order_id,
                                          const BoQuantity   *quantities,
                                          gsize               n_quantities,
                                          gint64             *shipment_id,
                                          GError            **error);
gboolean    bo_store_cancel_shipment     (BoStore            *store,
                                          gint64              shipment_id,
                                          GError            **error);
GPtrArray  *bo_store_list_shipments      (BoStore            *store,
                                          gint64              order_id,
                                          GError            **error);
gboolean    bo_store_cancel_line         (BoStore            *store,
                                          gint64              line_id,
                                          gint64              quantity,
                                          gint64              refund,
                                          BoAllocationResult **result,
                                          GError            **error);

/* ---- purchasing ---------------------------------------------------------- */

gboolean    bo_store_create_po           (BoStore            *store,
                                          gint64              supplier_id,
                                          guint32             eta,
                                          const BoQuantity   *quantities,
                                          const gint64       *costs,
                                          gsize               n_lines,
                                          gint64             *po_id,
                                          GError            **error);
gboolean    bo_store_add_po_line         (BoStore            *store,
                                          gint64              po_id,
                                          gint64              product_id,
                                          gint64              quantity,
                                          gint64              cost,
                                          GError            **error);
gboolean    bo_store_draft_pos           (BoStore            *store,
                                          const gint64       *line_ids,
                                          gsize               n_line_ids,
                                          GArray            **po_ids,
                                          GPtrArray         **skipped,
                                          GError            **error);
BoPurchaseOrder *bo_store_get_po         (BoStore            *store,
                                          gint64              id,
                                          GError            **error);
BoPurchaseOrder *bo_store_find_po        (BoStore            *store,
                                          const char         *number,
                                          GError            **error);
GPtrArray  *bo_store_list_pos            (BoStore            *store,
                                          gboolean            open_only,
                                          GError            **error);
GPtrArray  *bo_store_list_po_summaries   (BoStore            *store,
                                          gboolean            open_only,
                                          const char         *search,
                                          const char         *sort,
                                          guint               offset,
                                          guint               limit,
                                          GError            **error);
gint64      bo_store_count_pos           (BoStore            *store,
                                          gboolean            open_only,
                                          const char         *search,
                                          GError            **error);
gint64      bo_store_count_overdue_pos   (BoStore            *store,
                                          GError            **error);
GPtrArray  *bo_store_list_low_stock      (BoStore            *store,
                                          GError            **error);
gboolean    bo_store_set_po_eta          (BoStore            *store,
                                          gint64              po_id,
                                          guint32             eta,
                                          GArray            **moved,
                                          GError            **error);
gboolean    bo_store_set_po_status       (BoStore            *store,
                                          gint64              po_id,
                                          BoPoStatus          status,
                                          GError            **error);
gboolean    bo_store_receive_po          (BoStore            *store,
                                          gint64              po_id,
                                          const BoQuantity   *quantities,
                                          gsize               n_quantities,
                                          gboolean            preview,
                                          BoAllocationResult **result,
                                          GError            **error);

/* ---- re-plan ------------------------------------------------------------- */

gboolean    bo_store_replan              (BoStore            *store,
                                          BoPolicy            policy,
                                          gboolean            apply,
                                          BoAllocationResult **result,
                                          GError            **error);
BoReplan   *bo_store_plan_replan         (BoStore            *store,
                                          BoPolicy            policy,
                                          GError            **error);
gboolean    bo_store_apply_replan        (BoStore            *store,
                                          BoReplan           *plan,
                                          BoAllocationResult **result,
                                          GError            **error);
BoPolicy    bo_replan_get_policy         (const BoReplan     *plan);
const BoAllocationResult *
            bo_replan_get_result         (const BoReplan     *plan);
guint       bo_replan_get_computations   (const BoReplan     *plan);
void        bo_replan_free               (BoReplan           *plan);
gboolean    bo_store_refresh_promises    (BoStore            *store,
                                          GArray            **moved,
                                          GError            **error);

void        bo_allocation_result_free    (BoAllocationResult *result);
void        bo_promise_changes_free      (GArray             *moved);

/* ---- numbers ------------------------------------------------------------- */

GArray     *bo_store_day_counts          (BoStore            *store,
                                          guint32             from_day,
                                          guint32             to_day,
                                          GError            **error);
gboolean    bo_store_fill_rate           (BoStore            *store,
                                          guint32             from_day,
                                          guint32             to_day,
                                          gint64             *full_lines,
                                          gint64             *lines,
                                          GError            **error);
gboolean    bo_store_backlog             (BoStore            *store,
                                          gint64             *lines,
                                          gint64             *units,
                                          gint64             *value,
                                          GError            **error);
GArray     *bo_store_backlog_history     (BoStore            *store,
                                          BoPeriod            period,
                                          guint32             from_day,
                                          guint32             to_day,
                                          GError            **error);
gboolean    bo_store_aging               (BoStore            *store,
                                          gint64              lines[BO_AGE_N_BUCKETS],
                                          gint64              units[BO_AGE_N_BUCKETS],
                                          GError            **error);
GArray     *bo_store_supplier_counts     (BoStore            *store,
                                          GError            **error);
gboolean    bo_store_customer_on_time    (BoStore            *store,
                                          gint64             *on_time,
                                          gint64             *shipped,
                                          GError            **error);

/* ---- integrity, history, demo -------------------------------------------- */

gboolean    bo_store_check               (BoStore            *store,
                                          GPtrArray         **problems,
                                          GError            **error);
GPtrArray  *bo_store_list_events         (BoStore            *store,
                                          guint               limit,
                                          GError            **error);
gboolean    bo_store_generate_demo       (BoStore            *store,
                                          BoDemoScale         scale,
                                          guint32             seed,
                                          guint32             today,
                                          GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoOrderDraft, bo_order_draft_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoOrderOutcome, bo_order_outcome_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoReplan, bo_replan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoAllocationResult, bo_allocation_result_free)

/* ---- pick lists (bo-store-picklist.c) ------------------------------------ */

/**
 * BoPickSource:
 * @BO_PICK_SHIPMENT: one shipment (id: the shipment): the units it packs
 * @BO_PICK_OPEN_SHIPMENTS: one order (id: the order): the units its open
 *   shipments pack
 * @BO_PICK_UNPACKED: one order (id: the order): allocated units that no open
 *   shipment packs yet
 * @BO_PICK_ALLOCATED: one order (id: the order), or every order (id 0):
 *   allocated units not shipped yet
 *
 * What a pick list picks. The first three describe one order's shipment and
 * also return its lines with nothing to pick now but units still
 * backordered; %BO_PICK_ALLOCATED (batch picking) returns only lines with
 * allocated units. Drop-ship products are never returned: they do not leave
 * the shop's shelves.
 */
typedef enum
{
  BO_PICK_SHIPMENT,
  BO_PICK_OPEN_SHIPMENTS,
  BO_PICK_UNPACKED,
  BO_PICK_ALLOCATED,
} BoPickSource;

/**
 * BoPickLine:
 * @order_id: the order
 * @order_number: its number
 * @placed_at: when it was placed (Unix seconds)
 * @line_id: the order line
 * @product_id: the product
 * @sku: its SKU
 * @product_name: its name
 * @location: its bin, "" when none
 * @quantity: units to pick now (0: nothing now, the line is listed for its
 *   backorder)
 * @ordered: units ordered on the line
 * @backordered: units still backordered (ordered − allocated − shipped − cancelled)
 * @promised: promise date of the backordered units as a Julian day, 0 for none
 *
 * One order line on a pick list.
 */
typedef struct
{
  gint64  order_id;
  char   *order_number;
  gint64  placed_at;
  gint64  line_id;
  gint64  product_id;
  char   *sku;
  char   *product_name;
  char   *location;
  gint64  quantity;
  gint64  ordered;
  gint64  backordered;
  guint32 promised;
} BoPickLine;

BoShipment *bo_store_get_shipment        (BoStore            *store,
                                          gint64              shipment_id,
                                          GError            **error);
GArray     *bo_store_list_pick_lines     (BoStore            *store,
                                          BoPickSource        source,
                                          gint64              id,
                                          GError            **error);

/* ==== import, export, backup and restore ===================================
 * (bo-store-import.c, bo-store-export.c, bo-store-restore.c)
 *
 * Records read from a shop platform's export file. bo_store_apply_import()
 * writes a whole batch in one transaction: all of it or none of it. Values
 * marked "keep" leave an existing record's value as it is. */

#include <gio/gio.h>

/**
 * BoProgressFunc:
 * @fraction: how much of the work is done, from 0 to 1
 *
 * Reports progress of long work; called in the thread doing the work.
 */
typedef void (*BoProgressFunc) (double   fraction,
                                gpointer user_data);

/**
 * BoImportRecord:
 * The kinds of record an import writes, in the order it writes them.
 */
typedef enum
{
  BO_IMPORT_RECORD_SUPPLIER,
  BO_IMPORT_RECORD_PRODUCT,
  BO_IMPORT_RECORD_CUSTOMER,
  BO_IMPORT_RECORD_ORDER,
  BO_IMPORT_N_RECORDS,
} BoImportRecord;

/**
 * BoImportProduct:
 * @row: the row of the file it came from (for messages)
 * @sku: the SKU; a product is found by @external_ref, else by SKU
 * @external_ref: (nullable): its reference in the shop platform
 * @name: (nullable): keep when %NULL; required for a new product
 * @price: minor units; -1: keep (0 for a new product)
 * @on_hand: units on hand; -1: keep (0 for a new product)
 * @backorder_policy: a #BoBackorderPolicy; -1: keep (allow for a new product)
 * @discontinued: 0 or 1; -1: keep
 * @supplier: (nullable): links the product to this supplier
 */
typedef struct
{
  guint64 row;
  char   *sku;
  char   *external_ref;
  char   *name;
  gint64  price;
  gint64  cost;
  gint64  on_hand;
  gint64  reorder_point;
  gint64  reorder_qty;
  gint    backorder_policy;
  gint    discontinued;
  char   *location;
  char   *supplier;
  char   *supplier_sku;
} BoImportProduct;

/**
 * BoImportCustomer:
 * A customer is found by @external_ref, else by @email, else (without an
 * email address) by @name.
 * @create_only: an existing customer is left as it is (customers met in
 *   orders: the shop's own record knows them better)
 * @tier: -1: keep; @ship_complete: -1: keep
 */
typedef struct
{
  guint64  row;
  char    *external_ref;
  char    *name;
  char    *email;
  char    *address;
  gint     tier;
  gint     ship_complete;
  gboolean create_only;
} BoImportCustomer;

/**
 * BoImportSupplier:
 * Found by name. @lead_days: -1 keeps (7 for a new supplier).
 */
typedef struct
{
  guint64 row;
  char   *name;
  char   *email;
  gint    lead_days;
  char   *notes;
} BoImportSupplier;

/**
 * BoImportLine:
 * @unit_price: minor units, or -1 for the product's price
 * @shipped: units the shop platform shipped already (recorded as a shipment
 *   that left before the import; the stock count does not change for them)
 */
typedef struct
{
  guint64 row;
  char   *sku;
  gint64  quantity;
  gint64  unit_price;
  gint64  shipped;
} BoImportLine;

/**
 * BoImportOrder:
 * @external_ref: identifies the order across imports: an order whose
 *   reference is known already is left as it is
 * @number: (nullable): the order number, or %NULL for the next free one
 * @customer: index into the batch's customers
 * @placed_at: Unix seconds
 * @shipped_at: when its shipped units left, Unix seconds; 0: @placed_at
 * @lines: #BoImportLine
 */
typedef struct
{
  guint64 row;
  char   *external_ref;
  char   *number;
  guint   customer;
  gint64  placed_at;
  gint64  shipped_at;
  char   *notes;
  GArray *lines;
} BoImportOrder;

typedef struct
{
  char      *source;     /* for the event history, e.g. the file's name */
  GPtrArray *suppliers;  /* BoImportSupplier */
  GPtrArray *products;   /* BoImportProduct */
  GPtrArray *customers;  /* BoImportCustomer */
  GPtrArray *orders;     /* BoImportOrder */
} BoImportBatch;

/**
 * BoImportOutcome:
 * What an import did. @notes are sentences the merchant should read (for
 * instance backorders accepted for a product that takes none: the shop
 * platform accepted the order, so it is imported).
 */
typedef struct
{
  guint      created[BO_IMPORT_N_RECORDS];
  guint      updated[BO_IMPORT_N_RECORDS];
  guint      unchanged[BO_IMPORT_N_RECORDS];
  gint64     lines_shipped;       /* imported as shipped before the import */
  gint64     lines_allocated;     /* imported open lines that got all their stock */
  gint64     lines_backordered;   /* imported open lines with backordered units */
  gint64     units_backordered;
  GPtrArray *notes;               /* char * */
} BoImportOutcome;

/**
 * BoCustomerBackorders:
 * A customer's backorders, for the customer export.
 */
typedef struct
{
  gint64  customer_id;
  char   *name;
  char   *email;
  gint64  orders;            /* orders with open backordered units */
  gint64  lines;             /* open backordered lines */
  gint64  units;
  gint64  value;             /* at line price */
  gint64  unpromised_lines;  /* no incoming purchase order covers them */
  gint64  overdue_lines;     /* their promise date has passed */
  gint64  ready_lines;       /* with stock allocated, waiting to ship */
  guint32 first_promised;    /* earliest promise date of an open line */
  guint32 last_promised;     /* latest one */
} BoCustomerBackorders;

BoImportBatch    *bo_import_batch_new          (void);
void              bo_import_batch_free         (BoImportBatch          *batch);
BoImportProduct  *bo_import_product_new        (void);
void              bo_import_product_free       (BoImportProduct        *product);
BoImportCustomer *bo_import_customer_new       (void);
void              bo_import_customer_free      (BoImportCustomer       *customer);
BoImportSupplier *bo_import_supplier_new       (void);
void              bo_import_supplier_free      (BoImportSupplier       *supplier);
BoImportOrder    *bo_import_order_new          (void);
void              bo_import_order_add_line     (BoImportOrder          *order,
                                                guint64                 row,
                                                const char             *sku,
                                                gint64                  quantity,
                                                gint64                  unit_price,
                                                gint64                  shipped);
void              bo_import_order_free         (BoImportOrder          *order);
void              bo_import_outcome_free       (BoImportOutcome        *outcome);
void              bo_customer_backorders_free  (BoCustomerBackorders   *row);

char             *bo_import_product_changes    (const BoProduct        *existing,
                                                const char             *currency,
                                                const BoImportProduct  *incoming);
char             *bo_import_customer_changes   (const BoCustomer       *existing,
                                                const BoImportCustomer *incoming);
char             *bo_import_supplier_changes   (const BoSupplier       *existing,
                                                const BoImportSupplier *incoming);

gboolean    bo_store_apply_import        (BoStore             *store,
                                          const BoImportBatch *batch,
                                          GCancellable        *cancellable,
                                          BoProgressFunc       progress,
                                          gpointer             user_data,
                                          BoImportOutcome    **outcome,
                                          GError             **error);
BoProduct  *bo_store_find_product_by_ref (BoStore            *store,
                                          const char         *external_ref,
                                          GError            **error);
gint64      bo_store_find_order_id       (BoStore            *store,
                                          const char         *external_ref,
                                          const char         *number,
                                          GError            **error);
GPtrArray  *bo_store_list_customer_backorders (BoStore       *store,
                                          GError            **error);
BoStore    *bo_store_open_another        (BoStore            *store,
                                          GError            **error);
gboolean    bo_store_restore             (BoStore            *store,
                                          const char         *source,
                                          char              **safety_copy,
                                          GError            **error);

/**
 * BoStoreRestoreFlags:
 * @BO_STORE_RESTORE_NONE: refuse a backup that breaks a rule of a shop
 * @BO_STORE_RESTORE_FORCE: restore a whole backup even when the invariant
 *   checker finds broken rules in it (they are returned as problems)
 */
typedef enum
{
  BO_STORE_RESTORE_NONE  = 0,
  BO_STORE_RESTORE_FORCE = 1 << 0,
} BoStoreRestoreFlags;

gboolean    bo_store_restore_full        (BoStore            *store,
                                          const char         *source,
                                          BoStoreRestoreFlags flags,
                                          char              **safety_copy,
                                          GPtrArray         **problems,
                                          GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoImportBatch, bo_import_batch_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoImportProduct, bo_import_product_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoImportCustomer, bo_import_customer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoImportSupplier, bo_import_supplier_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoImportOrder, bo_import_order_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoImportOutcome, bo_import_outcome_free)

/* ==== end of import, export, backup and restore ============================ */

/* ==== charts (bo-store-charts.c) =========================================== */

/**
 * BoProductBacklog:
 * @product_id: the product
 * @sku: its SKU
 * @name: its name
 * @lines: order lines with open backordered units of it
 * @units: open backordered units
 * @value: their value at line price, minor units
 */
typedef struct
{
  gint64  product_id;
  char   *sku;
  char   *name;
  gint64  lines;
  gint64  units;
  gint64  value;
} BoProductBacklog;

GArray     *bo_store_top_backordered_products (BoStore     *store,
                                               guint        limit,
                                               GError     **error);

/* ==== end of charts ======================================================== */

/* ==== planning ahead ========================================================
 * (bo-store-planning.c, bo-store-dropship.c, bo-store-revenue.c,
 * bo-store-availability.c)
 *
 * Reorder suggestions from sales history, drop-ship purchase orders,
 * availability for the storefront, goodwill for waiting customers and
 * revenue recognised on delivery. */

#include "bo-forecast.h"

/**
 * BoReorderSuggestion:
 * @incoming: units on open purchase orders (drafts included), as "Order
 *   shortages" counts them
 * @promised: units already promised to customers: allocated + backordered
 * @position: projected stock: on hand − allocated + incoming − backordered
 * @needs_reorder: @position is at or below the product's reorder point, or,
 *   for a product without one, below the suggested one
 * @supplier_id: the supplier an order goes to (the preferred one, else the
 *   one "Order shortages" would choose); 0 when none is linked
 * @lead_days: its lead time for the product, -1 without a supplier
 * @min_order_qty: its minimum order quantity (1 without a supplier)
 * @forecast: the suggestion and why
 *
 * What a product's sales history suggests, beside where its stock stands.
 */
typedef struct
{
  gint64      product_id;
  char       *sku;
  char       *name;
  gint64      on_hand;
  gint64      allocated;
  gint64      backordered;
  gint64      incoming;
  gint64      promised;
  gint64      position;
  gint64      reorder_point;
  gint64      reorder_qty;
  gboolean    needs_reorder;
  gint64      supplier_id;
  char       *supplier_name;
  gint        lead_days;
  gint64      min_order_qty;
  BoForecast *forecast;
} BoReorderSuggestion;

/**
 * BoAvailabilityState:
 * @BO_AVAILABILITY_IN_STOCK: free stock ships now
 * @BO_AVAILABILITY_SHIPS_FROM: no free stock; an order placed now ships from
 *   a known date (an incoming purchase order, or a drop-ship supplier's lead
 *   time)
 * @BO_AVAILABILITY_BACKORDER: no free stock and no date yet, but orders are
 *   taken
 * @BO_AVAILABILITY_OUT_OF_STOCK: no order can be taken now
 *
 * What a product page can say about a product.
 */
typedef enum
{
  BO_AVAILABILITY_IN_STOCK,
  BO_AVAILABILITY_SHIPS_FROM,
  BO_AVAILABILITY_BACKORDER,
  BO_AVAILABILITY_OUT_OF_STOCK,
} BoAvailabilityState;

/**
 * BoAvailability:
 * @available: free to sell now: on hand − allocated
 * @atp: available to promise: on hand + incoming − allocated − backordered
 * @incoming: outstanding units of purchase orders with an expected date
 * @next_expected: the earliest expected date of those, 0 for none
 * @next_quantity: units expected on that date
 * @ships_from: for %BO_AVAILABILITY_SHIPS_FROM, the day an order placed now
 *   would ship (handling days included), else 0
 * @sentence: the ready-made availability sentence ("In stock", "Ships from
 *   12 Dec", "Out of stock"…), in the user's language
 *
 * What a storefront's product page needs about one SKU.
 */
typedef struct
{
  gint64              product_id;
  char               *sku;
  char               *name;
  char               *external_ref;
  gint64              price;
  gint64              on_hand;
  gint64              allocated;
  gint64              available;
  gint64              atp;
  gint64              incoming;
  guint32             next_expected;
  gint64              next_quantity;
  guint32             ships_from;
  BoBackorderPolicy   backorder_policy;
  gboolean            drop_ship;
  gboolean            discontinued;
  BoAvailabilityState state;
  char               *sentence;
} BoAvailability;

/**
 * BoRevenuePoint:
 * @year: calendar year
 * @index: month 1–12, quarter 1–4, or 0 for a year
 * @first_day: first day of the period (Julian)
 * @revenue: recognised revenue: value at line price of the units shipped in
 *   the period (a backorder is a sale once it is delivered)
 * @shipped: units shipped in the period
 * @refunds: refunds of cancellations made in the period
 * @cancelled: units cancelled in the period
 * @goodwill: goodwill given in the period
 * @goodwill_count: how many goodwill gestures
 * @backlog: value at line price of the open backorders at the end of the
 *   period (or of the range)
 * @backlog_units: their units
 */
typedef struct
{
  gint    year;
  gint    index;
  guint32 first_day;
  gint64  revenue;
  gint64  shipped;
  gint64  refunds;
  gint64  cancelled;
  gint64  goodwill;
  gint64  goodwill_count;
  gint64  backlog;
  gint64  backlog_units;
} BoRevenuePoint;

void        bo_reorder_suggestion_free   (BoReorderSuggestion *suggestion);
void        bo_availability_free         (BoAvailability     *availability);

GArray     *bo_store_daily_demand        (BoStore            *store,
                                          gint64              product_id,
                                          guint32             from_day,
                                          guint32             to_day,
                                          GError            **error);
GPtrArray  *bo_store_suggest_reorders    (BoStore            *store,
                                          guint               window_days,
                                          double              service_level,
                                          guint               cover_days,
                                          gboolean            needs_reorder_only,
                                          GError            **error);
BoReorderSuggestion *bo_store_suggest_reorder (BoStore       *store,
                                          gint64              product_id,
                                          guint               window_days,
                                          double              service_level,
                                          guint               cover_days,
                                          GError            **error);
gboolean    bo_store_set_reorder_levels  (BoStore            *store,
                                          gint64              product_id,
                                          gint64              reorder_point,
                                          gint64              reorder_qty,
                                          GError            **error);
gboolean    bo_store_order_for_reorder   (BoStore            *store,
                                          gint64              product_id,
                                          gint64              supplier_id,
                                          gint64              quantity,
                                          gint64             *po_id,
                                          GError            **error);

gboolean    bo_store_confirm_drop_ship   (BoStore            *store,
                                          gint64              po_id,
                                          GError            **error);

GPtrArray  *bo_store_list_availability   (BoStore            *store,
                                          GError            **error);

gboolean    bo_store_add_goodwill        (BoStore            *store,
                                          gint64              order_id,
                                          gint64              amount,
                                          gint                percent,
                                          const char         *voucher,
                                          const char         *note,
                                          gint64             *goodwill_id,
                                          GError            **error);
GArray     *bo_store_revenue_history     (BoStore            *store,
                                          BoPeriod            period,
                                          guint32             from_day,
                                          guint32             to_day,
                                          GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoReorderSuggestion, bo_reorder_suggestion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoAvailability, bo_availability_free)

/* ==== end of planning ahead ================================================ */

G_END_DECLS
