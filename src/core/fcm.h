/* Fuzzy cognitive maps (Kosko; METHODS §6): factors with activations in [0, 1],
 * signed influences w_ij in [−1, 1], iterated to a steady state; scenarios clamp
 * chosen factors and report their steady state minus the baseline's.
 * Pure: nothing is allocated; inputs, outputs and workspaces belong to the caller.
 * Weights are n × n, row-major: w[i * n + j] is the influence of factor i on j. */
#ifndef WIALL_CORE_FCM_H
#define WIALL_CORE_FCM_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

/* Update rules of METHODS §6, with A(t) a row vector and f the sigmoid:
 *   Kosko            A(t+1) = f(A(t)·W)
 *   modified Kosko   A(t+1) = f(A(t) + A(t)·W)
 *   rescaled         A(t+1) = f((2A(t) − 1) + (2A(t) − 1)·W)
 * The rescaled rule keeps a factor nobody influences at 0.5 (f(0)), so the
 * baseline from all 0.5 is all 0.5 and a scenario's differences read
 * directly; it is the default. */
enum fcm_rule {
	FCM_KOSKO,
	FCM_MODIFIED_KOSKO,
	FCM_RESCALED,
	FCM_RULE__MAX
};
extern const char *const fcm_rule_names[FCM_RULE__MAX];

struct fcm_params {
	enum fcm_rule	rule;
	double		lambda;		/* steepness of f(x) = 1/(1 + e^(−λx)), > 0 */
	double		tolerance;	/* converged when max |ΔA| < tolerance */
	size_t		max_steps;	/* give up after this many updates */
	double		start;		/* every factor's activation at t = 0 */
};

/* METHODS §6 defaults: rescaled rule, λ = 1, tolerance 1e-5, 1000 steps,
 * start 0.5. */
void	fcm_params_default(struct fcm_params *params);

/* A factor held at a value in [0, 1] during a scenario (a measure that sets it). */
struct fcm_clamp {
	size_t	factor;
	double	value;
};

struct fcm_run {
	bool	converged;	/* max |ΔA| fell below the tolerance */
	size_t	steps;		/* updates made (= max_steps when not converged) */
	double	last_change;	/* max |ΔA| of the last update */
};

/* Checks a weight matrix: every w_ij finite and in [−1, 1]. Self-influence
 * (the diagonal) is allowed. Returns 0, or -1 naming the first bad cell. */
int	fcm_check_weights(const double *w, size_t n, struct error *err);

/* Bytes of workspace fcm_run() and fcm_scenario() need for n factors. */
size_t	fcm_work_size(size_t n);

/* Iterates the map from params->start (clamped factors at their values)
 * until max |ΔA| < tolerance or max_steps updates; state receives the last
 * state (n entries). Clamped factors are reset to their value after every
 * update. Not converging is not an error: run->converged says so, with the
 * number of steps. Returns -1 only for bad input (weights, params, clamps). */
int	fcm_run(const double *w, size_t n, const struct fcm_params *params,
	    const struct fcm_clamp *clamps, size_t nclamps, void *work,
	    double *state, struct fcm_run *run, struct error *err);

struct fcm_scenario {
	struct fcm_run	baseline;
	struct fcm_run	scenario;
	bool		converged;	/* both runs converged: the difference is meaningful */
};

/* Runs the baseline (no clamps) and the scenario (with clamps) and writes
 * effect[i] = scenario steady state − baseline steady state (METHODS §6).
 * baseline and scenario (n entries each) receive the two states; either may
 * be NULL. If a run did not converge, the effects are still written and
 * result->converged is false, so a page must say so. Returns 0 or -1. */
int	fcm_scenario(const double *w, size_t n, const struct fcm_params *params,
	    const struct fcm_clamp *clamps, size_t nclamps, void *work,
	    double *baseline, double *scenario, double *effect,
	    struct fcm_scenario *result, struct error *err);

#endif
