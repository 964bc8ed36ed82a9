/* test-spelllist.c: the lists of accepted words (src/text/spelllist.c) on a
 * made-up dictionary, so that they are tested without the hunspell and word
 * list packages: every word written is found, in its own case only, and
 * nothing else is; a list is ignored once its dictionary changed, when
 * Enchant would load another file, or when the user excludes words; a
 * damaged list is ignored or answers "not here", never crashes. That the
 * real lists agree with Enchant is tests/spelling.sh's job.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "suites.h"
#include "text/spelllist.h"

#define TAG "xx_XX"

static char *tmp;   /* the test's directory */
static char *lists; /* tmp/lists, where the list is written */

static const char *const words[] = {
    "hiver", "Hiver", "Paris", "l'hiver", "L'hiver", "aujourd'hui", "été", "Été",
    "straße", "œuvre", "Œuvre", "c'est-à-dire", "a", "zythum", "Ångström",
};

static const char *const absent[] = {
    "paris", "HIVER", "hive", "hivers", "l'Hiver", "Aujourd'hui", "ete", "Straße", "œuvres",
    "b", "zz", "Zythum", "ångström", "l’hiver", "\xC3", "hiver\n",
};

/* The Ith of the made-up words that fill many blocks. */
static char *
made_up_word (guint i)
{
    return g_strdup_printf ("mot%c%c%c", 'a' + i % 26, 'a' + i / 26 % 26, 'a' + i / 676 % 26);
}

static char *
make_dictionary (const char *config, const char *contents)
{
    char *dir = g_build_filename (config, "hunspell", NULL);
    g_mkdir_with_parents (dir, 0700);
    char *dic = g_build_filename (dir, TAG ".dic", NULL);
    char *aff = g_build_filename (dir, TAG ".aff", NULL);
    ck_assert (g_file_set_contents (dic, contents, -1, NULL));
    ck_assert (g_file_set_contents (aff, "SET UTF-8\n", -1, NULL));
    g_free (aff);
    g_free (dir);
    return dic;
}

/* A list of WORDS and of N made-up words (many blocks), written from the
 * dictionary of the Enchant directory tmp/enchant. */
static void
write_list (guint n)
{
    char *config = g_build_filename (tmp, "enchant", NULL);
    g_setenv ("ENCHANT_CONFIG_DIR", config, TRUE);
    char *dic = make_dictionary (config, "1\nhiver\n");
    char *found = sl_spelllist_find_dictionary (TAG);
    ck_assert_str_eq (found, dic);
    sl_spelllist_builder *builder = sl_spelllist_builder_new ();
    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        ck_assert (sl_spelllist_builder_add (builder, words[i]));
    for (guint i = 0; i < n; i++) {
        char *w = made_up_word (i);
        sl_spelllist_builder_add (builder, w);
        g_free (w);
    }
    /* a capital whose lower case does not come back to it: the Kelvin sign */
    ck_assert (!sl_spelllist_builder_add (builder, "\xE2\x84\xAA" "elvin"));
    char *path = g_build_filename (lists, TAG ".words", NULL);
    GError *error = NULL;
    ck_assert_msg (sl_spelllist_builder_write (builder, path, TAG, dic, &error), "%s",
                   error ? error->message : "");
    sl_spelllist_builder_free (builder);
    g_free (path);
    g_free (found);
    g_free (dic);
    g_free (config);
}

static void
setup (void)
{
    tmp = g_dir_make_tmp ("spelllist-XXXXXX", NULL);
    lists = g_build_filename (tmp, "lists", NULL);
    g_mkdir (lists, 0700);
}

static void
remove_tree (const char *path)
{
    GDir *dir = g_dir_open (path, 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name (dir)) != NULL) {
        char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
        else
            g_remove (child);
        g_free (child);
    }
    if (dir)
        g_dir_close (dir);
    g_rmdir (path);
}

static void
teardown (void)
{
    remove_tree (tmp);
    g_free (lists);
    g_free (tmp);
    g_unsetenv ("ENCHANT_CONFIG_DIR");
}

static gboolean
accepts (const sl_spelllist *list, const char *word)
{
    return sl_spelllist_accepts (list, word, strlen (word));
}

static void
count_word (const char *word, void *data)
{
    (void) word;
    (*(guint *) data)++;
}

START_TEST (test_spelllist_words)
{
    write_list (3000);
    sl_spelllist *list = sl_spelllist_open (lists, TAG);
    ck_assert_ptr_nonnull (list);
    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        ck_assert_msg (accepts (list, words[i]), "\"%s\" not found", words[i]);
    for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
        ck_assert_msg (!accepts (list, absent[i]), "\"%s\" found", absent[i]);
    for (guint i = 0; i < 3000; i++) {
        char *w = made_up_word (i);
        ck_assert_msg (accepts (list, w), "\"%s\" not found", w);
        char *after = g_strconcat (w, "s", NULL);
        ck_assert_msg (!accepts (list, after), "\"%s\" found", after);
        ck_assert (!sl_spelllist_accepts (list, w, strlen (w) - 1)); /* a prefix */
        g_free (after);
        g_free (w);
    }
    ck_assert (!accepts (list, "\xE2\x84\xAA" "elvin"));
    ck_assert (!accepts (list, "Kelvin"));
    ck_assert (!sl_spelllist_accepts (list, "", 0));
    guint n = 0;
    sl_spelllist_foreach (list, count_word, &n);
    ck_assert_uint_eq (n, G_N_ELEMENTS (words) + 3000);
    sl_spelllist_free (list);
}
END_TEST

START_TEST (test_spelllist_stale)
{
    write_list (100);
    char *config = g_build_filename (tmp, "enchant", NULL);
    /* no list for another tag, none in another directory */
    ck_assert_ptr_null (sl_spelllist_open (lists, "yy_YY"));
    ck_assert_ptr_null (sl_spelllist_open (tmp, TAG));
    /* an empty exclude file changes nothing; one with a word does */
    char *exclude = g_build_filename (config, TAG ".exc", NULL);
    ck_assert (g_file_set_contents (exclude, "", -1, NULL));
    sl_spelllist *list = sl_spelllist_open (lists, TAG);
    ck_assert_ptr_nonnull (list);
    sl_spelllist_free (list);
    ck_assert (g_file_set_contents (exclude, "hiver\n", -1, NULL));
    ck_assert_ptr_null (sl_spelllist_open (lists, TAG));
    g_remove (exclude);
    /* an ordering of the user's own may hand the language to another provider */
    char *ordering = g_build_filename (config, "enchant.ordering", NULL);
    ck_assert (g_file_set_contents (ordering, "*:aspell\n", -1, NULL));
    ck_assert_ptr_null (sl_spelllist_open (lists, TAG));
    g_remove (ordering);
    ck_assert_ptr_nonnull ((list = sl_spelllist_open (lists, TAG)));
    sl_spelllist_free (list);
    /* Enchant would find the same dictionary elsewhere: not the one recorded */
    char *other = g_build_filename (tmp, "other", NULL);
    char *copy = make_dictionary (other, "1\nhiver\n");
    g_setenv ("ENCHANT_CONFIG_DIR", other, TRUE);
    ck_assert_ptr_null (sl_spelllist_open (lists, TAG));
    g_setenv ("ENCHANT_CONFIG_DIR", config, TRUE);
    /* the dictionary changed since */
    char *dic = make_dictionary (config, "2\nhiver\nhivers\n");
    ck_assert_ptr_null (sl_spelllist_open (lists, TAG));
    g_free (dic);
    g_free (copy);
    g_free (other);
    g_free (ordering);
    g_free (exclude);
    g_free (config);
}
END_TEST

START_TEST (test_spelllist_damaged)
{
    write_list (3000);
    char *path = g_build_filename (lists, TAG ".words", NULL);
    char *contents = NULL;
    gsize len = 0;
    ck_assert (g_file_get_contents (path, &contents, &len, NULL));
    /* cut anywhere, or bytes overwritten: never a crash, never a word that
     * was not written */
    for (gsize cut = 0; cut < len; cut += len / 50 + 1) {
        ck_assert (g_file_set_contents (path, contents, (gssize) cut, NULL));
        sl_spelllist *list = sl_spelllist_open (lists, TAG);
        for (guint i = 0; list && i < G_N_ELEMENTS (absent); i++)
            ck_assert (!accepts (list, absent[i]));
        for (guint i = 0; list && i < G_N_ELEMENTS (words); i++)
            accepts (list, words[i]);
        sl_spelllist_free (list);
    }
    char *noise = g_malloc (len);
    memcpy (noise, contents, len);
    for (gsize at = len / 2; at < len; at += 97)
        noise[at] = (char) (at * 31);
    ck_assert (g_file_set_contents (path, noise, (gssize) len, NULL));
    sl_spelllist *list = sl_spelllist_open (lists, TAG);
    ck_assert_ptr_nonnull (list);
    for (guint i = 0; i < 3000; i++) {
        char *w = made_up_word (i);
        accepts (list, w);
        g_free (w);
    }
    sl_spelllist_free (list);
    g_free (noise);
    g_free (contents);
    g_free (path);
}
END_TEST

Suite *
spelllist_suite (void)
{
    Suite *s = suite_create ("spelllist");
    TCase *tc = tcase_create ("spelllist");
    tcase_add_checked_fixture (tc, setup, teardown);
    tcase_add_test (tc, test_spelllist_words);
    tcase_add_test (tc, test_spelllist_stale);
    tcase_add_test (tc, test_spelllist_damaged);
    suite_add_tcase (s, tc);
    return s;
}
