/* textmap.h: UTF-8 text that remembers where each byte came from.
 *
 * Every loader turns its input into textmaps: byte i of text came from the
 * character at offset src[i] of the file the user gave. Decoding steps
 * (charset conversion, quoted-printable, HTML entities) each build a new map
 * from the previous one, so a rule can always report a position in the
 * original file without knowing the format.
 */
#ifndef SL_TEXTMAP_H
#define SL_TEXTMAP_H

#include <glib.h>

typedef struct sl_textmap {
    char *text;     /* NUL-terminated UTF-8 */
    guint32 *src;   /* source offset of each byte of text */
    gsize len;
    gsize cap;
} sl_textmap;

void sl_textmap_init (sl_textmap *map);
void sl_textmap_clear (sl_textmap *map);
/* Make room for MORE bytes at once, when the size is known beforehand. */
void sl_textmap_reserve (sl_textmap *map, gsize more);

/* Append N bytes; byte i comes from SRC_START + i. */
void sl_textmap_append_span (sl_textmap *map, const char *s, gsize n, guint32 src_start);
/* Append N bytes that all come from one place (a decoded entity, a base64 part). */
void sl_textmap_append_at (sl_textmap *map, const char *s, gsize n, guint32 src);
/* Append bytes [start, end) of another map, keeping their sources. */
void sl_textmap_append_map (sl_textmap *map, const sl_textmap *from, gsize start, gsize end);

/* Decode bytes in CHARSET (NULL: UTF-8, with Windows-1252 for invalid bytes)
 * into UTF-8. SRC gives the source of each input byte, or NULL for
 * BASE + i. Returns FALSE when the charset is unknown to iconv (the text is
 * then decoded as UTF-8/Windows-1252). */
gboolean sl_textmap_decode (sl_textmap *out, const char *data, gsize len,
                            const guint32 *src, guint32 base, const char *charset);

/* What a decoding repaired, each with the source of its first byte. */
typedef struct sl_decode_notes {
    guint32 invalid;          /* bytes not valid UTF-8, read as Windows-1252 */
    guint32 invalid_at;
    guchar invalid_byte;
    guint32 illegal;          /* bytes not valid in the charset, read as U+FFFD */
    guint32 illegal_at;
    guchar illegal_byte;
    guint32 nul;              /* NUL bytes (or characters), read as spaces */
    guint32 nul_at;
    gboolean unknown_charset; /* iconv does not know the charset */
} sl_decode_notes;

/* sl_textmap_decode, adding what was repaired to NOTES (zeroed by the
 * caller). */
gboolean sl_textmap_decode_noted (sl_textmap *out, const char *data, gsize len,
                                  const guint32 *src, guint32 base, const char *charset,
                                  sl_decode_notes *notes);

/* Whether NOTES hold anything to tell. */
gboolean sl_decode_notes_any (const sl_decode_notes *notes);

/* Replace the map's sources: src[i] becomes OUTER->src[src[i]]. */
void sl_textmap_compose (sl_textmap *map, const sl_textmap *outer);

/* Offset just after the UTF-8 character that starts at I. */
gsize sl_utf8_char_end (const char *text, gsize len, gsize i);

#endif
