/* spelling.c: spelling and spelling-ratio, through the hunspell dictionary
 * of the text's language (text/speller.c). Typos make a mailing look
 * careless, and filters count them: bulk spam is full of them.
 *
 * Not checked: names (a capitalised word that does not start a sentence),
 * acronyms and words in capitals, words with digits (codes, references),
 * URLs, addresses and merge tags. Without a dictionary for the language
 * the rules say so once, in a note, and check nothing.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rules/rules.h"
#include "text/speller.h"
#include "text/words.h"

static const sl_rule_info rules[] = {
    { "spelling", SPAMLINT_NOTE, 0.0, 0.0,
      N_("a word the dictionary of the draft's language does not know") },
    { "spelling-ratio", SPAMLINT_WARNING, 1.0, 0.0,
      /* xgettext:no-c-format */
      N_("more than 3 % of the words are misspelled (at least 5)") },
};

#define RATIO_PERCENT 3
#define RATIO_MIN_WRONG 5
/* a suggestion costs 10 to 150 ms: only when asked, and a few per draft */
#define MAX_SUGGESTIONS 5

typedef struct spell_counts {
    unsigned checked;
    unsigned wrong;
    unsigned suggested;
} spell_counts;

/* Whether the word at START begins a sentence: nothing but white space
 * and opening punctuation since the start or since . ! ? … or a break. */
static gboolean
starts_sentence (const char *text, gsize start)
{
    while (start > 0) {
        const char *prev = g_utf8_find_prev_char (text, text + start);
        gunichar c = g_utf8_get_char (prev);
        start = (gsize) (prev - text);
        if (c == '.' || c == '!' || c == '?' || c == 0x2026 || c == '\n')
            return TRUE;
        if (!(g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == '"' || c == '('
              || c == 0x00AB || c == 0x201C || c == '-' || c == 0x2014 || c == 0x2022))
            return FALSE;
    }
    return TRUE;
}

static gboolean
worth_checking (const char *text, const sl_word *word)
{
    if (word->letters < 2 || word->lower == 0)
        return FALSE; /* one letter, numbers, acronyms and capitals */
    for (gsize k = word->start; k < word->end; k++)
        if (g_ascii_isdigit (text[k]) || text[k] == '_')
            return FALSE;
    gunichar first = g_utf8_get_char (text + word->start);
    if (g_unichar_isupper (first) && !starts_sentence (text, word->start))
        return FALSE; /* a name */
    if (word->upper > 1)
        return FALSE; /* camelCase brands, McDonald */
    return TRUE;
}

/* The word with typographic apostrophes made plain, as dictionaries spell. */
static char *
plain_word (const char *text, const sl_word *word)
{
    GString *s = g_string_sized_new (word->end - word->start);
    for (const char *p = text + word->start; p < text + word->end; p = g_utf8_next_char (p)) {
        gunichar c = g_utf8_get_char (p);
        g_string_append_unichar (s, c == 0x2019 ? '\'' : c);
    }
    return g_string_free (s, FALSE);
}

static void
check_segment (sl_context *cx, sl_speller *speller, const sl_segment *segment,
               spell_counts *counts, gboolean *missing_noted)
{
    const char *text = segment->map.text;
    const GArray *words = sl_segment_words (segment);
    for (guint k = 0; k < words->len; k++) {
        const sl_word word = g_array_index (words, sl_word, k);
        if (sl_time_up (cx))
            return;
        if (!worth_checking (text, &word))
            continue;
        char *w = plain_word (text, &word);
        sl_spell_answer answer = sl_speller_check (speller, segment->language, w, strlen (w));
        if (answer == SL_SPELL_NO_DICTIONARY) {
            if (!*missing_noted)
                sl_report (cx, "spelling", SPAMLINT_NOTE, 0.0, cx->doc->body_anchor,
                           cx->doc->body_anchor, NULL, NULL,
                           _("spelling not checked: no %s dictionary (install the Debian package %s)"),
                           segment->language, sl_speller_package (segment->language));
            *missing_noted = TRUE;
            g_free (w);
            return;
        }
        counts->checked++;
        if (answer == SL_SPELL_WRONG) {
            counts->wrong++;
            char *suggestion = cx->engine->suggest && counts->suggested++ < MAX_SUGGESTIONS
                                   ? sl_speller_suggest (speller, segment->language, w, strlen (w))
                                   : NULL;
            if (suggestion)
                sl_report_span (cx, segment, word.start, word.end, "spelling", SPAMLINT_NOTE, 0.0,
                                _("\"%s\" is not in the %s dictionary: did you mean \"%s\"?"),
                                w, segment->language, suggestion);
            else
                sl_report_span (cx, segment, word.start, word.end, "spelling", SPAMLINT_NOTE, 0.0,
                                _("\"%s\" is not in the %s dictionary: check its spelling"),
                                w, segment->language);
            g_free (suggestion);
        }
        g_free (w);
    }
}

static void
check (sl_context *cx)
{
    sl_speller *speller = cx->engine->speller;
#ifndef HAVE_ENCHANT
    /* built with --without-spelling: the rules are not there at all */
    speller = NULL;
#endif
    if (speller == NULL)
        return;
    spell_counts counts = { 0, 0, 0 };
    gboolean missing_noted = FALSE;
    for (guint i = 0; i < cx->doc->segments->len; i++) {
        const sl_segment *segment = g_ptr_array_index (cx->doc->segments, i);
        if (segment->kind != SL_SEGMENT_BODY || segment->language == NULL
            || !sl_engine_has_language (cx->engine, segment->language))
            continue;
        check_segment (cx, speller, segment, &counts, &missing_noted);
    }
    /* a ratio needs every word: none when the time limit cut the check short */
    if (!cx->time_up && counts.wrong >= RATIO_MIN_WRONG
        && counts.wrong * 100 > counts.checked * RATIO_PERCENT)
        sl_report (cx, "spelling-ratio", SPAMLINT_WARNING, 1.0, cx->doc->body_anchor,
                   cx->doc->body_anchor, NULL, NULL,
                   _("%u of %u words are misspelled: proofread the draft"), counts.wrong,
                   counts.checked);
}

const sl_family sl_family_spelling = {
    .name = "spelling", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
};
