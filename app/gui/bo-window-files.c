/* bo-window-files.c — the main window's import, export, backup and restore
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-window"

#include "config.h"

#include <glib/gi18n.h>

#include "backorders/bo-error.h"
#include "backorders/bo-export.h"
#include "bo-form.h"
#include "bo-import-dialog.h"
#include "bo-window-private.h"

#define NEXT_FILE_KEY "bo-window-next-file"

typedef void (*FileChosenFunc) (BoWindow *self,
                                GFile    *file);

typedef struct
{
  BoWindow       *window;
  FileChosenFunc  func;
} Chooser;

/* ---- helpers ---------------------------------------------------------------- */

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     Chooser         *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    chooser->func (chooser->window, file);
  g_object_unref (chooser->window);
  g_free (chooser);
  g_object_unref (dialog);
}

/* Asks for a file or folder, then calls @func; a file given beforehand with
 * _bo_window_set_next_file() answers instead of the merchant. */
static void
choose_file (BoWindow             *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *current_name,
             gboolean              csv,
             FileChosenFunc        func)
{
  GFile *next = g_object_steal_data (G_OBJECT (self), NEXT_FILE_KEY);
  GtkFileChooserNative *dialog;
  Chooser *chooser;

  if (next != NULL)
    {
      func (self, next);
      g_object_unref (next);
      return;
    }

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (csv)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_pattern (filter, "*.csv");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), current_name);
  chooser = g_new0 (Chooser, 1);
  chooser->window = g_object_ref (self);
  chooser->func = func;
  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static char *
dated_name (BoWindow   *self,
            const char *stem,
            const char *extension)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("%s-%s.%s", stem, date, extension);
}

static void
toast_file (BoWindow   *self,
            const char *what,
            GFile      *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  if (g_str_equal (what, "export"))
    /* Translators: a file name */
    text = g_strdup_printf (_("Saved as %s"), name);
  else if (g_str_equal (what, "backup"))
    /* Translators: a file name */
    text = g_strdup_printf (_("Shop backed up to %s"), name);
  else
    /* Translators: a file name */
    text = g_strdup_printf (_("Shop restored from %s"), name);
  bo_window_add_toast (self, adw_toast_new (text));
}

static char *
local_path (GFile   *file,
            GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Choose a file on this computer"));
  return path;
}

/* ---- import and export ------------------------------------------------------ */

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BoWindow *self = BO_WINDOW (widget);
  BoStore *store = bo_window_get_store (self);

  if (store != NULL)
    gtk_window_present (bo_import_dialog_new (GTK_WINDOW (self), store));
}

static void
export_kind (BoWindow     *self,
             BoExportKind  kind,
             GFile        *file)
{
  g_autoptr(GError) error = NULL;

  if (!bo_export_write_file (bo_window_get_store (self), kind, file, NULL, &error))
    {
      bo_form_show_error (GTK_WINDOW (self), _("Could not export"), error);
      return;
    }
  toast_file (self, "export", file);
}

static void
backorders_chosen (BoWindow *self,
                   GFile    *file)
{
  export_kind (self, BO_EXPORT_BACKORDERS, file);
}

static void
customers_chosen (BoWindow *self,
                  GFile    *file)
{
  export_kind (self, BO_EXPORT_CUSTOMERS, file);
}

static void
purchase_orders_chosen (BoWindow *self,
                        GFile    *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *text = NULL;

  files = bo_export_purchase_orders_to_folder (bo_window_get_store (self), folder, NULL, &error);
  if (files == NULL)
    {
      bo_form_show_error (GTK_WINDOW (self), _("Could not export the purchase orders"), error);
      return;
    }
  if (files->len == 0)
    text = g_strdup (_("No supplier has an open purchase order; no file was written"));
  else
    text = g_strdup_printf (ngettext ("Saved %u file, one per supplier",
                                      "Saved %u files, one per supplier", files->len),
                            files->len);
  bo_window_add_toast (self, adw_toast_new (text));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BoWindow *self = BO_WINDOW (widget);
  g_autofree char *name = NULL;

  if (bo_window_get_store (self) == NULL)
    return;
  if (g_str_equal (action_name, "win.export-purchase-orders"))
    choose_file (self, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                 _("Export Purchase Orders to a Folder"), _("_Export"), NULL, FALSE,
                 purchase_orders_chosen);
  else if (g_str_equal (action_name, "win.export-customers"))
    {
      name = dated_name (self, "customers", "csv");
      choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Customers"), _("_Export"), name,
                   TRUE, customers_chosen);
    }
  else
    {
      name = dated_name (self, "backorders", "csv");
      choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Open Backorders"), _("_Export"),
                   name, TRUE, backorders_chosen);
    }
}

/* ---- backup and restore ----------------------------------------------------- */

static void
backup_chosen (BoWindow *self,
               GFile    *file)
{
  BoStore *store = bo_window_get_store (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = local_path (file, &error);

  /* The store refuses the shop and its companion files, however named. */
  if (path == NULL || !bo_store_backup (store, path, &error))
    {
      bo_form_show_error (GTK_WINDOW (self), _("Could not back up the shop"), error);
      return;
    }
  toast_file (self, "backup", file);
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BoWindow *self = BO_WINDOW (widget);
  g_autofree char *name = NULL;

  if (bo_window_get_store (self) == NULL)
    return;
  name = dated_name (self, "shop-backup", "backorders");
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Back Up Shop"), _("_Back Up"), name, FALSE,
               backup_chosen);
}

static void restore_response_cb (AdwMessageDialog *dialog,
                                 const char       *response,
                                 BoWindow         *self);

/* A whole backup that breaks rules of a shop: the merchant may take it
 * anyway, knowing what is wrong with it. */
static void
ask_restore_anyway (BoWindow     *self,
                    GFile        *file,
                    const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore a Backup with Errors?"),
                                              error->message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "force", _("_Restore Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "force",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "bo-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     BoWindow         *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "bo-file");
  BoStore *store = bo_window_get_store (self);
  gboolean force = g_str_equal (response, "force");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if ((!g_str_equal (response, "restore") && !force) || store == NULL)
    return;
  path = local_path (file, &error);
  /* The store tells every view it changed: the window shows the restored shop. */
  if (path == NULL ||
      !bo_store_restore_full (store, path, force ? BO_STORE_RESTORE_FORCE : BO_STORE_RESTORE_NONE,
                              NULL, NULL, &error))
    {
      if (g_error_matches (error, BO_ERROR, BO_ERROR_INCONSISTENT))
        ask_restore_anyway (self, file, error);
      else
        bo_form_show_error (GTK_WINDOW (self), _("Could not restore the shop"), error);
      return;
    }
  toast_file (self, "restore", file);
}

static void
restore_chosen (BoWindow *self,
                GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Shop?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Everything in the current shop will be replaced by the "
                                    "backup “%s”. A copy of the shop as it is now is kept "
                                    "beside it."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Replace Shop"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "bo-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BoWindow *self = BO_WINDOW (widget);

  if (bo_window_get_store (self) == NULL)
    return;
  choose_file (self, GTK_FILE_CHOOSER_ACTION_OPEN, _("Restore Shop"), _("_Open"), NULL, FALSE,
               restore_chosen);
}

/* ---- private API ------------------------------------------------------------ */

void
_bo_window_class_init_files (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-backorders", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-purchase-orders", NULL,
                                   export_action);
  gtk_widget_class_install_action (widget_class, "win.export-customers", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
}

/**
 * _bo_window_set_next_file:
 * @file: (nullable): the answer
 *
 * Gives the answer of the next file or folder chooser the window would show
 * (for tests: a native chooser cannot be driven).
 */
void
_bo_window_set_next_file (BoWindow *self,
                          GFile    *file)
{
  g_return_if_fail (BO_IS_WINDOW (self));

  g_object_set_data_full (G_OBJECT (self), NEXT_FILE_KEY,
                          file != NULL ? g_object_ref (file) : NULL, g_object_unref);
}
