/* style.c: a cascade just deep enough for e-mail HTML: presentational
 * attributes (width, bgcolor, <font>), then <style> rules by specificity
 * and order, then the inline style="", with !important on top. Colours,
 * font size and visibility are inherited; a background is the nearest
 * one declared. @media rules were left out by the CSS reader, so this is
 * the desktop rendering, which is what the rules judge.
 */
#include "config.h"

#include "style/style.h"

#include <stdlib.h>
#include <string.h>

#include "style/css.h"

#define DEFAULT_FONT_PX 16.0
#define DEFAULT_COLOR 0x000000
#define DEFAULT_BACKGROUND 0xFFFFFF

/* The <style> rules indexed by the one part of their selector an element
 * is looked up by (its id, else its class, else its tag), so that an
 * element meets only the rules that may match it, not the whole sheet. */
typedef struct cascade {
    sl_html *html;
    sl_stylesheet *sheet;
    GHashTable *by_id, *by_class, *by_tag; /* name -> GPtrArray of sl_css_rule */
    GPtrArray *matching;                   /* scratch: one element's rules */
} cascade;

const sl_style *
sl_node_style (const sl_node *node)
{
    if (node == NULL)
        return NULL;
    if (node->type == SL_NODE_TEXT)
        node = node->parent;
    return node ? node->style : NULL;
}

static void
collect_sheets (const sl_node *node, sl_stylesheet *sheet)
{
    for (; node; node = node->next) {
        if (node->type != SL_NODE_ELEMENT)
            continue;
        if (strcmp (node->name, "style") == 0) {
            for (const sl_node *t = node->first_child; t; t = t->next)
                if (t->type == SL_NODE_TEXT)
                    sl_css_parse_sheet (sheet, &t->text);
            continue;
        }
        collect_sheets (node->first_child, sheet);
    }
}

static void
index_rule (GHashTable *table, const char *key, sl_css_rule *rule)
{
    GPtrArray *rules = g_hash_table_lookup (table, key);
    if (rules == NULL) {
        rules = g_ptr_array_new ();
        g_hash_table_insert (table, (gpointer) key, rules);
    }
    g_ptr_array_add (rules, rule);
}

static GHashTable *
rule_table_new (void)
{
    return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
}

static void
index_rules (cascade *c)
{
    c->by_id = rule_table_new ();
    c->by_class = rule_table_new ();
    c->by_tag = rule_table_new ();
    for (guint i = 0; i < c->sheet->rules->len; i++) {
        sl_css_rule *rule = g_ptr_array_index (c->sheet->rules, i);
        if (rule->id)
            index_rule (c->by_id, rule->id, rule);
        else if (rule->class_name)
            index_rule (c->by_class, rule->class_name, rule);
        else
            index_rule (c->by_tag, rule->tag, rule);
    }
}

/* An element as selectors see it, its attributes looked up once for all
 * the rules of the sheet. */
typedef struct selector_subject {
    const char *name;
    const char *id;
    const char *classes;
} selector_subject;

/* Whether CLASSES, a class attribute, lists CLASS_NAME. */
static gboolean
has_class (const char *classes, const char *class_name)
{
    if (classes == NULL)
        return FALSE;
    gsize n = strlen (class_name);
    for (const char *p = classes; *p;) {
        while (*p && g_ascii_isspace (*p))
            p++;
        const char *start = p;
        while (*p && !g_ascii_isspace (*p))
            p++;
        if ((gsize) (p - start) == n && strncmp (start, class_name, n) == 0)
            return TRUE;
    }
    return FALSE;
}

static gboolean
rule_matches (const sl_css_rule *rule, const selector_subject *node)
{
    if (rule->tag && strcmp (rule->tag, node->name) != 0)
        return FALSE;
    if (rule->id && (node->id == NULL || strcmp (node->id, rule->id) != 0))
        return FALSE;
    return rule->class_name == NULL || has_class (node->classes, rule->class_name);
}

static void
add_candidates (GPtrArray *matching, GHashTable *table, const char *key,
                const selector_subject *subject)
{
    GPtrArray *rules = g_hash_table_lookup (table, key);
    if (rules == NULL)
        return;
    for (guint i = 0; i < rules->len; i++)
        if (rule_matches (g_ptr_array_index (rules, i), subject))
            g_ptr_array_add (matching, g_ptr_array_index (rules, i));
}

static int
compare_rules (gconstpointer a, gconstpointer b)
{
    const sl_css_rule *x = *(const sl_css_rule *const *) a;
    const sl_css_rule *y = *(const sl_css_rule *const *) b;
    if (x->specificity != y->specificity)
        return x->specificity - y->specificity;
    return (int) x->order - (int) y->order;
}

/* The <style> rules that match the element, by specificity and order,
 * into c->matching. */
static void
matching_rules (const cascade *c, const selector_subject *subject)
{
    GPtrArray *matching = c->matching;
    g_ptr_array_set_size (matching, 0);
    if (c->sheet->rules->len == 0)
        return;
    add_candidates (matching, c->by_tag, subject->name, subject);
    if (subject->id)
        add_candidates (matching, c->by_id, subject->id, subject);
    for (const char *p = subject->classes; p && *p;) {
        while (*p && g_ascii_isspace (*p))
            p++;
        const char *start = p;
        while (*p && !g_ascii_isspace (*p))
            p++;
        if (p == start)
            break;
        char buf[64];
        gsize n = (gsize) (p - start);
        char *name = n < sizeof buf ? buf : g_malloc (n + 1);
        memcpy (name, start, n);
        name[n] = '\0';
        add_candidates (matching, c->by_class, name, subject);
        if (name != buf)
            g_free (name);
    }
    g_ptr_array_sort (matching, compare_rules);
    /* a class listed twice found its rules twice */
    guint kept = 0;
    for (guint i = 0; i < matching->len; i++)
        if (kept == 0 || matching->pdata[i] != matching->pdata[kept - 1])
            matching->pdata[kept++] = matching->pdata[i];
    g_ptr_array_set_size (matching, kept);
}

static void
set_hidden (sl_style *style, const sl_node *node, const char *how, guint32 offset,
            gboolean in_sheet)
{
    if (style->hidden)
        return; /* an ancestor hides it already */
    style->hidden = TRUE;
    style->hidden_by = node;
    style->hidden_how = how;
    style->hidden_offset = offset;
    style->hidden_in_sheet = in_sheet;
}

guint32
sl_style_place (const sl_node *node, gboolean in_sheet, guint32 declaration)
{
    return in_sheet ? declaration : node->offset;
}

static void
apply_width (sl_style *style, const char *value, double parent_px, guint32 offset)
{
    double px;
    if (value == NULL || strchr (value, '%') || !sl_css_length (value, parent_px, &px))
        return;
    if (px > style->width_px) {
        style->width_px = px;
        style->width_offset = offset;
    }
}

/* Presentational attributes: the weakest layer. */
typedef struct element_flags {
    gboolean max_height_zero;
    gboolean overflow_hidden;
    guint32 max_height_offset;
    gboolean max_height_in_sheet;
    gboolean own_image;      /* a background image on this very element */
} element_flags;

/* The attributes the cascade reads, found in one pass (the first of a
 * name, as sl_node_find_attr gives it). */
typedef struct element_attrs {
    const sl_attr *width, *height, *bgcolor, *background, *color, *size, *hidden, *id, *class_attr;
} element_attrs;

static void
find_attrs (const sl_node *node, element_attrs *found)
{
    static const struct {
        const char *name;
        gsize slot;
    } wanted[] = {
        { "width", G_STRUCT_OFFSET (element_attrs, width) },
        { "height", G_STRUCT_OFFSET (element_attrs, height) },
        { "bgcolor", G_STRUCT_OFFSET (element_attrs, bgcolor) },
        { "background", G_STRUCT_OFFSET (element_attrs, background) },
        { "color", G_STRUCT_OFFSET (element_attrs, color) },
        { "size", G_STRUCT_OFFSET (element_attrs, size) },
        { "hidden", G_STRUCT_OFFSET (element_attrs, hidden) },
        { "id", G_STRUCT_OFFSET (element_attrs, id) },
        { "class", G_STRUCT_OFFSET (element_attrs, class_attr) },
    };
    memset (found, 0, sizeof *found);
    for (guint i = 0; i < node->n_attrs; i++) {
        const sl_attr *attr = &node->attrs[i];
        for (guint w = 0; w < G_N_ELEMENTS (wanted); w++) {
            const sl_attr **slot = G_STRUCT_MEMBER_P (found, wanted[w].slot);
            if (attr->name[0] == wanted[w].name[0] && *slot == NULL
                && strcmp (attr->name, wanted[w].name) == 0) {
                *slot = attr;
                break;
            }
        }
    }
}

static void
apply_attributes (sl_style *style, const sl_node *node, const sl_style *parent,
                  const element_attrs *found, element_flags *flags)
{
    const sl_attr *width = found->width;
    if (width)
        apply_width (style, width->value, parent->font_px, width->offset);
    const sl_attr *height = found->height;
    double px;
    if (height && !strchr (height->value, '%') && sl_css_length (height->value, 16, &px))
        style->height_px = px;
    const sl_attr *bgcolor = found->bgcolor;
    guint32 rgb;
    if (bgcolor && sl_css_color (bgcolor->value, &rgb)) {
        style->background = rgb;
        style->background_image = FALSE;
    }
    const sl_attr *background = found->background;
    if (background && background->value[0])
        flags->own_image = TRUE;
    if (strcmp (node->name, "font") == 0) {
        const sl_attr *color = found->color;
        if (color && sl_css_color (color->value, &rgb)) {
            style->color = rgb;
            style->color_set = TRUE;
            style->color_offset = color->offset;
        }
        const sl_attr *size = found->size;
        if (size) {
            static const double sizes[] = { 10, 10, 13, 16, 18, 24, 32, 48 };
            long n = strtol (size->value, NULL, 10);
            if (size->value[0] == '+' || size->value[0] == '-')
                n += 3;
            n = CLAMP (n, 1, 7);
            style->font_px = sizes[n];
            style->font_offset = size->offset;
            style->font_node = node;
            style->font_tag_tiny = n == 1;
        }
    }
    if (found->hidden)
        set_hidden (style, node, "the hidden attribute", found->hidden->offset, FALSE);
}

static void
apply_declaration (sl_style *style, const sl_node *node, const sl_style *parent,
                   const sl_css_decl *d, element_flags *flags)
{
    const char *v = d->value;
    guint32 rgb;
    double px;
    switch (d->known) {
    case SL_CSS_DISPLAY:
        if (g_ascii_strncasecmp (v, "none", 4) == 0)
            set_hidden (style, node, "display:none", d->offset, d->in_sheet);
        break;
    case SL_CSS_VISIBILITY:
        if (g_ascii_strncasecmp (v, "hidden", 6) == 0 || g_ascii_strncasecmp (v, "collapse", 8) == 0) {
            style->invisible_by = node;
            style->invisible_offset = d->offset;
            style->invisible_in_sheet = d->in_sheet;
        } else if (g_ascii_strncasecmp (v, "visible", 7) == 0) {
            style->invisible_by = NULL;
        }
        break;
    case SL_CSS_OPACITY:
        if (g_ascii_strtod (v, NULL) <= 0.0 && g_ascii_isdigit (v[0]))
            set_hidden (style, node, "opacity:0", d->offset, d->in_sheet);
        break;
    case SL_CSS_FONT_SIZE:
        if (sl_css_length (v, parent->font_px, &px)) {
            style->font_px = px;
            style->font_offset = d->offset;
            style->font_node = node;
            style->font_in_sheet = d->in_sheet;
            style->font_tag_tiny = FALSE;
        }
        break;
    case SL_CSS_COLOR:
        if (sl_css_color (v, &rgb)) {
            style->color = rgb;
            style->color_set = TRUE;
            style->color_offset = d->offset;
            style->color_in_sheet = d->in_sheet;
        }
        break;
    case SL_CSS_BACKGROUND_IMAGE:
    case SL_CSS_BACKGROUND:
        /* an image (or gradient) under the text: its colour is unknown */
        if (strstr (v, "url(") || strstr (v, "gradient(")) {
            flags->own_image = TRUE;
            break;
        }
        G_GNUC_FALLTHROUGH; /* else a colour, as background-color */
    case SL_CSS_BACKGROUND_COLOR:
        /* an opaque colour hides an ancestor's image, not this element's */
        if (sl_css_color (v, &rgb)) {
            style->background = rgb;
            style->background_image = FALSE;
        }
        break;
    case SL_CSS_WIDTH:
    case SL_CSS_MAX_WIDTH:
    case SL_CSS_MIN_WIDTH:
        apply_width (style, v, parent->font_px, d->offset);
        break;
    case SL_CSS_HEIGHT:
        if (!strchr (v, '%') && sl_css_length (v, 16, &px))
            style->height_px = px;
        break;
    case SL_CSS_MAX_HEIGHT:
        if (sl_css_length (v, 16, &px) && px <= 0.0) {
            flags->max_height_zero = TRUE;
            flags->max_height_offset = d->offset;
            flags->max_height_in_sheet = d->in_sheet;
        }
        break;
    case SL_CSS_OVERFLOW:
        if (g_ascii_strncasecmp (v, "hidden", 6) == 0)
            flags->overflow_hidden = TRUE;
        break;
    case SL_CSS_OTHER:
    default:
        /* most declarations of a template: padding, margin, font-family... */
        break;
    }
}

static void
compute (const cascade *c, sl_node *node, const sl_style *parent)
{
    for (; node; node = node->next) {
        if (node->type != SL_NODE_ELEMENT)
            continue;
        sl_style *style = sl_html_alloc (c->html, sizeof *style);
        *style = *parent;
        style->width_px = 0;
        style->width_offset = 0;
        style->height_px = -1;
        style->color_set = FALSE;
        element_flags flags = { FALSE, FALSE, 0, FALSE, FALSE };
        element_attrs found;
        find_attrs (node, &found);
        apply_attributes (style, node, parent, &found, &flags);
        selector_subject subject = { node->name, found.id ? found.id->value : NULL,
                                     found.class_attr ? found.class_attr->value : NULL };
        matching_rules (c, &subject);
        /* weakest first: the rules, the inline style; then the !important ones */
        for (int important = 0; important < 2; important++) {
            for (guint i = 0; i < c->matching->len; i++) {
                const sl_css_rule *rule = g_ptr_array_index (c->matching, i);
                for (guint d = 0; d < rule->decls->len; d++) {
                    const sl_css_decl *decl = &g_array_index (rule->decls, sl_css_decl, d);
                    if (decl->important == important)
                        apply_declaration (style, node, parent, decl, &flags);
                }
            }
            for (guint d = 0; d < node->n_inline_style; d++) {
                const sl_css_decl *decl = &node->inline_style[d];
                if (decl->important == important)
                    apply_declaration (style, node, parent, decl, &flags);
            }
        }
        if (flags.own_image)
            style->background_image = TRUE;
        if (flags.max_height_zero && flags.overflow_hidden)
            set_hidden (style, node, "max-height:0;overflow:hidden", flags.max_height_offset,
                        flags.max_height_in_sheet);
        node->style = style;
        compute (c, node->first_child, style);
    }
}

gboolean
sl_style_hides_text (const sl_style *style, const sl_node **by, const char **how, guint32 *offset)
{
    if (style->hidden) {
        *by = style->hidden_by;
        *how = style->hidden_how;
        *offset = sl_style_place (style->hidden_by, style->hidden_in_sheet, style->hidden_offset);
    } else if (style->invisible_by) {
        *by = style->invisible_by;
        *how = "visibility:hidden";
        *offset = sl_style_place (style->invisible_by, style->invisible_in_sheet,
                                  style->invisible_offset);
    } else if (style->font_px <= 0.0 && style->font_node) {
        *by = style->font_node;
        *how = "font-size:0";
        *offset = sl_style_place (style->font_node, style->font_in_sheet, style->font_offset);
    } else {
        return FALSE;
    }
    return TRUE;
}

void
sl_styles_compute (sl_html *html)
{
    cascade c = { html, sl_stylesheet_new (), NULL, NULL, NULL, g_ptr_array_new () };
    collect_sheets (html->root, c.sheet);
    index_rules (&c);
    sl_style root = { 0 };
    root.font_px = DEFAULT_FONT_PX;
    root.color = DEFAULT_COLOR;
    root.background = DEFAULT_BACKGROUND;
    root.height_px = -1;
    html->root->style = sl_html_alloc (html, sizeof (sl_style));
    *html->root->style = root;
    compute (&c, html->root->first_child, &root);
    html->sheet = c.sheet;
    g_hash_table_destroy (c.by_id);
    g_hash_table_destroy (c.by_class);
    g_hash_table_destroy (c.by_tag);
    g_ptr_array_free (c.matching, TRUE);
}
