/* Heckbert's nice numbers (see axis.h for the citation). The algorithm:
 * range = nice(max - min, not rounded); step = nice(range / (wanted - 1),
 * rounded); the axis runs from floor(min / step) × step to
 * ceil(max / step) × step; fraction digits = max(-floor(log10 step), 0). */
#include "web/axis.h"

#include <math.h>

double
axis_nice_number(double x, bool round)
{
	double exponent, fraction, nice;

	exponent = floor(log10(x));
	fraction = x / pow(10.0, exponent);	/* 1 <= fraction < 10 */
	if (round) {
		if (fraction < 1.5)
			nice = 1.0;
		else if (fraction < 3.0)
			nice = 2.0;
		else if (fraction < 7.0)
			nice = 5.0;
		else
			nice = 10.0;
	} else {
		if (fraction <= 1.0)
			nice = 1.0;
		else if (fraction <= 2.0)
			nice = 2.0;
		else if (fraction <= 5.0)
			nice = 5.0;
		else
			nice = 10.0;
	}
	return nice * pow(10.0, exponent);
}

int
axis_nice_ticks(double min, double max, int wanted, struct axis_ticks *out)
{
	double range, step, first, last;

	if (!isfinite(min) || !isfinite(max))
		return -1;
	if (min > max) {
		double t = min;
		min = max;
		max = t;
	}
	if (wanted < 2)
		wanted = 2;
	if (min == max) {
		/* One value: show it in the middle of a small range. */
		double pad = min == 0.0 ? 1.0 : fabs(min) * 0.1;
		min -= pad;
		max += pad;
	}
	range = axis_nice_number(max - min, false);
	step = axis_nice_number(range / (wanted - 1), true);
	if (!isfinite(range) || !isfinite(step) || step <= 0.0)
		return -1;
	/* A tiny tolerance keeps 0.30000000000000004 / 0.1 from becoming 4. */
	first = floor(min / step + 1e-9);
	last = ceil(max / step - 1e-9);
	if (fabs(first) > 1e12 || fabs(last) > 1e12 || last - first > 1000.0)
		return -1;
	out->step = step;
	out->first = (long)first;
	out->count = (int)(last - first) + 1;
	out->lo = first * step;
	out->hi = last * step;
	out->decimals = (int)fmax(-floor(log10(step) + 1e-9), 0.0);
	return 0;
}

double
axis_tick_value(const struct axis_ticks *t, int i)
{
	return (double)(t->first + i) * t->step;
}
