/* html.c: HTML through libxml2's tolerant HTML parser, driven by SAX so
 * that every element and piece of text gets its exact source offset.
 *
 * libxml2 gives line numbers only, so positions come from the parser's
 * input cursor at each callback: a start tag is reported with the cursor
 * on its '>', so its '<' is found just before; character data is reported
 * with the cursor just after it, so it starts LEN bytes earlier, except for
 * an entity (reported decoded), which starts at the '&' before the cursor.
 * The parser reads our UTF-8 copy with its own charset detection off, so
 * cursor offsets index that copy, whose map leads back to the raw file.
 *
 * The tree is made to match what a browser (an HTML5 parser) builds where
 * libxml2 differs in a way the rules can see: libxml2 closes the open text
 * formatting elements (<font>, <b>, <i>...) when a <center> or <p> starts
 * inside them, so <font color="#fff"><center>text</center></font> would
 * lose its colour, and the stray </font> after it is an error. A browser
 * keeps them open around the block. Here they are reopened: a copy of each
 * (same attributes and offsets) is put around the new block, and closed by
 * the end tag libxml2 calls unexpected, which is then no error.
 */
#include "config.h"

#include "load/html.h"
#include "style/css.h"
#include "style/style.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <string.h>

typedef struct parse_state {
    htmlParserCtxtPtr ctxt;
    const sl_textmap *source;
    sl_html *html;
    sl_node *current;
    unsigned depth;         /* elements open */
    unsigned flattened;     /* elements past the depth limit, read flat */
    GPtrArray *closed_early; /* formatting elements libxml2 just closed at a start tag */
    GHashTable *reopened;   /* the copies put back around the block (sl_node *) */
    /* the text of the text node being read, which libxml2 gives in pieces:
     * it goes to the document's memory once whole */
    sl_node *text_node;
    sl_textmap text;
    gsize text_bytes;       /* in all text nodes: what the visible text may need */
    GArray *decls;          /* an element's style="" declarations, before their copy */
} parse_state;

/* The memory of a document's tree: big blocks cut in order and freed
 * together. A parse makes tens of thousands of nodes, names and texts, and
 * freeing them one by one cost more than making them. */
#define BLOCK_SIZE (32 * 1024)
#define BLOCK_ALIGN 8

struct sl_html_block {
    struct sl_html_block *next;
    gsize size, used;
    char data[];              /* BLOCK_ALIGN-aligned, after three words */
};

void *
sl_html_alloc (sl_html *html, gsize size)
{
    size = (size + BLOCK_ALIGN - 1) & ~(gsize) (BLOCK_ALIGN - 1);
    struct sl_html_block *block = html->blocks;
    if (block == NULL || block->size - block->used < size) {
        gsize capacity = MAX (size, BLOCK_SIZE);
        struct sl_html_block *fresh = g_malloc (sizeof *fresh + capacity);
        fresh->size = capacity;
        fresh->used = 0;
        if (block != NULL && capacity > BLOCK_SIZE) {
            /* a big one alone: the current block keeps its room */
            fresh->next = block->next;
            block->next = fresh;
            fresh->used = size;
            return fresh->data;
        }
        fresh->next = block;
        html->blocks = fresh;
        block = fresh;
    }
    void *p = block->data + block->used;
    block->used += size;
    return p;
}

static void *
css_alloc (gpointer html, gsize size)
{
    return sl_html_alloc (html, size);
}

/* The CSS reader puts the strings of inline styles in the document too. */
static sl_css_memory
css_memory (sl_html *html)
{
    sl_css_memory memory = { css_alloc, html };
    return memory;
}

static char *
html_strndup (sl_html *html, const char *s, gsize n)
{
    char *copy = sl_html_alloc (html, n + 1);
    memcpy (copy, s, n);
    copy[n] = '\0';
    return copy;
}

enum { TAG_BLOCK = 1, TAG_INVISIBLE = 2, TAG_PREFORMATTED = 4 };

typedef struct tag_info {
    const char *name;
    guint flags;
} tag_info;

/* The tag names met in e-mail, each with what the visible text needs to
 * know of it: whether it breaks lines, hides its content, or keeps its
 * line breaks. Elements take their name from here (no copy), and
 * collect_visible looks the flags up for every element: a table made once. */
static const tag_info *
tag_lookup (const char *name)
{
    static GHashTable *table;
    static const tag_info tags[] = {
        { "head", TAG_INVISIBLE }, { "script", TAG_INVISIBLE }, { "style", TAG_INVISIBLE },
        { "title", TAG_INVISIBLE }, { "template", TAG_INVISIBLE }, { "xml", TAG_INVISIBLE },
        { "svg", TAG_INVISIBLE }, { "math", TAG_INVISIBLE },
        { "address", TAG_BLOCK }, { "article", TAG_BLOCK }, { "aside", TAG_BLOCK },
        { "blockquote", TAG_BLOCK }, { "br", TAG_BLOCK }, { "caption", TAG_BLOCK },
        { "center", TAG_BLOCK }, { "dd", TAG_BLOCK }, { "div", TAG_BLOCK }, { "dl", TAG_BLOCK },
        { "dt", TAG_BLOCK }, { "footer", TAG_BLOCK }, { "form", TAG_BLOCK }, { "h1", TAG_BLOCK },
        { "h2", TAG_BLOCK }, { "h3", TAG_BLOCK }, { "h4", TAG_BLOCK }, { "h5", TAG_BLOCK },
        { "h6", TAG_BLOCK }, { "header", TAG_BLOCK }, { "hr", TAG_BLOCK }, { "li", TAG_BLOCK },
        { "main", TAG_BLOCK }, { "nav", TAG_BLOCK }, { "ol", TAG_BLOCK }, { "p", TAG_BLOCK },
        { "pre", TAG_BLOCK | TAG_PREFORMATTED }, { "section", TAG_BLOCK }, { "table", TAG_BLOCK },
        { "tbody", TAG_BLOCK }, { "td", TAG_BLOCK }, { "tfoot", TAG_BLOCK }, { "th", TAG_BLOCK },
        { "thead", TAG_BLOCK }, { "tr", TAG_BLOCK }, { "ul", TAG_BLOCK }, { "body", TAG_BLOCK },
        { "textarea", TAG_PREFORMATTED },
        { "html", 0 }, { "meta", 0 }, { "link", 0 }, { "a", 0 }, { "span", 0 }, { "img", 0 },
        { "font", 0 }, { "b", 0 }, { "i", 0 }, { "u", 0 }, { "s", 0 }, { "em", 0 },
        { "strong", 0 }, { "small", 0 }, { "big", 0 }, { "strike", 0 }, { "tt", 0 },
        { "sup", 0 }, { "sub", 0 }, { "col", 0 }, { "colgroup", 0 }, { "button", 0 },
        { "input", 0 }, { "label", 0 }, { "o:p", 0 }, { "noscript", 0 }, { "wbr", 0 },
        { "object", 0 }, { "embed", 0 }, { "applet", 0 }, { "iframe", 0 }, { "frame", 0 },
        { "frameset", 0 }, { "base", 0 }, { "picture", 0 }, { "source", 0 },
    };
    if (g_once_init_enter (&table)) {
        GHashTable *made = g_hash_table_new (g_str_hash, g_str_equal);
        for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
            g_hash_table_insert (made, (gpointer) tags[i].name, (gpointer) &tags[i]);
        g_once_init_leave (&table, made);
    }
    return g_hash_table_lookup (table, name);
}

static inline char
ascii_lower (char c)
{
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
}

/* g_ascii_strncasecmp () == 0 for N bytes without a NUL, without a call
 * per character. */
static gboolean
ascii_caseless_equal (const char *a, const char *b, gsize n)
{
    for (gsize i = 0; i < n; i++)
        if (ascii_lower (a[i]) != ascii_lower (b[i]))
            return FALSE;
    return TRUE;
}

/* NAME in lower case: the table's, or a copy in the document. */
static char *
element_name (sl_html *html, const char *name)
{
    char buf[32];
    gsize n = strlen (name);
    if (n >= sizeof buf) {
        char *lower = sl_html_alloc (html, n + 1);
        for (gsize i = 0; i <= n; i++)
            lower[i] = ascii_lower (name[i]);
        return lower; /* longer than any name of the table */
    }
    for (gsize i = 0; i <= n; i++)
        buf[i] = ascii_lower (name[i]);
    const tag_info *tag = tag_lookup (buf);
    return tag ? (char *) tag->name : html_strndup (html, buf, n);
}

static guint32
cursor (const parse_state *st)
{
    xmlParserInputPtr in = st->ctxt->input;
    gsize at = (gsize) in->consumed + (gsize) (in->cur - in->base);
    return (guint32) MIN (at, st->source->len);
}

static guint32
raw_offset (const parse_state *st, gsize at)
{
    if (st->source->len == 0)
        return 0;
    return st->source->src[MIN (at, st->source->len - 1)];
}

static sl_node *
node_new (sl_html *html, sl_node_type type, sl_node *parent)
{
    sl_node *node = sl_html_alloc (html, sizeof *node);
    memset (node, 0, sizeof *node);
    node->type = type;
    node->parent = parent;
    node->html = html;
    if (parent) {
        if (parent->last_child)
            parent->last_child->next = node;
        else
            parent->first_child = node;
        parent->last_child = node;
    }
    return node;
}

/* The attribute strings of the tree, each allocated, for an adapter. */
static void
own_attr_strings (sl_node *node)
{
    for (; node; node = node->next) {
        for (guint i = 0; i < node->n_attrs; i++) {
            node->attrs[i].name = g_strdup (node->attrs[i].name);
            node->attrs[i].value = g_strdup (node->attrs[i].value);
        }
        own_attr_strings (node->first_child);
    }
}

static void
free_attr_strings (sl_node *node)
{
    for (; node; node = node->next) {
        for (guint i = 0; i < node->n_attrs; i++) {
            g_free (node->attrs[i].name);
            g_free (node->attrs[i].value);
        }
        free_attr_strings (node->first_child);
    }
}

/* The '<' of tag NAME, searching back from the cursor; the cursor itself
 * for elements the parser implied without a tag in the source. */
static gsize
find_tag_start (const parse_state *st, gsize cur, const char *name)
{
    const char *text = st->source->text;
    gsize n = strlen (name);
    gsize floor = cur > 65536 ? cur - 65536 : 0;
    for (gsize k = cur; k > floor;) {
        /* the attributes between are often long: memrchr goes faster */
        const char *lt = memrchr (text + floor, '<', k - floor);
        if (lt == NULL)
            break;
        k = (gsize) (lt - text);
        if (k + 1 + n > st->source->len)
            continue;
        if (!ascii_caseless_equal (text + k + 1, name, n))
            continue;
        char after = text[k + 1 + n];
        if (after == '>' || after == '/' || g_ascii_isspace (after) || after == '\0')
            return k;
    }
    return cur;
}

/* Offsets of the attribute names inside the tag text [start, end). */
static void
locate_attrs (const parse_state *st, sl_node *node, gsize start, gsize end)
{
    const char *t = st->source->text;
    gsize k = start + 1;
    while (k < end && !g_ascii_isspace (t[k]) && t[k] != '>' && t[k] != '/')
        k++; /* the tag name */
    guint next = 0;
    while (k < end && next < node->n_attrs) {
        while (k < end && (g_ascii_isspace (t[k]) || t[k] == '/'))
            k++;
        gsize name_start = k;
        while (k < end && !g_ascii_isspace (t[k]) && t[k] != '=' && t[k] != '>' && t[k] != '/')
            k++;
        if (k == name_start)
            break;
        for (guint a = next; a < node->n_attrs; a++) {
            if (strlen (node->attrs[a].name) == k - name_start
                && ascii_caseless_equal (t + name_start, node->attrs[a].name, k - name_start)) {
                node->attrs[a].offset = raw_offset (st, name_start);
                next = a + 1;
                break;
            }
        }
        sl_attr *attr = next > 0 ? &node->attrs[next - 1] : NULL;
        while (k < end && g_ascii_isspace (t[k]))
            k++;
        if (k < end && t[k] == '=') {
            k++;
            while (k < end && g_ascii_isspace (t[k]))
                k++;
            gsize value_start;
            if (k < end && (t[k] == '"' || t[k] == '\'')) {
                char quote = t[k++];
                value_start = k;
                const char *close = memchr (t + k, quote, end - k);
                k = close ? (gsize) (close - t) : end;
            } else {
                value_start = k;
                while (k < end && !g_ascii_isspace (t[k]) && t[k] != '>')
                    k++;
            }
            if (attr && attr->offset == raw_offset (st, name_start)) {
                gsize n = strlen (attr->value);
                attr->value_offset = raw_offset (st, value_start);
                attr->value_exact = k - value_start == n && memcmp (t + value_start, attr->value, n) == 0;
            }
            if (k < end && (t[k] == '"' || t[k] == '\''))
                k++;
        }
    }
}

/* The style="" declarations, with the source of each when the value is
 * the source bytes as they are (else at the attribute). */
static void
parse_inline_style (parse_state *st, sl_node *node)
{
    const sl_attr *attr = sl_node_find_attr (node, "style");
    if (attr == NULL || attr->value[0] == '\0')
        return;
    sl_css_memory memory = css_memory (st->html);
    g_array_set_size (st->decls, 0);
    sl_css_parse_inline (attr->value, attr->value_exact ? attr->value_offset : attr->offset,
                         attr->value_exact, st->decls, &memory);
    if (st->decls->len == 0)
        return; /* no declaration read: an empty array may have no data to copy */
    gsize size = sizeof (sl_css_decl) * st->decls->len;
    node->inline_style = sl_html_alloc (st->html, size);
    memcpy (node->inline_style, st->decls->data, size);
    node->n_inline_style = st->decls->len;
}

/* The HTML5 "formatting elements" that carry no link or image: the ones
 * libxml2 may close early. */
static gboolean
is_text_formatting (const char *name)
{
    static const char *const names[] = {
        "b", "big", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u", NULL
    };
    return g_strv_contains (names, name);
}

/* Whether the parser's last event came from a start tag: the nearest '<'
 * before the cursor opens a tag, not an end tag or a comment. */
static gboolean
at_start_tag (const parse_state *st)
{
    const char *t = st->source->text;
    gsize cur = cursor (st);
    gsize floor = cur > 256 ? cur - 256 : 0;
    const char *lt = memrchr (t + floor, '<', cur - floor);
    if (lt == NULL)
        return FALSE;
    gsize k = (gsize) (lt - t);
    return k + 1 < st->source->len && g_ascii_isalpha (t[k + 1]);
}

/* A copy of element FROM; the strings and declarations, read-only, are
 * shared. */
static sl_node *
node_copy (sl_html *html, const sl_node *from, sl_node *parent)
{
    sl_node *node = node_new (html, SL_NODE_ELEMENT, parent);
    node->name = from->name;
    node->offset = from->offset;
    node->n_attrs = from->n_attrs;
    node->attrs = sl_html_alloc (html, sizeof (sl_attr) * MAX (from->n_attrs, 1));
    memcpy (node->attrs, from->attrs, sizeof (sl_attr) * from->n_attrs);
    node->inline_style = from->inline_style;
    node->n_inline_style = from->n_inline_style;
    return node;
}

/* Put back, outermost first, the formatting elements libxml2 closed for
 * the block NAME that starts now, as a browser keeps them. Table parts and
 * list items close them in a browser too. */
static void
reopen_formatting (parse_state *st, const char *name)
{
    static const char *const closing[] = {
        "caption", "col", "colgroup", "dd", "dt", "li", "tbody", "td", "tfoot", "th",
        "thead", "tr", "table", "body", "head", "html", NULL
    };
    GPtrArray *closed = st->closed_early;
    if (closed->len == 0)
        return;
    if (!g_strv_contains (closing, name)) {
        for (guint i = closed->len; i-- > 0;) {
            const sl_node *from = g_ptr_array_index (closed, i);
            if (strcmp (from->name, name) == 0 || st->depth + 1 >= st->html->max_depth)
                break;
            st->current = node_copy (st->html, from, st->current);
            g_hash_table_add (st->reopened, st->current);
            st->depth++;
        }
    }
    g_ptr_array_set_size (closed, 0);
}

static void
on_start_element (void *data, const xmlChar *name, const xmlChar **attrs)
{
    parse_state *st = data;
    if (st->depth >= st->html->max_depth) {
        /* past the limit the elements are not kept (their text is, in the
         * deepest element kept): said once, by the loader */
        if (st->flattened++ == 0 && !st->html->flattened) {
            st->html->flattened = TRUE;
            st->html->flattened_offset = raw_offset (st, find_tag_start (st, cursor (st), (const char *) name));
        }
        return;
    }
    sl_html *html = st->html;
    char *lower = element_name (html, (const char *) name);
    reopen_formatting (st, lower);
    st->depth++;
    sl_node *node = node_new (html, SL_NODE_ELEMENT, st->current);
    node->name = lower;
    gsize cur = cursor (st);
    gsize start = find_tag_start (st, cur, node->name);
    node->offset = raw_offset (st, start);

    guint n = 0;
    while (attrs && attrs[2 * n])
        n++;
    node->n_attrs = n;
    node->attrs = sl_html_alloc (html, sizeof (sl_attr) * MAX (n, 1));
    memset (node->attrs, 0, sizeof (sl_attr) * MAX (n, 1));
    for (guint i = 0; i < n; i++) {
        const char *attr_name = (const char *) attrs[2 * i];
        const char *value = attrs[2 * i + 1] ? (const char *) attrs[2 * i + 1] : "";
        gsize name_len = strlen (attr_name);
        char *lower_name = sl_html_alloc (html, name_len + 1);
        for (gsize k = 0; k <= name_len; k++)
            lower_name[k] = ascii_lower (attr_name[k]);
        node->attrs[i].name = lower_name;
        node->attrs[i].value = html_strndup (html, value, strlen (value));
        node->attrs[i].offset = node->offset;
    }
    if (start < cur)
        locate_attrs (st, node, start, cur);
    if (strcmp (node->name, "body") == 0 && html->body == NULL) {
        html->body_offset = node->offset;
        html->body = node;
    }
    parse_inline_style (st, node);
    st->current = node;
}

static void
on_end_element (void *data, const xmlChar *name)
{
    parse_state *st = data;
    if (st->flattened > 0) {
        st->flattened--;
        return;
    }
    /* libxml2 does not know the reopened copies: an end it reports closes them */
    while (g_hash_table_contains (st->reopened, st->current)) {
        st->current = st->current->parent;
        st->depth--;
    }
    sl_node *node = st->current;
    if (node->parent == NULL)
        return;
    st->current = node->parent;
    st->depth--;
    /* closed early, for a block that starts inside it: the innermost first
     * (a <p> closed by the next <p> keeps the list going) */
    if (!at_start_tag (st))
        g_ptr_array_set_size (st->closed_early, 0);
    else if (is_text_formatting (node->name) && g_ascii_strcasecmp ((const char *) name, node->name) == 0)
        g_ptr_array_add (st->closed_early, node);
}

/* The text being read goes to its node, in the document's memory. */
static void
flush_text (parse_state *st)
{
    sl_node *node = st->text_node;
    if (node == NULL)
        return;
    gsize len = st->text.len;
    node->text.text = html_strndup (st->html, st->text.text ? st->text.text : "", len);
    node->text.src = sl_html_alloc (st->html, sizeof (guint32) * MAX (len, 1));
    if (len > 0)
        memcpy (node->text.src, st->text.src, sizeof (guint32) * len);
    node->text.len = len;
    node->text.cap = len + 1;
    st->text_bytes += len;
    st->text.len = 0;
    st->text_node = NULL;
}

static void
on_characters (void *data, const xmlChar *chars, int len)
{
    parse_state *st = data;
    if (st->closed_early->len > 0)
        g_ptr_array_set_size (st->closed_early, 0);
    gsize n = (gsize) len;
    gsize cur = cursor (st);
    const char *text = st->source->text;

    sl_node *node = st->current->last_child;
    if (node == NULL || node->type != SL_NODE_TEXT) {
        node = node_new (st->html, SL_NODE_TEXT, st->current);
        node->offset = 0;
    }
    if (node != st->text_node) {
        flush_text (st);
        st->text_node = node;
        /* more text for a node already whole (after an element read flat) */
        sl_textmap_append_map (&st->text, &node->text, 0, node->text.len);
    }
    if (n <= cur && memcmp (text + cur - n, chars, n) == 0) {
        /* character data: the bytes just before the cursor */
        sl_textmap_append_map (&st->text, st->source, cur - n, cur);
    } else {
        /* an entity or character reference, decoded: it starts at '&' */
        gsize amp = cur;
        for (gsize k = cur; k-- > (cur > 40 ? cur - 40 : 0);)
            if (text[k] == '&') {
                amp = k;
                break;
            }
        sl_textmap_append_at (&st->text, (const char *) chars, n, raw_offset (st, amp));
    }
    if (st->text.len == n)
        node->offset = st->text.src[0];
}

/* The parser reports an error with its cursor past the bad token: go
 * back to where the token starts (the "</" of a stray end tag, the "&" of
 * a bad entity, the second NAME= of a repeated attribute). */
static gsize
error_start (const parse_state *st, const xmlError *error, gsize cur)
{
    const char *t = st->source->text;
    const char *message = error->message ? error->message : "";
    gsize floor = cur > 4096 ? cur - 4096 : 0;
    const char *needle = NULL;
    char *attribute = NULL;
    if (strstr (message, "end tag") || strstr (message, "Opening and ending tag"))
        needle = "</";
    else if (strstr (message, "EntityRef") || strstr (message, "entity"))
        needle = "&";
    else if (error->str1 && strstr (message, "redefined"))
        needle = attribute = g_strconcat ((const char *) error->str1, "=", NULL);
    gsize found = cur;
    if (needle) {
        gsize n = strlen (needle);
        for (gsize k = cur; k-- > floor;)
            if (k + n <= st->source->len && g_ascii_strncasecmp (t + k, needle, n) == 0) {
                found = k;
                break;
            }
    }
    g_free (attribute);
    return found;
}

static void
on_error (void *data, const xmlError *error)
{
    parse_state *st = data;
    if (error == NULL || error->level < XML_ERR_ERROR)
        return;
    /* the end tag of a reopened copy: it closes the copy, no error */
    static const char unexpected[] = "Unexpected end tag : ";
    if (error->message && g_str_has_prefix (error->message, unexpected)
        && g_hash_table_contains (st->reopened, st->current)) {
        char *name = g_strstrip (g_ascii_strdown (error->message + strlen (unexpected), -1));
        gboolean closes = strcmp (name, st->current->name) == 0;
        g_free (name);
        if (closes) {
            st->current = st->current->parent;
            st->depth--;
            return;
        }
    }
    if (st->html->errors->len >= 1000)
        return;
    sl_html_error e;
    e.offset = raw_offset (st, error_start (st, error, cursor (st)));
    e.code = error->code;
    e.message = g_strstrip (g_strdup (error->message ? error->message : "parse error"));
    g_array_append_val (st->html->errors, e);
}

static guint
tag_flags (const char *name)
{
    const tag_info *tag = tag_lookup (name);
    return tag ? tag->flags : 0;
}

static void
append_break (sl_textmap *visible, guint32 at)
{
    if (visible->len > 0 && visible->text[visible->len - 1] != '\n')
        sl_textmap_append_at (visible, "\n", 1, at);
}

/* Tabs and carriage returns in T become spaces, and line feeds unless
 * PREFORMATTED. All three are below 0x0E: eight bytes with none of them
 * are skipped at once. */
static void
blank_line_breaks (char *t, gsize n, gboolean preformatted)
{
    const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
    const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
    gsize k = 0;
    while (k < n) {
        guint64 word;
        if (k + 8 <= n && (memcpy (&word, t + k, 8), !((word - 0x0E * ones) & ~word & highs))) {
            k += 8;
            continue;
        }
        char c = t[k];
        if ((c == '\n' && !preformatted) || c == '\r' || c == '\t')
            t[k] = ' ';
        k++;
    }
}

/* The text a reader sees, in order: source line breaks are only white
 * space in HTML, so they become spaces; blocks and <br> become '\n'. */
static void
collect_visible (sl_node *node, sl_textmap *visible, gboolean preformatted)
{
    for (sl_node *child = node->first_child; child; child = child->next) {
        if (child->type == SL_NODE_TEXT) {
            child->visible_start = visible->len;
            sl_textmap_append_map (visible, &child->text, 0, child->text.len);
            blank_line_breaks (visible->text + child->visible_start,
                               visible->len - child->visible_start, preformatted);
            child->visible_end = visible->len;
            continue;
        }
        guint flags = tag_flags (child->name);
        if (flags & TAG_INVISIBLE)
            continue;
        gboolean block = (flags & TAG_BLOCK) != 0;
        if (block)
            append_break (visible, child->offset);
        collect_visible (child, visible, preformatted || (flags & TAG_PREFORMATTED));
        if (block)
            append_break (visible, child->offset);
    }
}

sl_html *
sl_html_parse (const sl_textmap *source, const char *part, unsigned max_depth)
{
    return sl_html_parse_adapted (source, part, max_depth, NULL);
}

void
sl_node_rename (sl_node *node, const char *name)
{
    node->name = element_name (node->html, name);
}

void
sl_node_add_style (sl_node *node, const char *property, const char *value, guint32 offset)
{
    sl_css_memory memory = css_memory (node->html);
    sl_css_decl *decls = sl_html_alloc (node->html, sizeof (sl_css_decl) * (node->n_inline_style + 1));
    /* before the inline style's own declarations, which win over it */
    sl_css_decl_init (&decls[0], property, value, offset, &memory);
    if (node->n_inline_style > 0)
        memcpy (decls + 1, node->inline_style, sizeof (sl_css_decl) * node->n_inline_style);
    node->inline_style = decls;
    node->n_inline_style++;
}

sl_html *
sl_html_parse_adapted (const sl_textmap *source, const char *part, unsigned max_depth,
                       sl_html_adapter adapt)
{
    sl_html *html = g_new0 (sl_html, 1);
    html->part = part;
    html->max_depth = max_depth;
    html->root = node_new (html, SL_NODE_ELEMENT, NULL);
    html->root->name = (char *) "#document";
    html->errors = g_array_new (FALSE, FALSE, sizeof (sl_html_error));
    html->size = source->len;
    if (source->len > SL_HTML_CLIP_BYTES)
        html->clip_offset = source->src[SL_HTML_CLIP_BYTES];
    html->body_offset = source->len ? source->src[0] : 0;
    sl_textmap_init (&html->visible);

    htmlSAXHandler sax;
    memset (&sax, 0, sizeof sax);
    sax.startElement = on_start_element;
    sax.endElement = on_end_element;
    sax.characters = on_characters;
    sax.cdataBlock = on_characters;
    sax.ignorableWhitespace = on_characters;
    sax.serror = (xmlStructuredErrorFunc) on_error;
    sax.initialized = XML_SAX2_MAGIC;

    parse_state st = { NULL, source, html, html->root, 0, 0, g_ptr_array_new (),
                       g_hash_table_new (g_direct_hash, g_direct_equal), NULL, { 0 }, 0,
                       g_array_new (FALSE, FALSE, sizeof (sl_css_decl)) };
    if (source->len > 0 && source->len < G_MAXINT) {
        htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt (source->text, (int) source->len);
        if (ctxt != NULL) {
            st.ctxt = ctxt;
            xmlFree (ctxt->sax);
            ctxt->sax = (xmlSAXHandlerPtr) &sax;
            ctxt->userData = &st;
            xmlSwitchEncoding (ctxt, XML_CHAR_ENCODING_UTF8);
            htmlCtxtUseOptions (ctxt, HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED
                                      | HTML_PARSE_IGNORE_ENC);
            htmlParseDocument (ctxt);
            ctxt->sax = NULL;
            htmlFreeParserCtxt (ctxt);
        }
    }
    flush_text (&st);
    sl_textmap_clear (&st.text);
    g_array_free (st.decls, TRUE);
    g_ptr_array_free (st.closed_early, TRUE);
    g_hash_table_destroy (st.reopened);
    if (adapt) {
        /* an adapter replaces attribute strings with g_free () and g_strdup () */
        own_attr_strings (html->root);
        html->attr_strings_owned = TRUE;
        adapt (html);
    }
    /* the text nodes and a line break or two per block: one allocation */
    sl_textmap_reserve (&html->visible, st.text_bytes + st.text_bytes / 8);
    collect_visible (html->root, &html->visible, FALSE);
    sl_styles_compute (html);
    return html;
}

void
sl_html_free (sl_html *html)
{
    if (html == NULL)
        return;
    if (html->attr_strings_owned)
        free_attr_strings (html->root);
    for (guint i = 0; i < html->errors->len; i++)
        g_free (g_array_index (html->errors, sl_html_error, i).message);
    g_array_free (html->errors, TRUE);
    sl_stylesheet_free (html->sheet);
    sl_textmap_clear (&html->visible);
    while (html->blocks) {
        struct sl_html_block *next = html->blocks->next;
        g_free (html->blocks);
        html->blocks = next;
    }
    g_free (html);
}

const sl_attr *
sl_node_find_attr (const sl_node *node, const char *name)
{
    for (guint i = 0; i < node->n_attrs; i++)
        if (strcmp (node->attrs[i].name, name) == 0)
            return &node->attrs[i];
    return NULL;
}

const char *
sl_node_attr (const sl_node *node, const char *name)
{
    const sl_attr *attr = sl_node_find_attr (node, name);
    return attr ? attr->value : NULL;
}

static void
walk (const sl_node *node, void (*fn) (const sl_node *node, void *data), void *data)
{
    for (; node; node = node->next) {
        if (node->type != SL_NODE_ELEMENT)
            continue;
        fn (node, data);
        walk (node->first_child, fn, data);
    }
}

void
sl_html_walk (const sl_html *html, void (*fn) (const sl_node *node, void *data), void *data)
{
    walk (html->root->first_child, fn, data);
}

static void
append_text (const sl_node *node, GString *out)
{
    for (const sl_node *child = node->first_child; child; child = child->next) {
        if (child->type == SL_NODE_TEXT)
            g_string_append_len (out, child->text.text, (gssize) child->text.len);
        else
            append_text (child, out);
    }
}

char *
sl_node_text (const sl_node *node)
{
    GString *out = g_string_new (NULL);
    if (node->type == SL_NODE_TEXT)
        g_string_append_len (out, node->text.text, (gssize) node->text.len);
    else
        append_text (node, out);
    return g_string_free (out, FALSE);
}

gboolean
sl_node_inside (const sl_node *node, const char *name)
{
    for (; node; node = node->parent)
        if (node->type == SL_NODE_ELEMENT && node->name && strcmp (node->name, name) == 0)
            return TRUE;
    return FALSE;
}
