/* Weights for a composite index (METHODS §4.7): the analytic hierarchy process
 * (principal eigenvector of a pairwise comparison matrix, consistency index and
 * ratio with Saaty's random index), group judgements by element-wise geometric
 * mean, and budget allocation. Pure; writes only into caller arrays. */
#ifndef WIALL_CORE_WEIGHTS_H
#define WIALL_CORE_WEIGHTS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

/* The largest pairwise comparison matrix accepted (Saaty advises at most 9). */
#define WEIGHTS_AHP_MAX 64

/* Saaty's random index RI for n = 1..10 (index n - 1). */
extern const double weights_saaty_ri[10];

enum weights_check {
	WEIGHTS_CHECK_OK,
	WEIGHTS_CHECK_EMPTY,		/* n = 0 */
	WEIGHTS_CHECK_NOT_POSITIVE,	/* an entry <= 0, infinite or missing */
	WEIGHTS_CHECK_DIAGONAL,		/* a diagonal entry other than 1 */
	WEIGHTS_CHECK_NOT_RECIPROCAL,	/* a[i][j] a[j][i] differs from 1 */
	WEIGHTS_CHECK__MAX
};

extern const char *const weights_check_names[WEIGHTS_CHECK__MAX];

struct weights_ahp_result {
	double	 lambda_max;	/* principal eigenvalue */
	double	 ci;		/* (lambda_max - n)/(n - 1); 0 for n <= 2 */
	double	 cr;		/* ci / RI; NAN when RI is not known (n > 10) */
	bool	 inconsistent;	/* cr >= 0.1: the judgements should be revisited */
	size_t	 iterations;
};

/* Checks a pairwise comparison matrix a (n x n, row by row): positive entries,
 * ones on the diagonal, a[i][j] a[j][i] = 1 within `tolerance` (relative). The
 * first offending cell goes to *row and *col (may be NULL). */
enum weights_check weights_ahp_check(const double *a, size_t n, double tolerance,
	    size_t *row, size_t *col);
/* AHP weights: the principal eigenvector of a, normalised to sum 1, by power
 * iteration (a is positive, so Perron's theorem makes it unique and positive).
 * Returns -1 with the reason if the matrix fails weights_ahp_check (tolerance
 * 1e-6). */
int	weights_ahp(const double *a, size_t n, double *weight,
	    struct weights_ahp_result *result, struct error *e);
/* Group judgement: the element-wise geometric mean of k matrices of n x n. */
int	weights_ahp_combine(const double *const *matrices, size_t k, size_t n,
	    double *out, struct error *e);
/* Budget allocation: each of p participants distributes 100 points over m items
 * (points row by row, p x m); weight = mean share over participants. Returns -1
 * for negative points or a row not summing to 100. */
int	weights_budget(const double *points, size_t p, size_t m, double *weight,
	    struct error *e);

#endif
