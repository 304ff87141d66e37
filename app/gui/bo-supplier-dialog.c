/* bo-supplier-dialog.c — add or edit a supplier
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-supplier-dialog"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "bo-form.h"
#include "bo-supplier-dialog.h"

struct _BoSupplierDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *lead_row;
  GtkTextView    *notes_view;
  GtkLabel       *name_error;
  GtkLabel       *email_error;
  GtkLabel       *lead_error;
  GtkLabel       *notes_error;

  /* owned */
  BoStore        *store;
  BoSupplier     *supplier;     /* as read, or a new one */
  gboolean        loading;
  gboolean        valid;
};

G_DEFINE_FINAL_TYPE (BoSupplierDialog, bo_supplier_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- helpers ---------------------------------------------------------------- */

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
check_name (BoSupplierDialog *self,
            const char       *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  g_autoptr(BoSupplier) other = NULL;
  char *reason;

  if ((reason = bo_form_check_text (stripped, TRUE, 200, _("required"))) != NULL)
    return reason;
  other = bo_store_find_supplier (self->store, stripped, NULL);
  if (other != NULL && other->id != self->supplier->id)
    return g_strdup (_("another supplier has this name"));
  return NULL;
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
update_actions (BoSupplierDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supplier.save", self->valid);
  bo_form_explain_disabled (self->save_button, self->name_row, self->email_row, self->lead_row, self->notes_view, NULL);
}

/* Checks every field; fills @supplier when given and all are good. */
static gboolean
validate (BoSupplierDialog *self,
          BoSupplier       *supplier)
{
  g_autofree char *notes = bo_form_get_text (self->notes_view);
  g_autofree char *name_reason = check_name (self, row_text (self->name_row));
  g_autofree char *email_reason = bo_form_check_email (row_text (self->email_row));
  g_autofree char *notes_reason = bo_form_check_text (notes, FALSE, 10000, NULL);
  g_autofree char *lead_reason = NULL;
  gint64 lead_days;
  gboolean valid = TRUE;

  lead_reason = bo_form_check_quantity (row_text (self->lead_row), 0, 365, _("required"),
                                        &lead_days);
  valid &= bo_form_show_reason (GTK_WIDGET (self->name_row), self->name_error, name_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->email_row), self->email_error, email_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->lead_row), self->lead_error, lead_reason);
  valid &= bo_form_show_reason (GTK_WIDGET (self->notes_view), self->notes_error, notes_reason);

  if (valid && supplier != NULL)
    {
      g_free (supplier->name);
      supplier->name = g_strstrip (g_strdup (row_text (self->name_row)));
      g_free (supplier->email);
      supplier->email = g_strstrip (g_strdup (row_text (self->email_row)));
      supplier->lead_days = (gint) lead_days;
      g_free (supplier->notes);
      supplier->notes = g_steal_pointer (&notes);
    }
  self->valid = valid;
  update_actions (self);
  return valid;
}

/* ---- callbacks -------------------------------------------------------------- */

static void
field_changed_cb (BoSupplierDialog *self,
                  GtkWidget        *field)
{
  if (self->loading)
    return;
  bo_form_touch (field);
  validate (self, NULL);
}

static void
text_changed_cb (BoSupplierDialog *self)
{
  if (!self->loading)
    validate (self, NULL);
}

/* ---- actions ---------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BoSupplierDialog *self = BO_SUPPLIER_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  BoSupplier edited = *self->supplier;

  /* Work on a shallow copy whose strings are our own, so that a refusal
   * leaves self->supplier as read. */
  edited.name = edited.email = edited.notes = NULL;
  if (!validate (self, &edited))
    return;
  if (!bo_store_save_supplier (self->store, &edited, &error))
    bo_form_show_error (GTK_WINDOW (self),
                        self->supplier->id == 0 ? _("Could not add the supplier")
                                                : _("Could not save the supplier"),
                        error);
  else
    {
      g_signal_emit (self, signals[SAVED], 0, edited.id);
      gtk_window_close (GTK_WINDOW (self));
    }
  g_free (edited.name);
  g_free (edited.email);
  g_free (edited.notes);
}

/* ---- GObject ---------------------------------------------------------------- */

static void
bo_supplier_dialog_dispose (GObject *object)
{
  BoSupplierDialog *self = BO_SUPPLIER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_SUPPLIER_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bo_supplier_dialog_parent_class)->dispose (object);
}

static void
bo_supplier_dialog_finalize (GObject *object)
{
  BoSupplierDialog *self = BO_SUPPLIER_DIALOG (object);

  g_clear_pointer (&self->supplier, bo_supplier_free);

  G_OBJECT_CLASS (bo_supplier_dialog_parent_class)->finalize (object);
}

static void
bo_supplier_dialog_class_init (BoSupplierDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bo_supplier_dialog_dispose;
  object_class->finalize = bo_supplier_dialog_finalize;

  /**
   * BoSupplierDialog::saved:
   * @supplier_id: the supplier as saved
   *
   * The supplier was saved (a form that opened this one picks it).
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-supplier-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BoSupplierDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BoSupplierDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BoSupplierDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BoSupplierDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, BoSupplierDialog, lead_row);
  gtk_widget_class_bind_template_child (widget_class, BoSupplierDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, BoSupplierDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, BoSupplierDialog, email_error);
  gtk_widget_class_bind_template_child (widget_class, BoSupplierDialog, lead_error);
  gtk_widget_class_bind_template_child (widget_class, BoSupplierDialog, notes_error);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);

  gtk_widget_class_install_action (widget_class, "supplier.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bo_supplier_dialog_init (BoSupplierDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bo_form_name_entry_rows (GTK_WIDGET (self));
}

/* ---- public ----------------------------------------------------------------- */

/**
 * bo_supplier_dialog_new:
 * @parent: (nullable): the main window
 * @supplier_id: the supplier to edit, or 0 for a new one
 *
 * Returns: (transfer none): the dialog, not yet shown; it destroys itself
 *   when closed
 */
GtkWindow *
bo_supplier_dialog_new (GtkWindow *parent,
                        BoStore   *store,
                        gint64     supplier_id)
{
  BoSupplierDialog *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *lead = NULL;
  const char *title;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  self = g_object_new (BO_TYPE_SUPPLIER_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  if (supplier_id != 0 &&
      (self->supplier = bo_store_get_supplier (store, supplier_id, &error)) == NULL)
    g_debug ("Supplier %" PRId64 " is gone: %s", supplier_id, error->message);
  if (self->supplier == NULL)
    self->supplier = bo_supplier_new ();

  title = self->supplier->id != 0 ? _("Edit Supplier") : _("New Supplier");
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  lead = g_strdup_printf ("%d", self->supplier->lead_days);

  self->loading = TRUE;
  set_row_text (self->name_row, self->supplier->name);
  set_row_text (self->email_row, self->supplier->email);
  set_row_text (self->lead_row, lead);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            self->supplier->notes != NULL ? self->supplier->notes : "", -1);
  self->loading = FALSE;

  validate (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WINDOW (self);
}

/**
 * bo_supplier_dialog_set_name:
 *
 * Starts a new supplier with @name, as typed in another form.
 */
void
bo_supplier_dialog_set_name (BoSupplierDialog *self,
                             const char       *name)
{
  g_return_if_fail (BO_IS_SUPPLIER_DIALOG (self));
  set_row_text (self->name_row, name);
}
