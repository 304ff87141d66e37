/* bo-cli-catalog-edit.c — product, supplier and customer changes, as the window makes them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each command reads the record, changes the fields given and saves it with
 * the same store operation the window's dialog calls, so the checks, the
 * refusals and the event history are the window's.
 */
#define G_LOG_DOMAIN "bo-cli"
#include "config.h"

#include <glib/gi18n.h>

#include <backorders/bo-money.h>

#include "bo-cli-private.h"

static void
replace_text (char **field,
              char **value)
{
  if (*value == NULL)
    return;
  g_free (*field);
  *field = g_steal_pointer (value);
}

static int
nothing_to_change (BoCli      *cli,
                   const char *options)
{
  return _bo_cli_usage (cli, _("nothing to change: give at least one of %s"), options);
}

/* ---- products ------------------------------------------------------------ */

/* @message: (transfer full): the sentence for people */
static int
print_product (BoCli           *cli,
               const BoProduct *product,
               char            *message)
{
  g_autofree char *said = message;
  g_autoptr(BoCliTable) table = NULL;

  if (!cli->json)
    {
      g_print ("%s\n", said);
      return BO_CLI_EXIT_OK;
    }
  table = _bo_cli_table_new (cli);
  _bo_cli_product_columns (table, TRUE);
  _bo_cli_product_row (table, product, TRUE);
  _bo_cli_table_print_record (table);
  return BO_CLI_EXIT_OK;
}

int
_bo_cli_product_update (BoCli *cli,
                        char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *price = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *reorder_point = NULL;
  g_autofree char *reorder_qty = NULL;
  g_autofree char *policy = NULL;
  g_autofree char *location = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("New product name"), N_("NAME") },
    { "price", 0, 0, G_OPTION_ARG_STRING, &price, N_("Selling price, like 12.50"), N_("PRICE") },
    { "cost", 0, 0, G_OPTION_ARG_STRING, &cost, N_("Purchase cost, like 4.20"), N_("COST") },
    { "reorder-point", 0, 0, G_OPTION_ARG_STRING, &reorder_point,
      N_("Reorder when free stock falls to this level"), N_("N") },
    { "reorder-qty", 0, 0, G_OPTION_ARG_STRING, &reorder_qty, N_("Units to reorder"), N_("N") },
    { "backorder-policy", 0, 0, G_OPTION_ARG_STRING, &policy,
      N_("deny, allow or allow-if-incoming"), N_("POLICY") },
    { "location", 0, 0, G_OPTION_ARG_STRING, &location,
      N_("Bin or shelf (an empty value clears it)"), N_("BIN") },
    { NULL }
  };
  g_autoptr(BoProduct) product = NULL;
  g_autoptr(GError) error = NULL;
  gint64 new_price = -1, new_cost = -1, new_point = -1, new_qty = -1;
  BoBackorderPolicy new_policy = BO_BACKORDER_ALLOW;
  int status;

  if (!_bo_cli_parse (cli, entries, 1, 1, &argv, &status))
    return status;
  if (name == NULL && price == NULL && cost == NULL && reorder_point == NULL &&
      reorder_qty == NULL && policy == NULL && location == NULL)
    return nothing_to_change (cli, "--name, --price, --cost, --reorder-point, --reorder-qty, "
                                   "--backorder-policy, --location");

  if ((price != NULL && !_bo_cli_parse_money (cli, price, "--price", &new_price, &error))
      || (cost != NULL && !_bo_cli_parse_money (cli, cost, "--cost", &new_cost, &error))
      || (reorder_point != NULL
          && !_bo_cli_parse_integer (reorder_point, "--reorder-point", 0, BO_QUANTITY_MAX,
                                     &new_point, &error))
      || (reorder_qty != NULL
          && !_bo_cli_parse_integer (reorder_qty, "--reorder-qty", 0, BO_QUANTITY_MAX,
                                     &new_qty, &error)))
    return _bo_cli_usage_error (cli, error);
  if (policy != NULL && !bo_backorder_policy_from_string (policy, &new_policy))
    return _bo_cli_usage (cli, _("invalid value “%s” for --backorder-policy: "
                                 "expected deny, allow or allow-if-incoming"),
                          policy);

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  product = _bo_cli_find_product (cli, argv[1], &error);
  if (product == NULL)
    return _bo_cli_fail (cli, error);

  replace_text (&product->name, &name);
  replace_text (&product->location, &location);
  if (new_price >= 0)
    product->price = new_price;
  if (new_cost >= 0)
    product->cost = new_cost;
  if (new_point >= 0)
    product->reorder_point = new_point;
  if (new_qty >= 0)
    product->reorder_qty = new_qty;
  if (policy != NULL)
    product->backorder_policy = new_policy;

  if (!bo_store_save_product (cli->store, product, &error))
    return _bo_cli_fail (cli, error);
  return print_product (cli, product, g_strdup_printf (_("Updated product “%s” (%s)."),
                                                       product->sku, product->name));
}

int
_bo_cli_product_discontinue (BoCli *cli,
                             char **argv)
{
  g_autoptr(BoProduct) product = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_bo_cli_parse (cli, NULL, 1, 1, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  product = _bo_cli_find_product (cli, argv[1], &error);
  if (product == NULL)
    return _bo_cli_fail (cli, error);
  if (product->discontinued)
    return print_product (cli, product,
                          g_strdup_printf (_("Product “%s” (%s) was discontinued already."),
                                           product->sku, product->name));

  product->discontinued = TRUE;
  if (!bo_store_save_product (cli->store, product, &error))
    return _bo_cli_fail (cli, error);
  return print_product (cli, product, g_strdup_printf (_("Discontinued product “%s” (%s)."),
                                                       product->sku, product->name));
}

/* ---- suppliers ----------------------------------------------------------- */

int
_bo_cli_supplier_update (BoCli *cli,
                         char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *lead_days = NULL;
  g_autofree char *notes = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("New supplier name"), N_("NAME") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email,
      N_("Where purchase orders go (an empty value clears it)"), N_("EMAIL") },
    { "lead-days", 0, 0, G_OPTION_ARG_STRING, &lead_days,
      N_("Days from order to arrival"), N_("N") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Notes about the supplier"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(BoSupplier) supplier = NULL;
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gint64 days = -1;
  int status;

  if (!_bo_cli_parse (cli, entries, 1, 1, &argv, &status))
    return status;
  if (name == NULL && email == NULL && lead_days == NULL && notes == NULL)
    return nothing_to_change (cli, "--name, --email, --lead-days, --notes");
  if (lead_days != NULL
      && !_bo_cli_parse_integer (lead_days, "--lead-days", 0, 365, &days, &error))
    return _bo_cli_usage_error (cli, error);

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  supplier = _bo_cli_find_supplier (cli, argv[1], &error);
  if (supplier == NULL)
    return _bo_cli_fail (cli, error);

  replace_text (&supplier->name, &name);
  replace_text (&supplier->email, &email);
  replace_text (&supplier->notes, &notes);
  if (days >= 0)
    supplier->lead_days = (gint) days;
  if (!bo_store_save_supplier (cli->store, supplier, &error))
    return _bo_cli_fail (cli, error);

  if (!cli->json)
    {
      g_print (_("Updated supplier “%s”.\n"), supplier->name);
      return BO_CLI_EXIT_OK;
    }
  table = _bo_cli_table_new (cli);
  _bo_cli_supplier_columns (table);
  _bo_cli_supplier_row (table, supplier);
  _bo_cli_table_print_record (table);
  return BO_CLI_EXIT_OK;
}

int
_bo_cli_supplier_unlink (BoCli *cli,
                         char **argv)
{
  g_autofree char *supplier_name = NULL;
  g_autofree char *sku = NULL;
  const GOptionEntry entries[] = {
    { "supplier", 0, 0, G_OPTION_ARG_STRING, &supplier_name, N_("Supplier name (required)"),
      N_("NAME") },
    { "sku", 0, 0, G_OPTION_ARG_STRING, &sku, N_("Product SKU (required)"), N_("SKU") },
    { NULL }
  };
  g_autoptr(BoSupplier) supplier = NULL;
  g_autoptr(BoProduct) product = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status)
      || !_bo_cli_require (cli, supplier_name, "--supplier", &status)
      || !_bo_cli_require (cli, sku, "--sku", &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  supplier = _bo_cli_find_supplier (cli, supplier_name, &error);
  if (supplier == NULL)
    return _bo_cli_fail (cli, error);
  product = _bo_cli_find_product (cli, sku, &error);
  if (product == NULL)
    return _bo_cli_fail (cli, error);

  if (!bo_store_unlink_supplier (cli->store, product->id, supplier->id, &error))
    {
      if (g_error_matches (error, BO_ERROR, BO_ERROR_NOT_FOUND))
        return _bo_cli_failf (cli, _("“%s” is not linked to “%s”; nothing to unlink"),
                              supplier->name, product->sku);
      return _bo_cli_fail (cli, error);
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "supplier");
      json_builder_add_string_value (builder, supplier->name);
      json_builder_set_member_name (builder, "sku");
      json_builder_add_string_value (builder, product->sku);
      json_builder_set_member_name (builder, "linked");
      json_builder_add_boolean_value (builder, FALSE);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      _bo_cli_print_json (root);
    }
  else
    g_print (_("“%s” no longer supplies “%s”.\n"), supplier->name, product->sku);
  return BO_CLI_EXIT_OK;
}

/* ---- customers ----------------------------------------------------------- */

int
_bo_cli_customer_update (BoCli *cli,
                         char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *address = NULL;
  g_autofree char *tier = NULL;
  gboolean ship_complete = FALSE;
  gboolean ship_partial = FALSE;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("New customer name"), N_("NAME") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email,
      N_("Email address (an empty value clears it)"), N_("EMAIL") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address,
      N_("Shipping address (an empty value clears it)"), N_("ADDRESS") },
    { "tier", 0, 0, G_OPTION_ARG_STRING, &tier,
      N_("Priority tier; higher is served first"), N_("N") },
    { "ship-complete", 0, 0, G_OPTION_ARG_NONE, &ship_complete,
      N_("Ship this customer's orders only when complete"), NULL },
    { "no-ship-complete", 0, 0, G_OPTION_ARG_NONE, &ship_partial,
      N_("Ship what is there, in parts"), NULL },
    { NULL }
  };
  g_autoptr(BoCustomer) customer = NULL;
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gint64 new_tier = -1;
  int status;

  if (!_bo_cli_parse (cli, entries, 1, 1, &argv, &status))
    return status;
  if (name == NULL && email == NULL && address == NULL && tier == NULL && !ship_complete &&
      !ship_partial)
    return nothing_to_change (cli, "--name, --email, --address, --tier, --ship-complete, "
                                   "--no-ship-complete");
  if (ship_complete && ship_partial)
    return _bo_cli_usage (cli, _("--ship-complete and --no-ship-complete contradict each other; "
                                 "give one"));
  if (tier != NULL && !_bo_cli_parse_integer (tier, "--tier", 0, 9, &new_tier, &error))
    return _bo_cli_usage_error (cli, error);

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  customer = _bo_cli_find_customer (cli, argv[1], &error);
  if (customer == NULL)
    return _bo_cli_fail (cli, error);

  replace_text (&customer->name, &name);
  replace_text (&customer->email, &email);
  replace_text (&customer->address, &address);
  if (new_tier >= 0)
    customer->tier = (gint) new_tier;
  if (ship_complete || ship_partial)
    customer->ship_complete = ship_complete;
  if (!bo_store_save_customer (cli->store, customer, &error))
    return _bo_cli_fail (cli, error);

  if (!cli->json)
    {
      g_print (_("Updated customer “%s”.\n"), customer->name);
      return BO_CLI_EXIT_OK;
    }
  table = _bo_cli_table_new (cli);
  _bo_cli_customer_columns (table);
  _bo_cli_customer_row (table, customer);
  _bo_cli_table_print_record (table);
  return BO_CLI_EXIT_OK;
}
