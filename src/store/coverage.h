/* What data the store holds, summarised for `wiall status` and `wiall check`:
 * per series and kind of period, how many values and from when to when, and
 * the totals of the database. Rows handed to a callback are valid only during
 * the call; strings of the totals live in the caller's arena. */
#ifndef WIALL_STORE_COVERAGE_H
#define WIALL_STORE_COVERAGE_H

#include "store/db.h"
#include "util/arena.h"
#include "util/error.h"

/* One series' observations of one kind of period (util/period.h). */
struct coverage_row {
	long long	 series_id;
	const char	*indicator;	/* code */
	const char	*region;	/* code */
	const char	*dims;		/* canonical, "" for none */
	int		 kind;		/* enum period_kind, or -1: periods that
					 * are no period (written around wiall) */
	long long	 values;	/* observations with a value */
	long long	 missing;	/* observations stored as missing */
	const char	*first, *last;	/* of those with a value; "" if none */
	const char	*example;	/* the smallest period text of the group */
};
typedef int (*coverage_fn)(const struct coverage_row *row, void *arg);

/* Every series with observations, ordered by indicator code, region code,
 * dims and kind. Returns 0, -1, or the callback's stop value. */
int	coverage_series(struct db *db, coverage_fn fn, void *arg,
	    struct error *e);

struct coverage_totals {
	long long	 observations, values, series, empty_series;
	long long	 revisions, batches;
	long long	 last_batch;		/* 0: none */
	const char	*last_file;		/* of the last batch, or NULL */
	const char	*last_time;
};

int	coverage_totals(struct db *db, struct arena *a,
	    struct coverage_totals *out, struct error *e);

#endif
