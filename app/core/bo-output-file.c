/* bo-output-file.c — every file the program writes: never the shop, never half
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports, pick lists, charts and backups all end here, so that two promises
 * hold for each of them. A target that is the open shop or one of its
 * companion files (journal, WAL, shared memory, the copies kept before an
 * upgrade or a restore) is refused, whatever its spelling: targets are
 * compared by the file they name (links followed, folders resolved) and by
 * device and inode. And a file is written in its own folder as a file
 * without a name (O_TMPFILE), synced, then given a temporary name and
 * renamed over the target: a full disk or a killed process leaves the
 * earlier file as it was, and nothing beside it. Writers that open files by
 * name (SQLite's backup) get a hidden temporary name instead.
 */
#define G_LOG_DOMAIN "bo-output-file"
/* O_TMPFILE, AT_EMPTY_PATH: unnamed files, named once whole. */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <gio/gunixoutputstream.h>

#include "backorders/bo-error.h"
#include "backorders/bo-output-file.h"

struct _BoOutputFile
{
  char          *path;       /* as the user named it, for messages */
  char          *final;      /* the file replaced: links followed */
  char          *dir;        /* its folder, where the content is written */
  int            mode;       /* given to the content; -1: the umask decides */
  int            fd;         /* an unnamed file in @dir (O_TMPFILE), or -1 */
  char          *temp;       /* a named file in @dir, or NULL */
  int            lock_fd;    /* holds flock() on @temp while it is ours, or -1 */
  GOutputStream *stream;
  gboolean       committed;
};

/* The files a shop needs, as suffixes of its name: its journals, then the
 * safety copies kept before a restore (and, see is_upgrade_copy(), before an
 * upgrade). */
static const char *const journals[] = { "", "-wal", "-shm", "-journal", NULL };
static const char *const restore_copy = ".before-restore";

typedef enum
{
  NOT_THE_SHOP,
  SHOP_FILE,     /* the database or one of its journals */
  SHOP_COPY,     /* a safety copy the store keeps beside it */
} Belonging;

static GMutex protected_lock;
static GHashTable *protected_shops;   /* absolute path → number of opens */

static char *
absolute_path (const char *path)
{
  g_autofree char *cwd = NULL;

  if (g_path_is_absolute (path))
    return g_strdup (path);
  cwd = g_get_current_dir ();
  return g_build_filename (cwd, path, NULL);
}

/* The name @path stands for once its folder is resolved (and, with
 * @follow, the links it is are followed): two spellings of one file give the
 * same name. NULL with errno set when the folder cannot be resolved. */
static char *
resolve_name (const char *path,
              gboolean    follow)
{
  g_autofree char *current = absolute_path (path);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *real;
  char *result;

  for (guint hops = 0; follow; hops++)
    {
      g_autofree char *target = g_file_read_link (current, NULL);
      char *next;

      if (target == NULL)
        break;
      if (hops == 40)
        {
          errno = ELOOP;
          return NULL;
        }
      if (g_path_is_absolute (target))
        next = g_steal_pointer (&target);
      else
        {
          g_autofree char *parent = g_path_get_dirname (current);
          next = g_build_filename (parent, target, NULL);
        }
      g_free (current);
      current = next;
    }

  dir = g_path_get_dirname (current);
  base = g_path_get_basename (current);
  real = realpath (dir, NULL);
  if (real == NULL)
    return NULL;
  result = g_build_filename (real, base, NULL);
  free (real);
  return result;
}

/**
 * bo_output_file_protect_shop:
 * @shop_path: the database file of an open shop
 *
 * From now until bo_output_file_unprotect_shop(), no file of this process is
 * written over @shop_path or its companion files. The store calls this when
 * it opens a shop.
 */
void
bo_output_file_protect_shop (const char *shop_path)
{
  g_autofree char *key = NULL;
  guint count;

  g_return_if_fail (shop_path != NULL);

  key = absolute_path (shop_path);
  g_mutex_lock (&protected_lock);
  if (protected_shops == NULL)
    protected_shops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (protected_shops, key));
  g_hash_table_insert (protected_shops, g_steal_pointer (&key), GUINT_TO_POINTER (count + 1));
  g_mutex_unlock (&protected_lock);
}

void
bo_output_file_unprotect_shop (const char *shop_path)
{
  g_autofree char *key = NULL;
  guint count;

  g_return_if_fail (shop_path != NULL);

  key = absolute_path (shop_path);
  g_mutex_lock (&protected_lock);
  count = protected_shops != NULL
          ? GPOINTER_TO_UINT (g_hash_table_lookup (protected_shops, key)) : 0;
  if (count > 1)
    g_hash_table_insert (protected_shops, g_steal_pointer (&key), GUINT_TO_POINTER (count - 1));
  else if (count == 1)
    g_hash_table_remove (protected_shops, key);
  g_mutex_unlock (&protected_lock);
}

/* "shop.db.v3.bak": the copy written before an upgrade from schema 3. */
static gboolean
is_upgrade_copy (const char *name,
                 const char *shop)
{
  gsize shop_len = strlen (shop);
  const char *p;

  if (strncmp (name, shop, shop_len) != 0 || !g_str_has_prefix (name + shop_len, ".v") ||
      !g_str_has_suffix (name, ".bak"))
    return FALSE;
  p = name + shop_len + 2;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return g_str_equal (p, ".bak");
}

static gboolean
same_file (const struct stat *a,
           const char        *path)
{
  struct stat b;

  return g_stat (path, (GStatBuf *) &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* Whether @final (a resolved name) is @shop or one of its companions. */
static Belonging
belongs_to_shop (const char        *final,
                 const struct stat *target,
                 const char        *shop)
{
  char *names[2] = { resolve_name (shop, FALSE), resolve_name (shop, TRUE) };
  Belonging found = NOT_THE_SHOP;

  for (guint n = 0; n < G_N_ELEMENTS (names) && found == NOT_THE_SHOP; n++)
    {
      g_autofree char *copy = NULL;

      if (names[n] == NULL)
        continue;
      for (guint i = 0; journals[i] != NULL && found == NOT_THE_SHOP; i++)
        {
          g_autofree char *journal = g_strconcat (names[n], journals[i], NULL);

          if (g_str_equal (final, journal) || (target != NULL && same_file (target, journal)))
            found = SHOP_FILE;
        }
      copy = g_strconcat (names[n], restore_copy, NULL);
      if (found == NOT_THE_SHOP &&
          (is_upgrade_copy (final, names[n]) || g_str_equal (final, copy) ||
           (target != NULL && same_file (target, copy))))
        found = SHOP_COPY;
    }
  g_free (names[0]);
  g_free (names[1]);
  return found;
}

static gboolean
check_final (const char         *path,
             const char         *final,
             BoOutputFileFlags   flags,
             GError            **error)
{
  struct stat st;
  gboolean exists = g_stat (final, (GStatBuf *) &st) == 0;
  Belonging found = NOT_THE_SHOP;
  g_autofree char *shop = NULL;
  GHashTableIter iter;
  gpointer key;

  g_mutex_lock (&protected_lock);
  if (protected_shops != NULL)
    {
      g_hash_table_iter_init (&iter, protected_shops);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          Belonging here = belongs_to_shop (final, exists ? &st : NULL, key);

          /* The store may replace its own safety copies, nothing else may. */
          if (here == SHOP_FILE || (here == SHOP_COPY && (flags & BO_OUTPUT_FILE_SHOP_COPY) == 0))
            {
              found = here;
              shop = g_strdup (key);
              break;
            }
        }
    }
  g_mutex_unlock (&protected_lock);

  if (found == NOT_THE_SHOP)
    return TRUE;
  if (exists && same_file (&st, shop))
    g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                 _("Cannot write “%s”: it is the shop “%s” itself; choose another file name"),
                 path, shop);
  else if (found == SHOP_FILE)
    g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                 _("Cannot write “%s”: it is a journal file of the shop “%s”; choose another "
                   "file name"), path, shop);
  else
    g_set_error (error, BO_ERROR, BO_ERROR_INVALID,
                 _("Cannot write “%s”: it is the safety copy the shop “%s” keeps before an "
                   "upgrade or a restore; choose another file name"), path, shop);
  return FALSE;
}

static void
set_errno_error (GError     **error,
                 int          saved,
                 const char  *path)
{
  if (saved == ENOSPC || saved == EDQUOT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("Cannot write “%s”: the disk is full; the file was not changed"), path);
  else if (saved == EFBIG)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("Cannot write “%s”: the file would be larger than this system allows; the "
                   "file was not changed"), path);
  else if (saved == EROFS || saved == EACCES || saved == EPERM)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 _("Cannot write “%s”: the folder is read-only or not yours (%s)"),
                 path, g_strerror (saved));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Cannot write “%s”: %s"), path, g_strerror (saved));
}

/* Resolves @path, creating its folder when asked; NULL with @error set. */
static char *
resolve_target (const char         *path,
                BoOutputFileFlags   flags,
                GError            **error)
{
  g_autofree char *final = resolve_name (path, TRUE);
  int saved = errno;

  if (final == NULL && saved == ENOENT)
    {
      g_autofree char *absolute = absolute_path (path);
      g_autofree char *dir = g_path_get_dirname (absolute);
      g_autofree char *parent = g_path_get_dirname (dir);

      if ((flags & BO_OUTPUT_FILE_MAKE_FOLDER) == 0 || !g_file_test (parent, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("Cannot write “%s”: the folder “%s” does not exist"), path, dir);
          return NULL;
        }
      if (g_mkdir (dir, 0777) != 0 && errno != EEXIST)
        {
          saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
          return NULL;
        }
      final = resolve_name (path, TRUE);
      saved = errno;
    }
  if (final == NULL)
    {
      if (saved == ENOTDIR)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                     _("Cannot write “%s”: a part of its folder is a file, not a folder"), path);
      else
        set_errno_error (error, saved, path);
      return NULL;
    }
  if (g_str_has_suffix (path, G_DIR_SEPARATOR_S) || g_file_test (final, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Cannot write “%s”: it is a folder; give a file name"), path);
      return NULL;
    }
  return g_steal_pointer (&final);
}

/**
 * bo_output_file_check_target:
 * @path: a file about to be written
 *
 * Returns: %FALSE with @error set when @path is an open shop or one of its
 *   companion files, or cannot be a file (a folder, a missing folder)
 */
gboolean
bo_output_file_check_target (const char  *path,
                             GError     **error)
{
  g_autofree char *final = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  final = resolve_target (path, BO_OUTPUT_FILE_NONE, error);
  return final != NULL && check_final (path, final, BO_OUTPUT_FILE_NONE, error);
}

/**
 * bo_output_file_sweep_stale:
 * @dir: a folder
 * @prefix: how the temporary files to look at begin (".export.csv.")
 *
 * Removes the temporary files that writers killed in the middle left in
 * @dir: names of @prefix and six to eight letters or digits, older than a
 * minute, that no process holds locked (a writer locks its temporary file
 * with flock() for as long as it writes; the lock dies with the process).
 * Their journal files go with them.
 */
void
bo_output_file_sweep_stale (const char *dir,
                            const char *prefix)
{
  static const char *const companions[] = { "", "-journal", "-wal", "-shm", NULL };
  g_autoptr(GDir) folder = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gsize prefix_len;
  const char *name;

  g_return_if_fail (dir != NULL && prefix != NULL);

  folder = g_dir_open (dir, 0, NULL);
  prefix_len = strlen (prefix);
  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      gsize rest = strlen (name) - MIN (strlen (name), prefix_len);
      gboolean alnum = TRUE;
      GStatBuf st;
      int fd;

      if (strncmp (name, prefix, prefix_len) != 0 || rest < 6 || rest > 8)
        continue;
      for (const char *c = name + prefix_len; *c != '\0'; c++)
        alnum = alnum && g_ascii_isalnum (*c);
      path = g_build_filename (dir, name, NULL);
      if (!alnum || g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || now - st.st_mtime < 60)
        continue;
      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        for (guint i = 0; companions[i] != NULL; i++)
          {
            g_autofree char *companion = g_strconcat (path, companions[i], NULL);

            g_unlink (companion);
          }
      close (fd);
    }
}

/**
 * bo_output_file_new:
 * @path: the file to write; replaced on commit when it exists
 *
 * Starts writing @path: refuses a target that is an open shop or one of its
 * companions, or that is in a folder this process cannot write.
 *
 * Returns: (transfer full): the file being written, or %NULL with @error set
 */
BoOutputFile *
bo_output_file_new (const char         *path,
                    BoOutputFileFlags   flags,
                    GError            **error)
{
  g_autoptr(BoOutputFile) self = NULL;
  g_autofree char *final = NULL;
  struct stat existing;

  g_return_val_if_fail (path != NULL, NULL);

  if (*path == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("The file name is empty"));
      return NULL;
    }
  if ((final = resolve_target (path, flags, error)) == NULL ||
      !check_final (path, final, flags, error))
    return NULL;

  self = g_new0 (BoOutputFile, 1);
  self->fd = -1;
  self->lock_fd = -1;
  self->path = g_strdup (path);
  self->dir = g_path_get_dirname (final);
  self->final = g_steal_pointer (&final);
  /* A replaced file keeps who may read it; a backup is always private. */
  if ((flags & BO_OUTPUT_FILE_PRIVATE) != 0)
    self->mode = 0600;
  else if (g_stat (self->final, (GStatBuf *) &existing) == 0)
    self->mode = existing.st_mode & 07777;
  else
    self->mode = -1;

  if (faccessat (AT_FDCWD, self->dir, W_OK | X_OK, AT_EACCESS) != 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }
  {
    g_autofree char *base = g_path_get_basename (self->final);
    g_autofree char *prefix = g_strdup_printf (".%s.", base);

    bo_output_file_sweep_stale (self->dir, prefix);
  }
  return g_steal_pointer (&self);
}

const char *
bo_output_file_get_path (BoOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

/* A named temporary file beside the target, with the target's mode. */
static gboolean
make_named_temp (BoOutputFile  *self,
                 GError       **error)
{
  g_autofree char *base = g_path_get_basename (self->final);
  int fd;

  self->temp = g_strdup_printf ("%s" G_DIR_SEPARATOR_S ".%s.XXXXXX", self->dir, base);
  /* The umask applies to the mode given here, as for any new file. */
  fd = g_mkstemp_full (self->temp, O_RDWR | O_CLOEXEC, self->mode == 0600 ? 0600 : 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&self->temp, g_free);
      set_errno_error (error, saved, self->path);
      return FALSE;
    }
  if (self->mode >= 0)
    fchmod (fd, self->mode);
  /* Kept open and locked: a later sweep knows the file is in use. */
  flock (fd, LOCK_EX);
  self->lock_fd = fd;
  return TRUE;
}

/**
 * bo_output_file_get_temp_path:
 *
 * Returns: (nullable): a temporary file beside the target, for writers that
 *   open files by name (SQLite); %NULL with @error set when it cannot be made
 */
const char *
bo_output_file_get_temp_path (BoOutputFile  *self,
                              GError       **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->fd < 0 && self->stream == NULL, NULL);

  if (self->temp == NULL && !make_named_temp (self, error))
    return NULL;
  return self->temp;
}

/**
 * bo_output_file_get_stream:
 *
 * The content goes to a file without a name (O_TMPFILE) where the file
 * system allows: a process killed while writing leaves nothing behind.
 *
 * Returns: (transfer none): a stream writing the content
 */
GOutputStream *
bo_output_file_get_stream (BoOutputFile  *self,
                           GError       **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->stream != NULL)
    return self->stream;

  if (self->temp == NULL)
    {
      self->fd = g_open (self->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC,
                         self->mode == 0600 ? 0600 : 0666);
      if (self->fd >= 0)
        {
          if (self->mode >= 0)
            fchmod (self->fd, self->mode);
          flock (self->fd, LOCK_EX);
          self->stream = g_unix_output_stream_new (self->fd, FALSE);
          return self->stream;
        }
      /* Not every file system has unnamed files: then a named one. */
      if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
        {
          set_errno_error (error, errno, self->path);
          return NULL;
        }
      if (!make_named_temp (self, error))
        return NULL;
    }
  file = g_file_new_for_path (self->temp);
  self->stream = G_OUTPUT_STREAM (g_file_append_to (file, G_FILE_CREATE_NONE, NULL, error));
  if (self->stream == NULL)
    bo_output_file_explain_error (self, error);
  return self->stream;
}

/**
 * bo_output_file_explain_error:
 *
 * Rewrites a failure of writing this file so that it names the file and
 * says in plain words why (a full disk, a read-only folder).
 */
void
bo_output_file_explain_error (BoOutputFile  *self,
                              GError       **error)
{
  g_autoptr(GError) cause = NULL;

  g_return_if_fail (self != NULL);

  if (error == NULL || *error == NULL)
    return;
  if (g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    {
      cause = g_steal_pointer (error);
      set_errno_error (error, ENOSPC, self->path);
    }
  else if (g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
           g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    {
      cause = g_steal_pointer (error);
      set_errno_error (error, EACCES, self->path);
    }
  else if ((*error)->domain == G_IO_ERROR && strstr ((*error)->message, self->path) == NULL)
    g_prefix_error (error, _("Cannot write “%s”: "), self->path);
}

static gboolean
sync_path (const char *path,
           int         flags)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | flags, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/* Gives the unnamed file a temporary name beside the target. */
static gboolean
name_unnamed (BoOutputFile *self)
{
  g_autofree char *base = g_path_get_basename (self->final);
  g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", self->fd);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf ("%s" G_DIR_SEPARATOR_S ".%s.%08x", self->dir,
                                               base, g_random_int ());

      if (linkat (AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 ||
          linkat (self->fd, "", AT_FDCWD, name, AT_EMPTY_PATH) == 0)
        {
          self->temp = g_steal_pointer (&name);
          return TRUE;
        }
      if (errno != EEXIST)
        return FALSE;
    }
  return FALSE;
}

/**
 * bo_output_file_commit:
 *
 * Closes the content, syncs it to the disk and renames it over the target.
 * On failure the temporary file is removed and the target is as it was.
 */
gboolean
bo_output_file_commit (BoOutputFile  *self,
                       GError       **error)
{
  gboolean synced;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (self->stream != NULL && !g_output_stream_close (self->stream, NULL, error))
    {
      bo_output_file_explain_error (self, error);
      return FALSE;
    }
  /* Without the sync, a crash after the rename could leave an empty file. */
  if (self->fd >= 0)
    synced = fsync (self->fd) == 0 && name_unnamed (self);
  else if (self->temp != NULL)
    synced = sync_path (self->temp, 0);
  else
    synced = make_named_temp (self, error) && sync_path (self->temp, 0);
  if (!synced || g_rename (self->temp, self->final) != 0)
    {
      if (error == NULL || *error == NULL)
        set_errno_error (error, errno, self->path);
      return FALSE;
    }
  self->committed = TRUE;
  sync_path (self->dir, O_DIRECTORY);
  return TRUE;
}

/**
 * bo_output_file_free:
 *
 * Frees @self; without a commit, drops the temporary file.
 */
void
bo_output_file_free (BoOutputFile *self)
{
  if (self == NULL)
    return;
  if (self->stream != NULL && !g_output_stream_is_closed (self->stream))
    g_output_stream_close (self->stream, NULL, NULL);
  g_clear_object (&self->stream);
  if (!self->committed && self->temp != NULL)
    g_unlink (self->temp);
  if (self->fd >= 0)
    close (self->fd);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->path);
  g_free (self->final);
  g_free (self->dir);
  g_free (self->temp);
  g_free (self);
}

/**
 * bo_output_file_write:
 * @func: writes the whole content
 *
 * Writes @path with @func, all or nothing.
 */
gboolean
bo_output_file_write (const char             *path,
                      BoOutputFileFlags       flags,
                      BoOutputFileWriteFunc   func,
                      gpointer                data,
                      GCancellable           *cancellable,
                      GError                **error)
{
  g_autoptr(BoOutputFile) self = NULL;
  GOutputStream *stream;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if ((self = bo_output_file_new (path, flags, error)) == NULL ||
      (stream = bo_output_file_get_stream (self, error)) == NULL)
    return FALSE;
  if (!func (stream, data, cancellable, error))
    {
      bo_output_file_explain_error (self, error);
      return FALSE;
    }
  return bo_output_file_commit (self, error);
}

static gboolean
write_bytes_cb (GOutputStream *stream,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  GBytes *bytes = data;
  gsize size;
  const void *content = g_bytes_get_data (bytes, &size);

  return g_output_stream_write_all (stream, content, size, NULL, cancellable, error);
}

gboolean
bo_output_file_write_bytes (const char         *path,
                            BoOutputFileFlags   flags,
                            const void         *data,
                            gsize               size,
                            GError            **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);

  return bo_output_file_write (path, flags, write_bytes_cb, bytes, NULL, error);
}
