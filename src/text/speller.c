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

/* One language's state. Each language has its own lock, so that threads
 * checking drafts of different languages do not wait on each other, and a
 * dictionary loads outside it: the words of the list are still answered
 * while it loads. */
typedef struct language_state {
    GMutex lock;      /* the answers, the list, the dictionary's use */
    GMutex loading;   /* held while the dictionary loads */
#ifdef HAVE_ENCHANT
    EnchantDict *dict;
    answer_cache cache;
    gboolean direct; /* no user word lists: ask the provider */
#endif
    gboolean tried;  /* the dictionary was asked for */
    sl_spelllist *list;
    gboolean list_tried;
} language_state;

struct sl_speller {
    GMutex lock; /* the broker and the list directory */
#ifdef HAVE_ENCHANT
    EnchantBroker *broker;
#endif
    char *list_dir; /* NULL until a list is wanted */
    language_state languages[G_N_ELEMENTS (dictionaries)];
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
    for (guint i = 0; i < G_N_ELEMENTS (dictionaries); i++) {
        g_mutex_init (&speller->languages[i].lock);
        g_mutex_init (&speller->languages[i].loading);
    }
    return speller;
}

void
sl_speller_free (sl_speller *speller)
{
    if (speller == NULL)
        return;
    for (guint i = 0; i < G_N_ELEMENTS (dictionaries); i++) {
        language_state *lang = &speller->languages[i];
#ifdef HAVE_ENCHANT
        if (lang->dict)
            enchant_broker_free_dict (speller->broker, lang->dict);
        cache_clear (&lang->cache);
#endif
        sl_spelllist_free (lang->list);
        g_mutex_clear (&lang->lock);
        g_mutex_clear (&lang->loading);
    }
#ifdef HAVE_ENCHANT
    if (speller->broker)
        enchant_broker_free (speller->broker);
#endif
    g_free (speller->list_dir);
    g_mutex_clear (&speller->lock);
    g_free (speller);
}

#ifdef HAVE_ENCHANT
/* The list of accepted words of language I, opened on first use (NULL when
 * there is none or it is stale); the language's lock held. */
static const sl_spelllist *
accepted_words (sl_speller *speller, int i)
{
    language_state *lang = &speller->languages[i];
    if (!lang->list_tried) {
        lang->list_tried = TRUE;
        g_mutex_lock (&speller->lock);
        if (speller->list_dir == NULL)
            speller->list_dir = sl_spelllist_dir ();
        g_mutex_unlock (&speller->lock);
        lang->list = sl_spelllist_open (speller->list_dir, dictionaries[i].tag);
    }
    return lang->list;
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

/* The dictionary of language I, loaded on first use; called without the
 * language's lock, which is taken only to publish it. Once it is loaded
 * it answers everything: the list is let go, so that its pages and the
 * dictionary are not both in memory. */
static EnchantDict *
dictionary (sl_speller *speller, int i)
{
    language_state *lang = &speller->languages[i];
    g_mutex_lock (&lang->loading);
    if (!lang->tried) {
        lang->tried = TRUE;
        g_mutex_lock (&speller->lock); /* Enchant's broker is shared */
        if (speller->broker == NULL)
            speller->broker = enchant_broker_init ();
        EnchantDict *dict = NULL;
        if (speller->broker && enchant_broker_dict_exists (speller->broker, dictionaries[i].tag))
            dict = enchant_broker_request_dict (speller->broker, dictionaries[i].tag);
        gboolean direct = dict && dict->check && user_lists_empty (dict);
        g_mutex_unlock (&speller->lock);
        g_mutex_lock (&lang->lock);
        lang->dict = dict;
        lang->direct = direct;
        sl_spelllist_free (lang->list);
        lang->list = NULL;
        lang->list_tried = TRUE;
        g_mutex_unlock (&lang->lock);
    }
    EnchantDict *dict = lang->dict; /* written only while LOADING is held */
    g_mutex_unlock (&lang->loading);
    return dict;
}

/* The dictionary's answer about WORD, as enchant_dict_check() gives it:
 * that refuses an empty word or invalid UTF-8, so those still go to it.
 * The language's lock held. */
static sl_spell_answer
ask_dictionary (language_state *lang, const char *word, gsize len)
{
    EnchantDict *dict = lang->dict;
    if (dict == NULL)
        return SL_SPELL_NO_DICTIONARY;
    int wrong = lang->direct && len > 0 && g_utf8_validate (word, (gssize) len, NULL)
                    ? dict->check (dict, word, len)
                    : enchant_dict_check (dict, word, (ssize_t) len);
    return wrong == 0 ? SL_SPELL_OK : SL_SPELL_WRONG;
}

/* Remember ANSWER about WORD; the language's lock held. */
static void
remember (answer_cache *cache, const char *word, gsize len, guint32 hash, sl_spell_answer answer)
{
    if (cache->used >= CACHE_MAX_WORDS)
        return;
    cache_reserve (cache);
    cached_answer *slot = cache_slot (cache, word, len, hash);
    if (slot->word)
        return; /* another thread was first */
    char *copy = g_malloc (len + 1);
    memcpy (copy, word, len);
    copy[len] = '\0';
    *slot = (cached_answer) { copy, hash, (guint32) len, answer };
    cache->used++;
}

/* The remembered answer about WORD, or -1; the language's lock held. */
static int
remembered (const answer_cache *cache, const char *word, gsize len, guint32 hash)
{
    const cached_answer *cached = cache->slots ? cache_slot (cache, word, len, hash) : NULL;
    return cached && cached->word ? (int) cached->answer : -1;
}

/* The answer about WORD known without the dictionary, or -1; the
 * language's lock held. */
static int
known_answer (sl_speller *speller, int i, const char *word, gsize len, guint32 hash)
{
    language_state *lang = &speller->languages[i];
    int answer = remembered (&lang->cache, word, len, hash);
    if (answer >= 0)
        return answer;
    if (sl_spelllist_accepts (accepted_words (speller, i), word, len)) {
        remember (&lang->cache, word, len, hash, SL_SPELL_OK); /* hunspell's own answer */
        return SL_SPELL_OK;
    }
    return -1;
}
#endif

sl_spell_answer
sl_speller_check (sl_speller *speller, const char *language, const char *word, gsize len)
{
    int i = language_index (language);
    if (i < 0)
        return SL_SPELL_NO_DICTIONARY;
#ifdef HAVE_ENCHANT
    language_state *lang = &speller->languages[i];
    guint32 hash = word_hash (word, len);
    g_mutex_lock (&lang->lock);
    int known = known_answer (speller, i, word, len, hash);
    g_mutex_unlock (&lang->lock);
    if (known >= 0)
        return (sl_spell_answer) known;
    dictionary (speller, i);
    g_mutex_lock (&lang->lock);
    /* the dictionary is loaded (the list may be gone); another thread may
     * have asked it about WORD meanwhile */
    int known_now = remembered (&lang->cache, word, len, hash);
    sl_spell_answer answer = known_now >= 0 ? (sl_spell_answer) known_now : ask_dictionary (lang, word, len);
    remember (&lang->cache, word, len, hash, answer);
    g_mutex_unlock (&lang->lock);
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
    EnchantDict *dict = dictionary (speller, i);
    g_mutex_lock (&speller->languages[i].lock);
    if (dict != NULL) {
        size_t n = 0;
        char **suggestions = enchant_dict_suggest (dict, word, (ssize_t) len, &n);
        if (suggestions && n > 0)
            best = g_strdup (suggestions[0]);
        if (suggestions)
            enchant_dict_free_string_list (dict, suggestions);
    }
    g_mutex_unlock (&speller->languages[i].lock);
#else
    (void) speller;
    (void) language;
    (void) word;
    (void) len;
#endif
    return best;
}
