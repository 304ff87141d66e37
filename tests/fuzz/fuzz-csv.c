/* fuzz-csv.c — libFuzzer target: the CSV reader and writer
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input must end in rows or in an error with a row and column, never in
 * a crash, a hang or a leak. What the writer writes must read back as it
 * was written.
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "backorders/bo-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
read_all (const guint8 *data,
          size_t        size,
          char          delimiter,
          gboolean      small_limits,
          GPtrArray    *rows)
{
  g_autoptr(BoCsvReader) reader = bo_csv_reader_new_for_data ((const char *) data, size);
  g_autoptr(GError) error = NULL;

  if (delimiter != 0)
    bo_csv_reader_set_delimiter (reader, delimiter);
  if (small_limits)
    bo_csv_reader_set_limits (reader, 64, 4096, 8);
  while (bo_csv_reader_next (reader, NULL, &error))
    {
      guint n = bo_csv_reader_get_n_fields (reader);

      g_assert (n > 0);
      for (guint i = 0; i < n; i++)
        {
          gsize length;
          const char *field = bo_csv_reader_get_field (reader, i, &length);

          g_assert (strlen (field) == length);
          g_assert (g_utf8_validate (field, length, NULL));
        }
      if (rows != NULL)
        g_ptr_array_add (rows, bo_csv_reader_dup_fields (reader));
    }
  if (error != NULL)
    {
      g_assert (error->domain == BO_CSV_ERROR);
      g_assert (bo_csv_reader_get_row (reader) > 0 || error->code == BO_CSV_ERROR_EMPTY);
    }
}

/* Writes the rows and reads them back: the same values, neutralised
 * formulas aside. */
static void
round_trip (GPtrArray *rows)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(BoCsvWriter) writer = bo_csv_writer_new (out, BO_CSV_WRITER_BOM);
  g_autoptr(BoCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (out);
  guint row = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      char **fields = g_ptr_array_index (rows, r);

      /* A row of one empty value is a blank line: the reader passes it over. */
      if (fields[0] != NULL && fields[1] == NULL && fields[0][0] == '\0')
        continue;
      for (guint i = 0; fields[i] != NULL; i++)
        bo_csv_writer_add_text (writer, fields[i]);
      g_assert (bo_csv_writer_end_row (writer, NULL, NULL));
    }
  g_assert (bo_csv_writer_close (writer, NULL, NULL));
  g_assert (g_output_stream_close (out, NULL, NULL));

  reader = bo_csv_reader_new_for_data (g_memory_output_stream_get_data (memory),
                                       g_memory_output_stream_get_data_size (memory));
  bo_csv_reader_set_delimiter (reader, ',');
  for (guint r = 0; r < rows->len; r++)
    {
      char **fields = g_ptr_array_index (rows, r);

      if (fields[0] != NULL && fields[1] == NULL && fields[0][0] == '\0')
        continue;
      g_assert (bo_csv_reader_next (reader, NULL, &error));
      g_assert (bo_csv_reader_get_n_fields (reader) == g_strv_length (fields));
      for (guint i = 0; fields[i] != NULL; i++)
        {
          const char *read = bo_csv_reader_get_field (reader, i, NULL);

          if (bo_csv_is_formula_like (fields[i]))
            g_assert (*read++ == '\'');
          g_assert (strcmp (read, fields[i]) == 0);
        }
      row++;
    }
  g_assert (!bo_csv_reader_next (reader, NULL, &error));
  g_assert (error == NULL || row == 0);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  read_all (data, size, 0, FALSE, rows);
  read_all (data, size, ';', FALSE, NULL);
  read_all (data, size, ',', TRUE, NULL);
  if (rows->len > 0)
    round_trip (rows);
  return 0;
}
