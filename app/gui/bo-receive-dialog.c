/* bo-receive-dialog.c — placeholder
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bo-receive-dialog.h"

struct _BoReceiveDialog
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (BoReceiveDialog, bo_receive_dialog, ADW_TYPE_WINDOW)

static void
bo_receive_dialog_class_init (BoReceiveDialogClass *klass)
{
}

static void
bo_receive_dialog_init (BoReceiveDialog *self)
{
}
