/* bo-supplier-item.c — a supplier as a row of a list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The properties are what the columns show, already formatted for the
 * user's locale, so that the .ui files bind them with plain lookups.
 */
#define G_LOG_DOMAIN "bo-supplier-item"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-format.h"
#include "bo-supplier-item.h"

struct _BoSupplierItem
{
  GObject           parent_instance;

  BoSupplier       *supplier;
  BoSupplierCounts  counts;      /* name not kept */
};

G_DEFINE_FINAL_TYPE (BoSupplierItem, bo_supplier_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_EMAIL,
  PROP_LEAD_TIME,
  PROP_ON_TIME,
  PROP_DAYS_LATE,
  PROP_RECEIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bo_supplier_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BoSupplierItem *self = BO_SUPPLIER_ITEM (object);
  const BoSupplier *s = self->supplier;

  if (s == NULL)
    {
      if (G_VALUE_HOLDS_STRING (value))
        g_value_set_string (value, "");
      return;
    }
  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, s->name);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, s->email);
      break;
    case PROP_LEAD_TIME:
      g_value_take_string (value, g_strdup_printf (ngettext ("%d day", "%d days", s->lead_days),
                                                   s->lead_days));
      break;
    case PROP_ON_TIME:
      /* Without a delivery there is no rate to show, only a dash. */
      if (self->counts.received_lines == 0)
        g_value_set_string (value, "—");
      else
        g_value_take_string (value,
                             bo_format_percent (bo_metrics_supplier_on_time (&self->counts)));
      break;
    case PROP_DAYS_LATE:
      if (self->counts.received_lines == 0)
        g_value_set_string (value, "—");
      else
        g_value_take_string (value, g_strdup_printf ("%.1f", bo_metrics_supplier_avg_days_late (
                                                       &self->counts)));
      break;
    case PROP_RECEIVED:
      g_value_take_string (value, bo_format_quantity (self->counts.received_lines));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_supplier_item_finalize (GObject *object)
{
  BoSupplierItem *self = BO_SUPPLIER_ITEM (object);

  g_clear_pointer (&self->supplier, bo_supplier_free);

  G_OBJECT_CLASS (bo_supplier_item_parent_class)->finalize (object);
}

static void
bo_supplier_item_class_init (BoSupplierItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bo_supplier_item_finalize;
  object_class->get_property = bo_supplier_item_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_LEAD_TIME] = g_param_spec_string ("lead-time", NULL, NULL, NULL, flags);
  properties[PROP_ON_TIME] = g_param_spec_string ("on-time", NULL, NULL, NULL, flags);
  properties[PROP_DAYS_LATE] = g_param_spec_string ("days-late", NULL, NULL, NULL, flags);
  properties[PROP_RECEIVED] = g_param_spec_string ("received", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bo_supplier_item_init (BoSupplierItem *self)
{
}

/**
 * bo_supplier_item_new:
 * @supplier: (transfer full): the supplier
 * @counts: (nullable): its delivery record; the numbers are copied
 */
BoSupplierItem *
bo_supplier_item_new (BoSupplier             *supplier,
                      const BoSupplierCounts *counts)
{
  BoSupplierItem *self = g_object_new (BO_TYPE_SUPPLIER_ITEM, NULL);

  self->supplier = supplier;
  if (counts != NULL)
    {
      self->counts = *counts;
      self->counts.name = NULL;
    }
  self->counts.supplier_id = supplier != NULL ? supplier->id : 0;
  return self;
}

/**
 * bo_supplier_item_get_supplier:
 *
 * Returns: (transfer none) (nullable): the supplier
 */
const BoSupplier *
bo_supplier_item_get_supplier (BoSupplierItem *self)
{
  g_return_val_if_fail (BO_IS_SUPPLIER_ITEM (self), NULL);
  return self->supplier;
}

/**
 * bo_supplier_item_get_counts:
 *
 * Returns: (transfer none): the supplier's delivery record (without name)
 */
const BoSupplierCounts *
bo_supplier_item_get_counts (BoSupplierItem *self)
{
  g_return_val_if_fail (BO_IS_SUPPLIER_ITEM (self), NULL);
  return &self->counts;
}
