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

/* The bytes an emoji may start with: a keycap's digit, # or *, and the
 * first bytes of characters past ASCII. */
static const guint8 first_byte[256] = {
    ['#'] = 1, ['*'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
    ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    [0xC2] = 1, [0xC3] = 1, [0xC4] = 1, [0xC5] = 1, [0xC6] = 1, [0xC7] = 1, [0xC8] = 1,
    [0xC9] = 1, [0xCA] = 1, [0xCB] = 1, [0xCC] = 1, [0xCD] = 1, [0xCE] = 1, [0xCF] = 1,
    [0xD0] = 1, [0xD1] = 1, [0xD2] = 1, [0xD3] = 1, [0xD4] = 1, [0xD5] = 1, [0xD6] = 1,
    [0xD7] = 1, [0xD8] = 1, [0xD9] = 1, [0xDA] = 1, [0xDB] = 1, [0xDC] = 1, [0xDD] = 1,
    [0xDE] = 1, [0xDF] = 1, [0xE0] = 1, [0xE1] = 1, [0xE2] = 1, [0xE3] = 1, [0xE4] = 1,
    [0xE5] = 1, [0xE6] = 1, [0xE7] = 1, [0xE8] = 1, [0xE9] = 1, [0xEA] = 1, [0xEB] = 1,
    [0xEC] = 1, [0xED] = 1, [0xEE] = 1, [0xEF] = 1, [0xF0] = 1, [0xF1] = 1, [0xF2] = 1,
    [0xF3] = 1, [0xF4] = 1,
};

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
        if (!first_byte[(guchar) text[at]] || !may_start (text + at, text + len))
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
