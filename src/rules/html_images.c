/* html_images.c: images against text. Filters distrust a message that is
 * mostly pictures (the words a filter could read are in the image), and
 * readers with images off see nothing. Sizes come from the width and
 * height attributes (or styles); an image with none counts 200 x 200.
 * Image bytes are looked at only when they are at hand: a data: URI, a
 * cid: part of the message, or a file next to the template; remote images
 * are never fetched.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "load/html.h"
#include "media/magic.h"
#include "rules/rules.h"
#include "style/style.h"
#include "text/chars.h"

static const sl_rule_info rules[] = {
    { "html-image-only", SPAMLINT_ERROR, 2.5, 0.0,
      N_("images with fewer than 400 characters of text") },
    { "html-image-ratio", SPAMLINT_WARNING, 1.0, 0.0,
      N_("much image area per character of text (over 1000 px²: warning, 4000: error)") },
    { "html-image-alt", SPAMLINT_NOTE, 0.0, 0.0, N_("an <img> without an alt attribute") },
    { "html-image-weight", SPAMLINT_WARNING, 0.5, 0.0,
      N_("an image over 200 KB (1 MB: error) or wider than 1600 px") },
    { "html-data-uri", SPAMLINT_WARNING, 0.5, 0.0, N_("an image embedded as a data: URI") },
    { "html-tracking-pixel", SPAMLINT_NOTE, 0.0, 0.0,
      N_("a remote 1x1 or hidden image, as used to track opens") },
};

#define IMAGE_ONLY_CHARS 400
#define DEFAULT_SIDE_PX 200.0
#define RATIO_WARNING 1000.0
#define RATIO_ERROR 4000.0
#define WEIGHT_WARNING_BYTES (200 * 1024)
#define WEIGHT_ERROR_BYTES (1024 * 1024)
#define WIDTH_WASTE_PX 1600
#define LOCAL_IMAGE_MAX_BYTES (64 * 1024 * 1024)

typedef struct image_walk {
    sl_context *cx;
    const sl_html *html;
    unsigned images;        /* shown images (not hidden, not pixels) */
    double area;            /* their area, px² */
    unsigned text_chars;    /* visible, non-hidden characters */
} image_walk;

static gboolean
is_remote (const char *src)
{
    return g_ascii_strncasecmp (src, "http://", 7) == 0 || g_ascii_strncasecmp (src, "https://", 8) == 0
           || strncmp (src, "//", 2) == 0;
}

/* Decoded bytes of a data: URI, or NULL. */
static GBytes *
data_uri_bytes (const char *src)
{
    const char *comma = strchr (src, ',');
    if (comma == NULL)
        return NULL;
    if (g_strstr_len (src, comma - src, ";base64") == NULL) {
        char *raw = g_uri_unescape_string (comma + 1, NULL);
        return raw ? g_bytes_new_take (raw, strlen (raw)) : NULL;
    }
    gsize len = 0;
    guchar *bytes = g_base64_decode (comma + 1, &len);
    return g_bytes_new_take (bytes, len);
}

static GBytes *
cid_bytes (const sl_doc *doc, const char *src)
{
    const char *cid = src + 4;
    for (guint i = 0; i < doc->parts->len; i++) {
        const sl_part *part = g_ptr_array_index (doc->parts, i);
        if (part->content_id && g_ascii_strcasecmp (part->content_id, cid) == 0)
            return g_bytes_ref (part->data);
    }
    return NULL;
}

/* A file next to the template: relative paths only, never a remote one. */
static GBytes *
local_bytes (const sl_doc *doc, const char *src)
{
    if (doc->base_dir == NULL || g_path_is_absolute (src) || strchr (src, ':') != NULL
        || src[0] == '\0')
        return NULL;
    char *relative = g_strndup (src, strcspn (src, "?#"));
    char *unescaped = g_uri_unescape_string (relative, NULL);
    char *path = g_build_filename (doc->base_dir, unescaped ? unescaped : relative, NULL);
    GBytes *bytes = NULL;
    GStatBuf st;
    if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size <= LOCAL_IMAGE_MAX_BYTES) {
        char *contents;
        gsize len;
        if (g_file_get_contents (path, &contents, &len, NULL))
            bytes = g_bytes_new_take (contents, len);
    }
    g_free (path);
    g_free (unescaped);
    g_free (relative);
    return bytes;
}

static void
check_weight (image_walk *w, const sl_node *img, const sl_attr *src)
{
    const sl_doc *doc = w->cx->doc;
    GBytes *bytes = NULL;
    if (g_ascii_strncasecmp (src->value, "data:", 5) == 0)
        bytes = data_uri_bytes (src->value);
    else if (g_ascii_strncasecmp (src->value, "cid:", 4) == 0)
        bytes = cid_bytes (doc, src->value);
    else if (!is_remote (src->value))
        bytes = local_bytes (doc, src->value);
    if (bytes == NULL)
        return;
    gsize size = g_bytes_get_size (bytes);
    if (size > WEIGHT_WARNING_BYTES) {
        gboolean error = size > WEIGHT_ERROR_BYTES;
        sl_report (w->cx, "html-image-weight", error ? SPAMLINT_ERROR : SPAMLINT_WARNING,
                   error ? 1.5 : 0.5, src->offset, src->offset, w->html->part, NULL,
                   _("this image weighs %.0f KB: compress it under 200 KB"), size / 1024.0);
    }
    char *mime;
    unsigned width, height;
    if (sl_magic_type (w->cx->engine->magic, g_bytes_get_data (bytes, NULL), size, &mime, &width,
                       &height)
        && width > WIDTH_WASTE_PX)
        sl_report (w->cx, "html-image-weight", SPAMLINT_WARNING, 0.5, src->offset, src->offset,
                   w->html->part, NULL,
                   _("this image is %u px wide, twice what any layout shows: resize it to the width it is shown at"),
                   width);
    g_free (mime);
    g_bytes_unref (bytes);
}

static double
side (const sl_node *img, const char *name, double declared)
{
    if (declared >= 0)
        return declared;
    const char *value = sl_node_attr (img, name);
    double px;
    if (value && !strchr (value, '%') && (px = g_ascii_strtod (value, NULL)) >= 0 && g_ascii_isdigit (value[0]))
        return px;
    return -1;
}

static void
check_image (image_walk *w, const sl_node *img)
{
    const sl_style *style = img->style;
    const sl_attr *src = sl_node_find_attr (img, "src");
    double width = side (img, "width", style && style->width_px > 0 ? style->width_px : -1);
    double height = side (img, "height", style ? style->height_px : -1);
    gboolean hidden = style && style->hidden;
    gboolean pixel = (width >= 0 && width <= 1 && height >= 0 && height <= 1);

    if (sl_node_find_attr (img, "alt") == NULL)
        sl_report (w->cx, "html-image-alt", SPAMLINT_NOTE, 0.0, img->offset, img->offset,
                   w->html->part, NULL,
                   _("image without alt text: readers with images off see nothing; describe it in alt=\"\""));
    if (src == NULL)
        return;
    if (g_ascii_strncasecmp (src->value, "data:image", 10) == 0)
        sl_report (w->cx, "html-data-uri", SPAMLINT_WARNING, 0.5, src->offset, src->offset,
                   w->html->part, NULL,
                   _("image embedded as a data: URI: Gmail and Outlook do not show it; host it or attach it"));
    if (is_remote (src->value) && (pixel || hidden))
        sl_report (w->cx, "html-tracking-pixel", SPAMLINT_NOTE, 0.0, img->offset, img->offset,
                   w->html->part, src->value,
                   _("tracking pixel: in the EU, tracking opens needs the reader's consent"));
    check_weight (w, img, src);
    if (hidden || pixel)
        return;
    w->images++;
    w->area += (width >= 0 ? width : DEFAULT_SIDE_PX) * (height >= 0 ? height : DEFAULT_SIDE_PX);
}

/* The characters of TEXT[0, LEN) that are not white space, up to a NUL.
 * Eight bytes are taken at once when all are printable ASCII or all
 * spaces (words, and the indentation between tags); other ASCII bytes one
 * by one, and only the rest is decoded. */
static unsigned
count_non_space (const char *text, gsize len)
{
    const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
    const guint64 highs = ones * 0x80;
    unsigned n = 0;
    gsize i = 0;
    while (i < len) {
        guint64 word;
        if (i + 8 <= len) {
            memcpy (&word, text + i, 8);
            if (word == ones * ' ') {
                i += 8;
                continue;
            }
            /* every byte in (' ', 0x80): adding 0x5F sets its high bit */
            if (!(word & highs) && ((word + ones * 0x5F) & highs) == highs) {
                n += 8;
                i += 8;
                continue;
            }
        }
        guchar b = (guchar) text[i];
        if (b == 0)
            break;
        if (b < 0x80) {
            n += !(b == ' ' || (b >= '\t' && b <= '\r' && b != '\v'));
            i++;
            continue;
        }
        n += !sl_unichar_isspace (sl_utf8_char (text + i));
        i = (gsize) (g_utf8_next_char (text + i) - text);
    }
    return n;
}

static void
walk (image_walk *w, const sl_node *node)
{
    for (; node; node = node->next) {
        if (sl_time_up (w->cx))
            return;
        if (node->type == SL_NODE_TEXT) {
            const sl_style *style = sl_node_style (node);
            const sl_node *by;
            const char *how;
            guint32 offset;
            if (node->visible_end > node->visible_start
                && !(style && sl_style_hides_text (style, &by, &how, &offset)))
                w->text_chars += count_non_space (node->text.text, node->text.len);
            continue;
        }
        if (strcmp (node->name, "img") == 0)
            check_image (w, node);
        walk (w, node->first_child);
    }
}

static void
check (sl_context *cx)
{
    for (guint i = 0; i < cx->doc->html->len; i++) {
        const sl_html *html = g_ptr_array_index (cx->doc->html, i);
        image_walk w = { cx, html, 0, 0.0, 0 };
        walk (&w, html->root->first_child);
        /* the ratios need the whole document */
        if (cx->time_up)
            return;
        if (w.images == 0)
            continue;
        if (w.text_chars < IMAGE_ONLY_CHARS)
            sl_report (cx, "html-image-only", SPAMLINT_ERROR, 2.5, html->body_offset,
                       html->body_offset, html->part, NULL,
                       ngettext ("%u image and only %u characters of text: filters cannot read images; write the message as text",
                                 "%u images and only %u characters of text: filters cannot read images; write the message as text",
                                 w.images),
                       w.images, w.text_chars);
        double ratio = w.area / MAX (w.text_chars, 1);
        if (ratio > RATIO_WARNING) {
            gboolean error = ratio > RATIO_ERROR;
            sl_report (cx, "html-image-ratio", error ? SPAMLINT_ERROR : SPAMLINT_WARNING,
                       error ? 2.0 : 1.0, html->body_offset, html->body_offset, html->part, NULL,
                       _("%.0f px² of images per character of text: add text or use fewer, smaller images"),
                       ratio);
        }
    }
}

const sl_family sl_family_html_images = {
    .name = "html-images", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
};
