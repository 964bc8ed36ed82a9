/* test-textmap.c: decoding to UTF-8 with a source offset per byte (so a
 * finding leads back to the raw file), template placeholders, and the
 * folding behind phrase matching. */
#include "config.h"

#include <string.h>

#include "doc.h"
#include "suites.h"
#include "text/fold.h"
#include "text/placeholder.h"
#include "text/textmap.h"

/* Assert MAP's text and the source of each of its bytes. */
static void
assert_map (const sl_textmap *map, const char *text, const guint32 *src, gsize n)
{
    ck_assert_msg (map->len == strlen (text) && memcmp (map->text, text, map->len) == 0,
                   "expected text \"%s\", got \"%s\"", text, map->text);
    ck_assert_uint_eq (map->len, n);
    ck_assert_msg (map->text[map->len] == '\0', "the text is not NUL-terminated");
    for (gsize i = 0; i < n; i++)
        ck_assert_msg (map->src[i] == src[i], "byte %u of \"%s\": source %u, expected %u",
                       (unsigned) i, text, map->src[i], src[i]);
}

/* --- sl_textmap_decode --------------------------------------------------- */

START_TEST (test_decode_utf8_is_a_copy)
{
    sl_textmap map;
    sl_textmap_init (&map);
    ck_assert (sl_textmap_decode (&map, "caf\xc3\xa9 !", 7, NULL, 100, NULL));
    static const guint32 src[] = { 100, 101, 102, 103, 104, 105, 106 };
    assert_map (&map, "caf\xc3\xa9 !", src, G_N_ELEMENTS (src));
    sl_textmap_clear (&map);
}
END_TEST

START_TEST (test_decode_utf8_with_sources)
{
    /* quoted-printable "=C3=A9t=C3=A9": each decoded byte comes from its '=' */
    static const guint32 in_src[] = { 0, 3, 6, 7, 10 };
    sl_textmap map;
    sl_textmap_init (&map);
    ck_assert (sl_textmap_decode (&map, "\xc3\xa9t\xc3\xa9", 5, in_src, 999, "UTF-8"));
    assert_map (&map, "\xc3\xa9t\xc3\xa9", in_src, G_N_ELEMENTS (in_src));
    sl_textmap_clear (&map);
}
END_TEST

START_TEST (test_decode_invalid_utf8_as_windows_1252)
{
    /* "café € “ok”" in Windows-1252: each character maps to its one byte */
    sl_textmap map;
    sl_textmap_init (&map);
    ck_assert (sl_textmap_decode (&map, "caf\xe9 \x80 \x93ok\x94", 11, NULL, 0, NULL));
    static const guint32 src[] = {
        0, 1, 2, 3, 3,    /* c a f é */
        4, 5, 5, 5, 6,    /* space € space */
        7, 7, 7, 8, 9,    /* “ o k */
        10, 10, 10        /* ” */
    };
    assert_map (&map, "caf\xc3\xa9 \xe2\x82\xac \xe2\x80\x9cok\xe2\x80\x9d", src,
                G_N_ELEMENTS (src));
    sl_textmap_clear (&map);

    /* é from 0xE9 inside valid UTF-8 text, with a base offset */
    sl_textmap_init (&map);
    sl_textmap_decode (&map, "\xc3\x89t\xe9 gratuit", 12, NULL, 50, NULL);
    static const guint32 src2[] = { 50, 51, 52, 53, 53, 54, 55, 56, 57, 58, 59, 60, 61 };
    assert_map (&map, "\xc3\x89t\xc3\xa9 gratuit", src2, G_N_ELEMENTS (src2));
    sl_textmap_clear (&map);
}
END_TEST

START_TEST (test_decode_undefined_byte)
{
    /* 0x81 is undefined in Windows-1252: U+FFFD, from that byte */
    sl_textmap map;
    sl_textmap_init (&map);
    sl_textmap_decode (&map, "a\x81" "b", 3, NULL, 0, NULL);
    static const guint32 src[] = { 0, 1, 1, 1, 2 };
    assert_map (&map, "a\xef\xbf\xbd" "b", src, G_N_ELEMENTS (src));
    sl_textmap_clear (&map);
}
END_TEST

/* BUG (src/text/textmap.c, decode_utf8_or_cp1252): "NUL bytes become
 * spaces so that the text stays a C string" only holds inside a valid run,
 * and g_utf8_validate_len () never counts NUL as valid: a NUL goes the
 * Windows-1252 way and stays NUL, so the decoded text of "a\0b" is cut at
 * "a" for every C-string user (see test_text_with_a_nul_byte in
 * test-load.c for what the user sees). */
START_TEST (test_decode_nul_byte)
{
    sl_textmap map;
    sl_textmap_init (&map);
    sl_textmap_decode (&map, "a\0b\xc3\xa9\0", 6, NULL, 0, NULL);
    static const guint32 src[] = { 0, 1, 2, 3, 4, 5 };
    assert_map (&map, "a b\xc3\xa9 ", src, G_N_ELEMENTS (src));
    sl_textmap_clear (&map);
}
END_TEST

/* BUG (src/text/textmap.c, reserve): decoding no bytes into an empty map
 * allocates the text but never writes its terminating NUL, although
 * textmap.h promises NUL-terminated text. eml.c's load_subject then runs
 * strcmp () on uninitialised memory for a blank "Subject:    " header
 * (valgrind: "Conditional jump or move depends on uninitialised value"
 * at eml.c, load_subject). A freed block of the same size, filled with
 * 'x', makes the missing NUL show without valgrind. */
START_TEST (test_decode_nothing_is_terminated)
{
    char *dirty = g_malloc (64);
    memset (dirty, 'x', 64);
    g_free (dirty);
    sl_textmap map;
    sl_textmap_init (&map);
    sl_textmap_decode (&map, "", 0, NULL, 0, NULL);
    ck_assert_uint_eq (map.len, 0);
    ck_assert_msg (map.text == NULL || map.text[0] == '\0',
                   "decoding nothing left an unterminated text");
    sl_textmap_clear (&map);
}
END_TEST

/* What decoding repaired is counted, with the source of the first byte of
 * each kind, for the input-encoding note. */
START_TEST (test_decode_notes_invalid_and_nul)
{
    sl_textmap map;
    sl_textmap_init (&map);
    sl_decode_notes notes = { 0 };
    ck_assert (sl_textmap_decode_noted (&map, "ok caf\xe9\0 \x93x\x94\0", 13, NULL, 100, NULL,
                                        &notes));
    ck_assert_uint_eq (notes.invalid, 3);
    ck_assert_uint_eq (notes.invalid_at, 106);
    ck_assert_uint_eq (notes.invalid_byte, 0xE9);
    ck_assert_uint_eq (notes.nul, 2);
    ck_assert_uint_eq (notes.nul_at, 107);
    ck_assert_uint_eq (notes.illegal, 0);
    ck_assert (!notes.unknown_charset);
    ck_assert (sl_decode_notes_any (&notes));
    sl_textmap_clear (&map);
}
END_TEST

START_TEST (test_decode_notes_quiet)
{
    sl_textmap map;
    sl_textmap_init (&map);
    sl_decode_notes notes = { 0 };
    /* valid UTF-8, and Latin-1 declared as such: nothing to tell */
    sl_textmap_decode_noted (&map, "caf\xc3\xa9", 5, NULL, 0, "utf-8", &notes);
    sl_textmap_decode_noted (&map, "caf\xe9", 4, NULL, 0, "iso-8859-1", &notes);
    ck_assert (!sl_decode_notes_any (&notes));
    sl_textmap_clear (&map);
}
END_TEST

START_TEST (test_decode_notes_charset)
{
    sl_textmap map;
    sl_textmap_init (&map);
    sl_decode_notes notes = { 0 };
    ck_assert (!sl_textmap_decode_noted (&map, "caf\xe9", 4, NULL, 0, "x-no-such-charset", &notes));
    ck_assert (notes.unknown_charset);
    ck_assert_uint_eq (notes.invalid, 1);
    sl_textmap_clear (&map);
    /* 0x81 is not a Windows-1252 character: replaced, and counted */
    sl_decode_notes declared = { 0 };
    ck_assert (sl_textmap_decode_noted (&map, "a\x81" "b", 3, NULL, 20, "windows-1252", &declared));
    ck_assert_uint_eq (declared.illegal, 1);
    ck_assert_uint_eq (declared.illegal_at, 21);
    ck_assert_uint_eq (declared.illegal_byte, 0x81);
    sl_textmap_clear (&map);
    /* a NUL character in UTF-16 becomes a space too */
    sl_decode_notes utf16 = { 0 };
    sl_textmap_decode_noted (&map, "a\0\0\0b\0", 6, NULL, 2, "UTF-16LE", &utf16);
    ck_assert_str_eq (map.text, "a b");
    ck_assert_uint_eq (utf16.nul, 1);
    ck_assert_uint_eq (utf16.nul_at, 4);
    sl_textmap_clear (&map);
}
END_TEST

START_TEST (test_decode_iconv_latin9)
{
    /* ISO-8859-15: 0xA4 is €, 0xBD is œ (in ISO-8859-1 they are ¤ and ½) */
    sl_textmap map;
    sl_textmap_init (&map);
    ck_assert (sl_textmap_decode (&map, "\xa4 \xe9t\xe9 \xbd", 7, NULL, 20, "iso-8859-15"));
    static const guint32 src[] = { 20, 20, 20, 21, 22, 22, 23, 24, 24, 25, 26, 26 };
    assert_map (&map, "\xe2\x82\xac \xc3\xa9t\xc3\xa9 \xc5\x93", src, G_N_ELEMENTS (src));
    sl_textmap_clear (&map);

    sl_textmap_init (&map);
    ck_assert (sl_textmap_decode (&map, "\xa4", 1, NULL, 0, "ISO-8859-1"));
    ck_assert_str_eq (map.text, "\xc2\xa4");
    sl_textmap_clear (&map);
}
END_TEST

START_TEST (test_decode_single_byte_table)
{
    /* one byte per character, read through a table: KOI8-R "мир" */
    sl_textmap map;
    sl_textmap_init (&map);
    ck_assert (sl_textmap_decode (&map, "\xcd\xc9\xd2", 3, NULL, 5, "koi8-r"));
    static const guint32 src[] = { 5, 5, 6, 6, 7, 7 };
    assert_map (&map, "\xd0\xbc\xd0\xb8\xd1\x80", src, G_N_ELEMENTS (src));
    sl_textmap_clear (&map);

    /* 0x81 is no Windows-1252 character: U+FFFD, noted at its byte; a NUL
     * byte is read as a space, noted too */
    sl_decode_notes notes = { 0 };
    sl_textmap_init (&map);
    ck_assert (sl_textmap_decode_noted (&map, "a\x81" "b\0c", 5, NULL, 100, "windows-1252", &notes));
    static const guint32 src2[] = { 100, 101, 101, 101, 102, 103, 104 };
    assert_map (&map, "a\xef\xbf\xbd" "b c", src2, G_N_ELEMENTS (src2));
    ck_assert_uint_eq (notes.illegal, 1);
    ck_assert_uint_eq (notes.illegal_at, 101);
    ck_assert_uint_eq (notes.illegal_byte, 0x81);
    ck_assert_uint_eq (notes.nul, 1);
    ck_assert_uint_eq (notes.nul_at, 103);
    sl_textmap_clear (&map);
}
END_TEST

START_TEST (test_decode_iconv_shift_jis)
{
    /* "a日本b": each two-byte ideograph maps to its first byte */
    sl_textmap map;
    sl_textmap_init (&map);
    ck_assert (sl_textmap_decode (&map, "a\x93\xfa\x96\x7b" "b", 6, NULL, 10, "shift_jis"));
    static const guint32 src[] = { 10, 11, 11, 11, 13, 13, 13, 15 };
    assert_map (&map, "a\xe6\x97\xa5\xe6\x9c\xac" "b", src, G_N_ELEMENTS (src));
    sl_textmap_clear (&map);

    /* a truncated last character becomes U+FFFD at its byte */
    sl_textmap_init (&map);
    sl_textmap_decode (&map, "a\x93", 2, NULL, 0, "shift_jis");
    static const guint32 src2[] = { 0, 1, 1, 1 };
    assert_map (&map, "a\xef\xbf\xbd", src2, G_N_ELEMENTS (src2));
    sl_textmap_clear (&map);
}
END_TEST

START_TEST (test_decode_iconv_with_sources)
{
    /* quoted-printable "=E9t=E9" in ISO-8859-1 */
    static const guint32 in_src[] = { 0, 3, 4 };
    sl_textmap map;
    sl_textmap_init (&map);
    ck_assert (sl_textmap_decode (&map, "\xe9t\xe9", 3, in_src, 0, "iso-8859-1"));
    static const guint32 src[] = { 0, 0, 3, 4, 4 };
    assert_map (&map, "\xc3\xa9t\xc3\xa9", src, G_N_ELEMENTS (src));
    sl_textmap_clear (&map);
}
END_TEST

START_TEST (test_decode_unknown_charset)
{
    sl_textmap map;
    sl_textmap_init (&map);
    ck_assert (!sl_textmap_decode (&map, "caf\xe9", 4, NULL, 0, "x-no-such-charset"));
    static const guint32 src[] = { 0, 1, 2, 3, 3 };
    assert_map (&map, "caf\xc3\xa9", src, G_N_ELEMENTS (src));
    sl_textmap_clear (&map);
}
END_TEST

/* --- append and compose -------------------------------------------------- */

START_TEST (test_append)
{
    sl_textmap map;
    sl_textmap_init (&map);
    sl_textmap_append_span (&map, "ab", 2, 10);
    sl_textmap_append_at (&map, "\xc2\xa0", 2, 20); /* &nbsp; decoded */
    sl_textmap other;
    sl_textmap_init (&other);
    sl_textmap_append_span (&other, "xyz", 3, 30);
    sl_textmap_append_map (&map, &other, 1, 3);
    static const guint32 src[] = { 10, 11, 20, 20, 31, 32 };
    assert_map (&map, "ab\xc2\xa0yz", src, G_N_ELEMENTS (src));
    ck_assert_uint_eq (sl_utf8_char_end (map.text, map.len, 2), 4);
    ck_assert_uint_eq (sl_utf8_char_end (map.text, map.len, 0), 1);
    ck_assert_uint_eq (sl_utf8_char_end (map.text, map.len, 6), 6);
    sl_textmap_clear (&map);
    sl_textmap_clear (&other);
}
END_TEST

START_TEST (test_compose)
{
    /* outer: Windows-1252 bytes of a raw file at offset 40; inner: a
     * decoding step over the outer text (here a plain copy), whose sources
     * are offsets in the outer text until composed */
    sl_textmap outer, inner;
    sl_textmap_init (&outer);
    sl_textmap_init (&inner);
    sl_textmap_decode (&outer, "L\xe9t\xe9", 4, NULL, 40, NULL);
    sl_textmap_decode (&inner, outer.text, outer.len, NULL, 0, NULL);
    sl_textmap_compose (&inner, &outer);
    static const guint32 src[] = { 40, 41, 41, 42, 43, 43 };
    assert_map (&inner, "L\xc3\xa9t\xc3\xa9", src, G_N_ELEMENTS (src));

    /* a source past the outer text leads to the outer text's last source */
    sl_textmap tail;
    sl_textmap_init (&tail);
    sl_textmap_append_at (&tail, "x", 1, 99);
    sl_textmap_compose (&tail, &outer);
    ck_assert_uint_eq (tail.src[0], 43);
    sl_textmap_clear (&tail);
    sl_textmap_clear (&inner);
    sl_textmap_clear (&outer);
}
END_TEST

/* --- placeholders -------------------------------------------------------- */

static gsize
placeholder_length (const char *text)
{
    return sl_placeholder_at (text, strlen (text), 0);
}

START_TEST (test_placeholders_recognised)
{
    static const char *const tags[] = {
        "{{x}}", "{{ first_name }}", "{{{x}}}", "{{{ body }}}", "*|UNSUB|*", "*|FNAME|*",
        "%%x%%", "%%First_Name%%", "{% if user %}", "{$x}", "${x}", "${user.name}",
        "[[x]]", "[[ unsubscribe ]]", "[Sender_Address]", "[Unsubscribe]",
        "<%asm_group_unsubscribe_raw_url%>", NULL
    };
    for (guint i = 0; tags[i]; i++)
        ck_assert_msg (placeholder_length (tags[i]) == strlen (tags[i]),
                       "\"%s\": length %u, expected %u", tags[i],
                       (unsigned) placeholder_length (tags[i]), (unsigned) strlen (tags[i]));
}
END_TEST

START_TEST (test_placeholders_in_text)
{
    const char *text = "Bonjour {{first_name}}, *|FNAME|* !";
    gsize len = strlen (text);
    ck_assert_uint_eq (sl_placeholder_at (text, len, 8), 14);
    ck_assert_uint_eq (sl_placeholder_at (text, len, 24), 9);
    ck_assert_uint_eq (sl_placeholder_at (text, len, 0), 0);
    /* a tag cut by the end of the text */
    ck_assert_uint_eq (sl_placeholder_at (text, 20, 8), 0);
    /* the closing of a tag is the first one: "{{a}} et {{b}}" is two tags */
    const char *two = "{{a}} et {{b}}";
    ck_assert_uint_eq (sl_placeholder_at (two, strlen (two), 0), 5);
}
END_TEST

START_TEST (test_not_placeholders)
{
    static const char *const texts[] = {
        "[ x ]", "[x y]", "{ x }", "{x}", "{{ pas de fin", "{{x} }", "%%x y%%", "%% x %%",
        "${ x }", "[]", "*| no close", "[[ no close", "<% no close", "{% no close", "{", "",
        NULL
    };
    for (guint i = 0; texts[i]; i++)
        ck_assert_msg (strlen (texts[i]) == 0 || placeholder_length (texts[i]) == 0,
                       "\"%s\" taken for a placeholder of %u bytes", texts[i],
                       (unsigned) placeholder_length (texts[i]));
    /* a stray "{{" cannot swallow a whole draft: its close is too far */
    GString *text = g_string_new ("{{");
    for (int i = 0; i < 400; i++)
        g_string_append_c (text, 'a');
    g_string_append (text, "}}");
    ck_assert_uint_eq (sl_placeholder_at (text->str, text->len, 0), 0);
    g_string_free (text, TRUE);
}
END_TEST

START_TEST (test_placeholders_blank)
{
    const char *original = "Hi {{first_name}}, *|UNSUB|* [Sender_City] {{a\nb}} { x } [ y ]";
    char *text = g_strdup (original);
    GArray *spans = g_array_new (FALSE, FALSE, sizeof (sl_span));
    sl_placeholders_blank (text, strlen (text), spans);
    static const gsize starts[] = { 3, 19, 29, 43 }, ends[] = { 17, 28, 42, 50 };
    ck_assert_uint_eq (spans->len, G_N_ELEMENTS (starts));
    for (guint i = 0; i < G_N_ELEMENTS (starts); i++) {
        ck_assert_uint_eq (g_array_index (spans, sl_span, i).start, starts[i]);
        ck_assert_uint_eq (g_array_index (spans, sl_span, i).end, ends[i]);
    }
    /* each tag is U+FFFC (a barrier for phrases) then spaces, line breaks
     * kept; the rest is untouched */
    ck_assert_str_eq (text, "Hi \xEF\xBF\xBC           , \xEF\xBF\xBC       \xEF\xBF\xBC           "
                            "\xEF\xBF\xBC\n    { x } [ y ]");
    ck_assert_uint_eq (strlen (text), strlen (original));
    g_array_free (spans, TRUE);
    g_free (text);
}
END_TEST

/* --- folding ------------------------------------------------------------- */

#define assert_fold(in, out) \
    do { \
        char *folded_ = sl_fold_string (in); \
        ck_assert_msg (strcmp (folded_, (out)) == 0, "fold \"%s\": \"%s\", expected \"%s\"", \
                       (in), folded_, (out)); \
        g_free (folded_); \
    } while (0)

START_TEST (test_fold_string)
{
    assert_fold ("Gratuit", "gratuit");
    assert_fold ("Cr\xc3\xa9" "dit", "credit");
    assert_fold ("GRATUIT\n\n  \xc3\x80", "gratuit a");
    assert_fold ("l\xe2\x80\x99offre", "l'offre");
    assert_fold ("\xc5\x93uvre \xc5\x92UVRE", "oeuvre oeuvre");
    assert_fold ("OFFRE EXCEPTIONN\xc3\x88LLE", "offre exceptionnelle");
    assert_fold ("100\xc2\xa0% gratuit", "100 % gratuit");
    assert_fold ("  sans\t\tfrais \r\n", "sans frais");
    assert_fold ("Stra\xc3\x9f" "e", "strasse");
}
END_TEST

START_TEST (test_fold_keeps_sources)
{
    /* "Été  Gratuit": each folded byte knows the input byte it came from */
    const char *text = "\xc3\x89t\xc3\xa9  Gratuit";
    sl_folded folded;
    sl_folded_init (&folded);
    sl_fold (&folded, text, strlen (text));
    ck_assert_str_eq (folded.text->str, "ete gratuit");
    static const guint32 from[] = { 0, 2, 3, 5, 7, 8, 9, 10, 11, 12, 13 };
    ck_assert_uint_eq (folded.from->len, G_N_ELEMENTS (from));
    for (guint i = 0; i < G_N_ELEMENTS (from); i++)
        ck_assert_uint_eq (g_array_index (folded.from, guint32, i), from[i]);
    sl_folded_clear (&folded);
}
END_TEST

Suite *
textmap_suite (void)
{
    Suite *suite = suite_create ("textmap");
    TCase *tc = tcase_create ("decode");
    tcase_add_test (tc, test_decode_utf8_is_a_copy);
    tcase_add_test (tc, test_decode_utf8_with_sources);
    tcase_add_test (tc, test_decode_invalid_utf8_as_windows_1252);
    tcase_add_test (tc, test_decode_undefined_byte);
    tcase_add_test (tc, test_decode_nul_byte);
    tcase_add_test (tc, test_decode_nothing_is_terminated);
    tcase_add_test (tc, test_decode_notes_invalid_and_nul);
    tcase_add_test (tc, test_decode_notes_quiet);
    tcase_add_test (tc, test_decode_notes_charset);
    tcase_add_test (tc, test_decode_iconv_latin9);
    tcase_add_test (tc, test_decode_single_byte_table);
    tcase_add_test (tc, test_decode_iconv_shift_jis);
    tcase_add_test (tc, test_decode_iconv_with_sources);
    tcase_add_test (tc, test_decode_unknown_charset);
    tcase_add_test (tc, test_append);
    tcase_add_test (tc, test_compose);
    suite_add_tcase (suite, tc);

    tc = tcase_create ("placeholder");
    tcase_add_test (tc, test_placeholders_recognised);
    tcase_add_test (tc, test_placeholders_in_text);
    tcase_add_test (tc, test_not_placeholders);
    tcase_add_test (tc, test_placeholders_blank);
    suite_add_tcase (suite, tc);

    tc = tcase_create ("fold");
    tcase_add_test (tc, test_fold_string);
    tcase_add_test (tc, test_fold_keeps_sources);
    suite_add_tcase (suite, tc);
    return suite;
}
