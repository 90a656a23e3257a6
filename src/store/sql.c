/* Statement helpers of the store (see sql.h). */
#include "store/sql.h"

#include <sqlite3.h>

int
sql_error(struct db *db, struct error *e)
{
	return error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
}

static sqlite3_stmt *
sql_prepare_flags(struct db *db, const char *sql, unsigned int flags,
    struct error *e)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v3(db->sqlite, sql, -1, flags, &st, NULL) !=
	    SQLITE_OK) {
		sql_error(db, e);
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

sqlite3_stmt *
sql_prepare(struct db *db, const char *sql, struct error *e)
{
	return sql_prepare_flags(db, sql, 0, e);
}

sqlite3_stmt *
sql_prepare_persistent(struct db *db, const char *sql, struct error *e)
{
	return sql_prepare_flags(db, sql, SQLITE_PREPARE_PERSISTENT, e);
}

void
sql_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

void
sql_bind_nonempty(sqlite3_stmt *st, int i, const char *s)
{
	sql_bind_text(st, i, s != NULL && *s != '\0' ? s : NULL);
}

void
sql_bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	if (id == 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, id);
}

void
sql_bind_number(sqlite3_stmt *st, int i, bool has, double v)
{
	if (has)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

int
sql_run(struct db *db, sqlite3_stmt *st, struct error *e)
{
	int rc = sqlite3_step(st);

	/* The message is taken before the reset, which starts afresh. */
	if (rc != SQLITE_DONE)
		sql_error(db, e);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return -1;
	return sqlite3_changes(db->sqlite);
}

const char *
sql_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t != NULL ? (const char *)t : "";
}

int
sql_each(struct db *db, sqlite3_stmt *st, sql_row_fn row, void *arg,
    struct error *e)
{
	int rc, stop;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((stop = row(st, arg)) != 0)
			return stop;
	if (rc != SQLITE_DONE)
		return sql_error(db, e);
	return 0;
}

int
sql_rows(struct db *db, sqlite3_stmt *st, sql_row_fn row, void *arg,
    struct error *e)
{
	int rc;

	if (st == NULL)
		return -1;
	rc = sql_each(db, st, row, arg, e);
	sqlite3_finalize(st);
	return rc;
}

int
sql_code_id(struct db *db, const char *sql, const char *code, int64_t *id,
    struct error *e)
{
	sqlite3_stmt *st;
	int rc;

	*id = 0;
	if (code == NULL)
		return 0;
	if ((st = sql_prepare(db, sql, e)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		sql_error(db, e);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}
