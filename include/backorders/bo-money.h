/* bo-money.h — limits of quantities and amounts, overflow-checked money arithmetic
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
 * The largest price, cost or single amount, in minor units (9,999,999.99).
 *
 * The two limits keep one line's value (quantity × price, at most 10¹⁸)
 * inside a signed 64-bit integer (9.2 × 10¹⁸); totals over many lines are
 * added with bo_money_add(), which reports an overflow instead of wrapping.
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
gunichar  bo_sku_find_forbidden     (const char   *sku);

G_END_DECLS
