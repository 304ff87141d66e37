/* screenshots.c — pictures of each main view on the sample shop
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: screenshots OUTPUT-DIR [dark] [--at-once] [--width=PIXELS]
 * Renders the real window offscreen (no window manager needed) into
 * OUTPUT-DIR/<view>.png; build-aux/screenshots runs it for the README and
 * the AppStream metainfo, and a test runs it into a temporary folder.
 *
 * A picture is taken only when every transition in the window has ended
 * (the views' cross-fade, the charts' cards, the leaflet): a frame taken in
 * the middle of one shows two views at once. The program refuses such a
 * frame and fails; --at-once takes each picture right after switching
 * views, which the test uses to check that refusal.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "bo-window.h"

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* The first widget under @widget that is in the middle of a transition. */
static GtkWidget *
find_transition (GtkWidget *widget)
{
  if ((GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget))) ||
      (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget))))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_transition (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Lets the window settle: no transition running, for a few frames. */
static void
settle (GtkWidget *window)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint quiet = 0;

  while (quiet < 3 && g_get_monotonic_time () < end)
    {
      iterate (50);
      quiet = find_transition (window) == NULL ? quiet + 1 : 0;
    }
}

static gboolean
save (GtkWidget   *widget,
      const char  *path,
      GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  GtkWidget *moving = find_transition (widget);

  if (moving != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Not saving %s: a %s is in the middle of a transition", path,
                   G_OBJECT_TYPE_NAME (moving));
      return FALSE;
    }

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing was drawn for %s", path);
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s", path);
      return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const char *views[] = { "dashboard", "orders", "backorders", "products", "purchase-orders",
                          "suppliers", "customers" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(BoStore) store = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  BoWindow *window;
  gboolean at_once = FALSE, dark = FALSE;
  int width = 1280;
  GDate today;

  if (argc < 2)
    {
      g_printerr ("Usage: %s OUTPUT-DIR [dark] [--at-once] [--width=PIXELS]\n", argv[0]);
      return 2;
    }
  for (int i = 2; i < argc; i++)
    {
      dark |= g_str_equal (argv[i], "dark");
      at_once |= g_str_equal (argv[i], "--at-once");
      /* 683: half a laptop screen, to see how the views fold and wrap. */
      if (g_str_has_prefix (argv[i], "--width="))
        width = atoi (argv[i] + strlen ("--width="));
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* LANGUAGE=de BACKORDERS_LOCALEDIR=build/po: the views in German. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BACKORDERS_LOCALEDIR") != NULL
                                   ? g_getenv ("BACKORDERS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_css_provider_load_from_resource (css, "/io/github/backorders/Backorders/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_mkdir_with_parents (argv[1], 0755);
  dir = g_dir_make_tmp ("bo-screenshots-XXXXXX", &error);
  path = g_build_filename (dir, "shop.db", NULL);
  store = bo_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 26, 11, 2026);
  if (!bo_store_generate_demo (store, BO_DEMO_SMALL, 1, g_date_get_julian (&today), &error))
    g_error ("%s", error->message);
  bo_store_set_now (store, g_date_time_to_unix (g_date_time_new_local (2026, 11, 26, 18, 0, 0)));

  window = bo_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_present (GTK_WINDOW (window));
  iterate (300);
  settle (GTK_WIDGET (window));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strconcat (views[i], ".png", NULL);
      g_autofree char *file = g_build_filename (argv[1], name, NULL);

      /* --at-once proves the refusal: it switches away from the settled first
       * view and takes the picture with no iteration in between, so the
       * cross-fade has surely begun and not ended, however loaded the machine. */
      if (at_once && i == 0)
        continue;
      bo_window_show_view (window, views[i]);
      if (!at_once)
        settle (GTK_WIDGET (window));
      if (!save (GTK_WIDGET (window), file, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_print ("%s\n", file);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  for (const char *suffix = ""; suffix != NULL;
       suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *f = g_strconcat (path, suffix, NULL);
      g_unlink (f);
    }
  g_rmdir (dir);
  return 0;
}
