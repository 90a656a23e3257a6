/* Statement helpers of the catalogue store (see catalog_sql.h). */
#include "store/catalog_sql.h"

#include <sqlite3.h>

const char *
catalog_sql_column_text(struct catalog *c, sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s == NULL ? NULL : arena_strdup(&c->arena, (const char *)s);
}

/* The reader checked references, so this only guards callers that did not. */
int
catalog_sql_require_id(struct db *db, const char *sql, const char *what,
    const char *code, int64_t *id, struct error *e)
{
	if (sql_code_id(db, sql, code, id, e) == -1)
		return -1;
	if (code != NULL && *id == 0)
		return error_set(e, "unknown %s '%s'", what, code);
	return 0;
}
