/* bo-preferences-dialog.c — the shop's settings, with a preview before a re-plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-preferences-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bo-form.h"
#include "bo-application.h"
#include "bo-form.h"
#include "bo-format.h"
#include "bo-preferences-dialog.h"

/* A re-plan of a large shop can move thousands of lines; the preview lists
 * the first ones and counts the rest. */
#define MAX_PREVIEW_ROWS 200

struct _BoPreferencesDialog
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwEntryRow          *shop_name_row;
  AdwEntryRow          *currency_row;
  GtkLabel             *currency_error;
  AdwComboRow          *policy_row;
  AdwComboRow          *supplier_row;
  GtkSpinButton        *handling_spin;
  AdwPreferencesGroup  *notifications_group;
  GtkSwitch            *notify_arrivals_switch;
  GtkSwitch            *notify_reorder_switch;
  GtkSwitch            *notify_overdue_switch;
  GtkWidget            *replan_page;
  AdwWindowTitle       *replan_title;
  AdwPreferencesGroup  *replan_group;
  GtkListBox           *replan_list;

  /* owned */
  BoStore              *store;
  gulong                changed_id;
  GSettings            *settings;
  char                 *shop_name;       /* as last read from the store */
  char                 *currency;        /* as last read from the store */
  BoReplan             *preview;         /* a re-plan shown, waiting for Apply or Cancel:
                                          * Apply applies exactly it */
  BoPolicy              preview_policy;
  gboolean              syncing;         /* widgets are being set from the store */
};

G_DEFINE_FINAL_TYPE (BoPreferencesDialog, bo_preferences_dialog, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- helpers ---------------------------------------------------------------- */

static void
update_actions (BoPreferencesDialog *self)
{
  gboolean previewing = self->preview != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.apply-replan", previewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.cancel-replan", previewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.policy-from-now-on", previewing);
}

static void
show_error (BoPreferencesDialog *self,
            const char          *what,
            const GError        *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), what,
                                              error != NULL ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast (BoPreferencesDialog *self,
            const char          *title)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));
}

/* The store accepts three capital letters (ISO 4217); saying so while the
 * merchant types saves a round trip. */
static gboolean
currency_is_valid (const char *text)
{
  return strlen (text) == 3 && g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]) &&
         g_ascii_isupper (text[2]);
}

static void
set_currency_error (BoPreferencesDialog *self,
                    const char          *reason)
{
  GtkWidget *row = GTK_WIDGET (self->currency_row);

  if (reason == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_visible (GTK_WIDGET (self->currency_error), FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      return;
    }
  gtk_widget_add_css_class (row, "error");
  gtk_label_set_label (self->currency_error, reason);
  gtk_widget_set_visible (GTK_WIDGET (self->currency_error), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  reason, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

static void
validate_currency (BoPreferencesDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->currency_row));

  if (currency_is_valid (text))
    set_currency_error (self, NULL);
  else
    set_currency_error (self, _("Enter the three capital letters of a currency code, "
                                "such as EUR or USD."));
}

/* Shows a value read from the store, unless the merchant is editing the row. */
static void
sync_entry (AdwEntryRow  *row,
            char        **loaded,
            const char   *stored)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (g_strcmp0 (text, *loaded != NULL ? *loaded : "") == 0 && g_strcmp0 (text, stored) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), stored);
  g_free (*loaded);
  *loaded = g_strdup (stored);
}

static void
show_current_policy (BoPreferencesDialog *self)
{
  gboolean was_syncing = self->syncing;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->policy_row, bo_store_get_policy (self->store));
  self->syncing = was_syncing;
}

static void
sync_from_store (BoPreferencesDialog *self)
{
  g_autofree char *shop_name = bo_store_get_setting (self->store, "shop-name");
  g_autofree char *currency = bo_store_get_setting (self->store, "currency");
  g_autofree char *choice_text = bo_store_get_setting (self->store, "supplier-choice");
  BoSupplierChoice choice = BO_SUPPLIER_CHEAPEST;

  self->syncing = TRUE;
  sync_entry (self->shop_name_row, &self->shop_name, shop_name != NULL ? shop_name : "");
  sync_entry (self->currency_row, &self->currency, currency != NULL ? currency : "");
  /* While a preview is open the row shows the policy being previewed. */
  if (self->preview == NULL)
    show_current_policy (self);
  if (choice_text != NULL)
    bo_supplier_choice_from_string (choice_text, &choice);
  adw_combo_row_set_selected (self->supplier_row, choice);
  gtk_spin_button_set_value (self->handling_spin, bo_store_get_handling_days (self->store));
  self->syncing = FALSE;
  validate_currency (self);
}

static void
apply_shop_name (BoPreferencesDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->shop_name_row)));

  if (g_strcmp0 (text, self->shop_name) == 0)
    return;
  if (!bo_store_set_setting (self->store, "shop-name", text, &error))
    {
      show_error (self, _("Could not save the shop name"), error);
      return;
    }
  g_free (self->shop_name);
  self->shop_name = g_steal_pointer (&text);
}

static void
apply_currency (BoPreferencesDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row)));

  if (!currency_is_valid (text) || g_strcmp0 (text, self->currency) == 0)
    return;
  if (!bo_store_set_setting (self->store, "currency", text, &error))
    {
      set_currency_error (self, error->message);
      return;
    }
  g_free (self->currency);
  self->currency = g_steal_pointer (&text);
}

/* ---- re-plan preview -------------------------------------------------------- */

static GtkWidget *
change_row_new (const BoAllocationChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *before = bo_format_quantity (change->before);
  g_autofree char *after = bo_format_quantity (change->after);
  g_autofree char *title = NULL, *subtitle = NULL;

  /* TRANSLATORS: a line of the re-plan preview: order number · customer */
  title = g_strdup_printf (C_("re-plan", "%s · %s"), change->order_number,
                           change->customer_name != NULL ? change->customer_name : "");
  if (change->reason != NULL && *change->reason != '\0')
    /* TRANSLATORS: SKU: allocated units before → after — the allocator's reason */
    subtitle = g_strdup_printf (C_("re-plan", "%s: %s → %s — %s"), change->sku, before, after,
                                change->reason);
  else
    /* TRANSLATORS: SKU: allocated units before → after */
    subtitle = g_strdup_printf (C_("re-plan", "%s: %s → %s"), change->sku, before, after);

  /* Names and reasons are shown as they are, not as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  subtitle, -1);
  return row;
}

static void
fill_preview (BoPreferencesDialog *self)
{
  GArray *changes = bo_replan_get_result (self->preview)->changes;
  g_autofree char *count = bo_format_quantity (changes->len);
  g_autofree char *summary = NULL, *description = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->replan_list))) != NULL)
    gtk_list_box_remove (self->replan_list, child);

  summary = g_strdup_printf (ngettext ("%s line would move", "%s lines would move",
                                       changes->len), count);
  /* TRANSLATORS: %s is an allocation policy, e.g. "Fair share" */
  description = g_strdup_printf (_("With “%s”, stock that has not shipped yet moves between "
                                   "waiting orders as listed. Units packed in a shipment stay "
                                   "where they are. Nothing changes until you apply."),
                                 bo_policy_label (self->preview_policy));
  adw_preferences_group_set_title (self->replan_group, summary);
  adw_preferences_group_set_description (self->replan_group, description);
  adw_window_title_set_subtitle (self->replan_title, bo_policy_label (self->preview_policy));

  for (guint i = 0; i < changes->len && i < MAX_PREVIEW_ROWS; i++)
    gtk_list_box_append (self->replan_list,
                         change_row_new (&g_array_index (changes, BoAllocationChange, i)));
  if (changes->len > MAX_PREVIEW_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = bo_format_quantity (changes->len - MAX_PREVIEW_ROWS);
      g_autofree char *title = g_strdup_printf (ngettext ("and %s more line",
                                                          "and %s more lines",
                                                          changes->len - MAX_PREVIEW_ROWS),
                                                more);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_append (self->replan_list, row);
    }
}

static void
end_preview (BoPreferencesDialog *self)
{
  g_clear_pointer (&self->preview, bo_replan_free);
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
  update_actions (self);
}

/* A new policy moves nothing silently: what would move is shown first. */
static void
start_replan (BoPreferencesDialog *self,
              BoPolicy             policy)
{
  g_autoptr(BoReplan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  if (policy == bo_store_get_policy (self->store))
    return;
  if ((plan = bo_store_plan_replan (self->store, policy, &error)) == NULL)
    {
      show_error (self, _("Could not plan the allocations again"), error);
      show_current_policy (self);
      return;
    }
  if (bo_replan_get_result (plan)->changes->len == 0)
    {
      if (!bo_store_set_setting (self->store, "allocation-policy", bo_policy_to_string (policy),
                                 &error))
        {
          show_error (self, _("Could not save the allocation policy"), error);
          show_current_policy (self);
          return;
        }
      /* TRANSLATORS: %s is an allocation policy, e.g. "Fair share" */
      toast = g_strdup_printf (_("“%s” saved: no allocation had to move"),
                               bo_policy_label (policy));
      show_toast (self, toast);
      return;
    }

  g_clear_pointer (&self->preview, bo_replan_free);
  self->preview = g_steal_pointer (&plan);
  self->preview_policy = policy;
  fill_preview (self);
  update_actions (self);
  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), self->replan_page);
}

static void
cancel_replan_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BoPreferencesDialog *self = BO_PREFERENCES_DIALOG (widget);

  end_preview (self);
  show_current_policy (self);
}

static void
apply_replan_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BoPreferencesDialog *self = BO_PREFERENCES_DIALOG (widget);
  g_autoptr(BoAllocationResult) result = NULL;
  g_autoptr(BoReplan) plan = g_steal_pointer (&self->preview);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL, *toast = NULL;

  end_preview (self);
  if (plan == NULL)
    return;
  /* The plan shown is the plan applied; the store works it out again only
   * when the shop changed since. */
  if (!bo_store_apply_replan (self->store, plan, &result, &error))
    {
      show_error (self, _("Could not plan the allocations again"), error);
      show_current_policy (self);
      return;
    }
  show_current_policy (self);
  count = bo_format_quantity (result->changes->len);
  toast = g_strdup_printf (ngettext ("%s line re-planned", "%s lines re-planned",
                                     result->changes->len), count);
  show_toast (self, toast);
}

/* The new policy without moving anything: today's allocations stay (they
 * may be picked already); what arrives from now on is shared the new way. */
static void
policy_from_now_on_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  BoPreferencesDialog *self = BO_PREFERENCES_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  BoPolicy policy = self->preview_policy;

  end_preview (self);
  if (!bo_store_set_setting (self->store, "allocation-policy", bo_policy_to_string (policy),
                             &error))
    {
      show_error (self, _("Could not save the allocation policy"), error);
      show_current_policy (self);
      return;
    }
  show_current_policy (self);
  /* TRANSLATORS: %s is an allocation policy, e.g. "Fair share" */
  toast = g_strdup_printf (_("“%s” from now on: today’s allocations stay as they are"),
                           bo_policy_label (policy));
  show_toast (self, toast);
}

/* ---- callbacks -------------------------------------------------------------- */

static void
store_changed_cb (BoPreferencesDialog *self)
{
  sync_from_store (self);
}

static void
shop_name_apply_cb (BoPreferencesDialog *self)
{
  apply_shop_name (self);
}

static void
currency_changed_cb (BoPreferencesDialog *self)
{
  if (!self->syncing)
    validate_currency (self);
}

static void
currency_apply_cb (BoPreferencesDialog *self)
{
  apply_currency (self);
}

static void
policy_selected_cb (BoPreferencesDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->policy_row);

  if (self->syncing || self->store == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (self->preview != NULL)
    {
      /* Another policy picked while a preview is open: preview that one. */
      end_preview (self);
    }
  start_replan (self, (BoPolicy) selected);
}

static void
supplier_selected_cb (BoPreferencesDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->supplier_row);

  if (self->syncing || self->store == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (!bo_store_set_setting (self->store, "supplier-choice",
                             bo_supplier_choice_to_string ((BoSupplierChoice) selected), &error))
    {
      show_error (self, _("Could not save the supplier choice"), error);
      sync_from_store (self);
    }
}

/* Promise dates include the handling days: they are computed again at once. */
static void
handling_changed_cb (BoPreferencesDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) moved = NULL;
  g_autofree char *value = NULL, *toast = NULL;
  gint days = gtk_spin_button_get_value_as_int (self->handling_spin);

  if (self->syncing || self->store == NULL || (guint) days == bo_store_get_handling_days (self->store))
    return;
  value = g_strdup_printf ("%d", days);
  if (!bo_store_set_setting (self->store, "handling-days", value, &error))
    {
      show_error (self, _("Could not save the handling days"), error);
      sync_from_store (self);
      return;
    }
  if (!bo_store_refresh_promises (self->store, &moved, &error))
    {
      show_error (self, _("Could not update the promised dates"), error);
      return;
    }
  if (moved->len == 0)
    toast = g_strdup (_("Handling days saved"));
  else
    toast = g_strdup_printf (ngettext ("Handling days saved: %u promised date moved",
                                       "Handling days saved: %u promised dates moved", moved->len),
                             moved->len);
  show_toast (self, toast);
}

/* ---- GObject ---------------------------------------------------------------- */

/* Text typed but not applied yet is kept, as long as it is valid. */
static gboolean
bo_preferences_dialog_close_request (GtkWindow *window)
{
  BoPreferencesDialog *self = BO_PREFERENCES_DIALOG (window);

  if (self->store != NULL)
    {
      apply_shop_name (self);
      apply_currency (self);
    }
  return GTK_WINDOW_CLASS (bo_preferences_dialog_parent_class)->close_request (window);
}

static void
bo_preferences_dialog_constructed (GObject *object)
{
  BoPreferencesDialog *self = BO_PREFERENCES_DIALOG (object);

  G_OBJECT_CLASS (bo_preferences_dialog_parent_class)->constructed (object);

  if (self->store != NULL)
    {
      self->changed_id = g_signal_connect_swapped (self->store, "changed",
                                                   G_CALLBACK (store_changed_cb), self);
      sync_from_store (self);
    }
  update_actions (self);
}

static void
bo_preferences_dialog_dispose (GObject *object)
{
  BoPreferencesDialog *self = BO_PREFERENCES_DIALOG (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->preview, bo_replan_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_PREFERENCES_DIALOG);

  G_OBJECT_CLASS (bo_preferences_dialog_parent_class)->dispose (object);
}

static void
bo_preferences_dialog_finalize (GObject *object)
{
  BoPreferencesDialog *self = BO_PREFERENCES_DIALOG (object);

  g_free (self->shop_name);
  g_free (self->currency);

  G_OBJECT_CLASS (bo_preferences_dialog_parent_class)->finalize (object);
}

static void
bo_preferences_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, BO_PREFERENCES_DIALOG (object)->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_preferences_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&BO_PREFERENCES_DIALOG (object)->store, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_preferences_dialog_class_init (BoPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bo_preferences_dialog_constructed;
  object_class->dispose = bo_preferences_dialog_dispose;
  object_class->finalize = bo_preferences_dialog_finalize;
  object_class->get_property = bo_preferences_dialog_get_property;
  object_class->set_property = bo_preferences_dialog_set_property;
  window_class->close_request = bo_preferences_dialog_close_request;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, BO_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BoPreferencesDialog, shop_name_row);
  gtk_widget_class_bind_template_child (widget_class, BoPreferencesDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, BoPreferencesDialog, currency_error);
  gtk_widget_class_bind_template_child (widget_class, BoPreferencesDialog, policy_row);
  gtk_widget_class_bind_template_child (widget_class, BoPreferencesDialog, supplier_row);
  gtk_widget_class_bind_template_child (widget_class, BoPreferencesDialog, handling_spin);
  gtk_widget_class_bind_template_child (widget_class, BoPreferencesDialog, notifications_group);
  gtk_widget_class_bind_template_child (widget_class, BoPreferencesDialog, notify_arrivals_switch);
  gtk_widget_class_bind_template_child (widget_class, BoPreferencesDialog, notify_reorder_switch);
  gtk_widget_class_bind_template_child (widget_class, BoPreferencesDialog, notify_overdue_switch);
  gtk_widget_class_bind_template_child (widget_class, BoPreferencesDialog, replan_page);
  gtk_widget_class_bind_template_child (widget_class, BoPreferencesDialog, replan_title);
  gtk_widget_class_bind_template_child (widget_class, BoPreferencesDialog, replan_group);
  gtk_widget_class_bind_template_child (widget_class, BoPreferencesDialog, replan_list);
  gtk_widget_class_bind_template_callback (widget_class, shop_name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, policy_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, supplier_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, handling_changed_cb);

  gtk_widget_class_install_action (widget_class, "preferences.apply-replan", NULL,
                                   apply_replan_action);
  gtk_widget_class_install_action (widget_class, "preferences.cancel-replan", NULL,
                                   cancel_replan_action);
  gtk_widget_class_install_action (widget_class, "preferences.policy-from-now-on", NULL,
                                   policy_from_now_on_action);
  /* The window's own Escape closes it, or does nothing on a subpage: there
   * it cancels the preview instead. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "preferences.cancel-replan", NULL);
}

static void
bo_preferences_dialog_init (BoPreferencesDialog *self)
{
  g_autoptr(GtkStringList) policies = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  bo_form_name_entry_rows (GTK_WIDGET (self));

  /* The combo row's positions are the BoPolicy values. */
  G_STATIC_ASSERT (BO_POLICY_FIFO == 0 && BO_POLICY_FAIR_SHARE == 1 && BO_POLICY_PRO_RATA == 2);
  G_STATIC_ASSERT (BO_SUPPLIER_CHEAPEST == 0 && BO_SUPPLIER_FASTEST == 1);
  self->syncing = TRUE;
  gtk_string_list_append (policies, bo_policy_label (BO_POLICY_FIFO));
  gtk_string_list_append (policies, bo_policy_label (BO_POLICY_FAIR_SHARE));
  gtk_string_list_append (policies, bo_policy_label (BO_POLICY_PRO_RATA));
  adw_combo_row_set_model (self->policy_row, G_LIST_MODEL (policies));
  bo_form_wrap_choices (self->policy_row);
  self->syncing = FALSE;

  self->settings = bo_application_get_settings ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "notify-arrivals", self->notify_arrivals_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "notify-reorder", self->notify_reorder_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "notify-overdue", self->notify_overdue_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->notifications_group), FALSE);
}

/* ---- public ----------------------------------------------------------------- */

/**
 * bo_preferences_dialog_new:
 * @parent: (nullable): the main window
 * @store: the shop whose settings are shown
 *
 * Returns: (transfer none): a new modal preferences window
 */
GtkWindow *
bo_preferences_dialog_new (GtkWindow *parent,
                           BoStore   *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  return g_object_new (BO_TYPE_PREFERENCES_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

/**
 * bo_preferences_dialog_is_previewing:
 *
 * Returns: whether a re-plan preview waits for Apply or Cancel
 */
gboolean
bo_preferences_dialog_is_previewing (BoPreferencesDialog *self)
{
  g_return_val_if_fail (BO_IS_PREFERENCES_DIALOG (self), FALSE);
  return self->preview != NULL;
}
