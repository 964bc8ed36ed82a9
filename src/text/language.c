/* language.c: guess a draft's language from character n-gram
 * fingerprints, as libexttextcat does, but only among the languages a
 * draft is likely to be in: the five we have word lists for, and a few
 * others that must not be mistaken for them (Latin lorem ipsum, Dutch,
 * Portuguese, Japanese...). Reading 11 fingerprints instead of 160 keeps
 * start-up short, and they are read only when a draft needs a guess.
 * The fingerprints and their distances are ngrams.c's: the same numbers as
 * libexttextcat's fp_Create and fp_Compare, for 3.5 times fewer
 * instructions; its fingerprint files are still the data.
 */
#include "config.h"

#include "text/language.h"
#include "text/ngrams.h"
#include "text/words.h"

#include <string.h>

#define MIN_LETTERS 120       /* fewer letters: no reliable guess */
#define SAMPLE_BYTES 2048     /* enough text to tell languages apart */

static const char *const languages[] = {
    "en", "fr", "de", "es", "it", "nl", "pt", "la", "ja", "ru", "zh-Hans",
};
#define N_LANGUAGES G_N_ELEMENTS (languages)
G_STATIC_ASSERT (N_LANGUAGES <= SL_NGRAM_MODELS_MAX);

struct sl_language_guesser {
    char *datadir;
    GMutex lock;
    gboolean loaded;
    sl_ngram_models *models;   /* in the order of languages[] */
};

sl_language_guesser *
sl_language_guesser_new (const char *datadir)
{
    sl_language_guesser *guesser = g_new0 (sl_language_guesser, 1);
    guesser->datadir = g_strdup (datadir);
    g_mutex_init (&guesser->lock);
    return guesser;
}

void
sl_language_guesser_free (sl_language_guesser *guesser)
{
    if (guesser == NULL)
        return;
    sl_ngram_models_free (guesser->models);
    g_mutex_clear (&guesser->lock);
    g_free (guesser->datadir);
    g_free (guesser);
}

static void
load (sl_language_guesser *guesser)
{
    char *paths[N_LANGUAGES];
    for (guint i = 0; i < N_LANGUAGES; i++)
        paths[i] = g_strdup_printf ("%s/%s.lm", guesser->datadir, languages[i]);
    guesser->models = sl_ngram_models_read ((const char *const *) paths, N_LANGUAGES);
    for (guint i = 0; i < N_LANGUAGES; i++)
        g_free (paths[i]);
    guesser->loaded = TRUE;
}

/* The text a guess is made on: in a buffer of our own, on the heap only
 * for a last token that takes it well past SAMPLE_BYTES. */
typedef struct {
    char *str;
    gsize len;
    gsize size;
    char fixed[SAMPLE_BYTES + 256];
} sample;

static void
sample_append (sample *s, const char *token, gsize n)
{
    gsize need = s->len + 1 + n + 1;
    if (need > s->size) {
        s->size = need;
        if (s->str == s->fixed) {
            s->str = g_malloc (need);
            memcpy (s->str, s->fixed, s->len);
        } else {
            s->str = g_realloc (s->str, need);
        }
    }
    if (s->len > 0)
        s->str[s->len++] = ' ';
    memcpy (s->str + s->len, token, n);
    s->len += n;
    s->str[s->len] = '\0';
}

/* Where the sample cuts the text: g_ascii_isspace () or NUL (the unit
 * tests compare the guess with one made on a sample cut by those). */
static const guint8 separator[256] = {
    [0x00] = 1, ['\t'] = 1, ['\n'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
};

/* Letters among the characters of S (N bytes of UTF-8). */
static unsigned
count_letters (const char *s, gsize n)
{
    unsigned letters = 0;
    for (const char *p = s; p < s + n;) {
        if ((guchar) *p < 0x80) {
            letters += g_ascii_isalpha (*p);
            p++;
        } else {
            letters += g_unichar_isalpha (g_utf8_get_char (p));
            p = g_utf8_next_char (p);
        }
    }
    return letters;
}

/* The first byte from P on that is not a separator (or END); runs of
 * spaces, HTML's indentation, 8 at a time. */
static const guchar *
skip_separators (const guchar *p, const guchar *end)
{
    const guint64 spaces = G_GUINT64_CONSTANT (0x2020202020202020);
    for (;;) {
        guint64 word;
        while (end - p >= 8 && (memcpy (&word, p, 8), word == spaces))
            p += 8;
        if (p == end || !separator[*p])
            return p;
        p++;
    }
}

/* The text's words for the guess: white space runs folded (HTML layout
 * leaves many), URLs and addresses left out, cut at SAMPLE_BYTES; whether
 * it has MIN_LETTERS letters in *ENOUGH_LETTERS. */
static void
make_sample (const char *text, gsize len, sample *s, gboolean *enough_letters)
{
    s->str = s->fixed;
    s->len = 0;
    s->size = sizeof s->fixed;
    s->str[0] = '\0';
    unsigned letters = 0;
    const guchar *p = (const guchar *) text, *end = p + len;
    while (p < end && s->len < SAMPLE_BYTES) {
        p = skip_separators (p, end);
        const guchar *token = p;
        while (p < end && !separator[*p])
            p++;
        gsize n = (gsize) (p - token);
        if (n == 0 || sl_token_is_address ((const char *) token, n))
            continue;
        if (letters < MIN_LETTERS)
            letters += count_letters ((const char *) token, n);
        sample_append (s, (const char *) token, n);
    }
    *enough_letters = letters >= MIN_LETTERS;
}

/* The language whose fingerprint is nearest the text's; of equal ones, the
 * first in languages[] (as the loop over fp_Compare with its cutoff did). */
static const char *
guess_sample (sl_language_guesser *guesser, const char *text, gsize len)
{
    g_mutex_lock (&guesser->lock);
    if (!guesser->loaded)
        load (guesser);
    g_mutex_unlock (&guesser->lock);

    guint32 distances[N_LANGUAGES];
    if (!sl_ngram_distances (guesser->models, text, len, distances))
        return NULL;
    const char *best = NULL;
    guint32 best_distance = G_MAXUINT32;
    for (guint i = 0; i < N_LANGUAGES; i++) {
        if (sl_ngram_models_has (guesser->models, i) && distances[i] < best_distance) {
            best_distance = distances[i];
            best = languages[i];
        }
    }
    return best;
}

const char *
sl_language_guess (sl_language_guesser *guesser, const char *text, gsize len)
{
    sample s;
    gboolean enough_letters;
    make_sample (text, len, &s, &enough_letters);
    const char *best = NULL;
    if (enough_letters)
        best = guess_sample (guesser, s.str, s.len);
    if (s.str != s.fixed)
        g_free (s.str);
    return best;
}
