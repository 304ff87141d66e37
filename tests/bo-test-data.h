/* bo-test-data.h — where the tests find the real export files of ../shared/data
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The folder sits beside the checkout and is not part of it. Tests that use
 * it skip when it is absent (fail when CI=true: CI always has it).
 * BO_SHARED_DATA overrides the place.
 */
#pragma once

#include <glib.h>

#include "bo-test-skip.h"

/* The source file, as the compiler was given it: relative to the build
 * root (where ninja runs), or absolute. */
static inline char *
bo_test_source_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_root = NULL;
  g_autofree char *file = NULL;

  if (g_path_is_absolute (__FILE__))
    return g_path_get_dirname (__FILE__);
  if (exe == NULL)
    return NULL;
  /* The tests are built in <build>/tests/. */
  {
    g_autofree char *dir = g_path_get_dirname (exe);
    build_root = g_path_get_dirname (dir);
  }
  file = g_build_filename (build_root, __FILE__, NULL);
  return g_path_get_dirname (file);
}

/**
 * bo_test_shared_file:
 * @relative: a path inside the shared data folder, like "woocommerce/x.csv"
 *
 * Returns: (transfer full) (nullable): the file's path, or %NULL when the
 *   folder or the file is not there
 */
static inline char *
bo_test_shared_file (const char *relative)
{
  const char *env = g_getenv ("BO_SHARED_DATA");
  g_autofree char *tests = NULL;
  g_autofree char *path = NULL;

  if (env != NULL)
    path = g_build_filename (env, relative, NULL);
  else if ((tests = bo_test_source_dir ()) != NULL)
    path = g_build_filename (tests, "..", "..", "shared", "data", relative, NULL);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_steal_pointer (&path);
}

/* Skips the current test when the shared file is absent (fails it in CI). */
#define BO_TEST_SHARED_FILE_OR_SKIP(var, relative)                                  \
  g_autofree char *var = bo_test_shared_file (relative);                            \
  if (var == NULL)                                                                  \
    {                                                                               \
      bo_test_skip_missing ("../shared/data/" relative " is not there (set BO_SHARED_DATA)"); \
      return;                                                                       \
    }
