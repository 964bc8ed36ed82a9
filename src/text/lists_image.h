/* lists_image.h: the built-in word lists, parsed, folded and indexed at
 * build time (tools/mklists), read at start-up without parsing. */
#ifndef SL_LISTS_IMAGE_H
#define SL_LISTS_IMAGE_H

#include "text/wordlist.h"

/* The lists, their union and its owners, as one block of bytes. */
GBytes *sl_lists_image_write (const sl_wordlist *const *lists, guint n_lists,
                              const sl_wordlist *all, const guint32 *owners_start,
                              const sl_phrase_ref *owners);

typedef struct sl_lists_image {
    GBytes *bytes;             /* what the lists borrow their text and trie from */
    GPtrArray *lists;          /* sl_wordlist, in the order written; named */
    sl_wordlist *all;          /* their union, with its trie */
    guint32 *owners_start;     /* see sl_wordlist_union */
    sl_phrase_ref *owners;
} sl_lists_image;

/* Read an image: FALSE when BYTES is not one of this build (another
 * version or machine), and then the lists are parsed from their text. */
gboolean sl_lists_image_read (GBytes *bytes, sl_lists_image *image);
/* Free what a read image holds, when nothing took it over. */
void sl_lists_image_clear (sl_lists_image *image);

#endif
