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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoReader, bo_reader_unref)

G_END_DECLS
