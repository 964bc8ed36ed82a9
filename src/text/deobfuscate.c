/* deobfuscate.c: spam-phrase-obfuscated reads the draft a second time as a
 * filter-dodger meant it to be read. Each trick is undone only where it
 * cannot be innocent:
 *   - zero-width characters and soft hyphens are dropped (a reader never
 *     sees them);
 *   - a Cyrillic or Greek look-alike is read as Latin only inside a word
 *     that also has Latin letters (a Russian word is left alone);
 *   - a digit or symbol is read as a letter (0 o, 1 i, 3 e, 4 a, 5 s, 7 t,
 *     9 g, 8 b, @ a, $ s, € e, | l, ! i) only inside a word with at least
 *     two Latin letters, next to a letter (2024 and 50 € stay numbers);
 *   - four or more single letters in a row, separated by spaces or all by
 *     the same one of . - _ * · (G R A T U I T, f.r.e.e), are joined.
 * Compatibility forms (fullwidth, mathematical bold letters) fold to ASCII.
 * The caller keeps only matches that the plain reading did not find and
 * that cover a changed character.
 */
#include "config.h"

#include "text/deobfuscate.h"

#include <string.h>
#include "text/chars.h"
#include "text/words.h"

#define SPACED_MIN_LETTERS 4

typedef struct dchar {
    gunichar c;        /* the character as read */
    guint32 at;        /* its byte offset in the text */
    guint8 len;        /* its length in bytes */
    gboolean drop;
    gboolean changed;
} dchar;

static const struct { gunichar from; gunichar to; } lookalikes[] = {
    /* Cyrillic */
    { 0x0430, 'a' }, { 0x0435, 'e' }, { 0x043E, 'o' }, { 0x0440, 'p' }, { 0x0441, 'c' },
    { 0x0443, 'y' }, { 0x0445, 'x' }, { 0x0456, 'i' }, { 0x0458, 'j' }, { 0x0455, 's' },
    { 0x0501, 'd' }, { 0x04CF, 'l' }, { 0x04BB, 'h' }, { 0x051B, 'q' }, { 0x051D, 'w' },
    { 0x043A, 'k' }, { 0x0410, 'A' }, { 0x0412, 'B' }, { 0x0415, 'E' }, { 0x041A, 'K' },
    { 0x041C, 'M' }, { 0x041D, 'H' }, { 0x041E, 'O' }, { 0x0420, 'P' }, { 0x0421, 'C' },
    { 0x0422, 'T' }, { 0x0425, 'X' }, { 0x0423, 'Y' }, { 0x0406, 'I' }, { 0x0408, 'J' },
    { 0x0405, 'S' },
    /* Greek */
    { 0x0391, 'A' }, { 0x0392, 'B' }, { 0x0395, 'E' }, { 0x0396, 'Z' }, { 0x0397, 'H' },
    { 0x0399, 'I' }, { 0x039A, 'K' }, { 0x039C, 'M' }, { 0x039D, 'N' }, { 0x039F, 'O' },
    { 0x03A1, 'P' }, { 0x03A4, 'T' }, { 0x03A5, 'Y' }, { 0x03A7, 'X' }, { 0x03BF, 'o' },
    { 0x03BD, 'v' }, { 0x03B1, 'a' }, { 0x03C1, 'p' }, { 0x03C5, 'u' }, { 0x03B9, 'i' },
    { 0x03BA, 'k' },
};

static const struct { gunichar from; gunichar to; } leet[] = {
    { '0', 'o' }, { '1', 'i' }, { '3', 'e' }, { '4', 'a' }, { '5', 's' }, { '7', 't' },
    { '9', 'g' }, { '8', 'b' }, { '@', 'a' }, { '$', 's' }, { 0x20AC, 'e' }, { '|', 'l' },
    { '!', 'i' },
};

static gunichar
lookalike_of (gunichar c)
{
    if (c < 0x0391 || c > 0x051D)
        return 0; /* outside Greek and Cyrillic */
    for (guint i = 0; i < G_N_ELEMENTS (lookalikes); i++)
        if (lookalikes[i].from == c)
            return lookalikes[i].to;
    return 0;
}

static gunichar
leet_of (gunichar c)
{
    if (g_ascii_isalpha ((char) (c & 0x7F)) && c < 0x80)
        return 0;
    for (guint i = 0; i < G_N_ELEMENTS (leet); i++)
        if (leet[i].from == c)
            return leet[i].to;
    return 0;
}

static gboolean
is_invisible (gunichar c)
{
    return c >= 0xAD && (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF
           || c == 0x00AD || c == 0x034F || c == 0x180E);
}

static inline gboolean
is_space (gunichar c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return sl_unichar_isspace (c) || c == 0x00A0 || c == 0x202F;
}

static gboolean
is_latin_letter (gunichar c)
{
    if (c < 0x80)
        return g_ascii_isalpha ((char) c);
    return g_unichar_isalpha (c) && g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN;
}

/* A compatibility form (fullwidth, mathematical, circled) of a Latin letter. */
static gunichar
compat_letter (gunichar c)
{
    if (c < 0x2000)
        return 0;
    gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
    gsize n = g_unichar_fully_decompose (c, TRUE, parts, G_N_ELEMENTS (parts));
    if (n == 1 && parts[0] < 0x80 && g_ascii_isalpha ((char) parts[0]))
        return parts[0];
    return 0;
}

static GArray *
decode (const char *text, gsize len)
{
    /* at most one character per byte: filled in place, then cut to size */
    GArray *chars = g_array_sized_new (FALSE, FALSE, sizeof (dchar), (guint) len);
    g_array_set_size (chars, (guint) len);
    dchar *out = (dchar *) (void *) chars->data;
    gsize n = 0;
    for (gsize i = 0, next; i < len; i = next) {
        dchar *d = &out[n++];
        d->c = sl_char_next (text, len, i, &next);
        d->at = (guint32) i;
        d->len = (guint8) (next - i);
        d->drop = FALSE;
        d->changed = FALSE;
    }
    g_array_set_size (chars, (guint) n);
    return chars;
}

static void
change (dchar *d, gunichar c)
{
    d->c = c;
    d->changed = TRUE;
}

/* Look-alikes, compatibility forms and leet inside the token [s, e). */
static void
read_token (dchar *ch, gsize s, gsize e)
{
    unsigned latin = 0, foreign = 0;
    for (gsize i = s; i < e; i++) {
        gunichar compat = compat_letter (ch[i].c);
        if (compat)
            change (&ch[i], compat);
        if (is_latin_letter (ch[i].c))
            latin++;
        else if (lookalike_of (ch[i].c))
            foreign++;
    }
    if (latin >= 1 && foreign >= 1)
        for (gsize i = s; i < e; i++) {
            gunichar to = lookalike_of (ch[i].c);
            if (to) {
                change (&ch[i], to);
                latin++;
            }
        }
    if (latin < 2)
        return;
    /* a leet character next to a letter (or to another leet character
     * that is next to one) stands for a letter; ! and | are punctuation
     * too, so they must sit between two letters (gr!tuit, not gratuit!) */
    for (int pass = 0; pass < 2; pass++)
        for (gsize i = s; i < e; i++) {
            gunichar to = leet_of (ch[i].c);
            if (!to)
                continue;
            gboolean before = i > s && is_latin_letter (ch[i - 1].c);
            gboolean after = i + 1 < e && is_latin_letter (ch[i + 1].c);
            gboolean punctuation = ch[i].c == '!' || ch[i].c == '|';
            if (punctuation ? (before && after) : (before || after))
                change (&ch[i], to);
        }
}

/* A letter, or what may stand for one in a spaced or dotted word: a digit
 * or a look-alike (not a punctuation mark: "G R A T U I T !"). */
static gboolean
is_letterish (gunichar c)
{
    return is_latin_letter (c) || (leet_of (c) != 0 && g_ascii_isdigit ((char) (c & 0x7F)) && c < 0x80)
           || lookalike_of (c) != 0;
}

/* f.r.e.e, g-r-a-t-u-i-t: letters alternating with one separator. */
static void
join_dotted (dchar *ch, gsize s, gsize e)
{
    /* "l'A-R-G-E-N-T": the elided article is not part of the word */
    for (gsize k = s; k < MIN (e, s + 4); k++)
        if ((ch[k].c == '\'' || ch[k].c == 0x2019) && k > s) {
            s = k + 1;
            break;
        }
    if (e < s || e - s < 2 * SPACED_MIN_LETTERS - 1)
        return;
    gunichar sep = ch[s + 1].c;
    if (strchr (".-_*", (int) sep) == NULL && sep != 0x00B7)
        return;
    /* the sentence's own punctuation after the word: "g-r-a-t-u-i-t." */
    while (e > s && ch[e - 1].c != sep && ch[e - 1].c < 0x80 && strchr (".,;:!?)\"'", (int) ch[e - 1].c))
        e--;
    gsize letters = 0, latin = 0;
    gsize i = s;
    for (; i < e; i += 2) {
        if (!is_letterish (ch[i].c))
            return;
        letters++;
        latin += is_latin_letter (ch[i].c);
        if (i + 1 < e && ch[i + 1].c != sep)
            return;
    }
    /* 192.168.0.1 is an address, not a word */
    if (letters < SPACED_MIN_LETTERS || latin < 2)
        return;
    for (gsize k = s + 1; k < e; k += 2) {
        ch[k].drop = TRUE;
        ch[k].changed = TRUE;
    }
    for (gsize k = s; k < e; k += 2)
        if (leet_of (ch[k].c) && !is_latin_letter (ch[k].c))
            change (&ch[k], leet_of (ch[k].c));
}

/* G R A T U I T: single-letter tokens in a row. TOKENS holds [start, end)
 * pairs of character indexes. */
static void
join_spaced (dchar *ch, const GArray *tokens)
{
    const gsize *t = (const gsize *) (const void *) tokens->data;
    guint n = tokens->len / 2;
    guint i = 0;
    while (i < n) {
        guint j = i, latin = 0;
        while (j < n && t[2 * j] != G_MAXSIZE && t[2 * j + 1] - t[2 * j] == 1
               && is_letterish (ch[t[2 * j]].c)) {
            latin += is_latin_letter (ch[t[2 * j]].c);
            j++;
        }
        if (j - i >= SPACED_MIN_LETTERS && latin >= 2) {
            for (guint k = i; k < j; k++) {
                gsize c = t[2 * k];
                if (!is_latin_letter (ch[c].c)) {
                    gunichar to = leet_of (ch[c].c) ? leet_of (ch[c].c) : lookalike_of (ch[c].c);
                    change (&ch[c], to);
                }
                /* "F R E E   M O N E Y": a wider gap is a space between words */
                if (k + 1 < j) {
                    gsize gap_start = t[2 * k + 1], gap_end = t[2 * (k + 1)];
                    gboolean word_gap = gap_end - gap_start > 1;
                    for (gsize g = gap_start + (word_gap ? 1 : 0); g < gap_end; g++) {
                        ch[g].drop = TRUE;
                        ch[g].changed = TRUE;
                    }
                }
            }
        }
        i = j > i ? j : i + 1;
    }
}

/* --- the quick look ----------------------------------------------------
 * Most texts hide nothing, and reading them character by character as
 * above costs more than the phrase search itself. One pass over the
 * bytes tells, without building anything, that none of the tricks can
 * apply; when in doubt it says so, and the text is read the long way. */

enum { Q_OTHER, Q_LETTER, Q_LEET, Q_SEP, Q_SPACE, Q_SLOW };

/* The quick look's class of C, told by the same tests as the long way: a
 * character that a trick may change by itself (an invisible one, a
 * look-alike, a compatibility form of a letter) sends the text the long
 * way. */
static int
quick_class (gunichar c)
{
    if (c < 0x80) {
        if (c == 0)
            return Q_SLOW;
        if (is_space (c))
            return Q_SPACE;
        if (g_ascii_isalpha ((char) c))
            return Q_LETTER;
        if (leet_of (c))
            return Q_LEET;
        return strchr (".-_*", (int) c) ? Q_SEP : Q_OTHER;
    }
    if (c >= 0xC0 && c <= 0x17F && c != 0xD7 && c != 0xF7)
        return Q_LETTER; /* the accents of the five languages, without a lookup */
    if (c == 0x20AC)
        return Q_LEET;
    if (c == 0xB7)
        return Q_SEP;
    /* any other character as the long way reads it */
    if (is_invisible (c) || lookalike_of (c) || compat_letter (c))
        return Q_SLOW;
    if (is_space (c))
        return Q_SPACE;
    return is_latin_letter (c) ? Q_LETTER : Q_OTHER;
}

#define QUICK_HEAD 8   /* the characters of a token join_dotted looks at first */

typedef struct quick_token {
    gsize start;                  /* its first byte */
    gsize chars;                  /* its length in characters */
    gsize trailing;               /* sentence punctuation at its end */
    unsigned letters;
    gboolean leet_by_letter;      /* a leet character read_token would change */
    gunichar head[QUICK_HEAD];
    int head_class[QUICK_HEAD];
} quick_token;

static gboolean
quick_letterish (const quick_token *t, gsize k)
{
    return t->head_class[k] == Q_LETTER || (t->head_class[k] == Q_LEET && g_ascii_isdigit ((char) t->head[k]));
}

/* Whether join_dotted could join the token: after an elided article, at
 * least 2 * SPACED_MIN_LETTERS - 1 characters, starting with a letter, a
 * separator, a letter and the same separator. */
static gboolean
may_be_dotted (const quick_token *t)
{
    gsize s = 0;
    for (gsize k = 1; k < MIN (t->chars, 4); k++)
        if (t->head[k] == '\'' || t->head[k] == 0x2019) {
            s = k + 1;
            break;
        }
    return t->chars >= s + 2 * SPACED_MIN_LETTERS - 1 && t->head_class[s + 1] == Q_SEP
           && quick_letterish (t, s) && quick_letterish (t, s + 2) && t->head[s + 3] == t->head[s + 1];
}

/* Whether undoing the tricks would change nothing in TEXT (FALSE when in
 * doubt). */
static gboolean
nothing_to_undo (const char *text, gsize len)
{
    quick_token t = { 0 };
    unsigned single_letters = 0;   /* tokens of one visible letter in a row */
    int before = Q_SPACE;          /* the class of the character before, in the token */
    /* a leet character whose right side is not seen yet: whether it is
     * punctuation, and what is on its left */
    gboolean pending = FALSE, pending_punct = FALSE;
    int pending_left = Q_SPACE;
    for (gsize i = 0, next; i <= len; i = next) {
        gunichar c = ' ';   /* past the end: the last token ends */
        next = i + 1;
        if (i < len)
            c = sl_char_next (text, len, i, &next);
        int cls = quick_class (c);
        if (cls == Q_SLOW)
            return FALSE;
        if (pending) {
            gboolean left = pending_left == Q_LETTER, right = cls == Q_LETTER;
            if (pending_punct ? left && right : left || right)
                t.leet_by_letter = TRUE;
            pending = FALSE;
        }
        if (cls == Q_SPACE) {
            if (t.chars > 0) {
                if (((t.leet_by_letter && t.letters >= 2) || may_be_dotted (&t))
                    && !sl_token_is_address (text + t.start, i - t.start))
                    return FALSE;
                /* one visible letter or digit ("G", "T.") may be spaced out */
                gboolean single = t.chars - t.trailing == 1 && quick_letterish (&t, 0);
                single_letters = single ? single_letters + 1 : 0;
                if (single_letters >= SPACED_MIN_LETTERS)
                    return FALSE;
                memset (&t, 0, sizeof t);
            }
            before = Q_SPACE;
            continue;
        }
        if (t.chars == 0)
            t.start = i;
        if (t.chars < QUICK_HEAD) {
            t.head[t.chars] = c;
            t.head_class[t.chars] = cls;
        }
        t.chars++;
        t.letters += cls == Q_LETTER;
        t.trailing = c < 0x80 && strchr (".,;:!?)\"'", (int) c) ? t.trailing + 1 : 0;
        if (cls == Q_LEET) {
            pending = TRUE;
            pending_punct = c == '!' || c == '|';
            pending_left = before;
        }
        before = cls;
    }
    return TRUE;
}

gboolean
sl_deobfuscate (sl_folded *out, GByteArray *touched, const char *text, gsize len)
{
    if (nothing_to_undo (text, len)) {
        g_byte_array_set_size (touched, (guint) len);
        if (len > 0)
            memset (touched->data, 0, len);
        sl_fold_begin (out);
        sl_fold_end (out);
        return FALSE;
    }
    GArray *array = decode (text, len);
    dchar *ch = (dchar *) (void *) array->data;
    gsize n = array->len;

    for (gsize i = 0; i < n; i++)
        if (is_invisible (ch[i].c)) {
            ch[i].drop = TRUE;
            ch[i].changed = TRUE;
        }

    GArray *tokens = g_array_new (FALSE, FALSE, sizeof (gsize));
    gsize i = 0;
    while (i < n) {
        if (is_space (ch[i].c)) {
            if (ch[i].c == '\n' && tokens->len > 0) {
                /* a line break ends a group of spaced letters */
                gsize none = G_MAXSIZE;
                g_array_append_val (tokens, none);
                g_array_append_val (tokens, none);
            }
            i++;
            continue;
        }
        gsize s = i;
        gboolean letters_only = TRUE;
        for (; i < n && !is_space (ch[i].c); i++)
            letters_only = letters_only && ch[i].c < 0x80 && g_ascii_isalpha ((char) ch[i].c);
        /* invisible characters do not separate: they were dropped */
        gsize vs = s, ve = i;
        /* a word of ASCII letters, most of a text, hides nothing; nor does
         * a URL or an e-mail address (info@acme.fr is no "infoaacme"),
         * which the phrase rules leave out whole anyway */
        if (!letters_only
            && !sl_token_is_address (text + ch[vs].at, ch[ve - 1].at + ch[ve - 1].len - ch[vs].at)) {
            read_token (ch, vs, ve);
            join_dotted (ch, vs, ve);
        }
        /* a token of one visible letter, the sentence's punctuation after
         * it aside: "T." ends "G R A T U I T." */
        gsize visible = 0, last = ve;
        while (last > vs && !ch[last - 1].drop && ch[last - 1].c < 0x80
               && strchr (".,;:!?)\"'", (int) ch[last - 1].c))
            last--;
        for (gsize k = vs; k < last; k++)
            visible += !ch[k].drop;
        if (visible == 1) {
            gsize k = vs;
            while (ch[k].drop)
                k++;
            g_array_append_val (tokens, k);
            gsize after = k + 1;
            g_array_append_val (tokens, after);
            if (last < ve) {
                /* "T." ends its group: a token that is no letter follows */
                gsize none = G_MAXSIZE;
                g_array_append_val (tokens, none);
                g_array_append_val (tokens, none);
            }
        } else {
            g_array_append_val (tokens, vs);
            g_array_append_val (tokens, ve);
        }
    }
    join_spaced (ch, tokens);
    g_array_free (tokens, TRUE);

    g_byte_array_set_size (touched, (guint) len);
    if (len > 0)
        memset (touched->data, 0, len);
    gboolean any = FALSE;
    for (gsize k = 0; k < n; k++)
        if (ch[k].changed) {
            memset (touched->data + ch[k].at, 1, ch[k].len);
            any = TRUE;
        }
    sl_fold_begin (out);
    /* nothing undone (the common case): the plain reading says it all */
    for (gsize k = 0; any && k < n; k++)
        if (!ch[k].drop)
            sl_fold_char (out, ch[k].c, ch[k].at);
    sl_fold_end (out);
    g_array_free (array, TRUE);
    return any;
}
