/* The catalogue file (JSON): reading with full validation, and the canonical
 * export. The reader fills a caller-initialised struct catalog (which owns what
 * it holds); problems go to a caller's diag_list, which owns its messages. */
#ifndef WIALL_IO_CATALOG_JSON_H
#define WIALL_IO_CATALOG_JSON_H

#include <stddef.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/model.h"

/*
 * Parses a catalogue: a JSON object with an optional `vision` object and the
 * optional arrays `goals`, `indicators`, `regions`, `classifications`,
 * `shocks` and `indices` (composite indices, docs/index.md), each item with
 * its `code`. Every problem is added to diags (up to
 * its limit), located by its JSON path, e.g. `indicators[3].polarity: required`
 * or `goals[2].parent: unknown goal 'G9'`; a JSON syntax error carries its
 * line and column instead. Unknown fields, wrong types, bad enum values,
 * duplicate codes and broken references are all errors.
 *
 * References (goal parents, an indicator's goals, regions, classifications,
 * sector parents, an index's units, indicators, sectors and shocks) resolve within the file and, when `known` is not NULL, in the
 * catalogue already stored, so that a file may add to it.
 *
 * Returns 0 if the catalogue is valid (out is filled and canonicalized), -1 if
 * any problem was found (out holds a partial catalogue; free it all the same).
 */
int	catalog_json_parse(const char *data, size_t len, const char *file_name,
	    const struct catalog *known, struct catalog *out,
	    struct diag_list *diags);

/* Reads the file at path and parses it as above; a file that cannot be read
 * is one more diagnostic. */
int	catalog_json_read_file(const char *path, const struct catalog *known,
	    struct catalog *out, struct diag_list *diags);

/* Appends the canonical JSON of c to out: fixed key order, two-space indent,
 * optional fields omitted when absent, numbers in their shortest round-trip
 * form (util/text.h). Reading the output and writing it again gives the same
 * bytes. */
void	catalog_json_write(const struct catalog *c, struct buf *out);

#endif
