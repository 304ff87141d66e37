/* bo-output-file.h — every file the program writes: never the shop, never half
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * BoOutputFileFlags:
 * @BO_OUTPUT_FILE_NONE: a file for people: a new file gets the usual
 *   permissions, a replaced file keeps its own
 * @BO_OUTPUT_FILE_PRIVATE: readable by its owner only (0600), also when it
 *   replaces a file that others could read (backups)
 * @BO_OUTPUT_FILE_MAKE_FOLDER: create the file's folder when it is missing
 *   but its own parent folder exists (one level, where the user named a new
 *   folder)
 * @BO_OUTPUT_FILE_SHOP_COPY: the store writing its own safety copy (the copy
 *   before an upgrade or a restore), which no other writer may replace
 */
typedef enum
{
  BO_OUTPUT_FILE_NONE        = 0,
  BO_OUTPUT_FILE_PRIVATE     = 1 << 0,
  BO_OUTPUT_FILE_MAKE_FOLDER = 1 << 1,
  BO_OUTPUT_FILE_SHOP_COPY   = 1 << 2,
} BoOutputFileFlags;

/**
 * BoOutputFile:
 *
 * A file being written: the content goes to a temporary file beside the
 * target, which replaces the target only when bo_output_file_commit() has
 * synced it to the disk. Freed without a commit, the temporary file is
 * removed and the target stays as it was.
 */
typedef struct _BoOutputFile BoOutputFile;

/**
 * BoOutputFileWriteFunc:
 *
 * Writes the whole content of a file to @stream.
 */
typedef gboolean (*BoOutputFileWriteFunc) (GOutputStream *stream,
                                           gpointer       data,
                                           GCancellable  *cancellable,
                                           GError       **error);

void           bo_output_file_protect_shop   (const char             *shop_path);
void           bo_output_file_unprotect_shop (const char             *shop_path);
gboolean       bo_output_file_check_target   (const char             *path,
                                              GError                **error);

BoOutputFile  *bo_output_file_new            (const char             *path,
                                              BoOutputFileFlags       flags,
                                              GError                **error);
const char    *bo_output_file_get_path       (BoOutputFile           *self);
const char    *bo_output_file_get_temp_path  (BoOutputFile           *self,
                                              GError                **error);
GOutputStream *bo_output_file_get_stream     (BoOutputFile           *self,
                                              GError                **error);
gboolean       bo_output_file_commit         (BoOutputFile           *self,
                                              GError                **error);
void           bo_output_file_explain_error  (BoOutputFile           *self,
                                              GError                **error);
void           bo_output_file_free           (BoOutputFile           *self);
void           bo_output_file_sweep_stale    (const char             *dir,
                                              const char             *prefix);

gboolean       bo_output_file_write          (const char             *path,
                                              BoOutputFileFlags       flags,
                                              BoOutputFileWriteFunc   func,
                                              gpointer                data,
                                              GCancellable           *cancellable,
                                              GError                **error);
gboolean       bo_output_file_write_bytes    (const char             *path,
                                              BoOutputFileFlags       flags,
                                              const void             *data,
                                              gsize                   size,
                                              GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoOutputFile, bo_output_file_free)

G_END_DECLS
