/* rules.h: what a rule family provides and how it reports findings.
 *
 * A family is one file under rules/: its rules' metadata (id, default
 * severity and points, the cap on points, a one-line summary) next to one
 * check function that reads the document and reports findings. Rules never
 * print, exit or read files.
 */
#ifndef SL_RULES_H
#define SL_RULES_H

#include <glib.h>

#include "doc.h"
#include "engine.h"
#include "spamlint.h"

typedef struct sl_rule_info {
    const char *id;
    spamlint_severity severity;
    double points;       /* default points of one finding */
    double cap;          /* the rule adds at most this much; 0: no cap */
    const char *summary; /* one line, translatable */
} sl_rule_info;

struct spamlint_finding {
    const char *rule;
    spamlint_severity severity;
    double points;
    guint32 offset;       /* source offsets of the first and last character */
    guint32 last;
    unsigned line, column, end_line, end_column;
    char *message;
    char *match;
    const char *part;
};

typedef struct sl_context {
    const spamlint_engine *engine;
    const sl_doc *doc;
    GPtrArray *findings;  /* spamlint_finding */
    pcre2_match_data *match_data;
    const void *state;    /* what the family's prepare made, or NULL */
    GHashTable *per_rule; /* rule id -> sl_rule_tally, for the findings limit */
    gint64 deadline;      /* monotonic time when the time limit is spent; 0: none */
    unsigned ticks;       /* calls of sl_time_up since the clock was read */
    gboolean time_up;     /* the time limit is spent: rules stop */
    gboolean match_limit_noted; /* a PCRE2 limit hit was reported */
} sl_context;

/* Past the findings limit (500 findings of one rule in one draft by
 * default), the rest are counted (and scored) but not listed: one line
 * says how many there were. */

typedef struct sl_rule_tally {
    unsigned count;
    double extra_points;
    spamlint_severity severity;
    guint32 first;         /* where the first unlisted one was */
} sl_rule_tally;

/* After the rules: one finding per rule that went past the limit. */
void sl_report_overflow (sl_context *cx);

typedef struct sl_family {
    const char *name;
    const sl_rule_info *rules;
    guint n_rules;
    void (*check) (sl_context *cx);
    /* optional: build read-only state once per engine (compiled patterns) */
    void *(*prepare) (void);
    void (*release) (void *state);
    /* runs even when the time limit is spent: the notes about the input */
    gboolean past_time_limit;
} sl_family;

/* Compile a pattern of the rules (UTF, UCP, JIT); aborts on a typo, which
 * the tests catch. */
pcre2_code *sl_rule_pattern (const char *pattern, guint32 options);

/* Report a finding about the source characters at offsets FIRST..LAST.
 * MATCH (may be NULL) is the text concerned; the message is formatted. */
void sl_report (sl_context *cx, const char *rule, spamlint_severity severity,
                double points, guint32 first, guint32 last, const char *part,
                const char *match, const char *format, ...) G_GNUC_PRINTF (9, 10);

/* Report about bytes [start, end) of a segment's text. */
void sl_report_span (sl_context *cx, const sl_segment *segment, gsize start, gsize end,
                     const char *rule, spamlint_severity severity, double points,
                     const char *format, ...) G_GNUC_PRINTF (8, 9);

/* Whether the draft's time limit is spent. Cheap enough to call per word
 * or element: the clock is read every 256 calls. A rule that sees TRUE
 * stops, keeping what it found, and reports nothing that needs the whole
 * draft (a ratio, a count). */
gboolean sl_time_up (sl_context *cx);
/* The same, reading the clock now. */
gboolean sl_time_up_now (sl_context *cx);

/* pcre2_match of a rule's pattern RE over TEXT (SEGMENT's text, or its
 * original: the same offsets) from POS, within the engine's pcre-match and
 * pcre-depth limits. A match that goes past one fails, with one
 * input-limit note per draft where it started, naming the limit. */
int sl_rule_match (sl_context *cx, const pcre2_code *re, const sl_segment *segment,
                   const char *text, gsize len, gsize pos);

const sl_family *const *sl_families (void);
const sl_rule_info *sl_rule_lookup (const char *id);

void sl_finding_free (gpointer finding);

#endif
