/* bo-message.h — telling a customer where a backordered order stands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "bo-records.h"
#include "bo-store.h"

G_BEGIN_DECLS

void      bo_message_compose        (const BoOrder  *order,
                                     const char     *shop_name,
                                     const char     *currency,
                                     char          **subject,
                                     char          **body);
gboolean  bo_message_for_order      (BoStore        *store,
                                     gint64          order_id,
                                     char          **subject,
                                     char          **body,
                                     GError        **error);
char     *bo_message_mailto_uri     (const char     *email,
                                     const char     *subject,
                                     const char     *body);

G_END_DECLS
