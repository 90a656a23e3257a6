/* PRAGMA data_version (see freshness.h). The statement is prepared per call:
 * it costs microseconds, and a struct db has no place for cached statements. */
#include "store/freshness.h"

#include <sqlite3.h>

int
freshness_version(struct db *db, long long *out, struct error *e)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(db->sqlite, "PRAGMA data_version", -1, &st,
	    NULL) != SQLITE_OK)
		return error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
		sqlite3_finalize(st);
		return -1;
	}
	*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}
