/* bo-csv.c — reading and writing CSV files (RFC 4180)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader follows RFC 4180 (quoted values, embedded line breaks, doubled
 * quotes, CRLF) and accepts what the platforms merchants use write besides:
 * LF or CR line ends, a UTF-8 byte-order mark, semicolons or tabs as
 * separators. What cannot be read without guessing (a quote never closed,
 * text after a closing quote, bytes that are not UTF-8 text) stops reading
 * with an error that names the row and the column. A quote inside a value
 * that does not start with one is kept as it is, as every spreadsheet does.
 */
#define G_LOG_DOMAIN "bo-csv"

#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n-lib.h>

#include "backorders/bo-csv.h"
#include "backorders/bo-money.h"
#include "backorders/bo-period.h"

#define CHUNK_SIZE      (64 * 1024)
/* How far the separator detection looks for the end of the header. */
#define MAX_HEADER_PEEK (4 * 1024 * 1024)

G_DEFINE_QUARK (bo-csv-error-quark, bo_csv_error)

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_SEEN,   /* a quote inside a quoted value: closing, or the first of two */
} State;

struct _BoCsvReader
{
  /* owned */
  GInputStream *stream;
  char         *buf;
  GString      *row;       /* the values of the current row, each NUL-terminated */
  GArray       *starts;    /* gsize: where each value starts in row */
  GError       *failure;   /* the error that stopped reading, repeated after */

  gsize         buf_size;
  gsize         pos;
  gsize         len;
  guint64       base;      /* stream offset of buf[0] */
  guint64       consumed;  /* bytes read from the stream */
  gboolean      eof;

  char          delimiter; /* 0 until known */
  gboolean      started;
  gboolean      finished;
  gboolean      had_bom;
  gboolean      last_cr;   /* inside a quoted value: the previous byte was CR */
  gboolean      any_row;   /* a row has been returned */

  gsize         max_field;
  guint64       max_bytes;
  guint         max_fields;

  guint64       row_number;  /* of the current row, or of the row that failed */
  guint64       line;        /* physical line the parser is on */
  guint64       row_line;    /* line on which the current row starts */
  guint         column;      /* column of the error, 0 when none */
};

/* ---- reading -------------------------------------------------------------- */

/**
 * bo_csv_reader_new:
 * @stream: the text to read; the reader keeps a reference
 *
 * Returns: (transfer full): a reader that detects the separator (comma,
 *   semicolon or tab) from the header unless bo_csv_reader_set_delimiter()
 *   fixes it
 */
BoCsvReader *
bo_csv_reader_new (GInputStream *stream)
{
  BoCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (BoCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->buf_size = CHUNK_SIZE;
  self->buf = g_malloc (self->buf_size);
  self->row = g_string_sized_new (1024);
  self->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->max_field = BO_CSV_DEFAULT_MAX_FIELD;
  self->max_bytes = BO_CSV_DEFAULT_MAX_BYTES;
  self->max_fields = BO_CSV_DEFAULT_MAX_FIELDS;
  self->line = 1;
  return self;
}

/**
 * bo_csv_reader_new_for_data:
 * @data: (array length=length): the text; copied
 */
BoCsvReader *
bo_csv_reader_new_for_data (const char *data,
                            gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  return bo_csv_reader_new (stream);
}

void
bo_csv_reader_free (BoCsvReader *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  g_free (self->buf);
  g_string_free (self->row, TRUE);
  g_array_unref (self->starts);
  g_clear_error (&self->failure);
  g_free (self);
}

/**
 * bo_csv_reader_set_delimiter:
 * @delimiter: ',', ';' or '\t'; 0 to detect it from the header
 *
 * Fixes the separator. When the header then has one column but another
 * separator would split it, reading fails with %BO_CSV_ERROR_DELIMITER.
 */
void
bo_csv_reader_set_delimiter (BoCsvReader *self,
                             char         delimiter)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->started);
  g_return_if_fail (delimiter != '"' && delimiter != '\r' && delimiter != '\n');
  self->delimiter = delimiter;
}

/**
 * bo_csv_reader_set_limits:
 * @max_field: the longest value, in bytes
 * @max_bytes: the largest file, in bytes
 * @max_fields: the most values in a row
 *
 * Input beyond a limit is an error, never a reason to allocate without end.
 */
void
bo_csv_reader_set_limits (BoCsvReader *self,
                          gsize        max_field,
                          guint64      max_bytes,
                          guint        max_fields)
{
  g_return_if_fail (self != NULL);
  self->max_field = MAX (max_field, 1);
  self->max_bytes = MAX (max_bytes, 1);
  self->max_fields = MAX (max_fields, 1);
}

static gboolean
fail (BoCsvReader  *self,
      GError      **error,
      BoCsvError    code,
      guint         column,
      const char   *format,
      ...) G_GNUC_PRINTF (5, 6);

static gboolean
fail (BoCsvReader  *self,
      GError      **error,
      BoCsvError    code,
      guint         column,
      const char   *format,
      ...)
{
  va_list args;

  self->column = column;
  va_start (args, format);
  self->failure = g_error_new_valist (BO_CSV_ERROR, code, format, args);
  va_end (args);
  g_propagate_error (error, g_error_copy (self->failure));
  return FALSE;
}

/* Reads more of the stream behind what is still unparsed. */
static gboolean
fill (BoCsvReader   *self,
      GCancellable  *cancellable,
      GError       **error)
{
  GError *local_error = NULL;
  gssize n;

  if (self->eof)
    return TRUE;
  if (self->pos > 0)
    {
      memmove (self->buf, self->buf + self->pos, self->len - self->pos);
      self->base += self->pos;
      self->len -= self->pos;
      self->pos = 0;
    }
  if (self->buf_size - self->len < CHUNK_SIZE)
    {
      self->buf_size = self->len + CHUNK_SIZE;
      self->buf = g_realloc (self->buf, self->buf_size);
    }

  n = g_input_stream_read (self->stream, self->buf + self->len, self->buf_size - self->len,
                           cancellable, &local_error);
  if (n < 0)
    {
      self->failure = g_error_copy (local_error);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (n == 0)
    self->eof = TRUE;
  self->len += n;
  self->consumed += n;
  if (self->consumed > self->max_bytes)
    {
      g_autofree char *size = g_format_size_full (self->max_bytes, G_FORMAT_SIZE_IEC_UNITS);

      /* Before the first row is parsed, the header is what is being read. */
      self->row_number = MAX (self->row_number, 1);

      return fail (self, error, BO_CSV_ERROR_FILE_TOO_LARGE, 0,
                   _("Row %" PRIu64 ": the file is larger than %s, more than a shop "
                     "export holds; import it in parts"), self->row_number, size);
    }
  return TRUE;
}

static const char *
delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ',':
      return _("comma");
    case ';':
      return _("semicolon");
    case '\t':
      return _("tab");
    case '|':
      return _("vertical bar");
    default:
      return "?";
    }
}

/* Looks at the header for the separator: the candidate that splits it into
 * the most columns. Only bytes outside quotes count. */
static gboolean
detect_delimiter (BoCsvReader   *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean in_quotes = FALSE;
  gboolean started = FALSE;
  gsize i = self->pos;
  guint best = 0;

  for (;;)
    {
      for (; i < self->len; i++)
        {
          char c = self->buf[i];

          /* Blank lines before the header are passed over, as reading does. */
          if (!started && (c == '\n' || c == '\r'))
            continue;
          started = TRUE;
          if (c == '"')
            in_quotes = !in_quotes;
          else if (!in_quotes && (c == '\n' || c == '\r'))
            goto counted;
          else if (!in_quotes)
            for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
              counts[k] += c == candidates[k];
        }
      if (self->eof || self->len - self->pos > MAX_HEADER_PEEK)
        break;
      i -= self->pos;
      if (!fill (self, cancellable, error))
        return FALSE;
      i += self->pos;
    }
counted:
  /* The last candidate, '|', is never used: it only explains a failure. */
  for (guint k = 1; k < G_N_ELEMENTS (candidates) - 1; k++)
    if (counts[k] > counts[best])
      best = k;

  if (self->delimiter != 0)
    {
      guint fixed = G_N_ELEMENTS (candidates);

      for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
        if (candidates[k] == self->delimiter)
          fixed = k;
      if (fixed < G_N_ELEMENTS (candidates) && counts[fixed] == 0)
        for (guint k = 0; k < G_N_ELEMENTS (candidates) - 1; k++)
          if (counts[k] > 0)
            {
              self->row_number = 1;
              return fail (self, error, BO_CSV_ERROR_DELIMITER, 1,
                           _("Row 1: the header is one single column when separated by a %s, "
                             "but a %s splits it into %u columns: the file uses another separator"),
                           delimiter_name (self->delimiter), delimiter_name (candidates[k]),
                           counts[k] + 1);
            }
      return TRUE;
    }

  if (counts[best] == 0 && counts[G_N_ELEMENTS (candidates) - 1] > 0)
    {
      self->row_number = 1;
      return fail (self, error, BO_CSV_ERROR_DELIMITER, 1,
                   _("Row 1: the header is one single column; the file seems to be separated by "
                     "vertical bars (%u of them), but CSV files are separated by commas, "
                     "semicolons or tabs"), counts[G_N_ELEMENTS (candidates) - 1]);
    }
  self->delimiter = candidates[best];
  return TRUE;
}

static gboolean
start (BoCsvReader   *self,
       GCancellable  *cancellable,
       GError       **error)
{
  self->started = TRUE;
  while (self->len < CHUNK_SIZE && !self->eof)
    if (!fill (self, cancellable, error))
      return FALSE;

  if (self->len >= 3 && memcmp (self->buf, "\xef\xbb\xbf", 3) == 0)
    {
      self->had_bom = TRUE;
      self->pos = 3;
    }
  else if (self->len >= 2 && (memcmp (self->buf, "\xff\xfe", 2) == 0 ||
                              memcmp (self->buf, "\xfe\xff", 2) == 0))
    {
      self->row_number = 1;
      return fail (self, error, BO_CSV_ERROR_ENCODING, 1,
                   _("Row 1: the file is UTF-16 text; save it as “CSV UTF-8” instead"));
    }
  /* A file of another kind (a spreadsheet, a picture) shows itself by NUL
   * bytes early on: say so, rather than that its first value is not UTF-8. */
  if (memchr (self->buf + self->pos, '\0', self->len - self->pos) != NULL)
    {
      const char *nul = memchr (self->buf + self->pos, '\0', self->len - self->pos);
      gsize at = nul - self->buf;

      self->row_number = 1;
      return fail (self, error, BO_CSV_ERROR_BINARY, 1,
                   _("Row 1: the file holds binary data (a NUL byte at byte %zu); "
                     "it is not a CSV text file"), at);
    }
  return detect_delimiter (self, cancellable, error);
}

static gboolean
begin_field (BoCsvReader  *self,
             GError      **error)
{
  gsize start = self->row->len;

  if (self->starts->len >= self->max_fields)
    return fail (self, error, BO_CSV_ERROR_TOO_MANY_FIELDS, self->starts->len + 1,
                 _("Row %" PRIu64 ": more than %u columns"), self->row_number,
                 self->max_fields);
  g_array_append_val (self->starts, start);
  return TRUE;
}

static gboolean
end_field (BoCsvReader  *self,
           GError      **error)
{
  gsize start = g_array_index (self->starts, gsize, self->starts->len - 1);

  if (!g_utf8_validate_len (self->row->str + start, self->row->len - start, NULL))
    return fail (self, error, BO_CSV_ERROR_ENCODING, self->starts->len,
                 _("Row %" PRIu64 ", column %u: the text is not UTF-8; save the file "
                   "as “CSV UTF-8”"), self->row_number, self->starts->len);
  g_string_append_c (self->row, '\0');
  return TRUE;
}

static gboolean
append (BoCsvReader  *self,
        const char   *data,
        gsize         length,
        gboolean      quoted,
        GError      **error)
{
  gsize start = g_array_index (self->starts, gsize, self->starts->len - 1);

  if (self->row->len - start + length > self->max_field)
    {
      g_autofree char *size = g_format_size_full (self->max_field, G_FORMAT_SIZE_IEC_UNITS);

      if (quoted)
        return fail (self, error, BO_CSV_ERROR_FIELD_TOO_LONG, self->starts->len,
                     _("Row %" PRIu64 ", column %u: the quoted value that starts here "
                       "runs on for more than %s; probably its closing quote is missing"),
                     self->row_number, self->starts->len, size);
      return fail (self, error, BO_CSV_ERROR_FIELD_TOO_LONG, self->starts->len,
                   _("Row %" PRIu64 ", column %u: a value is longer than %s"),
                   self->row_number, self->starts->len, size);
    }
  g_string_append_len (self->row, data, length);
  return TRUE;
}

static gboolean
binary (BoCsvReader  *self,
        GError      **error)
{
  return fail (self, error, BO_CSV_ERROR_BINARY, MAX (self->starts->len, 1),
               _("Row %" PRIu64 ", column %u: the file holds binary data (a NUL byte "
                 "at byte %" PRIu64 "); it is not a CSV text file"),
               self->row_number, MAX (self->starts->len, 1), self->base + self->pos);
}

/* Consumes a line end (CR, LF or CRLF) outside quotes. */
static gboolean
consume_line_end (BoCsvReader   *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gboolean cr = self->buf[self->pos] == '\r';

  self->pos++;
  self->line++;
  if (cr)
    {
      if (self->pos == self->len && !fill (self, cancellable, error))
        return FALSE;
      if (self->pos < self->len && self->buf[self->pos] == '\n')
        self->pos++;
    }
  return TRUE;
}

/* Parses one row into row/starts. Sets *got to FALSE at the end of the input. */
static gboolean
parse_row (BoCsvReader   *self,
           GCancellable  *cancellable,
           gboolean      *got,
           GError       **error)
{
  State state = STATE_FIELD_START;
  gboolean any = FALSE;
  const char delim = self->delimiter;

  g_string_truncate (self->row, 0);
  g_array_set_size (self->starts, 0);
  self->row_number++;
  self->row_line = self->line;
  *got = TRUE;
  if (!begin_field (self, error))
    return FALSE;

  for (;;)
    {
      char c;

      if (self->pos == self->len)
        {
          if (!self->eof)
            {
              if (!fill (self, cancellable, error))
                return FALSE;
              continue;
            }
          if (state == STATE_QUOTED)
            return fail (self, error, BO_CSV_ERROR_UNCLOSED_QUOTE, self->starts->len,
                         _("Row %" PRIu64 ", column %u: the quoted value that starts "
                           "on line %" PRIu64 " is never closed; a closing quote (\") "
                           "is missing"),
                         self->row_number, self->starts->len, self->row_line);
          if (!any)
            {
              self->row_number--;
              *got = FALSE;
              return TRUE;
            }
          return end_field (self, error);
        }

      c = self->buf[self->pos];
      any = TRUE;
      switch (state)
        {
        case STATE_FIELD_START:
          if (c == '"')
            {
              state = STATE_QUOTED;
              self->last_cr = FALSE;
              self->pos++;
              break;
            }
          state = STATE_UNQUOTED;
          G_GNUC_FALLTHROUGH;

        case STATE_UNQUOTED:
          if (c == delim)
            {
              self->pos++;
              if (!end_field (self, error) || !begin_field (self, error))
                return FALSE;
              state = STATE_FIELD_START;
            }
          else if (c == '\n' || c == '\r')
            return consume_line_end (self, cancellable, error) && end_field (self, error);
          else if (c == '\0')
            return binary (self, error);
          else
            {
              gsize end = self->pos + 1;

              while (end < self->len)
                {
                  char d = self->buf[end];
                  if (d == delim || d == '\n' || d == '\r' || d == '\0')
                    break;
                  end++;
                }
              if (!append (self, self->buf + self->pos, end - self->pos, FALSE, error))
                return FALSE;
              self->pos = end;
            }
          break;

        case STATE_QUOTED:
          if (c == '"')
            {
              state = STATE_QUOTE_SEEN;
              self->pos++;
            }
          else if (c == '\0')
            return binary (self, error);
          else
            {
              gsize end = self->pos;

              while (end < self->len)
                {
                  char d = self->buf[end];
                  if (d == '"' || d == '\0')
                    break;
                  if (d == '\n' && !self->last_cr)
                    self->line++;
                  else if (d == '\r')
                    self->line++;
                  self->last_cr = d == '\r';
                  end++;
                }
              if (!append (self, self->buf + self->pos, end - self->pos, TRUE, error))
                return FALSE;
              self->pos = end;
            }
          break;

        case STATE_QUOTE_SEEN:
          if (c == '"')
            {
              if (!append (self, "\"", 1, TRUE, error))
                return FALSE;
              self->last_cr = FALSE;
              state = STATE_QUOTED;
              self->pos++;
            }
          else if (c == delim)
            {
              self->pos++;
              if (!end_field (self, error) || !begin_field (self, error))
                return FALSE;
              state = STATE_FIELD_START;
            }
          else if (c == '\n' || c == '\r')
            return consume_line_end (self, cancellable, error) && end_field (self, error);
          else
            return fail (self, error, BO_CSV_ERROR_STRAY_QUOTE, self->starts->len,
                         _("Row %" PRIu64 ", column %u (line %" PRIu64 "): "
                           "text follows the closing quote of a value; a quote inside a quoted "
                           "value must be written twice (\"\")"),
                         self->row_number, self->starts->len, self->line);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/**
 * bo_csv_reader_next:
 * @cancellable: (nullable): stops reading between two chunks
 *
 * Reads the next row; the first row is the header. Blank lines are passed
 * over, but they count as rows, as in a spreadsheet.
 *
 * Returns: %TRUE when a row was read; %FALSE at the end of the file (with
 *   @error unset) or with @error set. An empty file is an error.
 */
gboolean
bo_csv_reader_next (BoCsvReader   *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return FALSE;
    }
  if (self->finished)
    return FALSE;
  if (!self->started && !start (self, cancellable, error))
    return FALSE;

  for (;;)
    {
      gboolean got;

      if (!parse_row (self, cancellable, &got, error))
        {
          self->finished = TRUE;
          return FALSE;
        }
      if (!got)
        {
          self->finished = TRUE;
          if (!self->any_row)
            {
              self->row_number = 0;
              return fail (self, error, BO_CSV_ERROR_EMPTY, 0, _("The file is empty"));
            }
          return FALSE;
        }
      /* A blank line: one empty, unquoted value. */
      if (self->starts->len == 1 && self->row->len == 1)
        continue;
      self->any_row = TRUE;
      return TRUE;
    }
}

guint
bo_csv_reader_get_n_fields (BoCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->failure != NULL ? 0 : self->starts->len;
}

/**
 * bo_csv_reader_get_field:
 * @index: the column, from 0
 * @length: (out) (optional): its length in bytes
 *
 * Returns: the value, valid until the next row is read; "" beyond the last
 *   column of the row
 */
const char *
bo_csv_reader_get_field (BoCsvReader *self,
                         guint        index,
                         gsize       *length)
{
  gsize start, end;

  g_return_val_if_fail (self != NULL, NULL);

  if (index >= bo_csv_reader_get_n_fields (self))
    {
      if (length != NULL)
        *length = 0;
      return "";
    }
  start = g_array_index (self->starts, gsize, index);
  end = index + 1 < self->starts->len ? g_array_index (self->starts, gsize, index + 1)
                                      : self->row->len;
  if (length != NULL)
    *length = end - start - 1;
  return self->row->str + start;
}

/**
 * bo_csv_reader_dup_fields:
 *
 * Returns: (transfer full): the values of the current row
 */
char **
bo_csv_reader_dup_fields (BoCsvReader *self)
{
  guint n = bo_csv_reader_get_n_fields (self);
  char **fields = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    fields[i] = g_strdup (bo_csv_reader_get_field (self, i, NULL));
  return fields;
}

/**
 * bo_csv_reader_get_row:
 *
 * Returns: the number of the current row (the header is row 1), or of the
 *   row where reading failed
 */
guint64
bo_csv_reader_get_row (BoCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->row_number;
}

/**
 * bo_csv_reader_get_column:
 *
 * Returns: the column (from 1) where reading failed, or 0
 */
guint
bo_csv_reader_get_column (BoCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->column;
}

/**
 * bo_csv_reader_get_line:
 *
 * Returns: the physical line on which the current row starts; it differs
 *   from the row when values hold line breaks
 */
guint64
bo_csv_reader_get_line (BoCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->row_line;
}

/**
 * bo_csv_reader_get_offset:
 *
 * Returns: how many bytes of the input have been read, for progress
 */
guint64
bo_csv_reader_get_offset (BoCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->base + self->pos;
}

char
bo_csv_reader_get_delimiter (BoCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->delimiter;
}

gboolean
bo_csv_reader_get_had_bom (BoCsvReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->had_bom;
}

/* ---- writing ---------------------------------------------------------------- */

struct _BoCsvWriter
{
  /* owned */
  GOutputStream   *stream;
  GString         *buffer;

  char            *currency;  /* for the decimals of amounts */
  BoCsvWriterFlags flags;
  guint            n_cells;   /* in the current row */
};

/**
 * bo_csv_is_formula_like:
 *
 * Whether a spreadsheet could run @text as a formula: it starts with =, +,
 * -, @, a tab or a carriage return (OWASP's list for CSV injection), or with
 * the full-width forms of the first four, which some spreadsheets fold.
 */
gboolean
bo_csv_is_formula_like (const char *text)
{
  static const gunichar wide[] = { 0xff1d, 0xff0b, 0xff0d, 0xff20 };
  gunichar first;

  if (text == NULL || *text == '\0')
    return FALSE;
  if (strchr ("=+-@\t\r", text[0]) != NULL)
    return TRUE;
  first = g_utf8_get_char_validated (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (wide); i++)
    if (first == wide[i])
      return TRUE;
  return FALSE;
}

/* Appends @text as one value: quoted when needed, neutralised when a
 * spreadsheet would run it. */
static void
append_escaped (GString    *out,
                const char *text,
                char        delimiter)
{
  gboolean formula;
  gboolean quote;
  gsize length;

  if (text == NULL || *text == '\0')
    return;
  length = strlen (text);
  formula = bo_csv_is_formula_like (text);
  /* Semicolons and tabs are quoted too: readers that guess the separator
   * (this one, spreadsheets) then cannot take them for one. */
  quote = formula || strchr (text, delimiter) != NULL || strpbrk (text, "\"\r\n;\t") != NULL ||
          text[0] == ' ' || text[length - 1] == ' ';
  if (quote)
    g_string_append_c (out, '"');
  /* OWASP's advice: a leading apostrophe makes the cell text. Spreadsheets
   * show it, which is the honest outcome: the value was not a number. A
   * leading tab, the other advice, is itself on the list of triggers. */
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  if (quote)
    g_string_append_c (out, '"');
}

/**
 * bo_csv_escape_text:
 * @text: (nullable): a value
 * @delimiter: the separator of the file
 *
 * Returns: (transfer full): @text as one CSV value, quoted when it holds the
 *   separator, a quote or a line break, and neutralised with a leading
 *   apostrophe when a spreadsheet would run it as a formula
 */
char *
bo_csv_escape_text (const char *text,
                    char        delimiter)
{
  GString *out = g_string_new (NULL);

  append_escaped (out, text, delimiter);
  return g_string_free (out, FALSE);
}

/**
 * bo_csv_writer_new:
 * @stream: where to write; the writer keeps a reference and never closes it
 *
 * Returns: (transfer full): a writer of comma-separated UTF-8 with CRLF line
 *   ends, as RFC 4180 has it
 */
BoCsvWriter *
bo_csv_writer_new (GOutputStream    *stream,
                   BoCsvWriterFlags  flags)
{
  BoCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_new0 (BoCsvWriter, 1);
  self->stream = g_object_ref (stream);
  self->buffer = g_string_sized_new (CHUNK_SIZE);
  self->flags = flags;
  if (flags & BO_CSV_WRITER_BOM)
    g_string_append (self->buffer, "\xef\xbb\xbf");
  return self;
}

void
bo_csv_writer_free (BoCsvWriter *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  g_string_free (self->buffer, TRUE);
  g_free (self->currency);
  g_free (self);
}

/**
 * bo_csv_writer_set_currency:
 * @currency: (nullable): the shop's currency
 *
 * Amounts are written with the currency's number of decimals (two when
 * none is set): "12.50" EUR, "8000" JPY, "1.234" KWD.
 */
void
bo_csv_writer_set_currency (BoCsvWriter *self,
                            const char  *currency)
{
  g_return_if_fail (self != NULL);
  g_free (self->currency);
  self->currency = g_strdup (currency);
}

static void
next_cell (BoCsvWriter *self)
{
  if (self->n_cells++ > 0)
    g_string_append_c (self->buffer, ',');
}

/**
 * bo_csv_writer_add_text:
 * @text: (nullable): a text value; neutralised when it looks like a formula
 */
void
bo_csv_writer_add_text (BoCsvWriter *self,
                        const char  *text)
{
  g_return_if_fail (self != NULL);
  next_cell (self);
  append_escaped (self->buffer, text, ',');
}

/**
 * bo_csv_writer_add_int:
 *
 * Adds a number. Numbers are never neutralised: a negative number is data.
 */
void
bo_csv_writer_add_int (BoCsvWriter *self,
                       gint64       value)
{
  g_return_if_fail (self != NULL);
  next_cell (self);
  g_string_append_printf (self->buffer, "%" PRId64, value);
}

/**
 * bo_csv_writer_add_money:
 * @minor: an amount in minor units, written as 12.50 (see
 *   bo_csv_writer_set_currency())
 */
void
bo_csv_writer_add_money (BoCsvWriter *self,
                         gint64       minor)
{
  g_autofree char *text = NULL;

  g_return_if_fail (self != NULL);
  next_cell (self);
  text = bo_money_format (minor, self->currency, BO_MONEY_DATA);
  g_string_append (self->buffer, text);
}

/**
 * bo_csv_writer_add_date:
 * @julian: a Julian day, or 0 for an empty value
 */
void
bo_csv_writer_add_date (BoCsvWriter *self,
                        guint32      julian)
{
  g_autofree char *text = NULL;

  g_return_if_fail (self != NULL);
  next_cell (self);
  text = bo_date_format_iso (julian);
  if (text != NULL)
    g_string_append (self->buffer, text);
}

static gboolean
flush_buffer (BoCsvWriter   *self,
              GCancellable  *cancellable,
              GError       **error)
{
  gboolean ok = g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                           NULL, cancellable, error);

  g_string_truncate (self->buffer, 0);
  return ok;
}

gboolean
bo_csv_writer_end_row (BoCsvWriter   *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  g_string_append (self->buffer, "\r\n");
  self->n_cells = 0;
  if (self->buffer->len >= CHUNK_SIZE)
    return flush_buffer (self, cancellable, error);
  return TRUE;
}

/**
 * bo_csv_writer_write_row:
 * @texts: (array zero-terminated=1): text values
 */
gboolean
bo_csv_writer_write_row (BoCsvWriter         *self,
                         const char * const  *texts,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (gsize i = 0; texts[i] != NULL; i++)
    bo_csv_writer_add_text (self, texts[i]);
  return bo_csv_writer_end_row (self, cancellable, error);
}

/**
 * bo_csv_writer_close:
 *
 * Writes what is buffered and flushes the stream; the stream stays open.
 */
gboolean
bo_csv_writer_close (BoCsvWriter   *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->n_cells > 0 && !bo_csv_writer_end_row (self, cancellable, error))
    return FALSE;
  return flush_buffer (self, cancellable, error) &&
         g_output_stream_flush (self->stream, cancellable, error);
}
