/* style.h: the computed style of each element of an HTML document, as far
 * as the rules need it (what is hidden, text size and colours, widths). */
#ifndef SL_STYLE_H
#define SL_STYLE_H

#include <glib.h>

#include "load/html.h"

typedef struct sl_style {
    /* inherited */
    double font_px;           /* computed font size */
    guint32 font_offset;      /* where it was set (0: default) */
    const sl_node *font_node; /* the element that set it */
    gboolean font_tag_tiny;   /* inside <font size=1> */
    guint32 color;            /* text colour, 0xRRGGBB */
    guint32 background;       /* nearest background colour */
    gboolean background_image;/* the nearest background is an image: contrast unknown */
    /* hidden for good by this element or an ancestor (display:none,
     * opacity:0, max-height:0 with overflow:hidden, the hidden attribute):
     * no descendant can show itself again */
    gboolean hidden;
    const sl_node *hidden_by; /* the outermost hiding element */
    const char *hidden_how;   /* "display:none"... */
    guint32 hidden_offset;    /* the hiding declaration or attribute */
    gboolean hidden_in_sheet; /* ...declared in a <style> rule */
    /* visibility:hidden, which a descendant may undo with visible */
    const sl_node *invisible_by;
    guint32 invisible_offset;
    gboolean invisible_in_sheet;
    gboolean font_in_sheet;   /* the font size comes from a <style> rule */
    gboolean color_in_sheet;  /* the colour comes from a <style> rule */
    /* this element's own declarations */
    double width_px;          /* largest declared width, max-width or min-width; 0: none */
    guint32 width_offset;
    double height_px;         /* declared height; -1: none */
    gboolean color_set;       /* a colour declared on this very element */
    guint32 color_offset;
} sl_style;

/* Whether text with this style is hidden, and by what: the strict kinds
 * first, then visibility:hidden, then a font size of 0 (which a
 * descendant may undo too: MJML sets font-size:0 on columns and sizes the
 * text inside). */
gboolean sl_style_hides_text (const sl_style *style, const sl_node **by, const char **how,
                              guint32 *offset);

/* Where a finding about NODE's style should point: the declaration when
 * it comes from a <style> rule, else the element's tag. */
guint32 sl_style_place (const sl_node *node, gboolean in_sheet, guint32 declaration);

/* Compute the style of every element (text nodes use their parent's);
 * sets node->style. Called once per HTML document, after parsing. */
void sl_styles_compute (sl_html *html);

/* The style of a node, or of a text node's element. */
const sl_style *sl_node_style (const sl_node *node);

#endif
