/* What the economic-structure page and /api/v1/structure show (issue 4): the
 * catalogue's sector indicators that have figures, the regions that have
 * figures of the chosen one, and the structure report (app/structure.h) of one
 * region against its reference over the whole span of the data, shocks
 * included. A struct structure_view owns everything it points to (catalogue
 * and report); structure_view_free() releases it. */
#ifndef WIALL_APP_STRUCTURE_VIEW_H
#define WIALL_APP_STRUCTURE_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "app/structure.h"
#include "store/db.h"
#include "util/error.h"
#include "util/model.h"

/* What is asked for; NULL fields take the defaults the page shows. */
struct structure_view_query {
	const char	*indicator;	/* NULL: the catalogue's first indicator
					 * with a classification and figures by
					 * sector */
	const char	*region;	/* code or alias; NULL: the home region
					 * (assess_home_region) when it has figures,
					 * else the first region that has */
	const char	*reference;	/* NULL: the indicator's reference region
					 * (app_structure_run's default) */
	const char	*from, *to;	/* NULL: the first and last period of the
					 * data */
};

enum structure_view_status {
	STRUCTURE_VIEW_OK,
	STRUCTURE_VIEW_NO_DATA,		/* no sector indicator has figures */
	STRUCTURE_VIEW_BAD_QUERY,	/* a parameter is malformed or cannot
					 * be computed (HTTP 400) */
	STRUCTURE_VIEW_NOT_FOUND,	/* unknown indicator or region, or one
					 * without figures by sector (404) */
	STRUCTURE_VIEW_ERROR,		/* the database failed (500) */
	STRUCTURE_VIEW__MAX
};

/* A sector indicator and the regions it has figures by sector for, in the
 * catalogue's order, without its reference region and without regions that
 * contain others of the list (DEA3 holds DEA31 …): the choice of the page's
 * region switch. Its default region is the home region when it is one of
 * them, else the first. */
struct structure_view_indicator {
	const struct indicator		*indicator;
	const struct region		**regions;
	size_t				 region_count;
	const struct region		*default_region; /* NULL: no regions */
};

struct structure_view {
	struct catalog			 catalog;
	const struct region		*home;		/* NULL: none in the catalogue */
	/* Indicators with a classification and figures by sector (at least
	 * one region besides the reference), in the catalogue's order. */
	struct structure_view_indicator	*indicators;
	size_t				 indicator_count;
	const struct indicator		*indicator;	/* shown; NULL: NO_DATA */
	const struct classification	*classification; /* its, or NULL */
	const struct structure_view_indicator *shown;	/* its entry */
	const struct region		*region;	/* shown */
	const struct region		*reference;	/* catalogue's record; NULL:
							 * column sums or unknown */
	/* The options the report was computed with (for the same command:
	 * `wiall structure --indicator … --region … --from … --to …`). */
	struct app_structure_options	 options;
	bool				 has_report;
	struct app_structure_report	 report;
	const struct app_structure_region *figures;	/* report.regions[0] */
};

/* Loads the catalogue, picks indicator, region, reference and span from q and
 * the defaults, and computes the report. Returns OK, or a status with the
 * reason in e (NO_DATA: the view still holds the catalogue). The caller frees
 * v with structure_view_free() whatever the result. */
enum structure_view_status structure_view_load(struct db *db,
	    const struct structure_view_query *q, struct structure_view *v,
	    struct error *e);
void	structure_view_free(struct structure_view *v);

/* The classification's record of a sector code, or NULL. */
const struct sector *structure_view_sector(const struct structure_view *v,
	    const char *code);
/* The catalogue's shock of a report shock, or NULL (given by hand). */
const struct shock *structure_view_shock(const struct structure_view *v,
	    const struct app_structure_shock *s);
/* True when the report has figures for all three periods of the shock. */
bool	structure_view_shock_has_data(const struct structure_view *v,
	    const struct app_structure_shock *s);
/* The index of a period in the report, or (size_t)-1. */
size_t	structure_view_period(const struct structure_view *v, const char *period);

#endif
