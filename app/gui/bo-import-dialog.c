/* bo-import-dialog.c — importing a shop platform's export file, with a preview
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three pages: choose a file and its format; a progress bar while the core
 * plans in a thread; the preview of the plan (counts, problems by row and
 * column, meanings for unknown columns, the first records). Import applies
 * the plan in a thread too, in one transaction; the main window says what
 * was imported.
 */
#define G_LOG_DOMAIN "bo-import-dialog"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "backorders/bo-csv.h"
#include "bo-form.h"
#include "bo-import-dialog.h"
#include "bo-window.h"

/* A file of 100,000 rows must not become 100,000 widgets. */
#define MAX_ITEM_ROWS    200
#define MAX_PROBLEM_ROWS 200

struct _BoImportDialog
{
  AdwWindow             parent_instance;

  /* template widgets */
  GtkStack             *pages;
  AdwActionRow         *file_row;
  AdwComboRow          *format_row;
  GtkLabel             *choose_message;
  AdwStatusPage        *working_page;
  GtkProgressBar       *progress_bar;
  AdwPreferencesGroup  *summary_group;
  GtkLabel             *summary_label;
  AdwPreferencesGroup  *mapping_group;
  AdwPreferencesGroup  *problems_group;
  AdwPreferencesGroup  *items_group;

  /* owned */
  BoStore              *store;
  GFile                *file;
  BoImporter           *importer;
  BoImportPlan         *plan;
  GCancellable         *cancellable;
  GHashTable           *mapping;        /* header → field key or "ignore" */
  GPtrArray            *rows;           /* (group, row) pairs the preview added */
  BoImportFieldInfo    *fields;         /* of the plan's format, for the mapping rows */
  guint                 n_fields;
  gboolean              busy;
  gboolean              setting_format;
};

G_DEFINE_FINAL_TYPE (BoImportDialog, bo_import_dialog, ADW_TYPE_WINDOW)

/* ---- helpers ---------------------------------------------------------------- */

static void
update_actions (BoImportDialog *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_plan = self->plan != NULL && !self->busy;

  gtk_widget_action_set_enabled (widget, "import.choose-file", !self->busy);
  gtk_widget_action_set_enabled (widget, "import.plan", self->file != NULL && !self->busy);
  gtk_widget_action_set_enabled (widget, "import.stop", self->busy);
  gtk_widget_action_set_enabled (widget, "import.replan",
                                 has_plan && gtk_widget_get_visible (GTK_WIDGET (self->mapping_group)));
  gtk_widget_action_set_enabled (widget, "import.apply",
                                 has_plan && bo_import_plan_can_apply (self->plan) &&
                                 bo_import_plan_has_changes (self->plan));
}

static void
show_choose_message (BoImportDialog *self,
                     const char     *message,
                     gboolean        is_error)
{
  gtk_label_set_text (self->choose_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->choose_message), message != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->choose_message), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->choose_message), "error");
}

static void
add_row (BoImportDialog      *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (BoImportDialog *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i),
                                  g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
text_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static const char *
record_title (BoImportRecord record)
{
  switch (record)
    {
    case BO_IMPORT_RECORD_SUPPLIER:
      return _("Suppliers");
    case BO_IMPORT_RECORD_PRODUCT:
      return _("Products");
    case BO_IMPORT_RECORD_CUSTOMER:
      return _("Customers");
    case BO_IMPORT_RECORD_ORDER:
    default:
      return _("Orders");
    }
}

static char *
record_count (BoImportRecord record,
              guint          n)
{
  switch (record)
    {
    case BO_IMPORT_RECORD_SUPPLIER:
      return g_strdup_printf (ngettext ("%u supplier", "%u suppliers", n), n);
    case BO_IMPORT_RECORD_PRODUCT:
      return g_strdup_printf (ngettext ("%u product", "%u products", n), n);
    case BO_IMPORT_RECORD_CUSTOMER:
      return g_strdup_printf (ngettext ("%u customer", "%u customers", n), n);
    case BO_IMPORT_RECORD_ORDER:
    default:
      return g_strdup_printf (ngettext ("%u order", "%u orders", n), n);
    }
}

/* "Imported 120 products and 45 orders" */
static char *
outcome_message (const BoImportOutcome *outcome)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  for (BoImportRecord r = 0; r < BO_IMPORT_N_RECORDS; r++)
    if (outcome->created[r] + outcome->updated[r] > 0)
      g_ptr_array_add (parts, record_count (r, outcome->created[r] + outcome->updated[r]));
  if (parts->len == 0)
    return g_strdup (_("Nothing to change: the shop has all of it already"));

  list = g_strdup (g_ptr_array_index (parts, 0));
  for (guint i = 1; i < parts->len; i++)
    {
      char *longer = i + 1 < parts->len
        /* Translators: a list of counts, "120 products, 45 orders" */
        ? g_strdup_printf (_("%s, %s"), list, (const char *) g_ptr_array_index (parts, i))
        /* Translators: the last two counts of a list, "120 products and 45 orders" */
        : g_strdup_printf (_("%s and %s"), list, (const char *) g_ptr_array_index (parts, i));

      g_free (list);
      list = longer;
    }
  /* Translators: %s is a list of counts, "120 products and 45 orders" */
  return g_strdup_printf (_("Imported %s"), list);
}

/* ---- the preview ------------------------------------------------------------ */

static void
show_summary (BoImportDialog *self)
{
  BoImportPlan *plan = self->plan;
  guint errors = bo_import_plan_count_problems (plan, BO_IMPORT_ERROR);
  guint64 n_rows = bo_import_plan_get_n_rows (plan);
  g_autofree char *description = NULL;
  gboolean any = FALSE;
  guint skipped = 0, kept = 0;

  /* Translators: a file name, its number of rows, and its format */
  description = g_strdup_printf (ngettext ("“%s”: %" PRIu64 " row, read as %s",
                                           "“%s”: %" PRIu64 " rows, read as %s",
                                           n_rows),
                                 bo_import_plan_get_source (plan), n_rows,
                                 bo_import_format_label (bo_import_plan_get_format (plan)));
  adw_preferences_group_set_description (self->summary_group, description);

  for (BoImportRecord r = 0; r < BO_IMPORT_N_RECORDS; r++)
    {
      guint n[BO_IMPORT_N_ACTIONS];
      guint total = 0;
      g_autofree char *counts = NULL;

      for (BoImportAction a = 0; a < BO_IMPORT_N_ACTIONS; a++)
        total += n[a] = bo_import_plan_count (plan, r, a);
      if (total == 0)
        continue;
      any = TRUE;
      skipped += n[BO_IMPORT_SKIP];
      kept += n[BO_IMPORT_CREATE] + n[BO_IMPORT_UPDATE] + n[BO_IMPORT_UNCHANGED];
      counts = g_strdup_printf (_("%u to create, %u to update, %u unchanged, %u skipped"),
                                n[BO_IMPORT_CREATE], n[BO_IMPORT_UPDATE], n[BO_IMPORT_UNCHANGED],
                                n[BO_IMPORT_SKIP]);
      add_row (self, self->summary_group, text_row_new (record_title (r), counts));
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  if (errors > 0)
    {
      g_autofree char *text = g_strdup_printf (
        ngettext ("%u problem in the file must be fixed before it can be imported; "
                  "nothing is written until then.",
                  "%u problems in the file must be fixed before it can be imported; "
                  "nothing is written until then.", errors), errors);

      gtk_label_set_text (self->summary_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
    }
  else if (!bo_import_plan_has_changes (plan) && skipped > 0 && kept == 0)
    {
      /* Skipped records are problems, never "all there already". */
      g_autofree char *text = g_strdup_printf (
        ngettext ("Nothing can be imported: the only record is skipped; the warnings say why.",
                  "Nothing can be imported: all %u records are skipped; the warnings say why.",
                  skipped), skipped);

      gtk_label_set_text (self->summary_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
    }
  else if (!bo_import_plan_has_changes (plan) && skipped > 0)
    {
      g_autofree char *text = g_strdup_printf (
        ngettext ("Nothing to change in the records the shop has already; %u record is "
                  "skipped, the warnings say why.",
                  "Nothing to change in the records the shop has already; %u records are "
                  "skipped, the warnings say why.", skipped), skipped);

      gtk_label_set_text (self->summary_label, text);
    }
  else if (!bo_import_plan_has_changes (plan))
    gtk_label_set_text (self->summary_label,
                        _("Nothing to change: the shop has all of it already."));
  else
    gtk_label_set_text (self->summary_label,
                        _("Import writes all of it at once, or nothing if anything fails."));
  if (!any && errors == 0 && bo_import_plan_has_changes (plan))
    gtk_label_set_text (self->summary_label, _("The file holds no records."));
}

static guint
field_index (BoImportDialog *self,
             const char     *key)
{
  for (guint i = 0; key != NULL && i < self->n_fields; i++)
    if (g_str_equal (self->fields[i].key, key))
      return i + 1;
  return 0;
}

/* A row for each column the format does not know, and for each the
 * merchant has given a meaning already (to change it). */
static void
show_mapping (BoImportDialog *self)
{
  BoImportPlan *plan = self->plan;
  guint shown = 0;

  g_clear_pointer (&self->fields, g_free);
  self->fields = bo_import_format_get_fields (bo_import_plan_get_format (plan), &self->n_fields);

  for (guint i = 0; i < bo_import_plan_get_n_columns (plan); i++)
    {
      const BoImportColumn *column = bo_import_plan_get_column (plan, i);
      const char *mapped = g_hash_table_lookup (self->mapping, column->header);
      g_autoptr(GtkStringList) choices = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (column->state != BO_IMPORT_COLUMN_UNKNOWN && mapped == NULL)
        continue;
      choices = gtk_string_list_new (NULL);
      gtk_string_list_append (choices, _("Ignore this column"));
      for (guint f = 0; f < self->n_fields; f++)
        gtk_string_list_append (choices, self->fields[f].label);

      row = adw_combo_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), column->header);
      /* Translators: a column of the file, counted from 1 */
      subtitle = g_strdup_printf (_("Column %u"), column->index + 1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                  field_index (self, mapped != NULL ? mapped : column->field));
      g_object_set_data_full (G_OBJECT (row), "bo-header", g_strdup (column->header), g_free);
      add_row (self, self->mapping_group, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), shown > 0);
}

static void
show_problems (BoImportDialog *self)
{
  guint n = bo_import_plan_get_n_problems (self->plan);

  for (guint i = 0; i < n && i < MAX_PROBLEM_ROWS; i++)
    {
      const BoImportProblem *problem = bo_import_plan_get_problem (self->plan, i);
      gboolean error = problem->severity == BO_IMPORT_ERROR;
      GtkWidget *row = text_row_new (problem->message, error ? _("Error: the import cannot go ahead")
                                                             : _("Warning"));
      GtkWidget *icon = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic"
                                                            : "dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, error ? "error" : "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      add_row (self, self->problems_group, row);
    }
  if (n > MAX_PROBLEM_ROWS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more problem",
                                                         "And %u more problems",
                                                         n - MAX_PROBLEM_ROWS),
                                               n - MAX_PROBLEM_ROWS);

      add_row (self, self->problems_group, text_row_new (more, NULL));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n > 0);
}

static void
show_items (BoImportDialog *self)
{
  guint n = bo_import_plan_get_n_items (self->plan);

  for (guint i = 0; i < n && i < MAX_ITEM_ROWS; i++)
    {
      const BoImportItem *item = bo_import_plan_get_item (self->plan, i);
      g_autofree char *title = item->label != NULL
        ? g_strdup_printf ("%s — %s", item->key, item->label)
        : g_strdup (item->key);
      /* Translators: row of the file · kind of record · what happens to it */
      g_autofree char *subtitle = g_strdup_printf (_("Row %" PRIu64 " · %s · %s"),
                                                   item->row, bo_import_record_label (item->record),
                                                   bo_import_action_label (item->action));

      if (item->detail != NULL && *item->detail != '\0')
        {
          char *longer = g_strconcat (subtitle, " · ", item->detail, NULL);
          g_free (subtitle);
          subtitle = longer;
        }
      add_row (self, self->items_group, text_row_new (title, subtitle));
    }
  if (n > MAX_ITEM_ROWS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more record, not listed here",
                                                         "And %u more records, not listed here",
                                                         n - MAX_ITEM_ROWS),
                                               n - MAX_ITEM_ROWS);

      add_row (self, self->items_group, text_row_new (more, NULL));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->items_group), n > 0);
}

static void
show_plan (BoImportDialog *self)
{
  clear_rows (self);
  show_summary (self);
  show_mapping (self);
  show_problems (self);
  show_items (self);
  gtk_stack_set_visible_child_name (self->pages, "preview");
}

/* ---- planning and applying -------------------------------------------------- */

static void
fraction_changed_cb (BoImportDialog *self)
{
  if (self->progress_bar != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, bo_importer_get_fraction (self->importer));
}

static void
show_working (BoImportDialog *self,
              const char     *title)
{
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = TRUE;
  adw_status_page_set_title (self->working_page, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_stack_set_visible_child_name (self->pages, "working");
  update_actions (self);
}

static void
ensure_importer (BoImportDialog *self)
{
  BoImportFormat format = bo_import_dialog_get_format (self);
  GHashTableIter iter;
  gpointer header, field;

  if (self->importer == NULL || bo_importer_get_format (self->importer) != format)
    {
      g_clear_object (&self->importer);
      self->importer = bo_importer_new (self->store, format);
      g_signal_connect_object (self->importer, "notify::fraction",
                               G_CALLBACK (fraction_changed_cb), self, G_CONNECT_SWAPPED);
    }
  bo_importer_clear_mapping (self->importer);
  g_hash_table_iter_init (&iter, self->mapping);
  while (g_hash_table_iter_next (&iter, &header, &field))
    if (!bo_importer_set_mapping (self->importer, header, field, NULL))
      g_hash_table_iter_remove (&iter);
}

static void
plan_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BoImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BoImportPlan) plan = NULL;

  plan = bo_importer_plan_file_finish (BO_IMPORTER (source), result, &error);
  /* Closed while reading, or a newer plan was asked for. */
  if (self->pages == NULL || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  self->busy = FALSE;
  if (plan == NULL)
    {
      gtk_stack_set_visible_child_name (self->pages, "choose");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_choose_message (self, _("Stopped reading the file; nothing was imported."), FALSE);
      else
        show_choose_message (self, error->message, TRUE);
      update_actions (self);
      return;
    }
  g_set_object (&self->plan, plan);
  show_plan (self);
  update_actions (self);
}

static void
start_plan (BoImportDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->file == NULL)
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->plan);
  show_choose_message (self, NULL, FALSE);
  ensure_importer (self);

  name = g_file_get_basename (self->file);
  /* Translators: a file name */
  title = g_strdup_printf (_("Reading “%s”…"), name);
  show_working (self, title);
  bo_importer_plan_file_async (self->importer, self->file, self->cancellable, plan_ready_cb,
                               g_object_ref (self));
}

static void
apply_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BoImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  BoImportOutcome *outcome = NULL;
  g_autofree char *message = NULL;
  GtkWindow *parent;

  if (!bo_importer_apply_finish (BO_IMPORTER (source), result, &outcome, &error))
    {
      if (self->pages == NULL)
        return;
      self->busy = FALSE;
      gtk_stack_set_visible_child_name (self->pages, "preview");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->summary_label, _("Stopped; nothing was imported."));
      else
        bo_form_show_error (GTK_WINDOW (self), _("Could not import the file"), error);
      update_actions (self);
      return;
    }

  message = outcome_message (outcome);
  bo_import_outcome_free (outcome);
  parent = self->pages != NULL ? gtk_window_get_transient_for (GTK_WINDOW (self)) : NULL;
  if (BO_IS_WINDOW (parent))
    bo_window_add_toast (BO_WINDOW (parent), adw_toast_new (message));
  if (self->pages != NULL)
    {
      self->busy = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* ---- callbacks and actions -------------------------------------------------- */

static void
format_changed_cb (BoImportDialog *self)
{
  if (self->setting_format)
    return;
  /* Another format has other fields: the meanings given no longer apply. */
  g_hash_table_remove_all (self->mapping);
  start_plan (self);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     BoImportDialog  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      self->pages != NULL)
    bo_import_dialog_set_file (self, file);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BoImportDialog *self = BO_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  start_plan (BO_IMPORT_DIALOG (widget));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BoImportDialog *self = BO_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
replan_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BoImportDialog *self = BO_IMPORT_DIALOG (widget);

  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i + 1);
      const char *header;
      guint selected;

      if (g_ptr_array_index (self->rows, i) != (gpointer) self->mapping_group)
        continue;
      header = g_object_get_data (G_OBJECT (row), "bo-header");
      selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
      g_hash_table_insert (self->mapping, g_strdup (header),
                           g_strdup (selected > 0 && selected <= self->n_fields
                                     ? self->fields[selected - 1].key : "ignore"));
    }
  start_plan (self);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BoImportDialog *self = BO_IMPORT_DIALOG (widget);

  if (self->plan == NULL || self->busy)
    return;
  show_working (self, _("Importing…"));
  bo_importer_apply_async (self->importer, self->plan, self->cancellable, apply_ready_cb,
                           g_object_ref (self));
}

/* ---- GObject ---------------------------------------------------------------- */

static void
bo_import_dialog_dispose (GObject *object)
{
  BoImportDialog *self = BO_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->plan);
  g_clear_object (&self->importer);
  g_clear_object (&self->file);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bo_import_dialog_parent_class)->dispose (object);
}

static void
bo_import_dialog_finalize (GObject *object)
{
  BoImportDialog *self = BO_IMPORT_DIALOG (object);

  g_clear_pointer (&self->mapping, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_free);

  G_OBJECT_CLASS (bo_import_dialog_parent_class)->finalize (object);
}

static void
bo_import_dialog_class_init (BoImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bo_import_dialog_dispose;
  object_class->finalize = bo_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/"
                                               "bo-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BoImportDialog, pages);
  gtk_widget_class_bind_template_child (widget_class, BoImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, BoImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, BoImportDialog, choose_message);
  gtk_widget_class_bind_template_child (widget_class, BoImportDialog, working_page);
  gtk_widget_class_bind_template_child (widget_class, BoImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BoImportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, BoImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BoImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, BoImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, BoImportDialog, items_group);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);

  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.plan", NULL, plan_action);
  gtk_widget_class_install_action (widget_class, "import.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "import.replan", NULL, replan_action);
  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bo_import_dialog_init (BoImportDialog *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);

  self->mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (BoImportFormat f = 0; f < BO_IMPORT_N_FORMATS; f++)
    gtk_string_list_append (formats, bo_import_format_label (f));
  self->setting_format = TRUE;
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
  bo_form_wrap_choices (self->format_row);
  self->setting_format = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), FALSE);
  update_actions (self);
}

/* ---- public ----------------------------------------------------------------- */

/**
 * bo_import_dialog_new:
 * @parent: (nullable): the main window, which shows what was imported
 *
 * Returns: (transfer none): a new dialog
 */
GtkWindow *
bo_import_dialog_new (GtkWindow *parent,
                      BoStore   *store)
{
  BoImportDialog *self;

  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  self = g_object_new (BO_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return GTK_WINDOW (self);
}

/**
 * bo_import_dialog_set_file:
 *
 * Takes @file as the file to import (what the file chooser's answer does):
 * guesses its format from its first row and starts reading it.
 */
void
bo_import_dialog_set_file (BoImportDialog *self,
                           GFile          *file)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(BoCsvReader) reader = NULL;
  g_auto(GStrv) header = NULL;
  g_autofree char *name = NULL;
  BoImportFormat format;

  g_return_if_fail (BO_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_hash_table_remove_all (self->mapping);
  name = g_file_get_basename (file);
  adw_action_row_set_subtitle (self->file_row, name);

  /* Only the first row is read here; the rest in the thread. */
  if ((stream = g_file_read (file, NULL, NULL)) != NULL)
    {
      reader = bo_csv_reader_new (G_INPUT_STREAM (stream));
      if (bo_csv_reader_next (reader, NULL, NULL))
        header = bo_csv_reader_dup_fields (reader);
    }
  if (header != NULL && bo_import_guess_format ((const char * const *) header, FALSE, &format))
    {
      self->setting_format = TRUE;
      adw_combo_row_set_selected (self->format_row, format);
      self->setting_format = FALSE;
    }
  start_plan (self);
}

BoImportFormat
bo_import_dialog_get_format (BoImportDialog *self)
{
  guint selected;

  g_return_val_if_fail (BO_IS_IMPORT_DIALOG (self), BO_IMPORT_CSV_PRODUCTS);

  selected = adw_combo_row_get_selected (self->format_row);
  return selected < BO_IMPORT_N_FORMATS ? (BoImportFormat) selected : BO_IMPORT_CSV_PRODUCTS;
}

/**
 * bo_import_dialog_set_format:
 *
 * Chooses the format, as the format row does; the file is read again.
 */
void
bo_import_dialog_set_format (BoImportDialog *self,
                             BoImportFormat  format)
{
  g_return_if_fail (BO_IS_IMPORT_DIALOG (self));
  g_return_if_fail (format < BO_IMPORT_N_FORMATS);

  adw_combo_row_set_selected (self->format_row, format);
}

/**
 * bo_import_dialog_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan the preview shows
 */
BoImportPlan *
bo_import_dialog_get_plan (BoImportDialog *self)
{
  g_return_val_if_fail (BO_IS_IMPORT_DIALOG (self), NULL);
  return self->busy ? NULL : self->plan;
}

/**
 * bo_import_dialog_get_page:
 *
 * Returns: "choose", "working" or "preview"
 */
const char *
bo_import_dialog_get_page (BoImportDialog *self)
{
  g_return_val_if_fail (BO_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->pages);
}
