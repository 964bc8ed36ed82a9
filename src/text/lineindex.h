/* lineindex.h: byte offset to 1-based line and column (Unicode code points).
 * A file that starts with a UTF-16 byte order mark is read in UTF-16: its
 * lines end at the character LF, its columns count characters. */
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
    int utf16;      /* 0; 1 for UTF-16LE, 2 for UTF-16BE (a byte order mark) */
} sl_lineindex;

void sl_lineindex_build (sl_lineindex *index, const char *data, gsize len);
void sl_lineindex_clear (sl_lineindex *index);
void sl_lineindex_position (const sl_lineindex *index, gsize offset,
                            unsigned *line, unsigned *column);

#endif
