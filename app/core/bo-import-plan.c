/* bo-import-plan.c — the preview of an import: records, problems, what changes
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records are added here as the formats read them. Each is checked against
 * the rest of the file (a SKU twice is an error: which row is meant?) and
 * against the shop, read but never written, to say whether applying the
 * plan creates, updates or leaves it alone.
 */
#define G_LOG_DOMAIN "bo-import"

#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bo-import-private.h"
#include "backorders/bo-money.h"

struct _BoImportPlan
{
  GObject         parent_instance;

  /* owned */
  char           *source;
  GArray         *columns;    /* BoImportColumn */
  GArray         *items;      /* BoImportItem */
  GArray         *problems;   /* BoImportProblem */
  BoImportBatch  *batch;

  BoImportFormat  format;
  guint64         n_rows;
  guint           counts[BO_IMPORT_N_RECORDS][BO_IMPORT_N_ACTIONS];
  guint           n_severity[2];
};

G_DEFINE_FINAL_TYPE (BoImportPlan, bo_import_plan, G_TYPE_OBJECT)

static void
column_clear (gpointer data)
{
  g_free (((BoImportColumn *) data)->header);
}

static void
item_clear (gpointer data)
{
  BoImportItem *item = data;

  g_free (item->key);
  g_free (item->label);
  g_free (item->detail);
}

static void
problem_clear (gpointer data)
{
  BoImportProblem *problem = data;

  g_free (problem->column_name);
  g_free (problem->message);
}

static void
bo_import_plan_finalize (GObject *object)
{
  BoImportPlan *self = BO_IMPORT_PLAN (object);

  g_free (self->source);
  g_array_unref (self->columns);
  g_array_unref (self->items);
  g_array_unref (self->problems);
  bo_import_batch_free (self->batch);

  G_OBJECT_CLASS (bo_import_plan_parent_class)->finalize (object);
}

static void
bo_import_plan_class_init (BoImportPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bo_import_plan_finalize;
}

static void
bo_import_plan_init (BoImportPlan *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (BoImportColumn));
  g_array_set_clear_func (self->columns, column_clear);
  self->items = g_array_new (FALSE, TRUE, sizeof (BoImportItem));
  g_array_set_clear_func (self->items, item_clear);
  self->problems = g_array_new (FALSE, TRUE, sizeof (BoImportProblem));
  g_array_set_clear_func (self->problems, problem_clear);
  self->batch = bo_import_batch_new ();
}

BoImportPlan *
_bo_import_plan_new (BoImportFormat  format,
                     const char     *source)
{
  BoImportPlan *self = g_object_new (BO_TYPE_IMPORT_PLAN, NULL);

  self->format = format;
  self->source = g_strdup (source);
  self->batch->source = g_strdup (source);
  return self;
}

BoImportBatch *
_bo_import_plan_batch (BoImportPlan *self)
{
  return self->batch;
}

void
_bo_import_plan_add_column (BoImportPlan        *self,
                            guint                index,
                            const char          *header,
                            BoField              field,
                            BoImportColumnState  state)
{
  BoImportColumn column = { index, g_strdup (header),
                            field != BO_FIELD_NONE ? _bo_field_key (field) : NULL, state };

  g_array_append_val (self->columns, column);
}

/* Takes @message. */
void
_bo_import_plan_add_problem (BoImportPlan     *self,
                             BoImportSeverity  severity,
                             guint64           row,
                             guint             column,
                             const char       *column_name,
                             char             *message)
{
  BoImportProblem problem = { severity, row, column, g_strdup (column_name), message };

  g_array_append_val (self->problems, problem);
  self->n_severity[severity]++;
}

/* Takes @detail. */
void
_bo_import_plan_add_item (BoImportPlan   *self,
                          BoImportRecord  record,
                          BoImportAction  action,
                          guint64         row,
                          const char     *key,
                          const char     *label,
                          char           *detail)
{
  BoImportItem item = { record, action, row, g_strdup (key), g_strdup (label), detail };

  g_array_append_val (self->items, item);
  self->counts[record][action]++;
}

void
_bo_import_plan_set_n_rows (BoImportPlan *self,
                            guint64       n_rows)
{
  self->n_rows = n_rows;
}

/* ---- public --------------------------------------------------------------------- */

BoImportFormat
bo_import_plan_get_format (BoImportPlan *self)
{
  g_return_val_if_fail (BO_IS_IMPORT_PLAN (self), 0);
  return self->format;
}

const char *
bo_import_plan_get_source (BoImportPlan *self)
{
  g_return_val_if_fail (BO_IS_IMPORT_PLAN (self), NULL);
  return self->source;
}

/**
 * bo_import_plan_get_n_rows:
 *
 * Returns: the rows of data read, besides the header
 */
guint64
bo_import_plan_get_n_rows (BoImportPlan *self)
{
  g_return_val_if_fail (BO_IS_IMPORT_PLAN (self), 0);
  return self->n_rows;
}

guint
bo_import_plan_get_n_columns (BoImportPlan *self)
{
  g_return_val_if_fail (BO_IS_IMPORT_PLAN (self), 0);
  return self->columns->len;
}

const BoImportColumn *
bo_import_plan_get_column (BoImportPlan *self,
                           guint         index)
{
  g_return_val_if_fail (BO_IS_IMPORT_PLAN (self), NULL);
  g_return_val_if_fail (index < self->columns->len, NULL);
  return &g_array_index (self->columns, BoImportColumn, index);
}

guint
bo_import_plan_get_n_items (BoImportPlan *self)
{
  g_return_val_if_fail (BO_IS_IMPORT_PLAN (self), 0);
  return self->items->len;
}

const BoImportItem *
bo_import_plan_get_item (BoImportPlan *self,
                         guint         index)
{
  g_return_val_if_fail (BO_IS_IMPORT_PLAN (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return &g_array_index (self->items, BoImportItem, index);
}

guint
bo_import_plan_get_n_problems (BoImportPlan *self)
{
  g_return_val_if_fail (BO_IS_IMPORT_PLAN (self), 0);
  return self->problems->len;
}

const BoImportProblem *
bo_import_plan_get_problem (BoImportPlan *self,
                            guint         index)
{
  g_return_val_if_fail (BO_IS_IMPORT_PLAN (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);
  return &g_array_index (self->problems, BoImportProblem, index);
}

guint
bo_import_plan_count (BoImportPlan   *self,
                      BoImportRecord  record,
                      BoImportAction  action)
{
  g_return_val_if_fail (BO_IS_IMPORT_PLAN (self), 0);
  g_return_val_if_fail (record < BO_IMPORT_N_RECORDS && action < BO_IMPORT_N_ACTIONS, 0);
  return self->counts[record][action];
}

guint
bo_import_plan_count_problems (BoImportPlan     *self,
                               BoImportSeverity  severity)
{
  g_return_val_if_fail (BO_IS_IMPORT_PLAN (self), 0);
  g_return_val_if_fail (severity <= BO_IMPORT_ERROR, 0);
  return self->n_severity[severity];
}

/**
 * bo_import_plan_can_apply:
 *
 * Returns: whether the plan is free of errors
 */
gboolean
bo_import_plan_can_apply (BoImportPlan *self)
{
  g_return_val_if_fail (BO_IS_IMPORT_PLAN (self), FALSE);
  return self->n_severity[BO_IMPORT_ERROR] == 0;
}

/**
 * bo_import_plan_has_changes:
 *
 * Returns: whether applying the plan would create or update anything
 */
gboolean
bo_import_plan_has_changes (BoImportPlan *self)
{
  g_return_val_if_fail (BO_IS_IMPORT_PLAN (self), FALSE);
  for (guint r = 0; r < BO_IMPORT_N_RECORDS; r++)
    if (self->counts[r][BO_IMPORT_CREATE] > 0 || self->counts[r][BO_IMPORT_UPDATE] > 0)
      return TRUE;
  return FALSE;
}

/**
 * bo_import_plan_get_batch:
 *
 * Returns: (transfer none): the records applying the plan writes
 */
const BoImportBatch *
bo_import_plan_get_batch (BoImportPlan *self)
{
  g_return_val_if_fail (BO_IS_IMPORT_PLAN (self), NULL);
  return self->batch;
}

/* ---- the context ------------------------------------------------------------------ */

void
_bo_import_context_init (BoImportContext    *ctx,
                         BoStore            *store,
                         const BoFormatSpec *spec,
                         const char         *source)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->store = store;
  ctx->currency = store != NULL ? bo_store_get_setting (store, "currency") : NULL;
  ctx->spec = spec;
  ctx->size = -1;
  ctx->plan = _bo_import_plan_new (spec->format, source);
  for (guint f = 0; f < BO_N_FIELDS; f++)
    ctx->columns[f] = -1;
  ctx->batch_skus = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->batch_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->batch_customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->batch_suppliers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->batch_orders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->batch_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
_bo_import_context_clear (BoImportContext *ctx)
{
  g_clear_object (&ctx->plan);
  g_clear_pointer (&ctx->currency, g_free);
  g_clear_pointer (&ctx->reader, bo_csv_reader_free);
  g_clear_pointer (&ctx->header, g_strfreev);
  g_clear_pointer (&ctx->mapping, g_hash_table_unref);
  g_clear_pointer (&ctx->product_skus, g_hash_table_unref);
  g_clear_pointer (&ctx->product_refs, g_hash_table_unref);
  g_clear_pointer (&ctx->product_names, g_hash_table_unref);
  g_clear_pointer (&ctx->products, g_ptr_array_unref);
  g_clear_pointer (&ctx->customer_keys, g_hash_table_unref);
  g_clear_pointer (&ctx->customers, g_ptr_array_unref);
  g_clear_pointer (&ctx->supplier_names, g_hash_table_unref);
  g_clear_pointer (&ctx->suppliers, g_ptr_array_unref);
  g_clear_pointer (&ctx->batch_skus, g_hash_table_unref);
  g_clear_pointer (&ctx->batch_refs, g_hash_table_unref);
  g_clear_pointer (&ctx->batch_customers, g_hash_table_unref);
  g_clear_pointer (&ctx->batch_suppliers, g_hash_table_unref);
  g_clear_pointer (&ctx->batch_orders, g_hash_table_unref);
  g_clear_pointer (&ctx->batch_numbers, g_hash_table_unref);
}

/* ---- the shop as it is ------------------------------------------------------------- */

gboolean
_bo_import_load_products (BoImportContext  *ctx,
                          GError          **error)
{
  if (ctx->products != NULL)
    return TRUE;
  ctx->products = bo_store_list_products (ctx->store, NULL, "sku", 0, 0, error);
  if (ctx->products == NULL)
    return FALSE;
  ctx->product_skus = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->product_refs = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->product_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < ctx->products->len; i++)
    {
      BoProduct *p = g_ptr_array_index (ctx->products, i);
      char *name = _bo_import_fold (p->name);

      g_hash_table_insert (ctx->product_skus, p->sku, p);
      if (p->external_ref != NULL)
        g_hash_table_insert (ctx->product_refs, p->external_ref, p);
      /* Two products of one name: the name identifies neither. */
      if (g_hash_table_contains (ctx->product_names, name))
        g_hash_table_insert (ctx->product_names, name, ctx);
      else
        g_hash_table_insert (ctx->product_names, name, p);
    }
  return TRUE;
}

static char *
customer_key (const char *prefix,
              const char *value)
{
  g_autofree char *folded = _bo_import_fold (value);

  return g_strconcat (prefix, folded, NULL);
}

gboolean
_bo_import_load_customers (BoImportContext  *ctx,
                           GError          **error)
{
  if (ctx->customers != NULL)
    return TRUE;
  ctx->customers = bo_store_list_customers (ctx->store, NULL, NULL, 0, 0, error);
  if (ctx->customers == NULL)
    return FALSE;
  ctx->customer_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < ctx->customers->len; i++)
    {
      BoCustomer *c = g_ptr_array_index (ctx->customers, i);
      char *keys[3] = { NULL, NULL, NULL };

      if (c->external_ref != NULL)
        keys[0] = g_strconcat ("ref:", c->external_ref, NULL);
      if (c->email != NULL && *c->email != '\0')
        keys[1] = customer_key ("email:", c->email);
      keys[2] = customer_key ("name:", c->name);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          if (keys[k] == NULL)
            continue;
          /* Ambiguous keys point at the context. */
          if (g_hash_table_contains (ctx->customer_keys, keys[k]))
            g_hash_table_insert (ctx->customer_keys, keys[k], ctx);
          else
            g_hash_table_insert (ctx->customer_keys, keys[k], c);
        }
    }
  return TRUE;
}

gboolean
_bo_import_load_suppliers (BoImportContext  *ctx,
                           GError          **error)
{
  if (ctx->suppliers != NULL)
    return TRUE;
  ctx->suppliers = bo_store_list_suppliers (ctx->store, error);
  if (ctx->suppliers == NULL)
    return FALSE;
  ctx->supplier_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < ctx->suppliers->len; i++)
    {
      BoSupplier *s = g_ptr_array_index (ctx->suppliers, i);

      g_hash_table_insert (ctx->supplier_names, g_utf8_casefold (s->name, -1), s);
    }
  return TRUE;
}

/**
 * _bo_import_find_product:
 *
 * Returns: (nullable): the shop's product of @external_ref, else of @sku
 */
const BoProduct *
_bo_import_find_product (BoImportContext *ctx,
                         const char      *sku,
                         const char      *external_ref)
{
  const BoProduct *p = NULL;

  g_return_val_if_fail (ctx->products != NULL, NULL);
  if (external_ref != NULL)
    p = g_hash_table_lookup (ctx->product_refs, external_ref);
  if (p == NULL && sku != NULL)
    p = g_hash_table_lookup (ctx->product_skus, sku);
  return p;
}

const BoProduct *
_bo_import_find_product_by_name (BoImportContext *ctx,
                                 const char      *name,
                                 gboolean        *ambiguous)
{
  g_autofree char *folded = _bo_import_fold (name);
  gpointer found;

  g_return_val_if_fail (ctx->products != NULL, NULL);
  found = g_hash_table_lookup (ctx->product_names, folded);
  *ambiguous = found == ctx;
  return found == ctx ? NULL : found;
}

/* ---- adding records ---------------------------------------------------------------- */

static char *
describe_new_product (BoImportContext       *ctx,
                      const BoImportProduct *p)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, _("stock %" PRId64), MAX (p->on_hand, 0));
  if (p->price >= 0)
    {
      g_autofree char *price = bo_money_format (p->price, ctx->currency, BO_MONEY_DATA);

      /* TRANSLATORS: follows "stock 12" in the description of a new product */
      g_string_append_printf (text, _(", price %s"), price);
    }
  g_string_append_printf (text, _(", backorders %s"),
                          bo_backorder_policy_to_string (p->backorder_policy >= 0
                                                           ? (BoBackorderPolicy) p->backorder_policy
                                                           : BO_BACKORDER_ALLOW));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
supplier_known (BoImportContext *ctx,
                const char      *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_hash_table_contains (ctx->supplier_names, folded) ||
         g_hash_table_contains (ctx->batch_suppliers, folded);
}

/* Whether the product is linked to @supplier already. */
static gboolean
linked_to (BoImportContext       *ctx,
           const BoProduct       *product,
           const BoImportProduct *in)
{
  g_autoptr(GPtrArray) links = bo_store_list_product_suppliers (ctx->store, product->id, NULL);

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      BoProductSupplier *l = g_ptr_array_index (links, i);

      if (g_utf8_collate (l->supplier_name, in->supplier) == 0 &&
          (in->supplier_sku == NULL || g_strcmp0 (l->supplier_sku, in->supplier_sku) == 0))
        return TRUE;
    }
  return FALSE;
}

/**
 * _bo_import_add_product:
 * @product: (transfer full): the product
 *
 * Adds a product to the plan, or an error: a SKU or reference the file has
 * already, a SKU that is no SKU, a new product without a name, a stock
 * count below what is allocated to orders.
 */
void
_bo_import_add_product (BoImportContext *ctx,
                        BoImportProduct *product)
{
  g_autoptr(BoImportProduct) p = product;
  BoImportBatch *batch = _bo_import_plan_batch (ctx->plan);
  const BoProduct *existing;
  const char *why = NULL;
  gpointer earlier;

  if (!_bo_import_check_sku (p->sku, &why))
    {
      _bo_import_row_problem (ctx, BO_IMPORT_ERROR, p->row, _("the SKU “%s” cannot be used: %s"),
                              p->sku != NULL ? p->sku : "", why);
      return;
    }
  if (p->name != NULL && g_utf8_strlen (p->name, -1) > 500)
    {
      _bo_import_row_problem (ctx, BO_IMPORT_ERROR, p->row,
                              _("the name of %s is longer than 500 characters"), p->sku);
      return;
    }
  if ((earlier = g_hash_table_lookup (ctx->batch_skus, p->sku)) != NULL)
    {
      _bo_import_row_problem (ctx, BO_IMPORT_ERROR, p->row,
                              _("the SKU “%s” is in row %" PRIu64 " already; which of "
                                "the two rows is right?"),
                              p->sku, (guint64) GPOINTER_TO_SIZE (earlier));
      return;
    }
  if (p->external_ref != NULL &&
      (earlier = g_hash_table_lookup (ctx->batch_refs, p->external_ref)) != NULL)
    {
      _bo_import_row_problem (ctx, BO_IMPORT_ERROR, p->row,
                              _("the product “%s” is in row %" PRIu64 " already"),
                              p->external_ref, (guint64) GPOINTER_TO_SIZE (earlier));
      return;
    }
  g_hash_table_insert (ctx->batch_skus, g_strdup (p->sku), GSIZE_TO_POINTER (p->row));
  if (p->external_ref != NULL)
    g_hash_table_insert (ctx->batch_refs, g_strdup (p->external_ref), GSIZE_TO_POINTER (p->row));

  existing = _bo_import_find_product (ctx, p->sku, p->external_ref);
  if (existing == NULL)
    {
      if (p->name == NULL)
        {
          _bo_import_row_problem (ctx, BO_IMPORT_ERROR, p->row,
                                  _("the new product %s has no name"), p->sku);
          return;
        }
      _bo_import_plan_add_item (ctx->plan, BO_IMPORT_RECORD_PRODUCT, BO_IMPORT_CREATE, p->row,
                                p->sku, p->name, describe_new_product (ctx, p));
    }
  else
    {
      g_autofree char *changes = bo_import_product_changes (existing, ctx->currency, p);
      const BoProduct *holder = g_hash_table_lookup (ctx->product_skus, p->sku);

      if (holder != NULL && holder != existing)
        {
          _bo_import_row_problem (ctx, BO_IMPORT_ERROR, p->row,
                                  _("the product %s would take the SKU “%s”, which “%s” has"),
                                  existing->sku, p->sku, holder->name);
          return;
        }
      if (p->on_hand >= 0 && p->on_hand < existing->allocated)
        {
          _bo_import_row_problem (ctx, BO_IMPORT_ERROR, p->row,
                                  _("%s: the file gives %" PRId64 " on hand, but %"
                                    PRId64 " units are allocated to orders; ship or "
                                    "cancel them first"),
                                  existing->sku, p->on_hand, existing->allocated);
          return;
        }
      BoImportAction action;

      if (changes == NULL && p->supplier != NULL && !linked_to (ctx, existing, p))
        changes = g_strdup_printf (_("supplier %s"), p->supplier);
      action = changes != NULL ? BO_IMPORT_UPDATE : BO_IMPORT_UNCHANGED;
      _bo_import_plan_add_item (ctx->plan, BO_IMPORT_RECORD_PRODUCT, action, p->row, p->sku,
                                p->name != NULL ? p->name : existing->name,
                                g_steal_pointer (&changes));
    }

  if (p->supplier != NULL && !supplier_known (ctx, p->supplier))
    {
      BoImportSupplier *s = bo_import_supplier_new ();

      s->row = p->row;
      s->name = g_strdup (p->supplier);
      _bo_import_add_supplier (ctx, s);
    }
  g_ptr_array_add (batch->products, g_steal_pointer (&p));
}

/**
 * _bo_import_add_supplier:
 * @supplier: (transfer full): the supplier
 */
void
_bo_import_add_supplier (BoImportContext  *ctx,
                         BoImportSupplier *supplier)
{
  g_autoptr(BoImportSupplier) s = supplier;
  g_autofree char *folded = NULL;
  const BoSupplier *existing;

  if (s->name == NULL || g_utf8_strlen (s->name, -1) > 200)
    {
      _bo_import_row_problem (ctx, BO_IMPORT_ERROR, s->row,
                              _("a supplier needs a name of 1 to 200 characters"));
      return;
    }
  folded = g_utf8_casefold (s->name, -1);
  if (g_hash_table_contains (ctx->batch_suppliers, folded))
    {
      _bo_import_row_problem (ctx, BO_IMPORT_ERROR, s->row,
                              _("the supplier “%s” is in the file already"), s->name);
      return;
    }
  g_hash_table_add (ctx->batch_suppliers, g_strdup (folded));
  existing = g_hash_table_lookup (ctx->supplier_names, folded);
  if (existing == NULL)
    _bo_import_plan_add_item (ctx->plan, BO_IMPORT_RECORD_SUPPLIER, BO_IMPORT_CREATE, s->row,
                              s->name, s->name, NULL);
  else
    {
      char *changes = bo_import_supplier_changes (existing, s);

      _bo_import_plan_add_item (ctx->plan, BO_IMPORT_RECORD_SUPPLIER,
                                changes != NULL ? BO_IMPORT_UPDATE : BO_IMPORT_UNCHANGED, s->row,
                                s->name, s->name, changes);
    }
  g_ptr_array_add (_bo_import_plan_batch (ctx->plan)->suppliers, g_steal_pointer (&s));
}

static char *
key_of (const BoImportCustomer *c)
{
  if (c->external_ref != NULL)
    return g_strconcat ("ref:", c->external_ref, NULL);
  if (c->email != NULL)
    return customer_key ("email:", c->email);
  return customer_key ("name:", c->name);
}

/* The shop's customer an import customer means: by reference, by email,
 * by name when there is no email. Sets @ambiguous for a name two have. */
static const BoCustomer *
find_customer (BoImportContext        *ctx,
               const BoImportCustomer *c,
               gboolean               *ambiguous)
{
  gpointer found = NULL;

  *ambiguous = FALSE;
  if (c->external_ref != NULL)
    {
      g_autofree char *key = g_strconcat ("ref:", c->external_ref, NULL);
      found = g_hash_table_lookup (ctx->customer_keys, key);
    }
  if (found == NULL && c->email != NULL)
    {
      g_autofree char *key = customer_key ("email:", c->email);
      found = g_hash_table_lookup (ctx->customer_keys, key);
    }
  else if (found == NULL && c->name != NULL)
    {
      g_autofree char *key = customer_key ("name:", c->name);
      found = g_hash_table_lookup (ctx->customer_keys, key);
    }
  *ambiguous = found == ctx;
  return found == ctx ? NULL : found;
}

/**
 * _bo_import_add_customer:
 * @customer: (transfer full): the customer
 *
 * Returns: the customer's index in the batch; a customer met again (in an
 *   orders file) keeps its first index. G_MAXUINT when it cannot be added.
 */
guint
_bo_import_add_customer (BoImportContext  *ctx,
                         BoImportCustomer *customer)
{
  g_autoptr(BoImportCustomer) c = customer;
  BoImportBatch *batch = _bo_import_plan_batch (ctx->plan);
  g_autofree char *key = NULL;
  const BoCustomer *existing;
  gboolean ambiguous;
  gpointer earlier;

  if (c->name == NULL && c->email == NULL)
    {
      _bo_import_row_problem (ctx, BO_IMPORT_ERROR, c->row,
                              _("a customer needs a name or an email address"));
      return G_MAXUINT;
    }
  if ((c->name != NULL && g_utf8_strlen (c->name, -1) > 200) ||
      (c->email != NULL && (strchr (c->email, '@') == NULL ||
                            strpbrk (c->email, " \t\r\n<>") != NULL ||
                            g_utf8_strlen (c->email, -1) > 320)))
    {
      _bo_import_row_problem (ctx, BO_IMPORT_ERROR, c->row,
                              _("“%s” is not a customer's name and email address"),
                              c->email != NULL ? c->email : c->name);
      return G_MAXUINT;
    }
  key = key_of (c);
  if ((earlier = g_hash_table_lookup (ctx->batch_customers, key)) != NULL)
    {
      guint index = GPOINTER_TO_UINT (earlier) - 1;
      BoImportCustomer *first = g_ptr_array_index (batch->customers, index);

      /* A customer met in several orders: a later order may know the name
       * or the address the first one lacked. */
      if (c->create_only && first->create_only)
        {
          if (first->name == NULL)
            first->name = g_steal_pointer (&c->name);
          if (first->address == NULL)
            first->address = g_steal_pointer (&c->address);
          return index;
        }
      if (!c->create_only)
        {
          _bo_import_row_problem (ctx, BO_IMPORT_ERROR, c->row,
                                  _("the customer “%s” is in row %" PRIu64 " already"),
                                  c->email != NULL ? c->email : c->name,
                                  ((BoImportCustomer *) g_ptr_array_index (batch->customers,
                                                                           index))->row);
          return G_MAXUINT;
        }
      return index;
    }

  existing = find_customer (ctx, c, &ambiguous);
  if (ambiguous)
    {
      _bo_import_row_problem (ctx, BO_IMPORT_ERROR, c->row,
                              _("several customers of the shop are called “%s”; give the email "
                                "address in the file"), c->name);
      return G_MAXUINT;
    }
  if (existing == NULL)
    _bo_import_plan_add_item (ctx->plan, BO_IMPORT_RECORD_CUSTOMER, BO_IMPORT_CREATE, c->row,
                              c->email != NULL ? c->email : c->name,
                              c->name != NULL ? c->name : c->email, NULL);
  else
    {
      char *changes = bo_import_customer_changes (existing, c);

      _bo_import_plan_add_item (ctx->plan, BO_IMPORT_RECORD_CUSTOMER,
                                changes != NULL ? BO_IMPORT_UPDATE : BO_IMPORT_UNCHANGED, c->row,
                                existing->email != NULL && *existing->email != '\0'
                                  ? existing->email : existing->name,
                                existing->name, changes);
    }
  g_hash_table_insert (ctx->batch_customers, g_steal_pointer (&key),
                       GUINT_TO_POINTER (batch->customers->len + 1));
  g_ptr_array_add (batch->customers, g_steal_pointer (&c));
  return batch->customers->len - 1;
}

/**
 * _bo_import_add_order:
 * @order: (transfer full): the order; its customer is in the batch already
 * @customer_label: the customer, for the preview
 */
void
_bo_import_add_order (BoImportContext *ctx,
                      BoImportOrder   *order,
                      const char      *customer_label)
{
  g_autoptr(BoImportOrder) o = order;
  g_autoptr(GError) error = NULL;
  const char *key = o->number != NULL ? o->number : o->external_ref;
  gint64 units = 0, shipped = 0;
  gpointer earlier;
  gint64 known;

  if (o->external_ref != NULL &&
      (earlier = g_hash_table_lookup (ctx->batch_orders, o->external_ref)) != NULL)
    {
      _bo_import_row_problem (ctx, BO_IMPORT_ERROR, o->row,
                              _("the order %s is in row %" PRIu64 " already, apart from "
                                "these rows"), key, (guint64) GPOINTER_TO_SIZE (earlier));
      return;
    }
  if (o->number != NULL &&
      (earlier = g_hash_table_lookup (ctx->batch_numbers, o->number)) != NULL)
    {
      _bo_import_row_problem (ctx, BO_IMPORT_ERROR, o->row,
                              _("the order number %s is in row %" PRIu64 " already"),
                              o->number, (guint64) GPOINTER_TO_SIZE (earlier));
      return;
    }
  if (o->external_ref != NULL)
    g_hash_table_insert (ctx->batch_orders, g_strdup (o->external_ref), GSIZE_TO_POINTER (o->row));
  if (o->number != NULL)
    g_hash_table_insert (ctx->batch_numbers, g_strdup (o->number), GSIZE_TO_POINTER (o->row));

  known = bo_store_find_order_id (ctx->store, o->external_ref, NULL, &error);
  if (known == 0 && o->number != NULL &&
      bo_store_find_order_id (ctx->store, NULL, o->number, &error) > 0)
    {
      _bo_import_row_problem (ctx, BO_IMPORT_ERROR, o->row,
                              _("the shop has an order %s already, which did not come from this "
                                "platform"), o->number);
      return;
    }
  if (known > 0)
    {
      _bo_import_plan_add_item (ctx->plan, BO_IMPORT_RECORD_ORDER, BO_IMPORT_UNCHANGED, o->row,
                                key, customer_label, g_strdup (_("imported before")));
      g_ptr_array_add (_bo_import_plan_batch (ctx->plan)->orders, g_steal_pointer (&o));
      return;
    }

  for (guint i = 0; i < o->lines->len; i++)
    {
      const BoImportLine *line = &g_array_index (o->lines, BoImportLine, i);

      units += line->quantity;
      shipped += line->shipped;
    }
  _bo_import_plan_add_item (ctx->plan, BO_IMPORT_RECORD_ORDER, BO_IMPORT_CREATE, o->row, key,
                            customer_label,
                            shipped > 0
                              ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u line, %" PRId64
                                                              " units, %" PRId64
                                                              " shipped already",
                                                              "%u lines, %" PRId64
                                                              " units, %" PRId64
                                                              " shipped already",
                                                              o->lines->len),
                                                 o->lines->len, units, shipped)
                              : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u line, %" PRId64
                                                              " units",
                                                              "%u lines, %" PRId64
                                                              " units",
                                                              o->lines->len),
                                                 o->lines->len, units));
  g_ptr_array_add (_bo_import_plan_batch (ctx->plan)->orders, g_steal_pointer (&o));
}

void
_bo_import_skip (BoImportContext *ctx,
                 BoImportRecord   record,
                 guint64          row,
                 const char      *key,
                 const char      *label,
                 const char      *reason)
{
  _bo_import_plan_add_item (ctx->plan, record, BO_IMPORT_SKIP, row, key, label, g_strdup (reason));
}
