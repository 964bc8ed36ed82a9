/* ngrams.h: character n-gram fingerprints and their out-of-place distance,
 * exactly as libexttextcat computes them (fp_Read, fp_Create UTF-8 aware,
 * fp_Compare), without its cost. */
#ifndef SL_NGRAMS_H
#define SL_NGRAMS_H

#include <glib.h>

/* The fingerprints of a few languages (SL_NGRAM_MODELS_MAX at most), read
 * once; then shared by any number of threads. */
typedef struct sl_ngram_models sl_ngram_models;

#define SL_NGRAM_MODELS_MAX 16

/* Read the fingerprint files (.lm: one n-gram a line, most frequent first)
 * at PATHS[0..N_PATHS); a file that cannot be read is left out (see
 * sl_ngram_models_has). The white space and digits a text is cut at are
 * those of the C library's locale now, as libexttextcat's are. */
sl_ngram_models *sl_ngram_models_read (const char *const *paths, guint n_paths);
void sl_ngram_models_free (sl_ngram_models *models);

/* Whether the file of model I (its place in PATHS) was read. */
gboolean sl_ngram_models_has (const sl_ngram_models *models, guint i);

/* The out-of-place distance from TEXT's fingerprint to each model's, in
 * DISTANCES[0..N_PATHS), as fp_Compare returns it without a cutoff
 * (G_MAXUINT32 for a model that was not read). TEXT is LEN bytes and a
 * NUL, as fp_Create reads it (an earlier NUL ends it). FALSE, and nothing
 * set, when TEXT is empty (fp_Create makes no fingerprint of it) or over
 * 256 MB. */
gboolean sl_ngram_distances (sl_ngram_models *models, const char *text, gsize len,
                             guint32 *distances);

/* TEXT's fingerprint: its n-grams, most frequent first, as fp_Print lists
 * them (NULL when there is none, see above). For tests. */
GPtrArray *sl_ngram_fingerprint (sl_ngram_models *models, const char *text, gsize len);

#endif
