/* Unit tests of src/core/variety.c (METHODS §3.3): the METHODS check values, hand
 * calculations, UV + RV = E on real data (the Länder, Göttingen, Bottrop), and
 * statuses for every case that cannot be computed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "core/structure.h"
#include "core/variety.h"
#include "unit/structure_support.h"

#include "data/structure/goettingen.h"
#include "data/structure/laender_industries.h"
#include "data/structure/muenster.h"

/* METHODS §3.3: counts (10, 0, 5, 5), groups (A, A, B, B) → E = 1.5, UV = 1,
 * RV = 0.5 bits. By hand: P = (.5, .5), UV = 1; within A the shares are (1, 0),
 * H_A = 0; within B (.5, .5), H_B = 1; RV = .5·0 + .5·1 = .5. */
static void
test_methods_check(void **state)
{
	static const double counts[] = { 10, 0, 5, 5 };
	static const size_t group[] = { 0, 0, 1, 1 };
	struct structure_values x = VALUES(counts);
	struct variety_groups g = { group, 4, 2 };
	double ws[VARIETY_WORKSPACE(2)];
	struct variety_result v;

	variety_compute(&x, &g, STRUCTURE_BASE_2, ws, &v);
	assert_ok(v.entropy);
	assert_close(v.entropy.value, 1.5, STRUCTURE_REL);
	assert_close(v.unrelated.value, 1, STRUCTURE_REL);
	assert_close(v.related.value, 0.5, STRUCTURE_REL);
	assert_int_equal(v.groups_nonempty, 2);
	assert_int_equal(v.base, STRUCTURE_BASE_2);
	/* In nats every figure scales by ln 2 = .69314718055994531. */
	variety_compute(&x, &g, STRUCTURE_BASE_E, ws, &v);
	assert_close(v.entropy.value, 1.5 * 0.69314718055994531, STRUCTURE_REL);
	assert_close(v.unrelated.value, 0.69314718055994531, STRUCTURE_REL);
	assert_close(v.related.value, 0.5 * 0.69314718055994531, STRUCTURE_REL);
}

/* By hand: counts (4, 4, 8, 0, 16), groups (0, 0, 1, 1, 2), T = 32,
 * s = (1/8, 1/8, 1/4, 0, 1/2): E = 2·(1/8)·3 + (1/4)·2 + (1/2)·1 = 1.75;
 * P = (1/4, 1/4, 1/2): UV = 2 + … = (1/4)·2 + (1/4)·2 + (1/2)·1 = 1.5;
 * RV = (1/4)·H(1/2, 1/2) + (1/4)·H(1, 0) + (1/2)·H(1) = .25.
 * An unused group 3 (count 4) is dropped, not counted as a zero share. */
static void
test_three_groups_by_hand(void **state)
{
	static const double counts[] = { 4, 4, 8, 0, 16 };
	static const size_t group[] = { 0, 0, 1, 1, 2 };
	struct structure_values x = VALUES(counts);
	struct variety_groups g = { group, 5, 4 };
	double ws[VARIETY_WORKSPACE(4)];
	struct variety_result v;

	variety_compute(&x, &g, STRUCTURE_BASE_2, ws, &v);
	assert_close(v.entropy.value, 1.75, STRUCTURE_REL);
	assert_close(v.unrelated.value, 1.5, STRUCTURE_REL);
	assert_close(v.related.value, 0.25, STRUCTURE_REL);
	assert_int_equal(v.groups_nonempty, 3);
}

/* The two extremes: one group for all → UV = 0, RV = E; a group per sector →
 * RV = 0, UV = E. (3, 1, 4, 1, 5): T = 14. */
static void
test_extreme_groupings(void **state)
{
	static const double counts[] = { 3, 1, 4, 1, 5 };
	static const size_t one[] = { 0, 0, 0, 0, 0 };
	static const size_t own[] = { 0, 1, 2, 3, 4 };
	struct structure_values x = VALUES(counts);
	struct variety_groups g1 = { one, 5, 1 }, g5 = { own, 5, 5 };
	double ws[VARIETY_WORKSPACE(5)];
	struct variety_result v;
	struct structure_measure e;

	structure_entropy(&x, STRUCTURE_BASE_2, &e);
	variety_compute(&x, &g1, STRUCTURE_BASE_2, ws, &v);
	assert_close(v.unrelated.value, 0, STRUCTURE_REL);
	assert_close(v.related.value, e.value, STRUCTURE_REL);
	variety_compute(&x, &g5, STRUCTURE_BASE_2, ws, &v);
	assert_close(v.unrelated.value, e.value, STRUCTURE_REL);
	assert_close(v.related.value, 0, STRUCTURE_REL);
	assert_true(v.entropy.value == e.value);
}

static void
test_edge_cases(void **state)
{
	static const double counts[] = { 3, 1, 4 };
	static const double zeros[] = { 0, 0, 0 };
	static const size_t bad[] = { 0, 2, 1 };
	static const size_t good[] = { 0, 0, 1 };
	struct structure_values x = VALUES(counts);
	struct variety_groups g = { bad, 3, 2 };
	double ws[VARIETY_WORKSPACE(2)];
	struct variety_result v;

	variety_compute(&x, &g, STRUCTURE_BASE_2, ws, &v);
	assert_fails(v.unrelated, STRUCTURE_BAD_GROUP);
	assert_fails(v.related, STRUCTURE_BAD_GROUP);
	assert_int_equal(v.unrelated.where.sector, 1);

	g.group = good;
	g.n = 2;
	variety_compute(&x, &g, STRUCTURE_BASE_2, ws, &v);
	assert_fails(v.entropy, STRUCTURE_SIZE_MISMATCH);

	variety_compute(&x, NULL, STRUCTURE_BASE_2, ws, &v);
	assert_fails(v.related, STRUCTURE_NO_GROUPS);

	g.n = 3;
	x = VALUES(zeros);
	variety_compute(&x, &g, STRUCTURE_BASE_2, ws, &v);
	assert_fails(v.unrelated, STRUCTURE_ZERO_TOTAL);

	x = VALUES(counts);
	x.missing = (const bool[]){ false, false, true };
	variety_compute(&x, &g, STRUCTURE_BASE_2, ws, &v);
	assert_fails(v.unrelated, STRUCTURE_MISSING);
	assert_int_equal(v.unrelated.where.sector, 2);

	x.missing = NULL;
	x.n = 0;
	g.n = 0;
	variety_compute(&x, &g, STRUCTURE_BASE_2, ws, &v);
	assert_fails(v.entropy, STRUCTURE_EMPTY);
}

/* The 17 WZ 2008 sections of the Länder (2015) grouped as the A*10 sector
 * groups: B–E, F, G–I, J, K, L, M–N, P–Q (of O–Q), R–S (of R–U).
 * Saarland by hand (bc): group totals (114600, 26700, 117800, 10600, 14600,
 * 4000, 66900, 99600, 21700) of 476500 → UV = 2.632590046253055205 bits;
 * E = 3.403826840652944056, so RV = .771236794399888850988589931616. */
static const size_t laender_group_of_section[INDUSTRIES_SECTORS] = {
	0, 0, 0, 0, 1, 2, 2, 2, 3, 4, 5, 6, 6, 7, 7, 8, 8
};

static void
test_laender_sections(void **state)
{
	struct variety_groups g = { laender_group_of_section, INDUSTRIES_SECTORS, 9 };
	double ws[VARIETY_WORKSPACE(9)];
	struct structure_values x;
	struct variety_result v;
	struct structure_measure e;
	size_t r, saarland = 11;

	for (r = 0; r < INDUSTRIES_REGIONS; r++) {
		x = values_of(industries_employment[r], INDUSTRIES_SECTORS);
		variety_compute(&x, &g, STRUCTURE_BASE_2, ws, &v);
		assert_ok(v.related);
		assert_close(v.unrelated.value + v.related.value, v.entropy.value,
		    1e-14);
		assert_true(v.unrelated.value > 0 && v.unrelated.value <= log2(9));
		assert_true(v.related.value >= 0);
		structure_entropy(&x, STRUCTURE_BASE_2, &e);
		assert_close(v.entropy.value, e.value, 1e-15);
	}
	assert_string_equal(industries_sectors[4], "F");
	x = values_of(industries_employment[saarland], INDUSTRIES_SECTORS);
	variety_compute(&x, &g, STRUCTURE_BASE_2, ws, &v);
	assert_close(v.unrelated.value, 2.6325900462530552, STRUCTURE_REL);
	assert_close(v.related.value, 0.77123679439988885, STRUCTURE_REL);
}

/* Göttingen's sections (every year) grouped likewise: A; B+D+E with C; F; G–I;
 * J; K; M–N; O–Q; R. And Bottrop's six Eurostat groups by economic sector:
 * primary (A), secondary (B_E, F), tertiary (G_J, K_N, O_U). */
static void
test_goettingen_and_bottrop(void **state)
{
	static const size_t goettingen_group[GOETTINGEN_SECTORS] = {
		0, 1, 1, 2, 3, 3, 3, 4, 5, 6, 6, 7, 7, 7, 8
	};
	static const size_t bottrop_group[MUENSTER_SECTORS] = { 0, 1, 1, 2, 2, 2 };
	struct variety_groups gg = { goettingen_group, GOETTINGEN_SECTORS, 9 };
	struct variety_groups bg = { bottrop_group, MUENSTER_SECTORS, 3 };
	double ws[VARIETY_WORKSPACE(9)], col[GOETTINGEN_SECTORS];
	struct structure_values x;
	struct variety_result v;
	size_t year, i;

	for (year = 0; year < GOETTINGEN_YEARS; year++) {
		for (i = 0; i < GOETTINGEN_SECTORS; i++)
			col[i] = goettingen_employment[i][year];
		x = values_of(col, GOETTINGEN_SECTORS);
		variety_compute(&x, &gg, STRUCTURE_BASE_E, ws, &v);
		assert_close(v.unrelated.value + v.related.value, v.entropy.value,
		    1e-14);
		assert_int_equal(v.groups_nonempty, 9);
	}
	for (year = 0; year < MUENSTER_YEARS; year++) {
		x = values_of(bottrop_employment[year], MUENSTER_SECTORS);
		variety_compute(&x, &bg, STRUCTURE_BASE_2, ws, &v);
		assert_close(v.unrelated.value + v.related.value, v.entropy.value,
		    1e-14);
		assert_true(v.unrelated.value <= log2(3));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_methods_check),
		cmocka_unit_test(test_three_groups_by_hand),
		cmocka_unit_test(test_extreme_groupings),
		cmocka_unit_test(test_edge_cases),
		cmocka_unit_test(test_laender_sections),
		cmocka_unit_test(test_goettingen_and_bottrop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
