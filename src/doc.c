/* doc.c: life of the document model (see doc.h). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "doc.h"
#include "text/fold.h"
#include "text/placeholder.h"
#include "text/words.h"

#include <string.h>

static void
segment_free (gpointer data)
{
    sl_segment *segment = data;
    sl_textmap_clear (&segment->map);
    g_free (segment->original);
    g_array_free (segment->placeholders, TRUE);
    if (segment->words)
        g_array_free (segment->words, TRUE);
    if (segment->folded) {
        sl_folded_clear (segment->folded);
        g_free (segment->folded);
    }
    g_free (segment);
}

/* The caches below fill in a segment the rules see as const: a draft is
 * linted by one thread, so nothing races. */
const GArray *
sl_segment_words (const sl_segment *segment)
{
    if (segment->words == NULL) {
        GArray *words = g_array_new (FALSE, FALSE, sizeof (sl_word));
        sl_word_iter it;
        sl_word word;
        sl_word_iter_init (&it, segment->map.text, segment->map.len);
        while (sl_word_iter_next (&it, &word))
            g_array_append_val (words, word);
        ((sl_segment *) segment)->words = words;
    }
    return segment->words;
}

const sl_folded *
sl_segment_folded (const sl_segment *segment)
{
    if (segment->folded == NULL) {
        sl_folded *folded = g_new (sl_folded, 1);
        sl_folded_init (folded);
        sl_fold (folded, segment->map.text, segment->map.len);
        ((sl_segment *) segment)->folded = folded;
    }
    return segment->folded;
}

void
sl_part_free (gpointer data)
{
    sl_part *part = data;
    g_free (part->content_type);
    g_free (part->filename);
    g_free (part->content_id);
    if (part->data)
        g_bytes_unref (part->data);
    g_free (part);
}

sl_doc *
sl_doc_new (const char *name, const char *raw, gsize raw_len)
{
    sl_doc *doc = g_new0 (sl_doc, 1);
    doc->name = g_strdup (name ? name : "-");
    doc->raw = raw;
    doc->raw_len = raw_len;
    sl_lineindex_build (&doc->lines, raw, raw_len);
    doc->segments = g_ptr_array_new_with_free_func (segment_free);
    doc->html = g_ptr_array_new ();
    doc->parts = g_ptr_array_new_with_free_func (sl_part_free);
    doc->limit_notes = g_array_new (FALSE, FALSE, sizeof (sl_input_note));
    doc->encoding_notes = g_array_new (FALSE, FALSE, sizeof (sl_input_note));
    static sl_limits defaults;
    static gsize defaults_ready = 0;
    if (g_once_init_enter (&defaults_ready)) {
        sl_limits_init (&defaults);
        g_once_init_leave (&defaults_ready, 1);
    }
    doc->limits = &defaults;
    return doc;
}

void sl_html_free (struct sl_html *html);

void
sl_doc_free (sl_doc *doc)
{
    if (doc == NULL)
        return;
    g_ptr_array_free (doc->segments, TRUE);
    for (guint i = 0; i < doc->html->len; i++)
        sl_html_free (g_ptr_array_index (doc->html, i));
    g_ptr_array_free (doc->html, TRUE);
    g_ptr_array_free (doc->parts, TRUE);
    for (guint i = 0; i < doc->limit_notes->len; i++)
        g_free (g_array_index (doc->limit_notes, sl_input_note, i).message);
    g_array_free (doc->limit_notes, TRUE);
    for (guint i = 0; i < doc->encoding_notes->len; i++)
        g_free (g_array_index (doc->encoding_notes, sl_input_note, i).message);
    g_array_free (doc->encoding_notes, TRUE);
    g_free (doc->base_dir);
    g_free (doc->from_name);
    g_free (doc->from_address);
    g_free (doc->list_unsubscribe);
    g_free (doc->list_unsubscribe_post);
    sl_lineindex_clear (&doc->lines);
    g_free (doc->name);
    g_free (doc);
}

gboolean
sl_doc_has_body (const sl_doc *doc)
{
    for (guint i = 0; i < doc->segments->len; i++)
        if (((const sl_segment *) g_ptr_array_index (doc->segments, i))->kind == SL_SEGMENT_BODY)
            return TRUE;
    return FALSE;
}

sl_segment *
sl_doc_add_segment (sl_doc *doc, sl_segment_kind kind, const char *part,
                    sl_textmap *map, guint32 anchor)
{
    sl_segment *segment = g_new0 (sl_segment, 1);
    segment->kind = kind;
    segment->part = part;
    segment->map = *map;
    sl_textmap_init (map);
    if (segment->map.text == NULL)
        sl_textmap_append_span (&segment->map, "", 0, 0);
    segment->anchor = anchor;
    if (kind == SL_SEGMENT_BODY && !sl_doc_has_body (doc))
        doc->body_anchor = anchor;
    segment->original = g_strndup (segment->map.text ? segment->map.text : "", segment->map.len);
    segment->placeholders = g_array_new (FALSE, FALSE, sizeof (sl_span));
    sl_placeholders_blank (segment->map.text, segment->map.len, segment->placeholders);
    g_ptr_array_add (doc->segments, segment);
    return segment;
}

void
sl_doc_note_limit (sl_doc *doc, guint32 offset, char *message)
{
    sl_input_note note = { offset, NULL, message };
    g_array_append_val (doc->limit_notes, note);
}

typedef struct clause {
    guint32 offset;
    char *text;
} clause;

static int
compare_clauses (gconstpointer a, gconstpointer b)
{
    const clause *x = a, *y = b;
    return x->offset < y->offset ? -1 : x->offset > y->offset;
}

static void
add_clause (GArray *clauses, guint32 offset, char *text)
{
    clause c = { offset, text };
    g_array_append_val (clauses, c);
}

void
sl_doc_note_encoding (sl_doc *doc, const char *part, const sl_decode_notes *notes,
                      const char *charset, guint32 charset_at, const char *converted)
{
    if (!sl_decode_notes_any (notes) && converted == NULL)
        return;
    /* one statement per thing done, in the order of the file; the note
     * is at the first */
    GArray *clauses = g_array_new (FALSE, FALSE, sizeof (clause));
    if (converted)
        add_clause (clauses, 0,
                    g_strdup_printf (_("%s text (byte order mark): converted to UTF-8"), converted));
    if (notes->unknown_charset)
        add_clause (clauses, charset_at,
                    g_strdup_printf (_("unknown charset \"%s\": read as UTF-8"), charset));
    if (notes->invalid)
        add_clause (clauses, notes->invalid_at,
                    g_strdup_printf (ngettext ("invalid UTF-8 (byte 0x%02X): read as Windows-1252, %u byte in this part",
                                               "invalid UTF-8 (byte 0x%02X): read as Windows-1252, %u bytes in this part",
                                               notes->invalid),
                                     notes->invalid_byte, notes->invalid));
    if (notes->illegal)
        add_clause (clauses, notes->illegal_at,
                    g_strdup_printf (ngettext ("byte 0x%02X is not valid %s: replaced by U+FFFD, %u byte in this part",
                                               "byte 0x%02X is not valid %s: replaced by U+FFFD, %u bytes in this part",
                                               notes->illegal),
                                     notes->illegal_byte, converted ? converted : charset,
                                     notes->illegal));
    if (notes->nul)
        add_clause (clauses, notes->nul_at,
                    g_strdup_printf (ngettext ("NUL byte: read as a space, %u in this part",
                                               "NUL bytes: read as spaces, %u in this part",
                                               notes->nul),
                                     notes->nul));
    g_array_sort (clauses, compare_clauses);
    char *message = g_strdup (g_array_index (clauses, clause, 0).text);
    for (guint i = 1; i < clauses->len; i++) {
        /* TRANSLATORS: two statements about the encoding of one part */
        char *joined = g_strdup_printf (_("%s; %s"), message, g_array_index (clauses, clause, i).text);
        g_free (message);
        message = joined;
    }
    sl_input_note note = { g_array_index (clauses, clause, 0).offset, part, message };
    g_array_append_val (doc->encoding_notes, note);
    for (guint i = 0; i < clauses->len; i++)
        g_free (g_array_index (clauses, clause, i).text);
    g_array_free (clauses, TRUE);
}

void
sl_doc_position (const sl_doc *doc, guint32 offset, unsigned *line, unsigned *column)
{
    sl_lineindex_position (&doc->lines, offset, line, column);
}
