/*
 * Unit tests of src/core/assess_opensdg: the Open SDG progress measure (METHODS
 * §2.4). The two worked cases are Open SDG's own (quoted in METHODS); every other
 * expected value is worked out in the comment above it. One-year spans make
 * CAGR = y_t/y_0 − 1, so the score formulas can be checked by hand.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "core/assess_opensdg.h"
#include "unit/fixture.h"
#include "unit/near.h"

static void
test_open_sdg_worked_case_deterioration(void **state)
{
	/* Open SDG's test: 2015 = 10, 2016 = 30, d = −1, target 1 in 2030, limit 1.
	 * CAGR_o = 30/10 − 1 = 2; CAGR_r = (1/10)^(1/15) − 1 = −0.142304;
	 * p = 1·(−1)·2/0.142304 = −14.0544; with a target the limit is ignored;
	 * score max(4.1667·p − 2.5, −5) = −5; status deterioration. */
	static const double v[] = { 10, 30 };
	struct fixture_series x;
	struct target t = target_by_year(-1, 1, 2030);
	struct assess_opensdg_options o = { .has_limit = true, .limit = 1 };
	struct explain e;

	assert_int_equal(assess_opensdg_series(fixture_years(&x, 2015, v, 2),
	    &t, &o, &e),
	    EXPLAIN_ASSESSED);
	assert_string_equal(e.version, ASSESS_OPENSDG_VERSION);
	assert_int_equal(e.rule, EXPLAIN_RULE_OPENSDG_TARGET);
	assert_near(fixture_q(&e, EXPLAIN_Q_PROGRESS), -14.0544, 5e-5);
	assert_rel(fixture_q(&e, EXPLAIN_Q_PROGRESS),
	    -2 / fabs(pow(0.1, 1.0 / 15) - 1), 1e-12);
	assert_true(fixture_q(&e, EXPLAIN_Q_SCORE) == -5);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_DETERIORATION);
	assert_false(explain_get(&e, EXPLAIN_Q_LIMIT_FACTOR, NULL));
}

static void
test_open_sdg_worked_case_on_track(void **state)
{
	/* Open SDG's test: 2015 = 5, 2016 = 6, d = +1, target 9 in 2030.
	 * CAGR_o = 0.2; CAGR_r = (9/5)^(1/15) − 1 = 0.0399637; p = 5.00455;
	 * score min(7.1429·p − 4.2857, 5) = 5; p ≥ 0.95: substantial progress. */
	static const double v[] = { 5, 6 };
	struct fixture_series x;
	struct target t = target_by_year(1, 9, 2030);
	struct explain e;

	assess_opensdg_series(fixture_years(&x, 2015, v, 2), &t, NULL, &e);
	assert_near(fixture_q(&e, EXPLAIN_Q_PROGRESS), 5.00455, 5e-6);
	assert_rel(fixture_q(&e, EXPLAIN_Q_PROGRESS),
	    0.2 / (pow(1.8, 1.0 / 15) - 1), 1e-12);
	assert_true(fixture_q(&e, EXPLAIN_Q_SCORE) == 5);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUBSTANTIAL_PROGRESS);
	assert_true(fixture_q(&e, EXPLAIN_Q_THRESHOLD_HIGH) == 0.95);
	assert_true(fixture_q(&e, EXPLAIN_Q_BASE_YEAR) == 2015);
}

static void
test_score_branches_without_target(void **state)
{
	/* 1000 in 2015 → y in 2016, higher is better, p = y/1000 − 1, C = 1:
	 * 1020: p = 0.02 ≥ 0.015, score min(500p − 5, 5) = 5, substantial;
	 * 1016: p = 0.016, score 500·0.016 − 5 = 3, substantial;
	 * 1010: p = 0.01 ≥ 0.005, score 250·0.01 − 1.25 = 1.25, moderate;
	 * 1002: p = 0.002 ≥ 0, score 500·0.002 − 2.5 = −1.5, limited;
	 *  990: p = −0.01 < 0, score 125·(−0.01) − 2.5 = −3.75, deterioration;
	 *  900: p = −0.1, score max(−15, −5) = −5, deterioration. */
	static const struct {
		double			y;
		double			score;
		enum explain_verdict	want;
	} c[] = {
		{ 1020, 5, EXPLAIN_VERDICT_SUBSTANTIAL_PROGRESS },
		{ 1016, 3, EXPLAIN_VERDICT_SUBSTANTIAL_PROGRESS },
		{ 1010, 1.25, EXPLAIN_VERDICT_OPENSDG_MODERATE_PROGRESS },
		{ 1002, -1.5, EXPLAIN_VERDICT_LIMITED_PROGRESS },
		{ 990, -3.75, EXPLAIN_VERDICT_DETERIORATION },
		{ 900, -5, EXPLAIN_VERDICT_DETERIORATION },
	};
	struct target t = target_direction(1);
	struct explain e;
	struct fixture_series x;
	double v[2] = { 1000, 0 };
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		v[1] = c[i].y;
		assert_int_equal(assess_opensdg_series(
		    fixture_years(&x, 2015, v, 2), &t, NULL, &e),
		    EXPLAIN_ASSESSED);
		assert_int_equal(e.rule, EXPLAIN_RULE_OPENSDG_TREND);
		assert_near(fixture_q(&e, EXPLAIN_Q_SCORE), c[i].score, 1e-9);
		assert_int_equal(e.verdict, c[i].want);
		assert_true(fixture_q(&e, EXPLAIN_Q_LIMIT_FACTOR) == 1);
	}
}

static void
test_score_branches_with_target(void **state)
{
	/* 100 in 2015, target 400 in 2017: CAGR_r = 4^(1/2) − 1 = 1, so p is the
	 * one-year growth to 2016:
	 * 300: p = 2, score min(7.1429·2 − 4.2857, 5) = 5, substantial;
	 * 180: p = 0.8 ≥ 0.6, score 7.1429·0.8 − 4.2857 = 1.42862, moderate;
	 * 150: p = 0.5 < 0.6, score 4.1667·0.5 − 2.5 = −0.41665, limited;
	 *  50: p = −0.5, score 4.1667·(−0.5) − 2.5 = −4.58335, deterioration;
	 *  10: p = −0.9, score max(−6.25, −5) = −5, deterioration. */
	static const struct {
		double			y;
		double			score;
		enum explain_verdict	want;
	} c[] = {
		{ 300, 5, EXPLAIN_VERDICT_SUBSTANTIAL_PROGRESS },
		{ 180, 1.42862, EXPLAIN_VERDICT_OPENSDG_MODERATE_PROGRESS },
		{ 150, -0.41665, EXPLAIN_VERDICT_LIMITED_PROGRESS },
		{ 50, -4.58335, EXPLAIN_VERDICT_DETERIORATION },
		{ 10, -5, EXPLAIN_VERDICT_DETERIORATION },
	};
	struct target t = target_by_year(1, 400, 2017);
	struct explain e;
	struct fixture_series x;
	double v[2] = { 100, 0 };
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		v[1] = c[i].y;
		assess_opensdg_series(fixture_years(&x, 2015, v, 2), &t, NULL,
		    &e);
		assert_near(fixture_q(&e, EXPLAIN_Q_RATE_REQUIRED), 1, 1e-15);
		assert_near(fixture_q(&e, EXPLAIN_Q_SCORE), c[i].score, 1e-9);
		assert_int_equal(e.verdict, c[i].want);
	}
}

static void
test_negative_base_sign(void **state)
{
	/* −100 → −90, higher is better: CAGR = 0.9 − 1 = −0.1, s = −1 because
	 * y0 < 0, so p = (−1)·(+1)·(−0.1) = 0.1: substantial, score 5. */
	static const double v[] = { -100, -90 };
	struct fixture_series x;
	struct target t = target_direction(1);
	struct explain e;

	assess_opensdg_series(fixture_years(&x, 2015, v, 2), &t, NULL, &e);
	assert_true(fixture_q(&e, EXPLAIN_Q_SIGN) == -1);
	assert_near(fixture_q(&e, EXPLAIN_Q_PROGRESS), 0.1, 1e-15);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUBSTANTIAL_PROGRESS);
}

static void
test_limit_scaling(void **state)
{
	/* Base 50, limit 100 (b ≤ L): C = 1 − (50/100)^4.44 = 0.953929087;
	 * 50 → 50.5 gives p = 0.01; thresholds 0.015C = 0.0143089 and
	 * 0.005C = 0.0047696, so moderate; score 250·0.01/C − 1.25 = 1.370740.
	 * Base 150 (L < b < 2L): C = 1 − ((200 − 150)/100)^4.44, the same.
	 * Base 250 ≥ 2L: C = 1. */
	static const double low[] = { 50, 50.5 }, mid[] = { 150, 151.5 },
	    high[] = { 250, 252.5 };
	struct fixture_series x;
	struct target t = target_direction(1);
	struct assess_opensdg_options o = { .has_limit = true, .limit = 100 };
	struct explain e;

	assess_opensdg_series(fixture_years(&x, 2015, low, 2), &t, &o, &e);
	assert_rel(fixture_q(&e, EXPLAIN_Q_LIMIT_FACTOR), 0.9539290869596531,
	    1e-12);
	assert_rel(fixture_q(&e, EXPLAIN_Q_THRESHOLD_HIGH),
	    0.014308936304394795, 1e-12);
	assert_rel(fixture_q(&e, EXPLAIN_Q_SCORE), 1.3707398790700034, 1e-9);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_OPENSDG_MODERATE_PROGRESS);
	assert_true(fixture_q(&e, EXPLAIN_Q_LIMIT) == 100);
	assess_opensdg_series(fixture_years(&x, 2015, mid, 2), &t, &o, &e);
	assert_rel(fixture_q(&e, EXPLAIN_Q_LIMIT_FACTOR), 0.9539290869596531,
	    1e-12);
	assess_opensdg_series(fixture_years(&x, 2015, high, 2), &t, &o, &e);
	assert_true(fixture_q(&e, EXPLAIN_Q_LIMIT_FACTOR) == 1);
}

static void
test_limit_factor_zero(void **state)
{
	/* Base at the limit: C = 1 − (100/100)^4.44 = 0, all thresholds 0.
	 * Holding or improving (100 → 100): score 5 by the C = 0 rule,
	 * substantial. Falling (100 → 99, p = −0.01): 125p − 2.5 = −3.75,
	 * deterioration. */
	static const double hold[] = { 100, 100 }, fall[] = { 100, 99 };
	struct fixture_series x;
	struct target t = target_direction(1);
	struct assess_opensdg_options o = { .has_limit = true, .limit = 100 };
	struct explain e;

	assess_opensdg_series(fixture_years(&x, 2015, hold, 2), &t, &o, &e);
	assert_true(fixture_q(&e, EXPLAIN_Q_LIMIT_FACTOR) == 0);
	assert_true(fixture_q(&e, EXPLAIN_Q_SCORE) == 5);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUBSTANTIAL_PROGRESS);
	assess_opensdg_series(fixture_years(&x, 2015, fall, 2), &t, &o, &e);
	assert_near(fixture_q(&e, EXPLAIN_Q_SCORE), -3.75, 1e-9);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_DETERIORATION);
}

static void
test_zero_base_and_zero_last(void **state)
{
	/* y0 = 0 becomes 0.001 after s was set (s = 1): 0 → 1 gives
	 * p = 1/0.001 − 1 = 999, score 5. y_t = 0 is allowed (CAGR = −1): 10 → 0
	 * with lower is better gives p = (+1)·(−1)·(−1) = 1, substantial. */
	static const double up[] = { 0, 1 }, down[] = { 10, 0 };
	struct fixture_series x;
	struct target t = target_direction(1);
	struct explain e;

	assess_opensdg_series(fixture_years(&x, 2015, up, 2), &t, NULL, &e);
	assert_true(fixture_q(&e, EXPLAIN_Q_SIGN) == 1);
	assert_rel(fixture_q(&e, EXPLAIN_Q_PROGRESS), 999, 1e-9);
	assert_true(fixture_q(&e, EXPLAIN_Q_SCORE) == 5);
	t = target_direction(-1);
	assess_opensdg_series(fixture_years(&x, 2015, down, 2), &t, NULL, &e);
	assert_true(fixture_q(&e, EXPLAIN_Q_PROGRESS) == 1);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUBSTANTIAL_PROGRESS);
}

static void
test_target_achieved(void **state)
{
	/* Lower is better, target 0 (read as 0.001): 5 → −1 is achieved
	 * (−1 ≤ 0.001) although p cannot be computed across the sign change;
	 * Open SDG gives "target achieved" and 5 anyway. Without the target the
	 * same series is not assessable. A single value at or past the target is
	 * achieved too. */
	static const double v[] = { 5, -1 }, one[] = { 1 };
	struct fixture_series x;
	struct target t = target_by_year(-1, 0, 2030), none = target_direction(-1);
	struct explain e;

	assert_int_equal(assess_opensdg_series(fixture_years(&x, 2015, v, 2),
	    &t, NULL, &e),
	    EXPLAIN_ASSESSED);
	assert_true(fixture_q(&e, EXPLAIN_Q_TARGET_VALUE) == 0.001);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_TARGET_ACHIEVED);
	assert_true(fixture_q(&e, EXPLAIN_Q_SCORE) == 5);
	assert_false(explain_get(&e, EXPLAIN_Q_PROGRESS, NULL));
	assert_int_equal(assess_opensdg_series(&x.s, &none, NULL, &e),
	    EXPLAIN_NOT_ASSESSABLE);
	assert_int_equal(e.reason, EXPLAIN_REASON_SIGN_CHANGE);
	t = target_by_year(-1, 5, 2030);
	assess_opensdg_series(fixture_years(&x, 2020, one, 1), &t, NULL, &e);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_TARGET_ACHIEVED);
}

static void
test_base_year(void **state)
{
	/* No 2015 value: the base is the next year with one (2016). A base year
	 * asked for after the last value: not assessable. Only the base year's
	 * value: t − t0 < 1, not assessable. A break in 2017 moves the base to
	 * 2017. */
	static const double v[] = { 10, 11, 12, 13 };
	struct fixture_series x;
	struct target t = target_direction(1);
	struct assess_opensdg_options o = { .base_year = 2030 };
	struct explain e;
	unsigned f[4] = { 0, 0, SERIES_FLAG_BREAK, 0 };

	assess_opensdg_series(fixture_years(&x, 2016, v, 4), &t, NULL, &e);
	assert_true(fixture_q(&e, EXPLAIN_Q_START_YEAR) == 2016);
	assert_int_equal(assess_opensdg_series(&x.s, &t, &o, &e),
	    EXPLAIN_NOT_ASSESSABLE);
	assert_int_equal(e.reason, EXPLAIN_REASON_BASE_AFTER_LAST);
	assess_opensdg_series(fixture_years(&x, 2015, v, 1), &t, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_TOO_FEW_POINTS);
	fixture_years(&x, 2015, v, 4);
	x.s.flags = f;
	assess_opensdg_series(&x.s, &t, NULL, &e);
	assert_true(e.after_break);
	assert_true(fixture_q(&e, EXPLAIN_Q_START_YEAR) == 2017);
	/* 12 → 13 in one year: p = 1/12 ≥ 0.015, substantial. */
	assert_near(fixture_q(&e, EXPLAIN_Q_PROGRESS), 1.0 / 12, 1e-15);
}

static void
test_not_computable_targets(void **state)
{
	/* The target equals the base (required rate 0, a division by zero in Open
	 * SDG); a target of the other sign than the base (a complex root in Open
	 * SDG); no polarity; a reference target. */
	static const double v[] = { 10, 12 };
	struct fixture_series x;
	struct target t = target_by_year(-1, 10, 2030);
	struct explain e;
	struct series empty = { 0 };

	assess_opensdg_series(fixture_years(&x, 2015, v, 2), &t, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_TARGET_EQUALS_BASE);
	t = target_by_year(-1, -5, 2030);
	assess_opensdg_series(&x.s, &t, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_SIGN_CHANGE);
	t = target_direction(0);
	assess_opensdg_series(&x.s, &t, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_NO_POLARITY);
	t = target_relative(1, &x.s);
	assess_opensdg_series(&x.s, &t, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_UNSUPPORTED_TARGET);
	t = target_direction(1);
	assess_opensdg_series(&empty, &t, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_EMPTY_SERIES);
	/* A target without a year uses the default target year 2030. */
	t = target_by_year(1, 20, 0);
	assess_opensdg_series(&x.s, &t, NULL, &e);
	assert_true(fixture_q(&e, EXPLAIN_Q_TARGET_YEAR) == 2030);
}

static struct explain
scored(double score, enum explain_verdict v)
{
	struct explain e;

	explain_init(&e, EXPLAIN_METHOD_OPENSDG, ASSESS_OPENSDG_VERSION);
	explain_set(&e, EXPLAIN_Q_SCORE, score);
	explain_verdict(&e, v);
	return e;
}

static void
test_indicator_score(void **state)
{
	/* Scores 5 (achieved), −5 and 1.25: mean 1.25/3 = 0.416667, 0 ≤ s < 2.5:
	 * moderate. A not-assessable series does not count. All achieved: target
	 * achieved. Boundaries: 2.5 substantial, 0 moderate, −2.5 limited,
	 * below −2.5 deterioration. */
	struct explain r[4], e;

	r[0] = scored(5, EXPLAIN_VERDICT_TARGET_ACHIEVED);
	r[1] = scored(-5, EXPLAIN_VERDICT_DETERIORATION);
	r[2] = scored(1.25, EXPLAIN_VERDICT_OPENSDG_MODERATE_PROGRESS);
	explain_init(&r[3], EXPLAIN_METHOD_OPENSDG, ASSESS_OPENSDG_VERSION);
	explain_fail(&r[3], EXPLAIN_REASON_SIGN_CHANGE);
	assert_int_equal(assess_opensdg_indicator(r, 4, &e), EXPLAIN_ASSESSED);
	assert_rel(fixture_q(&e, EXPLAIN_Q_SCORE), 1.25 / 3, 1e-15);
	assert_true(fixture_q(&e, EXPLAIN_Q_SERIES_COUNT) == 3);
	assert_int_equal(e.rule, EXPLAIN_RULE_OPENSDG_INDICATOR);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_OPENSDG_MODERATE_PROGRESS);
	r[1] = scored(5, EXPLAIN_VERDICT_TARGET_ACHIEVED);
	assess_opensdg_indicator(r, 2, &e);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_TARGET_ACHIEVED);
	r[0] = scored(2.5, EXPLAIN_VERDICT_SUBSTANTIAL_PROGRESS);
	assess_opensdg_indicator(r, 1, &e);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUBSTANTIAL_PROGRESS);
	r[0] = scored(0, EXPLAIN_VERDICT_LIMITED_PROGRESS);
	assess_opensdg_indicator(r, 1, &e);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_OPENSDG_MODERATE_PROGRESS);
	r[0] = scored(-2.5, EXPLAIN_VERDICT_DETERIORATION);
	assess_opensdg_indicator(r, 1, &e);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_LIMITED_PROGRESS);
	r[0] = scored(-2.6, EXPLAIN_VERDICT_DETERIORATION);
	assess_opensdg_indicator(r, 1, &e);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_DETERIORATION);
	assert_int_equal(assess_opensdg_indicator(r + 3, 1, &e),
	    EXPLAIN_NOT_ASSESSABLE);
	assert_int_equal(e.reason, EXPLAIN_REASON_NO_SERIES_SCORES);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_sdg_worked_case_deterioration),
		cmocka_unit_test(test_open_sdg_worked_case_on_track),
		cmocka_unit_test(test_score_branches_without_target),
		cmocka_unit_test(test_score_branches_with_target),
		cmocka_unit_test(test_negative_base_sign),
		cmocka_unit_test(test_limit_scaling),
		cmocka_unit_test(test_limit_factor_zero),
		cmocka_unit_test(test_zero_base_and_zero_last),
		cmocka_unit_test(test_target_achieved),
		cmocka_unit_test(test_base_year),
		cmocka_unit_test(test_not_computable_targets),
		cmocka_unit_test(test_indicator_score),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
