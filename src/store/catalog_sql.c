/* Statement helpers of the catalogue store (see catalog_sql.h). */
#include "store/catalog_sql.h"

#include <sqlite3.h>
#include <string.h>

#include "util/buf.h"

/* Enum fields are read as int (CATALOG_SQL_NAME). */
_Static_assert(sizeof(enum model_perspective) == sizeof(int) &&
    sizeof(enum model_dimension) == sizeof(int) &&
    sizeof(enum model_principle) == sizeof(int) &&
    sizeof(enum model_annual) == sizeof(int) &&
    sizeof(enum model_region_level) == sizeof(int),
    "model enums are stored as int");

const char *
catalog_sql_column_text(struct catalog *c, sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s == NULL ? NULL : arena_strdup(&c->arena, (const char *)s);
}

void
catalog_sql_column_target(struct catalog *c, sqlite3_stmt *st,
    struct target_version *t)
{
	t->has_value = sqlite3_column_type(st, 2) != SQLITE_NULL;
	t->value = sqlite3_column_double(st, 2);
	t->has_low = sqlite3_column_type(st, 3) != SQLITE_NULL;
	t->low = sqlite3_column_double(st, 3);
	t->has_high = sqlite3_column_type(st, 4) != SQLITE_NULL;
	t->high = sqlite3_column_double(st, 4);
	t->year = sqlite3_column_int(st, 5);
	t->reference_region = catalog_sql_column_text(c, st, 6);
	t->note_de = catalog_sql_column_text(c, st, 7);
	t->note_en = catalog_sql_column_text(c, st, 8);
	t->valid_from = catalog_sql_column_text(c, st, 9);
	t->valid_to = catalog_sql_column_text(c, st, 10);
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

void *
catalog_sql_grow(struct arena *a, void *items, size_t count, size_t *cap,
    size_t size)
{
	void *grown;

	if (count < *cap)
		return items;
	*cap = *cap == 0 ? 8 : *cap * 2;
	grown = arena_alloc(a, *cap * size);
	if (count > 0)
		memcpy(grown, items, count * size);
	return grown;
}

/* Binds the first `count` columns of t. */
static void
catalog_sql_bind_some(sqlite3_stmt *st, const struct catalog_sql_table *t,
    size_t count, const void *item, int position, const int64_t *ids)
{
	size_t i;

	for (i = 0; i < count; i++) {
		const struct catalog_sql_column *c = &t->columns[i];
		const char *field = (const char *)item + c->offset;
		int p = (int)i + 1, v;

		switch (c->bind) {
		case CATALOG_SQL_TEXT:
			sql_bind_text(st, p, *(const char *const *)field);
			break;
		case CATALOG_SQL_INT:
			sqlite3_bind_int(st, p, *(const int *)field);
			break;
		case CATALOG_SQL_NAME:
			memcpy(&v, field, sizeof(v));
			sql_bind_text(st, p, c->names[v]);
			break;
		case CATALOG_SQL_ID:
			sql_bind_id(st, p, ids[c->offset]);
			break;
		case CATALOG_SQL_POSITION:
			sqlite3_bind_int(st, p, position);
			break;
		}
	}
}

void
catalog_sql_bind_columns(sqlite3_stmt *st, const struct catalog_sql_table *t,
    const void *item, int position, const int64_t *ids)
{
	catalog_sql_bind_some(st, t, t->column_count, item, position, ids);
}

/* " WHERE key1 = ?1 AND key2 = ?2" */
static void
catalog_sql_where_key(struct buf *b, const struct catalog_sql_table *t)
{
	size_t i;

	for (i = 0; i < t->key_count; i++)
		buf_printf(b, "%s%s = ?%zu", i == 0 ? " WHERE " : " AND ",
		    t->columns[i].name, i + 1);
}

static sqlite3_stmt *
catalog_sql_prepare_insert(struct db *db, const struct catalog_sql_table *t,
    struct error *e)
{
	struct buf b = BUF_INIT;
	sqlite3_stmt *st;
	size_t i;

	buf_printf(&b, "INSERT INTO %s(", t->name);
	for (i = 0; i < t->column_count; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", t->columns[i].name);
	buf_puts(&b, ") VALUES (");
	for (i = 0; i < t->column_count; i++)
		buf_printf(&b, "%s?%zu", i > 0 ? ", " : "", i + 1);
	buf_puts(&b, ") ON CONFLICT(");
	for (i = 0; i < t->key_count; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", t->columns[i].name);
	buf_puts(&b, ") DO NOTHING");
	st = sql_prepare(db, b.data, e);
	buf_free(&b);
	return st;
}

/* Changes only a row that differs, so that the count of changed rows says
 * whether anything did. */
static sqlite3_stmt *
catalog_sql_prepare_update(struct db *db, const struct catalog_sql_table *t,
    struct error *e)
{
	struct buf b = BUF_INIT;
	sqlite3_stmt *st;
	size_t i;

	buf_printf(&b, "UPDATE %s SET ", t->name);
	for (i = t->key_count; i < t->column_count; i++)
		buf_printf(&b, "%s%s = ?%zu", i > t->key_count ? ", " : "",
		    t->columns[i].name, i + 1);
	catalog_sql_where_key(&b, t);
	for (i = t->key_count; i < t->column_count; i++)
		buf_printf(&b, "%s%s IS DISTINCT FROM ?%zu",
		    i > t->key_count ? " OR " : " AND (", t->columns[i].name,
		    i + 1);
	buf_putc(&b, ')');
	st = sql_prepare(db, b.data, e);
	buf_free(&b);
	return st;
}

static sqlite3_stmt *
catalog_sql_prepare_parent(struct db *db, const struct catalog_sql_table *t,
    struct error *e)
{
	struct buf b = BUF_INIT;
	sqlite3_stmt *st;

	buf_printf(&b, "UPDATE %s SET parent_id = ?%zu", t->name,
	    t->key_count + 1);
	catalog_sql_where_key(&b, t);
	buf_printf(&b, " AND parent_id IS DISTINCT FROM ?%zu",
	    t->key_count + 1);
	st = sql_prepare(db, b.data, e);
	buf_free(&b);
	return st;
}

int
catalog_sql_upsert_prepare(struct db *db, const struct catalog_sql_table *t,
    struct catalog_sql_upsert *u, struct error *e)
{
	memset(u, 0, sizeof(*u));
	u->table = t;
	if ((u->insert = catalog_sql_prepare_insert(db, t, e)) == NULL ||
	    (u->update = catalog_sql_prepare_update(db, t, e)) == NULL ||
	    (t->has_parent &&
	    (u->parent = catalog_sql_prepare_parent(db, t, e)) == NULL))
		return -1;
	return 0;
}

void
catalog_sql_upsert_finalize(struct catalog_sql_upsert *u)
{
	sqlite3_finalize(u->insert);
	sqlite3_finalize(u->update);
	sqlite3_finalize(u->parent);
	memset(u, 0, sizeof(*u));
}

int
catalog_sql_upsert(struct db *db, struct catalog_sql_upsert *u,
    const void *item, int position, const int64_t *ids,
    enum store_catalog_action *action, struct error *e)
{
	int n;

	*action = STORE_CATALOG_UNCHANGED;
	catalog_sql_bind_columns(u->insert, u->table, item, position, ids);
	if ((n = sql_run(db, u->insert, e)) == -1)
		return -1;
	if (n > 0) {
		*action = STORE_CATALOG_CREATED;
		return 0;
	}
	catalog_sql_bind_columns(u->update, u->table, item, position, ids);
	if ((n = sql_run(db, u->update, e)) == -1)
		return -1;
	if (n > 0)
		*action = STORE_CATALOG_UPDATED;
	return 0;
}

int
catalog_sql_upsert_parent(struct db *db, struct catalog_sql_upsert *u,
    const void *item, const int64_t *ids, int64_t parent, struct error *e)
{
	int n;

	catalog_sql_bind_some(u->parent, u->table, u->table->key_count, item, 0,
	    ids);
	sql_bind_id(u->parent, (int)u->table->key_count + 1, parent);
	if ((n = sql_run(db, u->parent, e)) == -1)
		return -1;
	return n > 0;
}
