/* score.c: a draft's score is the sum of its findings' points, each rule
 * adding at most its cap (exclamation-run: 0.5 each, at most 2.0). */
#include "config.h"

#include "result.h"
#include "rules/rules.h"

double
sl_score (const GPtrArray *findings)
{
    GHashTable *per_rule = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
    for (guint i = 0; i < findings->len; i++) {
        const spamlint_finding *f = g_ptr_array_index (findings, i);
        double *sum = g_hash_table_lookup (per_rule, f->rule);
        if (sum == NULL) {
            sum = g_new0 (double, 1);
            g_hash_table_insert (per_rule, (gpointer) f->rule, sum);
        }
        *sum += f->points;
    }
    double score = 0.0;
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init (&it, per_rule);
    while (g_hash_table_iter_next (&it, &key, &value)) {
        const sl_rule_info *info = sl_rule_lookup (key);
        double sum = *(double *) value;
        if (info && info->cap > 0 && sum > info->cap)
            sum = info->cap;
        score += sum;
    }
    g_hash_table_destroy (per_rule);
    return score;
}
