/* bo-dashboard-view-charts.c — the dashboard's charts, read in a thread while the cards load
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts' numbers come from aggregates over whole tables (the backlog's
 * history, every received purchase-order line). They are read on a second
 * SQLite connection in a worker thread, at the same time as the cards on
 * the main thread, so that a change in a large shop shows within a frame or
 * a few. Only one read runs at a time; a change while it runs reads again
 * once it is done.
 */
#define G_LOG_DOMAIN "bo-dashboard-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bo-dashboard-view-private.h"

const char *const _bo_dashboard_view_chart_ids[N_CHARTS] = {
  "rate", "backlog", "aging", "suppliers", "top-products",
};

typedef struct
{
  BoStore        *store;
  BoPeriod        period;
  BoChartMeasure  measure;
  guint32         today;
} ChartsJob;

typedef struct
{
  BoChart *charts[N_CHARTS];
} ChartsResult;

static void
charts_job_free (gpointer data)
{
  ChartsJob *job = data;

  g_clear_object (&job->store);
  g_free (job);
}

static void
charts_result_free (gpointer data)
{
  ChartsResult *result = data;

  for (guint i = 0; i < N_CHARTS; i++)
    g_clear_pointer (&result->charts[i], bo_chart_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChartsResult, charts_result_free)

static BoChart *
build_rate (BoStore         *store,
            BoPeriod         period,
            BoChartMeasure   measure,
            guint32          today,
            GError         **error)
{
  guint32 from, to;

  bo_chart_default_range (today, period, &from, &to);
  return bo_chart_new_rate (store, period, measure, from, to, error);
}

/* Every chart of the dashboard; runs in the worker thread (or, without a
 * second connection, on the main one). */
static ChartsResult *
build_charts (const ChartsJob  *job,
              GError          **error)
{
  g_autoptr(ChartsResult) result = g_new0 (ChartsResult, 1);
  guint32 from, to;

  bo_chart_default_range (job->today, BO_PERIOD_MONTH, &from, &to);
  if ((result->charts[CHART_RATE] = build_rate (job->store, job->period, job->measure, job->today,
                                                error)) == NULL ||
      (result->charts[CHART_BACKLOG] = bo_chart_new_backlog (job->store, BO_PERIOD_MONTH, from, to,
                                                             error)) == NULL ||
      (result->charts[CHART_AGING] = bo_chart_new_aging (job->store, error)) == NULL ||
      (result->charts[CHART_SUPPLIERS] = bo_chart_new_suppliers (job->store, error)) == NULL ||
      (result->charts[CHART_TOP_PRODUCTS] =
         bo_chart_new_top_products (job->store, BO_CHART_TOP_PRODUCTS_LIMIT, error)) == NULL)
    return NULL;
  return g_steal_pointer (&result);
}

static void
charts_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  ChartsResult *result = build_charts (task_data, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, charts_result_free);
}

static void
show_charts (BoDashboardView    *self,
             const ChartsJob    *job,
             const ChartsResult *result)
{
  for (guint i = 0; i < N_CHARTS; i++)
    {
      /* The period or measure switched meanwhile: that chart is newer. */
      if (i == CHART_RATE && (job->period != self->period || job->measure != self->measure))
        continue;
      bo_chart_card_set_chart (self->charts[i], result->charts[i]);
    }
}

static void
charts_loaded_cb (GObject      *source_object,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  BoDashboardView *self = BO_DASHBOARD_VIEW (source_object);
  const ChartsJob *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(ChartsResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  /* Cancelled: the view is going away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->charts_loading = FALSE;
  if (result != NULL)
    show_charts (self, job, result);
  else
    bo_view_show_error (BO_VIEW (self), _("Could not read the charts’ numbers"), error);
  if (self->charts_pending)
    {
      self->charts_pending = FALSE;
      _bo_dashboard_view_load_charts (self);
    }
}

/* A second connection to the view's store, or NULL when there can be none
 * (a database in memory). */
static BoStore *
chart_store (BoDashboardView *self,
             BoStore         *store)
{
  const char *path = bo_store_get_path (store);
  g_autoptr(GError) error = NULL;

  if (self->chart_store_for != store)
    {
      g_clear_object (&self->chart_store);
      g_set_object (&self->chart_store_for, store);
      if (path != NULL && *path != '\0' && !g_str_equal (path, ":memory:"))
        self->chart_store = bo_store_open_another (store, &error);
      if (error != NULL)
        g_debug ("Reading the charts on the main connection: %s", error->message);
    }
  if (self->chart_store != NULL)
    bo_store_set_now (self->chart_store, bo_store_get_now (store));
  return self->chart_store;
}

/**
 * _bo_dashboard_view_load_charts:
 *
 * Reads every chart again (in a thread), or once more after the read that
 * is running.
 */
void
_bo_dashboard_view_load_charts (BoDashboardView *self)
{
  BoStore *store = bo_view_get_store (BO_VIEW (self));
  g_autoptr(GTask) task = NULL;
  ChartsJob *job;

  if (store == NULL)
    return;
  if (self->charts_loading)
    {
      self->charts_pending = TRUE;
      return;
    }

  job = g_new0 (ChartsJob, 1);
  job->period = self->period;
  job->measure = self->measure;
  job->today = bo_store_get_today (store);
  job->store = chart_store (self, store);
  if (job->store == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ChartsResult) result = NULL;

      job->store = g_object_ref (store);
      result = build_charts (job, &error);
      if (result != NULL)
        show_charts (self, job, result);
      else
        bo_view_show_error (BO_VIEW (self), _("Could not read the charts’ numbers"), error);
      charts_job_free (job);
      return;
    }
  g_object_ref (job->store);

  if (self->charts_cancellable == NULL)
    self->charts_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->charts_cancellable, charts_loaded_cb, NULL);
  g_task_set_source_tag (task, _bo_dashboard_view_load_charts);
  g_task_set_task_data (task, job, charts_job_free);
  self->charts_loading = TRUE;
  g_task_run_in_thread (task, charts_thread);
}

/**
 * _bo_dashboard_view_reload_rate_chart:
 *
 * The rate chart alone, for its period and measure switches: one small
 * query, on the main connection.
 */
void
_bo_dashboard_view_reload_rate_chart (BoDashboardView *self)
{
  BoStore *store = bo_view_get_store (BO_VIEW (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(BoChart) chart = NULL;

  if (store == NULL || self->stale)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  chart = build_rate (store, self->period, self->measure, bo_store_get_today (store), &error);
  if (chart == NULL)
    bo_view_show_error (BO_VIEW (self), _("Could not read the backorder rate"), error);
  else
    bo_chart_card_set_chart (self->charts[CHART_RATE], chart);
}

void
_bo_dashboard_view_dispose_charts (BoDashboardView *self)
{
  g_cancellable_cancel (self->charts_cancellable);
  g_clear_object (&self->charts_cancellable);
  g_clear_object (&self->chart_store);
  g_clear_object (&self->chart_store_for);
}
