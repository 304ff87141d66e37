/* bo-import-shopify.c — Shopify's products, inventory and orders exports
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A Shopify product is a handle with variants; Backorders keeps one product
 * per variant. Shopify identifies a variant by its handle and option values,
 * and most shops leave the SKU empty, so the variant's reference here is
 * "shopify:HANDLE/OPTION1/OPTION2/OPTION3", and a variant without a SKU
 * gets one made of its handle and options ("ocean-blue-shirt-xl"). The
 * inventory export names variants the same way, so its rows find the
 * products of a products export. A variant's name is "Title - Option1 /
 * Option2", which is how Shopify names the line items of orders: line items
 * without a SKU are found by that name.
 */
#define G_LOG_DOMAIN "bo-import"

#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bo-import-private.h"

#define HEADERS(...) ((const char *const[]) { __VA_ARGS__, NULL })

/* Shopify's value of Option1 for a product without options. */
#define DEFAULT_TITLE "Default Title"

/* ---- variants ----------------------------------------------------------------------- */

typedef struct
{
  char *handle;
  char *options[3];  /* NULL when empty or "Default Title" */
} Variant;

static void
variant_clear (Variant *v)
{
  g_clear_pointer (&v->handle, g_free);
  for (guint i = 0; i < 3; i++)
    g_clear_pointer (&v->options[i], g_free);
}

static void
read_variant (BoImportContext *ctx,
              Variant         *v)
{
  static const BoField option_fields[] = { BO_FIELD_OPTION1, BO_FIELD_OPTION2, BO_FIELD_OPTION3 };

  variant_clear (v);
  v->handle = _bo_import_dup (ctx, BO_FIELD_HANDLE);
  for (guint i = 0; i < 3; i++)
    {
      v->options[i] = _bo_import_dup (ctx, option_fields[i]);
      if (g_strcmp0 (v->options[i], DEFAULT_TITLE) == 0)
        g_clear_pointer (&v->options[i], g_free);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Variant, variant_clear)

/* Whether a products row is a variant's: rows that only add an image to
 * the product leave these columns empty. */
static gboolean
names_variant (BoImportContext *ctx)
{
  static const BoField fields[] = {
    BO_FIELD_OPTION1, BO_FIELD_SKU, BO_FIELD_PRICE, BO_FIELD_STOCK,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = _bo_import_get (ctx, fields[i]);

      while (g_ascii_isspace (*value))
        value++;
      if (*value != '\0')
        return TRUE;
    }
  return FALSE;
}

static char *
join_options (const Variant *v,
              const char    *separator)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 3; i++)
    if (v->options[i] != NULL)
      g_string_append_printf (text, "%s%s", text->len > 0 ? separator : "", v->options[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
variant_ref (const Variant *v)
{
  g_autofree char *options = join_options (v, "/");

  return *options != '\0' ? g_strconcat ("shopify:", v->handle, "/", options, NULL)
                          : g_strconcat ("shopify:", v->handle, NULL);
}

/* A SKU for a variant that has none: its handle and option values. Kept
 * within the 100 characters of a SKU by a hash of the whole. */
static char *
variant_sku (const Variant *v)
{
  g_autofree char *options = join_options (v, " ");
  g_autofree char *slug = _bo_import_slug (options);
  g_autofree char *handle = _bo_import_slug (v->handle);
  g_autofree char *sku = *slug != '\0' ? g_strconcat (handle, "-", slug, NULL) : g_strdup (handle);

  if (g_utf8_strlen (sku, -1) > 100)
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, sku, -1);
      g_autofree char *start = g_utf8_substring (sku, 0, 91);

      hash[8] = '\0';
      return g_strconcat (start, "-", hash, NULL);
    }
  return g_steal_pointer (&sku);
}

static char *
variant_name (const char    *title,
              const Variant *v)
{
  g_autofree char *options = join_options (v, " / ");

  if (*options == '\0')
    return g_strdup (title);
  return g_strconcat (title, " - ", options, NULL);
}

/* ---- products ----------------------------------------------------------------------- */

static const BoColumnSpec product_columns[] = {
  { BO_FIELD_HANDLE, BO_NEED_REQUIRED, HEADERS ("handle", "url handle") },
  { BO_FIELD_NAME, BO_NEED_WANTED, HEADERS ("title") },
  { BO_FIELD_SKU, BO_NEED_OPTIONAL, HEADERS ("variant sku", "sku") },
  { BO_FIELD_OPTION1, BO_NEED_OPTIONAL, HEADERS ("option1 value", "option 1 value") },
  { BO_FIELD_OPTION2, BO_NEED_OPTIONAL, HEADERS ("option2 value", "option 2 value") },
  { BO_FIELD_OPTION3, BO_NEED_OPTIONAL, HEADERS ("option3 value", "option 3 value") },
  { BO_FIELD_STOCK, BO_NEED_WANTED,
    HEADERS ("variant inventory qty", "inventory quantity", "variant inventory quantity") },
  { BO_FIELD_BACKORDER_POLICY, BO_NEED_WANTED,
    HEADERS ("variant inventory policy", "continue selling when out of stock") },
  { BO_FIELD_PRICE, BO_NEED_OPTIONAL, HEADERS ("variant price", "price") },
  { BO_FIELD_COST, BO_NEED_OPTIONAL, HEADERS ("cost per item", "variant cost") },
  { BO_FIELD_STATUS, BO_NEED_OPTIONAL, HEADERS ("status") },
  { BO_FIELD_GIFT_CARD, BO_NEED_OPTIONAL, HEADERS ("gift card") },
};

static const char *const product_ignored[] = {
  "body html", "description", "vendor", "type", "product category", "standardized product type",
  "custom product type", "tags", "published", "published on online store", "option* name",
  "option* linked to", "variant grams", "weight value grams", "variant inventory tracker",
  "inventory tracker", "variant fulfillment service", "fulfillment service",
  "variant compare at price", "compare at price", "variant requires shipping",
  "requires shipping", "variant taxable", "charge tax", "variant barcode", "barcode",
  "image src", "product image url", "image position", "image alt text", "seo title",
  "seo description", "google shopping*", "variant image", "variant image url",
  "variant weight unit", "weight unit for display", "variant tax code", "tax code",
  "included *", "price *", "compare at price *", "unit price*", "color product*", NULL
};

static gboolean
read_products (BoImportContext  *ctx,
               GError          **error)
{
  g_autofree char *handle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *example = NULL;
  int gift_card = -1;
  int discontinued = -1;
  guint made_up = 0;
  GError *local_error = NULL;

  if (!_bo_import_load_products (ctx, error) || !_bo_import_load_suppliers (ctx, error))
    return FALSE;

  while (_bo_import_next_row (ctx, &local_error))
    {
      g_auto(Variant) v = { 0 };
      g_autoptr(BoImportProduct) p = NULL;
      g_autofree char *status = NULL;
      int flag;

      read_variant (ctx, &v);
      if (v.handle == NULL)
        {
          _bo_import_problem (ctx, BO_IMPORT_ERROR, BO_FIELD_HANDLE,
                              _("the row has no handle; which product is it?"));
          continue;
        }
      /* The first row of a handle carries the product's columns. */
      if (g_strcmp0 (handle, v.handle) != 0)
        {
          g_free (handle);
          handle = g_strdup (v.handle);
          g_free (title);
          title = _bo_import_dup (ctx, BO_FIELD_NAME);
          gift_card = -1;
          discontinued = -1;
          if (_bo_import_get_bool (ctx, BO_FIELD_GIFT_CARD, &flag))
            gift_card = flag;
          if ((status = _bo_import_dup (ctx, BO_FIELD_STATUS)) != NULL)
            discontinued = g_ascii_strcasecmp (status, "archived") == 0;
        }

      /* Rows of further images name no variant. */
      if (!names_variant (ctx))
        continue;

      p = bo_import_product_new ();
      p->row = ctx->row;
      p->external_ref = variant_ref (&v);
      if (gift_card == 1)
        {
          _bo_import_skip (ctx, BO_IMPORT_RECORD_PRODUCT, ctx->row, p->external_ref, title,
                           _("a gift card is not a stocked product"));
          continue;
        }
      p->sku = _bo_import_dup (ctx, BO_FIELD_SKU);
      if (p->sku == NULL)
        {
          p->sku = variant_sku (&v);
          if (made_up++ == 0)
            example = g_strdup (p->sku);
        }
      p->name = variant_name (title != NULL ? title : v.handle, &v);
      p->discontinued = discontinued;
      _bo_import_get_count (ctx, BO_FIELD_STOCK, G_GINT64_CONSTANT (1000000000), &p->on_hand);
      _bo_import_get_policy (ctx, BO_FIELD_BACKORDER_POLICY, &p->backorder_policy);
      _bo_import_get_money (ctx, BO_FIELD_PRICE, &p->price);
      _bo_import_get_money (ctx, BO_FIELD_COST, &p->cost);
      _bo_import_add_product (ctx, g_steal_pointer (&p));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (made_up > 0)
    _bo_import_row_problem (ctx, BO_IMPORT_WARNING, 0,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u variant has no SKU; its SKU is made of its handle "
                                         "and options, like “%s”",
                                         "%u variants have no SKU; their SKUs are made of their "
                                         "handles and options, like “%s”", made_up),
                            made_up, example);
  return TRUE;
}

const BoFormatSpec _bo_import_shopify_products = {
  BO_IMPORT_SHOPIFY_PRODUCTS, "shopify-products", N_("Shopify products export"),
  product_columns, G_N_ELEMENTS (product_columns), product_ignored, read_products,
};

/* ---- inventory ---------------------------------------------------------------------- */

static const BoColumnSpec inventory_columns[] = {
  { BO_FIELD_HANDLE, BO_NEED_REQUIRED, HEADERS ("handle", "url handle") },
  { BO_FIELD_NAME, BO_NEED_OPTIONAL, HEADERS ("title") },
  { BO_FIELD_SKU, BO_NEED_OPTIONAL, HEADERS ("sku", "variant sku") },
  { BO_FIELD_OPTION1, BO_NEED_OPTIONAL, HEADERS ("option1 value", "option 1 value") },
  { BO_FIELD_OPTION2, BO_NEED_OPTIONAL, HEADERS ("option2 value", "option 2 value") },
  { BO_FIELD_OPTION3, BO_NEED_OPTIONAL, HEADERS ("option3 value", "option 3 value") },
  { BO_FIELD_SHOP_LOCATION, BO_NEED_OPTIONAL, HEADERS ("location") },
  { BO_FIELD_STOCK, BO_NEED_REQUIRED, HEADERS ("on hand", "on hand current") },
  { BO_FIELD_ON_HAND_NEW, BO_NEED_OPTIONAL, HEADERS ("on hand new") },
  { BO_FIELD_AVAILABLE, BO_NEED_OPTIONAL, HEADERS ("available", "available not editable") },
  { BO_FIELD_COMMITTED, BO_NEED_OPTIONAL, HEADERS ("committed", "committed not editable") },
  { BO_FIELD_INCOMING, BO_NEED_OPTIONAL, HEADERS ("incoming", "incoming not editable") },
  { BO_FIELD_UNAVAILABLE, BO_NEED_OPTIONAL,
    HEADERS ("unavailable", "unavailable not editable") },
};

static const char *const inventory_ignored[] = {
  "option* name", "hs code", "coo", "bin name", "barcode", NULL
};

typedef struct
{
  guint64 row;
  char   *sku;
  char   *ref;
  char   *derived_sku;
  char   *label;
  gint64  on_hand;
  gint64  incoming;
  gboolean bad;      /* a value could not be read */
} Stock;

static void
stock_free (gpointer data)
{
  Stock *s = data;

  g_free (s->sku);
  g_free (s->ref);
  g_free (s->derived_sku);
  g_free (s->label);
  g_free (s);
}

static gboolean
not_stocked (BoImportContext *ctx,
             BoField          field)
{
  return g_ascii_strcasecmp (_bo_import_get (ctx, field), "not stocked") == 0;
}

/* Reads one location's row of a variant: its stock there, or -1. */
static gint64
read_location (BoImportContext *ctx,
               gint64          *incoming,
               gboolean        *bad)
{
  gint64 on_hand = -1, available, committed, unavailable;
  BoField field = BO_FIELD_STOCK;

  *incoming = 0;
  if (!not_stocked (ctx, BO_FIELD_ON_HAND_NEW) &&
      *_bo_import_get (ctx, BO_FIELD_ON_HAND_NEW) != '\0')
    field = BO_FIELD_ON_HAND_NEW;
  if (not_stocked (ctx, field))
    return 0;
  if (!_bo_import_get_count (ctx, field, G_GINT64_CONSTANT (1000000000), &on_hand))
    {
      *bad = TRUE;
      return -1;
    }
  if (!_bo_import_get_count (ctx, BO_FIELD_INCOMING, G_GINT64_CONSTANT (1000000000), incoming) ||
      !_bo_import_get_signed (ctx, BO_FIELD_AVAILABLE, &available) ||
      !_bo_import_get_signed (ctx, BO_FIELD_COMMITTED, &committed) ||
      !_bo_import_get_signed (ctx, BO_FIELD_UNAVAILABLE, &unavailable))
    *bad = TRUE;
  *incoming = MAX (*incoming, 0);
  /* Shopify's arithmetic: on hand = available + committed + unavailable.
   * When the row says otherwise, the count is in doubt. */
  if (!*bad && field == BO_FIELD_STOCK && on_hand >= 0 &&
      *_bo_import_get (ctx, BO_FIELD_AVAILABLE) != '\0' &&
      available + committed + unavailable != on_hand)
    _bo_import_problem (ctx, BO_IMPORT_WARNING, BO_FIELD_STOCK,
                        _("%" PRId64 " on hand, but available %" PRId64
                          " + committed %" PRId64 " + unavailable %" PRId64
                          " make %" PRId64 "; the on-hand count is imported"),
                        on_hand, available, committed, unavailable,
                        available + committed + unavailable);
  return on_hand;
}

static gboolean
read_inventory (BoImportContext  *ctx,
                GError          **error)
{
  g_autoptr(GPtrArray) stocks = g_ptr_array_new_with_free_func (stock_free);
  g_autoptr(GHashTable) by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  GError *local_error = NULL;
  gint64 incoming_units = 0;
  guint incoming_variants = 0;

  if (!_bo_import_load_products (ctx, error) || !_bo_import_load_suppliers (ctx, error))
    return FALSE;

  /* A variant has a row per location: add them up first. */
  while (_bo_import_next_row (ctx, &local_error))
    {
      g_auto(Variant) v = { 0 };
      g_autofree char *ref = NULL;
      gint64 incoming, on_hand;
      gboolean bad = FALSE;
      Stock *s;

      read_variant (ctx, &v);
      if (v.handle == NULL)
        {
          _bo_import_problem (ctx, BO_IMPORT_ERROR, BO_FIELD_HANDLE,
                              _("the row has no handle; which product is it?"));
          continue;
        }
      ref = variant_ref (&v);
      on_hand = read_location (ctx, &incoming, &bad);
      if ((s = g_hash_table_lookup (by_ref, ref)) == NULL)
        {
          g_autofree char *title = _bo_import_dup (ctx, BO_FIELD_NAME);

          s = g_new0 (Stock, 1);
          s->row = ctx->row;
          s->ref = g_steal_pointer (&ref);
          s->sku = _bo_import_dup (ctx, BO_FIELD_SKU);
          s->derived_sku = variant_sku (&v);
          s->label = variant_name (title != NULL ? title : v.handle, &v);
          g_ptr_array_add (stocks, s);
          g_hash_table_insert (by_ref, s->ref, s);
        }
      s->bad |= bad;
      s->on_hand += MAX (on_hand, 0);
      s->incoming += incoming;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; i < stocks->len; i++)
    {
      Stock *s = g_ptr_array_index (stocks, i);
      const BoProduct *existing = _bo_import_find_product (ctx, s->sku, s->ref);
      BoImportProduct *p;

      if (existing == NULL && s->sku == NULL)
        existing = _bo_import_find_product (ctx, s->derived_sku, NULL);
      if (existing == NULL)
        {
          _bo_import_row_problem (ctx, BO_IMPORT_WARNING, s->row,
                                  _("the shop has no product “%s”; import the products export "
                                    "first"), s->label);
          _bo_import_skip (ctx, BO_IMPORT_RECORD_PRODUCT, s->row,
                           s->sku != NULL ? s->sku : s->derived_sku, s->label,
                           _("not in the shop"));
          continue;
        }
      if (s->bad)
        continue;
      if (s->incoming > 0)
        {
          incoming_variants++;
          incoming_units += s->incoming;
        }
      p = bo_import_product_new ();
      p->row = s->row;
      p->sku = g_strdup (existing->sku);
      p->on_hand = s->on_hand;
      _bo_import_add_product (ctx, p);
    }
  if (incoming_variants > 0)
    _bo_import_row_problem (ctx, BO_IMPORT_WARNING, 0,
                            _("Shopify expects %" PRId64 " units of %u variants to "
                              "arrive; Backorders promises dates from purchase orders: enter "
                              "them as purchase orders with their ETA"),
                            incoming_units, incoming_variants);
  return TRUE;
}

const BoFormatSpec _bo_import_shopify_inventory = {
  BO_IMPORT_SHOPIFY_INVENTORY, "shopify-inventory", N_("Shopify inventory export"),
  inventory_columns, G_N_ELEMENTS (inventory_columns), inventory_ignored, read_inventory,
};

/* ---- orders ------------------------------------------------------------------------- */

static const BoColumnSpec order_columns[] = {
  { BO_FIELD_ORDER_NUMBER, BO_NEED_REQUIRED, HEADERS ("name", "order name", "order") },
  { BO_FIELD_QUANTITY, BO_NEED_REQUIRED, HEADERS ("lineitem quantity") },
  { BO_FIELD_LINE_NAME, BO_NEED_REQUIRED, HEADERS ("lineitem name") },
  { BO_FIELD_SKU, BO_NEED_WANTED, HEADERS ("lineitem sku") },
  { BO_FIELD_UNIT_PRICE, BO_NEED_OPTIONAL, HEADERS ("lineitem price") },
  { BO_FIELD_LINE_FULFILLMENT, BO_NEED_OPTIONAL, HEADERS ("lineitem fulfillment status") },
  { BO_FIELD_REQUIRES_SHIPPING, BO_NEED_OPTIONAL, HEADERS ("lineitem requires shipping") },
  { BO_FIELD_PLACED_AT, BO_NEED_WANTED, HEADERS ("created at") },
  { BO_FIELD_CUSTOMER_EMAIL, BO_NEED_OPTIONAL, HEADERS ("email") },
  { BO_FIELD_FINANCIAL_STATUS, BO_NEED_OPTIONAL, HEADERS ("financial status") },
  { BO_FIELD_FULFILLMENT, BO_NEED_OPTIONAL, HEADERS ("fulfillment status") },
  { BO_FIELD_FULFILLED_AT, BO_NEED_OPTIONAL, HEADERS ("fulfilled at") },
  { BO_FIELD_CANCELLED_AT, BO_NEED_OPTIONAL, HEADERS ("cancelled at") },
  { BO_FIELD_BILLING_NAME, BO_NEED_OPTIONAL, HEADERS ("billing name") },
  { BO_FIELD_SHIPPING_NAME, BO_NEED_OPTIONAL, HEADERS ("shipping name") },
  { BO_FIELD_ADDRESS, BO_NEED_OPTIONAL, HEADERS ("shipping address1") },
  { BO_FIELD_SHIPPING_ADDRESS2, BO_NEED_OPTIONAL, HEADERS ("shipping address2") },
  { BO_FIELD_CITY, BO_NEED_OPTIONAL, HEADERS ("shipping city") },
  { BO_FIELD_ZIP, BO_NEED_OPTIONAL, HEADERS ("shipping zip") },
  { BO_FIELD_PROVINCE, BO_NEED_OPTIONAL, HEADERS ("shipping province") },
  { BO_FIELD_COUNTRY, BO_NEED_OPTIONAL, HEADERS ("shipping country") },
  { BO_FIELD_NOTES, BO_NEED_OPTIONAL, HEADERS ("notes") },
  { BO_FIELD_ID, BO_NEED_OPTIONAL, HEADERS ("id") },
};

static const char *const order_ignored[] = {
  "paid at", "accepts marketing", "currency", "subtotal", "shipping", "taxes", "total",
  "discount code", "discount amount", "shipping method", "lineitem compare at price",
  "lineitem taxable", "lineitem discount", "billing *", "shipping street", "shipping company",
  "shipping phone", "shipping province name", "note attributes", "payment *", "refunded amount",
  "vendor", "outstanding balance", "employee", "location", "device id", "tags", "risk level",
  "source", "tax *", "phone", "receipt number", "duties", "next payment due at", NULL
};

typedef struct
{
  BoImportOrder    *order;
  BoImportCustomer *customer;
  char             *number;
  char             *unmatched;    /* the first line not in the shop */
  guint             not_shipped;  /* lines that need no shipping (gift cards) */
  gboolean          cancelled;
  gboolean          bad;
} OrderGroup;

static void
group_clear (OrderGroup *g)
{
  g_clear_pointer (&g->order, bo_import_order_free);
  g_clear_pointer (&g->customer, bo_import_customer_free);
  g_clear_pointer (&g->number, g_free);
  g_clear_pointer (&g->unmatched, g_free);
  g->not_shipped = 0;
  g->cancelled = g->bad = FALSE;
}

static char *
compose_address (BoImportContext *ctx)
{
  static const BoField parts[] = {
    BO_FIELD_ADDRESS, BO_FIELD_SHIPPING_ADDRESS2, BO_FIELD_ZIP, BO_FIELD_CITY,
    BO_FIELD_PROVINCE, BO_FIELD_COUNTRY,
  };
  g_autoptr(GString) address = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = _bo_import_dup (ctx, parts[i]);

      if (part == NULL)
        continue;
      if (address->len > 0)
        g_string_append (address, parts[i] == BO_FIELD_CITY ? " " : ", ");
      g_string_append (address, part);
    }
  return address->len > 0 ? g_string_free (g_steal_pointer (&address), FALSE) : NULL;
}

/* The first row of an order: the order's own columns. */
static void
begin_order (BoImportContext *ctx,
             OrderGroup      *g)
{
  BoImportCustomer *c = bo_import_customer_new ();
  g_autofree char *id = _bo_import_dup (ctx, BO_FIELD_ID);
  g_autofree char *cancelled = _bo_import_dup (ctx, BO_FIELD_CANCELLED_AT);

  g->number = _bo_import_dup (ctx, BO_FIELD_ORDER_NUMBER);
  g->order = bo_import_order_new ();
  g->order->row = ctx->row;
  g->order->number = g_strdup (g->number);
  g->order->external_ref = g_strconcat ("shopify:order:", id != NULL ? id : g->number, NULL);
  g->order->notes = _bo_import_dup (ctx, BO_FIELD_NOTES);
  g->cancelled = cancelled != NULL;
  if (!_bo_import_get_time (ctx, BO_FIELD_PLACED_AT, &g->order->placed_at) ||
      !_bo_import_get_time (ctx, BO_FIELD_FULFILLED_AT, &g->order->shipped_at))
    g->bad = TRUE;

  c->row = ctx->row;
  c->create_only = TRUE;
  c->email = _bo_import_dup (ctx, BO_FIELD_CUSTOMER_EMAIL);
  c->name = _bo_import_dup (ctx, BO_FIELD_BILLING_NAME);
  if (c->name == NULL)
    c->name = _bo_import_dup (ctx, BO_FIELD_SHIPPING_NAME);
  c->address = compose_address (ctx);
  /* An order without anyone's name or address: Shopify's guest checkout. */
  if (c->email == NULL && c->name == NULL)
    {
      c->name = g_strdup (_("Guest (Shopify)"));
      c->external_ref = g_strdup ("shopify:guest");
    }
  g->customer = c;
}

static void
read_line (BoImportContext *ctx,
           OrderGroup      *g)
{
  g_autofree char *sku = _bo_import_dup (ctx, BO_FIELD_SKU);
  g_autofree char *name = _bo_import_dup (ctx, BO_FIELD_LINE_NAME);
  g_autofree char *fulfillment = _bo_import_dup (ctx, BO_FIELD_LINE_FULFILLMENT);
  const BoProduct *product = NULL;
  gint64 quantity, price, shipped = 0;
  int requires_shipping;
  gboolean ambiguous = FALSE;

  if (!_bo_import_get_bool (ctx, BO_FIELD_REQUIRES_SHIPPING, &requires_shipping) ||
      !_bo_import_get_count (ctx, BO_FIELD_QUANTITY, G_GINT64_CONSTANT (1000000000), &quantity) ||
      !_bo_import_get_money (ctx, BO_FIELD_UNIT_PRICE, &price))
    {
      g->bad = TRUE;
      return;
    }
  if (requires_shipping == 0)
    {
      g->not_shipped++;
      return;
    }
  if (quantity <= 0)
    {
      _bo_import_problem (ctx, BO_IMPORT_ERROR, BO_FIELD_QUANTITY,
                          _("a line item needs a quantity of at least 1"));
      g->bad = TRUE;
      return;
    }

  if (sku != NULL)
    product = _bo_import_find_product (ctx, sku, NULL);
  if (product == NULL && name != NULL)
    product = _bo_import_find_product_by_name (ctx, name, &ambiguous);
  if (product == NULL)
    {
      if (ambiguous)
        _bo_import_problem (ctx, BO_IMPORT_WARNING, BO_FIELD_LINE_NAME,
                            _("several products of the shop are called “%s”; give the line item "
                              "a SKU; order %s is skipped"), name, g->number);
      else if (sku != NULL)
        _bo_import_problem (ctx, BO_IMPORT_WARNING, BO_FIELD_SKU,
                            _("the shop has no product with SKU “%s” or called “%s”; order %s "
                              "is skipped"), sku, name != NULL ? name : "", g->number);
      else
        _bo_import_problem (ctx, BO_IMPORT_WARNING, BO_FIELD_LINE_NAME,
                            _("the line item has no SKU and the shop has no product called “%s”; "
                              "order %s is skipped"), name != NULL ? name : "", g->number);
      if (g->unmatched == NULL)
        g->unmatched = g_strdup (sku != NULL ? sku : name);
      return;
    }

  if (g_strcmp0 (fulfillment, "fulfilled") == 0)
    shipped = quantity;
  else if (g_strcmp0 (fulfillment, "partial") == 0)
    _bo_import_problem (ctx, BO_IMPORT_WARNING, BO_FIELD_LINE_FULFILLMENT,
                        _("partly fulfilled, but the export does not say how many units left; "
                          "all %" PRId64 " are imported as not shipped"), quantity);
  else if (fulfillment == NULL && !_bo_import_has (ctx, BO_FIELD_LINE_FULFILLMENT))
    {
      /* An export without line statuses: the order's status tells. */
      g_autofree char *status = _bo_import_dup (ctx, BO_FIELD_FULFILLMENT);

      if (g_strcmp0 (status, "fulfilled") == 0)
        shipped = quantity;
    }
  bo_import_order_add_line (g->order, ctx->row, product->sku, quantity, price, shipped);
}

static void
end_order (BoImportContext *ctx,
           OrderGroup      *g)
{
  g_autofree char *label = NULL;
  const char *key;
  guint index;

  if (g->order == NULL)
    return;
  key = g->number;
  label = g_strdup (g->customer->name != NULL ? g->customer->name : g->customer->email);
  if (g->bad)
    ;
  else if (g->cancelled)
    _bo_import_skip (ctx, BO_IMPORT_RECORD_ORDER, g->order->row, key, label,
                     _("cancelled in Shopify"));
  else if (g->unmatched != NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("“%s” is not in the shop"), g->unmatched);

      _bo_import_skip (ctx, BO_IMPORT_RECORD_ORDER, g->order->row, key, label, reason);
    }
  else if (g->order->lines->len == 0)
    _bo_import_skip (ctx, BO_IMPORT_RECORD_ORDER, g->order->row, key, label,
                     _("nothing to ship (gift cards or services only)"));
  else if ((index = _bo_import_add_customer (ctx, g_steal_pointer (&g->customer))) != G_MAXUINT)
    {
      g->order->customer = index;
      _bo_import_add_order (ctx, g_steal_pointer (&g->order), label);
    }
  group_clear (g);
}

static gboolean
read_orders (BoImportContext  *ctx,
             GError          **error)
{
  OrderGroup g = { 0 };
  GError *local_error = NULL;

  if (!_bo_import_load_products (ctx, error) || !_bo_import_load_customers (ctx, error))
    return FALSE;

  while (_bo_import_next_row (ctx, &local_error))
    {
      g_autofree char *number = _bo_import_dup (ctx, BO_FIELD_ORDER_NUMBER);

      if (number == NULL)
        {
          _bo_import_problem (ctx, BO_IMPORT_ERROR, BO_FIELD_ORDER_NUMBER,
                              _("the row has no order name; which order is it?"));
          continue;
        }
      /* Rows of one order follow each other; the first carries the order. */
      if (g_strcmp0 (number, g.number) != 0)
        {
          end_order (ctx, &g);
          begin_order (ctx, &g);
        }
      read_line (ctx, &g);
    }
  if (local_error == NULL)
    end_order (ctx, &g);
  group_clear (&g);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

const BoFormatSpec _bo_import_shopify_orders = {
  BO_IMPORT_SHOPIFY_ORDERS, "shopify-orders", N_("Shopify orders export"),
  order_columns, G_N_ELEMENTS (order_columns), order_ignored, read_orders,
};
