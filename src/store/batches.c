#include "store/batches.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void
batches_now(char out[BATCHES_TIME_MAX])
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t = time(NULL);
	struct tm tm;

	if (epoch != NULL && *epoch != '\0') {
		char *end;
		long long v = strtoll(epoch, &end, 10);
		if (*end == '\0' && v >= 0)
			t = (time_t)v;
	}
	gmtime_r(&t, &tm);
	strftime(out, BATCHES_TIME_MAX, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int
batches_fail(struct db *db, sqlite3_stmt *st, struct error *e)
{
	error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
	sqlite3_finalize(st);
	return -1;
}

int
batches_insert(struct db *db, const struct batch_row *b, long long *id,
    struct error *e)
{
	char now[BATCHES_TIME_MAX];
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db->sqlite,
	    "INSERT INTO batch(file_name, sha256, format, options, rows_read, "
	    "rows_new, rows_changed, rows_unchanged, created_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", -1, &st, NULL)
	    != SQLITE_OK)
		return batches_fail(db, st, e);
	if (b->created_at == NULL)
		batches_now(now);
	sqlite3_bind_text(st, 1, b->file_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, b->format, -1, SQLITE_STATIC);
	if (b->options != NULL && b->options[0] != '\0')
		sqlite3_bind_text(st, 4, b->options, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, b->rows_read);
	sqlite3_bind_int64(st, 6, b->rows_new);
	sqlite3_bind_int64(st, 7, b->rows_changed);
	sqlite3_bind_int64(st, 8, b->rows_unchanged);
	sqlite3_bind_text(st, 9, b->created_at != NULL ? b->created_at : now, -1,
	    SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		return batches_fail(db, st, e);
	sqlite3_finalize(st);
	*id = sqlite3_last_insert_rowid(db->sqlite);
	return 0;
}

int
batches_finish(struct db *db, long long id, const char *sha256, long long read,
    long long added, long long changed, long long unchanged, struct error *e)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db->sqlite,
	    "UPDATE batch SET sha256 = ?6, rows_read = ?2, rows_new = ?3, rows_changed = ?4, "
	    "rows_unchanged = ?5 WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
		return batches_fail(db, st, e);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, read);
	sqlite3_bind_int64(st, 3, added);
	sqlite3_bind_int64(st, 4, changed);
	sqlite3_bind_int64(st, 5, unchanged);
	sqlite3_bind_text(st, 6, sha256, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return batches_fail(db, st, e);
	sqlite3_finalize(st);
	return 0;
}

int
batches_delete(struct db *db, long long id, struct error *e)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db->sqlite, "DELETE FROM batch WHERE id = ?1", -1,
	    &st, NULL) != SQLITE_OK)
		return batches_fail(db, st, e);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_DONE)
		return batches_fail(db, st, e);
	sqlite3_finalize(st);
	return 0;
}

long long
batches_last_id(struct db *db, struct error *e)
{
	sqlite3_stmt *st = NULL;
	long long id = 0;

	if (sqlite3_prepare_v2(db->sqlite, "SELECT coalesce(max(id), 0) FROM batch",
	    -1, &st, NULL) != SQLITE_OK)
		return batches_fail(db, st, e);
	if (sqlite3_step(st) != SQLITE_ROW)
		return batches_fail(db, st, e);
	id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

int
batches_find(struct db *db, const char *sha256, const char *options,
    long long *id, struct error *e)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(db->sqlite,
	    "SELECT max(id) FROM batch WHERE sha256 = ?1 AND "
	    "coalesce(options, '') = ?2", -1, &st, NULL) != SQLITE_OK)
		return batches_fail(db, st, e);
	sqlite3_bind_text(st, 1, sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, options != NULL ? options : "", -1,
	    SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		return batches_fail(db, st, e);
	rc = sqlite3_column_type(st, 0) != SQLITE_NULL;
	*id = rc ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc;
}

static const char *
batches_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t != NULL ? (const char *)t : "";
}

int
batches_list(struct db *db, batches_fn fn, void *arg, struct error *e)
{
	sqlite3_stmt *st = NULL;
	int rc, stop = 0;

	if (sqlite3_prepare_v2(db->sqlite,
	    "SELECT id, file_name, sha256, format, options, rows_read, rows_new, "
	    "rows_changed, rows_unchanged, created_at FROM batch ORDER BY id",
	    -1, &st, NULL) != SQLITE_OK)
		return batches_fail(db, st, e);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct batch_row b;
		b.id = sqlite3_column_int64(st, 0);
		b.file_name = batches_text(st, 1);
		b.sha256 = batches_text(st, 2);
		b.format = batches_text(st, 3);
		b.options = batches_text(st, 4);
		b.rows_read = sqlite3_column_int64(st, 5);
		b.rows_new = sqlite3_column_int64(st, 6);
		b.rows_changed = sqlite3_column_int64(st, 7);
		b.rows_unchanged = sqlite3_column_int64(st, 8);
		b.created_at = batches_text(st, 9);
		if ((stop = fn(&b, arg)) != 0)
			break;
	}
	if (stop == 0 && rc != SQLITE_DONE)
		return batches_fail(db, st, e);
	sqlite3_finalize(st);
	return stop;
}
