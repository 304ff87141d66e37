/* bo-suppliers-view.c — the suppliers: contact, lead time, delivery record
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paged, searched and sorted by the store, with each supplier's delivery
 * record (on-time rate, days late) from the same query.
 */
#define G_LOG_DOMAIN "bo-suppliers-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-column-fit.h"
#include "bo-column-sorter.h"
#include "bo-list-controller.h"
#include "bo-supplier-dialog.h"
#include "bo-supplier-item.h"
#include "bo-suppliers-view.h"

struct _BoSuppliersView
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

G_DEFINE_FINAL_TYPE (BoSuppliersView, bo_suppliers_view, BO_TYPE_VIEW)

/* ---- list ------------------------------------------------------------------- */

static gint64
count_suppliers (BoStore     *store,
                 const char  *search,
                 gint         filter,
                 GError     **error)
{
  return bo_store_count_suppliers (store, search, error);
}

static GPtrArray *
fetch_suppliers (BoStore     *store,
                 const char  *search,
                 const char  *sort,
                 gint         filter,
                 guint        offset,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GPtrArray) suppliers = bo_store_list_suppliers_page (store, search, sort, offset, limit,
                                                                 &counts, error);
  GPtrArray *items;

  if (suppliers == NULL)
    return NULL;
  /* The items take the records over. */
  g_ptr_array_set_free_func (suppliers, NULL);
  items = g_ptr_array_new_full (suppliers->len, g_object_unref);
  for (guint i = 0; i < suppliers->len; i++)
    g_ptr_array_add (items, bo_supplier_item_new (g_ptr_array_index (suppliers, i),
                                                  &g_array_index (counts, BoSupplierCounts, i)));
  return items;
}

static void
open_supplier (BoSuppliersView *self,
               gint64           supplier_id)
{
  GtkWindow *dialog = bo_supplier_dialog_new (bo_view_get_window (BO_VIEW (self)),
                                              bo_view_get_store (BO_VIEW (self)), supplier_id);
  gtk_window_present (dialog);
}

/* ---- callbacks -------------------------------------------------------------- */

static void
items_changed_cb (BoSuppliersView *self)
{
  gboolean empty = g_list_model_get_n_items (bo_list_controller_get_model (self->list)) == 0;
  gboolean searching = *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';

  if (searching)
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Suppliers"));
      adw_status_page_set_description (self->empty_page,
                                       _("No supplier’s name or email address holds this text."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Suppliers"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the suppliers you buy from to order shortages from "
                                         "them."));
    }
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
row_activated_cb (BoSuppliersView *self,
                  guint            position)
{
  g_autoptr(BoSupplierItem) item = g_list_model_get_item (bo_list_controller_get_model (self->list),
                                                          position);
  const BoSupplier *supplier = item != NULL ? bo_supplier_item_get_supplier (item) : NULL;

  if (supplier != NULL)
    open_supplier (self, supplier->id);
}

/* ---- actions ---------------------------------------------------------------- */

static void
new_supplier_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_supplier (BO_SUPPLIERS_VIEW (widget), 0);
}

/* ---- BoView ----------------------------------------------------------------- */

static void
bo_suppliers_view_reload (BoView *view)
{
  BoSuppliersView *self = BO_SUPPLIERS_VIEW (view);

  bo_list_controller_set_store (self->list, bo_view_get_store (view));
}

static gboolean
bo_suppliers_view_focus_search (BoView *view)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BO_SUPPLIERS_VIEW (view)->search_entry));
}

/* ---- GObject ---------------------------------------------------------------- */

static void
bo_suppliers_view_dispose (GObject *object)
{
  BoSuppliersView *self = BO_SUPPLIERS_VIEW (object);

  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_SUPPLIERS_VIEW);

  G_OBJECT_CLASS (bo_suppliers_view_parent_class)->dispose (object);
}

static void
bo_suppliers_view_class_init (BoSuppliersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BoViewClass *view_class = BO_VIEW_CLASS (klass);

  object_class->dispose = bo_suppliers_view_dispose;
  view_class->reload = bo_suppliers_view_reload;
  view_class->focus_search = bo_suppliers_view_focus_search;

  g_type_ensure (BO_TYPE_SUPPLIER_ITEM);
  g_type_ensure (BO_TYPE_COLUMN_SORTER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-suppliers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BoSuppliersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BoSuppliersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, BoSuppliersView, stack);
  gtk_widget_class_bind_template_child (widget_class, BoSuppliersView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "suppliers.new", NULL, new_supplier_action);
}

static void
bo_suppliers_view_init (BoSuppliersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Which columns stay when the window is narrow, most important first. */
  bo_column_fit_attach (self->column_view, "0 3 2 1 4 5");

  self->list = bo_list_controller_new ("suppliers", self->column_view,
                                       GTK_EDITABLE (self->search_entry), BO_TYPE_SUPPLIER_ITEM,
                                       count_suppliers, fetch_suppliers, FALSE);
  g_signal_connect_object (bo_list_controller_get_model (self->list), "items-changed",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  items_changed_cb (self);
}

/* ---- public ----------------------------------------------------------------- */

/**
 * bo_suppliers_view_get_model:
 *
 * Returns: (transfer none): the rows shown
 */
GListModel *
bo_suppliers_view_get_model (BoSuppliersView *self)
{
  g_return_val_if_fail (BO_IS_SUPPLIERS_VIEW (self), NULL);
  return bo_list_controller_get_model (self->list);
}
