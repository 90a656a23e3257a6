/* Helpers shared by the structure tests (test_structure.c, test_variety.c,
 * test_shiftshare.c, test_shock.c): numeric comparison and value views. Include
 * after <cmocka.h>. */
#ifndef WIALL_TESTS_STRUCTURE_SUPPORT_H
#define WIALL_TESTS_STRUCTURE_SUPPORT_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/structure.h"

/* METHODS: wiall must match the established tools to 1e-9 relative. Our own
 * worked examples are held to a far tighter bound. */
#define STRUCTURE_REL	1e-12

/* |got − want| ≤ rel·max(1, |want|): relative for large values, absolute below 1. */
#define assert_close(got, want, rel) do {					\
	double got_ = (got), want_ = (want);					\
	if (!(fabs(got_ - want_) <= (rel) * fmax(1.0, fabs(want_))))		\
		fail_msg("%s = %.17g, expected %.17g (tolerance %g)",		\
		    #got, got_, want_, (double)(rel));				\
} while (0)

#define assert_ok(measure) do {							\
	if ((measure).status != STRUCTURE_OK)					\
		fail_msg("%s: status %s, expected ok", #measure,		\
		    structure_status_names[(measure).status]);			\
} while (0)

/* A failed measure: the status, and a NAN value (never a silent 0). */
#define assert_fails(measure, want_status) do {					\
	if ((measure).status != (want_status))					\
		fail_msg("%s: status %s, expected %s", #measure,		\
		    structure_status_names[(measure).status],			\
		    structure_status_names[want_status]);			\
	assert_true(isnan((measure).value));					\
} while (0)

static inline struct structure_values
values_of(const double *v, size_t n)
{
	struct structure_values x = { v, NULL, n };

	return x;
}

#define VALUES(array)	values_of((array), sizeof(array) / sizeof((array)[0]))

#endif
