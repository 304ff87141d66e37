/* test-placement.c — one placement bookkeeping for orders typed in and imported
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An order placed with bo_store_place_order() and the same order imported
 * must leave the same allocations, backordered_at_placement, product
 * counters, order and placement-day counts and backlog history, under every
 * allocation and backorder policy. An order a backorder policy refuses when
 * typed in is imported all the same (the shop platform accepted it), as
 * backordered, with a note naming the product — allow-if-incoming included.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "backorders/bo-error.h"
#include "backorders/bo-store.h"
#include "bo-store-private.h"

#define N_PRODUCTS  6
#define N_CUSTOMERS 4

typedef struct
{
  char    *dir;
  char    *path;
  BoStore *store;
} Shop;

static gint64
base_now (void)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (2026, 11, 26, 12, 0, 0);
  return g_date_time_to_unix (dt);
}

static void
shop_open (Shop *shop)
{
  g_autoptr(GError) error = NULL;

  shop->dir = g_dir_make_tmp ("bo-placement-XXXXXX", &error);
  g_assert_no_error (error);
  shop->path = g_build_filename (shop->dir, "shop.db", NULL);
  shop->store = bo_store_open (shop->path, &error);
  g_assert_no_error (error);
  bo_store_set_now (shop->store, base_now ());
}

static void
shop_close (Shop *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gboolean ok = bo_store_check (shop->store, &problems, &error);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_no_error (error);
  g_assert_true (ok);
  g_clear_object (&shop->store);
  for (const char *const *suffix = (const char *const[]) { "", "-wal", "-shm", NULL };
       *suffix != NULL; suffix++)
    {
      g_autofree char *file = g_strconcat (shop->path, *suffix, NULL);
      g_unlink (file);
    }
  g_rmdir (shop->dir);
  g_free (shop->dir);
  g_free (shop->path);
}

/* The rows placing derives, as one text: two shops with the same text kept
 * the same books. */
static char *
books (const char *path)
{
  static const char *const queries[] = {
    "SELECT id, on_hand, allocated, backordered FROM products ORDER BY id",
    "SELECT id, ordered, allocated, shipped, backordered_at_placement FROM order_lines "
    "ORDER BY id",
    "SELECT id, number, line_count, unit_count, bo_lines, bo_units FROM orders ORDER BY id",
    "SELECT day, orders, bo_orders, lines, bo_lines, units, bo_units FROM placement_days "
    "ORDER BY day",
    "SELECT day, line_id, units, value FROM backlog_movements ORDER BY id",
  };
  GString *text = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (text, "%s%s", c > 0 ? "," : "",
                                    (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (stmt);
      g_string_append (text, "--\n");
    }
  sqlite3_close (db);
  return g_string_free (text, FALSE);
}

static gint64
query (const char *path,
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

static gint64
add_product (BoStore           *store,
             const char        *sku,
             gint64             stock,
             BoBackorderPolicy  policy,
             gboolean           discontinued)
{
  g_autoptr(BoProduct) p = bo_product_new ();
  g_autoptr(GError) error = NULL;

  p->sku = g_strdup (sku);
  p->name = g_strdup_printf ("Product %s", sku);
  p->on_hand = stock;
  p->price = 1000 + stock;
  p->backorder_policy = policy;
  p->discontinued = discontinued;
  g_assert_true (bo_store_save_product (store, p, &error));
  g_assert_no_error (error);
  return p->id;
}

static gint64
add_supplier (BoStore *store)
{
  g_autoptr(BoSupplier) s = bo_supplier_new ();
  g_autoptr(GError) error = NULL;

  s->name = g_strdup ("Supplier");
  s->lead_days = 7;
  g_assert_true (bo_store_save_supplier (store, s, &error));
  g_assert_no_error (error);
  return s->id;
}

static void
add_incoming (BoStore *store,
              gint64   supplier,
              gint64   product,
              gint64   units,
              gint     days)
{
  BoQuantity q = { product, units };
  g_autoptr(GError) error = NULL;
  gint64 po = 0;

  g_assert_true (bo_store_create_po (store, supplier, bo_store_get_today (store) + days, &q,
                                     NULL, 1, &po, &error));
  g_assert_no_error (error);
}

/* The same shop, built the same way in each store from one seed. */
static void
build_shop (BoStore  *store,
            guint32   seed,
            BoPolicy  policy)
{
  static const BoBackorderPolicy policies[] = {
    BO_BACKORDER_ALLOW, BO_BACKORDER_ALLOW, BO_BACKORDER_ALLOW, BO_BACKORDER_DENY,
    BO_BACKORDER_ALLOW_IF_INCOMING, BO_BACKORDER_ALLOW_IF_INCOMING,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  gint64 supplier = add_supplier (store);
  gint64 products[N_PRODUCTS];

  g_assert_true (bo_store_set_setting (store, "allocation-policy", bo_policy_to_string (policy),
                                       &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      g_autofree char *sku = g_strdup_printf ("P%u", i);

      products[i] = add_product (store, sku, g_rand_int_range (rand, 0, 9),
                                 policies[g_rand_int_range (rand, 0, G_N_ELEMENTS (policies))],
                                 g_rand_int_range (rand, 0, 12) == 0);
    }
  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autoptr(BoCustomer) c = bo_customer_new ();

      c->name = g_strdup_printf ("Customer %u", i);
      c->tier = g_rand_int_range (rand, 0, 3);
      c->ship_complete = g_rand_int_range (rand, 0, 4) == 0;
      g_assert_true (bo_store_save_customer (store, c, &error));
      g_assert_no_error (error);
    }
  for (guint n = g_rand_int_range (rand, 1, 6); n > 0; n--)
    add_incoming (store, supplier, products[g_rand_int_range (rand, 0, N_PRODUCTS)],
                  g_rand_int_range (rand, 1, 12), g_rand_int_range (rand, 1, 30));
}

typedef struct
{
  char    *number;
  guint    customer;
  gint64   placed_at;
  guint    n_lines;
  guint    products[4];
  gint64   quantities[4];
} RandomOrder;

static void
random_order (GRand       *rand,
              guint        n,
              RandomOrder *order)
{
  order->number = g_strdup_printf ("R-%u", n);
  order->customer = g_rand_int_range (rand, 0, N_CUSTOMERS);
  /* Earlier than orders placed already, at times: it changes the order of service. */
  order->placed_at = base_now () - g_rand_int_range (rand, 0, 4) * 86400 + n;
  order->n_lines = g_rand_int_range (rand, 1, 4);
  for (guint i = 0; i < order->n_lines; i++)
    {
      order->products[i] = g_rand_int_range (rand, 0, N_PRODUCTS);
      order->quantities[i] = g_rand_int_range (rand, 1, 4);
    }
}

static BoOrderDraft *
order_draft (BoStore           *store,
             const RandomOrder *order)
{
  BoOrderDraft *draft = bo_order_draft_new ();
  g_autofree char *name = g_strdup_printf ("Customer %u", order->customer);
  g_autoptr(BoCustomer) customer = bo_store_find_customer (store, name, NULL);

  g_assert_nonnull (customer);
  draft->customer_id = customer->id;
  draft->number = g_strdup (order->number);
  draft->placed_at = order->placed_at;
  for (guint i = 0; i < order->n_lines; i++)
    {
      g_autofree char *sku = g_strdup_printf ("P%u", order->products[i]);

      bo_order_draft_add_line (draft, sku, order->quantities[i], -1);
    }
  return draft;
}

static BoImportBatch *
import_batch (const RandomOrder *orders,
              guint              n_orders)
{
  BoImportBatch *batch = bo_import_batch_new ();

  batch->source = g_strdup ("orders.csv");
  for (guint c = 0; c < N_CUSTOMERS; c++)
    {
      BoImportCustomer *customer = bo_import_customer_new ();

      customer->name = g_strdup_printf ("Customer %u", c);
      customer->create_only = TRUE;
      g_ptr_array_add (batch->customers, customer);
    }
  for (guint o = 0; o < n_orders; o++)
    {
      BoImportOrder *in = bo_import_order_new ();

      in->number = g_strdup (orders[o].number);
      in->external_ref = g_strdup (orders[o].number);
      in->customer = orders[o].customer;
      in->placed_at = orders[o].placed_at;
      for (guint i = 0; i < orders[o].n_lines; i++)
        {
          g_autofree char *sku = g_strdup_printf ("P%u", orders[o].products[i]);

          bo_import_order_add_line (in, o + 1, sku, orders[o].quantities[i], -1, 0);
        }
      g_ptr_array_add (batch->orders, in);
    }
  return batch;
}

static BoImportOutcome *
import_orders (BoStore           *store,
               const RandomOrder *orders,
               guint              n_orders)
{
  g_autoptr(BoImportBatch) batch = import_batch (orders, n_orders);
  g_autoptr(GError) error = NULL;
  BoImportOutcome *outcome = NULL;

  g_assert_true (bo_store_apply_import (store, batch, NULL, NULL, NULL, &outcome, &error));
  g_assert_no_error (error);
  return outcome;
}

static gboolean
notes_name (const BoImportOutcome *outcome,
            const char            *sku)
{
  g_autofree char *needle = g_strconcat (sku, " ", NULL);

  for (guint i = 0; i < outcome->notes->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (outcome->notes, i), needle))
      return TRUE;
  return FALSE;
}

/* Many random shops, every allocation policy, tiers, ship-complete
 * customers, every backorder policy: each order is typed into one shop and
 * imported into its twin (a group of one); the books stay equal. An order
 * typing refuses is imported into both, and its import names the product
 * refused. */
static void
test_typed_equals_imported (void)
{
  static const BoPolicy policies[] = { BO_POLICY_FIFO, BO_POLICY_FAIR_SHARE, BO_POLICY_PRO_RATA };
  guint placed = 0, refused = 0, refused_if_incoming = 0, backordered = 0;

  for (guint round = 0; round < 45; round++)
    {
      guint32 seed = g_test_rand_int () ^ round;
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      Shop typed = { 0 }, imported = { 0 };

      shop_open (&typed);
      shop_open (&imported);
      build_shop (typed.store, seed, policies[round % 3]);
      build_shop (imported.store, seed, policies[round % 3]);
      for (guint n = 0; n < 20; n++)
        {
          RandomOrder order = { 0 };
          g_autoptr(BoOrderDraft) draft = NULL;
          g_autoptr(BoOrderOutcome) outcome = NULL;
          g_autoptr(BoImportOutcome) import = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *typed_books = NULL;
          g_autofree char *imported_books = NULL;

          random_order (rand, n, &order);
          draft = order_draft (typed.store, &order);
          if (bo_store_place_order (typed.store, draft, FALSE, &outcome, &error))
            {
              import = import_orders (imported.store, &order, 1);
              g_assert_cmpuint (import->notes->len, ==, 0);
              placed++;
              for (guint i = 0; i < outcome->lines->len; i++)
                backordered += g_array_index (outcome->lines, BoLineOutcome, i).backordered > 0;
            }
          else
            {
              g_autoptr(BoImportOutcome) twin = NULL;
              const char *sku = strstr (error->message, ": ") + 2;
              g_autofree char *refused_sku = g_strndup (sku, strcspn (sku, " "));

              g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
              g_assert_true (g_str_has_prefix (error->message, "Refused: "));
              import = import_orders (imported.store, &order, 1);
              twin = import_orders (typed.store, &order, 1);
              g_assert_true (notes_name (import, refused_sku));
              g_assert_cmpuint (import->notes->len, ==, twin->notes->len);
              g_assert_cmpint (import->lines_backordered, >, 0);
              refused++;
              refused_if_incoming += strstr (error->message, "can promise only") != NULL;
            }
          typed_books = books (typed.path);
          imported_books = books (imported.path);
          g_assert_cmpstr (typed_books, ==, imported_books);
          g_free (order.number);
        }
      shop_close (&typed);
      shop_close (&imported);
    }
  g_test_message ("%u orders placed (%u backordered lines), %u refused when typed "
                  "(%u by allow-if-incoming)", placed, backordered, refused, refused_if_incoming);
  /* The shops must exercise every side. */
  g_assert_cmpuint (placed, >, 200);
  g_assert_cmpuint (backordered, >, 100);
  g_assert_cmpuint (refused, >, 50);
  g_assert_cmpuint (refused_if_incoming, >, 20);
}

/* Three units can be promised (none on hand, three incoming); two orders
 * of two each. Typed in, the second is refused. Imported together, as one
 * group, both are placed: the first within what can be promised, the second
 * backordered beyond it, and the note says so for its two units. */
static void
test_import_allow_if_incoming (void)
{
  Shop shop = { 0 };
  RandomOrder orders[2] = {
    { "W-1", 0, 0, 1, { 0 }, { 2 } },
    { "W-2", 0, 0, 1, { 0 }, { 2 } },
  };
  g_autoptr(BoImportOutcome) outcome = NULL;
  g_autoptr(BoCustomer) c = bo_customer_new ();
  g_autoptr(GError) error = NULL;

  shop_open (&shop);
  add_incoming (shop.store, add_supplier (shop.store),
                add_product (shop.store, "P0", 0, BO_BACKORDER_ALLOW_IF_INCOMING, FALSE), 3, 10);
  c->name = g_strdup ("Customer 0");
  g_assert_true (bo_store_save_customer (shop.store, c, &error));
  orders[0].placed_at = base_now () - 3600;
  orders[1].placed_at = base_now () - 1800;

  outcome = import_orders (shop.store, orders, 2);
  g_assert_cmpint (outcome->lines_backordered, ==, 2);
  g_assert_cmpint (outcome->units_backordered, ==, 4);
  g_assert_cmpuint (outcome->notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (outcome->notes, 0), ==,
                   "P0 takes backorders only as far as stock and incoming purchase orders "
                   "cover them, but the shop platform accepted its orders: 2 units are "
                   "backordered");
  g_assert_cmpint (query (shop.path, "SELECT backordered FROM products"), ==, 4);
  g_assert_cmpint (query (shop.path, "SELECT sum (backordered_at_placement) FROM order_lines"),
                   ==, 4);
  g_assert_cmpint (query (shop.path, "SELECT sum (bo_orders) FROM placement_days"), ==, 2);

  /* The same orders typed in: the second is refused, by the same rule. */
  {
    Shop typed = { 0 };
    g_autoptr(BoOrderDraft) first = NULL;
    g_autoptr(BoOrderDraft) second = NULL;
    g_autoptr(BoCustomer) other = bo_customer_new ();

    shop_open (&typed);
    add_incoming (typed.store, add_supplier (typed.store),
                  add_product (typed.store, "P0", 0, BO_BACKORDER_ALLOW_IF_INCOMING, FALSE), 3, 10);
    other->name = g_strdup ("Customer 0");
    g_assert_true (bo_store_save_customer (typed.store, other, &error));
    first = order_draft (typed.store, &orders[0]);
    second = order_draft (typed.store, &orders[1]);
    g_assert_true (bo_store_place_order (typed.store, first, FALSE, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (bo_store_place_order (typed.store, second, FALSE, NULL, &error));
    g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
    g_assert_cmpstr (error->message, ==,
                     "Refused: P0 can promise only 1 (stock and incoming purchase orders, less "
                     "what is already promised); 2 ordered");
    shop_close (&typed);
  }
  shop_close (&shop);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/placement/typed-equals-imported", test_typed_equals_imported);
  g_test_add_func ("/placement/import-allow-if-incoming", test_import_allow_if_incoming);
  return g_test_run ();
}
