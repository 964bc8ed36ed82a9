/* domains.h: domain lists (data/ files) and registrable domains (libpsl). */
#ifndef SL_DOMAINS_H
#define SL_DOMAINS_H

#include <glib.h>

typedef struct sl_domain_set sl_domain_set;

/* One domain per line, '#' comments. */
sl_domain_set *sl_domain_set_parse (const char *data, gsize len);
void sl_domain_set_free (sl_domain_set *set);
/* Whether HOST (ASCII, lower case) or one of its parent domains is listed. */
gboolean sl_domain_set_contains (const sl_domain_set *set, const char *host);

/* HOST lower-cased in its ASCII (punycode) form, or NULL if it is not a
 * host name. Free with g_free. */
char *sl_host_ascii (const char *host);
/* The registrable domain of an ASCII host ("news.example.co.uk" ->
 * "example.co.uk"), or NULL (an IP address, a bare public suffix). */
char *sl_registrable_domain (const char *host);
/* Whether HOST ends in a top-level domain the public suffix list knows
 * ("example.url" does not: it is a placeholder, not a domain). */
gboolean sl_host_has_known_suffix (const char *host);
/* Whether HOST is an IP address (dotted, bracketed IPv6, or one number). */
gboolean sl_host_is_ip (const char *host);

/* The host of an absolute http(s) URL, ASCII lower case; NULL otherwise. */
char *sl_url_host (const char *url);

#endif
