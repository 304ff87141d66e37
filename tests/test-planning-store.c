/* test-planning-store.c — planning ahead in the store: drop-ship, suggestions, availability, goodwill, revenue
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "backorders/bo-availability.h"
#include "backorders/bo-error.h"
#include "backorders/bo-message.h"
#include "backorders/bo-picklist.h"
#include "backorders/bo-store.h"
#include "bo-store-schema.sql.h"

/* Noon, days from 2026-11-26, in the test's time zone. */
#define NOON(days_from_today) (base_now () + (gint64) (days_from_today) * 86400)

typedef struct
{
  char    *dir;
  char    *path;
  BoStore *store;
  gint64   customer;
  gint64   other_customer;
  gint64   lamps;      /* supplier of the drop-ship lamp */
  gint64   mugs;       /* supplier of mugs */
} Fixture;

static gint64
base_now (void)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (2026, 11, 26, 12, 0, 0);
  return g_date_time_to_unix (dt);
}

static guint32
julian (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

#define TODAY julian (2026, 11, 26)

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (dir);
}

static void
assert_consistent (BoStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gboolean ok = bo_store_check (store, &problems, &error);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* ---- building a shop ------------------------------------------------------------ */

static gint64
add_customer (BoStore    *store,
              const char *name,
              const char *address)
{
  g_autoptr(BoCustomer) c = bo_customer_new ();
  g_autoptr(GError) error = NULL;

  c->name = g_strdup (name);
  c->email = g_strdup_printf ("%s@example.com", name);
  c->address = g_strdup (address);
  g_assert_true (bo_store_save_customer (store, c, &error));
  g_assert_no_error (error);
  return c->id;
}

static gint64
add_supplier (BoStore    *store,
              const char *name,
              gint        lead_days)
{
  g_autoptr(BoSupplier) s = bo_supplier_new ();
  g_autoptr(GError) error = NULL;

  s->name = g_strdup (name);
  s->lead_days = lead_days;
  g_assert_true (bo_store_save_supplier (store, s, &error));
  g_assert_no_error (error);
  return s->id;
}

static gint64
add_product (BoStore           *store,
             const char        *sku,
             gint64             stock,
             gint64             price,
             BoBackorderPolicy  policy,
             gboolean           drop_ship)
{
  g_autoptr(BoProduct) p = bo_product_new ();
  g_autoptr(GError) error = NULL;

  p->sku = g_strdup (sku);
  p->name = g_strdup_printf ("Product %s", sku);
  p->on_hand = stock;
  p->price = price;
  p->cost = price / 2;
  p->backorder_policy = policy;
  p->drop_ship = drop_ship;
  g_assert_true (bo_store_save_product (store, p, &error));
  g_assert_no_error (error);
  return p->id;
}

static void
link_supplier (BoStore *store,
               gint64   product_id,
               gint64   supplier_id,
               gint64   cost,
               gint     lead_days,
               gint64   min_order_qty,
               gboolean preferred)
{
  g_autoptr(BoProductSupplier) link = bo_product_supplier_new ();
  g_autoptr(GError) error = NULL;

  link->product_id = product_id;
  link->supplier_id = supplier_id;
  link->cost = cost;
  link->lead_days = lead_days;
  link->min_order_qty = min_order_qty;
  link->preferred = preferred;
  g_assert_true (bo_store_link_supplier (store, link, &error));
  g_assert_no_error (error);
}

/* Places an order of "SKU", quantity pairs, NULL-terminated. */
static BoOrderOutcome *
place (BoStore    *store,
       gint64      customer,
       gint64      placed_at,
       const char *first_sku,
       ...)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(GError) error = NULL;
  BoOrderOutcome *outcome = NULL;
  va_list args;

  draft->customer_id = customer;
  draft->placed_at = placed_at;
  va_start (args, first_sku);
  for (const char *sku = first_sku; sku != NULL; sku = va_arg (args, const char *))
    bo_order_draft_add_line (draft, sku, va_arg (args, gint64), -1);
  va_end (args);
  g_assert_true (bo_store_place_order (store, draft, FALSE, &outcome, &error));
  g_assert_no_error (error);
  return outcome;
}

static const BoLineOutcome *
outcome_line (const BoOrderOutcome *outcome,
              const char           *sku)
{
  for (guint i = 0; i < outcome->lines->len; i++)
    {
      const BoLineOutcome *l = &g_array_index (outcome->lines, BoLineOutcome, i);

      if (g_str_equal (l->sku, sku))
        return l;
    }
  g_error ("no line for %s", sku);
}

static const BoOrderLine *
order_line (const BoOrder *order,
            const char    *sku)
{
  for (guint i = 0; i < order->lines->len; i++)
    {
      const BoOrderLine *l = g_ptr_array_index (order->lines, i);

      if (g_str_equal (l->sku, sku))
        return l;
    }
  g_error ("no line for %s", sku);
}

static BoProduct *
product (BoStore    *store,
         const char *sku)
{
  g_autoptr(GError) error = NULL;
  BoProduct *p = bo_store_find_product (store, sku, &error);

  g_assert_no_error (error);
  return p;
}

static gint64
count (BoStore    *store,
       const char *path,
       const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("bo-planning-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "shop.db", NULL);
  f->store = bo_store_open (f->path, &error);
  g_assert_no_error (error);
  bo_store_set_now (f->store, NOON (0));
  f->customer = add_customer (f->store, "Ann", "1 Rose Lane\nLeeds");
  f->other_customer = add_customer (f->store, "Ben", "9 Elm Road\nYork");
  f->lamps = add_supplier (f->store, "Lamps Ltd", 12);
  f->mugs = add_supplier (f->store, "Mugs Ltd", 7);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    assert_consistent (f->store);
  g_clear_object (&f->store);
  remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* A drop-ship lamp shipped by Lamps Ltd in 5 days at 30.00, and a mug in stock. */
static gint64
lamp_shop (Fixture *f)
{
  gint64 lamp = add_product (f->store, "LAMP", 0, 8000, BO_BACKORDER_DENY, TRUE);

  link_supplier (f->store, lamp, f->lamps, 3000, 5, 1, TRUE);
  add_product (f->store, "MUG", 10, 1200, BO_BACKORDER_ALLOW, FALSE);
  return lamp;
}

/* ---- migration ------------------------------------------------------------------ */

/* A shop written by schema version 2, with a partly cancelled line, opens:
 * the copy is taken, the refund gets a day, new columns say "not drop-ship". */
static void
test_migration_from_v2 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bo-planning-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shop.db", NULL);
  g_autofree char *copy = g_strconcat (path, ".v2.bak", NULL);
  g_autoptr(BoStore) store = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GArray) revenue = NULL;
  g_autoptr(BoPurchaseOrder) po = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, bo_store_migrations[0], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, bo_store_migrations[1], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA application_id = 1114591090; PRAGMA user_version = 2;"
                                 "INSERT INTO products (id, sku, name, price, on_hand, allocated, "
                                 "  backordered, created_at) VALUES (1, 'MUG', 'Mug', 1000, "
                                 "  0, 0, 2, 0);"
                                 "INSERT INTO suppliers (id, name, created_at) VALUES (1, 'Mugs Ltd', 0);"
                                 "INSERT INTO customers (id, name, created_at) VALUES (1, 'Ann', 0);"
                                 "INSERT INTO orders (id, number, customer_id, placed_at, placed_date, "
                                 "  line_count, unit_count, bo_lines, bo_units) "
                                 "  VALUES (1, '1001', 1, 0, '2026-09-20', 1, 5, 1, 5);"
                                 "INSERT INTO order_lines (id, order_id, product_id, ordered, cancelled, "
                                 "  backordered_at_placement, unit_price, refunded, completed_date) "
                                 "  VALUES (1, 1, 1, 5, 3, 5, 1000, 2500, '2026-10-04');"
                                 "INSERT INTO placement_days VALUES ('2026-09-20', 1, 1, 1, 1, 5, 5);"
                                 "INSERT INTO backlog_movements (day, line_id, units, value) "
                                 "  VALUES ('2026-09-20', 1, 5, 5000), ('2026-10-04', 1, -3, -3000);"
                                 "INSERT INTO purchase_orders (id, number, supplier_id, created_at) "
                                 "  VALUES (1, 'PO-0001', 1, 0);"
                                 "INSERT INTO po_lines (po_id, product_id, ordered) VALUES (1, 1, 4);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = bo_store_open (path, &error);
  g_assert_no_error (error);
  bo_store_set_now (store, NOON (0));
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (count (store, copy, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (count (store, path, "PRAGMA user_version"), ==, BO_STORE_SCHEMA_VERSION);
  g_assert_cmpint (BO_STORE_SCHEMA_VERSION, ==, 5);
  /* Version 4: the order list's sort indexes. */
  g_assert_cmpint (count (store, path, "SELECT count (*) FROM sqlite_master WHERE name IN "
                                       "('orders_number_sort', 'orders_customer_placed', "
                                       "'customers_name_nocase')"),
                   ==, 3);

  /* The earlier refund is dated by the day the line was completed. */
  g_assert_cmpint (count (store, path, "SELECT count (*) FROM cancellations WHERE line_id = 1 "
                                       "AND day = '2026-10-04' AND quantity = 3 AND refund = 2500"),
                   ==, 1);
  revenue = bo_store_revenue_history (store, BO_PERIOD_MONTH, julian (2026, 9, 1), TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revenue->len, ==, 3);
  g_assert_cmpint (g_array_index (revenue, BoRevenuePoint, 0).refunds, ==, 0);
  g_assert_cmpint (g_array_index (revenue, BoRevenuePoint, 1).refunds, ==, 2500);
  g_assert_cmpint (g_array_index (revenue, BoRevenuePoint, 1).cancelled, ==, 3);
  g_assert_cmpint (g_array_index (revenue, BoRevenuePoint, 0).backlog, ==, 5000);
  g_assert_cmpint (g_array_index (revenue, BoRevenuePoint, 2).backlog, ==, 2000);

  /* Nothing was drop-shipped before. */
  order = bo_store_find_order (store, "1001", &error);
  g_assert_no_error (error);
  g_assert_false (order_line (order, "MUG")->drop_ship);
  g_assert_cmpint (order_line (order, "MUG")->backordered, ==, 2);
  g_assert_cmpuint (order->goodwill->len, ==, 0);
  po = bo_store_find_po (store, "PO-0001", &error);
  g_assert_no_error (error);
  g_assert_false (po->drop_ship);
  g_assert_cmpstr (po->ship_to, ==, "");
  assert_consistent (store);

  /* Opening again does not upgrade or copy again. */
  g_unlink (copy);
  g_clear_object (&store);
  store = bo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  g_clear_object (&store);
  remove_dir (dir);
}

/* ---- drop-ship --------------------------------------------------------------------- */

static gint64
po_of_line (Fixture *f,
            gint64   line_id)
{
  g_autoptr(GPtrArray) pos = bo_store_list_pos (f->store, FALSE, NULL);

  for (guint i = 0; pos != NULL && i < pos->len; i++)
    {
      BoPurchaseOrder *po = g_ptr_array_index (pos, i);

      for (guint j = 0; j < po->lines->len; j++)
        if (((BoPoLine *) g_ptr_array_index (po->lines, j))->order_line_id == line_id)
          return po->id;
    }
  return 0;
}

/* Placing an order drafts a drop-ship purchase order with the customer's
 * address; the line waits for no stock, takes no backorder policy, and is
 * promised for the supplier's lead time. */
static void
test_drop_ship_place (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(BoProduct) lamp = NULL;
  g_autoptr(GPtrArray) backorders = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GError) error = NULL;
  const BoLineOutcome *lo;
  const BoPoLine *pl;
  gint64 lines = -1;

  lamp_shop (f);
  /* A preview says what would happen and drafts nothing. */
  {
    g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
    g_autoptr(BoOrderOutcome) preview = NULL;

    draft->customer_id = f->customer;
    bo_order_draft_add_line (draft, "LAMP", 2, -1);
    g_assert_true (bo_store_place_order (f->store, draft, TRUE, &preview, &error));
    g_assert_no_error (error);
    g_assert_true (outcome_line (preview, "LAMP")->drop_ship);
    g_assert_cmpuint (outcome_line (preview, "LAMP")->promised, ==, TODAY + 5);
    g_assert_cmpint (bo_store_count_pos (f->store, FALSE, NULL, NULL), ==, 0);
  }
  outcome = place (f->store, f->customer, 0, "LAMP", (gint64) 2, "MUG", (gint64) 1, NULL);
  lo = outcome_line (outcome, "LAMP");
  g_assert_true (lo->drop_ship);
  g_assert_cmpint (lo->allocated, ==, 0);
  g_assert_cmpint (lo->backordered, ==, 0);
  g_assert_cmpuint (lo->promised, ==, TODAY + 5);
  g_assert_false (outcome_line (outcome, "MUG")->drop_ship);
  g_assert_cmpint (outcome_line (outcome, "MUG")->allocated, ==, 1);

  po = bo_store_get_po (f->store, po_of_line (f, lo->line_id), &error);
  g_assert_no_error (error);
  g_assert_true (po->drop_ship);
  g_assert_cmpint (po->status, ==, BO_PO_DRAFT);
  g_assert_cmpint (po->supplier_id, ==, f->lamps);
  g_assert_cmpstr (po->ship_to, ==, "Ann\n1 Rose Lane\nLeeds");
  g_assert_nonnull (strstr (po->notes, "1 Rose Lane"));
  g_assert_cmpuint (po->lines->len, ==, 1);
  pl = g_ptr_array_index (po->lines, 0);
  g_assert_cmpint (pl->ordered, ==, 2);
  g_assert_cmpint (pl->cost, ==, 3000);
  g_assert_cmpuint (pl->eta, ==, TODAY + 5);
  g_assert_cmpint (pl->order_line_id, ==, lo->line_id);

  /* Not a backorder anywhere, and no incoming stock for anyone else. */
  lamp = product (f->store, "LAMP");
  g_assert_cmpint (lamp->backordered, ==, 0);
  g_assert_cmpint (lamp->allocated, ==, 0);
  g_assert_cmpint (lamp->incoming, ==, 0);
  backorders = bo_store_list_backorders (f->store, BO_ORDER_FILTER_ALL, NULL, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backorders->len, ==, 0);
  g_assert_cmpint (bo_store_count_orders (f->store, BO_ORDER_FILTER_BACKORDERED, NULL, NULL), ==, 0);
  orders = bo_store_list_orders (f->store, BO_ORDER_FILTER_ALL, NULL, NULL, 0, 0, &error);
  g_assert_cmpint (((BoOrderSummary *) g_ptr_array_index (orders, 0))->backordered, ==, 0);
  g_assert_true (bo_store_backlog (f->store, &lines, NULL, NULL, &error));
  g_assert_cmpint (lines, ==, 0);

  /* The order shows the line as the supplier's, waiting on the purchase order. */
  order = bo_store_get_order (f->store, outcome->order_id, &error);
  g_assert_no_error (error);
  g_assert_true (order_line (order, "LAMP")->drop_ship);
  g_assert_cmpint (order_line (order, "LAMP")->backordered, ==, 2);
  g_assert_cmpint (order_line (order, "LAMP")->backordered_at_placement, ==, 0);
  g_assert_cmpstr (order_line (order, "LAMP")->waiting_po, ==, po->number);
  g_assert_cmpuint (order_line (order, "LAMP")->promised, ==, TODAY + 5);
  g_assert_nonnull (strstr (order_line (order, "LAMP")->reason, "Lamps Ltd"));
  g_assert_cmpuint (order->promised, ==, TODAY + 5);
}

/* Stock of a drop-ship product on the shelf is not given to its lines. */
static void
test_drop_ship_ignores_stock (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(BoProduct) lamp = NULL;
  g_autoptr(GError) error = NULL;
  gint64 lamp_id = lamp_shop (f);

  g_assert_true (bo_store_adjust_stock (f->store, lamp_id, 4, "found", NULL, &error));
  outcome = place (f->store, f->customer, 0, "LAMP", (gint64) 1, NULL);
  g_assert_cmpint (outcome_line (outcome, "LAMP")->allocated, ==, 0);
  g_assert_true (bo_store_adjust_stock (f->store, lamp_id, 1, "found", NULL, &error));
  g_assert_no_error (error);
  order = bo_store_get_order (f->store, outcome->order_id, &error);
  g_assert_cmpint (order_line (order, "LAMP")->allocated, ==, 0);
  lamp = product (f->store, "LAMP");
  g_assert_cmpint (lamp->allocated, ==, 0);
  g_assert_cmpint (lamp->on_hand, ==, 5);

  /* Not even a re-plan of all stock gives it any. */
  g_assert_true (bo_store_replan (f->store, BO_POLICY_FAIR_SHARE, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&order, bo_order_free);
  order = bo_store_get_order (f->store, outcome->order_id, &error);
  g_assert_cmpint (order_line (order, "LAMP")->allocated, ==, 0);
  g_assert_cmpuint (order_line (order, "LAMP")->promised, ==, TODAY + 5);
}

/* Without a supplier the line is refused with a clear message, and nothing
 * is written. */
static void
test_drop_ship_needs_supplier (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(GError) error = NULL;

  add_product (f->store, "VASE", 0, 5000, BO_BACKORDER_ALLOW, TRUE);
  add_product (f->store, "MUG", 10, 1200, BO_BACKORDER_ALLOW, FALSE);
  draft->customer_id = f->customer;
  bo_order_draft_add_line (draft, "MUG", 1, -1);
  bo_order_draft_add_line (draft, "VASE", 1, -1);
  g_assert_false (bo_store_place_order (f->store, draft, FALSE, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_assert_nonnull (strstr (error->message, "VASE"));
  g_assert_nonnull (strstr (error->message, "no supplier"));
  g_assert_cmpint (bo_store_count_orders (f->store, BO_ORDER_FILTER_ALL, NULL, NULL), ==, 0);
  g_assert_cmpint (bo_store_count_pos (f->store, FALSE, NULL, NULL), ==, 0);
}

/* Lines to one address share a draft; another address gets its own; a sent
 * one takes no more. "Order shortages" never adds to a drop-ship draft. */
static void
test_drop_ship_drafts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BoOrderOutcome) first = NULL;
  g_autoptr(BoOrderOutcome) second = NULL;
  g_autoptr(BoOrderOutcome) other = NULL;
  g_autoptr(BoOrderOutcome) later = NULL;
  g_autoptr(BoOrderOutcome) shade = NULL;
  g_autoptr(GArray) po_ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 lamp = lamp_shop (f), po;

  first = place (f->store, f->customer, 0, "LAMP", (gint64) 1, NULL);
  second = place (f->store, f->customer, 0, "LAMP", (gint64) 3, NULL);
  other = place (f->store, f->other_customer, 0, "LAMP", (gint64) 1, NULL);
  po = po_of_line (f, outcome_line (first, "LAMP")->line_id);
  g_assert_cmpint (po_of_line (f, outcome_line (second, "LAMP")->line_id), ==, po);
  g_assert_cmpint (po_of_line (f, outcome_line (other, "LAMP")->line_id), !=, po);

  g_assert_true (bo_store_set_po_status (f->store, po, BO_PO_SENT, &error));
  g_assert_no_error (error);
  later = place (f->store, f->customer, 0, "LAMP", (gint64) 1, NULL);
  g_assert_cmpint (po_of_line (f, outcome_line (later, "LAMP")->line_id), !=, po);

  /* A lamp shade from the same supplier, backordered and stocked: its
   * purchase order is a stock order of its own. */
  {
    gint64 shade_id = add_product (f->store, "SHADE", 0, 900, BO_BACKORDER_ALLOW, FALSE);
    g_autoptr(BoPurchaseOrder) stock_po = NULL;

    link_supplier (f->store, shade_id, f->lamps, 400, -1, 1, TRUE);
    shade = place (f->store, f->customer, 0, "SHADE", (gint64) 2, NULL);
    g_assert_true (bo_store_draft_pos (f->store, NULL, 0, &po_ids, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (po_ids->len, ==, 1);
    stock_po = bo_store_get_po (f->store, g_array_index (po_ids, gint64, 0), &error);
    g_assert_false (stock_po->drop_ship);
    g_assert_cmpuint (stock_po->lines->len, ==, 1);
    g_assert_cmpint (((BoPoLine *) g_ptr_array_index (stock_po->lines, 0))->product_id, ==,
                     shade_id);
  }

  /* No stock line is added to a drop-ship order. */
  g_assert_false (bo_store_add_po_line (f->store, po, lamp, 1, -1, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
}

/* The supplier confirms: lines count as shipped, by a shipment that moves
 * no stock; the purchase order is received, for the supplier's on-time rate. */
static void
test_drop_ship_confirm (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(BoOrderOutcome) second = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(GPtrArray) shipments = NULL;
  g_autoptr(GPtrArray) movements = NULL;
  g_autoptr(GArray) suppliers = NULL;
  g_autoptr(GArray) revenue = NULL;
  g_autoptr(BoProduct) lamp = NULL;
  g_autoptr(GError) error = NULL;
  gint64 lamp_id = lamp_shop (f), po_id;

  outcome = place (f->store, f->customer, 0, "LAMP", (gint64) 2, "MUG", (gint64) 1, NULL);
  second = place (f->store, f->customer, 0, "LAMP", (gint64) 1, NULL);
  po_id = po_of_line (f, outcome_line (outcome, "LAMP")->line_id);

  /* Nothing of it arrives here. */
  g_assert_false (bo_store_receive_po (f->store, po_id, NULL, 0, FALSE, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_clear_error (&error);
  /* Its customers wait for it: it cannot simply be cancelled. */
  g_assert_false (bo_store_set_po_status (f->store, po_id, BO_PO_CANCELLED, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_clear_error (&error);

  /* Confirmed two days after its expected date. */
  bo_store_set_now (f->store, NOON (7));
  g_assert_true (bo_store_confirm_drop_ship (f->store, po_id, &error));
  g_assert_no_error (error);

  order = bo_store_get_order (f->store, outcome->order_id, &error);
  g_assert_cmpint (order_line (order, "LAMP")->shipped, ==, 2);
  g_assert_cmpint (order_line (order, "LAMP")->backordered, ==, 0);
  g_assert_cmpint (order_line (order, "MUG")->shipped, ==, 0);
  g_assert_cmpint (order_line (order, "MUG")->allocated, ==, 1);
  shipments = bo_store_list_shipments (f->store, outcome->order_id, &error);
  g_assert_cmpuint (shipments->len, ==, 1);
  g_assert_cmpint (((BoShipment *) g_ptr_array_index (shipments, 0))->shipped_at, ==, NOON (7));

  lamp = product (f->store, "LAMP");
  g_assert_cmpint (lamp->on_hand, ==, 0);
  movements = bo_store_list_movements (f->store, lamp_id, &error);
  g_assert_cmpuint (movements->len, ==, 0);

  po = bo_store_get_po (f->store, po_id, &error);
  g_assert_cmpint (po->status, ==, BO_PO_RECEIVED);
  g_assert_cmpint (po->shipped_at, ==, NOON (7));
  suppliers = bo_store_supplier_counts (f->store, &error);
  for (guint i = 0; i < suppliers->len; i++)
    {
      const BoSupplierCounts *c = &g_array_index (suppliers, BoSupplierCounts, i);

      if (c->supplier_id == f->lamps)
        {
          g_assert_cmpint (c->received_lines, ==, 2);
          g_assert_cmpint (c->late_lines, ==, 2);
          g_assert_cmpint (c->days_late, ==, 4);
        }
    }

  /* Delivered: the sale is recognised. */
  revenue = bo_store_revenue_history (f->store, BO_PERIOD_MONTH, julian (2026, 11, 1),
                                      julian (2026, 12, 31), &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (revenue, BoRevenuePoint, 0).revenue, ==, 0);
  g_assert_cmpint (g_array_index (revenue, BoRevenuePoint, 1).revenue, ==, 3 * 8000);
  g_assert_cmpint (g_array_index (revenue, BoRevenuePoint, 1).shipped, ==, 3);

  g_assert_false (bo_store_confirm_drop_ship (f->store, po_id, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_clear_error (&error);
  assert_consistent (f->store);
}

static void
test_drop_ship_confirm_refuses_stock_po (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 mug = add_product (f->store, "MUG", 0, 1200, BO_BACKORDER_ALLOW, FALSE);
  BoQuantity q = { mug, 5 };
  gint64 po_id = 0;

  g_assert_true (bo_store_create_po (f->store, f->mugs, TODAY + 3, &q, NULL, 1, &po_id, &error));
  g_assert_false (bo_store_confirm_drop_ship (f->store, po_id, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "not a drop-ship"));
}

/* A cancelled drop-ship unit comes off the supplier's order; a line
 * cancelled in full leaves it, and an order left empty is cancelled. */
static void
test_drop_ship_cancel (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(BoPurchaseOrder) after = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  gint64 line_id, po_id;

  lamp_shop (f);
  outcome = place (f->store, f->customer, 0, "LAMP", (gint64) 3, NULL);
  line_id = outcome_line (outcome, "LAMP")->line_id;
  po_id = po_of_line (f, line_id);

  g_assert_true (bo_store_cancel_line (f->store, line_id, 1, -1, NULL, &error));
  g_assert_no_error (error);
  po = bo_store_get_po (f->store, po_id, &error);
  g_assert_cmpint (((BoPoLine *) g_ptr_array_index (po->lines, 0))->ordered, ==, 2);
  assert_consistent (f->store);

  g_assert_true (bo_store_cancel_line (f->store, line_id, 2, 0, NULL, &error));
  g_assert_no_error (error);
  after = bo_store_get_po (f->store, po_id, &error);
  g_assert_cmpuint (after->lines->len, ==, 0);
  g_assert_cmpint (after->status, ==, BO_PO_CANCELLED);
  order = bo_store_get_order (f->store, outcome->order_id, &error);
  g_assert_cmpint (order_line (order, "LAMP")->cancelled, ==, 3);
  g_assert_cmpint (order_line (order, "LAMP")->refunded, ==, 8000);
  g_assert_null (order_line (order, "LAMP")->waiting_po);
}

/* The supplier's new date is the customers' new promise. */
static void
test_drop_ship_eta (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GArray) moved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 po_id;

  lamp_shop (f);
  outcome = place (f->store, f->customer, 0, "LAMP", (gint64) 1, NULL);
  po_id = po_of_line (f, outcome_line (outcome, "LAMP")->line_id);
  g_assert_true (bo_store_set_po_eta (f->store, po_id, TODAY + 20, &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (moved->len, ==, 1);
  g_assert_cmpuint (g_array_index (moved, BoPromiseChange, 0).before, ==, TODAY + 5);
  g_assert_cmpuint (g_array_index (moved, BoPromiseChange, 0).after, ==, TODAY + 20);
  g_assert_cmpstr (g_array_index (moved, BoPromiseChange, 0).customer_name, ==, "Ann");
  order = bo_store_get_order (f->store, outcome->order_id, &error);
  g_assert_cmpuint (order_line (order, "LAMP")->promised, ==, TODAY + 20);
  g_assert_cmpuint (order_line (order, "LAMP")->first_promised, ==, TODAY + 5);
}

/* Drop-ship lines are never picked. */
static void
test_drop_ship_not_picked (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GArray) picks = NULL;
  g_autoptr(GError) error = NULL;

  lamp_shop (f);
  outcome = place (f->store, f->customer, 0, "LAMP", (gint64) 1, "MUG", (gint64) 2, NULL);
  picks = bo_store_list_pick_lines (f->store, BO_PICK_UNPACKED, outcome->order_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (picks->len, ==, 1);
  g_assert_cmpstr (g_array_index (picks, BoPickLine, 0).sku, ==, "MUG");
}

/* ---- suggestions ------------------------------------------------------------------ */

/* Two mugs a day for the last 90 days. */
static void
mug_history (Fixture *f,
             gint64   per_day)
{
  for (int day = -90; day < 0; day++)
    {
      g_autoptr(BoOrderOutcome) o = place (f->store, f->other_customer, NOON (day), "MUG",
                                           per_day, NULL);
    }
}

static const BoReorderSuggestion *
suggestion_for (GPtrArray  *rows,
                const char *sku)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const BoReorderSuggestion *s = g_ptr_array_index (rows, i);

      if (g_str_equal (s->sku, sku))
        return s;
    }
  return NULL;
}

static const BoReorderSuggestion *
suggestion (GPtrArray  *rows,
            const char *sku)
{
  const BoReorderSuggestion *s = suggestion_for (rows, sku);

  if (s == NULL)
    g_error ("no suggestion for %s", sku);
  return s;
}

static void
test_daily_demand (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BoOrderOutcome) a = NULL;
  g_autoptr(BoOrderOutcome) b = NULL;
  gint64 mug = add_product (f->store, "MUG", 100, 1200, BO_BACKORDER_ALLOW, FALSE);

  a = place (f->store, f->customer, NOON (-3), "MUG", (gint64) 2, NULL);
  b = place (f->store, f->other_customer, NOON (-3), "MUG", (gint64) 5, NULL);
  g_assert_true (bo_store_cancel_line (f->store, outcome_line (b, "MUG")->line_id, 5, -1, NULL,
                                       &error));
  days = bo_store_daily_demand (f->store, mug, TODAY - 4, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 5);
  g_assert_cmpint (g_array_index (days, gint64, 0), ==, 0);
  /* Cancelled units were demand too. */
  g_assert_cmpint (g_array_index (days, gint64, 1), ==, 7);
  g_assert_cmpint (g_array_index (days, gint64, 4), ==, 0);
}

static void
test_suggest (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) needed = NULL;
  g_autoptr(GPtrArray) low = NULL;
  g_autoptr(GError) error = NULL;
  const BoReorderSuggestion *s;
  gint64 mug = add_product (f->store, "MUG", 400, 1200, BO_BACKORDER_ALLOW, FALSE);
  gint64 plate = add_product (f->store, "PLATE", 3, 900, BO_BACKORDER_ALLOW, FALSE);
  gint64 lamp = add_product (f->store, "LAMP", 0, 8000, BO_BACKORDER_ALLOW, TRUE);

  /* Mugs Ltd is preferred, takes 7 days and sells by 25. */
  link_supplier (f->store, mug, f->mugs, 500, -1, 25, TRUE);
  link_supplier (f->store, lamp, f->lamps, 3000, 5, 1, TRUE);
  mug_history (f, 2);
  /* A plate with a reorder point and no sales. */
  g_assert_true (bo_store_set_reorder_levels (f->store, plate, 5, 10, &error));
  g_assert_no_error (error);

  all = bo_store_suggest_reorders (f->store, 90, 0.95, 30, FALSE, &error);
  g_assert_no_error (error);
  /* Drop-ship products hold no stock: nothing to suggest. */
  g_assert_null (suggestion_for (all, "LAMP"));
  s = suggestion (all, "MUG");
  g_assert_cmpint (s->on_hand, ==, 400 - 0);
  g_assert_cmpint (s->supplier_id, ==, f->mugs);
  g_assert_cmpint (s->lead_days, ==, 7);
  g_assert_cmpint (s->min_order_qty, ==, 25);
  g_assert_true (s->forecast->has_suggestion);
  g_assert_cmpfloat_with_epsilon (s->forecast->stats.mean, 2.0, 1e-12);
  g_assert_cmpint (s->forecast->reorder_point, ==, 14);
  g_assert_cmpint (s->forecast->reorder_qty, ==, 60);
  /* 400 − 180 shipped or allocated… all 180 are allocated: position 220. */
  g_assert_cmpint (s->position, ==, 220);
  g_assert_cmpint (s->promised, ==, 180);
  g_assert_false (s->needs_reorder);

  s = suggestion (all, "PLATE");
  g_assert_false (s->forecast->has_suggestion);
  g_assert_cmpint (s->supplier_id, ==, 0);
  g_assert_true (s->needs_reorder);

  /* The "Needs reorder" list holds every product bo_store_list_low_stock() does. */
  needed = bo_store_suggest_reorders (f->store, 90, 0.95, 30, TRUE, &error);
  low = bo_store_list_low_stock (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (low->len, ==, 1);
  for (guint i = 0; i < low->len; i++)
    g_assert_nonnull (suggestion_for (needed, ((BoProduct *) g_ptr_array_index (low, i))->sku));
  g_assert_null (suggestion_for (needed, "MUG"));

  /* Stock runs low: the mug needs reordering by its suggested point. */
  g_assert_true (bo_store_adjust_stock (f->store, mug, -210, "count", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&needed, g_ptr_array_unref);
  needed = bo_store_suggest_reorders (f->store, 90, 0.95, 30, TRUE, &error);
  s = suggestion (needed, "MUG");
  g_assert_cmpint (s->position, ==, 10);
  /* Up to 2 × 37 = 74, from 10: 64. */
  g_assert_cmpint (s->forecast->order_qty, ==, 64);

  /* Bad options are refused. */
  g_assert_null (bo_store_suggest_reorders (f->store, 0, 0.95, 30, FALSE, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (bo_store_suggest_reorders (f->store, 90, 1.5, 30, FALSE, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
}

/* Apply sets the product's levels with an event; Order adds to a draft. */
static void
test_apply_and_order (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BoReorderSuggestion) s = NULL;
  g_autoptr(BoProduct) mug_after = NULL;
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  gint64 mug = add_product (f->store, "MUG", 200, 1200, BO_BACKORDER_ALLOW, FALSE);
  gint64 lamp = add_product (f->store, "LAMP", 0, 8000, BO_BACKORDER_ALLOW, TRUE);
  gint64 po_id = 0, again = 0;

  link_supplier (f->store, mug, f->mugs, 500, -1, 1, TRUE);
  mug_history (f, 1);
  s = bo_store_suggest_reorder (f->store, mug, 90, 0.95, 30, &error);
  g_assert_no_error (error);
  g_assert_cmpint (s->forecast->reorder_point, ==, 7);
  g_assert_cmpint (s->forecast->reorder_qty, ==, 30);

  g_assert_true (bo_store_set_reorder_levels (f->store, mug, s->forecast->reorder_point,
                                              s->forecast->reorder_qty, &error));
  g_assert_no_error (error);
  mug_after = product (f->store, "MUG");
  g_assert_cmpint (mug_after->reorder_point, ==, 7);
  g_assert_cmpint (mug_after->reorder_qty, ==, 30);
  events = bo_store_list_events (f->store, 1, &error);
  g_assert_cmpstr (((BoEvent *) g_ptr_array_index (events, 0))->kind, ==, "reorder-levels");
  g_assert_cmpstr (((BoEvent *) g_ptr_array_index (events, 0))->subject, ==, "MUG");

  g_assert_false (bo_store_set_reorder_levels (f->store, mug, -1, 3, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (bo_store_order_for_reorder (f->store, mug, f->mugs, 30, &po_id, &error));
  g_assert_no_error (error);
  g_assert_true (bo_store_order_for_reorder (f->store, mug, f->mugs, 5, &again, &error));
  g_assert_cmpint (again, ==, po_id);
  po = bo_store_get_po (f->store, po_id, &error);
  g_assert_cmpint (po->status, ==, BO_PO_DRAFT);
  g_assert_false (po->drop_ship);
  g_assert_cmpuint (po->lines->len, ==, 1);
  g_assert_cmpint (((BoPoLine *) g_ptr_array_index (po->lines, 0))->ordered, ==, 35);
  g_assert_cmpint (((BoPoLine *) g_ptr_array_index (po->lines, 0))->cost, ==, 500);

  g_assert_false (bo_store_order_for_reorder (f->store, mug, f->mugs, 0, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bo_store_order_for_reorder (f->store, lamp, f->lamps, 3, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
}

/* This month last year was a peak: the product is flagged. */
static void
test_suggest_seasonal (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BoReorderSuggestion) s = NULL;
  g_autoptr(GError) error = NULL;
  gint64 mug = add_product (f->store, "MUG", 500, 1200, BO_BACKORDER_ALLOW, FALSE);

  link_supplier (f->store, mug, f->mugs, 500, -1, 1, TRUE);
  mug_history (f, 1);
  /* 3 a day in November 2025. */
  for (int day = 1; day <= 30; day++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (2025, 11, day, 12, 0, 0);
      g_autoptr(BoOrderOutcome) o = place (f->store, f->customer, g_date_time_to_unix (dt), "MUG",
                                           (gint64) 3, NULL);
    }
  s = bo_store_suggest_reorder (f->store, mug, 90, 0.95, 30, &error);
  g_assert_no_error (error);
  g_assert_true (s->forecast->seasonal);
  g_assert_nonnull (strstr (s->forecast->why, "Seasonal"));
}

/* ---- availability --------------------------------------------------------------- */

static const BoAvailability *
availability_for (GPtrArray  *rows,
                  const char *sku)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const BoAvailability *a = g_ptr_array_index (rows, i);

      if (g_str_equal (a->sku, sku))
        return a;
    }
  g_error ("no availability for %s", sku);
}

static GPtrArray *
availability_shop (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoOrderOutcome) o = NULL;
  gint64 soon = add_product (f->store, "SOON", 0, 1000, BO_BACKORDER_ALLOW, FALSE);
  gint64 lamp = add_product (f->store, "LAMP", 0, 8000, BO_BACKORDER_DENY, TRUE);
  BoQuantity first = { soon, 2 }, second = { soon, 10 };
  GPtrArray *rows;

  add_product (f->store, "MUG", 10, 1200, BO_BACKORDER_ALLOW, FALSE);
  add_product (f->store, "GONE", 0, 1000, BO_BACKORDER_DENY, FALSE);
  add_product (f->store, "LATER", 0, 1000, BO_BACKORDER_ALLOW, FALSE);
  add_product (f->store, "MAYBE", 0, 1000, BO_BACKORDER_ALLOW_IF_INCOMING, FALSE);
  link_supplier (f->store, lamp, f->lamps, 3000, 5, 1, TRUE);
  /* 3 SOON are waiting; 2 come on the 3rd of December, 10 on the 10th. */
  o = place (f->store, f->customer, 0, "SOON", (gint64) 3, "MUG", (gint64) 4, NULL);
  g_assert_true (bo_store_create_po (f->store, f->mugs, julian (2026, 12, 3), &first, NULL, 1,
                                     NULL, &error));
  g_assert_true (bo_store_create_po (f->store, f->mugs, julian (2026, 12, 10), &second, NULL, 1,
                                     NULL, &error));
  g_assert_no_error (error);
  rows = bo_store_list_availability (f->store, &error);
  g_assert_no_error (error);
  return rows;
}

static void
test_availability (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = availability_shop (f);
  const BoAvailability *a;
  guint handling = bo_store_get_handling_days (f->store);

  a = availability_for (rows, "MUG");
  g_assert_cmpint (a->state, ==, BO_AVAILABILITY_IN_STOCK);
  g_assert_cmpint (a->on_hand, ==, 10);
  g_assert_cmpint (a->available, ==, 6);
  g_assert_cmpint (a->atp, ==, 6);
  g_assert_cmpstr (a->sentence, ==, "In stock");

  /* The first arrival covers only the waiting orders; the second one is the
   * new order's. */
  a = availability_for (rows, "SOON");
  g_assert_cmpint (a->state, ==, BO_AVAILABILITY_SHIPS_FROM);
  g_assert_cmpint (a->available, ==, 0);
  g_assert_cmpint (a->incoming, ==, 12);
  g_assert_cmpint (a->atp, ==, 9);
  g_assert_cmpuint (a->next_expected, ==, julian (2026, 12, 3));
  g_assert_cmpint (a->next_quantity, ==, 2);
  g_assert_cmpuint (a->ships_from, ==, julian (2026, 12, 10) + handling);
  g_assert_cmpstr (a->sentence, ==, handling == 1 ? "Ships from 11 Dec" : a->sentence);

  a = availability_for (rows, "GONE");
  g_assert_cmpint (a->state, ==, BO_AVAILABILITY_OUT_OF_STOCK);
  g_assert_cmpstr (a->sentence, ==, "Out of stock");
  a = availability_for (rows, "LATER");
  g_assert_cmpint (a->state, ==, BO_AVAILABILITY_BACKORDER);
  g_assert_cmpstr (a->sentence, ==, "Available on backorder");
  a = availability_for (rows, "MAYBE");
  g_assert_cmpint (a->state, ==, BO_AVAILABILITY_OUT_OF_STOCK);

  /* A drop-ship product ships after its supplier's lead time. */
  a = availability_for (rows, "LAMP");
  g_assert_cmpint (a->state, ==, BO_AVAILABILITY_SHIPS_FROM);
  g_assert_cmpuint (a->ships_from, ==, TODAY + 5);
  g_assert_cmpstr (a->sentence, ==, "Ships from 1 Dec");
}

static char *
export (Fixture              *f,
        BoAvailabilityFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "availability.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *text = NULL;

  g_assert_true (bo_availability_write_file (f->store, format, NULL, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  return text;
}

static void
test_availability_export (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = availability_shop (f);
  g_autoptr(BoProduct) tricky = bo_product_new ();
  g_autoptr(BoProduct) from_shopify = bo_product_new ();
  g_autoptr(BoProduct) from_woo = bo_product_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *shopify = NULL;
  g_autofree char *woocommerce = NULL;
  g_autofree char *csv = NULL;
  BoAvailabilityFormat format;

  tricky->sku = g_strdup ("TRICKY");
  tricky->name = g_strdup ("=HYPERLINK(\"http://evil\")");
  tricky->on_hand = 1;
  g_assert_true (bo_store_save_product (f->store, tricky, &error));
  from_shopify->sku = g_strdup ("SHIRT-BLU-XL");
  from_shopify->name = g_strdup ("Shirt - Blue / XL");
  from_shopify->external_ref = g_strdup ("shopify:ocean-shirt/Blue/XL");
  from_shopify->on_hand = 7;
  g_assert_true (bo_store_save_product (f->store, from_shopify, &error));
  from_woo->sku = g_strdup ("WOOLOGO");
  from_woo->name = g_strdup ("Woo Logo");
  from_woo->external_ref = g_strdup ("woocommerce:42");
  g_assert_true (bo_store_save_product (f->store, from_woo, &error));
  g_assert_no_error (error);

  shopify = export (f, BO_AVAILABILITY_FORMAT_SHOPIFY);
  g_assert_true (g_str_has_prefix (shopify, "Handle,Title,Option1 Name,Option1 Value,Option2 Name,"
                                            "Option2 Value,Option3 Name,Option3 Value,SKU,HS Code,"
                                            "COO,Location,Incoming,Unavailable,Committed,Available,"
                                            "On hand\r\n"));
  g_assert_nonnull (strstr (shopify, "\r\nocean-shirt,Shirt - Blue / XL,,Blue,,XL,,,SHIRT-BLU-XL,"
                                     ",,Shop location,0,0,0,7,7\r\n"));
  g_assert_nonnull (strstr (shopify, "\r\nmug,Product MUG,Title,Default Title,,,,,MUG,,,"
                                     "Shop location,0,0,4,6,10\r\n"));
  g_assert_null (strstr (shopify, ",=HYPERLINK"));

  woocommerce = export (f, BO_AVAILABILITY_FORMAT_WOOCOMMERCE);
  g_assert_true (g_str_has_prefix (woocommerce, "ID,SKU,In stock?,Stock,Backorders allowed?,"));
  g_assert_nonnull (strstr (woocommerce, "\r\n42,WOOLOGO,backorder,0,1,"));
  g_assert_nonnull (strstr (woocommerce, "\r\n,GONE,0,0,0,"));
  g_assert_nonnull (strstr (woocommerce, "\r\n,SOON,backorder,0,1,9,2026-12-03,"));
  g_assert_nonnull (strstr (woocommerce, "\r\n,MUG,1,6,1,6,,,In stock\r\n"));

  csv = export (f, BO_AVAILABILITY_FORMAT_CSV);
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbfSKU,Name,On hand,Available now,"
                                        "Available to promise,"));
  g_assert_nonnull (strstr (csv, "\r\nLAMP,Product LAMP,0,0,0,0,,0,2026-12-01,Ships from 1 Dec\r\n"));
  /* A name that a spreadsheet would run is neutralised. */
  g_assert_null (strstr (csv, ",=HYPERLINK"));
  g_assert_nonnull (strstr (csv, "HYPERLINK"));

  g_assert_true (bo_availability_format_from_string ("WooCommerce", &format));
  g_assert_cmpint (format, ==, BO_AVAILABILITY_FORMAT_WOOCOMMERCE);
  g_assert_false (bo_availability_format_from_string ("excel", &format));
}

/* ---- goodwill ---------------------------------------------------------------------- */

static void
test_goodwill (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BoOrderOutcome) waiting = NULL;
  g_autoptr(BoOrderOutcome) shipped_at_once = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GArray) revenue = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  const BoGoodwill *g;
  gint64 id = 0;

  add_product (f->store, "MUG", 1, 1200, BO_BACKORDER_ALLOW, FALSE);
  /* 3 mugs at 12.00, 2 of them backordered: worth 36.00. */
  waiting = place (f->store, f->customer, 0, "MUG", (gint64) 3, NULL);
  add_product (f->store, "TEA", 5, 400, BO_BACKORDER_ALLOW, FALSE);
  shipped_at_once = place (f->store, f->customer, 0, "TEA", (gint64) 1, NULL);

  /* For those who waited only. */
  g_assert_false (bo_store_add_goodwill (f->store, shipped_at_once->order_id, 100, 0, NULL, NULL,
                                         NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "never backordered"));
  g_clear_error (&error);
  /* An amount or a percentage, not both, not neither. */
  g_assert_false (bo_store_add_goodwill (f->store, waiting->order_id, 100, 500, NULL, NULL, NULL,
                                         &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bo_store_add_goodwill (f->store, waiting->order_id, 0, 0, NULL, NULL, NULL,
                                         &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bo_store_add_goodwill (f->store, waiting->order_id, 100, 0, "SORRY 10", NULL,
                                         NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (bo_store_add_goodwill (f->store, waiting->order_id, 500, 0, NULL,
                                        "Sorry for the wait", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* 12.5 % of 36.00 = 4.50. */
  g_assert_true (bo_store_add_goodwill (f->store, waiting->order_id, 0, 1250, " SORRY10 ", NULL,
                                        NULL, &error));
  g_assert_no_error (error);
  /* More than the order is worth in all: refused. */
  g_assert_false (bo_store_add_goodwill (f->store, waiting->order_id, 2700, 0, NULL, NULL, NULL,
                                         &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_clear_error (&error);

  order = bo_store_get_order (f->store, waiting->order_id, &error);
  g_assert_cmpuint (order->goodwill->len, ==, 2);
  g = g_ptr_array_index (order->goodwill, 0);
  g_assert_cmpint (g->amount, ==, 500);
  g_assert_cmpint (g->percent, ==, 0);
  g_assert_cmpstr (g->voucher, ==, "");
  g_assert_cmpstr (g->note, ==, "Sorry for the wait");
  g = g_ptr_array_index (order->goodwill, 1);
  g_assert_cmpint (g->amount, ==, 450);
  g_assert_cmpint (g->percent, ==, 1250);
  g_assert_cmpstr (g->voucher, ==, "SORRY10");

  /* The customer's message says so. */
  g_assert_true (bo_message_for_order (f->store, waiting->order_id, &subject, &body, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (body, "As a thank-you for your patience:\n"));
  g_assert_nonnull (strstr (body, "  • a discount of 5.00 EUR — Sorry for the wait\n"));
  g_assert_nonnull (strstr (body, "  • voucher code SORRY10: 12.5 % off (4.50 EUR)\n"));

  /* And the numbers count it. */
  revenue = bo_store_revenue_history (f->store, BO_PERIOD_YEAR, julian (2026, 1, 1), TODAY,
                                      &error);
  g_assert_cmpint (g_array_index (revenue, BoRevenuePoint, 0).goodwill, ==, 950);
  g_assert_cmpint (g_array_index (revenue, BoRevenuePoint, 0).goodwill_count, ==, 2);
}

/* ---- revenue on delivery ----------------------------------------------------------- */

/* Shipped in November is November's revenue; backordered units are the
 * backlog until they ship in December; a cancellation's refund counts on its
 * day. */
static void
test_revenue (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GArray) quarters = NULL;
  g_autoptr(GError) error = NULL;
  gint64 mug = add_product (f->store, "MUG", 2, 1000, BO_BACKORDER_ALLOW, FALSE);
  const BoRevenuePoint *nov, *dec, *jan;

  outcome = place (f->store, f->customer, NOON (-1), "MUG", (gint64) 5, NULL);
  /* The 2 on hand ship today, 26 November. */
  g_assert_true (bo_store_ship (f->store, outcome->order_id, NULL, 0, NULL, &error));
  g_assert_no_error (error);
  /* The customer cancels 1 on 2 December, refunded 8.00. */
  bo_store_set_now (f->store, NOON (6));
  g_assert_true (bo_store_cancel_line (f->store, outcome_line (outcome, "MUG")->line_id, 1, 800,
                                       NULL, &error));
  /* 2 more arrive and ship on 20 December. */
  bo_store_set_now (f->store, NOON (24));
  g_assert_true (bo_store_adjust_stock (f->store, mug, 2, "found", NULL, &error));
  g_assert_true (bo_store_ship (f->store, outcome->order_id, NULL, 0, NULL, &error));
  g_assert_no_error (error);

  months = bo_store_revenue_history (f->store, BO_PERIOD_MONTH, julian (2026, 11, 1),
                                     julian (2027, 1, 31), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 3);
  nov = &g_array_index (months, BoRevenuePoint, 0);
  dec = &g_array_index (months, BoRevenuePoint, 1);
  jan = &g_array_index (months, BoRevenuePoint, 2);
  g_assert_cmpint (nov->year, ==, 2026);
  g_assert_cmpint (nov->index, ==, 11);
  g_assert_cmpint (nov->revenue, ==, 2000);
  g_assert_cmpint (nov->shipped, ==, 2);
  g_assert_cmpint (nov->backlog, ==, 3000);
  g_assert_cmpint (nov->backlog_units, ==, 3);
  g_assert_cmpint (nov->refunds, ==, 0);
  g_assert_cmpint (dec->revenue, ==, 2000);
  g_assert_cmpint (dec->refunds, ==, 800);
  g_assert_cmpint (dec->cancelled, ==, 1);
  g_assert_cmpint (dec->backlog, ==, 0);
  g_assert_cmpint (jan->revenue, ==, 0);

  quarters = bo_store_revenue_history (f->store, BO_PERIOD_QUARTER, julian (2026, 10, 1),
                                       julian (2026, 12, 31), &error);
  g_assert_cmpuint (quarters->len, ==, 1);
  g_assert_cmpint (g_array_index (quarters, BoRevenuePoint, 0).revenue, ==, 4000);
  g_assert_cmpint (g_array_index (quarters, BoRevenuePoint, 0).refunds, ==, 800);

  /* A range that starts mid-month counts from its first day only. */
  g_clear_pointer (&months, g_array_unref);
  months = bo_store_revenue_history (f->store, BO_PERIOD_MONTH, julian (2026, 12, 15),
                                     julian (2026, 12, 31), &error);
  g_assert_cmpint (g_array_index (months, BoRevenuePoint, 0).revenue, ==, 2000);
  g_assert_cmpint (g_array_index (months, BoRevenuePoint, 0).refunds, ==, 0);

  g_assert_null (bo_store_revenue_history (f->store, BO_PERIOD_MONTH, TODAY, TODAY - 1, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
}

/* The checker catches a drop-ship line that stock was given to, and a
 * cancellation the history does not know. */
static void
test_checker (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  lamp_shop (f);
  outcome = place (f->store, f->customer, 0, "LAMP", (gint64) 2, "MUG", (gint64) 1, NULL);
  assert_consistent (f->store);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE po_lines SET ordered = 1 WHERE order_line_id IS NOT NULL;"
                                     "UPDATE order_lines SET refunded = 100 WHERE drop_ship = 0;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (bo_store_check (f->store, &problems, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INCONSISTENT);
  {
    gboolean drop_ship = FALSE, cancelled = FALSE;

    for (guint i = 0; i < problems->len; i++)
      {
        const char *p = g_ptr_array_index (problems, i);

        drop_ship |= strstr (p, "drop-ship line has 2 units still to come") != NULL;
        cancelled |= strstr (p, "cancellations refunded 0") != NULL;
      }
    g_assert_true (drop_ship);
    g_assert_true (cancelled);
  }
  /* Put it back for the tear-down's check. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "UPDATE po_lines SET ordered = 2 WHERE order_line_id IS NOT NULL;"
                    "UPDATE order_lines SET refunded = 0 WHERE drop_ship = 0;",
                NULL, NULL, NULL);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/planning-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/planning-store/migration-from-v2", test_migration_from_v2);
  ADD ("drop-ship/place", test_drop_ship_place);
  ADD ("drop-ship/ignores-stock", test_drop_ship_ignores_stock);
  ADD ("drop-ship/needs-supplier", test_drop_ship_needs_supplier);
  ADD ("drop-ship/drafts", test_drop_ship_drafts);
  ADD ("drop-ship/confirm", test_drop_ship_confirm);
  ADD ("drop-ship/confirm-refuses-stock-po", test_drop_ship_confirm_refuses_stock_po);
  ADD ("drop-ship/cancel", test_drop_ship_cancel);
  ADD ("drop-ship/eta", test_drop_ship_eta);
  ADD ("drop-ship/not-picked", test_drop_ship_not_picked);
  ADD ("suggest/daily-demand", test_daily_demand);
  ADD ("suggest/list", test_suggest);
  ADD ("suggest/apply-and-order", test_apply_and_order);
  ADD ("suggest/seasonal", test_suggest_seasonal);
  ADD ("availability/list", test_availability);
  ADD ("availability/export", test_availability_export);
  ADD ("goodwill", test_goodwill);
  ADD ("revenue", test_revenue);
  ADD ("checker", test_checker);

  return g_test_run ();
}
