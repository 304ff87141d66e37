/* bo-cli-purchasing.c — purchase-order commands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-cli"
#include "config.h"

#include <glib/gi18n.h>

#include "bo-cli-private.h"
#include "bo-notifier.h"

static void
print_root (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  _bo_cli_print_json (root);
}

static gint64
po_units (const BoPurchaseOrder *po,
          gint64                *received)
{
  gint64 ordered = 0;

  *received = 0;
  for (guint i = 0; po->lines != NULL && i < po->lines->len; i++)
    {
      const BoPoLine *line = g_ptr_array_index (po->lines, i);

      ordered += line->ordered;
      *received += line->received;
    }
  return ordered;
}

static void
po_columns (BoCliTable *table)
{
  _bo_cli_table_column (table, "number", _("Purchase order"), FALSE);
  _bo_cli_table_column (table, "supplier", _("Supplier"), FALSE);
  _bo_cli_table_column (table, "status", _("Status"), FALSE);
  _bo_cli_table_column (table, "created_at", _("Created"), FALSE);
  _bo_cli_table_column (table, "eta", _("ETA"), FALSE);
  _bo_cli_table_column (table, "ordered", _("Units"), TRUE);
  _bo_cli_table_column (table, "received", _("Received"), TRUE);
}

static gboolean
po_closed (BoPoStatus status)
{
  return status == BO_PO_RECEIVED || status == BO_PO_CANCELLED;
}

/* People read the status label; programs get the stable name. */
static void
po_status_cell (BoCliTable *table,
                BoPoStatus  status)
{
  _bo_cli_table_cell (table, g_strdup (bo_po_status_label (status)),
                      json_node_init_string (json_node_alloc (),
                                             bo_po_status_to_string (status)));
}

static void
po_row (BoCliTable            *table,
        const BoPurchaseOrder *po)
{
  gint64 received;
  gint64 ordered = po_units (po, &received);

  _bo_cli_table_row (table);
  _bo_cli_table_text (table, po->number);
  _bo_cli_table_text (table, po->supplier_name);
  po_status_cell (table, po->status);
  _bo_cli_table_time (table, po->created_at, NULL);
  _bo_cli_table_date (table, po->eta, po_closed (po->status) ? "" : _("no date yet"));
  _bo_cli_table_int (table, ordered);
  _bo_cli_table_int (table, received);
}

static BoCliTable *
po_lines_table (BoCli                 *cli,
                const BoPurchaseOrder *po)
{
  BoCliTable *table = _bo_cli_table_new (cli);

  _bo_cli_table_column (table, "sku", _("SKU"), FALSE);
  _bo_cli_table_column (table, "product", _("Product"), FALSE);
  _bo_cli_table_column (table, "ordered", _("Ordered"), TRUE);
  _bo_cli_table_column (table, "received", _("Received"), TRUE);
  _bo_cli_table_column (table, "cost_minor", _("Cost"), TRUE);
  _bo_cli_table_column (table, "eta", _("ETA"), FALSE);
  _bo_cli_table_column (table, "fully_received", _("Fully received"), FALSE);
  for (guint i = 0; po->lines != NULL && i < po->lines->len; i++)
    {
      const BoPoLine *line = g_ptr_array_index (po->lines, i);

      _bo_cli_table_row (table);
      _bo_cli_table_text (table, line->sku);
      _bo_cli_table_text (table, line->product_name);
      _bo_cli_table_int (table, line->ordered);
      _bo_cli_table_int (table, line->received);
      _bo_cli_table_money (table, line->cost);
      _bo_cli_table_date (table, line->eta, _("no date yet"));
      _bo_cli_table_date (table, line->fully_received, NULL);
    }
  return table;
}

/* A purchase order as a JSON object: its summary row plus its lines. */
static JsonNode *
po_to_json (BoCli                 *cli,
            const BoPurchaseOrder *po)
{
  g_autoptr(BoCliTable) summary = _bo_cli_table_new (cli);
  g_autoptr(BoCliTable) lines = po_lines_table (cli, po);
  JsonNode *node;

  po_columns (summary);
  po_row (summary, po);
  node = _bo_cli_table_row_to_json (summary, 0);
  json_object_set_member (json_node_get_object (node), "lines", _bo_cli_table_to_json (lines));
  return node;
}

/* ---- po add -------------------------------------------------------------- */

int
_bo_cli_po_add (BoCli *cli,
                char **argv)
{
  g_autofree char *supplier_name = NULL;
  g_autofree char *eta_arg = NULL;
  g_auto(GStrv) line_args = NULL;
  const GOptionEntry entries[] = {
    { "supplier", 0, 0, G_OPTION_ARG_STRING, &supplier_name, N_("Supplier name (required)"),
      N_("NAME") },
    { "eta", 0, 0, G_OPTION_ARG_STRING, &eta_arg, N_("Expected arrival date"),
      N_("YYYY-MM-DD") },
    { "line", 0, 0, G_OPTION_ARG_STRING_ARRAY, &line_args,
      N_("A line: SKU, quantity and optional unit cost (repeat for more lines)"),
      N_("SKU:QTY[@COST]") },
    { NULL }
  };
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) quantities = g_array_new (FALSE, TRUE, sizeof (BoQuantity));
  g_autoptr(GArray) costs = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(BoSupplier) supplier = NULL;
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(GError) error = NULL;
  guint32 eta = 0;
  gint64 po_id = 0;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status)
      || !_bo_cli_require (cli, supplier_name, "--supplier", &status)
      || !_bo_cli_require (cli, line_args, "--line", &status))
    return status;
  lines = _bo_cli_parse_lines (cli, line_args, TRUE, &error);
  if (lines == NULL)
    return _bo_cli_usage_error (cli, error);
  if (eta_arg != NULL && !_bo_cli_parse_date (eta_arg, "--eta", &eta, &error))
    return _bo_cli_usage_error (cli, error);

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  supplier = _bo_cli_find_supplier (cli, supplier_name, &error);
  if (supplier == NULL)
    return _bo_cli_fail (cli, error);

  for (guint i = 0; i < lines->len; i++)
    {
      const BoCliLine *line = &g_array_index (lines, BoCliLine, i);
      g_autoptr(BoProduct) product = _bo_cli_find_product (cli, line->sku, &error);
      BoQuantity quantity;

      if (product == NULL)
        return _bo_cli_fail (cli, error);
      /* For a new purchase order, each quantity names a product. */
      quantity.line_id = product->id;
      quantity.quantity = line->quantity;
      g_array_append_val (quantities, quantity);
      g_array_append_val (costs, line->amount);
    }

  if (!bo_store_create_po (cli->store, supplier->id, eta, (const BoQuantity *) quantities->data,
                           (const gint64 *) costs->data, quantities->len, &po_id, &error))
    return _bo_cli_fail (cli, error);

  po = bo_store_get_po (cli->store, po_id, &error);
  if (po == NULL)
    return _bo_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonNode) root = po_to_json (cli, po);

      _bo_cli_print_json (root);
      return BO_CLI_EXIT_OK;
    }

  if (po->eta != 0)
    {
      g_autofree char *date = _bo_cli_format_date (po->eta);

      g_print (_("Created purchase order %s for %s, expected %s.\n"), po->number,
               supplier->name, date);
    }
  else
    g_print (_("Created purchase order %s for %s, no arrival date yet.\n"), po->number,
             supplier->name);
  return BO_CLI_EXIT_OK;
}

/* ---- po draft ------------------------------------------------------------ */

int
_bo_cli_po_draft (BoCli *cli,
                  char **argv)
{
  g_autoptr(GArray) po_ids = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(BoCliTable) created = NULL;
  g_autoptr(BoCliTable) left = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_bo_cli_parse (cli, NULL, 0, 0, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  if (!bo_store_draft_pos (cli->store, NULL, 0, &po_ids, &skipped, &error))
    return _bo_cli_fail (cli, error);

  created = _bo_cli_table_new (cli);
  po_columns (created);
  for (guint i = 0; po_ids != NULL && i < po_ids->len; i++)
    {
      g_autoptr(BoPurchaseOrder) po = bo_store_get_po (cli->store,
                                                       g_array_index (po_ids, gint64, i), &error);

      if (po == NULL)
        return _bo_cli_fail (cli, error);
      po_row (created, po);
    }

  left = _bo_cli_table_new (cli);
  _bo_cli_table_column (left, "reason", _("Not ordered"), FALSE);
  for (guint i = 0; skipped != NULL && i < skipped->len; i++)
    {
      _bo_cli_table_row (left);
      _bo_cli_table_text (left, g_ptr_array_index (skipped, i));
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "created");
      json_builder_add_value (builder, _bo_cli_table_to_json (created));
      json_builder_set_member_name (builder, "skipped");
      json_builder_add_value (builder, _bo_cli_table_to_json (left));
      json_builder_end_object (builder);
      print_root (builder);
      return BO_CLI_EXIT_OK;
    }

  /* Shortages that no supplier can fill come first when nothing was drafted:
   * "every backorder is covered" would be untrue. */
  if (_bo_cli_table_n_rows (created) == 0 && _bo_cli_table_n_rows (left) > 0)
    {
      guint n = _bo_cli_table_n_rows (left);

      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "No purchase orders drafted: %u shortage cannot be ordered "
                            "(link a supplier to the product with “supplier link”):\n",
                            "No purchase orders drafted: %u shortages cannot be ordered "
                            "(link a supplier to each product with “supplier link”):\n", n),
               n);
      _bo_cli_table_print (left);
      return BO_CLI_EXIT_OK;
    }
  if (_bo_cli_table_n_rows (created) == 0)
    g_print ("%s\n", _("No purchase orders drafted: every backorder is covered."));
  else
    {
      g_print ("%s\n", _("Drafted purchase orders:"));
      _bo_cli_table_print (created);
    }
  if (_bo_cli_table_n_rows (left) > 0)
    {
      g_print ("\n%s\n", _("Shortages left out:"));
      _bo_cli_table_print (left);
    }
  return BO_CLI_EXIT_OK;
}

/* ---- po list, po show ---------------------------------------------------- */

int
_bo_cli_po_list (BoCli *cli,
                 char **argv)
{
  gboolean open_only = FALSE;
  g_autofree char *search = NULL;
  const GOptionEntry entries[] = {
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only,
      N_("Only purchase orders not yet received or cancelled"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only purchase orders whose number or supplier match"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GPtrArray) pos = NULL;
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  pos = bo_store_list_po_summaries (cli->store, open_only, search, NULL, 0, BO_CLI_NO_LIMIT,
                                    &error);
  if (pos == NULL)
    return _bo_cli_fail (cli, error);
  if (pos->len == 0 && !cli->json)
    {
      g_print ("%s\n", _("No purchase orders."));
      return BO_CLI_EXIT_OK;
    }

  table = _bo_cli_table_new (cli);
  po_columns (table);
  _bo_cli_table_column (table, "value_minor", _("Value"), TRUE);
  _bo_cli_table_column (table, "overdue", _("Overdue"), FALSE);
  for (guint i = 0; i < pos->len; i++)
    {
      const BoPoSummary *po = g_ptr_array_index (pos, i);

      _bo_cli_table_row (table);
      _bo_cli_table_text (table, po->number);
      _bo_cli_table_text (table, po->supplier_name);
      po_status_cell (table, po->status);
      _bo_cli_table_time (table, po->created_at, NULL);
      _bo_cli_table_date (table, po->eta, po_closed (po->status) ? "" : _("no date yet"));
      _bo_cli_table_int (table, po->ordered);
      _bo_cli_table_int (table, po->received);
      _bo_cli_table_money (table, po->value);
      _bo_cli_table_bool (table, po->overdue);
    }
  _bo_cli_table_print (table);
  return BO_CLI_EXIT_OK;
}

int
_bo_cli_po_show (BoCli *cli,
                 char **argv)
{
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(BoCliTable) summary = NULL;
  g_autoptr(BoCliTable) lines = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_bo_cli_parse (cli, NULL, 1, 1, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  po = _bo_cli_find_po (cli, argv[1], &error);
  if (po == NULL)
    return _bo_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonNode) root = po_to_json (cli, po);

      if (po->notes != NULL)
        json_object_set_string_member (json_node_get_object (root), "notes", po->notes);
      _bo_cli_print_json (root);
      return BO_CLI_EXIT_OK;
    }

  summary = _bo_cli_table_new (cli);
  po_columns (summary);
  po_row (summary, po);
  _bo_cli_table_print_record (summary);
  if (po->notes != NULL && *po->notes != '\0')
    g_print ("%s  %s\n", _("Notes"), po->notes);
  g_print ("\n");
  lines = po_lines_table (cli, po);
  _bo_cli_table_print (lines);
  return BO_CLI_EXIT_OK;
}

/* ---- po eta, send, cancel ------------------------------------------------ */

int
_bo_cli_po_eta (BoCli *cli,
                char **argv)
{
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(BoCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  GArray *moved = NULL;
  guint32 eta;
  int status;

  if (!_bo_cli_parse (cli, NULL, 2, 2, &argv, &status))
    return status;
  if (!_bo_cli_parse_date (argv[2], "DATE", &eta, &error))
    return _bo_cli_usage_error (cli, error);

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  po = _bo_cli_find_po (cli, argv[1], &error);
  if (po == NULL)
    return _bo_cli_fail (cli, error);
  if (!bo_store_set_po_eta (cli->store, po->id, eta, &moved, &error))
    return _bo_cli_fail (cli, error);

  table = _bo_cli_table_new (cli);
  _bo_cli_table_column (table, "order", _("Order"), FALSE);
  _bo_cli_table_column (table, "customer", _("Customer"), FALSE);
  _bo_cli_table_column (table, "email", _("Email"), FALSE);
  _bo_cli_table_column (table, "sku", _("SKU"), FALSE);
  _bo_cli_table_column (table, "before", _("Promised before"), FALSE);
  _bo_cli_table_column (table, "after", _("Promised now"), FALSE);
  for (guint i = 0; moved != NULL && i < moved->len; i++)
    {
      const BoPromiseChange *change = &g_array_index (moved, BoPromiseChange, i);

      _bo_cli_table_row (table);
      _bo_cli_table_text (table, change->order_number);
      _bo_cli_table_text (table, change->customer_name);
      _bo_cli_table_text (table, change->customer_email);
      _bo_cli_table_text (table, change->sku);
      _bo_cli_table_date (table, change->before, _("none"));
      _bo_cli_table_date (table, change->after, _("needs purchase order"));
    }
  g_clear_pointer (&moved, bo_promise_changes_free);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *iso = _bo_cli_iso_date (eta);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_string_value (builder, po->number);
      json_builder_set_member_name (builder, "eta");
      json_builder_add_string_value (builder, iso);
      json_builder_set_member_name (builder, "moved");
      json_builder_add_value (builder, _bo_cli_table_to_json (table));
      json_builder_end_object (builder);
      print_root (builder);
      return BO_CLI_EXIT_OK;
    }

  {
    g_autofree char *date = _bo_cli_format_date (eta);

    g_print (_("Purchase order %s is now expected on %s.\n"), po->number, date);
  }
  if (_bo_cli_table_n_rows (table) > 0)
    {
      g_print ("\n%s\n", _("Promises that moved:"));
      _bo_cli_table_print (table);
    }
  else
    g_print ("%s\n", _("No promise moved."));
  return BO_CLI_EXIT_OK;
}

static int
set_status (BoCli     *cli,
            char     **argv,
            BoPoStatus status_to)
{
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_bo_cli_parse (cli, NULL, 1, 1, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  po = _bo_cli_find_po (cli, argv[1], &error);
  if (po == NULL)
    return _bo_cli_fail (cli, error);
  if (!bo_store_set_po_status (cli->store, po->id, status_to, &error))
    return _bo_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_string_value (builder, po->number);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, bo_po_status_to_string (status_to));
      json_builder_end_object (builder);
      print_root (builder);
    }
  else
    g_print (_("Purchase order %s: %s.\n"), po->number, bo_po_status_label (status_to));
  return BO_CLI_EXIT_OK;
}

int
_bo_cli_po_send (BoCli *cli,
                 char **argv)
{
  return set_status (cli, argv, BO_PO_SENT);
}

int
_bo_cli_po_cancel (BoCli *cli,
                   char **argv)
{
  return set_status (cli, argv, BO_PO_CANCELLED);
}

/* ---- po receive ---------------------------------------------------------- */

static BoPoLine *
find_po_line (BoPurchaseOrder *po,
              const char      *sku,
              gint64           quantity)
{
  BoPoLine *first = NULL;

  for (guint i = 0; po->lines != NULL && i < po->lines->len; i++)
    {
      BoPoLine *line = g_ptr_array_index (po->lines, i);

      if (g_strcmp0 (line->sku, sku) != 0)
        continue;
      if (first == NULL)
        first = line;
      if (line->ordered - line->received >= quantity)
        return line;
    }
  return first;
}

/* result->received is per product; the purchase order knows their SKUs. */
static const char *
po_line_sku (const BoPurchaseOrder *po,
             gint64                 product_id)
{
  for (guint i = 0; po->lines != NULL && i < po->lines->len; i++)
    {
      const BoPoLine *line = g_ptr_array_index (po->lines, i);

      if (line->product_id == product_id)
        return line->sku;
    }
  return NULL;
}

static void
notification_closed_cb (BoNotifier *notifier,
                        GParamSpec *pspec,
                        GMainLoop  *loop)
{
  if (bo_notifier_get_n_open (notifier) == 0)
    g_main_loop_quit (loop);
}

static gboolean
stop_waiting_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* The notification's buttons call back into this process, which passes them
 * on to Backorders over D-Bus: wait while it is shown, a minute at most. */
static void
notify_receipt (BoCli                    *cli,
                        const char               *po_number,
                        const BoAllocationResult *result)
{
  g_autoptr(BoNotifier) notifier = bo_notifier_new (NULL);
  g_autoptr(GMainLoop) loop = NULL;
  guint timeout;

  if (!bo_notifier_stock_received (notifier, cli->store, po_number, result))
    return;
  loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (notifier, "notify::n-open", G_CALLBACK (notification_closed_cb), loop);
  timeout = g_timeout_add_seconds (60, stop_waiting_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (timeout);
}

int
_bo_cli_po_receive (BoCli *cli,
                    char **argv)
{
  g_auto(GStrv) line_args = NULL;
  gboolean preview = FALSE;
  gboolean notify = FALSE;
  const GOptionEntry entries[] = {
    { "line", 0, 0, G_OPTION_ARG_STRING_ARRAY, &line_args,
      N_("Receive only this quantity of a SKU (repeat for more; default: everything "
         "outstanding)"),
      N_("SKU:QTY") },
    { "preview", 0, 0, G_OPTION_ARG_NONE, &preview,
      N_("Show who would get the stock without saving anything"), NULL },
    { "notify", 0, 0, G_OPTION_ARG_NONE, &notify,
      N_("Show a desktop notification when waiting orders can ship, and wait up to a "
         "minute for its buttons"), NULL },
    { NULL }
  };
  g_autoptr(BoAllocationResult) result = NULL;
  g_autoptr(GArray) wanted = NULL;
  g_autoptr(GArray) quantities = g_array_new (FALSE, TRUE, sizeof (BoQuantity));
  g_autoptr(BoPurchaseOrder) po = NULL;
  g_autoptr(BoCliTable) received = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_bo_cli_parse (cli, entries, 1, 1, &argv, &status))
    return status;
  wanted = _bo_cli_parse_lines (cli, line_args, FALSE, &error);
  if (wanted == NULL)
    return _bo_cli_usage_error (cli, error);

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  po = _bo_cli_find_po (cli, argv[1], &error);
  if (po == NULL)
    return _bo_cli_fail (cli, error);

  /* Without --line the store receives everything outstanding. */
  for (guint i = 0; i < wanted->len; i++)
    {
      const BoCliLine *arg = &g_array_index (wanted, BoCliLine, i);
      const BoPoLine *line = find_po_line (po, arg->sku, arg->quantity);
      BoQuantity quantity;

      if (line == NULL)
        return _bo_cli_failf (cli, _("purchase order %s has no line with SKU “%s”"),
                              po->number, arg->sku);
      quantity.line_id = line->id;
      quantity.quantity = arg->quantity;
      g_array_append_val (quantities, quantity);
    }

  if (!bo_store_receive_po (cli->store, po->id, (const BoQuantity *) quantities->data,
                            quantities->len, preview, &result, &error))
    return _bo_cli_fail (cli, error);
  if (notify && !preview)
    notify_receipt (cli, po->number, result);

  received = _bo_cli_table_new (cli);
  _bo_cli_table_column (received, "sku", _("SKU"), FALSE);
  _bo_cli_table_column (received, "quantity", _("Received"), TRUE);
  for (guint i = 0; result != NULL && result->received != NULL && i < result->received->len; i++)
    {
      const BoQuantity *quantity = &g_array_index (result->received, BoQuantity, i);

      _bo_cli_table_row (received);
      _bo_cli_table_text (received, po_line_sku (po, quantity->line_id));
      _bo_cli_table_int (received, quantity->quantity);
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_string_value (builder, po->number);
      json_builder_set_member_name (builder, "preview");
      json_builder_add_boolean_value (builder, preview);
      json_builder_set_member_name (builder, "received");
      json_builder_add_value (builder, _bo_cli_table_to_json (received));
      _bo_cli_print_allocation_result (cli, result, builder);
      json_builder_end_object (builder);
      print_root (builder);
      return BO_CLI_EXIT_OK;
    }

  if (preview)
    g_print (_("Preview of receiving purchase order %s — nothing was saved:\n"), po->number);
  else
    g_print (_("Received purchase order %s:\n"), po->number);
  _bo_cli_table_print (received);
  if (result == NULL || result->ready == NULL || result->ready->len == 0)
    g_print ("\n%s\n", _("No waiting order can ship yet."));
  _bo_cli_print_allocation_result (cli, result, NULL);
  return BO_CLI_EXIT_OK;
}
