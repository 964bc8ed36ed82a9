/* test-spelllist.c: the lists of accepted words (src/text/spelllist.c) on a
 * made-up dictionary, so that they are tested without the hunspell and word
 * list packages: every word written is found, in its own case only, and
 * nothing else is; a list is ignored once its dictionary changed, when
 * Enchant would load another file, or when the user excludes words; a
 * damaged list is ignored or answers "not here", never crashes; words
 * joined by hyphens are accepted from their parts only when the list says
 * so, and the list says so only for a dictionary that keeps hunspell's
 * rule. That the real lists agree with Enchant is tests/spelling.sh's job.
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
 * dictionary of the Enchant directory tmp/enchant; HYPHENS: words joined by
 * hyphens are accepted from their parts. */
static void
write_list_joined (guint n, gboolean hyphens)
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
    sl_spelllist_builder_set_hyphens (builder, hyphens);
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
write_list (guint n)
{
    write_list_joined (n, FALSE);
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

START_TEST (test_spelllist_joined)
{
    write_list_joined (100, TRUE);
    sl_spelllist *list = sl_spelllist_open (lists, TAG);
    ck_assert_ptr_nonnull (list);
    static const char *const joined[] = {
        "hiver-été", "Hiver-été", "été-Paris", "l'hiver-a", "a-a-a-a-a-a-a-a-a-a",
    };
    static const char *const not_joined[] = {
        "hiver-", "-hiver", "hiver--été", "hiver-hive", "hiver-paris", "HIVER-été",
        "a-a-a-a-a-a-a-a-a-a-a",                /* 10 hyphens: hunspell gives up */
        "hiver-hiver-hiver-hiver-hiver-hiver", /* longer than 32 bytes */
        "hiver-l’hiver", "hiver-2", "hiver.été", "hiver-\xC3", "c'est-à-dire-hiver",
    };
    for (guint i = 0; i < G_N_ELEMENTS (joined); i++)
        ck_assert_msg (accepts (list, joined[i]), "\"%s\" not accepted", joined[i]);
    for (guint i = 0; i < G_N_ELEMENTS (not_joined); i++)
        ck_assert_msg (!accepts (list, not_joined[i]), "\"%s\" accepted", not_joined[i]);
    sl_spelllist_free (list);
    /* a list not told so accepts whole words only */
    write_list (100);
    list = sl_spelllist_open (lists, TAG);
    ck_assert (accepts (list, "c'est-à-dire"));
    ck_assert (!accepts (list, "hiver-été"));
    sl_spelllist_free (list);
}
END_TEST

/* Whether the rule holds for a dictionary of AFF and DIC. */
static gboolean
rule_holds (const char *aff, const char *dic)
{
    char *dic_path = g_build_filename (tmp, "rule.dic", NULL);
    char *aff_path = g_build_filename (tmp, "rule.aff", NULL);
    ck_assert (g_file_set_contents (dic_path, dic, -1, NULL));
    ck_assert (g_file_set_contents (aff_path, aff, -1, NULL));
    gboolean holds = sl_spelllist_hyphens_hold (dic_path);
    g_free (aff_path);
    g_free (dic_path);
    return holds;
}

START_TEST (test_spelllist_hyphen_rule)
{
    const char *dic = "2\nhiver/A\nété\n";
    /* hunspell breaks at '-' by default, or when BREAK says so */
    ck_assert (rule_holds ("SET UTF-8\n", dic));
    ck_assert (rule_holds ("SET UTF-8\nBREAK 3\nBREAK -\nBREAK ^-\nBREAK .\n", dic));
    ck_assert (!rule_holds ("SET UTF-8\nBREAK 1\nBREAK .\n", dic));
    ck_assert (!rule_holds ("SET UTF-8\nBREAK 0\n", dic));
    /* another break point a joined word can hold: hunspell counts it too */
    ck_assert (!rule_holds ("SET UTF-8\nBREAK 2\nBREAK -\nBREAK '\n", dic));
    /* not looked into */
    ck_assert (!rule_holds ("SET ISO8859-1\n", dic));
    ck_assert (!rule_holds ("SET UTF-8\nIGNORE x\n", dic));
    ck_assert (!rule_holds ("SET UTF-8\nFORBIDWARN\n", dic));
    /* a forbidden word: harmless unless it can hold a hyphen */
    const char *forbid = "SET UTF-8\nFORBIDDENWORD F\nSFX A Y 1\nSFX A 0 s .\n";
    ck_assert (rule_holds (forbid, "2\nhiver/AF\nété\n"));
    ck_assert (!rule_holds (forbid, "2\nhiver/A\nété-hiver/F\n"));
    ck_assert (!rule_holds ("SET UTF-8\nFORBIDDENWORD F\nSFX A Y 1\nSFX A 0 -ci .\n",
                            "2\nhiver/AF\nété\n"));
    ck_assert (rule_holds ("SET UTF-8\nFLAG long\nFORBIDDENWORD {}\n", "1\nété-hiver/A{}\n"));
    ck_assert (!rule_holds ("SET UTF-8\nFLAG long\nFORBIDDENWORD {}\n", "1\nété-hiver/AA{}\n"));
    ck_assert (!rule_holds ("SET UTF-8\nFLAG num\nFORBIDDENWORD 7\n", "1\nété-hiver/3,7\n"));
    ck_assert (!rule_holds ("SET UTF-8\nFLAG num\n", "1\nété-hiver/65510\n"));
    /* ICONV: a part converted once in the list, twice in the word */
    ck_assert (rule_holds ("SET UTF-8\nICONV 2\nICONV ’ '\nICONV ﬁ fi\n", dic));
    ck_assert (!rule_holds ("SET UTF-8\nICONV 2\nICONV ab x\nICONV xc y\n", dic));
    ck_assert (!rule_holds ("SET UTF-8\nICONV 1\nICONV ^a b\n", dic));
    ck_assert (!rule_holds ("SET UTF-8\nICONV 1\nICONV _ﬁ fi\n", dic));
    ck_assert (!rule_holds ("SET UTF-8\nICONV 1\nICONV a bc\n", dic));
    ck_assert (!rule_holds ("SET UTF-8\nICONV 1\nICONV a -\n", dic));
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
    tcase_add_test (tc, test_spelllist_joined);
    tcase_add_test (tc, test_spelllist_hyphen_rule);
    suite_add_tcase (s, tc);
    return s;
}
