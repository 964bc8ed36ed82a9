/* template.c: merge-tag-unresolved. In a template a placeholder is
 * expected; in a message about to be sent (.eml) it means the mailing tool
 * did not fill it in, and the reader sees "Bonjour {{prenom}}". The bare
 * [Word] form is left out: in real mail it is a list tag ("[SAtalk]"); so
 * is a ${x} glued to the word before it, which is a shell or script
 * variable in code quoted in the mail (conftest${ac_exeext}): a merge tag
 * stands for a word of its own. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "load/html.h"
#include "rules/rules.h"
#include "text/placeholder.h"

static const sl_rule_info rules[] = {
    { "merge-tag-unresolved", SPAMLINT_ERROR, 1.0, 0.0,
      /* xgettext:no-c-format */
      N_("a template placeholder ({{x}}, *|X|*, %%x%%...) left in a message to be sent") },
};

static gboolean
is_bare_tag (const char *text)
{
    return text[0] == '[' && text[1] != '[';
}

/* Not a merge tag: a bare [Word], or ${x} right after a letter, digit or _
 * (TEXT + AT is the tag, in a string that starts at TEXT). */
static gboolean
is_not_merge_tag (const char *text, gsize at)
{
    if (is_bare_tag (text + at))
        return TRUE;
    if (text[at] == '$' && at > 0) {
        char before = text[at - 1];
        return g_ascii_isalnum (before) || before == '_';
    }
    return FALSE;
}

static void
check_segments (sl_context *cx)
{
    for (guint i = 0; i < cx->doc->segments->len; i++) {
        const sl_segment *segment = g_ptr_array_index (cx->doc->segments, i);
        for (guint k = 0; k < segment->placeholders->len; k++) {
            const sl_span *span = &g_array_index (segment->placeholders, sl_span, k);
            if (is_not_merge_tag (segment->original, span->start))
                continue;
            sl_report_span (cx, segment, span->start, span->end, "merge-tag-unresolved",
                            SPAMLINT_ERROR, 1.0,
                            _("unfilled placeholder: the reader would see it as is; fill it in or remove it"));
        }
    }
}

static void
check_attributes (sl_context *cx, const sl_node *node, const char *part)
{
    for (; node; node = node->next) {
        if (node->type != SL_NODE_ELEMENT)
            continue;
        for (guint a = 0; a < node->n_attrs; a++) {
            const sl_attr *attr = &node->attrs[a];
            /* what the reader sees or follows: not <option value> and such */
            static const char *const used[] = { "href", "src", "alt", "title", NULL };
            if (!g_strv_contains (used, attr->name))
                continue;
            const char *v = attr->value;
            gsize len = strlen (v);
            for (gsize i = 0; i < len; i++) {
                gsize n = sl_is_placeholder_start ((guchar) v[i]) ? sl_placeholder_at (v, len, i) : 0;
                if (n == 0 || is_not_merge_tag (v, i))
                    continue;
                char *tag = g_strndup (v + i, n);
                /* at the tag itself when the value is the source's bytes */
                guint32 first = attr->value_exact ? attr->value_offset + (guint32) i : attr->offset;
                guint32 last = attr->value_exact ? first + (guint32) n - 1 : attr->offset;
                sl_report (cx, "merge-tag-unresolved", SPAMLINT_ERROR, 1.0, first, last, part, tag,
                           _("unfilled placeholder %s in the %s attribute: fill it in or remove it"),
                           tag, attr->name);
                g_free (tag);
                break;
            }
        }
        check_attributes (cx, node->first_child, part);
    }
}

static void
check (sl_context *cx)
{
    if (cx->doc->format != SPAMLINT_FORMAT_EML)
        return;
    check_segments (cx);
    for (guint i = 0; i < cx->doc->html->len; i++) {
        const sl_html *html = g_ptr_array_index (cx->doc->html, i);
        check_attributes (cx, html->root, html->part);
    }
}

const sl_family sl_family_template = {
    .name = "template", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
};
