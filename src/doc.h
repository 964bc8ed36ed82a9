/* doc.h: the one document model every loader fills and every rule reads.
 *
 * Whatever the input (plain text, HTML, MJML, a MIME message), a draft
 * becomes: the raw bytes with their line index, the text segments the
 * reader sees (each a textmap, so positions lead back to the raw file),
 * the subject if there is one, and the parsed HTML documents.
 */
#ifndef SL_DOC_H
#define SL_DOC_H

#include <glib.h>

#include "spamlint.h"
#include "text/lineindex.h"
#include "text/textmap.h"

typedef enum {
    SL_SEGMENT_BODY,    /* text the reader sees in the body */
    SL_SEGMENT_SUBJECT  /* the Subject header, decoded */
} sl_segment_kind;

typedef struct sl_span {
    gsize start;
    gsize end;
} sl_span;

typedef struct sl_segment {
    sl_segment_kind kind;
    const char *part;      /* "text/plain", "text/html", "subject" */
    sl_textmap map;        /* template placeholders blanked out with spaces */
    char *original;        /* map.text before the blanking */
    GArray *placeholders;  /* sl_span: where the placeholders were */
    guint32 anchor;        /* source offset for findings about the whole segment */
    const char *language;  /* "fr", "en"... or NULL when unknown */
} sl_segment;

struct sl_html;

typedef struct sl_doc {
    char *name;
    const char *raw;
    gsize raw_len;
    spamlint_format format;
    sl_lineindex lines;

    GPtrArray *segments;   /* sl_segment */
    GPtrArray *html;       /* struct sl_html: each HTML document or part */

    gboolean has_headers;  /* an .eml, or headers given as options */
    gboolean has_subject;  /* a Subject header (maybe empty) or --subject */
    guint32 subject_offset;/* the Subject header line, or 0 */
    guint32 body_anchor;   /* the <body> tag or the first body byte: the
                              anchor of the first body segment */
    const char *language;  /* the language of most of the body, or NULL */
    gboolean is_reply;     /* In-Reply-To or References present */
} sl_doc;

sl_doc *sl_doc_new (const char *name, const char *raw, gsize raw_len);
void sl_doc_free (sl_doc *doc);

/* Add a segment; takes MAP's contents. Placeholders are found and blanked. */
sl_segment *sl_doc_add_segment (sl_doc *doc, sl_segment_kind kind,
                                const char *part, sl_textmap *map, guint32 anchor);

/* Whether a body segment was added yet. */
gboolean sl_doc_has_body (const sl_doc *doc);

/* Line and column of a source offset. */
void sl_doc_position (const sl_doc *doc, guint32 offset, unsigned *line, unsigned *column);

#endif
