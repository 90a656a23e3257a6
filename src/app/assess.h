/* The assessment use case (METHODS §1, §2; issue 3 §1): one indicator's series in
 * one region, from the database or from the caller, made annual, its current
 * catalogue targets turned into the core's targets, and assessed by DNS, Eurostat
 * or Open SDG, with what a page shows beside the verdict (latest value, trend
 * arrow). A struct assess_result owns everything it points to in its own arena;
 * assess_result_free() releases it. Inputs stay the caller's. */
#ifndef WIALL_APP_ASSESS_H
#define WIALL_APP_ASSESS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/assess_eurostat.h"
#include "core/assess_opensdg.h"
#include "core/explain.h"
#include "core/series.h"
#include "core/target.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/error.h"
#include "util/model.h"
#include "util/period.h"

/* ---- what to compute ----------------------------------------------------- */

enum assess_method {
	ASSESS_DNS,		/* METHODS §2.2, §2.5: weather symbols (the default) */
	ASSESS_EUROSTAT,	/* METHODS §2.3: progress categories */
	ASSESS_OPENSDG,		/* METHODS §2.4: progress measure and score */
	ASSESS_METHOD__MAX
};

/* "dns", "eurostat", "opensdg" (as in explain_method_names). */
extern const char *const assess_method_names[ASSESS_METHOD__MAX];

#define ASSESS_METHOD_BIT(m)	(1u << (m))
#define ASSESS_METHODS_ALL	((1u << ASSESS_METHOD__MAX) - 1)

/* A zeroed struct is the default: DNS only, Eurostat's short term, Open SDG's
 * base year 2015 and target year 2030, no limit. */
struct assess_options {
	unsigned			methods;	/* ASSESS_METHOD_BIT()s; 0: DNS */
	enum assess_eurostat_term	eurostat_term;
	struct assess_opensdg_options	opensdg;
};

/* ---- input --------------------------------------------------------------- */

/* One observation as the store or a file holds it. */
struct assess_observation {
	struct period	 period;	/* a year, quarter or month */
	bool		 has_value;	/* false: missing, never read as 0 */
	double		 value;
	const char	*flag;		/* wiall's letters (docs/formats.md), or NULL */
};

/* One region's observations of the indicator (the total series, no
 * dimensions), in any order; a period must not come twice. */
struct assess_region_series {
	const char			*region;	/* code */
	const struct assess_observation	*obs;
	size_t				 count;
};

/*
 * What the assessment reads when the data do not come from the database (the
 * CLI's --input mode, tests). The indicator gives the polarity, the annual
 * rule, unit and decimals, and the targets (only current versions, valid_to
 * NULL, count). references holds the series of every region a reference
 * target names; a region missing there is a reference without data.
 */
struct assess_input {
	const struct indicator			*indicator;
	struct assess_region_series		 series;
	const struct assess_region_series	*references;
	size_t					 reference_count;
};

/* ---- result -------------------------------------------------------------- */

/*
 * The annual values the methods read (METHODS §1). An annual observation is
 * taken as it is; a year without one gets the mean, last value or sum of its
 * quarters or months, by the indicator's `annual` setting, when they are
 * complete (growth_annualise); incomplete years are left out and counted.
 * Flags: b (break in series) → SERIES_FLAG_BREAK, p → PROVISIONAL, e or s →
 * ESTIMATED; a break anywhere in a year marks the year, and a break flagged on
 * a missing value marks the next value.
 */
struct assess_annual {
	struct period	*periods;	/* years, increasing */
	double		*values;
	unsigned	*flags;		/* enum series_flag bits */
	size_t		 count;
	size_t		 from_subannual;	/* years made from quarters or months */
	size_t		 incomplete;	/* years with sub-annual values only, too few */
};

/* The last observation with a value, of any period kind (a page's "latest
 * figure"): the one whose period ends last; of equal ends, the annual one. */
struct assess_latest {
	bool		 has;
	struct period	 period;
	double		 value;
	const char	*flag;		/* "" when none */
};

enum assess_direction {
	ASSESS_DIRECTION_NONE,		/* fewer than two annual values after the last break */
	ASSESS_DIRECTION_UP,
	ASSESS_DIRECTION_FLAT,
	ASSESS_DIRECTION_DOWN,
	ASSESS_DIRECTION__MAX
};

extern const char *const assess_direction_names[ASSESS_DIRECTION__MAX];

/*
 * The trend arrow: DNS's mean annual change Δ̄ = (x_t − x_s)/(t − s) over the
 * last six annual values from the last break on (METHODS §2.2), needing two.
 * FLAT when |Δ̄| is below half the last digit shown (0.5·10^−decimals a year;
 * with decimals < 0 only when Δ̄ = 0).
 * better is +1 when the change goes the indicator's good way (polarity·Δ̄ > 0),
 * −1 the bad way, 0 when flat, unknown, or polarity 0.
 */
struct assess_trend {
	enum assess_direction	 direction;
	double			 change;	/* Δ̄ per year, when not NONE */
	int			 from_year, to_year;
	int			 better;
};

/*
 * One target as assessed: a current catalogue target version converted into the
 * core's struct target, or, when the indicator has no current target, the
 * direction its polarity gives (code NULL, kind direction: METHODS §2.2 D).
 *
 * Conversion: value → by year; interval → by year, or every year without a
 * year; every_year → every year; direction → direction; reference → relative to
 * the reference region's annual series (the target's reference_region, else
 * the indicator's; METHODS §2.5), except in the reference region itself, whose
 * gap is zero by definition: there the target does not count. Polarity 0 ("closer to the target is
 * better") takes the direction from the side the latest annual value lies on:
 * below the target +1, above −1; inside an interval (or on the value) DNS
 * checks both bounds and the worst wins, Eurostat and Open SDG read the lower
 * bound with +1 (polarity_derived says so). Polarity 0 with a reference or
 * direction target, or without a target, is not assessable (no polarity).
 *
 * Eurostat and Open SDG have no relative targets, and Eurostat none that holds
 * every year: for those they assess the trend alone (their records' rule says
 * so, eurostat_trend / opensdg_trend).
 */
struct assess_target {
	const char			*code;		/* NULL: implied by the polarity */
	enum model_target_kind		 kind;
	const struct target_version	*version;	/* copy; NULL when implied */
	int				 polarity;	/* the one used: ±1, or 0 */
	bool				 polarity_derived;
	struct target			 target;	/* as DNS reads it */
	const char			*reference_region;	/* kind reference */
	struct assess_annual		 reference;	/* its annual values */
	bool				 reference_has_data;
	/* One record per method that ran (see assess_result.ran). */
	struct explain			 records[ASSESS_METHOD__MAX];
};

/*
 * What one method says about the indicator. Several targets must all hold
 * (METHODS §2.2 E, applied to every method): the verdict is the worst target's
 * record, with EXPLAIN_Q_TARGET_COUNT set when there are several; if any
 * target is not assessable, neither is the indicator, and its record says why.
 * deciding is the index of that target in assess_result.targets.
 */
struct assess_verdict {
	struct explain	 combined;
	size_t		 deciding;
};

struct assess_result {
	struct arena		 arena;		/* owns every pointer below */
	/* The indicator, copied: code, titles, unit (as in the catalogue). */
	const char		*indicator;
	const char		*title_de, *title_en;
	const char		*unit;
	int			 decimals;
	int			 polarity;
	enum model_annual	 annual;
	const char		*region;

	size_t			 observation_count;	/* with a value */
	struct assess_annual	 series;
	struct assess_latest	 latest;
	struct assess_trend	 trend;

	struct assess_target	*targets;
	size_t			 target_count;	/* at least 1 */

	bool			 ran[ASSESS_METHOD__MAX];
	struct assess_verdict	 verdicts[ASSESS_METHOD__MAX];
	enum assess_method	 primary;	/* the first method that ran */
};

void	assess_result_init(struct assess_result *r);
void	assess_result_free(struct assess_result *r);

/* ---- a region's series (assess_annual.c) -------------------------------- */

/*
 * The annual values of one region's observations (struct assess_annual says
 * how), in the arena; *with_value counts the observations with a value. The
 * observations are sorted here; a period given twice, or a value that is not a
 * finite number, is an error (-1, e says which period).
 */
int	assess_annual_build(struct arena *a, const struct assess_region_series *in,
	    enum model_annual how, struct assess_annual *out, size_t *with_value,
	    struct error *e);
/* The core's view of the annual values (for the methods and charts). */
struct series	assess_annual_series(const struct assess_annual *a);
/* The latest figure of the observations (struct assess_latest); its flag is
 * copied into the arena. */
void	assess_annual_latest(struct arena *a, const struct assess_region_series *in,
	    struct assess_latest *out);
/* The trend arrow of the annual values (struct assess_trend). */
void	assess_annual_trend(const struct assess_annual *a, int decimals,
	    int polarity, struct assess_trend *out);

/* ---- running ------------------------------------------------------------- */

/*
 * Assesses the caller's series. Returns 0 with *out filled (*out must be
 * initialised; it is reset first), also when nothing can be assessed: every
 * record then says why (no values, too few, no polarity …). Returns -1 (e
 * says why) only for input that is wrong rather than thin: a period given
 * twice, an indicator without a code.
 */
int	assess_run(const struct assess_input *in, const struct assess_options *opt,
	    struct assess_result *out, struct error *e);

/*
 * Assesses one indicator of the catalogue in one region from the database: the
 * series (indicator, region, dims "") and those of the reference regions its
 * targets name (their aliases read as the regions' codes), then assess_run().
 * The catalogue is the caller's (loaded with
 * store_catalog_load()); indicator is a code, region a code or alias. An
 * unknown indicator or region, or a database error, returns -1.
 */
int	assess_indicator(struct db *db, const struct catalog *c,
	    const char *indicator, const char *region,
	    const struct assess_options *opt, struct assess_result *out,
	    struct error *e);

/*
 * The region assessments are for when none is named (the CLI's default, the
 * dashboard's): the meta key "home_region" when it is set to a region of the
 * catalogue (code or alias); else the catalogue's first region, in its order,
 * whose level is municipality or district_free_city; else its first district.
 * *out points into c. Returns -1 when there is none.
 */
int	assess_home_region(struct db *db, const struct catalog *c,
	    const struct region **out, struct error *e);

/* ---- reading a result ---------------------------------------------------- */

/* The primary method's verdict record (DNS when it ran). */
const struct explain	*assess_primary(const struct assess_result *r);

/*
 * The record's plain-language sentence (explain_sentence()) with the
 * indicator's unit and decimals; lang "en" or German. Returns the length the
 * whole sentence needs, like snprintf.
 */
size_t	assess_sentence(const struct assess_result *r, const struct explain *record,
	    const char *lang, char *buf, size_t size);

/* The unit as a sentence shows it: "%" for "percent" and "percent of …" (so
 * changes read as percentage points); in English the catalogue's words; in
 * German their translation (po/de.po) or NULL when there is none. */
const char	*assess_unit_label(const char *unit, const char *lang);

#endif
