/* bo-cli-test.h — running backorders-cli in tests: fixtures, results, assertions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

void        result_clear      (Result             *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

const char *cli_path          (void);
gboolean    skip_without_cli  (void);
void        fixture_set_up    (Fixture            *f,
                               gconstpointer       data);
void        fixture_tear_down (Fixture            *f,
                               gconstpointer       data);
void        remove_tree       (const char         *path);
GSubprocessLauncher *launcher_new (Fixture        *f,
                                   GSubprocessFlags flags);
void        run_with_database (Fixture            *f,
                               const char         *database,
                               Result             *result,
                               const char * const *args);
/* How run_full() starts the program, beyond run_with_database(). */
typedef struct
{
  const char *cwd;             /* run in this folder (NULL: the test's) */
  gsize       file_size_limit; /* RLIMIT_FSIZE in bytes: writes beyond fail (0: none) */
  gboolean    unprivileged;    /* drop root to "nobody", so that file modes apply */
  const char *language;        /* LANGUAGE, with the build's catalogues (NULL: English) */
} RunOptions;

void        run_full          (Fixture            *f,
                               const char         *database,
                               const RunOptions   *options,
                               Result             *result,
                               const char * const *args);
void        run_ok            (Fixture            *f,
                               const char * const *args);
guint       count_lines       (const char         *text);
void        assert_failed     (const Result       *result,
                               const char         *needle);
void        assert_usage      (const Result       *result,
                               const char         *needle);
JsonNode   *parse_json        (const char         *text);
JsonNode   *run_json          (Fixture            *f,
                               const char * const *args);
JsonObject *find_by           (JsonArray          *array,
                               const char         *member,
                               const char         *value);

#define RUN(f, result, ...) \
  run_with_database ((f), NULL, (result), (const char * const[]) { __VA_ARGS__, NULL })
#define RUN_DB(f, database, result, ...) \
  run_with_database ((f), (database), (result), (const char * const[]) { __VA_ARGS__, NULL })
#define RUN_WITH(f, database, options, result, ...) \
  run_full ((f), (database), (options), (result), (const char * const[]) { __VA_ARGS__, NULL })
#define RUN_OK(f, ...) run_ok ((f), (const char * const[]) { __VA_ARGS__, NULL })
#define RUN_JSON(f, ...) run_json ((f), (const char * const[]) { "--json", __VA_ARGS__, NULL })

G_END_DECLS
