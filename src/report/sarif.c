/* sarif.c: --format=sarif, SARIF 2.1.0 for code scanning (GitHub, GitLab,
 * IDEs). One run: the tool with every rule's metadata, one result per
 * finding with its region (1-based lines, columns in Unicode code points,
 * the end column one past the last character, as SARIF counts), a
 * fingerprint that survives edits elsewhere in the file, and URIs
 * relative to the current directory. Files that could not be linted are
 * tool notifications. */
#include "config.h"

#include <glib.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "report/output.h"

typedef struct sarif_state {
    FILE *out;
    JsonBuilder *results;        /* the results array, being built */
    JsonBuilder *notifications;  /* files not linted */
    GHashTable *occurrences;     /* fingerprint base -> count, for duplicates */
} sarif_state;

static void
set_string (JsonBuilder *b, const char *name, const char *value)
{
    json_builder_set_member_name (b, name);
    json_builder_add_string_value (b, value ? value : "");
}

static void
set_int (JsonBuilder *b, const char *name, gint64 value)
{
    json_builder_set_member_name (b, name);
    json_builder_add_int_value (b, value);
}

static void
set_text (JsonBuilder *b, const char *name, const char *text)
{
    json_builder_set_member_name (b, name);
    json_builder_begin_object (b);
    set_string (b, "text", text);
    json_builder_end_object (b);
}

static const char *
level (spamlint_severity severity)
{
    return severity == SPAMLINT_ERROR ? "error" : severity == SPAMLINT_WARNING ? "warning" : "note";
}

/* A relative path as a URI reference: forward slashes, escaped. */
char *sl_path_uri (const char *path);

char *
sl_path_uri (const char *path)
{
    char *cwd = g_get_current_dir ();
    const char *p = path;
    if (g_path_is_absolute (path) && g_str_has_prefix (path, cwd) && path[strlen (cwd)] == '/')
        p = path + strlen (cwd) + 1;
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    char *uri;
    if (g_path_is_absolute (p))
        uri = g_filename_to_uri (p, NULL, NULL);
    else
        uri = g_uri_escape_string (p, "/", FALSE);
    g_free (cwd);
    return uri ? uri : g_strdup (p);
}

static void *
sarif_begin (FILE *out, double threshold)
{
    sarif_state *st = g_new0 (sarif_state, 1);
    st->out = out;
    st->results = json_builder_new ();
    json_builder_begin_array (st->results);
    st->notifications = json_builder_new ();
    json_builder_begin_array (st->notifications);
    st->occurrences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    return st;
}

static gint64
rule_index (const char *id)
{
    for (size_t i = 0; spamlint_rule_at (i); i++)
        if (strcmp (spamlint_rule_at (i)->id, id) == 0)
            return (gint64) i;
    return -1;
}

static void
add_result (sarif_state *st, const char *uri, const spamlint_finding *f)
{
    JsonBuilder *b = st->results;
    json_builder_begin_object (b);
    set_string (b, "ruleId", spamlint_finding_rule (f));
    gint64 index = rule_index (spamlint_finding_rule (f));
    if (index >= 0)
        set_int (b, "ruleIndex", index);
    set_string (b, "level", level (spamlint_finding_severity (f)));
    set_text (b, "message", spamlint_finding_message (f));
    json_builder_set_member_name (b, "locations");
    json_builder_begin_array (b);
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "physicalLocation");
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "artifactLocation");
    json_builder_begin_object (b);
    set_string (b, "uri", uri);
    set_string (b, "uriBaseId", "%SRCROOT%");
    json_builder_end_object (b);
    json_builder_set_member_name (b, "region");
    json_builder_begin_object (b);
    set_int (b, "startLine", spamlint_finding_line (f));
    set_int (b, "startColumn", spamlint_finding_column (f));
    set_int (b, "endLine", spamlint_finding_end_line (f));
    set_int (b, "endColumn", spamlint_finding_end_column (f) + 1);
    json_builder_end_object (b);
    json_builder_end_object (b);
    json_builder_end_object (b);
    json_builder_end_array (b);

    /* the rule, the file and the text concerned, and which occurrence of
     * them this is: stable when lines move */
    const char *match = spamlint_finding_match (f);
    char *base = g_strdup_printf ("%s\n%s\n%s", spamlint_finding_rule (f), uri,
                                  match ? match : spamlint_finding_message (f));
    guint n = GPOINTER_TO_UINT (g_hash_table_lookup (st->occurrences, base));
    g_hash_table_replace (st->occurrences, g_strdup (base), GUINT_TO_POINTER (n + 1));
    char *keyed = g_strdup_printf ("%s\n%u", base, n);
    char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, keyed, -1);
    json_builder_set_member_name (b, "partialFingerprints");
    json_builder_begin_object (b);
    set_string (b, "spamlintFinding/v1", hash);
    json_builder_end_object (b);
    g_free (hash);
    g_free (keyed);
    g_free (base);

    json_builder_set_member_name (b, "properties");
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "points");
    json_builder_add_double_value (b, spamlint_finding_points (f));
    json_builder_end_object (b);
    json_builder_end_object (b);
}

static void
sarif_file (void *state, const spamlint_result *result)
{
    sarif_state *st = state;
    char *uri = sl_path_uri (spamlint_result_name (result));
    if (spamlint_result_error (result) != NULL) {
        JsonBuilder *b = st->notifications;
        json_builder_begin_object (b);
        set_string (b, "level", "error");
        char *text = g_strdup_printf ("%s: %s", spamlint_result_name (result),
                                      spamlint_result_error (result));
        set_text (b, "message", text);
        g_free (text);
        json_builder_end_object (b);
    } else {
        for (size_t i = 0; i < spamlint_result_count (result); i++)
            add_result (st, uri, spamlint_result_get (result, i));
    }
    g_free (uri);
}

static void
add_rules (JsonBuilder *b)
{
    json_builder_set_member_name (b, "rules");
    json_builder_begin_array (b);
    for (size_t i = 0; spamlint_rule_at (i); i++) {
        const spamlint_rule *rule = spamlint_rule_at (i);
        json_builder_begin_object (b);
        set_string (b, "id", rule->id);
        set_text (b, "shortDescription", _(rule->summary));
        set_text (b, "fullDescription", _(rule->detects));
        char *help = g_strdup_printf ("%s %s %s", _(rule->why), _(rule->fix), _(rule->example));
        set_text (b, "help", g_strstrip (help));
        g_free (help);
        json_builder_set_member_name (b, "defaultConfiguration");
        json_builder_begin_object (b);
        set_string (b, "level", level (rule->severity));
        json_builder_end_object (b);
        json_builder_set_member_name (b, "properties");
        json_builder_begin_object (b);
        json_builder_set_member_name (b, "points");
        json_builder_add_double_value (b, rule->points);
        json_builder_end_object (b);
        json_builder_end_object (b);
    }
    json_builder_end_array (b);
}

static void
sarif_finish (void *state)
{
    sarif_state *st = state;
    json_builder_end_array (st->results);
    json_builder_end_array (st->notifications);
    JsonNode *results = json_builder_get_root (st->results);
    JsonNode *notifications = json_builder_get_root (st->notifications);

    JsonBuilder *b = json_builder_new ();
    json_builder_begin_object (b);
    set_string (b, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    set_string (b, "version", "2.1.0");
    json_builder_set_member_name (b, "runs");
    json_builder_begin_array (b);
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "tool");
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "driver");
    json_builder_begin_object (b);
    set_string (b, "name", "spamlint");
    set_string (b, "version", spamlint_version ());
    set_string (b, "informationUri", PACKAGE_URL);
    add_rules (b);
    json_builder_end_object (b);
    json_builder_end_object (b);

    char *cwd = g_get_current_dir ();
    char *base = g_filename_to_uri (cwd, NULL, NULL);
    char *base_dir = g_str_has_suffix (base, "/") ? g_strdup (base) : g_strconcat (base, "/", NULL);
    json_builder_set_member_name (b, "originalUriBaseIds");
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "%SRCROOT%");
    json_builder_begin_object (b);
    set_string (b, "uri", base_dir);
    json_builder_end_object (b);
    json_builder_end_object (b);
    g_free (base_dir);
    g_free (base);
    g_free (cwd);

    set_string (b, "columnKind", "unicodeCodePoints");
    json_builder_set_member_name (b, "invocations");
    json_builder_begin_array (b);
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "executionSuccessful");
    json_builder_add_boolean_value (b, TRUE);
    json_builder_set_member_name (b, "toolExecutionNotifications");
    json_builder_add_value (b, notifications);
    json_builder_end_object (b);
    json_builder_end_array (b);
    json_builder_set_member_name (b, "results");
    json_builder_add_value (b, results);
    json_builder_end_object (b);
    json_builder_end_array (b);
    json_builder_end_object (b);

    sl_json_print (st->out, b);
    g_object_unref (b);
    g_object_unref (st->results);
    g_object_unref (st->notifications);
    g_hash_table_destroy (st->occurrences);
    g_free (st);
}

const sl_output_ops sl_output_sarif = { "sarif", sarif_begin, sarif_file, sarif_finish };
