/* bo-reorder-item.c — a reorder suggestion as a row of a list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The properties are what the columns show, already formatted for the
 * user's locale, so that the .ui file binds them with plain lookups.
 */
#define G_LOG_DOMAIN "bo-reorder-item"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-format.h"
#include "bo-reorder-item.h"

struct _BoReorderItem
{
  GObject              parent_instance;

  /* owned */
  BoReorderSuggestion *suggestion;
};

G_DEFINE_FINAL_TYPE (BoReorderItem, bo_reorder_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SKU,
  PROP_NAME,
  PROP_ON_HAND,
  PROP_INCOMING,
  PROP_PROMISED,
  PROP_REORDER_POINT,
  PROP_SUGGESTED_POINT,
  PROP_ORDER_QTY,
  PROP_SUPPLIER,
  PROP_WHY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bo_reorder_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BoReorderItem *self = BO_REORDER_ITEM (object);
  const BoReorderSuggestion *s = self->suggestion;
  const BoForecast *f = s != NULL ? s->forecast : NULL;

  if (s == NULL)
    {
      g_value_set_string (value, "");
      return;
    }
  switch (prop_id)
    {
    case PROP_SKU:
      g_value_set_string (value, s->sku);
      break;
    case PROP_NAME:
      g_value_set_string (value, s->name);
      break;
    case PROP_ON_HAND:
      g_value_take_string (value, bo_format_quantity (s->on_hand));
      break;
    case PROP_INCOMING:
      g_value_take_string (value, bo_format_quantity (s->incoming));
      break;
    case PROP_PROMISED:
      g_value_take_string (value, bo_format_quantity (s->promised));
      break;
    case PROP_REORDER_POINT:
      if (s->reorder_point > 0)
        g_value_take_string (value, bo_format_quantity (s->reorder_point));
      else
        /* Translators: a product without a reorder point */
        g_value_set_string (value, C_("reorder point", "None"));
      break;
    case PROP_SUGGESTED_POINT:
      if (f->has_suggestion)
        g_value_take_string (value, bo_format_quantity (f->reorder_point));
      else
        g_value_set_string (value, "—");
      break;
    case PROP_ORDER_QTY:
      if (f->has_suggestion)
        g_value_take_string (value, bo_format_quantity (f->order_qty));
      else
        g_value_set_string (value, "—");
      break;
    case PROP_SUPPLIER:
      g_value_set_string (value, s->supplier_name != NULL ? s->supplier_name : _("None linked"));
      break;
    case PROP_WHY:
      g_value_set_string (value, f->why);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_reorder_item_finalize (GObject *object)
{
  BoReorderItem *self = BO_REORDER_ITEM (object);

  g_clear_pointer (&self->suggestion, bo_reorder_suggestion_free);

  G_OBJECT_CLASS (bo_reorder_item_parent_class)->finalize (object);
}

static void
bo_reorder_item_class_init (BoReorderItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[N_PROPS] = {
    NULL, "sku", "name", "on-hand", "incoming", "promised", "reorder-point", "suggested-point",
    "order-qty", "supplier", "why"
  };

  object_class->get_property = bo_reorder_item_get_property;
  object_class->finalize = bo_reorder_item_finalize;

  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bo_reorder_item_init (BoReorderItem *self)
{
}

/**
 * bo_reorder_item_new:
 * @suggestion: (transfer full): the suggestion shown
 */
BoReorderItem *
bo_reorder_item_new (BoReorderSuggestion *suggestion)
{
  BoReorderItem *self = g_object_new (BO_TYPE_REORDER_ITEM, NULL);

  self->suggestion = suggestion;
  return self;
}

const BoReorderSuggestion *
bo_reorder_item_get_suggestion (BoReorderItem *self)
{
  g_return_val_if_fail (BO_IS_REORDER_ITEM (self), NULL);
  return self->suggestion;
}
