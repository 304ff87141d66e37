/* bo-money.h — amounts: currencies, limits, checked arithmetic, formatting and parsing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BO_QUANTITY_MAX:
 * The largest quantity anywhere: an order line, a purchase-order line, the
 * stock of a product, one stock adjustment, a reorder point.
 */
#define BO_QUANTITY_MAX G_GINT64_CONSTANT (1000000000)

/**
 * BO_MONEY_MAX:
 * The largest price, cost or single amount, in minor units of the shop's
 * currency, whatever its number of decimals: 9,999,999.99 EUR,
 * 999,999,999 JPY, 999,999.999 KWD.
 *
 * The limit is kept in minor units so that the proof below holds for every
 * currency: the two limits keep one line's value (quantity × price, at most
 * 10¹⁸) inside a signed 64-bit integer (9.2 × 10¹⁸); totals over many lines
 * are added with bo_money_add(), which reports an overflow instead of
 * wrapping.
 */
#define BO_MONEY_MAX    G_GINT64_CONSTANT (999999999)

gboolean  bo_money_add              (gint64        a,
                                     gint64        b,
                                     gint64       *sum);
gboolean  bo_money_mul              (gint64        a,
                                     gint64        b,
                                     gint64       *product);
gboolean  bo_money_add_checked      (gint64       *total,
                                     gint64        amount,
                                     const char   *what,
                                     GError      **error);
gboolean  bo_money_add_line         (gint64       *total,
                                     gint64        quantity,
                                     gint64        price,
                                     GError      **error);
void      bo_money_set_overflow     (GError      **error,
                                     const char   *what);
void      bo_money_name_overflow    (GError      **error,
                                     const char   *what);
char     *bo_money_format_plain     (gint64        minor);
char     *bo_money_format_plain_in  (gint64        minor,
                                     const char   *currency);

/**
 * BO_CURRENCY_MAX_EXPONENT:
 * The most decimals a currency has in ISO 4217 (CLF, UYW: 4).
 */
#define BO_CURRENCY_MAX_EXPONENT 4

guint     bo_currency_exponent      (const char   *code);
gboolean  bo_currency_is_listed     (const char   *code);

/**
 * BoMoneyStyle:
 * @BO_MONEY_DISPLAY: for the window and charts: grouped by thousands, the
 *   locale's decimal point, a real minus sign, the currency code after the
 *   number ("1,234.50 EUR", "8,000 JPY")
 * @BO_MONEY_TEXT: for command-line tables and messages to customers:
 *   not grouped, the locale's decimal point, the code ("1234.50 EUR")
 * @BO_MONEY_ENTRY: what a merchant would type into a form: as
 *   %BO_MONEY_TEXT without the code ("1234.50")
 * @BO_MONEY_DATA: for files and machines: not grouped, always a dot,
 *   no code ("1234.50", "8000", "1.234")
 *
 * Every style writes exactly as many decimals as the currency has.
 */
typedef enum
{
  BO_MONEY_DISPLAY,
  BO_MONEY_TEXT,
  BO_MONEY_ENTRY,
  BO_MONEY_DATA,
} BoMoneyStyle;

/**
 * BoMoneyInput:
 * @BO_MONEY_INPUT_FORM: a field of the window: the locale's decimal
 *   separator or a dot; spaces around the number are ignored
 * @BO_MONEY_INPUT_CLI: a command-line argument: a dot only, nothing around
 *   the number, at least one digit before the dot
 * @BO_MONEY_INPUT_IMPORT: a cell of an imported file: a dot or a comma
 *   (files from shops in either convention); spaces around are ignored, and
 *   decimals beyond the currency's are accepted when they are zeros
 *   ("12.500" for EUR, "8000.00" for JPY)
 *
 * The rule for reading an amount in each place amounts enter. No context
 * accepts a sign, a currency sign, an exponent or thousands separators, or
 * more decimals than the currency has (except zeros in an import).
 */
typedef enum
{
  BO_MONEY_INPUT_FORM,
  BO_MONEY_INPUT_CLI,
  BO_MONEY_INPUT_IMPORT,
} BoMoneyInput;

char     *bo_money_format           (gint64        minor,
                                     const char   *currency,
                                     BoMoneyStyle  style);
gboolean  bo_money_parse            (const char   *text,
                                     const char   *currency,
                                     BoMoneyInput  input,
                                     gint64       *minor);
double    bo_money_to_major         (gint64        minor,
                                     const char   *currency);
gint64    bo_money_from_major       (double        major,
                                     const char   *currency);
char     *bo_quantity_format_plain  (gint64        value);

/**
 * BoTextKind:
 * @BO_TEXT_LINE: one line: no control character at all
 * @BO_TEXT_MULTILINE: may hold line breaks (an address, notes), no other
 *   control character
 */
typedef enum
{
  BO_TEXT_LINE,
  BO_TEXT_MULTILINE,
} BoTextKind;

gunichar  bo_text_find_control      (const char   *text,
                                     BoTextKind    kind);
gboolean  bo_check_text             (const char   *value,
                                     const char   *field,
                                     gboolean      required,
                                     gsize         max_chars,
                                     BoTextKind    kind,
                                     GError      **error);
gboolean  bo_check_sku              (const char   *sku,
                                     GError      **error);
gboolean  bo_check_quantity         (gint64        value,
                                     gint64        min,
                                     const char   *field,
                                     GError      **error);
gboolean  bo_check_amount           (gint64        value,
                                     const char   *field,
                                     GError      **error);
gboolean  bo_check_amount_in        (gint64        value,
                                     const char   *currency,
                                     const char   *field,
                                     GError      **error);
gunichar  bo_sku_find_forbidden     (const char   *sku);

G_END_DECLS
