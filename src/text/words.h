/* words.h: words of a text as the text rules count them. */
#ifndef SL_WORDS_H
#define SL_WORDS_H

#include <glib.h>

typedef struct sl_word {
    gsize start, end;     /* bytes [start, end) of the text */
    unsigned letters;     /* cased letters (upper + lower) */
    unsigned upper;
    unsigned lower;
    gboolean after_break; /* a line break lies between this word and the previous one */
} sl_word;

typedef struct sl_word_iter {
    const char *text;
    gsize len;
    gsize pos;
    gsize token_end;      /* end of the current white-space-delimited token */
} sl_word_iter;

void sl_word_iter_init (sl_word_iter *it, const char *text, gsize len);
/* The next word: letters and digits, joined by an apostrophe or a hyphen
 * between two of them. URLs and e-mail addresses are skipped whole. */
gboolean sl_word_iter_next (sl_word_iter *it, sl_word *word);

/* Whether a token (no white space) is a URL or an e-mail address. */
gboolean sl_token_is_address (const char *s, gsize n);

/* Append to SPANS (sl_span) every URL or e-mail address token of TEXT. */
void sl_find_addresses (const char *text, gsize len, GArray *spans);

/* Call FN for each http(s) URL written in TEXT, with its byte offset in
 * TEXT and, when SRC is given, its source offset src[at]; trailing
 * punctuation is not part of it. */
void sl_foreach_url (const char *text, const guint32 *src,
                     void (*fn) (const char *url, guint32 source, void *data), void *data);

/* An all-caps word: at least two letters, all upper case. */
gboolean sl_word_is_caps (const sl_word *word);

#endif
