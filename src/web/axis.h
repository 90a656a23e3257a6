/* Axis scales with "nice" tick values: Heckbert's loose labelling (P. S.
 * Heckbert, "Nice numbers for graph labels", Graphics Gems, Academic Press
 * 1990, pp. 61-63, 657-659). Plain values; no memory is handed out. */
#ifndef WIALL_WEB_AXIS_H
#define WIALL_WEB_AXIS_H

#include <stdbool.h>

struct axis_ticks {
	double	lo, hi;		/* the axis range: first and last tick */
	double	step;		/* distance between ticks: 1, 2 or 5 × 10^k */
	long	first;		/* lo = first × step (kept exact for the ticks) */
	int	count;		/* number of ticks, lo and hi included */
	int	decimals;	/* fraction digits that show every tick exactly */
};

/* A "nice" number near x > 0: 1, 2, 5 or 10 times a power of ten. With
 * `round`, the nearest such number; without, the smallest that is >= x. */
double	axis_nice_number(double x, bool round);
/* Ticks that cover [min, max] with about `wanted` (>= 2) ticks. An empty
 * range (min == max) is widened around the value. Returns -1 for values
 * that are not finite or a range too large for the ticks to count. */
int	axis_nice_ticks(double min, double max, int wanted,
	    struct axis_ticks *out);
/* The i-th tick value (0 <= i < count), computed from its integer multiple
 * of the step so that no rounding drift accumulates. */
double	axis_tick_value(const struct axis_ticks *t, int i);

#endif
