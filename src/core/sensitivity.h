/* Variance-based sensitivity analysis of a composite index (METHODS §4.11): the
 * A, B, A_B^(i) design of N(d + 2) runs, output per run = mean absolute rank shift
 * from the nominal ranks, first-order and total indices per uncertain input.
 * Pure; every array comes from the caller's arena. */
#ifndef WIALL_CORE_SENSITIVITY_H
#define WIALL_CORE_SENSITIVITY_H

#include <stddef.h>

#include "core/uncertainty.h"

struct sensitivity_result {
	size_t			 n;		/* N, points per matrix */
	size_t			 n_inputs;	/* d */
	size_t			 runs;		/* N (d + 2) */
	double			*draws;		/* the design, input by input, runs each */
	size_t			*choice;	/* the same layout: alternative index */
	double			*ranks;		/* runs x units */
	unsigned char		*failed_run;
	size_t			 failed;
	double			*output;	/* per run; NAN if the run failed */
	double			 variance;	/* of the A and B outputs */
	double			*first;		/* per input, S_i; NAN if not computable */
	double			*total;		/* per input, ST_i */
	struct uncertainty_stats stats;		/* ranks over the A and B runs */
};

/* The design (COINr's SA_sample): 2 d N uniforms drawn at once, matrix N x 2d
 * filled column by column; A = its first d columns, B the last d; then the runs
 * A (N), B (N) and, for each input i, A with column i taken from B (N each).
 * draws gets the design input by input (n_inputs x N(d+2)). */
void	sensitivity_design(size_t n, size_t n_inputs, struct rng *g, double *draws);
/* The indices from the outputs y of the N(d + 2) runs (COINr's SA_estimate):
 * V = var(c(y_A, y_B)) (divisor 2N - 1), S_i = mean(y_B (y_ABi - y_A)) / V,
 * ST_i = sum((y_A - y_ABi)^2) / (2 N V). Returns -1 (indices NAN) when an output
 * is missing or V is 0. */
int	sensitivity_indices(const double *y, size_t n, size_t n_inputs,
	    double *variance, double *first, double *total, struct error *e);
/* The whole analysis on the nominal result of the unperturbed pipeline. Returns
 * -1 only for bad arguments; indices that cannot be computed are NAN with the
 * reason in e (the function still returns 0 then, e is set). */
int	sensitivity_run(const struct composite_hierarchy *h,
	    const struct composite_data *d, const struct composite_spec *spec,
	    const struct composite_result *nominal,
	    const struct uncertainty_input *inputs, size_t n_inputs, size_t n,
	    struct rng *g, int threads, struct arena *a,
	    struct sensitivity_result *result, struct error *e);

#endif
