/* bo-test-skip.h — a test case that cannot run: skipped here, failed in CI
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a developer's machine a missing tool or data folder skips the case (and
 * .ci/run's closing line counts the skip). CI sets CI=true and installs
 * everything (build-aux/ensure-deps --test), so there a missing piece means
 * CI no longer tests what it claims to: the case fails.
 */
#pragma once

#include <glib.h>

/* Ends the current test case as skipped, or as failed when CI=true. The
 * caller returns right after. */
static inline void
bo_test_skip_missing (const char *what)
{
  if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_test_fail_printf ("CI=true and %s", what);
  else
    g_test_skip (what);
}
