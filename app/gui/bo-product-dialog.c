/* bo-product-dialog.c — placeholder
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bo-product-dialog.h"

struct _BoProductDialog
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (BoProductDialog, bo_product_dialog, ADW_TYPE_WINDOW)

static void
bo_product_dialog_class_init (BoProductDialogClass *klass)
{
}

static void
bo_product_dialog_init (BoProductDialog *self)
{
}

GtkWindow *
bo_product_dialog_new (GtkWindow *parent,
                       BoStore   *store,
                       gint64     product_id)
{
  return g_object_new (BO_TYPE_PRODUCT_DIALOG, "transient-for", parent, NULL);
}
