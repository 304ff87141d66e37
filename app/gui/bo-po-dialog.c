/* bo-po-dialog.c — placeholder
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bo-po-dialog.h"

struct _BoPoDialog
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (BoPoDialog, bo_po_dialog, ADW_TYPE_WINDOW)

static void
bo_po_dialog_class_init (BoPoDialogClass *klass)
{
}

static void
bo_po_dialog_init (BoPoDialog *self)
{
}
