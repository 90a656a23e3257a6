/* Floating-point assertions for cmocka tests (cmocka 1.1 compares floats only).
 * Include after <cmocka.h>. */
#ifndef WIALL_TESTS_UNIT_NEAR_H
#define WIALL_TESTS_UNIT_NEAR_H

#include <math.h>

/* |a − b| ≤ abs_tol, or |a − b| ≤ rel_tol·|b|. */
static inline void
near_check(double a, double b, double abs_tol, double rel_tol,
    const char *file, int line)
{
	double d = fabs(a - b);

	if (!(d <= abs_tol || d <= rel_tol * fabs(b)))
		_fail(file, line);
}

#define assert_near(a, b, tol) do {					\
	double near_a_ = (a), near_b_ = (b);				\
	if (!(fabs(near_a_ - near_b_) <= (tol)))			\
		print_error("%.17g != %.17g (tolerance %g)\n", near_a_,	\
		    near_b_, (double)(tol));				\
	near_check(near_a_, near_b_, (tol), 0, __FILE__, __LINE__);	\
} while (0)

/* Relative agreement, the 1e-9 of METHODS. */
#define assert_rel(a, b, rel) do {					\
	double near_a_ = (a), near_b_ = (b);				\
	if (!(fabs(near_a_ - near_b_) <= (rel) * fabs(near_b_)))	\
		print_error("%.17g != %.17g (relative %g)\n", near_a_,	\
		    near_b_, (double)(rel));				\
	near_check(near_a_, near_b_, 0, (rel), __FILE__, __LINE__);	\
} while (0)

#endif
