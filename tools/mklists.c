/* mklists: parse the built-in word lists as spamlint does and write the
 * image that is built into it (src/text/lists_image.c), so that spamlint
 * starts without parsing, folding and indexing them.
 *
 *   mklists OUTPUT NAME=LIST.txt... -- NAME=LIST.txt...
 *
 * The lists before "--" are the languages' phrase lists ("WEIGHT CATEGORY
 * PHRASE" lines), whose union is indexed; those after are plain lists (one
 * phrase a line). The order is kept: spamlint checks the names.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "text/lists_image.h"

static sl_wordlist *
read_list (const char *arg, gboolean weighted)
{
    const char *eq = strchr (arg, '=');
    if (eq == NULL) {
        fprintf (stderr, "mklists: expected NAME=FILE, got %s\n", arg);
        return NULL;
    }
    char *name = g_strndup (arg, (gsize) (eq - arg));
    char *data = NULL;
    gsize len = 0;
    GError *error = NULL;
    sl_wordlist *list = NULL;
    if (g_file_get_contents (eq + 1, &data, &len, &error))
        list = sl_wordlist_parse (name, data, len, weighted, &error);
    if (list == NULL) {
        fprintf (stderr, "mklists: %s: %s\n", eq + 1, error->message);
        g_error_free (error);
    }
    g_free (data);
    g_free (name);
    return list;
}

int
main (int argc, char **argv)
{
    if (argc < 3) {
        fprintf (stderr, "usage: mklists OUTPUT NAME=LIST.txt... -- NAME=LIST.txt...\n");
        return 2;
    }
    GPtrArray *lists = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_wordlist_free);
    guint n_weighted = 0;
    gboolean weighted = TRUE;
    for (int i = 2; i < argc; i++) {
        if (strcmp (argv[i], "--") == 0) {
            weighted = FALSE;
            continue;
        }
        sl_wordlist *list = read_list (argv[i], weighted);
        if (list == NULL)
            return 1;
        g_ptr_array_add (lists, list);
        n_weighted += weighted;
    }
    guint32 *owners_start;
    sl_phrase_ref *owners;
    sl_wordlist *all = sl_wordlist_union ((const sl_wordlist *const *) lists->pdata, n_weighted,
                                          &owners_start, &owners);
    GBytes *image = sl_lists_image_write ((const sl_wordlist *const *) lists->pdata, lists->len,
                                          all, owners_start, owners);
    GError *error = NULL;
    gsize len;
    const char *data = g_bytes_get_data (image, &len);
    int status = 0;
    if (!g_file_set_contents (argv[1], data, (gssize) len, &error)) {
        fprintf (stderr, "mklists: %s\n", error->message);
        g_error_free (error);
        status = 1;
    }
    g_bytes_unref (image);
    sl_wordlist_free (all);
    g_free (owners_start);
    g_free (owners);
    g_ptr_array_free (lists, TRUE);
    return status;
}
