/* suites.h: the unit test suites run by main.c, and the few helpers they
 * share to lint a draft held in a string and look at what a user would see
 * (rule, severity, line, column, points). The helpers live in main.c. */
#ifndef SL_TESTS_SUITES_H
#define SL_TESTS_SUITES_H

#include <check.h>
#include <stddef.h>

#include "spamlint.h"

Suite *lineindex_suite (void);
Suite *textmap_suite (void);
Suite *load_suite (void);
Suite *rules_suite (void);
Suite *text_rules_suite (void);
Suite *spelllist_suite (void);
Suite *language_suite (void);
Suite *lists_image_suite (void);

/* Lint the C string TEXT as a file called NAME (its extension breaks format
 * ties) with a fresh engine with default settings. */
spamlint_result *lint_text (const char *name, const char *text);

/* Lint LENGTH bytes of DATA with ENGINE, format detected. */
spamlint_result *lint_bytes (spamlint_engine *engine, const char *name, const char *data,
                             size_t length);

/* The NTH (0-based) finding of RULE, in the result's order, or NULL. */
const spamlint_finding *find_finding (const spamlint_result *result, const char *rule,
                                      size_t nth);

/* How many findings of RULE. */
size_t count_findings (const spamlint_result *result, const char *rule);

/* Every finding, one per line ("3:10-29 spam-phrase warning 0.90"), for
 * failure messages. The string stays valid until the next call. */
const char *describe_findings (const spamlint_result *result);

/* Assert that the NTH finding of RULE exists and has this severity, line,
 * column and points; END_COLUMN is checked unless it is 0. */
void assert_finding_at (const char *file, int line_number, const spamlint_result *result,
                        const char *rule, size_t nth, spamlint_severity severity,
                        unsigned line, unsigned column, unsigned end_column, double points);

#define assert_finding(result, rule, nth, severity, line, column, end_column, points) \
    assert_finding_at (__FILE__, __LINE__, (result), (rule), (nth), (severity), (line), \
                       (column), (end_column), (points))

/* Assert the part ("text/plain", "text/html", "subject"...) or the matched
 * text of the NTH finding of RULE. */
void assert_part (const spamlint_result *result, const char *rule, size_t nth, const char *part);
void assert_match (const spamlint_result *result, const char *rule, size_t nth,
                   const char *match);

/* Assert that the draft was linted (no load error). */
#define assert_linted(result) \
    ck_assert_msg (spamlint_result_error (result) == NULL, "not linted: %s", \
                   spamlint_result_error (result))

/* Assert that RULE did not fire. */
#define assert_no_finding(result, rule) \
    ck_assert_msg (count_findings ((result), (rule)) == 0, "unexpected %s finding:\n%s", \
                   (rule), describe_findings (result))

/* Tolerance for comparing points and scores (they are sums of tenths). */
#define POINTS_EPSILON 1e-6

#endif
