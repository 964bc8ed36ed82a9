/* phrase.c: the word lists, matched against every text of the draft.
 *
 * spam-phrase: each segment is folded once (case, accents, white space)
 * and every list runs over the folded text. spam-phrase-obfuscated: the
 * segment is read a second time with the dodges undone (deobfuscate.c);
 * a phrase found only in that reading, over a character that was changed,
 * was disguised on purpose. A match is dropped when it overlaps an
 * allow-listed phrase (unsubscribe, désinscription...), a URL or an e-mail
 * address, or a match already reported. The lists of the text's language
 * run first, at full weight; the others count half (see engine.c). In the
 * subject a phrase counts one and a half times.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "rules/rules.h"
#include "text/deobfuscate.h"
#include "text/fold.h"
#include "text/words.h"

static const sl_rule_info rules[] = {
    { "spam-phrase", SPAMLINT_WARNING, 0.0, 0.0,
      N_("a phrase from the spam word lists (free, act now, gratuit...)") },
    { "spam-phrase-obfuscated", SPAMLINT_ERROR, 0.0, 0.0,
      N_("a listed phrase disguised to dodge filters (G R A T U I T, fr33, look-alike letters)") },
};

#define SUBJECT_FACTOR 1.5
#define OBFUSCATED_FACTOR 2.0

/* One reading of a segment: its folded text, and for the deobfuscated
 * reading which bytes of the segment were changed. */
typedef struct reading {
    sl_folded folded;
    GByteArray *touched;  /* NULL for the plain reading */
} reading;

typedef struct segment_state {
    const sl_segment *segment;
    GArray *taken;        /* sl_span in segment bytes: already reported or allowed */
    GArray *addresses;    /* sl_span in segment bytes: URLs and e-mail addresses */
    double place;         /* the subject's factor */
} segment_state;

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

static gboolean
any_touched (const GByteArray *touched, gsize start, gsize end)
{
    for (gsize k = start; k < end && k < touched->len; k++)
        if (touched->data[k])
            return TRUE;
    return FALSE;
}

/* Calls FOUND for each match of LIST in R, in segment bytes. */
static void
match_list (sl_context *cx, segment_state *st, const sl_wordlist *list, const reading *r,
            gboolean allow, double factor)
{
    const sl_segment *segment = st->segment;
    const sl_folded *folded = &r->folded;
    const guint32 *from = (const guint32 *) (void *) folded->from->data;
    gsize pos = 0, start, end;
    const sl_phrase *phrase;
    while (sl_wordlist_next (list, folded->text->str, folded->text->len, &pos,
                             cx->match_data, cx->engine->match_context,
                             &start, &end, &phrase)) {
        gsize s = from[start];
        gsize e = sl_utf8_char_end (segment->map.text, segment->map.len, from[end - 1]);
        sl_span span = { s, e };
        if (allow) {
            g_array_append_val (st->taken, span);
            continue;
        }
        if (overlaps (st->taken, s, e) || overlaps (st->addresses, s, e))
            continue;
        if (r->touched != NULL && !any_touched (r->touched, s, e))
            continue;
        g_array_append_val (st->taken, span);
        if (r->touched == NULL)
            sl_report_span (cx, segment, s, e, "spam-phrase", SPAMLINT_WARNING,
                            phrase->weight * factor,
                            _("spam trigger phrase \"%s\" (%s): say it in plain words"),
                            phrase->text, phrase->category);
        else
            sl_report_span (cx, segment, s, e, "spam-phrase-obfuscated", SPAMLINT_ERROR,
                            phrase->weight * factor * OBFUSCATED_FACTOR,
                            _("disguised spam phrase \"%s\" (%s): filters see through it; write plain words"),
                            phrase->text, phrase->category);
    }
}

static void
match_lists (sl_context *cx, segment_state *st, const reading *r)
{
    if (cx->engine->allow)
        match_list (cx, st, cx->engine->allow, r, TRUE, 0.0);
    /* full-weight lists first, so that a phrase both lists know (promo)
     * is counted at the weight of the text's own language */
    for (int pass = 0; pass < 2; pass++)
        for (guint l = 0; l < cx->engine->phrase_lists->len; l++) {
            const sl_language_list *ll = g_ptr_array_index (cx->engine->phrase_lists, l);
            double factor = sl_list_factor (ll, st->segment->language, cx->engine);
            if ((pass == 0) == (factor >= 1.0))
                match_list (cx, st, ll->list, r, FALSE, st->place * factor);
        }
}

static void
check (sl_context *cx)
{
    reading plain = { { 0 }, NULL };
    reading hidden = { { 0 }, g_byte_array_new () };
    sl_folded_init (&plain.folded);
    sl_folded_init (&hidden.folded);
    segment_state st = { NULL, g_array_new (FALSE, FALSE, sizeof (sl_span)),
                         g_array_new (FALSE, FALSE, sizeof (sl_span)), 1.0 };
    for (guint i = 0; i < cx->doc->segments->len; i++) {
        st.segment = g_ptr_array_index (cx->doc->segments, i);
        st.place = st.segment->kind == SL_SEGMENT_SUBJECT ? SUBJECT_FACTOR : 1.0;
        g_array_set_size (st.taken, 0);
        g_array_set_size (st.addresses, 0);
        sl_find_addresses (st.segment->map.text, st.segment->map.len, st.addresses);

        sl_fold (&plain.folded, st.segment->map.text, st.segment->map.len);
        match_lists (cx, &st, &plain);
        sl_deobfuscate (&hidden.folded, hidden.touched, st.segment->map.text, st.segment->map.len);
        match_lists (cx, &st, &hidden);
    }
    g_array_free (st.taken, TRUE);
    g_array_free (st.addresses, TRUE);
    sl_folded_clear (&plain.folded);
    sl_folded_clear (&hidden.folded);
    g_byte_array_free (hidden.touched, TRUE);
}

const sl_family sl_family_phrase = {
    .name = "phrase", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
};
