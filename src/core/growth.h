/* Growth measures (METHODS §2.1: annual and relative change, CAGR, index series)
 * and the annual values of sub-annual series (METHODS §1: mean, last value for
 * stocks, or sum). Pure functions on the caller's arrays; nothing is allocated. */
#ifndef WIALL_CORE_GROWTH_H
#define WIALL_CORE_GROWTH_H

#include <stddef.h>

#include "core/series.h"
#include "util/error.h"

enum growth_status {
	GROWTH_OK,
	GROWTH_NOT_FINITE,	/* an input or the result is NaN or infinite */
	GROWTH_NO_PREVIOUS,	/* no value one year earlier: the point is absent */
	GROWTH_BREAK,		/* a break in series lies between the two values */
	GROWTH_ZERO_BASE,	/* the value divided by is zero */
	GROWTH_NEGATIVE_BASE,	/* an index base below zero has no meaning */
	GROWTH_ZERO_VALUE,	/* CAGR of a ratio of zero: a/b > 0 is required */
	GROWTH_SIGN_CHANGE,	/* CAGR across a change of sign: a/b > 0 is required */
	GROWTH_ZERO_SPAN,	/* CAGR over no time */
	GROWTH_STATUS__MAX
};

extern const char *const growth_status_names[GROWTH_STATUS__MAX];

/* Δ = current − previous. */
enum growth_status	growth_change(double previous, double current, double *out);
/* Δ / previous. */
enum growth_status	growth_relative_change(double previous, double current,
			    double *out);
/* CAGR(a, b, t_a, t_b) = (a / b)^(1 / (t_a − t_b)) − 1, defined only for a/b > 0. */
enum growth_status	growth_cagr(double a, double b, double t_a, double t_b,
			    double *out);

/* One result per point of a series: value is meaningful only when status is OK. */
struct growth_point {
	enum growth_status	status;
	double			value;
};

enum growth_measure {
	GROWTH_ABSOLUTE,	/* Δ_t = x_t − x_{t−1} */
	GROWTH_RELATIVE,	/* Δ_t / x_{t−1} */
	GROWTH_MEASURE__MAX
};

/*
 * The change of every point against the point one year earlier (the previous
 * year; for quarters and months the same quarter or month a year earlier). The
 * first year, a point whose predecessor is absent, and a change across a break
 * get a status instead of a value. out has s->count elements. Returns -1 (and
 * fills e) when the series itself is malformed (series_check).
 */
int	growth_series_changes(const struct series *s, enum growth_measure what,
	    struct growth_point *out, struct error *e);
/* Index series x_t / x_base × 100 with base the index of a point of s; points on
 * the other side of a break from the base get GROWTH_BREAK. */
int	growth_index(const struct series *s, size_t base, struct growth_point *out,
	    struct error *e);

enum growth_annual {
	GROWTH_ANNUAL_MEAN,	/* flows and rates: the mean of the year's values */
	GROWTH_ANNUAL_LAST,	/* stocks: the value at the end of the year */
	GROWTH_ANNUAL_SUM,	/* flows counted per period: the year's total */
	GROWTH_ANNUAL__MAX
};

extern const char *const growth_annual_names[GROWTH_ANNUAL__MAX];

/*
 * Annual values of a quarterly or monthly series (METHODS §1). A year counts only
 * when it is complete: all 4 quarters or 12 months for the mean and the sum, the
 * fourth quarter or December for the last value. Incomplete years are left out
 * (missing, never zero) and counted in *incomplete. A year's flags are the union of
 * its periods' flags, so a break inside a year marks the year. An annual series is
 * copied through. The out arrays need room for one value per distinct year
 * (s->count always suffices). Returns 0, or -1 with e filled.
 */
int	growth_annualise(const struct series *s, enum growth_annual how,
	    struct period *out_periods, double *out_values, unsigned *out_flags,
	    size_t capacity, size_t *count, size_t *incomplete, struct error *e);

#endif
