/* bo-format.h — numbers, money and dates as the user's locale writes them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *bo_format_money     (gint64       minor_units,
                           const char  *currency);
char *bo_format_quantity  (gint64       quantity);
char *bo_format_date      (guint32      julian);
char *bo_format_instant   (gint64       unix_seconds);
char *bo_format_percent   (double       percent);
gboolean bo_parse_money   (const char  *text,
                           const char  *currency,
                           gint64      *minor_units);
gboolean bo_parse_quantity (const char *text,
                            gint64     *quantity);
guint32  bo_parse_date    (const char  *text);

G_END_DECLS
