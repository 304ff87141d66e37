/* bo-cli-reports.c — the report commands: rates, fill rate, backlog, age, on-time
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-cli"
#include "config.h"

#include <glib/gi18n.h>

#include "bo-cli-private.h"

/* How many periods a report covers when no --from is given. */
#define DEFAULT_MONTHS   12
#define DEFAULT_QUARTERS 8
#define DEFAULT_YEARS    5

static void
print_root (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  _bo_cli_print_json (root);
}

static void
add_date_member (JsonBuilder *builder,
                 const char  *name,
                 guint32      julian)
{
  g_autofree char *iso = _bo_cli_iso_date (julian);

  json_builder_set_member_name (builder, name);
  if (iso != NULL)
    json_builder_add_string_value (builder, iso);
  else
    json_builder_add_null_value (builder);
}

static void
add_formula_member (JsonBuilder *builder,
                    const char  *name,
                    BoMetric     metric)
{
  const char *formula = bo_metrics_formula (metric);

  json_builder_set_member_name (builder, name);
  if (formula != NULL)
    json_builder_add_string_value (builder, formula);
  else
    json_builder_add_null_value (builder);
}


/* Reads --from and --to; what is missing is filled in once the store (and
 * so "today") is known, by finish_range(). */
static gboolean
parse_range (BoCli      *cli,
             const char *from_arg,
             const char *to_arg,
             guint32    *from,
             guint32    *to,
             int        *status)
{
  g_autoptr(GError) error = NULL;

  *from = 0;
  *to = 0;
  if ((from_arg != NULL && !_bo_cli_parse_date (from_arg, "--from", from, &error))
      || (to_arg != NULL && !_bo_cli_parse_date (to_arg, "--to", to, &error)))
    {
      *status = _bo_cli_usage_error (cli, error);
      return FALSE;
    }
  if (*from != 0 && *to != 0 && *from > *to)
    {
      *status = _bo_cli_usage (cli, _("--from %s is after --to %s"), from_arg, to_arg);
      return FALSE;
    }
  return TRUE;
}

static gboolean
finish_range (BoCli    *cli,
              BoPeriod  period,
              guint     n_periods,
              guint32  *from,
              guint32  *to,
              int      *status)
{
  if (*to == 0)
    *to = bo_store_get_today (cli->store);
  if (*from == 0)
    *from = bo_period_range_back (period, *to, n_periods);
  if (*from > *to)
    {
      g_autofree char *from_text = _bo_cli_iso_date (*from);
      g_autofree char *to_text = _bo_cli_iso_date (*to);

      *status = _bo_cli_usage (cli, _("--from %s is after --to %s"), from_text, to_text);
      return FALSE;
    }
  return TRUE;
}

static void
print_range (BoCli  *cli,
             guint32 from,
             guint32 to)
{
  g_autofree char *from_text = _bo_cli_format_date (from);
  g_autofree char *to_text = _bo_cli_format_date (to);

  /* TRANSLATORS: a report's date range, e.g. "From 01/03/25 to 28/02/26" */
  _bo_cli_say (cli, _("From %s to %s"), from_text, to_text);
}

/* ---- report rate --------------------------------------------------------- */

int
_bo_cli_report_rate (BoCli *cli,
                     char **argv)
{
  g_autofree char *by = NULL;
  g_autofree char *from_arg = NULL;
  g_autofree char *to_arg = NULL;
  const GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("month, quarter or year (required)"),
      N_("PERIOD") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_arg,
      N_("First day (default: the start of the last 12 months, 8 quarters or 5 years)"),
      N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_arg, N_("Last day (default: today)"),
      N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) series = NULL;
  g_autoptr(GError) error = NULL;
  BoPeriod period;
  guint n_periods;
  guint32 from, to;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status)
      || !_bo_cli_require (cli, by, "--by", &status))
    return status;
  if (!bo_period_from_string (by, &period))
    return _bo_cli_usage (cli, _("invalid value “%s” for --by: expected month, quarter or year"),
                          by);
  if (!parse_range (cli, from_arg, to_arg, &from, &to, &status))
    return status;

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  n_periods = period == BO_PERIOD_MONTH     ? DEFAULT_MONTHS
              : period == BO_PERIOD_QUARTER ? DEFAULT_QUARTERS
                                            : DEFAULT_YEARS;
  if (!finish_range (cli, period, n_periods, &from, &to, &status))
    return status;

  days = bo_store_day_counts (cli->store, from, to, &error);
  if (days == NULL)
    return _bo_cli_fail (cli, error);
  series = bo_metrics_rate_series ((const BoDayCounts *) (gpointer) days->data, days->len, period,
                                   from, to);

  table = _bo_cli_table_new (cli);
  _bo_cli_table_column (table, "period", _("Period"), FALSE);
  _bo_cli_table_column (table, "first_day", _("From"), FALSE);
  _bo_cli_table_column (table, "orders", _("Orders"), TRUE);
  _bo_cli_table_column (table, "backordered_orders", _("BO orders"), TRUE);
  _bo_cli_table_column (table, "order_rate", _("Order rate"), TRUE);
  _bo_cli_table_column (table, "lines", _("Lines"), TRUE);
  _bo_cli_table_column (table, "backordered_lines", _("BO lines"), TRUE);
  _bo_cli_table_column (table, "line_rate", _("Line rate"), TRUE);
  _bo_cli_table_column (table, "units", _("Units"), TRUE);
  _bo_cli_table_column (table, "backordered_units", _("BO units"), TRUE);
  _bo_cli_table_column (table, "unit_rate", _("Unit rate"), TRUE);
  for (guint i = 0; series != NULL && i < series->len; i++)
    {
      const BoRatePoint *point = &g_array_index (series, BoRatePoint, i);
      g_autofree char *label = bo_period_label (period, point->year, point->index);

      _bo_cli_table_row (table);
      _bo_cli_table_text (table, label);
      _bo_cli_table_date (table, point->first_day, NULL);
      _bo_cli_table_int (table, point->counts.orders);
      _bo_cli_table_int (table, point->counts.bo_orders);
      _bo_cli_table_percent (table, point->order_rate);
      _bo_cli_table_int (table, point->counts.lines);
      _bo_cli_table_int (table, point->counts.bo_lines);
      _bo_cli_table_percent (table, point->line_rate);
      _bo_cli_table_int (table, point->counts.units);
      _bo_cli_table_int (table, point->counts.bo_units);
      _bo_cli_table_percent (table, point->unit_rate);
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) rows = _bo_cli_table_to_json (table);
      JsonArray *array = json_node_get_array (rows);

      /* The label is for people; programs also get the period as numbers. */
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const BoRatePoint *point = &g_array_index (series, BoRatePoint, i);
          JsonObject *row = json_array_get_object_element (array, i);

          json_object_set_int_member (row, "year", point->year);
          json_object_set_int_member (row, "index", point->index);
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "by");
      json_builder_add_string_value (builder, bo_period_to_string (period));
      add_date_member (builder, "from", from);
      add_date_member (builder, "to", to);
      json_builder_set_member_name (builder, "periods");
      json_builder_add_value (builder, json_node_ref (rows));
      json_builder_set_member_name (builder, "formulas");
      json_builder_begin_object (builder);
      add_formula_member (builder, "order_rate", BO_METRIC_ORDER_RATE);
      add_formula_member (builder, "line_rate", BO_METRIC_LINE_RATE);
      add_formula_member (builder, "unit_rate", BO_METRIC_UNIT_RATE);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      print_root (builder);
      return BO_CLI_EXIT_OK;
    }

  print_range (cli, from, to);
  _bo_cli_table_print (table);
  g_print ("\n");
  _bo_cli_print_formula (cli, BO_METRIC_ORDER_RATE);
  _bo_cli_print_formula (cli, BO_METRIC_LINE_RATE);
  _bo_cli_print_formula (cli, BO_METRIC_UNIT_RATE);
  return BO_CLI_EXIT_OK;
}

/* ---- report fill-rate ---------------------------------------------------- */

int
_bo_cli_report_fill_rate (BoCli *cli,
                          char **argv)
{
  g_autofree char *from_arg = NULL;
  g_autofree char *to_arg = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_arg,
      N_("First day (default: the start of the last 12 months)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_arg, N_("Last day (default: today)"),
      N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gint64 full_lines = 0;
  gint64 lines = 0;
  guint32 from, to;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status)
      || !parse_range (cli, from_arg, to_arg, &from, &to, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL
      || !finish_range (cli, BO_PERIOD_MONTH, DEFAULT_MONTHS, &from, &to, &status))
    return status;

  if (!bo_store_fill_rate (cli->store, from, to, &full_lines, &lines, &error))
    return _bo_cli_fail (cli, error);

  table = _bo_cli_table_new (cli);
  _bo_cli_table_column (table, "from", _("From"), FALSE);
  _bo_cli_table_column (table, "to", _("To"), FALSE);
  _bo_cli_table_column (table, "lines", _("Lines placed"), TRUE);
  _bo_cli_table_column (table, "full_lines", _("Filled at once"), TRUE);
  _bo_cli_table_column (table, "fill_rate", _("Fill rate"), TRUE);
  _bo_cli_table_row (table);
  _bo_cli_table_date (table, from, NULL);
  _bo_cli_table_date (table, to, NULL);
  _bo_cli_table_int (table, lines);
  _bo_cli_table_int (table, full_lines);
  _bo_cli_table_percent (table, bo_metrics_percent (full_lines, lines));

  if (cli->json)
    {
      g_autoptr(JsonNode) root = _bo_cli_table_row_to_json (table, 0);

      json_object_set_string_member (json_node_get_object (root), "formula",
                                     bo_metrics_formula (BO_METRIC_FILL_RATE));
      _bo_cli_print_json (root);
      return BO_CLI_EXIT_OK;
    }

  _bo_cli_table_print_record (table);
  g_print ("\n");
  _bo_cli_print_formula (cli, BO_METRIC_FILL_RATE);
  return BO_CLI_EXIT_OK;
}

/* ---- report backlog ------------------------------------------------------ */

int
_bo_cli_report_backlog (BoCli *cli,
                        char **argv)
{
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gint64 lines = 0;
  gint64 units = 0;
  gint64 value = 0;
  int status;

  if (!_bo_cli_parse (cli, NULL, 0, 0, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  if (!bo_store_backlog (cli->store, &lines, &units, &value, &error))
    return _bo_cli_fail (cli, error);

  table = _bo_cli_table_new (cli);
  _bo_cli_table_column (table, "lines", _("Backordered lines"), TRUE);
  _bo_cli_table_column (table, "units", _("Backordered units"), TRUE);
  _bo_cli_table_column (table, "value_minor", _("Value"), TRUE);
  _bo_cli_table_row (table);
  _bo_cli_table_int (table, lines);
  _bo_cli_table_int (table, units);
  _bo_cli_table_money (table, value);

  if (cli->json)
    {
      g_autoptr(JsonNode) root = _bo_cli_table_row_to_json (table, 0);

      json_object_set_string_member (json_node_get_object (root), "formula",
                                     bo_metrics_formula (BO_METRIC_BACKLOG));
      _bo_cli_print_json (root);
      return BO_CLI_EXIT_OK;
    }

  _bo_cli_table_print_record (table);
  g_print ("\n");
  _bo_cli_print_formula (cli, BO_METRIC_BACKLOG);
  return BO_CLI_EXIT_OK;
}

/* ---- report aging -------------------------------------------------------- */

int
_bo_cli_report_aging (BoCli *cli,
                      char **argv)
{
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gint64 lines[BO_AGE_N_BUCKETS] = { 0 };
  gint64 units[BO_AGE_N_BUCKETS] = { 0 };
  int status;

  if (!_bo_cli_parse (cli, NULL, 0, 0, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  if (!bo_store_aging (cli->store, lines, units, &error))
    return _bo_cli_fail (cli, error);

  table = _bo_cli_table_new (cli);
  _bo_cli_table_column (table, "age", _("Age"), FALSE);
  _bo_cli_table_column (table, "lines", _("Lines"), TRUE);
  _bo_cli_table_column (table, "units", _("Units"), TRUE);
  for (int bucket = 0; bucket < BO_AGE_N_BUCKETS; bucket++)
    {
      _bo_cli_table_row (table);
      _bo_cli_table_text (table, bo_metrics_age_bucket_label (bucket));
      _bo_cli_table_int (table, lines[bucket]);
      _bo_cli_table_int (table, units[bucket]);
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "buckets");
      json_builder_add_value (builder, _bo_cli_table_to_json (table));
      add_formula_member (builder, "formula", BO_METRIC_AGE);
      json_builder_end_object (builder);
      print_root (builder);
      return BO_CLI_EXIT_OK;
    }

  _bo_cli_table_print (table);
  g_print ("\n");
  _bo_cli_print_formula (cli, BO_METRIC_AGE);
  return BO_CLI_EXIT_OK;
}

/* ---- report suppliers ---------------------------------------------------- */

int
_bo_cli_report_suppliers (BoCli *cli,
                          char **argv)
{
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_bo_cli_parse (cli, NULL, 0, 0, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  counts = bo_store_supplier_counts (cli->store, &error);
  if (counts == NULL)
    return _bo_cli_fail (cli, error);

  table = _bo_cli_table_new (cli);
  _bo_cli_table_column (table, "supplier", _("Supplier"), FALSE);
  _bo_cli_table_column (table, "received_lines", _("Lines received"), TRUE);
  _bo_cli_table_column (table, "on_time_lines", _("On time"), TRUE);
  _bo_cli_table_column (table, "on_time_rate", _("On-time rate"), TRUE);
  _bo_cli_table_column (table, "late_lines", _("Late"), TRUE);
  _bo_cli_table_column (table, "average_days_late", _("Average days late"), TRUE);
  for (guint i = 0; i < counts->len; i++)
    {
      const BoSupplierCounts *supplier = &g_array_index (counts, BoSupplierCounts, i);
      double days_late = bo_metrics_supplier_avg_days_late (supplier);
      JsonNode *node = json_node_new (JSON_NODE_VALUE);

      json_node_set_double (node, days_late);
      _bo_cli_table_row (table);
      _bo_cli_table_text (table, supplier->name);
      _bo_cli_table_int (table, supplier->received_lines);
      _bo_cli_table_int (table, supplier->on_time_lines);
      _bo_cli_table_percent (table, bo_metrics_supplier_on_time (supplier));
      _bo_cli_table_int (table, supplier->late_lines);
      _bo_cli_table_cell (table, g_strdup_printf ("%.1f", days_late), node);
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "suppliers");
      json_builder_add_value (builder, _bo_cli_table_to_json (table));
      json_builder_set_member_name (builder, "formulas");
      json_builder_begin_object (builder);
      add_formula_member (builder, "on_time_rate", BO_METRIC_SUPPLIER_ON_TIME);
      add_formula_member (builder, "average_days_late", BO_METRIC_SUPPLIER_DAYS_LATE);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      print_root (builder);
      return BO_CLI_EXIT_OK;
    }

  if (_bo_cli_table_n_rows (table) > 0)
    _bo_cli_table_print (table);
  else
    g_print ("%s\n", _("No suppliers."));
  g_print ("\n");
  _bo_cli_print_formula (cli, BO_METRIC_SUPPLIER_ON_TIME);
  _bo_cli_print_formula (cli, BO_METRIC_SUPPLIER_DAYS_LATE);
  return BO_CLI_EXIT_OK;
}

/* ---- report customers ---------------------------------------------------- */

int
_bo_cli_report_customers (BoCli *cli,
                          char **argv)
{
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gint64 on_time = 0;
  gint64 shipped = 0;
  int status;

  if (!_bo_cli_parse (cli, NULL, 0, 0, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  if (!bo_store_customer_on_time (cli->store, &on_time, &shipped, &error))
    return _bo_cli_fail (cli, error);

  table = _bo_cli_table_new (cli);
  _bo_cli_table_column (table, "shipped", _("Backordered lines shipped"), TRUE);
  _bo_cli_table_column (table, "on_time", _("On or before their first promise"), TRUE);
  _bo_cli_table_column (table, "on_time_rate", _("On-time rate"), TRUE);
  _bo_cli_table_row (table);
  _bo_cli_table_int (table, shipped);
  _bo_cli_table_int (table, on_time);
  _bo_cli_table_percent (table, bo_metrics_percent (on_time, shipped));

  if (cli->json)
    {
      g_autoptr(JsonNode) root = _bo_cli_table_row_to_json (table, 0);

      json_object_set_string_member (json_node_get_object (root), "formula",
                                     bo_metrics_formula (BO_METRIC_CUSTOMER_ON_TIME));
      _bo_cli_print_json (root);
      return BO_CLI_EXIT_OK;
    }

  _bo_cli_table_print_record (table);
  g_print ("\n");
  _bo_cli_print_formula (cli, BO_METRIC_CUSTOMER_ON_TIME);
  return BO_CLI_EXIT_OK;
}
