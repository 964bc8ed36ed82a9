/* css.h: the little CSS that the HTML rules need: declarations of inline
 * style="" attributes, and <style> rules whose selector is a tag, a class,
 * an id or a tag with a class or id. */
#ifndef SL_CSS_H
#define SL_CSS_H

#include <glib.h>

#include "text/textmap.h"

/* The properties the cascade reads (style/style.c), told at parse time so
 * that it compares no names. */
typedef enum {
    SL_CSS_OTHER,
    SL_CSS_DISPLAY,
    SL_CSS_VISIBILITY,
    SL_CSS_OPACITY,
    SL_CSS_FONT_SIZE,
    SL_CSS_COLOR,
    SL_CSS_BACKGROUND,
    SL_CSS_BACKGROUND_IMAGE,
    SL_CSS_BACKGROUND_COLOR,
    SL_CSS_WIDTH,
    SL_CSS_MAX_WIDTH,
    SL_CSS_MIN_WIDTH,
    SL_CSS_HEIGHT,
    SL_CSS_MAX_HEIGHT,
    SL_CSS_OVERFLOW
} sl_css_property;

typedef struct sl_css_decl {
    char *property;      /* lower case */
    char *value;         /* trimmed, without !important */
    gboolean important;
    gboolean in_sheet;   /* from a <style> rule (not an inline style) */
    guint32 offset;      /* source offset of the property name */
    sl_css_property known; /* which property it is, if the cascade reads it */
} sl_css_decl;

typedef struct sl_css_rule {
    char *tag;           /* NULL, or a lower-case tag name */
    char *class_name;    /* NULL, or a class */
    char *id;            /* NULL, or an id */
    int specificity;     /* 100 id, 10 class, 1 tag */
    guint order;         /* position in the document's style sheets */
    GArray *decls;       /* sl_css_decl */
} sl_css_rule;

typedef struct sl_stylesheet {
    GPtrArray *rules;    /* sl_css_rule, in document order */
} sl_stylesheet;

/* Parse "a: b; c: d" from TEXT (with sources) into DECLS (sl_css_decl). */
void sl_css_parse_declarations (const sl_textmap *text, gsize start, gsize end, GArray *decls);
/* Where the strings of declarations go: memory from ALLOC (DATA, SIZE),
 * which its owner frees as a whole (an HTML document's), so that the
 * declarations need no freeing; the array is one without a clear func. */
typedef struct sl_css_memory {
    void *(*alloc) (gpointer data, gsize size);
    gpointer data;
} sl_css_memory;

/* The same from a style="" attribute's VALUE: its byte i comes from
 * OFFSET + i when EXACT, else all of it from OFFSET. The strings come from
 * MEMORY. */
void sl_css_parse_inline (const char *value, guint32 offset, gboolean exact, GArray *decls,
                          const sl_css_memory *memory);
/* Which property NAME (lower case) is. */
sl_css_property sl_css_property_of (const char *name);
/* A declaration of PROPERTY (lowered) and VALUE (as it is), at OFFSET,
 * its strings from MEMORY. */
void sl_css_decl_init (sl_css_decl *decl, const char *property, const char *value, guint32 offset,
                       const sl_css_memory *memory);
/* Parse a <style> element's text; @media and other at-rules are skipped,
 * complex selectors too. Malformed CSS is skipped, never fatal. */
void sl_css_parse_sheet (sl_stylesheet *sheet, const sl_textmap *text);

sl_stylesheet *sl_stylesheet_new (void);
void sl_stylesheet_free (sl_stylesheet *sheet);
GArray *sl_css_decls_new (void);
void sl_css_decls_free (GArray *decls);

/* Values */
/* A length in px (px, pt, em, rem, %, or a bare number); FALSE when not a
 * length. PARENT_PX resolves em and %. */
gboolean sl_css_length (const char *value, double parent_px, double *px);
/* A colour as 0xRRGGBB; FALSE for transparent, inherit or unknown. */
gboolean sl_css_color (const char *value, guint32 *rgb);

#endif
