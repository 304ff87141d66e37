/* bo-purchase-orders-view.c — the purchase orders: open, late, received
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-purchase-orders-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-column-fit.h"
#include "bo-backorders-view.h"
#include "bo-column-sorter.h"
#include "bo-list-controller.h"
#include "bo-po-dialog.h"
#include "bo-po-item.h"
#include "bo-purchase-orders-view.h"

struct _BoPurchaseOrdersView
{
  BoView            parent_instance;

  /* template widgets */
  GtkSearchEntry   *search_entry;
  GtkColumnView    *column_view;
  GtkStack         *stack;
  AdwStatusPage    *empty_page;

  /* owned */
  BoListController *list;
  gboolean          open_only;
};

G_DEFINE_FINAL_TYPE (BoPurchaseOrdersView, bo_purchase_orders_view, BO_TYPE_VIEW)

enum {
  PROP_0,
  PROP_OPEN_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- rows ------------------------------------------------------------------- */

/* The list's filter is 1 for open purchase orders only, 0 for all. */
static gint64
count_pos (BoStore     *store,
           const char  *search,
           gint         filter,
           GError     **error)
{
  return bo_store_count_pos (store, filter != 0, search, error);
}

static GPtrArray *
fetch_pos (BoStore     *store,
           const char  *search,
           const char  *sort,
           gint         filter,
           guint        offset,
           guint        limit,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = bo_store_list_po_summaries (store, filter != 0, search, sort, offset,
                                                          limit, error);
  g_autofree char *currency = bo_store_get_setting (store, "currency");
  GPtrArray *items;

  if (rows == NULL)
    return NULL;
  /* The items take the records over. */
  g_ptr_array_set_free_func (rows, NULL);
  items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, bo_po_item_new (g_ptr_array_index (rows, i), currency));
  return items;
}

/* ---- helpers ---------------------------------------------------------------- */

static void
update_empty (BoPurchaseOrdersView *self)
{
  GListModel *model = bo_list_controller_get_model (self->list);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (g_list_model_get_n_items (model) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  if (search != NULL && *search != '\0')
    adw_status_page_set_description (self->empty_page,
                                     _("No purchase order matches the search."));
  else if (self->open_only && bo_view_get_store (BO_VIEW (self)) != NULL &&
           bo_store_count_pos (bo_view_get_store (BO_VIEW (self)), FALSE, NULL, NULL) > 0)
    adw_status_page_set_description (self->empty_page,
                                     _("Every purchase order has been received or cancelled. "
                                       "Order the shortages to draft new ones."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("Order the shortages to draft purchase orders from the "
                                       "backorders, or start one by hand."));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
open_po (BoPurchaseOrdersView *self,
         gint64                po_id)
{
  GtkWindow *dialog = bo_po_dialog_new (bo_view_get_window (BO_VIEW (self)),
                                        bo_view_get_store (BO_VIEW (self)), po_id);
  gtk_window_present (dialog);
}

/* ---- callbacks -------------------------------------------------------------- */

static void
row_activated_cb (BoPurchaseOrdersView *self,
                  guint                 position)
{
  g_autoptr(BoPoItem) item = g_list_model_get_item (bo_list_controller_get_model (self->list),
                                                    position);
  const BoPoSummary *po = item != NULL ? bo_po_item_get_summary (item) : NULL;

  if (po != NULL)
    open_po (self, po->id);
}

static void
items_changed_cb (BoPurchaseOrdersView *self)
{
  update_empty (self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_po (BO_PURCHASE_ORDERS_VIEW (widget), 0);
}

static void
order_shortages_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _bo_order_shortages (BO_VIEW (widget), NULL, 0, FALSE);
}

/* ---- BoView ----------------------------------------------------------------- */

static void
bo_purchase_orders_view_reload (BoView *view)
{
  BoPurchaseOrdersView *self = BO_PURCHASE_ORDERS_VIEW (view);

  bo_list_controller_set_store (self->list, bo_view_get_store (view));
}

static gboolean
bo_purchase_orders_view_focus_search (BoView *view)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BO_PURCHASE_ORDERS_VIEW (view)->search_entry));
}

/* ---- GObject ---------------------------------------------------------------- */

static void
bo_purchase_orders_view_dispose (GObject *object)
{
  BoPurchaseOrdersView *self = BO_PURCHASE_ORDERS_VIEW (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (bo_list_controller_get_model (self->list), self);
  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_PURCHASE_ORDERS_VIEW);

  G_OBJECT_CLASS (bo_purchase_orders_view_parent_class)->dispose (object);
}

static void
bo_purchase_orders_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_OPEN_ONLY:
      g_value_set_boolean (value, BO_PURCHASE_ORDERS_VIEW (object)->open_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_purchase_orders_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  BoPurchaseOrdersView *self = BO_PURCHASE_ORDERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_OPEN_ONLY:
      if (self->open_only != g_value_get_boolean (value))
        {
          self->open_only = g_value_get_boolean (value);
          bo_list_controller_set_filter (self->list, self->open_only ? 1 : 0);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* "open" or "all". */
static gboolean
bo_purchase_orders_view_show_filter (BoView     *view,
                                     const char *name)
{
  if (!g_str_equal (name, "open") && !g_str_equal (name, "all"))
    return FALSE;
  g_object_set (view, "open-only", g_str_equal (name, "open"), NULL);
  return TRUE;
}

static void
bo_purchase_orders_view_class_init (BoPurchaseOrdersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BoViewClass *view_class = BO_VIEW_CLASS (klass);

  object_class->dispose = bo_purchase_orders_view_dispose;
  object_class->get_property = bo_purchase_orders_view_get_property;
  object_class->set_property = bo_purchase_orders_view_set_property;
  view_class->reload = bo_purchase_orders_view_reload;
  view_class->focus_search = bo_purchase_orders_view_focus_search;
  view_class->show_filter = bo_purchase_orders_view_show_filter;

  /**
   * BoPurchaseOrdersView:open-only:
   *
   * Whether only drafts, sent and partly received purchase orders are shown.
   */
  properties[PROP_OPEN_ONLY] = g_param_spec_boolean ("open-only", NULL, NULL, TRUE,
                                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BO_TYPE_PO_ITEM);
  g_type_ensure (BO_TYPE_COLUMN_SORTER);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/backorders/Backorders/bo-purchase-orders-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BoPurchaseOrdersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BoPurchaseOrdersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, BoPurchaseOrdersView, stack);
  gtk_widget_class_bind_template_child (widget_class, BoPurchaseOrdersView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "purchase-orders.open-only", "open-only");
  gtk_widget_class_install_action (widget_class, "purchase-orders.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "purchase-orders.order-shortages", NULL,
                                   order_shortages_action);
}

static void
bo_purchase_orders_view_init (BoPurchaseOrdersView *self)
{
  self->open_only = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Which columns stay when the window is narrow, most important first. */
  bo_column_fit_attach (self->column_view, "0 1 2 4 7 5 6 3");

  self->list = bo_list_controller_new ("purchase-orders", self->column_view,
                                       GTK_EDITABLE (self->search_entry), BO_TYPE_PO_ITEM,
                                       count_pos, fetch_pos, FALSE);
  bo_list_controller_set_filter (self->list, 1);
  g_signal_connect_swapped (bo_list_controller_get_model (self->list), "items-changed",
                            G_CALLBACK (items_changed_cb), self);
  update_empty (self);
}

/**
 * bo_purchase_orders_view_get_model:
 *
 * Returns: (transfer none): the rows shown
 */
GListModel *
bo_purchase_orders_view_get_model (BoPurchaseOrdersView *self)
{
  g_return_val_if_fail (BO_IS_PURCHASE_ORDERS_VIEW (self), NULL);
  return bo_list_controller_get_model (self->list);
}
