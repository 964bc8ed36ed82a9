/* json.c: --format=json, one document for the whole run (OUTPUT.md).
 *
 * json-glib builds and escapes the document. It prints doubles with 17
 * significant digits (0.3 as 0.29999999999999999), so the generated text
 * gets one string-aware pass that rewrites numbers to their shortest form.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "report/output.h"

typedef struct json_state {
    FILE *out;
    JsonBuilder *builder;
} json_state;

static double
rounded (double value)
{
    return round (value * 1000.0) / 1000.0;
}

static void *
json_begin (FILE *out, double threshold)
{
    json_state *st = g_new0 (json_state, 1);
    st->out = out;
    st->builder = json_builder_new ();
    json_builder_begin_object (st->builder);
    json_builder_set_member_name (st->builder, "version");
    json_builder_add_int_value (st->builder, 1);
    json_builder_set_member_name (st->builder, "threshold");
    json_builder_add_double_value (st->builder, threshold);
    json_builder_set_member_name (st->builder, "files");
    json_builder_begin_array (st->builder);
    return st;
}

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
    json_builder_set_member_name (b, name);
    if (value)
        json_builder_add_string_value (b, value);
    else
        json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b, const char *name, gint64 value)
{
    json_builder_set_member_name (b, name);
    json_builder_add_int_value (b, value);
}

static void
add_finding (JsonBuilder *b, const spamlint_finding *f)
{
    json_builder_begin_object (b);
    add_string (b, "rule", spamlint_finding_rule (f));
    add_string (b, "severity", spamlint_severity_name (spamlint_finding_severity (f)));
    json_builder_set_member_name (b, "points");
    json_builder_add_double_value (b, rounded (spamlint_finding_points (f)));
    add_int (b, "line", spamlint_finding_line (f));
    add_int (b, "column", spamlint_finding_column (f));
    add_int (b, "end_line", spamlint_finding_end_line (f));
    add_int (b, "end_column", spamlint_finding_end_column (f));
    add_string (b, "message", spamlint_finding_message (f));
    if (spamlint_finding_match (f))
        add_string (b, "match", spamlint_finding_match (f));
    if (spamlint_finding_part (f))
        add_string (b, "part", spamlint_finding_part (f));
    json_builder_end_object (b);
}

static void
json_file (void *state, const spamlint_result *result)
{
    json_state *st = state;
    JsonBuilder *b = st->builder;
    json_builder_begin_object (b);
    add_string (b, "file", spamlint_result_name (result));
    if (spamlint_result_error (result) != NULL) {
        add_string (b, "error", spamlint_result_error (result));
        json_builder_end_object (b);
        return;
    }
    add_string (b, "format", spamlint_format_name (spamlint_result_format (result)));
    add_string (b, "language", spamlint_result_language (result));
    add_string (b, "kind", spamlint_result_kind (result));
    add_int (b, "suppressed", (gint64) spamlint_result_suppressed (result));
    json_builder_set_member_name (b, "score");
    json_builder_add_double_value (b, rounded (spamlint_result_score (result)));
    json_builder_set_member_name (b, "pass");
    json_builder_add_boolean_value (b, spamlint_result_passed (result));
    json_builder_set_member_name (b, "diagnostics");
    json_builder_begin_array (b);
    for (size_t i = 0; i < spamlint_result_count (result); i++)
        add_finding (b, spamlint_result_get (result, i));
    json_builder_end_array (b);
    json_builder_end_object (b);
}

/* Rewrite every number outside strings in its shortest exact-enough form. */
GString *
sl_json_shorten_numbers (const char *json)
{
    GString *out = g_string_sized_new (strlen (json));
    gboolean in_string = FALSE;
    for (const char *p = json; *p;) {
        if (in_string) {
            if (*p == '\\' && p[1]) {
                g_string_append_len (out, p, 2);
                p += 2;
                continue;
            }
            in_string = *p != '"';
            g_string_append_c (out, *p++);
            continue;
        }
        if (*p == '"') {
            in_string = TRUE;
            g_string_append_c (out, *p++);
            continue;
        }
        if (*p == '-' || g_ascii_isdigit (*p)) {
            char *end;
            double value = g_ascii_strtod (p, &end);
            gboolean fractional = memchr (p, '.', (gsize) (end - p)) != NULL;
            char buf[G_ASCII_DTOSTR_BUF_SIZE];
            g_ascii_formatd (buf, sizeof buf, "%.15g", value);
            g_string_append (out, buf);
            if (fractional && strpbrk (buf, ".eE") == NULL)
                g_string_append (out, ".0");
            p = end;
            continue;
        }
        g_string_append_c (out, *p++);
    }
    return out;
}

void
sl_json_print (FILE *out, JsonBuilder *builder)
{
    JsonGenerator *generator = json_generator_new ();
    JsonNode *root = json_builder_get_root (builder);
    json_generator_set_root (generator, root);
    json_generator_set_pretty (generator, TRUE);
    json_generator_set_indent (generator, 2);
    char *text = json_generator_to_data (generator, NULL);
    GString *shortened = sl_json_shorten_numbers (text);
    fputs (shortened->str, out);
    fputc ('\n', out);
    fflush (out);
    g_string_free (shortened, TRUE);
    g_free (text);
    json_node_unref (root);
    g_object_unref (generator);
}

static void
json_finish (void *state)
{
    json_state *st = state;
    json_builder_end_array (st->builder);
    json_builder_end_object (st->builder);
    sl_json_print (st->out, st->builder);
    g_object_unref (st->builder);
    g_free (st);
}

const sl_output_ops sl_output_json = { "json", json_begin, json_file, json_finish };
