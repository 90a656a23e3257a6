/* Shared by app/index_catalog.c (the pipeline and the analysis) and
 * app/index_catalog_leaves.c (the leaves' values); not for other modules.
 * A build in progress borrows its database and error, and keeps its caches
 * in the index's arena (the structure reports until the build ends). */
#ifndef WIALL_APP_INDEX_CATALOG_INTERNAL_H
#define WIALL_APP_INDEX_CATALOG_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "app/index_catalog.h"
#include "app/structure.h"

/* The observations of one indicator without dimensions, per unit and year
 * (first_year .. first_year + years - 1), NAN where there is none. */
struct index_catalog_levels {
	const char	*indicator;
	int		 first_year, years;
	double		*value;		/* unit-major: u * years + (y - first) */
	bool		 loaded;
};

/* The structure report of one indicator over every period and region. */
struct index_catalog_structure {
	const char			*indicator;
	bool				 ok;
	const char			*error;
	struct app_structure_report	 report;
};

/* A build in progress. */
struct index_catalog_builder {
	struct db			*db;
	struct index_catalog		*x;
	struct index_catalog_levels	*levels;
	size_t				 level_count;
	struct index_catalog_structure	*structures;
	size_t				 structure_count;
	struct error			*e;
	bool				 failed;	/* a database error */
};

/* The unit of an index by region code, or -1 (index_catalog.c). */
long	index_catalog_unit(const struct index_catalog *x, const char *code);

/* ---- index_catalog_leaves.c ---- */

/* One record per leaf of the index: indicator, measure, direction (explicit,
 * the polarity, or the measure's), the unit of its values. 0 or -1. */
int	index_catalog_leaves_load(struct index_catalog_builder *b);
/* Whether a leaf needs a year (all but resistance do). */
bool	index_catalog_leaves_needs_year(const struct index_catalog *x);
/* "latest": the latest year in which the leaves that need one have the most
 * values, in the index's arena; NULL when no year has any. */
const char *index_catalog_leaves_latest(struct index_catalog_builder *b);
/* Every leaf's raw values in x->period (a leaf without any is unused and
 * says why); returns the number of leaves with a value. */
size_t	index_catalog_leaves_values(struct index_catalog_builder *b);

#endif
