/* Monte Carlo uncertainty analysis of a composite index (METHODS §4.10): uniform
 * draws mapped to alternatives by R's cut(), replications of the pipeline spread
 * over threads, and per unit the mean, median and 5 %/95 % quantiles of the rank.
 * Pure: no I/O; every array comes from the caller's arena, and the output for a
 * seed is the same for any number of threads. */
#ifndef WIALL_CORE_UNCERTAINTY_H
#define WIALL_CORE_UNCERTAINTY_H

#include <stddef.h>

#include "core/composite.h"
#include "core/rng.h"
#include "util/arena.h"
#include "util/error.h"

enum uncertainty_kind {
	UNCERTAINTY_WINMAX,	/* alternatives: winsorisation limits */
	UNCERTAINTY_NORMALISE,	/* alternatives: normalisations */
	UNCERTAINTY_AGGREGATE,	/* alternatives: aggregation methods */
	UNCERTAINTY_WEIGHTS,	/* alternatives: weight sets (one weight per node) */
	UNCERTAINTY__MAX
};

/* "winmax", "normalise", "aggregate", "weights" */
extern const char *const uncertainty_kind_names[UNCERTAINTY__MAX];

/* One uncertain input with its K alternatives (the array of its kind). */
struct uncertainty_input {
	enum uncertainty_kind		 kind;
	size_t				 n_alternatives;
	const int			*winmax;
	const struct normalise_spec	*normalise;
	const struct aggregate_spec	*aggregate;
	const double *const		*weights;
};

/* Per unit (kept unit of the nominal result, in its row order). */
struct uncertainty_stats {
	size_t		 n_units;
	const size_t	*unit;		/* unit index in the data */
	double		*nominal;	/* rank in the unperturbed pipeline */
	double		*mean, *median, *q5, *q95;	/* NAN without any run */
	size_t		*runs;		/* replications that gave a rank */
};

struct uncertainty_result {
	size_t			 runs, n_inputs;
	double			*draws;		/* n_inputs x runs, input by input */
	size_t			*choice;	/* the same layout: alternative index */
	double			*ranks;		/* runs x units, run by run */
	unsigned char		*failed_run;	/* per run: 1 if a step failed */
	size_t			 failed;
	struct uncertainty_stats stats;
};

/* R's cut(u, k) for k >= 2 equal intervals over the range of u[0..n): breaks at
 * min + i (max - min)/k, the outer two widened by (max - min)/1000, intervals
 * open on the left so that a value on a break falls in the lower bin. bin[j] is
 * 0-based. Returns -1 for k < 2 (R: "invalid number of intervals") or n = 0. */
int	uncertainty_cut(const double *u, size_t n, size_t k, size_t *bin,
	    struct error *e);
/* COINr's get_noisy_weights(): k weight sets, each the nominal weights with the
 * weights of every level l where factor[l] > 0 moved by (2u - 1) factor[l] w, u
 * drawn from g replication by replication, level by level in the order of
 * `levels`, node by node. factor is indexed by level; out[j] holds n_nodes. */
void	uncertainty_noisy_weights(const struct composite_hierarchy *h,
	    const double *nominal, const int *levels, size_t n_levels,
	    const double *factor, size_t k, struct rng *g, double **out);
/* Runs replications from draws in [0,1) (input by input, runs each): each
 * input's draws are cut into its alternatives (uncertainty_cut, METHODS
 * §4.10) into choice (the same layout), then every run is computed on the
 * screened data of `nominal` into ranks (run by run). A replication in which
 * a step fails gets NAN ranks for every unit and a 1 in failed_run. Returns
 * -1 (the input named in e) if an input's draws cannot be cut. */
int	uncertainty_replicate(const struct composite_hierarchy *h,
	    const struct composite_data *d, const struct composite_spec *spec,
	    const struct composite_result *nominal,
	    const struct uncertainty_input *inputs, size_t n_inputs,
	    const double *draws, size_t *choice, size_t runs, int threads,
	    struct arena *a, double *ranks, unsigned char *failed_run,
	    struct error *e);
/* Rank statistics over the present ranks of runs[0..runs) for each unit. */
void	uncertainty_stats_compute(const struct composite_result *nominal,
	    const double *ranks, size_t runs, struct arena *a,
	    struct uncertainty_stats *st);
/* The whole analysis: draws n_inputs x runs uniforms from g at once, filled input
 * by input (METHODS §4.10), cuts each input's draws into its alternatives, runs the
 * replications and summarises. `nominal` is the unperturbed pipeline's result. */
int	uncertainty_run(const struct composite_hierarchy *h,
	    const struct composite_data *d, const struct composite_spec *spec,
	    const struct composite_result *nominal,
	    const struct uncertainty_input *inputs, size_t n_inputs, size_t runs,
	    struct rng *g, int threads, struct arena *a,
	    struct uncertainty_result *result, struct error *e);

#endif
