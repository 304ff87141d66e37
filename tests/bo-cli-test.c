/* bo-cli-test.c — running backorders-cli in tests: fixtures, results, assertions
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test gets a fresh folder; the binary comes from $BO_CLI, set by the
 * build. Nothing touches the user's own data: XDG_DATA_HOME points into the
 * test folder too.
 */
#include "config.h"

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bo-cli-test.h"

void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

const char *
cli_path (void)
{
  return g_getenv ("BO_CLI");
}

gboolean
skip_without_cli (void)
{
  if (cli_path () != NULL)
    return FALSE;
  g_test_skip ("BO_CLI is not set; the build sets it to the backorders-cli binary");
  return TRUE;
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "shop.db", NULL);
}

void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

GSubprocessLauncher *
launcher_new (Fixture          *f,
              GSubprocessFlags  flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_unsetenv (launcher, "LANG");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->dir, TRUE);
  /* A locked database is reported after this wait instead of five seconds. */
  g_subprocess_launcher_setenv (launcher, "BACKORDERS_BUSY_TIMEOUT_MS", "200", TRUE);
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "gc-friendly,fatal-warnings", TRUE);
  return launcher;
}

static void
child_setup (gpointer data)
{
  const RunOptions *options = data;

  if (options->file_size_limit > 0)
    {
      struct rlimit limit = { options->file_size_limit, options->file_size_limit };

      /* Past the limit, write() fails with EFBIG instead of killing. */
      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &limit);
    }
  if (options->unprivileged && geteuid () == 0)
    {
      struct passwd *nobody = getpwnam ("nobody");
      uid_t uid = nobody != NULL ? nobody->pw_uid : 65534;
      gid_t gid = nobody != NULL ? nobody->pw_gid : 65534;

      if (setgroups (0, NULL) != 0 || setgid (gid) != 0 || setuid (uid) != 0)
        _exit (126);
    }
}

/* Runs backorders-cli with @args, on the fixture's database unless
 * @database is given ("" for none at all), started as @options say. */
void
run_full (Fixture            *f,
          const char         *database,
          const RunOptions   *options,
          Result             *result,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) cli_path ());
  if (database == NULL)
    database = f->db;
  if (*database != '\0')
    {
      g_ptr_array_add (argv, (gpointer) "--database");
      g_ptr_array_add (argv, (gpointer) database);
    }
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = launcher_new (f, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (options != NULL)
    {
      if (options->cwd != NULL)
        g_subprocess_launcher_set_cwd (launcher, options->cwd);
      if (options->language != NULL)
        {
          /* The catalogues are built in build/po; the test runs from build/tests. */
          g_autofree char *catalogues = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

          g_subprocess_launcher_setenv (launcher, "LANGUAGE", options->language, TRUE);
          g_subprocess_launcher_setenv (launcher, "BACKORDERS_LOCALEDIR", catalogues, TRUE);
        }
      g_subprocess_launcher_set_child_setup (launcher, child_setup, (gpointer) options, NULL);
    }
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);

  /* A crash or an abort (a critical warning) is never an answer. */
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
  g_test_message ("backorders-cli %s -> %d\nstdout: %s\nstderr: %s",
                  args[0], result->status, result->out, result->err);
}

void
run_with_database (Fixture            *f,
                   const char         *database,
                   Result             *result,
                   const char * const *args)
{
  run_full (f, database, NULL, result, args);
}

void
run_ok (Fixture            *f,
        const char * const *args)
{
  g_auto(Result) result = { 0 };

  run_with_database (f, NULL, &result, args);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
}

guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* Refused or failed: exit 1 and exactly one line on stderr. */
void
assert_failed (const Result *result,
               const char   *needle)
{
  g_assert_cmpint (result->status, ==, 1);
  g_assert_cmpuint (count_lines (result->err), ==, 1);
  g_assert_true (g_str_has_prefix (result->err, "backorders-cli: "));
  if (needle != NULL)
    g_assert_nonnull (strstr (result->err, needle));
}

/* Usage error: exit 2, the reason naming the argument, and a hint. */
void
assert_usage (const Result *result,
              const char   *needle)
{
  g_assert_cmpint (result->status, ==, 2);
  g_assert_true (g_str_has_prefix (result->err, "backorders-cli: "));
  g_assert_nonnull (strstr (result->err, "--help"));
  if (needle != NULL)
    g_assert_nonnull (strstr (result->err, needle));
}

JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

JsonNode *
run_json (Fixture            *f,
          const char * const *args)
{
  g_auto(Result) result = { 0 };

  run_with_database (f, NULL, &result, args);
  g_assert_cmpint (result.status, ==, 0);
  return parse_json (result.out);
}

JsonObject *
find_by (JsonArray  *array,
         const char *member,
         const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, member), value) == 0)
        return object;
    }
  return NULL;
}
