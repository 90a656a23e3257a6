/* Economic structure measures, METHODS §3.1–3.5. Every sum is compensated
 * (METHODS §1); every figure is checked before it is used, and a measure that
 * cannot be computed says why instead of returning 0. */
#include "core/structure.h"

#include <float.h>
#include <math.h>

#include "core/sum.h"
#include "core/variety.h"

const char *const structure_status_names[STRUCTURE_STATUS__MAX] = {
	[STRUCTURE_OK] = "ok",
	[STRUCTURE_EMPTY] = "empty",
	[STRUCTURE_MISSING] = "missing",
	[STRUCTURE_NOT_FINITE] = "not_finite",
	[STRUCTURE_NEGATIVE] = "negative",
	[STRUCTURE_ZERO_TOTAL] = "zero_total",
	[STRUCTURE_ONE_SECTOR] = "one_sector",
	[STRUCTURE_SIZE_MISMATCH] = "size_mismatch",
	[STRUCTURE_REFERENCE_ZERO] = "reference_zero",
	[STRUCTURE_ZERO_START] = "zero_start",
	[STRUCTURE_NO_GROUPS] = "no_groups",
	[STRUCTURE_BAD_GROUP] = "bad_group",
	[STRUCTURE_NO_REFERENCE] = "no_reference",
	[STRUCTURE_ZERO_REFERENCE_CHANGE] = "zero_reference_change",
	[STRUCTURE_ZERO_EXPECTED] = "zero_expected",
	[STRUCTURE_TOO_FEW_PERIODS] = "too_few_periods",
};

static const char *const structure_status_reasons[STRUCTURE_STATUS__MAX] = {
	[STRUCTURE_OK] = "Computed.",
	[STRUCTURE_EMPTY] = "There are no sectors to compute with.",
	[STRUCTURE_MISSING] = "A sector's figure is missing, so the total is unknown.",
	[STRUCTURE_NOT_FINITE] = "A sector's figure is not a finite number.",
	[STRUCTURE_NEGATIVE] = "A sector's figure is negative, which a size cannot be.",
	[STRUCTURE_ZERO_TOTAL] = "All sectors are zero, so there are no shares: not computable.",
	[STRUCTURE_ONE_SECTOR] = "With one sector the normalised Herfindahl index is undefined.",
	[STRUCTURE_SIZE_MISMATCH] = "The region and its reference do not list the same sectors.",
	[STRUCTURE_REFERENCE_ZERO] = "The reference has nothing in this sector, so the ratio is undefined.",
	[STRUCTURE_ZERO_START] = "The sector was zero at the start, so its growth rate is undefined.",
	[STRUCTURE_NO_GROUPS] = "Variety needs a grouping of the sectors, and none was given.",
	[STRUCTURE_BAD_GROUP] = "A sector is assigned to a group that does not exist.",
	[STRUCTURE_NO_REFERENCE] = "This measure compares with a reference region, and none was given.",
	[STRUCTURE_ZERO_REFERENCE_CHANGE] = "The reference did not change, so the sensitivity divides by zero.",
	[STRUCTURE_ZERO_EXPECTED] = "The expected change is zero, so the ratio divides by zero.",
	[STRUCTURE_TOO_FEW_PERIODS] = "There are fewer periods than the method needs.",
};

const char *const structure_base_names[STRUCTURE_BASE__MAX] = {
	[STRUCTURE_BASE_2] = "2",
	[STRUCTURE_BASE_E] = "e",
};

const char *const structure_coverage_names[STRUCTURE_COVERAGE__MAX] = {
	[STRUCTURE_COVERAGE_COMPLETE] = "complete",
	[STRUCTURE_COVERAGE_SHORT] = "short",
	[STRUCTURE_COVERAGE_EXCESS] = "excess",
};

const char *const structure_reference_kind_names[STRUCTURE_REFERENCE__MAX] = {
	[STRUCTURE_REFERENCE_REGION] = "region",
	[STRUCTURE_REFERENCE_MATRIX] = "matrix",
};

const char *
structure_status_reason(enum structure_status status)
{
	if ((unsigned)status >= STRUCTURE_STATUS__MAX)
		return "Unknown status.";
	return structure_status_reasons[status];
}

static const struct structure_where structure_nowhere = {
	STRUCTURE_NONE, STRUCTURE_NONE, STRUCTURE_NONE, false
};

void
structure_measure_set(struct structure_measure *m, double value)
{
	m->value = value;
	m->status = STRUCTURE_OK;
	m->where = structure_nowhere;
}

void
structure_measure_fail(struct structure_measure *m, enum structure_status status,
    size_t sector, bool reference)
{
	m->value = NAN;
	m->status = status;
	m->where = structure_nowhere;
	m->where.sector = sector;
	m->where.reference = reference;
}

void
structure_measure_fail_as(struct structure_measure *m,
    const struct structure_measure *cause)
{
	m->value = NAN;
	m->status = cause->status;
	m->where = cause->where;
}

double
structure_log(double v, enum structure_base base)
{
	return base == STRUCTURE_BASE_E ? log(v) : log2(v);
}

static bool
structure_is_missing(const struct structure_values *x, size_t i)
{
	return x->missing != NULL && x->missing[i];
}

void
structure_total(const struct structure_values *x, struct structure_measure *total,
    size_t *nonzero)
{
	struct sum s = SUM_INIT;
	size_t i, count = 0, first_missing = STRUCTURE_NONE;
	double v;

	if (nonzero != NULL)
		*nonzero = 0;
	if (x->n == 0) {
		structure_measure_fail(total, STRUCTURE_EMPTY, STRUCTURE_NONE, false);
		return;
	}
	for (i = 0; i < x->n; i++) {
		if (structure_is_missing(x, i)) {
			if (first_missing == STRUCTURE_NONE)
				first_missing = i;
			continue;
		}
		v = x->value[i];
		/* One test for "finite and not negative" (NaN fails every
		 * comparison); the cause is sorted out only on failure. */
		if (!(v >= 0 && v <= DBL_MAX)) {
			structure_measure_fail(total, v < 0 ? STRUCTURE_NEGATIVE :
			    STRUCTURE_NOT_FINITE, i, false);
			return;
		}
		/* Zeros are added too: skipping them costs more in mispredicted
		 * branches (matrices are mostly zeros) than adding them. */
		count += v > 0;
		sum_add(&s, v);
	}
	if (nonzero != NULL)
		*nonzero = count;
	if (first_missing != STRUCTURE_NONE)
		structure_measure_fail(total, STRUCTURE_MISSING, first_missing, false);
	else if (sum_result(&s) == 0)
		structure_measure_fail(total, STRUCTURE_ZERO_TOTAL, STRUCTURE_NONE,
		    false);
	else
		structure_measure_set(total, sum_result(&s));
}

void
structure_check_total(const struct structure_values *x, double published_total,
    double tolerance, struct structure_total_check *out)
{
	structure_total(x, &out->sector_sum, NULL);
	out->published_total = published_total;
	out->tolerance = tolerance;
	out->difference = NAN;
	out->relative = NAN;
	out->coverage = STRUCTURE_COVERAGE_COMPLETE;
	/* All zeros is still a sum to compare with a published total. */
	if (out->sector_sum.status == STRUCTURE_ZERO_TOTAL)
		structure_measure_set(&out->sector_sum, 0);
	if (out->sector_sum.status != STRUCTURE_OK)
		return;
	out->difference = published_total - out->sector_sum.value;
	if (published_total != 0)
		out->relative = out->difference / published_total;
	if (out->difference > tolerance)
		out->coverage = STRUCTURE_COVERAGE_SHORT;
	else if (out->difference < -tolerance)
		out->coverage = STRUCTURE_COVERAGE_EXCESS;
}

void
structure_shares(const struct structure_values *x, double *share,
    struct structure_measure *total)
{
	size_t i;

	structure_total(x, total, NULL);
	for (i = 0; i < x->n; i++)
		share[i] = total->status == STRUCTURE_OK ?
		    x->value[i] / total->value : NAN;
}

void
structure_herfindahl(const struct structure_values *x,
    struct structure_herfindahl *out)
{
	struct structure_measure total;
	struct sum h = SUM_INIT;
	double s, n;
	size_t i;

	out->n = x->n;
	structure_total(x, &total, NULL);
	if (total.status != STRUCTURE_OK) {
		structure_measure_fail_as(&out->hhi, &total);
		structure_measure_fail_as(&out->normalised, &total);
		structure_measure_fail_as(&out->equivalent, &total);
		return;
	}
	/* METHODS §3.1: H = Σ s_i², H* = (H − 1/n)/(1 − 1/n), 1/H. */
	for (i = 0; i < x->n; i++) {
		s = x->value[i] / total.value;
		sum_add(&h, s * s);
	}
	structure_measure_set(&out->hhi, sum_result(&h));
	structure_measure_set(&out->equivalent, 1 / out->hhi.value);
	if (x->n == 1) {
		structure_measure_fail(&out->normalised, STRUCTURE_ONE_SECTOR,
		    STRUCTURE_NONE, false);
		return;
	}
	n = (double)x->n;
	structure_measure_set(&out->normalised,
	    (out->hhi.value - 1 / n) / (1 - 1 / n));
}

void
structure_entropy(const struct structure_values *x, enum structure_base base,
    struct structure_measure *out)
{
	struct structure_measure total;
	struct sum e = SUM_INIT;
	double s;
	size_t i;

	structure_total(x, &total, NULL);
	if (total.status != STRUCTURE_OK) {
		structure_measure_fail_as(out, &total);
		return;
	}
	/* METHODS §3.2: 0·log 0 = 0, so zero sectors add nothing. */
	for (i = 0; i < x->n; i++) {
		if (x->value[i] == 0)
			continue;
		s = x->value[i] / total.value;
		sum_add(&e, s * structure_log(s, base));
	}
	/* −0.0 for a one-sector region would print as "-0". */
	structure_measure_set(out, 0.0 - sum_result(&e));
}

/* The published total must itself be a usable divisor. */
static void
structure_published(double published, struct structure_measure *m, bool reference)
{
	if (!isfinite(published))
		structure_measure_fail(m, STRUCTURE_NOT_FINITE, STRUCTURE_NONE,
		    reference);
	else if (published < 0)
		structure_measure_fail(m, STRUCTURE_NEGATIVE, STRUCTURE_NONE,
		    reference);
	else if (published == 0)
		structure_measure_fail(m, STRUCTURE_ZERO_TOTAL, STRUCTURE_NONE,
		    reference);
	else
		structure_measure_set(m, published);
}

/* Σx for a divisor that may be a published total: with one, missing sectors and
 * an all-zero sector list are no obstacle; bad figures still are. */
static void
structure_divisor(const struct structure_values *x, const double *published,
    bool reference, struct structure_measure *total, struct structure_measure *divisor)
{
	structure_total(x, total, NULL);
	total->where.reference = reference;
	if (published == NULL) {
		*divisor = *total;
		return;
	}
	if (total->status != STRUCTURE_OK && total->status != STRUCTURE_MISSING &&
	    total->status != STRUCTURE_ZERO_TOTAL) {
		*divisor = *total;
		return;
	}
	structure_published(*published, divisor, reference);
}

void
structure_reference_prepare(const struct structure_values *reference,
    const double *published_total, struct structure_reference *out)
{
	out->kind = STRUCTURE_REFERENCE_REGION;
	out->values = *reference;
	out->published_total = published_total != NULL;
	structure_divisor(reference, published_total, true, &out->total,
	    &out->lq_total);
}

void
structure_matrix_reference(const struct structure_matrix *m, double *column_sum,
    double *compensation, struct structure_reference *out)
{
	struct structure_measure *total = &out->total;
	size_t r, j, first_row = STRUCTURE_NONE, first_col = STRUCTURE_NONE;
	const double *row;
	double v, t;

	out->kind = STRUCTURE_REFERENCE_MATRIX;
	out->values.value = column_sum;
	out->values.missing = NULL;
	out->values.n = m->cols;
	out->published_total = false;
	for (j = 0; j < m->cols; j++)
		column_sum[j] = compensation[j] = 0;
	if (m->cols == 0) {
		structure_measure_fail(total, STRUCTURE_EMPTY, STRUCTURE_NONE, true);
		goto done;
	}
	/* Row by row, so the matrix is read in memory order; each column keeps its
	 * own Neumaier compensation (the same update as sum_add()). */
	for (r = 0; r < m->rows; r++) {
		row = m->value + r * m->cols;
		for (j = 0; j < m->cols; j++) {
			if (m->missing != NULL && m->missing[r * m->cols + j]) {
				if (first_row == STRUCTURE_NONE) {
					first_row = r;
					first_col = j;
				}
				continue;
			}
			v = row[j];
			if (!isfinite(v) || v < 0) {
				structure_measure_fail(total, isfinite(v) ?
				    STRUCTURE_NEGATIVE : STRUCTURE_NOT_FINITE, j, true);
				total->where.region = r;
				goto done;
			}
			t = column_sum[j] + v;
			if (fabs(column_sum[j]) >= fabs(v))
				compensation[j] += (column_sum[j] - t) + v;
			else
				compensation[j] += (v - t) + column_sum[j];
			column_sum[j] = t;
		}
	}
	for (j = 0; j < m->cols; j++)
		column_sum[j] += compensation[j];
	if (first_row != STRUCTURE_NONE) {
		/* One unknown cell leaves the grand total, and so every S_j, unknown. */
		structure_measure_fail(total, STRUCTURE_MISSING, first_col, true);
		total->where.region = first_row;
		goto done;
	}
	t = sum_array(column_sum, m->cols);
	if (t == 0)
		structure_measure_fail(total, STRUCTURE_ZERO_TOTAL, STRUCTURE_NONE,
		    true);
	else
		structure_measure_set(total, t);
done:
	out->lq_total = out->total;
}

/* Common gate of the measures that compare with a reference. Returns false with
 * out failed when the comparison cannot start. */
static bool
structure_reference_usable(const struct structure_values *x,
    const struct structure_reference *reference, struct structure_measure *out)
{
	if (reference == NULL) {
		structure_measure_fail(out, STRUCTURE_NO_REFERENCE, STRUCTURE_NONE,
		    true);
		return false;
	}
	if (reference->values.n != x->n) {
		structure_measure_fail(out, STRUCTURE_SIZE_MISMATCH, STRUCTURE_NONE,
		    true);
		return false;
	}
	return true;
}

void
structure_krugman(const struct structure_values *x,
    const struct structure_reference *reference, struct structure_measure *out)
{
	struct structure_measure total;
	struct sum k = SUM_INIT;
	const double *ref;
	double rt;
	size_t i;

	structure_total(x, &total, NULL);
	if (total.status != STRUCTURE_OK) {
		structure_measure_fail_as(out, &total);
		return;
	}
	if (!structure_reference_usable(x, reference, out))
		return;
	if (reference->total.status != STRUCTURE_OK) {
		structure_measure_fail_as(out, &reference->total);
		return;
	}
	/* METHODS §3.4: K = Σ |s_i − S_i|, no ½. */
	ref = reference->values.value;
	rt = reference->total.value;
	for (i = 0; i < x->n; i++)
		sum_add(&k, fabs(x->value[i] / total.value - ref[i] / rt));
	structure_measure_set(out, sum_result(&k));
}

static void
structure_lq_fail_all(struct structure_lq *lq, size_t n,
    const struct structure_measure *cause, struct structure_lq_summary *out)
{
	size_t i;

	for (i = 0; i < n && lq != NULL; i++) {
		lq[i].value = NAN;
		lq[i].status = cause->status;
		lq[i].reference = cause->where.reference;
	}
	out->status = cause->status;
	out->where = cause->where;
	out->not_computable = n;
}

void
structure_location_quotients(const struct structure_values *x,
    const double *region_published_total,
    const struct structure_reference *reference, struct structure_lq *lq,
    struct structure_lq_summary *out)
{
	struct structure_measure total, divisor, gate;
	const struct structure_values *rv;
	double rt, s;
	size_t i;

	out->status = STRUCTURE_OK;
	out->where = structure_nowhere;
	out->region_total = NAN;
	out->reference_total = NAN;
	out->published_totals = region_published_total != NULL ||
	    (reference != NULL && reference->published_total);
	out->computed = 0;
	out->not_computable = 0;
	structure_divisor(x, region_published_total, false, &total, &divisor);
	if (divisor.status != STRUCTURE_OK) {
		structure_lq_fail_all(lq, x->n, &divisor, out);
		return;
	}
	if (!structure_reference_usable(x, reference, &gate)) {
		structure_lq_fail_all(lq, x->n, &gate, out);
		return;
	}
	if (reference->lq_total.status != STRUCTURE_OK) {
		structure_lq_fail_all(lq, x->n, &reference->lq_total, out);
		return;
	}
	rv = &reference->values;
	rt = reference->lq_total.value;
	out->region_total = divisor.value;
	out->reference_total = rt;
	/* METHODS §3.5: LQ_i = (x_i / t) / (X_i / T), in REAT's order of operations. */
	for (i = 0; i < x->n; i++) {
		lq[i].value = NAN;
		lq[i].reference = false;
		if (structure_is_missing(x, i)) {
			lq[i].status = STRUCTURE_MISSING;
		} else if (structure_is_missing(rv, i)) {
			lq[i].status = STRUCTURE_MISSING;
			lq[i].reference = true;
		} else if (rv->value[i] == 0) {
			lq[i].status = STRUCTURE_REFERENCE_ZERO;
			lq[i].reference = true;
		} else {
			s = x->value[i] / divisor.value;
			lq[i].value = s / (rv->value[i] / rt);
			lq[i].status = STRUCTURE_OK;
			out->computed++;
			continue;
		}
		out->not_computable++;
	}
}

void
structure_profile_compute(const struct structure_profile_input *in,
    struct structure_profile *out)
{
	struct variety_result variety;

	out->sectors = in->region.n;
	out->base = in->base;
	structure_total(&in->region, &out->total, &out->nonzero);
	structure_herfindahl(&in->region, &out->herfindahl);
	structure_entropy(&in->region, in->base, &out->entropy);
	out->groups_nonempty = 0;
	if (in->groups != NULL) {
		variety_compute(&in->region, in->groups, in->base,
		    in->group_workspace, &variety);
		out->unrelated_variety = variety.unrelated;
		out->related_variety = variety.related;
		out->groups_nonempty = variety.groups_nonempty;
	} else {
		structure_measure_fail(&out->unrelated_variety, STRUCTURE_NO_GROUPS,
		    STRUCTURE_NONE, false);
		out->related_variety = out->unrelated_variety;
	}
	out->has_reference = in->reference != NULL;
	out->reference_kind = in->reference != NULL ? in->reference->kind :
	    STRUCTURE_REFERENCE_REGION;
	if (in->reference != NULL)
		out->reference_total = in->reference->total;
	else
		structure_measure_fail(&out->reference_total, STRUCTURE_NO_REFERENCE,
		    STRUCTURE_NONE, true);
	structure_krugman(&in->region, in->reference, &out->krugman);
	if (in->lq != NULL) {
		structure_location_quotients(&in->region, NULL, in->reference, in->lq,
		    &out->lq);
	} else {
		out->lq.status = in->reference != NULL ? STRUCTURE_OK :
		    STRUCTURE_NO_REFERENCE;
		out->lq.where = structure_nowhere;
		out->lq.region_total = out->lq.reference_total = NAN;
		out->lq.published_totals = false;
		out->lq.computed = out->lq.not_computable = 0;
	}
}
