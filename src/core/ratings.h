/* Ratings and consensus (METHODS §5): what members' ratings of a subject on a
 * criterion say (n, mean, quartiles, shares, Tastle-Wierman consensus), how far
 * raters agree (Krippendorff's alpha), and scores combined across criteria.
 * Pure: nothing is allocated; every input, output and workspace belongs to the caller. */
#ifndef WIALL_CORE_RATINGS_H
#define WIALL_CORE_RATINGS_H

#include <stddef.h>

#include "util/error.h"

/* Why a measure could or could not be computed. Every status other than
 * RATINGS_OK comes with a reason in the caller's struct error, and the numbers
 * it concerns are left NaN (never a silent 0). */
enum ratings_status {
	RATINGS_OK = 0,
	RATINGS_BAD_INPUT,	/* a value off the scale, a bad scale, a bad weight … */
	RATINGS_EMPTY,		/* no ratings at all */
	RATINGS_SINGLE_LEVEL,	/* the scale has one level: w = 0, consensus undefined */
	RATINGS_NO_PAIRABLE,	/* alpha: no unit was rated by two or more raters */
	RATINGS_NO_VARIATION,	/* alpha: all pairable ratings are equal, D_e = 0 */
	RATINGS_MISSING,	/* a weighted score meets a missing criterion score */
	RATINGS_STATUS__MAX
};
extern const char *const ratings_status_names[RATINGS_STATUS__MAX];

/* A declared rating scale of whole-number levels min, min+1, …, max, e.g.
 * −2..+2 or 1..5. A rating is valid only if it is one of these levels. */
struct ratings_scale {
	int	min;
	int	max;
};

/* The number of levels, max − min + 1; 0 if the scale is invalid (max < min,
 * or more than RATINGS_LEVELS_MAX levels). */
#define RATINGS_LEVELS_MAX	1000
size_t	ratings_scale_levels(const struct ratings_scale *scale);

/* Quantile of R's type 7 (METHODS §5): on sorted x[0..n−1], h = (n−1)p,
 * Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]). The caller sorts. Needs n ≥ 1 and
 * p in [0, 1]; returns NaN otherwise. */
double	ratings_quantile7(const double *sorted, size_t n, double p);

/* Tastle & Wierman (2007) consensus (METHODS §5):
 *   Cns = 1 + Σ_k p_k log2(1 − |X_k − μ| / w),
 * X_k the scale levels, p_k their shares, μ the mean, w = max − min level of
 * the scale (not of the answers). 1 = everyone gives the same answer, 0 = half
 * at each extreme. counts[k] is how often level scale->min + k was chosen
 * (counts, not shares; non-negative, finite). Levels nobody chose add nothing
 * (0 · log 0 := 0). RATINGS_EMPTY if the counts sum to 0,
 * RATINGS_SINGLE_LEVEL if the scale has one level. */
enum ratings_status ratings_consensus(const struct ratings_scale *scale,
	    const double *counts, double *consensus, struct error *err);

/* Everything the page shows about the ratings of one subject on one criterion. */
struct ratings_summary {
	size_t			n;		/* ratings given */
	size_t			missing;	/* cells without a rating (present[i] == 0) */
	double			mean;
	double			median;		/* type 7, p = 0.5 */
	double			q1;		/* type 7, p = 0.25 */
	double			q3;		/* type 7, p = 0.75 */
	double			consensus;	/* Tastle-Wierman */
	enum ratings_status	consensus_status;
};

/* Summarises scores[0..count−1]; present[i] == 0 marks a missing rating
 * (present == NULL: all given). shares must hold ratings_scale_levels(scale)
 * doubles and receives the share of each level (level scale->min + k at
 * shares[k]). Returns RATINGS_OK, RATINGS_EMPTY (no rating given: every
 * number NaN) or RATINGS_BAD_INPUT (a rating that is not a level of the
 * scale, named by its position). The consensus has its own status in the
 * summary (RATINGS_SINGLE_LEVEL on a scale of one level), its reason in err. */
enum ratings_status ratings_summarise(const struct ratings_scale *scale,
	    const double *scores, const unsigned char *present, size_t count,
	    double *shares, struct ratings_summary *out, struct error *err);

/* Levels of measurement for Krippendorff's alpha: the difference function δ². */
enum ratings_level {
	RATINGS_NOMINAL,	/* δ² = 0 if equal, else 1 */
	RATINGS_ORDINAL,	/* δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)² */
	RATINGS_INTERVAL,	/* δ² = (c − k)² */
	RATINGS_RATIO,		/* δ² = ((c − k)/(c + k))²; needs levels ≥ 0 */
	RATINGS_LEVEL__MAX
};
extern const char *const ratings_level_names[RATINGS_LEVEL__MAX];

struct ratings_alpha {
	double	alpha;		/* 1 − D_o / D_e */
	double	observed;	/* D_o, observed disagreement */
	double	expected;	/* D_e, disagreement expected by chance */
	double	pairable;	/* n, the number of pairable values */
	size_t	units;		/* units with two or more ratings */
};

/* Bytes of workspace ratings_alpha() needs for this scale. */
size_t	ratings_alpha_work_size(const struct ratings_scale *scale);

/* Krippendorff's alpha (METHODS §5; Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability") over a units × raters matrix:
 * values[u * raters + r] is rater r's rating of unit u, present[...] == 0 marks
 * a missing cell (present == NULL: none missing). Units with fewer than two
 * ratings are not pairable and do not count. work must hold
 * ratings_alpha_work_size(scale) bytes, suitably aligned for double.
 * Returns RATINGS_OK, RATINGS_BAD_INPUT, RATINGS_NO_PAIRABLE (no unit rated
 * twice: one rater, or no overlap) or RATINGS_NO_VARIATION (every pairable
 * rating equal: alpha is 0/0). */
enum ratings_status ratings_alpha(const struct ratings_scale *scale,
	    enum ratings_level level, const double *values,
	    const unsigned char *present, size_t units, size_t raters, void *work,
	    struct ratings_alpha *out, struct error *err);

/* How a weighted score treats a criterion without a score. */
enum ratings_missing_rule {
	RATINGS_MISSING_FAILS,		/* the subject gets no score */
	RATINGS_MISSING_RENORMALISE,	/* weights re-scaled over the scores present */
};

/* Weighted mean of one subject's scores across criteria (METHODS §5 with the
 * weights of §4): Σ w_i s_i / Σ w_i over the criteria present. Weights are
 * finite and ≥ 0 with a positive sum. *coverage (may be NULL) receives the
 * share of the total weight whose scores were present. Returns RATINGS_OK,
 * RATINGS_BAD_INPUT, RATINGS_EMPTY (no score present, or the weights of
 * those present sum to 0) or RATINGS_MISSING (a score is missing under
 * RATINGS_MISSING_FAILS). */
enum ratings_status ratings_weighted_score(const double *scores,
	    const unsigned char *present, const double *weights, size_t criteria,
	    enum ratings_missing_rule rule, double *score, double *coverage,
	    struct error *err);

#endif
