/* bo-reset-model.h — hands a list model's changes to GTK's views so that a reload does not walk the list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BO_TYPE_RESET_MODEL (bo_reset_model_get_type ())
G_DECLARE_FINAL_TYPE (BoResetModel, bo_reset_model, BO, RESET_MODEL, GObject)

BoResetModel *bo_reset_model_new       (GListModel   *model);
GListModel   *bo_reset_model_get_model (BoResetModel *self);

G_END_DECLS
