/* bo-store-revenue.c — goodwill, dated refunds and revenue recognised on delivery
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A backorder is not a completed sale until it is delivered: revenue is
 * recognised when units ship, on the day they ship; what is still
 * backordered is the backlog; refunds count on the day of the cancellation.
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "bo-store-private.h"
#include "backorders/bo-money.h"
#include "backorders/bo-period.h"

#define BO_MAX_MONEY        G_GINT64_CONSTANT (100000000000)
#define BO_MAX_VOUCHER      100
#define BO_MAX_GOODWILL_NOTE 1000

/* ---- cancellations ------------------------------------------------------------ */

/* Keeps one cancellation, inside the caller's transaction. */
gboolean
_bo_store_record_cancellation (BoStore  *self,
                               gint64    line_id,
                               gint64    quantity,
                               gint64    refund,
                               GError  **error)
{
  sqlite3_stmt *stmt = _bo_store_prepare (self,
                                          "INSERT INTO cancellations (line_id, at, day, quantity, "
                                          "  refund) VALUES (?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  sqlite3_bind_int64 (stmt, 2, bo_store_get_now (self));
  _bo_bind_date (stmt, 3, bo_store_get_today (self));
  sqlite3_bind_int64 (stmt, 4, quantity);
  sqlite3_bind_int64 (stmt, 5, refund);
  return _bo_store_step_done (self, stmt, error);
}

/* ---- goodwill --------------------------------------------------------------------- */

GPtrArray *
_bo_store_list_goodwill (BoStore  *self,
                         gint64    order_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bo_goodwill_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _bo_store_prepare (self,
                            "SELECT id, at, amount, coalesce (percent, 0), voucher, note "
                            "FROM goodwill WHERE order_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, order_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoGoodwill *g = g_new0 (BoGoodwill, 1);

      g->id = sqlite3_column_int64 (stmt, 0);
      g->order_id = order_id;
      g->at = sqlite3_column_int64 (stmt, 1);
      g->amount = sqlite3_column_int64 (stmt, 2);
      g->percent = sqlite3_column_int (stmt, 3);
      g->voucher = _bo_store_column_dup (stmt, 4);
      g->note = _bo_store_column_dup (stmt, 5);
      g_ptr_array_add (list, g);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
valid_text (const char *text,
            glong       max_chars)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > max_chars)
    return FALSE;
  return TRUE;
}

static gboolean
valid_voucher (const char *voucher)
{
  if (!valid_text (voucher, BO_MAX_VOUCHER))
    return FALSE;
  for (const char *c = voucher; c != NULL && *c != '\0'; c = g_utf8_next_char (c))
    if (g_unichar_iscntrl (g_utf8_get_char (c)) || g_unichar_isspace (g_utf8_get_char (c)))
      return FALSE;
  return TRUE;
}

/**
 * bo_store_add_goodwill:
 * @order_id: an order that was backordered
 * @amount: the discount in minor units, or 0 when given as @percent
 * @percent: hundredths of a percent of the order's value (1000 = 10 %), or 0
 *   when given as @amount
 * @voucher: (nullable): a voucher code the customer can use; %NULL or "" for
 *   a discount without one
 * @note: (nullable): why, for the merchant and the customer's message
 * @goodwill_id: (out) (optional): the new record
 *
 * Records a goodwill discount or voucher given to a customer who waited.
 * A percentage is turned into money at the order's value now (units ordered
 * and not cancelled, at line price). What an order is given in all cannot
 * exceed its value.
 */
gboolean
bo_store_add_goodwill (BoStore     *self,
                       gint64       order_id,
                       gint64       amount,
                       gint         percent,
                       const char  *voucher,
                       const char  *note,
                       gint64      *goodwill_id,
                       GError     **error)
{
  g_autofree char *number = NULL;
  g_autofree char *clean_voucher = NULL;
  gint64 bo_lines = 0, value = 0, given = 0;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);

  if ((amount > 0) == (percent > 0) || amount < 0 || percent < 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("Give the goodwill either as an amount or as a percentage of the order"));
      return FALSE;
    }
  if (amount > BO_MAX_MONEY)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("The goodwill amount is too large"));
      return FALSE;
    }
  if (percent > 10000)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The goodwill percentage must be at most 100 %%"));
      return FALSE;
    }
  clean_voucher = g_strstrip (g_strdup (voucher != NULL ? voucher : ""));
  if (!valid_voucher (clean_voucher))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The voucher code must be at most %d characters, without spaces"),
                   BO_MAX_VOUCHER);
      return FALSE;
    }
  if (!valid_text (note, BO_MAX_GOODWILL_NOTE))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                   _("The note must be at most %d characters of text"), BO_MAX_GOODWILL_NOTE);
      return FALSE;
    }
  if (!bo_check_text (note, _("The note"), FALSE, BO_MAX_GOODWILL_NOTE, BO_TEXT_MULTILINE, error))
    return FALSE;

  if (!_bo_store_begin (self, error))
    return FALSE;
  ok = (stmt = _bo_store_prepare (self,
                                  "SELECT o.number, o.bo_lines, "
                                  "  (SELECT coalesce (sum ((ordered - cancelled) * unit_price), 0) "
                                  "   FROM order_lines WHERE order_id = o.id), "
                                  "  (SELECT coalesce (sum (amount), 0) FROM goodwill "
                                  "   WHERE order_id = o.id) "
                                  "FROM orders o WHERE o.id = ?", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, order_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          number = _bo_store_column_dup (stmt, 0);
          bo_lines = sqlite3_column_int64 (stmt, 1);
          value = sqlite3_column_int64 (stmt, 2);
          given = sqlite3_column_int64 (stmt, 3);
        }
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, BO_ERROR, BO_ERROR_NOT_FOUND,
                       _("There is no order with id %" PRId64), order_id);
          ok = FALSE;
        }
      else if (rc != SQLITE_ROW)
        ok = _bo_store_set_error (self, rc, error);
    }
  if (ok && bo_lines == 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                   _("Order %s was never backordered: goodwill is for customers who wait"),
                   number);
      ok = FALSE;
    }
  if (ok && percent > 0)
    {
      gint64 scaled;

      /* Rounded half up, in minor units; an order worth more than 64 bits
       * can hold divided by the percentage is refused, not wrapped. */
      if (!bo_money_mul (value, percent, &scaled) || !bo_money_add (scaled, 5000, &scaled))
        {
          bo_money_set_overflow (error, _("The goodwill percentage of this order"));
          ok = FALSE;
        }
      amount = ok ? scaled / 10000 : 0;
      if (ok && amount == 0)
        {
          g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                       _("Order %s: %g %% of its value comes to nothing"), number,
                       percent / 100.0);
          ok = FALSE;
        }
    }
  if (ok && given + amount > value)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                   _("Order %s: the goodwill would come to more than the order is worth (%"
                     PRId64 " given already, %" PRId64 " more asked, %"
                     PRId64 " in all, in minor units)"),
                   number, given, amount, value);
      ok = FALSE;
    }

  if (ok)
    ok = (stmt = _bo_store_prepare (self,
                                    "INSERT INTO goodwill (order_id, at, day, amount, percent, "
                                    "  voucher, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                    error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, order_id);
      sqlite3_bind_int64 (stmt, 2, bo_store_get_now (self));
      _bo_bind_date (stmt, 3, bo_store_get_today (self));
      sqlite3_bind_int64 (stmt, 4, amount);
      if (percent > 0)
        sqlite3_bind_int (stmt, 5, percent);
      sqlite3_bind_text (stmt, 6, clean_voucher, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, note != NULL ? note : "", -1, SQLITE_STATIC);
      ok = _bo_store_step_done (self, stmt, error);
    }
  if (ok && goodwill_id != NULL)
    *goodwill_id = sqlite3_last_insert_rowid (self->db);
  if (ok)
    {
      g_autofree char *detail = g_strdup_printf ("%" PRId64 "%s%s", amount,
                                                 *clean_voucher != '\0' ? " " : "", clean_voucher);
      ok = _bo_store_log_event (self, "goodwill", number, detail, error);
    }
  return _bo_store_finish (self, ok, TRUE, error);
}

/* ---- revenue ---------------------------------------------------------------------- */

static gint64
midnight (guint32 day)
{
  return bo_date_to_unix_local (day);
}

static gboolean
sum_pair (BoStore     *self,
          const char  *sql,
          gboolean     by_instant,
          guint32      first,
          guint32      last,
          gint64      *a,
          gint64      *b,
          GError     **error)
{
  sqlite3_stmt *stmt = _bo_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (by_instant)
    {
      /* Shipments are instants: the local days' bounds, end excluded. */
      sqlite3_bind_int64 (stmt, 1, midnight (first));
      sqlite3_bind_int64 (stmt, 2, midnight (last + 1));
    }
  else
    {
      _bo_bind_date (stmt, 1, first);
      _bo_bind_date (stmt, 2, last);
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *a = sqlite3_column_int64 (stmt, 0);
      *b = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _bo_store_set_error (self, rc, error);
  return TRUE;
}

/**
 * bo_store_revenue_history:
 * @from_day: first day (Julian), inclusive
 * @to_day: last day (Julian), inclusive
 *
 * Revenue recognised on delivery per calendar period, beside the backlog
 * still to deliver at the end of each period, refunds of cancellations and
 * goodwill given. Every period that touches the range has a point; days
 * outside the range are left out.
 *
 * Returns: (transfer full) (element-type BoRevenuePoint): oldest first, or
 *   %NULL on error
 */
GArray *
bo_store_revenue_history (BoStore   *self,
                          BoPeriod   period,
                          guint32    from_day,
                          guint32    to_day,
                          GError   **error)
{
  static const char *shipped_sql =
    "SELECT coalesce (sum (sl.quantity * l.unit_price), 0), coalesce (sum (sl.quantity), 0) "
    "FROM shipments s JOIN shipment_lines sl ON sl.shipment_id = s.id "
    "  JOIN order_lines l ON l.id = sl.line_id "
    "WHERE s.shipped_at >= ?1 AND s.shipped_at < ?2";
  static const char *refunds_sql =
    "SELECT coalesce (sum (refund), 0), coalesce (sum (quantity), 0) FROM cancellations "
    "WHERE day BETWEEN ?1 AND ?2";
  static const char *goodwill_sql =
    "SELECT coalesce (sum (amount), 0), count (*) FROM goodwill WHERE day BETWEEN ?1 AND ?2";
  g_autoptr(GArray) points = NULL;
  g_autoptr(GArray) backlog = NULL;

  g_return_val_if_fail (BO_IS_STORE (self), NULL);

  if (from_day == 0 || to_day < from_day || !g_date_valid_julian (to_day))
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("Invalid range of days"));
      return NULL;
    }
  if ((backlog = bo_store_backlog_history (self, period, from_day, to_day, error)) == NULL)
    return NULL;

  points = g_array_sized_new (FALSE, TRUE, sizeof (BoRevenuePoint), backlog->len);
  for (guint i = 0; i < backlog->len; i++)
    {
      const BoBacklogPoint *b = &g_array_index (backlog, BoBacklogPoint, i);
      guint32 first = MAX (b->first_day, from_day);
      guint32 last = i + 1 < backlog->len
                       ? g_array_index (backlog, BoBacklogPoint, i + 1).first_day - 1
                       : to_day;
      BoRevenuePoint p = { 0 };

      p.year = b->year;
      p.index = b->index;
      p.first_day = b->first_day;
      p.backlog = b->value;
      p.backlog_units = b->units;
      last = MIN (last, to_day);
      if (!sum_pair (self, shipped_sql, TRUE, first, last, &p.revenue, &p.shipped, error) ||
          !sum_pair (self, refunds_sql, FALSE, first, last, &p.refunds, &p.cancelled, error) ||
          !sum_pair (self, goodwill_sql, FALSE, first, last, &p.goodwill, &p.goodwill_count,
                     error))
        {
          bo_money_name_overflow (error, _("The revenue of a period"));
          return NULL;
        }
      g_array_append_val (points, p);
    }
  return g_steal_pointer (&points);
}
