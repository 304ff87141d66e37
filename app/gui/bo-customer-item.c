/* bo-customer-item.c — a customer as a row of a list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The properties are what the columns show, already formatted for the
 * user's locale, so that the .ui files bind them with plain lookups.
 */
#define G_LOG_DOMAIN "bo-customer-item"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-customer-item.h"
#include "bo-format.h"

struct _BoCustomerItem
{
  GObject     parent_instance;

  BoCustomer *customer;
};

G_DEFINE_FINAL_TYPE (BoCustomerItem, bo_customer_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_EMAIL,
  PROP_TIER,
  PROP_SHIP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bo_customer_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BoCustomerItem *self = BO_CUSTOMER_ITEM (object);
  const BoCustomer *c = self->customer;

  if (c == NULL)
    {
      if (G_VALUE_HOLDS_STRING (value))
        g_value_set_string (value, "");
      return;
    }
  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, c->name);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, c->email);
      break;
    case PROP_TIER:
      g_value_take_string (value, bo_format_quantity (c->tier));
      break;
    case PROP_SHIP_COMPLETE:
      g_value_set_string (value, c->ship_complete ? C_("ship complete", "Yes")
                                                  : C_("ship complete", "No"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_customer_item_finalize (GObject *object)
{
  BoCustomerItem *self = BO_CUSTOMER_ITEM (object);

  g_clear_pointer (&self->customer, bo_customer_free);

  G_OBJECT_CLASS (bo_customer_item_parent_class)->finalize (object);
}

static void
bo_customer_item_class_init (BoCustomerItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bo_customer_item_finalize;
  object_class->get_property = bo_customer_item_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_TIER] = g_param_spec_string ("tier", NULL, NULL, NULL, flags);
  properties[PROP_SHIP_COMPLETE] = g_param_spec_string ("ship-complete", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bo_customer_item_init (BoCustomerItem *self)
{
}

/**
 * bo_customer_item_new:
 * @customer: (transfer full): the customer
 */
BoCustomerItem *
bo_customer_item_new (BoCustomer *customer)
{
  BoCustomerItem *self = g_object_new (BO_TYPE_CUSTOMER_ITEM, NULL);

  self->customer = customer;
  return self;
}

/**
 * bo_customer_item_get_customer:
 *
 * Returns: (transfer none) (nullable): the customer
 */
const BoCustomer *
bo_customer_item_get_customer (BoCustomerItem *self)
{
  g_return_val_if_fail (BO_IS_CUSTOMER_ITEM (self), NULL);
  return self->customer;
}
