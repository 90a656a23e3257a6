/* Economic structure of a region (METHODS §3.1–3.5): sector shares, Herfindahl-
 * Hirschman, Shannon entropy, Krugman specialisation and location quotients, against
 * an explicit reference region or, in matrix mode, the column sums of a regions ×
 * sectors matrix; and the statuses the other structure modules (variety, shift-share,
 * shocks, portfolio) share. Pure: no I/O, no allocation. The caller owns every array
 * (figures, outputs, workspaces); a result record owns nothing, and a reference only
 * borrows the caller's figures. */
#ifndef WIALL_CORE_STRUCTURE_H
#define WIALL_CORE_STRUCTURE_H

#include <stdbool.h>
#include <stddef.h>

#define STRUCTURE_NONE	((size_t)-1)	/* "no sector" / "no period" in a structure_where */

/* Why a number was not computed. A measure with any status but STRUCTURE_OK has
 * value NAN, never a silent 0 (METHODS §1). */
enum structure_status {
	STRUCTURE_OK = 0,
	STRUCTURE_EMPTY,		/* the sector list is empty */
	STRUCTURE_MISSING,		/* a figure is missing */
	STRUCTURE_NOT_FINITE,		/* a figure is not a finite number */
	STRUCTURE_NEGATIVE,		/* a negative figure where sizes are meant */
	STRUCTURE_ZERO_TOTAL,		/* Σx = 0: "not computable" (METHODS §3) */
	STRUCTURE_ONE_SECTOR,		/* n = 1: H* divides by 1 − 1/n = 0 */
	STRUCTURE_SIZE_MISMATCH,	/* region, reference, periods or grouping differ in n */
	STRUCTURE_REFERENCE_ZERO,	/* the reference has nothing in the sector */
	STRUCTURE_ZERO_START,		/* x_i(t0) = 0: the sector's growth rate is undefined */
	STRUCTURE_NO_GROUPS,		/* variety needs a sector → group mapping */
	STRUCTURE_BAD_GROUP,		/* a sector's group index is out of range */
	STRUCTURE_NO_REFERENCE,		/* the measure needs a reference region */
	STRUCTURE_ZERO_REFERENCE_CHANGE, /* ΔX = 0: sensitivity divides by zero */
	STRUCTURE_ZERO_EXPECTED,	/* expected change E = 0: resistance divides by zero */
	STRUCTURE_TOO_FEW_PERIODS,	/* fewer periods than the method needs */
	STRUCTURE_STATUS__MAX
};

/* Stable machine names ("ok", "missing", …) for JSON and CSV. */
extern const char *const structure_status_names[STRUCTURE_STATUS__MAX];
/* One English sentence saying why; it is the msgid for i18n_text(). */
const char	*structure_status_reason(enum structure_status status);

/* Which figure a status is about, so that an explanation can name it:
 * "the reference's figure for sector C in 2009 is missing". */
struct structure_where {
	size_t	sector;		/* sector index, or STRUCTURE_NONE */
	size_t	period;		/* index into the periods given, or STRUCTURE_NONE */
	size_t	region;		/* matrix row, or STRUCTURE_NONE */
	bool	reference;	/* about the reference's figures, not the region's */
};

struct structure_measure {
	double			 value;		/* NAN unless status == STRUCTURE_OK */
	enum structure_status	 status;
	struct structure_where	 where;
};

/* One region's figures x_i for sectors i = 0..n-1 (employment or another size).
 * Missing is a state of its own, never 0: missing[i] true means "no figure" and
 * value[i] is not read. missing may be NULL when every figure is there. */
struct structure_values {
	const double	*value;
	const bool	*missing;
	size_t		 n;
};

/* A regions × sectors matrix, row-major: value[r * cols + j]. missing as above
 * (NULL or rows × cols flags). */
struct structure_matrix {
	const double	*value;
	const bool	*missing;
	size_t		 rows;
	size_t		 cols;
};

/* Row r of a matrix as one region's figures (a view, nothing is copied). */
static inline struct structure_values
structure_matrix_row(const struct structure_matrix *m, size_t r)
{
	struct structure_values v;

	v.value = m->value + r * m->cols;
	v.missing = m->missing != NULL ? m->missing + r * m->cols : NULL;
	v.n = m->cols;
	return v;
}

enum structure_base {
	STRUCTURE_BASE_2 = 0,		/* bits, the default (METHODS §3.2) */
	STRUCTURE_BASE_E,		/* nats */
	STRUCTURE_BASE__MAX
};
extern const char *const structure_base_names[STRUCTURE_BASE__MAX];	/* "2", "e" */

/* Σx (compensated) after checking every figure, and how many sectors are above
 * zero. Hard errors (not finite, negative) win over missing figures; then missing;
 * then Σx = 0. nonzero may be NULL. */
void	structure_total(const struct structure_values *x,
	    struct structure_measure *total, size_t *nonzero);

/* Does Σx match a published all-sector total? Göttingen's 15 sections, for
 * instance, fall about 2,000 short of its "A-R" row: shares computed from the
 * sections then describe only the sectors listed. */
enum structure_coverage {
	STRUCTURE_COVERAGE_COMPLETE = 0,	/* |total − Σx| ≤ tolerance */
	STRUCTURE_COVERAGE_SHORT,		/* Σx < total: sectors are missing */
	STRUCTURE_COVERAGE_EXCESS,		/* Σx > total: overlapping sectors? */
	STRUCTURE_COVERAGE__MAX
};
extern const char *const structure_coverage_names[STRUCTURE_COVERAGE__MAX];

struct structure_total_check {
	struct structure_measure sector_sum;	/* Σx, or why not */
	double			 published_total;
	double			 difference;	/* published − Σx (NAN if Σx failed) */
	double			 relative;	/* difference / published (NAN if 0) */
	double			 tolerance;	/* absolute, as given */
	enum structure_coverage	 coverage;	/* meaningful when sector_sum is ok */
};

void	structure_check_total(const struct structure_values *x,
	    double published_total, double tolerance,
	    struct structure_total_check *out);

/* Shares s_i = x_i / Σx into share[0..n) (METHODS §3). When the total is not
 * computable every share is NAN and total says why. */
void	structure_shares(const struct structure_values *x, double *share,
	    struct structure_measure *total);

/* METHODS §3.1 (REAT herf, EconGeo herfindahl). */
struct structure_herfindahl {
	struct structure_measure hhi;		/* H = Σ s_i², in [1/n, 1] */
	struct structure_measure normalised;	/* H* = (H − 1/n) / (1 − 1/n), in [0, 1] */
	struct structure_measure equivalent;	/* 1/H: number of equal sectors with the same H */
	size_t			 n;
};

void	structure_herfindahl(const struct structure_values *x,
	    struct structure_herfindahl *out);

/* E = −Σ s_i log_b s_i with 0·log 0 = 0; no rounding, no epsilon (METHODS §3.2). */
void	structure_entropy(const struct structure_values *x,
	    enum structure_base base, struct structure_measure *out);

/* What Krugman and location quotients compare against: an explicit reference
 * region's own figures (REAT), or the column sums of the whole matrix, the region
 * itself included (EconGeo; METHODS §3.4, §3.5). */
enum structure_reference_kind {
	STRUCTURE_REFERENCE_REGION = 0,
	STRUCTURE_REFERENCE_MATRIX,
	STRUCTURE_REFERENCE__MAX
};
extern const char *const structure_reference_kind_names[STRUCTURE_REFERENCE__MAX];

struct structure_reference {
	enum structure_reference_kind kind;
	struct structure_values	 values;	/* X_i, borrowed from the caller */
	struct structure_measure total;		/* ΣX, or why not */
	struct structure_measure lq_total;	/* what LQ divides by: ΣX or the published total */
	bool			 published_total;
};

/* An explicit reference region. published_total (NULL: ΣX) is used by the location
 * quotients only, as REAT locq takes "the over-all employment" when the sectors do
 * not cover everything; Krugman always compares shares of ΣX. */
void	structure_reference_prepare(const struct structure_values *reference,
	    const double *published_total, struct structure_reference *out);

/* Matrix mode: X_j = Σ_r value[r][j], summed compensated row by row (cache order)
 * into column_sum[0..cols), with compensation[0..cols) as workspace. A missing cell
 * leaves the grand total unknown: the reference is then not computable. */
void	structure_matrix_reference(const struct structure_matrix *m,
	    double *column_sum, double *compensation, struct structure_reference *out);

/* K = Σ |s_i − S_i|, without a ½ factor, range [0, 2] (METHODS §3.4). */
void	structure_krugman(const struct structure_values *x,
	    const struct structure_reference *reference, struct structure_measure *out);

/* One location quotient: its value (NAN when not computable) and why not. */
struct structure_lq {
	double			 value;
	enum structure_status	 status;
	bool			 reference;	/* the status is about the reference's figure */
};

struct structure_lq_summary {
	enum structure_status	 status;	/* of the inputs as a whole */
	struct structure_where	 where;
	double			 region_total;	/* what s_i was divided by */
	double			 reference_total; /* what S_i was divided by */
	bool			 published_totals; /* region or reference used a published total */
	size_t			 computed;
	size_t			 not_computable;
};

/* LQ_i = s_i / S_i = (x_i / region total) / (X_i / reference total) into lq[0..n)
 * (METHODS §3.5, REAT locq). region_published_total NULL: Σx. S_i = 0 → that
 * sector is not computable (STRUCTURE_REFERENCE_ZERO). With published totals a
 * missing sector spoils only its own quotient. */
void	structure_location_quotients(const struct structure_values *x,
	    const double *region_published_total,
	    const struct structure_reference *reference, struct structure_lq *lq,
	    struct structure_lq_summary *out);

/* Everything the structure report shows for one region and period. The JSON
 * contract of `wiall structure` (issue 3) maps onto the records as follows; a
 * measure whose status is not STRUCTURE_OK prints as null, and its status name
 * and where-record go into the explanation:
 *   per period   total, hhi (herfindahl.hhi), hhi_normalised
 *                (herfindahl.normalised), entropy, unrelated_variety,
 *                related_variety, krugman, lq (the structure_lq array, sector →
 *                value)                              — struct structure_profile
 *   shift_share, shift_share_dynamic: growth, national_share, industry_mix,
 *                regional_share, net_total_shift     — struct shift_share_components
 *                (shiftshare.h), in shift_share_result.dunn / shift_share_dynamic.dunn
 *   esteban_marquillas: competitive, allocation     — struct shift_share_result
 *   shocks[]: sensitivity, resistance, recovery      — struct shock_result:
 *                contraction.sensitivity, contraction.performance,
 *                recovery.performance (shock.h)
 * Matrix mode computes one profile per row against structure_matrix_reference(). */
struct variety_groups;

struct structure_profile_input {
	struct structure_values		  region;
	const struct structure_reference *reference;	/* NULL: no Krugman, no LQ */
	const struct variety_groups	 *groups;	/* NULL: no variety */
	double				 *group_workspace; /* VARIETY_WORKSPACE(groups->count) doubles */
	enum structure_base		  base;
	struct structure_lq		 *lq;		/* region.n records, or NULL */
};

struct structure_profile {
	size_t				 sectors;	/* n, zero sectors included */
	size_t				 nonzero;	/* sectors with x_i > 0 */
	enum structure_base		 base;
	struct structure_measure	 total;
	struct structure_herfindahl	 herfindahl;
	struct structure_measure	 entropy;
	struct structure_measure	 unrelated_variety;
	struct structure_measure	 related_variety;
	size_t				 groups_nonempty;
	bool				 has_reference;
	enum structure_reference_kind	 reference_kind;
	struct structure_measure	 reference_total;
	struct structure_measure	 krugman;
	struct structure_lq_summary	 lq;		/* lq.computed == 0 without lq array */
};

void	structure_profile_compute(const struct structure_profile_input *in,
	    struct structure_profile *out);

/* Helpers shared by the structure modules. */
void	structure_measure_set(struct structure_measure *m, double value);
void	structure_measure_fail(struct structure_measure *m,
	    enum structure_status status, size_t sector, bool reference);
/* Copies a failed measure's status and place into m (value NAN). */
void	structure_measure_fail_as(struct structure_measure *m,
	    const struct structure_measure *cause);
double	structure_log(double v, enum structure_base base);

#endif
