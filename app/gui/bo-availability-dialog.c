/* bo-availability-dialog.c — exporting each SKU's availability for the storefront
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merchant picks the shape (the shop platform that imports it), then a
 * file; the core writes it.
 */
#define G_LOG_DOMAIN "bo-availability-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-availability-dialog.h"
#include "bo-form.h"
#include "bo-window.h"

#define MAX_LOCATION 200

struct _BoAvailabilityDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwComboRow         *format_row;
  AdwEntryRow         *location_row;
  GtkLabel            *location_error;
  GtkLabel            *format_description;

  /* owned */
  BoStore             *store;
  gboolean             location_valid;
};

G_DEFINE_FINAL_TYPE (BoAvailabilityDialog, bo_availability_dialog, ADW_TYPE_WINDOW)

static const char *
format_description (BoAvailabilityFormat format)
{
  switch (format)
    {
    case BO_AVAILABILITY_FORMAT_SHOPIFY:
      return _("For Products › Inventory › Import in Shopify: each variant’s available, committed, "
               "incoming and on-hand units at the location. Products that did not come from "
               "Shopify get a handle made of their SKU.");
    case BO_AVAILABILITY_FORMAT_WOOCOMMERCE:
      return _("For the WooCommerce product importer with “Update existing products”: stock "
               "status, stock and whether backorders are allowed, and the availability sentence, "
               "promisable units and dates as custom fields.");
    case BO_AVAILABILITY_FORMAT_CSV:
    default:
      return _("Every figure and the availability sentence, for a spreadsheet or any other "
               "storefront.");
    }
}

static void
update_actions (BoAvailabilityDialog *self)
{
  gboolean shopify = bo_availability_dialog_get_format (self) == BO_AVAILABILITY_FORMAT_SHOPIFY;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "availability.export",
                                 !shopify || self->location_valid);
}

static void
validate_location (BoAvailabilityDialog *self)
{
  g_autofree char *reason = bo_form_check_text (gtk_editable_get_text (GTK_EDITABLE (self->location_row)),
                                                TRUE, MAX_LOCATION,
                                                _("which Shopify location holds the stock?"));

  bo_form_show_reason (GTK_WIDGET (self->location_row), self->location_error, reason);
  self->location_valid = reason == NULL;
  update_actions (self);
}

static void
format_changed_cb (BoAvailabilityDialog *self)
{
  BoAvailabilityFormat format = bo_availability_dialog_get_format (self);

  gtk_widget_set_visible (GTK_WIDGET (self->location_row), format == BO_AVAILABILITY_FORMAT_SHOPIFY);
  gtk_widget_set_visible (GTK_WIDGET (self->location_error),
                          format == BO_AVAILABILITY_FORMAT_SHOPIFY && !self->location_valid);
  gtk_label_set_text (self->format_description, format_description (format));
  update_actions (self);
}

static void
location_changed_cb (BoAvailabilityDialog *self)
{
  bo_form_touch (GTK_WIDGET (self->location_row));
  validate_location (self);
}

static void
chooser_response_cb (GtkNativeDialog      *chooser,
                     int                   response,
                     BoAvailabilityDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      !bo_availability_dialog_export (self, file, &error))
    bo_form_show_error (GTK_WINDOW (self), _("Could not export the availability"), error);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BoAvailabilityDialog *self = BO_AVAILABILITY_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Availability"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strdup_printf ("availability-%s.csv",
                          bo_availability_format_to_string (bo_availability_dialog_get_format (self)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
bo_availability_dialog_dispose (GObject *object)
{
  BoAvailabilityDialog *self = BO_AVAILABILITY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_AVAILABILITY_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bo_availability_dialog_parent_class)->dispose (object);
}

static void
bo_availability_dialog_class_init (BoAvailabilityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bo_availability_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/"
                                               "bo-availability-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BoAvailabilityDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, BoAvailabilityDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, BoAvailabilityDialog, location_error);
  gtk_widget_class_bind_template_child (widget_class, BoAvailabilityDialog, format_description);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, location_changed_cb);

  gtk_widget_class_install_action (widget_class, "availability.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bo_availability_dialog_init (BoAvailabilityDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bo_form_name_entry_rows (GTK_WIDGET (self));
  self->location_valid = TRUE;
  format_changed_cb (self);
}

/* ---- public ----------------------------------------------------------------- */

/**
 * bo_availability_dialog_new:
 * @parent: (nullable): the main window
 *
 * Returns: (transfer none): a new dialog
 */
GtkWindow *
bo_availability_dialog_new (GtkWindow *parent,
                            BoStore   *store)
{
  BoAvailabilityDialog *self;

  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  self = g_object_new (BO_TYPE_AVAILABILITY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return GTK_WINDOW (self);
}

BoAvailabilityFormat
bo_availability_dialog_get_format (BoAvailabilityDialog *self)
{
  guint selected;

  g_return_val_if_fail (BO_IS_AVAILABILITY_DIALOG (self), BO_AVAILABILITY_FORMAT_CSV);

  selected = adw_combo_row_get_selected (self->format_row);
  return selected <= BO_AVAILABILITY_FORMAT_CSV ? (BoAvailabilityFormat) selected
                                                : BO_AVAILABILITY_FORMAT_CSV;
}

/**
 * bo_availability_dialog_export:
 * @file: where to write
 *
 * Writes the export the form describes to @file (what the file chooser's
 * answer does), tells the main window and closes the dialog.
 */
gboolean
bo_availability_dialog_export (BoAvailabilityDialog  *self,
                               GFile                 *file,
                               GError               **error)
{
  BoAvailabilityFormat format;
  GtkWindow *parent;
  g_autofree char *location = NULL;

  g_return_val_if_fail (BO_IS_AVAILABILITY_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  format = bo_availability_dialog_get_format (self);
  location = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->location_row))));
  if (!bo_availability_write_file (self->store, format,
                                   format == BO_AVAILABILITY_FORMAT_SHOPIFY ? location : NULL,
                                   file, NULL, error))
    return FALSE;

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (BO_IS_WINDOW (parent))
    {
      g_autofree char *basename = g_file_get_basename (file);
      /* Translators: a file name */
      AdwToast *toast = adw_toast_new_format (_("Availability saved as %s"), basename);

      bo_window_add_toast (BO_WINDOW (parent), toast);
    }
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
