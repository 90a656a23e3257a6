/* The time-series store: lookups and the import writer (reading is in
 * observations_read.c).
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

#include "store/sql.h"
#include "util/buf.h"
#include "util/period.h"
#include "util/xalloc.h"

/* ---- a string → (a, b) hash table -------------------------------------- */

struct observations_slot {
	char		*key;		/* bytes, not a string */
	size_t		 len;
	uint64_t	 hash;
	long long	 a, b;
};

struct observations_table {
	struct observations_slot	*slots;
	size_t		 cap, count;
};

static uint64_t
observations_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static struct observations_slot *
observations_table_find(struct observations_table *t, const char *key,
    size_t n, uint64_t h)
{
	size_t i;

	if (t->cap == 0)
		return NULL;
	for (i = h & (t->cap - 1); t->slots[i].key != NULL;
	    i = (i + 1) & (t->cap - 1))
		if (t->slots[i].hash == h && t->slots[i].len == n &&
		    memcmp(t->slots[i].key, key, n) == 0)
			return &t->slots[i];
	return NULL;
}

/* The first empty slot from hash h on (linear probing). */
static size_t
observations_table_empty(const struct observations_table *t, uint64_t h)
{
	size_t i;

	for (i = h & (t->cap - 1); t->slots[i].key != NULL;
	    i = (i + 1) & (t->cap - 1))
		;
	return i;
}

static void
observations_table_put(struct observations_table *t, const char *key,
    size_t n, long long a, long long b)
{
	uint64_t h = observations_hash(key, n);
	size_t i;

	if ((t->count + 1) * 2 > t->cap) {
		struct observations_table bigger = { NULL,
		    t->cap == 0 ? 64 : t->cap * 2, 0 };
		bigger.slots = xcalloc(bigger.cap, sizeof(*bigger.slots));
		for (i = 0; i < t->cap; i++) {
			struct observations_slot *s = &t->slots[i];
			if (s->key == NULL)
				continue;
			bigger.slots[observations_table_empty(&bigger,
			    s->hash)] = *s;
			bigger.count++;
		}
		free(t->slots);
		*t = bigger;
	}
	i = observations_table_empty(t, h);
	t->slots[i].key = xmalloc(n + 1);
	memcpy(t->slots[i].key, key, n);
	t->slots[i].len = n;
	t->slots[i].hash = h;
	t->slots[i].a = a;
	t->slots[i].b = b;
	t->count++;
}

static void
observations_table_free(struct observations_table *t)
{
	size_t i;

	for (i = 0; i < t->cap; i++)
		free(t->slots[i].key);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}

/* ---- helpers ------------------------------------------------------------- */

/* Looks one code up with a prepared statement of one text parameter. */
static int
observations_lookup(struct db *db, sqlite3_stmt *st, const char *code,
    long long *id, long long *extra, struct error *e)
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
		return sql_error(db, e);
	return 0;
}

#define OBSERVATIONS_SQL_INDICATOR \
	"SELECT id, coalesce(classification_id, 0) FROM indicator " \
	"WHERE code = ?1"
#define OBSERVATIONS_SQL_REGION \
	"SELECT id FROM region WHERE code = ?1 UNION ALL " \
	"SELECT region_id FROM region_alias WHERE alias = ?1 LIMIT 1"

/* The first column of sql's row for code into *id (only when found). */
static int
observations_lookup_once(struct db *db, const char *sql, const char *code,
    long long *id, struct error *e)
{
	int64_t found;

	if (sql_code_id(db, sql, code, &found, e) == -1)
		return -1;
	if (found == 0)
		return 0;
	*id = found;
	return 1;
}

int
observations_indicator_id(struct db *db, const char *code, long long *id,
    struct error *e)
{
	return observations_lookup_once(db, OBSERVATIONS_SQL_INDICATOR, code,
	    id, e);
}

int
observations_region_id(struct db *db, const char *code_or_alias, long long *id,
    struct error *e)
{
	return observations_lookup_once(db, OBSERVATIONS_SQL_REGION,
	    code_or_alias, id, e);
}

/* ---- the writer ---------------------------------------------------------- */

enum observations_stmt {
	ST_INDICATOR, ST_REGION, ST_SECTOR, ST_SERIES_FIND, ST_SERIES_ADD,
	ST_OBS_FIND, ST_OBS_ADD, ST_OBS_SET, ST_REVISION, ST_SEEN,
	ST__MAX
};

static const char *const observations_sql[ST__MAX] = {
	[ST_INDICATOR] = OBSERVATIONS_SQL_INDICATOR,
	[ST_REGION] = OBSERVATIONS_SQL_REGION,
	[ST_SECTOR] = "SELECT id FROM sector WHERE classification_id = ?2 AND "
	    "code = ?1",
	[ST_SERIES_FIND] = "SELECT id FROM series WHERE indicator_id = ?1 AND "
	    "region_id = ?2 AND dims = ?3",
	[ST_SERIES_ADD] = "INSERT INTO series(indicator_id, region_id, dims) "
	    "VALUES (?1, ?2, ?3)",
	[ST_OBS_FIND] = "SELECT value, flag, unit, source, note, batch_id FROM "
	    "observation WHERE series_id = ?1 AND period = ?2",
	[ST_OBS_ADD] = "INSERT INTO observation(series_id, period, value, "
	    "flag, unit, source, note, batch_id) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[ST_OBS_SET] = "UPDATE observation SET value = ?3, flag = ?4, "
	    "unit = ?5, "
	    "source = ?6, note = ?7, batch_id = ?8 WHERE series_id = ?1 AND "
	    "period = ?2",
	[ST_REVISION] = "INSERT INTO revision(series_id, period, old_value, "
	    "old_flag, new_value, new_flag, old_batch_id, batch_id) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[ST_SEEN] = "INSERT INTO temp.import_seen(series_id, period) "
	    "VALUES (?1, ?2)",
};

/* Rows of series created in this run wait here and go in OBSERVATIONS_PENDING
 * at a time through one multi-row INSERT: per-statement work is then paid
 * once for many rows. Their text is copied into `text` (offsets below). */
#define OBSERVATIONS_PENDING 64

struct observations_pending {
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
	struct observations_pending pending[OBSERVATIONS_PENDING];
	size_t		 npending;
	struct buf	 text;
	observations_duplicate_fn on_duplicate;
	void		*on_duplicate_arg;
	long long	 batch_id;
	long long	 run_first_batch;	/* batches of this run are >= */
	struct observations_table indicators, regions, sectors, series;
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
	int i;

	*out = NULL;
	w->db = db;
	/* A page cache of 4 MiB (the default is 2 MiB): fewer spills in a big
	 * transaction, and still a fixed bound. */
	if (sqlite3_exec(db->sqlite, "PRAGMA cache_size = -4096; "
	    "CREATE TEMP TABLE IF NOT EXISTS import_seen("
	    "series_id INTEGER NOT NULL, period TEXT NOT NULL, "
	    "PRIMARY KEY (series_id, period)) WITHOUT ROWID; "
	    "DELETE FROM temp.import_seen", NULL, NULL, NULL) != SQLITE_OK) {
		sql_error(db, e);
		goto fail;
	}
	for (i = 0; i < ST__MAX; i++)
		if ((w->st[i] = sql_prepare_persistent(db, observations_sql[i],
		    e)) == NULL)
			goto fail;
	{
		struct buf sql = BUF_INIT;
		buf_puts(&sql, "INSERT INTO observation(series_id, period, "
		    "value, flag, unit, source, note, batch_id) VALUES ");
		for (i = 0; i < OBSERVATIONS_PENDING; i++)
			buf_printf(&sql, "%s(?,?,?,?,?,?,?,?)",
			    i > 0 ? "," : "");
		w->add_many = sql_prepare_persistent(db, sql.data, e);
		buf_free(&sql);
		if (w->add_many == NULL)
			goto fail;
	}
	if ((st = sql_prepare(db, "SELECT coalesce(max(id), 0) + 1 FROM batch",
	    e)) == NULL)
		goto fail;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sql_error(db, e);
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
	sqlite3_exec(w->db->sqlite, "DROP TABLE IF EXISTS temp.import_seen",
	    NULL, NULL, NULL);
	observations_table_free(&w->indicators);
	observations_table_free(&w->regions);
	observations_table_free(&w->sectors);
	observations_table_free(&w->series);
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

/* Binds one observation's row (series, period, value, flag, unit, source,
 * note, batch) to parameters base + 1 to base + 8. */
static void
observations_bind_value(sqlite3_stmt *st, int base, long long series_id,
    const char *period, const struct observation_value *v, long long batch_id)
{
	sqlite3_bind_int64(st, base + 1, series_id);
	sqlite3_bind_text(st, base + 2, period, -1, SQLITE_STATIC);
	sql_bind_number(st, base + 3, v->has_value, v->value);
	sqlite3_bind_text(st, base + 4, v->flag != NULL ? v->flag : "", -1,
	    SQLITE_STATIC);
	sql_bind_nonempty(st, base + 5, v->unit);
	sql_bind_nonempty(st, base + 6, v->source);
	sql_bind_nonempty(st, base + 7, v->note);
	sqlite3_bind_int64(st, base + 8, batch_id);
}

static void
observations_bind_pending(struct observations_writer *w, sqlite3_stmt *st,
    int base, const struct observations_pending *p)
{
	const char *t = w->text.data;
	struct observation_value v = { p->has_value, p->value, t + p->flag,
	    t + p->unit, t + p->source, t + p->note };

	observations_bind_value(st, base, p->series_id, p->period, &v,
	    w->batch_id);
}

static int observations_step(struct observations_writer *w, sqlite3_stmt *st,
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
	if (w->npending == OBSERVATIONS_PENDING) {
		for (i = 0; i < OBSERVATIONS_PENDING; i++)
			observations_bind_pending(w, w->add_many, (int)i * 8,
			    &w->pending[i]);
		rc = observations_step(w, w->add_many, e);
		if (rc == -1)
			return -1;
	}
	for (i = 0; rc == 1 && i < w->npending; i++) {
		int one;
		observations_bind_pending(w, w->st[ST_OBS_ADD], 0,
		    &w->pending[i]);
		one = observations_step(w, w->st[ST_OBS_ADD], e);
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

	if ((st = sql_prepare(w->db, "SELECT i.code, g.code, s.dims "
	    "FROM series s JOIN indicator i ON i.id = s.indicator_id "
	    "JOIN region g ON g.id = s.region_id WHERE s.id = ?1", e)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, series_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, size, "%s, %s%s%s", sql_text(st, 0),
		    sql_text(st, 1), *sql_text(st, 2) != '\0' ? ", " : "",
		    sql_text(st, 2));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return sql_error(w->db, e);
	return 0;
}

/* A cached lookup: unknown codes are cached too (id 0). */
static int
observations_cached(struct observations_writer *w, struct observations_table *t,
    enum observations_stmt s, const char *key, size_t n, const char *code,
    long long param2, long long *id, long long *extra, struct error *e)
{
	struct observations_slot *slot = observations_table_find(t, key, n,
	    observations_hash(key, n));
	long long found = 0, more = 0;
	int rc;

	if (slot == NULL) {
		if (s == ST_SECTOR)
			sqlite3_bind_int64(w->st[s], 2, param2);
		rc = observations_lookup(w->db, w->st[s], code, &found, &more,
		    e);
		if (rc == -1)
			return -1;
		observations_table_put(t, key, n, found, more);
		slot = observations_table_find(t, key, n,
		    observations_hash(key, n));
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
	return observations_cached(w, &w->indicators, ST_INDICATOR, code,
	    strlen(code), code, 0, id, classification_id, e);
}

int
observations_writer_region(struct observations_writer *w,
    const char *code_or_alias, long long *id, struct error *e)
{
	return observations_cached(w, &w->regions, ST_REGION, code_or_alias,
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
	return observations_cached(w, &w->sectors, ST_SECTOR, w->key.data,
	    w->key.len, code, classification_id, &id, NULL, e);
}

/* The series id (b = 1 when created in this run). */
static int
observations_find_series(struct observations_writer *w, long long indicator_id,
    long long region_id, const char *dims, long long *id, bool *fresh,
    struct error *e)
{
	struct observations_slot *slot;
	sqlite3_stmt *st;
	uint64_t h;
	int rc;

	/* The same series as the row before: the usual case in a sorted
	 * file. */
	if (w->last_series != 0 && indicator_id == w->last_indicator &&
	    region_id == w->last_region &&
	    strcmp(dims, w->last_dims.data) == 0) {
		*id = w->last_series;
		*fresh = w->last_fresh;
		return 0;
	}
	buf_reset(&w->key);
	buf_append(&w->key, &indicator_id, sizeof(indicator_id));
	buf_append(&w->key, &region_id, sizeof(region_id));
	buf_puts(&w->key, dims);
	h = observations_hash(w->key.data, w->key.len);
	if ((slot = observations_table_find(&w->series, w->key.data, w->key.len,
	    h)) != NULL) {
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
			return sql_error(w->db, e);
		}
		sqlite3_reset(st);
		*id = sqlite3_last_insert_rowid(w->db->sqlite);
		*fresh = true;
	} else {
		sqlite3_reset(st);
		return sql_error(w->db, e);
	}
	observations_table_put(&w->series, w->key.data, w->key.len, *id,
	    *fresh ? 1 : 0);
remember:
	w->last_series = *id;
	w->last_fresh = *fresh;
	w->last_indicator = indicator_id;
	w->last_region = region_id;
	buf_reset(&w->last_dims);
	buf_puts(&w->last_dims, dims);
	return 0;
}

static bool
observations_same_text(sqlite3_stmt *st, int col, const char *s)
{
	return strcmp(sql_text(st, col), s != NULL ? s : "") == 0;
}

/* Runs a prepared INSERT/UPDATE; 1 on a constraint violation, else 0/-1. */
static int
observations_step(struct observations_writer *w, sqlite3_stmt *st,
    struct error *e)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return 1;
	return sql_error(w->db, e);
}

/* Adds the revision of a stored row whose value or flag changes. */
static int
observations_add_revision(struct observations_writer *w, long long series_id,
    const char *period, bool had_value, double old_value,
    const char *old_flag, long long old_batch,
    const struct observation_value *v, struct error *e)
{
	sqlite3_stmt *st = w->st[ST_REVISION];

	sqlite3_bind_int64(st, 1, series_id);
	sqlite3_bind_text(st, 2, period, -1, SQLITE_STATIC);
	sql_bind_number(st, 3, had_value, old_value);
	sqlite3_bind_text(st, 4, old_flag, -1, SQLITE_STATIC);
	sql_bind_number(st, 5, v->has_value, v->value);
	sqlite3_bind_text(st, 6, v->flag != NULL ? v->flag : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, old_batch);
	sqlite3_bind_int64(st, 8, w->batch_id);
	return observations_step(w, st, e) != 0 ? -1 : 0;
}

/* A row of a series older than this run, against what is stored: written
 * before in this run (a duplicate), the same (unchanged), or changed
 * (updated, with a revision if the value or flag changes). Returns 1 with
 * *result, 0 when nothing is stored for the period, -1 on an error. */
static int
observations_put_stored(struct observations_writer *w, long long series_id,
    const char *period, const struct observation_value *v,
    enum observations_put *result, struct error *e)
{
	sqlite3_stmt *st = w->st[ST_OBS_FIND];
	struct observation_value kept = *v;
	char *old_text[3] = { NULL, NULL, NULL };
	const char **field[3] = { &kept.unit, &kept.source, &kept.note };
	long long old_batch;
	bool had_value, same, meta_same;
	double old_value;
	char old_flag[32];
	int rc, k, status = 1;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, series_id);
	sqlite3_bind_text(st, 2, period, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? 0 : sql_error(w->db, e);
	}
	old_batch = sqlite3_column_int64(st, 5);
	if (old_batch >= w->run_first_batch) {
		sqlite3_reset(st);
		*result = OBSERVATIONS_DUPLICATE;
		return 1;
	}
	had_value = sqlite3_column_type(st, 0) != SQLITE_NULL;
	old_value = sqlite3_column_double(st, 0);
	snprintf(old_flag, sizeof(old_flag), "%s", sql_text(st, 1));
	same = had_value == v->has_value &&
	    (!had_value || old_value == v->value) &&
	    strcmp(old_flag, v->flag != NULL ? v->flag : "") == 0;
	/* The same value from a file that gives no unit, source or note (no
	 * such column, or an empty cell) keeps what is stored: an empty cell
	 * says nothing about where the figure comes from, and re-importing a
	 * bare table must not wipe its provenance. A changed value takes the
	 * file's fields, empty or not: the old ones belonged to the old value. */
	for (k = 0; same && k < 3; k++)
		if (*field[k] == NULL || **field[k] == '\0')
			*field[k] = old_text[k] = xstrdup(sql_text(st, 2 + k));
	meta_same = observations_same_text(st, 2, kept.unit) &&
	    observations_same_text(st, 3, kept.source) &&
	    observations_same_text(st, 4, kept.note);
	sqlite3_reset(st);
	/* Seen before in this run, unchanged then? */
	st = w->st[ST_SEEN];
	sqlite3_bind_int64(st, 1, series_id);
	sqlite3_bind_text(st, 2, period, -1, SQLITE_STATIC);
	if ((rc = observations_step(w, st, e)) != 0) {
		if (rc == -1)
			status = -1;
		else
			*result = OBSERVATIONS_DUPLICATE;
		goto done;
	}
	if (same && meta_same) {
		*result = OBSERVATIONS_UNCHANGED;
		goto done;
	}
	st = w->st[ST_OBS_SET];
	observations_bind_value(st, 0, series_id, period, &kept, w->batch_id);
	if (observations_step(w, st, e) != 0 || (!same &&
	    observations_add_revision(w, series_id, period, had_value,
	    old_value, old_flag, old_batch, v, e) == -1)) {
		status = -1;
		goto done;
	}
	*result = OBSERVATIONS_CHANGED;
done:
	for (k = 0; k < 3; k++)
		free(old_text[k]);
	return status;
}

/* Copies s (NULL: "") with its NUL into the waiting rows' text; returns
 * its offset. */
static size_t
observations_queue_text(struct observations_writer *w, const char *s)
{
	size_t at = w->text.len;

	buf_puts(&w->text, s != NULL ? s : "");
	buf_putc(&w->text, '\0');
	return at;
}

/* Queues a row of a series created in this run (OBSERVATIONS_PENDING). */
static int
observations_queue(struct observations_writer *w, long long series_id,
    const char *period, const struct observation_value *v, long line,
    long column, struct error *e)
{
	struct observations_pending *p;

	if (w->npending == OBSERVATIONS_PENDING &&
	    observations_writer_flush(w, e) == -1)
		return -1;
	p = &w->pending[w->npending++];
	p->series_id = series_id;
	snprintf(p->period, sizeof(p->period), "%s", period);
	p->has_value = v->has_value;
	p->value = v->value;
	p->line = line;
	p->column = column;
	p->flag = observations_queue_text(w, v->flag);
	p->unit = observations_queue_text(w, v->unit);
	p->source = observations_queue_text(w, v->source);
	p->note = observations_queue_text(w, v->note);
	return 0;
}

int
observations_writer_put(struct observations_writer *w, long long indicator_id,
    long long region_id, const char *dims, const char *period,
    const struct observation_value *v, long line, long column,
    enum observations_put *result, struct error *e)
{
	long long series_id = 0;
	bool fresh = false;
	int rc;

	if (observations_find_series(w, indicator_id, region_id, dims,
	    &series_id, &fresh, e) == -1)
		return -1;
	if (fresh) {
		if (observations_queue(w, series_id, period, v, line, column,
		    e) == -1)
			return -1;
		*result = OBSERVATIONS_NEW;
		return 0;
	}
	if ((rc = observations_put_stored(w, series_id, period, v, result,
	    e)) != 0)
		return rc == -1 ? -1 : 0;
	observations_bind_value(w->st[ST_OBS_ADD], 0, series_id, period, v,
	    w->batch_id);
	if ((rc = observations_step(w, w->st[ST_OBS_ADD], e)) == -1)
		return -1;
	*result = rc == 1 ? OBSERVATIONS_DUPLICATE : OBSERVATIONS_NEW;
	return 0;
}
