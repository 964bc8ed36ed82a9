/* textmap.c: UTF-8 text with a source offset per byte (see textmap.h).
 *
 * Charset conversion goes one character at a time so that every output
 * byte knows which input character produced it; for UTF-8 input (the common
 * case) the map is a plain copy. Invalid UTF-8 is read as Windows-1252,
 * which is what a mislabelled Western European draft almost always is.
 * What had to be repaired (invalid bytes, NUL bytes, an unknown charset)
 * is counted, for the input-encoding note.
 */
#include "config.h"

#include "text/textmap.h"

#include <errno.h>
#include <string.h>

void
sl_textmap_init (sl_textmap *map)
{
    memset (map, 0, sizeof *map);
}

void
sl_textmap_clear (sl_textmap *map)
{
    g_free (map->text);
    g_free (map->src);
    sl_textmap_init (map);
}

static void
reserve (sl_textmap *map, gsize more)
{
    gsize want = map->len + more + 1;
    if (want <= map->cap) {
        map->text[map->len] = '\0';
        return;
    }
    gsize cap = map->cap ? map->cap : 64;
    while (cap < want)
        cap *= 2;
    map->text = g_realloc (map->text, cap);
    map->src = g_realloc_n (map->src, cap, sizeof *map->src);
    map->cap = cap;
    map->text[map->len] = '\0';
}

/* SRC[k] = FIRST + k for K < N: in blocks of eight, which the compiler
 * turns into vector stores at -O2. */
static void
fill_sources (guint32 *src, gsize n, guint32 first)
{
    gsize k = 0;
    for (; k + 8 <= n; k += 8)
        for (guint j = 0; j < 8; j++)
            src[k + j] = first + (guint32) (k + j);
    for (; k < n; k++)
        src[k] = first + (guint32) k;
}

void
sl_textmap_reserve (sl_textmap *map, gsize more)
{
    reserve (map, more);
}

void
sl_textmap_append_span (sl_textmap *map, const char *s, gsize n, guint32 src_start)
{
    reserve (map, n);
    memcpy (map->text + map->len, s, n);
    fill_sources (map->src + map->len, n, src_start);
    map->len += n;
    map->text[map->len] = '\0';
}

void
sl_textmap_append_at (sl_textmap *map, const char *s, gsize n, guint32 src)
{
    reserve (map, n);
    memcpy (map->text + map->len, s, n);
    guint32 *to = map->src + map->len;
    gsize k = 0;
    for (; k + 8 <= n; k += 8) /* vector stores, as in fill_sources */
        for (guint j = 0; j < 8; j++)
            to[k + j] = src;
    for (; k < n; k++)
        to[k] = src;
    map->len += n;
    map->text[map->len] = '\0';
}

void
sl_textmap_append_map (sl_textmap *map, const sl_textmap *from, gsize start, gsize end)
{
    gsize n = end - start;
    if (n == 0)
        return;
    reserve (map, n);
    memcpy (map->text + map->len, from->text + start, n);
    memcpy (map->src + map->len, from->src + start, n * sizeof *map->src);
    map->len += n;
    map->text[map->len] = '\0';
}

void
sl_textmap_compose (sl_textmap *map, const sl_textmap *outer)
{
    for (gsize i = 0; i < map->len; i++) {
        guint32 at = map->src[i];
        map->src[i] = at < outer->len ? outer->src[at]
                                      : (outer->len ? outer->src[outer->len - 1] : 0);
    }
}

gsize
sl_utf8_char_end (const char *text, gsize len, gsize i)
{
    if (i >= len)
        return len;
    i++;
    while (i < len && ((guchar) text[i] & 0xC0) == 0x80)
        i++;
    return i;
}

/* Windows-1252 bytes 0x80-0x9F; the rest of the high half is Latin-1. */
static const gunichar cp1252_high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0xFFFD,
};

static void
append_unichar (sl_textmap *out, gunichar c, guint32 src)
{
    char buf[6];
    int n = g_unichar_to_utf8 (c, buf);
    sl_textmap_append_at (out, buf, (gsize) n, src);
}

static inline guint32
source_of (const guint32 *src, guint32 base, gsize i)
{
    return src ? src[i] : base + (guint32) i;
}

/* DATA[I, I + N) as it is, with the sources of its bytes. */
static void
append_run (sl_textmap *out, const char *data, gsize i, gsize n, const guint32 *src, guint32 base)
{
    reserve (out, n);
    memcpy (out->text + out->len, data + i, n);
    if (src != NULL)
        memcpy (out->src + out->len, src + i, n * sizeof *src);
    else
        fill_sources (out->src + out->len, n, base + (guint32) i);
    out->len += n;
    out->text[out->len] = '\0';
}

static void
note_invalid (sl_decode_notes *notes, guint32 at, guchar byte)
{
    if (notes->invalid++ == 0) {
        notes->invalid_at = at;
        notes->invalid_byte = byte;
    }
}

static void
note_illegal (sl_decode_notes *notes, guint32 at, guchar byte)
{
    if (notes->illegal++ == 0) {
        notes->illegal_at = at;
        notes->illegal_byte = byte;
    }
}

static void
note_nul (sl_decode_notes *notes, guint32 at)
{
    if (notes->nul++ == 0)
        notes->nul_at = at;
}

#define HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)
#define LOW_BITS G_GUINT64_CONSTANT (0x0101010101010101)

/* The length of the valid UTF-8 (as GLib sees it: no NUL) that DATA
 * starts with. Templates are mostly ASCII, which is checked eight bytes at
 * a time; GLib validates each run of high bytes, which holds whole
 * characters when it is valid. */
static gsize
valid_utf8_length (const char *data, gsize len)
{
    gsize i = 0;
    while (i < len) {
        guint64 word;
        if (i + 8 <= len && (memcpy (&word, data + i, 8),
                             !(word & HIGH_BITS) && !((word - LOW_BITS) & ~word & HIGH_BITS))) {
            i += 8;
            continue;
        }
        guchar b = (guchar) data[i];
        if (b == 0)
            return i;
        if (b < 0x80) {
            i++;
            continue;
        }
        gsize end = i + 1;
        while (end < len && (guchar) data[end] >= 0x80)
            end++;
        const char *bad = NULL;
        if (!g_utf8_validate_len (data + i, end - i, &bad))
            return (gsize) (bad - data);
        i = end;
    }
    return len;
}

static void
decode_utf8_or_cp1252 (sl_textmap *out, const char *data, gsize len,
                       const guint32 *src, guint32 base, sl_decode_notes *notes)
{
    gsize i = 0;
    reserve (out, len);
    while (i < len) {
        gsize run = valid_utf8_length (data + i, len - i);
        /* The valid run is copied as is (GLib's valid UTF-8 holds no NUL) */
        append_run (out, data, i, run, src, base);
        i += run;
        if (i < len) {
            /* NUL (never valid for GLib) becomes a space; a high byte is
             * read as Windows-1252 */
            guchar b = (guchar) data[i];
            gunichar c = b == 0 ? ' ' : b >= 0x80 && b < 0xA0 ? cp1252_high[b - 0x80] : b;
            if (b == 0)
                note_nul (notes, source_of (src, base, i));
            else
                note_invalid (notes, source_of (src, base, i), b);
            append_unichar (out, c, source_of (src, base, i));
            i++;
        }
    }
}

static gboolean
is_utf8_name (const char *charset)
{
    return charset == NULL || g_ascii_strcasecmp (charset, "utf-8") == 0
           || g_ascii_strcasecmp (charset, "utf8") == 0
           || g_ascii_strcasecmp (charset, "us-ascii") == 0
           || g_ascii_strcasecmp (charset, "ascii") == 0;
}

/* Feed iconv the smallest prefix that yields output, so that each output
 * character is tied to the input bytes that made it. */
static void
decode_iconv (sl_textmap *out, GIConv cd, const char *data, gsize len,
              const guint32 *src, guint32 base, sl_decode_notes *notes)
{
    gsize i = 0;
    char buf[64];
    while (i < len) {
        gsize take = 1;
        gboolean done = FALSE;
        while (!done && i + take <= len && take <= 8) {
            gchar *in = (gchar *) data + i;
            gsize in_left = take;
            gchar *o = buf;
            gsize o_left = sizeof buf;
            gsize r = g_iconv (cd, &in, &in_left, &o, &o_left);
            if (r == (gsize) -1 && errno == EINVAL) {
                take++;
                continue;
            }
            if (r == (gsize) -1 && errno == EILSEQ) {
                note_illegal (notes, source_of (src, base, i), (guchar) data[i]);
                append_unichar (out, 0xFFFD, source_of (src, base, i));
                g_iconv (cd, NULL, NULL, NULL, NULL);
            } else if (o > buf) {
                /* NUL would end the C string early */
                for (char *p = buf; p < o; p++)
                    if (*p == '\0') {
                        *p = ' ';
                        note_nul (notes, source_of (src, base, i));
                    }
                sl_textmap_append_at (out, buf, (gsize) (o - buf), source_of (src, base, i));
            }
            done = TRUE;
        }
        if (!done) {
            note_illegal (notes, source_of (src, base, i), (guchar) data[i]);
            append_unichar (out, 0xFFFD, source_of (src, base, i));
            g_iconv (cd, NULL, NULL, NULL, NULL);
            take = 1;
        }
        i += take;
    }
}

/* A charset of one byte per character (ISO-8859-x, Windows-125x, KOI8...)
 * as a table, built by converting each byte alone: far faster than iconv
 * per character, and the same result. FALSE for any other charset (a byte
 * alone is then incomplete: a lead byte, an escape, half of UTF-16). */
typedef struct byte_table {
    char utf8[256][8];    /* NUL-terminated */
    guint8 length[256];
    gboolean illegal[256]; /* not in the charset: read as U+FFFD */
    gboolean ascii_same;   /* bytes 1 to 127 are themselves (Latin-1, Windows-1252...) */
} byte_table;

static gboolean
single_byte_table (GIConv cd, byte_table *table)
{
    for (guint b = 0; b < 256; b++) {
        gchar in_byte = (gchar) b;
        gchar *in = &in_byte;
        gsize in_left = 1;
        gchar *o = table->utf8[b];
        gsize o_left = sizeof table->utf8[b] - 1;
        gsize r = g_iconv (cd, &in, &in_left, &o, &o_left);
        g_iconv (cd, NULL, NULL, NULL, NULL);
        if (r == (gsize) -1 && errno != EILSEQ)
            return FALSE;
        table->illegal[b] = r == (gsize) -1;
        if (table->illegal[b]) /* not in the charset: as decode_iconv does */
            o = table->utf8[b] + g_unichar_to_utf8 (0xFFFD, table->utf8[b]);
        *o = '\0';
        table->length[b] = (guint8) (o - table->utf8[b]);
        /* NUL would end the C string early */
        if (b == 0)
            table->utf8[0][0] = ' ';
    }
    table->ascii_same = TRUE;
    for (guint b = 1; b < 0x80; b++)
        if (table->length[b] != 1 || (guchar) table->utf8[b][0] != b || table->illegal[b])
            table->ascii_same = FALSE;
    return TRUE;
}

static void
decode_single_byte (sl_textmap *out, const byte_table *table, const char *data, gsize len,
                    const guint32 *src, guint32 base, sl_decode_notes *notes)
{
    reserve (out, len);
    for (gsize i = 0; i < len; i++) {
        guchar b = (guchar) data[i];
        if (table->ascii_same && b - 1u < 0x7Fu) {
            /* a run of ASCII, most of a Latin-1 text, copied at once */
            gsize run = i + 1;
            while (run < len && (guchar) data[run] - 1u < 0x7Fu)
                run++;
            append_run (out, data, i, run - i, src, base);
            i = run - 1;
            continue;
        }
        if (b == 0)
            note_nul (notes, source_of (src, base, i));
        else if (table->illegal[b])
            note_illegal (notes, source_of (src, base, i), b);
        if (table->length[b] == 1) {
            reserve (out, 1);
            out->text[out->len] = table->utf8[b][0];
            out->src[out->len++] = source_of (src, base, i);
        } else {
            sl_textmap_append_at (out, table->utf8[b], table->length[b], source_of (src, base, i));
        }
    }
    out->text[out->len] = '\0';
}

/* The tables of the charsets met so far, for the whole process (a folder
 * of mail uses a handful): charset name, lower case -> byte_table, or
 * &not_single_byte. Bounded, whatever names the input uses. */
#define MAX_CACHED_CHARSETS 64
static GHashTable *tables;
static const byte_table not_single_byte;
G_LOCK_DEFINE_STATIC (tables);

static const byte_table *
cached_table (const char *charset)
{
    char *key = g_ascii_strdown (charset, -1);
    G_LOCK (tables);
    const byte_table *table = tables ? g_hash_table_lookup (tables, key) : NULL;
    G_UNLOCK (tables);
    g_free (key);
    return table == &not_single_byte ? NULL : table;
}

/* The table of CHARSET, opened as CD, made and remembered on first use;
 * NULL when it is not a single-byte charset. */
static const byte_table *
table_for (GIConv cd, const char *charset)
{
    char *key = g_ascii_strdown (charset, -1);
    G_LOCK (tables);
    if (tables == NULL)
        tables = g_hash_table_new (g_str_hash, g_str_equal);
    const byte_table *table = g_hash_table_lookup (tables, key);
    if (table == NULL && g_hash_table_size (tables) < MAX_CACHED_CHARSETS) {
        byte_table *made = g_new (byte_table, 1);
        if (single_byte_table (cd, made)) {
            table = made;
        } else {
            g_free (made);
            table = &not_single_byte;
        }
        g_hash_table_insert (tables, key, (gpointer) table);
        key = NULL;
    }
    /* past the bound, a new charset is decoded with iconv: the same text */
    G_UNLOCK (tables);
    g_free (key);
    return table == &not_single_byte ? NULL : table;
}

gboolean
sl_textmap_decode_noted (sl_textmap *out, const char *data, gsize len,
                         const guint32 *src, guint32 base, const char *charset,
                         sl_decode_notes *notes)
{
    if (is_utf8_name (charset)) {
        decode_utf8_or_cp1252 (out, data, len, src, base, notes);
        return TRUE;
    }
    const byte_table *table = cached_table (charset);
    if (table != NULL) {
        decode_single_byte (out, table, data, len, src, base, notes);
        return TRUE;
    }
    GIConv cd = g_iconv_open ("UTF-8", charset);
    if (cd == (GIConv) -1) {
        notes->unknown_charset = TRUE;
        decode_utf8_or_cp1252 (out, data, len, src, base, notes);
        return FALSE;
    }
    table = table_for (cd, charset);
    if (table != NULL)
        decode_single_byte (out, table, data, len, src, base, notes);
    else
        decode_iconv (out, cd, data, len, src, base, notes);
    g_iconv_close (cd);
    return TRUE;
}

gboolean
sl_textmap_decode (sl_textmap *out, const char *data, gsize len,
                   const guint32 *src, guint32 base, const char *charset)
{
    sl_decode_notes notes = { 0 };
    return sl_textmap_decode_noted (out, data, len, src, base, charset, &notes);
}

gboolean
sl_decode_notes_any (const sl_decode_notes *notes)
{
    return notes->invalid || notes->illegal || notes->nul || notes->unknown_charset;
}
