/* language.h: which language a text is written in (libexttextcat). */
#ifndef SL_LANGUAGE_H
#define SL_LANGUAGE_H

#include <glib.h>

typedef struct sl_language_guesser sl_language_guesser;

/* Fingerprints are read from DATADIR on the first guess, not before. */
sl_language_guesser *sl_language_guesser_new (const char *datadir);
void sl_language_guesser_free (sl_language_guesser *guesser);

/* "fr", "en"...; NULL when the text is too short or nothing fits. */
const char *sl_language_guess (sl_language_guesser *guesser, const char *text, gsize len);

#endif
