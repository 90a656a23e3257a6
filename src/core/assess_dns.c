/*
 * DNS weather symbols (METHODS §2.2) and relative targets (METHODS §2.5).
 *
 * Every rule starts from the same trend: Δ̄, the mean annual change over the last
 * six available values, computed from the first and last of them,
 * Δ̄ = (x_t − x_s) / (t − s), so gaps in the series stretch the divisor instead of
 * being filled. Values before the last flagged break do not count at all; with
 * fewer than four values left there is no symbol.
 */
#include "core/assess_dns.h"

#include <math.h>
#include <string.h>

#include "core/assess_series.h"

/* The values a symbol is computed from: at most the last six of the comparable
 * stretch, oldest first, with their indices in the caller's series. */
struct dns_window {
	size_t		count;
	size_t		available;	/* values in the comparable stretch */
	struct period	periods[ASSESS_DNS_WINDOW];
	double		values[ASSESS_DNS_WINDOW];
	size_t		index[ASSESS_DNS_WINDOW];
};

/* Records the window and the minimum-data rule; fails when too few values. */
static enum explain_status
dns_window_record(const struct dns_window *w, bool cut, size_t total,
    struct explain *out)
{
	size_t i;

	explain_set(out, EXPLAIN_Q_WINDOW, ASSESS_DNS_WINDOW);
	explain_set(out, EXPLAIN_Q_MIN_POINTS, ASSESS_DNS_MIN_POINTS);
	explain_set(out, EXPLAIN_Q_POINTS_AVAILABLE, (double)w->available);
	for (i = 0; i < w->count; i++)
		explain_add_point(out, &w->periods[i], w->values[i]);
	if (w->count > 0) {
		out->used = true;
		out->first = w->index[0];
		out->last = w->index[w->count - 1];
	}
	if (w->available >= ASSESS_DNS_MIN_POINTS)
		return EXPLAIN_ASSESSED;
	if (cut && total >= ASSESS_DNS_MIN_POINTS)
		return explain_fail(out, EXPLAIN_REASON_TOO_FEW_AFTER_BREAK);
	return explain_fail(out, EXPLAIN_REASON_TOO_FEW_POINTS);
}

static void
dns_window_push_front(struct dns_window *w, const struct period *p, double v,
    size_t index)
{
	if (w->count < ASSESS_DNS_WINDOW) {
		memmove(w->periods + 1, w->periods, w->count * sizeof(w->periods[0]));
		memmove(w->values + 1, w->values, w->count * sizeof(w->values[0]));
		memmove(w->index + 1, w->index, w->count * sizeof(w->index[0]));
		w->periods[0] = *p;
		w->values[0] = v;
		w->index[0] = index;
		w->count++;
	}
	w->available++;
}

/* Δ̄ = (x_t − x_s) / (t − s) over the window (METHODS §2.2). */
static double
dns_mean_change(const struct dns_window *w, struct explain *out)
{
	const struct period *s = &w->periods[0], *t = &w->periods[w->count - 1];
	double mean;

	mean = (w->values[w->count - 1] - w->values[0]) / (double)(t->year - s->year);
	explain_set(out, EXPLAIN_Q_START_YEAR, s->year);
	explain_set(out, EXPLAIN_Q_START_VALUE, w->values[0]);
	explain_set(out, EXPLAIN_Q_LAST_YEAR, t->year);
	explain_set(out, EXPLAIN_Q_LAST_VALUE, w->values[w->count - 1]);
	explain_set(out, EXPLAIN_Q_MEAN_CHANGE, mean);
	return mean;
}

/* Rule C: "met" is d·(x_t − x*) ≥ 0. Δ̄ = 0 on an unmet target gives a cloud:
 * wiall's choice where the official text is silent (METHODS §2.2 C). */
static enum explain_status
dns_rule_level(bool met, double toward, struct explain *out)
{
	out->rule = EXPLAIN_RULE_DNS_LEVEL;
	if (met)
		return explain_verdict(out, toward >= 0 ? EXPLAIN_VERDICT_SUN :
		    EXPLAIN_VERDICT_SUN_BEHIND_CLOUD);
	return explain_verdict(out, toward >= 0 ? EXPLAIN_VERDICT_CLOUD :
	    EXPLAIN_VERDICT_THUNDERSTORM);
}

/* Rule A: project x_t with Δ̄ to the target year and compare the shortfall with
 * the distance still to go: r = d·(x* − x̂_T) / |x* − x_t|. */
static enum explain_status
dns_rule_projection(const struct dns_window *w, double mean, int d, double goal,
    int year, struct explain *out)
{
	double last = w->values[w->count - 1], projected, r;
	int t = w->periods[w->count - 1].year;

	out->rule = EXPLAIN_RULE_DNS_PROJECTION;
	explain_set(out, EXPLAIN_Q_THRESHOLD_SUN, ASSESS_DNS_SUN_BELOW);
	explain_set(out, EXPLAIN_Q_THRESHOLD_CLOUD, ASSESS_DNS_CLOUD_ABOVE);
	if (d * mean <= 0)
		return explain_verdict(out, EXPLAIN_VERDICT_THUNDERSTORM);
	projected = last + (double)(year - t) * mean;
	r = d * (goal - projected) / fabs(goal - last);
	explain_set(out, EXPLAIN_Q_PROJECTED_VALUE, projected);
	explain_set(out, EXPLAIN_Q_MISS_RATIO, r);
	if (r < ASSESS_DNS_SUN_BELOW)
		return explain_verdict(out, EXPLAIN_VERDICT_SUN);
	if (r <= ASSESS_DNS_CLOUD_ABOVE)
		return explain_verdict(out, EXPLAIN_VERDICT_SUN_BEHIND_CLOUD);
	return explain_verdict(out, EXPLAIN_VERDICT_CLOUD);
}

/* Rule D: the mean trend and the last change δ = x_t − (previous value). */
static enum explain_status
dns_rule_direction(const struct dns_window *w, double mean, int d,
    struct explain *out)
{
	double last = w->values[w->count - 1], previous = w->values[w->count - 2];
	double delta = last - previous;

	out->rule = EXPLAIN_RULE_DNS_DIRECTION;
	explain_set(out, EXPLAIN_Q_PREVIOUS_VALUE, previous);
	explain_set(out, EXPLAIN_Q_LAST_CHANGE, delta);
	if (d * mean > 0)
		return explain_verdict(out, d * delta > 0 ? EXPLAIN_VERDICT_SUN :
		    EXPLAIN_VERDICT_SUN_BEHIND_CLOUD);
	return explain_verdict(out, d * delta > 0 ? EXPLAIN_VERDICT_CLOUD :
	    EXPLAIN_VERDICT_THUNDERSTORM);
}

static enum explain_status
dns_target_problem(enum target_problem p, struct explain *out)
{
	switch (p) {
	case TARGET_OK:
		return EXPLAIN_ASSESSED;
	case TARGET_NO_POLARITY:
		return explain_fail(out, EXPLAIN_REASON_NO_POLARITY);
	case TARGET_YEAR_PASSED:
		return explain_fail(out, EXPLAIN_REASON_TARGET_YEAR_PASSED);
	default:
		return explain_fail(out, EXPLAIN_REASON_BAD_TARGET);
	}
}

/* How many periods the two series share, breaks aside. */
static size_t
dns_common_count(const struct series *a, const struct series *b)
{
	size_t i = 0, j = 0, n = 0;

	while (i < a->count && j < b->count) {
		int c = period_compare(&a->periods[i], &b->periods[j]);

		if (c <= 0)
			i++;
		if (c >= 0)
			j++;
		if (c == 0)
			n++;
	}
	return n;
}

/* §2.5: the gap g_t = d·(x_t − ref_t) on the periods both series have, from the
 * later of their last breaks on, assessed with rule C (met iff g_t ≥ 0). */
static enum explain_status
dns_relative(const struct series *s, const struct target *t, struct explain *out)
{
	const struct series *ref = t->reference;
	struct dns_window w = { 0 };
	size_t start_s, start_r, i, j, last_i = 0, last_j = 0;
	const struct period *cut;
	int d = t->polarity;
	double mean;
	bool cut_here;

	out->rule = EXPLAIN_RULE_DNS_REFERENCE;
	if (ref == NULL)
		return explain_fail(out, EXPLAIN_REASON_NO_REFERENCE);
	if (assess_series_annual(s, out) != EXPLAIN_ASSESSED ||
	    assess_series_annual(ref, out) != EXPLAIN_ASSESSED)
		return EXPLAIN_NOT_ASSESSABLE;
	start_s = series_comparable_start(s);
	start_r = series_comparable_start(ref);
	cut = period_compare(&s->periods[start_s], &ref->periods[start_r]) >= 0 ?
	    &s->periods[start_s] : &ref->periods[start_r];
	cut_here = start_s > 0 || start_r > 0;
	if (cut_here) {
		out->after_break = true;
		out->break_period = *cut;
	}
	/* Walk both sorted series backwards, keeping the common periods. */
	i = s->count;
	j = ref->count;
	while (i > 0 && j > 0) {
		int c = period_compare(&s->periods[i - 1], &ref->periods[j - 1]);

		if (period_compare(&s->periods[i - 1], cut) < 0 ||
		    period_compare(&ref->periods[j - 1], cut) < 0)
			break;
		if (c > 0) {
			i--;
		} else if (c < 0) {
			j--;
		} else {
			if (w.available == 0) {
				last_i = i - 1;
				last_j = j - 1;
			}
			dns_window_push_front(&w, &s->periods[i - 1],
			    d * (s->values[i - 1] - ref->values[j - 1]), i - 1);
			i--;
			j--;
		}
	}
	explain_set(out, EXPLAIN_Q_POLARITY, d);
	if (w.available == 0)
		return explain_fail(out, EXPLAIN_REASON_NO_COMMON_PERIODS);
	if (dns_window_record(&w, cut_here, dns_common_count(s, ref), out) !=
	    EXPLAIN_ASSESSED)
		return EXPLAIN_NOT_ASSESSABLE;
	mean = dns_mean_change(&w, out);
	/* LAST_VALUE and START_VALUE hold gaps here; keep the levels beside them. */
	explain_set(out, EXPLAIN_Q_GAP, w.values[w.count - 1]);
	explain_set(out, EXPLAIN_Q_LAST_VALUE, s->values[last_i]);
	explain_set(out, EXPLAIN_Q_REFERENCE_VALUE, ref->values[last_j]);
	explain_set(out, EXPLAIN_Q_START_VALUE, w.values[0]);
	dns_rule_level(w.values[w.count - 1] >= 0, mean, out);
	out->rule = EXPLAIN_RULE_DNS_REFERENCE;
	return out->status;
}

enum explain_status
assess_dns_weather(const struct series *s, const struct target *t,
    struct explain *out)
{
	struct dns_window w = { 0 };
	size_t start, i;
	double mean, goal = 0, last;
	int d, year = 0;

	explain_init(out, EXPLAIN_METHOD_DNS, ASSESS_DNS_VERSION);
	if (t == NULL || t->kind == TARGET_NONE)
		return explain_fail(out, EXPLAIN_REASON_NO_TARGET);
	d = t->polarity;
	if (d != 1 && d != -1)
		return explain_fail(out, EXPLAIN_REASON_NO_POLARITY);
	if (t->kind == TARGET_REFERENCE)
		return dns_relative(s, t, out);
	if (t->kind != TARGET_BY_YEAR && t->kind != TARGET_EVERY_YEAR &&
	    t->kind != TARGET_DIRECTION)
		return explain_fail(out, EXPLAIN_REASON_UNSUPPORTED_TARGET);
	explain_set(out, EXPLAIN_Q_POLARITY, d);
	if (assess_series_annual(s, out) != EXPLAIN_ASSESSED)
		return EXPLAIN_NOT_ASSESSABLE;

	start = assess_series_start(s, out);
	for (i = s->count; i > start; i--)
		dns_window_push_front(&w, &s->periods[i - 1], s->values[i - 1], i - 1);
	if (dns_window_record(&w, start > 0, s->count, out) != EXPLAIN_ASSESSED)
		return EXPLAIN_NOT_ASSESSABLE;
	mean = dns_mean_change(&w, out);
	last = w.values[w.count - 1];

	if (t->kind == TARGET_DIRECTION)
		return dns_rule_direction(&w, mean, d, out);
	if (dns_target_problem(target_resolve(t, w.periods[w.count - 1].year,
	    &goal, &year), out) != EXPLAIN_ASSESSED)
		return EXPLAIN_NOT_ASSESSABLE;
	explain_set(out, EXPLAIN_Q_TARGET_VALUE, goal);
	if (year != 0)
		explain_set(out, EXPLAIN_Q_TARGET_YEAR, year);
	if (t->kind == TARGET_EVERY_YEAR || d * (last - goal) >= 0)
		return dns_rule_level(d * (last - goal) >= 0, d * mean, out);
	return dns_rule_projection(&w, mean, d, goal, year, out);
}

enum explain_status
assess_dns_weather_all(const struct series *s, const struct target *targets,
    size_t n, struct explain *each, struct explain *combined)
{
	size_t i, worst = 0, failed = n;

	for (i = 0; i < n; i++) {
		if (assess_dns_weather(s, &targets[i], &each[i]) != EXPLAIN_ASSESSED) {
			if (failed == n)
				failed = i;
			continue;
		}
		if (explain_verdict_level(each[i].verdict) >
		    explain_verdict_level(each[worst].verdict) ||
		    each[worst].status != EXPLAIN_ASSESSED)
			worst = i;
	}
	if (n == 0) {
		explain_init(combined, EXPLAIN_METHOD_DNS, ASSESS_DNS_VERSION);
		return explain_fail(combined, EXPLAIN_REASON_NO_TARGET);
	}
	*combined = each[failed < n ? failed : worst];
	explain_set(combined, EXPLAIN_Q_TARGET_COUNT, (double)n);
	return combined->status;
}
