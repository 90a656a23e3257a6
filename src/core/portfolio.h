/* The four-quadrant portfolio of regional economics (METHODS §3.8): each sector's
 * location quotient at the end against its growth relative to the reference's.
 * Pure: the caller owns the figures and the n output records. */
#ifndef WIALL_CORE_PORTFOLIO_H
#define WIALL_CORE_PORTFOLIO_H

#include "core/structure.h"

/* Specialised means LQ > 1; gaining means r_i − g_i > 0 (the sector grew faster
 * in the region than in the reference). Equality counts as "not". */
enum portfolio_quadrant {
	PORTFOLIO_SPECIALISED_GAINING = 0,	/* LQ > 1, faster: a strength that grows */
	PORTFOLIO_SPECIALISED_LOSING,		/* LQ > 1, not faster: a strength at risk */
	PORTFOLIO_UNSPECIALISED_GAINING,	/* LQ ≤ 1, faster: catching up */
	PORTFOLIO_UNSPECIALISED_LOSING,		/* LQ ≤ 1, not faster: falling behind */
	PORTFOLIO__MAX
};
extern const char *const portfolio_quadrant_names[PORTFOLIO__MAX];

struct portfolio_entry {
	enum structure_status	 status;	/* OK, or why this sector has no place */
	bool			 reference;	/* the status is about the reference */
	double			 location_quotient;	/* (x_i(t1)/Σx(t1)) / (X_i(t1)/ΣX(t1)) */
	double			 region_rate;		/* r_i = x_i(t1)/x_i(t0) − 1 */
	double			 reference_rate;	/* g_i = X_i(t1)/X_i(t0) − 1 */
	double			 relative_growth;	/* r_i − g_i */
	enum portfolio_quadrant	 quadrant;	/* meaningful when status is OK */
};

/* entry: n records. Returns the status of the inputs as a whole (then every entry
 * carries it); per-sector problems (x_i(t0) = 0, X_i = 0) are in the entries. */
enum structure_status portfolio_classify(const struct structure_values *region_t0,
	    const struct structure_values *region_t1,
	    const struct structure_values *reference_t0,
	    const struct structure_values *reference_t1,
	    struct portfolio_entry *entry);

#endif
