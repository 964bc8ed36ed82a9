/* css.c: a small CSS reader of our own, for what the rules resolve
 * (width, display, visibility, opacity, font-size, colours...). It is
 * tolerant by design: anything it does not understand is skipped. At-rules
 * are skipped whole, so a @media query never changes what the rules see:
 * the rules judge the desktop layout. Each declaration keeps the source
 * offset of its property name, so a finding can point at it.
 */
#include "config.h"

#include "style/css.h"

#include <stdlib.h>
#include <string.h>

static void
decl_clear (gpointer data)
{
    sl_css_decl *decl = data;
    g_free (decl->property); /* the value is in the same block */
}

GArray *
sl_css_decls_new (void)
{
    /* room for a usual style="" at once: growing it one by one cost more */
    GArray *decls = g_array_sized_new (FALSE, FALSE, sizeof (sl_css_decl), 8);
    g_array_set_clear_func (decls, decl_clear);
    return decls;
}

void
sl_css_decls_free (GArray *decls)
{
    if (decls)
        g_array_free (decls, TRUE);
}

static void
rule_free (gpointer data)
{
    sl_css_rule *rule = data;
    g_free (rule->tag);
    g_free (rule->class_name);
    g_free (rule->id);
    /* the selectors of a group share their declarations */
    if (rule->decls)
        g_array_unref (rule->decls);
    g_free (rule);
}

sl_stylesheet *
sl_stylesheet_new (void)
{
    sl_stylesheet *sheet = g_new0 (sl_stylesheet, 1);
    sheet->rules = g_ptr_array_new_with_free_func (rule_free);
    return sheet;
}

void
sl_stylesheet_free (sl_stylesheet *sheet)
{
    if (sheet == NULL)
        return;
    g_ptr_array_free (sheet->rules, TRUE);
    g_free (sheet);
}

static guint32
source_at (const sl_textmap *text, gsize i)
{
    if (text->len == 0)
        return 0;
    return text->src[MIN (i, text->len - 1)];
}

/* End of a declaration: the next ';' outside quotes and parentheses. */
static gsize
declaration_end (const char *t, gsize i, gsize end)
{
    int depth = 0;
    for (; i < end; i++) {
        char c = t[i];
        /* the five that matter are below ';': one test for letters */
        if ((guchar) c > ';')
            continue;
        if (c == '"' || c == '\'') {
            const char *close = memchr (t + i + 1, c, end - i - 1);
            if (close == NULL)
                return end;
            i = (gsize) (close - t);
        } else if (c == '(') {
            depth++;
        } else if (c == ')' && depth > 0) {
            depth--;
        } else if (c == ';' && depth == 0) {
            return i;
        }
    }
    return end;
}

sl_css_property
sl_css_property_of (const char *name)
{
    static const struct {
        const char *name;
        sl_css_property property;
    } known[] = {
        { "display", SL_CSS_DISPLAY }, { "visibility", SL_CSS_VISIBILITY },
        { "opacity", SL_CSS_OPACITY }, { "font-size", SL_CSS_FONT_SIZE },
        { "color", SL_CSS_COLOR }, { "background", SL_CSS_BACKGROUND },
        { "background-image", SL_CSS_BACKGROUND_IMAGE },
        { "background-color", SL_CSS_BACKGROUND_COLOR }, { "width", SL_CSS_WIDTH },
        { "max-width", SL_CSS_MAX_WIDTH }, { "min-width", SL_CSS_MIN_WIDTH },
        { "height", SL_CSS_HEIGHT }, { "max-height", SL_CSS_MAX_HEIGHT },
        { "overflow", SL_CSS_OVERFLOW },
    };
    for (guint i = 0; i < G_N_ELEMENTS (known); i++)
        if (name[0] == known[i].name[0] && strcmp (name, known[i].name) == 0)
            return known[i].property;
    return SL_CSS_OTHER;
}

/* DECL's property, PROPERTY[0, PROPERTY_LEN) in lower case, and its value,
 * VALUE[0, VALUE_LEN), in one block (each cut at a NUL, as g_strndup
 * does); the value is not trimmed. One allocation instead of two: a
 * template has thousands of declarations. */
static void
decl_set (sl_css_decl *decl, const char *property, gsize property_len, const char *value,
          gsize value_len, const sl_css_memory *memory)
{
    property_len = strnlen (property, property_len);
    value_len = strnlen (value, value_len);
    gsize size = property_len + value_len + 2;
    char *block = memory ? memory->alloc (memory->data, size) : g_malloc (size);
    for (gsize i = 0; i < property_len; i++) {
        char c = property[i];
        block[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    block[property_len] = '\0';
    decl->property = block;
    decl->value = block + property_len + 1;
    memcpy (decl->value, value, value_len);
    decl->value[value_len] = '\0';
    decl->known = sl_css_property_of (decl->property);
}

void
sl_css_decl_init (sl_css_decl *decl, const char *property, const char *value, guint32 offset,
                  const sl_css_memory *memory)
{
    memset (decl, 0, sizeof *decl);
    decl_set (decl, property, strlen (property), value, strlen (value), memory);
    decl->offset = offset;
}

/* Where the declarations come from: a map, or an attribute value whose
 * byte i is at BASE + i (EXACT) or all at BASE. */
typedef struct decl_sources {
    const sl_textmap *map;
    guint32 base;
    gboolean exact;
    const sl_css_memory *memory; /* where the strings go; NULL: g_malloc */
} decl_sources;

static guint32
decl_source (const decl_sources *sources, gsize i)
{
    if (sources->map)
        return source_at (sources->map, i);
    return sources->exact ? sources->base + (guint32) i : sources->base;
}

static void
parse_declarations (const char *t, gsize start, gsize end, const decl_sources *sources,
                    GArray *decls)
{
    gsize i = start;
    while (i < end) {
        gsize stop = declaration_end (t, i, end);
        const char *colon = memchr (t + i, ':', stop - i);
        if (colon != NULL) {
            gsize name_start = i;
            while (name_start < stop && g_ascii_isspace (t[name_start]))
                name_start++;
            gsize name_end = (gsize) (colon - t);
            while (name_end > name_start && g_ascii_isspace (t[name_end - 1]))
                name_end--;
            if (name_end > name_start) {
                sl_css_decl decl = { 0 };
                /* the value trimmed before its copy, as g_strstrip () would
                 * after */
                const char *from = colon + 1;
                gsize value_len = strnlen (from, stop - (gsize) (colon + 1 - t));
                while (value_len > 0 && g_ascii_isspace (from[0])) {
                    from++;
                    value_len--;
                }
                while (value_len > 0 && g_ascii_isspace (from[value_len - 1]))
                    value_len--;
                decl_set (&decl, t + name_start, name_end - name_start, from, value_len,
                          sources->memory);
                char *value = decl.value;
                char *bang = memchr (value, '!', value_len);
                if (bang && g_ascii_strncasecmp (g_strchug (bang + 1), "important", 9) == 0) {
                    decl.important = TRUE;
                    *bang = '\0';
                    g_strchomp (value);
                }
                decl.value = value;
                decl.offset = decl_source (sources, name_start);
                g_array_append_val (decls, decl);
            }
        }
        i = stop + 1;
    }
}

void
sl_css_parse_declarations (const sl_textmap *text, gsize start, gsize end, GArray *decls)
{
    decl_sources sources = { text, 0, FALSE, NULL };
    parse_declarations (text->text, start, end, &sources, decls);
}

void
sl_css_parse_inline (const char *value, guint32 offset, gboolean exact, GArray *decls,
                     const sl_css_memory *memory)
{
    decl_sources sources = { NULL, offset, exact, memory };
    parse_declarations (value, 0, strlen (value), &sources, decls);
}

/* Skip a comment or a quoted string at I; returns where to go on. */
static gsize
skip_comment (const char *t, gsize i, gsize end)
{
    if (i + 1 < end && t[i] == '/' && t[i + 1] == '*') {
        const char *close = g_strstr_len (t + i + 2, (gssize) (end - i - 2), "*/");
        return close ? (gsize) (close - t) + 2 : end;
    }
    return i;
}

/* The offset after the block that opens at the '{' at I (nested braces). */
static gsize
skip_block (const char *t, gsize i, gsize end)
{
    int depth = 0;
    for (; i < end; i++) {
        if (t[i] == '{')
            depth++;
        else if (t[i] == '}' && --depth == 0)
            return i + 1;
    }
    return end;
}

static gboolean
is_ident_char (char c)
{
    return g_ascii_isalnum (c) || c == '-' || c == '_' || (guchar) c >= 0x80;
}

/* Parse a simple selector: tag, .class, #id, tag.class, tag#id. */
static gboolean
parse_selector (const char *s, sl_css_rule *rule)
{
    gsize i = 0, n = strlen (s);
    gsize k = i;
    while (k < n && is_ident_char (s[k]))
        k++;
    if (k > i)
        rule->tag = g_ascii_strdown (s + i, (gssize) (k - i));
    i = k;
    if (i < n && (s[i] == '.' || s[i] == '#')) {
        char kind = s[i++];
        k = i;
        while (k < n && is_ident_char (s[k]))
            k++;
        if (k == i)
            return FALSE;
        if (kind == '.')
            rule->class_name = g_strndup (s + i, k - i);
        else
            rule->id = g_strndup (s + i, k - i);
        i = k;
    }
    if (i != n || (rule->tag == NULL && rule->class_name == NULL && rule->id == NULL))
        return FALSE;
    rule->specificity = (rule->id ? 100 : 0) + (rule->class_name ? 10 : 0) + (rule->tag ? 1 : 0);
    return TRUE;
}

static void
add_rules (sl_stylesheet *sheet, const sl_textmap *text, char *selectors,
           gsize body_start, gsize body_end)
{
    GArray *decls = NULL;
    /* the selectors between commas, cut in place */
    for (char *part = selectors, *next; part != NULL; part = next) {
        char *comma = strchr (part, ',');
        next = comma ? comma + 1 : NULL;
        if (comma)
            *comma = '\0';
        sl_css_rule *rule = g_new0 (sl_css_rule, 1);
        if (!parse_selector (g_strstrip (part), rule)) {
            rule->decls = NULL;
            rule_free (rule);
            continue;
        }
        if (decls == NULL) {
            decls = sl_css_decls_new ();
            sl_css_parse_declarations (text, body_start, body_end, decls);
            for (guint d = 0; d < decls->len; d++)
                g_array_index (decls, sl_css_decl, d).in_sheet = TRUE;
        }
        /* the selectors of a group share the declarations, read-only */
        rule->decls = g_array_ref (decls);
        rule->order = sheet->rules->len;
        g_ptr_array_add (sheet->rules, rule);
    }
    if (decls)
        g_array_unref (decls);
}

void
sl_css_parse_sheet (sl_stylesheet *sheet, const sl_textmap *text)
{
    const char *t = text->text;
    gsize end = text->len, i = 0;
    while (i < end) {
        gsize after = skip_comment (t, i, end);
        if (after != i) {
            i = after;
            continue;
        }
        char c = t[i];
        if (g_ascii_isspace (c) || c == '}' || c == ';') {
            i++;
            continue;
        }
        if (c == '@' || (c == '<' && i + 3 < end && memcmp (t + i, "<!--", 4) == 0)
            || (c == '-' && i + 2 < end && memcmp (t + i, "-->", 3) == 0)) {
            if (c != '@') {
                i += c == '<' ? 4 : 3; /* old HTML comment guards in <style> */
                continue;
            }
            /* an at-rule: up to its ';' or past its block */
            gsize k = i;
            while (k < end && t[k] != '{' && t[k] != ';')
                k++;
            i = k < end && t[k] == '{' ? skip_block (t, k, end) : k + 1;
            continue;
        }
        /* a rule: selectors { declarations } */
        const char *open = memchr (t + i, '{', end - i);
        if (open == NULL)
            break;
        gsize body = (gsize) (open - t) + 1;
        gsize close = skip_block (t, (gsize) (open - t), end);
        char *selectors = g_strndup (t + i, (gsize) (open - t) - i);
        /* a comment inside the selector text is dropped */
        char *comment;
        while ((comment = strstr (selectors, "/*")) != NULL) {
            char *stop = strstr (comment + 2, "*/");
            if (stop == NULL) {
                *comment = '\0';
                break;
            }
            memmove (comment, stop + 2, strlen (stop + 2) + 1);
        }
        gsize body_end = close > body ? close - 1 : body;
        add_rules (sheet, text, selectors, body, body_end);
        g_free (selectors);
        i = close;
    }
}

gboolean
sl_css_length (const char *value, double parent_px, double *px)
{
    if (value == NULL)
        return FALSE;
    while (g_ascii_isspace (*value))
        value++;
    char *end = NULL;
    double number = g_ascii_strtod (value, &end);
    if (end == value)
        return FALSE;
    while (g_ascii_isspace (*end))
        end++;
    if (*end == '\0' || g_ascii_strncasecmp (end, "px", 2) == 0)
        *px = number;
    else if (g_ascii_strncasecmp (end, "pt", 2) == 0)
        *px = number * 4.0 / 3.0;
    else if (g_ascii_strncasecmp (end, "rem", 3) == 0)
        *px = number * 16.0;
    else if (g_ascii_strncasecmp (end, "em", 2) == 0)
        *px = number * parent_px;
    else if (*end == '%')
        *px = number * parent_px / 100.0;
    else
        return FALSE;
    return TRUE;
}

static const struct { const char *name; guint32 rgb; } named_colors[] = {
    { "black", 0x000000 }, { "white", 0xFFFFFF }, { "red", 0xFF0000 }, { "green", 0x008000 },
    { "blue", 0x0000FF }, { "yellow", 0xFFFF00 }, { "gray", 0x808080 }, { "grey", 0x808080 },
    { "silver", 0xC0C0C0 }, { "maroon", 0x800000 }, { "purple", 0x800080 }, { "fuchsia", 0xFF00FF },
    { "lime", 0x00FF00 }, { "olive", 0x808000 }, { "navy", 0x000080 }, { "teal", 0x008080 },
    { "aqua", 0x00FFFF }, { "orange", 0xFFA500 }, { "whitesmoke", 0xF5F5F5 },
    { "snow", 0xFFFAFA }, { "ivory", 0xFFFFF0 }, { "ghostwhite", 0xF8F8FF },
    { "floralwhite", 0xFFFAF0 }, { "seashell", 0xFFF5EE }, { "linen", 0xFAF0E6 },
    { "gainsboro", 0xDCDCDC }, { "lightgray", 0xD3D3D3 }, { "lightgrey", 0xD3D3D3 },
    { "darkgray", 0xA9A9A9 }, { "darkgrey", 0xA9A9A9 }, { "dimgray", 0x696969 },
    { "dimgrey", 0x696969 }, { "lightslategray", 0x778899 }, { "slategray", 0x708090 },
    { "darkslategray", 0x2F4F4F }, { "mintcream", 0xF5FFFA }, { "azure", 0xF0FFFF },
    { "aliceblue", 0xF0F8FF }, { "honeydew", 0xF0FFF0 }, { "beige", 0xF5F5DC },
    { "oldlace", 0xFDF5E6 }, { "lavenderblush", 0xFFF0F5 }, { "cornsilk", 0xFFF8DC },
    { "lightyellow", 0xFFFFE0 }, { "lightcyan", 0xE0FFFF }, { "darkblue", 0x00008B },
    { "darkred", 0x8B0000 }, { "darkgreen", 0x006400 }, { "midnightblue", 0x191970 },
    { "pink", 0xFFC0CB }, { "gold", 0xFFD700 }, { "cyan", 0x00FFFF }, { "magenta", 0xFF00FF },
    { "brown", 0xA52A2A }, { "coral", 0xFF7F50 }, { "tomato", 0xFF6347 },
    { "crimson", 0xDC143C }, { "indigo", 0x4B0082 }, { "violet", 0xEE82EE },
    { "khaki", 0xF0E68C }, { "salmon", 0xFA8072 }, { "tan", 0xD2B48C }, { "wheat", 0xF5DEB3 },
    { "lavender", 0xE6E6FA }, { "lightblue", 0xADD8E6 }, { "skyblue", 0x87CEEB },
    { "steelblue", 0x4682B4 }, { "royalblue", 0x4169E1 }, { "dodgerblue", 0x1E90FF },
    { "forestgreen", 0x228B22 }, { "seagreen", 0x2E8B57 }, { "chocolate", 0xD2691E },
};

static gboolean
parse_hex (const char *s, guint32 *rgb)
{
    gsize n = 0;
    while (g_ascii_isxdigit (s[n]))
        n++;
    if (n == 3 || n == 4) {
        guint32 r = (guint32) g_ascii_xdigit_value (s[0]);
        guint32 g = (guint32) g_ascii_xdigit_value (s[1]);
        guint32 b = (guint32) g_ascii_xdigit_value (s[2]);
        *rgb = (r * 17) << 16 | (g * 17) << 8 | (b * 17);
        return TRUE;
    }
    if (n == 6 || n == 8) {
        char buf[7];
        memcpy (buf, s, 6);
        buf[6] = '\0';
        *rgb = (guint32) strtoul (buf, NULL, 16);
        return TRUE;
    }
    return FALSE;
}

/* rgb(1, 2, 3), rgba(1, 2, 3, 0.5), rgb(10% 20% 30%) */
static gboolean
parse_rgb_function (const char *s, guint32 *rgb)
{
    const char *open = strchr (s, '(');
    if (open == NULL)
        return FALSE;
    double parts[4] = { 0, 0, 0, 1 };
    int n = 0;
    const char *p = open + 1;
    while (n < 4) {
        while (*p == ' ' || *p == ',' || *p == '/')
            p++;
        char *end;
        double v = g_ascii_strtod (p, &end);
        if (end == p)
            break;
        if (*end == '%') {
            v = n < 3 ? v * 255.0 / 100.0 : v / 100.0;
            end++;
        }
        parts[n++] = v;
        p = end;
    }
    if (n < 3 || parts[3] <= 0.0)
        return FALSE; /* fully transparent: no colour */
    guint32 c[3];
    for (int k = 0; k < 3; k++)
        c[k] = (guint32) CLAMP (parts[k] + 0.5, 0, 255);
    *rgb = c[0] << 16 | c[1] << 8 | c[2];
    return TRUE;
}

gboolean
sl_css_color (const char *value, guint32 *rgb)
{
    if (value == NULL)
        return FALSE;
    while (g_ascii_isspace (*value))
        value++;
    if (*value == '#')
        return parse_hex (value + 1, rgb);
    if (g_ascii_strncasecmp (value, "rgb", 3) == 0)
        return parse_rgb_function (value, rgb);
    gsize n = 0;
    while (g_ascii_isalpha (value[n]))
        n++;
    for (guint i = 0; i < G_N_ELEMENTS (named_colors); i++)
        if (strlen (named_colors[i].name) == n
            && g_ascii_strncasecmp (value, named_colors[i].name, n) == 0) {
            *rgb = named_colors[i].rgb;
            return TRUE;
        }
    /* bgcolor="ffffff" without '#' is common in old e-mail HTML */
    if (n == 0 || n == 6 || g_ascii_isxdigit (value[0]))
        return parse_hex (value, rgb);
    return FALSE;
}
