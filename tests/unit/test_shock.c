/* Unit tests of src/core/shock.c (METHODS §3.7): Martin's sensitivity,
 * resistance and recovery on a small example by hand, Bottrop against
 * Regierungsbezirk Münster for the 2012–2014 decline (the closing mines) by bc,
 * invariants, and the statuses for E = 0 and a zero reference change. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "core/shock.h"
#include "core/structure.h"
#include "unit/structure_support.h"

#include "data/structure/muenster.h"

/* By hand. Region at p, q, s: (100, 50), (80, 55), (90, 60); reference
 * (1000, 1000), (900, 1050), (950, 1100).
 * Contraction: Δx = −15, rate −.1; ΔX = −50, rate −.025; β = 4.
 *   Sectoral E = −.1·100 + .05·50 = −7.5 → resistance (−15 + 7.5)/7.5 = −1.
 *   Aggregate E = −.025·150 = −3.75 → (−15 + 3.75)/3.75 = −3.
 * Recovery: Δx = 15, rate 1/9; ΔX = 100, rate 2/39; β = 39/18.
 *   Sectoral E = 80/18 + 55/21 = 445/63 → (15 − 445/63)/(445/63) = 100/89.
 *   Aggregate E = (2/39)·135 = 90/13 → (15 − 90/13)/(90/13) = 7/6. */
static const double region_p[] = { 100, 50 }, region_q[] = { 80, 55 };
static const double region_s[] = { 90, 60 };
static const double reference_p[] = { 1000, 1000 }, reference_q[] = { 900, 1050 };
static const double reference_s[] = { 950, 1100 };

static void
test_martin_by_hand(void **state)
{
	struct structure_values x[3] = {
		VALUES(region_p), VALUES(region_q), VALUES(region_s)
	};
	struct structure_values y[3] = {
		VALUES(reference_p), VALUES(reference_q), VALUES(reference_s)
	};
	struct shock_result r;

	shock_compute(x, y, SHOCK_EXPECT_SECTORAL, &r);
	assert_ok(r.contraction.sensitivity);
	assert_close(r.contraction.region_change, -15, 0);
	assert_close(r.contraction.region_rate, -0.1, STRUCTURE_REL);
	assert_close(r.contraction.reference_rate, -0.025, STRUCTURE_REL);
	assert_close(r.contraction.sensitivity.value, 4, STRUCTURE_REL);
	assert_close(r.contraction.expected_change.value, -7.5, STRUCTURE_REL);
	assert_close(r.contraction.performance.value, -1, STRUCTURE_REL);
	assert_close(r.recovery.sensitivity.value, 39.0 / 18.0, STRUCTURE_REL);
	assert_close(r.recovery.expected_change.value, 445.0 / 63.0, STRUCTURE_REL);
	assert_close(r.recovery.performance.value, 100.0 / 89.0, STRUCTURE_REL);
	assert_string_equal(shock_expectation_names[r.expectation], "sectoral");

	shock_compute(x, y, SHOCK_EXPECT_AGGREGATE, &r);
	assert_close(r.contraction.expected_change.value, -3.75, STRUCTURE_REL);
	assert_close(r.contraction.performance.value, -3, STRUCTURE_REL);
	assert_close(r.recovery.expected_change.value, 90.0 / 13.0, STRUCTURE_REL);
	assert_close(r.recovery.performance.value, 7.0 / 6.0, STRUCTURE_REL);
	/* The sensitivity does not depend on the expectation. */
	assert_close(r.contraction.sensitivity.value, 4, STRUCTURE_REL);
}

/* Bottrop (DEA31) against Münster (DEA3): employment fell from 49030 (2012) to
 * 47440 (2014) while the reference grew (1238760 → 1258510), then 48230 (2017)
 * against 1295660. By hand (bc):
 *   contraction β = −2.034020400839578971, sectoral E = 757.890786271447351,
 *   resistance = −3.097927602237036709; aggregate E = 781.703074041783719,
 *   resistance = −3.034020400839578971;
 *   recovery β = .564131387043547534, sectoral E = 1450.455307416550529,
 *   recovery = −.455343438739182729; aggregate E = 1400.382992586471303,
 *   recovery = −.435868612956452466. */
static void
test_bottrop_2012_2017(void **state)
{
	const size_t p = 2012 - MUENSTER_FIRST_YEAR, q = 2014 - MUENSTER_FIRST_YEAR;
	const size_t s = 2017 - MUENSTER_FIRST_YEAR;
	struct structure_values x[3] = {
		values_of(bottrop_employment[p], MUENSTER_SECTORS),
		values_of(bottrop_employment[q], MUENSTER_SECTORS),
		values_of(bottrop_employment[s], MUENSTER_SECTORS),
	};
	struct structure_values y[3] = {
		values_of(muenster_employment[p], MUENSTER_SECTORS),
		values_of(muenster_employment[q], MUENSTER_SECTORS),
		values_of(muenster_employment[s], MUENSTER_SECTORS),
	};
	struct shock_result r;

	shock_compute(x, y, SHOCK_EXPECT_SECTORAL, &r);
	assert_close(r.contraction.region_start, 49030, 0);
	assert_close(r.contraction.region_end, 47440, 0);
	assert_close(r.contraction.sensitivity.value, -2.034020400839578971,
	    STRUCTURE_REL);
	assert_close(r.contraction.expected_change.value, 757.890786271447351,
	    STRUCTURE_REL);
	assert_close(r.contraction.performance.value, -3.097927602237036709,
	    STRUCTURE_REL);
	assert_close(r.recovery.sensitivity.value, 0.564131387043547534,
	    STRUCTURE_REL);
	assert_close(r.recovery.expected_change.value, 1450.455307416550529,
	    STRUCTURE_REL);
	assert_close(r.recovery.performance.value, -0.455343438739182729,
	    STRUCTURE_REL);

	shock_compute(x, y, SHOCK_EXPECT_AGGREGATE, &r);
	assert_close(r.contraction.expected_change.value, 781.703074041783719,
	    STRUCTURE_REL);
	assert_close(r.contraction.performance.value, -3.034020400839578971,
	    STRUCTURE_REL);
	assert_close(r.recovery.performance.value, -0.435868612956452466,
	    STRUCTURE_REL);
	/* Aggregate: (Δx − g·x)/|g·x| = sign(g)·β − 1. */
	assert_close(r.contraction.performance.value,
	    r.contraction.sensitivity.value - 1, 1e-14);
	assert_close(r.recovery.performance.value,
	    r.recovery.sensitivity.value - 1, 1e-14);
}

/* A region that is its own reference moves exactly as expected: β = 1 and
 * resistance = recovery = 0, in every year pair of the Münster data. */
static void
test_reference_against_itself(void **state)
{
	struct structure_values x[3];
	struct shock_result r;
	size_t k, e;

	for (k = 0; k + 2 < MUENSTER_YEARS; k++) {
		x[0] = values_of(muenster_employment[k], MUENSTER_SECTORS);
		x[1] = values_of(muenster_employment[k + 1], MUENSTER_SECTORS);
		x[2] = values_of(muenster_employment[k + 2], MUENSTER_SECTORS);
		for (e = 0; e < SHOCK_EXPECT__MAX; e++) {
			shock_compute(x, x, e, &r);
			assert_close(r.contraction.sensitivity.value, 1, 1e-14);
			assert_close(r.contraction.performance.value, 0, 1e-12);
			assert_close(r.recovery.sensitivity.value, 1, 1e-14);
			assert_close(r.recovery.performance.value, 0, 1e-12);
		}
	}
}

static void
test_edge_cases(void **state)
{
	static const double flat_p[] = { 100, 100 }, flat_q[] = { 110, 90 };
	static const double even[] = { 50, 50 }, uneven[] = { 60, 40 };
	static const double fewer[] = { 40, 30 }, zeros[] = { 0, 0 };
	static const double three[] = { 1, 2, 3 };
	static const double reference_gap[] = { 0, 100 };
	struct structure_values rp = VALUES(flat_p), rq = VALUES(flat_q);
	struct structure_values x0, x1 = VALUES(fewer), z = VALUES(zeros);
	struct structure_values t = VALUES(three), gap = VALUES(reference_gap);
	struct shock_phase ph;

	/* ΔX = 0: β divides by zero. Aggregate E = 0·x = 0 as well. */
	x0 = VALUES(even);
	shock_phase_compute(&x0, &x1, &rp, &rq, SHOCK_EXPECT_AGGREGATE, &ph);
	assert_fails(ph.sensitivity, STRUCTURE_ZERO_REFERENCE_CHANGE);
	assert_true(ph.sensitivity.where.reference);
	assert_fails(ph.performance, STRUCTURE_ZERO_EXPECTED);
	/* Sectoral: +10 % on 50 and −10 % on 50 cancel: E = 0. */
	shock_phase_compute(&x0, &x1, &rp, &rq, SHOCK_EXPECT_SECTORAL, &ph);
	assert_close(ph.expected_change.value, 0, 0);
	assert_fails(ph.performance, STRUCTURE_ZERO_EXPECTED);
	/* With (60, 40) they do not: E = 6 − 4 = 2; resistance (−30 − 2)/2 = −16,
	 * while the sensitivity stays undefined. */
	x0 = VALUES(uneven);
	shock_phase_compute(&x0, &x1, &rp, &rq, SHOCK_EXPECT_SECTORAL, &ph);
	assert_close(ph.performance.value, -16, STRUCTURE_REL);
	assert_fails(ph.sensitivity, STRUCTURE_ZERO_REFERENCE_CHANGE);

	/* A region with nothing at the start has no rate. At the end, losing
	 * everything is a result: Δx = −100 against E = 0 → not computable only
	 * because E = 0. */
	shock_phase_compute(&z, &x1, &rp, &rq, SHOCK_EXPECT_SECTORAL, &ph);
	assert_fails(ph.sensitivity, STRUCTURE_ZERO_TOTAL);
	assert_int_equal(ph.sensitivity.where.period, 0);
	shock_phase_compute(&x0, &z, &rp, &rq, SHOCK_EXPECT_SECTORAL, &ph);
	assert_close(ph.region_change, -100, 0);
	assert_ok(ph.expected_change);

	/* The reference lacks a sector the region has: g_0 undefined. */
	shock_phase_compute(&x0, &x1, &gap, &rq, SHOCK_EXPECT_SECTORAL, &ph);
	assert_fails(ph.expected_change, STRUCTURE_REFERENCE_ZERO);
	assert_int_equal(ph.expected_change.where.sector, 0);
	/* … which the aggregate expectation does not need. ΔX = 100, rate 1. */
	shock_phase_compute(&x0, &x1, &gap, &rq, SHOCK_EXPECT_AGGREGATE, &ph);
	assert_close(ph.sensitivity.value, -0.3, STRUCTURE_REL);

	shock_phase_compute(&x0, &t, &rp, &rq, SHOCK_EXPECT_SECTORAL, &ph);
	assert_fails(ph.sensitivity, STRUCTURE_SIZE_MISMATCH);

	x1.missing = (const bool[]){ false, true };
	shock_phase_compute(&x0, &x1, &rp, &rq, SHOCK_EXPECT_SECTORAL, &ph);
	assert_fails(ph.performance, STRUCTURE_MISSING);
	assert_int_equal(ph.performance.where.period, 1);
	assert_int_equal(ph.performance.where.sector, 1);
	assert_true(isnan(ph.region_change));
}

/* Statuses in the recovery phase name the absolute period (s = 2). */
static void
test_recovery_period_index(void **state)
{
	static const double ok[] = { 10, 10 }, bad[] = { 10, -1 };
	struct structure_values x[3] = { VALUES(ok), VALUES(ok), VALUES(bad) };
	struct structure_values y[3] = {
		VALUES(reference_p), VALUES(reference_q), VALUES(reference_s)
	};
	struct shock_result r;

	shock_compute(x, y, SHOCK_EXPECT_SECTORAL, &r);
	assert_ok(r.contraction.sensitivity);
	assert_fails(r.recovery.performance, STRUCTURE_NEGATIVE);
	assert_int_equal(r.recovery.performance.where.period, 2);
	assert_false(r.recovery.performance.where.reference);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_martin_by_hand),
		cmocka_unit_test(test_bottrop_2012_2017),
		cmocka_unit_test(test_reference_against_itself),
		cmocka_unit_test(test_edge_cases),
		cmocka_unit_test(test_recovery_period_index),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
