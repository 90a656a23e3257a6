/*
 * Unit tests of src/core/assess_eurostat: Eurostat's SDG progress categories with
 * and without a target (METHODS §2.3). Expected values are worked out in the
 * comments; boundaries are tested with thresholds and values chosen so that the
 * rates are exact in binary floating point (e.g. (9/4)^(1/2) = 1.5).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "core/assess_eurostat.h"
#include "unit/fixture.h"
#include "unit/near.h"

static void
test_defaults(void **state)
{
	struct assess_eurostat_params p;

	assess_eurostat_defaults(ASSESS_EUROSTAT_SHORT, &p);
	assert_int_equal(p.horizon, 5);
	assert_true(p.target_high == 0.95 && p.target_medium == 0.60 &&
	    p.target_low == 0);
	assert_true(p.trend_high == 0.01 && p.trend_medium == 0 &&
	    p.trend_low == -0.01);
	assess_eurostat_defaults(ASSESS_EUROSTAT_LONG, &p);
	assert_int_equal(p.horizon, 15);
	assert_int_equal(p.min_span, 10);
}

static void
test_with_target_real_case(void **state)
{
	/* Renewables share (DNS 7.2.a, 2024 data), target 41 by 2030, short term:
	 * t0 = 2019 (17.3), t = 2024 (22.4).
	 * CAGR_a = (22.4/17.3)^(1/5) − 1 = 0.0530291,
	 * CAGR_r = (41/17.3)^(1/11) − 1 = 0.0816010, R = 0.649859:
	 * 0.60 ≤ R < 0.95, moderate progress. */
	static const int y[] = { 2018, 2019, 2020, 2021, 2022, 2023, 2024 };
	static const double v[] = { 16.7, 17.3, 19.1, 19.3, 20.9, 21.6, 22.4 };
	struct fixture_series x;
	struct target t = target_by_year(1, 41, 2030);
	struct explain e;

	assert_int_equal(assess_eurostat(fixture_points(&x, y, v, 7), &t, NULL,
	    &e),
	    EXPLAIN_ASSESSED);
	assert_int_equal(e.method, EXPLAIN_METHOD_EUROSTAT);
	assert_string_equal(e.version, ASSESS_EUROSTAT_VERSION);
	assert_int_equal(e.rule, EXPLAIN_RULE_EUROSTAT_TARGET);
	assert_true(fixture_q(&e, EXPLAIN_Q_START_YEAR) == 2019);
	assert_rel(fixture_q(&e, EXPLAIN_Q_RATE_ACTUAL),
	    pow(22.4 / 17.3, 0.2) - 1, 1e-12);
	assert_rel(fixture_q(&e, EXPLAIN_Q_RATE_ACTUAL), 0.0530291246, 1e-9);
	assert_rel(fixture_q(&e, EXPLAIN_Q_RATE_REQUIRED), 0.0816009711, 1e-9);
	assert_rel(fixture_q(&e, EXPLAIN_Q_RATE_RATIO), 0.6498589897, 1e-9);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_MODERATE_PROGRESS);
	assert_true(fixture_q(&e, EXPLAIN_Q_THRESHOLD_HIGH) == 0.95);
	assert_true(fixture_q(&e, EXPLAIN_Q_HORIZON) == 5);
	assert_int_equal(e.point_count, 2);
	assert_int_equal(e.first, 1);
}

static void
test_with_target_lower_is_better(void **state)
{
	/* d = −1: 100 (2015) → 90 (2020), target 50 by 2030.
	 * CAGR_a = 0.9^(1/5) − 1 = −0.0208516, CAGR_r = 0.5^(1/15) − 1 = −0.0451584,
	 * R = −1·(−0.0208516)/0.0451584 = 0.461744: insufficient progress. */
	static const int y[] = { 2015, 2020 };
	static const double v[] = { 100, 90 };
	struct fixture_series x;
	struct target t = target_by_year(-1, 50, 2030);
	struct explain e;

	assess_eurostat(fixture_points(&x, y, v, 2), &t, NULL, &e);
	assert_rel(fixture_q(&e, EXPLAIN_Q_RATE_RATIO), 0.4617444251, 1e-9);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_INSUFFICIENT_PROGRESS);
	/* Rising instead (100 → 110): R < 0, movement away from the target. */
	x.v[1] = 110;
	assess_eurostat(&x.s, &t, NULL, &e);
	assert_true(fixture_q(&e, EXPLAIN_Q_RATE_RATIO) < 0);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_MOVEMENT_AWAY);
}

static void
test_sign_adjustment(void **state)
{
	/* x_t0 = 120 already beyond the target 100 (higher is better) and still
	 * rising to 130: CAGR_r = (100/120)^(1/15) − 1 = −0.0120812 points down,
	 * CAGR_a = (130/120)^(1/5) − 1 = 0.0161374. The plain ratio would be
	 * −1.336 (movement away); adjusted by polarity, R = d·CAGR_a/|CAGR_r| =
	 * 1.335742: significant progress. */
	static const int y[] = { 2015, 2020 };
	static const double v[] = { 120, 130 };
	struct fixture_series x;
	struct target t = target_by_year(1, 100, 2030);
	struct explain e;

	assess_eurostat(fixture_points(&x, y, v, 2), &t, NULL, &e);
	assert_rel(fixture_q(&e, EXPLAIN_Q_RATE_RATIO), 1.3357419181, 1e-9);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SIGNIFICANT_PROGRESS);
}

static void
test_target_boundaries(void **state)
{
	/* One year back (horizon 1): x 4 → 5 gives CAGR_a = 0.25 exactly; the
	 * target 9 two years after t0 gives CAGR_r = (9/4)^(1/2) − 1 = 0.5 exactly;
	 * R = 0.5. With the defaults 0 ≤ 0.5 < 0.60: insufficient. With the
	 * moderate threshold set to exactly 0.5 the boundary belongs to the
	 * better class (R ≥ 0.5): moderate. With the high one at 0.5: significant. */
	static const int y[] = { 2019, 2020 };
	static const double v[] = { 4, 5 };
	struct fixture_series x;
	struct target t = target_by_year(1, 9, 2021);
	struct assess_eurostat_params p;
	struct explain e;

	assess_eurostat_defaults(ASSESS_EUROSTAT_SHORT, &p);
	p.horizon = 1;
	p.min_span = 1;
	assess_eurostat(fixture_points(&x, y, v, 2), &t, &p, &e);
	assert_true(fixture_q(&e, EXPLAIN_Q_RATE_ACTUAL) == 0.25);
	assert_true(fixture_q(&e, EXPLAIN_Q_RATE_REQUIRED) == 0.5);
	assert_true(fixture_q(&e, EXPLAIN_Q_RATE_RATIO) == 0.5);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_INSUFFICIENT_PROGRESS);
	p.target_medium = 0.5;
	assess_eurostat(&x.s, &t, &p, &e);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_MODERATE_PROGRESS);
	p.target_high = 0.5;
	assess_eurostat(&x.s, &t, &p, &e);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SIGNIFICANT_PROGRESS);
	/* R = 0 exactly (no change) is still "insufficient", not "away". */
	x.v[1] = 4;
	assess_eurostat(&x.s, &t, &p, &e);
	assert_true(fixture_q(&e, EXPLAIN_Q_RATE_RATIO) == 0);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_INSUFFICIENT_PROGRESS);
}

static void
test_without_target(void **state)
{
	/* GDP per head (DNS 8.4, 2024 data), higher is better, no target:
	 * 2019 43.287 → 2024 42.576, g = (42.576/43.287)^(1/5) − 1 = −0.0033068:
	 * −1 % ≤ g ≤ 0, moderate movement away. */
	static const int y[] = { 2019, 2020, 2021, 2022, 2023, 2024 };
	static const double v[] = { 43.287, 41.481, 42.985, 43.261, 42.78, 42.576 };
	struct fixture_series x;
	struct target t = target_direction(1);
	struct explain e;

	assess_eurostat(fixture_points(&x, y, v, 6), &t, NULL, &e);
	assert_int_equal(e.rule, EXPLAIN_RULE_EUROSTAT_TREND);
	assert_rel(fixture_q(&e, EXPLAIN_Q_GROWTH_SIGNED),
	    -0.003306849239913867, 1e-9);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_MODERATE_MOVEMENT_AWAY);
	/* Lower is better, same numbers: g = +0.0033, moderate progress. */
	t = target_direction(-1);
	assess_eurostat(&x.s, &t, NULL, &e);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_MODERATE_PROGRESS);
}

static void
test_trend_boundaries(void **state)
{
	/* Horizon 1, x 4 → 5: g = 0.25 exactly. Thresholds 0.25 / 0 / −0.25:
	 * g > 0.25 is false, so 0.25 is moderate progress (0 < g ≤ high);
	 * 4 → 3: g = −0.25 is moderate movement away (low ≤ g ≤ 0);
	 * 4 → 4: g = 0 is moderate movement away, not progress;
	 * 4 → 2: g = −0.5 < −0.25, significant movement away;
	 * 4 → 6: g = 0.5 > 0.25, significant progress. */
	static const struct {
		double			last;
		enum explain_verdict	want;
	} c[] = {
		{ 5, EXPLAIN_VERDICT_MODERATE_PROGRESS },
		{ 3, EXPLAIN_VERDICT_MODERATE_MOVEMENT_AWAY },
		{ 4, EXPLAIN_VERDICT_MODERATE_MOVEMENT_AWAY },
		{ 2, EXPLAIN_VERDICT_SIGNIFICANT_MOVEMENT_AWAY },
		{ 6, EXPLAIN_VERDICT_SIGNIFICANT_PROGRESS },
	};
	static const int y[] = { 2019, 2020 };
	double v[] = { 4, 0 };
	struct fixture_series x;
	struct target t = { .kind = TARGET_NONE, .polarity = 1 };
	struct assess_eurostat_params p;
	struct explain e;
	size_t i;

	assess_eurostat_defaults(ASSESS_EUROSTAT_SHORT, &p);
	p.horizon = p.min_span = 1;
	p.trend_high = 0.25;
	p.trend_low = -0.25;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		v[1] = c[i].last;
		assess_eurostat(fixture_points(&x, y, v, 2), &t, &p, &e);
		assert_int_equal(e.verdict, c[i].want);
	}
}

static void
test_start_year_and_minimum_span(void **state)
{
	/* Short term from 2020 looks back to 2015; without a 2015 value it starts
	 * at the next one (2017), which still spans 3 years. From 2018 on only,
	 * 2 years: too short. Long term needs 15 back and at least 10 covered:
	 * 2012…2020 spans 8 years, too short. */
	static const int y[] = { 2012, 2013, 2017, 2018, 2019, 2020 };
	static const double v[] = { 1, 2, 3, 4, 5, 6 };
	struct fixture_series x;
	struct target t = target_direction(1);
	struct assess_eurostat_params p;
	struct explain e;

	assess_eurostat(fixture_points(&x, y, v, 6), &t, NULL, &e);
	assert_int_equal(e.status, EXPLAIN_ASSESSED);
	assert_true(fixture_q(&e, EXPLAIN_Q_START_YEAR) == 2017);
	assess_eurostat(fixture_points(&x, y + 3, v + 3, 3), &t, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_SPAN_TOO_SHORT);
	assess_eurostat_defaults(ASSESS_EUROSTAT_LONG, &p);
	assess_eurostat(fixture_points(&x, y, v, 6), &t, &p, &e);
	assert_true(fixture_q(&e, EXPLAIN_Q_START_YEAR) == 2012);
	assert_int_equal(e.reason, EXPLAIN_REASON_SPAN_TOO_SHORT);
	/* A break in 2018 leaves 2018…2020: too short, and the record says it
	 * counted from the break. */
	fixture_points(&x, y, v, 6);
	x.f[3] = SERIES_FLAG_BREAK;
	assess_eurostat(&x.s, &t, NULL, &e);
	assert_true(e.after_break);
	assert_int_equal(e.break_period.year, 2018);
	assert_int_equal(e.reason, EXPLAIN_REASON_SPAN_TOO_SHORT);
	/* One value: too few. */
	assess_eurostat(fixture_points(&x, y, v, 1), &t, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_TOO_FEW_POINTS);
}

static void
test_not_assessable(void **state)
{
	static const int y[] = { 2015, 2020 };
	double v[] = { 0, 5 };
	struct fixture_series x;
	struct target t = target_direction(1), by = target_by_year(1, 10, 2030);
	struct explain e;
	struct series empty = { 0 };

	assess_eurostat(fixture_points(&x, y, v, 2), &t, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_ZERO_BASE);
	v[0] = -1;
	assess_eurostat(fixture_points(&x, y, v, 2), &t, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_SIGN_CHANGE);
	v[0] = 5;
	v[1] = 0;
	assess_eurostat(fixture_points(&x, y, v, 2), &t, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_ZERO_VALUE);
	/* The target equals the starting value: no rate is required. */
	v[1] = 7;
	by = target_by_year(1, 5, 2030);
	assess_eurostat(fixture_points(&x, y, v, 2), &by, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_TARGET_EQUALS_BASE);
	by = target_by_year(1, 10, 2019);
	assess_eurostat(&x.s, &by, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_TARGET_YEAR_PASSED);
	t = target_every_year(1, 10);
	assess_eurostat(&x.s, &t, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_UNSUPPORTED_TARGET);
	t = target_direction(0);
	assess_eurostat(&x.s, &t, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_NO_POLARITY);
	assess_eurostat(&x.s, NULL, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_NO_POLARITY);
	t = target_direction(1);
	assess_eurostat(&empty, &t, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_EMPTY_SERIES);
	x.p[0].kind = PERIOD_MONTH;
	x.p[0].sub = 1;
	assess_eurostat(&x.s, &t, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_BAD_SERIES);	/* mixed kinds */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_with_target_real_case),
		cmocka_unit_test(test_with_target_lower_is_better),
		cmocka_unit_test(test_sign_adjustment),
		cmocka_unit_test(test_target_boundaries),
		cmocka_unit_test(test_without_target),
		cmocka_unit_test(test_trend_boundaries),
		cmocka_unit_test(test_start_year_and_minimum_span),
		cmocka_unit_test(test_not_assessable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
