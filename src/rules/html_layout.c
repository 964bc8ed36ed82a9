/* html_layout.c: how the HTML shows its text: layout width, hidden text,
 * text too close to its background, text too small to read. All of it is
 * judged on the computed styles (style/style.c), so a class in a <style>
 * block counts as much as an inline style.
 *
 * A hidden preheader is what every good template does: the one hidden
 * block of at most 200 characters that comes before any visible text is
 * the preview line of the inbox, not a trick.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "load/html.h"
#include "rules/rules.h"
#include "style/style.h"
#include "text/placeholder.h"
#include "text/chars.h"

static const sl_rule_info rules[] = {
    { "html-width", SPAMLINT_WARNING, 1.0, 0.0,
      N_("a declared width over 800 px (over 600 px: a note)") },
    { "html-hidden-text", SPAMLINT_ERROR, 2.0, 0.0,
      N_("text hidden with display:none, visibility:hidden, font-size:0, opacity:0...") },
    { "html-low-contrast", SPAMLINT_ERROR, 1.5, 0.0,
      N_("text colour too close to its background") },
    { "html-tiny-font", SPAMLINT_WARNING, 0.5, 0.0, N_("text smaller than 8 px") },
};

#define WIDTH_WARNING_PX 800.0
#define WIDTH_NOTE_PX 600.0
#define PREHEADER_MAX_CHARS 200
#define CONTRAST_MIN_DISTANCE 12.0
#define TINY_FONT_PX 8.0

static gboolean
is_width_element (const char *name)
{
    static const char *const names[] = { "body", "table", "td", "th", "div", "img", NULL };
    for (guint i = 0; names[i]; i++)
        if (strcmp (name, names[i]) == 0)
            return TRUE;
    return FALSE;
}

/* A text node that a reader would read: letters or digits outside the
 * template's own tags ({% for %} between two table cells is not text). */
static gboolean
has_readable_text (const sl_node *node)
{
    const char *t = node->text.text;
    gsize len = node->text.len, i = 0;
    while (i < len) {
        /* most text nodes are the white space between two tags */
        while (i < len && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t' || t[i] == '\r'))
            i++;
        if (i == len)
            break;
        guchar b = (guchar) t[i];
        gsize tag = sl_is_placeholder_start (b) ? sl_placeholder_at (t, len, i) : 0;
        if (tag) {
            i += tag;
            continue;
        }
        if (sl_unichar_isalnum (sl_utf8_char (t + i)))
            return TRUE;
        /* sl_utf8_char_end, without a call for each character */
        i++;
        while (i < len && ((guchar) t[i] & 0xC0) == 0x80)
            i++;
    }
    return FALSE;
}

/* Characters as a reader counts them: white space runs as one space. */
static unsigned
count_chars (const char *text)
{
    unsigned n = 0;
    gboolean space = TRUE;
    for (const char *p = text; *p; p = g_utf8_next_char (p)) {
        gunichar c = sl_utf8_char (p);
        gboolean is_space = sl_unichar_isspace (c) || c == 0x00A0;
        if (!(is_space && space))
            n++;
        space = is_space;
    }
    return space && n > 0 ? n - 1 : n;
}

/* Luminance-weighted RGB distance, as SpamAssassin measures contrast. */
static double
color_distance (guint32 a, guint32 b)
{
    double dr = (double) ((a >> 16) & 0xFF) - (double) ((b >> 16) & 0xFF);
    double dg = (double) ((a >> 8) & 0xFF) - (double) ((b >> 8) & 0xFF);
    double db = (double) (a & 0xFF) - (double) (b & 0xFF);
    return sqrt (0.299 * dr * dr + 0.587 * dg * dg + 0.114 * db * db);
}

typedef struct layout_walk {
    sl_context *cx;
    const sl_html *html;
    GHashTable *reported;           /* offsets already reported, per rule */
    gboolean seen_visible_text;     /* visible text before this point */
    gboolean preheader_used;
    const sl_node *current_hider;   /* the hidden block being measured */
} layout_walk;

static gboolean
first_time (layout_walk *w, const char *rule, guint32 offset)
{
    char *key = g_strdup_printf ("%s:%u", rule, offset);
    if (g_hash_table_contains (w->reported, key)) {
        g_free (key);
        return FALSE;
    }
    g_hash_table_add (w->reported, key);
    return TRUE;
}

static void
check_width (layout_walk *w, const sl_node *node)
{
    const sl_style *style = node->style;
    if (style == NULL || style->width_px <= WIDTH_NOTE_PX || !is_width_element (node->name))
        return;
    if (!first_time (w, "html-width", style->width_offset))
        return;
    if (style->width_px > WIDTH_WARNING_PX)
        sl_report (w->cx, "html-width", SPAMLINT_WARNING, 1.0, style->width_offset,
                   style->width_offset, w->html->part, NULL,
                   _("%.0f px wide: most mail clients show 600 px; keep the layout at 600 to 800 px"),
                   style->width_px);
    else
        sl_report (w->cx, "html-width", SPAMLINT_NOTE, 0.0, style->width_offset,
                   style->width_offset, w->html->part, NULL,
                   _("%.0f px wide: 600 px displays everywhere without scrolling"), style->width_px);
}

/* The hidden text of HIDER's block, and whether it is the preheader. */
static void
check_hidden (layout_walk *w, const sl_node *hider, const char *how, guint32 offset)
{
    if (hider == w->current_hider)
        return; /* this block was judged at its first text */
    w->current_hider = hider;
    char *content = sl_node_text (hider);
    unsigned chars = count_chars (content);
    g_free (content);
    gboolean in_body = w->html->body == NULL || sl_node_inside (hider, "body");
    if (!w->preheader_used && !w->seen_visible_text && in_body && chars <= PREHEADER_MAX_CHARS) {
        w->preheader_used = TRUE; /* the preview line of the inbox */
        return;
    }
    sl_report (w->cx, "html-hidden-text", SPAMLINT_ERROR, 2.0, offset, offset,
               w->html->part, NULL,
               _("text hidden with %s: filters read hidden text as a trick; show it or remove it"),
               how);
}

static void
check_text (layout_walk *w, const sl_node *text)
{
    const sl_style *style = sl_node_style (text);
    if (style == NULL || !has_readable_text (text))
        return;
    const sl_node *hider;
    const char *how;
    guint32 offset;
    if (sl_style_hides_text (style, &hider, &how, &offset)) {
        check_hidden (w, hider, how, offset);
        return;
    }
    w->seen_visible_text = TRUE;
    const sl_node *element = text->parent;
    guint32 color_at = sl_style_place (element, style->color_in_sheet, style->color_offset);
    if (!style->background_image
        && color_distance (style->color, style->background) < CONTRAST_MIN_DISTANCE
        && first_time (w, "html-low-contrast", color_at))
        sl_report (w->cx, "html-low-contrast", SPAMLINT_ERROR, 1.5, color_at, color_at,
                   w->html->part, NULL,
                   _("text colour #%06X on background #%06X can hardly be seen: give it real contrast"),
                   style->color, style->background);
    guint32 font_at = sl_style_place (element, style->font_in_sheet, style->font_offset);
    if (style->font_tag_tiny && first_time (w, "html-tiny-font", font_at))
        sl_report (w->cx, "html-tiny-font", SPAMLINT_WARNING, 0.5, font_at, font_at,
                   w->html->part, NULL,
                   _("<font size=1> text is too small to read: use at least 12 px"));
    else if (style->font_px > 0 && style->font_px < TINY_FONT_PX
             && first_time (w, "html-tiny-font", font_at))
        sl_report (w->cx, "html-tiny-font", SPAMLINT_WARNING, 0.5, font_at, font_at,
                   w->html->part, NULL,
                   _("text at %.1f px is too small to read: use at least 12 px"), style->font_px);
}

static gboolean
is_invisible_container (const char *name)
{
    /* first letters first: this is asked of every element */
    if (strchr ("hst", name[0]) == NULL)
        return FALSE;
    return strcmp (name, "head") == 0 || strcmp (name, "script") == 0
           || strcmp (name, "style") == 0 || strcmp (name, "title") == 0
           || strcmp (name, "template") == 0;
}

static void
walk (layout_walk *w, const sl_node *node)
{
    for (; node; node = node->next) {
        if (sl_time_up (w->cx))
            return;
        if (node->type == SL_NODE_TEXT) {
            check_text (w, node);
            continue;
        }
        if (is_invisible_container (node->name))
            continue;
        check_width (w, node);
        walk (w, node->first_child);
    }
}

static void
check (sl_context *cx)
{
    for (guint i = 0; i < cx->doc->html->len && !cx->time_up; i++) {
        const sl_html *html = g_ptr_array_index (cx->doc->html, i);
        layout_walk w = { cx, html, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                          FALSE, FALSE, NULL };
        walk (&w, html->root->first_child);
        g_hash_table_destroy (w.reported);
    }
}

const sl_family sl_family_html_layout = {
    .name = "html-layout", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
};
