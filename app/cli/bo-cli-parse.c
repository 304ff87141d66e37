/* bo-cli-parse.c — reading amounts, quantities, dates and order lines from arguments
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-cli"
#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n.h>

#include "bo-cli-private.h"
#include <backorders/bo-money.h>

/* Every failure here is a malformed argument: G_OPTION_ERROR_BAD_VALUE,
 * with a message that names the option and repeats the value. */

gboolean
_bo_cli_parse_integer (const char  *text,
                       const char  *what,
                       gint64       min,
                       gint64       max,
                       gint64      *value,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_ascii_string_to_signed (text, 10, min, max, value, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
    {
      /* Ids and counts without a real limit say so; everything else states
       * its range, so that 4800 days learns the limit is 3,660. */
      if (min == 1 && max == G_MAXINT64)
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("invalid value “%s” for %s: expected a positive whole number"),
                     text, what);
      else
        {
          g_autofree char *low = bo_quantity_format_plain (min);
          g_autofree char *high = bo_quantity_format_plain (max);

          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("invalid value “%s” for %s: expected a whole number from %s to %s"),
                       text, what, low, high);
        }
    }
  else
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("invalid value “%s” for %s: expected a whole number"), text, what);

  return FALSE;
}

/* The message of an amount that is not one, with the rule of the shop's
 * currency. */
static char *
describe_amount_rule (const char *currency)
{
  guint decimals = bo_currency_exponent (currency);
  gint64 minor = decimals == 0 ? 1250 : bo_money_from_major (12.5, currency);
  g_autofree char *example = bo_money_format (minor, currency, BO_MONEY_DATA);

  if (decimals == 0)
    /* TRANSLATORS: %s is an example amount, e.g. "1250" */
    return g_strdup_printf (_("a whole amount like %s (no sign, no decimals)"), example);
  /* TRANSLATORS: %s is an example amount, e.g. "12.50"; %u is 2 or 3 */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "an amount like %s (no sign, at most %u decimal)",
                                       "an amount like %s (no sign, at most %u decimals)",
                                       decimals),
                          example, decimals);
}

/**
 * _bo_cli_shop_currency:
 *
 * Arguments are read before the shop is opened, so that a mistyped one
 * changes nothing; an amount's decimals depend on the shop's currency,
 * which is read here, once, from the shop the command will open.
 *
 * Returns: (nullable): the shop's currency, or %NULL when there is no
 *   shop to read it from (amounts then have two decimals)
 */
const char *
_bo_cli_shop_currency (BoCli *cli)
{
  g_autofree char *path = NULL;
  g_autoptr(BoStore) store = NULL;

  if (cli->store != NULL || cli->currency != NULL)
    return cli->currency;
  path = cli->database != NULL ? g_strdup (cli->database) : _bo_cli_default_database ();
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  store = bo_store_open (path, NULL);
  if (store != NULL)
    cli->currency = bo_store_get_setting (store, "currency");
  return cli->currency;
}

gboolean
_bo_cli_parse_money (BoCli       *cli,
                     const char  *text,
                     const char  *what,
                     gint64      *minor,
                     GError     **error)
{
  g_autoptr(GError) range_error = NULL;
  const char *currency = _bo_cli_shop_currency (cli);
  g_autofree char *rule = NULL;

  if (bo_money_parse (text, currency, BO_MONEY_INPUT_CLI, minor))
    {
      if (bo_check_amount_in (*minor, currency, _("The amount"), &range_error))
        return TRUE;
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("invalid amount “%s” for %s: %s"), text, what, range_error->message);
      return FALSE;
    }

  rule = describe_amount_rule (currency);
  /* TRANSLATORS: the last %s is a rule, e.g. "an amount like 12.50 (no sign, at most 2 decimals)" */
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("invalid amount “%s” for %s: expected %s"), text, what, rule);
  return FALSE;
}

/* The command line takes exactly YYYY-MM-DD, as it documents. */
static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  guint32 julian = strlen (text) == 10 ? bo_date_parse_iso (text) : 0;

  if (julian == 0)
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_julian (date, julian);
  return TRUE;
}

gboolean
_bo_cli_parse_date (const char  *text,
                    const char  *what,
                    guint32     *julian,
                    GError     **error)
{
  GDate date;

  if (parse_iso_date (text, &date))
    {
      *julian = g_date_get_julian (&date);
      return TRUE;
    }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("invalid date “%s” for %s: expected YYYY-MM-DD"), text, what);
  return FALSE;
}

gboolean
_bo_cli_parse_date_time (const char  *text,
                         const char  *what,
                         gint64      *unix_seconds,
                         GError     **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (parse_iso_date (text, &date))
    when = g_date_time_new (local, g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), 0, 0, 0);
  else
    when = g_date_time_new_from_iso8601 (text, local);

  /* GLib wants seconds; people often leave them out (2026-03-01T14:30). */
  if (when == NULL && strlen (text) >= 16 && text[10] == 'T' && text[13] == ':'
      && (text[16] == '\0' || text[16] == 'Z' || text[16] == '+' || text[16] == '-'))
    {
      g_autofree char *with_seconds = g_strdup_printf ("%.16s:00%s", text, text + 16);

      when = g_date_time_new_from_iso8601 (with_seconds, local);
    }

  if (when == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("invalid date “%s” for %s: expected YYYY-MM-DD or a date and time "
                     "like 2026-03-01T14:30:00"),
                   text, what);
      return FALSE;
    }

  *unix_seconds = g_date_time_to_unix (when);
  return TRUE;
}

static void
cli_line_clear (gpointer data)
{
  BoCliLine *line = data;

  g_clear_pointer (&line->sku, g_free);
}

static gboolean
parse_line (BoCli      *cli,
            const char *text,
            gboolean    with_amount,
            BoCliLine  *line,
            GError    **error)
{
  g_autofree char *spec = g_strdup (text);
  char *at = with_amount ? strrchr (spec, '@') : NULL;
  char *colon;

  line->amount = -1;
  if (at != NULL)
    {
      g_autoptr(GError) range_error = NULL;

      const char *currency = _bo_cli_shop_currency (cli);

      *at = '\0';
      if (!bo_money_parse (at + 1, currency, BO_MONEY_INPUT_CLI, &line->amount))
        {
          g_autofree char *rule = describe_amount_rule (currency);

          /* TRANSLATORS: the last %s is a rule, e.g. "an amount like 12.50 (no sign, at most 2 decimals)" */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("invalid --line “%s”: the amount after @ must be %s"), text, rule);
          return FALSE;
        }
      if (!bo_check_amount_in (line->amount, currency, _("The amount after @"), &range_error))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("invalid --line “%s”: %s"), text, range_error->message);
          return FALSE;
        }
    }

  colon = strrchr (spec, ':');
  if (colon == NULL || colon == spec)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   with_amount ? _("invalid --line “%s”: expected SKU:QUANTITY[@AMOUNT]")
                               : _("invalid --line “%s”: expected SKU:QUANTITY"),
                   text);
      return FALSE;
    }
  *colon = '\0';

  if (!g_ascii_string_to_signed (colon + 1, 10, 1, BO_QUANTITY_MAX, &line->quantity, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("invalid --line “%s”: the quantity must be a whole number from 1 to "
                     "1,000,000,000"),
                   text);
      return FALSE;
    }

  line->sku = g_strdup (spec);
  return TRUE;
}

GArray *
_bo_cli_parse_lines (BoCli        *cli,
                     char * const *texts,
                     gboolean      with_amount,
                     GError      **error)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (BoCliLine));

  g_array_set_clear_func (lines, cli_line_clear);
  for (gsize i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      BoCliLine line = { 0 };

      if (!parse_line (cli, texts[i], with_amount, &line, error))
        return NULL;
      g_array_append_val (lines, line);
    }

  return g_steal_pointer (&lines);
}
