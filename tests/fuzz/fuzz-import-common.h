/* fuzz-import-common.h — a shop for the import fuzz targets
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One shop, created once with a few products, customers and an order that
 * the fuzzed files can meet. Each input is planned; a plan without errors
 * is applied inside a transaction that is rolled back, so that every input
 * meets the same shop.
 */
#pragma once

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "backorders/bo-import.h"
#include "bo-store-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static BoStore *fuzz_store;

static void
fuzz_add_product (const char *sku,
                  const char *name,
                  gint64      stock)
{
  g_autoptr(BoProduct) p = bo_product_new ();

  p->sku = g_strdup (sku);
  p->name = g_strdup (name);
  p->on_hand = stock;
  p->price = 1250;
  g_assert (bo_store_save_product (fuzz_store, p, NULL));
}

static BoStore *
fuzz_shop (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(BoCustomer) ann = bo_customer_new ();
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();

  if (fuzz_store != NULL)
    return fuzz_store;
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  dir = g_dir_make_tmp ("bo-fuzz-XXXXXX", NULL);
  g_assert (dir != NULL);
  path = g_build_filename (dir, "shop.db", NULL);
  fuzz_store = bo_store_open (path, NULL);
  g_assert (fuzz_store != NULL);
  fuzz_add_product ("MUG-BLU", "Blue mug", 3);
  fuzz_add_product ("MUG-RED", "Red mug", 0);
  fuzz_add_product ("shirt-s", "Shirt - S", 5);
  ann->name = g_strdup ("Ann Adams");
  ann->email = g_strdup ("ann@example.com");
  g_assert (bo_store_save_customer (fuzz_store, ann, NULL));
  draft->customer_id = ann->id;
  bo_order_draft_add_line (draft, "MUG-BLU", 2, -1);
  g_assert (bo_store_place_order (fuzz_store, draft, FALSE, NULL, NULL));
  return fuzz_store;
}

static void
fuzz_import (BoImportFormat  format,
             const guint8   *data,
             size_t          size)
{
  BoStore *store = fuzz_shop ();
  g_autoptr(BoImporter) importer = bo_importer_new (store, format);
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(BoImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = bo_importer_plan (importer, stream, size, "fuzz.csv", NULL, &error);
  g_assert (plan != NULL && error == NULL);
  for (guint i = 0; i < bo_import_plan_get_n_problems (plan); i++)
    g_assert (bo_import_plan_get_problem (plan, i)->message != NULL);
  for (guint i = 0; i < bo_import_plan_get_n_items (plan); i++)
    (void) bo_import_plan_get_item (plan, i);

  if (bo_import_plan_can_apply (plan) && bo_import_plan_has_changes (plan))
    {
      g_autoptr(BoImportOutcome) outcome = NULL;
      g_autoptr(GError) apply_error = NULL;

      g_assert (_bo_store_begin (store, NULL));
      /* The store may refuse what the plan did not see (it checks again),
       * but what it writes keeps every rule of the checker. */
      if (bo_importer_apply (importer, plan, NULL, &outcome, &apply_error))
        g_assert (bo_store_check (store, NULL, NULL));
      else
        g_assert (apply_error->domain == BO_ERROR);
      _bo_store_rollback (store);
    }
}
