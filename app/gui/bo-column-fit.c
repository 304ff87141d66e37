/* bo-column-fit.c — a list shows the columns that fit, and hides the least important first
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list read sideways is a list not read: when the columns need more room
 * than the window gives, the least important one is hidden, and shown again
 * when the room comes back. Cells say their whole text (only long free text
 * such as a name may be shortened, with a tooltip), so what a column needs is
 * what the column view measures. Importance: the first column (what a row
 * is) stays; columns that expand (names) go last; the others go from right
 * to left.
 */
#define G_LOG_DOMAIN "bo-column-fit"

#include "config.h"

#include "bo-column-fit.h"

typedef struct
{
  GtkColumnViewColumn *column;
  int                  width;
} Hidden;

typedef struct
{
  /* borrowed */
  GtkColumnView *view;

  /* owned */
  GtkAdjustment *hadjustment;  /* a reference: the view may drop its own first */
  GArray        *importance;  /* of guint: column positions, most important first */
  GArray        *hidden;   /* of Hidden, the last hidden last */
  gboolean       pending_width;  /* the last hidden one's width is still its list's */
  guint          idle_id;
} Fit;

static void
fit_free (gpointer data)
{
  Fit *fit = data;

  g_clear_handle_id (&fit->idle_id, g_source_remove);
  if (fit->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (fit->hadjustment, fit);
  g_clear_object (&fit->hadjustment);
  for (guint i = 0; i < fit->hidden->len; i++)
    g_object_unref (g_array_index (fit->hidden, Hidden, i).column);
  g_array_unref (fit->hidden);
  g_clear_pointer (&fit->importance, g_array_unref);
  g_free (fit);
}

static int
needed_width (Fit *fit)
{
  int min;

  gtk_widget_measure (GTK_WIDGET (fit->view), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL,
                      NULL);
  return min;
}

/* The visible column to hide next, or NULL when only the most important is
 * left. */
static GtkColumnViewColumn *
least_important (Fit *fit)
{
  GListModel *columns = gtk_column_view_get_columns (fit->view);
  guint n = g_list_model_get_n_items (columns);

  if (fit->importance != NULL)
    {
      for (guint i = fit->importance->len - 1; i >= 1 && i < fit->importance->len; i--)
        {
          g_autoptr(GtkColumnViewColumn) column =
            g_list_model_get_item (columns, g_array_index (fit->importance, guint, i));

          if (column != NULL && gtk_column_view_column_get_visible (column))
            return column;
        }
      return NULL;
    }

  for (int pass = 0; pass < 2; pass++)
    for (guint i = n - 1; i >= 1 && i < n; i--)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        if (gtk_column_view_column_get_visible (column) &&
            gtk_column_view_column_get_expand (column) == (pass == 1))
          return column;
      }
  return NULL;
}

/* One column at a time: a column view measures a hidden or shown column
 * only after its next layout, so each step waits for that layout (it changes
 * the adjustment, which calls the fit again) and learns then how wide the
 * column hidden last was. */
static gboolean
fit_idle_cb (gpointer data)
{
  Fit *fit = data;
  int room, needed;

  fit->idle_id = 0;
  if (fit->hadjustment == NULL || !gtk_widget_get_mapped (GTK_WIDGET (fit->view)))
    return G_SOURCE_REMOVE;
  room = (int) gtk_adjustment_get_page_size (fit->hadjustment);
  if (room <= 1)
    return G_SOURCE_REMOVE;
  needed = needed_width (fit);
  if (fit->pending_width)
    {
      Hidden *last = &g_array_index (fit->hidden, Hidden, fit->hidden->len - 1);

      last->width = MAX (last->width - needed, 1);
      fit->pending_width = FALSE;
    }

  if (needed > room)
    {
      GtkColumnViewColumn *column = least_important (fit);
      Hidden hidden;

      if (column == NULL)
        return G_SOURCE_REMOVE;
      hidden.column = g_object_ref (column);
      hidden.width = needed; /* until the next layout says what is left */
      g_array_append_val (fit->hidden, hidden);
      fit->pending_width = TRUE;
      gtk_column_view_column_set_visible (column, FALSE);
    }
  else if (fit->hidden->len > 0)
    {
      Hidden *last = &g_array_index (fit->hidden, Hidden, fit->hidden->len - 1);

      if (needed + last->width <= room)
        {
          gtk_column_view_column_set_visible (last->column, TRUE);
          g_object_unref (last->column);
          g_array_set_size (fit->hidden, fit->hidden->len - 1);
        }
    }
  return G_SOURCE_REMOVE;
}

/* Fitting changes the columns: it runs after the allocation, not during. */
static void
queue_fit (Fit *fit)
{
  if (fit->idle_id == 0)
    fit->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, fit_idle_cb, fit, NULL);
}

static void
hadjustment_changed_cb (GtkAdjustment *adjustment,
                        Fit           *fit)
{
  queue_fit (fit);
}

static void
hadjustment_set_cb (GObject    *object,
                    GParamSpec *pspec,
                    Fit        *fit)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fit->view));

  if (fit->hadjustment == adjustment)
    return;
  if (fit->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (fit->hadjustment, fit);
  g_set_object (&fit->hadjustment, adjustment);
  if (adjustment != NULL)
    g_signal_connect (adjustment, "changed", G_CALLBACK (hadjustment_changed_cb), fit);
  queue_fit (fit);
}

static void
map_cb (GtkWidget *widget,
        Fit       *fit)
{
  queue_fit (fit);
}

/**
 * bo_column_fit_attach:
 * @importance: (nullable): the column positions, most important first, as
 *   in "0 3 1 2"; columns not named are never hidden. %NULL: the first
 *   column, then those that expand, then the others from left to right.
 *
 * From now on @view hides the columns it has no room for, least important
 * first, and shows them again when the room comes back.
 */
void
bo_column_fit_attach (GtkColumnView *view,
                      const char    *importance)
{
  Fit *fit;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  fit = g_new0 (Fit, 1);
  fit->view = view;
  if (importance != NULL)
    {
      g_auto(GStrv) positions = g_strsplit (importance, " ", -1);

      fit->importance = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; positions[i] != NULL; i++)
        {
          guint position = (guint) g_ascii_strtoull (positions[i], NULL, 10);
          g_array_append_val (fit->importance, position);
        }
    }
  fit->hidden = g_array_new (FALSE, FALSE, sizeof (Hidden));
  g_object_set_data_full (G_OBJECT (view), "bo-column-fit", fit, fit_free);
  g_signal_connect (view, "notify::hadjustment", G_CALLBACK (hadjustment_set_cb), fit);
  g_signal_connect (view, "map", G_CALLBACK (map_cb), fit);
  hadjustment_set_cb (G_OBJECT (view), NULL, fit);
}
