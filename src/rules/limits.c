/* limits.c: the notes about the input itself, told by the loaders.
 *
 * input-limit: the limits spamlint keeps so that no draft can exhaust it
 * (HTML and MIME depth, MIME part count, PCRE2 limits of the rules' patterns;
 * the time limit is told by lint.c). What lies past a limit is not read,
 * and the user is told so: a silent partial lint would look like a clean
 * one.
 *
 * input-encoding: bytes that had to be repaired or converted before the
 * text could be read (invalid UTF-8 read as Windows-1252, NUL bytes, UTF-16
 * with a byte order mark, an unknown charset): one note per part, at the
 * first place concerned, saying what was done. A part in a declared charset
 * that converts cleanly is not told about.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "rules/rules.h"

static const sl_rule_info rules[] = {
    { "input-limit", SPAMLINT_NOTE, 0.0, 0.0,
      N_("a part of the draft was not read or not checked: it is past one of spamlint's limits") },
    { "input-encoding", SPAMLINT_NOTE, 0.0, 0.0,
      N_("bytes of the draft were repaired or converted before it could be read") },
};

static void
report_notes (sl_context *cx, const char *rule, const GArray *notes)
{
    for (guint i = 0; i < notes->len; i++) {
        const sl_input_note *note = &g_array_index (notes, sl_input_note, i);
        sl_report (cx, rule, SPAMLINT_NOTE, 0.0, note->offset, note->offset, note->part, NULL,
                   "%s", note->message);
    }
}

static void
check (sl_context *cx)
{
    report_notes (cx, "input-limit", cx->doc->limit_notes);
    report_notes (cx, "input-encoding", cx->doc->encoding_notes);
}

const sl_family sl_family_limits = {
    .name = "limits", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
    .past_time_limit = TRUE,
};
