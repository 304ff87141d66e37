/* bo-picklist-private.h — what the content, the layout and the drawing of pick lists share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "backorders/bo-picklist.h"

G_BEGIN_DECLS

/* Sizes in points. */
#define PL_MARGIN        40.0
#define PL_GAP           14.0
#define PL_FOOTER_HEIGHT 12.0
#define PL_PAD_X         4.0
#define PL_PAD_Y         5.0
#define PL_CHECK_SIZE    10.0
#define PL_MAX_COLUMNS   8

typedef enum
{
  BO_PICKLIST_COLUMN_BIN,
  BO_PICKLIST_COLUMN_SKU,
  BO_PICKLIST_COLUMN_PRODUCT,
  BO_PICKLIST_COLUMN_PICK,
  BO_PICKLIST_COLUMN_ORDERED,
  BO_PICKLIST_COLUMN_BACKORDERED,
  BO_PICKLIST_COLUMN_ORDERS,
  BO_PICKLIST_COLUMN_CHECK,
} BoPicklistColumnKind;

typedef struct
{
  BoPicklistColumnKind kind;
  const char          *title;   /* N_(), or NULL for the check box */
  double               width;   /* points on A4; 0: the column that takes the rest */
  PangoAlignment       align;
} BoPicklistColumn;

/* The pagination of one pick list for one page size. */
struct _BoPicklistPages
{
  double                  width;
  double                  height;
  PangoContext           *context;

  const BoPicklistColumn *columns;
  guint                   n_columns;
  double                  x[PL_MAX_COLUMNS];   /* from the left margin */
  double                  w[PL_MAX_COLUMNS];

  double                  first_header;        /* heights of the blocks */
  double                  running_header;
  double                  table_header;
  double                  closing;

  GArray                 *row_heights;         /* double, per row */
  GArray                 *first_rows;          /* guint, per page: index of its first row */
  guint                   closing_page;
  guint                   n_pages;
};

/* bo-picklist-layout.c: text, table cells, pagination */
void         _bo_picklist_pages_free       (BoPicklistPages     *pages);
PangoLayout *_bo_picklist_text             (BoPicklistPages     *pages,
                                            const char          *text,
                                            const char          *font,
                                            double               width,
                                            PangoAlignment       align,
                                            int                  max_lines);
double       _bo_picklist_text_height      (PangoLayout         *layout);
double       _bo_picklist_text_width       (PangoLayout         *layout);
char        *_bo_picklist_format_quantity  (gint64               quantity);
void         _bo_picklist_cells_new        (BoPicklistPages     *pages,
                                            const BoPicklistRow *row,
                                            PangoLayout        **cells);
void         _bo_picklist_cells_free       (BoPicklistPages     *pages,
                                            PangoLayout        **cells);
double       _bo_picklist_row_ascent       (BoPicklistPages     *pages,
                                            PangoLayout        **cells);
double       _bo_picklist_body_top         (BoPicklistPages     *pages,
                                            guint                page);

/* bo-picklist-render.c: the heights of the blocks around the table */
void         _bo_picklist_measure_blocks   (BoPicklistPages     *pages,
                                            const BoPicklist    *picklist);

G_END_DECLS
