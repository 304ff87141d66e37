/* bo-cli-import.c — import, export, backup and restore commands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-cli"
#include "config.h"

#include <inttypes.h>

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <backorders/bo-csv.h>
#include <backorders/bo-export.h>
#include <backorders/bo-import.h>
#include <backorders/bo-output-file.h>

#include "bo-cli-private.h"

static void
print_root (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  _bo_cli_print_json (root);
}

static const char *
record_key (BoImportRecord record)
{
  static const char *const keys[] = { "suppliers", "products", "customers", "orders" };

  return keys[record];
}

static const char *
record_title (BoImportRecord record)
{
  switch (record)
    {
    case BO_IMPORT_RECORD_SUPPLIER:
      return _("Suppliers");
    case BO_IMPORT_RECORD_PRODUCT:
      return _("Products");
    case BO_IMPORT_RECORD_CUSTOMER:
      return _("Customers");
    case BO_IMPORT_RECORD_ORDER:
    default:
      return _("Orders");
    }
}

static const char *
action_key (BoImportAction action)
{
  static const char *const keys[] = { "create", "update", "unchanged", "skip" };

  return keys[action];
}

static const char *
column_state_key (BoImportColumnState state)
{
  static const char *const keys[] = { "recognised", "mapped", "ignored", "unknown" };

  return keys[state];
}

/* ---- the preview ---------------------------------------------------------- */

/* Skipped records, grouped by why: the reason with its names taken out
 * (“Blue mug” is not in the shop → “…” is not in the shop), with how many
 * share it and the first one in full. */
typedef struct
{
  char   *reason;
  guint   count;
  guint64 first_row;
  char   *first_detail;
} SkipGroup;

static void
skip_group_clear (gpointer data)
{
  SkipGroup *group = data;

  g_free (group->reason);
  g_free (group->first_detail);
}

static char *
reason_without_names (const char *detail)
{
  GString *out = g_string_new (NULL);
  const char *p = detail;

  while (*p != '\0')
    {
      const char *open = strstr (p, "“");
      const char *close = open != NULL ? strstr (open, "”") : NULL;

      if (open == NULL || close == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      g_string_append (out, "“…”");
      p = close + strlen ("”");
    }
  return g_string_free (out, FALSE);
}

static guint
count_skipped (BoImportPlan *plan,
               GArray       *groups)
{
  guint total = 0;

  for (guint i = 0; i < bo_import_plan_get_n_items (plan); i++)
    {
      const BoImportItem *item = bo_import_plan_get_item (plan, i);
      g_autofree char *reason = NULL;
      guint g;

      if (item->action != BO_IMPORT_SKIP)
        continue;
      total++;
      reason = reason_without_names (item->detail != NULL ? item->detail : _("no reason given"));
      for (g = 0; g < groups->len; g++)
        if (g_str_equal (g_array_index (groups, SkipGroup, g).reason, reason))
          break;
      if (g == groups->len)
        {
          SkipGroup group = { g_steal_pointer (&reason), 0, item->row,
                              g_strdup (item->detail != NULL ? item->detail : "") };

          g_array_append_val (groups, group);
        }
      g_array_index (groups, SkipGroup, g).count++;
    }
  return total;
}

static void
print_skipped (BoImportPlan *plan,
               GArray       *groups,
               guint         skipped)
{
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u record skipped, by reason:\n",
                        "%u records skipped, by reason:\n", skipped),
           skipped);
  for (guint g = 0; g < groups->len; g++)
    {
      const SkipGroup *group = &g_array_index (groups, SkipGroup, g);

      if (g_str_equal (group->reason, group->first_detail))
        g_print ("  %u × %s\n", group->count, group->reason);
      else if (group->count == 1)
        g_print (_("  1 × %s (row %" PRIu64 ")\n"), group->first_detail, group->first_row);
      else
        g_print (_("  %u × %s (first at row %" PRIu64 ": %s)\n"), group->count, group->reason,
                 group->first_row, group->first_detail);
    }
}

static guint
count_kept (BoImportPlan *plan)
{
  guint kept = 0;

  for (BoImportRecord r = 0; r < BO_IMPORT_N_RECORDS; r++)
    kept += bo_import_plan_count (plan, r, BO_IMPORT_CREATE)
            + bo_import_plan_count (plan, r, BO_IMPORT_UPDATE)
            + bo_import_plan_count (plan, r, BO_IMPORT_UNCHANGED);
  return kept;
}

static void
print_plan_text (BoCli        *cli,
                 BoImportPlan *plan,
                 gboolean      details)
{
  g_autoptr(GString) unknown = g_string_new (NULL);
  guint errors = bo_import_plan_count_problems (plan, BO_IMPORT_ERROR);
  guint warnings = bo_import_plan_count_problems (plan, BO_IMPORT_WARNING);

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s “%s”: %" PRIu64 " row\n",
                        "%s “%s”: %" PRIu64 " rows\n", bo_import_plan_get_n_rows (plan)),
           bo_import_format_label (bo_import_plan_get_format (plan)),
           bo_import_plan_get_source (plan), bo_import_plan_get_n_rows (plan));
  for (BoImportRecord r = 0; r < BO_IMPORT_N_RECORDS; r++)
    {
      guint n[BO_IMPORT_N_ACTIONS];
      guint total = 0;

      for (BoImportAction a = 0; a < BO_IMPORT_N_ACTIONS; a++)
        total += n[a] = bo_import_plan_count (plan, r, a);
      if (total == 0)
        continue;
      g_print (_("%s: %u to create, %u to update, %u unchanged, %u skipped\n"), record_title (r),
               n[BO_IMPORT_CREATE], n[BO_IMPORT_UPDATE], n[BO_IMPORT_UNCHANGED], n[BO_IMPORT_SKIP]);
    }

  for (guint i = 0; i < bo_import_plan_get_n_columns (plan); i++)
    {
      const BoImportColumn *column = bo_import_plan_get_column (plan, i);

      if (column->state == BO_IMPORT_COLUMN_UNKNOWN)
        g_string_append_printf (unknown, "%s“%s”", unknown->len > 0 ? ", " : "", column->header);
    }
  if (unknown->len > 0)
    g_print (_("Columns not recognised, not used: %s (give one a meaning with --map "
               "\"HEADER=FIELD\")\n"), unknown->str);

  if (errors + warnings > 0)
    {
      g_autofree char *e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors",
                                                         errors), errors);
      g_autofree char *w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning",
                                                         "%u warnings", warnings), warnings);

      g_print (_("Problems: %s, %s\n"), e, w);
    }
  for (guint i = 0; i < bo_import_plan_get_n_problems (plan); i++)
    {
      const BoImportProblem *p = bo_import_plan_get_problem (plan, i);

      g_print ("  %s: %s\n", p->severity == BO_IMPORT_ERROR ? _("error") : _("warning"),
               p->message);
    }

  if (details)
    {
      g_autoptr(BoCliTable) table = _bo_cli_table_new (cli);

      _bo_cli_table_column (table, "row", _("Row"), TRUE);
      _bo_cli_table_column (table, "record", _("Record"), FALSE);
      _bo_cli_table_column (table, "action", _("Action"), FALSE);
      _bo_cli_table_column (table, "key", _("Key"), FALSE);
      _bo_cli_table_column (table, "name", _("Name"), FALSE);
      _bo_cli_table_column (table, "detail", _("Detail"), FALSE);
      for (guint i = 0; i < bo_import_plan_get_n_items (plan); i++)
        {
          const BoImportItem *item = bo_import_plan_get_item (plan, i);

          _bo_cli_table_row (table);
          _bo_cli_table_int (table, item->row);
          _bo_cli_table_text (table, bo_import_record_label (item->record));
          _bo_cli_table_text (table, bo_import_action_label (item->action));
          _bo_cli_table_text (table, item->key);
          _bo_cli_table_text (table, item->label);
          _bo_cli_table_text (table, item->detail);
        }
      _bo_cli_table_print (table);
    }
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
build_plan_json (JsonBuilder  *builder,
                 BoImportPlan *plan)
{
  add_string (builder, "format", bo_import_format_to_string (bo_import_plan_get_format (plan)));
  add_string (builder, "source", bo_import_plan_get_source (plan));
  add_int (builder, "rows", bo_import_plan_get_n_rows (plan));

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (BoImportRecord r = 0; r < BO_IMPORT_N_RECORDS; r++)
    {
      json_builder_set_member_name (builder, record_key (r));
      json_builder_begin_object (builder);
      for (BoImportAction a = 0; a < BO_IMPORT_N_ACTIONS; a++)
        add_int (builder, action_key (a), bo_import_plan_count (plan, r, a));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < bo_import_plan_get_n_columns (plan); i++)
    {
      const BoImportColumn *c = bo_import_plan_get_column (plan, i);

      json_builder_begin_object (builder);
      add_int (builder, "column", c->index + 1);
      add_string (builder, "header", c->header);
      add_string (builder, "field", c->field);
      add_string (builder, "state", column_state_key (c->state));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < bo_import_plan_get_n_problems (plan); i++)
    {
      const BoImportProblem *p = bo_import_plan_get_problem (plan, i);

      json_builder_begin_object (builder);
      add_string (builder, "severity", p->severity == BO_IMPORT_ERROR ? "error" : "warning");
      add_int (builder, "row", p->row);
      add_int (builder, "column", p->column);
      add_string (builder, "header", p->column_name);
      add_string (builder, "message", p->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < bo_import_plan_get_n_items (plan); i++)
    {
      const BoImportItem *item = bo_import_plan_get_item (plan, i);

      json_builder_begin_object (builder);
      add_int (builder, "row", item->row);
      add_string (builder, "record", record_key (item->record));
      add_string (builder, "action", action_key (item->action));
      add_string (builder, "key", item->key);
      add_string (builder, "name", item->label);
      add_string (builder, "detail", item->detail);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
build_outcome_json (JsonBuilder           *builder,
                    const BoImportOutcome *outcome)
{
  const guint *counts[] = { outcome->created, outcome->updated, outcome->unchanged };
  const char *names[] = { "created", "updated", "unchanged" };

  json_builder_set_member_name (builder, "outcome");
  json_builder_begin_object (builder);
  for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
    {
      json_builder_set_member_name (builder, names[k]);
      json_builder_begin_object (builder);
      for (BoImportRecord r = 0; r < BO_IMPORT_N_RECORDS; r++)
        add_int (builder, record_key (r), counts[k][r]);
      json_builder_end_object (builder);
    }
  add_int (builder, "lines_shipped", outcome->lines_shipped);
  add_int (builder, "lines_allocated", outcome->lines_allocated);
  add_int (builder, "lines_backordered", outcome->lines_backordered);
  add_int (builder, "units_backordered", outcome->units_backordered);
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < outcome->notes->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (outcome->notes, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_outcome_text (const BoImportOutcome *outcome)
{
  for (BoImportRecord r = 0; r < BO_IMPORT_N_RECORDS; r++)
    if (outcome->created[r] + outcome->updated[r] + outcome->unchanged[r] > 0)
      g_print (_("%s: %u created, %u updated, %u unchanged\n"), record_title (r),
               outcome->created[r], outcome->updated[r], outcome->unchanged[r]);
  if (outcome->created[BO_IMPORT_RECORD_ORDER] > 0)
    g_print (_("Order lines: %" PRId64 " shipped before the import, %" PRId64
               " allocated in full, %" PRId64 " backordered (%" PRId64
               " units)\n"),
             outcome->lines_shipped, outcome->lines_allocated, outcome->lines_backordered,
             outcome->units_backordered);
  for (guint i = 0; i < outcome->notes->len; i++)
    g_print ("  %s\n", (const char *) g_ptr_array_index (outcome->notes, i));
}

/* ---- import --------------------------------------------------------------- */

static gboolean
format_of_command (BoCli          *cli,
                   const char     *kind,
                   GFile          *file,
                   BoImportFormat *format,
                   int            *status)
{
  const char *name = cli->command->name;

  if (!g_str_equal (name, "csv"))
    {
      if (kind != NULL)
        {
          *status = _bo_cli_usage (cli, _("--kind is for “import csv” only"));
          return FALSE;
        }
      return bo_import_format_from_string (name, format);
    }
  if (kind != NULL)
    {
      g_autofree char *full = g_strconcat ("csv-", kind, NULL);

      if (!bo_import_format_from_string (full, format))
        {
          *status = _bo_cli_usage (cli, _("invalid value “%s” for --kind: expected products, "
                                          "customers, suppliers or orders"), kind);
          return FALSE;
        }
      return TRUE;
    }

  /* Without --kind, the header says what the file holds. */
  {
    g_autoptr(GError) read_error = NULL;
    g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &read_error);
    g_autoptr(BoCsvReader) reader = NULL;
    g_auto(GStrv) header = NULL;

    if (stream != NULL)
      {
        reader = bo_csv_reader_new (G_INPUT_STREAM (stream));
        if (bo_csv_reader_next (reader, NULL, &read_error))
          header = bo_csv_reader_dup_fields (reader);
      }
    /* A header that cannot be read says why (binary data, too many
     * columns, not text): guessing its kind is not the problem then. */
    if (header == NULL && read_error != NULL)
      {
        g_autofree char *shown = g_file_get_parse_name (file);

        *status = _bo_cli_failf (cli, _("cannot import “%s”: %s"), shown, read_error->message);
        return FALSE;
      }
    if (header == NULL || !bo_import_guess_format ((const char * const *) header, TRUE, format))
      {
        *status = _bo_cli_usage (cli, _("cannot tell whether the file holds products, customers, "
                                        "suppliers or orders; give --kind"));
        return FALSE;
      }
    return TRUE;
  }
}

int
_bo_cli_import (BoCli *cli,
                char **argv)
{
  gboolean dry_run = FALSE;
  gboolean details = FALSE;
  g_autofree char *kind = NULL;
  g_auto(GStrv) maps = NULL;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show what the import would do, and write nothing"), NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("For csv: products, customers, suppliers or orders (default: from the header)"),
      N_("KIND") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Give a column a meaning (a field such as sku, name, stock, price), or “ignore”; "
         "repeat for more columns"), N_("HEADER=FIELD") },
    { "details", 0, 0, G_OPTION_ARG_NONE, &details,
      N_("List every record and what happens to it"), NULL },
    { NULL }
  };
  g_autoptr(BoImporter) importer = NULL;
  g_autoptr(BoImportPlan) plan = NULL;
  g_autoptr(BoImportOutcome) outcome = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  GFileType type;
  BoImportFormat format;
  g_autoptr(GArray) skip_groups = NULL;
  guint errors;
  guint skipped;
  int status;

  if (!_bo_cli_parse (cli, entries, 1, 1, &argv, &status))
    return status;
  file = g_file_new_for_commandline_arg (argv[1]);
  type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);
  if (type == G_FILE_TYPE_DIRECTORY)
    return _bo_cli_failf (cli, _("“%s” is a folder; give the CSV file to import"), argv[1]);
  if (type != G_FILE_TYPE_REGULAR)
    return _bo_cli_failf (cli, _("there is no file “%s”"), argv[1]);
  if (!format_of_command (cli, kind, file, &format, &status))
    return status;
  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  importer = bo_importer_new (cli->store, format);
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      const char *equals = strrchr (maps[i], '=');
      g_autofree char *header = NULL;

      if (equals == NULL || equals == maps[i])
        return _bo_cli_usage (cli, _("invalid value “%s” for --map: expected HEADER=FIELD"),
                              maps[i]);
      header = g_strndup (maps[i], equals - maps[i]);
      if (!bo_importer_set_mapping (importer, header, equals + 1, &error))
        return _bo_cli_usage_error (cli, error);
    }

  plan = bo_importer_plan_file (importer, file, NULL, &error);
  if (plan == NULL)
    return _bo_cli_fail (cli, error);
  errors = bo_import_plan_count_problems (plan, BO_IMPORT_ERROR);
  skip_groups = g_array_new (FALSE, FALSE, sizeof (SkipGroup));
  g_array_set_clear_func (skip_groups, skip_group_clear);
  skipped = count_skipped (plan, skip_groups);

  if (!cli->json)
    print_plan_text (cli, plan, details);

  if (errors == 0 && !dry_run && bo_import_plan_has_changes (plan) &&
      !bo_importer_apply (importer, plan, NULL, &outcome, &error))
    return _bo_cli_fail (cli, error);

  if (cli->json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      build_plan_json (builder, plan);
      json_builder_set_member_name (builder, "applied");
      json_builder_add_boolean_value (builder, outcome != NULL);
      if (outcome != NULL)
        build_outcome_json (builder, outcome);
      json_builder_end_object (builder);
      print_root (builder);
    }
  else if (errors > 0)
    ;
  else
    {
      if (skipped > 0)
        print_skipped (plan, skip_groups, skipped);
      if (dry_run)
        g_print (_("Dry run: nothing was written.\n"));
      else if (outcome != NULL)
        print_outcome_text (outcome);
      else if (skipped == 0)
        g_print (_("Nothing to change: the shop has all of it already.\n"));
      else if (count_kept (plan) > 0)
        g_print (_("Nothing to change in the records the shop has already; the others were "
                   "skipped.\n"));
    }

  /* Every record skipped for a problem: nothing could be imported, which
   * a script must be able to tell from success. */
  if (errors == 0 && skipped > 0 && count_kept (plan) == 0)
    return _bo_cli_failf (cli, g_dngettext (GETTEXT_PACKAGE,
                                            "nothing was imported: the only record in the file "
                                            "was skipped",
                                            "nothing was imported: all %u records in the file "
                                            "were skipped", skipped),
                          skipped);

  if (errors > 0)
    return _bo_cli_failf (cli, g_dngettext (GETTEXT_PACKAGE,
                                            "%u problem in the file blocks the import; nothing "
                                            "was written",
                                            "%u problems in the file block the import; nothing "
                                            "was written", errors),
                          errors);
  return BO_CLI_EXIT_OK;
}

/* ---- export --------------------------------------------------------------- */

static gboolean
write_stdout (BoCli        *cli,
              BoExportKind  kind,
              GError      **error)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  if (!bo_export_write (cli->store, kind, memory, NULL, error) ||
      !g_output_stream_close (memory, NULL, error))
    return FALSE;
  fwrite (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)), 1,
          g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)), stdout);
  fflush (stdout);
  return TRUE;
}

int
_bo_cli_export (BoCli *cli,
                char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write (default: standard output); for purchase-orders, the folder"),
      N_("FILE|DIR") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) target = NULL;
  const char *name = cli->command->name;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status))
    return status;
  if (g_str_equal (name, "purchase-orders") &&
      !_bo_cli_require (cli, output, "--output", &status))
    return status;
  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  if (output != NULL)
    target = g_file_new_for_commandline_arg (output);

  if (g_str_equal (name, "purchase-orders"))
    {
      g_autoptr(GPtrArray) files = bo_export_purchase_orders_to_folder (cli->store, target, NULL,
                                                                        &error);
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      if (files == NULL)
        return _bo_cli_fail (cli, error);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "files");
      json_builder_begin_array (builder);
      for (guint i = 0; i < files->len; i++)
        {
          g_autofree char *path = g_file_get_path (g_ptr_array_index (files, i));

          json_builder_add_string_value (builder, path);
          _bo_cli_say (cli, _("Wrote “%s”."), path);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      if (cli->json)
        print_root (builder);
      else if (files->len == 0)
        g_print (_("No supplier has an open purchase order; no file was written.\n"));
      return BO_CLI_EXIT_OK;
    }

  {
    BoExportKind kind = g_str_equal (name, "backorders") ? BO_EXPORT_BACKORDERS
                                                         : BO_EXPORT_CUSTOMERS;

    if (target == NULL)
      return write_stdout (cli, kind, &error) ? BO_CLI_EXIT_OK : _bo_cli_fail (cli, error);
    if (!bo_export_write_file (cli->store, kind, target, NULL, &error))
      return _bo_cli_fail (cli, error);
    if (cli->json)
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();
        g_autofree char *path = g_file_get_path (target);

        json_builder_begin_object (builder);
        add_string (builder, "file", path);
        json_builder_end_object (builder);
        print_root (builder);
      }
    else
      g_print (_("Wrote “%s”.\n"), output);
  }
  return BO_CLI_EXIT_OK;
}

/* ---- backup and restore --------------------------------------------------- */

int
_bo_cli_backup (BoCli *cli,
                char **argv)
{
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace the file when it exists"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  int status;

  if (!_bo_cli_parse (cli, entries, 1, 1, &argv, &status))
    return status;
  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  /* The shop and its companions are refused before "exists already". */
  if (!bo_output_file_check_target (argv[1], &error))
    return _bo_cli_fail (cli, error);
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS) && !force)
    return _bo_cli_failf (cli, _("“%s” exists already; give --force to replace it"), argv[1]);
  if (!bo_store_backup (cli->store, argv[1], &error))
    return _bo_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "backup", argv[1]);
      json_builder_end_object (builder);
      print_root (builder);
    }
  else
    g_print (_("Backed up the shop to “%s”.\n"), argv[1]);
  return BO_CLI_EXIT_OK;
}

int
_bo_cli_restore (BoCli *cli,
                 char **argv)
{
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Restore a backup even when it breaks rules of a shop (the check lists them)"), NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *path = NULL;
  gboolean existed;
  int status;

  if (!_bo_cli_parse (cli, entries, 1, 1, &argv, &status))
    return status;
  if (g_file_test (argv[1], G_FILE_TEST_IS_DIR))
    return _bo_cli_failf (cli, _("“%s” is a folder, not a Backorders backup"), argv[1]);
  if (!g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    return _bo_cli_failf (cli, _("there is no file “%s”"), argv[1]);
  path = cli->database != NULL ? g_strdup (cli->database) : _bo_cli_default_database ();
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  /* A shop can be restored on a machine that has none yet. */
  if (_bo_cli_open (cli, BO_CLI_OPEN_CREATE, &status) == NULL)
    return status;
  if (!bo_store_restore_full (cli->store, argv[1],
                              force ? BO_STORE_RESTORE_FORCE : BO_STORE_RESTORE_NONE, &copy,
                              &problems, &error))
    {
      if (!existed)
        {
          g_autofree char *wal = g_strconcat (cli->path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (cli->path, "-shm", NULL);

          g_clear_object (&cli->store);
          g_unlink (cli->path);
          g_unlink (wal);
          g_unlink (shm);
          if (copy == NULL)
            {
              g_autofree char *before = g_strconcat (cli->path, ".before-restore", NULL);
              g_unlink (before);
            }
        }
      if (g_error_matches (error, BO_ERROR, BO_ERROR_INCONSISTENT))
        return _bo_cli_failf (cli, _("%s; give --force to restore it anyway"), error->message);
      return _bo_cli_fail (cli, error);
    }
  /* Restored with --force: what the check found is said, not hidden. */
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_printerr (_("backorders-cli: warning: %s\n"), (const char *) g_ptr_array_index (problems, i));
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "restored", argv[1]);
      add_string (builder, "previous", copy);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (problems, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_root (builder);
    }
  else
    g_print (_("Restored the shop from “%s”; the shop as it was is kept in “%s”.\n"), argv[1],
             copy);
  return BO_CLI_EXIT_OK;
}
