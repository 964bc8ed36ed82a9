/* datadir.c: the translations and the spelling lists are files beside the
 * binary: in the build tree until `make install`, under the prefix after.
 * spamlint run from a checkout (the README's first command) must find the
 * build tree's, so the executable's own directory is looked at first. */
#include "config.h"

#include "datadir.h"

char *
sl_data_dir (const char *env_var, const char *name, const char *installed)
{
    const char *env = g_getenv (env_var);
    if (env && *env)
        return g_strdup (env);
    char *exe = g_file_read_link ("/proc/self/exe", NULL);
    if (exe != NULL) {
        char *dir = g_path_get_dirname (exe);
        char *built = g_build_filename (dir, name, NULL);
        g_free (dir);
        g_free (exe);
        if (g_file_test (built, G_FILE_TEST_IS_DIR))
            return built;
        g_free (built);
    }
    return g_strdup (installed);
}
