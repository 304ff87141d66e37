/* bo-format.c — numbers, money and dates as the user's locale writes them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-format"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "bo-format.h"

/* The locale's decimal point and thousands separator. */
static void
locale_separators (const char **point,
                   const char **thousands)
{
  struct lconv *lc = localeconv ();

  *point = lc->decimal_point != NULL && *lc->decimal_point ? lc->decimal_point : ".";
  *thousands = lc->thousands_sep != NULL ? lc->thousands_sep : "";
}

static void
append_grouped (GString *out,
                guint64  value)
{
  const char *point, *thousands;
  char digits[32];
  gsize n;

  locale_separators (&point, &thousands);
  n = g_snprintf (digits, sizeof digits, "%" PRIu64, value);
  for (gsize i = 0; i < n; i++)
    {
      g_string_append_c (out, digits[i]);
      if (*thousands != '\0' && (n - i - 1) > 0 && (n - i - 1) % 3 == 0)
        g_string_append (out, thousands);
    }
}

/**
 * bo_format_quantity:
 *
 * Returns: (transfer full): e.g. "12,480" in English, "12.480" in German
 */
char *
bo_format_quantity (gint64 quantity)
{
  GString *out = g_string_new (quantity < 0 ? "−" : "");

  append_grouped (out, quantity < 0 ? (guint64) -quantity : (guint64) quantity);
  return g_string_free (out, FALSE);
}

/**
 * bo_format_money:
 * @minor_units: cents
 * @currency: ISO 4217 code, or %NULL
 *
 * Returns: (transfer full): e.g. "1,234.50 EUR"
 */
char *
bo_format_money (gint64      minor_units,
                 const char *currency)
{
  const char *point, *thousands;
  guint64 value = minor_units < 0 ? (guint64) -minor_units : (guint64) minor_units;
  GString *out = g_string_new (minor_units < 0 ? "−" : "");

  locale_separators (&point, &thousands);
  append_grouped (out, value / 100);
  g_string_append_printf (out, "%s%02u", point, (guint) (value % 100));
  if (currency != NULL && *currency != '\0')
    g_string_append_printf (out, " %s", currency);
  return g_string_free (out, FALSE);
}

/**
 * bo_format_date:
 * @julian: a Julian day, or 0
 *
 * Returns: (transfer full): the locale's short date, or "" for 0
 */
char *
bo_format_date (guint32 julian)
{
  GDate date;
  char buffer[64];

  if (julian == 0 || !g_date_valid_julian (julian))
    return g_strdup ("");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (g_date_strftime (buffer, sizeof buffer, "%x", &date) == 0)
    return g_strdup ("");
  return g_strdup (buffer);
}

char *
bo_format_instant (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_seconds);

  if (dt == NULL)
    return g_strdup ("");
  return g_date_time_format (dt, "%x %H:%M");
}

char *
bo_format_percent (double percent)
{
  const char *point, *thousands;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;

  locale_separators (&point, &thousands);
  g_ascii_formatd (buffer, sizeof buffer, "%.1f", percent);
  dot = strchr (buffer, '.');
  if (dot != NULL)
    {
      *dot = '\0';
      return g_strdup_printf ("%s%s%s %%", buffer, point, dot + 1);
    }
  return g_strdup_printf ("%s %%", buffer);
}

/**
 * bo_parse_quantity:
 *
 * Accepts a whole number of units from 0 to 1,000,000,000, with surrounding
 * spaces.
 */
gboolean
bo_parse_quantity (const char *text,
                   gint64     *quantity)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint64 value;

  if (!g_ascii_string_to_unsigned (copy, 10, 0, 1000000000, &value, NULL))
    return FALSE;
  *quantity = value;
  return TRUE;
}

/**
 * bo_parse_money:
 *
 * Accepts "12", "12.5", "12.50" with the locale's decimal point or a dot.
 */
gboolean
bo_parse_money (const char *text,
                gint64     *minor_units)
{
  const char *point, *thousands;
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *sep;
  guint64 whole = 0, cents = 0;
  gsize decimals = 0;

  locale_separators (&point, &thousands);
  if (*copy == '\0')
    return FALSE;
  sep = strstr (copy, point);
  if (sep == NULL)
    sep = strchr (copy, '.');
  if (sep != NULL)
    {
      const char *frac = sep + (g_str_has_prefix (sep, point) ? strlen (point) : 1);

      *sep = '\0';
      decimals = strlen (frac);
      if (decimals == 0 || decimals > 2 ||
          !g_ascii_string_to_unsigned (frac, 10, 0, 99, &cents, NULL))
        return FALSE;
      if (decimals == 1)
        cents *= 10;
    }
  if (*copy == '\0' && sep == NULL)
    return FALSE;
  if (*copy != '\0' && !g_ascii_string_to_unsigned (copy, 10, 0, 1000000000, &whole, NULL))
    return FALSE;
  *minor_units = whole * 100 + cents;
  return TRUE;
}

/**
 * bo_parse_date:
 *
 * Returns: the Julian day of "YYYY-MM-DD" or of a date in the locale's own
 *   form, or 0 when @text is not a date
 */
guint32
bo_parse_date (const char *text)
{
  GDate date;
  unsigned y, m, d;
  char tail;

  if (text == NULL)
    return 0;
  g_date_clear (&date, 1);
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3)
    {
      if (!g_date_valid_dmy (d, m, y))
        return 0;
      g_date_set_dmy (&date, d, m, y);
      return g_date_get_julian (&date);
    }
  g_date_set_parse (&date, text);
  return g_date_valid (&date) ? g_date_get_julian (&date) : 0;
}
