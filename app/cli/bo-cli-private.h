/* bo-cli-private.h — shared state and helpers of backorders-cli
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include <backorders/bo-error.h>
#include <backorders/bo-store.h>
#include <backorders/bo-money.h>
#include <backorders/bo-period.h>

G_BEGIN_DECLS

/* Exit statuses: the contract with scripts. */
#define BO_CLI_EXIT_OK      0
#define BO_CLI_EXIT_FAILED  1
#define BO_CLI_EXIT_USAGE   2

/* "No limit" for the store's paged lists. */
#define BO_CLI_NO_LIMIT G_MAXUINT

typedef struct _BoCli        BoCli;
typedef struct _BoCliCommand BoCliCommand;
typedef struct _BoCliTable   BoCliTable;

/**
 * BoCliCommandFunc:
 * Runs one command. @argv[0] is the command's program name
 * ("backorders-cli product add"), the rest are its own arguments; the
 * caller owns the vector, which option parsing edits in place.
 * Returns an exit status.
 */
typedef int (*BoCliCommandFunc) (BoCli  *cli,
                                 char  **argv);

struct _BoCliCommand
{
  const char      *group;       /* "product", or the command itself */
  const char      *name;        /* "add", or NULL for a command without a group */
  const char      *parameters;  /* positional parameters for --help, or NULL */
  const char      *summary;     /* untranslated, N_() */
  BoCliCommandFunc func;
};

typedef enum
{
  BO_CLI_OPEN_EXISTING,  /* the shop must exist already */
  BO_CLI_OPEN_CREATE,    /* create it (init, demo) */
} BoCliOpenMode;

struct _BoCli
{
  /* global options */
  char               *database;
  gboolean            json;

  /* the command being run */
  const BoCliCommand *command;
  char               *command_name;   /* "product add" */

  /* owned */
  char               *path;           /* the database file, once resolved */
  BoStore            *store;
  char               *currency;
};

/* bo-cli.c: parsing the command line, opening the store, reporting errors */
gboolean      _bo_cli_parse             (BoCli               *cli,
                                         const GOptionEntry  *entries,
                                         guint                min_args,
                                         guint                max_args,
                                         char              ***argv,
                                         int                 *status);
gboolean      _bo_cli_require           (BoCli               *cli,
                                         const void          *value,
                                         const char          *option,
                                         int                 *status);
char         *_bo_cli_default_database  (void);
BoStore      *_bo_cli_open              (BoCli               *cli,
                                         BoCliOpenMode        mode,
                                         int                 *status);
int           _bo_cli_fail              (BoCli               *cli,
                                         const GError        *error);
int           _bo_cli_failf             (BoCli               *cli,
                                         const char          *format,
                                         ...) G_GNUC_PRINTF (2, 3);
int           _bo_cli_usage             (BoCli               *cli,
                                         const char          *format,
                                         ...) G_GNUC_PRINTF (2, 3);
int           _bo_cli_usage_error       (BoCli               *cli,
                                         const GError        *error);
void          _bo_cli_say               (BoCli               *cli,
                                         const char          *format,
                                         ...) G_GNUC_PRINTF (2, 3);

/* bo-cli-parse.c: reading arguments (all failures are usage errors) */
typedef struct
{
  char  *sku;
  gint64 quantity;
  gint64 amount;     /* price or cost in minor units, -1 when not given */
} BoCliLine;

gboolean  _bo_cli_parse_integer   (const char   *text,
                                   const char   *what,
                                   gint64        min,
                                   gint64        max,
                                   gint64       *value,
                                   GError      **error);
const char *_bo_cli_shop_currency (BoCli        *cli);
gboolean  _bo_cli_parse_money     (BoCli        *cli,
                                   const char   *text,
                                   const char   *what,
                                   gint64       *minor,
                                   GError      **error);
gboolean  _bo_cli_parse_date      (const char   *text,
                                   const char   *what,
                                   guint32      *julian,
                                   GError      **error);
gboolean  _bo_cli_parse_date_time (const char   *text,
                                   const char   *what,
                                   gint64       *unix_seconds,
                                   GError      **error);
GArray   *_bo_cli_parse_lines     (BoCli        *cli,
                                   char * const *texts,
                                   gboolean      with_amount,
                                   GError      **error);

/* bo-cli-output.c: formatting values, tables and JSON */
char       *_bo_cli_format_money     (BoCli        *cli,
                                      gint64        minor);
char       *_bo_cli_format_date      (guint32       julian);
char       *_bo_cli_format_time      (gint64        unix_seconds);
char       *_bo_cli_iso_date         (guint32       julian);
char       *_bo_cli_iso_time         (gint64        unix_seconds);
void        _bo_cli_print_json       (JsonNode     *root);
void        _bo_cli_print_formula    (BoCli        *cli,
                                      BoMetric      metric);

BoCliTable *_bo_cli_table_new        (BoCli        *cli);
void        _bo_cli_table_free       (BoCliTable   *table);
void        _bo_cli_table_column     (BoCliTable   *table,
                                      const char   *key,
                                      const char   *title,
                                      gboolean      numeric);
void        _bo_cli_table_row        (BoCliTable   *table);
void        _bo_cli_table_cell       (BoCliTable   *table,
                                      char         *text,
                                      JsonNode     *node);
void        _bo_cli_table_text       (BoCliTable   *table,
                                      const char   *text);
void        _bo_cli_table_int        (BoCliTable   *table,
                                      gint64        value);
void        _bo_cli_table_money      (BoCliTable   *table,
                                      gint64        minor);
void        _bo_cli_table_date       (BoCliTable   *table,
                                      guint32       julian,
                                      const char   *none);
void        _bo_cli_table_time       (BoCliTable   *table,
                                      gint64        unix_seconds,
                                      const char   *none);
void        _bo_cli_table_percent    (BoCliTable   *table,
                                      double        percent);
void        _bo_cli_table_bool       (BoCliTable   *table,
                                      gboolean      value);
guint       _bo_cli_table_n_rows     (BoCliTable   *table);
void        _bo_cli_table_print      (BoCliTable   *table);
void        _bo_cli_table_print_record (BoCliTable *table);
JsonNode   *_bo_cli_table_to_json    (BoCliTable   *table);
JsonNode   *_bo_cli_table_row_to_json (BoCliTable  *table,
                                      guint         row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoCliTable, _bo_cli_table_free)

/* Lookups by the names people type; on failure they set a BO_ERROR. */
BoProduct       *_bo_cli_find_product  (BoCli       *cli,
                                        const char  *sku,
                                        GError     **error);
BoSupplier      *_bo_cli_find_supplier (BoCli       *cli,
                                        const char  *name,
                                        GError     **error);
BoCustomer      *_bo_cli_find_customer (BoCli       *cli,
                                        const char  *name,
                                        GError     **error);
BoOrder         *_bo_cli_find_order    (BoCli       *cli,
                                        const char  *number,
                                        GError     **error);
BoPurchaseOrder *_bo_cli_find_po       (BoCli       *cli,
                                        const char  *number,
                                        GError     **error);

/* Prints what an operation did to allocations (ready orders, changes). */
void  _bo_cli_print_allocation_result (BoCli                    *cli,
                                       const BoAllocationResult *result,
                                       JsonBuilder              *builder);

/* Commands */
int _bo_cli_init            (BoCli *cli, char **argv);
int _bo_cli_demo            (BoCli *cli, char **argv);
int _bo_cli_settings_set    (BoCli *cli, char **argv);
int _bo_cli_settings_show   (BoCli *cli, char **argv);
int _bo_cli_replan          (BoCli *cli, char **argv);
int _bo_cli_check           (BoCli *cli, char **argv);

/* bo-cli-catalog.c: the records as table rows, shared with bo-cli-catalog-edit.c */
void _bo_cli_product_columns  (BoCliTable       *table,
                               gboolean          full);
void _bo_cli_product_row      (BoCliTable       *table,
                               const BoProduct  *product,
                               gboolean          full);
void _bo_cli_supplier_columns (BoCliTable       *table);
void _bo_cli_supplier_row     (BoCliTable       *table,
                               const BoSupplier *supplier);
void _bo_cli_customer_columns (BoCliTable       *table);
void _bo_cli_customer_row     (BoCliTable       *table,
                               const BoCustomer *customer);

int _bo_cli_product_add     (BoCli *cli, char **argv);
int _bo_cli_product_list    (BoCli *cli, char **argv);
int _bo_cli_product_show    (BoCli *cli, char **argv);
int _bo_cli_product_adjust  (BoCli *cli, char **argv);
int _bo_cli_supplier_add    (BoCli *cli, char **argv);
int _bo_cli_supplier_list   (BoCli *cli, char **argv);
int _bo_cli_supplier_link   (BoCli *cli, char **argv);
int _bo_cli_customer_add    (BoCli *cli, char **argv);
int _bo_cli_customer_list   (BoCli *cli, char **argv);

/* bo-cli-catalog-edit.c: changing what "add" created, as the window does */
int _bo_cli_product_update      (BoCli *cli, char **argv);
int _bo_cli_product_discontinue (BoCli *cli, char **argv);
int _bo_cli_supplier_update     (BoCli *cli, char **argv);
int _bo_cli_supplier_unlink     (BoCli *cli, char **argv);
int _bo_cli_customer_update     (BoCli *cli, char **argv);

int _bo_cli_order_add       (BoCli *cli, char **argv);
int _bo_cli_order_show      (BoCli *cli, char **argv);
int _bo_cli_order_list      (BoCli *cli, char **argv);
int _bo_cli_order_priority  (BoCli *cli, char **argv);
int _bo_cli_order_message   (BoCli *cli, char **argv);
int _bo_cli_ship            (BoCli *cli, char **argv);
int _bo_cli_cancel          (BoCli *cli, char **argv);
int _bo_cli_picklist        (BoCli *cli, char **argv);

int _bo_cli_po_add          (BoCli *cli, char **argv);
int _bo_cli_po_draft        (BoCli *cli, char **argv);
int _bo_cli_po_list         (BoCli *cli, char **argv);
int _bo_cli_po_show         (BoCli *cli, char **argv);
int _bo_cli_po_eta          (BoCli *cli, char **argv);
int _bo_cli_po_send         (BoCli *cli, char **argv);
int _bo_cli_po_cancel       (BoCli *cli, char **argv);
int _bo_cli_po_receive      (BoCli *cli, char **argv);

int _bo_cli_report_rate      (BoCli *cli, char **argv);
int _bo_cli_report_fill_rate (BoCli *cli, char **argv);
int _bo_cli_report_backlog   (BoCli *cli, char **argv);
int _bo_cli_report_aging     (BoCli *cli, char **argv);
int _bo_cli_report_suppliers (BoCli *cli, char **argv);
int _bo_cli_report_customers (BoCli *cli, char **argv);
int _bo_cli_chart            (BoCli *cli, char **argv);

int _bo_cli_bench           (BoCli *cli, char **argv);
int _bo_cli_bench_import    (BoCli *cli, char **argv);

int _bo_cli_import          (BoCli *cli, char **argv);
int _bo_cli_export          (BoCli *cli, char **argv);
int _bo_cli_backup          (BoCli *cli, char **argv);
int _bo_cli_restore         (BoCli *cli, char **argv);

int _bo_cli_suggest              (BoCli *cli, char **argv);
int _bo_cli_export_availability  (BoCli *cli, char **argv);
int _bo_cli_order_goodwill       (BoCli *cli, char **argv);
int _bo_cli_po_confirm_drop_ship (BoCli *cli, char **argv);
int _bo_cli_report_revenue       (BoCli *cli, char **argv);

G_END_DECLS
