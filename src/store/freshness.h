/* Whether the database changed since a reader last looked: SQLite's
 * PRAGMA data_version, which changes on a connection whenever another
 * connection commits. Caches of rendered pages key on it. No memory. */
#ifndef WIALL_STORE_FRESHNESS_H
#define WIALL_STORE_FRESHNESS_H

#include "store/db.h"
#include "util/error.h"

/* The connection's current data version. Returns 0, or -1 with e set. */
int	freshness_version(struct db *db, long long *out, struct error *e);

#endif
