/* mjml.c: MJML templates, mapped onto the HTML they compile to, so that
 * the text, HTML and link rules judge them with positions in the .mjml.
 *
 * MJML is read with libxml2's HTML parser, not its XML one: MJML lets
 * mj-text and mj-raw hold HTML (&nbsp;, an unclosed <br>), which an XML
 * parser rejects, and 20 of the 34 MJML sources of the shared corpus are
 * not well-formed XML. The HTML parser reads mj-* tags as unknown
 * elements, keeps their nesting, and gives every tag its exact position.
 *
 * Each mj-* element becomes the HTML element it compiles to (mj-button an
 * <a>, mj-image an <img>, mj-preview a hidden preheader...), and its
 * attributes become styles with the attribute's position (color,
 * font-size, background-color, width...), looked up as MJML does: on the
 * element, then its mj-class, then the mj-attributes defaults of its tag,
 * then mj-all. MJML's own defaults that matter to the rules are added too:
 * a button is white on #414141, text is 13 px, an image as wide as its
 * column. The mj-preview moves to the top of the body, where MJML puts it.
 */
#include "config.h"

#include <string.h>

#include "load/html.h"
#include "load/load.h"

typedef struct mjml_map {
    const char *mjml;
    const char *html;
} mjml_map;

static const mjml_map elements[] = {
    { "mjml", "html" }, { "mj-head", "head" }, { "mj-title", "title" }, { "mj-style", "style" },
    { "mj-attributes", "template" }, { "mj-breakpoint", "template" },
    { "mj-html-attributes", "template" }, { "mj-font", "link" }, { "mj-preview", "div" },
    { "mj-body", "body" }, { "mj-wrapper", "div" }, { "mj-section", "div" },
    { "mj-group", "div" }, { "mj-column", "div" }, { "mj-text", "div" }, { "mj-button", "a" },
    { "mj-image", "img" }, { "mj-divider", "hr" }, { "mj-spacer", "div" }, { "mj-table", "table" },
    { "mj-raw", "div" }, { "mj-social", "div" }, { "mj-social-element", "a" },
    { "mj-navbar", "div" }, { "mj-navbar-link", "a" }, { "mj-hero", "div" },
    { "mj-accordion", "div" }, { "mj-accordion-element", "div" },
    { "mj-accordion-title", "div" }, { "mj-accordion-text", "div" }, { "mj-carousel", "div" },
    { "mj-carousel-image", "img" },
};

/* MJML attributes that are CSS properties under another name or the same. */
static const mjml_map style_attributes[] = {
    { "color", "color" }, { "font-size", "font-size" }, { "background-color", "background-color" },
    { "container-background-color", "background-color" }, { "width", "width" },
    { "height", "height" },
};

/* The defaults of <mj-attributes>: "mj-text" -> its attributes,
 * "class:NAME" -> an mj-class's, "mj-all" -> everyone's. */
typedef struct mjml_defaults {
    GHashTable *by_key;   /* key -> const sl_node * (the defining element) */
} mjml_defaults;

#define BODY_WIDTH_PX 600.0
#define IMAGE_PADDING_PX 50.0

static const char *
html_name (const char *mjml)
{
    for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
        if (strcmp (elements[i].mjml, mjml) == 0)
            return elements[i].html;
    return NULL;
}

/* An attribute of NODE as MJML resolves it. */
static const sl_attr *
mjml_attr (const mjml_defaults *defaults, const sl_node *node, const char *mjml_name,
           const char *name)
{
    const sl_attr *attr = sl_node_find_attr (node, name);
    if (attr)
        return attr;
    const char *classes = sl_node_attr (node, "mj-class");
    if (classes) {
        char **names = g_strsplit_set (classes, " \t", -1);
        for (guint i = 0; names[i] && attr == NULL; i++) {
            char *key = g_strconcat ("class:", names[i], NULL);
            const sl_node *def = g_hash_table_lookup (defaults->by_key, key);
            g_free (key);
            if (def)
                attr = sl_node_find_attr (def, name);
        }
        g_strfreev (names);
        if (attr)
            return attr;
    }
    const sl_node *def = g_hash_table_lookup (defaults->by_key, mjml_name);
    if (def && (attr = sl_node_find_attr (def, name)))
        return attr;
    def = g_hash_table_lookup (defaults->by_key, "mj-all");
    return def ? sl_node_find_attr (def, name) : NULL;
}

static void
collect_defaults (mjml_defaults *defaults, const sl_node *node)
{
    for (; node; node = node->next) {
        if (node->type != SL_NODE_ELEMENT)
            continue;
        if (strcmp (node->name, "mj-attributes") == 0) {
            for (const sl_node *d = node->first_child; d; d = d->next) {
                if (d->type != SL_NODE_ELEMENT)
                    continue;
                const char *class_name = sl_node_attr (d, "name");
                if (strcmp (d->name, "mj-class") == 0 && class_name)
                    g_hash_table_insert (defaults->by_key, g_strconcat ("class:", class_name, NULL),
                                         (gpointer) d);
                else
                    g_hash_table_insert (defaults->by_key, g_strdup (d->name), (gpointer) d);
            }
            continue;
        }
        collect_defaults (defaults, node->first_child);
    }
}

static void
add_attribute_styles (const mjml_defaults *defaults, sl_node *node, const char *mjml_name)
{
    for (guint i = 0; i < G_N_ELEMENTS (style_attributes); i++) {
        const sl_attr *attr = mjml_attr (defaults, node, mjml_name, style_attributes[i].mjml);
        if (attr == NULL)
            continue;
        /* an image's width is its attribute, as in the compiled HTML */
        if (strcmp (mjml_name, "mj-image") == 0 && strcmp (attr->name, "width") == 0)
            continue;
        sl_node_add_style (node, style_attributes[i].html, attr->value, attr->offset);
    }
    const sl_attr *background = sl_node_find_attr (node, "background-url");
    if (background) {
        char *value = g_strdup_printf ("url(%s)", background->value);
        sl_node_add_style (node, "background-image", value, background->offset);
        g_free (value);
    }
}

/* The width of the column holding NODE, in px. */
static double
column_width (const sl_node *node, double body_px)
{
    for (const sl_node *p = node->parent; p; p = p->parent) {
        if (p->type != SL_NODE_ELEMENT || strcmp (p->name, "mj-column") != 0)
            continue;
        const char *width = sl_node_attr (p, "width");
        double px;
        if (width && strchr (width, '%'))
            return body_px * g_ascii_strtod (width, NULL) / 100.0;
        if (width && (px = g_ascii_strtod (width, NULL)) > 0)
            return px;
        unsigned columns = 0;
        for (const sl_node *c = p->parent ? p->parent->first_child : NULL; c; c = c->next)
            columns += c->type == SL_NODE_ELEMENT && strcmp (c->name, "mj-column") == 0;
        return body_px / MAX (columns, 1);
    }
    return body_px;
}

static void
add_defaults (const mjml_defaults *defaults, sl_node *node, const char *mjml_name,
              double body_px)
{
    if (strcmp (mjml_name, "mj-button") == 0) {
        if (!mjml_attr (defaults, node, mjml_name, "color"))
            sl_node_add_style (node, "color", "#ffffff", node->offset);
        if (!mjml_attr (defaults, node, mjml_name, "background-color"))
            sl_node_add_style (node, "background-color", "#414141", node->offset);
    }
    if ((strcmp (mjml_name, "mj-text") == 0 || strcmp (mjml_name, "mj-button") == 0)
        && !mjml_attr (defaults, node, mjml_name, "font-size"))
        sl_node_add_style (node, "font-size", "13px", node->offset);
    if (strcmp (mjml_name, "mj-image") == 0 && !sl_node_find_attr (node, "width")) {
        char *width = g_strdup_printf ("%.0fpx", column_width (node, body_px) - IMAGE_PADDING_PX);
        sl_node_add_style (node, "width", width, node->offset);
        g_free (width);
    }
    if (strcmp (mjml_name, "mj-preview") == 0)
        sl_node_add_style (node, "display", "none", node->offset);
    if (strcmp (mjml_name, "mj-font") == 0)
        sl_node_add_style (node, "display", "none", node->offset);
}

/* mj-font is a font's style sheet: a <link rel=stylesheet> once compiled. */
static void
adapt_font (sl_node *node)
{
    for (guint i = 0; i < node->n_attrs; i++)
        if (strcmp (node->attrs[i].name, "name") == 0) {
            g_free (node->attrs[i].name);
            g_free (node->attrs[i].value);
            node->attrs[i].name = g_strdup ("rel");
            node->attrs[i].value = g_strdup ("stylesheet");
        }
}

static void
adapt (const mjml_defaults *defaults, sl_node *node, double body_px)
{
    for (; node; node = node->next) {
        if (node->type != SL_NODE_ELEMENT)
            continue;
        if (strncmp (node->name, "mj-", 3) == 0 || strcmp (node->name, "mjml") == 0) {
            char *mjml_name = g_strdup (node->name);
            const char *html = html_name (mjml_name);
            add_attribute_styles (defaults, node, mjml_name);
            add_defaults (defaults, node, mjml_name, body_px);
            for (guint i = 0; i < node->n_attrs; i++)
                if (strcmp (node->attrs[i].name, "css-class") == 0) {
                    g_free (node->attrs[i].name);
                    node->attrs[i].name = g_strdup ("class");
                }
            if (strcmp (mjml_name, "mj-font") == 0)
                adapt_font (node);
            sl_node_rename (node, html ? html : "div");
            g_free (mjml_name);
        }
        adapt (defaults, node->first_child, body_px);
    }
}

static sl_node *
find_element (sl_node *node, const char *name)
{
    for (; node; node = node->next) {
        if (node->type != SL_NODE_ELEMENT)
            continue;
        if (strcmp (node->name, name) == 0)
            return node;
        sl_node *found = find_element (node->first_child, name);
        if (found)
            return found;
    }
    return NULL;
}

static void
unlink_node (sl_node *node)
{
    sl_node *parent = node->parent, *prev = NULL;
    for (sl_node *c = parent->first_child; c && c != node; c = c->next)
        prev = c;
    if (prev)
        prev->next = node->next;
    else
        parent->first_child = node->next;
    if (parent->last_child == node)
        parent->last_child = prev;
    node->next = NULL;
}

/* MJML puts the preview text first in the body: the inbox's preheader. */
static void
move_preview (sl_node *preview, sl_node *body)
{
    if (preview == NULL || body == NULL || preview->parent == NULL)
        return;
    /* a broken file may have the body inside the preview: leave it */
    for (const sl_node *p = body; p; p = p->parent)
        if (p == preview)
            return;
    unlink_node (preview);
    preview->parent = body;
    preview->next = body->first_child;
    body->first_child = preview;
    if (body->last_child == NULL)
        body->last_child = preview;
}

static void
adapt_document (sl_html *html)
{
    mjml_defaults defaults = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
    collect_defaults (&defaults, html->root->first_child);
    sl_node *mj_body = find_element (html->root->first_child, "mj-body");
    double body_px = BODY_WIDTH_PX;
    const char *width = mj_body ? sl_node_attr (mj_body, "width") : NULL;
    if (width && g_ascii_strtod (width, NULL) > 0)
        body_px = g_ascii_strtod (width, NULL);
    move_preview (find_element (html->root->first_child, "mj-preview"), mj_body);
    adapt (&defaults, html->root->first_child, body_px);
    g_hash_table_destroy (defaults.by_key);
    /* mj-head is no <head>: its preview was moved, the rest is invisible */
    if (mj_body && html->body == NULL) {
        html->body = mj_body; /* renamed <body> by now */
        html->body_offset = mj_body->offset;
    }
}

gboolean
sl_load_mjml (sl_doc *doc)
{
    sl_textmap source;
    sl_textmap_init (&source);
    sl_doc_decode_raw (doc, &source, "text/html");
    sl_html *html = sl_html_parse_adapted (&source, "text/html", doc->limits->html_depth,
                                           adapt_document);
    sl_doc_add_parsed_html (doc, html);
    sl_textmap_clear (&source);
    return TRUE;
}
