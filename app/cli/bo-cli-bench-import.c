/* bo-cli-bench-import.c — bench-import: a generated Shopify orders export, imported
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates a catalogue (imported as a CSV of products) and a Shopify orders
 * export of 100,000 line items, as Shopify writes them: one row per line
 * item, the order's columns on its first row only; fulfilled, partly
 * fulfilled and unfulfilled orders; a fifth of the line items without a SKU,
 * found by name. Then measures planning, applying (one transaction, one
 * allocation for the whole group) and the invariant check. Planning and
 * applying together have a budget per line item; over it, the command fails.
 */
#define G_LOG_DOMAIN "bo-cli"
#include "config.h"

#include <inttypes.h>

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <backorders/bo-csv.h>
#include <backorders/bo-import.h>
#include <backorders/bo-output-file.h>

#include "bo-cli-private.h"

#define DEFAULT_LINES     100000
#define DEFAULT_PRODUCTS  2000
#define N_CUSTOMERS       10000

/* Plan and apply: 10 s for 100,000 line items (DESIGN.md: seconds, not
 * minutes; measured 4.5 s), never less than half a second, for the fixed
 * costs of a small file. */
#define BUDGET_PER_LINE_S 100e-6
#define BUDGET_MIN_S      0.5

static const char *const colours[] = { "Black", "White", "Blue", "Red", "Green", "Oat" };

static void
progress (const char *text)
{
  if (isatty (STDERR_FILENO))
    {
      fprintf (stderr, "%s\n", text);
      fflush (stderr);
    }
}

static gboolean
write_products (const char  *path,
                guint        n_products,
                GRand       *rand,
                GError     **error)
{
  static const char *const header[] = { "SKU", "Name", "Price", "Cost", "Stock", "Backorders",
                                         NULL };
  g_autoptr(BoOutputFile) out = bo_output_file_new (path, BO_OUTPUT_FILE_NONE, error);
  GOutputStream *stream = out != NULL ? bo_output_file_get_stream (out, error) : NULL;
  g_autoptr(BoCsvWriter) writer = NULL;

  if (stream == NULL)
    return FALSE;
  writer = bo_csv_writer_new (stream, BO_CSV_WRITER_NONE);
  if (!bo_csv_writer_write_row (writer, header, NULL, error))
    return FALSE;
  for (guint i = 0; i < n_products; i++)
    {
      g_autofree char *sku = g_strdup_printf ("BENCH-%05u", i);
      g_autofree char *name = g_strdup_printf ("Product %u - %s", i,
                                               colours[i % G_N_ELEMENTS (colours)]);
      gint64 price = g_rand_int_range (rand, 500, 20000);

      bo_csv_writer_add_text (writer, sku);
      bo_csv_writer_add_text (writer, name);
      bo_csv_writer_add_money (writer, price);
      bo_csv_writer_add_money (writer, price / 2);
      bo_csv_writer_add_int (writer, g_rand_int_range (rand, 0, 60));
      bo_csv_writer_add_text (writer, g_rand_int_range (rand, 0, 20) == 0 ? "deny" : "allow");
      if (!bo_csv_writer_end_row (writer, NULL, error))
        return FALSE;
    }
  return bo_csv_writer_close (writer, NULL, error) && bo_output_file_commit (out, error);
}

static char *
shopify_time (gint64 unix_seconds)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (-4 * 3600);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) dt = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (dt, "%Y-%m-%d %H:%M:%S -0400");
}

/* A Shopify orders export: the columns Backorders reads and the usual
 * others, in Shopify's order. */
static const char *const order_header[] = {
  "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at",
  "Accepts Marketing", "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Created at",
  "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price",
  "Lineitem sku", "Lineitem requires shipping", "Lineitem taxable",
  "Lineitem fulfillment status", "Billing Name", "Billing Address1", "Billing City",
  "Billing Zip", "Billing Country", "Shipping Name", "Shipping Address1", "Shipping City",
  "Shipping Zip", "Shipping Country", "Notes", "Cancelled at", "Payment Method", "Id",
  "Tags", "Source", NULL
};

static gboolean
write_orders (const char  *path,
              guint        n_lines,
              guint        n_products,
              gint64       now,
              GRand       *rand,
              guint       *n_orders,
              GError     **error)
{
  g_autoptr(BoOutputFile) out = bo_output_file_new (path, BO_OUTPUT_FILE_NONE, error);
  GOutputStream *stream = out != NULL ? bo_output_file_get_stream (out, error) : NULL;
  g_autoptr(BoCsvWriter) writer = NULL;
  guint written = 0;

  if (stream == NULL)
    return FALSE;
  writer = bo_csv_writer_new (stream, BO_CSV_WRITER_NONE);
  if (!bo_csv_writer_write_row (writer, order_header, NULL, error))
    return FALSE;
  *n_orders = 0;
  while (written < n_lines)
    {
      guint n = MIN ((guint) g_rand_int_range (rand, 1, 5), n_lines - written);
      guint customer = g_rand_int_range (rand, 0, N_CUSTOMERS);
      guint kind = g_rand_int_range (rand, 0, 20);   /* 0–8 fulfilled, 9–10 partial */
      gint64 placed = now - g_rand_int_range (rand, 3600, 60 * 86400);
      g_autofree char *number = g_strdup_printf ("#%u", 1001 + *n_orders);
      g_autofree char *email = g_strdup_printf ("customer%u@example.com", customer);
      g_autofree char *name = g_strdup_printf ("Customer %u", customer);
      g_autofree char *created = shopify_time (placed);
      g_autofree char *fulfilled = shopify_time (placed + 86400);
      g_autofree char *id = g_strdup_printf ("%" PRIu64,
                                             G_GUINT64_CONSTANT (6600000000000) + *n_orders);

      for (guint line = 0; line < n; line++)
        {
          /* Popular products sell more: a product index skewed to the start. */
          guint product = (guint) (n_products * g_rand_double (rand) * g_rand_double (rand));
          g_autofree char *sku = g_strdup_printf ("BENCH-%05u", product);
          const char *colour = colours[product % G_N_ELEMENTS (colours)];
          g_autofree char *product_name = g_strdup_printf ("Product %u - %s", product, colour);
          gboolean shipped = kind <= 8 || (kind <= 10 && line < n / 2 + 1 && n > 1);
          gboolean first = line == 0;

          bo_csv_writer_add_text (writer, number);
          bo_csv_writer_add_text (writer, email);
          bo_csv_writer_add_text (writer, first ? "paid" : NULL);
          bo_csv_writer_add_text (writer, first ? created : NULL);
          bo_csv_writer_add_text (writer, !first ? NULL
                                          : kind <= 8 ? "fulfilled"
                                          : kind <= 10 ? "partial"
                                                       : "unfulfilled");
          bo_csv_writer_add_text (writer, first && kind <= 8 ? fulfilled : NULL);
          bo_csv_writer_add_text (writer, first ? "no" : NULL);
          bo_csv_writer_add_text (writer, first ? "EUR" : NULL);
          for (guint k = 0; k < 4; k++)
            bo_csv_writer_add_text (writer, first ? "10.00" : NULL);
          bo_csv_writer_add_text (writer, created);
          bo_csv_writer_add_int (writer, g_rand_int_range (rand, 1, 4));
          bo_csv_writer_add_text (writer, product_name);
          bo_csv_writer_add_money (writer, 500 + product % 10000);
          bo_csv_writer_add_text (writer, NULL);
          bo_csv_writer_add_text (writer, g_rand_int_range (rand, 0, 5) == 0 ? NULL : sku);
          bo_csv_writer_add_text (writer, "true");
          bo_csv_writer_add_text (writer, "true");
          bo_csv_writer_add_text (writer, shipped ? "fulfilled" : "pending");
          for (guint k = 0; k < 2; k++)
            {
              bo_csv_writer_add_text (writer, first ? name : NULL);
              bo_csv_writer_add_text (writer, first ? "1 Example Street" : NULL);
              bo_csv_writer_add_text (writer, first ? "Ottawa" : NULL);
              bo_csv_writer_add_text (writer, first ? "K1A 0B1" : NULL);
              bo_csv_writer_add_text (writer, first ? "CA" : NULL);
            }
          bo_csv_writer_add_text (writer, NULL);
          bo_csv_writer_add_text (writer, NULL);
          bo_csv_writer_add_text (writer, first ? "Shopify Payments" : NULL);
          bo_csv_writer_add_text (writer, first ? id : NULL);
          bo_csv_writer_add_text (writer, NULL);
          bo_csv_writer_add_text (writer, first ? "web" : NULL);
          if (!bo_csv_writer_end_row (writer, NULL, error))
            return FALSE;
        }
      written += n;
      (*n_orders)++;
    }
  return bo_csv_writer_close (writer, NULL, error) && bo_output_file_commit (out, error);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

int
_bo_cli_bench_import (BoCli *cli,
                      char **argv)
{
  g_autofree char *lines_arg = NULL;
  g_autofree char *keep = NULL;
  const GOptionEntry entries[] = {
    { "lines", 0, 0, G_OPTION_ARG_STRING, &lines_arg,
      N_("Line items in the orders export (default 100000)"), N_("N") },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep,
      N_("Write the generated orders export to this file and keep it"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260301);
  g_autoptr(BoImporter) importer = NULL;
  g_autoptr(BoImportPlan) plan = NULL;
  g_autoptr(BoImportOutcome) outcome = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BoCliTable) table = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *products_csv = NULL;
  g_autofree char *orders_csv = NULL;
  g_autofree char *shop_db = NULL;
  g_autofree char *size_text = NULL;
  GStatBuf st;
  gint64 n_lines = DEFAULT_LINES;
  gint64 start;
  guint n_orders = 0;
  double t_products, t_plan, t_apply, t_check, budget;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status))
    return status;
  if (lines_arg != NULL &&
      !_bo_cli_parse_integer (lines_arg, "--lines", 1, 10000000, &n_lines, &error))
    return _bo_cli_usage_error (cli, error);
  if ((dir = g_dir_make_tmp ("backorders-bench-XXXXXX", &error)) == NULL)
    return _bo_cli_fail (cli, error);
  /* Without --database, a new shop in the temporary folder: never the
   * user's own shop. */
  if (cli->database == NULL)
    cli->database = g_strdup (shop_db = g_build_filename (dir, "shop.db", NULL));
  if (_bo_cli_open (cli, BO_CLI_OPEN_CREATE, &status) == NULL)
    return status;
  if (bo_store_count_products (cli->store, NULL, NULL) != 0)
    return _bo_cli_failf (cli, _("the shop “%s” has products already; bench-import needs a new, "
                                 "empty shop"), cli->path);
  products_csv = g_build_filename (dir, "products.csv", NULL);
  orders_csv = keep != NULL ? g_strdup (keep) : g_build_filename (dir, "orders_export.csv", NULL);

  progress (_("Importing the catalogue…"));
  if (!write_products (products_csv, DEFAULT_PRODUCTS, rand, &error))
    return _bo_cli_fail (cli, error);
  start = g_get_monotonic_time ();
  importer = bo_importer_new (cli->store, BO_IMPORT_CSV_PRODUCTS);
  file = g_file_new_for_path (products_csv);
  if ((plan = bo_importer_plan_file (importer, file, NULL, &error)) == NULL ||
      !bo_importer_apply (importer, plan, NULL, NULL, &error))
    return _bo_cli_fail (cli, error);
  t_products = seconds_since (start);
  g_clear_object (&plan);
  g_clear_object (&importer);
  g_clear_object (&file);

  progress (_("Writing the orders export…"));
  if (!write_orders (orders_csv, n_lines, DEFAULT_PRODUCTS, bo_store_get_now (cli->store), rand,
                     &n_orders, &error))
    return _bo_cli_fail (cli, error);
  if (g_stat (orders_csv, &st) == 0)
    size_text = g_format_size (st.st_size);

  progress (_("Planning…"));
  importer = bo_importer_new (cli->store, BO_IMPORT_SHOPIFY_ORDERS);
  file = g_file_new_for_path (orders_csv);
  start = g_get_monotonic_time ();
  if ((plan = bo_importer_plan_file (importer, file, NULL, &error)) == NULL)
    return _bo_cli_fail (cli, error);
  t_plan = seconds_since (start);
  if (!bo_import_plan_can_apply (plan))
    return _bo_cli_failf (cli, _("the generated file has problems: %s"),
                          bo_import_plan_get_problem (plan, 0)->message);

  progress (_("Applying…"));
  start = g_get_monotonic_time ();
  if (!bo_importer_apply (importer, plan, NULL, &outcome, &error))
    return _bo_cli_fail (cli, error);
  t_apply = seconds_since (start);

  progress (_("Checking…"));
  start = g_get_monotonic_time ();
  if (!bo_store_check (cli->store, NULL, &error))
    return _bo_cli_fail (cli, error);
  t_check = seconds_since (start);

  g_unlink (products_csv);
  if (keep == NULL)
    g_unlink (orders_csv);
  if (shop_db != NULL)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

      g_clear_object (&cli->store);
      for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *leftover = g_strconcat (shop_db, suffixes[i], NULL);

          g_unlink (leftover);
        }
    }
  g_rmdir (dir);
  budget = MAX (BUDGET_MIN_S, n_lines * BUDGET_PER_LINE_S);

  table = _bo_cli_table_new (cli);
  _bo_cli_table_column (table, "id", _("Measure"), FALSE);
  _bo_cli_table_column (table, "figure", _("What"), FALSE);
  _bo_cli_table_column (table, "seconds", _("Seconds"), TRUE);
  _bo_cli_table_column (table, "budget", _("Budget"), TRUE);
  _bo_cli_table_column (table, "pass", _("Result"), FALSE);
  {
    g_autofree char *products = g_strdup_printf (_("import %u products (CSV)"), DEFAULT_PRODUCTS);
    g_autofree char *planned = g_strdup_printf (_("plan %" PRId64 " line items, %u "
                                                  "orders, %s"), n_lines, n_orders,
                                                size_text != NULL ? size_text : "?");
    g_autofree char *applied = g_strdup_printf (_("apply: %u orders, %" PRId64 " lines "
                                                  "shipped before, %" PRId64
                                                  " allocated, %" PRId64 " backordered"),
                                                outcome->created[BO_IMPORT_RECORD_ORDER],
                                                outcome->lines_shipped, outcome->lines_allocated,
                                                outcome->lines_backordered);
    const struct
    {
      const char *id;
      const char *figure;
      double      seconds;
    } rows[] = {
      { "products", products, t_products },
      { "plan", planned, t_plan },
      { "apply", applied, t_apply },
      { "total", _("plan and apply"), t_plan + t_apply },
      { "check", _("invariant check afterwards"), t_check },
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        g_autofree char *seconds = g_strdup_printf ("%.2f", rows[i].seconds);

        _bo_cli_table_row (table);
        _bo_cli_table_text (table, rows[i].id);
        _bo_cli_table_text (table, rows[i].figure);
        _bo_cli_table_cell (table, g_steal_pointer (&seconds),
                            json_node_init_double (json_node_alloc (), rows[i].seconds));
        if (g_strcmp0 (rows[i].id, "total") == 0)
          {
            gboolean pass = rows[i].seconds < budget;

            _bo_cli_table_cell (table, g_strdup_printf ("< %.2f", budget),
                                json_node_init_double (json_node_alloc (), budget));
            _bo_cli_table_cell (table, g_strdup (pass ? _("pass") : _("FAIL")),
                                json_node_init_boolean (json_node_alloc (), pass));
          }
        else
          {
            _bo_cli_table_text (table, NULL);
            _bo_cli_table_text (table, NULL);
          }
      }
  }
  if (cli->json)
    {
      g_autoptr(JsonNode) root = _bo_cli_table_to_json (table);
      _bo_cli_print_json (root);
    }
  else
    _bo_cli_table_print (table);
  if (t_plan + t_apply >= budget)
    return _bo_cli_failf (cli, _("planning and applying took %.2f s, over the budget of %.2f s "
                                 "for %" PRId64 " line items"),
                          t_plan + t_apply, budget, n_lines);
  return BO_CLI_EXIT_OK;
}
