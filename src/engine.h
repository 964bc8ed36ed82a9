/* engine.h: what an engine owns (compiled word lists, settings). */
#ifndef SL_ENGINE_H
#define SL_ENGINE_H

#include <glib.h>

#include "spamlint.h"
#include "limit.h"
#include "media/magic.h"
#include "net/domains.h"
#include "text/emoji_scan.h"
#include "text/language.h"
#include "text/speller.h"
#include "text/wordlist.h"

typedef struct sl_language_list {
    char *lang;           /* "fr", "en"...: built-in lists; NULL for user lists */
    sl_wordlist *list;
} sl_language_list;

/* Which list a phrase comes from: the union of the lists finds it once. */
typedef struct sl_phrase_owner {
    const sl_phrase *phrase;
    const sl_language_list *list;
} sl_phrase_owner;

struct spamlint_engine {
    double threshold;
    spamlint_fail_on fail_on;
    char *subject;                 /* --subject, or NULL */
    GPtrArray *phrase_lists;       /* sl_language_list */
    sl_wordlist *allow;            /* phrases that never score */
    sl_wordlist *all_phrases;      /* every phrase of every list, found in one pass */
    sl_phrase_owner *phrase_owners; /* of each phrase of all_phrases: see */
    guint32 *owners_start;          /* sl_engine_index_phrases */
    GBytes *lists_image;            /* the built-in lists' image, which they borrow
                                       from; NULL when parsed from text */
    GHashTable *calibrated;        /* --points=calibrated: a row of data/scores.tsv
                                      (rule, or spam-phrase:CATEGORY) -> double *;
                                      NULL: the points of the catalogue */
    pcre2_match_context *match_context; /* of the word lists: the pcre-match and
                                           pcre-depth limits */
    guint32 pattern_match_options; /* PCRE2_NO_JIT when a PCRE2 limit is set */
    sl_language_guesser *guesser;  /* read on first use */
    pcre2_code *emoji;             /* one emoji grapheme (text/emoji.c) */
    GPtrArray *family_states;      /* what each rule family prepared */
    sl_speller *speller;           /* NULL when spelling is off */
    gboolean suggest;              /* spelling suggestions (slow) */
    sl_domain_set *shorteners;     /* data/shorteners.txt */
    sl_domain_set *click_trackers; /* data/click-tracking.txt */
    sl_magic *magic;               /* libmagic, opened on first use */
    sl_domain_set *freemail;       /* data/freemail.txt */
    sl_wordlist *transactional;    /* signals of a transactional message */
    sl_wordlist *unsubscribe;      /* the words of an unsubscribe link */
    char *from;                    /* --from, or NULL */
    GPtrArray *attachments;        /* sl_part: --attach files */
    spamlint_kind kind;
    GHashTable *disabled;          /* rule ids turned off */
    GHashTable *points;            /* rule id -> double *: points set by the config */
    GHashTable *severity;          /* rule id -> severity + 1 */
    GHashTable *allowed_domains;   /* the user's own domains: links to them are fine */
    gboolean keep_source;          /* results keep the draft's bytes */
    sl_limits limits;              /* --limit, [limits]: see limit.h */
    /* SPAMLINT_PROFILE=1: time spent per stage, printed when freed */
    gboolean profile;
    gint64 *profile_us;            /* per family, then load, language, kind */
    char *forced_language;         /* --lang, or NULL to detect */
    /* the online checks (rules/dns.c): nothing touches the network unless set */
    gboolean online;               /* --online */
    char *dns_server;              /* --dns-server ADDR[:PORT], or NULL: the system's */
    char *dkim_selector;           /* --dkim-selector, or NULL */
    char *sending_ip;              /* --sending-ip, or NULL */
    GPtrArray *dnsbl_zones;        /* char *: --dnsbl-zone (IP lists); empty: the defaults */
    GPtrArray *uribl_zones;        /* char *: --uribl-zone (domain lists); empty: the defaults */
};


/* Rebuild the union of the phrase lists after one was added. */
void sl_engine_index_phrases (spamlint_engine *engine);

/* Weight of a list's phrases in text of LANGUAGE: full for the text's own
 * language, user lists and undetected languages, reduced for the others. */
double sl_list_factor (const sl_language_list *list, const char *language,
                       const spamlint_engine *engine);

/* With --points=calibrated, what a finding of RULE is multiplied by: its
 * fitted points over the catalogue's (1 for the phrase rules, see below,
 * and for the catalogue's points). */
double sl_engine_rule_factor (const spamlint_engine *engine, const char *rule);
/* With --points=calibrated, the factor on a phrase of LIST in CATEGORY:
 * fitted per category for the English list, one factor for the others;
 * for a disguised phrase, times the factor of spam-phrase-obfuscated. */
double sl_engine_phrase_factor (const spamlint_engine *engine, const sl_language_list *list,
                                const char *category, gboolean disguised);

/* Whether HOST is one of the user's allowed domains (or under one). */
gboolean sl_engine_domain_allowed (const spamlint_engine *engine, const char *host);

/* Whether LANGUAGE has built-in word lists. */
gboolean sl_engine_has_language (const spamlint_engine *engine, const char *language);

#endif
