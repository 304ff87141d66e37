/* bo-cli-admin.c — init, demo, settings, replan and check commands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bo-cli"
#include "config.h"

#include <glib/gi18n.h>

#include "bo-cli-private.h"

static void
print_root (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  _bo_cli_print_json (root);
}

/* ---- init, demo ---------------------------------------------------------- */

int
_bo_cli_init (BoCli *cli,
              char **argv)
{
  int status;

  if (!_bo_cli_parse (cli, NULL, 0, 0, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_CREATE, &status) == NULL)
    return status;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "database");
      json_builder_add_string_value (builder, cli->path);
      json_builder_set_member_name (builder, "schema_version");
      json_builder_add_int_value (builder, BO_STORE_SCHEMA_VERSION);
      json_builder_end_object (builder);
      print_root (builder);
    }
  else
    g_print (_("The shop database “%s” is ready.\n"), cli->path);
  return BO_CLI_EXIT_OK;
}

int
_bo_cli_demo (BoCli *cli,
              char **argv)
{
  g_autofree char *scale_arg = NULL;
  g_autofree char *seed_arg = NULL;
  g_autofree char *today_arg = NULL;
  const GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_arg,
      N_("small (default) or large (10,000 products, 200,000 orders)"), N_("SCALE") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_arg,
      N_("Seed of the generator; the same seed gives the same shop (default 1)"), N_("N") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_arg,
      N_("The day the shop's history ends (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  BoDemoScale scale = BO_DEMO_SMALL;
  gint64 seed = 1;
  guint32 today = 0;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status))
    return status;
  if (g_strcmp0 (scale_arg, "large") == 0)
    scale = BO_DEMO_LARGE;
  else if (scale_arg != NULL && g_strcmp0 (scale_arg, "small") != 0)
    return _bo_cli_usage (cli, _("invalid value “%s” for --scale: expected small or large"),
                          scale_arg);
  if (seed_arg != NULL
      && !_bo_cli_parse_integer (seed_arg, "--seed", 0, G_MAXUINT32, &seed, &error))
    return _bo_cli_usage_error (cli, error);
  if (today_arg != NULL && !_bo_cli_parse_date (today_arg, "--today", &today, &error))
    return _bo_cli_usage_error (cli, error);

  if (_bo_cli_open (cli, BO_CLI_OPEN_CREATE, &status) == NULL)
    return status;
  if (today == 0)
    today = bo_store_get_today (cli->store);
  if (!bo_store_generate_demo (cli->store, scale, (guint32) seed, today, &error))
    return _bo_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *iso = _bo_cli_iso_date (today);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "database");
      json_builder_add_string_value (builder, cli->path);
      json_builder_set_member_name (builder, "scale");
      json_builder_add_string_value (builder, scale == BO_DEMO_LARGE ? "large" : "small");
      json_builder_set_member_name (builder, "seed");
      json_builder_add_int_value (builder, seed);
      json_builder_set_member_name (builder, "today");
      json_builder_add_string_value (builder, iso);
      json_builder_end_object (builder);
      print_root (builder);
    }
  else if (scale == BO_DEMO_LARGE)
    g_print (_("Generated a large demo shop in “%s”.\n"), cli->path);
  else
    g_print (_("Generated a small demo shop in “%s”.\n"), cli->path);
  return BO_CLI_EXIT_OK;
}

/* ---- settings ------------------------------------------------------------ */

int
_bo_cli_settings_set (BoCli *cli,
                      char **argv)
{
  const char * const *keys = bo_store_setting_keys ();
  g_autoptr(GError) error = NULL;
  const char *key;
  const char *value;
  int status;

  if (!_bo_cli_parse (cli, NULL, 2, 2, &argv, &status))
    return status;
  key = argv[1];
  value = argv[2];
  if (!g_strv_contains (keys, key))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) keys);

      return _bo_cli_usage (cli, _("unknown setting “%s”; the settings are: %s"), key, known);
    }

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  if (!bo_store_set_setting (cli->store, key, value, &error))
    return _bo_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, key);
      json_builder_add_string_value (builder, value);
      json_builder_end_object (builder);
      print_root (builder);
    }
  else
    g_print ("%s = %s\n", key, value);
  return BO_CLI_EXIT_OK;
}

int
_bo_cli_settings_show (BoCli *cli,
                       char **argv)
{
  const char * const *keys = bo_store_setting_keys ();
  g_autoptr(BoCliTable) table = NULL;
  int status;

  if (!_bo_cli_parse (cli, NULL, 0, 0, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  table = _bo_cli_table_new (cli);
  for (gsize i = 0; keys[i] != NULL; i++)
    _bo_cli_table_column (table, keys[i], keys[i], FALSE);
  _bo_cli_table_row (table);
  for (gsize i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = bo_store_get_setting (cli->store, keys[i]);

      _bo_cli_table_text (table, value);
    }
  _bo_cli_table_print_record (table);
  return BO_CLI_EXIT_OK;
}

/* ---- replan -------------------------------------------------------------- */

int
_bo_cli_replan (BoCli *cli,
                char **argv)
{
  g_autofree char *policy_arg = NULL;
  gboolean apply = FALSE;
  const GOptionEntry entries[] = {
    { "policy", 0, 0, G_OPTION_ARG_STRING, &policy_arg,
      N_("fifo, fair-share or pro-rata (default: the shop's policy)"), N_("POLICY") },
    { "apply", 0, 0, G_OPTION_ARG_NONE, &apply,
      N_("Move the allocations; without it, only show what would move"), NULL },
    { NULL }
  };
  g_autoptr(BoAllocationResult) result = NULL;
  g_autoptr(GError) error = NULL;
  BoPolicy policy = BO_POLICY_FIFO;
  guint n_changes;
  int status;

  if (!_bo_cli_parse (cli, entries, 0, 0, &argv, &status))
    return status;
  if (policy_arg != NULL && !bo_policy_from_string (policy_arg, &policy))
    return _bo_cli_usage (cli, _("invalid value “%s” for --policy: "
                                 "expected fifo, fair-share or pro-rata"),
                          policy_arg);

  if (_bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;
  if (policy_arg == NULL)
    policy = bo_store_get_policy (cli->store);
  if (!bo_store_replan (cli->store, policy, apply, &result, &error))
    return _bo_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "policy");
      json_builder_add_string_value (builder, bo_policy_to_string (policy));
      json_builder_set_member_name (builder, "applied");
      json_builder_add_boolean_value (builder, apply);
      _bo_cli_print_allocation_result (cli, result, builder);
      json_builder_end_object (builder);
      print_root (builder);
      return BO_CLI_EXIT_OK;
    }

  n_changes = result != NULL && result->changes != NULL ? result->changes->len : 0;
  if (n_changes == 0)
    {
      g_print (_("Re-planning with the policy “%s” would move no allocation.\n"),
               bo_policy_label (policy));
      return BO_CLI_EXIT_OK;
    }
  if (apply)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Re-planned with the policy “%s”: %u line changed.\n",
                          "Re-planned with the policy “%s”: %u lines changed.\n", n_changes),
             bo_policy_label (policy), n_changes);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Re-planning with the policy “%s” would change %u line "
                          "(preview; run with --apply to make the change):\n",
                          "Re-planning with the policy “%s” would change %u lines "
                          "(preview; run with --apply to make the change):\n",
                          n_changes),
             bo_policy_label (policy), n_changes);
  _bo_cli_print_allocation_result (cli, result, NULL);
  return BO_CLI_EXIT_OK;
}

/* ---- check --------------------------------------------------------------- */

int
_bo_cli_check (BoCli *cli,
               char **argv)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;
  guint n_problems;
  int status;

  if (!_bo_cli_parse (cli, NULL, 0, 0, &argv, &status)
      || _bo_cli_open (cli, BO_CLI_OPEN_EXISTING, &status) == NULL)
    return status;

  ok = bo_store_check (cli->store, &problems, &error);
  if (!ok && !g_error_matches (error, BO_ERROR, BO_ERROR_INCONSISTENT))
    return _bo_cli_fail (cli, error);
  n_problems = problems != NULL ? problems->len : 0;
  ok = ok && n_problems == 0;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, ok);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_problems; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (problems, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_root (builder);
    }
  else
    for (guint i = 0; i < n_problems; i++)
      g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));

  if (ok)
    {
      _bo_cli_say (cli, _("The database “%s” is consistent."), cli->path);
      return BO_CLI_EXIT_OK;
    }
  if (n_problems == 0)
    return _bo_cli_fail (cli, error);
  return _bo_cli_failf (cli, g_dngettext (GETTEXT_PACKAGE,
                                          "the database “%s” breaks %u rule",
                                          "the database “%s” breaks %u rules", n_problems),
                        cli->path, n_problems);
}
