/* test-money.c — limits, overflow-checked totals and text rules of the core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-money"

#include <string.h>

#include <glib.h>
#include <backorders/bo-error.h>
#include <backorders/bo-money.h>

static void
test_checked_arithmetic (void)
{
  g_autoptr(GError) error = NULL;
  gint64 result = 0;

  /* One line at both limits fits, with room for nine of them. */
  g_assert_true (bo_money_mul (BO_QUANTITY_MAX, BO_MONEY_MAX, &result));
  g_assert_cmpint (result, <, G_MAXINT64 / 9);
  g_assert_false (bo_money_mul (G_MAXINT64 / 2, 3, &result));
  g_assert_true (bo_money_add (G_MAXINT64 - 1, 1, &result));
  g_assert_cmpint (result, ==, G_MAXINT64);
  g_assert_false (bo_money_add (G_MAXINT64, 1, &result));
  g_assert_false (bo_money_add (G_MININT64, -1, &result));

  /* An order's value: nine lines at the limits fit, ten do not. */
  result = 0;
  for (int i = 0; i < 9; i++)
    g_assert_true (bo_money_add_line (&result, BO_QUANTITY_MAX, BO_MONEY_MAX, NULL));
  g_assert_false (bo_money_add_line (&result, BO_QUANTITY_MAX, BO_MONEY_MAX, &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_INVALID);
  g_clear_error (&error);

  result = G_MAXINT64 - 5;
  g_assert_false (bo_money_add_checked (&result, 10, "The backlog value", &error));
  g_assert_error (error, BO_ERROR, BO_ERROR_OVERFLOW);
  g_assert_true (g_str_has_prefix (error->message, "The backlog value is larger than "
                                                   "92,233,720,368,547,758.07"));
  g_clear_error (&error);

  /* A database's nameless overflow gets the total's name; others stay. */
  bo_money_set_overflow (&error, "A total");
  bo_money_name_overflow (&error, "The revenue");
  g_assert_true (g_str_has_prefix (error->message, "The revenue is larger"));
  g_clear_error (&error);
  g_set_error (&error, BO_ERROR, BO_ERROR_INVALID, "other");
  bo_money_name_overflow (&error, "The revenue");
  g_assert_cmpstr (error->message, ==, "other");
}

static void
test_format_plain (void)
{
  g_autofree char *max = bo_money_format_plain (BO_MONEY_MAX);
  g_autofree char *small = bo_money_format_plain (5);
  g_autofree char *negative = bo_money_format_plain (-123456);
  g_autofree char *lowest = bo_money_format_plain (G_MININT64);
  g_autofree char *window = bo_quantity_format_plain (3660);
  g_autofree char *quantity = bo_quantity_format_plain (-BO_QUANTITY_MAX);

  g_assert_cmpstr (max, ==, "9,999,999.99");
  g_assert_cmpstr (small, ==, "0.05");
  g_assert_cmpstr (negative, ==, "-1,234.56");
  g_assert_cmpstr (lowest, ==, "-92,233,720,368,547,758.08");
  g_assert_cmpstr (window, ==, "3,660");
  g_assert_cmpstr (quantity, ==, "-1,000,000,000");
}

static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bo_check_quantity (BO_QUANTITY_MAX, 1, "The quantity", NULL));
  g_assert_false (bo_check_quantity (BO_QUANTITY_MAX + 1, 1, "The quantity", &error));
  g_assert_cmpstr (error->message, ==, "The quantity must be a whole number from 1 to "
                                       "1,000,000,000, not 1000000001");
  g_clear_error (&error);
  g_assert_false (bo_check_quantity (0, 1, "The quantity", NULL));

  g_assert_true (bo_check_amount (BO_MONEY_MAX, "The price", NULL));
  g_assert_false (bo_check_amount (BO_MONEY_MAX + 1, "The price", &error));
  g_assert_cmpstr (error->message, ==, "The price must be from 0 to 9,999,999.99, not "
                                       "10,000,000.00");
  g_clear_error (&error);
  g_assert_false (bo_check_amount (-1, "The price", NULL));
}

static void
test_text_rules (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bo_check_text ("Main St 1\nBerlin", "The address", FALSE, 100, BO_TEXT_MULTILINE,
                                NULL));
  g_assert_false (bo_check_text ("Main St 1\nBerlin", "The name", TRUE, 100, BO_TEXT_LINE, &error));
  g_assert_cmpstr (error->message, ==, "The name holds a line break; it must fit on one line");
  g_clear_error (&error);
  g_assert_false (bo_check_text ("Red \033[31m", "The name", TRUE, 100, BO_TEXT_MULTILINE, &error));
  g_assert_nonnull (strstr (error->message, "U+001B"));
  g_clear_error (&error);
  /* C1 controls (U+009B is a terminal's CSI too). */
  g_assert_cmpuint (bo_text_find_control ("a\xc2\x9b" "31m", BO_TEXT_MULTILINE), ==, 0x9b);
  g_assert_cmpuint (bo_text_find_control ("Ünïcödé — fine", BO_TEXT_LINE), ==, 0);

  g_assert_true (bo_check_sku ("MUG-BLU/XL_2.0", NULL));
  g_assert_false (bo_check_sku ("A B", NULL));
  g_assert_false (bo_check_sku ("A\u00a0B", NULL));
  g_assert_false (bo_check_sku ("A:B", &error));
  g_assert_nonnull (strstr (error->message, "“:”"));
  g_clear_error (&error);
  g_assert_false (bo_check_sku ("A@B", NULL));
  g_assert_false (bo_check_sku ("", NULL));
  g_assert_cmpuint (bo_sku_find_forbidden ("AB\tC"), ==, '\t');
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money/checked-arithmetic", test_checked_arithmetic);
  g_test_add_func ("/money/format-plain", test_format_plain);
  g_test_add_func ("/money/limits", test_limits);
  g_test_add_func ("/money/text-rules", test_text_rules);
  return g_test_run ();
}
