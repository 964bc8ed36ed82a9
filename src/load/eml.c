/* eml.c: a MIME message through GMime, into the document model.
 *
 * GMime parses the structure (RFC 5322, 2045, 2047, 2231) and, with a
 * persistent stream, tells where each part's content lies in the raw file
 * and where each header starts. Content is then decoded here with a
 * source map: 7bit/8bit bytes map to themselves, quoted-printable bytes to
 * the raw characters they came from, so findings land on the raw file's
 * lines; base64 content cannot be pointed into, so its findings land on
 * the part's Content-Type header line.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmime/gmime.h>
#include <string.h>

#include "load/load.h"

typedef struct eml_state {
    sl_doc *doc;
    unsigned parts;
    gboolean too_deep, too_many;  /* a limit hit, noted once */
} eml_state;

static const GMimeHeader *
find_header (GMimeObject *object, const char *name)
{
    GMimeHeaderList *list = g_mime_object_get_header_list (object);
    int n = g_mime_header_list_get_count (list);
    for (int i = 0; i < n; i++) {
        GMimeHeader *header = g_mime_header_list_get_header_at (list, i);
        if (g_ascii_strcasecmp (g_mime_header_get_name (header), name) == 0)
            return header;
    }
    return NULL;
}

static guint32
header_offset (const GMimeHeader *header, guint32 fallback)
{
    if (header == NULL)
        return fallback;
    gint64 offset = g_mime_header_get_offset ((GMimeHeader *) header);
    return offset >= 0 ? (guint32) offset : fallback;
}

/* Decode quoted-printable bytes raw[start, end), each output byte mapped
 * to the raw offset it came from. */
static void
decode_qp (const char *raw, gsize start, gsize end, GByteArray *out, GArray *src)
{
    /* never longer than the raw bytes: written in place, then cut */
    guint base = out->len;
    g_byte_array_set_size (out, base + (guint) (end - start));
    g_array_set_size (src, base + (guint) (end - start));
    guint8 *bytes = out->data;
    guint32 *from = (guint32 *) (void *) src->data;
    guint n = base;
    gsize i = start;
    while (i < end) {
        guchar c = (guchar) raw[i];
        guint32 at = (guint32) i;
        if (c == '=') {
            if (i + 1 < end && (raw[i + 1] == '\n' || raw[i + 1] == '\r')) {
                /* soft line break */
                i += 2;
                if (raw[i - 1] == '\r' && i < end && raw[i] == '\n')
                    i++;
                continue;
            }
            if (i + 2 < end && g_ascii_isxdigit (raw[i + 1]) && g_ascii_isxdigit (raw[i + 2])) {
                c = (guchar) (g_ascii_xdigit_value (raw[i + 1]) * 16
                              + g_ascii_xdigit_value (raw[i + 2]));
                i += 2;
            }
        }
        bytes[n] = c;
        from[n++] = at;
        i++;
    }
    g_byte_array_set_size (out, n);
    g_array_set_size (src, n);
}

/* Where the charset parameter's value is in the header at HEADER_AT (the
 * header's start when it cannot be found there). */
static guint32
charset_offset (const sl_doc *doc, guint32 header_at)
{
    const char *raw = doc->raw;
    gsize end = header_at;
    /* the header's end: a line break not followed by white space */
    while (end < doc->raw_len) {
        if (raw[end] == '\n'
            && (end + 1 >= doc->raw_len || (raw[end + 1] != ' ' && raw[end + 1] != '\t')))
            break;
        end++;
    }
    for (gsize k = header_at; k + 7 <= end; k++) {
        if (g_ascii_strncasecmp (raw + k, "charset", 7) != 0)
            continue;
        gsize v = k + 7;
        /* charset*=, charset*0*= (RFC 2231) */
        while (v < end && (raw[v] == ' ' || raw[v] == '\t' || raw[v] == '*' || g_ascii_isdigit (raw[v])))
            v++;
        if (v >= end || raw[v] != '=')
            continue;
        v++;
        while (v < end && (raw[v] == ' ' || raw[v] == '\t' || raw[v] == '"'))
            v++;
        return (guint32) v;
    }
    return header_at;
}

/* What the decoding of a part repaired, if anything, noted on DOC; an
 * unknown charset is told at its name in the header at HEADER_AT. */
static void
note_part_encoding (sl_doc *doc, const char *part_type, const sl_decode_notes *notes,
                    const char *charset, guint32 header_at)
{
    guint32 charset_at = notes->unknown_charset ? charset_offset (doc, header_at) : header_at;
    sl_doc_note_encoding (doc, part_type, notes, charset, charset_at, NULL);
}

/* The part's content, decoded to UTF-8 with sources; what had to be
 * repaired is noted on DOC. */
static void
part_text (sl_doc *doc, GMimePart *part, const char *part_type, sl_textmap *out)
{
    GMimeObject *object = GMIME_OBJECT (part);
    guint32 anchor = header_offset (find_header (object, "Content-Type"),
                                    header_offset (find_header (object, "Content-Transfer-Encoding"), 0));
    const char *charset = g_mime_object_get_content_type_parameter (object, "charset");
    GMimeDataWrapper *wrapper = g_mime_part_get_content (part);
    if (wrapper == NULL)
        return;
    sl_decode_notes notes = { 0 };
    GMimeContentEncoding encoding = g_mime_data_wrapper_get_encoding (wrapper);
    GMimeStream *stream = g_mime_data_wrapper_get_stream (wrapper);
    gint64 start = stream ? stream->bound_start : -1;
    gint64 end = stream ? stream->bound_end : -1;
    gboolean located = start >= 0 && end >= start && (gsize) end <= doc->raw_len;

    if (located && (encoding == GMIME_CONTENT_ENCODING_DEFAULT
                    || encoding == GMIME_CONTENT_ENCODING_7BIT
                    || encoding == GMIME_CONTENT_ENCODING_8BIT
                    || encoding == GMIME_CONTENT_ENCODING_BINARY)) {
        sl_textmap_decode_noted (out, doc->raw + start, (gsize) (end - start), NULL,
                                 (guint32) start, charset, &notes);
        note_part_encoding (doc, part_type, &notes, charset, anchor);
        return;
    }
    if (located && encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE) {
        GByteArray *bytes = g_byte_array_new ();
        GArray *src = g_array_new (FALSE, FALSE, sizeof (guint32));
        decode_qp (doc->raw, (gsize) start, (gsize) end, bytes, src);
        sl_textmap_decode_noted (out, (const char *) bytes->data, bytes->len,
                                 (const guint32 *) (void *) src->data, 0, charset, &notes);
        note_part_encoding (doc, part_type, &notes, charset, anchor);
        g_byte_array_free (bytes, TRUE);
        g_array_free (src, TRUE);
        return;
    }
    /* base64, uuencode, or content GMime could not locate: let GMime
     * decode it, and point every byte at the part's header */
    GMimeStream *mem = g_mime_stream_mem_new ();
    g_mime_data_wrapper_write_to_stream (wrapper, mem);
    GByteArray *bytes = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (mem));
    GArray *src = g_array_sized_new (FALSE, FALSE, sizeof (guint32), bytes->len);
    for (guint i = 0; i < bytes->len; i++)
        g_array_append_val (src, anchor);
    sl_textmap_decode_noted (out, (const char *) bytes->data, bytes->len,
                             (const guint32 *) (void *) src->data, 0, charset, &notes);
    note_part_encoding (doc, part_type, &notes, charset, anchor);
    g_array_free (src, TRUE);
    g_object_unref (mem);
}

static void
load_part (eml_state *st, GMimeObject *object, unsigned depth);

/* The decoded bytes of a part. */
static GBytes *
part_bytes (GMimePart *part)
{
    GMimeDataWrapper *wrapper = g_mime_part_get_content (part);
    GMimeStream *mem = g_mime_stream_mem_new ();
    if (wrapper)
        g_mime_data_wrapper_write_to_stream (wrapper, mem);
    GByteArray *array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (mem));
    GBytes *bytes = g_bytes_new (array->data, array->len);
    g_object_unref (mem);
    return bytes;
}

/* An attachment or inline part, kept for the attachment and image rules. */
static void
record_part (eml_state *st, GMimePart *part, gboolean attachment)
{
    GMimeObject *object = GMIME_OBJECT (part);
    sl_part *p = g_new0 (sl_part, 1);
    char *mime_type = g_mime_content_type_get_mime_type (g_mime_object_get_content_type (object));
    p->content_type = g_ascii_strdown (mime_type, -1);
    g_free (mime_type);
    const char *filename = g_mime_part_get_filename (part);
    p->filename = filename ? g_strdup (filename) : NULL;
    const char *cid = g_mime_object_get_content_id (object);
    p->content_id = cid ? g_strdup (cid) : NULL;
    p->attachment = attachment;
    p->data = part_bytes (part);
    p->offset = header_offset (find_header (object, "Content-Disposition"),
                               header_offset (find_header (object, "Content-Type"), 0));
    g_ptr_array_add (st->doc->parts, p);
}

static void
load_leaf (eml_state *st, GMimePart *part)
{
    GMimeObject *object = GMIME_OBJECT (part);
    GMimeContentDisposition *disposition = g_mime_object_get_content_disposition (object);
    gboolean attachment = disposition && g_mime_content_disposition_is_attachment (disposition);
    GMimeContentType *type = g_mime_object_get_content_type (object);
    if (attachment || (!g_mime_content_type_is_type (type, "text", "plain")
                       && !g_mime_content_type_is_type (type, "text", "html"))) {
        record_part (st, part, attachment);
        return;
    }
    gboolean html = g_mime_content_type_is_type (type, "text", "html");
    sl_textmap text;
    sl_textmap_init (&text);
    part_text (st->doc, part, html ? "text/html" : "text/plain", &text);
    guint32 part_offset = header_offset (find_header (object, "Content-Type"), 0);
    guint32 anchor = text.len ? text.src[0] : part_offset;
    sl_segment *segment;
    if (html) {
        segment = sl_doc_add_html (st->doc, &text, "text/html");
        sl_textmap_clear (&text);
    } else {
        segment = sl_doc_add_segment (st->doc, SL_SEGMENT_BODY, "text/plain", &text, anchor);
    }
    segment->part_offset = part_offset;
}

static void
load_part (eml_state *st, GMimeObject *object, unsigned depth)
{
    if (object == NULL)
        return;
    const sl_limits *limits = st->doc->limits;
    if (depth > limits->mime_depth) {
        if (!st->too_deep)
            sl_doc_note_limit (st->doc, header_offset (find_header (object, "Content-Type"), 0),
                               g_strdup_printf (_("MIME parts nested more than %u deep (the mime-depth limit): the deeper ones are not read"),
                                                limits->mime_depth));
        st->too_deep = TRUE;
        return;
    }
    if (++st->parts > limits->mime_parts) {
        if (!st->too_many)
            sl_doc_note_limit (st->doc, header_offset (find_header (object, "Content-Type"), 0),
                               g_strdup_printf (_("more than %u MIME parts (the mime-parts limit): the rest are not read"),
                                                limits->mime_parts));
        st->too_many = TRUE;
        return;
    }
    if (GMIME_IS_MULTIPART (object)) {
        GMimeMultipart *multipart = GMIME_MULTIPART (object);
        int n = g_mime_multipart_get_count (multipart);
        for (int i = 0; i < n; i++)
            load_part (st, g_mime_multipart_get_part (multipart, i), depth + 1);
    } else if (GMIME_IS_PART (object)) {
        load_leaf (st, GMIME_PART (object));
    }
    /* attached messages (message/rfc822) are attachments, not body */
}

/* The decoded subject, with each character mapped to the raw header when
 * the header is plain text; RFC 2047 encoded words map to the header start. */
static void
load_subject (sl_doc *doc, GMimeMessage *message, const GMimeHeader *header)
{
    guint32 offset = header_offset (header, 0);
    const char *subject = g_mime_message_get_subject (message);
    if (subject == NULL)
        subject = "";
    doc->has_subject = TRUE;
    doc->subject_offset = offset;

    sl_textmap map;
    sl_textmap_init (&map);
    const char *raw = g_mime_header_get_raw_value ((GMimeHeader *) header);
    /* the raw value starts after "Subject:" in the file */
    const char *colon = memchr (doc->raw + offset, ':', MIN (64, doc->raw_len - offset));
    if (raw && colon && strstr (raw, "=?") == NULL) {
        gsize at = (gsize) (colon + 1 - doc->raw);
        while (at < doc->raw_len && (doc->raw[at] == ' ' || doc->raw[at] == '\t'))
            at++;
        /* unfold: drop line breaks, keep the rest mapped */
        GByteArray *bytes = g_byte_array_new ();
        GArray *src = g_array_new (FALSE, FALSE, sizeof (guint32));
        gsize k = at;
        while (k < doc->raw_len) {
            char c = doc->raw[k];
            if (c == '\r' || c == '\n') {
                gsize next = k + 1 + (c == '\r' && k + 1 < doc->raw_len && doc->raw[k + 1] == '\n');
                if (next >= doc->raw_len || (doc->raw[next] != ' ' && doc->raw[next] != '\t'))
                    break;
                k = next;
                continue;
            }
            guint32 s = (guint32) k;
            g_byte_array_append (bytes, (const guint8 *) &c, 1);
            g_array_append_val (src, s);
            k++;
        }
        while (bytes->len > 0 && (bytes->data[bytes->len - 1] == ' ' || bytes->data[bytes->len - 1] == '\t')) {
            g_byte_array_set_size (bytes, bytes->len - 1);
            g_array_set_size (src, bytes->len);
        }
        sl_textmap_decode (&map, (const char *) bytes->data, bytes->len,
                           (const guint32 *) (void *) src->data, 0, NULL);
        g_byte_array_free (bytes, TRUE);
        g_array_free (src, TRUE);
        if (strcmp (map.text ? map.text : "", subject) != 0) {
            /* GMime decoded it differently (a charset): map to the header */
            sl_textmap_clear (&map);
        }
    }
    if (map.len == 0 && *subject) {
        /* no place in the raw header: every character points at its start */
        gsize n = strlen (subject);
        guint32 *src = g_new (guint32, n);
        for (gsize i = 0; i < n; i++)
            src[i] = offset;
        sl_textmap_decode (&map, subject, n, src, 0, NULL);
        g_free (src);
    }
    sl_doc_add_segment (doc, SL_SEGMENT_SUBJECT, "subject", &map, offset);
}

/* The first mailbox of From. */
static void
load_sender (sl_doc *doc, GMimeMessage *message)
{
    const GMimeHeader *from = find_header (GMIME_OBJECT (message), "From");
    if (from == NULL)
        return;
    doc->has_sender = TRUE;
    doc->from_offset = header_offset (from, 0);
    sl_doc_set_sender (doc, g_mime_message_get_from (message));
}

gboolean
sl_load_eml (sl_doc *doc, char **error)
{
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer (doc->raw, doc->raw_len);
    GMimeParser *parser = g_mime_parser_new_with_stream (stream);
    g_mime_parser_set_persist_stream (parser, TRUE);
    g_mime_parser_set_format (parser, GMIME_FORMAT_MESSAGE);
    GMimeMessage *message = g_mime_parser_construct_message (parser, NULL);
    g_object_unref (parser);
    if (message == NULL) {
        g_object_unref (stream);
        *error = g_strdup (_("not a MIME message: no headers could be read"));
        return FALSE;
    }
    doc->has_headers = TRUE;
    doc->is_reply = find_header (GMIME_OBJECT (message), "In-Reply-To") != NULL
                    || find_header (GMIME_OBJECT (message), "References") != NULL;
    const GMimeHeader *subject = find_header (GMIME_OBJECT (message), "Subject");
    if (subject != NULL)
        load_subject (doc, message, subject);

    load_sender (doc, message);
    const GMimeHeader *unsubscribe = find_header (GMIME_OBJECT (message), "List-Unsubscribe");
    if (unsubscribe) {
        doc->list_unsubscribe = g_strdup (g_mime_header_get_value ((GMimeHeader *) unsubscribe));
        doc->list_unsubscribe_offset = header_offset (unsubscribe, 0);
    }
    const GMimeHeader *post = find_header (GMIME_OBJECT (message), "List-Unsubscribe-Post");
    if (post)
        doc->list_unsubscribe_post = g_strdup (g_mime_header_get_value ((GMimeHeader *) post));

    eml_state st = { doc, 0, FALSE, FALSE };
    load_part (&st, g_mime_message_get_mime_part (message), 0);
    g_object_unref (message);
    g_object_unref (stream);
    return TRUE;
}
