/* Shift-share analysis of a region against a reference (METHODS §3.6): Dunn's
 * classic decomposition, Esteban-Marquillas' competitive and allocation effects,
 * and the dynamic form of Barff & Knight (the sum of year-by-year Dunn components).
 * Pure: the caller owns the figures and every output array; nothing is allocated. */
#ifndef WIALL_CORE_SHIFTSHARE_H
#define WIALL_CORE_SHIFTSHARE_H

#include <stddef.h>

#include "core/structure.h"

/* Dunn's components in persons (or whatever unit the figures have). With
 * x the region, X the reference, T = Σx, R = ΣX, g = R(t1)/R(t0) − 1,
 * g_i = X_i(t1)/X_i(t0) − 1, r_i = x_i(t1)/x_i(t0) − 1:
 *   growth          = T(t1) − T(t0)               = NS + IM + RS
 *   national_share  = T(t0)·g
 *   industry_mix    = Σ x_i(t0)(g_i − g)
 *   regional_share  = Σ x_i(t0)(r_i − g_i)
 *   net_total_shift = T(t1) − T(t0)(1 + g)        = IM + RS
 * All NAN when not computable. */
struct shift_share_components {
	double	growth;
	double	national_share;
	double	industry_mix;
	double	regional_share;
	double	net_total_shift;
};

/* Per sector, for tables, portfolios and explanations. */
struct shift_share_sector {
	enum structure_status	 status;	/* OK; ZERO_START: x_i(t0) = 0, the rule of
						 * METHODS §3.6 was applied; REFERENCE_ZERO:
						 * X_i(t0) = 0 while x_i(t0) > 0 */
	double			 region_rate;	/* r_i, NAN when x_i(t0) = 0 */
	double			 reference_rate; /* g_i, NAN when X_i(t0) = 0 */
	double			 national_share;
	double			 industry_mix;
	double			 regional_share; /* x_i(t1) − x_i(t0)(1 + g_i) */
	double			 homothetic;	/* x̂_i = T(t0)·S_i(t0) */
	double			 competitive;	/* x̂_i(r_i − g_i), NAN when x_i(t0) = 0 */
	double			 allocation;	/* (x_i(t0) − x̂_i)(r_i − g_i), likewise */
};

struct shift_share_result {
	enum structure_status		 status;	/* of the Dunn decomposition */
	struct structure_where		 where;
	double				 region_start, region_end;	/* T(t0), T(t1) */
	double				 reference_start, reference_end; /* R(t0), R(t1) */
	double				 reference_rate;	/* g */
	struct shift_share_components	 dunn;
	/* Sectors with x_i(t0) = 0: r_i is undefined (REAT gives NaN); their RS
	 * term is the change x_i(t1) − x_i(t0)(1 + g_i) = x_i(t1), and an
	 * explanation must say so (METHODS §3.6). */
	size_t				 zero_start;
	size_t				 first_zero_start;	/* sector, or STRUCTURE_NONE */
	/* Esteban-Marquillas: x̂_i = T(t0)·S_i(t0); competitive = Σ x̂_i(r_i − g_i),
	 * allocation = Σ (x_i(t0) − x̂_i)(r_i − g_i); together they are RS. Not
	 * computable when a sector has x_i(t0) = 0 (r_i undefined). */
	struct structure_measure	 competitive;
	struct structure_measure	 allocation;
};

/* From t0 to t1. sectors: n records or NULL. */
void	shift_share_compute(const struct structure_values *region_t0,
	    const struct structure_values *region_t1,
	    const struct structure_values *reference_t0,
	    const struct structure_values *reference_t1,
	    struct shift_share_sector *sectors, struct shift_share_result *out);

struct shift_share_dynamic {
	enum structure_status		 status;
	struct structure_where		 where;		/* where.period: the step's start */
	size_t				 steps;		/* periods − 1 */
	struct shift_share_components	 dunn;		/* Σ over the steps */
	size_t				 zero_start;	/* sector-steps with x_i = 0 at the start */
	size_t				 first_zero_start_period; /* or STRUCTURE_NONE */
};

/* Barff & Knight: region[k], reference[k] for periods k = 0..periods-1 in order;
 * each step k → k+1 is a Dunn decomposition, and the components are summed. step:
 * periods − 1 results (each with its own Esteban-Marquillas effects), or NULL. */
void	shift_share_dynamic(const struct structure_values *region,
	    const struct structure_values *reference, size_t periods,
	    struct shift_share_result *step, struct shift_share_dynamic *out);

#endif
