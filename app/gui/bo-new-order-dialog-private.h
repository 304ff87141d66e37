/* bo-new-order-dialog-private.h — what the parts of the new-order dialog share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-new-order-dialog.h"
#include "bo-suggestion-popover.h"

G_BEGIN_DECLS

/* One line of the draft and the widgets that edit it. */
typedef struct
{
  /* borrowed */
  BoNewOrderDialog    *dialog;
  GtkWidget           *row;
  GtkEditable         *sku_entry;
  GtkEditable         *quantity_entry;
  GtkWidget           *remove_button;
  GtkLabel            *product_label;
  GtkLabel            *problem_label;
  GtkLabel            *outcome_label;
  BoSuggestionPopover *suggestions;

  /* owned */
  guint                serial;        /* the remove action's target */
  gint64               product_id;    /* 0: no product with that SKU */
  gint64               quantity;      /* 0: not a valid quantity */
  gboolean             blank;         /* no SKU typed: not part of the order */
  gboolean             problem;       /* a field is invalid */
  gboolean             refused;       /* the store refused the line */
  gboolean             picking;       /* setting the SKU from a suggestion */
} BoNewOrderLine;

struct _BoNewOrderDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwPreferencesGroup *customer_group;
  AdwEntryRow         *customer_row;
  AdwEntryRow         *number_row;
  GtkWidget           *place_button;
  GtkLabel            *status_label;
  GtkSwitch           *ship_complete_switch;
  AdwComboRow         *priority_row;
  AdwPreferencesGroup *lines_group;

  /* borrowed */
  BoSuggestionPopover *customer_suggestions;

  /* owned */
  BoStore             *store;
  gulong               changed_id;
  BoCustomer          *customer;      /* the chosen customer, or NULL */
  char                *customer_hint; /* how to finish a half-typed customer */
  GPtrArray           *lines;         /* BoNewOrderLine */
  guint                next_serial;
  guint                preview_source;
  gboolean             preview_ok;    /* the whole draft was accepted */
  gboolean             number_ok;
  gboolean             setting_fields; /* changes made by the dialog itself */
  gboolean             ship_complete_chosen;
};

/* bo-new-order-dialog-lines.c */
BoNewOrderLine *_bo_new_order_dialog_add_line       (BoNewOrderDialog *self);
void            _bo_new_order_dialog_remove_line    (BoNewOrderDialog *self,
                                                     guint             serial);
void            _bo_new_order_dialog_check_lines    (BoNewOrderDialog *self);
void            _bo_new_order_dialog_queue_preview  (BoNewOrderDialog *self);
void            _bo_new_order_dialog_run_preview    (BoNewOrderDialog *self);
BoOrderDraft   *_bo_new_order_dialog_make_draft     (BoNewOrderDialog *self,
                                                     gboolean          with_number);
void            _bo_new_order_line_free             (gpointer          data);

/* bo-new-order-dialog.c */
void            _bo_new_order_dialog_update_actions (BoNewOrderDialog *self);

G_END_DECLS
