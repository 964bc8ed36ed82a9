/* gnu.c: GNU diagnostics, "FILE:LINE:COL: SEVERITY: MESSAGE [RULE]", the
 * form vim, Emacs and VS Code read without configuration, then one summary
 * line per file. Files that could not be linted are told on stderr. */
#include "config.h"

#include <glib.h>
#include <glib/gi18n-lib.h>

#include "report/output.h"

typedef struct gnu_state {
    FILE *out;
} gnu_state;

static void *
gnu_begin (FILE *out, double threshold)
{
    gnu_state *st = g_new0 (gnu_state, 1);
    st->out = out;
    return st;
}

static void
gnu_file (void *state, const spamlint_result *result)
{
    gnu_state *st = state;
    if (spamlint_result_error (result) != NULL)
        return;
    const char *name = spamlint_result_name (result);
    size_t n = spamlint_result_count (result);
    for (size_t i = 0; i < n; i++) {
        const spamlint_finding *f = spamlint_result_get (result, i);
        fprintf (st->out, "%s:%u:%u: %s: %s [%s]\n", name, spamlint_finding_line (f),
                 spamlint_finding_column (f),
                 spamlint_severity_name (spamlint_finding_severity (f)),
                 spamlint_finding_message (f), spamlint_finding_rule (f));
    }
    size_t errors = spamlint_result_count_severity (result, SPAMLINT_ERROR);
    size_t warnings = spamlint_result_count_severity (result, SPAMLINT_WARNING);
    size_t notes = spamlint_result_count_severity (result, SPAMLINT_NOTE);
    GString *counts = g_string_new (NULL);
    g_string_append_printf (counts, ngettext ("%zu error", "%zu errors", errors), errors);
    g_string_append (counts, ", ");
    g_string_append_printf (counts, ngettext ("%zu warning", "%zu warnings", warnings), warnings);
    g_string_append (counts, ", ");
    g_string_append_printf (counts, ngettext ("%zu note", "%zu notes", notes), notes);
    /* numbers as tools parse them, whatever the locale */
    char score[G_ASCII_DTOSTR_BUF_SIZE], threshold[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd (score, sizeof score, "%.1f", spamlint_result_score (result));
    g_ascii_formatd (threshold, sizeof threshold, "%.1f", spamlint_result_threshold (result));
    fprintf (st->out, "%s: score %s / %s: %s (%s)\n", name, score, threshold,
             spamlint_result_passed (result) ? "PASS" : "FAIL", counts->str);
    g_string_free (counts, TRUE);
}

static void
gnu_finish (void *state)
{
    gnu_state *st = state;
    fflush (st->out);
    g_free (st);
}

const sl_output_ops sl_output_gnu = { "gnu", gnu_begin, gnu_file, gnu_finish };
