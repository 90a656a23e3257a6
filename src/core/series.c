/* Series checks and break handling (METHODS §2: a flagged break splits a series). */
#include "core/series.h"

#include <math.h>

const char *const series_problem_names[SERIES_PROBLEM__MAX] = {
	[SERIES_OK] = "ok",
	[SERIES_EMPTY] = "empty",
	[SERIES_MIXED_KINDS] = "mixed_period_kinds",
	[SERIES_UNSORTED] = "unsorted",
	[SERIES_NOT_FINITE] = "not_finite",
};

enum series_problem
series_check(const struct series *s, size_t *at)
{
	size_t i;

	if (at != NULL)
		*at = 0;
	if (s == NULL || s->count == 0 || s->periods == NULL || s->values == NULL)
		return SERIES_EMPTY;
	for (i = 0; i < s->count; i++) {
		if (at != NULL)
			*at = i;
		if (!isfinite(s->values[i]))
			return SERIES_NOT_FINITE;
		if (i == 0)
			continue;
		if (s->periods[i].kind != s->periods[0].kind)
			return SERIES_MIXED_KINDS;
		if (period_compare(&s->periods[i - 1], &s->periods[i]) >= 0)
			return SERIES_UNSORTED;
	}
	if (at != NULL)
		*at = 0;
	return SERIES_OK;
}

unsigned
series_flags_at(const struct series *s, size_t i)
{
	return s->flags != NULL ? s->flags[i] : 0;
}

size_t
series_comparable_start(const struct series *s)
{
	size_t i;

	for (i = s->count; i > 0; i--)
		if (series_flags_at(s, i - 1) & SERIES_FLAG_BREAK)
			return i - 1;
	return 0;
}

long
series_find(const struct series *s, const struct period *p)
{
	size_t lo = 0, hi = s->count;

	while (lo < hi) {	/* periods are sorted: binary search */
		size_t mid = lo + (hi - lo) / 2;
		int c = period_compare(&s->periods[mid], p);

		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}
