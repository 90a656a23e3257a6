/*
 * Weights, METHODS §4.7.
 *
 * AHP: the priority vector is the principal right eigenvector of the positive
 * reciprocal matrix A (Saaty 1977, 1980), found by power iteration w <- A w /
 * sum(A w) until no component moves by more than 1e-15; then, with sum(w) = 1,
 * lambda_max = sum(A w). CI = (lambda_max - n)/(n - 1), CR = CI / RI(n) with
 * Saaty's RI = 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49 for n = 1..10;
 * CR >= 0.1 flags the judgements as inconsistent. For n <= 2 every reciprocal
 * matrix is consistent: CI = CR = 0.
 */
#include "core/weights.h"

#include <math.h>
#include <string.h>

const double weights_saaty_ri[10] = {
	0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49
};

const char *const weights_check_names[WEIGHTS_CHECK__MAX] = {
	"ok", "empty", "not positive", "diagonal not 1", "not reciprocal"
};

enum weights_check
weights_ahp_check(const double *a, size_t n, double tolerance, size_t *row,
    size_t *col)
{
	size_t i, j;

	if (n == 0)
		return WEIGHTS_CHECK_EMPTY;
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			double v = a[i * n + j];
			enum weights_check c = WEIGHTS_CHECK_OK;

			if (!(v > 0.0) || isinf(v))
				c = WEIGHTS_CHECK_NOT_POSITIVE;
			else if (i == j && v != 1.0)
				c = WEIGHTS_CHECK_DIAGONAL;
			else if (j > i && fabs(v * a[j * n + i] - 1.0) > tolerance)
				c = WEIGHTS_CHECK_NOT_RECIPROCAL;
			if (c != WEIGHTS_CHECK_OK) {
				if (row != NULL)
					*row = i;
				if (col != NULL)
					*col = j;
				return c;
			}
		}
	}
	return WEIGHTS_CHECK_OK;
}

int
weights_ahp(const double *a, size_t n, double *weight,
    struct weights_ahp_result *result, struct error *e)
{
	size_t i, j, it, row = 0, col = 0;
	enum weights_check c;
	double lambda;

	memset(result, 0, sizeof(*result));
	c = weights_ahp_check(a, n, 1e-6, &row, &col);
	if (c != WEIGHTS_CHECK_OK)
		return error_set(e, "pairwise comparison matrix %s at row %zu, "
		    "column %zu", weights_check_names[c], row + 1, col + 1);
	if (n > WEIGHTS_AHP_MAX)
		return error_set(e, "pairwise comparison matrix of %zu elements: "
		    "at most %d", n, WEIGHTS_AHP_MAX);
	for (i = 0; i < n; i++)
		weight[i] = 1.0 / (double)n;
	for (it = 1; it <= 100000; it++) {
		double next[WEIGHTS_AHP_MAX], *w = weight, change = 0.0, sum = 0.0;

		for (i = 0; i < n; i++) {
			double s = 0.0;

			for (j = 0; j < n; j++)
				s += a[i * n + j] * w[j];
			next[i] = s;
			sum += s;
		}
		for (i = 0; i < n; i++) {
			double v = next[i] / sum;

			if (fabs(v - w[i]) > change)
				change = fabs(v - w[i]);
			w[i] = v;
		}
		result->iterations = it;
		if (change <= 1e-15)
			break;
	}
	/* lambda_max from the converged vector: sum(A w) with sum(w) = 1. */
	lambda = 0.0;
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			lambda += a[i * n + j] * weight[j];
	result->lambda_max = lambda;
	if (n <= 2) {
		result->ci = 0.0;
		result->cr = 0.0;
		return 0;
	}
	result->ci = (lambda - (double)n) / (double)(n - 1);
	result->cr = n <= 10 ? result->ci / weights_saaty_ri[n - 1] : NAN;
	result->inconsistent = !isnan(result->cr) && result->cr >= 0.1;
	return 0;
}

int
weights_ahp_combine(const double *const *matrices, size_t k, size_t n,
    double *out, struct error *e)
{
	size_t i, m;

	if (k == 0)
		return error_set(e, "no judgements to combine");
	for (i = 0; i < n * n; i++) {
		double s = 0.0;

		for (m = 0; m < k; m++) {
			double v = matrices[m][i];

			if (!(v > 0.0) || isinf(v))
				return error_set(e, "judgement %zu: entry (%zu, %zu) "
				    "is not positive", m + 1, i / n + 1, i % n + 1);
			s += log(v);
		}
		out[i] = exp(s / (double)k);
	}
	return 0;
}

int
weights_budget(const double *points, size_t p, size_t m, double *weight,
    struct error *e)
{
	size_t i, j;

	if (p == 0 || m == 0)
		return error_set(e, "budget allocation needs participants and items");
	for (j = 0; j < m; j++)
		weight[j] = 0.0;
	for (i = 0; i < p; i++) {
		double total = 0.0;

		for (j = 0; j < m; j++) {
			double v = points[i * m + j];

			if (!(v >= 0.0) || isinf(v))
				return error_set(e, "participant %zu, item %zu: %g "
				    "points (must be >= 0)", i + 1, j + 1, v);
			total += v;
		}
		if (fabs(total - 100.0) > 1e-9)
			return error_set(e, "participant %zu distributed %g points, "
			    "not 100", i + 1, total);
		for (j = 0; j < m; j++)
			weight[j] += points[i * m + j] / total / (double)p;
	}
	return 0;
}
