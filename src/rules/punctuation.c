/* punctuation.c: exclamation marks and money symbols in the body.
 *
 * exclamation-run: "!!", "?!", "!?" and longer. exclamation-ratio: more
 * exclamations than one sentence in three (a run counts once; sentences
 * end at . ! ? … or a line/block break). currency-run: "$$$", "€€" or an
 * amount followed by exclamation marks ("1000 €!!!", "$500!").
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rules/rules.h"
#include "text/chars.h"

static const sl_rule_info rules[] = {
    { "exclamation-run", SPAMLINT_WARNING, 0.5, 2.0,
      N_("two or more exclamation marks in a row (!!, ?!, !?)") },
    { "exclamation-ratio", SPAMLINT_WARNING, 1.0, 0.0,
      N_("more than one exclamation per three sentences of body text (at least 3)") },
    { "currency-run", SPAMLINT_WARNING, 0.5, 0.0,
      N_("repeated currency symbols ($$$, €€) or an amount followed by exclamation marks") },
};

#define RATIO_SENTENCES 3
#define RATIO_MIN 3

/* Two or more currency symbols; or an amount (symbol before or after, or
 * a currency word) then "!!" or more: "$29.95!" is a price, "1000 €!!!" a shout. */
static const char currency_pattern[] =
    "\\p{Sc}(?:\\h?\\p{Sc})+"
    "|(?:\\p{Sc}\\h?\\d(?:[\\d.,'\\h]*\\d)?"
    "|\\d(?:[\\d.,'\\h]*\\d)?\\h?(?:\\p{Sc}|(?i:eur|euros?|usd|dollars?|gbp|chf)\\b))"
    "\\h*[!\\x{FF01}]{2,}";

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

typedef struct body_counts {
    unsigned sentences;
    unsigned exclamations;
    guint32 first_exclamation;
} body_counts;

static void
check_runs (sl_context *cx, const sl_segment *segment, body_counts *counts)
{
    const char *t = segment->map.text;
    gsize len = segment->map.len, i = 0;
    gboolean sentence_open = FALSE;
    while (i < len) {
        guchar b = (guchar) t[i];
        /* ASCII other than the marks, most of a text: a byte at a time */
        if (b != 0 && b < 0x80 && b != '!' && b != '?') {
            if (g_ascii_isalnum (b)) {
                sentence_open = TRUE;
            } else if (b == '\n' || b == '.') {
                counts->sentences += sentence_open;
                sentence_open = FALSE;
            }
            i++;
            continue;
        }
        gunichar c = sl_char_at (t, len, i);
        gsize next = (gsize) (g_utf8_next_char (t + i) - t);
        if (sl_unichar_isalnum (c))
            sentence_open = TRUE;
        if (c == '\n' || c == '.' || c == 0x2026) {
            counts->sentences += sentence_open;
            sentence_open = FALSE;
        }
        if (!is_bang (c) && !is_question (c)) {
            i = next;
            continue;
        }
        gsize start = i;
        unsigned marks = 0, bangs = 0;
        while (i < len) {
            gunichar d = sl_char_at (t, len, i);
            if (!is_bang (d) && !is_question (d))
                break;
            marks++;
            bangs += is_bang (d);
            i = (gsize) (g_utf8_next_char (t + i) - t);
        }
        counts->sentences += sentence_open;
        sentence_open = FALSE;
        if (bangs == 0)
            continue;
        if (counts->exclamations++ == 0)
            counts->first_exclamation = segment->map.src[start];
        if (marks < 2)
            continue;
        if (bangs == marks)
            sl_report_span (cx, segment, start, i, "exclamation-run", SPAMLINT_WARNING, 0.5,
                            _("%u exclamation marks in a row: one is enough, none is better"),
                            marks);
        else
            sl_report_span (cx, segment, start, i, "exclamation-run", SPAMLINT_WARNING, 0.5,
                            _("mixed \"?!\" punctuation reads as shouting: keep a single mark"));
    }
    counts->sentences += sentence_open;
}

static gboolean
is_currency (gunichar c)
{
    return c == '$' || (c >= 0x80 && g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL);
}

/* Whether an amount may end just before the "!!" at BANG, as the second
 * branch of the pattern needs: past blanks, a digit, a currency symbol or
 * a currency word. Anything past ASCII may be one of these (a digit or a
 * space of another script): the answer is then yes. */
static gboolean
amount_before (const char *t, gsize bang)
{
    static const char *const words[] = { "eur", "euro", "euros", "usd", "dollar", "dollars",
                                         "gbp", "chf" };
    gsize k = bang;
    while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t'))
        k--;
    if (k == 0)
        return FALSE;
    guchar b = (guchar) t[k - 1];
    if (b >= 0x80 || g_ascii_isdigit (b) || b == '$')
        return TRUE;
    if (!g_ascii_isalpha (b))
        return FALSE;
    gsize word_end = k;
    while (k > 0 && g_ascii_isalpha (t[k - 1]))
        k--;
    if (k > 0 && (guchar) t[k - 1] >= 0x80)
        return TRUE;
    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        if (strlen (words[i]) == word_end - k && g_ascii_strncasecmp (t + k, words[i], word_end - k) == 0)
            return TRUE;
    return FALSE;
}

/* Whether the currency pattern can match at all: it needs two currency
 * symbols at most one blank apart, or "!!" after an amount (see
 * amount_before). Most texts have neither, and the pattern cannot skip
 * ahead to a currency symbol by itself. */
static gboolean
may_shout_money (const char *t, gsize len)
{
    gunichar before = 0, before2 = 0;   /* the two characters before */
    for (gsize i = 0, next; i < len; i = next) {
        gunichar c = sl_char_next (t, len, i, &next);
        if (is_currency (c)
            && (is_currency (before)
                || ((before == ' ' || before == '\t' || before >= 0x80) && is_currency (before2))))
            return TRUE;
        if (is_bang (c) && next < len && is_bang (sl_char_at (t, len, next)) && amount_before (t, i))
            return TRUE;
        before2 = before;
        before = c;
    }
    return FALSE;
}

static void
check_currency (sl_context *cx, const sl_segment *segment)
{
    const pcre2_code *re = cx->state;
    gsize pos = 0;
    if (!may_shout_money (segment->map.text, segment->map.len))
        return;
    while (pos < segment->map.len) {
        if (sl_rule_match (cx, re, segment, segment->map.text, segment->map.len, pos) < 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer (cx->match_data);
        sl_report_span (cx, segment, ov[0], ov[1], "currency-run", SPAMLINT_WARNING, 0.5,
                        _("money shouted with symbols or exclamation marks: state the price plainly"));
        pos = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
}

static void
check (sl_context *cx)
{
    body_counts counts = { 0, 0, 0 };
    for (guint i = 0; i < cx->doc->segments->len; i++) {
        const sl_segment *segment = g_ptr_array_index (cx->doc->segments, i);
        /* money shouted in the subject counts too; the subject's own
         * exclamation rule judges its "!" */
        check_currency (cx, segment);
        if (segment->kind == SL_SEGMENT_BODY)
            check_runs (cx, segment, &counts);
    }
    if (counts.exclamations >= RATIO_MIN
        && counts.exclamations * RATIO_SENTENCES > counts.sentences)
        sl_report (cx, "exclamation-ratio", SPAMLINT_WARNING, 1.0, counts.first_exclamation,
                   counts.first_exclamation, NULL, NULL,
                   _("%u exclamations in %u sentences: end most sentences with a period"),
                   counts.exclamations, counts.sentences);
}

static void *
prepare (void)
{
    return sl_rule_pattern (currency_pattern, 0);
}

static void
release (void *state)
{
    pcre2_code_free (state);
}

const sl_family sl_family_punctuation = {
    .name = "punctuation", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
    .prepare = prepare, .release = release,
};
