/* bo-po-dialog-private.h — what the parts of the purchase-order dialog share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-po-dialog.h"

G_BEGIN_DECLS

/* A line of a purchase order not created yet. */
typedef struct
{
  gint64  product_id;
  char   *sku;
  char   *name;
  gint64  quantity;
  gint64  cost;        /* -1: the supplier's */
} BoPoDraftLine;

struct _BoPoDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *close_button;
  GtkWidget           *create_button;
  GtkWidget           *receive_button;
  GtkWidget           *supplier_shipped_button;
  GtkWidget           *info_group;
  AdwActionRow        *supplier_info_row;
  AdwActionRow        *status_row;
  AdwActionRow        *created_row;
  AdwActionRow        *ship_to_row;
  AdwPreferencesGroup *supplier_group;
  AdwComboRow         *supplier_row;
  AdwPreferencesGroup *eta_group;
  AdwEntryRow         *eta_row;
  GtkMenuButton       *eta_calendar_button;
  GtkCalendar         *eta_calendar;
  GtkWidget           *set_eta_button;
  GtkListBox          *lines_list;
  GtkWidget           *add_group;
  GtkListBox          *add_list;
  AdwEntryRow         *sku_row;
  AdwEntryRow         *quantity_row;
  AdwEntryRow         *cost_row;
  GtkLabel            *status_label;
  GtkWidget           *actions_group;

  /* owned */
  BoStore             *store;
  char                *currency;
  gint64               po_id;          /* 0 until the purchase order exists */
  BoPurchaseOrder     *po;
  GArray              *supplier_ids;   /* gint64, as listed in supplier_row */
  GArray              *draft;          /* BoPoDraftLine, for a new purchase order */
  GPtrArray           *suggestions;    /* SKU suggestion rows in add_list */
  BoProduct           *line_product;   /* the product the SKU entry names */
  gint64               line_quantity;
  gint64               line_cost;
  gboolean             line_valid;
  gboolean             line_empty;
  guint32              eta;
  gboolean             eta_valid;
  gboolean             cancel_pending;
  AdwToast            *toast;          /* the newest toast */
  gboolean             closing;
  gboolean             showing_eta;    /* the calendar is set to the typed date */
};

gint64   _bo_po_dialog_get_supplier_id       (BoPoDialog    *self);
void     _bo_po_dialog_update_actions        (BoPoDialog    *self);
void     _bo_po_dialog_explain_disabled      (BoPoDialog    *self,
                                              gboolean       is_new,
                                              gboolean       can_create);
gboolean _bo_po_dialog_is_open               (BoPoDialog    *self);
void     _bo_po_dialog_show_toast            (BoPoDialog    *self,
                                              const char    *title);
void     _bo_po_dialog_show_error            (BoPoDialog    *self,
                                              const char    *heading,
                                              const GError  *error);

void     _bo_po_dialog_show_lines            (BoPoDialog    *self);
void     _bo_po_dialog_validate_line         (BoPoDialog    *self);
void     _bo_po_dialog_clear_line            (BoPoDialog    *self);
void     _bo_po_dialog_add_line              (BoPoDialog    *self);
void     _bo_po_dialog_remove_draft_line     (BoPoDialog    *self,
                                              guint          index);
void     _bo_po_dialog_sku_changed_cb        (BoPoDialog    *self);
void     _bo_po_dialog_line_changed_cb       (BoPoDialog    *self);
void     _bo_po_dialog_line_activated_cb     (BoPoDialog    *self);
void     _bo_po_dialog_suggestion_activated_cb (BoPoDialog  *self,
                                                GtkListBoxRow *row);
void     _bo_po_draft_line_clear             (BoPoDraftLine *line);

G_END_DECLS
