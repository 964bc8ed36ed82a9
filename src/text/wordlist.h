/* wordlist.h: a list of phrases with weights and categories, in a trie
 * that matches folded text (see fold.h). */
#ifndef SL_WORDLIST_H
#define SL_WORDLIST_H

#include <gio/gio.h>

/* The longest phrase a list may hold, in characters. */
#define SL_PHRASE_MAX_CHARS 200

typedef struct sl_phrase {
    const char *text;      /* as written in the list */
    const char *folded;    /* as matched */
    double weight;
    const char *category;
    guint32 index;         /* in its list's phrases */
} sl_phrase;

typedef struct sl_trie_node sl_trie_node;

/* A list's trie (see wordlist.c), as arrays that are the list's own or
 * an image's: the image stores them as they are. */
/* sl_trie.bytes is read eight bytes at a time: this many more follow. */
#define SL_TRIE_BYTES_PAD 8

typedef struct sl_trie {
    const sl_trie_node *nodes;
    const guint8 *bytes;         /* per node: its byte (then SL_TRIE_BYTES_PAD more) */
    const guint32 *phrases;      /* per node: 1 + index of the phrase ending there, or 0 */
    guint32 n_nodes;
    guint32 root[256];           /* the root's child for each first byte, 0 for none */
} sl_trie;

typedef struct sl_wordlist {
    char *name;       /* "fr", "allow", or the user's file name */
    GPtrArray *phrases;          /* sl_phrase */
    GHashTable *by_folded;       /* folded text -> sl_phrase; NULL when read from an
                                    image (text/lists_image.c) */
    /* private, see wordlist.c */
    sl_phrase *store;            /* the phrases, in one block */
    char *lines;                 /* the list's text: phrases point into it */
    GStringChunk *strings;       /* folded phrases */
    gsize trie_built;            /* the trie is built on first match */
    sl_trie_node *own_nodes;     /* the trie's arrays, when built here */
    guint8 *own_bytes;
    guint32 *own_phrases;
    sl_trie trie;
} sl_wordlist;

/* Parse a list. With WEIGHTED, lines are "WEIGHT CATEGORY PHRASE"; without
 * (the allow-list), a line is a phrase. Returns NULL and sets ERROR (with
 * the line number) on a malformed line. */
sl_wordlist *sl_wordlist_parse (const char *name, const char *data, gsize len,
                                gboolean weighted, GError **error);
void sl_wordlist_free (sl_wordlist *list);

/* Which phrase of which list a phrase of a union is. */
typedef struct sl_phrase_ref {
    guint32 list;
    guint32 phrase;
} sl_phrase_ref;

/* The union of N lists: one phrase per folded text, in the order first
 * seen, so that one pass over a text finds every phrase of every list.
 * The phrases of union phrase I are (*OWNERS)[(*OWNERS_START)[I]] up to
 * (*OWNERS)[(*OWNERS_START)[I + 1]], in the order of the lists; both
 * arrays are the caller's to free. The union borrows the lists' text. */
sl_wordlist *sl_wordlist_union (const sl_wordlist *const *lists, guint n, guint32 **owners_start,
                                sl_phrase_ref **owners);

/* A list's trie (built if it was not yet), for an image of the lists. */
const sl_trie *sl_wordlist_trie (const sl_wordlist *list);
gsize sl_wordlist_trie_node_size (void);

/* A list of phrases read from an image (PHRASES, N of them, given to the
 * list), with its trie when it was stored (TRIE, whose arrays are
 * borrowed; else NULL and the trie is built on first match). */
sl_wordlist *sl_wordlist_from_image (const char *name, sl_phrase *phrases, guint n,
                                     const sl_trie *trie);

/* Find the next phrase that starts a word of folded TEXT at or after *POS
 * (the longest one there); sets [*start, *end) and the phrase and moves
 * *POS past it. */
gboolean sl_wordlist_next (const sl_wordlist *list, const char *text, gsize len,
                           gsize *pos, gsize *start, gsize *end, const sl_phrase **phrase);

#endif
