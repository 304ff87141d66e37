/* bo-records.h — plain records read from and written to the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "bo-allocation.h"

G_BEGIN_DECLS

/**
 * BoBackorderPolicy:
 * @BO_BACKORDER_DENY: never backorder
 * @BO_BACKORDER_ALLOW: accept any backorder (default for a new product)
 * @BO_BACKORDER_ALLOW_IF_INCOMING: accept what available-to-promise covers
 */
typedef enum
{
  BO_BACKORDER_DENY,
  BO_BACKORDER_ALLOW,
  BO_BACKORDER_ALLOW_IF_INCOMING,
} BoBackorderPolicy;

/**
 * BoPoStatus:
 * Purchase-order status.
 */
typedef enum
{
  BO_PO_DRAFT,
  BO_PO_SENT,
  BO_PO_PARTIAL,
  BO_PO_RECEIVED,
  BO_PO_CANCELLED,
} BoPoStatus;

/**
 * BoSupplierChoice:
 * How "Order shortages" picks a supplier when a product has no preferred one.
 */
typedef enum
{
  BO_SUPPLIER_CHEAPEST,
  BO_SUPPLIER_FASTEST,
} BoSupplierChoice;

/* Money is in minor units (cents) of the shop currency; dates are Julian day
 * numbers (g_date_get_julian(), 0 = none); instants are Unix seconds. */

typedef struct
{
  gint64            id;
  char             *sku;
  char             *name;
  gint64            price;
  gint64            cost;
  gint64            on_hand;
  gint64            allocated;    /* read only: sum over order lines */
  gint64            backordered;  /* read only: open backordered units */
  gint64            incoming;     /* read only: outstanding PO units with an ETA */
  char             *location;
  gint64            reorder_point;
  gint64            reorder_qty;
  BoBackorderPolicy backorder_policy;
  gboolean          drop_ship;
  gboolean          discontinued;
  char             *external_ref;
} BoProduct;

typedef struct
{
  gint64 id;
  char  *name;
  char  *email;
  gint   lead_days;
  char  *notes;
} BoSupplier;

typedef struct
{
  gint64   product_id;
  gint64   supplier_id;
  char    *supplier_name;  /* read only */
  char    *supplier_sku;
  gint64   cost;           /* -1: product cost */
  gint     lead_days;      /* -1: supplier's lead days */
  gint64   min_order_qty;  /* >= 1 */
  gboolean preferred;
} BoProductSupplier;

typedef struct
{
  gint64   id;
  char    *name;
  char    *email;
  char    *address;
  gint     tier;
  gboolean ship_complete;
  char    *external_ref;
} BoCustomer;

typedef struct
{
  gint64 id;
  gint64 order_id;
  gint64 product_id;
  char  *sku;
  char  *product_name;
  gint64 ordered;
  gint64 allocated;
  gint64 shipped;
  gint64 cancelled;
  gint64 backordered;              /* ordered − allocated − shipped − cancelled */
  gint64 backordered_at_placement;
  gint64 unit_price;
  gint64 refunded;
  guint32 promised;                /* 0: none */
  guint32 first_promised;
  char  *waiting_po;               /* PO number pegged to, or NULL */
  char  *reason;                   /* last allocation reason */
  gboolean drop_ship;              /* the supplier ships it: @backordered are units
                                    * the supplier has still to ship, never a backorder */
} BoOrderLine;

typedef struct
{
  gint64     id;
  char      *number;
  gint64     customer_id;
  char      *customer_name;
  char      *customer_email;
  char      *customer_address;
  gint64     placed_at;
  gint       tier;                /* effective */
  gint       priority_override;   /* -1: customer's tier */
  gboolean   ship_complete;       /* effective */
  gint       ship_complete_override; /* -1: customer's preference */
  char      *external_ref;
  char      *notes;
  guint32    promised;            /* order-level promise (ship-complete: latest line) */
  GPtrArray *lines;               /* BoOrderLine */
  GPtrArray *goodwill;            /* BoGoodwill, oldest first */
} BoOrder;

/* A row of an order or backorder list. */
typedef struct
{
  gint64  order_id;
  gint64  line_id;                /* backorder lists only */
  char   *number;
  char   *customer_name;
  gint64  placed_at;
  char   *sku;                    /* backorder lists only */
  char   *product_name;           /* backorder lists only */
  gint64  ordered;
  gint64  allocated;
  gint64  shipped;
  gint64  cancelled;
  gint64  backordered;
  gint64  value;                  /* open backordered value */
  guint32 promised;
  char   *waiting_po;
  gboolean ready;                 /* something allocated and not yet shipped */
  gint64  total;                  /* the order's value: what is not cancelled, at line prices */
} BoOrderSummary;

typedef struct
{
  gint64 id;
  gint64 po_id;
  gint64 product_id;
  char  *sku;
  char  *product_name;
  gint64 ordered;
  gint64 received;
  gint64 cost;
  guint32 eta;
  guint32 fully_received;
  gint64 order_line_id;            /* drop-ship: the customer's order line, else 0 */
} BoPoLine;

typedef struct
{
  gint64     id;
  char      *number;
  gint64     supplier_id;
  char      *supplier_name;
  BoPoStatus status;
  gint64     created_at;
  guint32    eta;                  /* earliest line ETA */
  char      *notes;
  GPtrArray *lines;                /* BoPoLine */
  gboolean   drop_ship;            /* the supplier ships to the customer */
  char      *ship_to;              /* drop-ship: the customer's name and address */
  gint64     shipped_at;           /* drop-ship: when the supplier shipped, 0: not yet */
} BoPurchaseOrder;

typedef struct
{
  gint64   id;
  gint64   order_id;
  gint64   created_at;
  gint64   shipped_at;    /* 0: not shipped yet */
  GArray  *lines;         /* BoShipmentLine */
} BoShipment;

typedef struct
{
  gint64 line_id;
  gint64 product_id;
  char  *sku;
  char  *product_name;
  char  *location;
  gint64 quantity;
} BoShipmentLine;

/* A row of the purchase-order list. */
typedef struct
{
  gint64     id;
  char      *number;
  char      *supplier_name;
  BoPoStatus status;
  gint64     created_at;
  guint32    eta;            /* earliest ETA of an outstanding line */
  gint64     ordered;
  gint64     received;
  gint64     value;          /* ordered × cost */
  gboolean   overdue;        /* an outstanding line's ETA has passed */
  gboolean   drop_ship;      /* the supplier ships to a customer */
} BoPoSummary;

typedef struct
{
  gint64 id;
  gint64 at;
  gint64 product_id;
  char  *sku;
  gint64 delta;
  char  *reason;
  char  *reference;
} BoMovement;

typedef struct
{
  gint64 id;
  gint64 at;
  char  *kind;
  char  *subject;
  char  *detail;
} BoEvent;

/**
 * BoGoodwill:
 * @amount: what the customer was given, in minor units
 * @percent: hundredths of a percent of the order's value when it was given
 *   as a share (1000 = 10 %), 0 when it was given as an amount
 * @voucher: the voucher code, "" for a discount without one
 *
 * A goodwill discount or voucher given to a customer waiting for an order.
 */
typedef struct
{
  gint64  id;
  gint64  order_id;
  gint64  at;
  gint64  amount;
  gint    percent;
  char   *voucher;
  char   *note;
} BoGoodwill;

BoProduct         *bo_product_new            (void);
BoProduct         *bo_product_copy           (const BoProduct *product);
void               bo_product_free           (BoProduct         *product);
BoSupplier        *bo_supplier_new           (void);
void               bo_supplier_free          (BoSupplier        *supplier);
BoProductSupplier *bo_product_supplier_new   (void);
void               bo_product_supplier_free  (BoProductSupplier *link);
BoCustomer        *bo_customer_new           (void);
void               bo_customer_free          (BoCustomer        *customer);
void               bo_order_line_free        (BoOrderLine       *line);
gint64             bo_order_line_value       (const BoOrderLine *line);
void               bo_order_free             (BoOrder           *order);
void               bo_order_summary_free     (BoOrderSummary    *summary);
void               bo_po_line_free           (BoPoLine          *line);
void               bo_purchase_order_free    (BoPurchaseOrder   *po);
void               bo_po_summary_free        (BoPoSummary       *summary);
void               bo_shipment_free          (BoShipment        *shipment);
void               bo_movement_free          (BoMovement        *movement);
void               bo_event_free             (BoEvent           *event);
void               bo_goodwill_free          (BoGoodwill        *goodwill);

const char        *bo_backorder_policy_to_string   (BoBackorderPolicy  policy);
gboolean           bo_backorder_policy_from_string (const char        *text,
                                                    BoBackorderPolicy *policy);
const char        *bo_po_status_to_string          (BoPoStatus         status);
gboolean           bo_po_status_from_string        (const char        *text,
                                                    BoPoStatus        *status);
const char        *bo_po_status_label              (BoPoStatus         status);
const char        *bo_supplier_choice_to_string    (BoSupplierChoice   choice);
gboolean           bo_supplier_choice_from_string  (const char        *text,
                                                    BoSupplierChoice  *choice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoProduct, bo_product_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoSupplier, bo_supplier_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoProductSupplier, bo_product_supplier_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoCustomer, bo_customer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoOrder, bo_order_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoPurchaseOrder, bo_purchase_order_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoShipment, bo_shipment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoGoodwill, bo_goodwill_free)

G_END_DECLS
