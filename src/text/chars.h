/* chars.h: the character tests that rules make on every character of a
 * draft, with the same answers as GLib's but a fast path for ASCII, which
 * most drafts mostly are (GLib's Unicode tables cost a call and a lookup
 * per character). */
#ifndef SL_CHARS_H
#define SL_CHARS_H

#include <glib.h>

/* The character at TEXT[I], of LEN bytes in all, as
 * g_utf8_get_char_validated reads it. */
static inline gunichar
sl_char_at (const char *text, gsize len, gsize i)
{
    guchar b = (guchar) text[i];
    if (b >= 0x01 && b < 0x80)
        return b;
    return g_utf8_get_char_validated (text + i, (gssize) (len - i));
}

/* The character at TEXT[I], of LEN bytes in all, and in *NEXT where the
 * one after starts; a byte that is not valid UTF-8 is one U+FFFD. */
static inline gunichar
sl_char_next (const char *text, gsize len, gsize i, gsize *next)
{
    if ((guchar) text[i] < 0x80) {
        *next = i + 1;
        return (guchar) text[i];
    }
    gunichar c = g_utf8_get_char_validated (text + i, (gssize) (len - i));
    if (c == (gunichar) -1 || c == (gunichar) -2) {
        *next = i + 1;
        return 0xFFFD;
    }
    *next = (gsize) (g_utf8_next_char (text + i) - text);
    return c;
}

/* g_utf8_get_char of valid UTF-8. */
static inline gunichar
sl_utf8_char (const char *p)
{
    return (guchar) *p < 0x80 ? (gunichar) (guchar) *p : g_utf8_get_char (p);
}

/* g_unichar_isspace: in ASCII, space, \t, \n, \f and \r (not \v). */
static inline gboolean
sl_unichar_isspace (gunichar c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r' && c != '\v');
    return g_unichar_isspace (c);
}

/* g_unichar_isalnum. */
static inline gboolean
sl_unichar_isalnum (gunichar c)
{
    return c < 0x80 ? g_ascii_isalnum ((char) c) : g_unichar_isalnum (c);
}

#endif
