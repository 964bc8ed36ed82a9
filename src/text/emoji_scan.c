/* emoji_scan.c: an emoji is a Unicode Extended_Pictographic character with its
 * presentation selector, skin-tone modifier and any ZWJ-joined followers,
 * or a regional-indicator pair (a flag), or a keycap (1️⃣). ©, ® and ™ are
 * pictographic too but are legal marks in every footer: they count only
 * when written with the emoji selector U+FE0F. */
#include "config.h"

#include "text/emoji_scan.h"

#include <string.h>

static const char emoji_pattern[] =
    "(?:[\\x{1F1E6}-\\x{1F1FF}]{2}"
    "|[0-9#*]\\x{FE0F}?\\x{20E3}"
    "|(?:[\\x{00A9}\\x{00AE}\\x{2122}]\\x{FE0F}"
    "|(?![\\x{00A9}\\x{00AE}\\x{2122}])\\p{Extended_Pictographic})"
    "\\x{FE0F}?\\p{Emoji_Modifier}?"
    "(?:\\x{200D}\\p{Extended_Pictographic}\\x{FE0F}?\\p{Emoji_Modifier}?)*)";

pcre2_code *
sl_emoji_pattern_new (void)
{
    int code;
    PCRE2_SIZE offset;
    pcre2_code *pattern = pcre2_compile ((PCRE2_SPTR) emoji_pattern, PCRE2_ZERO_TERMINATED,
                                         PCRE2_UTF | PCRE2_UCP, &code, &offset, NULL);
    if (pattern)
        pcre2_jit_compile (pattern, PCRE2_JIT_COMPLETE);
    return pattern;
}

/* Whether an emoji may start with byte B: a keycap's digit, # or *, or
 * the first byte of a character past ASCII. */
static inline gboolean
first_byte (guchar b)
{
    return (guint) (b - '0') < 10 || b == '#' || b == '*' || (b >= 0xC2 && b <= 0xF4);
}

/* Whether an emoji may start at P, of END: a keycap (a digit, # or *,
 * U+FE0F maybe, then U+20E3), (C) or (R), or a character of the ranges
 * where every other Extended_Pictographic character and the regional
 * indicators are (U+203C to U+2FFF, four CJK symbols, U+1F000 on).
 * Letters of every script, quotes and dashes never start one. PCRE2
 * cannot skip ahead by itself to where a Unicode property may match, so
 * the scan does, and matches only there. */
static inline gboolean
may_start (const char *p, const char *end)
{
    if ((guchar) *p < 0x80) {
        if (end - p >= 4 && memcmp (p + 1, "\xE2\x83\xA3", 3) == 0)
            return TRUE;
        return end - p >= 7 && memcmp (p + 1, "\xEF\xB8\x8F\xE2\x83\xA3", 6) == 0;
    }
    gunichar c = g_utf8_get_char (p);
    if (c < 0x3000)
        return c == 0xA9 || c == 0xAE || c >= 0x203C;
    return c >= 0x1F000 || c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299;
}

gboolean
sl_emoji_next (const pcre2_code *pattern, const char *text, gsize len, gsize *pos,
               pcre2_match_data *match_data, gsize *start, gsize *end)
{
    if (pattern == NULL)
        return FALSE;
    for (gsize at = *pos; at < len; at++) {
        if (!first_byte ((guchar) text[at]) || !may_start (text + at, text + len))
            continue;
        int rc = pcre2_match (pattern, (PCRE2_SPTR) text, len, at,
                              PCRE2_NO_UTF_CHECK | PCRE2_ANCHORED, match_data, NULL);
        if (rc < 0)
            continue;
        PCRE2_SIZE *ovector = pcre2_get_ovector_pointer (match_data);
        *start = ovector[0];
        *end = ovector[1] > ovector[0] ? ovector[1] : ovector[0] + 1;
        *pos = *end;
        return TRUE;
    }
    *pos = len;
    return FALSE;
}

unsigned
sl_emoji_count (const pcre2_code *pattern, const char *text, gsize len,
                pcre2_match_data *match_data)
{
    unsigned count = 0;
    gsize pos = 0, start, end;
    while (sl_emoji_next (pattern, text, len, &pos, match_data, &start, &end))
        count++;
    return count;
}
