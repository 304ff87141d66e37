/* fuzz-import-woocommerce.c — libFuzzer target: WooCommerce's products export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-import-common.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  fuzz_import (BO_IMPORT_WOOCOMMERCE_PRODUCTS, data, size);
  return 0;
}
