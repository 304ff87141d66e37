/* bo-products-view.c — the product list: stock, allocation, backorders
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-products-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-column-fit.h"
#include "bo-column-sorter.h"
#include "bo-list-controller.h"
#include "bo-product-dialog.h"
#include "bo-product-item.h"
#include "bo-products-view.h"

struct _BoProductsView
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

G_DEFINE_FINAL_TYPE (BoProductsView, bo_products_view, BO_TYPE_VIEW)

static gint64
count_products (BoStore     *store,
                const char  *search,
                gint         filter,
                GError     **error)
{
  return bo_store_count_products (store, search, error);
}

static GPtrArray *
fetch_products (BoStore     *store,
                const char  *search,
                const char  *sort,
                gint         filter,
                guint        offset,
                guint        limit,
                GError     **error)
{
  g_autoptr(GPtrArray) products = bo_store_list_products (store, search, sort, offset, limit, error);
  g_autofree char *currency = bo_store_get_setting (store, "currency");
  GPtrArray *items;

  if (products == NULL)
    return NULL;
  /* The items take the records over. */
  g_ptr_array_set_free_func (products, NULL);
  items = g_ptr_array_new_full (products->len, g_object_unref);
  for (guint i = 0; i < products->len; i++)
    g_ptr_array_add (items, bo_product_item_new (g_ptr_array_index (products, i), currency));
  return items;
}

static void
open_product (BoProductsView *self,
              gint64          product_id)
{
  GtkWindow *dialog = bo_product_dialog_new (bo_view_get_window (BO_VIEW (self)),
                                             bo_view_get_store (BO_VIEW (self)), product_id);
  gtk_window_present (dialog);
}

static void
row_activated_cb (BoProductsView *self,
                  guint           position)
{
  g_autoptr(BoProductItem) item = g_list_model_get_item (bo_list_controller_get_model (self->list),
                                                         position);
  const BoProduct *product = item != NULL ? bo_product_item_get_product (item) : NULL;

  if (product != NULL)
    open_product (self, product->id);
}

static void
new_product_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_product (BO_PRODUCTS_VIEW (widget), 0);
}

/* A new shop says how to begin; a search that finds nothing says so. */
static void
items_changed_cb (BoProductsView *self)
{
  gboolean empty = g_list_model_get_n_items (bo_list_controller_get_model (self->list)) == 0;
  gboolean searching = *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';

  if (searching)
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Products"));
      adw_status_page_set_description (self->empty_page,
                                       _("No product’s SKU or name holds this text."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Products"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the products you sell, with their stock, or import "
                                         "them from a Shopify or WooCommerce export."));
    }
  gtk_widget_set_visible (adw_status_page_get_child (self->empty_page), !searching);
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
bo_products_view_reload (BoView *view)
{
  BoProductsView *self = BO_PRODUCTS_VIEW (view);

  bo_list_controller_set_store (self->list, bo_view_get_store (view));
}

static gboolean
bo_products_view_focus_search (BoView *view)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BO_PRODUCTS_VIEW (view)->search_entry));
}

static void
bo_products_view_dispose (GObject *object)
{
  BoProductsView *self = BO_PRODUCTS_VIEW (object);

  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_PRODUCTS_VIEW);

  G_OBJECT_CLASS (bo_products_view_parent_class)->dispose (object);
}

static void
bo_products_view_class_init (BoProductsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BoViewClass *view_class = BO_VIEW_CLASS (klass);

  object_class->dispose = bo_products_view_dispose;
  view_class->reload = bo_products_view_reload;
  view_class->focus_search = bo_products_view_focus_search;

  g_type_ensure (BO_TYPE_PRODUCT_ITEM);
  g_type_ensure (BO_TYPE_COLUMN_SORTER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-products-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BoProductsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BoProductsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, BoProductsView, stack);
  gtk_widget_class_bind_template_child (widget_class, BoProductsView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "products.new", NULL, new_product_action);
}

static void
bo_products_view_init (BoProductsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Which columns stay when the window is narrow, most important first. */
  bo_column_fit_attach (self->column_view, "0 1 5 6 3 7 8 4 2 9");

  self->list = bo_list_controller_new ("products", self->column_view,
                                       GTK_EDITABLE (self->search_entry), BO_TYPE_PRODUCT_ITEM,
                                       count_products, fetch_products, FALSE);
  g_signal_connect_object (bo_list_controller_get_model (self->list), "items-changed",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  items_changed_cb (self);
}

/**
 * bo_products_view_get_model:
 *
 * Returns: (transfer none): the rows shown
 */
GListModel *
bo_products_view_get_model (BoProductsView *self)
{
  g_return_val_if_fail (BO_IS_PRODUCTS_VIEW (self), NULL);
  return bo_list_controller_get_model (self->list);
}
