/* The time-series store's read side (the API is in observations.h): the
 * observations, series and revisions a query selects, and the latest period
 * per region. Rows go to the caller's callback one at a time, so that an
 * export of every observation needs no more memory than one row. */
#include "store/observations.h"

#include <sqlite3.h>
#include <string.h>

#include "store/sql.h"
#include "util/buf.h"
#include "util/period.h"

/* The months a period covers, as ordinals year*12 + month - 1. */
static void
observations_read_months(const struct period *p, long *first, long *last)
{
	switch (p->kind) {
	case PERIOD_QUARTER:
		*first = p->year * 12L + (p->sub - 1) * 3;
		*last = *first + 2;
		break;
	case PERIOD_MONTH:
		*first = *last = p->year * 12L + p->sub - 1;
		break;
	default:
		*first = p->year * 12L;
		*last = *first + 11;
		break;
	}
}

struct observations_read_range {
	bool	has_from, has_to;
	long	from, to;	/* months */
};

static int
observations_read_range_init(struct observations_read_range *r,
    const struct observations_query *q, struct error *e)
{
	struct period p;
	long a, b;

	memset(r, 0, sizeof(*r));
	if (q->from != NULL) {
		if (period_parse(q->from, strlen(q->from), &p) == -1)
			return error_set(e, "bad period '%s' (2017, 2017-Q2 or "
			    "2017-06)", q->from);
		observations_read_months(&p, &a, &b);
		r->has_from = true;
		r->from = a;
	}
	if (q->to != NULL) {
		if (period_parse(q->to, strlen(q->to), &p) == -1)
			return error_set(e, "bad period '%s' (2017, 2017-Q2 or "
			    "2017-06)", q->to);
		observations_read_months(&p, &a, &b);
		r->has_to = true;
		r->to = b;
	}
	return 0;
}

static bool
observations_read_range_has(const struct observations_read_range *r,
    const char *period)
{
	struct period p;
	long a, b;

	if (!r->has_from && !r->has_to)
		return true;
	if (period_parse(period, strlen(period), &p) == -1)
		return false;
	observations_read_months(&p, &a, &b);
	return (!r->has_from || a >= r->from) && (!r->has_to || b <= r->to);
}

/* Prepares `select` (over series s, indicator i, region g) with the WHERE
 * conditions of q, then `order`, and binds q. NULL with e on an error. */
static sqlite3_stmt *
observations_read_prepare(struct db *db, const char *select,
    const struct observations_query *q, const char *order, struct error *e)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;

	buf_puts(&sql, select);
	buf_puts(&sql, " WHERE 1");
	if (q->indicator != NULL)
		buf_puts(&sql, " AND i.code = ?1");
	if (q->region != NULL)
		buf_puts(&sql, " AND (g.code = ?2 OR g.id = (SELECT "
		    "region_id FROM region_alias WHERE alias = ?2))");
	if (q->dims != NULL)
		buf_puts(&sql, " AND s.dims = ?3");
	if (q->series_id > 0)
		buf_puts(&sql, " AND s.id = ?4");
	buf_puts(&sql, order);
	st = sql_prepare(db, sql.data, e);
	buf_free(&sql);
	if (st == NULL)
		return NULL;
	if (q->indicator != NULL)
		sqlite3_bind_text(st, 1, q->indicator, -1, SQLITE_STATIC);
	if (q->region != NULL)
		sqlite3_bind_text(st, 2, q->region, -1, SQLITE_STATIC);
	if (q->dims != NULL)
		sqlite3_bind_text(st, 3, q->dims, -1, SQLITE_STATIC);
	if (q->series_id > 0)
		sqlite3_bind_int64(st, 4, q->series_id);
	return st;
}

/* A caller's callback and its argument, for the row converters below. */
struct observations_read_call {
	const struct observations_read_range	*range;	/* of a query */
	union {
		observations_row_fn		 row;
		observations_series_fn		 series;
		observations_revision_fn	 revision;
	} fn;
	void					*arg;
};

static int
observations_read_observation(sqlite3_stmt *st, void *arg)
{
	const struct observations_read_call *call = arg;
	struct observation_row r;

	r.period = sql_text(st, 4);
	if (!observations_read_range_has(call->range, r.period))
		return 0;
	r.series_id = sqlite3_column_int64(st, 0);
	r.indicator = sql_text(st, 1);
	r.region = sql_text(st, 2);
	r.dims = sql_text(st, 3);
	r.has_value = sqlite3_column_type(st, 5) != SQLITE_NULL;
	r.value = sqlite3_column_double(st, 5);
	r.flag = sql_text(st, 6);
	r.unit = sql_text(st, 7);
	r.source = sql_text(st, 8);
	r.note = sql_text(st, 9);
	r.batch_id = sqlite3_column_int64(st, 10);
	return call->fn.row(&r, call->arg);
}

int
observations_query(struct db *db, const struct observations_query *q,
    observations_row_fn fn, void *arg, struct error *e)
{
	static const char select[] = "SELECT s.id, i.code, g.code, s.dims, "
	    "o.period, o.value, o.flag, o.unit, o.source, o.note, o.batch_id "
	    "FROM observation o JOIN series s ON s.id = o.series_id "
	    "JOIN indicator i ON i.id = s.indicator_id "
	    "JOIN region g ON g.id = s.region_id";
	struct observations_read_range range;
	struct observations_read_call call = { .range = &range, .fn.row = fn,
	    .arg = arg };

	if (observations_read_range_init(&range, q, e) == -1)
		return -1;
	return sql_rows(db, observations_read_prepare(db, select, q,
	    " ORDER BY i.code, g.code, s.dims, o.period", e),
	    observations_read_observation, &call, e);
}

static int
observations_read_series_row(sqlite3_stmt *st, void *arg)
{
	const struct observations_read_call *call = arg;
	struct series_row r;

	r.id = sqlite3_column_int64(st, 0);
	r.indicator = sql_text(st, 1);
	r.region = sql_text(st, 2);
	r.dims = sql_text(st, 3);
	r.count = sqlite3_column_int64(st, 4);
	r.first = sql_text(st, 5);
	r.last = sql_text(st, 6);
	return call->fn.series(&r, call->arg);
}

int
observations_series(struct db *db, const struct observations_query *q,
    observations_series_fn fn, void *arg, struct error *e)
{
	static const char select[] = "SELECT s.id, i.code, g.code, s.dims, "
	    "(SELECT count(*) FROM observation o WHERE o.series_id = s.id), "
	    "(SELECT min(period) FROM observation o WHERE o.series_id = s.id), "
	    "(SELECT max(period) FROM observation o WHERE o.series_id = s.id) "
	    "FROM series s JOIN indicator i ON i.id = s.indicator_id "
	    "JOIN region g ON g.id = s.region_id";
	struct observations_read_call call = { .fn.series = fn, .arg = arg };

	return sql_rows(db, observations_read_prepare(db, select, q,
	    " ORDER BY i.code, g.code, s.dims", e),
	    observations_read_series_row, &call, e);
}

static int
observations_read_revision(sqlite3_stmt *st, void *arg)
{
	const struct observations_read_call *call = arg;
	struct revision_row r;

	r.id = sqlite3_column_int64(st, 0);
	r.period = sql_text(st, 1);
	r.had_value = sqlite3_column_type(st, 2) != SQLITE_NULL;
	r.old_value = sqlite3_column_double(st, 2);
	r.old_flag = sql_text(st, 3);
	r.has_value = sqlite3_column_type(st, 4) != SQLITE_NULL;
	r.new_value = sqlite3_column_double(st, 4);
	r.new_flag = sql_text(st, 5);
	r.old_batch_id = sqlite3_column_int64(st, 6);
	r.batch_id = sqlite3_column_int64(st, 7);
	r.batch_file = sql_text(st, 8);
	r.batch_time = sql_text(st, 9);
	return call->fn.revision(&r, call->arg);
}

int
observations_revisions(struct db *db, long long series_id,
    observations_revision_fn fn, void *arg, struct error *e)
{
	struct observations_read_call call = { .fn.revision = fn, .arg = arg };
	sqlite3_stmt *st;

	if ((st = sql_prepare(db,
	    "SELECT r.id, r.period, r.old_value, r.old_flag, r.new_value, "
	    "r.new_flag, r.old_batch_id, r.batch_id, b.file_name, b.created_at "
	    "FROM revision r JOIN batch b ON b.id = r.batch_id "
	    "WHERE r.series_id = ?1 ORDER BY r.period, r.id", e)) != NULL)
		sqlite3_bind_int64(st, 1, series_id);
	return sql_rows(db, st, observations_read_revision, &call, e);
}

int
observations_latest(struct db *db, const char *indicator,
    observations_latest_fn fn, void *arg, struct error *e)
{
	sqlite3_stmt *st;
	struct buf region = BUF_INIT;
	char best[PERIOD_TEXT_MAX] = "";
	struct period best_p = { 0, PERIOD_YEAR, 0 };
	long long count = 0;
	int rc, stop = 0;

	if ((st = sql_prepare(db, "SELECT g.code, o.period FROM observation o "
	    "JOIN series s ON s.id = o.series_id "
	    "JOIN indicator i ON i.id = s.indicator_id "
	    "JOIN region g ON g.id = s.region_id "
	    "WHERE i.code = ?1 AND o.value IS NOT NULL ORDER BY g.code",
	    e)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, indicator, -1, SQLITE_STATIC);
	/* Periods are compared as periods (2017-Q4 after 2017), not as text. */
	for (;;) {
		const char *code = NULL, *period;
		struct period p;

		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			code = sql_text(st, 0);
		if (count > 0 && (code == NULL ||
		    strcmp(code, region.data) != 0)) {
			struct latest_row r = { region.data, best, count };
			if ((stop = fn(&r, arg)) != 0)
				break;
			count = 0;
		}
		if (code == NULL)
			break;
		period = sql_text(st, 1);
		if (period_parse(period, strlen(period), &p) == -1)
			continue;
		if (count == 0 || period_compare(&p, &best_p) > 0) {
			best_p = p;
			period_format(&p, best);
		}
		if (count == 0) {
			buf_reset(&region);
			buf_puts(&region, code);
		}
		count++;
	}
	if (stop == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW)
		stop = sql_error(db, e);
	buf_free(&region);
	sqlite3_finalize(st);
	return stop;
}
