/* placeholder.c: recognise the merge tags of the common template languages
 * and mailing tools, so that text rules skip them:
 *   {{x}} {{{x}}} (Mustache, Handlebars, Liquid)   {% ... %} (Liquid, Jinja)
 *   *|X|* (Mailchimp)   %%x%% (Salesforce)   {$x} ${x} (ESPs, Sendinblue)
 *   [[x]] and [Sender_Address]-style tags (SendGrid legacy)   <%x%> (SendGrid ASM)
 * Each has a length bound so that a stray "{{" cannot swallow a whole draft.
 * Written as a small scanner: it runs on every byte of every draft.
 */
#include "config.h"

#include "doc.h"
#include "text/placeholder.h"

#include <string.h>

/* Offset after CLOSE, searching [from, from + limit) of TEXT, or 0. */
static gsize
find_close (const char *text, gsize len, gsize from, gsize limit, const char *close)
{
    gsize n = strlen (close);
    gsize end = MIN (len, from + limit);
    for (gsize k = from; k + n <= end; k++)
        if (memcmp (text + k, close, n) == 0)
            return k + n;
    return 0;
}

static gboolean
is_name_char (char c)
{
    return g_ascii_isalnum (c) || c == '_' || c == '.' || c == ':' || c == '-';
}

/* OPEN NAME CLOSE with NAME made of name characters, starting with a
 * letter (so that code such as Perl's {$_} is not taken for a tag). */
static gsize
named_tag (const char *text, gsize len, gsize i, gsize open, char close1, char close2)
{
    gsize k = i + open;
    if (k >= len || !g_ascii_isalpha (text[k]))
        return 0;
    while (k < len && k - i < 100 && is_name_char (text[k]))
        k++;
    if (k == i + open || k >= len || text[k] != close1)
        return 0;
    if (close2 == '\0')
        return k + 1 - i;
    if (k + 1 < len && text[k + 1] == close2)
        return k + 2 - i;
    return 0;
}

gsize
sl_placeholder_at (const char *text, gsize len, gsize i)
{
    char c = text[i];
    if (!sl_is_placeholder_start ((guchar) c))
        return 0;
    char d = i + 1 < len ? text[i + 1] : '\0';
    gsize end = 0;

    if (c == '{' && d == '{') {
        if (i + 2 < len && text[i + 2] == '{')
            end = find_close (text, len, i + 3, 300, "}}}");
        if (end == 0)
            end = find_close (text, len, i + 2, 300, "}}");
    } else if (c == '{' && d == '%') {
        end = find_close (text, len, i + 2, 500, "%}");
    } else if (c == '*' && d == '|') {
        end = find_close (text, len, i + 2, 100, "|*");
    } else if (c == '%' && d == '%') {
        gsize n = named_tag (text, len, i, 2, '%', '%');
        return n;
    } else if (c == '{' && d == '$') {
        return named_tag (text, len, i, 2, '}', '\0');
    } else if (c == '$' && d == '{') {
        return named_tag (text, len, i, 2, '}', '\0');
    } else if (c == '[' && d == '[') {
        /* [[name]], [[ name ]]: a name, not a sentence in brackets */
        gsize k = i + 2;
        while (k < len && text[k] == ' ')
            k++;
        gsize n = named_tag (text, len, k - 2, 2, ' ', '\0');
        gsize m = named_tag (text, len, k - 2, 2, ']', ']');
        if (m)
            return k + m - 2 - i;
        if (n) {
            k = k - 2 + n;
            while (k < len && text[k] == ' ')
                k++;
            return k + 1 < len && text[k] == ']' && text[k + 1] == ']' ? k + 2 - i : 0;
        }
        return 0;
    } else if (c == '<' && d == '%') {
        end = find_close (text, len, i + 2, 200, "%>");
    } else if (c == '[' && g_ascii_isalpha (d)) {
        /* [Sender_Address], [Unsubscribe]: one word, no spaces */
        gsize k = i + 1;
        while (k < len && k - i < 60 && (g_ascii_isalnum (text[k]) || text[k] == '_'))
            k++;
        return k < len && text[k] == ']' ? k + 1 - i : 0;
    }
    return end ? end - i : 0;
}

gboolean
sl_has_placeholder (const char *s)
{
    gsize len = strlen (s);
    for (gsize i = 0; i < len; i++)
        if (sl_placeholder_at (s, len, i))
            return TRUE;
    return FALSE;
}

void
sl_placeholders_blank (char *text, gsize len, GArray *spans)
{
    for (gsize i = 0; i < len; i++) {
        if (!sl_is_placeholder_start ((guchar) text[i]))
            continue;
        gsize n = sl_placeholder_at (text, len, i);
        if (n == 0)
            continue;
        sl_span span = { i, i + n };
        g_array_append_val (spans, span);
        /* U+FFFC OBJECT REPLACEMENT CHARACTER, then spaces: not a word, not
         * white space, so no phrase reads across the tag; line breaks are
         * kept for the rules that look at lines */
        memcpy (text + i, "\xEF\xBF\xBC", 3);
        for (gsize k = i + 3; k < i + n; k++)
            if (text[k] != '\n')
                text[k] = ' ';
        i += n - 1;
    }
}
