/* main.c — starts Backorders
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gui/bo-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BoApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* BACKORDERS_LOCALEDIR points at uninstalled catalogues (the tests use it). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BACKORDERS_LOCALEDIR") != NULL
                                   ? g_getenv ("BACKORDERS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = bo_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
