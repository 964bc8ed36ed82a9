/* limit.c: the named limits (see limit.h): their defaults, ranges and
 * units, set and read by name. The names are public: --limit=NAME=VALUE,
 * the [limits] group of a configuration file, spamlint_engine_set_limit.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "limit.h"
#include "spamlint.h"

#define DEFAULT_SIZE_MB SPAMLINT_DEFAULT_MAX_INPUT_MB
#define DEFAULT_HTML_DEPTH 256
#define DEFAULT_MIME_DEPTH 32
#define DEFAULT_MIME_PARTS 1000
#define DEFAULT_FINDINGS 500
#define DEFAULT_PCRE_MATCH 10000000
#define DEFAULT_PCRE_DEPTH 10000
#define DEFAULT_TIME_S 10

typedef enum {
    LIMIT_SIZE, LIMIT_HTML_DEPTH, LIMIT_MIME_DEPTH, LIMIT_MIME_PARTS, LIMIT_FINDINGS,
    LIMIT_PCRE_MATCH, LIMIT_PCRE_DEPTH, LIMIT_TIME
} limit_id;

typedef struct limit_def {
    const char *name;
    limit_id id;
    double min, max;
    gboolean whole;     /* a whole number */
    const char *range;  /* what a valid value is, translatable */
} limit_def;

/* The upper bounds keep a raised limit safe: the HTML tree is walked
 * recursively (1000 levels fit any thread's stack, sanitizers included),
 * and a draft is at most 4 GB (offsets are 32-bit). */
static const limit_def defs[] = {
    { "size", LIMIT_SIZE, 1, 4096, TRUE, N_("a whole number of megabytes from 1 to 4096") },
    { "html-depth", LIMIT_HTML_DEPTH, 1, 1000, TRUE, N_("a whole number from 1 to 1000") },
    { "mime-depth", LIMIT_MIME_DEPTH, 1, 1000, TRUE, N_("a whole number from 1 to 1000") },
    { "mime-parts", LIMIT_MIME_PARTS, 1, 1000000, TRUE, N_("a whole number from 1 to 1000000") },
    { "findings", LIMIT_FINDINGS, 1, 1000000, TRUE, N_("a whole number from 1 to 1000000") },
    { "pcre-match", LIMIT_PCRE_MATCH, 1, G_MAXUINT32, TRUE,
      N_("a whole number from 1 to 4294967295") },
    { "pcre-depth", LIMIT_PCRE_DEPTH, 1, G_MAXUINT32, TRUE,
      N_("a whole number from 1 to 4294967295") },
    { "time", LIMIT_TIME, 0, 86400, FALSE,
      N_("a number of seconds from 0 (no limit) to 86400") },
};

void
sl_limits_init (sl_limits *limits)
{
    memset (limits, 0, sizeof *limits);
    limits->size_bytes = (gsize) DEFAULT_SIZE_MB * 1024 * 1024;
    limits->html_depth = DEFAULT_HTML_DEPTH;
    limits->mime_depth = DEFAULT_MIME_DEPTH;
    limits->mime_parts = DEFAULT_MIME_PARTS;
    limits->findings = DEFAULT_FINDINGS;
    limits->pcre_match = DEFAULT_PCRE_MATCH;
    limits->pcre_depth = DEFAULT_PCRE_DEPTH;
    limits->time_us = (gint64) DEFAULT_TIME_S * G_USEC_PER_SEC;
}

static const limit_def *
find (const char *name)
{
    for (gsize i = 0; name && i < G_N_ELEMENTS (defs); i++)
        if (strcmp (defs[i].name, name) == 0)
            return &defs[i];
    return NULL;
}

gboolean
sl_limits_set (sl_limits *limits, const char *name, double value, char **error)
{
    const limit_def *def = find (name);
    if (def == NULL) {
        if (error)
            *error = g_strdup_printf (_("unknown limit \"%s\": use size, html-depth, mime-depth, "
                                        "mime-parts, findings, pcre-match, pcre-depth or time"),
                                      name ? name : "");
        return FALSE;
    }
    if (!(value >= def->min && value <= def->max) || (def->whole && value != floor (value))) {
        if (error)
            *error = g_strdup_printf (_("the %s limit must be %s"), def->name, _(def->range));
        return FALSE;
    }
    if (limits == NULL)
        return TRUE;
    switch (def->id) {
    case LIMIT_SIZE:
        limits->size_bytes = (gsize) value * 1024 * 1024;
        break;
    case LIMIT_HTML_DEPTH:
        limits->html_depth = (unsigned) value;
        break;
    case LIMIT_MIME_DEPTH:
        limits->mime_depth = (unsigned) value;
        break;
    case LIMIT_MIME_PARTS:
        limits->mime_parts = (unsigned) value;
        break;
    case LIMIT_FINDINGS:
        limits->findings = (unsigned) value;
        break;
    case LIMIT_PCRE_MATCH:
        limits->pcre_match = (guint32) value;
        limits->pcre_set = TRUE;
        break;
    case LIMIT_PCRE_DEPTH:
        limits->pcre_depth = (guint32) value;
        limits->pcre_set = TRUE;
        break;
    case LIMIT_TIME:
        /* a budget under a microsecond is still a budget, not "none" */
        limits->time_us = value > 0 ? MAX ((gint64) llround (value * G_USEC_PER_SEC), 1) : 0;
        break;
    default:
        break;
    }
    return TRUE;
}

double
sl_limits_get (const sl_limits *limits, const char *name)
{
    const limit_def *def = find (name);
    if (def == NULL)
        return -1;
    switch (def->id) {
    case LIMIT_SIZE:
        return (double) (limits->size_bytes / (1024 * 1024));
    case LIMIT_HTML_DEPTH:
        return limits->html_depth;
    case LIMIT_MIME_DEPTH:
        return limits->mime_depth;
    case LIMIT_MIME_PARTS:
        return limits->mime_parts;
    case LIMIT_FINDINGS:
        return limits->findings;
    case LIMIT_PCRE_MATCH:
        return limits->pcre_match;
    case LIMIT_PCRE_DEPTH:
        return limits->pcre_depth;
    case LIMIT_TIME:
        return (double) limits->time_us / G_USEC_PER_SEC;
    default:
        return -1;
    }
}
