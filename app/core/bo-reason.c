/* bo-reason.c — reasons and event details as data, made into sentences when shown
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shop stores why a line got what it got, and what an event did, as a
 * kind with its numbers, never as a sentence: a sentence stored in one
 * language would be shown in that language to every later reader. This
 * module makes the sentence, in the reader's language, when it is shown. It
 * does no I/O.
 */
#define G_LOG_DOMAIN "bo-reason"
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "backorders/bo-reason.h"
#include "bo-reason-private.h"

/* Stable names of the kinds, as stored; never translated, never renamed. */
static const char *const kind_names[] = {
  [BO_REASON_NO_STOCK] = "no-stock",
  [BO_REASON_FIFO] = "fifo",
  [BO_REASON_FAIR_SHARE] = "fair-share",
  [BO_REASON_PRO_RATA] = "pro-rata",
  [BO_REASON_SHIP_COMPLETE] = "ship-complete",
  [BO_REASON_HELD_SHIP_COMPLETE] = "held-ship-complete",
  [BO_REASON_DROP_SHIP] = "drop-ship",
  [BO_REASON_TEXT] = "text",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == BO_REASON_TEXT + 1);

void
bo_reason_clear (BoReason *reason)
{
  g_return_if_fail (reason != NULL);
  g_clear_pointer (&reason->text, g_free);
}

const char *
bo_reason_kind_to_string (BoReasonKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
bo_reason_kind_from_string (const char   *text,
                            BoReasonKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (text, kind_names[i]))
      {
        *kind = (BoReasonKind) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * bo_args_parse:
 * @text: numbers separated by single spaces, such as "2 5"; "" for none
 * @args: (out caller-allocates) (array length=n_args): receives the numbers;
 *   the ones @text lacks are 0
 * @n_found: (out) (optional): how many numbers @text holds
 *
 * Returns: %FALSE when @text is not such a list or holds more than @n_args
 */
gboolean
bo_args_parse (const char *text,
               gint64     *args,
               guint       n_args,
               guint      *n_found)
{
  guint n = 0;
  const char *p = text != NULL ? text : "";

  g_return_val_if_fail (args != NULL || n_args == 0, FALSE);

  memset (args, 0, n_args * sizeof *args);
  if (n_found != NULL)
    *n_found = 0;
  while (*p != '\0')
    {
      char *end = NULL;
      gint64 value;

      if (n == n_args || !(g_ascii_isdigit (*p) || *p == '-'))
        return FALSE;
      value = g_ascii_strtoll (p, &end, 10);
      if (end == p || (*end != '\0' && *end != ' '))
        return FALSE;
      args[n++] = value;
      p = *end == ' ' ? end + 1 : end;
    }
  if (n_found != NULL)
    *n_found = n;
  return TRUE;
}

/**
 * bo_args_to_string:
 *
 * Returns: (transfer full): @args as bo_args_parse() reads them
 */
char *
bo_args_to_string (const gint64 *args,
                   guint         n_args)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_args; i++)
    g_string_append_printf (text, i == 0 ? "%" PRId64 : " %" PRId64, args[i]);
  return g_string_free (text, FALSE);
}

/* How many of a kind's numbers are stored. */
static guint
n_args_of (BoReasonKind kind)
{
  switch (kind)
    {
    case BO_REASON_FIFO:
    case BO_REASON_FAIR_SHARE:
    case BO_REASON_HELD_SHIP_COMPLETE:
      return 2;
    case BO_REASON_PRO_RATA:
      return 4;
    case BO_REASON_SHIP_COMPLETE:
      return 1;
    case BO_REASON_NO_STOCK:
    case BO_REASON_DROP_SHIP:
    case BO_REASON_TEXT:
    default:
      return 0;
    }
}

/**
 * bo_reason_args_to_string:
 *
 * Returns: (transfer full): the numbers of @reason as stored
 */
char *
bo_reason_args_to_string (const BoReason *reason)
{
  g_return_val_if_fail (reason != NULL, NULL);
  return bo_args_to_string (reason->args, n_args_of (reason->kind));
}

/**
 * bo_reason_load:
 * @reason: (out caller-allocates): receives the reason
 * @kind: the stored kind
 * @args: the stored numbers
 * @text: (nullable): the stored text argument
 *
 * Reads a stored reason. A kind this version does not know, or numbers that
 * do not fit it, load as the text argument shown as is.
 *
 * Returns: %FALSE when the stored reason was not understood
 */
gboolean
bo_reason_load (BoReason   *reason,
                const char *kind,
                const char *args,
                const char *text)
{
  g_return_val_if_fail (reason != NULL, FALSE);

  memset (reason, 0, sizeof *reason);
  reason->text = g_strdup (text != NULL ? text : "");
  if (bo_reason_kind_from_string (kind, &reason->kind) &&
      bo_args_parse (args, reason->args, n_args_of (reason->kind), NULL))
    return TRUE;
  memset (reason->args, 0, sizeof reason->args);
  reason->kind = BO_REASON_TEXT;
  return FALSE;
}

/* For ngettext: keeps the last digits that plural rules look at. */
static gulong
plural_count (gint64 n)
{
  if (n < 0)
    return 0;
  if ((guint64) n > G_MAXULONG)
    return (gulong) (n % 1000000) + 1000000;
  return (gulong) n;
}

/**
 * bo_reason_describe:
 * @reason: a reason
 *
 * Explains in one short sentence, in the current language, why a line got
 * what it got, such as "fair share: a unit in each of 3 rounds".
 *
 * Returns: (transfer full): the sentence; "" for no reason
 */
char *
bo_reason_describe (const BoReason *reason)
{
  const gint64 *a;
  gulong first, second;

  g_return_val_if_fail (reason != NULL, NULL);

  /* Counts for the plural forms, kept out of the gettext calls: xgettext
   * drops a translator comment when a call follows the message.
   */
  a = reason->args;
  first = plural_count (a[0]);
  second = plural_count (a[1]);

  switch (reason->kind)
    {
    case BO_REASON_NO_STOCK:
      return g_strdup (_("no free stock"));

    case BO_REASON_FIFO:
      if (a[0] <= 0)
        return g_strdup (_("first come, first served"));
      if (a[1] <= 1)
        return g_strdup (_("first come, first served: the only line waiting"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: the line's place in the queue of
                                            * lines waiting for the product */
                                           "first come, first served: place %lld of %lld in line",
                                           "first come, first served: place %lld of %lld in line",
                                           second),
                              (long long) a[0], (long long) a[1]);

    case BO_REASON_FAIR_SHARE:
      if (a[0] >= a[1])
        {
          if (a[1] <= 1)
            return g_strdup (_("fair share: a unit in the only round"));
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "fair share: a unit in each of %lld round",
                                               "fair share: a unit in each of %lld rounds",
                                               second),
                                  (long long) a[1]);
        }
      if (a[0] == 1)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "fair share: a unit in round 1 of %lld",
                                             "fair share: a unit in round 1 of %lld",
                                             second),
                                (long long) a[1]);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: the line got a unit in each of
                                            * rounds 1 to N of the M rounds run */
                                           "fair share: a unit in rounds 1 to %lld of %lld",
                                           "fair share: a unit in rounds 1 to %lld of %lld",
                                           second),
                              (long long) a[0], (long long) a[1]);

    case BO_REASON_PRO_RATA:
      {
        g_autofree char *share = NULL;
        gint64 whole;
        gint64 supply = a[0];
        gint64 open = a[1];
        gint64 total = a[2];

        if (supply <= 0 || open <= 0 || total <= 0)
          return g_strdup (_("pro rata"));
        if (supply >= total)
          return g_strdup (_("pro rata: enough free stock for every waiting line"));

        share = _bo_share_format (supply, open, total, &whole);
        if (a[3] > whole)
          return g_strdup_printf (
            /* Translators: free stock × this line's quantity ÷ all waiting quantity = share;
             * the line got one more unit of what the rounding down left over */
            _("pro rata: %lld × %lld ÷ %lld = %s of the free stock, plus 1 left over"),
            (long long) supply, (long long) open, (long long) total, share);
        return g_strdup_printf (
          /* Translators: free stock × this line's quantity ÷ all waiting quantity = share */
          _("pro rata: %lld × %lld ÷ %lld = %s of the free stock"),
          (long long) supply, (long long) open, (long long) total, share);
      }

    case BO_REASON_SHIP_COMPLETE:
      if (a[0] <= 1)
        return g_strdup (_("ship-complete order: its only line covered"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "ship-complete order: its %lld line covered",
                                           "ship-complete order: all %lld lines covered",
                                           first),
                              (long long) a[0]);

    case BO_REASON_HELD_SHIP_COMPLETE:
      {
        g_autofree char *fallback = NULL;
        const char *sku = reason->text;

        if (sku == NULL || *sku == '\0')
          sku = fallback = g_strdup_printf (_("product %lld"), (long long) a[1]);

        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: units missing × the product's SKU */
                                             "held: ship-complete order needs %lld more × %s",
                                             "held: ship-complete order needs %lld more × %s",
                                             first),
                                (long long) a[0], sku);
      }

    case BO_REASON_DROP_SHIP:
      /* Translators: the reason shown on a drop-ship order line; %s is the supplier */
      return g_strdup_printf (_("drop-ship: %s ships it to the customer"),
                              reason->text != NULL ? reason->text : "");

    case BO_REASON_TEXT:
      return g_strdup (reason->text != NULL ? reason->text : "");

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * bo_reason_describe_stored:
 *
 * bo_reason_load() and bo_reason_describe() in one.
 *
 * Returns: (transfer full): the sentence
 */
char *
bo_reason_describe_stored (const char *kind,
                           const char *args,
                           const char *text)
{
  g_auto(BoReason) reason = BO_REASON_INIT;

  bo_reason_load (&reason, kind, args, text);
  return bo_reason_describe (&reason);
}

/* ---- sentences of earlier versions ------------------------------------------ */

/* The English sentences that versions before schema 5 stored. In a template,
 * '#' stands for a number as %lld prints it and '$' for a text up to the
 * literal end of the template. @map says where the numbers go: an index
 * into the numbers found, or ONE for a constant 1; unused places stay 0. */
#define ONE 0xfe
#define NONE 0xff
#define MAX_NUMBERS 8

typedef struct
{
  const char   *template;
  BoReasonKind  kind;
  guint8        map[BO_REASON_N_ARGS];
} EnglishForm;

static const EnglishForm english_forms[] = {
  { "no free stock", BO_REASON_NO_STOCK, { NONE, NONE, NONE, NONE } },
  { "first come, first served", BO_REASON_FIFO, { NONE, NONE, NONE, NONE } },
  { "first come, first served: the only line waiting", BO_REASON_FIFO, { ONE, ONE, NONE, NONE } },
  { "first come, first served: place # of # in line", BO_REASON_FIFO, { 0, 1, NONE, NONE } },
  { "fair share: a unit in the only round", BO_REASON_FAIR_SHARE, { ONE, ONE, NONE, NONE } },
  { "fair share: a unit in each of # round", BO_REASON_FAIR_SHARE, { 0, 0, NONE, NONE } },
  { "fair share: a unit in each of # rounds", BO_REASON_FAIR_SHARE, { 0, 0, NONE, NONE } },
  { "fair share: a unit in round 1 of #", BO_REASON_FAIR_SHARE, { ONE, 0, NONE, NONE } },
  { "fair share: a unit in rounds 1 to # of #", BO_REASON_FAIR_SHARE, { 0, 1, NONE, NONE } },
  { "pro rata", BO_REASON_PRO_RATA, { NONE, NONE, NONE, NONE } },
  { "pro rata: enough free stock for every waiting line", BO_REASON_PRO_RATA, { ONE, ONE, ONE, ONE } },
  /* The granted units of these two are worked out from the share. */
  { "pro rata: # × # ÷ # = $ of the free stock, plus 1 left over", BO_REASON_PRO_RATA,
    { 0, 1, 2, NONE } },
  { "pro rata: # × # ÷ # = $ of the free stock", BO_REASON_PRO_RATA, { 0, 1, 2, NONE } },
  { "ship-complete order: its only line covered", BO_REASON_SHIP_COMPLETE, { ONE, NONE, NONE, NONE } },
  { "ship-complete order: its # line covered", BO_REASON_SHIP_COMPLETE, { 0, NONE, NONE, NONE } },
  { "ship-complete order: all # lines covered", BO_REASON_SHIP_COMPLETE, { 0, NONE, NONE, NONE } },
  { "held: ship-complete order needs # more × $", BO_REASON_HELD_SHIP_COMPLETE,
    { 0, NONE, NONE, NONE } },
  { "drop-ship: $ ships it to the customer", BO_REASON_DROP_SHIP, { NONE, NONE, NONE, NONE } },
};

/* Adds a text found to @text, the texts separated as events keep them. */
static void
append_text (char       **text,
             const char  *start,
             gsize        length)
{
  g_autofree char *piece = g_strndup (start, length);
  char *joined = *text == NULL ? g_steal_pointer (&piece)
                               : g_strconcat (*text, BO_EVENT_TEXT_SEPARATOR, piece, NULL);

  g_free (*text);
  *text = joined;
}

/* Matches @sentence against @template; a number must be written exactly as
 * %lld writes it, so that the sentence made again is the one matched. */
static gboolean
match_form (const char  *sentence,
            const char  *template,
            gint64      *numbers,
            guint       *n_numbers,
            char       **text)
{
  const char *s = sentence;
  const char *t = template;

  *n_numbers = 0;
  *text = NULL;
  while (*t != '\0')
    {
      if (*t == '#')
        {
          char printed[32];
          char *end = NULL;
          gint64 value;

          if (!(g_ascii_isdigit (*s) || (*s == '-' && g_ascii_isdigit (s[1]))))
            return FALSE;
          value = g_ascii_strtoll (s, &end, 10);
          g_snprintf (printed, sizeof printed, "%lld", (long long) value);
          if (strlen (printed) != (gsize) (end - s) || strncmp (printed, s, end - s) != 0 ||
              *n_numbers == MAX_NUMBERS)
            return FALSE;
          numbers[(*n_numbers)++] = value;
          s = end;
          t++;
        }
      else if (*t == '$' && strpbrk (t + 1, "#$") == NULL)
        {
          gsize rest = strlen (t + 1);
          gsize left = strlen (s);

          if (left <= rest || strcmp (s + left - rest, t + 1) != 0)
            return FALSE;
          append_text (text, s, left - rest);
          return TRUE;
        }
      else if (*t == '$')
        {
          /* A text followed by more: it ends where the literal after it
           * first appears. Any split makes the same sentence again. */
          g_autofree char *literal = g_strndup (t + 1, strcspn (t + 1, "#$"));
          const char *end = *literal != '\0' ? strstr (s, literal) : NULL;

          if (end == NULL || end == s)
            return FALSE;
          append_text (text, s, end - s);
          s = end;
          t++;
        }
      else if (*s++ != *t++)
        return FALSE;
    }
  return *s == '\0';
}

/**
 * bo_reason_parse_english:
 * @sentence: a reason as versions before schema 5 stored it, in English
 * @reason: (out caller-allocates): receives the reason
 *
 * Reads back a sentence that an earlier version stored instead of the
 * reason. A sentence it does not recognise (one stored in another language,
 * say) becomes %BO_REASON_TEXT, shown as it was written.
 *
 * Returns: %TRUE when the sentence was recognised
 */
gboolean
bo_reason_parse_english (const char *sentence,
                         BoReason   *reason)
{
  g_return_val_if_fail (reason != NULL, FALSE);

  memset (reason, 0, sizeof *reason);
  for (guint f = 0; sentence != NULL && f < G_N_ELEMENTS (english_forms); f++)
    {
      const EnglishForm *form = &english_forms[f];
      gint64 numbers[MAX_NUMBERS] = { 0 };
      guint n_numbers = 0;
      g_autofree char *text = NULL;

      if (!match_form (sentence, form->template, numbers, &n_numbers, &text))
        continue;

      for (guint i = 0; i < BO_REASON_N_ARGS; i++)
        reason->args[i] = form->map[i] == ONE ? 1 :
                          form->map[i] < n_numbers ? numbers[form->map[i]] : 0;
      if (form->kind == BO_REASON_PRO_RATA && text != NULL)
        {
          g_autofree char *share = NULL;
          gint64 whole = 0;

          /* The share must be the one these numbers make. */
          if (reason->args[0] <= 0 || reason->args[1] <= 0 || reason->args[2] <= 0 ||
              reason->args[0] >= reason->args[2])
            continue;
          share = _bo_share_format (reason->args[0], reason->args[1], reason->args[2], &whole);
          if (!g_str_equal (share, text))
            continue;
          reason->args[3] = g_str_has_suffix (form->template, "left over") ? whole + 1 : whole;
          g_clear_pointer (&text, g_free);
        }
      if (text != NULL && *text == '\0')
        continue;
      reason->kind = form->kind;
      reason->text = g_steal_pointer (&text);
      return TRUE;
    }

  memset (reason->args, 0, sizeof reason->args);
  reason->kind = BO_REASON_TEXT;
  reason->text = g_strdup (sentence != NULL ? sentence : "");
  return FALSE;
}

/* ---- event details ----------------------------------------------------------- */

/* The @n-th text argument of an event detail stored with numbers. */
static char *
text_arg (const char *detail,
          guint       n)
{
  g_auto(GStrv) parts = g_strsplit (detail != NULL ? detail : "", BO_EVENT_TEXT_SEPARATOR, -1);

  return g_strdup (n < g_strv_length (parts) ? parts[n] : "");
}

/**
 * bo_event_describe:
 * @kind: the event's kind, such as "order-placed"
 * @args: the numbers stored with it ("" when it has none)
 * @detail: the text stored with it: with numbers, its text arguments joined by
 *   %BO_EVENT_TEXT_SEPARATOR; without, the detail shown as is
 *
 * Makes an event's detail in the current language. Events written before
 * schema 5, and events whose detail is a name or a number only, have no
 * numbers and are shown as they were written.
 *
 * Returns: (transfer full): the detail
 */
char *
bo_event_describe (const char *kind,
                   const char *args,
                   const char *detail)
{
  gint64 a[5] = { 0 };
  guint n = 0;

  if (kind == NULL || args == NULL || *args == '\0' ||
      !bo_args_parse (args, a, G_N_ELEMENTS (a), &n) || n == 0)
    return g_strdup (detail != NULL ? detail : "");

  if (g_str_equal (kind, "order-placed"))
    return g_strdup_printf (_("%u lines, %" PRId64 " units, %" PRId64 " backordered"),
                            (guint) a[0], a[1], a[2]);
  if (g_str_equal (kind, "line-cancelled"))
    {
      g_autofree char *sku = text_arg (detail, 0);

      return g_strdup_printf (_("%" PRId64 " × %s cancelled, refund %" PRId64), a[0], sku, a[1]);
    }
  if (g_str_equal (kind, "po-created"))
    return g_strdup (_("drop-ship"));
  if (g_str_equal (kind, "po-cancelled"))
    return g_strdup (_("its customer cancelled"));
  if (g_str_equal (kind, "po-line-reduced"))
    return g_strdup_printf (_("%" PRId64 " units fewer: the customer cancelled"), a[0]);
  if (g_str_equal (kind, "drop-ship-shipped"))
    return g_strdup_printf (_("%" PRId64 " units shipped to %u customers by the supplier"),
                            a[0], (guint) a[1]);
  if (g_str_equal (kind, "drop-ship") || g_str_equal (kind, "reorder-ordered"))
    {
      g_autofree char *sku = text_arg (detail, 0);
      g_autofree char *po = text_arg (detail, 1);

      return g_strdup_printf (_("%" PRId64 " × %s on %s"), a[0], sku, po);
    }
  if (g_str_equal (kind, "replanned"))
    return g_strdup_printf (_("%u lines moved"), (guint) a[0]);
  if (g_str_equal (kind, "reorder-levels"))
    return g_strdup_printf (_("reorder point %" PRId64 " (was %" PRId64 "), quantity %" PRId64
                              " (was %" PRId64 ")"), a[0], a[1], a[2], a[3]);
  if (g_str_equal (kind, "po-drafted"))
    return g_strdup_printf (_("%u purchase orders"), (guint) a[0]);
  if (g_str_equal (kind, "po-received"))
    return g_strdup_printf (_("%" PRId64 " units received, %u orders can ship"), a[0], (guint) a[1]);
  if (g_str_equal (kind, "imported"))
    return g_strdup_printf (_("%u products created, %u updated; %u customers created; "
                              "%u orders imported, %" PRId64 " lines backordered"),
                            (guint) a[0], (guint) a[1], (guint) a[2], (guint) a[3], a[4]);

  /* A kind of a later version: its text arguments are all there is to show. */
  {
    g_auto(GStrv) parts = g_strsplit (detail != NULL ? detail : "", BO_EVENT_TEXT_SEPARATOR, -1);

    return g_strjoinv (" ", parts);
  }
}

/* The English details that versions before schema 5 stored, by kind of
 * event; a detail without a number stands for the number 1. */
static const struct
{
  const char *kind;
  const char *template;
} english_details[] = {
  { "order-placed", "# lines, # units, # backordered" },
  { "line-cancelled", "# × $ cancelled, refund #" },
  { "po-created", "drop-ship" },
  { "po-cancelled", "its customer cancelled" },
  { "po-line-reduced", "# units fewer: the customer cancelled" },
  { "drop-ship-shipped", "# units shipped to # customers by the supplier" },
  { "drop-ship", "# × $ on $" },
  { "reorder-ordered", "# × $ on $" },
  { "replanned", "# lines moved" },
  { "reorder-levels", "reorder point # (was #), quantity # (was #)" },
  { "po-drafted", "# purchase orders" },
  { "po-received", "# units received, # orders can ship" },
  { "imported", "# products created, # updated; # customers created; # orders imported, "
                "# lines backordered" },
};

/**
 * bo_event_parse_english:
 * @kind: the event's kind
 * @detail: the detail as a version before schema 5 stored it, in English
 * @args: (out) (transfer full): the numbers to store
 * @texts: (out) (transfer full): the text arguments to store
 *
 * Reads back an event detail that an earlier version stored as a sentence,
 * so that bo_event_describe() makes the same sentence in English and a
 * translated one in another language.
 *
 * Returns: %FALSE when the detail is not recognised: it is then kept as is
 */
gboolean
bo_event_parse_english (const char  *kind,
                        const char  *detail,
                        char       **args,
                        char       **texts)
{
  g_return_val_if_fail (args != NULL && texts != NULL, FALSE);

  *args = NULL;
  *texts = NULL;
  for (guint i = 0; kind != NULL && detail != NULL && i < G_N_ELEMENTS (english_details); i++)
    {
      gint64 numbers[MAX_NUMBERS] = { 0 };
      guint n_numbers = 0;
      g_autofree char *text = NULL;

      if (!g_str_equal (kind, english_details[i].kind) ||
          !match_form (detail, english_details[i].template, numbers, &n_numbers, &text))
        continue;
      if (n_numbers == 0)
        numbers[n_numbers++] = 1;
      *args = bo_args_to_string (numbers, n_numbers);
      *texts = text != NULL ? g_steal_pointer (&text) : g_strdup ("");
      return TRUE;
    }
  return FALSE;
}
