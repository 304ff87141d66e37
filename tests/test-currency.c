/* test-currency.c — a shop's currency: amounts in its minor units, and changing it safely
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-currency"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include <backorders/bo-chart.h>
#include <backorders/bo-error.h>
#include <backorders/bo-export.h>
#include <backorders/bo-message.h>
#include <backorders/bo-money.h>
#include <backorders/bo-store.h>

typedef struct
{
  char    *dir;
  char    *path;
  BoStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("bo-currency-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "shop.db", NULL);
  f->store = bo_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_clear_object (&f->store);
  d = g_dir_open (f->dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
set_currency (Fixture    *f,
              const char *code)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bo_store_set_setting (f->store, "currency", code, &error));
  g_assert_no_error (error);
}

static gint64
add_product (Fixture    *f,
             const char *sku,
             gint64      stock,
             gint64      price)
{
  g_autoptr(BoProduct) p = bo_product_new ();
  g_autoptr(GError) error = NULL;

  p->sku = g_strdup (sku);
  p->name = g_strdup_printf ("Product %s", sku);
  p->on_hand = stock;
  p->price = price;
  g_assert_true (bo_store_save_product (f->store, p, &error));
  g_assert_no_error (error);
  return p->id;
}

static gint64
place (Fixture    *f,
       const char *sku,
       gint64      quantity)
{
  g_autoptr(BoCustomer) c = bo_customer_new ();
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;

  c->name = g_strdup ("Ms A");
  g_assert_true (bo_store_save_customer (f->store, c, &error));
  draft->customer_id = c->id;
  bo_order_draft_add_line (draft, sku, quantity, -1);
  g_assert_true (bo_store_place_order (f->store, draft, FALSE, &outcome, &error));
  g_assert_no_error (error);
  return outcome->order_id;
}

static char *
export_text (Fixture      *f,
             BoExportKind  kind)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (bo_export_write (f->store, kind, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
}

/* A yen shop's files carry whole yen; a dinar shop's three decimals. */
static void
test_exports (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *yen = NULL;
  g_autofree char *customers = NULL;
  g_autofree char *dinar = NULL;

  set_currency (f, "JPY");
  add_product (f, "MUG", 1, 8000);
  place (f, "MUG", 3);
  yen = export_text (f, BO_EXPORT_BACKORDERS);
  g_assert_nonnull (strstr (yen, ",3,1,0,2,16000,"));
  g_assert_null (strstr (yen, "160.00"));
  customers = export_text (f, BO_EXPORT_CUSTOMERS);
  g_assert_nonnull (strstr (customers, ",16000,"));

  g_clear_object (&f->store);
  g_free (f->path);
  f->path = g_build_filename (f->dir, "dinar.db", NULL);
  f->store = bo_store_open (f->path, NULL);
  g_assert_nonnull (f->store);
  set_currency (f, "KWD");
  add_product (f, "MUG", 0, 1234);
  place (f, "MUG", 1);
  dinar = export_text (f, BO_EXPORT_BACKORDERS);
  g_assert_nonnull (strstr (dinar, ",1,0,0,1,1.234,"));
}

/* The backlog chart of a yen shop plots and names whole yen. */
static void
test_chart (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BoChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint32 today, from, to;
  const BoChartPoint *point = NULL;
  guint value_series = G_MAXUINT;

  set_currency (f, "JPY");
  add_product (f, "MUG", 1, 8000);
  place (f, "MUG", 3);
  today = bo_store_get_today (f->store);
  bo_chart_default_range (today, BO_PERIOD_MONTH, &from, &to);
  chart = bo_chart_new_backlog (f->store, BO_PERIOD_MONTH, from, to, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < bo_chart_get_n_series (chart); i++)
    if (bo_chart_get_series (chart, i)->unit == BO_CHART_UNIT_MONEY)
      value_series = i;
  g_assert_cmpuint (value_series, !=, G_MAXUINT);
  point = bo_chart_get_point (chart, value_series, bo_chart_get_n_categories (chart) - 1);
  g_assert_cmpfloat (point->value, ==, 16000.0);
  text = bo_chart_format_value (chart, value_series, point->value);
  g_assert_cmpstr (text, ==, "16000 JPY");
}

/* The message to a customer names a refund in whole yen. */
static void
test_message (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  const BoOrderLine *line;
  gint64 id;

  set_currency (f, "JPY");
  add_product (f, "MUG", 0, 8000);
  id = place (f, "MUG", 3);
  order = bo_store_get_order (f->store, id, &error);
  g_assert_no_error (error);
  line = g_ptr_array_index (order->lines, 0);
  g_assert_true (bo_store_cancel_line (f->store, line->id, 1, 8000, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bo_message_for_order (f->store, id, &subject, &body, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (body, "refunded 8000 JPY"));
  g_assert_null (strstr (body, "80.00"));
}

/* The store's limits speak in the shop's decimals. */
static void
test_limit_message (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BoProduct) p = bo_product_new ();
  g_autoptr(GError) error = NULL;

  set_currency (f, "JPY");
  p->sku = g_strdup ("BIG");
  p->name = g_strdup ("Big");
  p->price = BO_MONEY_MAX;
  g_assert_true (bo_store_save_product (f->store, p, &error));
  g_assert_no_error (error);
  p->price = BO_MONEY_MAX + 1;
  g_assert_false (bo_store_save_product (f->store, p, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The price must be from 0 to 999,999,999, not "
                                       "1,000,000,000");
}

/* Stored numbers are minor units: once a shop holds amounts, a currency
 * with other decimals would change what they mean, so it is refused and
 * nothing changes; a currency with the same decimals is fine. */
static void
test_change_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autoptr(BoProduct) product = NULL;
  gint64 id;

  /* An empty shop may pick any currency. */
  set_currency (f, "JPY");
  set_currency (f, "EUR");

  id = add_product (f, "MUG", 5, 1250);
  g_assert_false (bo_store_set_setting (f->store, "currency", "JPY", &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "EUR (2 decimals) to JPY (0 decimals)"));
  g_clear_error (&error);
  g_assert_false (bo_store_set_setting (f->store, "currency", "KWD", &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
  g_clear_error (&error);

  after = bo_store_get_setting (f->store, "currency");
  g_assert_cmpstr (after, ==, "EUR");
  product = bo_store_get_product (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (product->price, ==, 1250);

  /* Same decimals: the numbers keep their meaning. */
  set_currency (f, "USD");
  set_currency (f, "XYZ");
  set_currency (f, "EUR");
}

/* An order's price alone counts too: a product's price may be 0. */
static void
test_change_refused_by_orders (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoCustomer) c = bo_customer_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;

  add_product (f, "FREE", 5, 0);
  set_currency (f, "JPY");
  c->name = g_strdup ("Ms B");
  g_assert_true (bo_store_save_customer (f->store, c, &error));
  draft->customer_id = c->id;
  bo_order_draft_add_line (draft, "FREE", 1, 500);
  g_assert_true (bo_store_place_order (f->store, draft, FALSE, &outcome, &error));
  g_assert_no_error (error);
  g_assert_false (bo_store_set_setting (f->store, "currency", "EUR", &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_REFUSED);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/currency/exports", Fixture, NULL, fixture_set_up, test_exports,
              fixture_tear_down);
  g_test_add ("/currency/chart", Fixture, NULL, fixture_set_up, test_chart, fixture_tear_down);
  g_test_add ("/currency/message", Fixture, NULL, fixture_set_up, test_message,
              fixture_tear_down);
  g_test_add ("/currency/limit-message", Fixture, NULL, fixture_set_up, test_limit_message,
              fixture_tear_down);
  g_test_add ("/currency/change-refused", Fixture, NULL, fixture_set_up, test_change_refused,
              fixture_tear_down);
  g_test_add ("/currency/change-refused-by-orders", Fixture, NULL, fixture_set_up,
              test_change_refused_by_orders, fixture_tear_down);
  return g_test_run ();
}
