/* bo-period.c — calendar days, ISO dates and month/quarter/year periods in local time
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place where a date is read from or written as text for machines
 * (YYYY-MM-DD) and where periods are counted: the dashboard, the command
 * line's reports and the charts all ask here. A day is a Julian day number;
 * an instant becomes a day in local time, and a period's instants run from
 * local midnight of its first day to local midnight after its last, however
 * long daylight saving time makes them.
 */
#define G_LOG_DOMAIN "bo-period"

#include "config.h"

#include "backorders/bo-period.h"

/**
 * bo_date_parse_iso:
 * @text: (nullable): "2026-03-01"; a month or day of one digit is accepted
 *
 * Returns: the Julian day of @text, or 0 when @text is not a real date of
 *   that form (nothing may follow it)
 */
guint32
bo_date_parse_iso (const char *text)
{
  guint parts[3] = { 0, 0, 0 };
  guint widths[3] = { 0, 0, 0 };
  const guint max_width[3] = { 4, 2, 2 };
  const char *p = text;
  GDate date;

  if (text == NULL)
    return 0;
  for (guint i = 0; i < 3; i++)
    {
      for (; g_ascii_isdigit (*p); p++)
        {
          if (++widths[i] > max_width[i])
            return 0;
          parts[i] = parts[i] * 10 + (guint) (*p - '0');
        }
      if (widths[i] == 0 || (i < 2 && *p++ != '-'))
        return 0;
    }
  if (*p != '\0' || widths[0] != 4 || parts[0] < 1 ||
      !g_date_valid_dmy ((GDateDay) parts[2], (GDateMonth) parts[1], (GDateYear) parts[0]))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) parts[2], (GDateMonth) parts[1], (GDateYear) parts[0]);
  return g_date_get_julian (&date);
}

/**
 * bo_date_format_iso:
 *
 * Returns: (transfer full) (nullable): "2026-03-01", or %NULL for 0 or a
 *   day that is not valid
 */
char *
bo_date_format_iso (guint32 julian)
{
  GDate date;

  if (julian == 0 || !g_date_valid_julian (julian))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/**
 * bo_date_from_unix_local:
 *
 * Returns: the local calendar day of an instant, or 0 when it has none
 */
guint32
bo_date_from_unix_local (gint64 unix_seconds)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (unix_seconds);
  GDate date;

  if (when == NULL)
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (when),
                  (GDateMonth) g_date_time_get_month (when),
                  (GDateYear) g_date_time_get_year (when));
  return g_date_get_julian (&date);
}

/**
 * bo_date_to_unix_local:
 *
 * Returns: the instant of local midnight that starts @julian (the first
 *   instant of the day where a clock change skips midnight), or 0 for a
 *   day that is not valid
 */
gint64
bo_date_to_unix_local (guint32 julian)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (julian == 0 || !g_date_valid_julian (julian))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  when = g_date_time_new (local, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), 0, 0, 0);
  return when != NULL ? g_date_time_to_unix (when) : 0;
}

/**
 * bo_period_start:
 * @index: month 1–12, quarter 1–4; ignored for a year
 *
 * Returns: the first day of the period
 */
guint32
bo_period_start (BoPeriod period,
                 gint     year,
                 gint     index)
{
  GDate date;
  GDateMonth month;

  switch (period)
    {
    case BO_PERIOD_MONTH:
      month = (GDateMonth) index;
      break;
    case BO_PERIOD_QUARTER:
      month = (GDateMonth) ((index - 1) * 3 + 1);
      break;
    case BO_PERIOD_YEAR:
    default:
      month = G_DATE_JANUARY;
      break;
    }
  g_return_val_if_fail (g_date_valid_dmy (1, month, (GDateYear) year), 0);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/**
 * bo_period_first_day:
 * @day: a Julian day
 *
 * Returns: the first day of the month, quarter or year that holds @day
 */
guint32
bo_period_first_day (BoPeriod period,
                     guint32  day)
{
  gint year, index;

  bo_period_of_day (period, day, &year, &index);
  return bo_period_start (period, year, index);
}

static guint
months_of (BoPeriod period)
{
  switch (period)
    {
    case BO_PERIOD_MONTH:
      return 1;
    case BO_PERIOD_QUARTER:
      return 3;
    case BO_PERIOD_YEAR:
    default:
      return 12;
    }
}

/**
 * bo_period_shift:
 * @n: how many periods later (negative: earlier)
 *
 * Returns: the first day of the period @n periods after the one holding @day
 */
guint32
bo_period_shift (BoPeriod period,
                 guint32  day,
                 gint     n)
{
  GDate date;
  guint months = months_of (period) * (guint) ABS (n);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, bo_period_first_day (period, day));
  if (n >= 0)
    g_date_add_months (&date, months);
  else
    g_date_subtract_months (&date, months);
  return g_date_get_julian (&date);
}

/**
 * bo_period_last_day:
 *
 * Returns: the last day of the month, quarter or year that holds @day
 */
guint32
bo_period_last_day (BoPeriod period,
                    guint32  day)
{
  return bo_period_shift (period, day, 1) - 1;
}

/**
 * bo_period_range_back:
 * @today: the last day of the range
 * @n_periods: at least 1
 *
 * Returns: the first day of the last @n_periods periods up to @today, the
 *   one holding @today included: the start of "the last 12 months"
 */
guint32
bo_period_range_back (BoPeriod period,
                      guint32  today,
                      guint    n_periods)
{
  g_return_val_if_fail (n_periods >= 1, today);
  return bo_period_shift (period, today, -(gint) (n_periods - 1));
}

/**
 * bo_period_bounds_local:
 * @start: (out): local midnight starting the period, as a Unix time
 * @end: (out): local midnight after its last day: the period is
 *   @start ≤ t < @end
 *
 * The instants of the period that holds @day, in local time: a March that
 * loses an hour to summer time is an hour shorter.
 */
void
bo_period_bounds_local (BoPeriod  period,
                        guint32   day,
                        gint64   *start,
                        gint64   *end)
{
  *start = bo_date_to_unix_local (bo_period_first_day (period, day));
  *end = bo_date_to_unix_local (bo_period_shift (period, day, 1));
}
