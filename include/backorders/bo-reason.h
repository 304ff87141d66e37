/* bo-reason.h — reasons and event details as data, made into sentences when shown
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BoReasonKind:
 * @BO_REASON_NO_STOCK: nothing was free for this line's product when its turn came
 * @BO_REASON_FIFO: FIFO; args: [0] position in order of service (1-based) among the
 *   lines of its product and tier, 0 when not known, [1] number of such lines
 * @BO_REASON_FAIR_SHARE: fair share; args: [0] rounds this line received a unit in,
 *   [1] number of rounds run for its product and tier
 * @BO_REASON_PRO_RATA: pro rata; args: [0] supply shared in the tier S_tier,
 *   [1] this line's open quantity q, [2] the tier's open quantity Q_tier,
 *   [3] units granted (one more than the share's floor means a leftover unit)
 * @BO_REASON_SHIP_COMPLETE: a ship-complete order covered in full; args: [0] number
 *   of lines of the order
 * @BO_REASON_HELD_SHIP_COMPLETE: a ship-complete order that cannot be covered in full
 *   took nothing; args: [0] units missing, [1] product id that lacks them; text: its SKU
 * @BO_REASON_DROP_SHIP: the supplier ships the line to the customer; text: the supplier
 * @BO_REASON_TEXT: a sentence kept as written (by a version that stored sentences),
 *   shown as is; text: the sentence, "" for no reason
 *
 * Why a line got what it got. A reason is stored as its kind and numbers and
 * made into a sentence in the reader's language by bo_reason_describe().
 */
typedef enum
{
  BO_REASON_NO_STOCK,
  BO_REASON_FIFO,
  BO_REASON_FAIR_SHARE,
  BO_REASON_PRO_RATA,
  BO_REASON_SHIP_COMPLETE,
  BO_REASON_HELD_SHIP_COMPLETE,
  BO_REASON_DROP_SHIP,
  BO_REASON_TEXT,
} BoReasonKind;

#define BO_REASON_N_ARGS 4

/**
 * BoReason:
 * @kind: what happened
 * @args: its numbers, see #BoReasonKind; unused ones are 0
 * @text: (nullable): its one text argument, see #BoReasonKind
 *
 * A reason as data. Clear with bo_reason_clear().
 */
typedef struct
{
  BoReasonKind kind;
  gint64       args[BO_REASON_N_ARGS];
  char        *text;
} BoReason;

#define BO_REASON_INIT { BO_REASON_TEXT, { 0, 0, 0, 0 }, NULL }

void        bo_reason_clear            (BoReason       *reason);
const char *bo_reason_kind_to_string   (BoReasonKind    kind);
gboolean    bo_reason_kind_from_string (const char     *text,
                                        BoReasonKind   *kind);
char       *bo_reason_args_to_string   (const BoReason *reason);
gboolean    bo_reason_load             (BoReason       *reason,
                                        const char     *kind,
                                        const char     *args,
                                        const char     *text);
char       *bo_reason_describe         (const BoReason *reason);
char       *bo_reason_describe_stored  (const char     *kind,
                                        const char     *args,
                                        const char     *text);
gboolean    bo_reason_parse_english    (const char     *sentence,
                                        BoReason       *reason);

gboolean    bo_args_parse              (const char     *text,
                                        gint64         *args,
                                        guint           n_args,
                                        guint          *n_found);
char       *bo_args_to_string          (const gint64   *args,
                                        guint           n_args);

char       *bo_event_describe          (const char     *kind,
                                        const char     *args,
                                        const char     *detail);
gboolean    bo_event_parse_english     (const char     *kind,
                                        const char     *detail,
                                        char          **args,
                                        char          **texts);

/* Separates the text arguments of an event detail stored with numbers. */
#define BO_EVENT_TEXT_SEPARATOR "\x1f"

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BoReason, bo_reason_clear)

G_END_DECLS
