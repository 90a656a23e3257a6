/* Unit tests of src/core/shiftshare.c (METHODS §3.6) and src/core/portfolio.c
 * (METHODS §3.8): the Farhauer & Kröll textbook regions A, B, C (REAT shift and
 * shiftd documentation), Esteban-Marquillas and the dynamic form by hand, the
 * x_i(t0) = 0 rule, invariants on Bottrop vs Münster and the Länder, edge cases. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "core/portfolio.h"
#include "core/shiftshare.h"
#include "core/structure.h"
#include "unit/structure_support.h"

#include "data/structure/laender_emp.h"
#include "data/structure/muenster.h"

/* Farhauer & Kröll (2013), REAT shift() documentation, METHODS §3.6. */
static const double nation_t0[] = { 400, 150, 150, 400 };
static const double nation_t1[] = { 440, 210, 135, 480 };
static const double nation_t2[] = { 460, 230, 155, 500 };	/* REAT shiftd, "extended" */
static const double region_a_t0[] = { 90, 20, 10, 60 };
static const double region_a_t1[] = { 100, 40, 10, 55 };
static const double region_a_t2[] = { 105, 45, 15, 60 };	/* REAT shiftd, "extended" */
static const double region_b_t0[] = { 60, 30, 30, 40 };
static const double region_b_t1[] = { 85, 55, 40, 35 };
static const double region_c_t0[] = { 250, 100, 110, 300 };
static const double region_c_t1[] = { 255, 115, 85, 390 };

static void
assert_dunn(const double *x0, const double *x1, double growth, double ns,
    double im, double rs, double net)
{
	struct structure_values a = values_of(x0, 4), b = values_of(x1, 4);
	struct structure_values n0 = VALUES(nation_t0), n1 = VALUES(nation_t1);
	struct shift_share_result r;

	shift_share_compute(&a, &b, &n0, &n1, NULL, &r);
	assert_int_equal(r.status, STRUCTURE_OK);
	assert_close(r.dunn.growth, growth, STRUCTURE_REL);
	assert_close(r.dunn.national_share, ns, STRUCTURE_REL);
	assert_close(r.dunn.industry_mix, im, STRUCTURE_REL);
	assert_close(r.dunn.regional_share, rs, STRUCTURE_REL);
	assert_close(r.dunn.net_total_shift, net, STRUCTURE_REL);
	assert_close(r.reference_rate, 0.15, STRUCTURE_REL);
	assert_int_equal(r.zero_start, 0);
}

/* METHODS §3.6 worked example: A → growth 25, NS 27, IM 1, RS −3, net total
 * shift −2; B → 55, 24, −1, 32; C → 85, 114, 0, −29. The net total shift of B
 * and C (IM + RS) by hand: B: 215 − 160·1.15 = 31; C: 845 − 760·1.15 = −29. */
static void
test_textbook_regions(void **state)
{
	assert_dunn(region_a_t0, region_a_t1, 25, 27, 1, -3, -2);
	assert_dunn(region_b_t0, region_b_t1, 55, 24, -1, 32, 31);
	assert_dunn(region_c_t0, region_c_t1, 85, 114, 0, -29, -29);
}

/* Esteban-Marquillas for region A by hand, in fractions: x̂ = 180·S(t0) =
 * (720, 270, 270, 720)/11; r_i − g_i = (1/90, 3/5, 1/10, −17/60);
 * competitive = (8 + 162 + 27 − 204)/11 = −7/11;
 * allocation = (270/11)(1/90) − (50/11)(3/5) − (160/11)(1/10) + (60/11)(17/60)
 *            = (3 − 30 − 16 + 17)/11 = −26/11; together −3 = RS. */
static void
test_esteban_marquillas_by_hand(void **state)
{
	struct structure_values a0 = VALUES(region_a_t0), a1 = VALUES(region_a_t1);
	struct structure_values n0 = VALUES(nation_t0), n1 = VALUES(nation_t1);
	struct shift_share_sector sec[4];
	struct shift_share_result r;
	double ns = 0, im = 0, rs = 0;
	size_t i;

	shift_share_compute(&a0, &a1, &n0, &n1, sec, &r);
	assert_ok(r.competitive);
	assert_close(r.competitive.value, -7.0 / 11.0, STRUCTURE_REL);
	assert_close(r.allocation.value, -26.0 / 11.0, STRUCTURE_REL);
	assert_close(sec[0].homothetic, 720.0 / 11.0, STRUCTURE_REL);
	assert_close(sec[1].region_rate, 1, STRUCTURE_REL);
	assert_close(sec[1].reference_rate, 0.4, STRUCTURE_REL);
	assert_close(sec[3].regional_share, 55 - 60 * 1.2, STRUCTURE_REL);
	for (i = 0; i < 4; i++) {
		ns += sec[i].national_share;
		im += sec[i].industry_mix;
		rs += sec[i].regional_share;
		assert_int_equal(sec[i].status, STRUCTURE_OK);
	}
	assert_close(ns, r.dunn.national_share, STRUCTURE_REL);
	assert_close(im, r.dunn.industry_mix, STRUCTURE_REL);
	assert_close(rs, r.dunn.regional_share, STRUCTURE_REL);
}

/* REAT shiftd() documentation example (Farhauer/Kröll, extended to t+2). Step 1
 * is region A above. Step 2 by hand (bc): g = 1345/1265 − 1; NS = 205·g =
 * 12.964426877470355731; IM = Σ x_i(t1)·X_i(t2)/X_i(t1) − 205·1345/1265 =
 * −.836300374343852605; RS = 225 − Σ x_i(t1)·X_i(t2)/X_i(t1) =
 * 7.871873496873496873; net = 225 − 205·1345/1265 = 7.035573122529644269.
 * Dynamic = the sums: growth 45, NS 39.964426877470355731,
 * IM .163699625656147395, RS 4.871873496873496873, net 5.035573122529644269. */
static void
test_dynamic_reat_example(void **state)
{
	struct structure_values region[3] = {
		VALUES(region_a_t0), VALUES(region_a_t1), VALUES(region_a_t2)
	};
	struct structure_values nation[3] = {
		VALUES(nation_t0), VALUES(nation_t1), VALUES(nation_t2)
	};
	struct shift_share_result step[2];
	struct shift_share_dynamic d;

	shift_share_dynamic(region, nation, 3, step, &d);
	assert_int_equal(d.status, STRUCTURE_OK);
	assert_int_equal(d.steps, 2);
	assert_close(step[0].dunn.national_share, 27, STRUCTURE_REL);
	assert_close(step[1].dunn.national_share, 12.964426877470355731,
	    STRUCTURE_REL);
	assert_close(step[1].dunn.industry_mix, -0.836300374343852605,
	    STRUCTURE_REL);
	assert_close(step[1].dunn.regional_share, 7.871873496873496873,
	    STRUCTURE_REL);
	assert_close(d.dunn.growth, 45, STRUCTURE_REL);
	assert_close(d.dunn.national_share, 39.964426877470355731, STRUCTURE_REL);
	assert_close(d.dunn.industry_mix, 0.163699625656147395, STRUCTURE_REL);
	assert_close(d.dunn.regional_share, 4.871873496873496873, STRUCTURE_REL);
	assert_close(d.dunn.net_total_shift, 5.035573122529644269, STRUCTURE_REL);

	/* One period is not a change. */
	shift_share_dynamic(region, nation, 1, NULL, &d);
	assert_int_equal(d.status, STRUCTURE_TOO_FEW_PERIODS);
	assert_true(isnan(d.dunn.growth));
}

/* METHODS §3.6: x_i(t0) = 0 makes r_i undefined; the RS term is the change
 * x_i(t1) − 0·(1 + g_i) = x_i(t1), and it is reported. By hand: region (0, 10) →
 * (5, 12), reference (100, 100) → (110, 90): g = 0, NS = 0; IM = 10·(−.1) = −1;
 * RS = 5 + (12 − 10·.9) = 8; growth 7 = 0 − 1 + 8. Esteban-Marquillas needs r_i
 * for every sector and is not computable. */
static void
test_zero_start_rule(void **state)
{
	static const double x0[] = { 0, 10 }, x1[] = { 5, 12 };
	static const double r0[] = { 100, 100 }, r1[] = { 110, 90 };
	struct structure_values a = VALUES(x0), b = VALUES(x1);
	struct structure_values c = VALUES(r0), d = VALUES(r1);
	struct shift_share_sector sec[2];
	struct shift_share_result r;

	shift_share_compute(&a, &b, &c, &d, sec, &r);
	assert_int_equal(r.status, STRUCTURE_OK);
	assert_close(r.dunn.national_share, 0, STRUCTURE_REL);
	assert_close(r.dunn.industry_mix, -1, STRUCTURE_REL);
	assert_close(r.dunn.regional_share, 8, STRUCTURE_REL);
	assert_close(r.dunn.growth, 7, STRUCTURE_REL);
	assert_int_equal(r.zero_start, 1);
	assert_int_equal(r.first_zero_start, 0);
	assert_int_equal(sec[0].status, STRUCTURE_ZERO_START);
	assert_true(isnan(sec[0].region_rate));
	assert_close(sec[0].regional_share, 5, 0);
	assert_fails(r.competitive, STRUCTURE_ZERO_START);
	assert_fails(r.allocation, STRUCTURE_ZERO_START);
	assert_int_equal(r.competitive.where.sector, 0);
}

static void
test_edge_cases(void **state)
{
	static const double x0[] = { 5, 10 }, x1[] = { 6, 12 };
	static const double r0[] = { 0, 100 }, r1[] = { 10, 90 };
	static const double zeros[] = { 0, 0 }, three[] = { 1, 2, 3 };
	static const double negative[] = { 5, -2 };
	struct structure_values a = VALUES(x0), b = VALUES(x1);
	struct structure_values c = VALUES(r0), d = VALUES(r1), z = VALUES(zeros);
	struct structure_values t = VALUES(three), neg = VALUES(negative);
	struct shift_share_result r;

	/* The region had sector 0 at t0, the reference had not: g_0 undefined. */
	shift_share_compute(&a, &b, &c, &d, NULL, &r);
	assert_int_equal(r.status, STRUCTURE_REFERENCE_ZERO);
	assert_int_equal(r.where.sector, 0);
	assert_true(r.where.reference);
	assert_true(isnan(r.dunn.national_share));
	assert_fails(r.competitive, STRUCTURE_REFERENCE_ZERO);

	shift_share_compute(&a, &t, &d, &d, NULL, &r);
	assert_int_equal(r.status, STRUCTURE_SIZE_MISMATCH);

	/* A region empty at t0 has no shift-share; empty at t1 it has. */
	shift_share_compute(&z, &b, &d, &d, NULL, &r);
	assert_int_equal(r.status, STRUCTURE_ZERO_TOTAL);
	assert_int_equal(r.where.period, 0);
	shift_share_compute(&a, &z, &d, &d, NULL, &r);
	assert_int_equal(r.status, STRUCTURE_OK);
	assert_close(r.dunn.growth, -15, 0);
	assert_close(r.dunn.national_share + r.dunn.industry_mix +
	    r.dunn.regional_share, -15, STRUCTURE_REL);
	/* A reference empty at t0 leaves g undefined. */
	shift_share_compute(&a, &b, &z, &d, NULL, &r);
	assert_int_equal(r.status, STRUCTURE_ZERO_TOTAL);
	assert_true(r.where.reference);

	shift_share_compute(&a, &neg, &d, &d, NULL, &r);
	assert_int_equal(r.status, STRUCTURE_NEGATIVE);
	assert_int_equal(r.where.period, 1);
	assert_int_equal(r.where.sector, 1);

	b.missing = (const bool[]){ true, false };
	shift_share_compute(&a, &b, &d, &d, NULL, &r);
	assert_int_equal(r.status, STRUCTURE_MISSING);
	assert_int_equal(r.where.sector, 0);
	assert_int_equal(r.where.period, 1);
}

/* Bottrop (DEA31) against Regierungsbezirk Münster (DEA3), 2000 → 2017, the six
 * exhaustive Eurostat groups. By hand (bc, section sums 47190 → 48230 and
 * 1173450 → 1295660): NS = 4914.644765435255017, IM = −221.238531844059383,
 * RS = −3653.406233591195634, net = −3874.644765435255017,
 * competitive = −2993.415624715616023, allocation = −659.990608875579611. */
static void
test_bottrop_vs_muenster(void **state)
{
	struct structure_values region[MUENSTER_YEARS], reference[MUENSTER_YEARS];
	struct shift_share_result step[MUENSTER_YEARS - 1], r;
	struct shift_share_dynamic d;
	double ns = 0, im = 0, rs = 0, growth = 0;
	size_t k, last = MUENSTER_YEARS - 1;

	for (k = 0; k < MUENSTER_YEARS; k++) {
		region[k] = values_of(bottrop_employment[k], MUENSTER_SECTORS);
		reference[k] = values_of(muenster_employment[k], MUENSTER_SECTORS);
	}
	shift_share_compute(&region[0], &region[last], &reference[0],
	    &reference[last], NULL, &r);
	assert_int_equal(r.status, STRUCTURE_OK);
	assert_close(r.dunn.growth, 1040, 0);
	assert_close(r.dunn.national_share, 4914.644765435255017, 1e-14);
	assert_close(r.dunn.industry_mix, -221.238531844059383, 1e-14);
	assert_close(r.dunn.regional_share, -3653.406233591195634, 1e-14);
	assert_close(r.dunn.net_total_shift, -3874.644765435255017, 1e-14);
	assert_close(r.competitive.value, -2993.415624715616023, 1e-14);
	assert_close(r.allocation.value, -659.990608875579611, 1e-14);
	/* Invariants: NS + IM + RS = growth, IM + RS = net, C + A = RS. */
	assert_close(r.dunn.national_share + r.dunn.industry_mix +
	    r.dunn.regional_share, r.dunn.growth, 1e-12);
	assert_close(r.dunn.industry_mix + r.dunn.regional_share,
	    r.dunn.net_total_shift, 1e-12);
	assert_close(r.competitive.value + r.allocation.value,
	    r.dunn.regional_share, 1e-12);

	/* Dynamic over the 17 steps: the sums of the steps, and the identity holds
	 * for the sums too; growth telescopes to 48230 − 47190. */
	shift_share_dynamic(region, reference, MUENSTER_YEARS, step, &d);
	assert_int_equal(d.status, STRUCTURE_OK);
	assert_int_equal(d.steps, MUENSTER_YEARS - 1);
	for (k = 0; k + 1 < MUENSTER_YEARS; k++) {
		assert_int_equal(step[k].status, STRUCTURE_OK);
		growth += step[k].dunn.growth;
		ns += step[k].dunn.national_share;
		im += step[k].dunn.industry_mix;
		rs += step[k].dunn.regional_share;
	}
	assert_close(d.dunn.growth, 1040, 1e-12);
	assert_close(growth, d.dunn.growth, 1e-12);
	assert_close(ns, d.dunn.national_share, 1e-12);
	assert_close(im, d.dunn.industry_mix, 1e-12);
	assert_close(rs, d.dunn.regional_share, 1e-12);
	assert_close(d.dunn.national_share + d.dunn.industry_mix +
	    d.dunn.regional_share, d.dunn.growth, 1e-12);
	/* The dynamic and the classic form differ: that is the point of it. */
	assert_true(fabs(d.dunn.national_share - r.dunn.national_share) > 1);
}

/* Every Land against Germany ("Insgesamt"), 2008 → 2014 and year by year, the
 * ten sector groups: the identities; and Germany against itself has no mix and
 * no regional share. */
static void
test_laender(void **state)
{
	struct structure_values region[LAENDER_YEARS], reference[LAENDER_YEARS];
	struct shift_share_result r;
	struct shift_share_dynamic d;
	size_t land, k, germany = 8;

	assert_string_equal(laender_regions[germany], "Insgesamt");
	for (k = 0; k < LAENDER_YEARS; k++)
		reference[k] = values_of(laender_employment[germany][k],
		    LAENDER_SECTORS);
	for (land = 0; land < LAENDER_REGIONS; land++) {
		for (k = 0; k < LAENDER_YEARS; k++)
			region[k] = values_of(laender_employment[land][k],
			    LAENDER_SECTORS);
		shift_share_compute(&region[0], &region[LAENDER_YEARS - 1],
		    &reference[0], &reference[LAENDER_YEARS - 1], NULL, &r);
		assert_int_equal(r.status, STRUCTURE_OK);
		assert_close(r.dunn.national_share + r.dunn.industry_mix +
		    r.dunn.regional_share, r.dunn.growth, 1e-12);
		assert_close(r.competitive.value + r.allocation.value,
		    r.dunn.regional_share, 1e-12);
		shift_share_dynamic(region, reference, LAENDER_YEARS, NULL, &d);
		assert_int_equal(d.status, STRUCTURE_OK);
		assert_close(d.dunn.national_share + d.dunn.industry_mix +
		    d.dunn.regional_share, d.dunn.growth, 1e-12);
		assert_close(d.dunn.growth, r.dunn.growth, 1e-12);
		if (land == germany) {
			/* Zero up to the rounding of terms of the size of the
			 * sectors (~1e6): held to 1e-12 of the total (~2.7e7). */
			assert_true(fabs(r.dunn.industry_mix) < 1e-12 * r.region_start);
			assert_true(r.dunn.regional_share == 0);
			assert_true(d.dunn.regional_share == 0);
			assert_close(r.dunn.national_share, r.dunn.growth, 1e-12);
		}
	}
}

/* METHODS §3.8 for region A, t0 → t1. By hand (bc), LQ at t1:
 * (100/205)/(440/1265) = 1.402439024390243902, (40/205)/(210/1265) =
 * 1.175377468060394890, (10/205)/(135/1265) = .457091237579042457,
 * (55/205)/(480/1265) = .707063008130081301; r_i − g_i = (1/90, 3/5, 1/10,
 * −17/60). Quadrants: specialised & gaining, specialised & gaining,
 * unspecialised & gaining, unspecialised & losing. */
static void
test_portfolio_region_a(void **state)
{
	struct structure_values a0 = VALUES(region_a_t0), a1 = VALUES(region_a_t1);
	struct structure_values n0 = VALUES(nation_t0), n1 = VALUES(nation_t1);
	struct portfolio_entry e[4];

	assert_int_equal(portfolio_classify(&a0, &a1, &n0, &n1, e), STRUCTURE_OK);
	assert_close(e[0].location_quotient, 1.402439024390243902, STRUCTURE_REL);
	assert_close(e[1].location_quotient, 1.175377468060394890, STRUCTURE_REL);
	assert_close(e[2].location_quotient, 0.457091237579042457, STRUCTURE_REL);
	assert_close(e[3].location_quotient, 0.707063008130081301, STRUCTURE_REL);
	assert_close(e[0].relative_growth, 1.0 / 90.0, STRUCTURE_REL);
	assert_close(e[3].relative_growth, -17.0 / 60.0, STRUCTURE_REL);
	assert_close(e[1].region_rate, 1, STRUCTURE_REL);
	assert_close(e[1].reference_rate, 0.4, STRUCTURE_REL);
	assert_int_equal(e[0].quadrant, PORTFOLIO_SPECIALISED_GAINING);
	assert_int_equal(e[1].quadrant, PORTFOLIO_SPECIALISED_GAINING);
	assert_int_equal(e[2].quadrant, PORTFOLIO_UNSPECIALISED_GAINING);
	assert_int_equal(e[3].quadrant, PORTFOLIO_UNSPECIALISED_LOSING);
	assert_string_equal(portfolio_quadrant_names[e[3].quadrant],
	    "unspecialised_losing");
}

static void
test_portfolio_edge_cases(void **state)
{
	static const double x0[] = { 0, 10, 5 }, x1[] = { 4, 8, 5 };
	static const double r0[] = { 50, 50, 0 }, r1[] = { 60, 40, 10 };
	static const double zeros[] = { 0, 0, 0 };
	struct structure_values a = VALUES(x0), b = VALUES(x1);
	struct structure_values c = VALUES(r0), d = VALUES(r1), z = VALUES(zeros);
	struct portfolio_entry e[3];

	assert_int_equal(portfolio_classify(&a, &b, &c, &d, e), STRUCTURE_OK);
	assert_int_equal(e[0].status, STRUCTURE_ZERO_START);
	assert_true(isnan(e[0].location_quotient));
	assert_int_equal(e[2].status, STRUCTURE_REFERENCE_ZERO);
	assert_true(e[2].reference);
	/* Sector 1: LQ (8/17)/(40/110) = 1.294…, r − g = −.2 − (−.2) = 0: not
	 * gaining. */
	assert_int_equal(e[1].status, STRUCTURE_OK);
	assert_int_equal(e[1].quadrant, PORTFOLIO_SPECIALISED_LOSING);

	assert_int_equal(portfolio_classify(&a, &z, &c, &d, e),
	    STRUCTURE_ZERO_TOTAL);
	assert_int_equal(e[1].status, STRUCTURE_ZERO_TOTAL);
	assert_true(isnan(e[1].relative_growth));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_textbook_regions),
		cmocka_unit_test(test_esteban_marquillas_by_hand),
		cmocka_unit_test(test_dynamic_reat_example),
		cmocka_unit_test(test_zero_start_rule),
		cmocka_unit_test(test_edge_cases),
		cmocka_unit_test(test_bottrop_vs_muenster),
		cmocka_unit_test(test_laender),
		cmocka_unit_test(test_portfolio_region_a),
		cmocka_unit_test(test_portfolio_edge_cases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
