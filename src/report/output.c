/* output.c: pick an output format by name. */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "report/output.h"

struct sl_output {
    const sl_output_ops *ops;
    void *state;
};

static const sl_output_ops *const formats[] = {
    &sl_output_gnu, &sl_output_json, &sl_output_sarif, &sl_output_github, &sl_output_human, NULL
};

sl_output *
sl_output_new (const char *format, FILE *out, double threshold)
{
    for (guint i = 0; formats[i]; i++) {
        if (strcmp (formats[i]->name, format) != 0)
            continue;
        sl_output *output = g_new0 (sl_output, 1);
        output->ops = formats[i];
        output->state = formats[i]->begin (out, threshold);
        return output;
    }
    return NULL;
}

void
sl_output_file (sl_output *output, const spamlint_result *result)
{
    output->ops->file (output->state, result);
}

void
sl_output_finish (sl_output *output)
{
    output->ops->finish (output->state);
    g_free (output);
}
