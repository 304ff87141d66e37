/* bo-store-placement.c — the bookkeeping of placing a group of new order lines
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Placing an order typed in and applying an import both end here, inside
 * the caller's transaction, once their rows are inserted: the group's lines
 * are allocated together through _bo_store_allocate(), the backorder policy
 * is applied to what allocation left uncovered (the rule placing's preview
 * asks too), and the derived counters are written — each line's
 * backordered_at_placement, the products' backlog, the orders' and the
 * placement days' counts. An order typed in is refused by a policy; an
 * imported one was accepted by the shop platform already, so it is placed
 * as backordered and the group's notes say which products it concerns.
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "backorders/bo-promise.h"
#include "bo-store-private.h"

/* Units accepted against a product's policy, for the group's notes. */
typedef struct
{
  char    *sku;
  gboolean incoming;   /* allow-if-incoming; otherwise no backorders at all */
  gint64   units;
} AcceptedAgainst;

static void
accepted_against_clear (gpointer data)
{
  g_free (((AcceptedAgainst *) data)->sku);
}

void
_bo_placement_group_init (BoPlacementGroup *group)
{
  memset (group, 0, sizeof *group);
  group->orders = g_array_new (FALSE, TRUE, sizeof (BoPlacedOrder));
  group->lines = g_array_new (FALSE, TRUE, sizeof (BoPlacedLine));
  g_array_set_clear_func (group->lines, _bo_placed_line_clear);
  group->product_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

void
_bo_placement_group_clear (BoPlacementGroup *group)
{
  g_clear_pointer (&group->orders, g_array_unref);
  g_clear_pointer (&group->lines, g_array_unref);
  g_clear_pointer (&group->product_ids, g_array_unref);
}

/* Whether a line waits for the shop's stock: drop-ship lines are shipped by
 * the supplier, and imported units shipped already wait for nothing. */
static inline gboolean
waits_for_stock (const BoPlacedLine *line)
{
  return !line->drop_ship && line->open > 0;
}

/* What a product could promise before the group, and what the group's
 * orders so far asked of it. */
typedef struct
{
  gint64 atp;
  gint64 asked;
} Promisable;

/* Each waiting line's available to promise before its order: the product's
 * before the group, less what the group's earlier orders asked of it. That is
 * what it would be had the orders been placed one after the other, since an
 * order lowers it by all it asks, allocated or backordered. */
static gboolean
read_available_to_promise (BoStore          *self,
                           BoPlacementGroup *group,
                           GError          **error)
{
  g_autoptr(GHashTable) products = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                          g_free);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint order_start = 0;

  /* Copies: product_ids grows below. */
  for (guint i = 0; i < group->product_ids->len; i++)
    g_hash_table_add (listed, g_memdup2 (&g_array_index (group->product_ids, gint64, i),
                                         sizeof (gint64)));

  for (guint i = 0; i <= group->lines->len; i++)
    {
      BoPlacedLine *line = i < group->lines->len
                             ? &g_array_index (group->lines, BoPlacedLine, i) : NULL;
      Promisable *p;

      /* An order asks once all its lines are looked at: its lines of one
       * product count together. */
      if (line == NULL ||
          (i > 0 && line->order != g_array_index (group->lines, BoPlacedLine, i - 1).order))
        {
          for (guint j = order_start; j < i; j++)
            {
              const BoPlacedLine *done = &g_array_index (group->lines, BoPlacedLine, j);

              if (waits_for_stock (done))
                ((Promisable *) g_hash_table_lookup (products, &done->product_id))->asked +=
                  done->open;
            }
          order_start = i;
        }
      if (line == NULL || !waits_for_stock (line))
        continue;

      if ((p = g_hash_table_lookup (products, &line->product_id)) == NULL)
        {
          g_autoptr(BoProduct) product = bo_store_get_product (self, line->product_id, error);

          if (product == NULL)
            return FALSE;
          p = g_new0 (Promisable, 1);
          p->atp = bo_available_to_promise (product->on_hand, product->allocated,
                                            product->backordered, product->incoming);
          g_hash_table_insert (products, &line->product_id, p);
          if (!g_hash_table_contains (listed, &line->product_id))
            g_array_append_val (group->product_ids, line->product_id);
        }
      line->atp = p->atp - p->asked;
    }
  return TRUE;
}

/* Reads what the allocation gave each waiting line: they were inserted one
 * after the other, so one scan of their id range finds them. */
static gboolean
read_backordered (BoStore          *self,
                  BoPlacementGroup *group,
                  GError          **error)
{
  gint64 first = 0, last = 0;
  guint next = 0;
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < group->lines->len; i++)
    {
      const BoPlacedLine *line = &g_array_index (group->lines, BoPlacedLine, i);

      if (!waits_for_stock (line))
        continue;
      if (first == 0)
        first = line->line_id;
      last = line->line_id;
    }
  if (first == 0)
    return TRUE;

  stmt = _bo_store_prepare (self, "SELECT id, allocated FROM order_lines "
                            "WHERE id BETWEEN ?1 AND ?2 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BoPlacedLine *line = NULL;

      while (next < group->lines->len &&
             !waits_for_stock (&g_array_index (group->lines, BoPlacedLine, next)))
        next++;
      if (next >= group->lines->len)
        break;
      line = &g_array_index (group->lines, BoPlacedLine, next);
      if (sqlite3_column_int64 (stmt, 0) != line->line_id)
        continue;
      line->backordered = line->open - sqlite3_column_int64 (stmt, 1);
      next++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _bo_store_set_error (self, rc, error);
  while (next < group->lines->len &&
         !waits_for_stock (&g_array_index (group->lines, BoPlacedLine, next)))
    next++;
  if (next != group->lines->len)
    return _bo_store_set_error (self, SQLITE_CORRUPT, error);
  return TRUE;
}

/* The policy of each product, applied to what allocation left uncovered: an
 * order typed in fails on the first refused line; an imported one is kept,
 * and the units it has against the policy are noted per product. */
static gboolean
apply_policies (BoPlacementGroup *group,
                GError          **error)
{
  g_autoptr(GArray) against = g_array_new (FALSE, TRUE, sizeof (AcceptedAgainst));
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  g_array_set_clear_func (against, accepted_against_clear);
  for (guint i = 0; i < group->lines->len; i++)
    {
      const BoPlacedLine *line = &g_array_index (group->lines, BoPlacedLine, i);
      g_autofree char *refusal = NULL;
      gpointer found;
      AcceptedAgainst *a;

      if (!waits_for_stock (line) || line->backordered == 0)
        continue;
      if ((refusal = _bo_placed_line_refusal (group->lines, i, line->backordered)) == NULL)
        continue;
      if (!group->accept_refused)
        {
          g_set_error_literal (error, BO_ERROR, BO_ERROR_REFUSED, refusal);
          return FALSE;
        }
      if (!g_hash_table_lookup_extended (index, line->sku, NULL, &found))
        {
          AcceptedAgainst fresh = { g_strdup (line->sku), FALSE, 0 };

          fresh.incoming = !line->discontinued && line->policy == BO_BACKORDER_ALLOW_IF_INCOMING;
          g_array_append_val (against, fresh);
          found = GUINT_TO_POINTER (against->len);
          g_hash_table_insert (index, g_array_index (against, AcceptedAgainst,
                                                     against->len - 1).sku, found);
        }
      a = &g_array_index (against, AcceptedAgainst, GPOINTER_TO_UINT (found) - 1);
      a->units += line->backordered;
    }

  for (guint i = 0; group->notes != NULL && i < against->len; i++)
    {
      const AcceptedAgainst *a = &g_array_index (against, AcceptedAgainst, i);

      if (a->incoming)
        g_ptr_array_add (group->notes,
                         g_strdup_printf (_("%s takes backorders only as far as stock and incoming "
                                            "purchase orders cover them, but the shop platform "
                                            "accepted its orders: %" PRId64 " units are "
                                            "backordered"), a->sku, a->units));
      else
        g_ptr_array_add (group->notes,
                         g_strdup_printf (_("%s takes no backorders, but the shop platform accepted "
                                            "its orders: %" PRId64 " units are backordered"),
                                          a->sku, a->units));
    }
  return TRUE;
}

/* Each backordered line's placement record and backlog movement; the
 * products' backlog is added up and written once each. */
static gboolean
write_backorders (BoStore          *self,
                  BoPlacementGroup *group,
                  GError          **error)
{
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(GArray) products = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  for (guint i = 0; i < group->lines->len; i++)
    {
      BoPlacedLine *line = &g_array_index (group->lines, BoPlacedLine, i);
      BoPlacedOrder *order = &g_array_index (group->orders, BoPlacedOrder, line->order);
      gint64 *total;

      if (!waits_for_stock (line) || line->backordered == 0)
        continue;
      order->bo_lines++;
      order->bo_units += line->backordered;
      group->bo_lines++;
      group->bo_units += line->backordered;

      stmt = _bo_store_prepare (self,
                                "UPDATE order_lines SET backordered_at_placement = ?2, "
                                "  reason_kind = CASE WHEN reason_kind = 'text' AND "
                                "    reason = '' THEN 'no-stock' ELSE reason_kind END "
                                "WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, line->line_id);
      sqlite3_bind_int64 (stmt, 2, line->backordered);
      if (!_bo_store_step_done (self, stmt, error))
        return FALSE;

      /* The backlog history, as _bo_store_backlog_move() writes it. */
      stmt = _bo_store_prepare (self, "INSERT INTO backlog_movements (day, line_id, units, "
                                "value) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      _bo_bind_date (stmt, 1, bo_store_get_today (self));
      sqlite3_bind_int64 (stmt, 2, line->line_id);
      sqlite3_bind_int64 (stmt, 3, line->backordered);
      sqlite3_bind_int64 (stmt, 4, line->backordered * line->price);
      if (!_bo_store_step_done (self, stmt, error))
        return FALSE;
      if ((total = g_hash_table_lookup (totals, &line->product_id)) == NULL)
        {
          total = g_new0 (gint64, 1);
          g_hash_table_insert (totals, &line->product_id, total);
          g_array_append_val (products, line->product_id);
        }
      *total += line->backordered;
    }

  for (guint i = 0; i < products->len; i++)
    {
      gint64 product_id = g_array_index (products, gint64, i);

      stmt = _bo_store_prepare (self, "UPDATE products SET backordered = backordered + ?2 "
                                "WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, product_id);
      sqlite3_bind_int64 (stmt, 2, *(gint64 *) g_hash_table_lookup (totals, &product_id));
      if (!_bo_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

void
_bo_placement_days_init (BoPlacementDays *days)
{
  days->index = g_hash_table_new (g_direct_hash, g_direct_equal);
  days->counts = g_array_new (FALSE, TRUE, sizeof (BoPlacementDay));
}

void
_bo_placement_days_clear (BoPlacementDays *days)
{
  g_clear_pointer (&days->index, g_hash_table_unref);
  g_clear_pointer (&days->counts, g_array_unref);
}

/* Counts one order placed on @day: its lines and units, and how many of
 * them were backordered at placement. */
void
_bo_placement_days_add (BoPlacementDays *days,
                        guint32          day,
                        gint64           lines,
                        gint64           units,
                        gint64           bo_lines,
                        gint64           bo_units)
{
  gpointer found = g_hash_table_lookup (days->index, GUINT_TO_POINTER (day));
  BoPlacementDay *counts;

  if (found == NULL)
    {
      BoPlacementDay fresh = { .day = day };

      g_array_append_val (days->counts, fresh);
      found = GUINT_TO_POINTER (days->counts->len);
      g_hash_table_insert (days->index, GUINT_TO_POINTER (day), found);
    }
  counts = &g_array_index (days->counts, BoPlacementDay, GPOINTER_TO_UINT (found) - 1);
  counts->orders++;
  counts->bo_orders += bo_lines > 0;
  counts->lines += lines;
  counts->bo_lines += bo_lines;
  counts->units += units;
  counts->bo_units += bo_units;
}

/* Adds @days to the placement days' counts. */
gboolean
_bo_store_write_placement_days (BoStore          *self,
                                const BoPlacementDays *days,
                                GError          **error)
{
  for (guint i = 0; i < days->counts->len; i++)
    {
      const BoPlacementDay *counts = &g_array_index (days->counts, BoPlacementDay, i);
      sqlite3_stmt *stmt;

      stmt = _bo_store_prepare (self,
                                "INSERT INTO placement_days (day, orders, bo_orders, lines, "
                                "  bo_lines, units, bo_units) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                                "ON CONFLICT (day) DO UPDATE SET orders = orders + ?2, "
                                "  bo_orders = bo_orders + ?3, lines = lines + ?4, "
                                "  bo_lines = bo_lines + ?5, units = units + ?6, "
                                "  bo_units = bo_units + ?7",
                                error);
      if (stmt == NULL)
        return FALSE;
      _bo_bind_date (stmt, 1, counts->day);
      sqlite3_bind_int64 (stmt, 2, counts->orders);
      sqlite3_bind_int64 (stmt, 3, counts->bo_orders);
      sqlite3_bind_int64 (stmt, 4, counts->lines);
      sqlite3_bind_int64 (stmt, 5, counts->bo_lines);
      sqlite3_bind_int64 (stmt, 6, counts->units);
      sqlite3_bind_int64 (stmt, 7, counts->bo_units);
      if (!_bo_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The orders' counts, and the placement days' counts added up per day. */
static gboolean
write_counts (BoStore          *self,
              BoPlacementGroup *group,
              GError          **error)
{
  g_auto(BoPlacementDays) days;

  _bo_placement_days_init (&days);
  for (guint i = 0; i < group->orders->len; i++)
    {
      const BoPlacedOrder *order = &g_array_index (group->orders, BoPlacedOrder, i);
      sqlite3_stmt *stmt;

      stmt = _bo_store_prepare (self,
                                "UPDATE orders SET line_count = ?2, unit_count = ?3, "
                                "  bo_lines = ?4, bo_units = ?5 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, order->order_id);
      sqlite3_bind_int64 (stmt, 2, order->line_count);
      sqlite3_bind_int64 (stmt, 3, order->units);
      sqlite3_bind_int64 (stmt, 4, order->bo_lines);
      sqlite3_bind_int64 (stmt, 5, order->bo_units);
      if (!_bo_store_step_done (self, stmt, error))
        return FALSE;
      _bo_placement_days_add (&days, _bo_day_of_instant (order->placed_at), order->line_count,
                              order->units, order->bo_lines, order->bo_units);
    }
  return _bo_store_write_placement_days (self, &days, error);
}

/**
 * _bo_store_place_group:
 * @group: the orders and lines just inserted, lines by ascending id and each
 *   order's lines together; receives what each line and order got
 *
 * The bookkeeping of placing, inside the caller's transaction: one
 * allocation of the whole group by the shop's policy, the backorder
 * policies, and every counter that placing keeps. The caller refreshes the
 * promises of @group's product_ids afterwards.
 */
gboolean
_bo_store_place_group (BoStore          *self,
                       BoPlacementGroup *group,
                       GError          **error)
{
  g_autoptr(GHashTable) new_lines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           g_free);

  if (!read_available_to_promise (self, group, error))
    return FALSE;
  for (guint i = 0; i < group->lines->len; i++)
    {
      const BoPlacedLine *line = &g_array_index (group->lines, BoPlacedLine, i);

      if (waits_for_stock (line))
        g_hash_table_insert (new_lines, g_memdup2 (&line->line_id, sizeof line->line_id), NULL);
    }
  return _bo_store_allocate (self, group->product_ids, NULL, new_lines, error) &&
         read_backordered (self, group, error) &&
         apply_policies (group, error) &&
         write_backorders (self, group, error) &&
         write_counts (self, group, error);
}
