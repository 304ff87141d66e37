/* bo-format.c — numbers, money and dates as the user's locale writes them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-format"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "bo-format.h"

#include <backorders/bo-money.h>
#include <backorders/bo-period.h>

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
 * @minor_units: minor units of @currency
 * @currency: (nullable): ISO 4217 code
 *
 * Returns: (transfer full): e.g. "1,234.50 EUR", "8,000 JPY", as
 *   bo_money_format() writes for the window
 */
char *
bo_format_money (gint64      minor_units,
                 const char *currency)
{
  return bo_money_format (minor_units, currency, BO_MONEY_DISPLAY);
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
 * @currency: (nullable): the shop's currency, for its number of decimals
 *
 * Accepts what a form of the window accepts (%BO_MONEY_INPUT_FORM): "12",
 * "12.5", "12.50" with the locale's decimal point or a dot.
 */
gboolean
bo_parse_money (const char *text,
                const char *currency,
                gint64     *minor_units)
{
  return bo_money_parse (text, currency, BO_MONEY_INPUT_FORM, minor_units);
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
  guint32 julian = bo_date_parse_iso (text);
  GDate date;

  if (julian != 0 || text == NULL)
    return julian;
  g_date_clear (&date, 1);
  g_date_set_parse (&date, text);
  return g_date_valid (&date) ? g_date_get_julian (&date) : 0;
}
