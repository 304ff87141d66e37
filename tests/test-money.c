/* test-money.c — currencies, limits, overflow-checked totals, amounts as text and text rules
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-money"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <backorders/bo-error.h>
#include <backorders/bo-money.h>

#include "bo-test-skip.h"

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

/* ISO 4217's minor units: the number of decimals of every amount. */
static void
test_currency_exponents (void)
{
  g_assert_cmpuint (bo_currency_exponent ("JPY"), ==, 0);
  g_assert_cmpuint (bo_currency_exponent ("KRW"), ==, 0);
  g_assert_cmpuint (bo_currency_exponent ("EUR"), ==, 2);
  g_assert_cmpuint (bo_currency_exponent ("USD"), ==, 2);
  g_assert_cmpuint (bo_currency_exponent ("KWD"), ==, 3);
  g_assert_cmpuint (bo_currency_exponent ("BHD"), ==, 3);
  g_assert_cmpuint (bo_currency_exponent ("TND"), ==, 3);
  g_assert_cmpuint (bo_currency_exponent ("CLF"), ==, 4);
  /* Not set, or not (yet) in the standard: two decimals. */
  g_assert_cmpuint (bo_currency_exponent (NULL), ==, 2);
  g_assert_cmpuint (bo_currency_exponent (""), ==, 2);
  g_assert_cmpuint (bo_currency_exponent ("XYZ"), ==, 2);
  g_assert_true (bo_currency_is_listed ("JPY"));
  g_assert_true (bo_currency_is_listed ("EUR"));
  g_assert_false (bo_currency_is_listed ("XYZ"));

  /* The limit is the same number of minor units in every currency, so one
   * line at the limits still fits nine times in 64 bits. */
  for (guint e = 0; e <= BO_CURRENCY_MAX_EXPONENT; e++)
    {
      gint64 line;

      g_assert_true (bo_money_mul (BO_QUANTITY_MAX, BO_MONEY_MAX, &line));
      g_assert_cmpint (line, <, G_MAXINT64 / 9);
    }
}

static void
assert_format (gint64       minor,
               const char  *currency,
               BoMoneyStyle style,
               const char  *expected)
{
  g_autofree char *text = bo_money_format (minor, currency, style);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_styles (void)
{
  /* C locale: a dot, no grouping in the window's style. */
  assert_format (800000, "EUR", BO_MONEY_DISPLAY, "8000.00 EUR");
  assert_format (8000, "JPY", BO_MONEY_DISPLAY, "8000 JPY");
  assert_format (1234, "KWD", BO_MONEY_DISPLAY, "1.234 KWD");
  assert_format (-5, "EUR", BO_MONEY_DISPLAY, "−0.05 EUR");
  assert_format (8000, "JPY", BO_MONEY_TEXT, "8000 JPY");
  assert_format (-1234, "KWD", BO_MONEY_TEXT, "-1.234 KWD");
  assert_format (1250, "EUR", BO_MONEY_ENTRY, "12.50");
  assert_format (8000, "JPY", BO_MONEY_ENTRY, "8000");
  assert_format (8000, "JPY", BO_MONEY_DATA, "8000");
  assert_format (5, "KWD", BO_MONEY_DATA, "0.005");
  assert_format (12345, "CLF", BO_MONEY_DATA, "1.2345");
  assert_format (1250, NULL, BO_MONEY_TEXT, "12.50");
  assert_format (1250, "", BO_MONEY_DISPLAY, "12.50");
  assert_format (G_MININT64, "JPY", BO_MONEY_DATA, "-9223372036854775808");

  /* Messages about limits speak in the currency's decimals. */
  {
    g_autofree char *yen = bo_money_format_plain_in (BO_MONEY_MAX, "JPY");
    g_autofree char *dinar = bo_money_format_plain_in (BO_MONEY_MAX, "KWD");
    g_autoptr(GError) error = NULL;

    g_assert_cmpstr (yen, ==, "999,999,999");
    g_assert_cmpstr (dinar, ==, "999,999.999");
    g_assert_false (bo_check_amount_in (BO_MONEY_MAX + 1, "JPY", "The price", &error));
    g_assert_cmpstr (error->message, ==, "The price must be from 0 to 999,999,999, not "
                                         "1,000,000,000");
  }
}

typedef struct
{
  const char *text;
  const char *currency;
  gboolean    form, cli, import;
  gint64      minor;
} ParseCase;

/* One rule per context, each with the currency's decimals. */
static void
test_parse_contexts (void)
{
  static const ParseCase cases[] = {
    /*  text        currency  form   cli    import minor */
    { "12",        "EUR",  TRUE,  TRUE,  TRUE,  1200 },
    { "12.5",      "EUR",  TRUE,  TRUE,  TRUE,  1250 },
    { "12.50",     "EUR",  TRUE,  TRUE,  TRUE,  1250 },
    { "12,50",     "EUR",  FALSE, FALSE, TRUE,  1250 },   /* the C locale's point is a dot */
    { " 12.50 ",   "EUR",  TRUE,  FALSE, TRUE,  1250 },
    { ".5",        "EUR",  TRUE,  FALSE, TRUE,  50 },
    { "12.505",    "EUR",  FALSE, FALSE, FALSE, 0 },
    { "12.500",    "EUR",  FALSE, FALSE, TRUE,  1250 },   /* zeros a file may carry */
    { "8000",      "JPY",  TRUE,  TRUE,  TRUE,  8000 },
    { "8000.5",    "JPY",  FALSE, FALSE, FALSE, 0 },
    { "8000.00",   "JPY",  FALSE, FALSE, TRUE,  8000 },
    { "1.234",     "KWD",  TRUE,  TRUE,  TRUE,  1234 },
    { "1,234",     "KWD",  FALSE, FALSE, TRUE,  1234 },
    { "1.2",       "KWD",  TRUE,  TRUE,  TRUE,  1200 },
    { "1.2345",    "KWD",  FALSE, FALSE, FALSE, 0 },
    { "-3",        "EUR",  FALSE, FALSE, FALSE, 0 },
    { "1,234.56",  "EUR",  FALSE, FALSE, FALSE, 0 },
    { "12 EUR",    "EUR",  FALSE, FALSE, FALSE, 0 },
    { "1e3",       "EUR",  FALSE, FALSE, FALSE, 0 },
    { "",          "EUR",  FALSE, FALSE, FALSE, 0 },
    { "1.",        "EUR",  FALSE, FALSE, FALSE, 0 },
    { "999999999999999", "JPY", TRUE, TRUE, FALSE, 999999999999999 },
    { "9999999999999999", "JPY", FALSE, FALSE, FALSE, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ParseCase *c = &cases[i];
      const gboolean expected[] = { c->form, c->cli, c->import };
      const BoMoneyInput inputs[] = {
        BO_MONEY_INPUT_FORM, BO_MONEY_INPUT_CLI, BO_MONEY_INPUT_IMPORT
      };

      for (gsize k = 0; k < G_N_ELEMENTS (inputs); k++)
        {
          gint64 minor = -1;
          gboolean ok = bo_money_parse (c->text, c->currency, inputs[k], &minor);

          if (ok != expected[k])
            g_error ("“%s” in %s, context %" G_GSIZE_FORMAT ": expected %s", c->text,
                     c->currency, k, expected[k] ? "an amount" : "a refusal");
          if (ok)
            g_assert_cmpint (minor, ==, c->minor);
        }
    }
}

/* Compiles @name.UTF-8 into a new folder and points LOCPATH at it; returns
 * the folder, or NULL when localedef is missing. */
static char *
compile_locale (const char *name)
{
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;

  if (localedef == NULL)
    return NULL;
  dir = g_dir_make_tmp ("test-money-locale-XXXXXX", &error);
  g_assert_no_error (error);
  target = g_strdup_printf ("%s/%s.UTF-8", dir, name);
  /* localedef exits with 1 for mere warnings: what counts is the locale. */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, localedef, "-i", name, "-f", "UTF-8", target, NULL);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_setenv ("LOCPATH", dir, TRUE);
  return g_steal_pointer (&dir);
}

/* A window in a locale that writes a comma takes the comma and the dot;
 * the command line keeps its dot. Runs where such a locale is installed. */
static void
test_parse_locale_comma (void)
{
  const char *locales[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8" };
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  gboolean found = FALSE;
  gint64 minor = 0;

  g_autofree char *locale_dir = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (locales) && !found; i++)
    found = setlocale (LC_NUMERIC, locales[i]) != NULL;
  /* A fresh machine has no German locale: compile one for the test into a
   * folder of its own (package locales), as test-picklist does for Letter. */
  if (!found && (locale_dir = compile_locale ("de_DE")) != NULL)
    found = setlocale (LC_NUMERIC, "de_DE.UTF-8") != NULL;
  if (!found)
    {
      bo_test_skip_missing ("there is no German or French locale, and localedef cannot make one "
                            "(package locales)");
      return;
    }
  g_assert_true (bo_money_parse ("12,50", "EUR", BO_MONEY_INPUT_FORM, &minor));
  g_assert_cmpint (minor, ==, 1250);
  g_assert_true (bo_money_parse ("12.50", "EUR", BO_MONEY_INPUT_FORM, &minor));
  g_assert_false (bo_money_parse ("12,50", "EUR", BO_MONEY_INPUT_CLI, &minor));
  assert_format (1234, "KWD", BO_MONEY_TEXT, "1,234 KWD");
  assert_format (1234, "KWD", BO_MONEY_DATA, "1.234");
  setlocale (LC_NUMERIC, saved);
  if (locale_dir != NULL)
    {
      g_autofree char *compiled = g_build_filename (locale_dir, "de_DE.UTF-8", NULL);
      const char *argv[] = { "rm", "-rf", compiled, NULL };

      g_unsetenv ("LOCPATH");
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                    NULL);
      g_rmdir (locale_dir);
    }
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
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money/currency-exponents", test_currency_exponents);
  g_test_add_func ("/money/format-styles", test_format_styles);
  g_test_add_func ("/money/parse-contexts", test_parse_contexts);
  g_test_add_func ("/money/parse-locale-comma", test_parse_locale_comma);
  g_test_add_func ("/money/checked-arithmetic", test_checked_arithmetic);
  g_test_add_func ("/money/format-plain", test_format_plain);
  g_test_add_func ("/money/limits", test_limits);
  g_test_add_func ("/money/text-rules", test_text_rules);
  return g_test_run ();
}
