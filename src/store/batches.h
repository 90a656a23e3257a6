/* Import batches: which file (name, SHA-256, format, options) brought which
 * observations, when, with what counts. Rows handed to a callback are valid
 * only during the call; nothing here hands out memory. */
#ifndef WIALL_STORE_BATCHES_H
#define WIALL_STORE_BATCHES_H

#include "store/db.h"
#include "util/error.h"

struct batch_row {
	long long	 id;
	const char	*file_name;
	const char	*sha256;	/* 64 hex digits */
	const char	*format;	/* long-csv, wide-csv, sdmx-csv-1, sdmx-csv-2 */
	const char	*options;	/* "" when none */
	long long	 rows_read, rows_new, rows_changed, rows_unchanged;
	const char	*created_at;	/* ISO date-time, UTC */
};

#define BATCHES_TIME_MAX 32

/* The current time as "2026-11-26T00:00:00Z"; SOURCE_DATE_EPOCH (seconds),
 * when set, is used instead of the clock so that runs are reproducible. */
void	batches_now(char out[BATCHES_TIME_MAX]);

/* Adds a batch (created_at NULL: now) and returns its id. */
int	batches_insert(struct db *db, const struct batch_row *b, long long *id,
	    struct error *e);
/* Sets the hash (known only once the file is read) and the counts. */
int	batches_finish(struct db *db, long long id, const char *sha256,
	    long long read, long long added, long long changed,
	    long long unchanged, struct error *e);
/* Removes a batch that no observation or revision refers to. */
int	batches_delete(struct db *db, long long id, struct error *e);
/* The highest batch id, 0 when there is none, -1 on an error. */
long long batches_last_id(struct db *db, struct error *e);

/* The latest batch that read a file with this SHA-256 under these options
 * ("" or NULL: none). Returns 1 and its id, 0 when there is none, -1. */
int	batches_find(struct db *db, const char *sha256, const char *options,
	    long long *id, struct error *e);

typedef int (*batches_fn)(const struct batch_row *row, void *arg);
/* Every batch, oldest first. Returns 0, -1, or the callback's stop value. */
int	batches_list(struct db *db, batches_fn fn, void *arg, struct error *e);

#endif
