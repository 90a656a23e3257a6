/* Resilience to a registered shock (METHODS §3.7; Martin 2012; Martin, Sunley,
 * Gardiner & Tyler 2016): sensitivity, resistance over the contraction from peak p
 * to trough q, recovery from q to the recovery end s. Pure: the caller owns the
 * figures and the result; nothing is allocated. */
#ifndef WIALL_CORE_SHOCK_H
#define WIALL_CORE_SHOCK_H

#include "core/structure.h"

/* How the expected change E is formed. */
enum shock_expectation {
	SHOCK_EXPECT_SECTORAL = 0,	/* E = Σ_i g_i·x_i(start), g_i the reference's sector growth */
	SHOCK_EXPECT_AGGREGATE,		/* E = g·x(start), g the reference's overall growth */
	SHOCK_EXPECT__MAX
};
extern const char *const shock_expectation_names[SHOCK_EXPECT__MAX];

/* One phase, [p, q] or [q, s]. Totals are the sector sums. */
struct shock_phase {
	double			 region_start, region_end;	/* x(start), x(end) */
	double			 reference_start, reference_end; /* X(start), X(end) */
	double			 region_change;		/* Δx */
	double			 region_rate;		/* Δx / x(start) */
	double			 reference_rate;	/* ΔX / X(start) */
	struct structure_measure expected_change;	/* E */
	/* β = (Δx/x(start)) / (ΔX/X(start)); β > 1: more sensitive than the reference. */
	struct structure_measure sensitivity;
	/* (Δx − E) / |E|: resistance over [p, q], recovery over [q, s];
	 * > 0: better than expected. */
	struct structure_measure performance;
};

struct shock_result {
	enum shock_expectation	 expectation;
	struct shock_phase	 contraction;	/* [p, q]: performance is the resistance */
	struct shock_phase	 recovery;	/* [q, s]: performance is the recovery */
};

/* One phase from start to end; statuses name period 0 (start) or 1 (end). */
void	shock_phase_compute(const struct structure_values *region_start,
	    const struct structure_values *region_end,
	    const struct structure_values *reference_start,
	    const struct structure_values *reference_end,
	    enum shock_expectation expectation, struct shock_phase *out);

/* Both phases: region[0..2] and reference[0..2] at p, q, s. Statuses name the
 * period index 0 (p), 1 (q) or 2 (s). With one "sector" holding the totals, the
 * sectoral and the aggregate expectation coincide. */
void	shock_compute(const struct structure_values region[3],
	    const struct structure_values reference[3],
	    enum shock_expectation expectation, struct shock_result *out);

#endif
