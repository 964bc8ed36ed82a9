/* fold.c: the folding behind case-, accent- and whitespace-insensitive
 * matching. Both the draft and the word lists are folded the same way, so
 * the compiled patterns need no CASELESS flag (much faster under UCP).
 * A character is decomposed (NFD), its combining marks dropped and the rest
 * lower-cased; a few letters with no decomposition are spelled out (œ, æ, ß).
 */
#include "config.h"

#include "text/fold.h"
#include "text/chars.h"

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

/* Append C's UTF-8, and to each of its bytes the input offset FROM;
 * without offsets (a phrase of a list), the text only. The offsets grow by
 * doubling and are cut to the text's length at the end (sl_fold_end). */
static inline void
emit (sl_folded *out, gunichar c, guint32 from)
{
    gsize before = out->text->len;
    if (c < 0x80) {
        g_string_append_c (out->text, (char) c);
    } else {
        char buf[6];
        int n = g_unichar_to_utf8 (c, buf);
        g_string_append_len (out->text, buf, n);
    }
    if (out->from == NULL)
        return;
    gsize after = out->text->len;
    if (out->from->len < after)
        g_array_set_size (out->from, (guint) MAX (after, 2 * (gsize) out->from->len));
    guint32 *offsets = (guint32 *) (void *) out->from->data;
    for (gsize k = before; k < after; k++)
        offsets[k] = from;
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
}

void
sl_fold_end (sl_folded *out)
{
    g_array_set_size (out->from, (guint) out->text->len);
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
    if (out->from->len < len)
        g_array_set_size (out->from, (guint) len);
    GString *s = out->text;
    for (gsize at = 0, next; at < len; at = next) {
        guchar b = (guchar) text[at];
        /* ASCII, most of any draft, in place while there is room (a
         * character folded longer, rare, may have used it up) */
        if (b >= ' ' && b < 0x80 && s->len + 1 < s->allocated_len && s->len < out->from->len) {
            next = at + 1;
            if (b == ' ' && s->len > 0 && s->str[s->len - 1] == ' ')
                continue;
            ((guint32 *) (void *) out->from->data)[s->len] = (guint32) at;
            s->str[s->len++] = (char) (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
            continue;
        }
        s->str[s->len] = '\0';
        sl_fold_char (out, sl_char_next (text, len, at, &next), (guint32) at);
    }
    s->str[s->len] = '\0';
    sl_fold_end (out);
}

char *
sl_fold_string (const char *text)
{
    gsize len = strlen (text);
    sl_folded folded = { g_string_sized_new (len + 8), NULL };
    for (gsize i = 0, next; i < len; i = next) {
        guchar b = (guchar) text[i];
        if (b > ' ' && b < 0x80) { /* most of a list: ASCII letters */
            g_string_append_c (folded.text, (char) (b >= 'A' && b <= 'Z' ? b + 32 : b));
            next = i + 1;
            continue;
        }
        sl_fold_char (&folded, sl_char_next (text, len, i, &next), 0);
    }
    g_strstrip (folded.text->str);
    return g_string_free (folded.text, FALSE);
}
