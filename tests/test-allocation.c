/* test-allocation.c — tests of who gets scarce stock
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-allocation"
#include "config.h"
#include <glib.h>
#include <string.h>
#include "backorders/bo-allocation.h"

/* line, order, product, placed_at, tier, ship_complete, open */
#define DEMAND(l, o, p, t, tier, sc, q) ((BoDemand) { (l), (o), (p), (t), (tier), (sc), (q) })

static const BoPolicy all_policies[] = {
  BO_POLICY_FIFO,
  BO_POLICY_FAIR_SHARE,
  BO_POLICY_PRO_RATA,
};

static void
assert_grant (const BoPlan *plan,
              gsize         index,
              gint64        granted,
              BoReasonKind  reason,
              gint64        detail0,
              gint64        detail1,
              gint64        detail2)
{
  const BoGrant *grant = bo_plan_get_grant (plan, index);

  g_assert_nonnull (grant);
  g_assert_cmpint (grant->granted, ==, granted);
  g_assert_cmpint (grant->reason, ==, reason);
  g_assert_cmpint (grant->detail[0], ==, detail0);
  g_assert_cmpint (grant->detail[1], ==, detail1);
  g_assert_cmpint (grant->detail[2], ==, detail2);
}

static void
test_policy_strings (void)
{
  BoPolicy policy = BO_POLICY_FIFO;

  g_assert_cmpstr (bo_policy_to_string (BO_POLICY_FIFO), ==, "fifo");
  g_assert_cmpstr (bo_policy_to_string (BO_POLICY_FAIR_SHARE), ==, "fair-share");
  g_assert_cmpstr (bo_policy_to_string (BO_POLICY_PRO_RATA), ==, "pro-rata");

  for (gsize i = 0; i < G_N_ELEMENTS (all_policies); i++)
    {
      g_assert_true (bo_policy_from_string (bo_policy_to_string (all_policies[i]), &policy));
      g_assert_cmpint (policy, ==, all_policies[i]);
    }
  g_assert_true (bo_policy_from_string ("pro-rata", NULL));

  policy = BO_POLICY_FAIR_SHARE;
  g_assert_false (bo_policy_from_string ("FIFO", &policy));
  g_assert_false (bo_policy_from_string ("", &policy));
  g_assert_false (bo_policy_from_string ("fair share", &policy));
  g_assert_cmpint (policy, ==, BO_POLICY_FAIR_SHARE);

  g_assert_cmpstr (bo_policy_label (BO_POLICY_FIFO), ==, "First come, first served");
  g_assert_cmpstr (bo_policy_label (BO_POLICY_FAIR_SHARE), ==, "Fair share");
  g_assert_cmpstr (bo_policy_label (BO_POLICY_PRO_RATA), ==, "Pro rata");
}

/* DESIGN.md: 3 units free; A ordered 3, then B 1, then C 1. */
static const BoSupply example_supply[] = { { 7, 3 } };
static const BoDemand example_demands[] = {
  DEMAND (1, 100, 7, 1000, 0, FALSE, 3),
  DEMAND (2, 101, 7, 1001, 0, FALSE, 1),
  DEMAND (3, 102, 7, 1002, 0, FALSE, 1),
};

static void
test_example_fifo (void)
{
  g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_FIFO, example_supply, 1, example_demands, 3);

  g_assert_cmpuint (bo_plan_get_n_grants (plan), ==, 3);
  assert_grant (plan, 0, 3, BO_REASON_FIFO, 1, 3, 0);
  assert_grant (plan, 1, 0, BO_REASON_NO_STOCK, 0, 0, 0);
  assert_grant (plan, 2, 0, BO_REASON_NO_STOCK, 0, 0, 0);
  g_assert_cmpint (bo_plan_get_granted (plan, 7), ==, 3);
}

static void
test_example_fair_share (void)
{
  g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_FAIR_SHARE, example_supply, 1,
                                         example_demands, 3);

  assert_grant (plan, 0, 1, BO_REASON_FAIR_SHARE, 1, 1, 0);
  assert_grant (plan, 1, 1, BO_REASON_FAIR_SHARE, 1, 1, 0);
  assert_grant (plan, 2, 1, BO_REASON_FAIR_SHARE, 1, 1, 0);
  g_assert_cmpint (bo_plan_get_granted (plan, 7), ==, 3);
}

static void
test_example_pro_rata (void)
{
  g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_PRO_RATA, example_supply, 1,
                                         example_demands, 3);

  assert_grant (plan, 0, 2, BO_REASON_PRO_RATA, 3, 3, 5);
  assert_grant (plan, 1, 1, BO_REASON_PRO_RATA, 3, 1, 5);
  assert_grant (plan, 2, 0, BO_REASON_PRO_RATA, 3, 1, 5);
  g_assert_cmpint (bo_plan_get_granted (plan, 7), ==, 3);
}

static gint
compare_service_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  const BoDemand *x = &((const BoDemand *) data)[*(const guint *) a];
  const BoDemand *y = &((const BoDemand *) data)[*(const guint *) b];

  if (x->tier != y->tier)
    return x->tier > y->tier ? -1 : 1;
  if (x->placed_at != y->placed_at)
    return x->placed_at < y->placed_at ? -1 : 1;
  if (x->order_id != y->order_id)
    return x->order_id < y->order_id ? -1 : 1;
  return x->line_id < y->line_id ? -1 : x->line_id > y->line_id;
}

/* Calls @func for every permutation of @demands (Heap's algorithm). */
static void
permute (BoDemand *demands,
         gsize     n,
         gsize     k,
         void    (*func) (const BoDemand *demands, gsize n))
{
  if (k <= 1)
    {
      func (demands, n);
      return;
    }

  for (gsize i = 0; i < k - 1; i++)
    {
      gsize j = k % 2 == 0 ? i : 0;
      BoDemand swap;

      permute (demands, n, k - 1, func);
      swap = demands[j];
      demands[j] = demands[k - 1];
      demands[k - 1] = swap;
    }
  permute (demands, n, k - 1, func);
}

static void
check_service_order (const BoDemand *demands,
                     gsize           n)
{
  BoSupply supply = { 1, 3 };
  g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_FIFO, &supply, 1, demands, n);

  for (gsize i = 0; i < n; i++)
    {
      const BoGrant *grant = bo_plan_get_grant (plan, i);

      g_assert_cmpint (grant->line_id, ==, demands[i].line_id);
      g_assert_cmpint (grant->order_id, ==, demands[i].order_id);
      g_assert_cmpint (grant->product_id, ==, 1);
      g_assert_cmpint (grant->requested, ==, 1);
      switch (grant->line_id)
        {
        case 60: /* the only line of tier 1 */
          g_assert_cmpint (grant->detail[0], ==, 1);
          g_assert_cmpint (grant->detail[1], ==, 1);
          g_assert_cmpint (grant->granted, ==, 1);
          break;
        case 90: /* placed first in tier 0 */
          g_assert_cmpint (grant->detail[0], ==, 1);
          g_assert_cmpint (grant->detail[1], ==, 4);
          g_assert_cmpint (grant->granted, ==, 1);
          break;
        case 70: /* same time as 40 and 50, lower order id */
          g_assert_cmpint (grant->detail[0], ==, 2);
          g_assert_cmpint (grant->detail[1], ==, 4);
          g_assert_cmpint (grant->granted, ==, 1);
          break;
        case 40: /* same order as 50, lower line id */
        case 50:
          g_assert_cmpint (grant->granted, ==, 0);
          g_assert_cmpint (grant->reason, ==, BO_REASON_NO_STOCK);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
test_order_of_service (void)
{
  BoDemand demands[] = {
    DEMAND (50, 5, 1, 100, 0, FALSE, 1),
    DEMAND (60, 6, 1, 200, 1, FALSE, 1),
    DEMAND (70, 4, 1, 100, 0, FALSE, 1),
    DEMAND (40, 5, 1, 100, 0, FALSE, 1),
    DEMAND (90, 9, 1, 50, 0, FALSE, 1),
  };

  /* Every input order gives the same plan. */
  permute (demands, G_N_ELEMENTS (demands), G_N_ELEMENTS (demands), check_service_order);

  /* Line 40 comes before line 50 of the same order: one more unit shows it. */
  {
    BoSupply supply = { 1, 4 };
    g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_FIFO, &supply, 1, demands,
                                           G_N_ELEMENTS (demands));

    for (gsize i = 0; i < G_N_ELEMENTS (demands); i++)
      {
        const BoGrant *grant = bo_plan_get_grant (plan, i);

        g_assert_cmpint (grant->granted, ==, grant->line_id == 50 ? 0 : 1);
      }
  }
}

static void
test_order_of_service_many (void)
{
  /* Enough lines for the radix sort, with keys of every sign and size; with
   * plenty of supply FIFO reports each line's place among its tier.
   */
  enum { N = 3000 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (5);
  g_autofree BoDemand *demands = g_new (BoDemand, N);
  g_autofree guint *order = g_new (guint, N);
  const BoSupply supply = { -4, G_MAXINT64 };
  g_autoptr (BoPlan) plan = NULL;
  guint place = 0;

  for (guint i = 0; i < N; i++)
    {
      gint64 wide = (gint64) (((guint64) g_rand_int (rand) << 32) | g_rand_int (rand));

      demands[i] = DEMAND (wide, g_rand_int_range (rand, -3, 3) * (G_GINT64_CONSTANT (1) << 40),
                           -4, g_rand_int_range (rand, -2, 2) * G_GINT64_CONSTANT (1000000007),
                           g_rand_int_range (rand, -1, 2) * 1000, FALSE, 1);
      order[i] = i;
    }
  g_qsort_with_data (order, N, sizeof (guint), compare_service_cb, demands);

  plan = bo_allocate (BO_POLICY_FIFO, &supply, 1, demands, N);
  for (guint j = 0; j < N; j++)
    {
      const BoGrant *grant = bo_plan_get_grant (plan, order[j]);

      if (j > 0 && demands[order[j]].tier != demands[order[j - 1]].tier)
        place = 0;
      g_assert_cmpint (grant->reason, ==, BO_REASON_FIFO);
      g_assert_cmpint (grant->detail[0], ==, ++place);
    }
}

static void
test_products (void)
{
  const BoSupply supplies[] = { { 30, 10 }, { 10, 1 }, { 40, 5 }, { 10, 1 } };
  const BoDemand demands[] = {
    DEMAND (1, 1, 10, 1, 0, FALSE, 3),
    DEMAND (2, 1, 20, 1, 0, FALSE, 1),
    DEMAND (3, 2, 30, 2, 0, FALSE, 4),
    DEMAND (4, 3, 10, 3, 0, FALSE, 2),
  };

  for (gsize k = 0; k < G_N_ELEMENTS (all_policies); k++)
    {
      g_autoptr (BoPlan) plan = bo_allocate (all_policies[k], supplies, G_N_ELEMENTS (supplies),
                                             demands, G_N_ELEMENTS (demands));

      g_assert_cmpuint (bo_plan_get_n_grants (plan), ==, 4);
      /* Two supply entries for product 10 add up to 2. */
      g_assert_cmpint (bo_plan_get_granted (plan, 10), ==, 2);
      /* Product 20 is missing from the supplies: nothing free. */
      assert_grant (plan, 1, 0, BO_REASON_NO_STOCK, 0, 0, 0);
      g_assert_cmpint (bo_plan_get_granted (plan, 20), ==, 0);
      g_assert_cmpint (bo_plan_get_grant (plan, 2)->granted, ==, 4);
      g_assert_cmpint (bo_plan_get_granted (plan, 30), ==, 4);
      /* Supply nobody asks for, and a product nobody mentions. */
      g_assert_cmpint (bo_plan_get_granted (plan, 40), ==, 0);
      g_assert_cmpint (bo_plan_get_granted (plan, 99), ==, 0);
    }

  {
    g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_FIFO, supplies, G_N_ELEMENTS (supplies),
                                           demands, G_N_ELEMENTS (demands));

    assert_grant (plan, 0, 2, BO_REASON_FIFO, 1, 2, 0);
    assert_grant (plan, 3, 0, BO_REASON_NO_STOCK, 0, 0, 0);
    assert_grant (plan, 2, 4, BO_REASON_FIFO, 1, 1, 0);
  }
  {
    g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_FAIR_SHARE, supplies,
                                           G_N_ELEMENTS (supplies), demands,
                                           G_N_ELEMENTS (demands));

    assert_grant (plan, 0, 1, BO_REASON_FAIR_SHARE, 1, 1, 0);
    assert_grant (plan, 3, 1, BO_REASON_FAIR_SHARE, 1, 1, 0);
    assert_grant (plan, 2, 4, BO_REASON_FAIR_SHARE, 4, 4, 0);
  }
  {
    g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_PRO_RATA, supplies,
                                           G_N_ELEMENTS (supplies), demands,
                                           G_N_ELEMENTS (demands));

    /* 2 × 3 ÷ 5 = 1.2 and 2 × 2 ÷ 5 = 0.8: the leftover goes to 0.8. */
    assert_grant (plan, 0, 1, BO_REASON_PRO_RATA, 2, 3, 5);
    assert_grant (plan, 3, 1, BO_REASON_PRO_RATA, 2, 2, 5);
    assert_grant (plan, 2, 4, BO_REASON_PRO_RATA, 10, 4, 4);
  }
}

static void
test_empty (void)
{
  const BoSupply supply = { 1, 5 };

  for (gsize k = 0; k < G_N_ELEMENTS (all_policies); k++)
    {
      g_autoptr (BoPlan) plan = bo_allocate (all_policies[k], &supply, 1, NULL, 0);
      g_autoptr (BoPlan) bare = bo_allocate (all_policies[k], NULL, 0, NULL, 0);

      g_assert_nonnull (plan);
      g_assert_cmpuint (bo_plan_get_n_grants (plan), ==, 0);
      g_assert_cmpint (bo_plan_get_granted (plan, 1), ==, 0);
      g_assert_nonnull (bare);
      g_assert_cmpuint (bo_plan_get_n_grants (bare), ==, 0);
    }
}

static void
test_invalid (void)
{
  const BoSupply bad_supply = { 1, -1 };
  const BoSupply supply = { 1, 1 };
  const BoDemand bad_demand = DEMAND (1, 1, 1, 0, 0, FALSE, 0);
  BoPlan *plan;

  g_test_expect_message ("bo-allocation", G_LOG_LEVEL_CRITICAL, "*open > 0*");
  plan = bo_allocate (BO_POLICY_FIFO, &supply, 1, &bad_demand, 1);
  g_test_assert_expected_messages ();
  g_assert_null (plan);

  g_test_expect_message ("bo-allocation", G_LOG_LEVEL_CRITICAL, "*free >= 0*");
  plan = bo_allocate (BO_POLICY_FIFO, &bad_supply, 1, NULL, 0);
  g_test_assert_expected_messages ();
  g_assert_null (plan);
}

static void
test_ship_complete_fifo (void)
{
  const BoDemand demands[] = {
    DEMAND (1, 10, 1, 100, 0, TRUE, 2),
    DEMAND (2, 10, 2, 100, 0, TRUE, 3),
    DEMAND (3, 11, 1, 200, 0, FALSE, 5),
  };

  /* Enough of both products: the whole order is covered. */
  {
    const BoSupply supplies[] = { { 1, 5 }, { 2, 5 } };
    g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_FIFO, supplies, 2, demands, 3);

    assert_grant (plan, 0, 2, BO_REASON_SHIP_COMPLETE, 2, 0, 0);
    assert_grant (plan, 1, 3, BO_REASON_SHIP_COMPLETE, 2, 0, 0);
    assert_grant (plan, 2, 3, BO_REASON_FIFO, 2, 2, 0);
    g_assert_cmpint (bo_plan_get_granted (plan, 1), ==, 5);
    g_assert_cmpint (bo_plan_get_granted (plan, 2), ==, 3);
  }

  /* One unit of product 2 short: nothing at all, and product 1 passes on. */
  {
    const BoSupply supplies[] = { { 1, 5 }, { 2, 2 } };
    g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_FIFO, supplies, 2, demands, 3);

    assert_grant (plan, 0, 0, BO_REASON_HELD_SHIP_COMPLETE, 1, 2, 0);
    assert_grant (plan, 1, 0, BO_REASON_HELD_SHIP_COMPLETE, 1, 2, 0);
    assert_grant (plan, 2, 5, BO_REASON_FIFO, 2, 2, 0);
    g_assert_cmpint (bo_plan_get_granted (plan, 2), ==, 0);
  }
}

static void
test_ship_complete_turn (void)
{
  /* Under FIFO a ship-complete order waits for its turn: an earlier line
   * takes 4 of 5, the order needing 2 is held, the later line gets the rest.
   */
  const BoSupply supplies[] = { { 1, 5 } };
  const BoDemand demands[] = {
    DEMAND (3, 12, 1, 300, 0, FALSE, 3),
    DEMAND (2, 11, 1, 200, 0, TRUE, 2),
    DEMAND (1, 10, 1, 100, 0, FALSE, 4),
  };
  g_autoptr (BoPlan) fifo = bo_allocate (BO_POLICY_FIFO, supplies, 1, demands, 3);
  g_autoptr (BoPlan) fair = bo_allocate (BO_POLICY_FAIR_SHARE, supplies, 1, demands, 3);
  g_autoptr (BoPlan) pro_rata = bo_allocate (BO_POLICY_PRO_RATA, supplies, 1, demands, 3);

  assert_grant (fifo, 2, 4, BO_REASON_FIFO, 1, 3, 0);
  assert_grant (fifo, 1, 0, BO_REASON_HELD_SHIP_COMPLETE, 1, 1, 0);
  assert_grant (fifo, 0, 1, BO_REASON_FIFO, 3, 3, 0);

  /* Fair share and pro rata serve the tier's ship-complete orders first. */
  assert_grant (fair, 1, 2, BO_REASON_SHIP_COMPLETE, 1, 0, 0);
  assert_grant (fair, 2, 2, BO_REASON_FAIR_SHARE, 2, 2, 0);
  assert_grant (fair, 0, 1, BO_REASON_FAIR_SHARE, 1, 2, 0);

  assert_grant (pro_rata, 1, 2, BO_REASON_SHIP_COMPLETE, 1, 0, 0);
  /* 3 × 4 ÷ 7 = 1.71, 3 × 3 ÷ 7 = 1.29: the leftover unit goes to 0.71. */
  assert_grant (pro_rata, 2, 2, BO_REASON_PRO_RATA, 3, 4, 7);
  assert_grant (pro_rata, 0, 1, BO_REASON_PRO_RATA, 3, 3, 7);
}

static void
test_ship_complete_tiers (void)
{
  /* A higher tier comes first even before a ship-complete order. */
  const BoSupply supplies[] = { { 1, 6 } };
  const BoDemand demands[] = {
    DEMAND (1, 10, 1, 100, 0, FALSE, 4),
    DEMAND (2, 11, 1, 200, 0, TRUE, 3),
    DEMAND (3, 12, 1, 300, 1, FALSE, 2),
  };

  /* First come, first served within the tier below: the older normal line
   * takes its 4 of the 4 left, and the ship-complete order that came later
   * is held. */
  {
    g_autoptr (BoPlan) fifo = bo_allocate (BO_POLICY_FIFO, supplies, 1, demands, 3);

    assert_grant (fifo, 2, 2, BO_REASON_FIFO, 1, 1, 0);
    assert_grant (fifo, 0, 4, BO_REASON_FIFO, 1, 2, 0);
    assert_grant (fifo, 1, 0, BO_REASON_HELD_SHIP_COMPLETE, 3, 1, 0);
  }

  /* Fair share and pro rata serve the tier's ship-complete order first. */
  for (gsize k = 1; k < G_N_ELEMENTS (all_policies); k++)
    {
      g_autoptr (BoPlan) plan = bo_allocate (all_policies[k], supplies, 1, demands, 3);

      g_assert_cmpint (bo_plan_get_grant (plan, 2)->granted, ==, 2);
      assert_grant (plan, 1, 3, BO_REASON_SHIP_COMPLETE, 1, 0, 0);
      g_assert_cmpint (bo_plan_get_grant (plan, 0)->granted, ==, 1);
    }

  /* Two units less: the order is held and the normal line gets the rest. */
  {
    const BoSupply less[] = { { 1, 4 } };
    g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_FAIR_SHARE, less, 1, demands, 3);

    assert_grant (plan, 2, 2, BO_REASON_FAIR_SHARE, 2, 2, 0);
    assert_grant (plan, 1, 0, BO_REASON_HELD_SHIP_COMPLETE, 1, 1, 0);
    assert_grant (plan, 0, 2, BO_REASON_FAIR_SHARE, 2, 2, 0);
  }
}

static void
test_ship_complete_held_detail (void)
{
  /* Short of product 30 by 4 and of product 20 by 1: the detail names the
   * lower product id. Two lines of product 20 add up.
   */
  const BoSupply supplies[] = { { 20, 3 }, { 30, 1 } };
  const BoDemand demands[] = {
    DEMAND (1, 10, 30, 100, 0, TRUE, 5),
    DEMAND (2, 10, 20, 100, 0, TRUE, 2),
    DEMAND (3, 10, 20, 100, 0, TRUE, 2),
    DEMAND (4, 11, 20, 200, 0, FALSE, 1),
  };

  for (gsize k = 0; k < G_N_ELEMENTS (all_policies); k++)
    {
      g_autoptr (BoPlan) plan = bo_allocate (all_policies[k], supplies, 2, demands, 4);

      assert_grant (plan, 0, 0, BO_REASON_HELD_SHIP_COMPLETE, 1, 20, 0);
      assert_grant (plan, 1, 0, BO_REASON_HELD_SHIP_COMPLETE, 1, 20, 0);
      assert_grant (plan, 2, 0, BO_REASON_HELD_SHIP_COMPLETE, 1, 20, 0);
      g_assert_cmpint (bo_plan_get_grant (plan, 3)->granted, ==, 1);
      g_assert_cmpint (bo_plan_get_granted (plan, 30), ==, 0);
    }

  /* Without any supply the lines stay held, not "no stock". */
  {
    g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_PRO_RATA, NULL, 0, demands, 4);

    assert_grant (plan, 0, 0, BO_REASON_HELD_SHIP_COMPLETE, 4, 20, 0);
    assert_grant (plan, 3, 0, BO_REASON_NO_STOCK, 0, 0, 0);
  }
}

static void
test_ship_complete_order_flag (void)
{
  /* One flagged line makes the whole order ship complete: line 2 is not
   * flagged but waits with line 1 for product 2.
   */
  const BoSupply supplies[] = { { 1, 10 } };
  const BoDemand demands[] = {
    DEMAND (1, 10, 2, 100, 0, TRUE, 1),
    DEMAND (2, 10, 1, 100, 0, FALSE, 3),
    DEMAND (3, 11, 1, 200, 0, FALSE, 4),
  };

  for (gsize k = 0; k < G_N_ELEMENTS (all_policies); k++)
    {
      g_autoptr (BoPlan) plan = bo_allocate (all_policies[k], supplies, 1, demands, 3);

      assert_grant (plan, 0, 0, BO_REASON_HELD_SHIP_COMPLETE, 1, 2, 0);
      assert_grant (plan, 1, 0, BO_REASON_HELD_SHIP_COMPLETE, 1, 2, 0);
      g_assert_cmpint (bo_plan_get_grant (plan, 2)->granted, ==, 4);
    }
}

static void
test_fair_share_rounds (void)
{
  const BoDemand demands[] = {
    DEMAND (1, 1, 1, 100, 0, FALSE, 5),
    DEMAND (2, 2, 1, 200, 0, FALSE, 2),
    DEMAND (3, 3, 1, 300, 0, FALSE, 8),
  };

  /* Rounds 1–4 give 4 + 2 + 4 = 10; round 5 has one unit, for line 1. */
  {
    const BoSupply supply = { 1, 11 };
    g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_FAIR_SHARE, &supply, 1, demands, 3);

    assert_grant (plan, 0, 5, BO_REASON_FAIR_SHARE, 5, 5, 0);
    assert_grant (plan, 1, 2, BO_REASON_FAIR_SHARE, 2, 5, 0);
    assert_grant (plan, 2, 4, BO_REASON_FAIR_SHARE, 4, 5, 0);
  }
  {
    const BoSupply supply = { 1, 10 };
    g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_FAIR_SHARE, &supply, 1, demands, 3);

    assert_grant (plan, 0, 4, BO_REASON_FAIR_SHARE, 4, 4, 0);
    assert_grant (plan, 1, 2, BO_REASON_FAIR_SHARE, 2, 4, 0);
    assert_grant (plan, 2, 4, BO_REASON_FAIR_SHARE, 4, 4, 0);
  }
  /* Two units: round 1 runs out before the last line's turn. */
  {
    const BoSupply supply = { 1, 2 };
    g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_FAIR_SHARE, &supply, 1, demands, 3);

    assert_grant (plan, 0, 1, BO_REASON_FAIR_SHARE, 1, 1, 0);
    assert_grant (plan, 1, 1, BO_REASON_FAIR_SHARE, 1, 1, 0);
    assert_grant (plan, 2, 0, BO_REASON_NO_STOCK, 0, 0, 0);
  }
  /* More than enough: everyone is filled, in as many rounds as the largest. */
  {
    const BoSupply supply = { 1, 100 };
    g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_FAIR_SHARE, &supply, 1, demands, 3);

    assert_grant (plan, 0, 5, BO_REASON_FAIR_SHARE, 5, 8, 0);
    assert_grant (plan, 1, 2, BO_REASON_FAIR_SHARE, 2, 8, 0);
    assert_grant (plan, 2, 8, BO_REASON_FAIR_SHARE, 8, 8, 0);
    g_assert_cmpint (bo_plan_get_granted (plan, 1), ==, 15);
  }
}

static void
test_fair_share_large (void)
{
  /* Millions of rounds cost no more than one. */
  const BoDemand demands[] = {
    DEMAND (3, 3, 1, 300, 0, FALSE, 1000000000),
    DEMAND (1, 1, 1, 100, 0, FALSE, 1000000000),
    DEMAND (2, 2, 1, 200, 0, FALSE, 1000000000),
    DEMAND (4, 4, 1, 400, 0, FALSE, 5),
  };
  const BoSupply supply = { 1, 2000000002 };
  g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_FAIR_SHARE, &supply, 1, demands, 4);

  /* 5 + 3 × 666666665 = 2e9 in full rounds; the 2 units left go to the
   * first two lines in order of service, in round 666666666.
   */
  assert_grant (plan, 1, 666666666, BO_REASON_FAIR_SHARE, 666666666, 666666666, 0);
  assert_grant (plan, 2, 666666666, BO_REASON_FAIR_SHARE, 666666666, 666666666, 0);
  assert_grant (plan, 0, 666666665, BO_REASON_FAIR_SHARE, 666666665, 666666666, 0);
  assert_grant (plan, 3, 5, BO_REASON_FAIR_SHARE, 5, 666666666, 0);
  g_assert_cmpint (bo_plan_get_granted (plan, 1), ==, 2000000002);
}

static void
test_pro_rata_ties (void)
{
  /* Three equal remainders of 2/3 for two leftover units: the first two in
   * order of service get them, whatever the input order.
   */
  const BoSupply supply = { 1, 2 };
  const BoDemand demands[] = {
    DEMAND (3, 3, 1, 300, 0, FALSE, 1),
    DEMAND (1, 1, 1, 100, 0, FALSE, 1),
    DEMAND (2, 2, 1, 200, 0, FALSE, 1),
  };
  g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_PRO_RATA, &supply, 1, demands, 3);

  assert_grant (plan, 0, 0, BO_REASON_PRO_RATA, 2, 1, 3);
  assert_grant (plan, 1, 1, BO_REASON_PRO_RATA, 2, 1, 3);
  assert_grant (plan, 2, 1, BO_REASON_PRO_RATA, 2, 1, 3);
}

static void
test_pro_rata_overflow (void)
{
  /* S · q leaves 64 bits: 5e18 × 3e18 ÷ 7e18 = 2142857142857142857.14…,
   * 5e18 × 4e18 ÷ 7e18 = 2857142857142857142.86…
   */
  {
    const BoSupply supply = { 1, G_GINT64_CONSTANT (5000000000000000000) };
    const BoDemand demands[] = {
      DEMAND (1, 1, 1, 100, 0, FALSE, G_GINT64_CONSTANT (3000000000000000000)),
      DEMAND (2, 2, 1, 200, 0, FALSE, G_GINT64_CONSTANT (4000000000000000000)),
    };
    g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_PRO_RATA, &supply, 1, demands, 2);

    g_assert_cmpint (bo_plan_get_grant (plan, 0)->granted, ==,
                     G_GINT64_CONSTANT (2142857142857142857));
    g_assert_cmpint (bo_plan_get_grant (plan, 1)->granted, ==,
                     G_GINT64_CONSTANT (2857142857142857143));
  }

  /* Q itself leaves 64 bits: 4 × 5e18 = 2e19. Each share is 1.75e18 + 0.75. */
  {
    const BoSupply supply = { 1, G_GINT64_CONSTANT (7000000000000000003) };
    BoDemand demands[4];

    for (gint i = 0; i < 4; i++)
      demands[i] = DEMAND (4 - i, 4 - i, 1, 100, 0, FALSE,
                           G_GINT64_CONSTANT (5000000000000000000));

    {
      g_autoptr (BoPlan) plan = bo_allocate (BO_POLICY_PRO_RATA, &supply, 1, demands, 4);

      g_assert_cmpint (bo_plan_get_grant (plan, 0)->granted, ==,
                       G_GINT64_CONSTANT (1750000000000000000));
      for (gsize i = 1; i < 4; i++)
        g_assert_cmpint (bo_plan_get_grant (plan, i)->granted, ==,
                         G_GINT64_CONSTANT (1750000000000000001));
      g_assert_cmpint (bo_plan_get_grant (plan, 0)->detail[2], ==, G_MAXINT64);
      g_assert_cmpint (bo_plan_get_granted (plan, 1), ==,
                       G_GINT64_CONSTANT (7000000000000000003));
    }
  }
}

static void
test_tiers (void)
{
  /* Tier 2 is served before tier 0 even though it was placed last. */
  const BoSupply supply = { 1, 4 };
  const BoDemand demands[] = {
    DEMAND (1, 1, 1, 100, 0, FALSE, 2),
    DEMAND (2, 2, 1, 200, 0, FALSE, 2),
    DEMAND (3, 3, 1, 300, 2, FALSE, 3),
  };
  g_autoptr (BoPlan) fifo = bo_allocate (BO_POLICY_FIFO, &supply, 1, demands, 3);
  g_autoptr (BoPlan) fair = bo_allocate (BO_POLICY_FAIR_SHARE, &supply, 1, demands, 3);
  g_autoptr (BoPlan) pro_rata = bo_allocate (BO_POLICY_PRO_RATA, &supply, 1, demands, 3);

  assert_grant (fifo, 2, 3, BO_REASON_FIFO, 1, 1, 0);
  assert_grant (fifo, 0, 1, BO_REASON_FIFO, 1, 2, 0);
  assert_grant (fifo, 1, 0, BO_REASON_NO_STOCK, 0, 0, 0);

  assert_grant (fair, 2, 3, BO_REASON_FAIR_SHARE, 3, 3, 0);
  assert_grant (fair, 0, 1, BO_REASON_FAIR_SHARE, 1, 1, 0);
  assert_grant (fair, 1, 0, BO_REASON_NO_STOCK, 0, 0, 0);

  /* The lower tier shares only what is left: S_tier is 1, not 4. */
  assert_grant (pro_rata, 2, 3, BO_REASON_PRO_RATA, 4, 3, 3);
  assert_grant (pro_rata, 0, 1, BO_REASON_PRO_RATA, 1, 2, 4);
  assert_grant (pro_rata, 1, 0, BO_REASON_PRO_RATA, 1, 2, 4);
}

static const char *
sku_cb (gint64   product_id,
        gpointer user_data)
{
  g_assert_cmpstr (user_data, ==, "data");
  return product_id == 17 ? "MUG-BLU" : NULL;
}

static void
assert_description (const BoGrant *grant,
                    const char    *expected)
{
  g_autofree char *text = bo_grant_describe (grant, sku_cb, "data");

  g_assert_cmpstr (text, ==, expected);
}

static void
test_describe (void)
{
  BoGrant grant = { 1, 2, 17, 3, 0, BO_REASON_NO_STOCK, { 0, 0, 0 } };

  assert_description (&grant, "no free stock");

  grant = (BoGrant) { 1, 2, 17, 3, 3, BO_REASON_FIFO, { 1, 3, 0 } };
  assert_description (&grant, "first come, first served: place 1 of 3 in line");
  grant = (BoGrant) { 1, 2, 17, 3, 3, BO_REASON_FIFO, { 1, 1, 0 } };
  assert_description (&grant, "first come, first served: the only line waiting");

  grant = (BoGrant) { 1, 2, 17, 3, 1, BO_REASON_FAIR_SHARE, { 1, 1, 0 } };
  assert_description (&grant, "fair share: a unit in the only round");
  grant = (BoGrant) { 1, 2, 17, 3, 3, BO_REASON_FAIR_SHARE, { 3, 3, 0 } };
  assert_description (&grant, "fair share: a unit in each of 3 rounds");
  grant = (BoGrant) { 1, 2, 17, 3, 1, BO_REASON_FAIR_SHARE, { 1, 3, 0 } };
  assert_description (&grant, "fair share: a unit in round 1 of 3");
  grant = (BoGrant) { 1, 2, 17, 3, 2, BO_REASON_FAIR_SHARE, { 2, 5, 0 } };
  assert_description (&grant, "fair share: a unit in rounds 1 to 2 of 5");

  /* The worked example of DESIGN.md. */
  grant = (BoGrant) { 1, 2, 17, 3, 2, BO_REASON_PRO_RATA, { 3, 3, 5 } };
  assert_description (&grant, "pro rata: 3 × 3 ÷ 5 = 1.8 of the free stock, plus 1 left over");
  grant = (BoGrant) { 1, 2, 17, 1, 0, BO_REASON_PRO_RATA, { 3, 1, 5 } };
  assert_description (&grant, "pro rata: 3 × 1 ÷ 5 = 0.6 of the free stock");
  grant = (BoGrant) { 1, 2, 17, 2, 1, BO_REASON_PRO_RATA, { 7, 2, 12 } };
  assert_description (&grant, "pro rata: 7 × 2 ÷ 12 = 1.16 of the free stock");
  grant = (BoGrant) { 1, 2, 17, 2, 2, BO_REASON_PRO_RATA, { 6, 2, 6 } };
  assert_description (&grant, "pro rata: enough free stock for every waiting line");
  grant = (BoGrant) { 1, 2, 17, 2, 1, BO_REASON_PRO_RATA, { 3, 2, 6 } };
  assert_description (&grant, "pro rata: 3 × 2 ÷ 6 = 1 of the free stock");

  grant = (BoGrant) { 1, 2, 17, 2, 2, BO_REASON_SHIP_COMPLETE, { 2, 0, 0 } };
  assert_description (&grant, "ship-complete order: all 2 lines covered");
  grant = (BoGrant) { 1, 2, 17, 2, 2, BO_REASON_SHIP_COMPLETE, { 1, 0, 0 } };
  assert_description (&grant, "ship-complete order: its only line covered");

  grant = (BoGrant) { 1, 2, 18, 2, 0, BO_REASON_HELD_SHIP_COMPLETE, { 2, 17, 0 } };
  assert_description (&grant, "held: ship-complete order needs 2 more × MUG-BLU");
  grant = (BoGrant) { 1, 2, 17, 2, 0, BO_REASON_HELD_SHIP_COMPLETE, { 1, 18, 0 } };
  assert_description (&grant, "held: ship-complete order needs 1 more × product 18");
  {
    g_autofree char *text = bo_grant_describe (&grant, NULL, NULL);

    g_assert_cmpstr (text, ==, "held: ship-complete order needs 1 more × product 18");
  }
}

/* A plain reading of DESIGN.md section 2, unit by unit and quadratic, to
 * check the real allocator against on small random inputs.
 */
typedef struct
{
  const BoDemand *demands;
  gsize           n;
  guint          *order;       /* order of service */
  gboolean       *done;
  gint64         *granted;
  GHashTable     *remaining;   /* product id → gint64 * */
} Reference;

static gint64 *
reference_remaining (Reference *ref,
                     gint64     product_id)
{
  gint64 *remaining = g_hash_table_lookup (ref->remaining, &product_id);

  if (remaining == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = product_id;
      remaining = g_new0 (gint64, 1);
      g_hash_table_insert (ref->remaining, key, remaining);
    }

  return remaining;
}

static gboolean
reference_is_ship_complete (Reference *ref,
                            gsize      i)
{
  for (gsize k = 0; k < ref->n; k++)
    if (ref->demands[k].order_id == ref->demands[i].order_id && ref->demands[k].ship_complete)
      return TRUE;
  return FALSE;
}

static void
reference_ship_complete (Reference *ref,
                         gsize      i)
{
  gboolean fits = TRUE;

  for (gsize k = 0; k < ref->n; k++)
    {
      gint64 need = 0;

      if (ref->demands[k].order_id != ref->demands[i].order_id)
        continue;
      for (gsize m = 0; m < ref->n; m++)
        if (ref->demands[m].order_id == ref->demands[i].order_id
            && ref->demands[m].product_id == ref->demands[k].product_id)
          need += ref->demands[m].open;
      if (need > *reference_remaining (ref, ref->demands[k].product_id))
        fits = FALSE;
    }

  for (gsize k = 0; k < ref->n; k++)
    if (ref->demands[k].order_id == ref->demands[i].order_id)
      {
        ref->done[k] = TRUE;
        if (fits)
          {
            ref->granted[k] = ref->demands[k].open;
            *reference_remaining (ref, ref->demands[k].product_id) -= ref->demands[k].open;
          }
      }
}

static void
reference_share (Reference *ref,
                 BoPolicy   policy,
                 gint       tier,
                 gint64     product_id)
{
  gint64 *remaining = reference_remaining (ref, product_id);
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  gint64 supply = *remaining, total = 0;

  for (gsize j = 0; j < ref->n; j++)
    {
      guint i = ref->order[j];

      if (!ref->done[i] && ref->demands[i].tier == tier
          && ref->demands[i].product_id == product_id)
        {
          g_array_append_val (lines, i);
          total += ref->demands[i].open;
          ref->done[i] = TRUE;
        }
    }

  if (policy == BO_POLICY_FAIR_SHARE)
    {
      gboolean wanting = TRUE;

      while (*remaining > 0 && wanting)
        {
          wanting = FALSE;
          for (guint j = 0; j < lines->len && *remaining > 0; j++)
            {
              guint i = g_array_index (lines, guint, j);

              if (ref->granted[i] < ref->demands[i].open)
                {
                  ref->granted[i]++;
                  (*remaining)--;
                  wanting = TRUE;
                }
            }
        }
      return;
    }

  if (supply >= total)
    {
      for (guint j = 0; j < lines->len; j++)
        {
          guint i = g_array_index (lines, guint, j);

          ref->granted[i] = ref->demands[i].open;
        }
      *remaining -= total;
      return;
    }

  {
    g_autofree gint64 *remainder = g_new0 (gint64, lines->len);
    gint64 left = supply;

    for (guint j = 0; j < lines->len; j++)
      {
        guint i = g_array_index (lines, guint, j);

        ref->granted[i] = supply * ref->demands[i].open / total;
        remainder[j] = supply * ref->demands[i].open % total;
        left -= ref->granted[i];
      }
    for (; left > 0; left--)
      {
        guint best = 0;

        for (guint j = 1; j < lines->len; j++)
          if (remainder[j] > remainder[best])
            best = j;
        ref->granted[g_array_index (lines, guint, best)]++;
        remainder[best] = -1;
      }
    *remaining = 0;
  }
}

static gint64 *
reference_allocate (BoPolicy        policy,
                    const BoSupply *supplies,
                    gsize           n_supplies,
                    const BoDemand *demands,
                    gsize           n)
{
  Reference ref = { demands, n, NULL, NULL, NULL, NULL };

  ref.order = g_new (guint, n);
  ref.done = g_new0 (gboolean, n);
  ref.granted = g_new0 (gint64, n);
  ref.remaining = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (gsize s = 0; s < n_supplies; s++)
    *reference_remaining (&ref, supplies[s].product_id) += supplies[s].free;
  for (gsize i = 0; i < n; i++)
    ref.order[i] = i;
  g_qsort_with_data (ref.order, n, sizeof (guint), compare_service_cb, (gpointer) demands);

  if (policy == BO_POLICY_FIFO)
    {
      for (gsize j = 0; j < n; j++)
        {
          guint i = ref.order[j];
          gint64 *remaining = reference_remaining (&ref, demands[i].product_id);

          if (ref.done[i])
            continue;
          if (reference_is_ship_complete (&ref, i))
            {
              reference_ship_complete (&ref, i);
              continue;
            }
          ref.granted[i] = MIN (demands[i].open, *remaining);
          *remaining -= ref.granted[i];
          ref.done[i] = TRUE;
        }
    }
  else
    {
      for (gsize j = 0; j < n; j++)
        {
          gint tier = demands[ref.order[j]].tier;

          if (j > 0 && tier == demands[ref.order[j - 1]].tier)
            continue;

          for (gsize k = j; k < n && demands[ref.order[k]].tier == tier; k++)
            if (!ref.done[ref.order[k]] && reference_is_ship_complete (&ref, ref.order[k]))
              reference_ship_complete (&ref, ref.order[k]);
          for (gsize k = j; k < n && demands[ref.order[k]].tier == tier; k++)
            if (!ref.done[ref.order[k]])
              reference_share (&ref, policy, tier, demands[ref.order[k]].product_id);
        }
    }

  g_free (ref.order);
  g_free (ref.done);
  g_hash_table_unref (ref.remaining);

  return ref.granted;
}

static void
shuffle_demands (GRand    *rand,
                 BoDemand *demands,
                 gsize     n)
{
  for (gsize i = n; i > 1; i--)
    {
      gsize j = g_rand_int_range (rand, 0, i);
      BoDemand swap = demands[i - 1];

      demands[i - 1] = demands[j];
      demands[j] = swap;
    }
}

static void
test_reference (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20240611);

  for (guint round = 0; round < 3000; round++)
    {
      /* Every tenth round is long enough to take the radix sort path. */
      gsize wanted = g_rand_int_range (rand, 1, round % 10 == 0 ? 300 : 36);
      BoDemand demands[300];
      BoSupply supplies[6];
      gsize n = 0, n_supplies = 0;
      gint64 order_id = 1;

      while (n < wanted)
        {
          gboolean ship_complete = g_rand_int_range (rand, 0, 4) == 0;
          gint tier = g_rand_int_range (rand, 0, 3);
          gint64 placed_at = g_rand_int_range (rand, 0, 5);
          gint lines = g_rand_int_range (rand, 1, 4);

          for (gint l = 0; l < lines && n < G_N_ELEMENTS (demands); l++, n++)
            demands[n] = DEMAND (1000 - n, order_id, g_rand_int_range (rand, 1, 5), placed_at,
                                 tier, ship_complete && l == 0, g_rand_int_range (rand, 1, 7));
          order_id += g_rand_int_range (rand, 1, 3);
        }
      for (gint64 p = 1; p < 5; p++)
        if (g_rand_int_range (rand, 0, 5) != 0)
          supplies[n_supplies++] = (BoSupply) { p, g_rand_int_range (rand, 0, 1 + 4 * n) };

      for (gsize k = 0; k < G_N_ELEMENTS (all_policies); k++)
        {
          g_autofree gint64 *expected = reference_allocate (all_policies[k], supplies, n_supplies,
                                                            demands, n);
          g_autoptr (BoPlan) plan = bo_allocate (all_policies[k], supplies, n_supplies, demands, n);
          g_autoptr (GHashTable) by_line = g_hash_table_new (g_int64_hash, g_int64_equal);
          BoDemand shuffled[G_N_ELEMENTS (demands)];

          for (gsize i = 0; i < n; i++)
            {
              const BoGrant *grant = bo_plan_get_grant (plan, i);

              if (grant->granted != expected[i])
                g_error ("round %u, policy %s, line %" G_GINT64_FORMAT ": granted %"
                         G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                         round, bo_policy_to_string (all_policies[k]), grant->line_id,
                         grant->granted, expected[i]);
              g_assert_cmpint (grant->line_id, ==, demands[i].line_id);
              g_assert_cmpint (grant->requested, ==, demands[i].open);
              if (grant->reason == BO_REASON_NO_STOCK
                  || grant->reason == BO_REASON_HELD_SHIP_COMPLETE)
                g_assert_cmpint (grant->granted, ==, 0);
              else if (grant->reason != BO_REASON_PRO_RATA)
                g_assert_cmpint (grant->granted, >, 0);
              g_hash_table_insert (by_line, (gpointer) &grant->line_id, (gpointer) grant);
            }

          /* Same plan for the same demands in another order. */
          memcpy (shuffled, demands, n * sizeof (BoDemand));
          shuffle_demands (rand, shuffled, n);
          {
            g_autoptr (BoPlan) again = bo_allocate (all_policies[k], supplies, n_supplies,
                                                    shuffled, n);

            for (gsize i = 0; i < n; i++)
              {
                const BoGrant *grant = bo_plan_get_grant (again, i);
                const BoGrant *first = g_hash_table_lookup (by_line, &grant->line_id);

                g_assert_nonnull (first);
                g_assert_cmpint (grant->granted, ==, first->granted);
                g_assert_cmpint (grant->reason, ==, first->reason);
                g_assert_cmpmem (grant->detail, sizeof grant->detail,
                                 first->detail, sizeof first->detail);
              }
          }
        }
    }
}

typedef struct
{
  gint64   demand;
  gint64   supply;
  gboolean ship_complete;
} ProductTotals;

static void
test_large (void)
{
  enum { N_DEMANDS = 100000, N_PRODUCTS = 1000 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autofree BoDemand *demands = g_new (BoDemand, N_DEMANDS);
  g_autofree BoSupply *supplies = g_new (BoSupply, N_PRODUCTS);
  g_autofree ProductTotals *totals = g_new0 (ProductTotals, N_PRODUCTS + 1);
  gsize n = 0, n_supplies = 0;
  gint64 order_id = 0;

  while (n < N_DEMANDS)
    {
      gboolean ship_complete = g_rand_int_range (rand, 0, 20) == 0;
      gint lines = g_rand_int_range (rand, 1, 4);
      gint tier = g_rand_int_range (rand, 0, 10) == 0 ? 1 : 0;
      gint64 placed_at = 1700000000 + g_rand_int_range (rand, 0, 86400 * 30);

      order_id++;
      for (gint l = 0; l < lines && n < N_DEMANDS; l++, n++)
        {
          /* Ship-complete orders keep to the first half of the products, so
           * that the other half checks the exact totals.
           */
          gint64 product_id = g_rand_int_range (rand, 1, (ship_complete ? N_PRODUCTS / 2
                                                                        : N_PRODUCTS) + 1);

          demands[n] = DEMAND (n + 1, order_id, product_id, placed_at, tier, ship_complete,
                               g_rand_int_range (rand, 1, 21));
          totals[product_id].demand += demands[n].open;
          totals[product_id].ship_complete |= ship_complete;
        }
    }
  shuffle_demands (rand, demands, n);

  for (gint64 p = 1; p <= N_PRODUCTS; p++)
    {
      /* Some products are missing, some short, some with plenty. */
      if (g_rand_int_range (rand, 0, 20) == 0)
        continue;
      totals[p].supply = g_rand_int_range (rand, 0, totals[p].demand * 6 / 5 + 1);
      supplies[n_supplies++] = (BoSupply) { p, totals[p].supply };
    }

  for (gsize k = 0; k < G_N_ELEMENTS (all_policies); k++)
    {
      g_autoptr (BoPlan) plan = NULL;
      g_autofree gint64 *granted = g_new0 (gint64, N_PRODUCTS + 1);
      g_autoptr (GHashTable) orders = g_hash_table_new (g_int64_hash, g_int64_equal);
      double elapsed;
      guint checked = 0;

      g_test_timer_start ();
      plan = bo_allocate (all_policies[k], supplies, n_supplies, demands, n);
      elapsed = g_test_timer_elapsed ();
      g_test_message ("%s: %d demands over %d products in %.1f ms",
                      bo_policy_to_string (all_policies[k]), N_DEMANDS, N_PRODUCTS,
                      elapsed * 1000);

      g_assert_cmpuint (bo_plan_get_n_grants (plan), ==, n);
      for (gsize i = 0; i < n; i++)
        {
          const BoGrant *grant = bo_plan_get_grant (plan, i);

          g_assert_cmpint (grant->line_id, ==, demands[i].line_id);
          g_assert_cmpint (grant->granted, >=, 0);
          g_assert_cmpint (grant->granted, <=, grant->requested);
          granted[grant->product_id] += grant->granted;

          /* Ship-complete orders are all or nothing. */
          if (demands[i].ship_complete)
            {
              gboolean full = grant->granted == grant->requested;
              gpointer seen = g_hash_table_lookup (orders, &grant->order_id);

              if (seen != NULL)
                g_assert_cmpint (GPOINTER_TO_INT (seen), ==, full ? 1 : 2);
              else
                g_hash_table_insert (orders, (gpointer) &grant->order_id,
                                     GINT_TO_POINTER (full ? 1 : 2));
              g_assert_cmpint (grant->reason, ==,
                               full ? BO_REASON_SHIP_COMPLETE : BO_REASON_HELD_SHIP_COMPLETE);
            }
        }

      for (gint64 p = 1; p <= N_PRODUCTS; p++)
        {
          g_assert_cmpint (bo_plan_get_granted (plan, p), ==, granted[p]);
          g_assert_cmpint (granted[p], <=, totals[p].supply);
          if (!totals[p].ship_complete)
            {
              g_assert_cmpint (granted[p], ==, MIN (totals[p].supply, totals[p].demand));
              checked++;
            }
        }
      g_assert_cmpuint (checked, >=, N_PRODUCTS / 2);
      g_assert_cmpuint (g_hash_table_size (orders), >, 100);
    }
}

/* DESIGN.md section 5: one arrival of stock among 10,000 waiting lines. */
#define BUDGET_ONE_ARRIVAL_MS 16.0

static void
test_one_arrival (void)
{
  enum { N_LINES = 10000, N_CALLS = 50 };
  g_autofree BoDemand *demands = g_new (BoDemand, N_LINES);
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  const BoSupply supply = { 5, 12000 };

  for (gsize i = 0; i < N_LINES; i++)
    demands[i] = DEMAND (i + 1, i + 1, 5, 1700000000 + (gint64) i * 60, 0, FALSE,
                         g_rand_int_range (rand, 1, 6));

  for (guint shuffled = 0; shuffled < 2; shuffled++)
    {
      if (shuffled)
        shuffle_demands (rand, demands, N_LINES);

      for (gsize k = 0; k < G_N_ELEMENTS (all_policies); k++)
        {
          double elapsed;

          g_test_timer_start ();
          for (guint c = 0; c < N_CALLS; c++)
            {
              g_autoptr (BoPlan) plan = bo_allocate (all_policies[k], &supply, 1, demands,
                                                     N_LINES);

              g_assert_cmpint (bo_plan_get_granted (plan, 5), ==, 12000);
            }
          elapsed = g_test_timer_elapsed () / N_CALLS;
          g_test_message ("%s, %s input: one arrival among %d lines in %.3f ms",
                          bo_policy_to_string (all_policies[k]),
                          shuffled ? "shuffled" : "sorted", N_LINES, elapsed * 1000);
          /* Well under a frame; the mean of N_CALLS calls, so that one call
           * the scheduler delays does not decide. The budget holds in the
           * sanitizer build as well. */
          g_assert_cmpfloat (elapsed * 1000, <, BUDGET_ONE_ARRIVAL_MS);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/allocation/policy-strings", test_policy_strings);
  g_test_add_func ("/allocation/example/fifo", test_example_fifo);
  g_test_add_func ("/allocation/example/fair-share", test_example_fair_share);
  g_test_add_func ("/allocation/example/pro-rata", test_example_pro_rata);
  g_test_add_func ("/allocation/order-of-service", test_order_of_service);
  g_test_add_func ("/allocation/order-of-service/many", test_order_of_service_many);
  g_test_add_func ("/allocation/products", test_products);
  g_test_add_func ("/allocation/empty", test_empty);
  g_test_add_func ("/allocation/invalid", test_invalid);
  g_test_add_func ("/allocation/ship-complete/fifo", test_ship_complete_fifo);
  g_test_add_func ("/allocation/ship-complete/turn", test_ship_complete_turn);
  g_test_add_func ("/allocation/ship-complete/tiers", test_ship_complete_tiers);
  g_test_add_func ("/allocation/ship-complete/held-detail", test_ship_complete_held_detail);
  g_test_add_func ("/allocation/ship-complete/order-flag", test_ship_complete_order_flag);
  g_test_add_func ("/allocation/fair-share/rounds", test_fair_share_rounds);
  g_test_add_func ("/allocation/fair-share/large", test_fair_share_large);
  g_test_add_func ("/allocation/pro-rata/ties", test_pro_rata_ties);
  g_test_add_func ("/allocation/pro-rata/overflow", test_pro_rata_overflow);
  g_test_add_func ("/allocation/tiers", test_tiers);
  g_test_add_func ("/allocation/describe", test_describe);
  g_test_add_func ("/allocation/reference", test_reference);
  g_test_add_func ("/allocation/large", test_large);
  g_test_add_func ("/allocation/one-arrival", test_one_arrival);

  return g_test_run ();
}
