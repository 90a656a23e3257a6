/* Statement helpers of the catalogue store (see catalog_sql.h). */
#include "store/catalog_sql.h"

#include <sqlite3.h>
#include <string.h>

int
catalog_sql_error(struct db *db, struct error *e)
{
	return error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
}

sqlite3_stmt *
catalog_sql_prepare(struct db *db, const char *sql, struct error *e)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db->sqlite, sql, -1, &st, NULL) != SQLITE_OK) {
		catalog_sql_error(db, e);
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

void
catalog_sql_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

void
catalog_sql_bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	if (id == 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, id);
}

void
catalog_sql_bind_number(sqlite3_stmt *st, int i, bool has, double v)
{
	if (has)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Runs a statement that returns no rows; returns the number of rows changed,
 * or -1. The statement is reset for the next use. */
int
catalog_sql_run(struct db *db, sqlite3_stmt *st, struct error *e)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return catalog_sql_error(db, e);
	return sqlite3_changes(db->sqlite);
}

const char *
catalog_sql_column_text(struct catalog *c, sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s == NULL ? NULL : arena_strdup(&c->arena, (const char *)s);
}

/* The id of a code in one of the catalogue's tables; 0 when there is none. */
int
catalog_sql_code_id(struct db *db, const char *sql, const char *code,
    int64_t *id, struct error *e)
{
	sqlite3_stmt *st;
	int rc;

	*id = 0;
	if (code == NULL)
		return 0;
	if ((st = catalog_sql_prepare(db, sql, e)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return catalog_sql_error(db, e);
	return 0;
}


/* Like store_code_id, but a code that is not there is an error: the reader
 * checked references, so this only guards callers that did not. */
int
catalog_sql_require_id(struct db *db, const char *sql, const char *what,
    const char *code, int64_t *id, struct error *e)
{
	if (catalog_sql_code_id(db, sql, code, id, e) == -1)
		return -1;
	if (code != NULL && *id == 0)
		return error_set(e, "unknown %s '%s'", what, code);
	return 0;
}

