/* bo-toast.c — showing and dismissing toasts so that libadwaita 1.2 survives it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2 forgets a toast when its fading out ends, even if its
 * sliding in has not ended yet: the end of the sliding in then writes to
 * freed memory (a crash in adw_animation_skip). Sliding in takes 300 ms,
 * or 500 ms when another toast is still on its way out; fading takes 300
 * ms; and GTK runs the newest animation first within a frame, so both
 * ending in one frame crashes too. A toast dismissed soon after it came
 * (an Undo at once, or the next toast replacing it) crashed the app,
 * easily on a loaded machine, where frames are far apart.
 *
 * So a toast comes only when the overlay shows none (it never replaces one
 * on its way out, nor queues behind one), and is dismissed, when the app
 * dismisses it, only in a frame after it has had the time to slide in.
 * Only a click on the toast's own buttons within its first 300 ms goes
 * around this; libadwaita handles those itself.
 */
#define G_LOG_DOMAIN "bo-toast"

#include "config.h"

#include "bo-toast.h"

#define WAITING_KEY "bo-toast-waiting"
#define LINE_KEY    "bo-toast-line"
#define SHOWN_KEY   "bo-toast-shown-at"

/* The longest a toast slides in (libadwaita's REPLACE_DURATION), in µs. */
#define SLIDE_IN_MAX_US (500 * G_TIME_SPAN_MILLISECOND)

/* The toasts waiting for an overlay to show none, first come first. */
typedef struct
{
  GQueue toasts;
  guint  tick_id;
} Line;

typedef struct
{
  GtkWidget *overlay;   /* weak */
  gint64     at;        /* frame time, µs */
} Shown;

static void
line_free (gpointer data)
{
  Line *line = data;

  g_queue_clear_full (&line->toasts, g_object_unref);
  g_free (line);
}

static void
shown_free (gpointer data)
{
  Shown *shown = data;

  g_clear_weak_pointer (&shown->overlay);
  g_free (shown);
}

static void
waiting_free (gpointer data)
{
  GtkWidget **overlay = data;

  g_clear_weak_pointer (overlay);
  g_free (overlay);
}

/* Whether @overlay shows a toast, coming, shown or going. */
static gboolean
shows_toast (GtkWidget *overlay)
{
  GtkWidget *content = adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay));

  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != content)
      return TRUE;
  return FALSE;
}

static gint64
frame_time (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  return clock != NULL ? gdk_frame_clock_get_frame_time (clock) : g_get_monotonic_time ();
}

static void
add_now (GtkWidget *overlay,
         AdwToast  *toast)
{
  Shown *shown = g_new0 (Shown, 1);

  g_set_weak_pointer (&shown->overlay, overlay);
  g_object_set_data_full (G_OBJECT (toast), SHOWN_KEY, shown, shown_free);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  /* Read after adding: no earlier than the time its sliding in started. */
  shown->at = frame_time (overlay);
}

static gboolean
show_next_cb (GtkWidget     *overlay,
              GdkFrameClock *clock,
              gpointer       data)
{
  Line *line = g_object_get_data (G_OBJECT (overlay), LINE_KEY);
  AdwToast *toast;

  if (line == NULL)
    return G_SOURCE_REMOVE;
  if (shows_toast (overlay))
    return G_SOURCE_CONTINUE;
  toast = g_queue_pop_head (&line->toasts);
  if (toast != NULL)
    {
      g_object_set_data (G_OBJECT (toast), WAITING_KEY, NULL);
      add_now (overlay, toast);
    }
  if (!g_queue_is_empty (&line->toasts))
    return G_SOURCE_CONTINUE;
  line->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
dismiss_when_in_cb (GtkWidget     *overlay,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  AdwToast *toast = data;
  Shown *shown = g_object_get_data (G_OBJECT (toast), SHOWN_KEY);

  if (shown != NULL && gdk_frame_clock_get_frame_time (clock) < shown->at + SLIDE_IN_MAX_US)
    return G_SOURCE_CONTINUE;
  /* The sliding in, an older tick callback, ends later in this same frame
   * at the latest; the fading starts now. */
  adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

/**
 * bo_toast_show:
 * @toast: (transfer full): a toast not shown yet
 *
 * Adds @toast to @overlay as soon as @overlay shows no toast, after those
 * that came before it.
 */
void
bo_toast_show (AdwToastOverlay *overlay,
               AdwToast        *toast)
{
  Line *line;
  GtkWidget **waiting;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  line = g_object_get_data (G_OBJECT (overlay), LINE_KEY);
  if (!shows_toast (GTK_WIDGET (overlay)) && (line == NULL || g_queue_is_empty (&line->toasts)))
    {
      add_now (GTK_WIDGET (overlay), toast);
      return;
    }
  if (line == NULL)
    {
      line = g_new0 (Line, 1);
      g_object_set_data_full (G_OBJECT (overlay), LINE_KEY, line, line_free);
    }
  g_queue_push_tail (&line->toasts, toast);
  waiting = g_new0 (GtkWidget *, 1);
  g_set_weak_pointer (waiting, GTK_WIDGET (overlay));
  g_object_set_data_full (G_OBJECT (toast), WAITING_KEY, waiting, waiting_free);
  if (line->tick_id == 0)
    line->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (overlay), show_next_cb, NULL, NULL);
}

/**
 * bo_toast_dismiss:
 *
 * Dismisses @toast: at once if it is still waiting to come (::dismissed is
 * emitted all the same, so what waits for it happens now), else once it
 * has slid in.
 */
void
bo_toast_dismiss (AdwToast *toast)
{
  GtkWidget **waiting;
  Shown *shown;

  g_return_if_fail (ADW_IS_TOAST (toast));

  waiting = g_object_steal_data (G_OBJECT (toast), WAITING_KEY);
  if (waiting != NULL)
    {
      Line *line = *waiting != NULL ? g_object_get_data (G_OBJECT (*waiting), LINE_KEY) : NULL;

      waiting_free (waiting);
      g_object_ref (toast);
      if (line != NULL && g_queue_remove (&line->toasts, toast))
        g_object_unref (toast);
      g_signal_emit_by_name (toast, "dismissed");
      g_object_unref (toast);
      return;
    }
  /* Not added here, or in an overlay no longer on screen (its animations
   * are over): at once. Dismissing one already gone does nothing. */
  shown = g_object_get_data (G_OBJECT (toast), SHOWN_KEY);
  if (shown == NULL || shown->overlay == NULL || !gtk_widget_get_mapped (shown->overlay))
    {
      adw_toast_dismiss (toast);
      return;
    }
  gtk_widget_add_tick_callback (shown->overlay, dismiss_when_in_cb, g_object_ref (toast),
                                g_object_unref);
}
