/* wordlist.c: load a phrase list and match it against folded text.
 *
 * The folded phrases go into a byte trie, walked from each word start of
 * the text: one pass over the text finds every phrase of every list, in
 * time linear in the text whatever the lists hold (a user's list cannot
 * make matching slow), and building the trie costs next to nothing at
 * start-up. At a word start the longest phrase wins ("offre
 * exceptionnelle" over "offre"). Word boundaries are checked around the
 * match (letters, digits and _ of any script); Chinese and Japanese need
 * none.
 */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "text/fold.h"
#include "text/wordlist.h"

#include <stdlib.h>
#include <string.h>

static void
phrase_free (gpointer data)
{
    sl_phrase *phrase = data;
    g_free (phrase->text);
    g_free (phrase->folded);
    g_free (phrase->category);
    g_free (phrase);
}

void
sl_wordlist_free (sl_wordlist *list)
{
    if (list == NULL)
        return;
    if (list->nodes)
        g_array_free (list->nodes, TRUE);
    g_hash_table_destroy (list->by_folded);
    g_ptr_array_free (list->phrases, TRUE);
    g_free (list->name);
    g_free (list);
}

static gboolean
parse_line (sl_wordlist *list, char *line, gboolean weighted, GError **error)
{
    double weight = 0.0;
    char *category = NULL;
    char *text = line;

    if (weighted) {
        char *end = NULL;
        weight = g_ascii_strtod (line, &end);
        if (end == line || (*end != ' ' && *end != '\t') || weight < 0 || weight > 100) {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 "expected \"WEIGHT CATEGORY PHRASE\"");
            return FALSE;
        }
        char *cat = g_strchug (end);
        char *space = strpbrk (cat, " \t");
        if (space == NULL || cat == space) {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 "expected \"WEIGHT CATEGORY PHRASE\"");
            return FALSE;
        }
        category = g_strndup (cat, (gsize) (space - cat));
        text = g_strchug (space);
    }

    if (g_utf8_strlen (text, -1) > SL_PHRASE_MAX_CHARS) {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "phrase longer than %d characters (the phrase limit)", SL_PHRASE_MAX_CHARS);
        g_free (category);
        return FALSE;
    }
    char *folded = sl_fold_string (text);
    if (*folded == '\0' || g_hash_table_contains (list->by_folded, folded)) {
        g_free (folded);
        g_free (category);
        return TRUE; /* empty or already listed: the first one wins */
    }
    sl_phrase *phrase = g_new0 (sl_phrase, 1);
    phrase->text = g_strdup (text);
    phrase->folded = folded;
    phrase->weight = weight;
    phrase->category = category ? category : g_strdup ("allow");
    g_ptr_array_add (list->phrases, phrase);
    g_hash_table_insert (list->by_folded, phrase->folded, phrase);
    return TRUE;
}

/* The trie: node 0 is the root; a node's children are a chain of
 * siblings, and the root's are also indexed by their first byte. */
struct sl_trie_node {
    guint32 child;     /* first child, 0 for none */
    guint32 sibling;   /* next child of the same parent, 0 for none */
    guint32 phrase;    /* 1 + index of the phrase that ends here, 0 for none */
    guint8 byte;
    guint8 cjk_end;    /* that phrase ends in Han, Hiragana or Katakana */
};

static guint32
trie_child (const sl_wordlist *list, guint32 node, guint8 byte)
{
    const sl_trie_node *nodes = (const sl_trie_node *) (void *) list->nodes->data;
    if (node == 0)
        return list->root[byte];
    for (guint32 c = nodes[node].child; c != 0; c = nodes[c].sibling)
        if (nodes[c].byte == byte)
            return c;
    return 0;
}

static guint32
trie_add_child (sl_wordlist *list, guint32 node, guint8 byte)
{
    sl_trie_node fresh = { 0, 0, 0, byte, 0 };
    guint32 index = list->nodes->len;
    sl_trie_node *parent = &g_array_index (list->nodes, sl_trie_node, node);
    fresh.sibling = parent->child;
    parent->child = index;
    if (node == 0)
        list->root[byte] = index;
    g_array_append_val (list->nodes, fresh);
    return index;
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
trie_insert (sl_wordlist *list, guint32 index)
{
    const sl_phrase *phrase = g_ptr_array_index (list->phrases, index);
    guint32 node = 0;
    for (const guchar *b = (const guchar *) phrase->folded; *b; b++) {
        guint32 next = trie_child (list, node, *b);
        node = next ? next : trie_add_child (list, node, *b);
    }
    sl_trie_node *end = &g_array_index (list->nodes, sl_trie_node, node);
    end->phrase = index + 1;
    end->cjk_end = ends_in_cjk (phrase->folded);
}

static void
compile (sl_wordlist *list)
{
    list->nodes = g_array_sized_new (FALSE, TRUE, sizeof (sl_trie_node), 1024);
    sl_trie_node root = { 0 };
    g_array_append_val (list->nodes, root);
    for (guint i = 0; i < list->phrases->len; i++)
        trie_insert (list, i);
}

sl_wordlist *
sl_wordlist_parse (const char *name, const char *data, gsize len,
                   gboolean weighted, GError **error)
{
    sl_wordlist *list = g_new0 (sl_wordlist, 1);
    list->name = g_strdup (name);
    list->phrases = g_ptr_array_new_with_free_func (phrase_free);
    list->by_folded = g_hash_table_new (g_str_hash, g_str_equal);

    if (!g_utf8_validate_len (data, len, NULL)) {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "%s: not valid UTF-8", name);
        sl_wordlist_free (list);
        return NULL;
    }
    char *copy = g_strndup (data, len);
    char **lines = g_strsplit (copy, "\n", -1);
    g_free (copy);
    for (guint k = 0; lines[k] != NULL; k++) {
        char *line = g_strstrip (lines[k]);
        if (*line == '\0' || *line == '#')
            continue;
        GError *line_error = NULL;
        if (!parse_line (list, line, weighted, &line_error)) {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         "%s:%u: %s", name, k + 1, line_error->message);
            g_error_free (line_error);
            g_strfreev (lines);
            sl_wordlist_free (list);
            return NULL;
        }
    }
    g_strfreev (lines);

    compile (list);
    return list;
}

sl_wordlist *
sl_wordlist_from_folded (const char *name, char **folded, gsize n)
{
    sl_wordlist *list = g_new0 (sl_wordlist, 1);
    list->name = g_strdup (name);
    list->phrases = g_ptr_array_new_with_free_func (phrase_free);
    list->by_folded = g_hash_table_new (g_str_hash, g_str_equal);
    for (gsize i = 0; i < n; i++) {
        if (g_hash_table_contains (list->by_folded, folded[i]))
            continue;
        sl_phrase *phrase = g_new0 (sl_phrase, 1);
        phrase->text = g_strdup (folded[i]);
        phrase->folded = g_strdup (folded[i]);
        phrase->category = g_strdup ("");
        g_ptr_array_add (list->phrases, phrase);
        g_hash_table_insert (list->by_folded, phrase->folded, phrase);
    }
    compile (list);
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

gboolean
sl_wordlist_next (const sl_wordlist *list, const char *text, gsize len, gsize *pos,
                  gsize *start, gsize *end, const sl_phrase **phrase)
{
    const guchar *t = (const guchar *) text;
    const sl_trie_node *nodes = (const sl_trie_node *) (void *) list->nodes->data;
    for (gsize p = *pos; p < len; p++) {
        guint32 node = list->root[t[p]];
        /* a continuation byte never starts a phrase: the root has none */
        if (node == 0 || is_word_char_before (text, p))
            continue;
        guint32 found = 0;
        gsize found_end = 0;
        for (gsize q = p + 1;; q++) {
            const sl_trie_node *n = &nodes[node];
            if (n->phrase != 0 && ends_word (text, len, q, n->cjk_end)) {
                found = n->phrase;
                found_end = q;
            }
            if (q >= len || n->child == 0 || (node = trie_child (list, node, t[q])) == 0)
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
    *pos = len;
    return FALSE;
}
