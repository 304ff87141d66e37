/* bo-cli-picklist.c — pick-list PDFs and customer update messages
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-cli"
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include <backorders/bo-message.h>
#include <backorders/bo-picklist.h>

#include "bo-cli-private.h"

/* ---- picklist ------------------------------------------------------------ */

static gboolean
parse_paper (const char  *text,
             double      *width,
             double      *height,
             GError     **error)
{
  if (text == NULL)
    bo_picklist_get_default_paper (width, height);
  else if (g_ascii_strcasecmp (text, "a4") == 0)
    {
      *width = 210.0 / 25.4 * 72.0;
      *height = 297.0 / 25.4 * 72.0;
    }
  else if (g_ascii_strcasecmp (text, "letter") == 0)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("invalid value “%s” for --paper: expected a4 or letter"), text);
      return FALSE;
    }
  return TRUE;
}

/* The pick list the options name; exactly one of them is set. */
static BoPicklist *
picklist_for (BoCli       *cli,
              gint64       shipment_id,
              char       **numbers,
              gboolean     ready,
              GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (shipment_id > 0)
    return bo_picklist_new_for_shipment (cli->store, shipment_id, error);
  if (ready)
    return bo_picklist_new_batch (cli->store, NULL, 0, error);

  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autoptr(BoOrder) order = _bo_cli_find_order (cli, numbers[i], error);

      if (order == NULL)
        return NULL;
      g_array_append_val (ids, order->id);
    }
  if (ids->len == 1)
    return bo_picklist_new_for_order (cli->store, g_array_index (ids, gint64, 0), error);
  return bo_picklist_new_batch (cli->store, (const gint64 *) ids->data, ids->len, error);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_row (JsonBuilder         *builder,
         const BoPicklist    *picklist,
         const BoPicklistRow *row)
{
  json_builder_begin_object (builder);
  add_string (builder, "bin", row->location);
  add_string (builder, "sku", row->sku);
  add_string (builder, "product", row->product_name);
  add_int (builder, "pick", row->pick);
  if (picklist->kind == BO_PICKLIST_SHIPMENT)
    {
      g_autofree char *promised = _bo_cli_iso_date (row->promised);

      add_int (builder, "ordered", row->ordered);
      add_int (builder, "backordered", row->backordered);
      add_string (builder, "promised", promised);
    }
  else
    {
      json_builder_set_member_name (builder, "orders");
      json_builder_begin_array (builder);
      for (guint i = 0; row->orders != NULL && i < row->orders->len; i++)
        {
          const BoPicklistOrder *order = &g_array_index (row->orders, BoPicklistOrder, i);

          json_builder_begin_object (builder);
          add_string (builder, "number", order->number);
          add_int (builder, "quantity", order->quantity);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static void
print_picklist_json (const BoPicklist *picklist,
                     const char       *path,
                     guint             n_pages)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "path", path);
  add_string (builder, "kind", picklist->kind == BO_PICKLIST_SHIPMENT ? "shipment" : "batch");
  add_int (builder, "pages", n_pages);
  add_int (builder, "units", bo_picklist_get_units (picklist));
  add_int (builder, "orders", picklist->n_orders);
  if (picklist->kind == BO_PICKLIST_SHIPMENT)
    {
      add_string (builder, "order", picklist->order_number);
      json_builder_set_member_name (builder, "shipment");
      if (picklist->shipment_id > 0)
        json_builder_add_int_value (builder, picklist->shipment_id);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "backorders_follow");
      json_builder_add_boolean_value (builder, bo_picklist_has_backorders (picklist));
    }
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < picklist->rows->len; i++)
    add_row (builder, picklist, g_ptr_array_index (picklist->rows, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  _bo_cli_print_json (root);
}

int
_bo_cli_picklist (BoCli *cli,
                  char **argv)
{
  g_autofree char *shipment = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper = NULL;
  g_auto(GStrv) numbers = NULL;
  gboolean ready = FALSE;
  const GOptionEntry entries[] = {
    { "shipment", 0, 0, G_OPTION_ARG_STRING, &shipment,
      N_("The pick list of an open shipment"), N_("ID") },
    { "order", 0, 0, G_OPTION_ARG_STRING_ARRAY, &numbers,
      N_("The pick list of an order’s next parcel; repeated, a batch pick list of these "
         "orders"), N_("NUMBER") },
    { "ready", 0, 0, G_OPTION_ARG_NONE, &ready,
      N_("A batch pick list of every order with allocated stock waiting to ship"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The PDF file to write (required)"), N_("FILE.pdf") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
      N_("Paper size: a4 or letter (default: the locale’s)"), N_("SIZE") },
    { NULL }
  };
  g_autoptr(BoPicklist) picklist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 shipment_id = 0;
  double width, height;
  guint n_pages;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status)
      || !_bo_cli_require (cli, output, "--output", &status))
    return status;
  if ((shipment != NULL) + (numbers != NULL) + (ready != FALSE) != 1)
    return _bo_cli_usage (cli, _("give exactly one of --shipment, --order or --ready"));
  if (shipment != NULL
      && !_bo_cli_parse_integer (shipment, "--shipment", 1, G_MAXINT64, &shipment_id, &error))
    return _bo_cli_usage_error (cli, error);
  if (!parse_paper (paper, &width, &height, &error))
    return _bo_cli_usage_error (cli, error);

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  picklist = picklist_for (cli, shipment_id, numbers, ready, &error);
  if (picklist == NULL)
    return _bo_cli_fail (cli, error);

  n_pages = bo_picklist_layout (picklist, width, height);
  if (!bo_picklist_write_pdf_for_size (picklist, output, width, height, &error))
    return _bo_cli_fail (cli, error);

  if (cli->json)
    {
      print_picklist_json (picklist, output, n_pages);
      return BO_CLI_EXIT_OK;
    }

  title = bo_picklist_get_title (picklist);
  {
    g_autofree char *units = g_strdup_printf ("%" PRId64,
                                              bo_picklist_get_units (picklist));
    g_autofree char *pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page",
                                                           "%u pages", n_pages), n_pages);

    /* Translators: title, units to pick, "2 pages", file name */
    _bo_cli_say (cli, _("%s: %s units to pick, %s, written to “%s”"), title, units, pages,
                 output);
  }
  if (bo_picklist_has_backorders (picklist))
    _bo_cli_say (cli, "%s", _("Backordered items will follow."));
  return BO_CLI_EXIT_OK;
}

/* ---- order message --------------------------------------------------------- */

int
_bo_cli_order_message (BoCli *cli,
                       char **argv)
{
  gboolean mailto = FALSE;
  const GOptionEntry entries[] = {
    { "mailto", 0, 0, G_OPTION_ARG_NONE, &mailto,
      N_("Print a mailto: link that opens the mail client with the message"), NULL },
    { NULL }
  };
  g_autoptr(BoOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *uri = NULL;
  int status;

  if (!_bo_cli_parse (cli, entries, 1, 1, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  order = _bo_cli_find_order (cli, argv[1], &error);
  if (order == NULL)
    return _bo_cli_fail (cli, error);
  if (!bo_message_for_order (cli->store, order->id, &subject, &body, &error))
    return _bo_cli_fail (cli, error);
  uri = bo_message_mailto_uri (order->customer_email, subject, body);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      add_string (builder, "number", order->number);
      add_string (builder, "customer", order->customer_name);
      add_string (builder, "email", order->customer_email);
      add_string (builder, "subject", subject);
      add_string (builder, "body", body);
      add_string (builder, "mailto", uri);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      _bo_cli_print_json (root);
      return BO_CLI_EXIT_OK;
    }

  if (mailto)
    g_print ("%s\n", uri);
  else
    {
      if (order->customer_email != NULL && *order->customer_email != '\0')
        g_print (_("To: %s <%s>\n"), order->customer_name, order->customer_email);
      g_print (_("Subject: %s\n"), subject);
      g_print ("\n%s", body);
    }
  return BO_CLI_EXIT_OK;
}
