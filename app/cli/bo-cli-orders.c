/* bo-cli-orders.c — order, ship and cancel commands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-cli"
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "bo-cli-private.h"

/* What a line's promise means to the merchant: nothing to promise, a date,
 * or a shortage that no purchase order covers yet. */
static void
promise_cell (BoCliTable *table,
              gint64      backordered,
              guint32     promised)
{
  if (backordered <= 0)
    _bo_cli_table_cell (table, g_strdup (""), NULL);
  else
    _bo_cli_table_date (table, promised, _("needs purchase order"));
}

static void
print_root (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  _bo_cli_print_json (root);
}

/* The order line a SKU argument means. When an order has the SKU on
 * several lines, the first one that can take @quantity is meant. */
static BoOrderLine *
find_line (BoOrder    *order,
           const char *sku,
           gint64      quantity,
           gboolean    for_shipping)
{
  BoOrderLine *first = NULL;

  for (guint i = 0; i < order->lines->len; i++)
    {
      BoOrderLine *line = g_ptr_array_index (order->lines, i);
      gint64 room;

      if (g_strcmp0 (line->sku, sku) != 0)
        continue;
      if (first == NULL)
        first = line;
      room = for_shipping ? line->allocated : line->ordered - line->shipped - line->cancelled;
      if (room >= quantity)
        return line;
    }

  return first;
}

/* ---- order add ----------------------------------------------------------- */

int
_bo_cli_order_add (BoCli *cli,
                   char **argv)
{
  g_autofree char *customer_name = NULL;
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;
  g_autofree char *priority = NULL;
  g_auto(GStrv) line_args = NULL;
  gboolean ship_complete = FALSE;
  gboolean preview = FALSE;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer_name,
      N_("Customer name or email (required)"), N_("NAME") },
    { "number", 0, 0, G_OPTION_ARG_STRING, &number,
      N_("Order number (default: the next free one)"), N_("NUMBER") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("When the order was placed (default: now)"), N_("ISO-DATE-TIME") },
    { "ship-complete", 0, 0, G_OPTION_ARG_NONE, &ship_complete,
      N_("Ship the order only when every line is complete"), NULL },
    { "priority", 0, 0, G_OPTION_ARG_STRING, &priority,
      N_("Priority tier (default: the customer's)"), N_("N") },
    { "line", 0, 0, G_OPTION_ARG_STRING_ARRAY, &line_args,
      N_("A line: SKU, quantity and optional unit price (repeat for more lines)"),
      N_("SKU:QTY[@PRICE]") },
    { "preview", 0, 0, G_OPTION_ARG_NONE, &preview,
      N_("Show what would happen without saving anything"), NULL },
    { NULL }
  };
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(BoCustomer) customer = NULL;
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  gint64 value;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status)
      || !_bo_cli_require (cli, customer_name, "--customer", &status)
      || !_bo_cli_require (cli, line_args, "--line", &status))
    return status;

  lines = _bo_cli_parse_lines (cli, line_args, TRUE, &error);
  if (lines == NULL)
    return _bo_cli_usage_error (cli, error);
  if (date != NULL && !_bo_cli_parse_date_time (date, "--date", &draft->placed_at, &error))
    return _bo_cli_usage_error (cli, error);
  if (priority != NULL)
    {
      if (!_bo_cli_parse_integer (priority, "--priority", 0, 9, &value, &error))
        return _bo_cli_usage_error (cli, error);
      draft->priority = (gint) value;
    }
  else
    draft->priority = -1;
  draft->ship_complete = ship_complete ? 1 : -1;
  g_free (draft->number);
  draft->number = g_steal_pointer (&number);
  for (guint i = 0; i < lines->len; i++)
    {
      const BoCliLine *line = &g_array_index (lines, BoCliLine, i);

      bo_order_draft_add_line (draft, line->sku, line->quantity, line->amount);
    }

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  customer = _bo_cli_find_customer (cli, customer_name, &error);
  if (customer == NULL)
    return _bo_cli_fail (cli, error);
  draft->customer_id = customer->id;

  if (!bo_store_place_order (cli->store, draft, preview, &outcome, &error))
    return _bo_cli_fail (cli, error);

  table = _bo_cli_table_new (cli);
  _bo_cli_table_column (table, "sku", _("SKU"), FALSE);
  _bo_cli_table_column (table, "ordered", _("Ordered"), TRUE);
  _bo_cli_table_column (table, "allocated", _("Allocated"), TRUE);
  _bo_cli_table_column (table, "backordered", _("Backordered"), TRUE);
  _bo_cli_table_column (table, "promised", _("Promised"), FALSE);
  _bo_cli_table_column (table, "reason", _("Reason"), FALSE);
  for (guint i = 0; outcome != NULL && outcome->lines != NULL && i < outcome->lines->len; i++)
    {
      const BoLineOutcome *line = &g_array_index (outcome->lines, BoLineOutcome, i);

      _bo_cli_table_row (table);
      _bo_cli_table_text (table, line->sku);
      _bo_cli_table_int (table, line->ordered);
      _bo_cli_table_int (table, line->allocated);
      _bo_cli_table_int (table, line->backordered);
      promise_cell (table, line->backordered, line->promised);
      _bo_cli_table_text (table, line->reason);
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "preview");
      json_builder_add_boolean_value (builder, preview);
      json_builder_set_member_name (builder, "number");
      if (outcome != NULL && outcome->number != NULL)
        json_builder_add_string_value (builder, outcome->number);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "customer");
      json_builder_add_string_value (builder, customer->name);
      json_builder_set_member_name (builder, "lines");
      json_builder_add_value (builder, _bo_cli_table_to_json (table));
      json_builder_end_object (builder);
      print_root (builder);
      return BO_CLI_EXIT_OK;
    }

  if (preview)
    g_print (_("Preview of an order for %s — nothing was saved:\n"), customer->name);
  else
    g_print (_("Placed order %s for %s:\n"),
             outcome != NULL && outcome->number != NULL ? outcome->number : "",
             customer->name);
  _bo_cli_table_print (table);
  return BO_CLI_EXIT_OK;
}

/* ---- order show ---------------------------------------------------------- */

static JsonNode *
shipment_lines_node (const BoShipment *shipment,
                     char            **text)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GString) summary = g_string_new (NULL);
  JsonNode *node;

  for (guint i = 0; shipment->lines != NULL && i < shipment->lines->len; i++)
    {
      const BoShipmentLine *line = &g_array_index (shipment->lines, BoShipmentLine, i);
      g_autoptr(JsonObject) object = json_object_new ();

      json_object_set_string_member (object, "sku", line->sku);
      json_object_set_int_member (object, "quantity", line->quantity);
      json_array_add_object_element (array, g_steal_pointer (&object));

      if (summary->len > 0)
        g_string_append (summary, ", ");
      g_string_append_printf (summary, "%" PRId64 " × %s", line->quantity, line->sku);
    }

  *text = g_strdup (summary->str);
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, array);
  return node;
}

int
_bo_cli_order_show (BoCli *cli,
                    char **argv)
{
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GPtrArray) shipments = NULL;
  g_autoptr(BoCliTable) record = NULL;
  g_autoptr(BoCliTable) lines = NULL;
  g_autoptr(BoCliTable) parcels = NULL;
  g_autoptr(GError) error = NULL;
  gint64 backordered = 0;
  int status;

  if (!_bo_cli_parse (cli, NULL, 1, 1, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  order = _bo_cli_find_order (cli, argv[1], &error);
  if (order == NULL)
    return _bo_cli_fail (cli, error);
  shipments = bo_store_list_shipments (cli->store, order->id, &error);
  if (shipments == NULL)
    return _bo_cli_fail (cli, error);

  lines = _bo_cli_table_new (cli);
  _bo_cli_table_column (lines, "sku", _("SKU"), FALSE);
  _bo_cli_table_column (lines, "product", _("Product"), FALSE);
  _bo_cli_table_column (lines, "ordered", _("Ordered"), TRUE);
  _bo_cli_table_column (lines, "allocated", _("Allocated"), TRUE);
  _bo_cli_table_column (lines, "shipped", _("Shipped"), TRUE);
  _bo_cli_table_column (lines, "cancelled", _("Cancelled"), TRUE);
  _bo_cli_table_column (lines, "backordered", _("Backordered"), TRUE);
  _bo_cli_table_column (lines, "promised", _("Promised"), FALSE);
  _bo_cli_table_column (lines, "waiting_po", _("Waiting for"), FALSE);
  _bo_cli_table_column (lines, "unit_price_minor", _("Price"), TRUE);
  _bo_cli_table_column (lines, "reason", _("Reason"), FALSE);
  for (guint i = 0; order->lines != NULL && i < order->lines->len; i++)
    {
      const BoOrderLine *line = g_ptr_array_index (order->lines, i);

      backordered += line->backordered;
      _bo_cli_table_row (lines);
      _bo_cli_table_text (lines, line->sku);
      _bo_cli_table_text (lines, line->product_name);
      _bo_cli_table_int (lines, line->ordered);
      _bo_cli_table_int (lines, line->allocated);
      _bo_cli_table_int (lines, line->shipped);
      _bo_cli_table_int (lines, line->cancelled);
      _bo_cli_table_int (lines, line->backordered);
      promise_cell (lines, line->backordered, line->promised);
      _bo_cli_table_text (lines, line->waiting_po);
      _bo_cli_table_money (lines, line->unit_price);
      _bo_cli_table_text (lines, line->reason);
    }

  parcels = _bo_cli_table_new (cli);
  _bo_cli_table_column (parcels, "id", _("Shipment"), TRUE);
  _bo_cli_table_column (parcels, "created_at", _("Created"), FALSE);
  _bo_cli_table_column (parcels, "shipped_at", _("Shipped"), FALSE);
  _bo_cli_table_column (parcels, "lines", _("Contents"), FALSE);
  for (guint i = 0; i < shipments->len; i++)
    {
      const BoShipment *shipment = g_ptr_array_index (shipments, i);
      char *text = NULL;
      JsonNode *node = shipment_lines_node (shipment, &text);

      _bo_cli_table_row (parcels);
      _bo_cli_table_int (parcels, shipment->id);
      _bo_cli_table_time (parcels, shipment->created_at, NULL);
      _bo_cli_table_time (parcels, shipment->shipped_at, _("not shipped yet"));
      _bo_cli_table_cell (parcels, text, node);
    }

  record = _bo_cli_table_new (cli);
  _bo_cli_table_column (record, "number", _("Order"), FALSE);
  _bo_cli_table_column (record, "customer", _("Customer"), FALSE);
  _bo_cli_table_column (record, "email", _("Email"), FALSE);
  _bo_cli_table_column (record, "placed_at", _("Placed"), FALSE);
  _bo_cli_table_column (record, "tier", _("Priority tier"), TRUE);
  _bo_cli_table_column (record, "ship_complete", _("Ships complete"), FALSE);
  _bo_cli_table_column (record, "promised", _("Promised"), FALSE);
  _bo_cli_table_column (record, "notes", _("Notes"), FALSE);
  _bo_cli_table_row (record);
  _bo_cli_table_text (record, order->number);
  _bo_cli_table_text (record, order->customer_name);
  _bo_cli_table_text (record, order->customer_email);
  _bo_cli_table_time (record, order->placed_at, NULL);
  _bo_cli_table_int (record, order->tier);
  _bo_cli_table_bool (record, order->ship_complete);
  promise_cell (record, backordered, order->promised);
  _bo_cli_table_text (record, order->notes);

  if (cli->json)
    {
      g_autoptr(JsonNode) root = _bo_cli_table_row_to_json (record, 0);
      JsonObject *object = json_node_get_object (root);

      json_object_set_member (object, "lines", _bo_cli_table_to_json (lines));
      json_object_set_member (object, "shipments", _bo_cli_table_to_json (parcels));
      _bo_cli_print_json (root);
      return BO_CLI_EXIT_OK;
    }

  _bo_cli_table_print_record (record);
  g_print ("\n");
  _bo_cli_table_print (lines);
  g_print ("\n%s\n", _("Shipments:"));
  if (_bo_cli_table_n_rows (parcels) > 0)
    _bo_cli_table_print (parcels);
  else
    g_print ("%s\n", _("None."));
  return BO_CLI_EXIT_OK;
}

/* ---- order list ---------------------------------------------------------- */

int
_bo_cli_order_list (BoCli *cli,
                    char **argv)
{
  gboolean backordered = FALSE;
  gboolean ready = FALSE;
  gboolean awaiting_po = FALSE;
  gboolean overdue = FALSE;
  g_autofree char *search = NULL;
  g_autofree char *limit_arg = NULL;
  const GOptionEntry entries[] = {
    { "backordered", 0, 0, G_OPTION_ARG_NONE, &backordered,
      N_("Only orders with backordered units"), NULL },
    { "ready", 0, 0, G_OPTION_ARG_NONE, &ready,
      N_("Only orders with allocated units not yet shipped"), NULL },
    { "awaiting-po", 0, 0, G_OPTION_ARG_NONE, &awaiting_po,
      N_("Only backordered orders that no purchase order covers"), NULL },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
      N_("Only backordered orders whose promise date has passed"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only orders whose number or customer match"), N_("TEXT") },
    { "limit", 0, 0, G_OPTION_ARG_STRING, &limit_arg, N_("Show at most N orders"), N_("N") },
    { NULL }
  };
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  BoOrderFilter filter = BO_ORDER_FILTER_ALL;
  gint64 limit = BO_CLI_NO_LIMIT;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status))
    return status;
  if (backordered + ready + awaiting_po + overdue > 1)
    return _bo_cli_usage (cli, _("use only one of --backordered, --ready, --awaiting-po "
                                 "and --overdue"));
  if (backordered)
    filter = BO_ORDER_FILTER_BACKORDERED;
  else if (ready)
    filter = BO_ORDER_FILTER_READY;
  else if (awaiting_po)
    filter = BO_ORDER_FILTER_AWAITING_PO;
  else if (overdue)
    filter = BO_ORDER_FILTER_OVERDUE;
  if (limit_arg != NULL
      && !_bo_cli_parse_integer (limit_arg, "--limit", 1, G_MAXUINT - 1, &limit, &error))
    return _bo_cli_usage_error (cli, error);

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  orders = bo_store_list_orders (cli->store, filter, search, NULL, 0, (guint) limit, &error);
  if (orders == NULL)
    return _bo_cli_fail (cli, error);

  if (orders->len == 0 && !cli->json)
    {
      g_print ("%s\n", _("No orders."));
      return BO_CLI_EXIT_OK;
    }

  table = _bo_cli_table_new (cli);
  _bo_cli_table_column (table, "number", _("Order"), FALSE);
  _bo_cli_table_column (table, "customer", _("Customer"), FALSE);
  _bo_cli_table_column (table, "placed_at", _("Placed"), FALSE);
  _bo_cli_table_column (table, "ordered", _("Ordered"), TRUE);
  _bo_cli_table_column (table, "allocated", _("Allocated"), TRUE);
  _bo_cli_table_column (table, "shipped", _("Shipped"), TRUE);
  _bo_cli_table_column (table, "backordered", _("Backordered"), TRUE);
  _bo_cli_table_column (table, "value_minor", _("Backorder value"), TRUE);
  _bo_cli_table_column (table, "promised", _("Promised"), FALSE);
  _bo_cli_table_column (table, "ready", _("Ready"), FALSE);
  for (guint i = 0; i < orders->len; i++)
    {
      const BoOrderSummary *order = g_ptr_array_index (orders, i);

      _bo_cli_table_row (table);
      _bo_cli_table_text (table, order->number);
      _bo_cli_table_text (table, order->customer_name);
      _bo_cli_table_time (table, order->placed_at, NULL);
      _bo_cli_table_int (table, order->ordered);
      _bo_cli_table_int (table, order->allocated);
      _bo_cli_table_int (table, order->shipped);
      _bo_cli_table_int (table, order->backordered);
      _bo_cli_table_money (table, order->value);
      promise_cell (table, order->backordered, order->promised);
      _bo_cli_table_bool (table, order->ready);
    }
  _bo_cli_table_print (table);
  return BO_CLI_EXIT_OK;
}

/* ---- order priority ------------------------------------------------------ */

int
_bo_cli_order_priority (BoCli *cli,
                        char **argv)
{
  g_autoptr(BoAllocationResult) result = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  gint64 tier;
  int status;

  if (!_bo_cli_parse (cli, NULL, 2, 2, &argv, &status))
    return status;
  if (!_bo_cli_parse_integer (argv[2], "TIER", 0, 9, &tier, &error))
    return _bo_cli_usage_error (cli, error);

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  order = _bo_cli_find_order (cli, argv[1], &error);
  if (order == NULL)
    return _bo_cli_fail (cli, error);
  if (!bo_store_set_order_priority (cli->store, order->id, (gint) tier, &result, &error))
    return _bo_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_string_value (builder, order->number);
      json_builder_set_member_name (builder, "tier");
      json_builder_add_int_value (builder, tier);
      _bo_cli_print_allocation_result (cli, result, builder);
      json_builder_end_object (builder);
      print_root (builder);
      return BO_CLI_EXIT_OK;
    }

  g_print (_("Order %s now has priority tier %" PRId64 ".\n"), order->number, tier);
  _bo_cli_print_allocation_result (cli, result, NULL);
  return BO_CLI_EXIT_OK;
}

/* ---- ship ---------------------------------------------------------------- */

int
_bo_cli_ship (BoCli *cli,
              char **argv)
{
  g_auto(GStrv) line_args = NULL;
  const GOptionEntry entries[] = {
    { "line", 0, 0, G_OPTION_ARG_STRING_ARRAY, &line_args,
      N_("Ship only this quantity of a SKU (repeat for more; default: everything allocated)"),
      N_("SKU:QTY") },
    { NULL }
  };
  g_autoptr(GArray) wanted = NULL;
  g_autoptr(GArray) quantities = g_array_new (FALSE, TRUE, sizeof (BoQuantity));
  g_autoptr(GPtrArray) shipments = NULL;
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  gint64 shipment_id = 0;
  int status;

  if (!_bo_cli_parse (cli, entries, 1, 1, &argv, &status))
    return status;
  wanted = _bo_cli_parse_lines (cli, line_args, FALSE, &error);
  if (wanted == NULL)
    return _bo_cli_usage_error (cli, error);

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  order = _bo_cli_find_order (cli, argv[1], &error);
  if (order == NULL)
    return _bo_cli_fail (cli, error);

  /* Without --line the store packs everything allocated and not packed yet. */
  for (guint i = 0; i < wanted->len; i++)
    {
      const BoCliLine *arg = &g_array_index (wanted, BoCliLine, i);
      const BoOrderLine *line = find_line (order, arg->sku, arg->quantity, TRUE);
      BoQuantity quantity;

      if (line == NULL)
        return _bo_cli_failf (cli, _("order %s has no line with SKU “%s”"),
                              order->number, arg->sku);
      quantity.line_id = line->id;
      quantity.quantity = arg->quantity;
      g_array_append_val (quantities, quantity);
    }

  if (!bo_store_ship (cli->store, order->id, (const BoQuantity *) quantities->data, quantities->len,
                      &shipment_id, &error))
    return _bo_cli_fail (cli, error);

  table = _bo_cli_table_new (cli);
  _bo_cli_table_column (table, "sku", _("SKU"), FALSE);
  _bo_cli_table_column (table, "quantity", _("Shipped"), TRUE);
  shipments = bo_store_list_shipments (cli->store, order->id, NULL);
  for (guint i = 0; shipments != NULL && i < shipments->len; i++)
    {
      const BoShipment *shipment = g_ptr_array_index (shipments, i);

      if (shipment->id != shipment_id)
        continue;
      for (guint j = 0; shipment->lines != NULL && j < shipment->lines->len; j++)
        {
          const BoShipmentLine *line = &g_array_index (shipment->lines, BoShipmentLine, j);

          _bo_cli_table_row (table);
          _bo_cli_table_text (table, line->sku);
          _bo_cli_table_int (table, line->quantity);
        }
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_string_value (builder, order->number);
      json_builder_set_member_name (builder, "shipment");
      json_builder_add_int_value (builder, shipment_id);
      json_builder_set_member_name (builder, "lines");
      json_builder_add_value (builder, _bo_cli_table_to_json (table));
      json_builder_end_object (builder);
      print_root (builder);
      return BO_CLI_EXIT_OK;
    }

  g_print (_("Shipped shipment %" PRId64 " of order %s:\n"), shipment_id, order->number);
  _bo_cli_table_print (table);
  return BO_CLI_EXIT_OK;
}

/* ---- cancel -------------------------------------------------------------- */

int
_bo_cli_cancel (BoCli *cli,
                char **argv)
{
  g_auto(GStrv) line_args = NULL;
  g_autofree char *refund_arg = NULL;
  const GOptionEntry entries[] = {
    { "line", 0, 0, G_OPTION_ARG_STRING_ARRAY, &line_args,
      N_("The SKU and quantity to cancel (required)"), N_("SKU:QTY") },
    { "refund", 0, 0, G_OPTION_ARG_STRING, &refund_arg,
      N_("Amount refunded, like 12.50 (default: the price of the cancelled units)"),
      N_("AMOUNT") },
    { NULL }
  };
  g_autoptr(BoAllocationResult) result = NULL;
  g_autoptr(GArray) wanted = NULL;
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BoOrder) after = NULL;
  const BoCliLine *arg;
  const BoOrderLine *line;
  gint64 refund = -1;
  gint64 refunded_before;
  int status;

  if (!_bo_cli_parse (cli, entries, 1, 1, &argv, &status)
      || !_bo_cli_require (cli, line_args, "--line", &status))
    return status;
  wanted = _bo_cli_parse_lines (cli, line_args, FALSE, &error);
  if (wanted == NULL)
    return _bo_cli_usage_error (cli, error);
  /* One line per command keeps a cancellation one change of state. */
  if (wanted->len != 1)
    return _bo_cli_usage (cli, _("cancel takes exactly one --line; run it once per line"));
  if (refund_arg != NULL && !_bo_cli_parse_money (cli, refund_arg, "--refund", &refund, &error))
    return _bo_cli_usage_error (cli, error);
  arg = &g_array_index (wanted, BoCliLine, 0);

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  order = _bo_cli_find_order (cli, argv[1], &error);
  if (order == NULL)
    return _bo_cli_fail (cli, error);
  line = find_line (order, arg->sku, arg->quantity, FALSE);
  if (line == NULL)
    return _bo_cli_failf (cli, _("order %s has no line with SKU “%s”"), order->number, arg->sku);

  refunded_before = line->refunded;
  if (!bo_store_cancel_line (cli->store, line->id, arg->quantity, refund, &result, &error))
    return _bo_cli_fail (cli, error);

  /* The store decides the default refund; read back what it recorded. */
  after = bo_store_get_order (cli->store, order->id, NULL);
  for (guint i = 0; after != NULL && i < after->lines->len; i++)
    {
      const BoOrderLine *now = g_ptr_array_index (after->lines, i);

      if (now->id == line->id)
        refund = now->refunded - refunded_before;
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_string_value (builder, order->number);
      json_builder_set_member_name (builder, "sku");
      json_builder_add_string_value (builder, line->sku);
      json_builder_set_member_name (builder, "cancelled");
      json_builder_add_int_value (builder, arg->quantity);
      json_builder_set_member_name (builder, "refund_minor");
      if (refund >= 0)
        json_builder_add_int_value (builder, refund);
      else
        json_builder_add_null_value (builder);
      _bo_cli_print_allocation_result (cli, result, builder);
      json_builder_end_object (builder);
      print_root (builder);
      return BO_CLI_EXIT_OK;
    }

  if (refund >= 0)
    {
      g_autofree char *money = _bo_cli_format_money (cli, refund);

      g_print (_("Cancelled %" PRId64 " × %s on order %s (refund %s).\n"),
               arg->quantity, line->sku, order->number, money);
    }
  else
    g_print (_("Cancelled %" PRId64 " × %s on order %s.\n"),
             arg->quantity, line->sku, order->number);
  _bo_cli_print_allocation_result (cli, result, NULL);
  return BO_CLI_EXIT_OK;
}
