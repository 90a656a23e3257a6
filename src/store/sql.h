/* Statement helpers shared by the store's modules (catalogue, observations,
 * batches); not for other layers. Statements returned are the caller's to
 * finalize; text read from a row is SQLite's, valid until the next step. */
#ifndef WIALL_STORE_SQL_H
#define WIALL_STORE_SQL_H

#include <stdbool.h>
#include <stdint.h>

#include "store/db.h"
#include "util/error.h"

struct sqlite3_stmt;

/* Fills e with "path: the database's last message"; returns -1. */
int	sql_error(struct db *db, struct error *e);
/* A statement, or NULL with e filled. The persistent kind is for statements
 * that stay prepared for a long run (an import's writer). */
struct sqlite3_stmt *sql_prepare(struct db *db, const char *sql,
	    struct error *e);
struct sqlite3_stmt *sql_prepare_persistent(struct db *db, const char *sql,
	    struct error *e);

/* Binds SQL NULL for NULL text (sql_bind_text), for NULL or "" text
 * (sql_bind_nonempty), for id 0, for a number that is not there. Text is
 * bound without a copy: it must outlive the step. */
void	sql_bind_text(struct sqlite3_stmt *st, int i, const char *s);
void	sql_bind_nonempty(struct sqlite3_stmt *st, int i, const char *s);
void	sql_bind_id(struct sqlite3_stmt *st, int i, int64_t id);
void	sql_bind_number(struct sqlite3_stmt *st, int i, bool has, double v);

/* Runs a statement that returns no rows, then resets it and clears its
 * bindings for the next use. Returns the number of rows changed, or -1. */
int	sql_run(struct db *db, struct sqlite3_stmt *st, struct error *e);

/* Column i as text, "" for SQL NULL. */
const char *sql_text(struct sqlite3_stmt *st, int i);

/* Steps st through its rows, calling row() on each; row() returns 0 to go on,
 * anything else to stop. Returns 0 at the end, -1 on a database error, or
 * the value row() stopped with. The statement is left as it is (finalize or
 * reset it). */
typedef int (*sql_row_fn)(struct sqlite3_stmt *st, void *arg);
int	sql_each(struct db *db, struct sqlite3_stmt *st, sql_row_fn row,
	    void *arg, struct error *e);
/* The same for a statement used once: finalizes it after. A NULL st (its
 * prepare failed, and e says why) returns -1. */
int	sql_rows(struct db *db, struct sqlite3_stmt *st, sql_row_fn row,
	    void *arg, struct error *e);

/* Runs a query of one text parameter ?1 (a code) whose first column is an id:
 * *id is that of the first row, 0 when there is none (or code is NULL).
 * Returns 0 or -1. */
int	sql_code_id(struct db *db, const char *sql, const char *code,
	    int64_t *id, struct error *e);

#endif
