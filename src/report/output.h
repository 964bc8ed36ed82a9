/* output.h: the output formats of the command line. A format knows the
 * public result API and nothing about rules. */
#ifndef SL_OUTPUT_H
#define SL_OUTPUT_H

#include <stdio.h>

#include "spamlint.h"

typedef struct sl_output sl_output;

/* FORMAT is "gnu" or "json"; NULL when it is unknown. */
sl_output *sl_output_new (const char *format, FILE *out, double threshold);
/* Report one file (linted, or with its error set). */
void sl_output_file (sl_output *output, const spamlint_result *result);
/* Finish the document (JSON) and free. */
void sl_output_finish (sl_output *output);

/* The formats behind sl_output. */
typedef struct sl_output_ops {
    const char *name;
    void *(*begin) (FILE *out, double threshold);
    void (*file) (void *state, const spamlint_result *result);
    void (*finish) (void *state);
} sl_output_ops;

extern const sl_output_ops sl_output_gnu;
extern const sl_output_ops sl_output_json;
extern const sl_output_ops sl_output_sarif;
extern const sl_output_ops sl_output_github;
extern const sl_output_ops sl_output_human;

/* JSON from json-glib with its numbers in their shortest form. */
#include <json-glib/json-glib.h>
GString *sl_json_shorten_numbers (const char *json);
/* Print a built document, indented, numbers shortened. */
void sl_json_print (FILE *out, JsonBuilder *builder);

/* Colours and the like for the human format. */
void sl_output_human_set_color (gboolean color);

#endif
