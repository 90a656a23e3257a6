/* Shock sensitivity, resistance and recovery, METHODS §3.7. */
#include "core/shock.h"

#include <math.h>

#include "core/sum.h"

const char *const shock_expectation_names[SHOCK_EXPECT__MAX] = {
	[SHOCK_EXPECT_SECTORAL] = "sectoral",
	[SHOCK_EXPECT_AGGREGATE] = "aggregate",
};

static void
shock_phase_fail(struct shock_phase *out, const struct structure_measure *cause)
{
	structure_measure_fail_as(&out->expected_change, cause);
	structure_measure_fail_as(&out->sensitivity, cause);
	structure_measure_fail_as(&out->performance, cause);
}

/* A total for the phase; at the end a zero total is a real outcome (everything
 * lost), at the start it leaves every rate undefined. */
static bool
shock_total(const struct structure_values *x, size_t period, bool reference,
    double *total, struct shock_phase *out)
{
	struct structure_measure t;

	structure_total(x, &t, NULL);
	if (t.status == STRUCTURE_ZERO_TOTAL && period == 1) {
		*total = 0;
		return true;
	}
	if (t.status != STRUCTURE_OK) {
		t.where.period = period;
		t.where.reference = reference;
		shock_phase_fail(out, &t);
		return false;
	}
	*total = t.value;
	return true;
}

void
shock_phase_compute(const struct structure_values *region_start,
    const struct structure_values *region_end,
    const struct structure_values *reference_start,
    const struct structure_values *reference_end,
    enum shock_expectation expectation, struct shock_phase *out)
{
	struct structure_measure problem;
	struct sum expected = SUM_INIT;
	double x0, x1, r0, r1, change;
	size_t i, n = region_start->n;

	out->region_start = out->region_end = NAN;
	out->reference_start = out->reference_end = NAN;
	out->region_change = out->region_rate = out->reference_rate = NAN;
	if (region_end->n != n || reference_start->n != n ||
	    reference_end->n != n) {
		structure_measure_fail(&problem, STRUCTURE_SIZE_MISMATCH,
		    STRUCTURE_NONE, true);
		shock_phase_fail(out, &problem);
		return;
	}
	if (!shock_total(region_start, 0, false, &x0, out) ||
	    !shock_total(region_end, 1, false, &x1, out) ||
	    !shock_total(reference_start, 0, true, &r0, out) ||
	    !shock_total(reference_end, 1, true, &r1, out))
		return;
	out->region_start = x0;
	out->region_end = x1;
	out->reference_start = r0;
	out->reference_end = r1;
	out->region_change = x1 - x0;
	out->region_rate = (x1 - x0) / x0;
	out->reference_rate = (r1 - r0) / r0;

	/* Sensitivity β over the phase. */
	if (r1 == r0)
		structure_measure_fail(&out->sensitivity,
		    STRUCTURE_ZERO_REFERENCE_CHANGE, STRUCTURE_NONE, true);
	else
		structure_measure_set(&out->sensitivity,
		    out->region_rate / out->reference_rate);

	/* Expected change: what the region would have gained or lost had each of its
	 * sectors (or the whole) moved as the reference's did. */
	if (expectation == SHOCK_EXPECT_AGGREGATE) {
		sum_add(&expected, out->reference_rate * x0);
	} else {
		for (i = 0; i < n; i++) {
			if (region_start->value[i] == 0)
				continue;
			if (reference_start->value[i] == 0) {
				structure_measure_fail(&out->expected_change,
				    STRUCTURE_REFERENCE_ZERO, i, true);
				out->expected_change.where.period = 0;
				out->performance = out->expected_change;
				return;
			}
			/* g_i·x_i(start), g_i = (X_i(end) − X_i(start))/X_i(start) */
			sum_add(&expected, (reference_end->value[i] -
			    reference_start->value[i]) / reference_start->value[i] *
			    region_start->value[i]);
		}
	}
	structure_measure_set(&out->expected_change, sum_result(&expected));
	if (out->expected_change.value == 0) {
		structure_measure_fail(&out->performance, STRUCTURE_ZERO_EXPECTED,
		    STRUCTURE_NONE, false);
		return;
	}
	change = out->region_change;
	structure_measure_set(&out->performance,
	    (change - out->expected_change.value) /
	    fabs(out->expected_change.value));
}

static void
shock_shift_period(struct structure_measure *m, size_t offset)
{
	if (m->where.period != STRUCTURE_NONE)
		m->where.period += offset;
}

static void
shock_phase_shift(struct shock_phase *p, size_t offset)
{
	shock_shift_period(&p->expected_change, offset);
	shock_shift_period(&p->sensitivity, offset);
	shock_shift_period(&p->performance, offset);
}

void
shock_compute(const struct structure_values region[3],
    const struct structure_values reference[3],
    enum shock_expectation expectation, struct shock_result *out)
{
	out->expectation = expectation;
	shock_phase_compute(&region[0], &region[1], &reference[0], &reference[1],
	    expectation, &out->contraction);
	shock_phase_compute(&region[1], &region[2], &reference[1], &reference[2],
	    expectation, &out->recovery);
	shock_phase_shift(&out->recovery, 1);
}
