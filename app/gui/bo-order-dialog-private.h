/* bo-order-dialog-private.h — what the parts of the order dialog share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-order-dialog.h"

G_BEGIN_DECLS

/* A destructive change waiting for its Undo toast to go away. */
typedef enum
{
  BO_PENDING_NONE,
  BO_PENDING_CANCEL_LINE,
  BO_PENDING_CANCEL_SHIPMENT,
} BoPendingKind;

typedef struct
{
  BoPendingKind kind;
  gint64        id;          /* line or shipment */
  gint64        quantity;    /* units to cancel */
  AdwToast     *toast;       /* borrowed: the overlay owns it */
} BoPending;

/* A spin button of the new-shipment form and the line it packs. */
typedef struct
{
  gint64         line_id;
  GtkSpinButton *spin;
} BoPackSpin;

struct _BoOrderDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkMenuButton       *priority_button;
  AdwToastOverlay     *toast_overlay;
  GtkScrolledWindow   *page_scroller;
  GtkScrolledWindow   *lines_scroller;
  AdwActionRow        *customer_row;
  AdwActionRow        *placed_row;
  AdwActionRow        *priority_row;
  AdwActionRow        *ship_complete_row;
  AdwActionRow        *promise_row;
  GtkGrid             *lines_grid;
  AdwPreferencesGroup *cancel_group;
  AdwActionRow        *cancel_quantity_row;
  GtkSpinButton       *cancel_spin;
  AdwActionRow        *refund_row;
  GtkLabel            *refund_label;
  AdwPreferencesGroup *pack_group;
  AdwPreferencesGroup *shipments_group;
  AdwPreferencesGroup *goodwill_group;

  /* owned */
  BoStore             *store;
  gulong               changed_id;
  GCancellable        *loading;       /* the first read, in a worker */
  gint64               order_id;
  char                *currency;
  BoOrder             *order;         /* NULL when it could not be read */
  GPtrArray           *shipments;     /* BoShipment */
  GPtrArray           *shipment_rows; /* rows added to shipments_group */
  GArray              *pack_spins;    /* BoPackSpin, while the form is open */
  GPtrArray           *pack_rows;     /* rows added to pack_group */
  GPtrArray           *goodwill_rows; /* rows added to goodwill_group */
  gint64               cancel_line_id; /* the line of the open cancel form, or 0 */
  BoPending            pending;
  AdwToast            *shipped_toast;  /* weak: offers to undo the last Mark Shipped */
  AdwToast            *toast;          /* weak: the newest toast */
};

/* bo-order-dialog-customer.c */
void               _bo_order_dialog_install_customer_actions (GtkWidgetClass *widget_class);
void               _bo_order_dialog_update_customer_actions  (BoOrderDialog  *self);
char              *_bo_order_dialog_customer_message         (BoOrderDialog  *self,
                                                              char          **subject,
                                                              char          **body);

/* bo-order-dialog-goodwill.c */
void               _bo_order_dialog_install_goodwill_actions (GtkWidgetClass *widget_class);
void               _bo_order_dialog_fill_goodwill            (BoOrderDialog  *self);
void               _bo_order_dialog_update_goodwill_actions  (BoOrderDialog  *self);

/* bo-order-dialog.c */
void               _bo_order_dialog_reload          (BoOrderDialog *self);
void               _bo_order_dialog_update_actions  (BoOrderDialog *self);
void               _bo_order_dialog_show_error      (BoOrderDialog *self,
                                                     const char    *what,
                                                     const GError  *error);
void               _bo_order_dialog_show_toast      (BoOrderDialog *self,
                                                     AdwToast      *toast);
const BoOrderLine *_bo_order_dialog_find_line       (BoOrderDialog *self,
                                                     gint64         line_id);
gint64             _bo_order_dialog_packed          (BoOrderDialog *self,
                                                     gint64         line_id);
gint64             _bo_order_dialog_cancellable     (BoOrderDialog *self,
                                                     const BoOrderLine *line);

/* bo-order-dialog-actions.c */
void               _bo_order_dialog_install_actions (GtkWidgetClass *widget_class);
void               _bo_order_dialog_commit_pending  (BoOrderDialog *self);
void               _bo_order_dialog_refresh_forms   (BoOrderDialog *self);
void               _bo_order_dialog_update_refund   (BoOrderDialog *self);
void               _bo_order_dialog_clear_pack_form (BoOrderDialog *self);

void _bo_order_dialog_scroll_into_view (BoOrderDialog *self,
                                     GtkWidget     *widget);

G_END_DECLS
