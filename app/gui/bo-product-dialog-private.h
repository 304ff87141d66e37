/* bo-product-dialog-private.h — what the parts of the product dialog share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bo-product-dialog.h"

G_BEGIN_DECLS

struct _BoProductDialog
{
  AdwWindow            parent_instance;

  /* template widgets: the product */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkLabel            *status_label;
  AdwToastOverlay     *toast_overlay;
  AdwEntryRow         *sku_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *price_row;
  AdwEntryRow         *cost_row;
  AdwEntryRow         *location_row;
  GtkLabel            *price_currency;
  GtkLabel            *cost_currency;
  AdwComboRow         *policy_row;
  AdwEntryRow         *reorder_point_row;
  AdwEntryRow         *reorder_qty_row;
  GtkSwitch           *drop_ship_switch;
  GtkSwitch           *discontinued_switch;

  /* template widgets: stock */
  AdwPreferencesGroup *stock_group;
  AdwEntryRow         *initial_stock_row;
  AdwActionRow        *on_hand_row;
  AdwActionRow        *allocated_row;
  AdwActionRow        *backordered_row;
  AdwActionRow        *incoming_row;
  GtkLabel            *on_hand_label;
  GtkLabel            *allocated_label;
  GtkLabel            *backordered_label;
  GtkLabel            *incoming_label;
  AdwPreferencesGroup *adjust_group;
  AdwEntryRow         *delta_row;
  AdwEntryRow         *note_row;
  GtkLabel            *adjust_reason;
  AdwPreferencesGroup *history_group;
  AdwExpanderRow      *movements_row;

  /* template widgets: suppliers */
  AdwPreferencesGroup *suppliers_group;
  AdwPreferencesGroup *link_group;
  AdwComboRow         *link_supplier_row;
  AdwEntryRow         *link_sku_row;
  AdwEntryRow         *link_cost_row;
  AdwEntryRow         *link_lead_row;
  AdwEntryRow         *link_moq_row;
  GtkSwitch           *link_preferred_switch;
  GtkLabel            *link_reason;

  /* owned */
  BoStore             *store;
  gulong               changed_id;
  gint64               product_id;   /* 0: a new product */
  BoProduct           *product;      /* as last read, for an existing product */
  char                *currency;
  GPtrArray           *link_rows;    /* GtkWidget rows of suppliers_group */
  GArray              *supplier_ids; /* gint64, by position in link_supplier_row */
  GPtrArray           *movement_rows;
  GPtrArray           *pending_unlinks;
  AdwToast            *toast;        /* the newest toast */
  gboolean             loading;
  gboolean             form_valid;
  gboolean             adjust_valid;
  gboolean             link_valid;
};

void     _bo_product_dialog_update_actions     (BoProductDialog *self);
void     _bo_product_dialog_add_toast          (BoProductDialog *self,
                                                AdwToast        *toast);

/* bo-product-dialog-stock.c */
void     _bo_product_dialog_stock_class_init   (GtkWidgetClass  *widget_class);
void     _bo_product_dialog_show_stock         (BoProductDialog *self);
gboolean _bo_product_dialog_validate_adjust    (BoProductDialog *self);

/* bo-product-dialog-suppliers.c */
void     _bo_product_dialog_suppliers_class_init (GtkWidgetClass *widget_class);
void     _bo_product_dialog_show_suppliers     (BoProductDialog *self);
gboolean _bo_product_dialog_validate_link      (BoProductDialog *self);
void     _bo_product_dialog_commit_unlinks     (BoProductDialog *self,
                                                gboolean         report);

G_END_DECLS
