/* test-lists-image.c: the image of the built-in word lists
 * (src/text/lists_image.c). Read back, an image gives the lists, their
 * union and its owners exactly as parsing the text does, and a text finds
 * the same phrases through the image's trie; an image that is damaged or
 * of another build is refused (spamlint then parses the text). That the
 * findings are the same either way over the golden drafts is
 * tests/golden.sh's job (it runs them with SPAMLINT_LISTS_IMAGE=0 too).
 * The trie, built or read, finds what a plain search of every phrase at
 * every word start finds.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "suites.h"
#include "text/fold.h"
#include "text/lists_image.h"

static const char fr[] = "2 offer offre exceptionnelle\n1 offer offre\n"
                         "3 free 100 % gratuit\n1 pressure commandez maintenant\n"
                         "2 offer OFFRE   exceptionnelle\n1 urgency dernière chance\n";
static const char en[] = "1 offer offer\n2 free free gift\n1 urgency last chance\n"
                         "2 money 限时优惠\n";
static const char allow[] = "se désabonner\nunsubscribe\n";
static const char sample[] = "Offre exceptionnelle : 100 % GRATUIT, free gift! "
                             "Dernière chance, commandez maintenant. 限时优惠 offer";

typedef struct built {
    sl_wordlist *lists[3];
    sl_wordlist *all;
    guint32 *start;
    sl_phrase_ref *owners;
    GBytes *image;
} built;

static void
build (built *b)
{
    b->lists[0] = sl_wordlist_parse ("fr", fr, strlen (fr), TRUE, NULL);
    b->lists[1] = sl_wordlist_parse ("en", en, strlen (en), TRUE, NULL);
    b->lists[2] = sl_wordlist_parse ("allow", allow, strlen (allow), FALSE, NULL);
    ck_assert (b->lists[0] && b->lists[1] && b->lists[2]);
    b->all = sl_wordlist_union ((const sl_wordlist *const *) b->lists, 2, &b->start, &b->owners);
    b->image = sl_lists_image_write ((const sl_wordlist *const *) b->lists, 3, b->all, b->start,
                                     b->owners);
}

static void
built_clear (built *b)
{
    for (guint i = 0; i < 3; i++)
        sl_wordlist_free (b->lists[i]);
    sl_wordlist_free (b->all);
    g_free (b->start);
    g_free (b->owners);
    g_bytes_unref (b->image);
}

/* Every match of LIST in the folded sample, as "start-end:folded" lines. */
static char *
matches (const sl_wordlist *list)
{
    sl_folded folded;
    sl_folded_init (&folded);
    sl_fold (&folded, sample, strlen (sample));
    GString *out = g_string_new (NULL);
    gsize pos = 0, start, end;
    const sl_phrase *phrase;
    while (sl_wordlist_next (list, folded.text->str, folded.text->len, &pos, &start, &end, &phrase))
        g_string_append_printf (out, "%zu-%zu:%s\n", start, end, phrase->folded);
    sl_folded_clear (&folded);
    return g_string_free (out, FALSE);
}

START_TEST (test_lists_image_round_trip)
{
    built b;
    build (&b);
    sl_lists_image image;
    ck_assert (sl_lists_image_read (b.image, &image));
    ck_assert_uint_eq (image.lists->len, 3);
    for (guint l = 0; l < 3; l++) {
        const sl_wordlist *read = g_ptr_array_index (image.lists, l);
        ck_assert_str_eq (read->name, b.lists[l]->name);
        ck_assert_uint_eq (read->phrases->len, b.lists[l]->phrases->len);
        for (guint i = 0; i < read->phrases->len; i++) {
            const sl_phrase *x = g_ptr_array_index (read->phrases, i);
            const sl_phrase *y = g_ptr_array_index (b.lists[l]->phrases, i);
            ck_assert_str_eq (x->text, y->text);
            ck_assert_str_eq (x->folded, y->folded);
            ck_assert_str_eq (x->category, y->category);
            ck_assert (x->weight == y->weight);
            ck_assert_uint_eq (x->index, i);
        }
    }
    /* the duplicate "OFFRE   exceptionnelle" was dropped, as in the text */
    ck_assert_uint_eq (((const sl_wordlist *) g_ptr_array_index (image.lists, 0))->phrases->len, 5);
    guint n = b.all->phrases->len;
    ck_assert_uint_eq (image.all->phrases->len, n);
    ck_assert_mem_eq (image.owners_start, b.start, (n + 1) * sizeof (guint32));
    ck_assert_mem_eq (image.owners, b.owners, b.start[n] * sizeof (sl_phrase_ref));
    /* the image's trie finds what the parsed union finds, CJK included */
    char *want = matches (b.all), *got = matches (image.all);
    ck_assert_str_eq (got, want);
    ck_assert (strstr (got, "限时优惠") != NULL && strstr (got, "offre exceptionnelle") != NULL);
    /* the plain lists' tries are built on first use */
    char *allowed = matches (g_ptr_array_index (image.lists, 2));
    ck_assert_str_eq (allowed, "");
    g_free (allowed);
    g_free (want);
    g_free (got);
    sl_lists_image_clear (&image);
    built_clear (&b);
}
END_TEST

/* A copy of IMAGE with the 4 bytes at AT set to VALUE. */
static GBytes *
patched (GBytes *image, gsize at, guint32 value)
{
    gsize len;
    const guint8 *data = g_bytes_get_data (image, &len);
    guint8 *copy = g_memdup2 (data, len);
    memcpy (copy + at, &value, sizeof value);
    return g_bytes_new_take (copy, len);
}

START_TEST (test_lists_image_refused)
{
    built b;
    build (&b);
    gsize len;
    const guint8 *data = g_bytes_get_data (b.image, &len);
    sl_lists_image image;
    struct { const char *why; GBytes *bytes; } bad[] = {
        { "empty", g_bytes_new (NULL, 0) },
        { "truncated", g_bytes_new (data, len / 2) },
        { "another magic", patched (b.image, 0, 0x58585858) },
        { "another node size", patched (b.image, 8, 12345) },
        { "more lists than written", patched (b.image, 12, 1000) },
        { "more phrases than written", patched (b.image, 16, 100000) },
        { "more trie nodes than written", patched (b.image, 28, 1u << 30) },
        { "more strings than written", patched (b.image, 32, 1u << 30) },
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++) {
        if (sl_lists_image_read (bad[i].bytes, &image))
            ck_abort_msg ("accepted an image: %s", bad[i].why);
        g_bytes_unref (bad[i].bytes);
    }
    /* the same bytes, unaligned: refused rather than read misaligned */
    guint8 *shifted = g_malloc (len + 1);
    memcpy (shifted + 1, data, len);
    GBytes *unaligned = g_bytes_new_static (shifted + 1, len);
    ck_assert (!sl_lists_image_read (unaligned, &image));
    g_bytes_unref (unaligned);
    g_free (shifted);
    built_clear (&b);
}
END_TEST

/* --- the trie against a plain search ---------------------------------- */

static gboolean
is_word_byte (char c)
{
    return c == '_' || g_ascii_isalnum (c);
}

/* Every word start of TEXT (ASCII) with the longest phrase of LIST that
 * starts there and ends a word, as "start-end:folded" lines. */
static char *
plain_search (const sl_wordlist *list, const char *text)
{
    GString *out = g_string_new (NULL);
    gsize len = strlen (text);
    for (gsize p = 0; p < len; p++) {
        if (p > 0 && is_word_byte (text[p - 1]))
            continue;
        const char *longest = NULL;
        for (guint i = 0; i < list->phrases->len; i++) {
            const char *folded = ((const sl_phrase *) g_ptr_array_index (list->phrases, i))->folded;
            gsize n = strlen (folded);
            if (n <= len - p && strncmp (text + p, folded, n) == 0
                && !is_word_byte (text[p + n]) && (longest == NULL || n > strlen (longest)))
                longest = folded;
        }
        if (longest != NULL)
            g_string_append_printf (out, "%zu-%zu:%s\n", p, p + strlen (longest), longest);
    }
    return g_string_free (out, FALSE);
}

/* The same with the trie, every start as phrase.c asks (the next search
 * from the character after a match's start). */
static char *
trie_search (const sl_wordlist *list, const char *text)
{
    GString *out = g_string_new (NULL);
    gsize pos = 0, start, end;
    const sl_phrase *phrase;
    while (sl_wordlist_next (list, text, strlen (text), &pos, &start, &end, &phrase)) {
        g_string_append_printf (out, "%zu-%zu:%s\n", start, end, phrase->folded);
        pos = start + 1;
    }
    return g_string_free (out, FALSE);
}

/* GOT is WANT, or the first line where they differ is shown (the whole
 * would be too long for a message). */
static void
assert_same_lines (const char *got, const char *want)
{
    gsize at = 0;
    while (got[at] != '\0' && got[at] == want[at])
        at++;
    if (got[at] == want[at])
        return;
    while (at > 0 && want[at - 1] != '\n')
        at--;
    ck_abort_msg ("found \"%.40s\", expected \"%.40s\"", got + at, want + at);
}

/* A random word over few letters, so that phrases share prefixes. */
static void
append_word (GString *s, GRand *rand)
{
    static const char letters[] = "abcd";
    for (gint32 n = g_rand_int_range (rand, 1, 5); n > 0; n--)
        g_string_append_c (s, letters[g_rand_int_range (rand, 0, 4)]);
}

START_TEST (test_lists_image_trie_search)
{
    GRand *rand = g_rand_new_with_seed (8);
    GString *list_text = g_string_new (NULL);
    for (guint i = 0; i < 400; i++) {
        g_string_append (list_text, "1 offer ");
        for (gint32 words = g_rand_int_range (rand, 1, 4); words > 0; words--) {
            append_word (list_text, rand);
            g_string_append_c (list_text, words > 1 ? ' ' : '\n');
        }
    }
    /* a node with many children: "z" then each digit and letter */
    for (const char *c = "0123456789abcdefghijklmnopqrstuvwxyz_"; *c; c++)
        g_string_append_printf (list_text, "1 offer z%c\n", *c);
    GString *text = g_string_new (NULL);
    static const char *const separators[] = { " ", " ", " ", ", ", "-", "_", "z", "9" };
    for (guint i = 0; i < 3000; i++) {
        if (g_rand_int_range (rand, 0, 8) == 0)
            g_string_append_printf (text, "z%c", "05ajz_"[g_rand_int_range (rand, 0, 6)]);
        else
            append_word (text, rand);
        g_string_append (text, separators[g_rand_int_range (rand, 0, G_N_ELEMENTS (separators))]);
    }

    sl_wordlist *list = sl_wordlist_parse ("random", list_text->str, list_text->len, TRUE, NULL);
    ck_assert (list != NULL);
    guint32 *start;
    sl_phrase_ref *owners;
    sl_wordlist *all = sl_wordlist_union ((const sl_wordlist *const *) &list, 1, &start, &owners);
    GBytes *bytes = sl_lists_image_write ((const sl_wordlist *const *) &list, 1, all, start, owners);
    sl_lists_image image;
    ck_assert (sl_lists_image_read (bytes, &image));

    char *want = plain_search (list, text->str);
    ck_assert (strlen (want) > 10000 && strstr (want, ":z_\n") != NULL);
    const sl_wordlist *searched[] = { list, all, g_ptr_array_index (image.lists, 0), image.all };
    for (guint i = 0; i < G_N_ELEMENTS (searched); i++) {
        char *got = trie_search (searched[i], text->str);
        assert_same_lines (got, want);
        g_free (got);
    }
    g_free (want);
    sl_lists_image_clear (&image);
    g_bytes_unref (bytes);
    sl_wordlist_free (all);
    sl_wordlist_free (list);
    g_free (start);
    g_free (owners);
    g_string_free (text, TRUE);
    g_string_free (list_text, TRUE);
    g_rand_free (rand);
}
END_TEST

Suite *
lists_image_suite (void)
{
    Suite *s = suite_create ("lists-image");
    TCase *tc = tcase_create ("image");
    tcase_add_test (tc, test_lists_image_round_trip);
    tcase_add_test (tc, test_lists_image_refused);
    tcase_add_test (tc, test_lists_image_trie_search);
    suite_add_tcase (s, tc);
    return s;
}
