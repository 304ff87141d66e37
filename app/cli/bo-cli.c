/* bo-cli.c — backorders-cli: global options, command dispatch, errors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-cli"
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bo-cli-private.h"

static const BoCliCommand commands[] = {
  { "init", NULL, NULL, N_("Create the shop database, or bring it up to date"), _bo_cli_init },
  { "demo", NULL, NULL, N_("Fill the shop with generated demo data"), _bo_cli_demo },

  { "product", "add", NULL, N_("Add a product"), _bo_cli_product_add },
  { "product", "list", NULL, N_("List products"), _bo_cli_product_list },
  { "product", "show", N_("SKU"), N_("Show a product, its suppliers and recent stock movements"),
    _bo_cli_product_show },
  { "product", "update", N_("SKU"), N_("Change a product's name, prices, reorder point, "
                                       "backorder policy or location"),
    _bo_cli_product_update },
  { "product", "discontinue", N_("SKU"), N_("Mark a product as no longer sold"),
    _bo_cli_product_discontinue },
  { "product", "adjust", N_("SKU"), N_("Adjust the stock on hand of a product"),
    _bo_cli_product_adjust },

  { "supplier", "add", NULL, N_("Add a supplier"), _bo_cli_supplier_add },
  { "supplier", "list", NULL, N_("List suppliers"), _bo_cli_supplier_list },
  { "supplier", "update", N_("NAME"), N_("Change a supplier's name, email, lead time or notes"),
    _bo_cli_supplier_update },
  { "supplier", "link", NULL, N_("Record that a supplier sells a product"), _bo_cli_supplier_link },
  { "supplier", "unlink", NULL, N_("Record that a supplier no longer sells a product"),
    _bo_cli_supplier_unlink },

  { "customer", "add", NULL, N_("Add a customer"), _bo_cli_customer_add },
  { "customer", "list", NULL, N_("List customers"), _bo_cli_customer_list },
  { "customer", "update", N_("NAME"), N_("Change a customer's name, email, address, tier or "
                                         "shipping preference"),
    _bo_cli_customer_update },

  { "order", "add", NULL, N_("Place an order; what stock cannot cover is backordered"),
    _bo_cli_order_add },
  { "order", "show", N_("NUMBER"), N_("Show an order, its lines and its shipments"),
    _bo_cli_order_show },
  { "order", "list", NULL, N_("List orders"), _bo_cli_order_list },
  { "order", "priority", N_("NUMBER TIER"), N_("Set the priority tier of an order"),
    _bo_cli_order_priority },
  { "order", "message", N_("NUMBER"), N_("Write the customer an update on a backordered order"),
    _bo_cli_order_message },
  { "order", "goodwill", N_("NUMBER"),
    N_("Record a goodwill discount or voucher for a waiting customer, or list them"),
    _bo_cli_order_goodwill },

  { "ship", NULL, N_("NUMBER"), N_("Ship allocated stock of an order"), _bo_cli_ship },
  { "picklist", NULL, NULL, N_("Write the pick list of a shipment, an order or a batch as PDF"),
    _bo_cli_picklist },
  { "cancel", NULL, N_("NUMBER"), N_("Cancel part of an order line"), _bo_cli_cancel },

  { "po", "add", NULL, N_("Create a purchase order"), _bo_cli_po_add },
  { "po", "draft", NULL, N_("Draft purchase orders for every uncovered shortage"),
    _bo_cli_po_draft },
  { "po", "list", NULL, N_("List purchase orders"), _bo_cli_po_list },
  { "po", "show", N_("PO"), N_("Show a purchase order"), _bo_cli_po_show },
  { "po", "eta", N_("PO DATE"), N_("Set the expected arrival date of a purchase order"),
    _bo_cli_po_eta },
  { "po", "send", N_("PO"), N_("Mark a purchase order as sent to the supplier"), _bo_cli_po_send },
  { "po", "cancel", N_("PO"), N_("Cancel a purchase order"), _bo_cli_po_cancel },
  { "po", "receive", N_("PO"), N_("Receive stock of a purchase order"), _bo_cli_po_receive },
  { "po", "confirm-drop-ship", N_("PO"),
    N_("Record that the supplier shipped a drop-ship purchase order to its customers"),
    _bo_cli_po_confirm_drop_ship },
  { "suggest", NULL, NULL, N_("Suggest reorder points and quantities from the order history"),
    _bo_cli_suggest },

  { "settings", "set", N_("KEY VALUE"), N_("Change a shop setting"), _bo_cli_settings_set },
  { "settings", "show", NULL, N_("Show the shop settings"), _bo_cli_settings_show },

  { "replan", NULL, NULL, N_("Preview or apply a new allocation of all unshipped stock"),
    _bo_cli_replan },

  { "report", "rate", NULL, N_("Backorder rate per month, quarter or year"),
    _bo_cli_report_rate },
  { "report", "fill-rate", NULL, N_("First-time fill rate"), _bo_cli_report_fill_rate },
  { "report", "backlog", NULL, N_("Open backordered lines, units and value"),
    _bo_cli_report_backlog },
  { "report", "aging", NULL, N_("Age of open backorders"), _bo_cli_report_aging },
  { "report", "suppliers", NULL, N_("Supplier on-time rate"), _bo_cli_report_suppliers },
  { "report", "customers", NULL, N_("Customer on-time rate for backordered lines"),
    _bo_cli_report_customers },
  { "report", "revenue", NULL,
    N_("Revenue recognised on delivery beside the backlog, refunds and goodwill"),
    _bo_cli_report_revenue },
  { "chart", "rate", NULL, N_("Draw the backorder rate as PNG, SVG or PDF"), _bo_cli_chart },
  { "chart", "backlog", NULL, N_("Draw the backlog over time as PNG, SVG or PDF"), _bo_cli_chart },
  { "chart", "aging", NULL, N_("Draw the age of open backorders as PNG, SVG, PDF"), _bo_cli_chart },
  { "chart", "suppliers", NULL, N_("Draw supplier punctuality as PNG, SVG or PDF"), _bo_cli_chart },
  { "chart", "top-products", NULL, N_("Draw the most backordered products"), _bo_cli_chart },

  { "import", "shopify-products", N_("FILE"),
    N_("Import products from a Shopify products export"), _bo_cli_import },
  { "import", "shopify-inventory", N_("FILE"),
    N_("Import stock counts from a Shopify inventory export"), _bo_cli_import },
  { "import", "shopify-orders", N_("FILE"),
    N_("Import orders from a Shopify orders export"), _bo_cli_import },
  { "import", "woocommerce-products", N_("FILE"),
    N_("Import products from a WooCommerce products export"), _bo_cli_import },
  { "import", "csv", N_("FILE"),
    N_("Import products, customers, suppliers or orders from any CSV file"), _bo_cli_import },
  { "export", "backorders", NULL, N_("Write the open backorders as CSV"), _bo_cli_export },
  { "export", "purchase-orders", NULL,
    N_("Write the open purchase orders as CSV, one file per supplier"), _bo_cli_export },
  { "export", "customers", NULL,
    N_("Write the customers with their backorders and promise dates as CSV"), _bo_cli_export },
  { "export", "availability", NULL,
    N_("Write each SKU's availability for the storefront as CSV"), _bo_cli_export_availability },
  { "backup", NULL, N_("FILE"), N_("Copy the whole shop to a file"), _bo_cli_backup },
  { "restore", NULL, N_("FILE"), N_("Replace the shop with a backup"), _bo_cli_restore },

  { "check", NULL, NULL, N_("Verify stock and order-line arithmetic"), _bo_cli_check },
  { "bench", NULL, NULL, N_("Measure the performance budgets on a large generated shop"),
    _bo_cli_bench },
  { "bench-import", NULL, NULL,
    N_("Measure importing a generated Shopify orders export of 100,000 lines"),
    _bo_cli_bench_import },
};

/* ---- messages ------------------------------------------------------------ */

/* Messages go out as exactly one line, whatever the text inside says; a
 * value repeated in a message cannot drive the terminal (an escape shows
 * as \x1B), and bytes that are not UTF-8 show as \xFF. */
static void
print_error_line (const char *message)
{
  g_autoptr(GString) line = g_string_new (NULL);
  const char *p = message;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (line, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      if (c == '\r' || c == '\n' || c == '\t')
        g_string_append_c (line, ' ');
      else if (g_unichar_iscntrl (c))
        g_string_append_printf (line, c < 0x100 ? "\\x%02X" : "\\u%04X", c);
      else
        g_string_append_len (line, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  g_printerr ("backorders-cli: %s\n", line->str);
}

static const char *
command_display_name (BoCli *cli)
{
  return cli->command_name != NULL ? cli->command_name : "backorders-cli";
}

int
_bo_cli_failf (BoCli      *cli,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  print_error_line (message);
  return BO_CLI_EXIT_FAILED;
}

int
_bo_cli_fail (BoCli        *cli,
              const GError *error)
{
  const char *path = cli->path != NULL ? cli->path : cli->database;

  if (g_error_matches (error, BO_ERROR, BO_ERROR_BUSY))
    return _bo_cli_failf (cli,
                          _("the database “%s” is locked by another program; "
                            "try again when it has finished"),
                          path);

  if (g_error_matches (error, BO_ERROR, BO_ERROR_DATABASE) && path != NULL
      && strstr (error->message, path) == NULL)
    return _bo_cli_failf (cli, _("cannot use the database “%s”: %s"), path, error->message);

  print_error_line (error->message);
  return BO_CLI_EXIT_FAILED;
}

int
_bo_cli_usage (BoCli      *cli,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  print_error_line (message);
  g_printerr (_("Run “%s --help” for usage.\n"), command_display_name (cli));
  return BO_CLI_EXIT_USAGE;
}

int
_bo_cli_usage_error (BoCli        *cli,
                     const GError *error)
{
  return _bo_cli_usage (cli, "%s", error->message);
}

void
_bo_cli_say (BoCli      *cli,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (cli->json)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_print ("%s\n", message);
}

/* ---- options ------------------------------------------------------------- */

static void
add_global_entries (BoCli          *cli,
                    GOptionContext *context)
{
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &cli->database,
      N_("The shop database (default: the user data folder)"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json,
      N_("Print machine-readable JSON instead of tables"), NULL },
    { NULL }
  };

  /* The group copies the entries, so the local array may go. */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* GOption refuses a string option that is not UTF-8 with "Invalid byte
 * sequence in conversion input", naming nothing; find the option first.
 * File names may be in any encoding and are left alone. */
static const char *
non_utf8_option (const GOptionEntry  *entries,
                 char               **argv,
                 char               **name)
{
  for (guint i = 1; argv[i] != NULL; i++)
    {
      const char *option = NULL;
      g_autofree char *long_name = NULL;

      if (g_utf8_validate (argv[i], -1, NULL))
        continue;
      if (g_str_has_prefix (argv[i], "--") && strchr (argv[i], '=') != NULL)
        long_name = g_strndup (argv[i] + 2, strchr (argv[i], '=') - argv[i] - 2);
      else if (i > 1 && g_str_has_prefix (argv[i - 1], "--") && strchr (argv[i - 1], '=') == NULL)
        long_name = g_strdup (argv[i - 1] + 2);
      if (long_name == NULL || g_str_equal (long_name, "database"))
        continue;
      for (const GOptionEntry *e = entries; e != NULL && e->long_name != NULL; e++)
        if (g_str_equal (e->long_name, long_name))
          {
            if (e->arg != G_OPTION_ARG_FILENAME && e->arg != G_OPTION_ARG_FILENAME_ARRAY)
              option = e->long_name;
            break;
          }
      if (option != NULL)
        {
          *name = g_strconcat ("--", option, NULL);
          return argv[i];
        }
    }
  return NULL;
}

gboolean
_bo_cli_parse (BoCli              *cli,
               const GOptionEntry *entries,
               guint               min_args,
               guint               max_args,
               char             ***argv,
               int                *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const BoCliCommand *command = cli->command;
  g_autofree char *bad_option = NULL;
  guint n_args;

  context = g_option_context_new (command->parameters != NULL ? _(command->parameters) : NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_global_entries (cli, context);

  if (non_utf8_option (entries, *argv, &bad_option) != NULL)
    {
      *status = _bo_cli_usage (cli, _("invalid value for %s: it is not UTF-8 text (check the "
                                      "encoding of the terminal or of the script)"),
                               bad_option);
      return FALSE;
    }
  if (!g_option_context_parse_strv (context, argv, &error))
    {
      *status = _bo_cli_usage_error (cli, error);
      return FALSE;
    }

  n_args = g_strv_length (*argv) - 1;
  if (n_args < min_args)
    {
      *status = _bo_cli_usage (cli, _("missing arguments: %s"),
                               command->parameters != NULL ? _(command->parameters) : "");
      return FALSE;
    }
  if (n_args > max_args)
    {
      *status = _bo_cli_usage (cli, _("unexpected argument “%s”"), (*argv)[max_args + 1]);
      return FALSE;
    }

  return TRUE;
}

/* @value is the option's variable: a string or a string vector, NULL
 * when the option was not given. */
gboolean
_bo_cli_require (BoCli      *cli,
                 const void *value,
                 const char *option,
                 int        *status)
{
  if (value != NULL)
    return TRUE;
  *status = _bo_cli_usage (cli, _("missing required option %s"), option);
  return FALSE;
}

/* ---- the store ----------------------------------------------------------- */

char *
_bo_cli_default_database (void)
{
  return g_build_filename (g_get_user_data_dir (), "backorders", "shop.db", NULL);
}

BoStore *
_bo_cli_open (BoCli        *cli,
              BoCliOpenMode mode,
              int          *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  BoStore *store;

  g_clear_pointer (&cli->path, g_free);
  cli->path = cli->database != NULL ? g_strdup (cli->database) : _bo_cli_default_database ();
  dir = g_path_get_dirname (cli->path);

  if (cli->database == NULL)
    {
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          *status = _bo_cli_failf (cli, _("cannot create the folder “%s”: %s"),
                                   dir, g_strerror (saved));
          return NULL;
        }
    }
  else if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      *status = _bo_cli_failf (cli, _("the folder “%s” of the database does not exist"), dir);
      return NULL;
    }

  /* Only init and demo create a shop: a mistyped --database should not
   * leave an empty database behind. */
  if (mode == BO_CLI_OPEN_EXISTING && !g_file_test (cli->path, G_FILE_TEST_EXISTS))
    {
      *status = _bo_cli_failf (cli, _("there is no shop database at “%s”; "
                                      "run “backorders-cli init” to create one"),
                               cli->path);
      return NULL;
    }

  store = bo_store_open (cli->path, &error);
  if (store == NULL)
    {
      *status = _bo_cli_fail (cli, error);
      return NULL;
    }

  g_clear_object (&cli->store);
  cli->store = store;
  g_clear_pointer (&cli->currency, g_free);
  cli->currency = bo_store_get_setting (store, "currency");

  return store;
}

/* ---- lookups ------------------------------------------------------------- */

/* The store reports a missing row either as NULL with an error or as NULL
 * alone; either way the user sees which name was not found. */
#define ENSURE_NOT_FOUND(error, format, name) \
  G_STMT_START { \
    if ((error) != NULL && *(error) == NULL) \
      g_set_error ((error), BO_ERROR, BO_ERROR_NOT_FOUND, (format), (name)); \
  } G_STMT_END

BoProduct *
_bo_cli_find_product (BoCli       *cli,
                      const char  *sku,
                      GError     **error)
{
  BoProduct *product = bo_store_find_product (cli->store, sku, error);

  if (product == NULL)
    ENSURE_NOT_FOUND (error, _("there is no product with SKU “%s”"), sku);
  return product;
}

BoSupplier *
_bo_cli_find_supplier (BoCli       *cli,
                       const char  *name,
                       GError     **error)
{
  BoSupplier *supplier = bo_store_find_supplier (cli->store, name, error);

  if (supplier == NULL)
    ENSURE_NOT_FOUND (error, _("there is no supplier named “%s”"), name);
  return supplier;
}

BoCustomer *
_bo_cli_find_customer (BoCli       *cli,
                       const char  *name,
                       GError     **error)
{
  BoCustomer *customer = bo_store_find_customer (cli->store, name, error);

  if (customer == NULL)
    ENSURE_NOT_FOUND (error, _("there is no customer named “%s”"), name);
  return customer;
}

BoOrder *
_bo_cli_find_order (BoCli       *cli,
                    const char  *number,
                    GError     **error)
{
  BoOrder *order = bo_store_find_order (cli->store, number, error);

  if (order == NULL)
    ENSURE_NOT_FOUND (error, _("there is no order “%s”"), number);
  return order;
}

BoPurchaseOrder *
_bo_cli_find_po (BoCli       *cli,
                 const char  *number,
                 GError     **error)
{
  BoPurchaseOrder *po = bo_store_find_po (cli->store, number, error);

  if (po == NULL)
    ENSURE_NOT_FOUND (error, _("there is no purchase order “%s”"), number);
  return po;
}

/* ---- dispatch ------------------------------------------------------------ */

static gboolean
is_help (const char *arg)
{
  return g_strcmp0 (arg, "--help") == 0 || g_strcmp0 (arg, "-h") == 0
         || g_strcmp0 (arg, "-?") == 0 || g_strcmp0 (arg, "--help-all") == 0;
}

static char *
describe_commands (const char *group)
{
  GString *text = g_string_new (NULL);
  gsize width = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const BoCliCommand *c = &commands[i];
      g_autofree char *name = NULL;

      if (group != NULL && g_strcmp0 (c->group, group) != 0)
        continue;
      name = c->name != NULL ? g_strconcat (c->group, " ", c->name, NULL) : g_strdup (c->group);
      width = MAX (width, strlen (name));
    }

  g_string_append (text, _("Commands:"));
  g_string_append_c (text, '\n');
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const BoCliCommand *c = &commands[i];
      g_autofree char *name = NULL;

      if (group != NULL && g_strcmp0 (c->group, group) != 0)
        continue;
      name = c->name != NULL ? g_strconcat (c->group, " ", c->name, NULL) : g_strdup (c->group);
      g_string_append_printf (text, "  %-*s  %s\n", (int) width, name, _(c->summary));
    }
  g_string_append_c (text, '\n');
  g_string_append (text, _("Run “backorders-cli COMMAND --help” for the options of a command. "
                           "Money is written like 12.50; dates like 2026-03-01. In JSON "
                           "output, money is in minor units (cents) and dates are ISO 8601."));

  return g_string_free (text, FALSE);
}

static char *
subcommand_names (const char *group)
{
  GString *names = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].group, group) == 0 && commands[i].name != NULL)
      {
        if (names->len > 0)
          g_string_append (names, ", ");
        g_string_append (names, commands[i].name);
      }

  return g_string_free (names, FALSE);
}

static const BoCliCommand *
find_command (const char *group,
              const char *name,
              gboolean   *group_exists)
{
  *group_exists = FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (commands[i].group, group) != 0)
        continue;
      *group_exists = TRUE;
      if (commands[i].name == NULL || g_strcmp0 (commands[i].name, name) == 0)
        return &commands[i];
    }
  return NULL;
}

static int
run (BoCli *cli,
     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) command_argv = NULL;
  const BoCliCommand *command;
  gboolean version = FALSE;
  gboolean group_exists;
  const char *group;
  guint first_arg;
  guint n_args;
  GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Keep selling when stock runs out: orders, "
                                           "backorders, purchase orders and promise dates."));
  description = describe_commands (NULL);
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_global_entries (cli, context);
  /* Stop at the command name: what follows belongs to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse_strv (context, &argv, &error))
    return _bo_cli_usage_error (cli, error);

  if (version)
    {
      g_print ("backorders-cli %s\n", PACKAGE_VERSION);
      return BO_CLI_EXIT_OK;
    }

  n_args = g_strv_length (argv);
  if (n_args < 2)
    return _bo_cli_usage (cli, _("no command given"));

  group = argv[1];
  command = find_command (group, n_args > 2 ? argv[2] : NULL, &group_exists);
  if (!group_exists)
    return _bo_cli_usage (cli, _("unknown command “%s”"), group);

  if (command == NULL)
    {
      g_autofree char *names = subcommand_names (group);

      cli->command_name = g_strdup_printf ("backorders-cli %s", group);
      if (n_args > 2 && is_help (argv[2]))
        {
          g_autofree char *list = describe_commands (group);

          g_print ("%s\n", list);
          return BO_CLI_EXIT_OK;
        }
      if (n_args < 3)
        return _bo_cli_usage (cli, _("“%s” needs one of: %s"), group, names);
      return _bo_cli_usage (cli, _("unknown command “%s %s”; “%s” takes one of: %s"),
                            group, argv[2], group, names);
    }

  cli->command = command;
  if (command->name != NULL)
    {
      cli->command_name = g_strdup_printf ("backorders-cli %s %s", command->group, command->name);
      first_arg = 3;
    }
  else
    {
      cli->command_name = g_strdup_printf ("backorders-cli %s", command->group);
      first_arg = 2;
    }
  g_set_prgname (cli->command_name);

  command_argv = g_new0 (char *, n_args - first_arg + 2);
  command_argv[0] = g_strdup (cli->command_name);
  for (guint i = first_arg; i < n_args; i++)
    command_argv[i - first_arg + 1] = g_strdup (argv[i]);

  return command->func (cli, command_argv);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) args = NULL;
  BoCli cli = { 0 };
  int status;

  setlocale (LC_ALL, "");
  /* BACKORDERS_LOCALEDIR points at uninstalled catalogues (the tests use it). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BACKORDERS_LOCALEDIR") != NULL
                                   ? g_getenv ("BACKORDERS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("backorders-cli");

  args = g_strdupv (argv);
  status = run (&cli, args);

  g_clear_object (&cli.store);
  g_free (cli.currency);
  g_free (cli.path);
  g_free (cli.command_name);
  g_free (cli.database);

  return status;
}
