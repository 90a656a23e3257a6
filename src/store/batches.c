#include "store/batches.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>

#include "store/freshness.h"
#include "store/sql.h"

void
batches_now(char out[BATCHES_TIME_MAX])
{
	freshness_format(freshness_now(), out);
}

int
batches_insert(struct db *db, const struct batch_row *b, long long *id,
    struct error *e)
{
	char now[BATCHES_TIME_MAX];
	sqlite3_stmt *st;
	int rc;

	if ((st = sql_prepare(db,
	    "INSERT INTO batch(file_name, sha256, format, options, rows_read, "
	    "rows_new, rows_changed, rows_unchanged, created_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", e)) == NULL)
		return -1;
	if (b->created_at == NULL)
		batches_now(now);
	sql_bind_text(st, 1, b->file_name);
	sql_bind_text(st, 2, b->sha256);
	sql_bind_text(st, 3, b->format);
	sql_bind_nonempty(st, 4, b->options);
	sqlite3_bind_int64(st, 5, b->rows_read);
	sqlite3_bind_int64(st, 6, b->rows_new);
	sqlite3_bind_int64(st, 7, b->rows_changed);
	sqlite3_bind_int64(st, 8, b->rows_unchanged);
	sql_bind_text(st, 9, b->created_at != NULL ? b->created_at : now);
	rc = sql_run(db, st, e);
	sqlite3_finalize(st);
	if (rc == -1)
		return -1;
	*id = sqlite3_last_insert_rowid(db->sqlite);
	return 0;
}

int
batches_finish(struct db *db, long long id, const char *sha256, long long read,
    long long added, long long changed, long long unchanged, struct error *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = sql_prepare(db, "UPDATE batch SET sha256 = ?6, "
	    "rows_read = ?2, rows_new = ?3, rows_changed = ?4, "
	    "rows_unchanged = ?5 WHERE id = ?1", e)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, read);
	sqlite3_bind_int64(st, 3, added);
	sqlite3_bind_int64(st, 4, changed);
	sqlite3_bind_int64(st, 5, unchanged);
	sql_bind_text(st, 6, sha256);
	rc = sql_run(db, st, e);
	sqlite3_finalize(st);
	return rc == -1 ? -1 : 0;
}

int
batches_delete(struct db *db, long long id, struct error *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = sql_prepare(db, "DELETE FROM batch WHERE id = ?1",
	    e)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sql_run(db, st, e);
	sqlite3_finalize(st);
	return rc == -1 ? -1 : 0;
}

long long
batches_last_id(struct db *db, struct error *e)
{
	sqlite3_stmt *st;
	long long id = -1;

	if ((st = sql_prepare(db, "SELECT coalesce(max(id), 0) FROM batch",
	    e)) == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else
		sql_error(db, e);
	sqlite3_finalize(st);
	return id;
}

int
batches_find(struct db *db, const char *sha256, const char *options,
    long long *id, struct error *e)
{
	sqlite3_stmt *st;
	int rc = -1;

	if ((st = sql_prepare(db, "SELECT max(id) FROM batch WHERE "
	    "sha256 = ?1 AND coalesce(options, '') = ?2", e)) == NULL)
		return -1;
	sql_bind_text(st, 1, sha256);
	sql_bind_text(st, 2, options != NULL ? options : "");
	if (sqlite3_step(st) == SQLITE_ROW) {
		rc = sqlite3_column_type(st, 0) != SQLITE_NULL;
		*id = rc ? sqlite3_column_int64(st, 0) : 0;
	} else
		sql_error(db, e);
	sqlite3_finalize(st);
	return rc;
}

struct batches_list_call {
	batches_fn	 fn;
	void		*arg;
};

static int
batches_list_row(sqlite3_stmt *st, void *arg)
{
	const struct batches_list_call *call = arg;
	struct batch_row b;

	b.id = sqlite3_column_int64(st, 0);
	b.file_name = sql_text(st, 1);
	b.sha256 = sql_text(st, 2);
	b.format = sql_text(st, 3);
	b.options = sql_text(st, 4);
	b.rows_read = sqlite3_column_int64(st, 5);
	b.rows_new = sqlite3_column_int64(st, 6);
	b.rows_changed = sqlite3_column_int64(st, 7);
	b.rows_unchanged = sqlite3_column_int64(st, 8);
	b.created_at = sql_text(st, 9);
	return call->fn(&b, call->arg);
}

int
batches_list(struct db *db, batches_fn fn, void *arg, struct error *e)
{
	struct batches_list_call call = { fn, arg };

	return sql_rows(db, sql_prepare(db, "SELECT id, file_name, sha256, "
	    "format, options, rows_read, rows_new, rows_changed, "
	    "rows_unchanged, created_at FROM batch ORDER BY id", e),
	    batches_list_row, &call, e);
}
