/* bulk.c: the duties of bulk mail (newsletters, promotions): a visible
 * unsubscribe link, a one-click List-Unsubscribe (RFC 8058, required by
 * Gmail and Yahoo for bulk senders), and the sender's contact details
 * (French law and the CAN-SPAM Act both ask for them). A draft read as
 * transactional (kind.c) is spared, and told so in a note.
 *
 * Unsubscribe links are recognised by their words in the five languages
 * (wordlists/unsubscribe.txt) in the link's text or target, or by the
 * placeholders that mailing tools fill in (*|UNSUB|*, {{unsubscribe}},
 * <%asm_group_unsubscribe_raw_url%>, {$unsubscribeLink}...).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "load/html.h"
#include "rules/rules.h"
#include "style/style.h"
#include "text/fold.h"
#include "text/placeholder.h"

static const sl_rule_info rules[] = {
    { "unsubscribe-missing", SPAMLINT_ERROR, 2.0, 0.0, N_("no visible unsubscribe link") },
    { "list-unsubscribe-invalid", SPAMLINT_WARNING, 1.0, 0.0,
      N_("no one-click List-Unsubscribe header with an https URI (RFC 8058)") },
    { "contact-missing", SPAMLINT_WARNING, 1.0, 0.0,
      N_("no postal address, phone number or company number") },
    { "message-kind", SPAMLINT_NOTE, 0.0, 0.0,
      N_("the draft reads as transactional: the bulk-mail rules are off") },
};

/* Contact details, in the forms of the five languages' countries. The
 * postal forms are separate patterns, each with its own first characters
 * for PCRE2 to skip ahead to; the German street ("Hauptstraße 5") is only
 * tried where its ending and a number are (a cheap pattern finds them),
 * as it would otherwise be tried at every word. */
enum { POSTAL_NUMBER_FIRST, POSTAL_STREET_FIRST, POSTAL_GERMAN, POSTAL_CITY, POSTAL_US,
       POSTAL_UK, POSTAL_BOX, POSTAL_FORMS };

typedef struct contact_patterns {
    pcre2_code *phone;
    pcre2_code *company;
    pcre2_code *postal[POSTAL_FORMS];
    pcre2_code *german_hint;
} contact_patterns;

static const char phone_pattern[] =
    "(?<![\\w+])(?:\\+\\d{1,3}[\\h.\\-]?(?:\\(0\\)[\\h.\\-]?)?|\\(\\d{1,4}\\)[\\h.\\-]?)?"
    "\\d{1,4}(?:[\\h.\\-]\\d{2,4}){2,5}(?![\\w])";

static const char company_pattern[] =
    "(?i)\\b(?:SIRE[NT]|RCS|N°\\h?TVA|TVA(?:\\hintracommunautaire)?|VAT(?:\\h(?:No|number|reg))?|"
    "USt-?Id(?:Nr)?|UID|Steuer-?nummer|HRB|Handelsregister|P\\.?\\h?IVA|Partita\\hIVA|C\\.?F\\.?|"
    "CIF|NIF|Company\\h(?:No|number|registration)|Registered\\hin|ABN|EIN|KvK)\\b"
    "[\\h:.°#nN]{0,6}[A-Z]{0,2}\\h?\\d[\\d\\h]{5,}"
    "|\\b(?:FR|DE|IT|ES|BE|NL|LU|AT|PT|IE|GB)[0-9A-Z]{2}\\h?\\d{3}\\h?\\d{3}\\h?\\d{3,5}\\b";

static const char *const postal_patterns[POSTAL_FORMS] = {
    [POSTAL_NUMBER_FIRST] =
        "(?i)\\b\\d{1,4}(?:\\h?(?:bis|ter|[a-z]))?,?\\h+(?:rue|avenue|av\\.|boulevard|bd|place|"
        "chemin|all[ée]e|impasse|quai|route|cours|square|faubourg|street|st\\.|road|rd\\.|"
        "ave\\.?|blvd|lane|drive|way|court|calle|avenida|plaza|paseo|via|viale|piazza|corso)\\b",
    [POSTAL_STREET_FIRST] =
        "(?i)\\b(?:rue|via|viale|piazza|corso|calle|avenida|plaza)\\h+[\\p{L}'.\\h-]{2,40},?\\h*\\d{1,4}\\b",
    [POSTAL_GERMAN] = "(?i)\\b[\\p{L}-]+(?:stra(?:ss|ß)e|str\\.|weg|platz|gasse|allee)\\h+\\d{1,4}\\b",
    [POSTAL_CITY] = "\\b\\d{5}\\h+\\p{Lu}[\\p{L}'\\-]{2,}",
    [POSTAL_US] = "\\b[A-Z]{2}\\h\\d{5}(?:-\\d{4})?\\b",
    [POSTAL_UK] = "\\b[A-Z]{1,2}\\d[A-Z\\d]?\\h\\d[A-Z]{2}\\b",
    [POSTAL_BOX] = "(?i)\\b(?:P\\.?O\\.?\\hBox|BP|CS|Postfach|Apartado|Casella\\hpostale)\\h+\\d+",
};

/* What every German street address holds, without its word's start. */
static const char german_hint_pattern[] =
    "(?i)(?:stra(?:ss|ß)e|str\\.|weg|platz|gasse|allee)\\h+\\d";

static void *
prepare (void)
{
    contact_patterns *p = g_new0 (contact_patterns, 1);
    p->phone = sl_rule_pattern (phone_pattern, 0);
    p->company = sl_rule_pattern (company_pattern, 0);
    for (guint i = 0; i < POSTAL_FORMS; i++)
        p->postal[i] = sl_rule_pattern (postal_patterns[i], 0);
    p->german_hint = sl_rule_pattern (german_hint_pattern, 0);
    return p;
}

static void
release (void *state)
{
    contact_patterns *p = state;
    pcre2_code_free (p->phone);
    pcre2_code_free (p->company);
    for (guint i = 0; i < POSTAL_FORMS; i++)
        pcre2_code_free (p->postal[i]);
    pcre2_code_free (p->german_hint);
    g_free (p);
}

/* What the searches for an unsubscribe link share: the folded text of
 * one line or link at a time, its buffers kept from one to the next. */
typedef struct unsubscribe_search {
    sl_context *cx;
    gboolean found;
    GString *spaced;
    sl_folded folded;
} unsubscribe_search;

/* A placeholder a mailing tool fills with an unsubscribe link, or a
 * phrase of the unsubscribe list. */
static gboolean
is_unsubscribe_text (unsubscribe_search *search, const char *text)
{
    sl_context *cx = search->cx;
    static const char *const tags[] = {
        "unsub", "optout", "opt_out", "opt-out", "desinscri", "desabonn", "désinscri",
        "désabonn", "abmeld", "asm_group", "asm_global", "preferences", "unsubscribe", NULL
    };
    gsize len = strlen (text);
    for (gsize i = 0; i < len; i++) {
        if (!sl_is_placeholder_start ((guchar) text[i]))
            continue;
        gsize n = sl_placeholder_at (text, len, i);
        if (n == 0)
            continue;
        char *tag = g_ascii_strdown (text + i, (gssize) n);
        gboolean found = FALSE;
        for (guint t = 0; tags[t] && !found; t++)
            found = strstr (tag, tags[t]) != NULL;
        g_free (tag);
        if (found)
            return TRUE;
        i += n - 1;
    }
    /* a link's target: /newunsubscribe.php, ?action=optout */
    static const char *const in_urls[] = { "unsub", "optout", "opt-out", "opt_out", "desinscri",
                                           "desabonn", "abmeld", "abbestell", "remove.", NULL };
    if (strstr (text, "://") || text[0] == '/') {
        char *lower = g_ascii_strdown (text, -1);
        gboolean found = FALSE;
        for (guint t = 0; in_urls[t] && !found; t++)
            found = strstr (lower, in_urls[t]) != NULL;
        g_free (lower);
        if (found)
            return TRUE;
    }
    if (cx->engine->unsubscribe == NULL)
        return FALSE;
    /* URLs say it with - and _ : /unsubscribe, /se-desinscrire */
    GString *spaced = g_string_assign (search->spaced, text);
    for (char *p = spaced->str; *p; p++)
        if (*p == '-' || *p == '_' || *p == '/' || *p == '?' || *p == '=' || *p == '&')
            *p = ' ';
    sl_fold (&search->folded, spaced->str, spaced->len);
    gsize pos = 0, start, end;
    const sl_phrase *phrase;
    return sl_wordlist_next (cx->engine->unsubscribe, search->folded.text->str,
                             search->folded.text->len, &pos, &start, &end, &phrase);
}

static void
visit_link (const sl_node *node, void *data)
{
    unsubscribe_search *search = data;
    if (search->found)
        return;
    /* Campaign Monitor's <unsubscribe> tag becomes the link when sent */
    if (strcmp (node->name, "unsubscribe") == 0) {
        search->found = TRUE;
        return;
    }
    if (strcmp (node->name, "a") != 0)
        return;
    const sl_style *style = node->style;
    const sl_node *by;
    const char *how;
    guint32 offset;
    if (style && sl_style_hides_text (style, &by, &how, &offset))
        return; /* a hidden link is no visible link */
    const char *href = sl_node_attr (node, "href");
    char *text = sl_node_text (node);
    search->found = (href && is_unsubscribe_text (search, href)) || is_unsubscribe_text (search, text);
    g_free (text);
}

/* In plain text: an unsubscribe phrase and, on its line or the three
 * after it, a URL, an address or a placeholder to act on. */
static gboolean
text_has_unsubscribe (unsubscribe_search *search, const sl_segment *segment)
{
    gchar **lines = g_strsplit (segment->original, "\n", -1);
    gboolean found = FALSE;
    for (guint i = 0; lines[i] && !found; i++) {
        if (!is_unsubscribe_text (search, lines[i]))
            continue;
        for (guint k = i; k <= i + 3 && lines[k] && !found; k++)
            found = strstr (lines[k], "://") || strchr (lines[k], '@') || strstr (lines[k], "mailto:")
                    || strstr (lines[k], "{{") || strstr (lines[k], "*|") || strstr (lines[k], "%%")
                    || strstr (lines[k], "[");
    }
    g_strfreev (lines);
    return found;
}

static void
check_unsubscribe (sl_context *cx)
{
    const sl_doc *doc = cx->doc;
    unsubscribe_search search = { cx, FALSE, g_string_new (NULL), { NULL, NULL } };
    sl_folded_init (&search.folded);
    for (guint i = 0; i < doc->html->len && !search.found; i++)
        sl_html_walk (g_ptr_array_index (doc->html, i), visit_link, &search);
    for (guint i = 0; i < doc->segments->len && !search.found; i++) {
        const sl_segment *segment = g_ptr_array_index (doc->segments, i);
        if (segment->kind == SL_SEGMENT_BODY && strcmp (segment->part, "text/plain") == 0)
            search.found = text_has_unsubscribe (&search, segment);
    }
    g_string_free (search.spaced, TRUE);
    sl_folded_clear (&search.folded);
    if (!search.found)
        sl_report (cx, "unsubscribe-missing", SPAMLINT_ERROR, 2.0, doc->body_anchor,
                   doc->body_anchor, NULL, NULL,
                   _("no unsubscribe link: bulk mail must let readers leave in one click (add a visible \"Se désinscrire\" / \"Unsubscribe\" link)"));
}

static void
check_list_unsubscribe (sl_context *cx)
{
    const sl_doc *doc = cx->doc;
    if (doc->format != SPAMLINT_FORMAT_EML)
        return;
    guint32 at = doc->list_unsubscribe_offset;
    if (doc->list_unsubscribe == NULL) {
        sl_report (cx, "list-unsubscribe-invalid", SPAMLINT_WARNING, 1.0, 0, 0, NULL, NULL,
                   _("no List-Unsubscribe header: Gmail and Yahoo require a one-click one (RFC 8058) from bulk senders"));
        return;
    }
    const char *value = doc->list_unsubscribe;
    gboolean https = g_strstr_len (value, -1, "<https://") != NULL
                     || g_strstr_len (value, -1, "<HTTPS://") != NULL;
    gboolean one_click = doc->list_unsubscribe_post != NULL
                         && g_strstr_len (doc->list_unsubscribe_post, -1, "List-Unsubscribe=One-Click") != NULL;
    if (!https)
        sl_report (cx, "list-unsubscribe-invalid", SPAMLINT_WARNING, 1.0, at, at, NULL, value,
                   _("List-Unsubscribe has no https URI: add <https://...> for one-click unsubscribe"));
    else if (!one_click)
        sl_report (cx, "list-unsubscribe-invalid", SPAMLINT_WARNING, 1.0, at, at, NULL, value,
                   _("no \"List-Unsubscribe-Post: List-Unsubscribe=One-Click\" header (RFC 8058): add it"));
}

/* The digits of a line: ASCII ones, and whether there are others (\d of
 * PCRE2 with UCP matches every decimal digit). */
typedef struct line_digits {
    unsigned ascii;
    gboolean other;
} line_digits;

static line_digits
count_digits (const char *line, gsize len)
{
    line_digits d = { 0, FALSE };
    for (gsize k = 0; k < len; k++) {
        guchar b = (guchar) line[k];
        if (b >= '0' && b <= '9')
            d.ascii++;
        else if (b >= 0xC0 && !d.other)
            d.other = g_unichar_isdigit (g_utf8_get_char_validated (line + k, (gssize) (len - k)));
    }
    return d;
}

static gboolean
matches_line (sl_context *cx, const pcre2_code *re, const sl_segment *segment, gsize from,
              gsize to, gboolean phone)
{
    const char *text = segment->original;
    gsize pos = from;
    while (pos < to) {
        /* the subject ends at the line's end, which reads like the new line */
        if (sl_rule_match (cx, re, segment, text, to, pos) < 0)
            return FALSE;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer (cx->match_data);
        if (!phone)
            return TRUE;
        /* a phone number has 9 to 15 digits */
        unsigned digits = 0;
        for (gsize k = ov[0]; k < ov[1]; k++)
            digits += g_ascii_isdigit (text[k]) != 0;
        if (digits >= 9 && digits <= 15)
            return TRUE;
        pos = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    return FALSE;
}

/* Contact details in one line of a segment's text, which has DIGITS. A
 * pattern is not tried where the line has too few digits for it: five in
 * a row for a postcode, nine ASCII ones for a phone number. */
static gboolean
line_has_contact (sl_context *cx, const contact_patterns *p, const sl_segment *segment, gsize from,
                  gsize to, line_digits digits)
{
    gboolean five = digits.ascii >= 5 || digits.other;
    if (matches_line (cx, p->company, segment, from, to, FALSE))
        return TRUE;
    for (guint i = 0; i < POSTAL_FORMS; i++) {
        if ((i == POSTAL_CITY || i == POSTAL_US) && !five)
            continue;
        if (i == POSTAL_GERMAN && !matches_line (cx, p->german_hint, segment, from, to, FALSE))
            continue;
        if (matches_line (cx, p->postal[i], segment, from, to, FALSE))
            return TRUE;
    }
    return digits.ascii >= 9 && matches_line (cx, p->phone, segment, from, to, TRUE);
}

/* Every contact pattern matches within a line and holds a digit, so only
 * the lines with a digit are searched: most of a long text has none, and
 * the patterns cannot skip ahead on their own. */
static gboolean
has_contact (sl_context *cx, const contact_patterns *p, const sl_segment *segment)
{
    const char *text = segment->original;
    gsize len = segment->map.len; /* the original's length too */
    for (gsize from = 0; from < len;) {
        const char *nl = memchr (text + from, '\n', len - from);
        gsize to = nl ? (gsize) (nl - text) : len;
        line_digits digits = count_digits (text + from, to - from);
        if ((digits.ascii > 0 || digits.other) && line_has_contact (cx, p, segment, from, to, digits))
            return TRUE;
        from = to + 1;
    }
    return FALSE;
}

/* A mailing tool's placeholder for the sender's address or company. */
static gboolean
has_contact_placeholder (const sl_segment *segment)
{
    static const char *const tags[] = { "address", "adresse", "phone", "company", "postal",
                                        "sender_", "list:", "footer", NULL };
    for (guint i = 0; i < segment->placeholders->len; i++) {
        const sl_span *span = &g_array_index (segment->placeholders, sl_span, i);
        char *tag = g_ascii_strdown (segment->original + span->start, (gssize) (span->end - span->start));
        gboolean found = FALSE;
        for (guint t = 0; tags[t] && !found; t++)
            found = strstr (tag, tags[t]) != NULL;
        g_free (tag);
        if (found)
            return TRUE;
    }
    return FALSE;
}

static void
check_contact (sl_context *cx)
{
    const contact_patterns *p = cx->state;
    const sl_doc *doc = cx->doc;
    for (guint i = 0; i < doc->segments->len; i++) {
        const sl_segment *segment = g_ptr_array_index (doc->segments, i);
        if (segment->kind != SL_SEGMENT_BODY)
            continue;
        if (has_contact_placeholder (segment) || has_contact (cx, p, segment))
            return;
    }
    sl_report (cx, "contact-missing", SPAMLINT_WARNING, 1.0, doc->body_anchor, doc->body_anchor,
               NULL, NULL,
               _("no contact details: give your postal address, a phone number or your company number (SIRET, VAT) in the footer"));
}

static void
check (sl_context *cx)
{
    if (cx->doc->transactional) {
        if (cx->doc->kind_detected && cx->doc->is_reply)
            sl_report (cx, "message-kind", SPAMLINT_NOTE, 0.0, cx->doc->body_anchor,
                       cx->doc->body_anchor, NULL, NULL,
                       _("read as a reply, not bulk mail: unsubscribe and contact rules are off; --bulk checks them"));
        else if (cx->doc->kind_detected)
            sl_report (cx, "message-kind", SPAMLINT_NOTE, 0.0, cx->doc->body_anchor,
                       cx->doc->body_anchor, NULL, NULL,
                       _("read as a transactional message (receipt, invoice, quote, order...): unsubscribe and contact rules are off; --bulk checks them"));
        return;
    }
    check_unsubscribe (cx);
    check_list_unsubscribe (cx);
    check_contact (cx);
}

const sl_family sl_family_bulk = {
    .name = "bulk", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
    .prepare = prepare, .release = release,
};
