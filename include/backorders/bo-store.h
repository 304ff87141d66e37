/* bo-store.h — the shop database: the only code that speaks SQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "bo-allocation.h"
#include "bo-metrics.h"
#include "bo-records.h"

G_BEGIN_DECLS

#define BO_STORE_SCHEMA_VERSION 2

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
} BoLineOutcome;

typedef struct
{
  gint64  order_id;
  char   *number;
  GArray *lines;        /* BoLineOutcome */
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
} BoDemoScale;

/* ---- opening ------------------------------------------------------------- */

BoStore    *bo_store_open                (const char         *path,
                                          GError            **error);
const char *bo_store_get_path            (BoStore            *store);
void        bo_store_set_now             (BoStore            *store,
                                          gint64              now);
gint64      bo_store_get_now             (BoStore            *store);
guint32     bo_store_get_today           (BoStore            *store);
void        bo_store_set_busy_timeout    (BoStore            *store,
                                          guint               milliseconds);
gint64      bo_store_get_data_version    (BoStore            *store);
void        bo_store_watch               (BoStore            *store);
gboolean    bo_store_backup              (BoStore            *store,
                                          const char         *destination,
                                          GError            **error);

/* ---- settings ------------------------------------------------------------ */

char       *bo_store_get_setting         (BoStore            *store,
                                          const char         *key);
gboolean    bo_store_set_setting         (BoStore            *store,
                                          const char         *key,
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
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoAllocationResult, bo_allocation_result_free)

G_END_DECLS
