/*
 * Imputation, METHODS §4.3, as COINr's i_mean(), i_median() and i_mean_grp()
 * (skip_f_na = TRUE: a unit without a group is left as it is). A mean is taken
 * over the values present before any filling, so the order of units does not
 * matter.
 */
#include "core/impute.h"

#include <math.h>
#include <string.h>

#include "core/colstat.h"

const char *const impute_method_names[IMPUTE__MAX] = {
	"none", "mean", "median", "group-mean"
};

int
impute_method_parse(const char *name, enum impute_method *method)
{
	int k;

	for (k = 0; k < IMPUTE__MAX; k++) {
		if (strcmp(name, impute_method_names[k]) == 0) {
			*method = (enum impute_method)k;
			return 0;
		}
	}
	return -1;
}

static size_t
impute_fill(double *x, size_t n, double value)
{
	size_t i, filled = 0;

	if (isnan(value))
		return 0;
	for (i = 0; i < n; i++) {
		if (isnan(x[i])) {
			x[i] = value;
			filled++;
		}
	}
	return filled;
}

static size_t
impute_group_mean(double *x, size_t n, const int *group, double *scratch)
{
	size_t i, j, filled = 0;

	/* scratch[i] = mean of unit i's group, computed once per group. */
	for (i = 0; i < n; i++)
		scratch[i] = NAN;
	for (i = 0; i < n; i++) {
		double s = 0.0, c = 0.0;
		size_t k = 0;

		if (group[i] < 0 || !isnan(scratch[i]) || !isnan(x[i]))
			continue;
		for (j = 0; j < n; j++) {
			double v = x[j], t;

			if (group[j] != group[i] || isnan(v))
				continue;
			t = s + v;
			if (fabs(s) >= fabs(v))
				c += (s - t) + v;
			else
				c += (v - t) + s;
			s = t;
			k++;
		}
		if (k == 0)
			continue;
		for (j = 0; j < n; j++)
			if (group[j] == group[i])
				scratch[j] = (s + c) / (double)k;
	}
	for (i = 0; i < n; i++) {
		if (isnan(x[i]) && !isnan(scratch[i]) && group[i] >= 0) {
			x[i] = scratch[i];
			filled++;
		}
	}
	return filled;
}

size_t
impute_values(enum impute_method method, double *x, size_t n,
    const int *group, double *scratch)
{
	size_t i, k = 0;

	switch (method) {
	case IMPUTE_MEAN:
		return impute_fill(x, n, colstat_mean(x, n));
	case IMPUTE_MEDIAN:
		for (i = 0; i < n; i++)
			if (!isnan(x[i]))
				scratch[k++] = x[i];
		colstat_sort(scratch, k);
		return impute_fill(x, n, colstat_median(scratch, k));
	case IMPUTE_GROUP_MEAN:
		if (group == NULL)
			return 0;
		return impute_group_mean(x, n, group, scratch);
	default:
		return 0;
	}
}
