/* language.c: guess a draft's language from character n-gram
 * fingerprints, as libexttextcat does, but only among the languages a
 * draft is likely to be in: the five we have word lists for, and a few
 * others that must not be mistaken for them (Latin lorem ipsum, Dutch,
 * Portuguese, Japanese...). Reading 11 fingerprints instead of 160 keeps
 * start-up short, and they are read only when a draft needs a guess.
 */
#include "config.h"

#include "text/language.h"
#include "text/words.h"

#include <fingerprint.h>
#include <string.h>
#include <textcat_properties.h>

#define MIN_LETTERS 120       /* fewer letters: no reliable guess */
#define SAMPLE_BYTES 2048     /* enough text to tell languages apart */
#define MAX_NGRAMS 400

static const char *const languages[] = {
    "en", "fr", "de", "es", "it", "nl", "pt", "la", "ja", "ru", "zh-Hans", NULL
};

struct sl_language_guesser {
    char *datadir;
    GMutex lock;
    gboolean loaded;
    GPtrArray *prints;   /* fingerprint handles, in the order of languages[] */
    GPtrArray *names;
};

sl_language_guesser *
sl_language_guesser_new (const char *datadir)
{
    sl_language_guesser *guesser = g_new0 (sl_language_guesser, 1);
    guesser->datadir = g_strdup (datadir);
    g_mutex_init (&guesser->lock);
    guesser->prints = g_ptr_array_new_with_free_func (fp_Done);
    guesser->names = g_ptr_array_new ();
    return guesser;
}

void
sl_language_guesser_free (sl_language_guesser *guesser)
{
    if (guesser == NULL)
        return;
    g_ptr_array_free (guesser->prints, TRUE);
    g_ptr_array_free (guesser->names, TRUE);
    g_mutex_clear (&guesser->lock);
    g_free (guesser->datadir);
    g_free (guesser);
}

static void
load (sl_language_guesser *guesser)
{
    for (guint i = 0; languages[i]; i++) {
        char *file = g_strdup_printf ("%s/%s.lm", guesser->datadir, languages[i]);
        void *print = fp_Init (languages[i]);
        fp_SetProperty (print, TCPROP_UTF8AWARE, TC_TRUE);
        if (fp_Read (print, file, MAX_NGRAMS) == 0) {
            fp_Done (print);
        } else {
            g_ptr_array_add (guesser->prints, print);
            g_ptr_array_add (guesser->names, (gpointer) languages[i]);
        }
        g_free (file);
    }
    guesser->loaded = TRUE;
}

/* The text's words for the guess: white space runs folded (HTML layout
 * leaves many), URLs and addresses left out, cut at SAMPLE_BYTES; its
 * count of letters in *LETTERS. */
static GString *
make_sample (const char *text, gsize len, unsigned *letters)
{
    GString *sample = g_string_sized_new (MIN (len, SAMPLE_BYTES) + 8);
    *letters = 0;
    gsize i = 0;
    while (i < len && sample->len < SAMPLE_BYTES) {
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
            *letters += g_unichar_isalpha (g_utf8_get_char (p));
        if (sample->len > 0)
            g_string_append_c (sample, ' ');
        g_string_append_len (sample, text + i, (gssize) (end - i));
        i = end;
    }
    return sample;
}

static const char *
guess_sample (sl_language_guesser *guesser, const char *text, gsize len)
{
    g_mutex_lock (&guesser->lock);
    if (!guesser->loaded)
        load (guesser);
    g_mutex_unlock (&guesser->lock);
    if (guesser->prints->len == 0)
        return NULL;

    void *unknown = fp_Init ("draft");
    fp_SetProperty (unknown, TCPROP_UTF8AWARE, TC_TRUE);
    fp_SetProperty (unknown, TCPROP_MINIMUM_DOCUMENT_SIZE, 1);
    const char *best = NULL;
    if (fp_Create (unknown, text, (uint4) len, MAX_NGRAMS) != 0) {
        sint4 best_score = G_MAXINT32;
        for (guint i = 0; i < guesser->prints->len; i++) {
            sint4 score = fp_Compare (g_ptr_array_index (guesser->prints, i), unknown, best_score);
            if (score < best_score) {
                best_score = score;
                best = g_ptr_array_index (guesser->names, i);
            }
        }
    }
    fp_Done (unknown);
    return best;
}

const char *
sl_language_guess (sl_language_guesser *guesser, const char *text, gsize len)
{
    unsigned letters;
    GString *sample = make_sample (text, len, &letters);
    const char *best = NULL;
    if (letters >= MIN_LETTERS)
        best = guess_sample (guesser, sample->str, sample->len);
    g_string_free (sample, TRUE);
    return best;
}
