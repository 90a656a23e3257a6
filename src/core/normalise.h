/* Normalisation of one indicator (METHODS §4.6): the indicator's direction is
 * applied first (z = d x), missing values are ignored and stay missing, and a
 * method that cannot compute (zero range, no values...) says so. Pure; writes only
 * into caller arrays. */
#ifndef WIALL_CORE_NORMALISE_H
#define WIALL_CORE_NORMALISE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/colstat.h"
#include "util/arena.h"
#include "util/error.h"

enum normalise_method {
	NORMALISE_MINMAX,	/* (z - min)/(max - min) (u - l) + l */
	NORMALISE_ZSCORE,	/* (z - mean)/sd s + m, sd with n - 1 */
	NORMALISE_DIST2MAX,	/* 1 - (max - z)/(max - min) */
	NORMALISE_DIST2REF,	/* 1 - (z_ref - z)/(z_ref - min), optionally capped */
	NORMALISE_DIST2TARGET,	/* 1 - (t - z)/(t - min), capped at 1 */
	NORMALISE_FRACMAX,	/* z / max */
	NORMALISE_RANK,		/* rank, ties take the minimum */
	NORMALISE_BORDA,	/* rank - 1 */
	NORMALISE_PERCENTILE,	/* (rank - 1)/(n - 1) */
	NORMALISE_GOALPOSTS,	/* (z - lo)/(hi - lo) truncated to [0, 1], scaled */
	NORMALISE_NONE,		/* z unchanged */
	NORMALISE__MAX
};

/* "minmax", "zscore", "dist2max", "dist2ref", "dist2target", "fracmax", "rank",
 * "borda", "prank", "goalposts", "none" */
extern const char *const normalise_method_names[NORMALISE__MAX];

struct normalise_spec {
	enum normalise_method	 method;
	double			 lower, upper;	/* min-max bounds, default [0, 100] */
	double			 mean, sd;	/* z-score target, default (0, 1) */
	bool			 cap;		/* dist2ref: cap at 1 */
	double			 goal_lower, goal_upper; /* goalposts for all
						 * indicators (NAN: per indicator) */
	double			 goal_scale;	/* goalposts: multiply by (1) */
};

/* What the method needs to know about one indicator. Targets and goalposts are in
 * the indicator's own units; the direction turns them around. */
struct normalise_column {
	const char	*code;		/* for messages */
	int		 direction;	/* +1 or -1 */
	double		 target;	/* dist2target; NAN if none */
	double		 goal_lower, goal_upper; /* goalposts; NAN if none */
	size_t		 reference;	/* dist2ref: row of the reference unit */
};

void	normalise_spec_default(struct normalise_spec *s);	/* min-max [0, 100] */
/* Parses a method name; -1 if unknown. */
int	normalise_method_parse(const char *name, enum normalise_method *method);
/* Parses the text form of a normalisation, as `wiall index` and the
 * catalogue write it: "minmax[:l,u]", "zscore[:m,s]", "dist2max",
 * "dist2ref:UNIT[,cap]", "dist2target", "fracmax", "rank", "borda", "prank",
 * "goalposts[:lo,hi[,scale]]" or "none". A dist2ref unit code is copied into
 * the arena and returned in *reference (which may be NULL when not wanted).
 * Returns 0, or -1 with the reason. */
int	normalise_spec_parse(const char *text, struct normalise_spec *s,
	    const char **reference, struct arena *a, struct error *e);
/* Normalises x[0..n) into out[0..n); `scratch` holds n pairs. Returns -1 with the
 * reason when the method cannot compute for this indicator. */
int	normalise_values(const struct normalise_spec *spec,
	    const struct normalise_column *column, const double *x, size_t n,
	    double *out, struct colstat_pair *scratch, struct error *e);

#endif
