/* phrase.c: spam-phrase, the word lists matched against every text.
 *
 * Each segment is folded once (case, accents, white space) and every list
 * runs over the folded text; a match that overlaps an allow-listed phrase
 * (unsubscribe, désinscription...), lies in a URL or an e-mail address, or
 * was already reported by another list is dropped. In the subject a phrase counts one and a half times.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "rules/rules.h"
#include "text/fold.h"
#include "text/words.h"

static const sl_rule_info rules[] = {
    { "spam-phrase", SPAMLINT_WARNING, 0.0, 0.0,
      N_("a phrase from the spam word lists (free, act now, gratuit...)") },
};

#define SUBJECT_FACTOR 1.5

static gboolean
overlaps (const GArray *spans, gsize start, gsize end)
{
    for (guint i = 0; i < spans->len; i++) {
        const sl_span *s = &g_array_index (spans, sl_span, i);
        if (start < s->end && s->start < end)
            return TRUE;
    }
    return FALSE;
}

static void
collect (sl_context *cx, const sl_wordlist *list, const sl_folded *folded, GArray *spans)
{
    gsize pos = 0, start, end;
    const sl_phrase *phrase;
    while (sl_wordlist_next (list, folded->text->str, folded->text->len, &pos,
                             cx->match_data, cx->engine->match_context,
                             &start, &end, &phrase)) {
        sl_span span = { start, end };
        g_array_append_val (spans, span);
    }
}

static void
check_segment (sl_context *cx, const sl_segment *segment, sl_folded *folded,
               GArray *taken, GArray *addresses)
{
    g_array_set_size (addresses, 0);
    sl_find_addresses (segment->map.text, segment->map.len, addresses);
    sl_fold (folded, segment->map.text, segment->map.len);
    const guint32 *from = (const guint32 *) (void *) folded->from->data;
    g_array_set_size (taken, 0);
    if (cx->engine->allow)
        collect (cx, cx->engine->allow, folded, taken);

    double factor = segment->kind == SL_SEGMENT_SUBJECT ? SUBJECT_FACTOR : 1.0;
    for (guint l = 0; l < cx->engine->phrase_lists->len; l++) {
        const sl_language_list *ll = g_ptr_array_index (cx->engine->phrase_lists, l);
        gsize pos = 0, start, end;
        const sl_phrase *phrase;
        while (sl_wordlist_next (ll->list, folded->text->str, folded->text->len, &pos,
                                 cx->match_data, cx->engine->match_context,
                                 &start, &end, &phrase)) {
            if (overlaps (taken, start, end))
                continue;
            gsize text_start = from[start];
            gsize text_end = sl_utf8_char_end (segment->map.text, segment->map.len, from[end - 1]);
            if (overlaps (addresses, text_start, text_end))
                continue;
            sl_span span = { start, end };
            g_array_append_val (taken, span);
            sl_report_span (cx, segment, text_start, text_end, "spam-phrase",
                            SPAMLINT_WARNING, phrase->weight * factor,
                            _("spam trigger phrase \"%s\" (%s): say it in plain words"),
                            phrase->text, phrase->category);
        }
    }
}

static void
check (sl_context *cx)
{
    sl_folded folded;
    sl_folded_init (&folded);
    GArray *taken = g_array_new (FALSE, FALSE, sizeof (sl_span));
    GArray *addresses = g_array_new (FALSE, FALSE, sizeof (sl_span));
    for (guint i = 0; i < cx->doc->segments->len; i++)
        check_segment (cx, g_ptr_array_index (cx->doc->segments, i), &folded, taken, addresses);
    g_array_free (addresses, TRUE);
    g_array_free (taken, TRUE);
    sl_folded_clear (&folded);
}

const sl_family sl_family_phrase = { "phrase", rules, G_N_ELEMENTS (rules), check };
