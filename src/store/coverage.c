#include "store/coverage.h"

#include <sqlite3.h>
#include <string.h>

#include "util/period.h"

static int
coverage_fail(struct db *db, sqlite3_stmt *st, struct error *e)
{
	error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
	sqlite3_finalize(st);
	return -1;
}

static const char *
coverage_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t != NULL ? (const char *)t : "";
}

/* Within one kind, periods order as text (2017-03 < 2017-11), so that SQL's
 * min() and max() find the first and last. */
int
coverage_series(struct db *db, coverage_fn fn, void *arg, struct error *e)
{
	sqlite3_stmt *st = NULL;
	int rc, stop = 0;

	if (sqlite3_prepare_v2(db->sqlite,
	    "SELECT s.id, i.code, g.code, s.dims, "
	    "CASE WHEN o.period GLOB '[0-9][0-9][0-9][0-9]' THEN 0 "
	    "WHEN o.period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]' THEN 1 "
	    "WHEN o.period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' THEN 2 "
	    "ELSE -1 END AS kind, "
	    "count(o.value), count(*) - count(o.value), "
	    "min(CASE WHEN o.value IS NOT NULL THEN o.period END), "
	    "max(CASE WHEN o.value IS NOT NULL THEN o.period END), "
	    "min(o.period) "
	    "FROM observation o JOIN series s ON s.id = o.series_id "
	    "JOIN indicator i ON i.id = s.indicator_id "
	    "JOIN region g ON g.id = s.region_id "
	    "GROUP BY s.id, kind ORDER BY i.code, g.code, s.dims, kind",
	    -1, &st, NULL) != SQLITE_OK)
		return coverage_fail(db, st, e);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct coverage_row r;
		struct period p;

		r.series_id = sqlite3_column_int64(st, 0);
		r.indicator = coverage_text(st, 1);
		r.region = coverage_text(st, 2);
		r.dims = coverage_text(st, 3);
		r.kind = sqlite3_column_int(st, 4);
		r.values = sqlite3_column_int64(st, 5);
		r.missing = sqlite3_column_int64(st, 6);
		r.first = coverage_text(st, 7);
		r.last = coverage_text(st, 8);
		r.example = coverage_text(st, 9);
		/* The pattern lets 2017-00 and 2017-13 through: parse. */
		if (r.kind >= 0 && ((r.first[0] != '\0' &&
		    period_parse(r.first, strlen(r.first), &p) == -1) ||
		    (r.last[0] != '\0' &&
		    period_parse(r.last, strlen(r.last), &p) == -1) ||
		    period_parse(r.example, strlen(r.example), &p) == -1))
			r.kind = -1;
		if ((stop = fn(&r, arg)) != 0)
			break;
	}
	if (stop == 0 && rc != SQLITE_DONE)
		return coverage_fail(db, st, e);
	sqlite3_finalize(st);
	return stop;
}

int
coverage_totals(struct db *db, struct arena *a, struct coverage_totals *out,
    struct error *e)
{
	sqlite3_stmt *st = NULL;

	memset(out, 0, sizeof(*out));
	if (sqlite3_prepare_v2(db->sqlite,
	    "SELECT (SELECT count(*) FROM observation), "
	    "(SELECT count(value) FROM observation), "
	    "(SELECT count(*) FROM series), "
	    "(SELECT count(*) FROM series s WHERE NOT EXISTS "
	    "(SELECT 1 FROM observation o WHERE o.series_id = s.id)), "
	    "(SELECT count(*) FROM revision), "
	    "(SELECT count(*) FROM batch), "
	    "b.id, b.file_name, b.created_at "
	    "FROM (SELECT 1) LEFT JOIN batch b ON b.id = "
	    "(SELECT max(id) FROM batch)", -1, &st, NULL) != SQLITE_OK)
		return coverage_fail(db, st, e);
	if (sqlite3_step(st) != SQLITE_ROW)
		return coverage_fail(db, st, e);
	out->observations = sqlite3_column_int64(st, 0);
	out->values = sqlite3_column_int64(st, 1);
	out->series = sqlite3_column_int64(st, 2);
	out->empty_series = sqlite3_column_int64(st, 3);
	out->revisions = sqlite3_column_int64(st, 4);
	out->batches = sqlite3_column_int64(st, 5);
	if (sqlite3_column_type(st, 6) != SQLITE_NULL) {
		out->last_batch = sqlite3_column_int64(st, 6);
		out->last_file = arena_strdup(a, coverage_text(st, 7));
		out->last_time = arena_strdup(a, coverage_text(st, 8));
	}
	sqlite3_finalize(st);
	return 0;
}
