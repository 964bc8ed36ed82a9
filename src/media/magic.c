/* magic.c: libmagic, opened once per engine and only when something must
 * be typed (opening it reads a large database). One handle answers the
 * MIME type, the other the description, where libmagic puts an image's
 * pixel size ("PNG image data, 1200 x 800, ..."). libmagic handles are not
 * thread-safe: a mutex guards them.
 */
#include "config.h"

#include "media/magic.h"

#include <magic.h>
#include <stdio.h>
#include <string.h>

struct sl_magic {
    GMutex lock;
    gboolean tried;
    magic_t mime;
    magic_t describe;
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
    if (magic->mime)
        magic_close (magic->mime);
    if (magic->describe)
        magic_close (magic->describe);
    g_mutex_clear (&magic->lock);
    g_free (magic);
}

static magic_t
open_magic (int flags)
{
    magic_t m = magic_open (flags | MAGIC_ERROR);
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
        magic->mime = open_magic (MAGIC_MIME_TYPE);
        magic->describe = open_magic (MAGIC_NONE);
    }
    gboolean ok = magic->mime != NULL;
    if (ok) {
        const char *type = magic_buffer (magic->mime, data, len);
        *mime = g_strdup (type ? type : "application/octet-stream");
        const char *description = magic->describe ? magic_buffer (magic->describe, data, len) : NULL;
        if (description)
            parse_size (description, width, height);
    }
    g_mutex_unlock (&magic->lock);
    return ok;
}
