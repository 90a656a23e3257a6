/* Target construction and resolution (METHODS §2.2 B). */
#include "core/target.h"

#include <math.h>

const char *const target_kind_names[TARGET_KIND__MAX] = {
	[TARGET_NONE] = "none",
	[TARGET_BY_YEAR] = "by_year",
	[TARGET_EVERY_YEAR] = "every_year",
	[TARGET_DIRECTION] = "direction",
	[TARGET_REFERENCE] = "reference",
};

const char *const target_problem_names[TARGET_PROBLEM__MAX] = {
	[TARGET_OK] = "ok",
	[TARGET_NO_POLARITY] = "no_polarity",
	[TARGET_BAD_VALUE] = "bad_value",
	[TARGET_NO_YEAR] = "no_year",
	[TARGET_YEAR_PASSED] = "year_passed",
	[TARGET_NO_REFERENCE] = "no_reference",
	[TARGET_NO_VALUE] = "no_value",
};

struct target
target_by_year(int polarity, double value, int year)
{
	struct target t = { .kind = TARGET_BY_YEAR, .polarity = polarity,
	    .low = value, .high = value, .year = year };

	return t;
}

struct target
target_every_year(int polarity, double value)
{
	struct target t = { .kind = TARGET_EVERY_YEAR, .polarity = polarity,
	    .low = value, .high = value };

	return t;
}

struct target
target_direction(int polarity)
{
	struct target t = { .kind = TARGET_DIRECTION, .polarity = polarity };

	return t;
}

struct target
target_relative(int polarity, const struct series *reference)
{
	struct target t = { .kind = TARGET_REFERENCE, .polarity = polarity,
	    .reference = reference };

	return t;
}

double
target_weaker_bound(double low, double high, int polarity)
{
	return polarity > 0 ? low : high;
}

static int
target_level_ok(double low, double high)
{
	return isfinite(low) && isfinite(high) && low <= high;
}

enum target_problem
target_resolve(const struct target *t, int last_year, double *value, int *year)
{
	const struct target_milestone *best = NULL;
	size_t i;

	if (t->polarity != 1 && t->polarity != -1)
		return TARGET_NO_POLARITY;
	switch (t->kind) {
	case TARGET_EVERY_YEAR:
		if (!target_level_ok(t->low, t->high))
			return TARGET_BAD_VALUE;
		*value = target_weaker_bound(t->low, t->high, t->polarity);
		*year = 0;
		return TARGET_OK;
	case TARGET_BY_YEAR:
		break;
	default:
		return TARGET_NO_VALUE;
	}
	if (t->milestone_count == 0) {
		if (!target_level_ok(t->low, t->high))
			return TARGET_BAD_VALUE;
		if (t->year == 0)
			return TARGET_NO_YEAR;
		if (t->year < last_year)
			return TARGET_YEAR_PASSED;
		*value = target_weaker_bound(t->low, t->high, t->polarity);
		*year = t->year;
		return TARGET_OK;
	}
	for (i = 0; i < t->milestone_count; i++) {
		const struct target_milestone *m = &t->milestones[i];

		if (!target_level_ok(m->low, m->high))
			return TARGET_BAD_VALUE;
		if (m->year == 0)
			return TARGET_NO_YEAR;
		if (m->year >= last_year && (best == NULL || m->year < best->year))
			best = m;
	}
	if (best == NULL)
		return TARGET_YEAR_PASSED;
	*value = target_weaker_bound(best->low, best->high, t->polarity);
	*year = best->year;
	return TARGET_OK;
}
