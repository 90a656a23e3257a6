/* Eurostat SDG progress categories (METHODS §2.3). */
#include "core/assess_eurostat.h"

#include <math.h>

#include "core/assess_series.h"
#include "core/growth.h"

void
assess_eurostat_defaults(enum assess_eurostat_term term,
    struct assess_eurostat_params *p)
{
	p->horizon = term == ASSESS_EUROSTAT_LONG ? 15 : 5;
	p->min_span = term == ASSESS_EUROSTAT_LONG ? 10 : 3;
	p->target_high = 0.95;
	p->target_medium = 0.60;
	p->target_low = 0;
	p->trend_high = 0.01;
	p->trend_medium = 0;
	p->trend_low = -0.01;
}

static enum explain_status
eurostat_growth_problem(enum growth_status g, struct explain *out)
{
	switch (g) {
	case GROWTH_OK:
		return EXPLAIN_ASSESSED;
	case GROWTH_ZERO_BASE:
		return explain_fail(out, EXPLAIN_REASON_ZERO_BASE);
	case GROWTH_ZERO_VALUE:
		return explain_fail(out, EXPLAIN_REASON_ZERO_VALUE);
	case GROWTH_SIGN_CHANGE:
		return explain_fail(out, EXPLAIN_REASON_SIGN_CHANGE);
	case GROWTH_ZERO_SPAN:
		return explain_fail(out, EXPLAIN_REASON_SPAN_TOO_SHORT);
	default:
		return explain_fail(out, EXPLAIN_REASON_BAD_SERIES);
	}
}

/* Categories with a target: R ≥ 0.95, 0.60 ≤ R < 0.95, 0 ≤ R < 0.60, R < 0. */
static enum explain_verdict
eurostat_target_category(double r, const struct assess_eurostat_params *p)
{
	if (r >= p->target_high)
		return EXPLAIN_VERDICT_SIGNIFICANT_PROGRESS;
	if (r >= p->target_medium)
		return EXPLAIN_VERDICT_MODERATE_PROGRESS;
	if (r >= p->target_low)
		return EXPLAIN_VERDICT_INSUFFICIENT_PROGRESS;
	return EXPLAIN_VERDICT_MOVEMENT_AWAY;
}

/* Without a target: g > 1 %, 0 < g ≤ 1 %, −1 % ≤ g ≤ 0, g < −1 %. */
static enum explain_verdict
eurostat_trend_category(double g, const struct assess_eurostat_params *p)
{
	if (g > p->trend_high)
		return EXPLAIN_VERDICT_SIGNIFICANT_PROGRESS;
	if (g > p->trend_medium)
		return EXPLAIN_VERDICT_MODERATE_PROGRESS;
	if (g >= p->trend_low)
		return EXPLAIN_VERDICT_MODERATE_MOVEMENT_AWAY;
	return EXPLAIN_VERDICT_SIGNIFICANT_MOVEMENT_AWAY;
}

enum explain_status
assess_eurostat(const struct series *s, const struct target *t,
    const struct assess_eurostat_params *params, struct explain *out)
{
	struct assess_eurostat_params defaults;
	const struct assess_eurostat_params *p = params;
	size_t start, i0;
	double actual, required, goal = 0;
	int d, t_last, t0, year = 0;
	bool with_target;

	explain_init(out, EXPLAIN_METHOD_EUROSTAT, ASSESS_EUROSTAT_VERSION);
	if (p == NULL) {
		assess_eurostat_defaults(ASSESS_EUROSTAT_SHORT, &defaults);
		p = &defaults;
	}
	if (t == NULL)
		return explain_fail(out, EXPLAIN_REASON_NO_POLARITY);
	d = t->polarity;
	if (d != 1 && d != -1)
		return explain_fail(out, EXPLAIN_REASON_NO_POLARITY);
	switch (t->kind) {
	case TARGET_NONE:
	case TARGET_DIRECTION:
		with_target = false;
		break;
	case TARGET_BY_YEAR:
		with_target = true;
		break;
	default:
		return explain_fail(out, EXPLAIN_REASON_UNSUPPORTED_TARGET);
	}
	out->rule = with_target ? EXPLAIN_RULE_EUROSTAT_TARGET :
	    EXPLAIN_RULE_EUROSTAT_TREND;
	explain_set(out, EXPLAIN_Q_POLARITY, d);
	explain_set(out, EXPLAIN_Q_HORIZON, p->horizon);
	explain_set(out, EXPLAIN_Q_MIN_SPAN, p->min_span);
	if (p->horizon < 1 || p->min_span < 1 || p->min_span > p->horizon)
		return explain_fail(out, EXPLAIN_REASON_SPAN_TOO_SHORT);
	if (assess_series_annual(s, out) != EXPLAIN_ASSESSED)
		return EXPLAIN_NOT_ASSESSABLE;

	start = assess_series_start(s, out);
	explain_set(out, EXPLAIN_Q_POINTS_AVAILABLE, (double)(s->count - start));
	t_last = s->periods[s->count - 1].year;
	/* t0: the value horizon years back, or the first one after it. */
	for (i0 = start; i0 + 1 < s->count; i0++)
		if (s->periods[i0].year >= t_last - p->horizon)
			break;
	t0 = s->periods[i0].year;
	explain_add_point(out, &s->periods[i0], s->values[i0]);
	if (i0 + 1 < s->count)
		explain_add_point(out, &s->periods[s->count - 1],
		    s->values[s->count - 1]);
	out->used = true;
	out->first = i0;
	out->last = s->count - 1;
	explain_set(out, EXPLAIN_Q_START_YEAR, t0);
	explain_set(out, EXPLAIN_Q_START_VALUE, s->values[i0]);
	explain_set(out, EXPLAIN_Q_LAST_YEAR, t_last);
	explain_set(out, EXPLAIN_Q_LAST_VALUE, s->values[s->count - 1]);
	if (t_last - t0 < p->min_span) {
		if (s->count - start < 2)
			return explain_fail(out, start > 0 && s->count >= 2 ?
			    EXPLAIN_REASON_TOO_FEW_AFTER_BREAK :
			    EXPLAIN_REASON_TOO_FEW_POINTS);
		return explain_fail(out, EXPLAIN_REASON_SPAN_TOO_SHORT);
	}
	if (eurostat_growth_problem(growth_cagr(s->values[s->count - 1],
	    s->values[i0], t_last, t0, &actual), out) != EXPLAIN_ASSESSED)
		return EXPLAIN_NOT_ASSESSABLE;
	explain_set(out, EXPLAIN_Q_RATE_ACTUAL, actual);

	if (!with_target) {
		double g = d * actual;

		explain_set(out, EXPLAIN_Q_GROWTH_SIGNED, g);
		explain_set(out, EXPLAIN_Q_THRESHOLD_HIGH, p->trend_high);
		explain_set(out, EXPLAIN_Q_THRESHOLD_MEDIUM, p->trend_medium);
		explain_set(out, EXPLAIN_Q_THRESHOLD_LOW, p->trend_low);
		return explain_verdict(out, eurostat_trend_category(g, p));
	}
	switch (target_resolve(t, t_last, &goal, &year)) {
	case TARGET_OK:
		break;
	case TARGET_YEAR_PASSED:
		return explain_fail(out, EXPLAIN_REASON_TARGET_YEAR_PASSED);
	default:
		return explain_fail(out, EXPLAIN_REASON_BAD_TARGET);
	}
	explain_set(out, EXPLAIN_Q_TARGET_VALUE, goal);
	explain_set(out, EXPLAIN_Q_TARGET_YEAR, year);
	explain_set(out, EXPLAIN_Q_THRESHOLD_HIGH, p->target_high);
	explain_set(out, EXPLAIN_Q_THRESHOLD_MEDIUM, p->target_medium);
	explain_set(out, EXPLAIN_Q_THRESHOLD_LOW, p->target_low);
	/* METHODS §2.3: CAGR_r = CAGR(x*, x_t0, T, t0). */
	if (eurostat_growth_problem(growth_cagr(goal, s->values[i0], year, t0,
	    &required), out) != EXPLAIN_ASSESSED)
		return EXPLAIN_NOT_ASSESSABLE;
	explain_set(out, EXPLAIN_Q_RATE_REQUIRED, required);
	if (required == 0)
		return explain_fail(out, EXPLAIN_REASON_TARGET_EQUALS_BASE);
	explain_set(out, EXPLAIN_Q_RATE_RATIO, d * actual / fabs(required));
	return explain_verdict(out, eurostat_target_category(
	    d * actual / fabs(required), p));
}
