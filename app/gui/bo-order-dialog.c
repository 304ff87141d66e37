/* bo-order-dialog.c — placeholder
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bo-order-dialog.h"

struct _BoOrderDialog
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (BoOrderDialog, bo_order_dialog, ADW_TYPE_WINDOW)

static void
bo_order_dialog_class_init (BoOrderDialogClass *klass)
{
}

static void
bo_order_dialog_init (BoOrderDialog *self)
{
}
