/* wordlist.h: a list of phrases with weights and categories, compiled once
 * into a single PCRE2 pattern that matches folded text (see fold.h). */
#ifndef SL_WORDLIST_H
#define SL_WORDLIST_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <gio/gio.h>
#include <pcre2.h>

/* The longest phrase a list may hold, in characters. */
#define SL_PHRASE_MAX_CHARS 200

typedef struct sl_phrase {
    char *text;       /* as written in the list */
    char *folded;     /* as matched */
    double weight;
    char *category;
} sl_phrase;

typedef struct sl_wordlist {
    char *name;       /* "fr", "allow", or the user's file name */
    GPtrArray *phrases;          /* sl_phrase */
    GHashTable *by_folded;       /* folded text -> sl_phrase */
    pcre2_code *pattern;         /* NULL when the list is empty */
} sl_wordlist;

/* Parse a list. With WEIGHTED, lines are "WEIGHT CATEGORY PHRASE"; without
 * (the allow-list), a line is a phrase. Returns NULL and sets ERROR (with
 * the line number) on a malformed line. */
sl_wordlist *sl_wordlist_parse (const char *name, const char *data, gsize len,
                                gboolean weighted, GError **error);
void sl_wordlist_free (sl_wordlist *list);

/* A list of already folded phrases (weight 0), e.g. the union of several
 * lists, so that one pattern scans a text once for all of them. */
sl_wordlist *sl_wordlist_from_folded (const char *name, char **folded, gsize n, GError **error);

/* Find the next match in folded TEXT from *POS on; sets [*start, *end) and
 * the phrase and moves *POS past it: 1. No more match: 0. A PCRE2 error
 * (the match or depth limit of CONTEXT): its negative code, *POS where
 * the failed match started. MATCH_DATA comes from
 * pcre2_match_data_create (1, NULL); CONTEXT may be NULL; OPTIONS are
 * pcre2_match options (PCRE2_NO_JIT, so that the depth limit applies). */
int sl_wordlist_next (const sl_wordlist *list, const char *text, gsize len,
                      gsize *pos, pcre2_match_data *match_data,
                      pcre2_match_context *context, guint32 options,
                      gsize *start, gsize *end, const sl_phrase **phrase);

#endif
