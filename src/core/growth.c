/* Growth measures and annual values (METHODS §2.1, §1). */
#include "core/growth.h"

#include <math.h>

const char *const growth_status_names[GROWTH_STATUS__MAX] = {
	[GROWTH_OK] = "ok",
	[GROWTH_NOT_FINITE] = "not_finite",
	[GROWTH_NO_PREVIOUS] = "no_previous",
	[GROWTH_BREAK] = "break_in_series",
	[GROWTH_ZERO_BASE] = "zero_base",
	[GROWTH_NEGATIVE_BASE] = "negative_base",
	[GROWTH_ZERO_VALUE] = "zero_value",
	[GROWTH_SIGN_CHANGE] = "sign_change",
	[GROWTH_ZERO_SPAN] = "zero_span",
};

const char *const growth_annual_names[GROWTH_ANNUAL__MAX] = {
	[GROWTH_ANNUAL_MEAN] = "mean",
	[GROWTH_ANNUAL_LAST] = "last",
	[GROWTH_ANNUAL_SUM] = "sum",
};

static enum growth_status
growth_result(double v, double *out)
{
	if (!isfinite(v))
		return GROWTH_NOT_FINITE;
	*out = v;
	return GROWTH_OK;
}

enum growth_status
growth_change(double previous, double current, double *out)
{
	if (!isfinite(previous) || !isfinite(current))
		return GROWTH_NOT_FINITE;
	return growth_result(current - previous, out);
}

enum growth_status
growth_relative_change(double previous, double current, double *out)
{
	if (!isfinite(previous) || !isfinite(current))
		return GROWTH_NOT_FINITE;
	if (previous == 0)
		return GROWTH_ZERO_BASE;
	return growth_result((current - previous) / previous, out);
}

enum growth_status
growth_cagr(double a, double b, double t_a, double t_b, double *out)
{
	if (!isfinite(a) || !isfinite(b) || !isfinite(t_a) || !isfinite(t_b))
		return GROWTH_NOT_FINITE;
	if (b == 0)
		return GROWTH_ZERO_BASE;
	if (a == 0)
		return GROWTH_ZERO_VALUE;
	if ((a < 0) != (b < 0))
		return GROWTH_SIGN_CHANGE;
	if (t_a == t_b)
		return GROWTH_ZERO_SPAN;
	/* METHODS §2.1: (a/b)^(1/(t_a − t_b)) − 1 */
	return growth_result(pow(a / b, 1.0 / (t_a - t_b)) - 1.0, out);
}

/* Whether a break flag sits on any point in (from, to]. */
static int
growth_break_between(const struct series *s, size_t from, size_t to)
{
	size_t i;

	for (i = from + 1; i <= to; i++)
		if (series_flags_at(s, i) & SERIES_FLAG_BREAK)
			return 1;
	return 0;
}

static int
growth_check(const struct series *s, struct error *e)
{
	size_t at;
	enum series_problem p = series_check(s, &at);

	if (p != SERIES_OK && p != SERIES_EMPTY)
		return error_set(e, "point %zu: %s", at + 1,
		    series_problem_names[p]);
	return 0;
}

int
growth_series_changes(const struct series *s, enum growth_measure what,
    struct growth_point *out, struct error *e)
{
	size_t i;

	if (growth_check(s, e) == -1)
		return -1;
	if (what != GROWTH_ABSOLUTE && what != GROWTH_RELATIVE)
		return error_set(e, "unknown growth measure %d", (int)what);
	for (i = 0; s != NULL && i < s->count; i++) {
		struct period before = s->periods[i];
		long j;

		before.year--;
		j = series_find(s, &before);
		out[i].value = 0;
		if (j < 0)
			out[i].status = GROWTH_NO_PREVIOUS;
		else if (growth_break_between(s, (size_t)j, i))
			out[i].status = GROWTH_BREAK;
		else if (what == GROWTH_ABSOLUTE)
			out[i].status = growth_change(s->values[j], s->values[i],
			    &out[i].value);
		else
			out[i].status = growth_relative_change(s->values[j],
			    s->values[i], &out[i].value);
	}
	return 0;
}

int
growth_index(const struct series *s, size_t base, struct growth_point *out,
    struct error *e)
{
	size_t i;
	double b;

	if (growth_check(s, e) == -1)
		return -1;
	if (s == NULL || base >= s->count)
		return error_set(e, "index base %zu is not a point of the series",
		    base + 1);
	b = s->values[base];
	for (i = 0; i < s->count; i++) {
		out[i].value = 0;
		if (b == 0)
			out[i].status = GROWTH_ZERO_BASE;
		else if (b < 0)
			out[i].status = GROWTH_NEGATIVE_BASE;
		else if (i > base ? growth_break_between(s, base, i) :
		    growth_break_between(s, i, base))
			out[i].status = GROWTH_BREAK;
		else	/* METHODS §2.1: x_t / x_base × 100 */
			out[i].status = growth_result(s->values[i] / b * 100.0,
			    &out[i].value);
	}
	return 0;
}

/* Neumaier's compensated sum (METHODS §1). */
static double
growth_sum(const double *v, size_t n)
{
	double sum = 0, c = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		double t = sum + v[i];

		if (fabs(sum) >= fabs(v[i]))
			c += (sum - t) + v[i];
		else
			c += (v[i] - t) + sum;
		sum = t;
	}
	return sum + c;
}

int
growth_annualise(const struct series *s, enum growth_annual how,
    struct period *out_periods, double *out_values, unsigned *out_flags,
    size_t capacity, size_t *count, size_t *incomplete, struct error *e)
{
	size_t i = 0, n = 0, skipped = 0;
	int per_year;

	*count = 0;
	if (incomplete != NULL)
		*incomplete = 0;
	if (growth_check(s, e) == -1)
		return -1;
	if ((unsigned)how >= GROWTH_ANNUAL__MAX)
		return error_set(e, "unknown annual aggregation %d", (int)how);
	if (s == NULL || s->count == 0)
		return 0;
	switch (s->periods[0].kind) {
	case PERIOD_QUARTER:
		per_year = 4;
		break;
	case PERIOD_MONTH:
		per_year = 12;
		break;
	default:
		per_year = 1;
		break;
	}
	while (i < s->count) {
		size_t j = i, k;
		unsigned flags = 0;
		double v;

		while (j < s->count && s->periods[j].year == s->periods[i].year)
			j++;
		for (k = i; k < j; k++)
			flags |= series_flags_at(s, k);
		/* Sorted, one kind, strictly increasing: j − i periods are all distinct. */
		if (how == GROWTH_ANNUAL_LAST
		    ? per_year > 1 && s->periods[j - 1].sub != per_year
		    : (int)(j - i) != per_year) {
			skipped++;
			i = j;
			continue;
		}
		if (n == capacity)
			return error_set(e, "room for %zu annual values only",
			    capacity);
		if (how == GROWTH_ANNUAL_LAST)
			v = s->values[j - 1];
		else if (how == GROWTH_ANNUAL_SUM)
			v = growth_sum(s->values + i, j - i);
		else
			v = growth_sum(s->values + i, j - i) / (double)(j - i);
		if (!isfinite(v))
			return error_set(e, "year %d: the annual value overflows",
			    s->periods[i].year);
		out_periods[n].year = s->periods[i].year;
		out_periods[n].kind = PERIOD_YEAR;
		out_periods[n].sub = 0;
		out_values[n] = v;
		if (out_flags != NULL)
			out_flags[n] = flags;
		n++;
		i = j;
	}
	*count = n;
	if (incomplete != NULL)
		*incomplete = skipped;
	return 0;
}
