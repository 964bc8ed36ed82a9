/* registry.c: the rule families, in the order they run, and lookup by id. */
#include "config.h"

#include "rules/rules.h"

#include <string.h>

extern const sl_family sl_family_phrase;
extern const sl_family sl_family_caps;
extern const sl_family sl_family_punctuation;
extern const sl_family sl_family_subject;

static const sl_family *const families[] = {
    &sl_family_phrase,
    &sl_family_caps,
    &sl_family_punctuation,
    &sl_family_subject,
    NULL
};

const sl_family *const *
sl_families (void)
{
    return families;
}

const sl_rule_info *
sl_rule_lookup (const char *id)
{
    for (guint f = 0; families[f]; f++)
        for (guint r = 0; r < families[f]->n_rules; r++)
            if (strcmp (families[f]->rules[r].id, id) == 0)
                return &families[f]->rules[r];
    return NULL;
}
