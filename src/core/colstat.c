#include "core/colstat.h"

#include <math.h>
#include <stdlib.h>

size_t
colstat_count(const double *x, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (!isnan(x[i]))
			k++;
	return k;
}

double
colstat_sum(const double *x, size_t n)
{
	double s = 0.0, c = 0.0;
	size_t i;

	for (i = 0; i < n; i++)
		if (!isnan(x[i]))
			colstat_add(&s, &c, x[i]);
	return s + c;
}

double
colstat_mean_count(const double *x, size_t n, size_t *count)
{
	double s = 0.0, c = 0.0;
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (isnan(x[i]))
			continue;
		k++;
		colstat_add(&s, &c, x[i]);
	}
	if (count != NULL)
		*count = k;
	return k == 0 ? NAN : (s + c) / (double)k;
}

double
colstat_mean(const double *x, size_t n)
{
	return colstat_mean_count(x, n, NULL);
}

double
colstat_sd(const double *x, size_t n)
{
	double mean, s = 0.0, c = 0.0;
	size_t i, k;

	mean = colstat_mean_count(x, n, &k);
	if (k < 2)
		return NAN;
	for (i = 0; i < n; i++) {
		double d;

		if (isnan(x[i]))
			continue;
		d = x[i] - mean;
		colstat_add(&s, &c, d * d);
	}
	return sqrt((s + c) / (double)(k - 1));
}

int
colstat_range(const double *x, size_t n, double *min, double *max)
{
	size_t i;
	int found = 0;

	for (i = 0; i < n; i++) {
		if (isnan(x[i]))
			continue;
		if (!found || x[i] < *min)
			*min = x[i];
		if (!found || x[i] > *max)
			*max = x[i];
		found = 1;
	}
	return found ? 0 : -1;
}

static int
pair_ascending(const void *a, const void *b)
{
	const struct colstat_pair *p = a, *q = b;

	if (p->value < q->value)
		return -1;
	if (p->value > q->value)
		return 1;
	return (p->index > q->index) - (p->index < q->index);
}

static int
pair_descending(const void *a, const void *b)
{
	const struct colstat_pair *p = a, *q = b;

	if (p->value > q->value)
		return -1;
	if (p->value < q->value)
		return 1;
	return (p->index > q->index) - (p->index < q->index);
}

static void
rank_sorted(const double *x, size_t n, double *rank, struct colstat_pair *pairs,
    int (*cmp)(const void *, const void *))
{
	size_t i, k = 0;
	double current = 0.0;

	for (i = 0; i < n; i++) {
		if (isnan(x[i])) {
			rank[i] = NAN;
			continue;
		}
		pairs[k].value = x[i];
		pairs[k].index = i;
		k++;
	}
	qsort(pairs, k, sizeof(*pairs), cmp);
	for (i = 0; i < k; i++) {
		if (i == 0 || pairs[i].value != pairs[i - 1].value)
			current = (double)(i + 1);
		rank[pairs[i].index] = current;
	}
}

void
colstat_rank_ascending(const double *x, size_t n, double *rank,
    struct colstat_pair *scratch)
{
	rank_sorted(x, n, rank, scratch, pair_ascending);
}

void
colstat_rank_descending(const double *x, size_t n, double *rank,
    struct colstat_pair *scratch)
{
	rank_sorted(x, n, rank, scratch, pair_descending);
}

static int
double_ascending(const void *a, const void *b)
{
	double p = *(const double *)a, q = *(const double *)b;

	return (p > q) - (p < q);
}

void
colstat_sort(double *x, size_t n)
{
	qsort(x, n, sizeof(*x), double_ascending);
}

/* R: index <- 1 + (n - 1) * p; lo <- floor(index); qs <- x[lo]; and only where
 * index > lo and x[hi] != qs: qs <- (1 - h) * qs + h * x[hi]. */
double
colstat_quantile7(const double *sorted, size_t n, double p)
{
	double index, h, qs;
	size_t lo, hi;

	if (n == 0)
		return NAN;
	index = 1.0 + (double)(n - 1) * p;
	lo = (size_t)floor(index);
	hi = (size_t)ceil(index);
	if (lo < 1)
		lo = 1;
	if (hi > n)
		hi = n;
	qs = sorted[lo - 1];
	if (index > (double)lo && sorted[hi - 1] != qs) {
		h = index - (double)lo;
		qs = (1.0 - h) * qs + h * sorted[hi - 1];
	}
	return qs;
}

double
colstat_median(const double *sorted, size_t n)
{
	if (n == 0)
		return NAN;
	if (n % 2 == 1)
		return sorted[n / 2];
	return (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
}
