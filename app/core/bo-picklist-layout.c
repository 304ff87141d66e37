/* bo-picklist-layout.c — pick lists on pages: paper, text, table cells and pagination
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is measured in points with a pango context of our own (72 dpi,
 * no hinted metrics), so the pagination of a page size does not depend on
 * the surface: the print dialog's pages and the PDF's are the same.
 */
#define G_LOG_DOMAIN "bo-picklist"

#include "config.h"

#include <inttypes.h>

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#if defined(__GLIBC__)
#include <langinfo.h>
#endif

#include "bo-picklist-private.h"

#define A4_WIDTH  (210.0 / 25.4 * 72.0)
#define A4_HEIGHT (297.0 / 25.4 * 72.0)

static const BoPicklistColumn shipment_columns[] = {
  { BO_PICKLIST_COLUMN_BIN, N_("Bin"), 56, PANGO_ALIGN_LEFT },
  { BO_PICKLIST_COLUMN_SKU, N_("SKU"), 84, PANGO_ALIGN_LEFT },
  { BO_PICKLIST_COLUMN_PRODUCT, N_("Product"), 0, PANGO_ALIGN_LEFT },
  { BO_PICKLIST_COLUMN_PICK, N_("Pick now"), 54, PANGO_ALIGN_RIGHT },
  { BO_PICKLIST_COLUMN_ORDERED, N_("Ordered"), 48, PANGO_ALIGN_RIGHT },
  { BO_PICKLIST_COLUMN_BACKORDERED, N_("Still backordered"), 96, PANGO_ALIGN_LEFT },
  { BO_PICKLIST_COLUMN_CHECK, NULL, 26, PANGO_ALIGN_CENTER },
};

static const BoPicklistColumn batch_columns[] = {
  { BO_PICKLIST_COLUMN_BIN, N_("Bin"), 56, PANGO_ALIGN_LEFT },
  { BO_PICKLIST_COLUMN_SKU, N_("SKU"), 84, PANGO_ALIGN_LEFT },
  { BO_PICKLIST_COLUMN_PRODUCT, N_("Product"), 0, PANGO_ALIGN_LEFT },
  { BO_PICKLIST_COLUMN_PICK, N_("Pick now"), 54, PANGO_ALIGN_RIGHT },
  { BO_PICKLIST_COLUMN_ORDERS, N_("For orders"), 150, PANGO_ALIGN_LEFT },
  { BO_PICKLIST_COLUMN_CHECK, NULL, 26, PANGO_ALIGN_CENTER },
};

void
_bo_picklist_pages_free (BoPicklistPages *pages)
{
  if (pages == NULL)
    return;
  g_clear_object (&pages->context);
  g_clear_pointer (&pages->row_heights, g_array_unref);
  g_clear_pointer (&pages->first_rows, g_array_unref);
  g_free (pages);
}

/* ---- paper ------------------------------------------------------------- */

/**
 * bo_picklist_get_default_paper:
 * @width: (out): in points
 * @height: (out): in points
 *
 * The paper of the user's locale (LC_PAPER): A4, or Letter where it is the
 * custom (en_US, en_CA…). A4 when the locale does not say.
 */
void
bo_picklist_get_default_paper (double *width,
                               double *height)
{
  double mm_width = 0, mm_height = 0;

  g_return_if_fail (width != NULL && height != NULL);

#if defined(__GLIBC__)
  {
    /* glibc returns these numbers in place of the string pointer. */
    union { unsigned int word; char *string; } w, h;

    w.string = nl_langinfo (_NL_PAPER_WIDTH);
    h.string = nl_langinfo (_NL_PAPER_HEIGHT);
    if (w.word > 50 && w.word < 2000 && h.word > 50 && h.word < 2000)
      {
        mm_width = w.word;
        mm_height = h.word;
      }
  }
#else
  {
    const char *name = setlocale (LC_CTYPE, NULL);

    if (name != NULL && (g_str_has_prefix (name, "en_US") || g_str_has_prefix (name, "en_CA")))
      {
        mm_width = 215.9;
        mm_height = 279.4;
      }
  }
#endif

  if (mm_width == 216 && mm_height == 279)
    {
      /* US Letter, 8.5 × 11 in, which glibc rounds to whole millimetres. */
      *width = 612;
      *height = 792;
    }
  else if (mm_width > 0 && mm_height > 0)
    {
      *width = mm_width / 25.4 * 72.0;
      *height = mm_height / 25.4 * 72.0;
    }
  else
    {
      *width = A4_WIDTH;
      *height = A4_HEIGHT;
    }
}

/* ---- text -------------------------------------------------------------- */

static PangoContext *
context_new (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: the same widths on screen, printer and PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

/* A paragraph of @text in @font, @width wide (0: as wide as it is), cut to
 * @max_lines with an ellipsis when it is longer (0: no limit). */
PangoLayout *
_bo_picklist_text (BoPicklistPages *pages,
                   const char      *text,
                   const char      *font,
                   double           width,
                   PangoAlignment   align,
                   int              max_lines)
{
  PangoLayout *layout = pango_layout_new (pages->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static PangoLayout *
markup_new (BoPicklistPages *pages,
            const char      *markup,
            const char      *font,
            double           width,
            PangoAlignment   align,
            int              max_lines)
{
  PangoLayout *layout = _bo_picklist_text (pages, NULL, font, width, align, max_lines);

  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

double
_bo_picklist_text_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

double
_bo_picklist_text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.width);
}

char *
_bo_picklist_format_quantity (gint64 quantity)
{
  return g_strdup_printf ("%" PRId64, quantity);
}

static char *
format_short_date (guint32 julian)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  /* Translators: a short date in the table of a pick list; see
   * g_date_time_format() for the codes */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

/* The content of one table cell, for measuring and for drawing alike;
 * %NULL for the check-box column. */
static PangoLayout *
cell_new (BoPicklistPages     *pages,
          const BoPicklistRow *row,
          guint                column)
{
  const BoPicklistColumn *col = &pages->columns[column];
  double width = pages->w[column] - 2 * PL_PAD_X;
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;

  /* The product and the backorder wrap; names and SKUs too long for their
   * lines end in an ellipsis. */
  switch (col->kind)
    {
    case BO_PICKLIST_COLUMN_BIN:
      return _bo_picklist_text (pages, *row->location != '\0' ? row->location : "–",
                                "Sans Bold 9", width, col->align, 2);
    case BO_PICKLIST_COLUMN_SKU:
      return _bo_picklist_text (pages, row->sku, "Sans 9", width, col->align, 2);
    case BO_PICKLIST_COLUMN_PRODUCT:
      if (!row->continued)
        return _bo_picklist_text (pages, row->product_name, "Sans 9", width, col->align, 3);
      markup = g_markup_printf_escaped ("%s\n<i><span size='small'>%s</span></i>",
                                        row->product_name, _("(continued)"));
      return markup_new (pages, markup, "Sans 9", width, col->align, 4);
    case BO_PICKLIST_COLUMN_PICK:
      if (row->pick == 0)
        return _bo_picklist_text (pages, "–", "Sans 9", width, col->align, 1);
      text = _bo_picklist_format_quantity (row->pick);
      return _bo_picklist_text (pages, text, "Sans Bold 12", width, col->align, 1);
    case BO_PICKLIST_COLUMN_ORDERED:
      text = _bo_picklist_format_quantity (row->ordered);
      return _bo_picklist_text (pages, text, "Sans 9", width, col->align, 1);
    case BO_PICKLIST_COLUMN_BACKORDERED:
      if (row->backordered <= 0)
        return _bo_picklist_text (pages, "–", "Sans 9", width, col->align, 1);
      if (row->promised != 0)
        {
          g_autofree char *date = format_short_date (row->promised);

          /* Translators: when the backordered units of a pick-list row come */
          text = g_strdup_printf (_("expected %s"), date);
        }
      else
        text = g_strdup (_("date to follow"));
      markup = g_markup_printf_escaped ("<b>%" PRId64 "</b>\n<span size='small'>%s</span>",
                                        row->backordered, text);
      return markup_new (pages, markup, "Sans 9", width, col->align, 0);
    case BO_PICKLIST_COLUMN_ORDERS:
      {
        g_autoptr(GString) orders = g_string_new (NULL);

        for (guint i = 0; row->orders != NULL && i < row->orders->len; i++)
          {
            const BoPicklistOrder *order = &g_array_index (row->orders, BoPicklistOrder, i);
            g_autofree char *units = _bo_picklist_format_quantity (order->quantity);

            if (i > 0)
              g_string_append (orders, ", ");
            /* Translators: an order number and the units picked for it */
            g_string_append_printf (orders, _("%s × %s"), order->number, units);
          }
        return _bo_picklist_text (pages, orders->str, "Sans 8.5", width, col->align, 0);
      }
    case BO_PICKLIST_COLUMN_CHECK:
    default:
      return NULL;
    }
}

/* ---- measuring ----------------------------------------------------------- */

static void
place_columns (BoPicklistPages  *pages,
               const BoPicklist *picklist)
{
  double usable = pages->width - 2 * PL_MARGIN;
  double fixed = 0, scale = 1, x = 0;

  if (picklist->kind == BO_PICKLIST_SHIPMENT)
    {
      pages->columns = shipment_columns;
      pages->n_columns = G_N_ELEMENTS (shipment_columns);
    }
  else
    {
      pages->columns = batch_columns;
      pages->n_columns = G_N_ELEMENTS (batch_columns);
    }

  for (guint i = 0; i < pages->n_columns; i++)
    fixed += pages->columns[i].width;
  /* On narrow paper the fixed columns give up room, so that the product
   * name keeps at least a quarter of the line. */
  if (usable - fixed < usable / 4)
    scale = usable * 3 / 4 / fixed;
  for (guint i = 0; i < pages->n_columns; i++)
    {
      double w = pages->columns[i].width * scale;

      pages->w[i] = w > 0 ? w : usable - fixed * scale;
      pages->x[i] = x;
      x += pages->w[i];
    }
}

/* The cells of a row share the baseline of their first lines, whatever
 * their fonts: @ascent is where that baseline is below the row's text top. */
double
_bo_picklist_row_ascent (BoPicklistPages  *pages,
                         PangoLayout     **cells)
{
  double ascent = PL_CHECK_SIZE;

  for (guint i = 0; i < pages->n_columns; i++)
    if (cells[i] != NULL)
      ascent = MAX (ascent, pango_units_to_double (pango_layout_get_baseline (cells[i])));
  return ascent;
}

void
_bo_picklist_cells_new (BoPicklistPages     *pages,
                        const BoPicklistRow *row,
                        PangoLayout        **cells)
{
  for (guint i = 0; i < pages->n_columns; i++)
    cells[i] = cell_new (pages, row, i);
}

void
_bo_picklist_cells_free (BoPicklistPages  *pages,
                         PangoLayout     **cells)
{
  for (guint i = 0; i < pages->n_columns; i++)
    g_clear_object (&cells[i]);
}

static double
measure_row (BoPicklistPages     *pages,
             const BoPicklistRow *row)
{
  PangoLayout *cells[PL_MAX_COLUMNS] = { NULL };
  double ascent, height;

  _bo_picklist_cells_new (pages, row, cells);
  ascent = _bo_picklist_row_ascent (pages, cells);
  height = ascent + 2;
  for (guint i = 0; i < pages->n_columns; i++)
    if (cells[i] != NULL)
      height = MAX (height, ascent - pango_units_to_double (pango_layout_get_baseline (cells[i]))
                            + _bo_picklist_text_height (cells[i]));
  _bo_picklist_cells_free (pages, cells);
  return height + 2 * PL_PAD_Y;
}

double
_bo_picklist_body_top (BoPicklistPages *pages,
                       guint            page)
{
  if (page == 0)
    return PL_MARGIN + pages->first_header + PL_GAP;
  return PL_MARGIN + pages->running_header + PL_GAP / 2;
}

/* ---- pagination ---------------------------------------------------------- */

static double
body_bottom (BoPicklistPages *pages)
{
  return pages->height - PL_MARGIN - PL_FOOTER_HEIGHT - PL_GAP / 2;
}

static void
paginate (BoPicklistPages  *pages,
          const BoPicklist *picklist)
{
  double bottom = body_bottom (pages);
  guint page = 0, first = 0;
  double y = _bo_picklist_body_top (pages, 0) + pages->table_header;

  g_array_append_val (pages->first_rows, first);
  for (guint i = 0; i < picklist->rows->len; i++)
    {
      double h = g_array_index (pages->row_heights, double, i);

      /* A row taller than a page still gets a page of its own. */
      if (y + h > bottom && i > first)
        {
          page++;
          first = i;
          g_array_append_val (pages->first_rows, first);
          y = _bo_picklist_body_top (pages, page) + pages->table_header;
        }
      y += h;
    }

  if (y + PL_GAP + pages->closing > bottom)
    {
      page++;
      first = picklist->rows->len;
      g_array_append_val (pages->first_rows, first);
    }
  pages->closing_page = page;
  pages->n_pages = page + 1;
}

/**
 * bo_picklist_layout:
 * @width: page width in points
 * @height: page height in points
 *
 * Lays the pick list out on pages of this size; the result is kept in
 * @picklist until another size is asked for.
 *
 * Returns: the number of pages, at least 1
 */
guint
bo_picklist_layout (BoPicklist *picklist,
                    double      width,
                    double      height)
{
  BoPicklistPages *pages;

  g_return_val_if_fail (picklist != NULL, 0);
  g_return_val_if_fail (width > 2 * PL_MARGIN && height > 2 * PL_MARGIN, 0);

  if (picklist->pages != NULL && picklist->pages->width == width
      && picklist->pages->height == height)
    return picklist->pages->n_pages;

  g_clear_pointer (&picklist->pages, _bo_picklist_pages_free);
  pages = g_new0 (BoPicklistPages, 1);
  pages->width = width;
  pages->height = height;
  pages->context = context_new ();
  pages->row_heights = g_array_sized_new (FALSE, FALSE, sizeof (double), picklist->rows->len);
  pages->first_rows = g_array_new (FALSE, FALSE, sizeof (guint));

  place_columns (pages, picklist);
  _bo_picklist_measure_blocks (pages, picklist);
  for (guint i = 0; i < picklist->rows->len; i++)
    {
      double h = measure_row (pages, g_ptr_array_index (picklist->rows, i));

      g_array_append_val (pages->row_heights, h);
    }
  paginate (pages, picklist);

  picklist->pages = pages;
  return pages->n_pages;
}

