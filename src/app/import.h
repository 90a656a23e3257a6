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

struct import_result {
	struct import_file_result *files;
	size_t		 count;
	long		 read, added, changed, unchanged, skipped;
	bool		 stopped;		/* gave up after max_problems */
};

/* Returns 0 when every file imported (or, with dry_run, would import), -1
 * when there were problems (each in diags as file:line:column: message; the
 * database is unchanged) or a database error (in e, diags empty). */
int	import_run(struct db *db, const char *const *paths, size_t npaths,
	    const struct import_options *opt, struct import_result *res,
	    struct diag_list *diags, struct error *e);
void	import_result_free(struct import_result *res);

#endif
