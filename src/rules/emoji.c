/* emoji.c: emoji in the body and the subject. A few emoji are fine; runs
 * of them, a body dense with them, or several in a subject are what bulk
 * senders do and what filters count. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "rules/rules.h"
#include "text/emoji_scan.h"
#include "text/words.h"

static const sl_rule_info rules[] = {
    { "emoji-run", SPAMLINT_WARNING, 0.5, 1.5, N_("three or more emoji in a row") },
    { "emoji-density", SPAMLINT_WARNING, 1.0, 0.0,
      N_("more than one emoji per 25 words of body text (at least 4 emoji)") },
    { "subject-emoji", SPAMLINT_WARNING, 0.5, 0.0, N_("more than one emoji in the subject") },
};

#define RUN_MIN 3
#define DENSITY_WORDS 25
#define DENSITY_MIN_EMOJI 4

static gboolean
only_spaces (const char *text, gsize from, gsize to)
{
    for (gsize k = from; k < to; k++)
        if (text[k] != ' ' && text[k] != '\t')
            return FALSE;
    return TRUE;
}

/* Runs of emoji (spaces between them allowed); returns the emoji count. */
static unsigned
check_runs (sl_context *cx, const sl_segment *segment)
{
    const char *text = segment->map.text;
    gsize len = segment->map.len, pos = 0, start, end;
    gsize run_start = 0, run_end = 0;
    unsigned run = 0, total = 0;
    while (sl_emoji_next (cx->engine->emoji, text, len, &pos, cx->match_data, &start, &end)) {
        total++;
        if (run > 0 && only_spaces (text, run_end, start)) {
            run++;
        } else {
            if (run >= RUN_MIN)
                sl_report_span (cx, segment, run_start, run_end, "emoji-run", SPAMLINT_WARNING,
                                0.5, _("%u emoji in a row: keep one, if any"), run);
            run = 1;
            run_start = start;
        }
        run_end = end;
    }
    if (run >= RUN_MIN)
        sl_report_span (cx, segment, run_start, run_end, "emoji-run", SPAMLINT_WARNING, 0.5,
                        _("%u emoji in a row: keep one, if any"), run);
    return total;
}

static unsigned
count_words (const sl_segment *segment)
{
    const GArray *words = sl_segment_words (segment);
    unsigned count = 0;
    for (guint w = 0; w < words->len; w++)
        count += g_array_index (words, sl_word, w).letters > 0;
    return count;
}

static void
check_subject (sl_context *cx, const sl_segment *segment)
{
    gsize pos = 0, start, end, first = 0;
    unsigned count = 0;
    while (sl_emoji_next (cx->engine->emoji, segment->map.text, segment->map.len, &pos,
                          cx->match_data, &start, &end)) {
        if (count++ == 0)
            first = start;
    }
    if (count > 1)
        sl_report_span (cx, segment, first, end, "subject-emoji", SPAMLINT_WARNING, 0.5,
                        _("%u emoji in the subject: one at most"), count);
}

static void
check (sl_context *cx)
{
    unsigned emoji = 0, words = 0;
    guint32 first_emoji = 0;
    gboolean seen = FALSE;
    for (guint i = 0; i < cx->doc->segments->len; i++) {
        const sl_segment *segment = g_ptr_array_index (cx->doc->segments, i);
        if (segment->kind == SL_SEGMENT_SUBJECT) {
            check_subject (cx, segment);
            continue;
        }
        unsigned n = check_runs (cx, segment);
        if (n > 0 && !seen) {
            gsize pos = 0, start, end;
            sl_emoji_next (cx->engine->emoji, segment->map.text, segment->map.len, &pos,
                           cx->match_data, &start, &end);
            first_emoji = segment->map.src[start];
            seen = TRUE;
        }
        emoji += n;
        words += count_words (segment);
    }
    if (emoji >= DENSITY_MIN_EMOJI && (double) emoji * DENSITY_WORDS > words)
        sl_report (cx, "emoji-density", SPAMLINT_WARNING, 1.0, first_emoji, first_emoji, NULL,
                   NULL, _("%u emoji for %u words: keep them rare, one per paragraph at most"),
                   emoji, words);
}

const sl_family sl_family_emoji = {
    .name = "emoji", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
};
