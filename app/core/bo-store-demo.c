/* bo-store-demo.c — a sample shop with years of realistic history
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history is simulated in memory day by day (orders arrive, stock runs
 * out, purchase orders are sent and arrive late or early, backorders are
 * filled first come first served or cancelled), then written in one
 * transaction. Today's promise dates come from the real pegging code, the
 * placement days' counts from placing's own accumulator
 * (bo-store-placement.c). Its orders come in as from a shop platform, like
 * an import's: an allow-if-incoming product backorders what they ask beyond
 * what can be promised instead of refusing it; a product that takes no
 * backorders is sold only as far as its stock goes.
 */
#define G_LOG_DOMAIN "bo-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bo-store-private.h"

typedef struct
{
  guint products;
  guint suppliers;
  guint customers;
  guint orders;
  guint days;
  guint review_days;   /* each supplier is ordered from this often */
  double cover_min;    /* reorder points cover this much of lead time + review… */
  double cover_max;    /* …up to this much */
} Scale;

static const Scale scales[] = {
  [BO_DEMO_SMALL] = { 36, 5, 80, 600, 400, 14, 0.8, 1.4 },
  [BO_DEMO_LARGE] = { 10000, 50, 20000, 200000, 1826, 45, 0.9, 1.6 },
  [BO_DEMO_MEDIUM] = { 1000, 40, 2000, 16000, 365, 14, 0.2, 0.5 },
};

static const char *const scale_names[] = {
  [BO_DEMO_SMALL] = "small", [BO_DEMO_LARGE] = "large", [BO_DEMO_MEDIUM] = "medium",
};

static const char *const items[][2] = {
  { "MUG", "Mug" }, { "TEE", "T-Shirt" }, { "TOTE", "Tote Bag" }, { "CAP", "Cap" },
  { "NOTE", "Notebook" }, { "CNDL", "Candle" }, { "POST", "Poster" }, { "PIN", "Enamel Pin" },
  { "HOOD", "Hoodie" }, { "SOCK", "Socks" }, { "BTL", "Water Bottle" }, { "SCRF", "Scarf" },
};
static const char *const colours[][2] = {
  { "BLU", "Blue" }, { "RED", "Red" }, { "GRN", "Green" }, { "BLK", "Black" },
  { "WHT", "White" }, { "YLW", "Yellow" }, { "OAT", "Oatmeal" }, { "PNK", "Pink" },
};
static const char *const supplier_names[] = {
  "Nordic Ceramics", "Cotton & Co", "Paperworks Ltd", "Atelier Lumière", "Pin Factory",
  "Harbour Textiles", "Green Leaf Supply", "Kiln Brothers", "Print Point", "Woolworks",
};
static const char *const first_names[] = {
  "Anna", "Ben", "Clara", "David", "Emma", "Felix", "Grace", "Hugo", "Ines", "Jonas",
  "Kara", "Liam", "Mia", "Noah", "Olivia", "Paul", "Quinn", "Rosa", "Sam", "Tara",
  "Uma", "Victor", "Wendy", "Xavier", "Yara", "Zoe",
};
static const char *const last_names[] = {
  "Adams", "Berger", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ivanova",
  "Jensen", "Kowalski", "Larsen", "Martin", "Novak", "Olsen", "Petit", "Rossi", "Schmidt",
  "Tanaka", "Weber",
};
static const char *const streets[] = {
  "Mill Lane", "Harbour Street", "Linden Road", "Station Road", "Church Street", "Park Avenue",
};
static const char *const cities[] = {
  "Bristol", "Lyon", "Hamburg", "Utrecht", "Aarhus", "Porto", "Ghent", "Graz",
};

typedef struct
{
  char   *sku;
  char   *name;
  gint64  price, cost;
  gint64  on_hand, allocated, initial;
  gint64  reorder_point, reorder_qty;
  guint   supplier;        /* index, preferred */
  guint   lead_days;
  gboolean reorders;       /* the merchant reorders it; some products wait for a PO */
  gint    open_po;         /* index of the open purchase order for it, or -1 */
  GQueue  waiting;         /* line indexes with open backorders, oldest first */
  double  popularity;
  BoBackorderPolicy policy;
} SimProduct;

typedef struct
{
  guint   order;
  guint   product;
  gint64  ordered, allocated, shipped, cancelled, bo_at_placement, price, refunded;
  guint32 first_promised, completed, cancelled_day;
  gboolean ship_complete;
} SimLine;

typedef struct
{
  guint   customer;
  gint64  placed_at;
  guint32 day;
  guint   first_line, n_lines;
} SimOrder;

typedef struct
{
  guint   supplier;
  guint32 created, eta, arrives;   /* arrives: 0 once received */
  guint32 received_day;
  guint   first_line, n_lines;
} SimPo;

typedef struct
{
  guint  product;
  gint64 quantity, cost, received;
} SimPoLine;

typedef struct
{
  guint  line;
  gint64 quantity;
  guint32 day;
  gint64 at;
} SimShipment;

typedef struct
{
  guint32 day;
  guint   line;
  gint64  units;
} SimBacklog;

typedef struct
{
  GRand  *rand;
  Scale   scale;
  guint32 first_day, today;
  gint64  last_instant;  /* nothing happens later: the evening of today, or now */
  guint   handling_days;
  SimProduct *products;
  double  popularity_total;
  double *cumulative;
  GArray *orders;      /* SimOrder */
  GArray *lines;       /* SimLine */
  GArray *pos;         /* SimPo */
  GArray *po_lines;    /* SimPoLine */
  GArray *shipments;   /* SimShipment */
  GArray *backlog;     /* SimBacklog */
  GArray *to_ship;     /* guint line indexes allocated and not shipped */
  GArray *tiers;       /* gint per customer */
  GArray *sc;          /* gboolean per customer */
} Sim;

static gint64
instant_of_day (guint32 day,
                gint    seconds)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), seconds / 3600, (seconds / 60) % 60,
                              seconds % 60);
  return g_date_time_to_unix (dt);
}

/* An instant of the history, never later than its last moment. */
static gint64
sim_instant (const Sim *sim,
             guint32    day,
             gint       seconds)
{
  return MIN (instant_of_day (day, seconds), sim->last_instant);
}

static guint
pick_product (Sim *sim)
{
  double r = g_rand_double (sim->rand) * sim->popularity_total;
  guint lo = 0, hi = sim->scale.products - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (sim->cumulative[mid] < r)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
record_backlog (Sim     *sim,
                guint32  day,
                guint    line,
                gint64   units)
{
  SimBacklog b = { day, line, units };

  if (units != 0)
    g_array_append_val (sim->backlog, b);
}

/* First come, first served: give free stock of a product to its waiting
 * lines. A ship-complete line (single-line orders only in the demo) takes all
 * or nothing and lets the stock pass. */
static void
fill_waiting (Sim     *sim,
              guint    product_index,
              guint32  day)
{
  SimProduct *p = &sim->products[product_index];
  GList *link = p->waiting.head;

  while (link != NULL && p->on_hand > p->allocated)
    {
      GList *next = link->next;
      guint index = GPOINTER_TO_UINT (link->data);
      SimLine *line = &g_array_index (sim->lines, SimLine, index);
      gint64 open = line->ordered - line->allocated - line->shipped - line->cancelled;
      gint64 give = MIN (open, p->on_hand - p->allocated);

      if (line->ship_complete && give < open)
        give = 0;
      if (give > 0)
        {
          line->allocated += give;
          p->allocated += give;
          record_backlog (sim, day, index, -give);
          g_array_append_val (sim->to_ship, index);
        }
      if (give == open)
        g_queue_delete_link (&p->waiting, link);
      link = next;
    }
}

/* The supplier's ordering day: every product of it that is at or below its
 * reorder point and has nothing on order goes on one purchase order. */
static void
review_supplier (Sim     *sim,
                 guint    supplier,
                 guint32  day)
{
  SimPo po = { 0 };
  guint lead_days = 5 + (supplier * 7) % 25;

  po.supplier = supplier;
  po.created = day;
  po.eta = day + lead_days;
  /* Suppliers are mostly on time, sometimes early, sometimes a week late. */
  po.arrives = po.eta + (g_rand_int_range (sim->rand, 0, 10) < 7 ? g_rand_int_range (sim->rand, -2, 1)
                                                                  : g_rand_int_range (sim->rand, 1, 9));
  po.first_line = sim->po_lines->len;

  for (guint i = supplier; i < sim->scale.products; i += sim->scale.suppliers)
    {
      SimProduct *p = &sim->products[i];
      gint64 backordered = 0;
      SimPoLine line = { 0 };

      if (!p->reorders || p->open_po >= 0)
        continue;
      for (GList *l = p->waiting.head; l != NULL; l = l->next)
        {
          SimLine *waiting = &g_array_index (sim->lines, SimLine, GPOINTER_TO_UINT (l->data));
          backordered += waiting->ordered - waiting->allocated - waiting->shipped - waiting->cancelled;
        }
      if (p->on_hand - p->allocated - backordered > p->reorder_point)
        continue;

      line.product = i;
      line.quantity = MAX (p->reorder_qty, backordered + p->reorder_point);
      line.cost = p->cost;
      g_array_append_val (sim->po_lines, line);
      p->open_po = sim->pos->len;

      /* Waiting lines without a date get the ETA as their first promise. */
      for (GList *l = p->waiting.head; l != NULL; l = l->next)
        {
          SimLine *waiting = &g_array_index (sim->lines, SimLine, GPOINTER_TO_UINT (l->data));
          if (waiting->first_promised == 0)
            waiting->first_promised = po.eta + sim->handling_days;
        }
    }
  po.n_lines = sim->po_lines->len - po.first_line;
  if (po.n_lines > 0)
    g_array_append_val (sim->pos, po);
}

static gboolean
place_order (Sim     *sim,
             guint32  day)
{
  SimOrder order = { 0 };
  guint n_lines = 1 + (g_rand_int_range (sim->rand, 0, 100) < 70) +
                  (g_rand_int_range (sim->rand, 0, 100) < 55) + (g_rand_int_range (sim->rand, 0, 100) < 45);
  gboolean sc;

  order.customer = g_rand_int_range (sim->rand, 0, sim->scale.customers);
  order.day = day;
  /* Orders come in from morning to night; today's only until the history
   * ends (the evening, or now when the shop is made today). */
  order.placed_at = instant_of_day (day, g_rand_int_range (sim->rand, 7 * 3600,
                                                           (day == sim->today ? 18 : 22) * 3600));
  if (order.placed_at > sim->last_instant)
    {
      gint64 midnight = instant_of_day (day, 0);

      order.placed_at = midnight + g_rand_int_range (sim->rand, 0,
                                                     (gint32) (sim->last_instant - midnight) + 1);
    }
  order.first_line = sim->lines->len;
  sc = g_array_index (sim->sc, gboolean, order.customer);
  if (sc)
    n_lines = 1;

  for (guint i = 0; i < n_lines; i++)
    {
      guint product_index = pick_product (sim);
      SimProduct *p = &sim->products[product_index];
      SimLine line = { 0 };
      gint64 free_stock = p->on_hand - p->allocated;
      guint index = sim->lines->len;
      gboolean duplicate = FALSE;

      for (guint j = order.first_line; j < sim->lines->len; j++)
        duplicate |= g_array_index (sim->lines, SimLine, j).product == product_index;
      if (duplicate)
        {
          /* Pick another product for this line. */
          product_index = (product_index + 1 + g_rand_int_range (sim->rand, 0, 50)) % sim->scale.products;
          p = &sim->products[product_index];
          free_stock = p->on_hand - p->allocated;
          duplicate = FALSE;
          for (guint j = order.first_line; j < sim->lines->len; j++)
            duplicate |= g_array_index (sim->lines, SimLine, j).product == product_index;
          if (duplicate)
            continue;
        }

      line.order = sim->orders->len;
      line.product = product_index;
      line.ordered = g_rand_int_range (sim->rand, 0, 100) < 80 ? 1 : g_rand_int_range (sim->rand, 2, 6);
      line.price = p->price;
      line.ship_complete = sc;
      /* Products that refuse backorders sell only what is there. */
      if (p->policy == BO_BACKORDER_DENY && free_stock < line.ordered)
        {
          if (free_stock <= 0)
            continue;
          line.ordered = free_stock;
        }
      line.allocated = MIN (line.ordered, free_stock);
      if (sc && line.allocated < line.ordered)
        line.allocated = 0;
      /* Nobody waits behind earlier backorders. */
      if (p->waiting.length > 0)
        line.allocated = 0;
      line.bo_at_placement = line.ordered - line.allocated;
      p->allocated += line.allocated;
      g_array_append_val (sim->lines, line);
      if (line.allocated > 0)
        g_array_append_val (sim->to_ship, index);
      if (line.bo_at_placement > 0)
        {
          g_queue_push_tail (&p->waiting, GUINT_TO_POINTER (index));
          record_backlog (sim, day, index, line.bo_at_placement);
          if (p->open_po >= 0)
            g_array_index (sim->lines, SimLine, index).first_promised =
              g_array_index (sim->pos, SimPo, p->open_po).eta + sim->handling_days;
        }
    }

  order.n_lines = sim->lines->len - order.first_line;
  if (order.n_lines > 0)
    g_array_append_val (sim->orders, order);
  return order.n_lines > 0;
}

/* What was allocated before leaves today, one shipment line each. */
static void
ship_allocated (Sim     *sim,
                guint32  day)
{
  for (guint i = 0; i < sim->to_ship->len; i++)
    {
      guint index = g_array_index (sim->to_ship, guint, i);
      SimLine *line = &g_array_index (sim->lines, SimLine, index);
      SimProduct *p = &sim->products[line->product];
      SimShipment s;

      if (line->allocated == 0)
        continue;
      s.line = index;
      s.quantity = line->allocated;
      s.day = day;
      s.at = sim_instant (sim, day, g_rand_int_range (sim->rand, 9 * 3600, 17 * 3600));
      g_array_append_val (sim->shipments, s);
      line->shipped += line->allocated;
      p->allocated -= line->allocated;
      p->on_hand -= line->allocated;
      line->allocated = 0;
      if (line->shipped + line->cancelled == line->ordered)
        line->completed = day;
    }
  g_array_set_size (sim->to_ship, 0);
}

static void
receive_arrivals (Sim     *sim,
                  guint32  day)
{
  for (guint i = 0; i < sim->pos->len; i++)
    {
      SimPo *po = &g_array_index (sim->pos, SimPo, i);

      if (po->arrives != day)
        continue;
      po->received_day = day;
      po->arrives = 0;
      for (guint j = 0; j < po->n_lines; j++)
        {
          SimPoLine *line = &g_array_index (sim->po_lines, SimPoLine, po->first_line + j);
          SimProduct *p = &sim->products[line->product];

          line->received = line->quantity;
          p->on_hand += line->quantity;
          p->open_po = -1;
          fill_waiting (sim, line->product, day);
        }
    }
}

/* Some customers tire of waiting and cancel what is still backordered. */
static void
cancel_tired (Sim     *sim,
              guint32  day)
{
  for (guint i = 0; i < sim->scale.products; i++)
    {
      SimProduct *p = &sim->products[i];
      GList *link = p->waiting.head;

      while (link != NULL)
        {
          GList *next = link->next;
          guint index = GPOINTER_TO_UINT (link->data);
          SimLine *line = &g_array_index (sim->lines, SimLine, index);
          SimOrder *order = &g_array_index (sim->orders, SimOrder, line->order);
          gint64 open = line->ordered - line->allocated - line->shipped - line->cancelled;

          if (day - order->day > 21 && g_rand_int_range (sim->rand, 0, 1000) < 15)
            {
              line->cancelled += open;
              line->refunded += open * line->price;
              line->cancelled_day = day;
              record_backlog (sim, day, index, -open);
              if (line->shipped + line->cancelled == line->ordered)
                line->completed = day;
              g_queue_delete_link (&p->waiting, link);
            }
          link = next;
        }
    }
}

static void
simulate (Sim *sim)
{
  guint remaining = sim->scale.orders;

  for (guint32 day = sim->first_day; day <= sim->today; day++)
    {
      guint days_left = sim->today - day + 1;
      /* Spread the orders evenly, with a weekly rhythm and some noise. */
      double mean = (double) remaining / days_left;
      guint today_orders = MIN (remaining, (guint) floor (mean * g_rand_double_range (sim->rand, 0.6, 1.4) + 0.5));

      if (day == sim->today)
        today_orders = remaining;
      receive_arrivals (sim, day);
      /* Today's packing has not happened yet: those orders are ready to ship. */
      if (day < sim->today)
        ship_allocated (sim, day);
      if ((day % 7) == 0)
        cancel_tired (sim, day);
      for (guint i = 0, tries = 0; i < today_orders && tries < today_orders * 10; tries++)
        i += place_order (sim, day);
      for (guint i = 0; i < sim->scale.suppliers; i++)
        if ((day + i * 3) % sim->scale.review_days == 0)
          review_supplier (sim, i, day);
      remaining -= today_orders;
    }
}

static void
build_catalogue (Sim *sim)
{
  gboolean large = sim->scale.products > G_N_ELEMENTS (items) * G_N_ELEMENTS (colours);

  sim->products = g_new0 (SimProduct, sim->scale.products);
  sim->cumulative = g_new (double, sim->scale.products);
  for (guint i = 0; i < sim->scale.products; i++)
    {
      SimProduct *p = &sim->products[i];
      guint item = i % G_N_ELEMENTS (items);
      guint colour = (i / G_N_ELEMENTS (items)) % G_N_ELEMENTS (colours);
      guint series = i / (G_N_ELEMENTS (items) * G_N_ELEMENTS (colours));

      if (large)
        {
          p->sku = g_strdup_printf ("%s-%s-%04u", items[item][0], colours[colour][0], series + 1);
          p->name = g_strdup_printf ("%s %s, series %u", colours[colour][1], items[item][1], series + 1);
        }
      else
        {
          p->sku = g_strdup_printf ("%s-%s", items[item][0], colours[colour][0]);
          p->name = g_strdup_printf ("%s %s", colours[colour][1], items[item][1]);
        }
      p->price = 100 * g_rand_int_range (sim->rand, 4, 60) + (g_rand_boolean (sim->rand) ? 90 : 0);
      p->cost = p->price * g_rand_int_range (sim->rand, 35, 60) / 100;
      p->popularity = 1.0 / (1.0 + (i % 97) * 0.15) * g_rand_double_range (sim->rand, 0.5, 1.5);
      p->supplier = i % sim->scale.suppliers;
      p->lead_days = 5 + (p->supplier * 7) % 25;
      sim->popularity_total += p->popularity;
      sim->cumulative[i] = sim->popularity_total;
    }

  /* Stock levels from expected demand: reorder points are often set a little
   * too low for the lead time, which is how backorders happen. */
  for (guint i = 0; i < sim->scale.products; i++)
    {
      SimProduct *p = &sim->products[i];
      double daily = (double) sim->scale.orders / sim->scale.days * 2.5 * 1.6 *
                     p->popularity / sim->popularity_total;
      guint roll = g_rand_int_range (sim->rand, 0, 100);

      p->reorder_point = (gint64) (daily * (p->lead_days + sim->scale.review_days) *
                                   g_rand_double_range (sim->rand, sim->scale.cover_min,
                                                        sim->scale.cover_max));
      p->reorder_qty = MAX (5, (gint64) (daily * sim->scale.review_days *
                                         g_rand_double_range (sim->rand, 1.0, 2.0)));
      p->initial = p->reorder_qty + p->reorder_point;
      p->on_hand = p->initial;
      p->reorders = roll >= 6;
      p->open_po = -1;
      p->policy = roll < 3 ? BO_BACKORDER_DENY
                  : roll < 10 ? BO_BACKORDER_ALLOW_IF_INCOMING
                              : BO_BACKORDER_ALLOW;
      if (p->policy == BO_BACKORDER_ALLOW_IF_INCOMING)
        p->reorders = TRUE;
      g_queue_init (&p->waiting);
    }
}

/* ---- writing ------------------------------------------------------------------- */

static gboolean
step (BoStore       *self,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return _bo_store_set_error (self, rc, error);
  return TRUE;
}

static sqlite3_stmt *
prepare (BoStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _bo_store_set_error (self, rc, error);
      return NULL;
    }
  return stmt;
}

static gboolean
write_catalogue (BoStore  *self,
                 Sim      *sim,
                 GError  **error)
{
  g_autoptr(GString) address = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gint64 start = instant_of_day (sim->first_day, 8 * 3600);
  gboolean ok = TRUE;

  if ((stmt = prepare (self, "INSERT INTO suppliers (id, name, email, lead_days, created_at) "
                       "VALUES (?, ?, ?, ?, ?)", error)) == NULL)
    return FALSE;
  for (guint i = 0; ok && i < sim->scale.suppliers; i++)
    {
      g_autofree char *name = i < G_N_ELEMENTS (supplier_names)
                                ? g_strdup (supplier_names[i])
                                : g_strdup_printf ("%s %u", supplier_names[i % G_N_ELEMENTS (supplier_names)],
                                                   (guint) (i / G_N_ELEMENTS (supplier_names) + 1));
      g_autofree char *email = g_strdup_printf ("orders%u@supplier.example", i + 1);

      sqlite3_bind_int64 (stmt, 1, i + 1);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, email, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, 5 + (i * 7) % 25);
      sqlite3_bind_int64 (stmt, 5, start);
      ok = step (self, stmt, error);
    }
  sqlite3_finalize (stmt);

  if (!ok || (stmt = prepare (self,
                              "INSERT INTO products (id, sku, name, price, cost, on_hand, allocated, "
                              "  backordered, location, reorder_point, reorder_qty, backorder_policy, "
                              "  created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error)) == NULL)
    return FALSE;
  for (guint i = 0; ok && i < sim->scale.products; i++)
    {
      SimProduct *p = &sim->products[i];
      g_autofree char *bin = g_strdup_printf ("%c-%02u-%u", 'A' + (i / 400) % 26, (i / 8) % 50 + 1,
                                              i % 8 + 1);
      gint64 backordered = 0;

      for (GList *l = p->waiting.head; l != NULL; l = l->next)
        {
          SimLine *line = &g_array_index (sim->lines, SimLine, GPOINTER_TO_UINT (l->data));
          backordered += line->ordered - line->allocated - line->shipped - line->cancelled;
        }
      sqlite3_bind_int64 (stmt, 1, i + 1);
      sqlite3_bind_text (stmt, 2, p->sku, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, p->name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, p->price);
      sqlite3_bind_int64 (stmt, 5, p->cost);
      sqlite3_bind_int64 (stmt, 6, p->on_hand);
      sqlite3_bind_int64 (stmt, 7, p->allocated);
      sqlite3_bind_int64 (stmt, 8, backordered);
      sqlite3_bind_text (stmt, 9, bin, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 10, p->reorder_point);
      sqlite3_bind_int64 (stmt, 11, p->reorder_qty);
      sqlite3_bind_text (stmt, 12, bo_backorder_policy_to_string (p->policy), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 13, start);
      ok = step (self, stmt, error);
    }
  sqlite3_finalize (stmt);

  /* Every product from its preferred supplier; a third also from a second one. */
  if (!ok || (stmt = prepare (self,
                              "INSERT INTO product_suppliers (product_id, supplier_id, supplier_sku, "
                              "  cost, lead_days, min_order_qty, preferred) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error)) == NULL)
    return FALSE;
  for (guint i = 0; ok && i < sim->scale.products; i++)
    {
      SimProduct *p = &sim->products[i];
      g_autofree char *supplier_sku = g_strdup_printf ("S%u-%05u", p->supplier + 1, i + 1);

      sqlite3_bind_int64 (stmt, 1, i + 1);
      sqlite3_bind_int64 (stmt, 2, p->supplier + 1);
      sqlite3_bind_text (stmt, 3, supplier_sku, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, p->cost);
      sqlite3_bind_int (stmt, 5, p->lead_days);
      sqlite3_bind_int (stmt, 6, 5);
      sqlite3_bind_int (stmt, 7, 1);
      ok = step (self, stmt, error);
      if (ok && i % 3 == 0 && sim->scale.suppliers > 1)
        {
          guint other = (p->supplier + 1) % sim->scale.suppliers;
          sqlite3_bind_int64 (stmt, 1, i + 1);
          sqlite3_bind_int64 (stmt, 2, other + 1);
          sqlite3_bind_text (stmt, 3, "", -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 4, p->cost * 110 / 100);
          sqlite3_bind_int (stmt, 5, MAX (p->lead_days / 2, 2));
          sqlite3_bind_int (stmt, 6, 20);
          sqlite3_bind_int (stmt, 7, 0);
          ok = step (self, stmt, error);
        }
    }
  sqlite3_finalize (stmt);

  if (!ok || (stmt = prepare (self,
                              "INSERT INTO customers (id, name, email, address, tier, ship_complete, "
                              "  created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", error)) == NULL)
    return FALSE;
  for (guint i = 0; ok && i < sim->scale.customers; i++)
    {
      const char *first = first_names[i % G_N_ELEMENTS (first_names)];
      const char *last = last_names[(i / G_N_ELEMENTS (first_names) + i) % G_N_ELEMENTS (last_names)];
      guint n = i / (G_N_ELEMENTS (first_names) * G_N_ELEMENTS (last_names));
      g_autofree char *name = n == 0 ? g_strdup_printf ("%s %s", first, last)
                                     : g_strdup_printf ("%s %s %u", first, last, n + 1);
      g_autofree char *email = g_ascii_strdown (name, -1);

      g_strdelimit (email, " ", '.');
      {
        char *full = g_strconcat (email, "@mail.example", NULL);
        g_free (email);
        email = full;
      }
      g_string_printf (address, "%u %s\n%s", 1 + i % 120, streets[i % G_N_ELEMENTS (streets)],
                       cities[i % G_N_ELEMENTS (cities)]);
      sqlite3_bind_int64 (stmt, 1, i + 1);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, email, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, address->str, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, g_array_index (sim->tiers, gint, i));
      sqlite3_bind_int (stmt, 6, g_array_index (sim->sc, gboolean, i));
      sqlite3_bind_int64 (stmt, 7, start);
      ok = step (self, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
write_orders (BoStore  *self,
              Sim      *sim,
              GError  **error)
{
  sqlite3_stmt *order_stmt, *line_stmt, *cancel_stmt;
  g_auto(BoPlacementDays) days;
  gboolean ok = TRUE;

  _bo_placement_days_init (&days);

  order_stmt = prepare (self,
                        "INSERT INTO orders (id, number, customer_id, placed_at, placed_date, "
                        "  line_count, unit_count, bo_lines, bo_units) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  line_stmt = prepare (self,
                       "INSERT INTO order_lines (id, order_id, product_id, ordered, allocated, "
                       "  shipped, cancelled, backordered_at_placement, unit_price, refunded, "
                       "  first_promised_date, completed_date, reason_kind, reason_args) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  cancel_stmt = prepare (self,
                         "INSERT INTO cancellations (line_id, at, day, quantity, refund) "
                         "VALUES (?, ?, ?, ?, ?)", error);
  ok = order_stmt != NULL && line_stmt != NULL && cancel_stmt != NULL;

  for (guint i = 0; ok && i < sim->orders->len; i++)
    {
      SimOrder *o = &g_array_index (sim->orders, SimOrder, i);
      char number[32];
      gint64 units = 0, bo_lines = 0, bo_units = 0;

      for (guint j = 0; j < o->n_lines; j++)
        {
          SimLine *l = &g_array_index (sim->lines, SimLine, o->first_line + j);
          units += l->ordered;
          bo_lines += l->bo_at_placement > 0;
          bo_units += l->bo_at_placement;
        }
      g_snprintf (number, sizeof number, "%u", 1001 + i);
      sqlite3_bind_int64 (order_stmt, 1, i + 1);
      sqlite3_bind_text (order_stmt, 2, number, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (order_stmt, 3, o->customer + 1);
      sqlite3_bind_int64 (order_stmt, 4, o->placed_at);
      _bo_bind_date (order_stmt, 5, o->day);
      sqlite3_bind_int64 (order_stmt, 6, o->n_lines);
      sqlite3_bind_int64 (order_stmt, 7, units);
      sqlite3_bind_int64 (order_stmt, 8, bo_lines);
      sqlite3_bind_int64 (order_stmt, 9, bo_units);
      ok = step (self, order_stmt, error);
      _bo_placement_days_add (&days, o->day, o->n_lines, units, bo_lines, bo_units);

      for (guint j = 0; ok && j < o->n_lines; j++)
        {
          guint index = o->first_line + j;
          SimLine *l = &g_array_index (sim->lines, SimLine, index);

          sqlite3_bind_int64 (line_stmt, 1, index + 1);
          sqlite3_bind_int64 (line_stmt, 2, i + 1);
          sqlite3_bind_int64 (line_stmt, 3, l->product + 1);
          sqlite3_bind_int64 (line_stmt, 4, l->ordered);
          sqlite3_bind_int64 (line_stmt, 5, l->allocated);
          sqlite3_bind_int64 (line_stmt, 6, l->shipped);
          sqlite3_bind_int64 (line_stmt, 7, l->cancelled);
          sqlite3_bind_int64 (line_stmt, 8, l->bo_at_placement);
          sqlite3_bind_int64 (line_stmt, 9, l->price);
          sqlite3_bind_int64 (line_stmt, 10, l->refunded);
          _bo_bind_date (line_stmt, 11, l->first_promised);
          _bo_bind_date (line_stmt, 12, l->completed);
          /* First come, first served, without a place in line. */
          sqlite3_bind_text (line_stmt, 13, l->bo_at_placement > 0 ? "fifo" : "text", -1,
                             SQLITE_STATIC);
          sqlite3_bind_text (line_stmt, 14, l->bo_at_placement > 0 ? "0 0" : "", -1,
                             SQLITE_STATIC);
          ok = step (self, line_stmt, error);
          /* Tired customers cancel all that is still open at once. */
          if (ok && l->cancelled > 0)
            {
              sqlite3_bind_int64 (cancel_stmt, 1, index + 1);
              sqlite3_bind_int64 (cancel_stmt, 2, sim_instant (sim, l->cancelled_day, 10 * 3600));
              _bo_bind_date (cancel_stmt, 3, l->cancelled_day);
              sqlite3_bind_int64 (cancel_stmt, 4, l->cancelled);
              sqlite3_bind_int64 (cancel_stmt, 5, l->refunded);
              ok = step (self, cancel_stmt, error);
            }
        }
    }
  sqlite3_finalize (order_stmt);
  sqlite3_finalize (line_stmt);
  sqlite3_finalize (cancel_stmt);
  return ok && _bo_store_write_placement_days (self, &days, error);
}

static gboolean
write_movements (BoStore  *self,
                 Sim      *sim,
                 GError  **error)
{
  sqlite3_stmt *ship_stmt, *ship_line_stmt, *move_stmt, *po_stmt, *po_line_stmt, *backlog_stmt;
  gint64 start = instant_of_day (sim->first_day, 8 * 3600);
  gboolean ok;

  ship_stmt = prepare (self, "INSERT INTO shipments (id, order_id, created_at, shipped_at) "
                       "VALUES (?, ?, ?, ?)", error);
  ship_line_stmt = prepare (self, "INSERT INTO shipment_lines (shipment_id, line_id, quantity) "
                            "VALUES (?, ?, ?)", error);
  move_stmt = prepare (self, "INSERT INTO stock_movements (at, product_id, delta, reason, reference) "
                       "VALUES (?, ?, ?, ?, ?)", error);
  po_stmt = prepare (self, "INSERT INTO purchase_orders (id, number, supplier_id, status, "
                     "  created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?)", error);
  po_line_stmt = prepare (self, "INSERT INTO po_lines (id, po_id, product_id, ordered, received, "
                          "  cost, eta, fully_received_date, days_late) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  backlog_stmt = prepare (self, "INSERT INTO backlog_movements (day, line_id, units, value) "
                          "VALUES (?, ?, ?, ?)", error);
  ok = ship_stmt && ship_line_stmt && move_stmt && po_stmt && po_line_stmt && backlog_stmt;

  for (guint i = 0; ok && i < sim->scale.products; i++)
    {
      if (sim->products[i].initial == 0)
        continue;
      sqlite3_bind_int64 (move_stmt, 1, start);
      sqlite3_bind_int64 (move_stmt, 2, i + 1);
      sqlite3_bind_int64 (move_stmt, 3, sim->products[i].initial);
      sqlite3_bind_text (move_stmt, 4, "initial", -1, SQLITE_STATIC);
      sqlite3_bind_text (move_stmt, 5, "", -1, SQLITE_STATIC);
      ok = step (self, move_stmt, error);
    }

  for (guint i = 0; ok && i < sim->shipments->len; i++)
    {
      SimShipment *s = &g_array_index (sim->shipments, SimShipment, i);
      SimLine *l = &g_array_index (sim->lines, SimLine, s->line);
      char number[32];

      g_snprintf (number, sizeof number, "%u", 1001 + l->order);
      sqlite3_bind_int64 (ship_stmt, 1, i + 1);
      sqlite3_bind_int64 (ship_stmt, 2, l->order + 1);
      sqlite3_bind_int64 (ship_stmt, 3, s->at - 3600);
      sqlite3_bind_int64 (ship_stmt, 4, s->at);
      ok = step (self, ship_stmt, error);
      if (!ok)
        break;
      sqlite3_bind_int64 (ship_line_stmt, 1, i + 1);
      sqlite3_bind_int64 (ship_line_stmt, 2, s->line + 1);
      sqlite3_bind_int64 (ship_line_stmt, 3, s->quantity);
      ok = step (self, ship_line_stmt, error);
      if (!ok)
        break;
      sqlite3_bind_int64 (move_stmt, 1, s->at);
      sqlite3_bind_int64 (move_stmt, 2, l->product + 1);
      sqlite3_bind_int64 (move_stmt, 3, -s->quantity);
      sqlite3_bind_text (move_stmt, 4, "shipment", -1, SQLITE_STATIC);
      sqlite3_bind_text (move_stmt, 5, number, -1, SQLITE_TRANSIENT);
      ok = step (self, move_stmt, error);
    }

  for (guint i = 0; ok && i < sim->pos->len; i++)
    {
      SimPo *po = &g_array_index (sim->pos, SimPo, i);
      g_autofree char *number = g_strdup_printf ("PO-%04u", i + 1);
      gboolean received = po->received_day > 0;
      /* The newest purchase orders are still drafts the merchant has not sent. */
      gboolean draft = !received && po->created + 2 > sim->today;

      sqlite3_bind_int64 (po_stmt, 1, i + 1);
      sqlite3_bind_text (po_stmt, 2, number, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (po_stmt, 3, po->supplier + 1);
      sqlite3_bind_text (po_stmt, 4, received ? "received" : draft ? "draft" : "sent", -1,
                         SQLITE_STATIC);
      sqlite3_bind_int64 (po_stmt, 5, sim_instant (sim, po->created, 10 * 3600));
      if (!draft)
        sqlite3_bind_int64 (po_stmt, 6, sim_instant (sim, po->created, 11 * 3600));
      ok = step (self, po_stmt, error);

      for (guint j = 0; ok && j < po->n_lines; j++)
        {
          SimPoLine *line = &g_array_index (sim->po_lines, SimPoLine, po->first_line + j);

          sqlite3_bind_int64 (po_line_stmt, 1, po->first_line + j + 1);
          sqlite3_bind_int64 (po_line_stmt, 2, i + 1);
          sqlite3_bind_int64 (po_line_stmt, 3, line->product + 1);
          sqlite3_bind_int64 (po_line_stmt, 4, line->quantity);
          sqlite3_bind_int64 (po_line_stmt, 5, line->received);
          sqlite3_bind_int64 (po_line_stmt, 6, line->cost);
          if (!draft)
            _bo_bind_date (po_line_stmt, 7, po->eta);
          _bo_bind_date (po_line_stmt, 8, po->received_day);
          if (received)
            sqlite3_bind_int64 (po_line_stmt, 9, MAX ((gint64) po->received_day - po->eta, 0));
          ok = step (self, po_line_stmt, error);
          if (ok && received)
            {
              sqlite3_bind_int64 (move_stmt, 1, sim_instant (sim, po->received_day, 9 * 3600));
              sqlite3_bind_int64 (move_stmt, 2, line->product + 1);
              sqlite3_bind_int64 (move_stmt, 3, line->received);
              sqlite3_bind_text (move_stmt, 4, "receipt", -1, SQLITE_STATIC);
              sqlite3_bind_text (move_stmt, 5, number, -1, SQLITE_STATIC);
              ok = step (self, move_stmt, error);
            }
        }
    }

  for (guint i = 0; ok && i < sim->backlog->len; i++)
    {
      SimBacklog *b = &g_array_index (sim->backlog, SimBacklog, i);
      SimLine *l = &g_array_index (sim->lines, SimLine, b->line);

      _bo_bind_date (backlog_stmt, 1, b->day);
      sqlite3_bind_int64 (backlog_stmt, 2, b->line + 1);
      sqlite3_bind_int64 (backlog_stmt, 3, b->units);
      sqlite3_bind_int64 (backlog_stmt, 4, b->units * l->price);
      ok = step (self, backlog_stmt, error);
    }

  sqlite3_finalize (ship_stmt);
  sqlite3_finalize (ship_line_stmt);
  sqlite3_finalize (move_stmt);
  sqlite3_finalize (po_stmt);
  sqlite3_finalize (po_line_stmt);
  sqlite3_finalize (backlog_stmt);
  return ok;
}

static gboolean
write_settings (BoStore  *self,
                Sim      *sim,
                GError  **error)
{
  sqlite3_stmt *stmt = prepare (self, "UPDATE settings SET value = ?2 WHERE key = ?1", error);
  char order_number[32], po_number[32];
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  g_snprintf (order_number, sizeof order_number, "%u", 1001 + sim->orders->len);
  g_snprintf (po_number, sizeof po_number, "%u", sim->pos->len + 1);
  sqlite3_bind_text (stmt, 1, "next-order-number", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, order_number, -1, SQLITE_STATIC);
  ok = step (self, stmt, error);
  sqlite3_bind_text (stmt, 1, "next-po-number", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, po_number, -1, SQLITE_STATIC);
  ok = ok && step (self, stmt, error);
  sqlite3_bind_text (stmt, 1, "shop-name", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, _("Sample Shop"), -1, SQLITE_STATIC);
  ok = ok && step (self, stmt, error);
  sqlite3_finalize (stmt);
  return ok;
}

static void
sim_clear (Sim *sim)
{
  for (guint i = 0; sim->products != NULL && i < sim->scale.products; i++)
    {
      g_free (sim->products[i].sku);
      g_free (sim->products[i].name);
      g_queue_clear (&sim->products[i].waiting);
    }
  g_clear_pointer (&sim->products, g_free);
  g_clear_pointer (&sim->cumulative, g_free);
  g_clear_pointer (&sim->orders, g_array_unref);
  g_clear_pointer (&sim->lines, g_array_unref);
  g_clear_pointer (&sim->pos, g_array_unref);
  g_clear_pointer (&sim->po_lines, g_array_unref);
  g_clear_pointer (&sim->shipments, g_array_unref);
  g_clear_pointer (&sim->backlog, g_array_unref);
  g_clear_pointer (&sim->to_ship, g_array_unref);
  g_clear_pointer (&sim->tiers, g_array_unref);
  g_clear_pointer (&sim->sc, g_array_unref);
  g_clear_pointer (&sim->rand, g_rand_free);
}

/**
 * bo_store_generate_demo:
 * @scale: a few dozen products and a few hundred orders, or the large shop
 *   of the budgets (10,000 products, 200,000 orders, 2,000 purchase orders…),
 *   or one between (16,000 orders) whose every list is many pages long
 * @seed: the same seed gives the same shop
 * @today: the last day of the history (Julian), or 0 for today
 *
 * Fills an empty shop with a sample history that ends on the evening of
 * @today, or now if that is earlier: nothing in it lies in the future.
 */
gboolean
bo_store_generate_demo (BoStore      *self,
                        BoDemoScale   scale,
                        guint32       seed,
                        guint32       today,
                        GError      **error)
{
  Sim sim = { 0 };
  gint64 existing = 0;
  gint64 previous_now;
  gboolean ok;

  g_return_val_if_fail (BO_IS_STORE (self), FALSE);
  g_return_val_if_fail (scale <= BO_DEMO_MEDIUM, FALSE);

  if (today == 0)
    today = bo_store_get_today (self);
  if (!g_date_valid_julian (today) || today < 400000)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_INVALID, _("Invalid date for the sample shop"));
      return FALSE;
    }
  if (!_bo_store_query_int (self, "SELECT (SELECT count (*) FROM products) + "
                            "(SELECT count (*) FROM orders) + (SELECT count (*) FROM customers)",
                            0, &existing, error))
    return FALSE;
  if (existing > 0)
    {
      g_set_error (error, BO_ERROR, BO_ERROR_REFUSED,
                   _("“%s” holds a shop already; a sample shop needs a new database file"),
                   self->path);
      return FALSE;
    }

  sim.rand = g_rand_new_with_seed (seed);
  sim.scale = scales[scale];
  sim.today = today;
  sim.first_day = today - sim.scale.days + 1;
  /* A shop made today ends now, not this evening: nothing in it may lie in
   * the future. */
  sim.last_instant = instant_of_day (today, 18 * 3600);
  if (bo_store_get_now (self) < sim.last_instant)
    sim.last_instant = MAX (bo_store_get_now (self), instant_of_day (today, 0));
  sim.handling_days = bo_store_get_handling_days (self);
  sim.orders = g_array_sized_new (FALSE, FALSE, sizeof (SimOrder), sim.scale.orders);
  sim.lines = g_array_sized_new (FALSE, FALSE, sizeof (SimLine), sim.scale.orders * 5 / 2);
  sim.pos = g_array_new (FALSE, FALSE, sizeof (SimPo));
  sim.po_lines = g_array_new (FALSE, FALSE, sizeof (SimPoLine));
  sim.shipments = g_array_new (FALSE, FALSE, sizeof (SimShipment));
  sim.backlog = g_array_new (FALSE, FALSE, sizeof (SimBacklog));
  sim.to_ship = g_array_new (FALSE, FALSE, sizeof (guint));
  sim.tiers = g_array_sized_new (FALSE, FALSE, sizeof (gint), sim.scale.customers);
  sim.sc = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), sim.scale.customers);
  for (guint i = 0; i < sim.scale.customers; i++)
    {
      guint roll = g_rand_int_range (sim.rand, 0, 100);
      gint tier = roll < 4 ? 2 : roll < 15 ? 1 : 0;
      gboolean sc = g_rand_int_range (sim.rand, 0, 100) < 8;

      g_array_append_val (sim.tiers, tier);
      g_array_append_val (sim.sc, sc);
    }

  build_catalogue (&sim);
  simulate (&sim);

  previous_now = self->now;
  bo_store_set_now (self, sim.last_instant);
  /* A large page cache keeps the bulk write from spilling to the log early. */
  ok = _bo_store_exec (self, "PRAGMA cache_size = -262144", error) && _bo_store_begin (self, error);
  if (ok)
    {
      ok = write_catalogue (self, &sim, error) && write_orders (self, &sim, error) &&
           write_movements (self, &sim, error) && write_settings (self, &sim, error);
      if (ok)
        {
          g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

          for (guint i = 0; i < sim.scale.products; i++)
            if (sim.products[i].waiting.length > 0)
              {
                gint64 id = i + 1;
                g_array_append_val (ids, id);
              }
          ok = _bo_store_refresh_promises_for (self, ids, NULL, error) &&
               _bo_store_log_event (self, "demo", scale_names[scale],
                                    NULL, error);
        }
      ok = _bo_store_finish (self, ok, TRUE, error);
      _bo_store_exec (self, "PRAGMA cache_size = -2000", NULL);
    }
  bo_store_set_now (self, previous_now);
  sim_clear (&sim);
  return ok;
}
