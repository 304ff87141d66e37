/* bo-cli-catalog.c — product, supplier and customer commands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-cli"
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "bo-cli-private.h"
#include <backorders/bo-money.h>

#define N_RECENT_MOVEMENTS 20

/* ---- products ------------------------------------------------------------ */

void
_bo_cli_product_columns (BoCliTable *table,
                         gboolean    full)
{
  _bo_cli_table_column (table, "sku", _("SKU"), FALSE);
  _bo_cli_table_column (table, "name", _("Name"), FALSE);
  _bo_cli_table_column (table, "on_hand", _("On hand"), TRUE);
  _bo_cli_table_column (table, "allocated", _("Allocated"), TRUE);
  _bo_cli_table_column (table, "backordered", _("Backordered"), TRUE);
  _bo_cli_table_column (table, "incoming", _("Incoming"), TRUE);
  _bo_cli_table_column (table, "price_minor", _("Price"), TRUE);
  _bo_cli_table_column (table, "backorder_policy", _("Backorders"), FALSE);
  if (!full)
    return;
  _bo_cli_table_column (table, "cost_minor", _("Cost"), TRUE);
  _bo_cli_table_column (table, "reorder_point", _("Reorder point"), TRUE);
  _bo_cli_table_column (table, "reorder_qty", _("Reorder quantity"), TRUE);
  _bo_cli_table_column (table, "location", _("Location"), FALSE);
  _bo_cli_table_column (table, "drop_ship", _("Drop-ship"), FALSE);
  _bo_cli_table_column (table, "discontinued", _("Discontinued"), FALSE);
}

void
_bo_cli_product_row (BoCliTable      *table,
                     const BoProduct *product,
                     gboolean         full)
{
  _bo_cli_table_row (table);
  _bo_cli_table_text (table, product->sku);
  _bo_cli_table_text (table, product->name);
  _bo_cli_table_int (table, product->on_hand);
  _bo_cli_table_int (table, product->allocated);
  _bo_cli_table_int (table, product->backordered);
  _bo_cli_table_int (table, product->incoming);
  _bo_cli_table_money (table, product->price);
  _bo_cli_table_text (table, bo_backorder_policy_to_string (product->backorder_policy));
  if (!full)
    return;
  _bo_cli_table_money (table, product->cost);
  _bo_cli_table_int (table, product->reorder_point);
  _bo_cli_table_int (table, product->reorder_qty);
  _bo_cli_table_text (table, product->location);
  _bo_cli_table_bool (table, product->drop_ship);
  _bo_cli_table_bool (table, product->discontinued);
}

int
_bo_cli_product_add (BoCli *cli,
                     char **argv)
{
  g_autofree char *sku = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stock = NULL;
  g_autofree char *price = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *reorder_point = NULL;
  g_autofree char *reorder_qty = NULL;
  g_autofree char *policy = NULL;
  g_autofree char *location = NULL;
  gboolean drop_ship = FALSE;
  const GOptionEntry entries[] = {
    { "sku", 0, 0, G_OPTION_ARG_STRING, &sku, N_("Stock-keeping unit (required, unique)"),
      N_("SKU") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Product name (required)"), N_("NAME") },
    { "stock", 0, 0, G_OPTION_ARG_STRING, &stock, N_("Units on hand (default 0)"), N_("N") },
    { "price", 0, 0, G_OPTION_ARG_STRING, &price, N_("Selling price, like 12.50"), N_("PRICE") },
    { "cost", 0, 0, G_OPTION_ARG_STRING, &cost, N_("Purchase cost, like 4.20"), N_("COST") },
    { "reorder-point", 0, 0, G_OPTION_ARG_STRING, &reorder_point,
      N_("Reorder when free stock falls to this level"), N_("N") },
    { "reorder-qty", 0, 0, G_OPTION_ARG_STRING, &reorder_qty, N_("Units to reorder"), N_("N") },
    { "backorder-policy", 0, 0, G_OPTION_ARG_STRING, &policy,
      N_("deny, allow (default) or allow-if-incoming"), N_("POLICY") },
    { "location", 0, 0, G_OPTION_ARG_STRING, &location, N_("Bin or shelf"), N_("BIN") },
    { "drop-ship", 0, 0, G_OPTION_ARG_NONE, &drop_ship,
      N_("The supplier ships it; no stock is kept"), NULL },
    { NULL }
  };
  g_autoptr(BoProduct) product = bo_product_new ();
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status)
      || !_bo_cli_require (cli, sku, "--sku", &status)
      || !_bo_cli_require (cli, name, "--name", &status))
    return status;

  if ((stock != NULL
       && !_bo_cli_parse_integer (stock, "--stock", 0, BO_QUANTITY_MAX, &product->on_hand, &error))
      || (price != NULL && !_bo_cli_parse_money (cli, price, "--price", &product->price, &error))
      || (cost != NULL && !_bo_cli_parse_money (cli, cost, "--cost", &product->cost, &error))
      || (reorder_point != NULL
          && !_bo_cli_parse_integer (reorder_point, "--reorder-point", 0, BO_QUANTITY_MAX,
                                     &product->reorder_point, &error))
      || (reorder_qty != NULL
          && !_bo_cli_parse_integer (reorder_qty, "--reorder-qty", 0, BO_QUANTITY_MAX,
                                     &product->reorder_qty, &error)))
    return _bo_cli_usage_error (cli, error);

  if (policy != NULL && !bo_backorder_policy_from_string (policy, &product->backorder_policy))
    return _bo_cli_usage (cli, _("invalid value “%s” for --backorder-policy: "
                                 "expected deny, allow or allow-if-incoming"),
                          policy);

  g_free (product->sku);
  product->sku = g_steal_pointer (&sku);
  g_free (product->name);
  product->name = g_steal_pointer (&name);
  g_free (product->location);
  product->location = g_steal_pointer (&location);
  product->drop_ship = drop_ship;

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  if (!bo_store_save_product (cli->store, product, &error))
    return _bo_cli_fail (cli, error);

  if (!cli->json)
    {
      g_print (_("Added product “%s” (%s).\n"), product->sku, product->name);
      return BO_CLI_EXIT_OK;
    }

  table = _bo_cli_table_new (cli);
  _bo_cli_product_columns (table, TRUE);
  _bo_cli_product_row (table, product, TRUE);
  _bo_cli_table_print_record (table);
  return BO_CLI_EXIT_OK;
}

int
_bo_cli_product_list (BoCli *cli,
                      char **argv)
{
  g_autofree char *search = NULL;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only products whose SKU or name match"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  products = bo_store_list_products (cli->store, search, NULL, 0, BO_CLI_NO_LIMIT, &error);
  if (products == NULL)
    return _bo_cli_fail (cli, error);

  if (products->len == 0 && !cli->json)
    {
      g_print ("%s\n", _("No products."));
      return BO_CLI_EXIT_OK;
    }

  table = _bo_cli_table_new (cli);
  _bo_cli_product_columns (table, FALSE);
  for (guint i = 0; i < products->len; i++)
    _bo_cli_product_row (table, g_ptr_array_index (products, i), FALSE);
  _bo_cli_table_print (table);
  return BO_CLI_EXIT_OK;
}

static gint
movement_newest_first (gconstpointer a,
                       gconstpointer b)
{
  const BoMovement *ma = *(const BoMovement * const *) a;
  const BoMovement *mb = *(const BoMovement * const *) b;

  if (ma->at != mb->at)
    return ma->at > mb->at ? -1 : 1;
  return ma->id > mb->id ? -1 : ma->id < mb->id ? 1 : 0;
}

int
_bo_cli_product_show (BoCli *cli,
                      char **argv)
{
  g_autoptr(BoProduct) product = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) movements = NULL;
  g_autoptr(BoCliTable) record = NULL;
  g_autoptr(BoCliTable) suppliers = NULL;
  g_autoptr(BoCliTable) history = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_bo_cli_parse (cli, NULL, 1, 1, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  product = _bo_cli_find_product (cli, argv[1], &error);
  if (product == NULL)
    return _bo_cli_fail (cli, error);
  links = bo_store_list_product_suppliers (cli->store, product->id, &error);
  if (links == NULL)
    return _bo_cli_fail (cli, error);
  movements = bo_store_list_movements (cli->store, product->id, &error);
  if (movements == NULL)
    return _bo_cli_fail (cli, error);

  record = _bo_cli_table_new (cli);
  _bo_cli_product_columns (record, TRUE);
  _bo_cli_product_row (record, product, TRUE);

  suppliers = _bo_cli_table_new (cli);
  _bo_cli_table_column (suppliers, "supplier", _("Supplier"), FALSE);
  _bo_cli_table_column (suppliers, "supplier_sku", _("Supplier SKU"), FALSE);
  _bo_cli_table_column (suppliers, "cost_minor", _("Cost"), TRUE);
  _bo_cli_table_column (suppliers, "lead_days", _("Lead days"), TRUE);
  _bo_cli_table_column (suppliers, "min_qty", _("Minimum"), TRUE);
  _bo_cli_table_column (suppliers, "preferred", _("Preferred"), FALSE);
  for (guint i = 0; i < links->len; i++)
    {
      const BoProductSupplier *link = g_ptr_array_index (links, i);

      _bo_cli_table_row (suppliers);
      _bo_cli_table_text (suppliers, link->supplier_name);
      _bo_cli_table_text (suppliers, link->supplier_sku);
      if (link->cost >= 0)
        _bo_cli_table_money (suppliers, link->cost);
      else
        _bo_cli_table_cell (suppliers, g_strdup (_("product cost")), NULL);
      if (link->lead_days >= 0)
        _bo_cli_table_int (suppliers, link->lead_days);
      else
        _bo_cli_table_cell (suppliers, g_strdup (_("supplier's")), NULL);
      _bo_cli_table_int (suppliers, link->min_order_qty);
      _bo_cli_table_bool (suppliers, link->preferred);
    }

  g_ptr_array_sort (movements, movement_newest_first);
  history = _bo_cli_table_new (cli);
  _bo_cli_table_column (history, "at", _("When"), FALSE);
  _bo_cli_table_column (history, "delta", _("Change"), TRUE);
  _bo_cli_table_column (history, "reason", _("Reason"), FALSE);
  _bo_cli_table_column (history, "reference", _("Reference"), FALSE);
  for (guint i = 0; i < movements->len && i < N_RECENT_MOVEMENTS; i++)
    {
      const BoMovement *movement = g_ptr_array_index (movements, i);

      _bo_cli_table_row (history);
      _bo_cli_table_time (history, movement->at, NULL);
      _bo_cli_table_cell (history, g_strdup_printf ("%+" PRId64, movement->delta),
                          json_node_init_int (json_node_alloc (), movement->delta));
      _bo_cli_table_text (history, movement->reason);
      _bo_cli_table_text (history, movement->reference);
    }

  if (cli->json)
    {
      g_autoptr(JsonNode) root = _bo_cli_table_row_to_json (record, 0);
      JsonObject *object = json_node_get_object (root);

      json_object_set_member (object, "suppliers", _bo_cli_table_to_json (suppliers));
      json_object_set_member (object, "movements", _bo_cli_table_to_json (history));
      _bo_cli_print_json (root);
      return BO_CLI_EXIT_OK;
    }

  _bo_cli_table_print_record (record);
  g_print ("\n%s\n", _("Suppliers:"));
  if (_bo_cli_table_n_rows (suppliers) > 0)
    _bo_cli_table_print (suppliers);
  else
    g_print ("%s\n", _("None linked."));
  g_print ("\n%s\n", _("Recent stock movements:"));
  if (_bo_cli_table_n_rows (history) > 0)
    _bo_cli_table_print (history);
  else
    g_print ("%s\n", _("None."));
  return BO_CLI_EXIT_OK;
}

int
_bo_cli_product_adjust (BoCli *cli,
                        char **argv)
{
  g_autofree char *by = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("Units to add, or to remove when negative (required)"), N_("N") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why the stock changed"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(BoAllocationResult) result = NULL;
  g_autoptr(BoProduct) product = NULL;
  g_autoptr(BoProduct) after = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  gint64 delta;
  int status;

  if (!_bo_cli_parse (cli, entries, 1, 1, &argv, &status)
      || !_bo_cli_require (cli, by, "--by", &status))
    return status;
  if (!_bo_cli_parse_integer (by, "--by", -BO_QUANTITY_MAX, BO_QUANTITY_MAX, &delta, &error))
    return _bo_cli_usage_error (cli, error);
  if (delta == 0)
    return _bo_cli_usage (cli, _("invalid value “%s” for --by: expected a whole number other "
                                 "than 0"),
                          by);

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  product = _bo_cli_find_product (cli, argv[1], &error);
  if (product == NULL)
    return _bo_cli_fail (cli, error);
  if (!bo_store_adjust_stock (cli->store, product->id, delta, note, &result, &error))
    return _bo_cli_fail (cli, error);

  /* Only for the message: the adjustment itself has been made. */
  after = bo_store_get_product (cli->store, product->id, NULL);

  if (!cli->json)
    {
      if (after != NULL)
        g_print (_("Stock of “%s”: %" PRId64 " on hand (was %" PRId64 ").\n"),
                 product->sku, after->on_hand, product->on_hand);
      _bo_cli_print_allocation_result (cli, result, NULL);
      return BO_CLI_EXIT_OK;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sku");
  json_builder_add_string_value (builder, product->sku);
  json_builder_set_member_name (builder, "delta");
  json_builder_add_int_value (builder, delta);
  json_builder_set_member_name (builder, "on_hand_before");
  json_builder_add_int_value (builder, product->on_hand);
  json_builder_set_member_name (builder, "on_hand");
  if (after != NULL)
    json_builder_add_int_value (builder, after->on_hand);
  else
    json_builder_add_null_value (builder);
  _bo_cli_print_allocation_result (cli, result, builder);
  json_builder_end_object (builder);
  {
    g_autoptr(JsonNode) root = json_builder_get_root (builder);

    _bo_cli_print_json (root);
  }
  return BO_CLI_EXIT_OK;
}

/* ---- suppliers ----------------------------------------------------------- */

void
_bo_cli_supplier_columns (BoCliTable *table)
{
  _bo_cli_table_column (table, "name", _("Name"), FALSE);
  _bo_cli_table_column (table, "email", _("Email"), FALSE);
  _bo_cli_table_column (table, "lead_days", _("Lead days"), TRUE);
}

void
_bo_cli_supplier_row (BoCliTable       *table,
                      const BoSupplier *supplier)
{
  _bo_cli_table_row (table);
  _bo_cli_table_text (table, supplier->name);
  _bo_cli_table_text (table, supplier->email);
  _bo_cli_table_int (table, supplier->lead_days);
}

int
_bo_cli_supplier_add (BoCli *cli,
                      char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *lead_days = NULL;
  g_autofree char *email = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Supplier name (required, unique)"),
      N_("NAME") },
    { "lead-days", 0, 0, G_OPTION_ARG_STRING, &lead_days,
      N_("Days from order to arrival"), N_("N") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("Where purchase orders go"), N_("EMAIL") },
    { NULL }
  };
  g_autoptr(BoSupplier) supplier = bo_supplier_new ();
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gint64 days;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status)
      || !_bo_cli_require (cli, name, "--name", &status))
    return status;
  if (lead_days != NULL)
    {
      if (!_bo_cli_parse_integer (lead_days, "--lead-days", 0, 365, &days, &error))
        return _bo_cli_usage_error (cli, error);
      supplier->lead_days = (gint) days;
    }
  g_free (supplier->name);
  supplier->name = g_steal_pointer (&name);
  g_free (supplier->email);
  supplier->email = g_steal_pointer (&email);

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  if (!bo_store_save_supplier (cli->store, supplier, &error))
    return _bo_cli_fail (cli, error);

  if (!cli->json)
    {
      g_print (_("Added supplier “%s”.\n"), supplier->name);
      return BO_CLI_EXIT_OK;
    }
  table = _bo_cli_table_new (cli);
  _bo_cli_supplier_columns (table);
  _bo_cli_supplier_row (table, supplier);
  _bo_cli_table_print_record (table);
  return BO_CLI_EXIT_OK;
}

int
_bo_cli_supplier_list (BoCli *cli,
                       char **argv)
{
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_bo_cli_parse (cli, NULL, 0, 0, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  suppliers = bo_store_list_suppliers (cli->store, &error);
  if (suppliers == NULL)
    return _bo_cli_fail (cli, error);
  if (suppliers->len == 0 && !cli->json)
    {
      g_print ("%s\n", _("No suppliers."));
      return BO_CLI_EXIT_OK;
    }

  table = _bo_cli_table_new (cli);
  _bo_cli_supplier_columns (table);
  for (guint i = 0; i < suppliers->len; i++)
    _bo_cli_supplier_row (table, g_ptr_array_index (suppliers, i));
  _bo_cli_table_print (table);
  return BO_CLI_EXIT_OK;
}

int
_bo_cli_supplier_link (BoCli *cli,
                       char **argv)
{
  g_autofree char *supplier_name = NULL;
  g_autofree char *sku = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *lead_days = NULL;
  g_autofree char *min_qty = NULL;
  g_autofree char *supplier_sku = NULL;
  gboolean preferred = FALSE;
  const GOptionEntry entries[] = {
    { "supplier", 0, 0, G_OPTION_ARG_STRING, &supplier_name, N_("Supplier name (required)"),
      N_("NAME") },
    { "sku", 0, 0, G_OPTION_ARG_STRING, &sku, N_("Product SKU (required)"), N_("SKU") },
    { "cost", 0, 0, G_OPTION_ARG_STRING, &cost,
      N_("This supplier's price (default: the product cost)"), N_("COST") },
    { "lead-days", 0, 0, G_OPTION_ARG_STRING, &lead_days,
      N_("Lead time for this product (default: the supplier's)"), N_("N") },
    { "min-qty", 0, 0, G_OPTION_ARG_STRING, &min_qty, N_("Minimum order quantity"), N_("N") },
    { "supplier-sku", 0, 0, G_OPTION_ARG_STRING, &supplier_sku,
      N_("The supplier's own code for the product"), N_("CODE") },
    { "preferred", 0, 0, G_OPTION_ARG_NONE, &preferred,
      N_("Order shortages of this product from this supplier"), NULL },
    { NULL }
  };
  g_autoptr(BoProductSupplier) link = bo_product_supplier_new ();
  g_autoptr(BoSupplier) supplier = NULL;
  g_autoptr(BoProduct) product = NULL;
  g_autoptr(GError) error = NULL;
  gint64 value;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status)
      || !_bo_cli_require (cli, supplier_name, "--supplier", &status)
      || !_bo_cli_require (cli, sku, "--sku", &status))
    return status;

  if (cost != NULL && !_bo_cli_parse_money (cli, cost, "--cost", &link->cost, &error))
    return _bo_cli_usage_error (cli, error);
  if (lead_days != NULL)
    {
      if (!_bo_cli_parse_integer (lead_days, "--lead-days", 0, 365, &value, &error))
        return _bo_cli_usage_error (cli, error);
      link->lead_days = (gint) value;
    }
  if (min_qty != NULL
      && !_bo_cli_parse_integer (min_qty, "--min-qty", 1, BO_QUANTITY_MAX, &link->min_order_qty,
                                 &error))
    return _bo_cli_usage_error (cli, error);
  g_free (link->supplier_sku);
  link->supplier_sku = g_steal_pointer (&supplier_sku);
  link->preferred = preferred;

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  supplier = _bo_cli_find_supplier (cli, supplier_name, &error);
  if (supplier == NULL)
    return _bo_cli_fail (cli, error);
  product = _bo_cli_find_product (cli, sku, &error);
  if (product == NULL)
    return _bo_cli_fail (cli, error);
  link->supplier_id = supplier->id;
  link->product_id = product->id;

  if (!bo_store_link_supplier (cli->store, link, &error))
    return _bo_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "supplier");
      json_builder_add_string_value (builder, supplier->name);
      json_builder_set_member_name (builder, "sku");
      json_builder_add_string_value (builder, product->sku);
      json_builder_set_member_name (builder, "preferred");
      json_builder_add_boolean_value (builder, link->preferred);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      _bo_cli_print_json (root);
    }
  else
    g_print (_("“%s” now supplies “%s”.\n"), supplier->name, product->sku);
  return BO_CLI_EXIT_OK;
}

/* ---- customers ----------------------------------------------------------- */

void
_bo_cli_customer_columns (BoCliTable *table)
{
  _bo_cli_table_column (table, "name", _("Name"), FALSE);
  _bo_cli_table_column (table, "email", _("Email"), FALSE);
  _bo_cli_table_column (table, "tier", _("Tier"), TRUE);
  _bo_cli_table_column (table, "ship_complete", _("Ships complete"), FALSE);
  _bo_cli_table_column (table, "address", _("Address"), FALSE);
}

void
_bo_cli_customer_row (BoCliTable       *table,
                      const BoCustomer *customer)
{
  _bo_cli_table_row (table);
  _bo_cli_table_text (table, customer->name);
  _bo_cli_table_text (table, customer->email);
  _bo_cli_table_int (table, customer->tier);
  _bo_cli_table_bool (table, customer->ship_complete);
  _bo_cli_table_text (table, customer->address);
}

int
_bo_cli_customer_add (BoCli *cli,
                      char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *address = NULL;
  g_autofree char *tier = NULL;
  gboolean ship_complete = FALSE;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Customer name (required)"), N_("NAME") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("Email address"), N_("EMAIL") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("Shipping address"), N_("ADDRESS") },
    { "tier", 0, 0, G_OPTION_ARG_STRING, &tier,
      N_("Priority tier; higher is served first (default 0)"), N_("N") },
    { "ship-complete", 0, 0, G_OPTION_ARG_NONE, &ship_complete,
      N_("Ship this customer's orders only when complete"), NULL },
    { NULL }
  };
  g_autoptr(BoCustomer) customer = bo_customer_new ();
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gint64 value;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status)
      || !_bo_cli_require (cli, name, "--name", &status))
    return status;
  if (tier != NULL)
    {
      if (!_bo_cli_parse_integer (tier, "--tier", 0, 9, &value, &error))
        return _bo_cli_usage_error (cli, error);
      customer->tier = (gint) value;
    }
  g_free (customer->name);
  customer->name = g_steal_pointer (&name);
  g_free (customer->email);
  customer->email = g_steal_pointer (&email);
  g_free (customer->address);
  customer->address = g_steal_pointer (&address);
  customer->ship_complete = ship_complete;

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  if (!bo_store_save_customer (cli->store, customer, &error))
    return _bo_cli_fail (cli, error);

  if (!cli->json)
    {
      g_print (_("Added customer “%s”.\n"), customer->name);
      return BO_CLI_EXIT_OK;
    }
  table = _bo_cli_table_new (cli);
  _bo_cli_customer_columns (table);
  _bo_cli_customer_row (table, customer);
  _bo_cli_table_print_record (table);
  return BO_CLI_EXIT_OK;
}

int
_bo_cli_customer_list (BoCli *cli,
                       char **argv)
{
  g_autofree char *search = NULL;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only customers whose name or email match"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  customers = bo_store_list_customers (cli->store, search, NULL, 0, BO_CLI_NO_LIMIT, &error);
  if (customers == NULL)
    return _bo_cli_fail (cli, error);
  if (customers->len == 0 && !cli->json)
    {
      g_print ("%s\n", _("No customers."));
      return BO_CLI_EXIT_OK;
    }

  table = _bo_cli_table_new (cli);
  _bo_cli_customer_columns (table);
  for (guint i = 0; i < customers->len; i++)
    _bo_cli_customer_row (table, g_ptr_array_index (customers, i));
  _bo_cli_table_print (table);
  return BO_CLI_EXIT_OK;
}
