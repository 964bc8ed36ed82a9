/* report.c: turning a rule's observation into a finding with a position. */
#include "config.h"

#include "rules/rules.h"

#include <stdarg.h>

void
sl_finding_free (gpointer data)
{
    spamlint_finding *finding = data;
    g_free (finding->message);
    g_free (finding->match);
    g_free (finding);
}

static void
report_valist (sl_context *cx, const char *rule, spamlint_severity severity,
               double points, guint32 first, guint32 last, const char *part,
               const char *match, const char *format, va_list args)
{
    spamlint_finding *finding = g_new0 (spamlint_finding, 1);
    finding->rule = rule;
    finding->severity = severity;
    finding->points = points;
    finding->offset = first;
    finding->last = last < first ? first : last;
    finding->part = part;
    finding->match = match ? g_strdup (match) : NULL;
    finding->message = g_strdup_vprintf (format, args);
    sl_doc_position (cx->doc, finding->offset, &finding->line, &finding->column);
    sl_doc_position (cx->doc, finding->last, &finding->end_line, &finding->end_column);
    g_ptr_array_add (cx->findings, finding);
}

void
sl_report (sl_context *cx, const char *rule, spamlint_severity severity,
           double points, guint32 first, guint32 last, const char *part,
           const char *match, const char *format, ...)
{
    va_list args;
    va_start (args, format);
    report_valist (cx, rule, severity, points, first, last, part, match, format, args);
    va_end (args);
}

void
sl_report_span (sl_context *cx, const sl_segment *segment, gsize start, gsize end,
                const char *rule, spamlint_severity severity, double points,
                const char *format, ...)
{
    const sl_textmap *map = &segment->map;
    if (end <= start)
        end = sl_utf8_char_end (map->text, map->len, start);
    /* the last character's first byte */
    gsize last = end - 1;
    while (last > start && ((guchar) map->text[last] & 0xC0) == 0x80)
        last--;
    char *match = g_strndup (segment->original + start, end - start);
    guint32 first_src = start < map->len ? map->src[start] : segment->anchor;
    guint32 last_src = last < map->len ? map->src[last] : first_src;
    va_list args;
    va_start (args, format);
    report_valist (cx, rule, severity, points, first_src, last_src, segment->part,
                   match, format, args);
    va_end (args);
    g_free (match);
}
