/*
 * The assessment use case (src/app/assess.c) on a real database: the catalogue
 * tests/data/assess/catalog.json (one indicator per case) loaded with
 * app_catalog_load_file(), tests/data/assess/observations.csv imported with
 * import_run(). Every expected number is worked out by hand in the comment
 * above its assertion (METHODS §2.2–§2.5, §1 for annual values).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "app/assess.h"
#include "app/assess_csv.h"
#include "app/assess_json.h"
#include "store/catalog.h"
#include "unit/fixture.h"
#include "unit/near.h"

#define BOTTROP	"05512000"

/* One database for every test: none of them writes to it but
 * test_home_region, which is last. */
static struct {
	struct fixture_db	 store;
	struct catalog		 cat;
} fx;

static int
setup(void **state)
{
	static const char *const files[] = {
		"tests/data/assess/observations.csv"
	};
	struct error e;

	if (fixture_db_open(&fx.store) == -1 ||
	    fixture_db_load(&fx.store, "tests/data/assess/catalog.json", files,
	    1) == -1)
		return -1;
	model_catalog_init(&fx.cat);
	return store_catalog_load(fx.store.db, &fx.cat, &e);
}

static int
teardown(void **state)
{
	model_catalog_free(&fx.cat);
	fixture_db_close(&fx.store);
	return 0;
}

static void
run(const char *code, const char *region, unsigned methods,
    struct assess_result *r)
{
	struct assess_options o = { 0 };
	struct error e;

	o.methods = methods;
	assess_result_init(r);
	if (assess_indicator(fx.store.db, &fx.cat, code, region, &o, r,
	    &e) == -1)
		fail_msg("%s: %s", code, e.message);
}

static const struct explain *
dns(const struct assess_result *r)
{
	assert_true(r->ran[ASSESS_DNS]);
	return &r->verdicts[ASSESS_DNS].combined;
}

/* A value by a year, not yet met (METHODS §2.2 A): 2019–2024 = 10, 12, 13,
 * 15, 16, 20; Δ̄ = (20 − 10)/5 = 2; x̂_2030 = 20 + 6·2 = 32;
 * r = (41 − 32)/|41 − 20| = 9/21 = 0.4286 > 0.20 → cloud. */
static void
test_value_target(void **state)
{
	struct assess_result r;
	const struct explain *e;

	run("value_target", BOTTROP, 0, &r);
	e = dns(&r);
	assert_int_equal(r.target_count, 1);
	assert_string_equal(r.targets[0].code, "main");
	assert_int_equal(r.targets[0].kind, MODEL_TARGET_VALUE);
	assert_int_equal(r.targets[0].target.kind, TARGET_BY_YEAR);
	assert_int_equal(e->rule, EXPLAIN_RULE_DNS_PROJECTION);
	assert_int_equal(e->verdict, EXPLAIN_VERDICT_CLOUD);
	assert_near(fixture_q(e, EXPLAIN_Q_TARGET_VALUE), 41, 0);
	assert_near(fixture_q(e, EXPLAIN_Q_TARGET_YEAR), 2030, 0);
	assert_near(fixture_q(e, EXPLAIN_Q_MEAN_CHANGE), 2, 1e-12);
	assert_near(fixture_q(e, EXPLAIN_Q_PROJECTED_VALUE), 32, 1e-12);
	assert_rel(fixture_q(e, EXPLAIN_Q_MISS_RATIO), 9.0 / 21.0, 1e-12);
	assert_true(isnan(fixture_q(e, EXPLAIN_Q_TARGET_COUNT)));
	assert_string_equal(r.region, BOTTROP);
	assert_int_equal(r.primary, ASSESS_DNS);
	assert_ptr_equal(assess_primary(&r), e);
	assess_result_free(&r);
}

/* An interval by a year reads its weaker bound (METHODS §2.2 B): [10, 12],
 * polarity +1 → 10. 2019–2024 = 5 … 9.5: Δ̄ = 4.5/5 = 0.9, x̂ = 9.5 + 6·0.9
 * = 14.9, r = (10 − 14.9)/0.5 = −9.8 < 0.05 → sun. */
static void
test_interval_by_year(void **state)
{
	struct assess_result r;
	const struct explain *e;

	run("interval_year", BOTTROP, 0, &r);
	e = dns(&r);
	assert_int_equal(r.targets[0].target.kind, TARGET_BY_YEAR);
	assert_near(fixture_q(e, EXPLAIN_Q_TARGET_VALUE), 10, 0);
	assert_near(fixture_q(e, EXPLAIN_Q_PROJECTED_VALUE), 14.9, 1e-12);
	assert_near(fixture_q(e, EXPLAIN_Q_MISS_RATIO), -9.8, 1e-12);
	assert_int_equal(e->verdict, EXPLAIN_VERDICT_SUN);
	assess_result_free(&r);
}

/* An interval without a year holds every year; polarity −1 reads the upper
 * bound 5. x_2024 = 4.8 ≤ 5: met; Δ̄ = (4.8 − 7)/5 = −0.44, d·Δ̄ ≥ 0 → sun
 * (rule C). */
static void
test_interval_every_year(void **state)
{
	struct assess_result r;
	const struct explain *e;

	run("interval_every", BOTTROP, 0, &r);
	e = dns(&r);
	assert_int_equal(r.targets[0].target.kind, TARGET_EVERY_YEAR);
	assert_int_equal(e->rule, EXPLAIN_RULE_DNS_LEVEL);
	assert_near(fixture_q(e, EXPLAIN_Q_TARGET_VALUE), 5, 0);
	assert_true(isnan(fixture_q(e, EXPLAIN_Q_TARGET_YEAR)));
	assert_near(fixture_q(e, EXPLAIN_Q_MEAN_CHANGE), -0.44, 1e-12);
	assert_int_equal(e->verdict, EXPLAIN_VERDICT_SUN);
	assess_result_free(&r);
}

/* At most 60 every year: x_2022 = 62 not met; Δ̄ = (62 − 50)/3 = 4, d·Δ̄ < 0
 * → thunderstorm. */
static void
test_every_year(void **state)
{
	struct assess_result r;
	const struct explain *e;

	run("every_year", BOTTROP, 0, &r);
	e = dns(&r);
	assert_int_equal(r.targets[0].target.kind, TARGET_EVERY_YEAR);
	assert_near(fixture_q(e, EXPLAIN_Q_TARGET_VALUE), 60, 0);
	assert_near(fixture_q(e, EXPLAIN_Q_MEAN_CHANGE), 4, 1e-12);
	assert_int_equal(e->verdict, EXPLAIN_VERDICT_THUNDERSTORM);
	assess_result_free(&r);
}

/* Direction only (rule D): 2018–2023 = 100, 101, 103, 102, 104, 103;
 * Δ̄ = 3/5 = 0.6 > 0, δ = 103 − 104 = −1 ≤ 0 → sun behind cloud. */
static void
test_direction(void **state)
{
	struct assess_result r;
	const struct explain *e;

	run("direction", BOTTROP, 0, &r);
	e = dns(&r);
	assert_string_equal(r.targets[0].code, "up");
	assert_int_equal(r.targets[0].target.kind, TARGET_DIRECTION);
	assert_int_equal(e->rule, EXPLAIN_RULE_DNS_DIRECTION);
	assert_near(fixture_q(e, EXPLAIN_Q_MEAN_CHANGE), 0.6, 1e-12);
	assert_near(fixture_q(e, EXPLAIN_Q_LAST_CHANGE), -1, 0);
	assert_int_equal(e->verdict, EXPLAIN_VERDICT_SUN_BEHIND_CLOUD);
	/* The arrow: Δ̄ = 0.6 ≥ 0.5 (half a unit at 0 decimals) → up, good. */
	assert_int_equal(r.trend.direction, ASSESS_DIRECTION_UP);
	assert_int_equal(r.trend.better, 1);
	assess_result_free(&r);
}

/* At least the reference region (METHODS §2.5): Bottrop 50 … 55, NRW 52, 52.5
 * … 54.5 (2019–2024); gaps −2, −1.5, −1, −0.5, 0, 0.5: g_2024 = 0.5 ≥ 0 met,
 * Δ̄ of the gaps = 2.5/5 = 0.5 ≥ 0 → sun. In NRW itself (named by its alias
 * DEA) the target does not count: the polarity's direction, NRW rising by 0.5
 * a year, last change +0.5 → sun by rule D. */
static void
test_reference(void **state)
{
	struct assess_result r;
	const struct explain *e;

	run("reference", BOTTROP, 0, &r);
	e = dns(&r);
	assert_string_equal(r.targets[0].reference_region, "05");
	assert_true(r.targets[0].reference_has_data);
	assert_int_equal(r.targets[0].reference.count, 6);
	assert_near(r.targets[0].reference.values[5], 54.5, 0);
	assert_int_equal(e->rule, EXPLAIN_RULE_DNS_REFERENCE);
	assert_near(fixture_q(e, EXPLAIN_Q_GAP), 0.5, 1e-12);
	assert_near(fixture_q(e, EXPLAIN_Q_LAST_VALUE), 55, 0);
	assert_near(fixture_q(e, EXPLAIN_Q_REFERENCE_VALUE), 54.5, 0);
	assert_near(fixture_q(e, EXPLAIN_Q_MEAN_CHANGE), 0.5, 1e-12);
	assert_int_equal(e->verdict, EXPLAIN_VERDICT_SUN);
	assess_result_free(&r);

	run("reference", "DEA", 0, &r);
	e = dns(&r);
	assert_string_equal(r.region, "05");
	assert_int_equal(r.target_count, 1);
	assert_null(r.targets[0].code);
	assert_int_equal(e->rule, EXPLAIN_RULE_DNS_DIRECTION);
	assert_near(fixture_q(e, EXPLAIN_Q_MEAN_CHANGE), 0.5, 1e-12);
	assert_int_equal(e->verdict, EXPLAIN_VERDICT_SUN);
	assess_result_free(&r);
}

/* Annual values from months (METHODS §1, mean): 2019 annual 4.5; 2020 twelve
 * months 4, 6, 4, … → 5; 2021 annual 6.1 wins over its twelve months of 6;
 * 2022 annual 7 (June missing, so its months are incomplete anyway); 2023
 * twelve months of 8 → 8; 2024 three months → left out. Years made from
 * months: 2020, 2023 (2); incomplete: 2024 (1). Polarity −1, no target:
 * Δ̄ = (8 − 4.5)/4 = 0.875 > 0, δ = 1 → thunderstorm (rule D). The latest
 * figure is the month 2024-03 = 8.7. */
static void
test_monthly(void **state)
{
	static const double want[] = { 4.5, 5, 6.1, 7, 8 };
	struct assess_result r;
	const struct explain *e;
	size_t i;

	run("monthly", BOTTROP, 0, &r);
	assert_int_equal(r.series.count, 5);
	for (i = 0; i < 5; i++) {
		assert_int_equal(r.series.periods[i].kind, PERIOD_YEAR);
		assert_int_equal(r.series.periods[i].year, 2019 + (int)i);
		assert_near(r.series.values[i], want[i], 1e-12);
	}
	assert_int_equal(r.series.from_subannual, 2);
	assert_int_equal(r.series.incomplete, 1);
	assert_true(r.latest.has);
	assert_int_equal(r.latest.period.kind, PERIOD_MONTH);
	assert_int_equal(r.latest.period.year, 2024);
	assert_int_equal(r.latest.period.sub, 3);
	assert_near(r.latest.value, 8.7, 0);
	e = dns(&r);
	assert_null(r.targets[0].code);
	assert_int_equal(e->rule, EXPLAIN_RULE_DNS_DIRECTION);
	assert_near(fixture_q(e, EXPLAIN_Q_MEAN_CHANGE), 0.875, 1e-12);
	assert_int_equal(e->verdict, EXPLAIN_VERDICT_THUNDERSTORM);
	assert_int_equal(r.trend.direction, ASSESS_DIRECTION_UP);
	assert_int_equal(r.trend.better, -1);
	assert_near(r.trend.change, 0.875, 1e-12);
	assert_int_equal(r.trend.from_year, 2019);
	assert_int_equal(r.trend.to_year, 2023);
	assess_result_free(&r);
}

/* Stocks take the fourth quarter: 2020 → 13, 2021 has no Q4 (incomplete),
 * 2022 → 17, 2023 has Q4 only → 20. Flows add up: 2021 = 1+2+3+4 = 10,
 * 2022 = 4·5 = 20. Three and two values: not assessable (DNS needs four). */
static void
test_stock_and_flow(void **state)
{
	struct assess_result r;
	const struct explain *e;

	run("stock", BOTTROP, 0, &r);
	assert_int_equal(r.series.count, 3);
	assert_int_equal(r.series.periods[0].year, 2020);
	assert_near(r.series.values[0], 13, 0);
	assert_int_equal(r.series.periods[1].year, 2022);
	assert_near(r.series.values[1], 17, 0);
	assert_int_equal(r.series.periods[2].year, 2023);
	assert_near(r.series.values[2], 20, 0);
	assert_int_equal(r.series.incomplete, 1);
	assert_int_equal(r.series.from_subannual, 3);
	e = dns(&r);
	assert_int_equal(e->status, EXPLAIN_NOT_ASSESSABLE);
	assert_int_equal(e->reason, EXPLAIN_REASON_TOO_FEW_POINTS);
	assess_result_free(&r);

	run("flow", BOTTROP, 0, &r);
	assert_int_equal(r.series.count, 2);
	assert_near(r.series.values[0], 10, 0);
	assert_near(r.series.values[1], 20, 0);
	assess_result_free(&r);
}

/* A flag b on 2019 (value 5 after 10 … 13): only 2019–2022 = 5, 6, 7, 8
 * count: 4 values, Δ̄ = 1, δ = 1 → sun, "counted from the break in 2019".
 * A break flagged on a missing 2019 marks the next value, 2020. With only
 * two values after the break: not assessable, and the reason says so. */
static void
test_breaks(void **state)
{
	struct assess_result r;
	const struct explain *e;

	run("breaks", BOTTROP, 0, &r);
	assert_true(r.series.flags[4] & SERIES_FLAG_BREAK);
	assert_false(r.series.flags[3] & SERIES_FLAG_BREAK);
	e = dns(&r);
	assert_true(e->after_break);
	assert_int_equal(e->break_period.year, 2019);
	assert_near(fixture_q(e, EXPLAIN_Q_POINTS_AVAILABLE), 4, 0);
	assert_near(fixture_q(e, EXPLAIN_Q_START_VALUE), 5, 0);
	assert_int_equal(e->verdict, EXPLAIN_VERDICT_SUN);
	/* The arrow counts from the break too: Δ̄ = 1 over 2019–2022. */
	assert_int_equal(r.trend.from_year, 2019);
	assert_near(r.trend.change, 1, 1e-12);
	assess_result_free(&r);

	run("break_missing", BOTTROP, 0, &r);
	assert_int_equal(r.series.count, 8);
	assert_int_equal(r.series.periods[4].year, 2020);
	assert_true(r.series.flags[4] & SERIES_FLAG_BREAK);
	e = dns(&r);
	assert_true(e->after_break);
	assert_int_equal(e->break_period.year, 2020);
	assert_int_equal(e->verdict, EXPLAIN_VERDICT_SUN);
	assess_result_free(&r);

	run("break_few", BOTTROP, 0, &r);
	e = dns(&r);
	assert_int_equal(e->status, EXPLAIN_NOT_ASSESSABLE);
	assert_int_equal(e->reason, EXPLAIN_REASON_TOO_FEW_AFTER_BREAK);
	assess_result_free(&r);
}

/* Two targets that must both hold (METHODS §2.2 E): a = 100 by 2030 with
 * 2019–2024 = 40 … 50: Δ̄ = 2, x̂ = 62, r = 38/50 = 0.76 → cloud; b = at
 * least 40 every year: met, rising → sun. The worst, a's cloud, decides;
 * both records are kept. With a's year 2020 already past, a is not
 * assessable, and so neither is the indicator. */
static void
test_several_targets(void **state)
{
	struct assess_result r;
	const struct explain *e;

	run("several", BOTTROP, 0, &r);
	assert_int_equal(r.target_count, 2);
	assert_string_equal(r.targets[0].code, "a");
	assert_string_equal(r.targets[1].code, "b");
	assert_int_equal(r.targets[0].records[ASSESS_DNS].verdict,
	    EXPLAIN_VERDICT_CLOUD);
	assert_rel(fixture_q(&r.targets[0].records[ASSESS_DNS],
	    EXPLAIN_Q_MISS_RATIO), 0.76, 1e-12);
	assert_int_equal(r.targets[1].records[ASSESS_DNS].verdict,
	    EXPLAIN_VERDICT_SUN);
	e = dns(&r);
	assert_int_equal(e->verdict, EXPLAIN_VERDICT_CLOUD);
	assert_int_equal(r.verdicts[ASSESS_DNS].deciding, 0);
	assert_near(fixture_q(e, EXPLAIN_Q_TARGET_COUNT), 2, 0);
	assess_result_free(&r);

	run("several_fail", BOTTROP, 0, &r);
	e = dns(&r);
	assert_int_equal(e->status, EXPLAIN_NOT_ASSESSABLE);
	assert_int_equal(e->reason, EXPLAIN_REASON_TARGET_YEAR_PASSED);
	assert_int_equal(r.verdicts[ASSESS_DNS].deciding, 0);
	assert_int_equal(r.targets[1].records[ASSESS_DNS].verdict,
	    EXPLAIN_VERDICT_SUN);
	assess_result_free(&r);
}

/* Polarity 0. Without a target nothing says which way is better. With 50 by
 * 2030 and x_2024 = 45 below it, +1: Δ̄ = 1, x̂ = 51, r = (50 − 51)/5 = −0.2
 * → sun. Inside [40, 50] every year: at least 40 (met, rising: sun) and at
 * most 50 (met, but rising: sun behind cloud) → sun behind cloud. */
static void
test_polarity_zero(void **state)
{
	struct assess_result r;
	const struct explain *e;

	run("context", BOTTROP, 0, &r);
	e = dns(&r);
	assert_int_equal(e->status, EXPLAIN_NOT_ASSESSABLE);
	assert_int_equal(e->reason, EXPLAIN_REASON_NO_POLARITY);
	assert_int_equal(r.trend.direction, ASSESS_DIRECTION_UP);
	assert_int_equal(r.trend.better, 0);
	assess_result_free(&r);

	run("toward_value", BOTTROP, 0, &r);
	assert_true(r.targets[0].polarity_derived);
	assert_int_equal(r.targets[0].polarity, 1);
	e = dns(&r);
	assert_near(fixture_q(e, EXPLAIN_Q_PROJECTED_VALUE), 51, 1e-12);
	assert_near(fixture_q(e, EXPLAIN_Q_MISS_RATIO), -0.2, 1e-12);
	assert_int_equal(e->verdict, EXPLAIN_VERDICT_SUN);
	assess_result_free(&r);

	run("inside_band", BOTTROP, 0, &r);
	assert_true(r.targets[0].polarity_derived);
	e = dns(&r);
	assert_int_equal(e->verdict, EXPLAIN_VERDICT_SUN_BEHIND_CLOUD);
	assert_near(fixture_q(e, EXPLAIN_Q_POLARITY), -1, 0);
	assert_near(fixture_q(e, EXPLAIN_Q_TARGET_VALUE), 50, 0);
	assess_result_free(&r);
}

/* A superseded version (valid_to set) does not count: 60, not 30. */
static void
test_superseded(void **state)
{
	struct assess_result r;

	run("superseded", BOTTROP, 0, &r);
	assert_int_equal(r.target_count, 1);
	assert_near(r.targets[0].version->value, 60, 0);
	assert_null(r.targets[0].version->valid_to);
	assert_near(fixture_q(dns(&r), EXPLAIN_Q_TARGET_VALUE), 60, 0);
	assess_result_free(&r);
}

static void
test_no_data(void **state)
{
	struct assess_result r;
	const struct explain *e;

	run("empty", BOTTROP, ASSESS_METHODS_ALL, &r);
	assert_false(r.latest.has);
	assert_int_equal(r.observation_count, 0);
	assert_int_equal(r.trend.direction, ASSESS_DIRECTION_NONE);
	e = dns(&r);
	assert_int_equal(e->status, EXPLAIN_NOT_ASSESSABLE);
	assert_int_equal(e->reason, EXPLAIN_REASON_EMPTY_SERIES);
	assert_int_equal(r.verdicts[ASSESS_EUROSTAT].combined.reason,
	    EXPLAIN_REASON_EMPTY_SERIES);
	assert_int_equal(r.verdicts[ASSESS_OPENSDG].combined.reason,
	    EXPLAIN_REASON_EMPTY_SERIES);
	assess_result_free(&r);
}

/*
 * Eurostat and Open SDG over the same targets. value_target, 41 by 2030, data
 * 2019–2024 (10 … 20): Eurostat's short term starts at 2019 (five years back):
 * CAGR_a = (20/10)^(1/5) − 1, CAGR_r = (41/10)^(1/11) − 1, R = CAGR_a/CAGR_r
 * = 0.14870/0.13687 = 1.0864 ≥ 0.95 → significant progress. Open SDG's base
 * year 2015 has no value, so 2019: p is the same ratio → ≥ 0.95 substantial
 * progress, score 7.1429·p − 4.2857 = 3.475. For a reference target both read
 * the trend alone, Eurostat also for a target every year.
 */
static void
test_other_methods(void **state)
{
	double actual = pow(2, 0.2) - 1, required = pow(4.1, 1.0 / 11) - 1;
	double ratio = actual / required;
	struct assess_result r;
	const struct explain *e;

	run("value_target", BOTTROP, ASSESS_METHODS_ALL, &r);
	assert_int_equal(r.primary, ASSESS_DNS);
	e = &r.verdicts[ASSESS_EUROSTAT].combined;
	assert_int_equal(e->rule, EXPLAIN_RULE_EUROSTAT_TARGET);
	assert_rel(fixture_q(e, EXPLAIN_Q_RATE_ACTUAL), actual, 1e-12);
	assert_rel(fixture_q(e, EXPLAIN_Q_RATE_REQUIRED), required, 1e-12);
	assert_rel(fixture_q(e, EXPLAIN_Q_RATE_RATIO), ratio, 1e-12);
	assert_near(ratio, 1.0864, 1e-4);
	assert_int_equal(e->verdict, EXPLAIN_VERDICT_SIGNIFICANT_PROGRESS);
	e = &r.verdicts[ASSESS_OPENSDG].combined;
	assert_int_equal(e->rule, EXPLAIN_RULE_OPENSDG_TARGET);
	assert_near(fixture_q(e, EXPLAIN_Q_START_YEAR), 2019, 0);
	assert_rel(fixture_q(e, EXPLAIN_Q_PROGRESS), ratio, 1e-12);
	assert_rel(fixture_q(e, EXPLAIN_Q_SCORE), 7.1429 * ratio - 4.2857,
	    1e-12);
	assert_int_equal(e->verdict, EXPLAIN_VERDICT_SUBSTANTIAL_PROGRESS);
	assess_result_free(&r);

	run("reference", BOTTROP, ASSESS_METHOD_BIT(ASSESS_EUROSTAT) |
	    ASSESS_METHOD_BIT(ASSESS_OPENSDG), &r);
	assert_false(r.ran[ASSESS_DNS]);
	assert_int_equal(r.primary, ASSESS_EUROSTAT);
	assert_int_equal(r.verdicts[ASSESS_EUROSTAT].combined.rule,
	    EXPLAIN_RULE_EUROSTAT_TREND);
	assert_int_equal(r.verdicts[ASSESS_OPENSDG].combined.rule,
	    EXPLAIN_RULE_OPENSDG_TREND);
	assess_result_free(&r);

	run("interval_every", BOTTROP, ASSESS_METHODS_ALL, &r);
	assert_int_equal(r.verdicts[ASSESS_EUROSTAT].combined.rule,
	    EXPLAIN_RULE_EUROSTAT_TREND);
	assert_int_equal(r.verdicts[ASSESS_OPENSDG].combined.rule,
	    EXPLAIN_RULE_OPENSDG_TARGET);
	assess_result_free(&r);
}

/* The caller's arrays (file mode): a period twice and a value that is not a
 * number are errors; sub-annual values without a complete year are "not
 * annual", not "no values"; polarity 0 without data says "no values". */
static void
test_run_input(void **state)
{
	struct assess_observation obs[3] = {
		{ { 2020, PERIOD_YEAR, 0 }, true, 1, "" },
		{ { 2021, PERIOD_YEAR, 0 }, true, 2, NULL },
		{ { 2020, PERIOD_YEAR, 0 }, true, 3, "p" },
	};
	struct target_version tv = { 0 };
	struct indicator ind = { 0 };
	struct assess_input in = { 0 };
	struct assess_result r;
	struct error e;

	ind.code = "x";
	ind.polarity = 1;
	in.indicator = &ind;
	in.series.region = "here";
	in.series.obs = obs;
	in.series.count = 3;
	assess_result_init(&r);
	assert_int_equal(assess_run(&in, NULL, &r, &e), -1);
	assert_non_null(strstr(e.message, "period 2020 comes twice"));
	obs[2].period.year = 2022;
	obs[2].value = NAN;
	assert_int_equal(assess_run(&in, NULL, &r, &e), -1);
	assert_non_null(strstr(e.message, "not a finite number"));

	obs[0].period = (struct period){ 2020, PERIOD_MONTH, 1 };
	obs[1].period = (struct period){ 2020, PERIOD_MONTH, 2 };
	in.series.count = 2;
	assert_int_equal(assess_run(&in, NULL, &r, &e), 0);
	assert_int_equal(r.series.count, 0);
	assert_int_equal(r.series.incomplete, 1);
	assert_int_equal(dns(&r)->reason, EXPLAIN_REASON_NOT_ANNUAL);
	assert_true(r.latest.has);
	assert_int_equal(r.latest.period.sub, 2);

	ind.polarity = 0;
	tv.code = "t";
	tv.kind = MODEL_TARGET_VALUE;
	tv.has_value = true;
	tv.value = 5;
	tv.year = 2030;
	ind.targets = &tv;
	ind.target_count = 1;
	in.series.count = 0;
	assert_int_equal(assess_run(&in, NULL, &r, &e), 0);
	assert_int_equal(dns(&r)->reason, EXPLAIN_REASON_EMPTY_SERIES);
	assert_false(r.targets[0].polarity_derived);
	assess_result_free(&r);
}

static void
test_unknown_codes(void **state)
{
	struct assess_result r;
	struct error e;

	assess_result_init(&r);
	assert_int_equal(assess_indicator(fx.store.db, &fx.cat, "nope", BOTTROP,
	    NULL, &r, &e), -1);
	assert_non_null(strstr(e.message, "unknown indicator 'nope'"));
	assert_int_equal(assess_indicator(fx.store.db, &fx.cat, "monthly", "XX",
	    NULL, &r, &e), -1);
	assert_non_null(strstr(e.message, "unknown region 'XX'"));
	assess_result_free(&r);
}

static void
test_sentences(void **state)
{
	struct assess_result r;
	char buf[1024];

	assert_string_equal(assess_unit_label("percent", "de"), "%");
	assert_string_equal(assess_unit_label("percent of area", "en"), "%");
	assert_string_equal(assess_unit_label("persons", "en"), "persons");
	assert_null(assess_unit_label("no such unit anywhere", "de"));
	assert_null(assess_unit_label(NULL, "en"));

	/* monthly: Δ̄ = 0.875 percentage points, shown with the indicator's one
	 * decimal: "0,9 Prozentpunkte". */
	run("monthly", BOTTROP, 0, &r);
	assess_sentence(&r, assess_primary(&r), "de", buf, sizeof(buf));
	assert_non_null(strstr(buf, "0,9 Prozentpunkte pro Jahr"));
	assess_sentence(&r, assess_primary(&r), "en", buf, sizeof(buf));
	assert_non_null(strstr(buf, "0.9 percentage points a year"));
	assess_result_free(&r);
}

/* The JSON document parses and holds the record's numbers. */
static void
test_json(void **state)
{
	struct assess_result r[2];
	struct buf out = BUF_INIT;
	json_error_t err;
	json_t *doc, *res, *rec;

	run("value_target", BOTTROP, 0, &r[0]);
	run("several", BOTTROP, 0, &r[1]);
	assess_json_document(&out, ASSESS_DNS, "database", BOTTROP, r, 2);
	doc = json_loads(buf_cstr(&out), 0, &err);
	if (doc == NULL)
		fail_msg("line %d: %s", err.line, err.text);
	assert_string_equal(json_string_value(json_object_get(doc, "format")),
	    ASSESS_JSON_FORMAT);
	res = json_array_get(json_object_get(doc, "results"), 0);
	assert_string_equal(json_string_value(json_object_get(res, "verdict")),
	    "cloud");
	rec = json_object_get(res, "assessment");
	assert_string_equal(json_string_value(json_object_get(rec, "rule")),
	    "dns_projection");
	assert_near(json_number_value(json_object_get(json_object_get(rec,
	    "intermediate"), "projected_value")), 32, 1e-12);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(rec,
	    "parameters"), "target_year")), 2030);
	assert_int_equal(json_array_size(json_object_get(rec, "points")), 6);
	assert_non_null(strstr(json_string_value(json_object_get(rec,
	    "reason_de")), "deutlich verfehlt"));
	res = json_array_get(json_object_get(doc, "results"), 1);
	assert_int_equal(json_array_size(json_object_get(res, "targets")), 2);
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    json_array_get(json_object_get(res, "targets"), 1), "assessment"),
	    "verdict")), "sun");
	json_decref(doc);
	buf_free(&out);
	assess_result_free(&r[0]);
	assess_result_free(&r[1]);
}

/* The CSV row: fixed columns, empty cells for what is absent, sentences with
 * commas quoted. value_target: Δ̄ 2, x̂ 32, r = 9/21 (see test_value_target). */
static void
test_csv(void **state)
{
	struct assess_result r;
	struct buf out = BUF_INIT;
	const char *row;

	run("value_target", BOTTROP, 0, &r);
	assess_csv_document(&out, ASSESS_DNS, &r, 1);
	row = strchr(buf_cstr(&out), '\n');
	assert_non_null(row);
	assert_int_equal(row - buf_cstr(&out), strlen(ASSESS_CSV_HEADER));
	assert_memory_equal(buf_cstr(&out), ASSESS_CSV_HEADER,
	    strlen(ASSESS_CSV_HEADER));
	assert_non_null(strstr(row, "\nvalue_target,05512000,dns,assessed,none,"
	    "cloud,2,dns_projection,1,main,value,2024,20,,up,2,2019,2024,20,41,"
	    "2030,,,2,32,0.42857142857142855,,,,,,,\"Der Wert steigt"));
	assert_non_null(strstr(row, "\",The value rises by 2.0 percentage points"));
	buf_free(&out);
	assess_result_free(&r);
}

/* The home region: the catalogue lists NRW (a state) first, then Bottrop (a
 * district-free city): Bottrop. The meta key home_region overrides. */
static void
test_home_region(void **state)
{
	const struct region *home;
	struct error e;

	assert_int_equal(assess_home_region(fx.store.db, &fx.cat, &home, &e),
	    0);
	assert_string_equal(home->code, BOTTROP);
	assert_int_equal(db_meta_set(fx.store.db, "home_region", "DEA", &e), 0);
	assert_int_equal(assess_home_region(fx.store.db, &fx.cat, &home, &e),
	    0);
	assert_string_equal(home->code, "05");
	assert_int_equal(db_meta_set(fx.store.db, "home_region", "XX", &e), 0);
	assert_int_equal(assess_home_region(fx.store.db, &fx.cat, &home, &e),
	    -1);
	assert_non_null(strstr(e.message, "'XX'"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_value_target),
		cmocka_unit_test(test_interval_by_year),
		cmocka_unit_test(test_interval_every_year),
		cmocka_unit_test(test_every_year),
		cmocka_unit_test(test_direction),
		cmocka_unit_test(test_reference),
		cmocka_unit_test(test_monthly),
		cmocka_unit_test(test_stock_and_flow),
		cmocka_unit_test(test_breaks),
		cmocka_unit_test(test_several_targets),
		cmocka_unit_test(test_polarity_zero),
		cmocka_unit_test(test_superseded),
		cmocka_unit_test(test_no_data),
		cmocka_unit_test(test_other_methods),
		cmocka_unit_test(test_run_input),
		cmocka_unit_test(test_unknown_codes),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_home_region),	/* last: it sets meta */
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
