/* suppress.c: turning rules off inside a draft, as linters do:
 *
 *   <!-- spamlint-disable html-width, link-insecure -->  ... up to
 *   <!-- spamlint-enable -->                (or the end of the file)
 *   <!-- spamlint-disable-next-line caps-shouting -->
 *
 * and in plain text the same words at the start of a line. Without rule
 * ids a directive covers every rule. A suppressed finding is not shown
 * and not scored, only counted.
 */
#include "config.h"

#include "suppress.h"

#include <string.h>

typedef struct range {
    char *rule;          /* NULL: every rule */
    unsigned first, last; /* lines, inclusive; last G_MAXUINT: to the end */
} range;

struct sl_suppressions {
    GArray *ranges;
};

static void
range_clear (gpointer data)
{
    g_free (((range *) data)->rule);
}

/* The rule ids after a directive, up to "-->" or the end of the line. */
static char **
directive_rules (const char *after, const char *line_end)
{
    const char *stop = g_strstr_len (after, line_end - after, "-->");
    if (stop == NULL)
        stop = line_end;
    char *list = g_strndup (after, (gsize) (stop - after));
    char **ids = g_strsplit_set (g_strstrip (list), ", \t", -1);
    g_free (list);
    /* drop the empty pieces */
    guint k = 0;
    for (guint i = 0; ids[i]; i++) {
        if (*ids[i])
            ids[k++] = ids[i];
        else
            g_free (ids[i]);
    }
    ids[k] = NULL;
    return ids;
}

static void
add_ranges (sl_suppressions *s, char **ids, unsigned first, unsigned last)
{
    if (ids[0] == NULL) {
        range r = { NULL, first, last };
        g_array_append_val (s->ranges, r);
    }
    for (guint i = 0; ids[i]; i++) {
        range r = { g_strdup (ids[i]), first, last };
        g_array_append_val (s->ranges, r);
    }
}

/* Close the open ranges of IDS (all when empty) at LINE. */
static void
close_ranges (sl_suppressions *s, char **ids, unsigned line)
{
    for (guint i = 0; i < s->ranges->len; i++) {
        range *r = &g_array_index (s->ranges, range, i);
        if (r->last != G_MAXUINT)
            continue;
        gboolean match = ids[0] == NULL;
        for (guint k = 0; ids[k] && !match; k++)
            match = r->rule && strcmp (r->rule, ids[k]) == 0;
        if (match)
            r->last = line;
    }
}

/* Where a directive starts on the line: in an HTML comment, or at the
 * start of a plain-text line. */
static const char *
find_directive (const char *line, const char *end)
{
    const char *at = memmem (line, (size_t) (end - line), "spamlint-", 9);
    if (at == NULL)
        return NULL;
    const char *p = line;
    while (p < at && g_ascii_isspace (*p))
        p++;
    if (p == at)
        return at;
    const char *comment = g_strstr_len (line, at - line, "<!--");
    return comment ? at : NULL;
}

sl_suppressions *
sl_suppressions_read (const char *raw, gsize len)
{
    sl_suppressions *s = g_new0 (sl_suppressions, 1);
    s->ranges = g_array_new (FALSE, FALSE, sizeof (range));
    g_array_set_clear_func (s->ranges, range_clear);
    if (memmem (raw, len, "spamlint-", 9) == NULL)
        return s;
    unsigned line = 1;
    const char *p = raw, *end = raw + len;
    while (p < end) {
        const char *nl = memchr (p, '\n', (gsize) (end - p));
        const char *line_end = nl ? nl : end;
        const char *at = find_directive (p, line_end);
        if (at) {
            static const char next[] = "spamlint-disable-next-line";
            static const char disable[] = "spamlint-disable";
            static const char enable[] = "spamlint-enable";
            gsize rest = (gsize) (line_end - at);
            if (rest >= sizeof next - 1 && strncmp (at, next, sizeof next - 1) == 0) {
                char **ids = directive_rules (at + sizeof next - 1, line_end);
                add_ranges (s, ids, line + 1, line + 1);
                g_strfreev (ids);
            } else if (rest >= sizeof disable - 1 && strncmp (at, disable, sizeof disable - 1) == 0) {
                char **ids = directive_rules (at + sizeof disable - 1, line_end);
                add_ranges (s, ids, line, G_MAXUINT);
                g_strfreev (ids);
            } else if (rest >= sizeof enable - 1 && strncmp (at, enable, sizeof enable - 1) == 0) {
                char **ids = directive_rules (at + sizeof enable - 1, line_end);
                close_ranges (s, ids, line);
                g_strfreev (ids);
            }
        }
        line++;
        p = line_end + 1;
    }
    return s;
}

void
sl_suppressions_free (sl_suppressions *s)
{
    if (s == NULL)
        return;
    g_array_free (s->ranges, TRUE);
    g_free (s);
}

gboolean
sl_suppressions_cover (const sl_suppressions *s, const char *rule, unsigned line)
{
    for (guint i = 0; i < s->ranges->len; i++) {
        const range *r = &g_array_index (s->ranges, range, i);
        if (line >= r->first && line <= r->last && (r->rule == NULL || strcmp (r->rule, rule) == 0))
            return TRUE;
    }
    return FALSE;
}
