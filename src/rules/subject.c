/* subject.c: the Subject header (or --subject): missing, capitals,
 * exclamation marks, length, a "Re:" that answers nothing. Only drafts
 * that have headers are judged. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rules/rules.h"
#include "text/words.h"

static const sl_rule_info rules[] = {
    { "subject-missing", SPAMLINT_ERROR, 2.0, 0.0, N_("no subject, or an empty one") },
    { "subject-caps", SPAMLINT_WARNING, 1.5, 0.0,
      N_("the subject is in capitals, or most of its words are") },
    { "subject-exclamation", SPAMLINT_WARNING, 0.5, 0.0,
      N_("an exclamation mark in the subject (two or more: error)") },
    { "subject-length", SPAMLINT_NOTE, 0.0, 0.0,
      N_("a subject longer than 78 characters (most clients cut it earlier)") },
    { "subject-fake-reply", SPAMLINT_ERROR, 2.0, 0.0,
      N_("a subject starting with Re:, Fwd: or TR: in a message that answers nothing") },
};

#define SUBJECT_MAX_LENGTH 78

#define SUBJECT_CAPS_MIN_LETTERS 10

static const sl_segment *
find_subject (const sl_doc *doc)
{
    for (guint i = 0; i < doc->segments->len; i++) {
        const sl_segment *segment = g_ptr_array_index (doc->segments, i);
        if (segment->kind == SL_SEGMENT_SUBJECT)
            return segment;
    }
    return NULL;
}

/* Length of a reply or forward prefix ("Re:", "Fwd :", "TR:"...) at S. */
gsize sl_subject_prefix_length (const char *s);

gsize
sl_subject_prefix_length (const char *s)
{
    static const char *const prefixes[] = {
        "fwd", "fw", "re", "tr", "aw", "wg", "rv", "r", "i", NULL
    };
    for (guint p = 0; prefixes[p]; p++) {
        gsize n = strlen (prefixes[p]);
        if (g_ascii_strncasecmp (s, prefixes[p], n) != 0)
            continue;
        gsize k = n;
        while (s[k] == ' ')
            k++;
        if (s[k] == ':')
            return k + 1;
    }
    return 0;
}

/* Offset of the subject after its reply/forward prefixes and spaces. */
static gsize
skip_prefixes (const char *text)
{
    gsize i = 0;
    for (;;) {
        while (text[i] == ' ' || text[i] == '\t')
            i++;
        gsize n = sl_subject_prefix_length (text + i);
        if (n == 0)
            return i;
        i += n;
    }
}

static void
check_caps (sl_context *cx, const sl_segment *subject)
{
    const char *text = subject->map.text;
    gsize len = subject->map.len;
    gsize start = skip_prefixes (text);
    unsigned letters = 0, upper = 0, words = 0, caps_words = 0;
    gsize first = len, last = start;
    sl_word_iter it;
    sl_word word;
    sl_word_iter_init (&it, text + start, len - start);
    while (sl_word_iter_next (&it, &word)) {
        if (word.letters == 0)
            continue;
        words++;
        caps_words += sl_word_is_caps (&word);
        letters += word.letters;
        upper += word.upper;
        first = MIN (first, start + word.start);
        last = start + word.end;
    }
    if (words == 0)
        return;
    gboolean all_caps = upper == letters && letters >= SUBJECT_CAPS_MIN_LETTERS
                        && memchr (text + first, ' ', last - first) != NULL;
    /* one capitalised word (a PDF, an acronym) is not a shouting subject */
    if (!all_caps && (caps_words < 2 || caps_words * 2 <= words))
        return;
    sl_report_span (cx, subject, first, last, "subject-caps", SPAMLINT_WARNING, 1.5,
                    _("the subject is written in capitals: write it in sentence case"));
}

static void
check_exclamation (sl_context *cx, const sl_segment *subject)
{
    const char *text = subject->map.text;
    const char *bang = strchr (text, '!');
    if (bang == NULL)
        return;
    /* prefer the first run of two or more: it is the worse problem */
    for (const char *p = bang; p; p = strchr (p + 1, '!')) {
        if (p[1] == '!') {
            gsize end = (gsize) (p - text);
            while (text[end] == '!')
                end++;
            sl_report_span (cx, subject, (gsize) (p - text), end, "subject-exclamation",
                            SPAMLINT_ERROR, 1.5,
                            _("exclamation marks in the subject look like spam: remove them"));
            return;
        }
    }
    sl_report_span (cx, subject, (gsize) (bang - text), (gsize) (bang - text) + 1,
                    "subject-exclamation", SPAMLINT_WARNING, 0.5,
                    _("an exclamation mark in the subject looks pushy: end it with a period or nothing"));
}

static void
check_length (sl_context *cx, const sl_segment *subject)
{
    const char *text = subject->original;
    glong length = g_utf8_strlen (text, -1);
    if (length <= SUBJECT_MAX_LENGTH)
        return;
    /* point at the first character that may be cut */
    gsize cut = (gsize) (g_utf8_offset_to_pointer (text, SUBJECT_MAX_LENGTH) - text);
    sl_report_span (cx, subject, cut, subject->map.len, "subject-length", SPAMLINT_NOTE, 0.0,
                    _("the subject has %ld characters: most mail clients show 40 to 70, put what matters first"),
                    length);
}

static void
check_fake_reply (sl_context *cx, const sl_segment *subject)
{
    const char *text = subject->original;
    gsize i = 0;
    while (text[i] == ' ' || text[i] == '\t')
        i++;
    gsize n = sl_subject_prefix_length (text + i);
    if (n == 0 || cx->doc->is_reply)
        return;
    sl_report_span (cx, subject, i, i + n, "subject-fake-reply", SPAMLINT_ERROR, 2.0,
                    _("the subject says it is a reply or a forward, but the message answers nothing: remove the prefix"));
}

static gboolean
is_blank (const char *text)
{
    for (const char *p = text; *p; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
            return FALSE;
    return TRUE;
}

static void
check (sl_context *cx)
{
    const sl_doc *doc = cx->doc;
    /* an .eml, or a draft given --subject */
    if (!doc->has_headers && !doc->has_subject)
        return;
    const sl_segment *subject = find_subject (doc);
    /* a subject made only of merge tags is not missing: it is blanked here */
    if (subject == NULL || (is_blank (subject->original))) {
        sl_report (cx, "subject-missing", SPAMLINT_ERROR, 2.0, doc->subject_offset,
                   doc->subject_offset, "subject", NULL,
                   subject ? _("the subject is empty: say in a few words what the message is about")
                           : _("the message has no subject: say in a few words what it is about"));
        return;
    }
    check_caps (cx, subject);
    check_exclamation (cx, subject);
    check_length (cx, subject);
    check_fake_reply (cx, subject);
}

const sl_family sl_family_subject = {
    .name = "subject", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
};
