/* bo-toast.c — showing toasts so that libadwaita 1.2 can dismiss them safely
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2 slides a toast in for 500 ms when another toast is still
 * fading out (300 ms otherwise), and forgets the toast as soon as its own
 * 300 ms of fading end, even if its sliding in has not: the end of the
 * sliding in then writes to freed memory. An Undo toast undone within
 * 200 ms of coming (the Undo shortcut, a quick click) crashed the app in
 * adw_animation_skip. A toast that comes while nothing fades slides in no
 * longer than it fades, so the toasts here wait for that.
 */
#define G_LOG_DOMAIN "bo-toast"

#include "config.h"

#include "bo-toast.h"

#define WAITING_KEY "bo-toast-waiting"

typedef struct
{
  GtkWidget *overlay;   /* weak */
  guint      tick_id;
} Waiting;

static void
waiting_free (gpointer data)
{
  Waiting *waiting = data;

  g_clear_weak_pointer (&waiting->overlay);
  g_free (waiting);
}

/* Whether a toast that went away is still fading out: its widget stays in
 * the overlay, no longer clickable, until the fading ends. */
static gboolean
fading (GtkWidget *overlay)
{
  GtkWidget *content = adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay));

  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != content && !gtk_widget_get_can_target (child))
      return TRUE;
  return FALSE;
}

static gboolean
show_when_clear_cb (GtkWidget     *overlay,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  AdwToast *toast = data;

  if (fading (overlay))
    return G_SOURCE_CONTINUE;
  g_object_set_data (G_OBJECT (toast), WAITING_KEY, NULL);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
  return G_SOURCE_REMOVE;
}

/**
 * bo_toast_show:
 * @toast: (transfer full): a toast not shown yet
 *
 * Adds @toast to @overlay as soon as no toast is fading out of it.
 */
void
bo_toast_show (AdwToastOverlay *overlay,
               AdwToast        *toast)
{
  Waiting *waiting;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (!fading (GTK_WIDGET (overlay)))
    {
      adw_toast_overlay_add_toast (overlay, toast);
      return;
    }
  waiting = g_new0 (Waiting, 1);
  g_set_weak_pointer (&waiting->overlay, GTK_WIDGET (overlay));
  /* The tick callback owns the toast until it is added. */
  waiting->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (overlay), show_when_clear_cb,
                                                   toast, g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), WAITING_KEY, waiting, waiting_free);
}

/**
 * bo_toast_dismiss:
 *
 * Dismisses @toast, shown or still waiting to be. One that never showed is
 * dismissed all the same: what waits for its ::dismissed happens now.
 */
void
bo_toast_dismiss (AdwToast *toast)
{
  Waiting *waiting;

  g_return_if_fail (ADW_IS_TOAST (toast));

  waiting = g_object_steal_data (G_OBJECT (toast), WAITING_KEY);
  if (waiting == NULL)
    {
      adw_toast_dismiss (toast);
      return;
    }
  g_object_ref (toast);
  if (waiting->overlay != NULL)
    gtk_widget_remove_tick_callback (waiting->overlay, waiting->tick_id);
  waiting_free (waiting);
  g_signal_emit_by_name (toast, "dismissed");
  g_object_unref (toast);
}
