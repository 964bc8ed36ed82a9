/* kind.c: is the draft bulk mail or a transactional message? The
 * bulk-mail duties (an unsubscribe link, List-Unsubscribe, the sender's
 * contact details) apply to newsletters and promotions, not to a receipt,
 * an invoice, a quote or a password reset. --bulk and --transactional
 * decide; otherwise a reply (In-Reply-To or References), or two different
 * transactional signals (in the five languages, wordlists/transactional.txt)
 * in the subject and body, make a draft transactional.
 */
#include "config.h"

#include "kind.h"
#include "rules/rules.h"
#include "text/fold.h"

#define SIGNALS_NEEDED 2

static unsigned
count_signals (const spamlint_engine *engine, sl_doc *doc)
{
    if (engine->transactional == NULL)
        return 0;
    GHashTable *seen = g_hash_table_new (g_direct_hash, g_direct_equal);
    pcre2_match_data *match_data = pcre2_match_data_create (1, NULL);
    sl_folded folded;
    sl_folded_init (&folded);
    for (guint i = 0; i < doc->segments->len; i++) {
        const sl_segment *segment = g_ptr_array_index (doc->segments, i);
        sl_fold (&folded, segment->map.text, segment->map.len);
        gsize pos = 0, start, end;
        const sl_phrase *phrase;
        int rc;
        while ((rc = sl_wordlist_next (engine->transactional, folded.text->str, folded.text->len,
                                       &pos, match_data, engine->match_context,
                                       engine->wordlist_match_options, &start, &end, &phrase)) > 0)
            g_hash_table_add (seen, (gpointer) phrase);
        if (rc < 0 && !doc->match_limit_noted) {
            /* told once per draft, where the failed match started */
            guint32 at = pos < folded.text->len
                             ? segment->map.src[g_array_index (folded.from, guint32, pos)]
                             : segment->anchor;
            sl_doc_note_limit (doc, at, sl_match_error_message (engine, rc));
            doc->match_limit_noted = TRUE;
        }
    }
    unsigned n = g_hash_table_size (seen);
    sl_folded_clear (&folded);
    pcre2_match_data_free (match_data);
    g_hash_table_destroy (seen);
    return n;
}

void
sl_classify_kind (const spamlint_engine *engine, sl_doc *doc)
{
    switch (engine->kind) {
    case SPAMLINT_KIND_BULK:
        doc->transactional = FALSE;
        break;
    case SPAMLINT_KIND_TRANSACTIONAL:
        doc->transactional = TRUE;
        break;
    case SPAMLINT_KIND_AUTO:
    default:
        /* a reply (In-Reply-To, References) is one-to-one mail, not bulk */
        doc->transactional = doc->is_reply || count_signals (engine, doc) >= SIGNALS_NEEDED;
        doc->kind_detected = doc->transactional;
        break;
    }
}
