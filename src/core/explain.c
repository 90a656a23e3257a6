/*
 * Explanation records (METHODS §1) and their plain-language sentences.
 *
 * The sentences are for people who never studied statistics: one sentence, the
 * trend in the indicator's own unit per year, the target, and what follows. Numbers
 * are formatted here, not by the C locale: German uses a decimal comma and a
 * thousands dot (DESIGN.md), English the reverse, and both use a real minus sign
 * (U+2212) that screen readers pronounce.
 */
#include "core/explain.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *const explain_method_names[EXPLAIN_METHOD__MAX] = {
	[EXPLAIN_METHOD_NONE] = "none",
	[EXPLAIN_METHOD_DNS] = "dns",
	[EXPLAIN_METHOD_EUROSTAT] = "eurostat",
	[EXPLAIN_METHOD_OPENSDG] = "opensdg",
};

const char *const explain_rule_names[EXPLAIN_RULE__MAX] = {
	[EXPLAIN_RULE_NONE] = "none",
	[EXPLAIN_RULE_DNS_PROJECTION] = "dns_projection",
	[EXPLAIN_RULE_DNS_LEVEL] = "dns_level",
	[EXPLAIN_RULE_DNS_DIRECTION] = "dns_direction",
	[EXPLAIN_RULE_DNS_REFERENCE] = "dns_reference",
	[EXPLAIN_RULE_EUROSTAT_TARGET] = "eurostat_target",
	[EXPLAIN_RULE_EUROSTAT_TREND] = "eurostat_trend",
	[EXPLAIN_RULE_OPENSDG_TARGET] = "opensdg_target",
	[EXPLAIN_RULE_OPENSDG_TREND] = "opensdg_trend",
	[EXPLAIN_RULE_OPENSDG_INDICATOR] = "opensdg_indicator",
};

const char *const explain_status_names[EXPLAIN_STATUS__MAX] = {
	[EXPLAIN_ASSESSED] = "assessed",
	[EXPLAIN_NOT_ASSESSABLE] = "not_assessable",
};

const char *const explain_reason_names[EXPLAIN_REASON__MAX] = {
	[EXPLAIN_REASON_NONE] = "none",
	[EXPLAIN_REASON_EMPTY_SERIES] = "empty_series",
	[EXPLAIN_REASON_BAD_SERIES] = "bad_series",
	[EXPLAIN_REASON_NOT_ANNUAL] = "not_annual",
	[EXPLAIN_REASON_TOO_FEW_POINTS] = "too_few_points",
	[EXPLAIN_REASON_TOO_FEW_AFTER_BREAK] = "too_few_after_break",
	[EXPLAIN_REASON_SPAN_TOO_SHORT] = "span_too_short",
	[EXPLAIN_REASON_NO_POLARITY] = "no_polarity",
	[EXPLAIN_REASON_NO_TARGET] = "no_target",
	[EXPLAIN_REASON_BAD_TARGET] = "bad_target",
	[EXPLAIN_REASON_TARGET_YEAR_PASSED] = "target_year_passed",
	[EXPLAIN_REASON_UNSUPPORTED_TARGET] = "unsupported_target",
	[EXPLAIN_REASON_NO_REFERENCE] = "no_reference",
	[EXPLAIN_REASON_NO_COMMON_PERIODS] = "no_common_periods",
	[EXPLAIN_REASON_ZERO_BASE] = "zero_base",
	[EXPLAIN_REASON_ZERO_VALUE] = "zero_value",
	[EXPLAIN_REASON_SIGN_CHANGE] = "sign_change",
	[EXPLAIN_REASON_BASE_AFTER_LAST] = "base_after_last",
	[EXPLAIN_REASON_TARGET_EQUALS_BASE] = "target_equals_base",
	[EXPLAIN_REASON_NO_SERIES_SCORES] = "no_series_scores",
};

const char *const explain_verdict_names[EXPLAIN_VERDICT__MAX] = {
	[EXPLAIN_VERDICT_NONE] = "none",
	[EXPLAIN_VERDICT_SUN] = "sun",
	[EXPLAIN_VERDICT_SUN_BEHIND_CLOUD] = "sun_behind_cloud",
	[EXPLAIN_VERDICT_CLOUD] = "cloud",
	[EXPLAIN_VERDICT_THUNDERSTORM] = "thunderstorm",
	[EXPLAIN_VERDICT_SIGNIFICANT_PROGRESS] = "significant_progress",
	[EXPLAIN_VERDICT_MODERATE_PROGRESS] = "moderate_progress",
	[EXPLAIN_VERDICT_INSUFFICIENT_PROGRESS] = "insufficient_progress",
	[EXPLAIN_VERDICT_MOVEMENT_AWAY] = "movement_away",
	[EXPLAIN_VERDICT_MODERATE_MOVEMENT_AWAY] = "moderate_movement_away",
	[EXPLAIN_VERDICT_SIGNIFICANT_MOVEMENT_AWAY] = "significant_movement_away",
	[EXPLAIN_VERDICT_TARGET_ACHIEVED] = "target_achieved",
	[EXPLAIN_VERDICT_SUBSTANTIAL_PROGRESS] = "substantial_progress",
	[EXPLAIN_VERDICT_OPENSDG_MODERATE_PROGRESS] = "moderate_progress",
	[EXPLAIN_VERDICT_LIMITED_PROGRESS] = "limited_progress",
	[EXPLAIN_VERDICT_DETERIORATION] = "deterioration",
};

const char *const explain_quantity_names[EXPLAIN_Q__MAX] = {
	[EXPLAIN_Q_POLARITY] = "polarity",
	[EXPLAIN_Q_TARGET_VALUE] = "target_value",
	[EXPLAIN_Q_TARGET_YEAR] = "target_year",
	[EXPLAIN_Q_TARGET_COUNT] = "target_count",
	[EXPLAIN_Q_WINDOW] = "window",
	[EXPLAIN_Q_MIN_POINTS] = "min_points",
	[EXPLAIN_Q_HORIZON] = "horizon",
	[EXPLAIN_Q_MIN_SPAN] = "min_span",
	[EXPLAIN_Q_BASE_YEAR] = "base_year",
	[EXPLAIN_Q_LIMIT] = "limit",
	[EXPLAIN_Q_POINTS_AVAILABLE] = "points_available",
	[EXPLAIN_Q_START_YEAR] = "start_year",
	[EXPLAIN_Q_START_VALUE] = "start_value",
	[EXPLAIN_Q_LAST_YEAR] = "last_year",
	[EXPLAIN_Q_LAST_VALUE] = "last_value",
	[EXPLAIN_Q_PREVIOUS_VALUE] = "previous_value",
	[EXPLAIN_Q_REFERENCE_VALUE] = "reference_value",
	[EXPLAIN_Q_MEAN_CHANGE] = "mean_change",
	[EXPLAIN_Q_LAST_CHANGE] = "last_change",
	[EXPLAIN_Q_PROJECTED_VALUE] = "projected_value",
	[EXPLAIN_Q_MISS_RATIO] = "miss_ratio",
	[EXPLAIN_Q_GAP] = "gap",
	[EXPLAIN_Q_RATE_ACTUAL] = "rate_actual",
	[EXPLAIN_Q_RATE_REQUIRED] = "rate_required",
	[EXPLAIN_Q_RATE_RATIO] = "rate_ratio",
	[EXPLAIN_Q_GROWTH_SIGNED] = "growth_signed",
	[EXPLAIN_Q_SIGN] = "sign",
	[EXPLAIN_Q_PROGRESS] = "progress",
	[EXPLAIN_Q_LIMIT_FACTOR] = "limit_factor",
	[EXPLAIN_Q_SCORE] = "score",
	[EXPLAIN_Q_SERIES_COUNT] = "series_count",
	[EXPLAIN_Q_THRESHOLD_SUN] = "threshold_sun",
	[EXPLAIN_Q_THRESHOLD_CLOUD] = "threshold_cloud",
	[EXPLAIN_Q_THRESHOLD_HIGH] = "threshold_high",
	[EXPLAIN_Q_THRESHOLD_MEDIUM] = "threshold_medium",
	[EXPLAIN_Q_THRESHOLD_LOW] = "threshold_low",
};

const char *const explain_role_names[EXPLAIN_ROLE__MAX] = {
	[EXPLAIN_ROLE_PARAMETER] = "parameter",
	[EXPLAIN_ROLE_OBSERVATION] = "observation",
	[EXPLAIN_ROLE_INTERMEDIATE] = "intermediate",
	[EXPLAIN_ROLE_THRESHOLD] = "threshold",
};

void
explain_init(struct explain *e, enum explain_method method, const char *version)
{
	memset(e, 0, sizeof(*e));
	e->method = method;
	e->version = version;
	e->status = EXPLAIN_ASSESSED;
}

int
explain_set(struct explain *e, enum explain_quantity q, double v)
{
	size_t i;

	for (i = 0; i < e->value_count; i++)
		if (e->values[i].quantity == q) {
			e->values[i].value = v;
			return 0;
		}
	if (e->value_count == EXPLAIN_VALUES_MAX)
		return -1;
	e->values[e->value_count].quantity = q;
	e->values[e->value_count].value = v;
	e->value_count++;
	return 0;
}

bool
explain_get(const struct explain *e, enum explain_quantity q, double *v)
{
	size_t i;

	for (i = 0; i < e->value_count; i++)
		if (e->values[i].quantity == q) {
			if (v != NULL)
				*v = e->values[i].value;
			return true;
		}
	return false;
}

int
explain_add_point(struct explain *e, const struct period *p, double value)
{
	if (e->point_count == EXPLAIN_POINTS_MAX)
		return -1;
	e->points[e->point_count].period = *p;
	e->points[e->point_count].value = value;
	e->point_count++;
	return 0;
}

enum explain_status
explain_fail(struct explain *e, enum explain_reason reason)
{
	e->status = EXPLAIN_NOT_ASSESSABLE;
	e->reason = reason;
	e->verdict = EXPLAIN_VERDICT_NONE;
	return EXPLAIN_NOT_ASSESSABLE;
}

enum explain_status
explain_verdict(struct explain *e, enum explain_verdict v)
{
	e->status = EXPLAIN_ASSESSED;
	e->reason = EXPLAIN_REASON_NONE;
	e->verdict = v;
	return EXPLAIN_ASSESSED;
}

enum explain_role
explain_quantity_role(enum explain_quantity q)
{
	if (q >= EXPLAIN_Q_THRESHOLD_SUN)
		return EXPLAIN_ROLE_THRESHOLD;
	if (q >= EXPLAIN_Q_MEAN_CHANGE)
		return EXPLAIN_ROLE_INTERMEDIATE;
	if (q >= EXPLAIN_Q_POINTS_AVAILABLE)
		return EXPLAIN_ROLE_OBSERVATION;
	return EXPLAIN_ROLE_PARAMETER;
}

int
explain_verdict_level(enum explain_verdict v)
{
	switch (v) {
	case EXPLAIN_VERDICT_SUN:
	case EXPLAIN_VERDICT_SIGNIFICANT_PROGRESS:
	case EXPLAIN_VERDICT_TARGET_ACHIEVED:
	case EXPLAIN_VERDICT_SUBSTANTIAL_PROGRESS:
		return 0;
	case EXPLAIN_VERDICT_SUN_BEHIND_CLOUD:
	case EXPLAIN_VERDICT_MODERATE_PROGRESS:
	case EXPLAIN_VERDICT_OPENSDG_MODERATE_PROGRESS:
		return 1;
	case EXPLAIN_VERDICT_CLOUD:
	case EXPLAIN_VERDICT_INSUFFICIENT_PROGRESS:
	case EXPLAIN_VERDICT_MODERATE_MOVEMENT_AWAY:
	case EXPLAIN_VERDICT_LIMITED_PROGRESS:
		return 2;
	case EXPLAIN_VERDICT_THUNDERSTORM:
	case EXPLAIN_VERDICT_MOVEMENT_AWAY:
	case EXPLAIN_VERDICT_SIGNIFICANT_MOVEMENT_AWAY:
	case EXPLAIN_VERDICT_DETERIORATION:
		return 3;
	default:
		return -1;
	}
}

static bool
explain_english(const char *lang)
{
	return lang != NULL && strncmp(lang, "en", 2) == 0;
}

const char *
explain_verdict_label(enum explain_verdict v, const char *lang)
{
	static const char *const de[EXPLAIN_VERDICT__MAX] = {
		[EXPLAIN_VERDICT_NONE] = "keine Bewertung",
		[EXPLAIN_VERDICT_SUN] = "Sonne",
		[EXPLAIN_VERDICT_SUN_BEHIND_CLOUD] = "Leicht bewölkt",
		[EXPLAIN_VERDICT_CLOUD] = "Wolke",
		[EXPLAIN_VERDICT_THUNDERSTORM] = "Gewitter",
		[EXPLAIN_VERDICT_SIGNIFICANT_PROGRESS] = "deutlicher Fortschritt",
		[EXPLAIN_VERDICT_MODERATE_PROGRESS] = "mäßiger Fortschritt",
		[EXPLAIN_VERDICT_INSUFFICIENT_PROGRESS] = "unzureichender Fortschritt",
		[EXPLAIN_VERDICT_MOVEMENT_AWAY] = "Entwicklung weg vom Ziel",
		[EXPLAIN_VERDICT_MODERATE_MOVEMENT_AWAY] =
		    "leichte Entwicklung in die falsche Richtung",
		[EXPLAIN_VERDICT_SIGNIFICANT_MOVEMENT_AWAY] =
		    "deutliche Entwicklung in die falsche Richtung",
		[EXPLAIN_VERDICT_TARGET_ACHIEVED] = "Ziel erreicht",
		[EXPLAIN_VERDICT_SUBSTANTIAL_PROGRESS] = "deutlicher Fortschritt",
		[EXPLAIN_VERDICT_OPENSDG_MODERATE_PROGRESS] = "mäßiger Fortschritt",
		[EXPLAIN_VERDICT_LIMITED_PROGRESS] = "begrenzter Fortschritt",
		[EXPLAIN_VERDICT_DETERIORATION] = "Verschlechterung",
	};
	static const char *const en[EXPLAIN_VERDICT__MAX] = {
		[EXPLAIN_VERDICT_NONE] = "not assessed",
		[EXPLAIN_VERDICT_SUN] = "sun",
		[EXPLAIN_VERDICT_SUN_BEHIND_CLOUD] = "sun behind cloud",
		[EXPLAIN_VERDICT_CLOUD] = "cloud",
		[EXPLAIN_VERDICT_THUNDERSTORM] = "thunderstorm",
		[EXPLAIN_VERDICT_SIGNIFICANT_PROGRESS] = "significant progress",
		[EXPLAIN_VERDICT_MODERATE_PROGRESS] = "moderate progress",
		[EXPLAIN_VERDICT_INSUFFICIENT_PROGRESS] = "insufficient progress",
		[EXPLAIN_VERDICT_MOVEMENT_AWAY] = "movement away from the target",
		[EXPLAIN_VERDICT_MODERATE_MOVEMENT_AWAY] =
		    "moderate movement the wrong way",
		[EXPLAIN_VERDICT_SIGNIFICANT_MOVEMENT_AWAY] =
		    "significant movement the wrong way",
		[EXPLAIN_VERDICT_TARGET_ACHIEVED] = "target achieved",
		[EXPLAIN_VERDICT_SUBSTANTIAL_PROGRESS] = "substantial progress",
		[EXPLAIN_VERDICT_OPENSDG_MODERATE_PROGRESS] = "moderate progress",
		[EXPLAIN_VERDICT_LIMITED_PROGRESS] = "limited progress",
		[EXPLAIN_VERDICT_DETERIORATION] = "deterioration",
	};

	if (v < 0 || v >= EXPLAIN_VERDICT__MAX)
		v = EXPLAIN_VERDICT_NONE;
	return explain_english(lang) ? en[v] : de[v];
}

#define EXPLAIN_MINUS	"\xe2\x88\x92"	/* U+2212 MINUS SIGN */

size_t
explain_number(double v, int decimals, const char *lang, char *buf, size_t size)
{
	char digits[400], out[560];
	const char *p;
	bool english = explain_english(lang), negative;
	size_t n = 0, int_len, i;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 9)
		decimals = 9;
	if (!isfinite(v))
		return (size_t)snprintf(buf, size, "%s", isnan(v) ? "?" :
		    v > 0 ? "\xe2\x88\x9e" : EXPLAIN_MINUS "\xe2\x88\x9e");
	snprintf(digits, sizeof(digits), "%.*f", decimals, fabs(v));
	/* No "−0,0": the sign shows only when a non-zero digit does. */
	negative = v < 0 && strspn(digits, "0.,") != strlen(digits);
	/* Whatever the C locale put between the integer and the fraction, the
	 * digits before the first non-digit are the integer part. */
	int_len = strspn(digits, "0123456789");
	if (negative) {
		memcpy(out + n, EXPLAIN_MINUS, 3);
		n += 3;
	}
	for (i = 0; i < int_len; i++) {
		out[n++] = digits[i];
		if ((int_len - i - 1) % 3 == 0 && i + 1 < int_len)
			out[n++] = english ? ',' : '.';
	}
	if (decimals > 0) {
		out[n++] = english ? '.' : ',';
		for (p = digits + int_len + 1; *p != '\0'; p++)
			out[n++] = *p;
	}
	out[n] = '\0';
	return (size_t)snprintf(buf, size, "%s", out);
}

/* A bounded writer: keeps counting when the buffer is full, like snprintf. */
struct explain_writer {
	char	*buf;
	size_t	 size;
	size_t	 len;
	bool	 en;
	const struct explain_subject *subject;
	const struct explain *e;
	int	 level_decimals;
};

static void explain_put(struct explain_writer *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
explain_put(struct explain_writer *w, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	if (w->len < w->size)
		n = vsnprintf(w->buf + w->len, w->size - w->len, fmt, ap);
	else
		n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n > 0)
		w->len += (size_t)n;
}

static double
explain_q(const struct explain *e, enum explain_quantity q)
{
	double v = 0;

	explain_get(e, q, &v);
	return v;
}

/* Digits after the mark that show v exactly (up to 3), e.g. 136.8 → 1. */
static int
explain_exact_decimals(double v)
{
	int k;
	double scale = 1;

	for (k = 0; k < 3; k++, scale *= 10)
		if (fabs(v * scale - round(v * scale)) < 1e-6 * fmax(1, fabs(v * scale)))
			return k;
	return 3;
}

static int
explain_auto_decimals(const struct explain *e, const struct explain_subject *s)
{
	double m = 0, v;

	if (s != NULL && s->decimals >= 0)
		return s->decimals > 6 ? 6 : s->decimals;
	if (explain_get(e, EXPLAIN_Q_LAST_VALUE, &v))
		m = fmax(m, fabs(v));
	if (explain_get(e, EXPLAIN_Q_TARGET_VALUE, &v))
		m = fmax(m, fabs(v));
	if (explain_get(e, EXPLAIN_Q_REFERENCE_VALUE, &v))
		m = fmax(m, fabs(v));
	if (m >= 100)
		return 0;
	if (m >= 1 || m == 0)
		return 1;
	if (m >= 0.1)
		return 2;
	return 3;
}

static const char *
explain_unit(const struct explain_writer *w)
{
	return w->subject != NULL && w->subject->unit != NULL &&
	    w->subject->unit[0] != '\0' ? w->subject->unit : NULL;
}

static bool
explain_percent_unit(const struct explain_writer *w)
{
	const char *u = explain_unit(w);

	return u != NULL && strcmp(u, "%") == 0;
}

static void
explain_put_number(struct explain_writer *w, double v, int decimals)
{
	char tmp[600];

	explain_number(v, decimals, w->en ? "en" : "de", tmp, sizeof(tmp));
	explain_put(w, "%s", tmp);
}

/* A level in the indicator's unit: "6,0 %", "6.0%", "51 ha/Tag". */
static void
explain_put_level(struct explain_writer *w, double v, int decimals)
{
	const char *u = explain_unit(w);

	explain_put_number(w, v, decimals);
	if (u == NULL)
		return;
	if (strcmp(u, "%") == 0 && w->en)
		explain_put(w, "%%");
	else
		explain_put(w, " %s", u);
}

static void
explain_put_value(struct explain_writer *w, double v)
{
	explain_put_level(w, v, w->level_decimals);
}

static void
explain_put_target(struct explain_writer *w, double v)
{
	int k = explain_exact_decimals(v);

	explain_put_level(w, v, k > w->level_decimals ? k : w->level_decimals);
}

/* A change per year, as a magnitude: percent changes read as percentage points,
 * and enough digits that a small change does not print as zero. */
static void
explain_put_change(struct explain_writer *w, double v)
{
	int k = w->level_decimals;
	const char *u = explain_unit(w);
	char tmp[600];

	v = fabs(v);
	while (k < 6 && v != 0 && v * pow(10, k) < 0.5)
		k++;
	explain_number(v, k, w->en ? "en" : "de", tmp, sizeof(tmp));
	explain_put(w, "%s", tmp);
	if (explain_percent_unit(w)) {
		bool one = strcmp(tmp, "1") == 0;

		if (w->en)
			explain_put(w, one ? " percentage point" : " percentage points");
		else
			explain_put(w, one ? " Prozentpunkt" : " Prozentpunkte");
	} else if (u != NULL) {
		explain_put(w, " %s", u);
	}
}

/* A signed change: "+0,3", "−0,1", "0". */
static void
explain_put_signed_change(struct explain_writer *w, double v)
{
	if (v > 0)
		explain_put(w, "+");
	else if (v < 0)
		explain_put(w, EXPLAIN_MINUS);
	explain_put_change(w, v);
}

/* A ratio as a percentage: 0.12 → "12 %", 0.035 → "3,5 %". */
static void
explain_put_percent(struct explain_writer *w, double ratio)
{
	double pct = ratio * 100;

	/* One decimal below 10 %, where 4,5 % and 5,0 % straddle a threshold;
	 * none above (9,96 % prints as 10 %, not 10,0 %). */
	explain_put_number(w, pct, fabs(pct) < 9.95 ? 1 : 0);
	explain_put(w, w->en ? "%%" : " %%");
}

/* A growth rate per year as a magnitude with one decimal: "1,2 %". */
static void
explain_put_rate(struct explain_writer *w, double rate)
{
	explain_put_number(w, fabs(rate) * 100, 1);
	explain_put(w, w->en ? "%%" : " %%");
}

static void
explain_put_subject(struct explain_writer *w)
{
	if (w->subject != NULL && w->subject->name != NULL &&
	    w->subject->name[0] != '\0')
		explain_put(w, "%s", w->subject->name);
	else
		explain_put(w, w->en ? "The value" : "Der Wert");
}

/* Verb forms by number: explain_verb(w, "steigt", "steigen", "rises", "rise"). */
static void
explain_verb(struct explain_writer *w, const char *de1, const char *de2,
    const char *en1, const char *en2)
{
	bool plural = w->subject != NULL && w->subject->plural;

	if (w->en)
		explain_put(w, "%s", plural ? en2 : en1);
	else
		explain_put(w, "%s", plural ? de2 : de1);
}

/* "Die Quote steigt im Mittel um 0,3 Prozentpunkte pro Jahr" and its variants. */
static void
explain_put_trend(struct explain_writer *w, double mean)
{
	explain_put_subject(w);
	explain_put(w, " ");
	if (mean == 0) {
		explain_verb(w, "hat", "haben", "has", "have");
		explain_put(w, w->en ? " not changed on average over recent years" :
		    " sich im Mittel der letzten Jahre nicht verändert");
		return;
	}
	if (mean > 0)
		explain_verb(w, "steigt", "steigen", "rises", "rise");
	else
		explain_verb(w, "sinkt", "sinken", "falls", "fall");
	if (w->en) {
		explain_put(w, " by ");
		explain_put_change(w, mean);
		explain_put(w, " a year on average");
	} else {
		explain_put(w, " im Mittel um ");
		explain_put_change(w, mean);
		explain_put(w, " pro Jahr");
	}
}

/* "das Ziel von mindestens 41,0 % für 2030" / "das jährliche Ziel von höchstens 60 %" */
static void
explain_put_target_phrase(struct explain_writer *w, bool article)
{
	const struct explain *e = w->e;
	double year;
	bool has_year = explain_get(e, EXPLAIN_Q_TARGET_YEAR, &year);
	bool up = explain_q(e, EXPLAIN_Q_POLARITY) > 0;

	if (w->en) {
		explain_put(w, "%s%s of %s ", article ? "the " : "",
		    has_year ? "target" : "annual target",
		    up ? "at least" : "at most");
		explain_put_target(w, explain_q(e, EXPLAIN_Q_TARGET_VALUE));
		if (has_year)
			explain_put(w, " by %d", (int)year);
	} else {
		explain_put(w, "%s%s von %s ", article ? "das " : "",
		    has_year ? "Ziel" : "jährliche Ziel",
		    up ? "mindestens" : "höchstens");
		explain_put_target(w, explain_q(e, EXPLAIN_Q_TARGET_VALUE));
		if (has_year)
			explain_put(w, " bis %d", (int)year);
	}
}

/* §2.2 A. */
static void
explain_dns_projection(struct explain_writer *w)
{
	const struct explain *e = w->e;
	double mean = explain_q(e, EXPLAIN_Q_MEAN_CHANGE), r;
	double year = explain_q(e, EXPLAIN_Q_TARGET_YEAR);
	double goal = explain_q(e, EXPLAIN_Q_TARGET_VALUE);

	explain_put_trend(w, mean);
	if (e->verdict == EXPLAIN_VERDICT_THUNDERSTORM) {
		if (mean == 0) {
			explain_put(w, w->en ? "; at this rate the target of " :
			    "; so wird das Ziel ");
			explain_put_target(w, goal);
			explain_put(w, w->en ? " by %d will not be reached" :
			    " bis %d nicht erreicht", (int)year);
		} else {
			if (w->en) {
				explain_put(w, ", away from the target of ");
			} else {
				explain_put(w, " und ");
				explain_verb(w, "entfernt", "entfernen", "", "");
				explain_put(w, " sich damit vom Ziel ");
			}
			explain_put_target(w, goal);
			explain_put(w, w->en ? " by %d" : " bis %d", (int)year);
		}
		return;
	}
	r = explain_q(e, EXPLAIN_Q_MISS_RATIO);
	explain_put(w, w->en ? "; at this pace the target of " :
	    "; bei diesem Tempo wird das Ziel ");
	explain_put_target(w, goal);
	explain_put(w, w->en ? " by %d will be " : " bis %d ", (int)year);
	if (r <= 0) {
		explain_put(w, w->en ? "reached (projected: " :
		    "erreicht (voraussichtlich ");
		explain_put_value(w, explain_q(e, EXPLAIN_Q_PROJECTED_VALUE));
		explain_put(w, ")");
		return;
	}
	if (e->verdict == EXPLAIN_VERDICT_SUN)
		explain_put(w, w->en ? "almost reached" : "fast erreicht");
	else if (e->verdict == EXPLAIN_VERDICT_SUN_BEHIND_CLOUD)
		explain_put(w, w->en ? "narrowly missed" : "knapp verfehlt");
	else
		explain_put(w, w->en ? "clearly missed" : "deutlich verfehlt");
	explain_put(w, w->en ? " (shortfall " : " (Abweichung ");
	explain_put_percent(w, r);
	explain_put(w, w->en ? " of today's distance to the target)" :
	    " des heutigen Abstands zum Ziel)");
}

/* §2.2 C. */
static void
explain_dns_level(struct explain_writer *w)
{
	const struct explain *e = w->e;
	double mean = explain_q(e, EXPLAIN_Q_MEAN_CHANGE);
	bool up = explain_q(e, EXPLAIN_Q_POLARITY) > 0;
	bool met = e->verdict == EXPLAIN_VERDICT_SUN ||
	    e->verdict == EXPLAIN_VERDICT_SUN_BEHIND_CLOUD;

	explain_put_subject(w);
	explain_put(w, " ");
	if (w->en) {
		if (met) {
			explain_verb(w, "", "", "is", "are");
			explain_put(w, " at ");
		} else {
			explain_verb(w, "", "", "misses", "miss");
			explain_put(w, " ");
			explain_put_target_phrase(w, true);
			explain_put(w, " at ");
		}
		explain_put_value(w, explain_q(e, EXPLAIN_Q_LAST_VALUE));
		explain_put(w, " (%d)", (int)explain_q(e, EXPLAIN_Q_LAST_YEAR));
		if (met) {
			explain_put(w, ", meeting ");
			explain_put_target_phrase(w, true);
		}
	} else {
		if (met)
			explain_verb(w, "liegt", "liegen", "", "");
		else
			explain_verb(w, "verfehlt", "verfehlen", "", "");
		explain_put(w, " mit ");
		explain_put_value(w, explain_q(e, EXPLAIN_Q_LAST_VALUE));
		explain_put(w, " (%d) ", (int)explain_q(e, EXPLAIN_Q_LAST_YEAR));
		if (met) {
			explain_put(w, "im Rahmen des %s von %s ",
			    explain_get(e, EXPLAIN_Q_TARGET_YEAR, NULL) ? "Ziels" :
			    "jährlichen Ziels", up ? "mindestens" : "höchstens");
			explain_put_target(w, explain_q(e, EXPLAIN_Q_TARGET_VALUE));
			if (explain_get(e, EXPLAIN_Q_TARGET_YEAR, NULL))
				explain_put(w, " bis %d",
				    (int)explain_q(e, EXPLAIN_Q_TARGET_YEAR));
		} else {
			explain_put_target_phrase(w, true);
		}
	}
	switch (e->verdict) {
	case EXPLAIN_VERDICT_SUN:
		explain_put(w, w->en ?
		    ", and the trend of recent years does not point the wrong way" :
		    ", und der Trend der letzten Jahre weist nicht in die falsche Richtung");
		return;
	case EXPLAIN_VERDICT_THUNDERSTORM:
		if (w->en) {
			explain_put(w, " and ");
			explain_verb(w, "", "", "moves", "move");
			explain_put(w, " further away by ");
			explain_put_change(w, mean);
			explain_put(w, " a year on average");
		} else {
			explain_put(w, " und ");
			explain_verb(w, "entfernt", "entfernen", "", "");
			explain_put(w, " sich im Mittel um ");
			explain_put_change(w, mean);
			explain_put(w, " pro Jahr weiter davon");
		}
		return;
	default:
		break;
	}
	/* Sun behind cloud (met, moving the wrong way) or cloud (not met, moving the
	 * right way or not at all). */
	if (mean == 0) {
		explain_put(w, w->en ? ", but " : ", ");
		explain_verb(w, "hat", "haben", "has", "have");
		explain_put(w, w->en ? " not moved closer on average over recent years" :
		    " sich im Mittel der letzten Jahre aber auch nicht darauf zubewegt");
		return;
	}
	explain_put(w, ", ");
	if (w->en)
		explain_put(w, "but ");
	if (mean > 0)
		explain_verb(w, "steigt", "steigen", "rises", "rise");
	else
		explain_verb(w, "sinkt", "sinken", "falls", "fall");
	if (w->en) {
		explain_put(w, " by ");
		explain_put_change(w, mean);
		explain_put(w, " a year on average, the %s way", met ? "wrong" : "right");
	} else {
		explain_put(w, " aber im Mittel um ");
		explain_put_change(w, mean);
		explain_put(w, " pro Jahr in die %s Richtung", met ? "falsche" : "richtige");
	}
}

/* §2.2 D. */
static void
explain_dns_direction(struct explain_writer *w)
{
	const struct explain *e = w->e;
	double mean = explain_q(e, EXPLAIN_Q_MEAN_CHANGE);
	double delta = explain_q(e, EXPLAIN_Q_LAST_CHANGE);
	bool good_mean = e->verdict == EXPLAIN_VERDICT_SUN ||
	    e->verdict == EXPLAIN_VERDICT_SUN_BEHIND_CLOUD;
	bool good_last = e->verdict == EXPLAIN_VERDICT_SUN ||
	    e->verdict == EXPLAIN_VERDICT_CLOUD;

	explain_put_trend(w, mean);
	if (mean != 0)
		explain_put(w, "%s", good_mean ? (w->en ? ", as desired" :
		    ", wie gewünscht") : (w->en ? ", against the desired direction" :
		    ", entgegen der gewünschten Richtung"));
	if (delta == 0) {
		explain_put(w, w->en ? "; the latest value did not change" :
		    "; zuletzt hat sich der Wert nicht verändert");
		return;
	}
	explain_put(w, w->en ? "; the latest change (" : "; die letzte Veränderung (");
	explain_put_signed_change(w, delta);
	if (w->en)
		explain_put(w, ") points the %s way%s", good_last ? "desired" : "wrong",
		    good_last == good_mean ? " too" : "");
	else
		explain_put(w, ") weist %sin die %s Richtung",
		    good_last == good_mean ? "ebenfalls " : "aber ",
		    good_last ? "gewünschte" : "falsche");
}

/* §2.5. */
static void
explain_dns_reference(struct explain_writer *w)
{
	const struct explain *e = w->e;
	double x = explain_q(e, EXPLAIN_Q_LAST_VALUE);
	double ref = explain_q(e, EXPLAIN_Q_REFERENCE_VALUE);
	double mean = explain_q(e, EXPLAIN_Q_MEAN_CHANGE);
	bool met = e->verdict == EXPLAIN_VERDICT_SUN ||
	    e->verdict == EXPLAIN_VERDICT_SUN_BEHIND_CLOUD;

	explain_put_subject(w);
	explain_put(w, " ");
	explain_verb(w, "liegt", "liegen", "is", "are");
	explain_put(w, w->en ? " at " : " mit ");
	explain_put_value(w, x);
	explain_put(w, w->en ? " (%d)" : " (%d) ", (int)explain_q(e, EXPLAIN_Q_LAST_YEAR));
	if (w->en)
		explain_put(w, ", %s the reference region's value of ", x > ref ?
		    "above" : x < ref ? "below" : "level with");
	else
		explain_put(w, "%s dem Wert der Vergleichsregion (", x > ref ?
		    "über" : x < ref ? "unter" : "gleichauf mit");
	explain_put_value(w, ref);
	if (!w->en)
		explain_put(w, ")");
	if (x == ref)
		explain_put(w, w->en ? ", so as good" : ", also gleich gut");
	else if (met)
		explain_put(w, w->en ? ", so better" : ", also besser");
	else
		explain_put(w, w->en ? ", so worse" : ", also schlechter");
	if (mean == 0) {
		explain_put(w, w->en ? ", and the gap stays the same on average" :
		    ", und der Abstand bleibt im Mittel gleich");
		return;
	}
	if (met && mean > 0)
		explain_put(w, w->en ? ", and the lead grows by " :
		    ", und der Vorsprung wächst im Mittel um ");
	else if (met)
		explain_put(w, w->en ? ", but the lead shrinks by " :
		    ", aber der Vorsprung schrumpft im Mittel um ");
	else if (mean > 0) {
		explain_put(w, ", ");
		explain_verb(w, "holt", "holen", "but catches", "but catch");
		explain_put(w, w->en ? " up by " : " aber im Mittel um ");
	} else {
		explain_put(w, w->en ? ", and the gap grows by " :
		    ", und der Rückstand wächst im Mittel um ");
	}
	explain_put_change(w, mean);
	if (w->en)
		explain_put(w, " a year on average");
	else
		explain_put(w, " pro Jahr%s", !met && mean > 0 ? " auf" : "");
}

/* "wächst seit 2019 um durchschnittlich 1,2 % pro Jahr" */
static void
explain_put_growth(struct explain_writer *w, double rate, int since)
{
	explain_put_subject(w);
	explain_put(w, " ");
	if (rate == 0) {
		explain_verb(w, "ist", "sind", "has", "have");
		explain_put(w, w->en ? " not changed since %d" :
		    " seit %d unverändert", since);
		return;
	}
	if (w->en) {
		explain_verb(w, "", "", "has", "have");
		explain_put(w, rate > 0 ? " grown by " : " shrunk by ");
		explain_put_rate(w, rate);
		explain_put(w, " a year on average since %d", since);
	} else {
		if (rate > 0)
			explain_verb(w, "wächst", "wachsen", "", "");
		else
			explain_verb(w, "schrumpft", "schrumpfen", "", "");
		explain_put(w, " seit %d um durchschnittlich ", since);
		explain_put_rate(w, rate);
		explain_put(w, " pro Jahr");
	}
}

/* §2.3. */
static void
explain_eurostat(struct explain_writer *w)
{
	const struct explain *e = w->e;
	double actual = explain_q(e, EXPLAIN_Q_RATE_ACTUAL);
	int since = (int)explain_q(e, EXPLAIN_Q_START_YEAR);
	const char *label = explain_verdict_label(e->verdict, w->en ? "en" : "de");

	explain_put_growth(w, actual, since);
	if (e->rule == EXPLAIN_RULE_EUROSTAT_TREND) {
		if (actual != 0)
			explain_put(w, "%s", (explain_q(e, EXPLAIN_Q_GROWTH_SIGNED) > 0) ?
			    (w->en ? ", the desired way" : ", in die gewünschte Richtung") :
			    (w->en ? ", the wrong way" : ", in die falsche Richtung"));
		explain_put(w, ": %s", label);
		return;
	}
	explain_put(w, w->en ? "; reaching " : "; für ");
	explain_put_target_phrase(w, true);
	explain_put(w, w->en ? " would need %s of " : " wäre ein %s von ",
	    explain_q(e, EXPLAIN_Q_RATE_REQUIRED) >= 0 ?
	    (w->en ? "growth" : "Wachstum") : (w->en ? "a decline" : "Rückgang"));
	explain_put_rate(w, explain_q(e, EXPLAIN_Q_RATE_REQUIRED));
	explain_put(w, w->en ? " a year: %s (" : " pro Jahr nötig: %s (", label);
	explain_put_percent(w, explain_q(e, EXPLAIN_Q_RATE_RATIO));
	explain_put(w, w->en ? " of the pace needed)" : " des nötigen Tempos)");
}

static void
explain_put_score(struct explain_writer *w)
{
	double score = explain_q(w->e, EXPLAIN_Q_SCORE);
	int k = explain_exact_decimals(score);

	explain_put(w, w->en ? " (score " : " (Punktzahl ");
	explain_put_number(w, score, k > 2 ? 2 : k);
	explain_put(w, w->en ? " on a scale from " EXPLAIN_MINUS "5 to 5)" :
	    " auf der Skala von " EXPLAIN_MINUS "5 bis 5)");
}

/* §2.4. */
static void
explain_opensdg(struct explain_writer *w)
{
	const struct explain *e = w->e;
	const char *label = explain_verdict_label(e->verdict, w->en ? "en" : "de");
	double n;

	if (e->rule == EXPLAIN_RULE_OPENSDG_INDICATOR) {
		n = explain_q(e, EXPLAIN_Q_SERIES_COUNT);
		if (e->verdict == EXPLAIN_VERDICT_TARGET_ACHIEVED)
			explain_put(w, w->en ? "All %d series of the indicator have "
			    "reached their target" : "Alle %d Zeitreihen des Indikators "
			    "haben ihr Ziel erreicht", (int)n);
		else
			explain_put(w, w->en ? "Averaged over its %d series, the "
			    "indicator shows %s" : "Im Mittel seiner %d Zeitreihen "
			    "zeigt der Indikator %s", (int)n, label);
		explain_put_score(w);
		return;
	}
	if (e->verdict == EXPLAIN_VERDICT_TARGET_ACHIEVED) {
		explain_put_subject(w);
		explain_put(w, " ");
		explain_verb(w, "hat", "haben", "has", "have");
		explain_put(w, w->en ? " reached " : " mit ");
		if (w->en) {
			explain_put_target_phrase(w, true);
			explain_put(w, " at ");
			explain_put_value(w, explain_q(e, EXPLAIN_Q_LAST_VALUE));
			explain_put(w, " (%d)", (int)explain_q(e, EXPLAIN_Q_LAST_YEAR));
		} else {
			explain_put_value(w, explain_q(e, EXPLAIN_Q_LAST_VALUE));
			explain_put(w, " (%d) ", (int)explain_q(e, EXPLAIN_Q_LAST_YEAR));
			explain_put_target_phrase(w, true);
			explain_put(w, " erreicht");
		}
		explain_put_score(w);
		return;
	}
	explain_put_growth(w, explain_q(e, EXPLAIN_Q_RATE_ACTUAL),
	    (int)explain_q(e, EXPLAIN_Q_START_YEAR));
	if (e->rule == EXPLAIN_RULE_OPENSDG_TARGET) {
		double p = explain_q(e, EXPLAIN_Q_PROGRESS);

		if (w->en) {
			if (p >= 0) {
				explain_put(w, ", ");
				explain_put_percent(w, p);
				explain_put(w, " of the pace needed for ");
			} else {
				explain_put(w, ", away from ");
			}
			explain_put_target_phrase(w, true);
		} else {
			if (p >= 0) {
				explain_put(w, ", das sind ");
				explain_put_percent(w, p);
				explain_put(w, " des Tempos für das Ziel von ");
			} else {
				explain_put(w, ", also weg vom Ziel von ");
			}
			explain_put(w, "%s ", explain_q(e, EXPLAIN_Q_POLARITY) > 0 ?
			    "mindestens" : "höchstens");
			explain_put_target(w, explain_q(e, EXPLAIN_Q_TARGET_VALUE));
			explain_put(w, " bis %d", (int)explain_q(e, EXPLAIN_Q_TARGET_YEAR));
		}
	} else if (explain_q(e, EXPLAIN_Q_RATE_ACTUAL) != 0) {
		explain_put(w, "%s", explain_q(e, EXPLAIN_Q_PROGRESS) > 0 ?
		    (w->en ? ", the desired way" : ", in die gewünschte Richtung") :
		    (w->en ? ", the wrong way" : ", in die falsche Richtung"));
	}
	explain_put(w, ": %s", label);
	explain_put_score(w);
}

/* Why there is no verdict, after "Keine Bewertung möglich: ". */
static void
explain_not_assessable(struct explain_writer *w)
{
	const struct explain *e = w->e;
	double have = explain_q(e, EXPLAIN_Q_POINTS_AVAILABLE);
	double need = explain_q(e, EXPLAIN_Q_MIN_POINTS);
	bool en = w->en;

	explain_put(w, en ? "No assessment possible: " :
	    "Keine Bewertung möglich: ");
	switch (e->reason) {
	case EXPLAIN_REASON_EMPTY_SERIES:
		explain_put(w, en ? "there are no values" : "es liegen keine Werte vor");
		break;
	case EXPLAIN_REASON_BAD_SERIES:
		explain_put(w, en ? "the series is malformed (periods out of order or "
		    "mixed, or values not numbers)" : "die Zeitreihe ist fehlerhaft "
		    "(Zeiträume nicht aufsteigend oder gemischt, oder ungültige Werte)");
		break;
	case EXPLAIN_REASON_NOT_ANNUAL:
		explain_put(w, en ? "the method needs annual values" :
		    "die Methode braucht Jahreswerte");
		break;
	case EXPLAIN_REASON_TOO_FEW_POINTS:
		if (explain_get(e, EXPLAIN_Q_MIN_POINTS, NULL))
			explain_put(w, en ? "only %d values, at least %d are needed" :
			    "nur %d Werte, mindestens %d sind nötig", (int)have,
			    (int)need);
		else
			explain_put(w, en ? "too few values for a trend" :
			    "zu wenige Werte für einen Trend");
		break;
	case EXPLAIN_REASON_TOO_FEW_AFTER_BREAK:
		explain_put(w, en ? "after the break in series in %d there %s only %d "
		    "value%s" : "nach dem Bruch in der Zeitreihe %d %s nur %d Wert%s vor",
		    e->break_period.year, have == 1 ? (en ? "is" : "liegt") :
		    (en ? "are" : "liegen"), (int)have, have == 1 ? "" :
		    (en ? "s" : "e"));
		if (explain_get(e, EXPLAIN_Q_MIN_POINTS, NULL))
			explain_put(w, en ? ", at least %d are needed" :
			    ", mindestens %d sind nötig", (int)need);
		break;
	case EXPLAIN_REASON_SPAN_TOO_SHORT:
		explain_put(w, en ? "the values cover too few years" :
		    "die Werte umfassen zu wenige Jahre");
		if (explain_get(e, EXPLAIN_Q_MIN_SPAN, NULL) &&
		    explain_get(e, EXPLAIN_Q_START_YEAR, NULL))
			explain_put(w, en ? " (%d to %d, at least %d years are needed)" :
			    " (%d bis %d, mindestens %d Jahre sind nötig)",
			    (int)explain_q(e, EXPLAIN_Q_START_YEAR),
			    (int)explain_q(e, EXPLAIN_Q_LAST_YEAR),
			    (int)explain_q(e, EXPLAIN_Q_MIN_SPAN));
		break;
	case EXPLAIN_REASON_NO_POLARITY:
		explain_put(w, en ? "it is not set whether higher or lower values are "
		    "better" : "es ist nicht festgelegt, ob höhere oder niedrigere "
		    "Werte besser sind");
		break;
	case EXPLAIN_REASON_NO_TARGET:
		explain_put(w, en ? "there is no target" : "es gibt kein Ziel");
		break;
	case EXPLAIN_REASON_BAD_TARGET:
		explain_put(w, en ? "the target is incomplete or contradictory" :
		    "das Ziel ist unvollständig oder widersprüchlich");
		break;
	case EXPLAIN_REASON_TARGET_YEAR_PASSED:
		explain_put(w, en ? "the target year has passed" :
		    "das Zieljahr ist bereits vorbei");
		break;
	case EXPLAIN_REASON_UNSUPPORTED_TARGET:
		explain_put(w, en ? "the method cannot assess this kind of target" :
		    "diese Art von Ziel kann die Methode nicht bewerten");
		break;
	case EXPLAIN_REASON_NO_REFERENCE:
		explain_put(w, en ? "the reference region's series is missing" :
		    "die Zeitreihe der Vergleichsregion fehlt");
		break;
	case EXPLAIN_REASON_NO_COMMON_PERIODS:
		explain_put(w, en ? "the region and the reference region have no year "
		    "in common" : "Region und Vergleichsregion haben kein gemeinsames "
		    "Jahr");
		break;
	case EXPLAIN_REASON_ZERO_BASE:
		explain_put(w, en ? "the starting value is zero, so there is no growth "
		    "rate" : "der Ausgangswert ist null, daraus ergibt sich keine "
		    "Wachstumsrate");
		break;
	case EXPLAIN_REASON_ZERO_VALUE:
		explain_put(w, en ? "a value is zero, so there is no growth rate" :
		    "ein Wert ist null, daraus ergibt sich keine Wachstumsrate");
		break;
	case EXPLAIN_REASON_SIGN_CHANGE:
		explain_put(w, en ? "the values change sign, so there is no growth rate" :
		    "die Werte wechseln das Vorzeichen, daraus ergibt sich keine "
		    "Wachstumsrate");
		break;
	case EXPLAIN_REASON_BASE_AFTER_LAST:
		explain_put(w, en ? "the base year %d lies after the last value" :
		    "das Basisjahr %d liegt nach dem letzten Wert",
		    (int)explain_q(e, EXPLAIN_Q_BASE_YEAR));
		break;
	case EXPLAIN_REASON_TARGET_EQUALS_BASE:
		explain_put(w, en ? "the target equals the starting value" :
		    "das Ziel ist gleich dem Ausgangswert");
		break;
	case EXPLAIN_REASON_NO_SERIES_SCORES:
		explain_put(w, en ? "none of the indicator's series has a score" :
		    "keine Zeitreihe des Indikators hat eine Punktzahl");
		break;
	default:
		explain_put(w, en ? "unknown reason" : "unbekannter Grund");
		break;
	}
}

size_t
explain_sentence(const struct explain *e, const struct explain_subject *subject,
    const char *lang, char *buf, size_t size)
{
	struct explain_writer w = { buf, size, 0, explain_english(lang), subject, e,
	    0 };

	if (size > 0)
		buf[0] = '\0';
	w.level_decimals = explain_auto_decimals(e, subject);
	if (e->status != EXPLAIN_ASSESSED) {
		explain_not_assessable(&w);
	} else {
		switch (e->rule) {
		case EXPLAIN_RULE_DNS_PROJECTION:
			explain_dns_projection(&w);
			break;
		case EXPLAIN_RULE_DNS_LEVEL:
			explain_dns_level(&w);
			break;
		case EXPLAIN_RULE_DNS_DIRECTION:
			explain_dns_direction(&w);
			break;
		case EXPLAIN_RULE_DNS_REFERENCE:
			explain_dns_reference(&w);
			break;
		case EXPLAIN_RULE_EUROSTAT_TARGET:
		case EXPLAIN_RULE_EUROSTAT_TREND:
			explain_eurostat(&w);
			break;
		case EXPLAIN_RULE_OPENSDG_TARGET:
		case EXPLAIN_RULE_OPENSDG_TREND:
		case EXPLAIN_RULE_OPENSDG_INDICATOR:
			explain_opensdg(&w);
			break;
		default:
			explain_put(&w, "%s", explain_verdict_label(e->verdict, lang));
			break;
		}
		if (e->after_break)
			explain_put(&w, w.en ? " (counting from the break in series in %d)" :
			    " (gezählt ab dem Bruch in der Zeitreihe %d)",
			    e->break_period.year);
	}
	explain_put(&w, ".");
	return w.len;
}
