/* bo-po-item.c — a purchase order as a row of a list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The properties are what the columns show, already formatted for the
 * user's locale, so that the .ui file binds them with plain lookups.
 */
#define G_LOG_DOMAIN "bo-po-item"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-format.h"
#include "bo-po-item.h"

struct _BoPoItem
{
  GObject      parent_instance;

  /* owned */
  BoPoSummary *summary;
  char        *currency;
};

G_DEFINE_FINAL_TYPE (BoPoItem, bo_po_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_SUPPLIER,
  PROP_STATUS,
  PROP_CREATED,
  PROP_ETA,
  PROP_ORDERED,
  PROP_RECEIVED,
  PROP_VALUE,
  PROP_OVERDUE,
  PROP_OVERDUE_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bo_po_item_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BoPoItem *self = BO_PO_ITEM (object);
  const BoPoSummary *s = self->summary;

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
    case PROP_SUPPLIER:
      g_value_set_string (value, s->supplier_name);
      break;
    case PROP_STATUS:
      g_value_set_string (value, bo_po_status_label (s->status));
      break;
    case PROP_CREATED:
      g_value_take_string (value, bo_format_instant (s->created_at));
      break;
    case PROP_ETA:
      if (s->eta == 0 && (s->status == BO_PO_DRAFT || s->status == BO_PO_SENT ||
                          s->status == BO_PO_PARTIAL))
        /* Translators: the supplier has not given an expected date yet */
        g_value_set_string (value, _("not known yet"));
      else
        g_value_take_string (value, bo_format_date (s->eta));
      break;
    case PROP_ORDERED:
      g_value_take_string (value, bo_format_quantity (s->ordered));
      break;
    case PROP_RECEIVED:
      g_value_take_string (value, bo_format_quantity (s->received));
      break;
    case PROP_VALUE:
      g_value_take_string (value, bo_format_money (s->value, self->currency));
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, s->overdue);
      break;
    case PROP_OVERDUE_NOTE:
      /* Translators: beside an expected date that has passed */
      g_value_set_string (value, s->overdue ? C_("purchase order", "overdue") : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bo_po_item_finalize (GObject *object)
{
  BoPoItem *self = BO_PO_ITEM (object);

  g_clear_pointer (&self->summary, bo_po_summary_free);
  g_free (self->currency);

  G_OBJECT_CLASS (bo_po_item_parent_class)->finalize (object);
}

static void
bo_po_item_class_init (BoPoItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bo_po_item_finalize;
  object_class->get_property = bo_po_item_get_property;

  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_SUPPLIER] = g_param_spec_string ("supplier", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, flags);
  properties[PROP_ETA] = g_param_spec_string ("eta", NULL, NULL, NULL, flags);
  properties[PROP_ORDERED] = g_param_spec_string ("ordered", NULL, NULL, NULL, flags);
  properties[PROP_RECEIVED] = g_param_spec_string ("received", NULL, NULL, NULL, flags);
  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, NULL, flags);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  properties[PROP_OVERDUE_NOTE] = g_param_spec_string ("overdue-note", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bo_po_item_init (BoPoItem *self)
{
}

/**
 * bo_po_item_new:
 * @summary: (transfer full): a row of bo_store_list_po_summaries()
 * @currency: (nullable): the shop currency, for values
 */
BoPoItem *
bo_po_item_new (BoPoSummary *summary,
                const char  *currency)
{
  BoPoItem *self = g_object_new (BO_TYPE_PO_ITEM, NULL);

  self->summary = summary;
  self->currency = g_strdup (currency);
  return self;
}

/**
 * bo_po_item_get_summary:
 *
 * Returns: (transfer none) (nullable): the purchase order
 */
const BoPoSummary *
bo_po_item_get_summary (BoPoItem *self)
{
  g_return_val_if_fail (BO_IS_PO_ITEM (self), NULL);
  return self->summary;
}
