/* lists_image.c: the built-in word lists as an image made at build time.
 *
 * Parsing, folding and indexing the five languages' lists (3,000 phrases)
 * and building the trie of their union cost about 2 ms and 300 page
 * faults at every start, a fifth of a one-file run. tools/mklists does it
 * once, with the same code (text/wordlist.c), and writes this image, which
 * is built into the binary; at start-up the lists point into it: the
 * phrases' text, the lists' tries and the union's owners are read in
 * place.
 *
 * The image is for the machine that built it (native byte order and
 * sizes, recorded in the header). One that does not match, or that is
 * damaged, is refused, and the lists are parsed from their text instead.
 *
 *   header        magic, sizes, counts, then each section's offset
 *   lists         name, first phrase, number of phrases
 *   phrases       text, folded, category (string offsets), weight
 *   union         the folded text of each phrase of the union
 *   owners_start  n_union + 1 entries, owners  (list, phrase) pairs
 *   tries         each list's trie, then the union's: first node, number
 *   roots         256 entries per trie, its root's children by byte
 *   nodes         the tries' nodes (text/wordlist.c's, as they are), then
 *   node_bytes    each node's byte (and SL_TRIE_BYTES_PAD more at the end),
 *   node_phrases  each node's phrase; a trie's nodes are numbered from its
 *                 first one
 *   strings       NUL-terminated
 * Each section starts on 8 bytes.
 */
#include "config.h"

#include "text/lists_image.h"

#include <string.h>

#define MAGIC "SLLIST2"

typedef struct image_header {
    char magic[8];
    guint32 node_size;   /* sizeof (sl_trie_node) of the build */
    guint32 n_lists;
    guint32 n_phrases;   /* of all the lists */
    guint32 n_union;
    guint32 n_owners;
    guint32 n_nodes;     /* of all the tries */
    guint32 strings_len;
    guint32 reserved;
    guint64 lists_at, phrases_at, union_at, start_at, owners_at, tries_at, roots_at, nodes_at;
    guint64 node_bytes_at, node_phrases_at, strings_at;
} image_header;

typedef struct image_list {
    guint32 name, first, count, reserved;
} image_list;

typedef struct image_trie {
    guint32 first_node, n_nodes;
} image_trie;

typedef struct image_phrase {
    guint32 text, folded, category, reserved;
    double weight;
} image_phrase;

/* --- writing (tools/mklists) ----------------------------------------- */

typedef struct writer {
    GString *strings;
    GHashTable *offsets; /* a string already written (by address) -> offset + 1 */
} writer;

static guint32
string_at (writer *w, const char *s)
{
    guint32 known = GPOINTER_TO_UINT (g_hash_table_lookup (w->offsets, s));
    if (known != 0)
        return known - 1;
    guint32 at = (guint32) w->strings->len;
    g_string_append_len (w->strings, s, (gssize) strlen (s) + 1);
    g_hash_table_insert (w->offsets, (gpointer) s, GUINT_TO_POINTER (at + 1));
    return at;
}

/* Append N bytes at DATA to OUT, starting on 8 bytes; returns where. */
static guint64
section (GByteArray *out, const void *data, gsize n)
{
    static const guint8 zeros[8] = { 0 };
    g_byte_array_append (out, zeros, (guint) ((8 - out->len % 8) % 8));
    guint64 at = out->len;
    if (n > 0)
        g_byte_array_append (out, data, (guint) n);
    return at;
}

GBytes *
sl_lists_image_write (const sl_wordlist *const *lists, guint n_lists, const sl_wordlist *all,
                      const guint32 *owners_start, const sl_phrase_ref *owners)
{
    writer w = { g_string_new (NULL), g_hash_table_new (g_direct_hash, g_direct_equal) };
    image_header h = { .magic = MAGIC, .node_size = (guint32) sl_wordlist_trie_node_size (),
                       .n_lists = n_lists };
    GArray *list_rows = g_array_new (FALSE, TRUE, sizeof (image_list));
    GArray *phrase_rows = g_array_new (FALSE, TRUE, sizeof (image_phrase));
    for (guint l = 0; l < n_lists; l++) {
        image_list row = { string_at (&w, lists[l]->name), phrase_rows->len,
                           lists[l]->phrases->len, 0 };
        g_array_append_val (list_rows, row);
        for (guint i = 0; i < lists[l]->phrases->len; i++) {
            const sl_phrase *p = g_ptr_array_index (lists[l]->phrases, i);
            image_phrase ph = { string_at (&w, p->text), string_at (&w, p->folded),
                                string_at (&w, p->category), 0, p->weight };
            g_array_append_val (phrase_rows, ph);
        }
    }
    GArray *union_rows = g_array_new (FALSE, TRUE, sizeof (guint32));
    for (guint i = 0; i < all->phrases->len; i++) {
        guint32 at = string_at (&w, ((const sl_phrase *) g_ptr_array_index (all->phrases, i))->folded);
        g_array_append_val (union_rows, at);
    }
    /* every list's trie, so that none is built at start-up, then the union's */
    GArray *trie_rows = g_array_new (FALSE, TRUE, sizeof (image_trie));
    GArray *roots = g_array_new (FALSE, TRUE, sizeof (guint32));
    GByteArray *nodes = g_byte_array_new ();
    GByteArray *node_bytes = g_byte_array_new ();
    GArray *node_phrases = g_array_new (FALSE, TRUE, sizeof (guint32));
    for (guint l = 0; l <= n_lists; l++) {
        const sl_trie *trie = sl_wordlist_trie (l < n_lists ? lists[l] : all);
        image_trie row = { node_phrases->len, trie->n_nodes };
        g_array_append_val (trie_rows, row);
        g_array_append_vals (roots, trie->root, G_N_ELEMENTS (trie->root));
        g_byte_array_append (nodes, (const guint8 *) trie->nodes, trie->n_nodes * h.node_size);
        g_byte_array_append (node_bytes, trie->bytes, trie->n_nodes);
        g_array_append_vals (node_phrases, trie->phrases, trie->n_nodes);
    }
    static const guint8 pad[SL_TRIE_BYTES_PAD] = { 0 };
    g_byte_array_append (node_bytes, pad, sizeof pad);
    h.n_phrases = phrase_rows->len;
    h.n_union = union_rows->len;
    h.n_owners = owners_start[union_rows->len];
    h.n_nodes = node_phrases->len;
    h.strings_len = (guint32) w.strings->len;

    GByteArray *out = g_byte_array_new ();
    g_byte_array_append (out, (const guint8 *) &h, sizeof h);
    h.lists_at = section (out, list_rows->data, list_rows->len * sizeof (image_list));
    h.phrases_at = section (out, phrase_rows->data, phrase_rows->len * sizeof (image_phrase));
    h.union_at = section (out, union_rows->data, union_rows->len * sizeof (guint32));
    h.start_at = section (out, owners_start, (union_rows->len + 1) * sizeof (guint32));
    h.owners_at = section (out, owners, h.n_owners * sizeof (sl_phrase_ref));
    h.tries_at = section (out, trie_rows->data, trie_rows->len * sizeof (image_trie));
    h.roots_at = section (out, roots->data, roots->len * sizeof (guint32));
    h.nodes_at = section (out, nodes->data, nodes->len);
    h.node_bytes_at = section (out, node_bytes->data, node_bytes->len);
    h.node_phrases_at = section (out, node_phrases->data, node_phrases->len * sizeof (guint32));
    h.strings_at = section (out, w.strings->str, w.strings->len);
    memcpy (out->data, &h, sizeof h);

    g_array_free (list_rows, TRUE);
    g_array_free (phrase_rows, TRUE);
    g_array_free (union_rows, TRUE);
    g_array_free (trie_rows, TRUE);
    g_array_free (roots, TRUE);
    g_byte_array_free (nodes, TRUE);
    g_byte_array_free (node_bytes, TRUE);
    g_array_free (node_phrases, TRUE);
    g_string_free (w.strings, TRUE);
    g_hash_table_destroy (w.offsets);
    return g_byte_array_free_to_bytes (out);
}

/* --- reading (engine.c) ---------------------------------------------- */

/* Whether N items of SIZE at AT lie within LEN bytes, aligned. */
static gboolean
fits (guint64 at, guint64 n, gsize size, gsize len)
{
    return at % 8 == 0 && at <= len && n <= (len - at) / size;
}

static gboolean
header_ok (const image_header *h, gsize len)
{
    return memcmp (h->magic, MAGIC, sizeof h->magic) == 0
           && h->node_size == sl_wordlist_trie_node_size ()
           && fits (h->lists_at, h->n_lists, sizeof (image_list), len)
           && fits (h->phrases_at, h->n_phrases, sizeof (image_phrase), len)
           && fits (h->union_at, h->n_union, sizeof (guint32), len)
           && fits (h->start_at, (guint64) h->n_union + 1, sizeof (guint32), len)
           && fits (h->owners_at, h->n_owners, sizeof (sl_phrase_ref), len)
           && fits (h->tries_at, (guint64) h->n_lists + 1, sizeof (image_trie), len)
           && fits (h->roots_at, ((guint64) h->n_lists + 1) * 256, sizeof (guint32), len)
           && fits (h->nodes_at, h->n_nodes, h->node_size, len) && h->n_nodes > 0
           && fits (h->node_bytes_at, (guint64) h->n_nodes + SL_TRIE_BYTES_PAD, 1, len)
           && fits (h->node_phrases_at, h->n_nodes, sizeof (guint32), len)
           && fits (h->strings_at, h->strings_len, 1, len) && h->strings_len > 0;
}

/* Trie T of the image (a list's, or the union's after them): FALSE if
 * it does not lie within the image. Its nodes are not checked one by one:
 * that would read them all at every start, and the image is built into
 * the binary with them, so it is no more damaged than the code is. */
static gboolean
read_trie (const guint8 *data, const image_header *h, guint32 t, sl_trie *trie)
{
    const image_trie *row = (const image_trie *) (const void *) (data + h->tries_at) + t;
    if (row->n_nodes == 0 || row->first_node > h->n_nodes
        || row->n_nodes > h->n_nodes - row->first_node)
        return FALSE;
    trie->nodes = (const sl_trie_node *) (const void *) (data + h->nodes_at
                                                           + (gsize) row->first_node * h->node_size);
    trie->bytes = data + h->node_bytes_at + row->first_node;
    trie->phrases = (const guint32 *) (const void *) (data + h->node_phrases_at) + row->first_node;
    trie->n_nodes = row->n_nodes;
    memcpy (trie->root, data + h->roots_at + (gsize) t * sizeof trie->root, sizeof trie->root);
    for (guint byte = 0; byte < G_N_ELEMENTS (trie->root); byte++)
        if (trie->root[byte] >= trie->n_nodes)
            return FALSE;
    return TRUE;
}

gboolean
sl_lists_image_read (GBytes *bytes, sl_lists_image *image)
{
    gsize len;
    const guint8 *data = g_bytes_get_data (bytes, &len);
    memset (image, 0, sizeof *image);
    if (data == NULL || len < sizeof (image_header) || (guintptr) data % 8 != 0)
        return FALSE;
    const image_header *h = (const image_header *) (const void *) data;
    if (!header_ok (h, len))
        return FALSE;
    const char *strings = (const char *) data + h->strings_at;
    if (strings[h->strings_len - 1] != '\0')
        return FALSE;
    const image_list *list_rows = (const void *) (data + h->lists_at);
    const image_phrase *phrase_rows = (const void *) (data + h->phrases_at);
    const guint32 *union_rows = (const void *) (data + h->union_at);
    const guint32 *start = (const void *) (data + h->start_at);
    const sl_phrase_ref *owners = (const void *) (data + h->owners_at);

    /* what the lists will trust: strings, counts and references in range */
    for (guint32 i = 0; i < h->n_phrases; i++)
        if (phrase_rows[i].text >= h->strings_len || phrase_rows[i].folded >= h->strings_len
            || phrase_rows[i].category >= h->strings_len)
            return FALSE;
    for (guint32 l = 0; l < h->n_lists; l++)
        if (list_rows[l].name >= h->strings_len || list_rows[l].first > h->n_phrases
            || list_rows[l].count > h->n_phrases - list_rows[l].first)
            return FALSE;
    for (guint32 i = 0; i < h->n_union; i++)
        if (union_rows[i] >= h->strings_len || start[i] > start[i + 1])
            return FALSE;
    if (start[0] != 0 || start[h->n_union] != h->n_owners)
        return FALSE;
    sl_trie *tries = g_new (sl_trie, h->n_lists + 1);
    gboolean tries_ok = TRUE;
    for (guint32 t = 0; tries_ok && t <= h->n_lists; t++)
        tries_ok = read_trie (data, h, t, &tries[t]);
    if (!tries_ok) {
        g_free (tries);
        return FALSE;
    }
    for (guint32 k = 0; k < h->n_owners; k++)
        if (owners[k].list >= h->n_lists || owners[k].phrase >= list_rows[owners[k].list].count) {
            g_free (tries);
            return FALSE;
        }

    image->bytes = g_bytes_ref (bytes);
    image->lists = g_ptr_array_new ();
    for (guint32 l = 0; l < h->n_lists; l++) {
        const image_list *row = &list_rows[l];
        sl_phrase *phrases = g_new (sl_phrase, MAX (row->count, 1));
        for (guint32 i = 0; i < row->count; i++) {
            const image_phrase *ph = &phrase_rows[row->first + i];
            phrases[i] = (sl_phrase) { strings + ph->text, strings + ph->folded, ph->weight,
                                       strings + ph->category, i };
        }
        g_ptr_array_add (image->lists, sl_wordlist_from_image (strings + row->name, phrases,
                                                               row->count, &tries[l]));
    }
    sl_phrase *united = g_new (sl_phrase, MAX (h->n_union, 1));
    for (guint32 i = 0; i < h->n_union; i++)
        united[i] = (sl_phrase) { strings + union_rows[i], strings + union_rows[i], 0.0, "", i };
    image->all = sl_wordlist_from_image ("all", united, h->n_union, &tries[h->n_lists]);
    g_free (tries);
    image->owners_start = g_memdup2 (start, ((gsize) h->n_union + 1) * sizeof (guint32));
    image->owners = h->n_owners ? g_memdup2 (owners, h->n_owners * sizeof (sl_phrase_ref)) : NULL;
    return TRUE;
}

void
sl_lists_image_clear (sl_lists_image *image)
{
    g_ptr_array_set_free_func (image->lists, (GDestroyNotify) sl_wordlist_free);
    g_ptr_array_free (image->lists, TRUE);
    sl_wordlist_free (image->all);
    g_free (image->owners_start);
    g_free (image->owners);
    g_bytes_unref (image->bytes);
}
