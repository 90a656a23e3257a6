/* The Open SDG progress measure (METHODS §2.4, as released in Open SDG ≥ 2.4):
 * progress value p, status and score in [−5, 5] per series, and the indicator
 * score as the mean of its series' scores. Results go into explanation records
 * the caller provides; nothing is allocated. */
#ifndef WIALL_CORE_ASSESS_OPENSDG_H
#define WIALL_CORE_ASSESS_OPENSDG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/explain.h"
#include "core/series.h"
#include "core/target.h"

#define ASSESS_OPENSDG_VERSION		"opensdg-progress/2.4"
#define ASSESS_OPENSDG_BASE_YEAR	2015
#define ASSESS_OPENSDG_TARGET_YEAR	2030
#define ASSESS_OPENSDG_LIMIT_EXPONENT	4.44

struct assess_opensdg_options {
	int	base_year;	/* 0: 2015. Without a value there, the next year with one */
	int	target_year;	/* 0: 2030; for a target that has no year of its own */
	bool	has_limit;	/* a natural limit scales the thresholds (no target only) */
	double	limit;
};

/*
 * The progress of one annual series (METHODS §2.4 steps 1–6). The target may be
 * NULL, TARGET_NONE or TARGET_DIRECTION (no target: the trend alone), or
 * TARGET_BY_YEAR / TARGET_EVERY_YEAR (its value, 0 read as 0.001, its weaker bound
 * for an interval; a target every year is read as one for the target year).
 * Only values from the last flagged break on count. A target already achieved
 * gives status and score even when p cannot be computed, as Open SDG does.
 * options NULL means the defaults.
 */
enum explain_status assess_opensdg_series(const struct series *s,
		    const struct target *t, const struct assess_opensdg_options *options,
		    struct explain *out);
/*
 * The indicator's score (METHODS §2.4 step 7): the mean of the scores of those
 * series records that have one; target achieved when all of them achieved it.
 */
enum explain_status assess_opensdg_indicator(const struct explain *series,
		    size_t n, struct explain *out);

#endif
