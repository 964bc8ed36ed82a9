/* main.c: the unit test runner. Every suite runs in one SRunner (each test
 * in its own process unless CK_FORK=no), and the exit status is non-zero
 * when any test failed. Also the helpers of suites.h, which lint a draft
 * held in a string and check findings the way a user reads them. */
#include "config.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"

spamlint_result *
lint_bytes (spamlint_engine *engine, const char *name, const char *data, size_t length)
{
    return spamlint_lint_buffer (engine, name, data, length, SPAMLINT_FORMAT_AUTO);
}

spamlint_result *
lint_text (const char *name, const char *text)
{
    spamlint_engine *engine = spamlint_engine_new ();
    /* the bulk-mail duties (unsubscribe, contact details) are tested on
     * their own: here a draft is judged on its text */
    spamlint_engine_set_kind (engine, SPAMLINT_KIND_TRANSACTIONAL);
    spamlint_result *result = lint_bytes (engine, name, text, strlen (text));
    spamlint_engine_free (engine);
    return result;
}

const spamlint_finding *
find_finding (const spamlint_result *result, const char *rule, size_t nth)
{
    for (size_t i = 0; i < spamlint_result_count (result); i++) {
        const spamlint_finding *finding = spamlint_result_get (result, i);
        if (strcmp (spamlint_finding_rule (finding), rule) != 0)
            continue;
        if (nth == 0)
            return finding;
        nth--;
    }
    return NULL;
}

size_t
count_findings (const spamlint_result *result, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < spamlint_result_count (result); i++)
        n += strcmp (spamlint_finding_rule (spamlint_result_get (result, i)), rule) == 0;
    return n;
}

const char *
describe_findings (const spamlint_result *result)
{
    static GString *text = NULL;
    if (text == NULL)
        text = g_string_new (NULL);
    g_string_truncate (text, 0);
    if (spamlint_result_error (result) != NULL) {
        g_string_printf (text, "  (not linted: %s)\n", spamlint_result_error (result));
        return text->str;
    }
    for (size_t i = 0; i < spamlint_result_count (result); i++) {
        const spamlint_finding *f = spamlint_result_get (result, i);
        const char *match = spamlint_finding_match (f);
        g_string_append_printf (text, "  %u:%u-%u:%u %s %s %.2f \"%s\"\n",
                                spamlint_finding_line (f), spamlint_finding_column (f),
                                spamlint_finding_end_line (f), spamlint_finding_end_column (f),
                                spamlint_finding_rule (f),
                                spamlint_severity_name (spamlint_finding_severity (f)),
                                spamlint_finding_points (f), match ? match : "");
    }
    if (spamlint_result_count (result) == 0)
        g_string_append (text, "  (no findings)\n");
    return text->str;
}

void
assert_finding_at (const char *file, int line_number, const spamlint_result *result,
                   const char *rule, size_t nth, spamlint_severity severity,
                   unsigned line, unsigned column, unsigned end_column, double points)
{
    ck_assert_msg (spamlint_result_error (result) == NULL, "%s:%d: not linted: %s", file,
                   line_number, spamlint_result_error (result));
    const spamlint_finding *f = find_finding (result, rule, nth);
    ck_assert_msg (f != NULL, "%s:%d: no finding #%zu of %s; findings:\n%s", file, line_number,
                   nth, rule, describe_findings (result));
    ck_assert_msg (spamlint_finding_severity (f) == severity
                       && spamlint_finding_line (f) == line
                       && spamlint_finding_column (f) == column
                       && (end_column == 0 || spamlint_finding_end_column (f) == end_column)
                       && fabs (spamlint_finding_points (f) - points) < POINTS_EPSILON,
                   "%s:%d: expected %s #%zu at %u:%u-%u %s %.2f; findings:\n%s", file,
                   line_number, rule, nth, line, column, end_column,
                   spamlint_severity_name (severity), points, describe_findings (result));
}

void
assert_part (const spamlint_result *result, const char *rule, size_t nth, const char *part)
{
    const spamlint_finding *f = find_finding (result, rule, nth);
    ck_assert_msg (f != NULL, "no finding #%zu of %s; findings:\n%s", nth, rule,
                   describe_findings (result));
    ck_assert_msg (spamlint_finding_part (f) != NULL
                       && strcmp (spamlint_finding_part (f), part) == 0,
                   "%s #%zu is in part \"%s\", expected \"%s\"", rule, nth,
                   spamlint_finding_part (f) ? spamlint_finding_part (f) : "(null)", part);
}

void
assert_match (const spamlint_result *result, const char *rule, size_t nth, const char *match)
{
    const spamlint_finding *f = find_finding (result, rule, nth);
    ck_assert_msg (f != NULL, "no finding #%zu of %s; findings:\n%s", nth, rule,
                   describe_findings (result));
    ck_assert_msg (spamlint_finding_match (f) != NULL
                       && strcmp (spamlint_finding_match (f), match) == 0,
                   "%s #%zu matched \"%s\", expected \"%s\"", rule, nth,
                   spamlint_finding_match (f) ? spamlint_finding_match (f) : "(null)", match);
}

int
main (void)
{
    SRunner *runner = srunner_create (lineindex_suite ());
    srunner_add_suite (runner, textmap_suite ());
    srunner_add_suite (runner, load_suite ());
    srunner_add_suite (runner, rules_suite ());
    srunner_add_suite (runner, text_rules_suite ());
    srunner_add_suite (runner, spelllist_suite ());
    srunner_add_suite (runner, language_suite ());
    srunner_add_suite (runner, lists_image_suite ());
    srunner_run_all (runner, CK_NORMAL);
    int failed = srunner_ntests_failed (runner);
    srunner_free (runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
