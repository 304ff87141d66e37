/* bo-period.h — calendar days, ISO dates and month/quarter/year periods in local time
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "backorders/bo-metrics.h"

G_BEGIN_DECLS

guint32  bo_date_parse_iso          (const char  *text);
char    *bo_date_format_iso         (guint32      julian);
guint32  bo_date_from_unix_local    (gint64       unix_seconds);
gint64   bo_date_to_unix_local      (guint32      julian);

guint32  bo_period_first_day        (BoPeriod     period,
                                     guint32      day);
guint32  bo_period_last_day         (BoPeriod     period,
                                     guint32      day);
guint32  bo_period_start            (BoPeriod     period,
                                     gint         year,
                                     gint         index);
guint32  bo_period_shift            (BoPeriod     period,
                                     guint32      day,
                                     gint         n);
guint32  bo_period_range_back       (BoPeriod     period,
                                     guint32      today,
                                     guint        n_periods);
void     bo_period_bounds_local     (BoPeriod     period,
                                     guint32      day,
                                     gint64      *start,
                                     gint64      *end);

G_END_DECLS
