/* bo-cli-planning.c — planning commands: suggest, availability, goodwill, drop-ship, revenue
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-cli"
#include "config.h"

#include <inttypes.h>

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include <backorders/bo-availability.h>

#include "bo-cli-private.h"
#include <backorders/bo-money.h>

/* How many periods a revenue report covers when no --from is given. */
#define DEFAULT_MONTHS   12
#define DEFAULT_QUARTERS 8
#define DEFAULT_YEARS    5

static void
print_root (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  _bo_cli_print_json (root);
}

/* "95", "95%" or "99.5": a percentage, as a fraction. */
static gboolean
parse_percent (const char  *text,
               const char  *what,
               double       min,
               double       max,
               double      *fraction,
               GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  if (g_str_has_suffix (copy, "%"))
    {
      copy[strlen (copy) - 1] = '\0';
      g_strchomp (copy);
    }
  value = g_ascii_strtod (copy, &end);
  if (*copy == '\0' || end == NULL || *end != '\0' || !(value >= min && value <= max))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("invalid value “%s” for %s: expected a percentage from %g to %g"), text,
                   what, min, max);
      return FALSE;
    }
  *fraction = value / 100.0;
  return TRUE;
}

/* ---- suggest -------------------------------------------------------------------- */

static void
suggestion_columns (BoCliTable *table)
{
  _bo_cli_table_column (table, "sku", _("SKU"), FALSE);
  _bo_cli_table_column (table, "name", _("Name"), FALSE);
  _bo_cli_table_column (table, "on_hand", _("On hand"), TRUE);
  _bo_cli_table_column (table, "incoming", _("Incoming"), TRUE);
  _bo_cli_table_column (table, "promised", _("Promised"), TRUE);
  _bo_cli_table_column (table, "position", _("Projected"), TRUE);
  _bo_cli_table_column (table, "reorder_point", _("Reorder point"), TRUE);
  _bo_cli_table_column (table, "suggested_reorder_point", _("Suggested point"), TRUE);
  _bo_cli_table_column (table, "suggested_reorder_qty", _("Suggested qty"), TRUE);
  _bo_cli_table_column (table, "order_qty", _("Order now"), TRUE);
  _bo_cli_table_column (table, "supplier", _("Supplier"), FALSE);
  _bo_cli_table_column (table, "needs_reorder", _("Needs reorder"), FALSE);
  _bo_cli_table_column (table, "seasonal", _("Seasonal"), FALSE);
  _bo_cli_table_column (table, "why", _("Why"), FALSE);
}

static void
suggestion_row (BoCliTable                *table,
                const BoReorderSuggestion *s)
{
  const BoForecast *f = s->forecast;

  _bo_cli_table_row (table);
  _bo_cli_table_text (table, s->sku);
  _bo_cli_table_text (table, s->name);
  _bo_cli_table_int (table, s->on_hand);
  _bo_cli_table_int (table, s->incoming);
  _bo_cli_table_int (table, s->promised);
  _bo_cli_table_int (table, s->position);
  _bo_cli_table_int (table, s->reorder_point);
  if (f->has_suggestion)
    {
      _bo_cli_table_int (table, f->reorder_point);
      _bo_cli_table_int (table, f->reorder_qty);
      _bo_cli_table_int (table, f->order_qty);
    }
  else
    for (guint i = 0; i < 3; i++)
      _bo_cli_table_cell (table, g_strdup ("—"), json_node_new (JSON_NODE_NULL));
  _bo_cli_table_text (table, s->supplier_name);
  _bo_cli_table_bool (table, s->needs_reorder);
  _bo_cli_table_bool (table, f->seasonal);
  _bo_cli_table_text (table, f->why);
}

static int
apply_suggestion (BoCli                     *cli,
                  const BoReorderSuggestion *s)
{
  g_autoptr(GError) error = NULL;

  if (!s->forecast->has_suggestion)
    return _bo_cli_failf (cli, _("%s: no suggestion to apply: %s"), s->sku, s->forecast->why);
  if (!bo_store_set_reorder_levels (cli->store, s->product_id, s->forecast->reorder_point,
                                    s->forecast->reorder_qty, &error))
    return _bo_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "sku");
      json_builder_add_string_value (builder, s->sku);
      json_builder_set_member_name (builder, "reorder_point");
      json_builder_add_int_value (builder, s->forecast->reorder_point);
      json_builder_set_member_name (builder, "reorder_qty");
      json_builder_add_int_value (builder, s->forecast->reorder_qty);
      json_builder_end_object (builder);
      print_root (builder);
    }
  else
    g_print (_("%s: reorder point %" PRId64 ", reorder quantity %" PRId64
               " (was %" PRId64 " and %" PRId64 ").\n"),
             s->sku, s->forecast->reorder_point, s->forecast->reorder_qty, s->reorder_point,
             s->reorder_qty);
  return BO_CLI_EXIT_OK;
}

static int
order_suggestion (BoCli                     *cli,
                  const BoReorderSuggestion *s,
                  const char                *supplier_name,
                  const char                *quantity_arg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoSupplier) supplier = NULL;
  g_autoptr(BoPurchaseOrder) po = NULL;
  gint64 supplier_id = s->supplier_id;
  gint64 quantity = s->forecast->order_qty;
  gint64 po_id = 0;

  if (quantity_arg != NULL &&
      !_bo_cli_parse_integer (quantity_arg, "--quantity", 1, BO_QUANTITY_MAX,
                              &quantity, &error))
    return _bo_cli_usage_error (cli, error);
  if (supplier_name != NULL)
    {
      if ((supplier = _bo_cli_find_supplier (cli, supplier_name, &error)) == NULL)
        return _bo_cli_fail (cli, error);
      supplier_id = supplier->id;
    }
  if (supplier_id == 0)
    return _bo_cli_usage (cli, _("%s has no supplier linked: name one with --supplier"), s->sku);
  if (quantity <= 0)
    return _bo_cli_usage (cli, _("%s needs nothing more now: give the units with --quantity"),
                          s->sku);
  if (!bo_store_order_for_reorder (cli->store, s->product_id, supplier_id, quantity, &po_id,
                                   &error) ||
      (po = bo_store_get_po (cli->store, po_id, &error)) == NULL)
    return _bo_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "sku");
      json_builder_add_string_value (builder, s->sku);
      json_builder_set_member_name (builder, "quantity");
      json_builder_add_int_value (builder, quantity);
      json_builder_set_member_name (builder, "po");
      json_builder_add_string_value (builder, po->number);
      json_builder_set_member_name (builder, "supplier");
      json_builder_add_string_value (builder, po->supplier_name);
      json_builder_end_object (builder);
      print_root (builder);
    }
  else
    g_print (_("%" PRId64 " × %s added to draft purchase order %s for %s.\n"), quantity,
             s->sku, po->number, po->supplier_name);
  return BO_CLI_EXIT_OK;
}

int
_bo_cli_suggest (BoCli *cli,
                 char **argv)
{
  g_autofree char *window_arg = NULL;
  g_autofree char *level_arg = NULL;
  g_autofree char *cover_arg = NULL;
  g_autofree char *apply_sku = NULL;
  g_autofree char *order_sku = NULL;
  g_autofree char *supplier_name = NULL;
  g_autofree char *quantity_arg = NULL;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "window", 0, 0, G_OPTION_ARG_STRING, &window_arg,
      N_("Days of order history to learn from, ending yesterday (default: 90)"), N_("DAYS") },
    { "service-level", 0, 0, G_OPTION_ARG_STRING, &level_arg,
      N_("Chance of not running out while an order is on its way, in percent (default: 95)"),
      N_("P") },
    { "cover", 0, 0, G_OPTION_ARG_STRING, &cover_arg,
      N_("Days of demand an order should cover (default: 30)"), N_("DAYS") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_("Every stocked product, not only those that need reordering"), NULL },
    { "apply", 0, 0, G_OPTION_ARG_STRING, &apply_sku,
      N_("Set the product's reorder point and quantity to the suggestion"), N_("SKU") },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order_sku,
      N_("Add the suggested quantity to a draft purchase order"), N_("SKU") },
    { "supplier", 0, 0, G_OPTION_ARG_STRING, &supplier_name,
      N_("With --order: the supplier (default: the product's preferred one)"), N_("NAME") },
    { "quantity", 0, 0, G_OPTION_ARG_STRING, &quantity_arg,
      N_("With --order: the units to order (default: the suggestion)"), N_("N") },
    { NULL }
  };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gint64 window = BO_FORECAST_DEFAULT_WINDOW, cover = BO_FORECAST_DEFAULT_COVER;
  double level = BO_FORECAST_DEFAULT_SERVICE_LEVEL;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status))
    return status;
  if ((window_arg != NULL &&
       !_bo_cli_parse_integer (window_arg, "--window", 1, 3660, &window, &error)) ||
      (cover_arg != NULL &&
       !_bo_cli_parse_integer (cover_arg, "--cover", 0, 3660, &cover, &error)) ||
      (level_arg != NULL &&
       !parse_percent (level_arg, "--service-level", BO_FORECAST_MIN_SERVICE_LEVEL * 100,
                       BO_FORECAST_MAX_SERVICE_LEVEL * 100, &level, &error)))
    return _bo_cli_usage_error (cli, error);
  if (apply_sku != NULL && order_sku != NULL)
    return _bo_cli_usage (cli, _("--apply and --order cannot be used together"));
  if (order_sku == NULL && (supplier_name != NULL || quantity_arg != NULL))
    return _bo_cli_usage (cli, _("--supplier and --quantity go with --order"));
  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  if (apply_sku != NULL || order_sku != NULL)
    {
      g_autoptr(BoProduct) product = NULL;
      g_autoptr(BoReorderSuggestion) s = NULL;

      if ((product = _bo_cli_find_product (cli, apply_sku != NULL ? apply_sku : order_sku,
                                           &error)) == NULL ||
          (s = bo_store_suggest_reorder (cli->store, product->id, window, level, cover,
                                         &error)) == NULL)
        return _bo_cli_fail (cli, error);
      if (apply_sku != NULL)
        return apply_suggestion (cli, s);
      return order_suggestion (cli, s, supplier_name, quantity_arg);
    }

  rows = bo_store_suggest_reorders (cli->store, window, level, cover, !all, &error);
  if (rows == NULL)
    return _bo_cli_fail (cli, error);
  table = _bo_cli_table_new (cli);
  suggestion_columns (table);
  for (guint i = 0; i < rows->len; i++)
    suggestion_row (table, g_ptr_array_index (rows, i));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) products = _bo_cli_table_to_json (table);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "window");
      json_builder_add_int_value (builder, window);
      json_builder_set_member_name (builder, "service_level");
      json_builder_add_double_value (builder, level * 100);
      json_builder_set_member_name (builder, "cover");
      json_builder_add_int_value (builder, cover);
      json_builder_set_member_name (builder, "products");
      json_builder_add_value (builder, json_node_ref (products));
      json_builder_end_object (builder);
      print_root (builder);
      return BO_CLI_EXIT_OK;
    }
  if (rows->len == 0)
    {
      g_print (all ? _("No stocked products.\n")
                   : _("No product needs reordering.\n"));
      return BO_CLI_EXIT_OK;
    }
  _bo_cli_table_print (table);
  g_print ("\n");
  /* TRANSLATORS: the formula behind the suggestions */
  g_print (_("Reorder point = daily demand × lead time + z × standard deviation × √lead time "
             "(%g %% service level, %" PRId64 " days of history); order up to %"
             PRId64 " days of cover, at least the supplier's minimum.\n"),
           level * 100, window, cover);
  return BO_CLI_EXIT_OK;
}

/* ---- export availability ------------------------------------------------------------ */

int
_bo_cli_export_availability (BoCli *cli,
                             char **argv)
{
  g_autofree char *format_arg = NULL;
  g_autofree char *output = NULL;
  g_autofree char *location = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_arg,
      N_("shopify, woocommerce or csv (required)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write (default: standard output)"), N_("FILE") },
    { "location", 0, 0, G_OPTION_ARG_STRING, &location,
      N_("For Shopify: the location the stock is at (default: Shop location)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  BoAvailabilityFormat format;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status)
      || !_bo_cli_require (cli, format_arg, "--format", &status))
    return status;
  if (!bo_availability_format_from_string (format_arg, &format))
    return _bo_cli_usage (cli, _("invalid value “%s” for --format: expected shopify, "
                                 "woocommerce or csv"), format_arg);
  if (location != NULL && format != BO_AVAILABILITY_FORMAT_SHOPIFY)
    return _bo_cli_usage (cli, _("--location is for the shopify format only"));
  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  if (output == NULL)
    {
      g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

      if (!bo_availability_write (cli->store, format, location, memory, NULL, &error) ||
          !g_output_stream_close (memory, NULL, &error))
        return _bo_cli_fail (cli, error);
      fwrite (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)), 1,
              g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)), stdout);
      fflush (stdout);
      return BO_CLI_EXIT_OK;
    }

  {
    g_autoptr(GFile) target = g_file_new_for_commandline_arg (output);

    if (!bo_availability_write_file (cli->store, format, location, target, NULL, &error))
      return _bo_cli_fail (cli, error);
    if (cli->json)
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();
        g_autofree char *path = g_file_get_path (target);

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "file");
        json_builder_add_string_value (builder, path);
        json_builder_set_member_name (builder, "format");
        json_builder_add_string_value (builder, bo_availability_format_to_string (format));
        json_builder_end_object (builder);
        print_root (builder);
      }
    else
      g_print (_("Wrote “%s”.\n"), output);
  }
  return BO_CLI_EXIT_OK;
}

/* ---- order goodwill ------------------------------------------------------------------- */

static void
goodwill_table (BoCli         *cli,
                const BoOrder *order)
{
  g_autoptr(BoCliTable) table = _bo_cli_table_new (cli);

  _bo_cli_table_column (table, "at", _("Given"), FALSE);
  _bo_cli_table_column (table, "amount_minor", _("Amount"), TRUE);
  _bo_cli_table_column (table, "percent", _("Percent"), TRUE);
  _bo_cli_table_column (table, "voucher", _("Voucher"), FALSE);
  _bo_cli_table_column (table, "note", _("Note"), FALSE);
  for (guint i = 0; i < order->goodwill->len; i++)
    {
      const BoGoodwill *g = g_ptr_array_index (order->goodwill, i);

      _bo_cli_table_row (table);
      _bo_cli_table_time (table, g->at, NULL);
      _bo_cli_table_money (table, g->amount);
      if (g->percent > 0)
        _bo_cli_table_percent (table, g->percent / 100.0);
      else
        _bo_cli_table_cell (table, g_strdup (""), json_node_new (JSON_NODE_NULL));
      _bo_cli_table_text (table, g->voucher);
      _bo_cli_table_text (table, g->note);
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      gint64 total = 0;

      /* Each amount is within the limits, and at most a few per order. */
      for (guint i = 0; i < order->goodwill->len; i++)
        if (!bo_money_add (total, ((BoGoodwill *) g_ptr_array_index (order->goodwill, i))->amount,
                           &total))
          total = G_MAXINT64;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "order");
      json_builder_add_string_value (builder, order->number);
      json_builder_set_member_name (builder, "total_minor");
      json_builder_add_int_value (builder, total);
      json_builder_set_member_name (builder, "goodwill");
      json_builder_add_value (builder, _bo_cli_table_to_json (table));
      json_builder_end_object (builder);
      print_root (builder);
      return;
    }
  if (order->goodwill->len == 0)
    {
      g_print (_("No goodwill was given on order %s.\n"), order->number);
      return;
    }
  _bo_cli_table_print (table);
}

int
_bo_cli_order_goodwill (BoCli *cli,
                        char **argv)
{
  g_autofree char *amount_arg = NULL;
  g_autofree char *percent_arg = NULL;
  g_autofree char *voucher = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[] = {
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_arg, N_("A discount of this amount"),
      N_("AMOUNT") },
    { "percent", 0, 0, G_OPTION_ARG_STRING, &percent_arg,
      N_("A discount of this percentage of the order's value"), N_("P") },
    { "voucher", 0, 0, G_OPTION_ARG_STRING, &voucher, N_("The voucher code given"), N_("CODE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why, for the record and the customer"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(BoOrder) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 amount = 0;
  gint percent = 0;
  int status;

  if (!_bo_cli_parse (cli, entries, 1, 1, &argv, &status))
    return status;
  if (amount_arg != NULL && percent_arg != NULL)
    return _bo_cli_usage (cli, _("give either --amount or --percent, not both"));
  if ((voucher != NULL || note != NULL) && amount_arg == NULL && percent_arg == NULL)
    return _bo_cli_usage (cli, _("--voucher and --note go with --amount or --percent"));
  if (amount_arg != NULL && !_bo_cli_parse_money (cli, amount_arg, "--amount", &amount, &error))
    return _bo_cli_usage_error (cli, error);
  if (percent_arg != NULL)
    {
      double fraction = 0;

      if (!parse_percent (percent_arg, "--percent", 0.01, 100, &fraction, &error))
        return _bo_cli_usage_error (cli, error);
      percent = (gint) (fraction * 10000 + 0.5);
    }
  if (amount_arg != NULL && amount == 0)
    return _bo_cli_usage (cli, _("invalid amount “%s” for --amount: expected more than 0"),
                          amount_arg);
  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  if ((order = _bo_cli_find_order (cli, argv[1], &error)) == NULL)
    return _bo_cli_fail (cli, error);

  /* Without an amount: what was given so far. */
  if (amount_arg == NULL && percent_arg == NULL)
    {
      goodwill_table (cli, order);
      return BO_CLI_EXIT_OK;
    }

  if (!bo_store_add_goodwill (cli->store, order->id, amount, percent, voucher, note, NULL, &error) ||
      (after = bo_store_get_order (cli->store, order->id, &error)) == NULL)
    return _bo_cli_fail (cli, error);
  if (!cli->json)
    {
      const BoGoodwill *g = g_ptr_array_index (after->goodwill, after->goodwill->len - 1);
      g_autofree char *money = _bo_cli_format_money (cli, g->amount);

      g_print (_("Order %s: goodwill of %s recorded.\n"), after->number, money);
      return BO_CLI_EXIT_OK;
    }
  goodwill_table (cli, after);
  return BO_CLI_EXIT_OK;
}

/* ---- po confirm-drop-ship ------------------------------------------------------------- */

int
_bo_cli_po_confirm_drop_ship (BoCli *cli,
                              char **argv)
{
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(BoPurchaseOrder) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 units = 0;
  int status;

  if (!_bo_cli_parse (cli, NULL, 1, 1, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  if ((po = _bo_cli_find_po (cli, argv[1], &error)) == NULL)
    return _bo_cli_fail (cli, error);
  if (!bo_store_confirm_drop_ship (cli->store, po->id, &error) ||
      (after = bo_store_get_po (cli->store, po->id, &error)) == NULL)
    return _bo_cli_fail (cli, error);
  for (guint i = 0; i < after->lines->len; i++)
    units += ((BoPoLine *) g_ptr_array_index (after->lines, i))->received;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "po");
      json_builder_add_string_value (builder, after->number);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, bo_po_status_to_string (after->status));
      json_builder_set_member_name (builder, "units");
      json_builder_add_int_value (builder, units);
      json_builder_end_object (builder);
      print_root (builder);
    }
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%s: the supplier shipped %" PRId64 " unit to the customer.\n",
                          "%s: the supplier shipped %" PRId64 " units to the customer.\n",
                          units),
             after->number, units);
  return BO_CLI_EXIT_OK;
}

/* ---- report revenue ------------------------------------------------------------------- */


int
_bo_cli_report_revenue (BoCli *cli,
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
  g_autoptr(GArray) points = NULL;
  g_autoptr(GError) error = NULL;
  gint64 revenue = 0, refunds = 0, goodwill = 0;
  guint32 from = 0, to = 0;
  BoPeriod period;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status)
      || !_bo_cli_require (cli, by, "--by", &status))
    return status;
  if (!bo_period_from_string (by, &period))
    return _bo_cli_usage (cli, _("invalid value “%s” for --by: expected month, quarter or year"),
                          by);
  if ((from_arg != NULL && !_bo_cli_parse_date (from_arg, "--from", &from, &error)) ||
      (to_arg != NULL && !_bo_cli_parse_date (to_arg, "--to", &to, &error)))
    return _bo_cli_usage_error (cli, error);
  if (from != 0 && to != 0 && from > to)
    return _bo_cli_usage (cli, _("--from %s is after --to %s"), from_arg, to_arg);
  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  if (to == 0)
    to = bo_store_get_today (cli->store);
  if (from == 0)
    from = bo_period_range_back (period, to, period == BO_PERIOD_MONTH     ? DEFAULT_MONTHS
                                     : period == BO_PERIOD_QUARTER ? DEFAULT_QUARTERS
                                                                   : DEFAULT_YEARS);
  if (from > to)
    return _bo_cli_usage (cli, _("--from %s is after today"), from_arg);

  points = bo_store_revenue_history (cli->store, period, from, to, &error);
  if (points == NULL)
    return _bo_cli_fail (cli, error);

  table = _bo_cli_table_new (cli);
  _bo_cli_table_column (table, "period", _("Period"), FALSE);
  _bo_cli_table_column (table, "first_day", _("From"), FALSE);
  _bo_cli_table_column (table, "revenue_minor", _("Recognised"), TRUE);
  _bo_cli_table_column (table, "units_shipped", _("Units shipped"), TRUE);
  _bo_cli_table_column (table, "backlog_minor", _("Backlog at end"), TRUE);
  _bo_cli_table_column (table, "backlog_units", _("Backlog units"), TRUE);
  _bo_cli_table_column (table, "refunds_minor", _("Refunds"), TRUE);
  _bo_cli_table_column (table, "units_cancelled", _("Units cancelled"), TRUE);
  _bo_cli_table_column (table, "goodwill_minor", _("Goodwill"), TRUE);
  for (guint i = 0; i < points->len; i++)
    {
      const BoRevenuePoint *p = &g_array_index (points, BoRevenuePoint, i);
      g_autofree char *label = bo_period_label (period, p->year, p->index);

      _bo_cli_table_row (table);
      _bo_cli_table_text (table, label);
      _bo_cli_table_date (table, p->first_day, NULL);
      _bo_cli_table_money (table, p->revenue);
      _bo_cli_table_int (table, p->shipped);
      _bo_cli_table_money (table, p->backlog);
      _bo_cli_table_int (table, p->backlog_units);
      _bo_cli_table_money (table, p->refunds);
      _bo_cli_table_int (table, p->cancelled);
      _bo_cli_table_money (table, p->goodwill);
      if (!bo_money_add_checked (&revenue, p->revenue, _("The total revenue"), &error) ||
          !bo_money_add_checked (&refunds, p->refunds, _("The total of refunds"), &error) ||
          !bo_money_add_checked (&goodwill, p->goodwill, _("The total of goodwill"), &error))
        return _bo_cli_fail (cli, error);
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) rows = _bo_cli_table_to_json (table);
      JsonArray *array = json_node_get_array (rows);
      g_autofree char *from_iso = _bo_cli_iso_date (from);
      g_autofree char *to_iso = _bo_cli_iso_date (to);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const BoRevenuePoint *p = &g_array_index (points, BoRevenuePoint, i);
          JsonObject *row = json_array_get_object_element (array, i);

          json_object_set_int_member (row, "year", p->year);
          json_object_set_int_member (row, "index", p->index);
          json_object_set_int_member (row, "goodwill_count", p->goodwill_count);
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "by");
      json_builder_add_string_value (builder, bo_period_to_string (period));
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, from_iso);
      json_builder_set_member_name (builder, "to");
      json_builder_add_string_value (builder, to_iso);
      json_builder_set_member_name (builder, "periods");
      json_builder_add_value (builder, json_node_ref (rows));
      json_builder_set_member_name (builder, "total_revenue_minor");
      json_builder_add_int_value (builder, revenue);
      json_builder_set_member_name (builder, "total_refunds_minor");
      json_builder_add_int_value (builder, refunds);
      json_builder_set_member_name (builder, "total_goodwill_minor");
      json_builder_add_int_value (builder, goodwill);
      json_builder_end_object (builder);
      print_root (builder);
      return BO_CLI_EXIT_OK;
    }

  {
    g_autofree char *from_text = _bo_cli_format_date (from);
    g_autofree char *to_text = _bo_cli_format_date (to);
    g_autofree char *revenue_text = _bo_cli_format_money (cli, revenue);
    g_autofree char *refunds_text = _bo_cli_format_money (cli, refunds);
    g_autofree char *goodwill_text = _bo_cli_format_money (cli, goodwill);

    /* TRANSLATORS: a report's date range, e.g. "From 01/03/25 to 28/02/26" */
    g_print (_("From %s to %s"), from_text, to_text);
    g_print ("\n");
    _bo_cli_table_print (table);
    g_print ("\n");
    g_print (_("Recognised %s, refunded %s, goodwill %s.\n"), revenue_text, refunds_text,
             goodwill_text);
    g_print (_("Revenue is recognised when units ship, at line price; the backlog is the value "
               "of backordered units not shipped yet at the end of each period.\n"));
  }
  return BO_CLI_EXIT_OK;
}
