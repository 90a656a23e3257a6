/* Imputation of missing indicator values (METHODS §4.3): group mean (a unit
 * attribute such as a region type), column mean, column median, or none. Pure;
 * works in place on a caller array. */
#ifndef WIALL_CORE_IMPUTE_H
#define WIALL_CORE_IMPUTE_H

#include <stddef.h>

enum impute_method {
	IMPUTE_NONE,
	IMPUTE_MEAN,		/* mean of the present values */
	IMPUTE_MEDIAN,		/* median of the present values */
	IMPUTE_GROUP_MEAN,	/* mean of the present values of the unit's group */
	IMPUTE__MAX
};

/* "none", "mean", "median", "group-mean" */
extern const char *const impute_method_names[IMPUTE__MAX];

int	impute_method_parse(const char *name, enum impute_method *method);
/* Fills the missing values of x[0..n) in place and returns how many were filled.
 * For IMPUTE_GROUP_MEAN, group[i] is unit i's group (>= 0) or -1 for none: units
 * without a group, and groups without any present value, stay missing. `scratch`
 * holds n doubles. */
size_t	impute_values(enum impute_method method, double *x, size_t n,
	    const int *group, double *scratch);

#endif
