/* human.c: the view for a person at a terminal (the default when stdout
 * is one). Each finding as a compiler shows it, with its source line and a
 * caret under the match; then per file a score bar and the three things
 * that cost the most points, to fix first. Colours unless --color=never
 * or NO_COLOR. */
#include "config.h"

#include <glib.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "report/output.h"

#define WINDOW_CELLS 100   /* longer source lines are shown around the match */
#define BAR_CELLS 20
#define TOP_RULES 3

static gboolean use_color = FALSE;

void
sl_output_human_set_color (gboolean color)
{
    use_color = color;
}

static const char *
paint (const char *code)
{
    return use_color ? code : "";
}

#define BOLD "\033[1m"
#define RED "\033[1;31m"
#define MAGENTA "\033[1;35m"
#define CYAN "\033[1;36m"
#define GREEN "\033[1;32m"
#define RESET "\033[0m"

typedef struct human_state {
    FILE *out;
} human_state;

static void *
human_begin (FILE *out, double threshold)
{
    human_state *st = g_new0 (human_state, 1);
    st->out = out;
    return st;
}

static const char *
severity_color (spamlint_severity severity)
{
    return severity == SPAMLINT_ERROR ? RED : severity == SPAMLINT_WARNING ? MAGENTA : CYAN;
}

/* The bytes of line LINE (1-based) of SOURCE, without its end. */
static const char *
source_line (const char *source, size_t length, unsigned line, size_t *line_length)
{
    const char *p = source, *end = source + length;
    for (unsigned l = 1; l < line && p < end; l++) {
        const char *nl = memchr (p, '\n', (size_t) (end - p));
        if (nl == NULL)
            return NULL;
        p = nl + 1;
    }
    const char *nl = memchr (p, '\n', (size_t) (end - p));
    const char *stop = nl ? nl : end;
    if (stop > p && stop[-1] == '\r')
        stop--;
    *line_length = (size_t) (stop - p);
    return p;
}

/* Print the code points [from, to) of the line, one cell each (tabs as a
 * space, invalid bytes as '?'); returns the cells printed. */
static void
print_cells (FILE *out, const char *text, size_t length, unsigned from, unsigned to)
{
    const char *p = text, *end = text + length;
    for (unsigned cp = 1; p < end && cp < to; cp++) {
        gunichar c = g_utf8_get_char_validated (p, end - p);
        const char *next = (c == (gunichar) -1 || c == (gunichar) -2) ? p + 1 : g_utf8_next_char (p);
        if (cp >= from) {
            if (c == '\t')
                fputc (' ', out);
            else if (c == (gunichar) -1 || c == (gunichar) -2 || c < 0x20)
                fputc ('?', out);
            else
                fwrite (p, 1, (size_t) (next - p), out);
        }
        p = next;
    }
}

static unsigned
cell_width (const char *text, size_t length, unsigned from, unsigned to)
{
    const char *p = text, *end = text + length;
    unsigned cells = 0;
    for (unsigned cp = 1; p < end && cp < to; cp++) {
        gunichar c = g_utf8_get_char_validated (p, end - p);
        const char *next = (c == (gunichar) -1 || c == (gunichar) -2) ? p + 1 : g_utf8_next_char (p);
        if (cp >= from)
            cells += (c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_iswide (c)) ? 2 : 1;
        p = next;
    }
    return cells;
}

static void
print_snippet (FILE *out, const char *source, size_t length, const spamlint_finding *f)
{
    size_t n;
    unsigned line = spamlint_finding_line (f);
    const char *text = source ? source_line (source, length, line, &n) : NULL;
    if (text == NULL)
        return;
    unsigned column = spamlint_finding_column (f);
    unsigned last = spamlint_finding_end_line (f) == line ? spamlint_finding_end_column (f) : G_MAXUINT;
    unsigned total = (unsigned) g_utf8_strlen (text, (gssize) n);
    /* a window around the match on long lines */
    unsigned from = column > WINDOW_CELLS / 3 && total > WINDOW_CELLS ? column - WINDOW_CELLS / 3 : 1;
    unsigned to = from + WINDOW_CELLS;
    gboolean cut_left = from > 1, cut_right = to <= total;
    fprintf (out, "%6u | %s", line, cut_left ? "..." : "");
    print_cells (out, text, n, from, to);
    fprintf (out, "%s\n", cut_right ? "..." : "");
    fprintf (out, "       | %s%*s", cut_left ? "   " : "", (int) cell_width (text, n, from, column), "");
    unsigned width = last == G_MAXUINT ? MAX (1, cell_width (text, n, column, to))
                                       : MAX (1, cell_width (text, n, column, MIN (last + 1, to)));
    fputs (paint (GREEN), out);
    fputc ('^', out);
    for (unsigned k = 1; k < width; k++)
        fputc ('~', out);
    fprintf (out, "%s\n", paint (RESET));
}

typedef struct rule_points {
    const char *rule;
    double points;
} rule_points;

static int
compare_points (gconstpointer a, gconstpointer b)
{
    double x = ((const rule_points *) a)->points, y = ((const rule_points *) b)->points;
    return x < y ? 1 : x > y ? -1 : 0;
}

static void
print_top (FILE *out, const spamlint_result *result)
{
    GArray *sums = g_array_new (FALSE, TRUE, sizeof (rule_points));
    for (size_t i = 0; i < spamlint_result_count (result); i++) {
        const spamlint_finding *f = spamlint_result_get (result, i);
        guint k = 0;
        while (k < sums->len && strcmp (g_array_index (sums, rule_points, k).rule, spamlint_finding_rule (f)) != 0)
            k++;
        if (k == sums->len) {
            rule_points r = { spamlint_finding_rule (f), 0.0 };
            g_array_append_val (sums, r);
        }
        g_array_index (sums, rule_points, k).points += spamlint_finding_points (f);
    }
    for (guint k = 0; k < sums->len; k++) {
        rule_points *r = &g_array_index (sums, rule_points, k);
        const spamlint_rule *rule = spamlint_rule_find (r->rule);
        if (rule && rule->cap > 0 && r->points > rule->cap)
            r->points = rule->cap;
    }
    g_array_sort (sums, compare_points);
    unsigned shown = 0;
    for (guint k = 0; k < sums->len && shown < TOP_RULES; k++) {
        const rule_points *r = &g_array_index (sums, rule_points, k);
        if (r->points <= 0)
            break;
        fprintf (out, shown == 0 ? _("  fix first: %s (%.1f)") : ", %s (%.1f)", r->rule, r->points);
        shown++;
    }
    if (shown)
        fputc ('\n', out);
    g_array_free (sums, TRUE);
}

static void
print_summary (FILE *out, const spamlint_result *result)
{
    double score = spamlint_result_score (result), threshold = spamlint_result_threshold (result);
    gboolean pass = spamlint_result_passed (result);
    /* the threshold is the middle of the bar */
    unsigned filled = (unsigned) MIN (BAR_CELLS, score / (2 * threshold) * BAR_CELLS + 0.5);
    fprintf (out, "%s%s%s: score %.1f / %.1f [%s", paint (BOLD), spamlint_result_name (result),
             paint (RESET), score, threshold, paint (pass ? GREEN : RED));
    for (unsigned k = 0; k < BAR_CELLS; k++)
        fputs (k < filled ? "\u2588" : "\u2591", out);
    fprintf (out, "%s] %s%s%s (", paint (RESET), paint (pass ? GREEN : RED), pass ? "PASS" : "FAIL",
             paint (RESET));
    size_t errors = spamlint_result_count_severity (result, SPAMLINT_ERROR);
    size_t warnings = spamlint_result_count_severity (result, SPAMLINT_WARNING);
    size_t notes = spamlint_result_count_severity (result, SPAMLINT_NOTE);
    fprintf (out, ngettext ("%zu error", "%zu errors", errors), errors);
    fputs (", ", out);
    fprintf (out, ngettext ("%zu warning", "%zu warnings", warnings), warnings);
    fputs (", ", out);
    fprintf (out, ngettext ("%zu note", "%zu notes", notes), notes);
    fputs (")\n", out);
    print_top (out, result);
}

static void
human_file (void *state, const spamlint_result *result)
{
    human_state *st = state;
    if (spamlint_result_error (result) != NULL)
        return;
    size_t length = 0;
    const char *source = spamlint_result_source (result, &length);
    for (size_t i = 0; i < spamlint_result_count (result); i++) {
        const spamlint_finding *f = spamlint_result_get (result, i);
        spamlint_severity severity = spamlint_finding_severity (f);
        fprintf (st->out, "%s%s:%u:%u:%s %s%s:%s %s %s[%s]%s\n", paint (BOLD),
                 spamlint_result_name (result), spamlint_finding_line (f), spamlint_finding_column (f),
                 paint (RESET), paint (severity_color (severity)), spamlint_severity_name (severity),
                 paint (RESET), spamlint_finding_message (f), paint (CYAN), spamlint_finding_rule (f),
                 paint (RESET));
        print_snippet (st->out, source, length, f);
    }
    print_summary (st->out, result);
}

static void
human_finish (void *state)
{
    human_state *st = state;
    fflush (st->out);
    g_free (st);
}

const sl_output_ops sl_output_human = { "human", human_begin, human_file, human_finish };
