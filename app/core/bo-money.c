/* bo-money.c — amounts: currencies, limits, checked arithmetic, formatting and parsing
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every place where a quantity, an amount or a text enters the shop (the
 * command line, the window's forms, the importers, the store itself) checks
 * it here, so the limits and the messages are the same everywhere. Every
 * amount shown or read anywhere goes through bo_money_format() and
 * bo_money_parse(), so a currency's number of decimals is known in one place.
 */
#define G_LOG_DOMAIN "bo-money"

#include "config.h"

#include <inttypes.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "backorders/bo-error.h"
#include "backorders/bo-money.h"

/* The characters of `--line SKU:QUANTITY@PRICE`: a SKU holding one of them
 * could be saved but never ordered from the command line. */
static const char sku_forbidden[] = ":@";

/* ISO 4217 minor units of the currencies that do not have two decimals
 * (the list of 2024); every other code, listed or not, has two. Sorted for
 * bsearch(). */
typedef struct
{
  char  code[4];
  guint exponent;
} CurrencyExponent;

static const CurrencyExponent exponents[] = {
  { "BHD", 3 }, { "BIF", 0 }, { "CLF", 4 }, { "CLP", 0 }, { "DJF", 0 }, { "GNF", 0 },
  { "IQD", 3 }, { "ISK", 0 }, { "JOD", 3 }, { "JPY", 0 }, { "KMF", 0 }, { "KRW", 0 },
  { "KWD", 3 }, { "LYD", 3 }, { "OMR", 3 }, { "PYG", 0 }, { "RWF", 0 }, { "TND", 3 },
  { "UGX", 0 }, { "UYI", 0 }, { "UYW", 4 }, { "VND", 0 }, { "VUV", 0 }, { "XAF", 0 },
  { "XOF", 0 }, { "XPF", 0 },
};

/* Codes with two decimals that shops commonly use; a code outside both
 * lists is still accepted (ISO 4217 grows), with two decimals. */
static const char *const two_decimals[] = {
  "AED", "ARS", "AUD", "BGN", "BRL", "CAD", "CHF", "CNY", "COP", "CZK", "DKK", "EGP", "EUR",
  "GBP", "HKD", "HUF", "IDR", "ILS", "INR", "MAD", "MXN", "MYR", "NOK", "NZD", "PEN", "PHP",
  "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "SAR", "SEK", "SGD", "THB", "TRY", "TWD", "UAH",
  "USD", "ZAR",
};

static int
compare_code (const void *key,
              const void *element)
{
  return strcmp (key, ((const CurrencyExponent *) element)->code);
}

/**
 * bo_currency_exponent:
 * @code: (nullable): an ISO 4217 code such as "EUR"
 *
 * Returns: the currency's number of decimals (minor units per unit are
 *   10 to this power): 0 for JPY, 2 for EUR, 3 for KWD; 2 for %NULL, an
 *   empty code or a code ISO 4217 does not list
 */
guint
bo_currency_exponent (const char *code)
{
  const CurrencyExponent *found;

  if (code == NULL || strlen (code) != 3)
    return 2;
  found = bsearch (code, exponents, G_N_ELEMENTS (exponents), sizeof exponents[0],
                   compare_code);
  return found != NULL ? found->exponent : 2;
}

/**
 * bo_currency_is_listed:
 *
 * Returns: whether @code is a currency whose decimals are known for certain
 *   (the others are taken to have two)
 */
gboolean
bo_currency_is_listed (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;
  if (bsearch (code, exponents, G_N_ELEMENTS (exponents), sizeof exponents[0], compare_code))
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (two_decimals); i++)
    if (g_str_equal (code, two_decimals[i]))
      return TRUE;
  return FALSE;
}

static guint64
power_of_ten (guint exponent)
{
  guint64 scale = 1;

  for (guint i = 0; i < exponent; i++)
    scale *= 10;
  return scale;
}

/**
 * bo_money_add:
 * @sum: (out): @a + @b, when it fits
 *
 * Returns: %FALSE when the sum does not fit in 64 bits
 */
gboolean
bo_money_add (gint64  a,
              gint64  b,
              gint64 *sum)
{
  return !__builtin_add_overflow (a, b, sum);
}

/**
 * bo_money_mul:
 * @product: (out): @a × @b, when it fits
 *
 * Returns: %FALSE when the product does not fit in 64 bits
 */
gboolean
bo_money_mul (gint64  a,
              gint64  b,
              gint64 *product)
{
  return !__builtin_mul_overflow (a, b, product);
}

/* Numbers in messages follow the message's language (1,000 / 1.000 /
 * 1 000), whatever the locale's own formats, which may not be installed. */
static void
append_grouped (GString *out,
                guint64  value)
{
  g_autofree char *digits = g_strdup_printf ("%" PRIu64, value);
  const char *separator = C_("thousands separator", ",");
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

static void
append_fraction (GString    *out,
                 guint64     magnitude,
                 guint       exponent,
                 const char *point)
{
  if (exponent == 0)
    return;
  g_string_append_printf (out, "%s%0*" PRIu64, point, (int) exponent,
                          magnitude % power_of_ten (exponent));
}

/**
 * bo_money_format_plain_in:
 * @currency: (nullable): the shop's currency, for its number of decimals
 *
 * Returns: (transfer full): @minor as "12,345.67" (or "12,345" for JPY),
 *   grouped by thousands, for messages about limits (no currency code;
 *   separators of the message's language)
 */
char *
bo_money_format_plain_in (gint64      minor,
                          const char *currency)
{
  guint exponent = bo_currency_exponent (currency);
  guint64 magnitude = minor < 0 ? (guint64) 0 - (guint64) minor : (guint64) minor;
  GString *out = g_string_new (minor < 0 ? "-" : "");

  append_grouped (out, magnitude / power_of_ten (exponent));
  append_fraction (out, magnitude, exponent, C_("decimal point", "."));
  return g_string_free (out, FALSE);
}

/**
 * bo_money_format_plain:
 *
 * Returns: (transfer full): @minor as "12,345.67", two decimals, as
 *   bo_money_format_plain_in() does for a currency that is not known
 */
char *
bo_money_format_plain (gint64 minor)
{
  return bo_money_format_plain_in (minor, NULL);
}

/**
 * bo_quantity_format_plain:
 *
 * Returns: (transfer full): @value as "1,000,000", for messages about limits
 */
char *
bo_quantity_format_plain (gint64 value)
{
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  GString *out = g_string_new (value < 0 ? "-" : "");

  append_grouped (out, magnitude);
  return g_string_free (out, FALSE);
}

/**
 * bo_money_set_overflow:
 * @what: the total that could not be computed, such as "The backlog value"
 *
 * Sets the one message for a total too large to compute.
 */
void
bo_money_set_overflow (GError     **error,
                       const char  *what)
{
  g_autofree char *limit = bo_money_format_plain (G_MAXINT64);

  g_set_error (error, BO_ERROR, BO_ERROR_OVERFLOW,
               _("%s is larger than %s and cannot be computed; some orders must have "
                 "quantities or prices far too large"),
               what, limit);
}

/**
 * bo_money_name_overflow:
 * @what: the total being computed, such as "The backlog value"
 *
 * Gives an overflow reported by the database (which cannot know which
 * total it was computing) the name of the total.
 */
void
bo_money_name_overflow (GError     **error,
                        const char  *what)
{
  if (error == NULL || !g_error_matches (*error, BO_ERROR, BO_ERROR_OVERFLOW))
    return;
  g_clear_error (error);
  bo_money_set_overflow (error, what);
}

/**
 * bo_money_add_checked:
 * @total: (inout): the running total
 * @what: the total's name for the message, such as "The backlog value"
 *
 * Adds @amount to @total, or sets an error naming @what when the total
 * would not fit.
 */
gboolean
bo_money_add_checked (gint64      *total,
                      gint64       amount,
                      const char  *what,
                      GError     **error)
{
  if (bo_money_add (*total, amount, total))
    return TRUE;
  bo_money_set_overflow (error, what);
  return FALSE;
}

/**
 * bo_money_add_line:
 * @total: (inout): the order's value so far, minor units
 *
 * Adds one line's value to an order's: an order worth more than 64 bits can
 * hold would make every list that shows it fail, so it is refused where it
 * enters.
 */
gboolean
bo_money_add_line (gint64      *total,
                   gint64       quantity,
                   gint64       price,
                   GError     **error)
{
  gint64 value;

  if (bo_money_mul (quantity, price, &value) && bo_money_add (*total, value, total))
    return TRUE;
  {
    g_autofree char *limit = bo_money_format_plain (G_MAXINT64);

    g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                 _("The order would be worth more than %s, more than Backorders can count; "
                   "check its quantities and prices"),
                 limit);
  }
  return FALSE;
}

/**
 * bo_text_find_control:
 * @text: valid UTF-8
 *
 * Returns: the first control character of @text that @kind does not allow
 *   (line breaks and tabs are allowed in %BO_TEXT_MULTILINE), or 0
 */
gunichar
bo_text_find_control (const char *text,
                      BoTextKind  kind)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (kind == BO_TEXT_MULTILINE && (c == '\n' || c == '\r' || c == '\t'))
        continue;
      if (g_unichar_iscntrl (c))
        return c;
    }
  return 0;
}

/**
 * bo_check_text:
 * @field: the field's name, starting a sentence ("The SKU")
 * @kind: whether line breaks are allowed
 *
 * Text must be UTF-8, at most @max_chars characters, and hold no control
 * character: a terminal escape or a NUL in a name would rewrite the screen
 * of whoever lists it, or cut the text short.
 */
gboolean
bo_check_text (const char  *value,
               const char  *field,
               gboolean     required,
               gsize        max_chars,
               BoTextKind   kind,
               GError     **error)
{
  gunichar c;

  if (value == NULL || *value == '\0')
    {
      if (!required)
        return TRUE;
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("%s is empty"), field);
      return FALSE;
    }
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("%s is not valid UTF-8 text"), field);
      return FALSE;
    }
  if (g_utf8_strlen (value, -1) > (glong) max_chars)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("%s is longer than %zu characters"), field, max_chars);
      return FALSE;
    }
  c = bo_text_find_control (value, kind);
  if (c != 0)
    {
      if (c == '\n' || c == '\r')
        g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                     _("%s holds a line break; it must fit on one line"), field);
      else
        g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                     _("%s holds a control character (U+%04X), such as a terminal "
                       "escape; remove it"),
                     field, c);
      return FALSE;
    }
  return TRUE;
}

/**
 * bo_sku_find_forbidden:
 * @sku: valid UTF-8
 *
 * Returns: the first character of @sku that a SKU cannot hold (white space,
 *   ":" or "@"), or 0
 */
gunichar
bo_sku_find_forbidden (const char *sku)
{
  for (const char *p = sku; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || (c < 128 && strchr (sku_forbidden, (int) c) != NULL))
        return c;
    }
  return 0;
}

/**
 * bo_check_sku:
 *
 * A SKU is one line of at most 100 characters without white space, ":" or
 * "@", so that `--line SKU:QUANTITY@PRICE` can always name it.
 */
gboolean
bo_check_sku (const char  *sku,
              GError     **error)
{
  gunichar c;

  if (!bo_check_text (sku, _("The SKU"), TRUE, 100, BO_TEXT_LINE, error))
    return FALSE;
  c = bo_sku_find_forbidden (sku);
  if (c == 0)
    return TRUE;
  if (g_unichar_isspace (c))
    g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                 _("The SKU “%s” holds a space; a SKU is one word "
                   "(letters, digits, - _ . / and the like)"),
                 sku);
  else
    g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                 _("The SKU “%s” holds “%c”, which order lines use to separate "
                   "SKU, quantity and price (SKU:QUANTITY@PRICE)"),
                 sku, (int) c);
  return FALSE;
}

/**
 * bo_check_quantity:
 * @min: 0 or 1
 * @field: the field's name, starting a sentence ("The quantity")
 */
gboolean
bo_check_quantity (gint64       value,
                   gint64       min,
                   const char  *field,
                   GError     **error)
{
  if (value >= min && value <= BO_QUANTITY_MAX)
    return TRUE;
  g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
               _("%s must be a whole number from %" PRId64 " to 1,000,000,000, not %" PRId64),
               field, min, value);
  return FALSE;
}

/**
 * bo_check_amount:
 * @value: minor units
 * @field: the field's name, starting a sentence ("The price")
 *
 * As bo_check_amount_in() for a currency with two decimals.
 */
gboolean
bo_check_amount (gint64       value,
                 const char  *field,
                 GError     **error)
{
  return bo_check_amount_in (value, NULL, field, error);
}

/**
 * bo_check_amount_in:
 * @value: minor units of @currency
 * @currency: (nullable): the shop's currency, for the message's numbers
 * @field: the field's name, starting a sentence ("The price")
 */
gboolean
bo_check_amount_in (gint64       value,
                    const char  *currency,
                    const char  *field,
                    GError     **error)
{
  g_autofree char *max = NULL;
  g_autofree char *given = NULL;

  if (value >= 0 && value <= BO_MONEY_MAX)
    return TRUE;
  max = bo_money_format_plain_in (BO_MONEY_MAX, currency);
  given = bo_money_format_plain_in (value, currency);
  g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
               _("%s must be from 0 to %s, not %s"), field, max, given);
  return FALSE;
}

/* ---- amounts as text ------------------------------------------------------- */

static const char *
locale_point (void)
{
  const char *point = localeconv ()->decimal_point;

  return point != NULL && *point != '\0' ? point : ".";
}

/* The window groups by the locale's own separator (none in the C locale). */
static void
append_locale_grouped (GString *out,
                       guint64  value)
{
  const char *thousands = localeconv ()->thousands_sep;
  char digits[32];
  gsize n = g_snprintf (digits, sizeof digits, "%" PRIu64, value);

  for (gsize i = 0; i < n; i++)
    {
      g_string_append_c (out, digits[i]);
      if (thousands != NULL && *thousands != '\0' && (n - i - 1) > 0 && (n - i - 1) % 3 == 0)
        g_string_append (out, thousands);
    }
}

/**
 * bo_money_format:
 * @minor: an amount in minor units of @currency
 * @currency: (nullable): the shop's ISO 4217 code; %NULL or "" for none
 *   (two decimals, no code)
 * @style: where the text goes
 *
 * Returns: (transfer full): the amount with exactly the currency's number
 *   of decimals: "1,234.50 EUR", "8,000 JPY", "1.234 KWD"
 */
char *
bo_money_format (gint64        minor,
                 const char   *currency,
                 BoMoneyStyle  style)
{
  guint exponent = bo_currency_exponent (currency);
  guint64 magnitude = minor < 0 ? (guint64) 0 - (guint64) minor : (guint64) minor;
  guint64 whole = magnitude / power_of_ten (exponent);
  GString *out = g_string_new (NULL);

  if (minor < 0)
    g_string_append (out, style == BO_MONEY_DISPLAY ? "−" : "-");
  if (style == BO_MONEY_DISPLAY)
    append_locale_grouped (out, whole);
  else
    g_string_append_printf (out, "%" PRIu64, whole);
  append_fraction (out, magnitude, exponent, style == BO_MONEY_DATA ? "." : locale_point ());
  if ((style == BO_MONEY_DISPLAY || style == BO_MONEY_TEXT) && currency != NULL &&
      *currency != '\0')
    g_string_append_printf (out, " %s", currency);
  return g_string_free (out, FALSE);
}

/* Whether @p starts with a decimal separator that @input accepts; its
 * length in *length. */
static gboolean
is_separator (const char   *p,
              BoMoneyInput  input,
              gsize        *length)
{
  const char *point = locale_point ();

  *length = 1;
  if (*p == '.')
    return TRUE;
  switch (input)
    {
    case BO_MONEY_INPUT_FORM:
      *length = strlen (point);
      return g_str_has_prefix (p, point);
    case BO_MONEY_INPUT_IMPORT:
      return *p == ',';
    case BO_MONEY_INPUT_CLI:
    default:
      return FALSE;
    }
}

/**
 * bo_money_parse:
 * @text: what was typed or read
 * @currency: (nullable): the shop's currency, for its number of decimals
 * @input: where @text comes from, which decides the rule (see #BoMoneyInput)
 * @minor: (out): the amount in minor units of @currency
 *
 * Reads "12", "12.5", "12.50" (EUR), "8000" (JPY), "1.234" (KWD). The
 * number is not checked against %BO_MONEY_MAX (callers name the field in
 * that message), but can never overflow: at most 15 digits before the
 * point (12 in an import).
 *
 * Returns: %FALSE when @text is not an amount under the rule of @input
 */
gboolean
bo_money_parse (const char   *text,
                const char   *currency,
                BoMoneyInput  input,
                gint64       *minor)
{
  guint exponent = bo_currency_exponent (currency);
  /* Digits before the point: whole × 10^exponent stays below 10^18,
   * far from 2^63. A file's longer numbers are garbage rather than
   * amounts over the limit. */
  guint max_digits = MIN (input == BO_MONEY_INPUT_IMPORT ? 12 : 15, 18 - exponent);
  g_autofree char *copy = NULL;
  const char *p;
  gint64 whole = 0, fraction = 0;
  guint digits = 0, decimals = 0;
  gsize length;

  g_return_val_if_fail (minor != NULL, FALSE);
  if (text == NULL)
    return FALSE;
  copy = input == BO_MONEY_INPUT_CLI ? g_strdup (text) : g_strstrip (g_strdup (text));
  p = copy;
  for (; g_ascii_isdigit (*p); p++)
    {
      if (++digits > max_digits)
        return FALSE;
      whole = whole * 10 + (*p - '0');
    }
  if (is_separator (p, input, &length))
    {
      p += length;
      for (; g_ascii_isdigit (*p); p++, decimals++)
        {
          if (decimals < exponent)
            fraction = fraction * 10 + (*p - '0');
          else if (input != BO_MONEY_INPUT_IMPORT || *p != '0')
            return FALSE;
        }
      if (decimals == 0)
        return FALSE;
      for (guint i = decimals; i < exponent; i++)
        fraction *= 10;
    }
  if (*p != '\0' || (digits == 0 && decimals == 0))
    return FALSE;
  if (input == BO_MONEY_INPUT_CLI && digits == 0)
    return FALSE;
  *minor = whole * (gint64) power_of_ten (exponent) + fraction;
  return TRUE;
}

/**
 * bo_money_to_major:
 *
 * Returns: @minor in whole units of @currency, for charts' scales
 */
double
bo_money_to_major (gint64      minor,
                   const char *currency)
{
  return (double) minor / (double) power_of_ten (bo_currency_exponent (currency));
}

/**
 * bo_money_from_major:
 *
 * Returns: @major whole units of @currency in minor units, rounded
 */
gint64
bo_money_from_major (double      major,
                     const char *currency)
{
  return llround (major * (double) power_of_ten (bo_currency_exponent (currency)));
}
