/* mime.c: the structure of a MIME message. Filters expect an HTML mail to
 * carry a plain-text alternative, and that alternative to say the same
 * thing (spam often puts innocent text in one and the pitch in the other).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rules/rules.h"
#include "text/fold.h"
#include "text/words.h"

static const sl_rule_info rules[] = {
    { "mime-html-only", SPAMLINT_WARNING, 0.5, 0.0,
      N_("an HTML body without a text/plain alternative") },
    { "mime-parts-differ", SPAMLINT_WARNING, 1.0, 0.0,
      N_("the text/plain and text/html alternatives say different things") },
};

#define DIFFER_RATIO 0.5
#define MIN_WORD_LETTERS 3
#define MIN_HTML_WORDS 10

static const sl_segment *
first_part (const sl_doc *doc, const char *part)
{
    for (guint i = 0; i < doc->segments->len; i++) {
        const sl_segment *segment = g_ptr_array_index (doc->segments, i);
        if (segment->kind == SL_SEGMENT_BODY && strcmp (segment->part, part) == 0)
            return segment;
    }
    return NULL;
}

/* The folded words of a segment with at least three letters. */
static GHashTable *
word_set (const sl_segment *segment)
{
    GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    const GArray *words = sl_segment_words (segment);
    for (guint w = 0; w < words->len; w++) {
        const sl_word word = g_array_index (words, sl_word, w);
        if (word.letters < MIN_WORD_LETTERS)
            continue;
        char *text = g_strndup (segment->map.text + word.start, word.end - word.start);
        g_hash_table_add (set, sl_fold_string (text));
        g_free (text);
    }
    return set;
}

static void
check (sl_context *cx)
{
    const sl_doc *doc = cx->doc;
    if (doc->format != SPAMLINT_FORMAT_EML)
        return;
    const sl_segment *html = first_part (doc, "text/html");
    const sl_segment *text = first_part (doc, "text/plain");
    if (html == NULL)
        return;
    if (text == NULL) {
        sl_report (cx, "mime-html-only", SPAMLINT_WARNING, 0.5, html->part_offset, html->part_offset,
                   "text/html", NULL,
                   _("HTML without a plain-text version: add a text/plain alternative with the same content"));
        return;
    }
    GHashTable *html_words = word_set (html);
    GHashTable *text_words = word_set (text);
    guint total = g_hash_table_size (html_words), missing = 0;
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init (&it, html_words);
    while (g_hash_table_iter_next (&it, &key, NULL))
        missing += !g_hash_table_contains (text_words, key);
    if (total >= MIN_HTML_WORDS && missing > total * DIFFER_RATIO)
        sl_report (cx, "mime-parts-differ", SPAMLINT_WARNING, 1.0, text->part_offset,
                   text->part_offset, "text/plain", NULL,
                   _("%u of the %u words of the HTML are not in the plain-text version: make them say the same"),
                   missing, total);
    g_hash_table_destroy (html_words);
    g_hash_table_destroy (text_words);
}

const sl_family sl_family_mime = {
    .name = "mime", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
};
