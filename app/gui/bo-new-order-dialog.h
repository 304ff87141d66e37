/* bo-new-order-dialog.h — typing in an order, seeing what each line will get
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

#define BO_TYPE_NEW_ORDER_DIALOG (bo_new_order_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BoNewOrderDialog, bo_new_order_dialog, BO, NEW_ORDER_DIALOG, AdwWindow)

GtkWindow   *bo_new_order_dialog_new                    (GtkWindow        *parent,
                                                         BoStore          *store);
guint        bo_new_order_dialog_get_n_lines            (BoNewOrderDialog *self);
GtkEditable *bo_new_order_dialog_get_sku_entry          (BoNewOrderDialog *self,
                                                         guint             index);
GtkEditable *bo_new_order_dialog_get_quantity_entry     (BoNewOrderDialog *self,
                                                         guint             index);
GtkLabel    *bo_new_order_dialog_get_line_outcome_label (BoNewOrderDialog *self,
                                                         guint             index);
GtkLabel    *bo_new_order_dialog_get_line_problem_label (BoNewOrderDialog *self,
                                                         guint             index);

G_END_DECLS
