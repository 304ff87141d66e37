/* bo-picklist.h — pick lists: what to take from which bin, and one renderer for print and PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include "bo-store.h"

G_BEGIN_DECLS

/**
 * BoPicklistKind:
 * @BO_PICKLIST_SHIPMENT: one shipment of one order
 * @BO_PICKLIST_BATCH: a wave of several orders, grouped by bin and SKU
 */
typedef enum
{
  BO_PICKLIST_SHIPMENT,
  BO_PICKLIST_BATCH,
} BoPicklistKind;

/**
 * BoPicklistOrder:
 * @number: an order number
 * @quantity: the units of a batch row that go to that order
 */
typedef struct
{
  char  *number;
  gint64 quantity;
} BoPicklistOrder;

/**
 * BoPicklistRow:
 * @location: the bin, "" when the product has none
 * @sku: the product's SKU
 * @product_name: the product's name
 * @pick: units to pick now (0 on a shipment's row that is listed only for
 *   its backorder)
 * @ordered: shipment rows: units ordered on the line
 * @backordered: shipment rows: units still backordered after this shipment
 * @promised: shipment rows: promise date of those units (Julian day), 0 when
 *   no purchase order gives one yet
 * @orders: batch rows: #BoPicklistOrder, the orders @pick is for, in order
 *   of service
 * @continued: batch rows: the row before is the same bin and SKU (a SKU
 *   wanted by very many orders is split over several rows)
 */
typedef struct
{
  char     *location;
  char     *sku;
  char     *product_name;
  gint64    pick;
  gint64    ordered;
  gint64    backordered;
  guint32   promised;
  GArray   *orders;
  gboolean  continued;
} BoPicklistRow;

typedef struct _BoPicklistPages BoPicklistPages;

/**
 * BoPicklist:
 * @kind: one shipment or a batch
 * @shop_name: the shop-name setting ("" when not set)
 * @currency: the currency setting
 * @date: the day the list was made (Julian day)
 * @shipment_id: the shipment, or 0 when the list is not exactly one
 *   shipment (several open shipments, or units not packed yet)
 * @n_shipments: open shipments the list covers (0: what is allocated and not
 *   packed yet)
 * @order_number: shipment lists: the order
 * @customer_name: shipment lists: the customer
 * @ship_to: shipment lists: the customer's address, lines separated by "\n"
 * @n_orders: orders on the list
 * @rows: #BoPicklistRow, in walking order: by bin (numbers in bin names
 *   compare as numbers, rows without a bin last), then SKU; on shipment
 *   lists the rows with nothing to pick now come last
 *
 * The content of one pick-list document. Everything a renderer needs is
 * here: it does not read the store.
 */
typedef struct
{
  BoPicklistKind   kind;
  char            *shop_name;
  char            *currency;
  guint32          date;
  gint64           shipment_id;
  guint            n_shipments;
  char            *order_number;
  char            *customer_name;
  char            *ship_to;
  guint            n_orders;
  GPtrArray       *rows;

  /*< private >*/
  BoPicklistPages *pages;
} BoPicklist;

/* Content (bo-picklist.c) */

BoPicklist *bo_picklist_new_for_shipment   (BoStore          *store,
                                            gint64            shipment_id,
                                            GError          **error);
BoPicklist *bo_picklist_new_for_order      (BoStore          *store,
                                            gint64            order_id,
                                            GError          **error);
BoPicklist *bo_picklist_new_batch          (BoStore          *store,
                                            const gint64     *order_ids,
                                            gsize             n_order_ids,
                                            GError          **error);
void        bo_picklist_free               (BoPicklist       *picklist);

gint64      bo_picklist_get_units          (const BoPicklist *picklist);
gboolean    bo_picklist_has_backorders     (const BoPicklist *picklist);
char       *bo_picklist_get_title          (const BoPicklist *picklist);
char       *bo_picklist_format_date        (guint32           julian);

/* Rendering (bo-picklist-render.c) */

void        bo_picklist_get_default_paper  (double           *width,
                                            double           *height);
guint       bo_picklist_layout             (BoPicklist       *picklist,
                                            double            width,
                                            double            height);
void        bo_picklist_render_page        (BoPicklist       *picklist,
                                            cairo_t          *cr,
                                            double            width,
                                            double            height,
                                            guint             page);
gboolean    bo_picklist_write_pdf          (BoPicklist       *picklist,
                                            const char       *path,
                                            GError          **error);
gboolean    bo_picklist_write_pdf_for_size (BoPicklist       *picklist,
                                            const char       *path,
                                            double            width,
                                            double            height,
                                            GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoPicklist, bo_picklist_free)

G_END_DECLS
