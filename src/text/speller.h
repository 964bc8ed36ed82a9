/* speller.h: spell checking through Enchant (hunspell dictionaries),
 * loaded on first use, with answers cached for the process. */
#ifndef SL_SPELLER_H
#define SL_SPELLER_H

#include <glib.h>

typedef struct sl_speller sl_speller;

typedef enum {
    SL_SPELL_OK,
    SL_SPELL_WRONG,
    SL_SPELL_NO_DICTIONARY
} sl_spell_answer;

sl_speller *sl_speller_new (void);
void sl_speller_free (sl_speller *speller);

/* Check WORD (UTF-8) in LANGUAGE ("fr", "en"...). */
sl_spell_answer sl_speller_check (sl_speller *speller, const char *language,
                                  const char *word, gsize len);
/* The best suggestion for a wrong word, or NULL; free with g_free. */
char *sl_speller_suggest (sl_speller *speller, const char *language, const char *word, gsize len);
/* The Debian package that provides LANGUAGE's dictionary. */
const char *sl_speller_package (const char *language);

#endif
