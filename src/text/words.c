/* words.c: split text into words for the caps and ratio rules. A token
 * (run of non-space) that is a URL or an e-mail address is not words. */
#include "config.h"

#include "doc.h"
#include "text/words.h"
#include "text/chars.h"

#include <string.h>

void
sl_word_iter_init (sl_word_iter *it, const char *text, gsize len)
{
    it->text = text;
    it->len = len;
    it->pos = 0;
    it->token_end = 0;
}

static inline gboolean
is_space (gunichar c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2007;
}

static inline gboolean
is_word_char (gunichar c)
{
    if (c < 0x80)
        return g_ascii_isalnum ((char) c);
    return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_joiner (gunichar c)
{
    return c == '\'' || c == 0x2019 || c == '-';
}

gboolean
sl_token_is_address (const char *s, gsize n)
{
    if (n > 4 && g_ascii_strncasecmp (s, "www.", 4) == 0)
        return TRUE;
    /* "://" found by its colon, before any NUL as g_strstr_len did: memchr
     * is many times faster */
    const char *before_nul = memchr (s, '\0', n);
    before_nul = before_nul ? before_nul : s + n;
    for (const char *colon = s; (colon = memchr (colon, ':', (gsize) (before_nul - colon))); colon++)
        if (before_nul - colon >= 3 && colon[1] == '/' && colon[2] == '/')
            return TRUE;
    /* name@domain.tld: a dot in the domain followed by two letters */
    const char *at = memchr (s, '@', n);
    if (at == NULL || at == s)
        return FALSE;
    const char *end = s + n;
    for (const char *p = at + 1; p + 2 < end + 1 && p < end; p++)
        if (*p == '.' && p > at + 1 && p + 2 <= end && g_ascii_isalpha (p[1]) && g_ascii_isalpha (p[2]))
            return TRUE;
    return FALSE;
}

gboolean
sl_word_iter_next (sl_word_iter *it, sl_word *word)
{
    const char *t = it->text;
    gboolean crossed = FALSE;
    while (it->pos < it->len) {
        gsize next;
        gunichar c = sl_char_next (t, it->len, it->pos, &next);
        if (it->pos >= it->token_end) {
            /* at a token boundary: skip space, measure the next token */
            if (is_space (c)) {
                if (c == '\n' || c == 0x2028 || c == 0x2029)
                    crossed = TRUE;
                it->pos = next;
                continue;
            }
            gsize end = it->pos;
            while (end < it->len) {
                gsize after;
                gunichar d = sl_char_next (t, it->len, end, &after);
                if (is_space (d))
                    break;
                end = after;
            }
            it->token_end = end;
            if (sl_token_is_address (t + it->pos, end - it->pos)) {
                it->pos = end;
                continue;
            }
        }
        if (!is_word_char (c)) {
            it->pos = next;
            continue;
        }
        memset (word, 0, sizeof *word);
        word->start = it->pos;
        word->after_break = crossed;
        gsize i = it->pos;
        while (i < it->token_end) {
            gsize after;
            gunichar d = sl_char_next (t, it->len, i, &after);
            if (is_joiner (d) && after < it->token_end) {
                gsize after2;
                gunichar e = sl_char_next (t, it->len, after, &after2);
                if (i > word->start && is_word_char (e)) {
                    i = after;
                    continue;
                }
                break;
            }
            if (!is_word_char (d))
                break;
            if (d < 0x80) {
                if (g_ascii_isupper ((char) d)) {
                    word->upper++;
                    word->letters++;
                } else if (g_ascii_islower ((char) d)) {
                    word->lower++;
                    word->letters++;
                }
            } else if (g_unichar_isupper (d) || g_unichar_istitle (d)) {
                word->upper++;
                word->letters++;
            } else if (g_unichar_islower (d)) {
                word->lower++;
                word->letters++;
            }
            i = after;
        }
        word->end = i;
        it->pos = i;
        return TRUE;
    }
    return FALSE;
}

gboolean
sl_word_is_caps (const sl_word *word)
{
    return word->letters >= 2 && word->lower == 0;
}

void
sl_find_addresses (const char *text, gsize len, GArray *spans)
{
    gsize i = 0;
    while (i < len) {
        gsize next;
        gunichar c = sl_char_next (text, len, i, &next);
        if (is_space (c)) {
            i = next;
            continue;
        }
        gsize end = i;
        while (end < len) {
            gsize after;
            if (is_space (sl_char_next (text, len, end, &after)))
                break;
            end = after;
        }
        if (sl_token_is_address (text + i, end - i)) {
            sl_span span = { i, end };
            g_array_append_val (spans, span);
        }
        i = end;
    }
}

void
sl_foreach_url (const char *text, const guint32 *src,
                void (*fn) (const char *url, guint32 source, void *data), void *data)
{
    for (const char *p = text; (p = strstr (p, "http")) != NULL;) {
        if (g_ascii_strncasecmp (p, "http://", 7) != 0 && g_ascii_strncasecmp (p, "https://", 8) != 0) {
            p += 4;
            continue;
        }
        gsize n = strcspn (p, " \t\r\n<>\"'");
        while (n > 0 && strchr (".,;:!?)", p[n - 1]))
            n--;
        char *url = g_strndup (p, n);
        gsize at = (gsize) (p - text);
        fn (url, src ? src[at] : (guint32) at, data);
        g_free (url);
        p += n ? n : 4;
    }
}
