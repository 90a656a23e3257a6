/* Portfolio quadrants, METHODS §3.8. */
#include "core/portfolio.h"

#include <math.h>

#include "core/sum.h"

const char *const portfolio_quadrant_names[PORTFOLIO__MAX] = {
	[PORTFOLIO_SPECIALISED_GAINING] = "specialised_gaining",
	[PORTFOLIO_SPECIALISED_LOSING] = "specialised_losing",
	[PORTFOLIO_UNSPECIALISED_GAINING] = "unspecialised_gaining",
	[PORTFOLIO_UNSPECIALISED_LOSING] = "unspecialised_losing",
};

static void
portfolio_entry_fail(struct portfolio_entry *e, enum structure_status status,
    bool reference)
{
	e->status = status;
	e->reference = reference;
	e->location_quotient = e->region_rate = e->reference_rate = NAN;
	e->relative_growth = NAN;
	e->quadrant = PORTFOLIO_UNSPECIALISED_LOSING;
}

enum structure_status
portfolio_classify(const struct structure_values *region_t0,
    const struct structure_values *region_t1,
    const struct structure_values *reference_t0,
    const struct structure_values *reference_t1, struct portfolio_entry *entry)
{
	const struct structure_values *all[4] = {
		region_t0, region_t1, reference_t0, reference_t1
	};
	struct structure_measure total[4];
	enum structure_status status = STRUCTURE_OK;
	bool reference = false;
	double x0, x1, r0, r1;
	size_t i, k, n = region_t0->n;

	for (k = 0; k < 4 && status == STRUCTURE_OK; k++) {
		if (all[k]->n != n) {
			status = STRUCTURE_SIZE_MISMATCH;
			reference = k >= 2;
			break;
		}
		/* Totals at t0 only gate the rates, which are per sector; only a
		 * bad figure there stops everything. */
		structure_total(all[k], &total[k], NULL);
		if (total[k].status != STRUCTURE_OK &&
		    !(k % 2 == 0 && total[k].status == STRUCTURE_ZERO_TOTAL)) {
			status = total[k].status;
			reference = k >= 2;
		}
	}
	if (status != STRUCTURE_OK) {
		for (i = 0; i < n; i++)
			portfolio_entry_fail(&entry[i], status, reference);
		return status;
	}

	for (i = 0; i < n; i++) {
		x0 = region_t0->value[i];
		x1 = region_t1->value[i];
		r0 = reference_t0->value[i];
		r1 = reference_t1->value[i];
		if (r1 == 0 || r0 == 0) {
			portfolio_entry_fail(&entry[i], STRUCTURE_REFERENCE_ZERO, true);
			continue;
		}
		if (x0 == 0) {
			portfolio_entry_fail(&entry[i], STRUCTURE_ZERO_START, false);
			continue;
		}
		entry[i].status = STRUCTURE_OK;
		entry[i].reference = false;
		/* METHODS §3.5 at the end of the period, §3.8. */
		entry[i].location_quotient = (x1 / total[1].value) /
		    (r1 / total[3].value);
		entry[i].region_rate = (x1 - x0) / x0;
		entry[i].reference_rate = (r1 - r0) / r0;
		/* r_i − g_i without the cancellation of two rounded rates. */
		entry[i].relative_growth =
		    sum_difference_of_products(x1, r0, r1, x0) / (x0 * r0);
		if (entry[i].location_quotient > 1)
			entry[i].quadrant = entry[i].relative_growth > 0 ?
			    PORTFOLIO_SPECIALISED_GAINING : PORTFOLIO_SPECIALISED_LOSING;
		else
			entry[i].quadrant = entry[i].relative_growth > 0 ?
			    PORTFOLIO_UNSPECIALISED_GAINING :
			    PORTFOLIO_UNSPECIALISED_LOSING;
	}
	return STRUCTURE_OK;
}
