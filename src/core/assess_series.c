/* The series checks the assessment methods share (see assess_series.h). */
#include "core/assess_series.h"

enum explain_status
assess_series_annual(const struct series *s, struct explain *out)
{
	size_t i;

	switch (series_check(s, NULL)) {
	case SERIES_OK:
		break;
	case SERIES_EMPTY:
		return explain_fail(out, EXPLAIN_REASON_EMPTY_SERIES);
	default:
		return explain_fail(out, EXPLAIN_REASON_BAD_SERIES);
	}
	for (i = 0; i < s->count; i++)
		if (s->periods[i].kind != PERIOD_YEAR)
			return explain_fail(out, EXPLAIN_REASON_NOT_ANNUAL);
	return EXPLAIN_ASSESSED;
}

size_t
assess_series_start(const struct series *s, struct explain *out)
{
	size_t start = series_comparable_start(s);

	if (start > 0) {
		out->after_break = true;
		out->break_period = s->periods[start];
	}
	return start;
}
