/* Shared by the catalogue reader's files (catalog_json.c reads the items,
 * catalog_json_check.c checks what spans them); not for other modules. The
 * reader writes into its caller's catalogue and diag_list. */
#ifndef WIALL_IO_CATALOG_JSON_INTERNAL_H
#define WIALL_IO_CATALOG_JSON_INTERNAL_H

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

/* Phase two, over the records phase one made. */
void	catalog_json_check(struct catalog_json_reader *r);

#endif
