/* html.h: an HTML document as the rules see it: a light tree of elements
 * and text with source positions, and the visible text in reading order. */
#ifndef SL_HTML_H
#define SL_HTML_H

#include <glib.h>

#include "text/textmap.h"

typedef struct sl_attr {
    char *name;           /* lower case */
    char *value;          /* entities decoded */
    guint32 offset;       /* source offset of the attribute name */
    guint32 value_offset; /* source offset of the value's first byte */
    gboolean value_exact; /* the value is the source bytes as they are (no entity) */
} sl_attr;

struct sl_style;
struct sl_stylesheet;


/* Gmail shows only the first 102 KB of a message's HTML. */
#define SL_HTML_CLIP_BYTES (102 * 1024)

typedef enum { SL_NODE_ELEMENT, SL_NODE_TEXT } sl_node_type;

/* A node, its name, attributes, text and inline declarations live in the
 * blocks of its document (sl_html_alloc): they are read-only but for the
 * functions below, and are freed with the document. Only the attribute
 * strings of a document made with an adapter are each allocated (g_free,
 * g_strdup), so that the adapter may replace them. */
typedef struct sl_node {
    sl_node_type type;
    char *name;               /* element: lower-case tag name */
    sl_attr *attrs;
    guint n_attrs;
    guint32 offset;           /* source offset of the '<' of the tag, or of the text */
    sl_textmap text;          /* text node: decoded text, with sources */
    gsize visible_start;      /* text node: its span in sl_html.visible */
    gsize visible_end;
    struct sl_css_decl *inline_style; /* element: its style="" declarations, or NULL */
    guint n_inline_style;
    struct sl_style *style;   /* element: computed style (style/style.h) */
    struct sl_node *parent, *first_child, *last_child, *next;
    struct sl_html *html;     /* the document it belongs to */
} sl_node;

typedef struct sl_html_error {
    guint32 offset;
    int code;         /* libxml2's xmlParserErrors */
    char *message;
} sl_html_error;

typedef struct sl_html {
    const char *part;         /* "text/html" */
    sl_node *root;            /* a document node holding the top elements */
    sl_textmap visible;       /* visible text, block breaks as '\n' */
    GArray *errors;           /* sl_html_error, from the parser */
    guint32 body_offset;      /* the <body> tag, or the start of the HTML */
    gsize size;               /* bytes of HTML */
    guint32 clip_offset;      /* where Gmail clips it (102 KB in), if it is that long */
    const sl_node *body;      /* the <body> element, or NULL */
    struct sl_stylesheet *sheet; /* the <style> rules */
    unsigned max_depth;       /* elements nested deeper were read flat */
    gboolean flattened;       /* ... and some were, the first at flattened_offset */
    guint32 flattened_offset;
    struct sl_html_block *blocks; /* the memory of sl_html_alloc */
    gboolean attr_strings_owned; /* each attribute string is g_malloc'd */
} sl_html;

/* SIZE bytes (aligned for any type) that live as long as HTML. */
void *sl_html_alloc (sl_html *html, gsize size);

/* Parse UTF-8 HTML whose bytes come from SOURCE (sources lead to the raw
 * file). Never fails: broken HTML gives a tree and errors. Elements nested
 * more than MAX_DEPTH deep (the html-depth limit) are read flat, their
 * text kept, so that no recursion over the tree can run out of stack. */
sl_html *sl_html_parse (const sl_textmap *source, const char *part, unsigned max_depth);

/* The same, calling ADAPT on the tree before the visible text and styles
 * are worked out (MJML maps its elements onto HTML ones there). */
typedef void (*sl_html_adapter) (sl_html *html);
sl_html *sl_html_parse_adapted (const sl_textmap *source, const char *part, unsigned max_depth,
                                sl_html_adapter adapt);

/* Element surgery for adapters. */
void sl_node_rename (sl_node *node, const char *name);
void sl_node_add_style (sl_node *node, const char *property, const char *value, guint32 offset);
void sl_html_free (sl_html *html);

const char *sl_node_attr (const sl_node *node, const char *name);

/* Call FN on every element, in document order. */
void sl_html_walk (const sl_html *html, void (*fn) (const sl_node *node, void *data), void *data);
/* The text of a node and its descendants, as one string. */
char *sl_node_text (const sl_node *node);
/* Whether the node is inside an element named NAME (itself included). */
gboolean sl_node_inside (const sl_node *node, const char *name);
const sl_attr *sl_node_find_attr (const sl_node *node, const char *name);

#endif
