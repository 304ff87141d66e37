/* bo-view.c — one page of the main window, showing one part of the shop
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-view.h"
#include "bo-wrap-box.h"

typedef struct
{
  BoStore *store;
  gulong   changed_id;
  gboolean stale;     /* the shop changed while the view was not shown */
} BoViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BoView, bo_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
store_changed_cb (BoStore *store,
                  BoView  *self)
{
  bo_view_reload (self);
}

/* Hidden views wait until they are shown: a window on a large shop starts
 * without reading every list. */
static void
bo_view_map (GtkWidget *widget)
{
  BoView *self = BO_VIEW (widget);
  BoViewPrivate *priv = bo_view_get_instance_private (self);

  GTK_WIDGET_CLASS (bo_view_parent_class)->map (widget);
  if (priv->stale)
    bo_view_reload (self);
}

static void
bo_view_dispose (GObject *object)
{
  BoView *self = BO_VIEW (object);
  GtkWidget *child;

  bo_view_set_store (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bo_view_parent_class)->dispose (object);
}

static void
bo_view_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, bo_view_get_store (BO_VIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_view_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      bo_view_set_store (BO_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_view_class_init (BoViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bo_view_dispose;
  object_class->get_property = bo_view_get_property;
  object_class->set_property = bo_view_set_property;

  /* Every view's toolbar wraps when the window is narrow. */
  g_type_ensure (BO_TYPE_WRAP_BOX);

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, BO_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = bo_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bo_view_init (BoView *self)
{
}

/**
 * bo_view_get_store:
 *
 * Returns: (transfer none) (nullable): the shop shown
 */
BoStore *
bo_view_get_store (BoView *self)
{
  BoViewPrivate *priv = bo_view_get_instance_private (self);

  g_return_val_if_fail (BO_IS_VIEW (self), NULL);
  return priv->store;
}

/**
 * bo_view_set_store:
 *
 * Shows @store; the view reloads whenever it changes.
 */
void
bo_view_set_store (BoView  *self,
                   BoStore *store)
{
  BoViewPrivate *priv = bo_view_get_instance_private (self);

  g_return_if_fail (BO_IS_VIEW (self));
  g_return_if_fail (store == NULL || BO_IS_STORE (store));

  if (priv->store == store)
    return;
  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  g_set_object (&priv->store, store);
  if (store != NULL)
    {
      priv->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
      bo_view_reload (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * bo_view_reload:
 *
 * Reads the shop again now if the view is shown (or not in a window at all),
 * else when it is shown next.
 */
void
bo_view_reload (BoView *self)
{
  BoViewPrivate *priv = bo_view_get_instance_private (self);

  g_return_if_fail (BO_IS_VIEW (self));

  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->stale = TRUE;
      return;
    }
  priv->stale = FALSE;
  if (BO_VIEW_GET_CLASS (self)->reload != NULL && priv->store != NULL)
    BO_VIEW_GET_CLASS (self)->reload (self);
}

gboolean
bo_view_focus_search (BoView *self)
{
  g_return_val_if_fail (BO_IS_VIEW (self), FALSE);

  if (BO_VIEW_GET_CLASS (self)->focus_search != NULL)
    return BO_VIEW_GET_CLASS (self)->focus_search (self);
  return FALSE;
}

/**
 * bo_view_show_filter:
 * @filter: a filter name: "all", "backordered", "ready", "awaiting-po", "overdue"
 *
 * Returns: whether the view has that filter
 */
gboolean
bo_view_show_filter (BoView     *self,
                     const char *filter)
{
  g_return_val_if_fail (BO_IS_VIEW (self), FALSE);

  if (BO_VIEW_GET_CLASS (self)->show_filter != NULL)
    return BO_VIEW_GET_CLASS (self)->show_filter (self, filter);
  return FALSE;
}

GtkWindow *
bo_view_get_window (BoView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * bo_view_show_toast:
 *
 * Shows @toast in the window's toast overlay (via the win.show-toast hook of
 * the window that holds the view).
 */
void
bo_view_show_toast (BoView   *self,
                    AdwToast *toast)
{
  GtkWidget *widget = GTK_WIDGET (self);

  g_return_if_fail (BO_IS_VIEW (self));

  /* Walk up to the nearest toast overlay. */
  for (widget = gtk_widget_get_parent (widget); widget != NULL;
       widget = gtk_widget_get_parent (widget))
    if (ADW_IS_TOAST_OVERLAY (widget))
      {
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (widget), toast);
        return;
      }
  g_object_ref_sink (toast);
  g_object_unref (toast);
}

/**
 * bo_view_show_error:
 * @what: what failed, e.g. "Could not save the product"
 *
 * Tells the merchant what went wrong in a dialog, with the store's reason.
 */
void
bo_view_show_error (BoView     *self,
                    const char *what,
                    GError     *error)
{
  GtkWidget *dialog;

  g_return_if_fail (BO_IS_VIEW (self));

  dialog = adw_message_dialog_new (bo_view_get_window (self), what,
                                   error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
