/* fuzz_css.c: libFuzzer target for the CSS reader (src/style/css.h).
 *
 * The input is decoded into a textmap the way the HTML loader does it
 * (UTF-8, Windows-1252 for invalid bytes), then read both as an inline
 * style="" attribute and as a <style> sheet; every value found goes
 * through the length and colour readers.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "style/css.h"
#include "text/textmap.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static volatile double sink;

static void
read_values (GArray *decls, const sl_textmap *map)
{
    for (guint i = 0; i < decls->len; i++) {
        const sl_css_decl *decl = &g_array_index (decls, sl_css_decl, i);
        if (decl->property == NULL || decl->value == NULL)
            __builtin_trap ();
        if (map->len > 0 && decl->offset > map->src[map->len - 1])
            __builtin_trap (); /* an offset past the input */
        double px = 0;
        guint32 rgb = 0;
        if (sl_css_length (decl->value, 16.0, &px))
            sink += px;
        if (sl_css_color (decl->value, &rgb))
            sink += rgb;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    sl_textmap map;
    sl_textmap_init (&map);
    sl_textmap_decode (&map, (const char *) data, size, NULL, 0, NULL);

    GArray *decls = sl_css_decls_new ();
    sl_css_parse_declarations (&map, 0, map.len, decls);
    read_values (decls, &map);
    sl_css_decls_free (decls);

    sl_stylesheet *sheet = sl_stylesheet_new ();
    sl_css_parse_sheet (sheet, &map);
    for (guint i = 0; i < sheet->rules->len; i++) {
        const sl_css_rule *rule = g_ptr_array_index (sheet->rules, i);
        read_values (rule->decls, &map);
    }
    sl_stylesheet_free (sheet);

    sl_textmap_clear (&map);
    return 0;
}
