/* test-load.c: the loaders, judged by where findings land. Whatever the
 * input (HTML with entities, a quoted-printable or base64 MIME part, a
 * Latin-1 part, an encoded Subject, CRLF text), a finding must point at
 * the line and column of the raw file the user gave. Also format sniffing
 * and the drafts that cannot be linted. */
#include "config.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "load/load.h"
#include "suites.h"

/* The rules about the text a reader sees: none may fire on text the
 * reader never sees (script, style, head, comments). */
static const char *const text_rules[] = {
    "spam-phrase", "spam-phrase-obfuscated", "caps-ratio", "caps-shouting",
    "exclamation-run", "exclamation-ratio", "emoji-run", "emoji-density", "currency-run",
    "spelling", "spelling-ratio", NULL
};

static void
assert_end_line (const spamlint_result *result, const char *rule, size_t nth, unsigned line)
{
    const spamlint_finding *f = find_finding (result, rule, nth);
    ck_assert_msg (f != NULL, "no finding #%zu of %s", nth, rule);
    ck_assert_uint_eq (spamlint_finding_end_line (f), line);
}

/* --- format sniffing ----------------------------------------------------- */

#define assert_sniff(data, name, want) \
    ck_assert_msg (sl_sniff_format ((data), strlen (data), (name)) == (want), \
                   "sniff %s \"%.30s\": %s, expected %s", (name) ? (name) : "(no name)", \
                   (data), spamlint_format_name (sl_sniff_format ((data), strlen (data), (name))), \
                   spamlint_format_name (want))

START_TEST (test_sniff_eml)
{
    assert_sniff ("From: Alice <alice@example.com>\nSubject: Bonjour\n\nCorps\n", NULL,
                  SPAMLINT_FORMAT_EML);
    assert_sniff ("Subject: Bonjour\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n", NULL,
                  SPAMLINT_FORMAT_EML);
    /* folded header lines and an mbox "From " line */
    assert_sniff ("From alice@example.com Mon Jun  3 10:00:00 2024\n"
                  "Received: from a\n by b\nSubject: x\n\nbody\n", NULL, SPAMLINT_FORMAT_EML);
    /* content wins over the extension: headers, then HTML in the body */
    assert_sniff ("MIME-Version: 1.0\nContent-Type: text/html\n\n<html><body>x</body></html>\n",
                  "promo.html", SPAMLINT_FORMAT_EML);
}
END_TEST

START_TEST (test_sniff_html)
{
    assert_sniff ("<!DOCTYPE html>\n<html><body><p>Bonjour</p></body></html>\n", NULL,
                  SPAMLINT_FORMAT_HTML);
    assert_sniff ("<table>\n<tr><td>Bonjour</td></tr>\n</table>\n", "promo.txt",
                  SPAMLINT_FORMAT_HTML);
    assert_sniff ("Bonjour,<br>\nà bientôt\n", NULL, SPAMLINT_FORMAT_HTML);
    assert_sniff ("<DIV CLASS=\"x\">Bonjour</DIV>", NULL, SPAMLINT_FORMAT_HTML);
}
END_TEST

START_TEST (test_sniff_mjml)
{
    assert_sniff ("<mjml>\n<mj-body><mj-text>Bonjour</mj-text></mj-body>\n</mjml>\n", NULL,
                  SPAMLINT_FORMAT_MJML);
    assert_sniff ("<mjml lang=\"fr\">\n<mj-body></mj-body></mjml>", "promo.html",
                  SPAMLINT_FORMAT_MJML);
}
END_TEST

START_TEST (test_sniff_text)
{
    assert_sniff ("Bonjour Bob,\nvoici le compte rendu.\n", NULL, SPAMLINT_FORMAT_TEXT);
    assert_sniff ("Bonjour Bob,\nvoici le compte rendu.\n", "note.txt", SPAMLINT_FORMAT_TEXT);
    /* "Note:" is not a mail header */
    assert_sniff ("Note: rendez-vous demain\n\nBonjour Bob\n", "note.txt", SPAMLINT_FORMAT_TEXT);
    assert_sniff ("si a < b et c > d, alors <b est vrai\n", NULL, SPAMLINT_FORMAT_TEXT);
}
END_TEST

START_TEST (test_sniff_extension_breaks_ties)
{
    const char *plain = "Bonjour Bob,\nvoici le compte rendu.\n";
    assert_sniff (plain, "promo.html", SPAMLINT_FORMAT_HTML);
    assert_sniff (plain, "promo.HTM", SPAMLINT_FORMAT_HTML);
    assert_sniff (plain, "promo.mjml", SPAMLINT_FORMAT_MJML);
    assert_sniff (plain, "dir.html/promo", SPAMLINT_FORMAT_TEXT);
    /* an .eml needs at least something header-like */
    assert_sniff ("Note: rendez-vous demain\n\nBonjour Bob\n", "note.eml", SPAMLINT_FORMAT_EML);
    assert_sniff (plain, "promo.eml", SPAMLINT_FORMAT_TEXT);
}
END_TEST

START_TEST (test_result_format)
{
    spamlint_result *result = lint_text ("promo", "<p>Bonjour</p>\n");
    assert_linted (result);
    ck_assert_int_eq (spamlint_result_format (result), SPAMLINT_FORMAT_HTML);
    spamlint_result_free (result);
    result = lint_text ("promo.eml", "Subject: Bonjour\n\nCorps\n");
    ck_assert_int_eq (spamlint_result_format (result), SPAMLINT_FORMAT_EML);
    spamlint_result_free (result);
    result = lint_text ("promo.html", "Bonjour\n");
    ck_assert_int_eq (spamlint_result_format (result), SPAMLINT_FORMAT_HTML);
    spamlint_result_free (result);
    result = lint_text (NULL, "Bonjour\n");
    ck_assert_int_eq (spamlint_result_format (result), SPAMLINT_FORMAT_TEXT);
    spamlint_result_free (result);
}
END_TEST

/* --- (a) HTML ------------------------------------------------------------ */

static const char promo_html[] =
    "<!DOCTYPE html>\n"                                           /*  1 */
    "<html lang=\"fr\">\n"                                        /*  2 */
    "<head>\n"                                                    /*  3 */
    "<meta charset=\"utf-8\">\n"                                  /*  4 */
    "<title>Lettre de juin</title>\n"                             /*  5 */
    "<style>\n"                                                   /*  6 */
    "td { padding: 8px; font-family: Arial, sans-serif; }\n"      /*  7 */
    "</style>\n"                                                  /*  8 */
    "</head>\n"                                                   /*  9 */
    "<body>\n"                                                    /* 10 */
    "<table role=\"presentation\">\n"                             /* 11 */
    "  <tr><td>Bonjour,</td></tr>\n"                              /* 12 */
    "  <tr><td>Voici les nouveaut\xc3\xa9s de l\xe2\x80\x99\xc3\xa9t\xc3\xa9.</td></tr>\n"
    "  <tr><td>OFFRE EXCEPTIONNELLE !!!</td></tr>\n"              /* 14 */
    "</table>\n"
    "</body>\n"
    "</html>\n";

START_TEST (test_html_positions)
{
    spamlint_result *result = lint_text ("promo.html", promo_html);
    assert_linted (result);
    /* "  <tr><td>" is 10 columns: 'O' is at 11, the first '!' at 32 */
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 14, 11, 30, 0.6);
    assert_finding (result, "caps-shouting", 0, SPAMLINT_WARNING, 14, 11, 30, 0.5);
    assert_finding (result, "exclamation-run", 0, SPAMLINT_WARNING, 14, 32, 34, 0.5);
    assert_part (result, "spam-phrase", 0, "text/html");
    ck_assert_uint_eq (count_findings (result, "spam-phrase"), 1);
    ck_assert_uint_eq (count_findings (result, "caps-shouting"), 1);
    ck_assert_uint_eq (count_findings (result, "exclamation-run"), 1);
    spamlint_result_free (result);
}
END_TEST

START_TEST (test_html_multibyte_before_phrase)
{
    /* É, é, an em dash and an emoji before the phrase: one column each */
    spamlint_result *result = lint_text (
        "promo.html",
        "<p>Bonjour</p>\n"
        "<p>\xc3\x89t\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x8e\x81 offre exceptionnelle</p>\n");
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 2, 12, 31, 0.6);
    spamlint_result_free (result);
}
END_TEST

/* --- (b) quoted-printable ------------------------------------------------ */

static const char qp_eml[] =
    "From: Alice <alice@example.com>\n"                                         /*  1 */
    "To: bob@example.com\n"                                                     /*  2 */
    "Subject: Nouvelles de juin\n"                                              /*  3 */
    "MIME-Version: 1.0\n"                                                       /*  4 */
    "Content-Type: text/plain; charset=utf-8\n"                                 /*  5 */
    "Content-Transfer-Encoding: quoted-printable\n"                             /*  6 */
    "\n"                                                                        /*  7 */
    "Bonjour Bob,\n"                                                            /*  8 */
    "Voici l'=C3=A9t=C3=A9 qui arrive, une ligne tr=C3=A8s longue coup=C3=A9e=\n" /* 9 */
    " ici, d=C3=A9j=C3=A0 : OFFRE EXCEPTIONNELLE !!! pour vous.\n"              /* 10 */
    "Et une offre excep=\n"                                                     /* 11 */
    "tionnelle aussi.\n";                                                       /* 12 */

START_TEST (test_eml_quoted_printable_positions)
{
    spamlint_result *result = lint_text ("juin.eml", qp_eml);
    assert_linted (result);
    /* line 10: " ici, d" is 7 columns, "=C3=A9" 6, "j" 1, "=C3=A0" 6, " : " 3:
     * 'O' is at raw column 24 although it is the 15th decoded character */
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 10, 24, 43, 0.6);
    assert_finding (result, "caps-shouting", 0, SPAMLINT_WARNING, 10, 24, 43, 0.5);
    assert_finding (result, "exclamation-run", 0, SPAMLINT_WARNING, 10, 45, 47, 0.5);
    assert_part (result, "spam-phrase", 0, "text/plain");
    /* a phrase cut by a soft line break starts on one raw line and ends on
     * the next */
    assert_finding (result, "spam-phrase", 1, SPAMLINT_WARNING, 11, 8, 9, 0.6);
    assert_end_line (result, "spam-phrase", 1, 12);
    spamlint_result_free (result);
}
END_TEST

START_TEST (test_eml_quoted_printable_crlf)
{
    spamlint_result *result = lint_text (
        "juin.eml",
        "From: alice@example.com\r\n"
        "Subject: Nouvelles\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "\r\n"
        "Bonjour,\r\n"
        "l=C3=A9t=C3=A9 est l=C3=A0, OFFRE EXCEPTION=\r\n"
        "NELLE !!! gratuit\r\n");
    /* the soft line break "=\r\n" joins "EXCEPTION" and "NELLE" */
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 7, 29, 5, 0.6);
    assert_end_line (result, "spam-phrase", 0, 8);
    assert_finding (result, "exclamation-run", 0, SPAMLINT_WARNING, 8, 7, 9, 0.5);
    assert_finding (result, "spam-phrase", 1, SPAMLINT_WARNING, 8, 11, 17, 0.3);
    spamlint_result_free (result);
}
END_TEST

/* --- (c) base64 ---------------------------------------------------------- */

START_TEST (test_eml_base64_part_points_at_its_header)
{
    const char *html = "<p>Bonjour Bob,</p><p>OFFRE EXCEPTIONNELLE !!!</p>";
    char *encoded = g_base64_encode ((const guchar *) html, strlen (html));
    char *eml = g_strdup_printf (
        "From: Alice <alice@example.com>\n"                           /*  1 */
        "To: bob@example.com\n"                                       /*  2 */
        "Subject: Nouvelles de juin\n"                                /*  3 */
        "MIME-Version: 1.0\n"                                         /*  4 */
        "Content-Type: multipart/alternative; boundary=\"sep\"\n"     /*  5 */
        "\n"                                                          /*  6 */
        "--sep\n"                                                     /*  7 */
        "Content-Type: text/plain; charset=utf-8\n"                   /*  8 */
        "\n"                                                          /*  9 */
        "Bonjour Bob, voici les nouvelles.\n"                         /* 10 */
        "--sep\n"                                                     /* 11 */
        "Content-Type: text/html; charset=utf-8\n"                    /* 12 */
        "Content-Transfer-Encoding: base64\n"                         /* 13 */
        "\n"                                                          /* 14 */
        "%s\n"                                                        /* 15 */
        "--sep--\n",
        encoded);
    spamlint_result *result = lint_text ("juin.eml", eml);
    assert_linted (result);
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 12, 1, 1, 0.6);
    assert_finding (result, "caps-shouting", 0, SPAMLINT_WARNING, 12, 1, 1, 0.5);
    assert_finding (result, "exclamation-run", 0, SPAMLINT_WARNING, 12, 1, 1, 0.5);
    assert_part (result, "spam-phrase", 0, "text/html");
    assert_match (result, "spam-phrase", 0, "OFFRE EXCEPTIONNELLE");
    spamlint_result_free (result);
    g_free (eml);
    g_free (encoded);
}
END_TEST

/* --- (d, e) the Subject header ------------------------------------------- */

START_TEST (test_eml_subject_positions)
{
    spamlint_result *result = lint_text (
        "juin.eml",
        "From: Alice <alice@example.com>\n"
        "To: bob@example.com\n"
        "Subject: OFFRE EXCEPTIONNELLE !!!\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "\n"
        "Bonjour Bob,\n"
        "voici le compte rendu de la r\xc3\xa9union.\n");
    assert_linted (result);
    assert_finding (result, "subject-caps", 0, SPAMLINT_WARNING, 3, 10, 29, 1.5);
    /* "!!" or more: an error */
    assert_finding (result, "subject-exclamation", 0, SPAMLINT_ERROR, 3, 31, 33, 1.5);
    /* 0.6 for "offre exceptionnelle" in fr.txt, 1.5 times in the subject */
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 3, 10, 29, 0.9);
    assert_part (result, "spam-phrase", 0, "subject");
    ck_assert_uint_eq (count_findings (result, "spam-phrase"), 1);
    spamlint_result_free (result);
}
END_TEST

START_TEST (test_eml_folded_subject)
{
    spamlint_result *result = lint_text (
        "juin.eml",
        "From: Alice <alice@example.com>\n"
        "Subject: Nouvelles de juin :\n"
        " OFFRE EXCEPTIONNELLE !!\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "\n"
        "Bonjour Bob.\n");
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 3, 2, 21, 0.9);
    assert_finding (result, "subject-exclamation", 0, SPAMLINT_ERROR, 3, 23, 24, 1.5);
    spamlint_result_free (result);
}
END_TEST

START_TEST (test_eml_encoded_subject)
{
    /* RFC 2047 Q encoding: no place in the raw text, so the Subject line */
    spamlint_result *result = lint_text (
        "juin.eml",
        "From: Alice <alice@example.com>\n"
        "To: bob@example.com\n"
        "Subject: =?UTF-8?Q?=C3=89T=C3=89_:_OFFRE_EXCEPTIONNELLE_!!!?=\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "\n"
        "Bonjour Bob.\n");
    assert_linted (result);
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 3, 1, 0, 0.9);
    assert_match (result, "spam-phrase", 0, "OFFRE EXCEPTIONNELLE");
    assert_finding (result, "subject-caps", 0, SPAMLINT_WARNING, 3, 1, 0, 1.5);
    assert_finding (result, "subject-exclamation", 0, SPAMLINT_ERROR, 3, 1, 0, 1.5);
    spamlint_result_free (result);

    /* B encoding, after a folded line */
    const char *subject = "\xc3\x89t\xc3\xa9 : OFFRE EXCEPTIONNELLE !!";
    char *encoded = g_base64_encode ((const guchar *) subject, strlen (subject));
    char *eml = g_strdup_printf ("From: Alice <alice@example.com>\n"
                                 "To: bob@example.com,\n"
                                 " carol@example.com\n"
                                 "Subject: =?utf-8?B?%s?=\n"
                                 "Content-Type: text/plain; charset=utf-8\n"
                                 "\n"
                                 "Bonjour Bob.\n",
                                 encoded);
    result = lint_text ("juin.eml", eml);
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 4, 1, 0, 0.9);
    assert_finding (result, "subject-exclamation", 0, SPAMLINT_ERROR, 4, 1, 0, 1.5);
    spamlint_result_free (result);
    g_free (eml);
    g_free (encoded);
}
END_TEST

/* --- (f) HTML entities --------------------------------------------------- */

START_TEST (test_html_entities)
{
    spamlint_result *result = lint_text (
        "promo.html",
        "<html><body>\n"
        "<p>100&nbsp;% gratuit &amp; &eacute;t&eacute; gratuit</p>\n"
        "<p>Une offre exceptionn&#101;lle, prix cass&eacute; !!</p>\n"
        "</body></html>\n");
    assert_linted (result);
    /* "100&nbsp;% gratuit" is "100 % gratuit" (1.2), not "gratuit" (0.3) */
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 2, 4, 21, 1.2);
    /* after "&amp; &eacute;t&eacute; " each entity is as wide as in the file */
    assert_finding (result, "spam-phrase", 1, SPAMLINT_WARNING, 2, 47, 53, 0.3);
    assert_finding (result, "spam-phrase", 2, SPAMLINT_WARNING, 3, 8, 32, 0.6);
    /* a phrase ending in an entity ends at its '&' */
    assert_finding (result, "spam-phrase", 3, SPAMLINT_WARNING, 3, 35, 44, 0.6);
    assert_finding (result, "exclamation-run", 0, SPAMLINT_WARNING, 3, 53, 54, 0.5);
    ck_assert_uint_eq (count_findings (result, "spam-phrase"), 4);
    spamlint_result_free (result);
}
END_TEST

/* --- (g) text nobody sees ------------------------------------------------ */

START_TEST (test_html_invisible_text)
{
    spamlint_result *result = lint_text (
        "promo.html",
        "<!DOCTYPE html>\n"
        "<html>\n"
        "<head>\n"
        "<title>OFFRE EXCEPTIONNELLE : GRATUIT !!!</title>\n"
        "<meta name=\"description\" content=\"gratuit !!! OFFRE EXCEPTIONNELLE\">\n"
        "<style>\n"
        "/* OFFRE EXCEPTIONNELLE GRATUIT !!! */\n"
        "p::before { content: \"GRATUIT !!!\"; }\n"
        "</style>\n"
        "<script>var a = \"OFFRE EXCEPTIONNELLE GRATUIT !!!\";</script>\n"
        "</head>\n"
        "<body>\n"
        "<!-- OFFRE EXCEPTIONNELLE GRATUIT !!! -->\n"
        "<!--[if mso]><p>GRATUIT !!! VRAIMENT TOUT GRATUIT</p><![endif]-->\n"
        "<p>Bonjour, voici notre lettre du mois.</p>\n"
        "<script type=\"text/javascript\">\n"
        "  if (a < b && c) { document.write(\"ACHETEZ MAINTENANT GRATUIT !!!\"); }\n"
        "</script>\n"
        "<style>td { font-family: \"GRATUIT !!!\"; }</style>\n"
        "<p>Merci de votre lecture.</p>\n"
        "</body>\n"
        "</html>\n");
    assert_linted (result);
    for (guint i = 0; text_rules[i]; i++)
        assert_no_finding (result, text_rules[i]);
    spamlint_result_free (result);
}
END_TEST

/* --- (h) Latin-1 ---------------------------------------------------------- */

START_TEST (test_eml_latin1_part)
{
    spamlint_result *result = lint_text (
        "juin.eml",
        "From: Alice <alice@example.com>\n"
        "To: bob@example.com\n"
        "Subject: Nouvelles\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=iso-8859-1\n"
        "Content-Transfer-Encoding: 8bit\n"
        "\n"
        "Bonjour,\n"
        "L\xe9t\xe9 \xe0 prix cass\xe9 : OFFRE EXCEPTIONNELLE !!! gratuit\n");
    assert_linted (result);
    /* each Latin-1 byte is one column of the raw file */
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 9, 8, 17, 0.6);
    assert_match (result, "spam-phrase", 0, "prix cass\xc3\xa9");
    assert_finding (result, "spam-phrase", 1, SPAMLINT_WARNING, 9, 21, 40, 0.6);
    assert_finding (result, "caps-shouting", 0, SPAMLINT_WARNING, 9, 21, 40, 0.5);
    assert_finding (result, "exclamation-run", 0, SPAMLINT_WARNING, 9, 42, 44, 0.5);
    assert_finding (result, "spam-phrase", 2, SPAMLINT_WARNING, 9, 46, 52, 0.3);
    /* a declared charset that converts cleanly is nothing to tell */
    assert_no_finding (result, "input-encoding");
    spamlint_result_free (result);
}
END_TEST

START_TEST (test_eml_latin1_quoted_printable)
{
    spamlint_result *result = lint_text (
        "juin.eml",
        "From: Alice <alice@example.com>\n"
        "Subject: Nouvelles\n"
        "Content-Type: text/plain; charset=ISO-8859-1\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n"
        "L=E9t=E9 =E0 prix cass=E9 : OFFRE EXCEPTIONNELLE !!!\n");
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 6, 14, 23, 0.6);
    assert_match (result, "spam-phrase", 0, "prix cass\xc3\xa9");
    assert_finding (result, "spam-phrase", 1, SPAMLINT_WARNING, 6, 29, 48, 0.6);
    assert_finding (result, "exclamation-run", 0, SPAMLINT_WARNING, 6, 50, 52, 0.5);
    spamlint_result_free (result);
}
END_TEST

/* --- (i) plain text ------------------------------------------------------ */

START_TEST (test_text_crlf)
{
    spamlint_result *result = lint_text ("promo.txt",
                                         "Bonjour,\r\n"
                                         "voici une offre\r\n"
                                         "exceptionnelle !!\r\n"
                                         "\r\n"
                                         "NOUVELLE GRANDE COLLECTION gratuit\r\n");
    assert_linted (result);
    ck_assert_int_eq (spamlint_result_format (result), SPAMLINT_FORMAT_TEXT);
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 2, 11, 14, 0.6);
    assert_end_line (result, "spam-phrase", 0, 3);
    assert_finding (result, "exclamation-run", 0, SPAMLINT_WARNING, 3, 16, 17, 0.5);
    assert_finding (result, "caps-shouting", 0, SPAMLINT_WARNING, 5, 1, 26, 0.5);
    assert_finding (result, "spam-phrase", 1, SPAMLINT_WARNING, 5, 28, 34, 0.3);
    spamlint_result_free (result);
}
END_TEST

START_TEST (test_text_windows_1252)
{
    /* a text draft saved in Windows-1252: read, and columns per byte */
    spamlint_result *result
        = lint_text ("promo.txt", "\x93" "Cr\xe9" "dit\x94 : prix cass\xe9 !!\n");
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 1, 12, 21, 0.6);
    assert_match (result, "spam-phrase", 0, "prix cass\xc3\xa9");
    assert_finding (result, "exclamation-run", 0, SPAMLINT_WARNING, 1, 23, 24, 0.5);
    /* told once, at the first byte that is not UTF-8 */
    ck_assert_uint_eq (count_findings (result, "input-encoding"), 1);
    assert_finding (result, "input-encoding", 0, SPAMLINT_NOTE, 1, 1, 1, 0.0);
    assert_part (result, "input-encoding", 0, "text/plain");
    const spamlint_finding *note = find_finding (result, "input-encoding", 0);
    ck_assert_str_eq (spamlint_finding_message (note),
                      "invalid UTF-8 (byte 0x93): read as Windows-1252, 4 bytes in this part");
    spamlint_result_free (result);
}
END_TEST

START_TEST (test_mjml_positions)
{
    spamlint_result *result = lint_text ("promo.mjml",
                                         "<mjml>\n"
                                         "  <mj-body>\n"
                                         "    <mj-text>Une offre exceptionnelle</mj-text>\n"
                                         "  </mj-body>\n"
                                         "</mjml>\n");
    assert_linted (result);
    ck_assert_int_eq (spamlint_result_format (result), SPAMLINT_FORMAT_MJML);
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 3, 18, 37, 0.6);
    spamlint_result_free (result);
}
END_TEST

/* BUG (src/load/load.c, src/text/lineindex.c): a UTF-8 byte order mark is
 * counted as a column, so every finding on the first line of a file saved
 * "with BOM" is one column to the right of what editors (which hide the
 * BOM) show: "\xEF\xBB\xBFgratuit" reports 1:2 instead of 1:1. */
START_TEST (test_text_bom_is_not_a_column)
{
    spamlint_result *result = lint_text ("promo.txt", "\xef\xbb\xbfgratuit\ngratuit\n");
    assert_finding (result, "spam-phrase", 1, SPAMLINT_WARNING, 2, 1, 7, 0.3);
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 1, 1, 7, 0.3);
    spamlint_result_free (result);
}
END_TEST

/* BUG (src/text/textmap.c, decode_utf8_or_cp1252): a NUL byte is not made a
 * space as the comment says (g_utf8_validate_len stops at NUL, so NUL goes
 * the Windows-1252 way and stays NUL); segment->original is then cut at the
 * NUL and every finding after it has an empty match ("match": "" in JSON). */
START_TEST (test_text_with_a_nul_byte)
{
    static const char text[] = "Bonjour\0 voici notre lettre de juin, une offre gratuit !!\n";
    spamlint_engine *engine = spamlint_engine_new ();
    spamlint_result *result = lint_bytes (engine, "promo.txt", text, sizeof text - 1);
    assert_linted (result);
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 1, 48, 54, 0.3);
    assert_finding (result, "exclamation-run", 0, SPAMLINT_WARNING, 1, 56, 57, 0.5);
    assert_match (result, "spam-phrase", 0, "gratuit");
    assert_match (result, "exclamation-run", 0, "!!");
    assert_finding (result, "input-encoding", 0, SPAMLINT_NOTE, 1, 8, 8, 0.0);
    spamlint_result_free (result);
    spamlint_engine_free (engine);
}
END_TEST

/* An .eml part: in an unknown charset, the note points at the charset's
 * name and says both what was done with it and with the bytes. */
START_TEST (test_eml_unknown_charset)
{
    spamlint_result *result = lint_text (
        "juin.eml",
        "From: Alice <alice@example.com>\n"
        "Subject: Nouvelles\n"
        "Content-Type: text/plain; charset=\"x-maison\"\n"
        "\n"
        "Bonjour,\nL\xe9t\xe9 arrive.\n");
    assert_linted (result);
    ck_assert_uint_eq (count_findings (result, "input-encoding"), 1);
    assert_finding (result, "input-encoding", 0, SPAMLINT_NOTE, 3, 36, 36, 0.0);
    ck_assert_str_eq (spamlint_finding_message (find_finding (result, "input-encoding", 0)),
                      "unknown charset \"x-maison\": read as UTF-8; invalid UTF-8 (byte 0xE9): "
                      "read as Windows-1252, 2 bytes in this part");
    spamlint_result_free (result);
}
END_TEST

/* The limits, set by name through the public API. */
START_TEST (test_limits_by_name)
{
    spamlint_engine *engine = spamlint_engine_new ();
    ck_assert (spamlint_engine_get_limit (engine, "html-depth") == 256);
    ck_assert (spamlint_engine_get_limit (engine, "time") == 10);
    ck_assert (spamlint_engine_get_limit (engine, "size") == 50);
    ck_assert (spamlint_engine_get_limit (engine, "nope") == -1);
    char *error = NULL;
    ck_assert_int_eq (spamlint_engine_set_limit (engine, "html-depth", 3, &error), 0);
    ck_assert (spamlint_engine_get_limit (engine, "html-depth") == 3);
    ck_assert_int_eq (spamlint_engine_set_limit (engine, "html-depth", 2.5, &error), -1);
    ck_assert_str_eq (error, "the html-depth limit must be a whole number from 1 to 1000");
    free (error);
    ck_assert_int_eq (spamlint_engine_set_limit (engine, "depth", 3, &error), -1);
    ck_assert_ptr_nonnull (strstr (error, "unknown limit \"depth\""));
    free (error);
    ck_assert_int_eq (spamlint_limit_check ("time", 0, NULL), 0);
    ck_assert_int_eq (spamlint_limit_check ("time", -1, NULL), -1);
    spamlint_engine_set_max_input (engine, 7);
    ck_assert (spamlint_engine_get_limit (engine, "size") == 7);

    static const char html[] = "<html><body><div><div><p>Bonjour</p></div></div></body></html>\n";
    spamlint_result *result = lint_bytes (engine, "promo.html", html, sizeof html - 1);
    assert_linted (result);
    /* html, body, div: the second div is past the limit */
    ck_assert_uint_eq (count_findings (result, "input-limit"), 1);
    assert_finding (result, "input-limit", 0, SPAMLINT_NOTE, 1, 18, 18, 0.0);
    spamlint_result_free (result);
    spamlint_engine_free (engine);
}
END_TEST

/* BUG (src/load/eml.c, load_leaf): the body anchor is set only when the
 * text/plain part is the first segment, but the Subject segment is added
 * before the body, so in any .eml with a Subject, caps-ratio (a finding
 * about the whole body) points at 1:1 instead of the body's first line
 * (it does point there when the message has no Subject). */
START_TEST (test_eml_body_anchor)
{
    GString *body = g_string_new (NULL);
    for (int i = 0; i < 8; i++)
        g_string_append (body, "MAISON maison MAISON maison MAISON\n");
    char *without = g_strdup_printf ("From: alice@example.com\n"
                                     "Content-Type: text/plain; charset=utf-8\n"
                                     "\n"
                                     "%s",
                                     body->str);
    char *with = g_strdup_printf ("From: alice@example.com\n"
                                  "Subject: Nouvelles\n"
                                  "Content-Type: text/plain; charset=utf-8\n"
                                  "\n"
                                  "%s",
                                  body->str);
    spamlint_result *result = lint_text ("juin.eml", without);
    assert_finding (result, "caps-ratio", 0, SPAMLINT_WARNING, 4, 1, 0, 1.0);
    spamlint_result_free (result);
    result = lint_text ("juin.eml", with);
    assert_finding (result, "caps-ratio", 0, SPAMLINT_WARNING, 5, 1, 0, 1.0);
    spamlint_result_free (result);
    g_free (with);
    g_free (without);
    g_string_free (body, TRUE);
}
END_TEST

START_TEST (test_html_caps_ratio_at_body_tag)
{
    GString *html = g_string_new ("<html>\n<head><title>Juin</title></head>\n  <body>\n<p>");
    for (int i = 0; i < 8; i++)
        g_string_append (html, "MAISON maison MAISON maison MAISON\n");
    g_string_append (html, "</p>\n</body>\n</html>\n");
    spamlint_result *result = lint_text ("promo.html", html->str);
    assert_finding (result, "caps-ratio", 0, SPAMLINT_WARNING, 3, 3, 0, 1.0);
    spamlint_result_free (result);
    g_string_free (html, TRUE);
}
END_TEST

/* --- (j) what cannot be linted ------------------------------------------- */

START_TEST (test_binary_input)
{
    GRand *rng = g_rand_new_with_seed (42);
    gsize len = 4096;
    char *data = g_malloc (len);
    for (gsize i = 0; i < len; i++)
        data[i] = i % 7 == 0 ? '\0' : (char) g_rand_int_range (rng, 0, 256);
    spamlint_engine *engine = spamlint_engine_new ();
    spamlint_result *result = lint_bytes (engine, "image.txt", data, len);
    ck_assert_ptr_nonnull (spamlint_result_error (result));
    ck_assert_int_eq (spamlint_result_passed (result), 0);
    ck_assert_uint_eq (spamlint_result_count (result), 0);
    spamlint_result_free (result);
    /* the same bytes named .eml or .html, or forced as text, are not linted either */
    result = spamlint_lint_buffer (engine, "image.eml", data, len, SPAMLINT_FORMAT_AUTO);
    ck_assert_ptr_nonnull (spamlint_result_error (result));
    spamlint_result_free (result);
    result = spamlint_lint_buffer (engine, "image.html", data, len, SPAMLINT_FORMAT_TEXT);
    ck_assert_ptr_nonnull (spamlint_result_error (result));
    spamlint_result_free (result);
    spamlint_engine_free (engine);
    g_free (data);
    g_rand_free (rng);
}
END_TEST

START_TEST (test_empty_input)
{
    spamlint_engine *engine = spamlint_engine_new ();
    spamlint_result *result = lint_bytes (engine, "vide.txt", "", 0);
    ck_assert_ptr_nonnull (spamlint_result_error (result));
    ck_assert_int_eq (spamlint_result_passed (result), 0);
    ck_assert_uint_eq (spamlint_result_count (result), 0);
    ck_assert_str_eq (spamlint_result_name (result), "vide.txt");
    spamlint_result_free (result);
    spamlint_engine_free (engine);
}
END_TEST

START_TEST (test_text_is_not_binary)
{
    /* tabs, form feeds and escape sequences are still text */
    spamlint_result *result = lint_text ("promo.txt",
                                         "Bonjour\tBob,\f\n\x1b[1m*gratuit*\x1b[0m\n"
                                         "une ligne\tde plus\n");
    assert_linted (result);
    assert_finding (result, "spam-phrase", 0, SPAMLINT_WARNING, 2, 6, 12, 0.3);
    spamlint_result_free (result);
}
END_TEST

Suite *
load_suite (void)
{
    Suite *suite = suite_create ("load");
    TCase *tc = tcase_create ("sniff");
    tcase_add_test (tc, test_sniff_eml);
    tcase_add_test (tc, test_sniff_html);
    tcase_add_test (tc, test_sniff_mjml);
    tcase_add_test (tc, test_sniff_text);
    tcase_add_test (tc, test_sniff_extension_breaks_ties);
    tcase_add_test (tc, test_result_format);
    suite_add_tcase (suite, tc);

    tc = tcase_create ("html");
    tcase_add_test (tc, test_html_positions);
    tcase_add_test (tc, test_html_multibyte_before_phrase);
    tcase_add_test (tc, test_html_entities);
    tcase_add_test (tc, test_html_invisible_text);
    tcase_add_test (tc, test_html_caps_ratio_at_body_tag);
    tcase_add_test (tc, test_mjml_positions);
    suite_add_tcase (suite, tc);

    tc = tcase_create ("eml");
    tcase_add_test (tc, test_eml_quoted_printable_positions);
    tcase_add_test (tc, test_eml_quoted_printable_crlf);
    tcase_add_test (tc, test_eml_base64_part_points_at_its_header);
    tcase_add_test (tc, test_eml_subject_positions);
    tcase_add_test (tc, test_eml_folded_subject);
    tcase_add_test (tc, test_eml_encoded_subject);
    tcase_add_test (tc, test_eml_latin1_part);
    tcase_add_test (tc, test_eml_latin1_quoted_printable);
    tcase_add_test (tc, test_eml_body_anchor);
    tcase_add_test (tc, test_eml_unknown_charset);
    suite_add_tcase (suite, tc);

    tc = tcase_create ("text");
    tcase_add_test (tc, test_text_crlf);
    tcase_add_test (tc, test_text_windows_1252);
    tcase_add_test (tc, test_text_bom_is_not_a_column);
    tcase_add_test (tc, test_text_with_a_nul_byte);
    tcase_add_test (tc, test_text_is_not_binary);
    suite_add_tcase (suite, tc);

    tc = tcase_create ("limits");
    tcase_add_test (tc, test_limits_by_name);
    suite_add_tcase (suite, tc);

    tc = tcase_create ("unlintable");
    tcase_add_test (tc, test_binary_input);
    tcase_add_test (tc, test_empty_input);
    suite_add_tcase (suite, tc);
    return suite;
}
