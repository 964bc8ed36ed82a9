/* catalogue.c: the public view of the rules (spamlint_rule_at/find),
 * built once from the families' metadata and the long help of explain.c. */
#include "config.h"

#include <string.h>

#include "rules/explain.h"
#include "rules/rules.h"

static GArray *
catalogue (void)
{
    static gsize ready = 0;
    static GArray *rules = NULL;
    if (g_once_init_enter (&ready)) {
        GArray *array = g_array_new (FALSE, TRUE, sizeof (spamlint_rule));
        const sl_family *const *families = sl_families ();
        for (guint f = 0; families[f]; f++)
            for (guint r = 0; r < families[f]->n_rules; r++) {
                const sl_rule_info *info = &families[f]->rules[r];
                const sl_rule_doc *doc = sl_rule_doc_lookup (info->id);
                spamlint_rule rule = { info->id, info->severity, info->points, info->cap,
                                       info->summary, doc ? doc->detects : info->summary,
                                       doc ? doc->why : "", doc ? doc->fix : "",
                                       doc ? doc->example : "" };
                g_array_append_val (array, rule);
            }
        rules = array;
        g_once_init_leave (&ready, 1);
    }
    return rules;
}

const spamlint_rule *
spamlint_rule_at (size_t index)
{
    GArray *rules = catalogue ();
    return index < rules->len ? &g_array_index (rules, spamlint_rule, index) : NULL;
}

const spamlint_rule *
spamlint_rule_find (const char *id)
{
    GArray *rules = catalogue ();
    for (guint i = 0; id && i < rules->len; i++)
        if (strcmp (g_array_index (rules, spamlint_rule, i).id, id) == 0)
            return &g_array_index (rules, spamlint_rule, i);
    return NULL;
}
