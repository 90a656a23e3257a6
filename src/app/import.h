/* The import use case: observation files → checked against the catalogue →
 * written in ONE transaction (all files, all or nothing) → one batch per file.
 * The result and its file list are the caller's, freed with import_result_free(). */
#ifndef WIALL_APP_IMPORT_H
#define WIALL_APP_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "io/obsfile.h"
#include "store/db.h"
#include "util/error.h"

#define IMPORT_MAX_PROBLEMS 50

struct import_options {
	const struct obsfile_options *reader;
	bool		 dry_run;		/* check and count, write nothing */
	bool		 skip_unknown_regions;	/* count such rows, do not fail */
	bool		 skip_unknown_indicators;
	size_t		 max_problems;		/* stop after so many; 0: 50 */
	const char	*options_text;		/* recorded in each batch */
};

struct import_file_result {
	char		*path;
	char		 format[16];
	char		 sha256[65];
	long long	 batch_id;		/* 0: none recorded (nothing changed) */
	long		 read, added, changed, unchanged, skipped;
};

/* Rows whose unit differs from their indicator's by more than a scale
 * (a scale is an error) are warned about: this many per indicator and
 * file, then one line with the count of the others. */
#define IMPORT_UNIT_WARNINGS 3

struct import_result {
	struct import_file_result *files;
	size_t		 count;
	long		 read, added, changed, unchanged, skipped;
	bool		 stopped;		/* gave up after max_problems */
	/* `file:line:column: warning: ...`, which do not stop the import
	 * (filled whether it succeeds or not). */
	struct diag_list warnings;
};

/* A row's unit (a column, --unit or an SDMX unit) is compared with its
 * indicator's (core/unit.h): the same base with another scale word
 * ("billion EUR" for "million EUR") is a problem; any other difference is
 * a warning in res->warnings; a row without a unit takes the indicator's.
 * Returns 0 when every file imported (or, with dry_run, would import), -1
 * when there were problems (each in diags as file:line:column: message; the
 * database is unchanged) or a database error (in e, diags empty). */
int	import_run(struct db *db, const char *const *paths, size_t npaths,
	    const struct import_options *opt, struct import_result *res,
	    struct diag_list *diags, struct error *e);

/* A file to import: read from path, or, when data is not NULL, from those
 * size bytes (the demo's files compiled into the binary); path is then only
 * the name shown in messages and recorded in the batch. */
struct import_input {
	const char	*path;
	const void	*data;
	size_t		 size;
};

/* import_run() over inputs that may be in memory. */
int	import_run_inputs(struct db *db, const struct import_input *in,
	    size_t n, const struct import_options *opt, struct import_result *res,
	    struct diag_list *diags, struct error *e);

/* The SHA-256 of size bytes as 64 hex digits, as a batch records it. */
void	import_sha256(const void *data, size_t size, char out[65]);
void	import_result_free(struct import_result *res);

#endif
