/* test-import.c — importing shop platforms' exports, exporting, backup and restore
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real export files of ../shared/data are used where present; the
 * counts they must import with are worked out here from the files' rows,
 * read with the CSV reader (tested on its own in test-csv.c), by rules
 * stated beside each count, and checked against the numbers a reading of
 * the file by eye gives. The repository's own fixtures are written below.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "backorders/bo-csv.h"
#include "backorders/bo-error.h"
#include "backorders/bo-export.h"
#include "backorders/bo-import.h"
#include "bo-import-private.h"
#include "bo-store-private.h"
#include "bo-store-schema.sql.h"
#include "bo-test-data.h"

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

  f->dir = g_dir_make_tmp ("bo-import-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "shop.db", NULL);
  f->store = bo_store_open (f->path, &error);
  g_assert_no_error (error);
  bo_store_set_now (f->store, base_now ());
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
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

/* ---- helpers ----------------------------------------------------------------- */

/* Everything the database holds, as one checksum: a refused or repeated
 * import must leave it exactly as it was (events included). */
static char *
fingerprint (BoStore *store)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, "SELECT name FROM sqlite_schema WHERE type = "
                                       "'table' ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid",
                                              (char *) g_ptr_array_index (tables, t));

      g_checksum_update (sum, (const guchar *) sql, -1);
      g_assert_cmpint (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const unsigned char *text = sqlite3_column_text (stmt, c);

            g_checksum_update (sum, text != NULL ? text : (const guchar *) "\x01NULL", -1);
            g_checksum_update (sum, (const guchar *) "\x02", 1);
          }
      sqlite3_finalize (stmt);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static gint64
count_rows (BoStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static const BoImportProblem *
first_error (BoImportPlan *plan)
{
  for (guint i = 0; i < bo_import_plan_get_n_problems (plan); i++)
    if (bo_import_plan_get_problem (plan, i)->severity == BO_IMPORT_ERROR)
      return bo_import_plan_get_problem (plan, i);
  g_assert_not_reached ();
}

static void
log_plan (BoImportPlan *plan)
{
  for (guint i = 0; i < bo_import_plan_get_n_problems (plan); i++)
    g_test_message ("%s", bo_import_plan_get_problem (plan, i)->message);
}

static BoImportPlan *
plan_data (BoStore        *store,
           BoImportFormat  format,
           const char     *data,
           gssize          length,
           const char    **mapping)
{
  g_autoptr(BoImporter) importer = bo_importer_new (store, format);
  g_autoptr(GBytes) bytes = g_bytes_new (data, length >= 0 ? (gsize) length : strlen (data));
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GError) error = NULL;
  BoImportPlan *plan;

  for (guint i = 0; mapping != NULL && mapping[i] != NULL; i += 2)
    {
      g_assert_true (bo_importer_set_mapping (importer, mapping[i], mapping[i + 1], &error));
      g_assert_no_error (error);
    }
  plan = bo_importer_plan (importer, stream, g_bytes_get_size (bytes), "test.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  log_plan (plan);
  return plan;
}

static BoImportPlan *
plan_file (BoStore        *store,
           BoImportFormat  format,
           const char     *path)
{
  g_autoptr(BoImporter) importer = bo_importer_new (store, format);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BoImportPlan *plan = bo_importer_plan_file (importer, file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  log_plan (plan);
  return plan;
}

static BoImportOutcome *
apply (BoStore      *store,
       BoImportPlan *plan)
{
  g_autoptr(BoImporter) importer = bo_importer_new (store, bo_import_plan_get_format (plan));
  g_autoptr(GError) error = NULL;
  BoImportOutcome *outcome = NULL;

  g_assert_true (bo_importer_apply (importer, plan, NULL, &outcome, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < outcome->notes->len; i++)
    g_test_message ("note: %s", (char *) g_ptr_array_index (outcome->notes, i));
  return outcome;
}

/* Imports a file twice: the second time finds everything there already and
 * writes nothing at all. Returns the outcome of the first import. */
static BoImportOutcome *
import_twice (BoStore        *store,
              BoImportFormat  format,
              const char     *path)
{
  g_autoptr(BoImportPlan) first = plan_file (store, format, path);
  g_autoptr(BoImportPlan) second = NULL;
  g_autoptr(BoImportOutcome) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BoImportOutcome *outcome;

  g_assert_true (bo_import_plan_can_apply (first));
  outcome = apply (store, first);
  assert_consistent (store);

  second = plan_file (store, format, path);
  g_assert_false (bo_import_plan_has_changes (second));
  for (BoImportRecord r = 0; r < BO_IMPORT_N_RECORDS; r++)
    {
      g_assert_cmpuint (bo_import_plan_count (second, r, BO_IMPORT_CREATE), ==, 0);
      g_assert_cmpuint (bo_import_plan_count (second, r, BO_IMPORT_UPDATE), ==, 0);
    }
  before = fingerprint (store);
  again = apply (store, second);
  after = fingerprint (store);
  g_assert_cmpstr (before, ==, after);
  return outcome;
}

typedef gboolean (*RowFunc) (BoCsvReader *reader,
                             GHashTable  *columns,
                             gpointer     user_data);

/* Reads a file with the CSV reader and calls @func per row with the header's
 * column indexes by name; counts what it returns TRUE for. */
static guint
count_file_rows (const char *path,
                 RowFunc     func,
                 gpointer    user_data)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autoptr(BoCsvReader) reader = bo_csv_reader_new (G_INPUT_STREAM (stream));
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (bo_csv_reader_next (reader, NULL, &error));
  for (guint i = 0; i < bo_csv_reader_get_n_fields (reader); i++)
    g_hash_table_insert (columns, g_strdup (bo_csv_reader_get_field (reader, i, NULL)),
                         GUINT_TO_POINTER (i + 1));
  while (bo_csv_reader_next (reader, NULL, &error))
    n += func (reader, columns, user_data);
  g_assert_no_error (error);
  return n;
}

static const char *
field (BoCsvReader *reader,
       GHashTable  *columns,
       const char  *name)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (columns, name));

  return index > 0 ? bo_csv_reader_get_field (reader, index - 1, NULL) : "";
}

/* ---- values -------------------------------------------------------------------- */

static void
test_values (void)
{
  static const struct
  {
    const char *text;
    gboolean    ok;
    gint64      minor;
  } money[] = {
    { "12", TRUE, 1200 }, { "12.5", TRUE, 1250 }, { "12.50", TRUE, 1250 }, { "12,50", TRUE, 1250 },
    { " 0.99 ", TRUE, 99 }, { "10.000", TRUE, 1000 }, { ".5", TRUE, 50 },
    { "10.005", FALSE, 0 }, { "1,234.56", FALSE, 0 }, { "-3", FALSE, 0 }, { "$10", FALSE, 0 },
    { "12 EUR", FALSE, 0 }, { "", FALSE, 0 }, { "1.", FALSE, 0 }, { "9999999999999", FALSE, 0 },
  };
  static const struct
  {
    const char *text;
    gboolean    ok;
    gint64      value;
  } integers[] = {
    { "5", TRUE, 5 }, { "-3", TRUE, -3 }, { "5.0", TRUE, 5 }, { "\xe2\x88\x92" "2", TRUE, -2 },
    { "5.5", FALSE, 0 }, { "five", FALSE, 0 }, { "-", FALSE, 0 },
  };
  static const struct
  {
    const char *header;
    const char *normalised;
  } headers[] = {
    { "Backorders allowed?", "backorders allowed" },
    { "São permitidas encomendas?", "sao permitidas encomendas" },
    { "unitsInStock", "units in stock" },
    { "productID", "product id" },
    { "On hand (current)", "on hand current" },
    { "Attribute 1 value(s)", "attribute 1 value s" },
    { "  Variant_SKU ", "variant sku" },
  };
  int policy, yes;
  gint64 when;

  for (guint i = 0; i < G_N_ELEMENTS (money); i++)
    {
      gint64 minor = 0;

      g_assert_cmpint (_bo_import_parse_money (money[i].text, NULL, &minor), ==, money[i].ok);
      if (money[i].ok)
        g_assert_cmpint (minor, ==, money[i].minor);
    }
  for (guint i = 0; i < G_N_ELEMENTS (integers); i++)
    {
      gint64 value = 0;

      g_assert_cmpint (_bo_import_parse_integer (integers[i].text, &value), ==, integers[i].ok);
      if (integers[i].ok)
        g_assert_cmpint (value, ==, integers[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autofree char *norm = _bo_import_normalise_header (headers[i].header);
      g_assert_cmpstr (norm, ==, headers[i].normalised);
    }

  g_assert_true (_bo_import_parse_policy ("continue", &policy));
  g_assert_cmpint (policy, ==, BO_BACKORDER_ALLOW);
  g_assert_true (_bo_import_parse_policy ("DENY", &policy));
  g_assert_cmpint (policy, ==, BO_BACKORDER_DENY);
  g_assert_true (_bo_import_parse_policy ("notify", &policy));
  g_assert_cmpint (policy, ==, BO_BACKORDER_ALLOW);
  g_assert_true (_bo_import_parse_policy ("0", &policy));
  g_assert_cmpint (policy, ==, BO_BACKORDER_DENY);
  g_assert_true (_bo_import_parse_policy ("allow-if-incoming", &policy));
  g_assert_cmpint (policy, ==, BO_BACKORDER_ALLOW_IF_INCOMING);
  g_assert_false (_bo_import_parse_policy ("maybe", &policy));
  g_assert_true (_bo_import_parse_bool ("Sim", &yes) && yes == 1);
  g_assert_false (_bo_import_parse_bool ("2", &yes));

  g_assert_true (_bo_import_parse_time ("2025-05-11 09:55:16 -0400", &when));
  g_assert_cmpint (when, ==, 1746971716);
  g_assert_true (_bo_import_parse_time ("2025-05-11T13:55:16Z", &when));
  g_assert_cmpint (when, ==, 1746971716);
  g_assert_true (_bo_import_parse_time ("1996-07-04 00:00:00.000", &when));
  g_assert_true (_bo_import_parse_time ("1689239400", &when));
  g_assert_cmpint (when, ==, 1689239400);
  g_assert_false (_bo_import_parse_time ("2025-02-30", &when));
  g_assert_false (_bo_import_parse_time ("Jul 8, 2023", &when));
  g_assert_false (_bo_import_parse_time ("2025-05-11 25:00", &when));
}

/* ---- Shopify --------------------------------------------------------------------- */

/* A Shopify products row names a variant when it has an option value, a SKU,
 * a price or a stock count; further rows of a handle only add images. Gift
 * cards are not stocked. */
static gboolean
is_variant_row (BoCsvReader *reader,
                GHashTable  *columns,
                gpointer     user_data)
{
  GHashTable *gift_cards = user_data;
  const char *handle = field (reader, columns, "Handle");

  if (g_str_equal (field (reader, columns, "Gift Card"), "true"))
    g_hash_table_add (gift_cards, g_strdup (handle));
  if (g_hash_table_contains (gift_cards, handle))
    return FALSE;
  return *field (reader, columns, "Option1 Value") != '\0' ||
         *field (reader, columns, "Variant SKU") != '\0' ||
         *field (reader, columns, "Variant Price") != '\0' ||
         *field (reader, columns, "Variant Inventory Qty") != '\0';
}

static void
test_shopify_products_real (Fixture       *f,
                            gconstpointer  data)
{
  /* The variants each file holds, counted by eye: apparel has 20 products,
   * two of them in two sizes; the jewelery rows without a price are images. */
  static const struct
  {
    const char *file;
    guint       variants;
  } files[] = {
    { "shopify_product_csvs/apparel.csv", 22 },
    { "shopify_product_csvs/jewelery.csv", 23 },
    { "shopify_product_csvs/home-and-garden.csv", 21 },
    { "shopify_product_csvs/gatsby-shopify-demo_products_export.csv", 29 },
    { "shopify_product_csvs/shopify_official_product_template_legacy.csv", 4 },
    { "shopify_inventory/abhilasha12345_products_export_1.csv", 95 },
  };
  guint found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = bo_test_shared_file (files[i].file);
      g_autoptr(GHashTable) gift_cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                                NULL);
      g_autoptr(BoImportOutcome) outcome = NULL;
      g_autoptr(BoStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *db = NULL;
      guint expected;

      if (path == NULL)
        continue;
      found++;
      expected = count_file_rows (path, is_variant_row, gift_cards);
      g_assert_cmpuint (expected, ==, files[i].variants);
      /* The Gatsby demo store holds the apparel sample's products: each
       * file goes into a shop of its own. */
      db = g_strdup_printf ("%s/shopify-%u.db", f->dir, i);
      store = bo_store_open (db, &error);
      g_assert_no_error (error);
      outcome = import_twice (store, BO_IMPORT_SHOPIFY_PRODUCTS, path);
      g_assert_cmpuint (outcome->created[BO_IMPORT_RECORD_PRODUCT], ==, expected);
      g_assert_cmpint (bo_store_count_products (store, NULL, NULL), ==, expected);

      if (g_str_has_suffix (files[i].file, "apparel.csv"))
        {
          /* One size of the varsity top, made a product with a SKU of its
           * handle and size, named as Shopify names its line items. */
          const char *ref = "shopify:classic-varsity-top/Small";
          g_autoptr(BoProduct) p = bo_store_find_product_by_ref (store, ref, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (p->sku, ==, "classic-varsity-top-small");
          g_assert_cmpstr (p->name, ==, "Classic Varsity Top - Small");
          g_assert_cmpint (p->backorder_policy, ==, BO_BACKORDER_DENY);
          g_assert_cmpint (p->on_hand, ==, 1);
          g_assert_cmpint (p->price, ==, 6000);
        }
      assert_consistent (store);
    }
  if (found == 0)
    bo_test_skip_missing ("../shared/data is not there (set BO_SHARED_DATA)");
}

typedef struct
{
  GHashTable *on_hand;   /* handle/options → summed On hand */
} InventoryCount;

static char *
variant_key (BoCsvReader *reader,
             GHashTable  *columns)
{
  const char *options[3] = { field (reader, columns, "Option1 Value"),
                             field (reader, columns, "Option2 Value"),
                             field (reader, columns, "Option3 Value") };

  if (g_str_equal (options[0], "Default Title"))
    options[0] = "";
  return g_strjoin ("/", field (reader, columns, "Handle"), options[0], options[1], options[2],
                    NULL);
}

static gboolean
add_inventory_row (BoCsvReader *reader,
                   GHashTable  *columns,
                   gpointer     user_data)
{
  InventoryCount *count = user_data;
  char *key = variant_key (reader, columns);
  gint64 *total = g_hash_table_lookup (count->on_hand, key);
  gboolean first = total == NULL;

  if (first)
    {
      total = g_new0 (gint64, 1);
      g_hash_table_insert (count->on_hand, key, total);
    }
  else
    g_free (key);
  *total += g_ascii_strtoll (field (reader, columns, "On hand"), NULL, 10);
  return first;
}

static gboolean
differs_from_inventory (BoCsvReader *reader,
                        GHashTable  *columns,
                        gpointer     user_data)
{
  InventoryCount *count = user_data;
  g_autofree char *key = variant_key (reader, columns);
  gint64 *total = g_hash_table_lookup (count->on_hand, key);

  if (total == NULL || *field (reader, columns, "Variant Price") == '\0')
    return FALSE;
  return *total != g_ascii_strtoll (field (reader, columns, "Variant Inventory Qty"), NULL, 10);
}

static void
test_shopify_inventory_real (Fixture       *f,
                             gconstpointer  data)
{
  BO_TEST_SHARED_FILE_OR_SKIP (products, "shopify_inventory/abhilasha12345_products_export_1.csv");
  BO_TEST_SHARED_FILE_OR_SKIP (inventory,
                               "shopify_inventory/abhilasha12345_inventory_export_1.csv");
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  InventoryCount count = { totals };
  g_autoptr(BoImportPlan) products_plan = NULL;
  g_autoptr(BoImportOutcome) first = NULL;
  g_autoptr(BoImportOutcome) outcome = NULL;
  g_autoptr(BoProduct) latte = NULL;
  guint variants, changing;

  /* 67 rows, one location, one row per variant; 67 of the products' 95
   * variants are stocked there and the rest is not in the inventory file. */
  variants = count_file_rows (inventory, add_inventory_row, &count);
  g_assert_cmpuint (variants, ==, 67);
  /* The products export says 0 to 3 on hand, the inventory export 100 or
   * more: every one of the 67 changes. */
  changing = count_file_rows (products, differs_from_inventory, &count);
  g_assert_cmpuint (changing, ==, 67);

  products_plan = plan_file (f->store, BO_IMPORT_SHOPIFY_PRODUCTS, products);
  first = apply (f->store, products_plan);
  outcome = import_twice (f->store, BO_IMPORT_SHOPIFY_INVENTORY, inventory);
  g_assert_cmpuint (outcome->created[BO_IMPORT_RECORD_PRODUCT], ==, 0);
  g_assert_cmpuint (outcome->updated[BO_IMPORT_RECORD_PRODUCT], ==, changing);

  /* "Puff Large", colour Latte: 103 on hand in the inventory file. */
  latte = bo_store_find_product_by_ref (f->store, "shopify:puff-large/Latte", NULL);
  g_assert_nonnull (latte);
  g_assert_cmpint (latte->on_hand, ==,
                   *(gint64 *) g_hash_table_lookup (totals, "puff-large/Latte//"));
  g_assert_cmpint (latte->on_hand, ==, 103);
}

typedef struct
{
  GHashTable *names;       /* shippable line-item names → SKU or NULL */
  GHashTable *orders;      /* order names with a shippable line */
  guint       shipped;     /* shippable lines fulfilled */
  guint       lines;       /* shippable lines */
} OrdersCount;

/* A line item is stocked when it requires shipping (gift cards do not). */
static gboolean
read_order_row (BoCsvReader *reader,
                GHashTable  *columns,
                gpointer     user_data)
{
  OrdersCount *count = user_data;

  if (g_str_equal (field (reader, columns, "Lineitem requires shipping"), "false"))
    return FALSE;
  g_hash_table_insert (count->names, g_strdup (field (reader, columns, "Lineitem name")),
                       g_strdup (field (reader, columns, "Lineitem sku")));
  g_hash_table_add (count->orders, g_strdup (field (reader, columns, "Name")));
  count->lines++;
  count->shipped += g_str_equal (field (reader, columns, "Lineitem fulfillment status"),
                                 "fulfilled");
  return TRUE;
}

static void
test_shopify_orders_real (Fixture       *f,
                          gconstpointer  data)
{
  BO_TEST_SHARED_FILE_OR_SKIP (path, "shopify_orders/forezia_orders_export.csv");
  OrdersCount count = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), 0, 0
  };
  g_autoptr(BoImportPlan) empty = NULL;
  g_autoptr(BoImportOutcome) outcome = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint i = 0;

  count_file_rows (path, read_order_row, &count);
  /* 19 orders; 6 hold gift cards only (#1008, #1009, #1014, #1015, #1017,
   * #1018); 23 line items need shipping, 20 of them fulfilled, 3 of #1019
   * pending; 10 products, one of them with a SKU. */
  g_assert_cmpuint (g_hash_table_size (count.orders), ==, 13);
  g_assert_cmpuint (count.lines, ==, 23);
  g_assert_cmpuint (count.shipped, ==, 20);
  g_assert_cmpuint (g_hash_table_size (count.names), ==, 10);

  /* A shop without those products: every order is skipped, and each line
   * item is reported by row and column. Nothing is written. */
  before = fingerprint (f->store);
  empty = plan_file (f->store, BO_IMPORT_SHOPIFY_ORDERS, path);
  g_assert_cmpuint (bo_import_plan_count (empty, BO_IMPORT_RECORD_ORDER, BO_IMPORT_CREATE), ==, 0);
  g_assert_cmpuint (bo_import_plan_count (empty, BO_IMPORT_RECORD_ORDER, BO_IMPORT_SKIP), ==, 19);
  g_assert_cmpuint (bo_import_plan_count_problems (empty, BO_IMPORT_WARNING), ==, count.lines);
  for (guint p = 0; p < bo_import_plan_get_n_problems (empty); p++)
    {
      const BoImportProblem *problem = bo_import_plan_get_problem (empty, p);

      g_assert_cmpuint (problem->row, >=, 2);
      g_assert_true (g_str_equal (problem->column_name, "Lineitem name") ||
                     g_str_equal (problem->column_name, "Lineitem sku"));
    }
  after = fingerprint (f->store);
  g_assert_cmpstr (before, ==, after);

  /* The catalogue: line items without a SKU are found by name. One unit
   * each, so the three pending lines of #1019 find stock for two. */
  g_hash_table_iter_init (&iter, count.names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(BoProduct) p = bo_product_new ();
      g_autoptr(GError) error = NULL;

      p->sku = *(char *) value != '\0' ? g_strdup (value) : g_strdup_printf ("SNOW-%u", i);
      p->name = g_strdup (key);
      p->on_hand = i++ < 2 ? 0 : 1;
      g_assert_true (bo_store_save_product (f->store, p, &error));
      g_assert_no_error (error);
    }

  outcome = import_twice (f->store, BO_IMPORT_SHOPIFY_ORDERS, path);
  g_assert_cmpuint (outcome->created[BO_IMPORT_RECORD_ORDER], ==, 13);
  g_assert_cmpint (outcome->lines_shipped, ==, count.shipped);
  g_assert_cmpint (count_rows (f->store, "SELECT count (*) FROM orders"), ==, 13);
  g_assert_cmpint (count_rows (f->store, "SELECT count (*) FROM order_lines"), ==, count.lines);
  g_assert_cmpint (count_rows (f->store, "SELECT sum (shipped) FROM order_lines"), ==,
                   count.shipped);
  g_assert_cmpint (count_rows (f->store, "SELECT count (*) FROM shipments WHERE shipped_at > 0"),
                   ==, 12);
  /* Shipped before the import: the stock counts did not move. */
  g_assert_cmpint (count_rows (f->store, "SELECT sum (on_hand) FROM products"), ==, 8);
  g_assert_cmpint (outcome->lines_allocated + outcome->lines_backordered, ==,
                   count.lines - count.shipped);

  g_hash_table_unref (count.names);
  g_hash_table_unref (count.orders);
}

static void import_data (BoStore        *store,
                         BoImportFormat  format,
                         const char     *data);

/* Shopify's newer products layout: "URL handle", "SKU", "Inventory
 * quantity", "Continue selling when out of stock"; the title on the first
 * row of a handle only. */
static void
test_shopify_new_headers (Fixture       *f,
                          gconstpointer  data)
{
  static const char file[] =
    "Title,URL handle,SKU,Option1 name,Option1 value,Price,Cost per item,Inventory tracker,"
    "Inventory quantity,Continue selling when out of stock,Product image URL,Status\n"
    "Cap,cap,,Colour,Red,9.99,3.00,shopify,2,DENY,https://example.com/red.jpg,active\n"
    ",cap,CAP-B,Colour,Blue,9.99,3.00,shopify,0,CONTINUE,,\n"
    ",cap,,,,,,,,,https://example.com/more.jpg,\n"
    "Old mug,old-mug,MUG-OLD,Title,Default Title,5,,shopify,1,DENY,,archived\n";
  g_autoptr(BoImportPlan) plan = plan_data (f->store, BO_IMPORT_SHOPIFY_PRODUCTS, file, -1, NULL);
  g_autoptr(BoImportOutcome) outcome = NULL;
  g_autoptr(BoProduct) red = NULL;
  g_autoptr(BoProduct) blue = NULL;
  g_autoptr(BoProduct) old = NULL;

  g_assert_true (bo_import_plan_can_apply (plan));
  g_assert_cmpuint (bo_import_plan_count (plan, BO_IMPORT_RECORD_PRODUCT, BO_IMPORT_CREATE), ==, 3);
  outcome = apply (f->store, plan);
  red = bo_store_find_product (f->store, "cap-red", NULL);
  blue = bo_store_find_product (f->store, "CAP-B", NULL);
  old = bo_store_find_product (f->store, "MUG-OLD", NULL);
  g_assert_cmpstr (red->name, ==, "Cap - Red");
  g_assert_cmpint (red->on_hand, ==, 2);
  g_assert_cmpint (red->price, ==, 999);
  g_assert_cmpint (red->cost, ==, 300);
  g_assert_cmpint (red->backorder_policy, ==, BO_BACKORDER_DENY);
  g_assert_cmpstr (blue->name, ==, "Cap - Blue");
  g_assert_cmpstr (blue->external_ref, ==, "shopify:cap/Blue");
  g_assert_cmpint (blue->backorder_policy, ==, BO_BACKORDER_ALLOW);
  g_assert_cmpstr (old->name, ==, "Old mug");
  g_assert_true (old->discontinued);
}

/* An inventory export with two locations: the stock is their sum; "not
 * stocked" at a location is none there; "On hand (new)", when given, wins. */
static void
test_shopify_inventory_locations (Fixture       *f,
                                  gconstpointer  data)
{
  static const char products[] =
    "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Qty\n"
    "shirt,Shirt,Size,S,,1\nshirt,,,M,SH-M,1\nmug,Mug,Title,Default Title,MUG,1\n";
  static const char inventory[] =
    "Handle,Title,Option1 Name,Option1 Value,SKU,Location,Incoming,Unavailable,Committed,"
    "Available,On hand (current),On hand (new)\n"
    "shirt,Shirt,Size,S,,Shop,0,0,1,4,5,\n"
    "shirt,Shirt,Size,S,,Warehouse,6,0,0,10,10,\n"
    "shirt,Shirt,Size,M,SH-M,Shop,0,0,0,0,not stocked,\n"
    "shirt,Shirt,Size,M,SH-M,Warehouse,0,0,0,2,2,\n"
    "mug,Mug,Title,Default Title,MUG,Shop,0,0,0,3,3,7\n"
    "ghost,Ghost,Title,Default Title,,Shop,0,0,0,1,1,\n";
  g_autoptr(BoImportPlan) plan = NULL;
  g_autoptr(BoImportOutcome) outcome = NULL;
  g_autoptr(BoProduct) small = NULL;
  g_autoptr(BoProduct) medium = NULL;
  g_autoptr(BoProduct) mug = NULL;

  import_data (f->store, BO_IMPORT_SHOPIFY_PRODUCTS, products);
  plan = plan_data (f->store, BO_IMPORT_SHOPIFY_INVENTORY, inventory, -1, NULL);
  g_assert_true (bo_import_plan_can_apply (plan));
  g_assert_cmpuint (bo_import_plan_count (plan, BO_IMPORT_RECORD_PRODUCT, BO_IMPORT_UPDATE), ==, 3);
  /* The variant the shop does not have is skipped and reported. */
  g_assert_cmpuint (bo_import_plan_count (plan, BO_IMPORT_RECORD_PRODUCT, BO_IMPORT_SKIP), ==, 1);
  outcome = apply (f->store, plan);
  small = bo_store_find_product (f->store, "shirt-s", NULL);
  medium = bo_store_find_product (f->store, "SH-M", NULL);
  mug = bo_store_find_product (f->store, "MUG", NULL);
  g_assert_cmpint (small->on_hand, ==, 15);
  g_assert_cmpint (medium->on_hand, ==, 2);
  g_assert_cmpint (mug->on_hand, ==, 7);
}

/* ---- WooCommerce ------------------------------------------------------------------- */

/* Simple products and variations are stocked, when a SKU, an ID or a parent
 * with attributes identifies them; variable, grouped and external products
 * and other types are not. */
static gboolean
is_stocked_row (BoCsvReader *reader,
                GHashTable  *columns,
                gpointer     user_data)
{
  const char *type = field (reader, columns, user_data != NULL ? "Tipo" : "Type");
  const char *sku = field (reader, columns, user_data != NULL ? "REF" : "SKU");
  const char *id = field (reader, columns, "ID");
  const char *parent = field (reader, columns, user_data != NULL ? "Produto ascendente" : "Parent");

  if (!g_str_has_prefix (type, "simple") && !g_str_has_prefix (type, "variation"))
    return FALSE;
  return *sku != '\0' || *id != '\0' || *parent != '\0';
}

static void
test_woocommerce_real (Fixture       *f,
                       gconstpointer  data)
{
  /* Counted by eye: the official sample has 2 variable, 1 grouped and 1
   * external product among its 25 rows; the 2024 export 12 variable, 6
   * grouped and 4 external among 124 (the sample imported several times
   * over, with numeric and empty SKUs); the Brazilian one 4 products of a
   * plugin's own type and 1 grouped among 11. */
  static const struct
  {
    const char *file;
    guint       stocked;
    gboolean    portuguese;
  } files[] = {
    { "woocommerce/woocommerce_sample_products.csv", 21, FALSE },
    { "woocommerce/classic-commerce_sample_products.csv", 20, FALSE },
    { "woocommerce/gopoma_wc-product-export-28-7-2024.csv", 102, FALSE },
    { "woocommerce/registrations-for-woocommerce_sample_products_ptBR.csv", 6, TRUE },
    { "woocommerce/woocommerce_unit-test_importer_sample.csv", 4, FALSE },
  };
  guint found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = bo_test_shared_file (files[i].file);
      g_autoptr(BoStore) store = NULL;
      g_autoptr(BoImportOutcome) outcome = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *db = NULL;
      guint expected;

      if (path == NULL)
        continue;
      found++;
      expected = count_file_rows (path, is_stocked_row, GINT_TO_POINTER (files[i].portuguese));
      g_assert_cmpuint (expected, ==, files[i].stocked);
      /* The samples share SKUs: each goes into a shop of its own. */
      db = g_strdup_printf ("%s/woo-%u.db", f->dir, i);
      store = bo_store_open (db, &error);
      g_assert_no_error (error);
      outcome = import_twice (store, BO_IMPORT_WOOCOMMERCE_PRODUCTS, path);
      g_assert_cmpuint (outcome->created[BO_IMPORT_RECORD_PRODUCT], ==, expected);

      if (files[i].portuguese)
        {
          /* "Estoque" 20 and "Preço" 500 of the variation with ID 66. */
          g_autoptr(BoProduct) p = bo_store_find_product_by_ref (store, "woocommerce:66", &error);

          g_assert_no_error (error);
          g_assert_cmpint (p->on_hand, ==, 20);
          g_assert_cmpint (p->price, ==, 50000);
          g_assert_cmpint (p->backorder_policy, ==, BO_BACKORDER_DENY);
        }
      if (g_str_has_suffix (files[i].file, "unit-test_importer_sample.csv"))
        {
          /* "Backorders allowed?" notify, 0 and 1. */
          g_autoptr(BoProduct) logo = bo_store_find_product (store, "WOOLOGO", NULL);
          g_autoptr(BoProduct) black = bo_store_find_product (store, "WOOIDEA-black-m", NULL);
          g_autoptr(BoProduct) green = bo_store_find_product (store, "WOOIDEA-green-l", NULL);

          g_assert_cmpint (logo->backorder_policy, ==, BO_BACKORDER_ALLOW);
          g_assert_cmpint (logo->on_hand, ==, 5);
          g_assert_cmpint (black->backorder_policy, ==, BO_BACKORDER_DENY);
          g_assert_cmpint (black->on_hand, ==, 6);
          g_assert_cmpstr (black->name, ==, "Ship Your Idea - Black, M");
          g_assert_cmpint (green->backorder_policy, ==, BO_BACKORDER_ALLOW);
        }
      assert_consistent (store);
    }
  if (found == 0)
    bo_test_skip_missing ("../shared/data is not there (set BO_SHARED_DATA)");
}

/* A WooCommerce export in a language not known here: the mapping step. */
static void
test_woocommerce_mapping (Fixture       *f,
                          gconstpointer  data)
{
  static const char italian[] =
    "Tipo,Codice,Nome,Magazzino,Ordini arretrati consentiti?\n"
    "simple,TAZZA-BLU,Tazza blu,4,1\n"
    "simple,TAZZA-ROSSA,Tazza rossa,0,0\n";
  static const char *mapping[] = {
    "Codice", "sku", "Magazzino", "stock", "Ordini arretrati consentiti?", "backorders", NULL
  };
  g_autoptr(BoImportPlan) unmapped = plan_data (f->store, BO_IMPORT_WOOCOMMERCE_PRODUCTS, italian,
                                                -1, NULL);
  g_autoptr(BoImportPlan) mapped = NULL;
  g_autoptr(BoImportOutcome) outcome = NULL;
  g_autoptr(BoProduct) red = NULL;
  guint unknown = 0;

  /* Without a SKU column the products have no identity: the stock and
   * backorder columns are reported too, and the unknown headers listed. */
  for (guint i = 0; i < bo_import_plan_get_n_columns (unmapped); i++)
    unknown += bo_import_plan_get_column (unmapped, i)->state == BO_IMPORT_COLUMN_UNKNOWN;
  g_assert_cmpuint (unknown, ==, 3);
  g_assert_cmpuint (bo_import_plan_count_problems (unmapped, BO_IMPORT_WARNING), >=, 3);
  g_assert_nonnull (strstr (bo_import_plan_get_problem (unmapped, 0)->message, "Magazzino"));

  mapped = plan_data (f->store, BO_IMPORT_WOOCOMMERCE_PRODUCTS, italian, -1, mapping);
  g_assert_true (bo_import_plan_can_apply (mapped));
  g_assert_cmpuint (bo_import_plan_count (mapped, BO_IMPORT_RECORD_PRODUCT, BO_IMPORT_CREATE),
                    ==, 2);
  outcome = apply (f->store, mapped);
  red = bo_store_find_product (f->store, "TAZZA-ROSSA", NULL);
  g_assert_cmpint (red->backorder_policy, ==, BO_BACKORDER_DENY);
  g_assert_cmpstr (bo_import_plan_get_column (mapped, 1)->field, ==, "sku");
  g_assert_cmpint (bo_import_plan_get_column (mapped, 1)->state, ==, BO_IMPORT_COLUMN_MAPPED);
}

/* ---- generic CSV ------------------------------------------------------------------- */

static void
test_northwind (Fixture       *f,
                gconstpointer  data)
{
  BO_TEST_SHARED_FILE_OR_SKIP (products, "northwind_csv/products.csv");
  g_autofree char *customers = bo_test_shared_file ("northwind_csv/customers.csv");
  g_autoptr(BoImporter) importer = bo_importer_new (f->store, BO_IMPORT_CSV_PRODUCTS);
  g_autoptr(GFile) file = g_file_new_for_path (products);
  g_autoptr(BoImportPlan) plan = NULL;
  g_autoptr(BoImportOutcome) outcome = NULL;
  g_autoptr(BoProduct) chai = NULL;
  g_autoptr(GError) error = NULL;

  /* No column is a SKU by name: the plan says so and names the candidates. */
  plan = bo_importer_plan_file (importer, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (bo_import_plan_can_apply (plan));
  g_assert_nonnull (strstr (first_error (plan)->message, "productID"));
  g_clear_object (&plan);

  /* Mapped, the 77 products import; unitsInStock, unitPrice and
   * reorderLevel are recognised by their names. */
  g_assert_true (bo_importer_set_mapping (importer, "productID", "sku", &error));
  plan = bo_importer_plan_file (importer, file, NULL, &error);
  g_assert_no_error (error);
  log_plan (plan);
  g_assert_true (bo_import_plan_can_apply (plan));
  g_assert_cmpuint (bo_import_plan_count (plan, BO_IMPORT_RECORD_PRODUCT, BO_IMPORT_CREATE),
                    ==, 77);
  outcome = apply (f->store, plan);
  chai = bo_store_find_product (f->store, "1", NULL);
  g_assert_cmpstr (chai->name, ==, "Chai");
  g_assert_cmpint (chai->on_hand, ==, 39);
  g_assert_cmpint (chai->price, ==, 1800);
  g_assert_cmpint (chai->reorder_point, ==, 10);

  /* The Northwind customers file has rows with an unquoted comma in a value:
   * each such row is reported, and nothing is imported. */
  if (customers != NULL)
    {
      g_autoptr(BoImportPlan) broken = plan_file (f->store, BO_IMPORT_CSV_CUSTOMERS, customers);
      const BoImportProblem *first = first_error (broken);

      g_assert_false (bo_import_plan_can_apply (broken));
      g_assert_cmpuint (first->row, ==, 8);
      g_assert_nonnull (strstr (first->message, "12 values"));
    }
}

/* The repository's own fixture: products, customers, suppliers and orders
 * as a spreadsheet would write them. */
static const char fixture_suppliers[] =
  "Supplier,Email,Lead time\n"
  "Nordic Ceramics,orders@nordic.example,10\n"
  "Cotton Co,sales@cotton.example,5\n";
static const char fixture_products[] =
  "SKU;Name;Price;Cost;Stock;Reorder point;Backorders;Supplier;Supplier SKU\n"
  "MUG-BLU;Blue mug;12,50;4,00;3;2;allow;Nordic Ceramics;NC-1\n"
  "MUG-RED;Red mug;12,50;4,00;0;2;deny;Nordic Ceramics;NC-2\n"
  "TEE-S;\"T-shirt, small\";20;8;10;;yes;Cotton Co;\n";
static const char fixture_customers[] =
  "Name,Email,Address,City,Tier,Ship complete\n"
  "Ann Adams,ann@example.com,1 High Street,Leeds,1,no\n"
  "Bob Brown,bob@example.com,\"2 Low Road\nFlat 3\",York,0,yes\n"
  "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",mallory@example.com,,,0,no\n";
static const char fixture_orders[] =
  "Order,Date,Customer,Email,SKU,Qty,Unit price,Shipped\n"
  "W-3,2026-11-20 10:00,Bob Brown,bob@example.com,MUG-BLU,1,,0\n"
  "W-1,2026-11-18 09:00,Ann Adams,ann@example.com,MUG-BLU,3,12.00,0\n"
  "W-2,2026-11-19 09:00,Cara Clark,cara@example.com,MUG-BLU,1,,0\n"
  "W-1,2026-11-18 09:00,Ann Adams,ann@example.com,TEE-S,2,,2\n";

static void
import_data (BoStore        *store,
             BoImportFormat  format,
             const char     *data)
{
  g_autoptr(BoImportPlan) plan = plan_data (store, format, data, -1, NULL);
  g_autoptr(BoImportOutcome) outcome = NULL;

  g_assert_true (bo_import_plan_can_apply (plan));
  outcome = apply (store, plan);
}

static void
import_fixture (BoStore *store)
{
  import_data (store, BO_IMPORT_CSV_SUPPLIERS, fixture_suppliers);
  import_data (store, BO_IMPORT_CSV_PRODUCTS, fixture_products);
  import_data (store, BO_IMPORT_CSV_CUSTOMERS, fixture_customers);
  import_data (store, BO_IMPORT_CSV_ORDERS, fixture_orders);
}

static void
test_generic_idempotent (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(BoProduct) mug = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(BoCustomer) bob = NULL;

  import_fixture (f->store);
  assert_consistent (f->store);
  mug = bo_store_find_product (f->store, "MUG-BLU", NULL);
  g_assert_cmpint (mug->price, ==, 1250);
  g_assert_cmpint (mug->reorder_point, ==, 2);
  links = bo_store_list_product_suppliers (f->store, mug->id, NULL);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (((BoProductSupplier *) g_ptr_array_index (links, 0))->supplier_sku, ==, "NC-1");
  bob = bo_store_find_customer (f->store, "bob@example.com", NULL);
  g_assert_cmpstr (bob->address, ==, "2 Low Road\nFlat 3 York");
  g_assert_true (bob->ship_complete);

  /* The same files again: nothing at all changes. */
  before = fingerprint (f->store);
  import_fixture (f->store);
  after = fingerprint (f->store);
  g_assert_cmpstr (before, ==, after);
}

/* Imported orders are allocated as one group, by the shop's policy and in
 * their order of service (placed_at), not in the order of the file. */
static void
test_group_allocation (Fixture       *f,
                       gconstpointer  data)
{
  static const char *const policies[] = { "fifo", "fair-share", "pro-rata" };
  /* 3 mugs for W-1 (3, placed first), W-2 (1), W-3 (1): DESIGN.md's
   * worked example. The file lists W-3 first. */
  static const gint64 expected[][3] = { { 3, 0, 0 }, { 1, 1, 1 }, { 2, 1, 0 } };

  for (guint p = 0; p < G_N_ELEMENTS (policies); p++)
    {
      g_autofree char *db = g_strdup_printf ("%s/group-%u.db", f->dir, p);
      g_autoptr(BoStore) store = bo_store_open (db, NULL);
      g_autoptr(GError) error = NULL;
      const char *numbers[] = { "W-1", "W-2", "W-3" };

      bo_store_set_now (store, base_now ());
      g_assert_true (bo_store_set_setting (store, "allocation-policy", policies[p], &error));
      import_data (store, BO_IMPORT_CSV_SUPPLIERS, fixture_suppliers);
      import_data (store, BO_IMPORT_CSV_PRODUCTS, fixture_products);
      import_data (store, BO_IMPORT_CSV_ORDERS, fixture_orders);
      for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
        {
          g_autoptr(BoOrder) order = bo_store_find_order (store, numbers[i], &error);
          const BoOrderLine *line = g_ptr_array_index (order->lines, 0);

          g_assert_no_error (error);
          g_assert_cmpstr (line->sku, ==, "MUG-BLU");
          g_assert_cmpint (line->allocated, ==, expected[p][i]);
          g_assert_cmpint (line->backordered_at_placement, ==, line->ordered - expected[p][i]);
        }
      /* W-1's shirts left before the import: shipped, stock unchanged. */
      {
        g_autoptr(BoOrder) w1 = bo_store_find_order (store, "W-1", NULL);
        g_autoptr(BoProduct) tee = bo_store_find_product (store, "TEE-S", NULL);
        const BoOrderLine *shirts = g_ptr_array_index (w1->lines, 1);

        g_assert_cmpint (shirts->shipped, ==, 2);
        g_assert_cmpint (shirts->backordered_at_placement, ==, 0);
        g_assert_cmpint (tee->on_hand, ==, 10);
      }
      /* Placement counts of the days: 3 orders, the backordered ones. */
      g_assert_cmpint (count_rows (store, "SELECT sum (orders) FROM placement_days"), ==, 3);
      g_assert_cmpint (count_rows (store, "SELECT sum (bo_orders) FROM placement_days"), ==,
                       p == 1 ? 1 : 2);
      assert_consistent (store);
    }
}

/* An order that waits already keeps its place before imported ones. */
static void
test_group_after_waiting (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoCustomer) zoe = bo_customer_new ();
  g_autoptr(BoOrder) waiting = NULL;
  g_autoptr(BoOrder) w1 = NULL;
  g_autoptr(BoImportPlan) plan = NULL;
  g_autoptr(BoImportOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;

  import_data (f->store, BO_IMPORT_CSV_SUPPLIERS, fixture_suppliers);
  import_data (f->store, BO_IMPORT_CSV_PRODUCTS,
               "SKU,Name,Stock\nMUG-BLU,Blue mug,0\nTEE-S,Shirt,10\n");
  zoe->name = g_strdup ("Zoe");
  g_assert_true (bo_store_save_customer (f->store, zoe, &error));
  draft->customer_id = zoe->id;
  draft->placed_at = base_now () - 30 * 86400;
  bo_order_draft_add_line (draft, "MUG-BLU", 2, -1);
  g_assert_true (bo_store_place_order (f->store, draft, FALSE, NULL, &error));
  g_assert_no_error (error);

  /* Stock and orders arrive in one import: 3 mugs; Zoe, first in line,
   * takes 2 (FIFO), W-1 the last one. */
  import_data (f->store, BO_IMPORT_CSV_PRODUCTS, "SKU,Stock\nMUG-BLU,3\n");
  plan = plan_data (f->store, BO_IMPORT_CSV_ORDERS, fixture_orders, -1, NULL);
  outcome = apply (f->store, plan);
  waiting = bo_store_find_order (f->store, "1001", NULL);
  w1 = bo_store_find_order (f->store, "W-1", NULL);
  g_assert_cmpint (((BoOrderLine *) g_ptr_array_index (waiting->lines, 0))->allocated, ==, 2);
  g_assert_cmpint (((BoOrderLine *) g_ptr_array_index (w1->lines, 0))->allocated, ==, 1);
  g_assert_cmpint (outcome->lines_backordered, ==, 3);
}

/* A product that takes no backorders: the platform took the order, so it is
 * imported, and the merchant is told. */
static void
test_deny_policy_note (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BoImportPlan) plan = NULL;
  g_autoptr(BoImportOutcome) outcome = NULL;
  g_autoptr(BoOrder) order = NULL;

  import_data (f->store, BO_IMPORT_CSV_PRODUCTS, fixture_products);
  plan = plan_data (f->store, BO_IMPORT_CSV_ORDERS,
                    "Order,Email,SKU,Qty\nR-1,rita@example.com,MUG-RED,2\n", -1, NULL);
  outcome = apply (f->store, plan);
  order = bo_store_find_order (f->store, "R-1", NULL);
  g_assert_cmpint (((BoOrderLine *) g_ptr_array_index (order->lines, 0))->backordered, ==, 2);
  g_assert_cmpuint (outcome->notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (outcome->notes, 0), "MUG-RED"));
}

/* ---- bad files ------------------------------------------------------------------------ */

typedef struct
{
  const char    *name;
  BoImportFormat format;
  const char    *data;
  gssize         length;
  guint64        row;
  guint          column;
  const char    *needle;
} BadFile;

static void
assert_refused (BoStore       *store,
                const BadFile *bad)
{
  g_autoptr(BoImportPlan) plan = plan_data (store, bad->format, bad->data, bad->length, NULL);
  g_autoptr(BoImporter) importer = bo_importer_new (store, bad->format);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = fingerprint (store);
  g_autofree char *after = NULL;
  const BoImportProblem *problem = NULL;

  g_test_message ("bad file: %s", bad->name);
  for (guint i = 0; i < bo_import_plan_get_n_problems (plan) && problem == NULL; i++)
    if (bo_import_plan_get_problem (plan, i)->severity == BO_IMPORT_ERROR)
      problem = bo_import_plan_get_problem (plan, i);
  g_assert_nonnull (problem);
  g_assert_false (bo_import_plan_can_apply (plan));
  g_assert_cmpuint (problem->row, ==, bad->row);
  g_assert_cmpuint (problem->column, ==, bad->column);
  g_assert_nonnull (strstr (problem->message, bad->needle));

  g_assert_false (bo_importer_apply (importer, plan, NULL, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  after = fingerprint (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  static const char binary[] = "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0\xb8\x9b\x0c\xb5";
  g_autoptr(GString) big = g_string_new ("SKU,Name,Stock\nA,");
  BadFile files[] = {
    { "truncated quote", BO_IMPORT_CSV_PRODUCTS, "SKU,Name,Stock\nA,Apple,1\nB,\"Banana,2\n",
      -1, 3, 2, "never closed" },
    { "text after a quote", BO_IMPORT_CSV_PRODUCTS, "SKU,Name\nA,\"Apple\" pie\n", -1, 2, 2,
      "closing quote" },
    { "wrong delimiter", BO_IMPORT_CSV_PRODUCTS, "SKU|Name|Stock\nA|Apple|1\n", -1, 1, 1,
      "vertical bars" },
    { "binary garbage", BO_IMPORT_CSV_PRODUCTS, binary, sizeof binary - 1, 1, 1, "binary" },
    { "negative stock", BO_IMPORT_SHOPIFY_PRODUCTS,
      "Handle,Title,Variant SKU,Variant Inventory Qty,Variant Inventory Policy\n"
      "mug,Mug,MUG-1,4,deny\ncup,Cup,CUP-1,-3,continue\n", -1, 3, 4, "never below zero" },
    { "duplicate SKUs", BO_IMPORT_WOOCOMMERCE_PRODUCTS,
      "\xef\xbb\xbfID,Type,SKU,Name,Stock\n1,simple,MUG,Mug,1\n2,simple,CUP,Cup,1\n"
      "3,simple,MUG,Mug again,2\n", -1, 4, 0, "row 2 already" },
    { "more values than columns", BO_IMPORT_CSV_PRODUCTS, "SKU,Name\nA,Apple\nB,Banana, ripe\n",
      -1, 3, 0, "3 values" },
    { "not an amount", BO_IMPORT_CSV_PRODUCTS, "SKU,Name,Price\nA,Apple,1.234,50\n", -1, 2, 0,
      "values" },
    { "money with a currency", BO_IMPORT_CSV_PRODUCTS, "SKU,Name,Price\nA,Apple,EUR 5\n", -1, 2,
      3, "not an amount" },
    { "no SKU column", BO_IMPORT_CSV_PRODUCTS, "Code,Name\nA,Apple\n", -1, 1, 0, "Code" },
    { "Latin-1 text", BO_IMPORT_CSV_CUSTOMERS, "Name,Email\nJ\xfcrgen,j@example.com\n", -1, 2,
      1, "UTF-8" },
    { "bad date", BO_IMPORT_CSV_ORDERS,
      "Order,Date,Email,SKU,Qty\nX-1,31/12/2026,a@example.com,MUG,1\n", -1, 2, 2, "not a date" },
  };

  /* A single value of 10 MB. */
  for (guint i = 0; i < 10 * 1000 * 1000 / 64; i++)
    g_string_append (big, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  g_string_append (big, ",1\n");

  import_fixture (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    assert_refused (f->store, &files[i]);
  {
    BadFile huge = { "a 10 MB value", BO_IMPORT_CSV_PRODUCTS, big->str, big->len, 2, 2,
                     "longer than" };
    assert_refused (f->store, &huge);
  }
}

/* A stock count below what orders hold is refused, in the plan and again
 * when applying: the shop may have changed since the plan. */
static void
test_stock_below_allocated (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(BoImportPlan) plan = NULL;
  g_autoptr(BoImportPlan) stale = NULL;
  g_autoptr(BoImporter) importer = bo_importer_new (f->store, BO_IMPORT_CSV_PRODUCTS);
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoCustomer) ann = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* W-1 holds all 3 blue mugs. */
  import_fixture (f->store);
  plan = plan_data (f->store, BO_IMPORT_CSV_PRODUCTS, "SKU,Stock\nMUG-BLU,1\n", -1, NULL);
  g_assert_false (bo_import_plan_can_apply (plan));
  g_assert_cmpuint (first_error (plan)->row, ==, 2);
  g_assert_nonnull (strstr (first_error (plan)->message, "allocated"));

  /* Planned while no shirt was allocated; then 8 shirts go to an order. */
  stale = plan_data (f->store, BO_IMPORT_CSV_PRODUCTS,
                     "SKU,Name,Stock\nNEW-1,New,1\nTEE-S,Shirt,5\n", -1, NULL);
  g_assert_true (bo_import_plan_can_apply (stale));
  ann = bo_store_find_customer (f->store, "ann@example.com", NULL);
  draft->customer_id = ann->id;
  bo_order_draft_add_line (draft, "TEE-S", 8, -1);
  g_assert_true (bo_store_place_order (f->store, draft, FALSE, NULL, &error));

  before = fingerprint (f->store);
  g_assert_false (bo_importer_apply (importer, stale, NULL, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "Row 3"));
  after = fingerprint (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (bo_store_find_product (f->store, "NEW-1", NULL));
}

/* ---- cancelling, progress, threads ------------------------------------------------ */

static char *
many_orders (guint n_orders)
{
  GString *data = g_string_new ("Order,Date,Email,SKU,Qty,Shipped\n");

  for (guint i = 0; i < n_orders; i++)
    g_string_append_printf (data, "N-%u,2026-11-%02u 10:00,c%u@example.com,%s,%u,%u\n", i,
                            1 + i % 25, i % 50, i % 2 ? "MUG-BLU" : "TEE-S", 1 + i % 3,
                            i % 4 == 0 ? 1 : 0);
  return g_string_free (data, FALSE);
}

typedef struct
{
  GCancellable *cancellable;
  double        cancel_at;
  guint         calls;
  double        last;
} ProgressProbe;

static void
probe_progress (double   fraction,
                gpointer user_data)
{
  ProgressProbe *probe = user_data;

  g_assert_cmpfloat (fraction, >=, probe->last);
  probe->last = fraction;
  probe->calls++;
  if (probe->cancellable != NULL && fraction >= probe->cancel_at)
    g_cancellable_cancel (probe->cancellable);
}

static void
test_cancel_apply (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *orders = many_orders (2000);
  g_autoptr(BoImportPlan) plan = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BoImportOutcome) outcome = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ProgressProbe probe = { cancellable, 0.5, 0, 0.0 };
  ProgressProbe full = { NULL, 0.0, 0, 0.0 };

  import_fixture (f->store);
  plan = plan_data (f->store, BO_IMPORT_CSV_ORDERS, orders, -1, NULL);
  g_assert_true (bo_import_plan_can_apply (plan));
  g_assert_cmpuint (bo_import_plan_count (plan, BO_IMPORT_RECORD_ORDER, BO_IMPORT_CREATE),
                    ==, 2000);

  /* Cancelled halfway: everything written so far is undone. */
  before = fingerprint (f->store);
  g_assert_false (bo_store_apply_import (f->store, bo_import_plan_get_batch (plan), cancellable,
                                         probe_progress, &probe, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (probe.calls, >, 1);
  after = fingerprint (f->store);
  g_assert_cmpstr (before, ==, after);

  /* Not cancelled: progress runs up to 1. */
  g_assert_true (bo_store_apply_import (f->store, bo_import_plan_get_batch (plan), NULL,
                                        probe_progress, &full, &outcome, NULL));
  g_assert_cmpfloat (full.last, ==, 1.0);
  g_assert_cmpuint (full.calls, >, 10);
  g_assert_cmpuint (outcome->created[BO_IMPORT_RECORD_ORDER], ==, 2000);
}

static void
test_cancel_plan (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *orders = many_orders (5000);
  g_autoptr(BoImporter) importer = bo_importer_new (f->store, BO_IMPORT_CSV_ORDERS);
  g_autoptr(GBytes) bytes = g_bytes_new (orders, strlen (orders));
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BoImportPlan) plan = NULL;

  import_fixture (f->store);
  g_cancellable_cancel (cancellable);
  plan = bo_importer_plan (importer, stream, g_bytes_get_size (bytes), "x.csv", cancellable,
                           &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  GMainLoop      *loop;
  BoImportPlan   *plan;
  BoImportOutcome *outcome;
  GError         *error;
  GThread        *thread;
  guint           notifies;
  guint           changed;
} AsyncState;

static void
fraction_cb (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  AsyncState *state = user_data;

  /* Progress arrives in the caller's thread, never in the worker's. */
  g_assert_true (g_thread_self () == state->thread);
  state->notifies++;
}

static void
changed_cb (BoStore  *store,
            gpointer  user_data)
{
  ((AsyncState *) user_data)->changed++;
}

static void
planned_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  state->plan = bo_importer_plan_file_finish (BO_IMPORTER (object), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
applied_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  bo_importer_apply_finish (BO_IMPORTER (object), result, &state->outcome, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *orders = many_orders (3000);
  g_autofree char *path = g_build_filename (f->dir, "orders.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BoImporter) importer = bo_importer_new (f->store, BO_IMPORT_CSV_ORDERS);
  AsyncState state = { g_main_loop_new (NULL, FALSE) };
  gulong handler;

  state.thread = g_thread_self ();
  import_fixture (f->store);
  g_assert_true (g_file_set_contents (path, orders, -1, NULL));
  g_signal_connect (importer, "notify::fraction", G_CALLBACK (fraction_cb), &state);
  handler = g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), &state);

  bo_importer_plan_file_async (importer, file, NULL, planned_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_nonnull (state.plan);
  g_assert_cmpuint (bo_import_plan_count (state.plan, BO_IMPORT_RECORD_ORDER, BO_IMPORT_CREATE),
                    ==, 3000);
  g_assert_cmpfloat (bo_importer_get_fraction (importer), ==, 1.0);
  g_assert_cmpuint (state.changed, ==, 0);

  state.notifies = 0;
  bo_importer_apply_async (importer, state.plan, NULL, applied_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_cmpuint (state.outcome->created[BO_IMPORT_RECORD_ORDER], ==, 3000);
  g_assert_cmpuint (state.notifies, >, 1);
  /* The window's store hears of the import. */
  g_assert_cmpuint (state.changed, ==, 1);
  g_assert_cmpint (bo_store_count_orders (f->store, BO_ORDER_FILTER_ALL, NULL, NULL), ==, 3003);

  g_signal_handler_disconnect (f->store, handler);
  g_clear_object (&state.plan);
  bo_import_outcome_free (state.outcome);
  g_main_loop_unref (state.loop);
}

/* ---- exports ------------------------------------------------------------------------ */

static GPtrArray *
read_csv (GOutputStream *out)
{
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (out);
  g_autoptr(BoCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_assert_true (g_output_stream_close (out, NULL, NULL));
  reader = bo_csv_reader_new_for_data (g_memory_output_stream_get_data (memory),
                                       g_memory_output_stream_get_data_size (memory));
  while (bo_csv_reader_next (reader, NULL, &error))
    g_ptr_array_add (rows, bo_csv_reader_dup_fields (reader));
  g_assert_no_error (error);
  g_assert_true (bo_csv_reader_get_had_bom (reader));
  return rows;
}

static void
test_exports (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GOutputStream) backorders = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) customers = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(BoSupplier) nordic = NULL;
  g_autoptr(BoProduct) mug = NULL;
  g_autoptr(GError) error = NULL;
  gint64 po_id = 0;
  gboolean found_mallory = FALSE;

  import_fixture (f->store);

  /* Open backorders: W-2 and W-3 wait for a mug each (FIFO). */
  g_assert_true (bo_export_write (f->store, BO_EXPORT_BACKORDERS, backorders, NULL, &error));
  rows = read_csv (backorders);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[0], ==, "W-2");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[8], ==, "1");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Customers, with a name that a spreadsheet would run: it is text. */
  g_assert_true (bo_export_write (f->store, BO_EXPORT_CUSTOMERS, customers, NULL, &error));
  rows = read_csv (customers);
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_assert_false (bo_csv_is_formula_like (row[0]));
      if (g_str_has_prefix (row[0], "'=HYPERLINK"))
        found_mallory = TRUE;
      if (g_str_equal (row[0], "Bob Brown"))
        {
          g_assert_cmpstr (row[2], ==, "waiting for a purchase order");
          g_assert_cmpstr (row[4], ==, "1");
        }
    }
  g_assert_true (found_mallory);

  /* One file per supplier with open purchase orders, with their SKUs. */
  nordic = bo_store_find_supplier (f->store, "Nordic Ceramics", NULL);
  mug = bo_store_find_product (f->store, "MUG-BLU", NULL);
  {
    BoQuantity q = { mug->id, 20 };
    gint64 cost = 400;

    g_assert_true (bo_store_create_po (f->store, nordic->id, 0, &q, &cost, 1, &po_id, &error));
    g_assert_no_error (error);
  }
  files = bo_export_purchase_orders_to_folder (f->store, folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  {
    g_autofree char *contents = NULL;
    g_autofree char *name = g_file_get_basename (g_ptr_array_index (files, 0));

    g_assert_cmpstr (name, ==, "purchase-orders-nordic-ceramics.csv");
    g_assert_true (g_file_load_contents (g_ptr_array_index (files, 0), NULL, &contents, NULL,
                                         NULL, NULL));
    g_assert_nonnull (strstr (contents, "NC-1,MUG-BLU,Blue mug,20,4.00,80.00\r\n"));
  }
}

/* ---- backup and restore -------------------------------------------------------------- */

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(BoStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BoProduct) extra = bo_product_new ();
  sqlite3 *foreign = NULL;

  import_fixture (f->store);
  g_assert_true (bo_store_backup (f->store, backup, &error));
  saved = fingerprint (f->store);

  /* A second connection, as the window would hold, stays usable. */
  reader = bo_store_open_another (f->store, &error);
  g_assert_no_error (error);

  extra->sku = g_strdup ("EXTRA");
  extra->name = g_strdup ("Extra");
  g_assert_true (bo_store_save_product (f->store, extra, &error));
  g_assert_true (bo_store_restore (f->store, backup, &copy, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));

  /* Everything as it was, but for the event that tells of the restore. */
  g_assert_null (bo_store_find_product (f->store, "EXTRA", NULL));
  g_assert_cmpint (count_rows (f->store, "SELECT count (*) FROM events WHERE kind = 'restored'"),
                   ==, 1);
  g_assert_true (_bo_store_exec (f->store, "DELETE FROM events WHERE kind = 'restored'", NULL));
  restored = fingerprint (f->store);
  g_assert_cmpstr (saved, ==, restored);
  g_assert_cmpint (bo_store_count_products (reader, NULL, NULL), ==, 3);
  assert_consistent (f->store);

  /* Not a backup: a text file, another program's database. Nothing changes. */
  g_assert_true (g_file_set_contents (text, "hello\n", -1, NULL));
  g_assert_false (bo_store_restore (f->store, text, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_open (other, &foreign), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (foreign, "CREATE TABLE t (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (foreign);
  g_assert_false (bo_store_restore (f->store, other, NULL, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "another program"));
  restored = (g_free (restored), fingerprint (f->store));
  g_assert_cmpstr (saved, ==, restored);
}

/* A backup of an older version of Backorders is upgraded when restored. */
static void
test_restore_older (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *old = g_build_filename (f->dir, "version-1.db", NULL);
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (old, &db), ==, SQLITE_OK);
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

  import_fixture (f->store);
  g_assert_true (bo_store_restore (f->store, old, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "PRAGMA user_version"), ==, BO_STORE_SCHEMA_VERSION);
  g_assert_null (bo_store_find_product (f->store, "TEE-S", NULL));
  order = bo_store_find_order (f->store, "1001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (((BoOrderLine *) g_ptr_array_index (order->lines, 0))->backordered, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  g_test_add_func ("/import/values", test_values);
  ADD ("/import/shopify/products-real", test_shopify_products_real);
  ADD ("/import/shopify/inventory-real", test_shopify_inventory_real);
  ADD ("/import/shopify/orders-real", test_shopify_orders_real);
  ADD ("/import/shopify/new-headers", test_shopify_new_headers);
  ADD ("/import/shopify/inventory-locations", test_shopify_inventory_locations);
  ADD ("/import/woocommerce/real", test_woocommerce_real);
  ADD ("/import/woocommerce/mapping", test_woocommerce_mapping);
  ADD ("/import/csv/northwind", test_northwind);
  ADD ("/import/csv/idempotent", test_generic_idempotent);
  ADD ("/import/orders/group-allocation", test_group_allocation);
  ADD ("/import/orders/after-waiting", test_group_after_waiting);
  ADD ("/import/orders/deny-policy", test_deny_policy_note);
  ADD ("/import/bad-files", test_bad_files);
  ADD ("/import/stock-below-allocated", test_stock_below_allocated);
  ADD ("/import/cancel/apply", test_cancel_apply);
  ADD ("/import/cancel/plan", test_cancel_plan);
  ADD ("/import/async", test_async);
  ADD ("/import/exports", test_exports);
  ADD ("/import/restore", test_restore);
  ADD ("/import/restore-older", test_restore_older);
#undef ADD

  return g_test_run ();
}
