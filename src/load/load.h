/* load.h: bytes in, document model out, whatever the format. */
#ifndef SL_LOAD_H
#define SL_LOAD_H

#include <glib.h>

#include "doc.h"
#include "engine.h"

/* The format of a draft from its content; NAME's extension breaks ties. */
spamlint_format sl_sniff_format (const char *data, gsize len, const char *name);

/* Why these bytes cannot be a draft (binary data), or NULL. */
const char *sl_sniff_binary (const char *data, gsize len);

/* Load a draft; NULL with *ERROR set when it cannot be linted at all. */
sl_doc *sl_load (const spamlint_engine *engine, const char *name,
                 const char *data, gsize len, spamlint_format format, char **error);

/* Set the sender from an address list (its first mailbox). */
typedef struct _InternetAddressList InternetAddressList;
void sl_doc_set_sender (sl_doc *doc, InternetAddressList *list);

/* The draft's bytes as UTF-8 text with sources, for a whole-file PART
 * ("text/plain", "text/html"); what had to be repaired or converted is
 * noted on DOC (input-encoding). */
void sl_doc_decode_raw (sl_doc *doc, sl_textmap *out, const char *part);

/* The loaders behind sl_load. */
gboolean sl_load_text (sl_doc *doc);
gboolean sl_load_html (sl_doc *doc);
gboolean sl_load_eml (sl_doc *doc, char **error);
gboolean sl_load_mjml (sl_doc *doc);

/* Add an HTML document and its visible text, from UTF-8 bytes with sources. */
sl_segment *sl_doc_add_html (sl_doc *doc, const sl_textmap *source, const char *part);
/* Add an HTML document already parsed (takes it) and its visible text. */
struct sl_html;
sl_segment *sl_doc_add_parsed_html (sl_doc *doc, struct sl_html *html);

#endif
