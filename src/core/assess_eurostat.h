/* Eurostat's SDG progress categories (METHODS §2.3), with and without a quantified
 * target, over the short term (5 years) or the long term (15 years). Results go
 * into explanation records the caller provides; nothing is allocated. */
#ifndef WIALL_CORE_ASSESS_EUROSTAT_H
#define WIALL_CORE_ASSESS_EUROSTAT_H

#include "core/explain.h"
#include "core/series.h"
#include "core/target.h"

#define ASSESS_EUROSTAT_VERSION	"eurostat-sdg/1"

enum assess_eurostat_term {
	ASSESS_EUROSTAT_SHORT,		/* the last 5 years */
	ASSESS_EUROSTAT_LONG,		/* the last 15 years */
	ASSESS_EUROSTAT_TERM__MAX
};

struct assess_eurostat_params {
	int	horizon;	/* years looked back from the last value: 5 or 15 */
	/*
	 * When the series has no value horizon years back, the trend starts at the
	 * first value after that year, if it still covers min_span years (wiall's
	 * rule; METHODS is silent): 3 for the short term, 10 for the long term.
	 */
	int	min_span;
	double	target_high;	/* R ≥ 0.95: significant progress */
	double	target_medium;	/* R ≥ 0.60: moderate progress */
	double	target_low;	/* R ≥ 0: insufficient progress; below: movement away */
	double	trend_high;	/* g > 0.01: significant progress */
	double	trend_medium;	/* g > 0: moderate progress */
	double	trend_low;	/* g ≥ −0.01: moderate movement away; below: significant */
};

void	assess_eurostat_defaults(enum assess_eurostat_term term,
	    struct assess_eurostat_params *p);
/*
 * The progress category of an annual series. With a TARGET_BY_YEAR target:
 * R = d·CAGR_a / |CAGR_r|, the actual growth since t0 over the growth required
 * from t0 to reach the target in its year (the sign adjustment keeps R positive
 * for progress even when x_t0 already lay beyond the target). Without a target
 * (NULL, TARGET_NONE or TARGET_DIRECTION): g = d·CAGR_a. Values before the last
 * flagged break do not count. params NULL means the short-term defaults.
 */
enum explain_status assess_eurostat(const struct series *s, const struct target *t,
		    const struct assess_eurostat_params *params, struct explain *out);

#endif
