/* bo-gui-test.h — driving real widgets in tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "backorders/bo-store.h"

G_BEGIN_DECLS

gboolean   bo_gui_test_init          (int          *argc,
                                      char       ***argv);
BoStore   *bo_gui_test_open_store    (char        **dir,
                                      gboolean      sample);
void       bo_gui_test_remove_dir    (const char   *dir);
void       bo_gui_test_iterate       (guint         milliseconds);
gboolean   bo_gui_test_wait_for      (gboolean    (*condition) (gpointer data),
                                      gpointer      data,
                                      guint         timeout_ms);
GtkWidget *bo_gui_test_find          (GtkWidget    *root,
                                      GType         type,
                                      const char   *name_or_label);
GtkWidget *bo_gui_test_find_label    (GtkWidget    *root,
                                      const char   *text);
GtkWindow *bo_gui_test_find_window   (GType         type);
void       bo_gui_test_set_text      (GtkWidget    *editable,
                                      const char   *text);
guint      bo_gui_test_n_rows        (GtkColumnView *view);
char      *bo_gui_test_layout_problems (GtkWidget   *root);
AdwMessageDialog *bo_gui_test_find_message (const char *heading);
void       bo_gui_test_start_empty_shop (GtkWidget *window);
void       bo_gui_test_check_discard (GtkWindow    *dialog,
                                      const char   *heading);

G_END_DECLS
