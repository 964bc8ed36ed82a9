/* wordlist.c: load a phrase list and match it against folded text.
 *
 * The folded phrases go into a byte trie, walked from each word start of
 * the text: one pass over the text finds every phrase of every list, in
 * time linear in the text whatever the lists hold (a user's list cannot
 * make matching slow), and building the trie costs next to nothing at
 * start-up. At a word start the longest phrase wins ("offre
 * exceptionnelle" over "offre"). Word boundaries are checked around the
 * match (letters, digits and _ of any script); Chinese and Japanese need
 * none. The trie is laid out for the cache and the branch predictor (see
 * struct sl_trie_node): the union of the languages' lists is matched
 * against every text of every draft.
 */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "text/fold.h"
#include "text/wordlist.h"

#include <stdlib.h>
#include <string.h>

void
sl_wordlist_free (sl_wordlist *list)
{
    if (list == NULL)
        return;
    g_free (list->own_nodes);
    g_free (list->own_bytes);
    g_free (list->own_phrases);
    if (list->by_folded)
        g_hash_table_destroy (list->by_folded);
    g_ptr_array_free (list->phrases, TRUE);
    if (list->strings)
        g_string_chunk_free (list->strings);
    g_free (list->store);
    g_free (list->lines);
    g_free (list->name);
    g_free (list);
}

static sl_wordlist *
wordlist_new (const char *name, gsize capacity)
{
    sl_wordlist *list = g_new0 (sl_wordlist, 1);
    list->name = g_strdup (name);
    list->phrases = g_ptr_array_sized_new ((guint) capacity);
    list->by_folded = g_hash_table_new (g_str_hash, g_str_equal);
    list->store = g_new0 (sl_phrase, MAX (capacity, 1));
    return list;
}

/* Add a phrase whose folded form the list does not hold yet. FOLDED must
 * live as long as the list. */
static const sl_phrase *
add_phrase (sl_wordlist *list, const char *text, const char *folded, double weight,
            const char *category)
{
    sl_phrase *phrase = &list->store[list->phrases->len];
    phrase->text = text;
    phrase->folded = folded;
    phrase->weight = weight;
    phrase->category = category;
    phrase->index = list->phrases->len;
    g_ptr_array_add (list->phrases, phrase);
    g_hash_table_insert (list->by_folded, (gpointer) folded, phrase);
    return phrase;
}

/* A weight as the lists write them ("1", "0.5"): for up to 15 digits and
 * 15 decimals one exact division, as correctly rounded as strtod, and much
 * faster; anything else goes to strtod. */
static double
parse_weight (const char *text, char **end)
{
    static const double powers[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                                      1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
    const char *p = text;
    guint64 digits = 0;
    int count = 0, decimals = 0;
    for (; g_ascii_isdigit (*p); p++, count++)
        digits = digits * 10 + (guint64) (*p - '0');
    if (*p == '.' && p > text)
        for (p++; g_ascii_isdigit (*p); p++, count++, decimals++)
            digits = digits * 10 + (guint64) (*p - '0');
    if (count == 0 || count > 15 || p[-1] == '.' || (*p != ' ' && *p != '\t'))
        return g_ascii_strtod (text, end);
    *end = (char *) p;
    return (double) digits / powers[decimals];
}

static const char *
skip_blanks (const char *p)
{
    while (g_ascii_isspace (*p))
        p++;
    return p;
}

/* One line, stripped, of the list's own copy: cut in place into weight,
 * category and phrase, which then point into it. */
static gboolean
parse_line (sl_wordlist *list, char *line, gboolean weighted, GError **error)
{
    double weight = 0.0;
    const char *category = "allow";
    char *text = line;

    if (weighted) {
        char *end = NULL;
        weight = parse_weight (line, &end);
        if (end == line || (*end != ' ' && *end != '\t') || weight < 0 || weight > 100) {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 "expected \"WEIGHT CATEGORY PHRASE\"");
            return FALSE;
        }
        char *cat = (char *) skip_blanks (end);
        char *space = strpbrk (cat, " \t");
        if (space == NULL || cat == space) {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 "expected \"WEIGHT CATEGORY PHRASE\"");
            return FALSE;
        }
        text = (char *) skip_blanks (space);
        *space = '\0';
        category = cat;
    }

    /* no more characters than bytes: most phrases need no count */
    if (strlen (text) > SL_PHRASE_MAX_CHARS && g_utf8_strlen (text, -1) > SL_PHRASE_MAX_CHARS) {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "phrase longer than %d characters (the phrase limit)", SL_PHRASE_MAX_CHARS);
        return FALSE;
    }
    char *folded = sl_fold_string (text);
    /* empty or already listed: the first one wins */
    if (*folded != '\0' && !g_hash_table_contains (list->by_folded, folded))
        add_phrase (list, text, g_string_chunk_insert (list->strings, folded), weight, category);
    g_free (folded);
    return TRUE;
}

/* The trie as it is built: a node's children are a chain of siblings,
 * kept sorted by byte; lay_out then numbers the nodes for matching. */
typedef struct build_node {
    guint32 child;     /* first child, 0 for none */
    guint32 sibling;   /* next child of the same parent, with a greater byte */
    guint32 phrase;    /* 1 + index of the phrase that ends here, 0 for none */
    guint8 byte;
    guint8 cjk_end;
} build_node;

typedef struct trie_builder {
    build_node *nodes; /* sized for every byte of every phrase */
    guint32 n_nodes;
    guint32 root[256]; /* the root's child for each byte */
} trie_builder;

/* The trie as matched: node 0 is the root, and a node's children are
 * consecutive nodes sorted by byte, not a chain of siblings spread over
 * the array (a cache miss each: the languages' union has 26,000 nodes).
 * Most nodes (86 % of the union's) have one child: a node holds its
 * first two children's bytes, so that walking a phrase's tail reads
 * nothing else; the children of the others are found among their bytes,
 * eight at a time (sl_trie.bytes). */
struct sl_trie_node {
    guint32 child;      /* the first child, 0 for none */
    guint8 last;        /* the number of children less one */
    guint8 flags;       /* TRIE_PHRASE_END, TRIE_CJK_END */
    guint8 first_bytes[2];
};

#define TRIE_PHRASE_END 1
#define TRIE_CJK_END 2 /* the phrase ends in Han, Hiragana or Katakana */

/* The levels laid out breadth first: the nodes tried at every word of a
 * text (870 of them for the languages' union) share a few cache lines. */
#define TRIE_HOT_DEPTH 3

/* A new child of NODE, in its place among the sorted siblings. */
static guint32
builder_add_child (trie_builder *b, guint32 node, guint8 byte)
{
    guint32 index = b->n_nodes++;
    guint32 *link = &b->nodes[node].child;
    while (*link != 0 && b->nodes[*link].byte < byte)
        link = &b->nodes[*link].sibling;
    b->nodes[index] = (build_node) { 0, *link, 0, byte, 0 };
    *link = index;
    if (node == 0)
        b->root[byte] = index;
    return index;
}

static guint32
builder_child (const trie_builder *b, guint32 node, guint8 byte)
{
    if (node == 0)
        return b->root[byte];
    for (guint32 c = b->nodes[node].child; c != 0 && b->nodes[c].byte <= byte;
         c = b->nodes[c].sibling)
        if (b->nodes[c].byte == byte)
            return c;
    return 0;
}

/* Whether the last character of PHRASE is of a script written without
 * spaces, so that no word boundary is needed after it. PCRE2 decides, as
 * its script properties also count a character's script extensions
 * (the long vowel mark ー is Hiragana and Katakana). */
static gboolean
ends_in_cjk (const char *phrase)
{
    gsize len = strlen (phrase);
    const char *last = g_utf8_find_prev_char (phrase, phrase + len);
    if (last == NULL || (guchar) *last < 0x80)
        return FALSE;
    static pcre2_code *cjk;
    if (g_once_init_enter (&cjk)) {
        int code;
        PCRE2_SIZE offset;
        pcre2_code *re = pcre2_compile ((PCRE2_SPTR) "^[\\p{Han}\\p{Hiragana}\\p{Katakana}]$",
                                        PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &code,
                                        &offset, NULL);
        g_once_init_leave (&cjk, re);
    }
    pcre2_match_data *match = pcre2_match_data_create (1, NULL);
    int rc = pcre2_match (cjk, (PCRE2_SPTR) last, (PCRE2_SIZE) (phrase + len - last), 0, 0,
                          match, NULL);
    pcre2_match_data_free (match);
    return rc >= 0;
}

static void
builder_insert (trie_builder *b, const sl_phrase *phrase)
{
    guint32 node = 0;
    for (const guchar *p = (const guchar *) phrase->folded; *p; p++) {
        guint32 next = builder_child (b, node, *p);
        node = next ? next : builder_add_child (b, node, *p);
    }
    b->nodes[node].phrase = phrase->index + 1;
    b->nodes[node].cjk_end = ends_in_cjk (phrase->folded);
}

static void
reverse (guint32 *items, guint32 n)
{
    for (guint32 i = 0; i < n / 2; i++) {
        guint32 swap = items[i];
        items[i] = items[n - 1 - i];
        items[n - 1 - i] = swap;
    }
}

/* Where each built node goes: a node's children together, the top
 * levels breadth first, and below them each subtree depth first (a
 * node's children, then the first child's subtree, and so on), so that
 * a phrase's tail, mostly single children, is read in sequence. */
static guint32 *
lay_out (const build_node *nodes, guint32 n)
{
    guint32 *place = g_new (guint32, n);
    guint32 *queue = g_new (guint32, n); /* each node enters once */
    guint32 head = 0, tail = 0, next = 1;
    place[0] = 0;
    queue[tail++] = 0;
    for (guint depth = 0; depth < TRIE_HOT_DEPTH && head < tail; depth++)
        for (guint32 level_end = tail; head < level_end; head++)
            for (guint32 c = nodes[queue[head]].child; c != 0; c = nodes[c].sibling) {
                place[c] = next++;
                queue[tail++] = c;
            }
    /* the nodes whose children have no place yet */
    guint32 *stack = g_new (guint32, n);
    for (; head < tail; head++) {
        guint32 top = 0;
        stack[top++] = queue[head];
        while (top > 0) {
            guint32 node = stack[--top], first = top;
            for (guint32 c = nodes[node].child; c != 0; c = nodes[c].sibling) {
                place[c] = next++;
                stack[top++] = c;
            }
            reverse (stack + first, top - first); /* the first child's subtree next */
        }
    }
    g_free (stack);
    g_free (queue);
    return place;
}

/* Built on the first match, not at load: the lists of each language are
 * matched only through their union (engine.c), unless a rule asks. */
static void
build_trie (sl_wordlist *list)
{
    gsize bytes = 1;
    for (guint i = 0; i < list->phrases->len; i++)
        bytes += strlen (((const sl_phrase *) g_ptr_array_index (list->phrases, i))->folded);
    trie_builder b = { g_new (build_node, bytes), 1, { 0 } };
    b.nodes[0] = (build_node) { 0 };
    for (guint i = 0; i < list->phrases->len; i++)
        builder_insert (&b, g_ptr_array_index (list->phrases, i));

    guint32 *place = lay_out (b.nodes, b.n_nodes);
    sl_trie_node *nodes = g_new0 (sl_trie_node, b.n_nodes);
    guint8 *node_bytes = g_new0 (guint8, b.n_nodes + SL_TRIE_BYTES_PAD);
    guint32 *phrases = g_new0 (guint32, b.n_nodes);
    for (guint32 x = 0; x < b.n_nodes; x++) {
        const build_node *from = &b.nodes[x];
        sl_trie_node *to = &nodes[place[x]];
        to->flags = (from->phrase ? TRIE_PHRASE_END : 0) | (from->cjk_end ? TRIE_CJK_END : 0);
        to->child = from->child ? place[from->child] : 0;
        guint n = 0;
        for (guint32 c = from->child; c != 0; c = b.nodes[c].sibling, n++)
            if (n < G_N_ELEMENTS (to->first_bytes))
                to->first_bytes[n] = b.nodes[c].byte;
        to->last = (guint8) (n > 0 ? n - 1 : 0); /* a byte has 256 values */
        node_bytes[place[x]] = from->byte;
        phrases[place[x]] = from->phrase;
    }
    for (guint byte = 0; byte < 256; byte++)
        list->trie.root[byte] = b.root[byte] ? place[b.root[byte]] : 0;
    list->own_nodes = nodes;
    list->own_bytes = node_bytes;
    list->own_phrases = phrases;
    list->trie.nodes = nodes;
    list->trie.bytes = node_bytes;
    list->trie.phrases = phrases;
    list->trie.n_nodes = b.n_nodes;
    g_free (place);
    g_free (b.nodes);
}

static void
ensure_trie (const sl_wordlist *list)
{
    /* the list is shared by the threads of -j: built once, by the first */
    sl_wordlist *mutable_list = (sl_wordlist *) list;
    if (g_once_init_enter (&mutable_list->trie_built)) {
        build_trie (mutable_list);
        g_once_init_leave (&mutable_list->trie_built, 1);
    }
}

static gsize
count_lines (const char *data, gsize len)
{
    gsize n = 1;
    for (const char *p = data; (p = memchr (p, '\n', (gsize) (data + len - p))) != NULL; p++)
        n++;
    return n;
}

sl_wordlist *
sl_wordlist_parse (const char *name, const char *data, gsize len,
                   gboolean weighted, GError **error)
{
    if (!g_utf8_validate_len (data, len, NULL)) {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "%s: not valid UTF-8", name);
        return NULL;
    }
    sl_wordlist *list = wordlist_new (name, count_lines (data, len));
    list->lines = g_strndup (data, len);
    list->strings = g_string_chunk_new (MAX (len, 64));
    char *next = list->lines;
    for (guint k = 0; next != NULL; k++) {
        char *line = next;
        next = strchr (line, '\n');
        if (next)
            *next++ = '\0';
        line = g_strchomp ((char *) skip_blanks (line));
        if (*line == '\0' || *line == '#')
            continue;
        GError *line_error = NULL;
        if (!parse_line (list, line, weighted, &line_error)) {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         "%s:%u: %s", name, k + 1, line_error->message);
            g_error_free (line_error);
            sl_wordlist_free (list);
            return NULL;
        }
    }
    return list;
}

/* A list of already folded phrases (weight 0), borrowed, not copied: the
 * union of several lists. INDEX gets for each of the N strings the index
 * of the phrase that holds it. */
static sl_wordlist *
wordlist_from_folded (const char *name, const char *const *folded, gsize n, guint32 *index)
{
    sl_wordlist *list = wordlist_new (name, n);
    for (gsize i = 0; i < n; i++) {
        const sl_phrase *phrase = g_hash_table_lookup (list->by_folded, folded[i]);
        if (phrase == NULL)
            phrase = add_phrase (list, folded[i], folded[i], 0.0, "");
        index[i] = phrase->index;
    }
    return list;
}

sl_wordlist *
sl_wordlist_union (const sl_wordlist *const *lists, guint n, guint32 **owners_start,
                   sl_phrase_ref **owners)
{
    GPtrArray *keys = g_ptr_array_new ();
    for (guint l = 0; l < n; l++)
        for (guint i = 0; i < lists[l]->phrases->len; i++)
            g_ptr_array_add (keys, (gpointer) ((const sl_phrase *) g_ptr_array_index (
                                                   lists[l]->phrases, i))->folded);
    guint32 *slot = g_new (guint32, MAX (keys->len, 1));
    sl_wordlist *all = wordlist_from_folded ("all", (const char *const *) keys->pdata,
                                                keys->len, slot);
    guint m = all->phrases->len;
    guint32 *start = g_new0 (guint32, m + 1);
    for (guint k = 0; k < keys->len; k++)
        start[slot[k] + 1]++;
    for (guint i = 0; i < m; i++)
        start[i + 1] += start[i];
    sl_phrase_ref *refs = g_new (sl_phrase_ref, MAX (keys->len, 1));
    guint32 *next = g_memdup2 (start, (m + 1) * sizeof (guint32));
    guint k = 0;
    for (guint l = 0; l < n; l++)
        for (guint i = 0; i < lists[l]->phrases->len; i++, k++)
            refs[next[slot[k]]++] = (sl_phrase_ref) { l, i };
    g_free (next);
    g_free (slot);
    g_ptr_array_free (keys, TRUE);
    *owners_start = start;
    *owners = refs;
    return all;
}

const sl_trie *
sl_wordlist_trie (const sl_wordlist *list)
{
    ensure_trie (list);
    return &list->trie;
}

gsize
sl_wordlist_trie_node_size (void)
{
    return sizeof (sl_trie_node);
}

sl_wordlist *
sl_wordlist_from_image (const char *name, sl_phrase *phrases, guint n, const sl_trie *trie)
{
    sl_wordlist *list = g_new0 (sl_wordlist, 1);
    list->name = g_strdup (name);
    list->phrases = g_ptr_array_sized_new (n);
    list->store = phrases;
    g_ptr_array_set_size (list->phrases, (gint) n); /* filled here, not one call a phrase */
    for (guint i = 0; i < n; i++)
        list->phrases->pdata[i] = &phrases[i];
    if (trie != NULL) {
        list->trie = *trie;
        list->trie_built = 1;
    }
    return list;
}

static gboolean
is_cjk (gunichar c)
{
    GUnicodeScript script = g_unichar_get_script (c);
    return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA
           || script == G_UNICODE_SCRIPT_KATAKANA;
}

static inline gboolean
is_word_char (gunichar c)
{
    return c == '_' || g_unichar_isalnum (c);
}

/* Whether the match at AT follows a letter of the same word. */
static gboolean
is_word_char_before (const char *text, gsize at)
{
    if (at == 0)
        return FALSE;
    guchar here = (guchar) text[at], before = (guchar) text[at - 1];
    if (here < 0x80 && before < 0x80)
        return before == '_' || g_ascii_isalnum (before);
    if (is_cjk (g_utf8_get_char (text + at)))
        return FALSE;
    const char *prev = g_utf8_find_prev_char (text, text + at);
    if (prev == NULL)
        return FALSE;
    gunichar c = g_utf8_get_char (prev);
    return is_word_char (c) || g_unichar_ismark (c);
}

/* Whether a phrase may end at AT: a word boundary follows, or it ends in
 * Chinese or Japanese. */
static gboolean
ends_word (const char *text, gsize len, gsize at, gboolean cjk_end)
{
    if (cjk_end || at >= len)
        return TRUE;
    guchar next = (guchar) text[at];
    if (next < 0x80)
        return next != '_' && !g_ascii_isalnum (next);
    return !is_word_char (g_utf8_get_char (text + at));
}

static inline gboolean
is_ascii_word_byte (guchar byte)
{
    return byte == '_' || g_ascii_isalnum (byte);
}

/* Eight bytes at a time: a byte's high bit stands for the byte. */
#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)
/* of bytes below 0x80: whether each is C or more, whether it is above C */
#define AT_LEAST(bytes, c) (((bytes) + ONES * (0x80 - (c))) & HIGH_BITS)
#define ABOVE(bytes, c) (((bytes) + ONES * (0x7f - (c))) & HIGH_BITS)

/* The eight bytes of text at AT, the first one lowest. */
static inline guint64
load_chunk (const guchar *at)
{
    guint64 chunk;
    memcpy (&chunk, at, sizeof chunk);
    return GUINT64_FROM_LE (chunk);
}

/* Which bytes of CHUNK are ASCII letters, digits or _ (is_ascii_word_byte). */
static inline guint64
ascii_word_bytes (guint64 chunk)
{
    guint64 low = chunk & ~HIGH_BITS;
    guint64 folded = low | ONES * 0x20; /* A-Z as a-z */
    guint64 word = (AT_LEAST (low, '0') & ~ABOVE (low, '9'))
                   | (AT_LEAST (folded, 'a') & ~ABOVE (folded, 'z'))
                   | (AT_LEAST (low, '_') & ~ABOVE (low, '_'));
    return word & ~chunk;
}

/* The end of the run of ASCII letters, digits and _ at P: eight bytes at a
 * time, as a byte-by-byte loop mispredicts its exit at every word. */
static inline gsize
skip_ascii_word (const guchar *t, gsize len, gsize p)
{
    for (; p + 8 <= len; p += 8) {
        guint64 other = ~ascii_word_bytes (load_chunk (t + p)) & HIGH_BITS;
        if (other != 0)
            return p + (gsize) __builtin_ctzll (other) / 8;
    }
    while (p < len && is_ascii_word_byte (t[p]))
        p++;
    return p;
}

/* The child of NODE for BYTE, 0 for none. Among many children, eight
 * bytes are compared at once, which spares the mispredicted branches of
 * a byte-by-byte search. */
static inline guint32
trie_child (const sl_trie *trie, const sl_trie_node *node, guchar byte)
{
    /* a leaf needs no test of its own: its child is 0, whatever matches */
    if (node->last < G_N_ELEMENTS (node->first_bytes)) {
        if (node->first_bytes[0] == byte)
            return node->child;
        return node->last == 1 && node->first_bytes[1] == byte ? node->child + 1 : 0;
    }
    for (guint i = 0; i <= node->last; i += 8) {
        /* a high bit in each byte equal to BYTE, exactly */
        guint64 x = load_chunk (trie->bytes + node->child + i) ^ (ONES * byte);
        guint64 equal = ~(((x & ~HIGH_BITS) + ~HIGH_BITS) | x) & HIGH_BITS;
        if (equal != 0) {
            guint k = i + (guint) __builtin_ctzll (equal) / 8;
            return k <= node->last ? node->child + k : 0;
        }
    }
    return 0;
}

gboolean
sl_wordlist_next (const sl_wordlist *list, const char *text, gsize len, gsize *pos,
                  gsize *start, gsize *end, const sl_phrase **phrase)
{
    ensure_trie (list);
    const guchar *t = (const guchar *) text;
    const sl_trie *trie = &list->trie;
    const sl_trie_node *nodes = trie->nodes;
    gsize p = *pos;
    while (p < len) {
        guchar first = t[p];
        guint32 node = trie->root[first];
        /* a continuation byte never starts a phrase: the root has none */
        if (node != 0 && !is_word_char_before (text, p)) {
            guint32 found = 0;
            gsize found_end = 0;
            for (gsize q = p + 1;; q++) {
                const sl_trie_node *n = &nodes[node];
                if ((n->flags & TRIE_PHRASE_END)
                    && ends_word (text, len, q, (n->flags & TRIE_CJK_END) != 0)) {
                    found = trie->phrases[node];
                    found_end = q;
                }
                if (q >= len || (node = trie_child (trie, n, t[q])) == 0)
                    break;
            }
            if (found != 0) {
                *start = p;
                *end = found_end;
                *pos = found_end;
                *phrase = g_ptr_array_index (list->phrases, found - 1);
                return TRUE;
            }
        }
        p++;
        /* no phrase starts inside a run of ASCII letters and digits (see
         * is_word_char_before): skip to its end */
        if (is_ascii_word_byte (first))
            p = skip_ascii_word (t, len, p);
    }
    *pos = len;
    return FALSE;
}
