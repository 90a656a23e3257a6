/* What the dashboard shows, gathered for the web pages, the API and the
 * static site: the catalogue with its goal tree, each indicator's annual
 * series for the city (the catalogue's first region) and its reference
 * region, the latest value, the direction of the last change, and the DNS
 * weather symbol with its explanation record (METHODS §2.2, §2.5) against the
 * indicator's first current target. A struct dashboard owns everything it
 * points to; dashboard_free() releases it. */
#ifndef WIALL_APP_DASHBOARD_H
#define WIALL_APP_DASHBOARD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/explain.h"
#include "store/db.h"
#include "util/error.h"
#include "util/model.h"
#include "util/period.h"

/* One region's annual values of an indicator (dimensions: none), oldest
 * first. Missing values are not points: the series has gaps in time. */
struct dashboard_series {
	const struct region	*region;	/* NULL: no such series */
	size_t			 count;
	struct period		*periods;
	double			*values;
	unsigned		*flags;		/* core/series.h flags */
	const char		**flag_texts;	/* the stored flag letters, "" */
};

enum dashboard_change {
	DASHBOARD_CHANGE_UNKNOWN,	/* fewer than two values */
	DASHBOARD_CHANGE_UP,
	DASHBOARD_CHANGE_DOWN,
	DASHBOARD_CHANGE_FLAT,
	DASHBOARD_CHANGE__MAX
};

extern const char *const dashboard_change_names[DASHBOARD_CHANGE__MAX];

struct dashboard_indicator {
	const struct indicator		*indicator;
	const struct target_version	*target;	/* assessed; NULL: none */
	struct dashboard_series		 home, reference;
	enum dashboard_change		 change;	/* last value vs the one before */
	enum explain_status		 status;
	struct explain			 weather;	/* DNS record */
};

struct dashboard {
	struct catalog			 catalog;
	struct goal_tree		 tree;
	const struct region		*home;		/* the city; NULL: no regions */
	struct dashboard_indicator	*indicators;	/* parallel to catalog.indicators */
	char				 updated[32];	/* ISO date of the last import
							   or catalogue change; "" */
};

/* Loads the catalogue and, for every indicator (or only `only`, a code, when
 * not NULL), its series and assessment. Returns 0, or -1 with e set. */
int	dashboard_load(struct db *db, const char *only, struct dashboard *d,
	    struct error *e);
void	dashboard_free(struct dashboard *d);
/* The indicator with `code`, or NULL. */
struct dashboard_indicator *dashboard_find(struct dashboard *d, const char *code);
/* The latest value of a series, false when it has none. */
bool	dashboard_latest(const struct dashboard_series *s, double *value,
	    const struct period **period);

#endif
