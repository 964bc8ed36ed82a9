/* result.h: a lint result (findings, score, verdict). */
#ifndef SL_RESULT_H
#define SL_RESULT_H

#include <glib.h>

#include "spamlint.h"

struct spamlint_result {
    char *name;
    char *error;          /* why it could not be linted, or NULL */
    spamlint_format format;
    char *language;
    gboolean transactional;
    size_t suppressed;    /* findings turned off by comments in the draft */
    GBytes *source;       /* the draft's bytes, when the engine keeps them */
    double score;
    double threshold;
    gboolean passed;
    GPtrArray *findings;  /* spamlint_finding, sorted by position */
};

/* Sum the points of FINDINGS, each rule up to its cap. */
double sl_score (const GPtrArray *findings);

#endif
