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

#include "limit.h"
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
    guint32 part_offset;   /* its MIME part's Content-Type header (.eml), or 0 */
    /* read by several rules, so made once, on first use */
    GArray *words;                 /* sl_word: see sl_segment_words */
    struct sl_folded *folded;      /* see sl_segment_folded */
} sl_segment;

struct sl_html;

/* The words of a segment's text (text/words.h), split once for all rules. */
const GArray *sl_segment_words (const sl_segment *segment);
/* A segment's text folded for phrase matching (text/fold.h), once. */
const struct sl_folded *sl_segment_folded (const sl_segment *segment);

/* What a loader has to tell about the input: a limit it hit (too deep,
 * too many parts: input-limit) or an encoding it repaired or converted
 * (input-encoding). */
typedef struct sl_input_note {
    guint32 offset;
    const char *part;     /* "text/plain", "text/html", or NULL */
    char *message;
} sl_input_note;

/* A MIME part that is not body text: an attachment or an inline image. */
typedef struct sl_part {
    char *content_type;   /* "application/pdf", lower case */
    char *filename;       /* decoded (RFC 2231/2047), or NULL */
    char *content_id;     /* without <>, or NULL */
    gboolean attachment;  /* Content-Disposition: attachment */
    gboolean from_option; /* given with --attach: no place in the file */
    GBytes *data;         /* decoded content */
    guint32 offset;       /* its Content-Disposition (or Content-Type) header */
} sl_part;

typedef struct sl_doc {
    char *name;
    const char *raw;
    gsize raw_len;
    spamlint_format format;
    sl_lineindex lines;

    GPtrArray *segments;   /* sl_segment */
    GPtrArray *html;       /* struct sl_html: each HTML document or part */
    GPtrArray *parts;      /* sl_part: attachments and inline parts (.eml) */
    char *base_dir;        /* the draft's folder, for images next to it; or NULL */

    gboolean has_headers;  /* an .eml, or headers given as options */
    gboolean has_subject;  /* a Subject header (maybe empty) or --subject */
    guint32 subject_offset;/* the Subject header line, or 0 */
    guint32 body_anchor;   /* the <body> tag or the first body byte: the
                              anchor of the first body segment */
    const char *language;  /* the language of most of the body, or NULL */
    gboolean is_reply;     /* In-Reply-To or References present */
    gboolean has_sender;   /* a From header (maybe empty) or --from */
    char *from_name;       /* the From display name, or NULL */
    char *from_address;    /* the From address, or NULL */
    guint32 from_offset;   /* the From header line, or 0 */
    char *list_unsubscribe;      /* the List-Unsubscribe header, or NULL */
    guint32 list_unsubscribe_offset;
    char *list_unsubscribe_post; /* the List-Unsubscribe-Post header, or NULL */
    gboolean transactional;      /* judged or set: no bulk-mail rules */
    gboolean kind_detected;      /* judged transactional from the draft itself */
    GArray *limit_notes;         /* sl_input_note: limits the loaders hit */
    GArray *encoding_notes;      /* sl_input_note: encodings repaired, one per part */
    const sl_limits *limits;     /* the engine's; the defaults until sl_load sets them */
} sl_doc;

sl_doc *sl_doc_new (const char *name, const char *raw, gsize raw_len);
void sl_part_free (gpointer part);
void sl_doc_free (sl_doc *doc);

/* Add a segment; takes MAP's contents. Placeholders are found and blanked. */
sl_segment *sl_doc_add_segment (sl_doc *doc, sl_segment_kind kind,
                                const char *part, sl_textmap *map, guint32 anchor);

/* Whether a body segment was added yet. */
gboolean sl_doc_has_body (const sl_doc *doc);

/* Record that a loader hit a limit (takes MESSAGE). */
void sl_doc_note_limit (sl_doc *doc, guint32 offset, char *message);

/* Record what the decoding of one part repaired or converted, if anything:
 * NOTES from sl_textmap_decode_noted; CHARSET the declared charset, or
 * NULL, and CHARSET_AT the source of its name; CONVERTED the encoding the
 * part was converted from without a declaration (a byte order mark), or
 * NULL. */
void sl_doc_note_encoding (sl_doc *doc, const char *part, const sl_decode_notes *notes,
                           const char *charset, guint32 charset_at, const char *converted);

/* Line and column of a source offset. */
void sl_doc_position (const sl_doc *doc, guint32 offset, unsigned *line, unsigned *column);

#endif
