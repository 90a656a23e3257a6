/* Compensated (Neumaier) summation, the way every sum over many cells in the
 * numerical core is formed (METHODS §1). Pure arithmetic: nothing allocates,
 * an accumulator is a plain value the caller keeps where it likes. */
#ifndef WIALL_CORE_SUM_H
#define WIALL_CORE_SUM_H

#include <math.h>
#include <stddef.h>

/* A running sum and the low-order bits lost so far. Start from SUM_INIT. */
struct sum {
	double	value;
	double	compensation;
};

#define SUM_INIT { 0.0, 0.0 }

/* Neumaier's variant of Kahan summation: unlike Kahan's it stays exact when a
 * term is larger than the running sum (e.g. 1 + 1e100 − 1e100). Inline because it
 * runs once per matrix cell in the benchmarks. */
static inline void
sum_add(struct sum *s, double v)
{
	double t = s->value + v;

	if (fabs(s->value) >= fabs(v))
		s->compensation += (s->value - t) + v;
	else
		s->compensation += (v - t) + s->value;
	s->value = t;
}

static inline double
sum_result(const struct sum *s)
{
	return s->value + s->compensation;
}

/* a·b − c·d to within about one unit in the last place, by Kahan's fused
 * multiply-add method. Growth-rate differences such as x1/x0 − X1/X0 lose most of
 * their digits to cancellation when formed naively; written as
 * (x1·X0 − X1·x0)/(x0·X0) with this they stay accurate (exact for whole counts). */
static inline double
sum_difference_of_products(double a, double b, double c, double d)
{
	double w = c * d;
	double e = fma(-c, d, w);

	return fma(a, b, -w) + e;
}

/* Σ x[0..n), compensated. */
double	sum_array(const double *x, size_t n);

#endif
