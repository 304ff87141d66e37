/* bo-records.c — constructors, destructors and names of the plain records
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "backorders/bo-records.h"

static const char *const backorder_policies[] = { "deny", "allow", "allow-if-incoming" };
static const char *const po_statuses[] = { "draft", "sent", "partial", "received", "cancelled" };
static const char *const supplier_choices[] = { "cheapest", "fastest" };

static gboolean
lookup (const char *const *names,
        guint               n_names,
        const char         *text,
        int                *value)
{
  for (guint i = 0; text != NULL && i < n_names; i++)
    {
      if (g_str_equal (names[i], text))
        {
          *value = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
bo_backorder_policy_to_string (BoBackorderPolicy policy)
{
  g_return_val_if_fail (policy <= BO_BACKORDER_ALLOW_IF_INCOMING, NULL);
  return backorder_policies[policy];
}

gboolean
bo_backorder_policy_from_string (const char        *text,
                                 BoBackorderPolicy *policy)
{
  int value;

  if (!lookup (backorder_policies, G_N_ELEMENTS (backorder_policies), text, &value))
    return FALSE;
  *policy = value;
  return TRUE;
}

const char *
bo_po_status_to_string (BoPoStatus status)
{
  g_return_val_if_fail (status <= BO_PO_CANCELLED, NULL);
  return po_statuses[status];
}

gboolean
bo_po_status_from_string (const char *text,
                          BoPoStatus *status)
{
  int value;

  if (!lookup (po_statuses, G_N_ELEMENTS (po_statuses), text, &value))
    return FALSE;
  *status = value;
  return TRUE;
}

const char *
bo_po_status_label (BoPoStatus status)
{
  switch (status)
    {
    case BO_PO_DRAFT:
      return C_("purchase order", "Draft");
    case BO_PO_SENT:
      return C_("purchase order", "Sent");
    case BO_PO_PARTIAL:
      return C_("purchase order", "Partly received");
    case BO_PO_RECEIVED:
      return C_("purchase order", "Received");
    case BO_PO_CANCELLED:
      return C_("purchase order", "Cancelled");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bo_supplier_choice_to_string (BoSupplierChoice choice)
{
  g_return_val_if_fail (choice <= BO_SUPPLIER_FASTEST, NULL);
  return supplier_choices[choice];
}

gboolean
bo_supplier_choice_from_string (const char       *text,
                                BoSupplierChoice *choice)
{
  int value;

  if (!lookup (supplier_choices, G_N_ELEMENTS (supplier_choices), text, &value))
    return FALSE;
  *choice = value;
  return TRUE;
}

BoProduct *
bo_product_new (void)
{
  BoProduct *product = g_new0 (BoProduct, 1);

  product->backorder_policy = BO_BACKORDER_ALLOW;
  return product;
}

BoProduct *
bo_product_copy (const BoProduct *product)
{
  BoProduct *copy = g_memdup2 (product, sizeof *product);

  copy->sku = g_strdup (product->sku);
  copy->name = g_strdup (product->name);
  copy->location = g_strdup (product->location);
  copy->external_ref = g_strdup (product->external_ref);
  return copy;
}

void
bo_product_free (BoProduct *product)
{
  if (product == NULL)
    return;
  g_free (product->sku);
  g_free (product->name);
  g_free (product->location);
  g_free (product->external_ref);
  g_free (product);
}

BoSupplier *
bo_supplier_new (void)
{
  BoSupplier *supplier = g_new0 (BoSupplier, 1);

  supplier->lead_days = 7;
  return supplier;
}

void
bo_supplier_free (BoSupplier *supplier)
{
  if (supplier == NULL)
    return;
  g_free (supplier->name);
  g_free (supplier->email);
  g_free (supplier->notes);
  g_free (supplier);
}

BoProductSupplier *
bo_product_supplier_new (void)
{
  BoProductSupplier *link = g_new0 (BoProductSupplier, 1);

  link->cost = -1;
  link->lead_days = -1;
  link->min_order_qty = 1;
  return link;
}

void
bo_product_supplier_free (BoProductSupplier *link)
{
  if (link == NULL)
    return;
  g_free (link->supplier_name);
  g_free (link->supplier_sku);
  g_free (link);
}

BoCustomer *
bo_customer_new (void)
{
  return g_new0 (BoCustomer, 1);
}

void
bo_customer_free (BoCustomer *customer)
{
  if (customer == NULL)
    return;
  g_free (customer->name);
  g_free (customer->email);
  g_free (customer->address);
  g_free (customer->external_ref);
  g_free (customer);
}

/**
 * bo_order_line_value:
 *
 * Returns: what the line is worth: its units not cancelled, at its price
 *   (minor units); the order lists sum the same
 */
gint64
bo_order_line_value (const BoOrderLine *line)
{
  g_return_val_if_fail (line != NULL, 0);
  return (line->ordered - line->cancelled) * line->unit_price;
}

void
bo_order_line_free (BoOrderLine *line)
{
  if (line == NULL)
    return;
  g_free (line->sku);
  g_free (line->product_name);
  g_free (line->waiting_po);
  g_free (line->reason);
  g_free (line);
}

void
bo_order_free (BoOrder *order)
{
  if (order == NULL)
    return;
  g_free (order->number);
  g_free (order->customer_name);
  g_free (order->customer_email);
  g_free (order->customer_address);
  g_free (order->external_ref);
  g_free (order->notes);
  g_clear_pointer (&order->lines, g_ptr_array_unref);
  g_clear_pointer (&order->goodwill, g_ptr_array_unref);
  g_free (order);
}

void
bo_order_summary_free (BoOrderSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->number);
  g_free (summary->customer_name);
  g_free (summary->sku);
  g_free (summary->product_name);
  g_free (summary->waiting_po);
  g_free (summary);
}

void
bo_po_line_free (BoPoLine *line)
{
  if (line == NULL)
    return;
  g_free (line->sku);
  g_free (line->product_name);
  g_free (line);
}

void
bo_purchase_order_free (BoPurchaseOrder *po)
{
  if (po == NULL)
    return;
  g_free (po->number);
  g_free (po->supplier_name);
  g_free (po->notes);
  g_free (po->ship_to);
  g_clear_pointer (&po->lines, g_ptr_array_unref);
  g_free (po);
}

void
bo_po_summary_free (BoPoSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->number);
  g_free (summary->supplier_name);
  g_free (summary);
}

static void
shipment_line_clear (gpointer data)
{
  BoShipmentLine *line = data;

  g_free (line->sku);
  g_free (line->product_name);
  g_free (line->location);
}

void
bo_shipment_free (BoShipment *shipment)
{
  if (shipment == NULL)
    return;
  if (shipment->lines != NULL)
    {
      g_array_set_clear_func (shipment->lines, shipment_line_clear);
      g_array_unref (shipment->lines);
    }
  g_free (shipment);
}

void
bo_movement_free (BoMovement *movement)
{
  if (movement == NULL)
    return;
  g_free (movement->sku);
  g_free (movement->reason);
  g_free (movement->reference);
  g_free (movement);
}

void
bo_event_free (BoEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->kind);
  g_free (event->subject);
  g_free (event->detail);
  g_free (event);
}

void
bo_goodwill_free (BoGoodwill *goodwill)
{
  if (goodwill == NULL)
    return;
  g_free (goodwill->voucher);
  g_free (goodwill->note);
  g_free (goodwill);
}
