/* bo-picklist-print.h — pick lists to the printer or to a PDF file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "backorders/bo-picklist.h"

G_BEGIN_DECLS

GtkPrintOperation *bo_picklist_print      (GtkWindow  *parent,
                                           BoPicklist *picklist);
void               bo_picklist_export_pdf (GtkWindow  *parent,
                                           BoPicklist *picklist);

void               _bo_picklist_print_remember     (GtkPrintSettings *settings);
GtkPrintSettings  *_bo_picklist_print_settings_for (const BoPicklist *picklist);

G_END_DECLS
