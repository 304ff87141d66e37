/* test-translation.c — the window and the command line speak German
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "bo-gui-test.h"
#include "bo-order-dialog.h"
#include "bo-window.h"

/* Where the compiled catalogues are: build/po/<lang>/LC_MESSAGES/backorders.mo */
static char *locale_dir;

static void
test_window_in_german (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BoStore) store = bo_gui_test_open_store (&dir, TRUE);
  BoWindow *window = bo_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  bo_gui_test_iterate (50);

  /* The sidebar names the views in German. */
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (window), "Bestellungen"));
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (window), "Lieferanten"));
  g_assert_null (bo_gui_test_find_label (GTK_WIDGET (window), "Suppliers"));

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_remove_dir (dir);
}

static void
test_cli_help_in_german (void)
{
  const char *cli = g_getenv ("BO_CLI");
  const char *argv[] = { cli, "--help", NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (cli == NULL)
    {
      g_test_skip ("BO_CLI is not set");
      return;
    }
  envp = g_environ_setenv (envp, "LANGUAGE", "de", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "BACKORDERS_LOCALEDIR", locale_dir, TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Befehle:"));
  g_assert_null (strstr (out, "Commands:"));
}

/* Runs backorders-cli in English on @path. */
static void
run_cli_in_english (const char         *path,
                    const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) g_getenv ("BO_CLI"));
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, (gpointer) path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp,
                               G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

#define CLI(path, ...) run_cli_in_english ((path), (const char * const[]) { __VA_ARGS__, NULL })

/* Lines placed while the shop was used in English show German reasons in
 * the order dialog of a window used in German. */
static void
test_order_reasons_in_german (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(BoStore) store = NULL;
  g_autoptr(BoOrder) first = NULL;
  g_autoptr(BoOrder) second = NULL;
  BoWindow *window;
  GtkWindow *dialog;

  if (g_getenv ("BO_CLI") == NULL)
    {
      g_test_skip ("BO_CLI is not set");
      return;
    }
  dir = g_dir_make_tmp ("bo-gui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "shop.db", NULL);
  CLI (path, "init");
  CLI (path, "product", "add", "--sku", "MUG", "--name", "Mug", "--stock", "1", "--price", "10");
  CLI (path, "customer", "add", "--name", "Ann");
  CLI (path, "customer", "add", "--name", "Ben");
  CLI (path, "order", "add", "--customer", "Ann", "--number", "1001", "--line", "MUG:3");
  CLI (path, "order", "add", "--customer", "Ben", "--number", "1002", "--line", "MUG:1");

  store = bo_store_open (path, &error);
  g_assert_no_error (error);
  first = bo_store_find_order (store, "1001", &error);
  g_assert_no_error (error);
  second = bo_store_find_order (store, "1002", &error);
  g_assert_no_error (error);
  window = bo_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  bo_gui_test_iterate (20);

  dialog = bo_order_dialog_new (GTK_WINDOW (window), store, second->id);
  gtk_window_present (dialog);
  bo_gui_test_iterate (50);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog), "kein freier Bestand"));
  g_assert_null (bo_gui_test_find_label (GTK_WIDGET (dialog), "no free stock"));
  gtk_window_destroy (dialog);

  dialog = bo_order_dialog_new (GTK_WINDOW (window), store, first->id);
  gtk_window_present (dialog);
  bo_gui_test_iterate (50);
  g_assert_nonnull (bo_gui_test_find_label (GTK_WIDGET (dialog),
                                            "nach Eingang: die einzige wartende Position"));
  gtk_window_destroy (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  bo_gui_test_iterate (20);
  g_clear_object (&store);
  bo_gui_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  if (!bo_gui_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  /* The test runs from build/tests; the catalogues are built in build/po. */
  if (g_getenv ("BACKORDERS_LOCALEDIR") != NULL)
    locale_dir = g_strdup (g_getenv ("BACKORDERS_LOCALEDIR"));
  else
    locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/translation/window", test_window_in_german);
  g_test_add_func ("/translation/cli-help", test_cli_help_in_german);
  g_test_add_func ("/translation/order-reasons", test_order_reasons_in_german);
  status = g_test_run ();
  g_free (locale_dir);
  return status;
}
