/* bo-picklist-print.c — pick lists to the printer or to a PDF file
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing and "Export PDF" draw with the core's one renderer, so the paper
 * and the file look the same; the print dialog and the file chooser go
 * through the portals inside a sandbox.
 */
#define G_LOG_DOMAIN "bo-picklist-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bo-picklist-print.h"

/* The settings of the last print of this session: the printer (or "Print to
 * File"), the paper, the folder. GTK forgets them from one dialog to the
 * next. */
static GtkPrintSettings *last_settings;

static void
show_error (GtkWindow    *parent,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                BoPicklist        *picklist)
{
  guint pages = bo_picklist_layout (picklist, gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (pages, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              BoPicklist        *picklist)
{
  bo_picklist_render_page (picklist, gtk_print_context_get_cairo_context (context),
                           gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context), page);
}

/**
 * _bo_picklist_print_remember:
 * @settings: (nullable): what the last print used
 *
 * Keeps @settings (a copy) for the next print of this session.
 */
void
_bo_picklist_print_remember (GtkPrintSettings *settings)
{
  g_clear_object (&last_settings);
  if (settings != NULL)
    last_settings = gtk_print_settings_copy (settings);
}

/**
 * _bo_picklist_print_settings_for:
 *
 * The last print's settings, with the file (for "Print to File") named after
 * @picklist ("Pick list for order 1001.pdf") in the folder used last, not
 * "output.pdf".
 *
 * Returns: (transfer full): settings for printing @picklist
 */
GtkPrintSettings *
_bo_picklist_print_settings_for (const BoPicklist *picklist)
{
  GtkPrintSettings *settings = last_settings != NULL ? gtk_print_settings_copy (last_settings)
                                                     : gtk_print_settings_new ();
  const char *uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  const char *format = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT);
  g_autofree char *title = bo_picklist_get_title (picklist);
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file_uri = NULL;

  if (uri != NULL)
    {
      g_autoptr(GFile) last = g_file_new_for_uri (uri);
      g_autoptr(GFile) parent = g_file_get_parent (last);

      if (parent != NULL)
        folder = g_file_get_path (parent);
    }
  if (folder == NULL)
    folder = g_strdup (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL
                       ? g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS)
                       : g_get_home_dir ());
  g_strdelimit (title, "/\\:", '-');
  name = g_strdup_printf ("%s.%s", title, format != NULL ? format : "pdf");
  path = g_build_filename (folder, name, NULL);
  file_uri = g_filename_to_uri (path, NULL, NULL);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, title);
  if (file_uri != NULL)
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, file_uri);
  return settings;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    _bo_picklist_print_remember (gtk_print_operation_get_print_settings (operation));
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  show_error (parent, _("The pick list could not be printed"), error);
}

/**
 * bo_picklist_print:
 * @picklist: (transfer full): the pick list
 *
 * Opens the system print dialog for @picklist.
 *
 * Returns: (transfer none): the running print operation
 */
GtkPrintOperation *
bo_picklist_print (GtkWindow  *parent,
                   BoPicklist *picklist)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autofree char *title = bo_picklist_get_title (picklist);
  g_autoptr(GtkPrintSettings) settings = _bo_picklist_print_settings_for (picklist);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_print_settings (operation, settings);
  g_object_set_data_full (G_OBJECT (operation), "bo-picklist", picklist,
                          (GDestroyNotify) bo_picklist_free);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), picklist);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), picklist);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), parent);
  /* The operation lives until it is done. */
  g_signal_connect_after (operation, "done", G_CALLBACK (g_object_unref), NULL);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (parent, _("The pick list could not be printed"), error);
  return operation;
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    BoPicklist      *picklist)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL &&
      !bo_picklist_write_pdf (picklist, path, &error))
    show_error (parent, _("The pick list could not be saved"), error);
  g_object_unref (chooser);
}

/**
 * bo_picklist_export_pdf:
 * @picklist: (transfer full): the pick list
 *
 * Asks where to save @picklist, then writes it as a PDF.
 */
void
bo_picklist_export_pdf (GtkWindow  *parent,
                        BoPicklist *picklist)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *title = bo_picklist_get_title (picklist);
  g_autofree char *name = g_strdup_printf ("%s.pdf", title);

  chooser = gtk_file_chooser_native_new (_("Export Pick List"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "bo-picklist", picklist,
                          (GDestroyNotify) bo_picklist_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), picklist);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
