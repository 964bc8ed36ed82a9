/* fold.h: text folded for phrase matching: lower case, no accents, one
 * space for any run of white space or line breaks, typographic apostrophes
 * made plain. Each folded byte remembers the input byte it came from. */
#ifndef SL_FOLD_H
#define SL_FOLD_H

#include <glib.h>

typedef struct sl_folded {
    GString *text;
    GArray *from;   /* guint32 per byte of text: offset in the input */
} sl_folded;

void sl_folded_init (sl_folded *folded);
void sl_folded_clear (sl_folded *folded);
void sl_fold (sl_folded *out, const char *text, gsize len);
/* Fold into a plain string (word list phrases). */
char *sl_fold_string (const char *text);

#endif
