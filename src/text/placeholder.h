/* placeholder.h: template placeholders ({{x}}, *|X|*, {% %}, [Tag]...). */
#ifndef SL_PLACEHOLDER_H
#define SL_PLACEHOLDER_H

#include <glib.h>

/* Whether a placeholder may start with byte C: all start with one of
 * { * % $ [ <, so a scan can skip sl_placeholder_at for the others. */
static inline gboolean
sl_is_placeholder_start (guchar c)
{
    return c == '{' || c == '*' || c == '%' || c == '$' || c == '[' || c == '<';
}

/* Length of the placeholder that starts at TEXT[I], or 0. */
gsize sl_placeholder_at (const char *text, gsize len, gsize i);

/* Whether the string S holds a placeholder anywhere (a URL a mailing tool
 * fills in when it sends). */
gboolean sl_has_placeholder (const char *s);

/* Find every placeholder in TEXT, overwrite it with spaces (so no text rule
 * counts it as words, caps or phrases) and append its sl_span to SPANS. */
void sl_placeholders_blank (char *text, gsize len, GArray *spans);

#endif
