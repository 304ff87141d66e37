/* bo-availability.h — what a storefront's product pages can say, as CSV for the shop platforms
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "bo-store.h"

G_BEGIN_DECLS

/**
 * BoAvailabilityFormat:
 * @BO_AVAILABILITY_FORMAT_SHOPIFY: Shopify's inventory CSV (Handle, options,
 *   Location, Incoming, Unavailable, Committed, Available, On hand), for
 *   Products › Inventory › Import
 * @BO_AVAILABILITY_FORMAT_WOOCOMMERCE: WooCommerce's product CSV (ID, SKU,
 *   In stock?, Stock, Backorders allowed?, and the rest as "Meta:" custom
 *   fields), for the product importer with "Update existing products"
 * @BO_AVAILABILITY_FORMAT_CSV: every figure and the availability sentence,
 *   for a spreadsheet or any other storefront
 *
 * The shapes of an availability export.
 */
typedef enum
{
  BO_AVAILABILITY_FORMAT_SHOPIFY,
  BO_AVAILABILITY_FORMAT_WOOCOMMERCE,
  BO_AVAILABILITY_FORMAT_CSV,
} BoAvailabilityFormat;

/* The location a Shopify export names when none is given. */
#define BO_AVAILABILITY_DEFAULT_LOCATION "Shop location"

const char *bo_availability_format_to_string   (BoAvailabilityFormat  format);
gboolean    bo_availability_format_from_string (const char           *text,
                                                BoAvailabilityFormat *format);
char       *bo_availability_format_date        (guint32               julian);
char       *bo_availability_sentence           (BoAvailabilityState   state,
                                                guint32               ships_from);
gboolean    bo_availability_write              (BoStore              *store,
                                                BoAvailabilityFormat  format,
                                                const char           *location,
                                                GOutputStream        *stream,
                                                GCancellable         *cancellable,
                                                GError              **error);
gboolean    bo_availability_write_file         (BoStore              *store,
                                                BoAvailabilityFormat  format,
                                                const char           *location,
                                                GFile                *file,
                                                GCancellable         *cancellable,
                                                GError              **error);

G_END_DECLS
