/* Unit tests of the random generators, R's cut() binning, the uncertainty and the
 * sensitivity analysis (METHODS §4.10-4.11): published R outputs for the
 * generator, hand-worked boundaries and indices, and the ASEM index run on 1, 2
 * and 4 threads giving identical results. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "core/rng.h"
#include "core/sensitivity.h"
#include "core/uncertainty.h"
#include "unit/composite_testdata.h"

static void
assert_draws(int64_t seed, const double *want, size_t n, double tol)
{
	struct rng g;
	size_t i;

	assert_int_equal(rng_seed(&g, RNG_R, seed), 0);
	for (i = 0; i < n; i++) {
		double u = rng_uniform(&g);

		if (!(fabs(u - want[i]) <= tol))
			fail_msg("seed %lld draw %zu: %.17g, want %.17g",
			    (long long)seed, i + 1, u, want[i]);
	}
}

static void
test_r_generator_state(void **state)
{
	/* R: set.seed(0); .Random.seed[2:9] prints
	 * 624 1280795612 -169270483 -442010614 -603558397 -222347416 1489374793
	 * 865871222 (position 624, then the first 7 state words), and runif(5)
	 * 0.8966972001362592 0.2655086631421 0.37212389963679016
	 * 0.5728533633518964 0.9082077899947762 to full precision: README of
	 * R-js/libRmath.js ("Mersenne Twister"), checked there against R. */
	static const int32_t words[7] = { 1280795612, -169270483, -442010614,
	    -603558397, -222347416, 1489374793, 865871222 };
	static const double draws[5] = { 0.8966972001362592, 0.2655086631421,
	    0.37212389963679016, 0.5728533633518964, 0.9082077899947762 };
	struct rng g;
	int i;

	assert_int_equal(rng_seed(&g, RNG_R, 0), 0);
	assert_int_equal(g.mti, 624);
	for (i = 0; i < 7; i++)
		assert_int_equal((int32_t)g.mt[i], words[i]);
	assert_draws(0, draws, 5, 1e-15);
}

static void
test_r_generator_published(void **state)
{
	/* set.seed(42); runif(1); runif(5); runif(10, min = 1, max = 10):
	 * rstats101.com, "How to Generate Random Numbers from Uniform
	 * Distribution" (2022): 0.914806, then 0.9370754 0.2861395 0.8304476
	 * 0.6417455 0.5190959, then 7.629295 2.211999 6.912931 7.345583
	 * 5.119676 7.472010 9.412050 3.298859 5.160635 9.460131 (= 1 + 9 u). */
	static const double s42[16] = { 0.914806, 0.9370754, 0.2861395, 0.8304476,
	    0.6417455, 0.5190959, (7.629295 - 1) / 9, (2.211999 - 1) / 9,
	    (6.912931 - 1) / 9, (7.345583 - 1) / 9, (5.119676 - 1) / 9,
	    (7.472010 - 1) / 9, (9.412050 - 1) / 9, (3.298859 - 1) / 9,
	    (5.160635 - 1) / 9, (9.460131 - 1) / 9 };
	/* set.seed(1); runif(3): 0.2655087 0.3721239 0.5728534 (widely printed,
	 * e.g. in R course notes on pseudo-random numbers); set.seed(123);
	 * runif(10): 0.2875775 0.7883051 0.4089769 0.8830174 0.9404673 0.0455565
	 * 0.5281055 0.8924190 0.5514350 0.4566147 (K. Lathiya, "How to Generate
	 * Uniformly Distributed Random Numbers in R", 2023). */
	static const double s1[3] = { 0.2655087, 0.3721239, 0.5728534 };
	static const double s123[10] = { 0.2875775, 0.7883051, 0.4089769,
	    0.8830174, 0.9404673, 0.0455565, 0.5281055, 0.8924190, 0.5514350,
	    0.4566147 };
	/* set.seed(0); runif(10): 0.8966972 0.2655087 0.3721239 0.5728534
	 * 0.9082078 0.2016819 0.8983897 0.9446753 0.6607978 0.6291140 (raster
	 * package tutorial; R disordR vignette). */
	static const double s0[10] = { 0.8966972, 0.2655087, 0.3721239, 0.5728534,
	    0.9082078, 0.2016819, 0.8983897, 0.9446753, 0.6607978, 0.6291140 };

	assert_draws(42, s42, 6, 5e-7);
	assert_draws(42, s42, 16, 5e-7 / 9 + 1e-12);
	assert_draws(1, s1, 3, 5e-8);
	assert_draws(123, s123, 10, 5e-8);
	assert_draws(0, s0, 10, 5e-8);
}

static void
test_generator_seeds(void **state)
{
	/* R accepts seeds in [-2^31 + 1, 2^31 - 1]; the fast generator any seed,
	 * the same sequence for the same seed, draws strictly inside (0, 1). */
	struct rng a, b;
	double sum = 0;
	int i;
	enum rng_kind k;

	assert_int_equal(rng_seed(&a, RNG_R, 2147483648LL), -1);
	assert_int_equal(rng_seed(&a, RNG_R, -2147483647LL), 0);
	assert_int_equal(rng_seed(&a, RNG_FAST, 7), 0);
	assert_int_equal(rng_seed(&b, RNG_FAST, 7), 0);
	for (i = 0; i < 100000; i++) {
		double u = rng_uniform(&a);

		assert_true(u > 0 && u < 1);
		assert_true(u == rng_uniform(&b));
		sum += u;
	}
	assert_true(fabs(sum / 100000 - 0.5) < 0.005);
	rng_seed(&b, RNG_FAST, 8);
	assert_true(rng_uniform(&a) != rng_uniform(&b));
	assert_int_equal(rng_kind_parse("r", &k), 0);
	assert_int_equal(k, RNG_R);
	assert_int_equal(rng_kind_parse("R", &k), -1);
}

static void
test_cut_boundaries(void **state)
{
	/* u = 0, 0.25, 0.5, 0.75, 1 (all exact in binary). K = 4: range 1, breaks
	 * -0.001, 0.25, 0.5, 0.75, 1.001; a value on a break goes to the lower
	 * bin: bins 1, 1, 2, 3, 4. K = 2: breaks -0.001, 0.5, 1.001: 1, 1, 1, 2, 2.
	 * K = 1: R's "invalid number of intervals". Equal draws: the range is
	 * widened by |u|/1000 around the value: one bin, the lower. */
	const double u[5] = { 0, 0.25, 0.5, 0.75, 1 }, same[2] = { 0.5, 0.5 };
	const size_t want4[5] = { 0, 0, 1, 2, 3 }, want2[5] = { 0, 0, 0, 1, 1 };
	size_t bin[5];
	struct error e;
	int i;

	assert_int_equal(uncertainty_cut(u, 5, 4, bin, &e), 0);
	for (i = 0; i < 5; i++)
		assert_int_equal(bin[i], want4[i]);
	assert_int_equal(uncertainty_cut(u, 5, 2, bin, &e), 0);
	for (i = 0; i < 5; i++)
		assert_int_equal(bin[i], want2[i]);
	assert_int_equal(uncertainty_cut(u, 5, 1, bin, &e), -1);
	assert_non_null(strstr(e.message, "at least 2"));
	assert_int_equal(uncertainty_cut(same, 2, 3, bin, &e), 0);
	assert_int_equal(bin[0], 1);	/* middle of 3 bins around 0.5 */
	assert_int_equal(uncertainty_cut(u, 0, 2, bin, &e), -1);
}

static void
test_sensitivity_indices_by_hand(void **state)
{
	/* N = 2, d = 1: y_A = (1, 3), y_B = (2, 4), y_AB = (2, 4).
	 * V = var(1, 3, 2, 4) = (2.25 + 0.25 + 0.25 + 2.25)/3 = 5/3.
	 * S = mean(y_B (y_AB - y_A)) / V = mean(2 * 1, 4 * 1) / V = 3 / (5/3) = 1.8
	 * ST = sum((y_A - y_AB)^2) / (2 N V) = 2 / (4 * 5/3) = 0.3. */
	const double y[6] = { 1, 3, 2, 4, 2, 4 }, failed[6] = { 1, 3, 2, NAN, 2, 4 };
	const double flat[6] = { 1, 1, 1, 1, 1, 1 };
	double v, s, st;
	struct error e;

	assert_int_equal(sensitivity_indices(y, 2, 1, &v, &s, &st, &e), 0);
	assert_true(fabs(v - 5.0 / 3) < 1e-15);
	assert_true(fabs(s - 1.8) < 1e-14);
	assert_true(fabs(st - 0.3) < 1e-15);
	assert_int_equal(sensitivity_indices(failed, 2, 1, &v, &s, &st, &e), -1);
	assert_true(isnan(s) && isnan(st));
	assert_int_equal(sensitivity_indices(flat, 2, 1, &v, &s, &st, &e), -1);
}

static void
test_sensitivity_design(void **state)
{
	/* N = 2, d = 2 with R's generator, seed 0: the 2 d N = 8 draws fill the
	 * N x 2d matrix column by column: A = [u1 u3; u2 u4], B = [u5 u7; u6 u8].
	 * Design rows: A (2), B (2), A with column 1 from B, A with column 2
	 * from B. Input 1's column: u1 u2 | u5 u6 | u5 u6 | u1 u2;
	 * input 2's: u3 u4 | u7 u8 | u3 u4 | u7 u8. */
	struct rng g;
	double u[8], draws[16];
	const int in1[8] = { 0, 1, 4, 5, 4, 5, 0, 1 }, in2[8] = { 2, 3, 6, 7, 2, 3,
	    6, 7 };
	int i;

	rng_seed(&g, RNG_R, 0);
	for (i = 0; i < 8; i++)
		u[i] = rng_uniform(&g);
	rng_seed(&g, RNG_R, 0);
	sensitivity_design(2, 2, &g, draws);
	for (i = 0; i < 8; i++) {
		assert_true(draws[i] == u[in1[i]]);
		assert_true(draws[8 + i] == u[in2[i]]);
	}
}

/* ---- the ASEM index ------------------------------------------------------- */

struct ua {
	struct arena			 a;
	struct testdata_coin		 c;
	struct composite_spec		 s;
	struct composite_result		 r;
	int				 winmax[5];
	struct normalise_spec		 norm[2];
	struct aggregate_spec		 agg[2];
	struct uncertainty_input	 in[3];
};

static int
ua_setup(void **state)
{
	struct ua *x = calloc(1, sizeof(*x));
	struct error e;
	int i;

	arena_init(&x->a);
	if (testdata_asem(&x->a, "EurAsia_group", &x->c) < 0)
		return -1;
	composite_spec_default(&x->s);
	composite_result_init(&x->r, &x->a, &x->c.h, x->c.d.n_units);
	if (composite_run(&x->c.h, &x->c.d, &x->s, &x->r, &e) < 0)
		return -1;
	/* COINr vignette "Sensitivity Analysis": winmax 1:5, normalisation
	 * min-max [1, 100] or z-score (10, 2), aggregation a_amean or a_gmean. */
	for (i = 0; i < 5; i++)
		x->winmax[i] = i + 1;
	normalise_spec_default(&x->norm[0]);
	x->norm[0].lower = 1;
	normalise_spec_default(&x->norm[1]);
	x->norm[1].method = NORMALISE_ZSCORE;
	x->norm[1].mean = 10;
	x->norm[1].sd = 2;
	x->agg[0] = (struct aggregate_spec){ AGGREGATE_AMEAN, 1 };
	x->agg[1] = (struct aggregate_spec){ AGGREGATE_GMEAN, 0 };
	x->in[0] = (struct uncertainty_input){ .kind = UNCERTAINTY_WINMAX,
	    .n_alternatives = 5, .winmax = x->winmax };
	x->in[1] = (struct uncertainty_input){ .kind = UNCERTAINTY_NORMALISE,
	    .n_alternatives = 2, .normalise = x->norm };
	x->in[2] = (struct uncertainty_input){ .kind = UNCERTAINTY_AGGREGATE,
	    .n_alternatives = 2, .aggregate = x->agg };
	*state = x;
	return 0;
}

static int
ua_teardown(void **state)
{
	struct ua *x = *state;

	arena_free(&x->a);
	free(x);
	return 0;
}

static void
test_uncertainty_threads_identical(void **state)
{
	/* Same seed -> byte-identical draws, choices, ranks and statistics for 1,
	 * 2 and 4 threads, with both generators. */
	struct ua *x = *state;
	struct uncertainty_result r[3];
	const int threads[3] = { 1, 2, 4 };
	size_t runs = 300, nk = x->r.n_kept, i, u;
	enum rng_kind kinds[2] = { RNG_R, RNG_FAST };
	int t, k;

	for (k = 0; k < 2; k++) {
		for (t = 0; t < 3; t++) {
			struct rng g;
			struct error e;

			rng_seed(&g, kinds[k], 20251126);
			assert_int_equal(uncertainty_run(&x->c.h, &x->c.d, &x->s, &x->r,
			    x->in, 3, runs, &g, threads[t], &x->a, &r[t], &e), 0);
		}
		for (t = 1; t < 3; t++) {
			assert_memory_equal(r[0].draws, r[t].draws,
			    3 * runs * sizeof(double));
			assert_memory_equal(r[0].ranks, r[t].ranks,
			    runs * nk * sizeof(double));
			assert_memory_equal(r[0].stats.mean, r[t].stats.mean,
			    nk * sizeof(double));
			assert_memory_equal(r[0].stats.q5, r[t].stats.q5,
			    nk * sizeof(double));
			assert_memory_equal(r[0].stats.q95, r[t].stats.q95,
			    nk * sizeof(double));
		}
		/* Sanity: every run's ranks are a permutation; each alternative is
		 * chosen; statistics bracket the median. */
		for (i = 0; i < runs; i++) {
			double sum = 0;

			for (u = 0; u < nk; u++)
				sum += r[0].ranks[i * nk + u];
			assert_true(sum == nk * (nk + 1) / 2.0);
		}
		for (u = 0; u < nk; u++) {
			assert_true(r[0].stats.q5[u] <= r[0].stats.median[u]);
			assert_true(r[0].stats.median[u] <= r[0].stats.q95[u]);
			assert_int_equal(r[0].stats.runs[u], runs);
			assert_true(r[0].stats.nominal[u] == x->r.rank[u]);
		}
	}
}

static void
test_uncertainty_draws_r_order(void **state)
{
	/* With R's generator the d N draws are runif(d * N) in order, the first N
	 * for the first input (matrix(runif(d * N), nrow = N)), each input's
	 * alternative by cut over that input's own draws. */
	struct ua *x = *state;
	struct uncertainty_result r;
	struct rng g, h;
	struct error e;
	size_t runs = 50, i, bin[50];

	rng_seed(&g, RNG_R, 1);
	assert_int_equal(uncertainty_run(&x->c.h, &x->c.d, &x->s, &x->r, x->in, 3,
	    runs, &g, 1, &x->a, &r, &e), 0);
	rng_seed(&h, RNG_R, 1);
	for (i = 0; i < 3 * runs; i++)
		assert_true(r.draws[i] == rng_uniform(&h));
	assert_int_equal(uncertainty_cut(r.draws + runs, runs, 2, bin, &e), 0);
	for (i = 0; i < runs; i++)
		assert_int_equal(r.choice[runs + i], bin[i]);
}

static void
test_uncertainty_failed_runs(void **state)
{
	/* z-score (0, 1) gives negative values, which the geometric mean refuses:
	 * exactly the runs that draw both fail, with missing ranks for every
	 * unit; the statistics use the other runs. */
	struct ua *x = *state;
	struct normalise_spec norm[2] = { x->norm[0], x->norm[1] };
	struct uncertainty_input in[2] = {
		{ .kind = UNCERTAINTY_NORMALISE, .n_alternatives = 2,
		    .normalise = norm },
		x->in[2],
	};
	struct uncertainty_result r;
	struct rng g;
	struct error e;
	size_t runs = 200, i, expect = 0;

	norm[1].mean = 0;
	norm[1].sd = 1;
	rng_seed(&g, RNG_FAST, 3);
	assert_int_equal(uncertainty_run(&x->c.h, &x->c.d, &x->s, &x->r, in, 2,
	    runs, &g, 2, &x->a, &r, &e), 0);
	for (i = 0; i < runs; i++) {
		int fails = r.choice[i] == 1 && r.choice[runs + i] == 1;

		expect += fails;
		assert_int_equal(r.failed_run[i], fails);
		if (fails)
			assert_true(isnan(r.ranks[i * x->r.n_kept]));
	}
	assert_true(expect > 0);
	assert_int_equal(r.failed, expect);
	assert_int_equal(r.stats.runs[0], runs - expect);
}

static void
test_uncertainty_weights_noise(void **state)
{
	/* COINr's get_noisy_weights(): levels 2 and 3 moved by up to +-25 %;
	 * level 1 and 4 weights stay; every noisy weight within the band. Then an
	 * uncertainty run over 20 such sets. */
	struct ua *x = *state;
	const struct composite_hierarchy *h = &x->c.h;
	double factor[5] = { 0, 0, 0.25, 0.25, 0 };
	const int levels[2] = { 2, 3 };
	double *sets[20];
	struct uncertainty_input in;
	struct uncertainty_result r;
	struct rng g;
	struct error e;
	size_t j, k;

	for (j = 0; j < 20; j++)
		sets[j] = arena_alloc(&x->a, h->n_nodes * sizeof(double));
	rng_seed(&g, RNG_R, 5);
	uncertainty_noisy_weights(h, h->weight, levels, 2, factor, 20, &g, sets);
	for (j = 0; j < 20; j++) {
		for (k = 0; k < h->n_nodes; k++) {
			double w = sets[j][k], w0 = h->weight[k];

			if (h->level[k] == 2 || h->level[k] == 3)
				assert_true(w >= 0.75 * w0 && w <= 1.25 * w0);
			else
				assert_true(w == w0);
		}
	}
	assert_true(sets[0][h->n_indicators] != sets[1][h->n_indicators]);
	in = (struct uncertainty_input){ .kind = UNCERTAINTY_WEIGHTS,
	    .n_alternatives = 20, .weights = (const double *const *)sets };
	assert_int_equal(uncertainty_run(h, &x->c.d, &x->s, &x->r, &in, 1, 100, &g,
	    2, &x->a, &r, &e), 0);
	assert_int_equal(r.failed, 0);
}

static void
test_sensitivity_asem(void **state)
{
	/* N (d + 2) runs; identical on 1 and 2 threads; the aggregation method
	 * matters most (COINr's vignette finds the same: "the most sensitive
	 * assumption is the aggregation method"). */
	struct ua *x = *state;
	struct sensitivity_result r1, r2;
	struct rng g;
	struct error e;
	size_t n = 100, i;

	rng_seed(&g, RNG_R, 1);
	assert_int_equal(sensitivity_run(&x->c.h, &x->c.d, &x->s, &x->r, x->in, 3,
	    n, &g, 1, &x->a, &r1, &e), 0);
	rng_seed(&g, RNG_R, 1);
	assert_int_equal(sensitivity_run(&x->c.h, &x->c.d, &x->s, &x->r, x->in, 3,
	    n, &g, 2, &x->a, &r2, &e), 0);
	assert_int_equal(r1.runs, 500);
	assert_memory_equal(r1.output, r2.output, r1.runs * sizeof(double));
	assert_memory_equal(r1.first, r2.first, 3 * sizeof(double));
	assert_memory_equal(r1.total, r2.total, 3 * sizeof(double));
	for (i = 0; i < 3; i++)
		assert_false(isnan(r1.total[i]));
	assert_true(r1.total[2] > r1.total[0] && r1.total[2] > r1.total[1]);
	assert_true(r1.variance > 0);
	assert_int_equal(r1.stats.runs[0], 2 * n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_r_generator_state),
		cmocka_unit_test(test_r_generator_published),
		cmocka_unit_test(test_generator_seeds),
		cmocka_unit_test(test_cut_boundaries),
		cmocka_unit_test(test_sensitivity_indices_by_hand),
		cmocka_unit_test(test_sensitivity_design),
		cmocka_unit_test_setup_teardown(test_uncertainty_threads_identical,
		    ua_setup, ua_teardown),
		cmocka_unit_test_setup_teardown(test_uncertainty_draws_r_order,
		    ua_setup, ua_teardown),
		cmocka_unit_test_setup_teardown(test_uncertainty_failed_runs,
		    ua_setup, ua_teardown),
		cmocka_unit_test_setup_teardown(test_uncertainty_weights_noise,
		    ua_setup, ua_teardown),
		cmocka_unit_test_setup_teardown(test_sensitivity_asem, ua_setup,
		    ua_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
