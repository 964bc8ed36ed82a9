/* explain.h: the long help of each rule, for --explain and SARIF: what it
 * detects, why it hurts delivery, how to fix it, an example. Every string
 * is translatable (N_), so the French catalogue covers it. */
#ifndef SL_EXPLAIN_H
#define SL_EXPLAIN_H

typedef struct sl_rule_doc {
    const char *id;
    const char *detects;  /* what the rule finds, in a sentence or two */
    const char *why;      /* why it hurts delivery */
    const char *fix;      /* how to fix it */
    const char *example;  /* a short example of a draft that triggers it, and its fix */
} sl_rule_doc;

/* The documentation of rule ID, or NULL. */
const sl_rule_doc *sl_rule_doc_lookup (const char *id);

#endif
