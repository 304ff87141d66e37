/* bo-window.c — the main window: a sidebar of views over one shop
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bo-application.h"
#include "bo-availability-dialog.h"
#include "bo-backorders-view.h"
#include "bo-customers-view.h"
#include "bo-dashboard-view.h"
#include "bo-orders-view.h"
#include "bo-picklist-print.h"
#include "bo-products-view.h"
#include "bo-purchase-orders-view.h"
#include "bo-reorder-view.h"
#include "bo-suppliers-view.h"
#include "bo-view.h"
#include "bo-window-private.h"

struct _BoWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  GtkWidget            *empty_buttons;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkWidget            *sidebar_box;
  GtkWidget            *content_box;
  GtkStack             *views;
  AdwWindowTitle       *view_title;
  AdwWindowTitle       *shop_title;

  /* owned */
  BoStore              *store;
  GSettings            *settings;
  gulong                changed_id;
  gboolean              start_empty;
};

G_DEFINE_FINAL_TYPE (BoWindow, bo_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *name;
  const char *title;
  const char *icon_name;
  const char *accel;
  GType     (*get_type) (void);
} ViewInfo;

static const ViewInfo view_infos[] = {
  { "dashboard", N_("Dashboard"), "x-office-presentation-symbolic", "<Control>1", bo_dashboard_view_get_type },
  { "orders", N_("Orders"), "view-list-symbolic", "<Control>2", bo_orders_view_get_type },
  { "backorders", N_("Backorders"), "alarm-symbolic", "<Control>3", bo_backorders_view_get_type },
  { "products", N_("Products"), "package-x-generic-symbolic", "<Control>4", bo_products_view_get_type },
  { "purchase-orders", N_("Purchase Orders"), "mail-send-symbolic", "<Control>5", bo_purchase_orders_view_get_type },
  { "suppliers", N_("Suppliers"), "system-users-symbolic", "<Control>6", bo_suppliers_view_get_type },
  { "customers", N_("Customers"), "avatar-default-symbolic", "<Control>7", bo_customers_view_get_type },
  { "reorder", N_("Needs Reorder"), "emblem-synchronizing-symbolic", "<Control>8", bo_reorder_view_get_type },
};

/* ---- helpers ---------------------------------------------------------------- */

static gboolean
shop_is_empty (BoWindow *self)
{
  return bo_store_count_products (self->store, NULL, NULL) == 0 &&
         bo_store_count_orders (self->store, BO_ORDER_FILTER_ALL, NULL, NULL) == 0 &&
         bo_store_count_customers (self->store, NULL, NULL) == 0;
}

static void
update_page (BoWindow *self)
{
  g_autofree char *shop_name = NULL;

  if (self->store == NULL)
    return;
  if (!self->start_empty && shop_is_empty (self))
    gtk_stack_set_visible_child_name (self->main_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->main_stack, "shop");
  shop_name = bo_store_get_setting (self->store, "shop-name");
  adw_window_title_set_subtitle (self->shop_title, shop_name != NULL ? shop_name : "");
}

static void
store_changed_cb (BoStore  *store,
                  BoWindow *self)
{
  update_page (self);
}

/* ---- callbacks -------------------------------------------------------------- */

static void
sidebar_row_activated_cb (GtkListBox    *box,
                          GtkListBoxRow *row,
                          BoWindow      *self)
{
  bo_window_show_view (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
visible_view_changed_cb (BoWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->views);
  const char *name = gtk_stack_get_visible_child_name (self->views);
  GtkStackPage *page;

  if (child == NULL)
    return;
  page = gtk_stack_get_page (self->views, child);
  adw_window_title_set_title (self->view_title, gtk_stack_page_get_title (page));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-view", name);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BoWindow *self = BO_WINDOW (widget);

  bo_window_show_view (self, g_variant_get_string (parameter, NULL));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_leaflet_navigate (BO_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BoWindow *self = BO_WINDOW (widget);
  GtkWidget *view = gtk_stack_get_visible_child (self->views);

  if (BO_IS_VIEW (view))
    bo_view_focus_search (BO_VIEW (view));
}

/* Ctrl+N: a new item of what the view lists (an order in the dashboard and
 * among the backorders, a purchase order among the products to reorder). */
static void
new_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BoWindow *self = BO_WINDOW (widget);
  const char *name = gtk_stack_get_visible_child_name (self->views);
  GtkWidget *view;
  g_autofree char *action = NULL;

  if (name == NULL)
    return;
  if (g_str_equal (name, "dashboard") || g_str_equal (name, "backorders"))
    name = "orders";
  else if (g_str_equal (name, "reorder"))
    name = "purchase-orders";
  view = bo_window_get_view (self, name);
  action = g_strconcat (name, ".new", NULL);
  if (view != NULL)
    gtk_widget_activate_action (view, action, NULL);
}

/* Tab and Shift+Tab leave the sidebar in one step; the arrows move within
 * it (a list box otherwise takes Tab from row to row). */
static gboolean
leave_sidebar_cb (GtkWidget *sidebar,
                  GVariant  *args,
                  gpointer   user_data)
{
  BoWindow *self = BO_WINDOW (gtk_widget_get_root (sidebar));
  GtkDirectionType direction = g_variant_get_int32 (args);

  if (direction == GTK_DIR_TAB_FORWARD)
    return gtk_widget_child_focus (self->content_box, direction);
  return gtk_widget_child_focus (gtk_widget_get_first_child (self->sidebar_box), direction);
}

static void
open_sample_shop_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BoWindow *self = BO_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!bo_store_generate_demo (self->store, BO_DEMO_SMALL, g_random_int (), 0, &error))
    {
      bo_window_show_error (self, error);
      return;
    }
  bo_window_add_toast (self, adw_toast_new (_("The sample shop is ready")));
}

static void
start_empty (BoWindow *self)
{
  self->start_empty = TRUE;
  update_page (self);
  bo_window_show_view (self, "products");
}

static gboolean
currency_code_is_valid (const char *text)
{
  return strlen (text) == 3 && g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]) &&
         g_ascii_isupper (text[2]);
}

static void
start_fields_changed_cb (AdwMessageDialog *message)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (message), "name-row");
  GtkEditable *currency = g_object_get_data (G_OBJECT (message), "currency-row");
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (name)));
  gboolean currency_ok = currency_code_is_valid (gtk_editable_get_text (currency));

  if (currency_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (currency), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (currency), "error");
  adw_message_dialog_set_response_enabled (message, "start", *stripped != '\0' && currency_ok);
}

static void
start_response_cb (AdwMessageDialog *message,
                   const char       *response,
                   BoWindow         *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (message), "name-row");
  GtkEditable *currency = g_object_get_data (G_OBJECT (message), "currency-row");
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (name)));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "start") != 0 || self->store == NULL)
    return;
  if (!bo_store_set_setting (self->store, "shop-name", stripped, &error) ||
      !bo_store_set_setting (self->store, "currency", gtk_editable_get_text (currency), &error))
    {
      bo_window_show_error (self, error);
      return;
    }
  start_empty (self);
}

/* A new shop starts with what every pick list, purchase order and price
 * shows: its name and its currency. */
static void
start_empty_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BoWindow *self = BO_WINDOW (widget);
  g_autofree char *currency = NULL;
  AdwMessageDialog *message;
  GtkWidget *list, *name_row, *currency_row;

  if (self->store == NULL)
    return;
  currency = bo_store_get_setting (self->store, "currency");
  message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Name Your Shop"),
                                                        _("Pick lists, purchase orders and "
                                                          "prices show them.")));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Shop Name"));
  currency_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (currency_row),
                                 _("Currency (three letters, such as EUR or USD)"));
  gtk_editable_set_text (GTK_EDITABLE (currency_row),
                         currency != NULL && *currency != '\0' ? currency : "EUR");
  gtk_list_box_append (GTK_LIST_BOX (list), name_row);
  gtk_list_box_append (GTK_LIST_BOX (list), currency_row);
  adw_message_dialog_set_extra_child (message, list);
  g_object_set_data (G_OBJECT (message), "name-row", name_row);
  g_object_set_data (G_OBJECT (message), "currency-row", currency_row);
  g_signal_connect_swapped (name_row, "changed", G_CALLBACK (start_fields_changed_cb), message);
  g_signal_connect_swapped (currency_row, "changed", G_CALLBACK (start_fields_changed_cb), message);

  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "start", _("_Start"), NULL);
  adw_message_dialog_set_response_appearance (message, "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message, "start");
  adw_message_dialog_set_close_response (message, "cancel");
  g_signal_connect_object (message, "response", G_CALLBACK (start_response_cb), self, 0);
  start_fields_changed_cb (message);
  gtk_window_present (GTK_WINDOW (message));
  gtk_widget_grab_focus (name_row);
}

/* One batch pick list for every order that can ship now, grouped by bin. */
static void
print_ready_picklists_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  bo_window_print_picklists (BO_WINDOW (widget), NULL, 0);
}

/* What the storefront's product pages say, for Shopify, WooCommerce or any. */
static void
export_availability_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  BoWindow *self = BO_WINDOW (widget);

  if (self->store == NULL)
    return;
  gtk_window_present (bo_availability_dialog_new (GTK_WINDOW (self), self->store));
}

/* ---- GObject ---------------------------------------------------------------- */

static void
bo_window_close_request_save (BoWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
bo_window_close_request (GtkWindow *window)
{
  bo_window_close_request_save (BO_WINDOW (window));
  return GTK_WINDOW_CLASS (bo_window_parent_class)->close_request (window);
}

static void
bo_window_dispose (GObject *object)
{
  BoWindow *self = BO_WINDOW (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_WINDOW);

  G_OBJECT_CLASS (bo_window_parent_class)->dispose (object);
}

static void
bo_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, BO_WINDOW (object)->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_store (BoWindow *self,
           BoStore  *store)
{
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->views)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (BO_IS_VIEW (child))
      bo_view_set_store (BO_VIEW (child), store);
  update_page (self);
}

static void
bo_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      set_store (BO_WINDOW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_window_class_init (BoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bo_window_dispose;
  object_class->get_property = bo_window_get_property;
  object_class->set_property = bo_window_set_property;
  window_class->close_request = bo_window_close_request;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, BO_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BoWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BoWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, BoWindow, empty_buttons);
  gtk_widget_class_bind_template_child (widget_class, BoWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BoWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BoWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, BoWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, BoWindow, views);
  gtk_widget_class_bind_template_child (widget_class, BoWindow, view_title);
  gtk_widget_class_bind_template_child (widget_class, BoWindow, shop_title);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_view_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.new-item", NULL, new_item_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample-shop", NULL,
                                   open_sample_shop_action);
  gtk_widget_class_install_action (widget_class, "win.start-empty", NULL, start_empty_action);
  gtk_widget_class_install_action (widget_class, "win.print-ready-picklists", NULL,
                                   print_ready_picklists_action);
  gtk_widget_class_install_action (widget_class, "win.export-availability", NULL,
                                   export_availability_action);
  _bo_window_class_init_files (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-item", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (view_infos); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-view", "s", view_infos[i].name);
}

static GtkWidget *
sidebar_row_new (const ViewInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_widget_set_name (row, info->name);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(info->title), -1);
  return row;
}

static void
bo_window_init (BoWindow *self)
{
  g_autofree char *last_view = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The first-start choices are long in German: on a phone they take two lines. */
  for (GtkWidget *button = gtk_widget_get_first_child (self->empty_buttons); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
    }

  /* Views are built when first shown: the window starts with one. */
  for (guint i = 0; i < G_N_ELEMENTS (view_infos); i++)
    gtk_list_box_append (self->sidebar, sidebar_row_new (&view_infos[i]));
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new_with_arguments (gtk_shortcut_trigger_parse_string ("Tab|KP_Tab"),
                                       gtk_callback_action_new (leave_sidebar_cb, NULL, NULL),
                                       "i", GTK_DIR_TAB_FORWARD));
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new_with_arguments (gtk_shortcut_trigger_parse_string ("<Shift>Tab|<Shift>ISO_Left_Tab"),
                                       gtk_callback_action_new (leave_sidebar_cb, NULL, NULL),
                                       "i", GTK_DIR_TAB_BACKWARD));
    gtk_widget_add_controller (GTK_WIDGET (self->sidebar), keys);
  }

  self->settings = bo_application_get_settings ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      last_view = g_settings_get_string (self->settings, "last-view");
    }
  bo_window_show_view (self, last_view != NULL ? last_view : "dashboard");
}

/* ---- public ----------------------------------------------------------------- */

/**
 * bo_window_print_picklists:
 * @order_ids: (array length=n_order_ids) (nullable): the orders to pick, or
 *   %NULL for every order that can ship now
 *
 * Prints one batch pick list of the allocated units of those orders,
 * grouped by bin.
 */
void
bo_window_print_picklists (BoWindow     *self,
                           const gint64 *order_ids,
                           gsize         n_order_ids)
{
  g_autoptr(BoPicklist) picklist = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BO_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  picklist = bo_picklist_new_batch (self->store, order_ids, n_order_ids, &error);
  if (picklist == NULL)
    {
      bo_window_show_error (self, error);
      return;
    }
  if (picklist->rows->len == 0)
    {
      bo_window_add_toast (self, adw_toast_new (_("No order is ready to ship")));
      return;
    }
  bo_picklist_print (GTK_WINDOW (self), g_steal_pointer (&picklist));
}

BoWindow *
bo_window_new (AdwApplication *application,
               BoStore        *store)
{
  return g_object_new (BO_TYPE_WINDOW, "application", application, "store", store, NULL);
}

/**
 * bo_window_get_store:
 *
 * Returns: (transfer none) (nullable): the shop shown
 */
BoStore *
bo_window_get_store (BoWindow *self)
{
  g_return_val_if_fail (BO_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * bo_window_show_error:
 *
 * Shows why the shop cannot be used (it could not be opened) in place of it.
 */
void
bo_window_show_error (BoWindow     *self,
                      const GError *error)
{
  g_return_if_fail (BO_IS_WINDOW (self));

  if (self->store != NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      bo_window_add_toast (self, toast);
      return;
    }
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

/* The view called @name, built now if it was not shown before; NULL for an
 * unknown name. */
static GtkWidget *
ensure_view (BoWindow   *self,
             const char *name)
{
  GtkWidget *view = gtk_stack_get_child_by_name (self->views, name);

  for (guint i = 0; view == NULL && name != NULL && i < G_N_ELEMENTS (view_infos); i++)
    if (g_str_equal (view_infos[i].name, name))
      {
        GtkStackPage *page;

        view = g_object_new (view_infos[i].get_type (), NULL);
        page = gtk_stack_add_titled (self->views, view, name, _(view_infos[i].title));
        gtk_stack_page_set_icon_name (page, view_infos[i].icon_name);
        if (self->store != NULL)
          bo_view_set_store (BO_VIEW (view), self->store);
      }
  return view;
}

void
bo_window_show_view (BoWindow   *self,
                     const char *name)
{
  g_return_if_fail (BO_IS_WINDOW (self));

  if (ensure_view (self, name) != NULL)
    gtk_stack_set_visible_child_name (self->views, name);
}

const char *
bo_window_get_view_name (BoWindow *self)
{
  g_return_val_if_fail (BO_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->views);
}

/**
 * bo_window_get_view:
 *
 * Returns: (transfer none) (nullable): the view called @name
 */
GtkWidget *
bo_window_get_view (BoWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (BO_IS_WINDOW (self), NULL);
  return ensure_view (self, name);
}

void
bo_window_add_toast (BoWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (BO_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
