/* The state of the catalogue and its data, for `wiall status` and `wiall
 * check`: per indicator and region how many values there are, from when to
 * when, and what is missing. A struct status owns everything it points to (in
 * its catalogue's arena) until status_free(). */
#ifndef WIALL_APP_STATUS_H
#define WIALL_APP_STATUS_H

#include <stdbool.h>
#include <stddef.h>

#include "store/coverage.h"
#include "store/db.h"
#include "util/error.h"
#include "util/model.h"
#include "util/period.h"

/* One region's data of one indicator (all its series: totals and sectors). */
struct status_region {
	const struct region *region;
	long long	 values;	/* observations with a value */
	long long	 missing;	/* observations stored as missing */
	long long	 series;
	char		 first[PERIOD_TEXT_MAX];	/* "" when no value */
	char		 last[PERIOD_TEXT_MAX];
	unsigned	 kinds;		/* 1 << enum period_kind, of values */
};

struct status_indicator {
	const struct indicator	*indicator;
	struct status_region	*regions;	/* those with observations, in
						 * the catalogue's order */
	size_t			 region_count;
	long long		 values;
	bool			 home_missing;	/* no value for the home region */
	bool			 reference_missing; /* none for its reference region
						 * (when that is not the home) */
};

struct status {
	struct catalog		 catalog;
	struct goal_tree	 tree;
	/* The home region: the catalogue's first region (Bottrop in the shipped
	 * one), whose data the goals are about. NULL without regions. */
	const struct region	*home;
	struct status_indicator	*indicators;	/* parallel to catalog.indicators */
	size_t			 current_targets, superseded_targets, sectors;
	struct coverage_totals	 totals;
};

/* Reads the catalogue and the coverage of every series. */
int	status_build(struct db *db, struct status *out, struct error *e);
void	status_free(struct status *s);

/* The status of a region's data for one indicator, or NULL if it has none. */
const struct status_region *status_region_of(const struct status_indicator *si,
	    const struct region *r);

#endif
