/* main.c: the spamlint command: parse options, walk the files and
 * directories given, lint each with one engine, print, set the exit
 * status (0 pass, 1 a file failed, 2 usage error or a file not linted). */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "datadir.h"
#include "report/output.h"
#include "spamlint.h"

enum { EXIT_PASS = 0, EXIT_FAIL = 1, EXIT_TROUBLE = 2 };

#ifdef HAVE_JEMALLOC
/* jemalloc's settings, read at start-up (MALLOC_CONF still overrides
 * them): one arena for all the threads, and freed pages given back after
 * a second instead of ten. With an arena per thread, each kept its own
 * freed pages, and -j 2 over the shared corpus peaked at 65 to 70 MB
 * instead of 60; the few hundred more madvise calls cost nothing seen. */
const char *malloc_conf = "narenas:1,dirty_decay_ms:1000,muzzy_decay_ms:0";
#endif

typedef struct options {
    char *format;
    double threshold;
    gboolean threshold_given;
    char *config;
    char *color;
    gboolean list_rules;
    gint jobs;
    gint max_size;
    char **limits;               /* --limit NAME=VALUE, repeatable */
    char *explain;
    char *fail_on;
    char *points;
    gboolean no_fail;
    char *stdin_filename;
    char *input_format;
    char *subject;
    char *language;
    gboolean no_spelling;
    char *from;
    char **attachments;
    gboolean transactional;
    gboolean bulk;
    gboolean suggest;
    char **wordlists;
    gboolean online;
    char *dns_server;
    char *dkim_selector;
    char *sending_ip;
    char **dnsbl_zones;
    char **uribl_zones;
    gboolean version;
    char **files;
} options;

typedef struct cli {
    const options *opt;
    sl_output *output;
    GHashTable *engines;        /* config path ("" none) -> engine */
    GHashTable *config_by_dir;  /* folder -> config path */
    gboolean trouble;           /* a file not linted, or a usage error */
    gboolean failed;            /* a file failed */
} cli;

static const char *const draft_extensions[] = { "html", "htm", "txt", "eml", "mjml", NULL };

static gboolean
is_draft_name (const char *name)
{
    const char *dot = strrchr (name, '.');
    if (dot == NULL)
        return FALSE;
    for (guint i = 0; draft_extensions[i]; i++)
        if (g_ascii_strcasecmp (dot + 1, draft_extensions[i]) == 0)
            return TRUE;
    return FALSE;
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
    return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Append the drafts under DIR, sorted, recursively. */
static void
walk_directory (const char *dir, GPtrArray *paths, unsigned depth)
{
    GDir *d = g_dir_open (dir, 0, NULL);
    if (d == NULL || depth > 64) {
        if (d)
            g_dir_close (d);
        return;
    }
    GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
    const char *name;
    while ((name = g_dir_read_name (d)) != NULL)
        if (name[0] != '.')
            g_ptr_array_add (names, g_build_filename (dir, name, NULL));
    g_dir_close (d);
    g_ptr_array_sort (names, compare_paths);
    for (guint i = 0; i < names->len; i++) {
        const char *path = g_ptr_array_index (names, i);
        if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
            walk_directory (path, paths, depth + 1);
        else if (is_draft_name (path) && g_file_test (path, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (paths, g_strdup (path));
    }
    g_ptr_array_free (names, TRUE);
}

static gboolean
parse_format (const char *name, spamlint_format *format)
{
    static const struct { const char *name; spamlint_format format; } names[] = {
        { "auto", SPAMLINT_FORMAT_AUTO }, { "text", SPAMLINT_FORMAT_TEXT },
        { "html", SPAMLINT_FORMAT_HTML }, { "eml", SPAMLINT_FORMAT_EML },
        { "mjml", SPAMLINT_FORMAT_MJML },
    };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        if (strcmp (names[i].name, name) == 0) {
            *format = names[i].format;
            return TRUE;
        }
    return FALSE;
}

/* --limit=NAME=VALUE: the name and value, checked; FALSE with *ERROR set
 * (a usage message) otherwise. *NAME is set either way (g_free it). */
static gboolean
parse_limit (const char *arg, char **name, double *value, char **error)
{
    const char *equal = strchr (arg, '=');
    *name = g_strndup (arg, equal ? (gsize) (equal - arg) : strlen (arg));
    char *end = NULL;
    if (equal) {
        *value = g_ascii_strtod (equal + 1, &end);
        if (end == equal + 1 || *end != '\0')
            *value = NAN; /* not a number: the limit's range is told */
    }
    char *why = NULL;
    /* an unknown name is told first: every limit takes 1 */
    if (spamlint_limit_check (*name, 1, &why) == 0 && equal == NULL) {
        if (error)
            *error = g_strdup_printf (_("--limit=%s: give NAME=VALUE, e.g. --limit=time=5 or --limit=html-depth=64"),
                                      arg);
        return FALSE;
    }
    if (why != NULL || spamlint_limit_check (*name, *value, &why) != 0) {
        if (error)
            *error = g_strdup_printf ("--limit=%s: %s", arg, why);
        free (why);
        return FALSE;
    }
    return TRUE;
}

/* The configuration file that applies to PATH: --config, or the nearest
 * .spamlintrc in its folder or above; "" for none. Cached per folder. */
static const char *
config_for (cli *c, const char *path)
{
    if (c->opt->config)
        return c->opt->config;
    char *absolute = path ? g_canonicalize_filename (path, NULL) : g_get_current_dir ();
    char *dir = path ? g_path_get_dirname (absolute) : g_strdup (absolute);
    g_free (absolute);
    const char *found = g_hash_table_lookup (c->config_by_dir, dir);
    if (found) {
        g_free (dir);
        return found;
    }
    char *result = g_strdup ("");
    for (char *d = g_strdup (dir);;) {
        char *candidate = g_build_filename (d, ".spamlintrc", NULL);
        if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR)) {
            g_free (result);
            result = candidate;
            g_free (d);
            break;
        }
        g_free (candidate);
        char *parent = g_path_get_dirname (d);
        gboolean top = strcmp (parent, d) == 0;
        g_free (d);
        d = parent;
        if (top) {
            g_free (d);
            break;
        }
    }
    g_hash_table_insert (c->config_by_dir, dir, result);
    return result;
}

/* Settings in order: defaults, the configuration file, then the command
 * line, which has the last word. */
static spamlint_engine *
build_engine (const options *opt, const char *config, char **error)
{
    spamlint_engine *engine = spamlint_engine_new ();
    spamlint_engine_keep_source (engine, strcmp (opt->format, "human") == 0);
    if (*config && spamlint_engine_load_config (engine, config, error) != 0)
        goto fail;
    if (opt->threshold_given)
        spamlint_engine_set_threshold (engine, opt->threshold);
    if (opt->fail_on)
        spamlint_engine_set_fail_on (engine, strcmp (opt->fail_on, "score") == 0
                                                 ? SPAMLINT_FAIL_ON_SCORE
                                                 : SPAMLINT_FAIL_ON_ERROR_OR_SCORE);
    if (opt->points)
        spamlint_engine_set_points (engine, opt->points);
    if (opt->subject)
        spamlint_engine_set_subject (engine, opt->subject);
    if (opt->no_spelling)
        spamlint_engine_set_spelling (engine, 0);
    spamlint_engine_set_suggestions (engine, opt->suggest);
    if (opt->max_size > 0)
        spamlint_engine_set_max_input (engine, (size_t) opt->max_size);
    for (guint i = 0; opt->limits && opt->limits[i]; i++) {
        char *name;
        double value;
        /* checked by dispatch: cannot fail */
        if (parse_limit (opt->limits[i], &name, &value, NULL))
            spamlint_engine_set_limit (engine, name, value, NULL);
        g_free (name);
    }
    if (opt->bulk || opt->transactional)
        spamlint_engine_set_kind (engine, opt->bulk ? SPAMLINT_KIND_BULK : SPAMLINT_KIND_TRANSACTIONAL);
    if (opt->from && spamlint_engine_set_from (engine, opt->from, error) != 0)
        goto fail;
    for (guint i = 0; opt->attachments && opt->attachments[i]; i++)
        if (spamlint_engine_add_attachment (engine, opt->attachments[i], error) != 0)
            goto fail;
    if (opt->language && spamlint_engine_set_language (engine, opt->language) != 0) {
        *error = g_strdup_printf (_("--lang: no word lists for \"%s\": use en, fr, de, es or it"),
                                  opt->language);
        goto fail;
    }
    for (guint i = 0; opt->wordlists && opt->wordlists[i]; i++)
        if (spamlint_engine_add_wordlist (engine, opt->wordlists[i], error) != 0)
            goto fail;
    spamlint_engine_set_online (engine, opt->online);
    if (opt->dns_server && spamlint_engine_set_dns_server (engine, opt->dns_server, error) != 0)
        goto fail;
    if (opt->dkim_selector && spamlint_engine_set_dkim_selector (engine, opt->dkim_selector, error) != 0)
        goto fail;
    if (opt->sending_ip && spamlint_engine_set_sending_ip (engine, opt->sending_ip, error) != 0)
        goto fail;
    for (guint i = 0; opt->dnsbl_zones && opt->dnsbl_zones[i]; i++)
        if (spamlint_engine_add_dnsbl_zone (engine, opt->dnsbl_zones[i], error) != 0)
            goto fail;
    for (guint i = 0; opt->uribl_zones && opt->uribl_zones[i]; i++)
        if (spamlint_engine_add_uribl_zone (engine, opt->uribl_zones[i], error) != 0)
            goto fail;
    return engine;
fail:
    spamlint_engine_free (engine);
    return NULL;
}

/* The engine for the configuration that applies to PATH (NULL: stdin). */
static spamlint_engine *
engine_for (cli *c, const char *path, char **error)
{
    const char *config = config_for (c, path);
    spamlint_engine *engine = g_hash_table_lookup (c->engines, config);
    if (engine == NULL) {
        engine = build_engine (c->opt, config, error);
        if (engine == NULL)
            return NULL;
        g_hash_table_insert (c->engines, g_strdup (config), engine);
    }
    return engine;
}

/* Each outcome, in the order of the command line. */
static void
deliver (spamlint_result *result, const char *message, void *data)
{
    cli *c = data;
    if (message != NULL) {
        fprintf (stderr, "%s\n", message);
        c->trouble = TRUE;
        return;
    }
    sl_output_file (c->output, result);
    if (spamlint_result_error (result) != NULL) {
        fprintf (stderr, "spamlint: %s: %s\n", spamlint_result_name (result),
                 spamlint_result_error (result));
        c->trouble = TRUE;
    } else if (!spamlint_result_passed (result)) {
        c->failed = TRUE;
    }
    spamlint_result_free (result);
}

/* The engine for PATH (NULL: stdin), or NULL with the reason queued as a
 * message in its place. */
static spamlint_engine *
engine_or_message (cli *c, sl_batch *batch, const char *path)
{
    char *error = NULL;
    spamlint_engine *engine = engine_for (c, path, &error);
    if (engine == NULL) {
        char *message = g_strdup_printf ("spamlint: %s", error);
        sl_batch_add_message (batch, message);
        g_free (message);
        free (error);
    }
    return engine;
}

static void
queue_path (cli *c, sl_batch *batch, const char *path, spamlint_format format)
{
    spamlint_engine *engine = engine_or_message (c, batch, path);
    if (engine)
        sl_batch_add_file (batch, engine, path, format);
}

static void
queue_stdin (cli *c, sl_batch *batch, spamlint_format format)
{
    spamlint_engine *engine = engine_or_message (c, batch, NULL);
    if (engine == NULL)
        return;
    GByteArray *data = g_byte_array_new ();
    guint8 buf[65536];
    size_t n;
    while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
        g_byte_array_append (data, buf, (guint) n);
    GBytes *bytes = g_byte_array_free_to_bytes (data);
    const char *name = c->opt->stdin_filename ? c->opt->stdin_filename : "<stdin>";
    sl_batch_add_buffer (batch, engine, name, bytes, format);
    g_bytes_unref (bytes);
}

/* The engines of the last run, left for the system to free at exit:
 * tearing down hunspell's dictionaries and the word caches costs more than
 * linting a small draft. A (volatile, so kept) static keeps them reachable
 * for leak checkers. */
static GHashTable *volatile engines_at_exit;

static int
run (const options *opt, spamlint_format format)
{
    cli c = { opt, NULL, g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) spamlint_engine_free),
              g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free), FALSE, FALSE };
    c.output = sl_output_new (opt->format, stdout,
                              opt->threshold_given ? opt->threshold : SPAMLINT_DEFAULT_THRESHOLD);
    sl_batch *batch = sl_batch_new (opt->jobs > 0 ? (unsigned) opt->jobs : g_get_num_processors ());
    for (guint i = 0; opt->files[i]; i++) {
        const char *arg = opt->files[i];
        if (strcmp (arg, "-") == 0) {
            queue_stdin (&c, batch, format);
        } else if (g_file_test (arg, G_FILE_TEST_IS_DIR)) {
            GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
            walk_directory (arg, paths, 0);
            if (paths->len == 0) {
                char *message = g_strdup_printf (
                    _("spamlint: %s: no drafts in this directory (*.html *.htm *.txt *.eml *.mjml)"), arg);
                sl_batch_add_message (batch, message);
                g_free (message);
            }
            for (guint k = 0; k < paths->len; k++)
                queue_path (&c, batch, g_ptr_array_index (paths, k), format);
            g_ptr_array_free (paths, TRUE);
        } else {
            queue_path (&c, batch, arg, format);
        }
    }
    sl_batch_run (batch, deliver, &c);
    sl_output_finish (c.output);
    /* with SPAMLINT_PROFILE, an engine prints its times when freed */
    if (g_getenv ("SPAMLINT_PROFILE"))
        g_hash_table_destroy (c.engines);
    else
        engines_at_exit = c.engines;
    g_hash_table_destroy (c.config_by_dir);
    if (c.trouble)
        return EXIT_TROUBLE;
    return opt->no_fail || !c.failed ? EXIT_PASS : EXIT_FAIL;
}

static int
list_rules (void)
{
    for (size_t i = 0; spamlint_rule_at (i); i++) {
        const spamlint_rule *rule = spamlint_rule_at (i);
        char points[32];
        if (rule->cap > 0)
            g_snprintf (points, sizeof points, "%.1f (max %.1f)", rule->points, rule->cap);
        else
            g_snprintf (points, sizeof points, "%.1f", rule->points);
        printf ("%-26s %-8s %-14s %s\n", rule->id, spamlint_severity_name (rule->severity), points,
                _(rule->summary));
    }
    return EXIT_PASS;
}

static int
explain (const char *id)
{
    const spamlint_rule *rule = spamlint_rule_find (id);
    if (rule == NULL) {
        fprintf (stderr, _("spamlint: --explain: no rule named \"%s\" (see --list-rules)\n"), id);
        return EXIT_TROUBLE;
    }
    printf ("%s (%s, ", rule->id, spamlint_severity_name (rule->severity));
    printf (_("points: %.1f"), rule->points);
    printf (")\n\n");
    printf ("%s\n  %s\n\n", _("What it detects:"), _(rule->detects));
    if (*rule->why)
        printf ("%s\n  %s\n\n", _("Why it hurts delivery:"), _(rule->why));
    if (*rule->fix)
        printf ("%s\n  %s\n\n", _("How to fix it:"), _(rule->fix));
    if (*rule->example)
        printf ("%s\n  %s\n", _("Example:"), _(rule->example));
    return EXIT_PASS;
}

/* What the command line asks for, once parsed. */
static int
dispatch (options *opt)
{
    if (opt->version) {
        printf ("spamlint %s\n", spamlint_version ());
        return EXIT_PASS;
    }
    if (opt->list_rules)
        return list_rules ();
    if (opt->explain)
        return explain (opt->explain);
    if (opt->format == NULL)
        opt->format = g_strdup (isatty (STDOUT_FILENO) ? "human" : "gnu");
    opt->threshold_given = opt->threshold != -1.0;
    spamlint_format format = SPAMLINT_FORMAT_AUTO;
    const char *usage = NULL;
    static const char *const formats[] = { "human", "gnu", "json", "sarif", "github", NULL };
    if (opt->files == NULL || opt->files[0] == NULL)
        usage = _("no input: give one or more files or directories, or - for standard input");
    else if (!g_strv_contains (formats, opt->format))
        usage = _("unknown --format: use human, gnu, json, sarif or github");
    else if (opt->color && strcmp (opt->color, "auto") != 0 && strcmp (opt->color, "always") != 0
             && strcmp (opt->color, "never") != 0)
        usage = _("unknown --color: use auto, always or never");
    else if (opt->input_format && !parse_format (opt->input_format, &format))
        usage = _("unknown --input-format: use text, html, eml or mjml");
    else if (opt->fail_on && strcmp (opt->fail_on, "score") != 0 && strcmp (opt->fail_on, "error") != 0)
        usage = _("unknown --fail-on: use error or score");
    else if (opt->points && strcmp (opt->points, "rules") != 0 && strcmp (opt->points, "calibrated") != 0)
        usage = _("unknown --points: use rules or calibrated");
    else if (opt->max_size < 0)
        usage = _("--max-size must be a number of megabytes above 0");
    else if (opt->jobs < 0 || opt->jobs > 256)
        usage = _("--jobs must be a number from 1 to 256");
    else if (opt->bulk && opt->transactional)
        usage = _("--bulk and --transactional cannot go together");
    else if (opt->threshold_given && !(opt->threshold > 0.0))
        usage = _("--threshold must be a number above 0");
    char *limit_usage = NULL;
    for (guint i = 0; usage == NULL && opt->limits && opt->limits[i]; i++) {
        char *name;
        double value;
        if (!parse_limit (opt->limits[i], &name, &value, &limit_usage))
            usage = limit_usage;
        g_free (name);
    }
    if (usage != NULL) {
        fprintf (stderr, "spamlint: %s\n", usage);
        fprintf (stderr, _("Try 'spamlint --help' for more information.\n"));
        g_free (limit_usage);
        return EXIT_TROUBLE;
    }
    /* colours: asked for, or a terminal that does not refuse them */
    const char *no_color = g_getenv ("NO_COLOR");
    gboolean color = opt->color && strcmp (opt->color, "always") == 0;
    if (opt->color == NULL || strcmp (opt->color, "auto") == 0)
        color = isatty (STDOUT_FILENO) && !(no_color && *no_color)
                && g_strcmp0 (g_getenv ("TERM"), "dumb") != 0;
    sl_output_human_set_color (color);
    return run (opt, format);
}

static void
options_clear (options *opt)
{
    g_strfreev (opt->files);
    g_free (opt->format);
    g_free (opt->fail_on);
    g_free (opt->points);
    g_free (opt->stdin_filename);
    g_free (opt->input_format);
    g_free (opt->subject);
    g_free (opt->language);
    g_free (opt->from);
    g_strfreev (opt->attachments);
    g_strfreev (opt->limits);
    g_free (opt->config);
    g_free (opt->color);
    g_free (opt->explain);
    g_strfreev (opt->wordlists);
    g_free (opt->dns_server);
    g_free (opt->dkim_selector);
    g_free (opt->sending_ip);
    g_strfreev (opt->dnsbl_zones);
    g_strfreev (opt->uribl_zones);
}

int
main (int argc, char **argv)
{
    setlocale (LC_ALL, "");
    char *localedir = sl_data_dir ("SPAMLINT_LOCALEDIR", "locale", LOCALEDIR);
    bindtextdomain (GETTEXT_PACKAGE, localedir);
    g_free (localedir);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    textdomain (GETTEXT_PACKAGE);

    options opt = { 0 };
    opt.threshold = -1.0; /* not given: the config file's or the default */
    GOptionEntry entries[] = {
        { "format", 'f', 0, G_OPTION_ARG_STRING, &opt.format,
          N_("Output format: human (default on a terminal), gnu (default otherwise), json, sarif or github"),
          N_("FORMAT") },
        { "color", 0, 0, G_OPTION_ARG_STRING, &opt.color,
          N_("Colours in the human format: auto (default), always or never; NO_COLOR turns them off"),
          N_("WHEN") },
        { "config", 'c', 0, G_OPTION_ARG_FILENAME, &opt.config,
          N_("Read settings from FILE instead of the nearest .spamlintrc"), N_("FILE") },
        { "max-size", 0, 0, G_OPTION_ARG_INT, &opt.max_size,
          N_("Refuse drafts larger than MB megabytes (default 50); the same as --limit=size=MB"),
          N_("MB") },
        { "limit", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt.limits,
          N_("Set a limit: size (MB, 50), html-depth (256), mime-depth (32), mime-parts (1000), findings (500 per rule), pcre-match (10000000), pcre-depth (10000) or time (seconds per draft, 10; 0: none); repeatable"),
          N_("NAME=VALUE") },
        { "jobs", 'j', 0, G_OPTION_ARG_INT, &opt.jobs,
          N_("Lint on N threads (default: the number of processors); the output is the same"), N_("N") },
        { "list-rules", 0, 0, G_OPTION_ARG_NONE, &opt.list_rules,
          N_("List the rules with their severity, points and summary, and exit"), NULL },
        { "explain", 'e', 0, G_OPTION_ARG_STRING, &opt.explain,
          N_("Explain a rule: what it detects, why it hurts delivery, how to fix it"), N_("RULE") },
        { "threshold", 't', 0, G_OPTION_ARG_DOUBLE, &opt.threshold,
          N_("Fail a file whose score reaches SCORE (default 5.0)"), N_("SCORE") },
        { "fail-on", 0, 0, G_OPTION_ARG_STRING, &opt.fail_on,
          N_("What fails a file: error (the score or any error finding; default) or score"), N_("WHAT") },
        { "points", 0, 0, G_OPTION_ARG_STRING, &opt.points,
          N_("Score with the points of the rule catalogue (rules, default) or those fitted on labelled mail (calibrated)"),
          N_("WHICH") },
        { "no-fail", 0, 0, G_OPTION_ARG_NONE, &opt.no_fail,
          N_("Exit 0 even when a file fails (2 still means a file was not linted)"), NULL },
        { "input-format", 0, 0, G_OPTION_ARG_STRING, &opt.input_format,
          N_("Read every input as text, html, eml or mjml instead of detecting it"), N_("FORMAT") },
        { "stdin-filename", 0, 0, G_OPTION_ARG_FILENAME, &opt.stdin_filename,
          N_("Name standard input (-) in diagnostics; its extension breaks format ties"), N_("NAME") },
        { "subject", 's', 0, G_OPTION_ARG_STRING, &opt.subject,
          N_("The subject of a text, HTML or MJML draft, checked by the subject rules"), N_("TEXT") },
        { "from", 0, 0, G_OPTION_ARG_STRING, &opt.from,
          N_("The From address of a text, HTML or MJML draft (\"Name <addr>\")"), N_("ADDR") },
        { "attach", 'a', 0, G_OPTION_ARG_FILENAME_ARRAY, &opt.attachments,
          N_("A file the draft will be sent with; repeatable"), N_("FILE") },
        { "bulk", 0, 0, G_OPTION_ARG_NONE, &opt.bulk,
          N_("Check the bulk-mail duties (unsubscribe, contact details) whatever the draft reads like"), NULL },
        { "transactional", 0, 0, G_OPTION_ARG_NONE, &opt.transactional,
          N_("A receipt, invoice, quote or notification: no bulk-mail duties"), NULL },
        { "lang", 'l', 0, G_OPTION_ARG_STRING, &opt.language,
          N_("Read drafts as written in LANG (en, fr, de, es, it) instead of detecting it"), N_("LANG") },
        { "wordlist", 'w', 0, G_OPTION_ARG_FILENAME_ARRAY, &opt.wordlists,
          N_("Add a word list of your own (\"WEIGHT CATEGORY PHRASE\" lines); repeatable"), N_("FILE") },
        { "no-spelling", 0, 0, G_OPTION_ARG_NONE, &opt.no_spelling,
          N_("Do not check spelling"), NULL },
        { "suggest", 0, 0, G_OPTION_ARG_NONE, &opt.suggest,
          N_("Suggest corrections for misspelled words (slower)"), NULL },
        { "online", 0, 0, G_OPTION_ARG_NONE, &opt.online,
          N_("Also check the DNS: SPF, DKIM, DMARC and MX of the From domain, blocklists (without it, no network access)"),
          NULL },
        { "dns-server", 0, 0, G_OPTION_ARG_STRING, &opt.dns_server,
          N_("With --online, ask the DNS server at ADDR (IPv4, port 53 or PORT) instead of the system's"),
          N_("ADDR[:PORT]") },
        { "dkim-selector", 0, 0, G_OPTION_ARG_STRING, &opt.dkim_selector,
          N_("With --online, check the DKIM key of selector SEL at the From domain"), N_("SEL") },
        { "sending-ip", 0, 0, G_OPTION_ARG_STRING, &opt.sending_ip,
          N_("With --online, check the IP address the mail is sent from against the IP blocklists"),
          N_("IP") },
        { "dnsbl-zone", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt.dnsbl_zones,
          N_("With --online, an IP blocklist to check --sending-ip on, instead of the defaults; repeatable"),
          N_("ZONE") },
        { "uribl-zone", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt.uribl_zones,
          N_("With --online, a domain blocklist to check the linked domains on, instead of the defaults; repeatable"),
          N_("ZONE") },
        { "version", 'V', 0, G_OPTION_ARG_NONE, &opt.version,
          N_("Print the version and exit"), NULL },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt.files, NULL,
          N_("FILE|DIR|-...") },
        { NULL, 0, 0, 0, NULL, NULL, NULL }
    };
    GOptionContext *context = g_option_context_new (_("- lint e-mail drafts before they are sent"));
    g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
    g_option_context_set_description (context,
        _("Each finding is printed as FILE:LINE:COL: SEVERITY: MESSAGE [RULE], then a score line per file.\n"
          "Directories are searched for *.html *.htm *.txt *.eml *.mjml.\n\n"
          "Exit status: 0 every file passed; 1 a file scored at or above the threshold or has an\n"
          "error finding; 2 a usage error, or a file that could not be linted.\n\n"
          "See spamlint(1)."));
    GError *error = NULL;
    if (!g_option_context_parse (context, &argc, &argv, &error)) {
        fprintf (stderr, "spamlint: %s\n", error->message);
        fprintf (stderr, _("Try 'spamlint --help' for more information.\n"));
        g_error_free (error);
        g_option_context_free (context);
        return EXIT_TROUBLE;
    }
    g_option_context_free (context);
    int status = dispatch (&opt);
    options_clear (&opt);
    return status;
}
