/* fuzz-import-csv.c — libFuzzer target: CSV files of products, customers, suppliers, orders
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-import-common.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const BoImportFormat formats[] = {
    BO_IMPORT_CSV_PRODUCTS, BO_IMPORT_CSV_CUSTOMERS, BO_IMPORT_CSV_SUPPLIERS,
    BO_IMPORT_CSV_ORDERS,
  };

  /* The first byte picks the kind; the rest is the file. */
  if (size == 0)
    return 0;
  fuzz_import (formats[data[0] % G_N_ELEMENTS (formats)], data + 1, size - 1);
  return 0;
}
