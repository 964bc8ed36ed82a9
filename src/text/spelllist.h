/* spelllist.h: the precompiled lists of words a hunspell dictionary accepts,
 * consulted before the dictionary itself so that a correct draft is checked
 * without loading it (text/spelllist.c has the format and the reasons). */
#ifndef SL_SPELLLIST_H
#define SL_SPELLLIST_H

#include <glib.h>

typedef struct sl_spelllist sl_spelllist;

/* Words longer than this (in bytes) are never in a list. */
#define SL_SPELLLIST_MAX_WORD 200

/* The list of Enchant tag TAG ("fr_FR") in DIR, or NULL when there is none
 * or when it must not be trusted: the dictionary Enchant would load is not
 * the one the list was made from, or the user's exclude file for TAG
 * removes words. Costs a few stat calls and one mmap. */
sl_spelllist *sl_spelllist_open (const char *dir, const char *tag);
void sl_spelllist_free (sl_spelllist *list);

/* Whether WORD (LEN bytes of UTF-8) is in LIST, i.e. was accepted by the
 * dictionary when the list was made, or, for a list that says so, is words
 * of the list joined by hyphens. FALSE says nothing: ask hunspell. */
gboolean sl_spelllist_accepts (const sl_spelllist *list, const char *word, gsize len);

/* Call FN with every word LIST holds, in both cases (for the tests). */
void sl_spelllist_foreach (const sl_spelllist *list, void (*fn) (const char *word, void *data),
                           void *data);

/* The directory holding the lists: $SPAMLINT_SPELLDIR, else "spelling" next
 * to the running executable when it exists (a build tree), else SPELLDIR. */
char *sl_spelllist_dir (void);

/* For the program that makes the lists (tools/mkspelllist.c). */

/* The .dic file Enchant's hunspell provider loads for TAG, found the way it
 * searches (the user's Enchant directory, then the system data
 * directories), or NULL; its .aff is next to it. Free with g_free. */
char *sl_spelllist_find_dictionary (const char *tag);

/* Whether hunspell, with the dictionary DIC (its .aff next to it), accepts
 * every short word made of accepted parts joined by hyphens: the list is
 * then told so (sl_spelllist_builder_set_hyphens). */
gboolean sl_spelllist_hyphens_hold (const char *dic);

/* A list being made: add every form the dictionary accepted, then write. */
typedef struct sl_spelllist_builder sl_spelllist_builder;
sl_spelllist_builder *sl_spelllist_builder_new (void);
/* Add WORD (NUL-terminated UTF-8, accepted by the dictionary); FALSE when it
 * cannot be stored (too long, control bytes, a case the key cannot
 * represent): then it is simply not in the list. */
gboolean sl_spelllist_builder_add (sl_spelllist_builder *builder, const char *word);
guint sl_spelllist_builder_size (const sl_spelllist_builder *builder);
/* Accept words of parts in the list joined by hyphens (default: no). */
void sl_spelllist_builder_set_hyphens (sl_spelllist_builder *builder, gboolean hyphens);
/* Write the list of TAG, made from the dictionary DIC, to PATH. */
gboolean sl_spelllist_builder_write (sl_spelllist_builder *builder, const char *path,
                                     const char *tag, const char *dic, GError **error);
void sl_spelllist_builder_free (sl_spelllist_builder *builder);

#endif
