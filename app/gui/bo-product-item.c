/* bo-product-item.c — a product as a row of a list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The properties are what the columns show, already formatted for the
 * user's locale, so that the .ui files bind them with plain lookups.
 */
#define G_LOG_DOMAIN "bo-product-item"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-format.h"
#include "bo-product-item.h"

struct _BoProductItem
{
  GObject    parent_instance;

  BoProduct *product;
  char      *currency;
};

G_DEFINE_FINAL_TYPE (BoProductItem, bo_product_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SKU,
  PROP_NAME,
  PROP_LOCATION,
  PROP_ON_HAND,
  PROP_ALLOCATED,
  PROP_AVAILABLE,
  PROP_BACKORDERED,
  PROP_INCOMING,
  PROP_PRICE,
  PROP_POLICY,
  PROP_LOW_STOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
policy_label (const BoProduct *p)
{
  if (p->discontinued)
    return _("Discontinued");
  switch (p->backorder_policy)
    {
    case BO_BACKORDER_DENY:
      return _("No backorders");
    case BO_BACKORDER_ALLOW_IF_INCOMING:
      return _("If incoming");
    case BO_BACKORDER_ALLOW:
    default:
      return _("Backorders");
    }
}

static void
bo_product_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BoProductItem *self = BO_PRODUCT_ITEM (object);
  const BoProduct *p = self->product;

  if (p == NULL)
    {
      if (G_VALUE_HOLDS_STRING (value))
        g_value_set_string (value, "");
      return;
    }
  switch (prop_id)
    {
    case PROP_SKU:
      g_value_set_string (value, p->sku);
      break;
    case PROP_NAME:
      g_value_set_string (value, p->name);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, p->location);
      break;
    case PROP_ON_HAND:
      g_value_take_string (value, bo_format_quantity (p->on_hand));
      break;
    case PROP_ALLOCATED:
      g_value_take_string (value, bo_format_quantity (p->allocated));
      break;
    case PROP_AVAILABLE:
      g_value_take_string (value, bo_format_quantity (p->on_hand - p->allocated));
      break;
    case PROP_BACKORDERED:
      g_value_take_string (value, bo_format_quantity (p->backordered));
      break;
    case PROP_INCOMING:
      g_value_take_string (value, bo_format_quantity (p->incoming));
      break;
    case PROP_PRICE:
      g_value_take_string (value, bo_format_money (p->price, self->currency));
      break;
    case PROP_POLICY:
      g_value_set_string (value, policy_label (p));
      break;
    case PROP_LOW_STOCK:
      g_value_set_boolean (value, p->on_hand - p->allocated <= p->reorder_point);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_product_item_finalize (GObject *object)
{
  BoProductItem *self = BO_PRODUCT_ITEM (object);

  g_clear_pointer (&self->product, bo_product_free);
  g_free (self->currency);

  G_OBJECT_CLASS (bo_product_item_parent_class)->finalize (object);
}

static void
bo_product_item_class_init (BoProductItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bo_product_item_finalize;
  object_class->get_property = bo_product_item_get_property;

  properties[PROP_SKU] = g_param_spec_string ("sku", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, flags);
  properties[PROP_ON_HAND] = g_param_spec_string ("on-hand", NULL, NULL, NULL, flags);
  properties[PROP_ALLOCATED] = g_param_spec_string ("allocated", NULL, NULL, NULL, flags);
  properties[PROP_AVAILABLE] = g_param_spec_string ("available", NULL, NULL, NULL, flags);
  properties[PROP_BACKORDERED] = g_param_spec_string ("backordered", NULL, NULL, NULL, flags);
  properties[PROP_INCOMING] = g_param_spec_string ("incoming", NULL, NULL, NULL, flags);
  properties[PROP_PRICE] = g_param_spec_string ("price", NULL, NULL, NULL, flags);
  properties[PROP_POLICY] = g_param_spec_string ("policy", NULL, NULL, NULL, flags);
  properties[PROP_LOW_STOCK] = g_param_spec_boolean ("low-stock", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bo_product_item_init (BoProductItem *self)
{
}

/**
 * bo_product_item_new:
 * @product: (transfer full): the product
 * @currency: (nullable): the shop currency, for prices
 */
BoProductItem *
bo_product_item_new (BoProduct  *product,
                     const char *currency)
{
  BoProductItem *self = g_object_new (BO_TYPE_PRODUCT_ITEM, NULL);

  self->product = product;
  self->currency = g_strdup (currency);
  return self;
}

/**
 * bo_product_item_get_product:
 *
 * Returns: (transfer none) (nullable): the product
 */
const BoProduct *
bo_product_item_get_product (BoProductItem *self)
{
  g_return_val_if_fail (BO_IS_PRODUCT_ITEM (self), NULL);
  return self->product;
}
