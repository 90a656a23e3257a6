/* Statement helpers shared by the catalogue store's files (catalog.c saves,
 * catalog_load.c reads); not for other modules. Statements returned are the
 * caller's to finalize; column text is copied into a catalogue's arena. */
#ifndef WIALL_STORE_CATALOG_SQL_H
#define WIALL_STORE_CATALOG_SQL_H

#include <stdbool.h>
#include <stdint.h>

#include "store/db.h"
#include "util/error.h"
#include "util/model.h"

struct sqlite3_stmt;

#define CATALOG_SQL_GOAL_ID	"SELECT id FROM goal WHERE code = ?1"
#define CATALOG_SQL_REGION_ID	"SELECT id FROM region WHERE code = ?1"
#define CATALOG_SQL_INDICATOR_ID "SELECT id FROM indicator WHERE code = ?1"
#define CATALOG_SQL_CLASS_ID	"SELECT id FROM classification WHERE code = ?1"

/* Fills e with the database's last message; returns -1. */
int	catalog_sql_error(struct db *db, struct error *e);
struct sqlite3_stmt *catalog_sql_prepare(struct db *db, const char *sql,
	    struct error *e);
/* Bind NULL for NULL text, for id 0, for a number that is not there. */
void	catalog_sql_bind_text(struct sqlite3_stmt *st, int i, const char *s);
void	catalog_sql_bind_id(struct sqlite3_stmt *st, int i, int64_t id);
void	catalog_sql_bind_number(struct sqlite3_stmt *st, int i, bool has,
	    double v);
/* Runs a statement that returns no rows and resets it; returns the number of
 * rows changed, or -1. */
int	catalog_sql_run(struct db *db, struct sqlite3_stmt *st,
	    struct error *e);
/* Column i as a string in c's arena, NULL for SQL NULL. */
const char *catalog_sql_column_text(struct catalog *c, struct sqlite3_stmt *st,
	    int i);
/* The id for a code by one of the CATALOG_SQL_*_ID queries; *id = 0 when
 * there is none (or code is NULL). */
int	catalog_sql_code_id(struct db *db, const char *sql, const char *code,
	    int64_t *id, struct error *e);
/* The same, but a code that is not there is an error: "unknown WHAT 'code'". */
int	catalog_sql_require_id(struct db *db, const char *sql, const char *what,
	    const char *code, int64_t *id, struct error *e);

#endif
