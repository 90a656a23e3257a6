/* Unit tests of the composite-index pipeline (METHODS §4.1-4.9): every step on tiny
 * data with the expected values worked out by hand in the comments, and edge
 * cases that must give a status. The ASEM index against COINr's published
 * outputs is in test_composite_asem.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/aggregate.h"
#include "core/colstat.h"
#include "core/composite.h"
#include "core/impute.h"
#include "core/normalise.h"
#include "core/treat.h"

#define NA NAN

static void
assert_close(double got, double want, double tol)
{
	if (isnan(want)) {
		if (!isnan(got))
			fail_msg("expected missing, got %.17g", got);
		return;
	}
	if (!(fabs(got - want) <= tol))
		fail_msg("got %.17g, want %.17g (tolerance %g)", got, want, tol);
}

static void
assert_vector(const double *got, const double *want, size_t n, double tol)
{
	size_t i;

	for (i = 0; i < n; i++)
		assert_close(got[i], want[i], tol);
}

/* ---- column statistics ------------------------------------------------ */

static void
test_ranks_with_ties(void **state)
{
	/* x = 3, 1, 3, NA, 2. Ascending, ties min: 1 -> 1, 2 -> 2, both 3s -> 3.
	 * Descending: both 3s -> 1, 2 -> 3, 1 -> 4. Missing keeps missing. */
	const double x[] = { 3, 1, 3, NA, 2 };
	const double up[] = { 3, 1, 3, NA, 2 }, down[] = { 1, 4, 1, NA, 3 };
	struct colstat_pair scratch[5];
	double r[5];

	colstat_rank_ascending(x, 5, r, scratch);
	assert_vector(r, up, 5, 0);
	colstat_rank_descending(x, 5, r, scratch);
	assert_vector(r, down, 5, 0);
}

static void
test_quantile_type7(void **state)
{
	/* sorted 1, 2, 3, 4: p = 0.05: h = 1 + 3 * 0.05 = 1.15, (1 - .15) 1 + .15 2
	 * = 1.15; p = 0.95: h = 3.85, .15 * 3 + .85 * 4 = 3.85; median 2.5. */
	const double x[] = { 1, 2, 3, 4 };

	assert_close(colstat_quantile7(x, 4, 0.05), 1.15, 1e-12);
	assert_close(colstat_quantile7(x, 4, 0.95), 3.85, 1e-12);
	assert_close(colstat_median(x, 4), 2.5, 0);
	assert_close(colstat_median(x, 3), 2, 0);
	assert_close(colstat_quantile7(x, 1, 0.95), 1, 0);
	assert_true(isnan(colstat_quantile7(x, 0, 0.5)));
	/* COINr's sensitivity vignette prints Q5 = 5.95 for a unit ranked 5 and 6:
	 * with N = 100 runs h = 1 + 99 * 0.05 = 5.95 lies between x5 and x6. */
	{
		double r[100];
		size_t i;

		for (i = 0; i < 100; i++)
			r[i] = i < 5 ? 5 : i < 60 ? 6 : 7;
		assert_close(colstat_quantile7(r, 100, 0.05), 5.95, 1e-12);
	}
}

/* ---- imputation and screening ------------------------------------------- */

static void
test_impute_group_mean(void **state)
{
	/* groups 0, 0, 1, 1, none; x = 2, NA, 6, 10, NA.
	 * Unit 2 (group 0) gets the mean of group 0's present values: 2.
	 * Unit 5 has no group: stays missing. */
	double x[] = { 2, NA, 6, 10, NA }, scratch[5];
	const int group[] = { 0, 0, 1, 1, -1 };
	const double want[] = { 2, 2, 6, 10, NA };

	assert_int_equal(impute_values(IMPUTE_GROUP_MEAN, x, 5, group, scratch), 1);
	assert_vector(x, want, 5, 0);
}

static void
test_impute_group_without_values(void **state)
{
	/* Group 0 has no present value: its units stay missing; group 1's mean is
	 * (3 + 5)/2 = 4 and fills nothing (no gap there). */
	double x[] = { NA, NA, 3, 5 }, scratch[4];
	const int group[] = { 0, 0, 1, 1 };

	assert_int_equal(impute_values(IMPUTE_GROUP_MEAN, x, 4, group, scratch), 0);
	assert_true(isnan(x[0]) && isnan(x[1]));
}

static void
test_impute_mean_median(void **state)
{
	/* Column mean of 2, 6, 10 is 6; median of 1, 2, 6, 10 is (2 + 6)/2 = 4. */
	double a[] = { 2, NA, 6, 10, NA }, b[] = { 2, NA, 6, 10, 1 }, scratch[5];
	const double wa[] = { 2, 6, 6, 10, 6 }, wb[] = { 2, 4, 6, 10, 1 };

	assert_int_equal(impute_values(IMPUTE_MEAN, a, 5, NULL, scratch), 2);
	assert_vector(a, wa, 5, 0);
	assert_int_equal(impute_values(IMPUTE_MEDIAN, b, 5, NULL, scratch), 1);
	assert_vector(b, wb, 5, 0);
}

/* A two-level hierarchy over 4 indicators: I1, I2 -> A; I3, I4 -> B; A, B -> T. */
static void
tiny_hierarchy(struct arena *a, struct composite_hierarchy *h, const int *dir)
{
	struct composite_node nodes[7];
	const char *codes[] = { "I1", "I2", "I3", "I4", "A", "B", "T" };
	const char *parents[] = { "A", "A", "B", "B", "T", "T", NULL };
	struct error e;
	int i;

	for (i = 0; i < 7; i++) {
		nodes[i] = (struct composite_node){ .code = codes[i],
		    .level = i < 4 ? 1 : i < 6 ? 2 : 3, .parent = parents[i],
		    .weight = 1, .direction = i < 4 ? dir[i] : 0,
		    .denominator = -1, .target = NA, .goal_lower = NA,
		    .goal_upper = NA };
	}
	assert_int_equal(composite_hierarchy_build(h, a, nodes, 7, &e), 0);
}

static void
test_screening(void **state)
{
	/* 3 units x 4 indicators. Present shares: U1 4/4 = 1, U2 3/4 = 0.75,
	 * U3 2/4 = 0.5. Threshold 0.75 keeps U1 and U2 (0.75 is not below 0.75);
	 * threshold 0.9 keeps U1 only. Screening runs after imputation: with
	 * column-mean imputation every unit is complete and all are kept. */
	static const int dir[] = { 1, 1, 1, 1 };
	const double values[] = {
		1, 2, 3,	/* I1 */
		4, NA, 6,	/* I2 */
		7, 8, NA,	/* I3 */
		10, 11, NA,	/* I4 */
	};
	const char *units[] = { "U1", "U2", "U3" };
	struct composite_data d = { .n_units = 3, .unit = units, .values = values };
	struct composite_hierarchy h;
	struct composite_result r;
	struct composite_spec s;
	struct arena a;
	struct error e;

	arena_init(&a);
	tiny_hierarchy(&a, &h, dir);
	composite_result_init(&r, &a, &h, 3);
	memset(&s, 0, sizeof(s));
	s.impute = IMPUTE_NONE;
	s.screen = true;
	s.screen_threshold = 0.75;
	normalise_spec_default(&s.normalise);
	s.normalise.method = NORMALISE_NONE;
	assert_int_equal(composite_run(&h, &d, &s, &r, &e), 0);
	assert_close(r.availability[0], 1.0, 0);
	assert_close(r.availability[1], 0.75, 0);
	assert_close(r.availability[2], 0.5, 0);
	assert_int_equal(r.n_kept, 2);
	assert_int_equal(r.kept[0], 0);
	assert_int_equal(r.kept[1], 1);
	s.screen_threshold = 0.9;
	assert_int_equal(composite_run(&h, &d, &s, &r, &e), 0);
	assert_int_equal(r.n_kept, 1);
	s.impute = IMPUTE_MEAN;
	assert_int_equal(composite_run(&h, &d, &s, &r, &e), 0);
	assert_int_equal(r.n_kept, 3);
	assert_int_equal(r.imputed_count, 3);
	arena_free(&a);
}

/* ---- outlier treatment --------------------------------------------------- */

static void
test_skew_kurtosis_by_hand(void **state)
{
	/* x = 1, 2, 3, 4, 10: n = 5, mean 4, d = -3, -2, -1, 0, 6.
	 * sum d^2 = 50, sum d^3 = 180, sum d^4 = 1394.
	 * G1 = sqrt(5) 180 / 50^1.5 * sqrt(20) / 3 = 1800 / (3 * 50^1.5)
	 *    = 12 / sqrt(50) = 1.6970562748...
	 * r = 5 * 1394 / 2500 = 2.788; G2 = (6 (2.788 - 3) + 6) * 4 / (3 * 2)
	 *    = 4.728 * 4 / 6 = 3.152. */
	const double x[] = { 1, 2, 3, NA, 4, 10 };
	double g1, g2;

	assert_int_equal(treat_skew_kurtosis(x, 6, &g1, &g2), 0);
	assert_close(g1, 12.0 / sqrt(50.0), 1e-12);
	assert_close(g2, 3.152, 1e-12);
}

static void
test_skew_kurtosis_coinr(void **state)
{
	/* COINr vignette "Outlier Treatment" (bluefoxr/COINr, articles/treat.md):
	 * x <- c(1:10, 30, 100); skew(x) 3.063241, kurt(x) 9.741391; Treat() with
	 * winmax = 2 winsorises one point (100 -> 30), after which skew 1.712038
	 * and kurtosis 1.815781. */
	double x[12], out[12], g1, g2;
	unsigned char points[12];
	struct treat_spec spec = { 2, 2.0, 3.5 };
	struct treat_info info;
	size_t scratch[24], i;

	for (i = 0; i < 10; i++)
		x[i] = (double)(i + 1);
	x[10] = 30;
	x[11] = 100;
	assert_int_equal(treat_skew_kurtosis(x, 12, &g1, &g2), 0);
	assert_close(g1, 3.063241, 5e-7);
	assert_close(g2, 9.741391, 5e-7);
	treat_column(&spec, x, 12, out, points, &info, scratch);
	assert_int_equal(info.outcome, TREAT_WINSORISED);
	assert_int_equal(info.winsorised, 1);
	assert_close(out[11], 30, 0);
	assert_int_equal(points[11], TREAT_POINT_HIGH);
	assert_int_equal(points[10], TREAT_POINT_NONE);
	assert_close(info.skew[1], 1.712038, 5e-7);
	assert_close(info.kurtosis[1], 1.815781, 5e-7);
}

static void
test_winsorisation_sequence(void **state)
{
	/* x = 1..20, -40, 100, 150 (n = 23), winmax 5. Worked out from METHODS
	 * §4.5's formulas:
	 *   start:  G1 = 2.673200, G2 = 8.590534: fails (|G1| >= 2, G2 >= 3.5).
	 *   pass 1: G1 >= 0, top set {150} -> 100.   nwin = 1 + 0 = 1;
	 *           now G1 = 2.019575, G2 = 5.754184: fails.
	 *   pass 2: G1 >= 0, top set re-taken: {100, 100} -> 20.  nwin = 2 + 0 = 2;
	 *           now G1 = -2.996687, G2 = 11.724338: fails.
	 *   pass 3: G1 < 0, bottom set {-40} -> 1.   nwin = 2 + 1 = 3 (the point
	 *           150, moved twice, counts once);
	 *           now G1 = -0.053981, G2 = -1.337880: passes. */
	double x[23], out[23];
	unsigned char points[23];
	struct treat_spec spec = { 5, 2.0, 3.5 };
	struct treat_info info;
	size_t scratch[46], i;

	for (i = 0; i < 20; i++)
		x[i] = (double)(i + 1);
	x[20] = -40;
	x[21] = 100;
	x[22] = 150;
	treat_column(&spec, x, 23, out, points, &info, scratch);
	assert_close(info.skew[0], 2.673200025193588, 1e-9);
	assert_close(info.kurtosis[0], 8.590534149557753, 1e-9);
	assert_int_equal(info.outcome, TREAT_WINSORISED);
	assert_int_equal(info.winsorised, 3);
	assert_close(info.skew[1], -0.053981285828913844, 1e-9);
	assert_close(info.kurtosis[1], -1.3378796130207828, 1e-9);
	assert_close(out[20], 1, 0);
	assert_close(out[21], 20, 0);
	assert_close(out[22], 20, 0);
	assert_int_equal(points[20], TREAT_POINT_LOW);
	assert_int_equal(points[21], TREAT_POINT_HIGH);
	assert_int_equal(points[22], TREAT_POINT_HIGH);
	for (i = 0; i < 20; i++)
		assert_close(out[i], x[i], 0);

	/* winmax 1: one pass is not enough, so the ORIGINAL values are
	 * log-transformed: ln(x - min + 0.01 (max - min)) with min -40, max 150:
	 * x = 1 -> ln(41 + 1.9) = 3.758872, -40 -> ln(1.9) = 0.641854,
	 * 150 -> ln(191.9) = 5.256974; then G1 = -3.108143, G2 = 14.346624 (still
	 * failing: reported, not acted upon). */
	spec.winmax = 1;
	treat_column(&spec, x, 23, out, points, &info, scratch);
	assert_int_equal(info.outcome, TREAT_LOG);
	assert_int_equal(info.winsorised, 1);
	assert_close(out[0], log(42.9), 1e-12);
	assert_close(out[20], log(1.9), 1e-12);
	assert_close(out[22], log(191.9), 1e-12);
	assert_int_equal(points[0], TREAT_POINT_LOG);
	assert_int_equal(info.checks, 3);
	assert_false(info.pass[2]);
	assert_close(info.skew[2], -3.108143041865865, 1e-9);
}

static void
test_treat_too_few_and_constant(void **state)
{
	/* 3 values: kurtosis needs 4, so the column is left untreated with the
	 * TREAT_TOO_FEW warning; a constant column has no skewness. */
	const double three[] = { 1, NA, 2, 100 }, flat[] = { 5, 5, 5, 5, 5 };
	double out[5];
	struct treat_spec spec = { 5, 2.0, 3.5 };
	struct treat_info info;
	size_t scratch[10];

	treat_column(&spec, three, 4, out, NULL, &info, scratch);
	assert_int_equal(info.outcome, TREAT_TOO_FEW);
	assert_close(out[3], 100, 0);
	treat_column(&spec, flat, 5, out, NULL, &info, scratch);
	assert_int_equal(info.outcome, TREAT_NOT_COMPUTABLE);
	assert_close(out[0], 5, 0);
}

/* ---- normalisation ------------------------------------------------------- */

static int
normalise_one(enum normalise_method method, int direction, const double *x,
    size_t n, double *out, struct error *e)
{
	struct normalise_spec s;
	struct normalise_column c = { "x", direction, 4.0, 2.0, 4.0, 1 };
	struct colstat_pair scratch[8];

	normalise_spec_default(&s);
	s.method = method;
	if (method == NORMALISE_ZSCORE) {
		s.mean = 10;
		s.sd = 2;
	}
	if (method == NORMALISE_GOALPOSTS)
		s.goal_scale = 100;
	if (direction < 0 && method == NORMALISE_DIST2TARGET)
		c.target = 2.0;
	return normalise_values(&s, &c, x, n, out, scratch, e);
}

static void
test_normalisations_by_hand(void **state)
{
	/* x = 1, 2, 4, NA, 5 (direction +1): min 1, max 5, mean 3,
	 * sd = sqrt((4 + 1 + 1 + 4)/3) = sqrt(10/3). */
	const double x[] = { 1, 2, 4, NA, 5 };
	double out[5], sd = sqrt(10.0 / 3.0);
	struct error e;
	struct {
		enum normalise_method	 m;
		double			 want[5];
	} cases[] = {
		/* (x - 1)/4 * 100 */
		{ NORMALISE_MINMAX, { 0, 25, 75, NA, 100 } },
		/* (x - 3)/sd * 2 + 10 */
		{ NORMALISE_ZSCORE, { 10 - 4 / sd, 10 - 2 / sd, 10 + 2 / sd, NA,
		    10 + 4 / sd } },
		/* 1 - (5 - x)/4 */
		{ NORMALISE_DIST2MAX, { 0, 0.25, 0.75, NA, 1 } },
		/* reference = row 1 (value 2): 1 - (2 - x)/(2 - 1), no cap */
		{ NORMALISE_DIST2REF, { 0, 1, 3, NA, 4 } },
		/* target 4: 1 - (4 - x)/(4 - 1), capped at 1 */
		{ NORMALISE_DIST2TARGET, { 0, 1.0 / 3.0, 1, NA, 1 } },
		/* x / 5 */
		{ NORMALISE_FRACMAX, { 0.2, 0.4, 0.8, NA, 1 } },
		{ NORMALISE_RANK, { 1, 2, 3, NA, 4 } },
		{ NORMALISE_BORDA, { 0, 1, 2, NA, 3 } },
		/* (rank - 1)/(4 - 1) */
		{ NORMALISE_PERCENTILE, { 0, 1.0 / 3.0, 2.0 / 3.0, NA, 1 } },
		/* posts 2 and 4: (x - 2)/2 truncated to [0, 1], times 100 */
		{ NORMALISE_GOALPOSTS, { 0, 0, 100, NA, 100 } },
		{ NORMALISE_NONE, { 1, 2, 4, NA, 5 } },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(normalise_one(cases[i].m, 1, x, 5, out, &e), 0);
		assert_vector(out, cases[i].want, 5, 1e-12);
	}
}

static void
test_normalisations_negative_direction(void **state)
{
	/* Direction -1: z = -x = -1, -2, -4, NA, -5.
	 * min-max: (z + 5)/4 * 100 = 100, 75, 25, NA, 0.
	 * goalposts 2 and 4 (COINr: (x - hi)/(lo - hi)): (x - 4)/(-2) truncated:
	 * 1, 1, 0, NA, 0, times 100.
	 * target 2 (COINr: (max - x)/(max - target) = (5 - x)/3): 4/3 -> 1, 1,
	 * 1/3, NA, 0. Borda of z: 3, 2, 1, NA, 0. */
	const double x[] = { 1, 2, 4, NA, 5 };
	const double mm[] = { 100, 75, 25, NA, 0 }, gp[] = { 100, 100, 0, NA, 0 };
	const double tg[] = { 1, 1, 1.0 / 3.0, NA, 0 }, bo[] = { 3, 2, 1, NA, 0 };
	double out[5];
	struct error e;

	assert_int_equal(normalise_one(NORMALISE_MINMAX, -1, x, 5, out, &e), 0);
	assert_vector(out, mm, 5, 1e-12);
	assert_int_equal(normalise_one(NORMALISE_GOALPOSTS, -1, x, 5, out, &e), 0);
	assert_vector(out, gp, 5, 1e-12);
	assert_int_equal(normalise_one(NORMALISE_DIST2TARGET, -1, x, 5, out, &e), 0);
	assert_vector(out, tg, 5, 1e-12);
	assert_int_equal(normalise_one(NORMALISE_BORDA, -1, x, 5, out, &e), 0);
	assert_vector(out, bo, 5, 0);
}

static void
test_normalise_coinr_example(void **state)
{
	/* COINr vignette "Normalisation" (articles/normalise.md), qNormalise(X) on
	 * printed values: column a min-max onto [0, 100]; and
	 * n_dist2ref(iref = 1, cap_max = TRUE) of column b. The inputs are printed
	 * to 8 significant digits, hence the tolerance. */
	const double a[] = { 0.87460066, 0.17494063, 0.03424133, 0.32038573,
	    0.40232824, 0.19566983, 0.40353812, 0.06366146, 0.38870131, 0.97554784 };
	const double b[] = { 28.989230, 67.838043, 73.531960, 19.595673, 98.053967,
	    74.152153, 5.144628, 53.021246, 69.582388, 68.855600 };
	const double wa[] = { 89.275844, 14.947235, 0.000000, 30.398642, 39.103831,
	    17.149409, 39.232363, 3.125456, 37.656170, 100.000000 };
	const double wb[] = { 1, 1, 1, 0.606051, 1, 1, 0, 1, 1, 1 };
	struct normalise_spec s;
	struct normalise_column c = { "a", 1, NA, NA, NA, 0 };
	struct colstat_pair scratch[10];
	double out[10];
	struct error e;

	normalise_spec_default(&s);
	assert_int_equal(normalise_values(&s, &c, a, 10, out, scratch, &e), 0);
	assert_vector(out, wa, 10, 5e-6);
	s.method = NORMALISE_DIST2REF;
	s.cap = true;
	assert_int_equal(normalise_values(&s, &c, b, 10, out, scratch, &e), 0);
	assert_vector(out, wb, 10, 5e-7);
}

/* ---- aggregation ----------------------------------------------------------- */

static void
test_aggregations_by_hand(void **state)
{
	/* Children (3 units): c1 = 1, 4, NA; c2 = 2, 4, 3; c3 = 4, 1, NA;
	 * weights 1, 1, 2. Unit 3 has only c2: weights renormalise, result 3.
	 * amean:  (1 + 2 + 2*4)/4 = 2.75;  (4 + 4 + 2*1)/4 = 2.5
	 * gmean:  (1 * 2 * 4^2)^(1/4) = 32^0.25;  (4 * 4 * 1^2)^(1/4) = 2
	 * hmean:  4 / (1 + 1/2 + 2/4) = 2;  4 / (1/4 + 1/4 + 2/1) = 1.6
	 * p = 2:  sqrt((1 + 4 + 2*16)/4) = sqrt(9.25);  sqrt((16 + 16 + 2)/4) */
	const double c1[] = { 1, 4, NA }, c2[] = { 2, 4, 3 }, c3[] = { 4, 1, NA };
	const double *child[] = { c1, c2, c3 }, w[] = { 1, 1, 2 };
	struct {
		struct aggregate_spec	 s;
		double			 want[3];
	} cases[] = {
		{ { AGGREGATE_AMEAN, 1 }, { 2.75, 2.5, 3 } },
		{ { AGGREGATE_GMEAN, 0 }, { pow(32, 0.25), 2, 3 } },
		{ { AGGREGATE_HMEAN, 0 }, { 2, 1.6, 3 } },
		{ { AGGREGATE_GENMEAN, 2 }, { sqrt(9.25), sqrt(8.5), 3 } },
		{ { AGGREGATE_GENMEAN, 1 }, { 2.75, 2.5, 3 } },
		{ { AGGREGATE_GENMEAN, 0 }, { pow(32, 0.25), 2, 3 } },
	};
	double out[3];
	struct error e;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(aggregate_values(&cases[i].s, child, w, 3, 3, -1,
		    out, NULL, &e), 0);
		assert_vector(out, cases[i].want, 3, 1e-12);
	}
	/* Availability threshold 0.5: unit 3 has 1 of 3 children: missing. */
	assert_int_equal(aggregate_values(&cases[0].s, child, w, 3, 3, 0.5, out,
	    NULL, &e), 0);
	assert_true(isnan(out[2]));
	assert_close(out[0], 2.75, 1e-12);
}

static void
test_copeland_by_hand(void **state)
{
	/* Units a = (3, 1, 2), b = (2, 2, 2), c = (1, 3, 1).
	 * Equal weights: a-b: a ahead on c1, behind on c2, tie on c3 -> 0 each;
	 * a-c: ahead on c1 and c3 (2 > 1) -> a +1, c -1; b-c: likewise b +1,
	 * c -1. Scores a 1, b 1, c -2.
	 * Weights (1, 3, 1): a-b: 1 vs 3 -> b; a-c: 2 vs 3 -> c; b-c: 2 vs 3 -> c.
	 * Scores a -2, b 0, c 2. */
	const double c1[] = { 3, 2, 1 }, c2[] = { 1, 2, 3 }, c3[] = { 2, 2, 1 };
	const double *child[] = { c1, c2, c3 };
	const double eq[] = { 1, 1, 1 }, w2[] = { 1, 3, 1 };
	const double want1[] = { 1, 1, -2 }, want2[] = { -2, 0, 2 };
	struct aggregate_spec s = { AGGREGATE_COPELAND, 0 };
	double out[3];
	struct error e;

	assert_int_equal(aggregate_values(&s, child, eq, 3, 3, -1, out, NULL, &e), 0);
	assert_vector(out, want1, 3, 0);
	assert_int_equal(aggregate_values(&s, child, w2, 3, 3, -1, out, NULL, &e), 0);
	assert_vector(out, want2, 3, 0);
}

static void
test_aggregate_statuses(void **state)
{
	/* Geometric mean with a zero: a status, not 0 or -inf. A unit whose
	 * children are all missing: missing. A negative weight: a status. */
	const double c1[] = { 0, NA }, c2[] = { 2, NA };
	const double *child[] = { c1, c2 }, w[] = { 1, 1 }, bad[] = { 1, -1 };
	struct aggregate_spec g = { AGGREGATE_GMEAN, 0 }, h = { AGGREGATE_HMEAN, 0 };
	struct aggregate_spec m = { AGGREGATE_AMEAN, 1 };
	double out[2];
	struct error e;

	assert_int_equal(aggregate_values(&g, child, w, 2, 2, -1, out, NULL, &e), -1);
	assert_non_null(strstr(e.message, "<= 0"));
	assert_int_equal(aggregate_values(&h, child, w, 2, 2, -1, out, NULL, &e), -1);
	assert_int_equal(aggregate_values(&m, child, w, 2, 2, -1, out, NULL, &e), 0);
	assert_close(out[0], 1, 0);
	assert_true(isnan(out[1]));
	assert_int_equal(aggregate_values(&m, child, bad, 2, 2, -1, out, NULL, &e), -1);
}

/* ---- the pipeline on tiny data ------------------------------------------- */

static void
test_pipeline_ranks_and_missing_children(void **state)
{
	/* 4 units; I1..I4 min-max'ed, A = mean(I1, I2), B = mean(I3, I4),
	 * T = mean(A, B), no treatment. Unit U4 has I3 and I4 missing: B missing,
	 * T = A alone. Values chosen so that ranks tie:
	 *   I1: 0, 10, 10, 5  -> 0, 100, 100, 50
	 *   I2: 0, 10, 10, 5  -> 0, 100, 100, 50
	 *   I3: 0, 4, 4, NA   -> 0, 100, 100, NA
	 *   I4: 0, 4, 4, NA   -> 0, 100, 100, NA
	 * A = 0, 100, 100, 50; B = 0, 100, 100, NA; T = 0, 100, 100, 50.
	 * Ranks (descending, ties min): 4, 1, 1, 3. */
	static const int dir[] = { 1, 1, 1, 1 };
	const double values[] = { 0, 10, 10, 5, 0, 10, 10, 5, 0, 4, 4, NA,
	    0, 4, 4, NA };
	const char *units[] = { "U1", "U2", "U3", "U4" };
	struct composite_data d = { .n_units = 4, .unit = units, .values = values };
	struct composite_hierarchy h;
	struct composite_result r;
	struct composite_spec s;
	struct composite_table t;
	const double ranks[] = { 4, 1, 1, 3 }, top[] = { 0, 100, 100, 50 };
	struct arena a;
	struct error e;

	arena_init(&a);
	tiny_hierarchy(&a, &h, dir);
	composite_result_init(&r, &a, &h, 4);
	composite_spec_default(&s);
	s.denominate = false;
	s.impute = IMPUTE_NONE;
	s.screen = false;
	s.treat = false;
	assert_int_equal(composite_run(&h, &d, &s, &r, &e), 0);
	assert_vector(r.rank, ranks, 4, 0);
	composite_stage_table(&h, &r, COMPOSITE_AGGREGATED, &t);
	assert_int_equal(t.cols, 3);
	assert_string_equal(h.code[t.first_node + 2], "T");
	assert_vector(t.values + 2 * 4, top, 4, 1e-12);
	assert_true(isnan(t.values[1 * 4 + 3]));	/* B of U4 */
	arena_free(&a);
}

static void
test_pipeline_statuses(void **state)
{
	/* A constant indicator: min-max has zero range -> a status naming it.
	 * An all-missing indicator: nothing to normalise -> a status. */
	static const int dir[] = { 1, 1, 1, 1 };
	const double flat[] = { 1, 2, 3, 4, 5, 5, 5, 5, 1, 2, 3, 4, 4, 3, 2, 1 };
	const double empty[] = { 1, 2, 3, 4, NA, NA, NA, NA, 1, 2, 3, 4,
	    4, 3, 2, 1 };
	const char *units[] = { "U1", "U2", "U3", "U4" };
	struct composite_data d = { .n_units = 4, .unit = units, .values = flat };
	struct composite_hierarchy h;
	struct composite_result r;
	struct composite_spec s;
	struct arena a;
	struct error e;

	arena_init(&a);
	tiny_hierarchy(&a, &h, dir);
	composite_result_init(&r, &a, &h, 4);
	composite_spec_default(&s);
	s.denominate = false;
	s.impute = IMPUTE_NONE;
	s.screen = false;
	assert_int_equal(composite_run(&h, &d, &s, &r, &e), -1);
	assert_non_null(strstr(e.message, "I2"));
	assert_non_null(strstr(e.message, "zero range"));
	d.values = empty;
	assert_int_equal(composite_run(&h, &d, &s, &r, &e), -1);
	assert_non_null(strstr(e.message, "no values"));
	/* Treatment of 4-value columns runs; of fewer it warns (TOO_FEW). */
	assert_int_equal(r.treatment[1].outcome, TREAT_TOO_FEW);
	arena_free(&a);
}

static void
test_hierarchy_errors(void **state)
{
	struct composite_node n[3] = {
		{ .code = "I1", .level = 1, .parent = "T", .weight = 1,
		    .direction = 1, .denominator = -1 },
		{ .code = "I2", .level = 1, .parent = "T", .weight = 1,
		    .direction = 1, .denominator = -1 },
		{ .code = "T", .level = 2, .parent = NULL, .weight = 1,
		    .denominator = -1 },
	};
	struct composite_hierarchy h;
	struct arena a;
	struct error e;

	arena_init(&a);
	assert_int_equal(composite_hierarchy_build(&h, &a, n, 3, &e), 0);
	assert_int_equal(h.root, 2);
	assert_int_equal(h.max_children, 2);
	n[1].direction = 0;		/* no silent default direction */
	assert_int_equal(composite_hierarchy_build(&h, &a, n, 3, &e), -1);
	assert_non_null(strstr(e.message, "direction"));
	n[1].direction = -1;
	n[1].parent = "X";
	assert_int_equal(composite_hierarchy_build(&h, &a, n, 3, &e), -1);
	assert_non_null(strstr(e.message, "not in the hierarchy"));
	n[1].parent = "T";
	n[1].code = "I1";
	assert_int_equal(composite_hierarchy_build(&h, &a, n, 3, &e), -1);
	assert_non_null(strstr(e.message, "twice"));
	n[1].code = "I2";
	n[1].level = 2;			/* a second top node */
	n[1].parent = NULL;
	assert_int_equal(composite_hierarchy_build(&h, &a, n, 3, &e), -1);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ranks_with_ties),
		cmocka_unit_test(test_quantile_type7),
		cmocka_unit_test(test_impute_group_mean),
		cmocka_unit_test(test_impute_group_without_values),
		cmocka_unit_test(test_impute_mean_median),
		cmocka_unit_test(test_screening),
		cmocka_unit_test(test_skew_kurtosis_by_hand),
		cmocka_unit_test(test_skew_kurtosis_coinr),
		cmocka_unit_test(test_winsorisation_sequence),
		cmocka_unit_test(test_treat_too_few_and_constant),
		cmocka_unit_test(test_normalisations_by_hand),
		cmocka_unit_test(test_normalisations_negative_direction),
		cmocka_unit_test(test_normalise_coinr_example),
		cmocka_unit_test(test_aggregations_by_hand),
		cmocka_unit_test(test_copeland_by_hand),
		cmocka_unit_test(test_aggregate_statuses),
		cmocka_unit_test(test_pipeline_ranks_and_missing_children),
		cmocka_unit_test(test_pipeline_statuses),
		cmocka_unit_test(test_hierarchy_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
