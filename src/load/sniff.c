/* sniff.c: tell an e-mail message, HTML, MJML and plain text apart by
 * content. A message starts with a block of header lines that includes a
 * well-known header; HTML has a tag of a known element near the start. The
 * file name's extension decides only when the content does not. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "load/load.h"

#include <string.h>

#define SNIFF_WINDOW 65536
#define BINARY_WINDOW 8192

static gboolean
has_extension (const char *name, const char *const *extensions)
{
    if (name == NULL)
        return FALSE;
    const char *dot = strrchr (name, '.');
    if (dot == NULL)
        return FALSE;
    for (guint i = 0; extensions[i]; i++)
        if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
            return TRUE;
    return FALSE;
}

/* Header lines up to the first blank line, with a known header among them. */
static gboolean
looks_like_message (const char *data, gsize len)
{
    static const char *const known[] = {
        "from", "to", "subject", "date", "mime-version", "content-type",
        "received", "return-path", "message-id", "delivered-to", "reply-to",
        "list-unsubscribe", "x-mailer", NULL
    };
    gsize end = MIN (len, SNIFF_WINDOW), i = 0;
    gboolean any_known = FALSE;
    unsigned lines = 0;
    if (end >= 5 && memcmp (data, "From ", 5) == 0) {
        /* an mbox "From " line before the headers */
        const char *nl = memchr (data, '\n', end);
        i = nl ? (gsize) (nl - data) + 1 : end;
    }
    while (i < end) {
        const char *nl = memchr (data + i, '\n', end - i);
        gsize line_end = nl ? (gsize) (nl - data) : end;
        gsize n = line_end - i;
        if (n > 0 && data[line_end - 1] == '\r')
            n--;
        if (n == 0)
            return any_known && lines > 0;
        if (data[i] == ' ' || data[i] == '\t') {
            if (lines == 0)
                return FALSE; /* continuation before any header */
        } else {
            gsize k = 0;
            while (k < n && data[i + k] != ':' && data[i + k] > ' ' && data[i + k] < 127)
                k++;
            if (k == 0 || k == n || data[i + k] != ':')
                return FALSE;
            for (guint h = 0; known[h]; h++)
                if (strlen (known[h]) == k && g_ascii_strncasecmp (data + i, known[h], k) == 0)
                    any_known = TRUE;
            lines++;
        }
        i = line_end + 1;
    }
    return any_known && lines > 0;
}

static gboolean
has_html_tag (const char *data, gsize len)
{
    static const char *const tags[] = {
        "html", "!doctype html", "body", "head", "table", "div", "p", "br", "td",
        "span", "a", "img", "center", "font", "h1", "h2", "h3", "ul", "style", "meta", NULL
    };
    gsize end = MIN (len, SNIFF_WINDOW);
    for (const char *p = memchr (data, '<', end); p; p = memchr (p + 1, '<', end - (gsize) (p + 1 - data))) {
        gsize rest = end - (gsize) (p + 1 - data);
        for (guint t = 0; tags[t]; t++) {
            gsize n = strlen (tags[t]);
            if (n < rest && g_ascii_strncasecmp (p + 1, tags[t], n) == 0) {
                char after = p[1 + n];
                if (after == '>' || after == ' ' || after == '/' || after == '\n' || after == '\r' || after == '\t')
                    return TRUE;
            }
        }
        if ((gsize) (p + 1 - data) >= end)
            break;
    }
    return FALSE;
}

static gboolean
has_mjml_root (const char *data, gsize len)
{
    gsize end = MIN (len, SNIFF_WINDOW);
    for (const char *p = memchr (data, '<', end); p && (gsize) (p - data) + 5 < end;
         p = memchr (p + 1, '<', end - (gsize) (p + 1 - data)))
        if (g_ascii_strncasecmp (p + 1, "mjml", 4) == 0 && (p[5] == '>' || g_ascii_isspace (p[5])))
            return TRUE;
    return FALSE;
}

spamlint_format
sl_sniff_format (const char *data, gsize len, const char *name)
{
    static const char *const eml_ext[] = { "eml", "msg", "mbox", NULL };
    static const char *const html_ext[] = { "html", "htm", "xhtml", NULL };
    static const char *const mjml_ext[] = { "mjml", NULL };

    if (has_mjml_root (data, len))
        return SPAMLINT_FORMAT_MJML;
    if (looks_like_message (data, len))
        return SPAMLINT_FORMAT_EML;
    if (has_html_tag (data, len))
        return SPAMLINT_FORMAT_HTML;
    if (has_extension (name, mjml_ext))
        return SPAMLINT_FORMAT_MJML;
    if (has_extension (name, html_ext))
        return SPAMLINT_FORMAT_HTML;
    if (has_extension (name, eml_ext) && memchr (data, ':', MIN (len, 1024)) != NULL)
        return SPAMLINT_FORMAT_EML;
    return SPAMLINT_FORMAT_TEXT;
}

const char *
sl_sniff_binary (const char *data, gsize len)
{
    gsize end = MIN (len, BINARY_WINDOW);
    if (end >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
                     || ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
        return NULL; /* UTF-16 text with a byte order mark */
    gsize control = 0;
    for (gsize i = 0; i < end; i++) {
        guchar c = (guchar) data[i];
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) || c == 0x7F)
            control++;
    }
    /* text has next to no control characters; binary data has about 1 in 9 */
    if (control * 20 > end)
        return N_("binary data, not an e-mail draft");
    return NULL;
}
