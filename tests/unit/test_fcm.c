/* Unit tests of src/core/fcm (METHODS §6): the three update rules by hand,
 * steady states against the fixed-point equations solved here by bisection,
 * scenarios with clamped factors, non-convergence and bad input. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/fcm.h"

/* The map of every test: factor 1 raises factor 2 by 0.5, factor 2 lowers
 * factor 1 by 1 (w_12 = 0.5, w_21 = −1, no self-influence). */
static const double map[4] = {
	0, 0.5,
	-1, 0,
};

static double
f(double x)
{
	return 1 / (1 + exp(-x));
}

/* The root of g on [lo, hi] by bisection (g(lo) < 0 < g(hi)), to 1e-15. */
static double
bisect(double (*g)(double), double lo, double hi)
{
	int i;

	assert_true(g(lo) < 0 && g(hi) > 0);
	for (i = 0; i < 200; i++) {
		double mid = (lo + hi) / 2;

		if (g(mid) > 0)
			hi = mid;
		else
			lo = mid;
	}
	return (lo + hi) / 2;
}

static void
run(enum fcm_rule rule, size_t max_steps, const struct fcm_clamp *clamps,
    size_t nclamps, double *state, struct fcm_run *r)
{
	struct fcm_params p;
	struct error err;
	double work[6];

	fcm_params_default(&p);
	p.rule = rule;
	p.max_steps = max_steps;
	assert_true(fcm_work_size(2) <= sizeof(work));
	assert_int_equal(fcm_run(map, 2, &p, clamps, nclamps, work, state, r, &err),
	    0);
}

/* Kosko, A(t+1) = f(A(t)·W), from A(0) = (0.5, 0.5):
 *   A1(1) = f(A2·w_21) = f(−0.5)          ≈ 0.37754
 *   A2(1) = f(A1·w_12) = f(0.25)          ≈ 0.56218
 *   A1(2) = f(−A2(1)) = f(−f(0.25))
 *   A2(2) = f(0.5·A1(1)) = f(0.5·f(−0.5))
 * Steady state: x1 = f(−x2), x2 = f(x1/2), i.e. x1 = f(−f(x1/2)), solved by
 * bisection below: x1 ≈ 0.366856, x2 ≈ 0.545729. */
static double
kosko_fixed_point(double x1)
{
	return x1 - f(-f(x1 / 2));
}

static void
test_kosko(void **state)
{
	struct fcm_run r;
	double a[2], x1, x2;

	run(FCM_KOSKO, 1, NULL, 0, a, &r);
	assert_false(r.converged);
	assert_int_equal(r.steps, 1);
	assert_true(fabs(a[0] - f(-0.5)) < 1e-15);
	assert_true(fabs(a[1] - f(0.25)) < 1e-15);
	run(FCM_KOSKO, 2, NULL, 0, a, &r);
	assert_true(fabs(a[0] - f(-f(0.25))) < 1e-15);
	assert_true(fabs(a[1] - f(0.5 * f(-0.5))) < 1e-15);
	run(FCM_KOSKO, 1000, NULL, 0, a, &r);
	assert_true(r.converged);
	assert_true(r.steps > 2 && r.steps < 1000);
	assert_true(r.last_change < 1e-5);
	x1 = bisect(kosko_fixed_point, 0, 1);
	x2 = f(x1 / 2);
	assert_true(fabs(x1 - 0.366856) < 1e-6);
	assert_true(fabs(a[0] - x1) < 1e-5);
	assert_true(fabs(a[1] - x2) < 1e-5);
}

/* Modified Kosko, A(t+1) = f(A(t) + A(t)·W):
 *   A1(1) = f(0.5 + 0.5·(−1)) = f(0) = 0.5
 *   A2(1) = f(0.5 + 0.5·0.5) = f(0.75)    ≈ 0.67918
 *   A1(2) = f(0.5 − f(0.75)),  A2(2) = f(f(0.75) + 0.25)
 * Steady state: x1 = f(x1 − x2), x2 = f(x2 + x1/2); checked by the residuals
 * of both equations (a contraction with factor ≤ 0.5 near the fixed point,
 * so a last change below 1e-5 leaves residuals of the same order). */
static void
test_modified_kosko(void **state)
{
	struct fcm_run r;
	double a[2];

	run(FCM_MODIFIED_KOSKO, 1, NULL, 0, a, &r);
	assert_true(a[0] == 0.5);
	assert_true(fabs(a[1] - f(0.75)) < 1e-15);
	run(FCM_MODIFIED_KOSKO, 2, NULL, 0, a, &r);
	assert_true(fabs(a[0] - f(0.5 - f(0.75))) < 1e-15);
	assert_true(fabs(a[1] - f(f(0.75) + 0.25)) < 1e-15);
	run(FCM_MODIFIED_KOSKO, 1000, NULL, 0, a, &r);
	assert_true(r.converged);
	assert_true(fabs(a[0] - f(a[0] - a[1])) < 5e-5);
	assert_true(fabs(a[1] - f(a[1] + a[0] / 2)) < 5e-5);
}

/* Rescaled, A(t+1) = f((2A − 1) + (2A − 1)·W). From all 0.5, 2A − 1 = 0 and
 * every factor stays at f(0) = 0.5: the baseline converges in one step.
 * Clamp factor 1 at 1 (2A1 − 1 = 1):
 *   A2(1) = f((2·0.5 − 1) + 1·0.5) = f(0.5)   ≈ 0.62246
 *   A2(2) = f((2 f(0.5) − 1) + 0.5)
 * Steady state: x2 = f(2 x2 − 1 + 0.5) = f(2 x2 − 0.5), by bisection
 * x2 ≈ 0.718489. The scenario's effect: factor 1 +0.5, factor 2 x2 − 0.5. */
static double
rescaled_fixed_point(double x2)
{
	return x2 - f(2 * x2 - 0.5);
}

static void
test_rescaled_and_scenario(void **state)
{
	static const struct fcm_clamp clamp = { .factor = 0, .value = 1 };
	struct fcm_scenario s;
	struct fcm_params p;
	struct fcm_run r;
	struct error err;
	double a[2], base[2], scen[2], effect[2], x2, work[6];

	run(FCM_RESCALED, 1000, NULL, 0, a, &r);
	assert_true(r.converged);
	assert_int_equal(r.steps, 1);
	assert_true(a[0] == 0.5 && a[1] == 0.5);
	run(FCM_RESCALED, 1, &clamp, 1, a, &r);
	assert_true(a[0] == 1);
	assert_true(fabs(a[1] - f(0.5)) < 1e-15);
	run(FCM_RESCALED, 2, &clamp, 1, a, &r);
	assert_true(fabs(a[1] - f(2 * f(0.5) - 0.5)) < 1e-15);

	x2 = bisect(rescaled_fixed_point, 0.5, 1);
	assert_true(fabs(x2 - 0.718489) < 1e-6);
	fcm_params_default(&p);
	assert_int_equal(p.rule, FCM_RESCALED);
	assert_int_equal(fcm_scenario(map, 2, &p, &clamp, 1, work, base, scen,
	    effect, &s, &err), 0);
	assert_true(s.converged);
	assert_int_equal(s.baseline.steps, 1);
	assert_true(scen[0] == 1);
	assert_true(effect[0] == 0.5);
	/* Near the fixed point the rescaled map contracts by f'·2 ≈ 0.40. */
	assert_true(fabs(scen[1] - x2) < 1e-5);
	assert_true(fabs(effect[1] - (x2 - 0.5)) < 1e-5);
}

/* A Kosko scenario: clamp factor 2 at 0. Then factor 1 = f(0·(−1)) = 0.5
 * exactly, and the effect on factor 1 is 0.5 − x1 of the baseline
 * (x1 ≈ 0.366856, from the bisection of test_kosko). */
static void
test_kosko_scenario(void **state)
{
	static const struct fcm_clamp clamp = { .factor = 1, .value = 0 };
	struct fcm_scenario s;
	struct fcm_params p;
	struct error err;
	double effect[2], work[6], x1;

	fcm_params_default(&p);
	p.rule = FCM_KOSKO;
	assert_int_equal(fcm_scenario(map, 2, &p, &clamp, 1, work, NULL, NULL,
	    effect, &s, &err), 0);
	assert_true(s.converged && s.baseline.converged && s.scenario.converged);
	x1 = bisect(kosko_fixed_point, 0, 1);
	assert_true(fabs(effect[0] - (0.5 - x1)) < 1e-5);
	assert_true(fabs(effect[1] - (0 - f(x1 / 2))) < 1e-5);
}

/* A factor that inhibits itself strongly, w = −1, λ = 10, Kosko:
 * x(t+1) = f(−10 x(t)). The fixed point x* ≈ 0.163 has slope
 * −10·x*(1 − x*) ≈ −1.36, steeper than −1: it repels, and the state swings
 * between two values for ever. Reported as not converged after 1000 steps. */
static void
test_not_converging(void **state)
{
	static const double self[1] = { -1 };
	struct fcm_params p;
	struct fcm_run r;
	struct error err;
	double a[2], work[6];

	fcm_params_default(&p);
	p.rule = FCM_KOSKO;
	p.lambda = 10;
	assert_int_equal(fcm_run(self, 1, &p, NULL, 0, work, a, &r, &err), 0);
	assert_false(r.converged);
	assert_int_equal(r.steps, 1000);
	assert_true(r.last_change > 0.1);
	/* A map that would converge, stopped early, says so as well. */
	p.lambda = 1;
	p.max_steps = 3;
	assert_int_equal(fcm_run(map, 2, &p, NULL, 0, work, a, &r, &err), 0);
	assert_false(r.converged);
	assert_int_equal(r.steps, 3);
}

static void
test_rejects(void **state)
{
	static const double too_strong[4] = { 0, 1.5, -1, 0 };
	static const double edges[4] = { 1, -1, -1, 1 };
	static const struct fcm_clamp no_such = { .factor = 2, .value = 1 };
	static const struct fcm_clamp too_high = { .factor = 0, .value = 1.5 };
	static const struct fcm_clamp twice[2] = { { 0, 1 }, { 0, 0 } };
	double not_a_number[4] = { 0, 0.5, -1, 0 };
	struct fcm_scenario s;
	struct fcm_params p;
	struct fcm_run r;
	struct error err;
	double a[2], effect[2], work[6];

	not_a_number[2] = NAN;
	assert_int_equal(fcm_check_weights(edges, 2, &err), 0);
	assert_int_equal(fcm_check_weights(too_strong, 2, &err), -1);
	assert_non_null(strstr(err.message, "factor 1 on factor 2"));
	assert_int_equal(fcm_check_weights(not_a_number, 2, &err), -1);
	assert_int_equal(fcm_check_weights(map, 0, &err), -1);
	fcm_params_default(&p);
	assert_int_equal(fcm_run(too_strong, 2, &p, NULL, 0, work, a, &r, &err), -1);
	assert_false(r.converged);
	assert_int_equal(fcm_run(map, 2, &p, &no_such, 1, work, a, &r, &err), -1);
	assert_non_null(strstr(err.message, "no factor 3"));
	assert_int_equal(fcm_run(map, 2, &p, &too_high, 1, work, a, &r, &err), -1);
	assert_int_equal(fcm_run(map, 2, &p, twice, 2, work, a, &r, &err), -1);
	assert_non_null(strstr(err.message, "twice"));
	assert_int_equal(fcm_scenario(map, 2, &p, NULL, 0, work, NULL, NULL,
	    effect, &s, &err), -1);
	p.lambda = 0;
	assert_int_equal(fcm_run(map, 2, &p, NULL, 0, work, a, &r, &err), -1);
	fcm_params_default(&p);
	p.tolerance = -1;
	assert_int_equal(fcm_run(map, 2, &p, NULL, 0, work, a, &r, &err), -1);
	fcm_params_default(&p);
	p.max_steps = 0;
	assert_int_equal(fcm_run(map, 2, &p, NULL, 0, work, a, &r, &err), -1);
	fcm_params_default(&p);
	p.rule = FCM_RULE__MAX;
	assert_int_equal(fcm_run(map, 2, &p, NULL, 0, work, a, &r, &err), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kosko),
		cmocka_unit_test(test_modified_kosko),
		cmocka_unit_test(test_rescaled_and_scenario),
		cmocka_unit_test(test_kosko_scenario),
		cmocka_unit_test(test_not_converging),
		cmocka_unit_test(test_rejects),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
