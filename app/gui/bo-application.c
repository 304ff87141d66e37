/* bo-application.c — the Backorders application: one window per shop
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bo-application-private.h"
#include "bo-preferences-dialog.h"
#include "bo-window.h"

struct _BoApplication
{
  AdwApplication  parent_instance;

  /* owned */
  char           *database;
  BoStore        *store;
};

G_DEFINE_FINAL_TYPE (BoApplication, bo_application, ADW_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The shop database to open (default: the shop in your data folder)"), N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

/**
 * bo_application_get_settings:
 *
 * Returns: (transfer full) (nullable): the application's settings, or %NULL
 *   when its schema is not installed
 */
GSettings *
bo_application_get_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return NULL;
  return g_settings_new (APP_ID);
}

/**
 * bo_application_default_path:
 *
 * Returns: (transfer full): the shop in the user's data folder
 */
char *
bo_application_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "backorders", "shop.db", NULL);
}

BoWindow *
_bo_application_get_window (BoApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); window == NULL && l != NULL;
       l = l->next)
    if (BO_IS_WINDOW (l->data))
      window = l->data;
  return BO_IS_WINDOW (window) ? BO_WINDOW (window) : NULL;
}

static void
bo_application_activate (GApplication *application)
{
  BoApplication *self = BO_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  BoWindow *window = _bo_application_get_window (self);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (self->store == NULL)
    {
      g_autofree char *path = self->database != NULL ? g_strdup (self->database)
                                                     : bo_application_default_path ();

      if (self->database == NULL)
        {
          g_autofree char *dir = g_path_get_dirname (path);
          g_mkdir_with_parents (dir, 0700);
        }
      self->store = bo_store_open (path, &error);
      if (self->store != NULL)
        {
          bo_store_watch (self->store);
          _bo_application_watch_store (self, self->store);
        }
    }

  window = bo_window_new (ADW_APPLICATION (self), self->store);
  if (error != NULL)
    bo_window_show_error (window, error);
  gtk_window_present (GTK_WINDOW (window));
}

static gint
bo_application_handle_local_options (GApplication *application,
                                     GVariantDict *options_dict)
{
  BoApplication *self = BO_APPLICATION (application);
  const char *database = NULL;

  if (g_variant_dict_contains (options_dict, "version"))
    {
      g_print ("backorders %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options_dict, "database", "^&ay", &database))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);
      g_free (self->database);
      self->database = g_file_get_path (file);
    }
  return -1;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  BoApplication *self = user_data;
  static const char *developers[] = { "The Backorders developers", NULL };

  adw_show_about_window (GTK_WINDOW (_bo_application_get_window (self)),
                         "application-name", _("Backorders"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Backorders developers"),
                         "developers", developers,
                         "comments", _("Keep selling when stock runs out: decide fairly who gets "
                                       "scarce stock, order the shortage, promise honest dates."),
                         "website", "https://github.com/backorders/backorders",
                         "issue-url", "https://github.com/backorders/backorders/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  BoWindow *window = _bo_application_get_window (BO_APPLICATION (user_data));
  BoStore *store = window != NULL ? bo_window_get_store (window) : NULL;

  /* A shop that could not be opened has no settings to show. */
  if (store == NULL)
    return;
  gtk_window_present (bo_preferences_dialog_new (GTK_WINDOW (window), store));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *application = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  /* Close windows so that they save their size. */
  for (GList *l = windows; l != NULL;)
    {
      GList *next = l->next;
      gtk_window_close (l->data);
      l = next;
    }
  g_application_quit (application);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
bo_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (bo_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  _bo_application_install_shop_actions (BO_APPLICATION (application));
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         prefs_accels);
}

static void
bo_application_finalize (GObject *object)
{
  BoApplication *self = BO_APPLICATION (object);

  g_clear_object (&self->store);
  g_free (self->database);

  G_OBJECT_CLASS (bo_application_parent_class)->finalize (object);
}

static void
bo_application_class_init (BoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = bo_application_finalize;
  app_class->activate = bo_application_activate;
  app_class->startup = bo_application_startup;
  app_class->handle_local_options = bo_application_handle_local_options;
}

static void
bo_application_init (BoApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep selling when stock runs out."));
}

BoApplication *
bo_application_new (void)
{
  return g_object_new (BO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/backorders/Backorders",
                       NULL);
}

/**
 * bo_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open shop
 */
BoStore *
bo_application_get_store (BoApplication *self)
{
  g_return_val_if_fail (BO_IS_APPLICATION (self), NULL);
  return self->store;
}
