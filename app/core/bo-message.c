/* bo-message.c — the update a merchant sends a customer about a backordered order
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-message"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "backorders/bo-message.h"
#include "backorders/bo-money.h"
#include "backorders/bo-picklist.h"

/* ---- pieces ---------------------------------------------------------------- */

static char *
format_money (gint64      minor,
              const char *currency)
{
  return bo_money_format (minor, currency, BO_MONEY_TEXT);
}

/* "Blue mug (MUG-BLU) × 3", the start of every item of the message. */
static char *
describe_units (const BoOrderLine *line,
                gint64             units)
{
  g_autofree char *quantity = g_strdup_printf ("%" PRId64, units);

  /* Translators: product name, SKU and a number of units in a message to a customer */
  return g_strdup_printf (_("%s (%s) × %s"), line->product_name, line->sku, quantity);
}

static void
append_item (GString    *text,
             const char *item)
{
  g_string_append_printf (text, "  • %s\n", item);
}

/* A section lists, under its heading, the lines that have units in it;
 * nothing at all when none has. */
typedef enum
{
  SECTION_SHIPPED,
  SECTION_READY,
  SECTION_FOLLOWS,
  SECTION_CANCELLED,
} Section;

static gint64
units_in (const BoOrderLine *line,
          Section            section)
{
  switch (section)
    {
    case SECTION_SHIPPED:
      return line->shipped;
    case SECTION_READY:
      return line->allocated;
    case SECTION_FOLLOWS:
      return line->backordered;
    case SECTION_CANCELLED:
    default:
      return line->cancelled;
    }
}

static char *
describe_item (const BoOrderLine *line,
               Section            section,
               const char        *currency)
{
  g_autofree char *units = describe_units (line, units_in (line, section));

  if (section == SECTION_FOLLOWS && line->promised != 0)
    {
      g_autofree char *date = bo_picklist_format_date (line->promised);

      /* Translators: "Blue mug (MUG-BLU) × 3", then a date */
      return g_strdup_printf (_("%s, expected to ship by %s"), units, date);
    }
  if (section == SECTION_FOLLOWS)
    /* Translators: "Blue mug (MUG-BLU) × 3" that no purchase order dates yet */
    return g_strdup_printf (_("%s: we will tell you the date as soon as we have it"), units);
  if (section == SECTION_CANCELLED && line->refunded > 0)
    {
      g_autofree char *money = format_money (line->refunded, currency);

      /* Translators: "Blue mug (MUG-BLU) × 1", then an amount of money */
      return g_strdup_printf (_("%s, refunded %s"), units, money);
    }
  return g_steal_pointer (&units);
}

static gboolean
append_section (GString       *text,
                const BoOrder *order,
                Section        section,
                const char    *heading,
                const char    *currency)
{
  gboolean any = FALSE;

  for (guint i = 0; i < order->lines->len; i++)
    {
      const BoOrderLine *line = g_ptr_array_index (order->lines, i);
      g_autofree char *item = NULL;

      if (units_in (line, section) <= 0)
        continue;
      if (!any)
        g_string_append_printf (text, "\n%s\n", heading);
      any = TRUE;
      item = describe_item (line, section, currency);
      append_item (text, item);
    }
  return any;
}

/* Goodwill the shop gave for the wait: "a discount of 5.00 EUR", "voucher
 * code SORRY10: 10 % off (4.50 EUR)". */
static void
append_goodwill (GString       *text,
                 const BoOrder *order,
                 const char    *currency)
{
  if (order->goodwill == NULL || order->goodwill->len == 0)
    return;
  g_string_append_printf (text, "\n%s\n", _("As a thank-you for your patience:"));
  for (guint i = 0; i < order->goodwill->len; i++)
    {
      const BoGoodwill *g = g_ptr_array_index (order->goodwill, i);
      g_autofree char *money = format_money (g->amount, currency);
      g_autofree char *percent = g_strdup_printf ("%g", g->percent / 100.0);
      g_autofree char *item = NULL;
      gboolean voucher = g->voucher != NULL && *g->voucher != '\0';

      if (voucher && g->percent > 0)
        /* Translators: a voucher code, a percentage and the amount it comes to */
        item = g_strdup_printf (_("voucher code %s: %s %% off (%s)"), g->voucher, percent, money);
      else if (voucher)
        /* Translators: a voucher code and the amount it is worth */
        item = g_strdup_printf (_("voucher code %s, worth %s"), g->voucher, money);
      else if (g->percent > 0)
        /* Translators: a percentage and the amount it comes to */
        item = g_strdup_printf (_("%s %% off your order (%s)"), percent, money);
      else
        /* Translators: an amount of money */
        item = g_strdup_printf (_("a discount of %s"), money);
      if (g->note != NULL && *g->note != '\0')
        {
          g_autofree char *with_note = g_strdup_printf ("%s — %s", item, g->note);

          g_free (item);
          item = g_steal_pointer (&with_note);
        }
      append_item (text, item);
    }
}

/* ---- the message ----------------------------------------------------------- */

/**
 * bo_message_compose:
 * @order: the order, with its lines
 * @shop_name: (nullable): the shop, to sign with
 * @currency: (nullable): the currency of refunds
 * @subject: (out) (transfer full): the subject line
 * @body: (out) (transfer full): the plain-text body, lines ending in "\n"
 *
 * Writes a friendly update for the customer: what shipped, what is about to
 * ship, what follows and when, what was cancelled and refunded, and the
 * goodwill given for the wait.
 */
void
bo_message_compose (const BoOrder  *order,
                    const char     *shop_name,
                    const char     *currency,
                    char          **subject,
                    char          **body)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean has_shop = shop_name != NULL && *shop_name != '\0';
  gboolean follows;

  g_return_if_fail (order != NULL && order->lines != NULL);
  g_return_if_fail (subject != NULL && body != NULL);

  if (order->customer_name != NULL && *order->customer_name != '\0')
    /* Translators: the greeting of a message to a customer; %s is the name */
    g_string_append_printf (text, _("Hello %s,"), order->customer_name);
  else
    g_string_append (text, _("Hello,"));
  g_string_append (text, "\n\n");
  g_string_append_printf (text, _("Thank you for your order %s. Here is where it stands."),
                          order->number);
  g_string_append_c (text, '\n');

  append_section (text, order, SECTION_SHIPPED, _("Shipped already:"), currency);
  append_section (text, order, SECTION_READY, _("Ready and leaving soon:"), currency);
  follows = append_section (text, order, SECTION_FOLLOWS,
                            _("Still to come, sent as soon as it arrives:"), currency);
  append_section (text, order, SECTION_CANCELLED, _("Cancelled:"), currency);
  append_goodwill (text, order, currency);

  g_string_append_c (text, '\n');
  if (follows)
    {
      g_string_append (text, _("We are sorry for the wait, and we will let you know when the "
                                "rest is on its way."));
      g_string_append_c (text, ' ');
    }
  g_string_append (text, _("If you have a question, just reply to this message."));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Kind regards,"));
  g_string_append_c (text, '\n');
  if (has_shop)
    g_string_append_printf (text, "%s\n", shop_name);

  if (has_shop)
    /* Translators: the subject of a message to a customer: order number, shop name */
    *subject = g_strdup_printf (_("Your order %s from %s: an update"), order->number, shop_name);
  else
    *subject = g_strdup_printf (_("Your order %s: an update"), order->number);
  *body = g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * bo_message_for_order:
 * @order_id: the order
 * @subject: (out) (transfer full): the subject line
 * @body: (out) (transfer full): the plain-text body
 *
 * The update message for an order as it stands now, signed with the
 * shop-name setting (see bo_message_compose()).
 *
 * Returns: %FALSE with %BO_ERROR_NOT_FOUND when there is no such order
 */
gboolean
bo_message_for_order (BoStore  *store,
                      gint64    order_id,
                      char    **subject,
                      char    **body,
                      GError  **error)
{
  g_autoptr(BoOrder) order = NULL;
  g_autofree char *shop_name = NULL;
  g_autofree char *currency = NULL;

  g_return_val_if_fail (BO_IS_STORE (store), FALSE);
  g_return_val_if_fail (subject != NULL && body != NULL, FALSE);

  order = bo_store_get_order (store, order_id, error);
  if (order == NULL)
    return FALSE;
  shop_name = bo_store_get_setting (store, "shop-name");
  currency = bo_store_get_setting (store, "currency");
  bo_message_compose (order, shop_name, currency, subject, body);
  return TRUE;
}

/* ---- mailto: ------------------------------------------------------------------ */

/**
 * bo_message_mailto_uri:
 * @email: (nullable): the customer's address; %NULL or "" leaves the
 *   recipient to the mail client
 * @subject: (nullable): the subject
 * @body: (nullable): the body; its line ends become CRLF, as RFC 6068 asks
 *
 * Returns: (transfer full): a mailto: URI (RFC 6068) that opens the mail
 *   client with everything filled in; every character outside the
 *   unreserved set is percent-encoded as UTF-8
 */
char *
bo_message_mailto_uri (const char *email,
                       const char *subject,
                       const char *body)
{
  g_autoptr(GString) uri = g_string_new ("mailto:");
  const char *separator = "?";

  if (email != NULL && *email != '\0')
    {
      g_autofree char *to = g_uri_escape_string (email, "@", FALSE);

      g_string_append (uri, to);
    }
  if (subject != NULL && *subject != '\0')
    {
      g_autofree char *value = g_uri_escape_string (subject, NULL, FALSE);

      g_string_append_printf (uri, "%ssubject=%s", separator, value);
      separator = "&";
    }
  if (body != NULL && *body != '\0')
    {
      g_autoptr(GString) crlf = g_string_new (NULL);
      g_autofree char *value = NULL;

      for (const char *c = body; *c != '\0'; c++)
        {
          if (*c == '\n' && (c == body || c[-1] != '\r'))
            g_string_append_c (crlf, '\r');
          g_string_append_c (crlf, *c);
        }
      value = g_uri_escape_string (crlf->str, NULL, FALSE);
      g_string_append_printf (uri, "%sbody=%s", separator, value);
    }
  return g_string_free (g_steal_pointer (&uri), FALSE);
}
