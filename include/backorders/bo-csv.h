/* bo-csv.h — reading and writing CSV files (RFC 4180)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BO_CSV_ERROR (bo_csv_error_quark ())

/**
 * BoCsvError:
 * @BO_CSV_ERROR_UNCLOSED_QUOTE: a quoted value is never closed
 * @BO_CSV_ERROR_STRAY_QUOTE: text follows the closing quote of a value
 * @BO_CSV_ERROR_FIELD_TOO_LONG: a value is longer than the reader's limit
 * @BO_CSV_ERROR_TOO_MANY_FIELDS: a row has more values than the reader's limit
 * @BO_CSV_ERROR_FILE_TOO_LARGE: the file is larger than the reader's limit
 * @BO_CSV_ERROR_BINARY: the file holds NUL bytes: it is not text
 * @BO_CSV_ERROR_ENCODING: the text is not UTF-8
 * @BO_CSV_ERROR_DELIMITER: the header has one column, but another separator
 *   would split it
 * @BO_CSV_ERROR_EMPTY: the file holds no row at all
 *
 * Error codes of the %BO_CSV_ERROR domain. Every message names the row and
 * the column (1-based, as a spreadsheet shows them) where reading stopped;
 * bo_csv_reader_get_row() and bo_csv_reader_get_column() give them as numbers.
 */
typedef enum
{
  BO_CSV_ERROR_UNCLOSED_QUOTE,
  BO_CSV_ERROR_STRAY_QUOTE,
  BO_CSV_ERROR_FIELD_TOO_LONG,
  BO_CSV_ERROR_TOO_MANY_FIELDS,
  BO_CSV_ERROR_FILE_TOO_LARGE,
  BO_CSV_ERROR_BINARY,
  BO_CSV_ERROR_ENCODING,
  BO_CSV_ERROR_DELIMITER,
  BO_CSV_ERROR_EMPTY,
} BoCsvError;

/* Limits of a new reader; bo_csv_reader_set_limits() changes them. */
#define BO_CSV_DEFAULT_MAX_FIELD  ((gsize) 1024 * 1024)
#define BO_CSV_DEFAULT_MAX_BYTES  (G_GUINT64_CONSTANT (512) * 1024 * 1024)
#define BO_CSV_DEFAULT_MAX_FIELDS 4096

typedef struct _BoCsvReader BoCsvReader;
typedef struct _BoCsvWriter BoCsvWriter;

GQuark       bo_csv_error_quark            (void);

BoCsvReader *bo_csv_reader_new             (GInputStream  *stream);
BoCsvReader *bo_csv_reader_new_for_data    (const char    *data,
                                            gsize          length);
void         bo_csv_reader_free            (BoCsvReader   *reader);
void         bo_csv_reader_set_delimiter   (BoCsvReader   *reader,
                                            char           delimiter);
void         bo_csv_reader_set_limits      (BoCsvReader   *reader,
                                            gsize          max_field,
                                            guint64        max_bytes,
                                            guint          max_fields);
gboolean     bo_csv_reader_next            (BoCsvReader   *reader,
                                            GCancellable  *cancellable,
                                            GError       **error);
guint        bo_csv_reader_get_n_fields    (BoCsvReader   *reader);
const char  *bo_csv_reader_get_field       (BoCsvReader   *reader,
                                            guint          index,
                                            gsize         *length);
char       **bo_csv_reader_dup_fields      (BoCsvReader   *reader);
guint64      bo_csv_reader_get_row         (BoCsvReader   *reader);
guint        bo_csv_reader_get_column      (BoCsvReader   *reader);
guint64      bo_csv_reader_get_line        (BoCsvReader   *reader);
guint64      bo_csv_reader_get_offset      (BoCsvReader   *reader);
char         bo_csv_reader_get_delimiter   (BoCsvReader   *reader);
gboolean     bo_csv_reader_get_had_bom     (BoCsvReader   *reader);

/**
 * BoCsvWriterFlags:
 * @BO_CSV_WRITER_NONE: plain UTF-8
 * @BO_CSV_WRITER_BOM: start with a byte-order mark, so that spreadsheets
 *   read the file as UTF-8
 */
typedef enum
{
  BO_CSV_WRITER_NONE = 0,
  BO_CSV_WRITER_BOM  = 1 << 0,
} BoCsvWriterFlags;

BoCsvWriter *bo_csv_writer_new             (GOutputStream    *stream,
                                            BoCsvWriterFlags  flags);
void         bo_csv_writer_free            (BoCsvWriter      *writer);
void         bo_csv_writer_set_currency    (BoCsvWriter      *writer,
                                            const char       *currency);
void         bo_csv_writer_add_text        (BoCsvWriter      *writer,
                                            const char       *text);
void         bo_csv_writer_add_int         (BoCsvWriter      *writer,
                                            gint64            value);
void         bo_csv_writer_add_money       (BoCsvWriter      *writer,
                                            gint64            minor);
void         bo_csv_writer_add_date        (BoCsvWriter      *writer,
                                            guint32           julian);
gboolean     bo_csv_writer_end_row         (BoCsvWriter      *writer,
                                            GCancellable     *cancellable,
                                            GError          **error);
gboolean     bo_csv_writer_write_row       (BoCsvWriter      *writer,
                                            const char * const *texts,
                                            GCancellable     *cancellable,
                                            GError          **error);
gboolean     bo_csv_writer_close           (BoCsvWriter      *writer,
                                            GCancellable     *cancellable,
                                            GError          **error);

char        *bo_csv_escape_text            (const char       *text,
                                            char              delimiter);
gboolean     bo_csv_is_formula_like        (const char       *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoCsvReader, bo_csv_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoCsvWriter, bo_csv_writer_free)

G_END_DECLS
