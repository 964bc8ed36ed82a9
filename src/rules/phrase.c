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
#include <string.h>

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

/* The categories of the word lists, named in the user's language. */
static const char *const categories[] = {
    N_("free"), N_("money"), N_("urgency"), N_("pressure"), N_("guarantee"), N_("winner"),
    N_("offer"), N_("health"), N_("finance"), N_("credit"), N_("adult"), N_("scam"),
    N_("marketing"), NULL
};

static const char *
category_name (const char *category)
{
    for (guint i = 0; categories[i]; i++)
        if (strcmp (categories[i], category) == 0)
            return _(categories[i]);
    return category;
}

#define SUBJECT_FACTOR 1.5
#define OBFUSCATED_FACTOR 2.0

/* One reading of a segment: its folded text, and for the deobfuscated
 * reading which bytes of the segment were changed. */
typedef struct reading {
    const sl_folded *folded;
    GByteArray *touched;  /* NULL for the plain reading */
} reading;

typedef struct segment_state {
    const sl_segment *segment;
    /* one byte per byte of the segment, non-zero where no new match may
     * fall: already reported, allowed, or a URL or address (a mask keeps
     * this linear on a draft with thousands of matches) */
    GByteArray *taken;
    GArray *addresses;    /* sl_span scratch for sl_find_addresses */
    gboolean addresses_taken;
    double place;         /* the subject's factor */
} segment_state;

static gboolean
overlaps (const GByteArray *taken, gsize start, gsize end)
{
    for (gsize k = start; k < end && k < taken->len; k++)
        if (taken->data[k])
            return TRUE;
    return FALSE;
}

static void
take (GByteArray *taken, gsize start, gsize end)
{
    if (end > taken->len)
        end = taken->len;
    if (start < end)
        memset (taken->data + start, 1, end - start);
}

static gboolean
any_touched (const GByteArray *touched, gsize start, gsize end)
{
    for (gsize k = start; k < end && k < touched->len; k++)
        if (touched->data[k])
            return TRUE;
    return FALSE;
}

/* A match of a list in one reading, in segment bytes. */
typedef struct candidate {
    gsize start, end;
    const sl_phrase *phrase;
    double factor;
    const sl_language_list *list;  /* whose phrase; NULL before owners are known */
} candidate;

static void
collect (sl_context *cx, const segment_state *st, const sl_wordlist *list, const reading *r,
         double factor, GArray *out)
{
    const sl_segment *segment = st->segment;
    const sl_folded *folded = r->folded;
    const guint32 *from = (const guint32 *) (void *) folded->from->data;
    gsize pos = 0, start, end;
    const sl_phrase *phrase;
    while (sl_wordlist_next (list, folded->text->str, folded->text->len, &pos, &start,
                             &end, &phrase)) {
        if (sl_time_up (cx))
            return;
        /* overlapping phrases are all candidates ("save big bucks"): the
         * longest wins below, whichever list or pattern holds it */
        pos = (gsize) (g_utf8_next_char (folded->text->str + start) - folded->text->str);
        candidate c = { from[start],
                        sl_utf8_char_end (segment->map.text, segment->map.len, from[end - 1]),
                        phrase, factor, NULL };
        /* the disguised reading keeps only what a disguise changed */
        if (r->touched != NULL && !any_touched (r->touched, c.start, c.end))
            continue;
        g_array_append_val (out, c);
    }
}

/* Longest first, then the heavier list (the text's own language), then
 * the earlier: a user's "bon plan argent" wins over the built-in "bon plan". */
static int
compare_candidates (gconstpointer a, gconstpointer b)
{
    const candidate *x = a, *y = b;
    gsize lx = x->end - x->start, ly = y->end - y->start;
    if (lx != ly)
        return lx > ly ? -1 : 1;
    if (x->factor != y->factor)
        return x->factor > y->factor ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Every phrase of every list in one pass over the union of the lists; a
 * phrase several lists know is a candidate once per list. */
static void
collect_all (sl_context *cx, const segment_state *st, const reading *r, GArray *out)
{
    GArray *keys = g_array_new (FALSE, FALSE, sizeof (candidate));
    collect (cx, st, cx->engine->all_phrases, r, 1.0, keys);
    for (guint i = 0; i < keys->len; i++) {
        candidate key = g_array_index (keys, candidate, i);
        const guint32 *owners_start = cx->engine->owners_start;
        for (guint32 k = owners_start[key.phrase->index]; k < owners_start[key.phrase->index + 1];
             k++) {
            const sl_phrase_owner *owner = &cx->engine->phrase_owners[k];
            candidate c = { key.start, key.end, owner->phrase,
                            sl_list_factor (owner->list, st->segment->language, cx->engine),
                            owner->list };
            g_array_append_val (out, c);
        }
    }
    g_array_free (keys, TRUE);
}

/* The segment's URLs and addresses, taken before the first candidate is
 * weighed, and only then: finding them is another pass over the segment,
 * and most of a template's segments have no candidate. */
static void
take_addresses (segment_state *st)
{
    if (st->addresses_taken)
        return;
    st->addresses_taken = TRUE;
    g_array_set_size (st->addresses, 0);
    sl_find_addresses (st->segment->map.text, st->segment->map.len, st->addresses);
    for (guint a = 0; a < st->addresses->len; a++)
        take (st->taken, g_array_index (st->addresses, sl_span, a).start,
              g_array_index (st->addresses, sl_span, a).end);
}

static void
report_reading (sl_context *cx, segment_state *st, const reading *r)
{
    GArray *found = g_array_new (FALSE, FALSE, sizeof (candidate));
    collect_all (cx, st, r, found);
    if (found->len > 0)
        take_addresses (st);
    g_array_sort (found, compare_candidates);
    for (guint i = 0; i < found->len; i++) {
        const candidate *c = &g_array_index (found, candidate, i);
        if (overlaps (st->taken, c->start, c->end))
            continue;
        take (st->taken, c->start, c->end);
        double points = c->phrase->weight * c->factor * st->place
                        * sl_engine_phrase_factor (cx->engine, c->list, c->phrase->category,
                                                   r->touched != NULL);
        if (r->touched == NULL)
            sl_report_span (cx, st->segment, c->start, c->end, "spam-phrase", SPAMLINT_WARNING,
                            points, _("spam trigger phrase \"%s\" (%s): say it in plain words"),
                            c->phrase->text, category_name (c->phrase->category));
        else
            sl_report_span (cx, st->segment, c->start, c->end, "spam-phrase-obfuscated",
                            SPAMLINT_ERROR, points * OBFUSCATED_FACTOR,
                            _("disguised spam phrase \"%s\" (%s): filters see through it; write plain words"),
                            c->phrase->text, category_name (c->phrase->category));
    }
    g_array_free (found, TRUE);
}

/* Allow-listed phrases (unsubscribe...) in a reading: never reported. */
static void
take_allowed (sl_context *cx, segment_state *st, const reading *r)
{
    if (cx->engine->allow == NULL)
        return;
    reading plain = { r->folded, NULL };
    GArray *found = g_array_new (FALSE, FALSE, sizeof (candidate));
    collect (cx, st, cx->engine->allow, &plain, 1.0, found);
    for (guint i = 0; i < found->len; i++) {
        const candidate *c = &g_array_index (found, candidate, i);
        take (st->taken, c->start, c->end);
    }
    g_array_free (found, TRUE);
}

static void
check (sl_context *cx)
{
    sl_folded disguised;
    sl_folded_init (&disguised);
    reading hidden = { &disguised, g_byte_array_new () };
    segment_state st = { NULL, g_byte_array_new (), g_array_new (FALSE, FALSE, sizeof (sl_span)),
                         FALSE, 1.0 };
    for (guint i = 0; i < cx->doc->segments->len && !sl_time_up_now (cx); i++) {
        st.segment = g_ptr_array_index (cx->doc->segments, i);
        st.place = st.segment->kind == SL_SEGMENT_SUBJECT ? SUBJECT_FACTOR : 1.0;
        g_byte_array_set_size (st.taken, (guint) st.segment->map.len);
        if (st.taken->len)
            memset (st.taken->data, 0, st.taken->len);
        st.addresses_taken = FALSE;

        reading plain = { sl_segment_folded (st.segment), NULL };
        gboolean disguise = sl_deobfuscate (&disguised, hidden.touched, st.segment->map.text,
                                            st.segment->map.len);
        take_allowed (cx, &st, &plain);
        /* the disguised reading first: "DINERΟ GRATIS" is one disguised
         * phrase, not the plain "gratis"; a text with no disguise at all
         * (the common case) reads as the plain one */
        if (disguise) {
            take_allowed (cx, &st, &hidden);
            report_reading (cx, &st, &hidden);
        }
        report_reading (cx, &st, &plain);
    }
    g_byte_array_free (st.taken, TRUE);
    g_array_free (st.addresses, TRUE);
    sl_folded_clear (&disguised);
    g_byte_array_free (hidden.touched, TRUE);
}

const sl_family sl_family_phrase = {
    .name = "phrase", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
};
