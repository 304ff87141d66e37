/* bo-suggestion-popover.c — suggestions under an entry, as the user types
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What GtkEntryCompletion did, without a tree model: the owner fills in a
 * handful of matches (it asks the store for a few, never for all), the
 * popover shows them under the entry while the entry keeps the focus, and
 * Up, Down, Enter, Escape and clicks pick one. The popover is a child of the
 * entry and leaves with it.
 */
#define G_LOG_DOMAIN "bo-suggestion-popover"

#include "config.h"

#include "bo-suggestion-popover.h"

struct _BoSuggestionPopover
{
  GtkPopover  parent_instance;

  /* borrowed */
  GtkWidget  *editable;

  /* owned by the popover as its child */
  GtkListBox *list;
  GArray     *ids;
};

G_DEFINE_FINAL_TYPE (BoSuggestionPopover, bo_suggestion_popover, GTK_TYPE_POPOVER)

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- helpers ---------------------------------------------------------------- */

static GtkListBoxRow *
row_at (BoSuggestionPopover *self,
        int                  index)
{
  return index >= 0 ? gtk_list_box_get_row_at_index (self->list, index) : NULL;
}

static void
move_selection (BoSuggestionPopover *self,
                int                  delta)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list);
  int n = (int) self->ids->len;
  int index;

  if (n == 0)
    return;
  if (selected == NULL)
    index = delta > 0 ? 0 : n - 1;
  else
    index = (gtk_list_box_row_get_index (selected) + delta + n) % n;
  gtk_list_box_select_row (self->list, row_at (self, index));
}

/* The focus sits in the entry's text, a descendant of the editable. */
static gboolean
editable_has_focus (BoSuggestionPopover *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  if (self->editable == NULL || (root = gtk_widget_get_root (self->editable)) == NULL)
    return FALSE;
  focus = gtk_root_get_focus (root);
  return focus != NULL && (focus == self->editable || gtk_widget_is_ancestor (focus, self->editable));
}

/* ---- callbacks -------------------------------------------------------------- */

static void
row_activated_cb (BoSuggestionPopover *self,
                  GtkListBoxRow       *row)
{
  bo_suggestion_popover_pick (self, gtk_list_box_row_get_index (row));
}

static gboolean
key_pressed_cb (BoSuggestionPopover *self,
                guint                keyval,
                guint                keycode,
                GdkModifierType      state)
{
  GtkListBoxRow *selected;

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      selected = gtk_list_box_get_selected_row (self->list);
      if (selected == NULL)
        return FALSE;
      bo_suggestion_popover_pick (self, gtk_list_box_row_get_index (selected));
      return TRUE;
    case GDK_KEY_Escape:
      gtk_popover_popdown (GTK_POPOVER (self));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
focus_leave_cb (BoSuggestionPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
editable_destroy_cb (BoSuggestionPopover *self)
{
  self->editable = NULL;
  gtk_widget_unparent (GTK_WIDGET (self));
}

/* ---- GObject ---------------------------------------------------------------- */

static void
bo_suggestion_popover_finalize (GObject *object)
{
  BoSuggestionPopover *self = BO_SUGGESTION_POPOVER (object);

  g_array_unref (self->ids);

  G_OBJECT_CLASS (bo_suggestion_popover_parent_class)->finalize (object);
}

static void
bo_suggestion_popover_class_init (BoSuggestionPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bo_suggestion_popover_finalize;

  /**
   * BoSuggestionPopover::picked:
   * @id: the id given with the suggestion
   * @value: the text the entry should now hold
   *
   * The user chose a suggestion.
   */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
}

static void
bo_suggestion_popover_init (BoSuggestionPopover *self)
{
  GtkWidget *list = gtk_list_box_new ();

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->list = GTK_LIST_BOX (list);
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  g_signal_connect_swapped (list, "row-activated", G_CALLBACK (row_activated_cb), self);

  gtk_popover_set_child (GTK_POPOVER (self), list);
  /* The entry keeps the focus while the user types: nothing in here takes it. */
  gtk_popover_set_autohide (GTK_POPOVER (self), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self), GTK_POS_BOTTOM);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
}

/* ---- public ----------------------------------------------------------------- */

/**
 * bo_suggestion_popover_new:
 * @editable: the entry (a #GtkEditable widget) whose text the suggestions
 *   complete
 *
 * Returns: (transfer none): the popover, a child of @editable
 */
BoSuggestionPopover *
bo_suggestion_popover_new (GtkWidget *editable)
{
  BoSuggestionPopover *self;
  GtkEventController *keys, *focus;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  self = g_object_new (BO_TYPE_SUGGESTION_POPOVER, NULL);
  self->editable = editable;
  gtk_widget_set_parent (GTK_WIDGET (self), editable);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (editable, keys);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (editable, focus);
  g_signal_connect_object (editable, "destroy", G_CALLBACK (editable_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

void
bo_suggestion_popover_remove_all (BoSuggestionPopover *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (BO_IS_SUGGESTION_POPOVER (self));

  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  g_array_set_size (self->ids, 0);
}

/**
 * bo_suggestion_popover_append:
 * @id: what the owner knows the suggestion by
 * @value: the text the entry takes when it is picked; also the row's name
 * @title: what the row shows
 * @subtitle: (nullable): a second, dimmed line
 */
void
bo_suggestion_popover_append (BoSuggestionPopover *self,
                              gint64               id,
                              const char          *value,
                              const char          *title,
                              const char          *subtitle)
{
  GtkWidget *row, *box, *label;

  g_return_if_fail (BO_IS_SUGGESTION_POPOVER (self));
  g_return_if_fail (value != NULL && title != NULL);

  row = gtk_list_box_row_new ();
  gtk_widget_set_name (row, value);
  gtk_widget_set_focusable (row, FALSE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL && *subtitle != '\0')
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (self->list, row);
  g_array_append_val (self->ids, id);
}

guint
bo_suggestion_popover_get_n_items (BoSuggestionPopover *self)
{
  g_return_val_if_fail (BO_IS_SUGGESTION_POPOVER (self), 0);
  return self->ids->len;
}

/**
 * bo_suggestion_popover_update:
 *
 * Shows the suggestions while the entry has the focus and there are some;
 * hides them otherwise.
 */
void
bo_suggestion_popover_update (BoSuggestionPopover *self)
{
  g_return_if_fail (BO_IS_SUGGESTION_POPOVER (self));

  if (self->ids->len > 0 && self->editable != NULL && gtk_widget_get_mapped (self->editable) &&
      editable_has_focus (self))
    gtk_popover_popup (GTK_POPOVER (self));
  else
    gtk_popover_popdown (GTK_POPOVER (self));
}

/**
 * bo_suggestion_popover_pick:
 *
 * Chooses the suggestion at @index, as a click on it does.
 */
void
bo_suggestion_popover_pick (BoSuggestionPopover *self,
                            guint                index)
{
  GtkListBoxRow *row;
  g_autofree char *value = NULL;
  gint64 id;

  g_return_if_fail (BO_IS_SUGGESTION_POPOVER (self));

  row = row_at (self, (int) index);
  if (row == NULL || index >= self->ids->len)
    return;
  id = g_array_index (self->ids, gint64, index);
  value = g_strdup (gtk_widget_get_name (GTK_WIDGET (row)));
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[PICKED], 0, id, value);
}
