/* test-store.c — the store's operations against the rules of DESIGN.md
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "backorders/bo-error.h"
#include "backorders/bo-store.h"
#include "bo-store-schema.sql.h"

/* 2026-11-26 12:00 in the test's time zone. */
#define NOON(days_from_today) (base_now () + (gint64) (days_from_today) * 86400)

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

static guint32
julian (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("bo-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "shop.db", NULL);
  f->store = bo_store_open (f->path, &error);
  g_assert_no_error (error);
  bo_store_set_now (f->store, NOON (0));
}

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
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (f->store != NULL)
    {
      gboolean ok = bo_store_check (f->store, &problems, &error);
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  g_clear_object (&f->store);
  remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* ---- helpers ---------------------------------------------------------------- */

static gint64
add_product (BoStore           *store,
             const char        *sku,
             gint64             stock,
             gint64             price,
             BoBackorderPolicy  policy)
{
  g_autoptr(BoProduct) p = bo_product_new ();
  g_autoptr(GError) error = NULL;

  p->sku = g_strdup (sku);
  p->name = g_strdup_printf ("Product %s", sku);
  p->on_hand = stock;
  p->price = price;
  p->cost = price / 2;
  p->backorder_policy = policy;
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

/* Places an order of "SKU:QTY" lines at a given time; returns its id. */
static gint64
place (BoStore    *store,
       gint64      customer,
       gint64      placed_at,
       gint        ship_complete,
       const char *first_line,
       ...)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  draft->customer_id = customer;
  draft->placed_at = placed_at;
  draft->ship_complete = ship_complete;
  va_start (args, first_line);
  for (const char *line = first_line; line != NULL; line = va_arg (args, const char *))
    {
      g_auto(GStrv) parts = g_strsplit (line, ":", 2);
      bo_order_draft_add_line (draft, parts[0], g_ascii_strtoll (parts[1], NULL, 10), -1);
    }
  va_end (args);
  g_assert_true (bo_store_place_order (store, draft, FALSE, &outcome, &error));
  g_assert_no_error (error);
  return outcome->order_id;
}

static BoOrderLine *
line_of (BoOrder    *order,
         const char *sku)
{
  for (guint i = 0; i < order->lines->len; i++)
    {
      BoOrderLine *line = g_ptr_array_index (order->lines, i);
      if (g_str_equal (line->sku, sku))
        return line;
    }
  g_assert_not_reached ();
}

static gint64
allocated (BoStore    *store,
           gint64      order_id,
           const char *sku)
{
  g_autoptr(BoOrder) order = bo_store_get_order (store, order_id, NULL);

  if (order == NULL)
    g_error ("order %" G_GINT64_FORMAT " is missing", order_id);
  return line_of (order, sku)->allocated;
}

static gint64
po_for (BoStore *store,
        gint64   supplier,
        guint32  eta,
        gint64   product,
        gint64   quantity)
{
  BoQuantity q = { product, quantity };
  g_autoptr(GError) error = NULL;
  gint64 po = 0;

  bo_store_create_po (store, supplier, eta, &q, NULL, 1, &po, &error);
  g_assert_no_error (error);
  return po;
}

static void
receive_all (BoStore *store,
             gint64   po)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoAllocationResult) result = NULL;

  g_assert_true (bo_store_receive_po (store, po, NULL, 0, FALSE, &result, &error));
  g_assert_no_error (error);
}

static gint64
count_rows (const char *path,
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

/* ---- opening ---------------------------------------------------------------- */

static void
test_open_creates_private_file (Fixture       *f,
                                gconstpointer  data)
{
  struct stat st;

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (count_rows (f->path, "PRAGMA user_version"), ==, BO_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (f->path, "SELECT count (*) FROM pragma_journal_mode "
                               "WHERE journal_mode = 'wal'"), ==, 1);
  /* Every table is STRICT. */
  g_assert_cmpint (count_rows (f->path, "SELECT count (*) FROM pragma_table_list "
                               "WHERE schema = 'main' AND type = 'table' AND strict = 0 "
                               "AND name NOT LIKE 'sqlite_%'"), ==, 0);
}

static void
test_open_bad_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bo-store-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "shop.db", NULL);
  BoStore *store;
  sqlite3 *db;

  g_assert_true (g_file_set_contents (text, "This is a shopping list, not a database.\n"
                                      "Milk, eggs, bread and lots more text to fill a page.",
                                      -1, NULL));
  store = bo_store_open (text, &error);
  g_assert_null (store);
  g_assert_error (error, BO_ERROR, BO_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, text));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  store = bo_store_open (other, &error);
  g_assert_null (store);
  g_assert_error (error, BO_ERROR, BO_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_clear_error (&error);

  store = bo_store_open (missing, &error);
  g_assert_null (store);
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "does not exist"));

  remove_dir (dir);
}

static void
test_open_newer_schema (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  BoStore *store;

  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = bo_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, BO_ERROR, BO_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "newer version"));

  /* Put it back so that tear-down can check the shop. */
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA user_version = " G_STRINGIFY (BO_STORE_SCHEMA_VERSION), NULL, NULL, NULL);
  sqlite3_close (db);
  f->store = bo_store_open (f->path, &error);
  g_assert_no_error (error);
}

/* A shop written by schema version 1, with an open backorder, upgrades: the
 * copy is taken first, data survives, the backlog history starts from the
 * open backorders. */
static void
test_migration_from_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bo-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shop.db", NULL);
  g_autofree char *copy = g_strconcat (path, ".v1.bak", NULL);
  g_autoptr(BoStore) store = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 units = 0;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, bo_store_migrations[0], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA application_id = 1114591090; PRAGMA user_version = 1;"
                                 "INSERT INTO products (id, sku, name, price, on_hand, allocated, "
                                 "  backordered, created_at) VALUES (1, 'MUG-BLU', 'Blue Mug', 1200, "
                                 "  2, 2, 3, 0);"
                                 "INSERT INTO stock_movements (at, product_id, delta, reason) "
                                 "  VALUES (0, 1, 2, 'initial');"
                                 "INSERT INTO customers (id, name, created_at) VALUES (1, 'Ann', 0);"
                                 "INSERT INTO orders (id, number, customer_id, placed_at, placed_date, "
                                 "  line_count, unit_count, bo_lines, bo_units) "
                                 "  VALUES (1, '1001', 1, 0, '2026-11-20', 1, 5, 1, 3);"
                                 "INSERT INTO order_lines (order_id, product_id, ordered, allocated, "
                                 "  backordered_at_placement, unit_price) VALUES (1, 1, 5, 2, 3, 1200);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = bo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (count_rows (copy, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (count_rows (copy, "SELECT count (*) FROM order_lines"), ==, 1);
  g_assert_cmpint (count_rows (path, "PRAGMA user_version"), ==, BO_STORE_SCHEMA_VERSION);

  order = bo_store_find_order (store, "1001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (line_of (order, "MUG-BLU")->backordered, ==, 3);
  g_assert_true (bo_store_backlog (store, NULL, &units, NULL, &error));
  g_assert_cmpint (units, ==, 3);
  g_assert_true (bo_store_check (store, &problems, &error));
  g_assert_no_error (error);

  /* Opening again does not upgrade or copy again. */
  g_unlink (copy);
  g_clear_object (&store);
  store = bo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  g_clear_object (&store);
  remove_dir (dir);
}

static void
test_locked_database (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoProduct) before = NULL;
  sqlite3 *db;

  add_product (f->store, "MUG-BLU", 5, 1200, BO_BACKORDER_ALLOW);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  bo_store_set_busy_timeout (f->store, 50);
  before = bo_store_find_product (f->store, "MUG-BLU", NULL);
  g_assert_false (bo_store_adjust_stock (f->store, before->id, 3, "count", NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "locked"));

  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
}

/* ---- catalogue ---------------------------------------------------------------- */

static void
test_product_validation (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BoProduct) p = bo_product_new ();
  g_autoptr(GError) error = NULL;

  p->sku = g_strdup ("");
  p->name = g_strdup ("Blue Mug");
  g_assert_false (bo_store_save_product (f->store, p, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "SKU"));
  g_clear_error (&error);

  g_free (p->sku);
  p->sku = g_strdup ("MUG-BLU");
  p->price = -5;
  g_assert_false (bo_store_save_product (f->store, p, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "price"));
  g_clear_error (&error);

  p->price = 1200;
  g_assert_true (bo_store_save_product (f->store, p, &error));
  g_assert_no_error (error);

  {
    g_autoptr(BoProduct) twin = bo_product_new ();
    twin->sku = g_strdup ("MUG-BLU");
    twin->name = g_strdup ("Another mug");
    g_assert_false (bo_store_save_product (f->store, twin, &error));
    g_assert_error (error, BO_ERROR, BO_ERROR_CONFLICT);
    g_assert_cmpint (twin->id, ==, 0);
  }
  g_assert_cmpint (bo_store_count_products (f->store, NULL, NULL), ==, 1);
}

static void
test_stock_adjustment (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoAllocationResult) result = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  gint64 mug = add_product (f->store, "MUG-BLU", 2, 1200, BO_BACKORDER_ALLOW);
  gint64 ann = add_customer (f->store, "Ann", 0, FALSE);
  gint64 order = place (f->store, ann, NOON (0), -1, "MUG-BLU:5", NULL);

  /* Allocated stock cannot be counted away. */
  g_assert_false (bo_store_adjust_stock (f->store, mug, -1, "broken", NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_clear_error (&error);

  /* Found stock goes to the waiting order at once. */
  g_assert_true (bo_store_adjust_stock (f->store, mug, 2, "found in back room", &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (allocated (f->store, order, "MUG-BLU"), ==, 4);
  g_assert_cmpuint (result->ready->len, ==, 1);
  g_assert_false (g_array_index (result->ready, BoReadyOrder, 0).complete);

  moves = bo_store_list_movements (f->store, mug, &error);
  g_assert_cmpuint (moves->len, ==, 2);
  g_assert_cmpstr (((BoMovement *) g_ptr_array_index (moves, 0))->reason, ==, "adjustment");
  g_assert_cmpint (((BoMovement *) g_ptr_array_index (moves, 0))->delta, ==, 2);
}

/* ---- placing orders ----------------------------------------------------------- */

static void
test_place_allocates_and_backorders (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(BoProduct) mug = NULL;
  gint64 ann;

  add_product (f->store, "MUG-BLU", 2, 1200, BO_BACKORDER_ALLOW);
  add_product (f->store, "TEE-RED", 10, 2000, BO_BACKORDER_ALLOW);
  ann = add_customer (f->store, "Ann", 0, FALSE);
  order = bo_store_get_order (f->store, place (f->store, ann, NOON (0), -1, "MUG-BLU:3",
                                               "TEE-RED:1", NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (order->number, ==, "1001");
  g_assert_cmpint (line_of (order, "MUG-BLU")->allocated, ==, 2);
  g_assert_cmpint (line_of (order, "MUG-BLU")->backordered, ==, 1);
  g_assert_cmpint (line_of (order, "MUG-BLU")->backordered_at_placement, ==, 1);
  g_assert_cmpint (line_of (order, "TEE-RED")->backordered_at_placement, ==, 0);
  g_assert_cmpint (line_of (order, "MUG-BLU")->unit_price, ==, 1200);
  /* Nothing incoming: the line needs a purchase order. */
  g_assert_cmpuint (line_of (order, "MUG-BLU")->promised, ==, 0);
  g_assert_cmpuint (order->promised, ==, 0);

  mug = bo_store_find_product (f->store, "MUG-BLU", &error);
  g_assert_cmpint (mug->on_hand, ==, 2);
  g_assert_cmpint (mug->allocated, ==, 2);
  g_assert_cmpint (mug->backordered, ==, 1);
}

static void
test_place_deny_refuses_whole_order (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BoProduct) tee = NULL;
  gint64 events_before = count_rows (f->path, "SELECT count (*) FROM events");

  add_product (f->store, "TEE-RED", 10, 2000, BO_BACKORDER_ALLOW);
  add_product (f->store, "MUG-BLU", 2, 1200, BO_BACKORDER_DENY);
  draft->customer_id = add_customer (f->store, "Ann", 0, FALSE);
  bo_order_draft_add_line (draft, "TEE-RED", 4, -1);
  bo_order_draft_add_line (draft, "MUG-BLU", 3, -1);
  events_before = count_rows (f->path, "SELECT count (*) FROM events");

  g_assert_false (bo_store_place_order (f->store, draft, FALSE, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "MUG-BLU"));
  g_assert_nonnull (strstr (error->message, "does not take backorders"));

  /* Nothing of it was written, not even the first line's allocation. */
  tee = bo_store_find_product (f->store, "TEE-RED", NULL);
  g_assert_cmpint (tee->allocated, ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count (*) FROM orders"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count (*) FROM events"), ==, events_before);

  /* What stock covers is accepted. */
  g_array_index (draft->lines, BoLineDraft, 1).quantity = 2;
  g_clear_error (&error);
  g_assert_true (bo_store_place_order (f->store, draft, FALSE, NULL, &error));
  g_assert_no_error (error);
}

static void
test_place_discontinued_refuses (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(BoProduct) p = NULL;
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(GError) error = NULL;

  add_product (f->store, "CAP-BLK", 1, 900, BO_BACKORDER_ALLOW);
  p = bo_store_find_product (f->store, "CAP-BLK", NULL);
  p->discontinued = TRUE;
  g_assert_true (bo_store_save_product (f->store, p, NULL));
  draft->customer_id = add_customer (f->store, "Ann", 0, FALSE);
  bo_order_draft_add_line (draft, "CAP-BLK", 2, -1);
  g_assert_false (bo_store_place_order (f->store, draft, FALSE, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "discontinued"));
}

/* allow-if-incoming accepts what on hand plus incoming, less what is already
 * promised, can cover — and no more. */
static void
test_place_allow_if_incoming (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BoOrderOutcome) outcome = NULL;
  gint64 pin = add_product (f->store, "PIN-YLW", 2, 500, BO_BACKORDER_ALLOW_IF_INCOMING);
  gint64 supplier = add_supplier (f->store, "Pin Factory", 10);
  gint64 ann = add_customer (f->store, "Ann", 0, FALSE);

  /* No purchase order: only the 2 on hand. */
  draft->customer_id = ann;
  bo_order_draft_add_line (draft, "PIN-YLW", 3, -1);
  g_assert_false (bo_store_place_order (f->store, draft, FALSE, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "only 2"));
  g_clear_error (&error);

  /* 5 incoming with an ETA: 7 can be promised. */
  po_for (f->store, supplier, julian (2026, 12, 4), pin, 5);
  g_assert_true (bo_store_place_order (f->store, draft, FALSE, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (outcome->lines, BoLineOutcome, 0).allocated, ==, 2);
  g_assert_cmpint (g_array_index (outcome->lines, BoLineOutcome, 0).backordered, ==, 1);
  /* ETA 4 Dec + 1 handling day. */
  g_assert_cmpuint (g_array_index (outcome->lines, BoLineOutcome, 0).promised, ==,
                    julian (2026, 12, 5));

  /* 4 left to promise. */
  g_array_index (draft->lines, BoLineDraft, 0).quantity = 5;
  g_assert_false (bo_store_place_order (f->store, draft, FALSE, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_clear_error (&error);
  g_array_index (draft->lines, BoLineDraft, 0).quantity = 4;
  g_assert_true (bo_store_place_order (f->store, draft, FALSE, NULL, &error));
  g_assert_no_error (error);
}

static void
test_place_preview_writes_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(BoOrderOutcome) real = NULL;
  g_autoptr(GError) error = NULL;

  add_product (f->store, "MUG-BLU", 2, 1200, BO_BACKORDER_ALLOW);
  draft->customer_id = add_customer (f->store, "Ann", 0, FALSE);
  bo_order_draft_add_line (draft, "MUG-BLU", 3, -1);
  g_assert_true (bo_store_place_order (f->store, draft, TRUE, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome->order_id, ==, 0);
  g_assert_cmpint (g_array_index (outcome->lines, BoLineOutcome, 0).allocated, ==, 2);
  g_assert_cmpint (g_array_index (outcome->lines, BoLineOutcome, 0).backordered, ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count (*) FROM orders"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT allocated FROM products"), ==, 0);

  /* The preview did not use up the order number. */
  g_assert_true (bo_store_place_order (f->store, draft, FALSE, &real, &error));
  g_assert_cmpstr (real->number, ==, outcome->number);
}

static void
test_place_bad_input (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(GError) error = NULL;

  add_product (f->store, "MUG-BLU", 2, 1200, BO_BACKORDER_ALLOW);
  draft->customer_id = add_customer (f->store, "Ann", 0, FALSE);
  g_assert_false (bo_store_place_order (f->store, draft, FALSE, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_clear_error (&error);

  bo_order_draft_add_line (draft, "MUG-BLU", 1, -1);
  bo_order_draft_add_line (draft, "NOPE-1", 1, -1);
  g_assert_false (bo_store_place_order (f->store, draft, FALSE, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_assert_nonnull (strstr (error->message, "NOPE-1"));
  g_clear_error (&error);

  g_array_set_size (draft->lines, 1);
  g_array_index (draft->lines, BoLineDraft, 0).quantity = 0;
  g_assert_false (bo_store_place_order (f->store, draft, FALSE, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "quantity"));
  g_assert_cmpint (count_rows (f->path, "SELECT count (*) FROM orders"), ==, 0);
}

/* ---- allocation through the store ----------------------------------------------- */

/* The classic case of DESIGN.md: 3 units arrive; A ordered 3, then B 1, then C 1. */
static void
check_worked_example (Fixture    *f,
                      const char *policy,
                      gint64      a,
                      gint64      b,
                      gint64      c)
{
  g_autoptr(GError) error = NULL;
  gint64 mug = add_product (f->store, "MUG-BLU", 0, 1200, BO_BACKORDER_ALLOW);
  gint64 supplier = add_supplier (f->store, "Nordic Ceramics", 10);
  gint64 order_a = place (f->store, add_customer (f->store, "A", 0, FALSE), NOON (-3), -1,
                          "MUG-BLU:3", NULL);
  gint64 order_b = place (f->store, add_customer (f->store, "B", 0, FALSE), NOON (-2), -1,
                          "MUG-BLU:1", NULL);
  gint64 order_c = place (f->store, add_customer (f->store, "C", 0, FALSE), NOON (-1), -1,
                          "MUG-BLU:1", NULL);

  g_assert_true (bo_store_set_setting (f->store, "allocation-policy", policy, &error));
  receive_all (f->store, po_for (f->store, supplier, julian (2026, 12, 1), mug, 3));
  g_assert_cmpint (allocated (f->store, order_a, "MUG-BLU"), ==, a);
  g_assert_cmpint (allocated (f->store, order_b, "MUG-BLU"), ==, b);
  g_assert_cmpint (allocated (f->store, order_c, "MUG-BLU"), ==, c);
}

static void
test_worked_example_fifo (Fixture *f, gconstpointer data)
{
  check_worked_example (f, "fifo", 3, 0, 0);
}

static void
test_worked_example_fair_share (Fixture *f, gconstpointer data)
{
  check_worked_example (f, "fair-share", 1, 1, 1);
}

static void
test_worked_example_pro_rata (Fixture *f, gconstpointer data)
{
  check_worked_example (f, "pro-rata", 2, 1, 0);
}

static void
test_tier_served_first (Fixture       *f,
                        gconstpointer  data)
{
  gint64 mug = add_product (f->store, "MUG-BLU", 0, 1200, BO_BACKORDER_ALLOW);
  gint64 supplier = add_supplier (f->store, "Nordic Ceramics", 10);
  gint64 early = place (f->store, add_customer (f->store, "Early", 0, FALSE), NOON (-5), -1,
                        "MUG-BLU:2", NULL);
  gint64 vip = place (f->store, add_customer (f->store, "Vip", 2, FALSE), NOON (-1), -1,
                      "MUG-BLU:2", NULL);

  receive_all (f->store, po_for (f->store, supplier, julian (2026, 12, 1), mug, 3));
  g_assert_cmpint (allocated (f->store, vip, "MUG-BLU"), ==, 2);
  g_assert_cmpint (allocated (f->store, early, "MUG-BLU"), ==, 1);
}

/* A ship-complete order takes stock only when every line can be covered;
 * supply arriving for any of its products re-examines the whole order. */
static void
test_ship_complete_across_products (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoOrder) order = NULL;
  gint64 mug = add_product (f->store, "MUG-BLU", 1, 1200, BO_BACKORDER_ALLOW);
  gint64 tee = add_product (f->store, "TEE-RED", 0, 2000, BO_BACKORDER_ALLOW);
  gint64 supplier = add_supplier (f->store, "Cotton & Co", 10);
  gint64 sc = place (f->store, add_customer (f->store, "Whole", 0, TRUE), NOON (-2), -1,
                     "MUG-BLU:1", "TEE-RED:1", NULL);
  gint64 later = 0;

  /* Held: the mug stays free although it is on the shelf. */
  order = bo_store_get_order (f->store, sc, &error);
  g_assert_true (order->ship_complete);
  g_assert_cmpint (line_of (order, "MUG-BLU")->allocated, ==, 0);
  g_assert_nonnull (strstr (line_of (order, "MUG-BLU")->reason, "TEE-RED"));

  /* The stock passes to the next in line. */
  later = place (f->store, add_customer (f->store, "Next", 0, FALSE), NOON (-1), -1, "MUG-BLU:1",
                 NULL);
  g_assert_cmpint (allocated (f->store, later, "MUG-BLU"), ==, 1);

  /* Shirts arrive, but the mug is gone: still held. */
  receive_all (f->store, po_for (f->store, supplier, julian (2026, 12, 1), tee, 1));
  g_assert_cmpint (allocated (f->store, sc, "TEE-RED"), ==, 0);

  /* A mug arrives: the whole order is covered at once. */
  receive_all (f->store, po_for (f->store, supplier, julian (2026, 12, 1), mug, 1));
  g_assert_cmpint (allocated (f->store, sc, "MUG-BLU"), ==, 1);
  g_assert_cmpint (allocated (f->store, sc, "TEE-RED"), ==, 1);
}

/* A new order of a higher tier never takes what an earlier order holds. */
static void
test_allocations_never_taken_away (Fixture       *f,
                                   gconstpointer  data)
{
  gint64 first;

  add_product (f->store, "MUG-BLU", 2, 1200, BO_BACKORDER_ALLOW);
  first = place (f->store, add_customer (f->store, "First", 0, FALSE), NOON (-1), -1, "MUG-BLU:2",
                 NULL);
  place (f->store, add_customer (f->store, "Vip", 9, FALSE), NOON (0), -1, "MUG-BLU:2", NULL);
  g_assert_cmpint (allocated (f->store, first, "MUG-BLU"), ==, 2);
}

/* ---- shipping and cancelling ----------------------------------------------------- */

static void
test_partial_shipment (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(BoProduct) mug = NULL;
  g_autoptr(GPtrArray) shipments = NULL;
  gint64 id, shipment = 0;
  BoQuantity q;

  add_product (f->store, "MUG-BLU", 3, 1200, BO_BACKORDER_ALLOW);
  id = place (f->store, add_customer (f->store, "Ann", 0, FALSE), NOON (0), -1, "MUG-BLU:5", NULL);
  order = bo_store_get_order (f->store, id, NULL);
  q.line_id = line_of (order, "MUG-BLU")->id;

  q.quantity = 4;
  g_assert_false (bo_store_create_shipment (f->store, id, &q, 1, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_clear_error (&error);

  q.quantity = 2;
  g_assert_true (bo_store_create_shipment (f->store, id, &q, 1, &shipment, &error));
  g_assert_no_error (error);
  g_assert_true (bo_store_mark_shipped (f->store, shipment, &error));
  g_assert_no_error (error);
  g_assert_false (bo_store_mark_shipped (f->store, shipment, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_clear_error (&error);

  g_clear_pointer (&order, bo_order_free);
  order = bo_store_get_order (f->store, id, NULL);
  g_assert_cmpint (line_of (order, "MUG-BLU")->shipped, ==, 2);
  g_assert_cmpint (line_of (order, "MUG-BLU")->allocated, ==, 1);
  g_assert_cmpint (line_of (order, "MUG-BLU")->backordered, ==, 2);
  mug = bo_store_find_product (f->store, "MUG-BLU", NULL);
  g_assert_cmpint (mug->on_hand, ==, 1);
  g_assert_cmpint (mug->allocated, ==, 1);

  /* The rest of the allocation by default. */
  g_assert_true (bo_store_create_shipment (f->store, id, NULL, 0, &shipment, &error));
  shipments = bo_store_list_shipments (f->store, id, &error);
  g_assert_cmpuint (shipments->len, ==, 2);
  g_assert_cmpint (g_array_index (((BoShipment *) g_ptr_array_index (shipments, 1))->lines,
                                  BoShipmentLine, 0).quantity, ==, 1);
  g_assert_cmpint (((BoShipment *) g_ptr_array_index (shipments, 1))->shipped_at, ==, 0);
  g_assert_true (bo_store_cancel_shipment (f->store, shipment, &error));
  g_assert_no_error (error);
}

/* Cancelling takes backordered units first, then allocated ones; shipped
 * units cannot be cancelled; freed stock goes to the next in line. */
static void
test_cancel_order_of_taking (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(BoAllocationResult) result = NULL;
  gint64 first, next, line, shipment;

  add_product (f->store, "MUG-BLU", 4, 1200, BO_BACKORDER_ALLOW);
  first = place (f->store, add_customer (f->store, "Ann", 0, FALSE), NOON (-1), -1, "MUG-BLU:6",
                 NULL);
  next = place (f->store, add_customer (f->store, "Bob", 0, FALSE), NOON (0), -1, "MUG-BLU:2", NULL);
  order = bo_store_get_order (f->store, first, NULL);
  line = line_of (order, "MUG-BLU")->id;
  g_assert_true (bo_store_create_shipment (f->store, first, &(BoQuantity) { line, 1 }, 1, &shipment,
                                           &error));
  g_assert_true (bo_store_mark_shipped (f->store, shipment, &error));
  /* Ann: 6 ordered, 1 shipped, 3 allocated, 2 backordered. */

  g_assert_true (bo_store_cancel_line (f->store, line, 1, -1, &result, &error));
  g_assert_no_error (error);
  g_clear_pointer (&order, bo_order_free);
  order = bo_store_get_order (f->store, first, NULL);
  g_assert_cmpint (line_of (order, "MUG-BLU")->backordered, ==, 1);
  g_assert_cmpint (line_of (order, "MUG-BLU")->allocated, ==, 3);
  g_assert_cmpint (line_of (order, "MUG-BLU")->refunded, ==, 1200);
  g_assert_cmpuint (result->ready->len, ==, 0);
  g_clear_pointer (&result, bo_allocation_result_free);

  /* 3 more: the last backordered unit, then 2 allocated ones, which go to Bob. */
  g_assert_true (bo_store_cancel_line (f->store, line, 3, 0, &result, &error));
  g_assert_no_error (error);
  g_clear_pointer (&order, bo_order_free);
  order = bo_store_get_order (f->store, first, NULL);
  g_assert_cmpint (line_of (order, "MUG-BLU")->backordered, ==, 0);
  g_assert_cmpint (line_of (order, "MUG-BLU")->allocated, ==, 1);
  g_assert_cmpint (line_of (order, "MUG-BLU")->cancelled, ==, 4);
  g_assert_cmpint (allocated (f->store, next, "MUG-BLU"), ==, 2);
  g_assert_cmpuint (result->ready->len, ==, 1);
  g_assert_true (g_array_index (result->ready, BoReadyOrder, 0).complete);

  /* 2 left to cancel but only 1 unshipped. */
  g_assert_false (bo_store_cancel_line (f->store, line, 2, -1, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "return"));
}

/* ---- purchasing and promises ------------------------------------------------------ */

static void
test_promises_follow_eta (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) moved = NULL;
  g_autoptr(BoOrder) order = NULL;
  gint64 mug = add_product (f->store, "MUG-BLU", 0, 1200, BO_BACKORDER_ALLOW);
  gint64 supplier = add_supplier (f->store, "Nordic Ceramics", 10);
  gint64 ann = add_customer (f->store, "Ann", 0, FALSE);
  gint64 a = place (f->store, ann, NOON (-2), -1, "MUG-BLU:2", NULL);
  gint64 b = place (f->store, ann, NOON (-1), -1, "MUG-BLU:2", NULL);
  gint64 first_po = po_for (f->store, supplier, julian (2026, 12, 3), mug, 3);
  gint64 second_po = po_for (f->store, supplier, julian (2026, 12, 10), mug, 5);

  g_assert_true (bo_store_set_setting (f->store, "handling-days", "2", &error));
  g_assert_true (bo_store_refresh_promises (f->store, NULL, &error));
  /* FIFO pegging: A is complete with the first arrival, B needs the second. */
  order = bo_store_get_order (f->store, a, NULL);
  g_assert_cmpuint (line_of (order, "MUG-BLU")->promised, ==, julian (2026, 12, 5));
  g_assert_nonnull (line_of (order, "MUG-BLU")->waiting_po);
  g_clear_pointer (&order, bo_order_free);
  order = bo_store_get_order (f->store, b, NULL);
  g_assert_cmpuint (line_of (order, "MUG-BLU")->promised, ==, julian (2026, 12, 12));

  /* The second PO slips a week: only B's promise moves. */
  g_assert_true (bo_store_set_po_eta (f->store, second_po, julian (2026, 12, 17), &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (moved->len, ==, 1);
  g_assert_cmpint (g_array_index (moved, BoPromiseChange, 0).order_id, ==, b);
  g_assert_cmpuint (g_array_index (moved, BoPromiseChange, 0).before, ==, julian (2026, 12, 12));
  g_assert_cmpuint (g_array_index (moved, BoPromiseChange, 0).after, ==, julian (2026, 12, 19));

  /* Cancelling the first PO leaves A waiting on the second one. */
  g_assert_true (bo_store_set_po_status (f->store, first_po, BO_PO_CANCELLED, &error));
  g_clear_pointer (&order, bo_order_free);
  order = bo_store_get_order (f->store, a, NULL);
  g_assert_cmpuint (line_of (order, "MUG-BLU")->promised, ==, julian (2026, 12, 19));
  /* The first promise is kept for the on-time rate: given with one handling
   * day, before the setting changed to two. */
  g_assert_cmpuint (line_of (order, "MUG-BLU")->first_promised, ==, julian (2026, 12, 4));
}

static void
test_receive_partial_and_preview (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoAllocationResult) preview = NULL;
  g_autoptr(BoAllocationResult) result = NULL;
  g_autoptr(BoPurchaseOrder) po = NULL;
  gint64 mug = add_product (f->store, "MUG-BLU", 0, 1200, BO_BACKORDER_ALLOW);
  gint64 supplier = add_supplier (f->store, "Nordic Ceramics", 10);
  gint64 a = place (f->store, add_customer (f->store, "Ann", 0, FALSE), NOON (-2), -1, "MUG-BLU:2",
                    NULL);
  gint64 po_id = po_for (f->store, supplier, julian (2026, 12, 3), mug, 5);
  BoQuantity q;

  po = bo_store_get_po (f->store, po_id, NULL);
  q.line_id = ((BoPoLine *) g_ptr_array_index (po->lines, 0))->id;
  q.quantity = 1;

  g_assert_true (bo_store_receive_po (f->store, po_id, &q, 1, TRUE, &preview, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (preview->changes->len, ==, 1);
  g_assert_cmpint (g_array_index (preview->changes, BoAllocationChange, 0).after, ==, 1);
  g_assert_nonnull (g_array_index (preview->changes, BoAllocationChange, 0).reason);
  g_assert_cmpint (allocated (f->store, a, "MUG-BLU"), ==, 0);

  q.quantity = 6;
  g_assert_false (bo_store_receive_po (f->store, po_id, &q, 1, FALSE, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_clear_error (&error);

  q.quantity = 1;
  g_assert_true (bo_store_receive_po (f->store, po_id, &q, 1, FALSE, &result, &error));
  g_assert_cmpint (allocated (f->store, a, "MUG-BLU"), ==, 1);
  g_assert_cmpuint (result->ready->len, ==, 1);
  g_assert_false (g_array_index (result->ready, BoReadyOrder, 0).complete);
  g_clear_pointer (&po, bo_purchase_order_free);
  po = bo_store_get_po (f->store, po_id, NULL);
  g_assert_cmpint (po->status, ==, BO_PO_PARTIAL);

  receive_all (f->store, po_id);
  g_clear_pointer (&po, bo_purchase_order_free);
  po = bo_store_get_po (f->store, po_id, NULL);
  g_assert_cmpint (po->status, ==, BO_PO_RECEIVED);
  g_assert_cmpint (allocated (f->store, a, "MUG-BLU"), ==, 2);
  g_assert_false (bo_store_receive_po (f->store, po_id, NULL, 0, FALSE, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
}

static void
test_draft_purchase_orders (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) po_ids = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GArray) again = NULL;
  g_autoptr(BoPurchaseOrder) po = NULL;
  gint64 mug = add_product (f->store, "MUG-BLU", 0, 1200, BO_BACKORDER_ALLOW);
  gint64 tee = add_product (f->store, "TEE-RED", 0, 2000, BO_BACKORDER_ALLOW);
  gint64 cheap = add_supplier (f->store, "Cheap", 30);
  gint64 fast = add_supplier (f->store, "Fast", 3);
  gint64 ann = add_customer (f->store, "Ann", 0, FALSE);
  BoProductSupplier link = { 0 };

  add_product (f->store, "CAP-BLK", 0, 900, BO_BACKORDER_ALLOW);
  place (f->store, ann, NOON (-1), -1, "MUG-BLU:3", "TEE-RED:2", "CAP-BLK:1", NULL);

  link.product_id = mug;
  link.supplier_id = cheap;
  link.cost = 400;
  link.lead_days = -1;
  link.min_order_qty = 10;
  g_assert_true (bo_store_link_supplier (f->store, &link, &error));
  link.supplier_id = fast;
  link.cost = 600;
  link.min_order_qty = 1;
  g_assert_true (bo_store_link_supplier (f->store, &link, &error));
  link.product_id = tee;
  link.supplier_id = fast;
  link.preferred = TRUE;
  g_assert_true (bo_store_link_supplier (f->store, &link, &error));
  g_assert_no_error (error);

  /* Cheapest for the mug (at least its minimum of 10), the preferred one for the shirt. */
  g_assert_true (bo_store_draft_pos (f->store, NULL, 0, &po_ids, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (po_ids->len, ==, 2);
  g_assert_cmpuint (skipped->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 0), "CAP-BLK"));
  po = bo_store_get_po (f->store, g_array_index (po_ids, gint64, 0), NULL);
  g_assert_cmpint (po->supplier_id, ==, cheap);
  g_assert_cmpint (po->status, ==, BO_PO_DRAFT);
  g_assert_cmpint (((BoPoLine *) g_ptr_array_index (po->lines, 0))->ordered, ==, 10);
  g_assert_cmpint (((BoPoLine *) g_ptr_array_index (po->lines, 0))->cost, ==, 400);
  g_clear_pointer (&po, bo_purchase_order_free);
  po = bo_store_get_po (f->store, g_array_index (po_ids, gint64, 1), NULL);
  g_assert_cmpint (po->supplier_id, ==, fast);
  g_assert_cmpint (((BoPoLine *) g_ptr_array_index (po->lines, 0))->ordered, ==, 2);

  /* Drafting again orders nothing twice. */
  g_clear_pointer (&skipped, g_ptr_array_unref);
  g_assert_true (bo_store_draft_pos (f->store, NULL, 0, &again, &skipped, &error));
  g_assert_cmpuint (again->len, ==, 0);
  g_assert_cmpuint (skipped->len, ==, 3);

  /* The fastest supplier when the shop says so. */
  g_assert_true (bo_store_set_setting (f->store, "supplier-choice", "fastest", &error));
  place (f->store, ann, NOON (0), -1, "MUG-BLU:20", NULL);
  g_clear_pointer (&again, g_array_unref);
  g_assert_true (bo_store_draft_pos (f->store, NULL, 0, &again, NULL, &error));
  g_assert_cmpuint (again->len, ==, 1);
  g_clear_pointer (&po, bo_purchase_order_free);
  po = bo_store_get_po (f->store, g_array_index (again, gint64, 0), NULL);
  g_assert_cmpint (po->supplier_id, ==, fast);
}

/* A product at its reorder point is low on stock and gets ordered back above
 * it, at least its reorder quantity; an open purchase order ends both. */
static void
test_reorder_point (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) low = NULL;
  g_autoptr(GArray) po_ids = NULL;
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(BoProduct) candle = bo_product_new ();
  gint64 supplier = add_supplier (f->store, "Wax Works", 5);
  BoProductSupplier link = { 0 };

  candle->sku = g_strdup ("CNDL-OAT");
  candle->name = g_strdup ("Oat Candle");
  candle->on_hand = 6;
  candle->reorder_point = 4;
  candle->reorder_qty = 10;
  g_assert_true (bo_store_save_product (f->store, candle, &error));
  link.product_id = candle->id;
  link.supplier_id = supplier;
  link.cost = -1;
  link.lead_days = -1;
  link.min_order_qty = 1;
  g_assert_true (bo_store_link_supplier (f->store, &link, &error));

  low = bo_store_list_low_stock (f->store, &error);
  g_assert_cmpuint (low->len, ==, 0);
  g_clear_pointer (&low, g_ptr_array_unref);

  /* 3 sold: 3 left, at or below the point of 4. */
  place (f->store, add_customer (f->store, "Ann", 0, FALSE), NOON (0), -1, "CNDL-OAT:3", NULL);
  low = bo_store_list_low_stock (f->store, &error);
  g_assert_cmpuint (low->len, ==, 1);
  g_assert_cmpstr (((BoProduct *) g_ptr_array_index (low, 0))->sku, ==, "CNDL-OAT");
  g_clear_pointer (&low, g_ptr_array_unref);

  g_assert_true (bo_store_draft_pos (f->store, NULL, 0, &po_ids, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (po_ids->len, ==, 1);
  po = bo_store_get_po (f->store, g_array_index (po_ids, gint64, 0), NULL);
  g_assert_cmpint (((BoPoLine *) g_ptr_array_index (po->lines, 0))->ordered, ==, 10);

  /* On order now: no longer low. */
  low = bo_store_list_low_stock (f->store, &error);
  g_assert_cmpuint (low->len, ==, 0);
}

/* The supplier list pages, searches and sorts in the store, with each
 * supplier's delivery record. */
static void
test_supplier_page (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GArray) counts = NULL;
  gint64 mug = add_product (f->store, "MUG-BLU", 0, 1200, BO_BACKORDER_ALLOW);
  gint64 late = add_supplier (f->store, "Late Ltd", 10);
  gint64 prompt = add_supplier (f->store, "Prompt Ltd", 10);
  g_autoptr(BoSupplier) other = bo_supplier_new ();

  other->name = g_strdup ("Zeta Co");
  other->email = g_strdup ("orders@zeta.example");
  g_assert_true (bo_store_save_supplier (f->store, other, &error));

  /* Late Ltd delivers 3 days after its ETA, Prompt Ltd on it. */
  bo_store_set_now (f->store, NOON (-10));
  receive_all (f->store, po_for (f->store, late, julian (2026, 11, 13), mug, 1));
  receive_all (f->store, po_for (f->store, prompt, julian (2026, 11, 16), mug, 1));
  bo_store_set_now (f->store, NOON (0));

  g_assert_cmpint (bo_store_count_suppliers (f->store, NULL, &error), ==, 3);
  g_assert_cmpint (bo_store_count_suppliers (f->store, "zeta.example", &error), ==, 1);

  page = bo_store_list_suppliers_page (f->store, NULL, "-on-time", 0, 2, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpstr (((BoSupplier *) g_ptr_array_index (page, 0))->name, ==, "Prompt Ltd");
  g_assert_cmpint (g_array_index (counts, BoSupplierCounts, 0).on_time_lines, ==, 1);
  g_assert_cmpstr (((BoSupplier *) g_ptr_array_index (page, 1))->name, ==, "Late Ltd");
  g_assert_cmpint (g_array_index (counts, BoSupplierCounts, 1).days_late, ==, 3);
  g_clear_pointer (&page, g_ptr_array_unref);
  g_clear_pointer (&counts, g_array_unref);

  /* The third, never delivered, comes last on its own page. */
  page = bo_store_list_suppliers_page (f->store, NULL, "-on-time", 2, 2, &counts, &error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpstr (((BoSupplier *) g_ptr_array_index (page, 0))->name, ==, "Zeta Co");
  g_assert_cmpint (g_array_index (counts, BoSupplierCounts, 0).received_lines, ==, 0);
}

/* ---- re-plan ------------------------------------------------------------------------ */

static void
test_replan_preview_and_apply (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoAllocationResult) preview = NULL;
  g_autoptr(BoAllocationResult) applied = NULL;
  g_autofree char *policy = NULL;
  gint64 mug = add_product (f->store, "MUG-BLU", 0, 1200, BO_BACKORDER_ALLOW);
  gint64 supplier = add_supplier (f->store, "Nordic Ceramics", 10);
  gint64 a = place (f->store, add_customer (f->store, "A", 0, FALSE), NOON (-3), -1, "MUG-BLU:3",
                    NULL);
  gint64 b = place (f->store, add_customer (f->store, "B", 0, FALSE), NOON (-2), -1, "MUG-BLU:1",
                    NULL);
  gint64 c = place (f->store, add_customer (f->store, "C", 0, FALSE), NOON (-1), -1, "MUG-BLU:1",
                    NULL);

  receive_all (f->store, po_for (f->store, supplier, julian (2026, 12, 1), mug, 3));
  g_assert_cmpint (allocated (f->store, a, "MUG-BLU"), ==, 3);

  g_assert_true (bo_store_replan (f->store, BO_POLICY_FAIR_SHARE, FALSE, &preview, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (preview->changes->len, ==, 3);
  g_assert_cmpint (allocated (f->store, a, "MUG-BLU"), ==, 3);
  policy = bo_store_get_setting (f->store, "allocation-policy");
  g_assert_cmpstr (policy, ==, "fifo");

  g_assert_true (bo_store_replan (f->store, BO_POLICY_FAIR_SHARE, TRUE, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpint (allocated (f->store, a, "MUG-BLU"), ==, 1);
  g_assert_cmpint (allocated (f->store, b, "MUG-BLU"), ==, 1);
  g_assert_cmpint (allocated (f->store, c, "MUG-BLU"), ==, 1);
  g_assert_cmpint (bo_store_get_policy (f->store), ==, BO_POLICY_FAIR_SHARE);
}

/* Units packed in a shipment that has not left are not moved by a re-plan. */
static void
test_replan_keeps_packed (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 mug = add_product (f->store, "MUG-BLU", 0, 1200, BO_BACKORDER_ALLOW);
  gint64 supplier = add_supplier (f->store, "Nordic Ceramics", 10);
  gint64 a = place (f->store, add_customer (f->store, "A", 0, FALSE), NOON (-3), -1, "MUG-BLU:3",
                    NULL);
  gint64 b = place (f->store, add_customer (f->store, "B", 0, FALSE), NOON (-2), -1, "MUG-BLU:1",
                    NULL);

  receive_all (f->store, po_for (f->store, supplier, julian (2026, 12, 1), mug, 3));
  g_assert_true (bo_store_create_shipment (f->store, a, NULL, 0, NULL, &error));
  g_assert_true (bo_store_replan (f->store, BO_POLICY_FAIR_SHARE, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (allocated (f->store, a, "MUG-BLU"), ==, 3);
  g_assert_cmpint (allocated (f->store, b, "MUG-BLU"), ==, 0);
}

/* ---- history and integrity ------------------------------------------------------------ */

static void
test_every_change_leaves_history (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) events = NULL;
  gint64 before;

  add_product (f->store, "MUG-BLU", 2, 1200, BO_BACKORDER_ALLOW);
  before = count_rows (f->path, "SELECT count (*) FROM events");
  place (f->store, add_customer (f->store, "Ann", 0, FALSE), NOON (0), -1, "MUG-BLU:3", NULL);
  g_assert_cmpint (count_rows (f->path, "SELECT count (*) FROM events"), ==, before + 2);
  events = bo_store_list_events (f->store, 1, NULL);
  g_assert_cmpstr (((BoEvent *) g_ptr_array_index (events, 0))->kind, ==, "order-placed");
  g_assert_cmpint (count_rows (f->path, "SELECT sum (units) FROM backlog_movements"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT sum (delta) FROM stock_movements"), ==, 2);
}

static void
test_checker_finds_tampering (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3 *db;

  add_product (f->store, "MUG-BLU", 2, 1200, BO_BACKORDER_ALLOW);
  place (f->store, add_customer (f->store, "Ann", 0, FALSE), NOON (0), -1, "MUG-BLU:3", NULL);
  g_assert_true (bo_store_check (f->store, NULL, &error));

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE products SET on_hand = 7", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (bo_store_check (f->store, &problems, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INCONSISTENT);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "MUG-BLU"));

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "UPDATE products SET on_hand = 2", NULL, NULL, NULL);
  sqlite3_close (db);
}

static void
test_demo_is_consistent (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 lines = 0, units = 0;
  guint32 today = julian (2026, 11, 26);

  g_assert_true (bo_store_generate_demo (f->store, BO_DEMO_SMALL, 7, today, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bo_store_get_today (f->store), ==, today);
  g_assert_cmpint (bo_store_count_products (f->store, NULL, NULL), >=, 30);
  g_assert_cmpint (bo_store_count_orders (f->store, BO_ORDER_FILTER_ALL, NULL, NULL), >=, 300);
  g_assert_true (bo_store_backlog (f->store, &lines, &units, NULL, &error));
  g_assert_cmpint (lines, >, 0);
  g_assert_cmpint (bo_store_count_orders (f->store, BO_ORDER_FILTER_READY, NULL, NULL), >, 0);

  /* A second sample into the same shop is refused. */
  g_assert_false (bo_store_generate_demo (f->store, BO_DEMO_SMALL, 7, today, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
}

/* A sample shop made early in the morning ends then, not that evening. */
static void
test_demo_nothing_in_the_future (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) made = g_date_time_new_local (2026, 11, 26, 0, 22, 0);
  gint64 now = g_date_time_to_unix (made);
  guint32 today = julian (2026, 11, 26);

  bo_store_set_now (f->store, now);
  g_assert_true (bo_store_generate_demo (f->store, BO_DEMO_SMALL, 7, today, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "SELECT max (t) FROM ("
                                        "  SELECT max (placed_at) AS t FROM orders"
                                        "  UNION ALL SELECT max (created_at) FROM shipments"
                                        "  UNION ALL SELECT max (shipped_at) FROM shipments"
                                        "  UNION ALL SELECT max (created_at) FROM purchase_orders"
                                        "  UNION ALL SELECT max (sent_at) FROM purchase_orders"
                                        "  UNION ALL SELECT max (at) FROM stock_movements"
                                        "  UNION ALL SELECT max (at) FROM events"
                                        "  UNION ALL SELECT max (at) FROM cancellations"
                                        "  UNION ALL SELECT max (created_at) FROM products"
                                        "  UNION ALL SELECT max (created_at) FROM customers)"),
                   <=, now);
  /* The day has its orders all the same, placed in its first 22 minutes. */
  g_assert_cmpint (count_rows (f->path, "SELECT count (*) FROM orders "
                                        "WHERE placed_date = '2026-11-26'"), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/open/private-file", test_open_creates_private_file);
  g_test_add_func ("/store/open/bad-files", test_open_bad_files);
  ADD ("/store/open/newer-schema", test_open_newer_schema);
  g_test_add_func ("/store/open/migration-from-v1", test_migration_from_v1);
  ADD ("/store/open/locked", test_locked_database);
  ADD ("/store/catalogue/validation", test_product_validation);
  ADD ("/store/catalogue/stock-adjustment", test_stock_adjustment);
  ADD ("/store/place/allocates-and-backorders", test_place_allocates_and_backorders);
  ADD ("/store/place/deny", test_place_deny_refuses_whole_order);
  ADD ("/store/place/discontinued", test_place_discontinued_refuses);
  ADD ("/store/place/allow-if-incoming", test_place_allow_if_incoming);
  ADD ("/store/place/preview", test_place_preview_writes_nothing);
  ADD ("/store/place/bad-input", test_place_bad_input);
  ADD ("/store/allocate/worked-example/fifo", test_worked_example_fifo);
  ADD ("/store/allocate/worked-example/fair-share", test_worked_example_fair_share);
  ADD ("/store/allocate/worked-example/pro-rata", test_worked_example_pro_rata);
  ADD ("/store/allocate/tier-first", test_tier_served_first);
  ADD ("/store/allocate/ship-complete", test_ship_complete_across_products);
  ADD ("/store/allocate/never-taken-away", test_allocations_never_taken_away);
  ADD ("/store/ship/partial", test_partial_shipment);
  ADD ("/store/cancel/order-of-taking", test_cancel_order_of_taking);
  ADD ("/store/purchasing/promises-follow-eta", test_promises_follow_eta);
  ADD ("/store/purchasing/receive", test_receive_partial_and_preview);
  ADD ("/store/purchasing/draft", test_draft_purchase_orders);
  ADD ("/store/purchasing/reorder-point", test_reorder_point);
  ADD ("/store/catalogue/supplier-page", test_supplier_page);
  ADD ("/store/replan/preview-and-apply", test_replan_preview_and_apply);
  ADD ("/store/replan/keeps-packed", test_replan_keeps_packed);
  ADD ("/store/history/every-change", test_every_change_leaves_history);
  ADD ("/store/check/tampering", test_checker_finds_tampering);
  ADD ("/store/demo/consistent", test_demo_is_consistent);
  ADD ("/store/demo/nothing-in-the-future", test_demo_nothing_in_the_future);
#undef ADD

  return g_test_run ();
}
