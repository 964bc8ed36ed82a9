/* config.c: a configuration file (.spamlintrc, or --config FILE), in
 * GKeyFile syntax:
 *
 *   [spamlint]
 *   threshold=6.0
 *   fail-on=score
 *   points=calibrated          # or rules (the default)
 *   kind=bulk                  # or transactional, auto
 *   language=fr
 *   spelling=false
 *   disable=html-image-alt;spelling
 *   wordlists=maison.txt       # relative to the file's folder
 *   allow-domains=boulangerie-martin.fr;mon-routeur.example
 *   [points]
 *   spam-phrase=0.5
 *   [severity]
 *   html-width=error
 *   [limits]                   # the names of --limit
 *   time=5
 *   html-depth=64
 *
 * Every error names the file, and the key when there is one.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

static gboolean
fail (char **error, const char *path, const char *what)
{
    if (error)
        *error = g_strdup_printf ("%s: %s", path, what);
    return FALSE;
}

static gboolean
parse_severity (const char *name, spamlint_severity *severity)
{
    if (g_ascii_strcasecmp (name, "error") == 0)
        *severity = SPAMLINT_ERROR;
    else if (g_ascii_strcasecmp (name, "warning") == 0)
        *severity = SPAMLINT_WARNING;
    else if (g_ascii_strcasecmp (name, "note") == 0)
        *severity = SPAMLINT_NOTE;
    else
        return FALSE;
    return TRUE;
}

static gboolean
apply_main (spamlint_engine *engine, GKeyFile *file, const char *path, char **error)
{
    static const char group[] = "spamlint";
    static const char *const known[] = { "threshold", "fail-on", "points", "kind", "language",
                                         "spelling", "disable", "wordlists", "allow-domains", NULL };
    if (!g_key_file_has_group (file, group))
        return TRUE;
    gsize n = 0;
    char **keys = g_key_file_get_keys (file, group, &n, NULL);
    gboolean ok = TRUE;
    for (gsize i = 0; i < n && ok; i++)
        if (!g_strv_contains (known, keys[i])) {
            char *what = g_strdup_printf ("unknown key %s in [spamlint]", keys[i]);
            ok = fail (error, path, what);
            g_free (what);
        }
    g_strfreev (keys);
    if (!ok)
        return FALSE;

    GError *e = NULL;
    if (g_key_file_has_key (file, group, "threshold", NULL)) {
        double threshold = g_key_file_get_double (file, group, "threshold", &e);
        if (e || !(threshold > 0)) {
            g_clear_error (&e);
            return fail (error, path, "threshold must be a number above 0");
        }
        engine->threshold = threshold;
    }
    char *value = g_key_file_get_string (file, group, "fail-on", NULL);
    if (value) {
        gboolean score = strcmp (g_strstrip (value), "score") == 0;
        if (!score && strcmp (value, "error") != 0) {
            g_free (value);
            return fail (error, path, "fail-on must be error or score");
        }
        engine->fail_on = score ? SPAMLINT_FAIL_ON_SCORE : SPAMLINT_FAIL_ON_ERROR_OR_SCORE;
        g_free (value);
    }
    value = g_key_file_get_string (file, group, "points", NULL);
    if (value) {
        g_strstrip (value);
        gboolean known_points = spamlint_engine_set_points (engine, value) == 0;
        g_free (value);
        if (!known_points)
            return fail (error, path, "points must be rules or calibrated");
    }
    value = g_key_file_get_string (file, group, "kind", NULL);
    if (value) {
        g_strstrip (value);
        if (strcmp (value, "bulk") == 0)
            engine->kind = SPAMLINT_KIND_BULK;
        else if (strcmp (value, "transactional") == 0)
            engine->kind = SPAMLINT_KIND_TRANSACTIONAL;
        else if (strcmp (value, "auto") == 0)
            engine->kind = SPAMLINT_KIND_AUTO;
        else {
            g_free (value);
            return fail (error, path, "kind must be bulk, transactional or auto");
        }
        g_free (value);
    }
    value = g_key_file_get_string (file, group, "language", NULL);
    if (value) {
        int bad = spamlint_engine_set_language (engine, g_strstrip (value));
        g_free (value);
        if (bad)
            return fail (error, path, "language must be en, fr, de, es or it");
    }
    if (g_key_file_has_key (file, group, "spelling", NULL)) {
        gboolean on = g_key_file_get_boolean (file, group, "spelling", &e);
        if (e) {
            g_clear_error (&e);
            return fail (error, path, "spelling must be true or false");
        }
        spamlint_engine_set_spelling (engine, on);
    }
    char **list = g_key_file_get_string_list (file, group, "disable", NULL, NULL);
    for (guint i = 0; list && list[i]; i++)
        if (spamlint_engine_disable_rule (engine, g_strstrip (list[i])) != 0) {
            char *what = g_strdup_printf ("disable: no rule named %s", list[i]);
            fail (error, path, what);
            g_free (what);
            g_strfreev (list);
            return FALSE;
        }
    g_strfreev (list);
    list = g_key_file_get_string_list (file, group, "allow-domains", NULL, NULL);
    for (guint i = 0; list && list[i]; i++)
        spamlint_engine_allow_domain (engine, g_strstrip (list[i]));
    g_strfreev (list);
    list = g_key_file_get_string_list (file, group, "wordlists", NULL, NULL);
    char *dir = g_path_get_dirname (path);
    for (guint i = 0; list && list[i]; i++) {
        char *file_path = g_path_is_absolute (g_strstrip (list[i])) ? g_strdup (list[i])
                                                                    : g_build_filename (dir, list[i], NULL);
        char *why = NULL;
        int bad = spamlint_engine_add_wordlist (engine, file_path, &why);
        g_free (file_path);
        if (bad) {
            fail (error, path, why);
            free (why);
            g_free (dir);
            g_strfreev (list);
            return FALSE;
        }
    }
    g_free (dir);
    g_strfreev (list);
    return TRUE;
}

static gboolean
apply_rules (spamlint_engine *engine, GKeyFile *file, const char *path, const char *group,
             char **error)
{
    if (!g_key_file_has_group (file, group))
        return TRUE;
    gsize n = 0;
    char **keys = g_key_file_get_keys (file, group, &n, NULL);
    gboolean ok = TRUE;
    for (gsize i = 0; i < n && ok; i++) {
        char *value = g_strstrip (g_key_file_get_string (file, group, keys[i], NULL));
        int bad;
        if (strcmp (group, "points") == 0) {
            char *end;
            double points = g_ascii_strtod (value, &end);
            bad = *end != '\0' || spamlint_engine_set_rule_points (engine, keys[i], points) != 0;
        } else {
            spamlint_severity severity;
            bad = !parse_severity (value, &severity)
                  || spamlint_engine_set_rule_severity (engine, keys[i], severity) != 0;
        }
        if (bad) {
            char *what = g_strdup_printf ("[%s] %s=%s: unknown rule or bad value", group, keys[i], value);
            ok = fail (error, path, what);
            g_free (what);
        }
        g_free (value);
    }
    g_strfreev (keys);
    return ok;
}

static gboolean
apply_limits (spamlint_engine *engine, GKeyFile *file, const char *path, char **error)
{
    static const char group[] = "limits";
    if (!g_key_file_has_group (file, group))
        return TRUE;
    gsize n = 0;
    char **keys = g_key_file_get_keys (file, group, &n, NULL);
    gboolean ok = TRUE;
    for (gsize i = 0; i < n && ok; i++) {
        char *value = g_strstrip (g_key_file_get_string (file, group, keys[i], NULL));
        char *end;
        double number = g_ascii_strtod (value, &end);
        char *why = NULL;
        if (end == value || *end != '\0')
            number = NAN; /* not a number: the limit's range is told */
        if (spamlint_engine_set_limit (engine, keys[i], number, &why) != 0) {
            char *what = g_strdup_printf ("[limits] %s=%s: %s", keys[i], value, why);
            ok = fail (error, path, what);
            g_free (what);
        }
        free (why);
        g_free (value);
    }
    g_strfreev (keys);
    return ok;
}

int
spamlint_engine_load_config (spamlint_engine *engine, const char *path, char **error)
{
    GKeyFile *file = g_key_file_new ();
    GError *e = NULL;
    if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &e)) {
        fail (error, path, e->message);
        g_error_free (e);
        g_key_file_free (file);
        return -1;
    }
    gboolean ok = apply_main (engine, file, path, error)
                  && apply_rules (engine, file, path, "points", error)
                  && apply_rules (engine, file, path, "severity", error)
                  && apply_limits (engine, file, path, error);
    g_key_file_free (file);
    return ok ? 0 : -1;
}
