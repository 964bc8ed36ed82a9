/* caps.c: capital letters in the body text.
 *
 * caps-ratio: the share of upper-case letters over the whole body, once
 * there are enough letters to judge (acronyms of up to four letters, merge
 * tags, URLs and addresses left out). caps-shouting: a run of all-caps
 * words on one line: three or more, or two followed by a run of
 * exclamation marks ("OFFRE EXCEPTIONNELLE !!!"), which shouts just as loud.
 * A run ends at a line break, a word with lower case, a code with digits
 * (FR12, B2B) or a sentence mark, so "PDF. SIRET 123, TVA FR12" is quiet.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rules/rules.h"
#include "text/words.h"
#include "text/chars.h"

static const sl_rule_info rules[] = {
    { "caps-ratio", SPAMLINT_WARNING, 1.0, 0.0,
      N_("more than half of the body's letters are capitals") },
    { "caps-shouting", SPAMLINT_WARNING, 0.5, 2.0,
      N_("three or more words in capitals in a row") },
};

#define CAPS_MIN_LETTERS 200
#define CAPS_WARNING_RATIO 0.50
#define CAPS_ERROR_RATIO 0.75
#define ACRONYM_MAX_LETTERS 4
#define SHOUTING_MIN_WORDS 3

static void
check_ratio (sl_context *cx)
{
    unsigned upper = 0, letters = 0;
    for (guint i = 0; i < cx->doc->segments->len; i++) {
        const sl_segment *segment = g_ptr_array_index (cx->doc->segments, i);
        if (segment->kind != SL_SEGMENT_BODY)
            continue;
        const GArray *words = sl_segment_words (segment);
        for (guint w = 0; w < words->len; w++) {
            const sl_word word = g_array_index (words, sl_word, w);
            if (sl_word_is_caps (&word) && word.letters <= ACRONYM_MAX_LETTERS)
                continue;
            upper += word.upper;
            letters += word.letters;
        }
    }
    if (letters < CAPS_MIN_LETTERS)
        return;
    double ratio = (double) upper / letters;
    if (ratio <= CAPS_WARNING_RATIO)
        return;
    gboolean error = ratio > CAPS_ERROR_RATIO;
    sl_report (cx, "caps-ratio", error ? SPAMLINT_ERROR : SPAMLINT_WARNING,
               error ? 2.0 : 1.0, cx->doc->body_anchor, cx->doc->body_anchor, NULL, NULL,
               _("%.0f %% of the letters are capitals: write in sentence case"),
               ratio * 100.0);
}

/* Two or more '!' (or '?!', '!?') right after offset I, spaces allowed. */
static gboolean
exclamation_run_follows (const char *text, gsize len, gsize i)
{
    unsigned marks = 0, bangs = 0;
    while (i < len) {
        gunichar c = sl_char_at (text, len, i);
        if (c == '!' || c == 0xFF01) {
            marks++;
            bangs++;
        } else if (c == '?' || c == 0xFF1F) {
            marks++;
        } else if (marks > 0 || !(c == ' ' || c == 0x00A0 || c == 0x202F || c == '\t')) {
            break;
        }
        i = (gsize) (g_utf8_next_char (text + i) - text);
    }
    return marks >= 2 && bangs >= 1;
}

/* "-----BEGIN PGP SIGNATURE-----": armour lines are markers, not prose. */
static gboolean
in_marker_line (const char *text, gsize start)
{
    gsize line = start;
    while (line > 0 && text[line - 1] != '\n')
        line--;
    while (text[line] == ' ' || text[line] == '\t' || text[line] == '>')
        line++;
    return strncmp (text + line, "-----", 5) == 0;
}

static void
report_run (sl_context *cx, const sl_segment *segment, gsize start, gsize end, unsigned count)
{
    if (in_marker_line (segment->map.text, start))
        return;
    if (count < SHOUTING_MIN_WORDS
        && !(count == 2 && exclamation_run_follows (segment->map.text, segment->map.len, end)))
        return;
    sl_report_span (cx, segment, start, end, "caps-shouting", SPAMLINT_WARNING, 0.5,
                    ngettext ("%u word in capitals reads as shouting: write it in sentence case",
                              "%u words in capitals in a row read as shouting: write them in sentence case",
                              count),
                    count);
}

/* A run of capitals ends at a sentence or clause mark between two words. */
static gboolean
gap_breaks_run (const char *text, gsize from, gsize to)
{
    for (gsize k = from; k < to; k++)
        if (strchr (".!?;:", text[k]) != NULL)
            return TRUE;
    return FALSE;
}

static gboolean
has_digit (const char *text, const sl_word *word)
{
    for (gsize k = word->start; k < word->end; k++)
        if (g_ascii_isdigit (text[k]))
            return TRUE;
    return FALSE;
}

static void
check_shouting (sl_context *cx, const sl_segment *segment)
{
    const char *text = segment->map.text;
    const GArray *words = sl_segment_words (segment);
    unsigned count = 0;
    gsize run_start = 0, run_end = 0;
    for (guint w = 0; w < words->len; w++) {
        const sl_word word = g_array_index (words, sl_word, w);
        gboolean code = word.letters > 0 && has_digit (text, &word);
        if (count > 0 && (word.after_break || code || word.lower > 0
                          || gap_breaks_run (text, run_end, word.start))) {
            report_run (cx, segment, run_start, run_end, count);
            count = 0;
        }
        if (sl_word_is_caps (&word) && !code) {
            if (count == 0)
                run_start = word.start;
            run_end = word.end;
            count++;
        }
        /* numbers and one-letter capitals neither count nor break a run */
    }
    if (count > 0)
        report_run (cx, segment, run_start, run_end, count);
}

static void
check (sl_context *cx)
{
    check_ratio (cx);
    for (guint i = 0; i < cx->doc->segments->len; i++) {
        const sl_segment *segment = g_ptr_array_index (cx->doc->segments, i);
        if (segment->kind == SL_SEGMENT_BODY)
            check_shouting (cx, segment);
    }
}

const sl_family sl_family_caps = {
    .name = "caps", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
};
