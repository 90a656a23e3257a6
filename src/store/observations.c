/* The time-series store.
 *
 * The writer is built for imports of a million rows: every statement is
 * prepared once, codes and series are looked up in hash tables (their number
 * grows with the catalogue, not with the file), and a series created in this
 * run skips the lookup of an old value, since it cannot have one: its
 * duplicates are caught by the primary key. Rows of older series that come
 * again in the run are caught by a TEMP table of keys seen, which lives on
 * disk like the rest, so memory stays flat. */
#include "store/observations.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/period.h"
#include "util/xalloc.h"

/* ---- a string → (a, b) hash table ---------------------------------------- */

struct obs_slot {
	char		*key;		/* bytes, not a string */
	size_t		 len;
	uint64_t	 hash;
	long long	 a, b;
};

struct obs_table {
	struct obs_slot	*slots;
	size_t		 cap, count;
};

static uint64_t
obs_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static struct obs_slot *
obs_table_find(struct obs_table *t, const char *key, size_t n, uint64_t h)
{
	size_t i;

	if (t->cap == 0)
		return NULL;
	for (i = h & (t->cap - 1); t->slots[i].key != NULL; i = (i + 1) & (t->cap - 1))
		if (t->slots[i].hash == h && t->slots[i].len == n &&
		    memcmp(t->slots[i].key, key, n) == 0)
			return &t->slots[i];
	return NULL;
}

static void
obs_table_put(struct obs_table *t, const char *key, size_t n, long long a,
    long long b)
{
	uint64_t h = obs_hash(key, n);
	size_t i;

	if ((t->count + 1) * 2 > t->cap) {
		struct obs_table bigger = { NULL, t->cap == 0 ? 64 : t->cap * 2, 0 };
		bigger.slots = xcalloc(bigger.cap, sizeof(*bigger.slots));
		for (i = 0; i < t->cap; i++) {
			struct obs_slot *s = &t->slots[i];
			size_t j;
			if (s->key == NULL)
				continue;
			for (j = s->hash & (bigger.cap - 1); bigger.slots[j].key;
			    j = (j + 1) & (bigger.cap - 1))
				;
			bigger.slots[j] = *s;
			bigger.count++;
		}
		free(t->slots);
		*t = bigger;
	}
	for (i = h & (t->cap - 1); t->slots[i].key != NULL; i = (i + 1) & (t->cap - 1))
		;
	t->slots[i].key = xmalloc(n + 1);
	memcpy(t->slots[i].key, key, n);
	t->slots[i].len = n;
	t->slots[i].hash = h;
	t->slots[i].a = a;
	t->slots[i].b = b;
	t->count++;
}

static void
obs_table_free(struct obs_table *t)
{
	size_t i;

	for (i = 0; i < t->cap; i++)
		free(t->slots[i].key);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}

/* ---- helpers ------------------------------------------------------------- */

static int
obs_fail(struct db *db, struct error *e)
{
	return error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
}

static int
obs_prepare(struct db *db, const char *sql, sqlite3_stmt **st, struct error *e)
{
	if (sqlite3_prepare_v3(db->sqlite, sql, -1, SQLITE_PREPARE_PERSISTENT, st,
	    NULL) != SQLITE_OK)
		return obs_fail(db, e);
	return 0;
}

static const char *
obs_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t != NULL ? (const char *)t : "";
}

static void
obs_bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s != NULL && *s != '\0')
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* Looks one code up with a prepared statement of one text parameter. */
static int
obs_lookup(struct db *db, sqlite3_stmt *st, const char *code, long long *id,
    long long *extra, struct error *e)
{
	int rc;

	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (extra != NULL)
			*extra = sqlite3_column_int64(st, 1);
		sqlite3_reset(st);
		return 1;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return obs_fail(db, e);
	return 0;
}

#define OBS_SQL_INDICATOR \
	"SELECT id, coalesce(classification_id, 0) FROM indicator WHERE code = ?1"
#define OBS_SQL_REGION \
	"SELECT id FROM region WHERE code = ?1 UNION ALL " \
	"SELECT region_id FROM region_alias WHERE alias = ?1 LIMIT 1"

static int
obs_lookup_once(struct db *db, const char *sql, const char *code, long long *id,
    struct error *e)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(db->sqlite, sql, -1, &st, NULL) != SQLITE_OK)
		return obs_fail(db, e);
	rc = obs_lookup(db, st, code, id, NULL, e);
	sqlite3_finalize(st);
	return rc;
}

int
observations_indicator_id(struct db *db, const char *code, long long *id,
    struct error *e)
{
	return obs_lookup_once(db, OBS_SQL_INDICATOR, code, id, e);
}

int
observations_region_id(struct db *db, const char *code_or_alias, long long *id,
    struct error *e)
{
	return obs_lookup_once(db, OBS_SQL_REGION, code_or_alias, id, e);
}

/* ---- the writer ---------------------------------------------------------- */

enum obs_stmt {
	ST_INDICATOR, ST_REGION, ST_SECTOR, ST_SERIES_FIND, ST_SERIES_ADD,
	ST_OBS_FIND, ST_OBS_ADD, ST_OBS_SET, ST_REVISION, ST_SEEN,
	ST__MAX
};

static const char *const obs_sql[ST__MAX] = {
	[ST_INDICATOR] = OBS_SQL_INDICATOR,
	[ST_REGION] = OBS_SQL_REGION,
	[ST_SECTOR] = "SELECT id FROM sector WHERE classification_id = ?2 AND "
	    "code = ?1",
	[ST_SERIES_FIND] = "SELECT id FROM series WHERE indicator_id = ?1 AND "
	    "region_id = ?2 AND dims = ?3",
	[ST_SERIES_ADD] = "INSERT INTO series(indicator_id, region_id, dims) "
	    "VALUES (?1, ?2, ?3)",
	[ST_OBS_FIND] = "SELECT value, flag, unit, source, note, batch_id FROM "
	    "observation WHERE series_id = ?1 AND period = ?2",
	[ST_OBS_ADD] = "INSERT INTO observation(series_id, period, value, flag, "
	    "unit, source, note, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[ST_OBS_SET] = "UPDATE observation SET value = ?3, flag = ?4, unit = ?5, "
	    "source = ?6, note = ?7, batch_id = ?8 WHERE series_id = ?1 AND "
	    "period = ?2",
	[ST_REVISION] = "INSERT INTO revision(series_id, period, old_value, "
	    "old_flag, new_value, new_flag, old_batch_id, batch_id) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[ST_SEEN] = "INSERT INTO temp.import_seen(series_id, period) VALUES (?1, ?2)",
};

/* Rows of series created in this run wait here and go in OBS_PENDING at a
 * time through one multi-row INSERT: per-statement work is then paid once
 * for many rows. Their text is copied into `text` (offsets below). */
#define OBS_PENDING 64

struct obs_pending {
	long long	 series_id;
	char		 period[PERIOD_TEXT_MAX];
	bool		 has_value;
	double		 value;
	size_t		 flag, unit, source, note;	/* offsets into text */
	long		 line, column;
};

struct observations_writer {
	struct db	*db;
	sqlite3_stmt	*st[ST__MAX];
	sqlite3_stmt	*add_many;
	struct obs_pending pending[OBS_PENDING];
	size_t		 npending;
	struct buf	 text;
	observations_duplicate_fn on_duplicate;
	void		*on_duplicate_arg;
	long long	 batch_id;
	long long	 run_first_batch;	/* batches of this run are >= */
	struct obs_table indicators, regions, sectors, series;
	struct buf	 key;
	long long	 last_series, last_indicator, last_region;
	bool		 last_fresh;
	struct buf	 last_dims;
};

int
observations_writer_open(struct db *db, struct observations_writer **out,
    struct error *e)
{
	struct observations_writer *w = xcalloc(1, sizeof(*w));
	sqlite3_stmt *st = NULL;
	int i, rc;

	*out = NULL;
	w->db = db;
	/* A page cache of 4 MiB (the default is 2 MiB): fewer spills in a big
	 * transaction, and still a fixed bound. */
	if (sqlite3_exec(db->sqlite, "PRAGMA cache_size = -4096; "
	    "CREATE TEMP TABLE IF NOT EXISTS import_seen("
	    "series_id INTEGER NOT NULL, period TEXT NOT NULL, "
	    "PRIMARY KEY (series_id, period)) WITHOUT ROWID; "
	    "DELETE FROM temp.import_seen", NULL, NULL, NULL) != SQLITE_OK) {
		obs_fail(db, e);
		goto fail;
	}
	for (i = 0; i < ST__MAX; i++)
		if (obs_prepare(db, obs_sql[i], &w->st[i], e) == -1)
			goto fail;
	{
		struct buf sql = BUF_INIT;
		buf_puts(&sql, "INSERT INTO observation(series_id, period, value, "
		    "flag, unit, source, note, batch_id) VALUES ");
		for (i = 0; i < OBS_PENDING; i++)
			buf_printf(&sql, "%s(?,?,?,?,?,?,?,?)", i > 0 ? "," : "");
		rc = obs_prepare(db, sql.data, &w->add_many, e);
		buf_free(&sql);
		if (rc == -1)
			goto fail;
	}
	if (sqlite3_prepare_v2(db->sqlite, "SELECT coalesce(max(id), 0) + 1 "
	    "FROM batch", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		obs_fail(db, e);
		sqlite3_finalize(st);
		goto fail;
	}
	w->run_first_batch = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	*out = w;
	return 0;
fail:
	observations_writer_close(w);
	return -1;
}

void
observations_writer_close(struct observations_writer *w)
{
	int i;

	if (w == NULL)
		return;
	/* Rows still waiting are written (errors are lost here: call
	 * observations_writer_flush() first to see them). */
	if (w->npending > 0 && w->add_many != NULL) {
		struct error e;
		observations_writer_flush(w, &e);
	}
	for (i = 0; i < ST__MAX; i++)
		sqlite3_finalize(w->st[i]);
	sqlite3_finalize(w->add_many);
	buf_free(&w->text);
	sqlite3_exec(w->db->sqlite, "DROP TABLE IF EXISTS temp.import_seen", NULL,
	    NULL, NULL);
	obs_table_free(&w->indicators);
	obs_table_free(&w->regions);
	obs_table_free(&w->sectors);
	obs_table_free(&w->series);
	buf_free(&w->key);
	buf_free(&w->last_dims);
	free(w);
}

void
observations_writer_on_duplicate(struct observations_writer *w,
    observations_duplicate_fn fn, void *arg)
{
	w->on_duplicate = fn;
	w->on_duplicate_arg = arg;
}

static void
obs_bind_pending(struct observations_writer *w, sqlite3_stmt *st, int base,
    const struct obs_pending *p)
{
	const char *t = w->text.data;

	sqlite3_bind_int64(st, base + 1, p->series_id);
	sqlite3_bind_text(st, base + 2, p->period, -1, SQLITE_STATIC);
	if (p->has_value)
		sqlite3_bind_double(st, base + 3, p->value);
	else
		sqlite3_bind_null(st, base + 3);
	sqlite3_bind_text(st, base + 4, t + p->flag, -1, SQLITE_STATIC);
	obs_bind_opt(st, base + 5, t + p->unit);
	obs_bind_opt(st, base + 6, t + p->source);
	obs_bind_opt(st, base + 7, t + p->note);
	sqlite3_bind_int64(st, base + 8, w->batch_id);
}

static int obs_step(struct observations_writer *w, sqlite3_stmt *st,
    struct error *e);

/* Writes the waiting rows. If the many-row INSERT meets a duplicate it is
 * undone as a whole, and the rows go in one by one to find which. */
int
observations_writer_flush(struct observations_writer *w, struct error *e)
{
	size_t i;
	int rc = 1;

	if (w->npending == 0)
		return 0;
	if (w->npending == OBS_PENDING) {
		for (i = 0; i < OBS_PENDING; i++)
			obs_bind_pending(w, w->add_many, (int)i * 8, &w->pending[i]);
		rc = obs_step(w, w->add_many, e);
		if (rc == -1)
			return -1;
	}
	for (i = 0; rc == 1 && i < w->npending; i++) {
		int one;
		obs_bind_pending(w, w->st[ST_OBS_ADD], 0, &w->pending[i]);
		one = obs_step(w, w->st[ST_OBS_ADD], e);
		if (one == -1)
			return -1;
		if (one == 1 && w->on_duplicate != NULL)
			w->on_duplicate(w->on_duplicate_arg, w->pending[i].line,
			    w->pending[i].column, w->pending[i].series_id,
			    w->pending[i].period);
	}
	w->npending = 0;
	buf_reset(&w->text);
	return 0;
}

int
observations_writer_set_batch(struct observations_writer *w, long long batch_id,
    struct error *e)
{
	if (observations_writer_flush(w, e) == -1)
		return -1;
	w->batch_id = batch_id;
	return 0;
}

int
observations_writer_describe(struct observations_writer *w, long long series_id,
    char *out, size_t size, struct error *e)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(w->db->sqlite, "SELECT i.code, g.code, s.dims "
	    "FROM series s JOIN indicator i ON i.id = s.indicator_id "
	    "JOIN region g ON g.id = s.region_id WHERE s.id = ?1", -1, &st, NULL)
	    != SQLITE_OK)
		return obs_fail(w->db, e);
	sqlite3_bind_int64(st, 1, series_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, size, "%s, %s%s%s", obs_text(st, 0), obs_text(st, 1),
		    *obs_text(st, 2) != '\0' ? ", " : "", obs_text(st, 2));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return obs_fail(w->db, e);
	return 0;
}

/* A cached lookup: unknown codes are cached too (id 0). */
static int
obs_cached(struct observations_writer *w, struct obs_table *t, enum obs_stmt s,
    const char *key, size_t n, const char *code, long long param2,
    long long *id, long long *extra, struct error *e)
{
	struct obs_slot *slot = obs_table_find(t, key, n, obs_hash(key, n));
	long long found = 0, more = 0;
	int rc;

	if (slot == NULL) {
		if (s == ST_SECTOR)
			sqlite3_bind_int64(w->st[s], 2, param2);
		rc = obs_lookup(w->db, w->st[s], code, &found, &more, e);
		if (rc == -1)
			return -1;
		obs_table_put(t, key, n, found, more);
		slot = obs_table_find(t, key, n, obs_hash(key, n));
	}
	*id = slot->a;
	if (extra != NULL)
		*extra = slot->b;
	return slot->a != 0 ? 1 : 0;
}

int
observations_writer_indicator(struct observations_writer *w, const char *code,
    long long *id, long long *classification_id, struct error *e)
{
	return obs_cached(w, &w->indicators, ST_INDICATOR, code, strlen(code),
	    code, 0, id, classification_id, e);
}

int
observations_writer_region(struct observations_writer *w,
    const char *code_or_alias, long long *id, struct error *e)
{
	return obs_cached(w, &w->regions, ST_REGION, code_or_alias,
	    strlen(code_or_alias), code_or_alias, 0, id, NULL, e);
}

int
observations_writer_sector(struct observations_writer *w,
    long long classification_id, const char *code, struct error *e)
{
	long long id;

	buf_reset(&w->key);
	buf_append(&w->key, &classification_id, sizeof(classification_id));
	buf_puts(&w->key, code);
	return obs_cached(w, &w->sectors, ST_SECTOR, w->key.data, w->key.len,
	    code, classification_id, &id, NULL, e);
}

/* The series id (b = 1 when created in this run). */
static int
obs_series(struct observations_writer *w, long long indicator_id,
    long long region_id, const char *dims, long long *id, bool *fresh,
    struct error *e)
{
	struct obs_slot *slot;
	sqlite3_stmt *st;
	uint64_t h;
	int rc;

	/* The same series as the row before: the usual case in a sorted file. */
	if (w->last_series != 0 && indicator_id == w->last_indicator &&
	    region_id == w->last_region && strcmp(dims, w->last_dims.data) == 0) {
		*id = w->last_series;
		*fresh = w->last_fresh;
		return 0;
	}
	buf_reset(&w->key);
	buf_append(&w->key, &indicator_id, sizeof(indicator_id));
	buf_append(&w->key, &region_id, sizeof(region_id));
	buf_puts(&w->key, dims);
	h = obs_hash(w->key.data, w->key.len);
	if ((slot = obs_table_find(&w->series, w->key.data, w->key.len, h)) != NULL) {
		*id = slot->a;
		*fresh = slot->b != 0;
		goto remember;
	}
	st = w->st[ST_SERIES_FIND];
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, indicator_id);
	sqlite3_bind_int64(st, 2, region_id);
	sqlite3_bind_text(st, 3, dims, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*fresh = false;
		sqlite3_reset(st);
	} else if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		st = w->st[ST_SERIES_ADD];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, indicator_id);
		sqlite3_bind_int64(st, 2, region_id);
		sqlite3_bind_text(st, 3, dims, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_reset(st);
			return obs_fail(w->db, e);
		}
		sqlite3_reset(st);
		*id = sqlite3_last_insert_rowid(w->db->sqlite);
		*fresh = true;
	} else {
		sqlite3_reset(st);
		return obs_fail(w->db, e);
	}
	obs_table_put(&w->series, w->key.data, w->key.len, *id, *fresh ? 1 : 0);
remember:
	w->last_series = *id;
	w->last_fresh = *fresh;
	w->last_indicator = indicator_id;
	w->last_region = region_id;
	buf_reset(&w->last_dims);
	buf_puts(&w->last_dims, dims);
	return 0;
}

static void
obs_bind_value(sqlite3_stmt *st, long long series_id, const char *period,
    const struct observation_value *v, long long batch_id)
{
	sqlite3_bind_int64(st, 1, series_id);
	sqlite3_bind_text(st, 2, period, -1, SQLITE_STATIC);
	if (v->has_value)
		sqlite3_bind_double(st, 3, v->value);
	else
		sqlite3_bind_null(st, 3);
	sqlite3_bind_text(st, 4, v->flag != NULL ? v->flag : "", -1,
	    SQLITE_STATIC);
	obs_bind_opt(st, 5, v->unit);
	obs_bind_opt(st, 6, v->source);
	obs_bind_opt(st, 7, v->note);
	sqlite3_bind_int64(st, 8, batch_id);
}

static bool
obs_same_text(sqlite3_stmt *st, int col, const char *s)
{
	return strcmp(obs_text(st, col), s != NULL ? s : "") == 0;
}

/* Runs a prepared INSERT/UPDATE; 1 on a constraint violation, else 0/-1. */
static int
obs_step(struct observations_writer *w, sqlite3_stmt *st, struct error *e)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return 1;
	return obs_fail(w->db, e);
}

int
observations_writer_put(struct observations_writer *w, long long indicator_id,
    long long region_id, const char *dims, const char *period,
    const struct observation_value *v, long line, long column,
    enum observations_put *result, struct error *e)
{
	long long series_id = 0, old_batch;
	sqlite3_stmt *st;
	bool fresh = false, had_value, same;
	double old_value = 0;
	char old_flag[32];
	int rc;

	if (obs_series(w, indicator_id, region_id, dims, &series_id, &fresh, e) == -1)
		return -1;
	if (!fresh) {
		st = w->st[ST_OBS_FIND];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, series_id);
		sqlite3_bind_text(st, 2, period, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			old_batch = sqlite3_column_int64(st, 5);
			if (old_batch >= w->run_first_batch) {
				sqlite3_reset(st);
				*result = OBSERVATIONS_DUPLICATE;
				return 0;
			}
			had_value = sqlite3_column_type(st, 0) != SQLITE_NULL;
			old_value = sqlite3_column_double(st, 0);
			snprintf(old_flag, sizeof(old_flag), "%s", obs_text(st, 1));
			same = had_value == v->has_value &&
			    (!had_value || old_value == v->value) &&
			    strcmp(old_flag, v->flag != NULL ? v->flag : "") == 0;
			bool meta_same = obs_same_text(st, 2, v->unit) &&
			    obs_same_text(st, 3, v->source) &&
			    obs_same_text(st, 4, v->note);
			sqlite3_reset(st);
			/* Seen before in this run, unchanged then? */
			st = w->st[ST_SEEN];
			sqlite3_bind_int64(st, 1, series_id);
			sqlite3_bind_text(st, 2, period, -1, SQLITE_STATIC);
			if ((rc = obs_step(w, st, e)) != 0) {
				if (rc == -1)
					return -1;
				*result = OBSERVATIONS_DUPLICATE;
				return 0;
			}
			if (same && meta_same) {
				*result = OBSERVATIONS_UNCHANGED;
				return 0;
			}
			st = w->st[ST_OBS_SET];
			obs_bind_value(st, series_id, period, v, w->batch_id);
			if (obs_step(w, st, e) != 0)
				return -1;
			if (!same) {
				st = w->st[ST_REVISION];
				sqlite3_bind_int64(st, 1, series_id);
				sqlite3_bind_text(st, 2, period, -1, SQLITE_STATIC);
				if (had_value)
					sqlite3_bind_double(st, 3, old_value);
				else
					sqlite3_bind_null(st, 3);
				sqlite3_bind_text(st, 4, old_flag, -1, SQLITE_STATIC);
				if (v->has_value)
					sqlite3_bind_double(st, 5, v->value);
				else
					sqlite3_bind_null(st, 5);
				sqlite3_bind_text(st, 6, v->flag != NULL ? v->flag : "",
				    -1, SQLITE_STATIC);
				sqlite3_bind_int64(st, 7, old_batch);
				sqlite3_bind_int64(st, 8, w->batch_id);
				if (obs_step(w, st, e) != 0)
					return -1;
			}
			*result = OBSERVATIONS_CHANGED;
			return 0;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return obs_fail(w->db, e);
	}
	if (fresh) {
		struct obs_pending *p;
		if (w->npending == OBS_PENDING &&
		    observations_writer_flush(w, e) == -1)
			return -1;
		p = &w->pending[w->npending++];
		p->series_id = series_id;
		snprintf(p->period, sizeof(p->period), "%s", period);
		p->has_value = v->has_value;
		p->value = v->value;
		p->line = line;
		p->column = column;
		p->flag = w->text.len;
		buf_puts(&w->text, v->flag != NULL ? v->flag : "");
		buf_putc(&w->text, '\0');
		p->unit = w->text.len;
		buf_puts(&w->text, v->unit != NULL ? v->unit : "");
		buf_putc(&w->text, '\0');
		p->source = w->text.len;
		buf_puts(&w->text, v->source != NULL ? v->source : "");
		buf_putc(&w->text, '\0');
		p->note = w->text.len;
		buf_puts(&w->text, v->note != NULL ? v->note : "");
		buf_putc(&w->text, '\0');
		*result = OBSERVATIONS_NEW;
		return 0;
	}
	st = w->st[ST_OBS_ADD];
	obs_bind_value(st, series_id, period, v, w->batch_id);
	rc = obs_step(w, st, e);
	if (rc == -1)
		return -1;
	*result = rc == 1 ? OBSERVATIONS_DUPLICATE : OBSERVATIONS_NEW;
	return 0;
}

/* ---- reading --------------------------------------------------------------- */

/* The months a period covers, as ordinals year*12 + month - 1. */
static void
obs_period_months(const struct period *p, long *first, long *last)
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

struct obs_range {
	bool	has_from, has_to;
	long	from, to;	/* months */
};

static int
obs_range_init(struct obs_range *r, const struct observations_query *q,
    struct error *e)
{
	struct period p;
	long a, b;

	memset(r, 0, sizeof(*r));
	if (q->from != NULL) {
		if (period_parse(q->from, strlen(q->from), &p) == -1)
			return error_set(e, "bad period '%s' (2017, 2017-Q2 or "
			    "2017-06)", q->from);
		obs_period_months(&p, &a, &b);
		r->has_from = true;
		r->from = a;
	}
	if (q->to != NULL) {
		if (period_parse(q->to, strlen(q->to), &p) == -1)
			return error_set(e, "bad period '%s' (2017, 2017-Q2 or "
			    "2017-06)", q->to);
		obs_period_months(&p, &a, &b);
		r->has_to = true;
		r->to = b;
	}
	return 0;
}

static bool
obs_range_has(const struct obs_range *r, const char *period)
{
	struct period p;
	long a, b;

	if (!r->has_from && !r->has_to)
		return true;
	if (period_parse(period, strlen(period), &p) == -1)
		return false;
	obs_period_months(&p, &a, &b);
	return (!r->has_from || a >= r->from) && (!r->has_to || b <= r->to);
}

/* Appends the WHERE conditions of q on series s, indicator i, region g. */
static void
obs_where(struct buf *sql, const struct observations_query *q)
{
	buf_puts(sql, " WHERE 1");
	if (q->indicator != NULL)
		buf_puts(sql, " AND i.code = ?1");
	if (q->region != NULL)
		buf_puts(sql, " AND (g.code = ?2 OR g.id = (SELECT region_id FROM "
		    "region_alias WHERE alias = ?2))");
	if (q->dims != NULL)
		buf_puts(sql, " AND s.dims = ?3");
	if (q->series_id > 0)
		buf_puts(sql, " AND s.id = ?4");
}

static void
obs_bind_query(sqlite3_stmt *st, const struct observations_query *q)
{
	if (q->indicator != NULL)
		sqlite3_bind_text(st, 1, q->indicator, -1, SQLITE_STATIC);
	if (q->region != NULL)
		sqlite3_bind_text(st, 2, q->region, -1, SQLITE_STATIC);
	if (q->dims != NULL)
		sqlite3_bind_text(st, 3, q->dims, -1, SQLITE_STATIC);
	if (q->series_id > 0)
		sqlite3_bind_int64(st, 4, q->series_id);
}

int
observations_query(struct db *db, const struct observations_query *q,
    observations_row_fn fn, void *arg, struct error *e)
{
	struct buf sql = BUF_INIT;
	struct obs_range range;
	sqlite3_stmt *st = NULL;
	int rc, stop = 0;

	if (obs_range_init(&range, q, e) == -1)
		return -1;
	buf_puts(&sql, "SELECT s.id, i.code, g.code, s.dims, o.period, o.value, "
	    "o.flag, o.unit, o.source, o.note, o.batch_id FROM observation o "
	    "JOIN series s ON s.id = o.series_id "
	    "JOIN indicator i ON i.id = s.indicator_id "
	    "JOIN region g ON g.id = s.region_id");
	obs_where(&sql, q);
	buf_puts(&sql, " ORDER BY i.code, g.code, s.dims, o.period");
	if (sqlite3_prepare_v2(db->sqlite, sql.data, -1, &st, NULL) != SQLITE_OK) {
		buf_free(&sql);
		return obs_fail(db, e);
	}
	buf_free(&sql);
	obs_bind_query(st, q);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct observation_row r;
		r.period = obs_text(st, 4);
		if (!obs_range_has(&range, r.period))
			continue;
		r.series_id = sqlite3_column_int64(st, 0);
		r.indicator = obs_text(st, 1);
		r.region = obs_text(st, 2);
		r.dims = obs_text(st, 3);
		r.has_value = sqlite3_column_type(st, 5) != SQLITE_NULL;
		r.value = sqlite3_column_double(st, 5);
		r.flag = obs_text(st, 6);
		r.unit = obs_text(st, 7);
		r.source = obs_text(st, 8);
		r.note = obs_text(st, 9);
		r.batch_id = sqlite3_column_int64(st, 10);
		if ((stop = fn(&r, arg)) != 0)
			break;
	}
	if (stop == 0 && rc != SQLITE_DONE) {
		obs_fail(db, e);
		stop = -1;
	}
	sqlite3_finalize(st);
	return stop;
}

int
observations_series(struct db *db, const struct observations_query *q,
    observations_series_fn fn, void *arg, struct error *e)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc, stop = 0;

	buf_puts(&sql, "SELECT s.id, i.code, g.code, s.dims, "
	    "(SELECT count(*) FROM observation o WHERE o.series_id = s.id), "
	    "(SELECT min(period) FROM observation o WHERE o.series_id = s.id), "
	    "(SELECT max(period) FROM observation o WHERE o.series_id = s.id) "
	    "FROM series s JOIN indicator i ON i.id = s.indicator_id "
	    "JOIN region g ON g.id = s.region_id");
	obs_where(&sql, q);
	buf_puts(&sql, " ORDER BY i.code, g.code, s.dims");
	if (sqlite3_prepare_v2(db->sqlite, sql.data, -1, &st, NULL) != SQLITE_OK) {
		buf_free(&sql);
		return obs_fail(db, e);
	}
	buf_free(&sql);
	obs_bind_query(st, q);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct series_row r;
		r.id = sqlite3_column_int64(st, 0);
		r.indicator = obs_text(st, 1);
		r.region = obs_text(st, 2);
		r.dims = obs_text(st, 3);
		r.count = sqlite3_column_int64(st, 4);
		r.first = obs_text(st, 5);
		r.last = obs_text(st, 6);
		if ((stop = fn(&r, arg)) != 0)
			break;
	}
	if (stop == 0 && rc != SQLITE_DONE) {
		obs_fail(db, e);
		stop = -1;
	}
	sqlite3_finalize(st);
	return stop;
}

int
observations_revisions(struct db *db, long long series_id,
    observations_revision_fn fn, void *arg, struct error *e)
{
	sqlite3_stmt *st = NULL;
	int rc, stop = 0;

	if (sqlite3_prepare_v2(db->sqlite,
	    "SELECT r.id, r.period, r.old_value, r.old_flag, r.new_value, "
	    "r.new_flag, r.old_batch_id, r.batch_id, b.file_name, b.created_at "
	    "FROM revision r JOIN batch b ON b.id = r.batch_id "
	    "WHERE r.series_id = ?1 ORDER BY r.period, r.id", -1, &st, NULL)
	    != SQLITE_OK)
		return obs_fail(db, e);
	sqlite3_bind_int64(st, 1, series_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct revision_row r;
		r.id = sqlite3_column_int64(st, 0);
		r.period = obs_text(st, 1);
		r.had_value = sqlite3_column_type(st, 2) != SQLITE_NULL;
		r.old_value = sqlite3_column_double(st, 2);
		r.old_flag = obs_text(st, 3);
		r.has_value = sqlite3_column_type(st, 4) != SQLITE_NULL;
		r.new_value = sqlite3_column_double(st, 4);
		r.new_flag = obs_text(st, 5);
		r.old_batch_id = sqlite3_column_int64(st, 6);
		r.batch_id = sqlite3_column_int64(st, 7);
		r.batch_file = obs_text(st, 8);
		r.batch_time = obs_text(st, 9);
		if ((stop = fn(&r, arg)) != 0)
			break;
	}
	if (stop == 0 && rc != SQLITE_DONE) {
		obs_fail(db, e);
		stop = -1;
	}
	sqlite3_finalize(st);
	return stop;
}

int
observations_latest(struct db *db, const char *indicator,
    observations_latest_fn fn, void *arg, struct error *e)
{
	sqlite3_stmt *st = NULL;
	struct buf region = BUF_INIT;
	char best[PERIOD_TEXT_MAX] = "";
	struct period best_p = { 0, PERIOD_YEAR, 0 };
	long long count = 0;
	int rc, stop = 0;

	if (sqlite3_prepare_v2(db->sqlite,
	    "SELECT g.code, o.period FROM observation o "
	    "JOIN series s ON s.id = o.series_id "
	    "JOIN indicator i ON i.id = s.indicator_id "
	    "JOIN region g ON g.id = s.region_id "
	    "WHERE i.code = ?1 AND o.value IS NOT NULL ORDER BY g.code", -1, &st,
	    NULL) != SQLITE_OK)
		return obs_fail(db, e);
	sqlite3_bind_text(st, 1, indicator, -1, SQLITE_STATIC);
	/* Periods are compared as periods (2017-Q4 after 2017), not as text. */
	for (;;) {
		const char *code = NULL, *period;
		struct period p;

		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			code = obs_text(st, 0);
		if (count > 0 && (code == NULL || strcmp(code, region.data) != 0)) {
			struct latest_row r = { region.data, best, count };
			if ((stop = fn(&r, arg)) != 0)
				break;
			count = 0;
		}
		if (code == NULL)
			break;
		period = obs_text(st, 1);
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
	if (stop == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW) {
		obs_fail(db, e);
		stop = -1;
	}
	buf_free(&region);
	sqlite3_finalize(st);
	return stop;
}
