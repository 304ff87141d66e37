/* bo-import-generic.c — any CSV of products, customers, suppliers or orders
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files from spreadsheets and other programs: the columns are recognised by
 * the usual names of their meaning ("Qty", "Unit price", "unitsInStock"),
 * and any other column can be given a meaning by the caller's mapping.
 */
#define G_LOG_DOMAIN "bo-import"

#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bo-import-private.h"

#define HEADERS(...) ((const char *const[]) { __VA_ARGS__, NULL })
#define MAX_QUANTITY G_GINT64_CONSTANT (1000000000)

static char *
compose_address (BoImportContext *ctx)
{
  static const BoField parts[] = {
    BO_FIELD_ADDRESS, BO_FIELD_ZIP, BO_FIELD_CITY, BO_FIELD_PROVINCE, BO_FIELD_COUNTRY,
  };
  g_autoptr(GString) address = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = _bo_import_dup (ctx, parts[i]);

      /* Database dumps write NULL for nothing. */
      if (part == NULL || g_str_equal (part, "NULL"))
        continue;
      if (address->len > 0)
        g_string_append (address, parts[i] == BO_FIELD_CITY ? " " : ", ");
      g_string_append (address, part);
    }
  return address->len > 0 ? g_string_free (g_steal_pointer (&address), FALSE) : NULL;
}

/* ---- products ------------------------------------------------------------------------ */

static const BoColumnSpec product_columns[] = {
  { BO_FIELD_SKU, BO_NEED_REQUIRED,
    HEADERS ("sku", "product sku", "item sku", "sku code", "product code", "item code",
             "article number", "item number", "part number", "model") },
  { BO_FIELD_NAME, BO_NEED_WANTED,
    HEADERS ("name", "product", "product name", "title", "item", "item name", "article") },
  { BO_FIELD_PRICE, BO_NEED_OPTIONAL,
    HEADERS ("price", "unit price", "sale price", "retail price", "selling price",
             "regular price") },
  { BO_FIELD_COST, BO_NEED_OPTIONAL,
    HEADERS ("cost", "unit cost", "cost price", "purchase price", "buy price", "cost per item") },
  { BO_FIELD_STOCK, BO_NEED_OPTIONAL,
    HEADERS ("stock", "on hand", "stock on hand", "in stock", "units in stock", "quantity",
             "qty", "inventory", "stock level", "stock quantity") },
  { BO_FIELD_REORDER_POINT, BO_NEED_OPTIONAL,
    HEADERS ("reorder point", "reorder level", "low stock", "low stock amount",
             "minimum stock", "min stock", "safety stock") },
  { BO_FIELD_REORDER_QTY, BO_NEED_OPTIONAL,
    HEADERS ("reorder quantity", "reorder qty", "order quantity") },
  { BO_FIELD_BACKORDER_POLICY, BO_NEED_OPTIONAL,
    HEADERS ("backorders", "backorder policy", "backorders allowed", "allow backorders") },
  { BO_FIELD_LOCATION, BO_NEED_OPTIONAL,
    HEADERS ("location", "bin", "bin location", "shelf") },
  { BO_FIELD_SUPPLIER, BO_NEED_OPTIONAL, HEADERS ("supplier", "supplier name", "vendor") },
  { BO_FIELD_SUPPLIER_SKU, BO_NEED_OPTIONAL,
    HEADERS ("supplier sku", "vendor sku", "supplier code") },
  { BO_FIELD_DISCONTINUED, BO_NEED_OPTIONAL, HEADERS ("discontinued") },
  { BO_FIELD_EXTERNAL_REF, BO_NEED_OPTIONAL,
    HEADERS ("external ref", "external reference", "reference") },
};

static gboolean
read_products (BoImportContext  *ctx,
               GError          **error)
{
  GError *local_error = NULL;

  if (!_bo_import_load_products (ctx, error) || !_bo_import_load_suppliers (ctx, error))
    return FALSE;

  while (_bo_import_next_row (ctx, &local_error))
    {
      BoImportProduct *p;

      if (*_bo_import_get (ctx, BO_FIELD_SKU) == '\0')
        {
          _bo_import_problem (ctx, BO_IMPORT_ERROR, BO_FIELD_SKU, _("the row has no SKU"));
          continue;
        }
      p = bo_import_product_new ();
      p->row = ctx->row;
      p->sku = _bo_import_dup (ctx, BO_FIELD_SKU);
      p->name = _bo_import_dup (ctx, BO_FIELD_NAME);
      p->location = _bo_import_dup (ctx, BO_FIELD_LOCATION);
      p->supplier = _bo_import_dup (ctx, BO_FIELD_SUPPLIER);
      p->supplier_sku = _bo_import_dup (ctx, BO_FIELD_SUPPLIER_SKU);
      p->external_ref = _bo_import_dup (ctx, BO_FIELD_EXTERNAL_REF);
      _bo_import_get_money (ctx, BO_FIELD_PRICE, &p->price);
      _bo_import_get_money (ctx, BO_FIELD_COST, &p->cost);
      _bo_import_get_count (ctx, BO_FIELD_STOCK, MAX_QUANTITY, &p->on_hand);
      _bo_import_get_count (ctx, BO_FIELD_REORDER_POINT, MAX_QUANTITY, &p->reorder_point);
      _bo_import_get_count (ctx, BO_FIELD_REORDER_QTY, MAX_QUANTITY, &p->reorder_qty);
      _bo_import_get_policy (ctx, BO_FIELD_BACKORDER_POLICY, &p->backorder_policy);
      _bo_import_get_bool (ctx, BO_FIELD_DISCONTINUED, &p->discontinued);
      _bo_import_add_product (ctx, p);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

const BoFormatSpec _bo_import_csv_products = {
  BO_IMPORT_CSV_PRODUCTS, "csv-products", N_("CSV file of products"),
  product_columns, G_N_ELEMENTS (product_columns), NULL, read_products,
};

/* ---- customers ----------------------------------------------------------------------- */

static const BoColumnSpec customer_columns[] = {
  { BO_FIELD_NAME, BO_NEED_REQUIRED,
    HEADERS ("name", "customer", "customer name", "full name", "company name", "company",
             "contact name") },
  { BO_FIELD_EMAIL, BO_NEED_WANTED, HEADERS ("email", "e mail", "email address", "mail") },
  { BO_FIELD_ADDRESS, BO_NEED_OPTIONAL,
    HEADERS ("address", "street", "shipping address", "address line 1", "address1") },
  { BO_FIELD_CITY, BO_NEED_OPTIONAL, HEADERS ("city", "town") },
  { BO_FIELD_ZIP, BO_NEED_OPTIONAL, HEADERS ("zip", "postal code", "postcode", "zip code") },
  { BO_FIELD_PROVINCE, BO_NEED_OPTIONAL, HEADERS ("province", "state", "region") },
  { BO_FIELD_COUNTRY, BO_NEED_OPTIONAL, HEADERS ("country") },
  { BO_FIELD_TIER, BO_NEED_OPTIONAL, HEADERS ("tier", "priority", "priority tier") },
  { BO_FIELD_SHIP_COMPLETE, BO_NEED_OPTIONAL, HEADERS ("ship complete") },
  { BO_FIELD_EXTERNAL_REF, BO_NEED_OPTIONAL,
    HEADERS ("customer id", "id", "external ref", "external reference", "reference") },
};

static gboolean
read_customers (BoImportContext  *ctx,
                GError          **error)
{
  GError *local_error = NULL;

  if (!_bo_import_load_customers (ctx, error))
    return FALSE;

  while (_bo_import_next_row (ctx, &local_error))
    {
      BoImportCustomer *c = bo_import_customer_new ();
      gint64 tier;

      c->row = ctx->row;
      c->name = _bo_import_dup (ctx, BO_FIELD_NAME);
      c->email = _bo_import_dup (ctx, BO_FIELD_EMAIL);
      c->address = compose_address (ctx);
      c->external_ref = _bo_import_dup (ctx, BO_FIELD_EXTERNAL_REF);
      if (_bo_import_get_count (ctx, BO_FIELD_TIER, 9, &tier))
        c->tier = tier;
      _bo_import_get_bool (ctx, BO_FIELD_SHIP_COMPLETE, &c->ship_complete);
      if (c->name == NULL)
        {
          _bo_import_problem (ctx, BO_IMPORT_ERROR, BO_FIELD_NAME, _("the customer has no name"));
          bo_import_customer_free (c);
          continue;
        }
      _bo_import_add_customer (ctx, c);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

const BoFormatSpec _bo_import_csv_customers = {
  BO_IMPORT_CSV_CUSTOMERS, "csv-customers", N_("CSV file of customers"),
  customer_columns, G_N_ELEMENTS (customer_columns), NULL, read_customers,
};

/* ---- suppliers ----------------------------------------------------------------------- */

static const BoColumnSpec supplier_columns[] = {
  { BO_FIELD_NAME, BO_NEED_REQUIRED,
    HEADERS ("name", "supplier", "supplier name", "company name", "company", "vendor") },
  { BO_FIELD_EMAIL, BO_NEED_OPTIONAL, HEADERS ("email", "e mail", "email address", "mail") },
  { BO_FIELD_LEAD_DAYS, BO_NEED_OPTIONAL,
    HEADERS ("lead time", "lead days", "lead time days", "delivery days", "delivery time") },
  { BO_FIELD_NOTES, BO_NEED_OPTIONAL, HEADERS ("notes", "note", "comments", "comment") },
};

static gboolean
read_suppliers (BoImportContext  *ctx,
                GError          **error)
{
  GError *local_error = NULL;

  if (!_bo_import_load_suppliers (ctx, error))
    return FALSE;

  while (_bo_import_next_row (ctx, &local_error))
    {
      BoImportSupplier *s = bo_import_supplier_new ();
      gint64 lead_days;

      s->row = ctx->row;
      s->name = _bo_import_dup (ctx, BO_FIELD_NAME);
      s->email = _bo_import_dup (ctx, BO_FIELD_EMAIL);
      s->notes = _bo_import_dup (ctx, BO_FIELD_NOTES);
      if (_bo_import_get_count (ctx, BO_FIELD_LEAD_DAYS, 365, &lead_days))
        s->lead_days = lead_days;
      if (s->email != NULL && strchr (s->email, '@') == NULL)
        _bo_import_problem (ctx, BO_IMPORT_ERROR, BO_FIELD_EMAIL,
                            _("“%s” is not an email address"), s->email);
      _bo_import_add_supplier (ctx, s);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

const BoFormatSpec _bo_import_csv_suppliers = {
  BO_IMPORT_CSV_SUPPLIERS, "csv-suppliers", N_("CSV file of suppliers"),
  supplier_columns, G_N_ELEMENTS (supplier_columns), NULL, read_suppliers,
};

/* ---- orders -------------------------------------------------------------------------- */

static const BoColumnSpec order_columns[] = {
  { BO_FIELD_ORDER_NUMBER, BO_NEED_REQUIRED,
    HEADERS ("order", "order number", "order no", "order id", "number") },
  { BO_FIELD_SKU, BO_NEED_REQUIRED,
    HEADERS ("sku", "product sku", "item sku", "product code", "item code") },
  { BO_FIELD_QUANTITY, BO_NEED_REQUIRED,
    HEADERS ("quantity", "qty", "units", "quantity ordered", "ordered") },
  { BO_FIELD_CUSTOMER, BO_NEED_OPTIONAL, HEADERS ("customer", "customer name", "name") },
  { BO_FIELD_CUSTOMER_EMAIL, BO_NEED_OPTIONAL,
    HEADERS ("email", "customer email", "e mail", "email address") },
  { BO_FIELD_PLACED_AT, BO_NEED_OPTIONAL,
    HEADERS ("date", "order date", "placed", "placed at", "created at", "created") },
  { BO_FIELD_UNIT_PRICE, BO_NEED_OPTIONAL, HEADERS ("unit price", "price") },
  { BO_FIELD_SHIPPED, BO_NEED_OPTIONAL,
    HEADERS ("shipped", "quantity shipped", "shipped quantity", "qty shipped") },
  { BO_FIELD_EXTERNAL_REF, BO_NEED_OPTIONAL,
    HEADERS ("external ref", "external reference", "reference") },
  { BO_FIELD_NOTES, BO_NEED_OPTIONAL, HEADERS ("notes", "note", "comments") },
};

typedef struct
{
  BoImportOrder    *order;
  BoImportCustomer *customer;
  char             *unmatched;
  gboolean          bad;
} PendingOrder;

static void
pending_free (gpointer data)
{
  PendingOrder *p = data;

  bo_import_order_free (p->order);
  bo_import_customer_free (p->customer);
  g_free (p->unmatched);
  g_free (p);
}

static gboolean
read_orders (BoImportContext  *ctx,
             GError          **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (pending_free);
  g_autoptr(GHashTable) by_number = g_hash_table_new (g_str_hash, g_str_equal);
  GError *local_error = NULL;

  if (!_bo_import_load_products (ctx, error) || !_bo_import_load_customers (ctx, error))
    return FALSE;
  if (!_bo_import_has (ctx, BO_FIELD_CUSTOMER) && !_bo_import_has (ctx, BO_FIELD_CUSTOMER_EMAIL))
    {
      _bo_import_row_problem (ctx, BO_IMPORT_ERROR, 1,
                              _("no column gives the customer (a header such as “customer” or "
                                "“email”)"));
      return TRUE;
    }

  /* The lines of an order may be anywhere in the file. */
  while (_bo_import_next_row (ctx, &local_error))
    {
      g_autofree char *number = _bo_import_dup (ctx, BO_FIELD_ORDER_NUMBER);
      g_autofree char *sku = _bo_import_dup (ctx, BO_FIELD_SKU);
      g_autofree char *name = _bo_import_dup (ctx, BO_FIELD_CUSTOMER);
      g_autofree char *email = _bo_import_dup (ctx, BO_FIELD_CUSTOMER_EMAIL);
      gint64 quantity, price, shipped;
      PendingOrder *p;

      if (number == NULL)
        {
          _bo_import_problem (ctx, BO_IMPORT_ERROR, BO_FIELD_ORDER_NUMBER,
                              _("the row has no order number"));
          continue;
        }
      if ((p = g_hash_table_lookup (by_number, number)) == NULL)
        {
          g_autofree char *ref = _bo_import_dup (ctx, BO_FIELD_EXTERNAL_REF);

          p = g_new0 (PendingOrder, 1);
          p->order = bo_import_order_new ();
          p->order->row = ctx->row;
          p->order->number = g_strdup (number);
          p->order->external_ref = g_strconcat ("csv:", ref != NULL ? ref : number, NULL);
          p->order->notes = _bo_import_dup (ctx, BO_FIELD_NOTES);
          p->bad = !_bo_import_get_time (ctx, BO_FIELD_PLACED_AT, &p->order->placed_at);
          p->customer = bo_import_customer_new ();
          p->customer->row = ctx->row;
          p->customer->create_only = TRUE;
          p->customer->name = g_strdup (name != NULL ? name : email);
          p->customer->email = g_strdup (email);
          if (name == NULL && email == NULL)
            {
              _bo_import_problem (ctx, BO_IMPORT_ERROR,
                                  _bo_import_has (ctx, BO_FIELD_CUSTOMER) ? BO_FIELD_CUSTOMER
                                                                          : BO_FIELD_CUSTOMER_EMAIL,
                                  _("order %s has no customer"), number);
              p->bad = TRUE;
            }
          g_ptr_array_add (pending, p);
          g_hash_table_insert (by_number, p->order->number, p);
        }
      else if ((name != NULL && g_strcmp0 (name, p->customer->name) != 0 && email == NULL) ||
               (email != NULL && g_strcmp0 (email, p->customer->email) != 0))
        {
          _bo_import_problem (ctx, BO_IMPORT_ERROR,
                              email != NULL ? BO_FIELD_CUSTOMER_EMAIL : BO_FIELD_CUSTOMER,
                              _("order %s belongs to another customer in row %" PRIu64),
                              number, p->order->row);
          p->bad = TRUE;
          continue;
        }

      if (!_bo_import_get_count (ctx, BO_FIELD_QUANTITY, MAX_QUANTITY, &quantity) ||
          !_bo_import_get_money (ctx, BO_FIELD_UNIT_PRICE, &price) ||
          !_bo_import_get_count (ctx, BO_FIELD_SHIPPED, MAX_QUANTITY, &shipped))
        {
          p->bad = TRUE;
          continue;
        }
      if (sku == NULL || quantity <= 0)
        {
          _bo_import_problem (ctx, BO_IMPORT_ERROR, sku == NULL ? BO_FIELD_SKU : BO_FIELD_QUANTITY,
                              _("an order line needs a SKU and a quantity of at least 1"));
          p->bad = TRUE;
          continue;
        }
      if (shipped > quantity)
        {
          _bo_import_problem (ctx, BO_IMPORT_ERROR, BO_FIELD_SHIPPED,
                              _("%" PRId64 " shipped of %" PRId64 " ordered"),
                              shipped, quantity);
          p->bad = TRUE;
          continue;
        }
      if (_bo_import_find_product (ctx, sku, NULL) == NULL)
        {
          _bo_import_problem (ctx, BO_IMPORT_WARNING, BO_FIELD_SKU,
                              _("the shop has no product with SKU “%s”; order %s is skipped"),
                              sku, number);
          if (p->unmatched == NULL)
            p->unmatched = g_strdup (sku);
          continue;
        }
      bo_import_order_add_line (p->order, ctx->row, sku, quantity, price, MAX (shipped, 0));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; i < pending->len; i++)
    {
      PendingOrder *p = g_ptr_array_index (pending, i);
      g_autofree char *label = g_strdup (p->customer->name);
      guint index;

      if (p->bad)
        continue;
      if (p->unmatched != NULL)
        {
          g_autofree char *reason = g_strdup_printf (_("“%s” is not in the shop"), p->unmatched);

          _bo_import_skip (ctx, BO_IMPORT_RECORD_ORDER, p->order->row, p->order->number, label,
                           reason);
          continue;
        }
      if ((index = _bo_import_add_customer (ctx, g_steal_pointer (&p->customer))) == G_MAXUINT)
        continue;
      p->order->customer = index;
      _bo_import_add_order (ctx, g_steal_pointer (&p->order), label);
    }
  return TRUE;
}

const BoFormatSpec _bo_import_csv_orders = {
  BO_IMPORT_CSV_ORDERS, "csv-orders", N_("CSV file of orders"),
  order_columns, G_N_ELEMENTS (order_columns), NULL, read_orders,
};
