/* bo-reason-private.h — what the reason sentences share with the allocation
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *_bo_share_format (gint64  supply,
                        gint64  open,
                        gint64  total,
                        gint64 *whole);

G_END_DECLS
