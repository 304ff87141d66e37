/* bo-backorder-item.c — a backordered order line as a row of a list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The properties are what the columns show, already formatted for the
 * user's locale, so that the .ui file binds them with plain lookups.
 */
#define G_LOG_DOMAIN "bo-backorder-item"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-backorder-item.h"
#include "bo-format.h"

#include <backorders/bo-period.h>

struct _BoBackorderItem
{
  GObject         parent_instance;

  /* owned */
  BoOrderSummary *summary;
  char           *currency;
  guint32         today;
};

G_DEFINE_FINAL_TYPE (BoBackorderItem, bo_backorder_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_CUSTOMER,
  PROP_SKU,
  PROP_PRODUCT,
  PROP_BACKORDERED,
  PROP_ALLOCATED,
  PROP_AGE,
  PROP_PROMISED,
  PROP_WAITING_PO,
  PROP_VALUE,
  PROP_OVERDUE,
  PROP_OVERDUE_NOTE,
  PROP_NEEDS_PO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static gboolean
is_overdue (BoBackorderItem *self)
{
  const BoOrderSummary *s = self->summary;

  return s->backordered > 0 && s->promised != 0 && s->promised < self->today;
}

static gboolean
needs_po (BoBackorderItem *self)
{
  return self->summary->backordered > 0 && self->summary->promised == 0;
}

static char *
format_age (guint days)
{
  g_autofree char *n = bo_format_quantity (days);

  /* Translators: the age of a backorder, e.g. "12 days" */
  return g_strdup_printf (ngettext ("%s day", "%s days", days), n);
}

static char *
format_promised (BoBackorderItem *self)
{
  const BoOrderSummary *s = self->summary;

  /* Nothing is waiting any more: there is nothing to promise. */
  if (s->backordered <= 0)
    return g_strdup ("");
  if (s->promised == 0)
    return g_strdup (_("needs purchase order"));
  return bo_format_date (s->promised);
}

static void
bo_backorder_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BoBackorderItem *self = BO_BACKORDER_ITEM (object);
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
    case PROP_SKU:
      g_value_set_string (value, s->sku);
      break;
    case PROP_PRODUCT:
      g_value_set_string (value, s->product_name);
      break;
    case PROP_BACKORDERED:
      g_value_take_string (value, bo_format_quantity (s->backordered));
      break;
    case PROP_ALLOCATED:
      g_value_take_string (value, bo_format_quantity (s->allocated));
      break;
    case PROP_AGE:
      g_value_take_string (value, format_age (bo_backorder_item_get_age (self)));
      break;
    case PROP_PROMISED:
      g_value_take_string (value, format_promised (self));
      break;
    case PROP_WAITING_PO:
      g_value_set_string (value, s->waiting_po != NULL ? s->waiting_po : "");
      break;
    case PROP_VALUE:
      g_value_take_string (value, bo_format_money (s->value, self->currency));
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, is_overdue (self));
      break;
    case PROP_OVERDUE_NOTE:
      /* Translators: beside a promised date that has passed */
      g_value_set_string (value, is_overdue (self) ? C_("promise", "overdue") : "");
      break;
    case PROP_NEEDS_PO:
      g_value_set_boolean (value, needs_po (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_backorder_item_finalize (GObject *object)
{
  BoBackorderItem *self = BO_BACKORDER_ITEM (object);

  g_clear_pointer (&self->summary, bo_order_summary_free);
  g_free (self->currency);

  G_OBJECT_CLASS (bo_backorder_item_parent_class)->finalize (object);
}

static void
bo_backorder_item_class_init (BoBackorderItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bo_backorder_item_finalize;
  object_class->get_property = bo_backorder_item_get_property;

  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_CUSTOMER] = g_param_spec_string ("customer", NULL, NULL, NULL, flags);
  properties[PROP_SKU] = g_param_spec_string ("sku", NULL, NULL, NULL, flags);
  properties[PROP_PRODUCT] = g_param_spec_string ("product", NULL, NULL, NULL, flags);
  properties[PROP_BACKORDERED] = g_param_spec_string ("backordered", NULL, NULL, NULL, flags);
  properties[PROP_ALLOCATED] = g_param_spec_string ("allocated", NULL, NULL, NULL, flags);
  properties[PROP_AGE] = g_param_spec_string ("age", NULL, NULL, NULL, flags);
  properties[PROP_PROMISED] = g_param_spec_string ("promised", NULL, NULL, NULL, flags);
  properties[PROP_WAITING_PO] = g_param_spec_string ("waiting-po", NULL, NULL, NULL, flags);
  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, NULL, flags);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  properties[PROP_OVERDUE_NOTE] = g_param_spec_string ("overdue-note", NULL, NULL, NULL, flags);
  properties[PROP_NEEDS_PO] = g_param_spec_boolean ("needs-po", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bo_backorder_item_init (BoBackorderItem *self)
{
}

/**
 * bo_backorder_item_new:
 * @summary: (transfer full): a row of bo_store_list_backorders()
 * @currency: (nullable): the shop currency, for values
 * @today: the shop's today (Julian day), for ages and overdue promises
 */
BoBackorderItem *
bo_backorder_item_new (BoOrderSummary *summary,
                       const char     *currency,
                       guint32         today)
{
  BoBackorderItem *self = g_object_new (BO_TYPE_BACKORDER_ITEM, NULL);

  self->summary = summary;
  self->currency = g_strdup (currency);
  self->today = today;
  return self;
}

/**
 * bo_backorder_item_get_summary:
 *
 * Returns: (transfer none) (nullable): the order line
 */
const BoOrderSummary *
bo_backorder_item_get_summary (BoBackorderItem *self)
{
  g_return_val_if_fail (BO_IS_BACKORDER_ITEM (self), NULL);
  return self->summary;
}

/**
 * bo_backorder_item_get_age:
 *
 * Returns: whole days since the order was placed
 */
guint
bo_backorder_item_get_age (BoBackorderItem *self)
{
  guint32 placed;

  g_return_val_if_fail (BO_IS_BACKORDER_ITEM (self), 0);

  placed = self->summary != NULL ? bo_date_from_unix_local (self->summary->placed_at) : 0;
  return placed != 0 && self->today > placed ? self->today - placed : 0;
}
