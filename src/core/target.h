/* Targets as the assessment methods read them (METHODS §2.2–§2.5, DESIGN.md "Target"):
 * a value or interval by a year (or several milestones), a value that must hold every
 * year, a direction only, or "at least the reference region". Plain values; the
 * milestone array and the reference series belong to the caller. */
#ifndef WIALL_CORE_TARGET_H
#define WIALL_CORE_TARGET_H

#include <stddef.h>

#include "core/series.h"

enum target_kind {
	TARGET_NONE,		/* no target: only the trend counts (Eurostat, Open SDG) */
	TARGET_BY_YEAR,		/* reach a value (or interval) by a year */
	TARGET_EVERY_YEAR,	/* a value that must hold every year */
	TARGET_DIRECTION,	/* a desired direction only, no value */
	TARGET_REFERENCE,	/* at least (or at most) the reference region */
	TARGET_KIND__MAX
};

extern const char *const target_kind_names[TARGET_KIND__MAX];

struct target_milestone {
	int	year;
	double	low, high;	/* a single value has low == high */
};

struct target {
	enum target_kind		 kind;
	int				 polarity;	/* +1 higher is better, -1 lower is better */
	double				 low, high;	/* the value, or the interval [low, high] */
	int				 year;		/* TARGET_BY_YEAR, when no milestones */
	const struct target_milestone	*milestones;	/* several target years (METHODS §2.2 B) */
	size_t				 milestone_count;
	const struct series		*reference;	/* TARGET_REFERENCE: same indicator */
};

enum target_problem {
	TARGET_OK,
	TARGET_NO_POLARITY,	/* polarity is not +1 or -1 */
	TARGET_BAD_VALUE,	/* not finite, or low > high */
	TARGET_NO_YEAR,		/* TARGET_BY_YEAR without a year */
	TARGET_YEAR_PASSED,	/* every target year lies before the last value */
	TARGET_NO_REFERENCE,	/* TARGET_REFERENCE without a reference series */
	TARGET_NO_VALUE,	/* the kind has no value (none, direction, reference) */
	TARGET_PROBLEM__MAX
};

extern const char *const target_problem_names[TARGET_PROBLEM__MAX];

struct target	target_by_year(int polarity, double value, int year);
struct target	target_every_year(int polarity, double value);
struct target	target_direction(int polarity);
struct target	target_relative(int polarity, const struct series *reference);

/* The bound that is easier to reach: the lower one when higher is better, the
 * upper one when lower is better (METHODS §2.2 B). */
double		target_weaker_bound(double low, double high, int polarity);
/*
 * The value and year to assess against when the last value is from last_year:
 * among several target years the nearest one not past (year >= last_year), and of
 * an interval its weaker bound (METHODS §2.2 B). *year is 0 for TARGET_EVERY_YEAR.
 */
enum target_problem target_resolve(const struct target *t, int last_year,
		    double *value, int *year);

#endif
