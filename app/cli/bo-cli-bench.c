/* bo-cli-bench.c — the bench command: measures the budgets of DESIGN.md section 5
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-cli"
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bo-cli-private.h"

#define N_WAITING_LINES      10000
#define ARRIVAL_UNITS        10000
#define STORE_RUNS           3

/* DESIGN.md's budgets are for the large shop. The small shop (600 orders,
 * 50 ms to generate) is what CI can afford on every run: its budgets are a
 * few times what it measures, so that noise passes and a slower algorithm
 * does not. The allocation is the same 10,000 lines at both scales. */
typedef struct
{
  double generate_s;
  double allocate_ms;
  double replan_ms;
  double metrics_ms;
  double preview_ms;
} Budgets;

/* An order's preview runs on every pause in typing: within a frame. */
static const Budgets budgets[] = {
  [BO_DEMO_SMALL] = { 0.5, 5.0, 5.0, 5.0, 5.0 },
  [BO_DEMO_LARGE] = { 20.0, 16.0, 1000.0, 100.0, 16.0 },
};

typedef struct
{
  char    *id;        /* stable name for scripts */
  char    *figure;
  double   measured;
  double   budget;
  gboolean seconds;
} Measure;

static void
measure_clear (gpointer data)
{
  Measure *measure = data;

  g_free (measure->id);
  g_free (measure->figure);
}

static void
add_measure (GArray     *measures,
             const char *id,
             const char *figure,
             double      measured,
             double      budget,
             gboolean    seconds)
{
  Measure measure = { g_strdup (id), g_strdup (figure), measured, budget, seconds };

  g_array_append_val (measures, measure);
}

/* Progress goes to a terminal only, so scripts see nothing but the result. */
static void
progress (const char *text)
{
  if (isatty (STDERR_FILENO))
    {
      fprintf (stderr, "%s\n", text);
      fflush (stderr);
    }
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db ? 1 : 0;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

static double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

/* ---- 1: generating the shop ----------------------------------------------- */

static gboolean
time_generate (const char  *path,
               BoDemoScale  scale,
               double      *seconds,
               BoStore    **store_out,
               GError     **error)
{
  g_autoptr(BoStore) store = NULL;
  gint64 start = g_get_monotonic_time ();

  store = bo_store_open (path, error);
  if (store == NULL)
    return FALSE;
  if (!bo_store_generate_demo (store, scale, 1, bo_store_get_today (store), error))
    return FALSE;
  *seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  *store_out = g_steal_pointer (&store);
  return TRUE;
}

/* ---- 2: one arrival among many waiting lines ----------------------------- */

static BoDemand *
waiting_lines (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260301);
  BoDemand *demands = g_new0 (BoDemand, n);
  gint64 placed_at = 1767225600;  /* 2026-01-01 */

  for (guint i = 0; i < n; i++)
    {
      demands[i].line_id = i + 1;
      demands[i].order_id = i + 1;
      demands[i].product_id = 1;
      placed_at += g_rand_int_range (rand, 0, 600);
      demands[i].placed_at = placed_at;
      demands[i].tier = g_rand_int_range (rand, 0, 10) == 0 ? 1 : 0;
      demands[i].ship_complete = g_rand_int_range (rand, 0, 20) == 0;
      demands[i].open = g_rand_int_range (rand, 1, 4);
    }
  return demands;
}

static double
time_allocate (BoPolicy policy,
               guint    runs)
{
  g_autofree BoDemand *demands = waiting_lines (N_WAITING_LINES);
  g_autofree double *times = g_new0 (double, runs);
  BoSupply supply = { 1, ARRIVAL_UNITS };

  for (guint run = 0; run < runs; run++)
    {
      gint64 start = g_get_monotonic_time ();
      BoPlan *plan = bo_allocate (policy, &supply, 1, demands, N_WAITING_LINES);

      times[run] = ms_since (start);
      bo_plan_free (plan);
    }
  return median (times, runs);
}

/* ---- 3: re-planning every open backorder ---------------------------------- */

static gboolean
time_replan (BoStore *store,
             double  *ms,
             GError **error)
{
  double times[STORE_RUNS];
  BoPolicy policy = bo_store_get_policy (store);

  for (guint run = 0; run < STORE_RUNS; run++)
    {
      g_autoptr(BoAllocationResult) result = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!bo_store_replan (store, policy, FALSE, &result, error))
        return FALSE;
      times[run] = ms_since (start);
    }
  *ms = median (times, STORE_RUNS);
  return TRUE;
}

/* ---- 4: every metric over five years -------------------------------------- */

static gboolean
all_metrics (BoStore *store,
             guint32  from,
             guint32  to,
             GError **error)
{
  static const BoPeriod periods[] = { BO_PERIOD_MONTH, BO_PERIOD_QUARTER, BO_PERIOD_YEAR };
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) history = NULL;
  GArray *suppliers;
  gint64 lines, units, value, full, placed, on_time, shipped;
  gint64 age_lines[BO_AGE_N_BUCKETS];
  gint64 age_units[BO_AGE_N_BUCKETS];

  days = bo_store_day_counts (store, from, to, error);
  if (days == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      GArray *series = bo_metrics_rate_series ((const BoDayCounts *) (gpointer) days->data,
                                               days->len, periods[i], from, to);

      g_clear_pointer (&series, g_array_unref);
    }
  if (!bo_store_fill_rate (store, from, to, &full, &placed, error)
      || !bo_store_backlog (store, &lines, &units, &value, error))
    return FALSE;
  history = bo_store_backlog_history (store, BO_PERIOD_MONTH, from, to, error);
  if (history == NULL)
    return FALSE;
  if (!bo_store_aging (store, age_lines, age_units, error))
    return FALSE;
  suppliers = bo_store_supplier_counts (store, error);
  if (suppliers == NULL)
    return FALSE;
  g_array_unref (suppliers);
  return bo_store_customer_on_time (store, &on_time, &shipped, error);
}

static gboolean
time_metrics (BoStore *store,
              double  *ms,
              GError **error)
{
  double times[STORE_RUNS];
  guint32 to = bo_store_get_today (store);
  guint32 from;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, to);
  g_date_subtract_years (&date, 5);
  g_date_add_days (&date, 1);
  from = g_date_get_julian (&date);

  for (guint run = 0; run < STORE_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!all_metrics (store, from, to, error))
        return FALSE;
      times[run] = ms_since (start);
    }
  *ms = median (times, STORE_RUNS);
  return TRUE;
}

/* ---- 5: previewing a new order ---------------------------------------------- */

/* A 5-line order of the products most waited for: the preview reads their
 * whole waiting demand to peg the new backorders. */
static gboolean
time_preview (BoStore *store,
              guint    runs,
              double  *ms,
              GError **error)
{
  g_autoptr(GPtrArray) products = bo_store_list_products (store, NULL, "-backordered", 0, 5, error);
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autofree double *times = g_new0 (double, runs);

  if (products == NULL ||
      (customers = bo_store_list_customers (store, NULL, NULL, 0, 1, error)) == NULL)
    return FALSE;
  if (customers->len == 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND, _("The shop has no customer to order"));
      return FALSE;
    }
  draft->customer_id = ((BoCustomer *) g_ptr_array_index (customers, 0))->id;
  for (guint i = 0; i < products->len; i++)
    bo_order_draft_add_line (draft, ((BoProduct *) g_ptr_array_index (products, i))->sku,
                             1 + i % 3, -1);

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(BoOrderOutcome) outcome = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!bo_store_preview_order (store, draft, &outcome, error))
        return FALSE;
      times[run] = ms_since (start);
    }
  *ms = median (times, runs);
  return TRUE;
}

/* ---- output ---------------------------------------------------------------- */

/* Returns: how many measures are over their budget */
static guint
print_measures (BoCli  *cli,
                GArray *measures,
                guint   runs)
{
  g_autoptr(BoCliTable) table = _bo_cli_table_new (cli);
  guint failed = 0;

  _bo_cli_table_column (table, "figure", _("Figure"), FALSE);
  _bo_cli_table_column (table, "measured", _("Measured"), TRUE);
  _bo_cli_table_column (table, "budget", _("Budget"), TRUE);
  _bo_cli_table_column (table, "pass", _("Result"), FALSE);

  for (guint i = 0; i < measures->len; i++)
    {
      const Measure *measure = &g_array_index (measures, Measure, i);
      const char *unit = measure->seconds ? "s" : "ms";
      gboolean pass = measure->measured < measure->budget;

      failed += pass ? 0 : 1;
      _bo_cli_table_row (table);
      _bo_cli_table_text (table, measure->figure);
      _bo_cli_table_cell (table, g_strdup_printf ("%.2f %s", measure->measured, unit),
                          json_node_init_double (json_node_alloc (), measure->measured));
      _bo_cli_table_cell (table, g_strdup_printf ("< %g %s", measure->budget, unit),
                          json_node_init_double (json_node_alloc (), measure->budget));
      _bo_cli_table_cell (table, g_strdup (pass ? _("pass") : _("FAIL")),
                          json_node_init_boolean (json_node_alloc (), pass));
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) results = _bo_cli_table_to_json (table);
      g_autoptr(JsonNode) root = NULL;
      JsonArray *array = json_node_get_array (results);

      for (guint i = 0; i < measures->len; i++)
        {
          const Measure *measure = &g_array_index (measures, Measure, i);
          JsonObject *row = json_array_get_object_element (array, i);

          json_object_set_string_member (row, "id", measure->id);
          json_object_set_string_member (row, "unit", measure->seconds ? "s" : "ms");
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "allocation_runs");
      json_builder_add_int_value (builder, runs);
      json_builder_set_member_name (builder, "results");
      json_builder_add_value (builder, json_node_ref (results));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      _bo_cli_print_json (root);
      return failed;
    }

  _bo_cli_table_print (table);
  g_print ("\n");
  g_print (_("Allocation times are the median of %u runs; store times the median of %u.\n"),
           runs, STORE_RUNS);
  return failed;
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
_bo_cli_bench (BoCli *cli,
               char **argv)
{
  g_autofree char *runs_arg = NULL;
  g_autofree char *scale_arg = NULL;
  gboolean skip_generate = FALSE;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_STRING, &runs_arg,
      N_("Runs of each allocation measurement (default 51)"), N_("N") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_arg,
      N_("large (default; DESIGN.md's budgets) or small (seconds, for CI; budgets scaled to it)"),
      N_("SCALE") },
    { "skip-generate", 0, 0, G_OPTION_ARG_NONE, &skip_generate,
      N_("With --database naming an existing large shop: do not time generating one"), NULL },
    { NULL }
  };
  static const BoPolicy policies[] = { BO_POLICY_FIFO, BO_POLICY_FAIR_SHARE, BO_POLICY_PRO_RATA };
  g_autoptr(GArray) measures = g_array_new (FALSE, TRUE, sizeof (Measure));
  g_autoptr(BoStore) generated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *tmp_path = NULL;
  BoStore *shop = NULL;
  BoDemoScale scale = BO_DEMO_LARGE;
  const Budgets *budget;
  gboolean existing;
  guint failed;
  gint64 runs = 51;
  double value;
  int status = BO_CLI_EXIT_OK;

  g_array_set_clear_func (measures, measure_clear);
  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status))
    return status;
  if (runs_arg != NULL
      && !_bo_cli_parse_integer (runs_arg, "--runs", 1, 100000, &runs, &error))
    return _bo_cli_usage_error (cli, error);
  if (g_strcmp0 (scale_arg, "small") == 0)
    scale = BO_DEMO_SMALL;
  else if (scale_arg != NULL && g_strcmp0 (scale_arg, "large") != 0)
    return _bo_cli_usage (cli, _("invalid value “%s” for --scale: expected small or large"),
                          scale_arg);
  budget = &budgets[scale];

  existing = cli->database != NULL && g_file_test (cli->database, G_FILE_TEST_EXISTS);
  if (skip_generate && !existing)
    return _bo_cli_usage (cli, _("--skip-generate needs --database naming an existing shop"));

  if (existing)
    {
      if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
        return status;
      shop = cli->store;
    }

  if (!skip_generate)
    {
      const char *path;

      if (existing || cli->database == NULL)
        {
          tmp_dir = g_dir_make_tmp ("backorders-bench-XXXXXX", &error);
          if (tmp_dir == NULL)
            return _bo_cli_failf (cli, _("cannot create a temporary folder: %s"), error->message);
          tmp_path = g_build_filename (tmp_dir, "shop.db", NULL);
          path = tmp_path;
        }
      else
        {
          /* A new file named by --database: build the shop there and keep it. */
          g_autofree char *dir = g_path_get_dirname (cli->database);

          if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
            return _bo_cli_failf (cli, _("the folder “%s” of the database does not exist"), dir);
          path = cli->database;
        }

      progress (scale == BO_DEMO_LARGE ? _("Generating the large demo shop…")
                                       : _("Generating the small demo shop…"));
      if (!time_generate (path, scale, &value, &generated, &error))
        {
          g_clear_pointer (&cli->path, g_free);
          cli->path = g_strdup (path);
          status = _bo_cli_fail (cli, error);
          goto out;
        }
      add_measure (measures, "generate",
                   scale == BO_DEMO_LARGE ? _("Generate the large shop") : _("Generate the small shop"),
                   value, budget->generate_s, TRUE);
      if (shop == NULL)
        shop = generated;
    }

  progress (_("Allocating one arrival among 10,000 waiting lines…"));
  for (gsize i = 0; i < G_N_ELEMENTS (policies); i++)
    {
      g_autofree char *figure = NULL;
      g_autofree char *id = NULL;

      /* TRANSLATORS: %s is an allocation policy, e.g. "fair share" */
      figure = g_strdup_printf (_("Allocate one arrival among 10,000 lines (%s)"),
                                bo_policy_label (policies[i]));
      id = g_strdup_printf ("allocate-%s", bo_policy_to_string (policies[i]));
      add_measure (measures, id, figure, time_allocate (policies[i], (guint) runs),
                   budget->allocate_ms, FALSE);
    }

  progress (_("Re-planning every open backorder…"));
  if (!time_replan (shop, &value, &error))
    {
      status = _bo_cli_fail (cli, error);
      goto out;
    }
  add_measure (measures, "replan", _("Re-plan every open backorder (preview)"), value,
               budget->replan_ms, FALSE);

  progress (_("Computing every metric over five years…"));
  if (!time_metrics (shop, &value, &error))
    {
      status = _bo_cli_fail (cli, error);
      goto out;
    }
  add_measure (measures, "metrics", _("Every dashboard metric over five years"), value,
               budget->metrics_ms, FALSE);

  progress (_("Previewing a new order of five lines…"));
  if (!time_preview (shop, (guint) runs, &value, &error))
    {
      status = _bo_cli_fail (cli, error);
      goto out;
    }
  add_measure (measures, "preview-order", _("Preview a new order of five lines"), value,
               budget->preview_ms, FALSE);

  failed = print_measures (cli, measures, (guint) runs);
  if (failed > 0)
    /* A regression turns `make bench` and CI red, not just a word in a table. */
    status = _bo_cli_failf (cli, g_dngettext (GETTEXT_PACKAGE, "%u measure is over its budget",
                                              "%u measures are over their budget", failed),
                            failed);

out:
  g_clear_object (&generated);
  if (tmp_path != NULL)
    remove_database (tmp_path);
  if (tmp_dir != NULL)
    g_rmdir (tmp_dir);
  return status;
}
