/* dns.c: the online checks, only with --online: what the DNS says about
 * the sender. Without SPF, DKIM and DMARC on the From domain even a
 * perfect draft lands in spam, a domain without MX loses its replies and
 * bounces, and a blocklisted sending IP or linked domain sinks everything.
 *
 * SPF: exactly one "v=spf1" TXT record at the From domain, not passing
 * every sender (+all, or a bare all), and at most 10 DNS-querying terms
 * (include, a, mx, ptr, exists, redirect), counted through its includes
 * and redirects (RFC 7208 4.6.4). DMARC: one "v=DMARC1" record at
 * _dmarc.<domain> (or at the organisational domain's, RFC 7489 6.6.3)
 * whose tags parse and whose p= is none, quarantine or reject. DKIM: a
 * TXT record with a public key (p=) at <selector>._domainkey.<domain>, for
 * --dkim-selector at the From domain and for each DKIM-Signature header
 * of an .eml (its s= and d=). MX: an MX record, or else an A or AAAA
 * record (RFC 5321 5.1), and no null MX (RFC 7505). Blocklists: the
 * reversed --sending-ip under each IP zone, the registrable domain of each
 * link under each domain zone; an answer in 127.0.0.0/8 means listed,
 * except 127.0.0.1 and 127.255.255.x, which blocklists give when they
 * refuse a query.
 *
 * A lookup that gets no answer gives a note saying what could not be
 * checked, never an error: the lint goes on and completes. The lookups of
 * one draft take at most SL_DNS_DRAFT_BUDGET_US together.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "load/html.h"
#include "net/dns.h"
#include "net/domains.h"
#include "rules/rules.h"
#include "text/words.h"
#include "text/placeholder.h"

static const sl_rule_info rules[] = {
    { "dns-spf", SPAMLINT_ERROR, 2.0, 0.0,
      N_("the From domain has no SPF record, several, or one that lets anyone send") },
    { "dns-dmarc", SPAMLINT_WARNING, 1.0, 0.0,
      N_("the From domain has no DMARC record, or one that cannot be parsed") },
    { "dns-dkim", SPAMLINT_ERROR, 2.0, 0.0, N_("a DKIM selector has no public key record") },
    { "dns-mx", SPAMLINT_ERROR, 2.0, 0.0, N_("the From domain has no MX (nor A) record") },
    { "dnsbl-listed", SPAMLINT_ERROR, 5.0, 0.0,
      N_("the sending IP or a linked domain is on a DNS blocklist") },
};

#define SPF_LOOKUP_LIMIT 10   /* RFC 7208 4.6.4 */
#define SPF_MAX_DEPTH 10      /* includes within includes */
#define SPF_MAX_RECORDS 50    /* records read to count one domain's lookups */
#define MAX_LINKED_DOMAINS 20 /* linked domains checked per draft */

static const char *const default_dnsbl_zones[] = {
    "zen.spamhaus.org", "bl.spamcop.net", "b.barracudacentral.org", NULL
};
static const char *const default_uribl_zones[] = {
    "dbl.spamhaus.org", "multi.uribl.com", "multi.surbl.org", NULL
};

/* One draft's online checks. */
typedef struct online {
    sl_context *cx;
    sl_dns *dns;
    const char *server;
    gint64 deadline;
} online;

static sl_dns_status
lookup (online *o, const char *name, int type, GPtrArray **records)
{
    return sl_dns_lookup (o->dns, o->server, o->deadline, name, type, records);
}

static gboolean
failed (sl_dns_status status)
{
    return status == SL_DNS_FAILED || status == SL_DNS_TIMEOUT;
}

static const char *
failure_reason (sl_dns_status status)
{
    return status == SL_DNS_TIMEOUT
               ? _("the DNS server did not answer in time")
               : _("the DNS server could not be reached or answered with an error");
}

static gboolean
rule_on (const sl_context *cx, const char *id)
{
    return !g_hash_table_contains (cx->engine->disabled, id);
}

static void
release_records (GPtrArray *records)
{
    if (records)
        g_ptr_array_unref (records);
}

/* --- SPF ------------------------------------------------------------------ */

/* Whether TXT is an SPF record: "v=spf1", then a space or the end. */
static gboolean
is_spf (const char *txt)
{
    return g_ascii_strncasecmp (txt, "v=spf1", 6) == 0 && (txt[6] == '\0' || txt[6] == ' ');
}

/* The SPF records among TXT records (borrowed strings). */
static GPtrArray *
spf_records (const GPtrArray *txt)
{
    GPtrArray *spf = g_ptr_array_new ();
    for (guint i = 0; txt && i < txt->len; i++)
        if (is_spf (g_ptr_array_index (txt, i)))
            g_ptr_array_add (spf, g_ptr_array_index (txt, i));
    return spf;
}

typedef struct spf_count {
    online *o;
    unsigned lookups;        /* DNS-querying terms so far */
    unsigned records;        /* records read */
    GHashTable *path;        /* the domains being counted, against loops */
    sl_dns_status failure;   /* SL_DNS_FOUND while every record could be read */
    char *pass_all;          /* the term that passes every sender, or NULL */
} spf_count;

static void spf_follow (spf_count *c, const char *domain, unsigned depth, gboolean top);

/* Count the DNS-querying terms of RECORD and of the records it includes
 * or redirects to. TOP: the record that decides (the domain's own, or
 * where it redirects), whose "all" applies to every sender. */
static void
spf_count_record (spf_count *c, const char *record, unsigned depth, gboolean top)
{
    char **terms = g_strsplit_set (record, " \t", -1);
    gboolean has_all = FALSE;
    const char *redirect = NULL;
    for (guint i = 1; terms[0] && terms[i]; i++) {
        const char *t = terms[i];
        if (*t == '\0')
            continue;
        char qualifier = '+';
        if (strchr ("+-~?", *t))
            qualifier = *t++;
        gsize n = strcspn (t, ":/=");
        if (t[n] == '=') {
            /* a modifier: redirect=, exp= or an unknown one */
            if (n == 8 && g_ascii_strncasecmp (t, "redirect", 8) == 0)
                redirect = t + n + 1;
            continue;
        }
        char *name = g_ascii_strdown (t, n);
        const char *target = t[n] == ':' ? t + n + 1 : NULL;
        if (strcmp (name, "include") == 0) {
            c->lookups++;
            if (target && *target)
                spf_follow (c, target, depth + 1, FALSE);
        } else if (strcmp (name, "a") == 0 || strcmp (name, "mx") == 0 || strcmp (name, "ptr") == 0
                   || strcmp (name, "exists") == 0) {
            c->lookups++;
        } else if (strcmp (name, "all") == 0) {
            has_all = TRUE;
            if (top && qualifier == '+' && c->pass_all == NULL)
                c->pass_all = g_strdup (terms[i]);
        }
        g_free (name);
    }
    /* redirect= is not used when the record has an "all" (RFC 7208 6.1) */
    if (redirect && *redirect && !has_all) {
        c->lookups++;
        spf_follow (c, redirect, depth + 1, top);
    }
    g_strfreev (terms);
}

/* Read the SPF record of DOMAIN (an include or redirect target) and count it. */
static void
spf_follow (spf_count *c, const char *domain, unsigned depth, gboolean top)
{
    /* macros (%{d}) are expanded at delivery time: not followed */
    if (depth > SPF_MAX_DEPTH || c->records >= SPF_MAX_RECORDS || strchr (domain, '%'))
        return;
    char *name = g_ascii_strdown (domain, -1);
    gsize len = strlen (name);
    if (len > 0 && name[len - 1] == '.')
        name[len - 1] = '\0';
    if (g_hash_table_contains (c->path, name)) {
        g_free (name);
        return; /* a loop */
    }
    g_hash_table_add (c->path, name);
    c->records++;
    GPtrArray *txt = NULL;
    sl_dns_status status = lookup (c->o, name, SL_DNS_TXT, &txt);
    if (failed (status)) {
        if (c->failure == SL_DNS_FOUND)
            c->failure = status;
    } else {
        GPtrArray *spf = spf_records (txt);
        if (spf->len == 1)
            spf_count_record (c, g_ptr_array_index (spf, 0), depth, top);
        g_ptr_array_unref (spf);
    }
    release_records (txt);
    g_hash_table_remove (c->path, name);
    g_free (name);
}

static void
check_spf (online *o, const char *domain, guint32 at)
{
    sl_context *cx = o->cx;
    GPtrArray *txt = NULL;
    sl_dns_status status = lookup (o, domain, SL_DNS_TXT, &txt);
    if (failed (status)) {
        sl_report (cx, "dns-spf", SPAMLINT_NOTE, 0.0, at, at, NULL, domain,
                   _("the SPF record of %s could not be checked: %s"), domain,
                   failure_reason (status));
        return;
    }
    GPtrArray *spf = spf_records (txt);
    if (spf->len == 0) {
        sl_report (cx, "dns-spf", SPAMLINT_ERROR, 2.0, at, at, NULL, domain,
                   _("%s has no SPF record: publish one TXT record \"v=spf1 ... -all\" that names the servers sending your mail"),
                   domain);
    } else if (spf->len > 1) {
        sl_report (cx, "dns-spf", SPAMLINT_ERROR, 2.0, at, at, NULL, domain,
                   _("%s has %u SPF records, which makes SPF fail: merge them into one"), domain,
                   spf->len);
    } else {
        spf_count c = { o, 0, 1, g_hash_table_new (g_str_hash, g_str_equal), SL_DNS_FOUND, NULL };
        g_hash_table_add (c.path, (gpointer) domain);
        spf_count_record (&c, g_ptr_array_index (spf, 0), 0, TRUE);
        g_hash_table_destroy (c.path);
        if (c.pass_all)
            sl_report (cx, "dns-spf", SPAMLINT_ERROR, 2.0, at, at, NULL, c.pass_all,
                       _("the SPF record of %s ends in \"%s\", which lets any server send as you: end it with ~all or -all"),
                       domain, c.pass_all);
        if (c.lookups > SPF_LOOKUP_LIMIT)
            sl_report (cx, "dns-spf", SPAMLINT_ERROR, 2.0, at, at, NULL, domain,
                       _("the SPF record of %s needs %u DNS lookups (include, a, mx, ptr, exists, redirect, counted through its includes), more than the %u receivers allow (RFC 7208), so SPF fails: drop or flatten includes"),
                       domain, c.lookups, (unsigned) SPF_LOOKUP_LIMIT);
        else if (c.failure != SL_DNS_FOUND)
            sl_report (cx, "dns-spf", SPAMLINT_NOTE, 0.0, at, at, NULL, domain,
                       _("the DNS lookups of the SPF record of %s could not all be counted: %s"),
                       domain, failure_reason (c.failure));
        g_free (c.pass_all);
    }
    g_ptr_array_unref (spf);
    release_records (txt);
}

/* --- DMARC ---------------------------------------------------------------- */

/* Whether TXT is a DMARC record: its first tag is v=DMARC1. */
static gboolean
is_dmarc (const char *txt)
{
    gsize n = strcspn (txt, ";");
    GString *tag = g_string_new (NULL);
    for (gsize i = 0; i < n; i++)
        if (!g_ascii_isspace (txt[i]))
            g_string_append_c (tag, txt[i]);
    gboolean yes = g_ascii_strcasecmp (tag->str, "v=DMARC1") == 0;
    g_string_free (tag, TRUE);
    return yes;
}

/* Why the DMARC record RECORD cannot be used (translated), or NULL. */
static char *
dmarc_problem (const char *record)
{
    char **tags = g_strsplit (record, ";", -1);
    char *problem = NULL;
    gboolean have_policy = FALSE;
    for (guint i = 0; tags[i] && problem == NULL; i++) {
        char *tag = g_strstrip (tags[i]);
        if (*tag == '\0')
            continue;
        char *eq = strchr (tag, '=');
        if (eq == NULL || eq == tag) {
            problem = g_strdup_printf (_("\"%s\" is not a tag=value pair"), tag);
            break;
        }
        *eq = '\0';
        const char *name = g_strstrip (tag);
        const char *value = g_strstrip (eq + 1);
        if (g_ascii_strcasecmp (name, "p") == 0) {
            have_policy = TRUE;
            if (g_ascii_strcasecmp (value, "none") != 0 && g_ascii_strcasecmp (value, "quarantine") != 0
                && g_ascii_strcasecmp (value, "reject") != 0)
                problem = g_strdup_printf (_("its policy p=%s is not none, quarantine or reject"), value);
        }
    }
    if (problem == NULL && !have_policy)
        problem = g_strdup (_("it has no p= policy"));
    g_strfreev (tags);
    return problem;
}

/* The DMARC records at _dmarc.DOMAIN, or NULL with *STATUS set. */
static GPtrArray *
dmarc_records (online *o, const char *domain, sl_dns_status *status)
{
    char *name = g_strconcat ("_dmarc.", domain, NULL);
    GPtrArray *txt = NULL;
    *status = lookup (o, name, SL_DNS_TXT, &txt);
    g_free (name);
    GPtrArray *dmarc = g_ptr_array_new_with_free_func (g_free);
    for (guint i = 0; txt && i < txt->len; i++)
        if (is_dmarc (g_ptr_array_index (txt, i)))
            g_ptr_array_add (dmarc, g_strdup (g_ptr_array_index (txt, i)));
    release_records (txt);
    if (failed (*status)) {
        g_ptr_array_unref (dmarc);
        return NULL;
    }
    return dmarc;
}

static void
check_dmarc (online *o, const char *domain, guint32 at)
{
    sl_context *cx = o->cx;
    sl_dns_status status;
    const char *where = domain;
    GPtrArray *dmarc = dmarc_records (o, domain, &status);
    /* none at a subdomain: the organisational domain's applies */
    char *organisation = sl_registrable_domain (domain);
    if (dmarc && dmarc->len == 0 && organisation && strcmp (organisation, domain) != 0) {
        g_ptr_array_unref (dmarc);
        dmarc = dmarc_records (o, organisation, &status);
        where = organisation;
    }
    if (dmarc == NULL) {
        sl_report (cx, "dns-dmarc", SPAMLINT_NOTE, 0.0, at, at, NULL, domain,
                   _("the DMARC record of %s could not be checked: %s"), domain,
                   failure_reason (status));
    } else if (dmarc->len == 0) {
        sl_report (cx, "dns-dmarc", SPAMLINT_WARNING, 1.0, at, at, NULL, domain,
                   _("%s has no DMARC record: publish a TXT record at _dmarc.%s such as \"v=DMARC1; p=none; rua=mailto:dmarc@%s\""),
                   domain, domain, domain);
    } else if (dmarc->len > 1) {
        sl_report (cx, "dns-dmarc", SPAMLINT_WARNING, 1.0, at, at, NULL, where,
                   _("_dmarc.%s has %u DMARC records, so receivers use none: keep one"), where,
                   dmarc->len);
    } else {
        const char *record = g_ptr_array_index (dmarc, 0);
        char *problem = dmarc_problem (record);
        if (problem)
            sl_report (cx, "dns-dmarc", SPAMLINT_WARNING, 1.0, at, at, NULL, record,
                       _("the DMARC record at _dmarc.%s cannot be used: %s; write it as \"v=DMARC1; p=none; rua=mailto:...\""),
                       where, problem);
        g_free (problem);
    }
    if (dmarc)
        g_ptr_array_unref (dmarc);
    g_free (organisation);
}

/* --- DKIM ----------------------------------------------------------------- */

typedef struct dkim_key {
    char *selector;
    char *domain;
    guint32 offset;  /* where to report */
} dkim_key;

static void
dkim_key_free (gpointer data)
{
    dkim_key *key = data;
    g_free (key->selector);
    g_free (key->domain);
    g_free (key);
}

static void
add_key (GPtrArray *keys, const char *selector, const char *domain, guint32 offset)
{
    if (selector == NULL || domain == NULL)
        return;
    char *s = g_ascii_strdown (selector, -1);
    char *d = g_ascii_strdown (domain, -1);
    for (guint i = 0; i < keys->len; i++) {
        const dkim_key *k = g_ptr_array_index (keys, i);
        if (strcmp (k->selector, s) == 0 && strcmp (k->domain, d) == 0) {
            g_free (s);
            g_free (d);
            return;
        }
    }
    dkim_key *key = g_new0 (dkim_key, 1);
    key->selector = s;
    key->domain = d;
    key->offset = offset;
    g_ptr_array_add (keys, key);
}

/* The value of tag NAME in the tag list VALUE ("a=b; c=d"), white space
 * removed, or NULL. */
static char *
tag_value (const char *value, const char *name)
{
    char **tags = g_strsplit (value, ";", -1);
    char *found = NULL;
    for (guint i = 0; tags[i] && found == NULL; i++) {
        char *eq = strchr (tags[i], '=');
        if (eq == NULL)
            continue;
        *eq = '\0';
        if (g_ascii_strcasecmp (g_strstrip (tags[i]), name) != 0)
            continue;
        GString *v = g_string_new (NULL);
        for (const char *p = eq + 1; *p; p++)
            if (!g_ascii_isspace (*p))
                g_string_append_c (v, *p);
        found = g_string_free (v, FALSE);
    }
    g_strfreev (tags);
    return found;
}

/* The selector and domain of each DKIM-Signature header of an .eml,
 * read from the raw header section (unfolded). */
static void
signature_keys (const sl_doc *doc, GPtrArray *keys)
{
    static const char name[] = "DKIM-Signature:";
    const gsize name_len = sizeof name - 1;
    const char *raw = doc->raw;
    gsize len = doc->raw_len, i = 0;
    while (i < len) {
        const char *nl = memchr (raw + i, '\n', len - i);
        gsize eol = nl ? (gsize) (nl - raw) : len;
        if (eol == i || (eol == i + 1 && raw[i] == '\r'))
            break; /* the blank line: end of the headers */
        if (len - i < name_len || g_ascii_strncasecmp (raw + i, name, name_len) != 0) {
            i = eol + 1;
            continue;
        }
        guint32 offset = (guint32) i;
        GString *value = g_string_new (NULL);
        gsize start = i + name_len;
        for (;;) {
            g_string_append_len (value, raw + start, eol - start);
            i = eol + 1;
            if (i >= len || (raw[i] != ' ' && raw[i] != '\t'))
                break;
            start = i;
            nl = memchr (raw + i, '\n', len - i);
            eol = nl ? (gsize) (nl - raw) : len;
        }
        char *selector = tag_value (value->str, "s");
        char *domain = tag_value (value->str, "d");
        if (sl_dns_name_valid (selector) && sl_dns_name_valid (domain))
            add_key (keys, selector, domain, offset);
        g_free (selector);
        g_free (domain);
        g_string_free (value, TRUE);
    }
}

static void
check_dkim_key (online *o, const dkim_key *key)
{
    sl_context *cx = o->cx;
    guint32 at = key->offset;
    char *name = g_strconcat (key->selector, "._domainkey.", key->domain, NULL);
    GPtrArray *txt = NULL;
    sl_dns_status status = lookup (o, name, SL_DNS_TXT, &txt);
    if (failed (status)) {
        sl_report (cx, "dns-dkim", SPAMLINT_NOTE, 0.0, at, at, NULL, name,
                   _("the DKIM key at %s could not be checked: %s"), name, failure_reason (status));
    } else if (txt == NULL) {
        sl_report (cx, "dns-dkim", SPAMLINT_ERROR, 2.0, at, at, NULL, name,
                   _("no DKIM key at %s: publish the public key that your mailing tool or mail server gives you, or sign with the selector that has one"),
                   name);
    } else {
        gboolean key_found = FALSE, revoked = FALSE;
        for (guint i = 0; i < txt->len; i++) {
            char *p = tag_value (g_ptr_array_index (txt, i), "p");
            if (p && *p)
                key_found = TRUE;
            else if (p)
                revoked = TRUE;
            g_free (p);
        }
        if (!key_found && revoked)
            sl_report (cx, "dns-dkim", SPAMLINT_ERROR, 2.0, at, at, NULL, name,
                       _("the DKIM key at %s is revoked (empty p=): sign with a current key"), name);
        else if (!key_found)
            sl_report (cx, "dns-dkim", SPAMLINT_ERROR, 2.0, at, at, NULL, name,
                       _("the record at %s has no DKIM public key (p=): publish the key that your mailing tool or mail server gives you"),
                       name);
    }
    release_records (txt);
    g_free (name);
}

static void
check_dkim (online *o, const char *domain, guint32 at)
{
    const sl_doc *doc = o->cx->doc;
    GPtrArray *keys = g_ptr_array_new_with_free_func (dkim_key_free);
    if (o->cx->engine->dkim_selector && domain)
        add_key (keys, o->cx->engine->dkim_selector, domain, at);
    if (doc->format == SPAMLINT_FORMAT_EML)
        signature_keys (doc, keys);
    for (guint i = 0; i < keys->len; i++)
        check_dkim_key (o, g_ptr_array_index (keys, i));
    g_ptr_array_unref (keys);
}

/* --- MX ------------------------------------------------------------------- */

static void
check_mx (online *o, const char *domain, guint32 at)
{
    sl_context *cx = o->cx;
    GPtrArray *mx = NULL;
    sl_dns_status status = lookup (o, domain, SL_DNS_MX, &mx);
    if (status == SL_DNS_FOUND) {
        const char *only = mx->len == 1 ? g_ptr_array_index (mx, 0) : NULL;
        const char *host = only ? strchr (only, ' ') : NULL;
        if (host && strcmp (host + 1, ".") == 0)
            sl_report (cx, "dns-mx", SPAMLINT_ERROR, 2.0, at, at, NULL, domain,
                       _("%s has a null MX record (RFC 7505): it receives no mail, so replies and bounces are lost; send from a domain that receives mail"),
                       domain);
        release_records (mx);
        return;
    }
    /* no MX: mail goes to the domain's own address (RFC 5321 5.1) */
    static const int types[] = { SL_DNS_A, SL_DNS_AAAA };
    for (guint i = 0; i < G_N_ELEMENTS (types) && !failed (status); i++) {
        status = lookup (o, domain, types[i], NULL);
        if (status == SL_DNS_FOUND)
            return;
    }
    if (failed (status))
        sl_report (cx, "dns-mx", SPAMLINT_NOTE, 0.0, at, at, NULL, domain,
                   _("the MX records of %s could not be checked: %s"), domain, failure_reason (status));
    else
        sl_report (cx, "dns-mx", SPAMLINT_ERROR, 2.0, at, at, NULL, domain,
                   _("%s has no MX record, nor an A record: replies and bounces to it are lost; publish MX records for it"),
                   domain);
}

/* --- blocklists ----------------------------------------------------------- */

typedef enum { BL_CLEAR, BL_LISTED, BL_REFUSED, BL_FAILED } bl_answer;

typedef struct blocklists {
    online *o;
    GPtrArray *failed;          /* zones that could not be asked */
    GPtrArray *refused;         /* zones that refused to answer */
    sl_dns_status failure;
} blocklists;

static void
add_zone_once (GPtrArray *zones, const char *zone)
{
    for (guint i = 0; i < zones->len; i++)
        if (strcmp (g_ptr_array_index (zones, i), zone) == 0)
            return;
    g_ptr_array_add (zones, (gpointer) zone);
}

/* Ask ZONE about NAME (a reversed IP or a domain); *CODE gets the answer
 * of a listing. */
static bl_answer
blocklist_ask (blocklists *b, const char *name, const char *zone, char **code)
{
    char *query = g_strconcat (name, ".", zone, NULL);
    GPtrArray *answers = NULL;
    sl_dns_status status = lookup (b->o, query, SL_DNS_A, &answers);
    g_free (query);
    if (status == SL_DNS_NONE)
        return BL_CLEAR;
    if (failed (status)) {
        add_zone_once (b->failed, zone);
        b->failure = status;
        return BL_FAILED;
    }
    bl_answer result = BL_CLEAR;
    for (guint i = 0; i < answers->len && result != BL_LISTED; i++) {
        const char *a = g_ptr_array_index (answers, i);
        if (g_str_has_prefix (a, "127.") && strcmp (a, "127.0.0.1") != 0
            && !g_str_has_prefix (a, "127.255.255.")) {
            result = BL_LISTED;
            *code = g_strdup (a);
        } else {
            /* a refusal, or not a blocklist's answer at all */
            result = BL_REFUSED;
        }
    }
    if (result == BL_REFUSED)
        add_zone_once (b->refused, zone);
    release_records (answers);
    return result;
}

/* The zones added with the option, or the defaults. */
static const char *const *
zones_of (const GPtrArray *option, const char *const *defaults, GPtrArray **holder)
{
    if (option == NULL || option->len == 0)
        return defaults;
    *holder = g_ptr_array_new ();
    for (guint i = 0; i < option->len; i++)
        g_ptr_array_add (*holder, g_ptr_array_index (option, i));
    g_ptr_array_add (*holder, NULL);
    return (const char *const *) (*holder)->pdata;
}

static void
check_sending_ip (blocklists *b, guint32 at)
{
    const spamlint_engine *engine = b->o->cx->engine;
    char *reversed = sl_dns_reverse_ip (engine->sending_ip);
    if (reversed == NULL)
        return;
    GPtrArray *holder = NULL;
    const char *const *zones = zones_of (engine->dnsbl_zones, default_dnsbl_zones, &holder);
    for (guint z = 0; zones[z]; z++) {
        char *code = NULL;
        if (blocklist_ask (b, reversed, zones[z], &code) == BL_LISTED)
            sl_report (b->o->cx, "dnsbl-listed", SPAMLINT_ERROR, 5.0, at, at, NULL, engine->sending_ip,
                       _("the sending IP %s is listed on %s (answer %s): find out why, fix the cause and ask for delisting, or send from another IP"),
                       engine->sending_ip, zones[z], code);
        g_free (code);
    }
    if (holder)
        g_ptr_array_unref (holder);
    g_free (reversed);
}

/* A linked domain and its first link. */
typedef struct linked {
    char *domain;
    char *url;
    guint32 offset;
    const char *part;
} linked;

static void
linked_free (gpointer data)
{
    linked *l = data;
    g_free (l->domain);
    g_free (l->url);
    g_free (l);
}

typedef struct link_walk {
    GPtrArray *links;    /* linked, in document order */
    GHashTable *seen;    /* domain (owned by its linked) */
    const char *part;
} link_walk;

static void
add_link (link_walk *w, const char *url, guint32 offset, const char *part)
{
    if (w->links->len >= MAX_LINKED_DOMAINS || sl_has_placeholder (url))
        return;
    char *host = sl_url_host (url);
    if (host == NULL || sl_host_is_ip (host)) {
        g_free (host);
        return;
    }
    char *domain = sl_registrable_domain (host);
    g_free (host);
    if (domain == NULL || !sl_dns_name_valid (domain) || g_hash_table_contains (w->seen, domain)) {
        g_free (domain);
        return;
    }
    linked *l = g_new0 (linked, 1);
    l->domain = domain;
    l->url = g_strdup (url);
    l->offset = offset;
    l->part = part;
    g_ptr_array_add (w->links, l);
    g_hash_table_add (w->seen, domain);
}

static void
visit (const sl_node *node, void *data)
{
    link_walk *w = data;
    if (strcmp (node->name, "a") != 0 && strcmp (node->name, "area") != 0
        && strcmp (node->name, "img") != 0)
        return;
    const sl_attr *href = sl_node_find_attr (node, "href");
    if (href && href->value)
        add_link (w, href->value, node->offset, w->part);
}

static void
add_text_link (const char *url, guint32 source, void *data)
{
    add_link (data, url, source, "text/plain");
}

/* URLs written in plain-text parts. */
static void
text_links (link_walk *w, const sl_segment *segment)
{
    sl_foreach_url (segment->map.text, segment->map.src, add_text_link, w);
}

static void
check_linked_domains (blocklists *b)
{
    const sl_doc *doc = b->o->cx->doc;
    link_walk w = { g_ptr_array_new_with_free_func (linked_free),
                    g_hash_table_new (g_str_hash, g_str_equal), NULL };
    for (guint i = 0; i < doc->html->len; i++) {
        const sl_html *html = g_ptr_array_index (doc->html, i);
        w.part = html->part;
        sl_html_walk (html, visit, &w);
    }
    for (guint i = 0; i < doc->segments->len; i++) {
        const sl_segment *segment = g_ptr_array_index (doc->segments, i);
        if (segment->kind == SL_SEGMENT_BODY && strcmp (segment->part, "text/plain") == 0)
            text_links (&w, segment);
    }
    GPtrArray *holder = NULL;
    const char *const *zones = zones_of (b->o->cx->engine->uribl_zones, default_uribl_zones, &holder);
    for (guint i = 0; i < w.links->len; i++) {
        const linked *l = g_ptr_array_index (w.links, i);
        for (guint z = 0; zones[z]; z++) {
            char *code = NULL;
            gboolean listed = blocklist_ask (b, l->domain, zones[z], &code) == BL_LISTED;
            if (listed)
                sl_report (b->o->cx, "dnsbl-listed", SPAMLINT_ERROR, 5.0, l->offset, l->offset, l->part,
                           l->url,
                           _("the link goes to %s, which is listed on %s (answer %s): remove the link, or get the domain delisted"),
                           l->domain, zones[z], code);
            g_free (code);
            if (listed)
                break; /* one finding per domain */
        }
    }
    if (holder)
        g_ptr_array_unref (holder);
    g_hash_table_destroy (w.seen);
    g_ptr_array_unref (w.links);
}

static char *
join_zones (const GPtrArray *zones)
{
    GString *s = g_string_new (NULL);
    for (guint i = 0; i < zones->len; i++) {
        if (i > 0)
            g_string_append (s, ", ");
        g_string_append (s, g_ptr_array_index (zones, i));
    }
    return g_string_free (s, FALSE);
}

static void
check_blocklists (online *o, guint32 at)
{
    blocklists b = { o, g_ptr_array_new (), g_ptr_array_new (), SL_DNS_FOUND };
    if (o->cx->engine->sending_ip)
        check_sending_ip (&b, at);
    check_linked_domains (&b);
    if (b.failed->len > 0) {
        char *zones = join_zones (b.failed);
        sl_report (o->cx, "dnsbl-listed", SPAMLINT_NOTE, 0.0, at, at, NULL, zones,
                   dngettext (GETTEXT_PACKAGE, "the blocklist %s could not be checked: %s",
                              "the blocklists %s could not be checked: %s", b.failed->len),
                   zones, failure_reason (b.failure));
        g_free (zones);
    }
    if (b.refused->len > 0) {
        char *zones = join_zones (b.refused);
        sl_report (o->cx, "dnsbl-listed", SPAMLINT_NOTE, 0.0, at, at, NULL, zones,
                   dngettext (GETTEXT_PACKAGE,
                              "the blocklist %s refused to answer (blocklists refuse queries through public or busy DNS resolvers): ask it through your own resolver",
                              "the blocklists %s refused to answer (blocklists refuse queries through public or busy DNS resolvers): ask them through your own resolver",
                              b.refused->len),
                   zones);
        g_free (zones);
    }
    g_ptr_array_unref (b.failed);
    g_ptr_array_unref (b.refused);
}

/* --- the family ----------------------------------------------------------- */

/* The From domain in ASCII, or NULL. */
static char *
from_domain (const sl_doc *doc)
{
    if (doc->from_address == NULL)
        return NULL;
    const char *at = strrchr (doc->from_address, '@');
    if (at == NULL || at[1] == '\0')
        return NULL;
    char *ascii = sl_host_ascii (at + 1);
    if (ascii && (sl_host_is_ip (ascii) || !sl_dns_name_valid (ascii))) {
        g_free (ascii);
        return NULL;
    }
    return ascii;
}

static void
check (sl_context *cx)
{
    /* without --online, no network access at all */
    if (!cx->engine->online)
        return;
    online o = { cx, (sl_dns *) cx->state, cx->engine->dns_server,
                 g_get_monotonic_time () + SL_DNS_DRAFT_BUDGET_US };
    guint32 at = cx->doc->from_offset;
    char *domain = from_domain (cx->doc);
    if (domain && rule_on (cx, "dns-spf"))
        check_spf (&o, domain, at);
    if (domain && rule_on (cx, "dns-dmarc"))
        check_dmarc (&o, domain, at);
    if (rule_on (cx, "dns-dkim"))
        check_dkim (&o, domain, at);
    if (domain && rule_on (cx, "dns-mx"))
        check_mx (&o, domain, at);
    if (rule_on (cx, "dnsbl-listed"))
        check_blocklists (&o, at);
    g_free (domain);
}

static void *
prepare (void)
{
    return sl_dns_new ();
}

static void
release (void *state)
{
    sl_dns_free (state);
}

const sl_family sl_family_dns = {
    .name = "dns", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
    .prepare = prepare, .release = release,
};
