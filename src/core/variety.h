/* Related and unrelated variety of a region's sectors (METHODS §3.3; Frenken, Van
 * Oort & Verburg 2007), grouped by a sector → group mapping of a coarser level of
 * the classification. Pure: the caller owns the figures, the mapping and a
 * workspace of VARIETY_WORKSPACE(count) doubles; nothing is allocated. */
#ifndef WIALL_CORE_VARIETY_H
#define WIALL_CORE_VARIETY_H

#include <stddef.h>

#include "core/structure.h"

/* group[i] is the index (0..count-1) of sector i's group, e.g. the WZ section of a
 * WZ division, or the first two digits of a SIC code. */
struct variety_groups {
	const size_t	*group;
	size_t		 n;		/* sectors: must equal the figures' n */
	size_t		 count;		/* groups */
};

/* Doubles of workspace variety_compute() needs for `count` groups: a compensated
 * sum (value and compensation) per group. */
#define VARIETY_WORKSPACE(count)	(2 * (size_t)(count))

struct variety_result {
	enum structure_base	 base;
	struct structure_measure entropy;	/* E = −Σ s_i log s_i */
	struct structure_measure unrelated;	/* UV = −Σ_g P_g log P_g (empty groups dropped) */
	struct structure_measure related;	/* RV = Σ_g P_g·H_g = E − UV */
	size_t			 groups_nonempty;
};

/* E, UV and RV in base 2 (bits) or e. RV is formed directly as
 * −Σ_i s_i log(s_i / P_g(i)), which equals E − UV without the cancellation. */
void	variety_compute(const struct structure_values *x,
	    const struct variety_groups *groups, enum structure_base base,
	    double *workspace, struct variety_result *out);

#endif
