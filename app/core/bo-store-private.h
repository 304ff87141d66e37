/* bo-store-private.h — what the pieces of the store share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>
#include "backorders/bo-error.h"
#include "backorders/bo-output-file.h"
#include "backorders/bo-store.h"

G_BEGIN_DECLS

struct _BoStore
{
  GObject     parent_instance;

  /* owned */
  sqlite3    *db;
  char       *path;
  GHashTable *statements;  /* const char *sql → sqlite3_stmt * */

  GPtrArray  *monitors;    /* GFileMonitor, while watched */

  gint64      now;         /* 0: the real clock */
  gboolean    read_only;   /* the file, its folder or its mount cannot be written */
  guint       tx_depth;
  gint64      data_version;
  guint       read_delay;  /* ms slept before each statement: a slow disk, for tests */

  /* How many times promise dates were worked out, for the tests that check
   * an operation does it once. */
  guint       promise_computations;
};

typedef enum
{
  BO_STORE_OPEN_NONE            = 0,
  BO_STORE_OPEN_NO_UPGRADE_COPY = 1 << 0,  /* a scratch copy: no PATH.vN.bak */
} BoStoreOpenFlags;

BoStore      *_bo_store_open_full      (const char        *path,
                                        BoStoreOpenFlags   flags,
                                        GError           **error);
gboolean      _bo_store_backup_to      (BoStore           *self,
                                        const char        *destination,
                                        BoOutputFileFlags  flags,
                                        GError           **error);
const char   *_bo_store_migration      (guint              version);
gboolean      _bo_store_set_read_only_error (BoStore     *self,
                                        GError           **error);

/* Statements are cached by the address of their (static) SQL text. */
sqlite3_stmt *_bo_store_prepare        (BoStore        *self,
                                        const char     *sql,
                                        GError        **error);
gboolean      _bo_store_exec           (BoStore        *self,
                                        const char     *sql,
                                        GError        **error);
gboolean      _bo_store_step_done      (BoStore        *self,
                                        sqlite3_stmt   *stmt,
                                        GError        **error);
gboolean      _bo_store_set_error      (BoStore        *self,
                                        int             rc,
                                        GError        **error);
gboolean      _bo_store_begin          (BoStore        *self,
                                        GError        **error);
gboolean      _bo_store_commit         (BoStore        *self,
                                        GError        **error);
void          _bo_store_rollback       (BoStore        *self);
gboolean      _bo_store_finish         (BoStore        *self,
                                        gboolean        ok,
                                        gboolean        keep,
                                        GError        **error);

gboolean      _bo_store_query_int      (BoStore        *self,
                                        const char     *sql,
                                        gint64          arg,
                                        gint64         *out,
                                        GError        **error);
gboolean      _bo_store_check_amount   (BoStore        *self,
                                        gint64          value,
                                        const char     *field,
                                        GError        **error);
char         *_bo_store_column_dup     (sqlite3_stmt   *stmt,
                                        int             column);

/* Sorting of lists: a key the caller names, mapped to SQL here. */
typedef struct
{
  const char *key;
  const char *ascending;
  const char *descending;
} BoSortKey;

const char   *_bo_store_sorted_sql     (const char      *format,
                                        const BoSortKey *keys,
                                        const char      *sort,
                                        GError         **error);

char         *_bo_store_like_pattern   (const char      *search);
gint64        _bo_store_count_search   (BoStore         *self,
                                        const char      *sql,
                                        const char      *search,
                                        GError         **error);

/* Dates: ISO "YYYY-MM-DD" text in the database, Julian days in the API. */
guint32       _bo_date_from_iso        (const char     *text);
char         *_bo_date_to_iso          (guint32         julian);
guint32       _bo_day_of_instant       (gint64          unix_seconds);
guint32       _bo_column_date          (sqlite3_stmt   *stmt,
                                        int             column);
gboolean      _bo_bind_date            (sqlite3_stmt   *stmt,
                                        int             index,
                                        guint32         julian);

char         *_bo_store_next_number    (BoStore        *self,
                                        const char     *key,
                                        GError        **error);
gboolean      _bo_store_log_event      (BoStore        *self,
                                        const char     *kind,
                                        const char     *subject,
                                        const char     *detail,
                                        GError        **error);
gboolean      _bo_store_log_event_args (BoStore            *self,
                                        const char         *kind,
                                        const char         *subject,
                                        const gint64       *args,
                                        guint               n_args,
                                        const char * const *texts,
                                        GError            **error);
gboolean      _bo_store_move_stock     (BoStore        *self,
                                        gint64          product_id,
                                        gint64          delta,
                                        const char     *reason,
                                        const char     *reference,
                                        GError        **error);
gboolean      _bo_store_backlog_move   (BoStore        *self,
                                        gint64          line_id,
                                        gint64          units,
                                        GError        **error);

/* Reasons as data (bo-store-reasons.c). */
void          _bo_store_bind_reason    (sqlite3_stmt   *stmt,
                                        int             first,
                                        const BoReason *reason);
char         *_bo_store_column_reason  (sqlite3_stmt   *stmt,
                                        int             first);
gboolean      _bo_store_upgrade_reasons (BoStore       *self,
                                        GError        **error);

/* Allocation and promises (bo-store-plan.c). */
BoAllocationResult *_bo_allocation_result_new (void);
gboolean      _bo_store_allocate       (BoStore            *self,
                                        GArray             *product_ids,
                                        BoAllocationResult *result,
                                        GHashTable         *reasons,
                                        GError            **error);
gboolean      _bo_store_refresh_promises_for (BoStore      *self,
                                        GArray             *product_ids,
                                        GArray             *moved,
                                        GError            **error);
GArray       *_bo_promise_changes_new  (void);
gboolean      _bo_store_collect_ready  (BoStore            *self,
                                        BoAllocationResult *result,
                                        GError            **error);
/* Placing and its preview (bo-store-orders.c, bo-store-preview.c). */
typedef struct
{
  gint64            line_id;
  gint64            product_id;
  char             *sku;
  gint64            quantity;
  gint64            price;
  BoBackorderPolicy policy;
  gboolean          discontinued;
  gboolean          drop_ship;
  gint64            atp;      /* available to promise before this order */
  gint64            free_before;
  char             *refusal;  /* set by a collecting validation */
  guint             order;    /* index of its order in a BoPlacementGroup */
  gint64            open;     /* what waits for stock: ordered, less what shipped before */
  gint64            backordered;  /* what allocation left of @open */
} BoPlacedLine;

void          _bo_placed_line_clear    (gpointer            data);
void          _bo_line_outcome_clear   (gpointer            data);
gboolean      _bo_check_order_number   (const char         *number,
                                        GError            **error);
gboolean      _bo_store_validate_draft (BoStore            *self,
                                        const BoOrderDraft *draft,
                                        GArray             *placed,
                                        gboolean            collect,
                                        GError            **error);
char         *_bo_placed_line_refusal  (GArray             *placed,
                                        guint               index,
                                        gint64              backordered);
gboolean      _bo_store_order_identity (BoStore            *self,
                                        const BoOrderDraft *draft,
                                        gboolean            take,
                                        char              **number,
                                        GError            **error);

/* The bookkeeping of placing a group of new lines (bo-store-placement.c):
 * one order typed in, or the orders of an import, allocated as one group. */
typedef struct
{
  gint64 order_id;
  gint64 placed_at;
  gint64 line_count;   /* all its lines */
  gint64 units;        /* all its units */
  gint64 bo_lines;     /* set by placing */
  gint64 bo_units;
} BoPlacedOrder;

typedef struct
{
  GArray    *orders;          /* BoPlacedOrder */
  GArray    *lines;           /* BoPlacedLine, by ascending line id, each order's together */
  gboolean   accept_refused;  /* the shop platform accepted the orders (an import) */
  GPtrArray *notes;           /* (nullable): what was accepted against a policy */
  GArray    *product_ids;     /* products whose stock grew; placing adds the group's and
                               * those ship-complete orders took: refresh their promises */
  gint64     bo_lines;        /* set by placing */
  gint64     bo_units;
} BoPlacementGroup;

void          _bo_placement_group_init  (BoPlacementGroup   *group);
void          _bo_placement_group_clear (BoPlacementGroup   *group);
gboolean      _bo_store_place_group    (BoStore            *self,
                                        BoPlacementGroup   *group,
                                        GError            **error);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BoPlacementGroup, _bo_placement_group_clear)

/* The placement days' counts of orders placed together (a group, or the
 * sample shop's history), written once per day. */
typedef struct
{
  guint32 day;
  gint64  orders, bo_orders, lines, bo_lines, units, bo_units;
} BoPlacementDay;

typedef struct
{
  GHashTable *index;    /* day → index + 1 in @counts */
  GArray     *counts;   /* BoPlacementDay, in the order first met */
} BoPlacementDays;

void          _bo_placement_days_init  (BoPlacementDays    *days);
void          _bo_placement_days_clear (BoPlacementDays    *days);
void          _bo_placement_days_add   (BoPlacementDays    *days,
                                        guint32             day,
                                        gint64              lines,
                                        gint64              units,
                                        gint64              bo_lines,
                                        gint64              bo_units);
gboolean      _bo_store_write_placement_days (BoStore               *self,
                                        const BoPlacementDays *days,
                                        GError               **error);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BoPlacementDays, _bo_placement_days_clear)

/* What allocation and pegging would give lines not yet in the database. */
typedef struct
{
  gint64   granted;
  char    *reason;    /* %NULL: no free stock was looked at for the line */
  guint32  promised;
} BoPlacementPreview;

gboolean      _bo_store_preview_allocation (BoStore        *self,
                                        const BoDemand     *demands,
                                        guint               n_demands,
                                        BoPlacementPreview *out,
                                        GError            **error);
gboolean      _bo_store_drop_ship_terms (BoStore           *self,
                                        gint64              product_id,
                                        guint32            *eta,
                                        BoReason           *reason,
                                        GError            **error);

gboolean      _bo_store_preview_order  (BoStore            *self,
                                        const BoOrderDraft *draft,
                                        BoOrderOutcome    **outcome,
                                        GError            **refused,
                                        GError            **error);

/* Read-only work: a deferred transaction, so that no write lock is taken. */
gboolean      _bo_store_begin_read     (BoStore            *self,
                                        GError            **error);
char         *_bo_store_peek_number    (BoStore            *self,
                                        const char         *key,
                                        GError            **error);
/* Whatever changed the file since: another connection's commit, or a write
 * of this one. */
void          _bo_store_snapshot       (BoStore            *self,
                                        gint64              snapshot[2]);
gboolean      _bo_store_put_setting    (BoStore            *self,
                                        const char         *key,
                                        const char         *value,
                                        GError            **error);

gboolean      _bo_store_place_order_tx (BoStore            *self,
                                        const BoOrderDraft *draft,
                                        BoOrderOutcome    **outcome,
                                        GError            **error);
void          _bo_store_emit_stock_received (BoStore            *self,
                                        const char         *po_number,
                                        const BoAllocationResult *result);
gint64        _bo_store_incoming       (BoStore            *self,
                                        gint64              product_id,
                                        GError            **error);

/* Import and restore (bo-store-import.c, bo-store-restore.c). The same
 * number as bo-store.c's application id: it marks a file as a shop. */
#define BO_STORE_APPLICATION_ID 0x426f4f72

/* Planning: drop-ship, cancellations, goodwill (bo-store-dropship.c,
 * bo-store-revenue.c, bo-store-purchasing.c). */

/* Units still to come on open purchase orders (drafts included, so that
 * nothing is ordered twice), for the product p. Drop-ship lines go to
 * customers, not to the shelf: they are not counted. */
#define BO_STORE_OPEN_PO_UNITS_SQL \
  "coalesce ((SELECT sum (pl.ordered - pl.received) FROM po_lines pl " \
  "  JOIN purchase_orders po ON po.id = pl.po_id WHERE pl.product_id = p.id " \
  "    AND pl.received < pl.ordered AND pl.cancelled = 0 AND pl.order_line_id IS NULL " \
  "    AND po.status IN ('draft', 'sent', 'partial')), 0)"

gint64        _bo_store_choose_supplier     (BoStore      *self,
                                             gint64        product_id,
                                             GError      **error);
gboolean      _bo_store_add_to_draft        (BoStore      *self,
                                             gint64        supplier_id,
                                             gint64        product_id,
                                             gint64        quantity,
                                             gint64       *po_id,
                                             GError      **error);
gboolean      _bo_store_drop_ship_supplier  (BoStore      *self,
                                             gint64        product_id,
                                             gint64       *supplier_id,
                                             gint         *lead_days,
                                             GError      **error);
gboolean      _bo_store_drop_ship_line      (BoStore      *self,
                                             gint64        line_id,
                                             GError      **error);
gboolean      _bo_store_drop_ship_cancelled (BoStore      *self,
                                             gint64        line_id,
                                             gint64        quantity,
                                             GError      **error);
gboolean      _bo_store_drop_ship_eta       (BoStore      *self,
                                             gint64        po_id,
                                             guint32       eta,
                                             GArray       *moved,
                                             GError      **error);
gboolean      _bo_store_record_cancellation (BoStore      *self,
                                             gint64        line_id,
                                             gint64        quantity,
                                             gint64        refund,
                                             GError      **error);
GPtrArray    *_bo_store_list_goodwill       (BoStore      *self,
                                             gint64        order_id,
                                             GError      **error);

G_END_DECLS
