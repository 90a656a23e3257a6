/*
 * Unit tests of src/core/assess_dns: the DNS weather symbols, rules A–E, every
 * boundary, breaks, minimum data, relative targets (METHODS §2.2, §2.5). Each
 * expected symbol is derived by hand in the comment above the assertion, with
 * Δ̄ = (x_t − x_s)/(t − s) over the last six available values and, for rule A,
 * x̂_T = x_t + (T − t)·Δ̄ and r = d·(x* − x̂_T)/|x* − x_t|.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "core/assess_dns.h"
#include "unit/fixture.h"
#include "unit/near.h"

static void
fx_break(struct fixture_series *x, int year)
{
	size_t i;

	for (i = 0; i < x->s.count; i++)
		if (x->p[i].year == year)
			x->f[i] |= SERIES_FLAG_BREAK;
}

static double
q(const struct explain *e, enum explain_quantity k)
{
	double v = NAN;

	assert_true(explain_get(e, k, &v));
	return v;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* 2015…2020: 10, 12, 14, 16, 18, 20, so Δ̄ = (20 − 10)/5 = 2. */
static const double rising[] = { 10, 12, 14, 16, 18, 20 };

static void
test_rule_a_sun_exact(void **state)
{
	struct fixture_series x;
	struct target t = target_by_year(1, 40, 2030);
	struct explain e;

	/* x̂_2030 = 20 + 10·2 = 40 = x*, r = (40 − 40)/|40 − 20| = 0 < 0.05: sun. */
	assert_int_equal(assess_dns_weather(fixture_years(&x, 2015, rising, 6),
	    &t, &e),
	    EXPLAIN_ASSESSED);
	assert_int_equal(e.method, EXPLAIN_METHOD_DNS);
	assert_string_equal(e.version, ASSESS_DNS_VERSION);
	assert_int_equal(e.rule, EXPLAIN_RULE_DNS_PROJECTION);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN);
	assert_true(q(&e, EXPLAIN_Q_MEAN_CHANGE) == 2);
	assert_true(q(&e, EXPLAIN_Q_PROJECTED_VALUE) == 40);
	assert_true(q(&e, EXPLAIN_Q_MISS_RATIO) == 0);
	assert_true(q(&e, EXPLAIN_Q_START_YEAR) == 2015);
	assert_true(q(&e, EXPLAIN_Q_TARGET_YEAR) == 2030);
	assert_true(q(&e, EXPLAIN_Q_THRESHOLD_SUN) == 0.05);
	assert_true(q(&e, EXPLAIN_Q_THRESHOLD_CLOUD) == 0.20);
	/* The record names the data points used and where they sit. */
	assert_int_equal(e.point_count, 6);
	assert_int_equal(e.points[0].period.year, 2015);
	assert_true(e.points[5].value == 20);
	assert_true(e.used);
	assert_int_equal(e.first, 0);
	assert_int_equal(e.last, 5);
	assert_false(e.after_break);
}

static void
test_rule_a_boundary_005(void **state)
{
	/* 2006…2011: 50 … 60 by 2, Δ̄ = 2; target 100 by 2030:
	 * x̂ = 60 + 19·2 = 98, r = (100 − 98)/40 = 0.05 exactly — not < 0.05, so
	 * sun behind cloud. Target 99: x̂ = 98, r = 1/39 = 0.0256 < 0.05: sun. */
	static const double v[] = { 50, 52, 54, 56, 58, 60 };
	struct fixture_series x;
	struct target t = target_by_year(1, 100, 2030);
	struct explain e;

	assess_dns_weather(fixture_years(&x, 2006, v, 6), &t, &e);
	assert_true(q(&e, EXPLAIN_Q_MISS_RATIO) == 0.05);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN_BEHIND_CLOUD);
	t = target_by_year(1, 99, 2030);
	assess_dns_weather(&x.s, &t, &e);
	assert_near(q(&e, EXPLAIN_Q_MISS_RATIO), 1.0 / 39, 1e-15);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN);
}

static void
test_rule_a_boundary_020(void **state)
{
	/* 2015…2020: 65 … 75 by 2, Δ̄ = 2; target 100 by 2030: x̂ = 95,
	 * r = 5/25 = 0.20 exactly — ≤ 0.20, so sun behind cloud. Target 101:
	 * r = 6/26 = 0.2308 > 0.20: cloud. */
	static const double v[] = { 65, 67, 69, 71, 73, 75 };
	struct fixture_series x;
	struct target t = target_by_year(1, 100, 2030);
	struct explain e;

	assess_dns_weather(fixture_years(&x, 2015, v, 6), &t, &e);
	assert_true(q(&e, EXPLAIN_Q_MISS_RATIO) == 0.20);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN_BEHIND_CLOUD);
	t = target_by_year(1, 101, 2030);
	assess_dns_weather(&x.s, &t, &e);
	assert_near(q(&e, EXPLAIN_Q_MISS_RATIO), 6.0 / 26, 1e-15);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_CLOUD);
}

static void
test_rule_a_lower_is_better(void **state)
{
	/* d = −1. 2015…2020: 100 … 90 by −2, Δ̄ = −2; target 60 by 2030:
	 * x̂ = 90 − 20 = 70, r = −1·(60 − 70)/|60 − 90| = 10/30 = 0.333: cloud. */
	static const double v[] = { 100, 98, 96, 94, 92, 90 };
	struct fixture_series x;
	struct target t = target_by_year(-1, 60, 2030);
	struct explain e;

	assess_dns_weather(fixture_years(&x, 2015, v, 6), &t, &e);
	assert_int_equal(e.rule, EXPLAIN_RULE_DNS_PROJECTION);
	assert_true(q(&e, EXPLAIN_Q_MEAN_CHANGE) == -2);
	assert_true(q(&e, EXPLAIN_Q_PROJECTED_VALUE) == 70);
	assert_near(q(&e, EXPLAIN_Q_MISS_RATIO), 1.0 / 3, 1e-15);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_CLOUD);
}

static void
test_rule_a_thunderstorm(void **state)
{
	/* Flat: Δ̄ = 0, so d·Δ̄ ≤ 0 on an unmet target: thunderstorm, and no
	 * projection is made. Falling while higher is better: thunderstorm too. */
	static const double flat[] = { 5, 5, 5, 5, 5, 5 };
	static const double falling[] = { 20, 18, 16, 14, 12, 10 };
	struct fixture_series x;
	struct target t = target_by_year(1, 10, 2030);
	struct explain e;

	assess_dns_weather(fixture_years(&x, 2015, flat, 6), &t, &e);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_THUNDERSTORM);
	assert_true(q(&e, EXPLAIN_Q_MEAN_CHANGE) == 0);
	assert_false(explain_get(&e, EXPLAIN_Q_PROJECTED_VALUE, NULL));
	t = target_by_year(1, 30, 2030);
	assess_dns_weather(fixture_years(&x, 2015, falling, 6), &t, &e);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_THUNDERSTORM);
}

static void
test_rule_a_last_six_available_values(void **state)
{
	/* Years with gaps: 2010 0, 2012 10, 2013 11, 2016 14, 2018 16, 2019 17,
	 * 2020 18. The last six available values start in 2012, so
	 * Δ̄ = (18 − 10)/(2020 − 2012) = 1 (not /5, and not from 2010). Target 28
	 * by 2030: x̂ = 18 + 10 = 28, r = 0: sun. */
	static const int years[] = { 2010, 2012, 2013, 2016, 2018, 2019, 2020 };
	static const double v[] = { 0, 10, 11, 14, 16, 17, 18 };
	struct fixture_series x;
	struct target t = target_by_year(1, 28, 2030);
	struct explain e;

	assess_dns_weather(fixture_points(&x, years, v, 7), &t, &e);
	assert_true(q(&e, EXPLAIN_Q_START_YEAR) == 2012);
	assert_true(q(&e, EXPLAIN_Q_MEAN_CHANGE) == 1);
	assert_true(q(&e, EXPLAIN_Q_POINTS_AVAILABLE) == 7);
	assert_int_equal(e.point_count, 6);
	assert_int_equal(e.first, 1);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN);
}

static void
test_rule_a_target_year_is_last_year(void **state)
{
	/* Target 30 in 2020, last value 20 in 2020 (not met): T − t = 0, so
	 * x̂ = 20 and r = (30 − 20)/10 = 1 > 0.20: cloud (still moving the right
	 * way). A target year before the last value is past: not assessable. */
	struct fixture_series x;
	struct target t = target_by_year(1, 30, 2020);
	struct explain e;

	assess_dns_weather(fixture_years(&x, 2015, rising, 6), &t, &e);
	assert_true(q(&e, EXPLAIN_Q_MISS_RATIO) == 1);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_CLOUD);
	t = target_by_year(1, 30, 2019);
	assert_int_equal(assess_dns_weather(&x.s, &t, &e), EXPLAIN_NOT_ASSESSABLE);
	assert_int_equal(e.reason, EXPLAIN_REASON_TARGET_YEAR_PASSED);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_NONE);
}

static void
test_rule_b_interval_weaker_bound(void **state)
{
	/* d = −1, target interval [60, 75] by 2030 (like "reduce by 25 to 40 %"):
	 * the weaker bound is 75. With 100 … 90 (Δ̄ = −2), x̂ = 70,
	 * r = −1·(75 − 70)/|75 − 90| = −1/3 < 0.05: sun. The strict bound 60
	 * would have given r = 1/3, a cloud. d = +1 takes the lower bound. */
	static const double v[] = { 100, 98, 96, 94, 92, 90 };
	struct fixture_series x;
	struct target t = target_by_year(-1, 0, 2030);
	struct explain e;

	t.low = 60;
	t.high = 75;
	assess_dns_weather(fixture_years(&x, 2015, v, 6), &t, &e);
	assert_true(q(&e, EXPLAIN_Q_TARGET_VALUE) == 75);
	assert_near(q(&e, EXPLAIN_Q_MISS_RATIO), -1.0 / 3, 1e-15);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN);
	assert_true(target_weaker_bound(60, 75, 1) == 60);
	/* An interval upside down is a bad target, not a guess. */
	t.low = 80;
	assert_int_equal(assess_dns_weather(&x.s, &t, &e), EXPLAIN_NOT_ASSESSABLE);
	assert_int_equal(e.reason, EXPLAIN_REASON_BAD_TARGET);
}

static void
test_rule_b_several_target_years(void **state)
{
	/* Milestones 15 by 2019 (past), 40 by 2030, 60 by 2040; the last value is
	 * from 2020, so the nearest year not past is 2030 and rule A gives r = 0:
	 * sun (see test_rule_a_sun_exact). With only past milestones: not
	 * assessable. */
	static const struct target_milestone m[] = {
		{ 2040, 60, 60 }, { 2019, 15, 15 }, { 2030, 40, 40 } };
	struct fixture_series x;
	struct target t = target_by_year(1, 0, 0);
	struct explain e;

	t.milestones = m;
	t.milestone_count = 3;
	assess_dns_weather(fixture_years(&x, 2015, rising, 6), &t, &e);
	assert_true(q(&e, EXPLAIN_Q_TARGET_YEAR) == 2030);
	assert_true(q(&e, EXPLAIN_Q_TARGET_VALUE) == 40);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN);
	t.milestone_count = 2;
	t.milestones = m + 1;	/* 2019 and 2030 */
	assess_dns_weather(&x.s, &t, &e);
	assert_true(q(&e, EXPLAIN_Q_TARGET_YEAR) == 2030);
	t.milestone_count = 1;	/* 2019 only */
	assert_int_equal(assess_dns_weather(&x.s, &t, &e), EXPLAIN_NOT_ASSESSABLE);
	assert_int_equal(e.reason, EXPLAIN_REASON_TARGET_YEAR_PASSED);
}

static void
test_rule_c_target_by_year_already_met(void **state)
{
	/* Target 18 by 2030, x_t = 20: d·(x_t − x*) = 2 ≥ 0, met; Δ̄ = 2 ≥ 0:
	 * sun by rule C. Exactly at the target (x* = 20) still counts as met.
	 * Met while falling (20 … 10, target 5): sun behind cloud. */
	static const double falling[] = { 20, 18, 16, 14, 12, 10 };
	struct fixture_series x;
	struct target t = target_by_year(1, 18, 2030);
	struct explain e;

	assess_dns_weather(fixture_years(&x, 2015, rising, 6), &t, &e);
	assert_int_equal(e.rule, EXPLAIN_RULE_DNS_LEVEL);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN);
	t = target_by_year(1, 20, 2030);
	assess_dns_weather(&x.s, &t, &e);
	assert_int_equal(e.rule, EXPLAIN_RULE_DNS_LEVEL);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN);
	t = target_by_year(1, 5, 2030);
	assess_dns_weather(fixture_years(&x, 2015, falling, 6), &t, &e);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN_BEHIND_CLOUD);
}

static void
test_rule_c_every_year(void **state)
{
	/* "At most 60 every year" (d = −1):
	 * 70 … 60 by −2 (x_t = 60, met; Δ̄ = −2, d·Δ̄ = 2 ≥ 0): sun.
	 * 50 … 60 by +2 (met; d·Δ̄ = −2 < 0): sun behind cloud.
	 * 80 … 70 by −2 (not met; d·Δ̄ = 2 ≥ 0): cloud.
	 * 70 flat (not met; Δ̄ = 0): cloud — wiall's choice for Δ̄ = 0.
	 * 60 … 70 by +2 (not met; d·Δ̄ < 0): thunderstorm.
	 * 50 flat (met; Δ̄ = 0): sun. */
	static const struct {
		double		first, step;
		enum explain_verdict want;
	} c[] = {
		{ 70, -2, EXPLAIN_VERDICT_SUN },
		{ 50, 2, EXPLAIN_VERDICT_SUN_BEHIND_CLOUD },
		{ 80, -2, EXPLAIN_VERDICT_CLOUD },
		{ 70, 0, EXPLAIN_VERDICT_CLOUD },
		{ 60, 2, EXPLAIN_VERDICT_THUNDERSTORM },
		{ 50, 0, EXPLAIN_VERDICT_SUN },
	};
	struct target t = target_every_year(-1, 60);
	struct fixture_series x;
	struct explain e;
	double v[6];
	size_t i, k;

	for (i = 0; i < N(c); i++) {
		for (k = 0; k < 6; k++)
			v[k] = c[i].first + c[i].step * (double)k;
		assert_int_equal(assess_dns_weather(
		    fixture_years(&x, 2019, v, 6), &t, &e), EXPLAIN_ASSESSED);
		assert_int_equal(e.rule, EXPLAIN_RULE_DNS_LEVEL);
		assert_int_equal(e.verdict, c[i].want);
		assert_false(explain_get(&e, EXPLAIN_Q_TARGET_YEAR, NULL));
	}
}

static void
test_rule_d_direction(void **state)
{
	/* Direction only, higher is better; δ = x_t − x_{t−1}:
	 * 1 2 3 4 5 6    Δ̄ = 1 > 0, δ = 1 > 0: sun.
	 * 1 2 3 4 6 6    Δ̄ = 1 > 0, δ = 0 ≤ 0: sun behind cloud.
	 * 6 5 4 3 2 3    Δ̄ = −0.6 ≤ 0, δ = 1 > 0: cloud.
	 * 6 6 6 6 6 6    Δ̄ = 0 ≤ 0, δ = 0: thunderstorm.
	 * Lower is better mirrors it: 6 5 4 3 2 1 is a sun. */
	static const struct {
		double			v[6];
		int			d;
		enum explain_verdict	want;
	} c[] = {
		{ { 1, 2, 3, 4, 5, 6 }, 1, EXPLAIN_VERDICT_SUN },
		{ { 1, 2, 3, 4, 6, 6 }, 1, EXPLAIN_VERDICT_SUN_BEHIND_CLOUD },
		{ { 6, 5, 4, 3, 2, 3 }, 1, EXPLAIN_VERDICT_CLOUD },
		{ { 6, 6, 6, 6, 6, 6 }, 1, EXPLAIN_VERDICT_THUNDERSTORM },
		{ { 6, 5, 4, 3, 2, 1 }, -1, EXPLAIN_VERDICT_SUN },
		{ { 1, 2, 3, 4, 5, 6 }, -1, EXPLAIN_VERDICT_THUNDERSTORM },
	};
	struct fixture_series x;
	struct explain e;
	struct target t;
	size_t i;

	for (i = 0; i < N(c); i++) {
		t = target_direction(c[i].d);
		assess_dns_weather(fixture_years(&x, 2010, c[i].v, 6), &t, &e);
		assert_int_equal(e.rule, EXPLAIN_RULE_DNS_DIRECTION);
		assert_int_equal(e.verdict, c[i].want);
	}
	t = target_direction(1);
	assess_dns_weather(fixture_years(&x, 2010, c[2].v, 6), &t, &e);
	assert_near(q(&e, EXPLAIN_Q_MEAN_CHANGE), -0.6, 1e-15);
	assert_true(q(&e, EXPLAIN_Q_LAST_CHANGE) == 1);
	assert_true(q(&e, EXPLAIN_Q_PREVIOUS_VALUE) == 2);
}

static void
test_rule_e_worst_wins(void **state)
{
	/* Two targets that must both hold on 10 … 20: 40 by 2030 gives a sun
	 * (r = 0), 100 by 2030 a cloud (x̂ = 40, r = 60/80 = 0.75): the
	 * combination is a cloud and says it combined two targets. */
	struct target t[3];
	struct explain each[3], all;
	struct fixture_series x;

	t[0] = target_by_year(1, 40, 2030);
	t[1] = target_by_year(1, 100, 2030);
	t[2] = target_by_year(1, 100, 2010);	/* past */
	assert_int_equal(assess_dns_weather_all(
	    fixture_years(&x, 2015, rising, 6), t, 2, each, &all),
	    EXPLAIN_ASSESSED);
	assert_int_equal(each[0].verdict, EXPLAIN_VERDICT_SUN);
	assert_int_equal(each[1].verdict, EXPLAIN_VERDICT_CLOUD);
	assert_int_equal(all.verdict, EXPLAIN_VERDICT_CLOUD);
	assert_true(q(&all, EXPLAIN_Q_TARGET_COUNT) == 2);
	assert_true(q(&all, EXPLAIN_Q_TARGET_VALUE) == 100);
	/* One part not assessable: the whole is not either. */
	assert_int_equal(assess_dns_weather_all(&x.s, t, 3, each, &all),
	    EXPLAIN_NOT_ASSESSABLE);
	assert_int_equal(all.reason, EXPLAIN_REASON_TARGET_YEAR_PASSED);
	assert_int_equal(assess_dns_weather_all(&x.s, t, 0, each, &all),
	    EXPLAIN_NOT_ASSESSABLE);
	assert_int_equal(all.reason, EXPLAIN_REASON_NO_TARGET);
}

static void
test_relative_target(void **state)
{
	/* Region 10 … 15 by 1, reference 12 … 14.5 by 0.5 (2015…2020), higher
	 * is better: g = x − ref = −2, −1.5, −1, −0.5, 0, 0.5. g_2020 = 0.5 ≥ 0
	 * (met), Δ̄_g = (0.5 − (−2))/5 = 0.5 ≥ 0: sun (rule C on the gap).
	 * Lower is better: g = 2 … −0.5, not met, Δ̄_g = −0.5: thunderstorm. */
	static const double x_v[] = { 10, 11, 12, 13, 14, 15 };
	static const double r_v[] = { 12, 12.5, 13, 13.5, 14, 14.5 };
	struct fixture_series x, r;
	struct target t;
	struct explain e;

	fixture_years(&r, 2015, r_v, 6);
	t = target_relative(1, &r.s);
	assess_dns_weather(fixture_years(&x, 2015, x_v, 6), &t, &e);
	assert_int_equal(e.rule, EXPLAIN_RULE_DNS_REFERENCE);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN);
	assert_true(q(&e, EXPLAIN_Q_GAP) == 0.5);
	assert_true(q(&e, EXPLAIN_Q_MEAN_CHANGE) == 0.5);
	assert_true(q(&e, EXPLAIN_Q_LAST_VALUE) == 15);
	assert_true(q(&e, EXPLAIN_Q_REFERENCE_VALUE) == 14.5);
	assert_true(e.points[0].value == -2);
	t = target_relative(-1, &r.s);
	assess_dns_weather(&x.s, &t, &e);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_THUNDERSTORM);
	assert_true(q(&e, EXPLAIN_Q_GAP) == -0.5);
}

static void
test_relative_common_periods_and_breaks(void **state)
{
	/* Region 2013…2020 without 2019, reference 2013…2020 without 2017: the
	 * common years are 2013 2014 2015 2016 2018 2020. A break in the
	 * reference in 2015 leaves 2015 2016 2018 2020 (four: assessable).
	 * Gaps g = x − ref = 0 − 1 = −1 (2015) and 6 − 4 = 2 (2020):
	 * Δ̄ = (2 − (−1))/5 = 0.6, g ≥ 0: sun. A break in 2016 leaves three
	 * common years: not assessable, and the record says why. */
	static const int x_y[] = { 2013, 2014, 2015, 2016, 2017, 2018, 2020 };
	static const double x_v[] = { 5, 5, 0, 2, 9, 4, 6 };
	static const int r_y[] = { 2013, 2014, 2015, 2016, 2018, 2019, 2020 };
	static const double r_v[] = { 9, 9, 1, 2, 3, 9, 4 };
	struct fixture_series x, r;
	struct target t;
	struct explain e;

	fixture_points(&x, x_y, x_v, 7);
	fixture_points(&r, r_y, r_v, 7);
	fx_break(&r, 2015);
	t = target_relative(1, &r.s);
	assert_int_equal(assess_dns_weather(&x.s, &t, &e), EXPLAIN_ASSESSED);
	assert_true(e.after_break);
	assert_int_equal(e.break_period.year, 2015);
	assert_true(q(&e, EXPLAIN_Q_POINTS_AVAILABLE) == 4);
	assert_near(q(&e, EXPLAIN_Q_MEAN_CHANGE), 0.6, 1e-15);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN);
	fx_break(&x, 2016);
	assert_int_equal(assess_dns_weather(&x.s, &t, &e), EXPLAIN_NOT_ASSESSABLE);
	assert_int_equal(e.reason, EXPLAIN_REASON_TOO_FEW_AFTER_BREAK);
	t = target_relative(1, NULL);
	assess_dns_weather(&x.s, &t, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_NO_REFERENCE);
	/* No year in common at all. */
	fixture_years(&r, 1990, r_v, 6);
	t = target_relative(1, &r.s);
	assess_dns_weather(&x.s, &t, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_NO_COMMON_PERIODS);
}

static void
test_breaks(void **state)
{
	/* 2010…2020 rising by 1 from 0, break flagged in 2017: only 2017…2020
	 * count (four values, still assessable); Δ̄ = (10 − 7)/3 = 1. With the
	 * break in 2018 three values remain: not assessable although eleven
	 * exist. */
	double v[11];
	size_t i;
	struct fixture_series x;
	struct target t = target_direction(1);
	struct explain e;

	for (i = 0; i < 11; i++)
		v[i] = (double)i;
	fixture_years(&x, 2010, v, 11);
	fx_break(&x, 2017);
	assert_int_equal(assess_dns_weather(&x.s, &t, &e), EXPLAIN_ASSESSED);
	assert_true(e.after_break);
	assert_int_equal(e.break_period.year, 2017);
	assert_int_equal(e.first, 7);
	assert_int_equal(e.point_count, 4);
	assert_true(q(&e, EXPLAIN_Q_START_YEAR) == 2017);
	assert_true(q(&e, EXPLAIN_Q_MEAN_CHANGE) == 1);
	fixture_years(&x, 2010, v, 11);
	fx_break(&x, 2014);
	fx_break(&x, 2018);	/* the last flagged break counts */
	assert_int_equal(assess_dns_weather(&x.s, &t, &e), EXPLAIN_NOT_ASSESSABLE);
	assert_int_equal(e.reason, EXPLAIN_REASON_TOO_FEW_AFTER_BREAK);
	assert_true(q(&e, EXPLAIN_Q_POINTS_AVAILABLE) == 3);
	assert_true(q(&e, EXPLAIN_Q_MIN_POINTS) == 4);
	/* A break on the very first point changes nothing. */
	fixture_years(&x, 2010, v, 11);
	fx_break(&x, 2010);
	assess_dns_weather(&x.s, &t, &e);
	assert_false(e.after_break);
	assert_true(q(&e, EXPLAIN_Q_START_YEAR) == 2015);
}

static void
test_minimum_data_and_bad_input(void **state)
{
	static const double v[] = { 1, 2, 3, 4 };
	struct fixture_series x;
	struct target t = target_direction(1), none = { 0 };
	struct explain e;
	struct series empty = { NULL, NULL, NULL, 0 };

	assess_dns_weather(&empty, &t, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_EMPTY_SERIES);
	assess_dns_weather(fixture_years(&x, 2020, v, 1), &t, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_TOO_FEW_POINTS);
	assess_dns_weather(fixture_years(&x, 2020, v, 3), &t, &e);
	assert_int_equal(e.status, EXPLAIN_NOT_ASSESSABLE);
	assert_int_equal(e.reason, EXPLAIN_REASON_TOO_FEW_POINTS);
	assert_int_equal(e.point_count, 3);	/* what there was is still shown */
	/* Four values: the fewest that give a symbol (1 2 3 4: sun). */
	assert_int_equal(assess_dns_weather(fixture_years(&x, 2020, v, 4), &t,
	    &e),
	    EXPLAIN_ASSESSED);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN);
	/* Unsorted, duplicate, NaN, quarterly, no polarity, no target. */
	fixture_years(&x, 2020, v, 4);
	x.p[2].year = 2021;
	assess_dns_weather(&x.s, &t, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_BAD_SERIES);
	fixture_years(&x, 2020, v, 4);
	x.v[1] = NAN;
	assess_dns_weather(&x.s, &t, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_BAD_SERIES);
	fixture_years(&x, 2020, v, 4);
	x.p[0].kind = x.p[1].kind = x.p[2].kind = x.p[3].kind = PERIOD_QUARTER;
	x.p[0].sub = x.p[1].sub = x.p[2].sub = x.p[3].sub = 1;
	assess_dns_weather(&x.s, &t, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_NOT_ANNUAL);
	fixture_years(&x, 2020, v, 4);
	t.polarity = 0;
	assess_dns_weather(&x.s, &t, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_NO_POLARITY);
	assess_dns_weather(&x.s, &none, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_NO_TARGET);
	assess_dns_weather(&x.s, NULL, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_NO_TARGET);
	t = target_by_year(1, NAN, 2030);
	assess_dns_weather(&x.s, &t, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_BAD_TARGET);
	t = target_by_year(1, 10, 0);
	assess_dns_weather(&x.s, &t, &e);
	assert_int_equal(e.reason, EXPLAIN_REASON_BAD_TARGET);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rule_a_sun_exact),
		cmocka_unit_test(test_rule_a_boundary_005),
		cmocka_unit_test(test_rule_a_boundary_020),
		cmocka_unit_test(test_rule_a_lower_is_better),
		cmocka_unit_test(test_rule_a_thunderstorm),
		cmocka_unit_test(test_rule_a_last_six_available_values),
		cmocka_unit_test(test_rule_a_target_year_is_last_year),
		cmocka_unit_test(test_rule_b_interval_weaker_bound),
		cmocka_unit_test(test_rule_b_several_target_years),
		cmocka_unit_test(test_rule_c_target_by_year_already_met),
		cmocka_unit_test(test_rule_c_every_year),
		cmocka_unit_test(test_rule_d_direction),
		cmocka_unit_test(test_rule_e_worst_wins),
		cmocka_unit_test(test_relative_target),
		cmocka_unit_test(test_relative_common_periods_and_breaks),
		cmocka_unit_test(test_breaks),
		cmocka_unit_test(test_minimum_data_and_bad_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
