/* test-crash.c — a shop killed at any moment opens consistent, with every committed order
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test runs itself as a child that works on a shop without pause and
 * notes each order it has placed, once the store has committed it. The parent
 * kills the child with SIGKILL at a random moment, opens the shop, checks it
 * and looks for every order noted. BO_SEED=N replays a run; BO_CRASH_ROUNDS=N
 * changes the number of kills (default 25).
 *
 * A second child restores two backups in turn, without pause, and is killed
 * the same way: the shop must then be one of the two, whole and consistent,
 * never neither.
 */
#define G_LOG_DOMAIN "test-crash"
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include "backorders/bo-error.h"
#include "backorders/bo-store.h"

#define CHILD_ARG    "--crash-child"
#define RESTORE_ARG  "--restore-child"
#define N_NEW_ONLY   3
#define N_PRODUCTS   6
#define N_CUSTOMERS  5
#define TIME_BUDGET  (20 * G_USEC_PER_SEC)
#define CHILD_LIFE   (60 * G_USEC_PER_SEC)

static const char *const skus[N_PRODUCTS] = { "MUG", "TEE", "CAP", "PIN", "BAG", "HAT" };
static const gint64 initial_stock[N_PRODUCTS] = { 20, 5, 0, 12, 3, 40 };

static char *self_exe;

/* ---- the child: work until killed ----------------------------------------------- */

/* Refusals are part of the work; anything else ends the child with a message. */
static void
child_expect (gboolean    ok,
              GError     *error,
              const char *what)
{
  if (ok || g_error_matches (error, BO_ERROR, BO_ERROR_REFUSED) ||
      g_error_matches (error, BO_ERROR, BO_ERROR_INVALID))
    return;
  g_printerr ("crash child: %s failed: %s\n", what, error != NULL ? error->message : "?");
  _exit (3);
}

static void
note_order (int         fd,
            const char *number,
            guint       n_lines)
{
  g_autofree char *line = g_strdup_printf ("%s %u\n", number, n_lines);
  gsize len = strlen (line);

  if (write (fd, line, len) != (gssize) len || fsync (fd) != 0)
    {
      g_printerr ("crash child: cannot note order %s: %s\n", number, g_strerror (errno));
      _exit (3);
    }
}

static void
child_place_order (BoStore *store,
                   GRand   *rand,
                   int      side_fd)
{
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  g_autoptr(BoOrderOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  guint n_lines = g_rand_int_range (rand, 1, 6);
  gboolean ok;

  draft->customer_id = g_rand_int_range (rand, 1, N_CUSTOMERS + 1);
  if (g_rand_int_range (rand, 0, 10) == 0)
    draft->ship_complete = 1;
  for (guint i = 0; i < n_lines; i++)
    bo_order_draft_add_line (draft, skus[g_rand_int_range (rand, 0, N_PRODUCTS)],
                             g_rand_int_range (rand, 1, 6), -1);
  ok = bo_store_place_order (store, draft, FALSE, &outcome, &error);
  child_expect (ok, error, "placing an order");
  if (ok)
    note_order (side_fd, outcome->number, outcome->lines->len);
}

static void
child_ship (BoStore *store,
            GRand   *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ready = bo_store_list_orders (store, BO_ORDER_FILTER_READY, NULL, NULL, 0,
                                                     20, &error);
  const BoOrderSummary *s;
  gint64 shipment_id = 0;
  gboolean ok;

  child_expect (ready != NULL, error, "listing orders");
  if (ready->len == 0)
    return;
  s = g_ptr_array_index (ready, g_rand_int_range (rand, 0, ready->len));
  ok = bo_store_create_shipment (store, s->order_id, NULL, 0, &shipment_id, &error);
  child_expect (ok, error, "packing a shipment");
  if (ok)
    {
      ok = bo_store_mark_shipped (store, shipment_id, &error);
      child_expect (ok, error, "shipping");
    }
}

static void
child_purchase (BoStore *store,
                GRand   *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pos = NULL;
  BoQuantity lines[3];
  guint n = g_rand_int_range (rand, 1, 4);
  guint32 eta = bo_store_get_today (store) + g_rand_int_range (rand, 1, 20);
  gboolean ok;

  for (guint i = 0; i < n; i++)
    {
      lines[i].line_id = (gint64) ((i * 2 + g_rand_int_range (rand, 0, 2)) % N_PRODUCTS) + 1;
      lines[i].quantity = g_rand_int_range (rand, 5, 31);
    }
  ok = bo_store_create_po (store, 1, eta, lines, NULL, n, NULL, &error);
  child_expect (ok, error, "creating a purchase order");

  pos = bo_store_list_pos (store, TRUE, &error);
  child_expect (pos != NULL, error, "listing purchase orders");
  if (pos->len > 0)
    {
      const BoPurchaseOrder *po = g_ptr_array_index (pos, g_rand_int_range (rand, 0, pos->len));
      const BoPoLine *line = g_ptr_array_index (po->lines, 0);
      BoQuantity part = { line->id, MAX (1, (line->ordered - line->received) / 2) };
      gboolean whole = g_rand_boolean (rand);

      ok = bo_store_receive_po (store, po->id, whole ? NULL : &part, whole ? 0 : 1, FALSE, NULL,
                                &error);
      child_expect (ok, error, "receiving");
    }
}

static void
child_cancel (BoStore *store,
              GRand   *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) waiting = bo_store_list_backorders (store, BO_ORDER_FILTER_ALL, NULL, NULL,
                                                           0, 20, &error);
  const BoOrderSummary *s;
  gboolean ok;

  child_expect (waiting != NULL, error, "listing backorders");
  if (waiting->len == 0)
    return;
  s = g_ptr_array_index (waiting, g_rand_int_range (rand, 0, waiting->len));
  ok = bo_store_cancel_line (store, s->line_id, g_rand_int_range (rand, 1, s->backordered + 2), -1,
                             NULL, &error);
  child_expect (ok, error, "cancelling");
}

static void
child_adjust (BoStore *store,
              GRand   *rand)
{
  g_autoptr(GError) error = NULL;
  gint64 delta = g_rand_int_range (rand, 0, 3) == 0 ? -g_rand_int_range (rand, 1, 4)
                                                    : g_rand_int_range (rand, 1, 12);
  gboolean ok = bo_store_adjust_stock (store, g_rand_int_range (rand, 1, N_PRODUCTS + 1), delta,
                                       "count", NULL, &error);

  child_expect (ok, error, "adjusting stock");
}

static void
child_replan (BoStore *store,
              GRand   *rand)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = bo_store_replan (store, g_rand_int_range (rand, 0, 3), TRUE, NULL, &error);

  child_expect (ok, error, "re-planning");
}

static int
run_child (const char *path,
           const char *side,
           const char *seed_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_ascii_strtoull (seed_text, NULL, 10));
  gint64 started = g_get_monotonic_time ();
  int side_fd;

  store = bo_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("crash child: cannot open %s: %s\n", path, error->message);
      return 2;
    }
  side_fd = g_open (side, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (side_fd < 0)
    {
      g_printerr ("crash child: cannot open %s: %s\n", side, g_strerror (errno));
      return 2;
    }
  fputs ("ready\n", stdout);
  fflush (stdout);

  /* Until killed; the limit only guards against a parent that went away. */
  while (g_get_monotonic_time () - started < CHILD_LIFE)
    {
      guint roll = g_rand_int_range (rand, 0, 100);

      bo_store_set_now (store, bo_store_get_now (store) + g_rand_int_range (rand, 0, 7200));
      if (roll < 40)
        child_place_order (store, rand, side_fd);
      else if (roll < 60)
        child_ship (store, rand);
      else if (roll < 72)
        child_purchase (store, rand);
      else if (roll < 84)
        child_cancel (store, rand);
      else if (roll < 95)
        child_adjust (store, rand);
      else
        child_replan (store, rand);
    }
  return 0;
}

/* Restores @a ("new") and @b ("old") in turn until killed. */
static int
run_restore_child (const char *path,
                   const char *a,
                   const char *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoStore) store = bo_store_open (path, &error);
  gint64 started = g_get_monotonic_time ();

  if (store == NULL)
    {
      g_printerr ("restore child: cannot open %s: %s\n", path, error->message);
      return 2;
    }
  fputs ("ready\n", stdout);
  fflush (stdout);
  /* Always the other shop, so that every restore that completes shows. */
  while (g_get_monotonic_time () - started < CHILD_LIFE)
    {
      g_autofree char *name = bo_store_get_setting (store, "shop-name");

      if (!bo_store_restore (store, g_strcmp0 (name, "new") == 0 ? b : a, NULL, &error))
        {
          g_printerr ("restore child: restoring failed: %s\n", error->message);
          _exit (3);
        }
    }
  return 0;
}

/* ---- the parent: kill, reopen, check ----------------------------------------------- */

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static void
build_shop (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoStore) store = bo_store_open (path, &error);
  g_autoptr(BoSupplier) supplier = bo_supplier_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      g_autoptr(BoProduct) product = bo_product_new ();

      product->sku = g_strdup (skus[i]);
      product->name = g_strdup_printf ("Product %s", skus[i]);
      product->price = 500 + 250 * i;
      product->on_hand = initial_stock[i];
      /* PIN refuses backorders: some placements are refused and roll back. */
      if (i == 3)
        product->backorder_policy = BO_BACKORDER_DENY;
      g_assert_true (bo_store_save_product (store, product, &error));
      g_assert_no_error (error);
      g_assert_cmpint (product->id, ==, i + 1);
    }
  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autoptr(BoCustomer) customer = bo_customer_new ();

      customer->name = g_strdup_printf ("Customer %u", i + 1);
      customer->tier = i == 0 ? 1 : 0;
      customer->ship_complete = i == 4;
      g_assert_true (bo_store_save_customer (store, customer, &error));
      g_assert_no_error (error);
      g_assert_cmpint (customer->id, ==, i + 1);
    }
  supplier->name = g_strdup ("Acme");
  g_assert_true (bo_store_save_supplier (store, supplier, &error));
  g_assert_no_error (error);
  g_assert_cmpint (supplier->id, ==, 1);
}

/* "number lines" of the orders the child noted, complete lines only: the
 * child may die in the middle of writing one. */
static GPtrArray *
read_noted (const char *side)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *noted = g_ptr_array_new_with_free_func (g_free);
  const char *p;

  if (!g_file_get_contents (side, &contents, NULL, &error))
    {
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
      return noted;
    }
  p = contents;
  for (const char *end; (end = strchr (p, '\n')) != NULL; p = end + 1)
    g_ptr_array_add (noted, g_strndup (p, end - p));
  return noted;
}

static void
check_after_kill (const char *path,
                  const char *side,
                  guint       round,
                  guint      *n_noted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoStore) store = bo_store_open (path, &error);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) noted = NULL;
  g_autoptr(BoOrderDraft) draft = bo_order_draft_new ();
  gint64 orders;
  gboolean ok;

  g_assert_no_error (error);
  g_assert_nonnull (store);

  ok = bo_store_check (store, &problems, &error);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_test_message ("round %u: %s", round, (const char *) g_ptr_array_index (problems, i));
  g_assert_no_error (error);
  g_assert_true (ok);

  /* Every order the child saw committed is there. */
  noted = read_noted (side);
  for (guint i = 0; i < noted->len; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_ptr_array_index (noted, i), " ", 2);
      g_autoptr(BoOrder) order = NULL;

      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      order = bo_store_find_order (store, fields[0], &error);
      if (order == NULL)
        g_test_message ("round %u: order %s was committed but is missing", round, fields[0]);
      g_assert_no_error (error);
      g_assert_cmpstr (order->number, ==, fields[0]);
      /* Whole: every line placed with it. */
      g_assert_cmpuint (order->lines->len, ==, g_ascii_strtoull (fields[1], NULL, 10));
    }
  orders = bo_store_count_orders (store, BO_ORDER_FILTER_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (orders, >=, noted->len);
  *n_noted = noted->len;

  /* And the shop takes new work. */
  draft->customer_id = 2;
  bo_order_draft_add_line (draft, "HAT", 1, -1);
  ok = bo_store_place_order (store, draft, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
test_kill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bo-crash-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *side = NULL;
  const char *seed_env = g_getenv ("BO_SEED");
  const char *rounds_env = g_getenv ("BO_CRASH_ROUNDS");
  guint32 seed = seed_env != NULL ? (guint32) g_ascii_strtoull (seed_env, NULL, 10)
                                  : g_random_int ();
  guint rounds = rounds_env != NULL ? (guint) g_ascii_strtoull (rounds_env, NULL, 10) : 25;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gint64 started = g_get_monotonic_time ();
  guint round, n_noted = 0, before = 0, productive = 0;

  g_test_message ("seed: %u", seed);
  g_assert_no_error (error);
  path = g_build_filename (dir, "shop.db", NULL);
  side = g_build_filename (dir, "committed.txt", NULL);
  build_shop (path);

  /* On a very slow machine the first kills may all come before any commit:
   * then go on a little, within the time budget. */
  for (round = 0; round < rounds || (productive == 0 && round < 4 * rounds); round++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) out = NULL;
      g_autofree char *child_seed = g_strdup_printf ("%u", g_rand_int (rand));
      g_autofree char *line = NULL;
      guint delay_ms = g_rand_int_range (rand, 5, 151);

      if (round >= 5 && g_get_monotonic_time () - started > TIME_BUDGET)
        break;
      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_exe, CHILD_ARG, path,
                                side, child_seed, NULL);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      line = g_data_input_stream_read_line (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (line, ==, "ready");

      g_usleep (delay_ms * 1000);
      g_subprocess_force_exit (child);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      /* It must have died by our hand, not on its own. */
      if (!g_subprocess_get_if_signaled (child))
        g_test_message ("round %u: the child exited with status %d before it was killed", round,
                        g_subprocess_get_exit_status (child));
      g_assert_true (g_subprocess_get_if_signaled (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

      check_after_kill (path, side, round, &n_noted);
      g_test_message ("round %u: killed after %u ms, %u orders noted so far", round, delay_ms,
                      n_noted);
      productive += n_noted > before;
      before = n_noted;
    }

  g_test_message ("%u rounds in %.1f s, %u orders committed and found, %u rounds placed orders",
                  round, (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC, n_noted,
                  productive);
  /* Kills that never interrupt any work prove nothing. */
  g_assert_cmpuint (productive, >, 0);
  remove_tree (dir);
}

/* A shop told apart by its name and its products: "old" has the products of
 * build_shop(), "new" three more. */
static void
build_named_shop (const char *path,
                  const char *name,
                  guint       extra)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoStore) store = NULL;

  build_shop (path);
  store = bo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (bo_store_set_setting (store, "shop-name", name, &error));
  for (guint i = 0; i < extra; i++)
    {
      g_autoptr(BoProduct) product = bo_product_new ();

      product->sku = g_strdup_printf ("NEW-%u", i);
      product->name = g_strdup_printf ("New product %u", i);
      product->on_hand = 7;
      g_assert_true (bo_store_save_product (store, product, &error));
      g_assert_no_error (error);
    }
}

/* The shop at @path is whole and is either "old" or "new". */
static void
check_one_of_two (const char *path,
                  guint       round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BoStore) store = bo_store_open (path, &error);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *name = NULL;
  gint64 products;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  name = bo_store_get_setting (store, "shop-name");
  products = bo_store_count_products (store, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("round %u: the shop is “%s” with %" G_GINT64_FORMAT " products", round,
                  name != NULL ? name : "(none)", products);
  if (g_strcmp0 (name, "old") == 0)
    g_assert_cmpint (products, ==, N_PRODUCTS);
  else
    {
      g_assert_cmpstr (name, ==, "new");
      g_assert_cmpint (products, ==, N_PRODUCTS + N_NEW_ONLY);
    }
  g_assert_true (bo_store_check (store, &problems, &error));
  g_assert_no_error (error);
}

static void
test_kill_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bo-crash-restore-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *old_copy = NULL;
  g_autofree char *new_copy = NULL;
  g_autofree char *before = NULL;
  g_autofree char *scratch = NULL;
  const char *seed_env = g_getenv ("BO_SEED");
  const char *rounds_env = g_getenv ("BO_CRASH_ROUNDS");
  guint32 seed = seed_env != NULL ? (guint32) g_ascii_strtoull (seed_env, NULL, 10)
                                  : g_random_int ();
  guint rounds = rounds_env != NULL ? (guint) g_ascii_strtoull (rounds_env, NULL, 10) : 25;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gint64 started = g_get_monotonic_time ();
  guint round, changes = 0;
  g_autofree char *last = NULL;

  g_test_message ("seed: %u", seed);
  g_assert_no_error (error);
  path = g_build_filename (dir, "shop.db", NULL);
  old_copy = g_build_filename (dir, "old.backup", NULL);
  new_copy = g_build_filename (dir, "new.backup", NULL);
  before = g_strconcat (path, ".before-restore", NULL);
  scratch = g_build_filename (dir, "scratch.db", NULL);

  /* Two backups that differ, made from two shops. */
  build_named_shop (scratch, "new", N_NEW_ONLY);
  {
    g_autoptr(BoStore) store = bo_store_open (scratch, &error);

    g_assert_no_error (error);
    g_assert_true (bo_store_backup (store, new_copy, &error));
    g_assert_no_error (error);
  }
  build_named_shop (path, "old", 0);
  {
    g_autoptr(BoStore) store = bo_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (bo_store_backup (store, old_copy, &error));
    g_assert_no_error (error);
  }

  for (round = 0; round < rounds; round++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) out = NULL;
      g_autofree char *line = NULL;
      guint delay_ms = g_rand_int_range (rand, 1, 300);

      if (round >= 5 && g_get_monotonic_time () - started > TIME_BUDGET)
        break;
      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_exe, RESTORE_ARG,
                                path, new_copy, old_copy, NULL);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      line = g_data_input_stream_read_line (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (line, ==, "ready");

      g_usleep (delay_ms * 1000);
      g_subprocess_force_exit (child);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

      check_one_of_two (path, round);
      /* The copy of the shop as it was is whole too, when there is one. */
      if (g_file_test (before, G_FILE_TEST_EXISTS))
        check_one_of_two (before, round);
      g_test_message ("round %u: killed after %u ms", round, delay_ms);
      {
        g_autoptr(BoStore) store = bo_store_open (path, &error);
        g_autofree char *now = bo_store_get_setting (store, "shop-name");

        changes += g_strcmp0 (now, last) != 0;
        g_free (last);
        last = g_steal_pointer (&now);
      }
    }
  g_test_message ("%u rounds, the shop changed %u times", round, changes);
  /* Kills that never come after a restore prove nothing. */
  g_assert_cmpuint (changes, >, 1);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], CHILD_ARG))
    return run_child (argv[2], argv[3], argv[4]);
  if (argc == 5 && g_str_equal (argv[1], RESTORE_ARG))
    return run_restore_child (argv[2], argv[3], argv[4]);

  /* The child is this very program, found again by absolute path. */
  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_canonicalize_filename (argv[0], NULL);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/kill", test_kill);
  g_test_add_func ("/crash/kill-restore", test_kill_restore);

  return g_test_run ();
}
