/* test-lineindex.c: byte offsets to the line and column an editor shows:
 * 1-based, lines ending at LF (CRLF too), columns counting code points,
 * an invalid UTF-8 byte counting one column. */
#include "config.h"

#include <string.h>

#include "suites.h"
#include "text/lineindex.h"

/* Position of OFFSET in TEXT (a C string). */
static void
position (const char *text, gsize offset, unsigned *line, unsigned *column)
{
    sl_lineindex index;
    sl_lineindex_build (&index, text, strlen (text));
    sl_lineindex_position (&index, offset, line, column);
    sl_lineindex_clear (&index);
}

#define assert_position(text, offset, want_line, want_column) \
    do { \
        unsigned line_, column_; \
        position ((text), (offset), &line_, &column_); \
        ck_assert_msg (line_ == (want_line) && column_ == (want_column), \
                       "offset %u of \"%s\": expected %u:%u, got %u:%u", (unsigned) (offset), \
                       (text), (unsigned) (want_line), (unsigned) (want_column), line_, \
                       column_); \
    } while (0)

START_TEST (test_first_line)
{
    assert_position ("Bonjour", 0, 1, 1);
    assert_position ("Bonjour", 3, 1, 4);
    assert_position ("Bonjour", 6, 1, 7);
}
END_TEST

START_TEST (test_lf_lines)
{
    const char *text = "ab\ncd\n\nef";
    assert_position (text, 2, 1, 3); /* the LF belongs to line 1 */
    assert_position (text, 3, 2, 1);
    assert_position (text, 4, 2, 2);
    assert_position (text, 6, 3, 1); /* an empty line */
    assert_position (text, 7, 4, 1);
    assert_position (text, 8, 4, 2);
}
END_TEST

START_TEST (test_crlf_lines)
{
    const char *text = "ab\r\ncd\r\n\r\nef";
    assert_position (text, 2, 1, 3); /* the CR ends line 1 */
    assert_position (text, 3, 1, 4);
    assert_position (text, 4, 2, 1);
    assert_position (text, 5, 2, 2);
    assert_position (text, 8, 3, 1);
    assert_position (text, 10, 4, 1);
}
END_TEST

START_TEST (test_columns_count_code_points)
{
    /* é is two bytes, the emoji four, each CJK ideograph three */
    assert_position ("\xc3\xa9x", 2, 1, 2);
    assert_position ("caf\xc3\xa9 gratuit", 6, 1, 6);
    assert_position ("\xf0\x9f\x8e\x81 x", 5, 1, 3);
    assert_position ("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e x", 10, 1, 5);
    /* all on a second line, after multi-byte characters on the first */
    const char *text
        = "\xc3\x89t\xc3\xa9\n\xc3\x89t\xc3\xa9 \xf0\x9f\x8e\x81 \xe6\x97\xa5\xe6\x9c\xac gratuit";
    gsize g = (gsize) (strstr (text, "gratuit") - text);
    assert_position (text, g, 2, 10);
}
END_TEST

START_TEST (test_invalid_bytes_one_column_each)
{
    /* Latin-1 "été x": every byte is invalid UTF-8 but é */
    assert_position ("\xe9t\xe9 x", 1, 1, 2);
    assert_position ("\xe9t\xe9 x", 4, 1, 5);
    /* (not FF FE: a UTF-16 byte order mark, see test_utf16) */
    assert_position ("\xfd\xfe\xffx", 3, 1, 4);
    /* a truncated three-byte sequence: two bytes, two columns */
    assert_position ("\xe2\x82x", 2, 1, 3);
    /* a stray lead byte before a valid é */
    assert_position ("\xc3\xc3\xa9x", 3, 1, 3);
    /* after a line of invalid bytes, the next line starts at column 1 */
    assert_position ("\xe9\xe9\xe9\nx", 4, 2, 1);
}
END_TEST

START_TEST (test_end_of_file)
{
    assert_position ("ab\ncd", 5, 2, 3);
    assert_position ("ab\ncd\n", 6, 3, 1);
    /* past the end: clamped to the end */
    assert_position ("ab\ncd", 99, 2, 3);
    assert_position ("", 0, 1, 1);
}
END_TEST

/* A UTF-16 file (it has a byte order mark): lines end at the character
 * LF, columns count characters, a surrogate pair is one. */
static void
position_bytes (const char *data, gsize len, gsize offset, unsigned *line, unsigned *column)
{
    sl_lineindex index;
    sl_lineindex_build (&index, data, len);
    sl_lineindex_position (&index, offset, line, column);
    sl_lineindex_clear (&index);
}

START_TEST (test_utf16)
{
    /* "ab\ncd\U0001F600e" */
    static const char le[] = "\xff\xfe" "a\0b\0\n\0c\0d\0\x3d\xd8\x00\xde" "e\0";
    static const char be[] = "\xfe\xff" "\0a\0b\0\n\0c\0d\xd8\x3d\xde\x00" "\0e";
    const char *const files[] = { le, be };
    for (guint k = 0; k < 2; k++) {
        unsigned line, column;
        position_bytes (files[k], sizeof le - 1, 2, &line, &column);
        ck_assert_msg (line == 1 && column == 1, "the byte order mark is no column: %u:%u", line, column);
        position_bytes (files[k], sizeof le - 1, 4, &line, &column);
        ck_assert_msg (line == 1 && column == 2, "b: %u:%u", line, column);
        position_bytes (files[k], sizeof le - 1, 8, &line, &column);
        ck_assert_msg (line == 2 && column == 1, "c: %u:%u", line, column);
        position_bytes (files[k], sizeof le - 1, 16, &line, &column);
        ck_assert_msg (line == 2 && column == 4, "e, after a pair: %u:%u", line, column);
    }
}
END_TEST

START_TEST (test_many_lines)
{
    GString *text = g_string_new (NULL);
    GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));
    for (unsigned i = 0; i < 1000; i++) {
        gsize start = text->len;
        g_array_append_val (starts, start);
        g_string_append_printf (text, "%s line %u\n", i % 2 ? "\xc3\xa9t\xc3\xa9" : "x", i);
    }
    sl_lineindex index;
    sl_lineindex_build (&index, text->str, text->len);
    for (unsigned i = 0; i < 1000; i++) {
        unsigned line, column;
        gsize start = g_array_index (starts, gsize, i);
        sl_lineindex_position (&index, start, &line, &column);
        ck_assert_uint_eq (line, i + 1);
        ck_assert_uint_eq (column, 1);
        /* the 'l' of "line" */
        sl_lineindex_position (&index, start + (i % 2 ? 6 : 2), &line, &column);
        ck_assert_uint_eq (line, i + 1);
        ck_assert_uint_eq (column, i % 2 ? 5 : 3);
    }
    sl_lineindex_clear (&index);
    g_array_free (starts, TRUE);
    g_string_free (text, TRUE);
}
END_TEST

Suite *
lineindex_suite (void)
{
    Suite *suite = suite_create ("lineindex");
    TCase *tc = tcase_create ("position");
    tcase_add_test (tc, test_first_line);
    tcase_add_test (tc, test_lf_lines);
    tcase_add_test (tc, test_crlf_lines);
    tcase_add_test (tc, test_columns_count_code_points);
    tcase_add_test (tc, test_invalid_bytes_one_column_each);
    tcase_add_test (tc, test_utf16);
    tcase_add_test (tc, test_end_of_file);
    tcase_add_test (tc, test_many_lines);
    suite_add_tcase (suite, tc);
    return suite;
}
