/* bo-picklist-render.c — one cairo and pango renderer for pick lists, printed or as PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing asks bo_picklist_layout() for the number of pages (begin-print,
 * with gtk_print_operation_set_unit (op, GTK_UNIT_POINTS)) and calls
 * bo_picklist_render_page() for each (draw-page); bo_picklist_write_pdf()
 * does the same on a cairo PDF surface.
 */
#define G_LOG_DOMAIN "bo-picklist"

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "backorders/bo-error.h"
#include "backorders/bo-output-file.h"
#include "bo-picklist-private.h"

#define NOTE_PAD 8.0

typedef struct
{
  double r, g, b;
} Colour;

static const Colour ink = { 0.11, 0.11, 0.12 };
static const Colour muted = { 0.40, 0.40, 0.43 };
static const Colour rule = { 0.75, 0.75, 0.77 };
static const Colour stripe = { 0.955, 0.955, 0.96 };
static const Colour heading = { 0.88, 0.88, 0.90 };
static const Colour accent = { 0.80, 0.36, 0.05 };
static const Colour note_fill = { 0.99, 0.95, 0.90 };

static void
set_colour (cairo_t      *cr,
            const Colour *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

/* Draws @layout with its top left at (x, y) and returns its height. */
static double
show (cairo_t      *cr,
      PangoLayout  *layout,
      double        x,
      double        y,
      const Colour *colour)
{
  cairo_save (cr);
  set_colour (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  return _bo_picklist_text_height (layout);
}

static void
hline (cairo_t      *cr,
       double        x,
       double        y,
       double        width,
       double        thickness,
       const Colour *colour)
{
  cairo_save (cr);
  set_colour (cr, colour);
  cairo_rectangle (cr, x, y - thickness / 2, width, thickness);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* ---- what the blocks say ------------------------------------------------- */

static const char *
document_title (const BoPicklist *picklist)
{
  return picklist->kind == BO_PICKLIST_SHIPMENT ? _("Pick list") : _("Batch pick list");
}

/* The line that names the document on every page after the first, and in
 * the footer. */
static char *
document_caption (const BoPicklist *picklist)
{
  g_autofree char *date = bo_picklist_format_date (picklist->date);

  if (picklist->kind == BO_PICKLIST_SHIPMENT)
    /* Translators: pick list, order number, customer name */
    return g_strdup_printf (_("%s · Order %s · %s"), document_title (picklist),
                            picklist->order_number, picklist->customer_name);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u order · %s",
                                       "%s · %u orders · %s", picklist->n_orders),
                          document_title (picklist), picklist->n_orders, date);
}

static char *
shipment_field (const BoPicklist *picklist)
{
  if (picklist->shipment_id > 0)
    return g_strdup_printf ("%" PRId64, picklist->shipment_id);
  if (picklist->n_shipments > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open shipment",
                                         "%u open shipments", picklist->n_shipments),
                            picklist->n_shipments);
  return g_strdup (_("not packed yet"));
}

/* The label/value pairs at the top of the first page; @words says which
 * values are words rather than numbers, set smaller. */
static void
header_fields (const BoPicklist *picklist,
               const char       *labels[3],
               char             *values[3],
               gboolean          words[3])
{
  guint products = 0;

  memset (words, 0, 3 * sizeof (gboolean));
  if (picklist->kind == BO_PICKLIST_SHIPMENT)
    {
      labels[0] = _("Order");
      values[0] = g_strdup (picklist->order_number);
      labels[1] = _("Shipment");
      values[1] = shipment_field (picklist);
      words[1] = picklist->shipment_id == 0;
    }
  else
    {
      for (guint i = 0; i < picklist->rows->len; i++)
        products += !((BoPicklistRow *) g_ptr_array_index (picklist->rows, i))->continued;
      labels[0] = _("Orders");
      values[0] = g_strdup_printf ("%u", picklist->n_orders);
      labels[1] = _("Products");
      values[1] = g_strdup_printf ("%u", products);
    }
  labels[2] = _("Units to pick");
  values[2] = _bo_picklist_format_quantity (bo_picklist_get_units (picklist));
}

/* The blocks are measured by drawing them on a surface that records nothing. */
static double draw_first_header   (BoPicklistPages *pages, const BoPicklist *picklist, cairo_t *cr);
static double draw_running_header (BoPicklistPages *pages, const BoPicklist *picklist, cairo_t *cr);
static double draw_table_header   (BoPicklistPages *pages, cairo_t *cr, double y);
static double draw_closing        (BoPicklistPages *pages, const BoPicklist *picklist,
                                   cairo_t *cr, double y);

void
_bo_picklist_measure_blocks (BoPicklistPages  *pages,
                             const BoPicklist *picklist)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  pages->first_header = draw_first_header (pages, picklist, cr);
  pages->running_header = draw_running_header (pages, picklist, cr);
  pages->table_header = draw_table_header (pages, cr, 0);
  pages->closing = draw_closing (pages, picklist, cr, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---- drawing ------------------------------------------------------------- */

/* Each block draws at the top of its place on the page and returns its
 * height. */
static double
draw_first_header (BoPicklistPages  *pages,
                   const BoPicklist *picklist,
                   cairo_t          *cr)
{
  double usable = pages->width - 2 * PL_MARGIN;
  double left = PL_MARGIN, y = PL_MARGIN;
  double field_width = usable * 0.55 / 3;
  double fields_height = 0, ship_to_height = 0;
  g_autofree char *date = bo_picklist_format_date (picklist->date);
  g_autoptr(PangoLayout) shop = NULL;
  g_autoptr(PangoLayout) when = NULL;
  g_autoptr(PangoLayout) title = NULL;
  const char *labels[3];
  char *values[3];
  gboolean words[3];

  when = _bo_picklist_text (pages, date, "Sans 9", 0, PANGO_ALIGN_RIGHT, 1);
  shop = _bo_picklist_text (pages, picklist->shop_name, "Sans Bold 11",
                            usable - _bo_picklist_text_width (when) - PL_GAP, PANGO_ALIGN_LEFT, 1);
  show (cr, when, left + usable - _bo_picklist_text_width (when), y + 1, &muted);
  y += MAX (show (cr, shop, left, y, &muted), _bo_picklist_text_height (when));

  title = _bo_picklist_text (pages, document_title (picklist), "Sans Bold 22", usable,
                             PANGO_ALIGN_LEFT, 1);
  y += show (cr, title, left, y, &ink) + 6;
  hline (cr, left, y, usable, 1.5, &ink);
  y += 10;

  header_fields (picklist, labels, values, words);
  for (guint i = 0; i < 3; i++)
    {
      double x = left + i * field_width;
      g_autoptr(PangoLayout) label = NULL;
      g_autoptr(PangoLayout) value = NULL;
      double h;

      label = _bo_picklist_text (pages, labels[i], "Sans Bold 7.5", field_width - 8,
                                 PANGO_ALIGN_LEFT, 1);
      value = _bo_picklist_text (pages, values[i], words[i] ? "Sans 10" : "Sans Bold 13",
                                 field_width - 8, PANGO_ALIGN_LEFT, 2);
      h = show (cr, label, x, y, &muted) + 2;
      h += show (cr, value, x, y + h, &ink);
      fields_height = MAX (fields_height, h);
      g_free (values[i]);
    }

  if (picklist->kind == BO_PICKLIST_SHIPMENT)
    {
      double x = left + usable * 0.58, width = usable * 0.42;
      g_autoptr(PangoLayout) label = NULL;
      g_autoptr(PangoLayout) name = NULL;
      g_autoptr(PangoLayout) address = NULL;

      label = _bo_picklist_text (pages, _("Ship to"), "Sans Bold 7.5", width, PANGO_ALIGN_LEFT, 1);
      name = _bo_picklist_text (pages, picklist->customer_name, "Sans Bold 10", width,
                                PANGO_ALIGN_LEFT, 2);
      address = _bo_picklist_text (pages, picklist->ship_to, "Sans 9.5", width,
                                   PANGO_ALIGN_LEFT, 6);
      ship_to_height = show (cr, label, x, y, &muted) + 2;
      ship_to_height += show (cr, name, x, y + ship_to_height, &ink) + 1;
      if (*picklist->ship_to != '\0')
        ship_to_height += show (cr, address, x, y + ship_to_height, &ink);
    }

  y += MAX (fields_height, ship_to_height);
  return y - PL_MARGIN;
}

static double
draw_running_header (BoPicklistPages  *pages,
                     const BoPicklist *picklist,
                     cairo_t          *cr)
{
  double usable = pages->width - 2 * PL_MARGIN;
  g_autofree char *caption = document_caption (picklist);
  g_autoptr(PangoLayout) shop = NULL;
  g_autoptr(PangoLayout) text = NULL;
  double h;

  shop = _bo_picklist_text (pages, picklist->shop_name, "Sans 8", usable / 3,
                            PANGO_ALIGN_RIGHT, 1);
  text = _bo_picklist_text (pages, caption, "Sans Bold 9", usable * 2 / 3 - PL_GAP,
                            PANGO_ALIGN_LEFT, 1);
  show (cr, shop, PL_MARGIN + usable * 2 / 3, PL_MARGIN + 1, &muted);
  h = show (cr, text, PL_MARGIN, PL_MARGIN, &ink) + 4;
  hline (cr, PL_MARGIN, PL_MARGIN + h, usable, 0.75, &ink);
  return h + 1;
}

static double
draw_table_header (BoPicklistPages *pages,
                   cairo_t         *cr,
                   double           y)
{
  double usable = pages->width - 2 * PL_MARGIN;
  double height = 0;
  PangoLayout *titles[PL_MAX_COLUMNS] = { NULL };

  for (guint i = 0; i < pages->n_columns; i++)
    {
      const BoPicklistColumn *col = &pages->columns[i];

      titles[i] = _bo_picklist_text (pages, col->title != NULL ? _(col->title) : "✓",
                                     "Sans Bold 8", pages->w[i] - 2 * PL_PAD_X, col->align, 2);
      height = MAX (height, _bo_picklist_text_height (titles[i]));
    }
  height += 2 * PL_PAD_Y;

  cairo_save (cr);
  set_colour (cr, &heading);
  cairo_rectangle (cr, PL_MARGIN, y, usable, height);
  cairo_fill (cr);
  cairo_restore (cr);
  for (guint i = 0; i < pages->n_columns; i++)
    {
      /* Titles of one line sit on the bottom line of those of two. */
      double top = y + height - PL_PAD_Y - _bo_picklist_text_height (titles[i]);

      show (cr, titles[i], PL_MARGIN + pages->x[i] + PL_PAD_X, top, &ink);
      g_object_unref (titles[i]);
    }
  hline (cr, PL_MARGIN, y + height, usable, 1, &ink);
  return height;
}

static void
draw_check_box (cairo_t *cr,
                double   x,
                double   y)
{
  cairo_save (cr);
  set_colour (cr, &ink);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, x + 0.4, y + 0.4, PL_CHECK_SIZE - 0.8, PL_CHECK_SIZE - 0.8);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_row (BoPicklistPages     *pages,
          const BoPicklistRow *row,
          cairo_t             *cr,
          guint                index,
          double               y,
          double               height)
{
  double usable = pages->width - 2 * PL_MARGIN;
  const Colour *colour = row->pick > 0 ? &ink : &muted;
  PangoLayout *cells[PL_MAX_COLUMNS] = { NULL };
  double baseline;

  if (index % 2 == 1)
    {
      cairo_save (cr);
      set_colour (cr, &stripe);
      cairo_rectangle (cr, PL_MARGIN, y, usable, height);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  _bo_picklist_cells_new (pages, row, cells);
  baseline = y + PL_PAD_Y + _bo_picklist_row_ascent (pages, cells);
  for (guint i = 0; i < pages->n_columns; i++)
    {
      double x = PL_MARGIN + pages->x[i];

      if (cells[i] != NULL)
        show (cr, cells[i], x + PL_PAD_X,
              baseline - pango_units_to_double (pango_layout_get_baseline (cells[i])), colour);
      else if (row->pick > 0)
        draw_check_box (cr, x + (pages->w[i] - PL_CHECK_SIZE) / 2,
                        baseline - PL_CHECK_SIZE + 1);
    }
  _bo_picklist_cells_free (pages, cells);
  hline (cr, PL_MARGIN, y + height, usable, 0.5, &rule);
}

/* After the table: the note that backorders follow, and lines to sign. */
static double
draw_closing (BoPicklistPages  *pages,
              const BoPicklist *picklist,
              cairo_t          *cr,
              double            y)
{
  double usable = pages->width - 2 * PL_MARGIN;
  double top = y, column = usable / 3;
  const char *signatures[] = { _("Picked by"), _("Checked by"), _("Date") };

  if (bo_picklist_has_backorders (picklist))
    {
      double x = PL_MARGIN + 4 + NOTE_PAD, width = usable - 4 - 2 * NOTE_PAD;
      g_autoptr(PangoLayout) title = NULL;
      g_autoptr(PangoLayout) text = NULL;
      double h;

      title = _bo_picklist_text (pages, _("Backordered items will follow"), "Sans Bold 10.5",
                                 width, PANGO_ALIGN_LEFT, 0);
      text = _bo_picklist_text (pages, _("The units shown as still backordered are sent on "
                                         "their own as soon as they arrive."),
                                "Sans 9", width, PANGO_ALIGN_LEFT, 0);
      h = _bo_picklist_text_height (title) + 2 + _bo_picklist_text_height (text) + 2 * NOTE_PAD;

      cairo_save (cr);
      set_colour (cr, &note_fill);
      cairo_rectangle (cr, PL_MARGIN, y, usable, h);
      cairo_fill (cr);
      set_colour (cr, &accent);
      cairo_rectangle (cr, PL_MARGIN, y, 4, h);
      cairo_fill (cr);
      cairo_restore (cr);
      show (cr, title, x, y + NOTE_PAD, &ink);
      show (cr, text, x, y + NOTE_PAD + _bo_picklist_text_height (title) + 2, &ink);
      y += h + PL_GAP;
    }

  y += 14;
  for (guint i = 0; i < G_N_ELEMENTS (signatures); i++)
    {
      double x = PL_MARGIN + i * column;
      g_autoptr(PangoLayout) label = _bo_picklist_text (pages, signatures[i], "Sans 8",
                                                        column - 16, PANGO_ALIGN_LEFT, 1);

      hline (cr, x, y, column - 16, 0.6, &ink);
      show (cr, label, x, y + 2, &muted);
    }
  y += 14;
  return y - top;
}

static void
draw_footer (BoPicklistPages  *pages,
             const BoPicklist *picklist,
             cairo_t          *cr,
             guint             page)
{
  double usable = pages->width - 2 * PL_MARGIN;
  double y = pages->height - PL_MARGIN - PL_FOOTER_HEIGHT;
  g_autofree char *caption = document_caption (picklist);
  g_autofree char *numbers = g_strdup_printf (_("Page %u of %u"), page + 1, pages->n_pages);
  g_autoptr(PangoLayout) right = NULL;
  g_autoptr(PangoLayout) left = NULL;

  right = _bo_picklist_text (pages, numbers, "Sans 8", 0, PANGO_ALIGN_RIGHT, 1);
  left = _bo_picklist_text (pages, caption, "Sans 8",
                            usable - _bo_picklist_text_width (right) - PL_GAP,
                            PANGO_ALIGN_LEFT, 1);
  hline (cr, PL_MARGIN, y - 3, usable, 0.5, &rule);
  show (cr, left, PL_MARGIN, y, &muted);
  show (cr, right, PL_MARGIN + usable - _bo_picklist_text_width (right), y, &ink);
}

/**
 * bo_picklist_render_page:
 * @cr: where to draw, in points, the page's top left corner at (0, 0)
 * @width: page width in points
 * @height: page height in points
 * @page: the page, from 0
 *
 * Draws one page, laying the list out first when it was not laid out for
 * this size (see bo_picklist_layout()).
 */
void
bo_picklist_render_page (BoPicklist *picklist,
                         cairo_t    *cr,
                         double      width,
                         double      height,
                         guint       page)
{
  BoPicklistPages *pages;
  guint first, end;
  double y;

  g_return_if_fail (picklist != NULL);
  g_return_if_fail (cr != NULL);

  if (bo_picklist_layout (picklist, width, height) == 0)
    return;
  pages = picklist->pages;
  g_return_if_fail (page < pages->n_pages);

  first = g_array_index (pages->first_rows, guint, page);
  end = page + 1 < pages->n_pages ? g_array_index (pages->first_rows, guint, page + 1)
                                  : picklist->rows->len;

  cairo_save (cr);
  if (page == 0)
    draw_first_header (pages, picklist, cr);
  else
    draw_running_header (pages, picklist, cr);
  y = _bo_picklist_body_top (pages, page);

  if (first < end || page == 0)
    y += draw_table_header (pages, cr, y);
  for (guint i = first; i < end; i++)
    {
      double h = g_array_index (pages->row_heights, double, i);

      draw_row (pages, g_ptr_array_index (picklist->rows, i), cr, i, y, h);
      y += h;
    }
  if (page == pages->closing_page)
    draw_closing (pages, picklist, cr, first < end || page == 0 ? y + PL_GAP : y);
  draw_footer (pages, picklist, cr, page);
  cairo_restore (cr);
}

/* ---- PDF ----------------------------------------------------------------- */

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * bo_picklist_write_pdf_for_size:
 * @path: the file to write; it is replaced only once the document is whole
 * @width: page width in points
 * @height: page height in points
 */
gboolean
bo_picklist_write_pdf_for_size (BoPicklist  *picklist,
                                const char  *path,
                                double       width,
                                double       height,
                                GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (picklist != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  n_pages = bo_picklist_layout (picklist, width, height);
  g_return_val_if_fail (n_pages > 0, FALSE);

  surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, bytes, width, height);
  title = bo_picklist_get_title (picklist);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Backorders");
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      bo_picklist_render_page (picklist, cr, width, height, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("Cannot draw the pick list “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return bo_output_file_write_bytes (path, BO_OUTPUT_FILE_NONE, bytes->data, bytes->len, error);
}

/**
 * bo_picklist_write_pdf:
 * @path: the file to write
 *
 * Writes the pick list as a PDF on the paper of the user's locale (see
 * bo_picklist_get_default_paper()).
 */
gboolean
bo_picklist_write_pdf (BoPicklist  *picklist,
                       const char  *path,
                       GError     **error)
{
  double width, height;

  bo_picklist_get_default_paper (&width, &height);
  return bo_picklist_write_pdf_for_size (picklist, path, width, height, error);
}
