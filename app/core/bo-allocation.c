/* bo-allocation.c — who gets scarce stock
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-allocation"
#include "config.h"
#include <glib/gi18n-lib.h>
#include "backorders/bo-allocation.h"
#include "bo-reason-private.h"

#include <stdlib.h>
#include <string.h>

/* One call of bo_allocate() works like this (DESIGN.md section 2):
 *
 *  1. Sort the demands into order of service (tier high first, placed_at,
 *     order id, line id) and give every product a dense index.
 *  2. Group the lines of ship-complete orders by order, then by product, so
 *     that an order can be examined in time proportional to its own lines.
 *  3. Walk the tiers from high to low. FIFO serves every line at its turn;
 *     fair share and pro rata first serve the tier's ship-complete orders, then
 *     share each product's remaining supply among the tier's other lines.
 *
 * Every step is a sort or a linear pass, so a call costs O(n log n) in the
 * number of demands, whatever the quantities are.
 */

struct _BoPlan
{
  /* owned */
  BoGrant *grants;           /* n_grants, in the order of the input demands */
  gsize    n_grants;
  gint64  *product_ids;      /* n_products, ascending */
  gint64  *product_granted;  /* total granted, parallel to product_ids */
  gsize    n_products;
};

/* An unsigned 128-bit number. Pro rata multiplies a supply by a quantity
 * (each up to 2^63) and sums quantities, which can leave 64 bits; this keeps
 * the arithmetic exact on every platform, with or without __int128.
 */
typedef struct
{
  guint64 hi;
  guint64 lo;
} U128;

typedef struct
{
  BoPolicy        policy;

  /* borrowed */
  const BoDemand *demands;
  guint           n;
  BoGrant        *grants;

  /* owned, by demand index */
  guint          *svc;           /* demand indices in order of service */
  guint          *rank;          /* position of each demand in svc */
  guint          *pidx;          /* dense product index */
  guint          *sc_group;      /* ship-complete order group, or G_MAXUINT */

  /* owned, by product index */
  gint64         *product_ids;   /* ascending */
  guint           n_products;
  gint64         *remaining;     /* free supply not yet granted */
  guint          *stamp;         /* tier run that last touched the product, + 1 */
  guint          *count;
  guint          *first;

  /* owned, ship-complete orders */
  guint          *sc_lines;      /* by (order id, product, order of service) */
  guint          *sc_start;      /* group g is sc_lines[sc_start[g] .. sc_start[g + 1]) */
  gboolean       *sc_decided;

  /* owned, scratch space for sharing */
  guint          *bucket;
  guint          *touched;
  guint          *candidates;
  U128           *remainders;
} Allocation;

static inline U128
u128_from (guint64 value)
{
  return (U128) { 0, value };
}

static inline U128
u128_add (U128 a,
          U128 b)
{
  U128 sum = { a.hi + b.hi, a.lo + b.lo };

  if (sum.lo < a.lo)
    sum.hi++;

  return sum;
}

static inline U128
u128_sub (U128 a,
          U128 b)
{
  U128 diff = { a.hi - b.hi, a.lo - b.lo };

  if (a.lo < b.lo)
    diff.hi--;

  return diff;
}

static inline int
u128_cmp (U128 a,
          U128 b)
{
  if (a.hi != b.hi)
    return a.hi < b.hi ? -1 : 1;
  if (a.lo != b.lo)
    return a.lo < b.lo ? -1 : 1;
  return 0;
}

static U128
u128_mul (guint64 a,
          guint64 b)
{
  guint64 a_lo = a & 0xffffffffu, a_hi = a >> 32;
  guint64 b_lo = b & 0xffffffffu, b_hi = b >> 32;
  guint64 lo_lo = a_lo * b_lo;
  guint64 hi_lo = a_hi * b_lo;
  guint64 lo_hi = a_lo * b_hi;
  guint64 hi_hi = a_hi * b_hi;
  guint64 cross = (lo_lo >> 32) + (hi_lo & 0xffffffffu) + lo_hi;

  return (U128) { hi_hi + (hi_lo >> 32) + (cross >> 32), (cross << 32) | (lo_lo & 0xffffffffu) };
}

/* Divides @n by @d (not zero, below 2^127). */
static void
u128_divmod (U128  n,
             U128  d,
             U128 *quotient,
             U128 *remainder)
{
  U128 q = { 0, 0 };
  U128 r = { 0, 0 };

  if (n.hi == 0 && d.hi == 0)
    {
      *quotient = u128_from (n.lo / d.lo);
      *remainder = u128_from (n.lo % d.lo);
      return;
    }

  for (int bit = 127; bit >= 0; bit--)
    {
      guint64 next = bit >= 64 ? (n.hi >> (bit - 64)) & 1 : (n.lo >> bit) & 1;

      r.hi = (r.hi << 1) | (r.lo >> 63);
      r.lo = (r.lo << 1) | next;

      if (u128_cmp (r, d) >= 0)
        {
          r = u128_sub (r, d);
          if (bit >= 64)
            q.hi |= G_GUINT64_CONSTANT (1) << (bit - 64);
          else
            q.lo |= G_GUINT64_CONSTANT (1) << bit;
        }
    }

  *quotient = q;
  *remainder = r;
}

static inline gint64
u128_to_int64_saturated (U128 value)
{
  if (value.hi != 0 || value.lo > G_MAXINT64)
    return G_MAXINT64;
  return (gint64) value.lo;
}

static inline gint64
add_saturated (gint64 a,
               gint64 b)
{
  return a > G_MAXINT64 - b ? G_MAXINT64 : a + b;
}

/* Sorting works on copies of the keys, compared as unsigned numbers in turn;
 * the index of an item breaks the remaining ties.
 */
typedef struct
{
  guint64 key[4];
} SortKey;

typedef struct
{
  guint64 key;
  guint   index;
} RadixItem;

/* Maps a signed number onto an unsigned one, keeping the order. */
static inline guint64
sort_key (gint64 value)
{
  return (guint64) value ^ (G_GUINT64_CONSTANT (1) << 63);
}

static inline gboolean
sort_key_after (const SortKey *keys,
                guint          a,
                guint          b)
{
  for (guint k = 0; k < G_N_ELEMENTS (keys->key); k++)
    if (keys[a].key[k] != keys[b].key[k])
      return keys[a].key[k] > keys[b].key[k];
  return a > b;
}

/* Fills @order with the indices of @keys in sorted order. Keys already in
 * order (straight from an ORDER BY, as callers usually hand demands over)
 * cost one comparison each. Other input gets a least-significant-digit radix
 * sort over the key bytes that differ between items, one key at a time: a
 * few linear passes over small items, and no comparisons to mispredict.
 */
static void
sort_keys (const SortKey *keys,
           gsize          n,
           guint         *order)
{
  g_autofree RadixItem *items = NULL;
  g_autofree RadixItem *scratch = NULL;
  guint64 all_ones[G_N_ELEMENTS (keys->key)], any_ones[G_N_ELEMENTS (keys->key)];
  gsize i;

  for (i = 0; i < n; i++)
    order[i] = i;
  for (i = 1; i < n && !sort_key_after (keys, i - 1, i); i++)
    ;
  if (i >= n)
    return;

  if (n <= 64)
    {
      for (i = 1; i < n; i++)
        {
          guint item = order[i];
          gsize j = i;

          for (; j > 0 && sort_key_after (keys, order[j - 1], item); j--)
            order[j] = order[j - 1];
          order[j] = item;
        }
      return;
    }

  for (guint k = 0; k < G_N_ELEMENTS (keys->key); k++)
    {
      all_ones[k] = G_MAXUINT64;
      any_ones[k] = 0;
      for (i = 0; i < n; i++)
        {
          all_ones[k] &= keys[i].key[k];
          any_ones[k] |= keys[i].key[k];
        }
    }

  items = g_new (RadixItem, n);
  scratch = g_new (RadixItem, n);

  /* Each pass is stable, so sorting by the last key first and the first key
   * last leaves the items in full order, ties in index order.
   */
  for (guint k = G_N_ELEMENTS (keys->key); k-- > 0;)
    {
      guint counts[8][256];
      guint shifts[8];
      guint n_digits = 0;
      RadixItem *src = items, *dst = scratch;

      /* A byte that is the same in every key cannot change the order. */
      for (guint shift = 0; shift < 64; shift += 8)
        if (((all_ones[k] ^ any_ones[k]) >> shift) & 0xff)
          {
            memset (counts[n_digits], 0, sizeof counts[n_digits]);
            shifts[n_digits++] = shift;
          }
      if (n_digits == 0)
        continue;

      for (i = 0; i < n; i++)
        {
          guint64 key = keys[order[i]].key[k];

          items[i] = (RadixItem) { key, order[i] };
          for (guint d = 0; d < n_digits; d++)
            counts[d][(key >> shifts[d]) & 0xff]++;
        }

      for (guint d = 0; d < n_digits; d++)
        {
          guint sum = 0;

          for (guint b = 0; b < 256; b++)
            {
              guint count = counts[d][b];

              counts[d][b] = sum;
              sum += count;
            }

          for (i = 0; i < n; i++)
            dst[counts[d][(src[i].key >> shifts[d]) & 0xff]++] = src[i];

          {
            RadixItem *swap = src;
            src = dst;
            dst = swap;
          }
        }

      for (i = 0; i < n; i++)
        order[i] = src[i].index;
    }
}

static int
compare_int64 (const void *a,
               const void *b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static guint
find_product (const gint64 *product_ids,
              guint         n_products,
              gint64        product_id)
{
  guint lo = 0, hi = n_products;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (product_ids[mid] < product_id)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo < n_products && product_ids[lo] == product_id ? lo : G_MAXUINT;
}

static void
set_grant (Allocation   *self,
           guint         i,
           gint64        granted,
           BoReasonKind  reason,
           gint64        detail0,
           gint64        detail1,
           gint64        detail2)
{
  BoGrant *grant = &self->grants[i];

  grant->granted = granted;
  grant->reason = reason;
  grant->detail[0] = detail0;
  grant->detail[1] = detail1;
  grant->detail[2] = detail2;
}

/* Dense product indices, the supply of each, and order of service. */
static void
prepare_products (Allocation     *self,
                  const BoSupply *supplies,
                  gsize           n_supplies,
                  SortKey        *keys)
{
  g_autofree guint *order = g_new (guint, MAX (self->n, 1));
  guint n_products = 0;

  for (guint i = 0; i < self->n; i++)
    keys[i] = (SortKey) { { sort_key (self->demands[i].product_id), 0, 0, 0 } };
  sort_keys (keys, self->n, order);

  self->pidx = g_new (guint, self->n);
  self->product_ids = g_new (gint64, MAX (self->n, 1));
  for (guint j = 0; j < self->n; j++)
    {
      gint64 product_id = self->demands[order[j]].product_id;

      if (n_products == 0 || self->product_ids[n_products - 1] != product_id)
        self->product_ids[n_products++] = product_id;
      self->pidx[order[j]] = n_products - 1;
    }
  self->n_products = n_products;

  self->remaining = g_new0 (gint64, MAX (n_products, 1));
  for (gsize s = 0; s < n_supplies; s++)
    {
      guint p = find_product (self->product_ids, n_products, supplies[s].product_id);

      /* Several entries for one product add up (several stock locations). */
      if (p != G_MAXUINT)
        self->remaining[p] = add_saturated (self->remaining[p], supplies[s].free);
    }

  for (guint i = 0; i < self->n; i++)
    {
      const BoDemand *demand = &self->demands[i];

      keys[i] = (SortKey) { { sort_key (-(gint64) demand->tier), sort_key (demand->placed_at),
                              sort_key (demand->order_id), sort_key (demand->line_id) } };
    }

  self->svc = g_new (guint, MAX (self->n, 1));
  self->rank = g_new (guint, MAX (self->n, 1));
  sort_keys (keys, self->n, self->svc);
  for (guint j = 0; j < self->n; j++)
    self->rank[self->svc[j]] = j;

  self->stamp = g_new0 (guint, MAX (n_products, 1));
  self->count = g_new0 (guint, MAX (n_products, 1));
  self->first = g_new0 (guint, MAX (n_products, 1));
}

/* Ship-complete is a property of the order: if any of its lines carries the
 * flag, every line with that order id is served all or nothing.
 */
static void
prepare_ship_complete (Allocation *self,
                       SortKey    *keys)
{
  g_autofree gint64 *order_ids = NULL;
  g_autofree guint *lines = NULL;
  guint n_orders = 0, n_lines = 0, n_groups = 0;

  self->sc_group = g_new (guint, self->n);
  for (guint i = 0; i < self->n; i++)
    {
      self->sc_group[i] = G_MAXUINT;
      if (self->demands[i].ship_complete)
        n_orders++;
    }

  if (n_orders == 0)
    return;

  order_ids = g_new (gint64, n_orders);
  n_orders = 0;
  for (guint i = 0; i < self->n; i++)
    if (self->demands[i].ship_complete)
      order_ids[n_orders++] = self->demands[i].order_id;
  qsort (order_ids, n_orders, sizeof (gint64), compare_int64);

  lines = g_new (guint, self->n);

  for (guint i = 0; i < self->n; i++)
    if (self->demands[i].ship_complete
        || bsearch (&self->demands[i].order_id, order_ids, n_orders, sizeof (gint64),
                    compare_int64) != NULL)
      {
        lines[n_lines] = i;
        keys[n_lines++] = (SortKey) { { sort_key (self->demands[i].order_id), self->pidx[i],
                                        self->rank[i], 0 } };
      }

  self->sc_lines = g_new (guint, n_lines);
  sort_keys (keys, n_lines, self->sc_lines);
  for (guint j = 0; j < n_lines; j++)
    self->sc_lines[j] = lines[self->sc_lines[j]];

  self->sc_start = g_new (guint, n_lines + 1);
  for (guint j = 0; j < n_lines; j++)
    {
      guint i = self->sc_lines[j];

      if (j == 0 || self->demands[self->sc_lines[j - 1]].order_id != self->demands[i].order_id)
        self->sc_start[n_groups++] = j;
      self->sc_group[i] = n_groups - 1;
    }
  self->sc_start[n_groups] = n_lines;
  self->sc_decided = g_new0 (gboolean, n_groups);
}

/* All or nothing, against the supply left at this moment. */
static void
serve_ship_complete (Allocation *self,
                     guint       group)
{
  const guint *lines = self->sc_lines + self->sc_start[group];
  guint n_lines = self->sc_start[group + 1] - self->sc_start[group];

  self->sc_decided[group] = TRUE;

  /* Lines are sorted by product index, which follows product id, so the
   * first product found short is the first in product-id order.
   */
  for (guint j = 0; j < n_lines;)
    {
      guint p = self->pidx[lines[j]];
      gint64 need = 0;

      for (; j < n_lines && self->pidx[lines[j]] == p; j++)
        need = add_saturated (need, self->demands[lines[j]].open);

      if (need > self->remaining[p])
        {
          for (guint k = 0; k < n_lines; k++)
            set_grant (self, lines[k], 0, BO_REASON_HELD_SHIP_COMPLETE,
                       need - self->remaining[p], self->product_ids[p], 0);
          return;
        }
    }

  for (guint k = 0; k < n_lines; k++)
    {
      guint i = lines[k];

      self->remaining[self->pidx[i]] -= self->demands[i].open;
      set_grant (self, i, self->demands[i].open, BO_REASON_SHIP_COMPLETE, n_lines, 0, 0);
    }
}

static void
serve_fifo_tier (Allocation *self,
                 guint       start,
                 guint       end)
{
  guint run = start + 1;

  for (guint j = start; j < end; j++)
    {
      guint i = self->svc[j];
      guint p = self->pidx[i];
      guint group = self->sc_group[i];

      if (self->stamp[p] != run)
        {
          self->stamp[p] = run;
          self->count[p] = 0;
        }
      self->count[p]++;

      if (group != G_MAXUINT)
        {
          if (!self->sc_decided[group])
            serve_ship_complete (self, group);
        }
      else
        {
          gint64 granted = MIN (self->demands[i].open, self->remaining[p]);

          self->remaining[p] -= granted;
          if (granted == 0)
            set_grant (self, i, 0, BO_REASON_NO_STOCK, 0, 0, 0);
          else
            set_grant (self, i, granted, BO_REASON_FIFO, self->count[p], 0, 0);
        }
    }

  /* The number of lines of a product in this tier is known only now. */
  for (guint j = start; j < end; j++)
    {
      guint i = self->svc[j];

      if (self->grants[i].reason == BO_REASON_FIFO)
        self->grants[i].detail[1] = self->count[self->pidx[i]];
    }
}

/* Units that @rounds full rounds hand out, or something above @supply. */
static guint64
fair_share_units (Allocation  *self,
                  const guint *lines,
                  guint        n_lines,
                  gint64       rounds,
                  gint64       supply)
{
  guint64 units = 0;

  for (guint j = 0; j < n_lines && units <= (guint64) supply; j++)
    units += MIN (self->demands[lines[j]].open, rounds);

  return units;
}

/* Fair share without handing out units one by one: find the number r of full
 * rounds (the largest r with Σ min(q, r) ≤ S) by bisection, then give the
 * units left one each, in order of service, to the lines that still want
 * more than r. Each step is linear, and there are at most 63 of them.
 */
static void
share_fair (Allocation  *self,
            guint        p,
            const guint *lines,
            guint        n_lines)
{
  gint64 supply = self->remaining[p];
  gint64 total = 0, largest = 0, level, used, left, rounds;

  for (guint j = 0; j < n_lines; j++)
    {
      gint64 open = self->demands[lines[j]].open;

      total = add_saturated (total, open);
      largest = MAX (largest, open);
    }

  if (supply == 0)
    {
      for (guint j = 0; j < n_lines; j++)
        set_grant (self, lines[j], 0, BO_REASON_NO_STOCK, 0, 0, 0);
      return;
    }

  if (total <= supply)
    {
      for (guint j = 0; j < n_lines; j++)
        {
          gint64 open = self->demands[lines[j]].open;

          set_grant (self, lines[j], open, BO_REASON_FAIR_SHARE, open, largest, 0);
        }
      self->remaining[p] -= total;
      return;
    }

  /* f (r) = Σ min (q, r) grows with r; f (S / n) <= S < f (largest). */
  level = supply / n_lines;
  for (gint64 above = largest; above - level > 1;)
    {
      gint64 mid = level + (above - level) / 2;

      if (fair_share_units (self, lines, n_lines, mid, supply) <= (guint64) supply)
        level = mid;
      else
        above = mid;
    }
  used = (gint64) fair_share_units (self, lines, n_lines, level, supply);

  left = supply - used;
  rounds = level + (left > 0 ? 1 : 0);

  for (guint j = 0; j < n_lines; j++)
    {
      gint64 open = self->demands[lines[j]].open;
      gint64 granted = MIN (open, level);

      if (open > level && left > 0)
        {
          granted++;
          left--;
        }

      if (granted == 0)
        set_grant (self, lines[j], 0, BO_REASON_NO_STOCK, 0, 0, 0);
      else
        set_grant (self, lines[j], granted, BO_REASON_FAIR_SHARE, granted, rounds, 0);
    }

  self->remaining[p] = 0;
}

static inline guint
u128_byte (U128  value,
           guint byte)
{
  return (byte >= 8 ? value.hi >> (8 * (byte - 8)) : value.lo >> (8 * byte)) & 0xff;
}

/* The @wanted-th largest of @values (1-based), found a byte at a time from
 * the most significant one: at most 16 linear passes, whatever the values.
 * @larger gets the number of values strictly above it.
 */
static U128
select_remainder (const U128 *values,
                  guint       n_values,
                  gint64      wanted,
                  guint      *scratch,
                  gint64     *larger)
{
  guint n_candidates = n_values;
  U128 any = { 0, 0 };
  guint top = 0;

  for (guint j = 0; j < n_values; j++)
    {
      scratch[j] = j;
      any.hi |= values[j].hi;
      any.lo |= values[j].lo;
    }
  for (guint byte = 0; byte < 16; byte++)
    if (u128_byte (any, byte) != 0)
      top = byte;

  *larger = 0;
  for (guint byte = top + 1; byte-- > 0;)
    {
      guint counts[256] = { 0, };
      guint chosen = 0, kept = 0;

      for (guint j = 0; j < n_candidates; j++)
        counts[u128_byte (values[scratch[j]], byte)]++;

      for (guint b = 256; b-- > 0;)
        {
          if (counts[b] >= wanted)
            {
              chosen = b;
              break;
            }
          wanted -= counts[b];
          *larger += counts[b];
        }

      if (counts[chosen] == n_candidates)
        continue;
      for (guint j = 0; j < n_candidates; j++)
        if (u128_byte (values[scratch[j]], byte) == chosen)
          scratch[kept++] = scratch[j];
      n_candidates = kept;
    }

  return values[scratch[0]];
}

/* floor (S · q / Q) by largest remainder; S < Q here, so every share fits. */
static void
share_pro_rata (Allocation  *self,
                guint        p,
                const guint *lines,
                guint        n_lines)
{
  gint64 supply = self->remaining[p];
  U128 total = { 0, 0 };
  gint64 total_detail, handed = 0, left;

  for (guint j = 0; j < n_lines; j++)
    total = u128_add (total, u128_from (self->demands[lines[j]].open));
  total_detail = u128_to_int64_saturated (total);

  if (supply == 0)
    {
      for (guint j = 0; j < n_lines; j++)
        set_grant (self, lines[j], 0, BO_REASON_NO_STOCK, 0, 0, 0);
      return;
    }

  if (u128_cmp (total, u128_from (supply)) <= 0)
    {
      for (guint j = 0; j < n_lines; j++)
        {
          gint64 open = self->demands[lines[j]].open;

          set_grant (self, lines[j], open, BO_REASON_PRO_RATA, supply, open, total_detail);
        }
      self->remaining[p] -= (gint64) total.lo;
      return;
    }

  for (guint j = 0; j < n_lines; j++)
    {
      guint64 open = self->demands[lines[j]].open;
      U128 share, remainder;

      if (total.hi == 0 && (guint64) supply <= G_MAXUINT64 / open)
        {
          guint64 product = (guint64) supply * open;

          share = u128_from (product / total.lo);
          remainder = u128_from (product % total.lo);
        }
      else
        {
          u128_divmod (u128_mul (supply, open), total, &share, &remainder);
        }

      self->remainders[j] = remainder;
      handed += (gint64) share.lo;
      set_grant (self, lines[j], (gint64) share.lo, BO_REASON_PRO_RATA, supply, (gint64) open,
                 total_detail);
    }

  /* Fewer units are left than lines with a remainder, so each of them gets
   * at most one and no line exceeds its open quantity.
   */
  left = supply - handed;
  if (left > 0)
    {
      gint64 larger, ties;
      U128 threshold = select_remainder (self->remainders, n_lines, left, self->candidates,
                                         &larger);

      /* Ties at the threshold go by order of service, the order of @lines. */
      ties = left - larger;
      for (guint j = 0; j < n_lines; j++)
        {
          int cmp = u128_cmp (self->remainders[j], threshold);

          if (cmp > 0 || (cmp == 0 && ties-- > 0))
            self->grants[lines[j]].granted++;
        }
    }

  self->remaining[p] = 0;
}

static void
serve_shared_tier (Allocation *self,
                   guint       start,
                   guint       end)
{
  guint run = start + 1;
  guint n_touched = 0, n_bucket = 0;

  for (guint j = start; j < end; j++)
    {
      guint group = self->sc_group[self->svc[j]];

      if (group != G_MAXUINT && !self->sc_decided[group])
        serve_ship_complete (self, group);
    }

  /* Counting sort of the tier's other lines by product; it keeps order of
   * service within each product and touches only the products present.
   */
  for (guint j = start; j < end; j++)
    {
      guint i = self->svc[j];
      guint p = self->pidx[i];

      if (self->sc_group[i] != G_MAXUINT)
        continue;

      if (self->stamp[p] != run)
        {
          self->stamp[p] = run;
          self->count[p] = 0;
          self->touched[n_touched++] = p;
        }
      self->count[p]++;
    }

  for (guint t = 0; t < n_touched; t++)
    {
      guint p = self->touched[t];

      self->first[p] = n_bucket;
      n_bucket += self->count[p];
      self->count[p] = self->first[p];
    }

  for (guint j = start; j < end; j++)
    {
      guint i = self->svc[j];

      if (self->sc_group[i] == G_MAXUINT)
        self->bucket[self->count[self->pidx[i]]++] = i;
    }

  for (guint t = 0; t < n_touched; t++)
    {
      guint p = self->touched[t];
      const guint *lines = self->bucket + self->first[p];
      guint n_lines = self->count[p] - self->first[p];

      if (self->policy == BO_POLICY_FAIR_SHARE)
        share_fair (self, p, lines, n_lines);
      else
        share_pro_rata (self, p, lines, n_lines);
    }
}

static void
allocation_clear (Allocation *self)
{
  g_free (self->svc);
  g_free (self->rank);
  g_free (self->pidx);
  g_free (self->sc_group);
  g_free (self->product_ids);
  g_free (self->remaining);
  g_free (self->stamp);
  g_free (self->count);
  g_free (self->first);
  g_free (self->sc_lines);
  g_free (self->sc_start);
  g_free (self->sc_decided);
  g_free (self->bucket);
  g_free (self->touched);
  g_free (self->candidates);
  g_free (self->remainders);
}

/**
 * bo_policy_to_string:
 * @policy: a #BoPolicy
 *
 * Returns: the stable name of @policy, as stored in settings and files:
 *   "fifo", "fair-share" or "pro-rata"
 */
const char *
bo_policy_to_string (BoPolicy policy)
{
  switch (policy)
    {
    case BO_POLICY_FIFO:
      return "fifo";
    case BO_POLICY_FAIR_SHARE:
      return "fair-share";
    case BO_POLICY_PRO_RATA:
      return "pro-rata";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * bo_policy_from_string:
 * @text: a name as returned by bo_policy_to_string()
 * @policy: (out) (optional): where to store the policy
 *
 * Returns: %TRUE if @text names a policy
 */
gboolean
bo_policy_from_string (const char *text,
                       BoPolicy   *policy)
{
  static const BoPolicy policies[] = {
    BO_POLICY_FIFO,
    BO_POLICY_FAIR_SHARE,
    BO_POLICY_PRO_RATA,
  };

  g_return_val_if_fail (text != NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (policies); i++)
    if (g_str_equal (text, bo_policy_to_string (policies[i])))
      {
        if (policy != NULL)
          *policy = policies[i];
        return TRUE;
      }

  return FALSE;
}

/**
 * bo_policy_label:
 * @policy: a #BoPolicy
 *
 * Returns: the translated name of @policy for people
 */
const char *
bo_policy_label (BoPolicy policy)
{
  switch (policy)
    {
    case BO_POLICY_FIFO:
      return _("First come, first served");
    case BO_POLICY_FAIR_SHARE:
      return _("Fair share");
    case BO_POLICY_PRO_RATA:
      return _("Pro rata");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * bo_allocate:
 * @policy: how supply is shared within a tier
 * @supplies: (array length=n_supplies): free supply per product; a product
 *   missing here has none, several entries for one product add up
 * @n_supplies: length of @supplies
 * @demands: (array length=n_demands): the waiting lines, in any order; line
 *   ids must be unique
 * @n_demands: length of @demands
 *
 * Decides who gets the free supply (DESIGN.md section 2). The result depends
 * only on the values given, never on the order of @demands.
 *
 * Returns: (transfer full): the plan, with one grant per demand in the order of
 *   @demands; %NULL if an argument is invalid
 */
BoPlan *
bo_allocate (BoPolicy        policy,
             const BoSupply *supplies,
             gsize           n_supplies,
             const BoDemand *demands,
             gsize           n_demands)
{
  Allocation self = { 0, };
  g_autoptr (BoPlan) plan = NULL;
  g_autofree SortKey *keys = NULL;

  g_return_val_if_fail (policy == BO_POLICY_FIFO || policy == BO_POLICY_FAIR_SHARE
                          || policy == BO_POLICY_PRO_RATA, NULL);
  g_return_val_if_fail (supplies != NULL || n_supplies == 0, NULL);
  g_return_val_if_fail (demands != NULL || n_demands == 0, NULL);
  g_return_val_if_fail (n_demands < G_MAXUINT, NULL);

  for (gsize s = 0; s < n_supplies; s++)
    g_return_val_if_fail (supplies[s].free >= 0, NULL);
  for (gsize i = 0; i < n_demands; i++)
    g_return_val_if_fail (demands[i].open > 0, NULL);

  plan = g_new0 (BoPlan, 1);
  plan->n_grants = n_demands;
  plan->grants = g_new0 (BoGrant, MAX (n_demands, 1));
  for (gsize i = 0; i < n_demands; i++)
    {
      plan->grants[i].line_id = demands[i].line_id;
      plan->grants[i].order_id = demands[i].order_id;
      plan->grants[i].product_id = demands[i].product_id;
      plan->grants[i].requested = demands[i].open;
    }

  self.policy = policy;
  self.demands = demands;
  self.n = n_demands;
  self.grants = plan->grants;

  keys = g_new (SortKey, MAX (n_demands, 1));
  prepare_products (&self, supplies, n_supplies, keys);
  prepare_ship_complete (&self, keys);
  g_clear_pointer (&keys, g_free);

  if (policy != BO_POLICY_FIFO)
    {
      self.bucket = g_new (guint, MAX (n_demands, 1));
      self.touched = g_new (guint, MAX (self.n_products, 1));
      if (policy == BO_POLICY_PRO_RATA)
        {
          self.remainders = g_new (U128, MAX (n_demands, 1));
          self.candidates = g_new (guint, MAX (n_demands, 1));
        }
    }

  for (guint start = 0; start < self.n;)
    {
      gint tier = demands[self.svc[start]].tier;
      guint end = start;

      while (end < self.n && demands[self.svc[end]].tier == tier)
        end++;

      if (policy == BO_POLICY_FIFO)
        serve_fifo_tier (&self, start, end);
      else
        serve_shared_tier (&self, start, end);

      start = end;
    }

  plan->n_products = self.n_products;
  plan->product_ids = g_steal_pointer (&self.product_ids);
  plan->product_granted = g_new0 (gint64, MAX (self.n_products, 1));
  for (guint i = 0; i < self.n; i++)
    plan->product_granted[self.pidx[i]] += plan->grants[i].granted;

  allocation_clear (&self);

  return g_steal_pointer (&plan);
}

/**
 * bo_plan_get_n_grants:
 * @plan: a #BoPlan
 *
 * Returns: the number of grants, equal to the number of demands allocated
 */
gsize
bo_plan_get_n_grants (const BoPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_grants;
}

/**
 * bo_plan_get_grant:
 * @plan: a #BoPlan
 * @index: index of a demand given to bo_allocate()
 *
 * Returns: (transfer none): the grant for demand @index
 */
const BoGrant *
bo_plan_get_grant (const BoPlan *plan,
                   gsize         index)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (index < plan->n_grants, NULL);

  return &plan->grants[index];
}

/**
 * bo_plan_get_granted:
 * @plan: a #BoPlan
 * @product_id: a product
 *
 * Returns: the units granted in total to lines of @product_id, 0 for a
 *   product no demand asked for
 */
gint64
bo_plan_get_granted (const BoPlan *plan,
                     gint64        product_id)
{
  guint p;

  g_return_val_if_fail (plan != NULL, 0);

  p = find_product (plan->product_ids, plan->n_products, product_id);

  return p == G_MAXUINT ? 0 : plan->product_granted[p];
}

/**
 * bo_plan_free:
 * @plan: (transfer full) (nullable): a #BoPlan
 *
 * Frees @plan.
 */
void
bo_plan_free (BoPlan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->grants);
  g_free (plan->product_ids);
  g_free (plan->product_granted);
  g_free (plan);
}

/* The pro rata share S · q / Q of a grant, as text, truncated to two
 * decimals (a share shown as 2 must really be 2); @whole gets its floor.
 */
char *
_bo_share_format (gint64  supply,
                  gint64  open,
                  gint64  total,
                  gint64 *whole)
{
  U128 share, remainder, hundredths, unused;
  gint64 fraction;

  u128_divmod (u128_mul (supply, open), u128_from (total), &share, &remainder);
  u128_divmod (u128_mul (remainder.lo, 100), u128_from (total), &hundredths, &unused);
  *whole = u128_to_int64_saturated (share);
  fraction = (gint64) hundredths.lo;

  if (fraction == 0)
    return g_strdup_printf ("%lld", (long long) *whole);
  if (fraction % 10 == 0)
    return g_strdup_printf ("%.1f", (double) *whole + fraction / 100.0);
  return g_strdup_printf ("%.2f", (double) *whole + fraction / 100.0);
}

/**
 * bo_reason_from_grant:
 * @reason: (out caller-allocates): receives the reason; clear it with bo_reason_clear()
 * @grant: a grant from a #BoPlan
 * @sku_func: (scope call) (nullable): names products by SKU
 * @user_data: data for @sku_func
 *
 * The reason of @grant as data, as the store keeps it.
 */
void
bo_reason_from_grant (BoReason      *reason,
                      const BoGrant *grant,
                      BoSkuFunc      sku_func,
                      gpointer       user_data)
{
  g_return_if_fail (reason != NULL);
  g_return_if_fail (grant != NULL);

  memset (reason, 0, sizeof *reason);
  reason->kind = grant->reason;
  reason->args[0] = grant->detail[0];
  reason->args[1] = grant->detail[1];
  reason->args[2] = grant->detail[2];
  if (grant->reason == BO_REASON_PRO_RATA)
    reason->args[3] = grant->granted;
  if (grant->reason == BO_REASON_HELD_SHIP_COMPLETE && sku_func != NULL)
    reason->text = g_strdup (sku_func (grant->detail[1], user_data));
}

/**
 * bo_grant_describe:
 * @grant: a grant from a #BoPlan
 * @sku_func: (scope call) (nullable): names products by SKU
 * @user_data: data for @sku_func
 *
 * Explains in one short translated sentence why the line got what it got,
 * such as "fair share: a unit in each of 3 rounds"; see bo_reason_describe().
 *
 * Returns: (transfer full): the sentence
 */
char *
bo_grant_describe (const BoGrant *grant,
                   BoSkuFunc      sku_func,
                   gpointer       user_data)
{
  g_auto(BoReason) reason = BO_REASON_INIT;

  g_return_val_if_fail (grant != NULL, NULL);

  bo_reason_from_grant (&reason, grant, sku_func, user_data);
  return bo_reason_describe (&reason);
}
