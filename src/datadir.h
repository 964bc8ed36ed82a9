/* datadir.h: where spamlint's data files are, installed or in a build tree. */
#ifndef SL_DATADIR_H
#define SL_DATADIR_H

#include <glib.h>

/* The directory of a kind of data file: the value of ENV_VAR when it is set
 * (the tests), else NAME next to the running executable when it is there
 * (spamlint run from its build tree, before make install), else
 * INSTALLED. Free with g_free. */
char *sl_data_dir (const char *env_var, const char *name, const char *installed);

#endif
