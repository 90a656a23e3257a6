/* Unit tests of src/core/structure.c (METHODS §3.1–3.5): worked examples from
 * the REAT and EconGeo documentation and hand calculations, invariants on real
 * data (Bottrop vs Münster, Göttingen vs Germany, the Länder in matrix mode), and
 * every edge case giving a status instead of a number. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "core/structure.h"
#include "core/variety.h"
#include "unit/structure_support.h"

#include "data/structure/goettingen.h"
#include "data/structure/laender_industries.h"
#include "data/structure/muenster.h"

/* REAT herf() documentation, example from Dörsam (2004): sales (20, 50, 20, 10)
 * "returns the non-standardized HHI (0.34)" and "the standardized HHI (0.12)".
 * By hand: s = (.2, .5, .2, .1), H = .04 + .25 + .04 + .01 = .34;
 * H* = (.34 − .25) / (1 − .25) = .09 / .75 = .12; 1/H = 2.9411764705882353. */
static void
test_herfindahl_doersam(void **state)
{
	static const double sales[] = { 20, 50, 20, 10 };
	struct structure_values x = VALUES(sales);
	struct structure_herfindahl h;

	structure_herfindahl(&x, &h);
	assert_ok(h.hhi);
	assert_close(h.hhi.value, 0.34, STRUCTURE_REL);
	assert_close(h.normalised.value, 0.12, STRUCTURE_REL);
	assert_close(h.equivalent.value, 2.9411764705882353, STRUCTURE_REL);
	assert_int_equal(h.n, 4);
}

/* Equal sectors: H = 1/n, H* = 0, 1/H = n, E = log2 n. Complete concentration
 * with zeros counted in n (METHODS §3): (0, 0, 7, 0) → H = 1, H* = 1, E = 0. */
static void
test_herfindahl_bounds(void **state)
{
	static const double equal[] = { 3, 3, 3, 3, 3, 3, 3, 3 };
	static const double one[] = { 0, 0, 7, 0 };
	struct structure_values x = VALUES(equal), y = VALUES(one);
	struct structure_herfindahl h;
	struct structure_measure e;

	structure_herfindahl(&x, &h);
	assert_close(h.hhi.value, 0.125, STRUCTURE_REL);
	assert_close(h.normalised.value, 0, STRUCTURE_REL);
	assert_close(h.equivalent.value, 8, STRUCTURE_REL);
	structure_entropy(&x, STRUCTURE_BASE_2, &e);
	assert_close(e.value, 3, STRUCTURE_REL);

	structure_herfindahl(&y, &h);
	assert_close(h.hhi.value, 1, STRUCTURE_REL);
	assert_close(h.normalised.value, 1, STRUCTURE_REL);
	assert_close(h.equivalent.value, 1, STRUCTURE_REL);
	structure_entropy(&y, STRUCTURE_BASE_2, &e);
	assert_ok(e);
	assert_true(e.value == 0 && !signbit(e.value));
}

/* METHODS §3.3 check values: counts (10, 0, 5, 5) → s = (.5, 0, .25, .25),
 * E = −(.5·log2 .5 + 2·.25·log2 .25) = .5 + 1 = 1.5 bits; in nats
 * 1.5·ln 2 = 1.0397207708399179 (bc: 1.03972077083991796411). */
static void
test_entropy_bits_and_nats(void **state)
{
	static const double counts[] = { 10, 0, 5, 5 };
	struct structure_values x = VALUES(counts);
	struct structure_measure e;

	structure_entropy(&x, STRUCTURE_BASE_2, &e);
	assert_ok(e);
	assert_close(e.value, 1.5, STRUCTURE_REL);
	structure_entropy(&x, STRUCTURE_BASE_E, &e);
	assert_close(e.value, 1.0397207708399179, STRUCTURE_REL);
}

/* REAT krugman.spec() documentation (Farhauer/Kröll 2013, modified): E_ij =
 * (20, 10, 70, 0, 0) against E_il = (0, 0, 0, 60, 40) "results the specialization
 * coefficient (2)": no sector in common, the maximum without the ½ factor. */
static void
test_krugman_reat_maximum(void **state)
{
	static const double region[] = { 20, 10, 70, 0, 0 };
	static const double other[] = { 0, 0, 0, 60, 40 };
	struct structure_values x = VALUES(region), y = VALUES(other);
	struct structure_reference ref;
	struct structure_measure k;

	structure_reference_prepare(&y, NULL, &ref);
	structure_krugman(&x, &ref, &k);
	assert_ok(k);
	assert_close(k.value, 2, STRUCTURE_REL);
}

/* By hand: region (30, 20, 50), reference (50, 30, 20). s = (.3, .2, .5),
 * S = (.5, .3, .2). K = .2 + .1 + .3 = .6. LQ = (.6, .666…, 2.5), and
 * Σ S_i·LQ_i = .3 + .2 + .5 = 1. */
static void
test_krugman_and_lq_by_hand(void **state)
{
	static const double region[] = { 30, 20, 50 };
	static const double reference[] = { 50, 30, 20 };
	struct structure_values x = VALUES(region), y = VALUES(reference);
	struct structure_reference ref;
	struct structure_measure k;
	struct structure_lq lq[3];
	struct structure_lq_summary sum;
	double share[3];
	struct structure_measure total;

	structure_reference_prepare(&y, NULL, &ref);
	assert_ok(ref.total);
	assert_close(ref.total.value, 100, STRUCTURE_REL);
	structure_krugman(&x, &ref, &k);
	assert_close(k.value, 0.6, STRUCTURE_REL);
	structure_location_quotients(&x, NULL, &ref, lq, &sum);
	assert_int_equal(sum.status, STRUCTURE_OK);
	assert_int_equal(sum.computed, 3);
	assert_close(lq[0].value, 0.6, STRUCTURE_REL);
	assert_close(lq[1].value, 2.0 / 3.0, STRUCTURE_REL);
	assert_close(lq[2].value, 2.5, STRUCTURE_REL);
	structure_shares(&y, share, &total);
	assert_close(share[0] * lq[0].value + share[1] * lq[1].value +
	    share[2] * lq[2].value, 1, STRUCTURE_REL);
}

/* REAT locq() documentation, example from Farhauer/Kröll (2013):
 * locq(1714, 79006, 879213, 15593224) "returns the location quotient
 * (0.3847623)": one sector with the published totals of region and nation.
 * bc: (1714/79006)/(879213/15593224) = .38476234230132810422. */
static void
test_lq_reat_published_totals(void **state)
{
	static const double region[] = { 1714 };
	static const double nation[] = { 879213 };
	struct structure_values x = VALUES(region), y = VALUES(nation);
	const double region_total = 79006, nation_total = 15593224;
	struct structure_reference ref;
	struct structure_lq lq[1];
	struct structure_lq_summary sum;

	structure_reference_prepare(&y, &nation_total, &ref);
	assert_true(ref.published_total);
	structure_location_quotients(&x, &region_total, &ref, lq, &sum);
	assert_int_equal(lq[0].status, STRUCTURE_OK);
	assert_true(sum.published_totals);
	assert_close(lq[0].value, 0.38476234230132810, STRUCTURE_REL);
	assert_true(fabs(lq[0].value - 0.3847623) < 5e-8);	/* as printed */
	assert_close(sum.region_total, 79006, 0);
	assert_close(sum.reference_total, 15593224, 0);
}

/* EconGeo location_quotient() / krugman_index() documentation matrix (regions
 * R1..R5 × industries I1..I5). By hand: every row and every column sums to 100,
 * the grand total is 500, so S_j = .2 and LQ_rj = (x_rj/100)/.2 = x_rj/20.
 * R2 = (0, 15, 5, 70, 10): LQ = (0, .75, .25, 3.5, .5); Krugman
 * = .2 + .05 + .15 + .5 + .1 = 1; H = .0225 + .0025 + .49 + .01 = .525.
 * R1 = (100, 0, 0, 0, 0): Krugman = .8 + 4·.2 = 1.6; H = 1; E = 0. */
static void
test_matrix_econgeo_example(void **state)
{
	static const double mat[5 * 5] = {
		100, 0, 0, 0, 0,
		0, 15, 5, 70, 10,
		0, 20, 10, 20, 50,
		0, 25, 30, 5, 40,
		0, 40, 55, 5, 0,
	};
	static const double want_r2[5] = { 0, 0.75, 0.25, 3.5, 0.5 };
	struct structure_matrix m = { mat, NULL, 5, 5 };
	double colsum[5], comp[5];
	struct structure_reference ref;
	struct structure_values row;
	struct structure_measure k, e;
	struct structure_herfindahl h;
	struct structure_lq lq[5];
	struct structure_lq_summary sum;
	size_t j;

	structure_matrix_reference(&m, colsum, comp, &ref);
	assert_int_equal(ref.kind, STRUCTURE_REFERENCE_MATRIX);
	assert_close(ref.total.value, 500, STRUCTURE_REL);
	for (j = 0; j < 5; j++)
		assert_close(colsum[j], 100, STRUCTURE_REL);

	row = structure_matrix_row(&m, 1);
	structure_location_quotients(&row, NULL, &ref, lq, &sum);
	for (j = 0; j < 5; j++)
		assert_close(lq[j].value, want_r2[j], STRUCTURE_REL);
	structure_krugman(&row, &ref, &k);
	assert_close(k.value, 1, STRUCTURE_REL);
	structure_herfindahl(&row, &h);
	assert_close(h.hhi.value, 0.525, STRUCTURE_REL);

	row = structure_matrix_row(&m, 0);
	structure_krugman(&row, &ref, &k);
	assert_close(k.value, 1.6, STRUCTURE_REL);
	structure_herfindahl(&row, &h);
	assert_close(h.hhi.value, 1, STRUCTURE_REL);
	structure_entropy(&row, STRUCTURE_BASE_2, &e);
	assert_close(e.value, 0, STRUCTURE_REL);
}

/* Edge cases: every one a status, a NAN value, and the sector concerned. */
static void
test_edge_cases(void **state)
{
	static const double zeros[] = { 0, 0, 0 };
	static const double single[] = { 42 };
	static const double with_missing[] = { 5, 7, 9 };
	static const bool missing[] = { false, true, false };
	static const double negative[] = { 5, -1, 9 };
	static const double not_finite[] = { 5, 3, INFINITY };
	struct structure_values empty = { NULL, NULL, 0 };
	struct structure_values x;
	struct structure_herfindahl h;
	struct structure_measure m;
	double share[3];

	structure_herfindahl(&empty, &h);
	assert_fails(h.hhi, STRUCTURE_EMPTY);
	assert_fails(h.normalised, STRUCTURE_EMPTY);
	structure_entropy(&empty, STRUCTURE_BASE_2, &m);
	assert_fails(m, STRUCTURE_EMPTY);

	x = VALUES(zeros);
	structure_herfindahl(&x, &h);
	assert_fails(h.hhi, STRUCTURE_ZERO_TOTAL);
	assert_fails(h.equivalent, STRUCTURE_ZERO_TOTAL);
	structure_entropy(&x, STRUCTURE_BASE_2, &m);
	assert_fails(m, STRUCTURE_ZERO_TOTAL);
	structure_shares(&x, share, &m);
	assert_fails(m, STRUCTURE_ZERO_TOTAL);
	assert_true(isnan(share[0]) && isnan(share[2]));

	x = VALUES(single);
	structure_herfindahl(&x, &h);
	assert_close(h.hhi.value, 1, 0);
	assert_fails(h.normalised, STRUCTURE_ONE_SECTOR);
	structure_entropy(&x, STRUCTURE_BASE_E, &m);
	assert_close(m.value, 0, 0);

	x = VALUES(with_missing);
	x.missing = missing;
	structure_herfindahl(&x, &h);
	assert_fails(h.hhi, STRUCTURE_MISSING);
	assert_int_equal(h.hhi.where.sector, 1);
	assert_false(h.hhi.where.reference);
	structure_total(&x, &m, NULL);
	assert_fails(m, STRUCTURE_MISSING);

	x = VALUES(negative);
	structure_entropy(&x, STRUCTURE_BASE_2, &m);
	assert_fails(m, STRUCTURE_NEGATIVE);
	assert_int_equal(m.where.sector, 1);

	x = VALUES(not_finite);
	structure_herfindahl(&x, &h);
	assert_fails(h.hhi, STRUCTURE_NOT_FINITE);
	assert_int_equal(h.hhi.where.sector, 2);

	/* A bad figure is reported before a missing one, whatever the order. */
	x = VALUES(negative);
	x.missing = (const bool[]){ true, false, false };
	structure_total(&x, &m, NULL);
	assert_fails(m, STRUCTURE_NEGATIVE);
}

static void
test_reference_edge_cases(void **state)
{
	static const double region[] = { 10, 20, 30 };
	static const double reference_zero[] = { 100, 0, 50 };
	static const double short_reference[] = { 100, 50 };
	static const double zeros[] = { 0, 0, 0 };
	static const double with_missing[] = { 100, 200, 300 };
	struct structure_values x = VALUES(region), y;
	struct structure_reference ref;
	struct structure_measure k;
	struct structure_lq lq[3];
	struct structure_lq_summary sum;
	const double published = 1000;

	/* S_i = 0 → that quotient is not computable; the others are. */
	y = VALUES(reference_zero);
	structure_reference_prepare(&y, NULL, &ref);
	structure_location_quotients(&x, NULL, &ref, lq, &sum);
	assert_int_equal(sum.status, STRUCTURE_OK);
	assert_int_equal(sum.computed, 2);
	assert_int_equal(sum.not_computable, 1);
	assert_int_equal(lq[1].status, STRUCTURE_REFERENCE_ZERO);
	assert_true(lq[1].reference);
	assert_true(isnan(lq[1].value));
	/* (10/60) / (100/150) = .25 */
	assert_close(lq[0].value, 0.25, STRUCTURE_REL);
	/* Krugman is still defined: shares (1/6, 1/3, 1/2) vs (2/3, 0, 1/3):
	 * 1/2 + 1/3 + 1/6 = 1. */
	structure_krugman(&x, &ref, &k);
	assert_close(k.value, 1, STRUCTURE_REL);

	y = VALUES(short_reference);
	structure_reference_prepare(&y, NULL, &ref);
	structure_krugman(&x, &ref, &k);
	assert_fails(k, STRUCTURE_SIZE_MISMATCH);
	structure_location_quotients(&x, NULL, &ref, lq, &sum);
	assert_int_equal(sum.status, STRUCTURE_SIZE_MISMATCH);
	assert_true(isnan(lq[0].value) && isnan(lq[2].value));

	y = VALUES(zeros);
	structure_reference_prepare(&y, NULL, &ref);
	structure_krugman(&x, &ref, &k);
	assert_fails(k, STRUCTURE_ZERO_TOTAL);
	assert_true(k.where.reference);

	structure_krugman(&x, NULL, &k);
	assert_fails(k, STRUCTURE_NO_REFERENCE);

	/* A missing reference figure leaves ΣX unknown … */
	y = VALUES(with_missing);
	y.missing = (const bool[]){ false, false, true };
	structure_reference_prepare(&y, NULL, &ref);
	structure_krugman(&x, &ref, &k);
	assert_fails(k, STRUCTURE_MISSING);
	assert_true(k.where.reference);
	assert_int_equal(k.where.sector, 2);
	structure_location_quotients(&x, NULL, &ref, lq, &sum);
	assert_int_equal(sum.status, STRUCTURE_MISSING);
	assert_int_equal(sum.not_computable, 3);
	/* … unless a published total says what the whole is: then only sector 2
	 * is lost. (10/60)/(100/1000) = 1.6666…, (20/60)/(200/1000) = 1.6666… */
	structure_reference_prepare(&y, &published, &ref);
	structure_location_quotients(&x, NULL, &ref, lq, &sum);
	assert_int_equal(sum.status, STRUCTURE_OK);
	assert_int_equal(sum.computed, 2);
	assert_int_equal(lq[2].status, STRUCTURE_MISSING);
	assert_true(lq[2].reference);
	assert_close(lq[0].value, 10.0 / 6.0, STRUCTURE_REL);
	assert_close(lq[1].value, 10.0 / 6.0, STRUCTURE_REL);
	/* Krugman never uses the published total: still not computable. */
	structure_krugman(&x, &ref, &k);
	assert_fails(k, STRUCTURE_MISSING);
}

static void
test_matrix_edge_cases(void **state)
{
	/* Row 1 is all zeros, as two rows of the ADH matrix are. */
	static const double mat[3 * 2] = { 4, 6, 0, 0, 5, 5 };
	static const bool missing[3 * 2] = { false, false, false, true, false, false };
	struct structure_matrix m = { mat, NULL, 3, 2 };
	double colsum[2], comp[2];
	struct structure_reference ref;
	struct structure_values row;
	struct structure_measure k;
	struct structure_lq lq[2];
	struct structure_lq_summary sum;

	structure_matrix_reference(&m, colsum, comp, &ref);
	assert_ok(ref.total);
	row = structure_matrix_row(&m, 1);
	structure_krugman(&row, &ref, &k);
	assert_fails(k, STRUCTURE_ZERO_TOTAL);
	structure_location_quotients(&row, NULL, &ref, lq, &sum);
	assert_int_equal(sum.status, STRUCTURE_ZERO_TOTAL);
	assert_true(isnan(lq[0].value));
	/* The other rows are unaffected: S = (9/20, 11/20); row 0 s = (.4, .6):
	 * K = .05 + .05 = .1. */
	row = structure_matrix_row(&m, 0);
	structure_krugman(&row, &ref, &k);
	assert_close(k.value, 0.1, STRUCTURE_REL);

	m.missing = missing;
	structure_matrix_reference(&m, colsum, comp, &ref);
	assert_fails(ref.total, STRUCTURE_MISSING);
	assert_int_equal(ref.total.where.region, 1);
	assert_int_equal(ref.total.where.sector, 1);
	row = structure_matrix_row(&m, 0);
	structure_krugman(&row, &ref, &k);
	assert_fails(k, STRUCTURE_MISSING);
	assert_true(k.where.reference);

	m.missing = NULL;
	m.cols = 0;
	structure_matrix_reference(&m, colsum, comp, &ref);
	assert_fails(ref.total, STRUCTURE_EMPTY);
}

/* Compensated sums: one large cell and many small ones. Naive summation of
 * 1e16 + 10000 × 1 in that order loses every 1; the exact total is 1e16 + 1e4. */
static void
test_compensated_total(void **state)
{
	static double v[10001];
	struct structure_values x = { v, NULL, 10001 };
	struct structure_measure t;
	size_t i;

	v[0] = 1e16;
	for (i = 1; i <= 10000; i++)
		v[i] = 1;
	structure_total(&x, &t, NULL);
	assert_true(t.value == 1e16 + 1e4);
}

/* Göttingen (REAT data): the 15 sections do not add up to the published A-R
 * row. 2017 by hand: 45 + 466 + 7874 + 1334 + 7051 + 2481 + 2251 + 2032 + 1739
 * + 7915 + 4875 + 3936 + 7488 + 16896 + 900 = 67283, published 69403: 2120
 * short. Germany's sections add up exactly (32164973). */
static void
test_goettingen_total_check(void **state)
{
	double g[GOETTINGEN_SECTORS], d[GOETTINGEN_SECTORS];
	struct structure_values x = { g, NULL, GOETTINGEN_SECTORS };
	struct structure_values y = { d, NULL, GOETTINGEN_SECTORS };
	struct structure_total_check check;
	size_t i, year;

	for (year = 0; year < GOETTINGEN_YEARS; year++) {
		for (i = 0; i < GOETTINGEN_SECTORS; i++) {
			g[i] = goettingen_employment[i][year];
			d[i] = germany_employment[i][year];
		}
		structure_check_total(&x, goettingen_published_total[year], 0.5,
		    &check);
		assert_ok(check.sector_sum);
		assert_int_equal(check.coverage, STRUCTURE_COVERAGE_SHORT);
		assert_true(check.difference > 1900 && check.difference < 2300);
		structure_check_total(&y, germany_published_total[year], 0.5,
		    &check);
		assert_int_equal(check.coverage, STRUCTURE_COVERAGE_COMPLETE);
		assert_close(check.difference, 0, 0);
	}
	for (i = 0; i < GOETTINGEN_SECTORS; i++)
		g[i] = goettingen_employment[i][GOETTINGEN_YEARS - 1];
	structure_check_total(&x, goettingen_published_total[GOETTINGEN_YEARS - 1],
	    0.5, &check);
	assert_close(check.sector_sum.value, 67283, 0);
	assert_close(check.difference, 2120, 0);
	assert_close(check.relative, 2120.0 / 69403.0, STRUCTURE_REL);
	assert_string_equal(structure_coverage_names[check.coverage], "short");
}

/* Göttingen vs Germany 2017, as in the REAT Goettingen documentation:
 * locq(Goettingen2017[2:16], Goettingen2017[1], BRD2017[2:16], BRD2017[1]) uses
 * the published A-R totals; krugman.spec(Goettingen2017[2:16], BRD2017[2:16]) the
 * section sums. By hand (bc):
 *   LQ of Q (health) = (16896/69403)/(4676036/32164973) = 1.67459967423044103196
 *   K = Σ |x_i/67283 − X_i/32164973| = .450846878361571499827
 * and with published totals Σ S_i·LQ_i = Σ x_i/69403 = 67283/69403
 * = .96945377000994193334, the coverage of the sections. */
static void
test_goettingen_vs_germany(void **state)
{
	double g[GOETTINGEN_SECTORS], d[GOETTINGEN_SECTORS];
	struct structure_values x = { g, NULL, GOETTINGEN_SECTORS };
	struct structure_values y = { d, NULL, GOETTINGEN_SECTORS };
	const size_t last = GOETTINGEN_YEARS - 1, q = 13;
	const double gt = goettingen_published_total[last];
	const double dt = germany_published_total[last];
	struct structure_reference ref;
	struct structure_lq lq[GOETTINGEN_SECTORS];
	struct structure_lq_summary sum;
	struct structure_measure k;
	double weighted = 0;
	size_t i;

	for (i = 0; i < GOETTINGEN_SECTORS; i++) {
		g[i] = goettingen_employment[i][last];
		d[i] = germany_employment[i][last];
	}
	assert_string_equal(goettingen_sector_codes[q], "Q");
	structure_reference_prepare(&y, &dt, &ref);
	structure_location_quotients(&x, &gt, &ref, lq, &sum);
	assert_int_equal(sum.computed, GOETTINGEN_SECTORS);
	assert_close(lq[q].value, 1.67459967423044103, STRUCTURE_REL);
	for (i = 0; i < GOETTINGEN_SECTORS; i++)
		weighted += d[i] / dt * lq[i].value;
	assert_close(weighted, 0.96945377000994193, STRUCTURE_REL);

	structure_krugman(&x, &ref, &k);
	assert_close(k.value, 0.45084687836157150, STRUCTURE_REL);
}

/* Bottrop (DEA31) against Regierungsbezirk Münster (DEA3), 2000–2017, Eurostat:
 * the invariants of METHODS §3 for every year. */
static void
test_bottrop_vs_muenster_invariants(void **state)
{
	struct structure_reference ref;
	struct structure_values x, y;
	struct structure_herfindahl h;
	struct structure_measure e, k, total;
	struct structure_lq lq[MUENSTER_SECTORS];
	struct structure_lq_summary sum;
	struct structure_total_check check;
	double share[MUENSTER_SECTORS], ref_share[MUENSTER_SECTORS];
	double s, weighted;
	size_t year, i;

	for (year = 0; year < MUENSTER_YEARS; year++) {
		x = values_of(bottrop_employment[year], MUENSTER_SECTORS);
		y = values_of(muenster_employment[year], MUENSTER_SECTORS);
		structure_shares(&x, share, &total);
		assert_ok(total);
		for (s = 0, i = 0; i < MUENSTER_SECTORS; i++)
			s += share[i];
		assert_close(s, 1, 1e-14);

		structure_herfindahl(&x, &h);
		assert_true(h.normalised.value >= 0 && h.normalised.value <= 1);
		assert_true(h.hhi.value >= 1.0 / MUENSTER_SECTORS);
		assert_close(h.equivalent.value * h.hhi.value, 1, 1e-14);
		structure_entropy(&x, STRUCTURE_BASE_2, &e);
		assert_true(e.value > 0 && e.value <= log2(MUENSTER_SECTORS));

		structure_reference_prepare(&y, NULL, &ref);
		structure_krugman(&x, &ref, &k);
		assert_true(k.value >= 0 && k.value <= 2);
		structure_location_quotients(&x, NULL, &ref, lq, &sum);
		assert_int_equal(sum.computed, MUENSTER_SECTORS);
		structure_shares(&y, ref_share, &total);
		for (weighted = 0, i = 0; i < MUENSTER_SECTORS; i++)
			weighted += ref_share[i] * lq[i].value;
		assert_close(weighted, 1, 1e-14);

		/* The six groups are exhaustive: they meet TOTAL within the
		 * rounding to tens of the published figures. */
		structure_check_total(&x, bottrop_published_total[year], 20, &check);
		assert_int_equal(check.coverage, STRUCTURE_COVERAGE_COMPLETE);
		structure_check_total(&y, muenster_published_total[year], 20, &check);
		assert_int_equal(check.coverage, STRUCTURE_COVERAGE_COMPLETE);
	}
	/* 2000 by hand: 390 + 10650 + 3370 + 11670 + 4210 + 16900 = 47190 against a
	 * published 47180: with no tolerance the groups exceed it by 10. */
	x = values_of(bottrop_employment[0], MUENSTER_SECTORS);
	structure_check_total(&x, bottrop_published_total[0], 0, &check);
	assert_int_equal(check.coverage, STRUCTURE_COVERAGE_EXCESS);
	assert_close(check.difference, -10, 0);
	/* Bottrop 2017, B_E (mining, manufacturing, energy) by hand:
	 * (7950/48230)/(225750/1295660) = .9460479719615932240516958 (bc). */
	x = values_of(bottrop_employment[17], MUENSTER_SECTORS);
	y = values_of(muenster_employment[17], MUENSTER_SECTORS);
	structure_reference_prepare(&y, NULL, &ref);
	structure_location_quotients(&x, NULL, &ref, lq, &sum);
	assert_close(lq[1].value, 0.94604797196159322, STRUCTURE_REL);
}

/* The Länder in matrix mode (REAT G.regions.industries, 2015, 16 × 17): the
 * reference is the column sums (EconGeo). Invariants: for every region
 * Σ_j S_j·LQ_rj = 1, K in [0, 2]; for every sector Σ_r (T_r/T)·LQ_rj = 1.
 * Saarland by hand (bc, row total 476500, grand total 39055000, column C
 * 7517800): LQ_C = (107800/476500)/(7517800/39055000) = 1.17528104058707313657,
 * K = .114538656773622046450, H = .122457407931434284399,
 * E = 3.403826840652944056218 bits. */
static void
test_laender_matrix_mode(void **state)
{
	struct structure_matrix m = {
		&industries_employment[0][0], NULL, INDUSTRIES_REGIONS,
		INDUSTRIES_SECTORS
	};
	double colsum[INDUSTRIES_SECTORS], comp[INDUSTRIES_SECTORS];
	double column_check[INDUSTRIES_SECTORS] = { 0 };
	struct structure_lq lq[INDUSTRIES_REGIONS][INDUSTRIES_SECTORS];
	struct structure_reference ref;
	struct structure_lq_summary sum;
	struct structure_values row;
	struct structure_measure k, e, total;
	struct structure_herfindahl h;
	double weighted;
	size_t r, j, saarland = 11;

	structure_matrix_reference(&m, colsum, comp, &ref);
	assert_close(ref.total.value, 39055000, 0);
	assert_close(colsum[1], 7517800, 0);
	for (r = 0; r < INDUSTRIES_REGIONS; r++) {
		row = structure_matrix_row(&m, r);
		structure_location_quotients(&row, NULL, &ref, lq[r], &sum);
		assert_int_equal(sum.computed, INDUSTRIES_SECTORS);
		structure_total(&row, &total, NULL);
		for (weighted = 0, j = 0; j < INDUSTRIES_SECTORS; j++) {
			weighted += colsum[j] / ref.total.value * lq[r][j].value;
			column_check[j] += total.value / ref.total.value *
			    lq[r][j].value;
		}
		assert_close(weighted, 1, 1e-14);
		structure_krugman(&row, &ref, &k);
		assert_true(k.value >= 0 && k.value <= 2);
	}
	for (j = 0; j < INDUSTRIES_SECTORS; j++)
		assert_close(column_check[j], 1, 1e-14);
	/* Bremen has no mining (B = 0): its quotient is 0, computed, not missing. */
	assert_string_equal(industries_regions[4], "HB");
	assert_int_equal(lq[4][0].status, STRUCTURE_OK);
	assert_true(lq[4][0].value == 0);

	assert_string_equal(industries_regions[saarland], "SL");
	assert_close(lq[saarland][1].value, 1.17528104058707314, STRUCTURE_REL);
	row = structure_matrix_row(&m, saarland);
	structure_krugman(&row, &ref, &k);
	assert_close(k.value, 0.11453865677362205, STRUCTURE_REL);
	structure_herfindahl(&row, &h);
	assert_close(h.hhi.value, 0.12245740793143428, STRUCTURE_REL);
	structure_entropy(&row, STRUCTURE_BASE_2, &e);
	assert_close(e.value, 3.4038268406529441, STRUCTURE_REL);
}

/* The profile gives what the single functions give, and names what it could not
 * compute: variety without a grouping, Krugman and LQ without a reference. */
static void
test_profile(void **state)
{
	static const double counts[] = { 10, 0, 5, 5 };
	static const double reference[] = { 20, 20, 20, 40 };
	static const size_t group[] = { 0, 0, 1, 1 };
	struct variety_groups groups = { group, 4, 2 };
	double workspace[VARIETY_WORKSPACE(2)];
	struct structure_values x = VALUES(counts), y = VALUES(reference);
	struct structure_reference ref;
	struct structure_lq lq[4];
	struct structure_profile_input in = { x, &ref, &groups, workspace,
	    STRUCTURE_BASE_2, lq };
	struct structure_profile p;

	structure_reference_prepare(&y, NULL, &ref);
	structure_profile_compute(&in, &p);
	assert_int_equal(p.sectors, 4);
	assert_int_equal(p.nonzero, 3);
	assert_close(p.total.value, 20, 0);
	assert_close(p.herfindahl.hhi.value, 0.375, STRUCTURE_REL);
	assert_close(p.entropy.value, 1.5, STRUCTURE_REL);
	assert_close(p.unrelated_variety.value, 1, STRUCTURE_REL);
	assert_close(p.related_variety.value, 0.5, STRUCTURE_REL);
	assert_int_equal(p.groups_nonempty, 2);
	assert_true(p.has_reference);
	assert_close(p.reference_total.value, 100, 0);
	/* s = (.5, 0, .25, .25), S = (.2, .2, .2, .4): K = .3 + .2 + .05 + .15 = .7;
	 * LQ = (2.5, 0, 1.25, .625). */
	assert_close(p.krugman.value, 0.7, STRUCTURE_REL);
	assert_int_equal(p.lq.computed, 4);
	assert_close(lq[0].value, 2.5, STRUCTURE_REL);
	assert_close(lq[3].value, 0.625, STRUCTURE_REL);

	in.reference = NULL;
	in.groups = NULL;
	in.lq = NULL;
	structure_profile_compute(&in, &p);
	assert_fails(p.unrelated_variety, STRUCTURE_NO_GROUPS);
	assert_fails(p.related_variety, STRUCTURE_NO_GROUPS);
	assert_fails(p.krugman, STRUCTURE_NO_REFERENCE);
	assert_false(p.has_reference);
	assert_int_equal(p.lq.status, STRUCTURE_NO_REFERENCE);
}

static void
test_status_tables(void **state)
{
	int s;

	for (s = 0; s < STRUCTURE_STATUS__MAX; s++) {
		assert_non_null(structure_status_names[s]);
		assert_non_null(structure_status_reason(s));
		assert_true(strlen(structure_status_reason(s)) > 5);
	}
	assert_string_equal(structure_status_names[STRUCTURE_ZERO_TOTAL],
	    "zero_total");
	assert_string_equal(structure_status_reason(STRUCTURE_STATUS__MAX),
	    "Unknown status.");
	assert_string_equal(structure_base_names[STRUCTURE_BASE_E], "e");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_herfindahl_doersam),
		cmocka_unit_test(test_herfindahl_bounds),
		cmocka_unit_test(test_entropy_bits_and_nats),
		cmocka_unit_test(test_krugman_reat_maximum),
		cmocka_unit_test(test_krugman_and_lq_by_hand),
		cmocka_unit_test(test_lq_reat_published_totals),
		cmocka_unit_test(test_matrix_econgeo_example),
		cmocka_unit_test(test_edge_cases),
		cmocka_unit_test(test_reference_edge_cases),
		cmocka_unit_test(test_matrix_edge_cases),
		cmocka_unit_test(test_compensated_total),
		cmocka_unit_test(test_goettingen_total_check),
		cmocka_unit_test(test_goettingen_vs_germany),
		cmocka_unit_test(test_bottrop_vs_muenster_invariants),
		cmocka_unit_test(test_laender_matrix_mode),
		cmocka_unit_test(test_profile),
		cmocka_unit_test(test_status_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
