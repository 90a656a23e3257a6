/*
 * Explanation records (METHODS §1): setting and reading their quantities, the name
 * tables, verdict labels and levels, and number formatting. Numbers are formatted
 * here, not by the C locale: German uses a decimal comma and a thousands dot
 * (DESIGN.md), English the reverse, and both use a real minus sign (U+2212) that
 * screen readers pronounce. The sentences live in explain_sentence.c.
 */
#include "core/explain.h"

#include <math.h>
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
