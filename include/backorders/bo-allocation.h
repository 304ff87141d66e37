/* bo-allocation.h — who gets scarce stock: the pure allocation module
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bo-reason.h"

G_BEGIN_DECLS

/**
 * BoPolicy:
 * @BO_POLICY_FIFO: fill each line completely, in order of service
 * @BO_POLICY_FAIR_SHARE: one unit at a time to each waiting line, round after round
 * @BO_POLICY_PRO_RATA: shares proportional to open quantity, leftovers by largest remainder
 *
 * How supply is shared within one priority tier (DESIGN.md section 2).
 */
typedef enum
{
  BO_POLICY_FIFO,
  BO_POLICY_FAIR_SHARE,
  BO_POLICY_PRO_RATA,
} BoPolicy;

/**
 * BoDemand:
 * @line_id: order line id (unique within one call)
 * @order_id: order id; lines of one order share it
 * @product_id: the product the line wants
 * @placed_at: when the order was placed (Unix seconds)
 * @tier: priority tier of the order; higher is served first
 * @ship_complete: the order ships complete (all or nothing, across products)
 * @open: open quantity q = ordered − shipped − cancelled − allocated (> 0)
 *
 * One waiting order line.
 */
typedef struct
{
  gint64   line_id;
  gint64   order_id;
  gint64   product_id;
  gint64   placed_at;
  gint     tier;
  gboolean ship_complete;
  gint64   open;
} BoDemand;

/**
 * BoSupply:
 * @product_id: the product
 * @free: free supply S of that product (on hand − allocated), >= 0
 */
typedef struct
{
  gint64 product_id;
  gint64 free;
} BoSupply;

/**
 * BoGrant:
 * @line_id: copied from the demand
 * @order_id: copied from the demand
 * @product_id: copied from the demand
 * @requested: the demand's open quantity
 * @granted: units given to the line, 0 ≤ granted ≤ requested
 * @reason: why
 * @detail: numbers for the reason, see #BoReasonKind (pro rata: its first
 *   three; the fourth is @granted); bo_reason_from_grant() makes it a #BoReason
 */
typedef struct
{
  gint64       line_id;
  gint64       order_id;
  gint64       product_id;
  gint64       requested;
  gint64       granted;
  BoReasonKind reason;
  gint64       detail[3];
} BoGrant;

typedef struct _BoPlan BoPlan;

/**
 * BoSkuFunc:
 * Returns the SKU of @product_id for reason texts (borrowed string), or %NULL.
 */
typedef const char *(*BoSkuFunc) (gint64 product_id, gpointer user_data);

const char *bo_policy_to_string   (BoPolicy      policy);
gboolean    bo_policy_from_string (const char   *text,
                                   BoPolicy     *policy);
const char *bo_policy_label       (BoPolicy      policy);

BoPlan     *bo_allocate           (BoPolicy        policy,
                                   const BoSupply *supplies,
                                   gsize           n_supplies,
                                   const BoDemand *demands,
                                   gsize           n_demands);
gsize       bo_plan_get_n_grants  (const BoPlan   *plan);
const BoGrant *bo_plan_get_grant  (const BoPlan   *plan,
                                   gsize           index);
gint64      bo_plan_get_granted   (const BoPlan   *plan,
                                   gint64          product_id);
void        bo_plan_free          (BoPlan         *plan);

char       *bo_grant_describe     (const BoGrant  *grant,
                                   BoSkuFunc       sku_func,
                                   gpointer        user_data);
void        bo_reason_from_grant  (BoReason       *reason,
                                   const BoGrant  *grant,
                                   BoSkuFunc       sku_func,
                                   gpointer        user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoPlan, bo_plan_free)

G_END_DECLS
