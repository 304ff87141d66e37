/* test-promise.c — tests of promise dates and available to promise
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-promise"
#include "config.h"
#include <glib.h>
#include "backorders/bo-promise.h"

/* line, order, product, placed_at, tier, ship_complete, open (backordered) */
#define BACKORDER(l, o, p, t, tier, sc, q) ((BoDemand) { (l), (o), (p), (t), (tier), (sc), (q) })
/* purchase-order line, product, quantity, ETA */
#define ARRIVAL(po, p, q, eta) ((BoArrival) { (po), (p), (q), (eta) })

/* Julian days of 2024-03-01 and a few days later. */
#define MAR_1 2460371
#define MAR_8 (MAR_1 + 7)
#define MAR_15 (MAR_1 + 14)

static const BoPolicy all_policies[] = {
  BO_POLICY_FIFO,
  BO_POLICY_FAIR_SHARE,
  BO_POLICY_PRO_RATA,
};

static void
assert_promise (const BoPromise *promises,
                gsize            index,
                gint64           line_id,
                gint64           covered,
                guint32          promised,
                gint64           po_line_id)
{
  g_assert_cmpint (promises[index].line_id, ==, line_id);
  g_assert_cmpint (promises[index].covered, ==, covered);
  g_assert_cmpuint (promises[index].promised, ==, promised);
  g_assert_cmpint (promises[index].po_line_id, ==, po_line_id);
}

static void
test_fifo_sequence (void)
{
  /* The first arrival covers the first line, the second the next one. */
  const BoDemand backorders[] = {
    BACKORDER (2, 20, 1, 200, 0, FALSE, 3),
    BACKORDER (1, 10, 1, 100, 0, FALSE, 5),
  };
  const BoArrival arrivals[] = {
    ARRIVAL (11, 1, 5, MAR_1),
    ARRIVAL (12, 1, 3, MAR_8),
  };
  g_autofree BoPromise *promises = bo_promise_compute (BO_POLICY_FIFO, backorders, 2,
                                                       arrivals, 2, 0);

  assert_promise (promises, 0, 2, 3, MAR_8, 12);
  assert_promise (promises, 1, 1, 5, MAR_1, 11);
  g_assert_cmpint (promises[0].order_id, ==, 20);
  g_assert_cmpint (promises[0].product_id, ==, 1);
}

static void
test_partial_then_complete (void)
{
  /* Line 1 gets 3 on March 1 and its last 2 on March 15, and ships two
   * handling days later. Line 2 is completed by the same arrival; line 3 gets
   * its last unit and stays open; product 2 never comes.
   */
  const BoDemand backorders[] = {
    BACKORDER (1, 10, 1, 100, 0, FALSE, 5),
    BACKORDER (2, 20, 1, 200, 0, FALSE, 1),
    BACKORDER (3, 30, 1, 300, 0, FALSE, 3),
    BACKORDER (4, 30, 2, 300, 0, FALSE, 1),
  };
  const BoArrival arrivals[] = {
    ARRIVAL (21, 1, 3, MAR_1),
    ARRIVAL (22, 1, 4, MAR_15),
  };
  g_autofree BoPromise *promises = bo_promise_compute (BO_POLICY_FIFO, backorders, 4,
                                                       arrivals, 2, 2);

  assert_promise (promises, 0, 1, 5, MAR_15 + 2, 22);
  assert_promise (promises, 1, 2, 1, MAR_15 + 2, 22);
  assert_promise (promises, 2, 3, 1, 0, 22);
  assert_promise (promises, 3, 4, 0, 0, 0);
}

static void
test_handling_days (void)
{
  const BoDemand backorder = BACKORDER (1, 10, 1, 100, 0, FALSE, 2);
  const BoArrival arrival = ARRIVAL (5, 1, 2, MAR_1);

  for (guint days = 0; days < 30; days += 7)
    {
      g_autofree BoPromise *promises = bo_promise_compute (BO_POLICY_FIFO, &backorder, 1,
                                                           &arrival, 1, days);

      assert_promise (promises, 0, 1, 2, MAR_1 + days, 5);
    }
}

static void
test_ship_complete (void)
{
  /* Order 30 needs products 1 and 2; product 1 comes on March 1, product 2
   * on March 15: both lines get March 15 (+ 1 handling day).
   */
  const BoDemand backorders[] = {
    BACKORDER (1, 30, 1, 100, 0, TRUE, 2),
    BACKORDER (2, 30, 2, 100, 0, TRUE, 3),
    BACKORDER (3, 40, 1, 200, 0, FALSE, 1),
  };
  const BoArrival arrivals[] = {
    ARRIVAL (7, 2, 3, MAR_15),
    ARRIVAL (6, 1, 3, MAR_1),
  };

  for (gsize k = 0; k < G_N_ELEMENTS (all_policies); k++)
    {
      g_autofree BoPromise *promises = bo_promise_compute (all_policies[k], backorders, 3,
                                                           arrivals, 2, 1);

      assert_promise (promises, 0, 1, 2, MAR_15 + 1, 6);
      assert_promise (promises, 1, 2, 3, MAR_15 + 1, 7);
      assert_promise (promises, 2, 3, 1, MAR_1 + 1, 6);
    }

  /* Product 2 never comes: the order has no date, although product 1 does. */
  {
    g_autofree BoPromise *promises = bo_promise_compute (BO_POLICY_FIFO, backorders, 3,
                                                         &arrivals[1], 1, 1);

    assert_promise (promises, 0, 1, 2, 0, 6);
    assert_promise (promises, 1, 2, 0, 0, 0);
    assert_promise (promises, 2, 3, 1, MAR_1 + 1, 6);
  }

  /* During the simulation the order counts as a normal line: it takes the
   * two units of March 1 first in line, and line 3 waits for March 8.
   */
  {
    const BoArrival more[] = {
      ARRIVAL (6, 1, 2, MAR_1),
      ARRIVAL (8, 1, 1, MAR_8),
    };
    g_autofree BoPromise *promises = bo_promise_compute (BO_POLICY_FIFO, backorders, 3,
                                                         more, 2, 0);

    assert_promise (promises, 0, 1, 2, 0, 6);
    assert_promise (promises, 2, 3, 1, MAR_8, 8);
  }
}

static void
test_policies (void)
{
  /* The worked example of DESIGN.md, pegged: A 3, then B 1, then C 1 wait;
   * 3 units come on March 1 and 2 on March 8.
   */
  const BoDemand backorders[] = {
    BACKORDER (1, 10, 1, 100, 0, FALSE, 3),
    BACKORDER (2, 20, 1, 200, 0, FALSE, 1),
    BACKORDER (3, 30, 1, 300, 0, FALSE, 1),
  };
  const BoArrival arrivals[] = {
    ARRIVAL (41, 1, 3, MAR_1),
    ARRIVAL (42, 1, 2, MAR_8),
  };

  {
    g_autofree BoPromise *promises = bo_promise_compute (BO_POLICY_FIFO, backorders, 3,
                                                         arrivals, 2, 0);

    assert_promise (promises, 0, 1, 3, MAR_1, 41);
    assert_promise (promises, 1, 2, 1, MAR_8, 42);
    assert_promise (promises, 2, 3, 1, MAR_8, 42);
  }
  {
    /* Fair share spreads the first arrival: B and C are done with it. */
    g_autofree BoPromise *promises = bo_promise_compute (BO_POLICY_FAIR_SHARE, backorders, 3,
                                                         arrivals, 2, 0);

    assert_promise (promises, 0, 1, 3, MAR_8, 42);
    assert_promise (promises, 1, 2, 1, MAR_1, 41);
    assert_promise (promises, 2, 3, 1, MAR_1, 41);
  }
  {
    /* Pro rata: A 2, B 1, C 0 on March 1; A and C complete on March 8. */
    g_autofree BoPromise *promises = bo_promise_compute (BO_POLICY_PRO_RATA, backorders, 3,
                                                         arrivals, 2, 0);

    assert_promise (promises, 0, 1, 3, MAR_8, 42);
    assert_promise (promises, 1, 2, 1, MAR_1, 41);
    assert_promise (promises, 2, 3, 1, MAR_8, 42);
  }

  /* Fair share with only 2 units leaves A waiting with 1 of 3. */
  {
    g_autofree BoPromise *promises = bo_promise_compute (BO_POLICY_FAIR_SHARE, backorders, 3,
                                                         &arrivals[1], 1, 0);

    assert_promise (promises, 0, 1, 1, 0, 42);
    assert_promise (promises, 1, 2, 1, MAR_8, 42);
    assert_promise (promises, 2, 3, 0, 0, 0);
  }
}

static void
test_eta_order (void)
{
  /* Arrivals come in any order: they are taken by ETA, then purchase-order
   * line id. Higher tiers are served first, as in allocation.
   */
  const BoDemand backorders[] = {
    BACKORDER (1, 10, 1, 100, 0, FALSE, 2),
    BACKORDER (2, 20, 1, 200, 0, FALSE, 2),
    BACKORDER (3, 30, 1, 300, 1, FALSE, 1),
  };
  const BoArrival arrivals[] = {
    ARRIVAL (9, 1, 2, MAR_8),
    ARRIVAL (1, 1, 5, MAR_15),
    ARRIVAL (3, 1, 2, MAR_8),
    ARRIVAL (5, 1, 1, MAR_1),
  };
  g_autofree BoPromise *promises = bo_promise_compute (BO_POLICY_FIFO, backorders, 3,
                                                       arrivals, 4, 0);

  /* March 1 (po 5): line 3, tier 1. March 8, po 3 then po 9: lines 1, 2. */
  assert_promise (promises, 2, 3, 1, MAR_1, 5);
  assert_promise (promises, 0, 1, 2, MAR_8, 3);
  assert_promise (promises, 1, 2, 2, MAR_8, 9);
}

static void
test_empty (void)
{
  const BoDemand backorder = BACKORDER (1, 10, 1, 100, 0, FALSE, 2);
  const BoArrival other = ARRIVAL (5, 2, 10, MAR_1);

  g_assert_null (bo_promise_compute (BO_POLICY_FIFO, NULL, 0, &other, 1, 3));

  for (gsize k = 0; k < G_N_ELEMENTS (all_policies); k++)
    {
      g_autofree BoPromise *none = bo_promise_compute (all_policies[k], &backorder, 1,
                                                       NULL, 0, 3);
      g_autofree BoPromise *elsewhere = bo_promise_compute (all_policies[k], &backorder, 1,
                                                            &other, 1, 3);

      assert_promise (none, 0, 1, 0, 0, 0);
      assert_promise (elsewhere, 0, 1, 0, 0, 0);
    }
}

static void
test_invalid (void)
{
  const BoDemand backorder = BACKORDER (1, 10, 1, 100, 0, FALSE, 2);
  const BoArrival no_date = ARRIVAL (5, 1, 10, 0);
  BoPromise *promises;

  g_test_expect_message ("bo-promise", G_LOG_LEVEL_CRITICAL, "*eta > 0*");
  promises = bo_promise_compute (BO_POLICY_FIFO, &backorder, 1, &no_date, 1, 0);
  g_test_assert_expected_messages ();
  g_assert_null (promises);
}

static void
test_available_to_promise (void)
{
  g_assert_cmpint (bo_available_to_promise (10, 4, 3, 5), ==, 8);
  g_assert_cmpint (bo_available_to_promise (0, 0, 0, 0), ==, 0);
  g_assert_cmpint (bo_available_to_promise (0, 0, 10, 4), ==, -6);
  g_assert_cmpint (bo_available_to_promise (7, 7, 0, 0), ==, 0);
}

/* Pegging the plain way: every arrival sees every uncovered line of its
 * product, and ship-complete orders are settled by scanning all lines.
 */
static BoPromise *
reference_promise (BoPolicy         policy,
                   const BoDemand  *backorders,
                   gsize            n,
                   const BoArrival *arrivals,
                   gsize            n_arrivals,
                   guint            handling_days)
{
  g_autofree BoArrival *sorted = g_memdup2 (arrivals, n_arrivals * sizeof (BoArrival));
  g_autofree gint64 *uncovered = g_new (gint64, n);
  g_autofree BoDemand *waiting = g_new (BoDemand, n);
  g_autofree gsize *which = g_new (gsize, n);
  BoPromise *promises = g_new0 (BoPromise, n);

  for (gsize i = 0; i < n; i++)
    {
      promises[i] = (BoPromise) { backorders[i].line_id, backorders[i].order_id,
                                  backorders[i].product_id, 0, 0, 0 };
      uncovered[i] = backorders[i].open;
    }

  /* Insertion sort by ETA, then purchase-order line id. */
  for (gsize a = 1; a < n_arrivals; a++)
    for (gsize b = a; b > 0
                      && (sorted[b - 1].eta > sorted[b].eta
                          || (sorted[b - 1].eta == sorted[b].eta
                              && sorted[b - 1].po_line_id > sorted[b].po_line_id));
         b--)
      {
        BoArrival swap = sorted[b];

        sorted[b] = sorted[b - 1];
        sorted[b - 1] = swap;
      }

  for (gsize a = 0; a < n_arrivals; a++)
    {
      BoSupply supply = { sorted[a].product_id, sorted[a].quantity };
      g_autoptr (BoPlan) plan = NULL;
      gsize m = 0;

      for (gsize i = 0; i < n; i++)
        if (backorders[i].product_id == sorted[a].product_id && uncovered[i] > 0)
          {
            waiting[m] = backorders[i];
            waiting[m].open = uncovered[i];
            waiting[m].ship_complete = FALSE;
            which[m++] = i;
          }

      plan = bo_allocate (policy, &supply, 1, waiting, m);
      for (gsize j = 0; j < m; j++)
        {
          gint64 granted = bo_plan_get_grant (plan, j)->granted;
          gsize i = which[j];

          if (granted == 0)
            continue;
          uncovered[i] -= granted;
          promises[i].covered += granted;
          promises[i].po_line_id = sorted[a].po_line_id;
          if (uncovered[i] == 0)
            promises[i].promised = sorted[a].eta + handling_days;
        }
    }

  {
    g_autofree guint32 *settled = g_new (guint32, n);

    for (gsize i = 0; i < n; i++)
      {
        gboolean ship_complete = FALSE, dated = TRUE;
        guint32 latest = 0;

        settled[i] = promises[i].promised;
        for (gsize k = 0; k < n; k++)
          if (backorders[k].order_id == backorders[i].order_id && backorders[k].ship_complete)
            ship_complete = TRUE;
        if (!ship_complete)
          continue;
        for (gsize k = 0; k < n; k++)
          if (backorders[k].order_id == backorders[i].order_id)
            {
              dated = dated && promises[k].promised != 0;
              latest = MAX (latest, promises[k].promised);
            }
        settled[i] = dated ? latest : 0;
      }
    for (gsize i = 0; i < n; i++)
      promises[i].promised = settled[i];
  }

  return promises;
}

static void
test_reference (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (1789);

  for (guint round = 0; round < 2000; round++)
    {
      BoDemand backorders[40];
      BoArrival arrivals[12];
      gsize n = 0, n_arrivals = g_rand_int_range (rand, 0, 12);
      gint64 order_id = 1;
      guint handling_days = g_rand_int_range (rand, 0, 4);

      while (n < (gsize) g_rand_int_range (rand, 1, 36))
        {
          gboolean ship_complete = g_rand_int_range (rand, 0, 4) == 0;
          gint tier = g_rand_int_range (rand, 0, 3);
          gint64 placed_at = g_rand_int_range (rand, 0, 5);
          gint lines = g_rand_int_range (rand, 1, 4);

          for (gint l = 0; l < lines && n < G_N_ELEMENTS (backorders); l++, n++)
            backorders[n] = BACKORDER (500 - n, order_id, g_rand_int_range (rand, 1, 4),
                                       placed_at, tier, ship_complete,
                                       g_rand_int_range (rand, 1, 7));
          order_id += g_rand_int_range (rand, 1, 3);
        }
      for (gsize a = 0; a < n_arrivals; a++)
        arrivals[a] = ARRIVAL (g_rand_int_range (rand, 1, 6) * 100 + a,
                               g_rand_int_range (rand, 1, 4), g_rand_int_range (rand, 1, 12),
                               MAR_1 + g_rand_int_range (rand, 0, 4));

      for (gsize k = 0; k < G_N_ELEMENTS (all_policies); k++)
        {
          g_autofree BoPromise *expected = reference_promise (all_policies[k], backorders, n,
                                                              arrivals, n_arrivals,
                                                              handling_days);
          g_autofree BoPromise *promises = bo_promise_compute (all_policies[k], backorders, n,
                                                               arrivals, n_arrivals,
                                                               handling_days);

          for (gsize i = 0; i < n; i++)
            {
              g_assert_cmpint (promises[i].line_id, ==, expected[i].line_id);
              g_assert_cmpint (promises[i].order_id, ==, expected[i].order_id);
              g_assert_cmpint (promises[i].product_id, ==, expected[i].product_id);
              g_assert_cmpint (promises[i].covered, ==, expected[i].covered);
              g_assert_cmpuint (promises[i].promised, ==, expected[i].promised);
              g_assert_cmpint (promises[i].po_line_id, ==, expected[i].po_line_id);
            }
        }
    }
}

static void
test_large (void)
{
  enum { N_BACKORDERS = 50000, N_ARRIVALS = 2000, N_PRODUCTS = 100 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (99);
  g_autofree BoDemand *backorders = g_new (BoDemand, N_BACKORDERS);
  g_autofree BoArrival *arrivals = g_new (BoArrival, N_ARRIVALS);
  g_autofree gint64 *wanted = g_new0 (gint64, N_PRODUCTS + 1);
  g_autofree gint64 *coming = g_new0 (gint64, N_PRODUCTS + 1);

  for (gsize i = 0; i < N_BACKORDERS; i++)
    {
      gint64 product_id = g_rand_int_range (rand, 1, N_PRODUCTS + 1);

      backorders[i] = BACKORDER (i + 1, i / 2 + 1, product_id,
                                 1700000000 + g_rand_int_range (rand, 0, 86400 * 90), 0,
                                 FALSE, g_rand_int_range (rand, 1, 6));
      wanted[product_id] += backorders[i].open;
    }
  for (gsize a = 0; a < N_ARRIVALS; a++)
    {
      gint64 product_id = g_rand_int_range (rand, 1, N_PRODUCTS + 1);

      arrivals[a] = ARRIVAL (a + 1, product_id, g_rand_int_range (rand, 1, 150),
                             MAR_1 + g_rand_int_range (rand, 0, 120));
      coming[product_id] += arrivals[a].quantity;
    }

  for (gsize k = 0; k < G_N_ELEMENTS (all_policies); k++)
    {
      g_autofree BoPromise *promises = NULL;
      g_autofree gint64 *covered = g_new0 (gint64, N_PRODUCTS + 1);
      double elapsed;

      g_test_timer_start ();
      promises = bo_promise_compute (all_policies[k], backorders, N_BACKORDERS, arrivals,
                                     N_ARRIVALS, 2);
      elapsed = g_test_timer_elapsed ();
      g_test_message ("%s: %d backorders, %d arrivals over %d products in %.1f ms",
                      bo_policy_to_string (all_policies[k]), N_BACKORDERS, N_ARRIVALS,
                      N_PRODUCTS, elapsed * 1000);

      for (gsize i = 0; i < N_BACKORDERS; i++)
        {
          g_assert_cmpint (promises[i].covered, <=, backorders[i].open);
          g_assert_true ((promises[i].covered == backorders[i].open)
                         == (promises[i].promised != 0));
          covered[backorders[i].product_id] += promises[i].covered;
        }
      for (gint64 p = 1; p <= N_PRODUCTS; p++)
        g_assert_cmpint (covered[p], ==, MIN (wanted[p], coming[p]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/promise/fifo-sequence", test_fifo_sequence);
  g_test_add_func ("/promise/partial-then-complete", test_partial_then_complete);
  g_test_add_func ("/promise/handling-days", test_handling_days);
  g_test_add_func ("/promise/ship-complete", test_ship_complete);
  g_test_add_func ("/promise/policies", test_policies);
  g_test_add_func ("/promise/eta-order", test_eta_order);
  g_test_add_func ("/promise/empty", test_empty);
  g_test_add_func ("/promise/invalid", test_invalid);
  g_test_add_func ("/promise/available-to-promise", test_available_to_promise);
  g_test_add_func ("/promise/reference", test_reference);
  g_test_add_func ("/promise/large", test_large);

  return g_test_run ();
}
