/* html.h: an HTML document as the rules see it: a light tree of elements
 * and text with source positions, and the visible text in reading order. */
#ifndef SL_HTML_H
#define SL_HTML_H

#include <glib.h>

#include "text/textmap.h"

typedef struct sl_attr {
    char *name;       /* lower case */
    char *value;      /* entities decoded */
    guint32 offset;   /* source offset of the attribute name */
} sl_attr;

typedef enum { SL_NODE_ELEMENT, SL_NODE_TEXT } sl_node_type;

typedef struct sl_node {
    sl_node_type type;
    char *name;               /* element: lower-case tag name */
    sl_attr *attrs;
    guint n_attrs;
    guint32 offset;           /* source offset of the '<' of the tag, or of the text */
    sl_textmap text;          /* text node: decoded text, with sources */
    gsize visible_start;      /* text node: its span in sl_html.visible */
    gsize visible_end;
    struct sl_node *parent, *first_child, *last_child, *next;
} sl_node;

typedef struct sl_html_error {
    guint32 offset;
    char *message;
} sl_html_error;

typedef struct sl_html {
    const char *part;         /* "text/html" */
    sl_node *root;            /* a document node holding the top elements */
    sl_textmap visible;       /* visible text, block breaks as '\n' */
    GArray *errors;           /* sl_html_error, from the parser */
    guint32 body_offset;      /* the <body> tag, or the start of the HTML */
    gsize size;               /* bytes of HTML */
} sl_html;

/* Parse UTF-8 HTML whose bytes come from SOURCE (sources lead to the raw
 * file). Never fails: broken HTML gives a tree and errors. */
sl_html *sl_html_parse (const sl_textmap *source, const char *part);
void sl_html_free (sl_html *html);

const char *sl_node_attr (const sl_node *node, const char *name);
const sl_attr *sl_node_find_attr (const sl_node *node, const char *name);

#endif
