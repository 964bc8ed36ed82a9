/* kind.h: bulk mail or transactional message (see kind.c). */
#ifndef SL_KIND_H
#define SL_KIND_H

#include "doc.h"
#include "engine.h"

/* Sets doc->transactional (and doc->kind_detected when it was read from
 * the draft rather than set). */
void sl_classify_kind (const spamlint_engine *engine, sl_doc *doc);

#endif
