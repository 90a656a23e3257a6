/* Shift-share analysis, METHODS §3.6. */
#include "core/shiftshare.h"

#include <math.h>

#include "core/sum.h"

static const struct shift_share_components shift_share_unknown = {
	NAN, NAN, NAN, NAN, NAN
};

static void
shift_share_fail(struct shift_share_result *out, enum structure_status status,
    size_t sector, size_t period, bool reference)
{
	out->status = status;
	out->where.sector = sector;
	out->where.period = period;
	out->where.region = STRUCTURE_NONE;
	out->where.reference = reference;
	out->dunn = shift_share_unknown;
	structure_measure_fail(&out->competitive, status, sector, reference);
	out->competitive.where.period = period;
	out->allocation = out->competitive;
}

/* Checks one of the four vectors; a zero total is acceptable only at the end
 * (a region may shrink to nothing). Returns false with out failed. */
static bool
shift_share_total(const struct structure_values *x, size_t period, bool reference,
    double *total, struct shift_share_result *out)
{
	struct structure_measure t;

	structure_total(x, &t, NULL);
	if (t.status == STRUCTURE_ZERO_TOTAL && period == 1) {
		*total = 0;
		return true;
	}
	if (t.status != STRUCTURE_OK) {
		shift_share_fail(out, t.status, t.where.sector, period, reference);
		return false;
	}
	*total = t.value;
	return true;
}

void
shift_share_compute(const struct structure_values *region_t0,
    const struct structure_values *region_t1,
    const struct structure_values *reference_t0,
    const struct structure_values *reference_t1,
    struct shift_share_sector *sectors, struct shift_share_result *out)
{
	struct sum im = SUM_INIT, rs = SUM_INIT, comp = SUM_INIT, alloc = SUM_INIT;
	double t0, t1, r0, r1, g, x0, x1, xr0, xr1, hat, diff, mix, rest, shift;
	bool em_ok = true;
	size_t i, n = region_t0->n;

	out->zero_start = 0;
	out->first_zero_start = STRUCTURE_NONE;
	out->region_start = out->region_end = NAN;
	out->reference_start = out->reference_end = out->reference_rate = NAN;
	if (region_t1->n != n || reference_t0->n != n || reference_t1->n != n) {
		shift_share_fail(out, STRUCTURE_SIZE_MISMATCH, STRUCTURE_NONE,
		    STRUCTURE_NONE, reference_t0->n != n || reference_t1->n != n);
		return;
	}
	if (!shift_share_total(region_t0, 0, false, &t0, out) ||
	    !shift_share_total(region_t1, 1, false, &t1, out) ||
	    !shift_share_total(reference_t0, 0, true, &r0, out) ||
	    !shift_share_total(reference_t1, 1, true, &r1, out))
		return;
	out->region_start = t0;
	out->region_end = t1;
	out->reference_start = r0;
	out->reference_end = r1;
	g = (r1 - r0) / r0;
	out->reference_rate = g;

	/* Rate differences are formed as differences of products over a product
	 * (sum_difference_of_products()), not as r_i − g_i of two rounded rates:
	 * for whole counts every term is then exact up to one division, and a
	 * region compared with itself gets exactly zero mix and regional share. */
	for (i = 0; i < n; i++) {
		x0 = region_t0->value[i];
		x1 = region_t1->value[i];
		xr0 = reference_t0->value[i];
		xr1 = reference_t1->value[i];
		hat = t0 * (xr0 / r0);
		if (xr0 == 0 && x0 > 0) {
			/* The region had the sector, the reference had not: g_i is
			 * undefined and so is the region's industry mix. */
			shift_share_fail(out, STRUCTURE_REFERENCE_ZERO, i, 0, true);
			return;
		}
		if (x0 == 0) {
			/* METHODS §3.6: r_i undefined; RS term = x_i(t1) − 0·(1 + g_i). */
			if (out->zero_start++ == 0)
				out->first_zero_start = i;
			em_ok = false;
			sum_add(&rs, x1);
			if (sectors != NULL) {
				sectors[i].status = STRUCTURE_ZERO_START;
				sectors[i].region_rate = NAN;
				sectors[i].reference_rate = xr0 > 0 ?
				    (xr1 - xr0) / xr0 : NAN;
				sectors[i].national_share = 0;
				sectors[i].industry_mix = 0;
				sectors[i].regional_share = x1;
				sectors[i].homothetic = hat;
				sectors[i].competitive = NAN;
				sectors[i].allocation = NAN;
			}
			continue;
		}
		/* IM_i = x_i(t0)(g_i − g), g_i − g = (X_i1·R0 − R1·X_i0)/(X_i0·R0). */
		mix = x0 * (sum_difference_of_products(xr1, r0, r1, xr0) / (xr0 * r0));
		/* RS_i = x_i(t1) − x_i(t0)(1 + g_i) = (x_i1·X_i0 − x_i0·X_i1)/X_i0. */
		rest = sum_difference_of_products(x1, xr0, x0, xr1);
		shift = rest / xr0;
		diff = rest / (x0 * xr0);	/* r_i − g_i */
		sum_add(&im, mix);
		sum_add(&rs, shift);
		sum_add(&comp, hat * diff);
		sum_add(&alloc, (x0 - hat) * diff);
		if (sectors != NULL) {
			sectors[i].status = STRUCTURE_OK;
			sectors[i].region_rate = (x1 - x0) / x0;
			sectors[i].reference_rate = (xr1 - xr0) / xr0;
			sectors[i].national_share = x0 * g;
			sectors[i].industry_mix = mix;
			sectors[i].regional_share = shift;
			sectors[i].homothetic = hat;
			sectors[i].competitive = hat * diff;
			sectors[i].allocation = (x0 - hat) * diff;
		}
	}

	out->status = STRUCTURE_OK;
	out->where.sector = out->where.period = out->where.region = STRUCTURE_NONE;
	out->where.reference = false;
	out->dunn.growth = t1 - t0;
	out->dunn.national_share = t0 * g;
	out->dunn.industry_mix = sum_result(&im);
	out->dunn.regional_share = sum_result(&rs);
	/* T(t1) − T(t0)(1 + g) = (T1·R0 − T0·R1)/R0 */
	out->dunn.net_total_shift = sum_difference_of_products(t1, r0, t0, r1) / r0;
	if (em_ok) {
		structure_measure_set(&out->competitive, sum_result(&comp));
		structure_measure_set(&out->allocation, sum_result(&alloc));
	} else {
		structure_measure_fail(&out->competitive, STRUCTURE_ZERO_START,
		    out->first_zero_start, false);
		out->competitive.where.period = 0;
		out->allocation = out->competitive;
	}
}

void
shift_share_dynamic(const struct structure_values *region,
    const struct structure_values *reference, size_t periods,
    struct shift_share_result *step, struct shift_share_dynamic *out)
{
	struct sum growth = SUM_INIT, ns = SUM_INIT, im = SUM_INIT, rs = SUM_INIT,
	    net = SUM_INIT;
	struct shift_share_result one, *r;
	size_t k;

	out->steps = periods > 0 ? periods - 1 : 0;
	out->zero_start = 0;
	out->first_zero_start_period = STRUCTURE_NONE;
	out->dunn = shift_share_unknown;
	out->where.sector = out->where.period = out->where.region = STRUCTURE_NONE;
	out->where.reference = false;
	if (periods < 2) {
		out->status = STRUCTURE_TOO_FEW_PERIODS;
		return;
	}
	/* Barff & Knight (1988): Dunn year by year, components summed. */
	for (k = 0; k + 1 < periods; k++) {
		r = step != NULL ? &step[k] : &one;
		shift_share_compute(&region[k], &region[k + 1], &reference[k],
		    &reference[k + 1], NULL, r);
		if (r->status != STRUCTURE_OK) {
			out->status = r->status;
			out->where = r->where;
			/* The step's own period index is 0 or 1: make it absolute. */
			out->where.period = k + (r->where.period == 1 ? 1 : 0);
			return;
		}
		if (r->zero_start > 0 && out->zero_start == 0)
			out->first_zero_start_period = k;
		out->zero_start += r->zero_start;
		sum_add(&growth, r->dunn.growth);
		sum_add(&ns, r->dunn.national_share);
		sum_add(&im, r->dunn.industry_mix);
		sum_add(&rs, r->dunn.regional_share);
		sum_add(&net, r->dunn.net_total_shift);
	}
	out->status = STRUCTURE_OK;
	out->dunn.growth = sum_result(&growth);
	out->dunn.national_share = sum_result(&ns);
	out->dunn.industry_mix = sum_result(&im);
	out->dunn.regional_share = sum_result(&rs);
	out->dunn.net_total_shift = sum_result(&net);
}
