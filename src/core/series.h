/* A time series as the trend and target methods read it (METHODS §1, §2): parallel
 * arrays of periods, values and per-point flags. The caller owns every array; the
 * functions here only read them and hand out indices, never memory. */
#ifndef WIALL_CORE_SERIES_H
#define WIALL_CORE_SERIES_H

#include <stddef.h>

#include "util/period.h"

/*
 * Per-point flags. A missing value is an absent point, never a flagged zero.
 * SERIES_FLAG_BREAK marks the first point of a new, comparable stretch: the point
 * is not comparable with the points before it ("break in series" in the DESIGN.md
 * observation flags). Methods use only the points from the last break on.
 */
enum series_flag {
	SERIES_FLAG_BREAK	= 1u << 0,
	SERIES_FLAG_PROVISIONAL	= 1u << 1,
	SERIES_FLAG_ESTIMATED	= 1u << 2,
};

struct series {
	const struct period	*periods;	/* strictly increasing, one kind */
	const double		*values;	/* finite */
	const unsigned		*flags;		/* NULL: no point is flagged */
	size_t			 count;
};

enum series_problem {
	SERIES_OK,
	SERIES_EMPTY,
	SERIES_MIXED_KINDS,	/* years mixed with quarters or months */
	SERIES_UNSORTED,	/* a period not after the one before it */
	SERIES_NOT_FINITE,	/* NaN or infinity where a value should be */
	SERIES_PROBLEM__MAX
};

extern const char *const series_problem_names[SERIES_PROBLEM__MAX];

/* Checks the shape the methods rely on; on a problem, *at (if not NULL) is the
 * index of the offending point. */
enum series_problem	series_check(const struct series *s, size_t *at);
unsigned		series_flags_at(const struct series *s, size_t i);
/* Index of the first point that counts: the last point flagged as a break, or 0. */
size_t			series_comparable_start(const struct series *s);
/* Index of the point with period p, or -1 when the series has no such point. */
long			series_find(const struct series *s, const struct period *p);

#endif
