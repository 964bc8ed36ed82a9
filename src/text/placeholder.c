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

/* OPEN NAME CLOSE with NAME made of name characters (at least one). */
static gsize
named_tag (const char *text, gsize len, gsize i, gsize open, char close1, char close2)
{
    gsize k = i + open;
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
        end = find_close (text, len, i + 2, 100, "]]");
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

void
sl_placeholders_blank (char *text, gsize len, GArray *spans)
{
    static const char starts[] = "{*%$[<";
    for (gsize i = 0; i < len; i++) {
        if (strchr (starts, text[i]) == NULL || text[i] == '\0')
            continue;
        gsize n = sl_placeholder_at (text, len, i);
        if (n == 0)
            continue;
        sl_span span = { i, i + n };
        g_array_append_val (spans, span);
        /* keep line breaks so that "one line" rules still see them */
        for (gsize k = i; k < i + n; k++)
            if (text[k] != '\n')
                text[k] = ' ';
        i += n - 1;
    }
}
