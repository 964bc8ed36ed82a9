/* fold.h: text folded for phrase matching: lower case, no accents, one
 * space for any run of white space or line breaks, typographic apostrophes
 * made plain. Each folded byte remembers the input byte it came from. */
#ifndef SL_FOLD_H
#define SL_FOLD_H

#include <glib.h>

typedef struct sl_folded {
    GString *text;
    GArray *from;   /* guint32 per byte of text: offset in the input (NULL
                       when folding a phrase of a list) */
} sl_folded;

void sl_folded_init (sl_folded *folded);
void sl_folded_clear (sl_folded *folded);
void sl_fold (sl_folded *out, const char *text, gsize len);
/* Fold character by character: begin, one call per character, end. */
void sl_fold_begin (sl_folded *out);
void sl_fold_char (sl_folded *out, gunichar c, guint32 from);
void sl_fold_end (sl_folded *out);
/* Fold into a plain string (word list phrases). */
char *sl_fold_string (const char *text);

#endif
