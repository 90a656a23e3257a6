/* Statistics over one column of values that skip missing values (NAN): compensated
 * sums (METHODS §1), means, sample standard deviations, ranks with ties and R's
 * type-7 quantiles. Pure; the only memory used is the caller's scratch arrays. */
#ifndef WIALL_CORE_COLSTAT_H
#define WIALL_CORE_COLSTAT_H

#include <stddef.h>

/* A value paired with its position, the scratch unit of the rank functions. */
struct colstat_pair {
	double	 value;
	size_t	 index;
};

size_t	colstat_count(const double *x, size_t n);
/* One step of compensated summation (METHODS §1): *s + v into *s and the exact
 * rounding error of that addition (Knuth's TwoSum, no branch) into *c; the total
 * is *s + *c, Neumaier's result. Inline: it sits in the innermost loops. */
static inline void
colstat_add(double *s, double *c, double v)
{
	double t = *s + v, bp = t - *s;

	*c += (*s - (t - bp)) + (v - bp);
	*s = t;
}
/* Compensated sum of the present values (0 when none is present). */
double	colstat_sum(const double *x, size_t n);
/* Mean of the present values; NAN when none is present. */
double	colstat_mean(const double *x, size_t n);
/* The same, also giving the number of present values (count may be NULL). */
double	colstat_mean_count(const double *x, size_t n, size_t *count);
/* Sample standard deviation (divisor n - 1) of the present values; NAN for < 2. */
double	colstat_sd(const double *x, size_t n);
/* Smallest and largest present value; -1 when none is present. */
int	colstat_range(const double *x, size_t n, double *min, double *max);
/* Ranks of the present values: ascending (the smallest gets 1) or descending (the
 * largest gets 1); equal values share the smallest rank of their group, as R's
 * rank(ties.method = "min", na.last = "keep"). Missing values get a NAN rank.
 * `scratch` holds n pairs. */
void	colstat_rank_ascending(const double *x, size_t n, double *rank,
	    struct colstat_pair *scratch);
void	colstat_rank_descending(const double *x, size_t n, double *rank,
	    struct colstat_pair *scratch);
/* Sorts x[0..n) ascending in place (no missing values allowed). */
void	colstat_sort(double *x, size_t n);
/* Quantile of sorted, present values by linear interpolation, R type 7:
 * h = (n - 1)p + 1, computed exactly as R's quantile.default does. NAN for n = 0. */
double	colstat_quantile7(const double *sorted, size_t n, double p);
/* Median of sorted values as R's median(): the middle value, or the mean of the
 * two middle values. NAN for n = 0. */
double	colstat_median(const double *sorted, size_t n);

#endif
