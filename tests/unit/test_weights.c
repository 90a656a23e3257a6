/* Unit tests of the weights (METHODS §4.7): AHP on a hand-solvable 3 x 3 matrix
 * and on Saaty's drinks example, consistency, reciprocity statuses, group
 * judgements and budget allocation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "core/weights.h"

static void
test_ahp_three_by_hand(void **state)
{
	/* A = [1 2 5; 1/2 1 3; 1/5 1/3 1]. For any 3 x 3 reciprocal matrix with
	 * a12 = a, a13 = b, a23 = c the characteristic polynomial is
	 * l^3 - 3 l^2 - (ac/b + b/(ac) - 2) = 0, whose largest root is
	 * l = 1 + t + 1/t with t = (ac/b)^(1/3), and the principal eigenvector is
	 * proportional to the rows' geometric means. Here t = 1.2^(1/3):
	 * lambda_max = 1 + 1.2^(1/3) + 1.2^(-1/3) = 3.0036945...,
	 * CI = (lambda - 3)/2, CR = CI/0.58;
	 * w ~ (10^(1/3), 1.5^(1/3), (1/15)^(1/3)), normalised. */
	const double a[] = { 1, 2, 5, 0.5, 1, 3, 0.2, 1.0 / 3.0, 1 };
	double w[3], g[3], t = cbrt(1.2), lambda = 1 + t + 1 / t, sum;
	struct weights_ahp_result r;
	struct error e;
	int i;

	assert_int_equal(weights_ahp(a, 3, w, &r, &e), 0);
	g[0] = cbrt(10.0);
	g[1] = cbrt(1.5);
	g[2] = cbrt(1.0 / 15.0);
	sum = g[0] + g[1] + g[2];
	for (i = 0; i < 3; i++)
		assert_true(fabs(w[i] - g[i] / sum) < 1e-12);
	assert_true(fabs(r.lambda_max - lambda) < 1e-12);
	assert_true(fabs(r.ci - (lambda - 3) / 2) < 1e-12);
	assert_true(fabs(r.cr - (lambda - 3) / 2 / 0.58) < 1e-12);
	assert_false(r.inconsistent);
}

static void
test_ahp_saaty_drinks(void **state)
{
	/* Saaty (2008), "Decision making with the analytic hierarchy process",
	 * Int. J. Services Sciences 1(1), 83-98: relative consumption of drinks in
	 * the US (coffee, wine, tea, beer, soda, milk, water); derived priorities
	 * .177 .019 .042 .116 .190 .129 .327, consistent (CR 0.022 with Saaty's
	 * index as reproduced in PhilipGriffith/AHPy, README and tests). */
	const double a[49] = {
		1, 9, 5, 2, 1, 1, 0.5,
		1.0 / 9, 1, 1.0 / 3, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9,
		0.2, 3, 1, 1.0 / 3, 0.25, 1.0 / 3, 1.0 / 9,
		0.5, 9, 3, 1, 0.5, 1, 1.0 / 3,
		1, 9, 4, 2, 1, 2, 0.5,
		1, 9, 3, 1, 0.5, 1, 1.0 / 3,
		2, 9, 9, 3, 2, 3, 1,
	};
	const double want[7] = { .177, .019, .042, .116, .190, .129, .327 };
	double w[7];
	struct weights_ahp_result r;
	struct error e;
	int i;

	assert_int_equal(weights_ahp(a, 7, w, &r, &e), 0);
	for (i = 0; i < 7; i++)
		assert_true(fabs(w[i] - want[i]) <= 0.0005);
	assert_true(r.cr > 0.0 && r.cr < 0.03);
	assert_false(r.inconsistent);
}

static void
test_ahp_consistent_and_inconsistent(void **state)
{
	/* From w = (0.5, 0.3, 0.2), a_ij = w_i / w_j is perfectly consistent:
	 * lambda_max = n = 3, CI = CR = 0. A circular judgement (1 over 2 by 9,
	 * 2 over 3 by 9, 3 over 1 by 9) is as inconsistent as can be: CR >= 0.1. */
	const double w0[3] = { 0.5, 0.3, 0.2 };
	const double circ[9] = { 1, 9, 1.0 / 9, 1.0 / 9, 1, 9, 9, 1.0 / 9, 1 };
	double a[9], w[3];
	struct weights_ahp_result r;
	struct error e;
	int i, j;

	for (i = 0; i < 3; i++)
		for (j = 0; j < 3; j++)
			a[i * 3 + j] = w0[i] / w0[j];
	assert_int_equal(weights_ahp(a, 3, w, &r, &e), 0);
	for (i = 0; i < 3; i++)
		assert_true(fabs(w[i] - w0[i]) < 1e-12);
	assert_true(fabs(r.lambda_max - 3) < 1e-12);
	assert_true(fabs(r.cr) < 1e-12);
	assert_int_equal(weights_ahp(circ, 3, w, &r, &e), 0);
	assert_true(r.inconsistent);
	assert_true(r.cr >= 0.1);
	/* Symmetric circle: all three weights equal. */
	assert_true(fabs(w[0] - 1.0 / 3) < 1e-12);
}

static void
test_ahp_statuses(void **state)
{
	/* Not reciprocal (a12 a21 = 2 * 1 = 2): a status with the cell, an error
	 * from weights_ahp, no weights. Zero entries and a diagonal other than 1
	 * are statuses too. n = 1 and 2: always consistent. n > 10: CR unknown. */
	const double bad[4] = { 1, 2, 1, 1 }, zero[4] = { 1, 0, 1, 1 };
	const double diag[4] = { 2, 1, 1, 1 }, one[1] = { 1 };
	double w[12], big[144];
	struct weights_ahp_result r;
	struct error e;
	size_t row = 9, col = 9;
	int i, j;

	assert_int_equal(weights_ahp_check(bad, 2, 1e-6, &row, &col),
	    WEIGHTS_CHECK_NOT_RECIPROCAL);
	assert_int_equal(row, 0);
	assert_int_equal(col, 1);
	assert_int_equal(weights_ahp(bad, 2, w, &r, &e), -1);
	assert_non_null(strstr(e.message, "not reciprocal"));
	assert_int_equal(weights_ahp_check(zero, 2, 1e-6, NULL, NULL),
	    WEIGHTS_CHECK_NOT_POSITIVE);
	assert_int_equal(weights_ahp_check(diag, 2, 1e-6, NULL, NULL),
	    WEIGHTS_CHECK_DIAGONAL);
	assert_int_equal(weights_ahp_check(one, 0, 1e-6, NULL, NULL),
	    WEIGHTS_CHECK_EMPTY);
	assert_int_equal(weights_ahp(one, 1, w, &r, &e), 0);
	assert_true(w[0] == 1 && r.cr == 0);
	for (i = 0; i < 12; i++)
		for (j = 0; j < 12; j++)
			big[i * 12 + j] = 1;
	assert_int_equal(weights_ahp(big, 12, w, &r, &e), 0);
	assert_true(isnan(r.cr));
	assert_true(fabs(w[5] - 1.0 / 12) < 1e-12);
}

static void
test_ahp_group_and_budget(void **state)
{
	/* Group: element-wise geometric mean of [1 4; 1/4 1] and [1 1; 1 1] is
	 * [1 2; 1/2 1], whose weights are (2/3, 1/3).
	 * Budget: participants (50, 30, 20) and (30, 30, 40): mean shares
	 * (0.4, 0.3, 0.3). A row of 90 points, or a negative one: statuses. */
	const double m1[4] = { 1, 4, 0.25, 1 }, m2[4] = { 1, 1, 1, 1 };
	const double *ms[2] = { m1, m2 };
	const double points[6] = { 50, 30, 20, 30, 30, 40 };
	const double short_row[3] = { 50, 30, 10 }, negative[3] = { 120, -20, 0 };
	double g[4], w[3];
	struct weights_ahp_result r;
	struct error e;

	assert_int_equal(weights_ahp_combine(ms, 2, 2, g, &e), 0);
	assert_true(fabs(g[1] - 2) < 1e-12 && fabs(g[2] - 0.5) < 1e-12);
	assert_int_equal(weights_ahp(g, 2, w, &r, &e), 0);
	assert_true(fabs(w[0] - 2.0 / 3) < 1e-12);
	assert_int_equal(weights_budget(points, 2, 3, w, &e), 0);
	assert_true(fabs(w[0] - 0.4) < 1e-15 && fabs(w[1] - 0.3) < 1e-15 &&
	    fabs(w[2] - 0.3) < 1e-15);
	assert_int_equal(weights_budget(short_row, 1, 3, w, &e), -1);
	assert_non_null(strstr(e.message, "not 100"));
	assert_int_equal(weights_budget(negative, 1, 3, w, &e), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ahp_three_by_hand),
		cmocka_unit_test(test_ahp_saaty_drinks),
		cmocka_unit_test(test_ahp_consistent_and_inconsistent),
		cmocka_unit_test(test_ahp_statuses),
		cmocka_unit_test(test_ahp_group_and_budget),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
