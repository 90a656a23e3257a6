/* Ratings and consensus: METHODS §5. See ratings.h for the contract. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "core/ratings.h"

const char *const ratings_status_names[RATINGS_STATUS__MAX] = {
	[RATINGS_OK] = "ok",
	[RATINGS_BAD_INPUT] = "bad input",
	[RATINGS_EMPTY] = "no ratings",
	[RATINGS_SINGLE_LEVEL] = "scale of one level",
	[RATINGS_NO_PAIRABLE] = "no pairable ratings",
	[RATINGS_NO_VARIATION] = "no variation",
	[RATINGS_MISSING] = "missing score",
};

const char *const ratings_level_names[RATINGS_LEVEL__MAX] = {
	[RATINGS_NOMINAL] = "nominal",
	[RATINGS_ORDINAL] = "ordinal",
	[RATINGS_INTERVAL] = "interval",
	[RATINGS_RATIO] = "ratio",
};

/* Neumaier's compensated sum (METHODS §1): the running error term c picks up
 * the low-order bits that s + x drops, whichever of the two is larger. */
struct ratings_sum {
	double	s;
	double	c;
};

static void
ratings_sum_add(struct ratings_sum *sum, double x)
{
	double t = sum->s + x;

	if (fabs(sum->s) >= fabs(x))
		sum->c += (sum->s - t) + x;
	else
		sum->c += (x - t) + sum->s;
	sum->s = t;
}

static double
ratings_sum_value(const struct ratings_sum *sum)
{
	return sum->s + sum->c;
}

size_t
ratings_scale_levels(const struct ratings_scale *scale)
{
	long long levels;

	if (scale == NULL)
		return 0;
	levels = (long long)scale->max - scale->min + 1;
	if (levels < 1 || levels > RATINGS_LEVELS_MAX)
		return 0;
	return (size_t)levels;
}

static int
ratings_scale_check(const struct ratings_scale *scale, struct error *err)
{
	if (ratings_scale_levels(scale) == 0) {
		if (scale == NULL)
			return error_set(err, "no rating scale given");
		return error_set(err, "rating scale %d..%d is not a scale of 1 to %d "
		    "whole-number levels", scale->min, scale->max, RATINGS_LEVELS_MAX);
	}
	return 0;
}

/* The index k of value v on the scale (v = min + k), or -1 if v is not a level. */
static long
ratings_level_index(const struct ratings_scale *scale, double v)
{
	if (!isfinite(v) || v != floor(v) || v < scale->min || v > scale->max)
		return -1;
	return (long)(v - scale->min);
}

double
ratings_quantile7(const double *sorted, size_t n, double p)
{
	double h, lo;
	size_t i;

	if (sorted == NULL || n == 0 || !(p >= 0 && p <= 1))
		return NAN;
	h = (double)(n - 1) * p;	/* 0-based form of R's h = (n − 1)p + 1 */
	lo = floor(h);
	i = (size_t)lo;
	if (i + 1 >= n || h == lo)
		return sorted[i];
	return sorted[i] + (h - lo) * (sorted[i + 1] - sorted[i]);
}

/* The i-th smallest (0-based) of the ratings tallied in counts. */
static double
ratings_order_statistic(const struct ratings_scale *scale, const double *counts,
    size_t levels, double i)
{
	double seen = 0;
	size_t k;

	for (k = 0; k < levels; k++) {
		seen += counts[k];
		if (seen > i)
			return (double)scale->min + (double)k;
	}
	return (double)scale->max;
}

/* Type 7 quantile over tallied ratings: the sorted vector is implicit in counts. */
static double
ratings_quantile7_counts(const struct ratings_scale *scale, const double *counts,
    size_t levels, double n, double p)
{
	double h = (n - 1) * p, lo = floor(h), a, b;

	a = ratings_order_statistic(scale, counts, levels, lo);
	if (h == lo)
		return a;
	b = ratings_order_statistic(scale, counts, levels, lo + 1);
	return a + (h - lo) * (b - a);
}

enum ratings_status
ratings_consensus(const struct ratings_scale *scale, const double *counts,
    double *consensus, struct error *err)
{
	struct ratings_sum total = { 0, 0 }, weighted = { 0, 0 }, cns = { 0, 0 };
	size_t levels, k;
	double n, mean, width, p;

	*consensus = NAN;
	if (ratings_scale_check(scale, err) == -1)
		return RATINGS_BAD_INPUT;
	levels = ratings_scale_levels(scale);
	for (k = 0; k < levels; k++) {
		if (!isfinite(counts[k]) || counts[k] < 0) {
			error_set(err, "count %g of level %d is not a non-negative number",
			    counts[k], scale->min + (int)k);
			return RATINGS_BAD_INPUT;
		}
		ratings_sum_add(&total, counts[k]);
		ratings_sum_add(&weighted, counts[k] * ((double)scale->min + (double)k));
	}
	n = ratings_sum_value(&total);
	if (n == 0) {
		error_set(err, "consensus needs at least one rating");
		return RATINGS_EMPTY;
	}
	if (levels == 1) {
		error_set(err, "consensus is undefined on a scale of one level "
		    "(%d..%d): its width w is 0", scale->min, scale->max);
		return RATINGS_SINGLE_LEVEL;
	}
	/* METHODS §5: Cns = 1 + Σ p_k log2(1 − |X_k − μ| / w). */
	mean = ratings_sum_value(&weighted) / n;
	width = (double)scale->max - (double)scale->min;
	for (k = 0; k < levels; k++) {
		if (counts[k] == 0)
			continue;	/* 0 · log 0 := 0: a level nobody chose */
		p = counts[k] / n;
		ratings_sum_add(&cns, p * log2(1 - fabs((double)scale->min +
		    (double)k - mean) / width));
	}
	*consensus = 1 + ratings_sum_value(&cns);
	return RATINGS_OK;
}

enum ratings_status
ratings_summarise(const struct ratings_scale *scale, const double *scores,
    const unsigned char *present, size_t count, double *shares,
    struct ratings_summary *out, struct error *err)
{
	struct ratings_sum weighted = { 0, 0 };
	size_t levels, i, k;
	double n;
	long idx;

	out->n = out->missing = 0;
	out->mean = out->median = out->q1 = out->q3 = out->consensus = NAN;
	out->consensus_status = RATINGS_EMPTY;
	if (ratings_scale_check(scale, err) == -1) {
		out->consensus_status = RATINGS_BAD_INPUT;
		return RATINGS_BAD_INPUT;
	}
	levels = ratings_scale_levels(scale);
	for (k = 0; k < levels; k++)
		shares[k] = 0;
	/* First tally the counts into shares; they become shares at the end. */
	for (i = 0; i < count; i++) {
		if (present != NULL && present[i] == 0) {
			out->missing++;
			continue;
		}
		idx = ratings_level_index(scale, scores[i]);
		if (idx < 0) {
			error_set(err, "rating %zu: %g is not a level of the scale %d..%d",
			    i + 1, scores[i], scale->min, scale->max);
			for (k = 0; k < levels; k++)
				shares[k] = NAN;
			out->n = out->missing = 0;
			out->consensus_status = RATINGS_BAD_INPUT;
			return RATINGS_BAD_INPUT;
		}
		shares[idx] += 1;
		out->n++;
	}
	if (out->n == 0) {
		for (k = 0; k < levels; k++)
			shares[k] = NAN;
		error_set(err, "no ratings given (%zu missing)", out->missing);
		return RATINGS_EMPTY;
	}
	n = (double)out->n;
	for (k = 0; k < levels; k++)
		ratings_sum_add(&weighted, shares[k] * ((double)scale->min + (double)k));
	out->mean = ratings_sum_value(&weighted) / n;
	out->median = ratings_quantile7_counts(scale, shares, levels, n, 0.5);
	out->q1 = ratings_quantile7_counts(scale, shares, levels, n, 0.25);
	out->q3 = ratings_quantile7_counts(scale, shares, levels, n, 0.75);
	out->consensus_status = ratings_consensus(scale, shares, &out->consensus,
	    err);
	for (k = 0; k < levels; k++)
		shares[k] /= n;
	return RATINGS_OK;
}

/* Workspace of ratings_alpha(), carved from the caller's block:
 *   coincidence	V × V	o_ck, the coincidence matrix
 *   marginal		V	n_c, its row sums
 *   cumulative		V + 1	prefix sums of n_c (ordinal differences)
 *   unit_count		V	how often each level occurs in the current unit
 *   unit_levels	V	which levels occur in the current unit (size_t) */
size_t
ratings_alpha_work_size(const struct ratings_scale *scale)
{
	size_t v = ratings_scale_levels(scale);

	if (v == 0)
		return 0;
	return (v * v + 3 * v + 1) * sizeof(double) + v * sizeof(size_t);
}

/* δ²_ck of METHODS §5 / Krippendorff (2011) for level indices c, k. */
static double
ratings_difference(enum ratings_level level, const struct ratings_scale *scale,
    const double *marginal, const double *cumulative, size_t c, size_t k)
{
	double vc = (double)scale->min + (double)c, vk = (double)scale->min + (double)k;
	double d;

	if (c == k)
		return 0;
	switch (level) {
	case RATINGS_NOMINAL:
		return 1;
	case RATINGS_ORDINAL:
		if (c > k) {
			size_t t = c;
			c = k;
			k = t;
		}
		/* Σ_{g=c..k} n_g − (n_c + n_k)/2 */
		d = cumulative[k + 1] - cumulative[c] - (marginal[c] + marginal[k]) / 2;
		return d * d;
	case RATINGS_INTERVAL:
		return (vc - vk) * (vc - vk);
	case RATINGS_RATIO:
		if (vc + vk == 0)
			return 0;
		d = (vc - vk) / (vc + vk);
		return d * d;
	case RATINGS_LEVEL__MAX:
		break;
	}
	return NAN;
}

enum ratings_status
ratings_alpha(const struct ratings_scale *scale, enum ratings_level level,
    const double *values, const unsigned char *present, size_t units,
    size_t raters, void *work, struct ratings_alpha *out, struct error *err)
{
	struct ratings_sum observed = { 0, 0 }, expected = { 0, 0 }, total = { 0, 0 };
	double *coincidence, *marginal, *cumulative, *unit_count, n, m, delta;
	size_t v, u, r, c, k, distinct, *unit_levels;
	long idx;

	out->alpha = out->observed = out->expected = NAN;
	out->pairable = 0;
	out->units = 0;
	if (ratings_scale_check(scale, err) == -1)
		return RATINGS_BAD_INPUT;
	if ((unsigned)level >= RATINGS_LEVEL__MAX) {
		error_set(err, "unknown level of measurement %d", (int)level);
		return RATINGS_BAD_INPUT;
	}
	if (level == RATINGS_RATIO && scale->min < 0) {
		error_set(err, "the ratio level needs a scale without negative levels, "
		    "not %d..%d", scale->min, scale->max);
		return RATINGS_BAD_INPUT;
	}
	if (raters != 0 && units > SIZE_MAX / raters) {
		error_set(err, "%zu units × %zu raters is too large", units, raters);
		return RATINGS_BAD_INPUT;
	}
	v = ratings_scale_levels(scale);
	coincidence = work;
	marginal = coincidence + v * v;
	cumulative = marginal + v;
	unit_count = cumulative + v + 1;
	unit_levels = (size_t *)(void *)(unit_count + v);
	memset(coincidence, 0, (v * v + 3 * v + 1) * sizeof(double));

	/* The coincidence matrix: each unit u with m_u ≥ 2 ratings adds, for
	 * every ordered pair of its ratings (c, k) by different raters,
	 * 1/(m_u − 1) to o_ck. Tallied per unit as
	 * o_ck += n_uc (n_uk − [c = k]) / (m_u − 1). */
	for (u = 0; u < units; u++) {
		distinct = 0;
		m = 0;
		for (r = 0; r < raters; r++) {
			size_t cell = u * raters + r;

			if (present != NULL && present[cell] == 0)
				continue;
			idx = ratings_level_index(scale, values[cell]);
			if (idx < 0) {
				error_set(err, "unit %zu, rater %zu: %g is not a level of the "
				    "scale %d..%d", u + 1, r + 1, values[cell], scale->min,
				    scale->max);
				return RATINGS_BAD_INPUT;
			}
			if (unit_count[idx] == 0)
				unit_levels[distinct++] = (size_t)idx;
			unit_count[idx] += 1;
			m += 1;
		}
		if (m >= 2) {
			out->units++;
			for (c = 0; c < distinct; c++) {
				size_t lc = unit_levels[c];

				for (k = 0; k < distinct; k++) {
					size_t lk = unit_levels[k];

					coincidence[lc * v + lk] += unit_count[lc] *
					    (unit_count[lk] - (lc == lk)) / (m - 1);
				}
			}
		}
		for (c = 0; c < distinct; c++)
			unit_count[unit_levels[c]] = 0;
	}
	if (out->units == 0) {
		error_set(err, "no unit was rated by two or more raters, so no "
		    "ratings can be paired (%zu units, %zu raters)", units, raters);
		return RATINGS_NO_PAIRABLE;
	}
	for (c = 0; c < v; c++) {
		struct ratings_sum row = { 0, 0 };

		for (k = 0; k < v; k++)
			ratings_sum_add(&row, coincidence[c * v + k]);
		marginal[c] = ratings_sum_value(&row);
		cumulative[c + 1] = cumulative[c] + marginal[c];
		ratings_sum_add(&total, marginal[c]);
	}
	n = ratings_sum_value(&total);
	out->pairable = n;

	/* α = 1 − D_o/D_e with D_o = (1/n) Σ o_ck δ²_ck and
	 * D_e = (1/(n(n − 1))) Σ n_c n_k δ²_ck (Krippendorff 2011). */
	for (c = 0; c < v; c++) {
		for (k = 0; k < v; k++) {
			if (c == k)
				continue;
			delta = ratings_difference(level, scale, marginal, cumulative, c, k);
			ratings_sum_add(&observed, coincidence[c * v + k] * delta);
			ratings_sum_add(&expected, marginal[c] * marginal[k] * delta);
		}
	}
	out->observed = ratings_sum_value(&observed) / n;
	out->expected = ratings_sum_value(&expected) / (n * (n - 1));
	if (out->expected == 0) {
		error_set(err, "all %g pairable ratings are equal: with no variation "
		    "alpha is 0/0 and says nothing about agreement", n);
		return RATINGS_NO_VARIATION;
	}
	out->alpha = 1 - out->observed / out->expected;
	return RATINGS_OK;
}

enum ratings_status
ratings_weighted_score(const double *scores, const unsigned char *present,
    const double *weights, size_t criteria, enum ratings_missing_rule rule,
    double *score, double *coverage, struct error *err)
{
	struct ratings_sum all = { 0, 0 }, used = { 0, 0 }, dot = { 0, 0 };
	size_t i, missing = 0;
	double wall, wused;

	*score = NAN;
	if (coverage != NULL)
		*coverage = NAN;
	if (criteria == 0) {
		error_set(err, "no criteria to combine");
		return RATINGS_EMPTY;
	}
	for (i = 0; i < criteria; i++) {
		if (!isfinite(weights[i]) || weights[i] < 0) {
			error_set(err, "weight %zu is %g; weights must be finite and "
			    "not negative", i + 1, weights[i]);
			return RATINGS_BAD_INPUT;
		}
		ratings_sum_add(&all, weights[i]);
		if (present != NULL && present[i] == 0) {
			missing++;
			continue;
		}
		if (!isfinite(scores[i])) {
			error_set(err, "score %zu is %g, not a number", i + 1, scores[i]);
			return RATINGS_BAD_INPUT;
		}
		ratings_sum_add(&used, weights[i]);
		ratings_sum_add(&dot, weights[i] * scores[i]);
	}
	wall = ratings_sum_value(&all);
	wused = ratings_sum_value(&used);
	if (wall <= 0) {
		error_set(err, "the weights sum to 0");
		return RATINGS_BAD_INPUT;
	}
	if (coverage != NULL)
		*coverage = wused / wall;
	if (missing > 0 && rule == RATINGS_MISSING_FAILS) {
		error_set(err, "%zu of %zu criterion scores missing", missing, criteria);
		return RATINGS_MISSING;
	}
	if (wused <= 0) {
		error_set(err, "no criterion with a positive weight has a score "
		    "(%zu of %zu missing)", missing, criteria);
		return RATINGS_EMPTY;
	}
	*score = ratings_sum_value(&dot) / wused;
	return RATINGS_OK;
}
