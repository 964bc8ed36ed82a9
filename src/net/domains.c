/* domains.c: the facts about domains that the link and sender rules need.
 * Registrable domains come from the public suffix list through libpsl, so
 * that "news.example.co.uk" and "shop.example.co.uk" are one sender while
 * "example.co.uk" and "example-co.uk" are not. Hosts are compared in their
 * ASCII (punycode) form, so a look-alike Unicode domain is not its twin.
 */
#include "config.h"

#include "net/domains.h"

#include <libpsl.h>
#include <string.h>

struct sl_domain_set {
    GHashTable *domains;
};

sl_domain_set *
sl_domain_set_parse (const char *data, gsize len)
{
    sl_domain_set *set = g_new0 (sl_domain_set, 1);
    set->domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    char *copy = g_strndup (data, len);
    char **lines = g_strsplit (copy, "\n", -1);
    for (guint i = 0; lines[i]; i++) {
        char *line = g_strstrip (lines[i]);
        if (*line == '\0' || *line == '#')
            continue;
        char *host = sl_host_ascii (line);
        if (host)
            g_hash_table_add (set->domains, host);
    }
    g_strfreev (lines);
    g_free (copy);
    return set;
}

void
sl_domain_set_free (sl_domain_set *set)
{
    if (set == NULL)
        return;
    g_hash_table_destroy (set->domains);
    g_free (set);
}

gboolean
sl_domain_set_contains (const sl_domain_set *set, const char *host)
{
    if (set == NULL || host == NULL)
        return FALSE;
    for (const char *p = host; p; p = strchr (p, '.')) {
        if (*p == '.')
            p++;
        if (g_hash_table_contains (set->domains, p))
            return TRUE;
    }
    return FALSE;
}

char *
sl_host_ascii (const char *host)
{
    if (host == NULL || *host == '\0')
        return NULL;
    gsize n = strlen (host);
    while (n > 0 && host[n - 1] == '.')
        n--; /* a fully qualified "example.com." */
    char *trimmed = g_strndup (host, n);
    char *ascii = g_hostname_to_ascii (trimmed);
    g_free (trimmed);
    if (ascii == NULL)
        return NULL;
    char *lower = g_ascii_strdown (ascii, -1);
    g_free (ascii);
    return lower;
}

static const psl_ctx_t *
psl (void)
{
    static gsize ready = 0;
    static const psl_ctx_t *ctx = NULL;
    if (g_once_init_enter (&ready)) {
        /* the system's list when installed (newer), else the built-in one */
        psl_ctx_t *latest = psl_latest (NULL);
        ctx = latest ? latest : psl_builtin ();
        g_once_init_leave (&ready, 1);
    }
    return ctx;
}

char *
sl_registrable_domain (const char *host)
{
    if (host == NULL || sl_host_is_ip (host) || psl () == NULL)
        return NULL;
    const char *domain = psl_registrable_domain (psl (), host);
    return domain ? g_strdup (domain) : NULL;
}

gboolean
sl_host_has_known_suffix (const char *host)
{
    if (host == NULL || psl () == NULL)
        return FALSE;
    const char *dot = strrchr (host, '.');
    const char *tld = dot ? dot + 1 : host;
    /* without the "*" default rule, only suffixes the list names count */
    return psl_is_public_suffix2 (psl (), tld, PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE) != 0;
}

gboolean
sl_host_is_ip (const char *host)
{
    if (host == NULL || *host == '\0')
        return FALSE;
    if (host[0] == '[' || g_hostname_is_ip_address (host))
        return TRUE;
    /* http://3232235777/ and http://0xC0A80001/ reach an IP address too */
    gboolean digits = TRUE;
    for (const char *p = host; *p; p++)
        if (!g_ascii_isxdigit (*p) && *p != 'x' && *p != 'X' && *p != '.')
            digits = FALSE;
    return digits && (g_ascii_isdigit (host[0]));
}

char *
sl_url_host (const char *url)
{
    if (url == NULL)
        return NULL;
    while (g_ascii_isspace (*url))
        url++;
    if (g_ascii_strncasecmp (url, "http://", 7) != 0 && g_ascii_strncasecmp (url, "https://", 8) != 0)
        return NULL;
    GUri *uri = g_uri_parse (url, G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_NON_DNS, NULL);
    if (uri == NULL)
        return NULL;
    const char *host = g_uri_get_host (uri);
    char *ascii = NULL;
    if (host && *host) {
        if (g_hostname_is_ip_address (host))
            ascii = g_strdup (host);
        else
            ascii = sl_host_ascii (host);
    }
    g_uri_unref (uri);
    return ascii;
}
