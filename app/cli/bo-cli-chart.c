/* bo-cli-chart.c — backorders-cli chart: the dashboard's charts as PNG, SVG or PDF files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-cli"
#include "config.h"

#include <glib/gi18n.h>

#include <backorders/bo-chart.h>

#include "bo-cli-private.h"

/* Default picture sizes: pixels for PNG, points for the vector formats. */
#define PNG_WIDTH     960
#define PNG_HEIGHT    540
#define VECTOR_WIDTH  720
#define VECTOR_HEIGHT 405
#define MIN_SIZE      200
#define MAX_SIZE      10000

static const char *const format_names[] = { "png", "svg", "pdf" };

static gboolean
parse_size (const char  *text,
            const char  *what,
            gint64      *value,
            GError     **error)
{
  return text == NULL || _bo_cli_parse_integer (text, what, MIN_SIZE, MAX_SIZE, value, error);
}

static gboolean
parse_date (const char  *text,
            const char  *what,
            guint32     *julian,
            GError     **error)
{
  *julian = 0;
  return text == NULL || _bo_cli_parse_date (text, what, julian, error);
}

static void
print_json (BoChart       *chart,
            const char    *output,
            BoChartFormat  format)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "output");
  json_builder_add_string_value (builder, output);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, format_names[format]);
  json_builder_set_member_name (builder, "chart");
  json_builder_add_string_value (builder, bo_chart_kind_to_string (chart->kind));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, chart->title);
  json_builder_set_member_name (builder, "formula");
  json_builder_add_string_value (builder, chart->caption);
  json_builder_set_member_name (builder, "series");
  json_builder_begin_array (builder);
  for (guint s = 0; s < bo_chart_get_n_series (chart); s++)
    {
      const BoChartSeries *series = bo_chart_get_series (chart, s);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, series->name);
      json_builder_set_member_name (builder, "points");
      json_builder_begin_array (builder);
      for (guint i = 0; i < bo_chart_get_n_categories (chart); i++)
        {
          const BoChartPoint *point = bo_chart_get_point (chart, s, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, point->label);
          json_builder_set_member_name (builder, "value");
          if (point->defined)
            json_builder_add_double_value (builder, point->value);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "detail");
          json_builder_add_string_value (builder, point->detail != NULL ? point->detail : "");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  _bo_cli_print_json (root);
}

/* `chart rate|backlog|aging|suppliers|top-products`: the kind is the
 * command's name. */
int
_bo_cli_chart (BoCli *cli,
               char **argv)
{
  g_autofree char *by = NULL;
  g_autofree char *measure_arg = NULL;
  g_autofree char *from_arg = NULL;
  g_autofree char *to_arg = NULL;
  g_autofree char *width_arg = NULL;
  g_autofree char *height_arg = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("rate and backlog: month, quarter or year (default: month)"), N_("PERIOD") },
    { "measure", 0, 0, G_OPTION_ARG_STRING, &measure_arg,
      N_("rate: count orders, lines or units (default: orders)"), N_("WHAT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_arg,
      N_("rate and backlog: first day (default: the start of the last 12 months, 8 quarters "
         "or 5 years)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_arg,
      N_("rate and backlog: last day (default: today)"), N_("YYYY-MM-DD") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &width_arg,
      N_("Width in pixels (PNG) or points (SVG, PDF)"), N_("SIZE") },
    { "height", 0, 0, G_OPTION_ARG_STRING, &height_arg,
      N_("Height in pixels (PNG) or points (SVG, PDF)"), N_("SIZE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write, .png, .svg or .pdf (required)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(BoChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  BoChartKind kind;
  BoChartFormat format;
  BoChartMeasure measure = BO_CHART_MEASURE_ORDERS;
  BoPeriod period = BO_PERIOD_MONTH;
  gboolean over_time;
  guint32 from = 0, to = 0, default_from, default_to;
  gint64 width = 0, height = 0;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status)
      || !_bo_cli_require (cli, output, "--output", &status))
    return status;
  if (!bo_chart_kind_from_string (cli->command->name, &kind))
    return _bo_cli_usage (cli, _("unknown chart “%s”"), cli->command->name);
  over_time = kind == BO_CHART_RATE || kind == BO_CHART_BACKLOG;

  if (!bo_chart_format_from_path (output, &format))
    return _bo_cli_usage (cli, _("invalid file name “%s” for --output: it must end in .png, "
                                 ".svg or .pdf"),
                          output);
  if (!over_time && (by != NULL || from_arg != NULL || to_arg != NULL))
    return _bo_cli_usage (cli, _("--by, --from and --to apply to the rate and backlog charts "
                                 "only"));
  if (kind != BO_CHART_RATE && measure_arg != NULL)
    return _bo_cli_usage (cli, _("--measure applies to the rate chart only"));
  if (by != NULL && !bo_period_from_string (by, &period))
    return _bo_cli_usage (cli,
                          _("invalid value “%s” for --by: expected month, quarter or year"), by);
  if (measure_arg != NULL && !bo_chart_measure_from_string (measure_arg, &measure))
    return _bo_cli_usage (cli, _("invalid value “%s” for --measure: expected orders, lines or "
                                 "units"),
                          measure_arg);
  if (!parse_date (from_arg, "--from", &from, &error) || !parse_date (to_arg, "--to", &to, &error)
      || !parse_size (width_arg, "--width", &width, &error)
      || !parse_size (height_arg, "--height", &height, &error))
    return _bo_cli_usage_error (cli, error);
  if (from != 0 && to != 0 && from > to)
    return _bo_cli_usage (cli, _("--from %s is after --to %s"), from_arg, to_arg);

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  if (over_time)
    {
      bo_chart_default_range (to != 0 ? to : bo_store_get_today (cli->store), period,
                              &default_from, &default_to);
      if (from == 0)
        from = default_from;
      if (to == 0)
        to = default_to;
      if (from > to)
        {
          g_autofree char *from_text = _bo_cli_iso_date (from);
          g_autofree char *to_text = _bo_cli_iso_date (to);

          return _bo_cli_usage (cli, _("--from %s is after --to %s"), from_text, to_text);
        }
    }

  switch (kind)
    {
    case BO_CHART_RATE:
      chart = bo_chart_new_rate (cli->store, period, measure, from, to, &error);
      break;
    case BO_CHART_BACKLOG:
      chart = bo_chart_new_backlog (cli->store, period, from, to, &error);
      break;
    case BO_CHART_AGING:
      chart = bo_chart_new_aging (cli->store, &error);
      break;
    case BO_CHART_SUPPLIERS:
      chart = bo_chart_new_suppliers (cli->store, &error);
      break;
    case BO_CHART_TOP_PRODUCTS:
    case BO_CHART_CUSTOM:
    default:
      chart = bo_chart_new_top_products (cli->store, BO_CHART_TOP_PRODUCTS_LIMIT, &error);
      break;
    }
  if (chart == NULL)
    return _bo_cli_fail (cli, error);

  if (width == 0)
    width = format == BO_CHART_FORMAT_PNG ? PNG_WIDTH : VECTOR_WIDTH;
  if (height == 0)
    height = format == BO_CHART_FORMAT_PNG ? PNG_HEIGHT : VECTOR_HEIGHT;
  if (!bo_chart_export (chart, NULL, output, format, width, height, &error))
    return _bo_cli_fail (cli, error);

  if (cli->json)
    print_json (chart, output, format);
  else
    /* TRANSLATORS: a chart's title and the file it was written to */
    _bo_cli_say (cli, _("%s written to “%s”"), chart->title, output);
  return BO_CLI_EXIT_OK;
}
