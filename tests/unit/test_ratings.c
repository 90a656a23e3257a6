/* Unit tests of src/core/ratings (METHODS §5): type 7 quartiles, rating
 * summaries, Tastle-Wierman consensus, Krippendorff's alpha, weighted scores.
 * Expected values come from the sources cited at each test or from a hand
 * calculation written out beside it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/ratings.h"

#define NA	0	/* a cell's value when its present flag is 0 */

static void
assert_close(double got, double want, double relative)
{
	double scale = fmax(1, fabs(want));

	if (!(fabs(got - want) <= relative * scale)) {
		print_error("got %.17g, want %.17g (tolerance %g)\n", got, want,
		    relative);
		fail();
	}
}

/* Quartiles of R's type 7 on x = (2, 4, 4, 5, 7, 9), n = 6. By hand with
 * h = (n − 1)p + 1 (1-based), Q = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋):
 *   p = 0.10: h = 1.5  → 2 + 0.5·(4 − 2) = 3
 *   p = 0.25: h = 2.25 → 4 + 0.25·(4 − 4) = 4
 *   p = 0.50: h = 3.5  → 4 + 0.5·(5 − 4) = 4.5
 *   p = 0.75: h = 4.75 → 5 + 0.75·(7 − 5) = 6.5
 *   p = 0, 1: the minimum 2 and the maximum 9.
 * (R: quantile(c(2,4,4,5,7,9), c(.1,.25,.5,.75)) gives 3, 4, 4.5, 6.5.) */
static void
test_quantile7(void **state)
{
	static const double x[] = { 2, 4, 4, 5, 7, 9 };

	assert_close(ratings_quantile7(x, 6, 0.10), 3, 1e-15);
	assert_close(ratings_quantile7(x, 6, 0.25), 4, 1e-15);
	assert_close(ratings_quantile7(x, 6, 0.50), 4.5, 1e-15);
	assert_close(ratings_quantile7(x, 6, 0.75), 6.5, 1e-15);
	assert_true(ratings_quantile7(x, 6, 0) == 2);
	assert_true(ratings_quantile7(x, 6, 1) == 9);
	assert_true(ratings_quantile7(x, 1, 0.5) == 2);
	assert_true(isnan(ratings_quantile7(x, 0, 0.5)));
	assert_true(isnan(ratings_quantile7(x, 6, 1.5)));
	assert_true(isnan(ratings_quantile7(x, 6, NAN)));
}

/* Seven members rate a measure on −2..+2, two abstain.
 * Ratings 2, 1, 1, 0, −1, 2, 1 → sorted −1, 0, 1, 1, 1, 2, 2 (n = 7).
 *   mean   = 6/7
 *   median h = 6·0.5 = 3 (0-based) → 1
 *   q1     h = 1.5 → 0 + 0.5·(1 − 0) = 0.5
 *   q3     h = 4.5 → 1 + 0.5·(2 − 1) = 1.5
 *   shares −2: 0, −1: 1/7, 0: 1/7, 1: 3/7, 2: 2/7
 *   consensus, w = 4, μ = 6/7, 1 − |X − μ|/w per level:
 *     −1: 1 − (13/7)/4 = 15/28   0: 1 − (6/7)/4 = 22/28
 *      1: 1 − (1/7)/4 = 27/28    2: 1 − (8/7)/4 = 20/28
 *   Cns = 1 + 1/7 log2(15/28) + 1/7 log2(22/28) + 3/7 log2(27/28)
 *           + 2/7 log2(20/28) ≈ 0.66048 */
static void
test_summary_by_hand(void **state)
{
	static const struct ratings_scale scale = { -2, 2 };
	static const double scores[] = { 2, 1, NA, 1, 0, -1, NA, 2, 1 };
	static const unsigned char present[] = { 1, 1, 0, 1, 1, 1, 0, 1, 1 };
	struct ratings_summary s;
	struct error err;
	double shares[5], cns;

	assert_int_equal(ratings_scale_levels(&scale), 5);
	assert_int_equal(ratings_summarise(&scale, scores, present, 9, shares, &s,
	    &err), RATINGS_OK);
	assert_int_equal(s.n, 7);
	assert_int_equal(s.missing, 2);
	assert_close(s.mean, 6.0 / 7, 1e-15);
	assert_close(s.median, 1, 1e-15);
	assert_close(s.q1, 0.5, 1e-15);
	assert_close(s.q3, 1.5, 1e-15);
	assert_true(shares[0] == 0);
	assert_close(shares[1], 1.0 / 7, 1e-15);
	assert_close(shares[2], 1.0 / 7, 1e-15);
	assert_close(shares[3], 3.0 / 7, 1e-15);
	assert_close(shares[4], 2.0 / 7, 1e-15);
	cns = 1 + log2(15.0 / 28) / 7 + log2(22.0 / 28) / 7 +
	    3 * log2(27.0 / 28) / 7 + 2 * log2(20.0 / 28) / 7;
	assert_int_equal(s.consensus_status, RATINGS_OK);
	assert_close(s.consensus, cns, 1e-14);
	assert_close(s.consensus, 0.66048, 1e-5);
}

/* The example of the R package agrmt, consensus() (Ruedin; CRAN reference
 * manual, https://search.r-project.org/CRAN/refmans/agrmt/html/consensus.html):
 * V <- c(30,40,210,130,530,50,10); consensus(V) "is given as 0.7256876",
 * on a 7-point scale, following Tastle & Wierman (2007). */
static void
test_consensus_agrmt_example(void **state)
{
	static const struct ratings_scale scale = { 1, 7 };
	static const double counts[] = { 30, 40, 210, 130, 530, 50, 10 };
	struct error err;
	double cns;

	assert_int_equal(ratings_consensus(&scale, counts, &cns, &err), RATINGS_OK);
	assert_true(fabs(cns - 0.7256876) < 5e-8);
}

/* Tastle & Wierman (2007), the defining cases: everyone at one level → 1;
 * half at each extreme → 0 (log2(1 − 2/4) = −1 on both sides). The uniform
 * 5-point distribution, μ = 3, w = 4:
 *   Cns = 1 + 0.2·(2 log2(1 − 2/4) + 2 log2(1 − 1/4) + log2 1)
 *       = 0.6 + 0.4 log2(0.75) ≈ 0.43399.
 * Two levels 0..1 with counts 3, 1: μ = 0.25, w = 1:
 *   Cns = 1 + 0.75 log2(0.75) + 0.25 log2(0.25) = 0.5 + 0.75 log2(0.75). */
static void
test_consensus_defining_cases(void **state)
{
	static const struct ratings_scale five = { 1, 5 }, two = { 0, 1 };
	static const double all_three[] = { 0, 0, 12, 0, 0 };
	static const double all_top[] = { 0, 0, 0, 0, 4 };
	static const double split[] = { 6, 0, 0, 0, 6 };
	static const double uniform[] = { 1, 1, 1, 1, 1 };
	static const double three_one[] = { 3, 1 };
	struct error err;
	double cns;

	assert_int_equal(ratings_consensus(&five, all_three, &cns, &err), RATINGS_OK);
	assert_true(cns == 1);
	assert_int_equal(ratings_consensus(&five, all_top, &cns, &err), RATINGS_OK);
	assert_true(cns == 1);
	assert_int_equal(ratings_consensus(&five, split, &cns, &err), RATINGS_OK);
	assert_true(cns == 0);
	assert_int_equal(ratings_consensus(&five, uniform, &cns, &err), RATINGS_OK);
	assert_close(cns, 0.6 + 0.4 * log2(0.75), 1e-15);
	assert_close(cns, 0.43399, 1e-5);
	assert_int_equal(ratings_consensus(&two, three_one, &cns, &err), RATINGS_OK);
	assert_close(cns, 0.5 + 0.75 * log2(0.75), 1e-15);
}

static void
test_consensus_edge_cases(void **state)
{
	static const struct ratings_scale five = { 1, 5 }, one = { 3, 3 };
	static const struct ratings_scale backwards = { 5, 1 };
	static const double none[] = { 0, 0, 0, 0, 0 }, lone[] = { 4 };
	static const double negative[] = { 1, -1, 0, 0, 0 };
	struct error err;
	double cns = 0;

	assert_int_equal(ratings_consensus(&five, none, &cns, &err), RATINGS_EMPTY);
	assert_true(isnan(cns));
	/* A scale of one level: w = 0, the formula divides by zero. */
	assert_int_equal(ratings_consensus(&one, lone, &cns, &err),
	    RATINGS_SINGLE_LEVEL);
	assert_true(isnan(cns));
	assert_non_null(strstr(err.message, "one level"));
	assert_int_equal(ratings_consensus(&five, negative, &cns, &err),
	    RATINGS_BAD_INPUT);
	assert_int_equal(ratings_consensus(&backwards, none, &cns, &err),
	    RATINGS_BAD_INPUT);
	assert_int_equal(ratings_scale_levels(&backwards), 0);
}

static void
test_summary_edge_cases(void **state)
{
	static const struct ratings_scale five = { 1, 5 }, one = { 3, 3 };
	static const double same[] = { 4, 4, 4 }, off[] = { 1, 2, 6 };
	static const double half[] = { 1, 2.5 }, lone[] = { 3, 3 };
	static const unsigned char none_present[] = { 0, 0, 0 };
	struct ratings_summary s;
	struct error err;
	double shares[5];

	/* Everyone agrees: consensus 1, quartiles all 4. */
	assert_int_equal(ratings_summarise(&five, same, NULL, 3, shares, &s, &err),
	    RATINGS_OK);
	assert_true(s.consensus == 1 && s.median == 4 && s.q1 == 4 && s.q3 == 4);
	assert_true(shares[3] == 1);
	/* One rater: a summary still, and consensus 1 (Cns of one answer). */
	assert_int_equal(ratings_summarise(&five, same, NULL, 1, shares, &s, &err),
	    RATINGS_OK);
	assert_int_equal(s.n, 1);
	assert_true(s.mean == 4 && s.consensus == 1);
	/* Empty input and all missing: no numbers, and no 0s either. */
	assert_int_equal(ratings_summarise(&five, same, NULL, 0, shares, &s, &err),
	    RATINGS_EMPTY);
	assert_true(isnan(s.mean) && isnan(s.median) && isnan(s.consensus));
	assert_true(isnan(shares[0]));
	assert_int_equal(ratings_summarise(&five, same, none_present, 3, shares, &s,
	    &err), RATINGS_EMPTY);
	assert_int_equal(s.missing, 3);
	assert_non_null(strstr(err.message, "3 missing"));
	/* Off the scale, or between levels: named by position. */
	assert_int_equal(ratings_summarise(&five, off, NULL, 3, shares, &s, &err),
	    RATINGS_BAD_INPUT);
	assert_non_null(strstr(err.message, "rating 3"));
	assert_int_equal(ratings_summarise(&five, half, NULL, 2, shares, &s, &err),
	    RATINGS_BAD_INPUT);
	assert_non_null(strstr(err.message, "rating 2"));
	/* A scale of one level: the summary stands, the consensus cannot. */
	assert_int_equal(ratings_summarise(&one, lone, NULL, 2, shares, &s, &err),
	    RATINGS_OK);
	assert_true(s.mean == 3 && shares[0] == 1);
	assert_int_equal(s.consensus_status, RATINGS_SINGLE_LEVEL);
	assert_true(isnan(s.consensus));
}

/* Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
 * https://repository.upenn.edu/asc_papers/43, its worked example of any
 * number of observers with missing data: 4 observers, 12 units, values 1..5,
 * computed there at every level of measurement. Published: α nominal
 * .743, ordinal .815, interval .849, ratio .797. (The same data and .743,
 * .815, .797 are printed as tests of the Python package krippendorff,
 * github.com/pln-fing-udelar/fast-krippendorff, tests/test_krippendorff.py.)
 *
 *   unit      1  2  3  4  5  6  7  8  9 10 11 12
 *   A         1  2  3  3  2  1  4  1  2  .  .  .
 *   B         1  2  3  3  2  2  4  1  2  5  .  3
 *   C         .  3  3  3  2  3  4  2  2  5  1  .
 *   D         1  2  3  3  2  4  4  1  2  5  1  .
 *
 * Unit 12 has one value and is not pairable. Coincidences o_ck, each unit
 * adding 1/(m_u − 1) per ordered pair of values:
 *
 *          1     2     3     4    5  |  n_c
 *     1    7    4/3   1/3   1/3   0  |   9
 *     2   4/3   10    4/3   1/3   0  |  13
 *     3   1/3   4/3    8    1/3   0  |  10
 *     4   1/3   1/3   1/3    4    0  |   5
 *     5    0     0     0     0    3  |   3        n = 40
 *
 * α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
 * Nominal: Σ_{c≠k} o_ck = 2·(4/3 + 1/3 + 1/3 + 4/3 + 1/3 + 1/3) = 8;
 *   Σ_{c≠k} n_c n_k = 40² − (81 + 169 + 100 + 25 + 9) = 1216;
 *   α = 1 − 39·8/1216 = 113/152 = 0.74342.
 * Interval, δ² = (c − k)²: Σ o δ² = 2·(o_12·1 + o_13·4 + o_14·9 + o_23·1
 *   + o_24·4 + o_34·1) = 2·(4/3 + 4/3 + 3 + 4/3 + 4/3 + 1/3) = 52/3;
 *   Σ n n δ² = 2·(117 + 360 + 405 + 432 + 130 + 260 + 351 + 50 + 120 + 15)
 *   = 4480; α = 1 − 39·(52/3)/4480 = 951/1120 = 0.84911.
 * Ordinal, δ_ck = Σ_{g=c..k} n_g − (n_c + n_k)/2, squared:
 *   (1,2) 121, (1,3) 506.25, (1,4) 900, (1,5) 1156, (2,3) 132.25,
 *   (2,4) 361, (2,5) 529, (3,4) 56.25, (3,5) 132.25, (4,5) 16;
 *   Σ o δ² = 2·945.5 = 1891; Σ n n δ² = 2·199740 = 399480;
 *   α = 1 − 39·1891/399480 = 108577/133160 = 0.81539.
 * Ratio, δ² = ((c − k)/(c + k))²: the same sums give
 *   α = 18222619/22852465 = 0.79740. */
static const double krippendorff_values[12 * 4] = {
	1, 1, NA, 1,	2, 2, 3, 2,	3, 3, 3, 3,	3, 3, 3, 3,
	2, 2, 2, 2,	1, 2, 3, 4,	4, 4, 4, 4,	1, 1, 2, 1,
	2, 2, 2, 2,	NA, 5, 5, 5,	NA, NA, 1, 1,	NA, 3, NA, NA,
};
static const unsigned char krippendorff_present[12 * 4] = {
	1, 1, 0, 1,	1, 1, 1, 1,	1, 1, 1, 1,	1, 1, 1, 1,
	1, 1, 1, 1,	1, 1, 1, 1,	1, 1, 1, 1,	1, 1, 1, 1,
	1, 1, 1, 1,	0, 1, 1, 1,	0, 0, 1, 1,	0, 1, 0, 0,
};

static void
test_alpha_krippendorff_2011(void **state)
{
	static const struct ratings_scale scale = { 1, 5 };
	static const struct {
		enum ratings_level	level;
		double			exact;
		double			published;
	} cases[] = {
		{ RATINGS_NOMINAL, 113.0 / 152, 0.743 },
		{ RATINGS_ORDINAL, 108577.0 / 133160, 0.815 },
		{ RATINGS_INTERVAL, 951.0 / 1120, 0.849 },
		{ RATINGS_RATIO, 18222619.0 / 22852465, 0.797 },
	};
	struct ratings_alpha a;
	struct error err;
	double *work = malloc(ratings_alpha_work_size(&scale));
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(ratings_alpha(&scale, cases[i].level,
		    krippendorff_values, krippendorff_present, 12, 4, work, &a, &err),
		    RATINGS_OK);
		assert_close(a.alpha, cases[i].exact, 1e-12);
		assert_true(fabs(round(a.alpha * 1000) / 1000 - cases[i].published)
		    < 1e-9);
		assert_true(a.pairable == 40);
		assert_int_equal(a.units, 11);
	}
	/* The nominal disagreements of the hand calculation: D_o = 8/40,
	 * D_e = 1216/(40·39). */
	ratings_alpha(&scale, RATINGS_NOMINAL, krippendorff_values,
	    krippendorff_present, 12, 4, work, &a, &err);
	assert_close(a.observed, 8.0 / 40, 1e-14);
	assert_close(a.expected, 1216.0 / (40 * 39), 1e-14);
	free(work);
}

/* The computational example of Wikipedia's "Krippendorff's alpha" (3 coders,
 * 15 units, values 1..4), whose α nominal 0.691358 and interval 0.810845 are
 * printed in the docstring and tests of the Python package krippendorff
 * (github.com/pln-fing-udelar/fast-krippendorff, src/krippendorff/krippendorff.py). */
static void
test_alpha_wikipedia_example(void **state)
{
	static const struct ratings_scale scale = { 1, 4 };
	/* units × coders, 0 = missing */
	static const double v[15 * 3] = {
		0, 1, 0,	0, 0, 0,	0, 2, 2,	0, 1, 1,	0, 3, 3,
		3, 3, 4,	4, 4, 4,	1, 3, 0,	2, 0, 2,	1, 0, 1,
		1, 0, 1,	3, 0, 3,	3, 0, 3,	0, 0, 0,	3, 0, 4,
	};
	unsigned char present[15 * 3];
	struct ratings_alpha a;
	struct error err;
	double *work = malloc(ratings_alpha_work_size(&scale));
	size_t i;

	for (i = 0; i < 15 * 3; i++)
		present[i] = v[i] != 0;
	assert_int_equal(ratings_alpha(&scale, RATINGS_NOMINAL, v, present, 15, 3,
	    work, &a, &err), RATINGS_OK);
	assert_true(fabs(a.alpha - 0.691358) < 5e-7);
	assert_int_equal(ratings_alpha(&scale, RATINGS_INTERVAL, v, present, 15, 3,
	    work, &a, &err), RATINGS_OK);
	assert_true(fabs(a.alpha - 0.810845) < 5e-7);
	free(work);
}

/* A hand calculation: 2 raters, 3 units on 1..3: (1, 1), (2, 3), (3, 3).
 * Coincidences: unit 1 adds 2 to o_11, unit 2 adds 1 to o_23 and o_32, unit 3
 * adds 2 to o_33; n_1 = 2, n_2 = 1, n_3 = 3, n = 6.
 * Interval: Σ o δ² = 1 + 1 = 2; Σ n n δ² = 2·(2·1·1 + 2·3·4 + 1·3·1) = 58;
 *   α = 1 − 5·2/58 = 24/29.
 * Nominal: Σ o = 2; Σ n n = 36 − (4 + 1 + 9) = 22; α = 1 − 5·2/22 = 6/11. */
static void
test_alpha_by_hand(void **state)
{
	static const struct ratings_scale scale = { 1, 3 };
	static const double v[] = { 1, 1, 2, 3, 3, 3 };
	struct ratings_alpha a;
	struct error err;
	double work[64];

	assert_true(ratings_alpha_work_size(&scale) <= sizeof(work));
	assert_int_equal(ratings_alpha(&scale, RATINGS_INTERVAL, v, NULL, 3, 2,
	    work, &a, &err), RATINGS_OK);
	assert_close(a.alpha, 24.0 / 29, 1e-14);
	assert_true(a.pairable == 6);
	assert_int_equal(ratings_alpha(&scale, RATINGS_NOMINAL, v, NULL, 3, 2,
	    work, &a, &err), RATINGS_OK);
	assert_close(a.alpha, 6.0 / 11, 1e-14);
}

static void
test_alpha_edge_cases(void **state)
{
	static const struct ratings_scale five = { 1, 5 }, around = { -2, 2 };
	static const double equal[] = { 3, 3, 3, 3, 3, 3 };
	static const double two_units[] = { 1, 2, 2, 4 };
	static const unsigned char diagonal[] = { 1, 0, 0, 1 };
	static const double off[] = { 1, 7 };
	struct ratings_alpha a;
	struct error err;
	double work[64];

	/* One rater: no unit has two ratings. */
	assert_int_equal(ratings_alpha(&five, RATINGS_INTERVAL, equal, NULL, 6, 1,
	    work, &a, &err), RATINGS_NO_PAIRABLE);
	assert_true(isnan(a.alpha));
	/* Two raters who never rated the same unit. */
	assert_int_equal(ratings_alpha(&five, RATINGS_INTERVAL, two_units,
	    diagonal, 2, 2, work, &a, &err), RATINGS_NO_PAIRABLE);
	/* Empty input. */
	assert_int_equal(ratings_alpha(&five, RATINGS_NOMINAL, equal, NULL, 0, 3,
	    work, &a, &err), RATINGS_NO_PAIRABLE);
	/* All ratings equal: D_e = 0, alpha is 0/0. */
	assert_int_equal(ratings_alpha(&five, RATINGS_INTERVAL, equal, NULL, 3, 2,
	    work, &a, &err), RATINGS_NO_VARIATION);
	assert_true(isnan(a.alpha));
	assert_true(a.expected == 0);
	assert_int_equal(ratings_alpha(&five, RATINGS_ORDINAL, equal, NULL, 2, 3,
	    work, &a, &err), RATINGS_NO_VARIATION);
	/* A value off the scale is named by unit and rater. */
	assert_int_equal(ratings_alpha(&five, RATINGS_NOMINAL, off, NULL, 1, 2,
	    work, &a, &err), RATINGS_BAD_INPUT);
	assert_non_null(strstr(err.message, "unit 1, rater 2"));
	/* Ratios of a scale with negative levels mean nothing. */
	assert_int_equal(ratings_alpha(&around, RATINGS_RATIO, equal, NULL, 0, 0,
	    work, &a, &err), RATINGS_BAD_INPUT);
	assert_int_equal(ratings_alpha(&five, RATINGS_LEVEL__MAX, equal, NULL, 3, 2,
	    work, &a, &err), RATINGS_BAD_INPUT);
}

/* Weighted mean of criterion scores 4, 2, 5 with weights 0.5, 0.25, 0.25:
 *   0.5·4 + 0.25·2 + 0.25·5 = 3.75.
 * Without the second score, re-normalised: (0.5·4 + 0.25·5)/0.75 = 13/3,
 * covering 0.75 of the weight. */
static void
test_weighted_score(void **state)
{
	static const double scores[] = { 4, 2, 5 }, weights[] = { 0.5, 0.25, 0.25 };
	static const unsigned char second_missing[] = { 1, 0, 1 };
	static const unsigned char none[] = { 0, 0, 0 };
	static const double negative[] = { 0.5, -0.25, 0.75 }, zero[] = { 0, 0, 0 };
	struct error err;
	double score, coverage;

	assert_int_equal(ratings_weighted_score(scores, NULL, weights, 3,
	    RATINGS_MISSING_FAILS, &score, &coverage, &err), RATINGS_OK);
	assert_close(score, 3.75, 1e-15);
	assert_true(coverage == 1);
	assert_int_equal(ratings_weighted_score(scores, second_missing, weights, 3,
	    RATINGS_MISSING_RENORMALISE, &score, &coverage, &err), RATINGS_OK);
	assert_close(score, 13.0 / 3, 1e-15);
	assert_close(coverage, 0.75, 1e-15);
	assert_int_equal(ratings_weighted_score(scores, second_missing, weights, 3,
	    RATINGS_MISSING_FAILS, &score, &coverage, &err), RATINGS_MISSING);
	assert_true(isnan(score));
	assert_int_equal(ratings_weighted_score(scores, none, weights, 3,
	    RATINGS_MISSING_RENORMALISE, &score, NULL, &err), RATINGS_EMPTY);
	assert_true(isnan(score));
	assert_int_equal(ratings_weighted_score(scores, NULL, negative, 3,
	    RATINGS_MISSING_FAILS, &score, NULL, &err), RATINGS_BAD_INPUT);
	assert_non_null(strstr(err.message, "weight 2"));
	assert_int_equal(ratings_weighted_score(scores, NULL, zero, 3,
	    RATINGS_MISSING_FAILS, &score, NULL, &err), RATINGS_BAD_INPUT);
	assert_int_equal(ratings_weighted_score(scores, NULL, weights, 0,
	    RATINGS_MISSING_FAILS, &score, NULL, &err), RATINGS_EMPTY);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quantile7),
		cmocka_unit_test(test_summary_by_hand),
		cmocka_unit_test(test_consensus_agrmt_example),
		cmocka_unit_test(test_consensus_defining_cases),
		cmocka_unit_test(test_consensus_edge_cases),
		cmocka_unit_test(test_summary_edge_cases),
		cmocka_unit_test(test_alpha_krippendorff_2011),
		cmocka_unit_test(test_alpha_wikipedia_example),
		cmocka_unit_test(test_alpha_by_hand),
		cmocka_unit_test(test_alpha_edge_cases),
		cmocka_unit_test(test_weighted_score),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
