/* bo-money.c — limits of quantities and amounts, overflow-checked money arithmetic
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every place where a quantity, an amount or a text enters the shop (the
 * command line, the window's forms, the importers, the store itself) checks
 * it here, so the limits and the messages are the same everywhere.
 */
#define G_LOG_DOMAIN "bo-money"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "backorders/bo-error.h"
#include "backorders/bo-money.h"

/* The characters of `--line SKU:QUANTITY@PRICE`: a SKU holding one of them
 * could be saved but never ordered from the command line. */
static const char sku_forbidden[] = ":@";

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

/**
 * bo_money_format_plain:
 *
 * Returns: (transfer full): @minor as "12,345.67", grouped by thousands,
 *   for messages about limits (no currency; separators of the message's language)
 */
char *
bo_money_format_plain (gint64 minor)
{
  guint64 magnitude = minor < 0 ? (guint64) 0 - (guint64) minor : (guint64) minor;
  GString *out = g_string_new (minor < 0 ? "-" : "");

  append_grouped (out, magnitude / 100);
  g_string_append_printf (out, "%s%02u", C_("decimal point", "."), (guint) (magnitude % 100));
  return g_string_free (out, FALSE);
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
 */
gboolean
bo_check_amount (gint64       value,
                 const char  *field,
                 GError     **error)
{
  g_autofree char *max = NULL;
  g_autofree char *given = NULL;

  if (value >= 0 && value <= BO_MONEY_MAX)
    return TRUE;
  max = bo_money_format_plain (BO_MONEY_MAX);
  given = bo_money_format_plain (value);
  g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
               _("%s must be from 0 to %s, not %s"), field, max, given);
  return FALSE;
}
