/* attachments.c: what is attached, and how big the message is. Types come
 * from the content (libmagic), names from the MIME headers (RFC 2231 and
 * 2047 decoded by GMime) or the --attach file. A finding about an
 * attachment points at its Content-Disposition (or Content-Type) header;
 * one given with --attach has no place in the draft and points at 1:1.
 * Inline images that the HTML shows through cid: are not attachments.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "load/html.h"
#include "media/magic.h"
#include "rules/rules.h"

static const sl_rule_info rules[] = {
    { "attach-count", SPAMLINT_WARNING, 0.5, 0.0, N_("more than 3 attachments") },
    { "attach-size", SPAMLINT_WARNING, 1.0, 0.0,
      N_("an attachment over 5 MB, or attachments over 10 MB together (20 MB: error)") },
    { "attach-dangerous", SPAMLINT_ERROR, 4.0, 0.0,
      N_("an executable, a script or a macro-enabled document, by content or by name") },
    { "attach-type-mismatch", SPAMLINT_WARNING, 1.0, 0.0,
      N_("the content of an attachment is not what its type or name says") },
    { "message-size", SPAMLINT_WARNING, 1.0, 0.0,
      N_("a message over 10 MB (20 MB: error)") },
};

#define MB (1024.0 * 1024.0)
#define MAX_ATTACHMENTS 3
#define ONE_WARNING_BYTES (5 * 1024 * 1024)
#define ALL_WARNING_BYTES (10 * 1024 * 1024)
#define ALL_ERROR_BYTES (20 * 1024 * 1024)
#define MESSAGE_WARNING_BYTES (10 * 1024 * 1024)
#define MESSAGE_ERROR_BYTES (20 * 1024 * 1024)

static const char *const dangerous_extensions[] = {
    "exe", "scr", "bat", "cmd", "com", "pif", "cpl", "msi", "msp", "msc", "hta", "js", "jse",
    "vbs", "vbe", "wsf", "wsh", "ps1", "psm1", "jar", "lnk", "reg", "scf", "inf", "dll",
    "docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppsm", "sldm", "iso", "img",
    "vhd", "apk", "app", "sh", "run", NULL
};

static const char *const dangerous_types[] = {
    "application/x-dosexec", "application/x-executable", "application/x-msdownload",
    "application/x-sharedlib", "application/x-mach-binary", "application/x-elf",
    "application/vnd.microsoft.portable-executable", "application/x-msi",
    "application/java-archive", "application/x-sh", "text/x-shellscript", "text/x-msdos-batch",
    "application/x-bat", "application/hta", NULL
};

static const struct { const char *extension; const char *type; } expected_types[] = {
    { "pdf", "application/pdf" }, { "jpg", "image/jpeg" }, { "jpeg", "image/jpeg" },
    { "png", "image/png" }, { "gif", "image/gif" }, { "webp", "image/webp" },
    { "zip", "application/zip" }, { "gz", "application/gzip" },
    { "doc", "application/msword" }, { "xls", "application/vnd.ms-excel" },
    { "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    { "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
    { "odt", "application/vnd.oasis.opendocument.text" },
    { "ods", "application/vnd.oasis.opendocument.spreadsheet" },
    { "txt", "text/plain" }, { "csv", "text/csv" }, { "ics", "text/calendar" },
    { "html", "text/html" }, { "htm", "text/html" },
};

static const char *
extension_of (const char *name)
{
    const char *dot = name ? strrchr (name, '.') : NULL;
    return dot ? dot + 1 : NULL;
}

static gboolean
in_list (const char *const *list, const char *value)
{
    for (guint i = 0; value && list[i]; i++)
        if (g_ascii_strcasecmp (list[i], value) == 0)
            return TRUE;
    return FALSE;
}

static gboolean
has_bidi_override (const char *name)
{
    return name && (strstr (name, "\xE2\x80\xAE") || strstr (name, "\xE2\x80\xAD")
                    || strstr (name, "\xE2\x81\xA6") || strstr (name, "\xE2\x81\xA7")
                    || strstr (name, "\xE2\x81\xA8"));
}

/* Two MIME types that may name the same content. */
static gboolean
compatible (const char *a, const char *b)
{
    if (g_ascii_strcasecmp (a, b) == 0)
        return TRUE;
    if (g_str_has_prefix (a, "text/") && g_str_has_prefix (b, "text/"))
        return TRUE;
    static const char *const generic[] = { "application/octet-stream", "application/x-empty",
                                           "inode/x-empty", NULL };
    if (in_list (generic, a) || in_list (generic, b))
        return TRUE;
    /* office documents, jars and e-books are zip files inside */
    gboolean a_zip = strcmp (a, "application/zip") == 0, b_zip = strcmp (b, "application/zip") == 0;
    if ((a_zip && (strstr (b, "openxmlformats") || strstr (b, "opendocument") || strstr (b, "java-archive")))
        || (b_zip && (strstr (a, "openxmlformats") || strstr (a, "opendocument") || strstr (a, "java-archive"))))
        return TRUE;
    /* old Office files are all one container format */
    if (strstr (a, "msword") || strstr (a, "ms-excel") || strstr (a, "ms-powerpoint")
        || strstr (a, "x-ole-storage") || strstr (a, "cdfv2"))
        return strstr (b, "msword") || strstr (b, "ms-excel") || strstr (b, "ms-powerpoint")
               || strstr (b, "x-ole-storage") || strstr (b, "cdfv2");
    return (strcmp (a, "image/jpg") == 0 && strcmp (b, "image/jpeg") == 0)
           || (strcmp (b, "image/jpg") == 0 && strcmp (a, "image/jpeg") == 0);
}

static const char *
expected_type (const char *extension)
{
    for (guint i = 0; extension && i < G_N_ELEMENTS (expected_types); i++)
        if (g_ascii_strcasecmp (expected_types[i].extension, extension) == 0)
            return expected_types[i].type;
    return NULL;
}

static guint32
where (const sl_part *part)
{
    return part->from_option ? 0 : part->offset;
}

/* The part's name as a message shows it: a bidirectional control would
 * turn the rest of the line around in a terminal or an editor (the very
 * trick attach-dangerous reports), so it is shown as <U+202E>. */
static char *
name_of (const sl_part *part)
{
    if (part->filename == NULL)
        return g_strdup (_("(no name)"));
    char *name = g_utf8_make_valid (part->filename, -1);
    GString *shown = g_string_new (NULL);
    for (const char *p = name; *p; p = g_utf8_next_char (p)) {
        gunichar c = g_utf8_get_char (p);
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E
            || c == 0x200F || c == 0x061C)
            g_string_append_printf (shown, "<U+%04X>", c);
        else
            g_string_append_unichar (shown, c);
    }
    g_free (name);
    return g_string_free (shown, FALSE);
}

static void
check_content (sl_context *cx, const sl_part *part)
{
    const char *name = part->filename;
    const char *extension = extension_of (name);
    char *shown = name_of (part);
    char *magic_type = NULL;
    unsigned width, height;
    gsize size = g_bytes_get_size (part->data);
    if (size > 0)
        sl_magic_type (cx->engine->magic, g_bytes_get_data (part->data, NULL), size, &magic_type,
                       &width, &height);

    if (has_bidi_override (name))
        sl_report (cx, "attach-dangerous", SPAMLINT_ERROR, 4.0, where (part), where (part), NULL, name,
                   _("attachment \"%s\" hides its real extension behind a right-to-left override: rename it"),
                   shown);
    else if (in_list (dangerous_extensions, extension))
        sl_report (cx, "attach-dangerous", SPAMLINT_ERROR, 4.0, where (part), where (part), NULL, name,
                   _("attachment \"%s\" is an executable, script or macro file: providers block it; send a PDF or a link"),
                   shown);
    else if (magic_type && in_list (dangerous_types, magic_type))
        sl_report (cx, "attach-dangerous", SPAMLINT_ERROR, 4.0, where (part), where (part), NULL, name,
                   _("attachment \"%s\" is a program (%s) whatever its name: remove it"),
                   shown, magic_type);

    if (magic_type) {
        const char *declared = part->content_type;
        const char *by_name = expected_type (extension);
        if (declared && !compatible (declared, magic_type))
            sl_report (cx, "attach-type-mismatch", SPAMLINT_WARNING, 1.0, where (part), where (part),
                       NULL, name, _("attachment \"%s\" is declared %s but contains %s: fix its type or its content"),
                       shown, declared, magic_type);
        else if (by_name && !compatible (by_name, magic_type))
            sl_report (cx, "attach-type-mismatch", SPAMLINT_WARNING, 1.0, where (part), where (part),
                       NULL, name, _("attachment \"%s\" is named .%s but contains %s: fix its name or its content"),
                       shown, extension, magic_type);
    }
    g_free (magic_type);
    g_free (shown);
}

typedef struct cid_search {
    const char *cid;
    gboolean found;
} cid_search;

static void
find_cid (const sl_node *node, void *data)
{
    cid_search *search = data;
    const char *src = sl_node_attr (node, "src");
    if (src && g_ascii_strncasecmp (src, "cid:", 4) == 0 && g_ascii_strcasecmp (src + 4, search->cid) == 0)
        search->found = TRUE;
}

/* An inline part that the HTML shows through cid: is not an attachment. */
static gboolean
shown_inline (const sl_doc *doc, const sl_part *part)
{
    if (part->attachment || part->content_id == NULL)
        return FALSE;
    cid_search search = { part->content_id, FALSE };
    for (guint i = 0; i < doc->html->len && !search.found; i++)
        sl_html_walk (g_ptr_array_index (doc->html, i), find_cid, &search);
    return search.found;
}

static gboolean
is_attachment (const sl_doc *doc, const sl_part *part)
{
    return !shown_inline (doc, part) && (part->attachment || part->filename != NULL);
}

static void
check (sl_context *cx)
{
    const sl_doc *doc = cx->doc;
    unsigned count = 0;
    gsize total = 0;
    const sl_part *first = NULL;
    for (guint i = 0; i < doc->parts->len; i++) {
        const sl_part *part = g_ptr_array_index (doc->parts, i);
        if (!is_attachment (doc, part))
            continue;
        if (first == NULL)
            first = part;
        count++;
        gsize size = g_bytes_get_size (part->data);
        total += size;
        check_content (cx, part);
        if (size > ONE_WARNING_BYTES) {
            char *shown = name_of (part);
            sl_report (cx, "attach-size", SPAMLINT_WARNING, 1.0, where (part), where (part), NULL,
                       part->filename, _("attachment \"%s\" weighs %.1f MB: send a transfer link instead"),
                       shown, size / MB);
            g_free (shown);
        }
        if (count == MAX_ATTACHMENTS + 1)
            sl_report (cx, "attach-count", SPAMLINT_WARNING, 0.5, where (part), where (part), NULL,
                       NULL, _("more than %d attachments: send one zip file, or a transfer link"),
                       MAX_ATTACHMENTS);
    }
    if (total > ALL_WARNING_BYTES) {
        gboolean error = total > ALL_ERROR_BYTES;
        sl_report (cx, "attach-size", error ? SPAMLINT_ERROR : SPAMLINT_WARNING, error ? 3.0 : 1.0,
                   where (first), where (first), NULL, NULL,
                   error ? _("the attachments weigh %.1f MB together: most providers refuse 20 to 25 MB once encoded; send a transfer link")
                         : _("the attachments weigh %.1f MB together: send a transfer link or one compressed file"),
                   total / MB);
    }
    /* the whole message: the file as given, or the draft and its
     * attachments as they would be encoded (base64: 4 bytes for 3) */
    gsize message = doc->raw_len;
    for (guint i = 0; doc->format != SPAMLINT_FORMAT_EML && i < doc->parts->len; i++)
        message += g_bytes_get_size (((const sl_part *) g_ptr_array_index (doc->parts, i))->data) * 4 / 3;
    if (message > MESSAGE_WARNING_BYTES) {
        gboolean error = message > MESSAGE_ERROR_BYTES;
        sl_report (cx, "message-size", error ? SPAMLINT_ERROR : SPAMLINT_WARNING, error ? 3.0 : 1.0,
                   0, 0, NULL, NULL,
                   _("the message weighs %.1f MB: many servers refuse over 10 to 25 MB; link to large files"),
                   message / MB);
    }
}

const sl_family sl_family_attachments = {
    .name = "attachments", .rules = rules, .n_rules = G_N_ELEMENTS (rules), .check = check,
};
