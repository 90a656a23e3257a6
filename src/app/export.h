/* The export use case: observations chosen by indicator, region and period
 * range → long CSV or SDMX-CSV 1.0 on a stream, deterministic (same database,
 * same bytes). Nothing is handed out; the stream stays the caller's. */
#ifndef WIALL_APP_EXPORT_H
#define WIALL_APP_EXPORT_H

#include <stdio.h>

#include "io/obswrite.h"
#include "store/db.h"
#include "util/error.h"

struct export_options {
	const char		*indicator;	/* code, or NULL for all */
	const char		*region;	/* code or alias, or NULL */
	const char		*from, *to;	/* periods, or NULL */
	enum obswrite_format	 format;
};

/* Writes the header and every matching observation; *rows is their number.
 * An unknown indicator or region, or a bad period, is an error. */
int	export_run(struct db *db, const struct export_options *o, FILE *out,
	    long *rows, struct error *e);

#endif
