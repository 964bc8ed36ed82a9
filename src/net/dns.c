/* dns.c: DNS lookups for the online checks, through libresolv.
 *
 * Each query gets a resolver state of its own (res_ninit), so threads never
 * share one; the state is pointed at the user's server when there is one
 * (nsaddr_list), and allowed one try of SL_DNS_QUERY_TIMEOUT_S seconds, or
 * less when the draft's deadline is near. res_nquery sends the query (with
 * EDNS0, and over TCP when the answer is truncated); ns_initparse and
 * ns_parserr read the answer.
 *
 * The cache maps server, type and name to the answer. A lookup that
 * another thread is already making is waited for, not sent twice. A
 * server that let a query time out is marked down for SL_DNS_DOWN_S
 * seconds, so that a dead server costs one timeout, not one per lookup.
 */
#include "config.h"

#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdlib.h>
#include <string.h>

#include "net/dns.h"

/* Big enough for any answer that comes over TCP. */
#define ANSWER_SIZE 65536

typedef struct entry {
    gboolean pending;      /* a thread is asking */
    sl_dns_status status;
    GPtrArray *records;    /* char *, or NULL */
    gint64 expires;        /* monotonic time */
} entry;

struct sl_dns {
    GMutex lock;
    GCond answered;
    GHashTable *cache;     /* "SERVER TYPE NAME" -> entry */
    GHashTable *down;      /* server ("" for the system's) -> gint64 *: down until */
};

static void
entry_free (gpointer data)
{
    entry *e = data;
    if (e->records)
        g_ptr_array_unref (e->records);
    g_free (e);
}

sl_dns *
sl_dns_new (void)
{
    sl_dns *dns = g_new0 (sl_dns, 1);
    g_mutex_init (&dns->lock);
    g_cond_init (&dns->answered);
    dns->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
    dns->down = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    return dns;
}

void
sl_dns_free (sl_dns *dns)
{
    if (dns == NULL)
        return;
    g_hash_table_destroy (dns->cache);
    g_hash_table_destroy (dns->down);
    g_cond_clear (&dns->answered);
    g_mutex_clear (&dns->lock);
    g_free (dns);
}

/* SPEC as an IPv4 socket address. */
static gboolean
parse_server (const char *spec, struct sockaddr_in *address)
{
    memset (address, 0, sizeof *address);
    address->sin_family = AF_INET;
    address->sin_port = htons (NS_DEFAULTPORT);
    if (spec == NULL || *spec == '\0')
        return FALSE;
    const char *colon = strchr (spec, ':');
    char *host = colon ? g_strndup (spec, colon - spec) : g_strdup (spec);
    gboolean ok = inet_pton (AF_INET, host, &address->sin_addr) == 1;
    g_free (host);
    if (ok && colon) {
        char *end = NULL;
        guint64 port = g_ascii_strtoull (colon + 1, &end, 10);
        ok = g_ascii_isdigit (colon[1]) && end && *end == '\0' && port >= 1 && port <= 65535;
        address->sin_port = htons ((guint16) port);
    }
    return ok;
}

gboolean
sl_dns_server_valid (const char *spec)
{
    struct sockaddr_in address;
    return parse_server (spec, &address);
}

gboolean
sl_dns_name_valid (const char *name)
{
    if (name == NULL)
        return FALSE;
    gsize len = strlen (name);
    if (len == 0 || len > 253)
        return FALSE;
    gsize label = 0;
    for (const char *p = name;; p++) {
        if (*p == '.' || *p == '\0') {
            if (label == 0 || label > 63)
                return FALSE;
            if (*p == '\0')
                return TRUE;
            label = 0;
        } else if (g_ascii_isalnum (*p) || *p == '-' || *p == '_') {
            label++;
        } else {
            return FALSE;
        }
    }
}

char *
sl_dns_reverse_ip (const char *ip)
{
    guint8 bytes[16];
    if (ip == NULL)
        return NULL;
    if (inet_pton (AF_INET, ip, bytes) == 1)
        return g_strdup_printf ("%u.%u.%u.%u", bytes[3], bytes[2], bytes[1], bytes[0]);
    if (inet_pton (AF_INET6, ip, bytes) == 1) {
        static const char hex[] = "0123456789abcdef";
        GString *s = g_string_sized_new (64);
        for (int i = 15; i >= 0; i--) {
            g_string_append_c (s, hex[bytes[i] & 0xf]);
            g_string_append_c (s, '.');
            g_string_append_c (s, hex[bytes[i] >> 4]);
            if (i > 0)
                g_string_append_c (s, '.');
        }
        return g_string_free (s, FALSE);
    }
    return NULL;
}

/* The records of TYPE in the answer section of ANSWER. */
static GPtrArray *
parse_answer (const guchar *answer, int len, int type)
{
    ns_msg msg;
    if (ns_initparse (answer, len, &msg) < 0)
        return NULL;
    GPtrArray *records = g_ptr_array_new_with_free_func (g_free);
    int n = ns_msg_count (msg, ns_s_an);
    for (int i = 0; i < n; i++) {
        ns_rr rr;
        if (ns_parserr (&msg, ns_s_an, i, &rr) < 0)
            break;
        /* skip the CNAMEs that led to the records */
        if ((int) ns_rr_type (rr) != type || ns_rr_class (rr) != ns_c_in)
            continue;
        const guchar *rdata = ns_rr_rdata (rr);
        unsigned rdlen = ns_rr_rdlen (rr);
        char text[INET6_ADDRSTRLEN];
        switch (type) {
        case SL_DNS_A:
            if (rdlen == 4 && inet_ntop (AF_INET, rdata, text, sizeof text))
                g_ptr_array_add (records, g_strdup (text));
            break;
        case SL_DNS_AAAA:
            if (rdlen == 16 && inet_ntop (AF_INET6, rdata, text, sizeof text))
                g_ptr_array_add (records, g_strdup (text));
            break;
        case SL_DNS_MX: {
            char host[NS_MAXDNAME];
            if (rdlen < 3
                || ns_name_uncompress (ns_msg_base (msg), ns_msg_end (msg), rdata + 2, host,
                                       sizeof host) < 0)
                break;
            g_ptr_array_add (records, g_strdup_printf ("%u %s", ns_get16 (rdata),
                                                       *host ? host : "."));
            break;
        }
        case SL_DNS_TXT: {
            /* character-strings, joined without a separator (RFC 7208 3.3) */
            GString *s = g_string_new (NULL);
            for (unsigned k = 0; k < rdlen;) {
                unsigned n_bytes = rdata[k++];
                for (unsigned j = 0; j < n_bytes && k < rdlen; j++, k++)
                    if (rdata[k] != '\0')
                        g_string_append_c (s, (char) rdata[k]);
            }
            g_ptr_array_add (records, g_string_free (s, FALSE));
            break;
        }
        default:
            break;
        }
    }
    return records;
}

/* Send one query. *SERVER_DOWN: it went unanswered for the whole
 * timeout, not one cut short by the deadline. */
static sl_dns_status
query (const char *server, gint64 deadline, const char *name, int type, GPtrArray **records,
       gboolean *server_down)
{
    *records = NULL;
    *server_down = FALSE;
    gint64 left = deadline - g_get_monotonic_time ();
    if (left <= 0)
        return SL_DNS_TIMEOUT;
    struct sockaddr_in address;
    if (server && !parse_server (server, &address))
        return SL_DNS_FAILED;
    struct __res_state state;
    memset (&state, 0, sizeof state);
    if (res_ninit (&state) != 0)
        return SL_DNS_FAILED; /* nothing to close: res_nclose would close fd 0 */
    /* the name as it is: no search list, no default domain */
    state.options &= ~(RES_DNSRCH | RES_DEFNAMES);
    state.options |= RES_USE_EDNS0;
    int seconds = (int) MIN ((gint64) SL_DNS_QUERY_TIMEOUT_S, (left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
    state.retrans = MAX (seconds, 1);
    state.retry = 1;
    if (server) {
        state.nsaddr_list[0] = address;
        state.nscount = 1;
    }
    guchar *answer = g_malloc (ANSWER_SIZE);
    gint64 start = g_get_monotonic_time ();
    int len = res_nquery (&state, name, ns_c_in, type, answer, ANSWER_SIZE);
    gint64 took = g_get_monotonic_time () - start;
    int h_error = state.res_h_errno;
    res_nclose (&state);
    sl_dns_status status;
    if (len < 0) {
        switch (h_error) {
        case HOST_NOT_FOUND: /* NXDOMAIN */
        case NO_DATA:        /* the name exists, without such records */
            status = SL_DNS_NONE;
            break;
        case TRY_AGAIN:
            /* no answer at all, or SERVFAIL/REFUSED: only the time tells */
            status = took >= (gint64) state.retrans * G_USEC_PER_SEC * 9 / 10 ? SL_DNS_TIMEOUT
                                                                                : SL_DNS_FAILED;
            *server_down = status == SL_DNS_TIMEOUT && state.retrans == SL_DNS_QUERY_TIMEOUT_S;
            break;
        default:
            status = SL_DNS_FAILED;
            break;
        }
    } else {
        *records = parse_answer (answer, MIN (len, ANSWER_SIZE), type);
        if (*records == NULL) {
            status = SL_DNS_FAILED;
        } else if ((*records)->len == 0) {
            g_ptr_array_unref (*records);
            *records = NULL;
            status = SL_DNS_NONE;
        } else {
            status = SL_DNS_FOUND;
        }
    }
    g_free (answer);
    return status;
}

sl_dns_status
sl_dns_lookup (sl_dns *dns, const char *server, gint64 deadline, const char *name, int type,
               GPtrArray **records)
{
    if (records)
        *records = NULL;
    if (!sl_dns_name_valid (name))
        return SL_DNS_NONE;
    const char *server_key = server ? server : "";
    char *lower = g_ascii_strdown (name, -1);
    char *key = g_strdup_printf ("%s %d %s", server_key, type, lower);
    g_free (lower);
    sl_dns_status status = SL_DNS_TIMEOUT;
    g_mutex_lock (&dns->lock);
    entry *e;
    for (;;) {
        e = g_hash_table_lookup (dns->cache, key);
        gint64 now = g_get_monotonic_time ();
        if (e && !e->pending && e->expires > now) {
            status = e->status;
            if (records && e->records)
                *records = g_ptr_array_ref (e->records);
            g_mutex_unlock (&dns->lock);
            g_free (key);
            return status;
        }
        if (e == NULL || !e->pending)
            break;
        /* another thread is asking: wait for its answer */
        if (!g_cond_wait_until (&dns->answered, &dns->lock, deadline)) {
            g_mutex_unlock (&dns->lock);
            g_free (key);
            return SL_DNS_TIMEOUT;
        }
    }
    const gint64 *down_until = g_hash_table_lookup (dns->down, server_key);
    if ((down_until && *down_until > g_get_monotonic_time ()) || g_get_monotonic_time () >= deadline) {
        g_mutex_unlock (&dns->lock);
        g_free (key);
        return SL_DNS_TIMEOUT;
    }
    e = g_new0 (entry, 1);
    e->pending = TRUE;
    g_hash_table_replace (dns->cache, g_strdup (key), e);
    g_mutex_unlock (&dns->lock);

    GPtrArray *found = NULL;
    gboolean server_down;
    status = query (server, deadline, name, type, &found, &server_down);

    g_mutex_lock (&dns->lock);
    /* the entry is still ours: nobody replaces a pending entry */
    e = g_hash_table_lookup (dns->cache, key);
    e->pending = FALSE;
    e->status = status;
    e->records = found;
    gint64 now = g_get_monotonic_time ();
    if (server_down) {
        e->expires = now + SL_DNS_DOWN_S * G_USEC_PER_SEC;
        gint64 *until = g_new (gint64, 1);
        *until = e->expires;
        g_hash_table_replace (dns->down, g_strdup (server_key), until);
    } else if (status == SL_DNS_TIMEOUT) {
        e->expires = now; /* cut short by this draft's deadline: ask again next time */
    } else if (status == SL_DNS_FAILED) {
        e->expires = now + SL_DNS_DOWN_S * G_USEC_PER_SEC;
    } else {
        e->expires = now + SL_DNS_CACHE_S * G_USEC_PER_SEC;
    }
    if (records && found)
        *records = g_ptr_array_ref (found);
    g_cond_broadcast (&dns->answered);
    g_mutex_unlock (&dns->lock);
    g_free (key);
    return status;
}
