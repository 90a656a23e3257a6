/* Fuzzy cognitive maps (Kosko; METHODS §6). See fcm.h for the contract. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "core/fcm.h"

const char *const fcm_rule_names[FCM_RULE__MAX] = {
	[FCM_KOSKO] = "kosko",
	[FCM_MODIFIED_KOSKO] = "modified-kosko",
	[FCM_RESCALED] = "rescaled",
};

/* More factors than any impact model has; keeps n × n far from overflowing. */
#define FCM_FACTORS_MAX	((size_t)1 << 24)

void
fcm_params_default(struct fcm_params *params)
{
	params->rule = FCM_RESCALED;
	params->lambda = 1;
	params->tolerance = 1e-5;
	params->max_steps = 1000;
	params->start = 0.5;
}

int
fcm_check_weights(const double *w, size_t n, struct error *err)
{
	size_t i;

	if (n == 0)
		return error_set(err, "no factors");
	if (n > FCM_FACTORS_MAX)
		return error_set(err, "%zu factors is too many", n);
	for (i = 0; i < n * n; i++)
		if (!isfinite(w[i]) || w[i] < -1 || w[i] > 1)
			return error_set(err, "influence of factor %zu on factor %zu is "
			    "%g; a cognitive map's weights lie in [-1, 1]", i / n + 1,
			    i % n + 1, w[i]);
	return 0;
}

static int
fcm_check(const double *w, size_t n, const struct fcm_params *params,
    const struct fcm_clamp *clamps, size_t nclamps, struct error *err)
{
	size_t i, j;

	if (fcm_check_weights(w, n, err) == -1)
		return -1;
	if ((unsigned)params->rule >= FCM_RULE__MAX)
		return error_set(err, "unknown update rule %d", (int)params->rule);
	if (!isfinite(params->lambda) || params->lambda <= 0)
		return error_set(err, "lambda is %g; it must be a positive number",
		    params->lambda);
	if (!isfinite(params->tolerance) || params->tolerance <= 0)
		return error_set(err, "tolerance is %g; it must be a positive number",
		    params->tolerance);
	if (params->max_steps == 0)
		return error_set(err, "at least one step is needed");
	if (!isfinite(params->start) || params->start < 0 || params->start > 1)
		return error_set(err, "start activation %g is not in [0, 1]",
		    params->start);
	for (i = 0; i < nclamps; i++) {
		if (clamps[i].factor >= n)
			return error_set(err, "clamp %zu: there is no factor %zu (of %zu)",
			    i + 1, clamps[i].factor + 1, n);
		if (!isfinite(clamps[i].value) || clamps[i].value < 0 ||
		    clamps[i].value > 1)
			return error_set(err, "clamp %zu: value %g of factor %zu is not "
			    "in [0, 1]", i + 1, clamps[i].value, clamps[i].factor + 1);
		for (j = 0; j < i; j++)
			if (clamps[j].factor == clamps[i].factor)
				return error_set(err, "factor %zu is clamped twice",
				    clamps[i].factor + 1);
	}
	return 0;
}

size_t
fcm_work_size(size_t n)
{
	if (n == 0 || n > FCM_FACTORS_MAX)
		return 0;
	return 3 * n * sizeof(double);
}

static void
fcm_apply_clamps(double *state, const struct fcm_clamp *clamps, size_t nclamps)
{
	size_t i;

	for (i = 0; i < nclamps; i++)
		state[clamps[i].factor] = clamps[i].value;
}

/* One update of METHODS §6 from state into next. The rules differ only in
 * what is fed through W and added to it: Kosko feeds A and adds nothing,
 * modified Kosko feeds A and adds A, rescaled feeds and adds 2A − 1. */
static void
fcm_step(const double *w, size_t n, const struct fcm_params *params,
    const double *state, double *next)
{
	size_t i, j;
	double x, self;

	for (i = 0; i < n; i++) {
		x = 0;
		for (j = 0; j < n; j++) {
			double a = state[j];

			if (params->rule == FCM_RESCALED)
				a = 2 * a - 1;
			x += a * w[j * n + i];	/* (A·W)_i = Σ_j A_j w_ji */
		}
		switch (params->rule) {
		case FCM_MODIFIED_KOSKO:
			self = state[i];
			break;
		case FCM_RESCALED:
			self = 2 * state[i] - 1;
			break;
		case FCM_KOSKO:
		case FCM_RULE__MAX:
		default:
			self = 0;
			break;
		}
		next[i] = 1 / (1 + exp(-params->lambda * (x + self)));
	}
}

/* The iteration itself, on checked input. */
static void
fcm_iterate(const double *w, size_t n, const struct fcm_params *params,
    const struct fcm_clamp *clamps, size_t nclamps, double *next,
    double *state, struct fcm_run *run)
{
	size_t i;
	double change;

	for (i = 0; i < n; i++)
		state[i] = params->start;
	fcm_apply_clamps(state, clamps, nclamps);
	run->converged = false;
	run->steps = 0;
	run->last_change = NAN;
	while (run->steps < params->max_steps) {
		fcm_step(w, n, params, state, next);
		fcm_apply_clamps(next, clamps, nclamps);
		change = 0;
		for (i = 0; i < n; i++)
			change = fmax(change, fabs(next[i] - state[i]));
		memcpy(state, next, n * sizeof(double));
		run->steps++;
		run->last_change = change;
		if (change < params->tolerance) {
			run->converged = true;
			break;
		}
	}
}

int
fcm_run(const double *w, size_t n, const struct fcm_params *params,
    const struct fcm_clamp *clamps, size_t nclamps, void *work, double *state,
    struct fcm_run *run, struct error *err)
{
	run->converged = false;
	run->steps = 0;
	run->last_change = NAN;
	if (fcm_check(w, n, params, clamps, nclamps, err) == -1)
		return -1;
	fcm_iterate(w, n, params, clamps, nclamps, work, state, run);
	return 0;
}

int
fcm_scenario(const double *w, size_t n, const struct fcm_params *params,
    const struct fcm_clamp *clamps, size_t nclamps, void *work,
    double *baseline, double *scenario, double *effect,
    struct fcm_scenario *result, struct error *err)
{
	double *next = work, *base = next + n, *scen = base + n;
	size_t i;

	memset(result, 0, sizeof(*result));
	if (fcm_check(w, n, params, clamps, nclamps, err) == -1)
		return -1;
	if (nclamps == 0)
		return error_set(err, "a scenario needs at least one clamped factor");
	fcm_iterate(w, n, params, NULL, 0, next, base, &result->baseline);
	fcm_iterate(w, n, params, clamps, nclamps, next, scen, &result->scenario);
	result->converged = result->baseline.converged &&
	    result->scenario.converged;
	for (i = 0; i < n; i++) {
		effect[i] = scen[i] - base[i];
		if (baseline != NULL)
			baseline[i] = base[i];
		if (scenario != NULL)
			scenario[i] = scen[i];
	}
	return 0;
}
