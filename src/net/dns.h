/* dns.h: the DNS lookups of the online checks (rules/dns.c), a small layer
 * over libresolv (res_ninit, res_nquery, ns_initparse, ns_parserr).
 *
 * Each query has a short timeout (SL_DNS_QUERY_TIMEOUT_S, one try) and a
 * deadline set by the caller, so a draft never waits long; answers are
 * cached in the sl_dns, which the lint threads of one engine share. A
 * server that does not answer in time is left alone for a while
 * (SL_DNS_DOWN_S): the next lookups fail at once instead of each waiting.
 * Nothing here is called unless the online checks are on.
 */
#ifndef SL_DNS_H
#define SL_DNS_H

#include <glib.h>

/* Seconds one query may take (a single try). */
#define SL_DNS_QUERY_TIMEOUT_S 2
/* Microseconds all the lookups of one draft may take together. */
#define SL_DNS_DRAFT_BUDGET_US (5 * G_USEC_PER_SEC)
/* Seconds a server that timed out is not asked again. */
#define SL_DNS_DOWN_S 60
/* Seconds an answer stays in the cache. */
#define SL_DNS_CACHE_S 300

/* Record types, as on the wire. */
enum { SL_DNS_A = 1, SL_DNS_MX = 15, SL_DNS_TXT = 16, SL_DNS_AAAA = 28 };

typedef enum {
    SL_DNS_FOUND,    /* records of the type asked */
    SL_DNS_NONE,     /* the name does not exist, or has no such record */
    SL_DNS_FAILED,   /* the server could not be reached, or answered with an error */
    SL_DNS_TIMEOUT   /* no answer in time (or no time left for this draft) */
} sl_dns_status;

typedef struct sl_dns sl_dns;

/* An empty cache; no network access. */
sl_dns *sl_dns_new (void);
void sl_dns_free (sl_dns *dns);

/* Look up the records of TYPE at NAME (a host name, no trailing dot).
 * SERVER is "ADDR" or "ADDR:PORT" (IPv4), or NULL for the resolvers of
 * /etc/resolv.conf. No query is sent once DEADLINE (g_get_monotonic_time)
 * has passed. On SL_DNS_FOUND, *RECORDS (if RECORDS is not NULL) gets a
 * new reference to an array of strings, one per record: TXT: the record's
 * strings joined; MX: "PREFERENCE HOST" ("0 ." for a null MX); A and AAAA:
 * the address. Free it with g_ptr_array_unref. Thread-safe. */
sl_dns_status sl_dns_lookup (sl_dns *dns, const char *server, gint64 deadline,
                             const char *name, int type, GPtrArray **records);

/* Whether SPEC is "ADDR" or "ADDR:PORT" with an IPv4 ADDR and a PORT from
 * 1 to 65535. */
gboolean sl_dns_server_valid (const char *spec);

/* The labels of the IP address IP in reverse order, as a DNS blocklist
 * is queried: "192.0.2.1" -> "1.2.0.192"; an IPv6 address gives its 32
 * nibbles. NULL if IP is not an address. Free with g_free. */
char *sl_dns_reverse_ip (const char *ip);

/* Whether NAME is a DNS name: dot-separated labels of 1 to 63 letters,
 * digits, '-' or '_', at most 253 characters. */
gboolean sl_dns_name_valid (const char *name);

#endif
