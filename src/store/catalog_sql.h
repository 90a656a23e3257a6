/* Statement helpers shared by the catalogue store's files (catalog.c and
 * catalog_target.c save, catalog_load.c reads); not for other modules.
 * Statements are the caller's to finalize (an upsert's with
 * catalog_sql_upsert_finalize()); text and arrays read go into an arena. */
#ifndef WIALL_STORE_CATALOG_SQL_H
#define WIALL_STORE_CATALOG_SQL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/catalog.h"
#include "store/db.h"
#include "store/sql.h"
#include "util/arena.h"
#include "util/error.h"
#include "util/model.h"

struct sqlite3_stmt;

#define CATALOG_SQL_GOAL_ID	"SELECT id FROM goal WHERE code = ?1"
#define CATALOG_SQL_REGION_ID	"SELECT id FROM region WHERE code = ?1"
#define CATALOG_SQL_INDICATOR_ID "SELECT id FROM indicator WHERE code = ?1"
#define CATALOG_SQL_CLASS_ID	"SELECT id FROM classification WHERE code = ?1"

/* A target's columns from its kind on, for "SELECT <first column>, "
 * CATALOG_SQL_TARGET "WHERE ...": kind, value, low, high, year, the reference
 * region's code, note_de, note_en, valid_from, valid_to. */
#define CATALOG_SQL_TARGET "t.kind, t.value, t.low, t.high, t.year, " \
	"r.code, t.note_de, t.note_en, t.valid_from, t.valid_to " \
	"FROM target t LEFT JOIN region r ON r.id = t.reference_region_id "

/* Column i as a string in c's arena, NULL for SQL NULL. */
const char *catalog_sql_column_text(struct catalog *c, struct sqlite3_stmt *st,
	    int i);
/* Columns 2 to 10 of a CATALOG_SQL_TARGET row (value to valid_to) into t,
 * strings in c's arena; column 0 and the kind are the caller's. */
void	catalog_sql_column_target(struct catalog *c, struct sqlite3_stmt *st,
	    struct target_version *t);
/* The id for a code by one of the CATALOG_SQL_*_ID queries (sql_code_id()), but
 * a code that is not there is an error: "unknown WHAT 'code'". */
int	catalog_sql_require_id(struct db *db, const char *sql, const char *what,
	    const char *code, int64_t *id, struct error *e);

/* Makes room for one more item in an array that lives in an arena: a full
 * array is copied into one twice the size (the old one stays in the arena
 * until it is freed). Returns the array; the new slot is zeroed. */
void	*catalog_sql_grow(struct arena *a, void *items, size_t count,
	    size_t *cap, size_t size);

/*
 * A catalogue table as the save writes it: its columns in the order of their
 * parameters ?1, ?2 ..., the first key_count naming the row (its code, or a
 * classification and a code), each bound from a field of the item's record.
 * The INSERT, the UPDATE of what differs and the parent's UPDATE are made
 * from it, so that a column is named in one place.
 */
enum catalog_sql_bind {
	CATALOG_SQL_TEXT,	/* const char * at offset (NULL: SQL NULL) */
	CATALOG_SQL_INT,	/* int at offset */
	CATALOG_SQL_NAME,	/* enum at offset, stored as names[value] */
	CATALOG_SQL_ID,		/* ids[offset], resolved by the caller */
	CATALOG_SQL_POSITION	/* the item's index in its array */
};

struct catalog_sql_column {
	const char		*name;
	enum catalog_sql_bind	 bind;
	size_t			 offset;
	const char *const	*names;		/* CATALOG_SQL_NAME */
};

#define CATALOG_SQL_TEXT_COLUMN(type, field) \
	{ #field, CATALOG_SQL_TEXT, offsetof(type, field), NULL }
#define CATALOG_SQL_INT_COLUMN(type, field) \
	{ #field, CATALOG_SQL_INT, offsetof(type, field), NULL }
#define CATALOG_SQL_NAME_COLUMN(type, field, names) \
	{ #field, CATALOG_SQL_NAME, offsetof(type, field), names }
#define CATALOG_SQL_ID_COLUMN(name, index) \
	{ name, CATALOG_SQL_ID, index, NULL }
#define CATALOG_SQL_POSITION_COLUMN \
	{ "position", CATALOG_SQL_POSITION, 0, NULL }

struct catalog_sql_table {
	const char			*name;
	size_t				 key_count;
	bool				 has_parent;	/* a parent_id column */
	const struct catalog_sql_column	*columns;
	size_t				 column_count;
};

/* Binds every column of t from item into st's parameters 1, 2 ... */
void	catalog_sql_bind_columns(struct sqlite3_stmt *st,
	    const struct catalog_sql_table *t, const void *item, int position,
	    const int64_t *ids);

struct catalog_sql_upsert {
	const struct catalog_sql_table	*table;
	/* The INSERT does nothing if the row is there, the UPDATEs change
	 * only what differs. */
	struct sqlite3_stmt		*insert;
	struct sqlite3_stmt		*update;
	struct sqlite3_stmt		*parent;
};

int	catalog_sql_upsert_prepare(struct db *db,
	    const struct catalog_sql_table *t, struct catalog_sql_upsert *u,
	    struct error *e);
void	catalog_sql_upsert_finalize(struct catalog_sql_upsert *u);
/* Creates the item's row, or updates what differs in it; *action says which
 * (or UNCHANGED). Returns 0 or -1. */
int	catalog_sql_upsert(struct db *db, struct catalog_sql_upsert *u,
	    const void *item, int position, const int64_t *ids,
	    enum store_catalog_action *action, struct error *e);
/* Sets the parent (0: none) of the item's row; returns 1 if it changed, 0 if
 * not, -1 on an error. */
int	catalog_sql_upsert_parent(struct db *db, struct catalog_sql_upsert *u,
	    const void *item, const int64_t *ids, int64_t parent,
	    struct error *e);

#endif
