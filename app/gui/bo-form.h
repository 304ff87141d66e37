/* bo-form.h — checking form fields as the merchant types, and saying why
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

gboolean  bo_form_show_reason     (GtkWidget    *field,
                                   GtkLabel     *label,
                                   const char   *reason);
void      bo_form_touch           (GtkWidget    *field);
gboolean  bo_form_is_touched      (GtkWidget    *field);
void      bo_form_reset           (GtkWidget    *field,
                                   const char   *text);
char     *bo_form_money_text      (gint64        minor_units,
                                   const char   *currency);
char     *bo_form_check_text      (const char   *text,
                                   gboolean      required,
                                   guint         max_chars,
                                   const char   *empty_reason);
char     *bo_form_check_money     (const char   *text,
                                   const char   *currency,
                                   gboolean      required,
                                   const char   *empty_reason,
                                   gint64       *minor_units);
gboolean  bo_form_is_too_large    (const char   *text);
const char *bo_form_quantity_limit (void);
char     *bo_form_check_quantity  (const char   *text,
                                   gint64        min,
                                   gint64        max,
                                   const char   *empty_reason,
                                   gint64       *quantity);
char     *bo_form_check_email     (const char   *text);
char     *bo_form_get_text        (GtkTextView  *view);
void      bo_form_wrap_choices    (AdwComboRow  *row);
void      bo_form_explain_disabled (GtkWidget   *button,
                                   ...) G_GNUC_NULL_TERMINATED;
gboolean  bo_form_close_or_ask    (GtkWindow    *dialog,
                                   gboolean      unsaved,
                                   const char   *heading);
void      bo_form_show_error      (GtkWindow    *parent,
                                   const char   *what,
                                   const GError *error);
void      bo_form_name_entry_rows (GtkWidget    *root);

G_END_DECLS
