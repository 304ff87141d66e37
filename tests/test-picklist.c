/* test-picklist.c — pick lists (content, pages, PDF text) and customer update messages
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "backorders/bo-error.h"
#include "backorders/bo-message.h"
#include "backorders/bo-picklist.h"
#include "backorders/bo-store.h"
#include "bo-test-skip.h"

#define A4_WIDTH  (210.0 / 25.4 * 72.0)
#define A4_HEIGHT (297.0 / 25.4 * 72.0)

typedef struct
{
  char    *dir;
  BoStore *store;
  gint64   customer;
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
  g_autoptr(BoCustomer) customer = bo_customer_new ();
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("test-picklist-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "shop.db", NULL);
  f->store = bo_store_open (path, &error);
  g_assert_no_error (error);
  bo_store_set_now (f->store, base_now ());
  g_assert_true (bo_store_set_setting (f->store, "shop-name", "Hilltop Ceramics", &error));
  g_assert_no_error (error);

  customer->name = g_strdup ("Ada Lovelace");
  customer->email = g_strdup ("ada@example.com");
  customer->address = g_strdup ("12 Marsh Lane\nLondon N1 7AB");
  g_assert_true (bo_store_save_customer (f->store, customer, &error));
  g_assert_no_error (error);
  f->customer = customer->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_true (bo_store_check (f->store, &problems, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* ---- building a shop ----------------------------------------------------------- */

static gint64
add_product (Fixture    *f,
             const char *sku,
             const char *name,
             gint64      stock,
             const char *location,
             gboolean    drop_ship)
{
  g_autoptr(BoProduct) p = bo_product_new ();
  g_autoptr(GError) error = NULL;

  p->sku = g_strdup (sku);
  p->name = g_strdup (name);
  p->on_hand = stock;
  p->price = 400;
  p->location = g_strdup (location);
  p->drop_ship = drop_ship;
  g_assert_true (bo_store_save_product (f->store, p, &error));
  g_assert_no_error (error);
  /* A drop-ship product is ordered from the supplier that ships it. */
  if (drop_ship)
    {
      g_autoptr(BoSupplier) supplier = bo_store_find_supplier (f->store, "Lamps Ltd", NULL);
      g_autoptr(BoProductSupplier) link = bo_product_supplier_new ();

      if (supplier == NULL)
        {
          supplier = bo_supplier_new ();
          supplier->name = g_strdup ("Lamps Ltd");
          g_assert_true (bo_store_save_supplier (f->store, supplier, &error));
          g_assert_no_error (error);
        }
      link->product_id = p->id;
      link->supplier_id = supplier->id;
      link->preferred = TRUE;
      g_assert_true (bo_store_link_supplier (f->store, link, &error));
      g_assert_no_error (error);
    }
  return p->id;
}

static gint64
add_customer (Fixture    *f,
              const char *name)
{
  g_autoptr(BoCustomer) c = bo_customer_new ();
  g_autoptr(GError) error = NULL;

  c->name = g_strdup (name);
  g_assert_true (bo_store_save_customer (f->store, c, &error));
  g_assert_no_error (error);
  return c->id;
}

/* Places order @number of "SKU:QTY" lines, @minutes after the base time. */
static gint64
place (Fixture    *f,
       gint64      customer,
       const char *number,
       int         minutes,
       const char *first_line,
       ...)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  draft->customer_id = customer;
  draft->number = g_strdup (number);
  draft->placed_at = base_now () + minutes * 60;
  va_start (args, first_line);
  for (const char *line = first_line; line != NULL; line = va_arg (args, const char *))
    {
      g_auto(GStrv) parts = g_strsplit (line, ":", 2);
      bo_order_draft_add_line (draft, parts[0], g_ascii_strtoll (parts[1], NULL, 10), -1);
    }
  va_end (args);
  g_assert_true (bo_store_place_order (f->store, draft, FALSE, &outcome, &error));
  g_assert_no_error (error);
  return outcome->order_id;
}

static gint64
product_id (Fixture    *f,
            const char *sku)
{
  g_autoptr(BoProduct) product = bo_store_find_product (f->store, sku, NULL);

  if (product == NULL)
    g_error ("there is no product %s", sku);
  return product->id;
}

static gint64
line_id (Fixture    *f,
         gint64      order_id,
         const char *sku)
{
  g_autoptr(BoOrder) order = bo_store_get_order (f->store, order_id, NULL);

  g_assert_nonnull (order);
  for (guint i = 0; i < order->lines->len; i++)
    {
      const BoOrderLine *line = g_ptr_array_index (order->lines, i);
      if (g_str_equal (line->sku, sku))
        return line->id;
    }
  g_assert_not_reached ();
}

/* Packs @quantity of @sku (0: everything allocated) into a new shipment. */
static gint64
pack (Fixture    *f,
      gint64      order_id,
      const char *sku,
      gint64      quantity)
{
  g_autoptr(GError) error = NULL;
  BoQuantity q = { 0, quantity };
  gint64 shipment = 0;

  if (sku != NULL)
    q.line_id = line_id (f, order_id, sku);
  g_assert_true (bo_store_create_shipment (f->store, order_id, &q, sku != NULL ? 1 : 0,
                                           &shipment, &error));
  g_assert_no_error (error);
  return shipment;
}

static const BoPicklistRow *
find_row (const BoPicklist *picklist,
          const char       *sku)
{
  for (guint i = 0; i < picklist->rows->len; i++)
    {
      const BoPicklistRow *row = g_ptr_array_index (picklist->rows, i);
      if (g_str_equal (row->sku, sku))
        return row;
    }
  return NULL;
}

static const BoPicklistRow *
row_of (const BoPicklist *picklist,
        const char       *sku)
{
  const BoPicklistRow *row = find_row (picklist, sku);

  if (row == NULL)
    g_error ("the pick list has no row for %s", sku);
  return row;
}

/* The shop of the examples: 2 blue mugs for 5 wanted, tea enough, a
 * drop-ship lamp, an item out of stock. */
static gint64
mug_order (Fixture *f)
{
  add_product (f, "MUG-BLU", "Blue mug", 2, "A-2", FALSE);
  add_product (f, "TEA-GRN", "Green tea", 10, "A-10", FALSE);
  add_product (f, "LAMP-DS", "Desk lamp", 5, "Z-1", TRUE);
  add_product (f, "PEN-RED", "Red pen", 0, "", FALSE);
  return place (f, f->customer, "1001", 0, "MUG-BLU:5", "TEA-GRN:1", "LAMP-DS:1", "PEN-RED:2",
                NULL);
}

/* ---- reading PDFs back ------------------------------------------------------------ */

static gboolean
skip_without_poppler (void)
{
  g_autofree char *text = g_find_program_in_path ("pdftotext");
  g_autofree char *info = g_find_program_in_path ("pdfinfo");

  if (text != NULL && info != NULL)
    return FALSE;
  bo_test_skip_missing ("pdftotext and pdfinfo (poppler-utils) are not installed");
  return TRUE;
}

static char *
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("%s failed: %s", first, err);
  return out;
}

/* The text of each page, as pdftotext -layout lays it out. */
static GStrv
pdf_pages (const char *path)
{
  g_autofree char *text = run ("pdftotext", "-layout", path, "-", NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);

  /* Every page ends in a form feed: the last piece is empty. */
  for (guint i = 0; pages[i] != NULL; i++)
    if (pages[i + 1] != NULL)
      g_strv_builder_add (builder, pages[i]);
  return g_strv_builder_end (builder);
}

static char *
pdf_info (const char *path,
          const char *key)
{
  g_autofree char *info = run ("pdfinfo", path, NULL);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  g_error ("pdfinfo says nothing about %s", key);
}

static char *
write_pdf (Fixture    *f,
           BoPicklist *picklist,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (bo_picklist_write_pdf_for_size (picklist, path, A4_WIDTH, A4_HEIGHT, &error));
  g_assert_no_error (error);
  return path;
}

static gboolean
matches (const char *text,
         const char *pattern)
{
  return g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0);
}

/* A table row as pdftotext prints it: its cells in order on one line. */
static void
assert_shipment_row (const char *text,
                     const char *bin,
                     const char *sku,
                     const char *product,
                     const char *pick,
                     const char *ordered,
                     const char *backordered)
{
  g_autofree char *pattern = g_strdup_printf ("^\\s*%s\\s+%s\\s+%s\\s+%s\\s+%s\\s+%s(\\s|$)",
                                              bin, sku, product, pick, ordered, backordered);

  if (!matches (text, pattern))
    g_error ("no row /%s/ in:\n%s", pattern, text);
}

/* ---- one shipment ------------------------------------------------------------------ */

static void
test_shipment_content (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BoPicklist) picklist = NULL;
  g_autoptr(GError) error = NULL;
  const BoPicklistRow *row;
  gint64 order = mug_order (f);
  gint64 shipment = pack (f, order, NULL, 0);

  picklist = bo_picklist_new_for_shipment (f->store, shipment, &error);
  g_assert_no_error (error);
  g_assert_cmpint (picklist->kind, ==, BO_PICKLIST_SHIPMENT);
  g_assert_cmpstr (picklist->shop_name, ==, "Hilltop Ceramics");
  g_assert_cmpstr (picklist->order_number, ==, "1001");
  g_assert_cmpstr (picklist->customer_name, ==, "Ada Lovelace");
  g_assert_cmpstr (picklist->ship_to, ==, "12 Marsh Lane\nLondon N1 7AB");
  g_assert_cmpint (picklist->shipment_id, ==, shipment);
  g_assert_cmpuint (picklist->date, ==, julian (2026, 11, 26));

  /* Walking order: A-2 before A-10; the pen, with nothing to pick, last;
   * the drop-ship lamp not at all. */
  g_assert_cmpuint (picklist->rows->len, ==, 3);
  g_assert_cmpstr (((BoPicklistRow *) g_ptr_array_index (picklist->rows, 0))->sku, ==, "MUG-BLU");
  g_assert_cmpstr (((BoPicklistRow *) g_ptr_array_index (picklist->rows, 1))->sku, ==, "TEA-GRN");
  g_assert_cmpstr (((BoPicklistRow *) g_ptr_array_index (picklist->rows, 2))->sku, ==, "PEN-RED");
  g_assert_null (find_row (picklist, "LAMP-DS"));

  row = row_of (picklist, "MUG-BLU");
  g_assert_cmpstr (row->location, ==, "A-2");
  g_assert_cmpstr (row->product_name, ==, "Blue mug");
  g_assert_cmpint (row->pick, ==, 2);
  g_assert_cmpint (row->ordered, ==, 5);
  g_assert_cmpint (row->backordered, ==, 3);
  g_assert_cmpuint (row->promised, ==, 0);
  row = row_of (picklist, "PEN-RED");
  g_assert_cmpint (row->pick, ==, 0);
  g_assert_cmpint (row->backordered, ==, 2);
  g_assert_cmpint (bo_picklist_get_units (picklist), ==, 3);
  g_assert_true (bo_picklist_has_backorders (picklist));
}

static void
test_shipment_pdf (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BoPicklist) picklist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pages_info = NULL;
  g_autofree char *size = NULL;
  g_auto(GStrv) pages = NULL;
  gint64 po = 0;
  gint64 order = mug_order (f);
  g_autoptr(BoSupplier) supplier = bo_supplier_new ();
  BoQuantity q = { 0, 3 };
  g_autofree char *expected = NULL;

  /* A purchase order dates the mugs; the pen has no date. */
  supplier->name = g_strdup ("Potters Ltd");
  g_assert_true (bo_store_save_supplier (f->store, supplier, &error));
  g_assert_no_error (error);
  q.line_id = product_id (f, "MUG-BLU");
  g_assert_true (bo_store_create_po (f->store, supplier->id, julian (2026, 12, 14), &q, NULL, 1,
                                     &po, &error));
  g_assert_no_error (error);

  picklist = bo_picklist_new_for_order (f->store, order, &error);
  g_assert_no_error (error);
  g_assert_cmpint (picklist->shipment_id, ==, 0);
  g_assert_cmpuint (picklist->n_shipments, ==, 0);
  g_assert_cmpuint (row_of (picklist, "MUG-BLU")->promised, ==, julian (2026, 12, 15));

  if (skip_without_poppler ())
    return;
  path = write_pdf (f, picklist, "order.pdf");
  pages = pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  g_assert_cmpuint (bo_picklist_layout (picklist, A4_WIDTH, A4_HEIGHT), ==, 1);

  pages_info = pdf_info (path, "Pages");
  g_assert_cmpstr (pages_info, ==, "1");
  size = pdf_info (path, "Page size");
  g_assert_nonnull (strstr (size, "(A4)"));

  g_assert_nonnull (strstr (pages[0], "Hilltop Ceramics"));
  g_assert_nonnull (strstr (pages[0], "Pick list"));
  g_assert_nonnull (strstr (pages[0], "1001"));
  g_assert_nonnull (strstr (pages[0], "Ada Lovelace"));
  g_assert_nonnull (strstr (pages[0], "12 Marsh Lane"));
  g_assert_nonnull (strstr (pages[0], "London N1 7AB"));
  g_assert_nonnull (strstr (pages[0], "26 November 2026"));
  g_assert_true (matches (pages[0], "Bin\\s+SKU\\s+Product\\s+Pick now\\s+Ordered\\s+"
                                    "Still backordered"));
  assert_shipment_row (pages[0], "A-2", "MUG-BLU", "Blue mug", "2", "5", "3");
  assert_shipment_row (pages[0], "A-10", "TEA-GRN", "Green tea", "1", "1", "–");
  assert_shipment_row (pages[0], "–", "PEN-RED", "Red pen", "–", "2", "2");
  expected = g_strdup_printf ("expected %s", "15 Dec 2026");
  g_assert_nonnull (strstr (pages[0], expected));
  g_assert_nonnull (strstr (pages[0], "date to follow"));
  g_assert_null (strstr (pages[0], "LAMP-DS"));
  g_assert_nonnull (strstr (pages[0], "Backordered items will follow"));
  g_assert_nonnull (strstr (pages[0], "Page 1 of 1"));
}

static void
test_shipment_complete_has_no_note (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(BoPicklist) picklist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  gint64 order;

  add_product (f, "TEA-GRN", "Green tea", 10, "A-10", FALSE);
  order = place (f, f->customer, "1002", 0, "TEA-GRN:4", NULL);
  picklist = bo_picklist_new_for_shipment (f->store, pack (f, order, NULL, 0), &error);
  g_assert_no_error (error);
  g_assert_false (bo_picklist_has_backorders (picklist));

  if (skip_without_poppler ())
    return;
  path = write_pdf (f, picklist, "complete.pdf");
  pages = pdf_pages (path);
  assert_shipment_row (pages[0], "A-10", "TEA-GRN", "Green tea", "4", "4", "–");
  g_assert_null (strstr (pages[0], "will follow"));
}

/* Where an order's pick list takes its units from. */
static void
test_order_sources (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 order = mug_order (f);
  gint64 first, second;

  /* No shipment yet: what is allocated. */
  {
    g_autoptr(BoPicklist) picklist = bo_picklist_new_for_order (f->store, order, &error);

    g_assert_no_error (error);
    g_assert_cmpint (row_of (picklist, "MUG-BLU")->pick, ==, 2);
    g_assert_cmpint (row_of (picklist, "TEA-GRN")->pick, ==, 1);
  }

  /* One open shipment of one mug: that shipment. */
  first = pack (f, order, "MUG-BLU", 1);
  {
    g_autoptr(BoPicklist) picklist = bo_picklist_new_for_order (f->store, order, &error);

    g_assert_no_error (error);
    g_assert_cmpint (picklist->shipment_id, ==, first);
    g_assert_cmpint (row_of (picklist, "MUG-BLU")->pick, ==, 1);
    g_assert_null (find_row (picklist, "TEA-GRN"));
  }

  /* Two open shipments: picked together. */
  second = pack (f, order, NULL, 0);
  {
    g_autoptr(BoPicklist) picklist = bo_picklist_new_for_order (f->store, order, &error);
    g_autoptr(BoPicklist) only_second = bo_picklist_new_for_shipment (f->store, second, &error);

    g_assert_no_error (error);
    g_assert_cmpint (picklist->shipment_id, ==, 0);
    g_assert_cmpuint (picklist->n_shipments, ==, 2);
    g_assert_cmpint (row_of (picklist, "MUG-BLU")->pick, ==, 2);
    g_assert_cmpint (row_of (picklist, "TEA-GRN")->pick, ==, 1);
    g_assert_cmpint (row_of (only_second, "MUG-BLU")->pick, ==, 1);
  }

  /* A shipment that left has nothing to pick any more. */
  g_assert_true (bo_store_mark_shipped (f->store, first, &error));
  g_assert_no_error (error);
  {
    g_autoptr(BoPicklist) picklist = bo_picklist_new_for_shipment (f->store, first, &error);

    g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
    g_assert_null (picklist);
    g_clear_error (&error);
  }
  {
    g_autoptr(BoPicklist) picklist = bo_picklist_new_for_shipment (f->store, 4711, &error);

    g_assert_error (error, BO_ERROR, BO_ERROR_NOT_FOUND);
    g_assert_null (picklist);
    g_clear_error (&error);
  }
}

static void
test_nothing_to_pick (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BoPicklist) picklist = NULL;
  g_autoptr(BoPicklist) batch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 order;

  add_product (f, "PEN-RED", "Red pen", 0, "", FALSE);
  add_product (f, "LAMP-DS", "Desk lamp", 5, "Z-1", TRUE);
  order = place (f, f->customer, "1003", 0, "PEN-RED:1", "LAMP-DS:1", NULL);

  /* Backordered, and a drop-ship item the supplier sends. */
  picklist = bo_picklist_new_for_order (f->store, order, &error);
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "1003"));
  g_assert_null (picklist);
  g_clear_error (&error);

  batch = bo_picklist_new_batch (f->store, NULL, 0, &error);
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_assert_null (batch);
}

/* ---- many pages -------------------------------------------------------------------- */

static void
test_two_hundred_lines (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(BoPicklist) picklist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pages_info = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages, with_rows = 0;

  /* Product i has i % 4 units on hand and is ordered 3 times: it picks
   * 0 to 3 and leaves the rest backordered. */
  for (guint i = 1; i <= 200; i++)
    {
      g_autofree char *sku = g_strdup_printf ("W-%03u", i);
      g_autofree char *name = g_strdup_printf ("Widget %03u", i);
      g_autofree char *bin = g_strdup_printf ("R-%u", i);

      add_product (f, sku, name, i % 4, bin, FALSE);
      bo_order_draft_add_line (draft, sku, 3, -1);
    }
  draft->customer_id = f->customer;
  draft->number = g_strdup ("2000");
  g_assert_true (bo_store_place_order (f->store, draft, FALSE, &outcome, &error));
  g_assert_no_error (error);

  picklist = bo_picklist_new_for_order (f->store, outcome->order_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (picklist->rows->len, ==, 200);
  g_assert_cmpint (bo_picklist_get_units (picklist), ==, 50 * (1 + 2 + 3));

  n_pages = bo_picklist_layout (picklist, A4_WIDTH, A4_HEIGHT);
  /* A row is at least two lines of 9 pt type high, and a page holds at
   * most 760 pt of rows. */
  g_assert_cmpuint (n_pages, >=, 200 * 22 / 760);
  g_assert_cmpuint (n_pages, <=, 20);
  /* Letter is shorter: never fewer pages. */
  g_assert_cmpuint (bo_picklist_layout (picklist, 612, 792), >=, n_pages);

  if (skip_without_poppler ())
    return;
  path = write_pdf (f, picklist, "long.pdf");
  pages_info = pdf_info (path, "Pages");
  g_assert_cmpuint (g_ascii_strtoull (pages_info, NULL, 10), ==, n_pages);
  pages = pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages);

  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      g_assert_nonnull (strstr (pages[p], footer));
      if (strstr (pages[p], "W-") == NULL)
        {
          /* Only the closing block may have a page of its own, the last. */
          g_assert_cmpuint (p, ==, n_pages - 1);
          continue;
        }
      with_rows++;
      g_assert_true (matches (pages[p], "Bin\\s+SKU\\s+Product\\s+Pick now\\s+Ordered"));
      if (p > 0)
        g_assert_nonnull (strstr (pages[p], "Order 2000 · Ada Lovelace"));
    }
  g_assert_cmpuint (with_rows, >=, n_pages - 1);

  /* Every row once, with its numbers, in walking order. */
  for (guint i = 1; i <= 200; i++)
    {
      g_autofree char *sku = g_strdup_printf ("W-%03u", i);
      g_autofree char *bin = g_strdup_printf ("R-%u", i);
      g_autofree char *name = g_strdup_printf ("Widget %03u", i);
      g_autofree char *pick = i % 4 == 0 ? g_strdup ("–") : g_strdup_printf ("%u", i % 4);
      g_autofree char *left = i % 4 == 3 ? g_strdup ("–") : g_strdup_printf ("%u", 3 - i % 4);
      guint found = 0;

      for (guint p = 0; p < n_pages; p++)
        found += strstr (pages[p], sku) != NULL;
      g_assert_cmpuint (found, ==, 1);
      for (guint p = 0; p < n_pages; p++)
        if (strstr (pages[p], sku) != NULL)
          assert_shipment_row (pages[p], bin, sku, name, pick, "3", left);
    }
  g_assert_nonnull (strstr (pages[n_pages - 1], "Backordered items will follow"));
}

/* The same pages on any surface: a printer's context at 300 dpi draws what
 * the layout planned, with no cairo error. */
static void
test_render_on_other_surfaces (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(BoPicklist) picklist = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  picklist = bo_picklist_new_for_order (f->store, mug_order (f), &error);
  g_assert_no_error (error);
  n_pages = bo_picklist_layout (picklist, 612, 792);
  g_assert_cmpuint (n_pages, ==, 1);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612 * 300 / 72, 792 * 300 / 72);
  cr = cairo_create (surface);
  cairo_scale (cr, 300.0 / 72, 300.0 / 72);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  bo_picklist_render_page (picklist, cr, 612, 792, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (bo_picklist_layout (picklist, 612, 792), ==, n_pages);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* Letter paper on a PDF, and an unwritable path. */
  if (!skip_without_poppler ())
    {
      g_autofree char *path = g_build_filename (f->dir, "letter.pdf", NULL);
      g_autofree char *size = NULL;

      g_assert_true (bo_picklist_write_pdf_for_size (picklist, path, 612, 792, &error));
      g_assert_no_error (error);
      size = pdf_info (path, "Page size");
      g_assert_nonnull (strstr (size, "612 x 792"));
    }
  {
    g_autofree char *path = g_build_filename (f->dir, "missing", "x.pdf", NULL);

    g_assert_false (bo_picklist_write_pdf (picklist, path, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, path));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* A locale whose paper is Letter: the system's, or one compiled for the
 * test into a folder of its own when the system has none. */
static char *
use_letter_locale (void)
{
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;

  if (setlocale (LC_PAPER, "en_US.UTF-8") != NULL || localedef == NULL)
    return NULL;
  dir = g_dir_make_tmp ("test-picklist-locale-XXXXXX", &error);
  g_assert_no_error (error);
  target = g_build_filename (dir, "en_US.UTF-8", NULL);
  /* localedef exits with 1 for mere warnings: what counts is the locale. */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, localedef, "-i", "en_US", "-f", "UTF-8", target, NULL);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_setenv ("LOCPATH", dir, TRUE);
  setlocale (LC_PAPER, "en_US.UTF-8");
  return g_steal_pointer (&dir);
}

static void
test_default_paper (void)
{
  g_autofree char *old = g_strdup (setlocale (LC_PAPER, NULL));
  g_autofree char *locale_dir = NULL;
  double width, height;

  /* The tests run in C.UTF-8, whose paper is A4. */
  bo_picklist_get_default_paper (&width, &height);
  g_assert_cmpfloat_with_epsilon (width, A4_WIDTH, 0.5);
  g_assert_cmpfloat_with_epsilon (height, A4_HEIGHT, 0.5);

  locale_dir = use_letter_locale ();
  if (g_strcmp0 (setlocale (LC_PAPER, NULL), "en_US.UTF-8") != 0)
    {
      bo_test_skip_missing ("there is no en_US.UTF-8 locale, and localedef cannot make one "
                            "(package locales)");
    }
  else
    {
      bo_picklist_get_default_paper (&width, &height);
      g_assert_cmpfloat (width, ==, 612);
      g_assert_cmpfloat (height, ==, 792);
    }

  setlocale (LC_PAPER, old);
  if (locale_dir != NULL)
    {
      g_unsetenv ("LOCPATH");
      remove_tree (locale_dir);
    }
}

/* ---- batches ----------------------------------------------------------------------- */

static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BoPicklist) batch = NULL;
  g_autoptr(BoPicklist) chosen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  gint64 grace = add_customer (f, "Grace Hopper");
  gint64 alan = add_customer (f, "Alan Turing");
  gint64 ids[3];
  const BoPicklistRow *row;
  const BoPicklistOrder *o;

  add_product (f, "MUG-BLU", "Blue mug", 3, "A-2", FALSE);
  add_product (f, "TEA-GRN", "Green tea", 10, "A-10", FALSE);
  add_product (f, "BOX-S", "Small box", 5, "B-1", FALSE);
  add_product (f, "LAMP-DS", "Desk lamp", 5, "Z-1", TRUE);
  add_product (f, "PEN-RED", "Red pen", 0, "", FALSE);

  /* Placed out of number order: the rows list orders in order of service. */
  ids[0] = place (f, f->customer, "1001", 10, "MUG-BLU:2", "TEA-GRN:1", NULL);
  ids[1] = place (f, grace, "1002", 0, "TEA-GRN:3", NULL);
  ids[2] = place (f, alan, "1003", 20, "MUG-BLU:1", "BOX-S:1", "TEA-GRN:1", NULL);
  place (f, alan, "1004", 30, "LAMP-DS:1", NULL);
  place (f, grace, "1005", 40, "PEN-RED:1", NULL);
  /* Units packed in a shipment are still on the shelf: they are picked too. */
  pack (f, ids[1], NULL, 0);

  batch = bo_picklist_new_batch (f->store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (batch->kind, ==, BO_PICKLIST_BATCH);
  g_assert_cmpuint (batch->n_orders, ==, 3);
  g_assert_cmpuint (batch->rows->len, ==, 3);
  g_assert_false (bo_picklist_has_backorders (batch));
  g_assert_null (find_row (batch, "LAMP-DS"));
  g_assert_null (find_row (batch, "PEN-RED"));

  row = g_ptr_array_index (batch->rows, 0);
  g_assert_cmpstr (row->sku, ==, "MUG-BLU");
  g_assert_cmpint (row->pick, ==, 3);
  g_assert_cmpuint (row->orders->len, ==, 2);
  o = &g_array_index (row->orders, BoPicklistOrder, 0);
  g_assert_cmpstr (o->number, ==, "1001");
  g_assert_cmpint (o->quantity, ==, 2);
  o = &g_array_index (row->orders, BoPicklistOrder, 1);
  g_assert_cmpstr (o->number, ==, "1003");
  g_assert_cmpint (o->quantity, ==, 1);

  row = g_ptr_array_index (batch->rows, 1);
  g_assert_cmpstr (row->sku, ==, "TEA-GRN");
  g_assert_cmpint (row->pick, ==, 5);
  g_assert_cmpuint (row->orders->len, ==, 3);
  g_assert_cmpstr (g_array_index (row->orders, BoPicklistOrder, 0).number, ==, "1002");
  g_assert_cmpstr (g_array_index (row->orders, BoPicklistOrder, 1).number, ==, "1001");
  g_assert_cmpstr (g_array_index (row->orders, BoPicklistOrder, 2).number, ==, "1003");

  row = g_ptr_array_index (batch->rows, 2);
  g_assert_cmpstr (row->sku, ==, "BOX-S");
  g_assert_cmpstr (row->location, ==, "B-1");

  /* A selection, with a repeated id: only those orders. */
  {
    gint64 selection[] = { ids[1], ids[2], ids[1] };

    chosen = bo_picklist_new_batch (f->store, selection, G_N_ELEMENTS (selection), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (chosen->n_orders, ==, 2);
    g_assert_cmpint (row_of (chosen, "MUG-BLU")->pick, ==, 1);
    g_assert_cmpint (row_of (chosen, "TEA-GRN")->pick, ==, 4);
    g_assert_cmpint (bo_picklist_get_units (chosen), ==, 6);
  }

  if (skip_without_poppler ())
    return;
  path = write_pdf (f, batch, "batch.pdf");
  pages = pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  g_assert_nonnull (strstr (pages[0], "Batch pick list"));
  g_assert_true (matches (pages[0], "Bin\\s+SKU\\s+Product\\s+Pick now\\s+For orders"));
  g_assert_true (matches (pages[0], "A-2\\s+MUG-BLU\\s+Blue mug\\s+3\\s+1001 × 2, 1003 × 1"));
  g_assert_true (matches (pages[0],
                          "A-10\\s+TEA-GRN\\s+Green tea\\s+5\\s+1002 × 3, 1001 × 1, 1003 × 1"));
  g_assert_true (matches (pages[0], "B-1\\s+BOX-S\\s+Small box\\s+1\\s+1003 × 1"));
  g_assert_null (strstr (pages[0], "LAMP-DS"));
  g_assert_null (strstr (pages[0], "will follow"));
  g_assert_nonnull (strstr (pages[0], "Page 1 of 1"));
}

/* A SKU that very many orders want continues on further rows. */
static void
test_batch_long_row (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BoPicklist) batch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total = 0;

  add_product (f, "PEN-BLK", "Black pen", 100, "C-3", FALSE);
  for (guint i = 0; i < 75; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", 3000 + i);

      place (f, f->customer, number, i, "PEN-BLK:1", NULL);
    }

  batch = bo_picklist_new_batch (f->store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batch->rows->len, >, 1);
  for (guint i = 0; i < batch->rows->len; i++)
    {
      const BoPicklistRow *row = g_ptr_array_index (batch->rows, i);
      gint64 sum = 0;

      g_assert_cmpstr (row->sku, ==, "PEN-BLK");
      g_assert_cmpint (row->continued, ==, i > 0);
      for (guint j = 0; j < row->orders->len; j++)
        sum += g_array_index (row->orders, BoPicklistOrder, j).quantity;
      g_assert_cmpint (sum, ==, row->pick);
      total += row->pick;
    }
  g_assert_cmpint (total, ==, 75);
  g_assert_cmpstr (g_array_index (((BoPicklistRow *) g_ptr_array_index (batch->rows, 0))->orders,
                                  BoPicklistOrder, 0).number, ==, "3000");
  g_assert_cmpuint (bo_picklist_layout (batch, A4_WIDTH, A4_HEIGHT), >=, 1);
}

static void
test_store_pick_lines (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) one = NULL;
  g_autoptr(BoShipment) shipment = NULL;
  g_autoptr(GError) error = NULL;
  gint64 order = mug_order (f);
  gint64 id = pack (f, order, "MUG-BLU", 2);

  all = bo_store_list_pick_lines (f->store, BO_PICK_ALLOCATED, 0, &error);
  g_assert_no_error (error);
  one = bo_store_list_pick_lines (f->store, BO_PICK_UNPACKED, order, &error);
  g_assert_no_error (error);
  /* Mug and tea are allocated; the lamp ships from its supplier. */
  g_assert_cmpuint (all->len, ==, 2);
  for (guint i = 0; i < one->len; i++)
    {
      const BoPickLine *line = &g_array_index (one, BoPickLine, i);

      g_assert_cmpstr (line->order_number, ==, "1001");
      if (g_str_equal (line->sku, "MUG-BLU"))
        g_assert_cmpint (line->quantity, ==, 0);
      else if (g_str_equal (line->sku, "TEA-GRN"))
        g_assert_cmpint (line->quantity, ==, 1);
      else
        g_assert_cmpstr (line->sku, ==, "PEN-RED");
    }

  shipment = bo_store_get_shipment (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shipment->order_id, ==, order);
  g_assert_cmpint (shipment->shipped_at, ==, 0);
  g_assert_cmpuint (shipment->lines->len, ==, 1);
  g_assert_cmpint (g_array_index (shipment->lines, BoShipmentLine, 0).quantity, ==, 2);
}

/* ---- messages ---------------------------------------------------------------------- */

static void
test_message (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BoSupplier) supplier = bo_supplier_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *date = NULL;
  g_autofree char *follows = NULL;
  gint64 order_id = mug_order (f);
  gint64 po = 0;
  BoQuantity q = { 0, 3 };
  const char *shipped, *coming, *cancelled, *later, *refund;

  /* Ship what is there, date the mugs, cancel one pen. */
  g_assert_true (bo_store_ship (f->store, order_id, NULL, 0, NULL, &error));
  g_assert_no_error (error);
  supplier->name = g_strdup ("Potters Ltd");
  g_assert_true (bo_store_save_supplier (f->store, supplier, &error));
  g_assert_no_error (error);
  q.line_id = product_id (f, "MUG-BLU");
  g_assert_true (bo_store_create_po (f->store, supplier->id, julian (2026, 12, 14), &q, NULL, 1,
                                     &po, &error));
  g_assert_no_error (error);
  g_assert_true (bo_store_cancel_line (f->store, line_id (f, order_id, "PEN-RED"), 1, -1, NULL,
                                       &error));
  g_assert_no_error (error);

  g_assert_true (bo_message_for_order (f->store, order_id, &subject, &body, &error));
  g_assert_no_error (error);
  g_test_message ("%s\n\n%s", subject, body);

  g_assert_nonnull (strstr (subject, "1001"));
  g_assert_nonnull (strstr (subject, "Hilltop Ceramics"));
  g_assert_true (g_str_has_prefix (body, "Hello Ada Lovelace,\n"));
  g_assert_true (g_str_has_suffix (body, "Kind regards,\nHilltop Ceramics\n"));

  shipped = strstr (body, "Shipped already:\n");
  coming = strstr (body, "Still to come");
  cancelled = strstr (body, "Cancelled:\n");
  g_assert_nonnull (shipped);
  g_assert_nonnull (coming);
  g_assert_nonnull (cancelled);
  g_assert_true (shipped < coming && coming < cancelled);
  g_assert_null (strstr (body, "Ready and leaving soon"));

  /* Shipped: mugs, tea and the drop-ship lamp. */
  g_assert_nonnull (strstr (shipped, "  • Blue mug (MUG-BLU) × 2\n"));
  g_assert_nonnull (strstr (shipped, "  • Green tea (TEA-GRN) × 1\n"));
  g_assert_true (strstr (shipped, "  • Desk lamp (LAMP-DS) × 1\n") < coming);

  date = bo_picklist_format_date (julian (2026, 12, 15));
  g_assert_cmpstr (date, ==, "15 December 2026");
  follows = g_strdup_printf ("  • Blue mug (MUG-BLU) × 3, expected to ship by %s\n", date);
  g_assert_nonnull (strstr (coming, follows));
  later = strstr (coming, "  • Red pen (PEN-RED) × 1: we will tell you the date as soon as we "
                          "have it\n");
  g_assert_nonnull (later);
  g_assert_true (later < cancelled);

  refund = strstr (cancelled, "  • Red pen (PEN-RED) × 1, refunded 4.00 EUR\n");
  g_assert_nonnull (refund);
  g_assert_nonnull (strstr (body, "sorry for the wait"));

  /* An order that does not exist. */
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);
  g_assert_false (bo_message_for_order (f->store, 4711, &subject, &body, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_NOT_FOUND);
}

static void
test_message_nothing_follows (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  gint64 order_id;

  add_product (f, "TEA-GRN", "Green tea", 10, "A-10", FALSE);
  order_id = place (f, f->customer, "1010", 0, "TEA-GRN:2", NULL);
  order = bo_store_get_order (f->store, order_id, &error);
  g_assert_no_error (error);

  /* Composed without a shop name: no signature line, a plain subject. */
  bo_message_compose (order, "", "EUR", &subject, &body);
  g_assert_cmpstr (subject, ==, "Your order 1010: an update");
  g_assert_nonnull (strstr (body, "Ready and leaving soon:\n  • Green tea (TEA-GRN) × 2\n"));
  g_assert_null (strstr (body, "Still to come"));
  g_assert_null (strstr (body, "sorry"));
  g_assert_null (strstr (body, "Cancelled"));
  g_assert_true (g_str_has_suffix (body, "Kind regards,\n"));
}

/* What the query of a mailto: URI holds, unescaped. */
static char *
query_value (const char *query,
             const char *key)
{
  g_auto(GStrv) pairs = g_strsplit (query, "&", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *eq = strchr (pairs[i], '=');

      if (eq != NULL && strncmp (pairs[i], key, eq - pairs[i]) == 0
          && strlen (key) == (gsize) (eq - pairs[i]))
        return g_uri_unescape_string (eq + 1, NULL);
    }
  return NULL;
}

static void
test_mailto (void)
{
  const char *email = "o'neil+shop@example.com";
  const char *subject = "Q&A? #1 — 100% sure";
  const char *body = "Hello Zoë,\n\nRows & columns? #2 at 50% off\nまたね\n";
  g_autofree char *uri = bo_message_mailto_uri (email, subject, body);
  g_autofree char *to = NULL;
  g_autofree char *got_subject = NULL;
  g_autofree char *got_body = NULL;
  g_autoptr(GString) lf = g_string_new (NULL);
  const char *query;

  g_test_message ("%s", uri);
  g_assert_true (g_str_has_prefix (uri, "mailto:"));
  /* Nothing a URI parser or a shell could take apart: no spaces, line
   * ends, fragments or raw non-ASCII; one "?" starts the query. */
  for (const char *c = uri; *c != '\0'; c++)
    {
      g_assert_true ((guchar) *c > ' ' && (guchar) *c < 0x7f);
      g_assert_true (*c != '#');
    }
  query = strchr (uri, '?');
  g_assert_nonnull (query);
  g_assert_null (strchr (query + 1, '?'));
  g_assert_true (g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL));

  to = g_uri_unescape_segment (uri + strlen ("mailto:"), query, NULL);
  g_assert_cmpstr (to, ==, email);
  got_subject = query_value (query + 1, "subject");
  g_assert_cmpstr (got_subject, ==, subject);
  got_body = query_value (query + 1, "body");
  g_assert_nonnull (strstr (uri, "%0D%0A"));
  /* Line ends travel as CRLF (RFC 6068) and come back as they were. */
  for (const char *c = got_body; *c != '\0'; c++)
    if (!(c[0] == '\r' && c[1] == '\n'))
      g_string_append_c (lf, *c);
  g_assert_cmpstr (lf->str, ==, body);

  /* Without an address the client asks for one. */
  g_free (uri);
  uri = bo_message_mailto_uri (NULL, "Hi", NULL);
  g_assert_cmpstr (uri, ==, "mailto:?subject=Hi");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/picklist/shipment/content", test_shipment_content);
  ADD ("/picklist/shipment/pdf", test_shipment_pdf);
  ADD ("/picklist/shipment/complete-has-no-note", test_shipment_complete_has_no_note);
  ADD ("/picklist/order/sources", test_order_sources);
  ADD ("/picklist/nothing-to-pick", test_nothing_to_pick);
  ADD ("/picklist/pages/two-hundred-lines", test_two_hundred_lines);
  ADD ("/picklist/pages/other-surfaces", test_render_on_other_surfaces);
  g_test_add_func ("/picklist/pages/default-paper", test_default_paper);
  ADD ("/picklist/batch/grouped", test_batch);
  ADD ("/picklist/batch/long-row", test_batch_long_row);
  ADD ("/picklist/store/pick-lines", test_store_pick_lines);
  ADD ("/message/order", test_message);
  ADD ("/message/nothing-follows", test_message_nothing_follows);
  g_test_add_func ("/message/mailto", test_mailto);

#undef ADD

  return g_test_run ();
}
