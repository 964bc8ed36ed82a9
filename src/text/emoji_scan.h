/* emoji_scan.h: find emoji as a reader sees them: one per grapheme, so a ZWJ
 * family, a flag, a keycap or a skin-tone variant counts once. */
#ifndef SL_EMOJI_H
#define SL_EMOJI_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <glib.h>
#include <pcre2.h>

pcre2_code *sl_emoji_pattern_new (void);

/* The next emoji of TEXT at or after *POS: [*start, *end); moves *POS. */
gboolean sl_emoji_next (const pcre2_code *pattern, const char *text, gsize len, gsize *pos,
                        pcre2_match_data *match_data, gsize *start, gsize *end);

/* How many emoji TEXT holds. */
unsigned sl_emoji_count (const pcre2_code *pattern, const char *text, gsize len,
                         pcre2_match_data *match_data);

#endif
