/* test-period.c — ISO dates, local days of instants, and month/quarter/year arithmetic
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with TZ=Europe/Berlin (tests/meson.build): summer time starts on the
 * last Sunday of March and ends on the last Sunday of October.
 */
#define G_LOG_DOMAIN "test-period"

#include <glib.h>
#include <backorders/bo-period.h>

static guint32
day (const char *iso)
{
  guint32 julian = bo_date_parse_iso (iso);

  g_assert_cmpuint (julian, !=, 0);
  return julian;
}

static void
assert_day (guint32     julian,
            const char *expected)
{
  g_autofree char *text = bo_date_format_iso (julian);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_iso (void)
{
  static const char *const refused[] = {
    "2026-02-29", "2026-13-01", "2026-00-10", "2026-01-32", "26-01-01", "2026/01/01",
    "2026-01-01T10:00", "2026-01-01 ", "", "20260-01-01", "2026-001-01", "2026--01", "0000-01-01",
  };

  assert_day (day ("2026-03-01"), "2026-03-01");
  assert_day (day ("2024-02-29"), "2024-02-29");
  assert_day (day ("2026-3-1"), "2026-03-01");
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    if (bo_date_parse_iso (refused[i]) != 0)
      g_error ("“%s” was read as a date", refused[i]);
  g_assert_cmpuint (bo_date_parse_iso (NULL), ==, 0);
  g_assert_null (bo_date_format_iso (0));
}

static void
test_period_ranges (void)
{
  /* Months, with leap and ordinary Februaries. */
  assert_day (bo_period_first_day (BO_PERIOD_MONTH, day ("2024-02-17")), "2024-02-01");
  assert_day (bo_period_last_day (BO_PERIOD_MONTH, day ("2024-02-17")), "2024-02-29");
  assert_day (bo_period_last_day (BO_PERIOD_MONTH, day ("2026-02-01")), "2026-02-28");
  assert_day (bo_period_last_day (BO_PERIOD_MONTH, day ("2100-02-10")), "2100-02-28");
  assert_day (bo_period_last_day (BO_PERIOD_MONTH, day ("2000-02-10")), "2000-02-29");
  assert_day (bo_period_last_day (BO_PERIOD_MONTH, day ("2026-12-31")), "2026-12-31");

  /* Quarters and years, at their edges. */
  assert_day (bo_period_first_day (BO_PERIOD_QUARTER, day ("2026-03-31")), "2026-01-01");
  assert_day (bo_period_first_day (BO_PERIOD_QUARTER, day ("2026-04-01")), "2026-04-01");
  assert_day (bo_period_last_day (BO_PERIOD_QUARTER, day ("2026-11-15")), "2026-12-31");
  assert_day (bo_period_last_day (BO_PERIOD_QUARTER, day ("2024-01-15")), "2024-03-31");
  assert_day (bo_period_first_day (BO_PERIOD_YEAR, day ("2026-12-31")), "2026-01-01");
  assert_day (bo_period_last_day (BO_PERIOD_YEAR, day ("2024-06-30")), "2024-12-31");
  assert_day (bo_period_start (BO_PERIOD_QUARTER, 2026, 4), "2026-10-01");
  assert_day (bo_period_start (BO_PERIOD_MONTH, 2026, 2), "2026-02-01");

  /* Shifting from a 31st lands on the period's first day, never on 3 March. */
  assert_day (bo_period_shift (BO_PERIOD_MONTH, day ("2026-01-31"), 1), "2026-02-01");
  assert_day (bo_period_shift (BO_PERIOD_QUARTER, day ("2026-02-10"), -1), "2025-10-01");
  assert_day (bo_period_shift (BO_PERIOD_YEAR, day ("2024-02-29"), 1), "2025-01-01");

  /* "The last 12 months, 8 quarters, 5 years", today's period included. */
  assert_day (bo_period_range_back (BO_PERIOD_MONTH, day ("2026-03-31"), 12), "2025-04-01");
  assert_day (bo_period_range_back (BO_PERIOD_QUARTER, day ("2026-05-20"), 8), "2024-07-01");
  assert_day (bo_period_range_back (BO_PERIOD_YEAR, day ("2026-01-01"), 5), "2022-01-01");
  assert_day (bo_period_range_back (BO_PERIOD_MONTH, day ("2026-03-31"), 1), "2026-03-01");
}

/* A period's instants run between local midnights: March and October in
 * Berlin are an hour shorter and longer than their days. */
static void
test_local_time (void)
{
  gint64 start, end;

  g_assert_cmpstr (g_getenv ("TZ"), ==, "Europe/Berlin");

  bo_period_bounds_local (BO_PERIOD_MONTH, day ("2026-03-15"), &start, &end);
  g_assert_cmpint (start, ==, 1772319600);            /* 2026-03-01T00:00+01:00 */
  g_assert_cmpint (end - start, ==, 31 * 86400 - 3600);
  bo_period_bounds_local (BO_PERIOD_MONTH, day ("2026-10-15"), &start, &end);
  g_assert_cmpint (end - start, ==, 31 * 86400 + 3600);
  bo_period_bounds_local (BO_PERIOD_QUARTER, day ("2026-02-15"), &start, &end);
  g_assert_cmpint (end - start, ==, 90 * 86400 - 3600);
  bo_period_bounds_local (BO_PERIOD_YEAR, day ("2024-07-01"), &start, &end);
  g_assert_cmpint (end - start, ==, 366 * 86400);
  bo_period_bounds_local (BO_PERIOD_MONTH, day ("2026-06-15"), &start, &end);
  g_assert_cmpint (end - start, ==, 30 * 86400);

  /* Late on the last evening of a month is still that month here, though
   * it is the next day in UTC. */
  g_assert_cmpuint (bo_date_from_unix_local (1774994400 - 1), ==, day ("2026-03-31"));
  g_assert_cmpuint (bo_date_from_unix_local (1774994400), ==, day ("2026-04-01"));
  g_assert_cmpuint (bo_date_from_unix_local (1767221999), ==, day ("2025-12-31"));
  g_assert_cmpint (bo_date_to_unix_local (day ("2026-04-01")), ==, 1774994400);
  /* The day summer time starts is 23 hours long. */
  g_assert_cmpint (bo_date_to_unix_local (day ("2026-03-30")) -
                   bo_date_to_unix_local (day ("2026-03-29")), ==, 23 * 3600);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/period/iso", test_iso);
  g_test_add_func ("/period/ranges", test_period_ranges);
  g_test_add_func ("/period/local-time", test_local_time);
  return g_test_run ();
}
