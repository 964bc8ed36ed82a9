/* deobfuscate.h: undo the tricks used to hide a word from filters. */
#ifndef SL_DEOBFUSCATE_H
#define SL_DEOBFUSCATE_H

#include <glib.h>

#include "text/fold.h"

/* Fold TEXT as sl_fold does, after undoing: zero-width and soft-hyphen
 * characters inside words, look-alike letters of other scripts in Latin
 * words, digits and symbols for letters (fr33, gr@tuit), spaced, dotted or
 * hyphenated single letters (G R A T U I T, f.r.e.e). TOUCHED[i] (one byte
 * per byte of TEXT) is set where TEXT was changed. Returns FALSE, with OUT
 * left empty, when nothing was: the reading is then sl_fold's. */
gboolean sl_deobfuscate (sl_folded *out, GByteArray *touched, const char *text, gsize len);

#endif
