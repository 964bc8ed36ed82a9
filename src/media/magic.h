/* magic.h: what a blob of bytes is, by its content (libmagic). */
#ifndef SL_MAGIC_H
#define SL_MAGIC_H

#include <glib.h>

typedef struct sl_magic sl_magic;

/* Nothing is opened until the first call to sl_magic_type. */
sl_magic *sl_magic_new (void);
void sl_magic_free (sl_magic *magic);

/* The MIME type of DATA ("image/png"), and for images their pixel size
 * when libmagic knows it (else 0). FALSE when libmagic is unavailable.
 * Free *MIME with g_free. */
gboolean sl_magic_type (sl_magic *magic, const void *data, gsize len, char **mime,
                        unsigned *width, unsigned *height);

#endif
