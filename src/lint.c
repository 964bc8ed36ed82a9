/* lint.c: the pipeline for one draft: load, run every rule family, sort
 * the findings, score, decide. Also the result accessors of spamlint.h. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kind.h"
#include "load/load.h"
#include "result.h"
#include "rules/rules.h"
#include "suppress.h"

static int
compare_findings (gconstpointer a, gconstpointer b)
{
    const spamlint_finding *x = *(const spamlint_finding *const *) a;
    const spamlint_finding *y = *(const spamlint_finding *const *) b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    return strcmp (x->rule, y->rule);
}

static spamlint_result *
result_new (const spamlint_engine *engine, const char *name)
{
    spamlint_result *result = g_new0 (spamlint_result, 1);
    result->name = g_strdup (name ? name : "-");
    result->threshold = engine->threshold;
    result->findings = g_ptr_array_new_with_free_func (sl_finding_free);
    return result;
}

static spamlint_result *
result_error (spamlint_result *result, char *message)
{
    result->error = message;
    result->passed = FALSE;
    return result;
}

/* Each body segment's language, and the draft's: that of its longest
 * text. Short segments and the subject take the draft's. */
static void
detect_languages (const spamlint_engine *engine, sl_doc *doc)
{
    if (engine->forced_language) {
        doc->language = engine->forced_language;
    } else {
        gsize longest = 0;
        for (guint i = 0; i < doc->segments->len; i++) {
            sl_segment *segment = g_ptr_array_index (doc->segments, i);
            if (segment->kind != SL_SEGMENT_BODY)
                continue;
            segment->language = sl_language_guess (engine->guesser, segment->map.text,
                                                   segment->map.len);
            if (segment->language && segment->map.len > longest) {
                longest = segment->map.len;
                doc->language = segment->language;
            }
        }
    }
    for (guint i = 0; i < doc->segments->len; i++) {
        sl_segment *segment = g_ptr_array_index (doc->segments, i);
        if (segment->language == NULL || engine->forced_language)
            segment->language = doc->language;
    }
}

/* What the user set: rules turned off (by the config or a suppression
 * comment in the draft), points and severities changed. */
static void
apply_settings (const spamlint_engine *engine, const sl_doc *doc, spamlint_result *result)
{
    sl_suppressions *suppressions = sl_suppressions_read (doc->raw, doc->raw_len);
    GPtrArray *kept = g_ptr_array_new_with_free_func (sl_finding_free);
    for (guint i = 0; i < result->findings->len; i++) {
        spamlint_finding *f = g_ptr_array_index (result->findings, i);
        g_ptr_array_index (result->findings, i) = NULL;
        if (g_hash_table_contains (engine->disabled, f->rule)) {
            sl_finding_free (f);
            continue;
        }
        if (sl_suppressions_cover (suppressions, f->rule, f->line)) {
            result->suppressed++;
            sl_finding_free (f);
            continue;
        }
        /* the calibrated points, then the user's own */
        f->points *= sl_engine_rule_factor (engine, f->rule);
        const double *points = g_hash_table_lookup (engine->points, f->rule);
        if (points)
            f->points = *points;
        gpointer severity = g_hash_table_lookup (engine->severity, f->rule);
        if (severity)
            f->severity = (spamlint_severity) (GPOINTER_TO_INT (severity) - 1);
        g_ptr_array_add (kept, f);
    }
    g_ptr_array_set_free_func (result->findings, NULL);
    g_ptr_array_free (result->findings, TRUE);
    result->findings = kept;
    sl_suppressions_free (suppressions);
}

static gboolean
decide (const spamlint_engine *engine, spamlint_result *result)
{
    if (result->score >= engine->threshold)
        return FALSE;
    if (engine->fail_on == SPAMLINT_FAIL_ON_SCORE)
        return TRUE;
    for (guint i = 0; i < result->findings->len; i++) {
        const spamlint_finding *f = g_ptr_array_index (result->findings, i);
        if (f->severity == SPAMLINT_ERROR)
            return FALSE;
    }
    return TRUE;
}

static char *
too_large (const spamlint_engine *engine, gsize length)
{
    return g_strdup_printf (_("%.1f MB, over the input size limit of %zu MB (the size limit: --limit=size or --max-size)"),
                            length / (1024.0 * 1024.0), engine->limits.size_bytes / (1024 * 1024));
}

/* The rule families, in order, each unless the time limit is spent; then
 * one note says from which rule on the rules were cut short or not run. */
static void
run_families (sl_context *cx, const sl_family *const *families)
{
    const spamlint_engine *engine = cx->engine;
    int stopped = -1;
    for (guint f = 0; families[f]; f++) {
        if (!families[f]->past_time_limit && sl_time_up_now (cx)) {
            if (stopped < 0)
                stopped = (int) f;
            continue;
        }
        cx->state = g_ptr_array_index (engine->family_states, f);
        gint64 t0 = engine->profile ? g_get_monotonic_time () : 0;
        families[f]->check (cx);
        if (engine->profile)
            engine->profile_us[f] += g_get_monotonic_time () - t0;
        if (cx->time_up && stopped < 0)
            stopped = (int) f; /* cut short */
    }
    if (stopped < 0)
        return;
    sl_report (cx, "input-limit", SPAMLINT_NOTE, 0.0, 0, 0, NULL, NULL,
               _("the time budget of %g s per draft (the time limit) was spent: the rules from %s on, in the order of --list-rules, were cut short or not run; the findings so far and the notes about the input are kept"),
               (double) engine->limits.time_us / G_USEC_PER_SEC, families[stopped]->rules[0].id);
}

/* BASE_DIR: the draft's folder, where images next to it are; or NULL. */
static spamlint_result *
lint (spamlint_engine *engine, const char *name, const char *data, size_t length,
      spamlint_format format, const char *base_dir)
{
    gint64 started = g_get_monotonic_time ();
    spamlint_result *result = result_new (engine, name);
    char *error = NULL;
    if (length > engine->limits.size_bytes)
        return result_error (result, too_large (engine, length));
    const sl_family *const *families = sl_families ();
    guint n_families = 0;
    while (families[n_families])
        n_families++;
    gint64 t0 = engine->profile ? g_get_monotonic_time () : 0;
    sl_doc *doc = sl_load (engine, name, data, length, format, &error);
    if (engine->profile)
        engine->profile_us[n_families] += g_get_monotonic_time () - t0;
    if (doc == NULL)
        return result_error (result, error);
    doc->base_dir = g_strdup (base_dir);
    result->format = doc->format;
    t0 = engine->profile ? g_get_monotonic_time () : 0;
    detect_languages (engine, doc);
    if (engine->profile)
        engine->profile_us[n_families + 1] += g_get_monotonic_time () - t0;
    sl_classify_kind (engine, doc);
    result->transactional = doc->transactional;
    result->language = g_strdup (doc->language);

    sl_context cx = { engine, doc, result->findings, pcre2_match_data_create (1, NULL), NULL,
                      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free),
                      engine->limits.time_us > 0 ? started + engine->limits.time_us : 0, 0, FALSE,
                      FALSE };
    run_families (&cx, families);
    sl_report_overflow (&cx);
    g_hash_table_destroy (cx.per_rule);
    pcre2_match_data_free (cx.match_data);

    apply_settings (engine, doc, result);
    g_ptr_array_sort (result->findings, compare_findings);
    result->score = sl_score (result->findings);
    if (engine->keep_source)
        result->source = g_bytes_new (data, length);
    result->passed = decide (engine, result);
    sl_doc_free (doc);
    return result;
}

spamlint_result *
spamlint_lint_buffer (spamlint_engine *engine, const char *name,
                      const char *data, size_t length, spamlint_format format)
{
    return lint (engine, name, data, length, format, NULL);
}

spamlint_result *
spamlint_lint_file (spamlint_engine *engine, const char *path, spamlint_format format)
{
    GError *error = NULL;
    char *data = NULL;
    gsize length = 0;
    if (g_file_test (path, G_FILE_TEST_IS_DIR)) {
        spamlint_result *result = result_new (engine, path);
        return result_error (result, g_strdup (_("is a directory")));
    }
    GStatBuf st;
    if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode)
        && (gsize) st.st_size > engine->limits.size_bytes) {
        spamlint_result *result = result_new (engine, path);
        return result_error (result, too_large (engine, (gsize) st.st_size));
    }
    if (!g_file_get_contents (path, &data, &length, &error)) {
        spamlint_result *result = result_new (engine, path);
        char *message = g_strdup (g_strerror (error->code == G_FILE_ERROR_NOENT ? ENOENT
                                              : error->code == G_FILE_ERROR_ACCES ? EACCES
                                              : EIO));
        if (error->code != G_FILE_ERROR_NOENT && error->code != G_FILE_ERROR_ACCES) {
            g_free (message);
            message = g_strdup (error->message);
        }
        g_error_free (error);
        return result_error (result, message);
    }
    char *dir = g_path_get_dirname (path);
    spamlint_result *result = lint (engine, path, data, length, format, dir);
    g_free (dir);
    g_free (data);
    return result;
}

const char *
spamlint_result_error (const spamlint_result *result)
{
    return result->error;
}

const char *
spamlint_result_name (const spamlint_result *result)
{
    return result->name;
}

spamlint_format
spamlint_result_format (const spamlint_result *result)
{
    return result->format;
}

size_t
spamlint_result_suppressed (const spamlint_result *result)
{
    return result->suppressed;
}

const char *
spamlint_result_source (const spamlint_result *result, size_t *length)
{
    if (result->source == NULL)
        return NULL;
    gsize n;
    const char *data = g_bytes_get_data (result->source, &n);
    if (length)
        *length = n;
    return data;
}

const char *
spamlint_result_kind (const spamlint_result *result)
{
    return result->transactional ? "transactional" : "bulk";
}

const char *
spamlint_result_language (const spamlint_result *result)
{
    return result->language;
}

double
spamlint_result_score (const spamlint_result *result)
{
    return result->score;
}

double
spamlint_result_threshold (const spamlint_result *result)
{
    return result->threshold;
}

int
spamlint_result_passed (const spamlint_result *result)
{
    return result->error == NULL && result->passed;
}

size_t
spamlint_result_count (const spamlint_result *result)
{
    return result->findings->len;
}

size_t
spamlint_result_count_severity (const spamlint_result *result, spamlint_severity severity)
{
    size_t n = 0;
    for (guint i = 0; i < result->findings->len; i++)
        n += ((const spamlint_finding *) g_ptr_array_index (result->findings, i))->severity == severity;
    return n;
}

const spamlint_finding *
spamlint_result_get (const spamlint_result *result, size_t index)
{
    return index < result->findings->len ? g_ptr_array_index (result->findings, index) : NULL;
}

void
spamlint_result_free (spamlint_result *result)
{
    if (result == NULL)
        return;
    g_ptr_array_free (result->findings, TRUE);
    g_free (result->error);
    g_free (result->language);
    if (result->source)
        g_bytes_unref (result->source);
    g_free (result->name);
    g_free (result);
}

const char *spamlint_finding_rule (const spamlint_finding *f) { return f->rule; }
spamlint_severity spamlint_finding_severity (const spamlint_finding *f) { return f->severity; }
double spamlint_finding_points (const spamlint_finding *f) { return f->points; }
unsigned spamlint_finding_line (const spamlint_finding *f) { return f->line; }
unsigned spamlint_finding_column (const spamlint_finding *f) { return f->column; }
unsigned spamlint_finding_end_line (const spamlint_finding *f) { return f->end_line; }
unsigned spamlint_finding_end_column (const spamlint_finding *f) { return f->end_column; }
const char *spamlint_finding_message (const spamlint_finding *f) { return f->message; }
const char *spamlint_finding_match (const spamlint_finding *f) { return f->match; }
const char *spamlint_finding_part (const spamlint_finding *f) { return f->part; }

const char *
spamlint_severity_name (spamlint_severity severity)
{
    switch (severity) {
    case SPAMLINT_ERROR: return "error";
    case SPAMLINT_WARNING: return "warning";
    case SPAMLINT_NOTE:
    default: return "note";
    }
}

const char *
spamlint_format_name (spamlint_format format)
{
    switch (format) {
    case SPAMLINT_FORMAT_TEXT: return "text";
    case SPAMLINT_FORMAT_HTML: return "html";
    case SPAMLINT_FORMAT_EML: return "eml";
    case SPAMLINT_FORMAT_MJML: return "mjml";
    case SPAMLINT_FORMAT_AUTO:
    default: return "auto";
    }
}
