/* bo-notifier.h — desktop notifications: stock arrived, low stock, overdue purchase orders
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

typedef enum
{
  BO_NOTIFY_ARRIVALS,
  BO_NOTIFY_REORDER,
  BO_NOTIFY_OVERDUE,
  BO_NOTIFY_N_KINDS
} BoNotifyKind;

#define BO_TYPE_NOTIFIER (bo_notifier_get_type ())
G_DECLARE_FINAL_TYPE (BoNotifier, bo_notifier, BO, NOTIFIER, GObject)

BoNotifier *bo_notifier_new             (GActionGroup             *actions);
void        bo_notifier_set_enabled     (BoNotifier               *self,
                                         BoNotifyKind              kind,
                                         gboolean                  enabled);
gboolean    bo_notifier_stock_received  (BoNotifier               *self,
                                         BoStore                  *store,
                                         const char               *po_number,
                                         const BoAllocationResult *result);
gboolean    bo_notifier_low_stock       (BoNotifier               *self,
                                         GPtrArray                *products);
gboolean    bo_notifier_overdue         (BoNotifier               *self,
                                         gint64                    n_overdue);
guint       bo_notifier_get_n_open      (BoNotifier               *self);

G_END_DECLS
