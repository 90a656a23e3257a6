/*
 * The Open SDG progress measure (METHODS §2.4). The order of the steps matters and
 * follows Open SDG: the sign s and the limit factor C are taken from the base value
 * before a zero base becomes 0.001, and "target achieved" is decided before p, so
 * that an achieved target keeps its status and score when p cannot be computed.
 * Where Open SDG would fail (a zero required rate divides by zero; a target of the
 * other sign than the base gives a complex root) wiall says not assessable.
 */
#include "core/assess_opensdg.h"

#include <math.h>

#include "core/assess_series.h"

/* Open SDG's compound growth: (a/b)^(1/(t_a − t_b)) − 1 for b ≠ 0 and a/b ≥ 0, so
 * that a series falling to exactly zero has CAGR −1. */
static bool
opensdg_cagr(double a, double b, double t_a, double t_b, double *out)
{
	double q;

	if (b == 0 || t_a == t_b)
		return false;
	q = a / b;
	if (q < 0)
		return false;
	*out = pow(q, 1.0 / (t_a - t_b)) - 1.0;
	return isfinite(*out);
}

/* Step 4: C = 1 if b ≥ 2L; 1 − (b/L)^a if b ≤ L; 1 − ((2L − b)/L)^a between. */
static double
opensdg_limit_factor(double base, double limit)
{
	double b = fabs(base), l = fabs(limit);

	if (b >= 2 * l)
		return 1;
	if (b <= l)
		return 1 - pow(b / l, ASSESS_OPENSDG_LIMIT_EXPONENT);
	return 1 - pow((2 * l - b) / l, ASSESS_OPENSDG_LIMIT_EXPONENT);
}

/* Step 6, the score in [−5, 5]; constants exactly as Open SDG has them. */
static double
opensdg_score(bool with_target, double p, double c)
{
	if (with_target) {
		if (p >= 0.6)
			return fmin(7.1429 * p - 4.2857, 5);
		return fmax(4.1667 * p - 2.5, -5);
	}
	if (p < 0)
		return fmax(125 * p - 2.5, -5);
	if (c == 0)
		return 5;
	if (p >= 0.015 * c)
		return fmin(500 * p / c - 5, 5);
	if (p >= 0.005 * c)
		return 250 * p / c - 1.25;
	return 500 * p / c - 2.5;
}

/* Step 5. */
static enum explain_verdict
opensdg_status(double p, double high, double medium, double low)
{
	if (p >= high)
		return EXPLAIN_VERDICT_SUBSTANTIAL_PROGRESS;
	if (p >= medium)
		return EXPLAIN_VERDICT_OPENSDG_MODERATE_PROGRESS;
	if (p >= low)
		return EXPLAIN_VERDICT_LIMITED_PROGRESS;
	return EXPLAIN_VERDICT_DETERIORATION;
}

/* The target value and year Open SDG reads from a wiall target. */
static enum explain_reason
opensdg_target(const struct target *t, int last_year, int default_year,
    double *goal, int *year)
{
	size_t i;

	if (t->kind == TARGET_EVERY_YEAR || (t->kind == TARGET_BY_YEAR &&
	    t->milestone_count == 0)) {
		if (!isfinite(t->low) || !isfinite(t->high) || t->low > t->high)
			return EXPLAIN_REASON_BAD_TARGET;
		*goal = target_weaker_bound(t->low, t->high, t->polarity);
		*year = t->kind == TARGET_BY_YEAR && t->year != 0 ? t->year :
		    default_year;
		return EXPLAIN_REASON_NONE;
	}
	if (t->kind != TARGET_BY_YEAR)
		return EXPLAIN_REASON_UNSUPPORTED_TARGET;
	/* Several target years: the nearest not past, else the last one. */
	if (target_resolve(t, last_year, goal, year) == TARGET_OK)
		return EXPLAIN_REASON_NONE;
	for (i = 0; i < t->milestone_count; i++) {
		const struct target_milestone *m = &t->milestones[i];

		if (!isfinite(m->low) || !isfinite(m->high) || m->low > m->high ||
		    m->year == 0)
			return EXPLAIN_REASON_BAD_TARGET;
		if (i == 0 || m->year > *year) {
			*goal = target_weaker_bound(m->low, m->high, t->polarity);
			*year = m->year;
		}
	}
	return EXPLAIN_REASON_NONE;
}

enum explain_status
assess_opensdg_series(const struct series *s, const struct target *t,
    const struct assess_opensdg_options *options, struct explain *out)
{
	static const struct assess_opensdg_options defaults = { 0 };
	const struct assess_opensdg_options *o = options ? options : &defaults;
	enum explain_reason why = EXPLAIN_REASON_NONE;
	double y0, yt, goal = 0, c = 1, p = 0, actual, required;
	double high, medium, low;
	int d, base_year, default_year, t0, tt, year = 0;
	bool with_target, achieved = false;
	size_t start, i0;

	explain_init(out, EXPLAIN_METHOD_OPENSDG, ASSESS_OPENSDG_VERSION);
	if (t == NULL)
		return explain_fail(out, EXPLAIN_REASON_NO_POLARITY);
	d = t->polarity;
	if (d != 1 && d != -1)
		return explain_fail(out, EXPLAIN_REASON_NO_POLARITY);
	with_target = t->kind == TARGET_BY_YEAR || t->kind == TARGET_EVERY_YEAR;
	if (!with_target && t->kind != TARGET_NONE && t->kind != TARGET_DIRECTION)
		return explain_fail(out, EXPLAIN_REASON_UNSUPPORTED_TARGET);
	out->rule = with_target ? EXPLAIN_RULE_OPENSDG_TARGET :
	    EXPLAIN_RULE_OPENSDG_TREND;
	base_year = o->base_year != 0 ? o->base_year : ASSESS_OPENSDG_BASE_YEAR;
	default_year = o->target_year != 0 ? o->target_year :
	    ASSESS_OPENSDG_TARGET_YEAR;
	explain_set(out, EXPLAIN_Q_POLARITY, d);
	explain_set(out, EXPLAIN_Q_BASE_YEAR, base_year);
	if (o->has_limit && !with_target)
		explain_set(out, EXPLAIN_Q_LIMIT, o->limit);
	if (o->has_limit && !isfinite(o->limit))
		return explain_fail(out, EXPLAIN_REASON_BAD_TARGET);
	if (assess_series_annual(s, out) != EXPLAIN_ASSESSED)
		return EXPLAIN_NOT_ASSESSABLE;

	/* Step 1: the last value, the base value, the sign. */
	start = assess_series_start(s, out);
	explain_set(out, EXPLAIN_Q_POINTS_AVAILABLE, (double)(s->count - start));
	tt = s->periods[s->count - 1].year;
	yt = s->values[s->count - 1];
	for (i0 = start; i0 < s->count; i0++)
		if (s->periods[i0].year >= base_year)
			break;
	explain_set(out, EXPLAIN_Q_LAST_YEAR, tt);
	explain_set(out, EXPLAIN_Q_LAST_VALUE, yt);
	if (with_target) {
		why = opensdg_target(t, tt, default_year, &goal, &year);
		if (why != EXPLAIN_REASON_NONE)
			return explain_fail(out, why);
		if (goal == 0)	/* step 0 of Open SDG: a zero target becomes 0.001 */
			goal = 0.001;
		explain_set(out, EXPLAIN_Q_TARGET_VALUE, goal);
		explain_set(out, EXPLAIN_Q_TARGET_YEAR, year);
		/* Step 2. */
		achieved = (d == -1 && yt <= goal) || (d == 1 && yt >= goal);
	}
	if (i0 == s->count) {
		why = EXPLAIN_REASON_BASE_AFTER_LAST;
		explain_add_point(out, &s->periods[s->count - 1], yt);
		goto decide;
	}
	t0 = s->periods[i0].year;
	y0 = s->values[i0];
	explain_add_point(out, &s->periods[i0], y0);
	if (i0 + 1 < s->count)
		explain_add_point(out, &s->periods[s->count - 1], yt);
	out->used = true;
	out->first = i0;
	out->last = s->count - 1;
	explain_set(out, EXPLAIN_Q_START_YEAR, t0);
	explain_set(out, EXPLAIN_Q_START_VALUE, y0);
	explain_set(out, EXPLAIN_Q_SIGN, y0 < 0 ? -1 : 1);

	/* Steps 3 and 4: thresholds, scaled near a natural limit (no target only). */
	if (with_target) {
		high = 0.95;
		medium = 0.6;
		low = 0;
	} else {
		if (o->has_limit)
			c = opensdg_limit_factor(y0, o->limit);
		high = 0.015 * c;
		medium = 0.005 * c;
		low = 0 * c;
		explain_set(out, EXPLAIN_Q_LIMIT_FACTOR, c);
	}
	explain_set(out, EXPLAIN_Q_THRESHOLD_HIGH, high);
	explain_set(out, EXPLAIN_Q_THRESHOLD_MEDIUM, medium);
	explain_set(out, EXPLAIN_Q_THRESHOLD_LOW, low);

	/* Computability, in Open SDG's order: zero base, sign change, span. */
	{
		double sign = y0 < 0 ? -1 : 1;

		if (y0 == 0)
			y0 = 0.001;
		if ((y0 > 0 && yt < 0) || (y0 < 0 && yt > 0)) {
			why = EXPLAIN_REASON_SIGN_CHANGE;
			goto decide;
		}
		if (tt - t0 < 1) {
			why = i0 > start ? EXPLAIN_REASON_SPAN_TOO_SHORT :
			    start > 0 && s->count >= 2 ?
			    EXPLAIN_REASON_TOO_FEW_AFTER_BREAK :
			    EXPLAIN_REASON_TOO_FEW_POINTS;
			goto decide;
		}
		if (!opensdg_cagr(yt, y0, tt, t0, &actual)) {
			why = EXPLAIN_REASON_SIGN_CHANGE;
			goto decide;
		}
		explain_set(out, EXPLAIN_Q_RATE_ACTUAL, actual);
		if (!with_target) {
			p = sign * d * actual;
		} else {
			if (year == t0) {
				why = EXPLAIN_REASON_BAD_TARGET;
				goto decide;
			}
			if (!opensdg_cagr(goal, y0, year, t0, &required)) {
				why = EXPLAIN_REASON_SIGN_CHANGE;
				goto decide;
			}
			explain_set(out, EXPLAIN_Q_RATE_REQUIRED, required);
			if (required == 0) {
				why = EXPLAIN_REASON_TARGET_EQUALS_BASE;
				goto decide;
			}
			p = sign * d * actual / fabs(required);
		}
		explain_set(out, EXPLAIN_Q_PROGRESS, p);
	}

decide:
	/* Steps 5 and 6: an achieved target wins over everything else. */
	if (achieved) {
		explain_set(out, EXPLAIN_Q_SCORE, 5);
		return explain_verdict(out, EXPLAIN_VERDICT_TARGET_ACHIEVED);
	}
	if (why != EXPLAIN_REASON_NONE)
		return explain_fail(out, why);
	explain_set(out, EXPLAIN_Q_SCORE, opensdg_score(with_target, p, c));
	return explain_verdict(out, opensdg_status(p, high, medium, low));
}

enum explain_status
assess_opensdg_indicator(const struct explain *series, size_t n,
    struct explain *out)
{
	double sum = 0, score, mean;
	size_t i, count = 0;
	bool all_achieved = true;

	explain_init(out, EXPLAIN_METHOD_OPENSDG, ASSESS_OPENSDG_VERSION);
	out->rule = EXPLAIN_RULE_OPENSDG_INDICATOR;
	for (i = 0; i < n; i++) {
		if (series[i].method != EXPLAIN_METHOD_OPENSDG ||
		    series[i].status != EXPLAIN_ASSESSED ||
		    !explain_get(&series[i], EXPLAIN_Q_SCORE, &score))
			continue;
		sum += score;
		count++;
		if (series[i].verdict != EXPLAIN_VERDICT_TARGET_ACHIEVED)
			all_achieved = false;
	}
	explain_set(out, EXPLAIN_Q_SERIES_COUNT, (double)count);
	if (count == 0)
		return explain_fail(out, EXPLAIN_REASON_NO_SERIES_SCORES);
	mean = sum / (double)count;
	explain_set(out, EXPLAIN_Q_SCORE, mean);
	explain_set(out, EXPLAIN_Q_THRESHOLD_HIGH, 2.5);
	explain_set(out, EXPLAIN_Q_THRESHOLD_MEDIUM, 0);
	explain_set(out, EXPLAIN_Q_THRESHOLD_LOW, -2.5);
	if (all_achieved)
		return explain_verdict(out, EXPLAIN_VERDICT_TARGET_ACHIEVED);
	return explain_verdict(out, opensdg_status(mean, 2.5, 0, -2.5));
}
