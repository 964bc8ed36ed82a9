/* sender.c: the From address (the .eml's header, or --from). A sender on
 * a free-mail domain cannot publish SPF, DKIM and DMARC for it, and the
 * big providers' DMARC policies make a mailing tool's copy of their mail
 * fail; a display name that shouts or shows another address is phishing's
 * first trick. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rules/rules.h"
#include "text/emoji_scan.h"
#include "text/fold.h"
#include "text/words.h"

static const sl_rule_info rules[] = {
    { "sender-freemail", SPAMLINT_WARNING, 1.0, 0.0,
      N_("the From address is at a free-mail provider") },
    { "sender-display-name", SPAMLINT_WARNING, 1.0, 0.0,
      N_("the From name shows another address, emoji or urgency words") },
    { "sender-missing", SPAMLINT_ERROR, 2.0, 0.0, N_("no From address") },
};

static const char *const pushy_categories[] = { "urgency", "pressure", "winner", "free", NULL };

static gboolean
is_pushy (const char *category)
{
    for (guint i = 0; pushy_categories[i]; i++)
        if (strcmp (category, pushy_categories[i]) == 0)
            return TRUE;
    return FALSE;
}

/* The first listed phrase of a pushy category in NAME, or NULL. */
static const sl_phrase *
pushy_phrase (sl_context *cx, const char *name)
{
    sl_folded folded;
    sl_folded_init (&folded);
    sl_fold (&folded, name, strlen (name));
    const sl_phrase *found = NULL;
    for (guint l = 0; l < cx->engine->phrase_lists->len && found == NULL; l++) {
        const sl_language_list *ll = g_ptr_array_index (cx->engine->phrase_lists, l);
        gsize pos = 0, start, end;
        const sl_phrase *phrase;
        int rc = 0;
        while (found == NULL
               && (rc = sl_wordlist_next (ll->list, folded.text->str, folded.text->len, &pos,
                                          cx->match_data, cx->engine->match_context,
                                          cx->engine->wordlist_match_options, &start, &end,
                                          &phrase)) > 0)
            if (is_pushy (phrase->category))
                found = phrase;
        sl_report_match_error (cx, rc, cx->doc->from_offset);
    }
    sl_folded_clear (&folded);
    return found;
}

static void
check_display_name (sl_context *cx, const char *name, const char *address, guint32 at)
{
    const char *shown = strchr (name, '@');
    if (shown) {
        /* the address-like word in the name */
        const char *start = shown, *end = shown;
        while (start > name && !g_ascii_isspace (start[-1]) && start[-1] != '<' && start[-1] != '(')
            start--;
        while (*end && !g_ascii_isspace (*end) && *end != '>' && *end != ')')
            end++;
        char *other = g_ascii_strdown (start, end - start);
        /* "hyatt@mozilla" is a name; "service@paypal.com" an address */
        if (sl_token_is_address (other, strlen (other))
            && (address == NULL || strcmp (other, address) != 0)) {
            sl_report (cx, "sender-display-name", SPAMLINT_WARNING, 1.0, at, at, NULL, name,
                       _("the sender's name shows the address %s, not the real one: show your name or brand only"),
                       other);
            g_free (other);
            return;
        }
        g_free (other);
    }
    if (sl_emoji_count (cx->engine->emoji, name, strlen (name), cx->match_data) > 0) {
        sl_report (cx, "sender-display-name", SPAMLINT_WARNING, 1.0, at, at, NULL, name,
                   _("emoji in the sender's name: show your name or brand only"));
        return;
    }
    const sl_phrase *phrase = pushy_phrase (cx, name);
    if (phrase)
        sl_report (cx, "sender-display-name", SPAMLINT_WARNING, 1.0, at, at, NULL, name,
                   _("the sender's name says \"%s\": show your name or brand only"), phrase->text);
}

static void
check (sl_context *cx)
{
    const sl_doc *doc = cx->doc;
    if (doc->format != SPAMLINT_FORMAT_EML && !doc->has_sender)
        return;
    guint32 at = doc->from_offset;
    if (doc->from_address == NULL) {
        sl_report (cx, "sender-missing", SPAMLINT_ERROR, 2.0, at, at, NULL, NULL,
                   doc->has_sender ? _("the From header has no address: give the sender's address")
                                   : _("no From header: give the sender's address"));
        return;
    }
    const char *domain = strrchr (doc->from_address, '@');
    if (domain && sl_domain_set_contains (cx->engine->freemail, domain + 1))
        sl_report (cx, "sender-freemail", SPAMLINT_WARNING, 1.0, at, at, NULL, doc->from_address,
                   _("sending from %s, a free-mail domain: send from your own domain, which can carry SPF, DKIM and DMARC"),
                   domain + 1);
    if (doc->from_name)
        check_display_name (cx, doc->from_name, doc->from_address, at);
}

const sl_family sl_family_sender = {
    .name = "sender", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
};
