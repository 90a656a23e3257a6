/* Unit tests of src/core/crossimpact (METHODS §6): Vester's sums and roles,
 * MICMAC, and members' matrices combined. Every expected value is a hand
 * calculation written out beside its test. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/crossimpact.h"

/* Four factors A, B, C, D (row influences column, Vester's 0..3):
 *
 *          A  B  C  D | AS
 *     A    0  3  2  1 |  6
 *     B    0  0  1  0 |  1
 *     C    1  3  0  1 |  5
 *     D    0  0  2  0 |  2
 *     PS   1  6  5  2 | 14
 *
 * Means: AS 14/4 = 3.5, PS 14/4 = 3.5.
 *   A: AS 6 > 3.5, PS 1 < 3.5 → active;    Q = 6,   P = 6
 *   B: AS 1 < 3.5, PS 6 > 3.5 → reactive;  Q = 1/6, P = 6
 *   C: AS 5 > 3.5, PS 5 > 3.5 → critical;  Q = 1,   P = 25
 *   D: AS 2 < 3.5, PS 2 < 3.5 → buffering; Q = 1,   P = 4 */
static void
test_vester_by_hand(void **state)
{
	static const double m[16] = {
		0, 3, 2, 1,
		0, 0, 1, 0,
		1, 3, 0, 1,
		0, 0, 2, 0,
	};
	static const double as[] = { 6, 1, 5, 2 }, ps[] = { 1, 6, 5, 2 };
	static const double q[] = { 6, 1.0 / 6, 1, 1 }, p[] = { 6, 6, 25, 4 };
	static const enum crossimpact_role role[] = { CROSSIMPACT_ACTIVE,
	    CROSSIMPACT_REACTIVE, CROSSIMPACT_CRITICAL, CROSSIMPACT_BUFFERING };
	struct crossimpact_factor f[4];
	struct crossimpact_vester v;
	struct error err;
	size_t i;

	assert_int_equal(crossimpact_vester(m, 4, f, &v, &err), 0);
	assert_true(v.active_mean == 3.5 && v.passive_mean == 3.5);
	for (i = 0; i < 4; i++) {
		assert_true(f[i].active_sum == as[i]);
		assert_true(f[i].passive_sum == ps[i]);
		assert_int_equal(f[i].q_status, CROSSIMPACT_Q_OK);
		assert_true(fabs(f[i].quotient - q[i]) < 1e-15);
		assert_true(f[i].product == p[i]);
		assert_int_equal(f[i].role, role[i]);
		assert_false(f[i].active_at_mean || f[i].passive_at_mean);
	}
	assert_string_equal(crossimpact_role_names[f[2].role], "critical");
}

/* At the mean: a sum exactly at its mean counts as low, and is flagged.
 *
 *          A  B  C | AS
 *     A    0  2  1 |  3
 *     B    0  0  1 |  1
 *     C    1  1  0 |  2
 *     PS   1  3  2 |  6      means 2 and 2
 *
 *   A active, B reactive, C (2, 2) exactly at both means → buffering, both
 *   flags set. A cycle A → B → C → D → A of 1s puts every factor at both
 *   means (AS = PS = 1): all buffering, all flagged. */
static void
test_vester_at_the_mean(void **state)
{
	static const double m[9] = { 0, 2, 1, 0, 0, 1, 1, 1, 0 };
	static const double cycle[16] = {
		0, 1, 0, 0,
		0, 0, 1, 0,
		0, 0, 0, 1,
		1, 0, 0, 0,
	};
	struct crossimpact_factor f[4];
	struct crossimpact_vester v;
	struct error err;
	size_t i;

	assert_int_equal(crossimpact_vester(m, 3, f, &v, &err), 0);
	assert_int_equal(f[0].role, CROSSIMPACT_ACTIVE);
	assert_int_equal(f[1].role, CROSSIMPACT_REACTIVE);
	assert_int_equal(f[2].role, CROSSIMPACT_BUFFERING);
	assert_true(f[2].active_at_mean && f[2].passive_at_mean);
	assert_false(f[0].active_at_mean || f[1].passive_at_mean);
	assert_int_equal(crossimpact_vester(cycle, 4, f, &v, &err), 0);
	for (i = 0; i < 4; i++) {
		assert_int_equal(f[i].role, CROSSIMPACT_BUFFERING);
		assert_true(f[i].active_at_mean && f[i].passive_at_mean);
		assert_true(f[i].quotient == 1);
	}
}

/* A zero column: nothing acts on A (PS = 0), D is not connected at all.
 *
 *          A  B  C  D | AS
 *     A    0  1  2  0 |  3   Q undefined (PS = 0), P = 0
 *     B    0  0  1  0 |  1   Q = 1
 *     C    0  0  0  0 |  0   Q = 0/3 = 0 (a true 0: C acts on nothing)
 *     D    0  0  0  0 |  0   isolated, Q = 0/0
 *     PS   0  1  3  0 */
static void
test_vester_zero_passive_sum(void **state)
{
	static const double m[16] = {
		0, 1, 2, 0,
		0, 0, 1, 0,
		0, 0, 0, 0,
		0, 0, 0, 0,
	};
	struct crossimpact_factor f[4];
	struct crossimpact_vester v;
	struct error err;

	assert_int_equal(crossimpact_vester(m, 4, f, &v, &err), 0);
	assert_int_equal(f[0].q_status, CROSSIMPACT_Q_NO_PASSIVE);
	assert_true(isnan(f[0].quotient));
	assert_true(f[0].product == 0);
	assert_int_equal(f[0].role, CROSSIMPACT_ACTIVE);
	assert_int_equal(f[1].q_status, CROSSIMPACT_Q_OK);
	assert_true(f[1].quotient == 1);
	assert_true(f[1].active_at_mean && f[1].passive_at_mean);
	assert_int_equal(f[2].q_status, CROSSIMPACT_Q_OK);
	assert_true(f[2].quotient == 0);
	assert_int_equal(f[2].role, CROSSIMPACT_REACTIVE);
	assert_int_equal(f[3].q_status, CROSSIMPACT_Q_ISOLATED);
	assert_true(isnan(f[3].quotient));
	assert_int_equal(f[3].role, CROSSIMPACT_BUFFERING);
}

static void
test_vester_rejects(void **state)
{
	static const double four[4] = { 0, 4, 1, 0 }, negative[4] = { 0, -1, 1, 0 };
	static const double self[4] = { 1, 1, 1, 0 };
	double not_a_number[4] = { 0, 1, 1, 0 };
	struct crossimpact_factor f[2];
	struct crossimpact_vester v;
	struct error err;

	not_a_number[1] = NAN;
	assert_int_equal(crossimpact_vester(four, 2, f, &v, &err), -1);
	assert_non_null(strstr(err.message, "factor 1 on factor 2"));
	assert_int_equal(crossimpact_vester(negative, 2, f, &v, &err), -1);
	assert_int_equal(crossimpact_vester(not_a_number, 2, f, &v, &err), -1);
	assert_int_equal(crossimpact_vester(self, 2, f, &v, &err), -1);
	assert_non_null(strstr(err.message, "diagonal"));
	assert_int_equal(crossimpact_vester(four, 0, f, &v, &err), -1);
	assert_true(isnan(v.active_mean));
}

struct micmac_fixture {
	size_t				 n;
	void				*work;
	size_t				 ranks[4][4];
	double				 shares[2][4];
	struct crossimpact_micmac	 out;
};

static void
micmac_setup(struct micmac_fixture *x, size_t n)
{
	memset(x, 0, sizeof(*x));
	x->n = n;
	x->work = malloc(crossimpact_micmac_work_size(n));
	x->out.direct_influence_rank = x->ranks[0];
	x->out.direct_dependence_rank = x->ranks[1];
	x->out.influence_rank = x->ranks[2];
	x->out.dependence_rank = x->ranks[3];
	x->out.influence = x->shares[0];
	x->out.dependence = x->shares[1];
}

static void
assert_ranks(const size_t *got, const size_t *want, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		assert_int_equal(got[i], want[i]);
}

/* Direct and indirect rankings differ.
 *
 *     M    A  B  C  D | row      M²   A  B  C  D | row     M³   A  B  C  D | row
 *     A    0  0  0  1 |  1       A    2  0  1  0 |  3      A    1  2  0  3 |  6
 *     B    0  0  0  0 |  0       B    0  0  0  0 |  0      B    0  0  0  0 |  0
 *     C    1  2  0  1 |  4       C    2  0  1  1 |  4      C    3  2  1  3 |  9
 *     D    2  0  1  0 |  3       D    1  2  0  3 |  6      D    6  0  3  1 | 10
 *     col  3  2  1  2            col  5  2  2  4           col 10  4  4  7
 *
 * M² rows: A = row D of M; C = row A + 2·row B + row D; D = 2·row A + row C.
 * M³ = M²·M likewise: A = 2·row A + row C; C = 2·row A + row C + row D;
 * D = row A + 3·row D (of M).
 * Influence ranks (1 = most):  M: C 1, D 2, A 3, B 4   M², M³: D 1, C 2, A 3, B 4
 * Dependence ranks:            M: A 1, B 2, D 2, C 4   M², M³: A 1, D 2, B 3, C 3
 * M³ ranks as M² does: k = 3, converged. Shares of M³ (total 25):
 * influence 6/25, 0, 9/25, 10/25; dependence 10/25, 4/25, 4/25, 7/25. */
static void
test_micmac_by_hand(void **state)
{
	static const double m[16] = {
		0, 0, 0, 1,
		0, 0, 0, 0,
		1, 2, 0, 1,
		2, 0, 1, 0,
	};
	static const size_t direct_influence[] = { 3, 4, 1, 2 };
	static const size_t direct_dependence[] = { 1, 2, 4, 2 };
	static const size_t influence[] = { 3, 4, 2, 1 };
	static const size_t dependence[] = { 1, 3, 3, 2 };
	static const double influence_share[] = { 6, 0, 9, 10 };
	static const double dependence_share[] = { 10, 4, 4, 7 };
	struct micmac_fixture x;
	struct error err;
	size_t i;

	micmac_setup(&x, 4);
	assert_int_equal(crossimpact_micmac(m, 4, x.work, &x.out, &err), 0);
	assert_int_equal(x.out.status, CROSSIMPACT_MICMAC_CONVERGED);
	assert_int_equal(x.out.power, 3);
	assert_ranks(x.out.direct_influence_rank, direct_influence, 4);
	assert_ranks(x.out.direct_dependence_rank, direct_dependence, 4);
	assert_ranks(x.out.influence_rank, influence, 4);
	assert_ranks(x.out.dependence_rank, dependence, 4);
	for (i = 0; i < 4; i++) {
		assert_true(fabs(x.out.influence[i] - influence_share[i] / 25) < 1e-15);
		assert_true(fabs(x.out.dependence[i] - dependence_share[i] / 25) < 1e-15);
	}
	free(x.work);
}

/* A chain A → B → C has no cycle: M² = (A → C), M³ = 0.
 *   M:  rows 1, 1, 0 → ranks 1, 1, 3;  columns 0, 1, 1 → ranks 3, 1, 1
 *   M²: rows 1, 0, 0 → ranks 1, 2, 2;  columns 0, 0, 1 → ranks 2, 2, 1
 * M³ vanishes: the ranking of M² is the last, k = 2. */
static void
test_micmac_vanishes(void **state)
{
	static const double m[9] = { 0, 1, 0, 0, 0, 1, 0, 0, 0 };
	static const size_t influence[] = { 1, 2, 2 }, dependence[] = { 2, 2, 1 };
	static const size_t direct_influence[] = { 1, 1, 3 };
	struct micmac_fixture x;
	struct error err;

	micmac_setup(&x, 3);
	assert_int_equal(crossimpact_micmac(m, 3, x.work, &x.out, &err), 0);
	assert_int_equal(x.out.status, CROSSIMPACT_MICMAC_VANISHED);
	assert_int_equal(x.out.power, 2);
	assert_ranks(x.out.direct_influence_rank, direct_influence, 3);
	assert_ranks(x.out.influence_rank, influence, 3);
	assert_ranks(x.out.dependence_rank, dependence, 3);
	assert_true(x.out.influence[0] == 1);
	free(x.work);
}

/* M = (0 1; 2 0): odd powers 2^j·M have rows (1, 2)·2^j (B first), even
 * powers 2^j·I tie. The ranking flips at every power and never settles:
 * reported at k = 10, not converged. */
static void
test_micmac_not_converging(void **state)
{
	static const double m[4] = { 0, 1, 2, 0 };
	static const size_t tied[] = { 1, 1 };
	struct micmac_fixture x;
	struct error err;

	micmac_setup(&x, 2);
	assert_int_equal(crossimpact_micmac(m, 2, x.work, &x.out, &err), 0);
	assert_int_equal(x.out.status, CROSSIMPACT_MICMAC_CAPPED);
	assert_int_equal(x.out.power, CROSSIMPACT_MICMAC_MAX_POWER);
	assert_ranks(x.out.influence_rank, tied, 2);	/* M^10 = 32·I */
	assert_true(x.out.direct_influence_rank[1] == 1);
	assert_true(x.out.direct_influence_rank[0] == 2);
	free(x.work);
}

/* Two groups X (factors 1..20) and Y (21..40): X acts on every Y with 3, Y on
 * every X with 2, nothing within a group. With J the 20 × 20 matrix of ones
 * (J² = 20J): M² = diag(120J, 120J), so even powers tie everyone, and odd
 * powers put X ahead (M³ = (0, 7200J; 4800J, 0)). The ranking never settles;
 * M^10 = 120^5·20^4 per cell ≈ 4e15, row sums ≈ 8e16 > 2^53, and in int it
 * would long have overflowed: rescaling keeps the shares exact at 1/40. */
static void
test_micmac_large_powers(void **state)
{
	enum { N = 40, HALF = 20 };
	static double m[N * N];
	size_t ranks[4][N], i, row, column;
	double shares[2][N];
	struct crossimpact_micmac out = {
		.direct_influence_rank = ranks[0], .direct_dependence_rank = ranks[1],
		.influence_rank = ranks[2], .dependence_rank = ranks[3],
		.influence = shares[0], .dependence = shares[1],
	};
	struct error err;
	void *work = malloc(crossimpact_micmac_work_size(N));

	for (i = 0; i < N * N; i++) {
		row = i / N;
		column = i % N;
		if (row < HALF && column >= HALF)
			m[i] = 3;
		else if (row >= HALF && column < HALF)
			m[i] = 2;
		else
			m[i] = 0;
	}
	assert_int_equal(crossimpact_micmac(m, N, work, &out, &err), 0);
	assert_int_equal(out.status, CROSSIMPACT_MICMAC_CAPPED);
	assert_int_equal(out.power, CROSSIMPACT_MICMAC_MAX_POWER);
	for (i = 0; i < N; i++) {
		assert_int_equal(out.direct_influence_rank[i], i < HALF ? 1 : HALF + 1);
		assert_int_equal(out.influence_rank[i], 1);
		assert_true(fabs(out.influence[i] - 1.0 / N) < 1e-15);
		assert_true(fabs(out.dependence[i] - 1.0 / N) < 1e-15);
	}
	free(work);
}

static void
test_micmac_rejects(void **state)
{
	static const double zero[4] = { 0, 0, 0, 0 }, negative[4] = { 0, -1, 1, 0 };
	struct micmac_fixture x;
	struct error err;

	micmac_setup(&x, 2);
	assert_int_equal(crossimpact_micmac(zero, 2, x.work, &x.out, &err), -1);
	assert_non_null(strstr(err.message, "no influences"));
	assert_int_equal(crossimpact_micmac(negative, 2, x.work, &x.out, &err), -1);
	assert_int_equal(crossimpact_micmac(zero, 0, x.work, &x.out, &err), -1);
	free(x.work);
}

/* Three members rate two factors; member 2 leaves B → A empty, nobody rates
 * the diagonal B → B.
 *   A → B: 1, 3, 2 → sorted 1, 2, 3: median 2 (h = 1), q1 h = 0.5 → 1.5,
 *          q3 h = 1.5 → 2.5, range 1..3
 *   B → A: 0, 3    → median h = 0.5 → 1.5, q1 h = 0.25 → 0.75,
 *          q3 h = 0.75 → 2.25, range 0..3 */
static void
test_combine_members(void **state)
{
	static const double m[3 * 4] = {
		0, 1, 0, 0,
		0, 3, 9, 0,
		0, 2, 3, 0,
	};
	static const unsigned char present[3 * 4] = {
		1, 1, 1, 0,
		1, 1, 0, 0,
		1, 1, 1, 0,
	};
	struct crossimpact_cell c[4];
	struct crossimpact_factor f[2];
	struct crossimpact_vester v;
	struct error err;
	double work[3], medians[4];

	assert_true(crossimpact_combine_work_size(3) <= sizeof(work));
	assert_int_equal(crossimpact_combine(m, present, 3, 2, work, c, &err), 0);
	assert_int_equal(c[1].count, 3);
	assert_true(c[1].median == 2 && c[1].q1 == 1.5 && c[1].q3 == 2.5);
	assert_true(c[1].min == 1 && c[1].max == 3);
	assert_int_equal(c[2].count, 2);
	assert_true(c[2].median == 1.5 && c[2].q1 == 0.75 && c[2].q3 == 2.25);
	assert_true(c[2].min == 0 && c[2].max == 3);
	assert_int_equal(c[0].count, 3);
	assert_true(c[0].median == 0);
	assert_int_equal(c[3].count, 0);
	assert_true(isnan(c[3].median) && isnan(c[3].min));
	/* The medians make a Vester matrix; the empty diagonal becomes 0. */
	assert_int_equal(crossimpact_medians(c, 2, medians, &err), 0);
	assert_true(medians[1] == 2 && medians[2] == 1.5 && medians[3] == 0);
	assert_int_equal(crossimpact_vester(medians, 2, f, &v, &err), 0);
	assert_true(f[0].active_sum == 2 && f[0].passive_sum == 1.5);
}

static void
test_combine_missing_and_bad(void **state)
{
	static const double m[2 * 4] = { 0, 1, 2, 0, 0, 3, 1, 0 };
	static const unsigned char nobody_b_on_a[2 * 4] = { 1, 1, 0, 1, 1, 1, 0, 1 };
	double bad[2 * 4];
	struct crossimpact_cell c[4];
	struct error err;
	double work[2], medians[4];

	assert_int_equal(crossimpact_combine(m, nobody_b_on_a, 2, 2, work, c, &err),
	    0);
	assert_int_equal(c[2].count, 0);
	assert_int_equal(crossimpact_medians(c, 2, medians, &err), -1);
	assert_non_null(strstr(err.message, "factor 2 on factor 1"));
	memcpy(bad, m, sizeof(bad));
	bad[5] = INFINITY;
	assert_int_equal(crossimpact_combine(bad, NULL, 2, 2, work, c, &err), -1);
	assert_non_null(strstr(err.message, "member 2"));
	/* No members: every cell missing, none invented. */
	assert_int_equal(crossimpact_combine(m, NULL, 0, 2, work, c, &err), 0);
	assert_int_equal(c[1].count, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vester_by_hand),
		cmocka_unit_test(test_vester_at_the_mean),
		cmocka_unit_test(test_vester_zero_passive_sum),
		cmocka_unit_test(test_vester_rejects),
		cmocka_unit_test(test_micmac_by_hand),
		cmocka_unit_test(test_micmac_vanishes),
		cmocka_unit_test(test_micmac_not_converging),
		cmocka_unit_test(test_micmac_large_powers),
		cmocka_unit_test(test_micmac_rejects),
		cmocka_unit_test(test_combine_members),
		cmocka_unit_test(test_combine_missing_and_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
