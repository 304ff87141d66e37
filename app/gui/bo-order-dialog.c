/* bo-order-dialog.c — one order: its lines, promises and shipments
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog shows what the store says about the order and reads it again
 * whenever the shop changes, from this window or from another program. What
 * the merchant can do with the order lives in bo-order-dialog-actions.c.
 */
#define G_LOG_DOMAIN "bo-order-dialog"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <math.h>

#include "bo-format.h"
#include "bo-order-dialog-private.h"
#include "bo-toast.h"
#include "bo-reader.h"

G_DEFINE_FINAL_TYPE (BoOrderDialog, bo_order_dialog, ADW_TYPE_WINDOW)

/* The columns of the line table. Each line takes two grid rows: its
 * numbers, then the allocation's reason under them. */
enum {
  COL_SKU,
  COL_PRODUCT,
  COL_ORDERED,
  COL_ALLOCATED,
  COL_SHIPPED,
  COL_CANCELLED,
  COL_BACKORDERED,
  COL_VALUE,
  COL_PROMISED,
  COL_WAITING,
  COL_ACTION,
};

/* ---- helpers ---------------------------------------------------------------- */

/* A label of the line table; @name and the line's index name it for tests
 * ("shipped-0"). */
static GtkWidget *
cell (GtkGrid    *grid,
      int         column,
      int         row,
      const char *text,
      const char *name,
      int         index,
      gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (name != NULL)
    {
      g_autofree char *full = g_strdup_printf ("%s-%d", name, index);
      gtk_widget_set_name (label, full);
    }
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}

static GtkWidget *
quantity_cell (GtkGrid    *grid,
               int         column,
               int         row,
               gint64      quantity,
               const char *name,
               int         index)
{
  g_autofree char *text = bo_format_quantity (quantity);
  return cell (grid, column, row, text, name, index, TRUE);
}

static char *
line_promise (const BoOrderLine *line)
{
  if (line->backordered <= 0)
    return g_strdup ("");
  if (line->promised == 0)
    return g_strdup (_("needs purchase order"));
  return bo_format_date (line->promised);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
fill_header (BoOrderDialog *self)
{
  const BoOrder *o = self->order;
  g_autofree char *title = g_strdup_printf (_("Order %s"), o->number);
  g_autofree char *placed = bo_format_instant (o->placed_at);
  g_autofree char *tier = NULL;
  g_autofree char *promise = NULL;
  g_autoptr(GString) contact = g_string_new (NULL);
  gboolean backordered = FALSE, needs_po = FALSE;
  guint32 latest = 0;

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, o->customer_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->customer_row), o->customer_name);
  if (o->customer_email != NULL && *o->customer_email != '\0')
    g_string_append (contact, o->customer_email);
  if (o->customer_address != NULL && *o->customer_address != '\0')
    g_string_append_printf (contact, "%s%s", contact->len > 0 ? "\n" : "", o->customer_address);
  adw_action_row_set_subtitle (self->customer_row, contact->str);

  adw_action_row_set_subtitle (self->placed_row, placed);

  if (o->priority_override < 0)
    tier = g_strdup_printf (_("%d, the customer’s tier"), o->tier);
  else
    tier = g_strdup_printf (_("%d, set on this order"), o->tier);
  adw_action_row_set_subtitle (self->priority_row, tier);

  if (o->ship_complete)
    adw_action_row_set_subtitle (self->ship_complete_row,
                                 o->ship_complete_override < 0
                                 ? _("Yes, as the customer prefers: ships when every line can ship")
                                 : _("Yes: ships when every line can ship"));
  else
    adw_action_row_set_subtitle (self->ship_complete_row,
                                 o->ship_complete_override < 0
                                 ? _("No, as the customer prefers: ships what is there")
                                 : _("No: ships what is there"));

  for (guint i = 0; i < o->lines->len; i++)
    {
      const BoOrderLine *line = g_ptr_array_index (o->lines, i);

      if (line->backordered <= 0)
        continue;
      backordered = TRUE;
      needs_po |= line->promised == 0;
      latest = MAX (latest, line->promised);
    }
  if (!backordered)
    promise = g_strdup (_("Nothing is backordered"));
  else if (needs_po)
    promise = g_strdup (_("needs purchase order"));
  else
    promise = bo_format_date (o->promised != 0 ? o->promised : latest);
  adw_action_row_set_subtitle (self->promise_row, promise);
}

static void
fill_lines (BoOrderDialog *self)
{
  GtkGrid *grid = self->lines_grid;
  const char *titles[] = {
    NC_("order line column", "SKU"), NC_("order line column", "Product"),
    NC_("order line column", "Ordered"), NC_("order line column", "Allocated"),
    NC_("order line column", "Shipped"), NC_("order line column", "Cancelled"),
    NC_("order line column", "Backordered"), NC_("order line column", "Value"),
    NC_("order line column", "Promised"),
    NC_("order line column", "Waiting For"),
  };
  g_autofree char *total_text = NULL;
  GtkWidget *label;
  gint64 total = 0;

  clear_grid (grid);
  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    {
      GtkWidget *header = cell (grid, c, 0, g_dpgettext2 (NULL, "order line column", titles[c]),
                                NULL, 0, c >= COL_ORDERED && c <= COL_VALUE);
      gtk_widget_add_css_class (header, "heading");
    }

  for (guint i = 0; i < self->order->lines->len; i++)
    {
      const BoOrderLine *line = g_ptr_array_index (self->order->lines, i);
      int row = 1 + 2 * (int) i;
      g_autofree char *promise = line_promise (line);
      g_autofree char *value = NULL;
      GtkWidget *product, *reason;

      cell (grid, COL_SKU, row, line->sku, "sku", i, FALSE);
      product = cell (grid, COL_PRODUCT, row, line->product_name, "product", i, FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (product), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (product), MIN (g_utf8_strlen (line->product_name, -1), 20));
      gtk_label_set_max_width_chars (GTK_LABEL (product), 32);
      quantity_cell (grid, COL_ORDERED, row, line->ordered, "ordered", i);
      quantity_cell (grid, COL_ALLOCATED, row, line->allocated, "allocated", i);
      quantity_cell (grid, COL_SHIPPED, row, line->shipped, "shipped", i);
      quantity_cell (grid, COL_CANCELLED, row, line->cancelled, "cancelled", i);
      quantity_cell (grid, COL_BACKORDERED, row, line->backordered, "backordered", i);
      value = bo_format_money (bo_order_line_value (line), self->currency);
      cell (grid, COL_VALUE, row, value, "value", i, TRUE);
      total += bo_order_line_value (line);
      cell (grid, COL_PROMISED, row, promise, "promised", i, FALSE);
      cell (grid, COL_WAITING, row, line->waiting_po != NULL ? line->waiting_po : "", "waiting", i,
            FALSE);

      /* Why the line has what it has, under its numbers. */
      reason = gtk_label_new (line->reason != NULL ? line->reason : "");
      {
        g_autofree char *name = g_strdup_printf ("reason-%u", i);
        gtk_widget_set_name (reason, name);
      }
      gtk_label_set_xalign (GTK_LABEL (reason), 0);
      gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
      gtk_widget_add_css_class (reason, "dim-label");
      gtk_widget_add_css_class (reason, "caption");
      gtk_widget_set_visible (reason, line->reason != NULL && *line->reason != '\0');
      gtk_grid_attach (grid, reason, COL_PRODUCT, row + 1, COL_ACTION - COL_PRODUCT, 1);

      if (_bo_order_dialog_cancellable (self, line) > 0)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("Cancel _Quantity…"));
          g_autofree char *a11y = g_strdup_printf (_("Cancel a quantity of %s"), line->sku);
          g_autofree char *name = g_strdup_printf ("cancel-%u", i);

          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_name (button, name);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "order.cancel-quantity");
          gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                                  g_variant_new_int64 (line->id));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          a11y, -1);
          gtk_grid_attach (grid, button, COL_ACTION, row, 1, 1);
        }
    }

  /* The order's value under the lines' values. */
  label = cell (grid, COL_PRODUCT, 1 + 2 * (int) self->order->lines->len, _("Order total"), NULL, 0,
                FALSE);
  gtk_widget_add_css_class (label, "heading");
  total_text = bo_format_money (total, self->currency);
  label = cell (grid, COL_VALUE, 1 + 2 * (int) self->order->lines->len, total_text, "total", 0, TRUE);
  gtk_widget_add_css_class (label, "heading");
}

static char *
shipment_subtitle (BoOrderDialog    *self,
                   const BoShipment *shipment)
{
  g_autofree char *created = bo_format_instant (shipment->created_at);
  GString *text = g_string_new (NULL);

  if (self->pending.kind == BO_PENDING_CANCEL_SHIPMENT && self->pending.id == shipment->id)
    g_string_append_printf (text, _("Packed %s, being cancelled"), created);
  else if (shipment->shipped_at != 0)
    {
      g_autofree char *shipped = bo_format_instant (shipment->shipped_at);
      g_string_append_printf (text, _("Packed %s, shipped %s"), created, shipped);
    }
  else
    g_string_append_printf (text, _("Packed %s, not shipped"), created);

  for (guint i = 0; i < shipment->lines->len; i++)
    {
      const BoShipmentLine *line = &g_array_index (shipment->lines, BoShipmentLine, i);
      g_autofree char *quantity = bo_format_quantity (line->quantity);

      g_string_append_c (text, '\n');
      /* Translators: units × SKU, product name */
      g_string_append_printf (text, _("%s × %s, %s"), quantity, line->sku, line->product_name);
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
shipment_button (const char *label,
                 const char *accessible,
                 const char *action,
                 gint64      shipment_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (shipment_id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return button;
}

static gboolean
release_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* Takes @row out of @group; the row lives on until the main loop is idle,
 * because the button that changed the order may be one of its children and
 * still be handling its click. */
static void
remove_row_later (AdwPreferencesGroup *group,
                  GtkWidget           *row)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, release_cb, g_object_ref (row), g_object_unref);
  adw_preferences_group_remove (group, row);
}

static void
fill_shipments (BoOrderDialog *self)
{
  for (guint i = 0; i < self->shipment_rows->len; i++)
    remove_row_later (self->shipments_group, g_ptr_array_index (self->shipment_rows, i));
  g_ptr_array_set_size (self->shipment_rows, 0);

  if (self->shipments->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing has been packed yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->shipments_group, row);
      g_ptr_array_add (self->shipment_rows, row);
      return;
    }

  for (guint i = 0; i < self->shipments->len; i++)
    {
      const BoShipment *shipment = g_ptr_array_index (self->shipments, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Shipment %" PRId64), shipment->id);
      g_autofree char *subtitle = shipment_subtitle (self, shipment);
      g_autofree char *name = g_strdup_printf ("shipment-%" PRId64, shipment->id);
      gboolean pending = self->pending.kind == BO_PENDING_CANCEL_SHIPMENT &&
                         self->pending.id == shipment->id;

      gtk_widget_set_name (row, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (shipment->shipped_at == 0 && !pending)
        {
          g_autofree char *ship = g_strdup_printf (_("Mark shipment %" PRId64 " shipped"),
                                                   shipment->id);
          g_autofree char *cancel = g_strdup_printf (_("Cancel shipment %" PRId64),
                                                     shipment->id);
          GtkWidget *cancel_button = shipment_button (_("C_ancel Shipment"), cancel,
                                                      "order.cancel-shipment", shipment->id);
          GtkWidget *ship_button = shipment_button (_("_Mark Shipped"), ship, "order.mark-shipped",
                                                    shipment->id);

          gtk_widget_add_css_class (cancel_button, "flat");
          gtk_widget_add_css_class (ship_button, "suggested-action");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), cancel_button);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), ship_button);
        }
      adw_preferences_group_add (self->shipments_group, row);
      g_ptr_array_add (self->shipment_rows, row);
    }
}

static void
show_unreadable (BoOrderDialog *self,
                 const GError  *error)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Order"));
  adw_window_title_set_title (self->window_title, _("Order"));
  adw_window_title_set_subtitle (self->window_title, error->message);
  clear_grid (self->lines_grid);
  cell (self->lines_grid, 0, 1, error->message, NULL, 0, FALSE);
}

/* ---- shared with the actions ------------------------------------------------ */

const BoOrderLine *
_bo_order_dialog_find_line (BoOrderDialog *self,
                            gint64         line_id)
{
  for (guint i = 0; self->order != NULL && i < self->order->lines->len; i++)
    {
      const BoOrderLine *line = g_ptr_array_index (self->order->lines, i);
      if (line->id == line_id)
        return line;
    }
  return NULL;
}

/* Units of a line packed in shipments that have not left. */
gint64
_bo_order_dialog_packed (BoOrderDialog *self,
                         gint64         line_id)
{
  gint64 packed = 0;

  for (guint i = 0; self->shipments != NULL && i < self->shipments->len; i++)
    {
      const BoShipment *shipment = g_ptr_array_index (self->shipments, i);

      if (shipment->shipped_at != 0)
        continue;
      for (guint j = 0; j < shipment->lines->len; j++)
        {
          const BoShipmentLine *sl = &g_array_index (shipment->lines, BoShipmentLine, j);
          if (sl->line_id == line_id)
            packed += sl->quantity;
        }
    }
  return packed;
}

/* Units the cancel form offers: the backordered ones and the allocated ones
 * not packed yet (the store refuses the rest and says why). */
gint64
_bo_order_dialog_cancellable (BoOrderDialog     *self,
                              const BoOrderLine *line)
{
  return MAX (line->backordered, 0) +
         MAX (line->allocated - _bo_order_dialog_packed (self, line->id), 0);
}

void
_bo_order_dialog_show_error (BoOrderDialog *self,
                             const char    *what,
                             const GError  *error)
{
  /* While the dialog goes away, its main window hears about the failure. */
  GtkWindow *parent = gtk_widget_in_destruction (GTK_WIDGET (self))
                      ? gtk_window_get_transient_for (GTK_WINDOW (self)) : GTK_WINDOW (self);
  GtkWidget *dialog = adw_message_dialog_new (parent, what, error != NULL ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_bo_order_dialog_show_toast (BoOrderDialog *self,
                             AdwToast      *toast)
{
  /* A toast never comes over another one, nor waits behind one (bo-toast.c):
   * the one before goes away, and a change waiting for its Undo happens. */
  if (self->toast != NULL)
    bo_toast_dismiss (self->toast);
  g_set_weak_pointer (&self->toast, toast);
  bo_toast_show (self->toast_overlay, toast);
}

void
_bo_order_dialog_update_actions (BoOrderDialog *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean open = FALSE, packable = FALSE, cancellable = FALSE, open_shipment = FALSE;
  gboolean packing = self->pack_spins->len > 0;
  gboolean pack_total = FALSE;

  for (guint i = 0; self->order != NULL && i < self->order->lines->len; i++)
    {
      const BoOrderLine *line = g_ptr_array_index (self->order->lines, i);

      open |= line->ordered - line->shipped - line->cancelled > 0;
      packable |= line->allocated - _bo_order_dialog_packed (self, line->id) > 0;
      cancellable |= _bo_order_dialog_cancellable (self, line) > 0;
    }
  for (guint i = 0; self->order != NULL && i < self->shipments->len; i++)
    {
      const BoShipment *shipment = g_ptr_array_index (self->shipments, i);

      open_shipment |= shipment->shipped_at == 0 &&
                       !(self->pending.kind == BO_PENDING_CANCEL_SHIPMENT &&
                         self->pending.id == shipment->id);
    }
  for (guint i = 0; i < self->pack_spins->len; i++)
    pack_total |= gtk_spin_button_get_value_as_int (g_array_index (self->pack_spins, BoPackSpin,
                                                                   i).spin) > 0;

  gtk_widget_action_set_enabled (widget, "order.set-priority", open);
  gtk_widget_action_set_enabled (widget, "order.create-shipment", packable);
  gtk_widget_action_set_enabled (widget, "order.shipment-confirm", packing && pack_total);
  gtk_widget_action_set_enabled (widget, "order.shipment-dismiss", packing);
  gtk_widget_action_set_enabled (widget, "order.mark-shipped", open_shipment);
  gtk_widget_action_set_enabled (widget, "order.cancel-shipment", open_shipment);
  gtk_widget_action_set_enabled (widget, "order.cancel-quantity", cancellable);
  gtk_widget_action_set_enabled (widget, "order.cancel-confirm",
                                 self->cancel_line_id != 0 && cancellable);
  gtk_widget_action_set_enabled (widget, "order.cancel-dismiss", self->cancel_line_id != 0);
  gtk_widget_action_set_enabled (widget, "order.undo", self->pending.kind != BO_PENDING_NONE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->priority_button), open);
  _bo_order_dialog_update_customer_actions (self);
  _bo_order_dialog_update_goodwill_actions (self);
}

/* What the dialog shows, read together. */
typedef struct
{
  gint64     order_id;
  BoOrder   *order;
  GPtrArray *shipments;  /* BoShipment */
  char      *currency;
} Contents;

static void
contents_free (gpointer data)
{
  Contents *contents = data;

  g_clear_pointer (&contents->order, bo_order_free);
  g_clear_pointer (&contents->shipments, g_ptr_array_unref);
  g_free (contents->currency);
  g_free (contents);
}

/* In a worker thread for the first read, from @store only. */
static gpointer
read_contents (BoStore  *store,
               gpointer  data,
               GError  **error)
{
  Contents *contents = g_new0 (Contents, 1);

  contents->order_id = *(gint64 *) data;
  if ((contents->order = bo_store_get_order (store, contents->order_id, error)) == NULL ||
      (contents->shipments = bo_store_list_shipments (store, contents->order_id, error)) == NULL)
    {
      contents_free (contents);
      return NULL;
    }
  contents->currency = bo_store_get_setting (store, "currency");
  return contents;
}

static void
show_contents (gpointer      owner,
               gpointer      result,
               const GError *error)
{
  BoOrderDialog *self = owner;
  Contents *contents = result;

  if (contents == NULL)
    {
      g_clear_pointer (&self->order, bo_order_free);
      show_unreadable (self, error);
      _bo_order_dialog_update_actions (self);
      return;
    }
  g_clear_pointer (&self->order, bo_order_free);
  g_clear_pointer (&self->shipments, g_ptr_array_unref);
  g_free (self->currency);
  self->order = g_steal_pointer (&contents->order);
  self->shipments = g_steal_pointer (&contents->shipments);
  self->currency = g_steal_pointer (&contents->currency);

  fill_header (self);
  fill_lines (self);
  fill_shipments (self);
  _bo_order_dialog_fill_goodwill (self);
  _bo_order_dialog_refresh_forms (self);
  _bo_order_dialog_update_actions (self);
}

/* The first read, when the dialog opens: in a worker on a second
 * connection, so that a slow shop does not hold up the window (the
 * dialog shows its empty fields meanwhile). */
static void
load (BoOrderDialog *self)
{
  g_autoptr(BoReader) reader = bo_reader_get_for (self->store);

  if (reader == NULL)
    {
      _bo_order_dialog_reload (self);
      return;
    }
  self->loading = g_cancellable_new ();
  _bo_order_dialog_update_actions (self);
  bo_reader_read (reader, bo_store_get_now (self->store), self, self->loading, read_contents,
                  g_memdup2 (&self->order_id, sizeof self->order_id), g_free, contents_free,
                  show_contents);
}

/* Reads the order again after a change, on the window's connection: the
 * read that follows the merchant's own change waits for nothing. */
void
_bo_order_dialog_reload (BoOrderDialog *self)
{
  g_autoptr(GError) error = NULL;
  Contents *contents;

  g_cancellable_cancel (self->loading);
  contents = read_contents (self->store, &self->order_id, &error);
  show_contents (self, contents, error);
  if (contents != NULL)
    contents_free (contents);
}

/* ---- callbacks -------------------------------------------------------------- */

static void
store_changed_cb (BoOrderDialog *self)
{
  _bo_order_dialog_reload (self);
}

static void
cancel_spin_changed_cb (BoOrderDialog *self)
{
  _bo_order_dialog_update_refund (self);
}

/* ---- GObject ---------------------------------------------------------------- */

static gboolean
bo_order_dialog_close_request (GtkWindow *window)
{
  /* Closing is letting the Undo toast go: the change happens now. */
  _bo_order_dialog_commit_pending (BO_ORDER_DIALOG (window));
  return GTK_WINDOW_CLASS (bo_order_dialog_parent_class)->close_request (window);
}

static gboolean
lines_scroll_cb (BoOrderDialog            *self,
                 double                    dx,
                 double                    dy,
                 GtkEventControllerScroll *scroll)
{
  GtkAdjustment *page = gtk_scrolled_window_get_vadjustment (self->page_scroller);
  double step = dy;

  if (dy == 0)
    return FALSE;
  /* A wheel click moves as far as GTK's own scrolled windows move it. */
  if (gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL)
    step = dy * pow (gtk_adjustment_get_page_size (page), 2.0 / 3.0);
  gtk_adjustment_set_value (page, gtk_adjustment_get_value (page) + step);
  return TRUE;
}

/* Scrolls the page so that @widget is whole in view, once it is laid out. */
static gboolean
scroll_into_view_tick_cb (GtkWidget     *widget,
                          GdkFrameClock *clock,
                          gpointer       data)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (gtk_widget_get_root (widget));
  GtkWidget *content = gtk_scrolled_window_get_child (self->page_scroller);
  GtkAdjustment *page = gtk_scrolled_window_get_vadjustment (self->page_scroller);
  guint *frames = data;
  graphene_rect_t bounds;
  double value, size;

  /* Shown in the last frame: laid out only at the end of this one. */
  if (++*frames < 2 || content == NULL || !gtk_widget_compute_bounds (widget, content, &bounds))
    return *frames < 10 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
  value = gtk_adjustment_get_value (page);
  size = gtk_adjustment_get_page_size (page);
  /* When it is taller than the page, its end (the buttons) wins. */
  if (bounds.origin.y < value)
    value = bounds.origin.y;
  if (bounds.origin.y + bounds.size.height > value + size)
    value = bounds.origin.y + bounds.size.height - size;
  gtk_adjustment_set_value (page, value);
  return G_SOURCE_REMOVE;
}

void
_bo_order_dialog_scroll_into_view (BoOrderDialog *self,
                                   GtkWidget     *widget)
{
  gtk_widget_add_tick_callback (widget, scroll_into_view_tick_cb, g_new0 (guint, 1), g_free);
}

static void
bo_order_dialog_dispose (GObject *object)
{
  BoOrderDialog *self = BO_ORDER_DIALOG (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  /* A window destroyed without closing still keeps what the merchant did. */
  if (self->store != NULL)
    _bo_order_dialog_commit_pending (self);
  if (self->pack_spins != NULL)
    _bo_order_dialog_clear_pack_form (self);
  g_clear_weak_pointer (&self->shipped_toast);
  g_clear_weak_pointer (&self->toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), BO_TYPE_ORDER_DIALOG);
  g_clear_pointer (&self->shipment_rows, g_ptr_array_unref);
  g_clear_pointer (&self->pack_rows, g_ptr_array_unref);
  g_clear_pointer (&self->goodwill_rows, g_ptr_array_unref);
  g_clear_pointer (&self->pack_spins, g_array_unref);
  g_clear_pointer (&self->order, bo_order_free);
  g_clear_pointer (&self->shipments, g_ptr_array_unref);
  g_clear_pointer (&self->currency, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bo_order_dialog_parent_class)->dispose (object);
}

static void
bo_order_dialog_class_init (BoOrderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bo_order_dialog_dispose;
  window_class->close_request = bo_order_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backorders/Backorders/bo-order-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, priority_button);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, customer_row);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, placed_row);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, priority_row);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, ship_complete_row);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, promise_row);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, lines_grid);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, cancel_group);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, cancel_quantity_row);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, cancel_spin);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, refund_row);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, refund_label);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, pack_group);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, page_scroller);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, lines_scroller);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, shipments_group);
  gtk_widget_class_bind_template_child (widget_class, BoOrderDialog, goodwill_group);
  gtk_widget_class_bind_template_callback (widget_class, cancel_spin_changed_cb);

  _bo_order_dialog_install_actions (widget_class);
  _bo_order_dialog_install_customer_actions (widget_class);
  _bo_order_dialog_install_goodwill_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bo_order_dialog_init (BoOrderDialog *self)
{
  self->shipment_rows = g_ptr_array_new ();
  self->pack_rows = g_ptr_array_new ();
  self->goodwill_rows = g_ptr_array_new ();
  self->pack_spins = g_array_new (FALSE, FALSE, sizeof (BoPackSpin));

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The lines table scrolls sideways only: the wheel over it scrolls the page. */
  {
    GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

    gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (lines_scroll_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->lines_scroller), scroll);
  }
}

/* ---- public ----------------------------------------------------------------- */

/**
 * bo_order_dialog_new:
 * @parent: (nullable): the main window
 * @order_id: the order shown
 *
 * Returns: (transfer none): a new window showing the order
 */
GtkWindow *
bo_order_dialog_new (GtkWindow *parent,
                     BoStore   *store,
                     gint64     order_id)
{
  BoOrderDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BO_IS_STORE (store), NULL);

  self = g_object_new (BO_TYPE_ORDER_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->order_id = order_id;
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  load (self);
  return GTK_WINDOW (self);
}

gint64
bo_order_dialog_get_order_id (BoOrderDialog *self)
{
  g_return_val_if_fail (BO_IS_ORDER_DIALOG (self), 0);
  return self->order_id;
}

/**
 * bo_order_dialog_get_undo_toast:
 *
 * Returns: (transfer none) (nullable): the toast offering to undo a
 *   cancellation that has not happened yet, else the one offering to undo
 *   the last shipment marked shipped
 */
AdwToast *
bo_order_dialog_get_undo_toast (BoOrderDialog *self)
{
  g_return_val_if_fail (BO_IS_ORDER_DIALOG (self), NULL);
  return self->pending.toast != NULL ? self->pending.toast : self->shipped_toast;
}
