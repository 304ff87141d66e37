/* bo-import-woocommerce.c — WooCommerce's products export, in any language
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WooCommerce writes its headers in the shop's language. The Portuguese
 * (Brazil) ones below come from a real export; the German, Spanish and
 * French ones follow WooCommerce's translations as far as they are known
 * here. A header not recognised is reported, and the caller's mapping
 * gives it its meaning.
 *
 * Simple products, variations and subscriptions are stocked products. A variable product
 * is the parent of its variations, a grouped product a list of others, an
 * external product is sold elsewhere: those rows are skipped. A product
 * without a SKU takes "wc-ID" from its WooCommerce ID; the reference
 * "woocommerce:ID" finds it again on the next import.
 */
#define G_LOG_DOMAIN "bo-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bo-import-private.h"

#define HEADERS(...) ((const char *const[]) { __VA_ARGS__, NULL })

static const BoColumnSpec columns[] = {
  { BO_FIELD_TYPE, BO_NEED_REQUIRED, HEADERS ("type", "tipo", "typ") },
  { BO_FIELD_ID, BO_NEED_OPTIONAL, HEADERS ("id") },
  { BO_FIELD_SKU, BO_NEED_WANTED, HEADERS ("sku", "ref", "artikelnummer", "ugs", "referencia") },
  { BO_FIELD_NAME, BO_NEED_WANTED, HEADERS ("name", "nome", "nombre", "nom") },
  { BO_FIELD_IN_STOCK, BO_NEED_OPTIONAL,
    HEADERS ("in stock", "em estoque", "en stock", "hay existencias", "vorratig", "auf lager") },
  { BO_FIELD_STOCK, BO_NEED_WANTED,
    HEADERS ("stock", "estoque", "lagerbestand", "inventario", "existencias") },
  { BO_FIELD_REORDER_POINT, BO_NEED_OPTIONAL,
    HEADERS ("low stock amount", "quantidade de estoque baixo", "geringe lagermenge",
             "cantidad de inventario bajo", "quantite de stock faible") },
  { BO_FIELD_BACKORDER_POLICY, BO_NEED_WANTED,
    HEADERS ("backorders allowed", "sao permitidas encomendas", "lieferruckstande erlaubt",
             "permitir reservas de productos agotados", "autoriser les commandes en reassort") },
  { BO_FIELD_PRICE, BO_NEED_OPTIONAL,
    HEADERS ("regular price", "preco", "regularer preis", "precio normal", "tarif regulier") },
  { BO_FIELD_PARENT, BO_NEED_OPTIONAL,
    HEADERS ("parent", "produto ascendente", "ubergeordnetes produkt", "superior") },
  { BO_FIELD_ATTRIBUTE1, BO_NEED_OPTIONAL,
    HEADERS ("attribute 1 value s", "valores do atributo 1", "attribut 1 wert e",
             "valor es del atributo 1") },
  { BO_FIELD_ATTRIBUTE2, BO_NEED_OPTIONAL,
    HEADERS ("attribute 2 value s", "valores do atributo 2", "attribut 2 wert e",
             "valor es del atributo 2") },
  { BO_FIELD_ATTRIBUTE3, BO_NEED_OPTIONAL,
    HEADERS ("attribute 3 value s", "valores do atributo 3", "attribut 3 wert e",
             "valor es del atributo 3") },
};

static const char *const ignored[] = {
  "published", "publicado", "is featured", "em destaque", "visibility in catalog",
  "visibilidade no catalogo", "short description", "descricao curta", "description",
  "descricao", "date sale price *", "data de preco promocional *", "tax status",
  "status da taxa", "tax class", "classe de taxa", "sold individually",
  "vender individualmente", "weight *", "length *", "width *", "height *", "peso *",
  "comprimento *", "largura *", "altura *", "allow customer reviews",
  "permitir avaliacoes de clientes", "purchase note", "nota da compra", "sale price",
  "preco promocional", "categories", "categorias", "tags", "shipping class",
  "classe de entrega", "images", "imagens", "download *", "limite de download",
  "dias para expirar o download", "grouped products", "produtos agrupados", "upsells",
  "aumenta vendas", "cross sells", "venda cruzada", "external url", "url externa",
  "button text", "texto do botao", "position", "posicao", "attribute * name",
  "attribute * visible", "attribute * global", "attribute * default", "nome do atributo *",
  "visibilidade do atributo *", "atributo global *", "meta *", "metadado *", NULL
};

typedef enum
{
  KIND_STOCKED,
  KIND_VARIABLE,
  KIND_GROUPED,
  KIND_EXTERNAL,
  KIND_UNKNOWN,
} Kind;

/* "simple, downloadable, virtual": the first word is the type. */
static Kind
kind_of (const char *type,
         char      **main_type)
{
  g_auto(GStrv) words = g_strsplit (type != NULL ? type : "", ",", -1);

  *main_type = g_strstrip (g_strdup (words[0] != NULL ? words[0] : ""));
  /* WooCommerce Subscriptions' types are stocked the same way. */
  if (g_ascii_strcasecmp (*main_type, "simple") == 0 ||
      g_ascii_strcasecmp (*main_type, "variation") == 0 ||
      g_ascii_strcasecmp (*main_type, "subscription") == 0 ||
      g_ascii_strcasecmp (*main_type, "subscription_variation") == 0)
    return KIND_STOCKED;
  if (g_ascii_strcasecmp (*main_type, "variable") == 0 ||
      g_ascii_strcasecmp (*main_type, "variable-subscription") == 0)
    return KIND_VARIABLE;
  if (g_ascii_strcasecmp (*main_type, "grouped") == 0)
    return KIND_GROUPED;
  if (g_ascii_strcasecmp (*main_type, "external") == 0)
    return KIND_EXTERNAL;
  return KIND_UNKNOWN;
}

static char *
attribute_values (BoImportContext *ctx,
                  const char      *separator)
{
  static const BoField fields[] = { BO_FIELD_ATTRIBUTE1, BO_FIELD_ATTRIBUTE2, BO_FIELD_ATTRIBUTE3 };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = _bo_import_dup (ctx, fields[i]);

      if (value != NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? separator : "", value);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* "In stock?": 1, 0 or backorder. Returns -1 for an empty value, -2 for one
 * that is none of them (an error was added). */
static int
in_stock (BoImportContext *ctx)
{
  g_autofree char *value = _bo_import_dup (ctx, BO_FIELD_IN_STOCK);
  int yes;

  if (value == NULL)
    return -1;
  if (g_ascii_strcasecmp (value, "backorder") == 0 ||
      g_ascii_strcasecmp (value, "onbackorder") == 0)
    return 2;
  if (_bo_import_parse_bool (value, &yes))
    return yes;
  _bo_import_problem (ctx, BO_IMPORT_ERROR, BO_FIELD_IN_STOCK,
                      _("“%s” is not 1, 0 or backorder"), value);
  return -2;
}

static gboolean
read_products (BoImportContext  *ctx,
               GError          **error)
{
  /* Names of the rows read so far, by "id:ID" and by SKU, for variations
   * that have no name of their own. */
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *example = NULL;
  GError *local_error = NULL;
  guint made_up = 0, without_stock = 0;

  if (!_bo_import_load_products (ctx, error) || !_bo_import_load_suppliers (ctx, error))
    return FALSE;

  while (_bo_import_next_row (ctx, &local_error))
    {
      g_autoptr(BoImportProduct) p = bo_import_product_new ();
      g_autofree char *main_type = NULL;
      g_autofree char *type = _bo_import_dup (ctx, BO_FIELD_TYPE);
      g_autofree char *id = _bo_import_dup (ctx, BO_FIELD_ID);
      g_autofree char *sku = _bo_import_dup (ctx, BO_FIELD_SKU);
      g_autofree char *name = _bo_import_dup (ctx, BO_FIELD_NAME);
      g_autofree char *parent = _bo_import_dup (ctx, BO_FIELD_PARENT);
      g_autofree char *attributes = NULL;
      const char *label;
      Kind kind = kind_of (type, &main_type);
      gboolean had_sku;
      int stocked;

      if (name != NULL && id != NULL)
        g_hash_table_insert (names, g_strconcat ("id:", id, NULL), g_strdup (name));
      if (name != NULL && sku != NULL)
        g_hash_table_insert (names, g_strdup (sku), g_strdup (name));
      label = name != NULL ? name : sku != NULL ? sku : id;

      switch (kind)
        {
        case KIND_VARIABLE:
          _bo_import_skip (ctx, BO_IMPORT_RECORD_PRODUCT, ctx->row, sku, label,
                           _("a variable product: its variations are the products"));
          continue;
        case KIND_GROUPED:
          _bo_import_skip (ctx, BO_IMPORT_RECORD_PRODUCT, ctx->row, sku, label,
                           _("a grouped product: a list of other products"));
          continue;
        case KIND_EXTERNAL:
          _bo_import_skip (ctx, BO_IMPORT_RECORD_PRODUCT, ctx->row, sku, label,
                           _("an external product, sold by another shop"));
          continue;
        case KIND_UNKNOWN:
          _bo_import_problem (ctx, BO_IMPORT_WARNING, BO_FIELD_TYPE,
                              _("the type “%s” is not one Backorders stocks (simple, "
                                "variation or subscription); the row is skipped"), main_type);
          _bo_import_skip (ctx, BO_IMPORT_RECORD_PRODUCT, ctx->row, sku, label,
                           _("not a stocked product type"));
          continue;
        case KIND_STOCKED:
        default:
          break;
        }

      attributes = attribute_values (ctx, ", ");
      had_sku = sku != NULL;
      p->row = ctx->row;
      if (id != NULL)
        p->external_ref = g_strconcat ("woocommerce:", id, NULL);
      if (sku != NULL)
        p->sku = g_steal_pointer (&sku);
      else if (id != NULL)
        p->sku = g_strconcat ("wc-", id, NULL);
      else if (parent != NULL && attributes != NULL)
        {
          g_autofree char *slug = _bo_import_slug (attributes);
          const char *parent_key = g_str_has_prefix (parent, "id:") ? parent + 3 : parent;

          p->sku = g_strconcat (parent_key, "-", slug, NULL);
        }
      else
        {
          _bo_import_problem (ctx, BO_IMPORT_WARNING, BO_FIELD_SKU,
                              _("the product has neither a SKU nor an ID; the row is skipped"));
          _bo_import_skip (ctx, BO_IMPORT_RECORD_PRODUCT, ctx->row, NULL, label,
                           _("no SKU and no ID"));
          continue;
        }
      if (!had_sku && made_up++ == 0)
        example = g_strdup (p->sku);

      if (name != NULL)
        p->name = g_steal_pointer (&name);
      else if (parent != NULL)
        {
          const char *parent_name = g_hash_table_lookup (names, parent);

          if (parent_name == NULL)
            parent_name = parent;
          p->name = attributes != NULL ? g_strconcat (parent_name, " - ", attributes, NULL)
                                       : g_strdup (parent_name);
        }

      stocked = in_stock (ctx);
      _bo_import_get_count (ctx, BO_FIELD_STOCK, G_GINT64_CONSTANT (1000000000), &p->on_hand);
      _bo_import_get_count (ctx, BO_FIELD_REORDER_POINT, G_GINT64_CONSTANT (1000000000),
                            &p->reorder_point);
      _bo_import_get_policy (ctx, BO_FIELD_BACKORDER_POLICY, &p->backorder_policy);
      _bo_import_get_money (ctx, BO_FIELD_PRICE, &p->price);
      /* Without a "Backorders allowed?" value, "on backorder" says it. */
      if (p->backorder_policy < 0 && stocked == 2)
        p->backorder_policy = BO_BACKORDER_ALLOW;
      if (*_bo_import_get (ctx, BO_FIELD_STOCK) == '\0')
        without_stock++;
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
                                         "%u product has no SKU; it gets one from its ID (or "
                                         "its parent and attributes), like “%s”",
                                         "%u products have no SKU; they get one from their ID "
                                         "(or their parent and attributes), like “%s”", made_up),
                            made_up, example);
  if (without_stock > 0)
    _bo_import_row_problem (ctx, BO_IMPORT_WARNING, 0,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u product has no stock count (WooCommerce does not "
                                         "manage its stock): its stock is left as it is, 0 "
                                         "when new",
                                         "%u products have no stock count (WooCommerce does not "
                                         "manage their stock): their stock is left as it is, 0 "
                                         "when new", without_stock),
                            without_stock);
  return TRUE;
}

const BoFormatSpec _bo_import_woocommerce_products = {
  BO_IMPORT_WOOCOMMERCE_PRODUCTS, "woocommerce-products", N_("WooCommerce products export"),
  columns, G_N_ELEMENTS (columns), ignored, read_products,
};
