/* github.c: --format=github, GitHub Actions workflow commands: each
 * finding becomes an annotation on the pull request's diff,
 *   ::warning file=F,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE
 * with the escaping GitHub documents (% \r \n in messages; also : and , in
 * properties). The score of each file follows as a plain log line. */
#include "config.h"

#include <glib.h>

#include "report/output.h"

typedef struct github_state {
    FILE *out;
} github_state;

static char *
escape (const char *s, gboolean property)
{
    GString *out = g_string_new (NULL);
    for (; *s; s++) {
        switch (*s) {
        case '%': g_string_append (out, "%25"); break;
        case '\r': g_string_append (out, "%0D"); break;
        case '\n': g_string_append (out, "%0A"); break;
        case ':':
            if (property)
                g_string_append (out, "%3A");
            else
                g_string_append_c (out, ':');
            break;
        case ',':
            if (property)
                g_string_append (out, "%2C");
            else
                g_string_append_c (out, ',');
            break;
        default: g_string_append_c (out, *s);
        }
    }
    return g_string_free (out, FALSE);
}

static void *
github_begin (FILE *out, double threshold)
{
    github_state *st = g_new0 (github_state, 1);
    st->out = out;
    return st;
}

static const char *
command (spamlint_severity severity)
{
    return severity == SPAMLINT_ERROR ? "error" : severity == SPAMLINT_WARNING ? "warning" : "notice";
}

static void
github_file (void *state, const spamlint_result *result)
{
    github_state *st = state;
    char *file = escape (spamlint_result_name (result), TRUE);
    if (spamlint_result_error (result) != NULL) {
        char *message = escape (spamlint_result_error (result), FALSE);
        fprintf (st->out, "::error file=%s,title=spamlint::%s\n", file, message);
        g_free (message);
        g_free (file);
        return;
    }
    for (size_t i = 0; i < spamlint_result_count (result); i++) {
        const spamlint_finding *f = spamlint_result_get (result, i);
        char *title = escape (spamlint_finding_rule (f), TRUE);
        char *message = escape (spamlint_finding_message (f), FALSE);
        fprintf (st->out, "::%s file=%s,line=%u,col=%u,endLine=%u,endColumn=%u,title=%s::%s\n",
                 command (spamlint_finding_severity (f)), file, spamlint_finding_line (f),
                 spamlint_finding_column (f), spamlint_finding_end_line (f),
                 spamlint_finding_end_column (f) + 1, title, message);
        g_free (title);
        g_free (message);
    }
    char score[G_ASCII_DTOSTR_BUF_SIZE], threshold[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd (score, sizeof score, "%.1f", spamlint_result_score (result));
    g_ascii_formatd (threshold, sizeof threshold, "%.1f", spamlint_result_threshold (result));
    fprintf (st->out, "%s: score %s / %s: %s\n", spamlint_result_name (result), score, threshold,
             spamlint_result_passed (result) ? "PASS" : "FAIL");
    g_free (file);
}

static void
github_finish (void *state)
{
    github_state *st = state;
    fflush (st->out);
    g_free (st);
}

const sl_output_ops sl_output_github = { "github", github_begin, github_file, github_finish };
