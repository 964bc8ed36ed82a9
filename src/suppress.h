/* suppress.h: suppression comments in a draft (spamlint-disable...). */
#ifndef SL_SUPPRESS_H
#define SL_SUPPRESS_H

#include <glib.h>

typedef struct sl_suppressions sl_suppressions;

/* Read the directives of RAW (LEN bytes). */
sl_suppressions *sl_suppressions_read (const char *raw, gsize len);
void sl_suppressions_free (sl_suppressions *s);
/* Whether a finding of RULE at LINE is suppressed. */
gboolean sl_suppressions_cover (const sl_suppressions *s, const char *rule, unsigned line);

#endif
