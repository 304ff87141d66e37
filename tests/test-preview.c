/* test-preview.c — previews that do not write: placing an order and re-planning
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order preview must say exactly what placing does, line by line, for
 * random shops and orders under every policy; it must take no write lock and
 * leave the shop untouched. A re-plan shown and then applied is computed once
 * and applies what was shown, unless the shop changed in between.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "backorders/bo-error.h"
#include "backorders/bo-store.h"
#include "bo-store-private.h"

#define N_PRODUCTS  7
#define N_CUSTOMERS 5

typedef struct
{
  char    *dir;
  char    *path;
  BoStore *store;
} Fixture;

static gint64
base_now (void)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (2026, 11, 26, 12, 0, 0);
  return g_date_time_to_unix (dt);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("bo-preview-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "shop.db", NULL);
  f->store = bo_store_open (f->path, &error);
  g_assert_no_error (error);
  bo_store_set_now (f->store, base_now ());
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (f->store != NULL)
    {
      gboolean ok = bo_store_check (f->store, &problems, &error);

      for (guint i = 0; problems != NULL && i < problems->len; i++)
        g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  g_clear_object (&f->store);
  d = g_dir_open (f->dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* ---- helpers ---------------------------------------------------------------- */

static guint32
today_plus (BoStore *store,
            gint     days)
{
  return bo_store_get_today (store) + days;
}

static gint64
add_product (BoStore           *store,
             const char        *sku,
             gint64             stock,
             BoBackorderPolicy  policy,
             gboolean           discontinued,
             gboolean           drop_ship)
{
  g_autoptr(BoProduct) p = bo_product_new ();
  g_autoptr(GError) error = NULL;

  p->sku = g_strdup (sku);
  p->name = g_strdup_printf ("Product %s", sku);
  p->on_hand = stock;
  p->price = 1000;
  p->cost = 500;
  p->backorder_policy = policy;
  p->discontinued = discontinued;
  p->drop_ship = drop_ship;
  g_assert_true (bo_store_save_product (store, p, &error));
  g_assert_no_error (error);
  return p->id;
}

static gint64
add_customer (BoStore    *store,
              const char *name,
              gint        tier,
              gboolean    ship_complete)
{
  g_autoptr(BoCustomer) c = bo_customer_new ();
  g_autoptr(GError) error = NULL;

  c->name = g_strdup (name);
  c->tier = tier;
  c->ship_complete = ship_complete;
  g_assert_true (bo_store_save_customer (store, c, &error));
  g_assert_no_error (error);
  return c->id;
}

static gint64
add_supplier (BoStore *store,
              gint     lead_days)
{
  g_autoptr(BoSupplier) s = bo_supplier_new ();
  g_autoptr(GError) error = NULL;

  s->name = g_strdup_printf ("Supplier %d", lead_days);
  s->lead_days = lead_days;
  g_assert_true (bo_store_save_supplier (store, s, &error));
  g_assert_no_error (error);
  return s->id;
}

static void
link_supplier (BoStore *store,
               gint64   product,
               gint64   supplier)
{
  BoProductSupplier link = { 0 };
  g_autoptr(GError) error = NULL;

  link.product_id = product;
  link.supplier_id = supplier;
  link.cost = -1;
  link.lead_days = -1;
  link.min_order_qty = 1;
  g_assert_true (bo_store_link_supplier (store, &link, &error));
  g_assert_no_error (error);
}

static gint64
count (const char *path,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static BoOrderDraft *
simple_draft (gint64 customer,
              ...)
{
  BoOrderDraft *draft = bo_order_draft_new ();
  const char *sku;
  va_list args;

  draft->customer_id = customer;
  va_start (args, customer);
  while ((sku = va_arg (args, const char *)) != NULL)
    bo_order_draft_add_line (draft, sku, va_arg (args, int), -1);
  va_end (args);
  return draft;
}

/* ---- a random shop ---------------------------------------------------------- */

typedef struct
{
  BoStore *store;
  GRand   *rand;
  gint64   customers[N_CUSTOMERS];
  char    *skus[N_PRODUCTS];
  guint    placed;
  guint    refused;
  guint    refused_lines;
  guint    backordered;
  guint    drop_shipped;
  guint    promised;
} RandomShop;

static void
random_shop_build (RandomShop *shop)
{
  static const BoBackorderPolicy policies[] = {
    BO_BACKORDER_ALLOW, BO_BACKORDER_ALLOW, BO_BACKORDER_DENY, BO_BACKORDER_ALLOW_IF_INCOMING,
  };
  g_autoptr(GError) error = NULL;
  gint64 supplier = add_supplier (shop->store, g_rand_int_range (shop->rand, 0, 10));
  gint64 products[N_PRODUCTS];

  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      /* The last product is shipped by its supplier; sometimes nobody is linked. */
      gboolean drop_ship = i == N_PRODUCTS - 1;

      shop->skus[i] = g_strdup_printf ("P%u", i);
      products[i] = add_product (shop->store, shop->skus[i], g_rand_int_range (shop->rand, 0, 6),
                                 policies[g_rand_int_range (shop->rand, 0, G_N_ELEMENTS (policies))],
                                 g_rand_int_range (shop->rand, 0, 10) == 0, drop_ship);
      if (!drop_ship || g_rand_boolean (shop->rand))
        link_supplier (shop->store, products[i], supplier);
    }
  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %u", i);

      shop->customers[i] = add_customer (shop->store, name, g_rand_int_range (shop->rand, 0, 3),
                                         g_rand_int_range (shop->rand, 0, 3) == 0);
    }

  /* Incoming purchase orders for the promise dates and available-to-promise. */
  for (guint n = g_rand_int_range (shop->rand, 0, 5); n > 0; n--)
    {
      BoQuantity q = { products[g_rand_int_range (shop->rand, 0, N_PRODUCTS - 1)],
                       g_rand_int_range (shop->rand, 1, 8) };
      gint64 po = 0;

      g_assert_true (bo_store_create_po (shop->store, supplier,
                                         today_plus (shop->store,
                                                     g_rand_int_range (shop->rand, 1, 30)),
                                         &q, NULL, 1, &po, &error));
      g_assert_no_error (error);
    }
}

static BoOrderDraft *
random_draft (RandomShop *shop)
{
  BoOrderDraft *draft = bo_order_draft_new ();

  draft->customer_id = shop->customers[g_rand_int_range (shop->rand, 0, N_CUSTOMERS)];
  draft->ship_complete = g_rand_int_range (shop->rand, -1, 2);
  draft->priority = g_rand_int_range (shop->rand, 0, 3) == 0 ? g_rand_int_range (shop->rand, 0, 3)
                                                            : -1;
  /* Earlier than orders already placed, at times: it changes the order of service. */
  draft->placed_at = bo_store_get_now (shop->store) -
                     g_rand_int_range (shop->rand, 0, 4) * 86400;
  if (g_rand_int_range (shop->rand, 0, 8) == 0)
    draft->number = g_strdup ("1001");
  for (guint n = g_rand_int_range (shop->rand, 1, 5); n > 0; n--)
    bo_order_draft_add_line (draft, shop->skus[g_rand_int_range (shop->rand, 0, N_PRODUCTS)],
                             g_rand_int_range (shop->rand, 1, 5), -1);
  return draft;
}

/* Previews @draft, places it, and compares. */
static void
check_one_order (RandomShop         *shop,
                 const BoOrderDraft *draft)
{
  g_autoptr(BoOrderOutcome) preview = NULL;
  g_autoptr(BoOrderOutcome) placed = NULL;
  g_autoptr(GError) preview_error = NULL;
  g_autoptr(GError) place_error = NULL;
  g_autoptr(GError) error = NULL;
  gboolean placing_refused;

  g_assert_true (bo_store_preview_order (shop->store, draft, &preview, &error));
  g_assert_no_error (error);
  /* Placing's own preview fails exactly where placing does. */
  bo_store_place_order (shop->store, draft, TRUE, NULL, &preview_error);

  placing_refused = !bo_store_place_order (shop->store, draft, FALSE, &placed, &place_error);
  if (placing_refused)
    {
      gboolean found = FALSE;

      g_assert_nonnull (place_error);
      g_assert_nonnull (preview_error);
      g_assert_cmpint (preview_error->code, ==, place_error->code);
      g_assert_cmpstr (preview_error->message, ==, place_error->message);
      if (g_strcmp0 (preview->problem, place_error->message) == 0)
        found = TRUE;
      for (guint i = 0; i < preview->lines->len; i++)
        {
          const BoLineOutcome *l = &g_array_index (preview->lines, BoLineOutcome, i);

          shop->refused_lines += l->refusal != NULL;
          found |= g_strcmp0 (l->refusal, place_error->message) == 0;
        }
      g_assert_true (found);
      shop->refused++;
      return;
    }

  g_assert_no_error (preview_error);
  g_assert_null (preview->problem);
  g_assert_cmpstr (preview->number, ==, placed->number);
  g_assert_cmpuint (preview->lines->len, ==, placed->lines->len);
  for (guint i = 0; i < placed->lines->len; i++)
    {
      const BoLineOutcome *p = &g_array_index (preview->lines, BoLineOutcome, i);
      const BoLineOutcome *r = &g_array_index (placed->lines, BoLineOutcome, i);

      g_assert_null (p->refusal);
      g_assert_cmpint (p->product_id, ==, r->product_id);
      g_assert_cmpstr (p->sku, ==, r->sku);
      g_assert_cmpint (p->ordered, ==, r->ordered);
      g_assert_cmpint (p->allocated, ==, r->allocated);
      g_assert_cmpint (p->backordered, ==, r->backordered);
      g_assert_cmpuint (p->promised, ==, r->promised);
      g_assert_cmpstr (p->reason, ==, r->reason);
      g_assert_cmpint (p->drop_ship, ==, r->drop_ship);
      shop->backordered += r->backordered > 0;
      shop->drop_shipped += r->drop_ship;
      shop->promised += r->backordered > 0 && r->promised != 0;
    }
  shop->placed++;
}

/* Many random shops, every allocation policy, tiers, ship-complete orders,
 * every backorder policy, drop-ship lines: the preview of each order equals
 * what placing it then does, line by line, and fails where placing fails. */
static void
test_preview_equals_placing (void)
{
  static const BoPolicy policies[] = { BO_POLICY_FIFO, BO_POLICY_FAIR_SHARE, BO_POLICY_PRO_RATA };
  guint placed = 0, refused = 0, refused_lines = 0, backordered = 0, drop_shipped = 0;
  guint promised = 0;

  for (guint round = 0; round < 60; round++)
    {
      g_autoptr(GError) error = NULL;
      RandomShop shop = { 0 };
      Fixture f = { 0 };

      fixture_set_up (&f, NULL);
      shop.store = f.store;
      shop.rand = g_rand_new_with_seed (g_test_rand_int () ^ round);
      g_assert_true (bo_store_set_setting (f.store, "allocation-policy",
                                           bo_policy_to_string (policies[round % 3]), &error));
      g_assert_no_error (error);
      random_shop_build (&shop);
      for (guint n = 0; n < 25; n++)
        {
          g_autoptr(BoOrderDraft) draft = random_draft (&shop);

          check_one_order (&shop, draft);
          /* Now and then stock arrives, which moves allocations and holds. */
          if (g_rand_int_range (shop.rand, 0, 6) == 0)
            {
              g_autoptr(BoProduct) p = bo_store_find_product (f.store, shop.skus[0], &error);

              g_assert_no_error (error);
              g_assert_true (bo_store_adjust_stock (f.store, p->id, 3, "count", NULL, &error));
              g_assert_no_error (error);
            }
        }
      placed += shop.placed;
      refused += shop.refused;
      refused_lines += shop.refused_lines;
      backordered += shop.backordered;
      drop_shipped += shop.drop_shipped;
      promised += shop.promised;
      for (guint i = 0; i < N_PRODUCTS; i++)
        g_free (shop.skus[i]);
      g_rand_free (shop.rand);
      fixture_tear_down (&f, NULL);
    }
  g_test_message ("%u orders placed (%u backordered lines, %u of them promised, %u drop-ship "
                  "lines), %u refused (%u refused lines)",
                  placed, backordered, promised, drop_shipped, refused, refused_lines);
  /* The shops must exercise both sides. */
  g_assert_cmpuint (placed, >, 100);
  g_assert_cmpuint (refused, >, 20);
  g_assert_cmpuint (backordered, >, 50);
  g_assert_cmpuint (promised, >, 20);
  g_assert_cmpuint (drop_shipped, >, 20);
}

/* ---- no write lock ---------------------------------------------------------- */

static void
test_preview_takes_no_write_lock (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(BoOrderDraft) draft = NULL;
  g_autoptr(BoOrderDraft) first = NULL;
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ann = add_customer (f->store, "Ann", 0, FALSE);
  gint64 events, changes;
  sqlite3 *other = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 version_before, version_after;

  add_product (f->store, "MUG", 2, BO_BACKORDER_ALLOW, FALSE, FALSE);
  add_product (f->store, "PIN", 1, BO_BACKORDER_DENY, FALSE, FALSE);
  first = simple_draft (ann, "MUG", 1, NULL);
  g_assert_true (bo_store_place_order (f->store, first, FALSE, NULL, &error));
  g_assert_no_error (error);
  events = count (f->path, "SELECT count (*) FROM events");

  /* Another program holds the write lock, with a write not yet committed. */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; "
                                 "UPDATE products SET name = 'Renamed' WHERE sku = 'MUG'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (other, "PRAGMA data_version", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version_before = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  changes = sqlite3_total_changes64 (f->store->db);

  draft = simple_draft (ann, "MUG", 3, "PIN", 2, NULL);
  g_assert_true (bo_store_preview_order (f->store, draft, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outcome->lines->len, ==, 2);
  g_assert_cmpint (g_array_index (outcome->lines, BoLineOutcome, 0).allocated, ==, 1);
  g_assert_cmpint (g_array_index (outcome->lines, BoLineOutcome, 0).backordered, ==, 2);
  g_assert_null (g_array_index (outcome->lines, BoLineOutcome, 0).refusal);
  /* The refused line is named in its own outcome, not found by trying. */
  g_assert_cmpstr (g_array_index (outcome->lines, BoLineOutcome, 1).refusal, ==,
                   "Refused: PIN does not take backorders (2 ordered, 1 can ship now)");
  /* The next number, not used up. */
  g_assert_cmpstr (outcome->number, ==, "1002");

  /* The other program could go on writing, and commits. */
  g_assert_cmpint (sqlite3_exec (other, "UPDATE products SET name = 'Again' WHERE sku = 'PIN'; "
                                 "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);

  /* The preview wrote nothing: no change on this connection, none seen by
   * the other beyond its own, no event. */
  g_assert_cmpint (sqlite3_total_changes64 (f->store->db), ==, changes);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version_after = sqlite3_column_int64 (stmt, 0);
  g_assert_cmpint (version_after, ==, version_before);
  sqlite3_finalize (stmt);
  sqlite3_close (other);
  g_assert_cmpint (count (f->path, "SELECT count (*) FROM events"), ==, events);
  g_assert_cmpint (count (f->path, "SELECT count (*) FROM orders"), ==, 1);
  g_assert_cmpint (count (f->path, "SELECT sum (allocated) FROM products"), ==, 1);
}

/* ---- re-plan: one computation ----------------------------------------------- */

/* A shop where a fair-share re-plan moves stock: A ordered 3 before B and C. */
static void
replan_shop (Fixture *f,
             gint64  *customers)
{
  g_autoptr(GError) error = NULL;
  gint64 mug = add_product (f->store, "MUG", 0, BO_BACKORDER_ALLOW, FALSE, FALSE);
  const char *names[] = { "Ann", "Bob", "Cid" };
  const int quantities[] = { 3, 1, 1 };

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BoOrderDraft) draft = NULL;

      customers[i] = add_customer (f->store, names[i], 0, FALSE);
      draft = simple_draft (customers[i], "MUG", quantities[i], NULL);
      draft->placed_at = base_now () - (3 - i) * 3600;
      g_assert_true (bo_store_place_order (f->store, draft, FALSE, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (bo_store_adjust_stock (f->store, mug, 3, "count", NULL, &error));
  g_assert_no_error (error);
}

static void
assert_same_changes (const BoAllocationResult *a,
                     const BoAllocationResult *b)
{
  g_assert_cmpuint (a->changes->len, ==, b->changes->len);
  for (guint i = 0; i < a->changes->len; i++)
    {
      const BoAllocationChange *x = &g_array_index (a->changes, BoAllocationChange, i);
      const BoAllocationChange *y = &g_array_index (b->changes, BoAllocationChange, i);

      g_assert_cmpint (x->line_id, ==, y->line_id);
      g_assert_cmpint (x->before, ==, y->before);
      g_assert_cmpint (x->after, ==, y->after);
      g_assert_cmpstr (x->reason, ==, y->reason);
    }
  g_assert_cmpuint (a->ready->len, ==, b->ready->len);
  for (guint i = 0; i < a->ready->len; i++)
    {
      g_assert_cmpint (g_array_index (a->ready, BoReadyOrder, i).order_id, ==,
                       g_array_index (b->ready, BoReadyOrder, i).order_id);
      g_assert_cmpint (g_array_index (a->ready, BoReadyOrder, i).complete, ==,
                       g_array_index (b->ready, BoReadyOrder, i).complete);
    }
}

static void
assert_applied (Fixture                  *f,
                const BoAllocationResult *result)
{
  for (guint i = 0; i < result->changes->len; i++)
    {
      const BoAllocationChange *c = &g_array_index (result->changes, BoAllocationChange, i);
      g_autofree char *sql = g_strdup_printf ("SELECT allocated FROM order_lines WHERE id = %"
                                              G_GINT64_FORMAT, c->line_id);

      g_assert_cmpint (count (f->path, sql), ==, c->after);
    }
}

static void
test_replan_apply_computes_once (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(BoReplan) plan = NULL;
  g_autoptr(BoReplan) again = NULL;
  g_autoptr(BoAllocationResult) applied = NULL;
  g_autoptr(GError) error = NULL;
  gint64 customers[3];
  gint64 version;

  replan_shop (f, customers);
  plan = bo_store_plan_replan (f->store, BO_POLICY_FAIR_SHARE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bo_replan_get_computations (plan), ==, 1);
  /* Fair share: A 1, B 1, C 1 instead of A 3. */
  g_assert_cmpuint (bo_replan_get_result (plan)->changes->len, ==, 3);
  version = count (f->path, "PRAGMA user_version");
  g_assert_cmpint (count (f->path, "SELECT count (*) FROM events WHERE kind = 'replanned'"), ==, 0);

  /* What the preview shows again, computed afresh, for comparison. */
  again = bo_store_plan_replan (f->store, BO_POLICY_FAIR_SHARE, &error);
  g_assert_no_error (error);

  f->store->promise_computations = 0;
  g_assert_true (bo_store_apply_replan (f->store, plan, &applied, &error));
  g_assert_no_error (error);
  /* Applied without working it out again, promises refreshed once. */
  g_assert_cmpuint (bo_replan_get_computations (plan), ==, 1);
  g_assert_cmpuint (f->store->promise_computations, ==, 1);
  assert_same_changes (applied, bo_replan_get_result (again));
  assert_applied (f, applied);
  g_assert_cmpint (bo_store_get_policy (f->store), ==, BO_POLICY_FAIR_SHARE);
  g_assert_cmpint (count (f->path, "SELECT count (*) FROM events WHERE kind = 'replanned'"), ==, 1);
  g_assert_cmpint (count (f->path, "PRAGMA user_version"), ==, version);

  /* bo_store_replan() with apply is the same plan-then-apply: one refresh. */
  f->store->promise_computations = 0;
  g_clear_pointer (&applied, bo_allocation_result_free);
  g_assert_true (bo_store_replan (f->store, BO_POLICY_FIFO, TRUE, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->store->promise_computations, ==, 1);
}

/* Another program writes between the preview and Apply: the plan is worked
 * out again, and what is applied is what a fresh preview shows. */
static void
test_replan_recomputes_when_changed (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(BoReplan) plan = NULL;
  g_autoptr(BoReplan) fresh = NULL;
  g_autoptr(BoAllocationResult) applied = NULL;
  g_autoptr(BoStore) other = NULL;
  g_autoptr(BoOrderDraft) draft = NULL;
  g_autoptr(BoProduct) mug = NULL;
  g_autoptr(GError) error = NULL;
  gint64 customers[3];

  replan_shop (f, customers);
  plan = bo_store_plan_replan (f->store, BO_POLICY_FAIR_SHARE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bo_replan_get_result (plan)->changes->len, ==, 3);

  /* A second desk on the same file adds stock and a new order. */
  other = bo_store_open (f->path, &error);
  g_assert_no_error (error);
  bo_store_set_now (other, base_now ());
  mug = bo_store_find_product (other, "MUG", &error);
  g_assert_no_error (error);
  g_assert_true (bo_store_adjust_stock (other, mug->id, 2, "count", NULL, &error));
  g_assert_no_error (error);
  draft = simple_draft (customers[1], "MUG", 2, NULL);
  g_assert_true (bo_store_place_order (other, draft, FALSE, NULL, &error));
  g_assert_no_error (error);

  fresh = bo_store_plan_replan (f->store, BO_POLICY_FAIR_SHARE, &error);
  g_assert_no_error (error);
  g_assert_true (bo_store_apply_replan (f->store, plan, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bo_replan_get_computations (plan), ==, 2);
  assert_same_changes (applied, bo_replan_get_result (fresh));
  assert_applied (f, applied);

  /* A write of this very connection counts as a change too. */
  g_clear_pointer (&plan, bo_replan_free);
  g_clear_pointer (&applied, bo_allocation_result_free);
  plan = bo_store_plan_replan (f->store, BO_POLICY_PRO_RATA, &error);
  g_assert_no_error (error);
  g_assert_true (bo_store_adjust_stock (f->store, mug->id, 1, "count", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bo_store_apply_replan (f->store, plan, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bo_replan_get_computations (plan), ==, 2);
  assert_applied (f, applied);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/preview/equals-placing", test_preview_equals_placing);
  g_test_add ("/preview/no-write-lock", Fixture, NULL, fixture_set_up,
              test_preview_takes_no_write_lock, fixture_tear_down);
  g_test_add ("/preview/replan-computes-once", Fixture, NULL, fixture_set_up,
              test_replan_apply_computes_once, fixture_tear_down);
  g_test_add ("/preview/replan-recomputes-when-changed", Fixture, NULL, fixture_set_up,
              test_replan_recomputes_when_changed, fixture_tear_down);
  return g_test_run ();
}
