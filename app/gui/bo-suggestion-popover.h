/* bo-suggestion-popover.h — suggestions under an entry, as the user types
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BO_TYPE_SUGGESTION_POPOVER (bo_suggestion_popover_get_type ())
G_DECLARE_FINAL_TYPE (BoSuggestionPopover, bo_suggestion_popover, BO, SUGGESTION_POPOVER, GtkPopover)

BoSuggestionPopover *bo_suggestion_popover_new         (GtkWidget           *editable);
void                 bo_suggestion_popover_remove_all  (BoSuggestionPopover *self);
void                 bo_suggestion_popover_append      (BoSuggestionPopover *self,
                                                        gint64               id,
                                                        const char          *value,
                                                        const char          *title,
                                                        const char          *subtitle);
guint                bo_suggestion_popover_get_n_items (BoSuggestionPopover *self);
void                 bo_suggestion_popover_update      (BoSuggestionPopover *self);
void                 bo_suggestion_popover_pick        (BoSuggestionPopover *self,
                                                        guint                index);

G_END_DECLS
