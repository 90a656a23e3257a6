/* Units of indicators and of their stored observations. */
#include "store/units.h"

#include <sqlite3.h>
#include <stddef.h>

#include "store/sql.h"
#include "util/xalloc.h"

int
units_indicator(struct db *db, long long indicator_id, char **out,
    struct error *e)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if ((st = sql_prepare(db, "SELECT unit FROM indicator WHERE id = ?1",
	    e)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, indicator_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = xstrdup(sql_text(st, 0));
	else if (rc != SQLITE_DONE) {
		sql_error(db, e);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return *out != NULL ? 1 : 0;
}

struct units_each {
	units_fn	 fn;
	void		*arg;
};

static int
units_differing_row(sqlite3_stmt *st, void *arg)
{
	struct units_each *u = arg;
	struct units_row r;

	r.indicator = sql_text(st, 0);
	r.indicator_unit = sql_text(st, 1);
	r.unit = sql_text(st, 2);
	r.count = sqlite3_column_int64(st, 3);
	r.region = sql_text(st, 4);
	r.period = sql_text(st, 5);
	return u->fn(&r, u->arg);
}

/* The example is the group's first observation by region code and period:
 * SQLite gives the bare columns g.code and o.period from the row where
 * min() is found. */
int
units_differing(struct db *db, units_fn fn, void *arg, struct error *e)
{
	struct units_each u = { fn, arg };

	return sql_rows(db, sql_prepare(db,
	    "SELECT i.code, i.unit, o.unit, count(*), g.code, o.period, "
	    "min(g.code || char(10) || o.period) "
	    "FROM observation o JOIN series s ON s.id = o.series_id "
	    "JOIN indicator i ON i.id = s.indicator_id "
	    "JOIN region g ON g.id = s.region_id "
	    "WHERE o.unit IS NOT NULL AND o.unit <> '' AND o.unit <> i.unit "
	    "GROUP BY i.code, o.unit ORDER BY i.code, o.unit", e),
	    units_differing_row, &u, e);
}
