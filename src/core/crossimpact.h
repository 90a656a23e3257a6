/* Cross-impact analysis of an impact model (METHODS §6): Vester's active and
 * passive sums and roles, MICMAC's indirect influence, and the combination of
 * members' matrices into one (median per cell, with the spread).
 * Pure: nothing is allocated; inputs, outputs and workspaces belong to the caller.
 * Matrices are n × n, row-major: m[i * n + j] is the influence of factor i on j. */
#ifndef WIALL_CORE_CROSSIMPACT_H
#define WIALL_CORE_CROSSIMPACT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

/* Vester's scale of influence: 0 none, 1 weak, 2 medium, 3 strong. */
#define CROSSIMPACT_VESTER_MAX	3

/* Roles by quadrant around the means of AS and PS (METHODS §6). A sum counts
 * as high only if it is strictly above its mean; a sum exactly at the mean
 * counts as low and is flagged (see struct crossimpact_factor), so that a page
 * can say "on the border" instead of pretending to be sure. */
enum crossimpact_role {
	CROSSIMPACT_ACTIVE,	/* AS high, PS low: a lever */
	CROSSIMPACT_REACTIVE,	/* AS low,  PS high: an indicator of change */
	CROSSIMPACT_CRITICAL,	/* AS high, PS high: amplifies, handle with care */
	CROSSIMPACT_BUFFERING,	/* AS low,  PS low: weakly tied in */
	CROSSIMPACT_ROLE__MAX
};
extern const char *const crossimpact_role_names[CROSSIMPACT_ROLE__MAX];

/* Whether Q = AS/PS exists. */
enum crossimpact_quotient {
	CROSSIMPACT_Q_OK,
	CROSSIMPACT_Q_NO_PASSIVE,	/* PS = 0 < AS: nothing acts on the factor, Q is undefined */
	CROSSIMPACT_Q_ISOLATED,		/* AS = PS = 0: the factor is not connected, Q = 0/0 */
	CROSSIMPACT_Q__MAX
};
extern const char *const crossimpact_quotient_names[CROSSIMPACT_Q__MAX];

struct crossimpact_factor {
	double				active_sum;	/* AS_i = Σ_j a_ij */
	double				passive_sum;	/* PS_i = Σ_j a_ji */
	double				quotient;	/* Q_i = AS_i / PS_i; NaN unless q_status is OK */
	enum crossimpact_quotient	q_status;
	double				product;	/* P_i = AS_i · PS_i */
	enum crossimpact_role		role;
	bool				active_at_mean;	/* AS_i equals the mean of AS */
	bool				passive_at_mean;/* PS_i equals the mean of PS */
};

struct crossimpact_vester {
	double	active_mean;
	double	passive_mean;
};

/* Vester's sums, quotients, products and roles (METHODS §6) for a complete
 * n × n matrix with a_ij in [0, 3] and a zero diagonal (a factor does not
 * influence itself). factors receives n entries. Returns 0, or -1 with the
 * offending cell in err (n = 0, a value off the scale, a non-zero diagonal). */
int	crossimpact_vester(const double *m, size_t n,
	    struct crossimpact_factor *factors, struct crossimpact_vester *summary,
	    struct error *err);

/* MICMAC (METHODS §6). */
#define CROSSIMPACT_MICMAC_MAX_POWER	10

enum crossimpact_micmac_status {
	CROSSIMPACT_MICMAC_CONVERGED,	/* the ranking of M^k equals that of M^(k−1) */
	CROSSIMPACT_MICMAC_CAPPED,	/* still changing at k = 10: not converged */
	CROSSIMPACT_MICMAC_VANISHED,	/* M^(k+1) = 0 (no cycles): no longer paths exist */
	CROSSIMPACT_MICMAC__MAX
};
extern const char *const crossimpact_micmac_names[CROSSIMPACT_MICMAC__MAX];

/* Every array holds n entries and belongs to the caller. Ranks are 1-based,
 * 1 = strongest; ties share the best rank ("1, 2, 2, 4"). */
struct crossimpact_micmac {
	enum crossimpact_micmac_status	 status;
	size_t				 power;			/* k of the ranking reported */
	size_t				*direct_influence_rank;	/* row sums of M */
	size_t				*direct_dependence_rank;/* column sums of M */
	size_t				*influence_rank;	/* row sums of M^k */
	size_t				*dependence_rank;	/* column sums of M^k */
	double				*influence;		/* row sums of M^k / Σ M^k */
	double				*dependence;		/* column sums of M^k / Σ M^k */
};

/* Bytes of workspace crossimpact_micmac() needs for n factors. */
size_t	crossimpact_micmac_work_size(size_t n);

/* Ranks factors by the row sums (influence) and column sums (dependence) of
 * M^k, raising k from 1 until both rankings equal those of M^(k−1), at most
 * to k = 10 (METHODS §6). Powers are rescaled by a power of two at each step
 * so that they never overflow; rankings and shares do not change by scaling,
 * and integer matrices stay exact while they fit in 53 bits. Sums within a
 * relative 1e-12 of each other count as tied. m must be non-negative and
 * finite with at least one positive cell. work holds
 * crossimpact_micmac_work_size(n) bytes, aligned for double.
 * Returns 0, or -1 with a reason (bad cell, all-zero matrix). */
int	crossimpact_micmac(const double *m, size_t n, void *work,
	    struct crossimpact_micmac *out, struct error *err);

/* One cell of members' matrices combined (METHODS §6): the median of the
 * members who rated it, with the quartiles (type 7) and the range as spread. */
struct crossimpact_cell {
	size_t	count;		/* members who rated the cell; 0: the cell is missing */
	double	median;		/* NaN when count is 0, as are the others */
	double	q1;
	double	q3;
	double	min;
	double	max;
};

/* Bytes of workspace crossimpact_combine() needs for this many members. */
size_t	crossimpact_combine_work_size(size_t members);

/* Combines members' n × n matrices: matrices[(member * n + i) * n + j] is
 * member's a_ij, present[same] == 0 marks a cell that member left empty
 * (present == NULL: all given). cells receives n × n entries. Values must be
 * finite; their range is the caller's (Vester's 0..3, a map's −1..1).
 * work holds crossimpact_combine_work_size(members) bytes. Returns 0 or -1. */
int	crossimpact_combine(const double *matrices, const unsigned char *present,
	    size_t members, size_t n, void *work, struct crossimpact_cell *cells,
	    struct error *err);

/* The medians of combined cells as a plain matrix for crossimpact_vester()
 * or fcm_run(). Returns 0, or -1 naming the first missing cell (count 0)
 * off the diagonal; a missing diagonal cell becomes 0. */
int	crossimpact_medians(const struct crossimpact_cell *cells, size_t n,
	    double *m, struct error *err);

#endif
