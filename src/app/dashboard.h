/* What the dashboard shows, gathered for the web pages, the API and the
 * static site: the catalogue with its goal tree and, for every indicator, the
 * assessment `wiall assess` makes (app/assess.h: every current target, the
 * worst wins, annual values from months and quarters, DNS, Eurostat and Open
 * SDG) in the home region (assess_home_region()); for one indicator also the
 * observations of the city and its reference region as stored, with their
 * revisions, for the data table. A struct dashboard owns everything it points
 * to; dashboard_free() releases it. */
#ifndef WIALL_APP_DASHBOARD_H
#define WIALL_APP_DASHBOARD_H

#include <stdbool.h>
#include <stddef.h>

#include "app/assess.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/error.h"
#include "util/model.h"
#include "util/period.h"

/* A value that a later import replaced: old → new, with the batch. */
struct dashboard_revision {
	bool		 had_value;
	double		 old_value;
	const char	*old_flag;	/* "" when none */
	bool		 has_value;
	double		 new_value;
	const char	*new_flag;
	const char	*batch_time;	/* ISO date-time of the revising batch */
	const char	*batch_file;
};

/* One stored observation of the total series (no dimensions). */
struct dashboard_observation {
	struct period			 period;
	bool				 has_value;	/* false: missing, not 0 */
	double				 value;
	const char			*flag;		/* "" when none */
	const struct dashboard_revision	*revisions;	/* oldest first */
	size_t				 revision_count;
};

/* One region's series: the observations as stored, every period kind, in
 * period order (period_compare), and the annual values the methods read. */
struct dashboard_series {
	const struct region		*region;	/* NULL: no such series */
	struct dashboard_observation	*obs;
	size_t				 count;
	size_t				 revision_count;	/* over all obs */
	struct assess_annual		 annual;
};

struct dashboard_indicator {
	const struct indicator	*indicator;
	/* The assessment by all three methods (DNS primary) in the home
	 * region; NULL when not loaded or when there is no home region. */
	const struct assess_result *result;
	/* With dashboard_load(…, only, …) for this indicator: the city and the
	 * reference region (the indicator's, else its reference target's). */
	struct dashboard_series	 home, reference;
};

struct dashboard {
	struct catalog			 catalog;
	struct goal_tree		 tree;
	const struct region		*home;		/* assessed; NULL: none */
	struct dashboard_indicator	*indicators;	/* parallel to catalog.indicators */
	struct assess_result		*results;	/* parallel too; those not
							   loaded have no indicator */
	struct arena			 arena;		/* the series */
	char				 updated[32];	/* ISO date of the last import
							   or catalogue change; "" */
};

/* The methods the dashboard runs (all of them; DNS first and primary). */
extern const struct assess_options dashboard_assess_options;

/*
 * Loads the catalogue and assesses every indicator (only `only`, a code,
 * when not NULL; "" for none) in `region` (a code or alias; NULL: the home
 * region, assess_home_region(), or none when the catalogue has no city).
 * With `only` the observations of that indicator are loaded too. Returns 0,
 * or -1 with e set (a database error, an unknown region).
 */
int	dashboard_load(struct db *db, const char *only, const char *region,
	    struct dashboard *d, struct error *e);
void	dashboard_free(struct dashboard *d);
/* The indicator with `code`, or NULL. */
struct dashboard_indicator *dashboard_find(struct dashboard *d, const char *code);
/* The primary (DNS) verdict record of an indicator; NULL when not loaded. */
const struct explain *dashboard_verdict(const struct dashboard_indicator *di);
/* True when the indicator has a DNS weather symbol. */
bool	dashboard_assessed(const struct dashboard_indicator *di);

#endif
