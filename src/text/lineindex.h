/* lineindex.h: byte offset to 1-based line and column (Unicode code points). */
#ifndef SL_LINEINDEX_H
#define SL_LINEINDEX_H

#include <glib.h>

typedef struct sl_lineindex {
    const char *data;
    gsize len;
    GArray *starts; /* guint32: offset of the first byte of each line */
} sl_lineindex;

void sl_lineindex_build (sl_lineindex *index, const char *data, gsize len);
void sl_lineindex_clear (sl_lineindex *index);
void sl_lineindex_position (const sl_lineindex *index, gsize offset,
                            unsigned *line, unsigned *column);

#endif
