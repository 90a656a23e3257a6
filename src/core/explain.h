/* The explanation record every assessment returns (METHODS §1): method and version,
 * the rule applied, parameters, the data points used, intermediate values,
 * thresholds, the verdict, or the reason there is none. A plain value that points
 * at no memory but static strings; sentences (explain_sentence.c) are written into
 * the caller's buffer. */
#ifndef WIALL_CORE_EXPLAIN_H
#define WIALL_CORE_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "util/period.h"

enum explain_method {
	EXPLAIN_METHOD_NONE,
	EXPLAIN_METHOD_DNS,		/* METHODS §2.2 and §2.5 */
	EXPLAIN_METHOD_EUROSTAT,	/* METHODS §2.3 */
	EXPLAIN_METHOD_OPENSDG,		/* METHODS §2.4 */
	EXPLAIN_METHOD__MAX
};

/* Which branch of a method produced the verdict. */
enum explain_rule {
	EXPLAIN_RULE_NONE,
	EXPLAIN_RULE_DNS_PROJECTION,	/* §2.2 A: target value by a year, not yet met */
	EXPLAIN_RULE_DNS_LEVEL,		/* §2.2 C: target met, or must hold every year */
	EXPLAIN_RULE_DNS_DIRECTION,	/* §2.2 D: direction only */
	EXPLAIN_RULE_DNS_REFERENCE,	/* §2.5: gap to the reference region, with C */
	EXPLAIN_RULE_EUROSTAT_TARGET,	/* §2.3 with a quantified target */
	EXPLAIN_RULE_EUROSTAT_TREND,	/* §2.3 without a target */
	EXPLAIN_RULE_OPENSDG_TARGET,	/* §2.4 with a target */
	EXPLAIN_RULE_OPENSDG_TREND,	/* §2.4 without a target */
	EXPLAIN_RULE_OPENSDG_INDICATOR,	/* §2.4 step 7: mean of series scores */
	EXPLAIN_RULE__MAX
};

enum explain_status {
	EXPLAIN_ASSESSED,
	EXPLAIN_NOT_ASSESSABLE,
	EXPLAIN_STATUS__MAX
};

/* Why there is no verdict. */
enum explain_reason {
	EXPLAIN_REASON_NONE,
	EXPLAIN_REASON_EMPTY_SERIES,
	EXPLAIN_REASON_BAD_SERIES,	 /* unsorted, mixed period kinds, not finite */
	EXPLAIN_REASON_NOT_ANNUAL,	 /* the methods need annual values (growth_annualise) */
	EXPLAIN_REASON_TOO_FEW_POINTS,	 /* fewer values than the method needs */
	EXPLAIN_REASON_TOO_FEW_AFTER_BREAK, /* enough values, but not after the last break */
	EXPLAIN_REASON_SPAN_TOO_SHORT,	 /* the values cover too few years */
	EXPLAIN_REASON_NO_POLARITY,	 /* polarity not +1 or -1 */
	EXPLAIN_REASON_NO_TARGET,	 /* the method needs a target value */
	EXPLAIN_REASON_BAD_TARGET,	 /* not finite, interval upside down, no year */
	EXPLAIN_REASON_TARGET_YEAR_PASSED, /* every target year lies before the last value */
	EXPLAIN_REASON_UNSUPPORTED_TARGET, /* a target kind the method cannot read */
	EXPLAIN_REASON_NO_REFERENCE,	 /* relative target without a reference series */
	EXPLAIN_REASON_NO_COMMON_PERIODS, /* the region and its reference share too few periods */
	EXPLAIN_REASON_ZERO_BASE,	 /* a growth rate would divide by zero */
	EXPLAIN_REASON_ZERO_VALUE,	 /* a growth rate from or to zero */
	EXPLAIN_REASON_SIGN_CHANGE,	 /* a growth rate across a change of sign */
	EXPLAIN_REASON_BASE_AFTER_LAST,	 /* the base year lies after the last value */
	EXPLAIN_REASON_TARGET_EQUALS_BASE, /* the required rate is zero */
	EXPLAIN_REASON_NO_SERIES_SCORES, /* an indicator none of whose series has a score */
	EXPLAIN_REASON__MAX
};

/*
 * The verdicts of all methods in one enumeration, so that tables, charts and
 * colours need one lookup. Machine names (explain_verdict_names) follow the
 * method's own labels; Eurostat and Open SDG both call one "moderate_progress".
 */
enum explain_verdict {
	EXPLAIN_VERDICT_NONE,
	EXPLAIN_VERDICT_SUN,			/* DNS, best to worst */
	EXPLAIN_VERDICT_SUN_BEHIND_CLOUD,
	EXPLAIN_VERDICT_CLOUD,
	EXPLAIN_VERDICT_THUNDERSTORM,
	EXPLAIN_VERDICT_SIGNIFICANT_PROGRESS,	/* Eurostat, with and without target */
	EXPLAIN_VERDICT_MODERATE_PROGRESS,
	EXPLAIN_VERDICT_INSUFFICIENT_PROGRESS,	/* with a target */
	EXPLAIN_VERDICT_MOVEMENT_AWAY,		/* with a target */
	EXPLAIN_VERDICT_MODERATE_MOVEMENT_AWAY,	/* without a target */
	EXPLAIN_VERDICT_SIGNIFICANT_MOVEMENT_AWAY, /* without a target */
	EXPLAIN_VERDICT_TARGET_ACHIEVED,	/* Open SDG */
	EXPLAIN_VERDICT_SUBSTANTIAL_PROGRESS,
	EXPLAIN_VERDICT_OPENSDG_MODERATE_PROGRESS,
	EXPLAIN_VERDICT_LIMITED_PROGRESS,
	EXPLAIN_VERDICT_DETERIORATION,
	EXPLAIN_VERDICT__MAX
};

/* Named numbers of a record: parameters, observations, intermediate values and
 * thresholds. A quantity a method did not use or could not compute is absent. */
enum explain_quantity {
	/* parameters */
	EXPLAIN_Q_POLARITY,
	EXPLAIN_Q_TARGET_VALUE,		/* after resolution: milestone, weaker bound */
	EXPLAIN_Q_TARGET_YEAR,
	EXPLAIN_Q_TARGET_COUNT,		/* §2.2 E: how many targets were combined */
	EXPLAIN_Q_WINDOW,		/* DNS: values in the trend window (6) */
	EXPLAIN_Q_MIN_POINTS,		/* fewest values the method accepts */
	EXPLAIN_Q_HORIZON,		/* Eurostat: years looked back (5 or 15) */
	EXPLAIN_Q_MIN_SPAN,		/* Eurostat: fewest years the trend must cover */
	EXPLAIN_Q_BASE_YEAR,		/* Open SDG: the base year asked for */
	EXPLAIN_Q_LIMIT,		/* Open SDG: natural limit */
	/* observations */
	EXPLAIN_Q_POINTS_AVAILABLE,	/* values from the last break on */
	EXPLAIN_Q_START_YEAR,		/* first value used (DNS s, Eurostat t0, Open SDG t0) */
	EXPLAIN_Q_START_VALUE,
	EXPLAIN_Q_LAST_YEAR,		/* t */
	EXPLAIN_Q_LAST_VALUE,		/* x_t */
	EXPLAIN_Q_PREVIOUS_VALUE,	/* DNS D: the value before x_t */
	EXPLAIN_Q_REFERENCE_VALUE,	/* §2.5: ref_t */
	/* intermediate values */
	EXPLAIN_Q_MEAN_CHANGE,		/* DNS Δ̄, absolute per year */
	EXPLAIN_Q_LAST_CHANGE,		/* DNS D δ */
	EXPLAIN_Q_PROJECTED_VALUE,	/* DNS A x̂_T */
	EXPLAIN_Q_MISS_RATIO,		/* DNS A r */
	EXPLAIN_Q_GAP,			/* §2.5 g_t = d·(x_t − ref_t) */
	EXPLAIN_Q_RATE_ACTUAL,		/* CAGR_a */
	EXPLAIN_Q_RATE_REQUIRED,	/* CAGR_r */
	EXPLAIN_Q_RATE_RATIO,		/* Eurostat R */
	EXPLAIN_Q_GROWTH_SIGNED,	/* Eurostat g = d·CAGR_a */
	EXPLAIN_Q_SIGN,			/* Open SDG s */
	EXPLAIN_Q_PROGRESS,		/* Open SDG p */
	EXPLAIN_Q_LIMIT_FACTOR,		/* Open SDG C */
	EXPLAIN_Q_SCORE,		/* Open SDG score in [−5, 5] */
	EXPLAIN_Q_SERIES_COUNT,		/* Open SDG indicator: series with a score */
	/* thresholds */
	EXPLAIN_Q_THRESHOLD_SUN,	/* DNS: r below this → sun (0.05) */
	EXPLAIN_Q_THRESHOLD_CLOUD,	/* DNS: r above this → cloud (0.20) */
	EXPLAIN_Q_THRESHOLD_HIGH,	/* Eurostat, Open SDG */
	EXPLAIN_Q_THRESHOLD_MEDIUM,
	EXPLAIN_Q_THRESHOLD_LOW,
	EXPLAIN_Q__MAX
};

enum explain_role {
	EXPLAIN_ROLE_PARAMETER,
	EXPLAIN_ROLE_OBSERVATION,
	EXPLAIN_ROLE_INTERMEDIATE,
	EXPLAIN_ROLE_THRESHOLD,
	EXPLAIN_ROLE__MAX
};

#define EXPLAIN_POINTS_MAX	8
#define EXPLAIN_VALUES_MAX	24

struct explain_point {
	struct period	period;
	double		value;
};

struct explain_value {
	enum explain_quantity	quantity;
	double			value;
};

struct explain {
	enum explain_method	 method;
	const char		*version;	/* static, e.g. "dns-weather/1" */
	enum explain_rule	 rule;
	enum explain_status	 status;
	enum explain_reason	 reason;	/* EXPLAIN_REASON_NONE when assessed */
	enum explain_verdict	 verdict;	/* EXPLAIN_VERDICT_NONE when not */
	/* The stretch of the caller's series that was read: indices first..last. */
	bool			 used;
	size_t			 first, last;
	/* A flagged break cut the series; only values from break_period on counted. */
	bool			 after_break;
	struct period		 break_period;
	size_t			 point_count;	/* the data points used, oldest first */
	struct explain_point	 points[EXPLAIN_POINTS_MAX];
	size_t			 value_count;
	struct explain_value	 values[EXPLAIN_VALUES_MAX];
};

extern const char *const explain_method_names[EXPLAIN_METHOD__MAX];
extern const char *const explain_rule_names[EXPLAIN_RULE__MAX];
extern const char *const explain_status_names[EXPLAIN_STATUS__MAX];
extern const char *const explain_reason_names[EXPLAIN_REASON__MAX];
extern const char *const explain_verdict_names[EXPLAIN_VERDICT__MAX];
extern const char *const explain_quantity_names[EXPLAIN_Q__MAX];
extern const char *const explain_role_names[EXPLAIN_ROLE__MAX];

void		explain_init(struct explain *e, enum explain_method method,
		    const char *version);
/* Sets (or replaces) a quantity. Returns -1 if the record is full. */
int		explain_set(struct explain *e, enum explain_quantity q, double v);
/* Whether the quantity is present; its value in *v. */
bool		explain_get(const struct explain *e, enum explain_quantity q,
		    double *v);
/* Appends a data point; returns -1 when EXPLAIN_POINTS_MAX are stored. */
int		explain_add_point(struct explain *e, const struct period *p,
		    double value);
/* Marks the record not assessable for reason; returns EXPLAIN_NOT_ASSESSABLE. */
enum explain_status explain_fail(struct explain *e, enum explain_reason reason);
/* Records the verdict; returns EXPLAIN_ASSESSED. */
enum explain_status explain_verdict(struct explain *e, enum explain_verdict v);
enum explain_role explain_quantity_role(enum explain_quantity q);
/* Traffic-light level of a verdict: 0 best … 3 worst; -1 for none. */
int		explain_verdict_level(enum explain_verdict v);
/* The verdict's official label: "Sonne", "Leicht bewölkt", "on track" … */
const char	*explain_verdict_label(enum explain_verdict v, const char *lang);

/* What the sentence talks about. All fields may be left zero/NULL. */
struct explain_subject {
	const char	*name;		/* with article, capitalised: "Die Arbeitslosenquote" */
	bool		 plural;	/* German verb agreement: "Die Emissionen sinken" */
	const char	*unit;		/* "%" (changes then read as percentage points), "ha/Tag" */
	int		 decimals;	/* for levels; -1 or 0..6; -1 picks from the values */
};

/*
 * Writes one plain-language sentence about the record into buf (always
 * NUL-terminated when size > 0) and returns the length the whole sentence needs,
 * like snprintf. lang "en" gives English, anything else German; numbers use the
 * language's decimal mark and thousands separator, never the C locale.
 */
size_t		explain_sentence(const struct explain *e,
		    const struct explain_subject *subject, const char *lang,
		    char *buf, size_t size);
/* A number with decimals digits after the mark, grouped in thousands:
 * German "1.234,5", English "1,234.5". Returns the length like snprintf. */
size_t		explain_number(double v, int decimals, const char *lang, char *buf,
		    size_t size);

#endif
