/* html_code.c: what the HTML is made of, beyond what it shows: scripts and
 * active content (which no mail client runs and every filter punishes),
 * external style sheets (stripped by most clients), parser errors, and a
 * size past which Gmail clips the message. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlerror.h>
#include <string.h>

#include "load/html.h"
#include "rules/rules.h"

static const sl_rule_info rules[] = {
    { "html-script", SPAMLINT_ERROR, 3.0, 0.0,
      N_("a <script>, an on* event handler or a javascript: URL") },
    { "html-active-content", SPAMLINT_ERROR, 2.0, 0.0,
      N_("<object>, <embed>, <applet>, <iframe>, <frame>, <form>, Flash or a refresh") },
    { "html-external-css", SPAMLINT_WARNING, 0.2, 0.0,
      N_("a <link rel=stylesheet>, which most mail clients strip") },
    { "html-malformed", SPAMLINT_WARNING, 0.5, 0.5, N_("the HTML parser reports errors") },
    { "html-size", SPAMLINT_ERROR, 1.5, 0.0,
      N_("HTML over 102 KB, which Gmail clips (over 90 KB: a note)") },
};

#define MALFORMED_SHOWN 5
#define SIZE_NOTE_BYTES (90 * 1024)

static gboolean
is_script_url (const char *value)
{
    /* browsers drop white space and control characters anywhere in a
     * scheme: "java\tscript:" is javascript: */
    const char *colon = strchr (value, ':');
    if (colon == NULL)
        return FALSE; /* most values: no scheme to read */
    char scheme[16];
    gsize n = 0;
    for (const char *p = value; *p && *p != ':' && n < sizeof scheme - 1; p++)
        if ((guchar) *p > ' ')
            scheme[n++] = g_ascii_tolower (*p);
    scheme[n] = '\0';
    return strcmp (scheme, "javascript") == 0 || strcmp (scheme, "vbscript") == 0;
}

static gboolean
is_event_handler (const char *name)
{
    if (strncmp (name, "on", 2) != 0 || name[2] == '\0')
        return FALSE;
    for (const char *p = name + 2; *p; p++)
        if (!g_ascii_isalpha (*p))
            return FALSE;
    return TRUE;
}

/* Whether NAME is WANTED: the first letters tell most names apart
 * without a call. */
static gboolean
name_is (const char *name, const char *wanted)
{
    return name[0] == wanted[0] && strcmp (name, wanted) == 0;
}

static gboolean
is_active_element (const char *name)
{
    static const char *const names[] = {
        "object", "embed", "applet", "iframe", "frame", "frameset", "form", NULL
    };
    for (guint i = 0; names[i]; i++)
        if (name_is (name, names[i]))
            return TRUE;
    return FALSE;
}

typedef struct code_walk {
    sl_context *cx;
    const char *part;
} code_walk;

static void
check_scripts (code_walk *w, const sl_node *node)
{
    if (name_is (node->name, "script")) {
        const char *type = sl_node_attr (node, "type");
        /* structured data for Gmail's actions is JSON, not a program */
        if (type == NULL || g_ascii_strcasecmp (type, "application/ld+json") != 0)
            sl_report (w->cx, "html-script", SPAMLINT_ERROR, 3.0, node->offset, node->offset,
                       w->part, NULL,
                       _("<script> in an e-mail: no mail client runs it and filters punish it; remove it"));
    }
    for (guint i = 0; i < node->n_attrs; i++) {
        const sl_attr *attr = &node->attrs[i];
        if (is_event_handler (attr->name))
            sl_report (w->cx, "html-script", SPAMLINT_ERROR, 3.0, attr->offset, attr->offset,
                       w->part, attr->name,
                       _("event handler %s= is script: remove it"), attr->name);
        else if (is_script_url (attr->value))
            sl_report (w->cx, "html-script", SPAMLINT_ERROR, 3.0, attr->offset, attr->offset,
                       w->part, attr->value,
                       _("script URL in %s=: link to a web page instead"), attr->name);
    }
}

static gboolean
is_flash (const char *value)
{
    gsize n = strlen (value);
    const char *query = strpbrk (value, "?#");
    if (query)
        n = (gsize) (query - value);
    return n >= 4 && g_ascii_strncasecmp (value + n - 4, ".swf", 4) == 0;
}

static void
check_active (code_walk *w, const sl_node *node)
{
    if (is_active_element (node->name)) {
        sl_report (w->cx, "html-active-content", SPAMLINT_ERROR, 2.0, node->offset, node->offset,
                   w->part, node->name,
                   _("<%s> in an e-mail is blocked by mail clients and flagged by filters: link to a web page instead"),
                   node->name);
        return;
    }
    if (name_is (node->name, "meta")) {
        const char *equiv = sl_node_attr (node, "http-equiv");
        if (equiv && g_ascii_strcasecmp (equiv, "refresh") == 0)
            sl_report (w->cx, "html-active-content", SPAMLINT_ERROR, 2.0, node->offset,
                       node->offset, w->part, NULL,
                       _("<meta http-equiv=refresh> redirects the reader: remove it"));
        return;
    }
    for (guint i = 0; i < node->n_attrs; i++)
        if ((name_is (node->attrs[i].name, "src") || name_is (node->attrs[i].name, "data")
             || name_is (node->attrs[i].name, "movie"))
            && is_flash (node->attrs[i].value))
            sl_report (w->cx, "html-active-content", SPAMLINT_ERROR, 2.0, node->attrs[i].offset,
                       node->attrs[i].offset, w->part, node->attrs[i].value,
                       _("Flash content is dead and blocked everywhere: use an image or a video link"));
}

static void
check_stylesheet_link (code_walk *w, const sl_node *node)
{
    if (!name_is (node->name, "link"))
        return;
    const char *rel = sl_node_attr (node, "rel");
    if (rel == NULL || g_strrstr (rel, "stylesheet") == NULL)
        return;
    const char *href = sl_node_attr (node, "href");
    sl_report (w->cx, "html-external-css", SPAMLINT_WARNING, 0.2, node->offset, node->offset,
               w->part, href,
               _("external style sheet: most mail clients strip it; inline the styles"));
}

static void
visit (const sl_node *node, void *data)
{
    code_walk *w = data;
    if (sl_time_up (w->cx))
        return;
    check_scripts (w, node);
    check_active (w, node);
    check_stylesheet_link (w, node);
}

/* libxml2 knows HTML 4 only: HTML5, VML and MJML tags are not errors. */
static gboolean
counts_as_malformed (const sl_html_error *e)
{
    return e->code != XML_HTML_UNKNOWN_TAG;
}

static void
check_malformed (sl_context *cx, const sl_html *html)
{
    unsigned shown = 0, total = 0;
    for (guint i = 0; i < html->errors->len; i++) {
        const sl_html_error *e = &g_array_index (html->errors, sl_html_error, i);
        if (!counts_as_malformed (e))
            continue;
        total++;
        if (shown++ < MALFORMED_SHOWN)
            sl_report (cx, "html-malformed", SPAMLINT_WARNING, 0.5, e->offset, e->offset,
                       html->part, NULL, _("HTML error: %s"), e->message);
    }
    if (total > MALFORMED_SHOWN)
        sl_report (cx, "html-malformed", SPAMLINT_WARNING, 0.0, html->body_offset,
                   html->body_offset, html->part, NULL,
                   _("%u HTML errors in all (%u more than shown): validate the template"), total,
                   total - MALFORMED_SHOWN);
}

static void
check_size (sl_context *cx, const sl_html *html)
{
    double kb = html->size / 1024.0;
    if (html->size > SL_HTML_CLIP_BYTES)
        sl_report (cx, "html-size", SPAMLINT_ERROR, 1.5, html->clip_offset, html->clip_offset,
                   html->part, NULL,
                   _("the HTML is %.0f KB: Gmail clips it from here on, hiding the footer and unsubscribe link; trim it under 102 KB"),
                   kb);
    else if (html->size > SIZE_NOTE_BYTES)
        sl_report (cx, "html-size", SPAMLINT_NOTE, 0.0, html->body_offset, html->body_offset,
                   html->part, NULL,
                   _("the HTML is %.0f KB, close to the 102 KB at which Gmail clips it"), kb);
}

static void
check (sl_context *cx)
{
    for (guint i = 0; i < cx->doc->html->len; i++) {
        const sl_html *html = g_ptr_array_index (cx->doc->html, i);
        code_walk w = { cx, html->part };
        sl_html_walk (html, visit, &w);
        if (cx->time_up)
            return;
        check_malformed (cx, html);
        check_size (cx, html);
    }
}

const sl_family sl_family_html_code = {
    .name = "html-code", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
};
