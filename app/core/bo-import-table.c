/* bo-import-table.c — columns recognised by meaning, rows, values and their problems
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A header is recognised after normalising it: case, accents, punctuation
 * and camelCase do not count, so "Backorders allowed?", "backorders_allowed"
 * and "BackordersAllowed" are the same header, and "São permitidas
 * encomendas?" is "sao permitidas encomendas". Values are read strictly:
 * what cannot be read without guessing ("1,234", "12 EUR", "-3" as a stock)
 * is a problem with its row and column, never a silent zero.
 */
#define G_LOG_DOMAIN "bo-import"

#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bo-import-private.h"
#include "backorders/bo-money.h"

/* Plenty for money (ten billion in minor units) and any count of a shop. */
#define MAX_DIGITS 12

/* ---- values -------------------------------------------------------------------- */

/**
 * _bo_import_normalise_header:
 *
 * Returns: (transfer full): @header in lower case, without accents, with
 *   words split at punctuation and at camelCase, separated by one space
 */
char *
_bo_import_normalise_header (const char *header)
{
  g_autofree char *nfd = NULL;
  GString *out;
  gboolean space = FALSE;
  gboolean prev_lower = FALSE;

  if (header == NULL || !g_utf8_validate (header, -1, NULL))
    return g_strdup ("");
  nfd = g_utf8_normalize (header, -1, G_NORMALIZE_NFD);
  out = g_string_new (NULL);
  for (const char *p = nfd; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (!g_unichar_isalnum (c))
        {
          space = out->len > 0;
          prev_lower = FALSE;
          continue;
        }
      if (prev_lower && g_unichar_isupper (c))
        space = TRUE;
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, g_unichar_tolower (c));
      prev_lower = g_unichar_islower (c);
    }
  return g_string_free (out, FALSE);
}

/**
 * _bo_import_slug:
 *
 * Returns: (transfer full): @text in lower case, letters and digits kept,
 *   anything else one dash: "Blue / XL" → "blue-xl"
 */
char *
_bo_import_slug (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_string_free (out, FALSE);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          dash = out->len > 0;
          continue;
        }
      if (dash)
        g_string_append_c (out, '-');
      dash = FALSE;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

/**
 * _bo_import_fold:
 *
 * Returns: (transfer full): @text for comparing names: case folded, white
 *   space trimmed and collapsed
 */
char *
_bo_import_fold (const char *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  GString *out = g_string_new (NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_string_free (out, FALSE);
  folded = g_utf8_casefold (text, -1);
  words = g_strsplit_set (folded, " \t\r\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/**
 * _bo_import_parse_money:
 * @currency: (nullable): the shop's currency, for its number of decimals
 * @minor: (out): the amount in minor units
 *
 * Reads "12", "12.5", "12.50" or "12,50" (%BO_MONEY_INPUT_IMPORT).
 * Thousands separators, currency signs and negative amounts are refused;
 * so are more decimals than the currency has unless they are zeros.
 */
gboolean
_bo_import_parse_money (const char *text,
                        const char *currency,
                        gint64     *minor)
{
  return bo_money_parse (text, currency, BO_MONEY_INPUT_IMPORT, minor);
}

/**
 * _bo_import_parse_integer:
 *
 * Reads a whole number, with an optional sign; "5.0" is 5, "5.5" is refused.
 */
gboolean
_bo_import_parse_integer (const char *text,
                          gint64     *value)
{
  g_autofree char *t = trimmed (text);
  const char *p = t;
  gboolean negative = FALSE;
  gint64 n = 0;
  guint digits = 0;

  if (*p == '-' || *p == '+' || g_str_has_prefix (p, "\xe2\x88\x92"))
    {
      negative = *p != '+';
      p += *p == '\xe2' ? 3 : 1;
    }
  for (; g_ascii_isdigit (*p); p++)
    {
      if (++digits > MAX_DIGITS)
        return FALSE;
      n = n * 10 + (*p - '0');
    }
  if (digits == 0)
    return FALSE;
  if (*p == '.')
    for (p++; *p == '0'; p++)
      ;
  if (*p != '\0')
    return FALSE;
  *value = negative ? -n : n;
  return TRUE;
}

static const struct
{
  const char *word;
  int         value;
} bool_words[] = {
  { "1", 1 }, { "true", 1 }, { "yes", 1 }, { "y", 1 }, { "on", 1 }, { "x", 1 },
  { "sim", 1 }, { "ja", 1 }, { "oui", 1 }, { "si", 1 }, { "sí", 1 },
  { "0", 0 }, { "false", 0 }, { "no", 0 }, { "n", 0 }, { "off", 0 },
  { "nao", 0 }, { "não", 0 }, { "nein", 0 }, { "non", 0 },
};

gboolean
_bo_import_parse_bool (const char *text,
                       int        *value)
{
  g_autofree char *t = trimmed (text);
  g_autofree char *lower = g_utf8_strdown (t, -1);

  for (guint i = 0; i < G_N_ELEMENTS (bool_words); i++)
    if (g_str_equal (lower, bool_words[i].word))
      {
        *value = bool_words[i].value;
        return TRUE;
      }
  return FALSE;
}

/**
 * _bo_import_parse_policy:
 *
 * Reads a backorder policy in the words of the platforms: Shopify's
 * continue / deny, WooCommerce's 1 / 0 / notify ("allow, but tell the
 * customer"), ours (allow, deny, allow-if-incoming), and yes / no.
 */
gboolean
_bo_import_parse_policy (const char *text,
                         int        *value)
{
  g_autofree char *t = trimmed (text);
  g_autofree char *norm = _bo_import_normalise_header (t);

  if (g_str_equal (norm, "continue") || g_str_equal (norm, "allow") ||
      g_str_equal (norm, "notify") || g_str_equal (norm, "allowed"))
    *value = BO_BACKORDER_ALLOW;
  else if (g_str_equal (norm, "deny") || g_str_equal (norm, "denied") ||
           g_str_equal (norm, "never"))
    *value = BO_BACKORDER_DENY;
  else if (g_str_equal (norm, "allow if incoming") || g_str_equal (norm, "if incoming") ||
           g_str_equal (norm, "incoming"))
    *value = BO_BACKORDER_ALLOW_IF_INCOMING;
  else
    {
      int yes;

      if (!_bo_import_parse_bool (t, &yes))
        return FALSE;
      *value = yes ? BO_BACKORDER_ALLOW : BO_BACKORDER_DENY;
    }
  return TRUE;
}

static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             int         *value)
{
  guint n = 0;

  *value = 0;
  while (n < max_digits && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return n >= min_digits;
}

/**
 * _bo_import_parse_time:
 * @unix_seconds: (out): the instant
 *
 * Reads "2025-05-11", "2025-05-11 09:55:16 -0400" (Shopify),
 * "2025-05-11T09:55:16Z", "1996-07-04 00:00:00.000" (a database dump) and
 * Unix seconds. Without a zone, the time is local.
 */
gboolean
_bo_import_parse_time (const char *text,
                       gint64     *unix_seconds)
{
  g_autofree char *t = trimmed (text);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) dt = NULL;
  const char *p = t;
  int year, month, day, hour = 0, minute = 0, second = 0;
  char separator;

  if (strlen (t) >= 9 && strspn (t, "0123456789") == strlen (t))
    {
      gint64 value;

      if (!_bo_import_parse_integer (t, &value))
        return FALSE;
      *unix_seconds = value;
      return TRUE;
    }

  if (!read_number (&p, 4, 4, &year) || (*p != '-' && *p != '/'))
    return FALSE;
  separator = *p++;
  if (!read_number (&p, 1, 2, &month) || *p++ != separator || !read_number (&p, 1, 2, &day))
    return FALSE;
  if (*p == 'T' || *p == ' ')
    {
      const char *time = p + 1;

      if (read_number (&time, 1, 2, &hour) && *time == ':')
        {
          time++;
          if (!read_number (&time, 2, 2, &minute))
            return FALSE;
          if (*time == ':')
            {
              time++;
              if (!read_number (&time, 2, 2, &second))
                return FALSE;
              if (*time == '.')
                for (time++; g_ascii_isdigit (*time); time++)
                  ;
            }
          p = time;
        }
    }
  while (*p == ' ')
    p++;
  if (*p == 'Z')
    {
      zone = g_time_zone_new_utc ();
      p++;
    }
  else if (*p == '+' || *p == '-')
    {
      int sign = *p++ == '-' ? -1 : 1;
      int zh, zm = 0;

      if (!read_number (&p, 2, 2, &zh))
        return FALSE;
      if (*p == ':')
        p++;
      if (g_ascii_isdigit (*p) && !read_number (&p, 2, 2, &zm))
        return FALSE;
      if (zh > 14 || zm > 59)
        return FALSE;
      zone = g_time_zone_new_offset (sign * (zh * 3600 + zm * 60));
    }
  else
    zone = g_time_zone_new_local ();
  if (*p != '\0' || zone == NULL)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year) || hour > 23 || minute > 59 || second > 60)
    return FALSE;
  dt = g_date_time_new (zone, year, month, day, hour, minute, second);
  if (dt == NULL)
    return FALSE;
  *unix_seconds = g_date_time_to_unix (dt);
  return TRUE;
}

/**
 * _bo_import_check_sku:
 * @why: (out): the reason, when it is not a SKU
 */
gboolean
_bo_import_check_sku (const char  *sku,
                      const char **why)
{
  gsize length;

  if (sku == NULL || *sku == '\0')
    {
      *why = _("it is empty");
      return FALSE;
    }
  length = strlen (sku);
  if (!g_utf8_validate (sku, length, NULL))
    {
      *why = _("it is not UTF-8 text");
      return FALSE;
    }
  if (g_utf8_strlen (sku, length) > 100)
    {
      *why = _("it is longer than 100 characters");
      return FALSE;
    }
  if (g_ascii_isspace (sku[0]) || g_ascii_isspace (sku[length - 1]) ||
      strpbrk (sku, "\t\r\n") != NULL)
    {
      *why = _("it starts or ends with a space or holds a line break");
      return FALSE;
    }
  return TRUE;
}

/* ---- problems ------------------------------------------------------------------- */

static void
add_problem (BoImportContext  *ctx,
             BoImportSeverity  severity,
             guint64           row,
             BoField           field,
             char             *message)
{
  int column = field != BO_FIELD_NONE ? ctx->columns[field] : -1;
  const char *header = column >= 0 ? ctx->header[column] : NULL;
  char *full;

  if (row > 0 && header != NULL)
    full = g_strdup_printf (_("Row %" PRIu64 ", column “%s”: %s"), row, header, message);
  else if (row > 0)
    full = g_strdup_printf (_("Row %" PRIu64 ": %s"), row, message);
  else
    full = g_strdup (message);
  g_free (message);
  _bo_import_plan_add_problem (ctx->plan, severity, row, column + 1, header, full);
}

void
_bo_import_problem (BoImportContext  *ctx,
                    BoImportSeverity  severity,
                    BoField           field,
                    const char       *format,
                    ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (ctx, severity, ctx->row, field, message);
}

void
_bo_import_row_problem (BoImportContext  *ctx,
                        BoImportSeverity  severity,
                        guint64           row,
                        const char       *format,
                        ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (ctx, severity, row, BO_FIELD_NONE, message);
}

/* A problem the CSV reader found: it names the row and column itself. */
static gboolean
reader_failed (BoImportContext  *ctx,
               GError           *error,
               GError          **out)
{
  if (error->domain != BO_CSV_ERROR)
    {
      g_propagate_error (out, error);
      return FALSE;
    }
  _bo_import_plan_add_problem (ctx->plan, BO_IMPORT_ERROR, bo_csv_reader_get_row (ctx->reader),
                               bo_csv_reader_get_column (ctx->reader), NULL,
                               g_strdup (error->message));
  g_error_free (error);
  ctx->failed = TRUE;
  return TRUE;
}

/* ---- columns -------------------------------------------------------------------- */

static gboolean
in_list (const char *const *list,
         const char        *value)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (g_str_equal (list[i], value))
      return TRUE;
  return FALSE;
}

/* Whether a header, normalised, matches a pattern of the ignored list
 * ("*" for any text). */
static gboolean
is_ignored (const char *const *list,
            const char        *value)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (g_pattern_match_simple (list[i], value))
      return TRUE;
  return FALSE;
}

static char *
unknown_headers (BoImportContext *ctx)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < bo_import_plan_get_n_columns (ctx->plan); i++)
    {
      const BoImportColumn *column = bo_import_plan_get_column (ctx->plan, i);

      if (column->state != BO_IMPORT_COLUMN_UNKNOWN)
        continue;
      if (n++ == 8)
        {
          g_string_append (list, ", …");
          break;
        }
      g_string_append_printf (list, "%s“%s”", list->len > 0 ? ", " : "", column->header);
    }
  return n > 0 ? g_string_free (g_steal_pointer (&list), FALSE) : NULL;
}

static void
report_missing (BoImportContext    *ctx,
                const BoColumnSpec *spec)
{
  g_autofree char *unknown = unknown_headers (ctx);
  g_autofree char *message = NULL;
  const char *example = spec->headers != NULL ? spec->headers[0] : "";

  if (unknown != NULL)
    message = g_strdup_printf (_("no column gives the %s (a header such as “%s”); the columns "
                                 "%s are unknown: map the one that gives it"),
                               _bo_field_label (spec->field), example, unknown);
  else
    message = g_strdup_printf (_("no column gives the %s (a header such as “%s”)"),
                               _bo_field_label (spec->field), example);
  if (spec->need == BO_NEED_REQUIRED)
    {
      _bo_import_plan_add_problem (ctx->plan, BO_IMPORT_ERROR, 1, 0, NULL,
                                   g_strdup_printf (_("Row 1: %s"), message));
      ctx->failed = TRUE;
    }
  else
    _bo_import_plan_add_problem (ctx->plan, BO_IMPORT_WARNING, 1, 0, NULL,
                                 g_strdup_printf (_("Row 1: %s; it is left as it is"), message));
}

/**
 * _bo_import_read_header:
 *
 * Reads the header and gives each column its meaning: the caller's mapping
 * first, then the format's headers. A required field without a column is an
 * error of row 1 and ends reading.
 *
 * Returns: %FALSE only when reading stopped for good (cancelled, I/O)
 */
gboolean
_bo_import_read_header (BoImportContext  *ctx,
                        GError          **error)
{
  GError *local_error = NULL;
  g_autoptr(GHashTable) mapped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n;

  for (guint f = 0; f < BO_N_FIELDS; f++)
    ctx->columns[f] = -1;
  if (!bo_csv_reader_next (ctx->reader, ctx->cancellable, &local_error))
    return reader_failed (ctx, local_error, error);

  n = bo_csv_reader_get_n_fields (ctx->reader);
  ctx->header = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    ctx->header[i] = trimmed (bo_csv_reader_get_field (ctx->reader, i, NULL));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *norm = _bo_import_normalise_header (ctx->header[i]);
      BoImportColumnState state = BO_IMPORT_COLUMN_UNKNOWN;
      BoField field = BO_FIELD_NONE;
      gpointer value;

      if (ctx->mapping != NULL && g_hash_table_lookup_extended (ctx->mapping, norm, NULL, &value))
        {
          field = GPOINTER_TO_INT (value) - 1;
          state = field != BO_FIELD_NONE ? BO_IMPORT_COLUMN_MAPPED : BO_IMPORT_COLUMN_IGNORED;
          g_hash_table_add (mapped, g_strdup (norm));
        }
      else
        {
          for (guint k = 0; k < ctx->spec->n_columns && field == BO_FIELD_NONE; k++)
            if (in_list (ctx->spec->columns[k].headers, norm))
              field = ctx->spec->columns[k].field;
          if (field != BO_FIELD_NONE)
            state = BO_IMPORT_COLUMN_RECOGNISED;
          else if (is_ignored (ctx->spec->ignored, norm))
            state = BO_IMPORT_COLUMN_IGNORED;
        }

      if (field != BO_FIELD_NONE && ctx->columns[field] >= 0)
        {
          _bo_import_plan_add_problem (ctx->plan, BO_IMPORT_WARNING, 1, i + 1, ctx->header[i],
                                       g_strdup_printf (_("Row 1, column “%s”: column “%s” gives "
                                                          "the %s already; this one is not used"),
                                                        ctx->header[i],
                                                        ctx->header[ctx->columns[field]],
                                                        _bo_field_label (field)));
          field = BO_FIELD_NONE;
          state = BO_IMPORT_COLUMN_IGNORED;
        }
      else if (field != BO_FIELD_NONE)
        ctx->columns[field] = i;
      _bo_import_plan_add_column (ctx->plan, i, ctx->header[i], field, state);
    }

  /* A mapping that names a header the file does not have is a typo. */
  if (ctx->mapping != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, ctx->mapping);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (mapped, key))
          _bo_import_plan_add_problem (ctx->plan, BO_IMPORT_ERROR, 1, 0, NULL,
                                       g_strdup_printf (_("Row 1: the mapping names a column "
                                                          "“%s”, but the file has no such "
                                                          "column"), (const char *) key));
    }

  for (guint k = 0; k < ctx->spec->n_columns; k++)
    if (ctx->spec->columns[k].need != BO_NEED_OPTIONAL &&
        ctx->columns[ctx->spec->columns[k].field] < 0)
      report_missing (ctx, &ctx->spec->columns[k]);
  return TRUE;
}

/**
 * _bo_import_next_row:
 *
 * Reads the next row whose number of values is the header's. A row with
 * another number of values is a problem, and is passed over; so is the
 * rest of the file after a problem of the CSV itself.
 *
 * Returns: %TRUE for a row; %FALSE at the end, or with @error set when
 *   cancelled or the file cannot be read
 */
gboolean
_bo_import_next_row (BoImportContext  *ctx,
                     GError          **error)
{
  for (;;)
    {
      GError *local_error = NULL;
      guint n, expected;

      if (ctx->failed)
        return FALSE;
      if (!bo_csv_reader_next (ctx->reader, ctx->cancellable, &local_error))
        {
          if (local_error == NULL)
            return FALSE;
          reader_failed (ctx, local_error, error);
          return FALSE;
        }
      ctx->row = bo_csv_reader_get_row (ctx->reader);
      if ((ctx->row & 255) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
            return FALSE;
          if (ctx->progress != NULL && ctx->size > 0)
            ctx->progress (MIN ((double) bo_csv_reader_get_offset (ctx->reader) / ctx->size, 1.0),
                           ctx->progress_data);
        }

      n = bo_csv_reader_get_n_fields (ctx->reader);
      expected = g_strv_length (ctx->header);
      if (n != expected)
        {
          _bo_import_row_problem (ctx, BO_IMPORT_ERROR, ctx->row,
                                  _("%u values where the header has %u columns; a value "
                                    "probably holds an unquoted separator or line break"),
                                  n, expected);
          continue;
        }
      _bo_import_plan_set_n_rows (ctx->plan, ctx->row - 1);
      return TRUE;
    }
}

gboolean
_bo_import_has (BoImportContext *ctx,
                BoField          field)
{
  return ctx->columns[field] >= 0;
}

/**
 * _bo_import_get:
 *
 * Returns: the field's value in the current row, untrimmed; "" when the file
 *   has no such column
 */
const char *
_bo_import_get (BoImportContext *ctx,
                BoField          field)
{
  if (ctx->columns[field] < 0)
    return "";
  return bo_csv_reader_get_field (ctx->reader, ctx->columns[field], NULL);
}

/**
 * _bo_import_dup:
 *
 * Returns: (transfer full) (nullable): the value trimmed, or %NULL when empty
 */
char *
_bo_import_dup (BoImportContext *ctx,
                BoField          field)
{
  char *value = trimmed (_bo_import_get (ctx, field));
  gboolean multiline = field == BO_FIELD_ADDRESS || field == BO_FIELD_NOTES;
  gunichar c;

  if (*value == '\0')
    {
      g_clear_pointer (&value, g_free);
      return NULL;
    }
  /* The store's rules, found here so that the plan shows them by row and
   * column instead of the apply failing on the first. */
  c = bo_text_find_control (value, multiline ? BO_TEXT_MULTILINE : BO_TEXT_LINE);
  if (c == '\n' || c == '\r')
    _bo_import_problem (ctx, BO_IMPORT_ERROR, field,
                        _("the value holds a line break; it must fit on one line"));
  else if (c != 0)
    _bo_import_problem (ctx, BO_IMPORT_ERROR, field,
                        _("the value holds a control character (U+%04X), such as a terminal "
                          "escape"), c);
  else if (field == BO_FIELD_SKU && (c = bo_sku_find_forbidden (value)) != 0)
    {
      if (g_unichar_isspace (c))
        _bo_import_problem (ctx, BO_IMPORT_ERROR, field,
                            _("the SKU “%s” holds a space; a SKU is one word"), value);
      else
        _bo_import_problem (ctx, BO_IMPORT_ERROR, field,
                            _("the SKU “%s” holds “%c”, which order lines use to separate "
                              "SKU, quantity and price"), value, (int) c);
    }
  return value;
}

static gboolean
is_empty (BoImportContext *ctx,
          BoField          field)
{
  const char *value = _bo_import_get (ctx, field);

  while (g_ascii_isspace (*value))
    value++;
  return *value == '\0';
}

/**
 * _bo_import_get_money:
 * @value: (out): minor units; -1 when the value is empty
 *
 * Returns: %FALSE when the value is not an amount (an error was added)
 */
gboolean
_bo_import_get_money (BoImportContext *ctx,
                      BoField          field,
                      gint64          *value)
{
  *value = -1;
  if (is_empty (ctx, field))
    return TRUE;
  if (_bo_import_parse_money (_bo_import_get (ctx, field), ctx->currency, value))
    {
      g_autofree char *max = NULL;

      if (*value <= BO_MONEY_MAX)
        return TRUE;
      max = bo_money_format_plain_in (BO_MONEY_MAX, ctx->currency);
      _bo_import_problem (ctx, BO_IMPORT_ERROR, field,
                          _("“%s” is more than the largest amount, %s"),
                          _bo_import_get (ctx, field), max);
      *value = -1;
      return FALSE;
    }
  *value = -1;
  {
    guint decimals = bo_currency_exponent (ctx->currency);
    g_autofree char *example =
      bo_money_format (decimals == 0 ? 1250 : bo_money_from_major (12.5, ctx->currency),
                       ctx->currency, BO_MONEY_DATA);

    /* TRANSLATORS: the second %s is an example amount, e.g. "12.50" or "1250" */
    _bo_import_problem (ctx, BO_IMPORT_ERROR, field,
                        _("“%s” is not an amount; write it like %s, without a currency sign or "
                          "thousands separators"), _bo_import_get (ctx, field), example);
  }
  return FALSE;
}

/**
 * _bo_import_get_signed:
 * @value: (out): the number; 0 when empty
 */
gboolean
_bo_import_get_signed (BoImportContext *ctx,
                       BoField          field,
                       gint64          *value)
{
  *value = 0;
  if (is_empty (ctx, field))
    return TRUE;
  if (_bo_import_parse_integer (_bo_import_get (ctx, field), value))
    return TRUE;
  *value = 0;
  _bo_import_problem (ctx, BO_IMPORT_ERROR, field, _("“%s” is not a whole number"),
                      _bo_import_get (ctx, field));
  return FALSE;
}

/**
 * _bo_import_get_count:
 * @max: the largest value allowed
 * @value: (out): the number, from 0 to @max; -1 when empty
 */
gboolean
_bo_import_get_count (BoImportContext *ctx,
                      BoField          field,
                      gint64           max,
                      gint64          *value)
{
  *value = -1;
  if (is_empty (ctx, field))
    return TRUE;
  if (!_bo_import_parse_integer (_bo_import_get (ctx, field), value))
    {
      *value = -1;
      _bo_import_problem (ctx, BO_IMPORT_ERROR, field, _("“%s” is not a whole number"),
                          _bo_import_get (ctx, field));
      return FALSE;
    }
  if (*value < 0)
    {
      if (field == BO_FIELD_STOCK)
        _bo_import_problem (ctx, BO_IMPORT_ERROR, field,
                            _("the stock is %" PRId64 "; stock on hand is never below "
                              "zero in Backorders: the %" PRId64 " units sold beyond "
                              "stock are backorders — set the stock to 0 and import the orders"),
                            *value, -*value);
      else
        _bo_import_problem (ctx, BO_IMPORT_ERROR, field, _("%" PRId64 " is negative"),
                            *value);
      *value = -1;
      return FALSE;
    }
  if (*value > max)
    {
      _bo_import_problem (ctx, BO_IMPORT_ERROR, field,
                          _("%" PRId64 " is more than the largest value, %"
                            PRId64),
                          *value, max);
      *value = -1;
      return FALSE;
    }
  return TRUE;
}

/**
 * _bo_import_get_bool:
 * @value: (out): 0 or 1; -1 when empty
 */
gboolean
_bo_import_get_bool (BoImportContext *ctx,
                     BoField          field,
                     int             *value)
{
  *value = -1;
  if (is_empty (ctx, field))
    return TRUE;
  if (_bo_import_parse_bool (_bo_import_get (ctx, field), value))
    return TRUE;
  *value = -1;
  _bo_import_problem (ctx, BO_IMPORT_ERROR, field, _("“%s” is neither yes nor no"),
                      _bo_import_get (ctx, field));
  return FALSE;
}

/**
 * _bo_import_get_policy:
 * @value: (out): a #BoBackorderPolicy; -1 when empty
 */
gboolean
_bo_import_get_policy (BoImportContext *ctx,
                       BoField          field,
                       int             *value)
{
  *value = -1;
  if (is_empty (ctx, field))
    return TRUE;
  if (_bo_import_parse_policy (_bo_import_get (ctx, field), value))
    return TRUE;
  *value = -1;
  _bo_import_problem (ctx, BO_IMPORT_ERROR, field,
                      _("“%s” is not a backorder policy (allow, deny, continue, notify, 1 or 0)"),
                      _bo_import_get (ctx, field));
  return FALSE;
}

/**
 * _bo_import_get_time:
 * @value: (out): Unix seconds; 0 when empty
 */
gboolean
_bo_import_get_time (BoImportContext *ctx,
                     BoField          field,
                     gint64          *value)
{
  *value = 0;
  if (is_empty (ctx, field))
    return TRUE;
  if (_bo_import_parse_time (_bo_import_get (ctx, field), value))
    return TRUE;
  *value = 0;
  _bo_import_problem (ctx, BO_IMPORT_ERROR, field,
                      _("“%s” is not a date; write it like 2026-03-01 or 2026-03-01 14:30"),
                      _bo_import_get (ctx, field));
  return FALSE;
}
