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
#include "text/fold.h"

#define SIGNALS_NEEDED 2

static unsigned
count_signals (const spamlint_engine *engine, const sl_doc *doc)
{
    if (engine->transactional == NULL)
        return 0;
    GHashTable *seen = g_hash_table_new (g_direct_hash, g_direct_equal);
    for (guint i = 0; i < doc->segments->len; i++) {
        const sl_folded *folded = sl_segment_folded (g_ptr_array_index (doc->segments, i));
        gsize pos = 0, start, end;
        const sl_phrase *phrase;
        while (sl_wordlist_next (engine->transactional, folded->text->str, folded->text->len,
                                 &pos, &start, &end, &phrase))
            g_hash_table_add (seen, (gpointer) phrase);
    }
    unsigned n = g_hash_table_size (seen);
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
