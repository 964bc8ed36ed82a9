/* fuzz_lint.c: libFuzzer target for the public entry point.
 *
 * The first byte picks the input format (text, HTML, .eml, MJML or auto
 * detection); the rest is the draft, linted with spamlint_lint_buffer
 * through one engine made once. Every finding is read back through the
 * public accessors, so that a bad string or position shows up here.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "spamlint.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const struct {
    spamlint_format format;
    const char *name;
} formats[] = {
    { SPAMLINT_FORMAT_TEXT, "fuzz.txt" },
    { SPAMLINT_FORMAT_HTML, "fuzz.html" },
    { SPAMLINT_FORMAT_EML, "fuzz.eml" },
    { SPAMLINT_FORMAT_MJML, "fuzz.mjml" },
    { SPAMLINT_FORMAT_AUTO, NULL },
};

static spamlint_engine *
engine (void)
{
    static spamlint_engine *shared = NULL;
    if (shared == NULL)
        shared = spamlint_engine_new ();
    return shared;
}

static volatile size_t sink;

static void
touch (const char *s)
{
    if (s != NULL)
        sink += strlen (s);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t pick = data[0] % (sizeof formats / sizeof formats[0]);
    spamlint_result *result = spamlint_lint_buffer (engine (), formats[pick].name,
                                                    (const char *) data + 1, size - 1,
                                                    formats[pick].format);
    if (result == NULL)
        __builtin_trap (); /* documented as never NULL */
    touch (spamlint_result_error (result));
    touch (spamlint_result_name (result));
    touch (spamlint_result_kind (result));
    touch (spamlint_result_language (result));
    sink += (size_t) spamlint_result_score (result);
    size_t count = spamlint_result_count (result);
    unsigned last_line = 0, last_column = 0;
    for (size_t i = 0; i < count; i++) {
        const spamlint_finding *finding = spamlint_result_get (result, i);
        touch (spamlint_finding_rule (finding));
        touch (spamlint_finding_message (finding));
        touch (spamlint_finding_match (finding));
        touch (spamlint_finding_part (finding));
        unsigned line = spamlint_finding_line (finding);
        unsigned column = spamlint_finding_column (finding);
        /* positions are 1-based and sorted by line, then column */
        if (line == 0 || column == 0)
            __builtin_trap ();
        if (line < last_line || (line == last_line && column < last_column))
            __builtin_trap ();
        last_line = line;
        last_column = column;
        sink += spamlint_finding_end_line (finding) + spamlint_finding_end_column (finding);
    }
    spamlint_result_free (result);
    return 0;
}
