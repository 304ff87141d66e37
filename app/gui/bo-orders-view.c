/* bo-orders-view.c — the order list: what shipped, what waits, what is promised
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-orders-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-column-fit.h"
#include "bo-column-sorter.h"
#include "bo-list-controller.h"
#include "bo-new-order-dialog.h"
#include "bo-order-dialog.h"
#include "bo-order-item.h"
#include "bo-orders-view.h"

struct _BoOrdersView
{
  BoView            parent_instance;

  /* template widgets */
  GtkSearchEntry   *search_entry;
  GtkColumnView    *column_view;
  GtkStack         *stack;
  AdwStatusPage    *empty_page;

  /* owned */
  BoListController *list;
};

G_DEFINE_FINAL_TYPE (BoOrdersView, bo_orders_view, BO_TYPE_VIEW)

enum {
  PROP_0,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The filter chips, by the name their action targets carry. */
static const struct
{
  const char   *name;
  BoOrderFilter filter;
} filters[] = {
  { "all", BO_ORDER_FILTER_ALL },
  { "backordered", BO_ORDER_FILTER_BACKORDERED },
  { "ready", BO_ORDER_FILTER_READY },
};

/* ---- rows ------------------------------------------------------------------- */

static gint64
count_orders (BoStore     *store,
              const char  *search,
              gint         filter,
              GError     **error)
{
  return bo_store_count_orders (store, filter, search, error);
}

static GPtrArray *
fetch_orders (BoStore     *store,
              const char  *search,
              const char  *sort,
              gint         filter,
              guint        offset,
              guint        limit,
              GError     **error)
{
  g_autoptr(GPtrArray) orders = bo_store_list_orders (store, filter, search, sort, offset, limit,
                                                      error);
  g_autofree char *currency = NULL;
  GPtrArray *items;

  if (orders == NULL)
    return NULL;
  currency = bo_store_get_setting (store, "currency");
  /* The items take the records over. */
  g_ptr_array_set_free_func (orders, NULL);
  items = g_ptr_array_new_full (orders->len, g_object_unref);
  for (guint i = 0; i < orders->len; i++)
    g_ptr_array_add (items, bo_order_item_new (g_ptr_array_index (orders, i), currency));
  return items;
}

static const char *
filter_name (BoOrdersView *self)
{
  gint filter = bo_list_controller_get_filter (self->list);

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if ((gint) filters[i].filter == filter)
      return filters[i].name;
  return "all";
}

static void
update_empty_page (BoOrdersView *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GListModel *model = bo_list_controller_get_model (self->list);
  g_autofree char *description = NULL;

  if (g_list_model_get_n_items (model) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  if (search != NULL && *search != '\0')
    description = g_strdup_printf (_("No order number or customer matches “%s”."), search);
  else
    switch (bo_list_controller_get_filter (self->list))
      {
      case BO_ORDER_FILTER_BACKORDERED:
        description = g_strdup (_("No order is waiting for stock."));
        break;
      case BO_ORDER_FILTER_READY:
        description = g_strdup (_("No order has stock allocated that waits to ship."));
        break;
      default:
        description = g_strdup (_("Orders you enter or import appear here."));
      }
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* ---- callbacks -------------------------------------------------------------- */

static void
items_changed_cb (BoOrdersView *self)
{
  update_empty_page (self);
}

static void
row_activated_cb (BoOrdersView *self,
                  guint         position)
{
  g_autoptr(BoOrderItem) item = g_list_model_get_item (bo_list_controller_get_model (self->list),
                                                       position);
  BoStore *store = bo_view_get_store (BO_VIEW (self));
  GtkWindow *dialog;

  if (item == NULL || store == NULL)
    return;
  dialog = bo_order_dialog_new (bo_view_get_window (BO_VIEW (self)), store,
                                bo_order_item_get_order_id (item));
  gtk_window_present (dialog);
}

static void
new_order_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BoOrdersView *self = BO_ORDERS_VIEW (widget);
  BoStore *store = bo_view_get_store (BO_VIEW (self));

  if (store == NULL)
    return;
  gtk_window_present (bo_new_order_dialog_new (bo_view_get_window (BO_VIEW (self)), store));
}

/* ---- BoView ----------------------------------------------------------------- */

static void
bo_orders_view_reload (BoView *view)
{
  BoOrdersView *self = BO_ORDERS_VIEW (view);

  bo_list_controller_set_store (self->list, bo_view_get_store (view));
}

static gboolean
bo_orders_view_focus_search (BoView *view)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BO_ORDERS_VIEW (view)->search_entry));
}

/* ---- GObject ---------------------------------------------------------------- */

static void
bo_orders_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BoOrdersView *self = BO_ORDERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_string (value, filter_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_orders_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BoOrdersView *self = BO_ORDERS_VIEW (object);
  const char *name;

  switch (prop_id)
    {
    case PROP_FILTER:
      name = g_value_get_string (value);
      for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
        if (g_strcmp0 (filters[i].name, name) == 0 &&
            (gint) filters[i].filter != bo_list_controller_get_filter (self->list))
          {
            bo_list_controller_set_filter (self->list, filters[i].filter);
            g_object_notify_by_pspec (object, pspec);
          }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_orders_view_dispose (GObject *object)
{
  BoOrdersView *self = BO_ORDERS_VIEW (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (bo_list_controller_get_model (self->list), self);
  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_ORDERS_VIEW);

  G_OBJECT_CLASS (bo_orders_view_parent_class)->dispose (object);
}

static void
bo_orders_view_class_init (BoOrdersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BoViewClass *view_class = BO_VIEW_CLASS (klass);

  object_class->dispose = bo_orders_view_dispose;
  object_class->get_property = bo_orders_view_get_property;
  object_class->set_property = bo_orders_view_set_property;
  view_class->reload = bo_orders_view_reload;
  view_class->focus_search = bo_orders_view_focus_search;

  /**
   * BoOrdersView:filter:
   *
   * Which orders are listed: "all", "backordered" or "ready".
   */
  properties[PROP_FILTER] = g_param_spec_string ("filter", NULL, NULL, "all",
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BO_TYPE_ORDER_ITEM);
  g_type_ensure (BO_TYPE_COLUMN_SORTER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-orders-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BoOrdersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BoOrdersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, BoOrdersView, stack);
  gtk_widget_class_bind_template_child (widget_class, BoOrdersView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "orders.new", NULL, new_order_action);
  gtk_widget_class_install_property_action (widget_class, "orders.filter", "filter");
}

static void
bo_orders_view_init (BoOrdersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Which columns stay when the window is narrow, most important first. */
  bo_column_fit_attach (self->column_view, "0 1 9 5 8 6 7 2 3 4");

  self->list = bo_list_controller_new ("orders", self->column_view,
                                       GTK_EDITABLE (self->search_entry), BO_TYPE_ORDER_ITEM,
                                       count_orders, fetch_orders, FALSE);
  g_signal_connect_swapped (bo_list_controller_get_model (self->list), "items-changed",
                            G_CALLBACK (items_changed_cb), self);
  update_empty_page (self);
}

/**
 * bo_orders_view_get_model:
 *
 * Returns: (transfer none): the rows shown
 */
GListModel *
bo_orders_view_get_model (BoOrdersView *self)
{
  g_return_val_if_fail (BO_IS_ORDERS_VIEW (self), NULL);
  return bo_list_controller_get_model (self->list);
}
