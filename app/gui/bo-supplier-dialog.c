/* bo-supplier-dialog.c — placeholder
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bo-supplier-dialog.h"

struct _BoSupplierDialog
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (BoSupplierDialog, bo_supplier_dialog, ADW_TYPE_WINDOW)

static void
bo_supplier_dialog_class_init (BoSupplierDialogClass *klass)
{
}

static void
bo_supplier_dialog_init (BoSupplierDialog *self)
{
}
