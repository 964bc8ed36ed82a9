/* load.c: pick the loader for a draft and fill the document model. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <gmime/gmime.h>

#include "load/html.h"
#include "load/load.h"

#include <string.h>

sl_segment *
sl_doc_add_html (sl_doc *doc, const sl_textmap *source, const char *part)
{
    return sl_doc_add_parsed_html (doc, sl_html_parse (source, part, doc->limits->html_depth));
}

sl_segment *
sl_doc_add_parsed_html (sl_doc *doc, sl_html *html)
{
    g_ptr_array_add (doc->html, html);
    if (html->flattened)
        sl_doc_note_limit (doc, html->flattened_offset,
                           g_strdup_printf (_("HTML elements nested more than %u deep (the html-depth limit): the deeper ones are read flat, their text kept"),
                                            html->max_depth));
    sl_textmap visible = html->visible;
    /* the segment gets a copy: the HTML keeps its own for the HTML rules */
    sl_textmap copy;
    sl_textmap_init (&copy);
    sl_textmap_append_map (&copy, &visible, 0, visible.len);
    return sl_doc_add_segment (doc, SL_SEGMENT_BODY, html->part, &copy, html->body_offset);
}

/* Skip a UTF-8 byte order mark; the map keeps the real offsets. */
static gsize
bom_length (const char *data, gsize len)
{
    return len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* The charset an HTML document declares in its first bytes (<meta
 * charset=X> or <meta http-equiv=Content-Type content="...; charset=X">),
 * or NULL; *AT is where its name starts. */
static char *
html_declared_charset (const char *data, gsize len, guint32 *at)
{
    gsize n = MIN (len, 4096);
    for (gsize i = 0; i + 8 < n; i++) {
        if (g_ascii_strncasecmp (data + i, "charset", 7) != 0)
            continue;
        gsize k = i + 7;
        while (k < n && g_ascii_isspace (data[k]))
            k++;
        if (k >= n || data[k] != '=')
            continue;
        k++;
        while (k < n && (g_ascii_isspace (data[k]) || data[k] == '"' || data[k] == '\''))
            k++;
        gsize start = k;
        while (k < n && (g_ascii_isalnum (data[k]) || strchr ("-_.:", data[k])))
            k++;
        if (k > start) {
            *at = (guint32) start;
            return g_strndup (data + start, k - start);
        }
    }
    return NULL;
}

/* The names browsers read as Windows-1252 (WHATWG Encoding): what the
 * invalid UTF-8 bytes are read as anyway. */
static gboolean
is_windows_1252_label (const char *charset)
{
    static const char *const labels[] = { "windows-1252", "cp1252", "x-cp1252", "iso-8859-1",
                                          "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii",
                                          "ascii", "cp819", "ibm819", "iso-ir-100", NULL };
    for (guint i = 0; labels[i]; i++)
        if (g_ascii_strcasecmp (charset, labels[i]) == 0)
            return TRUE;
    return FALSE;
}

/* The raw bytes as UTF-8: UTF-16 when a byte order mark says so, else
 * UTF-8. Bytes that are not UTF-8 are read in the charset an HTML document
 * declares, else as Windows-1252, with an input-encoding note. */
void
sl_doc_decode_raw (sl_doc *doc, sl_textmap *out, const char *part)
{
    const guchar *raw = (const guchar *) doc->raw;
    sl_decode_notes notes = { 0 };
    if (doc->raw_len >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF))) {
        const char *charset = raw[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        sl_textmap_decode_noted (out, doc->raw + 2, doc->raw_len - 2, NULL, 2, charset, &notes);
        sl_doc_note_encoding (doc, part, &notes, NULL, 0, charset);
        return;
    }
    gsize skip = bom_length (doc->raw, doc->raw_len);
    sl_textmap_decode_noted (out, doc->raw + skip, doc->raw_len - skip, NULL, (guint32) skip, NULL,
                             &notes);
    if (notes.invalid && strcmp (part, "text/html") == 0) {
        guint32 declared_at = 0;
        char *declared = html_declared_charset (doc->raw, doc->raw_len, &declared_at);
        if (declared && is_windows_1252_label (declared)) {
            /* read as declared: nothing to tell but NUL bytes */
            notes.invalid = 0;
        } else if (declared && g_ascii_strcasecmp (declared, "utf-8") != 0
                   && g_ascii_strcasecmp (declared, "utf8") != 0) {
            sl_textmap decoded;
            sl_textmap_init (&decoded);
            sl_decode_notes declared_notes = { 0 };
            if (sl_textmap_decode_noted (&decoded, doc->raw + skip, doc->raw_len - skip, NULL,
                                         (guint32) skip, declared, &declared_notes)) {
                sl_textmap_clear (out);
                *out = decoded;
                notes = declared_notes;
            } else {
                sl_textmap_clear (&decoded);
                notes.unknown_charset = TRUE;
            }
        }
        sl_doc_note_encoding (doc, part, &notes, declared, declared_at, NULL);
        g_free (declared);
        return;
    }
    sl_doc_note_encoding (doc, part, &notes, NULL, 0, NULL);
}

gboolean
sl_load_text (sl_doc *doc)
{
    sl_textmap map;
    sl_textmap_init (&map);
    sl_doc_decode_raw (doc, &map, "text/plain");
    sl_doc_add_segment (doc, SL_SEGMENT_BODY, "text/plain", &map, map.len ? map.src[0] : 0);
    return TRUE;
}

gboolean
sl_load_html (sl_doc *doc)
{
    sl_textmap source;
    sl_textmap_init (&source);
    sl_doc_decode_raw (doc, &source, "text/html");
    sl_doc_add_html (doc, &source, "text/html");
    sl_textmap_clear (&source);
    return TRUE;
}

void
sl_doc_set_sender (sl_doc *doc, InternetAddressList *list)
{
    if (list == NULL || internet_address_list_length (list) == 0)
        return;
    InternetAddress *address = internet_address_list_get_address (list, 0);
    if (INTERNET_ADDRESS_IS_GROUP (address)) {
        InternetAddressList *members = internet_address_group_get_members (INTERNET_ADDRESS_GROUP (address));
        if (members == NULL || internet_address_list_length (members) == 0)
            return;
        address = internet_address_list_get_address (members, 0);
    }
    const char *name = internet_address_get_name (address);
    doc->from_name = name && *name ? g_strdup (name) : NULL;
    if (INTERNET_ADDRESS_IS_MAILBOX (address)) {
        const char *addr = internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address));
        doc->from_address = addr && *addr ? g_ascii_strdown (addr, -1) : NULL;
    }
}

/* --from and --attach: the envelope of a draft that has no headers. */
static void
add_envelope_options (const spamlint_engine *engine, sl_doc *doc)
{
    if (doc->format == SPAMLINT_FORMAT_EML)
        return;
    if (engine->from) {
        InternetAddressList *list = internet_address_list_parse (NULL, engine->from);
        doc->has_sender = TRUE;
        sl_doc_set_sender (doc, list);
        if (list)
            g_object_unref (list);
    }
    for (guint i = 0; i < engine->attachments->len; i++) {
        const sl_part *option = g_ptr_array_index (engine->attachments, i);
        sl_part *part = g_new0 (sl_part, 1);
        part->filename = g_strdup (option->filename);
        part->attachment = TRUE;
        part->from_option = TRUE;
        part->data = g_bytes_ref (option->data);
        g_ptr_array_add (doc->parts, part);
    }
}

static void
add_subject_option (const spamlint_engine *engine, sl_doc *doc)
{
    if (engine->subject == NULL || doc->format == SPAMLINT_FORMAT_EML)
        return;
    sl_textmap map;
    sl_textmap_init (&map);
    /* a subject given on the command line has no place in the file */
    sl_textmap_append_at (&map, engine->subject, strlen (engine->subject), 0);
    doc->has_subject = TRUE;
    sl_doc_add_segment (doc, SL_SEGMENT_SUBJECT, "subject", &map, 0);
}

sl_doc *
sl_load (const spamlint_engine *engine, const char *name, const char *data,
         gsize len, spamlint_format format, char **error)
{
    if (len == 0) {
        *error = g_strdup (_("empty file, nothing to lint"));
        return NULL;
    }
    if (len > G_MAXUINT32) {
        *error = g_strdup (_("file too large to lint (over 4 GB)"));
        return NULL;
    }
    const char *binary = sl_sniff_binary (data, len);
    if (binary != NULL) {
        *error = g_strdup (_(binary));
        return NULL;
    }
    sl_doc *doc = sl_doc_new (name, data, len);
    doc->limits = &engine->limits;
    doc->format = format != SPAMLINT_FORMAT_AUTO ? format : sl_sniff_format (data, len, name);
    gboolean ok = FALSE;
    switch (doc->format) {
    case SPAMLINT_FORMAT_EML:
        ok = sl_load_eml (doc, error);
        break;
    case SPAMLINT_FORMAT_HTML:
        ok = sl_load_html (doc);
        break;
    case SPAMLINT_FORMAT_MJML:
        ok = sl_load_mjml (doc);
        break;
    case SPAMLINT_FORMAT_TEXT:
    case SPAMLINT_FORMAT_AUTO:
    default:
        ok = sl_load_text (doc);
        break;
    }
    if (!ok) {
        sl_doc_free (doc);
        return NULL;
    }
    add_subject_option (engine, doc);
    add_envelope_options (engine, doc);
    return doc;
}
