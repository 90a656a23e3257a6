/* Shared by the catalogue reader's and writer's files (catalog_json.c reads
 * the items by catalog_json_schema.c's tables with catalog_json_field.c's
 * readers, catalog_json_check.c checks what spans them, catalog_json_write.c
 * writes by the same tables); not for other modules. The reader writes into
 * its caller's catalogue (strings and arrays in its arena) and diag_list. */
#ifndef WIALL_IO_CATALOG_JSON_INTERNAL_H
#define WIALL_IO_CATALOG_JSON_INTERNAL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"
#include "util/model.h"

#define CATALOG_JSON_PATH_MAX	160

/*
 * Reading happens in two phases. Phase one walks the JSON tree section by
 * section and turns every item into a record, checking types, required fields,
 * enum values and the rules inside one item (a target's kind and its fields).
 * Every array element gets a record, even a broken one, so that a record's
 * index is its JSON index and phase two can name its path. Phase two checks
 * what spans items: duplicate codes, references, parent chains and levels,
 * aliases that collide. Nothing stops at the first problem.
 */
struct catalog_json_reader {
	const char		*file;
	struct diag_list	*diags;
	struct catalog		*out;
	const struct catalog	*known;		/* the stored one, or NULL */
	size_t			 problems;
};

/* Writes a JSON path (at most CATALOG_JSON_PATH_MAX bytes with the NUL). */
void	catalog_json_path(char *out, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Adds "path.key: message" (either part may be missing: "" / NULL). */
void	catalog_json_problem(struct catalog_json_reader *r, const char *path,
	    const char *key, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));

/* ---- fields (catalog_json_field.c) ---- */

/* What a string must look like. */
enum catalog_json_text {
	CATALOG_JSON_TEXT_CODE,		/* letters, digits, _ - . (<= 64) */
	CATALOG_JSON_TEXT_LINE,		/* one line: no control characters */
	CATALOG_JSON_TEXT_PARAGRAPH,	/* may hold newlines and tabs */
	CATALOG_JSON_TEXT_URL,		/* http(s)://, no blanks */
	CATALOG_JSON_TEXT_DATE,		/* YYYY-MM-DD */
	CATALOG_JSON_TEXT_PARTIAL_DATE,	/* YYYY, YYYY-MM or YYYY-MM-DD */
	CATALOG_JSON_TEXT_PERIOD,	/* 2017, 2017-Q2, 2017-06 */
	CATALOG_JSON_TEXT_SDG		/* 8, 8.5, 8.a */
};

/*
 * An object's fields as a table: each key with its type and where its value
 * goes in the record. catalog_json_field_object() reports keys the table does
 * not name, then reads the fields in the table's order (so that problems come
 * in that order); a value that is missing, null or wrong is reported (when
 * required or wrong) and leaves the record's default, except as said below.
 */
enum catalog_json_field_type {
	CATALOG_JSON_FIELD_STRING,	/* const char *, NULL unless valid */
	CATALOG_JSON_FIELD_INT,		/* int in [min, max] */
	CATALOG_JSON_FIELD_NUMBER,	/* double; bool at `has`: given */
	CATALOG_JSON_FIELD_ENUM,	/* names[count] index, else `absent` */
	CATALOG_JSON_FIELD_STRINGS,	/* const char **, its size_t count at
					 * `has`: every element a slot */
	CATALOG_JSON_FIELD_OTHER	/* allowed; the caller reads it */
};

struct catalog_json_field {
	const char			*key;
	enum catalog_json_field_type	 type;
	bool				 required;
	enum catalog_json_text		 text;		/* STRING, STRINGS */
	size_t				 offset;
	size_t				 has;		/* NUMBER, STRINGS */
	long long			 min, max;	/* INT */
	bool				 zero_absent;	/* INT: 0 is none */
	const char *const		*names;		/* ENUM */
	int				 count, absent;	/* ENUM */
};

#define CATALOG_JSON_STRING_FIELD(rec, member, need, kind) \
	{ .key = #member, .type = CATALOG_JSON_FIELD_STRING, .required = need, \
	  .text = CATALOG_JSON_TEXT_##kind, .offset = offsetof(rec, member) }
#define CATALOG_JSON_INT_FIELD(rec, member, need, lo, hi) \
	{ .key = #member, .type = CATALOG_JSON_FIELD_INT, .required = need, \
	  .offset = offsetof(rec, member), .min = lo, .max = hi }
/* An optional year: 1000 to 9999, 0 when not given (not written). */
#define CATALOG_JSON_YEAR_FIELD(rec, member) \
	{ .key = #member, .type = CATALOG_JSON_FIELD_INT, \
	  .offset = offsetof(rec, member), .min = 1000, .max = 9999, \
	  .zero_absent = true }
#define CATALOG_JSON_NUMBER_FIELD(rec, member, given) \
	{ .key = #member, .type = CATALOG_JSON_FIELD_NUMBER, \
	  .offset = offsetof(rec, member), .has = offsetof(rec, given) }
#define CATALOG_JSON_ENUM_FIELD(rec, member, need, list, n, none) \
	{ .key = #member, .type = CATALOG_JSON_FIELD_ENUM, .required = need, \
	  .offset = offsetof(rec, member), .names = list, .count = n, \
	  .absent = none }
#define CATALOG_JSON_STRINGS_FIELD(rec, member, n, kind) \
	{ .key = #member, .type = CATALOG_JSON_FIELD_STRINGS, \
	  .text = CATALOG_JSON_TEXT_##kind, .offset = offsetof(rec, member), \
	  .has = offsetof(rec, n) }
#define CATALOG_JSON_OTHER_FIELD(name) \
	{ .key = name, .type = CATALOG_JSON_FIELD_OTHER }
#define CATALOG_JSON_END_FIELD { .key = NULL }

/* The catalogue's objects (catalog_json_schema.c). */
extern const struct catalog_json_field catalog_json_schema_root[];
extern const struct catalog_json_field catalog_json_schema_vision[];
extern const struct catalog_json_field catalog_json_schema_goal[];
extern const struct catalog_json_field catalog_json_schema_indicator[];
extern const struct catalog_json_field catalog_json_schema_target[];
extern const struct catalog_json_field catalog_json_schema_region[];
extern const struct catalog_json_field catalog_json_schema_alias[];
extern const struct catalog_json_field catalog_json_schema_classification[];
extern const struct catalog_json_field catalog_json_schema_sector[];
extern const struct catalog_json_field catalog_json_schema_shock[];
extern const struct catalog_json_field catalog_json_schema_index[];
extern const struct catalog_json_field catalog_json_schema_uncertainty[];
extern const struct catalog_json_field catalog_json_schema_component[];

/* Reports each key of obj that fields (ended by CATALOG_JSON_END_FIELD) does
 * not name: "path.key: unknown field". */
void	catalog_json_field_keys(struct catalog_json_reader *r, json_t *obj,
	    const char *path, const struct catalog_json_field *fields);
/* Reads every field but the OTHER ones into record. */
void	catalog_json_field_read(struct catalog_json_reader *r, json_t *obj,
	    const char *path, const struct catalog_json_field *fields,
	    void *record);
/* Both: an object whose fields are all in the table. */
void	catalog_json_field_object(struct catalog_json_reader *r, json_t *obj,
	    const char *path, const struct catalog_json_field *fields,
	    void *record);

/* One string field: its copy in the catalogue, NULL when absent (JSON null
 * counts as absent; a problem if required) or not valid text of its kind. */
const char *catalog_json_field_string(struct catalog_json_reader *r,
	    json_t *obj, const char *path, const char *key, bool required,
	    enum catalog_json_text text);
/* One enum field: its index in names, or `absent` when missing or wrong. */
int	catalog_json_field_enum(struct catalog_json_reader *r, json_t *obj,
	    const char *path, const char *key, const char *const *names,
	    int count, bool required, int absent);
/* The array at key: NULL when absent (no problem) or not an array (a
 * problem). */
json_t	*catalog_json_field_array(struct catalog_json_reader *r, json_t *obj,
	    const char *path, const char *key);
/* Element i of an array must be an object: returns it, or NULL after a
 * problem; writes its path "base[i]" into path. */
json_t	*catalog_json_field_item(struct catalog_json_reader *r, json_t *array,
	    size_t i, const char *base, char *path);
/* Whether obj has key with a value other than null. */
bool	catalog_json_field_has(json_t *obj, const char *key);
/* "an object", "a string" ...: the type of v, for messages. */
const char *catalog_json_field_kind(const json_t *v);

/* Fills the record of one element of an array that is an object. */
typedef void (*catalog_json_read_fn)(struct catalog_json_reader *r, json_t *v,
	    const char *path, void *record, const void *arg);

/*
 * The array at obj's key as records of `size` bytes in the catalogue's arena,
 * one per element, so that a record's index is its JSON index (*count of
 * them; NULL and 0 without an array). read() fills the record of each element
 * that is an object; any other element is a problem and a zeroed record.
 * (catalog_json.c)
 */
void	*catalog_json_records(struct catalog_json_reader *r, json_t *obj,
	    const char *path, const char *key, size_t size, size_t *count,
	    catalog_json_read_fn read, const void *arg);

/* ---- targets (catalog_json_target.c) ---- */

/* A target version (record: struct target_version; arg: the indicator's
 * polarity, an int). */
void	catalog_json_target_read(struct catalog_json_reader *r, json_t *v,
	    const char *path, void *record, const void *arg);
/* The versions of each target code of ind must not clash. */
void	catalog_json_target_versions(struct catalog_json_reader *r,
	    const char *path, const struct indicator *ind);

/* ---- composite indices (catalog_json_index.c) ---- */

/* Phase one: the `indices` array, each index with its uncertainty and
 * components, and the rules inside one index. */
void	catalog_json_index_read_all(struct catalog_json_reader *r,
	    json_t *array);
/* Phase two: codes, units, the hierarchy and what the leaves name. */
void	catalog_json_index_check(struct catalog_json_reader *r);

/* ---- phase two (catalog_json_check.c) ---- */

/* Reports each code that an earlier item of the array already has. Every item
 * type keeps its code at `offset` (offsetof(struct goal, code) ...). */
void	catalog_json_check_duplicates(struct catalog_json_reader *r,
	    const void *array, size_t count, size_t size, size_t offset,
	    const char *base, const char *what);
/* A region reference must name a region's code (in the file or stored); an
 * alias gets a hint. NULL code: nothing to check. */
void	catalog_json_check_region_ref(struct catalog_json_reader *r,
	    const char *path, const char *key, const char *code);

/* Phase two, over the records phase one made. */
void	catalog_json_check(struct catalog_json_reader *r);

#endif
