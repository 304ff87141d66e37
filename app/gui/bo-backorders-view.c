/* bo-backorders-view.c — every open backordered line, across orders
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merchant's work list: what is waiting, for how long, for which
 * purchase order, and the way to order what nothing covers yet.
 */
#define G_LOG_DOMAIN "bo-backorders-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-column-fit.h"
#include "bo-backorder-item.h"
#include "bo-backorders-view.h"
#include "bo-column-sorter.h"
#include "bo-list-controller.h"
#include "bo-order-dialog.h"

struct _BoBackordersView
{
  BoView            parent_instance;

  /* template widgets */
  GtkSearchEntry   *search_entry;
  GtkColumnView    *column_view;
  GtkButton        *order_button;
  GtkStack         *stack;
  AdwStatusPage    *empty_page;

  /* owned */
  BoListController *list;
  char             *filter;
  gint64            n_backorders;   /* open backordered lines in the shop */
};

G_DEFINE_FINAL_TYPE (BoBackordersView, bo_backorders_view, BO_TYPE_VIEW)

enum {
  PROP_0,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The filter chips' action targets, by store filter. */
static const struct
{
  const char    *name;
  BoOrderFilter  filter;
} filters[] = {
  { "all", BO_ORDER_FILTER_BACKORDERED },
  { "ready", BO_ORDER_FILTER_READY },
  { "awaiting-po", BO_ORDER_FILTER_AWAITING_PO },
  { "overdue", BO_ORDER_FILTER_OVERDUE },
};

/* ---- rows ------------------------------------------------------------------- */

static gint64
count_backorders (BoStore     *store,
                  const char  *search,
                  gint         filter,
                  GError     **error)
{
  return bo_store_count_backorders (store, filter, search, error);
}

static GPtrArray *
fetch_backorders (BoStore     *store,
                  const char  *search,
                  const char  *sort,
                  gint         filter,
                  guint        offset,
                  guint        limit,
                  GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *currency = bo_store_get_setting (store, "currency");
  guint32 today = bo_store_get_today (store);
  GPtrArray *items;

  /* The age column sorts by placement, the other way round: oldest first
   * is the longest wait first. */
  if (g_strcmp0 (sort, "age") == 0)
    sort = "-placed";
  else if (g_strcmp0 (sort, "-age") == 0)
    sort = "placed";

  rows = bo_store_list_backorders (store, filter, search, sort, offset, limit, error);
  if (rows == NULL)
    return NULL;
  /* The items take the records over. */
  g_ptr_array_set_free_func (rows, NULL);
  items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, bo_backorder_item_new (g_ptr_array_index (rows, i), currency, today));
  return items;
}

/* ---- helpers ---------------------------------------------------------------- */

static guint
n_selected (BoBackordersView *self)
{
  g_autoptr(GtkBitset) selected =
    gtk_selection_model_get_selection (bo_list_controller_get_selection (self->list));

  return (guint) gtk_bitset_get_size (selected);
}

static void
bo_backorders_view_update_actions (BoBackordersView *self)
{
  guint selected = n_selected (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backorders.order-shortages",
                                 selected > 0 || self->n_backorders > 0);

  /* With lines selected the button orders for their products only; with
   * none, for every shortage. The label says which. */
  if (selected > 0)
    {
      g_autofree char *label = g_strdup_printf (ngettext ("_Order Shortages for %u Line",
                                                          "_Order Shortages for %u Lines",
                                                          selected),
                                                selected);
      gtk_button_set_label (self->order_button, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->order_button),
                                   _("Draft purchase orders for the products of the selected "
                                     "lines"));
    }
  else
    {
      gtk_button_set_label (self->order_button, _("_Order All Shortages"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->order_button),
                                   _("Draft purchase orders for every backordered product that "
                                     "no purchase order covers yet; select lines to order for "
                                     "their products only"));
    }
}

static void
update_empty (BoBackordersView *self)
{
  GListModel *model = bo_list_controller_get_model (self->list);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (g_list_model_get_n_items (model) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  if ((search == NULL || *search == '\0') && g_strcmp0 (self->filter, "all") == 0)
    adw_status_page_set_description (self->empty_page,
                                     _("Every open order line is covered by stock."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("No order line matches this filter and search."));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
set_filter_name (BoBackordersView *self,
                 const char       *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (g_strcmp0 (filters[i].name, name) == 0)
      {
        if (g_strcmp0 (self->filter, name) == 0)
          return;
        g_free (self->filter);
        self->filter = g_strdup (name);
        bo_list_controller_set_filter (self->list, filters[i].filter);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
        return;
      }
  g_warning ("No backorders filter called “%s”", name);
}

static void
show_skipped (BoView     *view,
              const char *heading,
              GPtrArray  *skipped)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; skipped != NULL && i < skipped->len; i++)
    {
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, g_ptr_array_index (skipped, i));
    }
  if (body->len == 0)
    g_string_append (body, _("No backordered product needs a purchase order."));
  dialog = adw_message_dialog_new (bo_view_get_window (view), heading, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _bo_order_shortages:
 * @line_ids: (array length=n_line_ids) (nullable): backordered lines whose
 *   products to order, or %NULL for every shortage
 * @offer_show: whether the toast offers to show the purchase orders
 *
 * "Order shortages", as the backorders and purchase-orders views offer it:
 * drafts the purchase orders, says how many, and lists what was skipped.
 */
void
_bo_order_shortages (BoView       *view,
                     const gint64 *line_ids,
                     gsize         n_line_ids,
                     gboolean      offer_show)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) po_ids = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  AdwToast *toast;

  g_return_if_fail (BO_IS_VIEW (view));

  if (!bo_store_draft_pos (bo_view_get_store (view), line_ids, n_line_ids, &po_ids, &skipped,
                           &error))
    {
      bo_view_show_error (view, _("Could not draft purchase orders"), error);
      return;
    }
  if (po_ids->len == 0)
    {
      show_skipped (view, _("Nothing to Order"), skipped);
      return;
    }

  toast = adw_toast_new_format (ngettext ("Drafted %u purchase order",
                                          "Drafted %u purchase orders", po_ids->len),
                                po_ids->len);
  if (offer_show)
    {
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-view");
      adw_toast_set_action_target_value (toast, g_variant_new_string ("purchase-orders"));
    }
  bo_view_show_toast (view, toast);
  if (skipped != NULL && skipped->len > 0)
    show_skipped (view, _("Some Products Were Not Ordered"), skipped);
}

/* ---- callbacks -------------------------------------------------------------- */

static void
row_activated_cb (BoBackordersView *self,
                  guint             position)
{
  GListModel *model = bo_list_controller_get_model (self->list);
  g_autoptr(BoBackorderItem) item = g_list_model_get_item (model, position);
  const BoOrderSummary *line = item != NULL ? bo_backorder_item_get_summary (item) : NULL;
  GtkWindow *dialog;

  if (line == NULL)
    return;
  dialog = bo_order_dialog_new (bo_view_get_window (BO_VIEW (self)),
                                bo_view_get_store (BO_VIEW (self)), line->order_id);
  gtk_window_present (dialog);
}

static void
selection_changed_cb (BoBackordersView *self)
{
  bo_backorders_view_update_actions (self);
}

static void
items_changed_cb (BoBackordersView *self)
{
  update_empty (self);
  bo_backorders_view_update_actions (self);
}

static void
order_shortages_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BoBackordersView *self = BO_BACKORDERS_VIEW (widget);
  g_autoptr(GPtrArray) selected = bo_list_controller_get_selected (self->list);
  g_autoptr(GArray) line_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < selected->len; i++)
    {
      const BoOrderSummary *line = bo_backorder_item_get_summary (g_ptr_array_index (selected, i));

      if (line != NULL)
        g_array_append_val (line_ids, line->line_id);
    }
  if (line_ids->len > 0)
    _bo_order_shortages (BO_VIEW (self), (const gint64 *) (gpointer) line_ids->data, line_ids->len,
                         TRUE);
  else
    _bo_order_shortages (BO_VIEW (self), NULL, 0, TRUE);
}

/* ---- BoView ----------------------------------------------------------------- */

static void
bo_backorders_view_reload (BoView *view)
{
  BoBackordersView *self = BO_BACKORDERS_VIEW (view);
  BoStore *store = bo_view_get_store (view);

  self->n_backorders = bo_store_count_backorders (store, BO_ORDER_FILTER_BACKORDERED, NULL, NULL);
  bo_list_controller_set_store (self->list, store);
  bo_backorders_view_update_actions (self);
}

static gboolean
bo_backorders_view_focus_search (BoView *view)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BO_BACKORDERS_VIEW (view)->search_entry));
}

/* ---- GObject ---------------------------------------------------------------- */

static void
bo_backorders_view_dispose (GObject *object)
{
  BoBackordersView *self = BO_BACKORDERS_VIEW (object);

  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (bo_list_controller_get_selection (self->list), self);
      g_signal_handlers_disconnect_by_data (bo_list_controller_get_model (self->list), self);
    }
  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_BACKORDERS_VIEW);

  G_OBJECT_CLASS (bo_backorders_view_parent_class)->dispose (object);
}

static void
bo_backorders_view_finalize (GObject *object)
{
  g_free (BO_BACKORDERS_VIEW (object)->filter);

  G_OBJECT_CLASS (bo_backorders_view_parent_class)->finalize (object);
}

static void
bo_backorders_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_string (value, BO_BACKORDERS_VIEW (object)->filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_backorders_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_FILTER:
      set_filter_name (BO_BACKORDERS_VIEW (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
bo_backorders_view_show_filter (BoView     *view,
                                const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (g_str_equal (filters[i].name, name))
      {
        set_filter_name (BO_BACKORDERS_VIEW (view), name);
        return TRUE;
      }
  return FALSE;
}

static void
bo_backorders_view_class_init (BoBackordersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BoViewClass *view_class = BO_VIEW_CLASS (klass);

  object_class->dispose = bo_backorders_view_dispose;
  object_class->finalize = bo_backorders_view_finalize;
  object_class->get_property = bo_backorders_view_get_property;
  object_class->set_property = bo_backorders_view_set_property;
  view_class->reload = bo_backorders_view_reload;
  view_class->focus_search = bo_backorders_view_focus_search;
  view_class->show_filter = bo_backorders_view_show_filter;

  /**
   * BoBackordersView:filter:
   *
   * Which lines are shown: "all", "ready", "awaiting-po" or "overdue".
   */
  properties[PROP_FILTER] = g_param_spec_string ("filter", NULL, NULL, "all",
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BO_TYPE_BACKORDER_ITEM);
  g_type_ensure (BO_TYPE_COLUMN_SORTER);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/backorders/Backorders/bo-backorders-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BoBackordersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BoBackordersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, BoBackordersView, order_button);
  gtk_widget_class_bind_template_child (widget_class, BoBackordersView, stack);
  gtk_widget_class_bind_template_child (widget_class, BoBackordersView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "backorders.filter", "filter");
  gtk_widget_class_install_action (widget_class, "backorders.order-shortages", NULL,
                                   order_shortages_action);
}

static void
bo_backorders_view_init (BoBackordersView *self)
{
  self->filter = g_strdup ("all");

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Which columns stay when the window is narrow, most important first. */
  bo_column_fit_attach (self->column_view, "0 1 3 4 7 9 8 2 5 6");

  self->list = bo_list_controller_new ("backorders", self->column_view,
                                       GTK_EDITABLE (self->search_entry), BO_TYPE_BACKORDER_ITEM,
                                       count_backorders, fetch_backorders, TRUE);
  bo_list_controller_set_filter (self->list, BO_ORDER_FILTER_BACKORDERED);
  g_signal_connect_swapped (bo_list_controller_get_selection (self->list), "selection-changed",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (bo_list_controller_get_model (self->list), "items-changed",
                            G_CALLBACK (items_changed_cb), self);
  update_empty (self);
  bo_backorders_view_update_actions (self);
}

/* ---- public ----------------------------------------------------------------- */

/**
 * bo_backorders_view_get_model:
 *
 * Returns: (transfer none): the rows shown
 */
GListModel *
bo_backorders_view_get_model (BoBackordersView *self)
{
  g_return_val_if_fail (BO_IS_BACKORDERS_VIEW (self), NULL);
  return bo_list_controller_get_model (self->list);
}

/**
 * bo_backorders_view_get_selection:
 *
 * Returns: (transfer none): the selection over the rows shown
 */
GtkSelectionModel *
bo_backorders_view_get_selection (BoBackordersView *self)
{
  g_return_val_if_fail (BO_IS_BACKORDERS_VIEW (self), NULL);
  return bo_list_controller_get_selection (self->list);
}

/**
 * bo_backorders_view_set_filter:
 * @filter: %BO_ORDER_FILTER_BACKORDERED (or _ALL), _READY, _AWAITING_PO or
 *   _OVERDUE
 *
 * Does what clicking the matching filter chip does.
 */
void
bo_backorders_view_set_filter (BoBackordersView *self,
                               BoOrderFilter     filter)
{
  g_return_if_fail (BO_IS_BACKORDERS_VIEW (self));

  if (filter == BO_ORDER_FILTER_ALL)
    filter = BO_ORDER_FILTER_BACKORDERED;
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (filters[i].filter == filter)
      set_filter_name (self, filters[i].name);
}

BoOrderFilter
bo_backorders_view_get_filter (BoBackordersView *self)
{
  g_return_val_if_fail (BO_IS_BACKORDERS_VIEW (self), BO_ORDER_FILTER_BACKORDERED);
  return bo_list_controller_get_filter (self->list);
}
