/* bo-reorder-view.c — products that need reordering, with suggestions from their sales
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is the store's "Needs reorder" list: products at or below their
 * reorder point (or the suggested one, for a product without one). It is
 * derived from the whole catalogue and the order history, not a table to
 * page through, so it is read whole; hidden, the view waits until shown.
 */
#define G_LOG_DOMAIN "bo-reorder-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-column-fit.h"
#include "bo-format.h"
#include "bo-product-dialog.h"
#include "bo-reorder-item.h"
#include "bo-reorder-order-dialog.h"
#include "bo-reorder-view.h"
#include "bo-window.h"

struct _BoReorderView
{
  BoView              parent_instance;

  /* template widgets */
  GtkSpinButton      *window_spin;
  GtkSpinButton      *level_spin;
  GtkStack           *stack;
  GtkColumnView      *column_view;

  /* owned */
  GListStore         *items;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (BoReorderView, bo_reorder_view, BO_TYPE_VIEW)

/* ---- helpers ---------------------------------------------------------------- */

static const BoReorderSuggestion *
selected_suggestion (BoReorderView *self)
{
  BoReorderItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? bo_reorder_item_get_suggestion (item) : NULL;
}

static void
update_actions (BoReorderView *self)
{
  const BoReorderSuggestion *s = selected_suggestion (self);
  gboolean differs = s != NULL && s->forecast->has_suggestion &&
                     (s->forecast->reorder_point != s->reorder_point ||
                      s->forecast->reorder_qty != s->reorder_qty);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reorder.apply", differs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reorder.order", s != NULL);
}

static void
show_toast (BoReorderView *self,
            const char    *title)
{
  GtkWindow *window = bo_view_get_window (BO_VIEW (self));

  if (BO_IS_WINDOW (window))
    bo_window_add_toast (BO_WINDOW (window), adw_toast_new (title));
}

static void
load (BoReorderView *self)
{
  BoStore *store = bo_view_get_store (BO_VIEW (self));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *selected_sku = NULL;
  const BoReorderSuggestion *selected = selected_suggestion (self);
  guint position = GTK_INVALID_LIST_POSITION;

  if (selected != NULL)
    selected_sku = g_strdup (selected->sku);
  if (store != NULL)
    {
      rows = bo_store_suggest_reorders (store, gtk_spin_button_get_value_as_int (self->window_spin),
                                        gtk_spin_button_get_value (self->level_spin) / 100.0,
                                        BO_FORECAST_DEFAULT_COVER, TRUE, &error);
      if (rows == NULL)
        bo_view_show_error (BO_VIEW (self), _("Could not work out what needs reordering"), error);
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      BoReorderSuggestion *s = g_ptr_array_index (rows, i);

      if (selected_sku != NULL && g_str_equal (s->sku, selected_sku))
        position = i;
      g_ptr_array_add (items, bo_reorder_item_new (s));
    }
  /* The items own the suggestions now. */
  if (rows != NULL)
    g_ptr_array_set_free_func (rows, NULL);
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, position);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  update_actions (self);
}

/* ---- callbacks -------------------------------------------------------------- */

static void
options_changed_cb (BoReorderView *self)
{
  load (self);
}

static void
selection_changed_cb (BoReorderView *self)
{
  update_actions (self);
}

static void
row_activated_cb (BoReorderView *self,
                  guint          position)
{
  g_autoptr(BoReorderItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  BoStore *store = bo_view_get_store (BO_VIEW (self));

  if (item == NULL || store == NULL)
    return;
  gtk_window_present (bo_product_dialog_new (bo_view_get_window (BO_VIEW (self)), store,
                                             bo_reorder_item_get_suggestion (item)->product_id));
}

/* ---- actions ---------------------------------------------------------------- */

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BoReorderView *self = BO_REORDER_VIEW (widget);
  const BoReorderSuggestion *s = selected_suggestion (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *sku = NULL;
  g_autofree char *point = NULL;
  g_autofree char *quantity = NULL;
  g_autofree char *title = NULL;

  if (s == NULL || !s->forecast->has_suggestion)
    return;
  sku = g_strdup (s->sku);
  point = bo_format_quantity (s->forecast->reorder_point);
  quantity = bo_format_quantity (s->forecast->reorder_qty);
  /* The store's change reloads the list: @s goes away. */
  if (!bo_store_set_reorder_levels (bo_view_get_store (BO_VIEW (self)), s->product_id,
                                    s->forecast->reorder_point, s->forecast->reorder_qty, &error))
    {
      bo_view_show_error (BO_VIEW (self), _("Could not apply the suggestion"), error);
      return;
    }
  /* Translators: a SKU, a reorder point and a quantity */
  title = g_strdup_printf (_("%s now reorders at %s, at least %s at a time"), sku, point, quantity);
  show_toast (self, title);
}

static void
order_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BoReorderView *self = BO_REORDER_VIEW (widget);
  const BoReorderSuggestion *s = selected_suggestion (self);

  if (s == NULL)
    return;
  gtk_window_present (bo_reorder_order_dialog_new (bo_view_get_window (BO_VIEW (self)),
                                                   bo_view_get_store (BO_VIEW (self)), s));
}

/* ---- BoView ----------------------------------------------------------------- */

static void
bo_reorder_view_reload (BoView *view)
{
  load (BO_REORDER_VIEW (view));
}

/* ---- GObject ---------------------------------------------------------------- */

static void
bo_reorder_view_dispose (GObject *object)
{
  BoReorderView *self = BO_REORDER_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_REORDER_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (bo_reorder_view_parent_class)->dispose (object);
}

static void
bo_reorder_view_class_init (BoReorderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BoViewClass *view_class = BO_VIEW_CLASS (klass);

  object_class->dispose = bo_reorder_view_dispose;
  view_class->reload = bo_reorder_view_reload;

  g_type_ensure (BO_TYPE_REORDER_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-reorder-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BoReorderView, window_spin);
  gtk_widget_class_bind_template_child (widget_class, BoReorderView, level_spin);
  gtk_widget_class_bind_template_child (widget_class, BoReorderView, stack);
  gtk_widget_class_bind_template_child (widget_class, BoReorderView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "reorder.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "reorder.order", NULL, order_action);
}

static void
bo_reorder_view_init (BoReorderView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Which columns stay when the window is narrow, most important first. */
  bo_column_fit_attach (self->column_view, "1 7 9 0 2 8 3 4 5 6");

  self->items = g_list_store_new (BO_TYPE_REORDER_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);
}

/* ---- public ----------------------------------------------------------------- */

/**
 * bo_reorder_view_get_model:
 *
 * Returns: (transfer none): the rows shown, #BoReorderItem
 */
GListModel *
bo_reorder_view_get_model (BoReorderView *self)
{
  g_return_val_if_fail (BO_IS_REORDER_VIEW (self), NULL);
  return G_LIST_MODEL (self->items);
}

/**
 * bo_reorder_view_select_sku:
 *
 * Selects the row of @sku, if the list has one, as a click would.
 */
void
bo_reorder_view_select_sku (BoReorderView *self,
                            const char    *sku)
{
  guint n;

  g_return_if_fail (BO_IS_REORDER_VIEW (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BoReorderItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (bo_reorder_item_get_suggestion (item)->sku, sku) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}
