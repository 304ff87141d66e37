/* bo-customers-view.c — the customers: contact, priority tier, shipping preference
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-customers-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-column-fit.h"
#include "bo-column-sorter.h"
#include "bo-customer-dialog.h"
#include "bo-customer-item.h"
#include "bo-customers-view.h"
#include "bo-list-controller.h"

struct _BoCustomersView
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

G_DEFINE_FINAL_TYPE (BoCustomersView, bo_customers_view, BO_TYPE_VIEW)

/* ---- list ------------------------------------------------------------------- */

static gint64
count_customers (BoStore     *store,
                 const char  *search,
                 gint         filter,
                 GError     **error)
{
  return bo_store_count_customers (store, search, error);
}

static GPtrArray *
fetch_customers (BoStore     *store,
                 const char  *search,
                 const char  *sort,
                 gint         filter,
                 guint        offset,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GPtrArray) customers = NULL;
  GPtrArray *items;

  customers = bo_store_list_customers (store, search, sort, offset, limit, error);
  if (customers == NULL)
    return NULL;
  /* The items take the records over. */
  g_ptr_array_set_free_func (customers, NULL);
  items = g_ptr_array_new_full (customers->len, g_object_unref);
  for (guint i = 0; i < customers->len; i++)
    g_ptr_array_add (items, bo_customer_item_new (g_ptr_array_index (customers, i)));
  return items;
}

static void
open_customer (BoCustomersView *self,
               gint64           customer_id)
{
  GtkWindow *dialog = bo_customer_dialog_new (bo_view_get_window (BO_VIEW (self)),
                                              bo_view_get_store (BO_VIEW (self)), customer_id);
  gtk_window_present (dialog);
}

/* ---- callbacks -------------------------------------------------------------- */

static void
items_changed_cb (BoCustomersView *self)
{
  gboolean empty = g_list_model_get_n_items (bo_list_controller_get_model (self->list)) == 0;
  gboolean searching = *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';

  if (searching)
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Customers"));
      adw_status_page_set_description (self->empty_page,
                                       _("No customer’s name or email address holds this text."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Customers"));
      adw_status_page_set_description (self->empty_page,
                                       _("Customers appear here when orders come in, or add them "
                                         "yourself."));
    }
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
row_activated_cb (BoCustomersView *self,
                  guint            position)
{
  g_autoptr(BoCustomerItem) item = g_list_model_get_item (bo_list_controller_get_model (self->list),
                                                          position);
  const BoCustomer *customer = item != NULL ? bo_customer_item_get_customer (item) : NULL;

  if (customer != NULL)
    open_customer (self, customer->id);
}

/* ---- actions ---------------------------------------------------------------- */

static void
new_customer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_customer (BO_CUSTOMERS_VIEW (widget), 0);
}

/* ---- BoView ----------------------------------------------------------------- */

static void
bo_customers_view_reload (BoView *view)
{
  BoCustomersView *self = BO_CUSTOMERS_VIEW (view);

  bo_list_controller_set_store (self->list, bo_view_get_store (view));
}

static gboolean
bo_customers_view_focus_search (BoView *view)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BO_CUSTOMERS_VIEW (view)->search_entry));
}

/* ---- GObject ---------------------------------------------------------------- */

static void
bo_customers_view_dispose (GObject *object)
{
  BoCustomersView *self = BO_CUSTOMERS_VIEW (object);

  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_CUSTOMERS_VIEW);

  G_OBJECT_CLASS (bo_customers_view_parent_class)->dispose (object);
}

static void
bo_customers_view_class_init (BoCustomersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BoViewClass *view_class = BO_VIEW_CLASS (klass);

  object_class->dispose = bo_customers_view_dispose;
  view_class->reload = bo_customers_view_reload;
  view_class->focus_search = bo_customers_view_focus_search;

  g_type_ensure (BO_TYPE_CUSTOMER_ITEM);
  g_type_ensure (BO_TYPE_COLUMN_SORTER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-customers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BoCustomersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BoCustomersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, BoCustomersView, stack);
  gtk_widget_class_bind_template_child (widget_class, BoCustomersView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "customers.new", NULL, new_customer_action);
}

static void
bo_customers_view_init (BoCustomersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Which columns stay when the window is narrow, most important first. */
  bo_column_fit_attach (self->column_view, NULL);

  self->list = bo_list_controller_new ("customers", self->column_view,
                                       GTK_EDITABLE (self->search_entry), BO_TYPE_CUSTOMER_ITEM,
                                       count_customers, fetch_customers, FALSE);
  g_signal_connect_object (bo_list_controller_get_model (self->list), "items-changed",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  items_changed_cb (self);
}

/* ---- public ----------------------------------------------------------------- */

/**
 * bo_customers_view_get_model:
 *
 * Returns: (transfer none): the rows shown
 */
GListModel *
bo_customers_view_get_model (BoCustomersView *self)
{
  g_return_val_if_fail (BO_IS_CUSTOMERS_VIEW (self), NULL);
  return bo_list_controller_get_model (self->list);
}
