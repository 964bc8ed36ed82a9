/* main.c: the spamlint command: parse options, walk the files and
 * directories given, lint each with one engine, print, set the exit
 * status (0 pass, 1 a file failed, 2 usage error or a file not linted). */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/output.h"
#include "spamlint.h"

enum { EXIT_PASS = 0, EXIT_FAIL = 1, EXIT_TROUBLE = 2 };

typedef struct options {
    char *format;
    double threshold;
    char *fail_on;
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
    gboolean version;
    char **files;
} options;

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

static spamlint_result *
lint_stdin (spamlint_engine *engine, const options *opt, spamlint_format format)
{
    GString *data = g_string_new (NULL);
    char buf[65536];
    size_t n;
    while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
        g_string_append_len (data, buf, (gssize) n);
    const char *name = opt->stdin_filename ? opt->stdin_filename : "<stdin>";
    spamlint_result *result = spamlint_lint_buffer (engine, name, data->str, data->len, format);
    g_string_free (data, TRUE);
    return result;
}

static int
report (sl_output *output, spamlint_result *result, int status)
{
    sl_output_file (output, result);
    if (spamlint_result_error (result) != NULL) {
        fprintf (stderr, "spamlint: %s: %s\n", spamlint_result_name (result),
                 spamlint_result_error (result));
        status = EXIT_TROUBLE;
    } else if (!spamlint_result_passed (result) && status == EXIT_PASS) {
        status = EXIT_FAIL;
    }
    spamlint_result_free (result);
    return status;
}

static int
run (const options *opt, spamlint_format format)
{
    spamlint_engine *engine = spamlint_engine_new ();
    spamlint_engine_set_threshold (engine, opt->threshold);
    spamlint_engine_set_fail_on (engine, opt->fail_on && strcmp (opt->fail_on, "score") == 0
                                             ? SPAMLINT_FAIL_ON_SCORE
                                             : SPAMLINT_FAIL_ON_ERROR_OR_SCORE);
    spamlint_engine_set_subject (engine, opt->subject);
    spamlint_engine_set_spelling (engine, !opt->no_spelling);
    spamlint_engine_set_kind (engine, opt->bulk ? SPAMLINT_KIND_BULK
                                      : opt->transactional ? SPAMLINT_KIND_TRANSACTIONAL
                                                           : SPAMLINT_KIND_AUTO);
    char *error = NULL;
    if (opt->from && spamlint_engine_set_from (engine, opt->from, &error) != 0) {
        fprintf (stderr, "spamlint: --from: %s\n", error);
        free (error);
        spamlint_engine_free (engine);
        return EXIT_TROUBLE;
    }
    for (guint i = 0; opt->attachments && opt->attachments[i]; i++) {
        if (spamlint_engine_add_attachment (engine, opt->attachments[i], &error) != 0) {
            fprintf (stderr, "spamlint: --attach: %s\n", error);
            free (error);
            spamlint_engine_free (engine);
            return EXIT_TROUBLE;
        }
    }
    spamlint_engine_set_suggestions (engine, opt->suggest);
    if (opt->language && spamlint_engine_set_language (engine, opt->language) != 0) {
        fprintf (stderr, _("spamlint: --lang: no word lists for \"%s\": use en, fr, de, es or it\n"),
                 opt->language);
        spamlint_engine_free (engine);
        return EXIT_TROUBLE;
    }
    for (guint i = 0; opt->wordlists && opt->wordlists[i]; i++) {
        if (spamlint_engine_add_wordlist (engine, opt->wordlists[i], &error) != 0) {
            fprintf (stderr, "spamlint: %s: %s\n", opt->wordlists[i], error);
            free (error);
            spamlint_engine_free (engine);
            return EXIT_TROUBLE;
        }
    }
    sl_output *output = sl_output_new (opt->format, stdout, opt->threshold);

    int status = EXIT_PASS;
    gboolean trouble = FALSE;
    for (guint i = 0; opt->files[i]; i++) {
        const char *arg = opt->files[i];
        if (strcmp (arg, "-") == 0) {
            status = report (output, lint_stdin (engine, opt, format), status);
        } else if (g_file_test (arg, G_FILE_TEST_IS_DIR)) {
            GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
            walk_directory (arg, paths, 0);
            if (paths->len == 0) {
                fprintf (stderr, _("spamlint: %s: no drafts in this directory (*.html *.htm *.txt *.eml *.mjml)\n"), arg);
                trouble = TRUE;
            }
            for (guint k = 0; k < paths->len; k++)
                status = report (output, spamlint_lint_file (engine, g_ptr_array_index (paths, k), format), status);
            g_ptr_array_free (paths, TRUE);
        } else {
            status = report (output, spamlint_lint_file (engine, arg, format), status);
        }
        trouble = trouble || status == EXIT_TROUBLE;
    }
    sl_output_finish (output);
    spamlint_engine_free (engine);
    if (trouble)
        return EXIT_TROUBLE;
    return opt->no_fail ? EXIT_PASS : status;
}

int
main (int argc, char **argv)
{
    setlocale (LC_ALL, "");
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    textdomain (GETTEXT_PACKAGE);

    options opt = { 0 };
    opt.threshold = SPAMLINT_DEFAULT_THRESHOLD;
    GOptionEntry entries[] = {
        { "format", 'f', 0, G_OPTION_ARG_STRING, &opt.format,
          N_("Output format: gnu (default) or json"), N_("FORMAT") },
        { "threshold", 't', 0, G_OPTION_ARG_DOUBLE, &opt.threshold,
          N_("Fail a file whose score reaches SCORE (default 5.0)"), N_("SCORE") },
        { "fail-on", 0, 0, G_OPTION_ARG_STRING, &opt.fail_on,
          N_("What fails a file: error (the score or any error finding; default) or score"), N_("WHAT") },
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

    if (opt.version) {
        printf ("spamlint %s\n", spamlint_version ());
        return EXIT_PASS;
    }
    if (opt.format == NULL)
        opt.format = g_strdup ("gnu");
    spamlint_format format = SPAMLINT_FORMAT_AUTO;
    const char *usage = NULL;
    if (opt.files == NULL || opt.files[0] == NULL)
        usage = _("no input: give one or more files or directories, or - for standard input");
    else if (strcmp (opt.format, "gnu") != 0 && strcmp (opt.format, "json") != 0)
        usage = _("unknown --format: use gnu or json");
    else if (opt.input_format && !parse_format (opt.input_format, &format))
        usage = _("unknown --input-format: use text, html, eml or mjml");
    else if (opt.fail_on && strcmp (opt.fail_on, "score") != 0 && strcmp (opt.fail_on, "error") != 0)
        usage = _("unknown --fail-on: use error or score");
    else if (opt.bulk && opt.transactional)
        usage = _("--bulk and --transactional cannot go together");
    else if (!(opt.threshold > 0.0))
        usage = _("--threshold must be a number above 0");
    if (usage != NULL) {
        fprintf (stderr, "spamlint: %s\n", usage);
        fprintf (stderr, _("Try 'spamlint --help' for more information.\n"));
        return EXIT_TROUBLE;
    }
    int status = run (&opt, format);
    g_strfreev (opt.files);
    g_free (opt.format);
    g_free (opt.fail_on);
    g_free (opt.stdin_filename);
    g_free (opt.input_format);
    g_free (opt.subject);
    g_free (opt.language);
    g_free (opt.from);
    g_strfreev (opt.attachments);
    g_strfreev (opt.wordlists);
    return status;
}
