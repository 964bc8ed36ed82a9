/* lineindex.c: where each line starts, found once per file; positions are
 * then a binary search plus a count of the code points before the offset.
 * A line ends at LF (a CR before it belongs to the line end). Invalid UTF-8
 * bytes count as one column each, as an editor showing them would. A file
 * with a UTF-16 byte order mark is counted in UTF-16 characters. */
#include "config.h"

#include "text/lineindex.h"

#include <string.h>

void
sl_lineindex_build (sl_lineindex *index, const char *data, gsize len)
{
    index->data = data;
    index->len = len;
    index->cached_line = 0;
    index->cached_offset = 0;
    index->cached_column = 0;
    index->starts = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 64);
    guint32 zero = 0;
    g_array_append_val (index->starts, zero);
    const guchar *u = (const guchar *) data;
    index->utf16 = len >= 2 && u[0] == 0xFF && u[1] == 0xFE ? 1
                   : len >= 2 && u[0] == 0xFE && u[1] == 0xFF ? 2 : 0;
    if (index->utf16) {
        for (gsize i = 2; i + 1 < len; i += 2)
            if (index->utf16 == 1 ? u[i] == '\n' && u[i + 1] == 0 : u[i] == 0 && u[i + 1] == '\n') {
                guint32 start = (guint32) (i + 2);
                g_array_append_val (index->starts, start);
            }
        return;
    }
    const char *p = data, *end = data + len;
    while ((p = memchr (p, '\n', (gsize) (end - p))) != NULL) {
        p++;
        guint32 start = (guint32) (p - data);
        g_array_append_val (index->starts, start);
    }
}

void
sl_lineindex_clear (sl_lineindex *index)
{
    if (index->starts)
        g_array_free (index->starts, TRUE);
    memset (index, 0, sizeof *index);
}

static unsigned
count_code_points (const char *s, gsize n)
{
    unsigned count = 0;
    gsize i = 0;
    while (i < n) {
        gunichar c = g_utf8_get_char_validated (s + i, (gssize) (n - i));
        if (c == (gunichar) -1 || c == (gunichar) -2)
            i++;
        else
            i += (gsize) g_unichar_to_utf8 (c, NULL);
        count++;
    }
    return count;
}

/* UTF-16 code units in [S, S + N), low surrogates (the second half of a
 * pair) not counted. */
static unsigned
count_utf16 (const sl_lineindex *index, const char *s, gsize n)
{
    const guchar *u = (const guchar *) s;
    unsigned count = 0;
    for (gsize i = 0; i < n; i += 2) {
        guchar high = index->utf16 == 1 ? (i + 1 < n ? u[i + 1] : 0) : u[i];
        count += !(high >= 0xDC && high <= 0xDF);
    }
    return count;
}

static unsigned
count_columns (const sl_lineindex *index, const char *s, gsize n)
{
    return index->utf16 ? count_utf16 (index, s, n) : count_code_points (s, n);
}

void
sl_lineindex_position (const sl_lineindex *index, gsize offset,
                       unsigned *line, unsigned *column)
{
    sl_lineindex *cache = (sl_lineindex *) index;
    if (offset > index->len)
        offset = index->len;
    const guint32 *starts = (const guint32 *) (void *) index->starts->data;
    guint lo = 0, hi = index->starts->len;
    while (hi - lo > 1) {
        guint mid = lo + (hi - lo) / 2;
        if (starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    /* a byte order mark is invisible in editors: not a column */
    gsize start = starts[lo];
    if (start == 0 && index->len >= 3 && offset >= 3 && memcmp (index->data, "\xEF\xBB\xBF", 3) == 0)
        start = 3;
    if (start == 0 && index->utf16 && offset >= 2)
        start = 2;
    *line = lo + 1;
    if (cache->cached_line == *line && cache->cached_offset >= start && cache->cached_offset <= offset)
        *column = cache->cached_column
                  + count_columns (index, index->data + cache->cached_offset, offset - cache->cached_offset);
    else
        *column = count_columns (index, index->data + start, offset - start) + 1;
    cache->cached_line = *line;
    cache->cached_offset = offset;
    cache->cached_column = *column;
}
