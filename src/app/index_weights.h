/* Weights for `wiall index` from files (METHODS §4.7): AHP pairwise comparisons
 * (several judges combined by element-wise geometric mean) or budget allocations,
 * each for the children of the aggregates they name. Everything lives in the
 * caller's arena. */
#ifndef WIALL_APP_INDEX_WEIGHTS_H
#define WIALL_APP_INDEX_WEIGHTS_H

#include <stdbool.h>
#include <stddef.h>

#include "app/index.h"

/* What the AHP found per aggregate, for the caller to report. */
struct index_weights_report {
	size_t		 n;
	const char	**parent;
	double		*lambda_max, *cr;	/* cr NAN: RI unknown (n > 10) */
	bool		*inconsistent;		/* CR >= 0.1 */
};

/* "ahp:FILE": CSV with columns parent,row,column,value[,judge]: how much more
 * important `row` is than `column` among the children of `parent`, on Saaty's
 * scale (a number or a fraction like 1/3); the reciprocal cell is filled in, a
 * contradicting one is an error. Every pair must be judged, by every judge.
 * "budget:FILE": CSV with columns participant,node,points: each participant
 * distributes 100 points over the children of one aggregate.
 * Aggregates not named keep their weights. Sets m->spec.weight. */
int	index_weights_load(struct index_model *m, const char *text,
	    struct arena *a, struct index_weights_report *report,
	    struct error *e);

#endif
