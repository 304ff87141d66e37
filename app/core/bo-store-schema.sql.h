/* bo-store-schema.sql.h — the schema, one migration step per version
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by bo-store.c only. Quantities carry CHECK constraints so that a
 * bug cannot write an impossible state; money is in minor units; dates are
 * ISO "YYYY-MM-DD" text (local calendar days), instants Unix seconds.
 */
#pragma once

static const char *const bo_store_migrations[] = {
  /* version 1 */
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE products ("
  "  id               INTEGER PRIMARY KEY,"
  "  sku              TEXT NOT NULL UNIQUE CHECK (length (sku) BETWEEN 1 AND 100),"
  "  name             TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 500),"
  "  price            INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0),"
  "  cost             INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),"
  "  on_hand          INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),"
  "  allocated        INTEGER NOT NULL DEFAULT 0 CHECK (allocated >= 0 AND allocated <= on_hand),"
  "  backordered      INTEGER NOT NULL DEFAULT 0 CHECK (backordered >= 0),"
  "  location         TEXT NOT NULL DEFAULT '',"
  "  reorder_point    INTEGER NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),"
  "  reorder_qty      INTEGER NOT NULL DEFAULT 0 CHECK (reorder_qty >= 0),"
  "  backorder_policy TEXT NOT NULL DEFAULT 'allow'"
  "                   CHECK (backorder_policy IN ('deny', 'allow', 'allow-if-incoming')),"
  "  drop_ship        INTEGER NOT NULL DEFAULT 0 CHECK (drop_ship IN (0, 1)),"
  "  discontinued     INTEGER NOT NULL DEFAULT 0 CHECK (discontinued IN (0, 1)),"
  "  external_ref     TEXT UNIQUE,"
  "  created_at       INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX products_name ON products (name);"

  "CREATE TABLE suppliers ("
  "  id         INTEGER PRIMARY KEY,"
  "  name       TEXT NOT NULL UNIQUE CHECK (length (name) BETWEEN 1 AND 200),"
  "  email      TEXT NOT NULL DEFAULT '',"
  "  lead_days  INTEGER NOT NULL DEFAULT 7 CHECK (lead_days BETWEEN 0 AND 365),"
  "  notes      TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"

  "CREATE TABLE product_suppliers ("
  "  product_id    INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,"
  "  supplier_id   INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,"
  "  supplier_sku  TEXT NOT NULL DEFAULT '',"
  "  cost          INTEGER CHECK (cost IS NULL OR cost >= 0),"
  "  lead_days     INTEGER CHECK (lead_days IS NULL OR lead_days BETWEEN 0 AND 365),"
  "  min_order_qty INTEGER NOT NULL DEFAULT 1 CHECK (min_order_qty >= 1),"
  "  preferred     INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1)),"
  "  PRIMARY KEY (product_id, supplier_id)"
  ") STRICT;"
  "CREATE UNIQUE INDEX product_suppliers_one_preferred"
  "  ON product_suppliers (product_id) WHERE preferred = 1;"
  "CREATE INDEX product_suppliers_supplier ON product_suppliers (supplier_id);"

  "CREATE TABLE customers ("
  "  id            INTEGER PRIMARY KEY,"
  "  name          TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
  "  email         TEXT NOT NULL DEFAULT '',"
  "  address       TEXT NOT NULL DEFAULT '',"
  "  tier          INTEGER NOT NULL DEFAULT 0 CHECK (tier BETWEEN 0 AND 9),"
  "  ship_complete INTEGER NOT NULL DEFAULT 0 CHECK (ship_complete IN (0, 1)),"
  "  external_ref  TEXT UNIQUE,"
  "  created_at    INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX customers_name ON customers (name);"
  "CREATE INDEX customers_email ON customers (email);"

  "CREATE TABLE orders ("
  "  id            INTEGER PRIMARY KEY,"
  "  number        TEXT NOT NULL UNIQUE CHECK (length (number) BETWEEN 1 AND 50),"
  "  customer_id   INTEGER NOT NULL REFERENCES customers (id),"
  "  placed_at     INTEGER NOT NULL,"
  "  placed_date   TEXT NOT NULL,"
  "  ship_complete INTEGER CHECK (ship_complete IS NULL OR ship_complete IN (0, 1)),"
  "  priority      INTEGER CHECK (priority IS NULL OR priority BETWEEN 0 AND 9),"
  "  external_ref  TEXT UNIQUE,"
  "  notes         TEXT NOT NULL DEFAULT '',"
  /* Placement counts, fixed when the order is placed, for the rate metrics. */
  "  line_count    INTEGER NOT NULL DEFAULT 0 CHECK (line_count >= 0),"
  "  unit_count    INTEGER NOT NULL DEFAULT 0 CHECK (unit_count >= 0),"
  "  bo_lines      INTEGER NOT NULL DEFAULT 0 CHECK (bo_lines >= 0 AND bo_lines <= line_count),"
  "  bo_units      INTEGER NOT NULL DEFAULT 0 CHECK (bo_units >= 0 AND bo_units <= unit_count)"
  ") STRICT;"
  "CREATE INDEX orders_placed ON orders (placed_date);"

  "CREATE INDEX orders_customer ON orders (customer_id);"
  "CREATE INDEX orders_recent ON orders (placed_at, id);"

  "CREATE TABLE order_lines ("
  "  id                       INTEGER PRIMARY KEY,"
  "  order_id                 INTEGER NOT NULL REFERENCES orders (id),"
  "  product_id               INTEGER NOT NULL REFERENCES products (id),"
  "  ordered                  INTEGER NOT NULL CHECK (ordered > 0),"
  "  allocated                INTEGER NOT NULL DEFAULT 0 CHECK (allocated >= 0),"
  "  shipped                  INTEGER NOT NULL DEFAULT 0 CHECK (shipped >= 0),"
  "  cancelled                INTEGER NOT NULL DEFAULT 0 CHECK (cancelled >= 0),"
  "  backordered_at_placement INTEGER NOT NULL DEFAULT 0"
  "                           CHECK (backordered_at_placement BETWEEN 0 AND ordered),"
  "  unit_price               INTEGER NOT NULL CHECK (unit_price >= 0),"
  "  refunded                 INTEGER NOT NULL DEFAULT 0 CHECK (refunded >= 0),"
  "  promised_date            TEXT,"
  "  first_promised_date      TEXT,"
  "  peg_po_line_id           INTEGER REFERENCES po_lines (id),"
  "  completed_date           TEXT,"
  "  reason                   TEXT NOT NULL DEFAULT '',"
  "  CHECK (allocated + shipped + cancelled <= ordered)"
  ") STRICT;"
  "CREATE INDEX order_lines_order ON order_lines (order_id);"
  /* Only open lines are ever allocated to: keep them in a small index. */
  "CREATE INDEX order_lines_open ON order_lines (product_id)"
  "  WHERE ordered > allocated + shipped + cancelled;"
  "CREATE INDEX order_lines_allocated ON order_lines (product_id) WHERE allocated > 0;"
  "CREATE INDEX order_lines_was_backordered ON order_lines (completed_date, first_promised_date, shipped)"
  "  WHERE backordered_at_placement > 0;"

  "CREATE TABLE shipments ("
  "  id         INTEGER PRIMARY KEY,"
  "  order_id   INTEGER NOT NULL REFERENCES orders (id),"
  "  created_at INTEGER NOT NULL,"
  "  shipped_at INTEGER"
  ") STRICT;"
  "CREATE INDEX shipments_order ON shipments (order_id);"
  "CREATE INDEX shipments_open ON shipments (id) WHERE shipped_at IS NULL;"

  "CREATE TABLE shipment_lines ("
  "  shipment_id INTEGER NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,"
  "  line_id     INTEGER NOT NULL REFERENCES order_lines (id),"
  "  quantity    INTEGER NOT NULL CHECK (quantity > 0),"
  "  PRIMARY KEY (shipment_id, line_id)"
  ") STRICT;"
  "CREATE INDEX shipment_lines_line ON shipment_lines (line_id);"

  "CREATE TABLE purchase_orders ("
  "  id          INTEGER PRIMARY KEY,"
  "  number      TEXT NOT NULL UNIQUE,"
  "  supplier_id INTEGER NOT NULL REFERENCES suppliers (id),"
  "  status      TEXT NOT NULL DEFAULT 'draft'"
  "              CHECK (status IN ('draft', 'sent', 'partial', 'received', 'cancelled')),"
  "  created_at  INTEGER NOT NULL,"
  "  sent_at     INTEGER,"
  "  notes       TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX purchase_orders_supplier ON purchase_orders (supplier_id);"

  "CREATE TABLE po_lines ("
  "  id                   INTEGER PRIMARY KEY,"
  "  po_id                INTEGER NOT NULL REFERENCES purchase_orders (id),"
  "  product_id           INTEGER NOT NULL REFERENCES products (id),"
  "  ordered              INTEGER NOT NULL CHECK (ordered > 0),"
  "  received             INTEGER NOT NULL DEFAULT 0 CHECK (received BETWEEN 0 AND ordered),"
  "  cost                 INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),"
  "  eta                  TEXT,"
  "  fully_received_date  TEXT,"
  "  days_late            INTEGER CHECK (days_late IS NULL OR days_late >= 0),"
  "  cancelled            INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1))"
  ") STRICT;"
  "CREATE INDEX po_lines_po ON po_lines (po_id);"
  "CREATE INDEX po_lines_received ON po_lines (po_id, days_late) WHERE days_late IS NOT NULL;"
  "CREATE INDEX po_lines_incoming ON po_lines (product_id, eta)"
  "  WHERE cancelled = 0 AND eta IS NOT NULL AND received < ordered;"

  "CREATE TABLE stock_movements ("
  "  id         INTEGER PRIMARY KEY,"
  "  at         INTEGER NOT NULL,"
  "  product_id INTEGER NOT NULL REFERENCES products (id),"
  "  delta      INTEGER NOT NULL CHECK (delta <> 0),"
  "  reason     TEXT NOT NULL"
  "             CHECK (reason IN ('initial', 'adjustment', 'receipt', 'shipment', 'import', 'return')),"
  "  reference  TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX stock_movements_product ON stock_movements (product_id, at);"

  "INSERT INTO settings (key, value) VALUES"
  "  ('allocation-policy', 'fifo'),"
  "  ('handling-days', '1'),"
  "  ('supplier-choice', 'cheapest'),"
  "  ('currency', 'EUR'),"
  "  ('shop-name', ''),"
  "  ('next-order-number', '1001'),"
  "  ('next-po-number', '1');",

  /* version 2: history and summary tables. A version-1 shop starts its
   * backlog history with the backorders open at the time of the upgrade. */
  /* Every change of a line's open backordered quantity, for backlog history. */
  "CREATE TABLE backlog_movements ("
  "  id      INTEGER PRIMARY KEY,"
  "  day     TEXT NOT NULL,"
  "  line_id INTEGER NOT NULL REFERENCES order_lines (id),"
  "  units   INTEGER NOT NULL CHECK (units <> 0),"
  "  value   INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX backlog_movements_day ON backlog_movements (day);"
  "CREATE INDEX backlog_movements_line ON backlog_movements (line_id);"

  "CREATE TABLE events ("
  "  id      INTEGER PRIMARY KEY,"
  "  at      INTEGER NOT NULL,"
  "  kind    TEXT NOT NULL,"
  "  subject TEXT NOT NULL,"
  "  detail  TEXT NOT NULL DEFAULT ''"
  ") STRICT;"

  /* Placement counts per day, kept with every order placed: the rate charts
   * read a few thousand rows instead of every order. */
  "CREATE TABLE placement_days ("
  "  day       TEXT PRIMARY KEY,"
  "  orders    INTEGER NOT NULL CHECK (orders >= 0),"
  "  bo_orders INTEGER NOT NULL CHECK (bo_orders BETWEEN 0 AND orders),"
  "  lines     INTEGER NOT NULL CHECK (lines >= 0),"
  "  bo_lines  INTEGER NOT NULL CHECK (bo_lines BETWEEN 0 AND lines),"
  "  units     INTEGER NOT NULL CHECK (units >= 0),"
  "  bo_units  INTEGER NOT NULL CHECK (bo_units BETWEEN 0 AND units)"
  ") STRICT;"
  "INSERT INTO placement_days (day, orders, bo_orders, lines, bo_lines, units, bo_units)"
  "  SELECT placed_date, count (*), sum (bo_lines > 0), sum (line_count), sum (bo_lines),"
  "         sum (unit_count), sum (bo_units)"
  "  FROM orders GROUP BY placed_date;"

  "INSERT INTO backlog_movements (day, line_id, units, value)"
  "  SELECT o.placed_date, l.id,"
  "         l.ordered - l.allocated - l.shipped - l.cancelled,"
  "         (l.ordered - l.allocated - l.shipped - l.cancelled) * l.unit_price"
  "  FROM order_lines l JOIN orders o ON o.id = l.order_id"
  "  WHERE l.ordered > l.allocated + l.shipped + l.cancelled;",

  /* version 3: planning ahead. Drop-ship lines wait for their supplier, not
   * for stock: they are never allocated, never backordered, and each is
   * linked to its line on a drop-ship purchase order that carries the
   * customer's address. Cancellations are kept one by one, so that refunds
   * have a date; a version-2 shop's earlier refunds are dated by the day
   * their line was completed, else by the day of its order. Goodwill given
   * to waiting customers is kept per order. */
  "ALTER TABLE order_lines ADD COLUMN drop_ship INTEGER NOT NULL DEFAULT 0"
  "  CHECK (drop_ship IN (0, 1));"
  "ALTER TABLE purchase_orders ADD COLUMN drop_ship INTEGER NOT NULL DEFAULT 0"
  "  CHECK (drop_ship IN (0, 1));"
  "ALTER TABLE purchase_orders ADD COLUMN ship_to TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE purchase_orders ADD COLUMN shipped_at INTEGER;"
  "ALTER TABLE po_lines ADD COLUMN order_line_id INTEGER REFERENCES order_lines (id);"
  "ALTER TABLE shipments ADD COLUMN po_id INTEGER REFERENCES purchase_orders (id);"
  "CREATE UNIQUE INDEX po_lines_order_line ON po_lines (order_line_id)"
  "  WHERE order_line_id IS NOT NULL;"
  "CREATE INDEX shipments_shipped ON shipments (shipped_at) WHERE shipped_at IS NOT NULL;"
  "CREATE INDEX purchase_orders_drop_ship_drafts ON purchase_orders (supplier_id, ship_to)"
  "  WHERE drop_ship = 1 AND status = 'draft';"

  "CREATE TABLE cancellations ("
  "  id       INTEGER PRIMARY KEY,"
  "  line_id  INTEGER NOT NULL REFERENCES order_lines (id),"
  "  at       INTEGER NOT NULL,"
  "  day      TEXT NOT NULL,"
  "  quantity INTEGER NOT NULL CHECK (quantity > 0),"
  "  refund   INTEGER NOT NULL CHECK (refund >= 0)"
  ") STRICT;"
  "CREATE INDEX cancellations_day ON cancellations (day);"
  "CREATE INDEX cancellations_line ON cancellations (line_id);"
  "INSERT INTO cancellations (line_id, at, day, quantity, refund)"
  "  SELECT l.id, o.placed_at, coalesce (l.completed_date, o.placed_date), l.cancelled, l.refunded"
  "  FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.cancelled > 0;"

  /* @amount is what the customer was given, in minor units; @percent, in
   * hundredths of a percent, when it was given as a share of the order. */
  "CREATE TABLE goodwill ("
  "  id       INTEGER PRIMARY KEY,"
  "  order_id INTEGER NOT NULL REFERENCES orders (id),"
  "  at       INTEGER NOT NULL,"
  "  day      TEXT NOT NULL,"
  "  amount   INTEGER NOT NULL CHECK (amount > 0),"
  "  percent  INTEGER CHECK (percent IS NULL OR percent BETWEEN 1 AND 10000),"
  "  voucher  TEXT NOT NULL DEFAULT '' CHECK (length (voucher) <= 100),"
  "  note     TEXT NOT NULL DEFAULT '' CHECK (length (note) <= 1000)"
  ") STRICT;"
  "CREATE INDEX goodwill_order ON goodwill (order_id);"
  "CREATE INDEX goodwill_day ON goodwill (day);"
  /* What is still on order per product, for low-stock checks after every
   * change: the received lines of years past stay out of the way. */
  "CREATE INDEX po_lines_outstanding ON po_lines (product_id)"
  "  WHERE received < ordered AND cancelled = 0;",

  /* version 4: the order list pages in order of number and of customer
   * through indexes, not by sorting 200,000 orders for every page: by
   * customer, the customers in order of name, each one's orders in order
   * of placing. */
  "CREATE INDEX orders_number_sort ON orders (length (number), number);"
  "CREATE INDEX orders_customer_placed ON orders (customer_id, placed_at);"
  "CREATE INDEX customers_name_nocase ON customers (name COLLATE NOCASE);",

  /* version 5: reasons as data. A line's reason is its kind (a stable name,
   * see bo-reason.c) and its numbers (integers separated by spaces); the
   * column reason keeps its one text argument (a SKU, a supplier), or, for
   * kind 'text', a sentence shown as is. An event's numbers go to args and
   * its text arguments to detail. The sentences are made when they are
   * shown, in the reader's language. The sentences that earlier versions
   * stored are read back into kinds after this step (bo-store.c); what
   * cannot be read back stays as kind 'text', shown as it was written. */
  "ALTER TABLE order_lines ADD COLUMN reason_kind TEXT NOT NULL DEFAULT 'text';"
  "ALTER TABLE order_lines ADD COLUMN reason_args TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE events ADD COLUMN args TEXT NOT NULL DEFAULT '';",
};
