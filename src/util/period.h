/* Time periods of observations: a year `2017`, a quarter `2017-Q2`, a month
 * `2017-06` (DESIGN.md, "Observation"). Plain values, no memory is handed out. */
#ifndef WIALL_UTIL_PERIOD_H
#define WIALL_UTIL_PERIOD_H

#include <stddef.h>

enum period_kind {
	PERIOD_YEAR,
	PERIOD_QUARTER,
	PERIOD_MONTH,
	PERIOD_KIND__MAX
};

extern const char *const period_kind_names[PERIOD_KIND__MAX];

struct period {
	int			year;	/* 1000..9999 */
	enum period_kind	kind;
	int			sub;	/* 0 for a year, 1..4 quarter, 1..12 month */
};

#define PERIOD_TEXT_MAX 12	/* "2017-Q2" plus NUL, with room */

/* Parses exactly the canonical forms; anything else (`2017/18`, `2017-6`,
 * ` 2017`) is rejected with -1. */
int	period_parse(const char *s, size_t n, struct period *out);
/* Writes the canonical form; returns its length. */
size_t	period_format(const struct period *p, char out[PERIOD_TEXT_MAX]);
/* Orders by start time, then year < quarter < month for the same start. */
int	period_compare(const struct period *a, const struct period *b);
/* A sequential number within the kind: years count 1, quarters year*4+q-1,
 * months year*12+m-1, so that consecutive periods differ by one. */
long	period_ordinal(const struct period *p);
struct period period_from_ordinal(enum period_kind kind, long ordinal);
/* The period as a fractional year at its start (2017-Q2 → 2017.25), for trends. */
double	period_year_value(const struct period *p);

#endif
