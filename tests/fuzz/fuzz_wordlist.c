/* fuzz_wordlist.c: libFuzzer target for word-list loading
 * (src/text/wordlist.h). The first byte says whether the list is weighted
 * ("WEIGHT CATEGORY PHRASE" lines) or not (one phrase a line); the rest is
 * the list. A list that loads is then matched against a fixed folded text
 * and against its own text folded, with the engine's PCRE2 limits.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "text/fold.h"
#include "text/wordlist.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char sample[] =
    "Bonjour ! OFFRE EXCEPTIONNELLE : 100 % gratuit, commandez maintenant, sans risque.\n"
    "Dernière chance — l’offre expire. Free gift, act now! Kostenlos, jetzt bestellen. "
    "¡Gratis! Offerta limitata. 限时优惠 今すぐ 😀 https://example.com/promo?x=1";

static volatile size_t sink;

static void
match_all (const sl_wordlist *list, const char *text, gsize len,
           pcre2_match_data *match_data, pcre2_match_context *context)
{
    sl_folded folded;
    sl_folded_init (&folded);
    sl_fold (&folded, text, len);
    gsize pos = 0, start = 0, end = 0;
    const sl_phrase *phrase = NULL;
    while (sl_wordlist_next (list, folded.text->str, folded.text->len, &pos,
                             match_data, context, 0, &start, &end, &phrase) > 0) {
        if (start > end || end > folded.text->len || pos < end)
            __builtin_trap ();
        sink += end - start + (size_t) phrase->weight;
    }
    sl_folded_clear (&folded);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    gboolean weighted = (data[0] & 1) != 0;
    const char *list_text = (const char *) data + 1;
    gsize list_len = size - 1;

    GError *error = NULL;
    sl_wordlist *list = sl_wordlist_parse ("fuzz", list_text, list_len, weighted, &error);
    if (list == NULL) {
        if (error == NULL)
            __builtin_trap (); /* NULL must come with an error */
        g_error_free (error);
        return 0;
    }

    pcre2_match_data *match_data = pcre2_match_data_create (1, NULL);
    pcre2_match_context *context = pcre2_match_context_create (NULL);
    pcre2_set_match_limit (context, 10000000);
    pcre2_set_depth_limit (context, 10000);
    match_all (list, sample, sizeof sample - 1, match_data, context);
    /* the list's own text is valid UTF-8: parse checked it */
    match_all (list, list_text, list_len, match_data, context);
    pcre2_match_context_free (context);
    pcre2_match_data_free (match_data);
    sl_wordlist_free (list);
    return 0;
}
