/* The SQLite database: opening (foreign keys on, WAL), schema migrations by
 * PRAGMA user_version, transactions. Only src/store/ holds SQL. A struct db is
 * owned by whoever opened it and closed with db_close(). */
#ifndef WIALL_STORE_DB_H
#define WIALL_STORE_DB_H

#include <stdbool.h>

#include "util/error.h"

struct sqlite3;

struct db {
	struct sqlite3	*sqlite;
	char		*path;
	int		 in_transaction;
	long long	 changes_at_begin;	/* sqlite3_total_changes64 */
};

enum db_mode {
	DB_READ_ONLY,		/* must exist and be current */
	DB_READ_WRITE,		/* must exist; migrated to the current schema */
	DB_CREATE		/* created if missing; migrated */
};

int	db_open(const char *path, enum db_mode mode, struct db **out,
	    struct error *e);
void	db_close(struct db *db);
int	db_schema_version(struct db *db);
int	db_latest_version(void);

/* Every write goes through these. A commit of a transaction that changed
 * rows first stamps the meta key modified_at (store/freshness.h) inside it,
 * so the stamp and the change land together; a rollback, a dry run or a
 * transaction that changed nothing leaves the stamp as it was. */
int	db_begin(struct db *db, struct error *e);	/* BEGIN IMMEDIATE */
int	db_commit(struct db *db, struct error *e);
void	db_rollback(struct db *db);

/* Runs SQLite's integrity_check and foreign_key_check; each problem is added
 * to diags. Returns the number of problems, or -1 when the checks could not run. */
struct diag_list;
int	db_check_integrity(struct db *db, struct diag_list *diags, struct error *e);

/* meta key/value (e.g. "catalog_updated"). db_meta_get returns a malloc'd
 * string or NULL. */
int	db_meta_set(struct db *db, const char *key, const char *value,
	    struct error *e);
char	*db_meta_get(struct db *db, const char *key);

#endif
