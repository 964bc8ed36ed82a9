/* magic.c: libmagic, opened once per engine and only when something must
 * be typed (opening it maps an 8 MB database). One handle answers the MIME
 * type, then, with its flags switched, the description, where libmagic
 * puts an image's pixel size ("PNG image data, 1200 x 800, ..."): a second
 * handle would map the database twice. libmagic handles are not
 * thread-safe: a mutex guards this one.
 */
#include "config.h"

#include "media/magic.h"

#include <magic.h>
#include <stdio.h>
#include <string.h>

struct sl_magic {
    GMutex lock;
    gboolean tried;
    magic_t handle;
};

sl_magic *
sl_magic_new (void)
{
    sl_magic *magic = g_new0 (sl_magic, 1);
    g_mutex_init (&magic->lock);
    return magic;
}

void
sl_magic_free (sl_magic *magic)
{
    if (magic == NULL)
        return;
    if (magic->handle)
        magic_close (magic->handle);
    g_mutex_clear (&magic->lock);
    g_free (magic);
}

static magic_t
open_magic (void)
{
    magic_t m = magic_open (MAGIC_MIME_TYPE | MAGIC_ERROR);
    if (m != NULL && magic_load (m, NULL) != 0) {
        magic_close (m);
        m = NULL;
    }
    return m;
}

/* "..., 1200 x 800, ..." in a description. */
static void
parse_size (const char *description, unsigned *width, unsigned *height)
{
    for (const char *p = description; p && *p; p = strchr (p + 1, ',')) {
        unsigned w, h;
        if (sscanf (*p == ',' ? p + 1 : p, " %u x %u", &w, &h) == 2
            || sscanf (*p == ',' ? p + 1 : p, " %ux%u", &w, &h) == 2) {
            *width = w;
            *height = h;
            return;
        }
    }
}

gboolean
sl_magic_type (sl_magic *magic, const void *data, gsize len, char **mime,
               unsigned *width, unsigned *height)
{
    *mime = NULL;
    *width = *height = 0;
    g_mutex_lock (&magic->lock);
    if (!magic->tried) {
        magic->tried = TRUE;
        magic->handle = open_magic ();
    }
    gboolean ok = magic->handle != NULL;
    if (ok) {
        magic_setflags (magic->handle, MAGIC_MIME_TYPE | MAGIC_ERROR);
        const char *type = magic_buffer (magic->handle, data, len);
        *mime = g_strdup (type ? type : "application/octet-stream");
        magic_setflags (magic->handle, MAGIC_NONE | MAGIC_ERROR);
        const char *description = magic_buffer (magic->handle, data, len);
        if (description)
            parse_size (description, width, height);
    }
    g_mutex_unlock (&magic->lock);
    return ok;
}
