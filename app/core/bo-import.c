/* bo-import.c — the formats, and the importer that plans and applies in a thread
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import has two steps. Planning reads the file and the shop, writes
 * nothing, and says what applying would create, update and skip, with every
 * problem by row and column. Applying writes the plan in one transaction.
 * Both steps run in a thread with their own connection to the shop (SQLite's
 * WAL lets the window go on reading), report progress in the "fraction"
 * property in the caller's main context, and stop when cancelled; a
 * cancelled apply writes nothing.
 */
#define G_LOG_DOMAIN "bo-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bo-import-private.h"

/* ---- fields and formats -------------------------------------------------------- */

static const struct
{
  const char *key;
  const char *label;
} fields[BO_N_FIELDS] = {
  [BO_FIELD_NONE] = { "ignore", N_("nothing (ignored)") },
  [BO_FIELD_SKU] = { "sku", N_("SKU") },
  [BO_FIELD_NAME] = { "name", N_("name") },
  [BO_FIELD_PRICE] = { "price", N_("price") },
  [BO_FIELD_COST] = { "cost", N_("cost") },
  [BO_FIELD_STOCK] = { "stock", N_("stock on hand") },
  [BO_FIELD_REORDER_POINT] = { "reorder-point", N_("reorder point") },
  [BO_FIELD_REORDER_QTY] = { "reorder-qty", N_("reorder quantity") },
  [BO_FIELD_BACKORDER_POLICY] = { "backorders", N_("backorder policy") },
  [BO_FIELD_LOCATION] = { "location", N_("bin location") },
  [BO_FIELD_SUPPLIER] = { "supplier", N_("supplier") },
  [BO_FIELD_SUPPLIER_SKU] = { "supplier-sku", N_("supplier’s SKU") },
  [BO_FIELD_DISCONTINUED] = { "discontinued", N_("discontinued") },
  [BO_FIELD_EXTERNAL_REF] = { "reference", N_("reference in the shop platform") },
  [BO_FIELD_EMAIL] = { "email", N_("email address") },
  [BO_FIELD_ADDRESS] = { "address", N_("address") },
  [BO_FIELD_CITY] = { "city", N_("city") },
  [BO_FIELD_ZIP] = { "zip", N_("postal code") },
  [BO_FIELD_PROVINCE] = { "province", N_("province or state") },
  [BO_FIELD_COUNTRY] = { "country", N_("country") },
  [BO_FIELD_TIER] = { "tier", N_("priority tier") },
  [BO_FIELD_SHIP_COMPLETE] = { "ship-complete", N_("ship complete") },
  [BO_FIELD_LEAD_DAYS] = { "lead-days", N_("lead time in days") },
  [BO_FIELD_NOTES] = { "notes", N_("notes") },
  [BO_FIELD_ORDER_NUMBER] = { "order-number", N_("order number") },
  [BO_FIELD_CUSTOMER] = { "customer", N_("customer") },
  [BO_FIELD_CUSTOMER_EMAIL] = { "customer-email", N_("customer’s email address") },
  [BO_FIELD_PLACED_AT] = { "placed", N_("date the order was placed") },
  [BO_FIELD_QUANTITY] = { "quantity", N_("quantity") },
  [BO_FIELD_UNIT_PRICE] = { "unit-price", N_("unit price") },
  [BO_FIELD_SHIPPED] = { "shipped", N_("quantity shipped") },
  [BO_FIELD_LINE_NAME] = { "product-name", N_("product name of a line") },
  [BO_FIELD_ID] = { "id", N_("ID in the shop platform") },
  [BO_FIELD_HANDLE] = { "handle", N_("product handle") },
  [BO_FIELD_OPTION1] = { "option1", N_("first option value") },
  [BO_FIELD_OPTION2] = { "option2", N_("second option value") },
  [BO_FIELD_OPTION3] = { "option3", N_("third option value") },
  [BO_FIELD_STATUS] = { "status", N_("status") },
  [BO_FIELD_GIFT_CARD] = { "gift-card", N_("gift card") },
  [BO_FIELD_TRACKER] = { "inventory-tracker", N_("inventory tracker") },
  [BO_FIELD_REQUIRES_SHIPPING] = { "requires-shipping", N_("requires shipping") },
  [BO_FIELD_SHOP_LOCATION] = { "shop-location", N_("store location") },
  [BO_FIELD_ON_HAND_NEW] = { "on-hand-new", N_("new stock on hand") },
  [BO_FIELD_AVAILABLE] = { "available", N_("available") },
  [BO_FIELD_COMMITTED] = { "committed", N_("committed") },
  [BO_FIELD_INCOMING] = { "incoming", N_("incoming") },
  [BO_FIELD_UNAVAILABLE] = { "unavailable", N_("unavailable") },
  [BO_FIELD_FINANCIAL_STATUS] = { "financial-status", N_("financial status") },
  [BO_FIELD_FULFILLMENT] = { "fulfillment", N_("fulfillment status") },
  [BO_FIELD_LINE_FULFILLMENT] = { "line-fulfillment", N_("fulfillment status of a line") },
  [BO_FIELD_FULFILLED_AT] = { "fulfilled-at", N_("date fulfilled") },
  [BO_FIELD_CANCELLED_AT] = { "cancelled-at", N_("date cancelled") },
  [BO_FIELD_BILLING_NAME] = { "billing-name", N_("billing name") },
  [BO_FIELD_SHIPPING_NAME] = { "shipping-name", N_("shipping name") },
  [BO_FIELD_SHIPPING_ADDRESS2] = { "address2", N_("second address line") },
  [BO_FIELD_TYPE] = { "type", N_("product type") },
  [BO_FIELD_PARENT] = { "parent", N_("parent product") },
  [BO_FIELD_IN_STOCK] = { "in-stock", N_("in stock") },
  [BO_FIELD_ATTRIBUTE1] = { "attribute1", N_("first attribute value") },
  [BO_FIELD_ATTRIBUTE2] = { "attribute2", N_("second attribute value") },
  [BO_FIELD_ATTRIBUTE3] = { "attribute3", N_("third attribute value") },
};

const char *
_bo_field_key (BoField field)
{
  g_return_val_if_fail (field < BO_N_FIELDS, NULL);
  return fields[field].key;
}

const char *
_bo_field_label (BoField field)
{
  g_return_val_if_fail (field < BO_N_FIELDS, NULL);
  return _(fields[field].label);
}

/* Returns BO_N_FIELDS for an unknown key. */
BoField
_bo_field_from_key (const char *key)
{
  for (guint f = 0; f < BO_N_FIELDS; f++)
    if (g_strcmp0 (fields[f].key, key) == 0)
      return f;
  return BO_N_FIELDS;
}

static const BoFormatSpec *const formats[BO_IMPORT_N_FORMATS] = {
  [BO_IMPORT_SHOPIFY_PRODUCTS] = &_bo_import_shopify_products,
  [BO_IMPORT_SHOPIFY_INVENTORY] = &_bo_import_shopify_inventory,
  [BO_IMPORT_SHOPIFY_ORDERS] = &_bo_import_shopify_orders,
  [BO_IMPORT_WOOCOMMERCE_PRODUCTS] = &_bo_import_woocommerce_products,
  [BO_IMPORT_CSV_PRODUCTS] = &_bo_import_csv_products,
  [BO_IMPORT_CSV_CUSTOMERS] = &_bo_import_csv_customers,
  [BO_IMPORT_CSV_SUPPLIERS] = &_bo_import_csv_suppliers,
  [BO_IMPORT_CSV_ORDERS] = &_bo_import_csv_orders,
};

const BoFormatSpec *
_bo_import_format_spec (BoImportFormat format)
{
  g_return_val_if_fail (format < BO_IMPORT_N_FORMATS, NULL);
  return formats[format];
}

/**
 * bo_import_format_to_string:
 *
 * Returns: the format's name on the command line: shopify-products,
 *   shopify-inventory, shopify-orders, woocommerce-products, csv-products,
 *   csv-customers, csv-suppliers or csv-orders
 */
const char *
bo_import_format_to_string (BoImportFormat format)
{
  g_return_val_if_fail (format < BO_IMPORT_N_FORMATS, NULL);
  return formats[format]->name;
}

gboolean
bo_import_format_from_string (const char     *text,
                              BoImportFormat *format)
{
  for (guint f = 0; f < BO_IMPORT_N_FORMATS; f++)
    if (g_strcmp0 (formats[f]->name, text) == 0)
      {
        *format = f;
        return TRUE;
      }
  return FALSE;
}

const char *
bo_import_format_label (BoImportFormat format)
{
  g_return_val_if_fail (format < BO_IMPORT_N_FORMATS, NULL);
  return _(formats[format]->label);
}

/**
 * bo_import_format_get_fields:
 * @n_fields: (out): how many
 *
 * Returns: (array length=n_fields) (transfer full): the fields the format
 *   reads, for a mapping step; free the array with g_free()
 */
BoImportFieldInfo *
bo_import_format_get_fields (BoImportFormat  format,
                             guint          *n_fields)
{
  const BoFormatSpec *spec = _bo_import_format_spec (format);
  BoImportFieldInfo *infos;

  g_return_val_if_fail (spec != NULL && n_fields != NULL, NULL);

  infos = g_new0 (BoImportFieldInfo, spec->n_columns);
  for (guint i = 0; i < spec->n_columns; i++)
    {
      infos[i].key = fields[spec->columns[i].field].key;
      infos[i].label = _(fields[spec->columns[i].field].label);
      infos[i].required = spec->columns[i].need == BO_NEED_REQUIRED;
    }
  *n_fields = spec->n_columns;
  return infos;
}

const char *
bo_import_action_label (BoImportAction action)
{
  switch (action)
    {
    case BO_IMPORT_CREATE:
      return C_("import", "create");
    case BO_IMPORT_UPDATE:
      return C_("import", "update");
    case BO_IMPORT_UNCHANGED:
      return C_("import", "unchanged");
    case BO_IMPORT_SKIP:
      return C_("import", "skip");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bo_import_record_label (BoImportRecord record)
{
  switch (record)
    {
    case BO_IMPORT_RECORD_SUPPLIER:
      return C_("import", "supplier");
    case BO_IMPORT_RECORD_PRODUCT:
      return C_("import", "product");
    case BO_IMPORT_RECORD_CUSTOMER:
      return C_("import", "customer");
    case BO_IMPORT_RECORD_ORDER:
      return C_("import", "order");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* How many columns of @header the format recognises, and whether it has all
 * its required ones. */
static guint
score (const BoFormatSpec  *spec,
       GPtrArray           *normalised,
       gboolean            *complete)
{
  gboolean found[BO_N_FIELDS] = { FALSE };
  guint n = 0;

  for (guint i = 0; i < normalised->len; i++)
    for (guint k = 0; k < spec->n_columns; k++)
      {
        const char *const *headers = spec->columns[k].headers;

        for (guint h = 0; headers != NULL && headers[h] != NULL; h++)
          if (g_str_equal (headers[h], g_ptr_array_index (normalised, i)) &&
              !found[spec->columns[k].field])
            {
              found[spec->columns[k].field] = TRUE;
              n++;
            }
      }
  *complete = TRUE;
  for (guint k = 0; k < spec->n_columns; k++)
    if (spec->columns[k].need == BO_NEED_REQUIRED && !found[spec->columns[k].field])
      *complete = FALSE;
  return n;
}

static gboolean
has_header (GPtrArray  *normalised,
            const char *header)
{
  for (guint i = 0; i < normalised->len; i++)
    if (g_str_equal (g_ptr_array_index (normalised, i), header))
      return TRUE;
  return FALSE;
}

/**
 * bo_import_guess_format:
 * @header: (array zero-terminated=1): the file's first row
 * @generic_only: consider the generic CSV formats only
 * @format: (out): the likeliest format
 *
 * Returns: whether a format recognises the header well enough to be used
 */
gboolean
bo_import_guess_format (const char * const *header,
                        gboolean            generic_only,
                        BoImportFormat     *format)
{
  g_autoptr(GPtrArray) normalised = g_ptr_array_new_with_free_func (g_free);
  guint best_score = 0;
  gboolean found = FALSE;

  for (guint i = 0; header != NULL && header[i] != NULL; i++)
    g_ptr_array_add (normalised, _bo_import_normalise_header (header[i]));

  /* The platforms' exports have columns no one else writes. */
  if (!generic_only)
    {
      if (has_header (normalised, "lineitem quantity"))
        *format = BO_IMPORT_SHOPIFY_ORDERS;
      else if ((has_header (normalised, "handle") || has_header (normalised, "url handle")) &&
               (has_header (normalised, "on hand") || has_header (normalised, "on hand current")))
        *format = BO_IMPORT_SHOPIFY_INVENTORY;
      else if (has_header (normalised, "handle") || has_header (normalised, "url handle"))
        *format = BO_IMPORT_SHOPIFY_PRODUCTS;
      else if (has_header (normalised, "backorders allowed") ||
               has_header (normalised, "sao permitidas encomendas") ||
               (has_header (normalised, "type") && has_header (normalised, "parent")))
        *format = BO_IMPORT_WOOCOMMERCE_PRODUCTS;
      else
        goto generic;
      return TRUE;
    }

generic:
  for (BoImportFormat f = BO_IMPORT_CSV_PRODUCTS; f <= BO_IMPORT_CSV_ORDERS; f++)
    {
      gboolean complete;
      guint s = score (formats[f], normalised, &complete);

      /* Orders name products and customers too: they need all of theirs. */
      if (complete && s > best_score)
        {
          best_score = s;
          *format = f;
          found = TRUE;
        }
    }
  return found;
}

/* ---- the importer ------------------------------------------------------------------ */

struct _BoImporter
{
  GObject         parent_instance;

  /* owned */
  BoStore        *store;
  GHashTable     *mapping;        /* normalised header → BoField + 1 */
  GMainContext   *context;        /* where progress is reported, for async work */
  GMutex          lock;

  BoImportFormat  format;
  double          fraction;
  double          pending;        /* under lock: the worker's latest fraction */
  gboolean        idle_queued;    /* under lock */
};

G_DEFINE_FINAL_TYPE (BoImporter, bo_importer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FORMAT,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_fraction (BoImporter *self,
              double      fraction)
{
  if (fraction == self->fraction)
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
sync_progress (double   fraction,
               gpointer user_data)
{
  set_fraction (user_data, fraction);
}

static gboolean
pending_progress_cb (gpointer user_data)
{
  BoImporter *self = user_data;
  double fraction;

  g_mutex_lock (&self->lock);
  fraction = self->pending;
  self->idle_queued = FALSE;
  g_mutex_unlock (&self->lock);
  set_fraction (self, fraction);
  return G_SOURCE_REMOVE;
}

/* Runs @func in @context's thread. Not g_main_context_invoke(): when the
 * context is nobody's at that moment, it runs the function right away, in
 * the worker thread. */
static void
dispatch_in (GMainContext   *context,
             GSourceFunc     func,
             gpointer        data,
             GDestroyNotify  destroy)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, destroy);
  g_source_set_static_name (source, "[bo-importer]");
  g_source_attach (source, context);
}

/* Called in the worker: one idle at a time carries the latest value to the
 * caller's main context. */
static void
thread_progress (double   fraction,
                 gpointer user_data)
{
  BoImporter *self = user_data;
  gboolean queue;

  g_mutex_lock (&self->lock);
  self->pending = fraction;
  queue = !self->idle_queued;
  self->idle_queued = TRUE;
  g_mutex_unlock (&self->lock);
  if (queue)
    dispatch_in (self->context, pending_progress_cb, g_object_ref (self), g_object_unref);
}

static void
bo_importer_finalize (GObject *object)
{
  BoImporter *self = BO_IMPORTER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->mapping, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (bo_importer_parent_class)->finalize (object);
}

static void
bo_importer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BoImporter *self = BO_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FORMAT:
      g_value_set_int (value, self->format);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_importer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BoImporter *self = BO_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FORMAT:
      self->format = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_importer_class_init (BoImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bo_importer_finalize;
  object_class->get_property = bo_importer_get_property;
  object_class->set_property = bo_importer_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BO_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORMAT] =
    g_param_spec_int ("format", NULL, NULL, 0, BO_IMPORT_N_FORMATS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * BoImporter:fraction:
   *
   * How much of the current step (planning or applying) is done, from 0 to
   * 1; for a progress bar. Changes in the main context of the caller.
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bo_importer_init (BoImporter *self)
{
  g_mutex_init (&self->lock);
  self->mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

BoImporter *
bo_importer_new (BoStore        *store,
                 BoImportFormat  format)
{
  g_return_val_if_fail (BO_IS_STORE (store), NULL);
  g_return_val_if_fail (format < BO_IMPORT_N_FORMATS, NULL);

  return g_object_new (BO_TYPE_IMPORTER, "store", store, "format", format, NULL);
}

BoStore *
bo_importer_get_store (BoImporter *self)
{
  g_return_val_if_fail (BO_IS_IMPORTER (self), NULL);
  return self->store;
}

BoImportFormat
bo_importer_get_format (BoImporter *self)
{
  g_return_val_if_fail (BO_IS_IMPORTER (self), 0);
  return self->format;
}

double
bo_importer_get_fraction (BoImporter *self)
{
  g_return_val_if_fail (BO_IS_IMPORTER (self), 0.0);
  return self->fraction;
}

/**
 * bo_importer_set_mapping:
 * @header: a column's header, as in the file (case, accents and punctuation
 *   do not count)
 * @field: (nullable): the key of a field (see bo_import_format_get_fields()),
 *   or "ignore" / %NULL to leave the column out
 *
 * Says what a column means, for headers the format does not know or means
 * otherwise. It applies to the next plan.
 */
gboolean
bo_importer_set_mapping (BoImporter  *self,
                         const char  *header,
                         const char  *field,
                         GError     **error)
{
  BoField f = field != NULL ? _bo_field_from_key (field) : BO_FIELD_NONE;
  g_autofree char *norm = NULL;
  guint n_fields;
  g_autofree BoImportFieldInfo *infos = NULL;
  gboolean allowed = f == BO_FIELD_NONE;

  g_return_val_if_fail (BO_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (header != NULL, FALSE);

  infos = bo_import_format_get_fields (self->format, &n_fields);
  for (guint i = 0; i < n_fields && f < BO_N_FIELDS; i++)
    allowed |= g_str_equal (infos[i].key, fields[f].key);
  if (f == BO_N_FIELDS || !allowed)
    {
      g_autoptr(GString) keys = g_string_new ("ignore");

      for (guint i = 0; i < n_fields; i++)
        g_string_append_printf (keys, ", %s", infos[i].key);
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("“%s” is not a field of %s; the fields are: %s"), field,
                   bo_import_format_label (self->format), keys->str);
      return FALSE;
    }
  norm = _bo_import_normalise_header (header);
  if (*norm == '\0')
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("“%s” is not a column header"), header);
      return FALSE;
    }
  g_hash_table_insert (self->mapping, g_steal_pointer (&norm), GINT_TO_POINTER (f + 1));
  return TRUE;
}

void
bo_importer_clear_mapping (BoImporter *self)
{
  g_return_if_fail (BO_IS_IMPORTER (self));
  g_hash_table_remove_all (self->mapping);
}

static GHashTable *
copy_mapping (GHashTable *mapping)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, mapping);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), value);
  return copy;
}

static BoImportPlan *
plan_with (BoStore         *store,
           BoImportFormat   format,
           GHashTable      *mapping,
           GInputStream    *stream,
           goffset          size,
           const char      *source,
           GCancellable    *cancellable,
           BoProgressFunc   progress,
           gpointer         progress_data,
           GError         **error)
{
  const BoFormatSpec *spec = _bo_import_format_spec (format);
  BoImportContext ctx;
  BoImportPlan *plan = NULL;
  gboolean ok;

  _bo_import_context_init (&ctx, store, spec, source);
  ctx.mapping = copy_mapping (mapping);
  ctx.reader = bo_csv_reader_new (stream);
  ctx.size = size;
  ctx.cancellable = cancellable;
  ctx.progress = progress;
  ctx.progress_data = progress_data;

  ok = _bo_import_read_header (&ctx, error) && (ctx.failed || spec->read (&ctx, error));
  if (ok)
    plan = g_steal_pointer (&ctx.plan);
  _bo_import_context_clear (&ctx);
  return plan;
}

/**
 * bo_importer_plan:
 * @stream: the file's content
 * @size: its size in bytes, for progress, or -1
 * @source: (nullable): its name, for the preview and the history
 * @cancellable: (nullable): stops planning
 *
 * Reads the file and the shop, and works out what importing would do. A file
 * with problems still gives a plan: the problems are in it, by row and
 * column. Nothing is written.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set when reading
 *   failed (cancelled, I/O)
 */
BoImportPlan *
bo_importer_plan (BoImporter    *self,
                  GInputStream  *stream,
                  goffset        size,
                  const char    *source,
                  GCancellable  *cancellable,
                  GError       **error)
{
  BoImportPlan *plan;

  g_return_val_if_fail (BO_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  set_fraction (self, 0.0);
  plan = plan_with (self->store, self->format, self->mapping, stream, size, source, cancellable,
                    sync_progress, self, error);
  if (plan != NULL)
    set_fraction (self, 1.0);
  return plan;
}

static GInputStream *
open_file (GFile         *file,
           goffset       *size,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GFileInfo) info = NULL;

  if (stream == NULL)
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  *size = info != NULL ? g_file_info_get_size (info) : -1;
  return G_INPUT_STREAM (g_steal_pointer (&stream));
}

/**
 * bo_importer_plan_file:
 *
 * Plans the import of @file, in this thread. See bo_importer_plan().
 */
BoImportPlan *
bo_importer_plan_file (BoImporter    *self,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *name = NULL;
  goffset size = -1;

  g_return_val_if_fail (BO_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((stream = open_file (file, &size, cancellable, error)) == NULL)
    return NULL;
  name = g_file_get_basename (file);
  return bo_importer_plan (self, stream, size, name, cancellable, error);
}

typedef struct
{
  GFile         *file;
  GHashTable    *mapping;
  BoImportPlan  *plan;
  BoImportFormat format;
} TaskData;

static void
task_data_free (gpointer data)
{
  TaskData *td = data;

  g_clear_object (&td->file);
  g_clear_pointer (&td->mapping, g_hash_table_unref);
  g_clear_object (&td->plan);
  g_free (td);
}

static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BoImporter *self = source_object;
  TaskData *td = task_data;
  g_autoptr(BoStore) store = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *name = g_file_get_basename (td->file);
  GError *error = NULL;
  BoImportPlan *plan;
  goffset size = -1;

  if ((store = bo_store_open_another (self->store, &error)) == NULL ||
      (stream = open_file (td->file, &size, cancellable, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  plan = plan_with (store, td->format, td->mapping, stream, size, name, cancellable,
                    thread_progress, self, &error);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

static void
remember_context (BoImporter *self)
{
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  set_fraction (self, 0.0);
}

/**
 * bo_importer_plan_file_async:
 *
 * Plans the import of @file in a thread, with its own connection to the
 * shop; the window stays responsive and #BoImporter:fraction moves.
 */
void
bo_importer_plan_file_async (BoImporter          *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *td;

  g_return_if_fail (BO_IS_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (file));

  remember_context (self);
  td = g_new0 (TaskData, 1);
  td->file = g_object_ref (file);
  td->mapping = copy_mapping (self->mapping);
  td->format = self->format;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bo_importer_plan_file_async);
  g_task_set_task_data (task, td, task_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, plan_thread);
}

BoImportPlan *
bo_importer_plan_file_finish (BoImporter    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  BoImportPlan *plan;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bo_importer_plan_file_async,
                        NULL);

  plan = g_task_propagate_pointer (G_TASK (result), error);
  if (plan != NULL)
    set_fraction (self, 1.0);
  return plan;
}

static gboolean
check_plan (BoImporter    *self,
            BoImportPlan  *plan,
            GError       **error)
{
  guint errors = bo_import_plan_count_problems (plan, BO_IMPORT_ERROR);

  if (errors == 0)
    return TRUE;
  g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE, "The file has %u problem to fix before it can be "
                            "imported", "The file has %u problems to fix before it can be imported",
                            errors), errors);
  return FALSE;
}

/**
 * bo_importer_apply:
 * @plan: a plan without errors
 * @cancellable: (nullable): cancels; then nothing is written
 * @outcome: (out) (optional): what was written
 *
 * Writes the plan in one transaction, in this thread. The shop may have
 * changed since planning: the records are matched again, and a record that
 * no longer fits (a SKU taken in between) fails the whole import.
 */
gboolean
bo_importer_apply (BoImporter       *self,
                   BoImportPlan     *plan,
                   GCancellable     *cancellable,
                   BoImportOutcome **outcome,
                   GError          **error)
{
  g_return_val_if_fail (BO_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (BO_IS_IMPORT_PLAN (plan), FALSE);

  if (!check_plan (self, plan, error))
    return FALSE;
  set_fraction (self, 0.0);
  return bo_store_apply_import (self->store, bo_import_plan_get_batch (plan), cancellable,
                                sync_progress, self, outcome, error);
}

static gboolean
emit_changed_cb (gpointer user_data)
{
  g_signal_emit_by_name (user_data, "changed");
  return G_SOURCE_REMOVE;
}

static void
apply_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BoImporter *self = source_object;
  TaskData *td = task_data;
  g_autoptr(BoStore) store = NULL;
  BoImportOutcome *outcome = NULL;
  GError *error = NULL;

  if ((store = bo_store_open_another (self->store, &error)) == NULL ||
      !bo_store_apply_import (store, bo_import_plan_get_batch (td->plan), cancellable,
                              thread_progress, self, &outcome, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The caller's store hears of the change before the callback runs. */
  for (guint r = 0; r < BO_IMPORT_N_RECORDS; r++)
    if (outcome->created[r] > 0 || outcome->updated[r] > 0)
      {
        dispatch_in (self->context, emit_changed_cb, g_object_ref (self->store), g_object_unref);
        break;
      }
  g_task_return_pointer (task, outcome, (GDestroyNotify) bo_import_outcome_free);
}

/**
 * bo_importer_apply_async:
 *
 * Applies @plan in a thread with its own connection to the shop; when done,
 * the importer's store emits #BoStore::changed in the caller's main context.
 */
void
bo_importer_apply_async (BoImporter          *self,
                         BoImportPlan        *plan,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  TaskData *td;

  g_return_if_fail (BO_IS_IMPORTER (self));
  g_return_if_fail (BO_IS_IMPORT_PLAN (plan));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bo_importer_apply_async);
  if (!check_plan (self, plan, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  remember_context (self);
  td = g_new0 (TaskData, 1);
  td->plan = g_object_ref (plan);
  g_task_set_task_data (task, td, task_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, apply_thread);
}

gboolean
bo_importer_apply_finish (BoImporter       *self,
                          GAsyncResult     *result,
                          BoImportOutcome **outcome,
                          GError          **error)
{
  BoImportOutcome *out;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bo_importer_apply_async, FALSE);

  out = g_task_propagate_pointer (G_TASK (result), error);
  if (out == NULL)
    return FALSE;
  set_fraction (self, 1.0);
  if (outcome != NULL)
    *outcome = out;
  else
    bo_import_outcome_free (out);
  return TRUE;
}
