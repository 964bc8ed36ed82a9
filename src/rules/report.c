/* report.c: turning a rule's observation into a finding with a position. */
#include "config.h"

#include "rules/rules.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>

void
sl_finding_free (gpointer data)
{
    spamlint_finding *finding = data;
    g_free (finding->message);
    g_free (finding->match);
    g_free (finding);
}

/* Whether a finding of RULE may still be listed; if not, tally it. */
static gboolean
listed (sl_context *cx, const char *rule, spamlint_severity severity, double points, guint32 first)
{
    if (cx->per_rule == NULL)
        return TRUE;
    sl_rule_tally *tally = g_hash_table_lookup (cx->per_rule, rule);
    if (tally == NULL) {
        tally = g_new0 (sl_rule_tally, 1);
        g_hash_table_insert (cx->per_rule, (gpointer) rule, tally);
    }
    unsigned limit = cx->engine->limits.findings;
    if (++tally->count <= limit)
        return TRUE;
    if (tally->count == limit + 1) {
        tally->first = first;
        tally->severity = severity;
    }
    tally->extra_points += points;
    return FALSE;
}

void
sl_report_overflow (sl_context *cx)
{
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init (&it, cx->per_rule);
    GPtrArray *rules = g_ptr_array_new ();
    unsigned limit = cx->engine->limits.findings;
    while (g_hash_table_iter_next (&it, &key, &value))
        if (((sl_rule_tally *) value)->count > limit)
            g_ptr_array_add (rules, key);
    g_ptr_array_sort (rules, (GCompareFunc) g_strcmp0);
    for (guint i = 0; i < rules->len; i++) {
        const char *rule = g_ptr_array_index (rules, i);
        sl_rule_tally *tally = g_hash_table_lookup (cx->per_rule, rule);
        unsigned more = tally->count - limit;
        /* counted as the limit says: this summary is not itself limited */
        g_hash_table_steal (cx->per_rule, rule);
        GHashTable *saved = cx->per_rule;
        cx->per_rule = NULL;
        sl_report (cx, rule, tally->severity, tally->extra_points, tally->first, tally->first, NULL,
                   NULL,
                   ngettext ("%u more finding of this rule, not listed (the limit is %d per rule and draft)",
                             "%u more findings of this rule, not listed (the limit is %d per rule and draft)",
                             more),
                   more, (int) limit);
        cx->per_rule = saved;
        g_free (tally);
    }
    g_ptr_array_free (rules, TRUE);
}

gboolean
sl_time_up_now (sl_context *cx)
{
    cx->ticks = 0;
    if (!cx->time_up && cx->deadline > 0 && g_get_monotonic_time () >= cx->deadline)
        cx->time_up = TRUE;
    return cx->time_up;
}

gboolean
sl_time_up (sl_context *cx)
{
    if (cx->time_up)
        return TRUE;
    if (++cx->ticks < 256)
        return FALSE;
    return sl_time_up_now (cx);
}

static char *
match_error_message (const spamlint_engine *engine, int rc)
{
    switch (rc) {
    case PCRE2_ERROR_MATCHLIMIT:
        return g_strdup_printf (_("a rule's pattern went past the PCRE2 match limit of %u (the pcre-match limit): it was not matched from this place on"),
                                engine->limits.pcre_match);
    case PCRE2_ERROR_DEPTHLIMIT:
        return g_strdup_printf (_("a rule's pattern went past the PCRE2 depth limit of %u (the pcre-depth limit): it was not matched from this place on"),
                                engine->limits.pcre_depth);
    default: {
        PCRE2_UCHAR reason[256];
        if (pcre2_get_error_message (rc, reason, sizeof reason) < 0)
            g_strlcpy ((char *) reason, "?", sizeof reason);
        return g_strdup_printf (_("a rule's pattern failed (PCRE2: %s): it was not matched from this place on"),
                                (const char *) reason);
    }
    }
}

int
sl_rule_match (sl_context *cx, const pcre2_code *re, const sl_segment *segment, const char *text,
               gsize len, gsize pos)
{
    int rc = pcre2_match (re, (PCRE2_SPTR) text, len, pos,
                          PCRE2_NO_UTF_CHECK | cx->engine->pattern_match_options, cx->match_data,
                          cx->engine->match_context);
    if (rc >= 0 || rc == PCRE2_ERROR_NOMATCH || cx->match_limit_noted)
        return rc;
    cx->match_limit_noted = TRUE;
    guint32 at = pos < segment->map.len ? segment->map.src[pos] : segment->anchor;
    char *message = match_error_message (cx->engine, rc);
    sl_report (cx, "input-limit", SPAMLINT_NOTE, 0.0, at, at, NULL, NULL, "%s", message);
    g_free (message);
    return rc;
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
    if (!listed (cx, rule, severity, points, first))
        return;
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
    if (!listed (cx, rule, severity, points, start < map->len ? map->src[start] : segment->anchor))
        return;
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
