/* engine.h: what an engine owns (compiled word lists, settings). */
#ifndef SL_ENGINE_H
#define SL_ENGINE_H

#include <glib.h>

#include "spamlint.h"
#include "text/wordlist.h"

typedef struct sl_language_list {
    char *lang;           /* "fr", "en"...: built-in lists; NULL for user lists */
    sl_wordlist *list;
} sl_language_list;

struct spamlint_engine {
    double threshold;
    spamlint_fail_on fail_on;
    char *subject;                 /* --subject, or NULL */
    GPtrArray *phrase_lists;       /* sl_language_list */
    sl_wordlist *allow;            /* phrases that never score */
    pcre2_match_context *match_context; /* match and depth limits */
};

#endif
