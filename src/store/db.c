#include "store/db.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/freshness.h"
#include "util/embed.h"
#include "util/xalloc.h"

extern const struct embedded_file schema_files[];

/* Migrations are the embedded src/store/schema/NNN_*.sql files, applied in
 * name order; file NNN brings the database to user_version NNN. */
int
db_latest_version(void)
{
	const struct embedded_file *f;
	int latest = 0;

	for (f = schema_files; f->name != NULL; f++)
		latest = atoi(f->name) > latest ? atoi(f->name) : latest;
	return latest;
}

static int
db_exec(struct db *db, const char *sql, struct error *e)
{
	char *msg = NULL;

	if (sqlite3_exec(db->sqlite, sql, NULL, NULL, &msg) != SQLITE_OK) {
		error_set(e, "%s: %s", db->path, msg ? msg : "SQL error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int
db_schema_version(struct db *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db->sqlite, "PRAGMA user_version", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int
db_migrate(struct db *db, struct error *e)
{
	const struct embedded_file *f;
	int current = db_schema_version(db);

	if (current > db_latest_version())
		return error_set(e, "%s: schema version %d is newer than this "
		    "wiall (%d); use a newer wiall", db->path, current,
		    db_latest_version());
	for (f = schema_files; f->name != NULL; f++) {
		int version = atoi(f->name);
		char pragma[64];

		if (version <= current)
			continue;
		if (db_begin(db, e) == -1)
			return -1;
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d",
		    version);
		if (db_exec(db, (const char *)f->data, e) == -1 ||
		    db_exec(db, pragma, e) == -1) {
			db_rollback(db);
			return error_prefix(e, "migration %s", f->name);
		}
		if (db_commit(db, e) == -1)
			return -1;
	}
	return 0;
}

int
db_open(const char *path, enum db_mode mode, struct db **out, struct error *e)
{
	struct db *db;
	int flags, version;

	*out = NULL;
	if (mode != DB_CREATE && access(path, F_OK) != 0)
		return error_set(e, "%s: no such database (create it with "
		    "`wiall --db %s init`)", path, path);
	flags = mode == DB_READ_ONLY ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE | (mode == DB_CREATE ? SQLITE_OPEN_CREATE : 0);
	db = xcalloc(1, sizeof(*db));
	db->path = xstrdup(path);
	if (sqlite3_open_v2(path, &db->sqlite, flags | SQLITE_OPEN_NOMUTEX,
	    NULL) != SQLITE_OK) {
		error_set(e, "%s: %s", path, sqlite3_errmsg(db->sqlite));
		goto fail;
	}
	sqlite3_busy_timeout(db->sqlite, 5000);
	sqlite3_extended_result_codes(db->sqlite, 1);
	/* Read the header now: a file that is not a database fails here, with a
	 * message, rather than later in the middle of a command. */
	version = db_schema_version(db);
	if (version < 0) {
		error_set(e, "%s: %s", path, sqlite3_errmsg(db->sqlite));
		goto fail;
	}
	if (db_exec(db, "PRAGMA foreign_keys = ON", e) == -1)
		goto fail;
	if (mode != DB_READ_ONLY) {
		if (db_exec(db, "PRAGMA journal_mode = WAL", e) == -1 ||
		    db_exec(db, "PRAGMA synchronous = NORMAL", e) == -1 ||
		    db_migrate(db, e) == -1)
			goto fail;
	} else if (version != db_latest_version()) {
		error_set(e, "%s: schema version %d, expected %d (open it once "
		    "with a writing command to migrate)", path, version,
		    db_latest_version());
		goto fail;
	}
	*out = db;
	return 0;
fail:
	db_close(db);
	return -1;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	if (db->in_transaction)
		db_rollback(db);
	sqlite3_close(db->sqlite);
	free(db->path);
	free(db);
}

int
db_begin(struct db *db, struct error *e)
{
	if (db_exec(db, "BEGIN IMMEDIATE", e) == -1)
		return -1;
	db->in_transaction = 1;
	db->changes_at_begin = sqlite3_total_changes64(db->sqlite);
	return 0;
}

int
db_commit(struct db *db, struct error *e)
{
	/* Rows inserted, updated or deleted since db_begin (schema changes
	 * alone count none: a migration that only adds tables stamps nothing). */
	if (sqlite3_total_changes64(db->sqlite) != db->changes_at_begin &&
	    freshness_stamp(db, e) == -1) {
		db_rollback(db);
		return -1;
	}
	if (db_exec(db, "COMMIT", e) == -1) {
		db_rollback(db);
		return -1;
	}
	db->in_transaction = 0;
	return 0;
}

void
db_rollback(struct db *db)
{
	sqlite3_exec(db->sqlite, "ROLLBACK", NULL, NULL, NULL);
	db->in_transaction = 0;
}

int
db_check_integrity(struct db *db, struct diag_list *diags, struct error *e)
{
	sqlite3_stmt *st = NULL;
	int problems = 0, rc;

	if (sqlite3_prepare_v2(db->sqlite, "PRAGMA integrity_check", -1, &st,
	    NULL) != SQLITE_OK)
		return error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *msg = (const char *)sqlite3_column_text(st, 0);
		if (msg != NULL && strcmp(msg, "ok") != 0) {
			diag_add(diags, db->path, 0, 0, "integrity: %s", msg);
			problems++;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
	if (sqlite3_prepare_v2(db->sqlite, "PRAGMA foreign_key_check", -1, &st,
	    NULL) != SQLITE_OK)
		return error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		diag_add(diags, db->path, 0, 0,
		    "foreign key: row %lld of table %s refers to a missing row "
		    "of %s", (long long)sqlite3_column_int64(st, 1),
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 2));
		problems++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
	return problems;
}

int
db_meta_set(struct db *db, const char *key, const char *value, struct error *e)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->sqlite,
	    "INSERT INTO meta(key, value) VALUES (?1, ?2) "
	    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", -1, &st,
	    NULL) != SQLITE_OK)
		return error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
	return 0;
}

char *
db_meta_get(struct db *db, const char *key)
{
	sqlite3_stmt *st;
	char *v = NULL;

	if (sqlite3_prepare_v2(db->sqlite, "SELECT value FROM meta WHERE key = ?1",
	    -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}
