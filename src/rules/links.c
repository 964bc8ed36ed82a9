/* links.c: where the draft's links lead. A link is an <a> or <area> href in
 * HTML, or a URL written in plain text. Links whose target is a template
 * placeholder (href="{{unsubscribe_url}}", "*|UNSUB|*") are left alone:
 * the mailing tool fills them in.
 *
 * link-mismatch compares registrable domains (public suffix list), so a
 * link shown as "www.example.com" that goes to "news.example.com" is fine,
 * while one shown as "paypal.com" that goes to "paypal.com.evil.example"
 * is not; mailing platforms' click-tracking domains are allowed to differ,
 * and so are click-tracking URLs by their shape: a host named for it
 * (click.example.com, clickthru.example.com, links.example.com, the
 * branded tracking domains that platforms set up for a sender) or a first
 * path step /click or /track (example.com/Click?q=...). In link text,
 * "camera...My" is not a domain, nor are Microsoft's .NET names written
 * as such (ASP.NET, VB.NET).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "load/html.h"
#include "net/domains.h"
#include "rules/rules.h"
#include "text/placeholder.h"
#include "text/words.h"

static const sl_rule_info rules[] = {
    { "link-shortener", SPAMLINT_WARNING, 1.0, 0.0, N_("a link through a URL shortener") },
    { "link-ip-host", SPAMLINT_ERROR, 2.0, 0.0, N_("a link to an IP address instead of a domain") },
    { "link-mismatch", SPAMLINT_ERROR, 2.5, 0.0,
      N_("the link text shows one domain and the link goes to another") },
    { "link-insecure", SPAMLINT_NOTE, 0.0, 0.0, N_("an http:// link (not https)") },
    { "link-empty", SPAMLINT_NOTE, 0.0, 0.0, N_("a link with no target (no href, \"#\" or \"\")") },
    { "link-count", SPAMLINT_WARNING, 0.5, 0.0,
      N_("more than one link per 15 words of text (at least 10 links)") },
};

#define LINK_COUNT_MIN 10
#define WORDS_PER_LINK 15

/* The checks on one URL, wherever it was found. */
static void
check_url (sl_context *cx, const char *url, guint32 offset, const char *part)
{
    if (sl_has_placeholder (url))
        return;
    char *host = sl_url_host (url);
    if (host == NULL)
        return;
    if (sl_engine_domain_allowed (cx->engine, host)) {
        g_free (host);
        return; /* the user's own domain, allowed in the config */
    }
    if (sl_host_is_ip (host))
        sl_report (cx, "link-ip-host", SPAMLINT_ERROR, 2.0, offset, offset, part, url,
                   _("link to the IP address %s: link to your domain name instead"), host);
    else if (sl_domain_set_contains (cx->engine->shorteners, host))
        sl_report (cx, "link-shortener", SPAMLINT_WARNING, 1.0, offset, offset, part, url,
                   _("link through the URL shortener %s, which hides where it goes: link to the page itself"),
                   host);
    if (g_ascii_strncasecmp (url, "http://", 7) == 0)
        sl_report (cx, "link-insecure", SPAMLINT_NOTE, 0.0, offset, offset, part, url,
                   _("http:// link: use https://"));
    g_free (host);
}

/* Whether URL goes through a click tracker, by its shape: the first label
 * of its host, or the first step of its path, names click tracking. */
static gboolean
is_tracking_url (const char *url, const char *host)
{
    static const char *const labels[] = {
        "click", "clicks", "clickthru", "clickthrough", "links", "track", "tracking", "trk", NULL
    };
    static const char *const steps[] = { "click", "clickthru", "track", NULL };
    const char *dot = strchr (host, '.');
    if (dot) {
        char *label = g_strndup (host, (gsize) (dot - host));
        gboolean named = g_strv_contains (labels, label);
        g_free (label);
        if (named)
            return TRUE;
    }
    const char *rest = strstr (url, "://");
    if (rest == NULL)
        return FALSE;
    const char *path = strpbrk (rest + 3, "/?#");
    if (path == NULL || *path != '/')
        return FALSE;
    gsize n = strcspn (path + 1, "/?#");
    char *step = g_ascii_strdown (path + 1, (gssize) n);
    gboolean tracking = g_strv_contains (steps, step);
    g_free (step);
    return tracking;
}

/* Names that look like domains but are not: an empty label (the
 * "camera...My" of an ellipsis), or a .NET technology (ASP.NET, ADO.NET). */
static gboolean
is_pseudo_domain (const char *token)
{
    if (token[0] == '.' || strstr (token, "..") != NULL)
        return TRUE;
    gsize n = strlen (token);
    return n > 4 && strcmp (token + n - 4, ".NET") == 0;
}

/* A domain named in link text: a URL, or a bare name like example.com
 * whose suffix is a public one. */
static char *
domain_in_text (const char *text)
{
    char **tokens = g_strsplit_set (text, " \t\r\n\xc2\xa0<>()\"'", -1);
    char *found = NULL;
    for (guint i = 0; tokens[i] && found == NULL; i++) {
        char *token = tokens[i];
        gsize n = strlen (token);
        while (n > 0 && strchr (".,;:!?/", token[n - 1]))
            token[--n] = '\0';
        if (n == 0 || strchr (token, '@'))
            continue;
        if (g_ascii_strncasecmp (token, "http://", 7) == 0 || g_ascii_strncasecmp (token, "https://", 8) == 0) {
            char *host = sl_url_host (token);
            if (host && (sl_host_is_ip (host) || sl_host_has_known_suffix (host)))
                found = host;
            else
                g_free (host);
            continue;
        }
        char *slash = strchr (token, '/');
        if (slash)
            *slash = '\0';
        if (strchr (token, '.') == NULL || is_pseudo_domain (token))
            continue;
        char *host = sl_host_ascii (token);
        if (host && !sl_host_is_ip (host) && sl_host_has_known_suffix (host)) {
            char *registrable = sl_registrable_domain (host);
            /* "e.g." and "etc." have no registrable domain */
            if (registrable && strchr (host, '.') && g_ascii_isalpha (host[strlen (host) - 1]))
                found = g_strdup (host);
            g_free (registrable);
        }
        g_free (host);
    }
    g_strfreev (tokens);
    return found;
}

static void
check_mismatch (sl_context *cx, const sl_node *a, const sl_attr *href, const char *part)
{
    char *target = sl_url_host (href->value);
    if (target == NULL)
        return;
    char *text = sl_node_text (a);
    char *shown = domain_in_text (text);
    if (shown != NULL && !sl_domain_set_contains (cx->engine->click_trackers, target)
        && !is_tracking_url (href->value, target) && !sl_engine_domain_allowed (cx->engine, target)) {
        char *shown_domain = sl_registrable_domain (shown);
        char *target_domain = sl_registrable_domain (target);
        if (shown_domain && g_strcmp0 (shown_domain, target_domain) != 0)
            sl_report (cx, "link-mismatch", SPAMLINT_ERROR, 2.5, a->offset, href->offset, part,
                       href->value,
                       _("the link shows %s but goes to %s: make the text and the target agree"),
                       shown, target);
        g_free (shown_domain);
        g_free (target_domain);
    }
    g_free (shown);
    g_free (text);
    g_free (target);
}

typedef struct link_walk {
    sl_context *cx;
    const char *part;
    unsigned links;
} link_walk;

static void
visit (const sl_node *node, void *data)
{
    link_walk *w = data;
    if (sl_time_up (w->cx))
        return;
    /* an <img href> is MJML's linked mj-image */
    if (strcmp (node->name, "a") != 0 && strcmp (node->name, "area") != 0
        && !(strcmp (node->name, "img") == 0 && sl_node_find_attr (node, "href")))
        return;
    const sl_attr *href = sl_node_find_attr (node, "href");
    const char *value = href ? g_strstrip (g_strdup (href->value)) : NULL;
    if (href == NULL || value[0] == '\0' || strcmp (value, "#") == 0) {
        /* <a name="top"> is an anchor to link to, not a link */
        if (href || (!sl_node_find_attr (node, "name") && !sl_node_find_attr (node, "id")))
            sl_report (w->cx, "link-empty", SPAMLINT_NOTE, 0.0, node->offset, node->offset, w->part,
                       NULL, _("link without a target: give it a real URL or remove it"));
        g_free ((char *) value);
        return;
    }
    g_free ((char *) value);
    w->links++;
    check_url (w->cx, href->value, href->offset, w->part);
    if (!sl_has_placeholder (href->value))
        check_mismatch (w->cx, node, href, w->part);
}

static unsigned
count_words (const sl_textmap *text)
{
    sl_word_iter it;
    sl_word word;
    unsigned words = 0;
    sl_word_iter_init (&it, text->text, text->len);
    while (sl_word_iter_next (&it, &word))
        words += word.letters > 0;
    return words;
}

static void
check_text_url (const char *url, guint32 source, void *data)
{
    sl_context *cx = data;
    check_url (cx, url, source, "text/plain");
}

/* URLs written in plain-text parts. */
static void
check_text_urls (sl_context *cx, const sl_segment *segment)
{
    sl_foreach_url (segment->map.text, segment->map.src, check_text_url, cx);
}

static void
check (sl_context *cx)
{
    for (guint i = 0; i < cx->doc->html->len; i++) {
        const sl_html *html = g_ptr_array_index (cx->doc->html, i);
        link_walk w = { cx, html->part, 0 };
        sl_html_walk (html, visit, &w);
        if (cx->time_up)
            return;
        if (w.links < LINK_COUNT_MIN)
            continue;
        unsigned words = count_words (&html->visible);
        if ((double) w.links * WORDS_PER_LINK > words)
            sl_report (cx, "link-count", SPAMLINT_WARNING, 0.5, html->body_offset, html->body_offset,
                       html->part, NULL,
                       _("%u links for %u words: keep the links that matter, one call to action is best"),
                       w.links, words);
    }
    for (guint i = 0; i < cx->doc->segments->len; i++) {
        const sl_segment *segment = g_ptr_array_index (cx->doc->segments, i);
        if (segment->kind == SL_SEGMENT_BODY && strcmp (segment->part, "text/plain") == 0)
            check_text_urls (cx, segment);
    }
}

const sl_family sl_family_links = {
    .name = "links", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
};
