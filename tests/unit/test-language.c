/* test-language.c: the language guess (language.c) and the n-gram
 * fingerprints behind it (ngrams.c), which must give exactly the numbers
 * of libexttextcat, the library they replace: the guess for a paragraph
 * in each language and the cases that get none; then, against
 * libexttextcat itself, fingerprints and distances on texts of every kind
 * (scripts, invalid UTF-8, punctuation, digits, ties), fingerprint files
 * with odd lines, and the whole guess against the one libexttextcat made
 * on the same sample. */
#include "config.h"

#include <fingerprint.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <textcat_properties.h>

#include "suites.h"
#include "text/language.h"
#include "text/ngrams.h"
#include "text/words.h"

static const char *const languages[] = {
    "en", "fr", "de", "es", "it", "nl", "pt", "la", "ja", "ru", "zh-Hans",
};
#define N_LANGUAGES G_N_ELEMENTS (languages)

/* A paragraph in each language (a shipping notice, and lorem ipsum). */
static const struct {
    const char *language;
    const char *text;
} paragraphs[] = {
    { "en", "Thank you for your order. Your parcel will leave our warehouse tomorrow morning "
            "and should reach you within three working days. If anything is missing, simply "
            "reply to this message and our team will be glad to help you." },
    { "fr", "Merci pour votre commande. Votre colis quittera notre entrepôt demain matin et "
            "devrait vous parvenir sous trois jours ouvrés. S'il manque quelque chose, "
            "répondez simplement à ce message et notre équipe se fera un plaisir de vous "
            "aider." },
    { "de", "Vielen Dank für Ihre Bestellung. Ihr Paket verlässt morgen früh unser Lager und "
            "sollte innerhalb von drei Werktagen bei Ihnen ankommen. Falls etwas fehlt, "
            "antworten Sie einfach auf diese Nachricht, unser Team hilft Ihnen gerne weiter." },
    { "es", "Gracias por su pedido. Su paquete saldrá de nuestro almacén mañana por la mañana "
            "y debería llegar en un plazo de tres días laborables. Si falta algo, simplemente "
            "responda a este mensaje y nuestro equipo estará encantado de ayudarle." },
    { "it", "Grazie per il suo ordine. Il pacco lascerà il nostro magazzino domani mattina e "
            "dovrebbe arrivare entro tre giorni lavorativi. Se manca qualcosa, risponda "
            "semplicemente a questo messaggio e il nostro team sarà lieto di aiutarla." },
    { "nl", "Bedankt voor uw bestelling. Uw pakket verlaat morgenochtend ons magazijn en zou "
            "binnen drie werkdagen bij u moeten zijn. Als er iets ontbreekt, beantwoord dan "
            "gewoon dit bericht en ons team helpt u graag verder." },
    { "pt", "Obrigado pela sua encomenda. O seu pacote sairá do nosso armazém amanhã de manhã "
            "e deverá chegar dentro de três dias úteis. Se faltar alguma coisa, basta "
            "responder a esta mensagem e a nossa equipa terá todo o gosto em ajudá-lo." },
    { "la", "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
            "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis "
            "nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat." },
    { "ru", "Спасибо за ваш заказ. Ваша посылка покинет наш склад завтра утром и должна "
            "прибыть в течение трёх рабочих дней. Если чего-то не хватает, просто ответьте на "
            "это сообщение, и наша команда с радостью вам поможет." },
    { "ja", "ご注文ありがとうございます。お荷物は明日の朝に倉庫を出発し、三営業日以内にお届け"
            "する予定です。何か不足している場合は、このメッセージに返信してください。担当者が"
            "すぐに対応いたします。今後ともどうぞよろしくお願い申し上げます。またのご利用を"
            "心よりお待ちしております。" },
    { "zh-Hans", "感谢您的订购。您的包裹将于明天早上从我们的仓库发出，预计在三个工作日内送达。"
                 "如有任何遗漏，请直接回复此邮件，我们的团队将竭诚为您服务。我们期待您的再次"
                 "光临，并祝您生活愉快。如果您对我们的产品有任何疑问，欢迎随时与客服联系。"
                 "我们的客服人员每天早上九点到晚上六点在线，节假日也不休息。" },
};

/* Texts of every kind for the comparisons with libexttextcat: where
 * fingerprints go wrong, if they do (NUL-terminated; lengths by strlen). */
static const char *const odd_texts[] = {
    "a", "_", "__", "1", " ", "   ", "12345 678", "!!!", "...", ",,,,,,,,,,,,,,,,,,,,",
    "_a_", "a_b", "a__b", "-_-_-_-_-", "a b c d e f g", "ab12cd", " a ", "a ", " a",
    "é", "€", "中", "😀", "\xc3", "\xe2\x82", "\xf0\x9f\x98", "\xff", "\xfe\xfe", "\xc3 ",
    "\xe2\x82 ", "ab\xc3", "x\xf0\x9f", "\xc3\xa9\xc3", "\xc3_\xc3_", "\xe2 a",
    "\x80\x80\x80 \xbf\xbf", "\xc0\xc1\xf8\xfc\xfe\xff", "\x01\x02\x1f\x7f \x1b[0m",
    "tab\tvertical\vform\fcarriage\rnew\nline",
    "\xc2\xa0non\xc2\xa0" "breaking\xe3\x80\x80" "spaces",
    "ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "WWW.EXAMPLE.COM https://example.com/path?q=1&r=2 mail@example.org",
    "Ünïcödé wörds wïth dïäcrïtïcs, ΕΛΛΗΝΙΚΆ γράμματα, עברית, العربية, हिन्दी, ไทย, 한국어",
};

/* --- libexttextcat, for reference ------------------------------------------- */

typedef struct {
    void *prints[N_LANGUAGES];
    gboolean read[N_LANGUAGES];
} reference;

static void
reference_read (reference *ref, const char *const *paths, guint n)
{
    for (guint i = 0; i < n; i++) {
        ref->prints[i] = fp_Init ("language");
        fp_SetProperty (ref->prints[i], TCPROP_UTF8AWARE, TC_TRUE);
        /* fp_Read fails on a file it cannot open, and says so on stderr */
        ref->read[i] = g_file_test (paths[i], G_FILE_TEST_EXISTS)
                       && fp_Read (ref->prints[i], paths[i], 400) != 0;
    }
}

static void
reference_clear (reference *ref, guint n)
{
    for (guint i = 0; i < n; i++)
        fp_Done (ref->prints[i]);
}

/* TEXT's fingerprint by fp_Create, or NULL. */
static void *
reference_fingerprint (const char *text, gsize len)
{
    void *print = fp_Init ("text");
    fp_SetProperty (print, TCPROP_UTF8AWARE, TC_TRUE);
    fp_SetProperty (print, TCPROP_MINIMUM_DOCUMENT_SIZE, 1);
    if (fp_Create (print, text, (uint4) len, 400) == 0) {
        fp_Done (print);
        return NULL;
    }
    return print;
}

/* The fingerprint as fp_Print writes it: one n-gram a line, by rank. */
static char *
reference_print (void *print)
{
    char *out = NULL;
    size_t size = 0;
    FILE *f = open_memstream (&out, &size);
    fp_Print (print, f);
    fclose (f);
    return out;
}

static char *
join_lines (const GPtrArray *ngrams)
{
    GString *s = g_string_new (NULL);
    for (guint i = 0; i < ngrams->len; i++) {
        g_string_append (s, g_ptr_array_index (ngrams, i));
        g_string_append_c (s, '\n');
    }
    return g_string_free (s, FALSE);
}

static char *
printable (const char *text, gsize len)
{
    char *start = g_strndup (text, MIN (len, 60));
    char *shown = g_strescape (start, NULL);
    g_free (start);
    return shown;
}

/* TEXT (LEN bytes and a NUL): the same fingerprint, the same distance to
 * each of the N models, the same best model (the first of the smallest,
 * as the loop with fp_Compare's cutoff picks it). */
static void
assert_same_as_libexttextcat (sl_ngram_models *models, const reference *ref, guint n,
                              const char *text, gsize len)
{
    char *shown = printable (text, len);
    void *print = reference_fingerprint (text, len);
    GPtrArray *ngrams = sl_ngram_fingerprint (models, text, len);
    guint32 distances[SL_NGRAM_MODELS_MAX];
    gboolean made = sl_ngram_distances (models, text, len, distances);
    ck_assert_msg ((print != NULL) == (ngrams != NULL) && (ngrams != NULL) == made,
                   "\"%s\": fingerprint made by libexttextcat %d, by us %d", shown,
                   print != NULL, ngrams != NULL);
    if (print != NULL) {
        char *expected = reference_print (print);
        char *got = join_lines (ngrams);
        ck_assert_msg (strcmp (expected, got) == 0, "\"%s\": other fingerprint", shown);
        g_free (got);
        free (expected);
        sint4 best_score = INT_MAX;
        int best = -1, our_best = -1;
        for (guint i = 0; i < n; i++) {
            if (!ref->read[i]) {
                ck_assert_uint_eq (distances[i], G_MAXUINT32);
                continue;
            }
            sint4 full = fp_Compare (ref->prints[i], print, INT_MAX);
            ck_assert_msg ((guint32) full == distances[i], "\"%s\", model %u: distance %u, "
                           "libexttextcat's %d", shown, i, distances[i], full);
            sint4 score = fp_Compare (ref->prints[i], print, best_score);
            if (score < best_score) {
                best_score = score;
                best = (int) i;
            }
            if (our_best < 0 || distances[i] < distances[our_best])
                our_best = (int) i;
        }
        ck_assert_int_eq (best, our_best);
        fp_Done (print);
        g_ptr_array_free (ngrams, TRUE);
    }
    g_free (shown);
}

static char **
language_paths (void)
{
    char **paths = g_new0 (char *, N_LANGUAGES + 1);
    for (guint i = 0; i < N_LANGUAGES; i++)
        paths[i] = g_strdup_printf ("%s/%s.lm", TEXTCAT_DATADIR, languages[i]);
    return paths;
}

/* The guess as language.c made it with libexttextcat: the sample (tokens
 * between ASCII white space or NULs, addresses left out, up to 2048
 * bytes, 120 letters at least), then fp_Create and the loop over
 * fp_Compare with its cutoff. */
static const char *
reference_guess (const reference *ref, const char *text, gsize len)
{
    GString *sample = g_string_new (NULL);
    unsigned letters = 0;
    gsize i = 0;
    while (i < len && sample->len < 2048) {
        while (i < len && (g_ascii_isspace (text[i]) || text[i] == '\0'))
            i++;
        gsize end = i;
        while (end < len && !g_ascii_isspace (text[end]) && text[end] != '\0')
            end++;
        if (end == i || sl_token_is_address (text + i, end - i)) {
            i = end;
            continue;
        }
        for (const char *p = text + i; p < text + end; p = g_utf8_next_char (p))
            letters += g_unichar_isalpha (g_utf8_get_char (p));
        if (sample->len > 0)
            g_string_append_c (sample, ' ');
        g_string_append_len (sample, text + i, (gssize) (end - i));
        i = end;
    }
    const char *best = NULL;
    void *print = letters >= 120 ? reference_fingerprint (sample->str, sample->len) : NULL;
    if (print != NULL) {
        sint4 best_score = INT_MAX;
        for (guint k = 0; k < N_LANGUAGES; k++) {
            sint4 score = fp_Compare (ref->prints[k], print, best_score);
            if (score < best_score) {
                best_score = score;
                best = languages[k];
            }
        }
        fp_Done (print);
    }
    g_string_free (sample, TRUE);
    return best;
}

/* --- the guess --------------------------------------------------------------- */

START_TEST (test_guess_each_language)
{
    sl_language_guesser *guesser = sl_language_guesser_new (TEXTCAT_DATADIR);
    for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++) {
        const char *text = paragraphs[i].text;
        const char *guess = sl_language_guess (guesser, text, strlen (text));
        ck_assert_msg (g_strcmp0 (guess, paragraphs[i].language) == 0,
                       "expected %s, guessed %s", paragraphs[i].language, guess);
    }
    sl_language_guesser_free (guesser);
}
END_TEST

START_TEST (test_guess_needs_letters)
{
    sl_language_guesser *guesser = sl_language_guesser_new (TEXTCAT_DATADIR);
    /* short, digits and punctuation, addresses only: no guess */
    static const char *const none[] = {
        "",
        "Thank you for your order.",
        "0123456789 42 2024-11-26 +33 1 23 45 67 89 !!! ??? ... --- *** ### %%% &&& $$$ "
        "0123456789 42 2024-11-26 +33 1 23 45 67 89 !!! ??? ... --- *** ### %%% &&& $$$",
        "https://www.example.com/a/very/long/path/with/many/letters/in/it/to/count "
        "www.another-example.org/and/another/long/path/full/of/letters/that/are/not/words "
        "someone.with.a.long.name@example.com another.person.with.a.name@example.org",
    };
    for (guint i = 0; i < G_N_ELEMENTS (none); i++)
        ck_assert_ptr_null (sl_language_guess (guesser, none[i], strlen (none[i])));
    /* 119 letters and no more: none; 120: a guess */
    GString *text = g_string_new (NULL);
    for (int i = 0; i < 17; i++)
        g_string_append (text, "hello, ");
    ck_assert_uint_eq (text->len, 17 * 7);
    g_string_truncate (text, text->len - 2);   /* 17 words of 5 letters: 85 */
    g_string_append (text, " wonderful world, said the gardener"); /* + 29 = 114 */
    g_string_append (text, " again");   /* 119 */
    ck_assert_ptr_null (sl_language_guess (guesser, text->str, text->len));
    g_string_append (text, "s");   /* 120 */
    ck_assert_ptr_nonnull (sl_language_guess (guesser, text->str, text->len));
    g_string_free (text, TRUE);
    sl_language_guesser_free (guesser);
}
END_TEST

START_TEST (test_guess_missing_data)
{
    sl_language_guesser *guesser = sl_language_guesser_new ("/nonexistent");
    const char *text = paragraphs[0].text;
    ck_assert_ptr_null (sl_language_guess (guesser, text, strlen (text)));
    sl_language_guesser_free (guesser);
}
END_TEST

/* The whole guess against libexttextcat's on the same sample: white space
 * of every kind, NUL bytes, addresses, a sample cut past 2048 bytes. */
START_TEST (test_guess_same_as_libexttextcat)
{
    char **paths = language_paths ();
    reference ref;
    reference_read (&ref, (const char *const *) paths, N_LANGUAGES);
    sl_language_guesser *guesser = sl_language_guesser_new (TEXTCAT_DATADIR);
    GRand *rand = g_rand_new_with_seed (8);
    static const char *const spaces[] = { " ", "\n", "\t", "\r\n", "\f", "\v", "  \n\t  ", "\0",
                                          "                ", " 42 ", " https://example.com/x ",
                                          " a@example.com ", " www.example.com ", "\xc2\xa0" };
    for (int round = 0; round < 200; round++) {
        GString *text = g_string_new (NULL);
        gsize target = (gsize) g_rand_int_range (rand, 50, 6000);
        while (text->len < target) {
            gint32 choice = g_rand_int_range (rand, 0, round % 3 == 0 ? 11 : 3);
            const char *paragraph = paragraphs[choice].text;
            /* a few words of it */
            gsize from = (gsize) g_rand_int_range (rand, 0, (gint32) strlen (paragraph));
            /* not inside MIN, which would draw twice */
            gsize words = (gsize) g_rand_int_range (rand, 1, 40);
            gsize n = MIN (words, strlen (paragraph) - from);
            g_string_append_len (text, paragraph + from, (gssize) n);
            const char *space = spaces[g_rand_int_range (rand, 0, G_N_ELEMENTS (spaces))];
            g_string_append_len (text, space, space[0] ? (gssize) strlen (space) : 1);
        }
        const char *expected = reference_guess (&ref, text->str, text->len);
        const char *got = sl_language_guess (guesser, text->str, text->len);
        ck_assert_msg (g_strcmp0 (expected, got) == 0, "round %d: libexttextcat %s, we %s",
                       round, expected, got);
        g_string_free (text, TRUE);
    }
    g_rand_free (rand);
    sl_language_guesser_free (guesser);
    reference_clear (&ref, N_LANGUAGES);
    g_strfreev (paths);
}
END_TEST

/* --- the fingerprints and distances ------------------------------------------- */

START_TEST (test_ngrams_same_as_libexttextcat)
{
    char **paths = language_paths ();
    reference ref;
    reference_read (&ref, (const char *const *) paths, N_LANGUAGES);
    sl_ngram_models *models = sl_ngram_models_read ((const char *const *) paths, N_LANGUAGES);
    for (guint i = 0; i < N_LANGUAGES; i++)
        ck_assert (sl_ngram_models_has (models, i));
    for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++) {
        const char *text = paragraphs[i].text;
        for (gsize len = 1; len < 40; len += 3) {   /* cut anywhere, in a character too */
            char *cut = g_strndup (text, len);
            assert_same_as_libexttextcat (models, &ref, N_LANGUAGES, cut, len);
            g_free (cut);
        }
        assert_same_as_libexttextcat (models, &ref, N_LANGUAGES, text, strlen (text));
    }
    for (guint i = 0; i < G_N_ELEMENTS (odd_texts); i++)
        assert_same_as_libexttextcat (models, &ref, N_LANGUAGES, odd_texts[i],
                                      strlen (odd_texts[i]));
    /* an interior NUL ends the text, as in fp_Create */
    assert_same_as_libexttextcat (models, &ref, N_LANGUAGES, "abc\0def", 7);

    /* many ties: more than 400 n-grams seen once or twice */
    GString *text = g_string_new (NULL);
    for (int k = 0; k < 900; k++)
        g_string_append_printf (text, "%c%c%c ", 'a' + k % 26, 'a' + (k / 26) % 26, 'a' + k % 7);
    assert_same_as_libexttextcat (models, &ref, N_LANGUAGES, text->str, text->len);

    /* ties of every count, and long texts (their n-grams are counted 4,096
     * starts at a time): random words from a few of the paragraphs' */
    GPtrArray *vocabulary = g_ptr_array_new_with_free_func (g_free);
    for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++) {
        char **words = g_strsplit (paragraphs[i].text, " ", -1);
        for (char **word = words; *word != NULL; word++)
            g_ptr_array_add (vocabulary, g_strdup (*word));
        g_strfreev (words);
    }
    GRand *words_rand = g_rand_new_with_seed (8);
    for (int round = 0; round < 24; round++) {
        g_string_truncate (text, 0);
        gint32 known = g_rand_int_range (words_rand, 2, (gint32) vocabulary->len);
        gsize target = (gsize) g_rand_int_range (words_rand, 100, round % 4 == 0 ? 30000 : 3000);
        while (text->len < target) {
            g_string_append (text, g_ptr_array_index (vocabulary,
                                                      g_rand_int_range (words_rand, 0, known)));
            g_string_append_c (text, ' ');
        }
        assert_same_as_libexttextcat (models, &ref, N_LANGUAGES, text->str, text->len);
    }
    g_rand_free (words_rand);
    g_ptr_array_free (vocabulary, TRUE);

    /* random bytes, and random mixes of pieces of every script */
    GRand *rand = g_rand_new_with_seed (42);
    for (int round = 0; round < 300; round++) {
        g_string_truncate (text, 0);
        gsize target = (gsize) g_rand_int_range (rand, 1, round % 2 ? 80 : 3000);
        while (text->len < target) {
            if (round % 5 == 0) {
                g_string_append_c (text, (char) g_rand_int_range (rand, 1, 256));
            } else {
                gint32 choice = g_rand_int_range (rand, 0, G_N_ELEMENTS (odd_texts));
                const char *source = g_rand_boolean (rand)
                                         ? paragraphs[g_rand_int_range (rand, 0, 11)].text
                                         : odd_texts[choice];
                gsize from = (gsize) g_rand_int_range (rand, 0, (gint32) strlen (source));
                g_string_append_len (text, source + from,
                                     (gssize) MIN (strlen (source) - from, 12));
            }
        }
        assert_same_as_libexttextcat (models, &ref, N_LANGUAGES, text->str, text->len);
    }
    g_rand_free (rand);
    g_string_free (text, TRUE);
    sl_ngram_models_free (models);
    reference_clear (&ref, N_LANGUAGES);
    g_strfreev (paths);
}
END_TEST

/* Fingerprint files with odd lines read as fp_Read reads them: white space
 * around, CR LF, a count after a tab or a space, lines too long (skipped,
 * without a rank), repeated n-grams, empty lines, a line of over 1023
 * bytes (fgets cuts it), more than 400 lines; a missing file, and a
 * directory. */
START_TEST (test_models_read_as_libexttextcat)
{
    char *dir = g_dir_make_tmp ("spamlint-ngrams-XXXXXX", NULL);
    ck_assert_ptr_nonnull (dir);
    GString *odd = g_string_new (NULL);
    g_string_append (odd, "_\t 20326\n  e\t 6617  \r\nt 4843\n\n   \nthe_\t1\n");
    g_string_append (odd, "abcdefghijklmnopqrstuvwxyz\t3\nthe_\t2\nand\r\n\xc3\xa9t\t9\n");
    g_string_append (odd, "tion\nla_ 4\n_de\n");
    for (int i = 0; i < 1100; i++)
        g_string_append_c (odd, 'x');
    g_string_append (odd, "\nin\nen\n\xe3\x80\x80\n");
    for (int i = 0; i < 500; i++)
        g_string_append_printf (odd, "%c%c\t%d\n", 'a' + i % 26, 'a' + (i / 26) % 26, 500 - i);
    char *paths[4] = {
        g_build_filename (dir, "odd.lm", NULL),
        g_build_filename (dir, "missing.lm", NULL),
        g_strdup_printf ("%s/fr.lm", TEXTCAT_DATADIR),
        g_strdup (dir),   /* fp_Read opens it, and reads no n-gram */
    };
    ck_assert (g_file_set_contents (paths[0], odd->str, (gssize) odd->len, NULL));
    reference ref;
    reference_read (&ref, (const char *const *) paths, 4);
    sl_ngram_models *models = sl_ngram_models_read ((const char *const *) paths, 4);
    for (guint i = 0; i < 4; i++)
        ck_assert_msg (sl_ngram_models_has (models, i) == ref.read[i], "model %u", i);
    ck_assert (!sl_ngram_models_has (models, 1));
    for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
        assert_same_as_libexttextcat (models, &ref, 4, paragraphs[i].text,
                                      strlen (paragraphs[i].text));
    const char *the = "the the the and tion la de in en et the xxxxxxxxxxxxxxxx ab ba cd";
    assert_same_as_libexttextcat (models, &ref, 4, the, strlen (the));
    sl_ngram_models_free (models);
    reference_clear (&ref, 4);
    g_unlink (paths[0]);
    g_rmdir (dir);
    for (int i = 0; i < 4; i++)
        g_free (paths[i]);
    g_free (dir);
    g_string_free (odd, TRUE);
}
END_TEST

/* The models and their work buffers are shared by threads (-j). */
static gpointer
guess_in_thread (gpointer data)
{
    sl_language_guesser *guesser = data;
    for (int round = 0; round < 20; round++)
        for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++) {
            const char *guess = sl_language_guess (guesser, paragraphs[i].text,
                                                   strlen (paragraphs[i].text));
            if (g_strcmp0 (guess, paragraphs[i].language) != 0)
                return GINT_TO_POINTER (1);
        }
    return NULL;
}

START_TEST (test_guess_in_threads)
{
    sl_language_guesser *guesser = sl_language_guesser_new (TEXTCAT_DATADIR);
    GThread *threads[4];
    for (int i = 0; i < 4; i++)
        threads[i] = g_thread_new ("guess", guess_in_thread, guesser);
    for (int i = 0; i < 4; i++)
        ck_assert_ptr_null (g_thread_join (threads[i]));
    sl_language_guesser_free (guesser);
}
END_TEST

Suite *
language_suite (void)
{
    Suite *suite = suite_create ("language");
    TCase *guess = tcase_create ("guess");
    tcase_add_test (guess, test_guess_each_language);
    tcase_add_test (guess, test_guess_needs_letters);
    tcase_add_test (guess, test_guess_missing_data);
    tcase_add_test (guess, test_guess_same_as_libexttextcat);
    tcase_add_test (guess, test_guess_in_threads);
    suite_add_tcase (suite, guess);
    TCase *ngrams = tcase_create ("ngrams");
    tcase_add_test (ngrams, test_ngrams_same_as_libexttextcat);
    tcase_add_test (ngrams, test_models_read_as_libexttextcat);
    suite_add_tcase (suite, ngrams);
    return suite;
}
