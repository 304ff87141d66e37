/* bo-order-item.c — an order as a row of a list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The properties are what the columns show, already formatted for the
 * user's locale, so that the .ui files bind them with plain lookups.
 */
#define G_LOG_DOMAIN "bo-order-item"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-format.h"
#include "bo-order-item.h"

struct _BoOrderItem
{
  GObject         parent_instance;

  /* owned */
  BoOrderSummary *summary;
  char           *currency;
};

G_DEFINE_FINAL_TYPE (BoOrderItem, bo_order_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_CUSTOMER,
  PROP_PLACED,
  PROP_ORDERED,
  PROP_SHIPPED,
  PROP_BACKORDERED,
  PROP_VALUE,
  PROP_TOTAL,
  PROP_PROMISED,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
status_label (const BoOrderSummary *s)
{
  /* Only part can ship when the rest still waits for stock. */
  if (s->ready && s->backordered > 0)
    return _("Partly ready");
  if (s->ready)
    return _("Ready to ship");
  if (s->backordered > 0)
    return _("Backordered");
  if (s->ordered > 0 && s->cancelled >= s->ordered)
    return C_("order status", "Cancelled");
  if (s->shipped > 0 && s->shipped + s->cancelled >= s->ordered)
    return C_("order status", "Shipped");
  return C_("order status", "Open");
}

static char *
promised_label (const BoOrderSummary *s)
{
  if (s->backordered <= 0)
    return g_strdup ("");
  if (s->promised == 0)
    return g_strdup (_("needs purchase order"));
  return bo_format_date (s->promised);
}

static void
bo_order_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BoOrderItem *self = BO_ORDER_ITEM (object);
  const BoOrderSummary *s = self->summary;

  if (s == NULL)
    {
      if (G_VALUE_HOLDS_STRING (value))
        g_value_set_string (value, "");
      return;
    }
  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_string (value, s->number);
      break;
    case PROP_CUSTOMER:
      g_value_set_string (value, s->customer_name);
      break;
    case PROP_PLACED:
      g_value_take_string (value, bo_format_instant (s->placed_at));
      break;
    case PROP_ORDERED:
      g_value_take_string (value, bo_format_quantity (s->ordered));
      break;
    case PROP_SHIPPED:
      g_value_take_string (value, bo_format_quantity (s->shipped));
      break;
    case PROP_BACKORDERED:
      g_value_take_string (value, bo_format_quantity (s->backordered));
      break;
    case PROP_VALUE:
      /* Only what waits has a value worth reading. */
      if (s->backordered > 0)
        g_value_take_string (value, bo_format_money (s->value, self->currency));
      else
        g_value_set_string (value, "");
      break;
    case PROP_TOTAL:
      g_value_take_string (value, bo_format_money (s->total, self->currency));
      break;
    case PROP_PROMISED:
      g_value_take_string (value, promised_label (s));
      break;
    case PROP_STATUS:
      g_value_set_string (value, status_label (s));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_order_item_finalize (GObject *object)
{
  BoOrderItem *self = BO_ORDER_ITEM (object);

  g_clear_pointer (&self->summary, bo_order_summary_free);
  g_free (self->currency);

  G_OBJECT_CLASS (bo_order_item_parent_class)->finalize (object);
}

static void
bo_order_item_class_init (BoOrderItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bo_order_item_finalize;
  object_class->get_property = bo_order_item_get_property;

  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_CUSTOMER] = g_param_spec_string ("customer", NULL, NULL, NULL, flags);
  properties[PROP_PLACED] = g_param_spec_string ("placed", NULL, NULL, NULL, flags);
  properties[PROP_ORDERED] = g_param_spec_string ("ordered", NULL, NULL, NULL, flags);
  properties[PROP_SHIPPED] = g_param_spec_string ("shipped", NULL, NULL, NULL, flags);
  properties[PROP_BACKORDERED] = g_param_spec_string ("backordered", NULL, NULL, NULL, flags);
  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, NULL, flags);
  properties[PROP_TOTAL] = g_param_spec_string ("total", NULL, NULL, NULL, flags);
  properties[PROP_PROMISED] = g_param_spec_string ("promised", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bo_order_item_init (BoOrderItem *self)
{
}

/**
 * bo_order_item_new:
 * @summary: (transfer full): the order's summary
 * @currency: (nullable): the shop currency, for the backorder value
 */
BoOrderItem *
bo_order_item_new (BoOrderSummary *summary,
                   const char     *currency)
{
  BoOrderItem *self = g_object_new (BO_TYPE_ORDER_ITEM, NULL);

  self->summary = summary;
  self->currency = g_strdup (currency);
  return self;
}

/**
 * bo_order_item_get_summary:
 *
 * Returns: (transfer none) (nullable): the order's summary
 */
const BoOrderSummary *
bo_order_item_get_summary (BoOrderItem *self)
{
  g_return_val_if_fail (BO_IS_ORDER_ITEM (self), NULL);
  return self->summary;
}

gint64
bo_order_item_get_order_id (BoOrderItem *self)
{
  g_return_val_if_fail (BO_IS_ORDER_ITEM (self), 0);
  return self->summary != NULL ? self->summary->order_id : 0;
}

const char *
bo_order_item_get_number (BoOrderItem *self)
{
  g_return_val_if_fail (BO_IS_ORDER_ITEM (self), NULL);
  return self->summary != NULL ? self->summary->number : NULL;
}
