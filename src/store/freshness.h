/* Whether and when the database changed. PRAGMA data_version changes on a
 * connection whenever another connection commits: caches of rendered pages
 * key on it. The meta key modified_at records, to the second, when a write
 * last changed rows: db_commit() stamps it, the web answers send it as
 * Last-Modified. No memory is handed out. */
#ifndef WIALL_STORE_FRESHNESS_H
#define WIALL_STORE_FRESHNESS_H

#include <time.h>

#include "store/db.h"
#include "util/error.h"

/* The meta key, its value ISO 8601 UTC to the second: 2026-11-26T08:15:03Z. */
#define FRESHNESS_KEY		"modified_at"
#define FRESHNESS_TIME_MAX	32

/* The connection's current data version. Returns 0, or -1 with e set. */
int	freshness_version(struct db *db, long long *out, struct error *e);

/* When the database last changed: 0 and the time, or 0 and *out = 0 when
 * no write has stamped it (a database from before the stamp), or -1 with e
 * set (a database error, a value that is not a time of the format above). */
int	freshness_modified(struct db *db, time_t *out, struct error *e);

/* Stamps modified_at inside the caller's open transaction: the current
 * time (freshness_now), but always at least one second after the stamp it
 * replaces, so that every change moves it on even when the clock stands
 * still (SOURCE_DATE_EPOCH), steps back, or two writes fall in one second.
 * Then If-Modified-Since can never hide a change. Returns 0 or -1. */
int	freshness_stamp(struct db *db, struct error *e);

/* The time a write is dated by: SOURCE_DATE_EPOCH (seconds since 1970),
 * when it is set to one, so that runs are reproducible; else the clock. */
time_t	freshness_now(void);

/* Writes t as 2026-11-26T08:15:03Z; parses exactly that form back (-1 when
 * the text is anything else, a 31 February included). */
void	freshness_format(time_t t, char out[FRESHNESS_TIME_MAX]);
int	freshness_parse(const char *s, time_t *out);

#endif
