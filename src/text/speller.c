/* speller.c: a thin, thread-safe layer over Enchant. A dictionary takes
 * tens of milliseconds to load, so it is loaded only when a draft in its
 * language is checked, and only for a word that is not in the language's
 * list of words the dictionary accepts (text/spelllist.c, made at build
 * time: a correct draft then loads no dictionary at all); and a word is
 * looked up once per process (the same words come back in every draft of a
 * folder). Built without Enchant (./configure --without-spelling), every
 * language has no dictionary.
 *
 * enchant_dict_check() stats the user's word lists (TAG.dic, words added,
 * and TAG.exc, words removed) on every call, to re-read them when they
 * change. When both are empty as the dictionary is loaded, a word is put
 * to the provider's own check function instead: the same answer, no stat.
 */
#include "config.h"

#include "text/speller.h"
#include "text/spelllist.h"

#include <string.h>
#ifdef HAVE_ENCHANT
#include <errno.h>
#include <enchant-provider.h>
#include <enchant.h>
#include <glib/gstdio.h>
#endif

static const struct { const char *language; const char *tag; const char *package; } dictionaries[] = {
    { "en", "en_US", "hunspell-en-us" },
    { "fr", "fr_FR", "hunspell-fr" },
    { "de", "de_DE", "hunspell-de-de" },
    { "es", "es_ES", "hunspell-es" },
    { "it", "it_IT", "hunspell-it" },
};

#define CACHE_MAX_WORDS 200000

#ifdef HAVE_ENCHANT
/* A language's answers: open addressing on the word's bytes, so that a
 * lookup (700 000 over the SpamAssassin corpus, 95 % of them answered
 * here) hashes once and copies nothing. */
typedef struct cached_answer {
    char *word; /* NULL: a free slot */
    guint32 hash;
    guint32 len;
    sl_spell_answer answer;
} cached_answer;

typedef struct answer_cache {
    cached_answer *slots;
    guint32 mask; /* slots - 1, a power of two less one */
    guint32 used;
} answer_cache;
#endif

struct sl_speller {
    GMutex lock;
#ifdef HAVE_ENCHANT
    EnchantBroker *broker;
    EnchantDict *dicts[G_N_ELEMENTS (dictionaries)];
    answer_cache cache[G_N_ELEMENTS (dictionaries)];
    gboolean direct[G_N_ELEMENTS (dictionaries)]; /* no user word lists: ask the provider */
#endif
    gboolean tried[G_N_ELEMENTS (dictionaries)];
    char *list_dir; /* NULL until a list is wanted */
    sl_spelllist *lists[G_N_ELEMENTS (dictionaries)];
    gboolean lists_tried[G_N_ELEMENTS (dictionaries)];
};

static int
language_index (const char *language)
{
    for (guint i = 0; language && i < G_N_ELEMENTS (dictionaries); i++)
        if (strcmp (dictionaries[i].language, language) == 0)
            return (int) i;
    return -1;
}

#ifdef HAVE_ENCHANT
/* FNV-1a */
static guint32
word_hash (const char *word, gsize len)
{
    guint32 h = 2166136261u;
    for (gsize k = 0; k < len; k++)
        h = (h ^ (guchar) word[k]) * 16777619u;
    return h;
}

/* The slot of WORD: its own, or the free one where it would go. */
static cached_answer *
cache_slot (const answer_cache *cache, const char *word, gsize len, guint32 hash)
{
    for (guint32 k = hash & cache->mask;; k = (k + 1) & cache->mask) {
        cached_answer *slot = &cache->slots[k];
        if (slot->word == NULL
            || (slot->hash == hash && slot->len == len && memcmp (slot->word, word, len) == 0))
            return slot;
    }
}

/* Room for one more word, the table kept at most half full. */
static void
cache_reserve (answer_cache *cache)
{
    guint32 size = cache->slots ? cache->mask + 1 : 0;
    if (2 * (cache->used + 1) <= size)
        return;
    answer_cache bigger = { g_new0 (cached_answer, size ? 2 * size : 1024), size ? 2 * size - 1 : 1023,
                            cache->used };
    for (guint32 k = 0; k < size; k++)
        if (cache->slots[k].word)
            *cache_slot (&bigger, cache->slots[k].word, cache->slots[k].len,
                         cache->slots[k].hash) = cache->slots[k];
    g_free (cache->slots);
    *cache = bigger;
}

static void
cache_clear (answer_cache *cache)
{
    for (guint32 k = 0; cache->slots && k <= cache->mask; k++)
        g_free (cache->slots[k].word);
    g_free (cache->slots);
}
#endif

const char *
sl_speller_package (const char *language)
{
    int i = language_index (language);
    return i < 0 ? "hunspell" : dictionaries[i].package;
}

sl_speller *
sl_speller_new (void)
{
    sl_speller *speller = g_new0 (sl_speller, 1);
    g_mutex_init (&speller->lock);
    return speller;
}

void
sl_speller_free (sl_speller *speller)
{
    if (speller == NULL)
        return;
#ifdef HAVE_ENCHANT
    for (guint i = 0; i < G_N_ELEMENTS (dictionaries); i++) {
        if (speller->dicts[i])
            enchant_broker_free_dict (speller->broker, speller->dicts[i]);
        cache_clear (&speller->cache[i]);
    }
    if (speller->broker)
        enchant_broker_free (speller->broker);
#endif
    for (guint i = 0; i < G_N_ELEMENTS (dictionaries); i++)
        sl_spelllist_free (speller->lists[i]);
    g_free (speller->list_dir);
    g_mutex_clear (&speller->lock);
    g_free (speller);
}

#ifdef HAVE_ENCHANT
/* The list of accepted words of language I, opened on first use (NULL when
 * there is none or it is stale); lock held. */
static const sl_spelllist *
accepted_words (sl_speller *speller, int i)
{
    if (!speller->lists_tried[i]) {
        speller->lists_tried[i] = TRUE;
        if (speller->list_dir == NULL)
            speller->list_dir = sl_spelllist_dir ();
        speller->lists[i] = sl_spelllist_open (speller->list_dir, dictionaries[i].tag);
    }
    return speller->lists[i];
}

static void
describe_tag (const char *tag, const char *provider, const char *description, const char *file,
              void *data)
{
    (void) provider;
    (void) description;
    (void) file;
    *(char **) data = g_strdup (tag);
}

/* Whether the file NAME of DIR is absent or empty. */
static gboolean
empty_file (const char *dir, const char *name)
{
    char *path = g_build_filename (dir, name, NULL);
    GStatBuf st;
    gboolean empty = g_stat (path, &st) == 0 ? st.st_size == 0 : errno == ENOENT;
    g_free (path);
    return empty;
}

/* Whether the user's lists of words added to and removed from DICT are
 * absent or empty, where Enchant keeps them: its user configuration
 * directory ($ENCHANT_CONFIG_DIR), named after the tag it loaded. */
static gboolean
user_lists_empty (EnchantDict *dict)
{
    char *tag = NULL;
    enchant_dict_describe (dict, describe_tag, &tag);
    char *config = enchant_get_user_config_dir ();
    gboolean empty = FALSE;
    if (tag && config) {
        char *added = g_strconcat (tag, ".dic", NULL);
        char *removed = g_strconcat (tag, ".exc", NULL);
        empty = empty_file (config, added) && empty_file (config, removed);
        g_free (removed);
        g_free (added);
    }
    g_free (config);
    g_free (tag);
    return empty;
}

/* The dictionary of language I, loaded on first use; lock held. Once it
 * is loaded it answers everything: the list is let go, so that its pages
 * and the dictionary are not both in memory. */
static EnchantDict *
dictionary (sl_speller *speller, int i)
{
    if (!speller->tried[i]) {
        speller->tried[i] = TRUE;
        sl_spelllist_free (speller->lists[i]);
        speller->lists[i] = NULL;
        if (speller->broker == NULL)
            speller->broker = enchant_broker_init ();
        if (speller->broker && enchant_broker_dict_exists (speller->broker, dictionaries[i].tag))
            speller->dicts[i] = enchant_broker_request_dict (speller->broker, dictionaries[i].tag);
        speller->direct[i] = speller->dicts[i] && speller->dicts[i]->check
                             && user_lists_empty (speller->dicts[i]);
    }
    return speller->dicts[i];
}

/* The dictionary's answer about WORD, as enchant_dict_check() gives it:
 * that refuses an empty word or invalid UTF-8, so those still go to it. */
static sl_spell_answer
ask_dictionary (sl_speller *speller, int i, const char *word, gsize len)
{
    EnchantDict *dict = speller->dicts[i];
    int wrong = speller->direct[i] && len > 0 && g_utf8_validate (word, (gssize) len, NULL)
                    ? dict->check (dict, word, len)
                    : enchant_dict_check (dict, word, (ssize_t) len);
    return wrong == 0 ? SL_SPELL_OK : SL_SPELL_WRONG;
}
#endif

sl_spell_answer
sl_speller_check (sl_speller *speller, const char *language, const char *word, gsize len)
{
    int i = language_index (language);
    if (i < 0)
        return SL_SPELL_NO_DICTIONARY;
#ifdef HAVE_ENCHANT
    guint32 hash = word_hash (word, len);
    g_mutex_lock (&speller->lock);
    answer_cache *cache = &speller->cache[i];
    cached_answer *cached = cache->slots ? cache_slot (cache, word, len, hash) : NULL;
    sl_spell_answer answer;
    if (cached && cached->word) {
        answer = cached->answer;
    } else {
        if (sl_spelllist_accepts (accepted_words (speller, i), word, len))
            answer = SL_SPELL_OK; /* hunspell's own answer, made at build time */
        else if (dictionary (speller, i) == NULL)
            answer = SL_SPELL_NO_DICTIONARY;
        else
            answer = ask_dictionary (speller, i, word, len);
        if (cache->used < CACHE_MAX_WORDS) {
            cache_reserve (cache);
            cached = cache_slot (cache, word, len, hash);
            char *copy = g_malloc (len + 1);
            memcpy (copy, word, len);
            copy[len] = '\0';
            *cached = (cached_answer) { copy, hash, (guint32) len, answer };
            cache->used++;
        }
    }
    g_mutex_unlock (&speller->lock);
    return answer;
#else
    (void) speller;
    (void) word;
    (void) len;
    return SL_SPELL_NO_DICTIONARY;
#endif
}

char *
sl_speller_suggest (sl_speller *speller, const char *language, const char *word, gsize len)
{
    char *best = NULL;
#ifdef HAVE_ENCHANT
    int i = language_index (language);
    if (i < 0)
        return NULL;
    g_mutex_lock (&speller->lock);
    EnchantDict *dict = dictionary (speller, i);
    if (dict != NULL) {
        size_t n = 0;
        char **suggestions = enchant_dict_suggest (dict, word, (ssize_t) len, &n);
        if (suggestions && n > 0)
            best = g_strdup (suggestions[0]);
        if (suggestions)
            enchant_dict_free_string_list (dict, suggestions);
    }
    g_mutex_unlock (&speller->lock);
#else
    (void) speller;
    (void) language;
    (void) word;
    (void) len;
#endif
    return best;
}
