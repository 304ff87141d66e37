/* bo-reader.h — a second connection to the shop, for reading in worker threads
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "backorders/bo-store.h"

G_BEGIN_DECLS

typedef struct _BoReader BoReader;

BoReader *bo_reader_get_for (BoStore  *store);
BoReader *bo_reader_ref     (BoReader *reader);
void      bo_reader_unref   (BoReader *reader);
BoStore  *bo_reader_lock    (BoReader *reader,
                             gint64    now);
void      bo_reader_unlock  (BoReader *reader);

/**
 * BoReadFunc:
 * Reads, in a worker thread, from @store only.
 * Returns: (transfer full) (nullable): what was read, or %NULL with @error set
 */
typedef gpointer (*BoReadFunc)     (BoStore       *store,
                                    gpointer       data,
                                    GError       **error);
/**
 * BoReadDoneFunc:
 * Takes, on the main thread, what a #BoReadFunc read for @owner.
 */
typedef void     (*BoReadDoneFunc) (gpointer       owner,
                                    gpointer       result,
                                    const GError  *error);

void      bo_reader_read    (BoReader       *reader,
                             gint64          now,
                             gpointer        owner,
                             GCancellable   *cancellable,
                             BoReadFunc      read,
                             gpointer        data,
                             GDestroyNotify  data_free,
                             GDestroyNotify  result_free,
                             BoReadDoneFunc  done);
void      bo_reader_set_read_wait (guint     milliseconds);
guint     bo_reader_get_read_wait (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoReader, bo_reader_unref)

G_END_DECLS
