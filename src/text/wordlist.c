/* wordlist.c: load a phrase list and compile it into one PCRE2 pattern.
 *
 * A flat alternation of hundreds of phrases is slow under JIT (every
 * position tries every branch), so the folded phrases are sorted and
 * factored into a prefix tree, e.g. "fr(?:ee(?: gift)?|ais)", which the
 * matcher walks one character at a time. Longer phrases come first in each
 * branch, so "offre exceptionnelle" wins over "offre". Word boundaries are
 * checked around the match (letters, digits and _ of any script).
 */
#include "config.h"

#include "text/fold.h"
#include "text/wordlist.h"

#include <stdlib.h>
#include <string.h>

/* groups nested in one pattern, well under PCRE2's limit of 250 */
#define TRIE_MAX_NESTING 120

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
    if (list->pattern)
        pcre2_code_free (list->pattern);
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

static int
compare_strings (const void *a, const void *b)
{
    return strcmp (*(char *const *) a, *(char *const *) b);
}

static void
append_escaped_char (GString *re, const char *s, gsize n)
{
    if (n == 1 && strchr ("\\^$.|?*+()[]{}/#-", s[0]) != NULL)
        g_string_append_c (re, '\\');
    g_string_append_len (re, s, (gssize) n);
}

/* PHRASES[0..n) as a flat alternation of their ends after DEPTH bytes,
 * in reverse sorted order so that a longer phrase comes before its prefix. */
static void
append_flat (GString *re, char **phrases, gsize n, gsize depth)
{
    g_string_append (re, "(?:");
    for (gsize k = n; k-- > 0;) {
        if (k < n - 1)
            g_string_append_c (re, '|');
        for (const char *c = phrases[k] + depth; *c; c = g_utf8_next_char (c))
            append_escaped_char (re, c, (gsize) (g_utf8_next_char (c) - c));
    }
    g_string_append_c (re, ')');
}

/* PHRASES[0..n) are sorted, distinct, and share their first DEPTH bytes;
 * LEVEL groups are open around them. PCRE2 allows 250 nested groups: past
 * a bound, the rest of a branch is flat, so any list compiles. */
static void
append_trie (GString *re, char **phrases, gsize n, gsize depth, unsigned level)
{
    gsize i = 0;
    gboolean terminal = strlen (phrases[0]) == depth;
    if (terminal)
        i = 1;
    if (i == n)
        return;
    if (level >= TRIE_MAX_NESTING) {
        append_flat (re, phrases, n, depth);
        return;
    }

    /* count the branches: runs of phrases with the same next character */
    gsize branches = 0;
    for (gsize k = i; k < n;) {
        gsize clen = (gsize) (g_utf8_next_char (phrases[k] + depth) - (phrases[k] + depth));
        gsize j = k + 1;
        while (j < n && strncmp (phrases[j] + depth, phrases[k] + depth, clen) == 0)
            j++;
        branches++;
        k = j;
    }

    gboolean group = terminal || branches > 1;
    if (group)
        g_string_append (re, "(?:");
    gboolean first = TRUE;
    /* longer phrases first is implied: a branch continues before it ends */
    for (gsize k = i; k < n;) {
        const char *c = phrases[k] + depth;
        gsize clen = (gsize) (g_utf8_next_char (c) - c);
        gsize j = k + 1;
        while (j < n && strncmp (phrases[j] + depth, c, clen) == 0)
            j++;
        if (!first)
            g_string_append_c (re, '|');
        first = FALSE;
        append_escaped_char (re, c, clen);
        append_trie (re, phrases + k, j - k, depth + clen, level + (group ? 1 : 0));
        k = j;
    }
    if (group)
        g_string_append (re, terminal ? ")?" : ")");
}

static gboolean
compile (sl_wordlist *list, GError **error)
{
    if (list->phrases->len == 0)
        return TRUE;
    gsize n = list->phrases->len;
    char **sorted = g_new (char *, n);
    for (gsize k = 0; k < n; k++)
        sorted[k] = ((sl_phrase *) g_ptr_array_index (list->phrases, k))->folded;
    qsort (sorted, n, sizeof *sorted, compare_strings);

    GString *re = g_string_new ("(?:");
    append_trie (re, sorted, n, 0, 0);
    /* Chinese and Japanese have no spaces: no word boundary after them */
    g_string_append (re, ")(?(?<=[\\p{Han}\\p{Hiragana}\\p{Katakana}])|(?![\\w]))");
    g_free (sorted);

    int code;
    PCRE2_SIZE offset;
    list->pattern = pcre2_compile ((PCRE2_SPTR) re->str, re->len,
                                   PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK,
                                   &code, &offset, NULL);
    if (list->pattern == NULL) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message (code, message, sizeof message);
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "%s: cannot compile the word list: %s", list->name, (const char *) message);
        g_string_free (re, TRUE);
        return FALSE;
    }
    pcre2_jit_compile (list->pattern, PCRE2_JIT_COMPLETE);
    g_string_free (re, TRUE);
    return TRUE;
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

    if (!compile (list, error)) {
        sl_wordlist_free (list);
        return NULL;
    }
    return list;
}

sl_wordlist *
sl_wordlist_from_folded (const char *name, char **folded, gsize n, GError **error)
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
    if (!compile (list, error)) {
        sl_wordlist_free (list);
        return NULL;
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

/* Whether the match at AT follows a letter of the same word. */
static gboolean
is_word_char_before (const char *text, gsize at)
{
    if (at == 0 || is_cjk (g_utf8_get_char (text + at)))
        return FALSE;
    const char *prev = g_utf8_find_prev_char (text, text + at);
    if (prev == NULL)
        return FALSE;
    gunichar c = g_utf8_get_char (prev);
    return c == '_' || g_unichar_isalnum (c) || g_unichar_ismark (c);
}

int
sl_wordlist_next (const sl_wordlist *list, const char *text, gsize len,
                  gsize *pos, pcre2_match_data *match_data,
                  pcre2_match_context *context, guint32 options,
                  gsize *start, gsize *end, const sl_phrase **phrase)
{
    if (list->pattern == NULL)
        return 0;
    while (*pos < len) {
        int rc = pcre2_match (list->pattern, (PCRE2_SPTR) text, len, *pos,
                              PCRE2_NO_UTF_CHECK | options, match_data, context);
        if (rc == PCRE2_ERROR_NOMATCH)
            return 0;
        if (rc < 0)
            return rc;
        PCRE2_SIZE *ovector = pcre2_get_ovector_pointer (match_data);
        gsize s = ovector[0], e = ovector[1];
        if (e == s || is_word_char_before (text, s)) {
            /* not at a word start: go on from the next character */
            *pos = (gsize) (g_utf8_next_char (text + s) - text);
            continue;
        }
        char *key = g_strndup (text + s, e - s);
        *phrase = g_hash_table_lookup (list->by_folded, key);
        g_free (key);
        *start = s;
        *end = e;
        *pos = e;
        if (*phrase != NULL)
            return 1;
    }
    return 0;
}
