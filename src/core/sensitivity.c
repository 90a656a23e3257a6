/*
 * Sensitivity analysis, METHODS §4.11, as COINr's get_sensitivity(SA_type = "SA")
 * with SA_sample() and SA_estimate() (Saltelli et al., "Global Sensitivity
 * Analysis: The Primer", 2008): the first-order estimator mean(y_B (y_ABi - y_A))
 * and Jansen's total-effect estimator sum((y_A - y_ABi)^2) / 2N, both divided by
 * the variance of the A and B outputs. The output of a run is the mean absolute
 * difference between its ranks and the nominal ranks over the units ranked.
 * Each input's draws (all N(d + 2) of them) are cut into its alternatives over
 * their own range, as sample_2_para() does.
 */
#include "core/sensitivity.h"

#include <math.h>
#include <string.h>

void
sensitivity_design(size_t n, size_t n_inputs, struct rng *g, double *draws)
{
	size_t runs = n * (n_inputs + 2), c, r, i;
	double *base = draws + 0;	/* reuse: fill A and B first, then expand */

	/* Xbase: N x 2d, column by column. Column c < d is A's column c; column
	 * d + c is B's column c. Write them where they belong in the design. */
	for (c = 0; c < 2 * n_inputs; c++) {
		size_t input = c % n_inputs, offset = c < n_inputs ? 0 : n;

		for (r = 0; r < n; r++)
			base[input * runs + offset + r] = rng_uniform(g);
	}
	/* A_B^(i): A everywhere except column i, which is B's. */
	for (i = 0; i < n_inputs; i++) {
		for (c = 0; c < n_inputs; c++) {
			double *col = draws + c * runs;
			size_t from = c == i ? n : 0;

			for (r = 0; r < n; r++)
				col[2 * n + i * n + r] = col[from + r];
		}
	}
}

static double
sensitivity_sum(const double *x, size_t n)
{
	return colstat_sum(x, n);
}

int
sensitivity_indices(const double *y, size_t n, size_t n_inputs,
    double *variance, double *first, double *total, struct error *e)
{
	const double *ya = y, *yb = y + n;
	double mean, v, s2 = 0.0, c2 = 0.0;
	size_t i, j;

	*variance = NAN;
	for (i = 0; i < n_inputs; i++)
		first[i] = total[i] = NAN;
	if (n < 2)
		return error_set(e, "sensitivity needs N >= 2");
	for (j = 0; j < n * (n_inputs + 2); j++)
		if (isnan(y[j]))
			return error_set(e, "sensitivity indices not computable: "
			    "run %zu failed", j + 1);
	/* var(c(yA, yB)) */
	mean = (sensitivity_sum(ya, n) + sensitivity_sum(yb, n)) / (double)(2 * n);
	for (j = 0; j < 2 * n; j++) {
		double dd = (y[j] - mean) * (y[j] - mean), t = s2 + dd;

		if (s2 >= dd)
			c2 += (s2 - t) + dd;
		else
			c2 += (dd - t) + s2;
		s2 = t;
	}
	v = (s2 + c2) / (double)(2 * n - 1);
	*variance = v;
	if (!(v > 0.0))
		return error_set(e, "sensitivity indices not computable: the "
		    "output does not vary over the A and B runs");
	for (i = 0; i < n_inputs; i++) {
		const double *yab = y + 2 * n + i * n;
		double sf = 0.0, cf = 0.0, st = 0.0, ct = 0.0;

		for (j = 0; j < n; j++) {
			double f = yb[j] * (yab[j] - ya[j]);
			double t2 = (ya[j] - yab[j]) * (ya[j] - yab[j]);
			double t;

			t = sf + f;
			if (fabs(sf) >= fabs(f))
				cf += (sf - t) + f;
			else
				cf += (f - t) + sf;
			sf = t;
			t = st + t2;
			if (st >= t2)
				ct += (st - t) + t2;
			else
				ct += (t2 - t) + st;
			st = t;
		}
		first[i] = (sf + cf) / (double)n / v;
		total[i] = (st + ct) / (2.0 * (double)n * v);
	}
	return 0;
}

int
sensitivity_run(const struct composite_hierarchy *h,
    const struct composite_data *d, const struct composite_spec *spec,
    const struct composite_result *nominal,
    const struct uncertainty_input *inputs, size_t n_inputs, size_t n,
    struct rng *g, int threads, struct arena *a,
    struct sensitivity_result *result, struct error *e)
{
	size_t runs, i, r, nk = nominal->n_kept;

	memset(result, 0, sizeof(*result));
	if (n_inputs == 0)
		return error_set(e, "no uncertain input");
	if (n < 2)
		return error_set(e, "sensitivity needs N >= 2 (got %zu)", n);
	runs = n * (n_inputs + 2);
	result->n = n;
	result->n_inputs = n_inputs;
	result->runs = runs;
	result->draws = arena_alloc(a, n_inputs * runs * sizeof(double));
	result->choice = arena_alloc(a, n_inputs * runs * sizeof(size_t));
	result->ranks = arena_alloc(a, runs * nk * sizeof(double));
	result->failed_run = arena_alloc(a, runs);
	result->output = arena_alloc(a, runs * sizeof(double));
	result->first = arena_alloc(a, n_inputs * sizeof(double));
	result->total = arena_alloc(a, n_inputs * sizeof(double));
	sensitivity_design(n, n_inputs, g, result->draws);
	if (uncertainty_replicate(h, d, spec, nominal, inputs, n_inputs,
	    result->draws, result->choice, runs, threads, a, result->ranks,
	    result->failed_run, e) < 0)
		return -1;
	for (r = 0; r < runs; r++) {
		double s = 0.0;
		size_t k = 0;

		result->failed += result->failed_run[r];
		for (i = 0; i < nk; i++) {
			double x = result->ranks[r * nk + i];

			if (isnan(x) || isnan(nominal->rank[i]))
				continue;
			s += fabs(x - nominal->rank[i]);
			k++;
		}
		result->output[r] = k > 0 ? s / (double)k : NAN;
	}
	uncertainty_stats_compute(nominal, result->ranks, 2 * n, a, &result->stats);
	sensitivity_indices(result->output, n, n_inputs, &result->variance,
	    result->first, result->total, e);
	return 0;
}
