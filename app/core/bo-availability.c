/* bo-availability.c — availability sentences and the storefront exports
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store works out, per SKU, what is on hand, free, promisable and when
 * more comes; this file words it and writes it in the shapes the shop
 * platforms import. The platforms' files are plain UTF-8 (their importers
 * take no byte-order mark for granted); the generic CSV has one, for
 * spreadsheets. Text cells a spreadsheet would run as formulas are
 * neutralised by the CSV writer. A file is written under a temporary name
 * and renamed when complete.
 */
#define G_LOG_DOMAIN "bo-availability"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "backorders/bo-availability.h"
#include "backorders/bo-output-file.h"
#include "backorders/bo-csv.h"

static const char *const format_names[] = { "shopify", "woocommerce", "csv" };

const char *
bo_availability_format_to_string (BoAvailabilityFormat format)
{
  g_return_val_if_fail (format <= BO_AVAILABILITY_FORMAT_CSV, NULL);
  return format_names[format];
}

gboolean
bo_availability_format_from_string (const char           *text,
                                    BoAvailabilityFormat *format)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (text, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * bo_availability_format_date:
 * @julian: a day
 *
 * Returns: (transfer full): the short date a product page shows, "12 Dec"
 *   in English, in the user's language
 */
char *
bo_availability_format_date (guint32 julian)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (julian == 0 || !g_date_valid_julian (julian))
    return g_strdup ("");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  /* Translators: the date of "Ships from 12 Dec" on a product page, as for
   * g_date_time_format(); "%-d %b" is the day and the short month name */
  return g_date_time_format (dt, C_("availability date", "%-d %b"));
}

/**
 * bo_availability_sentence:
 * @ships_from: the day for %BO_AVAILABILITY_SHIPS_FROM
 *
 * Returns: (transfer full): "In stock", "Ships from 12 Dec", "Available on
 *   backorder" or "Out of stock", in the user's language
 */
char *
bo_availability_sentence (BoAvailabilityState state,
                          guint32             ships_from)
{
  switch (state)
    {
    case BO_AVAILABILITY_IN_STOCK:
      return g_strdup (C_("availability", "In stock"));
    case BO_AVAILABILITY_SHIPS_FROM:
      {
        g_autofree char *date = bo_availability_format_date (ships_from);

        /* Translators: on a product page; %s is a short date, "12 Dec" */
        return g_strdup_printf (C_("availability", "Ships from %s"), date);
      }
    case BO_AVAILABILITY_BACKORDER:
      return g_strdup (C_("availability", "Available on backorder"));
    case BO_AVAILABILITY_OUT_OF_STOCK:
    default:
      return g_strdup (C_("availability", "Out of stock"));
    }
}

/* ---- the shapes ------------------------------------------------------------------ */

static gboolean
write_header (BoCsvWriter         *writer,
              const char * const  *titles,
              GCancellable        *cancellable,
              GError             **error)
{
  return bo_csv_writer_write_row (writer, titles, cancellable, error);
}

/* Shopify names a variant by its handle and option values; a product that
 * did not come from Shopify gets a handle made of its SKU. */
static void
shopify_variant (const BoAvailability  *a,
                 char                 **handle,
                 char                  *options[3])
{
  const char *ref = a->external_ref;

  for (guint i = 0; i < 3; i++)
    options[i] = NULL;
  if (ref != NULL && g_str_has_prefix (ref, "shopify:") && ref[strlen ("shopify:")] != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (ref + strlen ("shopify:"), "/", 4);

      *handle = g_strdup (parts[0]);
      for (guint i = 0; i < 3 && parts[0] != NULL && parts[i + 1] != NULL; i++)
        options[i] = g_strdup (parts[i + 1]);
      return;
    }
  {
    g_autofree char *lower = g_utf8_strdown (a->sku, -1);
    GString *slug = g_string_new (NULL);

    for (const char *c = lower; *c != '\0'; c++)
      {
        if (g_ascii_isalnum (*c) || (*c & 0x80))
          g_string_append_c (slug, *c);
        else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
          g_string_append_c (slug, '-');
      }
    while (slug->len > 0 && slug->str[slug->len - 1] == '-')
      g_string_truncate (slug, slug->len - 1);
    *handle = g_string_free (slug, FALSE);
  }
}

static void
write_shopify_row (BoCsvWriter          *writer,
                   const BoAvailability *a,
                   const char           *location)
{
  g_autofree char *handle = NULL;
  char *options[3];

  shopify_variant (a, &handle, options);
  bo_csv_writer_add_text (writer, handle);
  bo_csv_writer_add_text (writer, a->name);
  /* The names of the options are not kept; a single-variant product is
   * Shopify's "Title: Default Title". */
  if (options[0] == NULL)
    {
      bo_csv_writer_add_text (writer, "Title");
      bo_csv_writer_add_text (writer, "Default Title");
      for (guint i = 1; i < 3; i++)
        {
          bo_csv_writer_add_text (writer, "");
          bo_csv_writer_add_text (writer, "");
        }
    }
  else
    for (guint i = 0; i < 3; i++)
      {
        bo_csv_writer_add_text (writer, "");
        bo_csv_writer_add_text (writer, options[i]);
      }
  bo_csv_writer_add_text (writer, a->sku);
  bo_csv_writer_add_text (writer, "");    /* HS Code */
  bo_csv_writer_add_text (writer, "");    /* COO */
  bo_csv_writer_add_text (writer, location);
  bo_csv_writer_add_int (writer, a->incoming);
  bo_csv_writer_add_int (writer, 0);      /* Unavailable */
  bo_csv_writer_add_int (writer, a->allocated);
  bo_csv_writer_add_int (writer, a->available);
  bo_csv_writer_add_int (writer, a->on_hand);
  for (guint i = 0; i < 3; i++)
    g_free (options[i]);
}

static void
write_woocommerce_row (BoCsvWriter          *writer,
                       const BoAvailability *a)
{
  const char *ref = a->external_ref;
  const char *in_stock;
  const char *backorders;

  /* Known to WooCommerce by its ID; else the importer finds it by SKU. */
  if (ref != NULL && g_str_has_prefix (ref, "woocommerce:"))
    bo_csv_writer_add_text (writer, ref + strlen ("woocommerce:"));
  else
    bo_csv_writer_add_text (writer, "");
  bo_csv_writer_add_text (writer, a->sku);

  switch (a->state)
    {
    case BO_AVAILABILITY_IN_STOCK:
      in_stock = "1";
      break;
    case BO_AVAILABILITY_SHIPS_FROM:
    case BO_AVAILABILITY_BACKORDER:
      in_stock = "backorder";
      break;
    case BO_AVAILABILITY_OUT_OF_STOCK:
    default:
      in_stock = "0";
      break;
    }
  /* Whether the storefront may take an order it cannot ship now. */
  backorders = a->state == BO_AVAILABILITY_SHIPS_FROM || a->state == BO_AVAILABILITY_BACKORDER ||
               (a->state == BO_AVAILABILITY_IN_STOCK && a->backorder_policy == BO_BACKORDER_ALLOW &&
                !a->discontinued)
                 ? "1" : "0";
  bo_csv_writer_add_text (writer, in_stock);
  bo_csv_writer_add_int (writer, a->available);
  bo_csv_writer_add_text (writer, backorders);
  bo_csv_writer_add_int (writer, a->atp);
  bo_csv_writer_add_date (writer, a->next_expected);
  bo_csv_writer_add_date (writer, a->ships_from);
  bo_csv_writer_add_text (writer, a->sentence);
}

static void
write_csv_row (BoCsvWriter          *writer,
               const BoAvailability *a)
{
  bo_csv_writer_add_text (writer, a->sku);
  bo_csv_writer_add_text (writer, a->name);
  bo_csv_writer_add_int (writer, a->on_hand);
  bo_csv_writer_add_int (writer, a->available);
  bo_csv_writer_add_int (writer, a->atp);
  bo_csv_writer_add_int (writer, a->incoming);
  bo_csv_writer_add_date (writer, a->next_expected);
  bo_csv_writer_add_int (writer, a->next_quantity);
  bo_csv_writer_add_date (writer, a->ships_from);
  bo_csv_writer_add_text (writer, a->sentence);
}

/**
 * bo_availability_write:
 * @location: (nullable): the Shopify location the stock is at
 *   (%BO_AVAILABILITY_DEFAULT_LOCATION when %NULL)
 *
 * Writes every product's availability in @format, by SKU.
 */
gboolean
bo_availability_write (BoStore               *store,
                       BoAvailabilityFormat   format,
                       const char            *location,
                       GOutputStream         *stream,
                       GCancellable          *cancellable,
                       GError               **error)
{
  static const char *const shopify_titles[] = {
    "Handle", "Title", "Option1 Name", "Option1 Value", "Option2 Name", "Option2 Value",
    "Option3 Name", "Option3 Value", "SKU", "HS Code", "COO", "Location", "Incoming",
    "Unavailable", "Committed", "Available", "On hand", NULL
  };
  static const char *const woocommerce_titles[] = {
    "ID", "SKU", "In stock?", "Stock", "Backorders allowed?",
    "Meta: backorders_available_to_promise", "Meta: backorders_next_expected",
    "Meta: backorders_ships_from", "Meta: backorders_availability", NULL
  };
  static const char *const csv_titles[] = {
    N_("SKU"), N_("Name"), N_("On hand"), N_("Available now"), N_("Available to promise"),
    N_("Incoming"), N_("Next expected"), N_("Next expected quantity"), N_("Ships from"),
    N_("Availability"), NULL
  };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(BoCsvWriter) writer = NULL;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (format <= BO_AVAILABILITY_FORMAT_CSV, FALSE);

  if (location == NULL || *location == '\0')
    location = BO_AVAILABILITY_DEFAULT_LOCATION;
  if ((rows = bo_store_list_availability (store, error)) == NULL)
    return FALSE;

  writer = bo_csv_writer_new (stream, format == BO_AVAILABILITY_FORMAT_CSV ? BO_CSV_WRITER_BOM
                                                                           : BO_CSV_WRITER_NONE);
  switch (format)
    {
    case BO_AVAILABILITY_FORMAT_SHOPIFY:
      ok = write_header (writer, shopify_titles, cancellable, error);
      break;
    case BO_AVAILABILITY_FORMAT_WOOCOMMERCE:
      ok = write_header (writer, woocommerce_titles, cancellable, error);
      break;
    case BO_AVAILABILITY_FORMAT_CSV:
    default:
      {
        /* A spreadsheet's reader gets the titles in the user's language. */
        const char *titles[G_N_ELEMENTS (csv_titles)];

        for (guint i = 0; i < G_N_ELEMENTS (csv_titles); i++)
          titles[i] = csv_titles[i] != NULL ? _(csv_titles[i]) : NULL;
        ok = write_header (writer, titles, cancellable, error);
      }
      break;
    }

  for (guint i = 0; ok && i < rows->len; i++)
    {
      const BoAvailability *a = g_ptr_array_index (rows, i);

      switch (format)
        {
        case BO_AVAILABILITY_FORMAT_SHOPIFY:
          write_shopify_row (writer, a, location);
          break;
        case BO_AVAILABILITY_FORMAT_WOOCOMMERCE:
          write_woocommerce_row (writer, a);
          break;
        case BO_AVAILABILITY_FORMAT_CSV:
        default:
          write_csv_row (writer, a);
          break;
        }
      ok = bo_csv_writer_end_row (writer, cancellable, error);
    }
  return ok && bo_csv_writer_close (writer, cancellable, error);
}

typedef struct
{
  BoStore              *store;
  BoAvailabilityFormat  format;
  const char           *location;
} WriteJob;

static gboolean
write_job_cb (GOutputStream *stream,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  WriteJob *job = data;

  return bo_availability_write (job->store, job->format, job->location, stream, cancellable,
                                error);
}

/**
 * bo_availability_write_file:
 *
 * Writes an availability export to @file, replacing it only when the export
 * is complete; never over the shop (see bo-output-file.c).
 */
gboolean
bo_availability_write_file (BoStore               *store,
                            BoAvailabilityFormat   format,
                            const char            *location,
                            GFile                 *file,
                            GCancellable          *cancellable,
                            GError               **error)
{
  g_autofree char *path = NULL;
  WriteJob job = { store, format, location };

  g_return_val_if_fail (BO_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = g_file_get_path (file)) == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write “%s”: choose a file on this computer"), name);
      return FALSE;
    }
  return bo_output_file_write (path, BO_OUTPUT_FILE_NONE, write_job_cb, &job, cancellable, error);
}
