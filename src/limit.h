/* limit.h: the named limits that keep any draft from exhausting spamlint
 * (see LIMITS in spamlint(1)). An engine owns one set, read by every
 * thread; the loaders and the rules read it through the document and the
 * context. What lies past a limit is told by an input-limit note. */
#ifndef SL_LIMIT_H
#define SL_LIMIT_H

#include <glib.h>

typedef struct sl_limits {
    gsize size_bytes;      /* size: larger drafts are not read */
    unsigned html_depth;   /* html-depth: deeper elements are read flat */
    unsigned mime_depth;   /* mime-depth: deeper MIME parts are not read */
    unsigned mime_parts;   /* mime-parts: the parts past it are not read */
    unsigned findings;     /* findings: listed per rule and draft, the rest counted */
    guint32 pcre_match;    /* pcre-match: PCRE2 match limit of a rule's pattern */
    guint32 pcre_depth;    /* pcre-depth: PCRE2 depth limit of a rule's pattern */
    gboolean pcre_set;     /* pcre-match or pcre-depth was set: the patterns
                              match without JIT, which ignores the depth limit
                              and counts the match limit its own way */
    gint64 time_us;        /* time: the budget of one draft; 0: none */
} sl_limits;

/* The defaults. */
void sl_limits_init (sl_limits *limits);

/* Set limit NAME to VALUE (in its unit: MB, levels, parts, findings,
 * steps, seconds). FALSE with *ERROR set (g_free it) for an unknown name
 * or a value out of its range; LIMITS may be NULL to check only. */
gboolean sl_limits_set (sl_limits *limits, const char *name, double value, char **error);

/* The value of limit NAME in its unit, or -1 for an unknown name. */
double sl_limits_get (const sl_limits *limits, const char *name);

#endif
