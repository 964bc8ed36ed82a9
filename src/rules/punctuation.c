/* punctuation.c: exclamation-run, "!!", "?!", "!?" and longer runs. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "rules/rules.h"

static const sl_rule_info rules[] = {
    { "exclamation-run", SPAMLINT_WARNING, 0.5, 2.0,
      N_("two or more exclamation marks in a row (!!, ?!, !?)") },
};

static gboolean
is_bang (gunichar c)
{
    return c == '!' || c == 0xFF01;
}

static gboolean
is_question (gunichar c)
{
    return c == '?' || c == 0xFF1F;
}

static void
check_segment (sl_context *cx, const sl_segment *segment)
{
    const char *t = segment->map.text;
    gsize len = segment->map.len, i = 0;
    while (i < len) {
        if (t[i] != '!' && t[i] != '?' && (guchar) t[i] != 0xEF) {
            i++;
            continue;
        }
        gsize start = i;
        unsigned marks = 0, bangs = 0;
        while (i < len) {
            gunichar c = g_utf8_get_char_validated (t + i, (gssize) (len - i));
            if (!is_bang (c) && !is_question (c))
                break;
            marks++;
            bangs += is_bang (c);
            i = (gsize) (g_utf8_next_char (t + i) - t);
        }
        if (marks == 0) {
            i++;
            continue;
        }
        if (marks >= 2 && bangs >= 1)
            sl_report_span (cx, segment, start, i, "exclamation-run", SPAMLINT_WARNING, 0.5,
                            _("%u exclamation and question marks in a row: one is enough"),
                            marks);
    }
}

static void
check (sl_context *cx)
{
    for (guint i = 0; i < cx->doc->segments->len; i++) {
        const sl_segment *segment = g_ptr_array_index (cx->doc->segments, i);
        if (segment->kind == SL_SEGMENT_BODY)
            check_segment (cx, segment);
    }
}

const sl_family sl_family_punctuation = { "punctuation", rules, G_N_ELEMENTS (rules), check };
