/* bo-cli-output.c — formatting values and printing tables as text or JSON
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-cli"
#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n.h>

#include "bo-cli-private.h"

typedef struct
{
  char    *key;
  char    *title;
  gboolean numeric;
} Column;

typedef struct
{
  char     *text;
  JsonNode *node;
} Cell;

/* A table is filled cell by cell; every cell carries both its text for
 * people and its JSON value for programs, so one filling serves both. */
struct _BoCliTable
{
  BoCli     *cli;       /* borrowed */
  GArray    *columns;   /* Column */
  GPtrArray *rows;      /* GArray of Cell */
};

/* ---- values -------------------------------------------------------------- */

char *
_bo_cli_format_money (BoCli  *cli,
                      gint64  minor)
{
  return bo_money_format (minor, cli != NULL ? cli->currency : NULL, BO_MONEY_TEXT);
}

char *
_bo_cli_format_date (guint32 julian)
{
  char buffer[128];
  GDate date;

  if (julian == 0 || !g_date_valid_julian (julian))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (g_date_strftime (buffer, sizeof buffer, "%x", &date) == 0)
    return _bo_cli_iso_date (julian);
  return g_strdup (buffer);
}

char *
_bo_cli_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) when = NULL;

  if (unix_seconds == 0)
    return NULL;
  when = g_date_time_new_from_unix_local (unix_seconds);
  if (when == NULL)
    return NULL;
  return g_date_time_format (when, "%x %H:%M");
}

char *
_bo_cli_iso_date (guint32 julian)
{
  return bo_date_format_iso (julian);
}

char *
_bo_cli_iso_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) when = NULL;

  if (unix_seconds == 0)
    return NULL;
  when = g_date_time_new_from_unix_local (unix_seconds);
  if (when == NULL)
    return NULL;
  return g_date_time_format_iso8601 (when);
}

void
_bo_cli_print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);
  g_print ("%s\n", data);
}

void
_bo_cli_print_formula (BoCli   *cli,
                       BoMetric metric)
{
  const char *formula = bo_metrics_formula (metric);

  if (formula != NULL)
    _bo_cli_say (cli, _("Formula: %s"), formula);
}

/* ---- tables -------------------------------------------------------------- */

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->key);
  g_free (column->title);
}

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
  g_clear_pointer (&cell->node, json_node_unref);
}

BoCliTable *
_bo_cli_table_new (BoCli *cli)
{
  BoCliTable *table = g_new0 (BoCliTable, 1);

  table->cli = cli;
  table->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (table->columns, column_clear);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return table;
}

void
_bo_cli_table_free (BoCliTable *table)
{
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
_bo_cli_table_column (BoCliTable *table,
                      const char *key,
                      const char *title,
                      gboolean    numeric)
{
  Column column = { g_strdup (key), g_strdup (title), numeric };

  g_array_append_val (table->columns, column);
}

void
_bo_cli_table_row (BoCliTable *table)
{
  GArray *row = g_array_new (FALSE, TRUE, sizeof (Cell));

  g_array_set_clear_func (row, cell_clear);
  g_ptr_array_add (table->rows, row);
}

/* Takes both @text and @node. */
/* A table row is one line: an address's line breaks become ", ", and a
 * control character kept from older data is shown, not sent to the terminal. */
static char *
one_line (char *text)
{
  GString *out;
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return text;
  for (p = text; *p != '\0' && !g_ascii_iscntrl (*p) && (guchar) *p != 0xc2; p++)
    ;
  if (*p == '\0')
    return text;

  out = g_string_new (NULL);
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' || c == '\n')
        {
          while (p[1] == '\r' || p[1] == '\n')
            p++;
          if (p[1] != '\0' && out->len > 0)
            g_string_append (out, ", ");
        }
      else if (c == '\t')
        g_string_append_c (out, ' ');
      else if (g_unichar_iscntrl (c))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }
  g_free (text);
  return g_string_free (out, FALSE);
}

void
_bo_cli_table_cell (BoCliTable *table,
                    char       *text,
                    JsonNode   *node)
{
  GArray *row;
  Cell cell = { one_line (text), node };

  g_return_if_fail (table->rows->len > 0);
  row = g_ptr_array_index (table->rows, table->rows->len - 1);
  g_return_if_fail (row->len < table->columns->len);

  if (cell.node == NULL)
    cell.node = json_node_new (JSON_NODE_NULL);
  g_array_append_val (row, cell);
}

static JsonNode *
string_node (const char *text)
{
  JsonNode *node;

  if (text == NULL)
    return json_node_new (JSON_NODE_NULL);
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, text);
  return node;
}

static JsonNode *
int_node (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return node;
}

void
_bo_cli_table_text (BoCliTable *table,
                    const char *text)
{
  _bo_cli_table_cell (table, g_strdup (text != NULL ? text : ""), string_node (text));
}

void
_bo_cli_table_int (BoCliTable *table,
                   gint64      value)
{
  _bo_cli_table_cell (table, g_strdup_printf ("%" PRId64, value), int_node (value));
}

void
_bo_cli_table_money (BoCliTable *table,
                     gint64      minor)
{
  _bo_cli_table_cell (table, _bo_cli_format_money (table->cli, minor), int_node (minor));
}

void
_bo_cli_table_date (BoCliTable *table,
                    guint32     julian,
                    const char *none)
{
  g_autofree char *iso = _bo_cli_iso_date (julian);
  char *text = _bo_cli_format_date (julian);

  _bo_cli_table_cell (table, text != NULL ? text : g_strdup (none != NULL ? none : ""),
                      string_node (iso));
}

void
_bo_cli_table_time (BoCliTable *table,
                    gint64      unix_seconds,
                    const char *none)
{
  g_autofree char *iso = _bo_cli_iso_time (unix_seconds);
  char *text = _bo_cli_format_time (unix_seconds);

  _bo_cli_table_cell (table, text != NULL ? text : g_strdup (none != NULL ? none : ""),
                      string_node (iso));
}

void
_bo_cli_table_percent (BoCliTable *table,
                       double      percent)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  /* Two decimals are all a rate needs, and they keep the JSON readable. */
  json_node_set_double (node, (gint64) (percent * 100.0 + (percent < 0 ? -0.5 : 0.5)) / 100.0);
  _bo_cli_table_cell (table, g_strdup_printf ("%.1f %%", percent), node);
}

void
_bo_cli_table_bool (BoCliTable *table,
                    gboolean    value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, value);
  _bo_cli_table_cell (table, g_strdup (value ? _("yes") : _("no")), node);
}

guint
_bo_cli_table_n_rows (BoCliTable *table)
{
  return table->rows->len;
}

static gsize
text_width (const char *text)
{
  return g_utf8_strlen (text != NULL ? text : "", -1);
}

static void
append_padded (GString    *line,
               const char *text,
               gsize       width,
               gboolean    right)
{
  gsize pad = width - MIN (width, text_width (text));

  if (right)
    for (gsize i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, text);
  if (!right)
    for (gsize i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
}

static const char *
cell_text (BoCliTable *table,
           guint       row,
           guint       column)
{
  GArray *cells = g_ptr_array_index (table->rows, row);

  if (column >= cells->len)
    return "";
  return g_array_index (cells, Cell, column).text;
}

void
_bo_cli_table_print (BoCliTable *table)
{
  guint n_columns = table->columns->len;
  g_autofree gsize *widths = g_new0 (gsize, n_columns);

  if (table->cli->json)
    {
      g_autoptr(JsonNode) node = _bo_cli_table_to_json (table);

      _bo_cli_print_json (node);
      return;
    }

  for (guint c = 0; c < n_columns; c++)
    {
      widths[c] = text_width (g_array_index (table->columns, Column, c).title);
      for (guint r = 0; r < table->rows->len; r++)
        widths[c] = MAX (widths[c], text_width (cell_text (table, r, c)));
    }

  for (guint r = 0; r <= table->rows->len; r++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          const Column *column = &g_array_index (table->columns, Column, c);
          const char *text = r == 0 ? column->title : cell_text (table, r - 1, c);

          if (c > 0)
            g_string_append (line, "  ");
          append_padded (line, text, widths[c], column->numeric);
        }
      /* No trailing blanks: they upset diffs and terminals alike. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

void
_bo_cli_table_print_record (BoCliTable *table)
{
  gsize width = 0;

  if (table->cli->json)
    {
      g_autoptr(JsonNode) node = _bo_cli_table_row_to_json (table, 0);

      _bo_cli_print_json (node);
      return;
    }

  for (guint c = 0; c < table->columns->len; c++)
    width = MAX (width, text_width (g_array_index (table->columns, Column, c).title));

  for (guint r = 0; r < table->rows->len; r++)
    for (guint c = 0; c < table->columns->len; c++)
      {
        g_autoptr(GString) line = g_string_new (NULL);

        append_padded (line, g_array_index (table->columns, Column, c).title, width, FALSE);
        g_string_append (line, "  ");
        g_string_append (line, cell_text (table, r, c));
        g_strchomp (line->str);
        g_print ("%s\n", line->str);
      }
}

JsonNode *
_bo_cli_table_row_to_json (BoCliTable *table,
                           guint       row)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  if (row < table->rows->len)
    {
      GArray *cells = g_ptr_array_index (table->rows, row);

      for (guint c = 0; c < cells->len && c < table->columns->len; c++)
        json_object_set_member (object, g_array_index (table->columns, Column, c).key,
                                json_node_copy (g_array_index (cells, Cell, c).node));
    }

  json_node_set_object (node, object);
  return node;
}

JsonNode *
_bo_cli_table_to_json (BoCliTable *table)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint r = 0; r < table->rows->len; r++)
    json_array_add_element (array, _bo_cli_table_row_to_json (table, r));

  json_node_set_array (node, array);
  return node;
}

/* ---- allocation results -------------------------------------------------- */

/* Adds "ready" and "changes" to the object @builder is building, or prints
 * them as tables. */
void
_bo_cli_print_allocation_result (BoCli                    *cli,
                                 const BoAllocationResult *result,
                                 JsonBuilder              *builder)
{
  g_autoptr(BoCliTable) ready = _bo_cli_table_new (cli);
  g_autoptr(BoCliTable) changes = _bo_cli_table_new (cli);

  _bo_cli_table_column (ready, "order", _("Order"), FALSE);
  _bo_cli_table_column (ready, "customer", _("Customer"), FALSE);
  _bo_cli_table_column (ready, "complete", _("Can ship in full"), FALSE);
  for (guint i = 0; result != NULL && result->ready != NULL && i < result->ready->len; i++)
    {
      const BoReadyOrder *order = &g_array_index (result->ready, BoReadyOrder, i);

      _bo_cli_table_row (ready);
      _bo_cli_table_text (ready, order->number);
      _bo_cli_table_text (ready, order->customer_name);
      _bo_cli_table_bool (ready, order->complete);
    }

  _bo_cli_table_column (changes, "order", _("Order"), FALSE);
  _bo_cli_table_column (changes, "customer", _("Customer"), FALSE);
  _bo_cli_table_column (changes, "sku", _("SKU"), FALSE);
  _bo_cli_table_column (changes, "before", _("Allocated before"), TRUE);
  _bo_cli_table_column (changes, "after", _("After"), TRUE);
  _bo_cli_table_column (changes, "reason", _("Reason"), FALSE);
  for (guint i = 0; result != NULL && result->changes != NULL && i < result->changes->len; i++)
    {
      const BoAllocationChange *change = &g_array_index (result->changes, BoAllocationChange, i);

      _bo_cli_table_row (changes);
      _bo_cli_table_text (changes, change->order_number);
      _bo_cli_table_text (changes, change->customer_name);
      _bo_cli_table_text (changes, change->sku);
      _bo_cli_table_int (changes, change->before);
      _bo_cli_table_int (changes, change->after);
      _bo_cli_table_text (changes, change->reason);
    }

  if (cli->json)
    {
      if (builder == NULL)
        return;
      json_builder_set_member_name (builder, "ready");
      json_builder_add_value (builder, _bo_cli_table_to_json (ready));
      json_builder_set_member_name (builder, "changes");
      json_builder_add_value (builder, _bo_cli_table_to_json (changes));
      return;
    }

  if (_bo_cli_table_n_rows (ready) > 0)
    {
      g_print ("\n%s\n", _("Orders that can ship:"));
      _bo_cli_table_print (ready);
    }
  if (_bo_cli_table_n_rows (changes) > 0)
    {
      g_print ("\n%s\n", _("Allocation changes:"));
      _bo_cli_table_print (changes);
    }
}
