/* limits.c: input-limit, the limits spamlint keeps so that no draft can
 * exhaust it (MIME depth and part count; HTML depth is told by
 * html-malformed). What lies past a limit is not read, and the user is
 * told so: a silent partial lint would look like a clean one. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "rules/rules.h"

static const sl_rule_info rules[] = {
    { "input-limit", SPAMLINT_NOTE, 0.0, 0.0,
      N_("a part of the draft was not read: it is past one of spamlint's limits") },
};

static void
check (sl_context *cx)
{
    for (guint i = 0; i < cx->doc->limits->len; i++) {
        const sl_limit_note *note = &g_array_index (cx->doc->limits, sl_limit_note, i);
        sl_report (cx, "input-limit", SPAMLINT_NOTE, 0.0, note->offset, note->offset, NULL, NULL,
                   "%s", note->message);
    }
}

const sl_family sl_family_limits = {
    .name = "limits", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
};
