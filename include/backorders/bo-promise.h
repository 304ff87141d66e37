/* bo-promise.h — promise dates by pegging backorders to incoming purchase orders
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "bo-allocation.h"

G_BEGIN_DECLS

/**
 * BoArrival:
 * @po_line_id: the purchase-order line
 * @product_id: its product
 * @quantity: outstanding quantity (ordered − received), > 0
 * @eta: expected arrival as a Julian day number (g_date_get_julian())
 *
 * One incoming purchase-order line that has an ETA and is not cancelled.
 */
typedef struct
{
  gint64  po_line_id;
  gint64  product_id;
  gint64  quantity;
  guint32 eta;
} BoArrival;

/**
 * BoPromise:
 * @line_id: the backordered line
 * @order_id: its order
 * @product_id: its product
 * @covered: units of its backordered quantity that incoming arrivals cover
 * @promised: promised date as a Julian day (ETA of the completing arrival +
 *   handling days), or 0 when no arrival completes the line ("needs purchase order")
 * @po_line_id: the arrival that completes the line (or the last one that gave it
 *   units when none completes it), 0 when none gave anything
 */
typedef struct
{
  gint64  line_id;
  gint64  order_id;
  gint64  product_id;
  gint64  covered;
  guint32 promised;
  gint64  po_line_id;
} BoPromise;

BoPromise *bo_promise_compute        (BoPolicy         policy,
                                      const BoDemand  *backorders,
                                      gsize            n_backorders,
                                      const BoArrival *arrivals,
                                      gsize            n_arrivals,
                                      guint            handling_days);

gint64     bo_available_to_promise   (gint64           on_hand,
                                      gint64           allocated,
                                      gint64           backordered,
                                      gint64           incoming);

G_END_DECLS
