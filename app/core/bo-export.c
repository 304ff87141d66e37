/* bo-export.c — CSV files for spreadsheets and suppliers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports are opened by people in spreadsheets: they are UTF-8 with a
 * byte-order mark (so that spreadsheets do not take them for another
 * encoding), CRLF line ends, dates as 2026-03-01, money as 12.50, and every
 * text cell that a spreadsheet would run as a formula neutralised (see
 * bo-csv.c). A file is written under a temporary name and renamed when
 * complete: a failed export leaves the earlier file as it was.
 */
#define G_LOG_DOMAIN "bo-export"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "backorders/bo-csv.h"
#include "backorders/bo-export.h"
#include "backorders/bo-output-file.h"

#define PAGE 1000

static void
add_instant_date (BoCsvWriter *writer,
                  gint64       unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_seconds);
  g_autofree char *text = dt != NULL ? g_date_time_format (dt, "%Y-%m-%d") : NULL;

  /* A date is data, not a formula: written as it is. */
  bo_csv_writer_add_text (writer, text);
}

static gboolean
write_header (BoCsvWriter         *writer,
              const char * const  *titles,
              GCancellable        *cancellable,
              GError             **error)
{
  for (guint i = 0; titles[i] != NULL; i++)
    bo_csv_writer_add_text (writer, _(titles[i]));
  return bo_csv_writer_end_row (writer, cancellable, error);
}

static gboolean
write_backorders (BoStore        *store,
                  BoCsvWriter    *writer,
                  GCancellable   *cancellable,
                  GError        **error)
{
  static const char *const titles[] = {
    N_("Order"), N_("Placed"), N_("Customer"), N_("SKU"), N_("Product"), N_("Ordered"),
    N_("Allocated"), N_("Shipped"), N_("Backordered"), N_("Backordered value"),
    N_("Promised"), N_("Purchase order"), NULL
  };

  if (!write_header (writer, titles, cancellable, error))
    return FALSE;
  for (guint offset = 0;; offset += PAGE)
    {
      g_autoptr(GPtrArray) rows = bo_store_list_backorders (store, BO_ORDER_FILTER_ALL, NULL,
                                                            "placed", offset, PAGE, error);

      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          const BoOrderSummary *s = g_ptr_array_index (rows, i);

          bo_csv_writer_add_text (writer, s->number);
          add_instant_date (writer, s->placed_at);
          bo_csv_writer_add_text (writer, s->customer_name);
          bo_csv_writer_add_text (writer, s->sku);
          bo_csv_writer_add_text (writer, s->product_name);
          bo_csv_writer_add_int (writer, s->ordered);
          bo_csv_writer_add_int (writer, s->allocated);
          bo_csv_writer_add_int (writer, s->shipped);
          bo_csv_writer_add_int (writer, s->backordered);
          bo_csv_writer_add_money (writer, s->value);
          bo_csv_writer_add_date (writer, s->promised);
          bo_csv_writer_add_text (writer, s->waiting_po);
          if (!bo_csv_writer_end_row (writer, cancellable, error))
            return FALSE;
        }
      if (rows->len < PAGE)
        return TRUE;
    }
}

static const char *
customer_status (const BoCustomerBackorders *c)
{
  if (c->lines == 0)
    return c->ready_lines > 0 ? _("ready to ship") : _("no backorders");
  if (c->overdue_lines > 0)
    return _("overdue");
  if (c->unpromised_lines > 0)
    return _("waiting for a purchase order");
  return _("promised");
}

static gboolean
write_customers (BoStore        *store,
                 BoCsvWriter    *writer,
                 GCancellable   *cancellable,
                 GError        **error)
{
  static const char *const titles[] = {
    N_("Customer"), N_("Email"), N_("Status"), N_("Orders waiting"), N_("Backordered lines"),
    N_("Backordered units"), N_("Backordered value"), N_("Lines ready to ship"),
    N_("Lines without a promise"), N_("Overdue lines"), N_("First promise"),
    N_("Last promise"), NULL
  };
  g_autoptr(GPtrArray) rows = NULL;

  if (!write_header (writer, titles, cancellable, error) ||
      (rows = bo_store_list_customer_backorders (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const BoCustomerBackorders *c = g_ptr_array_index (rows, i);

      bo_csv_writer_add_text (writer, c->name);
      bo_csv_writer_add_text (writer, c->email);
      bo_csv_writer_add_text (writer, customer_status (c));
      bo_csv_writer_add_int (writer, c->orders);
      bo_csv_writer_add_int (writer, c->lines);
      bo_csv_writer_add_int (writer, c->units);
      bo_csv_writer_add_money (writer, c->value);
      bo_csv_writer_add_int (writer, c->ready_lines);
      bo_csv_writer_add_int (writer, c->unpromised_lines);
      bo_csv_writer_add_int (writer, c->overdue_lines);
      bo_csv_writer_add_date (writer, c->first_promised);
      bo_csv_writer_add_date (writer, c->last_promised);
      if (!bo_csv_writer_end_row (writer, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * bo_export_write:
 * @stream: where to write; it stays open
 *
 * Writes an export as CSV.
 */
gboolean
bo_export_write (BoStore        *store,
                 BoExportKind    kind,
                 GOutputStream  *stream,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr(BoCsvWriter) writer = NULL;
  g_autofree char *currency = NULL;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  writer = bo_csv_writer_new (stream, BO_CSV_WRITER_BOM);
  currency = bo_store_get_setting (store, "currency");
  bo_csv_writer_set_currency (writer, currency);
  switch (kind)
    {
    case BO_EXPORT_BACKORDERS:
      ok = write_backorders (store, writer, cancellable, error);
      break;
    case BO_EXPORT_CUSTOMERS:
      ok = write_customers (store, writer, cancellable, error);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  return ok && bo_csv_writer_close (writer, cancellable, error);
}

typedef gboolean (*WriteFunc) (BoStore       *store,
                               gpointer       data,
                               GOutputStream *stream,
                               GCancellable  *cancellable,
                               GError       **error);

typedef struct
{
  BoStore   *store;
  WriteFunc  func;
  gpointer   data;
} WriteJob;

static gboolean
write_job_cb (GOutputStream *stream,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  WriteJob *job = data;

  return job->func (job->store, job->data, stream, cancellable, error);
}

/* Writes @file through bo-output-file: never over the shop, all or nothing. */
static gboolean
write_file (BoStore       *store,
            GFile         *file,
            WriteFunc      func,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  WriteJob job = { store, func, data };

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write “%s”: choose a file on this computer"), name);
      return FALSE;
    }
  return bo_output_file_write (path, BO_OUTPUT_FILE_NONE, write_job_cb, &job, cancellable, error);
}

static gboolean
write_kind (BoStore       *store,
            gpointer       data,
            GOutputStream *stream,
            GCancellable  *cancellable,
            GError       **error)
{
  return bo_export_write (store, GPOINTER_TO_INT (data), stream, cancellable, error);
}

/**
 * bo_export_write_file:
 *
 * Writes an export to @file, replacing it when the export is complete.
 */
gboolean
bo_export_write_file (BoStore        *store,
                      BoExportKind    kind,
                      GFile          *file,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_return_val_if_fail (BO_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return write_file (store, file, write_kind, GINT_TO_POINTER (kind), cancellable, error);
}

/* ---- purchase orders ---------------------------------------------------------------- */

static char *
supplier_sku (BoStore    *store,
              GHashTable *cache,
              gint64      product_id,
              gint64      supplier_id)
{
  const char *found = g_hash_table_lookup (cache, &product_id);

  if (found == NULL)
    {
      g_autoptr(GPtrArray) links = bo_store_list_product_suppliers (store, product_id, NULL);
      const char *sku = "";

      for (guint i = 0; links != NULL && i < links->len; i++)
        {
          BoProductSupplier *l = g_ptr_array_index (links, i);

          if (l->supplier_id == supplier_id && l->supplier_sku != NULL)
            sku = l->supplier_sku;
        }
      found = g_strdup (sku);
      g_hash_table_insert (cache, g_memdup2 (&product_id, sizeof product_id), (char *) found);
    }
  return g_strdup (found);
}

/* The open purchase orders of @supplier_id, or of all suppliers for 0. */
static GPtrArray *
open_pos (BoStore  *store,
          gint64    supplier_id,
          GError  **error)
{
  g_autoptr(GPtrArray) pos = bo_store_list_pos (store, TRUE, error);

  if (pos == NULL)
    return NULL;
  for (guint i = pos->len; i > 0; i--)
    {
      BoPurchaseOrder *po = g_ptr_array_index (pos, i - 1);

      if (supplier_id != 0 && po->supplier_id != supplier_id)
        g_ptr_array_remove_index (pos, i - 1);
    }
  return g_steal_pointer (&pos);
}

static gboolean
write_pos (BoStore       *store,
           gpointer       data,
           GOutputStream *stream,
           GCancellable  *cancellable,
           GError       **error)
{
  return bo_export_purchase_orders (store, *(gint64 *) data, stream, cancellable, error);
}

static gint
by_id (gconstpointer a,
       gconstpointer b)
{
  const BoPurchaseOrder *pa = *(BoPurchaseOrder * const *) a;
  const BoPurchaseOrder *pb = *(BoPurchaseOrder * const *) b;

  return pa->id < pb->id ? -1 : pa->id > pb->id;
}

/**
 * bo_export_purchase_orders:
 * @supplier_id: the supplier
 * @stream: where to write; it stays open
 *
 * Writes what is still to be delivered on the supplier's open purchase
 * orders (draft, sent, partly received), one row per line, with the
 * supplier's own SKU: a file ready to send.
 */
gboolean
bo_export_purchase_orders (BoStore        *store,
                           gint64          supplier_id,
                           GOutputStream  *stream,
                           GCancellable   *cancellable,
                           GError        **error)
{
  static const char *const titles[] = {
    N_("Purchase order"), N_("Date"), N_("Expected"), N_("Supplier SKU"), N_("Our SKU"),
    N_("Product"), N_("Quantity"), N_("Unit cost"), N_("Total"), NULL
  };
  g_autoptr(BoCsvWriter) writer = NULL;
  g_autofree char *currency = NULL;
  g_autoptr(GPtrArray) pos = NULL;
  g_autoptr(GHashTable) skus = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_return_val_if_fail (BO_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if ((pos = bo_store_list_pos (store, TRUE, error)) == NULL)
    return FALSE;
  g_ptr_array_sort (pos, by_id);
  writer = bo_csv_writer_new (stream, BO_CSV_WRITER_BOM);
  currency = bo_store_get_setting (store, "currency");
  bo_csv_writer_set_currency (writer, currency);
  if (!write_header (writer, titles, cancellable, error))
    return FALSE;
  for (guint i = 0; i < pos->len; i++)
    {
      const BoPurchaseOrder *po = g_ptr_array_index (pos, i);

      if (po->supplier_id != supplier_id)
        continue;
      for (guint j = 0; j < po->lines->len; j++)
        {
          const BoPoLine *line = g_ptr_array_index (po->lines, j);
          g_autofree char *theirs = NULL;
          gint64 outstanding = line->ordered - line->received;

          if (outstanding <= 0)
            continue;
          theirs = supplier_sku (store, skus, line->product_id, supplier_id);
          bo_csv_writer_add_text (writer, po->number);
          add_instant_date (writer, po->created_at);
          bo_csv_writer_add_date (writer, line->eta);
          bo_csv_writer_add_text (writer, theirs);
          bo_csv_writer_add_text (writer, line->sku);
          bo_csv_writer_add_text (writer, line->product_name);
          bo_csv_writer_add_int (writer, outstanding);
          bo_csv_writer_add_money (writer, line->cost);
          bo_csv_writer_add_money (writer, outstanding * line->cost);
          if (!bo_csv_writer_end_row (writer, cancellable, error))
            return FALSE;
        }
    }
  return bo_csv_writer_close (writer, cancellable, error);
}

/* The folder the user named: created when only it is missing (its parent
 * exists), so that "-o newdir/" works and a mistyped path does not build a
 * tree of folders. */
static gboolean
ensure_folder (GFile         *folder,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *name = g_file_get_parse_name (folder);
  g_autoptr(GFile) parent = g_file_get_parent (folder);
  g_autoptr(GError) local = NULL;

  switch (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, cancellable))
    {
    case G_FILE_TYPE_DIRECTORY:
      return TRUE;
    case G_FILE_TYPE_UNKNOWN:
      break;
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” is a file, not a folder; name a folder for the purchase orders"), name);
      return FALSE;
    }
  if (parent == NULL ||
      g_file_query_file_type (parent, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *parent_name = parent != NULL ? g_file_get_parse_name (parent) : NULL;

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The folder “%s” does not exist, nor does the folder “%s” it would be in"),
                   name, parent_name != NULL ? parent_name : "/");
      return FALSE;
    }
  if (!g_file_make_directory (folder, cancellable, &local))
    {
      g_set_error (error, G_IO_ERROR, local->code, _("Cannot create the folder “%s”: %s"),
                   name, local->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * bo_export_purchase_orders_to_folder:
 * @folder: an existing folder
 *
 * Writes one file per supplier with open purchase orders, named
 * "purchase-orders-SUPPLIER.csv".
 *
 * Returns: (transfer full) (element-type GFile): the files written, or %NULL
 *   with @error set
 */
GPtrArray *
bo_export_purchase_orders_to_folder (BoStore       *store,
                                     GFile         *folder,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) pos = NULL;
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (BO_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  if (!ensure_folder (folder, cancellable, error))
    return NULL;
  if ((pos = open_pos (store, 0, error)) == NULL)
    return NULL;
  g_ptr_array_sort (pos, by_id);
  for (guint i = 0; i < pos->len; i++)
    {
      const BoPurchaseOrder *po = g_ptr_array_index (pos, i);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GString) slug = g_string_new (NULL);
      g_autofree char *name = NULL;
      gint64 id = po->supplier_id;

      if (g_hash_table_contains (done, &id))
        continue;
      g_hash_table_add (done, g_memdup2 (&id, sizeof id));

      /* A file name from the supplier's name, unique in the folder. */
      for (const char *p = po->supplier_name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalnum (c))
            g_string_append_unichar (slug, g_unichar_tolower (c));
          else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
            g_string_append_c (slug, '-');
        }
      while (slug->len > 0 && slug->str[slug->len - 1] == '-')
        g_string_truncate (slug, slug->len - 1);
      if (slug->len == 0)
        g_string_printf (slug, "%" PRId64, id);
      name = g_strdup_printf ("purchase-orders-%s.csv", slug->str);
      if (g_hash_table_contains (names, name))
        {
          g_free (name);
          name = g_strdup_printf ("purchase-orders-%s-%" PRId64 ".csv", slug->str, id);
        }
      g_hash_table_add (names, g_strdup (name));

      file = g_file_get_child (folder, name);
      if (!write_file (store, file, write_pos, &id, cancellable, error))
        return NULL;
      g_ptr_array_add (files, g_steal_pointer (&file));
    }
  return g_steal_pointer (&files);
}
