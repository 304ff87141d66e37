/* bo-error.c — the project error domain
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-error"

#include "config.h"

#include "backorders/bo-error.h"

G_DEFINE_QUARK (bo-error-quark, bo_error)
