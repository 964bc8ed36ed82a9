/* mkspelllist.c: make, at build time, the list of words a hunspell
 * dictionary accepts (the format is in src/text/spelllist.c), so that
 * spamlint need not load the dictionary for a correct draft.
 *
 *   mkspelllist --tag=fr_FR --sources=data/spelling/sources.txt \
 *       --words-dir=/usr/share/dict --elisions=data/spelling/elisions.txt \
 *       --output=spelling/fr_FR.words
 *   mkspelllist --verify --tag=fr_FR spelling/fr_FR.words [WORD...]
 *
 * The candidates are the words of the tag's word list in the sources file
 * (Debian's wfrench, wamerican...) and, when unmunch is installed, the forms
 * the dictionary's affixes make (the inflections a word list lacks),
 * written as spamlint will ask about them: as they are, with
 * the first letter in capitals (a word that starts a sentence), and, for
 * a language with elisions, after each elided word of the elisions file
 * ("l'" + "hiver"). Each is put to the very dictionary spamlint uses
 * (Enchant, same tag, same provider) and kept only when accepted: the list
 * holds hunspell's own "yes" answers, never a guess. A candidate spamlint
 * never checks (capitals, digits, two words) is skipped. The list is also
 * told whether hunspell accepts words joined by hyphens from their parts
 * (sl_spelllist_hyphens_hold); --verify then checks such words too.
 *
 * Enchant is run with an empty configuration directory, so that the words
 * of the builder's personal dictionary do not enter the list. When the
 * dictionary cannot be loaded, the list written is one that spamlint
 * ignores, and the build goes on.
 *
 * --verify checks the words of a list again (all, or one in --every=N),
 * in both cases, against the dictionary, and prints for each word given
 * after the list whether the list has it and whether the dictionary
 * accepts it (the list must not have a rejected word): tests/spelling.sh
 * runs it.
 */
#include "config.h"

#include <enchant.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "text/spelllist.h"
#include "text/words.h"

/* unmunch makes the forms of a dictionary's affixes: the inflections its
 * word list lacks ("attendees"). A dictionary that makes more (Italian: 36
 * million) is left to its word list, to keep the build and the list small. */
#define UNMUNCH_MAX_FORMS 2000000

typedef struct generator {
    EnchantDict *dict;
    sl_spelllist_builder *builder;
    GHashTable *tried;   /* every form put to the dictionary */
    GPtrArray *elisions; /* "l'", "d'"... for this language */
    guint64 checks;
} generator;

/* Whether spamlint's spelling rule may ask about WORD: one word as it splits
 * text, two letters or more, some in lower case, at most one in upper case,
 * no digit; or one letter, a part of a word joined by hyphens ("e-mail").
 * (Only to keep the list small: a word it never asks about would do no
 * harm.) */
static gboolean
checkable (const char *word)
{
    gsize len = strlen (word);
    if (len == 0 || len > SL_SPELLLIST_MAX_WORD || !g_utf8_validate (word, (gssize) len, NULL))
        return FALSE;
    sl_word_iter it;
    sl_word w;
    sl_word_iter_init (&it, word, len);
    if (!sl_word_iter_next (&it, &w) || w.start != 0 || w.end != len || sl_word_iter_next (&it, &w))
        return FALSE;
    for (const char *p = word; *p; p++)
        if (g_ascii_isdigit (*p) || *p == '_')
            return FALSE;
    return (w.letters == 1 || (w.letters >= 2 && w.lower > 0)) && w.upper <= 1;
}

/* WORD with its first character changed by CASE_FN, or NULL when unchanged. */
static char *
with_first (const char *word, gunichar (*case_fn) (gunichar))
{
    gunichar c = g_utf8_get_char (word);
    gunichar d = case_fn (c);
    if (d == c)
        return NULL;
    char buf[8];
    int n = g_unichar_to_utf8 (d, buf);
    buf[n] = '\0';
    return g_strconcat (buf, g_utf8_next_char (word), NULL);
}

/* Ask the dictionary about WORD once; keep it when accepted. */
static gboolean
try_form (generator *g, const char *word)
{
    if (!checkable (word))
        return FALSE;
    gpointer seen = g_hash_table_lookup (g->tried, word);
    if (seen != NULL)
        return GPOINTER_TO_INT (seen) == 2;
    g->checks++;
    gboolean accepted = enchant_dict_check (g->dict, word, (ssize_t) strlen (word)) == 0;
    g_hash_table_insert (g->tried, g_strdup (word), GINT_TO_POINTER (accepted ? 2 : 1));
    if (accepted)
        sl_spelllist_builder_add (g->builder, word);
    return accepted;
}

/* Whether an elided word may come before WORD: a vowel or an h. */
static gboolean
elidable (const char *word)
{
    char *first = g_utf8_substring (word, 0, 1);
    char *base = g_utf8_normalize (first, -1, G_NORMALIZE_NFD);
    gboolean yes = base && base[0] != '\0' && strchr ("aeiouyh", g_ascii_tolower (base[0]));
    g_free (base);
    g_free (first);
    return yes;
}

/* WORD accepted as written: its elided forms, and those capitalised. */
static void
try_elisions (generator *g, const char *word)
{
    if (!elidable (word))
        return;
    for (guint i = 0; i < g->elisions->len; i++) {
        char *form = g_strconcat (g_ptr_array_index (g->elisions, i), word, NULL);
        if (try_form (g, form)) {
            char *capital = with_first (form, g_unichar_toupper);
            if (capital)
                try_form (g, capital);
            g_free (capital);
        }
        g_free (form);
    }
}

static void
try_candidate (generator *g, const char *candidate)
{
    /* the lower-case and the capitalised forms of the word */
    char *lower = with_first (candidate, g_unichar_tolower);
    const char *as_lower = lower ? lower : candidate;
    char *capital = with_first (as_lower, g_unichar_toupper);
    gboolean lower_ok = try_form (g, as_lower);
    gboolean capital_ok = capital && try_form (g, capital);
    /* "l'hiver", and "l'Europe" for a name */
    if (lower_ok)
        try_elisions (g, as_lower);
    else if (capital_ok)
        try_elisions (g, capital);
    g_free (capital);
    g_free (lower);
}

/* Try each line of TEXT (changed in place). */
static void
try_lines (generator *g, char *text)
{
    char *save = NULL;
    for (char *line = strtok_r (text, "\n", &save); line; line = strtok_r (NULL, "\n", &save)) {
        g_strstrip (line);
        if (*line && g_utf8_validate (line, -1, NULL))
            try_candidate (g, line);
    }
}

static gboolean
read_candidates (generator *g, const char *path, GError **error)
{
    char *text = NULL;
    if (!g_file_get_contents (path, &text, NULL, error))
        return FALSE;
    try_lines (g, text);
    g_free (text);
    return TRUE;
}

/* Every form the affixes of the dictionary DIC make, as unmunch (Debian's
 * hunspell-tools) writes them, or NULL: unmunch is not installed, or it
 * makes more than UNMUNCH_MAX_FORMS forms. *FORMS is their number. */
static char *
dictionary_forms (const char *dic, guint64 *forms)
{
    char *unmunch = g_find_program_in_path ("unmunch");
    if (unmunch == NULL)
        return NULL;
    char *aff = g_strdup (dic);
    memcpy (aff + strlen (aff) - 3, "aff", 3);
    char *argv[] = { unmunch, (char *) dic, aff, NULL };
    GPid pid;
    int out = -1;
    gboolean started = g_spawn_async_with_pipes (NULL, argv, NULL,
                                                 G_SPAWN_DO_NOT_REAP_CHILD
                                                     | G_SPAWN_STDERR_TO_DEV_NULL,
                                                 NULL, NULL, &pid, NULL, &out, NULL, NULL);
    g_free (aff);
    g_free (unmunch);
    if (!started)
        return NULL;
    FILE *stream = fdopen (out, "r");
    GString *text = g_string_new (NULL);
    *forms = 0;
    char buf[65536];
    size_t n;
    while (stream && *forms <= UNMUNCH_MAX_FORMS && (n = fread (buf, 1, sizeof buf, stream)) > 0) {
        for (size_t i = 0; i < n; i++)
            *forms += buf[i] == '\n';
        g_string_append_len (text, buf, (gssize) n);
    }
    /* past the limit unmunch dies of SIGPIPE at its next write */
    if (stream)
        fclose (stream);
    else
        close (out);
    int status = 0;
    gboolean complete = waitpid (pid, &status, 0) == pid && WIFEXITED (status)
                        && WEXITSTATUS (status) == 0 && *forms <= UNMUNCH_MAX_FORMS;
    g_spawn_close_pid (pid);
    return g_string_free (text, !complete);
}

/* The elided words of TAG in FILE: lines "TAG WORD", # comments. */
static gboolean
read_elisions (GPtrArray *elisions, const char *path, const char *tag, GError **error)
{
    char *text = NULL;
    if (!g_file_get_contents (path, &text, NULL, error))
        return FALSE;
    char **lines = g_strsplit (text, "\n", -1);
    for (char **line = lines; *line; line++) {
        char **fields = g_strsplit_set (g_strstrip (*line), " \t", 2);
        if (fields[0] && fields[0][0] != '#' && fields[1] && strcmp (fields[0], tag) == 0)
            g_ptr_array_add (elisions, g_strdup (g_strstrip (fields[1])));
        g_strfreev (fields);
    }
    g_strfreev (lines);
    g_free (text);
    return TRUE;
}

/* The word list of TAG in the sources file ("TAG FILE PACKAGE" lines),
 * under WORDS_DIR; NULL when the file does not name one. */
static char *
word_list_of (const char *sources, const char *words_dir, const char *tag, GError **error)
{
    char *text = NULL;
    if (!g_file_get_contents (sources, &text, NULL, error))
        return NULL;
    char *found = NULL;
    char **lines = g_strsplit (text, "\n", -1);
    for (char **line = lines; *line && !found; line++) {
        char **fields = g_strsplit_set (g_strstrip (*line), " \t", -1);
        if (fields[0] && fields[0][0] != '#' && strcmp (fields[0], tag) == 0 && fields[1])
            found = g_build_filename (words_dir, fields[1], NULL);
        g_strfreev (fields);
    }
    g_strfreev (lines);
    g_free (text);
    if (found == NULL)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s: no word list for %s", sources,
                     tag);
    return found;
}

static void
describe_provider (const char *tag, const char *name, const char *desc, const char *file,
                   void *data)
{
    *(char **) data = g_strdup (name);
}

/* An Enchant configuration directory of our own, empty. */
static char *
isolate_enchant (void)
{
    char *dir = g_dir_make_tmp ("mkspelllist-XXXXXX", NULL);
    if (dir)
        g_setenv ("ENCHANT_CONFIG_DIR", dir, TRUE);
    return dir;
}

static void
remove_dir (char *dir)
{
    if (dir == NULL)
        return;
    GDir *d = g_dir_open (dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name (d)) != NULL) {
        char *path = g_build_filename (dir, name, NULL);
        g_remove (path);
        g_free (path);
    }
    if (d)
        g_dir_close (d);
    g_rmdir (dir);
    g_free (dir);
}

/* A list spamlint will not use, for a build without the dictionary. */
static int
write_unusable (const char *output, const char *tag, const char *why)
{
    fprintf (stderr,
             "mkspelllist: no spelling list for %s: %s; spamlint will load the dictionary\n", tag,
             why);
    char *text = g_strdup_printf ("spamlint-spelling 1\ntag %s\nnone %s\n\n", tag, why);
    GError *error = NULL;
    gboolean ok = g_file_set_contents (output, text, -1, &error);
    g_free (text);
    if (!ok) {
        fprintf (stderr, "mkspelllist: %s\n", error->message);
        g_error_free (error);
        return 1;
    }
    return 0;
}

typedef struct verification {
    EnchantDict *dict;
    const sl_spelllist *list;
    const char *tag;
    guint every;
    guint64 seen;
    guint64 words;
    guint64 wrong;
    char *previous;     /* the word checked before, to join to the next */
    guint64 joined;     /* words joined by hyphens the list accepts */
} verification;

/* A word the list accepts must be the dictionary's "yes". */
static void
verify_accepted (verification *v, const char *word)
{
    if (enchant_dict_check (v->dict, word, (ssize_t) strlen (word)) != 0) {
        if (v->wrong++ < 20)
            fprintf (stderr,
                     "mkspelllist: %s: \"%s\" is in the list but the dictionary rejects it\n",
                     v->tag, word);
    }
}

/* WORD joined to the word checked before, as "a-b" and "a-b-a". */
static void
verify_joined (verification *v, const char *word)
{
    if (v->previous) {
        char *pair = g_strconcat (v->previous, "-", word, NULL);
        char *triple = g_strconcat (pair, "-", v->previous, NULL);
        const char *joined[] = { pair, triple };
        for (guint i = 0; i < G_N_ELEMENTS (joined); i++)
            if (sl_spelllist_accepts (v->list, joined[i], strlen (joined[i]))) {
                v->joined++;
                verify_accepted (v, joined[i]);
            }
        g_free (triple);
        g_free (pair);
    }
    g_free (v->previous);
    v->previous = g_strdup (word);
}

static void
verify_word (const char *word, void *data)
{
    verification *v = data;
    if (v->seen++ % v->every != 0)
        return;
    v->words++;
    verify_accepted (v, word);
    if (v->list)
        verify_joined (v, word);
}

/* Every word of the list at LIST_PATH (one in EVERY), in both cases, must
 * be the dictionary's "yes"; each of WORDS is printed with the list's answer and
 * the dictionary's, and must be in the list only if it is accepted. */
static int
verify (EnchantDict *dict, const char *tag, guint every, const char *list_path, char **words)
{
    char *dir = g_path_get_dirname (list_path);
    sl_spelllist *list = sl_spelllist_open (dir, tag);
    g_free (dir);
    if (list == NULL) {
        fprintf (stderr, "mkspelllist: %s: no usable list\n", list_path);
        return 1;
    }
    verification v = { .dict = dict, .list = list, .tag = tag, .every = every ? every : 1 };
    sl_spelllist_foreach (list, verify_word, &v);
    v.every = 1;
    v.list = NULL;
    for (char **w = words; w && *w; w++) {
        gboolean in_list = sl_spelllist_accepts (list, *w, strlen (*w));
        gboolean accepted = enchant_dict_check (dict, *w, (ssize_t) strlen (*w)) == 0;
        if (in_list && !accepted)
            verify_accepted (&v, *w);
        printf ("%s\t%s\t%s\n", *w, in_list ? "list" : "-", accepted ? "accepted" : "rejected");
    }
    sl_spelllist_free (list);
    g_free (v.previous);
    fprintf (stderr, "mkspelllist: %s: %" G_GUINT64_FORMAT " words of the list checked, and %"
             G_GUINT64_FORMAT " words joined by hyphens; %" G_GUINT64_FORMAT " wrong\n", tag,
             v.words, v.joined, v.wrong);
    return v.wrong || v.words == 0 ? 1 : 0;
}

int
main (int argc, char **argv)
{
    char *tag = NULL, *output = NULL, *elisions_file = NULL, *sources = NULL, *words_dir = NULL;
    gboolean verify_mode = FALSE;
    int every = 1;
    char **files = NULL;
    GOptionEntry entries[] = {
        { "tag", 0, 0, G_OPTION_ARG_STRING, &tag, "Enchant tag of the dictionary", "TAG" },
        { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "the list to write", "FILE" },
        { "sources", 0, 0, G_OPTION_ARG_FILENAME, &sources, "the word list of each tag", "FILE" },
        { "words-dir", 0, 0, G_OPTION_ARG_FILENAME, &words_dir,
          "where the word lists are (default /usr/share/dict)", "DIR" },
        { "elisions", 0, 0, G_OPTION_ARG_FILENAME, &elisions_file, "elided words, per tag",
          "FILE" },
        { "verify", 0, 0, G_OPTION_ARG_NONE, &verify_mode,
          "check the list (first argument) against the dictionary, and the words after it", NULL },
        { "every", 0, 0, G_OPTION_ARG_INT, &every, "with --verify: one word of the list in N",
          "N" },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "[LIST WORD...]" },
        { NULL, 0, 0, 0, NULL, NULL, NULL },
    };
    GOptionContext *context = g_option_context_new ("[LIST WORD...]");
    g_option_context_add_main_entries (context, entries, NULL);
    GError *error = NULL;
    if (!g_option_context_parse (context, &argc, &argv, &error) || tag == NULL
        || (verify_mode ? files == NULL : output == NULL || sources == NULL)) {
        fprintf (stderr, "mkspelllist: %s\n",
                 error ? error->message
                       : "give --tag with --sources and --output, or --verify and a list");
        return 2;
    }
    g_option_context_free (context);
    char *words = verify_mode ? NULL
                              : word_list_of (sources, words_dir ? words_dir : "/usr/share/dict",
                                              tag, &error);
    if (!verify_mode && words == NULL) {
        fprintf (stderr, "mkspelllist: %s\n", error->message);
        return 1;
    }

    char *config = isolate_enchant ();
    EnchantBroker *broker = enchant_broker_init ();
    /* as text/speller.c asks for it */
    EnchantDict *dict = broker && enchant_broker_dict_exists (broker, tag)
                            ? enchant_broker_request_dict (broker, tag)
                            : NULL;
    char *provider = NULL;
    if (dict)
        enchant_dict_describe (dict, describe_provider, &provider);
    char *dic = sl_spelllist_find_dictionary (tag);
    int status = 0;
    if (verify_mode) {
        status = dict ? verify (dict, tag, (guint) MAX (every, 1), files[0], files + 1) : 1;
    } else if (dict == NULL) {
        status = write_unusable (output, tag, "Enchant has no dictionary for it");
    } else if (provider == NULL || strcmp (provider, "hunspell") != 0 || dic == NULL) {
        status = write_unusable (output, tag, "Enchant does not give it a hunspell dictionary");
    } else if (!g_file_test (words, G_FILE_TEST_EXISTS)) {
        status = write_unusable (output, tag, "its word list is not installed");
    } else {
        generator g = { .dict = dict };
        g.builder = sl_spelllist_builder_new ();
        g.tried = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        g.elisions = g_ptr_array_new_with_free_func (g_free);
        gint64 start = g_get_monotonic_time ();
        if (elisions_file && !read_elisions (g.elisions, elisions_file, tag, &error))
            status = 1;
        if (status == 0 && !read_candidates (&g, words, &error))
            status = 1;
        guint64 forms = 0;
        char *more = status == 0 ? dictionary_forms (dic, &forms) : NULL;
        if (more) {
            try_lines (&g, more);
            g_free (more);
        }
        gboolean hyphens = sl_spelllist_hyphens_hold (dic);
        sl_spelllist_builder_set_hyphens (g.builder, hyphens);
        if (status == 0 && !sl_spelllist_builder_write (g.builder, output, tag, dic, &error))
            status = 1;
        if (status == 0)
            fprintf (stderr, "mkspelllist: %s: %u words accepted of %" G_GUINT64_FORMAT
                     " asked (%s%" G_GUINT64_FORMAT " forms of the dictionary%s), in %.1f s;"
                     " words joined by hyphens %s\n", tag, sl_spelllist_builder_size (g.builder),
                     g.checks, forms > UNMUNCH_MAX_FORMS ? "more than " : "",
                     MIN (forms, (guint64) UNMUNCH_MAX_FORMS),
                     forms > UNMUNCH_MAX_FORMS ? ", not asked" : "",
                     (double) (g_get_monotonic_time () - start) / 1e6,
                     hyphens ? "accepted from their parts" : "asked to the dictionary");
        else
            fprintf (stderr, "mkspelllist: %s\n", error->message);
        g_clear_error (&error);
        g_ptr_array_unref (g.elisions);
        g_hash_table_destroy (g.tried);
        sl_spelllist_builder_free (g.builder);
    }
    g_free (dic);
    g_free (provider);
    if (dict)
        enchant_broker_free_dict (broker, dict);
    if (broker)
        enchant_broker_free (broker);
    remove_dir (config);
    g_strfreev (files);
    g_free (words);
    g_free (sources);
    g_free (words_dir);
    g_free (tag);
    g_free (output);
    g_free (elisions_file);
    return status;
}
