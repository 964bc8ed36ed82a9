/* fuzz_url.c: libFuzzer target for URL and host handling
 * (src/net/domains.h): the host of a URL, its ASCII form, its registrable
 * domain. The callers pass valid UTF-8 (the loaders repair the text), so
 * the input is made valid first.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "net/domains.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static volatile size_t sink;

static void
domain_of (const char *host)
{
    if (host == NULL)
        return;
    sink += (size_t) sl_host_is_ip (host) + (size_t) sl_host_has_known_suffix (host);
    char *domain = sl_registrable_domain (host);
    if (domain != NULL) {
        sink += strlen (domain);
        g_free (domain);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    char *input = g_utf8_make_valid ((const char *) data, (gssize) size);

    /* as an absolute URL, and as one once http:// is put before it */
    char *urls[2] = { input, g_strconcat ("https://", input, NULL) };
    for (int k = 0; k < 2; k++) {
        char *host = sl_url_host (urls[k]);
        domain_of (host);
        g_free (host);
    }
    g_free (urls[1]);

    /* as a bare host name (a link's visible text, an allowed domain) */
    char *ascii = sl_host_ascii (input);
    domain_of (ascii);
    g_free (ascii);

    g_free (input);
    return 0;
}
