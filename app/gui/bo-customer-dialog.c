/* bo-customer-dialog.c — placeholder
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bo-customer-dialog.h"

struct _BoCustomerDialog
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (BoCustomerDialog, bo_customer_dialog, ADW_TYPE_WINDOW)

static void
bo_customer_dialog_class_init (BoCustomerDialogClass *klass)
{
}

static void
bo_customer_dialog_init (BoCustomerDialog *self)
{
}
