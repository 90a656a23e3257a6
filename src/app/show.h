/* One indicator in full, for `wiall show`: its catalogue record with every
 * target version, and its series (per region and dimensions) with their
 * observations, flags, sources and revisions. A struct show owns everything
 * (in its catalogue's arena) until show_free(). */
#ifndef WIALL_APP_SHOW_H
#define WIALL_APP_SHOW_H

#include <stdbool.h>
#include <stddef.h>

#include "store/db.h"
#include "util/error.h"
#include "util/model.h"
#include "util/period.h"

struct show_observation {
	const char	*period;
	bool		 has_value;
	double		 value;
	const char	*flag;		/* "" when none */
	const char	*source;	/* "" when none */
};

struct show_revision {
	const char	*period;
	bool		 had_value, has_value;
	double		 old_value, new_value;
	const char	*old_flag, *new_flag;
	long long	 old_batch, batch;
	const char	*batch_file, *batch_time;	/* of the new value */
};

struct show_series {
	long long		 id;
	const struct region	*region;
	const char		*dims;		/* "" for the total */
	struct show_observation	*observations;	/* by period */
	size_t			 observation_count;
	struct show_revision	*revisions;	/* by period, oldest first */
	size_t			 revision_count;
};

struct show {
	struct catalog		 catalog;	/* owns everything */
	const struct indicator	*indicator;
	const struct region	*region;	/* the one asked for, or NULL */
	struct show_series	*series;	/* by region order, then dims */
	size_t			 series_count;
	const char		**periods;	/* every period of the series, in
						 * time order (util/period.h) */
	size_t			 period_count;
};

enum show_status { SHOW_OK, SHOW_UNKNOWN, SHOW_FAILED };

/* Reads indicator `code`, restricted to one region (code or alias) unless
 * region is NULL. SHOW_UNKNOWN when the indicator or region is not in the
 * catalogue, SHOW_FAILED on a database error; e says which. Free with
 * show_free() in every case. */
enum show_status show_build(struct db *db, const char *code, const char *region,
	    struct show *out, struct error *e);
void	show_free(struct show *s);

#endif
