/* Statement helpers shared by the catalogue store's files (catalog.c saves,
 * catalog_load.c reads); not for other modules. Statements returned are the
 * caller's to finalize; column text is copied into a catalogue's arena. */
#ifndef WIALL_STORE_CATALOG_SQL_H
#define WIALL_STORE_CATALOG_SQL_H

#include <stdint.h>

#include "store/db.h"
#include "store/sql.h"
#include "util/error.h"
#include "util/model.h"

struct sqlite3_stmt;

#define CATALOG_SQL_GOAL_ID	"SELECT id FROM goal WHERE code = ?1"
#define CATALOG_SQL_REGION_ID	"SELECT id FROM region WHERE code = ?1"
#define CATALOG_SQL_INDICATOR_ID "SELECT id FROM indicator WHERE code = ?1"
#define CATALOG_SQL_CLASS_ID	"SELECT id FROM classification WHERE code = ?1"

/* Column i as a string in c's arena, NULL for SQL NULL. */
const char *catalog_sql_column_text(struct catalog *c, struct sqlite3_stmt *st,
	    int i);
/* The id for a code by one of the CATALOG_SQL_*_ID queries (sql_code_id()), but
 * a code that is not there is an error: "unknown WHAT 'code'". */
int	catalog_sql_require_id(struct db *db, const char *sql, const char *what,
	    const char *code, int64_t *id, struct error *e);

#endif
