/* bo-error.h — the project error domain
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BO_ERROR (bo_error_quark ())

/**
 * BoError:
 * @BO_ERROR_INVALID: bad input; the message names the field or value
 * @BO_ERROR_NOT_FOUND: a named thing (SKU, order number…) does not exist
 * @BO_ERROR_REFUSED: a business rule refused the operation (backorder policy…)
 * @BO_ERROR_CONFLICT: the thing exists already (duplicate SKU, number…)
 * @BO_ERROR_DATABASE: the database file is unusable (not a database, corrupt, I/O)
 * @BO_ERROR_BUSY: another program holds the database locked
 * @BO_ERROR_INCONSISTENT: the invariant checker found a broken rule
 * @BO_ERROR_OVERFLOW: a total of amounts or quantities does not fit in 64 bits
 *
 * Error codes of the %BO_ERROR domain.
 */
typedef enum
{
  BO_ERROR_INVALID,
  BO_ERROR_NOT_FOUND,
  BO_ERROR_REFUSED,
  BO_ERROR_CONFLICT,
  BO_ERROR_DATABASE,
  BO_ERROR_BUSY,
  BO_ERROR_INCONSISTENT,
  BO_ERROR_OVERFLOW,
} BoError;

GQuark bo_error_quark (void);

G_END_DECLS
