/* ngrams.c: the character n-gram fingerprints of texts and languages
 * (Cavnar and Trenkle's method, as libexttextcat implements it), computed
 * so that every distance, and so every language guess, is the one
 * libexttextcat gives, for 3.5 times fewer instructions.
 *
 * libexttextcat's fp_Create cuts the text at white space and digits, counts
 * every n-gram of 1 to 5 characters in a hash table (a pooled 40-byte entry
 * and a string copy per n-gram, strings compared on each look-up), keeps
 * the 400 most frequent through a heap of those 40-byte entries, and sorts
 * them by string; fp_Compare then merges that list with each language's.
 * Which of the n-grams tied on their count get in, and their ranks, follow
 * from the order its hash table hands them to the heap: by chain (its own
 * hash, 8192 chains), the newest first in a chain. So we keep the same
 * chains with the same hash, but an entry is a few integers: an n-gram is
 * known by its one-character-shorter prefix (an entry number) and its last
 * character, so a look-up compares one 64-bit key, never strings. The
 * heap places (count, entry) pairs as libexttextcat's, quirks included. The
 * distance needs no sorted lists: each of the 400 n-grams is looked up
 * once in a table of every language's n-grams, which holds its rank in
 * each language. The tables of a text are kept for the next one.
 *
 * What libexttextcat does (its source, 3.4.5), and we do the same way:
 * - prepbuffer: a '_' for the start, one '_' for each run of white space
 *   and digits (isspace, isdigit: the C library's locale), and a final '_'
 *   only when the text ends in such a run or none was collapsed: its write
 *   limit is the input's length plus one.
 * - a character is 1 byte, or 2, 3 or 4 after a byte of the form 110x,
 *   1110 or 1111 (utf8_charcopy; what follows is not checked: a '_' can
 *   be part of a character), cut short by the end of the text.
 * - from each character, n-grams of 1 to 5 characters; one stops after a
 *   '_' that is not its first character, and the first n-gram that reaches
 *   the end of the text ends the counting (the last few characters start
 *   no n-grams of their own).
 * - two n-grams are the same when their bytes are (utf8_issame compares
 *   the bytes; a cut-short character can only be at the very end, and
 *   such an n-gram is met once).
 * - ranks: 0 for the most frequent; among equal counts, whatever the heap
 *   gives, which depends on the order above and on the heap's own: its
 *   extraction sifts over the old size, the moved last item counted twice.
 * - fp_Compare: the sum, over the text's n-grams, of the difference of
 *   ranks, or 400 for one the language lacks. Its cutoff only replaces a
 *   sum above the best so far by INT_MAX, which never changes the smallest
 *   sum, nor which language has it first; so we compute whole sums.
 * - fp_Read: at most 400 n-grams, one per line: cut at '\n' or '\r',
 *   trimmed, cut at the first space or tab; a line longer than 20 bytes is
 *   skipped without taking a rank. Its sort compares signed chars, which
 *   matters to its merge but not to a look-up by equal strings.
 */
#include "config.h"

#include "text/ngrams.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define TOP_NGRAMS 400     /* n-grams in a fingerprint (libexttextcat's maxngrams) */
#define MAX_CHARS 5        /* longest n-gram, in characters (MAXNGRAMSYMBOL) */
#define MAX_BYTES 20       /* longest n-gram of a language file (MAXNGRAMSIZE) */
#define OUT_OF_PLACE 400   /* what an n-gram the language lacks costs (MAXOUTOFPLACE) */
#define LINE_BYTES 1024    /* fp_Read reads a line with fgets into this much */
#define BUCKET_BITS 13     /* libexttextcat's hash table has 2^13 chains (TABLEPOW) */
#define BUCKETS (1u << BUCKET_BITS)
#define TEXT_MAX (G_MAXUINT32 / 16)   /* a longer text is refused: entry numbers fit in 31 bits */

/* The rank of an n-gram a language lacks: so far from any other that the
 * out-of-place distance, capped at OUT_OF_PLACE, is OUT_OF_PLACE. */
#define ABSENT G_MAXUINT16
/* Out-of-place distances are summed in 16 bits over this many n-grams. */
#define SUM_BLOCK 128
G_STATIC_ASSERT (SUM_BLOCK * OUT_OF_PLACE <= G_MAXUINT16 && TOP_NGRAMS + OUT_OF_PLACE < ABSENT);

enum { WORD_BYTE, INVALID_BYTE, END_BYTE };

/* --- the languages ---------------------------------------------------------- */

/* One n-gram of any language. */
typedef struct {
    guint32 hash;                /* libexttextcat's hash of it */
    guint8 len;                  /* bytes */
    char text[MAX_BYTES + 1];
} model_gram;

typedef struct profile profile;

struct sl_ngram_models {
    guint n_models;
    gboolean *has;               /* per model: its file was read */
    guint8 space[256];           /* isspace */
    guint8 class[256];           /* each byte's for prepare (): where a text is cut */
    model_gram *grams;           /* every n-gram of every language, once */
    guint n_grams;
    guint16 *places;             /* a row of SL_NGRAM_MODELS_MAX per gram: its rank in each
                                  * model, or ABSENT */
    guint64 *slots;              /* open addressing over grams: hash << 32 | index + 1,
                                  * 0 if free */
    guint32 slot_shift;          /* slot of a hash: (hash * golden) >> slot_shift */
    guint32 slot_mask;
    GMutex lock;                 /* guards spare */
    GPtrArray *spare;            /* profiles to reuse: their tables are big */
};

/* Bytes in the character that starts with byte C, as utf8_charcopy counts
 * them (before the end of the text cuts it short). */
static guint
char_bytes (guint8 c)
{
    if (c < 0xc0)
        return 1;
    if (c < 0xe0)
        return 2;
    return c < 0xf0 ? 3 : 4;
}

/* libexttextcat's hash of an n-gram of CHARS characters: len * 13, then
 * h * 31 + c for each byte taken as a signed char, in 32 bits. As a sum:
 * 13 * chars * 31^bytes + the bytes' polynomial (count_ngrams has its
 * own copy of this). */
static guint32
ngram_hash (guint chars, guint32 power, guint32 poly)
{
    return 13u * chars * power + poly;
}

static guint32
byte_term (guint8 b)
{
    return (guint32) (gint32) (gint8) b;
}

/* The hash of the string S, its characters counted as a text's are. */
static guint32
string_hash (const char *s, gsize len)
{
    guint chars = 0;
    guint32 power = 1, poly = 0;
    for (gsize i = 0; i < len; chars++) {
        for (gsize end = i + MIN (char_bytes ((guint8) s[i]), len - i); i < end; i++) {
            poly = poly * 31 + byte_term ((guint8) s[i]);
            power *= 31;
        }
    }
    return ngram_hash (chars, power, poly);
}

static guint32
slot_of (const sl_ngram_models *models, guint32 hash)
{
    return (hash * 0x9e3779b1u) >> models->slot_shift;
}

/* memcmp's answer for a few bytes, without the call. */
static inline gboolean
same_bytes (const char *a, const char *b, guint len)
{
    for (guint i = 0; i < len; i++) {
        if (a[i] != b[i])
            return FALSE;
    }
    return TRUE;
}

/* The index of the n-gram S (LEN bytes, hash HASH) in models->grams, or -1. */
static inline gint
find_gram (const sl_ngram_models *models, guint32 hash, const char *s, guint len)
{
    for (guint32 i = slot_of (models, hash);; i = (i + 1) & models->slot_mask) {
        guint64 slot = models->slots[i];
        if (slot == 0)
            return -1;
        if ((guint32) (slot >> 32) == hash) {
            const model_gram *g = &models->grams[(guint32) slot - 1];
            if (g->len == len && same_bytes (g->text, s, len))
                return (gint) (guint32) slot - 1;
        }
    }
}

/* The index of the n-gram S (LEN bytes) in models->grams, added if new. */
static guint
add_gram (sl_ngram_models *models, const char *s, gsize len)
{
    guint32 hash = string_hash (s, len);
    gint found = find_gram (models, hash, s, (guint) len);
    if (found >= 0)
        return (guint) found;
    model_gram *g = &models->grams[models->n_grams++];
    g->hash = hash;
    g->len = (guint8) len;
    memcpy (g->text, s, len);
    g->text[len] = '\0';
    guint32 i = slot_of (models, hash);
    while (models->slots[i] != 0)
        i = (i + 1) & models->slot_mask;
    models->slots[i] = (guint64) hash << 32 | models->n_grams;
    return models->n_grams - 1;
}

/* Read model M's fingerprint file PATH: its n-grams, most frequent first,
 * with their ranks. FALSE if it cannot be opened. fp_Read reads a line with
 * fgets (through the newline, or LINE_BYTES - 1 bytes), cuts it at '\n',
 * '\r' (or a NUL), trims its white space, and cuts it at the first space
 * or tab; an n-gram longer than MAX_BYTES is skipped. */
static gboolean
read_model (sl_ngram_models *models, guint m, const char *path)
{
    char *contents;
    gsize size;
    GError *error = NULL;
    if (!g_file_get_contents (path, &contents, &size, &error)) {
        /* fopen opens a directory, where fgets reads nothing */
        gboolean directory = g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
        g_error_free (error);
        return directory;
    }
    gsize at = 0;
    for (gint16 rank = 0; rank < TOP_NGRAMS && at < size;) {
        const char *line = contents + at;
        gsize n = MIN (size - at, LINE_BYTES - 1);
        const char *newline = memchr (line, '\n', n);
        if (newline != NULL)
            n = (gsize) (newline - line) + 1;
        at += n;
        gsize end = 0;
        while (end < n && line[end] != '\n' && line[end] != '\r' && line[end] != '\0')
            end++;
        gsize first = 0;
        while (first < end && models->space[(guint8) line[first]])
            first++;
        while (end > first && models->space[(guint8) line[end - 1]])
            end--;
        gsize cut = first;
        while (cut < end && line[cut] != ' ' && line[cut] != '\t')
            cut++;
        if (cut - first > MAX_BYTES)
            continue;
        /* a repeated n-gram: the first counts, as fp_Read's (stable) sort
         * puts it first for its merge */
        guint id = add_gram (models, line + first, cut - first);
        guint16 *place = &models->places[(gsize) id * SL_NGRAM_MODELS_MAX + m];
        if (*place == ABSENT)
            *place = (guint16) rank;
        rank++;
    }
    g_free (contents);
    return TRUE;
}

sl_ngram_models *
sl_ngram_models_read (const char *const *paths, guint n_paths)
{
    g_return_val_if_fail (n_paths <= SL_NGRAM_MODELS_MAX, NULL);
    sl_ngram_models *models = g_new0 (sl_ngram_models, 1);
    models->n_models = n_paths;
    models->has = g_new0 (gboolean, MAX (n_paths, 1));
    models->class[0] = END_BYTE;
    for (guint c = 1; c < 256; c++) {
        models->space[c] = isspace ((int) c) != 0;
        models->class[c] = models->space[c] || isdigit ((int) c) ? INVALID_BYTE : WORD_BYTE;
    }
    gsize most = (gsize) MAX (n_paths, 1) * TOP_NGRAMS;   /* distinct n-grams at most */
    guint bits = 4;
    while ((1u << bits) < 2 * most)
        bits++;
    models->slot_shift = 32 - bits;
    models->slot_mask = (1u << bits) - 1;
    models->slots = g_new0 (guint64, 1u << bits);
    models->grams = g_new (model_gram, most);
    models->places = g_new (guint16, most * SL_NGRAM_MODELS_MAX);
    memset (models->places, 0xff, most * SL_NGRAM_MODELS_MAX * sizeof (guint16));   /* ABSENT */
    for (guint m = 0; m < n_paths; m++)
        models->has[m] = read_model (models, m, paths[m]);
    g_mutex_init (&models->lock);
    models->spare = g_ptr_array_new ();
    return models;
}

static void profile_free (profile *pr);

void
sl_ngram_models_free (sl_ngram_models *models)
{
    if (models == NULL)
        return;
    for (guint i = 0; i < models->spare->len; i++)
        profile_free (g_ptr_array_index (models->spare, i));
    g_ptr_array_free (models->spare, TRUE);
    g_mutex_clear (&models->lock);
    g_free (models->grams);
    g_free (models->places);
    g_free (models->slots);
    g_free (models->has);
    g_free (models);
}

gboolean
sl_ngram_models_has (const sl_ngram_models *models, guint i)
{
    return i < models->n_models && models->has[i];
}

/* --- a text's fingerprint ----------------------------------------------------- */

/* One character of the prepared text. */
typedef struct {
    guint32 start;        /* its first byte */
    guint32 code;         /* its bytes, packed: which character it is */
    guint32 poly;         /* its bytes' polynomial, and 31^bytes: its share of the hash */
    guint32 power;
    guint32 span;         /* characters in the longest n-gram from it */
} text_char;

/* One distinct n-gram of the text. */
typedef struct {
    guint64 key;          /* which n-gram: the entry of its characters but the last
                           * (0 for none) << 32 | its last character's code */
    guint32 count;
    guint32 next;         /* the next entry of its chain, 0 at the end */
    guint32 hash;         /* libexttextcat's hash */
    guint32 where;        /* its first place: its first character << 3 | its characters */
} text_gram;

typedef struct {
    guint32 count;
    guint32 id;
} heap_item;

/* A text's n-gram counts and fingerprint, with room for the next text. */
struct profile {
    guint32 heads[BUCKETS];        /* libexttextcat's chains; all 0 between two texts */
    guint8 used[BUCKETS];          /* 1 for the chains that are not empty; idem */
    heap_item heap[TOP_NGRAMS + 1];   /* and the sentinel */
    guint32 top[TOP_NGRAMS];       /* the fingerprint: entries by rank */
    guint n_top;
    text_gram *grams;              /* entries from 1 */
    guint32 n_grams, grams_size;
    guint8 *text;                  /* prepared, NUL-terminated */
    guint32 text_len, text_size;
    text_char *chars;              /* n_chars + 1: the last one's start is text_len */
    guint32 n_chars, chars_size;
    guint32 n_starts;              /* the characters n-grams are counted from */
};

/* Profiles past this many entries are not kept for reuse. */
#define SPARE_GRAMS_MAX (1u << 16)

static profile *
profile_take (sl_ngram_models *models)
{
    g_mutex_lock (&models->lock);
    profile *pr = models->spare->len > 0 ? g_ptr_array_steal_index_fast (models->spare,
                                                                         models->spare->len - 1)
                                         : NULL;
    g_mutex_unlock (&models->lock);
    if (pr == NULL) {
        pr = g_new0 (profile, 1);
        pr->grams_size = 4096;
        pr->grams = g_new (text_gram, pr->grams_size);
    }
    return pr;
}

static void
profile_free (profile *pr)
{
    g_free (pr->grams);
    g_free (pr->chars);
    g_free (pr->text);
    g_free (pr);
}

static void
profile_give (sl_ngram_models *models, profile *pr)
{
    if (pr->grams_size > SPARE_GRAMS_MAX) {
        profile_free (pr);
        return;
    }
    g_mutex_lock (&models->lock);
    g_ptr_array_add (models->spare, pr);
    g_mutex_unlock (&models->lock);
}

/* prepbuffer: IN (LEN bytes and a NUL, or to an earlier NUL) into OUT
 * (LEN + 3 bytes), its length returned. A literal replay of its state
 * machine, so that its write limit (LIMIT: where the output has LEN + 1
 * bytes, nothing collapsed) cuts where it cuts; CLASS tells the bytes
 * apart: WORD_BYTE, INVALID_BYTE (white space or a digit), END_BYTE. */
static guint32
prepare (const guint8 *class, const guint8 *in, guint32 len, guint8 *out)
{
    enum { SPACE, WORD, END, STOP } state;
    guint32 p = 0, w = 0;
    const guint32 limit = len + 1;
    if (class[in[0]] == INVALID_BYTE) {
        state = SPACE;
    } else if (in[0] == 0) {
        state = END;
    } else {
        out[w++] = '_';
        state = w == limit ? STOP : WORD;
    }
    for (;;) {
        switch (state) {
        case SPACE:
            do
                p++;
            while (class[in[p]] == INVALID_BYTE);
            if (in[p] == 0) {
                state = END;
            } else {
                out[w++] = '_';
                state = w == limit ? STOP : WORD;
            }
            break;
        case WORD:
            for (;;) {
                out[w++] = in[p++];
                guint8 next = class[in[p]];
                if (next == WORD_BYTE)
                    continue;
                /* the limit is reached only with the last byte: before the NUL */
                state = next == INVALID_BYTE ? SPACE : w == limit ? END : STOP;
                break;
            }
            break;
        case END:
            out[w++] = '_';
            state = STOP;
            break;
        case STOP:
            out[w] = '\0';
            return w;
        }
    }
}

/* Split the prepared text into characters, and tell how far the n-grams
 * from each go, as createngramtable does: from character S, to the first
 * of S + 4, the first '_' after S, the last character; and the first
 * n-gram that reaches the last character ends it all, unless by a '_'
 * after S: the characters after S start none. */
static void
split_chars (profile *pr)
{
    const guint8 *t = pr->text;
    text_char *c = pr->chars;
    for (guint32 pos = 0; pos < pr->text_len; c++) {
        c->start = pos;
        c->span = MAX_CHARS;
        if (t[pos] < 0xc0) {
            c->code = t[pos];
            c->poly = byte_term (t[pos]);
            c->power = 31;
            pos++;
            if (c->code == '_') {
                /* the n-grams from the few characters before stop here,
                 * down to the '_' before: before it, they stop there */
                for (guint32 back = 1; back < MAX_CHARS && c - back >= pr->chars; back++) {
                    c[-(gssize) back].span = back + 1;
                    if (c[-(gssize) back].code == '_')
                        break;
                }
            }
            continue;
        }
        guint len = MIN (char_bytes (t[pos]), pr->text_len - pos);
        c->code = 0;
        c->poly = 0;
        c->power = 1;
        for (guint k = 0; k < len; k++) {
            c->code |= (guint32) t[pos + k] << (8 * k);
            c->poly = c->poly * 31 + byte_term (t[pos + k]);
            c->power *= 31;
        }
        pos += len;
    }
    const guint32 n = (guint32) (c - pr->chars);
    c->start = pr->text_len;
    pr->n_chars = n;
    c = pr->chars;
    for (guint32 s = n > MAX_CHARS ? n - MAX_CHARS : 0; s < n; s++)   /* the last character */
        c[s].span = MIN (c[s].span, n - s);
    for (guint32 s = n > MAX_CHARS ? n - MAX_CHARS : 0;; s++) {
        guint32 last = s + c[s].span - 1;
        if (last == s || (c[last].code != '_' && last + 1 == n)) {
            pr->n_starts = s + 1;
            return;
        }
    }
}

/* Entries are made room for by blocks of starts (at most MAX_CHARS each),
 * so that count_ngrams need not check. */
#define STARTS_BLOCK 4096

static void
make_room (profile *pr, guint32 n_grams)
{
    if (n_grams <= pr->grams_size)
        return;
    pr->grams_size = MAX (n_grams, 2 * pr->grams_size);
    pr->grams = g_renew (text_gram, pr->grams, pr->grams_size);
}

/* createngramtable's counts: the n-grams from each start (see
 * split_chars), one character longer each time. An n-gram is looked up in
 * the chain of its hash, by its key: one 64-bit integer to compare,
 * whatever its length. A new one goes first in its chain, as libexttextcat's
 * entry does: they are made in the same order. Once an n-gram is new, so
 * are its extensions at that place: they are added without a look-up. */
static void
count_ngrams (profile *pr, guint32 from, guint32 to)
{
    text_gram *grams = pr->grams;
    const text_char *chars = pr->chars;
    guint32 n_grams = pr->n_grams;
    for (guint32 s = from; s < to; s++) {
        const text_char *c = &chars[s];
        const guint32 span = c->span;
        guint32 poly = c->poly, power = c->power, id = 0, k = 0;
        guint64 key = c->code;
        guint32 hash = 13 * power + poly;   /* ngram_hash () */
        for (;;) {   /* the n-grams seen before */
            guint32 found = pr->heads[hash & (BUCKETS - 1)];
            while (found != 0 && grams[found].key != key)
                found = grams[found].next;
            if (found == 0)
                break;
            grams[found].count++;
            id = found;
            if (++k == span)
                break;
            poly = poly * c[k].power + c[k].poly;
            power *= c[k].power;
            hash = 13 * (k + 1) * power + poly;
            key = (guint64) id << 32 | c[k].code;
        }
        while (k < span) {   /* the new ones */
            guint32 bucket = hash & (BUCKETS - 1);
            id = ++n_grams;
            grams[id] = (text_gram){ .key = key, .count = 1, .next = pr->heads[bucket],
                                     .hash = hash, .where = s << 3 | (k + 1) };
            pr->used[bucket] = 1;
            pr->heads[bucket] = id;
            if (++k == span)
                break;
            poly = poly * c[k].power + c[k].poly;
            power *= c[k].power;
            hash = 13 * (k + 1) * power + poly;
            key = (guint64) id << 32 | c[k].code;
        }
    }
    pr->n_grams = n_grams;
}

/* libexttextcat's heap of the TOP_NGRAMS most frequent, on counts alone;
 * its swaps done as moves into a hole, which places the same items. The
 * slot past the end holds a count no item has, so that a lone last child
 * is never taken for its missing sibling: the test of the sibling's place
 * is not needed. */
static void
sift_up (heap_item *heap, guint child)
{
    heap_item item = heap[child];
    while (child > 0) {
        guint parent = (child - 1) >> 1;
        if (heap[parent].count <= item.count)
            break;
        heap[child] = heap[parent];
        child = parent;
    }
    heap[child] = item;
}

/* siftdown from the root, in two halves: the hole goes down the path of
 * the smaller children to the bottom, then back up while what is above it
 * is not less than the item. The counts on that path grow downwards, so
 * the item ends where siftdown stops it, and the others as siftdown
 * leaves them; but a level costs one comparison instead of two, and here
 * the item mostly sinks to the bottom. */
static inline void
sift_down (heap_item *heap, gsize size)
{
    const heap_item item = heap[0];
    /* where siftdown leaves it (a tie, often): not worth the way down and
     * up; a missing child is the sentinel, or past it for a size of 1, where
     * nothing moves anyway */
    if (item.count <= MIN (heap[1].count, heap[2].count))
        return;
    gsize hole = 0;
    for (;;) {   /* two levels a turn: no copy of the hole's place */
        gsize child = hole * 2 + 1;
        if (child >= size)
            break;
        child += heap[child + 1].count < heap[child].count;   /* or the sentinel */
        heap[hole] = heap[child];
        hole = child * 2 + 1;
        if (hole >= size) {
            hole = child;
            break;
        }
        hole += heap[hole + 1].count < heap[hole].count;
        heap[child] = heap[hole];
    }
    while (hole > 0) {
        gsize parent = (hole - 1) >> 1;
        if (heap[parent].count < item.count)
            break;
        heap[hole] = heap[parent];
        hole = parent;
    }
    heap[hole] = item;
}

#define SENTINEL ((heap_item){ G_MAXUINT32, 0 })

/* table2heap: every entry, chain by chain, through heap_insert (the chains
 * emptied on the way, for the next text); then heapextract, least
 * frequent first, into the fingerprint. Once the heap is full, an entry
 * under the root's count is passed over, and one of the root's count only
 * takes its place: it is not greater than its children. */
static void
select_top (profile *pr)
{
    heap_item *heap = pr->heap;
    const text_gram *grams = pr->grams;
    guint32 *heads = pr->heads;
    guint len = 0;
    guint32 least = 0;   /* the root's count, once the heap is full */
    heap[TOP_NGRAMS] = SENTINEL;
    for (guint w = 0; w < BUCKETS / 8; w++) {   /* the flags of 8 chains at a time */
        guint64 flags;
        memcpy (&flags, pr->used + w * 8, sizeof flags);
        if (flags == 0)
            continue;
        memset (pr->used + w * 8, 0, sizeof flags);
        /* a flag is a byte's lowest bit: the lowest first is the first chain */
        for (guint64 bits = GUINT64_FROM_LE (flags); bits != 0; bits &= bits - 1) {
            guint bucket = w * 8 + (guint) __builtin_ctzll (bits) / 8;
            guint32 id = heads[bucket];
            heads[bucket] = 0;
            if (len < TOP_NGRAMS) {
                do {
                    heap[len] = (heap_item){ grams[id].count, id };
                    sift_up (heap, len);
                    id = grams[id].next;
                } while (++len < TOP_NGRAMS && id != 0);
                least = heap[0].count;
            }
            for (; id != 0; id = grams[id].next) {
                guint32 count = grams[id].count;
                if (count < least)
                    continue;
                if (count == least) {
                    heap[0].id = id;
                    continue;
                }
                heap[0] = (heap_item){ count, id };
                sift_down (heap, TOP_NGRAMS);
                least = heap[0].count;
            }
        }
    }
    /* heapextract sifts over the old size: the moved last item still in */
    pr->n_top = len;
    for (; len > 0; len--) {
        pr->top[len - 1] = heap[0].id;
        heap[0] = heap[len - 1];
        heap[len] = SENTINEL;
        sift_down (heap, len);
    }
}

/* Where the n-gram of entry ID is in the prepared text. */
static const char *
gram_text (const profile *pr, guint32 id, guint *bytes)
{
    guint32 where = pr->grams[id].where;
    const text_char *first = &pr->chars[where >> 3];
    *bytes = first[where & 7].start - first->start;
    return (const char *) pr->text + first->start;
}

/* TEXT's fingerprint, in a profile to give back; NULL when TEXT is empty. */
static profile *
make_profile (sl_ngram_models *models, const char *text, gsize len)
{
    if (len == 0)
        return NULL;    /* fp_Create refuses less than its minimum size, 1 byte */
    if (len > TEXT_MAX)
        return NULL;
    profile *pr = profile_take (models);
    if (pr->text_size < len + 3) {
        pr->text_size = (guint32) len + 3;
        pr->text = g_realloc (pr->text, pr->text_size);
    }
    pr->text_len = prepare (models->class, (const guint8 *) text, (guint32) len, pr->text);
    if (pr->chars_size < pr->text_len + 1) {   /* no more characters than bytes */
        pr->chars_size = pr->text_len + 1;
        pr->chars = g_renew (text_char, pr->chars, pr->chars_size);
    }
    split_chars (pr);
    pr->n_grams = 0;
    for (guint32 from = 0; from < pr->n_starts; from += STARTS_BLOCK) {
        guint32 to = MIN (from + STARTS_BLOCK, pr->n_starts);
        make_room (pr, pr->n_grams + MAX_CHARS * (to - from) + 1);
        count_ngrams (pr, from, to);
    }
    select_top (pr);
    return pr;
}

gboolean
sl_ngram_distances (sl_ngram_models *models, const char *text, gsize len, guint32 *distances)
{
    profile *pr = make_profile (models, text, len);
    if (pr == NULL)
        return FALSE;
    /* a row of ranks for every model the table has room for, in 16 bits:
     * a loop the compiler makes a few vector operations */
    guint32 sums[SL_NGRAM_MODELS_MAX] = { 0 };
    guint32 absent = 0;   /* n-grams no language has */
    for (guint from = 0; from < pr->n_top; from += SUM_BLOCK) {
        guint16 block_sums[SL_NGRAM_MODELS_MAX] = { 0 };
        for (guint i = from; i < MIN (from + SUM_BLOCK, pr->n_top); i++) {
            guint bytes;
            const char *gram = gram_text (pr, pr->top[i], &bytes);
            gint found = find_gram (models, pr->grams[pr->top[i]].hash, gram, bytes);
            if (found < 0) {
                absent++;
                continue;
            }
            const guint16 *places = &models->places[(gsize) found * SL_NGRAM_MODELS_MAX];
            const guint16 here = (guint16) i;
            for (guint m = 0; m < SL_NGRAM_MODELS_MAX; m++) {
                guint16 out_of_place = places[m] > here ? places[m] - here : here - places[m];
                block_sums[m] += MIN (out_of_place, OUT_OF_PLACE);
            }
        }
        for (guint m = 0; m < SL_NGRAM_MODELS_MAX; m++)
            sums[m] += block_sums[m];
    }
    for (guint m = 0; m < models->n_models; m++)
        distances[m] = models->has[m] ? sums[m] + absent * OUT_OF_PLACE : G_MAXUINT32;
    profile_give (models, pr);
    return TRUE;
}

GPtrArray *
sl_ngram_fingerprint (sl_ngram_models *models, const char *text, gsize len)
{
    profile *pr = make_profile (models, text, len);
    if (pr == NULL)
        return NULL;
    GPtrArray *ngrams = g_ptr_array_new_with_free_func (g_free);
    for (guint i = 0; i < pr->n_top; i++) {
        guint bytes;
        const char *gram = gram_text (pr, pr->top[i], &bytes);
        g_ptr_array_add (ngrams, g_strndup (gram, bytes));
    }
    profile_give (models, pr);
    return ngrams;
}
