/* lineindex.h: byte offset to 1-based line and column (Unicode code points). */
#ifndef SL_LINEINDEX_H
#define SL_LINEINDEX_H

#include <glib.h>

typedef struct sl_lineindex {
    const char *data;
    gsize len;
    GArray *starts; /* guint32: offset of the first byte of each line */
    /* the last answer, to count on from it: findings come mostly in order,
     * and counting from the line start each time is quadratic on a
     * minified one-line draft */
    gsize cached_offset;
    unsigned cached_line, cached_column;
} sl_lineindex;

void sl_lineindex_build (sl_lineindex *index, const char *data, gsize len);
void sl_lineindex_clear (sl_lineindex *index);
void sl_lineindex_position (const sl_lineindex *index, gsize offset,
                            unsigned *line, unsigned *column);

#endif
