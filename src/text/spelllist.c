/* spelllist.c: the precompiled lists of words a hunspell dictionary accepts.
 *
 * Loading a hunspell dictionary costs 20 to 40 ms, most of a one-file run;
 * yet a correct draft only asks it about words it accepts. So at build time
 * tools/mkspelllist asks Enchant, word by word, about the words of the
 * Debian word lists and keeps those it accepts, in one file per language;
 * at run time text/speller.c looks a word up here first and loads the
 * dictionary only for a word that is not here. A list holds accepted words
 * only, never rejected ones: a hit is exactly hunspell's answer, a miss
 * asks hunspell, so the findings are the same with or without the lists.
 *
 * A list is trusted only while it describes the dictionary Enchant would
 * load: its header names the .dic and .aff it was made from with their
 * sizes and modification times, and the list is ignored when Enchant would
 * now find another file, when those changed, or when the user has an
 * Enchant exclude file for the language (it removes words).
 *
 * The file costs nothing to load: it is mapped, and searched in place.
 *
 *   spamlint-spelling 1            a text header, one field per line
 *   tag fr_FR
 *   dic SIZE MTIME PATH            the dictionary, as stat(2) saw it
 *   aff SIZE MTIME PATH
 *   keys N
 *   blocks B
 *                                  an empty line ends the header
 *   NUL bytes up to a multiple of 4
 *   B little-endian uint32         where each block starts in the data
 *   data                           the blocks, keys in byte order
 *
 * A key is a word with its first character lower-cased, so that "hiver"
 * and "Hiver" (a word at the start of a sentence) are one entry. A block
 * holds up to BLOCK_KEYS keys, each front-coded against the one before
 * it: one byte saying how many leading bytes it shares with it (none for
 * the first key of a block, which is whole), the bytes that differ, and a
 * flags byte that ends the key (UTF-8 words have no bytes below 4): bit 1,
 * the key as it is was accepted; bit 2, the key with its first letter in
 * upper case was. A lookup is a binary search on the blocks' first keys,
 * then at most BLOCK_KEYS keys decoded: O(log n), no allocation.
 */
#include "config.h"

#include "text/spelllist.h"
#include "datadir.h"

#include <glib/gstdio.h>
#include <string.h>

#define MAGIC "spamlint-spelling 1\n"
#define BLOCK_KEYS 32
#define HEADER_MAX 8192
#define FLAG_AS_IS 1
#define FLAG_CAPITAL 2
/* bytes below this end a key: they are flags, never in a word */
#define KEY_END 4
/* Debian's Enchant looks there last (ENCHANT_HUNSPELL_DICT_DIR) */
#define HUNSPELL_SYSTEM_DIR "/usr/share/hunspell"

struct sl_spelllist {
    GMappedFile *file;
    const guint8 *index; /* blocks offsets, little-endian */
    guint32 blocks;
    const guint8 *data;
    gsize data_len;
};

/* The key of WORD and whether it is the capitalised form of its key.
 * FALSE when the word cannot be keyed so that the key gives the word back:
 * too long, not UTF-8, control bytes, or a first letter whose lower case
 * does not upper-case back to it (the Kelvin sign). KEY holds at least
 * SL_SPELLLIST_MAX_WORD + 1 bytes. */
static gboolean
word_key (const char *word, gsize len, char *key, gsize *key_len, gboolean *capital)
{
    if (len == 0 || len > SL_SPELLLIST_MAX_WORD)
        return FALSE;
    gunichar first = g_utf8_get_char_validated (word, (gssize) len);
    if (first == (gunichar) -1 || first == (gunichar) -2)
        return FALSE;
    for (gsize i = 0; i < len; i++)
        if ((guchar) word[i] < 0x20)
            return FALSE;
    gunichar lower = g_unichar_tolower (first);
    *capital = lower != first;
    if (*capital && g_unichar_toupper (lower) != first)
        return FALSE;
    gsize first_len = (gsize) (g_utf8_next_char (word) - word);
    gsize n = (gsize) g_unichar_to_utf8 (lower, key);
    if (n + len - first_len > SL_SPELLLIST_MAX_WORD)
        return FALSE;
    memcpy (key + n, word + first_len, len - first_len);
    *key_len = n + len - first_len;
    key[*key_len] = '\0';
    return TRUE;
}

/* --- finding the dictionary ------------------------------------------- */

static char *
enchant_config_dir (void)
{
    const char *env = g_getenv ("ENCHANT_CONFIG_DIR");
    if (env != NULL)
        return g_strdup (env);
    return g_build_filename (g_get_user_config_dir (), "enchant", NULL);
}

/* The .aff file that goes with the .dic file DIC. */
static char *
affix_file (const char *dic)
{
    char *aff = g_strdup (dic);
    memcpy (aff + strlen (aff) - 3, "aff", 3);
    return aff;
}

/* Whether DIR has TAG.dic and TAG.aff; *DIC is then the .dic's path. */
static gboolean
dictionary_in (const char *dir, const char *tag, char **dic)
{
    char *name = g_strconcat (tag, ".dic", NULL);
    char *path = g_build_filename (dir, name, NULL);
    g_free (name);
    char *aff = affix_file (path);
    gboolean found
        = g_file_test (path, G_FILE_TEST_EXISTS) && g_file_test (aff, G_FILE_TEST_EXISTS);
    g_free (aff);
    if (found)
        *dic = path;
    else
        g_free (path);
    return found;
}

/* In the order of Enchant's hunspell provider: the user's Enchant
 * directory, each system data directory, then Debian's own. */
char *
sl_spelllist_find_dictionary (const char *tag)
{
    char *dic = NULL;
    char *config = enchant_config_dir ();
    char *user = g_build_filename (config, "hunspell", NULL);
    g_free (config);
    gboolean found = dictionary_in (user, tag, &dic);
    g_free (user);
    for (const char *const *data = g_get_system_data_dirs (); !found && *data; data++) {
        char *dir = g_build_filename (*data, "hunspell", NULL);
        found = dictionary_in (dir, tag, &dic);
        g_free (dir);
    }
    if (!found)
        dictionary_in (HUNSPELL_SYSTEM_DIR, tag, &dic);
    return dic;
}

/* "SIZE MTIME PATH" of FILE, or NULL when it cannot be read. */
static char *
file_identity (const char *path)
{
    GStatBuf st;
    if (g_stat (path, &st) != 0)
        return NULL;
    return g_strdup_printf ("%" G_GUINT64_FORMAT " %" G_GINT64_FORMAT " %s", (guint64) st.st_size,
                            (gint64) st.st_mtime, path);
}

/* Whether the user's Enchant configuration may change the answers of the
 * dictionary of TAG: an exclude file that removes words, or an ordering
 * that may hand the language to another provider. */
static gboolean
user_changes_answers (const char *tag)
{
    char *config = enchant_config_dir ();
    char *name = g_strconcat (tag, ".exc", NULL);
    char *exclude = g_build_filename (config, name, NULL);
    char *ordering = g_build_filename (config, "enchant.ordering", NULL);
    GStatBuf st;
    gboolean changes = (g_stat (exclude, &st) == 0 && st.st_size > 0)
                       || g_file_test (ordering, G_FILE_TEST_EXISTS);
    g_free (ordering);
    g_free (exclude);
    g_free (name);
    g_free (config);
    return changes;
}

/* --- reading ------------------------------------------------------------ */

/* The value of header field NAME ("tag"), up to the end of its line. */
static char *
header_field (const char *header, const char *name)
{
    gsize n = strlen (name);
    for (const char *line = header; *line;) {
        const char *end = strchr (line, '\n');
        if (end == NULL)
            break;
        if ((gsize) (end - line) > n && strncmp (line, name, n) == 0 && line[n] == ' ')
            return g_strndup (line + n + 1, (gsize) (end - line) - n - 1);
        line = end + 1;
    }
    return NULL;
}

/* Whether header field NAME is the identity of the file at PATH now. */
static gboolean
field_matches (const char *header, const char *name, const char *path)
{
    char *recorded = header_field (header, name);
    char *now = path ? file_identity (path) : NULL;
    gboolean same = recorded && now && strcmp (recorded, now) == 0;
    g_free (now);
    g_free (recorded);
    return same;
}

static guint64
field_number (const char *header, const char *name)
{
    char *value = header_field (header, name);
    guint64 n = value ? g_ascii_strtoull (value, NULL, 10) : 0;
    g_free (value);
    return n;
}

sl_spelllist *
sl_spelllist_open (const char *dir, const char *tag)
{
    if (dir == NULL || user_changes_answers (tag))
        return NULL;
    char *name = g_strconcat (tag, ".words", NULL);
    char *path = g_build_filename (dir, name, NULL);
    g_free (name);
    GMappedFile *file = g_mapped_file_new (path, FALSE, NULL);
    g_free (path);
    if (file == NULL)
        return NULL;
    const char *bytes = g_mapped_file_get_contents (file);
    gsize size = g_mapped_file_get_length (file);
    gsize magic = sizeof MAGIC - 1;
    const char *end = size > magic && memcmp (bytes, MAGIC, magic) == 0
                          ? g_strstr_len (bytes, (gssize) MIN (size, HEADER_MAX), "\n\n")
                          : NULL;
    if (end == NULL) {
        g_mapped_file_unref (file);
        return NULL;
    }
    char *header = g_strndup (bytes, (gsize) (end - bytes) + 1);
    char *recorded_tag = header_field (header, "tag");
    char *dic = sl_spelllist_find_dictionary (tag);
    char *aff = dic ? affix_file (dic) : NULL;
    gboolean usable = recorded_tag && strcmp (recorded_tag, tag) == 0
                      && field_matches (header, "dic", dic) && field_matches (header, "aff", aff);
    guint64 blocks = field_number (header, "blocks");
    g_free (aff);
    g_free (dic);
    g_free (recorded_tag);
    g_free (header);
    gsize index_at = ((gsize) (end - bytes) + 2 + 3) / 4 * 4;
    if (!usable || blocks == 0 || index_at > size || (size - index_at) / 4 < blocks) {
        g_mapped_file_unref (file);
        return NULL;
    }
    sl_spelllist *list = g_new0 (sl_spelllist, 1);
    list->file = file;
    list->index = (const guint8 *) bytes + index_at;
    list->blocks = (guint32) blocks;
    list->data = list->index + 4 * blocks;
    list->data_len = size - index_at - 4 * blocks;
    return list;
}

void
sl_spelllist_free (sl_spelllist *list)
{
    if (list == NULL)
        return;
    g_mapped_file_unref (list->file);
    g_free (list);
}

static guint32
block_offset (const sl_spelllist *list, guint32 b)
{
    guint32 le;
    memcpy (&le, list->index + 4 * (gsize) b, 4);
    return GUINT32_FROM_LE (le);
}

/* Block B as [*start, *end) of the data; FALSE when the file is damaged. */
static gboolean
block_bounds (const sl_spelllist *list, guint32 b, const guint8 **start, const guint8 **end)
{
    gsize from = block_offset (list, b);
    gsize to = b + 1 < list->blocks ? block_offset (list, b + 1) : list->data_len;
    if (from >= to || to > list->data_len)
        return FALSE;
    *start = list->data + from;
    *end = list->data + to;
    return TRUE;
}

/* KEY compared with the whole key stored at P (a block's first). */
static int
compare_stored (const char *key, gsize key_len, const guint8 *p, const guint8 *end)
{
    for (gsize i = 0;; i++, p++) {
        gboolean stored_ends = p >= end || *p < KEY_END;
        if (i == key_len)
            return stored_ends ? 0 : -1;
        if (stored_ends)
            return 1;
        if ((guchar) key[i] != *p)
            return (guchar) key[i] < *p ? -1 : 1;
    }
}

static int
compare_keys (const char *a, gsize a_len, const char *b, gsize b_len)
{
    int c = memcmp (a, b, MIN (a_len, b_len));
    if (c != 0)
        return c;
    return a_len < b_len ? -1 : a_len > b_len;
}

/* The flags of KEY in block B, 0 when it is not there. */
static guint
block_lookup (const sl_spelllist *list, guint32 b, const char *key, gsize key_len)
{
    const guint8 *p, *end;
    if (!block_bounds (list, b, &p, &end))
        return 0;
    char current[SL_SPELLLIST_MAX_WORD + 1];
    gsize len = 0;
    for (gboolean first = TRUE; p < end; first = FALSE) {
        if (!first) {
            gsize shared = *p++;
            if (shared > len)
                return 0;
            len = shared;
        }
        while (p < end && *p >= KEY_END) {
            if (len == SL_SPELLLIST_MAX_WORD)
                return 0;
            current[len++] = (char) *p++;
        }
        if (p == end)
            return 0;
        guint flags = *p++;
        int c = compare_keys (current, len, key, key_len);
        if (c == 0)
            return flags;
        if (c > 0)
            return 0;
    }
    return 0;
}

gboolean
sl_spelllist_accepts (const sl_spelllist *list, const char *word, gsize len)
{
    char key[SL_SPELLLIST_MAX_WORD + 1];
    gsize key_len;
    gboolean capital;
    if (list == NULL || !word_key (word, len, key, &key_len, &capital))
        return FALSE;
    /* the last block whose first key is not after KEY */
    guint32 lo = 0, hi = list->blocks;
    while (hi - lo > 1) {
        guint32 mid = lo + (hi - lo) / 2;
        const guint8 *start, *end;
        if (!block_bounds (list, mid, &start, &end))
            return FALSE;
        if (compare_stored (key, key_len, start, end) < 0)
            hi = mid;
        else
            lo = mid;
    }
    guint flags = block_lookup (list, lo, key, key_len);
    return (flags & (capital ? FLAG_CAPITAL : FLAG_AS_IS)) != 0;
}

void
sl_spelllist_foreach (const sl_spelllist *list, void (*fn) (const char *word, void *data),
                      void *data)
{
    for (guint32 b = 0; b < list->blocks; b++) {
        const guint8 *p, *end;
        if (!block_bounds (list, b, &p, &end))
            return;
        char current[SL_SPELLLIST_MAX_WORD + 1];
        gsize len = 0;
        for (gboolean first = TRUE; p < end; first = FALSE) {
            if (!first) {
                gsize shared = *p++;
                if (shared > len)
                    return;
                len = shared;
            }
            while (p < end && *p >= KEY_END && len < SL_SPELLLIST_MAX_WORD)
                current[len++] = (char) *p++;
            if (p == end || *p >= KEY_END)
                return;
            guint flags = *p++;
            current[len] = '\0';
            if (flags & FLAG_AS_IS)
                fn (current, data);
            if (flags & FLAG_CAPITAL) {
                gunichar c = g_utf8_get_char (current);
                char upper[8];
                int n = g_unichar_to_utf8 (g_unichar_toupper (c), upper);
                upper[n] = '\0';
                char *word = g_strconcat (upper, g_utf8_next_char (current), NULL);
                fn (word, data);
                g_free (word);
            }
        }
    }
}

char *
sl_spelllist_dir (void)
{
    return sl_data_dir ("SPAMLINT_SPELLDIR", "spelling", SPELLDIR);
}

/* --- writing ------------------------------------------------------------ */

struct sl_spelllist_builder {
    GHashTable *keys; /* key -> flags */
};

sl_spelllist_builder *
sl_spelllist_builder_new (void)
{
    sl_spelllist_builder *builder = g_new0 (sl_spelllist_builder, 1);
    builder->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    return builder;
}

void
sl_spelllist_builder_free (sl_spelllist_builder *builder)
{
    if (builder == NULL)
        return;
    g_hash_table_destroy (builder->keys);
    g_free (builder);
}

gboolean
sl_spelllist_builder_add (sl_spelllist_builder *builder, const char *word)
{
    char key[SL_SPELLLIST_MAX_WORD + 1];
    gsize key_len;
    gboolean capital;
    if (!word_key (word, strlen (word), key, &key_len, &capital))
        return FALSE;
    guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (builder->keys, key));
    flags |= capital ? FLAG_CAPITAL : FLAG_AS_IS;
    g_hash_table_replace (builder->keys, g_strdup (key), GUINT_TO_POINTER (flags));
    return TRUE;
}

guint
sl_spelllist_builder_size (const sl_spelllist_builder *builder)
{
    return g_hash_table_size (builder->keys);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
    return strcmp (*(char *const *) a, *(char *const *) b);
}

static void
append_le32 (GByteArray *bytes, guint32 value)
{
    guint32 le = GUINT32_TO_LE (value);
    g_byte_array_append (bytes, (const guint8 *) &le, 4);
}

gboolean
sl_spelllist_builder_write (sl_spelllist_builder *builder, const char *path, const char *tag,
                            const char *dic, GError **error)
{
    char *aff = affix_file (dic);
    char *dic_id = file_identity (dic);
    char *aff_id = file_identity (aff);
    g_free (aff);
    if (dic_id == NULL || aff_id == NULL) {
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s: cannot stat the dictionary",
                     dic);
        g_free (dic_id);
        g_free (aff_id);
        return FALSE;
    }
    guint n = 0;
    char **keys = (char **) g_hash_table_get_keys_as_array (builder->keys, &n);
    qsort (keys, n, sizeof *keys, compare_strings);
    guint32 blocks = (n + BLOCK_KEYS - 1) / BLOCK_KEYS;

    GByteArray *data = g_byte_array_new ();
    GByteArray *index = g_byte_array_new ();
    for (guint i = 0; i < n; i++) {
        const char *key = keys[i];
        gsize shared = 0;
        if (i % BLOCK_KEYS == 0) {
            append_le32 (index, data->len);
        } else {
            const char *prev = keys[i - 1];
            while (shared < 255 && key[shared] && key[shared] == prev[shared])
                shared++;
            guint8 byte = (guint8) shared;
            g_byte_array_append (data, &byte, 1);
        }
        g_byte_array_append (data, (const guint8 *) key + shared, (guint) strlen (key + shared));
        guint8 flags = (guint8) GPOINTER_TO_UINT (g_hash_table_lookup (builder->keys, key));
        g_byte_array_append (data, &flags, 1);
    }
    g_free (keys);

    GString *file = g_string_new (MAGIC);
    g_string_append_printf (file, "tag %s\ndic %s\naff %s\nkeys %u\nblocks %u\n\n", tag, dic_id,
                            aff_id, n, blocks);
    while (file->len % 4 != 0)
        g_string_append_c (file, '\0');
    g_string_append_len (file, (const char *) index->data, index->len);
    g_string_append_len (file, (const char *) data->data, data->len);
    gboolean ok = g_file_set_contents (path, file->str, (gssize) file->len, error);
    g_string_free (file, TRUE);
    g_byte_array_unref (index);
    g_byte_array_unref (data);
    g_free (dic_id);
    g_free (aff_id);
    return ok;
}
