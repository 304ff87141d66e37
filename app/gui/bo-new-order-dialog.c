/* bo-new-order-dialog.c — placeholder
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bo-new-order-dialog.h"

struct _BoNewOrderDialog
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (BoNewOrderDialog, bo_new_order_dialog, ADW_TYPE_WINDOW)

static void
bo_new_order_dialog_class_init (BoNewOrderDialogClass *klass)
{
}

static void
bo_new_order_dialog_init (BoNewOrderDialog *self)
{
}
