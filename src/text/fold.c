/* fold.c: the folding behind case-, accent- and whitespace-insensitive
 * matching. Both the draft and the word lists are folded the same way, so
 * the compiled patterns need no CASELESS flag (much faster under UCP).
 * A character is decomposed (NFD), its combining marks dropped and the rest
 * lower-cased; a few letters with no decomposition are spelled out (œ, æ, ß).
 */
#include "config.h"

#include "text/fold.h"

#include <string.h>

void
sl_folded_init (sl_folded *folded)
{
    folded->text = g_string_sized_new (256);
    folded->from = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 256);
}

void
sl_folded_clear (sl_folded *folded)
{
    g_string_free (folded->text, TRUE);
    g_array_free (folded->from, TRUE);
}

static gboolean
is_fold_space (gunichar c)
{
    if (c < 0x80) /* as g_unichar_isspace: not \v */
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2007;
}

static void
emit (sl_folded *out, gunichar c, guint32 from)
{
    if (c < 0x80) {
        g_string_append_c (out->text, (char) c);
        g_array_append_val (out->from, from);
        return;
    }
    char buf[6];
    int n = g_unichar_to_utf8 (c, buf);
    g_string_append_len (out->text, buf, n);
    for (int k = 0; k < n; k++)
        g_array_append_val (out->from, from);
}

static void
emit_folded_char (sl_folded *out, gunichar c, guint32 from)
{
    switch (c) {
    case 0x2019: case 0x2018: case 0x02BC: case 0x00B4: case 0x0060:
        emit (out, '\'', from);
        return;
    case 0x0153: case 0x0152:
        emit (out, 'o', from); emit (out, 'e', from);
        return;
    case 0x00E6: case 0x00C6:
        emit (out, 'a', from); emit (out, 'e', from);
        return;
    case 0x00DF:
        emit (out, 's', from); emit (out, 's', from);
        return;
    default:
        break;
    }
    if (c < 0x80) {
        emit (out, g_ascii_tolower ((char) c), from);
        return;
    }
    gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
    gsize n = g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts));
    for (gsize k = 0; k < n; k++) {
        if (g_unichar_type (parts[k]) == G_UNICODE_NON_SPACING_MARK)
            continue;
        emit (out, g_unichar_tolower (parts[k]), from);
    }
}

void
sl_fold_begin (sl_folded *out)
{
    g_string_truncate (out->text, 0);
    g_array_set_size (out->from, 0);
}

void
sl_fold_char (sl_folded *out, gunichar c, guint32 from)
{
    /* ASCII letters and punctuation: the common case, kept short */
    if (c < 0x80 && c > ' ') {
        emit (out, g_ascii_tolower ((char) c), from);
        return;
    }
    if (is_fold_space (c)) {
        gsize n = out->text->len;
        if (n == 0 || out->text->str[n - 1] != ' ')
            emit (out, ' ', from);
        return;
    }
    emit_folded_char (out, c, from);
}

void
sl_fold (sl_folded *out, const char *text, gsize len)
{
    sl_fold_begin (out);
    /* room for the usual case, one byte out per byte in */
    if (out->text->allocated_len < len + 1) {
        g_string_set_size (out->text, len);
        g_string_truncate (out->text, 0);
    }
    if (out->from->len < len) {
        g_array_set_size (out->from, len);
        g_array_set_size (out->from, 0);
    }
    const char *p = text, *end = text + len;
    while (p < end) {
        guint32 at = (guint32) (p - text);
        gunichar c;
        if ((guchar) *p < 0x80) {
            c = (guchar) *p;
            p++;
        } else {
            c = g_utf8_get_char_validated (p, end - p);
            if (c == (gunichar) -1 || c == (gunichar) -2) {
                c = 0xFFFD;
                p++;
            } else {
                p = g_utf8_next_char (p);
            }
        }
        sl_fold_char (out, c, at);
    }
}

char *
sl_fold_string (const char *text)
{
    /* most phrases of the lists are ASCII: the same folding, without the
     * offsets nor Unicode, saves most of the start-up's list loading */
    const char *p = text;
    while ((guchar) *p >= 1 && (guchar) *p < 0x80)
        p++;
    if (*p == '\0') {
        GString *s = g_string_sized_new ((gsize) (p - text));
        for (p = text; *p; p++) {
            if (!is_fold_space ((guchar) *p))
                g_string_append_c (s, g_ascii_tolower (*p));
            else if (s->len == 0 || s->str[s->len - 1] != ' ')
                g_string_append_c (s, ' ');
        }
        g_strstrip (s->str);
        return g_string_free (s, FALSE);
    }
    sl_folded folded;
    sl_folded_init (&folded);
    sl_fold (&folded, text, strlen (text));
    char *s = g_strdup (g_strstrip (folded.text->str));
    sl_folded_clear (&folded);
    return s;
}
