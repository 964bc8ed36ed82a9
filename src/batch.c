/* batch.c: the files of a run are linted by a pool of threads (-j N), but
 * reported in the order they were given, so the output is the same as
 * with one thread: each job has a slot, the workers fill the slots in any
 * order, and the reporting thread waits for each slot in turn. The engine
 * is shared: its compiled patterns are read-only, and the parts that load
 * on first use (dictionaries, libmagic, language data) lock. */
#include "config.h"

#include "batch.h"

typedef struct job {
    spamlint_engine *engine;
    char *path;              /* a file, or the name of DATA */
    GBytes *data;            /* standard input's bytes, or NULL */
    spamlint_format format;
    char *message;           /* a message to deliver instead of a lint */
    spamlint_result *result; /* filled by a worker */
    gboolean done;
} job;

struct sl_batch {
    unsigned threads;
    GPtrArray *jobs;
    GMutex lock;
    GCond done;
};

sl_batch *
sl_batch_new (unsigned threads)
{
    sl_batch *batch = g_new0 (sl_batch, 1);
    batch->threads = MAX (threads, 1);
    batch->jobs = g_ptr_array_new ();
    g_mutex_init (&batch->lock);
    g_cond_init (&batch->done);
    return batch;
}

static job *
add (sl_batch *batch)
{
    job *j = g_new0 (job, 1);
    g_ptr_array_add (batch->jobs, j);
    return j;
}

void
sl_batch_add_file (sl_batch *batch, spamlint_engine *engine, const char *path,
                   spamlint_format format)
{
    job *j = add (batch);
    j->engine = engine;
    j->path = g_strdup (path);
    j->format = format;
}

void
sl_batch_add_buffer (sl_batch *batch, spamlint_engine *engine, const char *name, GBytes *data,
                     spamlint_format format)
{
    job *j = add (batch);
    j->engine = engine;
    j->path = g_strdup (name);
    j->data = g_bytes_ref (data);
    j->format = format;
}

void
sl_batch_add_message (sl_batch *batch, const char *message)
{
    job *j = add (batch);
    j->message = g_strdup (message);
    j->done = TRUE;
}

static void
lint (job *j)
{
    if (j->data) {
        gsize n;
        const char *bytes = g_bytes_get_data (j->data, &n);
        j->result = spamlint_lint_buffer (j->engine, j->path, bytes ? bytes : "", n, j->format);
    } else {
        j->result = spamlint_lint_file (j->engine, j->path, j->format);
    }
}

static void
work (gpointer data, gpointer user_data)
{
    job *j = data;
    sl_batch *batch = user_data;
    lint (j);
    g_mutex_lock (&batch->lock);
    j->done = TRUE;
    g_cond_broadcast (&batch->done);
    g_mutex_unlock (&batch->lock);
}

static void
job_free (job *j)
{
    g_free (j->path);
    g_free (j->message);
    if (j->data)
        g_bytes_unref (j->data);
    g_free (j);
}

void
sl_batch_run (sl_batch *batch, sl_batch_deliver deliver, void *data)
{
    GThreadPool *pool = NULL;
    if (batch->threads > 1 && batch->jobs->len > 1) {
        pool = g_thread_pool_new (work, batch, (gint) batch->threads, TRUE, NULL);
        for (guint i = 0; i < batch->jobs->len; i++) {
            job *j = g_ptr_array_index (batch->jobs, i);
            if (!j->message)
                g_thread_pool_push (pool, j, NULL);
        }
    }
    for (guint i = 0; i < batch->jobs->len; i++) {
        job *j = g_ptr_array_index (batch->jobs, i);
        if (pool == NULL && !j->message) {
            lint (j);
        } else if (pool != NULL) {
            g_mutex_lock (&batch->lock);
            while (!j->done)
                g_cond_wait (&batch->done, &batch->lock);
            g_mutex_unlock (&batch->lock);
        }
        deliver (j->result, j->message, data);
        job_free (j);
    }
    if (pool)
        g_thread_pool_free (pool, FALSE, TRUE);
    g_ptr_array_free (batch->jobs, TRUE);
    g_mutex_clear (&batch->lock);
    g_cond_clear (&batch->done);
    g_free (batch);
}
