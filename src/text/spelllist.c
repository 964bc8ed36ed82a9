/* spelllist.c: the precompiled lists of words a hunspell dictionary accepts.
 *
 * Loading a hunspell dictionary costs 20 to 40 ms, most of a one-file run;
 * yet a correct draft only asks it about words it accepts. So at build time
 * tools/mkspelllist asks Enchant, word by word, about the words of the
 * Debian word lists (and the forms of the dictionary's affixes) and keeps
 * those it accepts, in one file per language;
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
 *   hyphens 1                      optional: parts joined by '-' (below)
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
 *
 * Hunspell also accepts a word it does not know whole when the parts
 * between its hyphens are accepted ("double-check", "Désabonnez-vous": its
 * BREAK rule, spell_internal() in hunspell.cxx). A list marked "hyphens"
 * accepts such a word when each part is in it; mkspelllist marks it only
 * when the dictionary keeps that rule without exception
 * (sl_spelllist_hyphens_hold() says which exceptions, and why).
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
/* hunspell gives up on a word with this many break points */
#define BREAK_MAX_POINTS 10
/* a joined word longer than this is asked to hunspell: even three times
 * longer once NFC-normalised, it stays under hunspell's and Enchant's
 * word length limits (100 bytes) */
#define JOINED_MAX_BYTES 32
/* hunspell's FORBIDDENWORD flag when the .aff does not set one */
#define DEFAULT_FORBIDDEN_FLAG 65510
/* Debian's Enchant looks there last (ENCHANT_HUNSPELL_DICT_DIR) */
#define HUNSPELL_SYSTEM_DIR "/usr/share/hunspell"

struct sl_spelllist {
    GMappedFile *file;
    gboolean hyphens; /* parts joined by '-' are accepted */
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

/* The characters of a joined word: no other BREAK pattern than '-' may be
 * made of these alone (sl_spelllist_hyphens_hold), so hunspell counts only
 * the hyphens as break points. */
static gboolean
joined_word_char (gunichar c)
{
    return g_unichar_isalpha (c) || c == '\'' || c == '-';
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

/* --- the hyphen rule ---------------------------------------------------- */

typedef enum { FLAGS_CHAR, FLAGS_LONG, FLAGS_NUM, FLAGS_UTF8 } flag_type;

/* The flags of FLAGS (as after the '/' of a .dic entry), decoded as
 * hunspell does for TYPE, into VALUES. */
static void
decode_flags (const char *flags, flag_type type, GArray *values)
{
    g_array_set_size (values, 0);
    for (const char *p = flags; *p;) {
        guint value;
        if (type == FLAGS_NUM) {
            char *end;
            value = (guint) g_ascii_strtoull (p, &end, 10);
            if (end == p) {
                p++;
                continue;
            }
            p = *end == ',' ? end + 1 : end;
        } else if (type == FLAGS_LONG) {
            value = (guint) (guchar) p[0] << 8 | (guchar) p[1];
            p += p[1] ? 2 : 1;
        } else if (type == FLAGS_UTF8 && g_utf8_get_char_validated (p, -1) < 0x110000) {
            /* hunspell keeps UTF-16 units */
            gunichar c = g_utf8_get_char (p);
            p = g_utf8_next_char (p);
            if (c >= 0x10000) {
                guint high = 0xD800 + ((c - 0x10000) >> 10);
                g_array_append_val (values, high);
                c = 0xDC00 + ((c - 0x10000) & 0x3FF);
            }
            value = c;
        } else {
            value = (guchar) *p++;
        }
        g_array_append_val (values, value);
    }
}

static gboolean
has_flag (const GArray *values, guint flag)
{
    for (guint i = 0; i < values->len; i++)
        if (g_array_index (values, guint, i) == flag)
            return TRUE;
    return FALSE;
}

/* Whether TEXT has a character a joined word cannot have. */
static gboolean
outside_joined_words (const char *text)
{
    for (const char *p = text; *p; p = g_utf8_next_char (p))
        if (!joined_word_char (g_utf8_get_char (p)))
            return TRUE;
    return FALSE;
}

/* The first AFFIX_FIELDS fields of LINE (cut in place at blanks) in F,
 * NULL-terminated. */
#define AFFIX_FIELDS 5
static void
line_fields (char *line, char *f[AFFIX_FIELDS + 1])
{
    char *save = NULL;
    guint n = 0;
    for (char *field = strtok_r (line, " \t\r", &save); field && n < AFFIX_FIELDS;
         field = strtok_r (NULL, " \t\r", &save))
        f[n++] = field;
    f[n] = NULL;
}

/* What the .aff says about the hyphen rule. */
typedef struct affix_facts {
    gboolean utf8;           /* SET UTF-8 */
    gboolean break_seen;     /* a BREAK line: its patterns replace the default */
    gboolean hyphen_breaks;  /* "-" is one of them */
    gboolean other_breaks;   /* a pattern a joined word can hold, other than "-" */
    gboolean unsupported;    /* IGNORE, FORBIDWARN, flag aliases, an ICONV that
                                can change a joined word's hyphens or length */
    flag_type flags;
    char *forbidden;         /* the FORBIDDENWORD flag, as written */
    gboolean affix_hyphen;   /* an affix adds or strips a '-' */
    gboolean affix_forbidden;/* an affix's continuation flags forbid */
    GPtrArray *affix_flags;  /* continuation flags of each affix rule, as written */
    GString *iconv_in;       /* the ICONV patterns that a joined word can hold */
    GString *iconv_out;      /* and what they become */
} affix_facts;

static void
read_affix_line (affix_facts *facts, char **f)
{
    guint n = g_strv_length (f);
    if (n == 0)
        return;
    if (strcmp (f[0], "SET") == 0 && n > 1)
        facts->utf8 = g_ascii_strcasecmp (f[1], "UTF-8") == 0;
    else if (strcmp (f[0], "FLAG") == 0 && n > 1)
        facts->flags = strcmp (f[1], "long") == 0   ? FLAGS_LONG
                       : strcmp (f[1], "num") == 0  ? FLAGS_NUM
                       : strcmp (f[1], "UTF-8") == 0 ? FLAGS_UTF8
                                                     : FLAGS_CHAR;
    else if (strcmp (f[0], "FORBIDDENWORD") == 0 && n > 1)
        g_free (facts->forbidden), facts->forbidden = g_strdup (f[1]);
    else if (strcmp (f[0], "IGNORE") == 0 || strcmp (f[0], "FORBIDWARN") == 0
             || strcmp (f[0], "AF") == 0)
        facts->unsupported = TRUE;
    else if (strcmp (f[0], "BREAK") == 0 && n > 1) {
        if (!facts->break_seen)
            facts->break_seen = TRUE; /* the first gives the count */
        else if (strcmp (f[1], "-") == 0)
            facts->hyphen_breaks = TRUE;
        else if (!outside_joined_words (f[1]))
            facts->other_breaks = TRUE;
    } else if (strcmp (f[0], "ICONV") == 0 && n > 2) {
        /* a joined word is converted whole, its parts once more; an anchor
         * ('_' in hunspell 1.7, '^' or '$' elsewhere) would match at the
         * start or end of a part, not of the word */
        gsize in_len = strlen (f[1]);
        if (strchr (f[1], '-') || strchr (f[2], '-') || strchr (f[1], '_') || f[1][0] == '^'
            || (in_len > 0 && f[1][in_len - 1] == '$'))
            facts->unsupported = TRUE;
        else if (!outside_joined_words (f[1])) {
            if (strlen (f[2]) > strlen (f[1]) || outside_joined_words (f[2]))
                facts->unsupported = TRUE;
            g_string_append_printf (facts->iconv_in, "%s\n", f[1]);
            g_string_append_printf (facts->iconv_out, "%s\n", f[2]);
        }
    } else if ((strcmp (f[0], "PFX") == 0 || strcmp (f[0], "SFX") == 0) && n > 4) {
        const char *slash = strchr (f[3], '/');
        if (strchr (f[2], '-') || (slash ? memchr (f[3], '-', (gsize) (slash - f[3]))
                                         : strchr (f[3], '-')))
            facts->affix_hyphen = TRUE;
        if (slash)
            g_ptr_array_add (facts->affix_flags, g_strdup (slash + 1));
    }
}

/* Whether what an ICONV pattern a joined word can hold becomes can make
 * another match, so that converting twice differs from once. */
static gboolean
iconv_chains (const affix_facts *facts)
{
    char **ins = g_strsplit (facts->iconv_in->str, "\n", -1);
    gboolean chains = FALSE;
    for (const char *p = facts->iconv_out->str; *p && !chains; p = g_utf8_next_char (p)) {
        char c[8] = { 0 };
        g_unichar_to_utf8 (g_utf8_get_char (p), c);
        for (char **in = ins; *in && !chains; in++)
            chains = c[0] != '\n' && strstr (*in, c) != NULL;
    }
    g_strfreev (ins);
    return chains;
}

/* Whether an entry of the .dic at PATH has flag FORBIDDEN: *ANY, and
 * *HYPHENATED when that entry's word has a hyphen. */
static gboolean
scan_dictionary (const char *path, flag_type type, guint forbidden, gboolean *any,
                 gboolean *hyphenated)
{
    char *text = NULL;
    if (!g_file_get_contents (path, &text, NULL, NULL))
        return FALSE;
    GArray *values = g_array_new (FALSE, FALSE, sizeof (guint));
    char *save = NULL;
    gboolean first = TRUE;
    for (char *line = strtok_r (text, "\n", &save); line; line = strtok_r (NULL, "\n", &save)) {
        if (first) { /* the word count */
            first = FALSE;
            continue;
        }
        /* WORD[/FLAGS] [fields]; a '/' in a word is written "\/" */
        char *slash = line;
        while ((slash = strchr (slash, '/')) != NULL && slash > line && slash[-1] == '\\')
            slash++;
        gsize word_len = strcspn (line, " \t");
        if (slash == NULL || (gsize) (slash - line) > word_len)
            continue;
        char *flags = g_strndup (slash + 1, strcspn (slash + 1, " \t\r"));
        decode_flags (flags, type, values);
        g_free (flags);
        if (has_flag (values, forbidden)) {
            *any = TRUE;
            if (memchr (line, '-', (gsize) (slash - line)))
                *hyphenated = TRUE;
        }
    }
    g_array_unref (values);
    g_free (text);
    return TRUE;
}

/* Hunspell rejects a word it does not know whole, even when its parts are
 * accepted, when: '-' is not a BREAK pattern (it is by default); the word
 * has 10 break points (so no other pattern may occur in a word of letters,
 * apostrophes and hyphens); it, or the entry it derives from, carries the
 * FORBIDDENWORD flag (so no entry may have it, or none with a hyphen and
 * no affix may add one); or it is too long (JOINED_MAX_BYTES). ICONV
 * converts the word whole and each part again: that must not differ from
 * converting the part once. IGNORE, FORBIDWARN and flag aliases are not
 * looked into: the rule is then not used. */
gboolean
sl_spelllist_hyphens_hold (const char *dic)
{
    char *aff = affix_file (dic);
    char *text = NULL;
    gboolean read = g_file_get_contents (aff, &text, NULL, NULL);
    g_free (aff);
    if (!read)
        return FALSE;
    affix_facts facts = { .flags = FLAGS_CHAR };
    facts.affix_flags = g_ptr_array_new_with_free_func (g_free);
    facts.iconv_in = g_string_new (NULL);
    facts.iconv_out = g_string_new (NULL);
    char **lines = g_strsplit (text, "\n", -1);
    g_free (text);
    for (char **line = lines; *line; line++) {
        char *f[AFFIX_FIELDS + 1];
        line_fields (*line, f);
        read_affix_line (&facts, f);
    }
    g_strfreev (lines);

    gboolean holds = facts.utf8 && !facts.unsupported && !facts.other_breaks
                     && (facts.hyphen_breaks || !facts.break_seen) && !iconv_chains (&facts);
    GArray *values = g_array_new (FALSE, FALSE, sizeof (guint));
    guint forbidden = DEFAULT_FORBIDDEN_FLAG;
    if (facts.forbidden) {
        decode_flags (facts.forbidden, facts.flags, values);
        forbidden = values->len ? g_array_index (values, guint, 0) : DEFAULT_FORBIDDEN_FLAG;
    }
    for (guint i = 0; i < facts.affix_flags->len; i++) {
        decode_flags (g_ptr_array_index (facts.affix_flags, i), facts.flags, values);
        facts.affix_forbidden |= has_flag (values, forbidden);
    }
    g_array_unref (values);
    gboolean any = FALSE, hyphenated = FALSE;
    if (holds && !scan_dictionary (dic, facts.flags, forbidden, &any, &hyphenated))
        holds = FALSE;
    if ((any || facts.affix_forbidden) && (hyphenated || facts.affix_hyphen || facts.affix_forbidden))
        holds = FALSE;
    g_string_free (facts.iconv_out, TRUE);
    g_string_free (facts.iconv_in, TRUE);
    g_ptr_array_unref (facts.affix_flags);
    g_free (facts.forbidden);
    return holds;
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
    gboolean hyphens = field_number (header, "hyphens") == 1;
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
    list->hyphens = hyphens;
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

/* Whether WORD is in LIST as a whole. */
static gboolean
list_has (const sl_spelllist *list, const char *word, gsize len)
{
    char key[SL_SPELLLIST_MAX_WORD + 1];
    gsize key_len;
    gboolean capital;
    if (!word_key (word, len, key, &key_len, &capital))
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

/* Whether WORD is parts of LIST joined by single hyphens, as hunspell
 * accepts them under its BREAK rule. */
static gboolean
list_has_parts (const sl_spelllist *list, const char *word, gsize len)
{
    if (len > JOINED_MAX_BYTES || !g_utf8_validate (word, (gssize) len, NULL))
        return FALSE;
    guint hyphens = 0;
    for (const char *p = word; p < word + len; p = g_utf8_next_char (p)) {
        gunichar c = g_utf8_get_char (p);
        if (!joined_word_char (c))
            return FALSE;
        hyphens += c == '-';
    }
    if (hyphens == 0 || hyphens >= BREAK_MAX_POINTS)
        return FALSE;
    const char *part = word, *end = word + len;
    while (part <= end) {
        const char *hyphen = memchr (part, '-', (gsize) (end - part));
        const char *part_end = hyphen ? hyphen : end;
        if (part_end == part || !list_has (list, part, (gsize) (part_end - part)))
            return FALSE;
        part = part_end + 1;
    }
    return TRUE;
}

gboolean
sl_spelllist_accepts (const sl_spelllist *list, const char *word, gsize len)
{
    if (list == NULL)
        return FALSE;
    if (list_has (list, word, len))
        return TRUE;
    return list->hyphens && memchr (word, '-', len) && list_has_parts (list, word, len);
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
    gboolean hyphens;
};

void
sl_spelllist_builder_set_hyphens (sl_spelllist_builder *builder, gboolean hyphens)
{
    builder->hyphens = hyphens;
}

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
    g_string_append_printf (file, "tag %s\ndic %s\naff %s\nkeys %u\nblocks %u\n", tag, dic_id,
                            aff_id, n, blocks);
    if (builder->hyphens)
        g_string_append (file, "hyphens 1\n");
    g_string_append_c (file, '\n');
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
