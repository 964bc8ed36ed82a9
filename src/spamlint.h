/* spamlint.h: the public interface of libspamlint.
 *
 * Create an engine once (it owns the compiled word lists and settings), lint
 * as many drafts as you like with it, walk each result's findings, free.
 *
 *     spamlint_engine *engine = spamlint_engine_new ();
 *     spamlint_result *result = spamlint_lint_file (engine, "promo.html",
 *                                                   SPAMLINT_FORMAT_AUTO);
 *     if (spamlint_result_error (result) == NULL)
 *         for (size_t i = 0; i < spamlint_result_count (result); i++)
 *             puts (spamlint_finding_message (spamlint_result_get (result, i)));
 *     spamlint_result_free (result);
 *     spamlint_engine_free (engine);
 *
 * Nothing here prints or exits, and nothing touches the network unless the
 * online checks are turned on (spamlint_engine_set_online). An engine may be shared
 * by several threads once configured; a result belongs to one thread.
 */
#ifndef SPAMLINT_H
#define SPAMLINT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct spamlint_engine spamlint_engine;
typedef struct spamlint_result spamlint_result;
typedef struct spamlint_finding spamlint_finding;

typedef enum {
    SPAMLINT_NOTE = 0,
    SPAMLINT_WARNING = 1,
    SPAMLINT_ERROR = 2
} spamlint_severity;

typedef enum {
    SPAMLINT_FORMAT_AUTO = 0,
    SPAMLINT_FORMAT_TEXT,
    SPAMLINT_FORMAT_HTML,
    SPAMLINT_FORMAT_EML,
    SPAMLINT_FORMAT_MJML
} spamlint_format;

/* Whether a draft is bulk mail (a newsletter, a promotion: the bulk-mail
 * rules apply) or transactional (a receipt, a quote: they do not). */
typedef enum {
    SPAMLINT_KIND_AUTO = 0,     /* read it from the draft (the default) */
    SPAMLINT_KIND_BULK,
    SPAMLINT_KIND_TRANSACTIONAL
} spamlint_kind;

/* When a file fails: on its score only, or also on any error finding. */
typedef enum {
    SPAMLINT_FAIL_ON_ERROR_OR_SCORE = 0,
    SPAMLINT_FAIL_ON_SCORE
} spamlint_fail_on;

#define SPAMLINT_DEFAULT_THRESHOLD 5.0
#define SPAMLINT_DEFAULT_MAX_INPUT_MB 50

/* Engine: built-in word lists compiled, default settings. Never NULL. */
spamlint_engine *spamlint_engine_new (void);
void spamlint_engine_free (spamlint_engine *engine);

void spamlint_engine_set_threshold (spamlint_engine *engine, double threshold);
double spamlint_engine_get_threshold (const spamlint_engine *engine);
void spamlint_engine_set_fail_on (spamlint_engine *engine, spamlint_fail_on mode);

/* Which points the findings score: "rules" (the default: those of the rule
 * catalogue, RULES.md) or "calibrated" (those tools/calibrate fitted on the
 * labelled corpus, data/scores.tsv, built in). -1 for another name. */
int spamlint_engine_set_points (spamlint_engine *engine, const char *which);

/* Read every draft as written in LANGUAGE ("fr", "en", "de", "es", "it")
 * instead of detecting it; NULL to detect. -1 for a language without
 * word lists. */
int spamlint_engine_set_language (spamlint_engine *engine, const char *language);

/* Add a word list file ("WEIGHT CATEGORY PHRASE" lines, see wordlists/).
 * Its phrases count at full weight whatever the draft's language. 0 on
 * success; -1 with *ERROR set (free it with free()) otherwise. */
int spamlint_engine_add_wordlist (spamlint_engine *engine, const char *path, char **error);

/* Spelling rules on (1, the default) or off (0). They need Enchant and a
 * hunspell dictionary for the draft's language. */
void spamlint_engine_set_spelling (spamlint_engine *engine, int enabled);
/* Suggest a correction for the first few misspelled words of each draft
 * (1), or not (0, the default): each suggestion costs 10 to 150 ms. */
void spamlint_engine_set_suggestions (spamlint_engine *engine, int enabled);

/* The envelope of drafts without headers (text, HTML, MJML): the From
 * address ("Name <addr>"), and files to count as attachments. An .eml
 * keeps its own. 0 on success; -1 with *ERROR set (free it with free()). */
int spamlint_engine_set_from (spamlint_engine *engine, const char *from, char **error);
int spamlint_engine_add_attachment (spamlint_engine *engine, const char *path, char **error);
void spamlint_engine_set_kind (spamlint_engine *engine, spamlint_kind kind);

/* Configuration (also what a .spamlintrc sets): turn a rule off, change
 * the points of its findings or their severity, allow your own domains
 * (links to them are never suspicious). -1 for an unknown rule id. */
int spamlint_engine_disable_rule (spamlint_engine *engine, const char *id);
int spamlint_engine_set_rule_points (spamlint_engine *engine, const char *id, double points);
int spamlint_engine_set_rule_severity (spamlint_engine *engine, const char *id,
                                       spamlint_severity severity);
void spamlint_engine_allow_domain (spamlint_engine *engine, const char *domain);
/* Apply a configuration file (GKeyFile syntax, see spamlint(1)). 0 on
 * success; -1 with *ERROR set (free it with free()). */
int spamlint_engine_load_config (spamlint_engine *engine, const char *path, char **error);
/* Drafts larger than MEGABYTES (default 50) are not read: an error. The
 * same as the limit "size". */
void spamlint_engine_set_max_input (spamlint_engine *engine, size_t megabytes);

/* Limits, so that no draft can crash, hang or exhaust the engine (see
 * LIMITS in spamlint(1)); by NAME, with VALUE in the limit's unit:
 *   "size"        megabytes per draft (50): a larger draft is an error
 *   "html-depth"  HTML elements nested (256): deeper ones are read flat
 *   "mime-depth"  MIME parts nested (32): deeper ones are not read
 *   "mime-parts"  MIME parts per message (1000): the rest are not read
 *   "findings"    findings listed per rule and draft (500): the rest are
 *                 counted and scored, not listed
 *   "pcre-match"  PCRE2 match limit of a word-list match (10000000)
 *   "pcre-depth"  PCRE2 depth limit of a word-list match (10000); setting
 *                 either makes word lists match without JIT (about three
 *                 times slower), which ignores the depth limit and counts
 *                 the match limit its own way
 *   "time"        seconds per draft (10; 0: none): the rules not run by
 *                 then are skipped, the findings so far kept
 * Past a limit, an input-limit note says what was not read or run. 0 on
 * success; -1 with *ERROR set (free it with free()) for an unknown name or
 * a value out of range. spamlint_limit_check only checks. */
int spamlint_engine_set_limit (spamlint_engine *engine, const char *name, double value,
                               char **error);
int spamlint_limit_check (const char *name, double value, char **error);
/* The value of limit NAME, or -1 for an unknown name. */
double spamlint_engine_get_limit (const spamlint_engine *engine, const char *name);
/* Keep each draft's bytes in its result, for showing source lines. */
void spamlint_engine_keep_source (spamlint_engine *engine, int keep);

/* A subject for drafts without headers (text, HTML, MJML); NULL for none. */
void spamlint_engine_set_subject (spamlint_engine *engine, const char *subject);

/* Online checks (dns-spf, dns-dmarc, dns-dkim, dns-mx, dnsbl-listed): DNS
 * lookups about the From domain, its DKIM keys, the sending IP and the
 * domains the draft links to. Off (0) by default, and then no lint makes
 * any network access; on (1), each draft's lookups take at most a few
 * seconds, and a server that does not answer gives notes, not errors. */
void spamlint_engine_set_online (spamlint_engine *engine, int enabled);
/* The settings of the online checks. 0 on success; -1 with *ERROR set
 * (free it with free()) for a malformed value. The DNS server to ask,
 * "ADDR" or "ADDR:PORT" (IPv4), instead of those of /etc/resolv.conf;
 * NULL for those. A DKIM selector to check at the From domain, besides
 * those of the draft's DKIM-Signature headers; NULL for none. The IP
 * address the mail is sent from (IPv4 or IPv6), checked against the IP
 * blocklists; NULL for none. */
int spamlint_engine_set_dns_server (spamlint_engine *engine, const char *server, char **error);
int spamlint_engine_set_dkim_selector (spamlint_engine *engine, const char *selector, char **error);
int spamlint_engine_set_sending_ip (spamlint_engine *engine, const char *ip, char **error);
/* A DNS blocklist zone for the sending IP (DNSBL), or for the linked
 * domains (URIBL); the zones added replace the defaults (zen.spamhaus.org,
 * bl.spamcop.net, b.barracudacentral.org; dbl.spamhaus.org,
 * multi.uribl.com, multi.surbl.org). */
int spamlint_engine_add_dnsbl_zone (spamlint_engine *engine, const char *zone, char **error);
int spamlint_engine_add_uribl_zone (spamlint_engine *engine, const char *zone, char **error);

/* Lint a draft held in memory. NAME is what findings are reported against
 * and breaks format ties by its extension; it may be NULL. Never NULL: a
 * draft that cannot be linted gives a result whose error is set. */
spamlint_result *spamlint_lint_buffer (spamlint_engine *engine,
                                       const char *name,
                                       const char *data, size_t length,
                                       spamlint_format format);
spamlint_result *spamlint_lint_file (spamlint_engine *engine,
                                     const char *path,
                                     spamlint_format format);

/* NULL when the draft was linted; otherwise why it could not be. */
const char *spamlint_result_error (const spamlint_result *result);
const char *spamlint_result_name (const spamlint_result *result);
spamlint_format spamlint_result_format (const spamlint_result *result);
/* "bulk" or "transactional", as judged or as set. */
const char *spamlint_result_kind (const spamlint_result *result);
/* The language of most of the draft's text ("fr"...), or NULL if unknown. */
const char *spamlint_result_language (const spamlint_result *result);
double spamlint_result_score (const spamlint_result *result);
double spamlint_result_threshold (const spamlint_result *result);
/* 1 when the draft passes (score below the threshold and, unless failing
 * on score only, no error finding); 0 when it fails or was not linted. */
int spamlint_result_passed (const spamlint_result *result);
size_t spamlint_result_count (const spamlint_result *result);
/* Findings turned off by suppression comments in the draft. */
size_t spamlint_result_suppressed (const spamlint_result *result);
/* The draft's bytes, when the engine keeps them; else NULL. */
const char *spamlint_result_source (const spamlint_result *result, size_t *length);
size_t spamlint_result_count_severity (const spamlint_result *result,
                                       spamlint_severity severity);
/* Findings sorted by line, then column. */
const spamlint_finding *spamlint_result_get (const spamlint_result *result,
                                             size_t index);
void spamlint_result_free (spamlint_result *result);

const char *spamlint_finding_rule (const spamlint_finding *finding);
spamlint_severity spamlint_finding_severity (const spamlint_finding *finding);
double spamlint_finding_points (const spamlint_finding *finding);
/* 1-based; columns count Unicode code points; the end is inclusive. */
unsigned spamlint_finding_line (const spamlint_finding *finding);
unsigned spamlint_finding_column (const spamlint_finding *finding);
unsigned spamlint_finding_end_line (const spamlint_finding *finding);
unsigned spamlint_finding_end_column (const spamlint_finding *finding);
/* What is wrong and what to do, in the user's language. */
const char *spamlint_finding_message (const spamlint_finding *finding);
/* The text the finding is about, or NULL. */
const char *spamlint_finding_match (const spamlint_finding *finding);
/* Where it was found: "text/plain", "text/html", "subject", "message"... */
const char *spamlint_finding_part (const spamlint_finding *finding);

/* Rules: their metadata and documentation. Strings are untranslated
 * message ids of the "spamlint" gettext domain: pass them to
 * dgettext ("spamlint", s) to show them in the user's language. */
typedef struct spamlint_rule {
    const char *id;
    spamlint_severity severity;  /* default severity */
    double points;               /* default points of one finding */
    double cap;                  /* the most points the rule adds; 0: no cap */
    const char *summary;         /* one line */
    const char *detects;         /* what it detects */
    const char *why;             /* why it hurts delivery */
    const char *fix;             /* how to fix it */
    const char *example;         /* an example */
} spamlint_rule;

/* The I-th rule (0-based), or NULL past the last one. */
const spamlint_rule *spamlint_rule_at (size_t index);
/* The rule named ID, or NULL. */
const spamlint_rule *spamlint_rule_find (const char *id);

const char *spamlint_severity_name (spamlint_severity severity);
const char *spamlint_format_name (spamlint_format format);
const char *spamlint_version (void);

#ifdef __cplusplus
}
#endif

#endif /* SPAMLINT_H */
