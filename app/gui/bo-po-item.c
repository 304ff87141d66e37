/* bo-po-item.c — placeholder
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
