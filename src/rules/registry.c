/* registry.c: the rule families, in the order they run, and lookup by id. */
#include "config.h"

#include "rules/rules.h"

#include <string.h>

extern const sl_family sl_family_phrase;
extern const sl_family sl_family_caps;
extern const sl_family sl_family_punctuation;
extern const sl_family sl_family_subject;
extern const sl_family sl_family_emoji;
extern const sl_family sl_family_template;
extern const sl_family sl_family_spelling;
extern const sl_family sl_family_html_code;
extern const sl_family sl_family_html_images;
extern const sl_family sl_family_html_layout;
extern const sl_family sl_family_links;
extern const sl_family sl_family_attachments;
extern const sl_family sl_family_mime;
extern const sl_family sl_family_sender;
extern const sl_family sl_family_bulk;
extern const sl_family sl_family_limits;
extern const sl_family sl_family_dns;

static const sl_family *const families[] = {
    &sl_family_phrase,
    &sl_family_caps,
    &sl_family_punctuation,
    &sl_family_subject,
    &sl_family_emoji,
    &sl_family_template,
    &sl_family_spelling,
    &sl_family_html_code,
    &sl_family_html_images,
    &sl_family_html_layout,
    &sl_family_links,
    &sl_family_attachments,
    &sl_family_mime,
    &sl_family_sender,
    &sl_family_bulk,
    &sl_family_limits,
    &sl_family_dns,
    NULL
};

const sl_family *const *
sl_families (void)
{
    return families;
}

pcre2_code *
sl_rule_pattern (const char *pattern, guint32 options)
{
    int code;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                                    PCRE2_UTF | PCRE2_UCP | options, &code, &offset, NULL);
    if (re == NULL) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message (code, message, sizeof message);
        g_error ("rule pattern %s at %zu: %s", pattern, (size_t) offset, (const char *) message);
    }
    pcre2_jit_compile (re, PCRE2_JIT_COMPLETE);
    return re;
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
