/* batch.h: lint many drafts on several threads, report them in order. */
#ifndef SL_BATCH_H
#define SL_BATCH_H

#include <glib.h>

#include "spamlint.h"

typedef struct sl_batch sl_batch;

/* What the batch hands back, in the order the jobs were added: a result,
 * or a message about the command line (a directory without drafts...). */
typedef void (*sl_batch_deliver) (spamlint_result *result, const char *message, void *data);

sl_batch *sl_batch_new (unsigned threads);
void sl_batch_add_file (sl_batch *batch, spamlint_engine *engine, const char *path,
                        spamlint_format format);
void sl_batch_add_buffer (sl_batch *batch, spamlint_engine *engine, const char *name,
                          GBytes *data, spamlint_format format);
void sl_batch_add_message (sl_batch *batch, const char *message);
/* Run the jobs and deliver every outcome in order; frees the batch. */
void sl_batch_run (sl_batch *batch, sl_batch_deliver deliver, void *data);

#endif
